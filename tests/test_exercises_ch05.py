"""Chapter 05's checkers: the reference solutions pass in both languages; the stub and typical
mistakes fail with a message about that mistake."""

import math

import keras
import pytest
import tensorflow as tf

from ganlib import exercises as ex


def stub(*args):
    raise NotImplementedError


def step(
    smoothing=0.9,
    fake_target=0.0,
    g_target=1.0,
    reuse=False,
    both_d=False,
    both_g=False,
    saturating=False,
    summed=False,
    generator_first=False,
    stale_discriminator=False,
    swap=False,
):
    """A train_step as the chapter's solution writes it, with one typical mistake switched on."""

    def train_step(generator, discriminator, d_optimizer, g_optimizer, real, draw_noise):
        n = len(real)
        bce = keras.losses.BinaryCrossentropy(reduction="sum" if summed else "sum_over_batch_size")
        d_opt, g_opt = (g_optimizer, d_optimizer) if swap else (d_optimizer, g_optimizer)

        def d_phase():
            fake = generator(z1, training=False)
            images = tf.concat([real, fake], axis=0)
            targets = tf.concat([tf.fill((n, 1), smoothing), tf.fill((n, 1), fake_target)], axis=0)
            with tf.GradientTape() as tape:
                d_loss = bce(targets, discriminator(images, training=True))
            weights = discriminator.trainable_variables + (generator.trainable_variables if both_d else [])
            return d_loss, tape, weights

        def g_phase(z):
            with tf.GradientTape() as tape:
                judged = discriminator(generator(z, training=True), training=True)
                if saturating:
                    g_loss = -bce(tf.zeros((n, 1)), judged)
                else:
                    g_loss = bce(tf.fill((n, 1), g_target), judged)
            weights = generator.trainable_variables + (discriminator.trainable_variables if both_g else [])
            return g_loss, tape, weights

        z1 = draw_noise(n)
        z2 = z1 if reuse else draw_noise(n)
        if generator_first:
            g_loss, g_tape, g_w = g_phase(z2)
            g_opt.apply_gradients(zip(g_tape.gradient(g_loss, g_w), g_w))
        d_loss, d_tape, d_w = d_phase()
        if stale_discriminator:
            g_loss, g_tape, g_w = g_phase(z2)
        d_opt.apply_gradients(zip(d_tape.gradient(d_loss, d_w), d_w))
        if not generator_first:
            if not stale_discriminator:
                g_loss, g_tape, g_w = g_phase(z2)
            g_opt.apply_gradients(zip(g_tape.gradient(g_loss, g_w), g_w))
        return d_loss, g_loss

    return train_step


def two_calls(generator, discriminator, d_optimizer, g_optimizer, real, draw_noise):
    """Also right: real and fake through the discriminator in two calls, losses averaged."""
    n = len(real)
    bce = keras.losses.BinaryCrossentropy()
    fake = generator(draw_noise(n))
    with tf.GradientTape() as tape:
        d_real, d_fake = discriminator(real), discriminator(fake)
        d_loss = (bce(tf.fill((n, 1), 0.9), d_real) + bce(tf.zeros((n, 1)), d_fake)) / 2
    d_optimizer.apply_gradients(
        zip(tape.gradient(d_loss, discriminator.trainable_variables), discriminator.trainable_variables)
    )
    z = draw_noise(n)
    with tf.GradientTape() as tape:
        g_loss = bce(tf.ones((n, 1)), discriminator(generator(z)))
    g_optimizer.apply_gradients(
        zip(tape.gradient(g_loss, generator.trainable_variables), generator.trainable_variables)
    )
    return d_loss, g_loss


@pytest.mark.parametrize("solution", [step(), two_calls])
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_train_step_reference_passes(solution, lang, capsys):
    ex.check_train_step(solution, lang=lang)
    assert capsys.readouterr().out.startswith("✓")


def test_train_step_stub_fails_helpfully():
    for answer in (None, stub):
        with pytest.raises(ex.ExerciseError, match="fill in|No answer yet"):
            ex.check_train_step(answer, lang="en")
        with pytest.raises(ex.ExerciseError, match="doldur"):
            ex.check_train_step(answer, lang="tr")


WRONG_STEPS = [
    (step(both_g=True), "ayırtacın ağırlıklarına da", "for the discriminator too"),
    (step(both_d=True), "iki ağın ağırlıklarına da", "gradients for both networks"),
    (step(smoothing=1.0), "yumuşatmasız", "without smoothing"),
    (step(fake_target=0.1), "tek taraflıdır", "one-sided"),
    (step(reuse=True), "yeniden kullanıyor", "reuses the discriminator's noise"),
    (step(g_target=0.0), "hedefi 0", "target is 0"),
    (step(g_target=0.9), "yumuşatılmış", "smoothed"),
    (step(saturating=True), "doyan kayıp", "saturating loss"),
    (step(summed=True), "ortalaması", "mean over"),
    (step(generator_first=True), "Önce ayırtaç", "First the discriminator"),
    (step(stale_discriminator=True), "güncellenmeden önce", "before the discriminator was updated"),
    (step(swap=True), "karışmış", "mixed up"),
    (lambda *args: step()(*args)[0], "iki kaybı", "two losses"),
]


@pytest.mark.parametrize("wrong, tr_words, en_words", WRONG_STEPS)
def test_train_step_mistakes_are_explained(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_train_step(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_train_step(wrong, lang="tr")


FLOOR = -(0.9 * math.log(0.9) + 0.1 * math.log(0.1)) / 2


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_loss_floor(lang, capsys):
    ex.check_loss_floor(FLOOR, lang=lang)
    assert capsys.readouterr().out.startswith("✓")
    for answer in (None, ...):
        with pytest.raises(ex.ExerciseError, match="doldur|fill in"):
            ex.check_loss_floor(answer, lang=lang)


@pytest.mark.parametrize(
    "wrong, tr_words, en_words",
    [
        (2 * FLOOR, "yalnızca gerçek yarının", "real half's floor alone"),
        (0, "yumuşatmasız", "without smoothing"),
        (math.log(2), "ayırt edemeyen", "cannot tell"),
        (-math.log(0.9), "hedef 1 iken", "for target 1"),
        (0.3, "Değil", "Not quite"),
        ("0.16", "sayı bekleniyordu", "Expected a number"),
    ],
)
def test_loss_floor_mistakes(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_loss_floor(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_loss_floor(wrong, lang="tr")


NEVER = (1 - 1 / 60_000) ** (468 * 128)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_never_seen(lang, capsys):
    for answer in (NEVER, math.exp(-1)):
        ex.check_never_seen(answer, lang=lang)
        assert capsys.readouterr().out.startswith("✓")
    with pytest.raises(ex.ExerciseError, match="doldur|fill in"):
        ex.check_never_seen(None, lang=lang)


@pytest.mark.parametrize(
    "wrong, tr_words, en_words",
    [
        (0, "ganlib'in dönemi", "ganlib's epoch"),
        (96 / 60_000, "ganlib'in dönemi", "ganlib's epoch"),
        (1 - NEVER, "en az bir kez", "at least once"),
        (36.8, "Yüzde değil", "not a percentage"),
        (0.5, "ıskalama", "misses it"),
    ],
)
def test_never_seen_mistakes(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_never_seen(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_never_seen(wrong, lang="tr")
