"""The report card's parts that the synthetic report does not reach: the national outline's tasks,
read from the package once it maps sections or figures to them."""

import json
import shutil
import subprocess
import sys

from analysis import DATA_DIR
from tests.curate import read


def test_tasks_are_read_from_the_package_when_it_maps_them(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"].append({
        "name": "outline_tasks", "path": "outline_tasks.csv", "encoding": "utf-8",
        "description": "Which sections answer which task of the national outline (a test's stand-in).",
        "schema": {"fields": [
            {"name": "report_id", "type": "string", "description": "The report."},
            {"name": "section", "type": "string", "description": "A section path."},
            {"name": "task", "type": "integer", "description": "The task, 1 to 7."},
            {"name": "task_en", "type": "string", "description": "The task in English."}]}})
    (data / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    (data / "outline_tasks.csv").write_text(
        "report_id,section,task,task_en\n"
        "ganxian-2020,一、(一),5,Checks on and oversight of administrative power\n"
        "ganxian-2020,一、(二),4,\"Strict, regulated, fair and civil law enforcement\"\n", encoding="utf-8")
    code = (f"import analysis; analysis.use_data({str(data)!r}); from analysis.briefing import card; "
            "print(card.tasks('ganxian-2020').to_json(orient='records', force_ascii=False))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rows = {r["task"]: r for r in json.loads(result.stdout)}
    figures = read(DATA_DIR / "figures.csv")
    for task, section in ((5, "一、(一)"), (4, "一、(二)")):
        assert rows[task]["figures"] == sum(f["section"].startswith(section) for f in figures)
    assert rows[5]["task_en"].startswith("Checks on")


def test_without_a_task_table_the_card_says_so():
    from analysis.briefing import card
    assert card.task_table() is None and card.tasks("ganxian-2020") is None


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
