"""Checkers for chapter 10, the capstone: a GAN from scratch, without ganlib's models or training.

The student writes the TensorFlow tutorial's DCGAN generator (transposed convolutions and batch
normalization), a discriminator, a training step, a training loop and the Fréchet distance, then
trains the whole thing and measures it. Every check judges behaviour: what the networks do with
fixed inputs, which weights each optimizer is given and with which gradients, what the loop calls
and returns, the distance on fixed features against ``ganlib.metrics.frechet_distance``, and the
score of the student's own digits.
"""

from __future__ import annotations

import numpy as np

from ganlib import config, fmt
from ganlib.exercises._core import (
    N_,
    NO_MODEL,
    NOT_A_MODEL,
    TWO_LOSSES,
    WRONG_LOSSES,
    Mistake,
    built_model,
    call,
    check_own_weights,
    checker,
    compare,
    crash_text,
    fail,
    ok,
    optimizer_owners,
    recording_optimizer,
    register,
    run_step,
    same,
    step_losses,
)

__all__ = [
    "check_dcgan_generator",
    "check_dcgan_discriminator",
    "check_gan_step",
    "check_training_loop",
    "check_frechet_distance",
    "check_own_gan",
]


# ---------------------------------------------------------------------------------------------
# The reference networks (the TensorFlow DCGAN tutorial's, with a tanh on the last layer)
# ---------------------------------------------------------------------------------------------


def reference_generator(noise_dim):
    """The TensorFlow DCGAN tutorial's generator: 7×7×256 → 7×7×128 → 14×14×64 → 28×28×1."""
    import keras
    from keras import layers

    def up(filters, strides, last=False):
        conv = layers.Conv2DTranspose(
            filters, 5, strides=strides, padding="same", use_bias=False, activation="tanh" if last else None
        )
        return [conv] if last else [conv, layers.BatchNormalization(), layers.LeakyReLU()]

    return keras.Sequential(
        [
            keras.Input((noise_dim,)),
            layers.Dense(7 * 7 * 256, use_bias=False),
            layers.BatchNormalization(),
            layers.LeakyReLU(),
            layers.Reshape((7, 7, 256)),
            *up(128, 1),
            *up(64, 2),
            *up(1, 2, last=True),
        ]
    )


def reference_discriminator(filters=(64, 128), flatten=True, sigmoid=False):
    """The tutorial's discriminator: two strided convolutions, one logit per image (the mistake table
    changes the filters, leaves out Flatten, or adds a sigmoid)."""
    import keras
    from keras import layers

    body = [keras.Input((28, 28, 1))]
    for n in filters:
        body += [layers.Conv2D(n, 5, strides=2, padding="same"), layers.LeakyReLU(), layers.Dropout(0.3)]
    body += [layers.Flatten()] if flatten else []
    return keras.Sequential([*body, layers.Dense(1, activation="sigmoid" if sigmoid else None)])


def _without(noise_dim, drop=(), strides=(1, 2, 2), activation="tanh", upsampling=False):
    """The reference generator with one known mistake (for the mistake table); with ``upsampling`` the
    post's generator (UpSampling2D, then an ordinary convolution)."""
    import keras
    from keras import layers

    from ganlib.models import build_generator

    if upsampling:
        return build_generator(noise_dim)
    out = []
    for filters, stride in zip((128, 64, 1), strides):
        last = filters == 1
        out.append(layers.Conv2DTranspose(filters, 5, strides=stride, padding="same", use_bias=False))
        if last and activation:
            out.append(layers.Activation(activation))
        if not last:
            out += [] if "bn" in drop else [layers.BatchNormalization()]
            out.append(layers.LeakyReLU())
    bn = [] if "bn" in drop else [layers.BatchNormalization()]
    return keras.Sequential(
        [keras.Input((noise_dim,)), layers.Dense(7 * 7 * 256, use_bias=False), *bn, layers.LeakyReLU()]
        + [layers.Reshape((7, 7, 256)), *out]
    )


_G_SHAPE = N_(
    "Noise (n, {noise_dim}) must become images (n, 28, 28, 1); yours are {shape}. Check the strides: "
    '7 → 7 → 14 → 28 takes strides 1, 2, 2 with padding="same".'
)
_G_CHANNELS = N_(
    "The images need one channel (greyscale): the last Conv2DTranspose has 1 filter; yours give {shape}."
)
_G_RANGE = N_(
    "Your generator's pixels reach {low} … {high}, outside [-1, 1] where the training digits lie: give the "
    'last layer activation="tanh".'
)
_G_SIGMOID = N_(
    "Your generator's pixels stay in [0, 1] (a sigmoid?): the training digits lie in [-1, 1], so the last "
    'layer needs activation="tanh".'
)
_G_NO_TRANSPOSE = N_(
    "There is no Conv2DTranspose layer: this is the post's family (UpSampling2D, then Conv2D). This "
    "chapter's "
    "generator learns its upsampling: Conv2DTranspose with strides 2."
)
_G_NO_BN = N_(
    "There is no BatchNormalization layer: put one after the Dense layer and after each Conv2DTranspose but "
    "the last, before its LeakyReLU."
)
_G_NOISE_DIM = N_(
    "With noise_dim={noise_dim} the input must be (None, {noise_dim}), got {shape}: give keras.Input the "
    "noise_dim argument, not a fixed number."
)

