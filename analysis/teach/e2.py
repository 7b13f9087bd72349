"""Episode 2, rates and their parts: rounding, and what a correction rate counts."""


from ..audit.checks import decimals, recompute_rate, reproducing_numerators
from .core import Mistake, Text
from .helpers import get_figure, value
from .kinds import Choice, Number, option_mistakes


def _smallest_count() -> int:
    """The fewest successful mediations that, over the disputes accepted, round to the stated rate."""
    rate = get_figure("mediation_success_rate")
    return min(reproducing_numerators(rate["value"], decimals(rate["value"], rate["mention"]),
                                      value("disputes_accepted")))


def _corrections() -> float:
    return value("review_revoked") + value("review_ordered_redo")


def _concluded() -> float:
    return value("review_cases_accepted") - value("review_pending")


def _national() -> float:
    return next(d.value for d in recompute_rate("review_correction_rate") if d.standard)


q1 = Number(
    id="2.1",
    expected=_smallest_count,
    places=0,
    unit=Text(" disputes", "件"),
    hint_text=Text("{stated} is rounded: any rate from {low} up to (not including) {high} is written {stated}. "
                   "Try counts one by one from the report's own count upwards, printing round(100 * k / accepted, 2) "
                   "for each.",
                   "{stated}是四舍五入后的数：从{low}（含）到{high}（不含）的比率都写作{stated}。可以从报告给出的"
                   "调解成功数起逐个往上试，每个都打印 round(100 * k / accepted, 2)。"),
    explanation=Text("{low} of the {accepted} disputes accepted is not a whole number; the first whole count at "
                     "or above it, {smallest}, rounds to {stated}. The report gives {mediated} successes.",
                     "受理数{accepted}件的{low}不是整数，不小于它的第一个整数{smallest}才能四舍五入为{stated}。"
                     "报告给出的调解成功数是{mediated}件。"),
    values=lambda: {"stated": get_figure("mediation_success_rate")["mention"],
                    "low": f"{value('mediation_success_rate') - 0.05:.2f}%",
                    "high": f"{value('mediation_success_rate') + 0.05:.2f}%",
                    "accepted": f"{value('disputes_accepted'):.0f}", "mediated": f"{value('disputes_mediated'):.0f}",
                    "smallest": _smallest_count()},
    template="accepted = analysis.value(\"disputes_accepted\")\nsmallest = ____\ne2.q1.check(smallest)",
    solution_code=(
        "import math\n\n"
        "accepted = analysis.value(\"disputes_accepted\")\n"
        "stated = analysis.value(\"mediation_success_rate\")\n"
        "smallest = math.ceil((stated - 0.05) / 100 * accepted)  # 0.05: half of the last place written\n"
        "print(smallest, round(100 * smallest / accepted, 2), round(100 * (smallest - 1) / accepted, 2))\n"
        "e2.q1.check(smallest)"),
    mistakes=[
        Mistake("exact_rate", lambda: round(value("mediation_success_rate") / 100 * value("disputes_accepted")),
                Text("Took {stated} of the disputes as if the rate were exact.", "把{stated}当作精确值直接乘受理数。"),
                Text("That count gives {stated} too, but it is not the smallest: a rounded {stated} can be "
                     "anything from {low} up. Look for the first count whose rate rounds to {stated}.",
                     "这个数也能得到{stated}，但不是最小的：四舍五入后的{stated}，原值可以低到{low}。"
                     "请找出比率能四舍五入为{stated}的最小件数。")),
        Mistake("not_whole", lambda: value("mediation_success_rate") / 100 * value("disputes_accepted"),
                Text("Gave a fraction of a dispute.", "给出了带小数的件数。"), 
                Text("A count of disputes is a whole number.", "纠纷件数必须是整数。"),
                detect=lambda a: isinstance(a, (int, float)) and not float(a).is_integer()),
        Mistake("report_count", lambda: value("disputes_mediated"),
                Text("Gave the report's own count of successful mediations.", "给出了报告自己的调解成功数。"),
                Text("That is the report's count; over the disputes accepted it gives less than {low}. "
                     "The question asks what count the stated rate needs.",
                     "这是报告给出的件数，除以受理数不到{low}。题目问的是要得到所述比率至少需要多少件。")),
    ],
)

