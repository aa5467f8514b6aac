"""A GAN small enough to train live in seconds: noise → numbers that should look like N(4, 1.25²).

The same :class:`ganlib.training.GAN` loop as for digits, with two tiny dense networks.
Snapshots record what the counterfeiter makes (samples) and what the police believe
(D(x) over a grid of x) as training goes on.

The counterfeiter can be trained with either generator loss of Goodfellow et al. (2014):
the *non-saturating* one the book uses everywhere (``-log D(G(z))``: binary cross-entropy
against the label "real") or the *saturating* one of the minimax game (``log(1 - D(G(z)))``).
Every step records the size of the counterfeiter's gradient, so chapter 01 can show how the
saturating loss's gradient dies away once the police are confident.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import keras
import numpy as np
import tensorflow as tf
from keras import ops

from ganlib.labels import check_batch_size
from ganlib.validate import positive_int

TARGET_MEAN = 4.0
TARGET_STD = 1.25
GENERATOR_LOSSES = ("non_saturating", "saturating")
GENERATOR_OPTIMIZERS = ("adam", "sgd")


def target_samples(n: int, seed: int | None = 0) -> np.ndarray:
    """float32 ``(n, 1)`` real data: draws from N(TARGET_MEAN, TARGET_STD²)."""
    rng = np.random.default_rng(seed)
    return (TARGET_MEAN + TARGET_STD * rng.standard_normal((n, 1))).astype(np.float32)


def build_toy_models(noise_dim: int = 4) -> tuple[keras.Model, keras.Model]:
    """A 1-D counterfeiter (noise → number) and police (number → probability real)."""
    generator = keras.Sequential(
        [keras.Input((noise_dim,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)],
        name="toy_generator",
    )
    discriminator = keras.Sequential(
        [
            keras.Input((1,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ],
        name="toy_discriminator",
    )
    return generator, discriminator


@dataclass
class ToyRun:
    """What a toy run recorded: grid ``xs``, real data, and one snapshot per checkpoint.

    Per step: ``d_loss`` and ``g_loss``; ``g_grad``, the size (global L2 norm) of the
    gradient of the counterfeiter's loss with respect to its weights; and ``d_fake``, the
    police's mean belief D(G(z)) on the fakes the counterfeiter was judged on.
    """

    xs: np.ndarray
    real: np.ndarray
    generator_loss: str = "non_saturating"
    steps: list[int] = field(default_factory=list)
    fakes: list[np.ndarray] = field(default_factory=list)
    beliefs: list[np.ndarray] = field(default_factory=list)
    d_loss: list[float] = field(default_factory=list)
    g_loss: list[float] = field(default_factory=list)
    g_grad: list[float] = field(default_factory=list)
    d_fake: list[float] = field(default_factory=list)


class _Snapshots(keras.callbacks.Callback):
    def __init__(self, run: ToyRun, z: np.ndarray, every: int):
        super().__init__()
        self.run, self.z, self.every = run, z, every
        self.step = 0

    def _record(self):
        gan = self.model
        self.run.steps.append(self.step)
        self.run.fakes.append(np.asarray(gan.generator(self.z))[:, 0])
        self.run.beliefs.append(np.asarray(gan.discriminator(self.run.xs[:, None]))[:, 0])

    def on_train_begin(self, logs=None):
        self._record()

    def on_train_batch_end(self, batch, logs=None):
        self.step += 1
        for key in ("d_loss", "g_loss", "g_grad", "d_fake"):  # this step's values, not the running means
            getattr(self.run, key).append(float(logs[f"{key}_step"]))
        if self.step % self.every == 0:
            self._record()


def _toy_gan(generator, discriminator, generator_loss: str, seed: int):
    """ganlib's GAN whose generator step can use either loss and reports its gradient's size."""
    from ganlib.gan import GAN

    class ToyGAN(GAN):
        def __init__(self):
            super().__init__(generator, discriminator, smoothing=1.0, seed=seed)
            self.g_grad_tracker = keras.metrics.Mean(name="g_grad")
            self.d_fake_tracker = keras.metrics.Mean(name="d_fake")

        @property
        def metrics(self):
            return [self.d_loss_tracker, self.g_loss_tracker, self.g_grad_tracker, self.d_fake_tracker]

        def train_step(self, data):
            real = data[0] if isinstance(data, (tuple, list)) else data
            batch = ops.shape(real)[0]
            d_loss = self.discriminator_step(real)
            z = self._noise(batch)
            with tf.GradientTape() as tape:
                judged = self.discriminator(self.generator(z, training=True), training=True)
                if generator_loss == "saturating":  # mean log(1 - D(G(z))), to be made small
                    g_loss = -self.bce(ops.zeros((batch, 1)), judged)
                else:  # mean -log D(G(z)): cross-entropy against the label "real", as in ganlib
                    g_loss = self.bce(ops.ones((batch, 1)), judged)
            weights = self.generator.trainable_variables
            grads = tape.gradient(g_loss, weights)
            self.g_optimizer.apply_gradients(zip(grads, weights))
            step = {
                "d_loss": d_loss,
                "g_loss": g_loss,
                "g_grad": tf.linalg.global_norm(grads),
                "d_fake": ops.mean(judged),
            }
            for tracker in self.metrics:
                tracker.update_state(step[tracker.name])
            # the running means (what fit prints) and, for the snapshots, this step's values
            return {**{m.name: m.result() for m in self.metrics}, **{f"{k}_step": v for k, v in step.items()}}

    return ToyGAN()


def train_toy(
    steps: int = 1500,
    batch_size: int = 64,
    snapshot_every: int = 300,
    seed: int = 0,
    learning_rate=2e-3,
    generator_loss: str = "non_saturating",
    generator_optimizer: str = "adam",
    generator_learning_rate: float | None = None,
) -> ToyRun:
    """Train the 1-D GAN for ``steps`` steps; returns the recorded snapshots.

    ``generator_loss``: ``"non_saturating"`` (``-log D(G(z))``, the book's) or
    ``"saturating"`` (``log(1 - D(G(z)))``, the minimax game's). The police always use
    Adam(``learning_rate``, beta_1=0.5); the counterfeiter uses the same (``"adam"``) or
    plain gradient descent (``"sgd"``), whose step is proportional to the gradient, with
    ``generator_learning_rate`` (default: ``learning_rate``).
    """
    steps = positive_int("steps", steps)
    if generator_loss not in GENERATOR_LOSSES:
        raise ValueError(f"generator_loss must be one of {GENERATOR_LOSSES}, got {generator_loss!r}.")
    if generator_optimizer not in GENERATOR_OPTIMIZERS:
        raise ValueError(
            f"generator_optimizer must be one of {GENERATOR_OPTIMIZERS}, got {generator_optimizer!r}."
        )
    batch_size = check_batch_size(batch_size)
    g_rate = learning_rate if generator_learning_rate is None else generator_learning_rate
    keras.utils.set_random_seed(seed)
    generator, discriminator = build_toy_models()
    gan = _toy_gan(generator, discriminator, generator_loss, seed)
    if generator_optimizer == "sgd":
        g_optimizer = keras.optimizers.SGD(learning_rate=g_rate)
    else:
        g_optimizer = keras.optimizers.Adam(learning_rate=g_rate, beta_1=0.5)
    gan.compile(keras.optimizers.Adam(learning_rate=learning_rate, beta_1=0.5), g_optimizer)
    real = target_samples(steps * batch_size, seed=seed)
    run = ToyRun(
        xs=np.linspace(-2, 10, 241, dtype=np.float32), real=real[:2000, 0], generator_loss=generator_loss
    )
    z = keras.random.normal((2000, generator.input_shape[-1]), seed=seed)
    callback = _Snapshots(run, np.asarray(z), snapshot_every)
    gan.fit(real, batch_size=batch_size, epochs=1, shuffle=False, verbose=0, callbacks=[callback])
    return run
