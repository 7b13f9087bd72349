"""Episode 5, auditing the report: a plausibility check of one's own, and a damaged date."""

import pandas as pd

from ..tables.figures import breakdown, non_figures
from .core import Mistake, Text
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


def _lecture() -> pd.Series:
    listed = non_figures()
    return listed[listed["item_id"] == "lecture-date"].iloc[0]


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
    template=("orgs = analysis.breakdown(\"mediation_organisations\").parts\n"
              "people = analysis.breakdown(\"mediators\").parts\n"
              "orgs = orgs.assign(level=orgs[\"figure_id\"].str.removeprefix(\"mediation_org_\"))\n"
              "people = people.assign(level=people[\"figure_id\"].str.removeprefix(\"mediators_\"))\n"
              "table = orgs[[\"level\", \"value\"]].merge(people[[\"level\", \"value\"]], on=\"level\",\n"
              "                                       suffixes=(\"_orgs\", \"_people\"))\n"
              "table = table.rename(columns={\"value_orgs\": \"organisations\", \"value_people\": \"mediators\"})\n"
              "table[\"per_organisation\"] = ____\n"
              "e5.q1.check(table)"),
    solution_code=(
        "orgs = analysis.breakdown(\"mediation_organisations\").parts\n"
        "people = analysis.breakdown(\"mediators\").parts\n"
        "orgs = orgs.assign(level=orgs[\"figure_id\"].str.removeprefix(\"mediation_org_\"))\n"
        "people = people.assign(level=people[\"figure_id\"].str.removeprefix(\"mediators_\"))\n"
        "table = orgs[[\"level\", \"value\"]].merge(people[[\"level\", \"value\"]], on=\"level\",\n"
        "                                       suffixes=(\"_orgs\", \"_people\"))\n"
        "table = table.rename(columns={\"value_orgs\": \"organisations\", \"value_people\": \"mediators\"})\n"
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
