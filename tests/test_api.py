"""The small API: load figures, one figure by id, breakdowns, search."""

import pytest

import analysis
from analysis import DATA_DIR
from tests.conftest import read_rows


def test_load_figures_has_every_row_and_the_labels():
    figures = analysis.load_figures()
    assert len(figures) == len(read_rows(DATA_DIR / "figures.csv"))
    for column in ["figure_id", "section", "topic", "indicator_zh", "indicator_en", "value",
                   "unit", "unit_en", "qualifier", "parent_id", "quote", "note"]:
        assert column in figures
    assert figures[["unit_en", "topic_en", "topic_zh"]].notna().all().all()


def test_load_figures_for_one_report_and_an_unknown_report():
    assert len(analysis.load_figures("ganxian-2020")) == len(analysis.load_figures())
    with pytest.raises(KeyError, match="no report 'nowhere-1999'"):
        analysis.load_figures("nowhere-1999")


def test_load_figures_returns_a_copy():
    first = analysis.load_figures()
    first.loc[0, "value"] = -1
    assert analysis.load_figures().loc[0, "value"] != -1


def test_get_figure_by_id():
    row = next(r for r in read_rows(DATA_DIR / "figures.csv") if r["figure_id"] == "credit_records")
    figure = analysis.get_figure("credit_records")
    assert figure["value"] == float(row["value"])
    assert (figure["qualifier"], figure["mention"], figure["quote"]) == (
        row["qualifier"], row["mention"], row["quote"])
    assert figure["unit_en"]  # joined from the units glossary


def test_unknown_figure_names_similar_ids():
    with pytest.raises(KeyError, match="similar ids: .*review_cases_accepted"):
        analysis.get_figure("review_cases")


def test_breakdown_lists_parts_in_report_order():
    review = analysis.breakdown("review_cases_accepted")
    rows = [r["figure_id"] for r in read_rows(DATA_DIR / "breakdowns.csv")
            if r["parent_id"] == "review_cases_accepted"]
    assert review.parts["figure_id"].tolist() == rows
    assert review.is_exhaustive


def test_breakdown_sum_counts_parts_not_subsets():
    legal_aid = analysis.breakdown("legal_aid_civil")
    assert legal_aid.parts["relation"].tolist() == ["subset"]
    assert legal_aid.parts_sum == 0
    assert not legal_aid.is_exhaustive


def test_figure_without_parts():
    with pytest.raises(KeyError, match="has no parts"):
        analysis.breakdown("hotline_requests")


def test_parents_are_the_figures_with_parts():
    links = read_rows(DATA_DIR / "breakdowns.csv")
    assert set(analysis.parents()) == {r["parent_id"] for r in links}


@pytest.mark.parametrize("keyword, expected", [
    ("复议", "review_correction_rate"),
    ("hotline", "hotline_satisfaction"),
    ("MEDIATION SUCCESS", "mediation_success_rate"),
])
def test_search_in_chinese_and_english(keyword, expected):
    assert expected in analysis.search(keyword)["figure_id"].tolist()


def test_search_with_no_match_is_empty():
    assert analysis.search("no such words").empty


def test_commitment_table_counts_the_linked_figures_of_each_commitment():
    from analysis.tables.figures import commitment_table

    links = read_rows(DATA_DIR / "commitment_measures.csv")
    table = commitment_table()
    assert table["commitment_id"].tolist() == [r["commitment_id"] for r in read_rows(DATA_DIR / "commitments.csv")]
    for row in table.itertuples():
        assert row.figures == sum(link["commitment_id"] == row.commitment_id for link in links)
    unlinked = set(table["commitment_id"]) - {link["commitment_id"] for link in links}
    assert unlinked and set(table.loc[table["figures"] == 0, "commitment_id"]) == unlinked


def test_one_language_setting_is_english_until_set():
    from analysis.charts import catalogue

    assert analysis.current_language() == "en"
    try:
        analysis.set_language("zh")
        assert catalogue.chart("review_outcomes").chart_info.lang == "zh"
        assert catalogue.chart("review_outcomes", "en").chart_info.lang == "en"  # named wins
        with pytest.raises(ValueError, match="lang must be one of"):
            analysis.set_language("fr")
        assert analysis.current_language() == "zh"
    finally:
        analysis.set_language("en")
    assert catalogue.chart("review_outcomes").chart_info.lang == "en"
