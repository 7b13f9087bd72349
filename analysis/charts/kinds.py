"""The chart kinds the report needs.

Every chart function takes figure ids and a language ("zh" or "en"), reads labels and
numbers from the data package, and returns a matplotlib Figure finished by the frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ..audit.checks import parts_agree
from ..language import labels
from ..language.labels import Lang, check_lang
from ..tables.figures import get_figure, shared_breakdown
from . import style
from .frame import LABEL_WIDTH, describe, figure_rows, finish, new_chart, wrap_label


def part_to_whole(parent_id: str, lang: Lang | None = None, title: str | None = None,
                  note: str = "") -> Figure:
    """One bar split into the parts the report lists, with a key of labels, values and
    shares beneath; a grey remainder when the parts fall short of the total."""
    lang = check_lang(lang)
    split = shared_breakdown(parent_id)
    parent = split.parent
    rows = [row for _, row in split.related("part").iterrows()]
    if not rows:
        raise ValueError(f"{parent_id} has no parts that make up a whole; use ranked_bar")
    segments = [(labels.part_label(r, lang), r["value"], labels.amount(r, lang)) for r in rows]
    rest = parent["value"] - split.parts_sum
    if rest > 0:
        segments.append((labels.phrase("not_broken_down", lang), rest, labels.number(rest, lang)))
    key_rows = -(-len(segments) // 2)
    fig, _ = new_chart(height=1.75 + 0.62 + 0.26 * key_rows, axes=False)
    bar_ax, key_ax = fig.subplots(2, 1, height_ratios=[0.62, 0.26 * key_rows])
    left, whole = 0.0, max(parent["value"], sum(v for _, v, _ in segments))
    colours = [style.PALETTE[i % len(style.PALETTE)] for i in range(len(rows))] + ["#d9d9d9"]
    for (name, value, _), colour in zip(segments, colours):
        bar_ax.barh(0, value, left=left, color=colour, edgecolor="white", height=0.8)
        left += value
    bar_ax.set_xlim(0, whole)
    bar_ax.set_axis_off()
    key_ax.set_axis_off()
    key_ax.set_xlim(0, 2)
    key_ax.set_ylim(key_rows, 0)
    pairs = []
    for i, ((name, value, shown), colour) in enumerate(zip(segments, colours)):
        x, y = (i // key_rows), i % key_rows + 0.5
        share = f"{value / parent['value']:.0%}" if parent["value"] else ""
        key_ax.add_patch(plt.Rectangle((x + 0.01, y - 0.3), 0.05, 0.6, color=colour))
        key_ax.text(x + 0.09, y, f"{name}  {shown}  ({share})", va="center", fontsize=8)
        pairs.append((name, f"{shown} ({share})"))
    heading = title or labels.indicator(parent, lang)
    subtitle = f"{labels.phrase('total', lang)} {labels.amount(parent, lang, compact=False)}"
    kind = labels.phrase("kind_stacked_bar", lang)
    return finish(fig, title=heading, subtitle=subtitle, figures=[parent, *rows], note=note,
                  lang=lang, alt_text=describe(kind, f"{heading}, {subtitle}", pairs, lang))


def ranked_bar(figure_ids: list[str], lang: Lang | None = None, title: str = "", subtitle: str = "",
               note: str = "") -> Figure:
    """Horizontal bars, largest on top, each labelled with its value."""
    lang = check_lang(lang)
    figures = sorted(figure_rows(figure_ids), key=lambda f: f["value"], reverse=True)
    one_axis(figures, "ranked_bar")
    return _bars([labels.part_label(f, lang) for f in figures], [f["value"] for f in figures],
                 [labels.amount(f, lang) for f in figures], figures, lang, title, subtitle, note)


def one_axis(figures: list[pd.Series], chart: str, by: str = "unit_en") -> None:
    """Refuse figures that bar lengths cannot compare: different units (件 and 起 are both
    cases; records and cases are not), or for by="measure" different kinds of measure
    (a count, a percentage, money)."""
    if len({f[by] for f in figures}) > 1:
        listed = ", ".join(f"{f['figure_id']} ({f['unit']}, {f['unit_en']})" for f in figures)
        what = "units" if by == "unit_en" else "kinds of measure"
        raise ValueError(f"{chart} cannot put figures of different {what} on one axis: {listed}; "
                         "chart each unit apart")


def count_bar(names: list[str], counts: list[float], figures: list[pd.Series], lang: Lang | None = None,
              title: str = "", subtitle: str = "", note: str = "") -> Figure:
    """Horizontal bars of counts computed from the figures (how many per topic, say),
    largest on top; figures name the sources."""
    lang = check_lang(lang)
    order = sorted(range(len(counts)), key=lambda i: counts[i], reverse=True)
    return _bars([names[i] for i in order], [counts[i] for i in order],
                 [labels.number(counts[i], lang) for i in order], figures, lang, title, subtitle, note)


def _bars(names, values, value_labels, figures, lang, title, subtitle, note) -> Figure:
    """The ranked-bar drawing shared by ranked_bar and count_bar; rows come largest first."""
    fig, ax = new_chart(height=max(2.6, 1.3 + 0.32 * len(values)))
    names = [wrap_label(n, LABEL_WIDTH[lang]) for n in names]
    bars = ax.barh(names[::-1], values[::-1], color=style.PALETTE[0], height=0.65)
    ax.bar_label(bars, labels=value_labels[::-1], padding=3, fontsize=8)
    ax.set_xlim(0, max(values) * 1.18)
    ax.xaxis.set_visible(False)
    ax.spines[["bottom"]].set_visible(False)
    ax.tick_params(axis="y", labelsize=8.5, length=0)
    kind = labels.phrase("kind_bar_chart", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, title, list(zip(names, value_labels)), lang))


def funnel(figure_ids: list[str], lang: Lang | None = None, title: str = "", subtitle: str = "",
           note: str = "") -> Figure:
    """Stages of a process, top to bottom, each with its share of the stage before."""
    lang = check_lang(lang)
    figures = figure_rows(figure_ids)
    one_axis(figures, "funnel", by="measure")  # stages count different things, never % and money
    height = max(2.6, 1.4 + 0.45 * len(figures))
    fig, ax = new_chart(height=height)
    values = [f["value"] for f in figures]
    widest = max(values)
    pairs = []
    for y, f in enumerate(figures):
        ax.barh(y, f["value"], left=(widest - f["value"]) / 2, color=style.PALETTE[0], height=0.7)
        text = labels.amount(f, lang)
        if y > 0 and values[y - 1]:
            share = f"{f['value'] / values[y - 1]:.0%}"
            text = labels.phrase("aside", lang, text, labels.phrase("of_previous", lang, share))
        if f["value"] > widest * 0.55:  # room inside the bar
            ax.text(widest / 2, y, text, ha="center", va="center", fontsize=8.5, color="white")
        else:
            ax.text((widest + f["value"]) / 2 + widest * 0.02, y, text, ha="left", va="center",
                    fontsize=8.5)
        pairs.append((labels.indicator(f, lang), text))
    ax.set_yticks(range(len(figures)), [labels.indicator(f, lang) for f in figures], fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, widest)
    ax.xaxis.set_visible(False)
    ax.spines[["bottom", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    kind = labels.phrase("kind_funnel", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, title, pairs, lang))


@dataclass(frozen=True)
class Labelled:
    label_zh: str
    label_en: str

    def label(self, lang: Lang) -> str:
        return self.label_zh if check_lang(lang) == "zh" else self.label_en


@dataclass(frozen=True)
class Reference(Labelled):
    """A value a rate is read against: a target, a national figure, a recomputation."""

    value: float


def bullet(rate_id: str, references: list[Reference], lang: Lang | None = None, title: str = "",
           note: str = "", extra_figures: list[str] = ()) -> Figure:
    """A stated rate as a bar on a 0-100% scale, reference values marked on it and named
    in a key beneath."""
    lang = check_lang(lang)
    rate = get_figure(rate_id)
    fig, _ = new_chart(height=2.05 + 0.26 * (len(references) + 1), axes=False)
    ax, key_ax = fig.subplots(2, 1, height_ratios=[0.75, 0.26 * (len(references) + 1)])
    ax.barh(0, 100, color="#eeeeee", height=0.9)
    ax.barh(0, rate["value"], color=style.PALETTE[0], height=0.4)
    stated = f"{labels.phrase('stated', lang)} {labels.amount(rate, lang)}"
    entries = [(stated, style.PALETTE[0], "bar")]
    for i, ref in enumerate(references):
        colour = style.PALETTE[(i + 1) % len(style.PALETTE)]
        ax.plot([ref.value, ref.value], [-0.45, 0.45], color=colour, linewidth=2.4)
        entries.append((f"{ref.label(lang)} {labels.number(round(ref.value, 1), lang)}%", colour, "line"))
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.5, 0.5)
    ax.set_yticks([])
    ax.spines[["left"]].set_visible(False)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0f}%")
    ax.tick_params(axis="x", labelsize=8)
    key_ax.set_axis_off()
    key_ax.set_xlim(0, 1)
    key_ax.set_ylim(len(entries), 0)
    for y, (text, colour, kind) in enumerate(entries):
        if kind == "bar":
            key_ax.add_patch(plt.Rectangle((0.005, y + 0.3), 0.03, 0.4, color=colour))
        else:
            key_ax.plot([0.02, 0.02], [y + 0.15, y + 0.85], color=colour, linewidth=2.4)
        key_ax.text(0.05, y + 0.5, text, va="center", fontsize=8.5)
    heading = title or labels.indicator(rate, lang)
    kind = labels.phrase("kind_bullet_chart", lang)
    figures = [rate, *figure_rows(list(extra_figures))]
    return finish(fig, title=heading, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, heading, [(t, "") for t, _, _ in entries], lang))


def big_numbers(figure_ids: list[str], lang: Lang | None = None, title: str = "", subtitle: str = "",
                note: str = "", columns: int = 3) -> Figure:
    """A panel of headline figures: the number large, its indicator beneath."""
    lang = check_lang(lang)
    figures = figure_rows(figure_ids)
    rows = -(-len(figures) // columns)
    fig, ax = new_chart(height=1.5 + 1.05 * rows)
    ax.set_axis_off()
    ax.set_xlim(0, columns)
    ax.set_ylim(rows, 0)
    pairs = []
    bigs = [labels.amount(f, lang) for f in figures]
    size = 17 if max(map(len, bigs)) <= 10 else 13  # long English amounts must fit a column
    for i, (f, big) in enumerate(zip(figures, bigs)):
        x, y = i % columns + 0.5, i // columns
        ax.text(x, y + 0.42, big, ha="center", va="bottom", fontsize=size, color=style.PALETTE[0])
        ax.text(x, y + 0.5, wrap_label(labels.indicator(f, lang), 14 if lang == "zh" else 26),
                ha="center", va="top", fontsize=8, color="#333333")
        pairs.append((labels.indicator(f, lang), big))
    kind = labels.phrase("kind_big_number_panel", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, title, pairs, lang))


@dataclass(frozen=True)
class Comparison(Labelled):
    """One row of a comparison chart: a stated value and values it is checked against."""

    stated: float
    others: tuple[Reference, ...]


def stated_vs_recomputed(rows: list[Comparison], figures: list[str], lang: Lang | None = None,
                         title: str = "", note: str = "") -> Figure:
    """How far each recomputation lands from the stated rate, in percentage points.

    One bar per (rate, definition); zero is the stated value. Rates of very different size
    share one axis this way."""
    lang = check_lang(lang)
    items = [(row, other) for row in rows for other in row.others]
    fig, ax = new_chart(height=1.5 + 0.3 * len(items))
    names, gaps, texts_, pairs = [], [], [], []
    for row, other in items:
        names.append(labels.phrase("named", lang, row.label(lang), other.label(lang)))
        gap = other.value - row.stated
        gaps.append(gap)
        shown = f"{labels.number(round(other.value, 2), lang)}% ({gap:+.2f})"
        texts_.append(shown)
        pairs.append((names[-1], shown))
    names = [wrap_label(n, LABEL_WIDTH[lang]) for n in names]
    bars = ax.barh(names, gaps, color=style.PALETTE[1], height=0.6)
    ax.scatter(gaps, range(len(gaps)), color=style.PALETTE[1], s=14, zorder=3)  # tiny gaps stay visible
    ax.bar_label(bars, labels=texts_, padding=4, fontsize=7.5)
    ax.axvline(0, color=style.PALETTE[0], linewidth=1.2)
    span = max(abs(g) for g in gaps) or 1
    ax.set_xlim(-span * 1.6, span * 1.6)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7.5, length=0)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlabel(labels.phrase("recomputed_minus_stated", lang), fontsize=8)
    kind = labels.phrase("kind_bar_chart", lang)
    return finish(fig, title=title, figures=figure_rows(figures), note=note, lang=lang,
                  alt_text=describe(kind, title, pairs, lang))


def sum_check(parent_ids: list[str], lang: Lang | None = None, title: str = "", note: str = "") -> Figure:
    """Per breakdown, the stated total beside the sum of its parts (as % of the total)."""
    lang = check_lang(lang)
    rows = [shared_breakdown(p) for p in parent_ids]
    fig, ax = new_chart(height=1.4 + 0.42 * len(rows))
    names, shares, pairs = [], [], []
    for b in rows:
        share = 100 * b.parts_sum / b.parent["value"]
        names.append(labels.indicator(b.parent, lang))
        shares.append(share)
        pairs.append((names[-1], f"{labels.number(b.parts_sum, lang)} / {labels.amount(b.parent, lang)}"))
    names = [wrap_label(n, LABEL_WIDTH[lang]) for n in names]
    # coloured by the audit's own test, so chart and audit cannot disagree
    bars = ax.barh(names, shares, color=[style.PALETTE[0] if parts_agree(b.parent, b.related("part"))
                                         else style.PALETTE[3] for b in rows], height=0.6)
    ax.bar_label(bars, labels=[p[1] for p in pairs], padding=3, fontsize=7.5)
    ax.axvline(100, color=style.GREY, linewidth=0.8, linestyle="--")
    ax.set_xlim(0, 150)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0f}%")
    ax.tick_params(axis="y", labelsize=8, length=0)
    ax.tick_params(axis="x", labelsize=8)
    kind = labels.phrase("kind_bar_chart", lang)
    figures = [b.parent for b in rows]
    return finish(fig, title=title, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, title, pairs, lang))