_G_MISTAKES = [
    Mistake(lambda d: _without(d, activation=None), _G_RANGE),
    Mistake(lambda d: _without(d, activation="sigmoid"), _G_SIGMOID),
    Mistake(lambda d: _without(d, strides=(2, 2, 2)), _G_SHAPE),
    Mistake(lambda d: _without(d, strides=(1, 1, 2)), _G_SHAPE),
    Mistake(lambda d: _without(d, drop=("bn",)), _G_NO_BN),
    Mistake(lambda d: _without(d, upsampling=True), _G_NO_TRANSPOSE),
    Mistake(lambda d: _without(100), _G_NOISE_DIM),
    Mistake(lambda d: None, NO_MODEL),
    Mistake(lambda d: _without(d).layers, NOT_A_MODEL),
]


def _run(model, x, training=False) -> np.ndarray:
    try:
        return np.asarray(model(x, training=training))
    except Exception as err:  # noqa: BLE001 - the student's network: say what went wrong
        fail(
            "Your network raised an error on a batch of shape {shape}: {error}",
            shape=tuple(x.shape),
            error=crash_text(err),
        )


def _kinds(model) -> list[str]:
    return [type(layer).__name__ for layer in model.layers]


@register("check_dcgan_generator", reference_generator, _G_MISTAKES)
@checker
def check_dcgan_generator(build_generator) -> None:
    """``build_generator(noise_dim)``: noise (n, noise_dim) → images (n, 28, 28, 1) in [-1, 1], made with
    transposed convolutions and batch normalization; the parameter count is the student's to report."""
    for noise_dim in (100, 37):
        model = built_model(build_generator, noise_dim)
        if tuple(model.input_shape) != (None, noise_dim):
            fail(_G_NOISE_DIM, noise_dim=str(noise_dim), shape=model.input_shape)
        z = np.random.default_rng(0).standard_normal((8, noise_dim)).astype(np.float32)
        out = _run(model, z, training=True)
        if out.shape[:3] != (8, 28, 28):
            fail(_G_SHAPE, noise_dim=str(noise_dim), shape=out.shape)
        if out.shape != (8, 28, 28, 1):
            fail(_G_CHANNELS, shape=out.shape)
        # loud noise, the moving averages' view (training=False): without a squashing last layer
        # the pixels grow with the noise
        loud = _run(model, 50 * z)
        if not np.all(np.isfinite(loud)):
            fail("Your generator's output contains NaN or infinity.")
        if loud.min() < -1 - 1e-6 or loud.max() > 1 + 1e-6:
            fail(_G_RANGE, low=fmt.number(float(loud.min()), 2), high=fmt.number(float(loud.max()), 2))
        if loud.min() >= 0:
            fail(_G_SIGMOID)
        kinds = _kinds(model)
        if "Conv2DTranspose" not in kinds:
            fail(_G_NO_TRANSPOSE)
        if "BatchNormalization" not in kinds:
            fail(_G_NO_BN)
    ok(
        "Right: noise (n, 100) → images (n, 28, 28, 1) in [-1, 1], with {convs} transposed convolutions and "
        "{norms} batch normalizations. Your generator has {count} parameters (the TensorFlow tutorial's: "
        "{tutorial}).",
        convs=kinds.count("Conv2DTranspose"),
        norms=kinds.count("BatchNormalization"),
        count=built_model(build_generator, 100).count_params(),
        tutorial=reference_generator(100).count_params(),
    )


# ---------------------------------------------------------------------------------------------
# The discriminator
# ---------------------------------------------------------------------------------------------


_D_INPUT = N_("The discriminator must take images (None, 28, 28, 1), got {shape}.")
_D_SHAPE = N_(
    "A batch of 8 images must give 8 logits, shape (8, 1); yours gives {shape}. End with Flatten() and "
    "Dense(1)."
)
_D_DENSE = N_(
    "There is no Conv2D layer: the discriminator should be a convolutional network, as in DCGAN (Conv2D with "
    "strides 2 to halve the image, then Flatten and Dense(1))."
)
_D_SIGMOID = N_(
    "Your discriminator's outputs stay in (0, 1): a sigmoid. This chapter's step uses "
    "BinaryCrossentropy(from_logits=True), which wants the logit: end with Dense(1) and no activation."
)
_D_MISTAKES = [
    Mistake(lambda: reference_discriminator(sigmoid=True), _D_SIGMOID),
    Mistake(lambda: reference_discriminator(filters=()), _D_DENSE),
    Mistake(lambda: reference_discriminator(flatten=False), _D_SHAPE),
]


