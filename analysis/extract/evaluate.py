"""Measure the extractor: against the curated tables of a vendored report, and against the\nhand-made keys of annotated fixtures, per pattern (`python -m analysis.extract.evaluate FOLDER`)."""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ..tables.package import load_package
from .mentions import FIGURE_KINDS, Mention, extract, extract_text

# How the curated non-figure kinds show up among the extractor's kinds.
NON_FIGURE_KINDS = {"year": "year", "date": "date", "document_number": "document_number",
                    "name": "name", "version": "name", "ordinal": "name",
                    "category_label": "name", "ratio_base": "name"}


@dataclass
class Evaluation:
    figures: int            # curated figure mentions (distinct places)
    found: int              # of those, found at the same place with value, unit, qualifier
    misses: list[str]       # curated figures not found, with why
    called_figures: int     # extractor mentions of a figure kind
    true_figures: int       # of those, at a curated figure's place
    false_figures: list[str]
    non_figures: int        # curated non-figures (including outline markers)
    non_figures_agreeing: int
    non_figure_disagreements: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.figures if self.figures else 1.0

    @property
    def precision(self) -> float:
        return self.true_figures / self.called_figures if self.called_figures else 1.0

    def summary(self) -> str:
        return (f"recall {self.recall:.1%} ({self.found}/{self.figures} curated figure mentions); "
                f"precision {self.precision:.1%} ({self.true_figures}/{self.called_figures} mentions "
                f"called figures); non-figures agreeing {self.non_figures_agreeing}/{self.non_figures}")


def evaluate(report_id: str) -> Evaluation:
    package = load_package()
    reports = package.tables["reports"].set_index("report_id")
    path = package.data_dir / reports.loc[report_id, "raw_path"]
    mentions = list(extract(path, report_id))
    by_start: dict[int, Mention] = {m.start: m for m in mentions}
    figures = package.tables["figures"]
    figures = figures[figures["report_id"] == report_id].set_index("figure_id")
    spans = [s for s in package.spans if s.report_id == report_id]
    figure_spans = {s.row_id: s for s in spans if s.table == "figures"}

    places = {span.start for span in figure_spans.values()}
    misses, missed_places = [], set()
    for figure_id, span in figure_spans.items():
        row = figures.loc[figure_id]
        got = by_start.get(span.start)
        expected_high = None if row["value_high"] != row["value_high"] else row["value_high"]
        problem = None
        if got is None or got.kind not in FIGURE_KINDS:
            problem = "not found" if got is None else f"called {got.kind}"
        elif got.value != row["value"] or got.value_high != expected_high:
            problem = f"value {got.value} vs {row['value']}"
        elif got.unit != row["unit"]:
            problem = f"unit {got.unit!r} vs {row['unit']!r}"
        elif got.qualifier != row["qualifier"]:
            problem = f"qualifier {got.qualifier} vs {row['qualifier']}"
        if problem:
            misses.append(f"{figure_id} at {span.start}: {problem}")
            missed_places.add(span.start)

    called = [m for m in mentions if m.kind in FIGURE_KINDS]
    false = [f"{m.text!r} at {m.start} ({m.kind}): {m.sentence[:30]}" for m in called
             if m.start not in places]

    non_figure_rows = [(s, "outline_marker") for s in spans if s.table == "sections"]
    kinds = package.tables["non_figures"].set_index("item_id")["kind"]
    non_figure_rows += [(s, NON_FIGURE_KINDS[kinds[s.row_id]]) for s in spans if s.table == "non_figures"]
    disagreements = []
    for span, kind in non_figure_rows:
        overlapping = [m for m in mentions if m.start < span.end and span.start < m.end]
        if not any(m.kind == kind for m in overlapping):
            shown = ", ".join(f"{m.text!r} as {m.kind}" for m in overlapping) or "nothing"
            disagreements.append(f"{span.row_id} ({kind}) at {span.start}: extractor found {shown}")
    return Evaluation(len(places), len(places - missed_places), misses, len(called),
                      len(called) - len(false), false, len(non_figure_rows),
                      len(non_figure_rows) - len(disagreements), disagreements)


