"""A GAN small enough to train live in seconds: noise → numbers that should look like N(4, 1.25²).

The same :class:`ganlib.training.GAN` loop as for digits, with two tiny dense networks.
Snapshots record what the counterfeiter makes (samples) and what the police believe
(D(x) over a grid of x) as training goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import keras
import numpy as np

from ganlib.labels import check_batch_size

TARGET_MEAN = 4.0
TARGET_STD = 1.25


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
    """What a toy run recorded: grid ``xs``, real data, and one snapshot per checkpoint."""

    xs: np.ndarray
    real: np.ndarray
    steps: list[int] = field(default_factory=list)
    fakes: list[np.ndarray] = field(default_factory=list)
    beliefs: list[np.ndarray] = field(default_factory=list)
    d_loss: list[float] = field(default_factory=list)
    g_loss: list[float] = field(default_factory=list)


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
        self.run.d_loss.append(float(logs["d_loss"]))
        self.run.g_loss.append(float(logs["g_loss"]))
        for metric in self.model.metrics:  # logs hold a running mean; keep per-step losses
            metric.reset_state()
        if self.step % self.every == 0:
            self._record()


def train_toy(
    steps: int = 1500, batch_size: int = 64, snapshot_every: int = 300, seed: int = 0, learning_rate=2e-3
) -> ToyRun:
    """Train the 1-D GAN for ``steps`` steps; returns the recorded snapshots."""
    from ganlib.training import GAN

    if isinstance(steps, bool) or not isinstance(steps, int) or steps <= 0:
        raise ValueError(f"steps must be a positive integer, got {steps!r}.")
    batch_size = check_batch_size(batch_size)
    keras.utils.set_random_seed(seed)
    generator, discriminator = build_toy_models()
    gan = GAN(generator, discriminator, smoothing=1.0, seed=seed)
    opt = dict(learning_rate=learning_rate, beta_1=0.5)
    gan.compile(keras.optimizers.Adam(**opt), keras.optimizers.Adam(**opt))
    real = target_samples(steps * batch_size, seed=seed)
    run = ToyRun(xs=np.linspace(-2, 10, 241, dtype=np.float32), real=real[:2000, 0])
    z = keras.random.normal((2000, generator.input_shape[-1]), seed=seed)
    callback = _Snapshots(run, np.asarray(z), snapshot_every)
    gan.fit(real, batch_size=batch_size, epochs=1, shuffle=False, verbose=0, callbacks=[callback])
    return run
