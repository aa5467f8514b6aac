"""Checkers for chapter 09's exercises: the digit joined to the noise, wrong labels for real digits, a
discriminator blind to the digit, and the batch of a matching-aware discriminator."""

from __future__ import annotations

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import (
    N_,
    Mistake,
    call,
    checker,
    crash_text,
    fail,
    ok,
    phrase,
    recognise,
    register,
    same,
)

__all__ = [
    "check_join_digit",
    "check_wrong_digits",
    "check_blind_discriminator",
    "check_matching_aware_batch",
]


def reference_join_digit(z, digits):
    """Each noise vector followed by the one-hot code of its digit: float32 (n, noise_dim + 10)."""
    return _rows(np.asarray(z, dtype=np.float32), _code(digits))


def _rows(*parts):
    return np.concatenate(parts, axis=1)


def _code(digits, width=10):
    return np.eye(width, dtype=np.float32)[np.asarray(digits, dtype=int)]


def _one_hot(code) -> np.ndarray:
    """For each row of ``code``: is it a one-hot code (one 1, the rest 0)?"""
    return np.all((code == 0) | (code == 1), axis=1) & (code.sum(axis=1) == 1)


# (noise_dim, digits): the post's noise size and small ones; numpy ints, a list, MNIST's uint8 labels.
# The first case holds 0 and 9, so codes shifted by one or eleven columns wide show at once; the
# second (a list whose largest digit is 4) shows a code only as wide as the batch's largest digit.
_JOIN_CASES = [
    (200, np.array([3, 0, 9, 5, 1, 7])),
    (3, [1, 2, 3, 4]),
    (16, np.arange(10, dtype=np.int32)[::-1]),
    (5, np.array([8, 0], dtype=np.uint8)),
]
_SHIFTED = N_(
    "The codes are shifted by one column (np.eye(10)[digits {sign} 1]?): digit d has its 1 in column "
    "d {sign} 1, digit 0 in column {zero}. Each digit still gets a code of its own, but not the code the "
    "chapter's generator reads: ask it for a 3 this way and it would draw a {drawn}. Digit d needs its 1 "
    "in column d: np.eye(10)[digits]."
)
_CODE_FIRST = N_(
    "The code comes before the noise. The order matters: the first noise_dim rows of the Dense layer's "
    "weight matrix (0 … noise_dim − 1) read the noise and its last ten rows read the digit (200 … 209 at "
    "noise_dim = 200). First z, then the code: np.concatenate([z, code], axis=1)."
)
# Each known mistake as the wrong code it is. It is recognised by giving the same rows or, where its
# rows have another shape than the right ones, by that shape alone (whatever the numbers).
_JOIN_MISTAKES = [
    Mistake(lambda z, d: _rows(_code(d), z), _CODE_FIRST),  # with any one-hot code first: see below
    Mistake(lambda z, d: _rows(z, _code(np.asarray(d, int) - 1)), _SHIFTED, dict(sign="−", zero=9, drawn=2)),
    Mistake(lambda z, d: _rows(z, _code(np.add(d, 1) % 10)), _SHIFTED, dict(sign="+", zero=1, drawn=4)),
    Mistake(
        lambda z, d: np.append(z, _code(d)),
        N_(
            "A flat array came back ({size} numbers): the noise and the code must be joined row by row, "
            "np.concatenate([z, code], axis=1). (np.append without axis flattens the array.)"
        ),
    ),
    Mistake(
        lambda z, d: _rows(z, np.asarray(d, np.float32)[:, None]),
        N_(
            "The rows are {columns} numbers long: the digit was appended to the noise as one number. The "
            "Dense layer would then see the digits on a scale (a 7 is seven times a 1), while each digit "
            "needs weights of its own. Turn the digit into its one-hot code of ten numbers: a 1 in column "
            "d, 0 elsewhere (np.eye(10)[digits])."
        ),
    ),
    Mistake(
        lambda z, d: _rows(z, _code(d, 11)),
        N_(
            "The code is eleven columns wide (the rows are {columns} numbers): np.eye(11)? There are ten "
            "digits, 0 to 9, so the one-hot code has ten columns: np.eye(10)[digits]."
        ),
    ),
    Mistake(  # keras.utils.to_categorical(digits), not told the number of classes
        lambda z, d: _rows(z, _code(d, np.max(d) + 1)),
        N_(
            "With digits = {digits} the code is only {cut} columns wide: cut at this batch's largest digit "
            "({top}). keras.utils.to_categorical guesses the number of classes from the digits unless told; "
            "ask for ten columns yourself: to_categorical(digits, 10) or np.eye(10)[digits]. The generator "
            "reads the same ten columns in every batch."
        ),
    ),
    Mistake(
        lambda z, d: z,
        N_(
            "The rows are only noise_dim = {noise_dim} numbers long: the digit's ten columns are missing. "
            "Append each digit's one-hot code to its row."
        ),
    ),
    Mistake(
        lambda z, d: _code(d),
        N_(
            "The rows hold only the digit's ten columns; the noise is missing: the generator reads both, "
            "first the noise, then the code."
        ),
    ),
]


