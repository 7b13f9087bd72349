"""The briefing charts: which chart of which figures, with their editorial titles.

`python -m analysis charts` exports every chart here in Chinese, English or both.
Titles and notes are editorial words in both languages; every number comes from data.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ..audit.checks import (
    decimals,
    nearest_whole,
    recompute_rate,
    reproducing_denominators,
    reproducing_numerators,
)
from ..language import labels
from ..language.labels import LANGS, Lang, check_lang
from ..tables.figures import commitment_table, get_figure, load_table
from . import frame, kinds


@lru_cache(maxsize=1)
def _year() -> int:
    return int(load_table("reports")["year"].iloc[0])


def _t(zh: str, en: str, **values) -> dict[str, str]:
    """Editorial words in both languages; numbers come in as values, never typed."""
    year = _year()
    return {"zh": zh.format(year=year, **{k: v["zh"] if isinstance(v, dict) else v
                                          for k, v in values.items()}),
            "en": en.format(year=year, **{k: v["en"] if isinstance(v, dict) else v
                                          for k, v in values.items()})}


def _amount(figure_id: str) -> dict[str, str]:
    figure = get_figure(figure_id)
    return {lang: kinds.amount(figure, lang, compact=False) for lang in LANGS}


def _n(x: float) -> dict[str, str]:
    return {lang: labels.number(x, lang) for lang in LANGS}


@dataclass(frozen=True)
class ChartSpec:
    chart_id: str
    build: Callable[[Lang], Figure]


def _readings(rate_id: str) -> list[kinds.Reference]:
    """The rate recomputed from the report's own counts under each reading the audit tries."""
    return [kinds.Reference(r.name_zh, r.name_en, r.values,
                            "standard" if r.standard else "recomputed" if r.plausible else "implausible")
            for r in recompute_rate(rate_id) if r.values]


def _same_year_references(prefix: str) -> list[pd.Series]:
    """Values from outside the report of the report's own year: a rate is set beside a
    national rate of the same year only."""
    refs = load_table("references")
    refs = refs[refs["reference_id"].str.startswith(prefix) & (refs["year"] == _year())]
    return [row for _, row in refs.iterrows()]


def _definition_note(refs: list[pd.Series], rate_id: str) -> dict[str, str]:
    """What differs between a national value and the report's readings, when it does."""
    keys = {r.key for r in recompute_rate(rate_id)}
    notes = {"zh": "", "en": ""}
    for ref in refs:
        if ref["definition"] in keys:
            continue
        notes = _t("{label}：仅知为作出直接纠错决定的比例，所见报道未说明其分母（办结数或作出决定数），"
                   "与本区各口径并非同一定义。",
                   "{label}: known only as the share of cases with a direct correction decision; "
                   "the report of it that was found does not give its base (cases concluded or "
                   "decided), so it is not the same definition as any reading here.",
                   label={"zh": ref["label_zh"], "en": ref["label_en"]})
    return notes


def _review_rate(lang: Lang) -> Figure:
    rate = get_figure("review_correction_rate")
    refs = _same_year_references("national_review_correction")
    terminated = get_figure("review_terminated")["value"]
    notes = [
        _t("报告未说明纠错率的分子与分母。带圈的点为能得出报告所述比率的口径。",
           "The report does not say what its rate counts. A ringed dot gives the stated rate.")[lang],
        _t("区间：直接纠错加上终止的{n}件中0至{n}件（若系被申请人自行纠正后申请人撤回而终止，即间接纠错）。",
           "A range: direct corrections plus none to all {n} terminated cases (indirect correction, "
           "if they ended after the agency corrected its own act and the applicant withdrew).",
           n=_n(terminated))[lang],
        _definition_note(refs, "review_correction_rate")[lang],
    ]
    return kinds.rate_readings(
        "review_correction_rate", _readings("review_correction_rate"), lang=lang,
        title=_t("行政复议纠错率：报告所述与按各口径重算", "The review correction rate, stated and "
                 "recomputed under each reading")[lang],
        subtitle=_t("报告为{m}，由{n}起受理案件的处理结果重算", "Stated {m}; recomputed from the outcomes "
                    "of the {n} cases accepted", m=rate["mention"],
                    n=_n(get_figure("review_cases_accepted")["value"]))[lang],
        extra_figures=["review_cases_accepted", "review_revoked", "review_ordered_redo",
                       "review_rejected", "review_upheld", "review_terminated", "review_pending"],
        references=refs, note=frame.join_notes(notes, lang))


