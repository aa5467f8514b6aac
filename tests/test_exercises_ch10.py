"""Chapter 10's checkers (the capstone): the solutions pass in both languages; typical mistakes fail
with their own message. The mistake tables (generator, discriminator, step, loop, Fréchet distance, own
run) are run by tests/test_exercises.py; the step's mistakes in the tutorial's order, its optimizer
set-ups and the own run's verdict are tested here."""

from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf

from ganlib import exercises as ex
from ganlib.exercises import ch10

LANGS = ["tr", "en"]
bce = keras.losses.BinaryCrossentropy(from_logits=True)


def stub(*args):
    raise NotImplementedError


def step(
    order="together",
    g_target=1.0,
    saturating=False,
    one_tape=False,
    detach=False,
    swap_losses=False,
    optimizers="own",
    misfit=False,
):
    """A train_step as the chapter's solution writes it (two tapes over one forward pass, or chapter
    05's order), with one typical mistake switched on (the table in ganlib/exercises/ch10.py holds the
    others, each phase in turn). ``optimizers``: "own" (each network its own),
    "d" or "g" (that one for both), "new" (one of the step's own for both); ``misfit``: the
    discriminator's gradients paired with the generator's weights."""
    loss = keras.losses.BinaryCrossentropy(from_logits=True)

    def train_step(generator, discriminator, d_optimizer, g_optimizer, real, noise):
        n = len(real)
        given = {
            "d": (d_optimizer, d_optimizer),
            "g": (g_optimizer, g_optimizer),
            "own": (d_optimizer, g_optimizer),
        }
        if optimizers == "new":
            d_optimizer = g_optimizer = keras.optimizers.SGD(0.05)
        else:
            d_optimizer, g_optimizer = given[optimizers]

        def d_loss_of(fake):
            real_logits = discriminator(real, training=True)
            fake_logits = discriminator(fake, training=True)
            return (loss(tf.ones((n, 1)), real_logits) + loss(tf.zeros((n, 1)), fake_logits)) / 2

        def g_loss_of(fake):
            judged = discriminator(fake, training=True)
            if saturating:
                return -loss(tf.zeros((n, 1)), judged)
            return loss(tf.fill((n, 1), g_target), judged)

        g_w, d_w = generator.trainable_variables, discriminator.trainable_variables
        if one_tape:
            with tf.GradientTape() as tape:
                fake = generator(noise, training=True)
                d_loss, g_loss = d_loss_of(fake), g_loss_of(fake)
                total = d_loss + g_loss
            grads = tape.gradient(total, d_w + g_w)
            d_optimizer.apply_gradients(zip(grads, d_w + g_w))
            return d_loss, g_loss
        if order == "together":
            with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
                fake = generator(noise, training=True)
                d_loss = d_loss_of(fake)
                g_loss = g_loss_of(tf.stop_gradient(fake) if detach else fake)
            g_optimizer.apply_gradients(zip(g_tape.gradient(g_loss, g_w), g_w))
            d_optimizer.apply_gradients(zip(d_tape.gradient(d_loss, d_w), d_w))
        else:  # chapter 05's order: the discriminator's phase, then the generator's
            fake = generator(noise, training=True)
            with tf.GradientTape() as tape:
                d_loss = d_loss_of(fake)
            d_optimizer.apply_gradients(zip(tape.gradient(d_loss, d_w), g_w if misfit else d_w))
            with tf.GradientTape() as tape:
                g_loss = g_loss_of(generator(noise, training=True))
            g_optimizer.apply_gradients(zip(tape.gradient(g_loss, g_w), g_w))
        return (g_loss, d_loss) if swap_losses else (d_loss, g_loss)

    return train_step


def tutorial_step(generator, discriminator, d_optimizer, g_optimizer, real, noise):
    """The TensorFlow tutorial's step as it is written there: the two halves' losses added."""
    with tf.GradientTape() as gen_tape, tf.GradientTape() as disc_tape:
        fake = generator(noise, training=True)
        real_output = discriminator(real, training=True)
        fake_output = discriminator(fake, training=True)
        g_loss = bce(tf.ones_like(fake_output), fake_output)
        d_loss = bce(tf.ones_like(real_output), real_output) + bce(tf.zeros_like(fake_output), fake_output)
    g_w, d_w = generator.trainable_variables, discriminator.trainable_variables
    g_optimizer.apply_gradients(zip(gen_tape.gradient(g_loss, g_w), g_w))
    d_optimizer.apply_gradients(zip(disc_tape.gradient(d_loss, d_w), d_w))
    return d_loss, g_loss


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "answer", [step(), step(order="phases"), tutorial_step], ids=["together", "phases", "tutorial"]
)
def test_right_steps_pass(answer, lang, capsys):
    ex.check_gan_step(answer, lang=lang)
    assert capsys.readouterr().out.startswith("✓")


