"""The briefing page: every executed notebook in one self-contained, offline HTML file."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .notebooks import execute, notebook_paths

if TYPE_CHECKING:
    import nbformat

# nbconvert points these at CDNs by default; empty, the page needs no network.
OFFLINE_URLS = ("mathjax_url", "require_js_url", "jquery_url", "mermaid_js_url",
                "mermaid_layout_elk_js_url", "widget_renderer_url", "jupyter_widgets_base_url")


def combine(executed: list[Path]) -> "nbformat.NotebookNode":
    """One notebook holding every executed notebook's cells, in order."""
    import nbformat

    combined = nbformat.v4.new_notebook()
    combined.metadata = copy.deepcopy(nbformat.read(executed[0], as_version=4).metadata)
    combined.metadata["title"] = "Ganxian District 2020 rule-of-law report: briefing"
    for path in executed:
        cells = nbformat.read(path, as_version=4).cells
        cells[0].source = f'<a id="{path.stem}"></a>\n\n{cells[0].source}'
        for cell in cells:
            _link_within_page(cell)
        combined.cells.extend(cells)
    return combined


NOTEBOOK_LINK = re.compile(r"\]\((\d\d[\w-]*)\.ipynb\)")


def _link_within_page(cell: "nbformat.NotebookNode") -> None:
    """In the one-page briefing, a link to another notebook points to its part of the page."""
    if cell.cell_type == "markdown":
        cell.source = NOTEBOOK_LINK.sub(r"](#\1)", cell.source)
    for output in cell.get("outputs", []):
        if "text/markdown" in output.get("data", {}):
            output.data["text/markdown"] = NOTEBOOK_LINK.sub(r"](#\1)", output.data["text/markdown"])


def export_html(nb: "nbformat.NotebookNode", target: Path) -> Path:
    """HTML with inputs hidden and no link to any CDN, readable offline."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_output_prompt=True,
                            **{url: "" for url in OFFLINE_URLS})
    body, _ = exporter.from_notebook_node(nb)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")
    return target


def build(out: Path) -> Path:
    executed = [execute(p, out / "notebooks") for p in notebook_paths()]
    for path in executed:
        print(f"executed {path.relative_to(out.parent) if out.parent in path.parents else path}")
    html = export_html(combine(executed), out / "briefing.html")
    print(f"wrote {html}")
    return html
