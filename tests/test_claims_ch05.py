"""What chapters 04–06 say about ganlib's training step, as behaviour rather than source text.

Chapter 05 prints ``GAN.train_step``, ``discriminator_step`` and ``generator_step`` (after the
exercise in which the student writes the step) and reads them to the reader: the discriminator
first, then the generator; the fakes of the discriminator's phase made by the generator in
inference mode, outside the tape; chapter 04's targets with the GAN's smoothing; each phase applied
by its own network's optimizer only. These tests hold ganlib to that reading (test_training checks
that each phase leaves the other network's weights alone).
"""

import keras
import numpy as np
import pytest

from ganlib import training
from ganlib.data import scale_images
from ganlib.models import build_discriminator, build_generator


@pytest.fixture()
def real(mnist):
    return keras.ops.convert_to_tensor(scale_images(mnist[0][:8]))


def _gan(**kwargs):
    gan = training.GAN(build_generator(), build_discriminator(dropout=0.0), **kwargs)
    gan.compile()
    return gan


def test_a_training_step_updates_the_discriminator_first_then_the_generator(seeded, real, monkeypatch):
    gan, calls = _gan(), []
    for name in ("discriminator_step", "generator_step"):
        step = getattr(gan, name)
        monkeypatch.setattr(gan, name, lambda *a, _step=step, _name=name: calls.append(_name) or _step(*a))
    gan.train_step(real)
    assert calls == ["discriminator_step", "generator_step"]


def test_each_phase_is_applied_by_its_own_networks_optimizer_only(seeded, real):
    gan = _gan()
    gan.discriminator_step(real)
    assert (int(gan.d_optimizer.iterations), int(gan.g_optimizer.iterations)) == (1, 0)
    gan.generator_step(8)
    assert (int(gan.d_optimizer.iterations), int(gan.g_optimizer.iterations)) == (1, 1)


def test_the_discriminators_fakes_come_from_the_generator_in_inference_mode(seeded, real, monkeypatch):
    gan, modes = _gan(), []
    model = type(gan.generator)
    call = model.__call__

    def spy(self, *args, **kwargs):
        if self is gan.generator:
            modes.append(kwargs.get("training"))
        return call(self, *args, **kwargs)

    monkeypatch.setattr(model, "__call__", spy)
    gan.discriminator_step(real)
    assert modes == [False]
    modes.clear()
    gan.generator_step(8)
    assert modes == [True]  # the generator's own phase runs it in training mode, inside the tape


@pytest.mark.parametrize("smoothing", [0.9, 0.8])
def test_the_discriminators_targets_are_chapter_04s_with_the_gans_smoothing(seeded, real, smoothing):
    gan = _gan(smoothing=smoothing)
    state = np.array(gan.noise_seed.state)
    fake = gan.generator(gan._noise(8), training=False)
    gan.noise_seed.state.assign(state)  # the step draws the same noise again
    judged = gan.discriminator(keras.ops.concatenate([real, fake], axis=0), training=True)
    targets = np.r_[[smoothing] * 8, [0.0] * 8][:, None]
    expected = float(keras.losses.BinaryCrossentropy()(targets, judged))
    assert float(gan.discriminator_step(real)) == pytest.approx(expected, rel=1e-5)
