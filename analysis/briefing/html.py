"""The full analysis as a reader's document: a cover, a table of contents, one part per
notebook headed by the report sections it reads, and every output as a reader sees it
(no code). One self-contained HTML file that needs no network.

The page is built from executed notebooks, whatever they say: each part's title, question
and report sections come from the notebook's first cell (`# NN · Title`, `**Question.**`,
`**Sections.**`), its headings from its `##` headings.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..language.labels import Lang
from ..language.outline import OUTLINE_MARKER
from ..tables.figures import load_table
from .facts import report_facts
from .kernel import SETUP
from .views import static_tables
from .notebooks import run

if TYPE_CHECKING:
    import nbformat

CSS_FILE = Path(__file__).with_name("page.css")
FULL_PAGE = "analysis.html"

# Runs of Chinese characters and Chinese punctuation; marked lang="zh-CN" on an English
# page so that browsers draw Chinese, not Japanese, glyph forms.
_HAN = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”"
CHINESE = re.compile(f"[{_HAN}]+(?:[0-9.%/()-]*[{_HAN}]+)*")
IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _span(match: re.Match) -> str:
    text = match.group(0)  # quotation marks alone stay with the English around them
    return f'<span lang="zh-CN">{text}</span>' if IDEOGRAPH.search(text) else text
TAG = re.compile(r"(<[^>]*>)")


def mark_chinese(fragment: str) -> str:
    """Wrap each run of Chinese text outside an element already marked Chinese in
    <span lang="zh-CN">. Tags, attributes, styles and scripts are left as they are."""
    out, skip, zh_depth, stack = [], None, 0, []
    for piece in TAG.split(fragment):
        if piece.startswith("<"):
            out.append(piece)
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            if not name:
                continue
            tag = name.group(1).lower()
            if tag in ("style", "script"):
                skip = None if piece.startswith("</") else tag
            elif piece.startswith("</"):
                if stack and stack[-1][0] == tag:
                    zh_depth -= stack.pop()[1]
            elif not piece.endswith("/>") and tag not in VOID:
                zh = 1 if re.search(r'\blang="zh', piece) else 0
                stack.append((tag, zh))
                zh_depth += zh
        elif skip or zh_depth:
            out.append(piece)
        else:
            out.append(CHINESE.sub(_span, piece))
    return "".join(out)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def document(title: str, lang: Lang, body: str) -> str:
    """A complete, self-contained page: the house style sheet inline, no external request."""
    code = "zh-CN" if lang == "zh" else "en"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{code}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{CSS_FILE.read_text(encoding='utf-8')}</style>\n"
        f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


# ------------------------------------------------------------------ the notebooks


def execute_for_page(paths: list[Path], out_dir: Path, on_start: Callable[[Path], None] | None = None,
                     on_done: Callable[[Path], None] | None = None) -> list[Path]:
    """Run copies of notebooks for the page (tables for reading, charts with alt text and a
    narrow version: see kernel.py) and save them in out_dir; the committed notebooks are
    untouched. on_start(path) and on_done(path) are called as each notebook starts and ends.

    The notebooks run one after another in one kernel, their variables cleared between
    them: starting a kernel and importing pandas and matplotlib is most of a notebook's time.
    Each still sets its own language and style; nbval runs every notebook in a fresh kernel."""
    import nbformat
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    books = [nbformat.read(path, as_version=4) for path in paths]
    combined = nbformat.v4.new_notebook()
    spans, starts, ends = [], {}, {}
    for path, nb in zip(paths, books):
        starts[len(combined.cells)] = path
        combined.cells.append(nbformat.v4.new_code_cell(f"%reset -f\n{SETUP}"))
        start = len(combined.cells)
        combined.cells.extend(nb.cells)
        spans.append((start, len(combined.cells)))
        code = [i for i in range(start, len(combined.cells)) if combined.cells[i].cell_type == "code"]
        ends[code[-1] if code else start - 1] = path  # hooks run after code cells only

    async def executed(cell, cell_index, execute_reply):  # nbclient awaits its hooks
        if on_start and cell_index in starts:
            on_start(starts[cell_index])
        if on_done and cell_index in ends:
            on_done(ends[cell_index])

    run(combined, paths[0].parent, on_cell_executed=executed)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path, nb, (start, end) in zip(paths, books, spans):
        nb.cells = combined.cells[start:end]
        for count, cell in enumerate((c for c in nb.cells if c.cell_type == "code"), start=1):
            cell.execution_count = count  # as if run alone
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = count
        nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
        target = out_dir / path.name
        nbformat.write(nb, target)
        written.append(target)
    return written


@dataclass
class Part:
    """One notebook as a part of the page."""

    stem: str
    number: str
    title: str
    question: str
    sections: list[str]  # the report's section paths; empty for the whole report
    body: str = ""
    headings: list[tuple[str, str]] = field(default_factory=list)  # (anchor, text)
    code_names: list[str] = field(default_factory=list)  # code in the prose, for the build to report
    undescribed_images: int = 0


FIRST_LINE = re.compile(r"#\s*(?:(\d+)\s*·\s*)?(.*)")
SECTION_PATH = re.compile(r"[一二三四五六七八九十]+、?(?:\([一二三四五六七八九十]+\))?")


def first_cell(source: str, stem: str) -> tuple[str, str, str, list[str], str]:
    """number, title, question, report section paths and the rest of the first cell."""
    lines = source.splitlines()
    match = FIRST_LINE.match(lines[0]) if lines else None
    number = (match.group(1) if match and match.group(1) else stem[:2])
    title = match.group(2).strip() if match else stem
    fields, rest = {}, []
    for line in lines[1:]:
        found = re.match(r"\*\*(Question|Sections)\.\*\*\s*(.*)", line)
        if found:
            fields[found.group(1)] = found.group(2)
        else:
            rest.append(line)
    # the sections named before the first colon: "一、(一) and 二、(四): …", or "All: …"
    named = fields.get("Sections", "").split(":", 1)[0]
    paths = [p if "、" in p else p + "、" for p in SECTION_PATH.findall(named)]
    return number, title, fields.get("Question", ""), paths, "\n".join(rest).strip()


NOTEBOOK_LINK = re.compile(r'href="(\d\d[\w-]*)\.ipynb"')


def _markdown(text: str) -> str:
    import mistune

    rendered = mistune.create_markdown(escape=False, plugins=["table"])(text)
    return readable_tables(NOTEBOOK_LINK.sub(r'href="#\1"', rendered))


def readable_tables(fragment: str) -> str:
    """Every cell of a table's body labelled with its column's name (a narrow screen shows
    each row as a card of labelled values), and long ids allowed to break after "_"."""
    if "<table" not in fragment:
        return fragment
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(fragment, "html.parser")
    for table in soup.find_all("table"):
        names: list[str] = []
        for row in table.select("thead tr"):
            for i, cell in enumerate(row.find_all(["th", "td"])):
                text = cell.get_text(" ", strip=True)
                while len(names) <= i:
                    names.append("")
                names[i] = text or names[i]
        for row in table.select("tbody tr"):
            for i, cell in enumerate(row.find_all(["th", "td"])):
                if i < len(names) and names[i]:
                    cell["data-label"] = names[i]
        for text in table.find_all(string=lambda t: "_" in t):
            if isinstance(text, NavigableString) and text.parent.name not in ("style", "script"):
                parts = text.split("_")
                new = []
                for j, part in enumerate(parts):
                    new.append(NavigableString(part + ("_" if j < len(parts) - 1 else "")))
                    if j < len(parts) - 1:
                        new.append(soup.new_tag("wbr"))
                text.replace_with(*new)
    return str(soup)


def notebook_part(nb: "nbformat.NotebookNode", stem: str) -> Part:
    number, title, question, sections, rest = first_cell(nb.cells[0].source, stem)
    part = Part(stem, number, title, question, sections)
    chunks = [_markdown(rest)] if rest else []
    for cell in nb.cells[1:]:
        if cell.cell_type == "markdown":
            chunks.append(_prose(cell.source, part))
        elif cell.cell_type == "code":
            chunks.extend(_output(out, part) for out in cell.get("outputs", []))
    part.body = "\n".join(c for c in chunks if c)
    return part


def _prose(source: str, part: Part) -> str:
    rendered = _markdown(source)
    part.code_names += [html.unescape(c) for c in re.findall(r"<code>(.*?)</code>", rendered)]

    def heading(m: re.Match) -> str:  # the part is h2: its headings step down one level
        level = min(int(m.group(1)) + 1, 6)
        anchor = f"{part.stem}-{len(part.headings) + 1}"
        text = re.sub(r"<[^>]+>", "", m.group(2))
        if level == 3:
            part.headings.append((anchor, html.unescape(text)))
        return f'<h{level} id="{anchor}">{m.group(2)}</h{level}>'

    return re.sub(r"<h([1-5])>(.*?)</h\1>", heading, rendered, flags=re.S)


def _output(out: dict, part: Part) -> str:
    kind = out.get("output_type")
    if kind == "stream":
        if out.get("name") == "stderr":
            return ""
        return f'<pre class="printed">{html.escape(out["text"].rstrip())}</pre>'
    data = out.get("data", {})
    if "text/html" in data:
        shown = readable_tables(NOTEBOOK_LINK.sub(r'href="#\1"', static_tables(data["text/html"])))
        return f'<div class="output">{shown}</div>'
    if "image/png" in data:
        meta = out.get("metadata", {})
        alt = (meta.get("image/png") or {}).get("alt") or meta.get("alt") or ""
        part.undescribed_images += not alt
        return (f'<div class="output"><img src="data:image/png;base64,{data["image/png"].strip()}" '
                f'alt="{html.escape(alt)}"></div>')
    if "text/markdown" in data:
        return f'<div class="output">{_markdown(data["text/markdown"])}</div>'
    if "text/plain" in data:
        return f'<pre class="printed">{html.escape(data["text/plain"])}</pre>'
    return ""


# ------------------------------------------------------------------------ the page


@lru_cache(maxsize=1)
def _sections() -> dict[str, tuple[str, str]]:
    table = load_table("sections")
    return {r.section: (r.heading, r.title_en) for r in table.itertuples()}


def section_line(path: str) -> str:
    """一、(一) 完善政府治理体系,全面提升治理能力 — Improve the system of …"""
    heading, title_en = _sections().get(path, (path, ""))
    marker = OUTLINE_MARKER.match(heading)
    words = heading[marker.end():] if marker else heading
    words = words.rstrip("。.")
    return (f'<span lang="zh-CN">{html.escape(path)} {html.escape(words)}</span>'
            + (f" — {html.escape(title_en)}" if title_en else ""))


def shown(path: str) -> str:
    """A section path as a reader writes it: 三 rather than 三、 for a chapter."""
    return path[:-1] if path.endswith("、") else path


def _part_html(part: Part) -> str:
    where = ", ".join(shown(p) for p in part.sections)
    label = f"{part.number} · Report {'section' if len(part.sections) == 1 else 'sections'} {where}" \
        if part.sections else f"{part.number} · The whole report"
    items = "".join(f"<li>{section_line(p)}</li>" for p in part.sections)
    sections = f'<ul class="report-sections">{items}</ul>' if items else ""
    question = f'<p class="question"><strong>Question.</strong> {_inline(part.question)}</p>' \
        if part.question else ""
    return (f'<section class="part" id="{part.stem}">\n<p class="part-label">{html.escape(label)}</p>\n'
            f"<h2>{_inline(part.title)}</h2>\n{sections}\n{question}\n{part.body}\n</section>")


def _inline(text: str) -> str:
    """One line of notebook markdown, without its paragraph."""
    return re.sub(r"^<p>|</p>\s*$", "", _markdown(text).strip())


def _contents(parts: list[Part]) -> str:
    items = []
    for part in parts:
        subs = "".join(f'<li><a href="#{a}">{html.escape(t)}</a></li>' for a, t in part.headings)
        where = ", ".join(shown(p) for p in part.sections) or "whole report"
        items.append(f'<li><a href="#{part.stem}">{part.number} · {_inline(part.title)}</a> '
                     f'<span class="sections">({html.escape(where)})</span>'
                     + (f"<ol>{subs}</ol>" if subs else "") + "</li>")
    return f'<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def cover(briefings: dict[str, str]) -> str:
    """Title block: report, district, year, source, data version; and the briefings."""
    en, zh = report_facts("en"), report_facts("zh")
    facts = [("Report", f'{html.escape(en.title)}<br><span lang="zh-CN">{html.escape(zh.title)}</span>'),
             ("District", html.escape(en.district)), ("Year", str(en.year)),
             ("Source", html.escape(en.source)), ("Data version", html.escape(en.data_date))]
    rows = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    names = {"en": ("English", ""), "zh": ("中文", ' lang="zh-CN"')}
    links = " · ".join(f'<a href="{briefings[lang]}"{attr}>{name}</a>'
                       for lang, (name, attr) in names.items() if lang in briefings)
    other = f'<p class="other-versions">One-page briefing: {links}</p>' if links else ""
    return (f'<header class="title-block"><p class="kicker">Full analysis</p>'
            f"<h1>{html.escape(en.title)}</h1><dl class=\"facts\">{rows}</dl>{other}</header>\n"
            "<p>Each part below answers one question about the report, from the figures it "
            "states. Every number is the report's own, traced to its text, or computed from its "
            "figures, and each part says which "
            "sections of the report it reads. Where the report's figures do not hold together, "
            "the audit's findings say so in the place where the figures are discussed.</p>")


def full_page(executed: list[Path], briefings: dict[str, str] | None = None) -> tuple[str, list[Part]]:
    """The page's HTML and its parts (for the build's report of what it found)."""
    import nbformat

    parts = [notebook_part(nbformat.read(p, as_version=4), p.stem) for p in executed]
    body = "\n".join([cover(briefings or {}), _contents(parts), *(_part_html(p) for p in parts)])
    title = f"{report_facts('en').title}: full analysis"
    return document(title, "en", mark_chinese(body)), parts


def write_full_page(executed: list[Path], target: Path, briefings: dict[str, str] | None = None) -> list[Part]:
    page, parts = full_page(executed, briefings)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return parts
