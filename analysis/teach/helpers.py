"""What learners call besides the checks: a paragraph of the report by its section, and
the package's validation of one figure row they curated."""

from __future__ import annotations

import csv
from functools import lru_cache
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from ..tables.figures import load_table
from ..tables.package import DATA_DIR, DESCRIPTOR, load_package
from ..tables.schema import DataError, read_descriptor
from ..language.labels import current_language
from .core import Text, normal, unanswered

_RESOURCES = read_descriptor(DATA_DIR / DESCRIPTOR)["resources"]
ROW_FIELDS = [f["name"] for r in _RESOURCES if r["name"] == "figures" for f in r["schema"]["fields"]]
# Tables whose rows point at figures: emptied when a single row is validated on its own.
POINTING_AT_FIGURES = tuple(r["name"] for r in _RESOURCES if any(
    fk["reference"]["resource"] == "figures" for fk in r["schema"].get("foreignKeys", [])))


def report_id() -> str:
    """The id of the report the workshop works on (the first in the package)."""
    return str(load_table("reports")["report_id"].iloc[0])


def paragraph(section: str, report: str | None = None) -> str:
    """The paragraph of the raw text that opens with a section's heading. A section the report
    does not have gets, instead of the paragraph, a message saying so and which sections are near."""
    if unanswered(section):
        return section
    report = report or report_id()
    sections = load_table("sections", report).set_index("section")
    written = normal(section) if isinstance(section, str) else ""
    if written not in sections.index:
        return _no_section(section, written, sections.index.tolist())
    heading = sections.at[written, "heading"]
    lines = [line for line in load_package().raw[report].splitlines() if line.startswith(heading)]
    return lines[0]


def _no_section(section, written: str, known: list[str]) -> str:
    """What a learner reads for a section the report does not have: the nearest it does have."""
    if not isinstance(section, str):
        return Text("No paragraph to show: give the section as text in quotes, e.g. \"一、(四)4.3)\".",
                    "无法显示原文：请把章节路径写成带引号的文字，例如 \"一、(四)4.3)\"。")()
    chapter = written.split("、", 1)[0] + "、" if "、" in written else ""
    near = ([s for s in known if written and written in s]  # (三) is in 一、(三) and 二、(三)
            or [s for s in known if chapter and s.startswith(chapter)] or [s for s in known if s.endswith("、")])
    near = sorted(near, key=lambda s: (-len(os.path.commonprefix([s, written])), len(s)))[:8]
    listed = "".join(f"“{s}”" for s in near) if current_language() == "zh" else ", ".join(f"“{s}”" for s in near)
    return Text("The report has no section “{section}”. Write the outline markers from the chapter down, as "
                "in the section column, e.g. {near}.",
                "报告中没有“{section}”这个章节。请从第一级序号写起，与 section 列的写法一致，例如{near}。")(
        section=section, near=listed)


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
    if found is None and not unanswered(row):
        print(Text("Not validated: validate() takes the row, a dict with one entry per field, as in the cell "
                   "above.", "无法校验：validate() 要的是一行记录，即上面单元格中那样每个字段一项的字典。")())
        return
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
