"""Benchmarks (make bench): what loading the package and running the notebooks cost.

1. Load: the time `import analysis; load_figures()` adds to `import pandas`, each in a
   fresh interpreter, median of several runs.
2. Notebooks: the floor (kernel start plus `import pandas, matplotlib`) and each
   notebook's full execution, measured in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from analysis.briefing import notebook_paths  # noqa: E402

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
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def floor_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import pandas, matplotlib.pyplot")]
    return nb


def main() -> None:
    pandas_s, added_s = median_seconds(LOAD)
    print(f"import pandas:                          {pandas_s * 1000:7.0f} ms (median of {RUNS})")
    print(f"import analysis + load_figures() adds:  {added_s * 1000:7.0f} ms (median of {RUNS})")

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
