"""The briefing as slides (python-pptx): a title slide, then one slide per briefing chart
with the message as its title, the exported chart, its source line, the chart's alt text on
the picture and the message's sentences as speaker notes.

Every run of text names its East Asian font and its language, so that PowerPoint and WPS
draw Chinese with a Chinese font instead of falling back to boxes or Japanese forms.
"""

from __future__ import annotations

import json
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from ..language.labels import Lang
from .facts import report_facts
from .messages import messages
from .onepage import word

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
LATIN_FONT = "Arial"
EAST_ASIAN_FONT = "Microsoft YaHei"  # on Windows and in WPS; PowerPoint substitutes elsewhere
LANGUAGE = {"zh": "zh-CN", "en": "en-US"}
GREY = RGBColor(0x5C, 0x5C, 0x5C)
BLANK_LAYOUT = 6


def deck_name(lang: Lang) -> str:
    return f"briefing-{lang}.pptx"


def _text(slide, text: str, left, top, width, height, size: int, lang: Lang, bold: bool = False,
          colour: RGBColor | None = None):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        if colour is not None:
            run.font.color.rgb = colour
        set_fonts(run, lang)
    return box


def set_fonts(run, lang: Lang) -> None:
    """Latin and East Asian typefaces, and the run's language (lang, with English as the
    alternative), written into the run's properties."""
    run.font.name = LATIN_FONT  # <a:latin>
    props = run._r.get_or_add_rPr()
    props.set("lang", LANGUAGE[lang])
    props.set("altLang", "en-US" if lang == "zh" else "zh-CN")
    for old in props.findall(qn("a:ea")):
        props.remove(old)
    east_asian = props.makeelement(qn("a:ea"), {"typeface": EAST_ASIAN_FONT})
    props.find(qn("a:latin")).addnext(east_asian)  # the schema orders latin, ea, cs


def _picture(slide, png: Path, alt_text: str, title: str, top, max_height):
    from PIL import Image

    with Image.open(png) as image:
        ratio = image.height / image.width
    width = WIDTH - 2 * MARGIN
    height = Emu(int(width * ratio))
    if height > max_height:
        height = max_height
        width = Emu(int(height / ratio))
    left = Emu(int((WIDTH - width) / 2))
    pic = slide.shapes.add_picture(str(png), left, top, width, height)
    props = pic._element.nvPicPr.cNvPr
    props.set("descr", alt_text)  # the alt text PowerPoint and WPS show and read out
    props.set("title", title)
    return pic


def build(lang: Lang, charts_dir: Path) -> Presentation:
    """The deck in one language, from charts exported to charts_dir/<lang>/ (PNG and JSON)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    blank = deck.slide_layouts[BLANK_LAYOUT]
    facts = report_facts(lang)

    cover = deck.slides.add_slide(blank)
    _text(cover, word("title", lang, district=facts.district_name, year=facts.year), MARGIN, Inches(2.2),
          WIDTH - 2 * MARGIN, Inches(1.4), 36, lang, bold=True)
    lines = [f"{word(k, lang)}{'：' if lang == 'zh' else ': '}{v}"
             for k, v in (("report", facts.title), ("data_date", facts.data_date))]
    _text(cover, "\n".join(lines), MARGIN, Inches(3.8), WIDTH - 2 * MARGIN, Inches(1.2), 16, lang,
          colour=GREY)

    for message in messages(lang):
        info = json.loads((charts_dir / lang / f"{message.chart_id}.json").read_text(encoding="utf-8"))
        slide = deck.slides.add_slide(blank)
        _text(slide, message.heading, MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(1.0), 24, lang, bold=True)
        _picture(slide, charts_dir / lang / f"{message.chart_id}.png", info["alt_text"], info["title"],
                 Inches(1.35), HEIGHT - Inches(1.35) - Inches(0.75))
        _text(slide, info["source"], MARGIN, HEIGHT - Inches(0.65), WIDTH - 2 * MARGIN, Inches(0.4), 11, lang,
              colour=GREY)
        notes = slide.notes_slide.notes_text_frame
        notes.text = ("" if lang == "zh" else " ").join(message.sentences)
        for paragraph in notes.paragraphs:
            for run in paragraph.runs:
                set_fonts(run, lang)
    return deck


def write(lang: Lang, out_dir: Path, charts_dir: Path) -> Path:
    target = out_dir / deck_name(lang)
    build(lang, charts_dir).save(target)
    return target
