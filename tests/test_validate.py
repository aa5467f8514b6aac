import numpy as np
import pytest

from ganlib.validate import finite_array, positive_int, random_seed


@pytest.mark.parametrize("value", [3, np.int64(3), np.int32(3), np.uint8(3)])
def test_python_and_numpy_integers_are_sizes(value):
    got = positive_int("n", value)
    assert got == 3 and type(got) is int


@pytest.mark.parametrize("value", [0, -2, 2.0, 2.5, True, np.bool_(True), "3", None, np.float64(3)])
def test_other_values_are_refused_naming_the_argument(value):
    with pytest.raises(ValueError, match=r"^steps must be a positive integer, got"):
        positive_int("steps", value)


def test_bounds_and_hint_in_the_message():
    assert positive_int("steps", 2, minimum=2) == 2
    with pytest.raises(ValueError, match=r"steps must be an integer ≥ 2 \(both ends\), got 1\."):
        positive_int("steps", 1, minimum=2, hint=" (both ends)")
    with pytest.raises(ValueError, match=r"--noise-dim must be a positive integer ≤ 10,000, got 10001\."):
        positive_int("--noise-dim", 10_001, maximum=10_000)


def test_random_seed():
    assert random_seed("seed", None) is None
    assert random_seed("seed", np.int64(5)) == 5
    for bad in (-1, "abc", 1.5, True):
        with pytest.raises(ValueError, match="seed must be a non-negative integer or None"):
            random_seed("seed", bad)
    with pytest.raises(ValueError, match=r"^--seed must be a non-negative integer ≤ 4,294,967,295, got"):
        random_seed("--seed", 2**32, maximum=2**32 - 1, none_ok=False)
    with pytest.raises(ValueError, match="--seed"):
        random_seed("--seed", None, none_ok=False)


def test_finite_array():
    assert finite_array("z", [1, 2]).dtype == np.float32
    with pytest.raises(ValueError, match=r"z holds 2 NaN or infinite values; look here\."):
        finite_array("z", [np.nan, 1.0, np.inf], hint="; look here")
    with pytest.raises(ValueError, match="z must be an array of numbers"):
        finite_array("z", ["a"])


def test_in_range_is_every_numeric_check():
    from ganlib.validate import in_range

    assert in_range("rate", np.float32(0.5), 0, 1, low_open=True, high_open=True) == 0.5
    assert type(in_range("n", np.int64(3), 1, integer=True)) is int
    for bad in (0, 1, float("nan"), float("inf"), True, "0.5", None):
        with pytest.raises(ValueError, match=r"^rate must be a number in \(0, 1\) \(hint\), got"):
            in_range("rate", bad, 0, 1, low_open=True, high_open=True, hint=" (hint)")
    assert in_range("ema", None, 0.9, 1, none_ok=True) is None
    with pytest.raises(ValueError, match=r"^ema must be a decay or None, got 2\.$"):
        in_range("ema", 2, 0.9, 1, none_ok=True, what="a decay")


def test_pixel_images_take_uint8_digits_and_scaled_floats_only():
    from ganlib.validate import pixel_images

    digits = np.random.default_rng(0).integers(0, 256, (3, 28, 28), dtype=np.uint8)
    scaled = pixel_images("images", digits)
    assert scaled.shape == (3, 28, 28, 1) and scaled.min() >= -1 and scaled.max() <= 1
    assert np.array_equal(pixel_images("images", scaled), scaled)
    cases = [
        (
            digits.astype(np.float32),
            r"images must be pixels in \[-1, 1\] .*got values 0\.\.255; scale pixels",
        ),
        (digits / 255, r"images look like pixels in \[0, 1\] .*background of −1; pass x \* 2 - 1"),
        (digits.astype(np.int64), r"images are int64 numbers; pass uint8 digits"),
        (scaled[..., 0, :], r"images must have shape \(N, 28, 28\) or \(N, 28, 28, 1\), got \(3, 28, 1\)"),
        (scaled[:0], r"images is empty \(no images\)"),
        (np.full((1, 28, 28), np.nan, np.float32), r"images holds 784 NaN"),
    ]
    for images, message in cases:
        with pytest.raises(ValueError, match=message):
            pixel_images("images", images)
    # a generator's own outputs may lie in [0, 1] (a collapsed one draws grey)
    grey = np.linspace(0, 1, 784, dtype=np.float32).reshape(1, 28, 28)
    assert pixel_images("samples", grey, unit_ok=True).shape == (1, 28, 28, 1)
    with pytest.raises(ValueError, match="look like pixels in"):
        pixel_images("samples", grey)


def test_probabilities_refuse_logits_empty_sets_and_nan():
    from ganlib.validate import probabilities

    good = np.full((4, 10), 0.1)
    assert probabilities("probs", good).shape == (4, 10)
    for bad, message in [
        (
            np.zeros((0, 10)),
            r"probs must be class probabilities of shape \(n, 10\) with n ≥ 1, got \(0, 10\)",
        ),
        (good[:, :9], r"got \(4, 9\)"),
        (good * 5 - 3, r"logits need a softmax first"),
        (np.full((2, 10), np.nan), r"probs holds 20 NaN"),
    ]:
        with pytest.raises(ValueError, match=message):
            probabilities("probs", bad)
