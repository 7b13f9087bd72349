"""Words and numbers in the reader's language: labels from the data, numbers by convention.

Chinese: 万 and 亿 for large numbers, the report's measure words (件, 人), 余 and 以上.
English: thousands separators, "million", English units (cases, people), + and ≥.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

# The few fixed phrases of a chart's frame; everything else comes from the data.
PHRASES = {
    "source": {"zh": "来源：", "en": "Source: "},
    "note": {"zh": "注：", "en": "Note: "},
    "total": {"zh": "合计", "en": "Total"},
    "not_broken_down": {"zh": "未细分", "en": "not broken down"},
    "aside": {"zh": "{}（{}）", "en": "{} ({})"},
    # chart kinds, for alt text
    "kind_stacked_bar": {"zh": "堆叠条形图", "en": "Stacked bar"},
    "kind_bar_chart": {"zh": "条形图", "en": "Bar chart"},
    "kind_funnel": {"zh": "漏斗图", "en": "Funnel"},
    "kind_big_number_panel": {"zh": "数字面板", "en": "Big-number panel"},
}


DEFAULT_LANG: Lang = "en"
_setting: dict[str, Lang] = {"lang": DEFAULT_LANG}


def set_language(lang: str) -> None:
    """Set the one language that charts, tables and printed findings use when a call
    names none. English until set; notebooks set it in their first code cell."""
    _setting["lang"] = check_lang(lang)


def current_language() -> Lang:
    return _setting["lang"]


def check_lang(lang: str | None) -> Lang:
    """The language asked for, or the current setting when lang is None."""
    if lang is None:
        return current_language()
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    return lang  # type: ignore[return-value]


def phrase(key: str, lang: Lang, *args) -> str:
    return PHRASES[key][check_lang(lang)].format(*args)


def indicator(figure: pd.Series, lang: Lang) -> str:
    return figure["indicator_zh"] if check_lang(lang) == "zh" else figure["indicator_en"]


def part_label(figure: pd.Series, lang: Lang) -> str:
    """A part's name without the parent's prefix ("Review decisions: revoked" -> "revoked")."""
    text = indicator(figure, lang)
    return text.split(": ", 1)[1] if lang == "en" and ": " in text else text


def topic(figure: pd.Series, lang: Lang) -> str:
    return figure["topic_zh"] if check_lang(lang) == "zh" else figure["topic_en"]


def unit(figure: pd.Series, lang: Lang, value: float | None = None) -> str:
    """The measure word in Chinese (个, 件); in English, the noun the figure counts
    (townships, posts, visits) where it gives one, else the unit's generic English."""
    if check_lang(lang) == "zh":
        return figure["unit"]
    noun = figure.get("noun_en")
    plural, singular = ((noun, figure.get("noun_en_singular")) if isinstance(noun, str) and noun
                        else (figure["unit_en"], figure["unit_en_singular"]))
    return singular if value is not None and value == 1 else plural


def number(value: float, lang: Lang, compact: bool = False) -> str:
    """A number as the language writes it; compact shortens large numbers (440万, 4.4 million)."""
    lang = check_lang(lang)
    if compact and lang == "zh" and abs(value) >= 10_000:
        for size, word in ((100_000_000, "亿"), (10_000, "万")):
            if abs(value) >= size:
                return f"{_trim(value / size)}{word}"
    if compact and lang == "en" and abs(value) >= 1_000_000:
        return f"{_trim(value / 1_000_000)} million"
    if float(value).is_integer():
        return f"{int(value):,}" if lang == "en" else f"{int(value)}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if lang == "en" else _trim(value)


def _more_than(text: str, mention) -> str:
    """余 or 多 as the report writes it, and where: 440多万 (report: 440多万条), 21万余 (21万余元);
    余 after the number where the mention does not say."""
    mention = mention if isinstance(mention, str) else ""
    word = "多" if "多" in mention and "余" not in mention else "余"
    if text[-1:] in ("万", "亿") and f"{word}{text[-1]}" in mention:
        return f"{text[:-1]}{word}{text[-1]}"
    return f"{text}{word}"


def _trim(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def amount(figure: pd.Series, lang: Lang, compact: bool = True) -> str:
    """A figure's value with its unit and qualifier: 440多万条 / 4.4 million+ records."""
    lang = check_lang(lang)
    value, qualifier = figure["value"], figure["qualifier"]
    text = number(value, lang, compact)
    if qualifier == "range":
        text = f"{text}-{number(figure['value_high'], lang, compact)}"
    measure_word = unit(figure, lang, None if qualifier == "range" else value)
    percent = figure["unit"] == "%"
    if lang == "zh":
        least = "以上" if qualifier == "at_least" else ""
        approx = "约" if qualifier == "approximately" else ""
        if qualifier == "more_than":
            text = _more_than(text, figure.get("mention"))
        return f"{approx}{text}{measure_word}{least}"
    prefix = {"at_least": "≥", "approximately": "~"}.get(qualifier, "")
    suffix = "+" if qualifier == "more_than" else ""
    if percent:
        return f"{prefix}{text}%{suffix}"
    return f"{prefix}{text}{suffix} {measure_word}"


def report_title(report: pd.Series, lang: Lang) -> str:
    return f"《{report['title_zh']}》" if check_lang(lang) == "zh" else report["title_en"]
