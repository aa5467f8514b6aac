"""Checkers for chapter 08's exercises: a step of the moving average (EMA), how long it remembers its
start, the post's generator with BatchNormalization, and the shift that augments the discriminator's view."""

from __future__ import annotations

import math
from itertools import zip_longest
from numbers import Integral, Real

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, built_model, call, checker, fail, ok, recognise, register

__all__ = ["check_ema_update", "check_steps_to_forget", "check_bn_generator", "check_translate"]

_SWAPPED = N_("The roles are swapped: decay weighs the average (a), 1 − decay the generator's weights (w).")
_ONLY_NEW = N_("Only the generator's current weights came back: no average. Move (1 − decay) of the way.")
_UNCHANGED = N_("The average came back unchanged: the generator's current weights (current) play no part.")
_FIXED = N_("decay is fixed at 0.999 inside your function: use the decay argument, the check passes others.")
_IN_PLACE = N_("Your function changes its input ({which}) in place: leave it alone and return a new list.")
_NOT_LIST = N_("Expected a list with one array per variable, got {kind}: return [ … ], not one array.")
_EMA_SHAPES = N_("Expected arrays shaped {want}, one per variable, got {got}: pair the variables with zip.")
_NOT_MIXED = N_("With decay = {decay} the result is not decay·a + (1 − decay)·w, element by element.")
_FACTORS = N_("With decay = {decay} your result is {x}·a + {y}·w; it must be decay·a + (1 − decay)·w.")
_EMA_RIGHT = N_(
    "Right: each step the average moves (1 − decay) of the way towards the generator, and the inputs "
    "stay as they were. GAN(ema=0.999) does exactly this for every variable of ema_generator after "
    "every training step (GAN.update_ema)."
)
_SHAPES = [(4, 3), (7,), (2, 3, 5)]  # like a kernel, a bias and a convolution's weights
_EMA_CASES = [(0.9, 0), (0.75, 1)]  # (decay, seed): decays far from 1, so that a mistake shows


def reference_ema_update(average, current, decay):
    """A new list: each variable of the average moved (1 − decay) of the way to the generator's."""
    return [decay * a + (1 - decay) * w for a, w in zip(average, current)]


# Recognised on the variables joined into one: a list of one array in, a list of one array out.
_EMA_MISTAKES = [
    Mistake(lambda a, w, d: [d * y + (1 - d) * x for x, y in zip(a, w)], _SWAPPED),
    Mistake(lambda a, w, d: w, _ONLY_NEW),
    Mistake(lambda a, w, d: list(a), _UNCHANGED),
    Mistake(lambda a, w, d: reference_ema_update(a, w, 0.999), _FIXED),
]


@register("check_ema_update", reference_ema_update, _EMA_MISTAKES)
@checker
def check_ema_update(func) -> None:
    """``func(average, current, decay)``: a new list ``[decay·a + (1 − decay)·w, …]``, inputs unchanged."""
    arrays = "[" + ", ".join(f"ndarray{shape}" for shape in _SHAPES) + "]"
    for decay, seed in _EMA_CASES:
        rng = np.random.default_rng(seed)
        given = [[rng.standard_normal(shape).astype(np.float32) for shape in _SHAPES] for _ in "aw"]
        copies = [[x.astype(np.float64) for x in xs] for xs in given]  # what they were, to the last bit
        passed = [list(xs) for xs in given]
        got = call(func, *passed, decay, shown=f"({arrays}, {arrays}, {decay})")
        for which, now, xs, cs in zip(("average", "current"), passed, given, copies):
            if list(map(id, now)) != list(map(id, xs)) or not all(map(np.array_equal, now, cs)):
                fail(_IN_PLACE, which=which)
        if not isinstance(got, (list, tuple)):
            fail(_NOT_LIST, kind=type(got).__name__)
        if (shapes := [np.shape(g) for g in got]) != _SHAPES:
            fail(_EMA_SHAPES, want=str(_SHAPES), got=str(shapes))
        a, w, flat = (np.concatenate([np.ravel(x) for x in xs]).astype(np.float64) for xs in (*copies, got))
        if not np.allclose(flat, decay * a + (1 - decay) * w, rtol=1e-5, atol=1e-6):
            recognise([flat], _EMA_MISTAKES, ([a], [w], decay))
            (x, y), *_ = np.linalg.lstsq(np.stack([a, w], axis=1), flat, rcond=None)
            fits = np.allclose(flat, x * a + y * w, rtol=1e-4, atol=1e-5)
            fail(_FACTORS if fits else _NOT_MIXED, decay=decay, x=fmt.number(x, 3), y=fmt.number(y, 3))
    ok(_EMA_RIGHT)


