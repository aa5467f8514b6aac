"""Chapter 04's checker: the reference solutions pass in both languages; the stub fails helpfully.
The known mistakes in each loss are the tables in ganlib/exercises/ch04.py (tests/test_exercises.py
runs them); answers of the wrong form and unknown mistakes are here."""

import keras
import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib.labels import discriminator_targets, generator_targets


def stub(*args):
    raise NotImplementedError


def gan_losses(d_real, d_fake, smoothing=0.9):
    """The reference: Keras' BinaryCrossentropy, as ganlib's training step uses it."""
    bce = keras.losses.BinaryCrossentropy()
    n = len(d_real)
    d_loss = bce(discriminator_targets(n, smoothing)[:, None], np.concatenate([d_real, d_fake]))
    return float(d_loss), float(bce(generator_targets(n)[:, None], d_fake))


def numpy_bce(y, p):
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def by_hand(d_real, d_fake, smoothing=0.9):
    """A NumPy solution that flattens the answers first."""
    p = np.concatenate([d_real, d_fake])[:, 0]
    y = np.concatenate([np.full(len(d_real), smoothing), np.zeros(len(d_fake))])
    return numpy_bce(y, p).mean(), numpy_bce(1.0, d_fake).mean()


@pytest.mark.parametrize("solution", [gan_losses, by_hand])
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_reference_solutions_pass(solution, lang, capsys):
    ex.check_gan_losses(solution, lang=lang)
    assert capsys.readouterr().out.startswith("✓")


def test_one_element_arrays_pass_too(capsys):
    ex.check_gan_losses(lambda *case: tuple(np.reshape(x, (1,)) for x in by_hand(*case)), lang="en")
    assert capsys.readouterr().out.startswith("✓")


def test_stub_fails_helpfully():
    for answer in (None, stub):
        with pytest.raises(ex.ExerciseError, match="fill in"):
            ex.check_gan_losses(answer, lang="en")
        with pytest.raises(ex.ExerciseError, match="doldur"):
            ex.check_gan_losses(answer, lang="tr")


WRONG = [
    (lambda d_real, d_fake, s=0.9: numpy_bce(1.0, d_fake), "iki sayı döndürün", "Return two numbers"),
    (lambda d_real, d_fake, s=0.9: (numpy_bce(s, d_real), 0.0), "ortalaması olan iki sayı", "each a mean"),
    (
        lambda d_real, d_fake, s=0.9: (0.123, by_hand(d_real, d_fake, s)[1]),
        "4 gerçek, 4 sahte ve smoothing=0,9 için d_loss 0,5146 olmalıydı, 0,1230 geldi",
        "For 4 real, 4 fake and smoothing=0.9 d_loss should be 0.5146, got 0.1230",
    ),
    (
        lambda d_real, d_fake, s=0.9: (by_hand(d_real, d_fake, s)[0], 0.5),
        "4 sahte için g_loss 1,1008 olmalıydı, 0,5000 geldi",
        "For 4 fakes g_loss should be 1.1008, got 0.5000",
    ),
    (lambda d_real, d_fake, s=0.9: 1 / "x", "hata verdi: TypeError", "(?s)raised an error.*TypeError"),
]


@pytest.mark.parametrize("wrong, tr_words, en_words", WRONG)
def test_typical_mistakes_are_explained(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_gan_losses(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_gan_losses(wrong, lang="tr")


def test_a_mistake_in_d_loss_is_named_whatever_g_loss_is():
    def both_wrong(d_real, d_fake, smoothing=0.9):
        return by_hand(d_real, d_fake, 1.0)[0], 0.5  # real targets of 1, and a made-up g_loss

    with pytest.raises(ex.ExerciseError, match="smoothing argument"):
        ex.check_gan_losses(both_wrong, lang="en")
