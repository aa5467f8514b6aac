"""Chapter 06's checker: the straight walk rescaled onto the shell."""

import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib.exercises.ch06 import reference_shell_walk
from ganlib.sampling import interpolate


def unit(line):
    return line / np.linalg.norm(line, axis=1, keepdims=True)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_reference_passes(lang, capsys):
    ex.check_shell_walk(reference_shell_walk, lang=lang)
    assert capsys.readouterr().out.startswith("✓")


def test_stub_fails_helpfully():
    def stub(*args):
        raise NotImplementedError

    with pytest.raises(ex.ExerciseError, match="fill in"):
        ex.check_shell_walk(stub, lang="en")
    with pytest.raises(ex.ExerciseError, match="doldur"):
        ex.check_shell_walk(stub, lang="tr")
    with pytest.raises(ex.ExerciseError, match="doldur"):
        ex.check_shell_walk(None, lang="tr")


WRONG = [
    (lambda a, b, n: np.linspace(a, b, n), "düz çizginin kendisi", "plain straight line"),
    (lambda a, b, n: unit(np.linspace(a, b, n)), "birim vektör", "unit vectors"),
    (lambda a, b, n: unit(np.linspace(a, b, n)) * np.sqrt(200), "Uçlar tutmuyor", "ends are off"),
    (
        lambda a, b, n: np.linspace(a, b, n) / np.linalg.norm(np.linspace(a, b, n)) * 14,
        "aynı sayıyla",
        "same number",
    ),
    (lambda a, b, n: interpolate(a, b, n, method="slerp"), "Bu slerp", "This is slerp"),
    (lambda a, b, n: reference_shell_walk(b, a, n), "Yön ters", "Wrong direction"),
    (lambda a, b, n: reference_shell_walk(a, b, n)[:-1], "9 nokta", "Expected 9 points"),
    (lambda a, b, n: reference_shell_walk(a, b, n)[:, :10], "şeklinde", "shape"),
    (lambda a, b, n: reference_shell_walk(a, b, n) ** 3 / 100, "Uçlar", "ends"),
]


@pytest.mark.parametrize("wrong, tr, en", WRONG)
def test_typical_mistakes_are_explained(wrong, tr, en):
    with pytest.raises(ex.ExerciseError, match=en):
        ex.check_shell_walk(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr):
        ex.check_shell_walk(wrong, lang="tr")


def test_uneven_lengths_are_reported():
    def uneven(a, b, n):
        t = np.linspace(0, 1, n)[:, None] ** 2
        lengths = (1 - t) * np.linalg.norm(a) + t * np.linalg.norm(b)
        return unit(np.linspace(a, b, n)) * lengths

    with pytest.raises(ex.ExerciseError, match="lengths should be"):
        ex.check_shell_walk(uneven, lang="en")
