"""Charts in the house style: `style` (font, sizes), `colours` (one colour per category),
`wrap` (lines broken between words), `frame` (title, source line, note, alt text, export),
`kinds` (the chart kinds) and `catalogue` (the briefing charts). Imports `audit`, `tables`
and `language`.

The chart kinds and the frame's public names are available here, as `charts.funnel(...)`.
"""

from .frame import ChartInfo, finish, save, source_line
from .kinds import (
    Comparison,
    Reference,
    big_numbers,
    count_bar,
    funnel,
    part_to_whole,
    ranked_bar,
    rate_readings,
    stated_vs_recomputed,
)

__all__ = ["ChartInfo", "Comparison", "Reference", "big_numbers", "count_bar", "finish",
           "funnel", "part_to_whole", "ranked_bar", "rate_readings", "save", "source_line",
           "stated_vs_recomputed"]
