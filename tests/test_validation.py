"""Bad data gets an error naming the file, the line, the field and the rule.

Each test breaks one thing in a copy of data/ and checks the message.
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


def test_real_package_is_valid():
    package = load_package()
    assert len(package.tables["figures"]) == len(read_rows(package.data_dir / "figures.csv"))


def test_wrong_type(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "review_cases_accepted"}, value="fifteen")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "value", "type: number")
    assert "'fifteen' is not a number" in message


def test_duplicate_id(data_copy):
    path = data_copy / "figures.csv"
    rows = read_rows(path)
    rows.append(dict(rows[0]))
    write_rows(path, rows)
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", len(rows) + 1, "report_id, figure_id", "primaryKey")
    assert "duplicates line 2" in message


def test_missing_quote(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "hotline_requests"}, quote="")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "quote", "required")


def test_quote_not_in_source(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "hotline_requests"},
                    quote="全年共办理群众诉求5196件")
    edit_row(data_copy / "figures.csv", {"figure_id": "hotline_requests"}, mention="5196件", value="5196")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "quote", "quote in source")
    assert "is not in the raw text" in message


def test_quote_found_twice_is_ambiguous(data_copy):
    line = edit_row(data_copy / "non_figures.csv", {"item_id": "review-year"}, quote="2020年全区")
    message, _ = problem_for(data_copy)
    assert_problem(message, "non_figures.csv", line, "quote", "quote in source")
    assert re.search(r"occurs \d+ times in the raw text", message)


def test_value_not_in_its_quote(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "credit_records"}, value="440")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "value", "value in mention")
    assert "440 is not the number in its mention '440多万条', which reads 4400000" in message


def test_mention_not_in_quote(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "blacklist_records"}, mention="21条")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "mention", "mention in quote")


def test_mention_must_not_be_the_tail_of_a_longer_number(data_copy):
    # "3个" appears inside "13个"; it must not be taken as a mention there.
    line = edit_row(data_copy / "figures.csv", {"figure_id": "judicial_offices_3_staff"},
                    mention="3个", value="3")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "mention", "mention in quote")


def test_qualifier_contradicts_mention(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "volunteer_handbooks"}, qualifier="exact")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "qualifier", "qualifier in mention")


def test_unknown_unit(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "street_stall_sites"}, unit="摊")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "unit", "foreignKey")
    assert "'摊' is not a unit in units" in message


def test_parent_that_does_not_exist(data_copy):
    line = edit_row(data_copy / "breakdowns.csv", {"figure_id": "review_revoked"},
                    parent_id="review_cases_received")
    message, _ = problem_for(data_copy)
    assert_problem(message, "breakdowns.csv", line, "parent_id", "foreignKey")
    assert "'review_cases_received' is not a figure_id in figures" in message


def test_unknown_enum_value(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "review_correction_rate"}, qualifier="about")
    message, _ = problem_for(data_copy)
    assert_problem(message, "figures.csv", line, "qualifier", "enum")


def test_raw_file_that_fails_its_hash(data_copy):
    raw = data_copy / "raw" / "ganxian-2020-rule-of-law-report.txt"
    raw.write_text(raw.read_text(encoding="utf-8").replace("15起", "16起"), encoding="utf-8")
    message, _ = problem_for(data_copy)
    assert_problem(message, "reports.csv", 2, "sha256", "raw file hash")
    assert "the raw file has changed" in message


def test_missing_raw_file(data_copy):
    shutil.rmtree(data_copy / "raw")
    message, _ = problem_for(data_copy)
    assert_problem(message, "reports.csv", 2, "raw_path", "file exists")


def test_section_path_must_match_its_heading(data_copy):
    line = edit_row(data_copy / "sections.csv", {"section": "一、(一)2.2)"}, section="一、(一)2.5)")
    message, _ = problem_for(data_copy)
    assert_problem(message, "sections.csv", line, "section", "section path")


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
