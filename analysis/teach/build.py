"""From one source per episode to what the workshop uses.

Each episode is a MyST Markdown notebook in workshop/episodes/ (read with jupytext). Its
cells carry tags: `en` or `zh` (only in that language), `guide` (only in the facilitator's
guide), `exercise` (a code cell naming an exercise, e2.q1, whose learner cell and model
answer come from analysis.teach). From it the build writes, for each language:

- workshop/learner/LANG/NN-slug.ipynb: no outputs, blanks to fill, no solutions;
- workshop/solutions/LANG/NN-slug.ipynb: the model answers, executed;
- its part of workshop/guide/facilitator-guide.LANG.md, with workshop/guide.md around it.

`python -m analysis workshop build` writes them, `… check` says which are out of date, and
`… copy --lang zh` gives learners fresh copies in a workspace that git ignores.
"""

from __future__ import annotations

import importlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt

from ..language.labels import LANGS, Lang, current_language, set_language
from ..tables.figures import load_table
from .core import Exercise, Text

ROOT = Path(__file__).resolve().parents[2]
WORKSHOP = ROOT / "workshop"
SOURCES = WORKSHOP / "episodes"
GUIDE_SOURCE = WORKSHOP / "guide.md"
LEARNER, SOLUTIONS, GUIDE = WORKSHOP / "learner", WORKSHOP / "solutions", WORKSHOP / "guide"
WORKSPACE = ROOT / "workspace"
LANG_LINE = 'LANG = "en"'

W = {  # the words the build writes around the sources
    "episode": Text("Episode {n} · {title}", "第{n}单元 · {title}"),
    "questions": Text("Questions", "问题"),
    "objectives": Text("Objectives", "学习目标"),
    "keypoints": Text("Key points", "要点"),
    "minutes": Text("Teaching: {teaching} min · Exercises: {exercises} min",
                    "讲解 {teaching} 分钟 · 练习 {exercises} 分钟"),
    "help": Text("# For a hint or the answer, remove the # before one of these lines and run the cell again:",
                 "# 需要提示或答案时，删去下面某一行开头的 #，再运行本单元格："),
    "schedule": Text("Schedule", "日程"),
    "start": Text("Start", "开始"),
    "item": Text("Item", "内容"),
    "teaching": Text("Teaching", "讲解"),
    "exercises": Text("Exercises", "练习"),
    "total_minutes": Text("Minutes", "分钟"),
    "total": Text("Total", "合计"),
    "notes": Text("Teaching notes", "讲解要点"),
    "exercise": Text("Exercise {id}", "练习 {id}"),
    "task": Text("What learners are asked", "题目"),
    "answer": Text("Answer", "答案"),
    "why": Text("Why", "说明"),
    "model": Text("Model answer", "参考写法"),
    "mistakes": Text("Typical mistakes and what to say", "常见错误及讲解"),
    "did": Text("What the learner did", "学员的做法"),
    "says": Text("What the checker says (say the same)", "检查结果（讲解时可照此说明）"),
    "discussion": Text("Discussion", "讨论"),
    "glossary_missing": Text("The glossary table (data/glossary.csv) is not in the data package yet. "
                             "When it is, this section lists its terms: rebuild the guide with "
                             "`make workshop-build`.",
                             "术语表（data/glossary.csv）尚未加入数据包。加入后，本节将列出其中的术语："
                             "请用 `make workshop-build` 重新生成本指南。"),
    "term": Text("Term", "术语"),
    "other_term": Text("Chinese", "英文"),
    "definition": Text("Definition", "释义"),
    "source": Text("Source", "出处"),
}


# ----------------------------------------------------------------- sources


@dataclass
class Episode:
    number: int
    slug: str
    meta: dict  # the source's front matter, under "workshop"
    cells: list  # nbformat cells, with their tags

    @property
    def stem(self) -> str:
        return f"{self.number:02d}-{self.slug}"

    def words(self, key: str, lang: Lang):
        """One of the bilingual fields of the front matter, in lang."""
        return self.meta[key][lang]

    def minutes(self) -> tuple[int, int]:
        return int(self.meta["teaching"]), int(self.meta["exercises"])


def _read(path: Path):
    import jupytext  # imported here: only the build needs it

    return jupytext.read(path, fmt="md:myst")


