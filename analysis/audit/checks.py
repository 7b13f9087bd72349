"""Check a report against itself: part-whole sums, recomputed rates, implausible
values and damaged text. Nothing in the data is corrected; every finding says what
was compared with what.

Each check is a function over the figures table, so it can be tested on constructed
figures whose answer is known.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

import pandas as pd

from ..tables.figures import load_figures, load_table, non_figures

SEVERITIES = ("error", "warning", "note")


@dataclass
class Finding:
    finding_id: str
    check: str  # part_whole, rate, plausibility, damaged_text
    severity: str  # error, warning, note
    verdict: str
    figure_ids: list[str]
    message_en: str
    message_zh: str
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- part-whole


def part_whole(figures: pd.DataFrame) -> list[Finding]:
    """Every breakdown: the parts against the total, subsets against the whole."""
    found = []
    by_id = figures.set_index("figure_id")
    for parent_id in _in_order(figures, figures["parent_id"].dropna().unique()):
        parent = by_id.loc[parent_id]
        children = figures[figures["parent_id"] == parent_id]
        for relation, group in children.groupby("relation", sort=False):
            ids = [parent_id, *group["figure_id"]]
            total = float(group["value"].sum())
            expected = float(parent["value"])
            details = {"parent": parent_id, "relation": relation, "expected": expected,
                       "actual": total, "parts": group["figure_id"].tolist()}
            name = f"{parent['indicator_en']} ({parent['indicator_zh']})"
            if relation == "part":
                agree = parts_agree(parent, group)
                # 件 and 起 both count cases; 个 and 人 do not count the same thing.
                kinds = sorted(set(group["unit_en"]) | {parent["unit_en"]})
                units = sorted(set(group["unit"]) | {parent["unit"]})
                details["units"] = units
                unit_note = "" if len(kinds) == 1 else (
                    f" The parts mix units ({', '.join(units)}: {', '.join(kinds)}).")
                unit_note_zh = "" if len(kinds) == 1 else f"各部分单位不一（{'、'.join(units)}）。"
                found.append(Finding(
                    f"sum-{parent_id}", "part_whole",
                    ("note" if len(kinds) == 1 else "warning") if agree else "error",
                    "sums" if agree else "does_not_sum", ids,
                    f"{name}: its {len(group)} parts sum to {_n(total)}, the total is "
                    f"{_n(expected)}.{unit_note}",
                    f"{parent['indicator_zh']}：{len(group)}个分项合计{_n(total)}，总数为{_n(expected)}。"
                    f"{unit_note_zh}", details))
            elif relation == "subset":
                ok = total <= expected
                share = total / expected if expected else float("nan")
                details["share"] = share
                found.append(Finding(
                    f"subset-{parent_id}", "part_whole", "note" if ok else "error",
                    "within" if ok else "exceeds", ids,
                    f"{name}: the subset ({', '.join(group['indicator_en'])}) is {_n(total)} of "
                    f"{_n(expected)} ({share:.1%}); the rest is not broken down.",
                    f"{parent['indicator_zh']}：其中{'、'.join(group['indicator_zh'])}{_n(total)}，"
                    f"占{share:.1%}，其余未细分。", details))
            else:  # overlapping
                found.append(Finding(
                    f"overlap-{parent_id}", "part_whole", "note", "may_overlap", ids,
                    f"{name}: the {len(group)} groups listed under it sum to {_n(total)} against "
                    f"{_n(expected)}, but they may overlap and count "
                    f"{'/'.join(sorted(set(group['unit_en'])))} rather than {parent['unit_en']}; "
                    "not compared.",
                    f"{parent['indicator_zh']}：所列{len(group)}类人群合计{_n(total)}，"
                    f"但各类可能重叠，且以“{'、'.join(sorted(set(group['unit'])))}”计，不作比较。",
                    details))
    return found


def parts_agree(parent: pd.Series, parts: pd.DataFrame) -> bool:
    """Parts that make up a whole agree with it: they sum to it, or, when any of the
    numbers is approximate (余, 以上), they do not exceed it."""
    total, expected = float(parts["value"].sum()), float(parent["value"])
    inexact = (parts["qualifier"] != "exact").any() or parent["qualifier"] != "exact"
    return math.isclose(total, expected) or bool(inexact and total <= expected)


# --------------------------------------------------------------------- rates


@dataclass(frozen=True)
class Definition:
    """One way to compute a rate from the report's own figures."""

    name_en: str
    name_zh: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]  # summed; a leading "-" subtracts
    standard: bool
    value: float = float("nan")


