"""The one schema, data/datapackage.json, read by frictionless and by this package."""

import json
import re

import pytest

from analysis import DATA_DIR, DataError, load_package
from tests.conftest import edit_row

frictionless = pytest.importorskip("frictionless")
ROOT = DATA_DIR.parent


def frictionless_report(data_dir):
    return frictionless.validate(str(data_dir / "datapackage.json"))


def test_frictionless_finds_the_package_valid():
    report = frictionless_report(DATA_DIR)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_and_the_loader_reject_the_same_bad_cell(data_copy):
    edit_row(data_copy / "figures.csv", {"figure_id": "hotline_requests"}, value="many")
    report = frictionless_report(data_copy)
    assert not report.valid
    assert ["value", "type-error"] in report.flatten(["fieldName", "type"])
    with pytest.raises(DataError, match="field 'value': rule 'type: number'"):
        load_package(data_copy)


def test_frictionless_and_the_loader_reject_the_same_unknown_figure_in_a_rate(data_copy):
    edit_row(data_copy / "rate_parts.csv", {"rate_id": "leader_cases_resolution_rate"}, figure_id="no_such_figure")
    report = frictionless_report(data_copy)
    assert [(t.name, e.row_number, e.type) for t in report.tasks for e in t.errors] == [
        ("rate_parts", 2, "foreign-key")]
    with pytest.raises(DataError, match="rate_parts.csv, line 2 .*field 'figure_id': rule 'foreignKey'"):
        load_package(data_copy)


def test_every_field_is_described():
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource.get("description"), resource["name"]
        for field in resource["schema"]["fields"]:
            assert field.get("description"), f"{resource['name']}.{field['name']}"
            assert re.fullmatch(r"[a-z][a-z0-9_]*", field["name"]), field["name"]


def test_the_data_dictionary_is_the_schema():
    from analysis.__main__ import DICTIONARY_END, DICTIONARY_START
    from analysis.tables.schema import markdown_dictionary

    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    readme = (DATA_DIR / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(DICTIONARY_START) + len(DICTIONARY_START):readme.index(DICTIONARY_END)]
    assert block.strip() == markdown_dictionary(descriptor).strip(), (
        "data/README.md's data dictionary is stale: run python -m analysis dictionary --write data/README.md")
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            assert f"| `{field['name']}` |" in block


def test_every_table_carries_a_report_id_or_is_a_glossary():
    glossaries = {"themes", "topics", "units", "glossary", "outline_tasks", "references"}  # shared by every report
    descriptor = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        assert "report_id" in names or resource["name"] in glossaries, resource["name"]


def test_recorded_hash_is_the_raw_file_hash():
    import hashlib
    package = load_package()
    for _, report in package.tables["reports"].iterrows():
        digest = hashlib.sha256((DATA_DIR / report["raw_path"]).read_bytes()).hexdigest()
        assert digest == report["sha256"]
