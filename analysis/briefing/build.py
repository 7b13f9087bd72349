"""`make briefing`: everything a reader gets, in one folder, with progress as it goes.

Notebooks run two at a time in their own kernels while this process draws the charts and
writes the pages, slides and spreadsheets; the full analysis page follows the last notebook.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

NOTEBOOK_JOBS = 2  # one kernel per core on the two-core machines this is measured on


class BuildError(Exception):
    """A problem with what the user asked for, said in one line."""


def check_out(out: Path) -> Path:
    """The output folder, created if needed; a file or an unwritable place is a BuildError."""
    if out.exists() and not out.is_dir():
        raise BuildError(f"--out {out} is a file; give a folder to write the briefing into")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise BuildError(f"cannot write to --out {out}: {exc.strerror or exc}") from None
    return out


class Progress:
    """Lines of progress from several threads, one at a time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.start = time.monotonic()

    def say(self, text: str) -> None:
        with self.lock:
            print(f"[{time.monotonic() - self.start:5.1f} s] {text}", flush=True)


def _shown(path: Path, out: Path) -> str:
    try:
        return str(path.relative_to(out.parent)) if out.parent != Path(".") else str(path)
    except ValueError:
        return str(path)


def build(out: Path) -> list[tuple[Path, str]]:
    """Write the briefing into out; returns (path, what it is) for the summary."""
    out = check_out(out)  # before the imports below, which take a while: a wrong --out says so at once
    import matplotlib.pyplot as plt

    from ..charts.catalogue import CATALOGUE, export_all
    from ..language.labels import LANGS
    from . import onepage, slides, spreadsheets
    from .html import FULL_PAGE, execute_for_page, write_full_page
    from .messages import chart_ids
    from .notebooks import notebook_paths
    from .pictures import picture

    progress = Progress()
    paths = notebook_paths()
    done: list[Path] = []

    def run_notebook(path: Path) -> Path:
        progress.say(f"notebook {path.stem}: running")
        executed = execute_for_page(path, out / "notebooks")
        with progress.lock:
            done.append(executed)
            left = len(paths) - len(done)
        progress.say(f"notebook {path.stem}: done ({len(done)} of {len(paths)}, {left} left)")
        return executed

    with ThreadPoolExecutor(NOTEBOOK_JOBS) as pool:
        running = pool.map(run_notebook, paths)

        total, wanted = len(CATALOGUE), chart_ids()
        pictures: dict[str, dict] = {lang: {} for lang in LANGS}

        def on_chart(number: int, chart_id: str, lang: str, fig) -> None:
            if chart_id in wanted:  # the briefing's charts, for its pages, while the figure is open
                pictures[lang][chart_id] = picture(fig)
            progress.say(f"chart {chart_id} ({lang}): {number} of {total}")

        export_all(out / "charts", LANGS, on_chart=on_chart)
        written = [(out / "charts", f"{total} charts in Chinese and English: PNG, SVG, alt text (index.csv)")]
        for lang in LANGS:
            page = onepage.write(lang, out, pictures[lang])
            deck = slides.write(lang, out, out / "charts")
            progress.say(f"briefing {lang}: page and slides written")
            name = "Chinese" if lang == "zh" else "English"
            written += [(page, f"one-page briefing in {name}"),
                        (deck, f"slides in {name}, one per briefing chart")]
        plt.close("all")

        tables = spreadsheets.write(out / "data")
        progress.say("spreadsheets written")
        written.append((out / "data", f"{spreadsheets.WORKBOOK} and {len(tables) - 1} CSVs with a byte-order "
                                      "mark, for spreadsheets"))

        executed = list(running)  # waits for the last notebook
    parts = write_full_page(executed, out / FULL_PAGE, {lang: onepage.page_name(lang) for lang in LANGS})
    progress.say("full analysis written")
    written.insert(2, (out / FULL_PAGE, f"the full analysis, {len(parts)} parts"))
    written.append((out / "notebooks", f"{len(executed)} executed notebooks"))

    print(f"\nWrote, in {time.monotonic() - progress.start:.0f} s:")
    width = max(len(_shown(p, out)) for p, _ in written) + 2
    for path, what in written:
        print(f"  {_shown(path, out) + ('/' if path.is_dir() else ''):<{width}} {what}")
    coded = [(p.number, len(p.code_names)) for p in parts if p.code_names]
    if coded:
        print("Note: code names in the notebooks' prose, shown as written: "
              + ", ".join(f"part {n} ({k})" for n, k in coded))
    return written
