"""The workshop: generated files up to date, learner notebooks that run unanswered, model
answers that pass, typical mistakes caught with the hint meant for them, a schedule whose
minutes add up, and learners' copies that never reach the tests or the briefing."""

import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import analysis
from analysis.briefing.notebooks import is_own, notebook_index, notebook_paths
from analysis.teach import build
from analysis.teach.core import BLANK, RIGHT, WRONG, Exercise, ____, unanswered

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("zh", "en")
EPISODES = build.episodes()
EXERCISES = [ex for n in range(1, len(EPISODES) + 1)
             for ex in vars(importlib.import_module(f"analysis.teach.e{n}")).values() if isinstance(ex, Exercise)]
DONE = {"en": "Exercise {id}: correct.", "zh": "练习 {id}：回答正确。"}
NOT_YET = {"en": "Exercise {id}: not answered yet.", "zh": "练习 {id}：尚未作答。"}


@pytest.fixture
def language():
    """Set the language for one test and restore English after it."""
    yield analysis.set_language
    analysis.set_language("en")


def streams(nb) -> str:
    return "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", [])
                   if out.get("output_type") == "stream")


def test_generated_files_are_up_to_date():
    assert build.stale() == [], "run make workshop-build"


def test_every_exercise_is_in_one_episode_source():
    named = [c.source.strip() for e in EPISODES for c in e.cells if "exercise" in c.metadata.get("tags", [])]
    assert sorted(build.exercise(r).id for r in named) == sorted(ex.id for ex in EXERCISES)
    for ref in named:
        assert build.exercise(ref).id.split(".")[0] == ref[1:].split(".")[0], ref