@register("check_dcgan_discriminator", reference_discriminator, _D_MISTAKES)
@checker
def check_dcgan_discriminator(build_discriminator) -> None:
    """``build_discriminator()``: images (n, 28, 28, 1) → one logit per image (n, 1), a conv net."""
    model = built_model(build_discriminator)
    if tuple(model.input_shape) != (None, 28, 28, 1):
        fail(_D_INPUT, shape=model.input_shape)
    x = np.random.default_rng(1).uniform(-1, 1, (8, 28, 28, 1)).astype(np.float32)
    out = _run(model, x)
    if out.shape != (8, 1):
        fail(_D_SHAPE, shape=out.shape)
    loud = _run(model, 50 * x)
    if np.all((loud > 0) & (loud < 1)) and np.all((out > 0) & (out < 1)):
        fail(_D_SIGMOID)
    kinds = [type(layer).__name__ for layer in _layers(model)]
    if "Conv2D" not in kinds:
        fail(_D_DENSE)
    ok(
        "Right: images (n, 28, 28, 1) → one logit per image (n, 1), with {convs} convolutions and {count} "
        "parameters (the tutorial's: {tutorial}).",
        convs=kinds.count("Conv2D"),
        count=model.count_params(),
        tutorial=reference_discriminator().count_params(),
    )


def _layers(model):
    """Every layer, nested models opened up."""
    import keras

    for layer in model.layers:
        yield from _layers(layer) if isinstance(layer, keras.Model) else [layer]


# ---------------------------------------------------------------------------------------------
# The training step
# ---------------------------------------------------------------------------------------------

_NOISE, _N = 4, 6


def _small_pair():
    """A small generator (with BatchNormalization, so training=True matters) and discriminator (no
    dropout, so a step is deterministic), always with the same starting weights."""
    import keras
    from keras import initializers as init
    from keras import layers

    generator = keras.Sequential(
        [
            keras.Input((_NOISE,)),
            layers.Dense(8, kernel_initializer=init.GlorotUniform(1)),
            layers.BatchNormalization(),
            layers.LeakyReLU(0.2),
            layers.Dense(16, "tanh", kernel_initializer=init.GlorotUniform(2)),
            layers.Reshape((4, 4, 1)),
        ]
    )
    discriminator = keras.Sequential(
        [
            keras.Input((4, 4, 1)),
            layers.Flatten(),
            layers.Dense(
                8, kernel_initializer=init.GlorotUniform(3), bias_initializer=init.RandomNormal(seed=4)
            ),
            layers.LeakyReLU(0.2),
            layers.Dense(1, kernel_initializer=init.GlorotUniform(5)),
        ]
    )
    return generator, discriminator


def _flat(arrays) -> np.ndarray:
    return np.concatenate([np.ravel(np.asarray(a, dtype=np.float64)) for a in arrays])


def _step_problem(seed=0):
    rng = np.random.default_rng(seed)
    real = np.tanh(rng.standard_normal((_N, 4, 4, 1)) + 0.5).astype(np.float32)
    noise = rng.standard_normal((_N, _NOISE)).astype(np.float32)
    return real, noise


def _gan_step(
    real_target=1.0, fake_target=0.0, target=1.0, sign=1.0, d_training=True, g_training=True, logits=True
):
    """The chapter's step (each phase in turn), with one thing changed: the discriminator's targets
    (real, fake), the generator's target (and the sign of its loss), the generator's training= in
    either phase, or the loss told probabilities instead of logits."""

    def train_step(generator, discriminator, d_optimizer, g_optimizer, real, noise):
        import keras
        import tensorflow as tf

        def bce(value, out):  # against targets of value
            loss = keras.losses.BinaryCrossentropy(from_logits=logits)
            return loss(keras.ops.full_like(out, value), out)

        d_w, g_w = discriminator.trainable_variables, generator.trainable_variables
        with tf.GradientTape() as tape:
            fake = generator(noise, training=d_training)
            real_out, fake_out = discriminator(real, training=True), discriminator(fake, training=True)
            d_loss = (bce(real_target, real_out) + bce(fake_target, fake_out)) / 2
        d_optimizer.apply_gradients(zip(tape.gradient(d_loss, d_w), d_w))
        with tf.GradientTape() as tape:
            judged = discriminator(generator(noise, training=g_training), training=True)
            g_loss = sign * bce(target, judged)
        g_optimizer.apply_gradients(zip(tape.gradient(g_loss, g_w), g_w))
        return d_loss, g_loss

    return train_step


class _Scripted:
    """An optimizer for replaying a step: it keeps the gradients it is given and, instead of applying
    them, sets ``model``'s weights to ``then`` (if given)."""

    def __init__(self, model=None, then=None):
        self.model, self.then, self.grads = model, then, None

    def apply_gradients(self, pairs):
        self.grads = _flat([g for g, _ in pairs])
        if self.then is not None:
            self.model.set_weights(self.then)


def _replay(train_step, real, noise, then):
    """The gradients ``train_step`` gives each optimizer on fresh networks, and the losses it returns;
    its generator phase sees the discriminator with the weights ``then``."""
    generator, discriminator = _small_pair()
    d_opt, g_opt = _Scripted(discriminator, then), _Scripted()
    out = train_step(generator, discriminator, d_opt, g_opt, real, noise)
    return {"d": d_opt.grads, "g": g_opt.grads}, [float(x) for x in out]