# The definitions each stated rate is recomputed under. The review correction rate
# follows the national usage (corrections over cases concluded) and the variants
# local reports are seen to use.
RATE_DEFINITIONS: dict[str, list[Definition]] = {
    "review_correction_rate": [
        Definition("corrections / cases concluded", "纠错数÷办结数",
                   ("review_revoked", "review_ordered_redo"),
                   ("review_cases_accepted", "-review_pending"), True),
        Definition("corrections / cases accepted", "纠错数÷受理数",
                   ("review_revoked", "review_ordered_redo"), ("review_cases_accepted",), False),
        Definition("corrections / cases decided on the merits", "纠错数÷实体审结数",
                   ("review_revoked", "review_ordered_redo"),
                   ("review_revoked", "review_ordered_redo", "review_rejected", "review_upheld"),
                   False),
        Definition("corrections and rejections / cases accepted", "纠错及驳回数÷受理数",
                   ("review_revoked", "review_ordered_redo", "review_rejected"),
                   ("review_cases_accepted",), False),
    ],
    "mediation_success_rate": [
        Definition("mediated successfully / disputes accepted", "调解成功数÷受理数",
                   ("disputes_mediated",), ("disputes_accepted",), True),
    ],
}
# Rates whose denominator is stated but not their numerator: is any whole number possible?
RATE_DENOMINATORS = {"leader_cases_resolution_rate": "leader_cases"}


def decimals(value: float, mention: str) -> int:
    """Decimal places the report wrote the value with."""
    digits = mention.split("%")[0]
    return len(digits.split(".")[1].rstrip("%以上余多")) if "." in digits else 0


def _total(ids: tuple[str, ...], values: pd.Series) -> float:
    """Sum of the figures named; an id with a leading "-" is subtracted."""
    return float(sum(-values[i[1:]] if i.startswith("-") else values[i] for i in ids))


def recompute_rate(rate_id: str, figures: pd.DataFrame | None = None) -> list[Definition]:
    """The rate under each definition in RATE_DEFINITIONS, in percent."""
    figures = load_figures() if figures is None else figures
    values = figures.set_index("figure_id")["value"]
    out = []
    for d in RATE_DEFINITIONS[rate_id]:
        den = _total(d.denominator, values)
        out.append(Definition(d.name_en, d.name_zh, d.numerator, d.denominator, d.standard,
                              100 * _total(d.numerator, values) / den if den else float("nan")))
    return out


def agrees(recomputed: float, stated: float, places: int) -> bool:
    """Does recomputed round (half up) to the stated value at the report's precision?"""
    half, eps = 0.5 * 10 ** -places, 1e-9
    return -half - eps <= recomputed - stated < half - eps


def nearest_whole(stated: float, denominator: float) -> dict[int, float]:
    """The two whole numerators around stated% of denominator, with the rates they give."""
    implied = stated / 100 * denominator
    return {k: 100 * k / denominator for k in (math.floor(implied), math.ceil(implied))}


def reproducing_numerators(stated: float, places: int, denominator: float) -> list[int]:
    """The whole numerators that, over this denominator, round to the stated percentage."""
    half = 0.5 * 10 ** -places
    low = math.ceil((stated - half) / 100 * denominator - 1e-9)
    high = math.floor((stated + half) / 100 * denominator - 1e-9)
    return [k for k in range(max(low, 0), high + 1) if agrees(100 * k / denominator, stated, places)]


def rate_verdict(stated: float, places: int, standard: list[float], other: list[float]) -> str:
    """reproduced, reproduced_nonstandard, rounding_consistent or not_reproducible.

    Agreeing means rounding to the report's precision gives the stated value;
    rounding-consistent means truncating (not rounding) would give it.
    """
    def truncates(x):
        return math.floor(x * 10 ** places + 1e-9) / 10 ** places == stated or \
            math.ceil(x * 10 ** places - 1e-9) / 10 ** places == stated

    if any(agrees(x, stated, places) for x in standard):
        return "reproduced"
    if any(agrees(x, stated, places) for x in other):
        return "reproduced_nonstandard"
    if any(truncates(x) for x in standard + other):
        return "rounding_consistent"
    return "not_reproducible"


