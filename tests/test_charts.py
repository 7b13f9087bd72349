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
from analysis.charts import frame, style  # noqa: E402
from analysis.__main__ import main  # noqa: E402
from analysis.charts.catalogue import CATALOGUE  # noqa: E402
from analysis.language import labels  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")
LANGS = ["zh", "en"]


def texts(fig):
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text()]


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
    ids = ["inspection_plans", "inspection_tasks", "inspection_results"]
    fig = charts.funnel(ids, lang=lang, title="t")
    frame_ok(fig, lang)
    assert [p.get_width() for p in fig.axes[0].patches] == [analysis.value(i) for i in ids]
    share = f"{analysis.value('inspection_tasks') / analysis.value('inspection_plans'):.0%}"
    assert any(share in t for t in texts(fig))


@pytest.mark.parametrize("lang", LANGS)
def test_bullet(lang):
    refs = [charts.Reference("参考", "reference", 50.0)]
    fig = charts.bullet("mediation_success_rate", refs, lang=lang)
    frame_ok(fig, lang)
    ax = fig.axes[0]
    assert [p.get_width() for p in ax.patches] == [100, analysis.value("mediation_success_rate")]
    assert [line.get_xdata()[0] for line in ax.lines] == [50.0]
    stated = labels.amount(analysis.get_figure("mediation_success_rate"), lang)
    assert any(t.endswith(stated) for t in texts(fig))


@pytest.mark.parametrize("lang", LANGS)
def test_big_numbers(lang):
    ids = ["credit_records", "hotline_requests"]
    fig = charts.big_numbers(ids, lang=lang, title="t")
    frame_ok(fig, lang)
    for figure_id in ids:  # each big number is the figure's amount in the chosen language
        assert labels.amount(analysis.get_figure(figure_id), lang) in texts(fig)
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
        charts.funnel(["inspection_plans"], lang="fr")


def test_english_charts_hold_no_chinese_but_the_section_path_and_quoted_terms():
    for spec in CATALOGUE:
        fig = spec.build("en")
        info = fig.chart_info
        for text in texts(fig):
            if text not in (info.source, labels.phrase("note", "en") + info.note):
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
                                         ("one two three four five six", 10)])
def test_wrapped_labels_keep_to_the_width_without_a_one_character_line(text, width):
    lines = frame.wrap_label(text, width).split("\n")
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert max(len(line) for line in lines) <= width
    assert min(len(line) for line in lines) > 1


@pytest.mark.parametrize("lang, chapters", [("zh", "第一、二、三、四部分"), ("en", "chapters 1, 2, 3, 4")])
def test_a_chart_drawing_on_every_chapter_names_them_in_outline_order(lang, chapters):
    from analysis.charts import catalogue

    fig = catalogue.chart("commitment_coverage", lang)
    assert fig.chart_info.source.endswith(chapters)
    assert fig.chart_info.figure_ids  # the linked figures, not the commitments, are figure ids
    assert all(analysis.get_figure(f) is not None for f in fig.chart_info.figure_ids)


def test_bars_refuse_figures_of_different_units_and_name_them():
    ids = ["credit_records", "review_cases_accepted", "volunteer_handbooks", "mediation_success_rate"]
    with pytest.raises(ValueError, match="different units") as caught:
        charts.ranked_bar(ids, lang="en")
    for figure_id, unit in zip(ids, ["条", "起", "册", "%"]):
        assert f"{figure_id} ({unit}," in str(caught.value)
    charts.ranked_bar(["review_cases_accepted", "epidemic_cases"], lang="en")  # 起 and 件: both cases
    with pytest.raises(ValueError, match="different kinds of measure.*mediation_success_rate"):
        charts.funnel(["disputes_accepted", "mediation_success_rate"], lang="en")
