"""The frame every chart shares, and byte-stable export.

A chart is finished by `finish`: a left-aligned title and subtitle, a note for caveats
(the editorial note, then any damaged or inferred text in the figures it shows), a
source line naming the report and its sections the same way on every chart, and any
value from outside the report with its own source; and a `chart_info` (title, source
line, note, alt text) that `save` writes beside the PNG and SVG. Text that does not fit
the width is broken into lines (`wrap`), and the figure grows to hold them.
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

from ..audit.checks import damage_in
from ..language import labels
from ..language.labels import Lang, check_lang
from ..language.numbers import chinese_to_int
from ..tables.figures import get_figure, load_table
from . import style
from .wrap import wrap

style.use()  # the Chinese font is registered and the house style set as soon as charts load

TITLE_PT, SUBTITLE_PT, SOURCE_PT = 12, 9, 7
LINE = 1.3  # line height, in font sizes
# Inches of the frame: above the title, between title and subtitle, between the head and
# the plot; below the source line, between source and note, between the plot and the foot.
TOP_IN, SUBTITLE_GAP_IN, HEAD_MARGIN_IN = 0.12, 0.08, 0.17
BOTTOM_IN, NOTE_GAP_IN, FOOT_MARGIN_IN = 0.06, 0.06, 0.05
# A kind asks for a figure height that includes a frame of one line each of title,
# subtitle, note and source; the frame then sizes itself to its text.
REQUESTED_FRAME_IN = 1.2
TEXT_WIDTH_IN = style.WIDTH_IN - 0.35  # frame text starts at 0.01 of the width; a margin at the right
LABEL_WIDTH = {"zh": 15, "en": 19}  # em per line of an axis label

# How the frame names the report's sections; the same words on every chart.
SECTION_WORDS = {
    "zh": {"one": "{}", "many": "{}", "joiner": "、", "last": "、"},
    "en": {"one": "section {}", "many": "sections {}", "joiner": ", ", "last": " and "},
}
OUTSIDE = {"zh": "；{label}：{issuer}{document}，{date}", "en": "; {label}: {issuer}{document}, {date}"}
REPORTED = {"zh": "据{}报道", "en": "as reported on {}"}
DAMAGE = {"zh": "原文“{}”，据上下文读作“{}”", "en": "the source text reads {}, read as {} from its context"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


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
    reference_ids: list[str] = field(default_factory=list)


def new_chart(height: float = style.HEIGHT_IN, axes: bool = True) -> tuple[Figure, plt.Axes | None]:
    """A figure of fixed width whose plot area leaves room for the frame text."""
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
    left = right = 0.0
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
    right = max(right, getattr(fig, "right_room", 0.0) * fig.dpi)
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


def _lines(text: str, points: float, even: bool = True) -> str:
    """Frame text broken to the width of the chart: headings in even lines, running text
    (note, source) filling each line."""
    return wrap(text, TEXT_WIDTH_IN * 72 / points, even) if text else ""


def _height(text: str, points: float) -> float:
    return (text.count("\n") + 1) * points * LINE / 72 if text else 0.0


def finish(fig: Figure, *, title: str, subtitle: str = "", figures: list[pd.Series],
           note: str = "", alt_text: str = "", lang: Lang,
           references: list[pd.Series] = (), shown: list[pd.Series] | None = None) -> Figure:
    """Left-aligned title and subtitle, a note for caveats, and a source line at the foot.
    figures: the rows the chart draws on (figures, or other quoted rows with a section);
    references: rows of the references table the chart shows, cited after the report;
    shown: the figures whose values the chart shows, when not all of them (a count of
    figures shows none): damaged text in their quotes is noted."""
    lang = check_lang(lang)
    full_note = join_notes([note, *damage_notes(figures if shown is None else shown, lang)], lang)
    source = source_line(figures, lang, references)
    texts = {"title": _lines(title, TITLE_PT), "subtitle": _lines(subtitle, SUBTITLE_PT),
             "note": _lines(labels.phrase("note", lang) + full_note if full_note else "", SOURCE_PT,
                            even=False),
             "source": _lines(source, SOURCE_PT, even=False)}
    head = TOP_IN + _height(texts["title"], TITLE_PT) + HEAD_MARGIN_IN
    if subtitle:
        head += SUBTITLE_GAP_IN + _height(texts["subtitle"], SUBTITLE_PT)
    foot = BOTTOM_IN + _height(texts["source"], SOURCE_PT) + FOOT_MARGIN_IN
    if full_note:
        foot += NOTE_GAP_IN + _height(texts["note"], SOURCE_PT)
    plot = max(fig.get_figheight() - REQUESTED_FRAME_IN, 0.9)
    height = plot + head + foot
    fig.set_figheight(height)
    fit_axes(fig, bottom_frame=foot / height, top_frame=1 - head / height)
    fig.text(0.01, 1 - TOP_IN / height, texts["title"], fontsize=TITLE_PT, ha="left", va="top",
             linespacing=LINE)
    if subtitle:
        top = TOP_IN + _height(texts["title"], TITLE_PT) + SUBTITLE_GAP_IN
        fig.text(0.01, 1 - top / height, texts["subtitle"], fontsize=SUBTITLE_PT,
                 color=style.GREY, ha="left", va="top", linespacing=LINE)
    fig.text(0.01, BOTTOM_IN / height, texts["source"], fontsize=SOURCE_PT, color=style.GREY,
             ha="left", va="bottom", linespacing=LINE)
    if full_note:
        bottom = BOTTOM_IN + _height(texts["source"], SOURCE_PT) + NOTE_GAP_IN
        fig.text(0.01, bottom / height, texts["note"], fontsize=SOURCE_PT, color=style.GREY,
                 ha="left", va="bottom", linespacing=LINE)
    fig.chart_info = ChartInfo(title, subtitle, source, full_note, alt_text or title, lang,
                               [f["figure_id"] for f in figures if "figure_id" in f],
                               [r["reference_id"] for r in references])
    # Complete: whoever shows or saves it renders it. Left stale, pyplot's interactive
    # hook would render it once more, for nothing, before Jupyter shows it.
    fig.stale = False
    return fig


def join_notes(notes: list[str], lang: Lang) -> str:
    """Notes as one text: sentences in Chinese, sentences joined by a space in English."""
    notes = [n.strip() for n in notes if n and n.strip()]
    if lang == "zh":
        return "".join(n if n.endswith(("。", "；", "）")) else n + "。" for n in notes)
    return " ".join(n if n.endswith((".", ")")) else n + "." for n in notes)


def damage_notes(figures: list[pd.Series], lang: Lang) -> list[str]:
    """A note for each damaged or inferred piece of text inside the quotes of the figures
    a chart shows (text_issues.csv, and non_figures.csv rows marked damaged)."""
    notes = [DAMAGE[lang].format(d.mention, d.reading) for d in damage_in(figures)]
    notes = list(dict.fromkeys(notes))
    if lang == "en":
        notes = [n[0].upper() + n[1:] for n in notes]
    return notes


CHAPTER = re.compile(r"[一二三四五六七八九十]+、")


def section_name(section: str, lang: Lang) -> str:
    """一、(一)2.2) as 第一部分(一)2.2) in Chinese and 1.1.2.2 in English; the opening, before
    the first heading, as 导语 / opening."""
    chapter = CHAPTER.match(section)
    if not chapter:
        return section if lang == "zh" else "opening"
    if lang == "zh":
        return f"第{chapter.group(0).rstrip('、')}部分{section[chapter.end():]}"
    numbers = re.findall(r"[一二三四五六七八九十]+|\d+", section)
    return ".".join(n if n.isdigit() else str(chinese_to_int(n)) for n in numbers)


def _chapter(section: str) -> str:
    chapter = CHAPTER.match(section)
    return chapter.group(0) if chapter else section


def _join(items: list[str], lang: Lang) -> str:
    words = SECTION_WORDS[lang]
    if len(items) <= 1:
        return "".join(items)
    return words["joiner"].join(items[:-1]) + words["last"] + items[-1]


def source_line(figures: list[pd.Series], lang: Lang, references: list[pd.Series] = ()) -> str:
    """来源：《报告》第一部分(一)2.2) / Source: Report …, section 1.1.2.2; then each value from
    outside the report with its own issuer, document and date."""
    lang = check_lang(lang)
    reports = _reports()
    report_ids = list(dict.fromkeys(f["report_id"] for f in figures))
    sections = list(dict.fromkeys(f["section"] for f in figures))
    if len(sections) > 2:  # many sections: name the chapters they belong to
        chapters = sorted({_chapter(s) for s in sections},
                          key=lambda c: chinese_to_int(c.rstrip("、")) if CHAPTER.match(c) else 0)
        if lang == "zh":
            numbered = [c.rstrip("、") for c in chapters if CHAPTER.match(c)]
            parts = [c for c in chapters if not CHAPTER.match(c)]  # the opening, 导语
            where = "、".join(parts + (["第" + "、".join(numbered) + "部分"] if numbered else []))
        else:
            names = [section_name(c, lang) for c in chapters]
            where = SECTION_WORDS[lang]["one" if len(names) == 1 else "many"].format(_join(names, lang))
    else:
        names = [section_name(s, lang) for s in sections]
        where = SECTION_WORDS[lang]["one" if len(names) == 1 else "many"].format(_join(names, lang))
    joiner = "、" if lang == "zh" else ", "
    titles = joiner.join(labels.report_title(reports.loc[r], lang) for r in report_ids)
    separator = "" if lang == "zh" else ", "
    line = f"{labels.phrase('source', lang)}{titles}{separator}{where}"
    for ref in references:
        line += cite_reference(ref, lang)
    return line


def cite_reference(ref: pd.Series, lang: Lang) -> str:
    """; National direct review correction rate 2020: Ministry of Justice (as reported on
    22 April 2021)"""
    document = ref.get(f"document_{lang}")
    published = ref.get("published")
    if isinstance(document, str) and document and isinstance(published, str) and published:
        document = f"，{document}" if lang == "zh" else f", {document}"
        date = _date(published, lang)
    else:
        document, date = "", REPORTED[lang].format(_date(ref["reported"], lang))
    return OUTSIDE[lang].format(label=ref[f"label_{lang}"], issuer=ref[f"issuer_{lang}"],
                                document=document, date=date)


def _date(iso: str, lang: Lang) -> str:
    year, month, day = (int(p) for p in iso.split("-"))
    return f"{year}年{month}月{day}日" if lang == "zh" else f"{day} {MONTHS[month - 1]} {year}"


@lru_cache(maxsize=1)
def _reports() -> pd.DataFrame:
    return load_table("reports").set_index("report_id")


def figure_rows(ids: list[str]) -> list[pd.Series]:
    return [get_figure(i) for i in ids]


def describe(kind: str, title: str, pairs: list[tuple[str, str]], lang: Lang) -> str:
    items = ("；" if lang == "zh" else "; ").join(f"{k} {v}" for k, v in pairs)
    return f"{kind}: {title}. {items}." if lang == "en" else f"{kind}：{title}。{items}。"


def wrap_label(text: str, width: float) -> str:
    """An axis label in lines of at most `width` em (see `wrap`)."""
    return wrap(text, width)


def label_width(lang: Lang) -> float:
    return LABEL_WIDTH[check_lang(lang)]


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
