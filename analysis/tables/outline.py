"""The whole report against the national plan: the measures it describes in words, the
figures that measure them, and which of the plan's tasks the report documents with numbers,
only with words, or not at all.

Everything here reads the tables (measures, measure_figures, section_tasks, outline_tasks,
commitments); nothing is specific to one report.
"""

from __future__ import annotations

import pandas as pd

from .figures import load_figures, load_table

EVIDENCE = ("numbers", "words", "none")


def measure_table(report: str | None = None, sections: list[str] | None = None) -> pd.DataFrame:
    """The measures of measures.csv, in report order, with the ids of the figures that
    measure each (space-separated, empty when the report gives it in words only).
    sections: keep the measures of these sections and their subsections."""
    measures = load_table("measures", report)
    links = load_table("measure_figures", report)
    ids = (links.groupby(["report_id", "measure_id"], sort=False)["figure_id"]
           .agg(" ".join).rename("figure_ids"))
    table = measures.join(ids, on=["report_id", "measure_id"])
    table["figure_ids"] = table["figure_ids"].fillna("")
    table["figures"] = table["figure_ids"].str.split().str.len().fillna(0).astype(int)
    if sections is not None:
        table = table[table["section"].map(lambda s: any(s.startswith(p) for p in sections))]
    return table.reset_index(drop=True)


def figure_tasks(report: str | None = None) -> pd.DataFrame:
    """Each figure with the task(s) its section serves: one row per figure and task."""
    figures = load_figures(report)[["report_id", "figure_id", "section"]]
    mapping = load_table("section_tasks", report)[["report_id", "section", "task_id"]]
    return figures.merge(mapping, on=["report_id", "section"], how="left")


def unmapped_sections(report: str | None = None) -> list[str]:
    """Sections without subsections that no row of section_tasks maps to a task."""
    sections = load_table("sections", report)
    mapped = set(zip(*load_table("section_tasks", report)[["report_id", "section"]].T.values))
    out = []
    for report_id, group in sections.groupby("report_id", sort=False):
        paths = group["section"].tolist()
        for path in paths:
            leaf = not any(p != path and p.startswith(path) for p in paths)
            if leaf and (report_id, path) not in mapped:
                out.append(path)
    return out


def task_coverage(report: str | None = None) -> pd.DataFrame:
    """One row per task of the plan: how many sections, figures and measures of the report's
    account of its work serve it (figures split into counts and rates), how many admitted
    shortcomings and next-year priorities concern it, and the evidence the report gives:
    numbers (at least one figure), words (measures but no figure) or none.

    Sections of the shortcomings and plans (those holding a commitment) are counted as
    shortcomings and priorities, not as an account of work done."""
    tasks = load_table("outline_tasks")
    mapping = load_table("section_tasks", report)
    commitments = load_table("commitments", report)
    planning = set(zip(commitments["report_id"], commitments["section"]))
    work = mapping[[(r, s) not in planning for r, s in zip(mapping["report_id"], mapping["section"])]]
    figures = figure_tasks(report)
    measures = load_table("measures", report)

    def count(frame: pd.DataFrame, column: str | None = None) -> pd.Series:
        grouped = frame.groupby("task_id")
        return (grouped[column].nunique() if column else grouped.size()).reindex(
            tasks["task_id"], fill_value=0)

    table = tasks.set_index("task_id")[["kind", "number", "title_zh", "title_en", "short_zh", "short_en"]].copy()
    table["sections"] = count(work, "section")
    figures = figures.dropna(subset=["task_id"]).merge(
        load_figures(report)[["report_id", "figure_id", "measure"]], on=["report_id", "figure_id"])
    table["figures"] = count(figures, "figure_id")
    table["counts"] = count(figures[figures["measure"] == "count"], "figure_id")
    table["rates"] = count(figures[figures["measure"] == "percent"], "figure_id")
    table["measures"] = count(measures)
    table["shortcomings"] = count(commitments[commitments["kind"] == "shortcoming"])
    table["priorities"] = count(commitments[commitments["kind"] == "priority"])
    table["evidence"] = [EVIDENCE[0] if f else EVIDENCE[1] if m else EVIDENCE[2]
                         for f, m in zip(table["figures"], table["measures"])]
    return table.reset_index()
