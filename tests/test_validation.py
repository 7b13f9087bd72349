"""Bad data gets an error naming the file, the line, the field and the rule.

Each test breaks one thing in a copy of data/ and checks the message. Broken values are
made from the row they break, so no figure of the report is typed here.
"""

import re
import shutil

import pytest

from analysis import DataError, load_package
from tests.conftest import edit_row, read_rows, write_rows


def problem_for(data_dir):
    with pytest.raises(DataError) as info:
        load_package(data_dir)
    return str(info.value), info.value.problems


def assert_problem(message, file, line, field, rule):
    expected = f"{file}, line {line} (row {line - 1}), field '{field}': rule '{rule}'"
    assert expected in message, f"expected {expected!r} in:\n{message}"


def row_of(data_dir, file, key, value):
    return next(r for r in read_rows(data_dir / file) if r[key] == value)


def bigger(mention: str) -> str:
    """The mention with its number multiplied by ten: a number not written in its quote."""
    return re.sub(r"\d+", lambda m: m.group(0) + "0", mention, count=1)


def test_real_package_is_valid():
    package = load_package()
    assert len(package.tables["figures"]) == len(read_rows(package.data_dir / "figures.csv"))


# (file, key, id, change made from the row, broken field, rule, words the message must hold)
BROKEN_CELLS = [
    ("figures.csv", "figure_id", "review_cases_accepted", lambda r: {"value": "fifteen"},
     "value", "type: number", "'fifteen' is not a number"),
    ("figures.csv", "figure_id", "hotline_requests", lambda r: {"quote": ""},
     "quote", "required", "the value is missing"),
    ("figures.csv", "figure_id", "hotline_requests",
     lambda r: {"quote": r["quote"].replace(r["mention"], bigger(r["mention"])),
                "mention": bigger(r["mention"]), "value": str(float(r["value"]) * 10)},
     "quote", "quote in source", "is not in the raw text"),
    ("non_figures.csv", "item_id", "review-year", lambda r: {"quote": r["mention"]},
     "quote", "quote in source", "times in the raw text"),
    ("figures.csv", "figure_id", "credit_records", lambda r: {"value": "1"},
     "value", "value in mention", "is not the number in its mention"),
    ("figures.csv", "figure_id", "blacklist_records", lambda r: {"mention": bigger(r["mention"])},
     "mention", "mention in quote", "is not in its quote"),
    # the tail of a longer number ("3个" inside "13个") is not a mention
    ("figures.csv", "figure_id", "judicial_offices_3_staff",
     lambda r: {"mention": r["mention"][1:], "value": re.match(r"\d+", r["mention"]).group(0)[1:]},
     "mention", "mention in quote", "is not in its quote"),
    ("figures.csv", "figure_id", "volunteer_handbooks", lambda r: {"qualifier": "exact"},
     "qualifier", "qualifier in mention", "says more_than"),
    ("figures.csv", "figure_id", "street_stall_sites", lambda r: {"unit": "摊"},
     "unit", "foreignKey", "'摊' is not a unit in units"),
    ("breakdowns.csv", "figure_id", "review_revoked", lambda r: {"parent_id": "no_such_figure"},
     "parent_id", "foreignKey", "'no_such_figure' is not a figure_id in figures"),
    ("figures.csv", "figure_id", "review_correction_rate", lambda r: {"qualifier": "about"},
     "qualifier", "enum", "'about' is not one of"),
    ("sections.csv", "section", "一、(一)2.2)", lambda r: {"section": r["section"][:-2] + "9)"},
     "section", "section path", "should end with the heading's marker"),
    # a declared rate names figures of its own report, by id
    ("rate_parts.csv", "rate_id", "leader_cases_resolution_rate", lambda r: {"figure_id": r["figure_id"] + "_x"},
     "figure_id", "foreignKey", "'leader_cases_x' is not a figure_id in figures"),
    ("rate_parts.csv", "rate_id", "leader_cases_resolution_rate", lambda r: {"rate_id": r["rate_id"] + "_x"},
     "rate_id", "foreignKey", "'leader_cases_resolution_rate_x' is not a figure_id in figures"),
    ("rate_parts.csv", "rate_id", "leader_cases_resolution_rate", lambda r: {"part": "base"},
     "part", "enum", "'base' is not one of ['numerator', 'denominator']"),
]


@pytest.mark.parametrize("file, key, row_id, change, field, rule, words", BROKEN_CELLS,
                         ids=[f"{c[0]}:{c[2]}:{c[5]}" for c in BROKEN_CELLS])
def test_a_broken_cell_is_named(data_copy, file, key, row_id, change, field, rule, words):
    changes = change(row_of(data_copy, file, key, row_id))
    line = edit_row(data_copy / file, {key: row_id}, **changes)
    message, _ = problem_for(data_copy)
    assert_problem(message, file, line, field, rule)
    assert words in message


