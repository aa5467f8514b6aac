"""Checkers for chapter 10, the capstone: a DCGAN from scratch, judged by what its parts do."""

from __future__ import annotations

import keras
import numpy as np
import tensorflow as tf
from keras import layers
from keras.optimizers import SGD, Adam, Optimizer

from ganlib import config, data, fmt, metrics, models
from ganlib.exercises import _core
from ganlib.exercises._core import N_, Mistake, Step, check_step, fail, reference_step, run_step, small_pair

__all__ = ["check_dcgan_generator", "check_dcgan_discriminator", "check_gan_step", "check_training_loop"]
__all__ += ["check_frechet_distance", "check_own_gan"]


def _run(model, x, training=False) -> np.ndarray:
    return np.asarray(_core.call(lambda: model(x, training=training), shown=str(x.shape)))


def _kinds(model) -> list[str]:
    """The class names of every layer, nested models opened up."""
    nested = (_kinds(x) if isinstance(x, keras.Model) else [type(x).__name__] for x in model.layers)
    return [kind for kinds in nested for kind in kinds]


_INPUT = N_("Inputs must be {want}, not {shape}: give keras.Input that shape (noise_dim for the generator).")


def _model(build, args, x, out_shape, shape_message, needs):
    """The student's model from ``args``: takes ``x``, gives ``out_shape`` in training, has each layer kind in
    ``needs`` ({kind: message}). Returns it, its layers' kinds and its output for 50·x (the moving averages'
    view: unless the last layer squashes, it grows)."""
    model = _core.built_model(build, *args)
    if tuple(model.input_shape) != (None, *x.shape[1:]):
        fail(_INPUT, want=(None, *x.shape[1:]), shape=model.input_shape)
    if (shape := _run(model, x, training=True).shape) != out_shape:
        fail(shape_message, shape=shape)
    kinds = _kinds(model)
    for kind in (kind for kind in needs if kind not in kinds):
        fail(needs[kind])
    return model, kinds, _run(model, 50 * x)


def reference_generator(noise_dim, strides=(1, 2, 2), last="tanh", batch_norm=True):
    """The TensorFlow DCGAN tutorial's generator (7×7×256 → 7×7×128 → 14×14×64 → 28×28×1), or a mistake."""

    def norm_relu():
        return [layers.BatchNormalization(), layers.LeakyReLU()] if batch_norm else [layers.LeakyReLU()]

    body = [keras.Input((noise_dim,)), layers.Dense(7 * 7 * 256, use_bias=False), *norm_relu()]
    body.append(layers.Reshape((7, 7, 256)))
    for n, stride in zip((128, 64, 1), strides):
        act = last if n == 1 else None
        conv = layers.Conv2DTranspose(n, 5, strides=stride, padding="same", use_bias=False, activation=act)
        body += [conv] if n == 1 else [conv, *norm_relu()]
    return keras.Sequential(body)


_G_SHAPE = N_('Images must be (n, 28, 28, 1), not {shape}: strides 1, 2, 2, padding="same", 1 filter last.')
_G_RANGE = N_('Your generator\'s pixels span {low} … {high}, the digits [-1, 1]: end with activation="tanh".')
_G_NEEDS = {
    "Conv2DTranspose": N_(
        "There is no Conv2DTranspose layer: upsample with it (strides=2), not UpSampling2D."
    ),
    "BatchNormalization": N_("There is no BatchNormalization layer: put one before each LeakyReLU."),
}
_G_MISTAKES = [
    Mistake(lambda d: reference_generator(d, last=None), _G_RANGE),
    Mistake(lambda d: reference_generator(d, last="sigmoid"), _G_RANGE),
    Mistake(lambda d: reference_generator(d, strides=(2, 2, 2)), _G_SHAPE),
    Mistake(lambda d: reference_generator(d, strides=(1, 1, 2)), _G_SHAPE),
    Mistake(lambda d: reference_generator(d, batch_norm=False), _G_NEEDS["BatchNormalization"]),
    Mistake(models.build_generator, _G_NEEDS["Conv2DTranspose"]),  # the post's: UpSampling2D, then Conv2D
    Mistake(lambda d: reference_generator(100), _INPUT),
    Mistake(lambda d: None, _core.NO_MODEL),
    Mistake(lambda d: reference_generator(d).layers, _core.NOT_A_MODEL),
]


