"""The house chart style, set in one place: font, palette, sizes.

Chinese is rendered with Noto Sans SC (SIL Open Font License 1.1), which
requirements.txt installs from the package index, so no system font is needed.
A system Noto Sans CJK is used when the packaged font is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import matplotlib
from matplotlib import font_manager

PACKAGED_FONT = ("pylopdf_fonts_zh_cn", "NotoSansSC-Regular.otf")
SYSTEM_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)
# Okabe-Ito: distinguishable with the common forms of colour-blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
GREY = "#6b6b6b"
WIDTH_IN = 6.3  # 16 cm: the text width of an A4 Word page
HEIGHT_IN = 3.9
EXPORT_DPI = 300
# SVGs name these after the chart's font: the same glyphs under the names other systems
# install them by (Noto Sans CJK, Source Han Sans), then the common system Chinese fonts.
SVG_FALLBACK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei")

_registered: str | None = None
_inline_configured = False


def font_path() -> Path:
    """The Chinese font file to use; raise with install advice when there is none."""
    spec = importlib.util.find_spec(PACKAGED_FONT[0])
    if spec is not None and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / PACKAGED_FONT[1]
        if path.exists():
            return path
    for candidate in SYSTEM_FONTS:
        if Path(candidate).exists():
            return Path(candidate)
    raise RuntimeError(
        "No Chinese font found. Install the project's requirements "
        "(pip install -r requirements.txt, which brings Noto Sans SC), "
        "or the system package fonts-noto-cjk.")


def register_font() -> str:
    """Register the Chinese font with matplotlib once; return its family name."""
    global _registered
    if _registered is None:
        path = font_path()
        font_manager.fontManager.addfont(str(path))
        _registered = font_manager.FontProperties(fname=str(path)).get_name()
    return _registered


def use() -> None:
    """Apply the house style to every chart drawn after this call (and let notebook
    tables show long indicator names in full)."""
    family = register_font()
    matplotlib.rcParams.update(_house_params(family))
    _inline_without_tight_bbox()
    if "pandas" in sys.modules:  # tables in notebooks show indicator names whole
        sys.modules["pandas"].set_option("display.max_colwidth", 120)


def _house_params(family: str) -> dict:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [family, "DejaVu Sans"],
        "axes.unicode_minus": False,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlelocation": "left",
        "axes.titlesize": 14,
        "axes.titleweight": "normal",
        "axes.labelcolor": GREY,
        "xtick.color": GREY,
        "ytick.color": GREY,
        "figure.figsize": (WIDTH_IN, HEIGHT_IN),
        "figure.dpi": 100,
        "savefig.dpi": EXPORT_DPI,
        "savefig.bbox": "standard",  # exports keep their fixed size
        "svg.fonttype": "none",  # text stays text in SVGs: editable and searchable
        "svg.hashsalt": "rule-of-law",
    }


def _inline_without_tight_bbox() -> None:
    """In Jupyter, show charts at their own fixed frame: the inline backend's default tight
    bounding box draws every chart twice, and the frame is already laid out."""
    if "IPython" not in sys.modules:
        return
    from IPython import get_ipython

    global _inline_configured
    shell = get_ipython()
    if shell is not None and hasattr(shell, "kernel") and not _inline_configured:
        from matplotlib_inline.config import InlineBackend

        _inline_configured = True
        # the trait itself: the %config magic does the same but costs five times as long
        InlineBackend.instance().print_figure_kwargs = {"bbox_inches": None}
