"""The post's alternating training loop as a Keras 3 ``Model.train_step``, plus callbacks.

The Keras-2 original froze the discriminator inside a combined model with
``discriminator.trainable = False`` before compiling it. In Keras 3 the flag is baked into a
model's training function when that function is built (at the first ``train_on_batch`` or
``fit`` after ``compile``) and later flips are ignored until the model is recompiled, so the
trick freezes the discriminator for good or not at all, depending on call order. Here each
phase computes gradients for exactly one network and hands them to that network's own
optimizer: the discriminator phase never touches the generator, and the generator phase
never touches the discriminator.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from keras import ops

from ganlib.labels import check_smoothing
from ganlib.models import has_batch_norm, noise_dim_of
from ganlib.runs import completed_epochs, load_grids
from ganlib.sampling import generate, to_uint8

POST_LEARNING_RATE = 2e-4


def post_adam(learning_rate: float = POST_LEARNING_RATE) -> keras.optimizers.Optimizer:
    """The post's optimizer: Adam, learning rate 2e-4, beta_1 0.5 (another rate if given)."""
    number = isinstance(learning_rate, (int, float)) and not isinstance(learning_rate, bool)
    if not number or not 0 < learning_rate < 1:
        raise ValueError(f"learning rate must be a number in (0, 1), got {learning_rate!r}.")
    return keras.optimizers.Adam(learning_rate=float(learning_rate), beta_1=0.5)


def check_ema(ema: float | None) -> float | None:
    """None (no moving average) or a decay in [0.9, 1), e.g. 0.999."""
    if ema is None:
        return None
    if isinstance(ema, bool) or not isinstance(ema, (int, float, np.floating)) or not 0.9 <= ema < 1:
        raise ValueError(f"ema must be None or a decay in [0.9, 1) such as 0.999, got {ema!r}.")
    return float(ema)


