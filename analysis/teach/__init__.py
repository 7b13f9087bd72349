"""The workshop's exercises and their instant feedback: `check(answer)`, `hint()` and
`solution()` per exercise, in the notebook's language, and the blank `____` that lets an
unanswered exercise run. Episodes e1 … e7 define the exercises; `build` turns the episode
sources in workshop/ into learner and solutions notebooks and the facilitator's guide.
Imports every sub-package beneath it."""

from .core import ____
from .helpers import paragraph, report_id, validate

__all__ = ["____", "paragraph", "report_id", "validate"]
