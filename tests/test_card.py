"""The report card's parts that the synthetic report does not reach: the national outline's tasks,
read from the package's mapping of sections to them."""

import json
import shutil
import subprocess
import sys

from analysis import DATA_DIR


def test_tasks_are_read_from_the_package_mapping():
    from analysis.briefing import card
    from analysis.tables import outline

    rows = card.tasks("ganxian-2020").set_index("task")
    coverage = outline.task_coverage("ganxian-2020")
    assert {str(n) for n in range(1, 8)} <= set(rows.index)
    assert rows["figures"].sum() == coverage["figures"].sum() > 0
    assert rows.loc["2", "task_en"] == coverage.set_index("number").loc[2, "title_en"]


def test_without_a_task_mapping_the_card_says_so(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "section_tasks"]
    (data / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    code = (f"import analysis; analysis.use_data({str(data)!r}); from analysis.briefing import card; "
            "print(card.task_table() is None, card.tasks('ganxian-2020') is None)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True"]


def test_the_card_notebooks_type_no_number_in_their_prose():
    import re

    import nbformat

    from analysis.briefing.notebooks import NOTEBOOKS
    for name in ("report-card.ipynb", "report-checks.ipynb"):
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        assert not re.search(r"\d", prose), name
        params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(params) == 1 and "REPORT = " in params[0].source and "DATA = None" in params[0].source
