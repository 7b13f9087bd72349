"""What a reader is told about the report and the data before anything else: title,
district, year, source and the date of the data package's version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..language.labels import Lang
from ..tables.figures import load_table
from ..tables.package import DATA_DIR, DESCRIPTOR
from ..tables.schema import read_descriptor


def data_version_date() -> dt.date:
    """The date of this version of the data package: `created` in datapackage.json, which
    is moved on whenever data/ changes (a test compares it with the history)."""
    created = read_descriptor(DATA_DIR / DESCRIPTOR)["created"]
    return dt.datetime.fromisoformat(created.replace("Z", "+00:00")).date()


@dataclass(frozen=True)
class ReportFacts:
    report_id: str
    title: str  # as the reader's language names it
    title_zh: str
    district: str  # district, city, province
    district_name: str  # the district alone
    year: int
    publisher: str
    source: str
    data_date: str


def report_facts(lang: Lang, report_id: str | None = None) -> ReportFacts:
    reports = load_table("reports")
    row = reports.iloc[0] if report_id is None else reports[reports["report_id"] == report_id].iloc[0]
    date = data_version_date()
    if lang == "zh":
        return ReportFacts(
            row["report_id"], f"《{row['title_zh']}》", row["title_zh"],
            f"{row['province_zh']}{row['city_zh']}{row['district_zh']}", row["district_zh"], int(row["year"]),
            row["publisher_zh"],
            # as the English source note: the website is the district government's, the publisher inferred
            f"{row['district_zh']}政府网站公开发布的报告全文（发布单位据网站推断，原文未写明）",
            f"{date.year}年{date.month}月{date.day}日")
    return ReportFacts(
        row["report_id"], row["title_en"], row["title_zh"],
        f"{row['district_en']}, {row['city_en']}, {row['province_en']}", row["district_en"], int(row["year"]),
        row["publisher_en"], row["source"], f"{date:%-d %B %Y}")