@_core.register("check_dcgan_generator", reference_generator, _G_MISTAKES)
@_core.checker
def check_dcgan_generator(build_generator) -> None:
    """Noise (n, noise_dim) → images (n, 28, 28, 1) in [-1, 1], made with Conv2DTranspose and BatchNorm."""
    for noise_dim in (100, 37):
        z = np.random.default_rng(0).standard_normal((8, noise_dim)).astype(np.float32)
        _, kinds, loud = _model(build_generator, (noise_dim,), z, (8, 28, 28, 1), _G_SHAPE, _G_NEEDS)
        if not (-1 - 1e-6 <= loud.min() < 0 and loud.max() <= 1 + 1e-6):  # NaN fails too
            fail(_G_RANGE, low=fmt.number(float(loud.min()), 2), high=fmt.number(float(loud.max()), 2))
    _core.ok(
        "Right: noise (n, 100) → images (n, 28, 28, 1) in [-1, 1], with {convs} transposed convolutions and "
        "{norms} batch normalizations. Your generator has {count} parameters (the TensorFlow tutorial's: "
        "{tutorial}).",
        convs=kinds.count("Conv2DTranspose"),
        norms=kinds.count("BatchNormalization"),
        count=_core.built_model(build_generator, 100).count_params(),
        tutorial=reference_generator(100).count_params(),
    )


def reference_discriminator(filters=(64, 128), flatten=True, sigmoid=False):
    """The tutorial's discriminator (two strided convolutions, one logit per image), or a mistake."""
    body = [keras.Input((28, 28, 1))]
    for n in filters:
        body += [layers.Conv2D(n, 5, strides=2, padding="same"), layers.LeakyReLU(), layers.Dropout(0.3)]
    body += [layers.Flatten()] if flatten else []
    return keras.Sequential([*body, layers.Dense(1, activation="sigmoid" if sigmoid else None)])


_D_SHAPE = N_("8 images must give 8 logits, shape (8, 1), not {shape}: end with Flatten() and Dense(1).")
_D_DENSE = N_("There is no Conv2D layer: as in DCGAN, use Conv2D with strides 2, then Flatten, Dense(1).")
_D_SIGMOID = N_("Your discriminator's outputs stay in (0, 1): end with Dense(1) and no activation (a logit).")
_D_MISTAKES = [
    Mistake(lambda: reference_discriminator(sigmoid=True), _D_SIGMOID),
    Mistake(lambda: reference_discriminator(filters=()), _D_DENSE),
    Mistake(lambda: reference_discriminator(flatten=False), _D_SHAPE),
]


@_core.register("check_dcgan_discriminator", reference_discriminator, _D_MISTAKES)
@_core.checker
def check_dcgan_discriminator(build_discriminator) -> None:
    """Images (n, 28, 28, 1) → one logit per image (n, 1), a convolutional network."""
    x = np.random.default_rng(1).uniform(-1, 1, (8, 28, 28, 1)).astype(np.float32)
    model, kinds, loud = _model(build_discriminator, (), x, (8, 1), _D_SHAPE, {"Conv2D": _D_DENSE})
    if all(np.all((y > 0) & (y < 1)) for y in (_run(model, x), loud)):
        fail(_D_SIGMOID)
    _core.ok(
        "Right: images (n, 28, 28, 1) → one logit per image (n, 1), with {convs} convolutions and {count} "
        "parameters (the tutorial's: {tutorial}).",
        convs=kinds.count("Conv2D"),
        count=model.count_params(),
        tutorial=reference_discriminator().count_params(),
    )


