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
from matplotlib.figure import Figure

from ..audit.checks import RATE_DENOMINATORS, nearest_whole, recompute_rate
from ..language.labels import LANGS, Lang, check_lang
from ..tables.figures import commitment_table, get_figure, load_table, parents, shared_breakdown
from . import frame, kinds


@lru_cache(maxsize=1)
def _year() -> int:
    return int(load_table("reports")["year"].iloc[0])


def _t(zh: str, en: str) -> dict[str, str]:
    year = _year()
    return {"zh": zh.format(year=year), "en": en.format(year=year)}


@dataclass(frozen=True)
class ChartSpec:
    chart_id: str
    build: Callable[[Lang], Figure]


def _national_references(prefix: str) -> list[kinds.Reference]:
    refs = load_table("references")
    refs = refs[refs["reference_id"].str.startswith(prefix)]
    return [kinds.Reference(r.label_zh, r.label_en, r.value) for r in refs.itertuples()]


def _recomputed(rate_id: str) -> list[kinds.Reference]:
    """The rate recomputed from the report's counts under the standard definition."""
    return [kinds.Reference(f"按{d.name_zh}重算", f"recomputed, {d.name_en}", d.value)
            for d in recompute_rate(rate_id) if d.standard]


def _review_rate(lang: Lang) -> Figure:
    return kinds.bullet(
        "review_correction_rate",
        _recomputed("review_correction_rate") + _national_references("national_review_correction"),
        lang=lang, extra_figures=["review_revoked", "review_ordered_redo", "review_pending"],
        note=_t("报告未说明纠错率的分子与分母。",
                "The report does not say which decisions or which denominator it counts.")[lang])


def _mediation_rate(lang: Lang) -> Figure:
    return kinds.bullet(
        "mediation_success_rate", _recomputed("mediation_success_rate"), lang=lang,
        extra_figures=["disputes_accepted", "disputes_mediated"],
        note=_t("报告所述比率高于由其自身数字重算的结果。",
                "The stated rate is higher than the one its own counts give.")[lang])


def _audited_rates(lang: Lang) -> Figure:
    short = {"review_correction_rate": _t("复议纠错率", "Review correction"),
             "mediation_success_rate": _t("调解成功率", "Mediation success"),
             "leader_cases_resolution_rate": _t("包案化解率", "Petition resolution")}
    rows = []
    for rate_id in ("review_correction_rate", "mediation_success_rate"):
        others = tuple(kinds.Reference(d.name_zh, d.name_en, d.value) for d in recompute_rate(rate_id))
        rows.append(kinds.Comparison(short[rate_id]["zh"], short[rate_id]["en"],
                                      get_figure(rate_id)["value"], others))
    leader = get_figure("leader_cases_resolution_rate")
    cases = get_figure(RATE_DENOMINATORS["leader_cases_resolution_rate"])["value"]
    others = tuple(kinds.Reference(f"{k}/{cases:.0f}", f"{k}/{cases:.0f}", pct)
                   for k, pct in nearest_whole(leader["value"], cases).items())
    rows.append(kinds.Comparison(short["leader_cases_resolution_rate"]["zh"],
                                  short["leader_cases_resolution_rate"]["en"], leader["value"], others))
    return kinds.stated_vs_recomputed(
        rows, ["review_correction_rate", "mediation_success_rate", "leader_cases_resolution_rate"],
        lang=lang, title=_t("报告所述比率与重算结果", "Stated rates against their recomputation")[lang],
        note=_t("零线为报告所述比率；各条为由报告自身数字重算的结果。",
                "Zero is the stated rate; each bar is a recomputation from the report's own counts.")[lang])


def _commitment_coverage(lang: Lang) -> Figure:
    commitments = commitment_table()
    linked = [get_figure(f) for f in dict.fromkeys(load_table("commitment_measures")["figure_id"])]
    return kinds.count_bar(
        commitments[f"label_{lang}"].tolist(), commitments["figures"].tolist(),
        figures=[row for _, row in commitments.iterrows()] + linked, lang=lang,
        title=_t("本年度的数字可衡量哪些不足与安排", "What this year's figures could measure")[lang],
        subtitle=_t("可衡量各项不足与下一年度安排的数字个数",
                    "Figures that could track each admitted shortcoming and each plan for next year")[lang],
        note=_t("无条者，报告中没有可衡量的数字；对应关系为本数据包的判断。",
                "No bar: no figure in the report measures it. The links are this package's judgement.")[lang])


