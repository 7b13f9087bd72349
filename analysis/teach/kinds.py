"""The kinds of question: a number, a choice, a piece of text, a quote from the report, a
table (DataFrame), a chart, exported chart files, a curated figure row, a list of
mentions, and a sentence stating a finding.

Each kind judges an answer against what the package computes, and gives a generic hint
when the answer is wrong in a way no listed mistake describes.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pandas as pd

from ..charts.frame import source_line
from ..language.labels import Lang, check_lang, current_language
from ..tables.package import load_package
from .core import BLANK, Exercise, Mistake, Result, Text, normal
from .helpers import ROW_FIELDS, as_row, cell, get_figure, validate_row

G = {  # generic hints, by what is wrong
    "type": Text("Your answer is {what}; this question wants {want}.",
                 "你的答案是{what}，这道题要的是{want}。"),
    "series_one": Text("Your answer is a column holding one value: take the value out, e.g. with .iloc[0].",
                       "你的答案是只有一个值的一列（Series），请把这个值取出来，例如用 .iloc[0]。"),
    "number_off": Text("Your answer, {yours}, is not it. {hint}", "你的答案是 {yours}，不对。{hint}"),
    "letters": Text("Answer with {count} of the letters {letters}, in quotes, e.g. \"a\".",
                    "请用字母 {letters} 中的{count}作答，放在引号中，例如 \"a\"。"),
    "one": Text("one", "一个"),
    "some": Text("one or more", "一个或几个"),
    "quoted_number": Text("You wrote the number as text in quotes (“{yours}”): write it without quotes{percent}, "
                          "e.g. {number}.", "你把数字写成了带引号的文字（“{yours}”）：请去掉引号{percent}，直接写数，例如 {number}。"),
    "no_percent": Text(" and without the unit", "和单位"),
    "inexact": Text("Your answer is a quantity with words (“{shown}”), which a plain number would drop. Use "
                    "analysis.value(...) for the number, and keep the words in mind when you read it.",
                    "你的答案是带限定词的数量（“{shown}”），直接当成一个数会丢掉限定词。请用 analysis.value(...) 取数值，"
                    "解读时记住这些限定词。"),
    "percent_fraction": Text("Your answer, {yours}, is a fraction: the report writes rates in percent, so "
                             "multiply by 100.", "你的答案 {yours} 是小数形式；报告的比率以百分数表示，请乘以100。"),
    "rounded": Text("Your answer, {yours}, is rounded too far: the check compares the computed value. Hand in "
                    "the result of the calculation itself, without round(), or keep at least two decimals.",
                    "你的答案 {yours} 四舍五入得太多了；这里核对的是计算结果。请直接提交计算出的值，不要用 round()，"
                    "或者至少保留两位小数。"),
    "rounded_column": Text("Do not round: the check compares the computed values.",
                           "不要四舍五入：这里核对的是计算出的值。"),
    "series_text": Text("Your answer is a column holding one text: take the text out, e.g. with .iloc[0].",
                        "你的答案是只有一个值的一列（Series），请把这段文字取出来，例如用 .iloc[0]。"),
    "choice_off": Text("{hint}", "{hint}"),
    "missing_some": Text("Part of the answer: another option is right as well. {hint}",
                         "只答对了一部分，还有别的选项也对。{hint}"),
    "text_off": Text("“{yours}” is not it. {hint}", "“{yours}”不对。{hint}"),
    "not_in_text": Text("These words are not in the report, character for character. Copy them from the "
                        "text rather than typing: the report writes commas and brackets half-width (, and ()).",
                        "报告原文中找不到这段文字（须逐字一致）。请从原文复制，不要自己输入：报告里的逗号、括号都是半角的（, 和 ()）。"),
    "not_unique": Text("These words occur {n} times in the report; a quote must point to one place. "
                       "Take a few more characters around the number.",
                       "这段文字在报告中出现了 {n} 次，引文必须只指向一处。请连同数字前后多取几个字。"),
    "no_mention": Text("The quote does not contain the number as the report writes it.",
                       "引文中没有报告所写的这个数字。"),
    "not_frame": Text("a table (a DataFrame)", "一张表（DataFrame）"),
    "series_frame": Text("Your answer is one column (a Series), not a table: turn it into a table with "
                         ".reset_index() or .to_frame().",
                         "你的答案是一列（Series），不是一张表：可以用 .reset_index() 或 .to_frame() 变成表。"),
    "styled": Text("Hand in the table itself, not its formatted view: leave out .style and views.table().",
                   "请提交表格本身，而不是格式化后的显示：去掉 .style 或 views.table()。"),
    "missing_column": Text("The table has no column {columns}. {hint}", "表中缺少列 {columns}。{hint}"),
    "extra_rows": Text("The table has rows that should not be there: {rows}.", "表中有不该有的行：{rows}。"),
    "missing_rows": Text("The table lacks rows: {rows}.", "表中缺少这些行：{rows}。"),
    "duplicate_rows": Text("Some rows appear twice: {rows}.", "有些行出现了两次：{rows}。"),
    "wrong_values": Text("Column {column} is wrong in row {row}: {yours}.", "列 {column} 在 {row} 这一行的值不对：{yours}。"),
    "not_figure": Text("a chart (the Figure a chart function returns)", "一张图（图表函数返回的 Figure）"),
    "no_bars": Text("The chart has no bars. Draw it with one of the chart functions of analysis.charts.",
                    "图中没有条形。请用 analysis.charts 里的图表函数来画。"),
    "wrong_bars": Text("The bars show {shown}, which are not the figures asked for. {hint}",
                       "图中的条形是 {shown}，不是题目要的数字。{hint}"),
    "no_source": Text("The chart has no source line. A briefing chart names the report and section it comes "
                      "from; the chart functions of analysis.charts write it for you.",
                      "图中没有来源说明。简报用图要写明出自报告哪一部分；analysis.charts 的图表函数会自动加上。"),
    "wrong_source": Text("The source line does not name this report and section in the right language: "
                         "it should read “{source}”.",
                         "来源说明与本报告、本部分或语言不符，应为“{source}”。"),
    "no_title": Text("The chart has no title. Give it one that says what the reader should see.",
                     "图没有标题。请写一个说明读者应看到什么的标题。"),
    "title_language": Text("The title is not in {language}: this chart is for {language} readers.",
                           "标题不是{language}的，这张图是给{language}读者看的。"),
    "zh": Text("Chinese", "中文"),
    "en": Text("English", "英文"),
    "no_export": Text("Exercise {id}: not answered yet. Save the charts into {folder} with charts.save, then "
                      "run the cell again.",
                      "练习 {id}：尚未作答。请先用 charts.save 把图保存到 {folder}，再运行本单元格。"),
    "export_missing": Text("No chart in {language} was saved in {folder} with this chart's source line; "
                           "save the {language} version too.",
                           "{folder} 中没有这张图的{language}版（以来源说明为准），请把{language}版也保存进去。"),
    "export_files": Text("The chart {name} lacks its PNG or SVG file: save it again with charts.save.",
                         "图 {name} 缺少 PNG 或 SVG 文件，请用 charts.save 重新保存。"),
    "not_row": Text("a figure row (a dict with one entry per field)", "一行数字记录（每个字段一项的字典）"),
    "missing_fields": Text("The row lacks the fields {fields}.", "这一行缺少字段 {fields}。"),
    "invalid": Text("The package's validator rejects the row: {problem}.", "数据包的校验不通过：{problem}。"),
    "field_off": Text("The field {field} is {yours}. {hint}", "字段 {field} 的值是 {yours}，不对。{hint}"),
    "not_items": Text("a list of the mentions, as text", "一个由数字原文组成的列表"),
    "items_values": Text("List the mentions as the text writes them (the text column, e.g. “23名”), not their "
                         "values.", "请列出数字在原文中的写法（text 列，例如“23名”），而不是数值（value 列）。"),
    "no_folder": Text("Exercise {id}: not answered yet. Save the charts with charts.save into the folder EXPORTS, "
                      "then hand in EXPORTS itself: e{episode}.q{n}.check(EXPORTS).",
                      "练习 {id}：尚未作答。请先用 charts.save 把图保存到 EXPORTS 文件夹，再提交这个文件夹："
                      "e{episode}.q{n}.check(EXPORTS)。"),
    "extra_items": Text("{items}: {what}", "{items}：{what}"),
    "leave_out": Text("Leave these out.", "请去掉这些。"),
    "missing_items": Text("Something is missing: the paragraph has {n} figure(s) you did not list. {hint}",
                          "还缺：这段话里还有 {n} 个数字你没有列出。{hint}"),
    "not_sentence": Text("a sentence (text in quotes)", "一句话（放在引号中的文字）"),
    "empty_sentence": Text("The sentence is empty: write the finding between the quotes.", "引号里还是空的：请把结论写进去。"),
    "no_f": Text("The sentence still shows {braces}: put an f before the opening quote (f\"…\") so that Python "
                 "fills in the computed numbers.",
                 "句子里还留着 {braces}：请在左引号前加 f（写成 f\"……\"），Python 才会把算出的数字填进去。"),
    "sentence_language": Text("Write the sentence in {language}, for the readers of this notebook.",
                              "请用{language}写这句话，这本笔记的读者读{language}。"),
    "untraced": Text("The sentence gives {numbers}, which the computation above does not produce. Every number "
                     "in a finding must come from the data or from a calculation on it.",
                     "这句话里的 {numbers} 不是上面计算得出的。结论中的每个数字都必须来自数据或由数据算出。"),
    "missing_number": Text("The sentence should give {what}.", "这句话应写出{what}。"),
}


def _say(key: str, **values) -> str:
    return G[key](**values)


def _join(*parts: str) -> str:
    """Sentences joined as the language joins them: a space in English, nothing in Chinese."""
    return ("" if current_language() == "zh" else " ").join(p for p in parts if p)


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) or \
        type(x).__module__ == "numpy" and hasattr(x, "dtype") and x.dtype.kind in "iuf"


KINDS = [  # what an answer is, in words a learner knows, most specific first
    (lambda a: a is None, Text("None (nothing)", "空值 None（什么也没有）")),
    (lambda a: isinstance(a, bool), Text("True or False", "真假值（True/False）")),
    (lambda a: isinstance(a, str), Text("text in quotes", "带引号的文字")),
    (lambda a: _is_number(a), Text("a number", "一个数")),
    (lambda a: isinstance(a, pd.DataFrame), Text("a table (a DataFrame)", "一张表（DataFrame）")),
    (lambda a: isinstance(a, pd.Series), Text("a column of values (a Series)", "一列数值（Series）")),
    (lambda a: type(a).__name__ == "Styler", Text("a formatted table", "格式化后的表格")),
    (lambda a: isinstance(a, dict), Text("a dict", "一个字典（dict）")),
    (lambda a: isinstance(a, (list, tuple, set)), Text("a list", "一个列表")),
    (lambda a: type(a).__name__ == "Quantity", Text("a quantity with its words", "带限定词的数量")),
    (lambda a: type(a).__name__ in ("Figure", "Axes"), Text("a chart", "一张图")),
    (lambda a: isinstance(a, Path), Text("a folder or file path", "一个文件夹或文件路径")),
]


def describe(answer: Any) -> str:
    """What an answer is, in the current language: never a bare Python type name alone."""
    for test, words in KINDS:
        if test(answer):
            return words()
    return Text("a value of type {name}", "{name} 类型的值")(name=type(answer).__name__)


NUMBER_TEXT = re.compile(r"^\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*(%|percent|percentage points?|个百分点|百分点)?\s*$")


def as_number(answer: Any) -> float | str:
    """The answer as a float, or a hint saying what it is instead."""
    if _is_number(answer):
        return float(answer)
    if type(answer).__name__ == "Quantity":  # analysis.quantity(...): a number only if it is exact
        try:
            return float(answer)
        except TypeError:
            return _say("inexact", shown=str(answer))
    if isinstance(answer, pd.Series) and len(answer) == 1 and _is_number(answer.iloc[0]):
        return _say("series_one")
    if isinstance(answer, str):
        found = NUMBER_TEXT.match(normal(answer).replace("，", ","))
        if found:
            return _say("quoted_number", yours=answer.strip(), number=found.group(1).replace(",", ""),
                        percent=_say("no_percent") if found.group(2) else "")
    return _say("type", what=describe(answer), want=Text("a number", "一个数")())


def show_number(x: float, places: int) -> str:
    return f"{x:,.{places}f}".rstrip("0").rstrip(".") if places else f"{x:,.0f}"


# --------------------------------------------------------------------- number


@dataclass(kw_only=True)
class Number(Exercise):
    """A number within a tolerance suited to it: 0 for a count, a few hundredths for a rate."""

    expected: Callable[[], float]
    tolerance: float = 0.0
    places: int = 2  # how the guide and solution() show it
    unit: Text | None = None

    def value(self) -> float:
        return float(self.expected())

    def judge(self, answer: Any) -> Result:
        number = as_number(answer)
        if isinstance(number, str):
            return self.wrong(number, "not_a_number")
        expected = self.value()
        if abs(number - expected) <= self.tolerance + 1e-9:
            return self.right()
        if self.in_percent() and abs(100 * number - expected) <= self.tolerance + 1e-9:
            return self.wrong(_say("percent_fraction", yours=show_number(number, 4)), "fraction")
        if any(number == round(expected, places) for places in range(3)):
            return self.wrong(_say("rounded", yours=show_number(number, 4)), "rounded")
        return self.wrong(_say("number_off", yours=show_number(number, 4), hint=self.say(self.hint_text)), "generic")

    def in_percent(self) -> bool:
        return self.unit is not None and self.unit.en.strip() in ("%", "percentage points")

    def same(self, answer: Any, other: Any) -> bool:
        number = as_number(answer)
        return not isinstance(number, str) and abs(number - float(other)) <= max(self.tolerance, 1e-9)

    def answer_text(self, lang: Lang | None = None) -> str:
        unit = self.unit(lang) if self.unit else ""
        return f"{show_number(self.value(), self.places)}{unit}"


# --------------------------------------------------------------------- choice


@dataclass(kw_only=True)
class Choice(Exercise):
    """One letter (or, with multiple=True, every right letter) among the options shown by
    show(). Options may hold {names} filled from values(), computed from the package."""

    choices: dict[str, Text]
    correct: Callable[[], str | set[str]]
    multiple: bool = False

    def show(self) -> None:
        """Print the options in the notebook's language."""
        print("\n".join(f"{k}) {self.option(k)}" for k in self.choices))

    def option(self, key: str, lang: Lang | None = None) -> str:
        return self.say(self.choices[key], lang)

    def right_keys(self) -> set[str]:
        keys = self.correct()
        return set(keys) if not isinstance(keys, str) else {keys}

    def parse(self, answer: Any) -> set[str] | None:
        if isinstance(answer, str):
            letters = [c for c in normal(answer).lower() if c.isalnum()]
        elif isinstance(answer, (list, tuple, set)) and all(isinstance(a, str) for a in answer):
            letters = [normal(a).lower() for a in answer]
        else:
            return None
        if not letters or any(k not in self.choices for k in letters):
            return None
        if not self.multiple and len(letters) != 1:
            return None
        return set(letters)

    def judge(self, answer: Any) -> Result:
        chosen = self.parse(answer)
        if chosen is None:
            count = G["some" if self.multiple else "one"]()
            return self.wrong(_say("letters", count=count, letters=", ".join(self.choices)), "letters")
        right = self.right_keys()
        if chosen == right:
            return self.right()
        if chosen < right:
            return self.wrong(_say("missing_some", hint=self.say(self.hint_text)), "part")
        for extra in sorted(chosen - right):  # a wrong option chosen: the hint written for that option
            for mistake in self.mistakes:
                letters = set(mistake.key.removeprefix("option-"))
                if mistake.hint is not None and mistake.key.startswith("option-") and letters - right == {extra}:
                    return self.wrong(self.say(mistake.hint), f"option-{extra}")
        return self.wrong(_say("choice_off", hint=self.say(self.hint_text)), "generic")

    def same(self, answer: Any, other: Any) -> bool:
        return self.parse(answer) == self.parse(other)

    def answer_text(self, lang: Lang | None = None) -> str:
        return "; ".join(f"{k}) {self.option(k, lang)}" for k in sorted(self.right_keys()))


