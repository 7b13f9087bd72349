"""`make briefing`: everything a reader gets, in one folder, with progress as it goes.

Two kernels run the notebooks, each a share of them one after another, while a second
process draws the charts and writes the one-page briefings, slides and spreadsheets; the
full analysis follows the last notebook. Drawing is kept out of this process because it
holds Python's lock for long stretches, which would stall the threads driving the kernels.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

KERNELS = 2  # one per core on the two-core machines this is measured on


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
    """Lines of progress, one at a time, timed from the start of the build."""

    def __init__(self, start: float | None = None):
        self.lock = threading.Lock()
        self.start = time.monotonic() if start is None else start

    def say(self, text: str) -> None:
        with self.lock:
            print(f"[{time.monotonic() - self.start:5.1f} s] {text}", flush=True)


def build(out: Path) -> list[tuple[Path, str]]:
    """Write the briefing into out; returns (path, what it is) for the summary."""
    out = check_out(out)  # before the imports below, which take a while: a wrong --out says so at once
    from ..language.labels import LANGS
    from . import onepage
    from .html import FULL_PAGE, execute_for_page, write_full_page
    from .notebooks import notebook_paths

    progress = Progress()
    paths = notebook_paths()
    done: list[Path] = []

    def finished(path: Path) -> None:
        with progress.lock:
            done.append(path)
            count = len(done)
        progress.say(f"notebook {path.stem}: done ({count} of {len(paths)}, {len(paths) - count} left)")

    def run(share: list[Path]) -> list[Path]:
        return execute_for_page(share, out / "notebooks", on_done=finished,
                                on_start=lambda path: progress.say(f"notebook {path.stem}: running"))

    # the drawing process is started (forked) before any thread, as forking wants
    with ProcessPoolExecutor(1) as drawing, ThreadPoolExecutor(KERNELS) as kernels:
        exports = drawing.submit(write_exports, out, progress.start)
        shares = kernels.map(run, _shares(paths, KERNELS))
        executed = sorted(p for share in shares for p in share)
        written = exports.result()
    parts = write_full_page(executed, out / FULL_PAGE, {lang: onepage.page_name(lang) for lang in LANGS})
    progress.say("full analysis written")
    written.append((out / FULL_PAGE, f"the full analysis, {len(parts)} parts"))
    written.append((out / "notebooks", f"{len(executed)} executed notebooks"))
    order = [onepage.page_name(lang) for lang in LANGS] + [FULL_PAGE]
    written.sort(key=lambda item: order.index(item[0].name) if item[0].name in order else len(order))

    print(f"\nWrote, in {time.monotonic() - progress.start:.0f} s:")
    width = max(len(_shown(p)) for p, _ in written) + 2
    for path, what in written:
        print(f"  {_shown(path):<{width}} {what}")
    coded = [(p.number, len(p.code_names)) for p in parts if p.code_names]
    if coded:
        print("Note: code names in the notebooks' prose, shown as written: "
              + ", ".join(f"part {n} ({k})" for n, k in coded))
    return written


def _shares(paths: list[Path], n: int) -> list[list[Path]]:
    """paths in n shares of about equal size (largest first to the lightest share), each in order."""
    shares: list[list[Path]] = [[] for _ in range(n)]
    for path in sorted(paths, key=lambda p: p.stat().st_size, reverse=True):
        min(shares, key=lambda share: sum(p.stat().st_size for p in share)).append(path)
    return [sorted(share) for share in shares if share]


def _shown(path: Path) -> str:
    return str(path) + ("/" if path.is_dir() else "")


def write_exports(out: Path, start: float) -> list[tuple[Path, str]]:
    """Every chart in both languages; the briefing's pages and slides, whose charts are taken
    from the export while their figures are open; the spreadsheets."""
    from ..charts.catalogue import CATALOGUE, export_all
    from ..language.labels import LANGS
    from . import onepage, slides, spreadsheets
    from .messages import chart_ids
    from .pictures import picture

    progress = Progress(start)
    total, wanted = len(CATALOGUE), chart_ids()
    pictures: dict[str, dict] = {lang: {} for lang in LANGS}

    def on_chart(number: int, chart_id: str, lang: str, fig) -> None:
        if chart_id in wanted:
            pictures[lang][chart_id] = picture(fig)
        progress.say(f"chart {chart_id} ({lang}): {number} of {total}")

    export_all(out / "charts", LANGS, on_chart=on_chart)
    written = [(out / "charts", f"{total} charts in Chinese and English: PNG, SVG, alt text (index.csv)")]
    for lang in LANGS:
        page = onepage.write(lang, out, pictures[lang])
        deck = slides.write(lang, out, out / "charts")
        progress.say(f"briefing {lang}: page and slides written")
        name = "Chinese" if lang == "zh" else "English"
        written += [(page, f"one-page briefing in {name}"), (deck, f"slides in {name}, one per briefing chart")]
    tables = spreadsheets.write(out / "data")
    progress.say("spreadsheets written")
    written.append((out / "data", f"{spreadsheets.WORKBOOK} and {len(tables) - 1} CSVs with a byte-order mark, "
                                  "for spreadsheets"))
    return written
