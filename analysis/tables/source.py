"""The vendored raw text of each report, and where quotes and mentions sit in it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .encoding import guess_encoding
from .schema import Problem, spreadsheet_hint

# A mention starting with a digit must not continue a longer number ("3个" is not in "13个").
_DIGIT = re.compile(r"[0-9０-９.]")
# The numbers and times written in a quote, as a spreadsheet might have rewritten them.
_WRITTEN = re.compile(r"[+]?[0-9][0-9.]*%?|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_raw(data_dir: Path, report: dict, problems: list[Problem]) -> str | None:
    """The raw text of one report row, if the file exists and matches its recorded hash."""
    path = data_dir / report["raw_path"]
    where = ("reports.csv", report["_line"])
    if not path.exists():
        problems.append(Problem(*where, "raw_path", "file exists", f"{path} is missing"))
        return None
    digest = sha256_of(path)
    if digest != report["sha256"]:
        problems.append(Problem(*where, "sha256", "raw file hash",
                                f"{report['raw_path']} has sha256 {digest}, "
                                f"the table records {report['sha256']}; the raw file has changed"))
        return None
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        problems.append(Problem(*where, "raw_path", "encoding",
                                f"{report['raw_path']} is not UTF-8 (it looks like "
                                f"{guess_encoding(path.read_bytes())}); convert the text to UTF-8, "
                                "then record its new sha256"))
        return None


def find_all(text: str, part: str) -> list[int]:
    """Start offsets of every occurrence of part in text (overlaps included)."""
    found, start = [], text.find(part)
    while start != -1:
        found.append(start)
        start = text.find(part, start + 1)
    return found


def find_mention(quote: str, mention: str) -> list[int]:
    """Offsets of mention in quote, skipping places where it is the tail of a longer number."""
    return [i for i in find_all(quote, mention)
            if not (i > 0 and _DIGIT.match(quote[i - 1]) and _DIGIT.match(mention[0]))
            and not (i + len(mention) < len(quote) and _DIGIT.match(mention[-1])
                     and _DIGIT.match(quote[i + len(mention)]))]


def locate(raw: str, row: dict, file: str, problems: list[Problem],
           quote_field: str = "quote", mention_field: str | None = "mention") -> tuple[int, int] | None:
    """Where the row's mention sits in the raw text: (start, end) offsets.

    The quote must occur exactly once in the raw text and the mention exactly once
    in the quote. Without a mention field, returns the span of the quote itself.
    """
    quote = row[quote_field]
    if quote is None:
        return None
    places = find_all(raw, quote)
    if len(places) != 1:
        detail = ("is not in the raw text" if not places else
                  f"occurs {len(places)} times in the raw text; lengthen it so it names one place")
        problems.append(Problem(file, row["_line"], quote_field, "quote in source",
                                f"{_short(quote)!r} {detail}"))
        return None
    if mention_field is None:
        return places[0], places[0] + len(quote)
    mention = row[mention_field]
    if mention is None:
        return None
    inside = find_mention(quote, mention)
    if len(inside) != 1:
        detail = ("is not in its quote" + spreadsheet_hint(mention, _WRITTEN.findall(quote)) if not inside else
                  f"occurs {len(inside)} times in its quote; add the words that tell them apart")
        problems.append(Problem(file, row["_line"], mention_field, "mention in quote",
                                f"{mention!r} {detail}: {_short(quote)!r}"))
        return None
    start = places[0] + inside[0]
    return start, start + len(mention)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
