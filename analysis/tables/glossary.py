"""The glossary of the field's terms (data/glossary.csv): look a term up by its Chinese, and
check that prose gives each Chinese term in parentheses after its glossary English.

Prose writes a term as English first, Chinese after: "double-random inspections (双随机、一公开)".
The English before the parenthesis must end with the glossary's English for that term, so that
the notebooks, charts and briefings name each term one way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .figures import load_table

ALIAS_SEPARATOR = "|"
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9０-９]")
# a section of the report named in parentheses, "(一)" or "(二、(一))", is not a term
_SECTION = re.compile(r"[一二三四五六七八九十]+、?(?:[(（][一二三四五六七八九十]+[)）])?")
# what may sit between an English phrase and its parenthesis: quotes and Markdown emphasis
_TRAILING_MARKS = "\"'“”‘’*_` "


def load_glossary() -> pd.DataFrame:
    """The glossary table (a copy), one row per term."""
    return load_table("glossary")


@lru_cache(maxsize=1)
def _index() -> dict[str, int]:
    """Row position of each Chinese form of a term: the term itself and its aliases."""
    glossary = load_table("glossary")
    index = {}
    for position, row in enumerate(glossary.itertuples()):
        for form in [row.term_zh, *_aliases(row.aliases_zh)]:
            index[form] = position
    return index


def _aliases(value) -> list[str]:
    return [a for a in (value or "").split(ALIAS_SEPARATOR) if a] if isinstance(value, str) else []


def lookup(term_zh: str) -> pd.Series:
    """The glossary row of a Chinese term, given as the glossary writes it or as one of its
    aliases. Raises KeyError naming close terms when it is not in the glossary."""
    position = _index().get(term_zh.strip())
    if position is None:
        close = [t for t in _index() if term_zh and (term_zh in t or t in term_zh)][:5]
        hint = f"; close: {close}" if close else ""
        raise KeyError(f"{term_zh!r} is not in the glossary (data/glossary.csv){hint}")
    return load_table("glossary").iloc[position]


def english(term_zh: str) -> str:
    """The glossary's English for a Chinese term."""
    return lookup(term_zh)["term_en"]


@dataclass(frozen=True)
class TermUse:
    """A Chinese term given in parentheses in prose, with the English written before it."""

    term_zh: str
    before: str  # the prose up to the parenthesis, on the same line
    line: int


def parenthesised_terms(text: str) -> list[TermUse]:
    """Every parenthesis in prose that holds only Chinese (no Latin letters, no digits, not a
    section marker) and follows a space: "English words (中文)". Chinese written inside
    Chinese, as in 一村(居)一辅警, has no space before its parenthesis and is not a use."""
    uses = []
    for number, line in enumerate(text.splitlines(), 1):
        for start, end in _parentheses(line):
            inner = line[start + 1:end]
            if start == 0 or not line[start - 1].isspace():
                continue
            if not _CJK.search(inner) or _LATIN_OR_DIGIT.search(inner) or _SECTION.fullmatch(inner):
                continue
            uses.append(TermUse(inner.strip(), line[:start].rstrip(), number))
    return uses


def _parentheses(line: str) -> list[tuple[int, int]]:
    """(open, close) positions of each outermost parenthesis pair, half- or full-width."""
    pairs, depth, opened = [], 0, None
    for i, char in enumerate(line):
        if char in "(（":
            if depth == 0:
                opened = i
            depth += 1
        elif char in ")）" and depth:
            depth -= 1
            if depth == 0:
                pairs.append((opened, i))
    return pairs


def term_problems(text: str) -> list[str]:
    """What is wrong with the Chinese terms in parentheses in some prose: a term missing from
    the glossary, or given after English other than the glossary's."""
    problems = []
    for use in parenthesised_terms(text):
        try:
            row = lookup(use.term_zh)
        except KeyError as exc:
            problems.append(f"line {use.line}: {exc.args[0]}")
            continue
        if not ends_with_english(use.before, row["term_en"]):
            shown = use.before[-60:]
            problems.append(f"line {use.line}: ({use.term_zh}) should follow the glossary's English "
                            f"{row['term_en']!r}, not '…{shown}'")
    return problems


def ends_with_english(before: str, term_en: str) -> bool:
    """True when the prose before a parenthesis ends with the term's English, in any case,
    allowing a plural ending and quotation marks or emphasis around it."""
    said = _normalise(before.rstrip(_TRAILING_MARKS))
    term = _normalise(term_en)
    return any(said.endswith(term + ending) and _word_start(said, len(term + ending))
               for ending in ("", "s", "es"))


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).lower()


def _word_start(said: str, length: int) -> bool:
    """The match starts a word: 'revoked' does not end 'unrevoked'."""
    cut = len(said) - length
    return cut == 0 or not said[cut - 1].isalnum()
