"""What the briefing writes for other programs, read back: the one-page briefings, the
slides, the spreadsheet and CSVs, and the charts' SVGs."""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.oxml.ns import qn  # noqa: E402

import analysis  # noqa: E402
from analysis.briefing import messages, onepage, slides, spreadsheets  # noqa: E402
from analysis.charts import catalogue, frame  # noqa: E402
from analysis.tables.package import DATA_DIR  # noqa: E402
from analysis.audit.checks import audit  # noqa: E402
from reading import chinese_outside_zh  # noqa: E402

LANGS = ["zh", "en"]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def charts_dir(tmp_path_factory):
    """The briefing's charts, exported as `make briefing` exports them."""
    out = tmp_path_factory.mktemp("charts")
    for lang in LANGS:
        for chart_id in messages.chart_ids():
            fig = catalogue.chart(chart_id, lang)
            frame.save(fig, out / lang, chart_id)
            plt.close(fig)
    return out


# ------------------------------------------------------------------ the messages


@pytest.mark.parametrize("lang", LANGS)
def test_the_year_in_five_to_eight_messages_each_with_a_catalogue_chart(lang):
    found = messages.messages(lang)
    assert 5 <= len(found) <= 8
    ids = [m.chart_id for m in found]
    assert len(set(ids)) == len(ids)
    assert set(ids) <= {spec.chart_id for spec in catalogue.CATALOGUE}
    for m in found:
        assert m.heading and m.headline and m.headline_what and 1 <= len(m.sentences) <= 2
        assert m.headline in m.heading or m.message_id == "commitments"


def test_headline_numbers_carry_their_qualifier():
    zh = {m.message_id: m for m in messages.messages("zh")}
    en = {m.message_id: m for m in messages.messages("en")}
    assert zh["services"].headline == "440多万条"
    assert en["services"].headline == "4.4 million+ credit records"
    assert zh["review"].headline == "15起" and en["review"].headline == "15 cases"


def test_no_number_is_typed_into_a_template():
    """Every digit a reader sees comes from data: the templates' literal text has none (the
    hotline's name, 12345, aside). Format specifications ({x:.1f}) are not text."""
    import ast
    from pathlib import Path

    for module in (messages, onepage):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        skip = {id(n.format_spec) for n in ast.walk(tree) if isinstance(n, ast.FormattedValue) and n.format_spec}
        skip |= {id(n.body[0].value) for n in ast.walk(tree)  # docstrings are not templates
                 if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                 and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.JoinedStr):
                texts = [v.value for v in node.values if isinstance(v, ast.Constant)]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"[\u4e00-\u9fff ]", node.value):
                texts = [node.value]
            else:
                continue
            for text in texts:
                words = re.sub(r"</?h[1-6]\b", "", text).replace("12345", "")  # heading tags are not numbers
                assert not re.search(r"\d", words), (module.__name__, text)


@pytest.mark.parametrize("lang", LANGS)
def test_what_the_figures_do_not_show_and_the_caveats_are_sentences(lang):
    for sentence in messages.not_shown(lang) + messages.caveats(lang):
        assert "_" not in sentence and "[" not in sentence  # no ids, no log lines
        assert sentence.endswith("。" if lang == "zh" else ".")
    assert any("人次" in s for s in messages.not_shown(lang))
    serious = [f for f in audit() if f.severity != "note" and f.check != "damaged_text"]
    assert len(messages.caveats(lang)) >= len(serious)


def test_the_english_briefing_names_terms_as_the_glossary_does():
    """A Chinese term in parentheses follows its glossary English: visits or attendances (人次)."""
    from analysis.tables.glossary import term_problems

    found = messages.messages("en")
    texts = [t for m in found for t in (m.heading, m.headline_what, *m.sentences)]
    texts += messages.not_shown("en") + messages.caveats("en")
    assert [(t, term_problems(t)) for t in texts if term_problems(t)] == []
    assert any("visits or attendances (人次)" in t for t in texts)


