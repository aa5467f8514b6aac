"""Checkers for chapter 08's exercises: one step of the moving average (EMA), how long it remembers
where it started, and the post's generator with BatchNormalization."""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, phrase, recognise, register, same

__all__ = ["check_ema_update", "check_steps_to_forget", "check_bn_generator"]

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
    import keras

    model = call(func, noise_dim)
    if model is None:
        fail("The function returns nothing (None): return the model you build.")
    if not isinstance(model, keras.Model):
        fail("Expected a keras.Model (e.g. keras.Sequential), got {kind}.", kind=type(model).__name__)
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


def _activation(layer) -> str:
    return getattr(getattr(layer, "activation", None), "__name__", "")


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
        fail(
            "This is the post's generator ({post} parameters): there is no BatchNormalization layer. Add "
            "one right before each of the two LeakyReLUs.",
            post=post,
        )
    if n_bn == 0:
        fail("There is no BatchNormalization layer ({gap}).", gap=_gap(got, want))
    convs = [i for i, k in enumerate(kinds) if k in ("Conv2D", "Conv2DTranspose")]
    if convs and "BatchNormalization" in kinds[convs[-1] + 1 :]:
        fail(
            "There is a BatchNormalization on the output layer (before the tanh). DCGAN leaves the "
            "generator's output layer unnormalised: the last convolution, which makes the image, keeps its "
            "tanh activation as it is."
        )
    if any(k == "BatchNormalization" and i > 0 and kinds[i - 1] == "LeakyReLU" for i, k in enumerate(kinds)):
        fail(
            "BatchNormalization comes after the activation. Move it: normalise the output of the layer "
            "(Dense or Conv2D) and then pass it to the LeakyReLU, i.e. right before each LeakyReLU."
        )
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
