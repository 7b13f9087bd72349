"""A figure's amount with its words: the number, the high end of a range, the qualifier
(余/多, 以上, 约) and the unit, so that none of them is lost on the way to a reader.

`Quantity` is what `analysis.quantity(figure_id)` returns. It prints as the report's
reader would say it (440多万条 / 4.4 million+ records) and refuses to turn silently into
a bare number: `float(q)` raises and says what would be dropped. Take `q.value` (the number
as written, the low end of a range) or `q.high` knowing what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import labels
from .labels import Lang, check_lang

# What each qualifier means for the true number, in words (en, zh).
MEANING = {
    "exact": ("exactly as stated", "确数"),
    "more_than": ("more than the number stated (余/多)", "多于所述数字（余、多）"),
    "at_least": ("at least the number stated (以上/至少)", "不少于所述数字（以上、至少）"),
    "approximately": ("about the number stated (约/近)", "约数（约、近）"),
    "range": ("somewhere in the range stated", "所述区间内的某个数"),
}


@dataclass(frozen=True)
class Quantity:
    """An amount as the report states it. value is the number written (the low end of a
    range), high the top of a range (None otherwise); qualifier one of MEANING."""

    value: float
    high: float | None
    qualifier: str
    unit: str
    unit_en: str
    unit_en_singular: str
    mention: str = ""
    figure_id: str = ""
    noun_en: str = ""  # what the figure counts, where the data names it (townships, handbooks)
    noun_en_singular: str = ""

    @classmethod
    def of(cls, row) -> "Quantity":
        """From a figures row (a pandas Series or a dict with the figures table's fields)."""
        high = row.get("value_high")
        text = lambda key: row.get(key) if isinstance(row.get(key), str) else ""  # noqa: E731
        return cls(float(row["value"]), None if high is None or high != high else float(high),
                   row["qualifier"], row["unit"], row["unit_en"], row["unit_en_singular"],
                   text("mention"), text("figure_id"), text("noun_en"), text("noun_en_singular"))

    @property
    def exact(self) -> bool:
        return self.qualifier == "exact"

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """What the report lets a reader say about the true number: (lowest, highest),
        None where it says nothing (no upper bound for 余 or 以上, none at all for 约)."""
        if self.qualifier == "exact":
            return self.value, self.value
        if self.qualifier == "range":
            return self.value, self.high
        if self.qualifier in ("more_than", "at_least"):
            return self.value, None
        return None, None

    def text(self, lang: Lang | None = None, compact: bool = False) -> str:
        """The amount in words of the language: 4400000多条 / 4,400,000+ records;
        compact shortens large numbers (440多万条 / 4.4 million+ records)."""
        return labels.amount(self._row(), check_lang(lang), compact=compact)

    def meaning(self, lang: Lang | None = None) -> str:
        en, zh = MEANING[self.qualifier]
        return zh if check_lang(lang) == "zh" else en

    def _row(self) -> dict:
        return {"value": self.value, "value_high": self.high, "qualifier": self.qualifier,
                "unit": self.unit, "unit_en": self.unit_en,
                "unit_en_singular": self.unit_en_singular, "noun_en": self.noun_en,
                "noun_en_singular": self.noun_en_singular, "mention": self.mention}

    def __str__(self) -> str:
        return self.text(compact=True)

    def __repr__(self) -> str:
        said = f"{self.mention} = " if self.mention else ""
        return f"Quantity({said}{self.text('en')}; {MEANING[self.qualifier][0]})"

    def __float__(self) -> float:
        if self.exact:
            return self.value
        name = self.figure_id or "this figure"
        raise TypeError(f"{name} is {self.mention or self.text('zh')}, {MEANING[self.qualifier][0]}: "
                        "float() would drop that. Use .value (the number as written, the low end "
                        "of a range) or .bounds, and say what it means.")
