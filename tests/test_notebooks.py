"""The curated notebooks: complete, honest about their numbers, and runnable top to bottom."""

import re
from pathlib import Path

import nbformat
import pytest

import analysis
from analysis.briefing.notebooks import notebook_index, notebook_paths

PATHS = notebook_paths()
IDS = [p.name for p in PATHS]


def outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                parts.append(out["text"])
            for mime in ("text/plain", "text/html", "text/markdown"):
                if mime in out.get("data", {}):
                    parts.append(out["data"][mime])
    return "\n".join(parts)


def test_every_figure_is_shown_in_some_notebook():
    shown = "\n".join(outputs_text(nbformat.read(p, as_version=4)) for p in PATHS)
    missing = [f for f in analysis.load_figures()["figure_id"] if not re.search(rf"\b{f}\b", shown)]
    assert missing == []


# Digits a notebook's prose may contain: the report's title, outline markers and section
# paths, the hotline's name and references to notebooks by number. Any other digit in a
# markdown cell is a number typed by hand, which must instead be computed and printed.
ALLOWED = [
    re.escape(analysis.load_table("reports")["title_zh"].iloc[0]),
    r"data/raw/[\w.-]+",
    r"\b0\d\b",                       # notebook numbers: 00 … 09
    r"(?<![\d.])\d[.)](?!\d)",         # outline markers: 1. 2)
    r"12345",                          # the government service hotline's name
    r"sha256",
]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_prose_has_no_typed_numbers(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        text = cell.source
        for pattern in ALLOWED:
            text = re.sub(pattern, "", text)
        assert not re.search(r"\d", text), f"typed number in {path.name}: {cell.source[:120]!r}"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_opens_with_question_and_sections(path):
    first = nbformat.read(path, as_version=4).cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "**Question.**" in first.source and "**Sections.**" in first.source


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_stored_outputs_are_a_clean_top_to_bottom_run(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", cell.source[:80]
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text[:200]


def test_index_lists_every_notebook():
    index_nb = nbformat.read(PATHS[0], as_version=4)
    shown = outputs_text(index_nb)
    listed = [row["notebook"] for row in notebook_index()]
    assert listed == IDS
    for name in listed:
        assert f"]({name})" in shown


def test_every_topic_notebook_uses_the_chart_module():
    for path in PATHS:
        source = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells
                           if c.cell_type == "code")
        if "fig =" in source:
            assert "catalogue.chart(" in source or "charts." in source, path.name
            assert "plt.subplots" not in source, path.name


LANG_LINE = 'LANG = "en"'


def test_every_notebook_runs_with_chinese_charts():
    """The LANG switch: every notebook, its setup line set to "zh", runs top to bottom
    (all in one kernel, to keep this fast) with nothing on stderr, so no missing glyph,
    and shows as many charts as the stored English run."""
    from analysis.briefing.notebooks import run

    combined, charts_en = nbformat.v4.new_notebook(), 0
    for path in PATHS:
        nb = nbformat.read(path, as_version=4)
        setup = [c for c in nb.cells if c.cell_type == "code" and LANG_LINE in c.source]
        assert len(setup) == 1, f"{path.name}: one setup cell should hold {LANG_LINE}"
        setup[0].source = setup[0].source.replace(LANG_LINE, 'LANG = "zh"')
        charts_en += sum("image/png" in out.get("data", {}) for c in nb.cells for out in c.get("outputs", []))
        combined.cells.extend(c for c in nb.cells if c.cell_type == "code")  # re-run clears outputs
    run(combined, PATHS[0].parent)
    outputs = [out for cell in combined.cells for out in cell.outputs]
    assert [out.text for out in outputs if out.get("name") == "stderr"] == []
    assert sum("image/png" in out.get("data", {}) for out in outputs) == charts_en


# ------------------------------------------------------------------ the analysis itself

SECTION_PATH = re.compile(r"[一二三四五六七八九十]+、(?:\([一二三四五六七八九十]+\))?(?:\d+\.)?(?:\d+\))?")


def declared_sections(row: dict) -> list[str]:
    """The section paths a notebook says it covers; empty for the overviews ("All: …")."""
    head = row["sections"].split(":")[0]
    return [] if head.strip().startswith("All") else SECTION_PATH.findall(head)


def shown_and_said(path) -> str:
    nb = nbformat.read(path, as_version=4)
    return outputs_text(nb) + "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_every_section_of_the_report_is_discussed_in_a_topic_notebook():
    """Each section without subsections is claimed by a topic notebook's header and named in
    what that notebook shows (its measures and figures tables carry the section); a parent is
    discussed through its subsections."""
    rows = {row["notebook"]: row for row in notebook_index()}
    texts = {p.name: shown_and_said(p) for p in PATHS}
    paths = analysis.load_table("sections")["section"].tolist()

    def discussed(section):
        children = [p for p in paths if p != section and p.startswith(section)]
        if children:
            return any(discussed(c) for c in children)
        return any(section in texts[name] and any(section.startswith(d) for d in declared_sections(row))
                   for name, row in rows.items())

    assert [s for s in paths if not discussed(s)] == []


def test_every_measure_of_the_report_is_shown():
    from analysis.tables.outline import measure_table

    shown = "\n".join(outputs_text(nbformat.read(p, as_version=4)) for p in PATHS)
    assert [m.measure_id for m in measure_table().itertuples() if m.quote not in shown] == []


def test_every_chart_of_the_catalogue_is_in_a_notebook():
    from analysis.charts.catalogue import CATALOGUE

    code = "\n".join(c.source for p in PATHS for c in nbformat.read(p, as_version=4).cells if c.cell_type == "code")
    assert [s.chart_id for s in CATALOGUE if f'catalogue.chart("{s.chart_id}"' not in code] == []


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_notebook_leads_with_three_to_five_computed_findings(path):
    cells = nbformat.read(path, as_version=4).cells
    heads = [i for i, c in enumerate(cells) if c.cell_type == "markdown" and c.source.startswith("## Key findings")]
    assert heads and heads[0] <= 3, "the key findings come first, after the question and the setup"
    following = cells[heads[0] + 1]
    assert following.cell_type == "code"
    printed = "".join(o.get("text", "") for o in following.outputs)
    numbered = re.findall(r"^(\d+)\. \S", printed, flags=re.M)
    assert 3 <= len(numbered) <= 5 and numbered == [str(i) for i in range(1, len(numbered) + 1)], printed
    assert re.search(r"\d", printed.split(". ", 1)[1]), "a finding states a computed number"


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_tables_are_formatted_for_readers_and_prose_has_no_code_names(path):
    nb = nbformat.read(path, as_version=4)
    assert 'class="dataframe"' not in outputs_text(nb), "show tables with views.table(...)"
    names = set(analysis.load_figures()["figure_id"])
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert "`" not in cell.source, cell.source[:80]
            words = set(re.findall(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", cell.source))
            assert words == set() and not (words & names), words
