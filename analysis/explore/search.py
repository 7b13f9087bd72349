"""Search the whole report: its text sentence by sentence, its figures, headings, non-figures,
commitments and the figures that measure them, in Chinese or English, ranked.

A Chinese query matches the text itself. The report has no English, so an English query
matches each sentence through what names its Chinese words in English: the glossary's terms
(when the package has a glossary), the topics, the indicators of the figures quoted in it and
the commitments it states. Every term of a query must match (a search narrows), each hit
is highlighted where it matched, and hits are ranked by where they matched (a name counts
more than a passing mention).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from ..language.labels import Lang, check_lang
from ..language.words import Term, is_chinese, mark, merge, normalise, parse
from ..tables.figures import load_figures, load_table, non_figures
from ..tables.glossary import ALIAS_SEPARATOR
from ..tables.package import load_package

KINDS = ("figure", "text", "section", "commitment", "measure", "non_figure")
KIND_NAMES = {  # (zh, en)
    "figure": ("数字", "figure"), "text": ("原文", "text"), "section": ("标题", "heading"),
    "commitment": ("不足与安排", "commitment"), "measure": ("对应数字", "measure"),
    "non_figure": ("非统计数字", "non-figure"),
}
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]?")
_HIGHLIGHT = '<mark style="background:#ffe08a">'


@dataclass(frozen=True)
class Field:
    """Something a record can be found by: its text, whether it is English, its weight in
    the ranking, and what to highlight in the record's excerpt when it matches (None: the
    matched words themselves, when the field is the excerpt)."""

    text: str
    english: bool
    weight: float
    spans: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class Record:
    kind: str
    report_id: str
    item_id: str
    section: str
    position: int  # offset in the raw text, for report order
    excerpt: str
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Hit:
    """One search result: what was found, where in the report, and the excerpt with the
    matches highlighted (spans are offsets into excerpt)."""

    kind: str
    report_id: str
    item_id: str
    section: str
    heading_zh: str
    heading_en: str
    excerpt: str
    spans: tuple[tuple[int, int], ...]
    score: float
    position: int

    def heading(self, lang: Lang | None = None) -> str:
        return self.heading_zh if check_lang(lang) == "zh" else self.heading_en

    def marked(self, before: str = "【", after: str = "】") -> str:
        return mark(self.excerpt, list(self.spans), before, after)

    def html(self, lang: Lang | None = None) -> str:
        lang = check_lang(lang)
        excerpt = mark(self.excerpt, list(self.spans), _HIGHLIGHT, "</mark>", html.escape)
        kind = KIND_NAMES[self.kind][0 if lang == "zh" else 1]
        where = html.escape(f"{self.section} {self.heading(lang)}".strip())
        text_lang = "en" if self.kind == "measure" else "zh-CN"
        item = "" if self.kind in ("text", "section") else f" · {html.escape(self.item_id)}"
        return (f'<div class="search-hit" style="margin:0.5em 0"><small>{kind} · '
                f'<span lang="{"zh-CN" if lang == "zh" else "en"}">{where}</span>{item}</small><br>'
                f'<span lang="{text_lang}">{excerpt}</span></div>')


@dataclass
class Hits:
    """Search results, best first. Prints as text (matches in 【】) and shows as HTML in a
    notebook (matches highlighted); frame() gives a table."""

    query: str
    hits: list[Hit] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.hits)

    def __iter__(self):
        return iter(self.hits)

    def __getitem__(self, i):
        return self.hits[i]

    def of_kind(self, *kinds: str) -> "Hits":
        return Hits(self.query, [h for h in self.hits if h.kind in kinds])

    def frame(self, lang: Lang | None = None) -> pd.DataFrame:
        lang = check_lang(lang)
        return pd.DataFrame({
            "kind": [KIND_NAMES[h.kind][0 if lang == "zh" else 1] for h in self.hits],
            "section": [h.section for h in self.hits],
            "heading": [h.heading(lang) for h in self.hits],
            "excerpt": [h.marked() for h in self.hits],
            "item_id": [h.item_id for h in self.hits],
            "score": [h.score for h in self.hits],
        })

    def text(self, lang: Lang | None = None, limit: int | None = None) -> str:
        lang = check_lang(lang)
        if not self.hits:
            return (f"“{self.query}”：无结果。" if lang == "zh" else f"No match for {self.query!r}.")
        shown = self.hits[:limit] if limit else self.hits
        head = (f"“{self.query}”：{len(self.hits)}条结果" if lang == "zh"
                else f"{len(self.hits)} results for {self.query!r}")
        lines = [head]
        for h in shown:
            lines.append(f"- [{KIND_NAMES[h.kind][0 if lang == 'zh' else 1]}] {h.section} "
                         f"{h.heading(lang)} ({h.item_id})")
            lines.append(f"  {h.marked()}")
        if len(shown) < len(self.hits):
            lines.append(f"… {len(self.hits) - len(shown)} more" if lang == "en"
                         else f"……另有{len(self.hits) - len(shown)}条")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        lang = check_lang(None)
        if not self.hits:
            return f"<p>{html.escape(self.text(lang))}</p>"
        return "".join(h.html(lang) for h in self.hits)


def find(query: str, report: str | None = None, kinds: tuple[str, ...] = KINDS) -> Hits:
    """Everything in the report that matches every term of query, best first."""
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}; choose from {KINDS}")
    terms = parse(query)
    if not terms:
        return Hits(query)
    headings = _headings()
    order = {k: i for i, k in enumerate(KINDS)}
    found = []
    for record in _records(report):
        if record.kind not in kinds:
            continue
        matched = _match(record, terms)
        if matched is None:
            continue
        score, spans = matched
        zh, en = headings.get((record.report_id, record.section), ("", ""))
        found.append(Hit(record.kind, record.report_id, record.item_id, record.section, zh, en,
                         record.excerpt, tuple(merge(spans)), score, record.position))
    found.sort(key=lambda h: (-h.score, order[h.kind], h.report_id, h.position))
    return Hits(query, found)


def search_figures(query: str, report: str | None = None) -> pd.DataFrame:
    """Figures matching every term of query, best first: rows of the figures table with
    their score. English matches whole words (rate does not match generated)."""
    hits = find(query, report, kinds=("figure",))
    figures = load_figures(report)
    keys = pd.DataFrame({"report_id": [h.report_id for h in hits],
                         "figure_id": [h.item_id for h in hits],
                         "score": [h.score for h in hits]})
    return keys.merge(figures, on=["report_id", "figure_id"], how="left")[
        [*figures.columns, "score"]]


def _match(record: Record, terms: list[Term]) -> tuple[float, list[tuple[int, int]]] | None:
    """Every term must match some field; the score adds each term's best field weight."""
    score, spans = 0.0, []
    for term in terms:
        best = 0.0
        for f in record.fields:
            places = term.find(f.text, f.english)
            if not places:
                continue
            best = max(best, f.weight)
            spans += list(f.spans) if f.spans is not None else places
        if not best:
            return None
        score += best
    return score, spans