def rates(figures: pd.DataFrame) -> list[Finding]:
    found = []
    by_id = figures.set_index("figure_id")
    for rate_id in RATE_DEFINITIONS:
        if rate_id not in by_id.index:
            continue
        rate = by_id.loc[rate_id]
        places = decimals(rate["value"], rate["mention"])
        results = recompute_rate(rate_id, figures)
        verdict = rate_verdict(rate["value"], places, [d.value for d in results if d.standard],
                               [d.value for d in results if not d.standard])
        ids = list(dict.fromkeys([rate_id, *(i.lstrip("-") for d in results
                                             for i in d.numerator + d.denominator)]))
        lines_en = "; ".join(f"{d.name_en}{' (standard)' if d.standard else ''} = {d.value:.2f}%"
                             for d in results)
        lines_zh = "；".join(f"{d.name_zh}{'（通行口径）' if d.standard else ''}={d.value:.2f}%"
                             for d in results)
        severity = {"reproduced": "note", "rounding_consistent": "note",
                    "reproduced_nonstandard": "warning", "not_reproducible": "error"}[verdict]
        matching = [d.name_en for d in results if agrees(d.value, rate["value"], places)]
        values = figures.set_index("figure_id")["value"]
        found.append(Finding(
            f"rate-{rate_id}", "rate", severity, verdict, ids,
            f"{rate['indicator_en']}: stated {rate['mention']}; {lines_en}. "
            + {"reproduced": "The standard definition reproduces it.",
               "reproduced_nonstandard": f"Only a non-standard definition reproduces it "
                                         f"({'; '.join(matching)}).",
               "rounding_consistent": "It matches only if the report truncated instead of rounding.",
               "not_reproducible": "No definition reproduces it at the report's precision."}[verdict],
            f"{rate['indicator_zh']}：报告为{rate['mention']}；{lines_zh}。"
            + {"reproduced": "按通行口径可以重现。",
               "reproduced_nonstandard": "只有非通行口径能重现。",
               "rounding_consistent": "只有截尾而非四舍五入时相符。",
               "not_reproducible": "按报告的精度，任何口径都不能重现。"}[verdict],
            {"stated": float(rate["value"]), "decimals": places,
             "recomputed": {d.name_en: round(d.value, 4) for d in results},
             "differences": {d.name_en: round(d.value - rate["value"], 4) for d in results},
             "standard": [d.name_en for d in results if d.standard],
             "numerators_that_reproduce": {d.name_en: reproducing_numerators(
                 rate["value"], places, _total(d.denominator, values)) for d in results}}))
    for rate_id, denominator_id in RATE_DENOMINATORS.items():
        if rate_id not in by_id.index:
            continue
        rate, den = by_id.loc[rate_id], by_id.loc[denominator_id]
        places = decimals(rate["value"], rate["mention"])
        n = int(den["value"])
        implied = rate["value"] / 100 * n
        candidates = nearest_whole(rate["value"], n)
        whole = [k for k, pct in candidates.items() if agrees(pct, rate["value"], places)]
        verdict = "reproduced" if whole else "not_reproducible"
        nearest = ", ".join(f"{k}/{n} = {pct:.2f}%" for k, pct in candidates.items())
        found.append(Finding(
            f"rate-{rate_id}", "rate", "note" if whole else "error", verdict,
            [rate_id, denominator_id],
            f"{rate['indicator_en']}: stated {rate['mention']} of {_n(n)} {den['unit_en']} implies "
            f"{implied:.2f} resolved; " + (f"{whole[0]}/{n} gives it." if whole else
                                           f"no whole number does ({nearest})."),
            f"{rate['indicator_zh']}：{_n(n)}{den['unit']}的{rate['mention']}相当于{implied:.2f}件；"
            + (f"{whole[0]}/{n}可得此值。" if whole else f"没有整数能得到此值（{nearest}）。"),
            {"stated": float(rate["value"]), "decimals": places, "denominator": n,
             "implied_numerator": round(implied, 4),
             "nearest": {str(k): round(v, 4) for k, v in candidates.items()}}))
    return found


# --------------------------------------------------------------- plausibility


