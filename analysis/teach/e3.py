"""Episode 3, do the parts add up: parts, subsets and groups that may overlap."""

import pandas as pd

from ..tables.figures import breakdown, load_figures
from .core import Mistake, Text
from .helpers import get_figure
from .kinds import Choice, Frame, option_mistakes

RELATION_LETTER = {"part": "a", "subset": "b", "overlapping": "c"}
RELATIONS = {
    "a": Text("a part: with the other parts it makes up the figure it belongs to",
              "分项：与其他分项合起来构成所属的总数"),
    "b": Text("a subset: a share of the figure it belongs to, the rest not broken down",
              "其中的一部分：只是所属数字的一部分，其余未细分"),
    "c": Text("a group that may overlap with the others: their sum need not equal anything",
              "可能相互重叠的群体：加起来不必等于任何总数"),
}


def _relation(figure_id: str) -> str:
    return RELATION_LETTER[get_figure(figure_id)["relation"]]


def _values() -> dict:
    groups = breakdown("legal_aid_cases").related("overlapping")
    return {"mediated": get_figure("legal_aid_civil_mediated")["mention"],
            "civil": get_figure("legal_aid_civil")["mention"],
            "total": get_figure("legal_aid_cases")["mention"],
            "groups": f"{groups['value'].sum():.0f}",
            "first": groups["indicator_zh"].iloc[0], "last": groups["indicator_zh"].iloc[-1]}


q1 = Choice(
    id="3.1",
    choices=RELATIONS,
    correct=lambda: _relation("legal_aid_civil_mediated"),
    values=_values,
    hint_text=Text("其中 attaches to the figure just before it. Does the report break down the rest?",
                   "“其中”指的是紧挨在它前面的那个数。报告有没有把剩下的部分也列出来？"),
    explanation=Text("非诉调解结案{mediated} follows 民事{civil} with 其中: it is a subset of the civil cases, "
                     "and the report does not say how the other civil cases ended.",
                     "“其中非诉调解结案{mediated}”紧接“民事{civil}”，是民事案件中的一部分；其余民事案件如何结案，报告没有说。"),
    template="e3.q1.show()\nanswer = ____\ne3.q1.check(answer)",
    solution_code='e3.q1.show()\nanswer = "b"\ne3.q1.check(answer)',
    mistakes=option_mistakes({
        "a": (Text("Took it as one of the categories that make up the legal-aid total.", "把它当成构成法律援助总数的分项。"),
              Text("With 民事 and 刑事 it would count some cases twice: it is part of the civil cases.",
                   "如果与民事、刑事并列相加，就会重复计算：它是民事案件中的一部分。")),
        "c": (Text("Took it for one of the recipient groups.", "把它当成受援人群之一。"),
              Text("It counts cases, like its parent, and the report says 其中: it lies inside the civil cases.",
                   "它和所属数字一样计的是案件，而且报告用了“其中”：它包含在民事案件之内。")),
    }),
)

q2 = Choice(
    id="3.2",
    choices=RELATIONS,
    correct=lambda: _relation("legal_aid_women"),
    values=_values,
    hint_text=Text("Can one person be both a woman and a migrant worker? And what do the groups count, people "
                   "or cases?", "一个人能不能既是妇女又是农民工？这些群体计的是人还是案件？"),
    explanation=Text("The groups from {first} to {last} count people (人), the total counts cases (件), and one "
                     "person can belong to several groups. They sum to {groups}, which is compared with nothing.",
                     "从{first}到{last}这些群体计的是人，总数计的是件，而且一个人可以同时属于几个群体。"
                     "它们合计{groups}，不能与任何总数相比。"),
    template="e3.q2.show()\nanswer = ____\ne3.q2.check(answer)",
    solution_code='e3.q2.show()\nanswer = "c"\ne3.q2.check(answer)',
    mistakes=option_mistakes({
        "a": (Text("Expected the groups to add up to the legal-aid cases.", "以为这些群体加起来等于法律援助案件数。"),
              Text("They sum to {groups}, not {total}: they count people, not cases, and one person can be in "
                   "several groups.", "它们合计{groups}，不是{total}：计的是人而不是案件，而且一个人可以属于几个群体。")),
        "b": (Text("Read the list as a share of the cases.", "把名单理解成案件中的一部分。"),
              Text("A subset counts the same thing as its parent. These groups count people (人), not cases.",
                   "“其中的一部分”与所属数字计的是同一种东西；这些群体计的是人，不是案件。")),
    }),
)


def _sums() -> pd.DataFrame:
    figures = load_figures()
    parts = figures[figures["parent_id"].notna()]
    table = parts.groupby(["parent_id", "relation"], sort=False)["value"].sum().rename("parts_sum").reset_index()
    table["total"] = table["parent_id"].map(figures.set_index("figure_id")["value"])
    return table[["parent_id", "relation", "total", "parts_sum"]]


def _by_parent_only() -> pd.DataFrame:
    figures = load_figures()
    parts = figures[figures["parent_id"].notna()]
    table = parts.groupby("parent_id", sort=False)["value"].sum().rename("parts_sum").reset_index()
    table["total"] = table["parent_id"].map(figures.set_index("figure_id")["value"])
    return table