def _joined(func, z, digits) -> np.ndarray:
    """The student's rows for one case, checked for all that is not about their numbers."""
    z_before, digits_before = z.copy(), np.array(digits)
    got = call(func, z, digits, shown=f"(z: ndarray{z.shape} float32, digits: {digits!r})")
    if not np.array_equal(z, z_before):
        fail(
            "Your function changes the noise (z) in place (z[...] = …, z *= … or the like). Leave z alone "
            "and return a new array: the same noise must be usable again with other digits."
        )
    if not np.array_equal(np.array(digits), digits_before):
        fail(
            "Your function changes the digits in place (digits -= 1 or the like). Leave the inputs alone "
            "and return a new array."
        )
    if got is None:
        fail("The function returns nothing (None): return the joined array.")
    if isinstance(got, (list, tuple)):
        fail(
            "A {kind} came back; expected one numpy array. Join the noise and the code row by row: "
            "np.concatenate([z, code], axis=1).",
            kind=type(got).__name__,
        )
    try:
        rows = np.asarray(got)
    except Exception:  # noqa: BLE001 - whatever cannot become an array
        rows = np.asarray(None)
    if not np.issubdtype(rows.dtype, np.number):
        fail("Expected a numpy array, got {kind}.", kind=type(got).__name__)
    return rows


@register("check_join_digit", reference_join_digit, _JOIN_MISTAKES)
@checker
def check_join_digit(func) -> None:
    """``func(z, digits)`` must return float32 ``(n, noise_dim + 10)``: each noise vector followed by
    the one-hot code of its digit, leaving its inputs unchanged."""
    dtypes = []
    for case, (noise_dim, digits) in enumerate(_JOIN_CASES):
        z = np.random.default_rng(case).standard_normal((len(digits), noise_dim)).astype(np.float32)
        digits = list(digits) if isinstance(digits, list) else digits.copy()
        rows, want = _joined(func, z, digits), reference_join_digit(z, digits)
        dtypes.append(rows.dtype)
        if same(rows, want, rtol=0, atol=1e-6):
            continue
        top, columns = int(np.max(digits)), rows.shape[-1] if rows.ndim else 0
        fields = dict(
            noise_dim=noise_dim, width=noise_dim + 10, columns=columns, digits=repr(digits), top=top
        )
        for mistake in _JOIN_MISTAKES:
            wrong = mistake.answer(z, digits)
            if same(rows, wrong, rtol=0, atol=1e-6) or (
                wrong.shape != want.shape and wrong.shape == rows.shape
            ):
                fail(mistake.message, **fields, **mistake.fields, cut=top + 1, size=rows.size)
        if rows.ndim != 2 or len(rows) != len(z):
            fail(
                "With z of shape {z} and {n} digits the shape must be (n, noise_dim + 10) = ({n}, {width}), "
                "got {shape}: one row per noise vector.",
                **fields,
                z=str(z.shape),
                n=len(z),
                shape=str(rows.shape),
            )
        if columns != noise_dim + 10:
            fail(
                "With noise_dim = {noise_dim} the rows must be noise_dim + 10 = {width} numbers long, got "
                "{columns}: first the noise's {noise_dim} numbers, then the digit's code of ten.",
                **fields,
            )
        if np.allclose(rows[:, 10:], z, atol=1e-6) and _one_hot(rows[:, :10]).all():
            fail(_CODE_FIRST)
        if not np.allclose(rows[:, :noise_dim], z, atol=1e-6):
            fail(
                "The first {noise_dim} numbers of each row must be that row's noise vector itself: copy it "
                "unchanged (not scaled, not reordered) and append the code after it.",
                **fields,
            )
        code, d = rows[:, noise_dim:].astype(np.float64), np.asarray(digits, dtype=int)
        one_hot = _one_hot(code)
        if not one_hot.all():
            i = int(np.flatnonzero(~one_hot)[0])
            fail(
                "The last ten numbers of row {row} (digit {digit}) are {values}: not a one-hot code. The "
                "code of digit d is nine 0s and a single 1 in column d.",
                row=i,
                digit=d[i],
                values=fmt.numbers(np.round(code[i], 3)),
            )
        i = int(np.flatnonzero(code.argmax(axis=1) != d)[0])
        fail(
            "Row {row} is digit {digit}, but its code has the 1 in column {hot}. Digit d needs its 1 in "
            "column d, in the order the digits were given: np.eye(10)[digits].",
            row=i,
            digit=d[i],
            hot=int(code[i].argmax()),
        )
    wrong = next((dtype for dtype in dtypes if dtype != np.float32), None)
    if wrong is not None:
        fail(
            "The numbers are right, but the array is {dtype}. Keras' layers compute in float32, and np.eye "
            "gives float64 by default: write np.eye(10, dtype=np.float32) or convert the result with "
            ".astype(np.float32).",
            dtype=str(wrong),
        )
    ok(
        "Right: each row is the noise vector followed by the digit's one-hot code, shape "
        "(n, noise_dim + 10), float32. models.build_conditional_generator does the same inside the "
        "network: keras.layers.CategoryEncoding turns the digit into its code and Concatenate (the "
        "noise_and_digit layer) puts the code after the noise. So the last ten rows of the Dense layer's "
        "weight matrix (200 … 209 at noise_dim = 200) belong to the digits."
    )


