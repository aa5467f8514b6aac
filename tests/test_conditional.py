"""Chapter 09's conditional GAN: the digit enters both networks, each phase trains one network,
and every way to ask for a digit (library, run folder, command line) checks what it is given."""

import json

import keras
import numpy as np
import pytest

from ganlib import cli, metrics, models, training
from ganlib.data import make_dataset, scale_images
from ganlib.sampling import generate, noise
from ganlib.validate import digit_labels


def _snapshot(model):
    return [np.array(v) for v in model.trainable_variables]


@pytest.fixture()
def cgan(seeded):
    gan = training.ConditionalGAN(
        models.build_conditional_generator(), models.build_conditional_discriminator()
    )
    gan.compile()
    return gan


@pytest.fixture()
def batch(mnist):
    images, labels = mnist
    return keras.ops.convert_to_tensor(scale_images(images[:16])), labels[:16].astype(np.int32)


def test_networks_are_the_posts_with_a_one_hot_digit(seeded):
    g, d = models.build_conditional_generator(), models.build_conditional_discriminator()
    # The post's 1,467,137 and 212,865, plus 10 × 6,272 Dense weights and 10 × 25 × 64 kernel weights.
    assert (g.count_params(), d.count_params()) == (1_467_137 + 62_720, 212_865 + 16_000)
    assert models.is_conditional(g) and models.is_conditional(d) and models.noise_dim_of(g) == 200
    assert not models.is_conditional(models.build_generator(8))
    z = np.repeat(noise(1, seed=0), 10, axis=0)
    images = generate(g, z, digits=np.arange(10))
    assert images.shape == (10, 28, 28, 1)
    assert all(not np.allclose(images[0], images[k]) for k in range(1, 10))  # the digit changes the image
    judged = np.array(d([np.repeat(images[:1], 10, axis=0), np.arange(10)]))
    assert len(np.unique(judged.round(7))) == 10  # and the discriminator's verdict


def test_each_phase_trains_one_network_and_only_the_digits_of_the_batch(cgan, batch):
    real, _ = batch
    threes = np.full(16, 3, np.int32)
    g0, d0 = _snapshot(cgan.generator), _snapshot(cgan.discriminator)
    cgan.discriminator_step(real, keras.ops.convert_to_tensor(threes))
    assert all(np.array_equal(a, b) for a, b in zip(g0, _snapshot(cgan.generator)))
    d1 = _snapshot(cgan.discriminator)
    assert all(not np.array_equal(a, b) for a, b in zip(d0, d1))
    # First convolution: kernel (5, 5, 1 + 10, 64). Channel 1 + d is digit d's constant map;
    # only digit 3 was shown, so only its weights moved.
    moved = [not np.array_equal(d0[0][:, :, c], d1[0][:, :, c]) for c in range(11)]
    assert moved == [True] + [d == 3 for d in range(10)]

    cgan.generator_step(16, keras.ops.convert_to_tensor(threes))
    assert all(np.array_equal(a, b) for a, b in zip(d1, _snapshot(cgan.discriminator)))
    g1 = _snapshot(cgan.generator)
    assert all(not np.array_equal(a, b) for a, b in zip(g0, g1))
    # Dense kernel (200 + 10, 6272): rows 200 + d read digit d; only digit 3 was asked for.
    rows_moved = [not np.array_equal(g0[0][200 + d], g1[0][200 + d]) for d in range(10)]
    assert rows_moved == [d == 3 for d in range(10)]


def test_train_step_reads_images_with_their_digits(cgan, batch):
    real, digits = batch
    logs = cgan.train_step((real, digits))
    assert set(logs) == {"d_loss", "g_loss"} and np.isfinite(float(logs["g_loss"]))
    with pytest.raises(ValueError, match=r"fit\(images, digits\)"):
        cgan.fit(np.asarray(real), epochs=1, verbose=0)


def test_gan_classes_refuse_the_other_kind_of_network(seeded):
    with pytest.raises(ValueError, match="ConditionalGAN takes a conditional generator"):
        training.GAN(models.build_conditional_generator(8), models.build_conditional_discriminator())
    with pytest.raises(ValueError, match="ConditionalGAN takes a conditional generator"):
        training.ConditionalGAN(models.build_generator(8), models.build_discriminator())


