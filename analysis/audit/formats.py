"""The audit's output formats: a readable table, CSV, and a stable, documented JSON."""

from __future__ import annotations

import csv
import io
import json

from .checks import SEVERITIES, Finding, audit

# 2: severities material/minor/note (were error/warning/note), findings ranked most
# material first, rate details list every reading.
JSON_VERSION = 2
CSV_FIELDS = ["finding_id", "check", "severity", "verdict", "figure_ids", "message_en", "message_zh"]


def render(report: str | None, fmt: str) -> str:
    findings = audit(report)
    if fmt == "json":
        return as_json(findings, report)
    if fmt == "csv":
        return as_csv(findings)
    return as_table(findings)


def summary(findings: list[Finding]) -> dict[str, int]:
    return {s: sum(f.severity == s for f in findings) for s in SEVERITIES}


def as_json(findings: list[Finding], report: str | None) -> str:
    payload = {
        "format": "rule-of-law-audit",
        "version": JSON_VERSION,
        "report": report,
        "summary": summary(findings),
        "findings": [f.as_dict() for f in findings],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def as_csv(findings: list[Finding]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_FIELDS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for f in findings:
        writer.writerow({**f.as_dict(), "figure_ids": " ".join(f.figure_ids)})
    return buffer.getvalue()


def as_table(findings: list[Finding]) -> str:
    counts = summary(findings)
    lines = [f"{len(findings)} findings: " + ", ".join(f"{n} {s}" for s, n in counts.items()), ""]
    for f in findings:
        lines.append(f"[{f.severity.upper():7}] {f.finding_id} ({f.check}: {f.verdict})")
        if f.figure_ids:
            lines.append(f"          figures: {', '.join(f.figure_ids)}")
        lines.append(f"          {f.message_en}")
        lines.append(f"          {f.message_zh}")
        lines.append("")
    return "\n".join(lines)
