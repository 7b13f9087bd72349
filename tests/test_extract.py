"""The extractor: what the genre writes, the vendored report against its curated tables,
bad input, arbitrary input."""

import csv
import io
import subprocess
import sys

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import DATA_DIR, load_package
from analysis.__main__ import main
from analysis.extract import ExtractError, draft_rows, extract, extract_text
from analysis.extract.evaluate import evaluate
from analysis.language.numbers import chinese_to_int
from analysis.tables.schema import read_table
from analysis.tables.source import locate

RAW = DATA_DIR / "raw" / "ganxian-2020-rule-of-law-report.txt"


def one(text, kind=None):
    found = [m for m in extract_text(text) if kind is None or m.kind == kind]
    assert len(found) == 1, [(m.text, m.kind) for m in extract_text(text)]
    return found[0]


@pytest.mark.parametrize("text, mention, value, unit, qualifier, kind", [
    ("全年共办理群众诉求5169件,满意度", "5169件", 5169, "件", "exact", "figure"),
    ("共受理案件１５０６件。", "１５０６件", 1506, "件", "exact", "figure"),
    ("涉案金额1,234,567元。", "1,234,567元", 1234567, "元", "exact", "money"),
    ("调解成功率达98.7%。", "98.7%", 98.7, "%", "exact", "percentage"),
    ("满意度为９６％。", "９６％", 96, "%", "exact", "percentage"),
    ("上报信用数据440多万条。", "440多万条", 4_400_000, "条", "more_than", "figure"),
    ("完成投资1.35亿元。", "1.35亿元", 135_000_000, "元", "exact", "money"),
    ("涉案金额达21万余元。", "21万余元", 210_000, "元", "more_than", "money"),
    ("出庭应诉率达80%以上。", "80%以上", 80, "%", "at_least", "percentage"),
    ("培训近300人。", "300人", 300, "人", "approximately", "figure"),
    ("约50个单位参加。", "50个", 50, "个", "approximately", "figure"),
    ("培训超过300人。", "300人", 300, "人", "more_than", "figure"),
    ("覆盖率不低于90%。", "90%", 90, "%", "at_least", "percentage"),
    ("全年共5个左右。", "5个左右", 5, "个", "approximately", "figure"),
    ("有20多项高频事项。", "20多项", 20, "项", "more_than", "figure"),
    ("接待2500余人次。", "2500余人次", 2500, "人次", "more_than", "figure"),
    ("企业开办压缩至2个工作日。", "2个工作日", 2, "个工作日", "exact", "figure"),
    ("经费补助为2000/月。", "2000/月", 2000, "元/月", "exact", "money"),
    ("全区十九个乡镇。", "十九个", 19, "个", "exact", "figure"),
    ("开展两次督察。", "两次", 2, "次", "exact", "figure"),
    ("举办三期培训班。", "三期", 3, "期", "exact", "figure"),
    ("排名全省第21位。", "第21位", 21, "位", "exact", "rank"),
])
def test_what_the_genre_writes(text, mention, value, unit, qualifier, kind):
    m = one(text, kind)
    assert (m.text, m.value, m.unit, m.qualifier) == (mention, value, unit, qualifier)
    assert text[m.start:m.end] == mention
    assert m.sentence and mention in m.sentence


def test_ranges():
    m = one("各乡镇安排了1-2名法律服务志愿者。")
    assert (m.value, m.value_high, m.qualifier, m.unit) == (1, 2, "range", "名")
    date = one("9月29-30日举办培训。")
    assert date.kind == "date" and date.text == "9月29-30日"


def test_before_and_after_pairs_are_two_linked_mentions():
    found = extract_text("审批事项由69项增加至616项，办理时限从21个工作日压缩至2个工作日。")
    pairs = [(m.text, m.role, m.pair_id) for m in found]
    assert pairs == [("69项", "before", "p1"), ("616项", "after", "p1"),
                     ("21个工作日", "before", "p2"), ("2个工作日", "after", "p2")]
    assert [m.value for m in found] == [69, 616, 21, 2]


@pytest.mark.parametrize("text, mention, value, unit", [
    ("收案数同比增长12.5%。", "12.5%", 12.5, "%"),
    ("比上年下降3个百分点。", "3个百分点", 3, "个百分点"),
])
def test_year_on_year_changes(text, mention, value, unit):
    m = one(text, "change")
    assert (m.text, m.value, m.unit) == (mention, value, unit)


@pytest.mark.parametrize("text, kind, mention, reading", [
    ("911日,区委中心组召开会议", "date", "911日", "9月11日"),
    ("根据我区202093日区长专题办公会", "date", "202093日", "2020年9月3日"),
    ("1017日区政府常务会", "date", "1017日", "10月17日"),
    ("929-30日举办培训", "date", "929-30日", "9月29-30日"),
    ("(赣县法委字20209号)", "document_number", "20209号", "〔2020〕9号"),
    ("(赣府发〔2021〕12号)", "document_number", "〔2021〕12号", ""),
    ("2020年9月3日召开", "date", "2020年9月3日", ""),
])
def test_dates_and_document_numbers_including_damaged_ones(text, kind, mention, reading):
    m = one(text, kind)
    assert (m.text, m.reading) == (mention, reading)
    assert not [x for x in extract_text(text) if x.kind in ("figure", "percentage", "money")]


def test_years_names_and_identifiers_are_not_figures():
    text = "2021年推进“12345”政府服务热线，制定3.0建设工作方案，建设24小时自助服务区，第110次常务会。"
    kinds = {m.text: m.kind for m in extract_text(text)}
    assert kinds == {"2021": "year", "12345": "name", "3.0": "name", "24小时": "name",
                     "第110次": "name"}


