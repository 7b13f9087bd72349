"""The one-page briefing's words: the year in a few messages, what the figures do not show,
and the audit's caveats, in Chinese and in English.

Every sentence is a template in both languages; every number in it is read from the data
package or computed from it here. The templates name the figures they read by id, as the
chart catalogue does, and `MESSAGES` is the one list of the briefing's charts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from ..audit.checks import SEVERITIES, Finding, agrees, decimals, recompute_rate
from ..language import labels
from ..language.labels import Lang, check_lang
from ..tables.figures import breakdown, commitment_table, get_figure, load_figures, load_table, non_figures
from ..tables.glossary import english, lookup
from .findings import SEVERITY_WORDS, findings


@dataclass(frozen=True)
class Message:
    """One message of the briefing: a heading, its headline number, one chart and one or
    two sentences of interpretation."""

    message_id: str
    chart_id: str
    heading: str
    headline: str  # the number as the reader sees it, qualifier included (440多万条)
    headline_what: str  # what the number counts
    sentences: list[str]
    figure_ids: list[str] = field(default_factory=list)  # the figures the message reads


class Words:
    """Numbers and small words in one language."""

    def __init__(self, lang: Lang):
        self.lang = check_lang(lang)
        self.zh = self.lang == "zh"

    def pick(self, zh: str, en: str) -> str:
        return zh if self.zh else en

    def amount(self, figure_id: str, noun: tuple[str, str] | None = None) -> str:
        """A figure's amount with its unit and qualifier (440多万条 / 4.4 million+ records).
        noun: English (singular, plural) for what the figure counts, where the report's
        measure word (个) does not say it."""
        figure = get_figure(figure_id)
        if noun and not self.zh:
            figure = figure.copy()
            figure["unit_en_singular"], figure["unit_en"] = noun
        # 440万 and 4.4 million where the report writes a round number; 139163 stays whole
        return labels.amount(figure, self.lang, compact=float(figure["value"]) % 10_000 == 0)

    def in_year(self, *figure_ids: str) -> str:
        """全年 / in the year, where the data records every one of the figures as the year's;
        nothing where it does not."""
        if all(get_figure(f)["period"] == "year" for f in figure_ids):
            return self.pick("全年", " in the year")
        return ""

    def value(self, figure_id: str) -> float:
        return float(get_figure(figure_id)["value"])

    def count(self, n: float, zh_unit: str, en_singular: str, en_plural: str) -> str:
        """A count computed here (no qualifier)."""
        if self.zh:
            return f"{labels.number(n, 'zh')}{zh_unit}"
        return f"{labels.number(n, 'en')} {en_singular if n == 1 else en_plural}"

    def pct(self, x: float, places: int = 1) -> str:
        return f"{x:.{places}f}%"

    def indicator(self, figure_id: str) -> str:
        return labels.indicator(get_figure(figure_id), self.lang)

    def part(self, row: pd.Series) -> str:
        return labels.part_label(row, self.lang)

    def term(self, term_zh: str, capital: bool = False) -> str:
        """A term of the field in English as the glossary gives it, the Chinese after it in
        parentheses (double-random inspections (双随机、一公开)); in Chinese, the term itself."""
        if self.zh:
            return term_zh
        said = english(term_zh)
        return f"{said[0].upper() + said[1:] if capital else said} ({term_zh})"

    def join(self, items: list[str]) -> str:
        if self.zh:
            return "、".join(items)
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _year() -> int:
    return int(load_table("reports")["year"].iloc[0])


# --------------------------------------------------------------------- the messages


def _review(w: Words) -> Message:
    accepted = "review_cases_accepted"
    rate_id = "review_correction_rate"
    rate = get_figure(rate_id)
    places = decimals(rate["value"], rate["mention"])
    standard = next(r for r in recompute_rate(rate_id) if r.standard)
    n_accepted = w.value(accepted)
    corrections = standard.numerator_value  # the direct corrections the report lists
    needed = [k for k in range(int(n_accepted) + 1) if agrees(100 * k / n_accepted, rate["value"], places)]
    # the rejection counted as a correction also gives the rate: not a correction, but a slip a reader may meet
    with_rejected = any(r.key == "with_rejected_accepted" and any(agrees(v, rate["value"], places) for v in r.values)
                        for r in recompute_rate(rate_id))
    sentences = [w.pick(
        f"报告称行政纠错率为{rate['mention']}，未说明计算口径；按通行口径（{standard.name_zh}）计算为"
        f"{w.pct(standard.value)}。",
        f"The report gives a {english('纠错率')} of {rate['mention']} without saying how it was computed; "
        f"the national definition ({standard.name_en}) gives {w.pct(standard.value)}.")]
    if needed and needed[0] > corrections:
        extra = needed[0] - corrections
        rejected = get_figure("review_rejected")
        sentences.append(w.pick(
            f"若以受理的{w.amount(accepted)}（含待办{w.amount('review_pending')}）为分母，须有{needed[0]}件纠错才得"
            f"{rate['mention']}，比直接纠错多{extra:.0f}件；多出的可能是终止的{w.amount('review_terminated')}中，"
            "被申请人自行纠正、申请人撤回申请而终止的案件（间接纠错）"
            + (f"，也可能是把驳回的{rejected['mention']}误计为纠错（驳回复议申请不属纠错）" if with_rejected else "")
            + "，还可能是某一件数有误，报告未作说明。",
            f"Over the {w.amount(accepted)} accepted, the {w.amount('review_pending')} pending included, "
            f"{rate['mention']} needs {labels.number(needed[0], 'en')} "
            f"corrections, {labels.number(extra, 'en')} more than the direct corrections: the extra may be "
            f"among the {w.amount('review_terminated')} terminated, if one ended after the agency corrected "
            f"its own act and the applicant withdrew, which would make it an {w.term('间接纠错')}"
            + (f"; the {labels.amount(rejected, 'en')} {english('驳回')} may have been counted as a "
               "correction, though a rejection is a ruling for the agency" if with_rejected else "")
            + "; or one of the counts may have a slip; the report does not say."))
    return Message(
        "review", "review_outcomes",
        w.pick(f"行政复议：受理案件{w.amount(accepted)}，纠错率口径未说明",
               f"{w.term('行政复议', capital=True)}: {w.amount(accepted)} accepted, a "
               f"{english('纠错率')} of unstated definition"),
        w.amount(accepted), w.indicator(accepted), sentences,
        [accepted, rate_id, *breakdown(accepted).parts["figure_id"]])


def _transfers(w: Words) -> Message:
    total, police = "criminal_transfers", "criminal_transfers_public_security"
    parts = breakdown(total).parts
    others = parts[parts["figure_id"] != police]
    rest = float(others["value"].sum())
    return Message(
        "transfers", "criminal_transfers_by_agency",
        w.pick(f"两法衔接：行政执法移送刑事司法案件{w.amount(total)}",
               f"{w.term('两法衔接', capital=True)}: {w.amount(total)} transferred"),
        w.amount(total), w.indicator(total),
        [w.pick(
            f"报告所列单位中，区公安局{w.amount(police)}，其余{w.count(rest, '件', 'case', 'cases')}"
            f"分列{w.count(len(others), '个部门', 'department', 'departments')}名下。",
            f"Of the agencies the report lists, the District Public Security Bureau accounts for "
            f"{w.amount(police)}; the other {w.count(rest, '', 'case', 'cases')} are listed under "
            f"{w.count(len(others), '', 'department', 'departments')}."),
         w.pick(
             "涉嫌犯罪案件通常由行政执法机关移送公安机关；公安局名下的案件可能是其办理的治安等行政案件转为刑事立案，"
             "也可能是其接收的移送，报告未作说明。",
             "Suspected crimes are usually transferred by enforcement agencies to the police, so the bureau's "
             "cases may be its own administrative (public order) cases moved to criminal investigation, or "
             "transfers it received; the report does not say which.")],
        [total, *parts["figure_id"]])


def _inspections(w: Words) -> Message:
    plans, tasks, results = "inspection_plans", "inspection_tasks", "inspection_results"
    plans_noun = ("inspection plan", "inspection plans")
    tasks_noun = ("inspection task", "inspection tasks")
    results_noun = ("inspection result", "inspection results")
    more_results = w.value(results) > w.value(tasks)
    fewer_tasks = w.value(tasks) < w.value(plans)
    sentences = []
    if more_results or fewer_tasks:
        sentences.append(w.pick(
            f"检查任务（{w.amount(tasks)}）{'少于' if fewer_tasks else '不少于'}检查计划（{w.amount(plans)}），"
            f"检查结果（{w.amount(results)}）{'多于' if more_results else '不多于'}检查任务；"
            "报告未说明三者如何计数。",
            f"There are {'fewer' if fewer_tasks else 'no fewer'} tasks ({w.amount(tasks, tasks_noun)}) than plans "
            f"({w.amount(plans, plans_noun)}) and {'more' if more_results else 'no more'} results "
            f"({w.amount(results, results_noun)}) than tasks; the report does not say how each is counted."))
    sentences.append(w.pick(
        "一项任务可能涉及多个检查对象、形成多条结果，也可能有计划尚未生成任务，因此不能据此判断抽查的覆盖面。",
        "A task may cover several inspected entities and so yield several results, and some plans may not "
        "have produced a task yet, so these counts do not show how widely inspection reached."))
    return Message(
        "inspections", "random_inspections",
        w.pick(f"“双随机、一公开”：{w.in_year(plans, results)}制定检查计划{w.amount(plans)}，"
               f"录入检查结果{w.amount(results)}",
               f"{w.term('双随机、一公开', capital=True)}: {w.amount(plans, plans_noun)} and "
               f"{w.amount(results, results_noun)}{w.in_year(plans, results)}"),
        w.amount(plans, plans_noun),
        w.pick(w.indicator(plans), f"{w.indicator(plans)}. {lookup('双随机、一公开')['definition_en']}"),
        sentences, [plans, tasks, results])


def _services(w: Words) -> Message:
    credit, hotline, satisfaction = "credit_records", "hotline_requests", "hotline_satisfaction"
    public, blacklist = "double_publicity_records", "blacklist_records"
    return Message(
        "services", "services_panel",
        w.pick(f"政务服务与信用：上报信用数据{w.amount(credit)}，{w.in_year(hotline)}办理群众诉求{w.amount(hotline)}",
               f"Services and credit: {w.amount(credit, ('credit record', 'credit records'))} reported, "
               f"{w.amount(hotline, ('public request', 'public requests'))} handled"),
        w.amount(credit, ("credit record", "credit records")), w.indicator(credit),
        [w.pick(
            f"信用数据、“双公示”信息（{w.amount(public)}）和黑名单信息（{w.amount(blacklist)}）都是报送数量，"
            "反映数据归集的规模，不反映市场主体守信状况的变化。",
            f"The credit records, the {w.term('双公示')} records ({w.amount(public)}) and the "
            f"blacklist records ({w.amount(blacklist)}) are counts of data reported: they show how much was "
            "collected, not whether businesses kept their obligations better."),
         w.pick(
             f"报告在12345热线对接和“好差评”之后写满意度{w.amount(satisfaction)}，未说明评价的是诉求办理还是政务服务，"
             "也未给出参与评价的数量，无从判断其代表性。",
             f"The satisfaction rate of {w.amount(satisfaction)} follows the sentence on the 12345 hotline and "
             f"the {w.term('好差评')}; the report does not say whether it rates the handling of requests or "
             "government services, nor how many ratings there were, so how representative it is cannot be "
             "judged.")],
        [credit, hotline, satisfaction, public, blacklist])


def _legal_aid(w: Words) -> Message:
    total, civil, mediated = "legal_aid_cases", "legal_aid_civil", "legal_aid_civil_mediated"
    groups = breakdown(total).related("overlapping")
    largest = groups.sort_values("value", ascending=False).iloc[0]
    largest_amount = labels.amount(largest, w.lang)
    return Message(
        "legal_aid", "legal_aid_cases",
        w.pick(f"法律援助：{w.in_year(total)}受理案件{w.amount(total)}，其中民事{w.amount(civil)}",
               f"Legal aid: {w.amount(total)} accepted{w.in_year(total)}, {labels.number(w.value(civil), 'en')} "
               "of them civil"),
        w.amount(total), w.indicator(total),
        [w.pick(f"民事案件中{w.amount(mediated)}以非诉调解结案。",
                f"Of the civil cases, {labels.number(w.value(mediated), 'en')} were closed by out-of-court "
                "mediation."),
         w.pick(
             f"报告另列出案件涉及的{len(groups)}类人群，人数最多的是{w.part(largest)}"
             f"（{largest_amount}）；各类人群可能重叠，且以“{largest['unit']}”计，不能相加，也不能与案件数相比。",
             f"The report also lists {labels.number(len(groups), 'en')} groups of people the cases involved, "
             "the largest being "
             f"{w.part(largest)} ({largest_amount}); the groups may overlap and count "
             f"{labels.unit(largest, 'en')}, not {labels.unit(get_figure(total), 'en')}, so they can be neither "
             "added up nor set against the number of cases.")],
        [total, civil, mediated, largest["figure_id"]])


def _mediation(w: Words) -> Message:
    accepted, mediated, rate_id = "disputes_accepted", "disputes_mediated", "mediation_success_rate"
    rate = get_figure(rate_id)
    places = decimals(rate["value"], rate["mention"])
    standard = next(d for d in recompute_rate(rate_id) if d.standard)
    holds = agrees(standard.value, rate["value"], places)
    higher = rate["value"] > standard.value
    if holds:
        heading = w.pick(f"人民调解：排查受理矛盾纠纷{w.amount(accepted)}，调解成功率{rate['mention']}与其数字相符",
                         f"{w.term('人民调解', capital=True)}: {w.amount(accepted, ('dispute', 'disputes'))} "
                         "identified and accepted, a success rate "
                         f"of {rate['mention']} that its counts bear out")
        sentences = [w.pick(
            f"报告称调解成功{w.amount(mediated)}，按{standard.name_zh}计算为{w.pct(standard.value, places + 1)}，"
            f"与报告所述{rate['mention']}相符。",
            f"The report gives {w.amount(mediated, ('dispute', 'disputes'))} mediated successfully; "
            f"{standard.name_en} gives "
            f"{w.pct(standard.value, places + 1)}, which agrees with the stated {rate['mention']}.")]
    else:
        heading = w.pick(
            f"人民调解：排查受理矛盾纠纷{w.amount(accepted)}，报告所述调解成功率{'高' if higher else '低'}于按所列件数"
            "计算的结果",
            f"{w.term('人民调解', capital=True)}: {w.amount(accepted, ('dispute', 'disputes'))} identified and "
            "accepted; "
            "the stated success rate is "
            f"{'above' if higher else 'below'} what its own counts give")
        sentences = [
            w.pick(f"报告称调解成功{w.amount(mediated)}、成功率{rate['mention']}；按{standard.name_zh}计算为"
                   f"{w.pct(standard.value, places + 1)}，按报告的精度得不到{rate['mention']}。",
                   f"The report gives {w.amount(mediated, ('dispute', 'disputes'))} mediated successfully and "
                   "a success rate of "
                   f"{rate['mention']}; {standard.name_en} gives {w.pct(standard.value, places + 1)}, which "
                   f"does not round to {rate['mention']}."),
            w.pick("比率可能另有分母或统计时点，也可能是计算或录入有误，报告未作说明。",
                   "The rate may use another denominator or another cut-off date, or there may be a slip "
                   "in calculation or typing; the report does not say.")]
    return Message("mediation", "mediation_success_rate", heading, w.amount(accepted, ("dispute", "disputes")),
                   w.indicator(accepted), sentences, [accepted, mediated, rate_id])


def _commitments(w: Words) -> Message:
    table = commitment_table()
    unmeasured = table[table["figures"] == 0]
    shortcomings = table[table["kind"] == "shortcoming"]
    bare = shortcomings[shortcomings["figures"] == 0]
    measures = load_table("commitment_measures")
    linked = measures[measures["commitment_id"].isin(shortcomings["commitment_id"])]
    linked_ids = list(dict.fromkeys(linked["figure_id"]))
    inputs = list(dict.fromkeys(linked.loc[linked["kind"] == "input", "figure_id"]))
    others = len(shortcomings) - len(bare)
    headline = w.count(len(unmeasured), "项", "commitment", "commitments")
    return Message(
        "commitments", "commitment_coverage",
        w.pick(f"不足与安排：{len(table)}项中有{headline}在本年度报告中没有可衡量的数字",
               f"Shortcomings and plans: {len(unmeasured)} of {len(table)} have no figure in this year's "
               "report to measure them"),
        headline,
        w.pick("报告自述的不足和下一年度安排中，没有可衡量数字的项目",
               "of the shortcomings the report admits and the plans it sets, with no figure to measure them"),
        [w.pick(f"报告自述的{len(shortcomings)}项不足中，{len(bare)}项没有任何相关数字；其余{others}项不足对应的"
                f"{len(linked_ids)}个数字中，{len(inputs)}个反映的是培训人数、人员配备等投入，而非效果。",
                f"Of the {len(shortcomings)} shortcomings the report admits, {len(bare)} have no figure at all; "
                f"of the {len(linked_ids)} figures linked to the {'other' if others == 1 else 'others'}, "
                f"{len(inputs)} measure inputs such as training attendance and appointments, not results."),
         w.pick("数字与各项不足、安排的对应关系是本数据包的判断，下一年度的报告可据此对照检查。",
                "Which figure could measure which commitment is this package's judgement; next year's report "
                "can be read against it.")],
        list(dict.fromkeys(measures["figure_id"])))


MessageSpec = Callable[[Words], Message]
# The briefing's messages, in order; each names the one chart it shows.
MESSAGES: list[MessageSpec] = [_review, _transfers, _inspections, _services, _legal_aid, _mediation,
                               _commitments]


def messages(lang: Lang) -> list[Message]:
    w = Words(lang)
    return [spec(w) for spec in MESSAGES]


def chart_ids() -> list[str]:
    """The charts the briefing shows, in order."""
    return [m.chart_id for m in messages("en")]


# ------------------------------------------------------- what the figures do not show


def not_shown(lang: Lang) -> list[str]:
    """Limits of the figures, as plain sentences, each computed from the data."""
    w = Words(lang)
    figures = load_figures()
    out = []
    rates = figures[figures["unit"] == "%"]
    checked = [f.figure_ids[0] for f in findings(check="rate")]
    unchecked = rates[~rates["figure_id"].isin(checked)]
    if len(unchecked):
        named = unchecked["indicator_zh"].str.endswith("率")  # a rate's own name reads best as an example
        examples = w.join([r["indicator_zh"] if w.zh else f"'{r['indicator_en']}'"
                           for _, r in pd.concat([unchecked[named], unchecked[~named]]).head(3).iterrows()])
        out.append(w.pick(
            f"报告所列{len(rates)}项比率中，只有{len(checked)}项能用报告中的其他数字核对；其余{len(unchecked)}项"
            f"（如{examples}）没有同时给出分子和分母，无法核对。",
            f"Of the report's {len(rates)} rates, only {len(checked)} can be checked against its other figures; "
            f"for the other {len(unchecked)} (such as {examples}) the report does not give both the numerator "
            "and the denominator, so they cannot be checked."))
    floors = figures[figures["qualifier"].isin(["more_than", "at_least"])]
    if len(floors):
        # a count the report gives as done, not a rate that may be an aim (确保…达80%以上)
        example = floors.sort_values("qualifier", key=lambda q: q != "more_than", kind="stable").iloc[0]
        out.append(w.pick(
            f"{len(floors)}个数字带有“余”“多”“以上”等字样（如{example['mention']}），只说明实际数不少于所列数字，确数不详。",
            f"{len(floors)} figures are floors, written with {w.term('余')} or {w.term('以上')} and their "
            f"variants, such as {labels.amount(example, 'en')} ({example['mention']}): the exact number is "
            "not known."))
    visits = figures[figures["unit"] == "人次"]
    if len(visits):
        occasions = english("人次")
        examples = w.join([f"{r['indicator_zh']}{w.amount(r['figure_id'])}" if w.zh
                           else f"'{r['indicator_en']}', {w.amount(r['figure_id'], (occasions, occasions))}"
                           for _, r in visits.iterrows()])
        out.append(w.pick(
            f"以“人次”为单位的数字（{examples}）统计的是到访或参与的次数，同一人可能多次计入，不是人数。",
            f"Figures counted in {w.term('人次')} count occasions, not people: one person is counted each "
            f"time they come ({examples})."))
    posts = figures[figures["indicator_zh"].str.contains("编制")]
    for _, post in posts.iterrows():
        out.append(w.pick(
            f"“编制”指核定的编制数，不等于实有人数：{post['indicator_zh']}{post['mention']}，是编制数而非人数。",
            f"{w.term('编制', capital=True)} are authorised posts, not people: '{post['indicator_en']}' "
            f"({post['mention']}) counts posts, whether or not anyone fills them."))
    reports = load_table("reports")
    district = reports["district_zh"].iloc[0]
    years = sorted(reports.loc[reports["district_zh"] == district, "year"])
    if len(years) == 1:
        out.append(w.pick(
            f"本数据包只收录了{district}{years[0]}年度一份报告，无法比较年度之间的变化。",
            f"The package holds one report of {reports['district_en'].iloc[0]}, for {years[0]}, so change "
            "from one year to the next cannot be seen."))
    return out


# --------------------------------------------------------------- the audit's caveats


def caveats(lang: Lang) -> list[str]:
    """The audit's findings that matter to a quoted number, as plain sentences, then the
    damaged text and a count of everything the audit found."""
    w = Words(lang)
    out = [_caveat(f, w) for f in findings(severities=tuple(s for s in SEVERITIES if s != "note"))
           if f.check != "damaged_text"]
    everything = findings()
    damaged = [f for f in everything if f.check == "damaged_text"]
    if damaged:
        examples = _damaged_examples(w)
        out.append(w.pick(
            f"公开文本有{len(damaged)}处文字缺损或笔误（如{w.join(examples)}），本数据包在原文旁注明了推断的读法，"
            "原文未作改动。",
            f"The published text lost characters or has slips in {len(damaged)} places (for example "
            f"{w.join(examples)}); the package records the likely reading beside the unchanged text."))
    counts = [(s, sum(f.severity == s for f in everything)) for s in SEVERITIES]
    out.append(w.pick(
        f"审核共有{len(everything)}条发现，其中" + "，".join(f"{SEVERITY_WORDS[s]['zh']}{n}条" for s, n in counts)
        + "，详见完整分析。",
        f"The audit has {len(everything)} findings: "
        + w.join([f"{n} {COUNTED_EN.get(s, s)}" for s, n in counts]) + "; the full analysis gives them all."))
    return out


COUNTED_EN = {"material": "to check before quoting", "minor": "minor", "note": "for information"}


def _damaged_examples(w: Words) -> list[str]:
    """One lost-character number and one other slip, as written and as read."""
    lost = non_figures()
    rows = [*lost[lost["damaged"]].head(1).itertuples(), *load_table("text_issues").head(1).itertuples()]
    return [w.pick(f"“{r.mention}”应为“{r.reading}”", f"{r.mention} for {r.reading}") for r in rows]


def _caveat(f: Finding, w: Words) -> str:
    """A finding as a sentence for a reader; the audit's own explanation where no plainer
    sentence is written for its kind."""
    d = f.details
    if f.check == "part_whole" and f.verdict == "sums" and d.get("units"):
        parent = get_figure(d["parent"])
        odd = [get_figure(i) for i in d["parts"] if get_figure(i)["unit"] != parent["unit"]]
        names = w.join([f"{o['indicator_zh']}（{o['mention']}）" if w.zh
                        else f"'{o['indicator_en']}' ({o['mention']})" for o in odd])
        return w.pick(
            f"{parent['indicator_zh']}的各分项合计等于总数{parent['mention']}，但{names}以“{odd[0]['unit']}”计，"
            f"与总数的“{parent['unit']}”不一，合计是否都是{'人数' if parent['unit'] in ('人', '名') else '同一事物'}"
            "无法确认。",
            f"The parts of '{parent['indicator_en']}' add up to the stated {labels.amount(parent, 'en')}, but "
            f"{names} is counted in {odd[0]['unit']} rather than {parent['unit']} ({labels.unit(parent, 'en')}), "
            f"so whether the total counts only {labels.unit(parent, 'en')} is not certain.")
    if f.check == "rate" and "denominator" not in d:
        rate = get_figure(f.figure_ids[0])
        readings = recompute_rate(rate["figure_id"])
        standard = next(r for r in readings if r.standard)
        places = d["decimals"]
        matching = [r for r in readings if not r.standard and r.plausible
                    and any(agrees(v, d["stated"], places) for v in r.values)]
        gap = standard.value - d["stated"]
        # a declared definition is the report's own arithmetic, not a national usage
        basis = (w.pick(f"按报告自身数字（{standard.name_zh}）", f"its own figures ({standard.name_en})")
                 if standard.declared else
                 w.pick(f"报告未说明口径，按通行口径（{standard.name_zh}）",
                        f"the report does not say how it is computed; the usual definition ({standard.name_en})"))
        text = w.pick(
            f"{rate['indicator_zh']}{rate['mention']}：{basis}计算为"
            f"{w.pct(standard.value, places + 1)}，比所述{'高' if gap > 0 else '低'}{abs(gap):.2f}个百分点",
            f"{rate['indicator_en']} of {rate['mention']}: {basis} give{'' if standard.declared else 's'} "
            f"{w.pct(standard.value, places + 1)}, {abs(gap):.2f} points {'above' if gap > 0 else 'below'} it")
        for r in matching:
            partial = [get_figure(i) for i in r.partial]  # figures of which an unstated number counts
            k = next(i for i, v in enumerate(r.values) if agrees(v, d["stated"], places))
            text += w.pick(
                (f"；若将{'、'.join(p['indicator_zh'] for p in partial)}的{labels.number(len(r.values) - 1, 'zh')}件"
                 f"中的{k}件计为间接纠错，" if partial else "；")
                + f"按{r.name_zh}可得{rate['mention']}" + ("，报告未说明有无此情形" if partial else ""),
                f"; {r.name_en} gives {rate['mention']}"
                + (f", counting {k} of the {labels.number(len(r.values) - 1, 'en')} "
                   f"{w.join([labels.part_label(p, 'en') for p in partial])} cases as "
                   f"{'an indirect correction' if k == 1 else 'indirect corrections'}, "
                   "which the report does not say" if partial else ""))
        implausible = [r for r in readings if not r.plausible
                       and any(agrees(v, d["stated"], places) for v in r.values)]
        for r in implausible:
            text += w.pick(f"；按{r.name_zh}亦可得，但驳回不属纠错",
                           f"; {r.name_en} also gives it, but a rejection is not a correction")
        def span(counts, lang):
            return labels.number(counts[0], lang) if len(counts) == 1 else \
                f"{labels.number(counts[0], lang)}{'至' if lang == 'zh' else ' to '}{labels.number(counts[-1], lang)}"

        nums = d.get("numerators_that_reproduce", {}).get(standard.key, [])
        dens = d.get("denominators_that_reproduce", {}).get(standard.key, [])
        if (nums or dens) and not standard.declared:
            zh = "或".join([*([f"分子为{span(nums, 'zh')}"] if nums else []),
                           *([f"分母为{span(dens, 'zh')}"] if dens else [])])
            en = " or ".join([*([f"a numerator of {span(nums, 'en')}"] if nums else []),
                              *([f"a base of {span(dens, 'en')}"] if dens else [])])
            text += w.pick(f"；也可能某一件数有误（按通行口径，{zh}即得）",
                           f"; or a count has a slip ({en} gives it under the usual definition)")
        if f.verdict != "reproduced" and not standard.declared:
            text += w.pick("；也可能分母另有所指，或比率与件数的统计时点不同",
                           "; or the rate is over another base, or was taken at another date than the counts")
        if f.severity == "minor":
            text += w.pick("；相差很小，不影响比较", "; the difference changes no comparison")
        return text + w.pick("。", ".")
    if f.check == "rate" and f.verdict == "not_reproducible" and "denominator" in d:
        rate, den = get_figure(f.figure_ids[0]), get_figure(f.figure_ids[1])
        (low, p_low), (high, p_high) = sorted((int(k), v) for k, v in d["nearest"].items())
        return w.pick(
            f"{den['indicator_zh']}{den['mention']}，{rate['indicator_zh']}{rate['mention']}：对应"
            f"{d['implied_numerator']:.2f}件，"
            f"不是整数（{low}件为{p_low:.2f}%，{high}件为{p_high:.2f}%）；比率或件数可能有误，也可能分母另有所指，"
            "或比率与件数的统计时点不同，报告未作说明。",
            f"'{rate['indicator_en']}' is {rate['mention']} of {labels.amount(den, 'en')}, which implies "
            f"{d['implied_numerator']:.2f}, not a whole number ({low} gives {p_low:.2f}%, {high} gives "
            f"{p_high:.2f}%); either the rate or the count is wrong, the rate has another denominator, or "
            "the two were taken at different dates; the report does not say.")
    if f.finding_id == "petitioners-per-session":
        sessions, visits = get_figure("leader_reception_sessions"), get_figure("petitioners_received")
        per = d.get("per_session", visits["value"] / sessions["value"])
        return w.pick(
            f"报告在同一句中写区领导参与接访{sessions['mention']}、现场接待疏导来访群众{visits['mention']}。"
            f"若理解为区领导参与的场次所接待，每场次约{per:.0f}人次，不合常理；后者可能是全区各级现场接待的总人次，"
            "区领导只参与其中部分场次，也可能集体访按人计入，或数字有误，报告未作说明。不宜表述为区领导接待的来访人数。",
            f"The same sentence gives {labels.amount(sessions, 'en')} in which district leaders took part and "
            f"{w.amount(visits['figure_id'], (english('人次'),) * 2)} of petitioners received and counselled "
            f"on site. Read as visits at those sessions, that is about {per:.0f} a session, implausible; the "
            "count may cover every visit received on site in the district, the leaders taking part in some "
            "sessions, or count each member of a group visit, or carry a slip in its digits; the report does "
            "not say. Do not quote it as visitors received by leaders.")
    if f.finding_id == "inspection-funnel-order":
        plans, tasks, results = f.figure_ids[:3]
        return w.pick(
            f"“双随机、一公开”检查任务（{w.amount(tasks)}）少于检查计划（{w.amount(plans)}），"
            f"检查结果（{w.amount(results)}）又多于检查任务，报告未说明计数口径。",
            f"{w.term('双随机、一公开', capital=True)}: fewer tasks ({w.amount(tasks, ('task', 'tasks'))}) "
            "than plans "
            f"({w.amount(plans, ('plan', 'plans'))}), and more results ({w.amount(results, ('result', 'results'))}) "
            "than tasks; the report does not say how each is counted.")
    return f.message_zh if w.zh else f.message_en