def episodes() -> list[Episode]:
    found = []
    for path in sorted(SOURCES.glob("[0-9][0-9]-*.md")):
        nb = _read(path)
        number, slug = path.stem.split("-", 1)
        found.append(Episode(int(number), slug, nb.metadata["workshop"], nb.cells))
    return found


def exercise(ref: str) -> Exercise:
    """The exercise a source cell names: e2.q1."""
    module, name = ref.strip().split(".")
    return getattr(importlib.import_module(f"analysis.teach.{module}"), name)


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _in(cell, lang: Lang, guide: bool = False) -> bool:
    tags = _tags(cell)
    other = "en" if lang == "zh" else "zh"
    return other not in tags and (("guide" in tags) == guide)


# --------------------------------------------------------------- notebooks


def notebook(episode: Episode, lang: Lang, solutions: bool):
    """The learner's (solutions=False) or the solutions notebook of an episode, unexecuted."""
    import nbformat

    v4 = nbformat.v4
    cells = [v4.new_markdown_cell(_header(episode, lang))]
    for cell in episode.cells:
        if not _in(cell, lang):
            continue
        if "exercise" in _tags(cell):
            ref = cell.source.strip()
            item = exercise(ref)
            source = item.solution_code if solutions else (
                f"{item.template}\n\n{W['help'](lang)}\n# {ref}.hint()\n# {ref}.solution()")
            cells.append(v4.new_code_cell(source, metadata={"tags": ["exercise"]}))
        elif cell.cell_type == "code":
            cells.append(v4.new_code_cell(cell.source.replace(LANG_LINE, f'LANG = "{lang}"')))
        else:
            cells.append(v4.new_markdown_cell(cell.source))
    cells.append(v4.new_markdown_cell(f"## {W['keypoints'](lang)}\n\n" + _bullets(episode.words("keypoints", lang))))
    for i, cell in enumerate(cells):
        cell.id = f"{episode.stem}-{i:02d}"
    nb = v4.new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}})
    return nb


def _header(episode: Episode, lang: Lang) -> str:
    teaching, exercises = episode.minutes()
    title = W["episode"](lang, n=episode.number, title=episode.words("title", lang))
    return "\n\n".join([
        f"# {title}",
        f"**{W['questions'](lang)}**\n\n" + _bullets(episode.words("questions", lang)),
        f"**{W['objectives'](lang)}**\n\n" + _bullets(episode.words("objectives", lang)),
        W["minutes"](lang, teaching=teaching, exercises=exercises),
    ])


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def learner_path(episode: Episode, lang: Lang) -> Path:
    return LEARNER / lang / f"{episode.stem}.ipynb"


def solution_path(episode: Episode, lang: Lang) -> Path:
    return SOLUTIONS / lang / f"{episode.stem}.ipynb"


def _text(nb) -> str:
    import nbformat

    return nbformat.writes(nb) + "\n"


def execute(nb, cwd: Path):
    """Run a solutions notebook in a fresh kernel, as nbval will, and coalesce its streams."""
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    from ..briefing.notebooks import run

    cwd.mkdir(parents=True, exist_ok=True)
    run(nb, cwd)
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    return nb


# ------------------------------------------------------------------- guide


def guide(lang: Lang, items: list[Episode] | None = None) -> str:
    """The facilitator's guide in one language, as one Markdown document."""
    items = episodes() if items is None else items
    source = _read(GUIDE_SOURCE)
    parts = []
    before = current_language()
    set_language(lang)  # the checker's messages quoted in the guide are in its language
    try:
        for cell in source.cells:
            if not _in(cell, lang):
                continue
            text = cell.source
            text = text.replace("<!-- schedule -->", schedule(lang, items, source.metadata["workshop"]))
            text = text.replace("<!-- episodes -->", "\n\n".join(_episode_guide(e, lang) for e in items))
            text = text.replace("<!-- glossary -->", glossary(lang))
            parts.append(text)
    finally:
        set_language(before)
        plt.close("all")
    return "\n\n".join(parts).strip() + "\n"


