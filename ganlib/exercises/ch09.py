"""Checkers for chapter 09's exercises: the digit joined to the noise, wrong labels for real digits, a
discriminator blind to the digit, and the batch of a matching-aware discriminator."""

import functools
import importlib

import numpy as np

from ganlib import fmt
from ganlib.exercises import _core
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, recognise, register, same

_IN_PLACE = N_("Your function changes its input {name} in place: leave the inputs alone, return a new array.")


def _unchanged(func, args: tuple, names: tuple, shown: str):
    """``func(*args)``, failing if it changed one of its inputs in place."""
    before = [np.array(arg, copy=True) for arg in args]
    got = call(func, *args, shown=shown)
    for name, arg, old in zip(names, args, before):
        if not np.array_equal(np.asarray(arg), old):
            fail(_IN_PLACE, name=name)
    return got


def reference_join_digit(z, digits, width=10, shift=0, first=False):
    """Each noise vector, then the one-hot code of its digit: float32 (n, noise_dim + 10); the switches make
    known mistakes (a code ``width`` wide, its 1 ``shift`` columns off, the code ``first``)."""
    code = np.eye(width, dtype=np.float32)[(np.asarray(digits, dtype=int) + shift) % width]
    return np.hstack([code, z] if first else [np.asarray(z, dtype=np.float32), code])


# (noise_dim, digits): 0 and 9 (shifted or eleven-wide codes show), at most 4 (cut codes show), MNIST's uint8
_JOIN_CASES = [
    (200, np.array([3, 0, 9, 5, 1, 7])),
    (3, [1, 2, 3, 4]),
    (16, np.arange(10, dtype=np.int32)[::-1]),
    (5, np.array([8, 0], dtype=np.uint8)),
]
_CODE_FIRST = N_("The code comes before the noise: first z, then the code, np.hstack([z, code]).")
_SHIFTED = N_("The codes are one column off (np.eye(10)[digits {sign} 1]?): digit d needs its 1 in column d.")
_FLAT = N_("A flat array came back ({size} numbers): np.append without axis flattens; use axis=1.")
_ONE_NUMBER = N_("The digit went in as one number, not as its one-hot code of ten: np.eye(10)[digits].")
_WIDTH = N_("The code has the wrong width (np.eye(11)? to_categorical without 10?): use np.eye(10)[digits].")
_SHAPE = N_("With z of shape {z} the result must have shape (n, noise_dim + 10) = {want}, got {shape}.")
_JOIN_MISTAKES = [
    Mistake(lambda z, d: reference_join_digit(z, d, first=True), _CODE_FIRST),
    Mistake(lambda z, d: reference_join_digit(z, d, shift=-1), _SHIFTED, {"sign": "−"}),
    Mistake(lambda z, d: reference_join_digit(z, d, shift=1), _SHIFTED, {"sign": "+"}),
    Mistake(lambda z, d: np.append(z, np.eye(10)[d]), _FLAT),
    Mistake(lambda z, d: np.hstack([z, np.asarray(d, np.float32)[:, None]]), _ONE_NUMBER),
    Mistake(lambda z, d: reference_join_digit(z, d, width=11), _WIDTH),
    Mistake(lambda z, d: reference_join_digit(z, d, width=np.max(d) + 1), _WIDTH),  # to_categorical(d)
    Mistake(lambda z, d: z, _SHAPE),  # only the noise
    Mistake(lambda z, d: np.eye(10, dtype=np.float32)[d], _SHAPE),  # only the code
]
_NOT_ARRAY = N_("Expected one numpy array, got {kind}: np.concatenate([z, code], axis=1).")
_NOISE = N_("The first noise_dim = {noise_dim} numbers of each row must be its noise vector, unchanged.")
_CODE = N_("Row {row} (digit {digit}) has the code {values}: digit d's code is a 1 in column d, 0 elsewhere.")
_DTYPE = N_("The array is {dtype}; Keras computes in float32: use np.eye(10, dtype=np.float32).")