q2 = Number(
    id="2.2",
    expected=_national,
    tolerance=0.05,
    places=2,
    unit=Text("%", "%"),
    hint_text=Text("The national usage counts as corrections the decisions that revoke, alter, confirm an act "
                   "unlawful or order the agency to act; here 撤销 and 责令重新作出. It divides them by the cases "
                   "concluded (办结): those accepted less those still pending (待办).",
                   "全国通行口径把撤销、变更、确认违法、责令履行的决定计为纠错，这里是撤销和责令重新作出；"
                   "分母是办结的案件，即受理数减去待办数。"),
    explanation=Text("Corrections (撤销 + 责令重新作出) over cases concluded (受理 − 待办). The report does not "
                     "give its definition; this one does not reproduce its {stated}.",
                     "纠错数（撤销＋责令重新作出）÷办结数（受理数－待办数）。报告没有说明它的口径，按此口径算不出{stated}。"),
    values=lambda: {"stated": get_figure("review_correction_rate")["mention"]},
    template=("corrections = ____ + ____\n"
              "concluded = ____ - ____\n"
              "rate = corrections / concluded * 100\n"
              "e2.q2.check(rate)"),
    solution_code=(
        "value = analysis.value\n"
        "corrections = value(\"review_revoked\") + value(\"review_ordered_redo\")\n"
        "concluded = value(\"review_cases_accepted\") - value(\"review_pending\")\n"
        "rate = corrections / concluded * 100\n"
        "print(round(rate, 2))\n"
        "e2.q2.check(rate)"),
    mistakes=[
        Mistake("over_accepted", lambda: 100 * _corrections() / value("review_cases_accepted"),
                Text("Divided by the cases accepted, pending ones included.", "用受理数作分母，把待办案件也算了进去。"),
                Text("You divided by every case accepted. The pending cases (待办) have no decision yet: the "
                     "national usage divides by the cases concluded.",
                     "你除以的是全部受理数。待办案件还没有作出决定，通行口径的分母是办结数。")),
        Mistake("rejected_counted", lambda: 100 * (_corrections() + value("review_rejected")) / _concluded(),
                Text("Counted 驳回 as a correction.", "把驳回计成了纠错。"),
                Text("驳回 rejects the application: the agency's act stands. It is a ruling for the agency, "
                     "not a correction.", "驳回是驳回申请人的请求，被申请人的行为维持不变，是有利于行政机关的决定，不是纠错。")),
        Mistake("merits_only", lambda: 100 * _corrections() / (_corrections() + value("review_rejected")
                                                               + value("review_upheld")),
                Text("Divided by the decisions on the merits only, leaving out terminated cases.",
                     "只以实体决定为分母，漏了终止的案件。"),
                Text("Terminated cases (终止) are concluded too: keep them in the denominator.",
                     "终止的案件也已办结，应计入分母。")),
        Mistake("revoked_only", lambda: 100 * value("review_revoked") / _concluded(),
                Text("Counted only 撤销 as a correction.", "只把撤销计为纠错。"),
                Text("责令重新作出 corrects the act too: it comes with revoking the act or confirming it unlawful, "
                     "and orders the agency to act anew.",
                     "责令重新作出也是纠错：它与撤销或确认违法一并作出，要求行政机关重新作出行为。")),
        Mistake("fraction", lambda: _national() / 100,
                Text("Left the rate as a fraction.", "没有乘以100。"),
                Text("The report writes rates in percent: multiply by 100.", "报告的比率以百分数表示，请乘以100。")),
        Mistake("stated", lambda: value("review_correction_rate"),
                Text("Handed in the rate the report states.", "直接交了报告所写的纠错率。"),
                Text("That is the rate the report states ({stated}). The question asks you to compute the rate "
                     "yourself, under the national usage, from the counts of the cases.",
                     "这是报告自己写的纠错率（{stated}）。题目要你按全国通行口径，用案件数自己算一遍。")),
    ],
)

