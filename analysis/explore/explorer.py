"""What the explorer shows for a choice of chapter, topic, keyword and language, as plain
functions: `select(Selection(...))` gives a `View` with the matching figures, the passages
of the text that match the keyword, the audit's findings on those figures and a chart.
The controls (`app`) only read and set these; tests use them without a browser."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from ..audit.checks import Finding
from ..briefing import findings as reader_findings
from ..briefing import views
from ..charts import frame as chart_frame
from ..charts.kinds import ranked_bar
from ..language.labels import Lang, check_lang
from ..tables.figures import load_figures, load_table
from .context import FigureCard, figure_card
from .search import Hits, find

MAX_BARS = 12  # a chart of more bars is no longer read
MAX_CARDS = 20  # figures shown in their paragraphs; the table lists them all
MAX_PASSAGES = 30
MAX_NAMED = 8  # figures left out of a chart named one by one; more are counted by unit
WORDS = {  # (zh, en)
    "all": ("全部", "All"),
    "figures": ("数字{}个", "figures: {}"),
    "passages": ("原文中其他匹配{}处", "other passages in the text: {}"),
    "findings": ("核查发现{}条", "audit findings: {}"),
    "no_figures": ("没有符合条件的数字。", "No figure matches."),
    "no_passages": ("原文中没有其他匹配。", "Nothing else in the text matches."),
    "no_keyword": ("输入关键词以检索全文。", "Type a keyword to search the whole text."),
    "no_findings": ("核查未涉及这些数字。", "The audit found nothing about these figures."),
    "no_chart": ("没有可绘制的数字。", "No figure to chart."),
    "more_cards": ("另有{}个数字见上表；缩小范围以查看其原文段落。",
                   "{} more figures are in the table; narrow the selection to see them in their paragraphs."),
    "more_passages": ("另有{}处未列出。", "{} more not listed."),
    "chart_title": ("所选数字（{}）", "Selected figures ({})"),
    "chart_top": ("数值最大的{}个，共{}个", "the largest {} of {}"),
    "left_out": ("另有{}个数字单位不同，未绘入图中：{}", "{} figures in other units are not in this chart: {}"),
    "left_out_many": ("另有{}个数字单位不同，未绘入图中（{}）；可在“图表单位”中选择。",
                      "{} figures in other units are not in this chart ({}); choose them under Chart unit."),
    "selection": ("选择：章节 {}；主题 {}；关键词 {}；语言 中文", "Selection: chapter {}; topic {}; keyword {}; language English"),
    "none": ("无", "none"),
    "chart": ("图表：{}", "Chart: {}"),
}


def word(key: str, lang: Lang, *args) -> str:
    return WORDS[key][0 if lang == "zh" else 1].format(*args)


@dataclass(frozen=True)
class Selection:
    """The explorer's controls: "" means all chapters, all topics, no keyword, and the
    chart's unit the most common one among the figures chosen."""

    chapter: str = ""
    topic: str = ""
    keyword: str = ""
    lang: Lang | None = None
    unit: str = ""


@dataclass
class View:
    """What the explorer shows for one selection."""

    selection: Selection
    figure_ids: list[str]
    passages: Hits
    findings: list[Finding]
    units: list[tuple[str, int]]  # (unit_en, figures), most common first
    chart_ids: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    @property
    def lang(self) -> Lang:
        return check_lang(self.selection.lang)

    def table(self) -> views.ReaderTable:
        return views.table(views.figure_frame(figure_ids=self.figure_ids, lang=self.lang), lang=self.lang)

    def cards(self) -> list[FigureCard]:
        return [figure_card(f) for f in self.figure_ids[:MAX_CARDS]]

    @property
    def unit(self) -> str:
        """The unit charted: the one chosen, or the most common."""
        return self.selection.unit or (self.units[0][0] if self.units else "")

    def chart(self) -> Figure | None:
        if not self.chart_ids:
            return None
        return _chart(tuple(self.chart_ids), self.lang, dict(self.units)[self.unit])

    def chart_note(self) -> str:
        if not self.left_out:
            return ""
        if len(self.left_out) <= MAX_NAMED:
            return word("left_out", self.lang, len(self.left_out), ", ".join(self.left_out))
        others = "; ".join(f"{u} {n}" for u, n in self.units if u != self.unit)
        return word("left_out_many", self.lang, len(self.left_out), others)

    def summary(self) -> str:
        lang = self.lang
        parts = [word("figures", lang, len(self.figure_ids)),
                 word("passages", lang, len(self.passages)), word("findings", lang, len(self.findings))]
        return " · ".join(parts)

    def findings_text(self) -> list[str]:
        return [f"[{reader_findings.severity(f, self.lang)}] {reader_findings.message(f, self.lang)}"
                f" ({f.finding_id})" for f in self.findings]

    def text(self) -> str:
        """The selection and what it shows, in words: what a checked notebook cell prints
        and what the explorer offers beside its chart."""
        lang, s = self.lang, self.selection
        none = word("none", lang)
        lines = [word("selection", lang, s.chapter or word("all", lang), s.topic or word("all", lang),
                      s.keyword or none), self.summary()]
        table = views.figure_frame(figure_ids=self.figure_ids, quote=False, lang=lang)
        lines += [f"- {fid}: {row['section']} {row['indicator']}: {row['amount']}"
                  for fid, row in table.iterrows()]
        if s.keyword:
            lines.append(self.passages.text(lang, limit=MAX_PASSAGES))
        lines += self.findings_text()
        fig = self.chart()
        if fig is not None:
            lines.append(word("chart", lang, fig.chart_info.alt_text))
            if self.chart_note():
                lines.append(self.chart_note())
        return "\n".join(lines)


