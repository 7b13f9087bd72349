"""Episode 7, writing a finding: one sentence backed by a computed number, and what the
report does not let you conclude."""

from ..tables.figures import load_table
from .core import Mistake, Text
from .helpers import value
from .kinds import Choice, Number, Sentence, option_mistakes


def _share() -> float:
    return 100 * value("legal_aid_civil") / value("legal_aid_cases")


def _numbers() -> dict[str, float]:
    """The numbers a sentence about the legal-aid caseload may give."""
    return {"year": float(load_table("reports")["year"].iloc[0]), "total": value("legal_aid_cases"),
            "civil": value("legal_aid_civil"), "criminal": value("legal_aid_criminal"),
            "share": _share(), "criminal_share": 100 - _share()}


q1 = Number(
    id="7.1",
    expected=_share,
    tolerance=0.05,
    places=2,
    unit=Text("%", "%"),
    hint_text=Text("Civil cases divided by all legal-aid cases accepted, times 100.", "民事案件数除以法律援助案件受理总数，再乘以100。"),
    explanation=Text("Civil cases over the legal-aid cases accepted: about two thirds.", "民事案件占法律援助案件受理数的比例，约为三分之二。"),
    template="share = ____\ne7.q1.check(share)",
    solution_code=("share = 100 * analysis.value(\"legal_aid_civil\") / analysis.value(\"legal_aid_cases\")\n"
                   "print(round(share, 1))\n"
                   "e7.q1.check(share)"),
    mistakes=[
        Mistake("mediated_share", lambda: 100 * value("legal_aid_civil_mediated") / value("legal_aid_civil"),
                Text("Computed the share of civil cases closed by mediation.", "算成了民事案件中调解结案的比例。"),
                Text("That is the share of civil cases closed by out-of-court mediation. The question asks "
                     "for the civil cases' share of all legal-aid cases.", "这是民事案件中非诉调解结案的比例。题目问的是民事案件占全部法律援助案件的比例。")),
        Mistake("inverted", lambda: 100 * value("legal_aid_cases") / value("legal_aid_civil"),
                Text("Divided the wrong way round.", "除反了。"),
                Text("A share above 100% cannot be: divide the civil cases by all cases.", "比例不可能超过100%：请用民事案件数除以总数。")),
        Mistake("fraction", lambda: _share() / 100,
                Text("Left the share as a fraction.", "没有乘以100。"),
                Text("Give it in percent: multiply by 100.", "请以百分数表示，乘以100。")),
    ],
)

q2 = Sentence(
    id="7.2",
    numbers=_numbers,
    required={"share": Text("the civil cases' share, as computed in 7.1", "练习 7.1 算出的民事案件占比")},
    example=Text("In {year}, civil cases were {share}% of the {total} legal-aid cases the district accepted.",
                 "{year}年全区受理法律援助案件{total}件，其中民事案件占{share}%。"),
    hint_text=Text("Write it with an f-string so the numbers come from the computation: "
                   "f\"… {share:.1f}% …\".", "用 f 字符串写，让数字来自计算结果：f\"……{share:.1f}%……\"。"),
    explanation=Text("One sentence, the finding first, with the share and the total it is a share of, each "
                     "computed; every number traceable to the data.",
                     "一句话，先说结论，写出占比及其所占的总数，数字都由计算得出，每个都能追溯到数据。"),
    template="finding = ____\nprint(finding)\ne7.q2.check(finding)",
    solution_code=(
        "total = analysis.value(\"legal_aid_cases\")\n"
        "year = analysis.load_table(\"reports\")[\"year\"].iloc[0]\n"
        "finding = {\n"
        "    \"en\": f\"In {year}, civil cases were {share:.1f}% of the {total:.0f} legal-aid cases the district accepted.\",\n"
        "    \"zh\": f\"{year}年全区受理法律援助案件{total:.0f}件，其中民事案件占{share:.1f}%。\",\n"
        "}[LANG]\n"
        "print(finding)\n"
        "e7.q2.check(finding)"),
    mistakes=[
        Mistake("untraced", lambda: Text(
                    "Migrant workers received {m} of the {total} legal-aid cases, {p}%.",
                    "农民工占法律援助案件{total}件中的{m}件，即{p}%。")(
                    m=f"{value('legal_aid_migrant_workers'):.0f}", total=f"{value('legal_aid_cases'):.0f}",
                    p=f"{100 * value('legal_aid_migrant_workers') / value('legal_aid_cases'):.0f}"),
                Text("Wrote a finding about a recipient group, whose count is of people and may overlap with "
                     "other groups.", "写了某类受援人群的结论，而这些人群计的是人，且可能相互重叠。")),
        Mistake("language", lambda: Text("民事案件占三分之二。", "Civil cases were two thirds.")(),
                Text("Wrote the sentence in the other language.", "用了另一种语言。")),
    ],
)

