"""Chart kinds in both languages, checked for content; export is fixed-size and byte-stable."""

import csv
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.image as mpimg  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import analysis  # noqa: E402
from analysis import charts  # noqa: E402
from analysis.charts import catalogue, colours, frame, style, wrap  # noqa: E402
from analysis.charts.catalogue import CATALOGUE  # noqa: E402
from analysis.language import labels  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")
LANGS = ["zh", "en"]


def texts(fig):
    """Every text drawn, also with the lines the frame broke it into joined again."""
    out = []
    for t in fig.findobj(matplotlib.text.Text):
        text = t.get_text()
        if text:
            out += [text, text.replace("\n", ""), text.replace("\n", " ")]
    return out


def frame_ok(fig, lang):
    info = fig.chart_info
    assert info.title and info.title in texts(fig)
    assert info.source in texts(fig)
    assert info.source.startswith("来源：《关于赣县区" if lang == "zh" else "Source: Report on")
    assert info.alt_text


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("lang", LANGS)
def test_part_to_whole(lang):
    fig = charts.part_to_whole("review_cases_accepted", lang=lang)
    frame_ok(fig, lang)
    bar_ax = fig.axes[0]
    parts = analysis.breakdown("review_cases_accepted").parts
    assert len(bar_ax.patches) == len(parts)
    assert sum(p.get_width() for p in bar_ax.patches) == analysis.value("review_cases_accepted")
    for _, part in parts.iterrows():
        assert any(t.startswith(labels.part_label(part, lang)) for t in texts(fig))


@pytest.mark.parametrize("lang, share", [("zh", r"（\d+%）"), ("en", r" \(\d+%\)")])
def test_part_to_whole_brackets_each_share_as_its_language_does(lang, share):
    keys = [t for t in texts(charts.part_to_whole("review_cases_accepted", lang=lang)) if "%" in t]
    assert keys and all(re.search(share + "$", k) for k in keys), keys


def test_part_to_whole_shows_what_is_not_broken_down():
    # Civil legal aid: 907 closed by mediation is a subset, so no parts make a whole.
    with pytest.raises(ValueError, match="use ranked_bar"):
        charts.part_to_whole("legal_aid_civil")


@pytest.mark.parametrize("lang", LANGS)
def test_ranked_bar(lang):
    ids = ["criminal_transfers_public_security", "criminal_transfers_ecology",
           "criminal_transfers_agriculture", "criminal_transfers_water"]
    fig = charts.ranked_bar(ids, lang=lang, title="t")
    frame_ok(fig, lang)
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == sorted(analysis.value(i) for i in ids)  # largest drawn last, on top
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == len(ids)
    assert bool(CJK.search("".join(ticks))) == (lang == "zh")


@pytest.mark.parametrize("lang", LANGS)
def test_funnel(lang):
    ids = ["disputes_accepted", "disputes_mediated"]  # mediated successfully is a subset
    fig = charts.funnel(ids, lang=lang, title="t")
    frame_ok(fig, lang)
    assert [p.get_width() for p in fig.axes[0].patches] == [analysis.value(i) for i in ids]
    share = f"{analysis.value('disputes_mediated') / analysis.value('disputes_accepted'):.1%}"
    assert any(share in t for t in texts(fig))


def test_a_funnel_of_counts_that_are_not_subsets_is_refused():
    # 251 plans, 187 tasks, 721 results: a task is not a subset of a plan, nor a result of a task
    with pytest.raises(ValueError, match="not recorded as a subset.*use big_numbers"):
        charts.funnel(["inspection_plans", "inspection_tasks", "inspection_results"])


def dot_x(ax, value):
    """Where a value sits on an axes, in pixels."""
    return ax.transData.transform((value, 0))[0]


