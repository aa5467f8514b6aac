"""Checkers for chapter 09's exercises: the digit joined to the noise, wrong labels for real digits, a
discriminator blind to the digit, and the batch of a matching-aware discriminator."""

import importlib

import numpy as np

from ganlib import fmt
from ganlib.exercises import _core
from ganlib.exercises._core import N_, Mistake, built_model, call, checker, fail, ok, register, same

_IN_PLACE = N_("Your function changes its input {name} in place: leave the inputs alone, return a new array.")


def _call_unchanged(func, args: tuple, names: tuple, shown: str):
    """``func(*args)``, failing if it changed one of its inputs in place."""
    before = [np.array(arg, copy=True) for arg in args]
    got = call(func, *args, shown=shown)
    for name, arg, old in zip(names, args, before):
        if not np.array_equal(np.asarray(arg), old):
            fail(_IN_PLACE, name=name)
    return got


def reference_join_digit(z, digits):
    """Each noise vector followed by the one-hot code of its digit: float32 (n, noise_dim + 10)."""
    return np.hstack([np.asarray(z, dtype=np.float32), _code(digits)])


def _code(digits, width=10):
    return np.eye(width, dtype=np.float32)[np.asarray(digits, dtype=int)]


# (noise_dim, digits): the first case holds 0 and 9 (shifted or eleven-wide codes show), the second's
# largest digit is 4 (a code cut at the batch's largest digit shows), the last is MNIST's uint8 labels.
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
_ELEVEN = N_("The code is eleven columns wide (np.eye(11)?): ten digits need ten, np.eye(10)[digits].")
_CUT = N_("With digits = {digits} the code has {cut} columns: ask for ten, to_categorical(digits, 10).")
# Each known mistake as its wrong code: known by its rows or, where they have another shape, by that shape.
_JOIN_MISTAKES = [
    Mistake(lambda z, d: np.hstack([_code(d), z]), _CODE_FIRST),  # any one-hot code first: see the checker
    Mistake(lambda z, d: np.hstack([z, _code(np.asarray(d, int) - 1)]), _SHIFTED, {"sign": "−"}),
    Mistake(lambda z, d: np.hstack([z, _code(np.add(d, 1) % 10)]), _SHIFTED, {"sign": "+"}),
    Mistake(lambda z, d: np.append(z, _code(d)), _FLAT),
    Mistake(lambda z, d: np.hstack([z, np.asarray(d, np.float32)[:, None]]), _ONE_NUMBER),
    Mistake(lambda z, d: np.hstack([z, _code(d, 11)]), _ELEVEN),
    Mistake(lambda z, d: np.hstack([z, _code(d, np.max(d) + 1)]), _CUT),  # to_categorical(d) not told 10
    Mistake(lambda z, d: z, N_("The rows are only the noise: append each digit's one-hot code to its row.")),
    Mistake(lambda z, d: _code(d), N_("The rows are only the digit's code: first the noise, then the code.")),
]
_NOT_ARRAY = N_("Expected one numpy array, got {kind}: np.concatenate([z, code], axis=1).")
_JOIN_SHAPE = N_("With z of shape {z} the result must have shape (n, noise_dim + 10) = {want}, got {shape}.")
_NOISE = N_("The first noise_dim = {noise_dim} numbers of each row must be its noise vector, unchanged.")
_CODE = N_("Row {row} (digit {digit}) has the code {values}: digit d's code is a 1 in column d, 0 elsewhere.")
_DTYPE = N_("The array is {dtype}; Keras computes in float32: use np.eye(10, dtype=np.float32).")


