"""The data for spreadsheet users: `figures.xlsx` (figures, audit findings, column
descriptions; headers in Chinese and English) and every table of the data package as a CSV
with a UTF-8 byte-order mark, which Excel needs to read Chinese. The committed data/*.csv
stay UTF-8 without one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from ..audit.checks import audit
from ..tables.package import DATA_DIR, DESCRIPTOR
from ..tables.schema import read_descriptor
from .facts import data_version_date
from .findings import SEVERITY_WORDS

WORKBOOK = "figures.xlsx"
SHEETS = {"figures": "数据 figures", "findings": "审核发现 audit findings", "columns": "字段说明 column descriptions"}
BOM = "\ufeff"

# Chinese names of the columns the workbook shows; the English row is the field's own name. A new
# column of figures.csv needs its name here (a test says so).
FIGURE_COLUMNS_ZH = {
    "report_id": "报告编号", "figure_id": "数据编号", "section": "章节", "topic": "主题",
    "indicator_zh": "指标", "indicator_en": "指标（英文）", "value": "数值", "value_high": "数值上限",
    "unit": "单位", "noun_en": "计数对象（英文）", "noun_en_singular": "计数对象（英文单数）",
    "qualifier": "限定词", "direction": "变化方向", "period": "时间范围", "mention": "原文写法", "quote": "原文",
    "note": "说明",
}
# Written as text, so that a spreadsheet keeps them as the report wrote them (33.3% stays "33.3%").
TEXT_COLUMNS = {"mention", "quote", "section", "figure_id", "report_id"}
FINDING_COLUMNS = [
    ("finding_id", "发现编号", "Stable id of the finding."),
    ("check", "检查类别", "part_whole, rate, plausibility or damaged_text."),
    ("severity", "严重程度", "material (changes a number a reader would quote), minor (changes no "
                            "comparison) or note, as the audit grades it."),
    ("severity_zh", "严重程度（说明）", "The severity in plain Chinese."),
    ("severity_en", "严重程度（英文说明）", "The severity in plain English."),
    ("verdict", "结论", "The check's result (sums, not_reproducible, implausible …)."),
    ("figure_ids", "相关数据编号", "The figures compared, separated by spaces."),
    ("message_zh", "说明（中文）", "One line of explanation in Chinese."),
    ("message_en", "说明（英文）", "One line of explanation in English."),
]


def _figures_schema() -> list[dict]:
    descriptor = read_descriptor(DATA_DIR / DESCRIPTOR)
    return next(r for r in descriptor["resources"] if r["name"] == "figures")["schema"]["fields"]


def finding_rows(report: str | None = None) -> list[dict]:
    return [{"finding_id": f.finding_id, "check": f.check, "severity": f.severity,
             "severity_zh": SEVERITY_WORDS[f.severity]["zh"], "severity_en": SEVERITY_WORDS[f.severity]["en"],
             "verdict": f.verdict, "figure_ids": " ".join(f.figure_ids),
             "message_zh": f.message_zh, "message_en": f.message_en} for f in audit(report)]


def figure_rows() -> list[dict]:
    """The figures table exactly as committed: every field, as the CSV holds it."""
    import csv

    with open(DATA_DIR / "figures.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_workbook(target: Path) -> Path:
    fields = _figures_schema()
    book = xlsxwriter.Workbook(str(target), {"strings_to_numbers": False, "strings_to_formulas": False,
                                             "strings_to_urls": False})
    # a fixed creation date (the data's version), so the file is the same from run to run
    book.set_properties({"title": "Figures and audit findings", "created": dt.datetime.combine(
        data_version_date(), dt.time())})
    head = book.add_format({"bold": True, "bg_color": "#E8EEF4", "text_wrap": True, "valign": "top"})
    field_name = book.add_format({"italic": True, "font_color": "#5C5C5C", "bg_color": "#E8EEF4"})
    text = book.add_format({"num_format": "@", "valign": "top"})
    wrap = book.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})

    sheet = book.add_worksheet(SHEETS["figures"])
    names = [f["name"] for f in fields]
    _header(sheet, [FIGURE_COLUMNS_ZH.get(n, n) for n in names], names, head, field_name)
    for r, row in enumerate(figure_rows(), start=2):
        for c, (name, spec) in enumerate(zip(names, fields)):
            value = row[name]
            if value == "":
                continue
            if spec["type"] in ("number", "integer") and name not in TEXT_COLUMNS:
                sheet.write_number(r, c, float(value) if spec["type"] == "number" else int(value))
            else:
                sheet.write_string(r, c, value, wrap if name in ("quote", "note") else text)
    _widths(sheet, names, {"quote": 50, "note": 40, "indicator_zh": 30, "indicator_en": 40})

    sheet = book.add_worksheet(SHEETS["findings"])
    keys = [k for k, _, _ in FINDING_COLUMNS]
    _header(sheet, [zh for _, zh, _ in FINDING_COLUMNS], keys, head, field_name)
    for r, row in enumerate(finding_rows(), start=2):
        for c, key in enumerate(keys):
            if row[key]:
                sheet.write_string(r, c, row[key], wrap if key.startswith("message") else text)
    _widths(sheet, keys, {"message_zh": 50, "message_en": 60, "figure_ids": 30})

    sheet = book.add_worksheet(SHEETS["columns"])
    _header(sheet, ["工作表", "字段", "中文名", "类型", "说明（英文）"],
            ["sheet", "field", "name_zh", "type", "description"], head, field_name)
    rows = [(SHEETS["figures"], f["name"], FIGURE_COLUMNS_ZH.get(f["name"], ""), f["type"],
             f.get("description", "")) for f in fields]
    rows += [(SHEETS["findings"], key, zh, "string", description) for key, zh, description in FINDING_COLUMNS]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            sheet.write_string(r, c, value, wrap if c == 4 else text)
    _widths(sheet, ["sheet", "field", "name_zh", "type", "description"], {"description": 70, "sheet": 22})
    book.close()
    return target


def _header(sheet, chinese: list[str], english: list[str], head, field_name) -> None:
    """Two header rows: Chinese names, then the field names the CSVs and README use."""
    for c, (zh, en) in enumerate(zip(chinese, english)):
        sheet.write_string(0, c, zh, head)
        sheet.write_string(1, c, en, field_name)
    sheet.freeze_panes(2, 0)
    sheet.autofilter(1, 0, 1, len(english) - 1)


def _widths(sheet, names: list[str], wide: dict[str, int]) -> None:
    for c, name in enumerate(names):
        sheet.set_column(c, c, wide.get(name, 16))


def write_csvs(out_dir: Path) -> list[Path]:
    """Every table of the data package, and the audit's findings, as CSVs with a BOM."""
    written = []
    descriptor = read_descriptor(DATA_DIR / DESCRIPTOR)
    for resource in descriptor["resources"]:
        source = DATA_DIR / resource["path"]
        target = out_dir / Path(resource["path"]).name
        target.write_bytes(BOM.encode("utf-8") + source.read_bytes())
        written.append(target)
    from ..audit.formats import as_csv

    target = out_dir / "audit_findings.csv"
    target.write_text(BOM + as_csv(audit(None)), encoding="utf-8", newline="")
    return [*written, target]


def write(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [write_workbook(out_dir / WORKBOOK), *write_csvs(out_dir)]
