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
import shutil
import sys
import time
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from keras import ops

from ganlib.augment import augment as augment_images
from ganlib.augment import check_policy
from ganlib.config import run_sizes
from ganlib.data import check_training_images, load_mnist, make_dataset, steps_per_epoch
from ganlib.labels import check_batch_size, check_smoothing, discriminator_targets, generator_targets
from ganlib.models import (
    N_DIGITS,
    build_conditional_discriminator,
    build_conditional_generator,
    build_discriminator,
    build_generator,
    check_noise_dim,
    has_batch_norm,
    image_shape_of,
    is_conditional,
    noise_dim_of,
)
from ganlib.runs import (
    BACKUP_NAME,
    TMP_PREFIX,
    RunLock,
    check_run_dir,
    completed_epochs,
    copy_atomic,
    has_checkpoint,
    load_grids,
    load_history,
    read_epoch_record,
    remove_leftovers,
    save_history,
    say,
    short_error,
    write_atomic,
)
from ganlib.sampling import every_digit, generate, noise, to_uint8
from ganlib.validate import check_digits, positive_int, random_seed

POST_LEARNING_RATE = 2e-4

#: ``python -m ganlib train --quick`` (``train(**QUICK, run_dir=...)`` from Python): a generator of
#: your own in about 10 minutes on a 2-core CPU. The post's networks with chapter 08's BatchNorm in
#: the generator and its moving average, on the 8,000 bundled training digits, in batches of 32 at
#: twice the post's learning rate. On a CPU a step's time grows with its batch (0.117 s at 32 against
#: 0.43 s at 128 on the course's 2-core machine) while how far a step gets hardly does, so small
#: batches buy more steps per minute; the larger learning rate makes each step count for more, and
#: the moving average smooths the noisier steps. Chosen by measurement (README: "Your own generator
#: in 12 minutes").
QUICK = {
    "epochs": 20,
    "batch_size": 32,
    "noise_dim": 200,
    "data": "bundled",
    "n_images": 8000,
    "batch_norm": True,
    "ema": 0.999,
    "d_learning_rate": 4e-4,
    "g_learning_rate": 4e-4,
}


def long_run_recipe(mode: str | None = None) -> dict:
    """What chapter 05 trains when a student trains a generator of their own, as ``train``'s
    keyword arguments: on a CPU the ``QUICK`` recipe (about 12 minutes), on a GPU the post's
    own settings (50 epochs over the 60,000 digits), in fast mode (CI) the quick recipe cut to
    one epoch of 256 digits. ``mode`` as ``config.run_sizes`` (default: the current mode)."""
    sizes = run_sizes(mode)
    if sizes.mode == "gpu":
        return {
            "epochs": sizes.epochs,
            "batch_size": sizes.batch_size,
            "noise_dim": sizes.noise_dim,
            "data": sizes.data,
            "n_images": sizes.n_images,
        }
    if sizes.mode == "fast":
        return {**QUICK, "epochs": 1, "n_images": sizes.n_images, "batch_size": sizes.batch_size}
    return dict(QUICK)


def post_adam(learning_rate: float = POST_LEARNING_RATE) -> keras.optimizers.Optimizer:
    """The post's optimizer: Adam, learning rate 2e-4, beta_1 0.5 (another rate if given)."""
    number = isinstance(learning_rate, (int, float, np.floating)) and not isinstance(learning_rate, bool)
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


