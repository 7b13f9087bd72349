"""Episode 5, auditing the report: a plausibility check of one's own, and a damaged date."""

import os
import re
import unicodedata

import pandas as pd

from ..tables.figures import breakdown, non_figures
from .core import Mistake, Text, normal
from .helpers import get_figure
from .kinds import Frame, Words

ORG_PREFIX, PEOPLE_PREFIX = "mediation_org_", "mediators_"


def _level_table() -> pd.DataFrame:
    orgs = breakdown("mediation_organisations").related("part")
    people = breakdown("mediators").related("part")
    table = pd.DataFrame({"level": orgs["figure_id"].str.removeprefix(ORG_PREFIX),
                          "organisations": orgs["value"]}).merge(
        pd.DataFrame({"level": people["figure_id"].str.removeprefix(PEOPLE_PREFIX),
                      "mediators": people["value"]}), on="level")
    table["per_organisation"] = table["mediators"] / table["organisations"]
    return table


def _odd_level() -> str:
    split = breakdown("mediators")
    parts = split.related("part")
    return parts.loc[parts["unit"] != split.parent["unit"], "figure_id"].iloc[0].removeprefix(PEOPLE_PREFIX)


def _names_odd_level(answer) -> bool:
    """Does a text name the odd level otherwise than as the level column writes it?"""
    if not isinstance(answer, str) or normal(answer) == _odd_level():
        return False
    people = get_figure(PEOPLE_PREFIX + _odd_level())
    orgs = get_figure(ORG_PREFIX + _odd_level())
    names = {people["figure_id"], people["indicator_zh"], people["indicator_en"], orgs["figure_id"],
             orgs["indicator_zh"], orgs["indicator_en"]}
    stem = os.path.commonprefix([people["indicator_zh"], orgs["indicator_zh"]])  # 行业性专业性
    said = normal(answer).lower()
    return any(said == normal(n).lower() for n in names) or (len(stem) >= 2 and said.startswith(stem))


CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _chinese_number(text: str) -> int | None:
    """一 … 三十一 as a number (enough for months and days)."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in CHINESE_DIGITS and c != "十" for c in text):
        return None
    if "十" in text:
        tens, _, units = text.partition("十")
        return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[units] if units else 0)
    return CHINESE_DIGITS[text] if len(text) == 1 else None


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def _month_day(answer) -> tuple[int, int] | None:
    """The (month, day) a date written in any common way gives: 9月11日, 九月十一日, 09月11号, 9.11, 9/11,
    11 September, Sept. 11."""
    if not isinstance(answer, str):
        return None
    text = unicodedata.normalize("NFKC", answer).strip().lower()
    found = re.fullmatch(r"([〇一二三四五六七八九十\d]+)\s*月\s*([〇一二三四五六七八九十\d]+)\s*[日号]?", text)
    if found:
        month, day = _chinese_number(found.group(1)), _chinese_number(found.group(2))
        return (month, day) if month and day else None
    found = re.fullmatch(r"(\d{1,2})\s*[./-]\s*(\d{1,2})", text)
    if found:
        return int(found.group(1)), int(found.group(2))
    for i, name in enumerate(MONTHS, 1):
        for pattern in (rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+{name[:3]}[a-z]*\.?", rf"{name[:3]}[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?"):
            found = re.fullmatch(pattern, text)
            if found:
                return i, int(found.group(1))
    return None


def _reading_month_day() -> tuple[int, int]:
    month, day = re.fullmatch(r"(\d+)月(\d+)日", _lecture()["reading"]).groups()
    return int(month), int(day)


def _lecture() -> pd.Series:
    listed = non_figures()
    return listed[listed["item_id"] == "lecture-date"].iloc[0]


# The learner starts from the same lines the model answer does
_Q1_SETUP = (
    "orgs = analysis.breakdown(\"mediation_organisations\").parts\n"
    "people = analysis.breakdown(\"mediators\").parts\n"
    "orgs = orgs.assign(level=orgs[\"figure_id\"].str.removeprefix(\"mediation_org_\"))\n"
    "people = people.assign(level=people[\"figure_id\"].str.removeprefix(\"mediators_\"))\n"
    "table = orgs[[\"level\", \"value\"]].merge(people[[\"level\", \"value\"]], on=\"level\",\n"
    "                                       suffixes=(\"_orgs\", \"_people\"))\n"
    "table = table.rename(columns={\"value_orgs\": \"organisations\", \"value_people\": \"mediators\"})\n")


q1 = Frame(
    id="5.1",
    expected=_level_table,
    key=["level"],
    tolerance=0.01,
    column_hints={
        "per_organisation": Text("per_organisation is mediators divided by organisations, for each level.",
                                 "per_organisation 是各层级的调解员人数除以调解组织个数。"),
        "organisations": Text("Merge the two tables on level, then rename the value columns.",
                              "先按 level 合并两张表，再给 value 列改名。"),
        "mediators": Text("Merge the two tables on level, then rename the value columns.",
                          "先按 level 合并两张表，再给 value 列改名。"),
    },
    hint_text=Text("Both breakdowns name their levels in the figure id (mediation_org_village, "
                   "mediators_village): strip the prefixes, merge on level, and divide.",
                   "两组分项的数字编号里都带有层级（mediation_org_village、mediators_village）：去掉前缀后按 level 合并，再相除。"),
    explanation=Text("About four mediators per village or community committee and five per township "
                     "committee: plausible. The individual mediation rooms have two each, and the "
                     "sector-specific ratio divides a count in 个 by organisations.",
                     "村、居调委会每个约4名调解员，乡镇调委会约5名，都在情理之中；个人调解室每个2名；"
                     "行业性专业性调委会一行是以“个”计的数除以组织数。"),
    template=(_Q1_SETUP +
              "table[\"per_organisation\"] = ____\n"
              "e5.q1.check(table)"),
    solution_code=(
        _Q1_SETUP +
        "table[\"per_organisation\"] = table[\"mediators\"] / table[\"organisations\"]\n"
        "print(table.round(2).to_string(index=False))\n"
        "e5.q1.check(table)"),
    mistakes=[
        Mistake("inverted", lambda: _level_table().assign(per_organisation=lambda t: t["organisations"] / t["mediators"]),
                Text("Divided organisations by mediators.", "用组织数除以调解员人数，除反了。"),
                Text("You divided organisations by mediators: the ratio wanted is mediators per organisation.",
                     "你用组织数除以了调解员人数；要求的是每个组织有几名调解员。")),
        Mistake("overall", lambda: _level_table().assign(
                    per_organisation=get_figure("mediators")["value"] / get_figure("mediation_organisations")["value"]),
                Text("Used the district-wide totals for every level.", "每个层级都用了全区总数相除。"),
                Text("That is the district-wide average, the same for every level. Divide each level's "
                     "mediators by that level's organisations.",
                     "这是全区的平均数，每个层级都一样。请用每个层级自己的调解员人数除以该层级的组织数。")),
        Mistake("missing_column", lambda: _level_table().drop(columns="per_organisation"),
                Text("Computed the ratio but did not put it in the table.", "算了比值，却没有放进表里。")),
    ],
)

q2 = Words(
    id="5.2",
    expected=_odd_level,
    hint_text=Text("Look at the unit column of the mediators' parts: analysis.breakdown(\"mediators\").parts"
                   "[[\"figure_id\", \"value\", \"unit\"]].",
                   "看调解员各分项的 unit 列：analysis.breakdown(\"mediators\").parts[[\"figure_id\", \"value\", \"unit\"]]。"),
    explanation=Text("The report counts the sector-specific mediators in {unit}, not in 人: their ratio is not "
                     "a number of people per organisation, and the report does not say what it counts.",
                     "报告对行业性专业性调解员以“{unit}”计，而不是“人”，所以这一行的比值不一定是每个组织的人数，报告也没有说明计的是什么。"),
    values=lambda: {"unit": breakdown("mediators").parts.set_index("figure_id").at[
        PEOPLE_PREFIX + _odd_level(), "unit"]},
    template="level = ____\ne5.q2.check(level)",
    solution_code=(
        "split = analysis.breakdown(\"mediators\")\n"
        "odd = split.parts[split.parts[\"unit\"] != split.parent[\"unit\"]]\n"
        "print(odd[[\"figure_id\", \"indicator_zh\", \"value\", \"unit\"]].to_string(index=False))\n"
        "level = odd[\"figure_id\"].iloc[0].removeprefix(\"mediators_\")\n"
        "e5.q2.check(level)"),
    mistakes=[
        Mistake("named_otherwise", lambda: get_figure(PEOPLE_PREFIX + _odd_level())["indicator_zh"],
                Text("Named the right row another way (its Chinese name or its figure id).",
                     "行选对了，但用的是别的名称（中文名称或数字编号）。"),
                Text("That is the right row, named another way. Give the name the level column writes for it, "
                     "in quotes (the table of exercise 5.1 has a level column).",
                     "这一行选对了，但请按 level 列里的写法作答，放在引号中（练习 5.1 的表里有 level 列）。"),
                detect=lambda answer: _names_odd_level(answer)),
        Mistake("smallest_ratio", lambda: _level_table().sort_values("per_organisation")["level"].iloc[0],
                Text("Picked the level with the smallest ratio.", "选了比值最小的层级。"),
                Text("A small ratio can be right. The question is which ratio does not count people: look at "
                     "the unit of each level's mediators.", "比值小不一定有问题。题目问的是哪一行的比值不是人数：请看各层级调解员的单位。")),
    ],
)

q3 = Words(
    id="5.3",
    expected=lambda: _lecture()["reading"],
    hint_text=Text("The published text lost a character between month and day. Write what the text meant, "
                   "in the form X月Y日, and add nothing the text does not say.",
                   "网上发布的文本在月和日之间丢了一个字。请按“X月Y日”的形式写出原意，不要添加原文没有的内容。"),
    explanation=Text("{mention} reads as {reading}: 月 was lost. The sentence gives no year; the report covers "
                     "{year}, so that year is likely but is an inference, kept out of the reading.",
                     "“{mention}”应为“{reading}”，丢了“月”字。这句话没有写年份；报告讲的是{year}年，"
                     "这一年份很可能，但属于推断，不写进读法。"),
    values=lambda: {"mention": _lecture()["mention"], "reading": _lecture()["reading"],
                    "year": _year()},
    template="reading = ____\ne5.q3.check(reading)",
    solution_code='reading = "9月11日"\ne5.q3.check(reading)',
    mistakes=[
        Mistake("added_year", lambda: f"{_year()}年{_lecture()['reading']}",
                Text("Added the report's year to the reading.", "在读法里加上了报告年份。"),
                Text("The year is likely but the sentence does not give it. Record only what the damaged text "
                     "held; an inference goes into a note.", "年份很可能如此，但原句没有写。读法只记录受损文字本来的内容，推断写在备注里。")),
        Mistake("date_form", lambda: "{}.{}".format(*_reading_month_day()),
                Text("Wrote the right date in another form (9.11, 九月十一日, 11 September).",
                     "日期对了，但换了写法（如9.11、九月十一日、09月11日）。"),
                Text("That is the right date in another form. Write it as the report writes its dates: "
                     "“X月Y日”, in Arabic numerals, without a leading zero.",
                     "日期对了，但请按报告的写法：“X月Y日”，用阿拉伯数字，不补零。"),
                detect=lambda answer: _month_day(answer) == _reading_month_day()
                and normal(answer) != _lecture()["reading"]),
        Mistake("month_day_split", lambda: "9月1日",
                Text("Split the digits as 9 and 1, losing a digit.", "把数字拆成了9和1，丢了一位。"),
                Text("Every digit of the text must stay: only the 月 was lost.", "原文的每一位数字都要保留，丢的只是“月”字。")),
        Mistake("impossible_month", lambda: "91月1日",
                Text("Read a 91st month.", "读成了91月。"),
                Text("There is no 91st month: the lost character sits after the first digit.",
                     "没有91月：丢掉的字在第一位数字之后。")),
    ],
)


def _year() -> str:
    from ..tables.figures import load_table

    return f"{load_table('reports')['year'].iloc[0]}"