def schedule_rows(items: list[Episode], plan: dict, lang: Lang) -> list[tuple[str, str, int, int]]:
    """(start, item, teaching, exercises) for every slot of the day, in order."""
    by_number = {e.number: e for e in items}
    rows, start = [], 0
    for slot in plan["schedule"]:
        if "episode" in slot:
            episode = by_number[slot["episode"]]
            teaching, exercises = episode.minutes()
            name = W["episode"](lang, n=episode.number, title=episode.words("title", lang))
        else:
            teaching, exercises, name = int(slot["minutes"]), 0, slot["title"][lang]
        rows.append((f"{start // 60}:{start % 60:02d}", name, teaching, exercises))
        start += teaching + exercises
    return rows


def schedule(lang: Lang, items: list[Episode], plan: dict) -> str:
    rows = schedule_rows(items, plan, lang)
    head = [W[k](lang) for k in ("start", "item", "teaching", "exercises", "total_minutes")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---:|---:|---:|"]
    lines += [f"| {s} | {name} | {t} | {x or ''} | {t + x} |" for s, name, t, x in rows]
    total_t, total_x = sum(r[2] for r in rows), sum(r[3] for r in rows)
    lines.append(f"| | **{W['total'](lang)}** | {total_t} | {total_x} | **{total_t + total_x}** |")
    return "\n".join(lines)


def _episode_guide(episode: Episode, lang: Lang) -> str:
    teaching, exercises = episode.minutes()
    out = [f"## {W['episode'](lang, n=episode.number, title=episode.words('title', lang))}",
           W["minutes"](lang, teaching=teaching, exercises=exercises),
           f"**{W['questions'](lang)}**\n\n" + _bullets(episode.words("questions", lang)),
           f"**{W['objectives'](lang)}**\n\n" + _bullets(episode.words("objectives", lang)),
           f"**{W['keypoints'](lang)}**\n\n" + _bullets(episode.words("keypoints", lang))]
    notes = [c.source for c in episode.cells if _in(c, lang, guide=True)]
    if notes:
        out += [f"### {W['notes'](lang)}", *notes]
    prompt = ""
    for cell in episode.cells:
        if not _in(cell, lang):
            continue
        if cell.cell_type == "markdown":
            prompt = cell.source
        elif "exercise" in _tags(cell):
            out.append(_exercise_guide(exercise(cell.source), prompt, lang))
    out += [f"### {W['discussion'](lang)}", _bullets(episode.words("discussion", lang))]
    return "\n\n".join(out)


def _exercise_guide(item: Exercise, prompt: str, lang: Lang) -> str:
    colon = "：" if lang == "zh" else ":"  # Chinese takes the full-width colon
    lines = [f"### {W['exercise'](lang, id=item.id)}",
             f"**{W['task'](lang)}**\n\n" + "\n".join(f"> {line}" if line else ">" for line in prompt.splitlines()),
             f"**{W['answer'](lang)}{colon}** {item.answer_text(lang)}" if "\n" not in item.answer_text(lang)
             else f"**{W['answer'](lang)}{colon}**\n\n{item.answer_text(lang)}",
             f"**{W['why'](lang)}{colon}** {item.say(item.explanation, lang)}",
             f"**{W['model'](lang)}{colon}**\n\n```python\n{item.solution_code}\n```"]
    if item.mistakes:
        rows = [f"| {W['did'](lang)} | {W['says'](lang)} |", "|---|---|"]
        for mistake in item.mistakes:
            said = item.evaluate(mistake.example()).message.split("。" if lang == "zh" else ". ", 1)[-1]
            rows.append(f"| {_cell(item.say(mistake.why, lang))} | {_cell(said)} |")
        lines += [f"**{W['mistakes'](lang)}**", "\n".join(rows)]
    return "\n\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def glossary(lang: Lang) -> str:
    """The glossary of the field's terms, from the data package's glossary table."""
    try:
        terms = load_table("glossary")
    except KeyError:
        return W["glossary_missing"](lang)
    first, second = ("term_zh", "term_en") if lang == "zh" else ("term_en", "term_zh")
    source = "source_zh" if lang == "zh" else "source"
    rows = [f"| {W['term'](lang)} | {W['other_term'](lang)} | {W['definition'](lang)} | {W['source'](lang)} |",
            "|---|---|---|---|"]
    for _, t in terms.iterrows():
        rows.append(f"| {_cell(t[first])} | {_cell(t[second])} | {_cell(t[f'definition_{lang}'])} | "
                    f"{_cell(t[source])} |")
    return "\n".join(rows)


def guide_path(lang: Lang) -> Path:
    return GUIDE / f"facilitator-guide.{lang}.md"


# --------------------------------------------------------------- the verbs


def build(solutions: bool = True) -> list[Path]:
    """Write every generated file (with solutions=False, all but the solutions notebooks,
    which take minutes to execute); return their paths."""
    items, written = episodes(), []
    for lang in LANGS:
        for episode in items:
            for path, executed in ((learner_path(episode, lang), False), (solution_path(episode, lang), True)):
                if executed and not solutions:
                    continue
                nb = notebook(episode, lang, executed)
                if executed:
                    nb = execute(nb, path.parent)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_text(nb), encoding="utf-8")
                written.append(path)
        path = guide_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(guide(lang, items), encoding="utf-8")
        written.append(path)
    return written


