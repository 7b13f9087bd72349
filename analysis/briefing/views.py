"""Tables for readers of notebooks and briefings: figures with their amounts, and any table
formatted for reading.

A reader's table is a pandas Styler (`to_html`, `to_excel` as usual) that shows itself in a
notebook as a searchable, sortable table (itables, offline: the DataTables library travels
inside the page, no CDN), every row on one page so that a printed page holds them all. Its
column names, amounts and controls follow the language setting.

For print CSS: the table sits in `div.reader-table`; its controls are `.dt-search`,
`.dt-info` and the sort arrows `.dt-column-order` (hide them in print). The library, sent
once per kernel with the first table, is in `div.reader-table-library`.
"""

from __future__ import annotations

import re

import pandas as pd
from pandas.io.formats.style import Styler

from ..language import labels
from ..language.labels import Lang, check_lang
from ..tables.figures import load_figures

# Column names readers see, (zh, en); a column not listed keeps its own name.
COLUMN_NAMES = {
    "figure_id": ("数据编号", "Figure id"),
    "section": ("章节", "Section"),
    "indicator": ("指标", "Indicator"),
    "indicator_zh": ("指标", "Indicator (Chinese)"),
    "indicator_en": ("指标（英文）", "Indicator"),
    "amount": ("数值", "Amount"),
    "amount_zh": ("数值", "Amount (Chinese)"),
    "amount_en": ("数值（英文）", "Amount"),
    "quote": ("原文", "Quote"),
    "topic": ("主题", "Topic"),
    "unit": ("单位", "Unit"),
    "value": ("数字", "Value"),
    "qualifier": ("限定", "Qualifier"),
    "severity": ("级别", "Severity"),
    "verdict": ("结论", "Verdict"),
    "message": ("说明", "Finding"),
    "finding_id": ("核查编号", "Finding id"),
    # measures, commitments, citations and the plan's tasks
    "kind": ("类型", "Kind"),
    "label_zh": ("名称", "Name"),
    "label_en": ("名称（英文）", "Name"),
    "summary_en": ("内容（英文）", "What it says"),
    "figure_ids": ("相关数据编号", "Figures that measure it"),
    "what_it_shows": ("说明（英文）", "What it shows"),
    "name_en": ("所引内容（英文）", "What is cited"),
    "heading": ("标题", "Heading"),
    "title_en": ("标题（英文）", "Title"),
    "period": ("时间范围", "Time frame"),
    "note": ("说明", "Note"),
}
# Columns whose text is Chinese whatever the language (the report's own words).
CHINESE_COLUMNS = {"section", "quote", "indicator_zh", "amount_zh", "mention", "heading", "label_zh"}
# DataTables' own words (search box, row count), in Chinese; English is its default.
DATATABLES_ZH = {
    "search": "搜索：", "info": "共 _TOTAL_ 行", "infoEmpty": "共 0 行",
    "infoFiltered": "（从 _MAX_ 行中筛选）", "zeroRecords": "没有匹配的行", "emptyTable": "无数据",
}
SMALL = 10  # rows that need no search box


class ReaderTable(Styler):
    """A Styler that shows itself in Jupyter as an interactive table, and prints as text."""

    lang: Lang = "en"
    chinese: frozenset = frozenset()  # shown column names holding Chinese text

    def _repr_html_(self) -> str:
        return interactive(self.data, self.lang, self.chinese, static=self.to_html())

    def __repr__(self) -> str:
        shown = self.data.copy()
        for column in shown:
            if _whole(shown[column]):
                shown[column] = shown[column].astype("Int64")
        return shown.to_string(index=False, na_rep="")