@register("check_join_digit", reference_join_digit, _JOIN_MISTAKES)
@checker
def check_join_digit(func) -> None:
    """``func(z, digits)`` must return float32 ``(n, noise_dim + 10)``: each noise vector, then the one-hot
    code of its digit; its inputs unchanged."""
    dtypes = []
    for case, (noise_dim, digits) in enumerate(_JOIN_CASES):
        z = np.random.default_rng(case).standard_normal((len(digits), noise_dim)).astype(np.float32)
        digits = list(digits) if isinstance(digits, list) else digits.copy()
        shown = f"(z: ndarray{z.shape} float32, digits: {digits!r})"
        got = _call_unchanged(func, (z, digits), ("z", "digits"), shown)
        if not hasattr(got, "__array__") or not np.issubdtype(np.asarray(got).dtype, np.number):
            fail(_NOT_ARRAY, kind=type(got).__name__)
        rows, want = np.asarray(got), reference_join_digit(z, digits)
        dtypes.append(rows.dtype)
        if same(rows, want, rtol=0, atol=1e-6):
            continue
        fields = {"digits": repr(digits), "cut": int(np.max(digits)) + 1, "size": rows.size}
        for mistake in _JOIN_MISTAKES:
            wrong = mistake.answer(z, digits)
            if same(rows, wrong, rtol=0, atol=1e-6) or want.shape != wrong.shape == rows.shape:
                fail(mistake.message, **fields, **mistake.fields)
        if rows.shape != want.shape:
            fail(_JOIN_SHAPE, z=str(z.shape), want=str(want.shape), shape=str(rows.shape))
        if np.allclose(rows[:, 10:], z, atol=1e-6) and (np.sort(rows[:, :10]) == np.eye(10)[9]).all():
            fail(_CODE_FIRST)
        if not np.allclose(rows[:, :noise_dim], z, atol=1e-6):
            fail(_NOISE, noise_dim=noise_dim)
        i = int(np.argmin(np.isclose(rows[:, noise_dim:], want[:, noise_dim:], atol=1e-6).all(axis=1)))
        code = fmt.numbers(np.round(rows[i, noise_dim:].astype(float), 3))
        fail(_CODE, row=i, digit=int(np.asarray(digits)[i]), values=code)
    wrong = next((str(dtype) for dtype in dtypes if dtype != np.float32), None)
    if wrong:
        fail(_DTYPE, dtype=wrong)
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
_SHARE_RANGE = (0.06, 0.17)  # each of the nine others: 1/9 ≈ 0.111, about 10 in 1,000 either way

