"""Benchmarks (make bench): what loading, extracting and the notebooks cost.

1. Load: the time `import analysis; load_figures()` adds to `import pandas`, each in a
   fresh interpreter, median of several runs.
2. Extractor: recall and precision against the curated table and, per pattern, against the
   hand-made keys of the genre fixtures; throughput (CPU time) on a corpus of
   at least 20 MB built by repeating the vendored report with its digits perturbed; peak
   memory on a quarter of that corpus and on all of it (flat when it streams).
3. Notebooks: the floor (kernel start plus `import pandas, matplotlib`) and each
   notebook's full execution (the explorer's included), interleaved in rounds. A notebook's
   own work is its time minus the floor's in the same round; kernel start is timed apart,
   because it is the same for both and is the noisiest part on a shared machine.
4. Explorer: how long the explorer takes to answer each change of a control (chapter,
   topic, keyword, language, chart unit), chart and table included, over a fixed script of
   changes repeated in rounds; the target is under 0.3 s per change.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from analysis.briefing.notebooks import notebook_paths, run  # noqa: E402

RUNS = 7
NOTEBOOK_ROUNDS = 7

BASE = "import time; t = time.perf_counter(); import pandas; t1 = time.perf_counter()"
LOAD = BASE + "; import analysis; analysis.load_figures(); t2 = time.perf_counter(); print(t1 - t, t2 - t1)"


def median_seconds(code: str) -> tuple[float, float]:
    pandas_times, added = [], []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout.split()
        pandas_times.append(float(out[0]))
        added.append(float(out[1]))
    return statistics.median(pandas_times), statistics.median(added)


def run_notebook(nb: nbformat.NotebookNode, cwd: Path) -> tuple[float, float]:
    """Seconds for the whole run (kernel start, cells, shutdown) and for the cells alone."""
    marks: list[float] = []
    start = time.perf_counter()
    run(nb, cwd, on_cell_execute=lambda **_: marks.append(time.perf_counter()),
        on_cell_executed=lambda **_: marks.append(time.perf_counter()))
    return time.perf_counter() - start, marks[-1] - marks[0]


def floor_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot")]
    return nb


CORPUS_MB = 20
EXTRACT_RUNS = 3
# CPU seconds measure what one core does; wall seconds also count the time other work on the
# shared machine took the core away (both are printed).
EXTRACT = """
import resource, sys, time, os
from pathlib import Path
from analysis.extract import extract, write
start, cpu = time.perf_counter(), time.process_time()
with open(os.devnull, "w", encoding="utf-8") as out:
    count = write(extract(Path(sys.argv[1])), out, "csv")
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(count, cpu, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build_corpus(target: Path, megabytes: float) -> Path:
    """The vendored report repeated until the file reaches the size, each copy's digits
    perturbed (seeded), so that the values differ from copy to copy."""
    raw = (ROOT / "data" / "raw" / "ganxian-2020-rule-of-law-report.txt").read_text(encoding="utf-8")
    rng = random.Random(2020)
    size = 0
    with open(target, "w", encoding="utf-8") as fh:
        while size < megabytes * 1_000_000:
            copy = "".join(str(rng.randrange(10)) if c.isdigit() and rng.random() < 0.3 else c
                           for c in raw)
            fh.write(copy)
            size += len(copy.encode("utf-8"))
    return target


def bench_extractor() -> None:
    from analysis.extract.evaluate import evaluate, evaluate_fixtures

    evaluation = evaluate("ganxian-2020")
    print(f"\nextractor on the vendored report: {evaluation.summary()}")
    genre = evaluate_fixtures(ROOT / "tests" / "genre" / "fixtures")
    print("extractor on the genre fixtures (tests/genre), per pattern:")
    print(genre.table())
    with tempfile.TemporaryDirectory() as tmp:
        small = build_corpus(Path(tmp) / "small.txt", CORPUS_MB / 4)
        large = build_corpus(Path(tmp) / "large.txt", CORPUS_MB)
        results = {}
        for name, path in (("small", small), ("large", large)):
            runs = [subprocess.run([sys.executable, "-c", EXTRACT, str(path)], check=True,
                                   capture_output=True, text=True, cwd=ROOT).stdout.split()
                    for _ in range(EXTRACT_RUNS)]
            cpu = statistics.median(float(r[1]) for r in runs)
            wall = statistics.median(float(r[2]) for r in runs)
            peak = max(int(r[3]) for r in runs) / 1024
            results[name] = (path.stat().st_size / 1e6, int(runs[0][0]), cpu, wall, peak)
        for name, (mb, count, cpu, wall, peak) in results.items():
            print(f"extract {mb:5.1f} MB: {count:,} mentions in {cpu:5.2f} s of CPU = "
                  f"{mb / cpu:4.2f} MB/s on one core ({mb / wall:4.2f} MB/s by the wall clock; "
                  f"medians of {EXTRACT_RUNS}); peak memory {peak:5.0f} MB")


def bench_load() -> None:
    pandas_s, added_s = median_seconds(LOAD)
    print(f"import pandas:                          {pandas_s * 1000:7.0f} ms (median of {RUNS})")
    print(f"import analysis + load_figures() adds:  {added_s * 1000:7.0f} ms (median of {RUNS})")


def bench_notebooks() -> None:
    notebooks = notebook_paths() + [ROOT / "notebooks" / "explorer.ipynb"]
    # Rounds interleave the floor and every notebook, so that load on the machine
    # falls on all of them alike.
    runs: dict[str, list[tuple[float, float]]] = {"floor": []}
    probe: list[float] = []
    for _ in range(NOTEBOOK_ROUNDS):
        probe.append(cpu_probe())
        runs["floor"].append(run_notebook(floor_notebook(), ROOT / "notebooks"))
        for path in notebooks:
            runs.setdefault(path.name, []).append(
                run_notebook(nbformat.read(path, as_version=4), path.parent))
    floor_total = statistics.median(total for total, _ in runs["floor"])
    floor_cells = statistics.median(cells for _, cells in runs["floor"])
    print(f"\nnotebook floor (kernel + import pandas, matplotlib): {floor_total:5.2f} s, of which "
          f"the import cell {floor_cells:4.2f} s (medians of {NOTEBOOK_ROUNDS} rounds)")
    print(f"{'notebook':40s} {'total':>7s} {'own work':>9s} {'own work, range':>16s}")
    worst = 0.0
    for path in notebooks:
        total = statistics.median(t for t, _ in runs[path.name])
        own = [cells - floor for (_, cells), (_, floor) in zip(runs[path.name], runs["floor"])]
        worst = max(worst, statistics.median(own))
        print(f"{path.name:40s} {total:6.2f}s {statistics.median(own):+8.2f}s "
              f"{min(own):+7.2f} to {max(own):+5.2f}s")
    all_total = sum(statistics.median(t for t, _ in runs[p.name]) for p in notebooks)
    print(f"{'all notebooks, one after another':40s} {all_total:6.2f}s")
    print(f"largest own work (median): {worst:+.2f} s; the target is at most +1.00 s")
    print(f"machine speed during the rounds: a fixed pure-Python loop took {min(probe):.2f} to "
          f"{max(probe):.2f} s (when it is slow, so is everything above)")


def cpu_probe() -> float:
    """Seconds for a fixed pure-Python loop: how fast the machine is just now."""
    start = time.perf_counter()
    total = 0
    for i in range(2_000_000):
        total += i
    return time.perf_counter() - start


# A reader's session: each step sets one control of the explorer.
EXPLORER_STEPS = [
    ("chapter", "一、"), ("topic", "mediation"), ("unit", "%"), ("keyword", "调解"), ("keyword", ""),
    ("topic", ""), ("chapter", "二、"), ("keyword", "volunteer"), ("language", "zh"), ("keyword", "枫桥"),
    ("keyword", "rate"), ("chapter", ""), ("language", "en"), ("keyword", ""),
]
EXPLORER_ROUNDS = 5


def bench_explorer() -> None:
    import matplotlib

    matplotlib.use("Agg")
    from analysis.explore.app import Explorer

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        app = Explorer("en", save_dir=Path(tmp))
        app.view.text()  # as the notebook does: the selection in words, its chart drawn
        first = time.perf_counter() - start
        print(f"\nexplorer: first view {first:.2f} s (the table and, as the notebook prints it, "
              "the selection in words with its chart)")
        # A change redraws the tab in sight: the table, or the chart (the costlier).
        for tab, name in ((0, "figures table"), (1, "chart")):
            app.tabs.selected_index = tab
            times: dict[str, list[float]] = {}
            fresh: list[float] = []  # the first round draws every chart; later rounds reuse them
            for round_ in range(EXPLORER_ROUNDS):
                for control, value in EXPLORER_STEPS:
                    begin = time.perf_counter()
                    getattr(app, control).value = value
                    seconds = time.perf_counter() - begin
                    times.setdefault(f"{control}={value or 'all'}", []).append(seconds)
                    if round_ == 0:
                        fresh.append(seconds)
            every = [t for ts in times.values() for t in ts]
            print(f"explorer, {name} in sight: {len(every)} control changes ({EXPLORER_ROUNDS} rounds of "
                  f"{len(EXPLORER_STEPS)}), median {statistics.median(every):.3f} s, slowest "
                  f"{max(every):.3f} s; first round median {statistics.median(fresh):.3f} s; "
                  "the target is under 0.300 s")
            for step, ts in times.items():
                print(f"  {step:24s} median {statistics.median(ts):.3f} s, slowest {max(ts):.3f} s")


SECTIONS = {"load": bench_load, "extractor": bench_extractor, "notebooks": bench_notebooks,
            "explorer": bench_explorer}


def main(argv: list[str]) -> None:
    """Run the sections named on the command line (load, extractor, notebooks, explorer), or all."""
    unknown = set(argv) - set(SECTIONS)
    if unknown:
        sys.exit(f"unknown section(s) {sorted(unknown)}; choose from {list(SECTIONS)}")
    for name in argv or SECTIONS:
        SECTIONS[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
