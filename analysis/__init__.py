"""Rule-of-law government reports as checked data: load, look up, break down, search.

The code is grouped by concern, each sub-package importing only those beneath it:
language → tables → audit, extract → charts → briefing (see the README).
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
    search,
    value,
)
from .tables.package import DATA_DIR, load_package, use_data
from .tables.schema import DataError, Problem

__all__ = [
    "Breakdown", "DATA_DIR", "DataError", "Problem", "breakdown", "current_language", "get_figure",
    "load_figures", "load_package", "load_table", "non_figures", "parents", "search", "set_language",
    "use_data", "value",
]
