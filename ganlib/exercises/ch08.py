"""Checkers for chapter 08's exercises: one step of the moving average (EMA), how long it remembers
where it started, the post's generator with BatchNormalization, and the differentiable shift that
augments what the discriminator sees."""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import (
    N_,
    Mistake,
    built_model,
    call,
    checker,
    fail,
    ok,
    phrase,
    recognise,
    register,
    same,
)

__all__ = ["check_ema_update", "check_steps_to_forget", "check_bn_generator", "check_translate"]

_SHAPES = [(4, 3), (7,), (2, 3, 5)]  # like a kernel, a bias and a convolution's weights
_EMA_CASES = [(0.9, 0), (0.75, 1)]  # (decay, seed): decays far from 1, so that a mistake shows


def reference_ema_update(average, current, decay):
    """A new list: each variable of the average moved (1 − decay) of the way to the generator's."""
    return [decay * a + (1 - decay) * w for a, w in zip(average, current)]


# Recognised on the variables joined into one: a list of one array in, a list of one array out.
_EMA_MISTAKES = [
    Mistake(
        lambda a, w, d: [d * y + (1 - d) * x for x, y in zip(a, w)],
        N_(
            "The roles are swapped: the weight decay goes to the average itself (a), 1 − decay to the "
            "generator's current weights (w). Your way, the average would jump almost all the way to the "
            "generator each step: nothing would be averaged."
        ),
    ),
    Mistake(
        lambda a, w, d: w,
        N_(
            "Only the generator's current weights came back: that keeps no average at all. Each step the "
            "average should move only a small step (1 − decay) towards the generator."
        ),
    ),
    Mistake(
        lambda a, w, d: list(a),
        N_("The average came back unchanged: the generator's current weights (current) play no part."),
    ),
    Mistake(
        lambda a, w, d: reference_ema_update(a, w, 0.999),
        N_(
            "decay is fixed at 0.999 inside your function: the check passes other values; use the decay "
            "argument."
        ),
    ),
]


@register("check_ema_update", reference_ema_update, _EMA_MISTAKES)
@checker
def check_ema_update(func) -> None:
    """``func(average, current, decay)`` must return a new list: ``decay·a + (1 − decay)·w`` for
    each pair of arrays, leaving its inputs unchanged."""
    arrays = "[" + ", ".join(f"ndarray{shape}" for shape in _SHAPES) + "]"
    for decay, seed in _EMA_CASES:
        rng = np.random.default_rng(seed)
        given = [[rng.standard_normal(shape).astype(np.float32) for shape in _SHAPES] for _ in "aw"]
        copies = [[x.astype(np.float64) for x in xs] for xs in given]  # what they were, to the last bit
        passed = [list(xs) for xs in given]
        got = call(func, *passed, decay, shown=f"({arrays}, {arrays}, {decay})")
        for which, now, xs, cs in zip(("average", "current"), passed, given, copies):
            if len(now) != len(xs) or not all(
                n is x and np.array_equal(n, c) for n, x, c in zip(now, xs, cs)
            ):
                fail(
                    "Your function changes its input ({which}) in place (a *= …, a[...] = … or replacing an "
                    "element of the list). Leave the inputs alone and return a new list of new arrays: "
                    "keeping the average up to date is the caller's job.",
                    which=which,
                )
        if got is None:
            fail("The function returns nothing (None): return the new list.")
        if isinstance(got, np.ndarray) or np.isscalar(got):
            fail(
                "A single {kind} came back; expected a list with one array per variable (the variables "
                "have different shapes, they do not fit in one array).",
                kind=type(got).__name__,
            )
        if not isinstance(got, (list, tuple)):
            lazy = hasattr(got, "__next__")  # a generator expression, map, zip, …
            fail(
                N_("Expected a list of arrays, got {kind}: wrap the expression in [ … ] or list(…).")
                if lazy
                else N_("Expected a list of arrays, got {kind}."),
                kind=type(got).__name__,
            )
        if len(got) != len(_SHAPES):
            fail("Expected {count} arrays (one per variable), got {got}.", count=len(_SHAPES), got=len(got))
        got = [np.asarray(g, dtype=np.float64) for g in got]
        for i, (g, shape) in enumerate(zip(got, _SHAPES)):
            if g.shape != shape:
                fail(
                    "Array {i} has shape {shape}; it must be {want}, like its variable. Each variable of the "
                    "average pairs with the generator's variable in the same place (zip).",
                    i=i,
                    shape=g.shape,
                    want=shape,
                )
        wrong = [
            not same(g, v, rtol=1e-5, atol=1e-6) for g, v in zip(got, reference_ema_update(*copies, decay))
        ]
        if not any(wrong):
            continue
        a, w, flat = (np.concatenate([x.ravel() for x in xs]) for xs in (*copies, got))
        recognise([flat], _EMA_MISTAKES, ([a], [w], decay), rtol=1e-4, atol=1e-5)
        (x, y), *_ = np.linalg.lstsq(np.stack([a, w], axis=1), flat, rcond=None)
        if not same(flat, x * a + y * w):
            fail(
                "With decay = {decay}, array {i} differs from what it should be. Each element comes from "
                "the two numbers in the same place of the average and of the generator.",
                decay=decay,
                i=wrong.index(True),
            )
        fail(
            "With decay = {decay} your result is {x}·a + {y}·w (a: average, w: generator). The two factors "
            "must be decay and 1 − decay; they add up to 1, otherwise the average grows or shrinks every "
            "step.",
            decay=decay,
            x=fmt.number(x, 3),
            y=fmt.number(y, 3),
        )
    ok(
        "Right: each step the average moves (1 − decay) of the way towards the generator, and the inputs "
        "stay as they were. GAN(ema=0.999) does exactly this for every variable of ema_generator after "
        "every training step (GAN.update_ema)."
    )


