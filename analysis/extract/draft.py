"""Draft tables for a new report, in the package's own schema, from what the extractor reads.

`python -m analysis extract PATH --draft --report-id ID -o FOLDER` writes, for the new report:

- figures.csv: every figure with its exact value, unit, qualifier, direction, mention and a quote
  that occurs once in the text; topic, indicator names, count nouns and period left for a curator;
- non_figures.csv: every other number written in digits (years, dates, document numbers, names,
  page metadata), with a reason, so that the coverage proof can account for each digit;
- sections.csv: the outline, each heading quoted; English titles left for a curator;
- units.csv: the units the package does not know yet; their English names left for a curator;
- reports.csv: the report's row, with the raw file's path and sha256; names left for a curator.

Values are written as the mention says them, exactly (1234567, not 1.23457e+06), so that every row
passes the package's own value check; a curator fills in names, never values.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from ..tables.package import DESCRIPTOR, OPENING, data_dir
from ..tables.schema import read_descriptor
from ..tables.source import find_all, find_mention, sha256_of
from .mentions import FIGURE_KINDS, META_LABEL, Mention, detect_encoding, extract, page_metadata

# What a non-figure kind of the extractor is in the non_figures table, and why.
NON_FIGURE_REASONS = {
    "year": ("year", "A year."),
    "date": ("date", "A date."),
    "document_number": ("document_number", "A document number."),
    "name": ("name", "A name or identifier made of digits, not a quantity."),
    "page_metadata": ("page_metadata", "Web-page furniture around the report's text, not part of it."),
    "fragment": ("fragment", "A number cut off from what it counted; the text around it was elided."),
}
# A quote made only of a number (a table cell) would be rewritten by a spreadsheet: 10.60% as 10.6%.
NUMBER_LIKE = re.compile(r"[\s0-9０-９.,%％+\-－:/年月日]*")
WIDEST = 80  # characters a quote may take beyond its mention when no clause or line names one place
DURATION_UNITS = {"天", "日", "小时", "分钟", "个工作日", "工作日", "个月", "年", "周", "学时", "课时"}


def schema_fields(resource: str) -> list[str]:
    descriptor = read_descriptor(data_dir() / DESCRIPTOR)
    found = next(r for r in descriptor["resources"] if r["name"] == resource)
    return [f["name"] for f in found["schema"]["fields"]]


def exact(value: float | None) -> str:
    """A value as the CSV should hold it: whole numbers without a point, others in full."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def measure(unit: str) -> str:
    if unit == "%" or unit.endswith("百分点"):
        return "percent"
    if unit.startswith(("元", "万元", "亿元")):
        return "money"
    return "duration" if unit in DURATION_UNITS else "count"


def draft_tables(path: Path, report_id: str, known_units: set[str] | None = None) -> dict[str, list[dict]]:
    """The draft rows of each table for one report's text."""
    path = Path(path)
    text = path.read_text(encoding=detect_encoding(path))
    if known_units is None:
        known_units = _known_units()
    mentions = list(extract(path, report_id))
    figures, non_figures, sections, units = [], [], [], {}
    title = _title(text)
    for m in mentions:
        if m.kind in FIGURE_KINDS:
            unit = m.unit or ("位" if m.kind == "rank" else "")
            if not m.section and not any(s["section"] == OPENING for s in sections):
                sections.insert(0, {"report_id": report_id, "section": OPENING, "level": 0,
                                    "heading": title if title and text.count(title) == 1 else
                                    unique_quote(text, m.start, m.end), "title_en": ""})
            figures.append({
                "report_id": report_id, "figure_id": f"draft_{len(figures) + 1:04d}",
                "section": m.section or OPENING,
                "topic": "", "indicator_zh": "", "indicator_en": "", "value": exact(m.value),
                "value_high": exact(m.value_high), "unit": unit, "noun_en": "", "noun_en_singular": "",
                "qualifier": m.qualifier, "direction": m.direction, "period": "", "mention": m.text,
                "quote": unique_quote(text, m.start, m.end),
                "note": _note(m) + ("" if unit else "; no unit is written: give one"),
            })
            if unit and unit not in known_units and unit not in units:
                units[unit] = {"unit": unit, "unit_en": "", "unit_en_singular": "", "measure": measure(unit)}
        elif m.kind == "outline_marker" and m.role == "" and _is_heading(m):
            sections.append(_section(text, m, report_id))
        elif m.kind in NON_FIGURE_REASONS and any(c.isdigit() for c in m.text):
            kind, reason = NON_FIGURE_REASONS[m.kind]
            start, end = m.start, m.end
            if m.kind == "page_metadata":
                reason = f"Web-page furniture ({m.role.replace('_', ' ')}), not part of the report."
                start, end = labelled(text, m)
            non_figures.append({
                "report_id": report_id, "item_id": f"draft-{len(non_figures) + 1:04d}", "kind": kind,
                "mention": text[start:end], "quote": unique_quote(text, start, end),
                "reading": "" if m.kind == "fragment" else m.reading,
                "damaged": "true" if m.reading and m.kind != "fragment" else "false", "reason": reason,
            })
    return {"reports": [_report(path, text, report_id, mentions)], "sections": sections,
            "units": list(units.values()), "figures": figures, "non_figures": non_figures}


