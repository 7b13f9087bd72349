"""The audit: each check on constructed figures whose answer is known, then the real report
against a reviewed list of expected findings."""

import csv
import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.__main__ import main
import analysis
from analysis.audit.checks import (
    MATERIAL_POINTS,
    SEVERITIES,
    audit,
    damage_in,
    materiality,
    part_whole,
    plausibility,
    rate_verdict,
    rates,
    reproducing_denominators,
    reproducing_numerators,
)

TESTS = Path(__file__).parent
NOTEBOOKS = TESTS.parent / "notebooks"


def figures(*rows) -> pd.DataFrame:
    """A figures table with just the columns the checks read."""
    base = {"parent_id": None, "relation": None, "qualifier": "exact", "unit": "件",
            "unit_en": "cases", "indicator_zh": "指标", "indicator_en": "indicator"}
    frame = pd.DataFrame([{**base, **row} for row in rows])
    frame["mention"] = frame.get("mention", frame["value"].map(lambda v: f"{v:g}"))
    return frame


def by_id(findings):
    return {f.finding_id: f for f in findings}


# ------------------------------------------------------------------ materiality

@pytest.mark.parametrize("kwargs, level", [
    ({}, "note"),                                 # nothing a reader quotes changes
    ({"caveat": True}, "minor"),                  # quote it with a caveat
    ({"points": 0.13}, "minor"),                  # a rate off by 0.13 points
    ({"points": 0.99}, "minor"),
    ({"points": MATERIAL_POINTS}, "material"),    # one point changes a comparison
    ({"points": 3.06}, "material"),
    ({"share": 1 / 1506}, "minor"),               # one case in 1,506
    ({"share": 1 / 15}, "material"),              # one case in 15
    ({"impossible": True}, "material"),           # a count that cannot be true
    ({"meaning_in_doubt": True}, "material"),     # what a count counts is in doubt
])
def test_each_severity_level_follows_what_a_quoted_number_could_do(kwargs, level):
    assert materiality(**kwargs) == level


def test_a_count_that_cannot_be_true_outranks_a_rate_off_by_a_fraction_of_a_point():
    found = audit_of(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 11, "parent_id": "total", "relation": "subset"},
        {"figure_id": "disputes_accepted", "value": 4621},
        {"figure_id": "disputes_mediated", "value": 4555, "parent_id": "disputes_accepted",
         "relation": "subset"},
        {"figure_id": "mediation_success_rate", "value": 98.7, "unit": "%", "mention": "98.7%"})
    assert [(f.finding_id, f.severity) for f in found] == [
        ("subset-total", "material"), ("rate-mediation_success_rate", "minor"),
        ("subset-disputes_accepted", "note")]


def audit_of(*rows):
    """The checks over constructed figures, ranked the way the audit ranks them."""
    table = figures(*rows)
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(part_whole(table) + rates(table) + plausibility(table),
                  key=lambda f: rank[f.severity])


# ------------------------------------------------------------------ part-whole

def test_a_breakdown_that_sums():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 4, "parent_id": "total", "relation": "part"},
        {"figure_id": "b", "value": 6, "parent_id": "total", "relation": "part"})))
    assert found["sum-total"].verdict == "sums"
    assert found["sum-total"].severity == "note"
    assert found["sum-total"].details["actual"] == 10


def test_a_breakdown_that_does_not_sum_is_material_when_the_gap_is_large():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 4, "parent_id": "total", "relation": "part"},
        {"figure_id": "b", "value": 5, "parent_id": "total", "relation": "part"})))
    finding = found["sum-total"]
    assert (finding.verdict, finding.severity) == ("does_not_sum", "material")
    assert (finding.details["expected"], finding.details["actual"]) == (10, 9)
    assert finding.figure_ids == ["total", "a", "b"]
    # every plausible explanation, not "the parts or the total is wrong"
    assert "left out" in finding.message_en and "different dates" in finding.message_en
    assert "未列出" in finding.message_zh and "统计时点" in finding.message_zh