def option_mistakes(hints: dict[str, tuple[Text, Text]]) -> list[Mistake]:
    """One mistake per wrong option: {letter: (what they were thinking, the hint they get)}."""
    return [Mistake(f"option-{k}", (lambda k=k: k), why, hint) for k, (why, hint) in hints.items()]


# ----------------------------------------------------------------------- text


@dataclass(kw_only=True)
class Words(Exercise):
    """A short text (a section path, a reading), compared with full-width forms folded
    and spaces ignored."""

    expected: Callable[[], str]

    def judge(self, answer: Any) -> Result:
        if isinstance(answer, pd.Series) and len(answer) == 1 and isinstance(answer.iloc[0], str):
            return self.wrong(_say("series_text"), "series")
        if not isinstance(answer, str):
            return self.wrong(_say("type", what=describe(answer), want=Text("text in quotes", "带引号的文字")()),
                              "not_text")
        if normal(answer) == normal(self.expected()):
            return self.right()
        return self.wrong(_say("text_off", yours=answer, hint=self.say(self.hint_text)), "generic")

    def same(self, answer: Any, other: Any) -> bool:
        return isinstance(answer, str) and normal(answer) == normal(other)

    def answer_text(self, lang: Lang | None = None) -> str:
        return self.expected()


@dataclass(kw_only=True)
class Quote(Exercise):
    """A quote for a figure: words of the report, found once in its raw text, holding the
    figure's mention. The package's own rule for every quote."""

    figure_id: str

    def judge(self, answer: Any) -> Result:
        if not isinstance(answer, str):
            return self.wrong(_say("type", what=describe(answer), want=Text("text in quotes", "带引号的文字")()),
                              "not_text")
        figure = get_figure(self.figure_id)
        raw = load_package().raw[figure["report_id"]]
        quote = answer.strip()
        count = raw.count(quote) if quote else 0
        if count == 0:
            return self.wrong(_say("not_in_text"), "not_in_text")
        if count > 1:
            return self.wrong(_say("not_unique", n=count), "not_unique")
        if figure["mention"] not in quote:
            return self.wrong(_join(_say("no_mention"), self.say(self.hint_text)), "no_mention")
        return self.right()

    def same(self, answer: Any, other: Any) -> bool:
        return isinstance(answer, str) and answer.strip() == other

    def answer_text(self, lang: Lang | None = None) -> str:
        return get_figure(self.figure_id)["quote"]


