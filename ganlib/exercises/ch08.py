"""Checkers for chapter 08's exercises: the EMA step, steps to forget, the BatchNorm generator, the shift."""

import math

import numpy as np

from .. import fmt
from ._core import N_, Mistake, built_model, call, checker, fail, ok, recognise, register, scalar

__all__ = ["check_ema_update", "check_steps_to_forget", "check_bn_generator", "check_translate"]

_SHAPED = N_("Expected a result shaped {want}, got {got}.")
_SWAPPED = N_("The roles are swapped: decay weighs the average (a), 1 − decay the generator's weights (w).")
_AS_IT_WAS = N_("An input came back as it was: move the average (1 − decay) of the way towards current.")
_FIXED = N_("decay is fixed at 0.999 inside your function: use the decay argument, the check passes others.")
_IN_PLACE = N_("Your function changes its input ({which}) in place: leave it alone and return a new list.")
_NOT_MIXED = N_("With decay = {decay} the result is not decay·a + (1 − decay)·w (nearest: {x}·a + {y}·w).")
_SHAPES = [(4, 3), (7,), (2, 3, 5)]  # like a kernel, a bias and a convolution's weights


def reference_ema_update(average, current, decay):
    """A new list: each variable of the average moved (1 − decay) of the way to the generator's."""
    return [decay * a + (1 - decay) * w for a, w in zip(average, current)]


# Recognised on the variables joined into one: a list of one array in, a list of one array out.
_EMA_MISTAKES = [
    Mistake(lambda a, w, d: reference_ema_update(w, a, d), _SWAPPED),
    Mistake(lambda a, w, d: w, _AS_IT_WAS),
    Mistake(lambda a, w, d: list(a), _AS_IT_WAS),
    Mistake(lambda a, w, d: reference_ema_update(a, w, 0.999), _FIXED),
]


@register("check_ema_update", reference_ema_update, _EMA_MISTAKES)
@checker
def check_ema_update(func) -> None:
    """``func(average, current, decay)``: a new list ``[decay·a + (1 − decay)·w, …]``, inputs unchanged."""
    arrays = "[" + ", ".join(f"ndarray{shape}" for shape in _SHAPES) + "]"
    for decay, seed in [(0.9, 0), (0.75, 1)]:  # decays far from 1, so that a mistake shows
        rng = np.random.default_rng(seed)
        given = [[rng.standard_normal(shape).astype(np.float32) for shape in _SHAPES] for _ in "aw"]
        kept = [[x.copy() for x in xs] for xs in given]
        got = call(func, *given, decay, shown=f"({arrays}, {arrays}, {decay})")
        for which, now, was in zip(("average", "current"), given, kept):
            if [np.asarray(x).tolist() for x in now] != [x.tolist() for x in was]:
                fail(_IN_PLACE, which=which)
        shapes = [np.shape(x) for x in got] if isinstance(got, (list, tuple)) else type(got).__name__
        if shapes != _SHAPES:
            fail(_SHAPED, want=str(_SHAPES), got=str(shapes))
        a, w, flat = (np.concatenate([np.ravel(x) for x in xs]).astype(np.float64) for xs in (*kept, got))
        if not np.allclose(flat, decay * a + (1 - decay) * w, rtol=1e-5, atol=1e-6):
            recognise([flat], _EMA_MISTAKES, ([a], [w], decay))
            (x, y), *_ = np.linalg.lstsq(np.stack([a, w], axis=1), flat, rcond=None)
            fail(_NOT_MIXED, decay=decay, x=fmt.number(x, 3), y=fmt.number(y, 3))
    ok(
        "Right: each step the average moves (1 − decay) of the way towards the generator, and the inputs "
        "stay as they were. GAN(ema=0.999) does exactly this for every variable of ema_generator after "
        "every training step (GAN.update_ema)."
    )