_D_TARGETS = N_("The discriminator's targets are wrong (swapped, or 1 for fakes): real → 1, fakes → 0.")
_TRAINING = N_("The generator ran without training=True in a phase: call generator(noise, training=True).")
_LOGITS = N_("The loss takes logits for probabilities: use BinaryCrossentropy(from_logits=True).")
_SAY_0 = N_("The generator is trained to make the discriminator say 0 (fake): its target is 1.")
_SATURATING = N_("That is the saturating loss log(1 − D(G(z))): use targets of 1.")
_STEP_MISTAKES = [
    Mistake(reference_step((0.0, 1.0, 1.0)), _D_TARGETS),
    Mistake(reference_step((1.0, 1.0, 1.0)), _D_TARGETS),
    Mistake(reference_step(modes=(0, 1)), _TRAINING),
    Mistake(reference_step(logits=False), _LOGITS),
    Mistake(reference_step((1.0, 0.0, 0.0)), _SAY_0),
    Mistake(reference_step((1.0, 0.0, 0.0), scales=(1, -1)), _SATURATING),
    Mistake(reference_step(modes=(1, 0)), _TRAINING),
]
_RNG = np.random.default_rng(0)
_REAL = np.tanh(_RNG.standard_normal((6, 4, 4, 1)) + 0.5).astype(np.float32)
_NOISE = _RNG.standard_normal((6, 4)).astype(np.float32)
_DIFFERS = {
    "d": N_("The discriminator's gradient is not that of its loss: from_logits=True, real → 1, fakes → 0."),
    "g": N_("The generator's gradient is not that of its loss: from_logits=True, fakes → 1, mean over n."),
}
_RIGHT = [reference_step(), reference_step(scales=(2, 1))]  # the tutorial adds the two halves' losses
_SGD = (SGD, {"learning_rate": 0.0})  # the generator's gradient the same before and after the other's update
_STEP = Step(small_pair, lambda: (_REAL, _NOISE), _SGD, _RIGHT, _STEP_MISTAKES)


@_core.register("check_gan_step", reference_step(), _STEP_MISTAKES)
@_core.checker
def check_gan_step(train_step) -> None:
    """Each optimizer given its network's weights, a right step's gradients and losses; 40 steps finite."""
    check_step(train_step, _STEP, _DIFFERS)
    generator, discriminator = small_pair()  # 40 steps of an easy problem with Adam: the losses stay finite
    args = (generator, discriminator, Adam(0.01), Adam(0.01), _REAL)
    draws = (np.random.default_rng(100 + k).standard_normal((6, 4)).astype(np.float32) for k in range(40))
    trace = [_core.step_losses(run_step(train_step, (*args, z), [], generator, discriminator)) for z in draws]
    if not np.all(np.isfinite(trace)):
        fail("On 40 steps of a small problem your losses became NaN or infinite.")
    _core.ok(
        "Right: each optimizer moved only its own network, with the gradients of the right targets (real → "
        "1, fake → 0; the generator's 1), both networks in training mode; over 40 steps of a small problem "
        "the losses stayed finite (d_loss from {first} to {last}).",
        first=fmt.number(trace[0][0], 3),
        last=fmt.number(trace[-1][0], 3),
    )


def _train(kind=None):
    """The chapter's loop, or with one known mistake."""

    def train(step, generator, discriminator, dataset, epochs, noise_dim):
        d_optimizer, g_optimizer = Adam(2e-4, beta_1=0.5), Adam(2e-4, beta_1=0.5)
        g_optimizer = d_optimizer if kind == "one optimizer" else g_optimizer
        history, everything = {"d_loss": [], "g_loss": []}, []
        for _ in range(1 if kind == "one epoch" else epochs):
            losses = []
            for real in dataset:
                if kind == "new optimizers":
                    d_optimizer, g_optimizer = Adam(2e-4, beta_1=0.5), Adam(2e-4, beta_1=0.5)
                noise = tf.random.normal((4 if kind == "batch size" else len(real), noise_dim))
                noise = np.ones((len(real), noise_dim)) if kind == "fixed noise" else noise
                out = step(generator, discriminator, d_optimizer, g_optimizer, real, noise)
                losses.append([float(x) for x in out])
                everything.append(losses[-1])
            kept = {"last": losses[-1:], "running": everything}.get(kind, losses)
            for name, value in zip(history, np.mean(kept, axis=0)):
                history[name].append(float(value))
        return history

    return train