_SAME_LOGITS = N_(
    "The loss treats the discriminator's output as a probability, but it is a logit: use "
    "keras.losses.BinaryCrossentropy(from_logits=True)."
)
_STEP_MISTAKES = [
    Mistake(
        _gan_step(real_target=0.0, fake_target=1.0),
        N_("The discriminator's targets are swapped: real images → 1, fakes → 0."),
    ),
    Mistake(
        _gan_step(fake_target=1.0),
        N_("The fakes' target is 1 in the discriminator's phase: real images → 1, fakes → 0."),
    ),
    Mistake(
        _gan_step(d_training=False),
        N_(
            "The fakes for the discriminator were made with training=False (or no training= at all): call "
            "generator(noise, training=True), so that its BatchNormalization uses the batch's statistics."
        ),
    ),
    Mistake(_gan_step(logits=False), _SAME_LOGITS),
    Mistake(
        _gan_step(target=0.0),
        N_(
            "The generator is trained to make the discriminator say 0 (fake): its target is 1, the "
            "non-saturating loss −log D(G(z))."
        ),
    ),
    Mistake(
        _gan_step(target=0.0, sign=-1.0),
        N_(
            "That is the saturating loss, log(1 − D(G(z))) of the minimax game, whose gradient vanishes when "
            "the discriminator is sure: use cross-entropy against targets of 1 (non-saturating)."
        ),
    ),
    Mistake(
        _gan_step(g_training=False),
        N_(
            "The generator ran with training=False (or no training= at all) in its own phase: call "
            "generator(noise, training=True) inside the tape, so that its BatchNormalization learns from the "
            "batch."
        ),
    ),
]
_BOTH = {
    "d": N_(
        "d_optimizer was given both networks' weights: one tape and one loss for both networks lets the "
        "discriminator's update move the generator too. Take each network's gradients of its own loss and "
        "apply them with its own optimizer."
    ),
    "g": N_(
        "g_optimizer was given both networks' weights: one tape and one loss for both networks lets the "
        "generator's update move the discriminator too. Take each network's gradients of its own loss and "
        "apply them with its own optimizer."
    ),
}
_DETACHED = N_(
    "The generator's gradients are missing or zero: the fakes were made outside the tape (or cut off with "
    "stop_gradient), so nothing flows back from the discriminator. Make the fakes inside the generator's "
    "tape."
)


_D_DIFFERS = N_(
    "The discriminator's gradient is not that of its loss: binary cross-entropy with from_logits=True, real "
    "images → 1 and generator(noise, training=True) → 0, both through discriminator(..., training=True)."
)
_G_DIFFERS = N_(
    "The generator's gradient is not that of its loss: binary cross-entropy with from_logits=True against "
    "targets of 1, on discriminator(generator(noise, training=True), training=True), the mean over the n "
    "fakes."
)


def _tolerance(got, want):
    return same(got, want, rtol=1e-4, atol=1e-6)


def _scaled(got, want) -> bool:
    """got = 2 · want: the two halves' means added (the tutorial's discriminator loss) — also right."""
    return _tolerance(got, 2 * want)


@register("check_gan_step", _gan_step(), _STEP_MISTAKES)
@checker
def check_gan_step(train_step) -> None:
    """``train_step(generator, discriminator, d_optimizer, g_optimizer, real, noise)`` on a small fixed
    problem: each optimizer is given only its own network's weights, the gradients are those of the
    right targets (real → 1, fake → 0; the generator's 1, through the discriminator before or after its
    update), both networks ran with training=True, the losses returned are finite and fall."""
    import keras

    real, noise = _step_problem()
    generator, discriminator = _small_pair()
    log: list = []
    d_opt, g_opt = (recording_optimizer(keras.optimizers.SGD, log, who, learning_rate=0.05) for who in "dg")

    def run(*args):
        return run_step(train_step, args, log, generator, discriminator, detached=_DETACHED)

    if not callable(train_step):
        fail("Expected a function, got {kind}.", kind=type(train_step).__name__)
    out = run(generator, discriminator, d_opt, g_opt, real, noise)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        fail(TWO_LOSSES)

    calls = optimizer_owners(log, generator, discriminator)
    check_own_weights(calls, _BOTH)
    if sorted(who for who, _ in calls) != ["d", "g"]:
        fail(
            "Each network is updated once per step, with its own optimizer: d_optimizer.apply_gradients(...) "
            "once and g_optimizer.apply_gradients(...) once (yours: {order}).",
            order=", ".join(who for who, _ in calls) or "—",
        )
    grads = {who: g for who, g, _ in log}
    if any(g is None for g in grads["g"]) or not np.any(_flat(grads["g"])):
        fail(_DETACHED)
    if any(g is None for g in grads["d"]):
        fail(
            "Some of the discriminator's gradients are None: compute its loss inside the GradientTape block, "
            "by calling the discriminator there."
        )

    # each phase's gradients against those of the chapter's step and of its known mistakes, replayed on
    # fresh networks; the discriminator's as the mean over 2n or as the two halves' means added, the
    # generator's through the discriminator before its update (one forward pass, two tapes, as in the
    # tutorial) or after it (chapter 05's order)
    thens = (None, discriminator.get_weights())

    def replays(step):
        return [_replay(step, real, noise, then) for then in thens]

    right = replays(_gan_step())
    for who, says in (("d", _D_DIFFERS), ("g", _G_DIFFERS)):
        got = _flat(grads[who])
        if not any(_tolerance(got, r[0][who]) or (who == "d" and _scaled(got, r[0][who])) for r in right):
            for mistake in _STEP_MISTAKES:
                wrong = replays(mistake.answer)
                if any(_tolerance(got, w[0][who]) or (who == "d" and _scaled(got, w[0][who])) for w in wrong):
                    fail(mistake.message)
            fail(says)

    # the losses it returned are the ones it took gradients of
    losses = step_losses(out)
    right_d = any(same(losses[0], k * right[0][1][0], rtol=1e-4) for k in (1, 2))
    if not (right_d and any(same(losses[1], r[1][1], rtol=1e-4) for r in right)):
        fail(WRONG_LOSSES)

    # an easy problem (one fixed batch of real images), 40 steps: the losses stay finite and the
    # discriminator's falls at first, while it learns to tell
    generator, discriminator = _small_pair()
    d_opt, g_opt = (keras.optimizers.Adam(0.01) for _ in "dg")
    trace = []
    for step in range(40):
        z = np.random.default_rng(100 + step).standard_normal((_N, _NOISE)).astype(np.float32)
        trace.append(step_losses(run(generator, discriminator, d_opt, g_opt, real, z)))
    trace = np.array(trace)
    if not np.all(np.isfinite(trace)):
        fail("On 40 steps of a small problem your losses became NaN or infinite.")
    ok(
        "Right: each optimizer moved only its own network, with the gradients of the right targets (real → "
        "1, "
        "fake → 0; the generator's 1), both networks in training mode; over 40 steps of a small problem the "
        "losses stayed finite (d_loss from {first} to {last}).",
        first=fmt.number(trace[0, 0], 3),
        last=fmt.number(trace[-1, 0], 3),
    )


