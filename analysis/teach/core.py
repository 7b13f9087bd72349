"""What every exercise shares: the blank learners fill in, the three outcomes (right, wrong
with a hint, not answered yet), words in both languages, and check / hint / solution.

An exercise's expected answer is computed from the package when it is first needed, never
typed in. Its typical mistakes are kept with it, each with an example of the wrong answer,
so that a test can prove the checker catches each one with the hint meant for it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Callable

import pandas as pd

from ..language.labels import Lang, current_language

RIGHT, WRONG, BLANK = "right", "wrong", "not answered"


class Blank:
    """The blank, written ____ in an exercise cell. Arithmetic with it stays blank, so a
    cell such as `rate = ____ / ____ * 100` runs and its check says "not answered yet"."""

    __pandas_priority__ = 10_000  # pandas hands operations with a blank back to it
    __array_ufunc__ = None  # and so does numpy

    def __repr__(self) -> str:
        return "____"

    def _same(self, *args) -> "Blank":
        return self

    def __getattr__(self, name: str) -> "Blank":  # ____.iloc[0], ____.sum() stay blank
        if name.startswith("__"):
            raise AttributeError(name)
        return self

    def __setitem__(self, key, value) -> None:  # table["share"] = … while table is ____
        pass

    __call__ = __getitem__ = _same
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _same
    __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = __round__ = _same


____ = Blank()


def unanswered(answer: Any) -> bool:
    """True while the answer is, or still holds, a blank."""
    if isinstance(answer, Blank):
        return True
    if isinstance(answer, dict):
        return any(unanswered(v) for v in answer.values())
    if isinstance(answer, (list, tuple, set)):
        return any(unanswered(v) for v in answer)
    if isinstance(answer, pd.Series):
        return answer.dtype == object and any(isinstance(v, Blank) for v in answer)
    if isinstance(answer, pd.DataFrame):
        return any(unanswered(answer[c]) for c in answer.columns)
    return False


@dataclass(frozen=True)
class Text:
    """Words in both languages; `text()` gives them in the current one."""

    en: str
    zh: str

    def __call__(self, lang: Lang | None = None, **values) -> str:
        words = self.zh if (lang or current_language()) == "zh" else self.en
        return words.format(**values) if values else words


def normal(text: str) -> str:
    """Text as typed, compared fairly: full-width forms folded (（一） is (一)), spaces dropped."""
    return "".join(unicodedata.normalize("NFKC", str(text)).split())


@dataclass
class Mistake:
    """A typical wrong answer: an example of it, what the learner was thinking (for the
    facilitator's guide), and the hint the learner gets.

    With no hint of its own, the mistake is one the kind's generic judgement already
    explains, and key names the reason it gives (missing_column, not_in_text …)."""

    key: str
    example: Callable[[], Any]  # a wrong answer of this kind, computed
    why: Text
    hint: Text | None = None
    detect: Callable[[Any], bool] | None = None  # default: the kind's own comparison


@dataclass
class Result:
    status: str  # RIGHT, WRONG or BLANK
    message: str
    reason: str = ""  # which mistake or which generic hint: tests hold the checker to it


MESSAGES = {
    BLANK: Text("Exercise {id}: not answered yet. Replace ____ with your answer and run the cell again.",
                "练习 {id}：尚未作答。请把 ____ 换成你的答案，再运行本单元格。"),
    RIGHT: Text("Exercise {id}: correct. {note}", "练习 {id}：回答正确。{note}"),
    WRONG: Text("Exercise {id}: not quite. {hint}", "练习 {id}：还不对。{hint}"),
    "hint": Text("Hint for exercise {id}: {hint}", "练习 {id} 提示：{hint}"),
    "solution": Text("Exercise {id}, answer: {answer}\n{why}\n\nOne way to write it:\n{code}",
                     "练习 {id} 参考答案：{answer}\n{why}\n\n参考写法：\n{code}"),
}


@dataclass
class Exercise:
    """One question of an episode: check(answer), hint(), solution().

    Kinds (number, choice, table, chart …) subclass it and say how an answer is judged."""

    id: str  # "2.3": episode 2, question 3
    hint_text: Text  # what hint() says
    explanation: Text  # why the answer is what it is (solution() and the guide)
    solution_code: str  # the model answer, run in the solutions notebook
    template: str  # the learner's cell, with blanks
    mistakes: list[Mistake] = field(default_factory=list)
    values: Callable[[], dict] | None = None  # numbers the words name, computed: {total} …
    last: Result | None = field(default=None, init=False, repr=False)
    _named: dict | None = field(default=None, init=False, repr=False)

    # ------------------------------------------------------------ for learners

    def check(self, answer: Any) -> None:
        """Print whether the answer is right, wrong (with a hint) or not given yet."""
        self.last = self.evaluate(answer)
        print(self.last.message)

    def hint(self) -> None:
        print(MESSAGES["hint"](id=self.id, hint=self.say(self.hint_text)))

    def solution(self) -> None:
        print(MESSAGES["solution"](id=self.id, answer=self.answer_text(), why=self.say(self.explanation),
                                   code=self.solution_code))

    def say(self, text: Text, lang: Lang | None = None) -> str:
        """Words in the language, with the numbers they name filled in from values()."""
        if self.values is None:
            return text(lang)
        if self._named is None:  # the data does not change while a process runs
            self._named = self.values()
        return text(lang, **self._named)

    # ------------------------------------------------------------ judging

    def evaluate(self, answer: Any) -> Result:
        if unanswered(answer):
            return Result(BLANK, MESSAGES[BLANK](id=self.id), "blank")
        judged = self.judge(answer)
        if judged.status == RIGHT:
            return judged
        for mistake in self.mistakes:
            if mistake.hint is not None and self._matches(mistake, answer):
                return self.wrong(self.say(mistake.hint), mistake.key)
        return judged

    def judge(self, answer: Any) -> Result:
        """RIGHT, or WRONG with the kind's generic hint; mistakes are looked at after."""
        raise NotImplementedError

    def same(self, answer: Any, other: Any) -> bool:
        """Does the answer equal a known (wrong) answer? Kinds define what equal means."""
        return answer == other

    def _matches(self, mistake: Mistake, answer: Any) -> bool:
        try:
            if mistake.detect is not None:
                return bool(mistake.detect(answer))
            return bool(self.same(answer, mistake.example()))
        except (TypeError, ValueError, KeyError, AttributeError):
            return False

    def right(self, note: str = "") -> Result:
        return Result(RIGHT, MESSAGES[RIGHT](id=self.id, note=note).rstrip(), "right")

    def wrong(self, hint: str, reason: str) -> Result:
        return Result(WRONG, MESSAGES[WRONG](id=self.id, hint=hint), reason)

    def answer_text(self, lang: Lang | None = None) -> str:
        """The expected answer as the guide and solution() show it."""
        raise NotImplementedError
