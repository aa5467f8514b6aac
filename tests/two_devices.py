"""The two-device checks of test_replicas.py, run in a process of their own: the CPU must be split
into two logical devices before TensorFlow sets up its devices, which a pytest worker has done
long before. Prints one JSON object of measurements; the tests assert on it.

    python tests/two_devices.py RUN_FOLDER
"""

import json
import os
import sys
import threading

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["GANLIB_DATA"] = "bundled"

from ganlib.replicas import strategy_for  # noqa: E402

strategy = strategy_for(2)  # the CPU split in two, and the strategy train(devices=2) uses too

import contextlib  # noqa: E402
import io  # noqa: E402

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

from ganlib import training  # noqa: E402
from ganlib.gan import GAN, ConditionalGAN  # noqa: E402
from ganlib.models import (  # noqa: E402
    build_conditional_discriminator,
    build_conditional_generator,
    build_discriminator,
    build_generator,
)

STEPS, BATCH, NOISE = 3, 16, 16
rng = np.random.default_rng(0)
images = rng.uniform(-1, 1, (STEPS * BATCH, 28, 28, 1)).astype("float32")
digits = rng.integers(0, 10, STEPS * BATCH).astype("int32")
results = {}


def given_noise(cls):
    """cls whose noise is read off each real image (no draws): the same per image however the
    batch is split, so one device and two replicas see the same noise."""

    class GivenNoise(cls):
        local = threading.local()  # MirroredStrategy runs each replica's step in its own thread

        def train_step(self, data):
            self.local.real, self.local.calls = data[0] if self.conditional else data, 0
            return super().train_step(data)

        def _noise(self, batch):
            self.local.calls += 1
            start = 100 * self.local.calls
            return keras.ops.reshape(self.local.real, (-1, 784))[:, start : start + self.noise_dim]

    return GivenNoise


def make(conditional, *, same=False, batch_norm=False, sgd=False):
    keras.utils.set_random_seed(0)
    cls = ConditionalGAN if conditional else GAN
    gen = (build_conditional_generator if conditional else build_generator)(NOISE, batch_norm=batch_norm)
    disc = (build_conditional_discriminator if conditional else build_discriminator)(0.0 if same else 0.3)
    gan = (given_noise(cls) if same else cls)(gen, disc, seed=0, ema=0.99)
    gan.compile(*[keras.optimizers.SGD(0.05), keras.optimizers.SGD(0.05)] if sgd else [])
    return gan


def dataset(conditional):
    data = (images, digits) if conditional else images
    return tf.data.Dataset.from_tensor_slices(data).batch(BATCH)


def per_replica(fn):
    return [t.numpy() for t in strategy.experimental_local_results(strategy.run(fn))]


def compare(name, conditional, **kw):
    """Max weight difference between one device and two replicas after STEPS steps, and the
    losses each reports."""
    one = make(conditional, **kw)
    h1 = one.fit(dataset(conditional), epochs=1, verbose=0).history
    with strategy.scope():
        two = make(conditional, **kw)
    h2 = two.fit(dataset(conditional), epochs=1, verbose=0).history
    pairs = zip(one.weights, one.get_weights(), two.get_weights())
    diffs = {v.path: float(np.max(np.abs(a - b))) for v, a, b in pairs}
    results[name] = {
        "max_diff": max(diffs.values()),
        "moving_diff": max([d for p, d in diffs.items() if "moving" in p] or [0.0]),
        "loss_1": [h1["d_loss"][0], h1["g_loss"][0]],
        "loss_2": [h2["d_loss"][0], h2["g_loss"][0]],
    }


for conditional in (False, True):
    kind = "conditional" if conditional else "gan"
    with strategy.scope():
        gan = make(conditional)
    z = per_replica(lambda gan=gan: gan._noise(4))
    dropout = next(layer for layer in gan.discriminator.layers if isinstance(layer, keras.layers.Dropout))
    masks = per_replica(lambda dropout=dropout: dropout(tf.ones((4, 64)), training=True))
    with strategy.scope():
        again = make(conditional)
    results[f"{kind}_draws"] = {
        "noise_equal": bool(np.array_equal(*z)),
        "dropout_equal": bool(np.array_equal(*masks)),
        "reproducible": bool(np.array_equal(z, per_replica(lambda again=again: again._noise(4)))),
    }
    compare(kind, conditional, same=True)
compare("batch_norm", False, same=True, batch_norm=True, sgd=True)

# A run folder under MirroredStrategy: one epoch, then a resume, equals two epochs straight.
run = dict(epochs=2, batch_size=16, noise_dim=NOISE, data="bundled", n_images=64, ema=0.99, batch_norm=True)
folder = sys.argv[1]
straight = training.train(**run, devices=2, run_dir=f"{folder}/straight", verbose=0)
training.train(**{**run, "epochs": 1}, devices=2, run_dir=f"{folder}/resumed", verbose=0)
resumed = training.train(**run, devices=2, run_dir=f"{folder}/resumed", resume=True, verbose=0)
said = io.StringIO()
with contextlib.redirect_stdout(said):
    other = training.train(
        **{**run, "epochs": 3}, devices=1, run_dir=f"{folder}/resumed", resume=True, verbose=0
    )
results["resume"] = {
    "max_diff": max(
        float(np.max(np.abs(a - b))) for a, b in zip(straight.get_weights(), resumed.get_weights())
    ),
    "devices_recorded": json.load(open(f"{folder}/straight/run.json"))["devices"],
    "other_count_said": said.getvalue().strip(),
    "other_count_epochs": len(other.history.history["d_loss"]),
}
try:
    training.train(**{**run, "batch_size": 15}, devices=2)
except ValueError as err:
    results["uneven_batch"] = str(err)
print(json.dumps(results))