def test_a_breakdown_off_by_one_in_thousands_is_minor():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 1506},
        {"figure_id": "a", "value": 1010, "parent_id": "total", "relation": "part"},
        {"figure_id": "b", "value": 495, "parent_id": "total", "relation": "part"})))
    assert (found["sum-total"].verdict, found["sum-total"].severity) == ("does_not_sum", "minor")


def test_parts_of_a_more_than_total_may_fall_short():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 100, "qualifier": "more_than"},
        {"figure_id": "a", "value": 90, "parent_id": "total", "relation": "part"})))
    assert found["sum-total"].verdict == "sums"


def test_a_subset_larger_than_its_whole_is_material():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 1000},
        {"figure_id": "a", "value": 1001, "parent_id": "total", "relation": "subset"})))
    assert (found["subset-total"].verdict, found["subset-total"].severity) == ("exceeds", "material")


def test_overlapping_groups_are_labelled_not_errors():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 8, "parent_id": "total", "relation": "overlapping",
         "unit": "人", "unit_en": "people"},
        {"figure_id": "b", "value": 7, "parent_id": "total", "relation": "overlapping",
         "unit": "人", "unit_en": "people"})))
    assert (found["overlap-total"].verdict, found["overlap-total"].severity) == ("may_overlap", "note")


def test_parts_counted_with_the_general_measure_word_are_like_with_like():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10, "unit": "人", "unit_en": "people"},
        {"figure_id": "a", "value": 4, "parent_id": "total", "relation": "part",
         "unit": "人", "unit_en": "people"},
        {"figure_id": "b", "value": 6, "parent_id": "total", "relation": "part",
         "unit": "个", "unit_en": "units"})))
    finding = found["sum-total"]
    assert (finding.verdict, finding.severity) == ("sums", "note")
    assert "general measure word" in finding.message_en
    assert "units" not in finding.message_en


def test_parts_in_units_that_count_different_things_need_a_caveat():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10, "unit": "人", "unit_en": "people"},
        {"figure_id": "a", "value": 4, "parent_id": "total", "relation": "part",
         "unit": "人", "unit_en": "people"},
        {"figure_id": "b", "value": 6, "parent_id": "total", "relation": "part"})))
    assert (found["sum-total"].verdict, found["sum-total"].severity) == ("sums", "minor")


# ---------------------------------------------------------------------- rates

def review_figures(accepted, revoked, redo, rejected, upheld, terminated, pending, stated, mention):
    return figures(
        {"figure_id": "review_cases_accepted", "value": accepted},
        {"figure_id": "review_revoked", "value": revoked},
        {"figure_id": "review_ordered_redo", "value": redo},
        {"figure_id": "review_rejected", "value": rejected},
        {"figure_id": "review_upheld", "value": upheld},
        {"figure_id": "review_terminated", "value": terminated},
        {"figure_id": "review_pending", "value": pending},
        {"figure_id": "review_correction_rate", "value": stated, "unit": "%", "mention": mention})


def readings_of(finding):
    return {r["reading"]: r for r in finding.details["readings"]}


def test_a_rate_that_reproduces_under_the_national_definition_is_a_note():
    # 3 direct corrections over 10 concluded (12 accepted, 2 pending) = 30.0%
    finding = by_id(rates(review_figures(12, 1, 2, 3, 3, 1, 2, 30.0, "30.0%")))[
        "rate-review_correction_rate"]
    assert (finding.verdict, finding.severity) == ("reproduced", "note")


def test_a_terminated_case_is_concluded_not_pending():
    finding = by_id(rates(review_figures(12, 1, 2, 3, 3, 1, 2, 30.0, "30.0%")))[
        "rate-review_correction_rate"]
    national = readings_of(finding)["direct_concluded"]
    assert (national["numerator"], national["denominator"]) == (3, 12 - 2)  # terminated counted


def test_a_rate_reproduced_only_over_cases_accepted_is_material_when_points_away():
    # 4 direct corrections: 4/16 concluded = 25.0%, 4/20 accepted = 20.0%; stated 20.0%
    finding = by_id(rates(review_figures(20, 2, 2, 6, 4, 2, 4, 20.0, "20.0%")))[
        "rate-review_correction_rate"]
    assert (finding.verdict, finding.severity) == ("reproduced_nonstandard", "material")
    assert readings_of(finding)["direct_accepted"]["values"] == [20.0]
    assert readings_of(finding)["direct_concluded"]["values"] == [25.0]
    assert finding.details["materiality"]["points"] == 5.0


