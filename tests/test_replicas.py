"""Training on several devices (ganlib.replicas): the two-device checks run in a process of their
own (tests/two_devices.py, the CPU split into two logical devices); one device is checked here,
number for number against plain Keras."""

import json
import os
import subprocess
import sys
from pathlib import Path

import keras
import numpy as np
import pytest
import tensorflow as tf

from ganlib import cli, training
from ganlib.gan import GAN
from ganlib.models import build_discriminator, build_generator
from ganlib.replicas import LossMean, ReplicaSeedGenerator

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def two_devices(tmp_path_factory):
    """What tests/two_devices.py measured (one process, about 40 s of CPU)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    script = ROOT / "tests" / "two_devices.py"
    folder = tmp_path_factory.mktemp("two_devices")
    proc = subprocess.run(
        [sys.executable, str(script), str(folder)], capture_output=True, text=True, env=env, timeout=900
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind", ["gan", "conditional"])
def test_each_replica_draws_its_own_noise_and_dropout_reproducibly(two_devices, kind):
    draws = two_devices[f"{kind}_draws"]
    assert not draws["noise_equal"] and not draws["dropout_equal"]
    assert draws["reproducible"]  # the same seed and device count: the same draws


@pytest.mark.parametrize("kind", ["gan", "conditional", "batch_norm"])
def test_two_replicas_equal_one_device_when_the_randomness_is_the_same(two_devices, kind):
    """Noise read off each image, no dropout, the same global batch: after three steps the
    weights (and BatchNorm's moving statistics, synchronised) are one device's, and so are the
    losses reported (not each replica's share of them)."""
    measured = two_devices[kind]
    assert measured["max_diff"] < 1e-5 and measured["moving_diff"] < 1e-5, measured
    np.testing.assert_allclose(measured["loss_2"], measured["loss_1"], atol=1e-5)


def test_a_two_device_run_resumes_exactly_and_on_another_count(two_devices):
    resume = two_devices["resume"]
    assert resume["max_diff"] < 1e-6  # one epoch + resume == two epochs straight
    assert resume["devices_recorded"] == 2
    assert resume["other_count_said"].endswith("trained on 2 device(s) so far; continuing on 1.")
    assert resume["other_count_epochs"] == 1  # epoch 3 of 3 trained on one device
    assert "use a multiple of 2" in two_devices["uneven_batch"]


def _draws(generator):
    return [keras.random.normal((3,), seed=generator).numpy() for _ in range(3)]


def test_with_one_device_the_draws_are_plain_keras():
    assert np.array_equal(_draws(ReplicaSeedGenerator(5)), _draws(keras.random.SeedGenerator(5)))


def _gan(plain: bool) -> GAN:
    keras.utils.set_random_seed(1)
    gan = GAN(build_generator(16, batch_norm=True), build_discriminator(), seed=4, ema=0.99)
    gan.compile()
    if plain:  # back to Keras' own classes: the GAN as it was before it knew about replicas
        for layer in gan.discriminator.layers:
            if isinstance(layer, keras.layers.Dropout):
                assert isinstance(layer.seed_generator, ReplicaSeedGenerator)
                layer.seed_generator.__class__ = keras.random.SeedGenerator
        gan.noise_seed.__class__ = keras.random.SeedGenerator
        for tracker in gan.metrics:
            tracker.__class__ = keras.metrics.Mean
    return gan


def test_with_one_device_a_step_is_the_plain_keras_step_number_for_number():
    real = np.random.default_rng(0).uniform(-1, 1, (8, 28, 28, 1)).astype("float32")
    aware, plain = _gan(False), _gan(True)
    assert not any(getattr(layer, "synchronized", False) for layer in aware.generator.layers)
    losses = [gan.train_on_batch(real, return_dict=True) for gan in (aware, plain) for _ in range(2)]
    assert losses[:2] == losses[2:]
    for a, b in zip(aware.get_weights(), plain.get_weights()):
        assert np.array_equal(a, b)
    assert isinstance(aware.d_loss_tracker, LossMean)


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"devices": 0}, "devices must be"),
        ({"devices": 2, "strategy": tf.distribute.get_strategy()}, "not both"),
        ({"strategy": "mirrored"}, "tf.distribute strategy"),
        ({"devices": 2}, "before anything else uses TensorFlow"),  # this process has one CPU device
    ],
)
def test_bad_device_settings_are_refused(kwargs, words):
    tf.config.list_logical_devices("CPU")  # TensorFlow's devices are set up (never split here)
    images = np.zeros((32, 28, 28, 1), "uint8")
    with pytest.raises(ValueError, match=words):
        training.train(epochs=1, batch_size=16, data=images, **kwargs)


def test_cli_devices_must_be_positive(capsys, tmp_path):
    assert cli.main(["train", "--devices", "0", "--out", str(tmp_path / "run")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --devices must be") and err.count("\n") == 1