# ---------------------------------------------------------------------------------------------
# The training loop
# ---------------------------------------------------------------------------------------------


def reference_train(step, generator, discriminator, dataset, epochs, noise_dim):
    """The loop: two Adams made once, fresh noise for every batch, per-epoch mean losses."""
    import keras
    import tensorflow as tf

    d_optimizer = keras.optimizers.Adam(2e-4, beta_1=0.5)
    g_optimizer = keras.optimizers.Adam(2e-4, beta_1=0.5)
    history = {"d_loss": [], "g_loss": []}
    for _ in range(epochs):
        losses = []
        for real in dataset:
            noise = tf.random.normal((len(real), noise_dim))
            losses.append(
                [float(x) for x in step(generator, discriminator, d_optimizer, g_optimizer, real, noise)]
            )
        d_loss, g_loss = np.mean(losses, axis=0)
        history["d_loss"].append(float(d_loss))
        history["g_loss"].append(float(g_loss))
    return history


def _loop_mistake(kind):
    """reference_train with one known mistake."""
    import keras
    import tensorflow as tf

    def train(step, generator, discriminator, dataset, epochs, noise_dim):
        make = lambda: keras.optimizers.Adam(2e-4, beta_1=0.5)  # noqa: E731
        d_optimizer, g_optimizer = make(), make()
        if kind == "one optimizer":
            g_optimizer = d_optimizer
        history = {"d_loss": [], "g_loss": []}
        everything = []
        for _ in range(1 if kind == "one epoch" else epochs):
            losses = []
            for real in dataset:
                if kind == "new optimizers":
                    d_optimizer, g_optimizer = make(), make()
                noise = tf.random.normal((len(real), noise_dim))
                if kind == "fixed noise":
                    noise = np.random.default_rng(0).standard_normal((len(real), noise_dim))
                if kind == "batch size":
                    noise = tf.random.normal((4, noise_dim))
                out = [
                    float(x) for x in step(generator, discriminator, d_optimizer, g_optimizer, real, noise)
                ]
                losses.append(out)
                everything.append(out)
            kept = {"last": losses[-1:], "running": everything}.get(kind, losses)
            d_loss, g_loss = np.mean(kept, axis=0)
            history["d_loss"].append(float(d_loss))
            history["g_loss"].append(float(g_loss))
        return history

    return train


_LOOP_MISTAKES = [
    Mistake(
        _loop_mistake("one epoch"),
        N_(
            "Your loop ran {got} steps; {epochs} epochs of {batches} batches are {want}: one pass over the "
            "dataset per epoch."
        ),
    ),
    Mistake(
        _loop_mistake("new optimizers"),
        N_(
            "Your loop makes new optimizers during training: make the two optimizers once, before the loop, "
            "or Adam forgets its running averages every step."
        ),
    ),
    Mistake(
        _loop_mistake("one optimizer"),
        N_(
            "The same optimizer was passed for both networks: make one for each (a Keras 3 optimizer works "
            "only with the variables it was built for)."
        ),
    ),
    Mistake(
        _loop_mistake("batch size"),
        N_(
            "The noise for a batch of {n} real images has shape {shape}: draw (len(real), noise_dim) noise, "
            "since the last batch can be smaller."
        ),
    ),
    Mistake(
        _loop_mistake("last"),
        N_(
            "The history holds each epoch's last loss; it should hold the epoch's mean loss, over all its "
            "steps."
        ),
    ),
    Mistake(
        _loop_mistake("running"),
        N_(
            "The history holds the mean over every step so far; it should hold each epoch's own mean (start "
            "an empty list every epoch)."
        ),
    ),
]
_FIXED_NOISE = N_("Every step got the same noise: draw fresh noise for every batch, inside the loop.")


