"""Benchmarks (make bench): what loading, extracting and the notebooks cost.

1. Load: the time `import analysis; load_figures()` adds to `import pandas`, each in a
   fresh interpreter, median of several runs.
2. Extractor: recall and precision against the curated table; throughput on a corpus of
   at least 20 MB built by repeating the vendored report with its digits perturbed; peak
   memory on a quarter of that corpus and on all of it (flat when it streams).
3. Notebooks: the floor (kernel start plus `import pandas, matplotlib`) and each
   notebook's full execution, interleaved, medians.
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
from analysis.briefing import notebook_paths, run  # noqa: E402

RUNS = 7
NOTEBOOK_ROUNDS = 3

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


def run_notebook(nb: nbformat.NotebookNode, cwd: Path) -> float:
    start = time.perf_counter()
    run(nb, cwd)
    return time.perf_counter() - start


def floor_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot")]
    return nb


CORPUS_MB = 20
EXTRACT_RUNS = 3
EXTRACT = """
import resource, sys, time, os
from pathlib import Path
from analysis.extract import extract, write
start = time.perf_counter()
with open(os.devnull, "w", encoding="utf-8") as out:
    count = write(extract(Path(sys.argv[1])), out, "csv")
seconds = time.perf_counter() - start
print(count, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
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
    from analysis.extract_check import evaluate

    evaluation = evaluate("ganxian-2020")
    print(f"\nextractor on the vendored report: {evaluation.summary()}")
    with tempfile.TemporaryDirectory() as tmp:
        small = build_corpus(Path(tmp) / "small.txt", CORPUS_MB / 4)
        large = build_corpus(Path(tmp) / "large.txt", CORPUS_MB)
        results = {}
        for name, path in (("small", small), ("large", large)):
            runs = [subprocess.run([sys.executable, "-c", EXTRACT, str(path)], check=True,
                                   capture_output=True, text=True, cwd=ROOT).stdout.split()
                    for _ in range(EXTRACT_RUNS)]
            seconds = statistics.median(float(r[1]) for r in runs)
            peak = max(int(r[2]) for r in runs) / 1024
            results[name] = (path.stat().st_size / 1e6, int(runs[0][0]), seconds, peak)
        for name, (mb, count, seconds, peak) in results.items():
            print(f"extract {mb:5.1f} MB: {count:,} mentions in {seconds:5.2f} s = "
                  f"{mb / seconds:4.2f} MB/s on one core (median of {EXTRACT_RUNS}); "
                  f"peak memory {peak:5.0f} MB")


def main() -> None:
    pandas_s, added_s = median_seconds(LOAD)
    print(f"import pandas:                          {pandas_s * 1000:7.0f} ms (median of {RUNS})")
    print(f"import analysis + load_figures() adds:  {added_s * 1000:7.0f} ms (median of {RUNS})")
    bench_extractor()

    notebooks = notebook_paths()
    # Rounds interleave the floor and every notebook, so that load on the machine
    # falls on all of them alike; medians over the rounds are reported.
    times: dict[str, list[float]] = {"floor": []}
    for _ in range(NOTEBOOK_ROUNDS):
        times["floor"].append(run_notebook(floor_notebook(), ROOT / "notebooks"))
        for path in notebooks:
            times.setdefault(path.name, []).append(
                run_notebook(nbformat.read(path, as_version=4), path.parent))
    floor = statistics.median(times["floor"])
    print(f"\nnotebook floor (kernel + import pandas, matplotlib): {floor:5.2f} s "
          f"(median of {NOTEBOOK_ROUNDS})")
    total = 0.0
    for path in notebooks:
        seconds = statistics.median(times[path.name])
        total += seconds
        print(f"{path.name:40s} {seconds:5.2f} s  own work {seconds - floor:+5.2f} s")
    print(f"{'all notebooks, one after another':40s} {total:5.2f} s")


if __name__ == "__main__":
    main()