@pytest.mark.parametrize("lang", LANGS)
def test_learner_notebooks_run_and_report_every_exercise_not_answered(lang, tmp_path):
    """Every learner notebook of a language, run top to bottom in one fresh kernel (in an
    empty folder, as a learner's workspace is): no error, nothing on stderr, and each
    exercise reports itself not answered, once."""
    from analysis.briefing.notebooks import run

    combined = nbformat.v4.new_notebook()
    for episode in EPISODES:
        nb = nbformat.read(build.learner_path(episode, lang), as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "learner notebooks have no outputs"
        combined.cells.extend(c for c in nb.cells if c.cell_type == "code")
    run(combined, tmp_path)
    outputs = [out for cell in combined.cells for out in cell.outputs]
    assert [out for out in outputs if out.output_type == "error"] == []
    assert [out.text for out in outputs if out.get("name") == "stderr"] == []
    text = streams(combined)
    for ex in EXERCISES:
        assert text.count(NOT_YET[lang].format(id=ex.id)) == 1, ex.id
        assert DONE[lang].format(id=ex.id) not in text
    assert "not quite" not in text and "还不对" not in text


def test_learner_notebooks_hold_no_solution():
    for lang in LANGS:
        for episode in EPISODES:
            text = build.learner_path(episode, lang).read_text(encoding="utf-8")
            for ex in EXERCISES:
                if ex.id.split(".")[0] == str(episode.number):
                    assert ex.solution_code not in text, ex.id


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ex", EXERCISES, ids=[ex.id for ex in EXERCISES])
def test_model_answer_passes_in_the_solutions_notebook(ex, lang):
    """The solutions notebooks' stored outputs (nbval holds them to a fresh run) say each
    exercise is correct, once."""
    episode = EPISODES[int(ex.id.split(".")[0]) - 1]
    text = streams(nbformat.read(build.solution_path(episode, lang), as_version=4))
    assert text.count(DONE[lang].format(id=ex.id)) == 1


CASES = [(ex, m) for ex in EXERCISES for m in ex.mistakes]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ex,mistake", CASES, ids=[f"{ex.id}-{m.key}" for ex, m in CASES])
def test_each_typical_mistake_fails_with_its_hint(ex, mistake, lang, language):
    language(lang)
    result = ex.evaluate(mistake.example())
    assert result.status == WRONG and result.reason == mistake.key, result.message
    if mistake.hint is not None:
        assert ex.say(mistake.hint) in result.message
    assert result.message.startswith("练习 " if lang == "zh" else "Exercise ")


# ------------------------------------------------------------ the checker itself


def test_the_blank_stays_blank_through_arithmetic_and_tables():
    assert unanswered(____ / ____ * 100) and unanswered(5 / ____) and unanswered(____.iloc[0])
    frame = pd.DataFrame({"a": [1, 2]})
    frame["b"] = ____
    assert unanswered(frame) and unanswered({"value": ____}) and not unanswered({"value": 1})
    table = ____
    table["share"] = ____  # a cell of a skeleton runs while its table is still blank
    assert unanswered(table)


def by_id(exercise_id: str) -> Exercise:
    return next(ex for ex in EXERCISES if ex.id == exercise_id)


def test_a_number_is_judged_within_its_tolerance_and_by_type():
    rate = by_id("2.2")
    assert rate.evaluate(round(rate.value(), 1)).status == RIGHT  # written as the report would
    assert rate.evaluate(rate.value() + 0.2).status == WRONG
    assert rate.evaluate(str(rate.value())).reason == "not_a_number"
    assert rate.evaluate(pd.Series([rate.value()])).reason == "not_a_number"
    assert by_id("1.1").evaluate(by_id("1.1").value() + 1).reason == "generic"  # counts are exact


def test_a_table_gets_a_hint_for_a_missing_column_wrong_rows_and_wrong_values():
    sums = by_id("3.3")
    right = sums.expected()
    assert sums.evaluate(right).status == RIGHT
    assert sums.evaluate(right.set_index(["parent_id", "relation"])).status == RIGHT  # keys in the index
    assert sums.evaluate(right.drop(columns="parts_sum")).reason == "missing_column"
    assert sums.evaluate(right.iloc[1:]).reason == "wrong_rows"
    assert sums.evaluate(right.assign(parts_sum=right["parts_sum"] + 1)).reason == "wrong_values"
    assert sums.evaluate(right["parts_sum"]).reason == "series"
    assert sums.evaluate(right.style).reason == "styled"


def test_a_choice_wants_letters_and_all_of_the_right_ones(language):
    language("zh")
    several = by_id("7.3")
    assert several.evaluate("ＡＤ").status == RIGHT and several.evaluate(["d", "a"]).status == RIGHT
    assert several.evaluate("x").reason == "letters"
    assert several.evaluate("d").reason == "part"
    assert by_id("1.4").evaluate("ab").reason == "letters"  # one letter only


def test_a_chart_is_read_through_its_bars_title_and_source(language):
    import matplotlib.pyplot as plt

    from analysis import charts

    language("zh")
    chart = by_id("4.1")
    fig = charts.part_to_whole("judicial_office_staff", title="基层司法所人员构成")
    assert chart.evaluate(fig).status == RIGHT
    assert chart.evaluate(fig.axes[0]).status == RIGHT  # an Axes stands for its figure
    assert chart.evaluate(charts.part_to_whole("judicial_office_staff", lang="en",
                                               title="Staff")).reason == "wrong_source"
    assert chart.evaluate(charts.part_to_whole("epidemic_cases", title="涉疫案件")).reason == "wrong_bars"
    assert chart.evaluate("fig").reason == "not_a_figure"
    plt.close("all")


def test_a_sentence_may_give_only_computed_numbers(language):
    language("en")
    finding = by_id("7.2")
    share = finding.numbers()["share"]
    assert finding.evaluate(f"Civil cases were {share:.1f}% of legal-aid cases.").status == RIGHT
    assert finding.evaluate(f"Civil cases were {share:.0f}% of legal-aid cases.").status == RIGHT
    assert finding.evaluate(f"Civil cases were {share + 3:.1f}% of legal-aid cases.").reason == "untraced"
    assert finding.evaluate("Civil cases were most legal-aid cases.").reason == "missing_share"


def test_an_export_folder_without_charts_is_not_answered(tmp_path):
    assert by_id("4.3").evaluate(tmp_path).status == BLANK


def test_a_figure_row_is_validated_by_the_package_rules():
    from analysis.teach.helpers import validate_row

    from analysis.teach.helpers import ROW_FIELDS

    row = {k: analysis.get_figure("volunteers_per_township")[k] for k in ROW_FIELDS
           if k not in ("figure_id", "note")}
    row["figure_id"] = "volunteers_draft"
    assert validate_row(row) == []
    problems = validate_row({**row, "quote": row["quote"] + "，"})
    assert problems and "figures.csv, line 2" in problems[0] and "'quote'" in problems[0]


# ------------------------------------------------------------------ the guide


@pytest.mark.parametrize("lang", LANGS)
def test_the_guides_minutes_add_up_to_the_schedule(lang):
    guide = build.guide_path(lang).read_text(encoding="utf-8")
    table = guide.split(f"| {build.W['start'](lang)} |", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    *slots, total = rows
    minutes = [int(r[4]) for r in slots]
    assert sum(minutes) == int(total[4].strip("*"))
    assert sum(int(r[2]) for r in slots) == int(total[2]) and sum(int(r[3] or 0) for r in slots) == int(total[3])
    starts = [int(h) * 60 + int(m) for h, m in (r[0].split(":") for r in slots)]
    assert starts == [sum(minutes[:i]) for i in range(len(minutes))]
    for episode in EPISODES:
        row = next(r for r in slots if build.W["episode"](lang, n=episode.number,
                                                            title=episode.words("title", lang)) == r[1])
        assert (int(row[2]), int(row[3])) == episode.minutes()
    assert 165 <= sum(minutes) <= 195, "about three hours"


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_gives_every_answer_and_mistake(lang, language):
    language(lang)
    guide = build.guide_path(lang).read_text(encoding="utf-8")
    for ex in EXERCISES:
        assert f"### {build.W['exercise'](lang, id=ex.id)}" in guide
        assert ex.solution_code in guide
        for mistake in ex.mistakes:
            assert ex.say(mistake.why, lang).replace("|", "\\|") in guide


def test_the_glossary_section_is_filled_from_the_glossary_table(monkeypatch):
    terms = pd.DataFrame({"term_id": ["editorial_posts"], "term_zh": ["编制"], "term_en": ["staffing posts"],
                          "definition_en": ["Authorised posts, not people."], "definition_zh": ["核定的编制数。"],
                          "source": ["a source"], "source_zh": ["出处"]})
    monkeypatch.setattr(build, "load_table", lambda name: terms)
    assert "| 编制 | staffing posts | 核定的编制数。 | 出处 |" in build.glossary("zh")
    assert "| staffing posts | 编制 | Authorised posts, not people. | a source |" in build.glossary("en")


# ------------------------------------------------- learners start clean


def test_the_workspace_gets_fresh_copies_and_keeps_a_learners_work(tmp_path):
    target = build.copy_workspace("zh", tmp_path)
    names = sorted(p.name for p in target.glob("*.ipynb"))
    assert names == [f"{e.stem}.ipynb" for e in EPISODES]
    (target / names[0]).write_text("my work", encoding="utf-8")
    build.copy_workspace("zh", tmp_path)
    assert (target / names[0]).read_text(encoding="utf-8") == "my work"
    build.copy_workspace("zh", tmp_path, fresh=True)
    assert (tmp_path / "zh-previous-1" / names[0]).read_text(encoding="utf-8") == "my work"
    assert (target / names[0]).read_text(encoding="utf-8") != "my work"
    settings = tmp_path / ".jupyterlab-settings" / "zh" / "@jupyterlab" / "translation-extension"
    assert '"zh_CN"' in (settings / "plugin.jupyterlab-settings").read_text(encoding="utf-8")


def test_learners_copies_are_not_the_packages_notebooks(tmp_path):
    for path in notebook_paths():
        shutil.copy(path, tmp_path / path.name)
    first = notebook_paths()[0]
    for name in (f"{first.stem}-Copy1.ipynb", "Untitled.ipynb", f"{first.stem} (1).ipynb"):
        shutil.copy(first, tmp_path / name)
    assert [p.name for p in notebook_paths(tmp_path)] == [p.name for p in notebook_paths()]
    assert [row["notebook"] for row in notebook_index(tmp_path)] == [p.name for p in notebook_paths()]


def test_a_copy_does_not_reach_the_tests(tmp_path):
    """pytest, with the project's own settings, collects the package's notebooks and not a
    JupyterLab copy beside them, nor a workspace."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copy(ROOT / "conftest.py", tmp_path)
    (tmp_path / "tests").mkdir()
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    for folder, name in [("notebooks", "00-index.ipynb"), ("notebooks", "00-index-Copy1.ipynb"),
                         ("notebooks", "explorer.ipynb"), ("notebooks", "explorer-Copy1.ipynb"),
                         ("notebooks", "Untitled.ipynb"), ("workshop/solutions/zh", "01-text-to-table.ipynb"),
                         ("workshop/solutions/zh", "01-text-to-table-Copy1.ipynb"),
                         ("workspace/zh", "01-text-to-table.ipynb")]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, tmp_path / folder / name)
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    collected = sorted({line.split("::")[0] for line in done.stdout.splitlines() if "::" in line})
    assert collected == ["notebooks/00-index.ipynb", "notebooks/explorer.ipynb",
                         "workshop/solutions/zh/01-text-to-table.ipynb"], done.stdout


def test_every_notebook_the_package_keeps_is_tested():
    """Each committed notebook with outputs is one of the package's own, so nbval checks it."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run([git, "ls-files", "notebooks/*.ipynb", "workshop/solutions/*.ipynb"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    assert len(tracked) > len(notebook_paths())
    assert [name for name in tracked if not is_own(ROOT / name)] == []


# ------------------------------------- answers learners really give, worked through


def _rate(exercise_id: str) -> float:
    return by_id(exercise_id).value()


# (exercise, a wrong answer, the reason its hint is given for): each is what a learner typed
# when the workshop was worked through
LEARNER_ANSWERS = [
    ("1.1", lambda: None, "not_a_number"),
    ("1.1", lambda: f"{analysis.value('mediators'):,.0f}", "not_a_number"),
    ("2.2", lambda: f"{_rate('2.2'):.1f}%", "not_a_number"),
    ("2.2", lambda: round(_rate("2.2")), "rounded"),
    ("2.2", lambda: analysis.value("review_correction_rate"), "stated"),
    ("2.4", lambda: _rate("2.4") / 100, "fraction"),
    ("7.1", lambda: round(_rate("7.1")), "rounded"),
    ("1.2", lambda: analysis.search("调解员").query("figure_id == 'mediators'")["section"], "series"),
    ("5.1", lambda: by_id("5.1").expected().round(1), "rounded"),
    ("5.2", lambda: "行业性专业性调委会", "named_otherwise"),
    ("5.2", lambda: "mediators_sectoral", "named_otherwise"),
    ("5.3", lambda: "九月十一日", "date_form"),
    ("5.3", lambda: "09月11日", "date_form"),
    ("5.3", lambda: "11 September", "date_form"),
    ("6.1", lambda: [1.0, 2.0], "values"),
    ("7.2", lambda: "", "empty"),
    ("7.2", lambda: "Civil cases were {share:.1f}% of the cases.", "no_f"),
    ("7.3", lambda: "abd", "option-b"),
    ("7.3", lambda: None, "letters"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("exercise_id,answer,reason", LEARNER_ANSWERS,
                         ids=[f"{e}-{r}-{i}" for i, (e, _, r) in enumerate(LEARNER_ANSWERS)])
def test_a_learners_wrong_answer_gets_the_hint_for_it_in_words(exercise_id, answer, reason, lang, language):
    language(lang)
    result = by_id(exercise_id).evaluate(answer())
    assert result.status == WRONG and result.reason == reason, result.message
    for code_name in ("NoneType", "Series;", "Series，", " list", "is str", "是str", "几个个"):
        assert code_name not in result.message
    assert (re.search(r"[\u4e00-\u9fff]{4}", result.message.split("：", 1)[-1]) is not None) == (lang == "zh") \
        or lang == "en" and reason in ("named_otherwise",), result.message


def test_an_exact_quantity_is_a_number_and_a_quantity_with_words_is_not():
    assert by_id("1.1").evaluate(analysis.quantity("mediators")).status == RIGHT
    assert "analysis.value" in by_id("1.1").evaluate(analysis.quantity("credit_records")).message


@pytest.mark.parametrize("lang", LANGS)
def test_a_sentence_is_read_as_typed_and_in_its_language(lang, language):
    language(lang)
    finding = by_id("7.2")
    share = finding.numbers()["share"]
    full_width = f"民事案件占法律援助案件的{share:.1f}％。".translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    assert finding.evaluate(full_width).status == (RIGHT if lang == "zh" else WRONG)
    mixed = f"Civil cases (民事) were {share:.1f}% of the legal-aid cases."  # a Chinese term in an English sentence
    assert finding.evaluate(mixed).status == (RIGHT if lang == "en" else WRONG)


def test_the_paragraph_of_a_section_the_report_lacks_is_a_message_not_an_error(language):
    from analysis.teach import paragraph

    assert paragraph("一、（四）4.3）") == paragraph("一、(四)4.3)")  # full-width brackets as typed
    language("zh")
    said = paragraph("(三)")
    assert said.startswith("报告中没有“(三)”这个章节") and "“一、(三)”" in said and "“二、(三)”" in said
    language("en")
    assert paragraph(None).startswith("No paragraph to show")


def test_validate_says_what_it_wants_for_something_that_is_not_a_row(capsys):
    from analysis.teach import validate

    validate("row")
    assert capsys.readouterr().out.startswith("Not validated: validate() takes the row")


def test_an_export_answer_that_is_not_a_folder_is_not_answered_and_says_which_folder():
    result = by_id("4.3").evaluate(None)
    assert result.status == BLANK and "EXPORTS" in result.message and "None" not in result.message


def test_a_rejected_row_gets_the_fields_own_hint_after_the_validators_rule(language):
    language("zh")
    subsidy = by_id("6.2")
    from analysis.teach.helpers import ROW_FIELDS

    row = {k: analysis.get_figure("full_time_mediator_subsidy")[k] for k in ROW_FIELDS if k not in ("figure_id", "note")}
    row.update(figure_id="subsidy_draft", note="", qualifier="精确")
    result = subsidy.evaluate(row)
    assert result.reason == "invalid" and "'qualifier'" in result.message
    assert subsidy.say(subsidy.field_hints["qualifier"]) in result.message


def test_the_chinese_guide_writes_its_labels_and_lists_with_chinese_punctuation():
    guide = build.guide_path("zh").read_text(encoding="utf-8")
    assert re.findall(r"\*\*[\u4e00-\u9fff]+:\*\*", guide) == []  # 答案: is written 答案：
    assert "**答案：** " + "、".join(by_id("6.1").expected()) in guide
