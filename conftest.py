"""Which notebooks pytest collects: the package's own (notebooks/ and the workshop's
solutions), never a learner's copy (…-Copy1.ipynb, Untitled.ipynb) or workspace."""

from analysis.briefing.notebooks import is_own


def pytest_ignore_collect(collection_path, config):
    if collection_path.suffix == ".ipynb" and not is_own(collection_path):
        return True
    return None
