"""The draft: exact values that pass the package's own checks, draft rows for units the package
does not know, and, once a curator has filled in the names, a package that validates."""

import shutil
from pathlib import Path

import pytest

from analysis import DATA_DIR, load_package
from analysis.__main__ import main
from analysis.extract import draft_tables
from analysis.extract.draft import exact, unique_quote
from analysis.extract.evaluate import read_annotated
from analysis.tables.coverage import check_coverage
from analysis.tables.package import check_figure_values
from analysis.tables.source import locate
from tests.curate import add_report, fill_names, read

FIXTURES = sorted((Path(__file__).parent / "genre" / "fixtures").glob("*.txt"))


def draft_of(tmp_path, text, report_id="new-2023"):
    path = tmp_path / f"{report_id}.txt"
    path.write_text(text, encoding="utf-8")
    return path, draft_tables(path, report_id)


def typed(rows):
    """Draft figure rows as the loader types them (numbers as floats, empty cells as None)."""
    out = []
    for line, row in enumerate(rows, 2):
        row = {k: (v if v != "" else None) for k, v in row.items()}
        for field in ("value", "value_high"):
            row[field] = float(row[field]) if row[field] is not None else None
        out.append({**row, "_line": line})
    return out


def test_values_are_written_exactly(tmp_path):
    _, tables = draft_of(tmp_path, "涉案金额1234567元，完成投资149.33亿元，罚没款1,268.4万元，覆盖率99.99%。")
    rows = tables["figures"]
    assert [(r["mention"], r["value"]) for r in rows] == [
        ("1234567元", "1234567"), ("149.33亿元", "14933000000"), ("1,268.4万元", "12684000"),
        ("99.99%", "99.99")]
    problems = []
    check_figure_values(typed(rows), problems)
    assert problems == []
    assert exact(0.1) == "0.1" and exact(2.0) == "2" and exact(None) == ""


def test_units_the_package_does_not_know_become_unit_rows(tmp_path):
    _, tables = draft_of(tmp_path, "组织培训60学时，查处违法建设{}宗，办理案件12件。".format(23))
    known = {r["unit"] for r in read(DATA_DIR / "units.csv")}
    new = {r["unit"]: r for r in tables["units"]}
    assert "件" in known and "件" not in new
    assert {u for u in new} == {u for u in ("学时", "宗") if u not in known}
    assert all(r["unit_en"] == "" and r["measure"] in ("count", "duration") for r in new.values())
    assert all(r["unit"] for r in tables["figures"])


def test_a_change_is_drafted_with_its_direction(tmp_path):
    _, tables = draft_of(tmp_path, "指标 | 2023 | 2024 | 增减 |\n纠错率（%） | 24.3 | 21.5 | -2.8 |\n全年收案同比下降12.4%。\n")
    rows = {r["mention"]: r for r in tables["figures"]}
    assert (rows["-2.8"]["value"], rows["-2.8"]["unit"], rows["-2.8"]["direction"]) == ("2.8", "个百分点", "decrease")
    assert (rows["12.4%"]["value"], rows["12.4%"]["direction"]) == ("12.4", "decrease")
    problems = []
    check_figure_values(typed(tables["figures"]), problems)
    assert problems == []
    wrong = typed([{**rows["-2.8"], "direction": "increase"}])
    check_figure_values(wrong, problems)
    assert [p.rule for p in problems] == ["sign in mention"]


def test_a_quote_is_never_a_bare_number(tmp_path):
    text = "数量 | 75件 | 16件 |\n占比 | 10.60% | +128.79% |\n"
    _, tables = draft_of(tmp_path, text)
    for row in tables["figures"]:
        assert any("\u4e00" <= c <= "\u9fff" for c in row["quote"]), row
    assert unique_quote("甲12件，乙12件", 1, 4) == "甲12件"


@pytest.fixture(scope="module")
def curated_fixtures(tmp_path_factory):
    """Every genre fixture drafted as a new report, its names filled, added to a copy of data/."""
    root = tmp_path_factory.mktemp("genre")
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    drafted = {}
    for n, path in enumerate(FIXTURES, 1):
        text, _ = read_annotated(path.read_text(encoding="utf-8"), path.name)
        raw = root / path.name
        raw.write_text(text, encoding="utf-8")
        tables = fill_names(draft_tables(raw, f"genre-{n:02d}"),
                            {"reports": {"year": "2023"}})
        known = {r["unit"] for r in read(data / "units.csv")}
        tables["units"] = [u for u in tables["units"] if u["unit"] not in known]
        add_report(data, raw, tables)
        drafted[path.name] = tables
    return data, drafted


def test_drafts_of_new_reports_validate_once_names_are_filled(curated_fixtures):
    data, drafted = curated_fixtures
    package = load_package(data)  # raises DataError, listing every problem, if any row fails
    coverage = check_coverage(package)
    assert coverage.unaccounted == [] and coverage.double_counted == []
    figures = package.tables["figures"]
    assert len(figures[figures["report_id"].str.startswith("genre-")]) == sum(
        len(t["figures"]) for t in drafted.values())
    assert main(["validate", "--data", str(data)]) == 0


def test_every_draft_value_is_the_number_its_mention_says(curated_fixtures):
    _, drafted = curated_fixtures
    problems = []
    for tables in drafted.values():
        check_figure_values(typed(tables["figures"]), problems)
    assert problems == []


def test_the_command_writes_a_draft_folder(tmp_path, capsys):
    raw = tmp_path / "report.txt"
    raw.write_text("某区2023年度法治政府建设情况报告\n一、主要成效\n全年受理案件15件，同比下降3%。\n", encoding="utf-8")
    assert main(["extract", str(raw), "--draft", "--report-id", "mou-2023", "-o", str(tmp_path / "draft")]) == 0
    assert "figures.csv 2 rows" in capsys.readouterr().out
    assert [r["year"] for r in read(tmp_path / "draft" / "reports.csv")] == ["2023"]
    assert main(["extract", str(raw), "--draft", "--report-id", "mou-2023"]) == 2
    assert "give the folder" in capsys.readouterr().err
    raw_in_package = DATA_DIR / "raw" / "ganxian-2020-rule-of-law-report.txt"
    row = {"quote": "x", "mention": "y", "_line": 2}
    assert locate(raw_in_package.read_text(encoding="utf-8"), row, "figures.csv", []) is None


def test_the_report_card_reads_every_drafted_report(curated_fixtures):
    """Every part of the card, for reports of every shape: news items without an outline, tables,
    reports whose top sections are 1. rather than 一、."""
    import subprocess
    import sys
    data, drafted = curated_fixtures
    code = f"""
import analysis
analysis.use_data({str(data)!r})
from analysis.briefing import card
for n in range(1, {len(drafted)} + 1):
    report = f"genre-{{n:02d}}"
    chapters = card.chapters(report)
    figures = len(analysis.load_figures(report))
    assert chapters["figures"].sum() == figures, (report, chapters, figures)
    card.key_figure_ids(report); card.audit_summary(report); card.findings(report)
    card.damaged(report); card.unchecked_rates(report)
    runs, unaccounted = card.coverage(report)
    assert unaccounted == 0, report
print("ok")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "ok", result.stderr
