"""The extractor on the genre: hand-made keys for fixtures written in the patterns of real reports
(tests/genre/), recall and precision held per pattern and overall, and texts it must refuse."""

import re
from pathlib import Path

import pytest

from analysis.__main__ import main
from analysis.extract import ExtractError, extract, extract_text, page_metadata
from analysis.extract.evaluate import (
    FIGURE_KINDS,
    evaluate_fixtures,
    evaluate_key,
    read_annotated,
)

FIXTURES = Path(__file__).parent / "genre" / "fixtures"
PATHS = sorted(FIXTURES.glob("*.txt"))
RECALL, PRECISION = 0.98, 0.97


def fixture(name: str) -> tuple[str, list]:
    path = next(p for p in PATHS if p.name.startswith(name))
    return read_annotated(path.read_text(encoding="utf-8"), path.name)


@pytest.fixture(scope="module")
def evaluation():
    return evaluate_fixtures(FIXTURES)


def test_there_are_fixtures_of_many_levels_and_years():
    assert len(PATHS) >= 15
    names = " ".join(p.name for p in PATHS)
    for level in ("province", "city", "county", "district", "street", "ministry", "news"):
        assert f"-{level}" in names or f"{level}-" in names, level
    years = {int(y) for y in re.findall(r"-(20[0-9]{2})-", names)}
    assert min(years) <= 2014 and max(years) >= 2024


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_every_number_of_a_fixture_is_in_its_key(path):
    text, key = read_annotated(path.read_text(encoding="utf-8"), path.name)
    for run in re.finditer(r"[0-9０-９]+", text):
        assert any(e.start <= run.start() and run.end() <= e.end for e in key), (
            f"{path.name}: {run.group(0)!r} in …{text[max(0, run.start() - 12):run.end() + 12]}… has no key")


def test_recall_and_precision_hold_per_pattern_and_overall(evaluation):
    print("\n" + evaluation.table())
    total = evaluation.total()
    assert total.recall >= RECALL, evaluation.misses
    assert total.precision >= PRECISION, evaluation.false_figures
    for pattern, score in evaluation.scores.items():
        if score.figures >= 5:
            assert score.recall >= 0.9, (pattern, [m for m in evaluation.misses if f"({pattern})" in m])


def test_no_date_year_document_number_timestamp_index_number_or_name_is_a_figure(evaluation):
    assert evaluation.non_figures_called_figures == []
    assert "unlisted" not in evaluation.scores, evaluation.false_figures


def test_non_figures_are_read_as_what_they_are(evaluation):
    assert evaluation.kind_disagreements == []


def test_the_evaluation_catches_a_wrong_reading():
    text, key = read_annotated("共受理{{12件|figure|count|12|件}}，较上年下降{{3%|change|change|3|%||increase}}。"
                               "更新时间：{{2021/03/29 11:30:01|page_metadata|page_header}}")
    result = evaluate_key(text, key)
    assert result.total().found == 1 and len(result.misses) == 1
    assert "direction 'decrease', expected 'increase'" in result.misses[0]
    # an extractor that reads every digit run as a figure is caught on both counts
    naive = evaluate_key(text, key, extractor=lambda t: [
        type("M", (), dict(start=m.start(), end=m.end(), text=m.group(0), kind="figure", value=float(m.group(0)),
                           value_high=None, unit="", qualifier="exact", direction=""))()
        for m in re.finditer(r"[0-9]+", t)])
    assert naive.total().precision < 0.5 and naive.non_figures_called_figures


@pytest.mark.parametrize("source, words", [
    ("{{12件|figure}}", "needs a mention, a known kind and a pattern"),
    ("{{12件|quantity|count|12|件}}", "needs a mention, a known kind and a pattern"),
    ("{{12件|figure|count}}", "a figure needs its value"),
])
def test_a_bad_annotation_is_named(source, words):
    with pytest.raises(ValueError, match=words):
        read_annotated(source, "x.txt")


# ----------------------------------------------------------------- patterns

def kinds(text):
    return [(m.text, m.kind) for m in extract_text(text)]


