"""The audit: each check on constructed figures whose answer is known, then the real report
against a reviewed list of expected findings."""

import csv
import json
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.__main__ import main
from analysis.audit.checks import (
    audit,
    part_whole,
    plausibility,
    rate_verdict,
    rates,
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


# ------------------------------------------------------------------ part-whole

def test_a_breakdown_that_sums():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 4, "parent_id": "total", "relation": "part"},
        {"figure_id": "b", "value": 6, "parent_id": "total", "relation": "part"})))
    assert found["sum-total"].verdict == "sums"
    assert found["sum-total"].severity == "note"
    assert found["sum-total"].details["actual"] == 10


def test_a_breakdown_that_does_not_sum():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 4, "parent_id": "total", "relation": "part"},
        {"figure_id": "b", "value": 5, "parent_id": "total", "relation": "part"})))
    finding = found["sum-total"]
    assert (finding.verdict, finding.severity) == ("does_not_sum", "error")
    assert (finding.details["expected"], finding.details["actual"]) == (10, 9)
    assert finding.figure_ids == ["total", "a", "b"]


def test_parts_of_a_more_than_total_may_fall_short():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 100, "qualifier": "more_than"},
        {"figure_id": "a", "value": 90, "parent_id": "total", "relation": "part"})))
    assert found["sum-total"].verdict == "sums"


def test_a_subset_larger_than_its_whole_is_an_error():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 11, "parent_id": "total", "relation": "subset"})))
    assert (found["subset-total"].verdict, found["subset-total"].severity) == ("exceeds", "error")


def test_overlapping_groups_are_labelled_not_errors():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10},
        {"figure_id": "a", "value": 8, "parent_id": "total", "relation": "overlapping",
         "unit": "人", "unit_en": "people"},
        {"figure_id": "b", "value": 7, "parent_id": "total", "relation": "overlapping",
         "unit": "人", "unit_en": "people"})))
    assert (found["overlap-total"].verdict, found["overlap-total"].severity) == ("may_overlap", "note")


def test_parts_in_different_units_are_a_warning_even_when_they_sum():
    found = by_id(part_whole(figures(
        {"figure_id": "total", "value": 10, "unit": "人", "unit_en": "people"},
        {"figure_id": "a", "value": 4, "parent_id": "total", "relation": "part",
         "unit": "人", "unit_en": "people"},
        {"figure_id": "b", "value": 6, "parent_id": "total", "relation": "part",
         "unit": "个", "unit_en": "units"})))
    assert (found["sum-total"].verdict, found["sum-total"].severity) == ("sums", "warning")


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


def test_a_rate_that_reproduces_under_the_standard_definition():
    # 3 corrections over 10 concluded (12 accepted, 2 pending) = 30.0%
    found = by_id(rates(review_figures(12, 1, 2, 3, 3, 1, 2, 30.0, "30.0%")))
    assert found["rate-review_correction_rate"].verdict == "reproduced"


def test_a_rate_that_reproduces_only_over_cases_accepted():
    # 4 corrections: 4/16 concluded = 25.0%, 4/20 accepted = 20.0%; stated 20.0%
    finding = by_id(rates(review_figures(20, 2, 2, 6, 4, 2, 4, 20.0, "20.0%")))[
        "rate-review_correction_rate"]
    assert (finding.verdict, finding.severity) == ("reproduced_nonstandard", "warning")
    assert finding.details["recomputed"]["corrections / cases accepted"] == 20.0
    assert finding.details["recomputed"]["corrections / cases concluded"] == 25.0


def test_a_rate_that_does_not_reproduce():
    finding = by_id(rates(figures(
        {"figure_id": "disputes_accepted", "value": 200},
        {"figure_id": "disputes_mediated", "value": 150},
        {"figure_id": "mediation_success_rate", "value": 76.0, "unit": "%", "mention": "76.0%"},
    )))["rate-mediation_success_rate"]
    assert (finding.verdict, finding.severity) == ("not_reproducible", "error")
    assert finding.details["differences"]["mediated successfully / disputes accepted"] == -1.0
    assert finding.details["numerators_that_reproduce"]["mediated successfully / disputes accepted"] == [152]


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


def test_reproducing_numerators():
    # 12.3% to one decimal is anything from 12.25% up to, not including, 12.35% (which
    # rounds to 12.4%): 1225 to 1234 of 10000
    assert reproducing_numerators(12.3, 1, 10_000) == list(range(1225, 1235))
    assert reproducing_numerators(33.3, 1, 7) == []  # 2/7 = 28.6%, 3/7 = 42.9%


def test_a_whole_number_check_on_a_stated_denominator():
    ok = by_id(rates(figures(
        {"figure_id": "leader_cases", "value": 200},
        {"figure_id": "leader_cases_resolution_rate", "value": 91.5, "unit": "%",
         "mention": "91.5%"})))["rate-leader_cases_resolution_rate"]
    assert ok.verdict == "reproduced"  # 183/200 = 91.5%


# --------------------------------------------------------------- plausibility

def test_a_rate_above_100_percent_is_flagged():
    found = by_id(plausibility(figures(
        {"figure_id": "r", "value": 104.0, "unit": "%", "mention": "104%"})))
    assert (found["over-100-r"].severity, found["over-100-r"].verdict) == ("error", "impossible")


def test_no_flag_for_a_rate_of_100_percent():
    assert plausibility(figures({"figure_id": "r", "value": 100.0, "unit": "%"})) == []


# --------------------------------------------------------------- the real report

def expected_findings():
    with open(TESTS / "expected_findings.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_audit_of_the_report_matches_the_reviewed_list():
    actual = [(f.finding_id, f.severity, f.verdict) for f in audit()]
    expected = [(r["finding_id"], r["severity"], r["verdict"]) for r in expected_findings()]
    assert actual == expected


def test_every_expected_finding_is_shown_in_the_audit_notebook():
    # shown by the audit's own printout (ids are code names, kept out of the prose)
    paths = sorted(NOTEBOOKS.glob("*audit*.ipynb"))
    assert len(paths) == 1, "exactly one audit notebook"
    nb = nbformat.read(paths[0], as_version=4)
    shown = "\n".join(out.get("text", "") for c in nb.cells if c.cell_type == "code" for out in c.outputs)
    missing = [r["finding_id"] for r in expected_findings() if r["finding_id"] not in shown]
    assert missing == []


def test_audit_command_json_is_stable_and_documented(capsys):
    assert main(["audit", "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["audit", "--format", "json"]) == 0
    assert capsys.readouterr().out == first
    payload = json.loads(first)
    assert (payload["format"], payload["version"]) == ("rule-of-law-audit", 1)
    assert set(payload["summary"]) == {"error", "warning", "note"}
    keys = {"finding_id", "check", "severity", "verdict", "figure_ids", "message_en",
            "message_zh", "details"}
    assert all(set(f) == keys for f in payload["findings"])
    readme = (TESTS.parent / "README.md").read_text(encoding="utf-8")
    for key in keys | {"summary", "version"}:
        assert f"`{key}`" in readme, f"README does not document the JSON key {key}"


def test_audit_command_exits_0_whatever_it_finds(capsys):
    assert any(f.severity == "error" for f in audit())
    for fmt in ("table", "csv"):
        assert main(["audit", "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "rate-mediation_success_rate" in out


def test_audit_command_rejects_an_unknown_report(capsys):
    assert main(["audit", "--report", "nowhere-1999"]) == 2
    assert "no report 'nowhere-1999'" in capsys.readouterr().err
