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
