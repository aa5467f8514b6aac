"""Chapter 05's checkers: the reference solutions pass in both languages; the stub and typical
mistakes fail with a message about that mistake. (The tables of the loss floor's known values and of
the step's known mistakes are run by tests/test_exercises.py.)"""

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
    summed=False,
    g_summed=False,
    generator_first=False,
    swap=False,
    own_noise=False,
    extra_draw=False,
    g_batch=None,
    own_g_optimizer=False,
    none_gradient=None,
    swap_losses=False,
    nudge=False,
    crash=False,
    one_optimizer=None,
    d_ascent=False,
    g_ascent=False,
    misfit=False,
):
    """A train_step as the chapter's solution writes it, with one typical mistake switched on
    (``misfit``: the discriminator's gradients paired with the generator's weights)."""

    def train_step(generator, discriminator, d_optimizer, g_optimizer, real, draw_noise):
        n = len(real)
        if crash:
            raise ValueError("boom")
        if own_noise:
            draw_noise = lambda k: keras.random.normal((k, 4))  # noqa: E731
        bce = keras.losses.BinaryCrossentropy(reduction="sum" if summed else "sum_over_batch_size")
        g_bce = keras.losses.BinaryCrossentropy(reduction="sum") if g_summed else bce
        d_opt, g_opt = (g_optimizer, d_optimizer) if swap else (d_optimizer, g_optimizer)
        if own_g_optimizer:
            g_opt = keras.optimizers.Adam(2e-4, beta_1=0.5)
        if one_optimizer == "d":
            g_opt = d_opt
        elif one_optimizer == "own":
            d_opt = g_opt = keras.optimizers.Adam(2e-4, beta_1=0.5)

        def apply(optimizer, tape, loss, weights, phase):
            grads = tape.gradient(loss, weights)
            if none_gradient == phase:
                grads[0] = None
            paired = generator.trainable_variables if misfit and phase == "d" else weights
            optimizer.apply_gradients(zip(grads, paired))

        def d_phase():
            fake = generator(z1, training=False)
            images = tf.concat([real, fake], axis=0)
            targets = tf.concat([tf.fill((n, 1), smoothing), tf.fill((n, 1), fake_target)], axis=0)
            with tf.GradientTape() as tape:
                d_loss = bce(targets, discriminator(images, training=True))
                if d_ascent:
                    d_loss = -d_loss
            weights = discriminator.trainable_variables + (generator.trainable_variables if both_d else [])
            return d_loss, tape, weights

        def g_phase(z):
            with tf.GradientTape() as tape:
                judged = discriminator(generator(z, training=True), training=True)
                g_loss = g_bce(tf.fill((len(z), 1), g_target), judged)
                if g_ascent:
                    g_loss = -g_loss
            weights = generator.trainable_variables + (discriminator.trainable_variables if both_g else [])
            return g_loss, tape, weights

        z1 = draw_noise(n)
        z2 = z1 if reuse else draw_noise(g_batch or n)
        if extra_draw:
            draw_noise(n)
        if generator_first:
            g_loss, g_tape, g_w = g_phase(z2)
            apply(g_opt, g_tape, g_loss, g_w, "g")
        d_loss, d_tape, d_w = d_phase()
        apply(d_opt, d_tape, d_loss, d_w, "d")
        if not generator_first:
            g_loss, g_tape, g_w = g_phase(z2)
            apply(g_opt, g_tape, g_loss, g_w, "g")
        if nudge:
            generator.trainable_variables[0].assign_add(tf.fill(generator.trainable_variables[0].shape, 0.01))
        return (g_loss, d_loss) if swap_losses else (d_loss, g_loss)

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
    (3, "Bir fonksiyon bekleniyordu, int geldi", "Expected a function, got int"),
    (
        step(crash=True),
        "train_step çağrılınca hata verdi: ValueError: boom",
        "raised an error: ValueError: boom",
    ),
    (lambda *args: step()(*args)[0], "iki kaybı", "two losses"),
    (step(own_noise=True), "draw_noise 0 kez çağrıldı", "draw_noise was called 0 times"),
    (step(reuse=True), "draw_noise 1 kez çağrıldı", "draw_noise was called 1 times"),
    (step(extra_draw=True), "draw_noise 3 kez çağrıldı", "draw_noise was called 3 times"),
    (
        step(g_batch=8),
        r"4 gürültü vektörü çekin, draw_noise\(8\) değil",
        r"4 noise vectors per phase, not draw_noise\(8\)",
    ),
    (step(own_g_optimizer=True), r"\(sizinki: d\)", r"once per step \(yours: d\)"),
    (
        step(one_optimizer="d"),
        "d_optimizer'a iki ağın ağırlıkları da verildi",
        "d_optimizer was given the weights of both networks",
    ),
    (
        step(one_optimizer="own"),
        "İki ağ için tek bir eniyileyici",
        "One optimizer was used for both networks",
    ),
    (
        step(d_ascent=True),
        "Ayırtacın güncellemesi kaybını düşürmek yerine",
        "discriminator's update raises its loss",
    ),
    (
        step(g_ascent=True),
        "Üreticinin güncellemesi kaybını düşürmek yerine",
        "generator's update raises its loss",
    ),
    (step(both_g=True), "ayırtacın ağırlıklarına da", "for the discriminator too"),
    (step(both_d=True), "iki ağın ağırlıklarına da", "gradients for both networks"),
    (step(swap=True), "karışmış", "mixed up"),
    (
        step(misfit=True),
        r"d_optimizer'a \(4, 8\) şeklindeki bir ağırlık için \(16, 8\) şeklinde",
        r"d_optimizer was given a gradient of shape \(16, 8\) for a weight of shape \(4, 8\)",
    ),
    (
        step(generator_first=True),
        "Önce ayırtaç.*sizin sıranız: g, d",
        "First the discriminator.*your order: g, d",
    ),
    (
        step(none_gradient="d"),
        "Ayırtacın bazı ağırlıklarının gradyanı None",
        "discriminator's gradients are None",
    ),
    (
        step(summed=True),
        "ganlib'inkinin 8 katı: kayıp 2n",
        "gradient is 8 times ganlib's: take the mean over the 2n",
    ),
    (step(smoothing=0.8), "Ayırtacın gradyanı ganlib'inkinden farklı", "discriminator's gradient differs"),
    (
        step(none_gradient="g"),
        "Üreticinin gradyanları yok ya da sıfır",
        "generator's gradients are missing or zero",
    ),
    (
        step(g_summed=True),
        "ganlib'inkinin 4 katı: kayıp n sahtenin",
        "gradient is 4 times ganlib's: take the mean over the n",
    ),
    (step(g_target=0.5), "Üreticinin gradyanı ganlib'inkinden farklı", "generator's gradient differs"),
    (step(swap_losses=True), "döndürülen kayıplar değil", "returned losses are not"),
    (step(nudge=True), "1. adımdan sonra ağırlıklar", "After step 1 the weights differ"),
]


