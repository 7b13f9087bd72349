"""Rule-of-law government reports as checked data: load, look up, break down, search.

The code is grouped by concern, each sub-package importing only those beneath it:
language → tables → audit, extract → charts → briefing → explore (see the README).
"""

from .language.labels import current_language, set_language
from .tables.figures import (
    Breakdown,
    breakdown,
    get_figure,
    load_figures,
    load_table,
    non_figures,
    parents,
    quantity,
    value,
)
from .explore.context import FigureCard, figure_card
from .explore.search import Hits, find
from .explore.search import search_figures as search
from .language.quantity import Quantity
from .tables.package import DATA_DIR, load_package, use_data
from .tables.schema import DataError, Problem

__all__ = [
    "Breakdown", "DATA_DIR", "DataError", "FigureCard", "Hits", "Problem", "breakdown",
    "current_language", "figure_card", "find", "get_figure",
    "load_figures", "load_package", "load_table", "non_figures", "parents", "Quantity", "quantity",
    "search", "set_language", "use_data", "value",
]