@register("check_training_loop", reference_train, _LOOP_MISTAKES)
@checker
def check_training_loop(train) -> None:
    """``train(step, generator, discriminator, dataset, epochs, noise_dim)`` with a recording step on a
    fixed dataset of 3 batches (4, 4, 2 images), for 2 epochs: the step is called once per batch with the
    batch, fresh noise of shape (len(real), noise_dim) and the same two optimizers; it returns
    ``{"d_loss": [...], "g_loss": [...]}``, each epoch's mean loss."""
    import keras
    import tensorflow as tf

    epochs, noise_dim, sizes = 2, 3, (4, 4, 2)
    images = np.arange(sum(sizes), dtype=np.float32).reshape(-1, 1, 1, 1) * np.ones((1, 2, 2, 1), np.float32)
    dataset = tf.data.Dataset.from_tensor_slices(images).batch(4)
    generator, discriminator = object(), object()
    calls = []

    def step(g, d, d_optimizer, g_optimizer, real, noise):
        k = len(calls)
        calls.append((g, d, d_optimizer, g_optimizer, np.asarray(real), np.asarray(noise)))
        return tf.constant(0.5 + 0.1 * k), tf.constant(1.0 + 0.05 * k * k)

    history = call(train, step, generator, discriminator, dataset, epochs, noise_dim, shown="(step, …)")
    want_calls = epochs * len(sizes)
    if len(calls) != want_calls:
        fail(_LOOP_MISTAKES[0].message, got=len(calls), epochs=epochs, batches=len(sizes), want=want_calls)
    for i, (g, d, d_opt, g_opt, real, noise) in enumerate(calls):
        if g is not generator or d is not discriminator:
            fail(
                "Pass the generator and the discriminator you were given to step, as its first two arguments."
            )
        if not all(isinstance(o, keras.optimizers.Optimizer) for o in (d_opt, g_opt)):
            fail(
                "The third and fourth arguments of step are the two Keras optimizers (e.g. "
                "keras.optimizers.Adam)."
            )
        if d_opt is g_opt:
            fail(_LOOP_MISTAKES[2].message)
        if d_opt is not calls[0][2] or g_opt is not calls[0][3]:
            fail(_LOOP_MISTAKES[1].message)
        batch = i % len(sizes)
        if real.shape != (sizes[batch], 2, 2, 1) or not np.array_equal(
            real[:, 0, 0, 0], images[4 * batch : 4 * batch + sizes[batch], 0, 0, 0]
        ):
            fail("Pass each batch of the dataset to step as it comes (for real in dataset: …).")
        if noise.shape != (len(real), noise_dim):
            fail(_LOOP_MISTAKES[3].message, n=len(real), shape=noise.shape)
    if any(np.array_equal(calls[0][5], c[5]) for c in calls[1:]):
        fail(_FIXED_NOISE)
    losses = np.array([[0.5 + 0.1 * k, 1.0 + 0.05 * k * k] for k in range(want_calls)])
    want = losses.reshape(epochs, len(sizes), 2).mean(axis=1)
    if not isinstance(history, dict) or set(history) != {"d_loss", "g_loss"}:
        shape = '{"d_loss": [...], "g_loss": [...]}'
        fail(N_("Return the history as a dict with two lists: {shape}."), shape=shape)
    try:
        got = np.array([history["d_loss"], history["g_loss"]], dtype=np.float64).T
    except (TypeError, ValueError):
        fail("The history's lists must hold one number per epoch.")
    if got.shape != want.shape:
        fail(
            "The history must hold one number per epoch ({epochs}); yours holds {count}.",
            epochs=epochs,
            count=got.shape[0] if got.ndim else 0,
        )
    if not same(got, want, rtol=1e-5):
        last = losses.reshape(epochs, len(sizes), 2)[:, -1]
        running = np.array([losses[: (e + 1) * len(sizes)].mean(axis=0) for e in range(epochs)])
        if same(got, last, rtol=1e-5):
            fail(_LOOP_MISTAKES[4].message)
        if same(got, running, rtol=1e-5):
            fail(_LOOP_MISTAKES[5].message)
        fail(
            "The history's numbers are not each epoch's mean losses: average the step's d_loss and g_loss "
            "over the epoch's batches."
        )
    ok(
        "Right: one step per batch for every epoch, fresh noise of shape (len(real), noise_dim), the same "
        "two optimizers throughout, and each epoch's mean losses returned."
    )


# ---------------------------------------------------------------------------------------------
# The Fréchet distance
# ---------------------------------------------------------------------------------------------


def reference_frechet(feats_a, feats_b):
    from ganlib.metrics import frechet_distance

    return frechet_distance(feats_a, feats_b)


