"""What learners call besides the checks: a paragraph of the report by its section, and
the package's validation of one figure row they curated."""

from __future__ import annotations

import csv
from functools import lru_cache
import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from ..tables.figures import load_table
from ..tables.package import DATA_DIR, DESCRIPTOR, load_package
from ..tables.schema import DataError, read_descriptor
from .core import Text, unanswered

_RESOURCES = read_descriptor(DATA_DIR / DESCRIPTOR)["resources"]
ROW_FIELDS = [f["name"] for r in _RESOURCES if r["name"] == "figures" for f in r["schema"]["fields"]]
# Tables whose rows point at figures: emptied when a single row is validated on its own.
POINTING_AT_FIGURES = tuple(r["name"] for r in _RESOURCES if any(
    fk["reference"]["resource"] == "figures" for fk in r["schema"].get("foreignKeys", [])))


def report_id() -> str:
    """The id of the report the workshop works on (the first in the package)."""
    return str(load_table("reports")["report_id"].iloc[0])


def paragraph(section: str, report: str | None = None) -> str:
    """The paragraph of the raw text that opens with a section's heading."""
    if unanswered(section):
        return section
    report = report or report_id()
    sections = load_table("sections", report).set_index("section")
    if section not in sections.index:
        raise KeyError(f"no section {section!r}; sections: {sections.index.tolist()}")
    heading = sections.at[section, "heading"]
    lines = [line for line in load_package().raw[report].splitlines() if line.startswith(heading)]
    return lines[0]


def as_row(answer: Any) -> dict | None:
    """A figure row from a dict, a Series or a one-row DataFrame; None for anything else."""
    if isinstance(answer, pd.DataFrame) and len(answer) == 1:
        return answer.iloc[0].to_dict()
    if isinstance(answer, pd.Series):
        return answer.to_dict()
    if isinstance(answer, dict):
        return dict(answer)
    return None


def cell(v: Any) -> str:
    """A value as it is written in a CSV cell."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return f"{float(v):g}"
    return str(v)


def validate_row(row: dict) -> list[str]:
    """Validate one figure row as the package validates its figures: in a copy of the data
    package whose figures table holds only this row. Returns the problems, [] if valid."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(DATA_DIR, data)
        with open(data / "figures.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, ROW_FIELDS, lineterminator="\n", extrasaction="ignore")
            writer.writeheader()
            writer.writerow({k: cell(row.get(k)) for k in ROW_FIELDS})
        for name in POINTING_AT_FIGURES:
            path = data / f"{name}.csv"
            header = path.read_text(encoding="utf-8").splitlines()[0]
            path.write_text(header + "\n", encoding="utf-8")
        try:
            load_package(data)
        except DataError as exc:
            return [str(p) for p in exc.problems]
    return []


def validate(row: Any) -> None:
    """Print whether a figure row passes the package's validation, and each problem if not."""
    found = as_row(row)
    if found is None or unanswered(found):
        print(Text("Not validated yet: fill in every ____ of the row first.",
                   "尚未校验：请先填好这一行中所有的 ____。")())
        return
    problems = validate_row(found)
    if not problems:
        print(Text("Valid: the row passes every rule of the data package.",
                   "校验通过：这一行符合数据包的全部规则。")())
    for problem in problems:
        print(problem)


@lru_cache(maxsize=1)
def _figures() -> pd.DataFrame:
    from ..tables.figures import load_figures

    return load_figures(report_id()).set_index("figure_id", drop=False)


def get_figure(figure_id: str) -> pd.Series:
    """One figure of the workshop's report: the exercises look figures up thousands of
    times when the guide is built, so they are indexed once."""
    return _figures().loc[figure_id].copy()


def value(figure_id: str) -> float:
    return float(_figures().at[figure_id, "value"])
