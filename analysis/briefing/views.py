"""Tables for readers of notebooks and briefings: figures with their amounts, and any table
formatted for reading."""

from __future__ import annotations

import pandas as pd

from ..language import labels
from ..language.labels import Lang, check_lang
from ..tables.figures import load_figures


def figure_table(topics: list[str] | None = None, figure_ids: list[str] | None = None,
                 report: str | None = None, quote: bool = True) -> pd.DataFrame:
    """The figures of some topics (or ids), as the report words them, with amounts in both
    languages, indexed by figure id."""
    figures = load_figures(report)
    if topics is not None:
        unknown = sorted(set(topics) - set(figures["topic"]))
        if unknown:
            raise KeyError(f"unknown topics {unknown}; known: {sorted(set(figures['topic']))}")
        figures = figures[figures["topic"].isin(topics)]
    if figure_ids is not None:
        figures = figures.set_index("figure_id").loc[figure_ids].reset_index()
    table = pd.DataFrame({
        "figure_id": figures["figure_id"],
        "section": figures["section"],
        "indicator_en": figures["indicator_en"],
        "indicator_zh": figures["indicator_zh"],
        "amount_en": [labels.amount(f, "en", compact=False) for _, f in figures.iterrows()],
        "amount_zh": [labels.amount(f, "zh", compact=False) for _, f in figures.iterrows()],
    })
    if quote:
        table["quote"] = figures["quote"].to_numpy()
    return table.set_index("figure_id")


# Column names readers see, (zh, en); a column not listed keeps its own name.
COLUMN_NAMES = {
    "figure_id": ("数据编号", "Figure id"),
    "section": ("章节", "Section"),
    "indicator_zh": ("指标", "Indicator (Chinese)"),
    "indicator_en": ("指标（英文）", "Indicator"),
    "amount_zh": ("数值", "Amount (Chinese)"),
    "amount_en": ("数值（英文）", "Amount"),
    "quote": ("原文", "Quote"),
    # measures, commitments, citations and the plan's tasks
    "kind": ("类型", "Kind"),
    "label_zh": ("名称", "Name"),
    "label_en": ("名称（英文）", "Name"),
    "summary_en": ("内容（英文）", "What it says"),
    "figure_ids": ("相关数据编号", "Figures that measure it"),
    "what_it_shows": ("说明（英文）", "What it shows"),
    "name_en": ("所引内容（英文）", "What is cited"),
    "heading": ("标题", "Heading"),
    "title_en": ("标题（英文）", "Title"),
    "period": ("时间范围", "Time frame"),
    "note": ("说明", "Note"),
}


def table(frame: pd.DataFrame, lang: Lang | None = None, names: dict[str, tuple[str, str]] | None = None):
    """A table formatted for reading: no row index, whole numbers without a decimal point,
    column names in the language, text left-aligned, the figure id last."""
    lang = check_lang(lang)
    shown = frame.reset_index() if frame.index.name or any(frame.index.names) else frame.reset_index(drop=True)
    if "figure_id" in shown:
        shown = shown[[c for c in shown if c != "figure_id"] + ["figure_id"]]
    wanted = {**COLUMN_NAMES, **(names or {})}
    shown = shown.rename(columns={c: wanted[c][0 if lang == "zh" else 1] for c in shown if c in wanted})
    whole = {c: "{:.0f}" for c in shown if pd.api.types.is_float_dtype(shown[c])
             and shown[c].dropna().apply(float.is_integer).all()}
    return (shown.style.hide(axis="index").format(whole, na_rep="")
            .set_uuid("reader").set_properties(**{"text-align": "left"}))