def test_a_change_keeps_its_direction():
    found = {m.text: (m.kind, m.value, m.unit, m.direction)
             for m in extract_text("收案同比下降12.4%，败诉率下降至6.3%，比上年下降2.1个百分点，较上年增加58件，"
                                   "淄博、临沂同比分别增长77.76%、65.78%。")}
    assert found["12.4%"] == ("change", 12.4, "%", "decrease")
    assert found["6.3%"] == ("percentage", 6.3, "%", "")  # a level reached, not a change
    assert found["2.1个百分点"] == ("change", 2.1, "个百分点", "decrease")
    assert found["58件"] == ("change", 58, "件", "increase")
    assert found["65.78%"] == ("change", 65.78, "%", "increase")


def test_a_signed_number_in_a_table_is_a_change_and_never_negative():
    text = "指标 | 2023 | 2024 | 增减 |\n纠错率（%） | 24.3 | 21.5 | -2.8 |\n新收案件（件） | 66 | 151 | ＋128.79% |\n"
    found = {m.text: m for m in extract_text(text)}
    assert (found["2023"].kind, found["2024"].kind) == ("year", "year")
    assert (found["24.3"].kind, found["24.3"].unit) == ("percentage", "%")
    assert (found["-2.8"].kind, found["-2.8"].value, found["-2.8"].unit, found["-2.8"].direction) == \
        ("change", 2.8, "个百分点", "decrease")
    assert (found["66"].unit, found["＋128.79%"].direction) == ("件", "increase")
    assert all(m.value is None or m.value >= 0 for m in found.values())


def test_page_furniture_is_page_metadata_reported_apart(tmp_path):
    text, _ = fixture("25-")
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    assert page_metadata(path) == {"index_number": "6107280000/2024-001221",
                                   "document_number": "〔2025〕9号", "dated": "2025年03月26日 16:40",
                                   "published": "2025年03月27日 09:12"}
    header, _ = fixture("01-")
    path.write_text(header, encoding="utf-8")
    assert page_metadata(path) == {"today": "2021年4月6日", "source": "司法局",
                                   "updated": "2021/03/29 11:30:01"}
    assert [m.kind for m in extract(path) if "2021/03/29" in m.text] == ["page_metadata"]


@pytest.mark.parametrize("text, mention, kind", [
    ("通过12345受理诉求", "12345", "name"),
    ("推行“12345+N”模式", "12345+N", "name"),
    ("开展“1+2”执法监督", "1+2", "name"),
    ("落实省委“1310”具体部署", "1310", "name"),
    ("{}底前完成".format("3月"), "3月", "date"),
    ("自4月起施行", "4月", "date"),
    ("1至6月累计", "1至6月", "date"),
    ("《规划（2021—2025）》", "2021—2025", "year"),
    ("《纲要（20212025年）》", "20212025", "year"),
    ("二〇三五年远景目标", "二〇三五", "year"),
    ("发布时间：2022-03-31", "2022-03-31", "page_metadata"),
    ("报告于2022-03-31公布", "2022-03-31", "date"),
    ("学习区委三届五次、六次全会精神", "五次", "name"),
    ("学习区委三届五次、六次全会精神", "六次", "name"),
    ("近两个年度考核均为优秀", "两个年度", "name"),
    ("近3个月新增预约", "3个月", "name"),
    ("依托24小时智慧政务服务中心", "24小时", "name"),
    ("《关于印发<某县2022年依法行政工作要点>的通知》", "2022", "year"),
    ("阅读:0", "0", "page_metadata"),
    ("赣ICP备09012345号-2", "ICP备09012345号-2", "page_metadata"),
    ("第2页共5页", "第2页共5页", "page_metadata"),
    ("信息索引号 113309990012345678/2025-00417 文件编号", "113309990012345678/2025-00417", "page_metadata"),
    ("成文日期 2025-02-18 公开时限 长期公开", "2025-02-18", "page_metadata"),
    ("2025年02月19日 10:26:07", "2025年02月19日 10:26:07", "page_metadata"),
])
def test_what_is_not_a_figure(text, mention, kind):
    assert (mention, kind) in kinds(text)


@pytest.mark.parametrize("text", ["五年行动方案", "第八个五年计划", "形成一批经验", "每周三接待来访", "五年来成效明显",
                                  "两成员单位派员进驻"])