def _mediation_rate(lang: Lang) -> Figure:
    rate = get_figure("mediation_success_rate")
    places = decimals(rate["value"], rate["mention"])
    mediated, accepted = get_figure("disputes_mediated")["value"], get_figure("disputes_accepted")["value"]
    numerators = reproducing_numerators(rate["value"], places, accepted)
    bases = reproducing_denominators(rate["value"], places, mediated)
    note = _t("按报告所列件数算不出{m}：调解成功数须为{a}至{b}件，或受理数须为{c}至{d}件。",
              "The report's own counts do not give {m}: that needs {a} to {b} disputes mediated "
              "successfully, or {c} to {d} accepted.", m=rate["mention"],
              a=_n(numerators[0]), b=_n(numerators[-1]), c=_n(bases[0]), d=_n(bases[-1])) \
        if numerators and bases else {"zh": "", "en": ""}
    return kinds.rate_readings(
        "mediation_success_rate", _readings("mediation_success_rate"), lang=lang,
        title=_t("调解成功率：报告所述与重算", "The mediation success rate, stated and recomputed")[lang],
        subtitle=_t("调解成功{a}÷排查受理{b}", "{a} mediated successfully ÷ {b} identified and accepted",
                    a=_amount("disputes_mediated"), b=_amount("disputes_accepted"))[lang],
        extra_figures=["disputes_accepted", "disputes_mediated"], note=note[lang])


def _audited_rates(lang: Lang) -> Figure:
    short = {"review_correction_rate": _t("行政复议纠错率", "Review correction"),
             "mediation_success_rate": _t("调解成功率", "Mediation success"),
             "leader_cases_resolution_rate": _t("包案化解率", "Resolution of leader-assigned matters")}
    rows = []
    for rate_id in ("review_correction_rate", "mediation_success_rate"):
        rate = get_figure(rate_id)
        rows.append(kinds.Comparison(short[rate_id]["zh"], short[rate_id]["en"], float(rate["value"]),
                                     decimals(rate["value"], rate["mention"]),
                                     tuple(_readings(rate_id))))
    leader = get_figure("leader_cases_resolution_rate")
    cases = recompute_rate("leader_cases_resolution_rate")[0].denominator_value  # its declared base
    others = tuple(kinds.Reference(f"{k}÷{cases:.0f}", f"{k}/{cases:.0f}", (pct,))
                   for k, pct in nearest_whole(leader["value"], cases).items())
    rows.append(kinds.Comparison(short["leader_cases_resolution_rate"]["zh"],
                                 short["leader_cases_resolution_rate"]["en"], float(leader["value"]),
                                 decimals(leader["value"], leader["mention"]), others))
    return kinds.stated_vs_recomputed(
        rows, ["review_correction_rate", "mediation_success_rate", "leader_cases_resolution_rate"],
        lang=lang, title=_t("报告所述比率与按其自身件数重算的结果",
                            "Stated rates against what the report's own counts give")[lang],
        subtitle=_t("各比率的刻度分别设定，相差0.1个百分点也能看出",
                    "Each rate on its own scale, so that a gap of a tenth of a point shows")[lang],
        note=_t("虚线为报告所述比率；带圈的点为能得出该比率的口径；灰点为不合常理的口径；包案化解率只给出分母，"
                "故列出分子取最接近的两个整数时的比率。",
                "Dashed line: the stated rate; ringed: a reading that gives it; grey: an implausible "
                "reading. The resolution rate of leader-assigned matters comes with its base only, so the two "
                "nearest whole numbers are shown.")[lang])


def _commitment_coverage(lang: Lang) -> Figure:
    commitments = commitment_table()
    linked = [get_figure(f) for f in dict.fromkeys(load_table("commitment_measures")["figure_id"])]
    return kinds.count_bar(
        commitments[f"label_{lang}"].tolist(), commitments["figures"].tolist(),
        figures=[row for _, row in commitments.iterrows()] + linked, lang=lang,
        title=_t("本年度的数字可衡量哪些不足与安排", "What this year's figures could measure")[lang],
        subtitle=_t("可衡量各项不足与下一年度安排的数字个数",
                    "Figures that could track each admitted shortcoming and each plan for next year")[lang],
        note=_t("数值为0的项目，报告中没有可衡量的数字；对应关系为本数据包的判断。",
                "No bar: no figure in the report measures it. The links are this package's judgement.")[lang])


def _transfers(lang: Lang) -> Figure:
    police = _amount("criminal_transfers_public_security")
    return kinds.ranked_bar(
        ["criminal_transfers_public_security", "criminal_transfers_ecology",
         "criminal_transfers_agriculture", "criminal_transfers_water"], lang=lang,
        title=_t("行政执法移送刑事司法案件：报告所列单位",
                 "Cases moved from administrative enforcement to criminal justice, by agency listed")[lang],
        subtitle=_t("{year}年，合计{t}", "{year}, {t} in all", t=_amount("criminal_transfers"))[lang],
        note=_t("报告以“分别为”列出各单位，未说明区公安局的{p}是其移送还是接收的案件；"
                "“两法衔接”中公安机关通常是接收移送的一方。",
                "The report lists the agencies without saying whether the public security bureau's "
                "{p} were transferred by it or to it; in these transfers the police usually receive "
                "cases.", p=police)[lang])


