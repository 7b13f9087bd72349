"""Charts as web pages show them: the chart as exported for wide screens and print, and a
narrow-screen version whose words (title, note, source line) are page text, so that a
phone shows the plot's own labels at a readable size.

The narrow version lays out the same finished chart again at a phone's width: its fonts
keep their size while the plot narrows, and the frame's words wrap as text instead of
shrinking with the image.
"""

from __future__ import annotations

import base64
import html
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass

from matplotlib.figure import Figure

from ..charts import frame
from ..charts.frame import ChartInfo
from ..language import labels

WIDE_DPI = 150  # 6.3 in at 150 dpi: sharp at the page's width on a high-density screen
NARROW_WIDTH_IN = 4.6  # shown at about 370 CSS px, the plot's 8 pt labels are about 9 px
NARROW_DPI = 170  # about twice the pixels a phone shows it at
NARROW_MEDIA = "(max-width: 600px)"


@dataclass(frozen=True)
class Picture:
    """One chart, ready for a page: both images as PNG bytes and its words."""

    info: ChartInfo
    wide: bytes
    narrow: bytes


def picture(fig: Figure) -> Picture:
    """Render a finished chart (one made by the chart module) for a page. The figure is left
    as it was."""
    info = fig.chart_info
    info.alt_text = frame.one_line(info.alt_text)
    wide = _png(fig, WIDE_DPI)
    with _narrowed(fig):
        narrow = _png(fig, NARROW_DPI, tight=True)
    return Picture(info, wide, narrow)


def _png(fig: Figure, dpi: int, tight: bool = False) -> bytes:
    """The chart as a PNG for a page: 256 colours, which charts of flat colour lose nothing
    to, and a quarter of the bytes, so that pages load fast on a phone."""
    from PIL import Image

    buffer = io.BytesIO()
    # tight: labels that run past the narrowed plot stay in the image
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None},
                bbox_inches="tight" if tight else None, pad_inches=0.04)
    with Image.open(buffer) as image:
        small = image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    # the background stays pure white (quantising can leave it a shade off, visible on a white page)
    palette = small.getpalette()[:768]
    nearest = min(range(len(palette) // 3), key=lambda i: sum(255 - v for v in palette[3 * i:3 * i + 3]))
    palette[3 * nearest:3 * nearest + 3] = [255, 255, 255]
    small.putpalette(palette)
    out = io.BytesIO()
    small.save(out, format="PNG")
    return out.getvalue()


def _frame_words(info: ChartInfo) -> set[str]:
    """The frame's words, without the line breaks the frame wraps them with."""
    note = labels.phrase("note", info.lang) + info.note if info.note else ""
    return {_plain(w) for w in (info.title, info.subtitle, info.source, note) if w}


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


@contextmanager
def _narrowed(fig: Figure):
    """The chart without its frame's words, laid out again at the narrow width; restored
    exactly on leaving."""
    size = tuple(fig.get_size_inches())
    positions = [ax.get_position() for ax in fig.axes]
    pars = {k: getattr(fig.subplotpars, k) for k in ("left", "right", "bottom", "top", "wspace", "hspace")}
    words = _frame_words(fig.chart_info)
    hidden = [t for t in fig.texts if t.get_visible() and _plain(t.get_text()) in words]
    # the height the frame's words took, above and below the plot
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in hidden]
    middle = fig.bbox.height / 2
    head = fig.bbox.height - min((b.y0 for b in boxes if b.y0 > middle), default=fig.bbox.height)
    foot = max((b.y1 for b in boxes if b.y1 < middle), default=0.0)
    for text in hidden:
        text.set_visible(False)
    try:
        fig.set_size_inches(NARROW_WIDTH_IN, max(size[1] - (head + foot) / fig.dpi, 1.0))
        frame.fit_axes(fig)
        yield fig
    finally:
        fig.set_size_inches(*size)
        fig.subplotpars.update(**pars)
        for ax, position in zip(fig.axes, positions):
            ax.set_position(position)
        for text in hidden:
            text.set_visible(True)
        fig.stale = False


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def lang_attr(lang: str) -> str:
    return "zh-CN" if lang == "zh" else "en"


def figure_html(pic: Picture, anchor: str = "") -> str:
    """A <figure>: the wide chart, or on a narrow screen the narrow one with the frame's words
    as text beneath it. The alt text is the chart's own description."""
    info = pic.info
    esc = html.escape
    words = [f'<p class="chart-title">{esc(info.title)}</p>']
    if info.subtitle:
        words.append(f'<p class="chart-subtitle">{esc(info.subtitle)}</p>')
    foot = []
    if info.note:
        foot.append(f'<p class="chart-note">{esc(labels.phrase("note", info.lang) + info.note)}</p>')
    foot.append(f'<p class="chart-source">{esc(info.source)}</p>')
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return (
        f'<figure class="chart" lang="{lang_attr(info.lang)}"{ident}>'
        f'<div class="chart-words chart-head">{"".join(words)}</div>'
        f'<picture><source media="{NARROW_MEDIA}" srcset="{data_uri(pic.narrow)}">'
        f'<img src="{data_uri(pic.wide)}" alt="{esc(info.alt_text)}"></picture>'
        f'<div class="chart-words chart-foot">{"".join(foot)}</div>'
        "</figure>")
