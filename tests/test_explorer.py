"""The explorer's logic, tested as a reader uses it: set the controls, read what they show.
No browser; the served app itself is tested in test_explorer_app.py."""

from pathlib import Path

import pytest

import analysis
from analysis.explore import explorer
from analysis.explore.app import Explorer
from analysis.audit.checks import SEVERITIES, audit
from analysis.explore.explorer import Selection, select

FIGURES = analysis.load_figures()


def test_a_chapter_selects_its_figures_and_the_findings_that_touch_them():
    view = select(Selection(chapter="二、"))
    expected = FIGURES.loc[FIGURES["chapter"] == "二、", "figure_id"].tolist()
    assert view.figure_ids == expected
    touching = [f.finding_id for f in audit() if set(f.figure_ids) & set(expected)]
    assert touching and sorted(f.finding_id for f in view.findings) == sorted(touching)
    assert [f.severity for f in view.findings] == sorted((f.severity for f in view.findings),
                                                          key=SEVERITIES.index)


def test_a_term_only_in_the_text_shows_its_passage_and_no_figure():
    view = select(Selection(keyword="枫桥"))
    assert view.figure_ids == [] and view.chart() is None
    assert [h.section for h in view.passages] == ["一、(四)4.3)"]
    assert "【枫桥】" in view.text() and "【枫桥】" not in explorer.cards_html(view)
    assert "<mark" in explorer.passages_html(view)


def test_the_chart_holds_one_unit_and_names_the_figures_left_out():
    view = select(Selection(chapter="二、", keyword="volunteer"))
    units = {FIGURES.set_index("figure_id").loc[f, "unit_en"] for f in view.chart_ids}
    assert len(units) == 1 and units == {view.unit}
    assert set(view.chart_ids) | set(view.left_out) == set(view.figure_ids)
    for figure_id in view.left_out:
        assert figure_id in view.chart_note()
    chosen = select(Selection(chapter="二、", keyword="volunteer", unit="copies"))
    assert chosen.chart_ids == ["volunteer_handbooks"]
    assert "5,000+" in chosen.chart().chart_info.alt_text  # the qualifier is drawn too
    with pytest.raises(ValueError, match="no figure of the selection is in 'yuan'"):
        select(Selection(chapter="二、", keyword="volunteer", unit="yuan"))


def test_amounts_keep_their_words_in_the_table_the_cards_and_the_text():
    view = select(Selection(keyword="volunteers per township"))
    assert view.figure_ids[0] == "volunteers_per_township"
    range_ = analysis.quantity("volunteers_per_township").text("en")
    assert range_.startswith("1-2 ") and range_ in view.text() and range_ in repr(view.table())
    assert "1-2名" in explorer.cards_html(select(Selection(keyword="volunteers per township", lang="zh")))
    credit = select(Selection(keyword="credit records"))
    assert analysis.quantity("credit_records").text("en") in credit.text()
    assert "4,400,000+" in credit.text()


def test_the_language_reaches_table_findings_chart_and_words():
    view = select(Selection(topic="administrative_review", lang="zh"))
    text = view.text()
    assert "数值" in repr(view.table()) and "Amount" not in repr(view.table())
    assert view.findings and all(f.message_zh in text and f.message_en not in text for f in view.findings)
    assert view.chart().chart_info.lang == "zh"
    assert text.startswith("选择：")


def test_unknown_choices_are_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="unknown topic 'mediations'.*mediation"):
        select(Selection(topic="mediations"))
    with pytest.raises(ValueError, match="unknown chapter"):
        select(Selection(chapter="五、"))


def test_the_controls_change_what_the_app_shows(tmp_path):
    app = Explorer("en", save_dir=tmp_path)
    assert len(app.view.figure_ids) == len(FIGURES)
    app.chapter.value = "四、"
    assert [v for _, v in app.topic.options] == [""] + FIGURES.loc[FIGURES["chapter"] == "四、", "topic"].unique().tolist()
    app.chapter.value = "一、"
    app.topic.value = "mediation"
    assert app.view.figure_ids == FIGURES.loc[FIGURES["topic"] == "mediation", "figure_id"].tolist()
    assert "mediation_success_rate" in app.table_html  # the tab in sight is drawn
    assert bytes(app.chart_image.value) == b""  # the others when opened
    app.tabs.selected_index = 1
    assert app.unit.value == app.view.unit and bytes(app.chart_image.value).startswith(b"\x89PNG")
    app.unit.value = "%"
    assert [FIGURES.set_index("figure_id").loc[f, "unit"] for f in app.view.chart_ids] == ["%"]
    assert "reader-table" in app.table_html
    app.keyword.value = "枫桥"  # within the topic: no figure names it, the text does
    assert app.view.figure_ids == [] and app.save.disabled
    assert app.tabs.selected_index == 3 and "枫桥" in app.passages.value  # the text's tab opens
    app.topic.value = ""
    app.keyword.value = "调解成功率"
    assert app.view.figure_ids == ["mediation_success_rate"]
    app.tabs.selected_index = 2
    assert "98.7%" in app.cards.value and "<mark" in app.cards.value
    files = app._save()
    assert files["png"].read_bytes().startswith(b"\x89PNG") and files["svg"].suffix == ".svg"
    assert files["png"].parent == tmp_path and "data:image/png;base64," in app.saved.value
    try:
        app.language.value = "zh"
        assert analysis.current_language() == "zh"
        assert app.chapter.description == "章节" and app.tabs.get_title(0) == "数字"
        app.tabs.selected_index = 5
        assert "调解成功率" in app.words.value and "选择" in app.words.value
        app.tabs.selected_index = 0
        assert "数值" in app.table_html
        assert app.chapter.value == "一、"  # the choices survive the switch
    finally:
        analysis.set_language("en")


def test_the_apps_heading_is_the_reports_title_and_says_what_to_do_in_the_language_chosen(tmp_path):
    import nbformat

    from analysis.explore.app import INTRO_CELL_TAG, Explorer

    report = analysis.load_table("reports").iloc[0]
    app = Explorer("en", save_dir=tmp_path)
    try:
        assert report["title_en"] in app.heading.value and "press Enter" in app.heading.value
        app.language.value = "zh"
        assert report["title_zh"] in app.heading.value and "按回车" in app.heading.value
        assert 'lang="zh-CN"' in app.heading.value and "press Enter" not in app.heading.value
    finally:
        analysis.set_language("en")
    # the notebook's English introduction (how to run it) is hidden in the served app
    intro = nbformat.read(Path(__file__).resolve().parent.parent / "notebooks" / "explorer.ipynb", as_version=4).cells[0]
    assert intro.cell_type == "markdown" and INTRO_CELL_TAG in intro.metadata["tags"]
    assert f".celltag_{INTRO_CELL_TAG}" in app.heading.value
