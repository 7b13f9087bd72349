"""Check a report against itself: part-whole sums, recomputed rates, implausible
values and damaged text. Nothing in the data is corrected; every finding says what
was compared with what, and gives every plausible explanation.

Each check is a function over the figures table, so it can be tested on constructed
figures whose answer is known. Severity follows materiality (see `materiality`): how
much a number a reader would quote could change, not which check found it.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field, replace

import pandas as pd

from ..tables.figures import load_figures, load_table, non_figures
from ..tables.package import load_package

SEVERITIES = ("material", "minor", "note")
CHECKS = ("part_whole", "rate", "plausibility", "damaged_text")
# A quoted rate that could move by this many percentage points, or a quoted count by this
# share of itself, is material: enough to change a comparison or a headline.
MATERIAL_POINTS = 1.0
MATERIAL_SHARE = 0.01
# General measure words take the meaning of the noun they count (25个 mediators are 25
# people; 187项 tasks are tasks): a part counted with one is like with like with its total,
# and in English the noun, not "units" or "items", says what is counted.
GENERAL_MEASURE_WORDS = frozenset({"个", "项"})


@dataclass
class Finding:
    finding_id: str
    check: str  # part_whole, rate, plausibility, damaged_text
    severity: str  # material, minor, note
    verdict: str
    figure_ids: list[str]
    message_en: str
    message_zh: str
    details: dict = field(default_factory=dict)

    def __post_init__(self):
        # Chinese text writes 139163, as the report and the briefing do, not 139,163
        self.message_zh = re.sub(r"(?<=\d),(?=\d{3})", "", self.message_zh)

    def as_dict(self) -> dict:
        return asdict(self)


def materiality(*, impossible: bool = False, points: float = 0.0, share: float = 0.0,
                meaning_in_doubt: bool = False, caveat: bool = False) -> str:
    """The severity of a finding, from what it does to a number a reader would quote.

    material: the number cannot be true as printed, or could move by MATERIAL_POINTS
      percentage points (a rate) or MATERIAL_SHARE of itself (a count) or more, or what it
      counts is in doubt;
    minor: it could move by less than that, or needs a caveat to be quoted;
    note: nothing a reader would quote changes.
    """
    if impossible or meaning_in_doubt or points >= MATERIAL_POINTS - 1e-9 \
            or share >= MATERIAL_SHARE - 1e-12:
        return "material"
    if points > 1e-9 or share > 1e-12 or caveat:
        return "minor"
    return "note"


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
            name = parent["indicator_en"]
            if relation == "part":
                found.append(_parts_finding(parent, group, ids, name, details))
            elif relation == "subset":
                ok = total <= expected
                share = total / expected if expected else float("nan")
                details["share"] = share
                found.append(Finding(
                    f"subset-{parent_id}", "part_whole", materiality(impossible=not ok),
                    "within" if ok else "exceeds", ids,
                    f"{name}: the subset ({', '.join(group['indicator_en'])}) is {_n(total)} of "
                    f"{_n(expected)} ({share:.1%}); the rest is not broken down." if ok else
                    f"{name}: the subset ({', '.join(group['indicator_en'])}) is {_n(total)}, more "
                    f"than the {_n(expected)} it is part of; one of the counts cannot be true as "
                    "printed (a slip in either, or counts taken at different dates).",
                    f"{_whole_zh(parent, by_id)}{_n(expected)}{parent['unit']}，其中"
                    f"{'、'.join(group['indicator_zh'])}{_n(total)}{group['unit'].iloc[0]}，"
                    f"占{share:.1%}，其余未细分。" if ok else
                    f"{parent['indicator_zh']}：其中{'、'.join(group['indicator_zh'])}{_n(total)}，"
                    f"多于总数{_n(expected)}，二者不能同时成立，可能为其中一数有误，或统计时点不同。",
                    details))
            else:  # overlapping
                found.append(Finding(
                    f"overlap-{parent_id}", "part_whole", "note", "may_overlap", ids,
                    f"{name}: the {len(group)} groups listed under it sum to {_n(total)} against "
                    f"{_n(expected)}, but one person may belong to several groups and the groups "
                    f"count {'/'.join(sorted(set(group['unit_en'])))} rather than "
                    f"{parent['unit_en']}; they are not compared.",
                    f"{parent['indicator_zh']}：所列{len(group)}类人群合计{_n(total)}"
                    f"{group['unit'].iloc[0] if group['unit'].nunique() == 1 else ''}，"
                    f"但同一人可能分属多类，且以“{'、'.join(sorted(set(group['unit'])))}”计、"
                    f"总数以“{parent['unit']}”计，故不作比较。", details))
    return found


def _parts_finding(parent, group, ids, name, details) -> Finding:
    total, expected = details["actual"], details["expected"]
    agree = parts_agree(parent, group)
    units = sorted(set(group["unit"]) | {parent["unit"]})
    details["units"] = units
    kinds = sorted(set(group.loc[~group["unit"].isin(GENERAL_MEASURE_WORDS), "unit_en"])
                   | ({parent["unit_en"]} if parent["unit"] not in GENERAL_MEASURE_WORDS else set()))
    mixed = len(kinds) > 1  # 件 and 起 both count cases; 人 and 件 do not count the same thing
    unit_en = unit_zh = ""
    general = [u for u in units if u in GENERAL_MEASURE_WORDS]
    if general and len(units) > 1 and not mixed:
        unit_en = (f" Some parts are counted with {'/'.join(general)}, a general measure word that "
                   f"takes the meaning of what it counts: here the same as the total "
                   f"({kinds[0] if kinds else ''}).")
        unit_zh = f"部分分项以“{'、'.join(general)}”计，所计对象与总数相同。"
    elif mixed:
        unit_en = (f" The parts are counted in different units ({', '.join(units)}: "
                   f"{', '.join(kinds)}), so the sum may add unlike things.")
        unit_zh = f"各分项计量单位不一（{'、'.join(units)}），合计可能把不同事物相加。"
    gap = abs(total - expected)
    share = gap / expected if expected else float("inf")
    details["share_off"] = 0.0 if agree else round(share, 6)
    if agree:
        verdict = "sums"
        severity = materiality(caveat=mixed)
        en = f"{name}: its {len(group)} parts sum to {_n(total)}, the total is {_n(expected)}."
        zh = (f"{parent['indicator_zh']}：{len(group)}个分项合计{_n(total)}{parent['unit']}，"
              f"与总数{_n(expected)}{parent['unit']}相符。")
    else:
        verdict = "does_not_sum"
        severity = materiality(share=share)
        more = "more" if total > expected else "less"
        en = (f"{name}: its {len(group)} parts sum to {_n(total)}, {_n(gap)} {more} than the total "
              f"of {_n(expected)}. Either a part or the total is misprinted, a category is left "
              "out of the list, or the counts were taken at different dates.")
        zh = (f"{parent['indicator_zh']}：{len(group)}个分项合计{_n(total)}，与总数{_n(expected)}"
              f"相差{_n(gap)}。可能是某一分项或总数有误、有类别未列出，或统计时点不同。")
    return Finding(f"sum-{ids[0]}", "part_whole",
                   severity, verdict, ids, en + unit_en, zh + unit_zh, details)


def parts_agree(parent: pd.Series, parts: pd.DataFrame) -> bool:
    """Parts that make up a whole agree with it: they sum to it, or, when any of the
    numbers is approximate (余, 以上), they do not exceed it."""
    total, expected = float(parts["value"].sum()), float(parent["value"])
    inexact = (parts["qualifier"] != "exact").any() or parent["qualifier"] != "exact"
    return math.isclose(total, expected) or bool(inexact and total <= expected)


# --------------------------------------------------------------------- rates


@dataclass(frozen=True)
class Reading:
    """One way to compute a rate from the report's own figures.

    partial: figures of which an unstated number (0 to all) also counts in the numerator,
    because the report does not say how many qualify; `values` then holds one rate per
    whole number, from none to all of them.
    declared: the definition a curator declared in rate_parts.csv (see `declared_rates`),
    rather than one of the package's own readings of the field's rates.
    """

    key: str
    name_en: str
    name_zh: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]  # summed; a leading "-" subtracts
    standard: bool = False
    plausible: bool = True
    partial: tuple[str, ...] = ()
    why_en: str = ""
    why_zh: str = ""
    declared: bool = False
    numerator_value: float = float("nan")
    denominator_value: float = float("nan")
    values: tuple[float, ...] = ()

    @property
    def value(self) -> float:
        """The rate with none of the partial figures counted (the only value without them)."""
        return self.values[0] if self.values else float("nan")

    @property
    def span(self) -> tuple[float, float]:
        return (min(self.values), max(self.values)) if self.values else (math.nan, math.nan)


# The direct corrections of administrative review (直接纠错): 撤销, 变更, 确认违法, 责令履行;
# 责令重新作出 (order to decide anew) is a form of 责令履行. A type the report does not
# list counts as none.
REVIEW_DIRECT = ("review_revoked", "review_altered", "review_confirmed_unlawful",
                 "review_ordered_to_perform", "review_ordered_redo")
# Concluded (办结) = accepted less pending: a terminated (终止) case is closed.
REVIEW_CONCLUDED = ("review_cases_accepted", "-review_pending")
REVIEW_DECIDED = (*REVIEW_DIRECT, "review_rejected", "review_upheld")
_INDIRECT_EN = ("Indirect correction (间接纠错): a case terminated (终止) after the agency "
                "corrected its own act and the applicant withdrew; the report does not say how "
                "many of its terminated cases ended that way.")
_INDIRECT_ZH = "间接纠错：被申请人自行纠正、申请人撤回申请后终止的案件；报告未说明终止案件中有几件属此情形。"
# over cases accepted, the base holds the cases still pending, which no national rate counts
_INDIRECT_ACCEPTED_EN = _INDIRECT_EN + " The base also counts the cases still pending."
_INDIRECT_ACCEPTED_ZH = _INDIRECT_ZH + "分母还含尚未办结的待办案件。"

READINGS: dict[str, list[Reading]] = {
    "review_correction_rate": [
        Reading("direct_concluded", "direct corrections / cases concluded", "直接纠错数÷办结数",
                REVIEW_DIRECT, REVIEW_CONCLUDED, standard=True,
                why_en="The national usage (Ministry of Justice): the acts revoked (撤销), altered "
                       "(变更), confirmed unlawful (确认违法) or ordered to perform (责令履行), over the "
                       "cases concluded, terminated cases included; an act revoked and ordered to act "
                       "anew (责令重新作出) counts among the revoked.",
                why_zh="全国通行口径：撤销（含撤销并责令重新作出）、变更、确认违法、责令履行决定数"
                       "÷办结案件数，终止案件计入办结。"),
        Reading("direct_accepted", "direct corrections / cases accepted", "直接纠错数÷受理数",
                REVIEW_DIRECT, ("review_cases_accepted",),
                why_en="The same corrections over all cases accepted, pending ones included.",
                why_zh="同样的纠错决定数÷全部受理案件数（含待办）。"),
        Reading("indirect_concluded", "direct and indirect corrections / cases concluded",
                "直接及间接纠错数÷办结数", REVIEW_DIRECT, REVIEW_CONCLUDED,
                partial=("review_terminated",), why_en=_INDIRECT_EN, why_zh=_INDIRECT_ZH),
        Reading("indirect_accepted", "direct and indirect corrections / cases accepted",
                "直接及间接纠错数÷受理数", REVIEW_DIRECT, ("review_cases_accepted",),
                partial=("review_terminated",), why_en=_INDIRECT_ACCEPTED_EN,
                why_zh=_INDIRECT_ACCEPTED_ZH),
        Reading("direct_decided", "direct corrections / cases decided", "直接纠错数÷作出决定数",
                REVIEW_DIRECT, REVIEW_DECIDED,
                why_en="Over the cases the review body decided (corrections, 驳回 and 维持), "
                       "terminated and pending cases left out.",
                why_zh="以作出复议决定（纠错、驳回、维持）的案件为分母，不计终止和待办案件。"),
        Reading("with_rejected_accepted", "direct corrections and rejections / cases accepted",
                "直接纠错及驳回数÷受理数", (*REVIEW_DIRECT, "review_rejected"),
                ("review_cases_accepted",), plausible=False,
                why_en="驳回 rejects the application: a ruling for the agency, not a correction, "
                       "so counting it as one is implausible.",
                why_zh="驳回复议申请是有利于被申请人的决定，不属纠错，计入纠错数不合常理。"),
    ],
    "mediation_success_rate": [
        Reading("success_accepted", "mediated successfully / disputes accepted",
                "调解成功数÷受理数", ("disputes_mediated",), ("disputes_accepted",), standard=True,
                why_en="Successful mediations over the disputes identified and accepted, the "
                       "only base the report gives.",
                why_zh="报告给出的分母只有排查、受理的矛盾纠纷数。"),
    ],
}
# Explanations beyond the readings: a base the report does not give.
OTHER_BASES = {
    "mediation_success_rate": (
        "The rate may also be over a base the report does not give (disputes taken to "
        "mediation rather than all accepted), or computed at another date than the counts.",
        "也可能以报告未给出的数为分母（如进入调解程序的纠纷数而非全部受理数），或比率与件数的统计时点不同。"),
    "review_correction_rate": (
        "The rate may also count cases the report does not list (concluded in the year but accepted "
        "the year before, say), or have been computed at another date than the counts.",
        "也可能计入了报告未列的案件（如上年受理、本年办结的案件），或比率与件数的统计时点不同。"),
}
# The readings above are the field's rates, read under every definition in use. Any other
# rate is declared as data, for its report: rate_parts.csv names the figures of its
# numerator and denominator (see declared_rates and analysis/audit/README.md).
DECLARED = "declared"  # the key of a declared definition among a rate's readings


def decimals(value: float, mention: str) -> int:
    """Decimal places the report wrote the value with."""
    digits = mention.split("%")[0]
    return len(digits.split(".")[1].rstrip("%以上余多")) if "." in digits else 0


def _total(ids: tuple[str, ...], values: pd.Series) -> float:
    """Sum of the figures named (one the report does not give counts as none); an id with
    a leading "-" is subtracted."""
    return float(sum(-values.get(i[1:], 0.0) if i.startswith("-") else values.get(i, 0.0)
                     for i in ids))


def declared_rates(parts: pd.DataFrame) -> dict[str, Reading]:
    """The rates declared in rate_parts rows, in their order: rate id -> its definition (a
    reading to compute; a subtracted figure gets the leading "-"). A definition without a
    numerator gives the rate's base only."""
    declared = {}
    for rate_id, rows in parts.groupby("rate_id", sort=False):
        signed = rows["subtract"].fillna(False).astype(bool).map({True: "-", False: ""}) + rows["figure_id"]
        ids = {part: tuple(signed[rows["part"] == part]) for part in ("numerator", "denominator")}
        first = rows.iloc[0]
        declared[rate_id] = Reading(DECLARED, _text(first["name_en"]), _text(first["name_zh"]),
                                    ids["numerator"], ids["denominator"], standard=True, declared=True)
    return declared