@register("check_join_digit", reference_join_digit, _JOIN_MISTAKES)
@checker
def check_join_digit(func) -> None:
    """``func(z, digits)``: float32 ``(n, noise_dim + 10)``, each noise vector then its digit's code."""
    for case, (noise_dim, digits) in enumerate(_JOIN_CASES):
        z = np.random.default_rng(case).standard_normal((len(digits), noise_dim)).astype(np.float32)
        digits = digits.copy()  # the case itself stays as it is if the answer changes its input
        shown = f"(z: ndarray{z.shape} float32, digits: {digits!r})"
        got = _unchanged(func, (z, digits), ("z", "digits"), shown)
        if not hasattr(got, "__array__") or not np.issubdtype(np.asarray(got).dtype, np.number):
            fail(_NOT_ARRAY, kind=type(got).__name__)
        rows, want = np.asarray(got), reference_join_digit(z, digits)
        if same(rows, want, rtol=0, atol=1e-6):
            if rows.dtype != np.float32:
                fail(_DTYPE, dtype=str(rows.dtype))
            continue
        fields = dict(z=z.shape, want=want.shape, shape=rows.shape, size=rows.size)
        for mistake in _JOIN_MISTAKES:  # known by its rows or, where they have another shape, by that shape
            wrong = mistake.answer(z, digits)
            if same(rows, wrong, rtol=0, atol=1e-6) or want.shape != wrong.shape == rows.shape:
                fail(mistake.message, **fields, **mistake.fields)
        if rows.shape != want.shape:
            fail(_SHAPE, **fields)
        if np.allclose(rows[:, 10:], z, atol=1e-6):
            fail(_CODE_FIRST)
        if not np.allclose(rows[:, :noise_dim], z, atol=1e-6):
            fail(_NOISE, noise_dim=noise_dim)
        i = int(np.argmin(np.isclose(rows, want, atol=1e-6).all(axis=1)))  # the first wrong row
        code = fmt.numbers(np.round(rows[i, noise_dim:].astype(float), 3))
        fail(_CODE, row=i, digit=int(np.asarray(digits)[i]), values=code)
    ok(
        "Right: each row is the noise vector followed by the digit's one-hot code, shape "
        "(n, noise_dim + 10), float32. models.build_conditional_generator does the same inside the "
        "network: keras.layers.CategoryEncoding turns the digit into its code and Concatenate (the "
        "noise_and_digit layer) puts the code after the noise. So the last ten rows of the Dense layer's "
        "weight matrix (200 … 209 at noise_dim = 200) belong to the digits."
    )


def reference_wrong_digits(digits, seed=0, high=10, rng_seed=None, size=True):
    """For each digit a different one, each of the nine others equally likely (1/9), from ``seed``; the
    switches make known mistakes (one number for all, a fixed seed, adding 1 … high − 1)."""
    rng = np.random.default_rng(seed if rng_seed is None else rng_seed)
    return (digits + rng.integers(1, high, size=len(digits) if size else None)) % 10


_FEW = np.array([3, 3, 3, 0, 9, 5, 1, 7, 7, 2, 8, 4, 6, 0], dtype=np.uint8)  # like MNIST's labels
_PER_DIGIT = 1000
_MANY = np.random.default_rng(2024).permutation(np.repeat(np.arange(10), _PER_DIGIT))  # in a fixed order
_DIGITS = N_("Expected an array of shape {shape}, one wrong digit for each digit; got {got}.")
_WHOLE = N_("The array is {dtype}: digits are whole numbers, return integers (.astype(int) if needed).")
_NOT_A_DIGIT = N_("{bad} is not a digit (0 … 9): wrap around with % 10 (9 + 1 → 0).")
_KEPT = N_("{kept} of {n} digits came back unchanged ({share}): each must change; add rng.integers(1, 10).")
_FIXED = N_("All {count} threes became {became}s: draw each wrong digit separately (size=len(digits)).")
_SEED = N_("The answer must follow the seed: create rng = np.random.default_rng(seed) inside the function.")
_UNEVEN = N_("Of {count} {d}s, {share} became {e}s, not one in nine ({ninth}): add rng.integers(1, 10).")
_WRONG_MISTAKES = [
    Mistake(lambda d, s: np.remainder(d + 1, 10, out=d, casting="unsafe"), _IN_PLACE),
    Mistake(lambda d, s: None, _DIGITS),
    Mistake(lambda d, s: reference_wrong_digits(d, s)[:-1], _DIGITS),
    Mistake(lambda d, s: reference_wrong_digits(d, s) * 1.0, _WHOLE),
    Mistake(lambda d, s: d + np.random.default_rng(s).integers(1, 10, len(d)), _NOT_A_DIGIT),  # no % 10
    Mistake(lambda d, s: np.random.default_rng(s).permutation(d), _KEPT),
    Mistake(lambda d, s: np.random.default_rng(s).integers(0, 10, size=len(d)), _KEPT),
    Mistake(lambda d, s: np.where(d < 5, d, (d + 1) % 10), _KEPT),  # half of them kept
    Mistake(lambda d, s: d.copy() if len(d) < 100 else reference_wrong_digits(d, s), _KEPT),
    Mistake(lambda d, s: (d + 1) % 10, _FIXED),
    Mistake(lambda d, s: reference_wrong_digits(d, s, size=False), _FIXED),
    Mistake(lambda d, s: (d + np.random.randint(1, 10, size=len(d))) % 10, _SEED),
    Mistake(lambda d, s: reference_wrong_digits(d, s, rng_seed=0), _SEED),
    Mistake(lambda d, s: reference_wrong_digits(d, s, high=9), _UNEVEN),
    Mistake(lambda d, s: (d + np.random.default_rng(s).choice([1, *range(1, 10)], len(d))) % 10, _UNEVEN),
]