_FLOOR = N_("One step short: you rounded down. After {before} steps decay**k is {left} > {share}; round up.")
_ROUND = N_("You rounded to the nearest whole number: for some pairs that is one step short. Round up.")
_RATIO = N_("The result is not whole ({ratio} for decay = {decay}, share = {share}): round up to a whole k.")
_LOGS = N_("The logarithms are swapped: solve decay**k <= share for k (log(decay) < 0 flips the inequality).")
_MEMORY = N_("1/(1 − decay) ({memory} for decay = {decay}) is the average's memory: it ignores share.")
_APPROX = N_("You used log(decay) ≈ −(1 − decay): an approximation, a few steps too many. Use decay**k.")
_NEWEST = N_("1 − decay is the weight of the newest step; the start's share after k steps is decay**k.")
_NUMBER = N_("Expected a number of steps, got {kind}.")
_FLOAT = N_("decay = {decay}, share = {share}: the value is right ({want}) but a {kind}: return an int.")
_OFF_BY_ONE = {
    -1: N_("decay = {decay}, share = {share}: one step short; after {fewer} steps the share is {still}."),
    1: N_("decay = {decay}, share = {share}: one step too many; after {want} it is already {already}."),
}
_EXPECTED = N_("decay = {decay}, share = {share}: expected {want}, got {got}. The start's share is decay**k.")
_FORGET_RIGHT = N_(
    "Right: with decay = {decay} the start's share falls to {share} in {steps} steps, about {times} "
    "times the average's memory 1/(1 − decay) = {memory} steps."
)
# (decay, share): the chapter's pair first; none lies on a boundary (log ratio far from whole)
_PAIRS = [(0.999, 0.01), (0.9, 0.5), (0.99, 0.1), (0.6, 0.1), (0.95, 0.3), (0.9999, 0.5)]


def reference_steps_to_forget(decay, share):
    """The smallest whole k with decay**k <= share."""
    return math.ceil(math.log(share) / math.log(decay))


# Formulas students reach for; the fields describe the first pair, the chapter's.
_FORGET_MISTAKES = [
    Mistake(lambda d, s: math.floor(math.log(s) / math.log(d)), _FLOOR),
    Mistake(lambda d, s: round(math.log(s) / math.log(d)), _ROUND),
    Mistake(lambda d, s: math.log(s) / math.log(d), _RATIO),
    Mistake(lambda d, s: math.log(d) / math.log(s), _LOGS),
    Mistake(lambda d, s: 1 / (1 - d), _MEMORY),
    Mistake(lambda d, s: -math.log(s) / (1 - d), _APPROX),
    Mistake(lambda d, s: math.log(s) / math.log(1 - d), _NEWEST),
]
_ROUNDINGS = (lambda v: v, math.floor, math.ceil, round)
_ROUNDED = [  # each formula's answers on the pairs, however they are rounded (the ratio's own first)
    Mistake([r(m.answer(*pair)) for pair in _PAIRS], m.message) for m in _FORGET_MISTAKES for r in _ROUNDINGS
]


@register("check_steps_to_forget", reference_steps_to_forget, _FORGET_MISTAKES)
@checker
def check_steps_to_forget(func) -> None:
    """``func(decay, share)`` must return the smallest whole k with ``decay**k <= share``."""
    answers = [call(func, *pair) for pair in _PAIRS]
    if kinds := [type(a).__name__ for a in answers if not isinstance(a, Real) or isinstance(a, bool)]:
        fail(_NUMBER, kind=kinds[0])
    wants = [reference_steps_to_forget(*pair) for pair in _PAIRS]
    (d, s), k = _PAIRS[0], wants[0]
    ratio, memory, left = fmt.number(math.log(s) / math.log(d), 1), round(1 / (1 - d)), f"{d ** (k - 1):.5g}"
    if answers != wants:  # left: the share one step short, with the digits that tell it from share (0.010009)
        fields = dict(decay=d, share=s, ratio=ratio, before=k - 1, left=fmt.localize(left), memory=memory)
        recognise(answers, _ROUNDED, fields=fields, rtol=1e-9, atol=1e-9)
    for (decay, share), got, want in zip(_PAIRS, answers, wants):
        at = dict(decay=decay, share=share, kind=type(got).__name__, want=want, fewer=want - 1)
        still, already = (fmt.localize(f"{decay**n:.5g}") for n in (want - 1, want))
        if got == want and not isinstance(got, Integral):
            fail(_FLOAT, **at)
        if got - want in _OFF_BY_ONE:
            fail(_OFF_BY_ONE[got - want], still=still, already=already, **at)
        if got != want:
            fail(_EXPECTED, got=fmt.number(got, None if isinstance(got, Integral) else 3), **at)
    ok(_FORGET_RIGHT, decay=d, share=s, steps=k, times=fmt.number(k * (1 - d), 1), memory=memory)