# (decay, share): the chapter's pair first; none lies on a boundary (log ratio far from whole)
_FORGET_CASES = [(0.999, 0.01), (0.9, 0.5), (0.99, 0.1), (0.6, 0.1), (0.95, 0.3), (0.9999, 0.5)]


def reference_steps_to_forget(decay, share):
    """The smallest whole k with decay**k <= share."""
    k = math.ceil(math.log(share) / math.log(decay))
    while decay**k > share:  # guard against rounding in the logarithms
        k += 1
    while k > 0 and decay ** (k - 1) <= share:
        k -= 1
    return k


# Formulas students reach for; each is recognised however it is rounded (below), the ratio's own
# roundings first. The fields describe the chapter's pair, the first case.
_FORGET_MISTAKES = [
    Mistake(
        lambda d, s: math.floor(math.log(s) / math.log(d)),
        N_(
            "One step short: you rounded down (int or floor). After {before} steps decay**k is still above "
            "share ({left} > {share}); round up."
        ),
    ),
    Mistake(
        lambda d, s: round(math.log(s) / math.log(d)),
        N_(
            "You rounded to the nearest whole number: for some pairs that is one step short and decay**k "
            "is still above share. Round up."
        ),
    ),
    Mistake(
        lambda d, s: math.log(s) / math.log(d),
        N_(
            "The result is not whole ({ratio} for decay = {decay}, share = {share}): that solves "
            "decay**k = share. Steps are whole: return the smallest whole k with decay**k <= share."
        ),
    ),
    Mistake(
        lambda d, s: math.log(d) / math.log(s),
        N_(
            "The logarithms are swapped: take the logarithm of both sides of decay**k <= share and solve "
            "for k (log(decay) is negative: mind the direction of the inequality)."
        ),
    ),
    Mistake(
        lambda d, s: 1 / (1 - d),
        N_(
            "1/(1 − decay) ({memory} for decay = {decay}) is the average's memory: the average age of what "
            "it remembers. It is not the number of steps for the starting weights' share to fall to "
            "share; it does not even depend on share."
        ),
    ),
    Mistake(
        lambda d, s: -math.log(s) / (1 - d),
        N_(
            "You used the approximation log(decay) ≈ −(1 − decay): a good estimate when decay is close to "
            "1, but not exact (a few steps too many for decay = {decay}, share = {share}). Work with the "
            "exact share, decay**k."
        ),
    ),
    Mistake(
        lambda d, s: math.log(s) / math.log(1 - d),
        N_(
            "1 − decay is the weight of the newest step. The starting weights' share is multiplied by "
            "decay at every step: after k steps it is decay**k."
        ),
    ),
]
_ROUNDINGS = (lambda v: v, math.floor, math.ceil, round)


