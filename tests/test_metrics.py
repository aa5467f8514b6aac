import keras
import numpy as np
import pytest

from ganlib import metrics, pretrained
from ganlib.models import build_generator


@pytest.fixture(scope="module")
def heldout():
    images, labels = metrics.heldout_digits()
    probs, feats = metrics.predict(images)
    return images, labels, probs, feats


def test_classifier_is_accurate_on_digits_it_never_saw(heldout):
    images, labels, probs, _ = heldout
    assert len(images) == 2000
    assert (probs.argmax(1) == labels).mean() >= 0.985
    assert metrics.classifier_path().stat().st_size <= 1_000_000


def test_identical_sets_have_zero_frechet_distance(heldout):
    feats = heldout[3]
    assert metrics.frechet_distance(feats, feats) == pytest.approx(0.0, abs=1e-3)
    assert metrics.frechet_distance(feats[:1000], feats[1000:]) > 0.1


def test_frechet_distance_of_shifted_gaussians():
    rng = np.random.default_rng(0)
    a = rng.standard_normal((20000, 3))
    # same covariance, means 2 apart in one axis → distance 4
    assert metrics.frechet_distance(a, a + [2, 0, 0]) == pytest.approx(4.0, rel=1e-6)
    # a set scaled by 2: Tr(I + 4I - 2·2I) per axis = 1 → 3
    assert metrics.frechet_distance(a, 2 * a) == pytest.approx(3.0, rel=0.05)
    with pytest.raises(ValueError, match="same d"):
        metrics.frechet_distance(a, a[:, :2])


def test_frechet_distance_refuses_what_it_cannot_measure():
    a = np.random.default_rng(0).standard_normal((10, 3))
    with pytest.raises(ValueError, match="at least 2 samples in each set.*got 1 and 10"):
        metrics.frechet_distance(a[:1], a)
    with pytest.raises(ValueError, match="got 10 and 0"):
        metrics.frechet_distance(a, a[:0])
    bad = a.copy()
    bad[2, 1] = np.nan
    with pytest.raises(ValueError, match="feats_b holds 1 NaN or infinite value"):
        metrics.frechet_distance(a, bad)
    assert metrics.MIN_FRECHET_SAMPLES == 500


def test_real_reference_refuses_more_digits_than_it_has():
    with pytest.raises(ValueError, match="n must be a positive integer ≤ 8,000"):
        metrics.real_reference(8001)
    with pytest.raises(ValueError, match="images is empty .no images.; pass at least one image"):
        metrics.predict(np.zeros((0, 28, 28), np.uint8))


def test_one_repeated_digit_signals_collapse(heldout):
    images = heldout[0]
    one = np.repeat(images[:1], 500, axis=0)
    r = metrics.evaluate_images(one, reference_feats=heldout[3])
    assert r["classifier_score"] == pytest.approx(1.0, abs=0.01)
    assert r["top_class_share"] == 1.0 and r["classes_covered"] == 1 and r["entropy_bits"] == 0.0
    assert r["frechet_distance"] > 50


def test_real_digits_score_close_to_ten(heldout):
    _, _, probs, _ = heldout
    assert metrics.classifier_score(probs) > 9.5
    summary = metrics.histogram_summary(metrics.class_histogram(probs))
    assert summary["classes_covered"] == 10 and summary["entropy_bits"] > 3.2


def test_shipped_reference_generator_beats_an_untrained_one(heldout):
    feats = heldout[3]
    from ganlib.sampling import generate, noise

    z = noise(1000, seed=1)
    keras.utils.set_random_seed(0)
    untrained = metrics.evaluate_images(generate(build_generator(), z), feats)
    reference = metrics.evaluate_images(generate(pretrained.load_generator(), z), feats)
    assert reference["frechet_distance"] < untrained["frechet_distance"] / 4
    assert reference["classifier_score"] > untrained["classifier_score"] + 3
    assert reference["classes_covered"] >= 8


def test_shipped_quality_table_is_consistent():
    q = pretrained.quality()
    epochs = [row["epoch"] for row in q["checkpoints"]]
    assert epochs == sorted(epochs) and epochs[-1] == pretrained.provenance()["epochs"]
    assert (
        q["real"]["classifier_score"]
        > q["checkpoints"][-1]["classifier_score"]
        > q["untrained"]["classifier_score"]
    )


def test_unscaled_images_are_refused_before_they_are_measured(mnist):
    digits = mnist[0][:600]
    with pytest.raises(ValueError, match=r"images must be pixels in \[-1, 1\] .*got values 0\.\.255"):
        metrics.evaluate_images(digits.astype(np.float32))
    with pytest.raises(ValueError, match=r"images look like pixels in \[0, 1\]"):
        metrics.predict(digits / 255)


def test_the_measures_refuse_what_is_not_probabilities():
    logits = np.random.default_rng(0).normal(size=(8, 10))
    for bad in (np.zeros((0, 10)), np.full((3, 10), np.nan), logits):
        with pytest.raises(ValueError, match="probs"):
            metrics.classifier_score(bad)
        with pytest.raises(ValueError, match="probs"):
            metrics.class_histogram(bad)
    for hist in (
        np.array([2, -1, 0, 0, 0, 0, 0, 0, 0, 0]),
        np.zeros(10, int),
        np.ones(9, int),
        np.full(10, 0.5),
    ):
        with pytest.raises(ValueError, match="hist must be 10 counts ≥ 0"):
            metrics.histogram_summary(hist)
    assert metrics.histogram_summary(np.array([5] + [0] * 9))["top_class_share"] == 1.0
