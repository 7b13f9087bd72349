"""Episode 6, reading a new report: the extractor on a paragraph, one figure row curated
and validated as the package validates its own."""

from ..extract.mentions import FIGURE_KINDS, extract_text
from ..tables.figures import load_figures
from .core import Mistake, Text, normal
from .helpers import ROW_FIELDS, cell, get_figure, paragraph, report_id
from .kinds import FigureRow, Items

SECTION = "二、(三)"
KIND_WORDS = {
    "date": Text("a date (its 年 or 月 was lost in publication), not a count.", "这是日期（发布时丢了“年”或“月”），不是数量。"),
    "year": Text("a year, not a count.", "这是年份，不是数量。"),
    "name": Text("part of a name or a serial number (a meeting's number, a slogan such as 一村一名), not a "
                 "count.", "这是名称或序号的一部分（会议届次、“一村一名”之类的提法），不是数量。"),
    "outline_marker": Text("the section's outline marker.", "这是章节序号。"),
    "document_number": Text("a document number.", "这是文号。"),
}


def _mentions():
    return extract_text(paragraph(SECTION))


def _figures_here() -> list[str]:
    """The mentions of the curated figures whose quotes lie in the paragraph."""
    text = paragraph(SECTION)
    figures = load_figures(report_id())
    return [f["mention"] for _, f in figures.iterrows() if f["quote"] in text]


def _what() -> dict[str, Text]:
    return {normal(m.text): KIND_WORDS[m.kind] for m in _mentions() if m.kind in KIND_WORDS}


q1 = Items(
    id="6.1",
    expected=_figures_here,
    what=_what,
    hint_text=Text("Keep the mentions whose kind is one of the figure kinds: {kinds}. Money is a figure too.",
                   "保留 kind 属于数量类的那些：{kinds}。金额（money）也是数量。"),
    values=lambda: {"kinds": ", ".join(FIGURE_KINDS)},
    explanation=Text("The extractor finds dates that lost characters, years, a meeting's serial number and a "
                     "slogan besides the figures; the figures are those of the figure kinds, and they agree "
                     "with the curated table: {figures}.",
                     "除了数量，提取器还找到了丢字的日期、年份、会议届次和“一村一名”这类提法；属于数量类的才是数字，"
                     "与数据包中整理好的一致：{figures}。"),
    template="figures_here = ____\ne6.q1.check(figures_here)",
    solution_code=("figures_here = mentions.loc[mentions[\"kind\"].isin(FIGURE_KINDS), \"text\"].tolist()\n"
                   "print(figures_here)\n"
                   "e6.q1.check(figures_here)"),
    mistakes=[
        Mistake("extra", lambda: [m.text for m in _mentions()],
                Text("Listed every mention the extractor found.", "把提取器找到的所有数字都列了进去。")),
        Mistake("missing", lambda: [m.text for m in _mentions() if m.kind == "figure"],
                Text("Kept only the kind 'figure' and lost the subsidy, whose kind is 'money'.",
                     "只保留了 kind 为 figure 的，漏了 kind 为 money 的补助金额。")),
    ],
)
q1.values = lambda: {"kinds": ", ".join(FIGURE_KINDS), "figures": ", ".join(_figures_here())}

ROW_TEMPLATE = """row = {{
    "report_id": analysis.teach.report_id(),
    "figure_id": "{figure_id}",
    "section": ____,
    "topic": "{topic}",
    "indicator_zh": "{indicator_zh}",
    "indicator_en": "{indicator_en}",
    "value": ____,
{value_high}    "unit": ____,
    "noun_en": "{noun_en}",
    "noun_en_singular": "{noun_en_singular}",
    "qualifier": ____,
    "direction": "",
    "period": "{period}",
    "mention": ____,
    "quote": ____,
    "note": "",
}}
validate(row)
{check}"""


def row_template(figure_id: str, check: str, draft_id: str, with_high: bool = False) -> str:
    f = get_figure(figure_id)
    return ROW_TEMPLATE.format(figure_id=draft_id, topic=f["topic"], indicator_zh=f["indicator_zh"],
                               indicator_en=f["indicator_en"], check=check,
                               noun_en=cell(f["noun_en"]), noun_en_singular=cell(f["noun_en_singular"]),
                               period=f["period"],
                               value_high="    \"value_high\": ____,\n" if with_high else "")


