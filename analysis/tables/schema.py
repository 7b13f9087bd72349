"""Validate the CSV tables against the one schema, data/datapackage.json.

The schema is Frictionless Table Schema and is written once. This module reads it
and applies the parts the package uses (types, required, unique, enum, pattern,
minimum, maximum, primaryKey, foreignKeys) without importing frictionless, so that
loading stays fast. `frictionless validate data/datapackage.json` checks the same
files with the reference implementation (see tests/test_datapackage.py).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .encoding import SAVE_AS_UTF8, guess_encoding


@dataclass(frozen=True)
class Problem:
    """One broken rule, located precisely enough to fix by hand."""

    file: str
    line: int | None  # line in the CSV file, header = 1; None for whole-file problems
    field: str | None
    rule: str
    detail: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line} (row {self.line - 1})"
        if self.field is not None:
            where += f", field '{self.field}'"
        return f"{where}: rule '{self.rule}': {self.detail}"


class DataError(ValueError):
    """Raised when data breaks a rule; lists every problem found (one alone on one line)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        if len(self.problems) == 1:
            super().__init__(f"1 problem in the data package: {self.problems[0]}")
            return
        head = f"{len(self.problems)} problem(s) in the data package:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


def read_descriptor(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def read_text(path: Path, name: str) -> tuple[str | None, Problem | None]:
    """A table's text, as UTF-8 with or without the byte-order mark that Excel and LibreOffice
    write; any other encoding is a problem that says what the file looks like and what to do."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    return None, Problem(name, None, None, "encoding",
                         f"the file is not UTF-8 (it looks like {guess_encoding(data)}); {SAVE_AS_UTF8}")


def _convert(value: str, ftype: str):
    """Convert a CSV string to the field's type; raise ValueError if it is not one."""
    if ftype == "string":
        return value
    if ftype == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise ValueError(f"{value!r} is not an integer")
        return int(value)
    if ftype == "number":
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise ValueError(f"{value!r} is not a finite number")
        return number
    if ftype == "boolean":
        if value in ("true", "True", "TRUE", "1"):
            return True
        if value in ("false", "False", "FALSE", "0"):
            return False
        raise ValueError(f"{value!r} is not a boolean (true/false)")
    raise ValueError(f"field type {ftype!r} is not supported by this package")


# How a spreadsheet rewrites a cell that looks like a number or a time: +128.79% as 128.79%,
# 10.60% as 10.6%, 3.0 as 3, 2. as 2, 09:18 as 09:18:00.
_NUMBERISH = re.compile(r"[+]?[0-9][0-9.]*%?|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?")
SPREADSHEET = ("a spreadsheet rewrote {!r} as {!r}: open the CSV with the columns typed as Text "
               "(LibreOffice: select every column and choose Column type Text in the import dialog; "
               "Excel: Data > From Text/CSV, then set the columns to Text)")


def spreadsheet_form(text: str) -> str:
    """What a spreadsheet makes of a cell holding text; text that is not a number or a time
    comes back as it was."""
    if not _NUMBERISH.fullmatch(text):
        return text
    if ":" in text:
        return text if text.count(":") == 2 else text + ":00"
    form = text.lstrip("+")
    percent = form.endswith("%")
    form = form.rstrip("%")
    if "." in form:
        form = form.rstrip("0").rstrip(".")
    return form + ("%" if percent else "")


def spreadsheet_hint(written: str, candidates) -> str:
    """A hint, when `written` is what a spreadsheet made of one of the candidates."""
    for original in candidates:
        if original != written and spreadsheet_form(original) == written:
            return "; " + SPREADSHEET.format(original, written)
    return ""


def read_table(data_dir: Path, resource: dict) -> tuple[list[dict], list[Problem]]:
    """Read one resource's CSV, typed, with per-field checks. Returns rows and problems.

    Each row carries its CSV line number under the key '_line'.
    """
    name = resource["path"]
    path = data_dir / name
    schema = resource["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    problems: list[Problem] = []
    rows: list[dict] = []
    if not path.exists():
        return rows, [Problem(name, None, None, "file exists", f"{path} is missing")]
    text, problem = read_text(path, name)
    if problem:
        return rows, [problem]
    with io.StringIO(text, newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header != names:
            return rows, [Problem(name, 1, None, "header",
                                  f"columns are {header}, the schema says {names}")]
        for cells in reader:
            line = reader.line_num
            if len(cells) != len(names):
                problems.append(Problem(name, line, None, "row length",
                                        f"{len(cells)} cells, the schema has {len(names)} fields"))
                continue
            row = {"_line": line}
            for field, raw in zip(fields, cells):
                row[field["name"]] = _check_cell(name, line, field, raw, problems)
            rows.append(row)
    for field in fields:
        if field.get("constraints", {}).get("unique"):
            _check_unique(name, rows, [field["name"]], "unique", problems)
    if "primaryKey" in schema:
        _check_unique(name, rows, schema["primaryKey"], "primaryKey", problems)
    return rows, problems


def _check_cell(file: str, line: int, field: dict, raw: str, problems: list[Problem]):
    fname = field["name"]
    cons = field.get("constraints", {})
    if raw == "":
        if cons.get("required"):
            problems.append(Problem(file, line, fname, "required", "the value is missing"))
        return None
    try:
        value = _convert(raw, field.get("type", "string"))
    except ValueError as exc:
        problems.append(Problem(file, line, fname, f"type: {field.get('type')}", str(exc)))
        return None
    if "enum" in cons and value not in cons["enum"]:
        problems.append(Problem(file, line, fname, "enum",
                                f"{raw!r} is not one of {cons['enum']}"))
    if "pattern" in cons and not re.fullmatch(cons["pattern"], raw):
        problems.append(Problem(file, line, fname, "pattern",
                                f"{raw!r} does not match {cons['pattern']!r}"))
    if "minimum" in cons and value < cons["minimum"]:
        problems.append(Problem(file, line, fname, "minimum",
                                f"{raw} is below the minimum {cons['minimum']}"))
    if "maximum" in cons and value > cons["maximum"]:
        problems.append(Problem(file, line, fname, "maximum",
                                f"{raw} is above the maximum {cons['maximum']}"))
    return value


def _check_unique(file, rows, key, rule, problems):
    seen: dict[tuple, int] = {}
    for row in rows:
        values = tuple(row[k] for k in key)
        if any(v is None for v in values):
            continue
        if values in seen:
            problems.append(Problem(file, row["_line"], ", ".join(key), rule,
                                    f"{values if len(values) > 1 else values[0]!r} "
                                    f"duplicates line {seen[values]}"))
        else:
            seen[values] = row["_line"]


def check_foreign_keys(descriptor: dict, tables: dict[str, list[dict]]) -> list[Problem]:
    """Check every foreignKey of every resource; '' as resource means the table itself."""
    problems: list[Problem] = []
    for resource in descriptor["resources"]:
        rows = tables.get(resource["name"], [])
        for fk in resource["schema"].get("foreignKeys", []):
            target = fk["reference"]["resource"] or resource["name"]
            ref_fields = fk["reference"]["fields"]
            allowed = {tuple(r[f] for f in ref_fields) for r in tables.get(target, [])}
            for row in rows:
                values = tuple(row[f] for f in fk["fields"])
                if any(v is None for v in values):
                    continue
                if values not in allowed:
                    shown = values[-1] if len(values) > 1 else values[0]
                    hint = spreadsheet_hint(shown, (a[-1] for a in allowed)) if isinstance(shown, str) else ""
                    problems.append(Problem(
                        resource["path"], row["_line"], fk["fields"][-1], "foreignKey",
                        f"{shown!r} is not a {ref_fields[-1]} in {target}{hint}"))
    return problems


def markdown_dictionary(descriptor: dict) -> str:
    """The data dictionary in Markdown, generated from the schema (data/README.md embeds it)."""
    parts = []
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        key = ", ".join(schema.get("primaryKey", []))
        parts += [f"### `{resource['path']}`", "", resource["description"], "",
                  f"Key: {key}.", "", "| field | type | rules | description |",
                  "|---|---|---|---|"]
        for field in schema["fields"]:
            rules = [_rule_text(name, value) for name, value in field.get("constraints", {}).items()]
            description = field["description"].replace("|", "\\|")
            parts.append(f"| `{field['name']}` | {field['type']} | {'; '.join(rules)} | {description} |")
        for fk in schema.get("foreignKeys", []):
            target = fk["reference"]["resource"] or resource["name"]
            parts.append("")
            parts.append(f"- {', '.join(fk['fields'])} → `{target}` "
                         f"({', '.join(fk['reference']['fields'])})")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _rule_text(name: str, value) -> str:
    if value is True:
        return name
    if name == "enum":
        return "one of " + ", ".join(f"`{v}`" for v in value)
    if name == "pattern":
        return f"pattern `{value}`"
    return f"{name} {value}"