_ROUND_UP = N_("k is the smallest whole number with decay**k <= share: round the log ratio up (ceil).")
_LOGS = N_("The logarithms are swapped: solve decay**k <= share for k (log(decay) < 0 flips the inequality).")
_MEMORY = N_("1/(1 − decay) is the average's memory; it ignores share. The start's share is decay**k.")
_APPROX = N_("You used log(decay) ≈ −(1 − decay): an approximation, a few steps too many. Use decay**k.")
_NEWEST = N_("1 − decay is the weight of the newest step; the start's share after k steps is decay**k.")
_STEPS = N_("decay = {decay}, share = {share}: k = {want}, not {got} (decay**k: {still} at k−1, {now} at k).")
_FORGET_RIGHT = N_(
    "Right: with decay = {decay} the start's share falls to {share} in {steps} steps, about {times} "
    "times the average's memory 1/(1 − decay) = {memory} steps."
)
# (decay, share): the chapter's pair first; none lies on a boundary (log ratio far from whole)
_PAIRS = [(0.999, 0.01), (0.9, 0.5), (0.99, 0.1), (0.6, 0.1), (0.95, 0.3), (0.9999, 0.5)]


def reference_steps_to_forget(decay, share):
    """The smallest whole k with decay**k <= share."""
    return math.ceil(math.log(share) / math.log(decay))


# Formulas students reach for, recognised on all the pairs.
_FORGET_MISTAKES = [
    Mistake(lambda d, s: math.floor(math.log(s) / math.log(d)), _ROUND_UP),
    Mistake(lambda d, s: round(math.log(s) / math.log(d)), _ROUND_UP),
    Mistake(lambda d, s: math.log(s) / math.log(d), _ROUND_UP),
    Mistake(lambda d, s: math.log(d) / math.log(s), _LOGS),
    Mistake(lambda d, s: 1 / (1 - d), _MEMORY),
    Mistake(lambda d, s: -math.log(s) / (1 - d), _APPROX),
    Mistake(lambda d, s: math.log(s) / math.log(1 - d), _NEWEST),
]
_ROUNDS = (float, math.floor, math.ceil, round)  # however the formula's answers are rounded
_ROUNDED = [Mistake([r(m.answer(*p)) for p in _PAIRS], m.message) for m in _FORGET_MISTAKES for r in _ROUNDS]


@register("check_steps_to_forget", reference_steps_to_forget, _FORGET_MISTAKES)
@checker
def check_steps_to_forget(func) -> None:
    """``func(decay, share)`` must return the smallest whole k with ``decay**k <= share``, as an int."""
    answers = [call(func, *pair) for pair in _PAIRS]
    got, want = [scalar(a) for a in answers], [reference_steps_to_forget(*pair) for pair in _PAIRS]
    for (decay, share), answer, g, w in zip(_PAIRS, answers, got, want):
        if g != w:
            recognise(got, _ROUNDED, rtol=1e-9, atol=1e-9)
            still, now = (fmt.localize(f"{decay**n:.5g}") for n in (w - 1, w))  # digits that tell them apart
            fail(_STEPS, decay=decay, share=share, want=w, got=answer, still=still, now=now)
    if kinds := [type(a).__name__ for a in answers if not isinstance(a, (int, np.integer))]:
        fail("The values are right, but a {kind}: return the number of steps as an int.", kind=kinds[0])
    (d, s), k = _PAIRS[0], want[0]
    ok(_FORGET_RIGHT, decay=d, share=s, steps=k, times=fmt.number(k * (1 - d), 1), memory=round(1 / (1 - d)))


_BEFORE = N_("There is no BatchNormalization right before each LeakyReLU: put one there, not after it.")
_OUTPUT = N_("DCGAN leaves the output unnormalised: remove the BatchNormalization after the last Conv2D.")
_SPREAD = N_("The Dense weights start with a standard deviation of {spread}: use RandomNormal(stddev=0.02).")
_LAYER = N_("With noise_dim={noise_dim}, layer {n} is {got}, where the chapter's generator has {want}.")
_PARAMS = N_("With noise_dim={noise_dim} there are {got} parameters, not {want}: check kernels and biases.")
_BN_RIGHT = N_(
    "Right: {count} parameters, {extra} more than the post's generator; half of them ({half}) are the "
    "running means and variances, which are not trained."
)


