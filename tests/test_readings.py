"""Faithful readings in the data: counts in English by what they count, and no time frame the
text does not give."""

import re

import pytest

import analysis
from analysis import DataError, load_package
from analysis.language import labels
from tests.conftest import edit_row

FIGURES = analysis.load_figures()
COUNTS = FIGURES[FIGURES["measure"] == "count"]


@pytest.mark.parametrize("figure_id", COUNTS["figure_id"])
def test_a_count_is_written_in_english_with_the_noun_it_counts(figure_id):
    figure = analysis.get_figure(figure_id)
    amount = labels.amount(figure, "en", compact=False)
    one = figure["value"] == 1 and figure["qualifier"] != "range"
    assert amount.endswith(" " + figure["noun_en_singular" if one else "noun_en"]), amount
    assert not re.search(r"\bunits?\b|person-times?", amount)


def test_measure_words_are_not_rendered_as_units_or_person_times():
    units = analysis.load_table("units")
    assert not units["unit_en"].str.contains(r"\bunits?\b|person-time", regex=True).any()


def test_a_count_without_its_noun_is_named(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "townships_powers_taken_up"},
                    noun_en="", noun_en_singular="")
    with pytest.raises(DataError) as info:
        load_package(data_copy)
    assert f"figures.csv, line {line} (row {line - 1}), field 'noun_en': rule 'count noun'" in str(info.value)


def test_a_rate_with_a_count_noun_is_named(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "mediation_success_rate"},
                    noun_en="rates", noun_en_singular="rate")
    with pytest.raises(DataError, match=rf"line {line} .*field 'noun_en': rule 'count noun'.*not a count"):
        load_package(data_copy)


# Words that give each period; a figure's paragraph must hold one of them.
PERIOD_WORDS = {
    "year": [r"{year}年", "全年", "今年", "本年", r"\d+日"],  # a dated event falls in the year
    "year_to_date": ["今年以来"],
    "current": ["目前", "截至目前", "已", "现有"],
    "cumulative": ["累计", "以来"],
    "target": ["目标"],
    "plan": ["安排", "计划"],
}


def paragraph_of(raw: str, quote: str) -> str:
    start = raw.index(quote)
    return raw[raw.rfind("\n", 0, start) + 1: raw.find("\n", start)]


def test_every_stated_period_has_its_words_in_the_paragraph():
    package = analysis.load_package()
    wrong = []
    for figure in FIGURES.itertuples():
        if figure.period == "unstated":
            continue
        year = package.tables["reports"].set_index("report_id").loc[figure.report_id, "year"]
        paragraph = paragraph_of(package.raw[figure.report_id], figure.quote)
        words = [w.format(year=year) for w in PERIOD_WORDS[figure.period]]
        if not any(re.search(w, paragraph) for w in words):
            wrong.append((figure.figure_id, figure.period))
    assert wrong == []


def test_periods_are_not_all_the_year():
    # the point of the column: many figures are stocks, cumulative or undated
    assert set(FIGURES["period"]) >= {"year", "current", "cumulative", "unstated"}


def test_labels_keep_the_qualifying_words_of_the_chinese():
    """特色 (featured) and 参与 (took part) qualify what a figure counts; the English keeps them."""
    for word, english in [("特色", "featured"), ("参与", "took part")]:
        marked = FIGURES[FIGURES["indicator_zh"].str.contains(word)]
        assert not marked.empty, word
        for figure in marked.itertuples():
            assert english in figure.indicator_en.lower(), (figure.figure_id, figure.indicator_en)


def test_what_was_done_is_not_labelled_as_planned():
    """规划12处摊位 (stalls laid out) describes work done; "planned" would read as not yet done."""
    done = FIGURES[~FIGURES["period"].isin(["plan", "target"])]
    planned = done[done["indicator_en"].str.contains(r"\bplanned\b", case=False)]
    assert planned[["figure_id", "indicator_en"]].values.tolist() == []


def test_an_exclusion_in_the_quote_is_kept_in_both_labels():
    """食品经营许可5个工作日(除现场核查环节): the time leaves out the site inspection, in Chinese too."""
    excluding = FIGURES[FIGURES["quote"].str.contains("除")]
    assert not excluding.empty
    for figure in excluding.itertuples():
        assert re.search("除|不含", figure.indicator_zh), (figure.figure_id, figure.indicator_zh)
        assert re.search(r"exclud|except", figure.indicator_en), (figure.figure_id, figure.indicator_en)


def test_handling_without_paper_licences_is_not_called_licence_free():
    """无证办理: the agency reads electronic licences; "licence-free" would say no licence is needed."""
    from analysis.tables.glossary import lookup

    assert "licence-free" not in lookup("无证办理")["term_en"].lower()
    labels_en = [*FIGURES.loc[FIGURES["indicator_zh"].str.contains("无证办理"), "indicator_en"],
                 *analysis.load_table("measures")["summary_en"], *analysis.load_table("measures")["label_en"]]
    assert [label for label in labels_en if "licence-free" in label.lower()] == []


@pytest.mark.parametrize("lang, words", [("en", "satisfaction rate"), ("zh", "满意度")])
def test_a_chart_showing_the_satisfaction_rate_says_what_it_may_rate(lang, words):
    """满意度96%: the report does not say whether it rates the requests handled or the services."""
    import matplotlib.pyplot as plt

    from analysis.charts.catalogue import CATALOGUE

    shown = 0
    for spec in CATALOGUE:
        fig = spec.build(lang)
        info = fig.chart_info
        plt.close(fig)
        if "hotline_satisfaction" in info.figure_ids:
            shown += 1
            assert words in info.note.lower(), (spec.chart_id, info.note)
    assert shown