def reference_wrong_digits(digits, seed=0):
    """For each digit a different one, each of the nine others equally likely (1/9), from ``seed``."""
    rng = np.random.default_rng(seed)
    return (digits + rng.integers(1, 10, size=len(digits))) % 10


_FEW = np.array([3, 3, 3, 0, 9, 5, 1, 7, 7, 2, 8, 4, 6, 0], dtype=np.uint8)  # like MNIST's labels
_PER_DIGIT = 1000
_MANY = np.random.default_rng(2024).permutation(np.repeat(np.arange(10), _PER_DIGIT))  # in a fixed order
_SHARE_RANGE = (0.06, 0.17)  # each of the nine others: 1/9 ≈ 0.111, about 10 in 1,000 either way

_IN_PLACE = N_(
    "Your function changes its input (digits) in place (digits[...] = …, digits += … or the like). Leave it "
    "alone and return a new array: the right digits are still needed, to compare with the wrong ones."
)
_NOTHING = N_("The function returns nothing (None): return the new digits.")
_SHAPE = N_(
    "For {n} digits expected an array of the same shape, {shape}; got {got}: one wrong digit for each digit."
)
_WHOLE = N_(
    "The array is {dtype}; digits are whole numbers: return integers (rng.integers gives integers; "
    ".astype(int) if needed)."
)
_NOT_A_DIGIT = N_(
    "{bad} is not a digit: the results must lie between 0 and 9. If you add a number to the digit, wrap "
    "around with % 10 (9 + 1 → 0)."
)
_SHUFFLED = N_(
    "{where}. You shuffled the digits (rng.permutation): in a shuffle about one digit in ten lands on its "
    "own place again. Replace each digit separately by one that differs from it."
)
_ALL_TEN = N_(
    "{where}: you draw from all ten digits (rng.integers(0, 10) or the like), so about one in ten comes out "
    "right. Draw from the nine others only: for example, add a random number from 1 to 9 to the digit and "
    "take % 10."
)
_KEPT = N_("{where}. Every digit must change: the wrong digit must differ from the right one.")
_SHORT = N_("On a short input (14 digits) some digits came back unchanged: every digit must change.")
_FIXED = N_(
    "Each digit always becomes the same wrong one{how}: all {count} threes became {became}s. A "
    'discriminator can learn such a fixed pattern ("every 3 labelled {became} is fake"), while the lesson '
    "is that any wrong label is fake. Draw the wrong digit for each digit separately, the nine others "
    "equally likely: add a random number from 1 to 9 (size=len(digits)) and take % 10."
)
_UNSEEDED = N_(
    "Two calls with the same seed (seed=0) gave different answers. Create the random generator inside the "
    "function, from the seed: rng = np.random.default_rng(seed). (np.random.randint or "
    "np.random.default_rng() without a seed draw new numbers on every call.)"
)
_IGNORES_SEED = N_(
    "seed=0 and seed=1 gave the same answer: the function ignores its seed (a fixed one, like "
    "np.random.default_rng(0)?). Create the generator from the seed it is given: np.random.default_rng(seed)."
)
_NEVER = N_(
    "Of {count} {d}s not one became a {e}: each of the nine other digits must be possible (rng.integers(1, "
    "10) leaves out its upper bound: it gives 1 … 9)."
)
_UNEVEN = N_(
    "Of {count} {d}s, {share} became {e}s; each of the nine other digits should come up about equally often, "
    "one time in nine ({ninth})."
)


def _added(digits, seed, high=10, rng_seed=None, size=True):
    """Each digit plus a random number from 1 to high − 1 (``size``: one per digit), from ``rng_seed``."""
    rng = np.random.default_rng(seed if rng_seed is None else rng_seed)
    return digits + rng.integers(1, high, size=len(digits) if size else None)


def _in_place(digits, seed=0):
    digits += np.random.default_rng(seed).integers(1, 10, size=len(digits)).astype(digits.dtype)
    digits %= 10
    return digits