def solution_frechet(feats_a, feats_b):
    """The solution the chapter shows: Tr((Σa Σb)^½) as the sum of the square roots of the eigenvalues
    of Σa Σb (those of its matrix square root), their real parts."""
    mu_a, mu_b = feats_a.mean(axis=0), feats_b.mean(axis=0)
    cov_a, cov_b = np.cov(feats_a, rowvar=False), np.cov(feats_b, rowvar=False)
    eigenvalues = np.linalg.eigvals(cov_a @ cov_b).astype(complex)
    trace_root = np.sqrt(eigenvalues).real.sum()
    return float(np.sum((mu_a - mu_b) ** 2) + np.trace(cov_a) + np.trace(cov_b) - 2 * trace_root)


def _frechet_mistake(kind):
    def distance(a, b):
        mu_a, mu_b = a.mean(axis=0), b.mean(axis=0)
        ddof = 0 if kind == "biased" else 1
        cov_a, cov_b = np.cov(a, rowvar=False, ddof=ddof), np.cov(b, rowvar=False, ddof=ddof)
        if kind == "std":
            return float(
                np.sum((mu_a - mu_b) ** 2) + np.sum((a.std(axis=0, ddof=1) - b.std(axis=0, ddof=1)) ** 2)
            )
        trace_root = np.sqrt(np.linalg.eigvals(cov_a @ cov_b).astype(complex)).sum()
        if kind == "complex":
            return np.sum((mu_a - mu_b) ** 2) + np.trace(cov_a + cov_b) - 2 * trace_root
        if kind == "elementwise":
            trace_root = np.trace(np.sqrt(np.abs(cov_a @ cov_b)))
        factor = 1 if kind == "factor" else 2
        mean_term = np.sqrt(np.sum((mu_a - mu_b) ** 2)) if kind == "norm" else np.sum((mu_a - mu_b) ** 2)
        return float(mean_term + np.trace(cov_a + cov_b) - factor * trace_root.real)

    return distance


_FRECHET_MISTAKES = [
    Mistake(_frechet_mistake("factor"), N_("The trace term lacks its factor 2: Tr(Σa + Σb − 2 (Σa Σb)^½).")),
    Mistake(
        _frechet_mistake("std"),
        N_(
            "You compared standard deviations feature by feature; the distance compares the full covariance "
            "matrices (np.cov(…, rowvar=False)), through the matrix square root of Σa Σb."
        ),
    ),
    Mistake(
        _frechet_mistake("elementwise"),
        N_(
            "That square root was taken element by element (np.sqrt): the formula needs the matrix square "
            "root, a matrix R with R @ R = Σa Σb: the square roots of its eigenvalues add up to its trace."
        ),
    ),
    Mistake(
        _frechet_mistake("norm"),
        N_("The mean term is the squared distance ‖μa − μb‖², not the distance itself."),
    ),
    Mistake(
        _frechet_mistake("biased"),
        N_(
            "Your covariances divide by n; ganlib's (np.cov's default) divide by n − 1. Use np.cov(…, "
            "rowvar=False)."
        ),
    ),
]
_COMPLEX = N_(
    "Your distance is a complex number: the eigenvalues of Σa Σb (or scipy's sqrtm) come out complex "
    "when rounding makes the product look slightly non-positive. Keep the real part (.real)."
)


def _frechet_cases():
    rng = np.random.default_rng(10)
    a = rng.standard_normal((300, 6))
    b = rng.standard_normal((250, 6)) @ rng.uniform(0.5, 1.5, (6, 6)) + 0.7
    c = rng.standard_normal((300, 6))
    base = rng.standard_normal((200, 3))
    near = np.concatenate(
        [base, base @ rng.standard_normal((3, 3)) + 1e-6 * rng.standard_normal((200, 3))], 1
    )
    return [(a, b), (a, c), (near, b[:200]), (b, near)]


@register(
    "check_frechet_distance",
    solution_frechet,
    [*_FRECHET_MISTAKES, Mistake(_frechet_mistake("complex"), _COMPLEX)],
)
@checker
def check_frechet_distance(frechet_distance) -> None:
    """``frechet_distance(feats_a, feats_b)`` must agree with ``ganlib.metrics.frechet_distance`` to 1e-3
    on fixed feature sets, one of them nearly singular."""
    cases = _frechet_cases()
    for case in cases:
        got = call(frechet_distance, *case, shown="(feats_a, feats_b)")
        if np.iscomplexobj(got) and not isinstance(got, (float, np.floating)):
            fail(_COMPLEX)
    names = [
        "(300, 6), (250, 6)",
        "(300, 6), (300, 6)",
        "(200, 6) nearly singular, (200, 6)",
        "(250, 6), (200, 6) nearly singular",
    ]

    def describe(case):
        return names[next(i for i, c in enumerate(cases) if c is case)]

    compare(
        lambda a, b: _real(call(frechet_distance, a, b, shown="(feats_a, feats_b)")),
        reference_frechet,
        cases,
        _FRECHET_MISTAKES,
        otherwise=N_("For feature sets {case} the distance should be {want}, got {got}."),
        describe=describe,
        rtol=0,
        atol=1e-3,
    )
    ok(
        "Right: your Fréchet distance agrees with ganlib.metrics.frechet_distance to 1e-3 on four feature "
        "sets, one of them nearly singular."
    )