q3 = Choice(
    id="7.3",
    multiple=True,
    choices={
        "a": Text("About two thirds of the legal-aid cases accepted were civil cases.", "受理的法律援助案件中约三分之二是民事案件。"),
        "b": Text("About two thirds of the cases were for migrant workers, since {migrants} migrant workers "
                  "received legal aid.", "由于有{migrants}名农民工获得法律援助，约三分之二的案件是为农民工办理的。"),
        "c": Text("Legal aid grew during the year.", "法律援助案件在这一年中增加了。"),
        "d": Text("Most civil legal-aid cases were closed by out-of-court mediation.", "大多数民事法律援助案件以非诉调解方式结案。"),
        "e": Text("Everyone in the district who needed legal aid received it.", "全区所有需要法律援助的人都得到了援助。"),
    },
    values=lambda: {"migrants": f"{value('legal_aid_migrant_workers'):.0f}"},
    correct=lambda: {"a", "d"},
    hint_text=Text("A conclusion needs numbers that count the same thing over the same period, all of them "
                   "in the report.", "能下的结论，所用数字必须统计同一种东西、同一时期，而且都在报告里。"),
    explanation=Text("a) and d) follow from the counts of cases. b) mixes people with cases, and one case may "
                     "have several recipients; c) needs an earlier year the report does not give; e) claims a "
                     "coverage nothing in the report measures.",
                     "a) 和 d) 由案件数可以得出。b) 把人数和案件数混在一起，一件案件可能有多名受援人；c) 需要报告没有给出的往年数字；"
                     "e) 断言了报告中没有任何数字衡量的覆盖面。"),
    template="e7.q3.show()\nanswer = ____\ne7.q3.check(answer)",
    solution_code='e7.q3.show()\nanswer = "ad"\ne7.q3.check(answer)',
    mistakes=option_mistakes({
        "ab": (Text("Read the migrant workers' count as a count of cases.", "把农民工人数当成了案件数。"),
               Text("b) mixes people (人) with cases (件), and the groups may overlap: it does not follow.",
                    "b) 把人数（人）与案件数（件）混在一起，各人群还可能重叠，推不出来。")),
        "acd": (Text("Assumed growth without an earlier year to compare with.", "没有往年数字可比，就认定增加了。"),
                Text("c) needs last year's count, which this report does not give.", "c) 需要上一年的数字，这份报告没有给出。")),
        "ade": (Text("Accepted a claim of full coverage.", "接受了“全覆盖”的说法。"),
                Text("e) speaks of everyone who needed legal aid; the report counts only the cases accepted.",
                     "e) 说的是所有需要援助的人，而报告只统计了受理的案件。")),
        "a": (Text("Missed that 其中非诉调解结案 is a share of the civil cases.", "没有注意到“其中非诉调解结案”是民事案件的一部分。"),
              Text("One more follows from the counts of cases: look at 其中 after the civil cases.",
                   "还有一项可以由案件数得出：看民事案件后面的“其中”。")),
    }),
)
