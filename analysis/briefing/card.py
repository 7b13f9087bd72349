"""A report card for any report of the package: what it measures, by chapter and by the national
outline's tasks; its key figures; how it holds up under the audit; where its text was damaged; and
what the audit cannot check for it. The report-card and report-checks notebooks show these for the
report they are given."""

from __future__ import annotations

import pandas as pd

from ..audit.checks import SEVERITIES, audit
from ..language.labels import Lang, check_lang
from ..language.outline import OUTLINE_MARKER
from ..tables.coverage import check_coverage
from ..tables.figures import load_figures, load_table, non_figures
from ..tables import outline
from ..tables.package import OPENING, load_package
from .findings import SEVERITY_WORDS

MEASURES = ("count", "percent", "money", "duration")
# Column names of the card's tables, (zh, en), for views.table.
NAMES = {
    "chapter": ("章", "Chapter"), "heading": ("标题", "Heading"), "title_en": ("标题（英文）", "Title"),
    "sections": ("节数", "Sections"), "figures": ("数据项", "Figures"), "count": ("计数", "Counts"),
    "percent": ("比率", "Rates"), "money": ("金额", "Money"), "duration": ("时长", "Durations"),
    "changes": ("变化", "Changes"), "task": ("纲要任务", "Outline task"), "check": ("检查", "Check"),
    **{s: (SEVERITY_WORDS[s]["zh"], SEVERITY_WORDS[s]["en"]) for s in SEVERITIES},
    "severity": ("严重程度", "Severity"), "message": ("说明", "Finding"), "mention": ("原文", "As written"),
    "reading": ("应为", "Most likely"), "why": ("依据", "Why"), "kind": ("类型", "Kind"),
    "indicator": ("指标", "Indicator"), "stated": ("报告所述", "Stated"),
    "task_zh": ("任务", "Task (Chinese)"), "task_en": ("任务（英文）", "Task"), "measures": ("措施", "Measures"),
    "evidence": ("依据", "Evidence"),
}
# What the card's tables show for the audit's codes, (zh, en): a reader sees words, not codes.
CHECK_WORDS = {"part_whole": ("分项与总数", "Parts and totals"), "rate": ("比率重算", "Rates recomputed"),
               "plausibility": ("数字相互印证", "Figures set against each other"),
               "damaged_text": ("文字缺损", "Damaged text")}
KIND_WORDS = {"date": ("日期", "date"), "document_number": ("文号", "document number"),
              "lost_characters": ("发布时脱字", "characters lost"), "typo": ("录入有误", "typo"),
              "inconsistent_name": ("前后名称不一", "name given two ways")}
EVIDENCE_WORDS = {"numbers": ("有数字", "numbers"), "words": ("仅有文字", "words only"), "none": ("无", "none")}


def words(table: dict[str, tuple[str, str]], code: str, lang: Lang | None = None) -> str:
    """A code of the package as a reader's word in the language (the code, spaced, if unknown)."""
    zh, en = table.get(code, (code.replace("_", " "),) * 2)
    return zh if check_lang(lang) == "zh" else en


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
    """The package's mapping of sections to the national outline's tasks (section_tasks, with
    each task's titles from outline_tasks), or None while the package has none."""
    tables = load_package().tables
    if "section_tasks" not in tables or "outline_tasks" not in tables:
        return None
    return tables["section_tasks"].merge(tables["outline_tasks"], on="task_id", how="left")


def tasks(report_id: str) -> pd.DataFrame | None:
    """Per task of the national outline: its number (or the name of the part that is not a
    task), titles, the report's figures and measures that serve it, and whether it is documented
    with numbers, words or not at all; None while the package maps none of the report's sections."""
    mapping = task_table()
    if mapping is None or not (mapping["report_id"] == report_id).any():
        return None
    coverage = outline.task_coverage(report_id)
    lang = check_lang(None)
    return pd.DataFrame({
        "task": [str(n) if pd.notna(n) else short for n, short in zip(coverage["number"], coverage["short_en"])],
        "task_zh": coverage["title_zh"], "task_en": coverage["title_en"], "figures": coverage["figures"],
        "measures": coverage["measures"],
        "evidence": [words(EVIDENCE_WORDS, e, lang) for e in coverage["evidence"]],
    })