_LOOP = {
    "one epoch": N_("Your loop ran {got} steps; {epochs} epochs of {batches} batches are {want}."),
    "new optimizers": N_("Your loop makes new optimizers: make the two once, before the loop."),
    "one optimizer": N_("The same optimizer was passed for both networks: make one for each."),
    "batch size": N_("The noise for {n} images has shape {shape}: draw (len(real), noise_dim)."),
    "fixed noise": N_("Every step got the same noise: draw fresh noise for every batch, inside the loop."),
    "last": N_("The history holds each epoch's last loss, not the mean over the epoch's steps."),
    "running": N_("The history holds the mean over every step so far: start an empty list every epoch."),
}
_HISTORY = N_("Return the history as {shape}, one number per epoch in each list.")
_LOOP_MISTAKES = [Mistake(_train(kind), message) for kind, message in _LOOP.items()]


@_core.register("check_training_loop", _train(), _LOOP_MISTAKES)
@_core.checker
def check_training_loop(train) -> None:
    """One step per batch with fresh noise and the same two optimizers; each epoch's mean losses returned."""
    epochs, noise_dim, sizes, starts = 2, 3, (4, 4, 2), (0, 4, 8)
    images = np.arange(10, dtype=np.float32).reshape(-1, 1, 1, 1) * np.ones((1, 2, 2, 1), np.float32)
    generator, discriminator, calls = object(), object(), []

    def step(g, d, d_optimizer, g_optimizer, real, noise):
        calls.append((g, d, d_optimizer, g_optimizer, np.asarray(real), np.asarray(noise)))
        return tf.constant(0.5 + 0.1 * len(calls)), tf.constant(1.0 + 0.05 * len(calls) ** 2)

    dataset = tf.data.Dataset.from_tensor_slices(images).batch(4)
    history = _core.call(train, step, generator, discriminator, dataset, epochs, noise_dim, shown="(step, …)")
    if len(calls) != epochs * len(sizes):
        fail(_LOOP["one epoch"], got=len(calls), epochs=epochs, batches=len(sizes), want=epochs * len(sizes))
    for i, (g, d, d_opt, g_opt, real, noise) in enumerate(calls):
        if (g, d) != (generator, discriminator) or not all(isinstance(o, Optimizer) for o in (d_opt, g_opt)):
            fail("Call step(generator, discriminator, d_optimizer, g_optimizer, real, noise) in this order.")
        if d_opt is g_opt:
            fail(_LOOP["one optimizer"])
        if d_opt is not calls[0][2] or g_opt is not calls[0][3]:
            fail(_LOOP["new optimizers"])
        batch = images[starts[i % 3] : starts[i % 3] + sizes[i % 3]]
        if real.shape != batch.shape or not np.array_equal(real, batch):
            fail("Pass each batch of the dataset to step as it comes (for real in dataset: …).")
        if noise.shape != (len(real), noise_dim):
            fail(_LOOP["batch size"], n=len(real), shape=noise.shape)
    if any(np.array_equal(calls[0][5], c[5]) for c in calls[1:]):
        fail(_LOOP["fixed noise"])
    losses = np.array([[0.5 + 0.1 * k, 1.0 + 0.05 * k * k] for k in range(1, 7)]).reshape(epochs, -1, 2)
    named = isinstance(history, dict) and set(history) == {"d_loss", "g_loss"}
    try:
        got = np.array([history["d_loss"], history["g_loss"]], dtype=np.float64).T if named else None
    except (TypeError, ValueError):
        got = None
    if got is None or got.shape != (epochs, 2):
        fail(_HISTORY, shape='{"d_loss": [...], "g_loss": [...]}')
    if not _core.same(got, losses.mean(axis=1), rtol=1e-5):
        running = [losses[: e + 1].reshape(-1, 2).mean(axis=0) for e in range(epochs)]
        _core.recognise(
            got, [Mistake(losses[:, -1], _LOOP["last"]), Mistake(running, _LOOP["running"])], rtol=1e-5
        )
        fail("The history's numbers are not each epoch's mean d_loss and g_loss over its batches.")
    _core.ok(
        "Right: one step per batch for every epoch, fresh noise of shape (len(real), noise_dim), the same "
        "two optimizers throughout, and each epoch's mean losses returned."
    )


