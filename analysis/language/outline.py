"""The outline markers of the genre's headings: 一、 (一) 1. 1), and their full-width forms
（一） 1、 １． （1）."""

import re

OUTLINE_MARKER = re.compile(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]"
                            r"|[0-9０-９]+[.．、](?![0-9０-９])|[(（]?[0-9０-９]+[)）]")
_PATH_FORM = str.maketrans("（）．０１２３４５６７８９", "().0123456789")


def path_form(marker: str) -> str:
    """A marker as section paths write it: （一） -> (一), １． -> 1."""
    return marker.translate(_PATH_FORM)
