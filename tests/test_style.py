"""Charts render Chinese with the packaged open-licence font and no missing glyphs."""

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import analysis  # noqa: E402
from analysis.charts import style  # noqa: E402


def test_packaged_font_is_found_and_open_licensed():
    path = style.font_path()
    assert path.name == "NotoSansSC-Regular.otf"
    assert "site-packages" in str(path)
    assert style.register_font() == "Noto Sans SC"


def test_every_label_in_the_package_renders_without_missing_glyphs(tmp_path):
    style.use()
    figures = analysis.load_figures()
    labels = sorted(set(figures["indicator_zh"]) | set(figures["topic_zh"]) | set(figures["unit"])
                    | set(analysis.load_table("sections")["heading"]))
    fig, ax = plt.subplots(figsize=(6, 40))
    for y, label in enumerate(labels):
        ax.text(0, y, label)
    ax.set_ylim(0, len(labels))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a "Glyph … missing" UserWarning fails the test
        fig.savefig(tmp_path / "labels.png")
    plt.close(fig)


def test_a_missing_glyph_would_be_caught(tmp_path):
    # Proves the check above can fail: a font without CJK glyphs warns on Chinese text.
    fig, ax = plt.subplots()
    ax.text(0, 0, "行政复议", fontfamily="DejaVu Sans")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "missing.png")
    plt.close(fig)
    assert any("missing from font" in str(w.message) for w in caught)


def test_jupyter_shows_a_chart_at_its_fixed_size(tmp_path):
    """Inline, a chart keeps its frame: the inline backend's default tight bounding box
    would crop it to another size (and draw it twice)."""
    import base64
    import io

    import matplotlib.image as mpimg
    import nbformat

    from analysis.briefing.notebooks import run

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "from analysis.charts import catalogue, style\nstyle.use()\n"
        "fig = catalogue.chart('review_outcomes', 'en')\nprint(fig.dpi)")]
    run(nb, tmp_path)
    outputs = nb.cells[0].outputs
    dpi = float(next(out.text for out in outputs if out.get("name") == "stdout"))
    pngs = [out.data["image/png"] for out in outputs if "image/png" in out.get("data", {})]
    assert len(pngs) == 1
    image = mpimg.imread(io.BytesIO(base64.b64decode(pngs[0])), format="png")
    assert image.shape[1] == round(style.WIDTH_IN * dpi)
