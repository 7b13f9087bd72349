"""Measure the extractor against the curated tables of a vendored report."""

from __future__ import annotations

from dataclasses import dataclass

from ..tables.package import DATA_DIR, load_package
from .mentions import FIGURE_KINDS, Mention, extract

# How the curated non-figure kinds show up among the extractor's kinds.
NON_FIGURE_KINDS = {"year": "year", "date": "date", "document_number": "document_number",
                    "name": "name", "version": "name", "ordinal": "name",
                    "category_label": "name", "ratio_base": "name"}


@dataclass
class Evaluation:
    figures: int            # curated figure mentions (distinct places)
    found: int              # of those, found at the same place with value, unit, qualifier
    misses: list[str]       # curated figures not found, with why
    called_figures: int     # extractor mentions of a figure kind
    true_figures: int       # of those, at a curated figure's place
    false_figures: list[str]
    non_figures: int        # curated non-figures (including outline markers)
    non_figures_agreeing: int
    non_figure_disagreements: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.figures if self.figures else 1.0

    @property
    def precision(self) -> float:
        return self.true_figures / self.called_figures if self.called_figures else 1.0

    def summary(self) -> str:
        return (f"recall {self.recall:.1%} ({self.found}/{self.figures} curated figure mentions); "
                f"precision {self.precision:.1%} ({self.true_figures}/{self.called_figures} mentions "
                f"called figures); non-figures agreeing {self.non_figures_agreeing}/{self.non_figures}")


def evaluate(report_id: str) -> Evaluation:
    package = load_package()
    reports = package.tables["reports"].set_index("report_id")
    path = DATA_DIR / reports.loc[report_id, "raw_path"]
    mentions = list(extract(path, report_id))
    by_start: dict[int, Mention] = {m.start: m for m in mentions}
    figures = package.tables["figures"]
    figures = figures[figures["report_id"] == report_id].set_index("figure_id")
    spans = [s for s in package.spans if s.report_id == report_id]
    figure_spans = {s.row_id: s for s in spans if s.table == "figures"}

    places = {span.start for span in figure_spans.values()}
    misses, missed_places = [], set()
    for figure_id, span in figure_spans.items():
        row = figures.loc[figure_id]
        got = by_start.get(span.start)
        expected_high = None if row["value_high"] != row["value_high"] else row["value_high"]
        problem = None
        if got is None or got.kind not in FIGURE_KINDS:
            problem = "not found" if got is None else f"called {got.kind}"
        elif got.value != row["value"] or got.value_high != expected_high:
            problem = f"value {got.value} vs {row['value']}"
        elif got.unit != row["unit"]:
            problem = f"unit {got.unit!r} vs {row['unit']!r}"
        elif got.qualifier != row["qualifier"]:
            problem = f"qualifier {got.qualifier} vs {row['qualifier']}"
        if problem:
            misses.append(f"{figure_id} at {span.start}: {problem}")
            missed_places.add(span.start)

    called = [m for m in mentions if m.kind in FIGURE_KINDS]
    false = [f"{m.text!r} at {m.start} ({m.kind}): {m.sentence[:30]}" for m in called
             if m.start not in places]

    non_figure_rows = [(s, "outline_marker") for s in spans if s.table == "sections"]
    kinds = package.tables["non_figures"].set_index("item_id")["kind"]
    non_figure_rows += [(s, NON_FIGURE_KINDS[kinds[s.row_id]]) for s in spans if s.table == "non_figures"]
    disagreements = []
    for span, kind in non_figure_rows:
        overlapping = [m for m in mentions if m.start < span.end and span.start < m.end]
        if not any(m.kind == kind for m in overlapping):
            shown = ", ".join(f"{m.text!r} as {m.kind}" for m in overlapping) or "nothing"
            disagreements.append(f"{span.row_id} ({kind}) at {span.start}: extractor found {shown}")
    return Evaluation(len(places), len(places - missed_places), misses, len(called),
                      len(called) - len(false), false, len(non_figure_rows),
                      len(non_figure_rows) - len(disagreements), disagreements)