def solution_bn_generator(noise_dim, block=("norm", "act"), init="post", norm_output=False):
    """The post's generator, a BatchNormalization before each LeakyReLU(0.2); the switches make mistakes."""
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
    Mistake(lambda n: solution_bn_generator(n, block=("act",)), _BEFORE),
    Mistake(lambda n: solution_bn_generator(n, block=("act", "norm")), _BEFORE),  # after the activation
    Mistake(lambda n: solution_bn_generator(n, norm_output=True), _OUTPUT),
    Mistake(lambda n: solution_bn_generator(n, init="glorot_uniform"), _SPREAD),  # Keras' default
    Mistake(lambda n: solution_bn_generator(n, init="random_normal"), _SPREAD),  # its stddev: 0.05
]


def _described(model) -> list[str]:
    """Input, each layer (its kind, any LeakyReLU as one with its slope; activation; output shape), output."""
    from keras import layers

    said = [f"Input {model.input_shape}"]
    for x in (x for x in model.layers if not isinstance(x, layers.InputLayer)):
        act = getattr(getattr(x, "activation", None), "__name__", "linear")
        leaky = isinstance(x, layers.LeakyReLU) or act == "leaky_relu"
        kind = f"LeakyReLU({float(getattr(x, 'negative_slope', 0.2)):g})" if leaky else type(x).__name__
        said.append(kind + ("" if leaky or act == "linear" else f"({act})") + f" → {tuple(x.output.shape)}")
    return [*said, f"Output {model.output_shape}"]


