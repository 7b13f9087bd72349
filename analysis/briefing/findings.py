"""The audit's findings for readers of notebooks and briefings."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ..audit.checks import SEVERITIES, Finding, audit


@lru_cache(maxsize=8)
def _audit(report: str | None) -> tuple[Finding, ...]:
    return tuple(audit(report))


def table(figure_ids: list[str] | None = None, check: str | None = None,
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


def show(figure_ids: list[str] | None = None, check: str | None = None,
         severities: tuple[str, ...] = SEVERITIES) -> None:
    """Print the findings as text (so notebook checks see them), most severe first."""
    found = table(figure_ids, check)
    found = found[found["severity"].isin(severities)]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    found = found.iloc[sorted(range(len(found)), key=lambda i: order[found["severity"].iloc[i]])]
    if found.empty:
        print("No audit findings for these figures.")
    for finding_id, row in found.iterrows():
        print(f"[{row['severity']}] {finding_id}: {row['message_en']}")
