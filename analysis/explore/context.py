"""One figure as a reader wants it: its amount with its qualifier in both languages, its
quote inside its paragraph with the mention highlighted, the headings above it, the figure
it is part of and its own parts, and what the audit found about it."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..audit.checks import Finding
from ..briefing import findings as reader_findings
from ..language.labels import Lang, check_lang
from ..language.quantity import Quantity
from ..language.words import mark
from ..tables.figures import get_figure, load_figures, load_table
from ..tables.package import load_package
from ..tables.source import find_mention

_MARK = '<mark style="background:#ffe08a">'
_QUOTE = '<span style="text-decoration:underline;text-decoration-color:#0072B2">'
WORDS = {  # (zh, en)
    "amount": ("数值", "Amount"), "reads": ("原文写作", "the report writes"),
    "section": ("章节", "Section"), "paragraph": ("原文段落", "In its paragraph"),
    "part_of": ("属于", "Part of"), "parts": ("分项", "Its parts"),
    "findings": ("核查发现", "Audit findings"), "no_findings": ("核查未发现问题。", "No audit finding."),
    "note": ("说明", "Note"),
    "part": ("分项", "part"), "subset": ("其中的一部分", "subset"), "overlapping": ("可能重叠的群体", "overlapping group"),
}


@dataclass(frozen=True)
class Related:
    """A figure named beside another: its parent or one of its parts."""

    figure_id: str
    indicator_zh: str
    indicator_en: str
    quantity: Quantity
    relation: str

    def text(self, lang: Lang) -> str:
        name = self.indicator_zh if lang == "zh" else self.indicator_en
        relation = WORDS[self.relation][0 if lang == "zh" else 1]
        return f"{name}: {self.quantity.text(lang)} ({relation}; {self.figure_id})"


@dataclass(frozen=True)
class FigureCard:
    """Everything about one figure that a reader checks. Prints as text in the current
    language (the mention in 【】), shows as HTML in a notebook."""

    figure_id: str
    report_id: str
    indicator_zh: str
    indicator_en: str
    quantity: Quantity
    quote: str
    paragraph: str
    quote_span: tuple[int, int]  # in paragraph
    mention_span: tuple[int, int]  # in paragraph
    section: str
    headings_zh: tuple[str, ...]  # chapter first
    headings_en: tuple[str, ...]
    parent: Related | None
    parts: tuple[Related, ...]
    findings: tuple[Finding, ...]
    note: str | None

    def indicator(self, lang: Lang | None = None) -> str:
        return self.indicator_zh if check_lang(lang) == "zh" else self.indicator_en

    def marked_paragraph(self) -> str:
        return mark(self.paragraph, [self.mention_span])

    def messages(self, lang: Lang | None = None) -> list[str]:
        lang = check_lang(lang)
        return [f"[{reader_findings.severity(f, lang)}] {reader_findings.message(f, lang)}"
                for f in self.findings]

    def text(self, lang: Lang | None = None) -> str:
        lang = check_lang(lang)
        w = {k: v[0 if lang == "zh" else 1] for k, v in WORDS.items()}
        other = "en" if lang == "zh" else "zh"
        headings = self.headings_zh if lang == "zh" else self.headings_en
        lines = [f"{self.indicator(lang)} ({self.figure_id})",
                 f"{w['amount']}: {self.quantity.text(lang)} / {self.quantity.text(other)} — "
                 f"{self.quantity.meaning(lang)}; {w['reads']} {self.quantity.mention}",
                 f"{w['section']}: {self.section} {' › '.join(headings)}",
                 f"{w['paragraph']}: {self.marked_paragraph()}"]
        if self.parent:
            lines.append(f"{w['part_of']}: {self.parent.text(lang)}")
        if self.parts:
            lines.append(f"{w['parts']}:")
            lines += [f"  - {p.text(lang)}" for p in self.parts]
        if self.note:
            lines.append(f"{w['note']}: {self.note}")
        lines.append(f"{w['findings']}:" if self.findings else w["no_findings"])
        lines += [f"  {m}" for m in self.messages(lang)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()

    def html(self, lang: Lang | None = None) -> str:
        lang = check_lang(lang)
        w = {k: v[0 if lang == "zh" else 1] for k, v in WORDS.items()}
        other = "en" if lang == "zh" else "zh"
        here = "zh-CN" if lang == "zh" else "en"
        e = html.escape
        (qa, qb), (ma, mb) = self.quote_span, self.mention_span
        p = self.paragraph
        paragraph = (f"{e(p[:qa])}{_QUOTE}{e(p[qa:ma])}{_MARK}{e(p[ma:mb])}</mark>"
                     f"{e(p[mb:qb])}</span>{e(p[qb:])}")
        headings = self.headings_zh if lang == "zh" else self.headings_en
        rows = [
            f'<div class="figure-card" lang="{here}" style="border-left:3px solid #0072B2;'
            f'padding:0.2em 0.8em;margin:0.6em 0">',
            f"<b>{e(self.indicator(lang))}</b> <small><code>{e(self.figure_id)}</code></small><br>",
            f'{w["amount"]}: <b>{e(self.quantity.text(lang))}</b> / '
            f'<span lang="{"en" if other == "en" else "zh-CN"}">{e(self.quantity.text(other))}</span> '
            f'<small>— {e(self.quantity.meaning(lang))}; {w["reads"]} '
            f'<span lang="zh-CN">{e(self.quantity.mention)}</span></small><br>',
            f'<small>{w["section"]}: <span lang="zh-CN">{e(self.section)}</span> '
            f'{e(" › ".join(headings))}</small>',
            f'<p lang="zh-CN" style="margin:0.4em 0">{paragraph}</p>',
        ]
        if self.parent:
            rows.append(f"<small>{w['part_of']}: {e(self.parent.text(lang))}</small><br>")
        if self.parts:
            rows.append(f"<small>{w['parts']}:</small><ul style='margin:0'>"
                        + "".join(f"<li><small>{e(x.text(lang))}</small></li>" for x in self.parts)
                        + "</ul>")
        if self.note:
            rows.append(f"<small>{w['note']}: <span lang='en'>{e(self.note)}</span></small><br>")
        if self.findings:
            rows.append(f"<small>{w['findings']}:</small><ul style='margin:0'>"
                        + "".join(f"<li><small>{e(m)}</small></li>" for m in self.messages(lang))
                        + "</ul>")
        else:
            rows.append(f"<small>{w['no_findings']}</small>")
        rows.append("</div>")
        return "\n".join(rows)

    def _repr_html_(self) -> str:
        return self.html()


def figure_card(figure_id: str, report: str | None = None) -> FigureCard:
    """One figure with its context: amount, paragraph, headings, parent and parts, findings."""
    return _card(figure_id, report)


@lru_cache(maxsize=512)
def _card(figure_id: str, report: str | None) -> FigureCard:
    f = get_figure(figure_id, report)
    report_id = f["report_id"]
    raw = load_package().raw[report_id]
    start = raw.find(f["quote"])
    line_start = raw.rfind("\n", 0, start) + 1
    line_end = raw.find("\n", start)
    paragraph = raw[line_start: line_end if line_end != -1 else len(raw)]
    qa = start - line_start
    ma = qa + find_mention(f["quote"], f["mention"])[0]
    figures = _by_id(report_id)
    parent = _related(figures, f["parent_id"], f["relation"]) if isinstance(f["parent_id"], str) else None
    children = figures[figures["parent_id"] == figure_id]
    parts = tuple(_related(figures, c, r) for c, r in zip(children.index, children["relation"]))
    zh, en = _headings(report_id, f["section"])
    found = tuple(reader_findings.findings([figure_id], report=report))
    note = f["note"] if isinstance(f["note"], str) else None
    return FigureCard(figure_id, report_id, f["indicator_zh"], f["indicator_en"], Quantity.of(f),
                      f["quote"], paragraph, (qa, qa + len(f["quote"])), (ma, ma + len(f["mention"])),
                      f["section"], zh, en, parent, parts, found, note)


@lru_cache(maxsize=8)
def _by_id(report_id: str) -> pd.DataFrame:
    return load_figures(report_id).set_index("figure_id", drop=False)


def _related(figures: pd.DataFrame, figure_id: str, relation: str) -> Related:
    row = figures.loc[figure_id]
    return Related(figure_id, row["indicator_zh"], row["indicator_en"], Quantity.of(row), relation)


@lru_cache(maxsize=256)
def _headings(report_id: str, section: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The headings from the chapter down to the section, in Chinese and in English."""
    sections = load_table("sections", report_id).set_index("section")
    chain = sorted((s for s in sections.index if section.startswith(s)), key=len)
    return (tuple(sections.loc[s, "heading"] for s in chain),
            tuple(sections.loc[s, "title_en"] for s in chain))