q3 = Choice(
    id="2.3",
    choices={
        "a": Text("The review body corrected the agency's act.", "复议机关纠正了行政机关的行为。"),
        "b": Text("The application was rejected: the agency's act stands.", "申请人的请求被驳回，行政机关的行为不变。"),
        "c": Text("The case was closed without a decision on the act, for instance after the applicant "
                  "withdrew.", "案件未就行政行为作出决定即告结束，例如申请人撤回申请。"),
        "d": Text("The case is still open.", "案件尚在办理中。"),
    },
    correct=lambda: "b",
    hint_text=Text("Which of the words in the report names each of these: 撤销, 驳回, 终止, 待办?",
                   "报告中的撤销、驳回、终止、待办，分别对应哪一项？"),
    explanation=Text("驳回 rejects the applicant's request, a ruling for the agency. c) is 终止, d) is 待办, and "
                     "a) describes 撤销, 变更, 确认违法 and 责令履行.",
                     "驳回是驳回申请人的请求，是有利于行政机关的决定。c) 是终止，d) 是待办，"
                     "a) 说的是撤销、变更、确认违法、责令履行。"),
    template="e2.q3.show()\nanswer = ____\ne2.q3.check(answer)",
    solution_code='e2.q3.show()\nanswer = "b"\ne2.q3.check(answer)',
    mistakes=option_mistakes({
        "a": (Text("Read 驳回 as the review body pushing back on the agency.", "把驳回理解成复议机关否定行政机关。"),
              Text("驳回 turns down the applicant, not the agency: the act under review stands.",
                   "驳回的是申请人的请求，不是行政机关；被复议的行为继续有效。")),
        "c": (Text("Confused 驳回 with 终止.", "把驳回和终止混淆了。"),
              Text("That is 终止: the review ends without a decision on the act.", "这是终止：复议结束，但没有对行政行为作出决定。")),
        "d": (Text("Confused 驳回 with 待办.", "把驳回和待办混淆了。"),
              Text("That is 待办, a case not yet concluded.", "这是待办，即尚未办结的案件。")),
    }),
)

q4 = Number(
    id="2.4",
    expected=lambda: 100 * (_corrections() + value("review_terminated")) / _concluded(),
    tolerance=0.05,
    places=2,
    unit=Text("%", "%"),
    hint_text=Text("Add the terminated cases (终止) to the corrections; keep the cases concluded as the denominator.",
                   "把终止的案件加到纠错数上，分母仍是办结数。"),
    explanation=Text("If every terminated case had ended because the agency corrected its own act (间接纠错), "
                     "corrections would be 撤销 + 责令重新作出 + 终止 over the cases concluded. The report does not "
                     "say why the cases were terminated, so the correction rate lies between the direct rate and "
                     "this ceiling.",
                     "如果每一件终止都是因为行政机关自行纠正、申请人撤回（间接纠错），纠错数就是撤销＋责令重新作出＋终止，"
                     "分母仍为办结数。报告没有说明终止的原因，所以纠错率在直接纠错率与这个上限之间。"),
    template=("terminated = ____\n"
              "ceiling = (corrections + terminated) / concluded * 100\n"
              "e2.q4.check(ceiling)"),
    solution_code=(
        "terminated = value(\"review_terminated\")\n"
        "ceiling = (corrections + terminated) / concluded * 100\n"
        "print(round(ceiling, 2))\n"
        "e2.q4.check(ceiling)"),
    mistakes=[
        Mistake("over_accepted", lambda: 100 * (_corrections() + value("review_terminated"))
                / value("review_cases_accepted"),
                Text("Divided by the cases accepted.", "用受理数作了分母。"),
                Text("Keep the cases concluded as the denominator, as in exercise 2.2.", "分母仍用办结数，与练习 2.2 相同。")),
        Mistake("direct_only", _national,
                Text("Left the terminated cases out.", "没有加上终止的案件。"),
                Text("That is the direct rate of exercise 2.2; add the terminated cases to the corrections.",
                     "这是练习 2.2 的直接纠错率，请把终止的案件加到纠错数上。")),
    ],
)

q5 = Number(
    id="2.5",
    expected=lambda: 100 / _concluded(),
    tolerance=0.05,
    places=2,
    unit=Text(" percentage points", "个百分点"),
    hint_text=Text("One case more or less among the corrections changes the rate by 1 / concluded, in percent.",
                   "纠错数增减一件，比率就变化 1 ÷ 办结数（以百分数计）。"),
    explanation=Text("With so few cases concluded, each case moves the rate by several percentage points: a "
                     "difference of a few points from the national rate says little.",
                     "办结案件这么少，每一件都会让比率变动好几个百分点；与全国比率相差几个百分点说明不了什么。"),
    template="one_case = ____\ne2.q5.check(one_case)",
    solution_code="one_case = 100 / concluded\nprint(round(one_case, 2))\ne2.q5.check(one_case)",
    mistakes=[
        Mistake("over_accepted", lambda: 100 / value("review_cases_accepted"),
                Text("Used the cases accepted.", "用了受理数。"),
                Text("The rate is over the cases concluded; use that number.", "比率的分母是办结数，请用它计算。")),
        Mistake("fraction", lambda: 1 / _concluded(),
                Text("Left it as a fraction.", "没有乘以100。"),
                Text("Give it in percentage points: multiply by 100.", "请以百分点表示，乘以100。")),
    ],
)
