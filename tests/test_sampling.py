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
