"""Matching a reader's query against Chinese and English text.

Chinese has no spaces between words, so a Chinese term matches anywhere in a text (枫桥 in
“枫桥经验”). English matches whole words, with plurals folded (rates finds rate), so that
"rate" does not match "generated". Offsets are kept: normalising full-width characters to
ASCII changes no lengths, so a match found in the normalised text highlights the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width ASCII (！ to ～) and the ideographic space to their ASCII forms, one for one.
# Upper-case ASCII to lower case, the same way (str.lower can change a text's length).
_FOLD = ({cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
         | {cp: cp + 32 for cp in range(0x41, 0x5B)})
_FOLD.update({cp: v + 32 for cp, v in _FOLD.items() if 0x41 <= v <= 0x5A})
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[a-z0-9]+(?:[.'][a-z0-9]+)*")
_TRIM = "\"'“”‘’《》「」『』【】()（）,，.。;；:：!！?？、"
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_RANGE = re.compile(r"\d+(?:\.\d+)?-\d+(?:\.\d+)?")
_LARGE = re.compile(r"(\d+(?:\.\d+)?)([万亿])")
STOP_WORDS = frozenset("a an and by for in of on or the to with".split())


def normalise(text: str) -> str:
    """Full-width letters, digits and signs to ASCII, lower case; the length is unchanged."""
    return text.translate(_FOLD)


def stem(word: str) -> str:
    """An English word without its plural or possessive ending (cases → case, rates → rate)."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[tuple[str, int, int]]:
    """The English words of a text, stemmed, with their offsets."""
    return [(stem(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(normalise(text))]


def is_chinese(term: str) -> bool:
    return bool(_CJK.search(term))


@dataclass(frozen=True)
class Term:
    """One part of a query: Chinese (matched inside text) or an English word or number."""

    text: str  # normalised

    @property
    def chinese(self) -> bool:
        return is_chinese(self.text)

    def find(self, text: str, english: bool) -> list[tuple[int, int]]:
        """Where the term occurs in text. english: text is English, matched word by word;
        otherwise Chinese, where Chinese terms and numbers match anywhere and English words
        whole (EMS in Chinese text). A number before 万 or 亿 also finds it with 多 or 余
        between (440万 finds 440多万)."""
        if self.chinese:
            if english:
                return []
            if _LARGE.search(self.text):
                pattern = _LARGE.sub(lambda m: re.escape(m.group(1)) + "[多余]?" + m.group(2), self.text)
                return [m.span() for m in re.finditer(pattern, normalise(text))]
            return _all(normalise(text), self.text)
        if not english and not self.text.isalpha():  # a number: anywhere in Chinese text
            return _all(normalise(text), self.text)
        target = stem(self.text)
        return [(a, b) for w, a, b in words(text) if w == target]


def parse(query: str) -> list[Term]:
    """The terms of a query: split at spaces, quotes and punctuation trimmed, English
    stop words dropped (a search must match every term)."""
    terms = []
    for part in normalise(query).split():
        part = _THOUSANDS.sub("", part)  # 1,332 as a table shows it is 1332 as the report writes it
        # English joined by hyphens or slashes is several words (double-random); a range of
        # numbers (1-2) is one term
        pieces = [part] if is_chinese(part) or _RANGE.fullmatch(part) else re.split(r"[-/]", part)
        for piece in pieces:
            piece = piece.strip(_TRIM)
            if piece and piece not in STOP_WORDS:
                terms.append(Term(piece))
    return terms


def _all(text: str, part: str) -> list[tuple[int, int]]:
    found, start = [], text.find(part)
    while start != -1:
        found.append((start, start + len(part)))
        start = text.find(part, start + 1)
    return found


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def mark(text: str, spans: list[tuple[int, int]], before: str = "【", after: str = "】",
         escape=None) -> str:
    """text with each span wrapped (【…】 for print, <mark>…</mark> for HTML with escape)."""
    escape = escape or (lambda s: s)
    out, last = [], 0
    for a, b in merge(spans):
        out += [escape(text[last:a]), before, escape(text[a:b]), after]
        last = b
    out.append(escape(text[last:]))
    return "".join(out)
