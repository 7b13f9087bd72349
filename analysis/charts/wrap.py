"""Breaking chart text into lines: English at spaces, Chinese at word boundaries.

Chinese words are found by jieba (its Rust port, through the `rjieba` binding: the
dictionary loads in about 0.1 s, against about 0.5 s for the Python jieba). It is loaded
only when a Chinese text is too long for its line, so English charts never pay for it.
Terms of the field are never split: the glossary's terms and their aliases
(data/glossary.csv), the topic names, quoted names (“双随机、一公开”) and short indicator names
are matched first and kept whole; jieba segments only the text between them.

Widths are in em: a Chinese character is one, a Latin letter or digit about half.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..tables.figures import load_table

# An indicator name this short is a term (撤销, 调解成功率); a longer one is a phrase that
# may break like any other text.
TERM_MAX_CHARS = 7
# Advance widths in em of the chart font (Noto Sans SC), measured by character class; a
# Chinese character or full-width mark is one em.
SPACE_EM, LOWER_EM, UPPER_EM, DIGIT_EM, OTHER_EM = 0.23, 0.5, 0.64, 0.56, 0.38
# Chinese line-breaking rules: no line starts with closing punctuation, none ends with
# opening punctuation.
CLOSING = "，。、；：！？）》」』”’%％·…,.;:!?)"
OPENING = "（《「『“‘("
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]")


def em_width(text: str) -> float:
    return sum(_em(c) for c in text)


def _em(c: str) -> float:
    if CJK.match(c):
        return 1.0
    if c == " ":
        return SPACE_EM
    if c.isdigit():
        return DIGIT_EM
    if c.isalpha():
        return UPPER_EM if c.isupper() else LOWER_EM
    return OTHER_EM


@lru_cache(maxsize=1)
def protected_terms() -> tuple[str, ...]:
    """The terms never split, longest first."""
    terms: set[str] = set()
    try:
        glossary = load_table("glossary")
    except KeyError:  # a data package without a glossary
        glossary = None
    if glossary is not None:
        terms |= set(glossary["term_zh"].dropna())
        terms |= {a for aliases in glossary["aliases_zh"].dropna() for a in aliases.split("|")}
    topics = load_table("topics")["topic_zh"]
    indicators = load_table("figures")["indicator_zh"]
    terms |= set(topics)
    terms |= {t for t in indicators if len(t) <= TERM_MAX_CHARS}
    for text in (*topics, *indicators):  # quoted names: “双随机、一公开”, “放管服”
        terms |= set(re.findall(r"“([^”]{2,12})”", text))
    return tuple(sorted((t for t in terms if len(t) >= 2), key=lambda t: (-len(t), t)))


# Also kept whole: a title in 《》, a section name (第一部分(一)2.2)), a date, and a number
# with its measure word (15起, 33.3%).
SPANS = "|".join([
    r"《[^》]{1,40}》",
    r"第[一二三四五六七八九十、]+部分(?:\([一二三四五六七八九十]+\))?(?:\d+\.)?(?:\d+\))?",
    r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?",
    r"[\d.,]*\d(?:%|[件起人个项条次名种处篇册元])?",
])


@lru_cache(maxsize=1)
def _term_pattern() -> re.Pattern:
    return re.compile("|".join([SPANS, *map(re.escape, protected_terms())]))


@lru_cache(maxsize=1)
def _jieba():
    import rjieba  # imported here: only Chinese text that needs breaking pays for it

    return rjieba


def words(text: str) -> list[str]:
    """Chinese text as the pieces a line may break between: protected terms whole,
    jieba's words elsewhere, punctuation kept with the word it belongs to."""
    pieces: list[str] = []
    position = 0
    for match in _term_pattern().finditer(text):
        pieces += _cut(text[position:match.start()])
        pieces.append(match.group())
        position = match.end()
    pieces += _cut(text[position:])
    return _attach_punctuation(pieces)


def _cut(text: str) -> list[str]:
    return [w for w in _jieba().cut(text, hmm=True) if w] if text else []


def _attach_punctuation(pieces: list[str]) -> list[str]:
    out: list[str] = []
    carry = ""
    for piece in pieces:
        piece, carry = carry + piece, ""
        lead = len(piece) - len(piece.lstrip(CLOSING))
        if lead and out:
            out[-1] += piece[:lead]
            piece = piece[lead:]
        trail = len(piece) - len(piece.rstrip(OPENING))
        if trail:
            piece, carry = piece[:-trail], piece[-trail:]
        if piece.strip():
            out.append(piece)
        elif piece and out:
            out[-1] += piece
    if carry:
        out.append(carry)
    return out


@lru_cache(maxsize=1024)
def wrap(text: str, width: float, even: bool = True) -> str:
    """text in lines of at most `width` em, broken between words (English) or between
    jieba's words, never inside a protected term (Chinese); lines as even as they can be,
    or (even=False) each filled in turn, for running text. A single word wider than a line
    is the one thing cut by characters."""
    if em_width(text) <= width:
        return text
    if CJK.search(text) and " " not in text.strip():
        pieces, joiner = words(text), ""
    else:
        pieces, joiner = text.split(), " "
    pieces = [chunk for piece in pieces for chunk in _split_long(piece, width)]
    lines = _balanced(pieces, width, joiner) if even else _greedy(pieces, width, joiner)
    return "\n".join(lines)


def _split_long(piece: str, width: float) -> list[str]:
    """A piece wider than a line: a term cut between its own words, else by characters."""
    if em_width(piece) <= width:
        return [piece]
    if CJK.search(piece):
        inner = _attach_punctuation(_cut(piece))
        if len(inner) > 1:
            return [chunk for part in _greedy(inner, width, "") for chunk in _split_long(part, width)]
    size = max(1, int(width // max(em_width(c) for c in piece)))
    parts = -(-len(piece) // size)
    size = -(-len(piece) // parts)  # even chunks, no one-character tail
    return [piece[i:i + size] for i in range(0, len(piece), size)]


def _greedy(pieces: list[str], limit: float, joiner: str) -> list[str]:
    lines: list[str] = []
    for piece in pieces:
        if lines and em_width(lines[-1] + joiner + piece) <= limit + 1e-9:
            lines[-1] += joiner + piece
        else:
            lines.append(piece)
    return lines


def _balanced(pieces: list[str], width: float, joiner: str) -> list[str]:
    """The fewest lines that fit, then the narrowest limit that keeps that many: lines of
    even length rather than a full line and a short tail."""
    fewest = len(_greedy(pieces, width, joiner))
    total = em_width(joiner.join(pieces))
    limit = max(total / fewest, max(em_width(p) for p in pieces))
    while limit < width:
        lines = _greedy(pieces, limit, joiner)
        if len(lines) <= fewest:
            return lines
        limit += 0.25
    return _greedy(pieces, width, joiner)