def key_figure_ids(report_id: str) -> list[str]:
    """The report's key figures, in its order: totals that it breaks down, every rate, every
    amount of money and every change."""
    figures = load_figures(report_id)
    totals = set(figures["parent_id"].dropna())
    key = (figures["figure_id"].isin(totals) | figures["measure"].isin(["percent", "money"])
           | figures["direction"].notna())
    return figures.loc[key, "figure_id"].tolist()


def audit_summary(report_id: str, lang: Lang | None = None) -> pd.DataFrame:
    """The audit's findings counted by check and severity, the checks named in the language."""
    found = audit(report_id)
    checks = list(dict.fromkeys(f.check for f in found))
    return pd.DataFrame([{"check": words(CHECK_WORDS, c, lang),
                          **{s: sum(f.check == c and f.severity == s for f in found)
                                         for s in SEVERITIES}} for c in checks],
                        columns=["check", *SEVERITIES])


def findings(report_id: str, lang: Lang | None = None, check: str | None = None) -> pd.DataFrame:
    """Every finding of the audit for the report, most severe first, in the language: its
    severity and check as a reader's words, its message, its id."""
    lang = check_lang(lang)
    order = {s: i for i, s in enumerate(SEVERITIES)}
    found = sorted((f for f in audit(report_id) if check is None or f.check == check),
                   key=lambda f: order[f.severity])
    return pd.DataFrame([{"severity": SEVERITY_WORDS[f.severity][lang], "check": words(CHECK_WORDS, f.check, lang),
                          "message": f.message_zh if lang == "zh" else f.message_en,
                          "finding_id": f.finding_id} for f in found],
                        columns=["severity", "check", "message", "finding_id"])


def damaged(report_id: str, lang: Lang | None = None) -> pd.DataFrame:
    """Where the published text was damaged: lost characters and typos, with the likely reading.
    The data explains each in English; in Chinese the kind of damage says it."""
    lang = check_lang(lang)
    lost = non_figures(report_id)
    lost = lost[lost["damaged"].astype(bool)]
    issues = load_table("text_issues", report_id)
    table = pd.concat([
        pd.DataFrame({"kind": [words(KIND_WORDS, k, lang) for k in lost["kind"]], "mention": lost["mention"],
                      "reading": lost["reading"],
                      "why": lost["reason"] if lang == "en" else KIND_WORDS["lost_characters"][0]}),
        pd.DataFrame({"kind": [words(KIND_WORDS, k, lang) for k in issues["kind"]], "mention": issues["mention"],
                      "reading": issues["reading"],
                      "why": issues["note"] if lang == "en" else
                      ["疑指，所指待核实" if k == "inconsistent_name" else "据上下文推断" for k in issues["kind"]]}),
    ], ignore_index=True)
    return table


def unchecked_rates(report_id: str) -> pd.DataFrame:
    """The report's stated rates that the audit does not recompute: the package knows no
    numerator or denominator for them (a curator declares them in rate_parts.csv)."""
    figures = load_figures(report_id)
    checked = {f.figure_ids[0] for f in audit(report_id) if f.check == "rate"}
    rates = figures[(figures["unit"] == "%") & figures["direction"].isna() & ~figures["figure_id"].isin(checked)]
    return pd.DataFrame({"figure_id": rates["figure_id"],
                         "indicator": rates["indicator_zh" if check_lang(None) == "zh" else "indicator_en"],
                         "stated": rates["mention"]})


def coverage(report_id: str) -> tuple[int, int]:
    """Digit runs in the report's raw text, and how many no row of the package accounts for."""
    result = check_coverage(load_package(), report_id)
    return result.runs, len(result.unaccounted)