def _wrong(func, digits: np.ndarray, seed: int) -> np.ndarray:
    """The student's wrong digits for ``digits``, checked for all that is not about their statistics."""
    shown = f"(ndarray({len(digits)},) {digits.dtype}, {seed})"
    got = _unchanged(func, (digits, seed), ("digits", "seed"), shown)
    wrong = np.asarray(got) if isinstance(got, (np.ndarray, list, tuple)) else None
    if wrong is None or wrong.shape != digits.shape:
        fail(_DIGITS, shape=digits.shape, got=type(got).__name__ if wrong is None else wrong.shape)
    if not np.issubdtype(wrong.dtype, np.integer):
        fail(_WHOLE, dtype=str(wrong.dtype))
    if wrong.min() < 0 or wrong.max() > 9:
        fail(_NOT_A_DIGIT, bad=int(wrong[(wrong < 0) | (wrong > 9)][0]))
    return wrong


@register("check_wrong_digits", reference_wrong_digits, _WRONG_MISTAKES)
@checker
def check_wrong_digits(func) -> None:
    """``func(digits, seed)``: for each digit another, each of the nine others equally likely, seeded."""
    few, many = _wrong(func, _FEW.copy(), 0), _MANY.copy()
    got = _wrong(func, many, 0)
    for digits, wrong in ((many, got), (_FEW, few)):
        if kept := int(np.sum(wrong == digits)):
            fail(_KEPT, kept=kept, n=len(digits), share=fmt.percent(kept / len(digits)))
    if all(len(np.unique(got[many == d])) == 1 for d in range(10)):
        fail(_FIXED, count=_PER_DIGIT, became=int(got[many == 3][0]))
    if not np.array_equal(_wrong(func, many, 0), got) or np.array_equal(_wrong(func, many, 1), got):
        fail(_SEED)
    shares = np.bincount(10 * many + got, minlength=100).reshape(10, 10) / _PER_DIGIT  # [d, e]: d became e
    np.fill_diagonal(shares, 1 / 9)  # none was kept, and each row's nine others average 1/9
    d, e = np.unravel_index(np.argmax(np.abs(shares - 1 / 9)), shares.shape)
    if abs(shares[d, e] - 1 / 9) > 0.05:
        fail(_UNEVEN, count=_PER_DIGIT, d=d, e=e, share=fmt.percent(shares[d, e]), ninth=fmt.percent(1 / 9))
    ok(
        "Right: no digit keeps its own label, each of the nine others comes up about equally often ({low} "
        "to {high} over {n} digits), and the same seed gives the same answer. Real images with these labels "
        'make "real digit, wrong label" pairs; the solution asks the shipped conditional discriminator '
        "what it makes of them.",
        low=fmt.percent(shares.min()),
        high=fmt.percent(shares.max()),
        n=len(many),
    )


def reference_blind_discriminator(filters=64, activation="sigmoid", digit=(), swap=False, trainable=True):
    """The post's discriminator behind two inputs, [image, digit], the digit never read (Keras 3 trains such
    a model without a warning); the switches make known mistakes (digit: its shape; None: no digit input)."""
    import keras
    from keras import layers

    image = keras.Input((28, 28, 1), name="image")
    digit_input = keras.Input(digit or (), dtype="int32", name="digit")  # taken, never read
    x = image
    for n in (filters, 128):
        x = layers.Dropout(0.3)(layers.LeakyReLU(0.2)(layers.Conv2D(n, 5, strides=2, padding="same")(x)))
    inputs = [image] if digit is None else [digit_input, image] if swap else [image, digit_input]
    model = keras.Model(inputs, layers.Dense(1, activation=activation)(layers.Flatten()(x)))
    model.trainable = trainable
    return model


