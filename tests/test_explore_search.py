"""Search of the whole report and a figure in its context, as a reader uses them."""

import re

import pytest

import analysis
from analysis.explore import search
from analysis.tables.package import load_package

RAW = next(iter(load_package().raw.values()))


@pytest.mark.parametrize("term, section", [("枫桥", "一、(四)4.3)"), ("雪亮工程", "一、(四)1.")])
def test_terms_only_in_the_text_are_found_with_their_heading_and_sentence(term, section):
    hits = analysis.find(term)
    assert [h.kind for h in hits] == ["text"]  # no figure or table row names them
    hit = hits[0]
    assert hit.section == section
    assert hit.heading_zh == analysis.load_table("sections").set_index("section").loc[section, "heading"]
    assert hit.excerpt in RAW and term in hit.excerpt
    assert hit.excerpt.endswith("。") and "。" not in hit.excerpt[:-1]  # one sentence
    assert f"【{term}】" in hit.marked()
    assert f"<mark" in hit.html("en") and 'lang="zh-CN"' in hit.html("en")


def test_english_matches_words_not_substrings_and_ranks_names_first():
    figures = analysis.load_figures()
    found = analysis.search("rate")["figure_id"].tolist()
    worded = figures.loc[figures["indicator_en"].str.contains(r"\brates?\b", case=False), "figure_id"]
    assert set(worded) <= set(found)
    assert "inspection_tasks" not in found  # "Inspection tasks generated" holds no word "rate"
    for figure_id in found:  # named so in its indicator, topic, note or id
        row = figures.set_index("figure_id").loc[figure_id]
        names = " ".join(map(str, row[["indicator_en", "topic_en", "note"]])) + figure_id.replace("_", " ")
        assert re.search(r"\brates?\b", names, re.I), figure_id
    ranked = analysis.search("credit records")
    assert ranked["figure_id"].iloc[0] == "credit_records"
    assert ranked["score"].is_monotonic_decreasing


def test_english_finds_the_chinese_text_through_topic_and_indicator_names():
    hits = analysis.find("mediation success").of_kind("text")
    sentence = next(h for h in hits if "调解成功率" in h.excerpt)
    assert "【98.7%】" in sentence.marked()  # the mention of the figure the words name


@pytest.mark.parametrize("query, words", [("Fengqiao", "枫桥经验"), ("Sharp Eyes", "雪亮工程")])
def test_english_finds_the_chinese_text_through_the_glossary(query, words, monkeypatch):
    """Terms only the text uses are found in English by the glossary's names for them,
    and only through the glossary."""
    hits = analysis.find(query)
    assert [h.kind for h in hits] == ["text"]
    assert words in hits[0].excerpt and words in re.search(r"【(.+?)】", hits[0].marked()).group(1)
    tables = {k: v for k, v in load_package().tables.items() if k != "glossary"}
    monkeypatch.setattr(load_package(), "tables", tables)
    search._records.cache_clear()
    try:
        assert len(analysis.find(query)) == 0
    finally:
        monkeypatch.undo()
        search._records.cache_clear()


@pytest.mark.parametrize("query, kind, item", [
    ("document number", "non_figure", "two-laws-notice-number"),
    ("demonstration", "commitment", "priority-demonstration"),
    ("outcome", "measure", None),
    ("credit supervision", "section", "一、(三)2.3)"),
    ("９８.７％", "figure", "mediation_success_rate"),  # full-width, as typed on a Chinese keyboard
    ("调解 rate", "figure", "mediation_success_rate"),
    ("double-random", "figure", "random_inspection_units"),  # hyphenated words: each must match
])
def test_search_covers_every_table_and_mixed_queries(query, kind, item):
    hits = analysis.find(query).of_kind(kind)
    assert len(hits) > 0
    if item:
        assert item in [h.item_id for h in hits]


def test_no_match_and_bad_kinds():
    assert len(analysis.find("no such words")) == 0
    assert "No match" in repr(analysis.find("zzzz"))
    with pytest.raises(ValueError, match="unknown kinds"):
        analysis.find("rate", kinds=("tables",))


def test_a_figure_card_holds_its_amount_paragraph_section_parts_and_findings():
    card = analysis.figure_card("credit_records")
    assert card.quantity.text("zh") == "4400000多条" and "+" in card.quantity.text("en")
    assert card.quote in card.paragraph and card.paragraph in RAW
    assert card.paragraph[slice(*card.mention_span)] == "440多万条"
    assert card.headings_zh[0] == "一、主要举措和成效" and card.headings_en[0] == "Main measures and results"
    assert "【440多万条】" in card.text("en") and "the report writes 440多万条" in card.text("en")

    revoked = analysis.figure_card("review_revoked")
    assert revoked.parent.figure_id == "review_cases_accepted"
    assert "sum-review_cases_accepted" in [f.finding_id for f in revoked.findings]
    zh = revoked.text("zh")
    assert revoked.findings[0].message_zh in zh and revoked.findings[0].message_en not in zh

    total = analysis.figure_card("review_cases_accepted")
    assert [p.figure_id for p in total.parts] == analysis.breakdown("review_cases_accepted").parts["figure_id"].tolist()
    html = total.html("zh")
    assert '<mark' in html and 'lang="zh-CN"' in html and "15起" in html


@pytest.mark.parametrize("query,figure_id", [
    ("440万", "credit_records"),      # the report writes 440多万: the qualifier between is allowed
    ("1,332", "mediators"),           # as the explorer's table shows it; the report writes 1332
    ("1-2", "volunteers_per_township"),  # a range is one term, not the numbers 1 and 2 anywhere
])
def test_a_number_typed_as_a_reader_writes_it_finds_its_figure(query, figure_id):
    from analysis.explore.explorer import Selection, select

    view = select(Selection(keyword=query, lang="zh"))
    assert view.figure_ids == [figure_id]