def rate_parts(figures: pd.DataFrame) -> pd.DataFrame:
    """The rate_parts rows of the reports these figures belong to (none for figures that
    name no report)."""
    parts = load_table("rate_parts")
    if "report_id" not in figures:
        return parts.iloc[0:0]
    return parts[parts["report_id"].isin(set(figures["report_id"]))]


def recompute_rate(rate_id: str, figures: pd.DataFrame | None = None,
                   parts: pd.DataFrame | None = None) -> list[Reading]:
    """The rate under each of its readings, in percent: its declared definition (rate_parts,
    of the figures' report unless given), else each reading in READINGS."""
    figures = load_figures() if figures is None else figures
    declared = declared_rates(rate_parts(figures) if parts is None else parts)
    values = figures.drop_duplicates("figure_id").set_index("figure_id")["value"]
    out = []
    for r in [declared[rate_id]] if rate_id in declared else READINGS[rate_id]:
        num, den = _total(r.numerator, values), _total(r.denominator, values)
        extra = int(_total(r.partial, values))
        rates = tuple(100 * (num + k) / den for k in range(extra + 1)) if den and r.numerator else ()
        out.append(replace(r, numerator_value=num, denominator_value=den, values=rates))
    return out


def agrees(recomputed: float, stated: float, places: int) -> bool:
    """Does recomputed round (half up) to the stated value at the report's precision?"""
    half, eps = 0.5 * 10 ** -places, 1e-9
    return -half - eps <= recomputed - stated < half - eps