def _frechet(kind=None):
    """The chapter's Fréchet distance (Tr((Σa Σb)^½) from the eigenvalues of Σa Σb), or a known mistake."""

    def distance(a, b):
        mean_term = np.sum((a.mean(axis=0) - b.mean(axis=0)) ** 2)
        if kind == "std":
            return float(mean_term + np.sum((a.std(axis=0, ddof=1) - b.std(axis=0, ddof=1)) ** 2))
        cov_a, cov_b = (np.cov(x, rowvar=False, ddof=0 if kind == "biased" else 1) for x in (a, b))
        root = np.sqrt(np.linalg.eigvals(cov_a @ cov_b).astype(complex)).sum()
        if kind == "elementwise":
            root = np.trace(np.sqrt(np.abs(cov_a @ cov_b)))
        mean_term = np.sqrt(mean_term) if kind == "norm" else mean_term
        value = mean_term + np.trace(cov_a + cov_b) - (1 if kind == "factor" else 2) * root
        return value if kind == "complex" else float(value.real)

    return distance


_COMPLEX = N_("Your distance is complex (rounding makes Σa Σb look slightly non-positive): keep .real.")
_STD = N_("You compared standard deviations: compare covariance matrices, np.cov(…, rowvar=False).")
_ELEMENTWISE = N_("That square root is element by element (np.sqrt): (Σa Σb)^½ is a matrix square root.")
_NORM = N_("The mean term is the squared distance ‖μa − μb‖², not the distance itself.")
_OTHERWISE = N_("For feature sets {case} the distance should be {want}, got {got}.")
_FRECHET_MISTAKES = [
    Mistake(_frechet("factor"), N_("The trace term lacks its factor 2: Tr(Σa + Σb − 2 (Σa Σb)^½).")),
    Mistake(_frechet("std"), _STD),
    Mistake(_frechet("elementwise"), _ELEMENTWISE),
    Mistake(_frechet("norm"), _NORM),
    Mistake(_frechet("biased"), N_("Your covariances divide by n; np.cov's divide by n − 1: use np.cov.")),
    Mistake(_frechet("complex"), _COMPLEX),  # caught before the comparison
]


@_core.register("check_frechet_distance", _frechet(), _FRECHET_MISTAKES)
@_core.checker
def check_frechet_distance(frechet_distance) -> None:
    """Agrees with ``ganlib.metrics.frechet_distance`` to 1e-3 on fixed feature sets, some nearly singular."""
    rng = np.random.default_rng(10)
    a, b = rng.standard_normal((300, 6)), rng.standard_normal((250, 6)) @ rng.uniform(0.5, 1.5, (6, 6)) + 0.7
    c, base = rng.standard_normal((300, 6)), rng.standard_normal((200, 3))
    mixed = base @ rng.standard_normal((3, 3))
    near = np.concatenate([base, mixed + 1e-6 * rng.standard_normal((200, 3))], 1)

    def describe(case):
        return ", ".join(str(x.shape) + (" nearly singular" if x is near else "") for x in case)

    def real(a, b):
        value = _core.call(frechet_distance, a, b, shown="(feats_a, feats_b)")
        if np.iscomplexobj(value):
            fail(_COMPLEX)
        return value

    cases = [(a, b), (a, c), (near, b[:200]), (b, near)]
    _core.compare(
        real, metrics.frechet_distance, cases, _FRECHET_MISTAKES[:-1], _OTHERWISE, describe, atol=1e-3, rtol=0
    )
    _core.ok(
        "Right: your Fréchet distance agrees with ganlib.metrics.frechet_distance to 1e-3 on four feature "
        "sets, one of them nearly singular."
    )


