"""Shared fixtures: a writable copy of the data package to corrupt in tests."""

import csv
import shutil
from pathlib import Path

import pytest

from analysis import DATA_DIR


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A full copy of data/ that a test may break without touching the real one."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_row(path: Path, match: dict, **changes) -> int:
    """Change the first row matching `match`; return its CSV line number (header = 1)."""
    rows = read_rows(path)
    for index, row in enumerate(rows):
        if all(row[k] == v for k, v in match.items()):
            row.update(changes)
            write_rows(path, rows)
            return index + 2
    raise AssertionError(f"no row matching {match} in {path}")