def truncates_to(recomputed: float, stated: float, places: int) -> bool:
    """Would cutting recomputed off (not rounding) at the report's precision give stated?"""
    scale = 10 ** places
    return math.floor(recomputed * scale + 1e-9) / scale == stated


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


def reproducing_denominators(stated: float, places: int, numerator: float) -> list[int]:
    """The whole denominators that, under this numerator, round to the stated percentage."""
    if stated <= 0 or numerator <= 0:
        return []
    half = 0.5 * 10 ** -places
    low = math.floor(100 * numerator / (stated + half))
    high = math.ceil(100 * numerator / max(stated - half, 1e-9))
    return [n for n in range(max(low, 1), high + 1) if agrees(100 * numerator / n, stated, places)]


def nearest_bases(stated: float, places: int, near: int) -> list[tuple[int, int]]:
    """The nearest whole (numerator, denominator) pairs that give stated, one below `near`
    and one above it, within three times its size."""
    found = []
    for step in (-1, 1):
        for n in range(near + step, 0 if step < 0 else 3 * near + 1, step):
            ks = reproducing_numerators(stated, places, n)
            if ks:
                found.append((ks[0], n))
                break
    return sorted(found, key=lambda p: p[1])


def rate_verdict(stated: float, places: int, standard: list[float], other: list[float]) -> str:
    """reproduced, reproduced_nonstandard, rounding_consistent or not_reproducible.

    Agreeing means rounding to the report's precision gives the stated value;
    rounding-consistent means rounding the wrong way, or truncating, would give it.
    `other` holds the plausible non-standard values only.
    """
    def off_by_rounding(x):
        return truncates_to(x, stated, places) or \
            math.ceil(x * 10 ** places - 1e-9) / 10 ** places == stated

    if any(agrees(x, stated, places) for x in standard):
        return "reproduced"
    if any(agrees(x, stated, places) for x in other):
        return "reproduced_nonstandard"
    if any(off_by_rounding(x) for x in standard + other):
        return "rounding_consistent"
    return "not_reproducible"


