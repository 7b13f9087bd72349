"""Prove that every number written in digits in a raw text is accounted for.

Each run of digits must sit inside exactly one figure mention, one non-figure
mention, or one section's outline marker. Two figures may share one mention
(受理率和按期办理率均为100%); a figure and a non-figure may not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .package import Package, Span, load_package

DIGIT_RUN = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")


@dataclass(frozen=True)
class DigitRun:
    report_id: str
    start: int
    text: str
    context: str

    def __str__(self) -> str:
        return f"{self.report_id} offset {self.start}: {self.text!r} in …{self.context}…"


@dataclass(frozen=True)
class Coverage:
    runs: int
    unaccounted: list[DigitRun]
    double_counted: list[tuple[DigitRun, list[str]]]

    @property
    def complete(self) -> bool:
        return not self.unaccounted and not self.double_counted


def digit_runs(report_id: str, text: str) -> list[DigitRun]:
    return [DigitRun(report_id, m.start(), m.group(0), text[max(0, m.start() - 10):m.end() + 10])
            for m in DIGIT_RUN.finditer(text)]


def check_coverage(package: Package | None = None, report: str | None = None) -> Coverage:
    package = package or load_package()
    total, missing, doubled = 0, [], []
    for report_id, text in package.raw.items():
        if report is not None and report_id != report:
            continue
        spans = [s for s in package.spans if s.report_id == report_id]
        for run in digit_runs(report_id, text):
            total += 1
            holders = _holders(run, spans)
            tables = {s.table for s in holders}
            if not holders:
                missing.append(run)
            elif len(tables) > 1 or (tables != {"figures"} and len(holders) > 1):
                doubled.append((run, [f"{s.table}:{s.row_id}" for s in holders]))
    return Coverage(total, missing, doubled)


def _holders(run: DigitRun, spans: list[Span]) -> list[Span]:
    end = run.start + len(run.text)
    return [s for s in spans if s.start <= run.start and end <= s.end]
