"""The one-page briefing, in Chinese or in English: a title block, the year in a few
messages (headline number, chart, interpretation), what the figures do not show, the
audit's caveats, and links to the full analysis."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt

from ..charts.catalogue import chart
from ..language.labels import Lang
from .facts import report_facts
from .html import FULL_PAGE, document, first_cell, mark_chinese
from .messages import Message, caveats, messages, not_shown
from .notebooks import notebook_paths
from .pictures import Picture, figure_html, picture

NUMERALS = "一二三四五六七八九十"


def page_name(lang: Lang) -> str:
    return f"briefing-{lang}.html"


WORDS = {
    "kicker": ("数据简报", "Briefing"),
    "title": ("{district}{year}年度法治政府建设情况", "Building a law-based government in {district}, {year}"),
    "report": ("报告", "Report"),
    "district": ("地区", "District"),
    "year": ("年度", "Year"),
    "source": ("来源", "Source"),
    "data_date": ("数据版本", "Data version"),
    "lede": ("本简报依据公开发布的{title}整理。简报所用数字均摘自原文或由原文数字计算得出，可逐一查到出处。以下{n}条"
             "要点各附一个关键数字和一幅图，并说明这些数字能说明什么、不能说明什么。",
             "This briefing reads the {title}, as published. Every number in it is either the report's own, "
             "traced to its text, or computed from the report's figures. Each of the {n} points below has a "
             "headline number and a chart, and says what the figures can and cannot show."),
    "more": ("详见完整分析（英文）第{part}部分", "More in the full analysis, part {part}"),
    "not_shown": ("数字未能反映的情况", "What the figures do not show"),
    "caveats": ("审核提示", "Caveats from the audit"),
    "full": ("完整分析", "The full analysis"),
    "full_intro": ("完整分析（英文）逐项列出报告的全部数字、图表和审核结果，共{n}个部分：",
                   "The full analysis gives every figure of the report, its charts and the whole audit, in "
                   "{n} parts:"),
    "other": ("English version", "中文版"),
}


def word(key: str, lang: Lang, **values) -> str:
    return WORDS[key][0 if lang == "zh" else 1].format(**values)


@lru_cache(maxsize=1)
def notebook_parts() -> tuple[tuple[str, str, str, tuple[str, ...], str], ...]:
    """(stem, number, title, chart ids it draws, text of its outputs) for each notebook."""
    parts = []
    for path in notebook_paths():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = ["".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells]
        number, title, *_ = first_cell(text[0], path.stem)
        code = "\n".join(t for c, t in zip(cells, text) if c["cell_type"] == "code")
        shown = json.dumps([c.get("outputs", []) for c in cells], ensure_ascii=False)
        parts.append((path.stem, number, title, tuple(re.findall(r"""chart\(\s*["'](\w+)["']""", code)), shown))
    return tuple(parts)


def _part_for(m: Message) -> tuple[str, str] | None:
    """(anchor, number) of the part of the full analysis that discusses a message: the first
    that draws its chart, else the first after the index that shows its first figure."""
    parts = notebook_parts()
    for stem, number, _, charts, _ in parts:
        if m.chart_id in charts:
            return stem, number
    for stem, number, _, _, shown in parts[1:]:
        if m.figure_ids and re.search(rf"\b{m.figure_ids[0]}\b", shown):
            return stem, number
    return None


def chart_pictures(lang: Lang, chart_ids: list[str]) -> dict[str, Picture]:
    pictures = {}
    for chart_id in chart_ids:
        fig = chart(chart_id, lang)
        pictures[chart_id] = picture(fig)
        plt.close(fig)
    return pictures


def _title_block(lang: Lang) -> str:
    facts = report_facts(lang)
    other = "en" if lang == "zh" else "zh"
    rows = [("report", facts.title), ("district", facts.district), ("year", str(facts.year)),
            ("source", facts.source), ("data_date", facts.data_date)]
    dl = "".join(f"<dt>{word(k, lang)}</dt><dd>{html.escape(v)}</dd>" for k, v in rows)
    other_attr = ' lang="en"' if other == "en" else ' lang="zh-CN"'
    return (f'<header class="title-block"><p class="kicker">{word("kicker", lang)}</p>'
            f'<h1>{html.escape(word("title", lang, district=facts.district_name, year=facts.year))}</h1>'
            f'<dl class="facts">{dl}</dl>'
            f'<p class="other-versions"><a href="{page_name(other)}"{other_attr}>{word("other", lang)}</a>'
            f' · <a href="{FULL_PAGE}">{word("full", lang)}</a></p></header>')


def _message(i: int, m: Message, pic: Picture, lang: Lang) -> str:
    number = f"{NUMERALS[i]}、" if lang == "zh" else f"{i + 1}. "
    where = _part_for(m)
    more = (f'<p class="more"><a href="{FULL_PAGE}#{where[0]}">{word("more", lang, part=where[1])}</a></p>'
            if where else "")
    text = ("" if lang == "zh" else " ").join(html.escape(s) for s in m.sentences)
    return (f'<section class="message" id="{m.message_id}">'
            # heading, number and chart print on one page: a heading never ends a page
            f'<div class="keep"><h2>{html.escape(number + m.heading)}</h2>'
            f'<p class="headline"><span class="number">{html.escape(m.headline)}</span>'
            f'<span class="what">{html.escape(m.headline_what)}</span></p>'
            f"{figure_html(pic, anchor=f'chart-{m.chart_id}')}</div>"
            f"<p>{text}</p>{more}</section>")


def _full_analysis(lang: Lang) -> str:
    parts = notebook_parts()
    items = "".join(f'<li><a href="{FULL_PAGE}#{stem}" lang="en">{html.escape(number)} · {html.escape(title)}</a></li>'
                    for stem, number, title, *_ in parts)
    return (f'<section class="full"><h2>{word("full", lang)}</h2>'
            f'<p>{word("full_intro", lang, n=len(parts))}</p><ul>{items}</ul></section>')


def render(lang: Lang, pictures: dict[str, Picture] | None = None) -> str:
    """The briefing page in one language. pictures: the message charts, rendered if absent."""
    found = messages(lang)
    pictures = pictures or chart_pictures(lang, [m.chart_id for m in found])
    facts = report_facts(lang)
    sections = [
        _title_block(lang),
        f'<p class="lede">{html.escape(word("lede", lang, title=facts.title, n=len(found)))}</p>',
        *(_message(i, m, pictures[m.chart_id], lang) for i, m in enumerate(found)),
        f'<section class="not-shown"><h2>{word("not_shown", lang)}</h2><ul>'
        + "".join(f"<li>{html.escape(s)}</li>" for s in not_shown(lang)) + "</ul></section>",
        f'<section class="caveats"><h2>{word("caveats", lang)}</h2><ul>'
        + "".join(f"<li>{html.escape(s)}</li>" for s in caveats(lang)) + "</ul></section>",
        _full_analysis(lang),
    ]
    body = "\n".join(sections)
    title = word("title", lang, district=facts.district_name, year=facts.year)
    return document(title, lang, body if lang == "zh" else mark_chinese(body))


def write(lang: Lang, out_dir: Path, pictures: dict[str, Picture] | None = None) -> Path:
    target = out_dir / page_name(lang)
    target.write_text(render(lang, pictures), encoding="utf-8")
    return target