def select(selection: Selection) -> View:
    """The figures, passages, findings and chart for a selection of the controls."""
    lang = check_lang(selection.lang)
    selection = replace(selection, lang=lang)
    figures = load_figures()
    chosen = figures
    if selection.chapter:
        _check(selection.chapter, chapters(lang), "chapter")
        chosen = chosen[chosen["chapter"] == selection.chapter]
    if selection.topic:
        _check(selection.topic, [t for _, t in topics("", lang)], "topic")
        chosen = chosen[chosen["topic"] == selection.topic]
    ids = chosen["figure_id"].tolist()
    passages = Hits(selection.keyword)
    if selection.keyword.strip():
        ranked = [h.item_id for h in find(selection.keyword, kinds=("figure",))]
        kept = set(ids)
        ids = [f for f in ranked if f in kept]
        passages = find(selection.keyword, kinds=("text", "section", "commitment", "measure", "non_figure"))
        if selection.chapter:
            passages = Hits(passages.query, [h for h in passages
                                             if h.section.startswith(selection.chapter)])
    findings = reader_findings.findings(ids) if ids else []  # most severe first
    rows = figures.set_index("figure_id").loc[ids] if ids else figures.iloc[0:0].set_index("figure_id")
    units = Counter(rows["unit_en"]).most_common()
    view = View(selection, ids, passages, findings, units)
    if units:
        unit = selection.unit or units[0][0]
        if unit not in dict(units):
            raise ValueError(f"no figure of the selection is in {unit!r}; its units: {[u for u, _ in units]}")
        same = rows[rows["unit_en"] == unit]
        view.chart_ids = same["value"].sort_values(ascending=False, kind="stable").index[:MAX_BARS].tolist()
        view.left_out = [f for f in ids if f not in set(same.index)]
    return view


def chapters(lang: Lang | None = None) -> list[tuple[str, str]]:
    """(label, value) for the chapter control: every level-one heading."""
    lang = check_lang(lang)
    sections = load_table("sections")
    top = sections[sections["level"] == 1]
    column = "heading" if lang == "zh" else "title_en"
    return [(word("all", lang), "")] + [
        (row[column] if lang == "zh" else f"{row['section']} {row['title_en']}", row["section"])
        for _, row in top.iterrows()]


def topics(chapter: str = "", lang: Lang | None = None) -> list[tuple[str, str]]:
    """(label, value) for the topic control: the topics with figures in the chapter."""
    lang = check_lang(lang)
    figures = load_figures()
    if chapter:
        figures = figures[figures["chapter"] == chapter]
    found = figures.drop_duplicates("topic")
    return [(word("all", lang), "")] + [(row[f"topic_{lang}"], row["topic"]) for _, row in found.iterrows()]


def _check(value: str, options: list, what: str) -> None:
    values = [v for _, v in options] if options and isinstance(options[0], tuple) else options
    if value not in values:
        raise ValueError(f"unknown {what} {value!r}; choose from {[v for v in values if v]}")


@lru_cache(maxsize=64)
def _chart(ids: tuple[str, ...], lang: Lang, total: int) -> Figure:
    figures = load_figures().set_index("figure_id").loc[list(ids)]
    title = word("chart_title", lang, figures["unit" if lang == "zh" else "unit_en"].iloc[0])
    subtitle = word("chart_top", lang, len(ids), total) if total > len(ids) else ""
    fig = ranked_bar(list(ids), lang=lang, title=title, subtitle=subtitle)
    plt.close(fig)  # kept by the cache, not by pyplot: a closed figure still renders and saves
    return fig


def png(fig: Figure) -> bytes:
    """The chart as the explorer shows it: PNG at screen resolution."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None}, bbox_inches=None)
    return buffer.getvalue()


def save_chart(view: View, out_dir: Path) -> dict[str, Path]:
    """Save the view's chart as PNG (300 dpi) and SVG, with its JSON description;
    returns the paths. The name says what was chosen."""
    fig = view.chart()
    if fig is None:
        raise ValueError(word("no_chart", view.lang))
    s = view.selection
    chapter = [v for _, v in chapters("en")].index(s.chapter) if s.chapter else 0
    parts = ["chart", chapter and f"chapter{chapter}", s.topic, s.keyword and "search",
             _slug(view.unit), view.lang]
    name = "-".join(str(p) for p in parts if p)
    files = chart_frame.save(fig, Path(out_dir), name)
    return {kind: Path(out_dir) / file for kind, file in files.items()}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def passages_html(view: View) -> str:
    lang = view.lang
    if not view.selection.keyword.strip():
        return f"<p>{word('no_keyword', lang)}</p>"
    if not len(view.passages):
        return f"<p>{word('no_passages', lang)}</p>"
    shown = view.passages.hits[:MAX_PASSAGES]
    more = len(view.passages) - len(shown)
    tail = f"<p>{word('more_passages', lang, more)}</p>" if more else ""
    return "".join(h.html(lang) for h in shown) + tail


def cards_html(view: View) -> str:
    lang = view.lang
    if not view.figure_ids:
        return f"<p>{word('no_figures', lang)}</p>"
    more = len(view.figure_ids) - MAX_CARDS
    tail = f"<p>{word('more_cards', lang, more)}</p>" if more > 0 else ""
    return "".join(card.html(lang) for card in view.cards()) + tail


def findings_html(view: View) -> str:
    if not view.findings:
        return f"<p>{word('no_findings', view.lang)}</p>"
    lang_attr = "zh-CN" if view.lang == "zh" else "en"
    return f'<ul lang="{lang_attr}">' + "".join(f"<li>{html.escape(t)}</li>" for t in view.findings_text()) + "</ul>"