def test_chinese_numeral_words_that_are_not_counts(text):
    assert [m for m in extract_text(text) if m.kind in FIGURE_KINDS] == []


@pytest.mark.parametrize("text, mention, value, unit, qualifier", [
    ("培训网格员120余人", "120余人", 120, "人", "more_than"),     # 120 is also a hotline
    ("统筹经费110万元", "110万元", 1_100_000, "元", "exact"),
    ("发放资料3千余份", "3千余份", 3000, "份", "more_than"),
    ("线上预约208件", "208件", 208, "件", "exact"),               # 预约 is not 约
    ("法律顾问签约46家", "46家", 46, "家", "exact"),
    ("修订村规民约9项", "9项", 9, "项", "exact"),                # 民约 is not 约
    ("梳理12大类执法事项", "12大类", 12, "大类", "exact"),
    ("三部委联合调研", "三部委", 3, "部委", "exact"),
    ("9成以上的群众表示满意", "9成以上", 9, "成", "at_least"),   # a share in tenths, as written
    ("满意的占七成", "七成", 7, "成", "exact"),
])
def test_figures_that_look_like_something_else(text, mention, value, unit, qualifier):
    found = {m.text: (m.kind, m.value, m.unit, m.qualifier) for m in extract_text(text)}
    assert found[mention][1:] == (value, unit, qualifier) and found[mention][0] in FIGURE_KINDS


@pytest.mark.parametrize("text, mention, value, unit", [
    ("各月排名均位列全区前十", "前十", 10, ""),
    ("第四季度进入全市前3名", "前3名", 3, "名"),
])
def test_a_place_among_the_first_is_a_rank_at_most(text, mention, value, unit):
    found = {m.text: (m.kind, m.value, m.unit, m.qualifier) for m in extract_text(text)}
    assert found[mention] == ("rank", value, unit, "at_most")


def test_orders_of_magnitude_and_sessions_are_not_counts():
    assert [m for m in extract_text("覆盖群众上千人次，落实六届七次全会精神") if m.kind in FIGURE_KINDS] == []


def test_traditional_characters_read_like_simplified():
    found = {m.text: (m.value, m.unit, m.qualifier) for m in extract_text("辦理1.8萬餘件，制定148項措施，開展兩次檢查")}
    assert found == {"1.8萬餘件": (18000, "件", "more_than"), "148項": (148, "项", "exact"),
                     "兩次": (2, "次", "exact")}


# ------------------------------------------------------------ texts refused

TRADITIONAL = ("自治區人民政府深入學習貫徹法治思想，推動法治政府建設取得新進展。全年辦理政務服務事項四百一十二萬件，"
               "出臺優化營商環境措施十五項，開展執法檢查兩次，發現問題三百一十六個，整改率達到百分之百。") * 3


def test_a_big5_text_is_refused_with_a_clear_error(tmp_path, capsys):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    with pytest.raises(ExtractError, match="Big5"):
        extract(path)
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Big5" in captured.err and "convert it to UTF-8" in captured.err and captured.out == ""


@pytest.mark.parametrize("text", ["行政復議案件同比下降12.4%", "法治政府建設年度報告"])
def test_even_a_short_big5_text_is_refused(tmp_path, text):
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode("big5"))
    with pytest.raises(ExtractError, match="Big5"):
        extract(path)


def test_traditional_text_in_gb18030_is_still_read(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes(TRADITIONAL.encode("gb18030"))
    assert [m.text for m in extract(path)] == [m.text for m in extract_text(TRADITIONAL)]


def test_a_table_flattened_one_cell_to_a_line_gives_each_value_its_column_unit():
    text = ("|\n行政检查数量（次） |\n|||\n|\n日常检查 |\n合计（次） |\n涉及金额（万元） |\n|\n"
            "36 |\n47 |\n2.5 |\n注：本表不含移送案件。\n")
    found = [(m.text, m.kind, m.value, m.unit) for m in extract_text(text) if m.kind in FIGURE_KINDS]
    assert found == [("36", "figure", 36, "次"), ("47", "figure", 47, "次"), ("2.5", "money", 2.5, "万元")]
    # without headers above it, a bare number on a line of its own is still no figure
    assert [m.kind for m in extract_text("36 |\n")] == ["name"]
