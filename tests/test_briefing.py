"""The full analysis page: a reader's document built from the notebooks, offline, Chinese
marked as Chinese; the build's command line; the data package's version date."""

import datetime as dt
import json
import re
import shutil
import subprocess
import sys

import nbformat
import pytest
from bs4 import BeautifulSoup

import analysis
from analysis.briefing import html as page
from analysis.briefing.facts import data_version_date
from analysis.briefing.findings import SEVERITY_WORDS
from analysis.briefing.notebooks import ROOT, notebook_paths, run
from reading import chinese_outside_zh

@pytest.fixture(scope="module")
def stored_page():
    """The page built from the committed notebooks' stored outputs (no kernel)."""
    html, parts = page.full_page(notebook_paths(), {"en": "briefing-en.html", "zh": "briefing-zh.html"})
    return html, parts, BeautifulSoup(html, "html.parser")


def test_the_page_is_offline_and_holds_every_notebook_under_its_report_sections(stored_page):
    html, parts, soup = stored_page
    remote = [tag.get("src") or tag.get("href") for tag in soup.find_all(["img", "source", "a", "link", "script"])
              if re.match(r"https?:", tag.get("src") or tag.get("href") or "")]
    assert remote == []
    assert "<script" not in html and "<link" not in html  # styles are inline, no script at all
    assert len(parts) == len(notebook_paths())
    for path, part in zip(notebook_paths(), parts):
        first = nbformat.read(path, as_version=4).cells[0].source
        assert part.title in first.splitlines()[0]
        section = soup.find("section", id=path.stem)
        assert section is not None and section.h2.get_text() == part.title
        label = section.find(class_="part-label").get_text()
        for path_in_report in part.sections:  # the report's own section numbers, as the notebook names them
            assert page.shown(path_in_report) in label
    first_cell = nbformat.read(notebook_paths()[1], as_version=4).cells[0].source
    named = first_cell.split("**Sections.**")[1].split(":")[0]  # the paths named before the colon
    assert parts[1].sections == re.findall(r"[一二三四五六七八九十]+、(?:\([一二三四五六七八九十]+\))?", named)
    assert parts[1].sections  # 01 names its sections
    assert parts[0].sections == []  # 00 reads the whole report
    assert "The whole report" in soup.find("section", id=parts[0].stem).find(class_="part-label").get_text()


def test_the_cover_names_report_district_year_source_and_data_version(stored_page):
    _, _, soup = stored_page
    cover = soup.find("header", class_="title-block")
    facts = dict(zip([dt_.get_text() for dt_ in cover.find_all("dt")], [dd.get_text() for dd in cover.find_all("dd")]))
    report = analysis.load_table("reports").iloc[0]
    assert report["title_zh"] in facts["Report"] and report["title_en"] in facts["Report"]
    assert report["district_en"] in facts["District"] and facts["Year"] == str(report["year"])
    date = data_version_date()
    assert facts["Data version"] == f"{date.day} {date:%B %Y}"
    assert cover.find("a", href="briefing-zh.html") and cover.find("a", href="briefing-en.html")


def test_contents_link_to_every_part_and_heading_and_no_link_leads_to_a_notebook(stored_page):
    _, parts, soup = stored_page
    targets = [a["href"][1:] for a in soup.find("nav", class_="toc").find_all("a")]
    assert targets[0] == parts[0].stem and set(p.stem for p in parts) <= set(targets)
    for part in parts:
        assert [a for a, _ in part.headings] == [t for t in targets if t.startswith(part.stem + "-")]
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    internal = [a["href"][1:] for a in soup.find_all("a", href=True) if a["href"].startswith("#")]
    assert set(internal) <= ids
    assert not [a["href"] for a in soup.find_all("a", href=True) if ".ipynb" in a["href"]]


def test_no_code_cell_is_shown_and_printed_output_is_kept(stored_page):
    html, _, soup = stored_page
    assert "import analysis" not in html and "catalogue.chart(" not in html
    printed = " ".join(p.get_text() for p in soup.find_all("pre", class_="printed"))
    assert "Digit runs in the raw text" in printed  # a key number printed by notebook 00


def test_chinese_text_is_marked_chinese_and_the_page_english(stored_page):
    _, _, soup = stored_page
    assert soup.html["lang"] == "en"
    assert chinese_outside_zh(soup) == []


def test_every_table_row_is_labelled_for_narrow_screens(stored_page):
    _, _, soup = stored_page
    tables = soup.find_all("table")
    assert tables
    for table in tables:
        header = [th.get_text(strip=True) for th in table.select("thead tr")[-1].find_all(["th", "td"])]
        for row in table.select("tbody tr"):
            cells = row.find_all(["th", "td"])
            named = [c for c in cells if c.get("data-label")]
            assert len(named) >= len([h for h in header if h]) - 1, row.get_text()[:60]


def test_findings_show_as_callouts_with_a_plain_severity(stored_page):
    _, _, soup = stored_page
    callouts = soup.find_all("div", class_="finding")
    assert callouts
    severities = {c.find(class_="finding-severity").get_text() for c in callouts}
    assert severities <= {words["en"] for words in SEVERITY_WORDS.values()}
    assert not re.search(r"\[(material|minor|note|error|warning)\]", soup.get_text())  # no log lines