_POST_PARAMS = 212_865
_INPUTS = N_("The inputs are {shapes}; expected two keras.Input layers, [image (28, 28, 1), digit ()].")
_OUT_SHAPE = N_("For {n} images the output must be ({n}, 1), one probability per image; got {shape}.")
_SOFTMAX = N_('Every verdict is 1, as a softmax of one number always is: use Dense(1, activation="sigmoid").')
_RANGE = N_('The outputs leave the range 0 … 1 of a probability: end with Dense(1, activation="sigmoid").')
_READS = N_("Another digit changes the verdict: the model reads the digit; pass the digit to no layer.")
_PARAMS = N_("{count} parameters where the post's discriminator has {post}: build the same layers as it.")
_STEP = N_("A ConditionalGAN training step failed with this discriminator: {error}")
_NOT_FINITE = N_("A ConditionalGAN training step gave a loss that is not finite (NaN or infinite).")
_STILL = N_("A training step left the discriminator's weights unchanged (trainable=False?): it must learn.")
_BLIND_MISTAKES = [
    Mistake(lambda: reference_blind_discriminator(digit=None), _INPUTS),
    Mistake(lambda: reference_blind_discriminator(swap=True), _INPUTS),
    Mistake(lambda: reference_blind_discriminator(digit=(1,)), _INPUTS),
    Mistake(lambda: reference_blind_discriminator(activation=None), _RANGE),
    Mistake(lambda: reference_blind_discriminator(activation="tanh"), _RANGE),
    Mistake(lambda: importlib.import_module("ganlib.models").build_conditional_discriminator(), _READS),
    Mistake(lambda: reference_blind_discriminator(filters=32), _PARAMS),
    Mistake(lambda: reference_blind_discriminator(filters=80), _PARAMS),
    Mistake(lambda: reference_blind_discriminator(trainable=False), _STILL),
]


@register("check_blind_discriminator", reference_blind_discriminator, _BLIND_MISTAKES)
@checker
def check_blind_discriminator(func) -> None:
    """``func()``: the post's discriminator on ``[image, digit]``, blind to the digit, trainable."""
    from ganlib.models import build_conditional_generator
    from ganlib.training import ConditionalGAN

    model = _core.built_model(func)
    shapes = [tuple(t.shape) for t in getattr(model, "inputs", None) or []]
    if shapes != [(None, 28, 28, 1), (None,)]:
        fail(_INPUTS, shapes=str(shapes))
    images = np.random.default_rng(9).uniform(-1, 1, (16, 28, 28, 1)).astype(np.float32)
    digits, shown = np.arange(16, dtype=np.int32) % 10, "[ndarray(16, 28, 28, 1), ndarray(16,) int32]"
    out, loud, other = (  # loud: far outside [-1, 1], where a linear output shows
        np.asarray(call(model, [x, d], shown=shown), dtype=np.float64)
        for x, d in [(images, digits), (100 * images, digits), (images, (digits + 3) % 10)]
    )
    if out.shape != (16, 1):
        fail(_OUT_SHAPE, n=16, shape=out.shape)
    wrong = {
        _SOFTMAX: np.allclose(out, 1),
        _RANGE: not np.all(np.abs(np.r_[out, loud] - 0.5) <= 0.5),
        _READS: not np.allclose(out, other, rtol=0, atol=1e-7),
        _PARAMS: model.count_params() != _POST_PARAMS,
        _STILL: not model.trainable_variables,
    }
    if message := next((message for message, it_is in wrong.items() if it_is), None):
        fail(message, count=model.count_params(), post=_POST_PARAMS)
    before = [np.array(v) for v in model.trainable_variables]
    try:
        gan = ConditionalGAN(build_conditional_generator(8), model)
        gan.compile()
        logs = gan.train_step((images[:8], digits[:8]))
        losses = [float(logs["d_loss"]), float(logs["g_loss"])]
    except Exception as err:  # noqa: BLE001 - report any crash of the student's model helpfully
        fail(_STEP, error=_core.crash_text(err))
    if not np.all(np.isfinite(losses)):
        fail(_NOT_FINITE)
    if all(np.array_equal(b, np.array(v)) for b, v in zip(before, model.trainable_variables)):
        fail(_STILL)
    ok(
        "Right: two inputs, {count} parameters (the post's discriminator), and the verdict does not depend "
        "on the digit; ConditionalGAN trains it as it is. The generator is still told a digit, but nothing "
        "in training rewards drawing that digit any more. The experiment after the solution measures what "
        "that costs: compare it with your prediction.",
        count=_POST_PARAMS,
    )


