"""Chapter 07's checkers: the classifier score, and a ring GAN broken on purpose and diagnosed.

The broken-ring checker trains the chapter's 3,000 steps (5 s); here it trains 400, enough for
its verdicts on these settings. nbval runs the chapter's own solution at full length in both
editions and compares the checker's message with the stored one.
"""

import functools

import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib import ring
from ganlib.exercises import ch07
from ganlib.metrics import classifier_score

_full_length = ring.train_ring


@functools.wraps(_full_length)
def _short(**settings):
    return _full_length(**{"steps": 400, **settings})


@pytest.fixture(autouse=True)
def short_ring_runs(monkeypatch):
    monkeypatch.setattr(ring, "train_ring", _short)


def stub(*args):
    raise NotImplementedError


def test_score_stub_fails_helpfully():
    """The solution and each known mistake: tests/test_exercises.py runs ch07's table."""
    for answer in (None, stub):
        with pytest.raises(ex.ExerciseError, match="fill in"):
            ex.check_classifier_score(answer, lang="en")
        with pytest.raises(ex.ExerciseError, match="doldur"):
            ex.check_classifier_score(answer, lang="tr")


def test_score_names_its_case_in_the_page_language():
    with pytest.raises(ex.ExerciseError, match=r"For eye\(10\) expected 10.000, got 1.105"):
        ex.check_classifier_score(lambda p: float(np.exp(np.mean(p))), lang="en")
    with pytest.raises(ex.ExerciseError, match="tek sınıf için 1,000 bekleniyordu, 1,500 geldi"):
        # right except on the one-class case, where the score should be 1
        ex.check_classifier_score(
            lambda p: classifier_score(p) * (1.5 if p[0, 3] == p[1, 3] == 1 else 1), lang="tr"
        )


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_broken_ring_solution_passes(lang, capsys):
    ex.check_broken_ring({"lr_d": 1e-5}, "quality", lang=lang)
    out = capsys.readouterr().out
    assert out.startswith("✓") and ("0 mod" in out if lang == "tr" else "0 modes" in out)


def test_broken_ring_stub_fails_helpfully():
    with pytest.raises(ex.ExerciseError, match="fill in"):
        ex.check_broken_ring(None, None, lang="en")
    with pytest.raises(ex.ExerciseError, match="doldur"):
        ex.check_broken_ring({"lr_d": 1e-5}, None, lang="tr")


@pytest.mark.parametrize(
    "settings, predicted, tr, en",
    [
        ({"lr_d": 1e-5}, "modes", "Tahmininiz mod çökmesiydi", "You predicted a mode collapse"),
        ({}, "modes", "sözlük olarak verin", "as a dict"),
        ({"lr": 1}, "modes", "böyle bir ayarı yok", "no such setting"),
        ({"seed": 4}, "modes", "yalnızca hangi koşuyu", "only pick the run"),
        ({"minibatch_std": False}, "modes", "bölümün kendi deneyi", "chapter's own experiment"),
        ({"steps": 10**6}, "quality", "saniyeler", "in seconds"),
        ({"lr_d": 1e-5}, "both", "'modes'.*'both' değil", "'modes'.*not 'both'"),
        ([("lr_d", 1e-5)], "quality", "sözlük", "dict"),
        ({"steps": -3}, "quality", "çalışmadı", "refused"),
    ],
)
def test_broken_ring_mistakes_are_explained(settings, predicted, tr, en):
    with pytest.raises(ex.ExerciseError, match=en):
        ex.check_broken_ring(settings, predicted, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr):
        ex.check_broken_ring(settings, predicted, lang="tr")


def test_diagnosis_of_the_measure():
    assert ch07._diagnose({"modes": 0, "quality": 0.01}) == "quality"
    assert ch07._diagnose({"modes": 1, "quality": 0.98}) == "modes"
    assert ch07._diagnose({"modes": 8, "quality": 0.7}) == "healthy"
    assert ch07._diagnose({"modes": 5, "quality": 0.7}) == "unclear"


def test_a_collapse_is_diagnosed_as_modes(monkeypatch, capsys):
    """A run the measure calls a collapse passes with "modes" and fails with "quality"."""
    import inspect

    from ganlib import ring

    def fake_training(result):
        def train_ring(**kw):
            return result

        train_ring.__signature__ = inspect.signature(ring.train_ring)
        return train_ring

    collapsed = ring.RingRun(settings={}, real=np.zeros((1, 2)), measures=[{"modes": 1, "quality": 0.95}])
    monkeypatch.setattr(ring, "train_ring", fake_training(collapsed))
    ex.check_broken_ring({"hidden": 8}, "modes", lang="en")
    assert capsys.readouterr().out.startswith("✓")
    with pytest.raises(ex.ExerciseError, match="That is a mode collapse"):
        ex.check_broken_ring({"hidden": 8}, "quality", lang="en")
    healthy = ring.RingRun(settings={}, real=np.zeros((1, 2)), measures=[{"modes": 8, "quality": 0.7}])
    monkeypatch.setattr(ring, "train_ring", fake_training(healthy))
    with pytest.raises(ex.ExerciseError, match="did not break"):
        ex.check_broken_ring({"hidden": 256}, "modes", lang="en")
