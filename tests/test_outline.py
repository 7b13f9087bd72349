"""The whole report: its measures in words, and every section and figure mapped to the tasks of
the national plan."""

import inspect
import re

import analysis
from analysis.tables import outline

FIGURES = analysis.load_figures()
MEASURES = outline.measure_table()


def test_every_section_without_subsections_serves_a_task():
    assert outline.unmapped_sections() == []


def test_only_sections_without_subsections_are_mapped():
    paths = analysis.load_table("sections")["section"].tolist()
    mapped = set(analysis.load_table("section_tasks")["section"])
    parents = {p for p in mapped if any(q != p and q.startswith(p) for q in paths)}
    assert parents == set()


def test_every_figure_serves_a_task():
    tasks = outline.figure_tasks()
    assert tasks["task_id"].notna().all()
    assert set(tasks["figure_id"]) == set(FIGURES["figure_id"])


def test_every_figure_measures_something_the_report_says_it_did():
    linked = set(" ".join(MEASURES["figure_ids"]).split())
    assert sorted(set(FIGURES["figure_id"]) - linked) == []


def level_two(section: str) -> str:
    return re.match(r"[一二三四五六七八九十]+、(?:\([一二三四五六七八九十]+\))?", section).group(0)


def test_a_measure_is_measured_by_figures_of_its_own_part_of_the_report():
    sections = FIGURES.set_index("figure_id")["section"]
    for measure in MEASURES.itertuples():
        for figure_id in measure.figure_ids.split():
            assert level_two(sections[figure_id]) == level_two(measure.section), (measure.measure_id, figure_id)


def test_most_of_the_report_is_words():
    # the reason for the measures table: more measures carry no figure than carry one
    assert (MEASURES["figures"] == 0).sum() > (MEASURES["figures"] > 0).sum()


def test_task_coverage_accounts_for_every_measure_and_commitment():
    coverage = outline.task_coverage()
    assert coverage["measures"].sum() == len(MEASURES)
    commitments = analysis.load_table("commitments")
    assert coverage["shortcomings"].sum() + coverage["priorities"].sum() == len(commitments)
    tasks = coverage[coverage["kind"] == "task"]
    assert sorted(tasks["number"].tolist()) == list(range(1, len(tasks) + 1))
    # evidence follows the counts: numbers when any figure, words when only measures
    for row in coverage.itertuples():
        expected = "numbers" if row.figures else "words" if row.measures else "none"
        assert row.evidence == expected
        assert row.counts + row.rates <= row.figures


def test_the_mapping_code_knows_no_report():
    source = inspect.getsource(outline)
    for name in analysis.load_table("reports")["report_id"].tolist() + FIGURES["figure_id"].tolist():
        assert name not in source
    for task in analysis.load_table("outline_tasks")["task_id"]:
        assert f'"{task}"' not in source


def test_a_citation_in_an_unknown_section_is_named(data_copy):
    from analysis import DataError, load_package
    from tests.conftest import edit_row

    line = edit_row(data_copy / "citations.csv", {"citation_id": "civil-code"}, section="九、")
    try:
        load_package(data_copy)
    except DataError as exc:
        assert f"citations.csv, line {line} (row {line - 1}), field 'section': rule 'foreignKey'" in str(exc)
    else:
        raise AssertionError("a citation in an unknown section loaded")


def test_the_opening_paragraph_is_cited_without_a_section():
    citations = analysis.load_table("citations")
    opening = citations[citations["section"].isna()]
    raw = analysis.load_package().raw
    first_heading = analysis.load_table("sections").iloc[0]["heading"]
    for row in opening.itertuples():
        assert raw[row.report_id].index(row.quote) < raw[row.report_id].index(first_heading)