# Codes of the data (kinds of measures, commitments and their links, what a figure measures, its
# qualifier, kinds of non-figures) as a reader reads them (zh, en).
KIND_WORDS = {
    "institution": ("机构", "institution"), "rule": ("制度", "rule"), "campaign": ("专项活动", "campaign"),
    "mechanism": ("工作机制", "mechanism"), "service": ("服务", "service"), "oversight": ("监督", "oversight"),
    "training": ("培训", "training"), "claim": ("表述", "claim"),
    "shortcoming": ("不足", "shortcoming"), "priority": ("下一年度安排", "priority"),
    "input": ("投入", "input"), "output": ("产出", "output"), "outcome": ("成效", "outcome"),
    "context": ("背景", "context"),
    # what a figure measures, its qualifier, and the kinds of numbers that are not figures
    "count": ("计数", "count"), "percent": ("比率", "rate"), "money": ("金额", "money"),
    "duration": ("时长", "duration"), "exact": ("确数", "exact"), "more_than": ("余、多（多于）", "more than (余, 多)"),
    "at_least": ("以上（不少于）", "at least (以上)"), "about": ("约、近", "about (约, 近)"), "range": ("区间", "range"),
    "outline_marker": ("标题序号", "outline marker"), "year": ("年份", "year"), "date": ("日期", "date"),
    "name": ("名称中的数字", "number in a name"), "category_label": ("类别名称", "category label"),
    "ordinal": ("序数", "ordinal"), "document_number": ("文号", "document number"),
    "ratio_base": ("比例基数", "base of a ratio"), "version": ("版本号", "version"),
    "page_metadata": ("网页信息", "web page furniture"), "fragment": ("残缺数字", "fragment"),
    # what the report cites, and how a task of the national outline is documented
    "doctrine": ("指导思想", "doctrine"), "document": ("文件", "document"), "goal": ("目标", "goal"),
    "law": ("法律法规", "law"), "meeting": ("会议", "meeting"), "policy": ("政策", "policy"),
    "numbers": ("有数字", "numbers"), "words": ("仅有文字", "words only"), "none": ("未涉及", "not documented"),
}
# Columns whose values are such codes: a reader's table shows them as words.
CODED_COLUMNS = ("kind", "evidence", "qualifier")


def kinds(values, lang: Lang | None = None) -> list[str]:
    """Kind codes (campaign, input …) as words in the language; an unknown code stays as it is."""
    zh = check_lang(lang) == "zh"
    return [KIND_WORDS[v][0 if zh else 1] if v in KIND_WORDS else v for v in values]


def figure_table(topics: list[str] | None = None, figure_ids: list[str] | None = None,
                 report: str | None = None, quote: bool = True) -> ReaderTable:
    """The figures of some topics (or ids), in report order, as a reader's table in the
    current language: section, indicator, amount with its qualifier, the quote, the id."""
    return table(figure_frame(topics, figure_ids, report, quote))


def figure_frame(topics: list[str] | None = None, figure_ids: list[str] | None = None,
                 report: str | None = None, quote: bool = True, lang: Lang | None = None) -> pd.DataFrame:
    """figure_table's data as a DataFrame indexed by figure id."""
    lang = check_lang(lang)
    figures = load_figures(report)
    if topics is not None:
        unknown = sorted(set(topics) - set(figures["topic"]))
        if unknown:
            raise KeyError(f"unknown topics {unknown}; known: {sorted(set(figures['topic']))}")
        figures = figures[figures["topic"].isin(topics)]
    if figure_ids is not None:
        figures = figures.set_index("figure_id").loc[figure_ids].reset_index()
    frame = pd.DataFrame({
        "figure_id": figures["figure_id"],
        "section": figures["section"],
        "indicator": figures[f"indicator_{lang}"],
        # 21万余元 as the report writes it, not 210000余元; in English 210,000+ yuan
        "amount": [labels.amount(f, lang, compact=lang == "zh" and float(f["value"]) % 10_000 == 0)
                   for _, f in figures.iterrows()],
    })
    if quote:
        frame["quote"] = figures["quote"].to_numpy()
    return frame.set_index("figure_id")


def table(frame: pd.DataFrame | Styler, lang: Lang | None = None,
          names: dict[str, tuple[str, str]] | None = None) -> ReaderTable:
    """A table formatted for reading: no row index, whole numbers without a decimal point,
    column names in the language, text left-aligned, the figure id last."""
    lang = check_lang(lang)
    if isinstance(frame, Styler):  # a reader's table already: take its data again
        frame = frame.data
    shown = frame.reset_index() if frame.index.name or any(frame.index.names) else frame.reset_index(drop=True)
    if "figure_id" in shown:
        shown = shown[[c for c in shown if c != "figure_id"] + ["figure_id"]]
    coded = [c for c in CODED_COLUMNS if c in shown and pd.api.types.is_string_dtype(shown[c])]
    if coded:
        shown = shown.assign(**{c: kinds(shown[c], lang) for c in coded})
    wanted = {**COLUMN_NAMES, **(names or {})}
    renamed = {c: wanted[c][0 if lang == "zh" else 1] for c in shown if c in wanted}
    chinese = frozenset(renamed.get(c, c) for c in shown if c in CHINESE_COLUMNS)
    shown = shown.rename(columns=renamed)
    whole = {c: "{:.0f}" for c in shown if _whole(shown[c])}
    styled = ReaderTable(shown)
    styled.lang, styled.chinese = lang, chinese
    return (styled.hide(axis="index").format(whole, na_rep="")
            .set_uuid("reader").set_properties(**{"text-align": "left"}))


