"""A report card for any report of the package: what it measures, by chapter and by the national
outline's tasks; its key figures; how it holds up under the audit; where its text was damaged; and
what the audit cannot check for it. The report-card and report-checks notebooks show these for the
report they are given."""

from __future__ import annotations

import pandas as pd

from ..audit.checks import RATE_DENOMINATORS, READINGS, SEVERITIES, audit
from ..language.labels import Lang, check_lang
from ..language.outline import OUTLINE_MARKER
from ..tables.coverage import check_coverage
from ..tables.figures import load_figures, load_table, non_figures
from ..tables.package import OPENING, load_package

MEASURES = ("count", "percent", "money", "duration")
# Column names of the card's tables, (zh, en), for views.table.
NAMES = {
    "chapter": ("章", "Chapter"), "heading": ("标题", "Heading"), "title_en": ("标题（英文）", "Title"),
    "sections": ("节数", "Sections"), "figures": ("数据项", "Figures"), "count": ("计数", "Counts"),
    "percent": ("比率", "Rates"), "money": ("金额", "Money"), "duration": ("时长", "Durations"),
    "changes": ("变化", "Changes"), "task": ("纲要任务", "Outline task"), "check": ("检查", "Check"),
    "material": ("重大", "Material"), "minor": ("一般", "Minor"), "note": ("说明", "Notes"),
    "severity": ("严重程度", "Severity"), "message": ("说明", "Finding"), "mention": ("原文", "As written"),
    "reading": ("应为", "Most likely"), "why": ("依据", "Why"), "kind": ("类型", "Kind"),
    "indicator": ("指标", "Indicator"), "stated": ("报告所述", "Stated"),
}
TASK_TABLE_HINT = ("a table of the package whose name contains 'task' (data/outline_tasks.csv), with a "
                   "task column and a figure_id or section column")


def report(report_id: str) -> pd.Series:
    """The report's row: title, publisher, year, source."""
    rows = load_table("reports", report_id)
    return rows.iloc[0]


def chapter_of(section: str) -> str:
    """The chapter a section path belongs to: 一、(一)1. -> 一、; the opening stays the opening."""
    if section == OPENING or not isinstance(section, str):
        return OPENING
    marker = OUTLINE_MARKER.match(section)
    return marker.group(0) if marker else section


def chapters(report_id: str) -> pd.DataFrame:
    """One row per chapter, in the report's order: its heading, how many sections and figures it
    has, and the figures by what they measure."""
    sections = load_table("sections", report_id)
    figures = load_figures(report_id)
    figures["chapter"] = figures["section"].map(chapter_of)
    tops = sections[sections["section"].map(chapter_of) == sections["section"]]  # 一、, or 1. at the top
    rows = []
    for _, top in tops.iterrows():
        own = figures[figures["chapter"] == top["section"]]
        row = {"chapter": top["section"], "heading": top["heading"], "title_en": top["title_en"],
               "sections": int((sections["section"].map(chapter_of) == top["section"]).sum()),
               "figures": len(own)}
        row.update({m: int((own["measure"] == m).sum()) for m in MEASURES})
        row["changes"] = int(own["direction"].notna().sum()) if "direction" in own else 0
        rows.append(row)
    return pd.DataFrame(rows, columns=["chapter", "heading", "title_en", "sections", "figures",
                                       *MEASURES, "changes"])


def task_table() -> pd.DataFrame | None:
    """The package's mapping of sections or figures to the national outline's tasks, if it has one."""
    tables = load_package().tables
    name = next((n for n in tables if "task" in n), None)
    return None if name is None else tables[name]


