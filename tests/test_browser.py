"""The briefing pages in a real browser: Debian's headless Chromium opens both one-page
briefings and the full analysis, on a desktop, on an emulated 390 px phone and printed to A4.

Screenshots and PDFs are saved under build/browser/ to look at. Without Chromium the test
skips and says what to install.
"""

import re
import shutil
import subprocess

import pytest

from analysis.briefing import html as page
from analysis.briefing import messages, onepage
from analysis.briefing.notebooks import ROOT, notebook_paths
from cdp import A4_IN, Chromium, find_chromium

PHONE = 390
# A4's width less the print style's side margins (15 mm each), in CSS pixels
PRINT_WIDTH = round((A4_IN[0] * 25.4 - 2 * 15) / 25.4 * 96)
SHOTS = ROOT / "build" / "browser"

BINARY = find_chromium()
pytestmark = pytest.mark.skipif(
    BINARY is None, reason="Chromium not found: install Debian's chromium and fonts-noto-cjk "
                           "(apt-get install chromium fonts-noto-cjk)")

IMAGES = """[...document.images].map(i => ({src: i.currentSrc.slice(0, 40), ok: i.complete && i.naturalWidth > 0,
                                           narrow: i.parentElement.tagName == 'PICTURE'
                                                   && i.currentSrc == i.previousElementSibling.srcset}))"""
# Text with Chinese characters whose nearest lang attribute is not Chinese
UNMARKED = r"""(() => { const bad = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) { const t = walk.currentNode;
    if (/[\u3400-\u9fff]/.test(t.data) && !(t.parentElement.closest('[lang]') || {lang: ''}).lang.startsWith('zh'))
      bad.push(t.data.slice(0, 30)); }
  return bad; })()"""
HEADINGS = """[...document.querySelectorAll('h1, h2, h3, h4, .chart-title')].map(h => h.innerText)"""
WIDE_TABLES = f"""[...document.querySelectorAll('table')]
  .filter(t => t.getBoundingClientRect().right > {PRINT_WIDTH} + 0.5 || t.scrollWidth > t.clientWidth + 1)
  .map(t => t.innerText.slice(0, 40))"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Both briefings, and the full analysis from the notebooks' stored outputs."""
    out = tmp_path_factory.mktemp("pages")
    for lang in ("zh", "en"):
        onepage.write(lang, out)
    html, parts = page.full_page(notebook_paths(), {"zh": "briefing-zh.html", "en": "briefing-en.html"})
    (out / page.FULL_PAGE).write_text(html, encoding="utf-8")
    headings = {
        "briefing-zh": [m.heading for m in messages.messages("zh")] + ["数字未能反映的情况", "审核提示"],
        "briefing-en": [m.heading for m in messages.messages("en")] + ["What the figures do not show"],
        "analysis": [t for p in parts for _, t in p.headings if any("\u4e00" <= c <= "\u9fff" for c in t)],
    }
    return out, headings


@pytest.fixture(scope="module")
def browser():
    with Chromium(BINARY) as chromium:
        yield chromium


@pytest.mark.parametrize("name", ["briefing-zh", "briefing-en", "analysis"])
def test_page_in_a_browser(browser, pages, name):
    out, headings = pages
    path = out / f"{name}.html"

    start = browser.open(path, width=1200, height=900)
    images = browser.evaluate(IMAGES)
    assert images and all(i["ok"] for i in images), [i["src"] for i in images if not i["ok"]]
    text = browser.evaluate("document.body.innerText")
    assert headings[name] and [h for h in headings[name] if h not in text] == []
    assert browser.evaluate(UNMARKED) == []
    fonts = browser.fonts_for("h2" if name == "briefing-zh" else "[lang^=zh]")
    assert any("SC" in f for f in fonts), f"Chinese drawn with {fonts}: install fonts-noto-cjk"
    browser.screenshot(SHOTS / f"{name}-desktop.png")

    browser.open(path, width=PHONE, height=844, mobile=True)
    assert browser.evaluate("document.documentElement.scrollWidth") <= PHONE
    phone_images = browser.evaluate(IMAGES)
    assert all(i["ok"] for i in phone_images)
    if name.startswith("briefing"):  # every chart shows its narrow version on a phone
        assert all(i["narrow"] for i in phone_images)
    browser.screenshot(SHOTS / f"{name}-phone.png")

    browser.open(path, width=PRINT_WIDTH, height=1100, media="print")
    assert browser.evaluate("document.documentElement.scrollWidth") <= PRINT_WIDTH
    assert browser.evaluate(WIDE_TABLES) == []
    pdf = browser.pdf(SHOTS / f"{name}.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")

    requests = browser.requests(start)
    assert requests and [u for u in requests if not u.startswith(("file:", "data:"))] == []
    assert browser.errors(start) == []


def stranded_headings(pdf, headings: list[str]) -> list[str]:
    """Pages whose last line of text is a heading or the start of one."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    heads = [re.sub(r"\s+", "", h) for h in headings]
    found = []
    for number, page in enumerate(text.split("\f")[:-1], 1):
        lines = [line for line in page.splitlines() if line.strip()]
        last = re.sub(r"\s+", "", lines[-1]) if lines else ""
        if len(last) >= 2 and any(h.startswith(last) for h in heads):
            found.append(f"page {number}: {lines[-1].strip()}")
    return found


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="pdftotext not found: install Debian's poppler-utils")
@pytest.mark.parametrize("name", ["briefing-zh", "briefing-en", "analysis"])
def test_no_heading_ends_a_printed_page(browser, pages, name, tmp_path):
    out, _ = pages
    browser.open(out / f"{name}.html", width=PRINT_WIDTH, height=1100, media="print")
    # the contents list repeats every heading; it is not what could be stranded
    browser.evaluate("document.querySelector('nav.toc')?.remove()")
    headings = browser.evaluate(HEADINGS)
    assert headings
    assert stranded_headings(browser.pdf(tmp_path / f"{name}.pdf"), headings) == []


def test_stranded_heading_is_found(tmp_path):
    """The check above finds a heading printed as a page's last line."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found: install Debian's poppler-utils")
    page = tmp_path / "stranded.html"
    page.write_text('<html lang="en"><body><div style="height: 250mm"></div>'
                    '<h2>A heading at the foot</h2><div style="height: 200mm; break-inside: avoid">body</div>'
                    '</body></html>', encoding="utf-8")
    with Chromium(BINARY) as chromium:
        chromium.open(page, media="print")
        pdf = chromium.pdf(tmp_path / "stranded.pdf")
    assert stranded_headings(pdf, ["A heading at the foot"]) == ["page 1: A heading at the foot"]