# ------------------------------------------------------------------ the index


@lru_cache(maxsize=8)
def _records(report: str | None) -> tuple[Record, ...]:
    package = load_package()
    reports = [report] if report else list(package.raw)
    records: list[Record] = []
    aliases = _aliases()
    for report_id in reports:
        raw = package.raw[report_id]
        sections = _section_starts(report_id, raw)
        figures = load_figures(report_id)
        mentions = {s.row_id: (s.start, s.end) for s in package.spans
                    if s.report_id == report_id and s.table == "figures"}
        records += _sentences(report_id, raw, sections, figures, mentions, aliases)
        records += _figure_records(report_id, figures, mentions, aliases)
        records += _other_records(report_id, raw)
    return tuple(records)


def _aliases() -> list[tuple[str, str]]:
    """(Chinese words, their English) from the glossary when there is one, and the topics."""
    tables = load_package().tables
    pairs = []
    if "glossary" in tables:
        glossary = tables["glossary"]
        pairs += list(zip(glossary["term_zh"], glossary["term_en"]))
        if "aliases_zh" in glossary:  # other Chinese forms of a term: 枫桥 for 枫桥经验
            pairs += [(alias, en) for aliases, en in zip(glossary["aliases_zh"], glossary["term_en"])
                      if isinstance(aliases, str) for alias in aliases.split(ALIAS_SEPARATOR) if alias]
    topics = tables["topics"]
    pairs += list(zip(topics["topic_zh"], topics["topic_en"]))
    return [(normalise(zh), en) for zh, en in pairs if isinstance(zh, str) and isinstance(en, str)]


def _alias_fields(text: str, aliases, weight: float) -> list[Field]:
    norm = normalise(text)
    out = []
    for zh, en in aliases:
        # most aliases are absent from most sentences: a plain substring test rules them out
        # cheaply (a number before 万 or 亿 may match with 多 or 余 between, so it is searched)
        likely = zh in norm or any(unit in zh for unit in "万亿")
        places = Term(zh).find(norm, english=False) if likely and is_chinese(zh) else []
        if places:
            out.append(Field(en, True, weight, tuple(places)))
    return out


def _section_starts(report_id: str, raw: str) -> list[tuple[int, str]]:
    sections = load_table("sections", report_id)
    return sorted((raw.find(h), s) for h, s in zip(sections["heading"], sections["section"]))


