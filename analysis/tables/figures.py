"""The small API notebooks and users call: figures, one figure, its quantity, breakdowns, and
the commitments with the figures that measure them (search is in `explore`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..language.outline import OUTLINE_MARKER
from ..language.quantity import Quantity
from .package import load_package


# The figures table as users see it: the curated columns, the breakdown links and
# the glossary labels, in reading order. unit_en is the measure word's generic English;
# noun_en, where given, is what the figure counts, and labels prefer it.
FIGURE_COLUMNS = [
    "report_id", "figure_id", "chapter", "section", "theme", "topic", "topic_zh", "topic_en",
    "indicator_zh", "indicator_en", "value", "value_high", "unit", "unit_en", "unit_en_singular",
    "noun_en", "noun_en_singular", "measure", "qualifier", "direction", "period", "parent_id",
    "relation", "mention", "quote", "note",
]


# What each value of figures.period means, for readers.
PERIOD_LABELS = {
    "year": ("报告年度", "the reporting year (全年, a dated event)"),
    "year_to_date": ("年初至报告时", "from the start of the year to the time of writing (今年以来)"),
    "current": ("报告时的存量", "a stock at the time of writing (目前, 已)"),
    "cumulative": ("累计", "cumulative from a start the text does not give (累计, 以来)"),
    "target": ("年度目标", "an annual target, stated as met or as the aim (实现……目标)"),
    "plan": ("计划", "planned for a later period"),
    "unstated": ("未说明", "no time frame in the text"),
}


def load_table(name: str, report: str | None = None) -> pd.DataFrame:
    """One table of the package as a DataFrame (a copy), optionally for one report."""
    return _table(name, report).copy()


@lru_cache(maxsize=64)
def _table(name: str, report: str | None) -> pd.DataFrame:
    """A table, filtered once per report; callers inside the package must not modify it."""
    tables = load_package().tables
    if name not in tables:
        raise KeyError(f"no table {name!r}; the package has {sorted(tables)}")
    frame = tables[name]
    if report is not None and "report_id" in frame:
        _check_report(report)
        frame = frame[frame["report_id"] == report]
    return frame.reset_index(drop=True)


def load_figures(report: str | None = None) -> pd.DataFrame:
    """Every figure, with the English unit, topic and theme joined on for labelling."""
    return _figures(report).copy()


@lru_cache(maxsize=16)
def _figures(report: str | None = None) -> pd.DataFrame:
    """The joined figures table, built once per report; callers must not modify it."""
    figures = _table("figures", report)
    links = _table("breakdowns", report)
    topics = _table("topics", None)
    units = _table("units", None)
    out = (figures.merge(links, on=["report_id", "figure_id"], how="left")
           .merge(topics, on="topic", how="left")
           .merge(units, on="unit", how="left"))
    out["chapter"] = out["section"].str.extract(f"^({OUTLINE_MARKER.pattern})", expand=False)
    return out[FIGURE_COLUMNS]


def get_figure(figure_id: str, report: str | None = None) -> pd.Series:
    """One figure by id. With several reports loaded, name the report."""
    figures = _figures(report)
    found = figures[figures["figure_id"] == figure_id]
    if found.empty:
        close = figures.loc[figures["figure_id"].str.contains(figure_id.split("_")[0], regex=False),
                            "figure_id"].head(5).tolist()
        hint = f"; similar ids: {close}" if close else ""
        raise KeyError(f"no figure {figure_id!r}{' in ' + report if report else ''}{hint}")
    if len(found) > 1:
        raise KeyError(f"figure {figure_id!r} exists in reports {found['report_id'].tolist()}; "
                       "pass report=")
    return found.iloc[0].copy()


def value(figure_id: str, report: str | None = None) -> float:
    """The bare number of one figure, for arithmetic. It drops the figure's words: the
    qualifier (余/多 more than, 以上 at least, 约 about) and the high end of a range, so
    440多万条 gives 4400000.0 and 1-2名 gives 1.0. quantity() keeps them."""
    return float(get_figure(figure_id, report)["value"])


def quantity(figure_id: str, report: str | None = None) -> Quantity:
    """One figure's amount with its qualifier, range and unit: prints as 4.4 million+
    records (440多万条 in Chinese); float() of it raises unless the figure is exact."""
    return Quantity.of(get_figure(figure_id, report))


@dataclass(frozen=True)
class Breakdown:
    """A figure and the figures the report gives as its parts or subsets."""

    parent: pd.Series
    parts: pd.DataFrame

    def related(self, relation: str) -> pd.DataFrame:
        """The parts of one relation: part, subset or overlapping."""
        return self.parts[self.parts["relation"] == relation]

    @property
    def parts_sum(self) -> float:
        return float(self.related("part")["value"].sum())

    @property
    def is_exhaustive(self) -> bool:
        """True when the report lists categories meant to make up the whole."""
        return not self.related("part").empty


def breakdown(figure_id: str, report: str | None = None) -> Breakdown:
    """A parent figure and its parts, in the report's order."""
    parent, parts = _breakdown(figure_id, report)
    return Breakdown(parent.copy(), parts.copy())