@pytest.mark.parametrize("lang", LANGS)
def test_a_rate_and_its_readings_sit_on_an_axis_that_shows_the_gap(lang):
    fig = catalogue.chart("mediation_success_rate", lang)
    frame_ok(fig, lang)
    ax = fig.axes[0]
    stated = analysis.value("mediation_success_rate")
    recomputed = 100 * analysis.value("disputes_mediated") / analysis.value("disputes_accepted")
    low, high = ax.get_xlim()
    assert low <= recomputed < stated <= high
    assert high - low < 1  # not 0-100%: a 0.13-point gap would be a hair
    assert dot_x(ax, stated) - dot_x(ax, recomputed) > fig.bbox.width / 4
    assert any(t.startswith(f"{recomputed:.2f}%") for t in texts(fig))


def test_each_audited_rate_has_its_own_scale():
    fig = catalogue.chart("audited_rates", "en")
    review, mediation, leader = fig.axes
    assert review.get_xlim()[1] - review.get_xlim()[0] > 30
    assert mediation.get_xlim()[1] - mediation.get_xlim()[0] < 1
    assert leader.get_xlim()[1] - leader.get_xlim()[0] < 1


def test_the_review_rate_chart_names_implausible_readings_and_cites_the_national_rate():
    zh, en = catalogue.chart("review_correction_rate", "zh"), catalogue.chart("review_correction_rate", "en")
    ticks = [t.get_text().replace("\n", " ") for t in en.axes[0].get_yticklabels()]
    assert any("rejections" in t and "(implausible)" in t for t in ticks)
    assert any("indirect" in t for t in ticks)
    assert any("不合常理" in t.get_text() for t in zh.axes[0].get_yticklabels())
    # a national rate of the report's year only, cited with its own source
    assert en.chart_info.reference_ids == ["national_review_correction_2020"]
    assert "Ministry of Justice" in en.chart_info.source and "2021" in en.chart_info.source
    assert "司法部" in zh.chart_info.source
    # its definition differs from every reading: the chart says so
    assert "not the same definition" in en.chart_info.note


@pytest.mark.parametrize("lang", LANGS)
def test_big_numbers(lang):
    ids = ["credit_records", "hotline_requests"]
    fig = charts.big_numbers(ids, lang=lang, title="t")
    frame_ok(fig, lang)
    for figure_id in ids:  # each big number is the figure's amount in the chosen language
        assert charts.kinds.amount(analysis.get_figure(figure_id), lang) in texts(fig)
    assert len([t for t in fig.axes[0].texts if t.get_fontsize() > 12]) == len(ids)


@pytest.mark.parametrize("value, lang, compact, text", [
    (2_500_000, "zh", True, "250万"), (2_500_000, "en", True, "2.5 million"),
    (123_456, "zh", True, "12.35万"), (123_456, "en", True, "123,456"),
    (2048, "zh", False, "2048"), (2048, "en", False, "2,048"), (12.5, "en", False, "12.5"),
    (270_000_000, "zh", True, "2.7亿"),
])
def test_numbers_follow_the_language(value, lang, compact, text):
    assert labels.number(value, lang, compact) == text


def figure_row(value, unit, qualifier="exact", value_high=None):
    units = analysis.load_table("units").set_index("unit")
    return pd.Series({"value": value, "value_high": value_high, "unit": unit,
                      "qualifier": qualifier, "unit_en": units.loc[unit, "unit_en"],
                      "unit_en_singular": units.loc[unit, "unit_en_singular"]})


@pytest.mark.parametrize("row, zh, en", [
    (figure_row(350_000, "元", "more_than"), "35万余元", "350,000+ yuan"),
    (figure_row(60, "%", "at_least"), "60%以上", "≥60%"),
    (figure_row(2, "名", "range", value_high=3), "2-3名", "2-3 people"),
    (figure_row(1, "件"), "1件", "1 case"),
    (figure_row(7, "件", "approximately"), "约7件", "~7 cases"),
])
def test_amounts_carry_unit_and_qualifier(row, zh, en):
    assert labels.amount(row, "zh") == zh
    assert labels.amount(row, "en") == en


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="lang must be one of"):
        charts.funnel(["disputes_accepted"], lang="fr")