class GAN(keras.Model):
    """Generator + discriminator trained in alternation by ``fit``.

    One ``train_step`` = the post's inner loop: fresh noise → fakes; one discriminator
    update on ``concat([real, fake])`` against (smoothing, 0) targets; then new noise
    and one generator update through the discriminator against ones. ``fit`` reports
    ``d_loss`` and ``g_loss``.

    ``ema=0.999`` also keeps ``ema_generator``, an exponential moving average of the
    generator's variables (Yazıcı et al. 2019): after each step every variable ``a`` of the
    copy becomes ``ema·a + (1 − ema)·w``. It takes no part in training (the same steps
    run with or without it); sample from it instead of ``generator``.
    """

    def __init__(
        self,
        generator: keras.Model,
        discriminator: keras.Model,
        smoothing: float = 0.9,
        seed: int | None = 0,
        ema: float | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if tuple(discriminator.input_shape[1:]) != tuple(generator.output_shape[1:]):
            raise ValueError(
                f"The generator makes images of shape {generator.output_shape[1:]} but the "
                f"discriminator reads {discriminator.input_shape[1:]}; build both with ganlib.models."
            )
        self.generator = generator
        self.discriminator = discriminator
        self.noise_dim = noise_dim_of(generator)
        self.smoothing = check_smoothing(smoothing)
        self.noise_seed = keras.random.SeedGenerator(seed)
        self.bce = keras.losses.BinaryCrossentropy()
        self.ema = check_ema(ema)
        if self.ema is not None:
            self.ema_generator = keras.models.clone_model(generator)
            self.ema_generator.set_weights(generator.get_weights())
            self.ema_generator.trainable = False
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")

    def call(self, z, training=False):
        return self.generator(z, training=training)

    def compile(
        self,
        d_optimizer: keras.optimizers.Optimizer | None = None,
        g_optimizer: keras.optimizers.Optimizer | None = None,
        **kwargs,
    ) -> None:
        """Set one optimizer per network (default: the post's Adam(2e-4, beta_1=0.5))."""
        kwargs.setdefault("optimizer", None)  # no third, unused optimizer in checkpoints
        super().compile(**kwargs)
        self.d_optimizer = d_optimizer if d_optimizer is not None else post_adam()
        self.g_optimizer = g_optimizer if g_optimizer is not None else post_adam()
        if self.d_optimizer is self.g_optimizer:
            raise ValueError("Give the discriminator and the generator separate optimizer objects.")
        # Build optimizer state now, so a checkpoint can be restored before the first step.
        self.d_optimizer.build(self.discriminator.trainable_variables)
        self.g_optimizer.build(self.generator.trainable_variables)

    @property
    def metrics(self):
        return [self.d_loss_tracker, self.g_loss_tracker]

    def _noise(self, batch):
        return keras.random.normal((batch, self.noise_dim), seed=self.noise_seed)

    def discriminator_step(self, real):
        """One discriminator update on ``concat([real, fake])``; returns its loss."""
        batch = ops.shape(real)[0]
        fake = self.generator(self._noise(batch), training=False)
        images = ops.concatenate([real, fake], axis=0)
        targets = ops.concatenate([ops.full((batch, 1), self.smoothing), ops.zeros((batch, 1))], axis=0)
        with tf.GradientTape() as tape:
            d_loss = self.bce(targets, self.discriminator(images, training=True))
        weights = self.discriminator.trainable_variables
        self.d_optimizer.apply_gradients(zip(tape.gradient(d_loss, weights), weights))
        return d_loss

    def generator_step(self, batch):
        """One generator update through the (unchanged) discriminator; returns its loss."""
        z = self._noise(batch)
        with tf.GradientTape() as tape:
            judged = self.discriminator(self.generator(z, training=True), training=True)
            g_loss = self.bce(ops.ones((batch, 1)), judged)
        weights = self.generator.trainable_variables
        self.g_optimizer.apply_gradients(zip(tape.gradient(g_loss, weights), weights))
        return g_loss

    def update_ema(self):
        """Move every variable of ``ema_generator`` a step (1 − ema) towards the generator's."""
        for average, current in zip(self.ema_generator.variables, self.generator.variables):
            average.assign(self.ema * average + (1.0 - self.ema) * current)

    def train_step(self, data):
        real = data[0] if isinstance(data, (tuple, list)) else data
        d_loss = self.discriminator_step(real)
        g_loss = self.generator_step(ops.shape(real)[0])
        if self.ema is not None:
            self.update_ema()
        self.d_loss_tracker.update_state(d_loss)
        self.g_loss_tracker.update_state(g_loss)
        return {m.name: m.result() for m in self.metrics}

    # Random-number state (noise and dropout seeds) is saved with the weights, so a
    # run restored from a checkpoint continues exactly where it stopped.
    def _rng_states(self):
        weight_ids = {id(w) for w in self.weights}
        return [v for v in self.variables if id(v) not in weight_ids]

    def save_own_variables(self, store):
        super().save_own_variables(store)
        for i, v in enumerate(self._rng_states()):
            store[f"rng_{i}"] = v

    def load_own_variables(self, store):
        rest = {}
        states = self._rng_states()
        for key in store.keys():
            if key.startswith("rng_"):
                states[int(key[4:])].assign(store[key])
            else:
                rest[key] = store[key]
        super().load_own_variables(rest)


class SampleGrid(keras.callbacks.Callback):
    """Generate images from one fixed noise batch after every epoch.

    The grids are kept in ``self.grids`` (epoch → float32 images) and, if ``out_dir``
    is given, written as ``epoch-NNN.png`` there and collected in ``grids.npz`` (uint8),
    which a resumed run extends.
    """

    def __init__(self, z: np.ndarray, out_dir: str | os.PathLike | None = None):
        super().__init__()
        self.z = np.asarray(z, np.float32)
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.grids: dict[int, np.ndarray] = {}

    def on_train_begin(self, logs=None):
        if self.out_dir is not None and (self.out_dir / "grids.npz").is_file():
            self.grids.update(load_grids(self.out_dir))

    def on_epoch_end(self, epoch, logs=None):
        images = generate(self.model.generator, self.z)
        self.grids[epoch + 1] = images
        if self.out_dir is not None:
            from ganlib.plotting import save_grid

            self.out_dir.mkdir(parents=True, exist_ok=True)
            save_grid(images, self.out_dir / f"epoch-{epoch + 1:03d}.png", title=f"epoch {epoch + 1}")
            packed = {f"epoch_{e:03d}": to_uint8(g) for e, g in sorted(self.grids.items())}
            np.savez_compressed(self.out_dir / "grids.npz", **packed)



class GeneratorCheckpoint(keras.callbacks.Callback):
    """Save the generator's weights after every epoch (latest, and one file per epoch); with
    ``GAN(ema=…)`` also the moving average's (``generator-ema*.weights.h5``)."""

    def __init__(self, out_dir: str | os.PathLike, keep_every_epoch: bool = True):
        super().__init__()
        self.out_dir = Path(out_dir)
        self.keep_every_epoch = keep_every_epoch

    def on_epoch_end(self, epoch, logs=None):
        self.out_dir.mkdir(parents=True, exist_ok=True)
        gen = self.model.generator
        gen.save_weights(self.out_dir / "generator.weights.h5")
        if self.keep_every_epoch:
            gen.save_weights(self.out_dir / f"generator-epoch-{epoch + 1:03d}.weights.h5")
        ema = getattr(self.model, "ema_generator", None)
        if ema is not None:
            ema.save_weights(self.out_dir / "generator-ema.weights.h5")
            if self.keep_every_epoch:
                ema.save_weights(self.out_dir / f"generator-ema-epoch-{epoch + 1:03d}.weights.h5")
        info = {"noise_dim": noise_dim_of(gen), "batch_norm": has_batch_norm(gen), "epoch": epoch + 1}
        (self.out_dir / "generator.json").write_text(json.dumps(info, indent=2) + "\n")




def run_callbacks(run_dir: str | os.PathLike, z_fixed: np.ndarray) -> list[keras.callbacks.Callback]:
    """The callbacks a checkpointed run uses: resume, history, generator weights, grids."""
    run_dir = Path(run_dir)
    return [
        keras.callbacks.BackupAndRestore(run_dir / "backup", delete_checkpoint=False),
        keras.callbacks.CSVLogger(str(run_dir / "history.csv"), append=True),
        GeneratorCheckpoint(run_dir),
        SampleGrid(z_fixed, out_dir=run_dir / "grids"),
    ]


def _positive_int(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value!r}.")
    return int(value)


def train(
    epochs: int,
    batch_size: int = 128,
    noise_dim: int = 200,
    images: np.ndarray | None = None,
    data: str | None = None,
    n_images: int | None = None,
    run_dir: str | os.PathLike | None = None,
    resume: bool = False,
    seed: int = 0,
    smoothing: float = 0.9,
    n_grid: int = 16,
    verbose: str | int = "auto",
    batch_norm: bool = False,
    ema: float | None = None,
    d_learning_rate: float = POST_LEARNING_RATE,
    g_learning_rate: float = POST_LEARNING_RATE,
) -> GAN:
    """Build the post's DCGAN and train it for ``epochs`` epochs; returns the trained GAN.

    The defaults are the post's recipe. Chapter 08's improvements: ``batch_norm=True``
    (BatchNorm in the generator), ``ema=0.999`` (a moving average of the generator) and
    separate learning rates (e.g. ``d_learning_rate=4e-4, g_learning_rate=1e-4``, the
    two time-scale rule of Heusel et al. 2017).

    ``images``: uint8 digits (default: ``load_mnist(data)``), of which the first
    ``n_images`` are used. With ``run_dir`` every epoch is checkpointed there (Keras'
    BackupAndRestore), with the loss history (``history.csv``), the generator's weights
    and a fixed-noise grid; ``resume=True`` continues such a run up to ``epochs``.
    The Keras ``History`` is at ``gan.history`` and the grids at ``gan.sample_grid.grids``.
    """
    from ganlib.data import load_mnist, make_dataset, steps_per_epoch
    from ganlib.labels import check_batch_size
    from ganlib.models import build_discriminator, build_generator, check_noise_dim
    from ganlib.sampling import noise

    epochs = _positive_int("epochs", epochs)
    batch_size = check_batch_size(batch_size)
    check_noise_dim(noise_dim)
    check_smoothing(smoothing)
    check_ema(ema)
    post_adam(d_learning_rate), post_adam(g_learning_rate)  # validate both
    if not isinstance(batch_norm, bool):
        raise ValueError(f"batch_norm must be True or False, got {batch_norm!r}.")
    if images is None:
        images, _ = load_mnist(data)
    if n_images is not None:
        images = images[: _positive_int("n_images", n_images)]
    steps = steps_per_epoch(len(images), batch_size)
    config = {
        "batch_size": batch_size,
        "noise_dim": noise_dim,
        "seed": seed,
        "smoothing": smoothing,
        "n_images": len(images),
        "batch_norm": batch_norm,
        "ema": ema,
        "d_learning_rate": d_learning_rate,
        "g_learning_rate": g_learning_rate,
    }

    start = 0
    if run_dir is not None:
        run_dir = Path(run_dir)
        start = completed_epochs(run_dir)
        if start and not resume:
            raise ValueError(
                f"{run_dir} already holds a run trained for {start} epochs. Pass resume=True "
                "(--resume on the command line) to continue it, or choose a new output folder."
            )
        saved = run_dir / "run.json"
        if start and saved.is_file():
            before = json.loads(saved.read_text())
            # Settings a run folder predates had their default values then.
            defaults = {"batch_norm": False, "ema": None, "d_learning_rate": 2e-4, "g_learning_rate": 2e-4}
            changed = {
                k: (before.get(k, defaults.get(k)), v)
                for k, v in config.items()
                if before.get(k, defaults.get(k)) != v
            }
            if changed:
                detail = ", ".join(f"{k}: {a} → {b}" for k, (a, b) in changed.items())
                raise ValueError(
                    f"Cannot resume {run_dir} with different settings ({detail}); "
                    "use the original settings or a new output folder."
                )
        run_dir.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(config, indent=2) + "\n")

    keras.utils.set_random_seed(seed)
    gan = GAN(
        build_generator(noise_dim, batch_norm=batch_norm),
        build_discriminator(),
        smoothing=smoothing,
        seed=seed,
        ema=ema,
    )
    gan.compile(d_optimizer=post_adam(d_learning_rate), g_optimizer=post_adam(g_learning_rate))
    gan(noise(1, noise_dim))  # build, so a checkpoint can be restored into it
    z_fixed = noise(n_grid, noise_dim, seed=seed)
    if run_dir is not None:
        callbacks = run_callbacks(run_dir, z_fixed)
    else:
        callbacks = [SampleGrid(z_fixed)]
    gan.sample_grid = next(c for c in callbacks if isinstance(c, SampleGrid))
    dataset = make_dataset(images, batch_size, seed=seed, start_epoch=start)
    gan.fit(
        dataset, epochs=epochs, steps_per_epoch=steps, callbacks=callbacks, verbose=verbose, shuffle=False
    )
    return gan