def reference_matching_aware_batch(images, digits, fakes, wrong, show="ifi", told="ddw", targets=(0.9, 0, 0)):
    """The discriminator's batch: (real, own digit, 0.9), (fake, its digit, 0), (real, wrong digit, 0); the
    switches make known mistakes (``show``/``told``: i images, f fakes, d digits, w wrong)."""
    part = {"i": images, "f": fakes, "d": digits, "w": wrong}
    batch = np.concatenate([part[k] for k in show]), np.concatenate([part[k] for k in told])
    return *batch, np.repeat(np.asarray(targets, np.float32), len(images))


def _pairs(batch, known) -> np.ndarray:
    """A batch as sorted rows (image, digit, target), the image as its index in ``known`` (-1: not there)."""
    shown, told, targets = (np.asarray(x, dtype=np.float64) for x in batch)
    hits = np.isclose(shown.reshape(len(shown), 1, -1), known.reshape(1, len(known), -1), atol=1e-6).all(-1)
    rows = np.c_[np.where(hits.any(1), hits.argmax(1), -1), told, np.round(targets.ravel(), 4)]
    return rows[np.lexsort(rows.T[::-1])]


_batch = functools.partial(functools.partial, reference_matching_aware_batch)  # _batch(**switches)
_MARKED_REAL = N_("Real images with wrong labels are marked real (0.9): they are fakes too, target 0.")
_TWO_KINDS = N_("Only real pairs and fakes: add the real images with the wrong labels (wrong), target 0.")
_MATCHING_MISTAKES = [
    Mistake(_batch(targets=(0.9, 0, 0.9)), _MARKED_REAL),
    Mistake(_batch(show="if", told="dd", targets=(0.9, 0)), _TWO_KINDS),
    Mistake(_batch(show="iff"), N_("The wrong labels went to the fakes: pair them with the real images.")),
    Mistake(_batch(told="dww"), N_("The fakes are told wrong digits: give each the digit it was made for.")),
    Mistake(_batch(targets=(1, 0, 0)), N_("The real pairs' target is 1: keep the post's smoothing, 0.9.")),
]
_THREE = N_("Expected three arrays: images (k, 28, 28, 1), digits (k,) and targets (k,); got {got}.")
_UNKNOWN = N_("Some images in the batch are none of the real images or fakes given: pass them on unchanged.")
_PAIRS = N_("Expected {n} real pairs (0.9), {n} fakes, {n} real images with wrong digits (0); got {count}.")


@register("check_matching_aware_batch", reference_matching_aware_batch, _MATCHING_MISTAKES)
@checker
def check_matching_aware_batch(func) -> None:
    """``func(images, digits, fakes, wrong)``: the matching-aware discriminator's batch, in any order."""
    images, fakes = np.random.default_rng(16).uniform(-1, 1, (2, 6, 28, 28, 1)).astype(np.float32)
    case = images, np.array([3, 0, 9, 5, 1, 7]), fakes, np.array([8, 4, 2, 6, 6, 0])  # wrong: never right
    got = call(func, *case, shown="(images (6, 28, 28, 1), digits (6,), fakes (6, 28, 28, 1), wrong (6,))")
    try:
        shown, told, targets = (np.asarray(x, dtype=np.float64) for x in got)
    except (TypeError, ValueError):  # not three arrays
        shown = told = targets = np.zeros(0)
    if told.ndim != 1 or targets.size != len(told) or shown.shape != (len(told), 28, 28, 1):
        parts = got if isinstance(got, (tuple, list)) else [got]
        fail(_THREE, got=", ".join(str(getattr(x, "shape", type(x).__name__)) for x in parts))
    known = np.r_[images, fakes]
    rows = _pairs((shown, told, targets), known)
    if (rows[:, 0] < 0).any():
        fail(_UNKNOWN)
    if not same(rows, _pairs(reference_matching_aware_batch(*case), known)):
        recognise(rows, [Mistake(_pairs(m.answer(*case), known), m.message) for m in _MATCHING_MISTAKES])
        fail(_PAIRS, n=len(images), count=len(rows))
    ok(
        "Right: {count} pairs, a third of them real (0.9) and two thirds fake (0), whatever order you chose. "
        "Trained on such batches, the police must look at the label too: a real 3 told 7 is now a fake they "
        "have seen. The generator's step stays as it was: fakes with their digits, target 1.",
        count=len(rows),
    )


__all__ = [name for name in dir() if name.startswith("check_")]