STEP_MISTAKES = {
    "one_tape": (step(one_tape=True), "gradients for both networks", "iki ağın ağırlıklarına da"),
    "g target 0": (step(g_target=0.0), "say 0", "0 \\(sahte\\) dedirtmek"),
    "saturating": (step(saturating=True), "saturating", "doyan"),
    "detached": (step(detach=True), "missing or zero", "bandının içinde"),
    "swapped losses": (step(swap_losses=True), "returned losses", "döndürülen"),
    "stub": (stub, "not written yet", "henüz yazılmamış"),
    # a wrong optimizer set-up: Keras' own error (a tensor dump) said in the checker's words
    "d for both": (
        step(optimizers="d"),
        "d_optimizer was given the weights of both",
        "d_optimizer'a iki ağın",
    ),
    "g for both": (
        step(optimizers="g"),
        "g_optimizer was given the weights of both",
        "g_optimizer'a iki ağın",
    ),
    "one new": (step(optimizers="new"), "One optimizer was used for both", "İki ağ için tek bir"),
    "misfit": (
        step(order="phases", misfit=True),
        r"d_optimizer was given a gradient of shape \(",
        r"d_optimizer'a \(.*\) şeklindeki bir ağırlık için",
    ),
}


@pytest.mark.parametrize("name", ["d for both", "g for both", "one new", "misfit"])
def test_a_wrong_optimizer_set_up_is_said_in_one_line_without_kerass_tensor_dump(name):
    with pytest.raises(ex.ExerciseError) as caught:
        ex.check_gan_step(STEP_MISTAKES[name][0], lang="tr")
    said = str(caught.value)
    assert "\n" not in said and "Unknown variable" not in said and "Incompatible" not in said
    assert "Variable path" not in said and "function_node" not in said


def test_a_loop_that_returns_no_dict_is_shown_the_history_s_shape():
    def as_a_list(*args):
        history = ch10._train()(*args)
        return [history["d_loss"], history["g_loss"]]

    for lang, words in (
        ("en", r'Return the history as \{"d_loss": \[\.\.\.\]'),
        ("tr", r'Geçmişi \{"d_loss": \[\.\.\.\]'),
    ):
        with pytest.raises(ex.ExerciseError, match=words):
            ex.check_training_loop(as_a_list, lang=lang)


def test_frechet_with_an_eigendecomposition_passes(capsys):
    def by_eigenvalues(a, b):
        mu_a, mu_b = a.mean(0), b.mean(0)
        cov_a, cov_b = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
        w, v = np.linalg.eigh(cov_a)
        root_a = v @ np.diag(np.sqrt(np.clip(w, 0, None))) @ v.T
        cross = np.linalg.eigvalsh(root_a @ cov_b @ root_a)
        return (
            np.sum((mu_a - mu_b) ** 2) + np.trace(cov_a + cov_b) - 2 * np.sqrt(np.clip(cross, 0, None)).sum()
        )

    ex.check_frechet_distance(by_eigenvalues, lang="en")
    assert capsys.readouterr().out.startswith("✓")


def test_generator_reports_the_students_parameter_count(capsys):
    ex.check_dcgan_generator(ch10.reference_generator, lang="tr")
    out = capsys.readouterr().out
    assert "2.330.944" in out  # the tutorial's count at noise_dim 100, the Turkish way


@pytest.fixture
def mode(monkeypatch):
    def set_mode(name):
        monkeypatch.setenv("GANLIB_FAST", "0")
        monkeypatch.setenv("GANLIB_MODE", name)

    return set_mode


@pytest.mark.parametrize("lang", LANGS)
def test_own_gan_real_digits_pass_and_noise_fails(mode, lang, capsys):
    mode("cpu")
    measures = ex.check_own_gan(ch10._digits(), lang=lang)
    assert capsys.readouterr().out.startswith("✓") and measures["classifier_score"] > 8
    noise = np.random.default_rng(0).uniform(-1, 1, (2000, 28, 28, 1))
    with pytest.raises(
        ex.ExerciseError, match={"en": "classifier score", "tr": "sınıflandırıcı skoru"}[lang]
    ):
        ex.check_own_gan(noise, lang=lang)