def _cells_of(nb) -> list[tuple]:
    return [(c.cell_type, c.source, c.get("metadata", {}).get("tags", [])) for c in nb.cells]


def stale() -> list[str]:
    """The generated files that differ from what the sources give now (solutions notebooks:
    their cells; their outputs are nbval's to check)."""
    import nbformat

    items, found = episodes(), []
    for lang in LANGS:
        for episode in items:
            path = learner_path(episode, lang)
            if not path.exists() or path.read_text(encoding="utf-8") != _text(notebook(episode, lang, False)):
                found.append(str(path.relative_to(ROOT)))
            path = solution_path(episode, lang)
            if not path.exists() or _cells_of(nbformat.read(path, as_version=4)) != \
                    _cells_of(notebook(episode, lang, True)):
                found.append(str(path.relative_to(ROOT)))
        path = guide_path(lang)
        if not path.exists() or path.read_text(encoding="utf-8") != guide(lang, items):
            found.append(str(path.relative_to(ROOT)))
    return found


SETTINGS = {"zh": "zh_CN", "en": "en"}  # JupyterLab's locale names


def copy_workspace(lang: Lang, workspace: Path = WORKSPACE, fresh: bool = False) -> Path:
    """Fresh learner notebooks for one language in workspace/LANG. A learner's notebook
    already there is kept; with fresh=True the old folder is moved aside, never deleted."""
    target = workspace / lang
    if fresh and target.exists():
        n = 1
        while (workspace / f"{lang}-previous-{n}").exists():
            n += 1
        target.rename(workspace / f"{lang}-previous-{n}")
        print(f"moved the previous workspace to {workspace / f'{lang}-previous-{n}'}")
    target.mkdir(parents=True, exist_ok=True)
    kept = []
    for source in sorted((LEARNER / lang).glob("*.ipynb")):
        if (target / source.name).exists():
            kept.append(source.name)
        else:
            shutil.copy2(source, target / source.name)
    settings = workspace / ".jupyterlab-settings" / lang / "@jupyterlab" / "translation-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "plugin.jupyterlab-settings").write_text(
        json.dumps({"locale": SETTINGS[lang]}) + "\n", encoding="utf-8")
    if kept:
        print(f"kept the learner's own copies: {', '.join(kept)}")
    print(f"workspace ready: {target}")
    return target


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis workshop")
    verbs = parser.add_subparsers(dest="verb", required=True)
    make = verbs.add_parser("build", help="write the learner and solutions notebooks and the guide")
    make.add_argument("--no-solutions", action="store_true",
                      help="leave the solutions notebooks alone (they take minutes to execute)")
    verbs.add_parser("check", help="list generated files that are out of date (exit 1 if any)")
    copy_ = verbs.add_parser("copy", help="fresh learner notebooks in a workspace git ignores")
    copy_.add_argument("--lang", choices=list(LANGS), default="en")
    copy_.add_argument("--to", type=Path, default=WORKSPACE)
    copy_.add_argument("--fresh", action="store_true", help="move an existing workspace aside first")
    args = parser.parse_args(argv)
    if args.verb == "build":
        for path in build(not args.no_solutions):
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    if args.verb == "check":
        found = stale()
        for path in found:
            print(f"out of date: {path}")
        print("make workshop-build rewrites them" if found else "every generated file is up to date")
        return 1 if found else 0
    copy_workspace(args.lang, args.to, args.fresh)
    return 0


__all__ = ["build", "copy_workspace", "episodes", "guide", "main", "stale"]