@keras.saving.register_keras_serializable(package="ganlib")
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

    ``augment="translation,cutout"`` applies differentiable augmentation (``ganlib.augment``;
    Zhao et al. 2020) to every image the discriminator judges, real and fake, in both phases.
    """

    def __init__(
        self,
        generator: keras.Model,
        discriminator: keras.Model,
        smoothing: float = 0.9,
        seed: int | None = 0,
        ema: float | None = None,
        augment: str | tuple[str, ...] | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if image_shape_of(discriminator) != image_shape_of(generator, output=True):
            raise ValueError(
                f"The generator makes images of shape {image_shape_of(generator, output=True)} but the "
                f"discriminator reads {image_shape_of(discriminator)}; build both with ganlib.models."
            )
        if is_conditional(generator) != self.conditional or is_conditional(discriminator) != self.conditional:
            raise ValueError(
                "ConditionalGAN takes a conditional generator and discriminator "
                "(models.build_conditional_generator/_discriminator); GAN takes the unconditional ones."
            )
        self.generator = generator
        self.discriminator = discriminator
        # The SampleGrid of the latest fit that had one, set by the callback itself (as Keras'
        # History callback sets model.history): its grids, epoch → images, are sample_grid.grids.
        self.sample_grid = None
        self.noise_dim = noise_dim_of(generator)
        self.smoothing = check_smoothing(smoothing)
        self.seed = seed
        self.noise_seed = keras.random.SeedGenerator(seed)
        self.bce = keras.losses.BinaryCrossentropy()
        self.ema = check_ema(ema)
        self.augment = check_policy(augment)
        if self.augment:  # its own random stream, saved with the others
            self.augment_seed = keras.random.SeedGenerator(None if seed is None else seed + 7919)
        if self.ema is not None:
            self.ema_generator = keras.models.clone_model(generator)
            self.ema_generator.set_weights(generator.get_weights())
            self.ema_generator.trainable = False
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")
        self.built = True  # both networks are built; nothing is left to build on a first call

    # Saving in Keras' own format: gan.save("gan.keras") and keras.models.load_model give back
    # both networks, the moving average, both optimizers (with their state) and the noise state.
    def get_config(self):
        return {
            "name": self.name,
            "generator": keras.saving.serialize_keras_object(self.generator),
            "discriminator": keras.saving.serialize_keras_object(self.discriminator),
            "smoothing": self.smoothing,
            "seed": self.seed,
            "ema": self.ema,
            "augment": ",".join(self.augment) or None,
        }

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("generator", "discriminator"):
            config[key] = keras.saving.deserialize_keras_object(config[key])
        return cls(**config)

    def get_compile_config(self):
        if not self.compiled:
            return None
        return {
            "d_optimizer": keras.saving.serialize_keras_object(self.d_optimizer),
            "g_optimizer": keras.saving.serialize_keras_object(self.g_optimizer),
        }

    def compile_from_config(self, config):
        self.compile(
            d_optimizer=keras.saving.deserialize_keras_object(config["d_optimizer"]),
            g_optimizer=keras.saving.deserialize_keras_object(config["g_optimizer"]),
        )

    def fit(self, x=None, *args, **kwargs):
        """Keras' ``fit``, refusing images the networks cannot train on (naming ``scale_images``):
        arrays are checked whole (float ``(N, 28, 28, 1)`` in [-1, 1]); a ``tf.data`` stream by
        its element type and shape. Models of other data (``ganlib.toy``) are not checked."""
        if image_shape_of(self.discriminator) == (28, 28, 1):
            if isinstance(x, tf.data.Dataset):
                spec = x.element_spec[0] if isinstance(x.element_spec, tuple) else x.element_spec
                if not spec.dtype.is_floating or tuple(spec.shape[1:]) != (28, 28, 1):
                    raise ValueError(
                        f"The dataset yields {spec.dtype.name} batches of shape {tuple(spec.shape)}; the "
                        "networks train on floats in [-1, 1] of shape (batch, 28, 28, 1): build it with "
                        "data.make_dataset(images), or map data.scale_images over it."
                    )
            elif x is not None:
                check_training_images(x[0] if isinstance(x, (tuple, list)) else x)
        if self.conditional and not isinstance(x, tf.data.Dataset):
            if (args[0] if args else kwargs.get("y")) is None:
                raise ValueError(
                    "A ConditionalGAN trains on images and their digits: fit(images, digits), or a "
                    "dataset of (images, digits) pairs (data.make_dataset(images, digits=labels))."
                )
        return super().fit(x, *args, **kwargs)

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

    conditional = False  # ConditionalGAN: both networks also read the digit

    def _noise(self, batch):
        return keras.random.normal((batch, self.noise_dim), seed=self.noise_seed)

    def _augment(self, images):
        """What the discriminator is shown: ``images``, augmented if the GAN was built with ``augment``."""
        return augment_images(images, self.augment, self.augment_seed) if self.augment else images

    def discriminator_step(self, real):
        """One discriminator update on ``concat([real, fake])``; returns its loss."""
        batch = ops.shape(real)[0]
        fake = self.generator(self._noise(batch), training=False)
        images = ops.concatenate([real, fake], axis=0)
        targets = discriminator_targets(batch, self.smoothing)  # chapter 04: the real half, then the fakes
        with tf.GradientTape() as tape:
            d_loss = self.bce(targets, self.discriminator(self._augment(images), training=True))
        weights = self.discriminator.trainable_variables
        self.d_optimizer.apply_gradients(zip(tape.gradient(d_loss, weights), weights))
        return d_loss

    def generator_step(self, batch):
        """One generator update through the (unchanged) discriminator; returns its loss."""
        z = self._noise(batch)
        with tf.GradientTape() as tape:
            judged = self.discriminator(self._augment(self.generator(z, training=True)), training=True)
            g_loss = self.bce(generator_targets(batch), judged)  # "call my fakes real"
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
    # run restored from a checkpoint continues exactly where it stopped. Each state is keyed by
    # where it lives, as Keras names layers inside a model ("rng.discriminator.dropout_1"),
    # not by its variable path, which carries counters that differ from one process to the next.
    def _rng_states(self) -> dict[str, keras.Variable]:
        states = {"rng.noise": self.noise_seed.state}
        if self.augment:
            states["rng.augment"] = self.augment_seed.state
        for owner in ("generator", "discriminator", "ema_generator"):
            model = getattr(self, owner, None)
            count: dict[str, int] = {}
            for layer in model.layers if model is not None else []:
                weight_ids = {id(w) for w in layer.weights}
                extra = [v for v in layer.variables if id(v) not in weight_ids]  # a dropout layer's seed
                if not extra:
                    continue
                kind = type(layer).__name__.lower()
                n = count[kind] = count.get(kind, -1) + 1
                for j, v in enumerate(extra):
                    states[f"rng.{owner}.{kind}" + (f"_{n}" if n else "") + (f".{j}" if j else "")] = v
        missed = {id(v) for v in self._states_in_order()} - {id(v) for v in states.values()}
        if missed:  # a random state this code does not know where to find: resuming would not be exact
            raise RuntimeError(f"{len(missed)} random-number state(s) of the GAN would not be saved.")
        return states

    def _states_in_order(self) -> list:
        """The GAN's variables that are not weights, in Keras' order (older checkpoints keyed
        them by it: rng_0, rng_1, …)."""
        weight_ids = {id(w) for w in self.weights}
        return [v for v in self.variables if id(v) not in weight_ids]

    def save_own_variables(self, store):
        super().save_own_variables(store)
        for key, v in self._rng_states().items():
            store[key] = v

    def load_own_variables(self, store):
        rest = {}
        states = self._rng_states()
        before = self._states_in_order()  # older checkpoints keyed them by this order
        for key in store.keys():
            if key in states:
                states[key].assign(store[key])
            elif key.startswith("rng_"):
                before[int(key[4:])].assign(store[key])
            else:
                rest[key] = store[key]
        super().load_own_variables(rest)


@keras.saving.register_keras_serializable(package="ganlib")
class ConditionalGAN(GAN):
    """A GAN whose networks both read the digit (chapter 09; Mirza & Osindero 2014).

    ``fit`` takes ``(images, digits)`` batches. One step is the post's, with the digit
    alongside every image: the discriminator learns that (real image, its digit) is real and
    (fake made for that digit, that digit) is fake; the generator then makes fresh fakes for
    the same digits and is pushed towards what the discriminator accepts *for that digit*.
    """

    conditional = True

    def call(self, inputs, training=False):
        z, digits = inputs
        return self.generator([z, digits], training=training)

    def discriminator_step(self, real, digits):
        """GAN.discriminator_step with the digits: fakes made for the real images' digits; the
        discriminator judges (image, digit) pairs."""
        batch = ops.shape(real)[0]
        fake = self.generator([self._noise(batch), digits], training=False)
        images = ops.concatenate([real, fake], axis=0)
        told = ops.concatenate([digits, digits], axis=0)
        targets = discriminator_targets(batch, self.smoothing)
        with tf.GradientTape() as tape:
            d_loss = self.bce(targets, self.discriminator([self._augment(images), told], training=True))
        weights = self.discriminator.trainable_variables
        self.d_optimizer.apply_gradients(zip(tape.gradient(d_loss, weights), weights))
        return d_loss

    def generator_step(self, batch, digits):
        """GAN.generator_step with the digits: fresh fakes for ``digits``, judged with them."""
        z = self._noise(batch)
        with tf.GradientTape() as tape:
            fakes = self._augment(self.generator([z, digits], training=True))
            judged = self.discriminator([fakes, digits], training=True)
            g_loss = self.bce(generator_targets(batch), judged)
        weights = self.generator.trainable_variables
        self.g_optimizer.apply_gradients(zip(tape.gradient(g_loss, weights), weights))
        return g_loss

    def train_step(self, data):
        if not isinstance(data, (tuple, list)) or len(data) < 2:
            raise ValueError("ConditionalGAN trains on (images, digits) batches.")
        real, digits = data[0], ops.cast(ops.reshape(data[1], (-1,)), "int32")
        d_loss = self.discriminator_step(real, digits)
        g_loss = self.generator_step(ops.shape(real)[0], digits)
        if self.ema is not None:
            self.update_ema()
        self.d_loss_tracker.update_state(d_loss)
        self.g_loss_tracker.update_state(g_loss)
        return {m.name: m.result() for m in self.metrics}


def _epochs(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → '1–3, 5' (epochs counted from 1, as Keras prints them)."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans)


def _checkpoint_end(epoch: int) -> str:
    return f"the checkpoint ends at epoch {epoch}" if epoch else "no epoch was checkpointed"


def _weights_problem(path: Path, net: keras.Model) -> str | None:
    """Why ``path`` does not hold ``net``'s current weights (None if it does); ``net`` is unchanged."""
    if not path.is_file():
        return "missing"
    kept = net.get_weights()
    try:
        net.load_weights(path)
        same = all(np.array_equal(a, b) for a, b in zip(net.get_weights(), kept))
    except Exception as err:  # whatever a damaged file raises
        return f"unreadable: {short_error(err)}"
    finally:
        net.set_weights(kept)
    return None if same else "from another epoch"