def tasks(report_id: str) -> pd.DataFrame | None:
    """Figures per task of the national outline, read from the package's task table; None while
    the package has no such table."""
    mapping = task_table()
    if mapping is None:
        return None
    if "report_id" in mapping:
        mapping = mapping[mapping["report_id"] == report_id]
    task = next(c for c in ("task", "task_id", "outline_task") if c in mapping) if any(
        c in mapping for c in ("task", "task_id", "outline_task")) else None
    if task is None or not ({"figure_id", "section"} & set(mapping)):
        raise ValueError(f"the task table should have a task column and a figure_id or section column "
                         f"({TASK_TABLE_HINT}); it has {list(mapping.columns)}")
    figures = load_figures(report_id)
    counts = {}
    for _, row in mapping.iterrows():
        if "figure_id" in mapping and isinstance(row.get("figure_id"), str):
            hits = set(figures.loc[figures["figure_id"] == row["figure_id"], "figure_id"])
        else:
            hits = set(figures.loc[figures["section"].str.startswith(row["section"]), "figure_id"])
        counts.setdefault(row[task], set()).update(hits)
    labels = [c for c in ("task_zh", "task_en", "label_zh", "label_en") if c in mapping]
    out = pd.DataFrame({"task": list(counts), "figures": [len(v) for v in counts.values()]})
    if labels:
        out = out.merge(mapping[[task, *labels]].drop_duplicates(task).rename(columns={task: "task"}),
                        on="task", how="left")
    return out


def key_figure_ids(report_id: str) -> list[str]:
    """The report's key figures, in its order: totals that it breaks down, every rate, every
    amount of money and every change."""
    figures = load_figures(report_id)
    totals = set(figures["parent_id"].dropna())
    key = (figures["figure_id"].isin(totals) | figures["measure"].isin(["percent", "money"])
           | figures["direction"].notna())
    return figures.loc[key, "figure_id"].tolist()


def audit_summary(report_id: str) -> pd.DataFrame:
    """The audit's findings counted by check and severity."""
    found = audit(report_id)
    checks = list(dict.fromkeys(f.check for f in found))
    return pd.DataFrame([{"check": c, **{s: sum(f.check == c and f.severity == s for f in found)
                                         for s in SEVERITIES}} for c in checks],
                        columns=["check", *SEVERITIES])


def findings(report_id: str, lang: Lang | None = None, check: str | None = None) -> pd.DataFrame:
    """Every finding of the audit for the report, most severe first, in the language."""
    lang = check_lang(lang)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    found = sorted((f for f in audit(report_id) if check is None or f.check == check),
                   key=lambda f: order[f.severity])
    return pd.DataFrame([{"severity": f.severity, "check": f.check,
                          "message": f.message_zh if lang == "zh" else f.message_en,
                          "finding_id": f.finding_id} for f in found],
                        columns=["severity", "check", "message", "finding_id"])


def damaged(report_id: str) -> pd.DataFrame:
    """Where the published text was damaged: lost characters and typos, with the likely reading."""
    lost = non_figures(report_id)
    lost = lost[lost["damaged"].astype(bool)]
    issues = load_table("text_issues", report_id)
    return pd.concat([
        pd.DataFrame({"kind": lost["kind"], "mention": lost["mention"], "reading": lost["reading"],
                      "why": lost["reason"]}),
        pd.DataFrame({"kind": issues["kind"], "mention": issues["mention"], "reading": issues["reading"],
                      "why": issues["note"]}),
    ], ignore_index=True)


def unchecked_rates(report_id: str) -> pd.DataFrame:
    """The report's stated rates that the audit cannot recompute: the package defines no
    numerator and denominator for them (rate definitions are written per figure id)."""
    figures = load_figures(report_id)
    known = set(READINGS) | set(RATE_DENOMINATORS)
    rates = figures[(figures["unit"] == "%") & figures["direction"].isna() & ~figures["figure_id"].isin(known)]
    return pd.DataFrame({"figure_id": rates["figure_id"], "indicator": rates["indicator_zh"],
                         "stated": rates["mention"]})


def coverage(report_id: str) -> tuple[int, int]:
    """Digit runs in the report's raw text, and how many no row of the package accounts for."""
    result = check_coverage(load_package(), report_id)
    return result.runs, len(result.unaccounted)
