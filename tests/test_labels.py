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


def test_the_training_step_gets_the_same_targets_with_a_batch_size_it_learns_only_when_running():
    """Inside a traced step the batch size is a tensor; the targets are the same numbers, as tensors."""
    import tensorflow as tf

    @tf.function(input_signature=[tf.TensorSpec((None, 2))])
    def targets_of(batch):
        n = tf.shape(batch)[0]
        return discriminator_targets(n, 0.8), generator_targets(n)

    for n in (3, 5):
        d, g = targets_of(tf.zeros((n, 2)))
        np.testing.assert_allclose(d.numpy(), discriminator_targets(n, 0.8))
        np.testing.assert_array_equal(g.numpy(), generator_targets(n))
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        discriminator_targets(tf.constant(2), 1.5)  # the smoothing is checked either way
