"""Chapter 04's checker: the reference solution passes in both languages; the stub and typical
mistakes fail with a message about that mistake."""

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


def loss_with(real_target=None, fake_target=0.0, g_target=1.0, g_from_real=False, saturating=False):
    def func(d_real, d_fake, smoothing=0.9):
        r = smoothing if real_target is None else real_target(smoothing)
        f = fake_target(smoothing) if callable(fake_target) else fake_target
        d = np.mean(np.r_[numpy_bce(r, d_real[:, 0]), numpy_bce(f, d_fake[:, 0])])
        judged = d_real if g_from_real else d_fake
        g = np.mean(np.log(1 - judged)) if saturating else np.mean(numpy_bce(g_target, judged))
        return d, g

    return func


def broadcast(d_real, d_fake, smoothing=0.9):
    y = discriminator_targets(len(d_real), smoothing)  # (2n,) against answers (2n, 1)
    return numpy_bce(y, np.concatenate([d_real, d_fake])).mean(), numpy_bce(1.0, d_fake).mean()


def halves_added(d_real, d_fake, smoothing=0.9):
    d = numpy_bce(smoothing, d_real).mean() + numpy_bce(0.0, d_fake).mean()
    return d, numpy_bce(1.0, d_fake).mean()


@pytest.mark.parametrize("solution", [gan_losses, by_hand])
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_reference_solutions_pass(solution, lang, capsys):
    ex.check_gan_losses(solution, lang=lang)
    assert capsys.readouterr().out.startswith("✓")


def test_stub_fails_helpfully():
    for answer in (None, stub):
        with pytest.raises(ex.ExerciseError, match="fill in"):
            ex.check_gan_losses(answer, lang="en")
        with pytest.raises(ex.ExerciseError, match="doldur"):
            ex.check_gan_losses(answer, lang="tr")


WRONG = [
    (broadcast, "tabloya yayıyor", "broadcasts"),
    (loss_with(real_target=lambda s: 1.0), "smoothing parametresini", "smoothing argument"),
    (loss_with(fake_target=lambda s: 1 - s), "Sahte taraf", "fake side"),
    (halves_added, "ortalamalarını topladınız", "added the two halves"),
    (loss_with(g_target=0.0), "hedefi 0 alınmış", "target was taken as 0"),
    (loss_with(g_target=0.9), "yumuşatılmış", "smoothed"),
    (loss_with(saturating=True), "doyan kayıp", "saturating loss"),
    (loss_with(g_from_real=True), "d_fake", "d_fake"),
    (lambda d_real, d_fake, s=0.9: numpy_bce(1.0, d_fake), "İki kayıp", "two losses"),
    (lambda d_real, d_fake, s=0.9: (numpy_bce(s, d_real), 0.0), "tek bir sayı", "one number"),
]


@pytest.mark.parametrize("wrong, tr_words, en_words", WRONG)
def test_typical_mistakes_are_explained(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_gan_losses(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_gan_losses(wrong, lang="tr")


def test_reversed_targets_are_explained():
    def reversed_order(d_real, d_fake, smoothing=0.9):
        y = np.concatenate([np.zeros(len(d_real)), np.full(len(d_real), smoothing)])
        return numpy_bce(y, np.concatenate([d_real, d_fake])[:, 0]).mean(), numpy_bce(1.0, d_fake).mean()

    with pytest.raises(ex.ExerciseError, match="wrong order"):
        ex.check_gan_losses(reversed_order, lang="en")