_NO_NORM = N_("There is no BatchNormalization layer: add one right before each of the two LeakyReLUs.")
_AFTER = N_("BatchNormalization comes after the activation: move it right before each LeakyReLU.")
_OUTPUT = N_("DCGAN leaves the output unnormalised: remove the BatchNormalization after the last Conv2D.")
_SPREAD = N_("The Dense weights start with a standard deviation of {spread}: use RandomNormal(stddev=0.02).")
_BORROWED = N_("Your function calls ganlib's build_generator: write the post's layers yourself.")
_OUT_SHAPE = N_("The output must be (None, 28, 28, 1), got {shape}.")
_IN_SHAPE = N_("The input is {shape} for noise_dim={noise_dim}: write keras.Input((noise_dim,)).")
_LAYERS = N_("Apart from BatchNormalization the layers must be the post's: layer {n} is {kind}, not {post}.")
_ONE_NORM = N_("Only one BatchNormalization: the one between the {layer} and its LeakyReLU is missing.")
_NORMS = N_("There are {count} BatchNormalizations: put one between each Dense or Conv2D and its LeakyReLU.")
_SLOPES = N_("The LeakyReLU slopes are {slopes}; the post's are 0.2 (Keras' default is 0.3).")
_TANH = N_("The last layer must use tanh: the data lie in [-1, 1].")
_PARAMS = N_("The layers are in order but have {got} parameters, not {want}: check units, filters, kernels.")
_NOISE = N_("With noise_dim=16 there are {got} parameters, not {want}: noise_dim changes only the input.")
_BN_RIGHT = N_(
    "Right: {count} parameters, {extra} more than the post's generator; half of them ({half}) are the "
    "running means and variances, which are not trained."
)


def solution_bn_generator(noise_dim, block=("norm", "act"), init="post", norm_output=False):
    """The chapter's solution: the post's generator, each LeakyReLU(0.2) in a ``block`` ("norm": a
    BatchNormalization); the switches make the mistakes (``init``: the Dense kernel's, ``norm_output``)."""
    import keras
    from keras import layers

    def after():
        return [layers.BatchNormalization() if k == "norm" else layers.LeakyReLU(0.2) for k in block]

    kernel = keras.initializers.RandomNormal(stddev=0.02) if init == "post" else init
    head = [keras.Input((noise_dim,)), layers.Dense(7 * 7 * 128, kernel_initializer=kernel), *after()]
    middle = [layers.Reshape((7, 7, 128)), layers.UpSampling2D(), layers.Conv2D(64, 5, padding="same")]
    last = layers.Conv2D(1, 5, padding="same", activation=None if norm_output else "tanh")
    output = [layers.BatchNormalization(), layers.Activation("tanh")] if norm_output else []
    return keras.Sequential([*head, *middle, *after(), layers.UpSampling2D(), last, *output])


_BN_MISTAKES = [
    Mistake(lambda n: solution_bn_generator(n, block=("act",)), _NO_NORM),
    Mistake(lambda n: solution_bn_generator(n, block=("act", "norm")), _AFTER),
    Mistake(lambda n: solution_bn_generator(n, norm_output=True), _OUTPUT),
    Mistake(lambda n: solution_bn_generator(n, init="glorot_uniform"), _SPREAD),  # Keras' default
    Mistake(lambda n: solution_bn_generator(n, init="random_normal"), _SPREAD),  # its stddev: 0.05
]


def _activation(layer) -> str:
    return getattr(getattr(layer, "activation", None), "__name__", "")


def _kinds(model) -> list[str]:
    """Each layer's class name, any LeakyReLU (Keras', ganlib's, Activation("leaky_relu")) as "LeakyReLU"."""
    import keras

    layers = [x for x in model.layers if not isinstance(x, keras.layers.InputLayer)]
    leaky = [isinstance(x, keras.layers.LeakyReLU) or _activation(x) == "leaky_relu" for x in layers]
    return ["LeakyReLU" if is_leaky else type(x).__name__ for x, is_leaky in zip(layers, leaky)]