def test_value_error_quotes_the_mention_and_its_reading(data_copy):
    row = row_of(data_copy, "figures.csv", "figure_id", "credit_records")
    line = edit_row(data_copy / "figures.csv", {"figure_id": "credit_records"}, value="1")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "value", "value in mention")
    assert f"1 is not the number in its mention {row['mention']!r}, which reads {float(row['value']):.0f}" \
        in message


def test_duplicate_id(data_copy):
    path = data_copy / "figures.csv"
    rows = read_rows(path)
    rows.append(dict(rows[0]))
    write_rows(path, rows)
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", len(rows) + 1, "report_id, figure_id", "primaryKey")
    assert "duplicates line 2" in message


def test_raw_file_that_fails_its_hash(data_copy):
    raw = data_copy / "raw" / "ganxian-2020-rule-of-law-report.txt"
    raw.write_text(raw.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    message, _ = problem_for(data_copy)
    assert_problem(message, "reports.csv", 2, "sha256", "raw file hash")
    assert "the raw file has changed" in message


def test_missing_raw_file(data_copy):
    shutil.rmtree(data_copy / "raw")
    message, _ = problem_for(data_copy)
    assert_problem(message, "reports.csv", 2, "raw_path", "file exists")


def test_broken_csv_row(data_copy):
    path = data_copy / "units.csv"
    path.write_text(path.read_text(encoding="utf-8") + "瓶,bottles\n", encoding="utf-8")
    message, _ = problem_for(data_copy)
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert f"units.csv, line {line} (row {line - 1}): rule 'row length'" in message


def test_every_problem_is_reported_not_just_the_first(data_copy):
    edit_row(data_copy / "figures.csv", {"figure_id": "review_cases_accepted"}, value="x")
    edit_row(data_copy / "figures.csv", {"figure_id": "street_stall_sites"}, unit="摊")
    _, problems = problem_for(data_copy)
    assert {p.rule for p in problems} >= {"type: number", "foreignKey"}


def declare(data_dir, *rows):
    """Append rows to rate_parts.csv; return the line of the first."""
    path = data_dir / "rate_parts.csv"
    existing = read_rows(path)
    names = {"name_zh": "甲÷乙", "name_en": "a / b"}
    write_rows(path, existing + [{"report_id": "ganxian-2020", "rate_id": rate, "part": part, "figure_id": figure,
                                  "subtract": "", **names, **extra} for rate, part, figure, extra in rows])
    return len(existing) + 2


# (rows declared: rate, part, figure, other cells; the row of the problem, counted from the
# first declared; field; rule; words)
BAD_DECLARATIONS = [
    ([("leader_cases", "denominator", "disputes_accepted", {})], 0, "rate_id", "rate in %",
     "'leader_cases' is counted in 件, not %"),
    ([("head_court_appearance_rate", "denominator", "disputes_accepted", {})], 0, "rate_id", "exact rate",
     "not exact (at_least)"),
    ([("mediation_success_rate", "numerator", "disputes_mediated", {})], 0, "part", "denominator",
     "has no denominator row"),
    ([("mediation_success_rate", "numerator", "disputes_mediated", {}),
      ("mediation_success_rate", "denominator", "disputes_accepted", {"name_en": ""})], 1, "name_en",
     "definition name", "has a numerator: name its definition"),
    ([("mediation_success_rate", "numerator", "disputes_mediated", {}),
      ("mediation_success_rate", "denominator", "disputes_accepted", {"name_zh": "乙÷甲"})], 1, "name_zh",
     "definition name", "'乙÷甲' differs from '甲÷乙'"),
    ([("mediation_success_rate", "numerator", "disputes_mediated", {}),
      ("mediation_success_rate", "denominator", "disputes_accepted", {"subtract": "perhaps"})], 1, "subtract",
     "type: boolean", "'perhaps' is not a boolean"),
]


@pytest.mark.parametrize("rows, offset, field, rule, words", BAD_DECLARATIONS,
                         ids=[c[3] for c in BAD_DECLARATIONS])
def test_a_bad_rate_declaration_is_named(data_copy, rows, offset, field, rule, words):
    line = declare(data_copy, *rows) + offset
    message, problems = problem_for(data_copy)
    assert_problem(message, "rate_parts.csv", line, field, rule)
    assert words in message
    assert len(problems) == 1, message


def test_a_good_rate_declaration_loads(data_copy):
    declare(data_copy, ("mediation_success_rate", "numerator", "disputes_mediated", {}),
            ("mediation_success_rate", "denominator", "disputes_accepted", {"subtract": "FALSE"}))
    parts = load_package(data_copy).tables["rate_parts"]
    assert parts["rate_id"].tolist()[-2:] == ["mediation_success_rate"] * 2
