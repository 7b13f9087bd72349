"""Chinese text that users read uses full-width punctuation between Chinese words: no
half-width comma, semicolon, colon, question or exclamation mark, and no half-width bracket
opening or closing beside Chinese. The report's own outline markers ((一), 2.2)) and quotes
from the report stay as the report writes them (its text uses half-width punctuation)."""

import re

import pytest

import analysis
from analysis.audit.checks import audit
from analysis.briefing import messages, onepage
from analysis.charts import catalogue

HAN = r"\u4e00-\u9fff"
HALF = re.compile(rf"(?<=[{HAN}“”（）])\s?[,;:?!]\s?(?=[{HAN}“（])"   # 区,县 / 口径:按
                  rf"|(?<=[{HAN}])\((?=[{HAN}\d])"                     # 未成年人(学生
                  rf"|(?<=[{HAN}])\)(?=[{HAN}，。；、])")                 # 学生)90人
OUTLINE = re.compile(r"\([一二三四五六七八九十]+\)")


def _raw() -> str:
    package = analysis.tables.package.load_package()
    return "\n".join(package.raw.values())


def half_width(text: str, raw: str) -> list[str]:
    """The places in text where half-width punctuation stands between Chinese words, leaving
    out outline markers and quotations that are the report's own words."""
    text = OUTLINE.sub("", text)
    text = re.sub(r"“([^“”]*)”", lambda m: "“”" if m.group(1) and m.group(1) in raw else m.group(0), text)
    return [text[max(0, m.start() - 12):m.end() + 12] for m in HALF.finditer(text)]


def test_the_rule_catches_half_width_and_spares_the_reports_own_words():
    raw = "区公安局20件,区生态环境局1件"
    assert half_width("纠错率口径未说明,按通行口径计算", raw)
    assert half_width("口径:直接纠错数", raw) and half_width("未成年人(学生)", raw)
    assert not half_width("纠错率口径未说明，按通行口径计算；第一部分(一)2.2)", raw)
    assert not half_width("报告写“区公安局20件,区生态环境局1件”。", raw)
    assert half_width("报告写“不在原文中,是转述”。", raw)


def briefing_texts() -> list[str]:
    texts = [t for key in onepage.WORDS for t in [onepage.WORDS[key][0]]]
    for m in messages.messages("zh"):
        texts += [m.heading, m.headline, m.headline_what, *m.sentences]
    return texts + messages.not_shown("zh") + messages.caveats("zh")


def test_chinese_briefing_text_uses_full_width_punctuation():
    raw = _raw()
    found = [hit for text in briefing_texts() for hit in half_width(text, raw)]
    assert not found, found


@pytest.mark.parametrize("chart_id", [spec.chart_id for spec in catalogue.CATALOGUE])
def test_chinese_chart_texts_use_full_width_punctuation(chart_id):
    import matplotlib.pyplot as plt
    fig = catalogue.chart(chart_id, "zh")
    info = fig.chart_info
    plt.close(fig)
    raw = _raw()
    texts = [info.title, info.subtitle, info.source, info.note, info.alt_text]
    found = [hit for text in texts for hit in half_width(text, raw)]
    assert not found, found


def test_the_audits_chinese_messages_use_full_width_punctuation():
    raw = _raw()
    findings = audit()
    assert findings
    found = [(f.finding_id, hit) for f in findings for hit in half_width(f.message_zh, raw)]
    assert not found, found
