"""A new report end to end, on a synthetic report written for these tests (tests/synthetic/):
text -> extract --draft -> the curator's names -> validate -> audit -> report card and audit
notebooks. Every expected number below is counted from the curator's files or the draft, never
from the code that makes the card."""

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import DATA_DIR
from analysis.__main__ import main
from analysis.briefing.notebooks import NOTEBOOKS, run
from tests.curate import add_report, append_rows, fill_names, read

HERE = Path(__file__).parent / "synthetic"
TEXT = HERE / "synthetic-2023.txt"
REPORT = "synthetic-2023"
VALUE_COLUMNS = ("section", "value", "value_high", "unit", "qualifier", "direction", "mention", "quote")


def curate(draft: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The curator's step: names from tests/synthetic/curation/, matched to the draft's rows."""
    names = {(r["section"], r["mention"]): r for r in read(HERE / "curation" / "figures.csv")}
    figures = []
    for row in draft["figures"]:
        named = names.pop((row["section"], row["mention"]))  # a draft figure the curator did not name fails here
        figures.append({**row, **{k: named[k] for k in ("figure_id", "topic", "indicator_zh", "indicator_en",
                                                        "noun_en", "noun_en_singular", "period")}})
    assert names == {}, f"curated figures the draft does not have: {list(names)}"
    titles = {r["section"]: r["title_en"] for r in read(HERE / "curation" / "sections.csv")}
    units = {r["unit"]: r for r in read(HERE / "curation" / "units.csv")}
    report = read(HERE / "curation" / "reports.csv")[0]
    return {
        "reports": [{**row, **report} for row in draft["reports"]],
        "sections": [{**row, "title_en": titles[row["section"]]} for row in draft["sections"]],
        "units": [{**row, **units[row["unit"]]} for row in draft["units"]],
        "figures": figures,
        "non_figures": draft["non_figures"],
    }


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """data/ with the synthetic report added as a curator would add it; the draft and curated rows."""
    root = tmp_path_factory.mktemp("synthetic")
    assert main(["extract", str(TEXT), "--draft", "--report-id", REPORT, "-o", str(root / "draft")]) == 0
    draft = {name: read(root / "draft" / f"{name}.csv") for name in
             ("reports", "sections", "units", "figures", "non_figures")}
    curated = curate(draft)
    data = root / "data"
    shutil.copytree(DATA_DIR, data)
    add_report(data, TEXT, curated)
    add_links(data)
    return data, draft, curated


def add_links(data: Path) -> None:
    """The curator's tables that link figures: the breakdowns, and how the stated rates are computed."""
    for table in ("breakdowns", "rate_parts"):
        append_rows(data / f"{table}.csv", [{"report_id": REPORT, **r} for r in read(HERE / "curation" / f"{table}.csv")])


def test_the_synthetic_report_is_labelled_and_never_real_data():
    text = TEXT.read_text(encoding="utf-8")
    assert "虚构" in text.splitlines()[1] and "不是真实报告" in text
    assert all("synthetic" not in r["report_id"] for r in read(DATA_DIR / "reports.csv"))
    assert not (DATA_DIR / "raw" / TEXT.name).exists()


def test_the_curator_changes_names_only(package):
    _, draft, curated = package
    for drafted, named in zip(draft["figures"], curated["figures"]):
        assert {k: drafted[k] for k in VALUE_COLUMNS} == {k: named[k] for k in VALUE_COLUMNS}
    assert fill_names(curated) == curated  # nothing left for a placeholder to fill


def test_the_new_report_validates_with_every_number_accounted_for(package, capsys):
    data, _, _ = package
    assert main(["validate", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "unaccounted 0; counted twice 0" in out


def test_the_audit_runs_for_the_new_report(package):
    data, _, curated = package
    result = subprocess.run([sys.executable, "-m", "analysis", "audit", "--report", REPORT, "--data", str(data),
                             "--format", "json"], capture_output=True, text=True, check=True)
    found = {f["finding_id"]: f for f in json.loads(result.stdout)["findings"]}
    figures = {r["figure_id"]: float(r["value"]) for r in curated["figures"]}
    parts = [r["figure_id"] for r in read(HERE / "curation" / "breakdowns.csv") if r["parent_id"] == "review_cases"]
    assert found["sum-review_cases"]["verdict"] == ("sums" if sum(figures[p] for p in parts) ==
                                                     figures["review_cases"] else "does_not_sum")
    assert found["subset-case_files_checked"]["verdict"] == "within"
    rates_over_100 = [i for i, v in figures.items() if v > 100 and
                      next(r for r in curated["figures"] if r["figure_id"] == i)["unit"] == "%"]
    assert rates_over_100 == ["head_appearance_rate"]
    assert found["over-100-head_appearance_rate"]["severity"] == "material"
    damaged = [r for r in curated["non_figures"] if r["damaged"] == "true"]
    assert [f for f in found.values() if f["check"] == "damaged_text"] and len(damaged) == sum(
        f["check"] == "damaged_text" for f in found.values())
    # the stated rate the curator declared (18 of 260 case files, stated 6.9%), recomputed from its parts
    declared = read(HERE / "curation" / "rate_parts.csv")
    rate_id, = {r["rate_id"] for r in declared}
    num, den = (sum(figures[r["figure_id"]] for r in declared if r["part"] == part) for part in ("numerator", "denominator"))
    mention = next(r["mention"] for r in curated["figures"] if r["figure_id"] == rate_id)
    places = len(mention.rstrip("%").partition(".")[2])
    assert f"{100 * num / den:.{places}f}%" == mention  # 18/260 = 6.92%, written 6.9%
    rate = found[f"rate-{rate_id}"]
    assert (rate["verdict"], rate["severity"]) == ("reproduced", "note")
    assert rate["figure_ids"] == [rate_id, *(r["figure_id"] for r in declared)]
    assert [(d["numerator"], d["denominator"]) for d in rate["details"]["readings"]] == [(num, den)]


def run_notebook(name: str, data: Path, lang: str = "en") -> str:
    """Run a notebook for the synthetic report; its printed text and HTML, errors asserted absent
    (a missing Chinese glyph would show on stderr)."""
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = f'REPORT = "{REPORT}"\nDATA = {str(data)!r}\nLANG = "{lang}"'
    run(nb, NOTEBOOKS)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.output_type != "error", out
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text
            parts.append(out.get("text", "") + "".join(out.get("data", {}).get("text/html", "")))
    return "\n".join(parts)


def test_the_report_card_runs_for_the_new_report(package):
    data, draft, curated = package
    shown = run_notebook("report-card.ipynb", data)
    report = read(HERE / "curation" / "reports.csv")[0]
    assert report["title_en"] in shown
    assert f"{len(curated['figures'])} figures; the text writes" in shown
    opening = [r for r in curated["figures"] if r["section"] == "导语"]
    assert f"导语 Opening: {len(opening)} figures" in shown
    assert "[Check before quoting]" in shown and "104%" in shown
    damaged = sum(r["damaged"] == "true" for r in curated["non_figures"])
    assert f"{damaged} places where the published text was damaged" in shown
    declared = {r["rate_id"] for r in read(HERE / "curation" / "rate_parts.csv")}
    rates = [r["figure_id"] for r in curated["figures"] if r["unit"] == "%" and not r["direction"]]
    unchecked = [r for r in rates if r not in declared]
    assert declared and unchecked  # one rate of each kind
    said = f"{len(unchecked)} stated rates without a definition to recompute them"
    listed = shown.split(said)[1]  # the last cell: the unchecked rates
    assert all(r in listed for r in unchecked) and not any(r in listed for r in declared)


def test_the_report_card_runs_in_chinese(package):
    data, _, curated = package
    shown = run_notebook("report-card.ipynb", data, lang="zh")  # no stderr: no glyph is missing
    assert "[引用前须核实]" in shown and "104%" in shown
    assert f"{len(curated['figures'])} figures" in shown


def test_the_audit_notebook_runs_for_the_new_report(package):
    data, _, _ = package
    shown = run_notebook("report-checks.ipynb", data)
    assert "over-100-head_appearance_rate" in shown and "sum-review_cases" in shown
    assert "rate-problem_case_file_share" in shown  # declared in the curator's rate_parts.csv


def test_the_data_folder_is_chosen_before_anything_is_read(package):
    data, _, _ = package
    code = ("import analysis; analysis.load_figures(); "
            f"analysis.use_data({str(data)!r})")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode != 0 and "call analysis.use_data(...) before reading any table" in result.stderr
    code = (f"import analysis; analysis.use_data({str(data)!r}); "
            f"print(len(analysis.load_figures({REPORT!r})))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(result.stdout) == len(read(HERE / "curation" / "figures.csv"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_draft_taken_through_libreoffice_and_back_still_validates(package, tmp_path, capsys):
    """The draft opened in LibreOffice Calc and saved again as CSV (UTF-8), as a curator would."""
    draft = tmp_path / "draft"
    assert main(["extract", str(TEXT), "--draft", "--report-id", REPORT, "-o", str(draft)]) == 0
    saved = tmp_path / "saved"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--infilter=CSV:44,34,76,1", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
                    "--outdir", str(saved), *map(str, sorted(draft.glob("*.csv")))],
                   check=True, capture_output=True, timeout=300)
    tables = {name: read(saved / f"{name}.csv") for name in ("reports", "sections", "units", "figures", "non_figures")}
    assert [r["value"] for r in tables["figures"]] == [r["value"] for r in read(draft / "figures.csv")]
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    add_report(data, TEXT, curate(tables))
    add_links(data)
    assert main(["validate", "--data", str(data)]) == 0, capsys.readouterr().err
