"""Rule-of-law government reports as checked data: load, look up, break down, search."""

from .figures import (
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
from .package import DATA_DIR, load_package
from .schema import DataError, Problem

__all__ = [
    "Breakdown", "DATA_DIR", "DataError", "Problem", "breakdown", "get_figure", "load_figures",
    "load_package", "load_table", "non_figures", "parents", "search", "value",
]