def row_solution(figure_id: str, check: str, draft_id: str) -> str:
    return (f"curated = analysis.get_figure(\"{figure_id}\")\n"
            "row = {field: curated[field] for field in [\"section\", \"topic\", \"indicator_zh\", \"indicator_en\",\n"
            "                                            \"value\", \"value_high\", \"unit\", \"noun_en\", \"noun_en_singular\",\n"
            "                                            \"qualifier\", \"direction\", \"period\", \"mention\", \"quote\"]}\n"
            f"row.update(report_id=analysis.teach.report_id(), figure_id=\"{draft_id}\", note=\"\")\n"
            f"validate(row)\n{check}")


SUBSIDY = "full_time_mediator_subsidy"

q2 = FigureRow(
    id="6.2",
    figure_id=SUBSIDY,
    field_hints={
        "unit": Text("The subsidy is paid per month: the unit is the one the units table gives for yuan per "
                     "month.", "补助按月发放：单位应是单位表中的“元/月”。"),
        "section": Text("The paragraph is section 二、(三).", "这段话属于二、(三)。"),
        "qualifier": Text("Nothing in the mention says more than, at least or about: it is exact.",
                          "原文没有“余”“以上”“约”这类字样：是精确数（exact）。"),
    },
    hint_text=Text("Copy the mention and the quote from the text as they are, damage included; the validator "
                   "says which rule a field breaks.", "数字原文和引文都要照原文复制，丢字的地方也照抄；校验会指出哪个字段违反了哪条规则。"),
    explanation=Text("section {section}; value {value}; unit {unit}; qualifier exact; mention {mention} as "
                     "written, with its 元 missing; the lost 元 belongs in the note, never in the mention.",
                     "section 为 {section}；value 为 {value}；unit 为 {unit}；qualifier 为 exact；mention 照原文写作"
                     "“{mention}”，缺“元”也照抄；丢失的“元”写进备注，决不写进 mention。"),
    values=lambda: {k: get_figure(SUBSIDY)[k] for k in ("section", "unit", "mention")}
    | {"value": f"{get_figure(SUBSIDY)['value']:.0f}"},
    template=row_template(SUBSIDY, "e6.q2.check(row)", "mediator_subsidy_draft"),
    solution_code=row_solution(SUBSIDY, "e6.q2.check(row)", "mediator_subsidy_draft"),
    mistakes=[
        Mistake("repaired", lambda: _curated_row(SUBSIDY, mention="2000元/月", quote="专职人民调解员经费补助为2000元/月"),
                Text("Repaired the text: wrote 元 into the mention and the quote.", "修补了原文：在数字和引文中补上了“元”。"),
                Text("The mention and quote must be the text as published, even where it lost a character: "
                     "the package never repairs its source. Put the lost 元 in the note.",
                     "数字原文和引文必须与发布的文本一致，即使丢了字：数据包从不修改原文。丢失的“元”请写在备注里。"),
                detect=lambda row: "元" in normal(str(row.get("mention", ""))) if isinstance(row, dict) else False),
        Mistake("field_unit", lambda: _curated_row(SUBSIDY, unit="元"),
                Text("Gave the unit as 元, dropping the per month.", "单位写成了“元”，漏了“每月”。")),
        Mistake("invalid", lambda: _curated_row(SUBSIDY, section="(三)"),
                Text("Wrote the section without its chapter.", "章节只写了“(三)”，漏了上一级。")),
    ],
)

RANGE = "volunteers_per_township"

q3 = FigureRow(
    id="6.3",
    figure_id=RANGE,
    hint_text=Text("A range is stored with its low end in value, its high end in value_high and the qualifier "
                   "range.", "区间数：value 记下限，value_high 记上限，qualifier 写 range。"),
    explanation=Text("value {value}, value_high {high}, unit {unit}, qualifier range, mention {mention}.",
                     "value 为 {value}，value_high 为 {high}，unit 为 {unit}，qualifier 为 range，mention 为“{mention}”。"),
    values=lambda: {"value": f"{get_figure(RANGE)['value']:.0f}", "high": f"{get_figure(RANGE)['value_high']:.0f}",
                    "unit": get_figure(RANGE)["unit"], "mention": get_figure(RANGE)["mention"]},
    template=row_template(RANGE, "e6.q3.check(row)", "volunteers_per_township_draft", with_high=True),
    solution_code=row_solution(RANGE, "e6.q3.check(row)", "volunteers_per_township_draft"),
    mistakes=[
        Mistake("invalid", lambda: _curated_row(RANGE, value=1.5, value_high="", qualifier="approximately"),
                Text("Stored the middle of the range as an approximate value.", "把区间的中间值当成约数记录。")),
    ],
)


def _curated_row(figure_id: str, **changes) -> dict:
    f = get_figure(figure_id)
    row = {k: f[k] for k in ROW_FIELDS if k not in ("figure_id", "note")}
    row.update(figure_id=f"{figure_id}_draft", note="")
    row.update(changes)
    return row