def rates(figures: pd.DataFrame, parts: pd.DataFrame | None = None) -> list[Finding]:
    """Every stated rate the package can recompute: the field's rates under their READINGS,
    then the rates declared in rate_parts (of the figures' report unless given), each
    under its declared definition; a declared rate replaces the built-in readings."""
    parts = rate_parts(figures) if parts is None else parts
    declared = declared_rates(parts)
    found = []
    by_id = figures.set_index("figure_id")
    for rate_id in READINGS:
        if rate_id in by_id.index and rate_id not in declared:
            found.append(_rate_finding(by_id.loc[rate_id], recompute_rate(rate_id, figures, parts),
                                       set(by_id.index)))
    for rate_id, definition in declared.items():
        if rate_id not in by_id.index:
            continue
        reading = recompute_rate(rate_id, figures, parts)[0]
        if definition.numerator:
            found.append(_rate_finding(by_id.loc[rate_id], [reading], set(by_id.index), by_id))
        else:
            found.append(_whole_number_finding(by_id.loc[rate_id], reading, by_id))
    return found


def _text(x) -> str:
    return x if isinstance(x, str) else ""


def _pct(x: float, places: int = 1) -> str:
    return f"{x:.{places}f}%"


def _span_text(r: Reading, places: int, lang: str) -> str:
    low, high = r.span
    if math.isclose(low, high):
        return _pct(low, places)
    return f"{_pct(low, places)}–{_pct(high, places)}" if lang == "en" else \
        f"{_pct(low, places)}至{_pct(high, places)}"


def _rate_finding(rate: pd.Series, readings: list[Reading], present: set[str],
                  figures: pd.DataFrame | None = None) -> Finding:
    """A stated rate against its readings. `figures` (indexed by id) names what a declared
    definition's base counts; the built-in readings count cases."""
    stated, places = float(rate["value"]), decimals(rate["value"], rate["mention"])
    shown = max(places, 1)
    standard = [r for r in readings if r.standard and r.values]
    plausible = [r for r in readings if r.plausible and not r.standard and r.values]
    verdict = rate_verdict(stated, places, [v for r in standard for v in r.values],
                           [v for r in plausible for v in r.values])
    reproduce = {r.key: [k for k, v in enumerate(r.values) if agrees(v, stated, places)]
                 for r in readings}
    # what a reader quoting the rate could be off by: against the standard reading (what a
    # comparison with other places needs), else against the nearest plausible reading
    against = standard or plausible
    points = 0.0 if verdict == "reproduced" else min(
        (abs(v - stated) for r in against for v in r.values), default=0.0)
    severity = materiality(points=points)
    rate_id = rate.name
    ids = list(dict.fromkeys([rate_id, *(i.lstrip("-") for r in readings
                                         for i in r.numerator + r.denominator + r.partial
                                         if i.lstrip("-") in present)]))
    base = ("cases", "case", "件")
    if figures is not None and readings[0].declared:
        first = figures.loc[readings[0].denominator[0].lstrip("-")]
        base = (_noun(first), _noun(first, singular=True), first["unit"])
    en, zh = _rate_messages(rate, stated, places, shown, readings, reproduce, verdict, points, base)
    details = {
        "stated": stated, "decimals": places,
        "readings": [{"reading": r.key, "name": r.name_en, "standard": r.standard,
                      "plausible": r.plausible, "numerator": r.numerator_value,
                      "denominator": r.denominator_value,
                      "partial": list(r.partial), "values": [round(v, 4) for v in r.values],
                      "reproduces_with": reproduce[r.key]} for r in readings],
        "numerators_that_reproduce": {r.key: reproducing_numerators(stated, places, r.denominator_value)
                                      for r in readings if r.denominator_value},
        "denominators_that_reproduce": {r.key: reproducing_denominators(stated, places,
                                                                        r.numerator_value)
                                        for r in readings if not r.partial},
        "materiality": {"points": round(points, 4)},
    }
    return Finding(f"rate-{rate_id}", "rate", severity, verdict, ids, en, zh, details)


