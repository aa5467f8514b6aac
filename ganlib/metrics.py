"""How good are the generated digits? Measures built on a small MNIST classifier.

- :func:`classifier_score`: the Inception-score idea with a digit classifier (as TF-GAN's
  ``mnist_score``): ``exp(E_x KL(p(y|x) ‖ p(y)))``, 1 (worst) … 10 (confident and all digits).
- :func:`frechet_distance`: distance between Gaussians fitted to classifier features of two
  image sets (as TF-GAN's ``mnist_frechet_distance``); 0 for identical sets.
- :func:`class_histogram`: how many samples fall in each digit class — a generator in mode
  collapse fills one or two bins.

The classifier (``ganlib/reference/mnist_classifier.weights.h5``) is trained by
``tools/train_classifier.py`` on the 8,000 training digits (``load_mnist("bundled")``) —
the same digits the shipped GANs train on; every measure compares with the 2,000
evaluation digits (``load_mnist(split="eval")``), which neither has seen.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import keras
import numpy as np

from ganlib.config import IMAGE_SHAPE
from ganlib.data import as_model_input, load_mnist
from ganlib.integrity import load_checked
from ganlib.models import is_conditional, noise_dim_of
from ganlib.pretrained import reference_dir
from ganlib.sampling import every_digit, generate, noise
from ganlib.validate import check_digits, finite_array, positive_int, probabilities

CLASSIFIER_FILE = "mnist_classifier.weights.h5"

#: The fewest samples ``python -m ganlib evaluate`` accepts. The Fréchet distance is biased
#: upwards for small samples (chapter 07: two sets of real digits, whose true distance is 0,
#: are tens of units apart at 50 digits each and still clearly apart at 500); below 500 the
#: bias swamps the differences between generators. Compare distances at one sample size only.
MIN_FRECHET_SAMPLES = 500


def build_classifier() -> keras.Model:
    """A small CNN: 28×28×1 image in [-1, 1] → 10 class probabilities (64-D feature layer)."""
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(IMAGE_SHAPE),
            layers.Conv2D(32, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(),
            layers.Conv2D(64, 3, padding="same", activation="relu"),
            layers.MaxPooling2D(),
            layers.Flatten(),
            layers.Dropout(0.3),
            layers.Dense(64, activation="relu", name="features"),
            layers.Dense(10, activation="softmax", name="probs"),
        ],
        name="mnist_classifier",
    )


def classifier_path() -> Path:
    return reference_dir() / CLASSIFIER_FILE


@lru_cache(maxsize=1)
def load_classifier() -> keras.Model:
    """The shipped digit classifier (raises if its weights are missing, or are not the ones
    whose sha256 ``mnist_classifier.json`` records)."""
    path = classifier_path()
    if not path.is_file():
        raise ValueError(f"Classifier weights missing at {path}; run python tools/train_classifier.py.")
    model = build_classifier()
    load_checked(model, path, record=path.with_name("mnist_classifier.json"))
    return model


def heldout_digits() -> tuple[np.ndarray, np.ndarray]:
    """The 2,000 evaluation digits neither the classifier nor a GAN trained on: uint8 images, labels."""
    return load_mnist("bundled", split="eval")


def predict(images, model: keras.Model | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(class probabilities (n, 10), features (n, 64)) for uint8 or [-1, 1] images."""
    return _predict(as_model_input(images), model)