def _section_at(starts: list[tuple[int, str]], offset: int) -> str:
    current = ""
    for start, section in starts:
        if start > offset:
            break
        current = section
    return current


def _sentences(report_id, raw, sections, figures, mentions, aliases) -> list[Record]:
    by_id = figures.set_index("figure_id")
    commitments = load_table("commitments", report_id)
    quotes = [(raw.find(q), raw.find(q) + len(q), f"{le} {s}")
              for q, le, s in zip(commitments["quote"], commitments["label_en"], commitments["summary_en"])]
    out = []
    offset = 0
    for line in raw.split("\n"):
        for m in _SENTENCE.finditer(line):
            sentence = m.group(0)
            start = offset + m.start()
            if not sentence.strip():
                continue
            end = start + len(sentence)
            fields = [Field(sentence, False, 2.0)]
            fields += _alias_fields(sentence, aliases, 1.5)
            for figure_id, (a, b) in mentions.items():
                if start <= a and b <= end:
                    f = by_id.loc[figure_id]
                    fields.append(Field(f"{f['indicator_en']} {f['topic_en']}", True, 1.5,
                                        ((a - start, b - start),)))
            for a, b, english in quotes:
                if a < end and start < b:
                    fields.append(Field(english, True, 1.0, ((max(a, start) - start, min(b, end) - start),)))
            out.append(Record("text", report_id, f"offset-{start}", _section_at(sections, start),
                              start, sentence, tuple(fields)))
        offset += len(line) + 1
    return out


def _figure_records(report_id, figures, mentions, aliases) -> list[Record]:
    out = []
    for f in figures.itertuples():
        quote_at = f.quote.find(f.mention)
        fields = [
            Field(f.indicator_zh, False, 3.0, ()), Field(f.indicator_en, True, 3.0, ()),
            Field(f.figure_id.replace("_", " "), True, 3.0, ()),
            Field(f.topic_zh, False, 2.0, ()), Field(f.topic_en, True, 2.0, ()),
            Field(f.quote, False, 2.0), Field(f.mention, False, 3.0, ((quote_at, quote_at + len(f.mention)),)),
            *_alias_fields(f.quote, aliases, 1.5),
        ]
        if isinstance(f.note, str):
            fields.append(Field(f.note, True, 1.0, ()))
        position = mentions.get(f.figure_id, (0, 0))[0]
        out.append(Record("figure", report_id, f.figure_id, f.section, position, f.quote, tuple(fields)))
    return out


def _other_records(report_id: str, raw: str) -> list[Record]:
    out = []
    sections = load_table("sections", report_id)
    for s in sections.itertuples():
        fields = (Field(s.heading, False, 3.0), Field(s.title_en, True, 3.0, ()))
        out.append(Record("section", report_id, s.section, s.section, raw.find(s.heading), s.heading, fields))
    commitments = load_table("commitments", report_id)
    labels = {}
    for c in commitments.itertuples():
        labels[c.commitment_id] = (c.label_zh, c.label_en)
        fields = (Field(c.quote, False, 2.0), Field(c.label_zh, False, 3.0, ()),
                  Field(c.label_en, True, 3.0, ()), Field(c.summary_en, True, 2.0, ()))
        out.append(Record("commitment", report_id, c.commitment_id, c.section, raw.find(c.quote),
                          c.quote, fields))
    figures = load_figures(report_id).set_index("figure_id")
    for m in load_table("commitment_measures", report_id).itertuples():
        f = figures.loc[m.figure_id]
        zh, en = labels[m.commitment_id]
        fields = (Field(m.what_it_shows, True, 2.0), Field(f["indicator_zh"], False, 1.5, ()),
                  Field(f["indicator_en"], True, 1.5, ()), Field(zh, False, 1.5, ()), Field(en, True, 1.5, ()))
        out.append(Record("measure", report_id, f"{m.commitment_id}/{m.figure_id}", f["section"],
                          raw.find(f["quote"]), m.what_it_shows, fields))
    starts = _section_starts(report_id, raw)
    for n in non_figures(report_id).itertuples():
        fields = [Field(n.quote, False, 2.0), Field(n.reason, True, 1.0, ()), Field(n.kind, True, 1.0, ())]
        if isinstance(n.reading, str):
            fields.append(Field(n.reading, False, 2.0, ()))
        position = raw.find(n.quote)
        out.append(Record("non_figure", report_id, n.item_id, _section_at(starts, position), position,
                          n.quote, tuple(fields)))
    return out


@lru_cache(maxsize=1)
def _headings() -> dict[tuple[str, str], tuple[str, str]]:
    sections = load_table("sections")
    return {(r, s): (h, t) for r, s, h, t in
            zip(sections["report_id"], sections["section"], sections["heading"], sections["title_en"])}