_SHAPE = N_("Expected an array of shape {shape}, one wrong digit for each digit; got {got}.")
_WHOLE = N_("The array is {dtype}: digits are whole numbers, return integers (.astype(int) if needed).")
_NOT_A_DIGIT = N_("{bad} is not a digit (0 … 9): wrap around with % 10 (9 + 1 → 0).")
_UNCHANGED = N_("{kept} of {n} digits came back unchanged ({share})")
_SHUFFLED = N_("{where}: a shuffle (rng.permutation) keeps about one digit in ten; change each digit.")
_ALL_TEN = N_("{where}: rng.integers(0, 10) keeps about one in ten; add rng.integers(1, 10) and take % 10.")
_KEPT = N_("{where}. Every digit must change: the wrong digit must differ from the right one.")
_FIXED = N_("All {count} threes became {became}s: draw each wrong digit separately (size=len(digits)).")
_SEED = N_("The answer must follow the seed: create rng = np.random.default_rng(seed) inside the function.")
_UNEVEN = N_("Of {count} {d}s, {share} became {e}s, not one in nine ({ninth}): add rng.integers(1, 10).")
_WRONG_MISTAKES = [
    Mistake(lambda d, s: np.remainder(d + 1, 10, out=d, casting="unsafe"), _IN_PLACE),
    Mistake(lambda d, s: None, _SHAPE),
    Mistake(lambda d, s: reference_wrong_digits(d, s)[:-1], _SHAPE),
    Mistake(lambda d, s: reference_wrong_digits(d, s) * 1.0, _WHOLE),
    Mistake(lambda d, s: d + np.random.default_rng(s).integers(1, 10, len(d)), _NOT_A_DIGIT),  # no % 10
    Mistake(lambda d, s: np.random.default_rng(s).permutation(d), _SHUFFLED),
    Mistake(lambda d, s: np.random.default_rng(s).integers(0, 10, size=len(d)), _ALL_TEN),
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
    got = _call_unchanged(func, (digits, seed), ("digits", "seed"), shown)
    array_like = isinstance(got, (np.ndarray, list, tuple))
    wrong = np.asarray(got) if array_like else np.zeros(0)
    if wrong.shape != digits.shape:
        fail(_SHAPE, shape=str(digits.shape), got=str(wrong.shape) if array_like else type(got).__name__)
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
    few, many = _wrong(func, _FEW.copy(), 0), _MANY.copy()
    got = _wrong(func, many, 0)
    for digits, wrong in ((many, got), (_FEW, few)):
        n, kept = len(digits), int(np.sum(wrong == digits))
        if kept:
            where = _core.phrase(_UNCHANGED, kept=kept, n=n, share=fmt.percent(kept / n))
            shuffled = kept < n and np.array_equal(np.sort(wrong), np.sort(digits))
            fail(_SHUFFLED if shuffled else _ALL_TEN if 0.05 <= kept / n <= 0.2 else _KEPT, where=where)
    if all(len(np.unique(got[many == d])) == 1 for d in range(10)):
        fail(_FIXED, count=_PER_DIGIT, became=int(got[many == 3][0]))
    if not np.array_equal(_wrong(func, many, 0), got) or np.array_equal(_wrong(func, many, 1), got):
        fail(_SEED)
    counts = np.bincount(10 * many + got, minlength=100).reshape(10, 10)
    shares = counts / counts.sum(axis=1, keepdims=True)  # shares[d, e]: how often digit d became e
    off = ~np.eye(10, dtype=bool)
    if shares[off].min() < _SHARE_RANGE[0] or shares[off].max() > _SHARE_RANGE[1]:
        d, e = np.unravel_index(int(np.where(off, np.abs(shares - 1 / 9), -1.0).argmax()), shares.shape)
        fail(_UNEVEN, count=_PER_DIGIT, d=d, e=e, share=fmt.percent(shares[d, e]), ninth=fmt.percent(1 / 9))
    ok(
        "Right: no digit keeps its own label, each of the nine others comes up about equally often ({low} "
        "to {high} over {n} digits), and the same seed gives the same answer. Real images with these labels "
        'make "real digit, wrong label" pairs; the solution asks the shipped conditional discriminator '
        "what it makes of them.",
        low=fmt.percent(shares[off].min()),
        high=fmt.percent(shares[off].max()),
        n=len(many),
    )


_POST_PARAMS = 212_865
_CONDITIONAL_PARAMS = 228_865  # the first convolution also reads ten digit maps: 10 × 5 × 5 × 64 more
_IMAGE = (None, 28, 28, 1)


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


def _verdicts(model, images, digits) -> np.ndarray:
    """The model's verdicts on ``[images, digits]`` with training=False, or a message."""
    try:
        return np.asarray(model([images, digits], training=False), dtype=np.float64)
    except Exception as err:  # noqa: BLE001 - report any crash of the student's model helpfully
        shown = f"[ndarray{images.shape}, ndarray({len(digits)},) int32], training=False"
        fail(_CALLED, args=shown, error=_core.crash_text(err))


def _output_activation(model) -> str | None:
    """Name of the activation of the layer that makes the output (inside nested models), else None."""
    import keras

    layer = model
    while isinstance(layer, keras.Model) and getattr(layer, "outputs", None):
        layer = getattr(getattr(layer.outputs[0], "_keras_history", None), "operation", None)
    return getattr(getattr(layer, "activation", None), "__name__", None)


_CALLED = N_("The model raised an error when called with {args}: {error}")
_ONE_INPUT = N_("The model has one input, {shape}: add a digit input that it does not use, [image, digit].")
_INPUT_ORDER = N_("The inputs are in the wrong order: first the image, then the digit, [image, digit].")
_DIGIT_SHAPE = N_('The digit input has shape {shape}, not (None,): keras.Input(shape=(), dtype="int32").')
_INPUTS = N_("The inputs are {shapes}; expected two keras.Input layers, [image (28, 28, 1), digit ()].")
_OUT_SHAPE = N_("For {n} images the output must be ({n}, 1), one probability per image; got {shape}.")
_SOFTMAX = N_('Every verdict is 1, as a softmax of one number always is: use Dense(1, activation="sigmoid").')
_ACTIVATION = N_('The output layer\'s activation is {activation}: use Dense(1, activation="sigmoid").')
_RANGE = N_('The outputs leave the range 0 … 1 of a probability: end with Dense(1, activation="sigmoid").')
_READS = N_("Another digit changes the verdict: the model reads the digit; pass the digit to no layer.")
_CONDITIONAL = N_("The conditional discriminator ({count} parameters) reads the digit: build the post's.")
_DIGIT_MAPS = N_("{count} parameters: the first convolution also reads ten digit maps: give it the image.")
_PARAMS_GAP = N_("{count} parameters where the post's discriminator has {post}: build the same layers as it.")
_STEP_FAILED = N_("A ConditionalGAN training step failed with this discriminator: {error}")
_NOT_FINITE = N_("A ConditionalGAN training step gave a loss that is not finite (NaN or infinite).")
_STILL = N_("A ConditionalGAN training step left the discriminator's weights unchanged: it does not learn.")
_FROZEN = N_("The model has no trainable weights (trainable=False?): the discriminator must learn.")
_BLIND_MISTAKES = [
    Mistake(lambda: reference_blind_discriminator(digit=None), _ONE_INPUT),
    Mistake(lambda: reference_blind_discriminator(swap=True), _INPUT_ORDER),
    Mistake(lambda: reference_blind_discriminator(digit=(1,)), _DIGIT_SHAPE),
    Mistake(lambda: reference_blind_discriminator(activation=None), _ACTIVATION),
    Mistake(lambda: reference_blind_discriminator(activation="tanh"), _ACTIVATION),
    Mistake(lambda: importlib.import_module("ganlib.models").build_conditional_discriminator(), _CONDITIONAL),
    Mistake(lambda: reference_blind_discriminator(filters=32), _PARAMS_GAP),
    Mistake(lambda: reference_blind_discriminator(filters=80), _PARAMS_GAP),
    Mistake(lambda: reference_blind_discriminator(trainable=False), _FROZEN),
]


@register("check_blind_discriminator", reference_blind_discriminator, _BLIND_MISTAKES)
@checker
def check_blind_discriminator(func) -> None:
    """``func()`` must build a model of ``[image (28, 28, 1), digit ()]`` that ignores the digit, is otherwise
    the post's discriminator (212,865 parameters, sigmoid output), and that ConditionalGAN trains."""
    import tensorflow as tf

    from ganlib.models import build_conditional_generator
    from ganlib.training import ConditionalGAN

    model = built_model(func)
    try:
        shapes = [tuple(t.shape) for t in model.inputs]
    except (AttributeError, ValueError):
        shapes = []
    if len(shapes) == 1:
        fail(_ONE_INPUT, shape=str(shapes[0]))
    if shapes == [(None,), _IMAGE]:
        fail(_INPUT_ORDER)
    if len(shapes) == 2 and shapes[0] == _IMAGE and shapes[1] != (None,):
        fail(_DIGIT_SHAPE, shape=str(shapes[1]))
    if shapes != [_IMAGE, (None,)]:
        fail(_INPUTS, shapes=str(shapes))
    images = np.random.default_rng(9).uniform(-1, 1, (16, 28, 28, 1)).astype(np.float32)
    digits = np.arange(len(images), dtype=np.int32) % 10
    out = _verdicts(model, images, digits)
    if out.shape != (len(images), 1):
        fail(_OUT_SHAPE, n=len(images), shape=str(out.shape))
    if np.allclose(out, 1.0):
        fail(_SOFTMAX)
    activation = _output_activation(model)
    if activation is not None and "sigmoid" not in activation:
        fail(_ACTIVATION, activation=activation)
    loud = _verdicts(model, 100 * images, digits)  # far outside [-1, 1]: a linear output shows
    if not all(np.isfinite(v).all() and ((v >= 0) & (v <= 1)).all() for v in (out, loud)):
        fail(_RANGE)
    params = model.count_params()
    if not np.allclose(out, _verdicts(model, images, (digits + 3) % 10), rtol=0, atol=1e-7):
        fail(_CONDITIONAL if params == _CONDITIONAL_PARAMS else _READS, count=params)
    if params != _POST_PARAMS:
        fail(_DIGIT_MAPS if params == _CONDITIONAL_PARAMS else _PARAMS_GAP, count=params, post=_POST_PARAMS)
    if not model.trainable_variables:
        fail(_FROZEN)
    before = [np.array(v) for v in model.trainable_variables]
    try:
        gan = ConditionalGAN(build_conditional_generator(8), model)
        gan.compile()
        logs = gan.train_step((tf.constant(images[:8]), tf.constant(digits[:8])))
        losses = [float(logs["d_loss"]), float(logs["g_loss"])]
    except Exception as err:  # noqa: BLE001 - report any crash of the student's model helpfully
        fail(_STEP_FAILED, error=_core.crash_text(err))
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


# The matching-aware discriminator (Reed et al. 2016): real digits with their own labels are real (0.9,
# the post's smoothing); fakes with their digits and real digits with wrong labels are fake (0).
_REAL = 0.9


def reference_matching_aware_batch(images, digits, fakes, wrong, show="ifi", told="ddw", targets=(0.9, 0, 0)):
    """The discriminator's batch: (real, own digit, 0.9), (fake, its digit, 0), (real, wrong digit, 0); the
    switches make known mistakes (``show``/``told``: i images, f fakes, d digits, w wrong)."""
    part = {"i": images, "f": fakes, "d": digits, "w": wrong}
    batch = np.concatenate([part[k] for k in show]), np.concatenate([part[k] for k in told])
    return *batch, np.repeat(np.asarray(targets, np.float32), len(images))


def _matching_case():
    """Six real "digits" and six fakes, all different, their digits and wrong digits (never their own)."""
    images, fakes = np.random.default_rng(16).uniform(-1, 1, (2, 6, 28, 28, 1)).astype(np.float32)
    return images, np.array([3, 0, 9, 5, 1, 7]), fakes, np.array([8, 4, 2, 6, 6, 0])


def _pairs(batch, images, fakes) -> np.ndarray:
    """A batch as sorted rows (kind, index, digit, target), kind 0 a real image, 1 a fake, 2 neither."""
    known = [(k, i, image) for k, source in enumerate((images, fakes)) for i, image in enumerate(source)]
    rows = []
    for image, digit, target in zip(*batch):
        k, i = next(((k, i) for k, i, seen in known if np.allclose(seen, image, atol=1e-6)), (2, -1))
        rows.append((k, i, int(digit), round(float(target), 4)))
    return np.array(sorted(rows), dtype=np.float64).reshape(-1, 4)


def _batch(**switches):
    return lambda *case: reference_matching_aware_batch(*case, **switches)


_MARKED_REAL = N_("Real images with wrong labels are marked real (0.9): they are fakes too, target 0.")
_TWO_KINDS = N_("Only real pairs and fakes: add the real images with the wrong labels (wrong), target 0.")
_MATCHING_MISTAKES = [
    Mistake(_batch(targets=(_REAL, 0, _REAL)), _MARKED_REAL),
    Mistake(_batch(show="if", told="dd", targets=(_REAL, 0)), _TWO_KINDS),
    Mistake(_batch(show="iff"), N_("The wrong labels went to the fakes: pair them with the real images.")),
    Mistake(_batch(told="dww"), N_("The fakes are told wrong digits: give each the digit it was made for.")),
    Mistake(_batch(targets=(1, 0, 0)), N_("The real pairs' target is 1: keep the post's smoothing, 0.9.")),
]
_THREE = N_("Expected three arrays: images (k, 28, 28, 1), digits (k,) and targets (k,); got {got}.")
_UNTRACED = N_("Some images in the batch are none of the real images or fakes given: pass them on unchanged.")
_PAIRS = N_("Expected {n} real pairs (0.9), {n} fakes, {n} real images with wrong digits (0); got {count}.")


def _three_arrays(func, case):
    """The student's batch as three arrays of one length, or a message."""
    got = call(func, *case, shown="(images (6, 28, 28, 1), digits (6,), fakes (6, 28, 28, 1), wrong (6,))")
    try:
        shown, told, targets = (np.asarray(x, dtype=np.float64) for x in got)
    except (TypeError, ValueError):
        shown = told = targets = np.zeros(0)
    targets = targets[:, 0] if targets.ndim == 2 and targets.shape[1] == 1 else targets
    if told.ndim != 1 or told.shape != targets.shape or shown.shape != (len(told), 28, 28, 1):
        parts = got if isinstance(got, (tuple, list)) else [got]
        fail(_THREE, got=", ".join(str(getattr(x, "shape", type(x).__name__)) for x in parts))
    return shown, told, targets


@register("check_matching_aware_batch", reference_matching_aware_batch, _MATCHING_MISTAKES)
@checker
def check_matching_aware_batch(func) -> None:
    """``func(images, digits, fakes, wrong)`` must return the matching-aware discriminator's batch, in any
    order: real images with their digits (0.9), fakes with theirs (0), real images with wrong digits (0)."""
    case = _matching_case()
    images, fakes = case[0], case[2]
    got = _pairs(_three_arrays(func, case), images, fakes)
    if (got[:, 0] == 2).any():
        fail(_UNTRACED)
    if not same(got, _pairs(reference_matching_aware_batch(*case), images, fakes)):
        for m in _MATCHING_MISTAKES:
            _core.recognise(got, [Mistake(_pairs(m.answer(*case), images, fakes), m.message, m.fields)])
        fail(_PAIRS, n=len(images), count=len(got))
    ok(
        "Right: {count} pairs, a third of them real (0.9) and two thirds fake (0), whatever order you chose. "
        "Trained on such batches, the police must look at the label too: a real 3 told 7 is now a fake they "
        "have seen. The generator's step stays as it was: fakes with their digits, target 1.",
        count=3 * len(images),
    )


__all__ = [name for name in dir() if name.startswith("check_")]
