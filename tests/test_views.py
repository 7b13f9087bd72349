"""Tables formatted for readers: no row index, whole numbers as whole numbers, column names
and amounts in the reader's language, the figure id last; interactive offline, every row
on one page."""

import re

import pandas as pd
import pytest

import analysis
from analysis.briefing import views


def test_a_reader_table_hides_the_index_and_the_decimal_point_of_whole_numbers():
    frame = pd.DataFrame({"figure_id": ["a", "b"], "section": ["一、", "二、"],
                          "value": [123.0, 7.0], "share": [0.5, 1.0]}).set_index("figure_id")
    html = views.table(frame, lang="en").to_html()
    assert "123" in html and "123.0" not in html
    assert "0.5" in html  # not every float is a count
    assert "Section" in html and "Figure id" in html
    assert html.index("Section") < html.index("Figure id")  # the id moved last
    assert "row_heading" not in html  # no row index
    text = repr(views.table(frame, lang="en"))
    assert "123" in text and "123.0" not in text and "Figure id" in text


def test_a_reader_table_names_its_columns_in_chinese():
    frame = pd.DataFrame({"section": ["一、"], "quote": ["原文"]})
    html = views.table(frame, lang="zh").to_html()
    assert "章节" in html and "原文" in html and "Section" not in html


@pytest.mark.parametrize("table_name, column", [("measures", "kind"), ("citations", "kind"), ("figures", "qualifier")])
def test_a_reader_table_shows_codes_as_words_in_its_language(table_name, column):
    codes = analysis.load_table(table_name)[[column]].dropna()
    assert not codes.empty
    for lang in ("zh", "en"):
        shown = views.table(codes, lang=lang).data.iloc[:, 0]
        assert [c for c in shown.unique() if c in codes[column].unique() and c in views.KIND_WORDS
                and views.KIND_WORDS[c][1] != c] == [], lang
        if lang == "zh":
            assert all(re.search(r"[\u4e00-\u9fff]", value) for value in shown), sorted(set(shown))[:5]


def test_outline_evidence_reads_as_words_in_chinese():
    from analysis.tables import outline
    shown = views.table(outline.task_coverage()[["evidence"]], lang="zh").data.iloc[:, 0]
    assert set(shown) <= {views.KIND_WORDS[e][0] for e in outline.EVIDENCE}


def test_figure_tables_follow_the_language_setting():
    credit = analysis.get_figure("credit_records")
    english = repr(views.figure_table(["credit"]))
    assert "Amount" in english and credit["indicator_en"] in english
    assert f"4,400,000+ {credit['noun_en']}" in english  # the qualifier kept
    try:
        analysis.set_language("zh")
        chinese = views.figure_table(["credit"])
        text = repr(chinese)
        assert "数值" in text and "440多万条" in text and credit["indicator_zh"] in text  # as the report writes it
        assert "Amount" not in text
        long = chinese.data.reindex(range(views.SMALL + 1)).fillna("x")
        assert '"search": "\\u641c\\u7d22' in views.interactive(long, "zh")  # 搜索, JSON-escaped
    finally:
        analysis.set_language("en")


def test_a_reader_table_of_a_reader_table_is_the_same_table():
    once = views.figure_table(["credit"], quote=False)
    assert repr(views.table(once)) == repr(once)


@pytest.fixture
def fresh_library(monkeypatch):
    monkeypatch.setattr(views, "_library_sent", False)


def test_interactive_tables_are_offline_and_hold_every_row(fresh_library):
    table = views.figure_table()  # every figure: longer than one screen
    first, second = table._repr_html_(), table._repr_html_()
    assert 'class="reader-table-library"' in first and "reader-table-library" not in second
    assert len(first) > 500_000 > len(second)  # DataTables itself travels once
    for html in (first, second):
        loaded = re.findall(r"""(?:src=|href=|import\()["']?(https?://[^"' >]+)""", html)
        assert loaded == []
    assert '"paging": false' in second and "downsampl" not in second
    ids = analysis.load_figures()["figure_id"]
    assert all(f">{f}<" in second for f in ids)  # the static copy holds every row
    assert all(f'\\"{f}\\"' in second for f in ids)  # and so does the interactive one
    assert 'class="reader-table" lang="en"' in second and "createdCell" in second  # Chinese cells say so


def test_the_sanitize_rule_covers_itables_ids():
    import configparser

    rules = configparser.ConfigParser()
    rules.read("tests/sanitize.cfg")
    rule = rules["itables table ids"]
    html = views.figure_table(["credit"])._repr_html_()
    ids = set(re.findall(r'id="(itables_[^"]+?)(?:_fallback)?"', html))
    assert len(ids) == 1
    cleaned = re.sub(rule["regex"], rule["replace"], html)
    assert "itables_ID" in cleaned and not (ids & set(re.findall(r"itables_\w+", cleaned)))


def test_a_page_that_runs_no_script_gets_the_static_table_back():
    table = views.figure_table(["credit"])
    fragment = views.interactive(table.data, "en", static=table.to_html())
    static = views.static_tables(fragment)
    assert "<script" not in static and "itables" not in static
    assert static == table.to_html()  # the reader's table as a Styler writes it, thead and all
    assert views.static_tables("<p>other output</p>") == "<p>other output</p>"