def _save_weights(path: Path, net: keras.Model) -> None:
    write_atomic(path, net.save_weights)


class _ResumingCallback(keras.callbacks.Callback):
    """A callback whose files must match the run's checkpoint before training goes on.

    ``train()`` calls ``resume(epoch)`` once the model holds the checkpoint of ``epoch``
    complete epochs; in a ``fit`` of your own it runs at the first epoch.
    """

    _resumed = False

    def resume(self, epoch: int) -> None:
        self._resumed = True

    def on_epoch_begin(self, epoch, logs=None):
        if not self._resumed:
            self.resume(epoch)


class Progress(keras.callbacks.Callback):
    """One progress bar for the whole run (Keras' ``Progbar``): steps done of all epochs, the
    losses, and the time left. Outside a terminal or notebook (a log file), one line
    per epoch instead, with the time taken and the time left."""

    def __init__(self, epochs: int, steps: int, interactive: bool | None = None):
        super().__init__()
        self.epochs, self.steps = epochs, steps
        if interactive is None:  # a terminal, or a notebook's kernel (whose output redraws a bar)
            shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
            interactive = sys.stdout.isatty() or type(shell).__name__ == "ZMQInteractiveShell"
        self.interactive = interactive

    def on_train_begin(self, logs=None):
        self.bar = None
        self.started = time.monotonic()

    def on_epoch_begin(self, epoch, logs=None):
        if self.bar is None:  # the first epoch of this fit (later than 0 when resumed)
            self.first, self.done = epoch, 0
            total = (self.epochs - epoch) * self.steps
            self.bar = keras.utils.Progbar(
                total,
                unit_name="step",
                stateful_metrics=["d_loss", "g_loss"],
                interval=0.5,
                verbose=1 if self.interactive else 0,
            )
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        self.done += 1
        values = [(k, float(logs[k])) for k in ("d_loss", "g_loss") if logs and k in logs]
        self.bar.update(self.done, values=values)

    def on_epoch_end(self, epoch, logs=None):
        if self.interactive:
            return
        took = time.monotonic() - self.started
        left = took / (epoch + 1 - self.first) * (self.epochs - epoch - 1)
        losses = " ".join(f"{k} {float(logs[k]):.3f}" for k in ("d_loss", "g_loss") if logs and k in logs)
        print(
            f"epoch {epoch + 1}/{self.epochs}: {losses}; {_minutes(took)} so far, "
            f"about {_minutes(left)} left",
            flush=True,
        )