@pytest.mark.parametrize("figure_id, like, en", [
    ("inspection_plans", None, "251"),                  # 个 counts plans: the label says so
    ("mediators_sectoral", "mediators", "25 people"),   # 个 counts what the total counts
    ("review_revoked", None, "1 case"),
])
def test_a_general_measure_word_is_translated_by_what_it_counts(figure_id, like, en):
    figure = analysis.get_figure(figure_id).drop("noun_en", errors="ignore")  # no noun of its own
    parent = analysis.get_figure(like) if like else None
    assert charts.kinds.amount(figure, "en", like=parent) == en
    assert charts.kinds.amount(figure, "zh", like=parent) == labels.amount(figure, "zh")


def test_a_figure_that_names_its_noun_keeps_it():
    figure = analysis.get_figure("inspection_plans").copy()
    figure["noun_en"], figure["noun_en_singular"] = "inspection plans", "inspection plan"
    assert charts.kinds.amount(figure, "en") == labels.amount(figure, "en")


def test_english_charts_hold_no_chinese_but_the_section_path_and_quoted_terms():
    for spec in CATALOGUE:
        fig = spec.build("en")
        info = fig.chart_info
        allowed = (info.source, labels.phrase("note", "en") + info.note)
        for t in fig.findobj(matplotlib.text.Text):
            text = t.get_text()
            if text.replace("\n", " ") not in allowed and text.replace("\n", "") not in allowed:
                assert not CJK.search(text), (spec.chart_id, text)
        plt.close(fig)