def _predict(x: np.ndarray, model: keras.Model | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``predict`` for images already checked (``as_model_input``)."""
    feats, probs = _feature_model(model or load_classifier()).predict(x, batch_size=500, verbose=0)
    return probs, feats


@lru_cache(maxsize=4)
def _feature_model(model: keras.Model) -> keras.Model:
    inputs = keras.Input(IMAGE_SHAPE)
    x = inputs
    outputs = []
    for layer in model.layers:
        x = layer(x)
        if layer.name in ("features", "probs"):
            outputs.append(x)
    return keras.Model(inputs, outputs)


def classifier_score(probs: np.ndarray, eps: float = 1e-12) -> float:
    """exp(mean KL(p(y|x) ‖ p(y))) from class probabilities (n, 10)."""
    probs = probabilities("probs", probs)
    marginal = probs.mean(axis=0, keepdims=True)
    kl = (probs * (np.log(probs + eps) - np.log(marginal + eps))).sum(axis=1)
    return float(np.exp(kl.mean()))


def _sqrt_psd(matrix: np.ndarray) -> np.ndarray:
    values, vectors = np.linalg.eigh(matrix)
    return (vectors * np.sqrt(np.clip(values, 0, None))) @ vectors.T


def frechet_distance(feats_a: np.ndarray, feats_b: np.ndarray) -> float:
    """‖μa − μb‖² + Tr(Σa + Σb − 2 (Σa Σb)^½) between two feature sets (n, d)."""
    hint = " (features from a generator that outputs NaN: its training diverged)"
    a = finite_array("feats_a", feats_a, hint=hint, dtype=np.float64)
    b = finite_array("feats_b", feats_b, hint=hint, dtype=np.float64)
    if a.ndim != 2 or b.ndim != 2 or a.shape[1] != b.shape[1]:
        raise ValueError(f"Feature sets must be (n, d) with the same d, got {a.shape} and {b.shape}.")
    if min(len(a), len(b)) < 2:
        raise ValueError(
            f"The Fréchet distance needs at least 2 samples in each set to estimate a covariance, "
            f"got {len(a)} and {len(b)} (use {MIN_FRECHET_SAMPLES:,} or more for a meaningful value)."
        )
    mu_a, mu_b = a.mean(0), b.mean(0)
    cov_a, cov_b = np.cov(a, rowvar=False), np.cov(b, rowvar=False)
    root_a = _sqrt_psd(cov_a)
    cross = np.linalg.eigvalsh(root_a @ cov_b @ root_a)
    trace_sqrt = np.sqrt(np.clip(cross, 0, None)).sum()
    value = ((mu_a - mu_b) ** 2).sum() + np.trace(cov_a) + np.trace(cov_b) - 2 * trace_sqrt
    return float(max(value, 0.0))


def class_histogram(probs: np.ndarray) -> np.ndarray:
    """How many images the classifier puts in each digit class (int array of 10)."""
    return np.bincount(probabilities("probs", probs).argmax(axis=1), minlength=10)


def histogram_summary(hist: np.ndarray) -> dict[str, float]:
    """Mode-collapse signals: share of the largest class, classes with ≥ 2 % of samples,
    and the histogram's entropy in bits (log2 10 ≈ 3.32 for perfect balance)."""
    counts = np.asarray(hist)
    if (
        counts.shape != (10,)
        or not np.issubdtype(counts.dtype, np.integer)
        or counts.min() < 0
        or counts.sum() == 0
    ):
        raise ValueError(
            "hist must be 10 counts ≥ 0 (not all 0), one per digit class, as class_histogram "
            f"returns; got {hist!r}."
        )
    p = counts / counts.sum()
    nz = p[p > 0]
    return {
        "top_class_share": float(p.max()),
        "classes_covered": int((p >= 0.02).sum()),
        "entropy_bits": float(max(0.0, -(nz * np.log2(nz)).sum())),
    }


def digit_accuracy(probs: np.ndarray, digits) -> dict:
    """How often the classifier reads the digit that was asked for (chapter 09):
    ``{"overall": share, "per_digit": [share for 0, …, 9]}`` (NaN for a digit never asked for)."""
    probs = probabilities("probs", probs)
    digits = check_digits(np.asarray(digits).ravel(), len(probs))
    hit = probs.argmax(axis=1) == digits
    per = [float(hit[digits == d].mean()) if (digits == d).any() else float("nan") for d in range(10)]
    return {"overall": float(hit.mean()), "per_digit": per}


def verdict_by_label(discriminator: keras.Model, images, digits, batch_size: int = 500) -> np.ndarray:
    """A conditional discriminator's mean verdict on real digits under every label (chapter 09).

    ``images``: real digits (uint8 or scaled), ``digits``: their true labels. Entry
    ``[t, k]`` of the 10 × 10 result is the mean probability "real" the discriminator gives
    the digits whose true label is ``t`` when it is told they are ``k``: the diagonal holds
    the right pairs, the rest the wrong ones.
    """
    x = as_model_input(images)
    digits = check_digits(digits, len(x))
    table = np.full((10, 10), np.nan)
    for k in range(10):
        told = np.full(len(x), k, np.int32)
        verdict = np.concatenate(
            [
                keras.ops.convert_to_numpy(
                    discriminator([x[i : i + batch_size], told[i : i + batch_size]], training=False)
                )
                for i in range(0, len(x), batch_size)
            ]
        ).ravel()
        for t in range(10):
            if (digits == t).any():
                table[t, k] = verdict[digits == t].mean()
    return table


def evaluate_images(images, reference_feats: np.ndarray | None = None, digits=None) -> dict:
    """All measures for a set of images against the held-out real digits; with ``digits``
    (what a conditional generator was asked for) also ``digit_accuracy``."""
    return _evaluate(as_model_input(images), reference_feats, digits)


def _evaluate(x: np.ndarray, reference_feats: np.ndarray | None = None, digits=None) -> dict:
    """``evaluate_images`` for images already checked (``as_model_input``)."""
    probs, feats = _predict(x)
    if reference_feats is None:
        reference_feats = heldout_features()
    hist = class_histogram(probs)
    result = {
        "n": int(len(probs)),
        "classifier_score": classifier_score(probs),
        "frechet_distance": frechet_distance(feats, reference_feats),
        "class_histogram": hist.tolist(),
        **histogram_summary(hist),
    }
    if digits is not None:
        result["digit_accuracy"] = digit_accuracy(probs, digits)
    return result


@lru_cache(maxsize=1)
def heldout_features() -> np.ndarray:
    """Classifier features of the 2,000 held-out real digits (cached)."""
    return predict(heldout_digits()[0])[1]


def evaluate_generator(generator: keras.Model, n: int = 2000, seed: int = 123) -> dict:
    """Measures for ``n`` samples of ``generator`` drawn from seeded noise. A conditional
    generator is asked for every digit equally often (0, 1, …, 9, 0, …), and the result also
    holds ``digit_accuracy``: how often the classifier reads the digit asked for."""
    z = noise(n, noise_dim_of(generator), seed=seed)
    # A generator's outputs are measured whatever their range (a collapsed one may draw grey).
    if not is_conditional(generator):
        return _evaluate(as_model_input(generate(generator, z), unit_ok=True))
    digits = every_digit(len(z))
    return _evaluate(as_model_input(generate(generator, z, digits), unit_ok=True), digits=digits)


def real_reference(n: int = 2000, seed: int = 0) -> dict:
    """The measures for real digits, the best a generator can hope for: classifier score and
    class histogram of the evaluation digits (unseen by the classifier), and the Fréchet
    distance between them and ``n`` training digits — what a generator that reproduced its
    training digits perfectly would reach."""
    images = load_mnist("bundled", split="train")[0]
    n = positive_int("n", n, maximum=len(images), hint=" (the training digits it draws from)")
    pick = np.random.default_rng(seed).choice(len(images), n, replace=False)
    return evaluate_images(heldout_digits()[0], reference_feats=predict(images[pick])[1])