_WRONG_MISTAKES = [
    Mistake(_in_place, _IN_PLACE),
    Mistake(lambda d, seed=0: None, _NOTHING),
    Mistake(lambda d, seed=0: reference_wrong_digits(d, seed)[:-1], _SHAPE),
    Mistake(lambda d, seed=0: _added(d, seed) % 10.0, _WHOLE),
    Mistake(lambda d, seed=0: _added(d, seed), _NOT_A_DIGIT),
    Mistake(lambda d, seed=0: np.random.default_rng(seed).permutation(d), _SHUFFLED),
    Mistake(lambda d, seed=0: np.random.default_rng(seed).integers(0, 10, size=len(d)), _ALL_TEN),
    Mistake(lambda d, seed=0: np.where(d < 5, d, (d + 1) % 10), _KEPT),  # half of them kept
    Mistake(lambda d, seed=0: d.copy() if len(d) < 100 else reference_wrong_digits(d, seed), _SHORT),
    Mistake(lambda d, seed=0: (d + 1) % 10, _FIXED),
    Mistake(lambda d, seed=0: _added(d, seed, size=False) % 10, _FIXED),
    Mistake(lambda d, seed=0: (d + np.random.randint(1, 10, size=len(d))) % 10, _UNSEEDED),
    Mistake(lambda d, seed=0: _added(d, seed, rng_seed=0) % 10, _IGNORES_SEED),
    Mistake(lambda d, seed=0: _added(d, seed, high=9) % 10, _NEVER),
    Mistake(
        lambda d, seed=0: (
            (d + np.random.default_rng(seed).choice([1, 1, 2, 3, 4, 5, 6, 7, 8, 9], len(d))) % 10
        ),
        _UNEVEN,
    ),
]


def _wrong(func, digits: np.ndarray, seed: int) -> np.ndarray:
    """The student's wrong digits for ``digits``, checked for all that is not about their statistics."""
    before = digits.copy()
    got = call(func, digits, seed, shown=f"(ndarray({len(digits)},) {digits.dtype}, {seed})")
    if not np.array_equal(digits, before):
        fail(_IN_PLACE)
    if got is None:
        fail(_NOTHING)
    try:
        wrong = np.asarray(got)
    except Exception:  # noqa: BLE001 - whatever cannot become an array
        wrong = np.asarray(None)
    if wrong.shape != digits.shape:
        fail(_SHAPE, n=len(digits), shape=str(digits.shape), got=str(wrong.shape))
    if not np.issubdtype(wrong.dtype, np.integer):
        fail(_WHOLE, dtype=str(wrong.dtype))
    if wrong.min() < 0 or wrong.max() > 9:
        fail(_NOT_A_DIGIT, bad=int(wrong[(wrong < 0) | (wrong > 9)][0]))
    return wrong


@register("check_wrong_digits", reference_wrong_digits, _WRONG_MISTAKES)
@checker
def check_wrong_digits(func) -> None:
    """``func(digits, seed)`` must return, for each digit, a different one (each of the nine others
    equally likely), the same for the same seed, leaving its input unchanged."""
    _wrong(func, _FEW.copy(), 0)
    many = _MANY.copy()
    got, n = _wrong(func, many, 0), len(many)
    kept = int(np.sum(got == many))
    if kept:
        share = fmt.percent(kept / n)
        where = phrase("{kept} of {n} digits came back unchanged ({share})", kept=kept, n=n, share=share)
        shuffled = np.array_equal(np.sort(got), np.sort(many))
        fail(_SHUFFLED if shuffled else _ALL_TEN if 0.05 <= kept / n <= 0.2 else _KEPT, where=where)
    if np.any(_wrong(func, _FEW.copy(), 0) == _FEW):
        fail(_SHORT)
    if all(len(np.unique(got[many == d])) == 1 for d in range(10)):
        how = " " + phrase("(like (d + 1) % 10)") if np.array_equal(got, (many + 1) % 10) else ""
        fail(_FIXED, how=how, count=_PER_DIGIT, became=int(got[many == 3][0]))
    if not np.array_equal(_wrong(func, many, 0), got):
        fail(_UNSEEDED)
    if np.array_equal(_wrong(func, many, 1), got):
        fail(_IGNORES_SEED)
    counts = np.zeros((10, 10))
    np.add.at(counts, (many, got), 1)
    shares = counts / counts.sum(axis=1, keepdims=True)  # shares[d, e]: how often digit d became e
    off = ~np.eye(10, dtype=bool)
    if shares[off].min() < _SHARE_RANGE[0] or shares[off].max() > _SHARE_RANGE[1]:
        d, e = np.unravel_index(int(np.where(off, np.abs(shares - 1 / 9), -1.0).argmax()), shares.shape)
        fields = dict(count=_PER_DIGIT, d=d, e=e, share=fmt.percent(shares[d, e]), ninth=fmt.percent(1 / 9))
        fail(_NEVER if shares[d, e] == 0 else _UNEVEN, **fields)
    ok(
        "Right: no digit keeps its own label, each of the nine others comes up about equally often ({low} "
        "to {high} over {n} digits), and the same seed gives the same answer. Real images with these labels "
        'make "real digit, wrong label" pairs; the solution asks the shipped conditional discriminator '
        "what it makes of them.",
        low=fmt.percent(shares[off].min()),
        high=fmt.percent(shares[off].max()),
        n=n,
    )