# ------------------------------------------------- hand-made keys (the genre fixtures)

ANNOTATION = re.compile(r"\{\{(.*?)\}\}")
NON_FIGURE_KEY_KINDS = ("date", "year", "document_number", "outline_marker", "name", "page_metadata",
                        "none")


@dataclass(frozen=True)
class Expected:
    """One number of a fixture as its hand-made key reads it."""

    start: int
    end: int
    mention: str
    kind: str
    pattern: str
    value: float | None = None
    value_high: float | None = None
    unit: str = ""
    qualifier: str = "exact"
    direction: str = ""
    line: int = 0  # line of the fixture, for messages


def read_annotated(source: str, name: str = "fixture") -> tuple[str, list[Expected]]:
    """The plain text of an annotated fixture and its key (see tests/genre/README.md):
    each {{mention|kind|pattern|value|unit|qualifier|direction}} becomes its mention."""
    text, key, last = [], [], 0
    length = 0
    for m in ANNOTATION.finditer(source):
        before = source[last:m.start()]
        text.append(before)
        length += len(before)
        fields = m.group(1).split("|") + [""] * 7
        mention, kind, pattern, value, unit, qualifier, direction = fields[:7]
        line = source.count("\n", 0, m.start()) + 1
        where = f"{name}, line {line}, {{{{{m.group(1)}}}}}"
        if kind not in FIGURE_KINDS + NON_FIGURE_KEY_KINDS or not pattern or not mention:
            raise ValueError(f"{where}: needs a mention, a known kind and a pattern")
        low = high = None
        if kind in FIGURE_KINDS:
            if not value:
                raise ValueError(f"{where}: a figure needs its value")
            low, _, high_text = value.partition("~")
            low, high = float(low), (float(high_text) if high_text else None)
        key.append(Expected(length, length + len(mention), mention, kind, pattern, low, high, unit,
                            qualifier or ("range" if high is not None else "exact"), direction, line))
        text.append(mention)
        length += len(mention)
        last = m.end()
    text.append(source[last:])
    return "".join(text), key


@dataclass
class PatternScore:
    figures: int = 0      # key figures of this pattern
    found: int = 0        # found at their place with value, unit, qualifier and direction
    called: int = 0       # extractor figures at this pattern's places (or unlisted places)
    true_called: int = 0  # of those, at a key figure's place

    @property
    def recall(self) -> float | None:
        return self.found / self.figures if self.figures else None

    @property
    def precision(self) -> float | None:
        return self.true_called / self.called if self.called else None


