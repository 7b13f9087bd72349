"""Reading a new report: every numeric mention in its text (`mentions`), and how well that
reading agrees with a curated report (`evaluate`). Imports `tables` and `language`."""

from .mentions import (
    DRAFT_FIELDS,
    FIGURE_KINDS,
    KINDS,
    ExtractError,
    Extractor,
    Mention,
    draft_rows,
    extract,
    extract_text,
    write,
)

__all__ = ["DRAFT_FIELDS", "FIGURE_KINDS", "KINDS", "ExtractError", "Extractor", "Mention",
           "draft_rows", "extract", "extract_text", "write"]