@pytest.mark.parametrize("wrong, tr_words, en_words", WRONG_STEPS)
def test_train_step_mistakes_are_explained(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_train_step(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_train_step(wrong, lang="tr")


@pytest.mark.parametrize(
    "wrong",
    [step(one_optimizer="d"), step(one_optimizer="own"), step(misfit=True)],
    ids=["d", "own", "misfit"],
)
def test_a_wrong_optimizer_set_up_is_named_without_kerass_tensor_dump(wrong):
    with pytest.raises(ex.ExerciseError) as err:
        ex.check_train_step(wrong, lang="tr")
    said = str(err.value)
    assert "\n" not in said and "Unknown variable" not in said and "Variable path" not in said
    assert "Incompatible" not in said and "function_node" not in said


FLOOR = -(0.9 * math.log(0.9) + 0.1 * math.log(0.1)) / 2


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_loss_floor(lang, capsys):
    ex.check_loss_floor(FLOOR + 1e-3, lang=lang)
    assert capsys.readouterr().out.startswith("✓")
    for answer in (None, ...):
        with pytest.raises(ex.ExerciseError, match="doldur|fill in"):
            ex.check_loss_floor(answer, lang=lang)


@pytest.mark.parametrize(
    "wrong, tr_words, en_words",
    [
        (0.3, "Değil", "Not quite"),
        ("0.16", "Tek bir sayı bekleniyordu, str", "Expected one number, got str"),
        (True, "Değil", "Not quite"),  # a bool counts as the number it is
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
    for estimate in (0.35, 0.385):  # within the exercise's stated 0.02: accepted, with the exact value
        ex.check_never_seen(estimate, lang=lang)
        said = capsys.readouterr().out
        assert said.startswith("✓") and ("0,3685" if lang == "tr" else "0.3685") in said
    with pytest.raises(ex.ExerciseError, match="ıskalama|miss it"):
        ex.check_never_seen(0.34, lang=lang)  # beyond the stated tolerance
    with pytest.raises(ex.ExerciseError, match="doldur|fill in"):
        ex.check_never_seen(None, lang=lang)


@pytest.mark.parametrize(
    "wrong, tr_words, en_words",
    [
        (0, "ganlib'in karıştırılmış dönemi", "ganlib's shuffled epoch"),
        (96 / 60_000, "yerine koyarak çeker", "the post draws with replacement"),
        (1 - NEVER, "en az bir kez", "at least once"),
        (36.8, "Yüzde değil", "not a percentage"),
        (0.5, "ıskalama", "miss it"),
        ("0.37", "sayı bekleniyordu", "Expected one number"),
    ],
)
def test_never_seen_mistakes(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_never_seen(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_never_seen(wrong, lang="tr")