# ---------------------------------------------------------------------- table


@dataclass(kw_only=True)
class Frame(Exercise):
    """A DataFrame: the expected columns, the rows named by key, the values (numbers
    within tolerance). A missing column, wrong rows and wrong values get their own hints."""

    expected: Callable[[], pd.DataFrame]
    key: list[str]
    tolerance: float = 0.01
    column_hints: dict[str, Text] = field(default_factory=dict)

    def judge(self, answer: Any) -> Result:
        frame = self._frame(answer)
        if isinstance(frame, Result):
            return frame
        problem = self._diff(frame, self.expected())
        if problem is None:
            return self.right()
        reason, hint = problem
        return self.wrong(hint, reason)

    def same(self, answer: Any, other: Any) -> bool:
        frame = self._frame(answer)
        return not isinstance(frame, Result) and self._diff(frame, other, extra_columns=False) is None

    def _frame(self, answer: Any) -> pd.DataFrame | Result:
        if type(answer).__name__ == "Styler":
            return self.wrong(_say("styled"), "styled")
        if isinstance(answer, pd.Series):
            return self.wrong(_say("series_frame"), "series")
        if not isinstance(answer, pd.DataFrame):
            return self.wrong(_say("type", what=describe(answer), want=_say("not_frame")), "not_a_frame")
        names = [n for n in answer.index.names if n is not None]
        return answer.reset_index() if names else answer.reset_index(drop=True)

    def _diff(self, frame: pd.DataFrame, expected: pd.DataFrame,
              extra_columns: bool = True) -> tuple[str, str] | None:
        missing = [c for c in expected.columns if c not in frame.columns]
        if missing:
            hints = _join(*(self.say(self.column_hints[c]) for c in missing if c in self.column_hints))
            return "missing_column", _say("missing_column", columns=", ".join(missing), hint=hints).strip()
        if not extra_columns and set(frame.columns) != set(expected.columns):
            return "columns", ""
        yours, wanted = self._keyed(frame), self._keyed(expected)
        if yours.index.has_duplicates:
            rows = sorted({_key(k) for k in yours.index[yours.index.duplicated()]})
            return "duplicate_rows", _say("duplicate_rows", rows=", ".join(rows[:4]))
        extra = [k for k in yours.index if k not in wanted.index]
        lacking = [k for k in wanted.index if k not in yours.index]
        if extra:
            return "wrong_rows", _say("extra_rows", rows=", ".join(_key(k) for k in extra[:4]))
        if lacking:
            return "wrong_rows", _say("missing_rows", rows=", ".join(_key(k) for k in lacking[:4]))
        for column in [c for c in expected.columns if c not in self.key]:
            for k in wanted.index:
                a, b = yours.at[k, column], wanted.at[k, column]
                if not _equal(a, b, self.tolerance):
                    shown = show_number(float(a), 4) if _is_number(a) else str(a)
                    if _is_number(a) and _is_number(b) and any(float(a) == round(float(b), p) for p in range(3)):
                        return "rounded", _join(_say("wrong_values", column=column, row=_key(k), yours=shown),
                                                _say("rounded_column"))
                    hint = self.column_hints.get(column)
                    return "wrong_values", _join(_say("wrong_values", column=column, row=_key(k), yours=shown),
                                                 self.say(hint) if hint else "")
        return None

    def _keyed(self, frame: pd.DataFrame) -> pd.DataFrame:
        keys = [frame[k].map(lambda v: normal(v) if isinstance(v, str) else v) for k in self.key]
        index = pd.MultiIndex.from_arrays(keys) if len(keys) > 1 else pd.Index(keys[0])
        return frame.set_axis(index, axis=0)

    def answer_text(self, lang: Lang | None = None) -> str:
        return markdown_table(self.expected())


