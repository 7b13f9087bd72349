"""Helpers for tests that read the briefing's HTML."""

import re

from bs4 import BeautifulSoup

CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def chinese_outside_zh(soup: BeautifulSoup) -> list[str]:
    """Text with Chinese characters whose nearest lang attribute is not Chinese."""
    bad = []
    for text in soup.find_all(string=CJK):
        if text.parent.name in ("style", "script", "title"):
            continue
        marked = text.parent if text.parent.has_attr("lang") else text.parent.find_parent(attrs={"lang": True})
        if marked is None or not marked["lang"].startswith("zh"):
            bad.append(str(text)[:40])
    return bad