def _share(value: float) -> str:
    """A share such as 0.0099997, with enough digits to tell it from 0.01."""
    return fmt.localize(f"{value:.5g}")


def _number(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


@register("check_steps_to_forget", reference_steps_to_forget, _FORGET_MISTAKES)
@checker
def check_steps_to_forget(func) -> None:
    """``func(decay, share)`` must return the smallest whole k with ``decay**k <= share``."""
    answers = [call(func, *case) for case in _FORGET_CASES]
    wants = [reference_steps_to_forget(*case) for case in _FORGET_CASES]
    (d, s), k = _FORGET_CASES[0], wants[0]
    if all(map(_number, answers)) and answers != wants:
        rounded = [
            Mistake([r(m.answer(*c)) for c in _FORGET_CASES], m.message)
            for m in _FORGET_MISTAKES
            for r in _ROUNDINGS
        ]
        ratio, left = fmt.number(math.log(s) / math.log(d), 1), _share(d ** (k - 1))
        fields = dict(decay=d, share=s, ratio=ratio, before=k - 1, left=left, memory=round(1 / (1 - d)))
        recognise(answers, rounded, fields=fields, rtol=1e-9, atol=1e-9)
    for (decay, share), got, want in zip(_FORGET_CASES, answers, wants):
        at = {"decay": decay, "share": share, "kind": type(got).__name__}
        if not _number(got):
            fail("decay = {decay}, share = {share}: expected a number, got {kind}.", **at)
        digits = None if isinstance(got, Integral) else 3
        at.update(want=want, got=fmt.number(got, digits), fewer=want - 1, still=_share(decay ** (want - 1)))
        at.update(already=_share(decay**want))
        if got == want and not isinstance(got, Integral):
            fail(
                "decay = {decay}, share = {share}: the value is right ({want}) but a {kind}. A number of "
                "steps is whole: return an int (math.ceil gives an int, np.ceil a float).",
                **at,
            )
        if got == want - 1:
            fail(
                "decay = {decay}, share = {share}: one step short. After {fewer} steps the start's share is "
                "still {still}, above share.",
                **at,
            )
        if got == want + 1:
            fail(
                "decay = {decay}, share = {share}: one step too many. After {want} steps the start's share "
                "is already {already}, at or below share: the smallest k is asked for.",
                **at,
            )
        if got != want:
            fail(
                "decay = {decay}, share = {share}: expected {want}, got {got}. The starting weights' share "
                "is multiplied by decay at every step: after k steps it is decay**k.",
                **at,
            )
    fields = dict(decay=d, share=s, steps=k, times=fmt.number(k * (1 - d), 1), memory=round(1 / (1 - d)))
    ok(
        "Right: with decay = {decay} the start's share falls to {share} in {steps} steps, about {times} "
        "times the average's memory 1/(1 − decay) = {memory} steps.",
        **fields,
    )


_POST_KINDS = "Dense LeakyReLU Reshape UpSampling2D Conv2D LeakyReLU UpSampling2D Conv2D".split()


def _params(noise_dim: int) -> int:
    """What Keras counts for the post's generator with both BatchNormalizations."""
    from ganlib.models import build_generator

    return build_generator(noise_dim, batch_norm=True).count_params()


def _gap(got: int, want: int) -> str:
    """E.g. "1,517,825 parameters, 25,344 more than expected"."""
    if got == want:
        return phrase("{count} parameters, as expected", count=got)
    if got > want:
        return phrase("{count} parameters, {diff} more than expected", count=got, diff=got - want)
    return phrase("{count} parameters, {diff} fewer than expected", count=got, diff=want - got)


def _build(func, noise_dim: int):
    """The student's model for ``noise_dim``, its input and output shapes checked."""
    model = built_model(func, noise_dim)
    if tuple(model.output_shape) != (None, 28, 28, 1):
        fail("The output must be (None, 28, 28, 1), got {shape}.", shape=model.output_shape)
    if tuple(model.input_shape) != (None, noise_dim):
        fail(
            "With noise_dim={noise_dim} the input must be (None, {noise_dim}), got {shape}: give keras.Input "
            "the noise_dim, not a fixed number.",
            noise_dim=str(noise_dim),
            shape=model.input_shape,
        )
    return model


def _kind(layer) -> str:
    """The layer's class name; any LeakyReLU (Keras', ganlib's, Activation("leaky_relu")) is "LeakyReLU"."""
    import keras

    leaky = isinstance(layer, keras.layers.Activation) and _activation(layer) == "leaky_relu"
    return "LeakyReLU" if leaky or isinstance(layer, keras.layers.LeakyReLU) else type(layer).__name__


def _dense_spread(model) -> float:
    """The standard deviation of the first Dense layer's freshly initialised kernel."""
    import keras

    dense = next(layer for layer in model.layers if isinstance(layer, keras.layers.Dense))
    return float(np.std(keras.ops.convert_to_numpy(dense.kernel)))


def _activation(layer) -> str:
    return getattr(getattr(layer, "activation", None), "__name__", "")


_BN_POST = N_(
    "This is the post's generator ({post} parameters): there is no BatchNormalization layer. Add one right "
    "before each of the two LeakyReLUs."
)
_BN_AFTER = N_(
    "BatchNormalization comes after the activation. Move it: normalise the output of the layer (Dense or "
    "Conv2D) and then pass it to the LeakyReLU, i.e. right before each LeakyReLU."
)
_BN_OUTPUT = N_(
    "There is a BatchNormalization on the output layer (before the tanh). DCGAN leaves the generator's "
    "output layer unnormalised: the last convolution, which makes the image, keeps its tanh activation as "
    "it is."
)
_BN_SPREAD = N_(
    "The Dense layer's initial weights have a standard deviation of {spread}; the post draws them from a "
    "normal distribution with standard deviation 0.02 (nothing else changes, its initialisation included): "
    "kernel_initializer=keras.initializers.RandomNormal(stddev=0.02)."
)


def _generator(noise_dim, block=("norm", "act"), init="post", norm_output=False):
    """The post's generator, each of its two LeakyReLUs in ``block`` ("norm": a BatchNormalization,
    "act": the LeakyReLU(0.2)), the Dense kernel initialised by ``init`` ("post": RandomNormal(0.02));
    with ``norm_output`` a BatchNormalization before the output's tanh."""
    import keras
    from keras import layers

    def after():
        return [layers.BatchNormalization() if k == "norm" else layers.LeakyReLU(0.2) for k in block]

    kernel = keras.initializers.RandomNormal(stddev=0.02) if init == "post" else init
    output = [layers.BatchNormalization(), layers.Activation("tanh")] if norm_output else []
    return keras.Sequential(
        [
            keras.Input((noise_dim,)),
            layers.Dense(7 * 7 * 128, kernel_initializer=kernel),
            *after(),
            layers.Reshape((7, 7, 128)),
            layers.UpSampling2D(),
            layers.Conv2D(64, 5, padding="same"),
            *after(),
            layers.UpSampling2D(),
            layers.Conv2D(1, 5, padding="same", activation=None if norm_output else "tanh"),
            *output,
        ]
    )


def solution_bn_generator(noise_dim):
    """The chapter's solution: the post's generator, a BatchNormalization right before each LeakyReLU."""
    return _generator(noise_dim)


# Each as a student would build it; the checker says what is wrong by looking at the model it builds.
_BN_MISTAKES = [
    Mistake(lambda noise_dim: _generator(noise_dim, block=("act",)), _BN_POST),
    Mistake(lambda noise_dim: _generator(noise_dim, block=("act", "norm")), _BN_AFTER),
    Mistake(lambda noise_dim: _generator(noise_dim, norm_output=True), _BN_OUTPUT),
    Mistake(lambda noise_dim: _generator(noise_dim, init="glorot_uniform"), _BN_SPREAD),  # Keras' default
    Mistake(lambda noise_dim: _generator(noise_dim, init="random_normal"), _BN_SPREAD),  # its stddev: 0.05
]


@register("check_bn_generator", solution_bn_generator, _BN_MISTAKES)
@checker
def check_bn_generator(func) -> None:
    """``func(noise_dim)`` must build the post's generator with a BatchNormalization right before
    each of its two LeakyReLUs, and nothing else changed (1,492,481 parameters at noise_dim 200)."""
    import keras

    code = getattr(func, "__code__", None)
    if "build_generator" in (*getattr(code, "co_names", ()), *getattr(code, "co_freevars", ())):
        fail(
            "Your function calls ganlib's build_generator. The exercise is to write the layers yourself: "
            "list the post's layers, in order, inside keras.Sequential."
        )
    model = _build(func, 200)
    want, got = _params(200), model.count_params()
    post = want - 4 * (6272 + 64)  # without the BatchNormalizations' 4 numbers per feature
    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    kinds = [_kind(layer) for layer in layers]
    base, n_bn = [k for k in kinds if k != "BatchNormalization"], kinds.count("BatchNormalization")
    if n_bn == 0 and got == post:
        fail(_BN_POST, post=post)
    if n_bn == 0:
        fail("There is no BatchNormalization layer ({gap}).", gap=_gap(got, want))
    convs = [i for i, k in enumerate(kinds) if k in ("Conv2D", "Conv2DTranspose")]
    if convs and "BatchNormalization" in kinds[convs[-1] + 1 :]:
        fail(_BN_OUTPUT)
    if any(k == "BatchNormalization" and i > 0 and kinds[i - 1] == "LeakyReLU" for i, k in enumerate(kinds)):
        fail(_BN_AFTER)
    if base != _POST_KINDS:
        where = next((i for i, (b, p) in enumerate(zip(base, _POST_KINDS)) if b != p), None)
        if where is None:
            detail = phrase("expected {count} layers, found {found}", count=len(_POST_KINDS), found=len(base))
        else:
            detail = phrase(
                "layer {n} is {kind} where the post has {post}",
                n=where + 1,
                kind=base[where],
                post=_POST_KINDS[where],
            )
        fail(
            "Apart from the BatchNormalizations, the layers must be the post's generator's ({detail}; "
            "{gap}). Only add the two BatchNormalizations; change nothing else.",
            detail=detail,
            gap=_gap(got, want),
        )
    if n_bn == 1:
        fail(
            "There is only one BatchNormalization; the one between the {layer} and its LeakyReLU is "
            "missing. Each of the two LeakyReLUs needs one right before it.",
            layer="Dense" if kinds[1] != "BatchNormalization" else "Conv2D(64)",
        )
    if n_bn != 2 or any(
        k == "BatchNormalization"
        and (kinds[i - 1] not in ("Dense", "Conv2D") or kinds[i + 1 : i + 2] != ["LeakyReLU"])
        for i, k in enumerate(kinds)
    ):
        fail(
            "There are {count} BatchNormalizations; there must be exactly two, each between a layer (Dense "
            "or Conv2D) and its LeakyReLU.",
            count=n_bn,
        )
    slopes = [float(layer.negative_slope) for layer in layers if isinstance(layer, keras.layers.LeakyReLU)]
    if any(not math.isclose(s, 0.2) for s in slopes):
        fail(
            "The LeakyReLU slopes are {slopes}; they must be 0.2 as in the post (Keras' default is 0.3: "
            "write LeakyReLU(0.2)).",
            slopes=", ".join(fmt.localize(f"{s:g}") for s in slopes),
        )
    if _activation(layers[-1]) != "tanh":
        fail("The last layer must use tanh: the data lie in [-1, 1].")
    if got != want:
        fail(
            "The layers are in the right order, but {gap}. Compare the units, filters, kernel sizes and the "
            "BatchNormalization's settings (the defaults) with the post's generator.",
            gap=_gap(got, want),
        )
    spread = _dense_spread(model)
    if not math.isclose(spread, 0.02, abs_tol=0.001):
        fail(_BN_SPREAD, spread=fmt.number(spread, 3))
    if (small := _build(func, 16).count_params()) != _params(16):
        fail(
            "With noise_dim=16: {gap}: the noise size should change only the number of inputs of the first "
            "layer.",
            gap=_gap(small, _params(16)),
        )
    ok(
        "Right: {count} parameters, {extra} more than the post's generator; half of them ({half}) are the "
        "running means and variances, which are not trained.",
        count=want,
        extra=want - post,
        half=(want - post) // 2,
    )


# ---------------------------------------------------------------------------------------------
# The differentiable shift of DiffAugment's "translation" (ganlib.augment.translate, with the shifts
# given instead of drawn): each image moves by its own (dy, dx), the background −1 moves in.

_MOST = 4  # the largest shift: 1/8 of 28 pixels, as ganlib.augment.translate
_BACKGROUND = -1.0


def _shift(images, dy, dx, fill=_BACKGROUND, wrap=False):
    """NumPy: image i moved down dy[i] and right dx[i] pixels (``fill`` moves in, or with ``wrap`` what
    left on the other side)."""
    images = np.asarray(images, dtype=np.float64)
    out = np.empty_like(images)
    _, h, w, _ = images.shape
    for i, (y, x) in enumerate(zip(np.asarray(dy).tolist(), np.asarray(dx).tolist())):
        if wrap:
            out[i] = np.roll(images[i], (y, x), axis=(0, 1))
            continue
        padded = np.pad(images[i], [(_MOST, _MOST), (_MOST, _MOST), (0, 0)], constant_values=fill)
        out[i] = padded[_MOST - y : _MOST - y + h, _MOST - x : _MOST - x + w]
    return out


def reference_translate(images, dy, dx):
    """Image i shifted down ``dy[i]`` and right ``dx[i]`` pixels (at most 4 each way); what moves in
    is background (−1)."""
    return _shift(images, dy, dx)


def _translate_cases():
    """Five random 28×28 "images" (no pixel is background, so that every fill shows) with shifts of
    both signs, none the same in both directions; then a batch of one with no shift at all."""
    rng = np.random.default_rng(8)
    images = rng.uniform(-0.9, 1.0, (5, 28, 28, 1)).astype(np.float32)
    dy, dx = np.array([2, -3, 0, 4, -1]), np.array([-1, 4, 3, -4, 2])
    still = rng.uniform(-0.9, 1.0, (1, 28, 28, 1)).astype(np.float32)
    return [(images, dy, dx), (still, np.array([0]), np.array([0]))]


_TRANSLATE_MISTAKES = [
    Mistake(
        lambda im, dy, dx: _shift(im, dy, dx, wrap=True),
        N_(
            "The pixels pushed out on one side come back in on the other (np.roll / ops.roll wraps "
            "around): a 7 shifted right would grow a stroke on its left edge. Pad with the background "
            "(−1) and cut the 28×28 window out of the padded image instead."
        ),
    ),
    Mistake(
        lambda im, dy, dx: _shift(im, dy, dx, fill=0.0),
        N_(
            "What moves in is 0, which is mid-grey in [-1, 1]: the shifted digits get grey borders that "
            "no real digit has. The background is −1 (black): pad with constant_values=-1."
        ),
    ),
    Mistake(
        lambda im, dy, dx: _shift(im, -np.asarray(dy), -np.asarray(dx)),
        N_(
            "The images move the wrong way: a positive dy moves an image down (row r of the result is "
            "row r − dy of the image) and a positive dx to the right."
        ),
    ),
    Mistake(
        lambda im, dy, dx: _shift(im, dx, dy),
        N_("dy and dx are swapped: dy moves the rows (axis 1, down), dx the columns (axis 2, right)."),
    ),
    Mistake(
        lambda im, dy, dx: _shift(im, np.full(len(dy), dy[0]), np.full(len(dx), dx[0])),
        N_(
            "Every image got the first image's shift. Each image has its own (dy[i], dx[i]): one "
            "shift for the whole batch would move real and fake digits together, always the same way."
        ),
    ),
    Mistake(
        lambda im, dy, dx: np.asarray(im, dtype=np.float64),
        N_("The images came back unshifted: move image i by dy[i] rows and dx[i] columns."),
    ),
]


def _as_array(result, shape):
    """The student's result as a float array of ``shape``, or a message."""
    import keras

    if result is None:
        fail("The function returns nothing (None): return the shifted images.")
    try:
        array = np.asarray(keras.ops.convert_to_numpy(result), dtype=np.float64)
    except (TypeError, ValueError):
        fail("Expected an array or tensor of images, got {kind}.", kind=type(result).__name__)
    if array.shape != shape:
        fail(
            "The result has shape {got}; it must be {want}, the shape of images: each image keeps its "
            "28×28 size (cut the window out of the padded image).",
            got=array.shape,
            want=shape,
        )
    return array


def _translate_flows(func) -> None:
    """The shift must be differentiable: the generator learns through it. The gradient of a weighted
    sum of the result, with respect to the images, is the weights shifted back."""
    import tensorflow as tf

    (images, dy, dx), *_ = _translate_cases()
    pixels = tf.Variable(images)
    weights = np.random.default_rng(9).standard_normal(images.shape).astype(np.float32)
    with tf.GradientTape() as tape:
        shifted = call(func, pixels, dy, dx, shown="(a tf.Variable of images, dy, dx)")
        try:
            total = tf.reduce_sum(tf.convert_to_tensor(shifted, dtype=tf.float32) * weights)
        except (TypeError, ValueError):
            fail("Expected an array or tensor of images, got {kind}.", kind=type(shifted).__name__)
    grad = tape.gradient(total, pixels)
    if grad is None or not np.any(grad.numpy()):
        fail(
            "The shift is right, but no gradient flows back through it to the images: somewhere the "
            "tensor became a NumPy array (np.pad, np.array, .numpy()), and TensorFlow's tape lost track. "
            "The generator learns only through what the discriminator sees: write the shift with "
            "keras.ops (ops.pad, slicing, ops.stack) so that it stays differentiable."
        )
    # each pixel's gradient is the weight of the place it moved to (0 if it moved out of the picture)
    if not same(grad.numpy(), _shift(weights, -dy, -dx, fill=0.0), rtol=1e-4, atol=1e-5):
        fail("The gradient that flows back through your shift does not match the shift itself.")


def solution_translate(images, dy, dx):
    """The chapter's solution: pad with the background, cut each image's window (keras.ops: the
    gradient flows)."""
    from keras import ops

    height, width = images.shape[1], images.shape[2]
    padded = ops.pad(images, [[0, 0], [_MOST, _MOST], [_MOST, _MOST], [0, 0]], constant_values=_BACKGROUND)
    windows = [
        padded[i, _MOST - y : _MOST - y + height, _MOST - x : _MOST - x + width]
        for i, (y, x) in enumerate(zip(dy, dx))
    ]
    return ops.stack(windows)


@register("check_translate", solution_translate, _TRANSLATE_MISTAKES)
@checker
def check_translate(func) -> None:
    """``func(images, dy, dx)`` must shift image i down ``dy[i]`` and right ``dx[i]`` pixels with the
    background (−1) moving in, and let gradients flow back to the images."""
    import tensorflow as tf

    for images, dy, dx in _translate_cases():
        shown = f"(images {images.shape}, dy={dy.tolist()}, dx={dx.tolist()})"
        got = call(func, tf.constant(images), dy, dx, shown=shown)
        got = _as_array(got, images.shape)
        want = reference_translate(images, dy, dx)
        if not same(got, want, rtol=1e-5, atol=1e-6):
            recognise(got, _TRANSLATE_MISTAKES, (images, dy, dx), rtol=1e-5, atol=1e-6)
            fail(
                "For dy={dy}, dx={dx} the shifted images differ from what they should be in {count} of "
                "{total} pixels. Row r, column c of image i should be row r − dy[i], column c − dx[i] of "
                "the image, or −1 where that lies outside it.",
                dy=str(dy.tolist()),
                dx=str(dx.tolist()),
                count=int(np.sum(~np.isclose(got, want, atol=1e-5))),
                total=int(got.size),
            )
    _translate_flows(func)
    ok(
        "Right: each image moves by its own shift, the background moves in, and the gradient flows back "
        'through the shift to the pixels. GAN(augment="translation") draws dy and dx at random in −4 … 4 '
        "for every batch and shows the discriminator every image through it, the real digits and the "
        "generator's fakes, in both phases (ganlib.augment.translate)."
    )