@register("check_bn_generator", solution_bn_generator, _BN_MISTAKES)
@checker
def check_bn_generator(func) -> None:
    """``func(noise_dim)``: the post's generator, a BatchNormalization right before each LeakyReLU."""
    code = getattr(func, "__code__", None)
    if "build_generator" in (*getattr(code, "co_names", ()), *getattr(code, "co_freevars", ())):
        fail("Your function calls ganlib's build_generator: write the post's layers yourself.")
    for noise_dim in (200, 16):  # noise_dim changes only the input
        model, solution = built_model(func, noise_dim), solution_bn_generator(noise_dim)
        got, want = _described(model), _described(solution)
        kinds = [d.split(" ")[0].split("(")[0] for d in got]  # "Dense", "LeakyReLU", …
        last_conv = max((i for i, k in enumerate(kinds) if k == "Conv2D"), default=len(kinds))
        if "BatchNormalization" in kinds[last_conv:]:
            fail(_OUTPUT)
        if any(kinds[i - 1] != "BatchNormalization" for i, k in enumerate(kinds) if k == "LeakyReLU"):
            fail(_BEFORE)
        if got != want:
            n = next(i for i, (g, w) in enumerate(zip(got, want)) if g != w)
            fail(_LAYER, noise_dim=noise_dim, n=n, got=got[n], want=want[n])
        if model.count_params() != solution.count_params():
            fail(_PARAMS, noise_dim=noise_dim, got=model.count_params(), want=solution.count_params())
        spread = float(np.std(next(x.kernel for x in model.layers if hasattr(x, "kernel"))))  # the Dense's
        if not math.isclose(spread, 0.02, abs_tol=1e-3):
            fail(_SPREAD, spread=fmt.number(spread, 3))
    extra = 4 * (6272 + 64)  # the BatchNormalizations' 4 numbers per feature, half of them not trained
    ok(_BN_RIGHT, count=solution_bn_generator(200).count_params(), extra=extra, half=extra // 2)


_WRAPS = N_("The pixels pushed out on one side come back in on the other (roll wraps): pad with −1 instead.")
_GREY = N_("What moves in is 0, mid-grey in [-1, 1]; the background is −1 (black): constant_values=-1.")
_WRONG_WAY = N_("The images move the wrong way: a positive dy moves an image down, a positive dx right.")
_DY_DX = N_("dy and dx are swapped: dy moves the rows (axis 1, down), dx the columns (axis 2, right).")
_ONE_SHIFT = N_("Every image got the first image's shift: each image i has its own (dy[i], dx[i]).")
_UNSHIFTED = N_("The images came back unshifted: move image i by dy[i] rows and dx[i] columns.")
_PIXELS = N_("For dy={dy}, dx={dx} the pixels are misplaced: (r, c) comes from (r − dy, c − dx), or is −1.")


def solution_translate(images, dy, dx, fill=-1.0, wrap=False):
    """Image i moved down dy[i], right dx[i] (≤ 4) by keras.ops, ``fill`` moving in (``wrap``: a mistake)."""
    from keras import ops

    if wrap:
        return ops.stack([ops.roll(im, (int(y), int(x)), axis=(0, 1)) for im, y, x in zip(images, dy, dx)])
    h, w = images.shape[1:3]
    padded = ops.pad(images, [[0, 0], [4, 4], [4, 4], [0, 0]], constant_values=fill)
    return ops.stack([p[4 - y : 4 - y + h, 4 - x : 4 - x + w] for p, y, x in zip(padded, dy, dx)])


_TRANSLATE_MISTAKES = [
    Mistake(lambda im, dy, dx: solution_translate(im, dy, dx, wrap=True), _WRAPS),
    Mistake(lambda im, dy, dx: solution_translate(im, dy, dx, fill=0.0), _GREY),
    Mistake(lambda im, dy, dx: solution_translate(im, -np.asarray(dy), -np.asarray(dx)), _WRONG_WAY),
    Mistake(lambda im, dy, dx: solution_translate(im, dx, dy), _DY_DX),
    Mistake(lambda im, dy, dx: solution_translate(im, [dy[0]] * len(dy), [dx[0]] * len(dx)), _ONE_SHIFT),
    Mistake(lambda im, dy, dx: im, _UNSHIFTED),
]
# Random "images" (no pixel is background) shifted both ways, none the same in both; then one not shifted.
_IMAGES = np.random.default_rng(8).uniform(-0.9, 1.0, (6, 28, 28, 1)).astype(np.float32)
_SHIFTS = [(slice(0, 5), [2, -3, 0, 4, -1], [-1, 4, 3, -4, 2]), (slice(5, 6), [0], [0])]


@register("check_translate", solution_translate, _TRANSLATE_MISTAKES)
@checker
def check_translate(func) -> None:
    """``func(images, dy, dx)``: each image shifted, the background (−1) moving in, and differentiable."""
    import tensorflow as tf

    for batch, dy, dx in _SHIFTS:
        images, dy, dx = _IMAGES[batch], np.array(dy), np.array(dx)
        pixels, weights = tf.Variable(images), images[:, ::-1]  # weights: of a sum of the result
        shown = f"(images {images.shape}, dy={dy.tolist()}, dx={dx.tolist()})"
        with tf.GradientTape() as tape:
            result = call(func, pixels, dy, dx, shown=shown)
            shape = tuple(result.shape) if hasattr(result, "shape") else type(result).__name__
            if shape != images.shape:
                fail(_SHAPED, want=images.shape, got=shape)
            total = tf.reduce_sum(tf.cast(result, tf.float32) * weights)
        if not np.allclose(result, solution_translate(images, dy, dx), rtol=1e-5, atol=1e-6):
            recognise(result, _TRANSLATE_MISTAKES, (images, dy, dx), rtol=1e-5, atol=1e-6)
            fail(_PIXELS, dy=str(dy.tolist()), dx=str(dx.tolist()))
        grad, back = tape.gradient(total, pixels), solution_translate(weights, -dy, -dx, fill=0.0)
        if grad is None or not np.allclose(grad, back, rtol=1e-4, atol=1e-5):
            fail("The shift is right, but no gradient flows back through it to the images: use keras.ops.")
    ok(
        "Right: each image moves by its own shift, the background moves in, and the gradient flows back "
        'through the shift to the pixels. GAN(augment="translation") draws dy and dx at random in −4 … 4 '
        "for every batch and shows the discriminator every image through it, the real digits and the "
        "generator's fakes, in both phases (ganlib.augment.translate)."
    )