def _real(value):
    if np.iscomplexobj(value):
        fail(_COMPLEX)
    return value


# ---------------------------------------------------------------------------------------------
# The student's own run
# ---------------------------------------------------------------------------------------------

# The marks each run size must reach: (classifier score at least, Fréchet distance at most). Set from
# this chapter's solutions (tools: the same networks, step and loop; GANLIB_DATA=bundled), 2,000
# samples against the 2,000 evaluation digits, on a shared 2-core CPU:
#   fast (2 epochs × 8 steps of 32): score 1.001, 1.001, 1.001; Fréchet 841, 851, 879 (seeds 0-2);
#       an untrained generator: Fréchet 911. Too short to learn: the marks only show the code ran.
#   cpu (3 epochs × 128 steps of 32, 4-5 min): score 3.77, 1.78, 3.90; Fréchet 296, 619, 230
#       (seeds 0-2; the chapter's own run, seed 0: 3.79, 295). The marks sit below the weakest seed,
#       with a margin; uniform noise (score 1.00, Fréchet 579) fails them on the score. In batches of
#       128 (3 × 32 steps) the same run learns nothing yet: score 1.01, 1.10, 1.04; Fréchet 929, 866,
#       771; hence the chapter's batches of 32 on a CPU.
#   gpu (50 epochs over 60,000): not measured here; such a run passes the cpu marks by far.
THRESHOLDS = {"fast": (1.0, 1000.0), "cpu": (1.5, 750.0), "gpu": (1.5, 750.0)}


_NOT_ARRAY = N_("Expected an array of images, got {kind}.")
_IMAGE_SHAPE = N_("Expected images of shape (2000, 28, 28, 1), got {shape}.")
_TOO_FEW = N_(
    "The measures need 2,000 of your generator's digits (as many as the evaluation digits); you passed "
    "{count}."
)
_DIVERGED = N_("Some of your images are NaN: the training diverged. Train again (a smaller learning rate?).")
_OUT_OF_RANGE = N_(
    "Your images are not in [-1, 1] (they reach {low} … {high}): pass the generator's output as it is."
)


def _images(images) -> np.ndarray:
    try:
        array = np.asarray(images, dtype=np.float32)
    except (TypeError, ValueError):
        fail(_NOT_ARRAY, kind=type(images).__name__)
    array = array[..., np.newaxis] if array.ndim == 3 else array
    if array.ndim != 4 or array.shape[1:] != (28, 28, 1):
        fail(_IMAGE_SHAPE, shape=array.shape)
    if len(array) < 2000:
        fail(_TOO_FEW, count=len(array))
    if not np.all(np.isfinite(array)):
        fail(_DIVERGED)
    if array.min() < -1.001 or array.max() > 1.001:
        low, high = (fmt.number(float(f(array)), 2) for f in (np.min, np.max))
        fail(_OUT_OF_RANGE, low=low, high=high)
    return array[:2000]


def _digits(n=2000):
    """n of MNIST's training digits in [-1, 1]: what a generator that learned everything would draw."""
    from ganlib import data

    return data.scale_images(data.load_mnist("bundled", "train", verbose=False)[0][:n])


_OWN_MISTAKES = [
    Mistake(lambda: "images", _NOT_ARRAY),
    Mistake(lambda: np.zeros((2000, 32, 32, 1)), _IMAGE_SHAPE),
    Mistake(lambda: _digits(100), _TOO_FEW),
    Mistake(lambda: np.full((2000, 28, 28, 1), np.nan), _DIVERGED),
    Mistake(lambda: 127.5 * (_digits() + 1), _OUT_OF_RANGE),  # pixels 0 … 255, as MNIST stores them
]


@register("check_own_gan", _digits, _OWN_MISTAKES, wrap=lambda make: make())
@checker
def check_own_gan(images) -> dict:
    """2,000 digits of the student's own generator, measured with ganlib's classifier against the 2,000
    evaluation digits, must reach the run size's classifier score and Fréchet distance. Returns the
    measures."""
    from ganlib import metrics

    mode = config.run_sizes().mode
    score_at_least, frechet_at_most = THRESHOLDS[mode]
    measures = metrics.evaluate_images(_images(images))
    score, frechet = measures["classifier_score"], measures["frechet_distance"]
    fields = {
        "score": fmt.number(score, 2),
        "frechet": fmt.number(frechet, 1),
        "mode": mode,
        "want_score": fmt.number(score_at_least, 2),
        "want_frechet": fmt.number(frechet_at_most, 0),
    }
    if score < score_at_least or frechet > frechet_at_most:
        fail(
            "Your GAN's classifier score is {score} and its Fréchet distance {frechet}; a run of {mode} "
            "mode's "
            "size should reach a score of at least {want_score} and a distance of at most {want_frechet}. "
            "Check "
            "the learning rates and that each network trains in its own phase, then train again.",
            **fields,
        )
    ok(
        "Right: classifier score {score} (at least {want_score} in {mode} mode), Fréchet distance {frechet} "
        "(at "
        "most {want_frechet}).",
        **fields,
    )
    return measures