def test_indirect_correction_counts_some_of_the_terminated_cases():
    # 4 direct over 15 accepted is 26.7%; with 1 of 4 terminated cases, 5/15 = 33.3%
    finding = by_id(rates(review_figures(15, 1, 3, 0, 3, 4, 4, 33.3, "33.3%")))[
        "rate-review_correction_rate"]
    indirect = readings_of(finding)["indirect_accepted"]
    assert indirect["values"] == [round(100 * k / 15, 4) for k in (4, 5, 6, 7, 8)]
    assert indirect["reproduces_with"] == [1]
    assert finding.verdict == "reproduced_nonstandard"
    assert "1 of the 4 terminated cases" in finding.message_en


def test_counting_a_rejection_as_a_correction_is_named_implausible_and_reproduces_nothing():
    # no terminated case: only 4 direct + 1 驳回 over 15 gives 33.3%
    finding = by_id(rates(review_figures(15, 1, 3, 1, 6, 0, 4, 33.3, "33.3%")))[
        "rate-review_correction_rate"]
    assert readings_of(finding)["with_rejected_accepted"]["reproduces_with"] == [0]
    assert not readings_of(finding)["with_rejected_accepted"]["plausible"]
    assert finding.verdict != "reproduced_nonstandard"  # an implausible reading is no explanation
    assert "implausible" in finding.message_en and "不合常理" in finding.message_zh


def test_a_rate_off_by_a_fraction_of_a_point_is_minor_and_explained():
    finding = by_id(rates(figures(
        {"figure_id": "disputes_accepted", "value": 4621},
        {"figure_id": "disputes_mediated", "value": 4555},
        {"figure_id": "mediation_success_rate", "value": 98.7, "unit": "%", "mention": "98.7%"},
    )))["rate-mediation_success_rate"]
    assert (finding.verdict, finding.severity) == ("not_reproducible", "minor")
    assert finding.details["numerators_that_reproduce"]["success_accepted"] == list(range(4559, 4564))
    assert finding.details["denominators_that_reproduce"]["success_accepted"] == list(range(4613, 4618))
    for words in ("4,559 to 4,563", "4,613 to 4,617", "another date", "does not give"):
        assert words in finding.message_en
    for words in ("4559至4563", "统计时点", "分母"):  # Chinese writes 4559, as the report does
        assert words in finding.message_zh


def test_a_rate_off_by_points_is_material():
    finding = by_id(rates(figures(
        {"figure_id": "disputes_accepted", "value": 200},
        {"figure_id": "disputes_mediated", "value": 150},
        {"figure_id": "mediation_success_rate", "value": 80.0, "unit": "%", "mention": "80.0%"},
    )))["rate-mediation_success_rate"]
    assert (finding.verdict, finding.severity) == ("not_reproducible", "material")
    assert finding.details["numerators_that_reproduce"]["success_accepted"] == [160]


@pytest.mark.parametrize("stated, places, standard, other, verdict", [
    (33.3, 1, [100 / 3], [], "reproduced"),          # 33.333… rounds to 33.3
    (33.4, 1, [100 / 3], [], "rounding_consistent"),  # only rounding up gives 33.4
    (12.3, 1, [12.35], [], "rounding_consistent"),    # 12.35 rounds half up to 12.4
    (12.4, 1, [12.35], [], "reproduced"),
    (50.5, 1, [50.57], [], "rounding_consistent"),    # truncation of 50.57
    (50.7, 1, [50.57], [], "not_reproducible"),
    (20.0, 1, [25.0], [20.0], "reproduced_nonstandard"),
    (80, 0, [80.4], [], "reproduced"),
    (45.08, 2, [44.96, 45.49], [], "not_reproducible"),
])
def test_rate_verdict_respects_the_reports_precision(stated, places, standard, other, verdict):
    assert rate_verdict(stated, places, standard, other) == verdict


