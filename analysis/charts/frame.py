"""The frame every chart shares, and byte-stable export.

A chart is finished by `finish`: a left-aligned title and subtitle, a note for caveats,
a source line naming the report and section, and a `chart_info` (title, source line,
note, alt text) that `save` writes beside the PNG and SVG.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ..language import labels
from ..language.labels import Lang, check_lang
from ..language.numbers import chinese_to_int
from ..language.outline import OUTLINE_MARKER
from ..tables.figures import get_figure, load_table
from . import style

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


def figure_rows(ids: list[str]) -> list[pd.Series]:
    return [get_figure(i) for i in ids]


def describe(kind: str, title: str, pairs: list[tuple[str, str]], lang: Lang) -> str:
    items = ("；" if lang == "zh" else "; ").join(f"{k} {v}" for k, v in pairs)
    return f"{kind}: {title}. {items}." if lang == "en" else f"{kind}：{title}。{items}。"


def wrap_label(text: str, width: int) -> str:
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
    sidecar holding the title, source, note and alt text. Returns the file names.

    The SVG keeps its text as text, names its fonts, and opens with <title> and <desc>
    (the alt text), so screen readers, search and editors can use it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    _freeze_layout(fig)
    info = fig.chart_info
    # Axis labels are wrapped over lines; the alt text reads as one line (and so does
    # every file that lists it).
    info.alt_text = one_line(info.alt_text)
    png, svg, meta = out_dir / f"{name}.png", out_dir / f"{name}.svg", out_dir / f"{name}.json"
    fig.savefig(png, dpi=style.EXPORT_DPI, metadata={"Software": None}, bbox_inches=None)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches=None)
    svg.write_text(_accessible_svg(buffer.getvalue(), info), encoding="utf-8")
    meta.write_text(json.dumps(asdict(info), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {"png": png.name, "svg": svg.name, "json": meta.name}


CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"


def one_line(text: str) -> str:
    """Wrapped labels back on one line: Chinese rejoins without a space, other text with one."""
    text = re.sub(rf"\s*\n\s*(?=[{CJK}])|(?<=[{CJK}])\s*\n\s*", "", text)
    return re.sub(r"\s*\n\s*", " ", text)


def _accessible_svg(text: str, info: ChartInfo) -> str:
    """<title> and <desc> as the first children of <svg>, and fonts a reader's machine may
    have after the chart's own, so that Chinese shows where Noto Sans SC is not installed."""
    title, desc = html.escape(info.title), html.escape(info.alt_text)
    lang = "zh-CN" if info.lang == "zh" else "en"
    text = re.sub(r"(<svg [^>]*?)>", rf'\1 role="img" xml:lang="{lang}">\n <title>{title}</title>'
                  rf"\n <desc>{desc}</desc>", text, count=1)
    family = style.register_font()
    fallbacks = "".join(f"'{name}', " for name in style.SVG_FALLBACK_FONTS)
    return text.replace(f"'{family}', ", f"'{family}', {fallbacks}")


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
