"""The curated notebooks: which they are, what each asks, and running them in a fresh kernel."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
TIMEOUT = 300


# The package's notebooks: the numbered analysis, named by two digits, a dash and lower-case
# words joined by dashes (01-government-and-oversight.ipynb), and the tools named in TOOLS.
# A learner's copy is neither: JupyterLab names its copies …-Copy1.ipynb and new notebooks
# Untitled.ipynb, and downloads get " (1)".
NUMBERED = re.compile(r"\d\d-(?![a-z0-9-]*-copy\d*\.ipynb$)[a-z0-9]+(?:-[a-z0-9]+)*\.ipynb")
TOOLS = ("explorer.ipynb", "report-card.ipynb", "report-checks.ipynb")


def is_own(path: Path) -> bool:
    """Is this notebook one of the package's own (not a learner's copy)?"""
    return bool(NUMBERED.fullmatch(path.name)) or path.name in TOOLS


def notebook_paths(folder: Path = NOTEBOOKS) -> list[Path]:
    """The curated analysis notebooks, in their numbered order; copies learners made are left out."""
    return sorted(p for p in folder.glob("*.ipynb") if NUMBERED.fullmatch(p.name))


def own_notebooks(folder: Path = NOTEBOOKS) -> list[Path]:
    """Every notebook of the package in folder: the analysis, then the tools."""
    return notebook_paths(folder) + sorted(p for p in folder.glob("*.ipynb") if p.name in TOOLS)


def notebook_index(folder: Path = NOTEBOOKS) -> list[dict[str, str]]:
    """Each notebook's title, question and sections, read from its first cell."""
    rows = []
    for path in notebook_paths(folder):
        # plain JSON: nbformat's schema validation would cost seconds here
        cell = json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"]
        first = "".join(cell) if isinstance(cell, list) else cell
        fields = {"notebook": path.name, "title": first.splitlines()[0].lstrip("# ").strip()}
        for line in first.splitlines():
            for key in ("Question", "Sections"):
                if line.startswith(f"**{key}.**"):
                    fields[key.lower()] = line.split("**", 2)[2].strip()
        rows.append(fields)
    return rows


def run(nb: "nbformat.NotebookNode", cwd: Path, **hooks) -> None:
    """Execute a notebook in memory, top to bottom, in a fresh kernel started in cwd.
    hooks: nbclient's on_cell_execute and friends (the benchmark times cells with them)."""
    from nbclient import NotebookClient
    from traitlets.config import Config

    # The kernel talks over Unix sockets in a private folder: no TCP port is opened, and
    # ipykernel has no "running over TCP without encryption" warning to print.
    with tempfile.TemporaryDirectory() as sockets, tempfile.TemporaryFile("w+") as log:
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")}})
        # record_timing=False: no timestamps in stored notebooks, so a re-run leaves no diff
        client = NotebookClient(nb, timeout=TIMEOUT, kernel_name="python3", record_timing=False,
                                config=config, resources={"metadata": {"path": str(cwd)}}, **hooks)
        # The kernel's own log (ipykernel sometimes logs a race as it shuts down) is shown
        # only when the run fails, where it may say why.
        try:
            client.execute(stderr=log)
        except BaseException:
            log.seek(0)
            sys.stderr.write(log.read())
            raise


def execute(path: Path, out_dir: Path) -> Path:
    """Run a copy of one notebook top to bottom (cwd = notebooks/) and save it in out_dir."""
    import nbformat  # imported here: it costs seconds, and notebooks import this module

    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    nb = nbformat.read(path, as_version=4)
    run(nb, path.parent)
    # one stream output per print run, however the kernel happened to flush it
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    nb.metadata.pop("widgets", None)  # widget state has random ids, and controls need a kernel
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / path.name
    nbformat.write(nb, target)
    return target


def refresh(paths: list[Path]) -> None:
    """Re-execute notebooks in place, so their committed outputs match a fresh run."""
    for path in paths:
        execute(path, path.parent)
        print(f"refreshed {path.relative_to(ROOT)}")
