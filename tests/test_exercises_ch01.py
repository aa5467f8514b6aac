"""Chapter 01's checker: the derivatives of both generator losses with respect to the police's
logit, compared with automatic differentiation. The reference passes in both languages; an
unfilled stub asks to fill it in; the known mistakes of each function are the table in
ganlib/exercises/ch01.py (tests/test_exercises.py runs it); the other mistakes are here."""

import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib.exercises import ch01


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def saturating(a):
    return -sigmoid(a)


def non_saturating(a):
    return sigmoid(a) - 1


def stub(a):
    raise NotImplementedError


def check(sat, non, lang):
    ex.check_generator_loss_gradients(sat, non, lang=lang)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_reference_passes(lang, capsys):
    check(saturating, non_saturating, lang)
    out = capsys.readouterr().out
    assert out.startswith("✓")
    assert ("−0,0003" if lang == "tr" else "−0.0003") in out.replace("-", "−")


def test_other_correct_forms_pass(capsys):
    import tensorflow as tf

    check(lambda a: -np.exp(a) / (1 + np.exp(a)), lambda a: -1 / (1 + np.exp(a)), "en")
    check(lambda a: -tf.sigmoid(tf.constant(a, tf.float32)), lambda a: tf.sigmoid(a) - 1, "en")
    assert capsys.readouterr().out.count("✓") == 2


def test_the_checker_follows_autodiff():
    np.testing.assert_allclose(ch01._grad(0, ch01.LOGITS), saturating(ch01.LOGITS))
    np.testing.assert_allclose(ch01._grad(1, ch01.LOGITS), non_saturating(ch01.LOGITS))


@pytest.mark.parametrize("args", [(None, non_saturating), (saturating, None), (stub, stub)])
def test_unfilled_stub_fails_helpfully(args):
    with pytest.raises(ex.ExerciseError, match="fill in|No answer yet"):
        check(*args, "en")
    with pytest.raises(ex.ExerciseError, match="doldur|Henüz cevap yok"):
        check(*args, "tr")


WRONG = [
    # the table's mistakes name the function they are in
    (
        (saturating, lambda a: -1 / sigmoid(a)),
        "`non_saturating_grad`: türev D",
        "`non_saturating_grad`: differentiated by D",
    ),
    # a mean instead of one number per fake
    ((lambda a: np.mean(-sigmoid(a)), non_saturating), "her sahte için bir türev", "one derivative per fake"),
    (
        (saturating, lambda a: np.sum(sigmoid(a))),
        "`non_saturating_grad` her sahte için.*\\(\\) geldi",
        "`non_saturating_grad` should return one derivative per fake.*got \\(\\)",
    ),
    # not numbers at all
    (
        (lambda a: "−σ(a)", non_saturating),
        "bir dizi.*str geldi",
        "an array of shape \\(6,\\); got str",
    ),
    # anything else: the expected and the received values
    (
        (saturating, lambda a: -np.exp(-a)),
        "`non_saturating_grad`\\(a = .*0,0180",
        "`non_saturating_grad`\\(a = .*0.0180",
    ),
    (
        (lambda a: -np.exp(a), non_saturating),
        "`saturating_grad`\\(a = .* olmalıydı",
        "`saturating_grad`\\(a = .* should be",
    ),
    # a crash in the student's code
    ((saturating, lambda a: a.nonexistent), "hata verdi", "raised an error"),
]


@pytest.mark.parametrize("answer, tr_words, en_words", WRONG)
def test_typical_wrong_answers_are_explained(answer, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        check(*answer, "en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        check(*answer, "tr")
