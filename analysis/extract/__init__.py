"""Reading a new report: every numeric mention in its text (`mentions`), draft tables in the
package's schema (`draft`), and how well the reading agrees with hand-made keys and curated reports
(`evaluate`). Imports `tables` and `language`."""

from .draft import draft_rows, draft_tables, write_draft
from .mentions import (
    FIELDS,
    FIGURE_KINDS,
    KINDS,
    ExtractError,
    Extractor,
    Mention,
    extract,
    extract_text,
    page_metadata,
    write,
)

__all__ = ["FIELDS", "FIGURE_KINDS", "KINDS", "ExtractError", "Extractor", "Mention", "draft_rows",
           "draft_tables", "extract", "extract_text", "page_metadata", "write", "write_draft"]