def _random_inspections(lang: Lang) -> Figure:
    return kinds.big_numbers(
        ["random_inspection_units", "random_inspection_items", "joint_inspections",
         "inspection_plans", "inspection_tasks", "inspection_results"], lang=lang,
        title=_t("“双随机、一公开”监管：报告所列数字",
                 "Double-random inspections: the report's counts")[lang],
        subtitle=_t("从两个名录库中随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果向社会公开",
                    "Both the entities inspected and the inspectors are drawn at random, each from its "
                    "own list, and the results are made public")[lang],
        note=_t("计划、任务、结果所计对象不同，并非逐级递减的环节：一项任务可能涉及多个被检查对象、"
                "每个对象各录入一条结果，报告对此未作界定。抽查事项为“互联网+”监管同步以来的数字；计划、任务、结果为全年数字。",
                "Plans, tasks and results count different things, not stages that narrow: a task may "
                "cover several inspected entities, each with its own result, though the report defines "
                "none of them. Matters on the inspection "
                "list are counted since the link with Internet + supervision; plans, tasks and "
                "results are for the year.")[lang])


CATALOGUE: list[ChartSpec] = [
    ChartSpec("headline_figures", lambda lang: kinds.big_numbers(
        ["review_cases_accepted", "criminal_transfers", "hotline_requests",
         "legal_aid_cases", "disputes_accepted", "credit_records"], lang=lang,
        title=_t("{year}年度报告中的部分数字", "Selected counts from the {year} report")[lang])),
    ChartSpec("review_outcomes", lambda lang: kinds.part_to_whole(
        "review_cases_accepted", lang=lang,
        title=_t("{year}年受理的行政复议案件：决定与办理状态",
                 "Administrative review cases accepted in {year}: decisions and status")[lang],
        note=_t("终止的案件已经办结，其中可能有被申请人自行纠正、申请人撤回申请的情形；待办案件尚未办结。",
                "Terminated cases are closed, some perhaps after the agency corrected its own act and "
                "the applicant withdrew; pending cases were not yet concluded.")[lang])),
    ChartSpec("review_correction_rate", _review_rate),
    ChartSpec("criminal_transfers_by_agency", _transfers),
    ChartSpec("random_inspections", _random_inspections),
    ChartSpec("legal_aid_cases", lambda lang: kinds.part_to_whole(
        "legal_aid_cases", lang=lang,
        title=_t("{year}年受理的法律援助案件（按案件类别）", "Legal aid cases accepted in {year}, by type")[lang],
        note=_t("民事案件中非诉调解结案{m}。", "Of the civil cases, {m} were closed by out-of-court "
                "mediation.", m=_amount("legal_aid_civil_mediated"))[lang])),
    ChartSpec("legal_aid_recipients", lambda lang: kinds.ranked_bar(
        ["legal_aid_subsistence_allowance", "legal_aid_military", "legal_aid_registered_poor",
         "legal_aid_elderly", "legal_aid_disabled", "legal_aid_minors", "legal_aid_women",
         "legal_aid_migrant_workers"], lang=lang,
        title=_t("法律援助案件涉及的人群", "Groups of people involved in legal aid cases")[lang],
        note=_t("各人群可能重叠（如农民工中也有妇女），以人计，而案件以件计；报告未给出受援人总数。",
                "Groups may overlap (a migrant worker may also be a woman) and count people, while "
                "cases count cases; the report gives no total of recipients.")[lang])),
    ChartSpec("mediation_organisations", lambda lang: kinds.part_to_whole(
        "mediation_organisations", lang=lang,
        title=_t("人民调解组织（按类型）", "People's mediation organisations, by type")[lang])),
    ChartSpec("mediators_by_level", lambda lang: kinds.part_to_whole(
        "mediators", lang=lang,
        title=_t("专兼职调解员（按所属调解组织）", "Full- and part-time mediators, by organisation")[lang],
        note=_t("报告以“个”计行业性专业性调解员；“个”在此指人，各项之和与总人数相符。",
                "The report counts sector-specific mediators with 个, a measure word that here counts "
                "people: the parts add up to the total.")[lang])),
    ChartSpec("dispute_funnel", lambda lang: kinds.funnel(
        ["disputes_accepted", "disputes_mediated"], lang=lang,
        title=_t("矛盾纠纷：排查受理与调解成功", "Disputes identified and accepted, and those mediated "
                 "successfully")[lang],
        note=_t("调解成功的纠纷是所受理纠纷的一部分；报告未说明这两个数的统计期间。",
                "Disputes mediated successfully are a part of those accepted; the report does not say "
                "what period the two counts cover.")[lang])),
    ChartSpec("mediation_success_rate", _mediation_rate),
    ChartSpec("services_panel", lambda lang: kinds.big_numbers(
        ["no_visit_services", "certificate_free_items", "hotline_requests", "hotline_satisfaction",
         "supervision_objects", "credit_records"], lang=lang,
        title=_t("政务服务、监管与信用", "Services, supervision and credit")[lang],
        note=_t("满意度未说明评价的是诉求办理还是政务服务“好差评”，也未给出评价数量。",
                "The report does not say whether the satisfaction rate rates the handling of requests or "
                "government services under the good-or-bad ratings, nor how many ratings there were.")[lang])),
    ChartSpec("supervision_records", lambda lang: kinds.ranked_bar(
        ["supervision_actions", "supervision_updates", "supervision_exposures"], lang=lang,
        title=_t("“互联网+监管”系统中的记录", "Records in the Internet + supervision system")[lang],
        note=_t("监管动态信息和曝光信息为累计报送数，报告未说明自何时起算。",
                "Updates and exposures are cumulative, from a start the report does not give.")[lang])),
    ChartSpec("volunteer_activity", lambda lang: kinds.big_numbers(
        ["volunteer_consultations", "volunteer_materials_shared", "volunteer_lectures",
         "volunteer_onsite_consultations", "volunteer_handbooks", "volunteer_disputes"], lang=lang,
        title=_t("法律服务志愿者“包乡进村入群”，{year}年", "Legal service volunteers in the townships "
                 "and villages, {year}")[lang],
        note=_t("各数在报告中均带“余”字，即多于所示之数；纠纷为志愿者“参与”调处的件数。",
                "Every count is given with 余 (more than); the disputes are those the volunteers "
                "took part in mediating.")[lang])),
    ChartSpec("highlight_services", lambda lang: kinds.big_numbers(
        ["one_chain_services", "local_services_online", "e_licence_types", "full_online_approvals",
         "business_startup_days", "food_licence_days"], lang=lang,
        title=_t("特色工作及亮点：政务服务", "Distinctive work and highlights: government services")[lang])),
    ChartSpec("capacity_panel", lambda lang: kinds.big_numbers(
        ["civil_code_lecture_main_venue", "civil_code_lecture_branch_venues",
         "leaders_training_participants", "full_time_mediators_total",
         "full_time_mediator_subsidy", "street_stall_sites"], lang=lang,
        title=_t("培训、专职调解员与地摊经济", "Training, full-time mediators and street stalls")[lang])),
    ChartSpec("commitment_coverage", _commitment_coverage),
    ChartSpec("audited_rates", _audited_rates),
]


