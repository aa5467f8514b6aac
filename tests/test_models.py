import numpy as np
import pytest
from keras import layers

from ganlib import models
from ganlib.sampling import generate, noise


def test_parameter_counts_match_the_seed():
    assert models.build_generator(200).count_params() == 1_467_137
    assert models.build_discriminator().count_params() == 212_865
    # only the first Dense depends on the noise size: 6272 weights per noise input
    assert models.build_generator(100).count_params() == 1_467_137 - 100 * 6272


def test_batch_norm_adds_two_normalisations_before_the_activations():
    g = models.build_generator(200, batch_norm=True)
    assert g.count_params() == 1_467_137 + 4 * (6272 + 64)
    kinds = [type(layer).__name__ for layer in g.layers]
    assert kinds[:3] == ["Dense", "BatchNormalization", "LeakyReLU"]
    assert kinds[4:8] == ["UpSampling2D", "Conv2D", "BatchNormalization", "LeakyReLU"]
    assert models.has_batch_norm(g) and not models.has_batch_norm(models.build_generator())
    with pytest.raises(ValueError, match="batch_norm must be True or False"):
        models.build_generator(batch_norm="yes")


def test_generator_for_weights_builds_the_matching_network(tmp_path, seeded):
    for batch_norm in (False, True):
        g = models.build_generator(16, batch_norm=batch_norm)
        path = tmp_path / f"g{batch_norm}.weights.h5"
        g.save_weights(path)
        loaded = models.generator_for_weights(path)
        assert models.has_batch_norm(loaded) == batch_norm and models.noise_dim_of(loaded) == 16
        z = noise(3, 16, seed=1)
        assert np.array_equal(generate(g, z), generate(loaded, z))
    with pytest.raises(
        ValueError, match=r"with BatchNorm; build it with build_generator\(\.\.\., batch_norm=True\)"
    ):
        models.load_generator_weights(models.build_generator(16), tmp_path / "gTrue.weights.h5")


def test_layer_sequence_is_the_seed_architecture():
    g = [type(layer) for layer in models.build_generator().layers]
    assert g == [
        layers.Dense,
        models.LeakyReLU,
        layers.Reshape,
        layers.UpSampling2D,
        layers.Conv2D,
        models.LeakyReLU,
        layers.UpSampling2D,
        layers.Conv2D,
    ]
    d = models.build_discriminator().layers
    assert [type(layer) for layer in d] == [
        layers.Conv2D,
        models.LeakyReLU,
        layers.Dropout,
        layers.Conv2D,
        models.LeakyReLU,
        layers.Dropout,
        layers.Flatten,
        layers.Dense,
    ]
    assert d[0].strides == (2, 2) and d[0].kernel_size == (5, 5) and d[2].rate == 0.3
    assert d[1].negative_slope == pytest.approx(0.2)


def test_shapes_and_ranges(seeded):
    g, d = models.build_generator(), models.build_discriminator()
    images = generate(g, noise(8, seed=1))
    assert images.shape == (8, 28, 28, 1) and images.dtype == np.float32
    assert images.min() >= -1 and images.max() <= 1
    p = np.asarray(d(images))
    assert p.shape == (8, 1) and (p > 0).all() and (p < 1).all()


@pytest.mark.parametrize("bad", [0, -5, 2.0, None])
def test_bad_noise_dim(bad):
    with pytest.raises(ValueError, match="noise_dim must be a positive integer"):
        models.build_generator(bad)


def test_save_then_load_gives_identical_outputs(tmp_path, seeded):
    g = models.build_generator()
    path = tmp_path / "g.weights.h5"
    g.save_weights(path)
    g2 = models.load_generator_weights(models.build_generator(), path)
    z = noise(4, seed=2)
    assert np.array_equal(generate(g, z), generate(g2, z))
    assert models.saved_architecture(path) == {"noise_dim": 200, "batch_norm": False, "conditional": False}


def test_weights_of_another_noise_size_are_explained(tmp_path):
    path = tmp_path / "g10.weights.h5"
    models.build_generator(10).save_weights(path)
    with pytest.raises(ValueError, match=r"noise_dim=10.*build_generator\(noise_dim=10\)"):
        models.load_generator_weights(models.build_generator(200), path)


def test_keras2_h5_and_missing_files_are_explained(tmp_path):
    import h5py

    old = tmp_path / "dcgan_generator_epoch_50.h5"
    with h5py.File(old, "w") as f:  # what Keras 2's save_weights wrote
        f.attrs["layer_names"] = [b"dense_1"]
        f.attrs["keras_version"] = b"2.2.4"
    with pytest.raises(ValueError, match="Keras 2"):
        models.load_generator_weights(models.build_generator(), old)
    with pytest.raises(ValueError, match="train first"):
        models.load_generator_weights(models.build_generator(), tmp_path / "none.weights.h5")


def test_numpy_noise_sizes_and_absurd_ones():
    assert models.check_noise_dim(np.int64(8)) == 8
    assert models.build_generator(np.int32(8)).input_shape == (None, 8)
    with pytest.raises(
        ValueError, match=r"noise_dim must be a positive integer ≤ 10,000 \(the post uses 200\)"
    ):
        models.build_generator(1_000_000_000)
    with pytest.raises(ValueError, match="^--noise-dim must"):
        models.check_noise_dim(0, name="--noise-dim")
    with pytest.raises(ValueError, match=r"dropout must be a number in \[0, 1\) \(the post uses 0.3\)"):
        models.build_discriminator("0.3")


@pytest.fixture(scope="module")
def small_weights(tmp_path_factory):
    path = tmp_path_factory.mktemp("w") / "g8.weights.h5"
    models.build_generator(8).save_weights(path)
    return path


@pytest.mark.parametrize("load", ["generator_for_weights", "load_generator_weights"])
def test_unreadable_files_are_named(tmp_path, small_weights, load):
    def call(path):
        if load == "generator_for_weights":
            return models.generator_for_weights(path)
        return models.load_generator_weights(models.build_generator(8), path)

    truncated = tmp_path / "truncated.weights.h5"
    truncated.write_bytes(small_weights.read_bytes()[:3000])
    random = tmp_path / "random.weights.h5"
    random.write_bytes(np.random.default_rng(0).bytes(5000))
    for path in (truncated, random):
        with pytest.raises(
            ValueError, match=f"^{path} is not a readable Keras weights file .truncated or not HDF5"
        ):
            call(path)
    renamed = tmp_path / "g8.h5"
    renamed.write_bytes(small_weights.read_bytes())
    with pytest.raises(ValueError, match=f"Keras 3 weights file.*rename it to {tmp_path / 'g8.weights.h5'}"):
        call(renamed)
    with pytest.raises(ValueError, match="is a run folder; pass the weights file in it"):
        (tmp_path / "run").mkdir()
        (tmp_path / "run" / "generator.weights.h5").write_bytes(small_weights.read_bytes())
        call(tmp_path / "run")


def test_weights_of_another_model_are_explained(tmp_path):
    path = tmp_path / "d.weights.h5"
    models.build_discriminator().save_weights(path)
    with pytest.raises(ValueError, match="holds no generator weights"):
        models.generator_for_weights(path)
    with pytest.raises(ValueError, match=f"^{path} holds no generator weights"):
        models.load_generator_weights(models.build_generator(), path)
