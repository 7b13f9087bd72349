"""Load and validate the data package: the tables, the raw texts, and every quote.

Loading validates. Schema rules come from data/datapackage.json (see schema.py);
the rules that tie rows to the raw text live here, once:

- a report's raw file matches its recorded sha256;
- every quote (of figures, non-figures, text issues, commitments, measures, citations) and every section
  heading occurs exactly once in its report's raw text;
- every mention occurs exactly once in its quote;
- a figure's value, range and qualifier are what its mention says;
- a count names, in English, the noun it counts (19个乡镇 is 19 townships, never 19 units);
- a section path ends with its heading's outline marker, and its parent path exists;
- a declared rate (rate_parts.csv) is an exact figure in %, has a denominator, and, when it has
  a numerator, one name in each language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..language.numbers import parse_mention
from ..language.outline import OUTLINE_MARKER, path_form
from .schema import DataError, Problem, check_foreign_keys, read_descriptor, read_table
from .source import locate, read_raw

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DESCRIPTOR = "datapackage.json"
OPENING = "导语"  # the section path of a report's opening, before its first heading


@dataclass
class Span:
    """A stretch of raw text that a row accounts for."""

    report_id: str
    start: int
    end: int
    table: str  # figures, non_figures or sections
    row_id: str


@dataclass
class Package:
    data_dir: Path
    descriptor: dict
    tables: dict[str, pd.DataFrame]
    raw: dict[str, str]
    spans: list[Span] = field(default_factory=list)


def load_package(data_dir: Path | str | None = None) -> Package:
    """Read and validate every table; raise DataError listing each broken rule. With no folder,
    the package's own (data/), or the one `use_data` chose."""
    if data_dir is None:
        return _default_package()
    return _load(Path(data_dir))


_default_dir = [DATA_DIR]


def use_data(data_dir: Path | str) -> Path:
    """Read the package from another folder (a copy of data/ with a new report's rows) instead
    of data/, for every table, figure and finding this process reads. Call it first: the tables
    are read once per process, so once read they cannot change folder."""
    folder = Path(data_dir).resolve()
    if folder == _default_dir[0]:
        return folder
    if _default_package.cache_info().currsize:
        raise RuntimeError(f"the package was already read from {_default_dir[0]}; call "
                           "analysis.use_data(...) before reading any table (restart the kernel)")
    _descriptor(folder)  # a clear error now for a folder that is not a data package
    _default_dir[0] = folder
    return folder


def data_dir() -> Path:
    """The folder the package is read from (data/, unless `use_data` chose another)."""
    return _default_dir[0]


@lru_cache(maxsize=1)
def _default_package() -> Package:
    return _load(_default_dir[0])


def _load(data_dir: Path) -> Package:
    descriptor = _descriptor(data_dir)
    problems: list[Problem] = []
    rows: dict[str, list[dict]] = {}
    for resource in descriptor["resources"]:
        table_rows, table_problems = read_table(data_dir, resource)
        rows[resource["name"]] = table_rows
        problems += table_problems
    unreadable = [p for p in problems if p.line is None or p.rule == "header"]
    if unreadable:  # a table that cannot be read makes every check that uses it fail: say only why
        raise DataError(unreadable)
    problems += check_foreign_keys(descriptor, rows)

    raw = {}
    for report in rows.get("reports", []):
        text = read_raw(data_dir, report, problems)
        if text is not None:
            raw[report["report_id"]] = text

    spans: list[Span] = []
    spans += _check_sections(rows.get("sections", []), raw, problems)
    spans += _check_mentions("non_figures.csv", "non_figures", "item_id",
                             rows.get("non_figures", []), raw, problems)
    spans += _check_mentions("figures.csv", "figures", "figure_id",
                             rows.get("figures", []), raw, problems)
    # Text issues are located like mentions but account for no number.
    _check_mentions("text_issues.csv", "text_issues", "issue_id",
                    rows.get("text_issues", []), raw, problems)
    for table in ("commitments", "measures", "citations"):  # quoted words, with no number to account for
        for row in rows.get(table, []):
            if row["report_id"] in raw:
                locate(raw[row["report_id"]], row, f"{table}.csv", problems, mention_field=None)
    _check_optional_sections("citations.csv", rows.get("citations", []), rows.get("sections", []), problems)
    check_figure_values(rows.get("figures", []), problems)
    _check_count_nouns(rows.get("figures", []), rows.get("units", []), problems)
    _check_rate_parts(rows.get("rate_parts", []), rows.get("figures", []), problems)
    if problems:
        raise DataError(problems)

    tables = {}
    for resource in descriptor["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        tables[resource["name"]] = _frame(rows[resource["name"]], resource["schema"]["fields"], names)
    return Package(data_dir, descriptor, tables, raw, spans)


def _descriptor(data_dir: Path) -> dict:
    """The package's descriptor, or a one-line error for a folder that is not a data package."""
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, None, "data folder",
                                 "there is no such folder; give the folder that holds datapackage.json")])
    path = data_dir / DESCRIPTOR
    if not path.exists():
        raise DataError([Problem(str(path), None, None, "data folder",
                                 f"{data_dir} has no {DESCRIPTOR}; give the folder that holds it")])
    try:
        return read_descriptor(path)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataError([Problem(str(path), None, None, "JSON", f"cannot be read: {exc}")]) from None