@pytest.mark.parametrize("fragment, expected", [
    ("<p>review (行政复议) and 2020年度</p>",
     '<p>review (<span lang="zh-CN">行政复议</span>) and 2020<span lang="zh-CN">年度</span></p>'),
    ('<p lang="zh-CN">已是中文 <b>加粗</b></p>', '<p lang="zh-CN">已是中文 <b>加粗</b></p>'),
    ("<p>the “Internet +” list</p>", "<p>the “Internet +” list</p>"),  # quotation marks alone stay
    ('<img alt="中文"><style>p{content:"中"}</style>', '<img alt="中文"><style>p{content:"中"}</style>'),
])
def test_mark_chinese(fragment, expected):
    assert page.mark_chinese(fragment) == expected


@pytest.mark.parametrize("line, sections", [
    ("**Sections.** 一、(四) and 二、(四): in 一、(四) …", ["一、(四)", "二、(四)"]),
    ("**Sections.** 三 and 四: 三 (shortcomings)", ["三、", "四、"]),
    ("**Sections.** All: the whole report", []),
])
def test_the_first_cell_gives_number_title_question_and_sections(line, sections):
    number, title, question, found, rest = page.first_cell(
        f"# 04 · Disputes\n\n**Question.** How many?\n\n{line}\n\nMore prose.", "04-x")
    assert (number, title, question, found, rest) == ("04", "Disputes", "How many?", sections, "More prose.")


def test_a_notebook_run_for_the_page_shows_reader_tables_and_charts_with_alt_text(tmp_path):
    """The page's kernel: a DataFrame becomes a reader's table, a chart a figure with its alt
    text and a narrow-screen image, without changing what the notebook itself says."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 99 · A test part\n\n**Question.** Does it work?\n\n**Sections.** 一、(一): x"),
        nbformat.v4.new_code_cell("import pandas as pd\nimport analysis\nfrom analysis.charts import catalogue, style\n"
                                  "style.use()\nanalysis.set_language('en')"),
        nbformat.v4.new_code_cell("pd.DataFrame({'figure_id': ['a_b'], 'section': ['一、'], 'value': [123.0], "
                                  "'rate': [33.3]}).set_index('figure_id')"),
        nbformat.v4.new_code_cell("fig = catalogue.chart('review_outcomes', 'en')"),
    ]
    source = tmp_path / "99-test.ipynb"
    nbformat.write(nb, source)
    started, done = [], []
    [executed] = page.execute_for_page([source], tmp_path / "out", on_start=started.append, on_done=done.append)
    assert started == done == [source]
    assert nbformat.read(source, as_version=4).cells[1].outputs == []  # the source is untouched
    part = page.notebook_part(nbformat.read(executed, as_version=4), executed.stem)
    soup = BeautifulSoup(part.body, "html.parser")
    table = soup.find("table")
    cells = [td.get_text() for td in table.find_all("td")]
    assert cells == ["一、", "123", "33.3", "a_b"]  # no index, whole number whole, figure id last
    assert table.find("th").get_text() == "Section"
    img = soup.find("figure", class_="chart").find("img")
    from analysis.charts import catalogue
    alt = catalogue.chart("review_outcomes", "en").chart_info.alt_text
    assert img["alt"] == alt.replace("\n", " ") and "\n" not in img["alt"] and "15 cases" in img["alt"]
    assert soup.find("source", media=True)["srcset"].startswith("data:image/png;base64,")
    assert part.undescribed_images == 0


def test_the_runner_executes_in_the_given_folder_and_its_kernel_prints_nothing(tmp_path, capfd):
    """The kernel inherits the terminal: any warning it logs (such as ipykernel's about TCP
    without encryption) would land in the output of make briefing."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import os\nprint(os.getcwd())")]
    run(nb, tmp_path)
    assert nb.cells[0].outputs[0]["text"] == f"{tmp_path}\n"
    assert capfd.readouterr().err == ""
    assert list(tmp_path.iterdir()) == []  # no socket or connection files left behind


@pytest.mark.parametrize("fails", [False, True])
def test_the_kernels_own_log_is_shown_only_when_a_run_fails(monkeypatch, tmp_path, capfd, fails):
    """ipykernel may log a race as it shuts down; that is noise after a good run, and a
    clue after a failed one."""
    from nbclient import NotebookClient

    def execute(self, stderr):
        stderr.write("ERROR:tornado.general:Uncaught exception in ZMQStream callback\n")
        if fails:
            raise RuntimeError("kernel died")

    monkeypatch.setattr(NotebookClient, "execute", execute)
    if fails:
        with pytest.raises(RuntimeError):
            run(nbformat.v4.new_notebook(), tmp_path)
    else:
        run(nbformat.v4.new_notebook(), tmp_path)
    assert ("ZMQStream callback" in capfd.readouterr().err) == fails


def briefing_cli(out) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", "briefing", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)


def test_an_out_that_is_a_file_is_a_one_line_error(tmp_path):
    target = tmp_path / "briefing.html"
    target.write_text("not a folder")
    result = briefing_cli(target)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: --out {target} is a file; give a folder to write the briefing into"]
    assert target.read_text() == "not a folder"


def test_an_out_that_cannot_be_written_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = briefing_cli(blocker / "build")  # a folder inside a file cannot be made, even by root
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot write to --out {blocker / 'build'}: ")
    assert "Traceback" not in result.stderr


def test_the_data_version_date_is_not_older_than_the_last_change_to_the_data():
    """`created` in datapackage.json is the date of this version of the data; whoever changes
    data/ moves it on. Compared with the history where there is one."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    stamp = subprocess.run([git, "log", "-1", "--format=%ct", "--", "data/"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    if not stamp:
        pytest.skip("no history for data/")
    changed = dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc).date()
    created = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["created"]
    assert data_version_date() >= changed, (
        f"data/ changed on {changed} but datapackage.json says created {created}: set created to the "
        "date of this change")
    assert data_version_date() <= dt.datetime.now(dt.timezone.utc).date()
