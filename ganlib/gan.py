"""The GAN as a Keras 3 model: the post's alternating training loop as ``Model.train_step``.

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

import keras
import tensorflow as tf
from keras import ops

from ganlib.augment import augment as augment_images
from ganlib.augment import check_policy
from ganlib.config import IMAGE_SHAPE
from ganlib.data import check_training_images
from ganlib.labels import check_smoothing, discriminator_targets, generator_targets
from ganlib.models import image_shape_of, is_conditional, noise_dim_of
from ganlib.replicas import LossMean, ReplicaSeedGenerator, make_replica_aware
from ganlib.validate import in_range

POST_LEARNING_RATE = 2e-4


def check_learning_rate(rate: float, name: str = "learning rate") -> float:
    """``rate`` as a float if it is a learning rate in (0, 1), else a ValueError naming ``name``."""
    return in_range(name, rate, 0, 1, low_open=True, high_open=True, hint=" (the post uses 2e-4)")


def post_adam(learning_rate: float = POST_LEARNING_RATE) -> keras.optimizers.Optimizer:
    """The post's optimizer: Adam, learning rate 2e-4, beta_1 0.5 (another rate if given)."""
    return keras.optimizers.Adam(learning_rate=check_learning_rate(learning_rate), beta_1=0.5)


def check_ema(ema: float | None, name: str = "ema", none_ok: bool = True) -> float | None:
    """None (no moving average; if ``none_ok``) or a decay in [0.9, 1), e.g. 0.999."""
    what = "a decay in [0.9, 1) such as 0.999"
    return in_range(name, ema, 0.9, 1, high_open=True, none_ok=none_ok, what=what)


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

    ``shared_fakes=True`` makes one step cheaper (the quick recipe's): one batch of fakes,
    judged once beside the real images, serves both phases, each phase still taking gradients
    for its own network only (TensorFlow's DCGAN tutorial: two tapes over the same forward
    pass). The post's step draws new noise for the generator's phase and judges the fakes
    again with the discriminator just updated.

    Built under a ``tf.distribute`` strategy (``train(devices=N)``), ``fit`` trains on several
    devices: each replica draws its own noise, dropout masks and augmentation, BatchNorm's
    statistics are the global batch's, the losses reported are the global batch's
    (``ganlib.replicas``). With one device the numbers are what they always were.
    """

    def __init__(
        self,
        generator: keras.Model,
        discriminator: keras.Model,
        smoothing: float = 0.9,
        seed: int | None = 0,
        ema: float | None = None,
        augment: str | tuple[str, ...] | None = None,
        shared_fakes: bool = False,
        **kwargs,
    ):
        super().__init__(**kwargs)
        if not isinstance(shared_fakes, bool) or (shared_fakes and self.conditional):
            raise ValueError("shared_fakes is True or False, and only for the unconditional GAN.")
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
        self.noise_seed = ReplicaSeedGenerator(seed)  # each replica its own noise (ganlib.replicas)
        self.bce = keras.losses.BinaryCrossentropy()
        self.ema = check_ema(ema)
        self.augment = check_policy(augment)
        self.shared_fakes = shared_fakes
        if self.augment:  # its own random stream, saved with the others
            self.augment_seed = ReplicaSeedGenerator(None if seed is None else seed + 7919)
        if self.ema is not None:
            self.ema_generator = keras.models.clone_model(generator)
            self.ema_generator.set_weights(generator.get_weights())
            self.ema_generator.trainable = False
        for network in (generator, discriminator):  # dropout masks per replica, BatchNorm synchronised
            make_replica_aware(network)
        self.d_loss_tracker = LossMean(name="d_loss")  # the global batch's loss under a strategy
        self.g_loss_tracker = LossMean(name="g_loss")
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
            "shared_fakes": self.shared_fakes,
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
        if image_shape_of(self.discriminator) == IMAGE_SHAPE:
            if isinstance(x, tf.data.Dataset):
                spec = x.element_spec[0] if isinstance(x.element_spec, tuple) else x.element_spec
                if not spec.dtype.is_floating or tuple(spec.shape[1:]) != IMAGE_SHAPE:
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

    def shared_step(self, real):
        """Both updates from one forward pass (``shared_fakes=True``): the discriminator judges
        ``concat([real, fake])`` once; its loss (targets as in ``discriminator_step``) updates the
        discriminator, the fakes' half judged against ones updates the generator. Each tape's
        gradient is taken for one network only. Returns (d_loss, g_loss)."""
        batch = ops.shape(real)[0]
        z = self._noise(batch)
        with tf.GradientTape() as d_tape, tf.GradientTape() as g_tape:
            fake = self.generator(z, training=True)
            judged = self.discriminator(self._augment(ops.concatenate([real, fake], axis=0)), training=True)
            d_loss = self.bce(discriminator_targets(batch, self.smoothing), judged)
            g_loss = self.bce(generator_targets(batch), judged[batch:])
        d_weights, g_weights = self.discriminator.trainable_variables, self.generator.trainable_variables
        d_grads, g_grads = d_tape.gradient(d_loss, d_weights), g_tape.gradient(g_loss, g_weights)
        self.d_optimizer.apply_gradients(zip(d_grads, d_weights))
        self.g_optimizer.apply_gradients(zip(g_grads, g_weights))
        return d_loss, g_loss

    def update_ema(self):
        """Move every variable of ``ema_generator`` a step (1 − ema) towards the generator's."""
        for average, current in zip(self.ema_generator.variables, self.generator.variables):
            average.assign(self.ema * average + (1.0 - self.ema) * current)

    def train_step(self, data):
        real = data[0] if isinstance(data, (tuple, list)) else data
        if self.shared_fakes:
            d_loss, g_loss = self.shared_step(real)
        else:
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
