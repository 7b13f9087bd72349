"""The glossary: one English name per term, used the same way in prose and in the data's labels."""

import re

import nbformat
import pytest

import analysis
from analysis.briefing.notebooks import notebook_paths
from analysis.language.numbers import chinese_to_int
from analysis.tables.glossary import english, load_glossary, lookup, parenthesised_terms, term_problems

PATHS = notebook_paths()


def prose(path) -> str:
    return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_every_chinese_term_in_parentheses_is_in_the_glossary_with_its_english(path):
    assert term_problems(prose(path)) == []


def test_the_notebooks_give_terms_in_parentheses():
    # the check above is not vacuous: the prose does use the convention
    assert sum(len(parenthesised_terms(prose(p))) for p in PATHS) >= 3 * len(PATHS)


@pytest.mark.parametrize("text", [
    "The district ran double-random inspections (双随机、一公开).",
    "Four cases were terminated (终止), a closed outcome.",
    "Its **double-random inspections** (“双随机、一公开”) and its “sunshine government” (阳光政府).",
    "Township people's mediation committees (调委会) mediate.",  # an alias, a plural
    "The section (二、(一)) and the slogan 一村(居)一辅警 are not terms.",
])
def test_prose_that_follows_the_glossary_passes(text):
    assert term_problems(text) == []


@pytest.mark.parametrize("text, words", [
    ("Inspections of random items (双随机、一公开).", "double-random inspections"),
    ("The report aims to end one-person offices (一人所).", "one-person judicial office"),
    ("Cases still open (终止).", "'terminated'"),
    ("A made-up reform (不存在的改革).", "is not in the glossary"),
    ("Cases unrevoked (撤销).", "'revoked'"),  # the English must start a word
])
def test_prose_that_departs_from_the_glossary_is_named(text, words):
    problems = term_problems(text)
    assert len(problems) == 1 and words in problems[0], problems


def test_lookup_by_term_or_alias():
    assert english("双随机一公开") == english("“双随机、一公开”") == lookup("双随机、一公开")["term_en"]
    with pytest.raises(KeyError, match="not in the glossary"):
        lookup("不存在的改革")


def test_each_chinese_form_names_one_term():
    glossary = load_glossary()
    forms = glossary["term_zh"].tolist()
    for aliases in glossary["aliases_zh"].dropna():
        forms += aliases.split("|")
    assert [f for f in set(forms) if forms.count(f) > 1] == []
    assert all(f == f.strip() and f for f in forms)


def test_entries_are_one_line_and_usable_in_prose():
    glossary = load_glossary()
    for column in ["term_en", "definition_en", "definition_zh", "source", "source_zh"]:
        assert not glossary[column].str.contains("\n").any(), column
    # the English must be matchable in prose: no parentheses, no quotation marks around it
    assert not glossary["term_en"].str.contains(r"[()\"“”]").any()
    assert (glossary["definition_en"].str.len() <= 300).all()


def test_document_numbers_in_sources_are_well_formed():
    # 国办发〔2015〕58号, 国务院令第310号, 法释〔2020〕3号: never a bare or bracketless number
    for source in load_glossary()["source"]:
        for number in re.findall(r"\S*\d+号", source):
            assert re.search(r"〔\d{4}〕\d+号$|令第\d+号$", number), (number, source)


_TITLE = re.compile(r"《[^》]+》")
_ARTICLE_EN = re.compile(r"Art\. (\d+)")
_ARTICLE_ZH = re.compile(r"第([零一二三四五六七八九十百]+)条")
_SECTION_EN = re.compile(r"section ([一二三四五六七八九十]+)、?((?:\([一二三四五六七八九十]+\))?(?:\d+\.(?:\d+\))?)?)")
_BARE_YEAR = re.compile(r"(?<![\d〔])\d{4}(?![\d年〕—])")  # 2018—2020年 is a range of years
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b")


def source_zh_problems(source: str, source_zh: str) -> list[str]:
    """How a Chinese source departs from its English: a title, an article, a number or a section of
    the report that the two do not share, English left in it, or half-width punctuation."""
    problems = []
    if not re.search(r"[\u4e00-\u9fff]", source_zh or ""):
        return ["no Chinese"]
    if re.search(r"[A-Za-z]", source_zh):
        problems.append("English left in it")
    if re.search(r"[,;:]", source_zh):
        problems.append("half-width punctuation")
    problems += [f"title {title} missing" for title in _TITLE.findall(source) if title not in source_zh]
    articles = [chinese_to_int(n) for n in _ARTICLE_ZH.findall(_TITLE.sub("", source_zh))]
    if articles != [int(n) for n in _ARTICLE_EN.findall(source)]:
        problems.append(f"articles {articles}")
    # numbers in figures: an article is 第…条 and an ordinal 十九大, so neither counts; a month is 12月
    english = _ORDINAL.sub("", _ARTICLE_EN.sub("", source))
    months = [str(_MONTHS.index(m) + 1) for m in re.findall("|".join(_MONTHS), english)]
    numbers = sorted(re.findall(r"\d+", english) + months)
    if sorted(re.findall(r"\d+", source_zh)) != numbers:
        problems.append(f"numbers differ from {numbers}")
    chinese_numerals = {chinese_to_int(n) for n in re.findall(r"[一二三四五六七八九十百]+", source_zh)}
    problems += [f"ordinal {n} missing" for n in _ORDINAL.findall(source) if int(n) not in chinese_numerals]
    if _BARE_YEAR.search(_TITLE.sub("", source_zh)):
        problems.append("a year without 年")
    problems += [f"section {part}{rest} missing" for part, rest in _SECTION_EN.findall(source)
                 if f"本报告第{part}部分{rest}" not in source_zh]
    return problems