def _minutes(seconds: float) -> str:
    """``seconds`` as ``m:ss``."""
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


class SampleGrid(_ResumingCallback):
    """Generate images from one fixed noise batch after every epoch.

    The grids are kept in ``self.grids`` (epoch → float32 images) and, if ``out_dir``
    is given, written as ``epoch-NNN.png`` there and collected in ``grids.npz`` (uint8),
    which a resumed run extends. A grid depends only on that epoch's generator, so with
    ``weights_dir`` (where GeneratorCheckpoint keeps ``generator-epoch-NNN.weights.h5``)
    a resumed run regenerates grids that a damaged ``grids.npz`` lost.
    """

    def __init__(
        self,
        z: np.ndarray,
        out_dir: str | os.PathLike | None = None,
        weights_dir: str | os.PathLike | None = None,
        digits: np.ndarray | None = None,
    ):
        super().__init__()
        self.z = np.asarray(z, np.float32)
        self.digits = digits  # a conditional generator's digits, one per noise vector
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.weights_dir = Path(weights_dir) if weights_dir is not None else None
        self.grids: dict[int, np.ndarray] = {}

    def _save(self, epochs: list[int]) -> None:
        from ganlib.plotting import save_grid  # pyplot only when a run folder needs pictures

        self.out_dir.mkdir(parents=True, exist_ok=True)
        ncols = N_DIGITS if self.digits is not None else None  # a conditional grid: a column per digit
        for e in epochs:
            write_atomic(
                self.out_dir / f"epoch-{e:03d}.png",
                lambda tmp, e=e: save_grid(self.grids[e], tmp, title=f"epoch {e}", ncols=ncols),
            )
        packed = {f"epoch_{e:03d}": to_uint8(g) for e, g in sorted(self.grids.items())}
        write_atomic(self.out_dir / "grids.npz", lambda tmp: np.savez_compressed(tmp, **packed))

    def on_train_begin(self, logs=None):
        self.model.sample_grid = self  # see GAN.__init__

    def on_epoch_end(self, epoch, logs=None):
        self.grids[epoch + 1] = generate(self.model.generator, self.z, self.digits)
        if self.out_dir is not None:
            self._save([epoch + 1])

    def _regenerate(self, e: int, epoch: int) -> np.ndarray | None:
        """The grid of epoch ``e`` from its generator weights (None if they are not readable)."""
        gen = self.model.generator
        if e == epoch:
            return generate(gen, self.z, self.digits)
        path = self.weights_dir / f"generator-epoch-{e:03d}.weights.h5" if self.weights_dir else None
        if path is None or not path.is_file():
            return None
        kept = gen.get_weights()
        try:
            gen.load_weights(path)
            return generate(gen, self.z, self.digits)
        except Exception:  # a damaged weights file: that grid is lost
            return None
        finally:
            gen.set_weights(kept)

    def resume(self, epoch: int) -> None:
        """Keep the grids of epochs 1..epoch: drop later ones, regenerate lost ones."""
        super().resume(epoch)
        if self.out_dir is None:
            self.grids = {e: g for e, g in self.grids.items() if e <= epoch}
            return
        npz = self.out_dir / "grids.npz"
        changed = False
        if npz.is_file():
            try:
                loaded = load_grids(npz)
            except Exception as err:  # BadZipFile, EOFError, OSError, ...: whatever a cut file raises
                say(f"{npz} was unreadable ({short_error(err)}); rebuilding it.")
                loaded, changed = {}, True
            for e, g in loaded.items():
                self.grids.setdefault(e, g)
        beyond = sorted(e for e in self.grids if e > epoch)
        if beyond:
            self.grids = {e: g for e, g in self.grids.items() if e <= epoch}
            say(f"dropped epoch {_epochs(beyond)} from {npz}: {_checkpoint_end(epoch)}.")
            changed = True
        remade, lost = [], []
        for e in range(1, epoch + 1):
            if e not in self.grids:
                images = self._regenerate(e, epoch)
                if images is None:
                    lost.append(e)
                else:
                    self.grids[e], changed = images, True
                    remade.append(e)
        if remade:
            say(f"regenerated the grid of epoch {_epochs(remade)} in {npz} from the saved generator weights.")
        if lost:
            say(
                f"the grid of epoch {_epochs(lost)} is lost (no readable "
                f"generator-epoch-NNN.weights.h5 to regenerate it from)."
            )
        no_png = [e for e in sorted(self.grids) if not (self.out_dir / f"epoch-{e:03d}.png").is_file()]
        if no_png:
            say(f"redrew {self.out_dir}/epoch-NNN.png for epoch {_epochs(no_png)}.")
        if changed or no_png:
            self._save(no_png)


