"""The chart kinds the report needs.

Every chart function takes figure ids and a language ("zh" or "en"), reads labels and
numbers from the data package, and returns a matplotlib Figure finished by the frame.
Each kind fits one shape of data: parts of a whole (part_to_whole), counts side by side
(ranked_bar, count_bar, big_numbers), stages each a subset of the one before (funnel), and
a stated rate against its readings (rate_readings, stated_vs_recomputed) on an axis
fitted to the values, so that a tenth of a point shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from ..audit.checks import GENERAL_MEASURE_WORDS, agrees, decimals
from ..language import labels
from ..language.labels import Lang, check_lang
from ..tables.figures import get_figure, load_figures, shared_breakdown
from . import colours, style
from .frame import describe, figure_rows, finish, label_width, new_chart, wrap_label
from .wrap import em_width

# The kinds' own words, in both languages.
WORDS = {
    "stated": {"zh": "报告所述", "en": "Stated in the report"},
    "usual": {"zh": "{}（通行口径）", "en": "{} (usual definition)"},
    "implausible": {"zh": "{}（不合常理）", "en": "{} (implausible)"},
    "of_previous": {"zh": "占上一项的{}", "en": "{} of the stage before"},
    "points": {"zh": "{:+.2f}个百分点", "en": "{:+.2f} points"},
    "kind_dot_chart": {"zh": "点图", "en": "Dot chart"},
}
VALUE_ROOM_IN = 1.45  # right of a rate panel: a column for the values


def amount(figure: pd.Series, lang: Lang, compact: bool = True, like: pd.Series | None = None) -> str:
    """A figure's amount as labels.amount writes it, except that in English a general
    measure word (个, 项) of a figure that names no noun of its own (noun_en) is translated
    by what it counts: the unit of `like` (the total a part belongs to) when that is a
    noun, or else nothing, the label beside it naming what is counted, where "units" or
    "items" would say nothing."""
    noun = figure.get("noun_en")
    if check_lang(lang) == "en" and figure["unit"] in GENERAL_MEASURE_WORDS \
            and not (isinstance(noun, str) and noun):
        figure = figure.copy()
        if like is not None and like["unit"] not in GENERAL_MEASURE_WORDS:
            figure["unit_en"], figure["unit_en_singular"] = like["unit_en"], like["unit_en_singular"]
            return labels.amount(figure, lang, compact)
        figure["unit_en"] = figure["unit_en_singular"] = ""
        return labels.amount(figure, lang, compact).strip()
    return labels.amount(figure, lang, compact)


def part_to_whole(parent_id: str, lang: Lang | None = None, title: str | None = None,
                  subtitle: str | None = None, note: str = "") -> Figure:
    """One bar split into the parts the report lists, with a key of labels, values and
    shares beneath; a grey remainder when the parts fall short of the total. Each part has
    its category's colour (see colours)."""
    lang = check_lang(lang)
    split = shared_breakdown(parent_id)
    parent = split.parent
    rows = [row for _, row in split.related("part").iterrows()]
    if not rows:
        raise ValueError(f"{parent_id} has no parts that make up a whole; use ranked_bar")
    segments = [(labels.part_label(r, lang), r["value"], amount(r, lang, like=parent),
                 colours.category(r["figure_id"])) for r in rows]
    rest = parent["value"] - split.parts_sum
    if rest > 0:
        segments.append((labels.phrase("not_broken_down", lang), rest, labels.number(rest, lang),
                         "not_broken_down"))
    shares = [f"{value / parent['value']:.0%}" if parent["value"] else "" for _, value, _, _ in segments]
    keys = [f"{name}  " + labels.phrase("aside", lang, shown, share) for (name, _, shown, _), share in zip(segments, shares)]
    # two columns of keys when the longest fits in half the width (8 pt text, with room to spare)
    columns = 2 if max(em_width(k) for k in keys) * 8 / 72 * 1.1 <= style.WIDTH_IN / 2 - 0.45 else 1
    key_rows = -(-len(segments) // columns)
    fig, _ = new_chart(height=1.75 + 0.62 + 0.26 * key_rows, axes=False)
    bar_ax, key_ax = fig.subplots(2, 1, height_ratios=[0.62, 0.26 * key_rows])
    left, whole = 0.0, max(parent["value"], sum(s[1] for s in segments))
    fills = colours.colours([s[3] for s in segments])
    for (name, value, _, _), colour in zip(segments, fills):
        bar_ax.barh(0, value, left=left, color=colour, edgecolor="white", height=0.8)
        left += value
    bar_ax.set_xlim(0, whole)
    bar_ax.set_axis_off()
    key_ax.set_axis_off()
    key_ax.set_xlim(0, columns)
    key_ax.set_ylim(key_rows, 0)
    pairs = []
    for i, ((name, value, shown, _), colour) in enumerate(zip(segments, fills)):
        x, y = (i // key_rows), i % key_rows + 0.5
        share = shares[i]
        k = columns / 2  # the swatch and its gap keep their size in inches
        key_ax.add_patch(plt.Rectangle((x + 0.01 * k, y - 0.3), 0.05 * k, 0.6, color=colour))
        key_ax.text(x + 0.09 * k, y, keys[i], va="center", fontsize=8)
        pairs.append((name, labels.phrase("aside", lang, shown, share)))
    heading = title or labels.indicator(parent, lang)
    if subtitle is None:
        subtitle = f"{labels.phrase('total', lang)} {amount(parent, lang, compact=False)}"
    kind = labels.phrase("kind_stacked_bar", lang)
    return finish(fig, title=heading, subtitle=subtitle, figures=[parent, *rows], note=note,
                  lang=lang, alt_text=describe(kind, f"{heading}{'，' if lang == 'zh' else ', '}{subtitle}", pairs, lang))


def ranked_bar(figure_ids: list[str], lang: Lang | None = None, title: str = "", subtitle: str = "",
               note: str = "") -> Figure:
    """Horizontal bars, largest on top, each labelled with its value."""
    lang = check_lang(lang)
    figures = sorted(figure_rows(figure_ids), key=lambda f: f["value"], reverse=True)
    one_axis(figures, "ranked_bar")
    return _bars([labels.part_label(f, lang) for f in figures], [f["value"] for f in figures],
                 [amount(f, lang) for f in figures], figures, lang, title, subtitle, note)


def one_axis(figures: list[pd.Series], chart: str) -> None:
    """Refuse figures that bar lengths cannot compare: different units (件 and 起 are both
    cases; records and cases are not)."""
    if len({f["unit_en"] for f in figures}) > 1:
        listed = ", ".join(f"{f['figure_id']} ({f['unit']}, {f['unit_en']})" for f in figures)
        raise ValueError(f"{chart} cannot put figures of different units on one axis: {listed}; "
                         "chart each unit apart")


def count_bar(names: list[str], counts: list[float], figures: list[pd.Series], lang: Lang | None = None,
              title: str = "", subtitle: str = "", note: str = "") -> Figure:
    """Horizontal bars of counts computed from the figures (how many per topic, say),
    largest on top; figures name the sources."""
    lang = check_lang(lang)
    order = sorted(range(len(counts)), key=lambda i: counts[i], reverse=True)
    return _bars([names[i] for i in order], [counts[i] for i in order],
                 [labels.number(counts[i], lang) for i in order], figures, lang, title, subtitle, note,
                 shows_figures=False)


def _bars(names, values, value_labels, figures, lang, title, subtitle, note,
          shows_figures: bool = True) -> Figure:
    """The ranked-bar drawing shared by ranked_bar and count_bar; rows come largest first."""
    wrapped = [wrap_label(n, label_width(lang)) for n in names]
    lines = sum(n.count("\n") + 1 for n in wrapped)
    fig, ax = new_chart(height=max(2.6, 1.3 + 0.32 * len(values) + 0.12 * (lines - len(values))))
    bars = ax.barh(range(len(values)), values[::-1], color=colours.CATEGORY_COLOURS["figure"],
                   height=0.65, tick_label=wrapped[::-1])
    ax.bar_label(bars, labels=value_labels[::-1], padding=3, fontsize=8)
    ax.set_xlim(0, max(values) * 1.02)
    fig.right_room = max(em_width(v) for v in value_labels) * 8 / 72 + 0.1  # the value labels
    ax.xaxis.set_visible(False)
    ax.spines[["bottom"]].set_visible(False)
    ax.tick_params(axis="y", labelsize=8.5, length=0)
    kind = labels.phrase("kind_bar_chart", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, title, list(zip(names, value_labels)), lang),
                  shown=None if shows_figures else [])


def funnel(figure_ids: list[str], lang: Lang | None = None, title: str = "", subtitle: str = "",
           note: str = "") -> Figure:
    """Stages of a process, top to bottom, each with its share of the stage before.

    Only for stages that are subsets of the stage before, as breakdowns.csv records them
    (disputes accepted → mediated successfully): a share of the stage before means
    nothing otherwise, so other counts are refused."""
    lang = check_lang(lang)
    figures = figure_rows(figure_ids)
    _check_stages(figures)
    height = max(2.6, 1.4 + 0.45 * len(figures))
    fig, ax = new_chart(height=height)
    values = [f["value"] for f in figures]
    widest = max(values)
    pairs = []
    for y, f in enumerate(figures):
        ax.barh(y, f["value"], left=(widest - f["value"]) / 2,
                color=colours.CATEGORY_COLOURS["figure"], height=0.7)
        text = amount(f, lang)
        if y > 0 and values[y - 1]:
            share = f"{f['value'] / values[y - 1]:.1%}"
            text = labels.phrase("aside", lang, text, WORDS["of_previous"][lang].format(share))
        if f["value"] > widest * 0.55:  # room inside the bar
            ax.text(widest / 2, y, text, ha="center", va="center", fontsize=8.5, color="white")
        else:
            ax.text((widest + f["value"]) / 2 + widest * 0.02, y, text, ha="left", va="center",
                    fontsize=8.5)
        pairs.append((labels.indicator(f, lang), text))
    ax.set_yticks(range(len(figures)),
                  [wrap_label(labels.indicator(f, lang), label_width(lang)) for f in figures],
                  fontsize=8.5)
    ax.invert_yaxis()
    ax.set_xlim(0, widest)
    ax.xaxis.set_visible(False)
    ax.spines[["bottom", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    kind = labels.phrase("kind_funnel", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, title, pairs, lang))


def _check_stages(figures: list[pd.Series]) -> None:
    table = load_figures(figures[0]["report_id"]).set_index("figure_id")
    for before, stage in zip(figures, figures[1:]):
        row = table.loc[stage["figure_id"]]
        if row["parent_id"] != before["figure_id"] or row["relation"] not in ("subset", "part"):
            raise ValueError(
                f"{stage['figure_id']} is not recorded as a subset of {before['figure_id']} "
                "(breakdowns.csv), so a funnel would imply a conversion the report does not "
                "state; use big_numbers or ranked_bar")


@dataclass(frozen=True)
class Labelled:
    label_zh: str
    label_en: str

    def label(self, lang: Lang) -> str:
        return self.label_zh if check_lang(lang) == "zh" else self.label_en


@dataclass(frozen=True)
class Reference(Labelled):
    """A value a stated rate is read against: a recomputation (one value, or one per
    possible count when the report leaves a count open), or a value from outside the
    report. role is recomputed, standard (the usual definition), implausible or national."""

    values: tuple[float, ...]
    role: str = "recomputed"


@dataclass(frozen=True)
class Comparison(Labelled):
    """One stated rate and the values it is read against."""

    stated: float
    places: int
    others: tuple[Reference, ...]


def outside(ref: pd.Series) -> Reference:
    """A row of the references table as a value to read a rate against."""
    return Reference(ref["label_zh"], ref["label_en"], (float(ref["value"]),), "national")


def rate_readings(rate_id: str, readings: list[Reference], lang: Lang | None = None,
                  title: str = "", subtitle: str = "", note: str = "",
                  extra_figures: list[str] = (), references: list[pd.Series] = ()) -> Figure:
    """A stated rate and its readings as dots on an axis fitted to them (not 0–100%, which
    hides a tenth of a point), the stated value a line through every row, each value and
    its distance from the stated one in a column on the right. A reading that depends on
    a count the report leaves open is a range, a dot per possible count. Values from
    outside the report (rows of the references table) come last and are cited on the
    source line."""
    lang = check_lang(lang)
    rate = get_figure(rate_id)
    comparison = Comparison(rate["indicator_zh"], rate["indicator_en"], float(rate["value"]),
                            decimals(rate["value"], rate["mention"]),
                            tuple(readings) + tuple(outside(r) for r in references))
    rows = 1 + len(comparison.others)
    fig, ax = new_chart(height=1.45 + 0.34 * rows)
    pairs = _readings_panel(ax, comparison, lang, stated_label=WORDS["stated"][lang])
    fig.right_room = VALUE_ROOM_IN
    heading = title or labels.indicator(rate, lang)
    kind = WORDS["kind_dot_chart"][lang]
    return finish(fig, title=heading, subtitle=subtitle,
                  figures=[rate, *figure_rows(list(extra_figures))], note=note, lang=lang,
                  references=list(references), alt_text=describe(kind, heading, pairs, lang))


def stated_vs_recomputed(rows: list[Comparison], figures: list[str], lang: Lang | None = None,
                         title: str = "", subtitle: str = "", note: str = "") -> Figure:
    """Several stated rates, each in its own panel on its own fitted axis, so a gap of a
    tenth of a point shows as plainly as one of ten points."""
    lang = check_lang(lang)
    counts = [1 + len(r.others) for r in rows]
    fig, _ = new_chart(height=1.2 + 0.3 * sum(counts) + 0.35 * len(rows), axes=False)
    axes = fig.subplots(len(rows), 1, height_ratios=counts)
    axes = [axes] if len(rows) == 1 else list(axes)
    pairs = []
    for ax, row in zip(axes, rows):
        stated = f"{row.label(lang)}：{WORDS['stated'][lang]}" if lang == "zh" else \
            f"{row.label(lang)}: {WORDS['stated'][lang].lower()}"
        pairs += _readings_panel(ax, row, lang, stated_label=stated)
    fig.right_room = VALUE_ROOM_IN
    kind = WORDS["kind_dot_chart"][lang]
    return finish(fig, title=title, subtitle=subtitle, figures=figure_rows(figures), note=note,
                  lang=lang, alt_text=describe(kind, title, pairs, lang))


def _readings_panel(ax, comparison: Comparison, lang: Lang, stated_label: str) -> list[tuple[str, str]]:
    """Draw one stated rate and its readings; return (label, value) pairs for alt text."""
    stated, places = comparison.stated, comparison.places
    shown = places + 1  # one digit more than the report: a gap at its last digit shows
    every = [stated, *(v for r in comparison.others for v in r.values)]
    low, high = min(every), max(every)
    span = max(high - low, 10 ** -places * 2)
    ax.set_xlim(low - 0.08 * span, high + 0.08 * span)
    names = [stated_label]
    texts = [_pct(stated, places)]
    ax.scatter([stated], [0], color=colours.CATEGORY_COLOURS["stated"], s=36, zorder=3)
    for y, ref in enumerate(comparison.others, start=1):
        colour = colours.CATEGORY_COLOURS["national" if ref.role == "national" else
                                          "implausible" if ref.role == "implausible" else "recomputed"]
        marker = "D" if ref.role == "national" else "o"
        if len(ref.values) > 1:
            ax.plot([min(ref.values), max(ref.values)], [y, y], color=colour, linewidth=1.2)
        ax.scatter(ref.values, [y] * len(ref.values), color=colour, s=22 if len(ref.values) > 1 else 30,
                   marker=marker, zorder=3)
        hits = [v for v in ref.values if agrees(v, stated, places)]
        if hits:  # the values that reproduce the stated rate, ringed
            ax.scatter(hits, [y] * len(hits), s=110, facecolors="none",
                       edgecolors=colours.CATEGORY_COLOURS["stated"], linewidths=1.2, zorder=4)
        name = ref.label(lang)
        if ref.role == "standard":
            name = WORDS["usual"][lang].format(name)
        elif ref.role == "implausible":
            name = WORDS["implausible"][lang].format(name)
        names.append(name)
        texts.append(_value_text(ref, stated, shown, lang))
    ax.axvline(stated, color=colours.CATEGORY_COLOURS["stated"], linewidth=1, linestyle="--", zorder=1)
    ax.set_yticks(range(len(names)), [wrap_label(n, label_width(lang) + 4) for n in names])
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:g}%")
    ax.xaxis.get_major_locator().set_params(nbins=5)
    ax.tick_params(axis="y", labelsize=7.5, length=0)
    ax.tick_params(axis="x", labelsize=7.5)
    ax.spines[["left"]].set_visible(False)
    ax.grid(axis="y", color="#eeeeee", linewidth=0.6, zorder=0)
    column = blended_transform_factory(ax.transAxes, ax.transData)
    for y, text in enumerate(texts):
        ax.text(1.03, y, text, transform=column, ha="left", va="center", fontsize=7.5,
                color="#333333")
    return list(zip(names, texts))


def _pct(x: float, places: int) -> str:
    return f"{x:.{places}f}%"


def _value_text(ref: Reference, stated: float, shown: int, lang: Lang) -> str:
    if ref.role == "national":
        return f"{ref.values[0]:g}%"
    if len(ref.values) > 1:
        dash = "–" if lang == "en" else "至"
        return f"{_pct(min(ref.values), shown)}{dash}{_pct(max(ref.values), shown)}"
    value = ref.values[0]
    if math.isclose(value, stated, abs_tol=10 ** -(shown + 2)):
        return _pct(value, shown)
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")  # full-width brackets in Chinese
    return f"{_pct(value, shown)}{open_}{WORDS['points'][lang].format(value - stated)}{close}"


def big_numbers(figure_ids: list[str], lang: Lang | None = None, title: str = "", subtitle: str = "",
                note: str = "", columns: int = 3) -> Figure:
    """A panel of headline figures: the number large, its indicator beneath. No common
    scale: for counts of different things."""
    lang = check_lang(lang)
    figures = figure_rows(figure_ids)
    rows = -(-len(figures) // columns)
    fig, ax = new_chart(height=1.5 + 1.05 * rows)
    ax.set_axis_off()
    ax.set_xlim(0, columns)
    ax.set_ylim(rows, 0)
    pairs = []
    bigs = [amount(f, lang) for f in figures]
    size = 17 if max(map(len, bigs)) <= 10 else 13  # long English amounts must fit a column
    for i, (f, big) in enumerate(zip(figures, bigs)):
        x, y = i % columns + 0.5, i // columns
        ax.text(x, y + 0.42, big, ha="center", va="bottom", fontsize=size,
                color=colours.CATEGORY_COLOURS["figure"])
        ax.text(x, y + 0.5, wrap_label(labels.indicator(f, lang), 14 if lang == "zh" else 15),
                ha="center", va="top", fontsize=8, color="#333333")
        pairs.append((labels.indicator(f, lang), big))
    kind = labels.phrase("kind_big_number_panel", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=describe(kind, title, pairs, lang))
