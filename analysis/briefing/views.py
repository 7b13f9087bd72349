"""Tables for notebooks and briefings: figures with their amounts, and the audit's findings."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..audit.checks import SEVERITIES, Finding, audit
from ..language import labels
from ..tables.figures import load_figures


def figure_table(topics: list[str] | None = None, figure_ids: list[str] | None = None,
                 report: str | None = None, quote: bool = True) -> pd.DataFrame:
    """The figures of some topics (or ids), as the report words them, with amounts in both
    languages, indexed by figure id."""
    figures = load_figures(report)
    if topics is not None:
        unknown = sorted(set(topics) - set(figures["topic"]))
        if unknown:
            raise KeyError(f"unknown topics {unknown}; known: {sorted(set(figures['topic']))}")
        figures = figures[figures["topic"].isin(topics)]
    if figure_ids is not None:
        figures = figures.set_index("figure_id").loc[figure_ids].reset_index()
    table = pd.DataFrame({
        "figure_id": figures["figure_id"],
        "section": figures["section"],
        "indicator_en": figures["indicator_en"],
        "indicator_zh": figures["indicator_zh"],
        "amount_en": [labels.amount(f, "en", compact=False) for _, f in figures.iterrows()],
        "amount_zh": [labels.amount(f, "zh", compact=False) for _, f in figures.iterrows()],
    })
    if quote:
        table["quote"] = figures["quote"].to_numpy()
    return table.set_index("figure_id")


@lru_cache(maxsize=8)
def _audit(report: str | None) -> tuple[Finding, ...]:
    return tuple(audit(report))


def findings(figure_ids: list[str] | None = None, check: str | None = None,
             report: str | None = None) -> pd.DataFrame:
    """Audit findings, optionally only those that involve any of figure_ids or one check."""
    rows = [f for f in _audit(report)
            if (figure_ids is None or set(f.figure_ids) & set(figure_ids))
            and (check is None or f.check == check)]
    return pd.DataFrame({
        "finding_id": [f.finding_id for f in rows],
        "severity": [f.severity for f in rows],
        "verdict": [f.verdict for f in rows],
        "message_en": [f.message_en for f in rows],
    }).set_index("finding_id")


def print_findings(figure_ids: list[str] | None = None, check: str | None = None,
                   severities: tuple[str, ...] = SEVERITIES) -> None:
    """Print the findings as text (so notebook checks see them), most severe first."""
    table = findings(figure_ids, check)
    table = table[table["severity"].isin(severities)]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    table = table.iloc[sorted(range(len(table)), key=lambda i: order[table["severity"].iloc[i]])]
    if table.empty:
        print("No audit findings for these figures.")
    for finding_id, row in table.iterrows():
        print(f"[{row['severity']}] {finding_id}: {row['message_en']}")