class GeneratorCheckpoint(_ResumingCallback):
    """Save the generator's weights after every epoch (latest, and one file per epoch); with
    ``GAN(ema=…)`` also the moving average's (``generator-ema*.weights.h5``)."""

    def __init__(self, out_dir: str | os.PathLike, keep_every_epoch: bool = True):
        super().__init__()
        self.out_dir = Path(out_dir)
        self.keep_every_epoch = keep_every_epoch

    def _targets(self, epoch: int) -> list[tuple[Path, keras.Model]]:
        """(file, network) pairs that hold the weights after ``epoch`` epochs."""
        nets = [("generator", self.model.generator)]
        if getattr(self.model, "ema_generator", None) is not None:
            nets.append(("generator-ema", self.model.ema_generator))
        targets = []
        for name, net in nets:
            if self.keep_every_epoch:
                targets.append((self.out_dir / f"{name}-epoch-{epoch:03d}.weights.h5", net))
            targets.append((self.out_dir / f"{name}.weights.h5", net))
        return targets

    def _info(self, epoch: int) -> dict:
        gen = self.model.generator
        info = {"noise_dim": noise_dim_of(gen), "batch_norm": has_batch_norm(gen), "epoch": epoch}
        return {**info, "conditional": True} if is_conditional(gen) else info

    def _save_info(self, epoch: int) -> None:
        text = json.dumps(self._info(epoch), indent=2) + "\n"
        write_atomic(self.out_dir / "generator.json", lambda tmp: tmp.write_text(text))

    def on_epoch_end(self, epoch, logs=None):
        self.out_dir.mkdir(parents=True, exist_ok=True)
        written = {}  # network → the file that already holds its weights: the others are copies
        for path, net in self._targets(epoch + 1):
            if id(net) in written:
                copy_atomic(written[id(net)], path)
            else:
                _save_weights(path, net)
                written[id(net)] = path
        self._save_info(epoch + 1)

    def resume(self, epoch: int) -> None:
        """Rewrite from the restored model whichever file of epoch ``epoch`` is missing,
        unreadable or holds other weights (e.g. a later epoch's, cut off before its checkpoint)."""
        super().resume(epoch)
        if epoch == 0:
            return
        for path, net in self._targets(epoch):
            problem = _weights_problem(path, net)
            if problem:
                _save_weights(path, net)
                say(f"rewrote {path} from the checkpoint of epoch {epoch} (it was {problem}).")
        info = self.out_dir / "generator.json"
        try:
            same = json.loads(info.read_text()) == self._info(epoch)
        except (OSError, ValueError):
            same = False
        if not same:
            self._save_info(epoch)
            say(f"rewrote {info} for epoch {epoch}.")


