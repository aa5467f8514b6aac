import numpy as np
import pytest

from ganlib.labels import discriminator_targets, generator_targets


def test_discriminator_targets_real_then_fake():
    y = discriminator_targets(4)
    assert y.shape == (8,) and y.dtype == np.float32
    assert np.allclose(y, [0.9] * 4 + [0.0] * 4)
    assert np.array_equal(discriminator_targets(3, smoothing=1.0), [1, 1, 1, 0, 0, 0])


def test_generator_targets_are_ones():
    assert np.array_equal(generator_targets(5), np.ones(5, np.float32))


@pytest.mark.parametrize("smoothing", [0.0, -0.1, 1.5, "0.9"])
def test_bad_smoothing(smoothing):
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        discriminator_targets(4, smoothing)


@pytest.mark.parametrize("batch", [0, -3, 2.5, True])
def test_bad_batch_size(batch):
    with pytest.raises(ValueError, match="positive integer"):
        discriminator_targets(batch)
    with pytest.raises(ValueError, match="positive integer"):
        generator_targets(batch)


@pytest.mark.parametrize("smoothing", [True, False, np.bool_(True), None, float("nan")])
def test_smoothing_refuses_bools_and_non_numbers(smoothing):
    from ganlib.labels import check_smoothing

    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        check_smoothing(smoothing)


def test_numpy_sizes_and_numbers_are_accepted():
    from ganlib.labels import check_batch_size, check_smoothing

    assert check_batch_size(np.int64(4)) == 4 and type(check_batch_size(np.int64(4))) is int
    assert check_smoothing(np.float32(0.9)) == pytest.approx(0.9) and check_smoothing(1) == 1.0
    assert discriminator_targets(np.int64(2)).shape == (4,)
    with pytest.raises(ValueError, match="^--batch-size must be a positive integer"):
        check_batch_size(0, name="--batch-size")