def shared_breakdown(figure_id: str, report: str | None = None) -> Breakdown:
    """breakdown() without the copies, for the package's own read-only use (charts)."""
    return Breakdown(*_breakdown(figure_id, report))


@lru_cache(maxsize=256)
def _breakdown(figure_id: str, report: str | None) -> tuple[pd.Series, pd.DataFrame]:
    parent = get_figure(figure_id, report)
    figures = _figures(parent["report_id"])
    parts = figures[figures["parent_id"] == figure_id].reset_index(drop=True)
    if parts.empty:
        raise KeyError(f"figure {figure_id!r} has no parts; figures with parts: "
                       f"{sorted(figures['parent_id'].dropna().unique().tolist())}")
    return parent, parts


def parents(report: str | None = None) -> list[str]:
    """Ids of every figure that has parts, in report order."""
    figures = _figures(report)
    ids = figures["parent_id"].dropna().unique().tolist()
    return [f for f in figures["figure_id"] if f in ids]


def non_figures(report: str | None = None) -> pd.DataFrame:
    """Numbers that are not figures: the non_figures table plus the outline markers,
    which the sections table accounts for (each heading is quoted with its marker)."""
    listed = load_table("non_figures", report)
    sections = load_table("sections", report)
    markers = sections[sections["heading"].str.match(r"[(（]?[0-9０-９]")].copy()  # markers in digits
    outline = pd.DataFrame({
        "report_id": markers["report_id"],
        "item_id": "outline-" + markers["section"],
        "kind": "outline_marker",
        "mention": markers["heading"].str.extract(f"^({OUTLINE_MARKER.pattern})", expand=False),
        "quote": markers["heading"],
        "reading": None,
        "damaged": False,
        "reason": "Outline marker of section " + markers["section"],
    })
    out = pd.concat([listed, outline.astype(listed.dtypes.to_dict())], ignore_index=True)
    return out


def commitment_table(report: str | None = None) -> pd.DataFrame:
    """The shortcomings and next year's priorities (sections 三 and 四), each with the
    number of this report's figures that could measure progress on it (0: none)."""
    commitments = load_table("commitments", report)
    measures = load_table("commitment_measures", report)
    counts = measures.groupby(["report_id", "commitment_id"]).size().rename("figures")
    table = commitments.join(counts, on=["report_id", "commitment_id"])
    table["figures"] = table["figures"].fillna(0).astype(int)
    return table


def _check_report(report: str) -> None:
    known = load_package().tables["reports"]["report_id"].tolist()  # not _table: it calls us
    if report not in known:
        raise KeyError(f"no report {report!r}; the package has {known}")
