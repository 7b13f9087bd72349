"""The chart kinds the report needs, one finishing step, and byte-stable export.

Every chart function takes figure ids and a language ("zh" or "en"), reads labels and
numbers from the data package, and returns a matplotlib Figure carrying a
`chart_info` (title, source line, note, alt text) for export.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from . import labels, style
from .audit import parts_agree
from .figures import get_figure, load_table, shared_breakdown
from .package import OUTLINE_MARKER
from .labels import Lang, check_lang
from .numbers import chinese_to_int

style.use()  # the Chinese font is registered and the house style set as soon as charts load

TITLE_PT, SUBTITLE_PT, SOURCE_PT = 12, 9, 7
# Inches the frame text takes: title and subtitle above the plot (less with no
# subtitle), note and source line below it.
HEAD_IN, HEAD_IN_NO_SUBTITLE, FOOT_IN = 0.78, 0.5, 0.42
LABEL_WIDTH = {"zh": 15, "en": 34}  # characters per line of an axis label


@dataclass
class ChartInfo:
    """What a chart says in words: stored beside the exported files."""

    title: str
    subtitle: str
    source: str
    note: str
    alt_text: str
    lang: str
    figure_ids: list[str] = field(default_factory=list)


def new_chart(height: float = style.HEIGHT_IN, axes: bool = True) -> tuple[Figure, plt.Axes | None]:
    """A figure of fixed size whose plot area leaves room for the frame text."""
    style.use()
    fig = plt.figure(figsize=(style.WIDTH_IN, height))
    ax = fig.add_subplot() if axes else None
    return fig, ax


def fit_axes(fig: Figure, bottom_frame: float = 0.0, top_frame: float = 1.0) -> None:
    """Place the axes between the frame's foot and head (fractions of the figure height),
    leaving just the room their tick labels need.

    One measuring pass over the tick labels. Matplotlib's layout engines do the same
    work several times per draw, which made every chart in a notebook twice as slow."""
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    px = fig.dpi / 72  # pixels per point
    margin = 6 * px
    left = right = bottom = 0.0
    gaps = []
    for ax in fig.axes:
        below = 0.0
        if ax.axison and ax.yaxis.get_visible():
            widths = [t.get_window_extent(renderer).width for t in ax.get_yticklabels() if t.get_text()]
            if widths:
                left = max(left, max(widths) + _tick_room(ax.yaxis, px))
        if ax.axison and ax.xaxis.get_visible():
            ticks = [t.get_window_extent(renderer) for t in ax.get_xticklabels() if t.get_text()]
            if ticks:
                below = max(b.height for b in ticks) + _tick_room(ax.xaxis, px)
                right = max(right, ticks[-1].width / 2)
            if ax.get_xlabel():
                below += ax.xaxis.label.get_window_extent(renderer).height + 4 * px
        gaps.append(below)
    rows = len(fig.axes)
    usable = (top_frame - bottom_frame) * height - margin - gaps[-1] if gaps else 0
    inner = sum(gaps[:-1]) + margin * (rows - 1)
    hspace = inner * rows / (usable - inner) if rows > 1 and usable > inner else 0.2
    fig.subplots_adjust(left=(margin + left) / width, right=1 - (margin + right) / width,
                        bottom=bottom_frame + (gaps[-1] + margin) / height if gaps else bottom_frame,
                        top=top_frame - margin / height, hspace=hspace)


def _tick_room(axis, px: float) -> float:
    tick = axis.get_major_ticks()[0] if axis.get_major_ticks() else None
    length = tick._size if tick is not None and tick.tick1line.get_visible() else 0
    pad = tick._base_pad if tick is not None else 3.5
    return (length + pad + 2) * px


def finish(fig: Figure, *, title: str, subtitle: str = "", figures: list[pd.Series],
           note: str = "", alt_text: str = "", lang: Lang) -> Figure:
    """Left-aligned title and subtitle, a note for caveats, and a source line at the foot.
    figures: the rows the chart draws on (figures, or other quoted rows with a section)."""
    lang = check_lang(lang)
    height = fig.get_figheight()
    head = HEAD_IN if subtitle else HEAD_IN_NO_SUBTITLE
    fit_axes(fig, bottom_frame=FOOT_IN / height, top_frame=1 - head / height)
    source = source_line(figures, lang)
    fig.text(0.01, 1 - 0.12 / height, title, fontsize=TITLE_PT, ha="left", va="top")
    if subtitle:
        fig.text(0.01, 1 - 0.45 / height, subtitle, fontsize=SUBTITLE_PT, color=style.GREY,
                 ha="left", va="top")
    if note:
        fig.text(0.01, 0.25 / height, labels.phrase("note", lang) + note, fontsize=SOURCE_PT,
                 color=style.GREY, ha="left", va="bottom")
    fig.text(0.01, 0.06 / height, source, fontsize=SOURCE_PT, color=style.GREY,
             ha="left", va="bottom")
    fig.chart_info = ChartInfo(title, subtitle, source, note, alt_text or title, lang,
                               [f["figure_id"] for f in figures if "figure_id" in f])
    # Complete: whoever shows or saves it renders it. Left stale, pyplot's interactive
    # hook would render it once more, for nothing, before Jupyter shows it.
    fig.stale = False
    return fig


def source_line(figures: list[pd.Series], lang: Lang) -> str:
    """来源：《报告》第一、(一)2.2)部分 / Source: Report …, section 一、(一)2.2)"""
    reports = _reports()
    report_ids = list(dict.fromkeys(f["report_id"] for f in figures))
    sections = list(dict.fromkeys(f["section"] for f in figures))
    key = "section" if len(sections) == 1 else "sections"
    if len(sections) > 2:  # many sections: name the chapters they belong to
        sections = sorted({OUTLINE_MARKER.match(s).group(0).rstrip("、") for s in sections},
                          key=chinese_to_int)
        if lang == "en":  # 一 reads as a dash to an English reader
            sections = [str(chinese_to_int(s)) for s in sections]
        key = "chapter" if len(sections) == 1 else "chapters"
    joiner = "、" if lang == "zh" else ", "
    titles = joiner.join(labels.report_title(reports.loc[r], lang) for r in report_ids)
    where = labels.phrase(key, lang, joiner.join(sections))
    separator = "" if lang == "zh" else ", "
    return f"{labels.phrase('source', lang)}{titles}{separator}{where}"


@lru_cache(maxsize=1)
def _reports() -> pd.DataFrame:
    return load_table("reports").set_index("report_id")


def _figures(ids: list[str]) -> list[pd.Series]:
    return [get_figure(i) for i in ids]


def _alt(kind: str, title: str, pairs: list[tuple[str, str]], lang: Lang) -> str:
    items = ("；" if lang == "zh" else "; ").join(f"{k} {v}" for k, v in pairs)
    return f"{kind}: {title}. {items}." if lang == "en" else f"{kind}：{title}。{items}。"


def part_to_whole(parent_id: str, lang: Lang = "zh", title: str | None = None,
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
                  lang=lang, alt_text=_alt(kind, f"{heading}, {subtitle}", pairs, lang))


def ranked_bar(figure_ids: list[str], lang: Lang = "zh", title: str = "", subtitle: str = "",
               note: str = "") -> Figure:
    """Horizontal bars, largest on top, each labelled with its value."""
    lang = check_lang(lang)
    figures = sorted(_figures(figure_ids), key=lambda f: f["value"], reverse=True)
    return _bars([labels.part_label(f, lang) for f in figures], [f["value"] for f in figures],
                 [labels.amount(f, lang) for f in figures], figures, lang, title, subtitle, note)


def count_bar(names: list[str], counts: list[float], figures: list[pd.Series], lang: Lang = "zh",
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
    names = [_wrap(n, LABEL_WIDTH[lang]) for n in names]
    bars = ax.barh(names[::-1], values[::-1], color=style.PALETTE[0], height=0.65)
    ax.bar_label(bars, labels=value_labels[::-1], padding=3, fontsize=8)
    ax.set_xlim(0, max(values) * 1.18)
    ax.xaxis.set_visible(False)
    ax.spines[["bottom"]].set_visible(False)
    ax.tick_params(axis="y", labelsize=8.5, length=0)
    kind = labels.phrase("kind_bar_chart", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=_alt(kind, title, list(zip(names, value_labels)), lang))


def funnel(figure_ids: list[str], lang: Lang = "zh", title: str = "", subtitle: str = "",
           note: str = "") -> Figure:
    """Stages of a process, top to bottom, each with its share of the stage before."""
    lang = check_lang(lang)
    figures = _figures(figure_ids)
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
                  alt_text=_alt(kind, title, pairs, lang))


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


def bullet(rate_id: str, references: list[Reference], lang: Lang = "zh", title: str = "",
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
    figures = [rate, *_figures(list(extra_figures))]
    return finish(fig, title=heading, figures=figures, note=note, lang=lang,
                  alt_text=_alt(kind, heading, [(t, "") for t, _, _ in entries], lang))


def big_numbers(figure_ids: list[str], lang: Lang = "zh", title: str = "", subtitle: str = "",
                note: str = "", columns: int = 3) -> Figure:
    """A panel of headline figures: the number large, its indicator beneath."""
    lang = check_lang(lang)
    figures = _figures(figure_ids)
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
        ax.text(x, y + 0.5, _wrap(labels.indicator(f, lang), 14 if lang == "zh" else 26),
                ha="center", va="top", fontsize=8, color="#333333")
        pairs.append((labels.indicator(f, lang), big))
    kind = labels.phrase("kind_big_number_panel", lang)
    return finish(fig, title=title, subtitle=subtitle, figures=figures, note=note, lang=lang,
                  alt_text=_alt(kind, title, pairs, lang))


@dataclass(frozen=True)
class Comparison(Labelled):
    """One row of a comparison chart: a stated value and values it is checked against."""

    stated: float
    others: tuple[Reference, ...]


def stated_vs_recomputed(rows: list[Comparison], figures: list[str], lang: Lang = "zh",
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
    names = [_wrap(n, LABEL_WIDTH[lang]) for n in names]
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
    return finish(fig, title=title, figures=_figures(figures), note=note, lang=lang,
                  alt_text=_alt(kind, title, pairs, lang))


def sum_check(parent_ids: list[str], lang: Lang = "zh", title: str = "", note: str = "") -> Figure:
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
    names = [_wrap(n, LABEL_WIDTH[lang]) for n in names]
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
                  alt_text=_alt(kind, title, pairs, lang))


def _wrap(text: str, width: int) -> str:
    if " " not in text:  # Chinese: cut by characters into lines of even length (no orphans)
        size = -(-len(text) // -(-len(text) // width))
        return "\n".join(text[i:i + size] for i in range(0, len(text), size))
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def save(fig: Figure, out_dir: Path, name: str) -> dict[str, str]:
    """PNG (fixed size, 300 dpi) and SVG, byte-identical from run to run, with a JSON
    sidecar holding the title, source, note and alt text. Returns the file names."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _freeze_layout(fig)
    png, svg, meta = out_dir / f"{name}.png", out_dir / f"{name}.svg", out_dir / f"{name}.json"
    fig.savefig(png, dpi=style.EXPORT_DPI, metadata={"Software": None}, bbox_inches=None)
    fig.savefig(svg, metadata={"Date": None}, bbox_inches=None)
    info = asdict(fig.chart_info)
    meta.write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {"png": png.name, "svg": svg.name, "json": meta.name}


def _freeze_layout(fig: Figure) -> None:
    """Run the layout once and fix every axes at rounded positions.

    The constrained-layout solver can differ in the last bits from run to run, which
    would change the SVG's clip-path ids; rounded, fixed positions make bytes repeat.
    """
    if fig.get_layout_engine() is None:
        return
    fig.canvas.draw()
    positions = [[round(v, 4) for v in ax.get_position().bounds] for ax in fig.axes]
    fig.set_layout_engine("none")
    for ax, bounds in zip(fig.axes, positions):
        ax.set_position(bounds)
