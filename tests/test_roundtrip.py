"""A curator's round trip: tables saved from Excel or LibreOffice load exactly as the originals;
a table in another encoding, or a data folder that is not there, gets a one-line error. The
project's validator and `frictionless validate` agree on every case tried here."""

import csv
import io

import pytest

from analysis import DataError, load_package
from analysis.__main__ import main
from analysis.tables.source import sha256_of
from tests.conftest import edit_row

frictionless = pytest.importorskip("frictionless")


def rewrite(path, *, bom=True, newline="\n", quoting=csv.QUOTE_MINIMAL, encoding="utf-8", cells=None):
    """Save a table again as a spreadsheet would: a byte-order mark, CRLF, quoted cells, an encoding."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if cells:
        rows = [rows[0]] + [[cells(name, value) for name, value in zip(rows[0], row)] for row in rows[1:]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline, quoting=quoting).writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode(encoding))


def excel_general(name, value):
    """Excel's General format: 12 digits and more become scientific notation (1E+11)."""
    if name in ("value", "value_high") and value.isdigit() and len(value) >= 12:
        return f"{float(value):.4E}".replace(".0000", "")
    return value


def verdicts(data_dir):
    """(the loader's verdict, frictionless's verdict): True when valid."""
    try:
        load_package(data_dir)
        ours = True
    except DataError:
        ours = False
    return ours, frictionless.validate(str(data_dir / "datapackage.json")).valid


def tables(data_dir):
    return load_package(data_dir).tables


@pytest.mark.parametrize("style", ["excel", "libreoffice"])
def test_tables_saved_from_a_spreadsheet_load_exactly_as_the_originals(data_copy, style):
    original = load_package()
    for path in sorted(data_copy.glob("*.csv")):
        if style == "excel":
            rewrite(path, newline="\r\n", cells=excel_general)
        else:
            rewrite(path, quoting=csv.QUOTE_ALL)
    assert verdicts(data_copy) == (True, True)
    reread = tables(data_copy)
    for name, frame in original.tables.items():
        assert reread[name].equals(frame), name


def test_a_value_excel_writes_in_scientific_notation_reads_the_same(data_copy):
    # 149.33亿 is 14933000000: eleven digits, written out; a twelfth would be 1.4933E+11 in Excel
    path = data_copy / "figures.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    row = next(line for line in text.splitlines() if ",440多万条," in line)
    text = text.replace(row, row.replace(",4400000,", ",4.4E+06,"))
    path.write_text(text, encoding="utf-8")
    assert verdicts(data_copy) == (True, True)
    assert tables(data_copy)["figures"].equals(load_package().tables["figures"])


@pytest.mark.parametrize("encoding, words", [
    ("gbk", "GBK/GB18030, as Excel and WPS save “CSV” on Chinese Windows"),
    ("utf-16", "UTF-16"),
])
def test_a_table_in_another_encoding_gets_one_line_naming_file_encoding_and_remedy(
        data_copy, capsys, encoding, words):
    rewrite(data_copy / "figures.csv", bom=False, encoding=encoding)
    assert verdicts(data_copy) == (False, False)
    assert main(["validate", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert err.startswith("1 problem in the data package: figures.csv: rule 'encoding':")
    assert words in err and "CSV UTF-8" in err and "Unicode (UTF-8)" in err


def test_a_broken_cell_in_a_saved_table_is_still_found_by_both(data_copy):
    path = data_copy / "figures.csv"
    rewrite(path, newline="\r\n", cells=lambda name, value: "many" if name == "value" and value == "1506" else value)
    assert verdicts(data_copy) == (False, False)
    with pytest.raises(DataError, match="field 'value': rule 'type: number'"):
        load_package(data_copy)


def test_a_missing_data_folder_gets_one_line(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "no-such-folder")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"1 problem in the data package: {tmp_path / 'no-such-folder'}: rule 'data folder': "
                   "there is no such folder; give the folder that holds datapackage.json")


def test_a_folder_without_a_package_gets_one_line(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "has no datapackage.json" in err


def test_a_raw_text_that_is_not_utf8_is_named(data_copy):
    raw = data_copy / "raw" / "ganxian-2020-rule-of-law-report.txt"
    raw.write_bytes(raw.read_text(encoding="utf-8").encode("gb18030"))
    edit_row(data_copy / "reports.csv", {"report_id": "ganxian-2020"}, sha256=sha256_of(raw))
    with pytest.raises(DataError, match="is not UTF-8 .*GBK"):
        load_package(data_copy)
