"""The audit's findings for readers of notebooks and briefings.

A notebook shows findings as callouts: a plain-language severity ("Figures disagree") over
the finding's one-line explanation, in the current language. The same words go to the
text output, so notebook checks compare the numbers in them.
"""

from __future__ import annotations

import html
from functools import lru_cache

import pandas as pd

from ..audit.checks import SEVERITIES, Finding, audit
from ..language.labels import Lang, check_lang

# What each severity means to a reader who is not an auditor: material findings change a
# number a reader would quote, minor ones change no comparison.
SEVERITY_WORDS = {
    "material": {"zh": "引用前须核实", "en": "Check before quoting"},
    "minor": {"zh": "影响较小", "en": "Minor"},
    "note": {"zh": "供参考", "en": "For information"},
}
SEVERITY_COLOURS = {"material": "#D55E00", "minor": "#E69F00", "note": "#56B4E9"}  # Okabe-Ito
NONE_FOUND = {"zh": "这些数字没有审核发现。", "en": "No audit findings for these figures."}


@lru_cache(maxsize=8)
def _audit(report: str | None) -> tuple[Finding, ...]:
    return tuple(audit(report))


def findings(figure_ids: list[str] | None = None, check: str | None = None,
             report: str | None = None, severities: tuple[str, ...] = SEVERITIES) -> list[Finding]:
    """The findings that involve any of figure_ids (or all) from one check (or all), most
    severe first, in the audit's order within a severity."""
    rows = [f for f in _audit(report)
            if (figure_ids is None or set(f.figure_ids) & set(figure_ids))
            and (check is None or f.check == check) and f.severity in severities]
    return sorted(rows, key=lambda f: SEVERITIES.index(f.severity))


def table(figure_ids: list[str] | None = None, check: str | None = None,
          report: str | None = None) -> pd.DataFrame:
    """Audit findings, optionally only those that involve any of figure_ids or one check."""
    rows = [f for f in _audit(report)
            if (figure_ids is None or set(f.figure_ids) & set(figure_ids))
            and (check is None or f.check == check)]
    return pd.DataFrame({
        "finding_id": [f.finding_id for f in rows],
        "severity": [f.severity for f in rows],
        "verdict": [f.verdict for f in rows],
        "message_en": [f.message_en for f in rows],
    }).set_index("finding_id")


def severity(finding: Finding, lang: Lang) -> str:
    return SEVERITY_WORDS[finding.severity][lang]


def message(finding: Finding, lang: Lang) -> str:
    return finding.message_zh if lang == "zh" else finding.message_en


def as_text(found: list[Finding], lang: Lang) -> str:
    if not found:
        return NONE_FOUND[lang]
    label = "【{}】{}" if lang == "zh" else "{} — {}"
    return "\n".join(label.format(severity(f, lang), message(f, lang)) for f in found)


def as_html(found: list[Finding], lang: Lang) -> str:
    """One callout per finding. Styled inline, so it reads the same in JupyterLab, in an
    exported notebook and on the briefing page (whose style sheet refines it)."""
    code = "zh-CN" if lang == "zh" else "en"
    if not found:
        return f'<p class="finding-none" lang="{code}">{NONE_FOUND[lang]}</p>'
    parts = []
    for f in found:
        colour = SEVERITY_COLOURS[f.severity]
        parts.append(
            f'<div class="finding finding-{f.severity}" role="note" lang="{code}" '
            f'style="border-left: 4px solid {colour}; padding: 0.3em 0.8em; margin: 0.5em 0">'
            f'<p class="finding-severity" style="margin: 0; font-weight: bold; color: #333">'
            f"{html.escape(severity(f, lang))}</p>"
            f'<p class="finding-message" style="margin: 0.2em 0 0">{html.escape(message(f, lang))}</p>'
            "</div>")
    return "\n".join(parts)


def show(figure_ids: list[str] | None = None, check: str | None = None,
         severities: tuple[str, ...] = SEVERITIES) -> None:
    """Show the findings, most severe first, in the current language: as callouts in a
    notebook (with the same words as text, so notebook checks see the numbers), as text
    elsewhere."""
    lang = check_lang(None)
    found = findings(figure_ids, check, severities=severities)
    text = as_text(found, lang)
    if not _in_ipython():
        print(text)
        return
    from IPython.display import display

    display({"text/plain": text, "text/html": as_html(found, lang)}, raw=True)


def _in_ipython() -> bool:
    import sys

    if "IPython" not in sys.modules:  # never imported: not in a notebook or IPython shell
        return False
    from IPython import get_ipython

    return get_ipython() is not None