@pytest.fixture(scope="module")
def two_exports(tmp_path_factory):
    """Every briefing chart exported by two separate processes at once, in both languages.

    -W error turns matplotlib's "Glyph … missing from font" warning into a failure."""
    root = tmp_path_factory.mktemp("exports")
    runs = [subprocess.Popen([sys.executable, "-W", "error", "-m", "analysis", "charts", "--lang",
                              "both", "--out", str(root / run)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for run in ("a", "b")]
    for run in runs:
        out, err = run.communicate(timeout=600)
        assert run.returncode == 0, err
    return root


def test_no_briefing_chart_has_a_missing_glyph(two_exports):
    assert len(list((two_exports / "a").rglob("*.png"))) == 2 * len(CATALOGUE)


def test_export_is_byte_identical_and_fixed_size(two_exports):
    tmp_path = two_exports
    first = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    second = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert first == second
    for rel in first:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    with open(tmp_path / "a" / "index.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2 * len(CATALOGUE)
    for row in rows:
        image = mpimg.imread(tmp_path / "a" / row["png"])
        assert image.shape[1] == round(style.WIDTH_IN * style.EXPORT_DPI)
        svg = (tmp_path / "a" / row["svg"]).read_text(encoding="utf-8")
        assert "<dc:date>" not in svg
        assert row["alt_text"]
    png = (tmp_path / "a" / rows[0]["png"]).read_bytes()
    assert b"Software" not in png and b"matplotlib" not in png


def test_missing_font_error_says_what_to_install(monkeypatch):
    monkeypatch.setattr(style.importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(style, "SYSTEM_FONTS", ("/nonexistent/font.ttc",))
    with pytest.raises(RuntimeError, match="requirements.txt.*fonts-noto-cjk"):
        style.font_path()


@pytest.mark.parametrize("lang", LANGS)
def test_count_bar_puts_the_largest_on_top(lang):
    figures = analysis.load_figures()
    per_topic = figures.groupby(f"topic_{lang}").size()
    fig = charts.count_bar(per_topic.index.tolist(), per_topic.tolist(),
                           figures=[row for _, row in figures.iterrows()], lang=lang, title="t")
    frame_ok(fig, lang)
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert widths == sorted(per_topic.tolist())  # drawn bottom up, so the largest is on top
    assert sum(widths) == len(figures)


def test_a_finished_chart_is_drawn_only_when_shown(monkeypatch):
    """pyplot's interactive hook (Gcf.draw_all, run after every Jupyter cell) re-renders stale
    figures before the inline backend renders them again to show them. A finished chart is
    not stale, so that extra render is skipped; a change made afterwards is still drawn."""
    from matplotlib._pylab_helpers import Gcf

    draws = []
    for spec in CATALOGUE:
        fig = spec.build("en")
        monkeypatch.setattr(fig.canvas, "draw", lambda *a, _id=spec.chart_id, **k: draws.append(_id))
        Gcf.draw_all()
        plt.close(fig)
    assert draws == []
    fig = CATALOGUE[0].build("en")
    monkeypatch.setattr(fig.canvas, "draw", lambda *a, **k: draws.append("changed"))
    fig.axes[0].set_xlabel("changed by the user")
    Gcf.draw_all()
    assert draws == ["changed"]


@pytest.mark.parametrize("text, width", [("甲" * 16, 15), ("甲" * 15, 15), ("甲" * 31, 10),
                                         ("one two three four five six", 5)])
def test_wrapped_labels_keep_to_the_width_without_a_one_character_line(text, width):
    lines = frame.wrap_label(text, width).split("\n")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert max(wrap.em_width(line) for line in lines) <= width
    assert min(len(line) for line in lines) > 1


def breaks(lines: list[str]) -> list[int]:
    """Offsets in the joined text where the lines were broken."""
    out, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        out.append(at)
    return out


def boundaries(pieces: list[str]) -> set[int]:
    out, at = set(), 0
    for piece in pieces:
        at += len(piece)
        out.add(at)
    return out


@pytest.mark.parametrize("text", ["区政府制定的行政规范性文件合法性审查率",
                                  "宝莲山管委会、城区社区管委会各聘请专职人民调解员",
                                  "“互联网+”检查事项清单同步到“双随机、一公开”监管平台"])
def test_chinese_breaks_fall_between_jieba_words(text):
    lines = frame.wrap_label(text, 12).split("\n")
    assert len(lines) > 1 and "".join(lines) == text
    assert set(breaks(lines)) <= boundaries(wrap.words(text))


def test_a_term_of_the_field_is_never_split(monkeypatch):
    text = "全面推行双随机一公开抽查"
    try:
        monkeypatch.setattr(wrap, "protected_terms", lambda: ())
        wrap._term_pattern.cache_clear()
        assert "双随机一公开" not in wrap.words(text)  # jieba alone cuts it: 双|随机|一|公开
        monkeypatch.setattr(wrap, "protected_terms", lambda: ("双随机一公开",))
        wrap._term_pattern.cache_clear()
        wrap.wrap.cache_clear()
        assert "双随机一公开" in wrap.words(text)
        for width in range(6, 12):
            lines = wrap.wrap(text, width).split("\n")
            assert len(lines) > 1
            assert any("双随机一公开" in line for line in lines), lines
    finally:
        wrap._term_pattern.cache_clear()
        wrap.wrap.cache_clear()


def test_the_protected_terms_come_from_the_data():
    terms = wrap.protected_terms()
    glossary = analysis.load_table("glossary")
    assert {t for t in glossary["term_zh"] if len(t) > 1} <= set(terms)  # one character cannot split
    assert "行政纠错率" in terms
    assert "双随机、一公开" in terms          # a quoted name in a topic
    assert "调解成功率" in terms              # a short indicator name
    assert set(analysis.load_table("topics")["topic_zh"]) <= set(terms)


def test_every_chinese_axis_label_breaks_between_words():
    for spec in CATALOGUE:
        fig = spec.build("zh")
        for ax in fig.axes:
            for tick in ax.get_yticklabels():
                lines = tick.get_text().split("\n")
                if len(lines) > 1:
                    text = "".join(lines)
                    assert set(breaks(lines)) <= boundaries(wrap.words(text)), (spec.chart_id, lines)
        plt.close(fig)


@pytest.mark.parametrize("lang, chapters", [("zh", "第一、二、三、四部分"), ("en", "sections 1, 2, 3 and 4")])
def test_a_chart_drawing_on_every_chapter_names_them_in_outline_order(lang, chapters):
    from analysis.charts import catalogue

    fig = catalogue.chart("commitment_coverage", lang)
    assert fig.chart_info.source.endswith(chapters)
    assert fig.chart_info.figure_ids  # the linked figures, not the commitments, are figure ids
    assert all(analysis.get_figure(f) is not None for f in fig.chart_info.figure_ids)


# ------------------------------------------------------------------ colours

def segment_colours(chart_id):
    """The part_to_whole chart's bar segments: figure id of each part -> its colour."""
    fig = catalogue.chart(chart_id, "en")
    bar_ax = fig.axes[0]
    parent = {"review_outcomes": "review_cases_accepted", "mediation_organisations":
              "mediation_organisations", "mediators_by_level": "mediators",
              "legal_aid_cases": "legal_aid_cases"}[chart_id]
    ids = analysis.breakdown(parent).related("part")["figure_id"].tolist()
    fills = [matplotlib.colors.to_hex(p.get_facecolor()) for p in bar_ax.patches]
    plt.close(fig)
    return dict(zip(ids, fills)), fills


def test_one_colour_per_category_on_every_chart_whatever_its_position():
    seen: dict[str, set[str]] = {}
    for chart_id in ("review_outcomes", "mediation_organisations", "mediators_by_level",
                     "legal_aid_cases"):
        by_figure, fills = segment_colours(chart_id)
        assert len(set(fills)) == len(fills), chart_id  # categories of one chart told apart
        for figure_id, fill in by_figure.items():
            seen.setdefault(colours.category(figure_id), set()).add(fill)
            assert fill == colours.CATEGORY_COLOURS[colours.category(figure_id)].lower()
    assert all(len(fills) == 1 for fills in seen.values()), seen
    # township is second among organisations and third among mediators: one colour
    assert analysis.breakdown("mediation_organisations").parts["figure_id"].tolist().index(
        "mediation_org_township") != analysis.breakdown("mediators").parts["figure_id"].tolist().index(
        "mediators_township")
    assert len(seen["township"]) == 1


def test_categories_come_from_figure_ids():
    assert colours.category("mediation_org_township") == colours.category("mediators_township") == "township"
    assert colours.category("review_ordered_redo") == "ordered_redo"
    assert colours.category("legal_aid_criminal") == "criminal"


def test_an_unknown_category_keeps_its_colour_and_never_takes_one_in_use():
    first = colours.colours(["upheld", "pending", "appealed"])
    second = colours.colours(["appealed", "upheld", "pending"])
    assert first[2] == second[0]  # the same colour, whatever its position
    alone = colours.colours(["appealed"])[0]
    beside = colours.colours([next(c for c, v in colours.CATEGORY_COLOURS.items() if v == alone),
                              "appealed"])
    assert beside[1] != beside[0]  # moved on only when a category of the chart has it
    many = colours.colours(["a_one", "b_two", "c_three", "upheld"])
    assert len(set(many)) == 4


def test_what_is_not_broken_down_is_grey_everywhere():
    assert colours.colours(["not_broken_down"]) == [colours.LIGHT_GREY]


# ------------------------------------------------------------------ the frame

SOURCE_EN = re.compile(r"^Source: [^;]+, sections? \d+(\.\d+)*((, | and )\d+(\.\d+)*)*(; [^;]+)*$")


def test_english_source_lines_name_sections_the_same_way_on_every_chart():
    for spec in CATALOGUE:
        fig = spec.build("en")
        assert SOURCE_EN.match(fig.chart_info.source), (spec.chart_id, fig.chart_info.source)
        zh = spec.build("zh")
        assert re.search(r"》第[一二三四五六七八九十、]+部分", zh.chart_info.source), zh.chart_info.source
        plt.close(fig)
        plt.close(zh)


@pytest.mark.parametrize("section, zh, en", [("一、(一)2.2)", "第一部分(一)2.2)", "1.1.2.2"),
                                             ("二、(四)", "第二部分(四)", "2.4"), ("三、", "第三部分", "3")])
def test_section_names(section, zh, en):
    assert frame.section_name(section, "zh") == zh
    assert frame.section_name(section, "en") == en


@pytest.mark.parametrize("lang, words", [("zh", ["2000/月", "2000元/月", "140人余人", "140余人"]),
                                         ("en", ["2000/月", "2000元/月", "140人余人", "140余人"])])
def test_a_chart_showing_a_damaged_figure_says_so(lang, words):
    note = catalogue.chart("capacity_panel", lang).chart_info.note
    for word in words:
        assert word in note


def test_no_damage_note_on_a_chart_that_shows_no_damaged_figure():
    assert catalogue.chart("legal_aid_cases", "en").chart_info.note.count("source text reads") == 0
    # counts of figures, not their values: nothing of theirs is shown
    assert "source text" not in catalogue.chart("commitment_coverage", "en").chart_info.note


def test_no_text_is_clipped_and_the_frame_overlaps_nothing():
    for spec in CATALOGUE:
        for lang in LANGS:
            fig = spec.build(lang)
            fig.canvas.draw()
            renderer = fig.canvas.get_renderer()
            box = fig.bbox
            for t in fig.findobj(matplotlib.text.Text):
                if not t.get_text() or not t.get_visible():
                    continue
                extent = t.get_window_extent(renderer)
                assert extent.x0 >= box.x0 - 1 and extent.x1 <= box.x1 + 1, (spec.chart_id, lang, t.get_text())
                assert extent.y0 >= box.y0 - 1 and extent.y1 <= box.y1 + 1, (spec.chart_id, lang, t.get_text())
            frame_texts = [t.get_window_extent(renderer) for t in fig.texts]
            plots = [ax.get_tightbbox(renderer) for ax in fig.axes if ax.axison]
            for i, a in enumerate(frame_texts):
                for b in frame_texts[i + 1:] + plots:
                    assert not a.overlaps(b), (spec.chart_id, lang)
            plt.close(fig)


def test_no_chart_whose_every_bar_says_the_same_thing():
    for spec in CATALOGUE:
        fig = spec.build("en")
        for ax in fig.axes:
            widths = [bar.get_width() for container in ax.containers for bar in container]
            if len(widths) > 1:
                assert len(set(widths)) > 1, spec.chart_id
        plt.close(fig)


def test_english_chart_words_follow_the_glossary():
    """A Chinese term in parentheses in a title, subtitle or note has the glossary's English."""
    from analysis.tables.glossary import term_problems

    for spec in CATALOGUE:
        info = spec.build("en").chart_info
        for text in (info.title, info.subtitle, info.note):
            assert term_problems(text) == [], (spec.chart_id, text)
        plt.close("all")


def test_bars_refuse_figures_of_different_units_and_name_them():
    ids = ["credit_records", "review_cases_accepted", "volunteer_handbooks", "mediation_success_rate"]
    with pytest.raises(ValueError, match="different units") as caught:
        charts.ranked_bar(ids, lang="en")
    for figure_id, unit in zip(ids, ["条", "起", "册", "%"]):
        assert f"{figure_id} ({unit}," in str(caught.value)
    charts.ranked_bar(["review_cases_accepted", "epidemic_cases"], lang="en")  # 起 and 件: both cases


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_key_of_a_part_to_whole_chart_overlaps_nothing(lang):
    """A long key (sector-specific mediation committees …) must not run into the next column's swatch."""
    figures = analysis.load_figures()
    parents = sorted(set(figures.loc[figures["relation"] == "part", "parent_id"]))
    assert "mediation_organisations" in parents
    for parent in parents:
        fig = charts.kinds.part_to_whole(parent, lang=lang)
        key = fig.axes[1]
        renderer = fig.canvas.get_renderer()
        boxes = [t.get_window_extent(renderer) for t in key.texts]
        swatches = [p.get_window_extent(renderer) for p in key.patches]
        for i, box in enumerate(boxes):
            assert box.x1 <= fig.bbox.x1, (parent, key.texts[i].get_text())
            others = [b for j, b in enumerate(boxes) if j != i] + swatches
            assert not any(box.overlaps(o) for o in others), (parent, key.texts[i].get_text())
        plt.close(fig)