def test_every_run_size_has_a_threshold():
    from ganlib import config

    assert set(ch10.THRESHOLDS) == set(config.MODES)


WRONG_ANSWERS = Path(__file__).parent / "notebooks" / "wrong_answers"


@pytest.mark.parametrize(
    ("label", "name", "checker", "en_words"),
    [
        ("10-generator", "build_generator", "check_dcgan_generator", 'activation="tanh"'),
        ("10-discriminator", "build_discriminator", "check_dcgan_discriminator", r"stay in \(0, 1\)"),
        ("10-step", "train_step", "check_gan_step", "say 0"),
        ("10-loop", "train", "check_training_loop", "last loss"),
        ("10-frechet", "frechet_distance", "check_frechet_distance", "factor 2"),
        ("10-own-gan", "images", "check_own_gan", r"not \[-1, 1\]"),
    ],
)
def test_the_wrong_answers_the_student_test_pastes_are_caught(label, name, checker, en_words):
    import time

    from keras import layers

    from ganlib import config

    namespace = {"np": np, "tf": tf, "keras": keras, "layers": layers, "config": config, "time": time}
    exec((WRONG_ANSWERS / f"{label}.py").read_text(), namespace)
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.CHECKERS[checker](namespace[name], lang="en")


# check_gan_step's own messages (its table of wrong targets and training= runs in tests/test_exercises.py)
class _Ignored:
    """An optimizer that applies nothing."""

    def apply_gradients(self, pairs):
        list(pairs)


class _FirstNone:
    """d_optimizer, handed None for its first gradient."""

    def __init__(self, optimizer):
        self.optimizer = optimizer

    def apply_gradients(self, pairs):
        pairs = list(pairs)
        self.optimizer.apply_gradients([(None, pairs[0][1]), *pairs[1:]])


def _solved(change=lambda step, args: step(*args)):
    return lambda *args: change(ch10.reference_step(), args)


def _nan_in_training(step, args):
    d_loss, g_loss = step(*args)
    return (d_loss * float("nan"), g_loss) if isinstance(args[2], keras.optimizers.Adam) else (d_loss, g_loss)


OWN_STEP_MESSAGES = {
    "not a function": (3, "Expected a function, got int", "Bir fonksiyon bekleniyordu, int geldi"),
    "one loss": (_solved(lambda step, args: step(*args)[0]), "two losses", "iki kaybı"),
    "g never applied": (
        _solved(lambda step, a: step(*a[:3], _Ignored(), *a[4:])),
        r"once per step \(yours: d\)",
        r"\(sizinki: d\)",
    ),
    "zero gradients": (ch10.reference_step(scales=(1, 0)), "missing or zero", "bandının içinde"),
    "d gradient None": (
        _solved(lambda step, a: step(*a[:2], _FirstNone(a[2]), *a[3:])),
        "discriminator's gradients are None",
        "None",
    ),
    "d differs": (
        ch10.reference_step((0.8, 0.0, 1.0)),
        "discriminator's gradient is not",
        "Ayırtacın gradyanı",
    ),
    "g differs": (ch10.reference_step((1.0, 0.0, 0.5)), "generator's gradient is not", "Üreticinin gradyanı"),
    "returned strings": (
        _solved(lambda step, args: (step(*args), ("a", "b"))[1]),
        "returned losses",
        "döndürülen",
    ),
    "nan in training": (_solved(_nan_in_training), "NaN or infinite", "NaN"),
}


@pytest.mark.parametrize("name", [*STEP_MISTAKES, *OWN_STEP_MESSAGES])
def test_step_mistakes_and_own_messages(name):
    """The table's mistakes and check_gan_step's own messages, each in both languages."""
    answer, en, tr = {**STEP_MISTAKES, **OWN_STEP_MESSAGES}[name]
    with pytest.raises(ex.ExerciseError, match=en):
        ex.check_gan_step(answer, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr):
        ex.check_gan_step(answer, lang="tr")


def test_an_unwritten_frechet_distance_is_told_to_fill_in_its_body_in_one_line():
    """The stub raises NotImplementedError inside the checker's own wrapper: the student reads the
    "not written yet" message, not a dump of the feature arrays."""

    def frechet_distance(feats_a, feats_b):
        raise NotImplementedError

    with pytest.raises(ex.ExerciseError) as caught:
        ex.check_frechet_distance(frechet_distance, lang="en")
    assert str(caught.value) == "✗ The function is not written yet (NotImplementedError): fill in its body."