def test_outline_markers_and_section_paths():
    text = "一、主要举措\n(一)完善体系。\n1.优化职能。\n2)推进改革。全区共15起。\n二、亮点\n一是加大力度。\n"
    found = extract_text(text)
    markers = [(m.text, m.kind) for m in found if m.kind == "outline_marker"]
    assert markers == [("一、", "outline_marker"), ("(一)", "outline_marker"), ("1.", "outline_marker"),
                       ("2)", "outline_marker"), ("二、", "outline_marker"), ("一是", "outline_marker")]
    figure = one(text, "figure")
    assert figure.section == "一、(一)1.2)"


def test_web_markup_and_odd_spacing_are_handled():
    text = '<p style="font-size:16px">全区共受理案件 15 起，&nbsp;满意度 96 %</p>\r\n'
    found = extract_text(text)
    assert [(m.text, m.value) for m in found] == [("15 起", 15), ("96 %", 96)]


def test_chinese_numerals_that_name_things_are_not_figures():
    text = "推进五大领域改革，落实“三项制度”，贯彻党的十九大精神，统一标准，一体化运行，下一年度。"
    assert [m for m in extract_text(text) if m.kind == "figure"] == []


def test_chinese_numerals_agree_with_cn2an_below_ten_thousand():
    # The package reads Chinese numerals itself (cn2an's import alone costs more than the
    # whole data load); cn2an, the maintained library, is the reference it must match.
    disagreements = [n for n in range(10_000) if chinese_to_int(cn2an.an2cn(n)) != n]
    assert disagreements == []
    for word in ("两", "两百", "十五", "一千零一"):
        assert chinese_to_int(word) == cn2an.cn2an(word, "smart")


# ----------------------------------------------------------- the vendored report

@pytest.fixture(scope="module")
def evaluation():
    return evaluate("ganxian-2020")


def test_every_curated_figure_is_found_at_its_place(evaluation):
    assert evaluation.misses == []
    assert evaluation.recall == 1.0


def test_precision_is_measured_and_above_target(evaluation):
    print(f"\nextractor on ganxian-2020: {evaluation.summary()}")
    for false in evaluation.false_figures:
        print(f"  called a figure, not curated: {false}")
    assert evaluation.precision > 0.95


def test_non_figures_agree_with_the_curated_table(evaluation):
    assert evaluation.non_figure_disagreements == []


def test_utf8_and_gb18030_give_the_same_mentions(tmp_path):
    gb = tmp_path / "report-gb18030.txt"
    gb.write_bytes(RAW.read_text(encoding="utf-8").encode("gb18030"))
    assert list(extract(gb)) == list(extract(RAW))


def read_back_draft(rows, folder):
    """Write draft rows as figures.csv and read them with the package's figures schema."""
    with open(folder / "figures.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    resource = next(r for r in load_package().descriptor["resources"] if r["name"] == "figures")
    return read_table(folder, resource)


def test_draft_validates_once_a_curator_fills_it(tmp_path):
    rows = draft_rows(RAW, "ganxian-2020")
    assert rows and all(r["topic"] == "" and r["indicator_zh"] == "" for r in rows)
    for row in rows:  # what a curator would do
        row.update(topic="hotline", indicator_zh="指标", indicator_en="indicator", period="unstated")
    typed, problems = read_back_draft(rows, tmp_path)
    assert problems == []
    raw = RAW.read_text(encoding="utf-8")
    for row in typed:
        assert locate(raw, row, "figures.csv", problems) is not None
    assert problems == []


def test_an_unfilled_draft_fails_with_named_fields(tmp_path):
    _, problems = read_back_draft(draft_rows(RAW, "ganxian-2020")[:1], tmp_path)
    assert {(p.field, p.rule) for p in problems} == {
        ("topic", "required"), ("indicator_zh", "required"), ("indicator_en", "required"),
        ("period", "required")}


# ------------------------------------------------------------------ bad input

@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"   \n\n  ", "only white space"),
    (b"\x7fELF\x02\x01\x00\x00binary", "binary file"),
    ("统计数据".encode("utf-16"), "UTF-16"),
    (b"\xfa\xfb\x80\x81\x82\xff", "neither UTF-8 nor GB18030"),
])
def test_bad_input_gets_a_clear_error(tmp_path, content, message, capsys):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(ExtractError, match=message):
        list(extract(path))
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_missing_file(capsys):
    assert main(["extract", "no/such/report.txt"]) == 1
    assert "No such file" in capsys.readouterr().err


def test_command_writes_csv_and_json(tmp_path):
    out = tmp_path / "mentions.json"
    assert main(["extract", str(RAW), "--report-id", "ganxian-2020", "--format", "json",
                 "-o", str(out)]) == 0
    import json
    mentions = json.loads(out.read_text(encoding="utf-8"))
    assert mentions[0]["report_id"] == "ganxian-2020"
    result = subprocess.run([sys.executable, "-m", "analysis", "extract", str(RAW)],
                            capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(mentions)


# ------------------------------------------------------------ arbitrary input

@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    for m in extract_text(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "No", "Nl", "Cs")), max_size=40),
       st.integers(min_value=1, max_value=999_999),
       st.sampled_from(["件", "人", "个", "项", "条"]),
       st.text(alphabet=st.characters(blacklist_categories=("Nd", "No", "Nl", "Cs")), max_size=40))
def test_an_embedded_figure_is_found(before, number, unit, after):
    # "共" and "。" fence the figure off from whatever random text surrounds it
    text = f"{before}\n全区共{number}{unit}。{after}"
    start = len(before) + len("\n全区共")
    found = [m for m in extract_text(text) if m.start == start]
    assert len(found) == 1
    assert (found[0].value, found[0].unit, found[0].kind) == (number, unit, "figure")