def test_reproducing_numerators_and_denominators():
    # 12.3% to one decimal is anything from 12.25% up to, not including, 12.35% (which
    # rounds to 12.4%): 1225 to 1234 of 10000
    assert reproducing_numerators(12.3, 1, 10_000) == list(range(1225, 1235))
    assert reproducing_numerators(33.3, 1, 7) == []  # 2/7 = 28.6%, 3/7 = 42.9%
    assert reproducing_denominators(33.3, 1, 4) == [12]  # 4/11 = 36.4%, 4/12 = 33.3%
    assert reproducing_denominators(50.0, 0, 1) == [2]


def declared(*rows):
    """rate_parts rows: (rate_id, part, figure_id[, subtract]), named as a curator names them."""
    return pd.DataFrame([{"report_id": "r", "rate_id": rate, "part": part, "figure_id": figure,
                          "subtract": rest[0] if rest else None, "name_zh": "甲÷乙", "name_en": "a / b"}
                         for rate, part, figure, *rest in rows])


def test_a_whole_number_check_on_a_stated_denominator():
    base_only = declared(("leader_cases_resolution_rate", "denominator", "leader_cases"))
    ok = by_id(rates(figures(
        {"figure_id": "leader_cases", "value": 200},
        {"figure_id": "leader_cases_resolution_rate", "value": 91.5, "unit": "%",
         "mention": "91.5%"}), base_only))["rate-leader_cases_resolution_rate"]
    assert (ok.verdict, ok.severity) == ("reproduced", "note")  # 183/200 = 91.5%
    off = by_id(rates(figures(
        {"figure_id": "leader_cases", "value": 188},
        {"figure_id": "leader_cases_resolution_rate", "value": 91.08, "unit": "%",
         "mention": "91.08%"}), base_only))["rate-leader_cases_resolution_rate"]
    assert (off.verdict, off.severity) == ("not_reproducible", "minor")
    assert off.details["bases_that_reproduce"] == [[143, 157], [194, 213]]
    assert off.figure_ids == ["leader_cases_resolution_rate", "leader_cases"]


def test_no_rate_is_checked_by_its_id_alone():
    """Without a declaration, a figure named like another report's rate is not recomputed."""
    assert rates(figures({"figure_id": "leader_cases", "value": 188},
                         {"figure_id": "leader_cases_resolution_rate", "value": 91.08, "unit": "%",
                          "mention": "91.08%"})) == []


def case_files(stated, mention, checked=260, problems=18):
    return figures({"figure_id": "checked", "value": checked, "unit": "卷", "unit_en": "case files",
                    "noun_en": "case files", "noun_en_singular": "case file"},
                   {"figure_id": "with_problems", "value": problems, "unit": "卷"},
                   {"figure_id": "problem_share", "value": stated, "unit": "%", "mention": mention})


SHARE = (("problem_share", "numerator", "with_problems"), ("problem_share", "denominator", "checked"))


def test_a_declared_rate_that_reproduces_is_a_note():
    finding = by_id(rates(case_files(6.9, "6.9%"), declared(*SHARE)))["rate-problem_share"]
    assert (finding.verdict, finding.severity) == ("reproduced", "note")  # 18/260 = 6.92%
    assert finding.figure_ids == ["problem_share", "with_problems", "checked"]
    reading = readings_of(finding)["declared"]
    assert (reading["numerator"], reading["denominator"], reading["standard"]) == (18, 260, True)
    assert "18/260 = 6.92%, which gives the stated 6.9%" in finding.message_en
    assert "18÷260＝6.92%，与报告所述6.9%相符" in finding.message_zh


