"""Every checker: the reference solution passes; the untouched stub and typical wrong answers
fail with a helpful message in the page's language."""

from pathlib import Path

import keras
import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib.labels import discriminator_targets
from ganlib.metrics import classifier_score
from ganlib.models import build_generator
from ganlib.sampling import interpolate


def stub(*args):
    raise NotImplementedError


def transpose_generator(noise_dim=200, last="tanh", up=False):
    layers = keras.layers
    body = [layers.UpSampling2D()] if up else []
    return keras.Sequential(
        [
            keras.Input((noise_dim,)),
            layers.Dense(128 * 7 * 7),
            layers.LeakyReLU(0.2),
            layers.Reshape((7, 7, 128)),
            *body,
            layers.Conv2DTranspose(64, 5, strides=2 if not up else 1, padding="same"),
            layers.LeakyReLU(0.2),
            layers.Conv2DTranspose(1, 5, strides=2, padding="same", activation=last),
        ]
    )


def no_marginal(p):
    """A typical mistake: forgetting p(y), i.e. exp(-entropy) instead of exp(KL)."""
    return float(np.exp(np.mean(np.sum(p * np.log(p + 1e-12), axis=1))))


CASES = {
    "check_optimal_discriminator": (
        lambda pd, pm: pd / (pd + pm),
        [(lambda pd, pm: pm / (pd + pm), "payda p_data", "p_data goes on top")],
    ),
    "check_conv_params": (
        lambda k, ci, co: k * k * ci * co + co,
        [(lambda k, ci, co: k * k * ci * co, "sapma", "biases are missing")],
    ),
    "check_noise10_params": (
        build_generator(10).count_params(),
        [(1_467_137, "200 boyutlu", "200-D noise"), (300_000, "6.272", "6,272")],
    ),
    "check_discriminator_targets": (
        discriminator_targets,
        [
            (lambda n, s: np.concatenate([np.zeros(n), np.full(n, s)]), "Sıra ters", "Wrong order"),
            (lambda n, s: np.concatenate([np.full(n, s), np.full(n, 1 - s)]), "Sahte taraf", "fake side"),
            (lambda n, s: np.concatenate([np.ones(n), np.zeros(n)]), "smoothing", "smoothing argument"),
        ],
    ),
    "check_step_count": (
        50 * (60_000 // 128),
        [(50 * 60_000 / 128, "468", "468"), (50 * 469, "468", "468"), (46_800, "iki katını", "double")],
    ),
    "check_lerp": (
        lambda a, b, n: interpolate(a, b, n),
        [
            (
                lambda a, b, n: np.stack([a + (b - a) * t for t in np.linspace(0, 1, n, endpoint=False)]),
                "Son nokta",
                "last point",
            ),
            (lambda a, b, n: interpolate(b, a, n), "Yön ters", "Wrong direction"),
        ],
    ),
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


def test_transpose_generator_checker(capsys):
    ex.check_transpose_generator(transpose_generator(), lang="en")
    assert "parameters" in capsys.readouterr().out
    with pytest.raises(ex.ExerciseError, match="UpSampling2D"):
        ex.check_transpose_generator(build_generator(), lang="en")
    with pytest.raises(ex.ExerciseError, match="tanh"):
        ex.check_transpose_generator(transpose_generator(last="sigmoid"), lang="tr")
    with pytest.raises(ex.ExerciseError, match="Henüz cevap yok"):
        ex.check_transpose_generator(None, lang="tr")


def test_no_smoothing_run_checker(mnist, capsys):
    from ganlib.training import train

    kw = dict(epochs=1, batch_size=16, images=mnist[0][:32], verbose=0)
    ex.check_no_smoothing_run(train(smoothing=1.0, **kw), lang="en")
    assert "without smoothing" in capsys.readouterr().out
    with pytest.raises(ex.ExerciseError, match="smoothing=1.0"):
        ex.check_no_smoothing_run(train(**kw), lang="en")
    with pytest.raises(ex.ExerciseError, match="Henüz cevap yok"):
        ex.check_no_smoothing_run(None, lang="tr")


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
        ex.check_step_count(23_400, lang="de")
