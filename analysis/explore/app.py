"""The explorer's controls (ipywidgets): chapter, topic, keyword, language and chart unit,
and what they show in tabs: the figures as an interactive table, the chart with a button that
saves it, the figures in their paragraphs, the passages of the text, the audit's findings and
the selection in words. Every answer comes from `explorer.select`; this module only wires.
A change redraws the tab in sight, and a tab is drawn when it is opened.

`Explorer()` in a notebook (or served by `make explore`) shows the app. Tests set the
controls' values and read `explorer.view` and the outputs' HTML, without a browser.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

import ipywidgets as w
from IPython.display import HTML, display

from ..language.labels import check_lang, current_language, set_language
from ..tables.figures import load_table
from . import explorer
from .explorer import Selection, chapters, select, topics
from .search import find

SAVE_DIR = Path(__file__).resolve().parents[2] / "build" / "explorer"
LABELS = {  # control and panel names, (zh, en)
    "chapter": ("章节", "Chapter"), "topic": ("主题", "Topic"), "keyword": ("关键词", "Keyword"),
    "placeholder": ("如：枫桥、复议、rate，按回车", "e.g. 枫桥, review, rate; press Enter"),
    "unit": ("图表单位", "Chart unit"), "save": ("保存图表（PNG和SVG）", "Save chart (PNG and SVG)"),
    "tabs": (("数字", "图表", "原文段落", "全文检索", "核查发现", "文字版"),
             ("Figures", "Chart", "In context", "In the text", "Audit findings", "In words")),
    "saved": ("已保存：", "Saved: "), "download": ("下载", "download"),
    "title": ("{title}：数据浏览", "{title}: explorer"),
    "help": ("选择章节或主题，或输入关键词（中文或英文）后按回车；下方各页分别显示数字、图表、原文段落、全文检索结果、"
             "核查发现和文字版。数字保留报告原有的“余”“多”“以上”和区间写法。",
             "Choose a chapter or a topic, or type a keyword in Chinese or English and press Enter; the tabs below "
             "show the figures, a chart, each figure in its paragraph, the rest of the text that matches, the "
             "audit's findings and the selection in words. Amounts keep the report's 余, 多, 以上 and ranges."),
}
# The checked text cell of the explorer notebook carries this tag; in the served app the live
# "In words" tab replaces it, so the app's style hides it (Voilà marks cells celltag_<tag>).
# The notebook's introduction, in English and about running it, is hidden there too: the app's
# heading says what to do in the language chosen.
TEXT_CELL_TAG = "explorer-text"
INTRO_CELL_TAG = "explorer-intro"
PASSAGES_TAB = 3
STYLE = f"<style>.celltag_{TEXT_CELL_TAG}, .celltag_{INTRO_CELL_TAG} {{display: none}}</style>"


def _l(key: str, lang: str):
    return LABELS[key][0 if lang == "zh" else 1]


class Explorer:
    """The app. Its controls are attributes (chapter, topic, keyword, language, unit, save);
    after any change, `view` holds what is shown and `seconds` how long the answer took."""

    def __init__(self, lang: str | None = None, save_dir: Path = SAVE_DIR, **selection):
        lang = check_lang(lang)
        set_language(lang)
        self.save_dir = Path(save_dir)
        self._quiet = True
        self._unit_choice = ""
        self._stale: set[int] = set()
        self.language = w.ToggleButtons(options=[("English", "en"), ("中文", "zh")], value=lang)
        self.chapter = w.Dropdown()
        self.topic = w.Dropdown()
        self.keyword = w.Text(continuous_update=False)
        self.unit = w.Dropdown()
        self.save = w.Button(layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.heading = w.HTML()
        self.table_out = w.Output()
        self.table_html = ""
        self.chart_image = w.Image(format="png", layout=w.Layout(width="630px"))  # its own size
        self.chart_note = w.HTML()
        self.saved = w.HTML()
        self.cards = w.HTML()
        self.passages = w.HTML()
        self.findings = w.HTML()
        self.words = w.HTML()
        self.tabs = w.Tab(children=[
            self.table_out,
            w.VBox([w.HBox([self.unit, self.save]), self.chart_image, self.chart_note, self.saved]),
            self.cards, self.passages, self.findings, self.words])
        self._relabel(lang)
        self.chapter.value = selection.get("chapter", "")
        self._topics()
        self.topic.value = selection.get("topic", "")
        self.keyword.value = selection.get("keyword", "")
        for control in (self.chapter, self.topic, self.keyword, self.unit):
            control.observe(self._changed, names="value")
        self.language.observe(self._language, names="value")
        self.save.on_click(self._save)
        self.tabs.observe(self._tab, names="selected_index")
        self.ui = w.VBox([self.heading, w.HBox([self.chapter, self.topic]),
                          w.HBox([self.keyword, self.language]), self.status, self.tabs],
                         layout=w.Layout(width="100%"))
        self._quiet = False
        find("warm")  # builds the search index now, so that the first keyword answers at once
        self.update()

    def _ipython_display_(self):
        display(self.ui)

    # ------------------------------------------------------------ answering changes

    def selection(self) -> Selection:
        return Selection(self.chapter.value or "", self.topic.value or "", self.keyword.value or "",
                         self.language.value, self._unit_choice)

    def update(self) -> None:
        """Recompute the view from the controls and redraw the tab in sight; the others are
        drawn when the reader opens them."""
        start = time.perf_counter()
        self.view = view = select(self.selection())
        self._units(view)
        self.status.value = f"<b>{html.escape(view.summary())}</b>"
        self._stale = set(range(len(self.tabs.children)))
        self.save.disabled = not view.chart_ids
        if not view.figure_ids and len(view.passages):  # only the text names it: show the text
            self.tabs.selected_index = PASSAGES_TAB
        self._draw(self.tabs.selected_index or 0)
        self.seconds = time.perf_counter() - start

    def _draw(self, tab: int) -> None:
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        view, lang = self.view, self.view.lang
        if tab == 0:
            self.table_html = view.table()._repr_html_()
            # set as the widget's state, not captured from a kernel's output: the same in and
            # out of a kernel, and no capture for a notebook runner to wait on
            self.table_out.outputs = ()
            self.table_out.append_display_data(HTML(self.table_html))
        elif tab == 1:
            fig = view.chart()
            self.chart_image.value = explorer.png(fig) if fig is not None else b""
            self.chart_image.layout.display = "" if fig is not None else "none"
            note = view.chart_note() if fig is not None else explorer.word("no_chart", lang)
            self.chart_note.value = f"<small>{html.escape(note)}</small>"
        elif tab == 2:
            self.cards.value = explorer.cards_html(view)
        elif tab == 3:
            self.passages.value = explorer.passages_html(view)
        elif tab == 4:
            self.findings.value = explorer.findings_html(view)
        else:
            self.words.value = (f'<pre lang="{"zh-CN" if lang == "zh" else "en"}" '
                                f'style="white-space:pre-wrap">{html.escape(view.text())}</pre>')

    def _tab(self, change) -> None:
        start = time.perf_counter()
        self._draw(change["new"] or 0)
        self.seconds = time.perf_counter() - start

    def _changed(self, change) -> None:
        if self._quiet:
            return
        if change["owner"] is self.chapter:
            self._quiet = True
            self._topics()
            self._quiet = False
        # a unit the reader picked holds until the selection changes, which charts its most common
        self._unit_choice = change["new"] if change["owner"] is self.unit else ""
        self.saved.value = ""
        self.update()

    def _language(self, change) -> None:
        set_language(change["new"])
        self._quiet = True
        self._relabel(change["new"])
        self._quiet = False
        find("warm")  # builds the search index now, so that the first keyword answers at once
        self.update()

    def _save(self, _button=None) -> dict:
        files = explorer.save_chart(self.view, self.save_dir)
        lang = self.view.lang
        links = " · ".join(
            f'<a download="{p.name}" href="data:{mime};base64,{_b64(p)}">{p.suffix[1:].upper()}</a>'
            for p, mime in ((files["png"], "image/png"), (files["svg"], "image/svg+xml")))
        self.saved.value = (f"<small>{_l('saved', lang)}{html.escape(str(files['png'].parent))}/"
                            f"{html.escape(files['png'].stem)}.png, .svg · {_l('download', lang)}: {links}</small>")
        return files

    # -------------------------------------------------------------- control labels

    def _relabel(self, lang: str) -> None:
        chapter = self.chapter.value
        self.chapter.options = chapters(lang)
        self.chapter.value = chapter or ""
        self._topics()
        for name in ("chapter", "topic", "keyword", "unit"):
            getattr(self, name).description = _l(name, lang)
        self.keyword.placeholder = _l("placeholder", lang)
        self.save.description = _l("save", lang)
        for i, title in enumerate(_l("tabs", lang)):
            self.tabs.set_title(i, title)
        title = load_table("reports").iloc[0][f"title_{lang}"]  # the report's own title, never typed here
        lang_attr = "zh-CN" if lang == "zh" else "en"
        self.heading.value = (f'{STYLE}<div lang="{lang_attr}"><h3 style="margin:0.2em 0">'
                              f"{html.escape(_l('title', lang).format(title=title))}</h3>"
                              f'<p style="margin:0.2em 0 0.6em">{html.escape(_l("help", lang))}</p></div>')
        for control in (self.chapter, self.topic, self.unit):
            control.style.description_width = "initial"
        self.chapter.layout.width = "22em"
        self.topic.layout.width = "26em"
        self.keyword.layout.width = "26em"  # wide enough for its example, in either language

    def _topics(self) -> None:
        topic = self.topic.value
        options = topics(self.chapter.value or "", self.language.value)
        self.topic.options = options
        self.topic.value = topic if topic in [v for _, v in options] else ""

    def _units(self, view) -> None:
        quiet, self._quiet = self._quiet, True
        lang = view.lang
        units = load_table("units").drop_duplicates("unit_en").set_index("unit_en")["unit"]
        options = [(f"{units.get(u, u) if lang == 'zh' else u} ({n})", u) for u, n in view.units]
        self.unit.options = options or [("—", "")]
        self.unit.value = view.unit if options else ""
        self._quiet = quiet


def _b64(path: Path) -> str:
    import base64

    return base64.b64encode(path.read_bytes()).decode("ascii")


def explore(lang: str | None = None, **selection) -> Explorer:
    """The explorer, started in the current language (or lang) and an optional selection
    (chapter="一、", topic="mediation", keyword="枫桥")."""
    return Explorer(lang or current_language(), **selection)