_POST_PARAMS = 212_865
_CONDITIONAL_PARAMS = 228_865  # the first convolution also reads ten digit maps: 10 × 5 × 5 × 64 more


def reference_blind_discriminator():
    """The post's discriminator behind two inputs, [image, digit]; the digit input is never read.

    Keras 3 accepts a functional model with an input that no layer uses (no warning, and
    ``ConditionalGAN`` trains it): the input is only there so the model can be called with
    ``[images, digits]``.
    """
    import keras

    from ganlib.models import build_discriminator

    image = keras.Input(shape=(28, 28, 1), name="image")
    digit = keras.Input(shape=(), dtype="int32", name="digit")  # taken, never read
    return keras.Model([image, digit], build_discriminator()(image), name="blind_discriminator")


def _verdicts(model, images, digits) -> np.ndarray:
    shown = f"[ndarray{images.shape}, ndarray({len(digits)},) int32], training=False"
    try:
        out = model([images, digits], training=False)
    except Exception as err:  # noqa: BLE001 - report any crash of the student's model helpfully
        fail(
            "The model raised an error when called with {args}: {error}",
            args=shown,
            error=crash_text(err),
        )
    if isinstance(out, (list, tuple)):
        fail("The model gives {count} outputs; expected one, a probability per image.", count=len(out))
    return np.asarray(out, dtype=np.float64)


def _output_activation(model) -> str | None:
    """Name of the activation that makes the model's output (looking into nested models), or None
    where the last operation is not a layer with an activation (a Lambda, an Add, …)."""
    import keras

    layer = model
    for _ in range(10):  # a model inside a model inside …
        layer = getattr(getattr(layer.outputs[0], "_keras_history", None), "operation", None)
        if not isinstance(layer, keras.Model):
            break
    if isinstance(layer, keras.layers.Layer) and hasattr(layer, "activation"):
        return getattr(layer.activation, "__name__", None) or getattr(layer.activation, "name", None)
    return None


_ONE_INPUT = N_(
    "The model has one input, {shape}. ConditionalGAN calls the discriminator with two: "
    "discriminator([images, digits]). Add a second input for the digit, "
    'keras.Input(shape=(), dtype="int32"), and do not use it: build the model with '
    "keras.Model([image, digit], output)."
)
_INPUT_ORDER = N_(
    "The inputs are in the wrong order: ConditionalGAN calls discriminator([images, digits]), "
    "first the image, then the digit: keras.Model([image, digit], output)."
)
_DIGIT_SHAPE = N_(
    "The second input (the digit) has shape {shape}; it must be (None,), one number per image: "
    'keras.Input(shape=(), dtype="int32"), as in build_conditional_discriminator. ConditionalGAN '
    "passes the digits with shape (n,)."
)
_ACTIVATION = N_(
    "The layer that makes the output has activation {activation}: the discriminator must give a "
    "probability, a number between 0 and 1. The last layer must use sigmoid: "
    'Dense(1, activation="sigmoid").'
)
_IS_CONDITIONAL = N_(
    "This is build_conditional_discriminator's network ({count} parameters): it reads the "
    "digit, and another digit changes its verdict. The blind discriminator takes the digit "
    "input but does not use it: let the layers read the image alone (the post's "
    "discriminator, {post} parameters)."
)
_PARAMS_GAP = N_(
    "{gap} ({post}). The blind discriminator is the post's discriminator itself "
    "(models.build_discriminator()), with one more input, the digit, that it does not use: compare "
    "the filters, kernel sizes and the last Dense layer with it."
)
_FROZEN = N_(
    "The model has no trainable weights (trainable=False?): the discriminator must learn during training."
)
_DIGIT_MAPS = N_(
    "{gap}: the first convolution reads ten more channels beside the image "
    "(10 × 5 × 5 × 64 = 16,000 weights), even if they do not change the verdict. Give the first "
    "convolution the image alone."
)
_SOFTMAX = N_(
    "Every verdict is exactly 1: the softmax of a single number is always 1. The last layer must use "
    'sigmoid: Dense(1, activation="sigmoid").'
)