def _whole(column: pd.Series) -> bool:
    return pd.api.types.is_float_dtype(column) and column.dropna().apply(float.is_integer).all()


_library_sent = False
# itables' links to its own help pages (a reader's table needs none, and no page opens offline)
_ITABLES_LINKS = re.compile(r"<sup>(?:(?!</sup>).)*itables\.org(?:(?!</sup>).)*</sup>|\s*\(need <a href=https://itables\.org/[^>]*>help</a>\?\)",
                            re.DOTALL)


def interactive(frame: pd.DataFrame, lang: Lang, chinese: frozenset = frozenset(),
                static: str | None = None) -> str:
    """The frame as an offline DataTables table: sortable, searchable when long, every row
    on one page. The library goes out with the first table of the kernel's life. Where no
    script runs, the static table shows instead: `static` (the Styler's HTML) when given,
    which `static_tables` gives back to pages that want no script."""
    global _library_sent
    from itables import JavascriptFunction, to_html_datatable

    shown = frame.copy()
    for column in shown:
        if _whole(shown[column]):
            shown[column] = shown[column].astype("Int64")
        elif not pd.api.types.is_numeric_dtype(shown[column]):  # a missing text shows blank, not NaN
            shown[column] = shown[column].fillna("")
    shown.columns = [str(c) for c in shown.columns]
    options = {
        "connected": False, "paging": False, "maxBytes": 0, "showIndex": False,
        "display_logo_when_loading": False, "classes": "display compact",
        "style": "table-layout:auto;width:100%;margin:0;text-align:left",
        "layout": {"topStart": None, "topEnd": "search" if len(shown) > SMALL else None,
                   "bottomStart": "info" if len(shown) > SMALL else None, "bottomEnd": None},
        "columnDefs": [{"targets": "_all", "className": "dt-left"}],
    }
    paths = [i for i, c in enumerate(shown.columns) if c in (COLUMN_NAMES["section"])]
    if paths:  # a section path reads as one word: 一、(一)1.2)
        options["columnDefs"].insert(0, {"targets": paths, "className": "dt-left reader-nowrap"})
    if lang == "zh":
        options["language"] = DATATABLES_ZH
    elif chinese:  # Chinese cells in an English table: say so, or browsers pick Japanese glyphs
        targets = [i for i, c in enumerate(shown.columns) if c in chinese]
        options["columnDefs"].append({"targets": targets, "createdCell": JavascriptFunction(
            "function (td) { td.setAttribute('lang', 'zh-CN'); }")})
    body = _ITABLES_LINKS.sub("", to_html_datatable(shown, **options))
    if static is not None:  # the reader's static table in place of itables' preview
        start = body.index('_fallback">') + len('_fallback">')
        end = body.index("</div><script>", start)
        body = f'{body[:start]}<div class="reader-table-static">{static}</div>{body[end:]}'
    library = ""
    if not _library_sent:
        library = f'<div class="reader-table-library">{_library()}</div>'
        _library_sent = True
    page_lang = "zh-CN" if lang == "zh" else "en"
    style = "<style>.reader-table .reader-nowrap { white-space: nowrap; }</style>"
    return f'{library}<div class="reader-table" lang="{page_lang}">{style}{body}</div>'


def _library() -> str:
    """DataTables as itables ships it, inlined (itables' init_notebook_mode, without display)."""
    from itables import javascript, options

    init = javascript.read_package_file("html/init_datatables.html")
    init = javascript.replace_value(
        init, "import { set_or_remove_dark_class } from '" + javascript.UNPKG_DT_BUNDLE_URL_NO_VERSION + "';",
        "const { set_or_remove_dark_class } = await window." + javascript._itables_underscore_version() + ";")
    offline = javascript.generate_init_offline_itables_html(options.dt_bundle)
    return init + re.sub(r"<noscript>.*?</noscript>", "", offline, flags=re.DOTALL)  # itables' logo


_STATIC = re.compile(r'<div class="reader-table-static">(.*?)</div>', re.DOTALL)


def static_tables(fragment: str) -> str:
    """An output's HTML with each interactive reader table replaced by its static table, and
    no script: for pages that must not run any (the full analysis page). Other HTML is
    returned as it is."""
    if 'class="reader-table"' not in fragment:
        return fragment
    return "\n".join(_STATIC.findall(fragment))