def _rate_messages(rate, stated, places, shown, readings, reproduce, verdict, points, base):
    """Every plausible explanation of a stated rate, in English and Chinese. A declared
    definition is the report's own figures, not the usual definition of the field; `base`
    says what its denominator counts (plural, singular, measure word)."""
    name_en, name_zh = rate["indicator_en"], rate["indicator_zh"]
    standard = [r for r in readings if r.standard and r.values]
    declared = any(r.declared for r in readings)
    if declared:
        en = [f"{name_en}: stated {rate['mention']}."]
        zh = [f"{name_zh}：报告为{rate['mention']}。"]
    else:
        en = [f"{name_en}: stated {rate['mention']}; the report does not say what it counts."]
        zh = [f"{name_zh}：报告为{rate['mention']}，未说明统计口径。"]
    for r in standard:
        num, den = _n(r.numerator_value), _n(r.denominator_value)
        how_en = (f"Computed from the report's own figures ({r.name_en}), it is" if declared else
                  f"Under the usual definition ({r.name_en}) it is")
        how_zh = f"按报告自身数字（{r.name_zh}）计算为" if declared else f"按{r.name_zh}（通行口径）计算为"
        if 0 in reproduce[r.key]:
            en.append(f"{how_en} {num}/{den} = {_pct(r.value, shown + 1)}, which gives the stated "
                      f"{rate['mention']}. {r.why_en}".rstrip())
            zh.append(f"{how_zh}{num}÷{den}＝{_pct(r.value, shown + 1)}，与报告所述{rate['mention']}相符。"
                      f"{r.why_zh}")
            continue
        en.append(f"{how_en} {num}/{den} = "
                  f"{_pct(r.value, shown + 1)}, {abs(r.value - stated):.2f} points "
                  f"{'above' if r.value > stated else 'below'} the stated rate. {r.why_en}".rstrip())
        zh.append(f"{how_zh}{num}÷{den}＝{_pct(r.value, shown + 1)}，"
                  f"比报告所述{'高' if r.value > stated else '低'}{abs(r.value - stated):.2f}个百分点。"
                  f"{r.why_zh}")
    matches = [r for r in readings if reproduce[r.key] and not r.standard]
    for r in matches:
        k = reproduce[r.key][0]
        count = _n(r.numerator_value + k)
        with_partial_en = (f", counting {k} of the {_n(len(r.values) - 1)} terminated cases as "
                           "indirect corrections" if r.partial else "")
        with_partial_zh = (f"（将终止的{_n(len(r.values) - 1)}件中的{k}件计为间接纠错）"
                           if r.partial else "")
        if r.plausible:
            en.append(f"{rate['mention']} is reproduced by {r.name_en}{with_partial_en}: "
                      f"{count}/{_n(r.denominator_value)}. {r.why_en if r.partial else ''}".rstrip())
            zh.append(f"按{r.name_zh}{with_partial_zh}计算，{count}÷{_n(r.denominator_value)}"
                      f"可得{rate['mention']}。{r.why_zh if r.partial else ''}")
        else:
            en.append(f"{r.name_en.capitalize()} also gives {count}/{_n(r.denominator_value)}, but "
                      f"{r.why_en[0].lower()}{r.why_en[1:]}")
            zh.append(f"按{r.name_zh}计算亦得{count}÷{_n(r.denominator_value)}，但{r.why_zh}")
    others = [r for r in readings if not r.standard and not reproduce[r.key] and r.values]
    if others:
        en.append("Other readings: " + "; ".join(
            f"{r.name_en} {_span_text(r, shown, 'en')}" for r in others) + ".")
        zh.append("其他口径：" + "；".join(f"{r.name_zh}为{_span_text(r, shown, 'zh')}"
                                         for r in others) + "。")
    if verdict != "reproduced":
        en_typo, zh_typo = _typo_explanations(stated, places, standard, declared)
        en += en_typo
        zh += zh_typo
    if verdict == "rounding_consistent":
        en.append("Rounding the wrong way, or cutting digits off, would give the stated rate.")
        zh.append("若舍入方向有误或直接截尾，可得报告所述数值。")
    if verdict != "reproduced" and rate.name in OTHER_BASES:
        en.append(OTHER_BASES[rate.name][0])
        zh.append(OTHER_BASES[rate.name][1])
    plural, singular, unit = base
    for r in standard:
        if r.denominator_value and r.denominator_value < 100:
            step = 100 / r.denominator_value
            en.append(f"With {_n(r.denominator_value)} {plural} in the base, one {singular} moves the rate "
                      f"by {step:.1f} points.")
            zh.append(f"分母仅{_n(r.denominator_value)}{unit}，每1{unit}即影响{step:.1f}个百分点。")
    en.append(_severity_sentence_en(points, declared))
    zh.append(_severity_sentence_zh(points, declared))
    return " ".join(e for e in en if e), "".join(zh)


def _typo_explanations(stated, places, standard: list[Reading], declared: bool = False):
    """A slip in one count: the counts that would give the stated rate under the standard
    reading (or the declared definition)."""
    under_en, under_zh, slip_zh = (("this definition", "按此口径", "某一数字") if declared else
                                   ("the usual definition", "按通行口径", "某一件数"))
    en, zh = [], []
    for r in standard:
        nums = reproducing_numerators(stated, places, r.denominator_value)
        dens = reproducing_denominators(stated, places, r.numerator_value)
        parts_en, parts_zh = [], []
        if nums:
            parts_en.append(f"a numerator of {_range(nums)} instead of {_n(r.numerator_value)}")
            parts_zh.append(f"分子为{_range(nums, '至')}而非{_n(r.numerator_value)}")
        if dens:
            parts_en.append(f"a base of {_range(dens)} instead of {_n(r.denominator_value)}")
            parts_zh.append(f"分母为{_range(dens, '至')}而非{_n(r.denominator_value)}")
        if parts_en:
            en.append(f"A slip in one count would also explain it: under {under_en}, "
                      f"{' or '.join(parts_en)} gives {_pct(stated, places)}.")
            zh.append(f"也可能是{slip_zh}有误：{under_zh}，{'或'.join(parts_zh)}即得{_pct(stated, places)}。")
    return en, zh


def _severity_sentence_en(points: float, declared: bool = False) -> str:
    if points < 1e-9:
        return ""
    if points >= MATERIAL_POINTS and declared:
        return (f"Quoted as printed, the rate could be {points:.2f} points off what the report's own "
                "figures give: check them before quoting it.")
    if points >= MATERIAL_POINTS:
        return (f"Quoted as printed, the rate could be {points:.2f} points off what the usual "
                "definition gives: state the definition before comparing it with other rates.")
    return f"The difference, {points:.2f} points, changes no comparison."


def _severity_sentence_zh(points: float, declared: bool = False) -> str:
    if points < 1e-9:
        return ""
    if points >= MATERIAL_POINTS and declared:
        return f"直接引用该比率，与按报告自身数字计算的结果可能相差{points:.2f}个百分点，引用前应先核实有关数字。"
    if points >= MATERIAL_POINTS:
        return f"直接引用该比率，与通行口径可能相差{points:.2f}个百分点，与其他比率比较前应先说明口径。"
    return f"相差{points:.2f}个百分点，不影响比较结论。"


def _range(values: list[int], joiner: str = " to ") -> str:
    return _n(values[0]) if len(values) == 1 else f"{_n(values[0])}{joiner}{_n(values[-1])}"