def draft_rows(path: Path, report_id: str) -> list[dict]:
    """The draft figures table alone."""
    return draft_tables(path, report_id)["figures"]


def write_draft(tables: dict[str, list[dict]], folder: Path) -> dict[str, int]:
    """Write each draft table as FOLDER/NAME.csv (UTF-8, the package's columns); row counts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in tables.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, schema_fields(name), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        counts[name] = len(rows)
    return counts


def unique_quote(text: str, start: int, end: int) -> str:
    """The shortest clause, then sentence, then line around [start, end) that occurs once in
    the text and holds the mention once (as the package locates it)."""
    mention = text[start:end]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    for stops in ("，,、。；;：:！？|\t", "。；;！？", ""):
        left, right = start, end
        while left > line_start and (not stops or text[left - 1] not in stops):
            left -= 1
        while right < line_end and (not stops or text[right] not in stops):
            right += 1
        quote = text[left:right].strip()
        if _names_one_place(text, quote, mention):
            return quote
    # the shortest stretch around the mention that names one place, however it is cut
    for extra in range(1, WIDEST + 1):
        for before in range(0, extra + 1):
            left, right = start - before, end + extra - before
            if left < 0 or right > len(text):
                continue
            quote = text[left:right]
            if quote == quote.strip() and _names_one_place(text, quote, mention, before):
                return quote
    return text[line_start:line_end].strip()


def _names_one_place(text: str, quote: str, mention: str, at: int | None = None) -> bool:
    """The quote occurs once in the text, holds the mention once (at `at`, if given) and is not
    a bare number that a spreadsheet would rewrite."""
    if not quote or NUMBER_LIKE.fullmatch(quote) or len(find_all(text, quote)) != 1:
        return False
    inside = find_mention(quote, mention)
    return len(inside) == 1 and (at is None or inside[0] == at)


def labelled(text: str, m: Mention) -> tuple[int, int]:
    """The span of a page field with its label (更新时间：2021/03/29 11:30:01): a spreadsheet
    leaves that as it is, where it rewrites a bare time stamp (09:18 becomes 09:18:00)."""
    line_start = text.rfind("\n", 0, m.start) + 1
    labels = list(META_LABEL.finditer(text[line_start:m.start]))
    if labels:
        return line_start + labels[-1].start(), m.end
    line_end = text.find("\n", m.end)
    line_end = len(text) if line_end == -1 else line_end
    line = text[line_start:line_end]
    if NUMBER_LIKE.fullmatch(line):  # a value alone on its line, under its label
        return m.start, m.end
    left = len(line) - len(line.lstrip())
    return line_start + left, line_start + len(line.rstrip())  # 来自 社会 2020-03-31 17:06 的文章


def _note(m: Mention) -> str:
    parts = [f"draft: {m.kind}"]
    if m.reading:
        parts.append(f"reading {m.reading}")
    if m.pair_id:
        parts.append(f"{m.role} of pair {m.pair_id}")
    return "; ".join(parts)


def _is_heading(m: Mention) -> bool:
    return not m.text.endswith("是")  # 一是, 二是 list items, not sections


def _section(text: str, m: Mention, report_id: str) -> dict:
    """A section row: its path, level and heading (the heading's first sentence, or its line)."""
    line_end = text.find("\n", m.start)
    line = text[m.start:len(text) if line_end == -1 else line_end].rstrip()
    stop = min((i for i in (line.find(c) for c in "。；;") if i != -1), default=-1)
    heading = line[:stop + 1] if stop != -1 and text.count(line[:stop + 1]) == 1 else line
    return {"report_id": report_id, "section": m.section, "level": _level(m.text), "heading": heading,
            "title_en": ""}


def _level(marker: str) -> int:
    """1 for 一、, 2 for (一), 3 for 1., 4 for 1) and (1), as the sections table counts them."""
    if marker[0] in "(（":
        return 4 if marker[1].isdigit() else 2
    return 3 if marker[0].isdigit() and marker[-1] in ".、．" else 4 if marker[0].isdigit() else 1


def _title(text: str) -> str:
    """The report's title: the first short line that names a report, is not page furniture
    (发布时间：…) and not a breadcrumb (首页 > …)."""
    return next((line.strip() for line in text.splitlines() if "报告" in line and len(line.strip()) < 80
                 and not META_LABEL.search(line) and not any(c in line for c in ">＞|")), "")


def _report(path: Path, text: str, report_id: str, mentions: list[Mention]) -> dict:
    title = _title(text)
    years = [m.value for m in mentions if m.kind == "year" and m.value_high is None and m.text in title]
    furniture = page_metadata(path)
    seen = "; ".join(f"{k} {v}" for k, v in furniture.items() if k in ("published", "updated", "source"))
    return {"report_id": report_id, "district_zh": "", "district_en": "", "city_zh": "", "city_en": "",
            "province_zh": "", "province_en": "", "year": exact(years[0]) if years else "",
            "title_zh": title, "title_en": "", "publisher_zh": "", "publisher_en": "",
            "source": f"Page header: {seen}." if seen else "", "raw_path": f"raw/{path.name}",
            "sha256": sha256_of(path), "note": ""}


def _known_units() -> set[str]:
    with open(data_dir() / "units.csv", encoding="utf-8-sig", newline="") as fh:
        return {row["unit"] for row in csv.DictReader(fh)}