def test_a_declared_rate_that_cannot_be_reproduced_is_material_and_explained():
    # 18/260 = 6.92%, 2.08 points below a stated 9.0%; no whole numerator over 260 gives 9.0%
    # (23/260 = 8.85%, 24/260 = 9.23%), but a base of 199, 200 or 201 under 18 would
    finding = by_id(rates(case_files(9.0, "9.0%"), declared(*SHARE)))["rate-problem_share"]
    assert (finding.verdict, finding.severity) == ("not_reproducible", "material")
    assert finding.details["materiality"]["points"] == pytest.approx(9.0 - 100 * 18 / 260, abs=1e-4)
    assert finding.details["numerators_that_reproduce"]["declared"] == []
    assert finding.details["denominators_that_reproduce"]["declared"] == [199, 200, 201]
    for words in ("a / b", "18/260 = 6.92%", "2.08 points below", "a base of 199 to 201 instead of 260",
                  "what the report's own figures give"):
        assert words in finding.message_en, words
    for words in ("甲÷乙", "18÷260＝6.92%", "分母为199至201而非260", "按此口径"):
        assert words in finding.message_zh, words
    # a declared definition is the report's own, not the field's usual one
    assert "usual definition" not in finding.message_en and "通行口径" not in finding.message_zh
    assert "does not say what it counts" not in finding.message_en


def test_a_declared_rate_off_by_a_fraction_of_a_point_is_minor():
    finding = by_id(rates(case_files(7.1, "7.1%"), declared(*SHARE)))["rate-problem_share"]
    assert (finding.verdict, finding.severity) == ("not_reproducible", "minor")  # 6.92% is 0.18 off
    # 7.0% would be rounding_consistent: rounding 6.92% up gives it
    assert rates(case_files(7.0, "7.0%"), declared(*SHARE))[0].verdict == "rounding_consistent"
    assert "changes no comparison" in finding.message_en


def test_a_declared_base_of_few_counts_names_what_it_counts():
    finding = by_id(rates(case_files(25.0, "25.0%", checked=40, problems=10),
                          declared(*SHARE)))["rate-problem_share"]
    assert finding.verdict == "reproduced"
    assert "With 40 case files in the base, one case file moves the rate by 2.5 points." in finding.message_en
    assert "分母仅40卷，每1卷即影响2.5个百分点。" in finding.message_zh


def test_a_declared_figure_can_be_subtracted():
    # 3 corrections over 12 accepted less 2 pending = 30.0%; over all 12 it would be 25.0%
    table = figures({"figure_id": "accepted", "value": 12}, {"figure_id": "pending", "value": 2},
                    {"figure_id": "corrected", "value": 3},
                    {"figure_id": "rate", "value": 30.0, "unit": "%", "mention": "30.0%"})
    parts = declared(("rate", "numerator", "corrected"), ("rate", "denominator", "accepted"),
                     ("rate", "denominator", "pending", True))
    finding = by_id(rates(table, parts))["rate-rate"]
    assert finding.verdict == "reproduced"
    assert (readings_of(finding)["declared"]["numerator"], readings_of(finding)["declared"]["denominator"]) == (3, 10)


def test_a_declared_rate_replaces_the_built_in_readings():
    table = figures({"figure_id": "disputes_accepted", "value": 4621},
                    {"figure_id": "disputes_mediated", "value": 4555},
                    {"figure_id": "disputes_to_mediation", "value": 4615},
                    {"figure_id": "mediation_success_rate", "value": 98.7, "unit": "%", "mention": "98.7%"})
    assert by_id(rates(table))["rate-mediation_success_rate"].verdict == "not_reproducible"
    parts = declared(("mediation_success_rate", "numerator", "disputes_mediated"),
                     ("mediation_success_rate", "denominator", "disputes_to_mediation"))
    finding, = rates(table, parts)
    assert (finding.verdict, list(readings_of(finding))) == ("reproduced", ["declared"])  # 4555/4615 = 98.70%


# --------------------------------------------------------------- plausibility

def test_a_rate_above_100_percent_is_material():
    found = by_id(plausibility(figures(
        {"figure_id": "r", "value": 104.0, "unit": "%", "mention": "104%"})))
    assert (found["over-100-r"].severity, found["over-100-r"].verdict) == ("material", "impossible")


def test_no_flag_for_a_change_above_100_percent():
    grew = figures({"figure_id": "g", "value": 128.79, "unit": "%", "direction": "increase"},
                   {"figure_id": "r", "value": 104.0, "unit": "%", "direction": None})
    assert list(by_id(plausibility(grew))) == ["over-100-r"]  # the change is not a share