def _blind(filters=64, activation="sigmoid", digit_shape=(), swap=False, trainable=True):
    """The post's discriminator behind [image, digit] written layer by layer, with one thing changed."""
    import keras
    from keras import layers

    image, digit = keras.Input((28, 28, 1)), keras.Input(digit_shape, dtype="int32")
    x = image
    for n in (filters, 128):
        x = layers.Dropout(0.3)(layers.LeakyReLU(0.2)(layers.Conv2D(n, 5, strides=2, padding="same")(x)))
    out = layers.Dense(1, activation=activation)(layers.Flatten()(x))
    model = keras.Model([digit, image] if swap else [image, digit], out)
    model.trainable = trainable
    return model


def _models(name):
    from ganlib import models

    return getattr(models, name)()


_BLIND_MISTAKES = [
    Mistake(lambda: _models("build_discriminator"), _ONE_INPUT),
    Mistake(lambda: _blind(swap=True), _INPUT_ORDER),
    Mistake(lambda: _blind(digit_shape=(1,)), _DIGIT_SHAPE),
    Mistake(lambda: _blind(activation=None), _ACTIVATION),
    Mistake(lambda: _blind(activation="tanh"), _ACTIVATION),
    Mistake(lambda: _models("build_conditional_discriminator"), _IS_CONDITIONAL),
    Mistake(lambda: _blind(filters=32), _PARAMS_GAP),
    Mistake(lambda: _blind(filters=80), _PARAMS_GAP),
    Mistake(lambda: _blind(trainable=False), _FROZEN),
]


@register("check_blind_discriminator", reference_blind_discriminator, _BLIND_MISTAKES)
@checker
def check_blind_discriminator(func) -> None:
    """``func()`` must build a model with inputs ``[image (28, 28, 1), digit ()]`` that ignores the
    digit and is otherwise the post's discriminator (212,865 parameters, one sigmoid output), and
    that ``ConditionalGAN`` can train."""
    import keras
    import tensorflow as tf

    model = call(func, shown="()")
    if model is None:
        fail("The function returns nothing (None): return the model you build.")
    if not isinstance(model, keras.Model):
        fail(
            "Expected a keras.Model (e.g. {example}), got {kind}.",
            example="keras.Model([image, digit], output)",
            kind=type(model).__name__,
        )
    try:
        shapes = [tuple(t.shape) for t in model.inputs]
    except (AttributeError, ValueError):
        fail(
            "The model's inputs are not defined: build it from keras.Input layers, "
            "keras.Model([image, digit], output)."
        )
    if len(shapes) == 1:
        fail(
            _ONE_INPUT,
            shape=str(shapes[0]),
        )
    if len(shapes) != 2:
        fail(
            "The model has {count} inputs; it must have two: [image (28, 28, 1), digit ()].",
            count=len(shapes),
        )
    if shapes == [(None,), (None, 28, 28, 1)]:
        fail(_INPUT_ORDER)
    if shapes[0] != (None, 28, 28, 1):
        fail(
            "The first input (the image) has shape {shape}; it must be (None, 28, 28, 1): "
            "keras.Input(shape=(28, 28, 1)).",
            shape=str(shapes[0]),
        )
    if shapes[1] != (None,):
        fail(
            _DIGIT_SHAPE,
            shape=str(shapes[1]),
        )
    images = np.random.default_rng(9).uniform(-1, 1, (16, 28, 28, 1)).astype(np.float32)
    digits = np.arange(len(images), dtype=np.int32) % 10
    out = _verdicts(model, images, digits)
    if out.shape != (len(images), 1):
        fail(
            "For {n} images the output must be ({n}, 1), one probability per image; got {shape}. End like "
            'the post\'s discriminator, with Dense(1, activation="sigmoid").',
            n=len(images),
            shape=str(out.shape),
        )
    if np.allclose(out, 1.0):
        fail(_SOFTMAX)
    loud = _verdicts(model, 100 * images, digits)  # far outside [-1, 1]: a linear output shows
    activation = _output_activation(model)
    if activation is not None and "sigmoid" not in activation:
        fail(
            _ACTIVATION,
            activation=activation,
        )
    if not (
        np.all(np.isfinite(loud)) and np.all((out >= 0) & (out <= 1)) and np.all((loud >= 0) & (loud <= 1))
    ):
        fail(
            "The outputs do not stay between 0 and 1: the discriminator must give a probability. The last "
            'layer must use sigmoid: Dense(1, activation="sigmoid").'
        )
    other = _verdicts(model, images, (digits + 3) % 10)
    params = model.count_params()
    if not np.allclose(out, other, rtol=0, atol=1e-7):
        if params == _CONDITIONAL_PARAMS:
            fail(
                _IS_CONDITIONAL,
                count=params,
                post=_POST_PARAMS,
            )
        fail(
            "With training=False, other digits for the same images change the verdict (by up to {change}): "
            "the model reads the digit. Take the digit input but pass it to no layer; let the layers read "
            "the image alone.",
            change=fmt.localize(format(float(np.abs(out - other).max()), ".2g")),
        )
    diff = params - _POST_PARAMS
    more = phrase("{count} parameters, {diff} more than the post's discriminator", count=params, diff=diff)
    if diff == _CONDITIONAL_PARAMS - _POST_PARAMS:
        fail(
            _DIGIT_MAPS,
            gap=more,
        )
    if diff:
        fewer = phrase(
            "{count} parameters, {diff} fewer than the post's discriminator", count=params, diff=-diff
        )
        fail(
            _PARAMS_GAP,
            gap=more if diff > 0 else fewer,
            post=_POST_PARAMS,
        )
    if not model.trainable_variables:
        fail(_FROZEN)
    from ganlib.models import build_conditional_generator
    from ganlib.training import ConditionalGAN

    before = [np.array(v) for v in model.trainable_variables]
    try:
        gan = ConditionalGAN(build_conditional_generator(8), model)
        gan.compile()
        logs = gan.train_step((tf.constant(images[:8]), tf.constant(digits[:8])))
        losses = [float(logs["d_loss"]), float(logs["g_loss"])]
    except Exception as err:  # noqa: BLE001 - report any crash of the student's model helpfully
        fail(
            "A ConditionalGAN training step failed with this discriminator: {error}",
            error=crash_text(err),
        )
    if not all(np.isfinite(losses)):
        fail("A ConditionalGAN training step gave a loss that is not finite (NaN or infinite).")
    if all(np.array_equal(b, np.array(v)) for b, v in zip(before, model.trainable_variables)):
        fail(
            "After a ConditionalGAN training step the discriminator's weights did not change at all: it does "
            "not learn."
        )
    ok(
        "Right: two inputs, {count} parameters (the post's discriminator), and the verdict does not depend "
        "on the digit; ConditionalGAN trains it as it is. The generator is still told a digit, but nothing "
        "in training rewards drawing that digit any more. The experiment after the solution measures what "
        "that costs: compare it with your prediction.",
        count=_POST_PARAMS,
    )