@register("check_bn_generator", solution_bn_generator, _BN_MISTAKES)
@checker
def check_bn_generator(func) -> None:
    """``func(noise_dim)``: the post's generator, a BatchNormalization right before each LeakyReLU."""
    import keras

    code = getattr(func, "__code__", None)
    if "build_generator" in (*getattr(code, "co_names", ()), *getattr(code, "co_freevars", ())):
        fail(_BORROWED)
    model, small = built_model(func, 200), built_model(func, 16)
    if tuple(model.output_shape) != (None, 28, 28, 1):
        fail(_OUT_SHAPE, shape=model.output_shape)
    for noise_dim, built in ((200, model), (16, small)):
        if tuple(built.input_shape) != (None, noise_dim):
            fail(_IN_SHAPE, noise_dim=str(noise_dim), shape=built.input_shape)
    solution = solution_bn_generator(200)
    kinds, right, got, want = _kinds(model), _kinds(solution), model.count_params(), solution.count_params()
    norms = [i for i, kind in enumerate(kinds) if kind == "BatchNormalization"]
    base, post = ([k for k in ks if k != "BatchNormalization"] for ks in (kinds, right))
    if not norms:
        fail(_NO_NORM)
    if max(norms) > max((i for i, kind in enumerate(kinds) if "Conv" in kind), default=len(kinds)):
        fail(_OUTPUT)
    if any(i > 0 and kinds[i - 1] == "LeakyReLU" for i in norms):
        fail(_AFTER)
    if base != post:
        n = next(i for i, (b, p) in enumerate(zip_longest(base, post)) if b != p)
        fail(_LAYERS, n=n + 1, kind=[*base, "—"][n], post=[*post, "—"][n])
    if len(norms) == 1:
        fail(_ONE_NORM, layer="Conv2D(64)" if norms == [1] else "Dense")
    if kinds != right:
        fail(_NORMS, count=len(norms))
    slopes = [float(x.negative_slope) for x in model.layers if isinstance(x, keras.layers.LeakyReLU)]
    if any(not math.isclose(s, 0.2) for s in slopes):
        fail(_SLOPES, slopes=", ".join(fmt.localize(f"{s:g}") for s in slopes))
    if _activation(model.layers[-1]) != "tanh":
        fail(_TANH)
    if got != want:
        fail(_PARAMS, got=got, want=want)
    dense = next(x for x in model.layers if isinstance(x, keras.layers.Dense))
    spread = float(np.std(keras.ops.convert_to_numpy(dense.kernel)))
    if not math.isclose(spread, 0.02, abs_tol=1e-3):
        fail(_SPREAD, spread=fmt.number(spread, 3))
    if small.count_params() != (expected := solution_bn_generator(16).count_params()):
        fail(_NOISE, got=small.count_params(), want=expected)
    extra = 4 * (6272 + 64)  # the BatchNormalizations' 4 numbers per feature, half of them not trained
    ok(_BN_RIGHT, count=want, extra=extra, half=extra // 2)


_WRAPS = N_("The pixels pushed out on one side come back in on the other (roll wraps): pad with −1 instead.")
_GREY = N_("What moves in is 0, mid-grey in [-1, 1]; the background is −1 (black): constant_values=-1.")
_WRONG_WAY = N_("The images move the wrong way: a positive dy moves an image down, a positive dx right.")
_DY_DX = N_("dy and dx are swapped: dy moves the rows (axis 1, down), dx the columns (axis 2, right).")
_ONE_SHIFT = N_("Every image got the first image's shift: each image i has its own (dy[i], dx[i]).")
_UNSHIFTED = N_("The images came back unshifted: move image i by dy[i] rows and dx[i] columns.")
_NOT_IMAGES = N_("Expected the shifted images (an array or tensor), got {kind}.")
_IMAGE_SHAPE = N_("The result has shape {got}; it must be {want}, like images: each image stays 28×28.")
_PIXELS = N_("For dy={dy}, dx={dx}, {count} of {total} pixels differ: (r, c) comes from (r − dy, c − dx).")
_NO_GRADIENT = N_("The shift is right, but no gradient flows back to the images: use keras.ops, not NumPy.")
_GRADIENT = N_("The gradient that flows back through your shift does not match the shift itself.")
_TRANSLATE_RIGHT = N_(
    "Right: each image moves by its own shift, the background moves in, and the gradient flows back "
    'through the shift to the pixels. GAN(augment="translation") draws dy and dx at random in −4 … 4 '
    "for every batch and shows the discriminator every image through it, the real digits and the "
    "generator's fakes, in both phases (ganlib.augment.translate)."
)


def reference_translate(images, dy, dx, fill=-1.0, wrap=False):
    """Image i moved down ``dy[i]`` and right ``dx[i]`` pixels (at most 4), ``fill`` (the background, −1)
    moving in, or with ``wrap`` what leaves on the other side."""
    images = np.asarray(images, dtype=np.float64)
    if wrap:
        return np.stack([np.roll(image, (y, x), axis=(0, 1)) for image, y, x in zip(images, dy, dx)])
    (h, w), m = images.shape[1:3], 4  # m: the largest shift, 1/8 of 28 pixels (ganlib.augment.translate)
    padded = np.pad(images, [(0, 0), (m, m), (m, m), (0, 0)], constant_values=fill)
    return np.stack([p[m - y : m - y + h, m - x : m - x + w] for p, y, x in zip(padded, dy, dx)])


def solution_translate(images, dy, dx):
    """The chapter's solution: pad with the background, cut each window with keras.ops (differentiable)."""
    from keras import ops

    h, w, m = images.shape[1], images.shape[2], 4
    padded = ops.pad(images, [[0, 0], [m, m], [m, m], [0, 0]], constant_values=-1.0)
    windows = [padded[i, m - y : m - y + h, m - x : m - x + w] for i, (y, x) in enumerate(zip(dy, dx))]
    return ops.stack(windows)


_TRANSLATE_MISTAKES = [
    Mistake(lambda im, dy, dx: reference_translate(im, dy, dx, wrap=True), _WRAPS),
    Mistake(lambda im, dy, dx: reference_translate(im, dy, dx, fill=0.0), _GREY),
    Mistake(lambda im, dy, dx: reference_translate(im, -np.asarray(dy), -np.asarray(dx)), _WRONG_WAY),
    Mistake(lambda im, dy, dx: reference_translate(im, dx, dy), _DY_DX),
    Mistake(lambda im, dy, dx: reference_translate(im, [dy[0]] * len(dy), [dx[0]] * len(dx)), _ONE_SHIFT),
    Mistake(lambda im, dy, dx: np.asarray(im, dtype=np.float64), _UNSHIFTED),
]
# Five random "images" (no pixel is background, so that any fill shows) shifted both ways, none the same
# in both directions; then one image not shifted at all. The weights: a sum of the result to differentiate.
_IMAGES = np.random.default_rng(8).uniform(-0.9, 1.0, (6, 28, 28, 1)).astype(np.float32)
_WEIGHTS = np.random.default_rng(9).standard_normal(_IMAGES.shape).astype(np.float32)
_SHIFTS = [(slice(0, 5), np.array([2, -3, 0, 4, -1]), np.array([-1, 4, 3, -4, 2])), (slice(5, 6), [0], [0])]


@register("check_translate", solution_translate, _TRANSLATE_MISTAKES)
@checker
def check_translate(func) -> None:
    """``func(images, dy, dx)``: each image shifted, the background (−1) moving in, and differentiable."""
    import tensorflow as tf

    for batch, dy, dx in _SHIFTS:
        images, weights, dy, dx = _IMAGES[batch], _WEIGHTS[batch], np.asarray(dy), np.asarray(dx)
        pixels, shown = tf.Variable(images), f"(images {images.shape}, dy={dy.tolist()}, dx={dx.tolist()})"
        with tf.GradientTape() as tape:
            result = call(func, pixels, dy, dx, shown=shown)
            try:
                got = np.asarray(result, dtype=np.float64)
            except (TypeError, ValueError):
                got = None
            if result is None or got is None:
                fail(_NOT_IMAGES, kind=type(result).__name__)
            if got.shape != images.shape:
                fail(_IMAGE_SHAPE, got=got.shape, want=images.shape)
            total = tf.reduce_sum(tf.cast(result, tf.float32) * weights)
        want = reference_translate(images, dy, dx)
        if not np.allclose(got, want, rtol=1e-5, atol=1e-6):
            recognise(got, _TRANSLATE_MISTAKES, (images, dy, dx), rtol=1e-5, atol=1e-6)
            differ = int(np.sum(~np.isclose(got, want, atol=1e-5)))
            fail(_PIXELS, dy=str(dy.tolist()), dx=str(dx.tolist()), count=differ, total=got.size)
        grad = tape.gradient(total, pixels)
        if grad is None or not np.any(grad.numpy()):
            fail(_NO_GRADIENT)
        back = reference_translate(weights, -dy, -dx, fill=0.0)  # each pixel's weight where it moved to
        if not np.allclose(grad.numpy(), back, rtol=1e-4, atol=1e-5):
            fail(_GRADIENT)
    ok(_TRANSLATE_RIGHT)
