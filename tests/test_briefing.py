"""The briefing is one self-contained HTML page that needs no network."""

import re

import nbformat

from analysis.briefing.html import combine, export_html
from analysis.briefing.notebooks import notebook_paths, run


def test_briefing_html_is_offline_and_holds_every_notebook(tmp_path):
    paths = notebook_paths()
    assert paths, "no notebooks found"
    html = export_html(combine(paths), tmp_path / "briefing.html").read_text(encoding="utf-8")
    remote = re.findall(r"""(?:src=|href=|import\()["'](https?://[^"']+)""", html)
    assert remote == []
    without_images = re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", "", html)
    assert not re.search(r"https?://[^\s\"']*cdn", without_images)
    for path in paths:
        title = nbformat.read(path, as_version=4).cells[0].source.splitlines()[0].lstrip("# ")
        assert title in html
    assert "<img" in html and "data:image/png;base64" in html  # charts are embedded
    assert "<pre" not in html or "import analysis" not in html  # inputs are hidden
    # the index's links lead to the notebooks' parts of the page, not to .ipynb files
    targets = re.findall(r'href="#(\d\d[\w-]*)"', html)
    assert targets == [p.stem for p in paths]
    for target in targets:
        assert f'id="{target}"' in html
    assert ".ipynb" not in " ".join(re.findall(r'href="([^"]*)"', html))


def test_the_runner_executes_in_the_given_folder_and_its_kernel_prints_nothing(tmp_path, capfd):
    """The kernel inherits the terminal: any warning it logs (such as ipykernel's about TCP
    without encryption) would land in the output of make briefing."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import os\nprint(os.getcwd())")]
    run(nb, tmp_path)
    assert nb.cells[0].outputs[0]["text"] == f"{tmp_path}\n"
    assert capfd.readouterr().err == ""
    assert list(tmp_path.iterdir()) == []  # no socket or connection files left behind