# (Score at least, Fréchet at most) per run size, from this chapter's solutions at seeds 0-2: fast 1.001 and
# 841-879 (untrained: 911; the marks show it ran); cpu 3.77, 1.78, 3.90 and 296, 619, 230; gpu not measured.
THRESHOLDS = {"fast": (1.0, 1000.0), "cpu": (1.5, 750.0), "gpu": (1.5, 750.0)}

_IMAGE_SHAPE = N_("The measures need 2,000 of your generator's images, shape (2000, 28, 28, 1); got {shape}.")
_DIVERGED = N_("Some of your images are NaN: the training diverged. Train again (a smaller learning rate?).")
_OUT_OF_RANGE = N_("Your images reach {low} … {high}, not [-1, 1]: pass the generator's output as it is.")


def _digits(n=2000):
    """n of MNIST's training digits in [-1, 1]: what a generator that learned everything would draw."""
    return data.scale_images(data.load_mnist("bundled", "train", verbose=False)[0][:n])


_OWN_MISTAKES = [
    Mistake(lambda: "images", _IMAGE_SHAPE),
    Mistake(lambda: np.zeros((2000, 32, 32, 1)), _IMAGE_SHAPE),
    Mistake(lambda: _digits(100), _IMAGE_SHAPE),
    Mistake(lambda: np.full((2000, 28, 28, 1), np.nan), _DIVERGED),
    Mistake(lambda: 127.5 * (_digits() + 1), _OUT_OF_RANGE),  # pixels 0 … 255, as MNIST stores them
]


@_core.register("check_own_gan", _digits, _OWN_MISTAKES, wrap=lambda make: make())
@_core.checker
def check_own_gan(images) -> dict:
    """2,000 of the student's digits must reach the run size's score and Fréchet distance; returns them."""
    try:
        images = np.asarray(images, dtype=np.float32)
    except (TypeError, ValueError):
        fail(_IMAGE_SHAPE, shape=type(images).__name__)
    images = images[..., np.newaxis] if images.ndim == 3 else images
    if images.ndim != 4 or images.shape[1:] != (28, 28, 1) or len(images) < 2000:
        fail(_IMAGE_SHAPE, shape=images.shape)
    if not np.all(np.isfinite(images)):
        fail(_DIVERGED)
    if images.min() < -1.001 or images.max() > 1.001:
        fail(_OUT_OF_RANGE, low=fmt.number(float(images.min()), 2), high=fmt.number(float(images.max()), 2))
    mode = config.run_sizes().mode
    (want_score, want_frechet), measures = THRESHOLDS[mode], metrics.evaluate_images(images[:2000])
    score, frechet = measures["classifier_score"], measures["frechet_distance"]
    fields = {"score": fmt.number(score, 2), "frechet": fmt.number(frechet, 1), "mode": mode}
    fields |= {"want_score": fmt.number(want_score, 2), "want_frechet": fmt.number(want_frechet, 0)}
    if score < want_score or frechet > want_frechet:
        fail(
            "Your GAN's classifier score is {score} and its Fréchet distance {frechet}; {mode} mode wants at "
            "least {want_score} and at most {want_frechet}. Check the learning rates and phases, retrain.",
            **fields,
        )
    _core.ok(
        "Right: classifier score {score} (at least {want_score} in {mode} mode), Fréchet distance {frechet} "
        "(at most {want_frechet}).",
        **fields,
    )
    return measures