class HistoryCSV(_ResumingCallback):
    """The per-epoch losses in ``history.csv`` (columns epoch, d_loss, g_loss; epoch counted
    from 0 as in Keras' CSVLogger). The rows are kept in memory and the file is rewritten
    whole after every epoch, so a kill never leaves half a line, and a resumed run keeps
    exactly the epochs its checkpoint holds."""

    def __init__(self, path: str | os.PathLike):
        super().__init__()
        self.path = Path(path)
        self.rows: list[dict[str, float]] = []

    def on_epoch_end(self, epoch, logs=None):
        row = {"epoch": epoch, **{k: float(v) for k, v in (logs or {}).items()}}
        self.rows = [r for r in self.rows if r["epoch"] < epoch] + [row]
        save_history(self.path, self.rows)

    def resume(self, epoch: int) -> None:
        """Load the rows of epochs 1..epoch; drop later ones; say which are missing."""
        super().resume(epoch)
        rows, changed = [], False
        if self.path.is_file():
            try:
                table = load_history(self.path)
                rows = [dict(zip(table, values)) for values in zip(*table.values())]
                rows = [{**r, "epoch": int(r["epoch"])} for r in rows]
            except Exception as err:  # a damaged file
                say(f"{self.path} was unreadable ({short_error(err)}); starting it again.")
                rows, changed = [], True
        by_epoch = {r["epoch"]: r for r in rows}  # a repeated epoch: the last row counts
        changed |= len(by_epoch) < len(rows)
        beyond = sorted(e + 1 for e in by_epoch if e >= epoch)
        if beyond:
            say(f"dropped epoch {_epochs(beyond)} from {self.path}: {_checkpoint_end(epoch)}.")
            changed = True
        self.rows = [by_epoch[e] for e in sorted(by_epoch) if e < epoch]
        missing = [e + 1 for e in range(epoch) if e not in by_epoch]
        if missing:
            say(f"{self.path} lacks epoch {_epochs(missing)}; those losses are lost.")
        if changed:
            save_history(self.path, self.rows)


class RunBackup(keras.callbacks.Callback):
    """The run's checkpoint after every epoch — the model's weights (both networks, both
    optimizers, the moving average, the random-number states) and a record of the epochs done —
    kept twice, so that a kill at any instant leaves a whole one.

    The files are those of Keras' ``BackupAndRestore(double_checkpoint=True)``
    (``latest.weights.h5``, ``training_metadata.json`` and their ``.bkp`` copies, the checkpoint
    before), so run folders from either resume with the other; but each file is replaced whole,
    and the record of the latest checkpoint is removed while its weights are being replaced: a
    latest checkpoint without a readable record, or whose weights do not load, is passed over for
    the one before. ``restore`` returns the epoch to start from; ``train`` passes it to ``fit``
    as ``initial_epoch`` (public Keras only: nothing here reaches into Keras' own callback).
    """

    WEIGHTS = "latest.weights.h5"
    RECORD = "training_metadata.json"

    def __init__(self, backup_dir: str | os.PathLike):
        super().__init__()
        self.backup_dir = Path(backup_dir)
        self.latest = (self.backup_dir / self.WEIGHTS, self.backup_dir / self.RECORD)
        self.previous = tuple(path.with_name(path.name + ".bkp") for path in self.latest)
        self.epoch: int | None = None  # the epoch restored, once restored
        self._latest_whole = False

    def on_train_begin(self, logs=None):
        if self.epoch is None:
            self.restore()

    def _try(self, weights: Path, record: Path) -> tuple[int | None, str]:
        """Load weights + record into the model: (epoch, "") or (None, what is wrong)."""
        epoch = read_epoch_record(record)
        if epoch is None:
            return None, f"{record.name} {'unreadable' if record.exists() else 'missing'}"
        if not weights.is_file():
            return None, f"{weights.name} missing"
        try:
            if weights.name.endswith(".weights.h5"):
                self.model.load_weights(weights)
            else:  # Keras loads only files named *.weights.h5
                tmp = self.backup_dir / f"{TMP_PREFIX}{os.getpid()}-previous.weights.h5"
                try:
                    shutil.copyfile(weights, tmp)
                    self.model.load_weights(tmp)
                finally:
                    tmp.unlink(missing_ok=True)
        except Exception as err:  # whatever a damaged file raises
            return None, f"{weights.name} unreadable: {short_error(err)}"
        return epoch, ""

    def restore(self, model: keras.Model | None = None) -> int:
        """Load the newest whole checkpoint into the model; returns its epoch (0 if none)."""
        if model is not None:
            self.set_model(model)
        opt = self.model.optimizer
        if opt is not None and not opt.built:
            opt.build(self.model.trainable_variables)
        epoch, problem = self._try(*self.latest)
        if epoch is not None:
            self._latest_whole = True
        elif not self.latest[1].exists() and not self.previous[1].exists():
            epoch = 0  # no epoch was ever recorded: start from scratch
        else:
            epoch, problem_before = self._try(*self.previous)
            if epoch is None:
                raise ValueError(
                    f"No usable checkpoint is left in {self.backup_dir} (latest: {problem}; "
                    f"the one before: {problem_before}); start over in a new folder."
                )
            # The one before becomes the latest again (record last: whole at every instant).
            self.latest[1].unlink(missing_ok=True)
            copy_atomic(self.previous[0], self.latest[0])
            copy_atomic(self.previous[1], self.latest[1])
            self._latest_whole = True
            say(
                f"the latest checkpoint in {self.backup_dir} is not whole ({problem}); "
                f"continuing from the one before it, after epoch {epoch}."
            )
        self.epoch = epoch
        return epoch

    def on_epoch_end(self, epoch, logs=None):
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        (weights, record), (weights_before, record_before) = self.latest, self.previous
        if self._latest_whole:  # keep it as the one before
            copy_atomic(weights, weights_before)
            copy_atomic(record, record_before)
        record.unlink(missing_ok=True)  # from here until the new record, the one before counts
        self._latest_whole = False
        _save_weights(weights, self.model)
        text = json.dumps({"epoch": epoch + 1, "batch": 0})
        write_atomic(record, lambda tmp: tmp.write_text(text))
        self._latest_whole = True


