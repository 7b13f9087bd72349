"""The outline markers of the genre's headings: 一、 (一) 1. 1)."""

import re

OUTLINE_MARKER = re.compile(r"[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.|\d+\)")
