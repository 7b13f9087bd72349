"""Episode 4, a chart for a briefing: house style, both languages, a source line, exported."""

import matplotlib.pyplot as plt

from ..charts import kinds
from ..language.labels import current_language
from ..tables.figures import breakdown
from .core import Mistake, Text
from .helpers import get_figure
from .kinds import Chart, Export, bar_values

PARENT = "judicial_office_staff"


def _parts() -> list[str]:
    return breakdown(PARENT).related("part")["figure_id"].tolist()


def _other() -> str:
    return "en" if current_language() == "zh" else "zh"


def _plain_chart():
    """Bars drawn with matplotlib alone: right numbers, no frame, no source line."""
    parts = breakdown(PARENT).related("part")
    fig, ax = plt.subplots()
    ax.bar(parts["indicator_en"], parts["value"])
    ax.set_title("Judicial office staff")
    plt.close(fig)
    return fig


def _chart(ids, **kw):
    fig = kinds.ranked_bar(ids, **kw)
    plt.close(fig)
    return fig


BARS = Text("The chart should show the staff of the judicial offices (一、(四)2.1)) split into heads and "
            "general staff.", "图应显示基层司法所人员（一、(四)2.1)）按所长和一般人员的构成。")
TITLE = {"en": "Judicial offices: heads and general staff", "zh": "基层司法所人员：所长与一般人员"}

q1 = Chart(
    id="4.1",
    figure_ids=_parts(),
    bars_hint=BARS,
    hint_text=Text("charts.part_to_whole(figure_id, title=…) draws a figure's parts as one bar, with the frame "
                   "and source line of the house style. Which figure has the staff as parts?",
                   "charts.part_to_whole(数字编号, title=…) 把一个数字的各分项画成一根条形，并按统一样式加上标题和来源。"
                   "哪个数字的分项是人员构成？"),
    explanation=Text("part_to_whole on the judicial office staff shows heads and general staff as shares of "
                     "the total, in the notebook's language, with the report and section in the source line.",
                     "对基层司法所人员用 part_to_whole，按笔记本的语言显示所长和一般人员各占多少，来源说明写明报告和章节。"),
    template="fig = ____\ne4.q1.check(fig)",
    solution_code=(
        f"title = {TITLE!r}[LANG]\n"
        "fig = charts.part_to_whole(\"judicial_office_staff\", title=title)\n"
        "e4.q1.check(fig)"),
    mistakes=[
        Mistake("no_source", _plain_chart,
                Text("Drew the bars with matplotlib alone: no frame, no source line.",
                     "只用 matplotlib 画了条形：没有统一样式，也没有来源说明。")),
        Mistake("offices", lambda: _chart(["judicial_offices_4_staff", "judicial_offices_3_staff"],
                                          title="Judicial offices"),
                Text("Charted the offices by size (4人所, 3人所) instead of the staff.",
                     "画成了按人数分的司法所个数（4人所、3人所），而不是人员。"),
                Text("Those bars count offices (4人所, 3人所), not staff. " + BARS.en,
                     "这些条形计的是司法所的个数（4人所、3人所），不是人员。" + BARS.zh),
                detect=lambda fig: bar_values(fig) == sorted(get_figure(i)["value"] for i in
                                                             ["judicial_offices_4_staff", "judicial_offices_3_staff"])),
        Mistake("total_as_bar", lambda: _chart([PARENT, *_parts()], title="Judicial office staff"),
                Text("Drew the total as a bar beside its parts.", "把总数也画成一根条形，与分项并列。"),
                Text("The total is drawn as a bar beside its own parts, so the staff are counted twice. Draw the "
                     "parts only, or use part_to_whole, which shows the total in the subtitle.",
                     "总数和它的分项并排画成了条形，人员被算了两遍。只画分项，或者用 part_to_whole，它会在副标题里写出总数。"),
                detect=lambda fig: bar_values(fig) == sorted(get_figure(i)["value"] for i in [PARENT, *_parts()])),
        Mistake("no_title", lambda: _chart(_parts()),
                Text("Used ranked_bar without a title.", "用了 ranked_bar 但没有写标题。")),
    ],
)

q2 = Chart(
    id="4.2",
    figure_ids=_parts(),
    other_language=True,
    bars_hint=BARS,
    hint_text=Text("Every chart function takes lang=: draw the same chart with lang=\"zh\" or lang=\"en\", the "
                   "language this notebook is not in, and a title in that language.",
                   "每个图表函数都有 lang= 参数：用与本笔记本不同的语言（lang=\"en\" 或 lang=\"zh\"）再画一次，标题也换成该语言。"),
    explanation=Text("The same chart with lang set to the other language: labels, numbers and the source line "
                     "follow it; the title is yours to translate.",
                     "同一张图，把 lang 设为另一种语言：标签、数字写法和来源说明随之改变；标题要自己翻译。"),
    template="fig_other = ____\ne4.q2.check(fig_other)",
    solution_code=(
        "OTHER = \"en\" if LANG == \"zh\" else \"zh\"\n"
        f"fig_other = charts.part_to_whole(\"judicial_office_staff\", lang=OTHER, title={TITLE!r}[OTHER])\n"
        "e4.q2.check(fig_other)"),
    mistakes=[
        Mistake("wrong_source", lambda: _chart(_parts(), title=TITLE[current_language()]),
                Text("Drew the chart again in the notebook's own language.", "又用本笔记本的语言画了一遍。")),
        Mistake("title_language", lambda: _chart(_parts(), lang=_other(), title=TITLE[current_language()]),
                Text("Switched lang but kept the title in the notebook's language.",
                     "换了 lang，标题却还是本笔记本的语言。")),
    ],
)


def _one_language_folder():
    import tempfile
    from pathlib import Path

    from ..charts.frame import save

    folder = Path(tempfile.mkdtemp()) / "exports"
    fig = kinds.part_to_whole(PARENT, title=TITLE[current_language()])
    save(fig, folder, "judicial-office-staff")
    plt.close(fig)
    return folder


q3 = Export(
    id="4.3",
    figure_ids=_parts(),
    hint_text=Text("charts.save(fig, EXPORTS, \"a-name\") writes a PNG, an SVG and a JSON file; save both "
                   "charts, each under its own name.",
                   "charts.save(fig, EXPORTS, \"文件名\") 会写出 PNG、SVG 和 JSON 三个文件；两张图都要保存，各用各的文件名。"),
    explanation=Text("Each chart saved once: the PNG for documents, the SVG for print, and the JSON holding "
                     "its title, source line and alt text.",
                     "每张图保存一次：PNG 用于文档，SVG 用于印刷，JSON 记录标题、来源说明和替代文字。"),
    template=("EXPORTS.mkdir(exist_ok=True)\n"
              "____\n"
              "e4.q3.check(EXPORTS)"),
    solution_code=(
        "EXPORTS.mkdir(exist_ok=True)\n"
        "charts.save(fig, EXPORTS, f\"judicial-office-staff-{LANG}\")\n"
        "charts.save(fig_other, EXPORTS, f\"judicial-office-staff-{OTHER}\")\n"
        "print(sorted(p.name for p in EXPORTS.glob(\"judicial-office-staff-*\")))\n"
        "e4.q3.check(EXPORTS)"),
    mistakes=[Mistake("missing_language", _one_language_folder,
                      Text("Saved one language only.", "只保存了一种语言的图。"))],
)