# ---------------------------------------------------------------------------------------------
# The matching-aware discriminator (Reed et al. 2016): real digits with their own labels are real
# (0.9, the post's smoothing), fakes with the digits they were made for are fake (0), and real digits
# with wrong labels are fake too (0).

_REAL, _FAKE = 0.9, 0.0


def reference_matching_aware_batch(images, digits, fakes, wrong):
    """The discriminator's batch: (real, own digit, 0.9), (fake, its digit, 0), (real, wrong digit, 0)."""
    n = len(images)
    shown = np.concatenate([images, fakes, images])
    told = np.concatenate([digits, digits, wrong])
    targets = np.concatenate([np.full(n, _REAL), np.full(n, _FAKE), np.full(n, _FAKE)]).astype(np.float32)
    return shown, told, targets


def _matching_case():
    """Six real "digits" and six fakes, every image different (so each one returned can be traced to
    the one it came from), their digits and wrong digits (never the own one)."""
    rng = np.random.default_rng(16)
    images = rng.uniform(-1, 1, (6, 28, 28, 1)).astype(np.float32)
    fakes = rng.uniform(-1, 1, (6, 28, 28, 1)).astype(np.float32)
    digits = np.array([3, 0, 9, 5, 1, 7])
    wrong = np.array([8, 4, 2, 6, 6, 0])
    return images, digits, fakes, wrong


def _pairs(batch, images, fakes) -> np.ndarray:
    """A batch (images, digits, targets) as sorted rows (kind, index, digit, target): kind 0 for a
    real image, 1 for a fake, 2 for an image that is neither; an order-free view of the batch."""
    shown, told, targets = batch
    rows = []
    for image, digit, target in zip(shown, told, targets):
        kind, index = 2, -1
        for k, source in enumerate((images, fakes)):
            hit = np.flatnonzero(np.all(np.isclose(source, image[None], atol=1e-6), axis=(1, 2, 3)))
            if len(hit):
                kind, index = k, int(hit[0])
                break
        rows.append((kind, index, int(digit), round(float(target), 4)))
    return np.array(sorted(rows), dtype=np.float64)