def test_every_term_has_a_chinese_source_true_to_its_english():
    glossary = load_glossary()
    wrong = {row.term_id: source_zh_problems(row.source, row.source_zh) for row in glossary.itertuples()}
    assert {term: p for term, p in wrong.items() if p} == {}


@pytest.mark.parametrize("source, source_zh, words", [
    ("《中华人民共和国行政复议法》(1999, amended 2009 and 2017), Art. 28",
     "《中华人民共和国行政复议法》（1999年公布，2009年、2017年修正）第二十七条", "articles [27]"),
    ("《信访条例》(国务院令第431号, 2005)", "《信访条例》（国务院令第431号，2006年）", "numbers differ"),
    ("《信访条例》(国务院令第431号, 2005)", "《行政复议法实施条例》（国务院令第431号，2005年）", "title 《信访条例》 missing"),
    ("中共中央、国务院, December 2015", "中共中央、国务院，2015", "a year without 年"),
    ("Common usage", "Common usage", "no Chinese"),
    ("Common usage; 《信访条例》(2005)", "Common usage; 《信访条例》（2005年）", "English left in it"),
    ("中共中央、国务院, December 2015", "中共中央、国务院, 2015年12月", "half-width punctuation"),
    ("The report, section 一、(三)1.2)", "本报告第一部分(三)1.1)", "section 一(三)1.2) missing"),
    ("The report, section 二、(一)", "本报告第二部分", "section 二(一) missing"),
    ("Communist Party of China, October 2017", "中国共产党，2017年11月", "numbers differ"),
    ("Report to the 19th National Congress of the Communist Party of China (2017)", "党的十八大报告（2017年）",
     "ordinal 19 missing"),
])
def test_a_chinese_source_that_drifts_from_its_english_is_named(source, source_zh, words):
    assert any(words in p for p in source_zh_problems(source, source_zh)), source_zh_problems(source, source_zh)


def test_a_source_that_is_only_the_report_says_so():
    glossary = load_glossary()
    report_only = glossary[glossary["source_kind"] == "report"]
    assert report_only["source"].str.contains("report").all()


TERMS_THE_ANALYSIS_USES = [
    "放管服", "双随机、一公开", "两库", "两法衔接", "行政复议", "维持", "撤销", "变更", "确认违法", "责令履行",
    "责令重新作出", "驳回", "终止", "待办", "行政复议纠错率", "直接纠错", "间接纠错", "出庭应诉", "人民调解",
    "法律援助", "法律明白人", "枫桥经验", "网格化", "好差评", "编制", "人次", "一人所", "无人所", "三项制度",
    "三定", "七所八站", "多网合一", "雪亮工程", "访调对接", "容缺审批", "承诺制", "双公示", "信易+", "五型政府",
    "六稳", "六保", "第一责任人", "个",
]


@pytest.mark.parametrize("term", TERMS_THE_ANALYSIS_USES)
def test_the_terms_the_analysis_relies_on_are_defined(term):
    row = lookup(term)
    assert row["definition_en"] and row["definition_zh"] and row["source"]


def test_review_decisions_belong_to_administrative_review():
    glossary = load_glossary().set_index("term_id")
    decisions = glossary[glossary["kind"] == "decision"]
    assert set(decisions["broader"]) == {lookup("行政复议")["term_id"]}


def test_labels_of_topics_and_indicators_use_the_glossary_english():
    """A topic or an indicator named by a glossary term carries that term's English."""
    wrong = []
    for topic in analysis.load_table("topics").itertuples():
        try:
            term = lookup(topic.topic_zh.strip("“”"))
        except KeyError:
            continue
        if not re.fullmatch(rf"{re.escape(term['term_en'])}s?", topic.topic_en, flags=re.I):
            wrong.append((topic.topic, topic.topic_en, term["term_en"]))
    for figure in analysis.load_figures().itertuples():
        try:
            term = lookup(figure.indicator_zh)
        except KeyError:
            continue
        if not re.search(rf"{re.escape(term['term_en'])}(s|es)?$", figure.indicator_en, flags=re.I):
            wrong.append((figure.figure_id, figure.indicator_en, term["term_en"]))
    assert wrong == []
