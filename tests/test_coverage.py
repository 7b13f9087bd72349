"""Every number written in digits in the raw text is accounted for, exactly once."""

import re

from analysis import load_package, non_figures
from analysis.tables.coverage import check_coverage
from tests.conftest import read_rows, write_rows


def test_every_digit_run_is_accounted_for():
    coverage = check_coverage()
    assert coverage.unaccounted == []
    assert coverage.double_counted == []


def test_runs_are_counted_independently_of_the_package():
    package = load_package()
    for report_id, text in package.raw.items():
        independent = len(re.findall(r"\d+(?:\.\d+)?", text))
        assert check_coverage(package, report_id).runs == independent


def test_a_removed_figure_leaves_its_number_unaccounted(data_copy):
    path = data_copy / "figures.csv"
    rows = read_rows(path)
    removed = next(r for r in rows if r["figure_id"] == "street_stall_sites")
    write_rows(path, [r for r in rows if r is not removed])
    links = data_copy / "measure_figures.csv"  # and the links to it, which would dangle
    write_rows(links, [r for r in read_rows(links) if r["figure_id"] != removed["figure_id"]])
    coverage = check_coverage(load_package(data_copy))
    assert [run.text for run in coverage.unaccounted] == re.findall(r"\d+", removed["mention"])
    assert removed["mention"] in coverage.unaccounted[0].context


def test_a_number_listed_as_figure_and_non_figure_is_flagged(data_copy):
    figure = next(r for r in read_rows(data_copy / "figures.csv")
                  if r["figure_id"] == "street_stall_sites")
    path = data_copy / "non_figures.csv"
    rows = read_rows(path)
    rows.append(dict(rows[0], item_id="stall-count", kind="name", mention=figure["mention"],
                     quote=figure["quote"], reason="test"))
    write_rows(path, rows)
    coverage = check_coverage(load_package(data_copy))
    assert len(coverage.double_counted) == 1
    run, holders = coverage.double_counted[0]
    assert [run.text] == re.findall(r"\d+", figure["mention"])
    assert sorted(holders) == ["figures:street_stall_sites", "non_figures:stall-count"]


def test_outline_markers_appear_in_the_non_figures_view():
    listed = non_figures()
    markers = listed[listed["kind"] == "outline_marker"]
    sections = load_package().tables["sections"]
    assert len(markers) == sections["heading"].str.match(r"\d").sum()
    assert set(markers["mention"].str[-1]) <= {".", ")"}


def test_damaged_places_carry_a_reading():
    listed = non_figures()
    damaged = listed[listed["damaged"]]
    assert not damaged.empty
    assert damaged["reading"].notna().all()