def _whole_number_finding(rate: pd.Series, reading: Reading, figures: pd.DataFrame) -> Finding:
    """A rate declared with its base only: does a whole number of the base give it?
    `figures` (indexed by id) says what the base counts."""
    stated, places = float(rate["value"]), decimals(rate["value"], rate["mention"])
    den = figures.loc[reading.denominator[0].lstrip("-")]
    noun, unit = _noun(den), den["unit"]
    n = int(reading.denominator_value)
    implied = stated / 100 * n
    candidates = nearest_whole(stated, n)
    whole = [k for k, pct in candidates.items() if agrees(pct, stated, places)]
    verdict = "reproduced" if whole else "not_reproducible"
    points = 0.0 if whole else min(abs(pct - stated) for pct in candidates.values())
    nearest = ", ".join(f"{k}/{n} = {pct:.2f}%" for k, pct in candidates.items())
    nearest_zh = "，".join(f"{k}÷{n}＝{pct:.2f}%" for k, pct in candidates.items())
    bases = nearest_bases(stated, places, n)
    # cases and matters handled in a year may include some carried over (结转) from the years before
    carried = {"matters": "事项", "cases": "案件"}.get(noun)
    if whole:
        en = (f"{rate['indicator_en']}: stated {rate['mention']} of "
              f"{_n(n)} {noun}; {whole[0]}/{n} gives it.")
        zh = f"{den['indicator_zh']}{_n(n)}{unit}，{rate['indicator_zh']}{rate['mention']}，即{whole[0]}÷{n}。"
    else:
        other_en = " or ".join(f"{k} of {m}" for k, m in bases)
        other_zh = "或".join(f"{m}{unit}中的{k}{unit}" for k, m in bases)
        hint_en = f"{noun} carried over from earlier years, say: " if carried else ""
        hint_zh = f"如含往年结转{carried}；" if carried else ""
        en = (f"{rate['indicator_en']}: stated {rate['mention']} of "
              f"{_n(n)} {noun} implies {implied:.2f}; no whole number gives it "
              f"({nearest}). It may be over another base ({hint_en}{rate['mention']} is {other_en}), "
              "a slip in its digits, or a rate computed at another date than the count. "
              + _severity_sentence_en(points, declared=True))
        zh = (f"{den['indicator_zh']}{_n(n)}{unit}，{rate['indicator_zh']}{rate['mention']}，"
              f"相当于{implied:.2f}{unit}，"
              f"没有整数能得到此值（{nearest_zh}）。可能以其他{unit}数为分母（{hint_zh}"
              f"{other_zh}即得{rate['mention']}），可能数字录入有误，也可能比率与{unit}数的统计时点"
              f"不同。" + _severity_sentence_zh(points, declared=True))
    return Finding(
        f"rate-{rate.name}", "rate", materiality(points=points), verdict,
        [rate.name, *(i.lstrip("-") for i in reading.denominator)], en.strip(), zh,
        {"stated": stated, "decimals": places, "denominator": n,
         "implied_numerator": round(implied, 4),
         "nearest": {str(k): round(v, 4) for k, v in candidates.items()},
         "bases_that_reproduce": [list(b) for b in bases],
         "materiality": {"points": round(points, 4)}})


# --------------------------------------------------------------- plausibility


