"""A figure's amount keeps its words: 余/多, 以上, 约 and ranges survive into every text,
and nothing turns it into a bare number without saying so."""

import pytest

import analysis

WORDS = {  # qualifier -> what the Chinese and the English text must carry
    "more_than": ("余", "+"),
    "at_least": ("以上", "≥"),
    "approximately": ("约", "~"),
    "range": ("-", "-"),
}


def test_every_figure_amount_carries_its_qualifier_in_both_languages():
    figures = analysis.load_figures()
    checked = 0
    for figure_id, qualifier in zip(figures["figure_id"], figures["qualifier"]):
        q = analysis.quantity(figure_id)
        assert q.qualifier == qualifier
        if qualifier in WORDS:
            zh, en = WORDS[qualifier]
            if qualifier == "more_than" and "余" not in q.mention:
                zh = "多"  # the report's own word: 440多万条 stays 多
            assert zh in q.text("zh") and en in q.text("en"), (figure_id, q.text("zh"), q.text("en"))
            checked += 1
    assert checked == (figures["qualifier"] != "exact").sum() > 0


def test_more_than_is_kept_and_float_refuses_to_drop_it():
    q = analysis.quantity("credit_records")  # 440多万条
    assert (q.value, q.high, q.qualifier, q.mention) == (4_400_000, None, "more_than", "440多万条")
    noun = analysis.get_figure("credit_records")["noun_en"]  # what the data says it counts
    assert str(q) == f"4.4 million+ {noun}" and q.text("en") == f"4,400,000+ {noun}"
    assert q.text("zh", compact=True) == "440多万条"  # 多 and its place as the report writes them
    assert q.bounds == (4_400_000, None)
    with pytest.raises(TypeError, match="credit_records is 440多万条, more than"):
        float(q)


def test_a_range_keeps_both_ends():
    q = analysis.quantity("volunteers_per_township")  # 1-2名
    assert (q.value, q.high, q.qualifier) == (1, 2, "range")
    assert q.text("en") == f"1-2 {analysis.get_figure('volunteers_per_township')['noun_en']}"
    assert q.text("zh") == "1-2名"
    assert q.bounds == (1, 2)
    with pytest.raises(TypeError, match="range"):
        float(q)


def test_an_exact_figure_is_a_number_and_prints_in_the_current_language():
    q = analysis.quantity("review_cases_accepted")
    assert float(q) == 15 and q.exact and q.bounds == (15, 15)
    try:
        analysis.set_language("zh")
        assert str(q) == "15起"
    finally:
        analysis.set_language("en")
    assert str(q) == "15 cases"


def test_the_bare_number_function_keeps_its_behaviour_and_says_what_it_drops():
    assert analysis.value("credit_records") == 4_400_000.0
    assert analysis.value("volunteers_per_township") == 1.0
    doc = analysis.value.__doc__
    assert "qualifier" in doc and "range" in doc and "quantity()" in doc