def plausibility(figures: pd.DataFrame) -> list[Finding]:
    """Values that are impossible, or implausible next to other figures of the report."""
    found = []
    by_id = figures.set_index("figure_id")
    for _, f in figures[(figures["unit"] == "%") & (figures["value"] > 100)].iterrows():
        found.append(Finding(f"over-100-{f['figure_id']}", "plausibility", "error", "impossible",
                             [f["figure_id"]],
                             f"{f['indicator_en']} is {f['mention']}: a rate above 100%.",
                             f"{f['indicator_zh']}为{f['mention']}，比率超过100%。",
                             {"value": float(f["value"]), "compared_with": 100.0}))

    def have(*ids):
        return all(i in by_id.index for i in ids)

    def v(i):
        return float(by_id.loc[i, "value"])

    if have("petitioners_received", "leader_reception_sessions", "hotline_requests"):
        per = v("petitioners_received") / v("leader_reception_sessions")
        ratio = v("petitioners_received") / v("hotline_requests")
        found.append(Finding(
            "petitioners-per-session", "plausibility", "warning", "implausible",
            ["petitioners_received", "leader_reception_sessions", "hotline_requests"],
            f"{_n(v('petitioners_received'))} petitioner visits over {_n(v('leader_reception_sessions'))} "
            f"reception sessions is {per:,.0f} per session, and {ratio:.0f} times the "
            f"{_n(v('hotline_requests'))} requests the 12345 hotline handled all year. The count may "
            "include visits not received by district leaders.",
            f"{_n(v('petitioners_received'))}人次来访对应{_n(v('leader_reception_sessions'))}场次接访，"
            f"每场次{per:,.0f}人次，是12345热线全年诉求{_n(v('hotline_requests'))}件的{ratio:.0f}倍；"
            "该数可能包含非区领导接待的来访。",
            {"per_session": round(per, 2), "times_hotline": round(ratio, 2)}))
    if have("inspection_plans", "inspection_tasks", "inspection_results"):
        plans, tasks, results = v("inspection_plans"), v("inspection_tasks"), v("inspection_results")
        found.append(Finding(
            "inspection-funnel-order", "plausibility", "warning", "implausible",
            ["inspection_plans", "inspection_tasks", "inspection_results"],
            f"{_n(plans)} inspection plans generated {_n(tasks)} tasks ({tasks / plans:.2f} per plan), "
            f"which produced {_n(results)} results ({results / tasks:.2f} per task). A plan should yield "
            "at least one task and a task one result; the report does not say how each is counted.",
            f"制定检查计划{_n(plans)}个，生成任务{_n(tasks)}项（每个计划{tasks / plans:.2f}项），"
            f"录入结果{_n(results)}个（每项任务{results / tasks:.2f}个）；报告未说明计数口径。",
            {"tasks_per_plan": round(tasks / plans, 4), "results_per_task": round(results / tasks, 4)}))
    for staff_id in ("township_enforcement_team_leaders", "township_service_centre_directors"):
        if have(staff_id, "townships_powers_taken_up"):
            staff, towns = v(staff_id), v("townships_powers_taken_up")
            if staff < towns:
                found.append(Finding(
                    f"staffing-{staff_id}", "plausibility", "note", "gap",
                    [staff_id, "townships_powers_taken_up"],
                    f"{by_id.loc[staff_id, 'indicator_en']}: {_n(staff)} for {_n(towns)} townships; "
                    f"by the report's count, {_n(towns - staff)} townships had none yet.",
                    f"{by_id.loc[staff_id, 'indicator_zh']}{_n(staff)}名，乡镇{_n(towns)}个，"
                    f"尚有{_n(towns - staff)}个乡镇未配备。",
                    {"staff": staff, "townships": towns}))
    if have("judicial_offices_4_staff", "judicial_offices_3_staff", "judicial_office_staff",
            "judicial_office_heads"):
        offices = v("judicial_offices_4_staff") + v("judicial_offices_3_staff")
        staff = 4 * v("judicial_offices_4_staff") + 3 * v("judicial_offices_3_staff")
        agree = staff == v("judicial_office_staff") and offices == v("judicial_office_heads")
        found.append(Finding(
            "judicial-office-staffing", "plausibility", "note" if agree else "warning",
            "consistent" if agree else "inconsistent",
            ["judicial_offices_4_staff", "judicial_offices_3_staff", "judicial_office_staff",
             "judicial_office_heads"],
            f"{_n(v('judicial_offices_4_staff'))} four-person and {_n(v('judicial_offices_3_staff'))} "
            f"three-person offices make {_n(offices)} offices with {_n(staff)} staff; the report gives "
            f"{_n(v('judicial_office_staff'))} staff and {_n(v('judicial_office_heads'))} heads.",
            f"4人所{_n(v('judicial_offices_4_staff'))}个、3人所{_n(v('judicial_offices_3_staff'))}个，"
            f"合{_n(offices)}个所、{_n(staff)}人；报告为{_n(v('judicial_office_staff'))}人、"
            f"所长{_n(v('judicial_office_heads'))}人。",
            {"offices": offices, "staff_implied": staff}))
    if have("full_time_mediators_per_township", "full_time_mediators_per_committee",
            "full_time_mediators_total", "townships_powers_taken_up"):
        committees = len(by_id.loc["full_time_mediators_per_committee", "indicator_zh"]
                         .split("各聘请")[0].split("、"))
        towns = v("townships_powers_taken_up")
        implied = towns * v("full_time_mediators_per_township") + \
            committees * v("full_time_mediators_per_committee")
        agree = implied == v("full_time_mediators_total")
        found.append(Finding(
            "full-time-mediators-total", "plausibility", "note" if agree else "warning",
            "consistent" if agree else "inconsistent",
            ["full_time_mediators_per_township", "full_time_mediators_per_committee",
             "full_time_mediators_total", "townships_powers_taken_up"],
            f"{_n(towns)} townships × {_n(v('full_time_mediators_per_township'))} + {committees} "
            f"committees × {_n(v('full_time_mediators_per_committee'))} = {_n(implied)} full-time "
            f"mediators; the report gives {_n(v('full_time_mediators_total'))}.",
            f"{_n(towns)}个乡镇×{_n(v('full_time_mediators_per_township'))}名＋{committees}个管委会×"
            f"{_n(v('full_time_mediators_per_committee'))}名＝{_n(implied)}名；报告为"
            f"{_n(v('full_time_mediators_total'))}名。",
            {"implied": implied, "committees": committees}))
    if have("no_visit_services", "local_services_online"):
        a, b = v("no_visit_services"), v("local_services_online")
        if a != b:
            found.append(Finding(
                "featured-services-counts", "plausibility", "note", "unexplained",
                ["no_visit_services", "local_services_online"],
                f"Section 一 counts {_n(a)} featured (特色) services approved without a visit; section 二 "
                f"counts {_n(b)} local featured services put online. The report does not say how the "
                "two relate.",
                f"第一部分称{_n(a)}项高频特色服务事项实现“不见面审批”，第二部分称区级上线本地特色服务"
                f"事项{_n(b)}项，报告未说明二者关系。", {"difference": a - b}))
    return found