def plausibility(figures: pd.DataFrame) -> list[Finding]:
    """Values that are impossible, or implausible next to other figures of the report."""
    found = []
    by_id = figures.set_index("figure_id")
    # a change (同比增长128%) may exceed 100%; a share may not
    change = figures["direction"].notna() if "direction" in figures else False
    for _, f in figures[(figures["unit"] == "%") & (figures["value"] > 100) & ~change].iterrows():
        found.append(Finding(
            f"over-100-{f['figure_id']}", "plausibility", materiality(impossible=True),
            "impossible", [f["figure_id"]],
            f"{f['indicator_en']} is {f['mention']}: a share cannot exceed 100%. It may be a slip "
            "in the digits, or a ratio (this year against last, say) written as a rate.",
            f"{f['indicator_zh']}为{f['mention']}，比率不能超过100%；可能数字有误，或将同比等"
            "比值误写为比率。", {"value": float(f["value"]), "compared_with": 100.0}))

    def have(*ids):
        return all(i in by_id.index for i in ids)

    def v(i):
        return float(by_id.loc[i, "value"])

    if have("petitioners_received", "leader_reception_sessions"):
        visits, sessions = v("petitioners_received"), v("leader_reception_sessions")
        per = visits / sessions
        found.append(Finding(
            "petitioners-per-session", "plausibility", materiality(meaning_in_doubt=True),
            "implausible", ["petitioners_received", "leader_reception_sessions"],
            f"Since the start of the year, the report gives {_n(sessions)} reception sessions in "
            f"which district leaders took part and {_n(visits)} visits or attendances (人次) "
            "received and counselled on site. Read as visits at those sessions, that is "
            f"{per:,.0f} per session, implausible for a reception session. Other readings: the count "
            "covers every visit received on site by the petition system since the start of the year, "
            "the leaders "
            "taking part in some sessions; a group visit counts each person (人次 are visits, not "
            "people, and one person may come several times); or the count has a slip in its "
            "digits. Do not quote it as visitors received by leaders.",
            f"报告称今年以来区领导参与接访{_n(sessions)}场次，现场接待疏导来访群众{_n(visits)}人次。若理解为"
            f"上述场次所接待，则每场次约{per:.0f}人次，与一般接访规模不符。其他可能：该数为全区信访系统"
            "今年以来现场接待的总人次，区领导仅参与其中部分场次；集体访按人计入（人次为来访次数，非人数，"
            "同一人可能多次来访）；或数字录入有误。不宜表述为区领导接待的来访人数。",
            {"per_session": round(per, 2)}))
    if have("inspection_plans", "inspection_tasks", "inspection_results"):
        plans, tasks, results = v("inspection_plans"), v("inspection_tasks"), v("inspection_results")
        found.append(Finding(
            "inspection-funnel-order", "plausibility", materiality(), "unexplained",
            ["inspection_plans", "inspection_tasks", "inspection_results"],
            f"{_n(plans)} inspection plans, {_n(tasks)} tasks and {_n(results)} results count "
            "different things, not stages that narrow: on the random-inspection platform a task "
            "usually draws several entities and the inspectors at random, and each inspected "
            "entity gets its own result (here "
            f"{results / tasks:.1f} per task on average, if the results all come from these tasks); "
            "fewer tasks than plans may mean plans "
            "that generated no task in the period, or plans and tasks counted by different bodies. "
            "The report does not say which; the counts can be quoted as they are.",
            f"检查计划{_n(plans)}个、检查任务{_n(tasks)}项、检查结果{_n(results)}个，所计对象不同，"
            "并非逐级递减的环节：在“双随机、一公开”监管平台上，一项任务通常随机抽取若干检查对象和"
            "执法检查人员，每个被检查对象各录入一"
            f"条结果（若结果均出自上述任务，平均每项任务{results / tasks:.1f}个）；任务少于计划，可能是部分计划当年未生成任务，"
            "或计划与任务的统计主体不同。报告未作说明，各数可照录引用。",
            {"tasks_per_plan": round(tasks / plans, 4), "results_per_task": round(results / tasks, 4)}))
    for staff_id in ("township_enforcement_team_leaders", "township_service_centre_directors"):
        if have(staff_id, "townships_powers_taken_up"):
            staff, towns = v(staff_id), v("townships_powers_taken_up")
            if staff < towns:
                found.append(Finding(
                    f"staffing-{staff_id}", "plausibility", materiality(), "gap",
                    [staff_id, "townships_powers_taken_up"],
                    f"{by_id.loc[staff_id, 'indicator_en']}: {_n(staff)} so far, for {_n(towns)} "
                    f"townships; if each township is to have one, {_n(towns - staff)} had none yet, or filled "
                    "the post in a way this count leaves out (a leader holding it concurrently, say); "
                    "the report does not say.",
                    # "so far" in English: the text counts the posts filled at the time of writing (目前…已)
                    f"目前已{by_id.loc[staff_id, 'indicator_zh']}{_n(staff)}名，乡镇{_n(towns)}个；"
                    f"如按每个乡镇配备1名，尚有{_n(towns - staff)}个乡镇未配备，或以此数未计入的方式配备（如由他人兼任），"
                    "报告未作说明。",
                    {"staff": staff, "townships": towns}))
    if have("judicial_offices_4_staff", "judicial_offices_3_staff", "judicial_office_staff",
            "judicial_office_heads"):
        offices = v("judicial_offices_4_staff") + v("judicial_offices_3_staff")
        staff = 4 * v("judicial_offices_4_staff") + 3 * v("judicial_offices_3_staff")
        share = max(abs(staff - v("judicial_office_staff")) / v("judicial_office_staff"),
                    abs(offices - v("judicial_office_heads")) / v("judicial_office_heads"))
        agree = share == 0
        found.append(Finding(
            "judicial-office-staffing", "plausibility", materiality(share=share),
            "consistent" if agree else "inconsistent",
            ["judicial_offices_4_staff", "judicial_offices_3_staff", "judicial_office_staff",
             "judicial_office_heads"],
            f"{_n(v('judicial_offices_4_staff'))} four-person and {_n(v('judicial_offices_3_staff'))} "
            f"three-person offices make {_n(offices)} offices with {_n(staff)} staff; the report gives "
            f"{_n(v('judicial_office_staff'))} staff and {_n(v('judicial_office_heads'))} heads."
            + ("" if agree else " A count is misprinted, or some offices have another size."),
            f"4人所{_n(v('judicial_offices_4_staff'))}个、3人所{_n(v('judicial_offices_3_staff'))}个，"
            f"合{_n(offices)}个所、{_n(staff)}人；报告为{_n(v('judicial_office_staff'))}人、"
            f"所长{_n(v('judicial_office_heads'))}人。" + ("" if agree else "可能某数有误，或部分所的人数不同。"),
            {"offices": offices, "staff_implied": staff}))
    if have("full_time_mediators_per_township", "full_time_mediators_per_committee",
            "full_time_mediators_total", "townships_powers_taken_up"):
        committees = len(by_id.loc["full_time_mediators_per_committee", "indicator_zh"]
                         .split("各聘请")[0].split("、"))
        towns = v("townships_powers_taken_up")
        implied = towns * v("full_time_mediators_per_township") + \
            committees * v("full_time_mediators_per_committee")
        share = abs(implied - v("full_time_mediators_total")) / v("full_time_mediators_total")
        agree = share == 0
        found.append(Finding(
            "full-time-mediators-total", "plausibility", materiality(share=share),
            "consistent" if agree else "inconsistent",
            ["full_time_mediators_per_township", "full_time_mediators_per_committee",
             "full_time_mediators_total", "townships_powers_taken_up"],
            f"{_n(towns)} townships × {_n(v('full_time_mediators_per_township'))} + {committees} "
            f"committees × {_n(v('full_time_mediators_per_committee'))} = {_n(implied)} full-time "
            f"mediators; the report gives {_n(v('full_time_mediators_total'))}."
            + ("" if agree else " A count is misprinted, or not every township hired one."),
            f"{_n(towns)}个乡镇×{_n(v('full_time_mediators_per_township'))}名＋{committees}个管委会×"
            f"{_n(v('full_time_mediators_per_committee'))}名＝{_n(implied)}名；报告为"
            f"{_n(v('full_time_mediators_total'))}名。" + ("" if agree else "可能某数有误，或并非每个乡镇均已聘请。"),
            {"implied": implied, "committees": committees}))
    if have("no_visit_services", "local_services_online"):
        a, b = v("no_visit_services"), v("local_services_online")
        if a != b:
            found.append(Finding(
                "featured-services-counts", "plausibility", materiality(caveat=True), "unexplained",
                ["no_visit_services", "local_services_online"],
                f"Chapter one counts {_n(a)} high-frequency featured services that can be approved "
                f"without an office visit on the app; chapter two counts {_n(b)} local featured "
                "services put online at district level. "
                + ("More services approvable without a visit than services online is odd if the first "
                   "were part of the second. They may be different sets: the first is not said to be "
                   "the district's own services and may include services of the city or province "
                   "offered through the app, while the second counts the district's local services on "
                   "its branch of the app. " if a > b else
                   "They may be different sets (services online need not be approvable without a "
                   "visit). ")
                + "They may also be counts at different dates, or one may be misprinted; the report "
                "does not say. Quote each with its own wording.",
                f"第一部分称{_n(a)}项高频特色服务事项通过“赣服通”实现“不见面审批”，第二部分称区级上线"
                f"本地特色服务事项{_n(b)}项。"
                + ("若前者包含于后者，可不见面审批的事项多于上线事项，不合常理。二者可能口径不同：前者未说明"
                   "是否均为区级事项，可能含通过“赣服通”办理的市级、省级事项，后者只计赣县分厅上线的本地"
                   "事项；" if a > b else "二者可能口径不同（上线事项未必均可不见面审批）；")
                + "也可能统计时点不同，或其中一数有误，报告未作说明。引用时应各按原文表述。",
                {"difference": a - b}))
    return found