def test_no_flag_for_a_rate_of_100_percent():
    assert plausibility(figures({"figure_id": "r", "value": 100.0, "unit": "%"})) == []


def test_petitioner_visits_are_not_set_against_hotline_requests():
    """Visits and hotline requests count different things: no ratio of the two."""
    found = by_id(plausibility(figures(
        {"figure_id": "petitioners_received", "value": 139163, "unit": "人次"},
        {"figure_id": "leader_reception_sessions", "value": 186, "unit": "场次"},
        {"figure_id": "hotline_requests", "value": 5169})))["petitioners-per-session"]
    assert finding_severity(found) == "material"
    assert found.figure_ids == ["petitioners_received", "leader_reception_sessions"]
    assert "hotline" not in found.message_en and "热线" not in found.message_zh
    assert "not people" in found.message_en


def finding_severity(finding):
    return finding.severity


# --------------------------------------------------------------- damaged text in a figure

def test_damaged_text_inside_a_figures_quote_is_found():
    assert [d.item_id for d in damage_in([analysis.get_figure("full_time_mediator_subsidy")])] == [
        "subsidy-unit"]
    assert [d.item_id for d in damage_in([analysis.get_figure("leader_cases_resolution_rate")])] == [
        "resolution-rate-typo"]
    assert damage_in([analysis.get_figure("credit_records")]) == []


# --------------------------------------------------------------- the real report

def expected_findings():
    with open(TESTS / "expected_findings.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_audit_of_the_report_matches_the_reviewed_list():
    actual = [(f.finding_id, f.severity, f.verdict) for f in audit()]
    expected = [(r["finding_id"], r["severity"], r["verdict"]) for r in expected_findings()]
    assert actual == expected


def test_messages_follow_the_glossary():
    """A Chinese term in parentheses in an English message has the glossary's English."""
    from analysis.tables.glossary import term_problems

    problems = {f.finding_id: term_problems(f.message_en) for f in audit()}
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_expected_finding_is_shown_in_the_audit_notebook():
    # shown by the audit's own printout (ids are code names, kept out of the prose)
    paths = sorted(NOTEBOOKS.glob("*audit*.ipynb"))
    assert len(paths) == 1, "exactly one audit notebook"
    nb = nbformat.read(paths[0], as_version=4)
    shown = "\n".join(out.get("text", "") + out.get("data", {}).get("text/plain", "")
                      for c in nb.cells if c.cell_type == "code" for out in c.outputs)
    messages = {f.finding_id: f.message_en for f in audit()}
    missing = [r["finding_id"] for r in expected_findings() if messages[r["finding_id"]] not in shown]
    assert missing == []


def test_audit_command_json_is_stable_and_documented(capsys):
    assert main(["audit", "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["audit", "--format", "json"]) == 0
    assert capsys.readouterr().out == first
    payload = json.loads(first)
    assert (payload["format"], payload["version"]) == ("rule-of-law-audit", 2)
    assert list(payload["summary"]) == ["material", "minor", "note"]
    ranks = [SEVERITIES.index(f["severity"]) for f in payload["findings"]]
    assert ranks == sorted(ranks)  # most material first
    keys = {"finding_id", "check", "severity", "verdict", "figure_ids", "message_en",
            "message_zh", "details"}
    assert all(set(f) == keys for f in payload["findings"])
    readme = (TESTS.parent / "analysis" / "audit" / "README.md").read_text(encoding="utf-8")
    for key in keys | {"summary", "version"} | set(SEVERITIES):
        assert f"`{key}`" in readme, f"README does not document {key}"
    assert "version 2" in readme


def test_audit_command_exits_0_whatever_it_finds(capsys):
    assert any(f.severity == "material" for f in audit())
    for fmt in ("table", "csv"):
        assert main(["audit", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "rate-mediation_success_rate" in out


def test_audit_command_rejects_an_unknown_report(capsys):
    assert main(["audit", "--report", "nowhere-1999"]) == 2
    assert "no report 'nowhere-1999'" in capsys.readouterr().err