# --------------------------------------------------------------- damaged text


def damaged_text(report: str | None = None) -> list[Finding]:
    """Lost characters and typos: read from non_figures (damaged) and text_issues."""
    found = []
    listed = non_figures(report)
    for _, row in listed[listed["damaged"]].iterrows():
        found.append(Finding(
            f"text-{row['item_id']}", "damaged_text", "note", "lost_characters", [],
            f"{row['mention']} ({row['kind'].replace('_', ' ')}) reads as {row['reading']}: "
            f"{row['reason']}",
            f"“{row['mention']}”应为“{row['reading']}”。", {"quote": row["quote"],
                                                          "reading": row["reading"]}))
    issues = load_table("text_issues", report)
    for _, row in issues.iterrows():
        found.append(Finding(
            f"text-{row['issue_id']}", "damaged_text", "note", row["kind"], [],
            f"{row['mention']} reads as {row['reading']}: {row['note']}",
            f"“{row['mention']}”应为“{row['reading']}”。",
            {"quote": row["quote"], "reading": row["reading"]}))
    return found


# ---------------------------------------------------------------------- all


def audit(report: str | None = None) -> list[Finding]:
    """Every finding for one report (or all), in a fixed order."""
    figures = load_figures(report)
    findings = []
    for report_id in dict.fromkeys(figures["report_id"]):
        own = figures[figures["report_id"] == report_id].reset_index(drop=True)
        findings += part_whole(own) + rates(own) + plausibility(own) + damaged_text(report_id)
    return findings


def _in_order(figures: pd.DataFrame, ids) -> list[str]:
    wanted = set(ids)
    return [f for f in figures["figure_id"] if f in wanted]


def _n(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"