def _frame(rows: list[dict], fields: list[dict], names: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame([[row[n] for n in names] for row in rows], columns=names)
    for f in fields:
        if f.get("type") == "number":
            frame[f["name"]] = frame[f["name"]].astype("float64")
        elif f.get("type") == "integer":
            frame[f["name"]] = frame[f["name"]].astype("Int64")
        elif f.get("type") == "boolean":
            frame[f["name"]] = frame[f["name"]].astype("boolean")
    return frame


def _check_sections(rows, raw, problems) -> list[Span]:
    spans = []
    paths = {(row["report_id"], row["section"]) for row in rows}
    for row in rows:
        text = raw.get(row["report_id"])
        heading, section = row["heading"], row["section"]
        if text is None or heading is None or section is None:
            continue
        span = locate(text, row, "sections.csv", problems, quote_field="heading", mention_field=None)
        if row["level"] == 0:  # the opening: text before the first heading, quoted by the title
            if section != OPENING:
                problems.append(Problem("sections.csv", row["_line"], "section", "section path",
                                        f"the opening (level 0) has the path {OPENING!r}, not {section!r}"))
            continue
        marker = OUTLINE_MARKER.match(heading)
        if marker is None:
            problems.append(Problem("sections.csv", row["_line"], "heading", "outline marker",
                                    f"{heading!r} does not start with an outline marker (一、 (一) 1. 1))"))
            continue
        written = path_form(marker.group(0))
        parent = section[: -len(written)]
        if not section.endswith(written):
            problems.append(Problem("sections.csv", row["_line"], "section", "section path",
                                    f"{section!r} should end with the heading's marker "
                                    f"{written!r}"))
        elif parent and (row["report_id"], parent) not in paths:
            problems.append(Problem("sections.csv", row["_line"], "section", "section path",
                                    f"the parent section {parent!r} of {section!r} is not in the table"))
        if span is not None:
            spans.append(Span(row["report_id"], span[0], span[0] + marker.end(),
                              "sections", section))
    return spans


def _check_mentions(file, table, id_field, rows, raw, problems) -> list[Span]:
    spans = []
    for row in rows:
        text = raw.get(row["report_id"])
        if text is None:
            continue
        span = locate(text, row, file, problems)
        if span is not None:
            spans.append(Span(row["report_id"], span[0], span[1], table, row[id_field]))
    return spans


def check_figure_values(rows, problems) -> None:
    for row in rows:
        line = row["_line"]
        if row["mention"] is None or row["value"] is None:
            continue
        try:
            said = parse_mention(row["mention"])
        except ValueError as exc:
            problems.append(Problem("figures.csv", line, "mention", "one number per mention", str(exc)))
            continue
        if said.value != row["value"]:
            problems.append(Problem("figures.csv", line, "value", "value in mention",
                                    f"{_fmt(row['value'])} is not the number in its mention "
                                    f"{row['mention']!r}, which reads {_fmt(said.value)}"))
        if said.value_high != row["value_high"]:
            problems.append(Problem("figures.csv", line, "value_high", "value in mention",
                                    f"{row['value_high']} does not match the range in "
                                    f"{row['mention']!r} ({said.value_high})"))
        if said.qualifier is not None and said.qualifier != row["qualifier"]:
            problems.append(Problem("figures.csv", line, "qualifier", "qualifier in mention",
                                    f"{row['mention']!r} says {said.qualifier}, "
                                    f"the row says {row['qualifier']}"))
        if said.sign and row.get("direction") != ("decrease" if said.sign == "-" else "increase"):
            problems.append(Problem("figures.csv", line, "direction", "sign in mention",
                                    f"{row['mention']!r} is written with {said.sign}: its direction is "
                                    f"{'decrease' if said.sign == '-' else 'increase'}"))
        if (row["qualifier"] == "range") != (row["value_high"] is not None):
            problems.append(Problem("figures.csv", line, "value_high", "range",
                                    "a range needs value_high, and only a range has one"))


def _check_optional_sections(file, rows, sections, problems) -> None:
    """A section given where it may be empty must still be one of the report's sections."""
    known = {(s["report_id"], s["section"]) for s in sections}
    for row in rows:
        if row["section"] is not None and (row["report_id"], row["section"]) not in known:
            problems.append(Problem(file, row["_line"], "section", "foreignKey",
                                    f"{row['section']!r} is not a section in sections"))


def _check_count_nouns(figures, units, problems) -> None:
    """A count carries its English count noun, plural and singular; other measures carry none."""
    counts = {u["unit"] for u in units if u["measure"] == "count"}
    for row in figures:
        line, plural, singular = row["_line"], row["noun_en"], row["noun_en_singular"]
        if row["unit"] in counts and plural is None:
            problems.append(Problem("figures.csv", line, "noun_en", "count noun",
                                    f"{row['mention']!r} is a count: give the English noun of what "
                                    f"{row['unit']} counts here (19个乡镇 is 19 townships, not units)"))
        elif row["unit"] not in counts and plural is not None:
            problems.append(Problem("figures.csv", line, "noun_en", "count noun",
                                    f"{row['mention']!r} is not a count, so it has no count noun"))
        if (plural is None) != (singular is None):
            problems.append(Problem("figures.csv", line, "noun_en_singular", "count noun",
                                    "give the count noun in both forms, plural and singular, or neither"))


def _check_rate_parts(rows, figures, problems) -> None:
    """A declared rate is an exact rate (in %, not 80%以上), has a denominator, and, with a
    numerator, is named once in each language (the same name on each of its rows). Unknown ids
    are foreign key errors (datapackage.json)."""
    units = {(f["report_id"], f["figure_id"]): (f["unit"], f["qualifier"]) for f in figures}
    rates: dict[tuple, list[dict]] = {}
    for row in rows:
        rates.setdefault((row["report_id"], row["rate_id"]), []).append(row)
    for key, own in rates.items():
        first = own[0]
        unit, qualifier = units.get(key, (None, None))
        if unit is not None and unit != "%":
            problems.append(Problem("rate_parts.csv", first["_line"], "rate_id", "rate in %",
                                    f"{key[1]!r} is counted in {unit}, not %: only a rate is recomputed"))
        elif qualifier not in (None, "exact"):
            problems.append(Problem("rate_parts.csv", first["_line"], "rate_id", "exact rate",
                                    f"{key[1]!r} is not exact ({qualifier}): the audit judges a rate "
                                    "written as one number, not a floor, ceiling or approximation"))
        parts = {row["part"] for row in own}
        if "denominator" not in parts:
            problems.append(Problem("rate_parts.csv", first["_line"], "part", "denominator",
                                    f"{key[1]!r} has no denominator row: give the figures it is a rate of"))
        for name in ("name_zh", "name_en"):
            given = {row[name] for row in own}
            if "numerator" in parts and None in given:
                row = next(r for r in own if r[name] is None)
                problems.append(Problem("rate_parts.csv", row["_line"], name, "definition name",
                                        f"{key[1]!r} has a numerator: name its definition on each of its rows"))
            elif len(given) > 1:
                row = next(r for r in own if r[name] != first[name])
                problems.append(Problem("rate_parts.csv", row["_line"], name, "definition name",
                                        f"{row[name]!r} differs from {first[name]!r} on line {first['_line']}: "
                                        "a rate has one definition"))


def _fmt(x: float) -> str:
    return f"{int(x)}" if float(x).is_integer() else f"{x}"
