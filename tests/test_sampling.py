import numpy as np
import pytest

from ganlib.models import build_generator
from ganlib.sampling import generate, interpolate, noise, to_uint8


def test_noise_is_seeded_gaussian():
    z = noise(2000, 200, seed=7)
    assert z.shape == (2000, 200) and z.dtype == np.float32
    assert abs(z.mean()) < 0.01 and abs(z.std() - 1) < 0.01
    assert np.array_equal(z, noise(2000, 200, seed=7))
    assert not np.array_equal(z, noise(2000, 200, seed=8))


def test_same_noise_same_image_different_noise_different_image(seeded):
    g = build_generator()
    z = noise(3, seed=0)
    first, second = generate(g, z), generate(g, z)
    assert np.array_equal(first, second)
    assert not np.allclose(first[0], first[1])


def test_generate_rejects_noise_of_the_wrong_size():
    g = build_generator(200)
    with pytest.raises(ValueError, match=r"noise\(n, noise_dim=200\)"):
        generate(g, noise(2, 100, seed=0))


@pytest.mark.parametrize("bad", [0, -1, 1.5])
def test_noise_rejects_bad_counts(bad):
    with pytest.raises(ValueError, match="positive integer"):
        noise(bad)


def test_interpolation_endpoints_and_norms():
    z0, z1 = noise(2, seed=3)
    for method in ("linear", "slerp"):
        path = interpolate(z0, z1, steps=7, method=method)
        assert path.shape == (7, 200)
        assert np.allclose(path[0], z0, atol=1e-5) and np.allclose(path[-1], z1, atol=1e-5)
    mid_lin = np.linalg.norm(interpolate(z0, z1, 3)[1])
    mid_slerp = np.linalg.norm(interpolate(z0, z1, 3, "slerp")[1])
    # the straight line cuts through the low-probability middle; slerp keeps the length
    assert mid_lin < 0.8 * np.linalg.norm(z0)
    assert abs(mid_slerp - np.sqrt(np.linalg.norm(z0) * np.linalg.norm(z1))) < 0.05 * mid_slerp
    with pytest.raises(ValueError, match="linear"):
        interpolate(z0, z1, 3, method="cubic")
    with pytest.raises(ValueError, match="same length"):
        interpolate(z0, z1[:10])


def test_to_uint8_inverts_scaling(mnist):
    from ganlib.data import scale_images

    assert np.array_equal(to_uint8(scale_images(mnist[0][:5])), mnist[0][:5])


def test_numpy_integers_are_sizes_everywhere():
    z = noise(np.int64(3), noise_dim=np.int64(8), seed=np.int64(1))
    assert z.shape == (3, 8) and np.array_equal(z, noise(3, 8, seed=1))
    g = build_generator(np.int64(8))
    assert generate(g, z, batch_size=np.int32(2)).shape == (3, 28, 28, 1)
    assert interpolate(z[0], z[1], steps=np.int64(4)).shape == (4, 8)


@pytest.mark.parametrize("seed", ["abc", -1, 1.5, True])
def test_noise_refuses_a_bad_seed(seed):
    with pytest.raises(ValueError, match="seed must be a non-negative integer or None"):
        noise(2, seed=seed)


def test_noise_refuses_absurd_sizes():
    with pytest.raises(ValueError, match="noise_dim must be a positive integer ≤ 10,000"):
        noise(1, noise_dim=1_000_000_000)


def test_generate_refuses_empty_or_nan_noise():
    g = build_generator(8)
    with pytest.raises(ValueError, match=r"No noise vectors: z has shape \(0, 8\)"):
        generate(g, np.zeros((0, 8)))
    z = noise(2, 8, seed=0)
    z[1, 3] = np.nan
    with pytest.raises(ValueError, match="z .the noise. holds 1 NaN or infinite value"):
        generate(g, z)
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        generate(g, noise(2, 8, seed=0), batch_size=0)


def test_nan_is_refused_not_passed_on():
    z0, z1 = noise(2, 8, seed=0)
    bad = z0.copy()
    bad[0] = np.nan
    with pytest.raises(ValueError, match="z0 holds 1 NaN"):
        interpolate(bad, z1)
    with pytest.raises(ValueError, match="z1 holds 8 NaN or infinite values; pass finite noise"):
        interpolate(z0, np.full(8, np.inf))
    images = np.zeros((2, 28, 28, 1), np.float32)
    images[0, 5, 5, 0] = np.nan
    with pytest.raises(ValueError, match="images holds 1 NaN or infinite value; to_uint8 needs finite"):
        to_uint8(images)


def test_slerp_from_the_zero_vector_stays_finite():
    z = noise(1, 8, seed=0)[0]
    path = interpolate(np.zeros(8), z, steps=5, method="slerp")
    assert np.isfinite(path).all() and np.allclose(path[-1], z)


def test_unscaled_inputs_are_refused_not_used(mnist):
    from ganlib.sampling import nearest_real

    digits = mnist[0][:50]
    samples = digits[:3].astype(np.float32)[..., None] / 127.5 - 1
    assert nearest_real(samples, digits)[0].tolist() == [0, 1, 2]  # uint8 digits are scaled
    with pytest.raises(ValueError, match=r"real_images must be pixels in \[-1, 1\].*got values 0\.\.255"):
        nearest_real(samples, digits.astype(np.float32))
    with pytest.raises(ValueError, match=r"samples must be pixels in \[-1, 1\]"):
        nearest_real(samples * 127.5, digits)
    with pytest.raises(ValueError, match=r"images must be pixels in \[-1, 1\].*got values -1\.5\.\.2"):
        to_uint8(np.array([[-1.5, 0.0, 2.0]]))  # not clipped silently
    assert to_uint8(np.array([[-1.0, 0.0, 1.0]])).tolist() == [[0, 128, 255]]


def test_interpolate_takes_one_vector_at_each_end():
    z = noise(4, 200, seed=0)
    assert interpolate(z[0], z[1:2], steps=3).shape == (3, 200)
    with pytest.raises(
        ValueError,
        match=r"z0 must be one noise vector, shape \(noise_dim,\) or \(1, noise_dim\), got \(4, 200\)",
    ):
        interpolate(z, z[::-1], steps=3)


def test_a_single_digit_is_one_digit_for_all(seeded):
    from ganlib.models import build_conditional_generator

    g = build_conditional_generator(8)
    z = noise(4, 8, seed=0)
    seven = generate(g, z, digits=7)
    assert np.array_equal(generate(g, z, digits="7"), seven) and np.array_equal(
        generate(g, z, digits=[7]), seven
    )