def test_dataset_pairs_each_image_with_its_own_digit(mnist):
    images, labels = mnist[0][:64], mnist[1][:64]
    x, y = next(iter(make_dataset(images, 16, seed=3, digits=labels)))
    x, y = np.asarray(x), np.asarray(y)
    flat = scale_images(images).reshape(64, -1)
    for image, digit in zip(x, y):
        index = int(np.flatnonzero((flat == image.reshape(-1)).all(axis=1))[0])
        assert digit == labels[index]
    plain = np.asarray(next(iter(make_dataset(images, 16, seed=3))))
    assert np.array_equal(plain, x)  # the same batches as without digits
    with pytest.raises(ValueError, match="64 images but 63 digits"):
        make_dataset(images, 16, digits=labels[:63])


@pytest.mark.parametrize(
    ("digits", "message"),
    [
        (None, "draws the digit you ask for: pass digits="),
        ([1, 2], "holds 2 digits but there are 3 noise vectors"),
        ([1, 2, 10], "must be digits 0–9; 10 is not one"),
        ([1, -1, 2], "must be digits 0–9; -1 is not one"),
        ("1a2", "must be digits 0–9, such as '0123456789', got '1a2'"),
        ([1.5, 2, 3], "must be whole numbers 0–9"),
        ([[1], [2], [3]], "a flat list of digits"),
    ],
)
def test_bad_digits_are_explained(seeded, digits, message):
    g = models.build_conditional_generator(8)
    with pytest.raises(ValueError, match=message):
        generate(g, noise(3, 8, seed=0), digits=digits)


def test_digit_forms_agree_and_plain_generators_refuse_digits(seeded):
    g = models.build_conditional_generator(8)
    z = noise(3, 8, seed=0)
    assert np.array_equal(generate(g, z, digits="777"), generate(g, z, digits=7))
    assert np.array_equal(generate(g, z, digits=[0, 1, 2]), generate(g, z, digits=np.arange(3)))
    assert digit_labels("d", np.int64(4), n=2).tolist() == [4, 4]
    with pytest.raises(ValueError, match="trained without digit labels"):
        generate(models.build_generator(8), z, digits=[0, 1, 2])


def test_weights_files_say_they_are_conditional(seeded, tmp_path):
    g = models.build_conditional_generator(16, batch_norm=True)
    path = tmp_path / "g.weights.h5"
    g.save_weights(path)
    assert models.saved_architecture(path) == {"noise_dim": 16, "batch_norm": True, "conditional": True}
    loaded = models.generator_for_weights(path)
    assert models.is_conditional(loaded) and models.has_batch_norm(loaded)
    z = noise(4, 16, seed=1)
    assert np.array_equal(generate(g, z, digits=[1, 2, 3, 4]), generate(loaded, z, digits=[1, 2, 3, 4]))
    with pytest.raises(ValueError, match="weights are for a conditional generator"):
        models.load_generator_weights(models.build_generator(16, batch_norm=True), path)


def test_digit_accuracy_counts_what_the_classifier_reads():
    probs = np.eye(10)[[0, 1, 2, 3, 3]]
    result = metrics.digit_accuracy(probs, [0, 1, 2, 3, 4])
    assert result["overall"] == pytest.approx(0.8)
    assert result["per_digit"][:5] == [1.0, 1.0, 1.0, 1.0, 0.0] and np.isnan(result["per_digit"][9])
    with pytest.raises(ValueError, match="5 images but 4 digits"):
        metrics.digit_accuracy(probs, [0, 1, 2, 3])


def test_conditional_run_folder_grid_and_resume(seeded, tmp_path, monkeypatch):
    monkeypatch.setenv("GANLIB_DATA", "bundled")
    out = tmp_path / "run"
    kwargs = dict(batch_size=16, noise_dim=8, data="bundled", n_images=64, run_dir=out, verbose=0)
    gan = training.train(epochs=1, conditional=True, **kwargs)
    assert isinstance(gan, training.ConditionalGAN)
    assert json.loads((out / "generator.json").read_text())["conditional"] is True
    assert json.loads((out / "run.json").read_text())["conditional"] is True
    grid = gan.sample_grid.grids[1]
    assert grid.shape == (20, 28, 28, 1) and gan.sample_grid.digits.tolist() == list(range(10)) * 2
    with pytest.raises(ValueError, match=r"different settings \(conditional: True → False\)"):
        training.train(epochs=2, resume=True, **kwargs)
    again = training.train(epochs=2, conditional=True, resume=True, **kwargs)
    assert sorted(again.sample_grid.grids) == [1, 2]
    assert models.is_conditional(models.generator_for_weights(out / "generator.weights.h5"))