def export_all(out: Path, langs: tuple[Lang, ...] = LANGS,
               on_chart: Callable[[int, str, Lang, Figure], None] | None = None) -> Path:
    """Write every catalogue chart in each language, and index.csv / index.md listing them.
    on_chart(i, chart_id, lang, fig) is called once each chart is saved (i counts charts from
    1), so that a build can report progress and use the figure while it is open."""
    rows = []
    for number, spec in enumerate(CATALOGUE, start=1):
        for lang in langs:
            fig = spec.build(lang)
            files = frame.save(fig, out / lang, spec.chart_id)
            if on_chart:
                on_chart(number, spec.chart_id, lang, fig)
            info = fig.chart_info
            plt.close(fig)
            rows.append({"chart": spec.chart_id, "lang": lang, "title": info.title,
                         "png": f"{lang}/{files['png']}", "svg": f"{lang}/{files['svg']}",
                         "meta": f"{lang}/{files['json']}", "source": info.source,
                         "alt_text": info.alt_text})
    with open(out / "index.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    lines = ["# Briefing charts", "", "PNG (16 cm wide, 300 dpi) and SVG, with alt text.", "",
             "| chart | lang | title | files |", "|---|---|---|---|"]
    lines += [f"| {r['chart']} | {r['lang']} | {r['title']} | [png]({r['png']}) · [svg]({r['svg']}) |"
              for r in rows]
    (out / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out / "index.csv"


def chart(chart_id: str, lang: Lang | None = None) -> Figure:
    """One briefing chart by id, as notebooks show it, in lang or the current language."""
    lang = check_lang(lang)
    for spec in CATALOGUE:
        if spec.chart_id == chart_id:
            return spec.build(lang)
    raise KeyError(f"no briefing chart {chart_id!r}; known: {[s.chart_id for s in CATALOGUE]}")
