"""Differentiable augmentation: what each transformation does, that gradients flow through it, and
that the GAN shows the discriminator augmented real and fake images in both phases."""

import json

import keras
import numpy as np
import pytest
import tensorflow as tf

from ganlib import augment, training
from ganlib import gan as gan_module
from ganlib.data import scale_images
from ganlib.models import build_discriminator, build_generator


def dot_images(n=32):
    x = -np.ones((n, 28, 28, 1), "float32")
    x[:, 14, 14, 0] = 1.0
    return x


def test_translation_moves_each_image_by_at_most_four_pixels_filling_with_background():
    moved = np.array(augment.translate(dot_images(), keras.random.SeedGenerator(0)))
    spots = [np.argwhere(img[..., 0] > 0) for img in moved]
    assert all(len(s) == 1 for s in spots)  # the dot moved whole, nothing else lit up
    shifts = np.array([s[0] - (14, 14) for s in spots])
    assert np.abs(shifts).max() == 4 and len({tuple(s) for s in shifts}) > 10  # up to 28/8, each its own
    assert set(np.unique(moved)) == {-1.0, 1.0}


def test_cutout_blanks_one_square_of_half_the_size_to_background():
    cut = np.array(augment.cutout(np.ones((64, 28, 28, 1), "float32"), keras.random.SeedGenerator(1)))
    blank = cut[..., 0] < 0
    assert set(np.unique(cut)) == {-1.0, 1.0}
    assert blank.sum(axis=(1, 2)).max() == 14 * 14 and blank.sum(axis=(1, 2)).min() > 0
    for img in blank:  # one axis-aligned rectangle (a square clipped at an edge)
        rows, cols = np.where(img.any(axis=1))[0], np.where(img.any(axis=0))[0]
        assert img.sum() == len(rows) * len(cols) == (rows[-1] - rows[0] + 1) * (cols[-1] - cols[0] + 1)


def test_gradients_flow_through_the_augmentation():
    x = tf.Variable(np.random.default_rng(0).uniform(-1, 1, (8, 28, 28, 1)).astype("float32"))
    seed = keras.random.SeedGenerator(2)
    with tf.GradientTape() as tape:
        y = augment.augment(x, ("translation", "cutout"), seed)
        loss = tf.reduce_sum(y * y)
    grad = tape.gradient(loss, x).numpy()
    assert np.abs(grad).sum() > 0
    # where a pixel survived untouched its gradient is 2·value; blanked or shifted-out pixels get 0
    assert (grad == 0).any() and (grad != 0).mean() > 0.3


@pytest.mark.parametrize("bad", ["rotation", "translation,translation", 3, ["cutout", 1]])
def test_unknown_policies_are_refused_naming_the_choices(bad):
    with pytest.raises(ValueError, match="translation, cutout"):
        augment.check_policy(bad)
    assert augment.check_policy(" translation , cutout") == ("translation", "cutout")
    assert augment.check_policy(None) == augment.check_policy([]) == ()


def test_the_discriminator_sees_augmented_real_and_fake_images_in_both_phases(seeded, mnist, monkeypatch):
    gan = training.GAN(build_generator(), build_discriminator(), augment="translation,cutout")
    gan.compile()
    given, shown = [], []

    def spy(images, policy, seed):
        result = augment.augment(images, policy, seed)
        given.append(np.array(images))
        shown.append(np.array(result))
        return result

    monkeypatch.setattr(gan_module, "augment_images", spy)
    real = keras.ops.convert_to_tensor(scale_images(mnist[0][:8]))
    g0 = [np.array(v) for v in gan.generator.trainable_variables]
    gan.discriminator_step(real)
    gan.generator_step(8)
    assert [len(s) for s in given] == [16, 8]  # real + fake, then the generator's fakes
    np.testing.assert_array_equal(given[0][:8], np.array(real))  # the real half goes through it too
    for images, seen in zip(given, shown):
        assert (seen == -1.0).sum() > (images == -1.0).sum()  # cut out and shifted in: background
    # the generator's update came through the augmented fakes
    assert all(not np.array_equal(a, np.array(b)) for a, b in zip(g0, gan.generator.trainable_variables))


def test_without_augment_the_discriminator_sees_the_images_as_they_are(seeded, mnist, monkeypatch):
    """The post's recipe (augment off, the default) never calls the augmentation and keeps no
    random state for it, so its steps and checkpoints are the ones they were before."""

    def refuse(*args):
        raise AssertionError("augmentation called with augment off")

    monkeypatch.setattr(gan_module, "augment_images", refuse)
    for policy in (None, "", []):
        gan = training.GAN(build_generator(), build_discriminator(), augment=policy)
        gan.compile()
        assert gan.augment == () and "rng.augment" not in gan._rng_states()
        gan.train_step(keras.ops.convert_to_tensor(scale_images(mnist[0][:8])))


def test_the_generators_update_goes_through_the_augmented_fakes(seeded, monkeypatch):
    """Two generator steps from the same start, one whose augmentation is replaced by the
    identity: the updates differ, so the gradient came through the augmented images."""
    keras.utils.set_random_seed(0)
    gan = training.GAN(build_generator(), build_discriminator(), augment="translation,cutout")
    gan.compile()
    start = [np.array(v) for v in gan.generator.trainable_variables]
    seed_state, noise_state = np.array(gan.augment_seed.state), np.array(gan.noise_seed.state)
    updates = []
    for identity in (False, True):
        for v, value in zip(gan.generator.trainable_variables, start):
            v.assign(value)
        gan.g_optimizer = training.post_adam()
        gan.g_optimizer.build(gan.generator.trainable_variables)
        gan.noise_seed.state.assign(noise_state)
        gan.augment_seed.state.assign(seed_state)
        if identity:
            monkeypatch.setattr(gan_module, "augment_images", lambda images, policy, seed: images)
        gan.generator_step(16)
        updates.append([np.array(v) - s for v, s in zip(gan.generator.trainable_variables, start)])
    assert not all(np.allclose(a, b) for a, b in zip(*updates))


def test_an_augmented_run_records_it_and_resumes_exactly(mnist, tmp_path):
    kwargs = dict(batch_size=16, data=mnist[0][:32], verbose=0, augment="translation,cutout", seed=3)
    whole = training.train(epochs=2, run_dir=tmp_path / "whole", **kwargs)
    training.train(epochs=1, run_dir=tmp_path / "split", **kwargs)
    resumed = training.train(epochs=2, run_dir=tmp_path / "split", resume=True, **kwargs)
    for a, b in zip(whole.generator.variables, resumed.generator.variables):
        np.testing.assert_array_equal(np.array(a), np.array(b))
    assert json.loads((tmp_path / "whole" / "run.json").read_text())["augment"] == "translation,cutout"
    with pytest.raises(ValueError, match=r"augment: translation,cutout → None"):
        training.train(epochs=3, run_dir=tmp_path / "whole", resume=True, **{**kwargs, "augment": None})
