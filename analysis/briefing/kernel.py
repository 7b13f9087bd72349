"""What the full analysis page's copies of the notebooks show differently from the notebooks:
every table formatted for reading, and every chart with its alt text and its narrow-screen
version. The page runs `SETUP` in each kernel before the notebook's own cells; the
committed notebooks are not touched."""

from __future__ import annotations

SETUP = "from analysis.briefing.kernel import prepare\nprepare()"


def prepare() -> None:
    """Register HTML views for DataFrames and charts in the running IPython kernel, before
    every cell: configuring matplotlib's inline backend (on importing pyplot, or when the
    house style is set) removes every display formatter registered for figures."""
    from IPython import get_ipython

    global _prepared
    shell = get_ipython()
    if not _prepared:  # once per kernel, however many notebooks it runs
        shell.events.register("pre_execute", lambda: _register(shell))
        _prepared = True
    _register(shell)


_prepared = False


def _register(shell) -> None:
    import pandas as pd
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, table_html)
    formatter.for_type(Figure, chart_html)
    # The page shows a chart through chart_html; the inline image of it would be drawn for nothing.
    png = shell.display_formatter.formatters["image/png"]
    inline = png.type_printers.get(Figure)
    if inline is not None and not getattr(inline, "skips_charts", False):
        def others_only(fig, inline=inline):
            return None if hasattr(fig, "chart_info") else inline(fig)

        others_only.skips_charts = True
        png.for_type(Figure, others_only)


def table_html(frame) -> str:
    """A DataFrame as a reader's table, in the notebook's language; numbers that are not
    whole show the digits they have (33.3), not six decimals."""
    from pandas.api.types import is_float_dtype

    from .views import table

    styler = table(frame)
    floats = [c for c in styler.data if is_float_dtype(styler.data[c])
              and not styler.data[c].dropna().apply(float.is_integer).all()]
    if floats:
        styler = styler.format("{:.10g}", subset=floats, na_rep="")
    return f'<div class="table">{styler.to_html()}</div>'


def chart_html(fig) -> str | None:
    """A chart of the chart module as a page figure; None (the plain image) for others."""
    if not hasattr(fig, "chart_info"):
        return None
    from .pictures import figure_html, picture

    return figure_html(picture(fig))
