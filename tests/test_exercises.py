"""Every checker: the reference solution passes; the untouched stub and typical wrong answers
fail with a helpful message in the page's language."""

import re
from pathlib import Path

import pytest

from ganlib import exercises as ex


@pytest.mark.parametrize("name", sorted(ex.CHECKERS))
def test_an_untouched_exercise_gets_no_answer_yet_in_the_pages_language(name):
    """The ✏️ cell as the student finds it (its answers still None) is told to fill it in,
    never a crash or a verdict on an answer nobody gave."""
    import inspect

    params = inspect.signature(ex.CHECKERS[name]).parameters.values()
    nothing = [None] * max(1, sum(p.default is p.empty and p.kind == p.POSITIONAL_OR_KEYWORD for p in params))
    with pytest.raises(ex.ExerciseError, match="No answer yet"):
        ex.CHECKERS[name](*nothing, lang="en")
    with pytest.raises(ex.ExerciseError, match="Henüz cevap yok"):
        ex.CHECKERS[name](*nothing, lang="tr")


def test_every_checker_is_used_by_a_chapter():
    """No dead checkers: each one is called by a check cell of both editions (whose wrong and
    right answers tests/notebooks/test_as_a_student.py runs)."""
    import nbformat

    for lang in ("tr", "en"):
        calls = "\n".join(
            c.source
            for path in sorted((Path(__file__).resolve().parents[1] / "book" / lang).glob("*.ipynb"))
            for c in nbformat.read(path, as_version=4).cells
            if "check" in c.get("metadata", {}).get("tags", [])
        )
        unused = [name for name in ex.CHECKERS if f"exercises.{name}(" not in calls]
        assert unused == [], f"{lang}: checkers no chapter calls: {unused}"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="'tr' or 'en'"):
        ex.check_loss_floor(0.16, lang="de")


# The checking core's tables: every exercise declared with ganlib.exercises._core.register.
def _registered():
    from ganlib.exercises import _core

    return [
        pytest.param(name, i, id=f"{name}-{i}")
        for name, exercise in sorted(_core.EXERCISES.items())
        for i in range(-1, len(exercise.mistakes))
    ]


# Checkers that run the answer on two devices: this process has one (tests/test_exercises_ch11.py)
TWO_DEVICES = {"check_replica_noise"}


@pytest.mark.parametrize("name, i", _registered())
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_each_mistake_in_a_table_gets_its_message(name, i, lang, capsys):
    """i = -1: the solution passes (✓); else mistake i fails with its own message, in both
    languages (the message's text up to its first field)."""
    from ganlib.exercises._core import EXERCISES

    exercise = EXERCISES[name]
    if name in TWO_DEVICES:
        pytest.skip("runs on two logical CPU devices, in a process of its own: tests/test_exercises_ch11.py")
    wrap = exercise.wrap or (lambda answer: answer)
    if i < 0:
        exercise.checker(wrap(exercise.solution), lang=lang)
        assert capsys.readouterr().out.startswith("✓")
        return
    mistake = exercise.mistakes[i]
    with pytest.raises(ex.ExerciseError) as caught:
        exercise.checker(wrap(mistake.answer), lang=lang)
    from ganlib.language import gettext

    words = [w.strip() for w in re.split(r"\{[^{}]*\}", gettext(mistake.message, lang=lang))]
    missing = [w for w in words if w and w not in str(caught.value)]
    assert missing == [], f"{name}: mistake {i} got {caught.value!s}"