q3 = Frame(
    id="3.3",
    expected=_sums,
    key=["parent_id", "relation"],
    tolerance=0.5,
    column_hints={
        "relation": Text("Group by relation as well as by parent: parts, subsets and overlapping groups are "
                         "different things and must not be summed together.",
                         "除了按 parent_id，还要按 relation 分组：分项、其中的一部分、可能重叠的群体是不同的东西，不能加在一起。"),
        "total": Text("total is the parent's own value: map parent_id onto the figures' values, e.g. "
                      "table[\"parent_id\"].map(figures.set_index(\"figure_id\")[\"value\"]).",
                      "total 是所属数字本身的值：可以用 table[\"parent_id\"].map(figures.set_index(\"figure_id\")[\"value\"]) 取得。"),
        "parts_sum": Text("parts_sum is the sum of the values of the rows in each group.", "parts_sum 是每组各行 value 之和。"),
    },
    hint_text=Text("Group the rows that have a parent by parent_id and relation, sum their values, and add "
                   "the parent's own value as total.", "把有 parent_id 的行按 parent_id 和 relation 分组求和，再加上所属数字本身的值作为 total。"),
    explanation=Text("Every group of parts sums to its total. The subsets are smaller than theirs, as they must "
                     "be; the overlapping groups of legal-aid recipients sum to a number that is not compared.",
                     "各组分项之和都等于总数；“其中”的部分都小于所属数字，理应如此；法律援助的各类人群合计数不与任何总数比较。"),
    template=("figures = analysis.load_figures()\n"
              "parts = figures[figures[\"parent_id\"].notna()]\n"
              "table = ____\n"
              "e3.q3.check(table)"),
    solution_code=(
        "figures = analysis.load_figures()\n"
        "parts = figures[figures[\"parent_id\"].notna()]\n"
        "table = (parts.groupby([\"parent_id\", \"relation\"], sort=False)[\"value\"].sum()\n"
        "         .rename(\"parts_sum\").reset_index())\n"
        "table[\"total\"] = table[\"parent_id\"].map(figures.set_index(\"figure_id\")[\"value\"])\n"
        "print(table.to_string(index=False))\n"
        "e3.q3.check(table)"),
    mistakes=[
        Mistake("missing_column", _by_parent_only,
                Text("Grouped by parent only, adding up parts, subsets and overlapping groups together.",
                     "只按 parent_id 分组，把分项、其中的一部分和可能重叠的群体加在了一起。")),
        Mistake("wrong_rows", lambda: _sums()[lambda t: t["relation"] == "part"],
                Text("Kept only the parts and dropped the subsets and overlapping groups.",
                     "只保留了分项，丢掉了“其中的一部分”和可能重叠的群体。")),
        Mistake("wrong_values", lambda: _sums().assign(parts_sum=lambda t: t["parts_sum"] + t["total"]),
                Text("Added the parent's own row into the sum.", "把所属数字本身也加进了合计。")),
    ],
)


def _odd_part() -> pd.Series:
    split = breakdown("mediators")
    parts = split.related("part")
    return parts[parts["unit"] != split.parent["unit"]].iloc[0]


q4 = Choice(
    id="3.4",
    choices={
        "a": Text("Nothing: the parts add up to the total.", "没有问题：各分项加起来正好等于总数。"),
        "b": Text("{odd} is counted in {odd_unit}, not in {unit} like the rest, so the sum mixes two kinds of count.",
                  "{odd}以“{odd_unit}”计，其余都以“{unit}”计，合计数混用了两种计量单位。"),
        "c": Text("The village committees' mediators are counted twice.", "村调委会的调解员被重复计算了。"),
    },
    values=lambda: {"odd": _odd_part()["indicator_zh"], "odd_unit": _odd_part()["unit"],
                    "unit": get_figure("mediators")["unit"]},
    correct=lambda: "b",
    hint_text=Text("Read the measure word after each number of the mediators' breakdown.", "看调解员各分项数字后面的量词。"),
    explanation=Text("The parts sum to the total, but {odd} is counted in {odd_unit}: the report does not say "
                     "whether those are people. A sum that adds up is not yet a sum of like things.",
                     "各分项之和等于总数，但{odd}以“{odd_unit}”计，报告没有说明是否指人数。加得上，不等于加的是同一种东西。"),
    template="e3.q4.show()\nanswer = ____\ne3.q4.check(answer)",
    solution_code='e3.q4.show()\nanswer = "b"\ne3.q4.check(answer)',
    mistakes=option_mistakes({
        "a": (Text("Stopped once the sum matched.", "一看加得上就停了。"),
              Text("The sum matches; now look at the units of the parts.", "合计数对上了；再看看各分项的单位。")),
        "c": (Text("Guessed at double counting.", "猜测有重复计算。"),
              Text("Nothing in the text suggests double counting; look at the units of the parts.",
                   "原文看不出有重复计算，请看各分项的单位。")),
    }),
)