# ------------------------------------------------------------------ the pages


@pytest.fixture(scope="module")
def pages(charts_dir):
    return {lang: BeautifulSoup(onepage.render(lang), "html.parser") for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_the_briefing_page(pages, lang):
    soup = pages[lang]
    assert soup.html["lang"] == ("zh-CN" if lang == "zh" else "en")
    facts = [dd.get_text() for dd in soup.find("dl", class_="facts").find_all("dd")]
    report = analysis.load_table("reports").iloc[0]
    assert report[f"title_{lang}"] in facts[0] and str(report["year"]) in facts
    found = messages.messages(lang)
    sections = soup.find_all("section", class_="message")
    assert [s["id"] for s in sections] == [m.message_id for m in found]
    for section, m in zip(sections, found):
        assert m.heading in section.h2.get_text()
        assert section.find(class_="number").get_text() == m.headline
        img = section.find("figure").find("img")
        alt = catalogue.chart(m.chart_id, lang).chart_info.alt_text
        assert img["alt"] == frame.one_line(alt) and "\n" not in img["alt"]
        link = section.find("p", class_="more").a["href"]
        assert re.fullmatch(r"analysis\.html#\d\d[\w-]+", link)
    headings = [h.get_text() for h in soup.find_all("h2")]
    assert (["数字未能反映的情况", "审核提示", "完整分析"] if lang == "zh"
            else ["What the figures do not show", "Caveats from the audit", "The full analysis"]) == headings[-3:]
    assert chinese_outside_zh(soup) == []
    plt.close("all")


# ------------------------------------------------------------------ slides


@pytest.mark.parametrize("lang", LANGS)
def test_slides_have_one_slide_per_chart_with_title_source_and_alt_text(charts_dir, tmp_path, lang):
    deck = Presentation(str(slides.write(lang, tmp_path, charts_dir)))
    found = messages.messages(lang)
    assert len(deck.slides) == 1 + len(found)  # a title slide, then one per chart
    for slide, m in zip(list(deck.slides)[1:], found):
        info = json.loads((charts_dir / lang / f"{m.chart_id}.json").read_text(encoding="utf-8"))
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert texts[0] == m.heading and info["source"] in texts
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1
        assert pictures[0]._element.nvPicPr.cNvPr.get("descr") == info["alt_text"]
        assert slide.notes_slide.notes_text_frame.text.startswith(m.sentences[0])
    for slide in deck.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for run in (r for p in shape.text_frame.paragraphs for r in p.runs):
                props = run._r.find(qn("a:rPr"))
                assert props.get("lang") == ("zh-CN" if lang == "zh" else "en-US")
                assert props.find(qn("a:ea")).get("typeface") == slides.EAST_ASIAN_FONT
                children = [c.tag for c in props]
                assert children.index(qn("a:latin")) + 1 == children.index(qn("a:ea"))


# ------------------------------------------------------------------ spreadsheets


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    spreadsheets.write(out)
    return out


def committed_rows(name):
    with open(DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_workbook_holds_every_figure_as_committed(data_dir):
    book = load_workbook(data_dir / spreadsheets.WORKBOOK)
    assert book.sheetnames == list(spreadsheets.SHEETS.values())
    sheet = book[spreadsheets.SHEETS["figures"]]
    rows = list(sheet.iter_rows(values_only=True))
    chinese, fields, body = rows[0], rows[1], rows[2:]
    committed = committed_rows("figures")
    assert list(fields) == list(committed[0])
    assert all(re.search(r"[\u4e00-\u9fff]", c) for c in chinese)  # headers in Chinese, then field names
    assert len(body) == len(committed)
    types = {f["name"]: f["type"] for f in spreadsheets._figures_schema()}
    for row, want in zip(body, committed):
        got = dict(zip(fields, row))
        for name, text in want.items():
            if types[name] == "number" and name not in spreadsheets.TEXT_COLUMNS:
                assert (got[name] is None and text == "") or got[name] == float(text), (name, text)
            else:
                assert (got[name] or "") == text, (name, text)  # verbatim: 33.3% stays "33.3%", Chinese intact
    mentions = {dict(zip(fields, r))["mention"] for r in body}
    assert {"33.3%", "440多万条", "80%以上"} <= mentions
    for name in spreadsheets.TEXT_COLUMNS:  # stored as text cells, first figure
        assert sheet.cell(row=3, column=list(fields).index(name) + 1).data_type == "s", name


def test_the_workbook_lists_the_findings_and_describes_every_column(data_dir):
    book = load_workbook(data_dir / spreadsheets.WORKBOOK)
    findings = list(book[spreadsheets.SHEETS["findings"]].iter_rows(values_only=True))
    keys = findings[1]
    got = [dict(zip(keys, r)) for r in findings[2:]]
    want = spreadsheets.finding_rows()
    assert [g["finding_id"] for g in got] == [w["finding_id"] for w in want]
    assert [g["message_zh"] for g in got] == [w["message_zh"] for w in want]
    described = {(r[0], r[1]) for r in book[spreadsheets.SHEETS["columns"]].iter_rows(min_row=3, values_only=True)}
    figures_sheet = book[spreadsheets.SHEETS["figures"]]
    for field in next(figures_sheet.iter_rows(min_row=2, max_row=2, values_only=True)):
        assert (spreadsheets.SHEETS["figures"], field) in described
    for key in keys:
        assert (spreadsheets.SHEETS["findings"], key) in described


def test_the_workbook_is_the_same_from_run_to_run(data_dir, tmp_path):
    again = spreadsheets.write_workbook(tmp_path / "again.xlsx")
    assert again.read_bytes() == (data_dir / spreadsheets.WORKBOOK).read_bytes()


def test_every_table_is_a_csv_with_a_byte_order_mark_and_nothing_lost(data_dir):
    for source in sorted(DATA_DIR.glob("*.csv")):
        copy = data_dir / source.name
        raw = copy.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), source.name
        assert raw[3:] == source.read_bytes()
        with open(copy, encoding="utf-8-sig", newline="") as fh:
            assert list(csv.DictReader(fh)) == committed_rows(source.stem)
    findings = (data_dir / "audit_findings.csv").read_bytes()
    assert findings.startswith(b"\xef\xbb\xbf") and "应为".encode() in findings


def test_the_committed_tables_stay_utf8_without_a_byte_order_mark():
    for source in DATA_DIR.glob("*.csv"):
        raw = source.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), source.name
        raw.decode("utf-8")


# ------------------------------------------------------------------ SVG


@pytest.mark.parametrize("lang", LANGS)
def test_svgs_keep_text_as_text_with_named_fonts_a_title_and_a_description(charts_dir, lang):
    for chart_id in messages.chart_ids():
        text = (charts_dir / lang / f"{chart_id}.svg").read_text(encoding="utf-8")
        info = json.loads((charts_dir / lang / f"{chart_id}.json").read_text(encoding="utf-8"))
        root = ET.parse(io.StringIO(text)).getroot()
        children = [c for c in root]
        assert children[0].tag == f"{SVG}title" and children[0].text == info["title"]
        assert children[1].tag == f"{SVG}desc" and children[1].text == info["alt_text"]
        shown = re.sub(r"\s", "", "".join(t.text or "" for t in root.iter(f"{SVG}text")))
        for words in (info["title"], info["source"]):  # searchable, editable words, however wrapped
            assert re.sub(r"\s", "", words) in shown, words
        fonts = {t.get("style").split("font-family: ")[1].split(";")[0] for t in root.iter(f"{SVG}text")}
        assert all(f.startswith("'Noto Sans SC', 'Noto Sans CJK SC'") for f in fonts), fonts
        assert "\n" not in info["alt_text"]
