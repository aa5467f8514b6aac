"""Every checker: the reference solution passes; the untouched stub and typical wrong answers
fail with a helpful message in the page's language."""

import re
from pathlib import Path

import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib.metrics import classifier_score


def stub(*args):
    raise NotImplementedError


def no_marginal(p):
    """A typical mistake: forgetting p(y), i.e. exp(-entropy) instead of exp(KL)."""
    return float(np.exp(np.mean(np.sum(p * np.log(p + 1e-12), axis=1))))


CASES = {
    "check_classifier_score": (
        classifier_score,
        [
            (lambda p: np.log(classifier_score(p)), "exp eksik", "Missing exp"),
            (no_marginal, r"p\(y\) = probs", r"p\(y\) = probs"),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_reference_solution_passes(name, lang, capsys):
    solution, _ = CASES[name]
    ex.CHECKERS[name](solution, lang=lang)
    assert capsys.readouterr().out.startswith("✓")


@pytest.mark.parametrize("name", sorted(CASES))
def test_untouched_stub_fails_helpfully(name):
    answer = stub if callable(CASES[name][0]) else None
    with pytest.raises(ex.ExerciseError, match="fill in|No answer yet"):
        ex.CHECKERS[name](answer, lang="en")
    with pytest.raises(ex.ExerciseError, match="doldur"):
        ex.CHECKERS[name](answer, lang="tr")


@pytest.mark.parametrize("name", sorted(CASES))
def test_typical_wrong_answers_are_explained(name):
    for wrong, tr_words, en_words in CASES[name][1]:
        with pytest.raises(ex.ExerciseError, match=en_words):
            ex.CHECKERS[name](wrong, lang="en")
        with pytest.raises(ex.ExerciseError, match=tr_words):
            ex.CHECKERS[name](wrong, lang="tr")


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


@pytest.mark.parametrize("name, i", _registered())
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_each_mistake_in_a_table_gets_its_message(name, i, lang, capsys):
    """i = -1: the solution passes (✓); else mistake i fails with its own message, in both
    languages (the message's text up to its first field)."""
    from ganlib.exercises._core import EXERCISES

    exercise = EXERCISES[name]
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