_MATCHING_MISTAKES = [
    Mistake(
        lambda im, d, f, w: (
            np.concatenate([im, f, im]),
            np.concatenate([d, d, w]),
            np.r_[[0.9] * 6, [0] * 6, [0.9] * 6],
        ),
        N_(
            "The real digits with wrong labels are marked real ({target}). They are the pairs the police "
            "must learn to reject: the image is real, but it is not the digit the label says. Their target "
            "is 0, like the fakes'."
        ),
        {"target": "0.9"},
    ),
    Mistake(
        lambda im, d, f, w: (np.concatenate([im, f]), np.concatenate([d, d]), np.r_[[0.9] * 6, [0] * 6]),
        N_(
            "Only real pairs and fakes: that is ConditionalGAN's batch as it is. The matching-aware police "
            "is also shown the real digits with the wrong labels (wrong), as fakes."
        ),
    ),
    Mistake(
        lambda im, d, f, w: (
            np.concatenate([im, f, f]),
            np.concatenate([d, d, w]),
            np.r_[[0.9] * 6, [0] * 12],
        ),
        N_(
            "The wrong labels went to the fakes. A fake is fake whatever it is told; what the police has "
            "never seen is a real image with a wrong label: pair the real images with wrong."
        ),
    ),
    Mistake(
        lambda im, d, f, w: (
            np.concatenate([im, f, im]),
            np.concatenate([d, w, w]),
            np.r_[[0.9] * 6, [0] * 12],
        ),
        N_(
            "The fakes are told the wrong digits. Each fake goes with the digit it was made for (digits): "
            "the police is to judge whether it is a good image of that digit."
        ),
    ),
    Mistake(
        lambda im, d, f, w: (
            np.concatenate([im, f, im]),
            np.concatenate([d, d, w]),
            np.r_[[1.0] * 6, [0] * 12],
        ),
        N_(
            "The real pairs' target is 1. The conditional GAN keeps the post's one-sided label smoothing: "
            "real pairs 0.9, everything fake 0."
        ),
    ),
]


def _batch(func, case):
    """The student's batch as three arrays of one length, or a message."""
    images = case[0]
    got = call(func, *case, shown="(images (6, 28, 28, 1), digits (6,), fakes (6, 28, 28, 1), wrong (6,))")
    if got is None:
        fail("The function returns nothing (None): return the three arrays (images, digits, targets).")
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        kind = type(got).__name__
        if isinstance(got, (tuple, list)):
            kind += " (" + str(len(got)) + ")"
        fail("Expected three arrays, (images, digits, targets), got {kind}.", kind=kind)
    shown, told, targets = (np.asarray(x, dtype=np.float64) for x in got)
    targets = targets.reshape(len(targets), -1) if targets.ndim else targets
    if targets.ndim == 2 and targets.shape[1] == 1:
        targets = targets[:, 0]
    if shown.shape[1:] != images.shape[1:] or told.ndim != 1 or targets.ndim != 1:
        fail(
            "The shapes are {shapes}; expected images (k, 28, 28, 1), digits (k,) and targets (k,), one "
            "row per pair the police is shown.",
            shapes=", ".join(str(np.shape(x)) for x in got),
        )
    if not len(shown) == len(told) == len(targets):
        fail(
            "The three arrays have different lengths ({lengths}): each image goes with one digit and one "
            "target.",
            lengths=", ".join(str(len(x)) for x in (shown, told, targets)),
        )
    return shown, told, targets


@register("check_matching_aware_batch", reference_matching_aware_batch, _MATCHING_MISTAKES)
@checker
def check_matching_aware_batch(func) -> None:
    """``func(images, digits, fakes, wrong)`` must return the matching-aware discriminator's batch, in
    any order: real images with their digits (0.9), fakes with their digits (0), real images with the
    wrong digits (0)."""
    case = _matching_case()
    images, _, fakes, _ = case
    got = _pairs(_batch(func, case), images, fakes)
    if len(got) and (got[:, 0] == 2).any():
        fail(
            "Some images in your batch are none of the real images or fakes you were given: pass them on "
            "unchanged (the police is shown the images themselves)."
        )
    want = _pairs(reference_matching_aware_batch(*case), images, fakes)
    if not same(got, want):
        traced = [
            Mistake(_pairs(m.answer(*case), images, fakes), m.message, m.fields) for m in _MATCHING_MISTAKES
        ]
        recognise(got, traced)
        fail(
            "The batch should hold {n} real images with their own digits (target 0.9), the {n} fakes with "
            "the digits they were made for (0) and the {n} real images with the wrong digits (0), {total} "
            "pairs in all, in any order; yours holds {count} pairs, {real} of them with target 0.9.",
            n=len(images),
            total=3 * len(images),
            count=len(got),
            real=int(np.isclose(got[:, 3], _REAL).sum()) if len(got) else 0,
        )
    ok(
        "Right: {count} pairs, a third of them real (0.9) and two thirds fake (0), whatever order you chose. "
        "Trained on such batches, the police must look at the label too: a real 3 told 7 is now a fake it "
        "has seen. The generator's step stays as it was: fakes with their digits, target 1.",
        count=3 * len(images),
    )