def test_conditional_training_data_is_a_source_or_images_with_their_digits(mnist):
    images, digits = mnist[0][:32], mnist[1][:32]
    kwargs = dict(epochs=1, batch_size=16, noise_dim=8, conditional=True, verbose=0)
    with pytest.raises(ValueError, match=r"needs each image's digit: pass data=\(images, digits\)"):
        training.train(data=images, **kwargs)
    with pytest.raises(ValueError, match="32 images but 31 digits"):
        training.train(data=(images, digits[:31]), **kwargs)
    with pytest.raises(ValueError, match="digits must"):
        training.train(data=(images, digits + 10), **kwargs)
    with pytest.raises(ValueError, match=r"\(images, digits\); got 3 items"):
        training.train(data=(images, digits, digits), **kwargs)
    gan = training.train(data=(images, digits), **kwargs)
    assert isinstance(gan, training.ConditionalGAN) and len(gan.history.history["g_loss"]) == 1


def test_cli_sample_digits(seeded, tmp_path, capsys):
    cond, plain = tmp_path / "c.weights.h5", tmp_path / "p.weights.h5"
    models.build_conditional_generator(8).save_weights(cond)
    models.build_generator(8).save_weights(plain)
    png = tmp_path / "grid.png"
    assert cli.main(["sample", "--weights", str(cond), "--digits", "0123456789", "--out", str(png)]) == 0
    assert "wrote 100 samples" in capsys.readouterr().out and png.stat().st_size > 0
    assert cli.main(["sample", "--weights", str(cond), "--digits", "37", "--n", "6", "--out", str(png)]) == 0
    assert "wrote 6 samples" in capsys.readouterr().out
    assert cli.main(["sample", "--weights", str(plain), "--digits", "37", "--out", str(png)]) == 2
    assert "unconditional generator, which cannot be asked for a digit" in capsys.readouterr().err
    assert cli.main(["sample", "--weights", str(cond), "--digits", "3x", "--out", str(png)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --digits must be digits 0–9") and err.count("\n") == 1


def test_blend_digits_ends_are_the_two_digits(seeded):
    from ganlib.sampling import blend_digits

    g = models.build_conditional_generator(8, batch_norm=True)
    z = noise(1, 8, seed=4)
    path = blend_digits(g, z, 3, 8, steps=5)
    assert path.shape == (5, 28, 28, 1)
    np.testing.assert_allclose(path[0], generate(g, z, digits=3)[0], atol=1e-6)
    np.testing.assert_allclose(path[-1], generate(g, z, digits=8)[0], atol=1e-6)
    assert not np.allclose(path[2], path[0]) and not np.allclose(path[2], path[-1])
    with pytest.raises(ValueError, match="needs a conditional generator"):
        blend_digits(models.build_generator(8), z, 3, 8)
    with pytest.raises(ValueError, match="digits 0–9; 12 is not one"):
        blend_digits(g, z, 3, 12)


def test_verdict_by_label_puts_the_told_label_in_columns(seeded, mnist):
    d = models.build_conditional_discriminator()
    images, labels = mnist[0][:40], mnist[1][:40]
    table = metrics.verdict_by_label(d, images, labels, batch_size=16)
    assert table.shape == (10, 10)
    present = sorted(set(labels.tolist()))
    for t in present:
        for k in (0, 7):
            x = scale_images(images[labels == t])
            expected = np.asarray(d([x, np.full(len(x), k, np.int32)], training=False)).mean()
            assert table[t, k] == pytest.approx(expected, rel=1e-5)
    absent = [t for t in range(10) if t not in present]
    assert all(np.isnan(table[t]).all() for t in absent)