def run_callbacks(
    run_dir: str | os.PathLike, z_fixed: np.ndarray, digits: np.ndarray | None = None
) -> list[keras.callbacks.Callback]:
    """The callbacks a checkpointed run uses: generator weights, grids, history, then the
    checkpoint. Keras calls them in this order, so an epoch is recorded as done only after
    its files are written."""
    run_dir = Path(run_dir)
    return [
        GeneratorCheckpoint(run_dir),
        SampleGrid(z_fixed, out_dir=run_dir / "grids", weights_dir=run_dir, digits=digits),
        HistoryCSV(run_dir / "history.csv"),
        RunBackup(run_dir / BACKUP_NAME),
    ]


# The settings of a run that run.json may lack (folders written before they existed), with the
# values such runs had.
RUN_DEFAULTS = {
    "batch_norm": False,
    "ema": None,
    "d_learning_rate": POST_LEARNING_RATE,
    "g_learning_rate": POST_LEARNING_RATE,
    "conditional": False,
    "augment": None,
}


def load_settings(run_dir: str | os.PathLike) -> dict:
    """A run folder's settings: its ``run.json``, with ``RUN_DEFAULTS`` for those it predates."""
    return {**RUN_DEFAULTS, **json.loads((Path(run_dir) / "run.json").read_text())}


def build_gan(config: dict) -> GAN:
    """The compiled, built ``GAN`` (or ``ConditionalGAN``) a run with these settings trains: the
    keys of a run folder's ``run.json`` (those it lacks take ``RUN_DEFAULTS``). Sets Keras' global
    random seed to ``config["seed"]``, as training does, so the same settings give the same start."""
    config = {**RUN_DEFAULTS, **config}
    conditional = bool(config["conditional"])
    noise_dim, seed = config["noise_dim"], config["seed"]
    keras.utils.set_random_seed(seed)
    gan_class = ConditionalGAN if conditional else GAN
    gen_builder = build_conditional_generator if conditional else build_generator
    disc_builder = build_conditional_discriminator if conditional else build_discriminator
    gan = gan_class(
        gen_builder(noise_dim, batch_norm=config["batch_norm"]),
        disc_builder(),
        smoothing=config["smoothing"],
        seed=seed,
        ema=config["ema"],
        augment=config["augment"],
    )
    gan.compile(
        d_optimizer=post_adam(config["d_learning_rate"]),
        g_optimizer=post_adam(config["g_learning_rate"]),
    )
    z = noise(1, noise_dim)
    gan([z, every_digit(1)] if conditional else z)  # build, so a checkpoint can be restored into it
    return gan