CATALOGUE: list[ChartSpec] = [
    ChartSpec("headline_figures", lambda lang: kinds.big_numbers(
        ["review_cases_accepted", "criminal_transfers", "hotline_requests",
         "legal_aid_cases", "disputes_accepted", "credit_records"], lang=lang,
        title=_t("{year}年主要数字", "Headline figures of {year}")[lang])),
    ChartSpec("review_outcomes", lambda lang: kinds.part_to_whole(
        "review_cases_accepted", lang=lang,
        title=_t("{year}年行政复议案件的处理结果", "How the {year} administrative review cases ended")[lang])),
    ChartSpec("review_correction_rate", _review_rate),
    ChartSpec("criminal_transfers_by_agency", lambda lang: kinds.ranked_bar(
        ["criminal_transfers_public_security", "criminal_transfers_ecology",
         "criminal_transfers_agriculture", "criminal_transfers_water"], lang=lang,
        title=_t("行政执法移送刑事司法案件，按移送单位", "Cases transferred to criminal justice, by agency")[lang])),
    ChartSpec("inspection_funnel", lambda lang: kinds.funnel(
        ["inspection_plans", "inspection_tasks", "inspection_results"], lang=lang,
        title=_t("“双随机、一公开”：计划、任务与结果", "Random inspections: plans, tasks and results")[lang],
        note=_t("检查结果多于检查任务，报告未说明计数口径。",
                "There are more results than tasks; the report does not say how each is counted.")[lang])),
    ChartSpec("legal_aid_cases", lambda lang: kinds.part_to_whole(
        "legal_aid_cases", lang=lang,
        title=_t("{year}年法律援助案件，按类别", "Legal aid cases in {year}, by type")[lang])),
    ChartSpec("legal_aid_recipients", lambda lang: kinds.ranked_bar(
        ["legal_aid_subsistence_allowance", "legal_aid_military", "legal_aid_registered_poor",
         "legal_aid_elderly", "legal_aid_disabled", "legal_aid_minors", "legal_aid_women",
         "legal_aid_migrant_workers"], lang=lang,
        title=_t("法律援助涉及的人群", "Legal aid recipients by group")[lang],
        note=_t("各人群可能重叠，报告未给出受援人总数。",
                "Groups may overlap; the report gives no total of recipients.")[lang])),
    ChartSpec("mediation_organisations", lambda lang: kinds.part_to_whole(
        "mediation_organisations", lang=lang,
        title=_t("人民调解组织，按层级", "People's mediation organisations by level")[lang])),
    ChartSpec("mediators_by_level", lambda lang: kinds.part_to_whole(
        "mediators", lang=lang,
        title=_t("专兼职调解员，按层级", "Mediators by level")[lang],
        note=_t("行业性专业性调解员以“个”计。",
                "Sector-specific mediators are counted in 个 (units) in the report.")[lang])),
    ChartSpec("dispute_funnel", lambda lang: kinds.funnel(
        ["disputes_accepted", "disputes_mediated"], lang=lang,
        title=_t("矛盾纠纷：受理与调解成功", "Disputes: accepted and mediated successfully")[lang])),
    ChartSpec("mediation_success_rate", _mediation_rate),
    ChartSpec("services_panel", lambda lang: kinds.big_numbers(
        ["no_visit_services", "certificate_free_items", "hotline_requests", "hotline_satisfaction",
         "supervision_objects", "credit_records"], lang=lang,
        title=_t("政务服务、监管与信用", "Services, supervision and credit")[lang])),
    ChartSpec("supervision_records", lambda lang: kinds.ranked_bar(
        ["supervision_actions", "supervision_updates", "supervision_exposures"], lang=lang,
        title=_t("“互联网+监管”报送的信息", "Records reported to the Internet+ supervision system")[lang])),
    ChartSpec("volunteer_activity", lambda lang: kinds.big_numbers(
        ["volunteer_consultations", "volunteer_materials_shared", "volunteer_lectures",
         "volunteer_onsite_consultations", "volunteer_handbooks", "volunteer_disputes"], lang=lang,
        title=_t("法律服务志愿者“包乡进村”", "Legal service volunteers in the townships")[lang],
        note=_t("均为约数（余）。", "All are stated as 'more than' (余).")[lang])),
    ChartSpec("highlight_services", lambda lang: kinds.big_numbers(
        ["one_chain_services", "local_services_online", "e_licence_types", "full_online_approvals",
         "business_startup_days", "food_licence_days"], lang=lang,
        title=_t("政务服务亮点", "Highlights of government services")[lang])),
    ChartSpec("capacity_panel", lambda lang: kinds.big_numbers(
        ["civil_code_lecture_main_venue", "civil_code_lecture_branch_venues",
         "leaders_training_participants", "full_time_mediators_total",
         "full_time_mediator_subsidy", "street_stall_sites"], lang=lang,
        title=_t("培训、专职调解员与地摊经济", "Training, full-time mediators and street stalls")[lang])),
    ChartSpec("commitment_coverage", _commitment_coverage),
    ChartSpec("audited_rates", _audited_rates),
    ChartSpec("audited_sums", lambda lang: kinds.sum_check(
        [p for p in parents() if shared_breakdown(p).is_exhaustive], lang=lang,
        title=_t("各分项之和与总数", "Parts against their totals")[lang],
        note=_t("100%表示分项之和等于报告所述总数；仅计构成总数的分项。",
                "100% means the parts add up to the stated total; subsets and overlapping groups are left out.")[lang])),
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
