"""What a curator does with a draft, done by a test: fill in the names the extractor leaves
empty (topics, indicator names, English titles, unit names, the report's places) and append the
draft rows to a copy of the data package. Values are never touched."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from analysis.extract.draft import measure

TABLES = ("reports", "sections", "units", "figures", "non_figures")


def append_rows(path: Path, rows: list[dict]) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        fields = next(csv.reader(fh))
    with open(path, "a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fields, lineterminator="\n").writerows(rows)


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def fill_names(tables: dict[str, list[dict]], names: dict[str, dict] | None = None) -> dict[str, list[dict]]:
    """Fill every empty name a draft leaves: from `names` (table -> {column: value, or a function
    of the row}) when given, else a plain placeholder. Columns that hold values are not names."""
    defaults = {
        "reports": {"district_zh": "区", "district_en": "District", "city_zh": "市", "city_en": "City",
                    "province_zh": "省", "province_en": "Province", "title_zh": "报告", "title_en": "Report",
                    "publisher_zh": "人民政府", "publisher_en": "People's Government", "source": "Web page"},
        "sections": {"title_en": "Section"},
        "units": {"unit_en": lambda r: r["unit"], "unit_en_singular": lambda r: r["unit"]},
        "figures": {"topic": "hotline", "indicator_zh": lambda r: r["mention"], "indicator_en": "Indicator",
                    "period": "unstated",  # what a count counts, in English, for counts only
                    "noun_en": lambda r: "items" if measure(r["unit"]) == "count" else "",
                    "noun_en_singular": lambda r: "item" if measure(r["unit"]) == "count" else ""},
    }
    filled = {}
    for table, rows in tables.items():
        wanted = {**defaults.get(table, {}), **(names or {}).get(table, {})}
        filled[table] = []
        for row in rows:
            row = dict(row)
            for column, value in wanted.items():
                if not row.get(column):
                    row[column] = value(row) if callable(value) else value
            filled[table].append(row)
    return filled


def add_report(data_dir: Path, raw: Path, tables: dict[str, list[dict]]) -> None:
    """Put a report's raw text and its (filled) draft rows into a data package folder."""
    shutil.copy(raw, data_dir / "raw" / raw.name)
    for table in TABLES:
        if tables.get(table):
            append_rows(data_dir / f"{table}.csv", tables[table])