# --------------------------------------------------------------- damaged text


def damaged_text(report: str | None = None) -> list[Finding]:
    """Lost characters and typos: read from non_figures (damaged) and text_issues. The
    reading is certain from context, so nothing a reader quotes changes: a note."""
    found = []
    listed = non_figures(report)
    for _, row in listed[listed["damaged"]].iterrows():
        found.append(Finding(
            f"text-{row['item_id']}", "damaged_text", materiality(), "lost_characters", [],
            f"{row['mention']} ({row['kind'].replace('_', ' ')}) reads as {row['reading']}: "
            f"{row['reason']}",
            f"原文“{row['mention']}”，应为“{row['reading']}”（发布时脱字）。",
            {"quote": row["quote"], "reading": row["reading"]}))
    issues = load_table("text_issues", report)
    for _, row in issues.iterrows():
        zh_kind = {"lost_characters": "发布时脱字", "typo": "录入有误",
                   "inconsistent_name": "前后名称不一"}[row["kind"]]
        # a name given two ways is read from context, less surely than a lost character
        zh_verb = "疑指" if row["kind"] == "inconsistent_name" else "应为"
        found.append(Finding(
            f"text-{row['issue_id']}", "damaged_text", materiality(), row["kind"], [],
            f"{row['mention']} {'is probably' if row['kind'] == 'inconsistent_name' else 'reads as'} "
            f"{row['reading']}: {row['note']}",
            f"原文“{_nested(row['mention'])}”，{zh_verb}“{_nested(row['reading'])}”（{zh_kind}"
            f"{'，所指待核实' if row['kind'] == 'inconsistent_name' else ''}）。",
            {"quote": row["quote"], "reading": row["reading"]}))
    return found


@dataclass(frozen=True)
class Damage:
    """Damaged or inferred text inside a figure's quote."""

    figure_id: str
    item_id: str
    mention: str
    reading: str


def damage_in(figures: list[pd.Series]) -> list[Damage]:
    """The damaged text (text_issues, and non_figures marked damaged) that lies inside the
    quote of any of these figures, in the figures' order: what a chart showing them must
    say."""
    package = load_package()
    found = []
    for figure in figures:
        if "quote" not in figure or "report_id" not in figure or "figure_id" not in figure:
            continue
        raw = package.raw.get(figure["report_id"], "")
        start = raw.find(figure["quote"])
        if start < 0:
            continue
        end = start + len(figure["quote"])
        for item_id, mention, reading, where in _damaged_spans(figure["report_id"]):
            if where[0] < end and where[1] > start:
                found.append(Damage(figure["figure_id"], item_id, mention, reading))
    return list(dict.fromkeys(found))


def _damaged_spans(report_id: str) -> list[tuple[str, str, str, tuple[int, int]]]:
    package = load_package()
    raw = package.raw.get(report_id, "")
    spans = []
    nf = package.tables["non_figures"]
    issues = package.tables["text_issues"]
    rows = [(r["item_id"], r["quote"], r["mention"], r["reading"])
            for _, r in nf[(nf["report_id"] == report_id) & nf["damaged"]].iterrows()]
    rows += [(r["issue_id"], r["quote"], r["mention"], r["reading"])
             for _, r in issues[issues["report_id"] == report_id].iterrows()]
    for item_id, quote, mention, reading in rows:
        at = raw.find(quote)
        inside = quote.find(mention)
        if at >= 0 and inside >= 0:
            spans.append((item_id, mention, reading, (at + inside, at + inside + len(mention))))
    return spans


# ---------------------------------------------------------------------- all


def audit(report: str | None = None) -> list[Finding]:
    """Every finding for one report (or all), most material first; within a severity,
    part-whole, rates, plausibility, damaged text, each in report order."""
    figures = load_figures(report)
    findings = []
    for report_id in dict.fromkeys(figures["report_id"]):
        own = figures[figures["report_id"] == report_id].reset_index(drop=True)
        findings += part_whole(own) + rates(own) + plausibility(own) + damaged_text(report_id)
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(findings, key=lambda f: rank[f.severity])  # stable: keeps the check order


def _whole_zh(figure: pd.Series, by_id: pd.DataFrame) -> str:
    """A whole's Chinese name, after the whole it is itself part of (法律援助案件受理中，民事)."""
    above = figure.get("parent_id")
    if isinstance(above, str) and above in by_id.index:
        return f"{by_id.loc[above, 'indicator_zh']}中，{figure['indicator_zh']}"
    return figure["indicator_zh"]


def _in_order(figures: pd.DataFrame, ids) -> list[str]:
    wanted = set(ids)
    return [f for f in figures["figure_id"] if f in wanted]


def _nested(text: str) -> str:
    """Quotation marks inside a Chinese quotation are single: “‘将环保”, not ““将环保”."""
    return text.replace("“", "‘").replace("”", "’")


def _n(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


def _noun(figure: pd.Series, singular: bool = False) -> str:
    """What a count counts, in English: its own noun (matters), else its unit's (cases)."""
    for key in (("noun_en_singular", "unit_en_singular") if singular else ("noun_en", "unit_en")):
        noun = figure.get(key)
        if isinstance(noun, str) and noun:
            return noun
    return figure["unit_en"]
