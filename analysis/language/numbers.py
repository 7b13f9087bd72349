"""Read the number in a mention as reports of this genre write it.

`parse_mention("440多万条")` gives value 4400000 with qualifier more_than. The
loader uses it to prove that each figure's value is the number its mention says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

# Full-width digits and signs, and the traditional forms of the multipliers and 余, 两.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％＋－−萬億餘兩", "0123456789.%+--万亿余两")
MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
# After digits the genre also writes 千 (3千余份) and 千万; 千米, 千克, 千瓦 are units, not 千.
SCALES = {**MULTIPLIERS, "千": 1000, "千万": 10_000_000}
SCALE = r"千万|千(?![米克瓦])|[万亿]"
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MENTION = re.compile(
    rf"(?P<low>{_NUMBER})(?:\s*[-~～—至到]\s*(?P<high>{_NUMBER}))?"
    rf"\s*(?P<q1>[余多])?\s*(?P<mult>{SCALE})?"
)
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_NUMBER = re.compile(r"[零一二两三四五六七八九十百千]+")
QUALIFIER_WORDS = {  # word in or just before a mention -> qualifier; longer words first
    "不少于": "at_least",
    "不低于": "at_least",
    "不超过": "at_most",
    "不足": "less_than",
    "不到": "less_than",
    "以上": "at_least",
    "以下": "at_most",
    "以内": "at_most",
    "至少": "at_least",
    "超过": "more_than",
    "逾": "more_than",
    "少于": "less_than",
    "低于": "less_than",
    "余": "more_than",
    "多": "more_than",
    "大约": "approximately",
    "将近": "approximately",
    "约": "approximately",
    "近": "approximately",
    "左右": "approximately",
}


@dataclass(frozen=True)
class Mention:
    value: float
    value_high: float | None
    qualifier: str | None  # None when the mention itself carries no qualifier word
    sign: str = ""         # "+" or "-" written before the number (a change in a table)


def normalise(text: str) -> str:
    """Full-width digits, point and percent sign to ASCII."""
    return text.translate(_FULLWIDTH)


def numbers_in(text: str) -> list[str]:
    """The separate numeric expressions in a text (a range counts as one)."""
    return [m.group(0) for m in _MENTION.finditer(normalise(text))]


def parse_mention(text: str) -> Mention:
    """Parse a mention holding exactly one number or range; raise ValueError otherwise."""
    norm = normalise(text)
    matches = list(_MENTION.finditer(norm))
    if not matches:
        chinese = _CN_NUMBER.findall(norm.removeprefix("百分之"))  # 百分之九十五 is 95 (%)
        if len(chinese) == 1:  # 十九个, 两次, 两万余人次
            rest = norm.removeprefix("百分之")
            scaled = re.search(r"[万亿]", rest[rest.index(chinese[0]) + len(chinese[0]):][:2])
            factor = MULTIPLIERS[scaled.group(0)] if scaled else 1
            return Mention(float(chinese_to_int(chinese[0]) * factor), None, _qualifier(norm))
    if len(matches) != 1:
        raise ValueError(f"{text!r} holds {len(matches)} numbers; a mention must hold exactly one")
    m = matches[0]
    factor = SCALES.get(m.group("mult"), 1)
    low = _exact(m.group("low"), factor)
    high = _exact(m.group("high"), factor) if m.group("high") else None
    qualifier = "range" if high is not None else _qualifier(norm)
    sign = norm[m.start() - 1] if m.start() and norm[m.start() - 1] in "+-" and high is None else ""
    return Mention(low, high, qualifier, sign)


def _qualifier(text: str) -> str | None:
    found = [q for word, q in QUALIFIER_WORDS.items() if word in text]
    return found[0] if found else None


def chinese_to_int(numeral: str) -> int:
    """A Chinese numeral below 10000 as an integer: 两 is 2, 十九 is 19, 一百零八 is 108."""
    total, digit = 0, None
    for char in numeral:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:
            raise ValueError(f"{numeral!r} is not a Chinese numeral")
    return total + (digit or 0)


def _exact(digits: str, factor: int = 1) -> float:
    # decimal arithmetic: 149.33亿 is 14933000000, not 14932999999.999998
    return float(Decimal(digits.replace(",", "")) * factor)