def _key(k: Any) -> str:
    return " / ".join(map(str, k)) if isinstance(k, tuple) else str(k)


def _equal(a: Any, b: Any, tolerance: float) -> bool:
    if _is_number(a) and _is_number(b):
        if math.isnan(float(b)):
            return math.isnan(float(a))
        return abs(float(a) - float(b)) <= tolerance + 1e-9
    if isinstance(a, str) and isinstance(b, str):
        return normal(a) == normal(b)
    return a == b


def markdown_table(frame: pd.DataFrame) -> str:
    def cell(v):
        return show_number(float(v), 2) if _is_number(v) else str(v)
    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


# ---------------------------------------------------------------------- chart


def _cjk(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _language(lang: Lang, other: bool) -> Lang:
    return ("en" if lang == "zh" else "zh") if other else lang


def bar_values(fig) -> list[float]:
    """The values the bars of a chart show, read from its axes."""
    from matplotlib.container import BarContainer

    return sorted(float(v) for ax in fig.axes for c in ax.containers
                  if isinstance(c, BarContainer) for v in c.datavalues)


def chart_texts(fig) -> tuple[str, list[str]]:
    """(title, every text) of a chart: the frame's texts, suptitle and axes titles."""
    texts = [t.get_text() for t in fig.texts]
    texts += [ax.get_title() for ax in fig.axes if ax.get_title()]
    if getattr(fig, "_suptitle", None) is not None:
        texts.append(fig._suptitle.get_text())
    info = getattr(fig, "chart_info", None)
    title = info.title if info is not None else next((t for t in texts if t and not _is_source(t)), "")
    return title, texts


def _is_source(text: str) -> bool:
    return text.startswith(("来源：", "Source:"))


@dataclass(kw_only=True)
class Chart(Exercise):
    """A chart, checked through what can be read from it: the values its bars show, its
    title (present, in the right language) and its source line (this report, this section)."""

    figure_ids: list[str]  # the figures the bars must show
    other_language: bool = False  # the chart in the language the notebook is not in
    bars_hint: Text = Text("", "")

    def lang(self) -> Lang:
        return _language(current_language(), self.other_language)

    def judge(self, answer: Any) -> Result:
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure

        fig = answer.figure if isinstance(answer, Axes) else answer
        if not isinstance(fig, Figure):
            return self.wrong(_say("type", what=describe(answer), want=_say("not_figure")), "not_a_figure")
        lang = self.lang()
        shown = bar_values(fig)
        if not shown:
            return self.wrong(_say("no_bars"), "no_bars")
        if shown != sorted(float(get_figure(i)["value"]) for i in self.figure_ids):
            listed = "、".join(show_number(v, 2) for v in shown) if current_language() == "zh" else \
                ", ".join(show_number(v, 2) for v in shown)
            return self.wrong(_say("wrong_bars", shown=listed, hint=self.say(self.bars_hint)), "wrong_bars")
        title, texts = chart_texts(fig)
        expected_source = self.source(lang)
        if not any(_is_source(t) for t in texts):
            return self.wrong(_say("no_source"), "no_source")
        if expected_source not in texts:
            return self.wrong(_say("wrong_source", source=expected_source), "wrong_source")
        if not title.strip():
            return self.wrong(_say("no_title"), "no_title")
        if _cjk(title) != (lang == "zh"):
            return self.wrong(_say("title_language", language=G[lang]()), "title_language")
        return self.right()

    def same(self, answer: Any, other: Any) -> bool:
        return False  # chart mistakes are spotted by their detect functions

    def source(self, lang: Lang) -> str:
        return source_line([get_figure(i) for i in self.figure_ids], lang)

    def answer_text(self, lang: Lang | None = None) -> str:
        lang = check_lang(lang)
        values = ", ".join(show_number(float(get_figure(i)["value"]), 2) for i in self.figure_ids)
        chart_lang = _language(lang, self.other_language)
        return Text("bars of {values}; a title in {language}; source line “{source}”",
                    "条形为 {values}；标题用{language}；来源说明为“{source}”")(
            lang, values=values, language=G[chart_lang](lang), source=self.source(chart_lang))


@dataclass(kw_only=True)
class Export(Exercise):
    """Charts saved with charts.save into a folder: each language's JSON (title, source
    line) beside its PNG and SVG. An empty folder is an exercise not answered yet."""

    figure_ids: list[str]

    def evaluate(self, answer: Any) -> Result:
        if not isinstance(answer, (str, Path)):
            episode, n = self.id.split(".")
            return Result(BLANK, _say("no_folder", id=self.id, episode=episode, n=n), "blank")
        folder = Path(answer)
        if not folder.is_dir() or not any(folder.glob("*.json")):
            return Result(BLANK, _say("no_export", id=self.id, folder=folder.name or str(folder)), "blank")
        return super().evaluate(answer)

    def judge(self, answer: Any) -> Result:
        folder = Path(str(answer))
        for lang in ("zh", "en"):
            source = source_line([get_figure(i) for i in self.figure_ids], lang)
            found = [p for p in sorted(folder.glob("*.json"))
                     if _meta(p).get("lang") == lang and _meta(p).get("source") == source]
            if not found:
                return self.wrong(_say("export_missing", language=G[lang](), folder=folder.name), "missing_language")
            for meta in found:
                if not (meta.with_suffix(".png").exists() and meta.with_suffix(".svg").exists()):
                    return self.wrong(_say("export_files", name=meta.stem), "files")
        return self.right()

    def answer_text(self, lang: Lang | None = None) -> str:
        return Text("a PNG, an SVG and a JSON file for the chart in Chinese and in English",
                    "中英文两版图各一组 PNG、SVG 和 JSON 文件")(lang)


def _meta(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# ------------------------------------------------------------- a figure row


@dataclass(kw_only=True)
class FigureRow(Exercise):
    """A curated figure row: it passes the package's validation, and its section, value,
    unit, qualifier and mention agree with the curated table."""

    figure_id: str
    field_hints: dict[str, Text] = field(default_factory=dict)
    compared: tuple[str, ...] = ("section", "mention", "value", "value_high", "unit", "qualifier")

    def judge(self, answer: Any) -> Result:
        row = as_row(answer)
        if row is None:
            return self.wrong(_say("type", what=describe(answer), want=_say("not_row")), "not_a_row")
        lacking = [f for f in ROW_FIELDS if f not in row and f not in ("value_high", "note")]
        if lacking:
            return self.wrong(_say("missing_fields", fields=", ".join(lacking)), "missing_fields")
        problems = validate_row(row)
        if problems:
            named = re.search(r"field '(\w+)'", problems[0])
            hint = self.field_hints.get(named.group(1), self.hint_text) if named else self.hint_text
            return self.wrong(_join(_say("invalid", problem=problems[0]), self.say(hint)), "invalid")
        curated = get_figure(self.figure_id)
        for name in self.compared:
            if not _equal(_blank_nan(row.get(name)), _blank_nan(curated[name]), 1e-9):
                hint = self.field_hints.get(name, self.hint_text)
                return self.wrong(_say("field_off", field=name, yours=row.get(name), hint=self.say(hint)),
                                  f"field_{name}")
        return self.right()

    def same(self, answer: Any, other: Any) -> bool:
        row = as_row(answer)
        return row is not None and all(_equal(_blank_nan(row.get(k)), _blank_nan(v), 1e-9)
                                             for k, v in other.items())

    def answer_text(self, lang: Lang | None = None) -> str:
        curated = get_figure(self.figure_id)
        return "; ".join(f"{k}: {cell(curated[k]) or '—'}" for k in self.compared)


def _blank_nan(v: Any) -> Any:
    if v is None or v == "" or (isinstance(v, float) and math.isnan(v)):
        return float("nan")
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return v
    return v


# ------------------------------------------------------------ list of mentions


@dataclass(kw_only=True)
class Items(Exercise):
    """A list of short texts (mentions as written), compared as a set."""

    expected: Callable[[], list[str]]
    what: Callable[[], dict[str, Text]] = dict  # item -> what it is, for items that do not belong

    def _items(self, answer: Any) -> set[str] | None:
        if isinstance(answer, pd.Series):
            answer = answer.tolist()
        if isinstance(answer, (list, tuple, set)) and all(isinstance(a, str) for a in answer):
            return {normal(a) for a in answer}
        return None

    def judge(self, answer: Any) -> Result:
        items = self._items(answer)
        if items is None and isinstance(answer, (list, tuple, set, pd.Series)) and len(answer) \
                and all(_is_number(a) for a in answer):
            return self.wrong(_say("items_values"), "values")
        if items is None:
            return self.wrong(_say("type", what=describe(answer), want=_say("not_items")), "not_items")
        wanted = {normal(e) for e in self.expected()}
        extra = sorted(items - wanted)
        if extra:
            known = self.what()
            groups: dict[str, list[str]] = {}
            for item in extra:
                groups.setdefault(known[item]() if item in known else self.say(self.hint_text), []).append(item)
            sep = "、" if current_language() == "zh" else ", "
            lines = [_say("extra_items", items=sep.join(items), what=what) for what, items in groups.items()]
            return self.wrong(_join(*lines, _say("leave_out")), "extra")
        if wanted - items:
            return self.wrong(_say("missing_items", n=len(wanted - items), hint=self.say(self.hint_text)), "missing")
        return self.right()

    def same(self, answer: Any, other: Any) -> bool:
        return self._items(answer) == self._items(other)

    def answer_text(self, lang: Lang | None = None) -> str:
        return ("、" if check_lang(lang) == "zh" else ", ").join(self.expected())


# ------------------------------------------------------------------- sentence


NUMBER = re.compile(r"\d[\d,，]*(?:\.\d+)?")


@dataclass(kw_only=True)
class Sentence(Exercise):
    """A finding in one sentence, in the notebook's language, whose every number comes
    from the computation: each must equal an allowed value at some rounding."""

    numbers: Callable[[], dict[str, float]]  # name -> value the sentence may use
    required: dict[str, Text]  # names that must appear, with how to say what they are
    example: Text  # a model sentence, with {names} from numbers()

    def judge(self, answer: Any) -> Result:
        if isinstance(answer, str) and not answer.strip():
            return self.wrong(_say("empty_sentence"), "empty")
        if not isinstance(answer, str):
            return self.wrong(_say("type", what=describe(answer), want=_say("not_sentence")), "not_text")
        answer = unicodedata.normalize("NFKC", answer)  # full-width digits and points, as a Chinese IME types them
        braces = re.findall(r"\{[^{}]*\}", answer)
        if braces:
            return self.wrong(_say("no_f", braces=" ".join(braces[:2])), "no_f")
        lang = current_language()
        if _written_in(answer) != lang:
            return self.wrong(_say("sentence_language", language=G[lang]()), "language")
        allowed = self.numbers()
        found = [t for t in NUMBER.findall(answer)]
        untraced = [t for t in found if not any(_rounds_to(t, v) for v in allowed.values())]
        if untraced:
            return self.wrong(_say("untraced", numbers=", ".join(untraced)), "untraced")
        for name, what in self.required.items():
            if not any(_rounds_to(t, allowed[name]) for t in found):
                return self.wrong(_say("missing_number", what=what()), f"missing_{name}")
        return self.right()

    def same(self, answer: Any, other: Any) -> bool:
        return isinstance(answer, str) and normal(answer) == normal(other)

    def answer_text(self, lang: Lang | None = None) -> str:
        values = {k: show_number(v, 1) for k, v in self.numbers().items()}
        return self.example(lang, **values)


def _written_in(text: str) -> Lang:
    """Chinese if Chinese characters outnumber English words: an English sentence may give a Chinese
    term in brackets, and a Chinese one an English word."""
    chinese = len(re.findall(r"[\u4e00-\u9fff]", text))
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "zh" if chinese and chinese >= words else "en"


def _rounds_to(token: str, value: float) -> bool:
    """Is the number written as token the value, rounded to the places it is written with?"""
    text = token.replace(",", "").replace("，", "")
    try:
        written = float(text)
    except ValueError:
        return False
    places = len(text.split(".")[1]) if "." in text else 0
    return abs(round(value, places) - written) < 1e-9