@dataclass
class KeyedEvaluation:
    scores: dict[str, PatternScore]
    misses: list[str]             # key figures not found right, with why
    false_figures: list[str]      # extractor figures at no key figure's place
    non_figures_called_figures: list[str]  # dates, years, names … read as figures
    kind_disagreements: list[str]  # non-figures read as another non-figure kind

    def total(self) -> PatternScore:
        total = PatternScore()
        for score in self.scores.values():
            total.figures += score.figures
            total.found += score.found
            total.called += score.called
            total.true_called += score.true_called
        return total

    def table(self) -> str:
        """Recall and precision per pattern, as a plain-text table."""
        def pct(x):
            return "    -" if x is None else f"{x:6.1%}"
        lines = [f"{'pattern':18s} {'figures':>7s} {'found':>6s} {'recall':>7s} "
                 f"{'called':>7s} {'true':>5s} {'precision':>9s}"]
        for pattern, s in sorted(self.scores.items()):
            lines.append(f"{pattern:18s} {s.figures:7d} {s.found:6d} {pct(s.recall):>7s} "
                         f"{s.called:7d} {s.true_called:5d} {pct(s.precision):>9s}")
        t = self.total()
        lines.append(f"{'all':18s} {t.figures:7d} {t.found:6d} {pct(t.recall):>7s} "
                     f"{t.called:7d} {t.true_called:5d} {pct(t.precision):>9s}")
        return "\n".join(lines)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def evaluate_key(text: str, key: list[Expected], name: str = "fixture",
                 extractor=extract_text, into: KeyedEvaluation | None = None) -> KeyedEvaluation:
    """Score the extractor on one text against its hand-made key, per pattern."""
    result = into or KeyedEvaluation({}, [], [], [], [])
    mentions = extractor(text)
    by_start = {m.start: m for m in mentions if m.kind in FIGURE_KINDS}
    figure_starts = {e.start for e in key if e.kind in FIGURE_KINDS}

    for e in key:
        score = result.scores.setdefault(e.pattern, PatternScore())
        where = f"{name}:{e.line} {e.mention!r} ({e.pattern})"
        if e.kind in FIGURE_KINDS:
            score.figures += 1
            got = by_start.get(e.start)
            direction = getattr(got, "direction", "") if got else ""
            if got is None:
                shown = [f"{m.text!r} as {m.kind}" for m in mentions if m.start < e.end and e.start < m.end]
                problem = "not found" + (f" (read {', '.join(shown)})" if shown else "")
            elif not (_close(got.value, e.value) and _close(got.value_high, e.value_high)):
                problem = f"value {got.value}~{got.value_high}, expected {e.value}~{e.value_high}"
            elif got.unit != e.unit:
                problem = f"unit {got.unit!r}, expected {e.unit!r}"
            elif got.qualifier != e.qualifier:
                problem = f"qualifier {got.qualifier}, expected {e.qualifier}"
            elif direction != e.direction:
                problem = f"direction {direction!r}, expected {e.direction!r}"
            else:
                score.found += 1
                continue
            result.misses.append(f"{where}: {problem}")
        else:
            overlapping = [m for m in mentions if m.start < e.end and e.start < m.end]
            figures = [m for m in overlapping if m.kind in FIGURE_KINDS]
            if figures:
                result.non_figures_called_figures.append(
                    f"{where}: a {e.kind} read as {', '.join(f'{m.text!r} ({m.kind})' for m in figures)}")
            elif e.kind != "none" and not any(m.kind == e.kind for m in overlapping):
                shown = ", ".join(f"{m.text!r} as {m.kind}" for m in overlapping) or "nothing"
                result.kind_disagreements.append(f"{where}: expected {e.kind}, read {shown}")

    for m in by_start.values():
        place = next((e for e in key if e.start == m.start), None) or next(
            (e for e in key if e.start < m.end and m.start < e.end), None)
        score = result.scores.setdefault(place.pattern if place else "unlisted", PatternScore())
        score.called += 1
        if m.start in figure_starts:
            score.true_called += 1
        else:
            line = text.count("\n", 0, m.start) + 1
            result.false_figures.append(f"{name}:{line} {m.text!r} read as {m.kind}"
                                        f" ({place.kind + ', ' + place.pattern if place else 'unlisted'})")
    return result


def evaluate_fixtures(folder: Path, extractor=extract_text) -> KeyedEvaluation:
    """Score the extractor on every annotated fixture (*.txt) of a folder."""
    result = KeyedEvaluation({}, [], [], [], [])
    for path in sorted(Path(folder).glob("*.txt")):
        text, key = read_annotated(path.read_text(encoding="utf-8"), path.name)
        evaluate_key(text, key, path.name, extractor, result)
    return result


def main(argv: list[str]) -> int:
    """python -m analysis.extract.evaluate FOLDER: recall and precision per pattern."""
    if len(argv) != 1:
        print("usage: python -m analysis.extract.evaluate FOLDER_OF_ANNOTATED_FIXTURES", file=sys.stderr)
        return 2
    result = evaluate_fixtures(Path(argv[0]))
    print(result.table())
    for title, items in (("missed or misread figures", result.misses),
                         ("read as figures, not figures", result.false_figures),
                         ("non-figures of another kind", result.kind_disagreements)):
        if items:
            print(f"\n{title} ({len(items)}):")
            print("\n".join(f"  {item}" for item in items))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