def train(
    epochs: int,
    batch_size: int = 128,
    noise_dim: int = 200,
    data: str | np.ndarray | tuple[np.ndarray, np.ndarray] | None = None,
    n_images: int | None = None,
    run_dir: str | os.PathLike | None = None,
    resume: bool = False,
    seed: int = 0,
    smoothing: float = 0.9,
    n_grid: int | None = None,
    verbose: str | int = "auto",
    batch_norm: bool = False,
    ema: float | None = None,
    d_learning_rate: float = POST_LEARNING_RATE,
    g_learning_rate: float = POST_LEARNING_RATE,
    conditional: bool = False,
    augment: str | tuple[str, ...] | None = None,
    progress: bool = False,
) -> GAN:
    """Build the post's DCGAN and train it for ``epochs`` epochs; returns the trained GAN.

    The defaults are the post's recipe. Chapter 08's improvements: ``batch_norm=True``
    (BatchNorm in the generator), ``ema=0.999`` (a moving average of the generator) and
    separate learning rates (e.g. ``d_learning_rate=4e-4, g_learning_rate=1e-4``, the
    two time-scale rule of Heusel et al. 2017), ``augment="translation,cutout"`` (differentiable
    augmentation, Zhao et al. 2020: ``ganlib.augment``). ``conditional=True`` trains chapter 09's
    conditional GAN on the digits and their labels (its grids ask for 0, 1, …, 9, 0, …).

    ``data``, what to train on, in one of three forms: the name of an MNIST source
    (``"bundled"``, ``"keras"``, ``"auto"``; ``None`` reads ``GANLIB_DATA``, see
    ``data.load_mnist``), an array of images (uint8 digits, or floats already in [-1, 1]),
    or an ``(images, digits)`` pair (what a conditional run needs when it is not MNIST).
    ``n_images`` keeps the first ``n_images`` of them.

    With ``run_dir`` every epoch is checkpointed there (Keras' BackupAndRestore, two
    checkpoints), with the loss history (``history.csv``), the generator's weights and a
    fixed-noise grid; ``resume=True`` continues such a run up to
    ``epochs``. The Keras ``History`` is at ``gan.history`` and the grids at
    ``gan.sample_grid.grids``. ``progress=True`` replaces Keras' per-epoch bars with one bar for
    the whole run that shows the time left (:class:`Progress`).

    ``QUICK`` holds a recipe for a generator of your own in about 10 minutes on a laptop CPU:
    ``train(**QUICK, run_dir="runs/quick")``.

    A run folder survives a kill at any instant: every file is replaced whole, and
    ``resume=True`` continues from the last complete epoch, repairing (and saying so) the
    files that epoch left damaged. One process at a time trains in a folder (``.lock``); a
    folder that holds other files but no ``run.json`` is refused, not overwritten.
    """
    epochs = positive_int("epochs", epochs)
    batch_size = check_batch_size(batch_size)
    noise_dim = check_noise_dim(noise_dim)
    smoothing = check_smoothing(smoothing)
    ema = check_ema(ema)
    augment = ",".join(check_policy(augment)) or None
    seed = random_seed("seed", seed, maximum=2**32 - 1, none_ok=False)
    n_grid = positive_int("n_grid", n_grid if n_grid is not None else (20 if conditional else 16))
    post_adam(d_learning_rate), post_adam(g_learning_rate)  # validate both
    d_learning_rate, g_learning_rate = float(d_learning_rate), float(g_learning_rate)
    for name, flag in (("batch_norm", batch_norm), ("conditional", conditional)):
        if not isinstance(flag, bool):
            raise ValueError(f"{name} must be True or False, got {flag!r}.")
    images, labels = _training_data(data, conditional)
    if n_images is not None:
        images = images[: positive_int("n_images", n_images)]
        labels = None if labels is None else labels[: len(images)]
    digits = labels if conditional else None
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
    if augment:  # (a key run folders without augmentation never had)
        config["augment"] = augment
    if conditional:  # (a key unconditional run folders never had)
        config["conditional"] = True
    grid = every_digit(n_grid) if conditional else None

    def fit(gan: GAN, callbacks: list, start: int) -> GAN:
        dataset = make_dataset(images, batch_size, seed=seed, start_epoch=start, digits=digits)
        gan.fit(
            dataset,
            epochs=epochs,
            initial_epoch=start,
            steps_per_epoch=steps,
            callbacks=[Progress(epochs, steps), *callbacks] if progress else callbacks,
            verbose=0 if progress else verbose,
            shuffle=False,
        )
        return gan

    if run_dir is None:
        gan = build_gan(config)
        return fit(gan, [SampleGrid(noise(n_grid, noise_dim, seed=seed), digits=grid)], 0)

    run_dir = Path(run_dir)
    check_run_dir(run_dir)
    with RunLock(run_dir):
        remove_leftovers(run_dir)
        recorded = completed_epochs(run_dir)
        if (recorded or has_checkpoint(run_dir)) and not resume:
            trained = (
                f"trained for {recorded} epochs" if recorded else "(its checkpoint record is unreadable)"
            )
            raise ValueError(
                f"{run_dir} already holds a run {trained}. Pass resume=True "
                "(--resume on the command line) to continue it, or choose a new output folder."
            )
        if recorded or has_checkpoint(run_dir):
            _check_same_settings(run_dir, config)
        gan = build_gan(config)
        z_fixed = noise(n_grid, noise_dim, seed=seed)
        callbacks = run_callbacks(run_dir, z_fixed, grid)
        start = callbacks[-1].restore(gan)
        saved = json.dumps(config, indent=2) + "\n"
        write_atomic(run_dir / "run.json", lambda tmp: tmp.write_text(saved))
        for callback in callbacks[:-1]:
            callback.set_model(gan)
            callback.resume(start)
        return fit(gan, callbacks, start)


def _training_data(data, conditional: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """``train``'s ``data`` as (images, digits or None)."""
    if data is None or isinstance(data, str):
        return load_mnist(data)
    if isinstance(data, tuple):
        if len(data) != 2:
            raise ValueError(f"data as a tuple is (images, digits); got {len(data)} items.")
        images, labels = data
    else:
        images, labels = data, None
        if conditional:
            raise ValueError(
                "conditional=True needs each image's digit: pass data=(images, digits), or the name of "
                "an MNIST source such as data='bundled'."
            )
    images = np.asarray(images)
    if images.dtype != np.uint8:  # uint8 digits are scaled by make_dataset
        check_training_images(images)
    return images, None if labels is None else check_digits(labels, len(images))


def _check_same_settings(run_dir: Path, config: dict) -> None:
    """Refuse to resume the run in run_dir with settings other than its run.json's."""
    try:
        was = load_settings(run_dir)
    except (OSError, ValueError) as err:
        say(f"{run_dir / 'run.json'} was unreadable ({short_error(err)}); rewriting it unchecked.")
        return
    now = {**RUN_DEFAULTS, **config}
    changed = {k: (was.get(k), now.get(k)) for k in {**was, **now} if was.get(k) != now.get(k)}
    if changed:
        detail = ", ".join(f"{k}: {a} → {b}" for k, (a, b) in changed.items())
        raise ValueError(
            f"Cannot resume {run_dir} with different settings ({detail}); "
            "use the original settings or a new output folder."
        )
