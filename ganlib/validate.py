"""Argument checks shared by the library and the command line, one clear message per mistake.

Every size accepts Python and NumPy integers alike (``np.int64(8)`` is as good as ``8``) but
not ``True``; every message names the argument (or the command-line flag, when the command
line passes its flag as ``name``) and what to pass instead.
"""

from __future__ import annotations

import numbers

import numpy as np

from ganlib.config import IMAGE_SHAPE

LANGUAGES = ("tr", "en")  # the book's two editions
#: A training seed also seeds NumPy's legacy generator (``keras.utils.set_random_seed``), which
#: takes 0 … 2**32 − 1; every command line seed accepts the same range.
MAX_SEED = 2**32 - 1


def check_lang(lang) -> str:
    """``lang`` if it is one of the editions' languages, else a ValueError naming both."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'tr' or 'en', got {lang!r}.")
    return lang


def is_integer(value) -> bool:
    """True for Python and NumPy integers, False for bools (``True`` is not a size)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


class RunError(ValueError):
    """Not a mistake in how ganlib was called, but in what it works on: a file it needs is
    damaged or missing, a run folder is in use. The command line exits 1 for these, and 2 only
    for a mistake in the command itself."""


def _bound(value) -> str:
    return f"{value:,}" if is_integer(value) else f"{value:g}"


def in_range(
    name: str,
    value,
    low=None,
    high=None,
    *,
    integer: bool = False,
    low_open: bool = False,
    high_open: bool = False,
    none_ok: bool = False,
    hint: str = "",
    what: str | None = None,
):
    """``value`` if it is a number from ``low`` to ``high`` (``*_open``: the bound itself
    excluded; None: no bound) — an int with ``integer=True``, else a float — or None if
    ``none_ok``. Every numeric check of ganlib's arguments goes through here.

    Otherwise a ValueError "NAME must be WHAT HINT, got VALUE.": ``what`` says what to pass
    (by default "a positive integer ≤ 10,000", "a number in (0, 1)", …); Python and NumPy
    numbers alike are accepted, bools, strings, NaN and infinities are not.
    """
    if value is None and none_ok:
        return None
    if integer:
        ok = is_integer(value)
    else:
        ok = isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
        ok = ok and bool(np.isfinite(float(value)))
    if ok:
        ok = (low is None or (value > low if low_open else value >= low)) and (
            high is None or (value < high if high_open else value <= high)
        )
    if ok:
        return int(value) if integer else float(value)
    if what is None:
        if integer:
            kinds = {1: "a positive integer", 0: "a non-negative integer", None: "an integer"}
            what = kinds[low] if low in kinds else f"an integer ≥ {_bound(low)}"
            what += "" if high is None else f" ≤ {_bound(high)}"
        else:
            left, right = "(" if low_open else "[", ")" if high_open else "]"
            lo = "−∞" if low is None else _bound(low)
            hi = "∞" if high is None else _bound(high)
            what = f"a number in {left}{lo}, {hi}{right}"
    alternative = " or None" if none_ok else ""
    raise ValueError(f"{name} must be {what}{alternative}{hint}, got {value!r}.")


def positive_int(name: str, value, maximum: int | None = None, hint: str = "", minimum: int = 1) -> int:
    """``value`` as a Python int if it is an integer from ``minimum`` (default 1) to ``maximum``.

    Otherwise a ValueError such as "noise_dim must be a positive integer ≤ 10,000 (the post
    uses 200), got 0."; ``hint`` (e.g. " (the post uses 200)") goes before ", got".
    """
    return in_range(name, value, minimum, maximum, integer=True, hint=hint)


def random_seed(name: str, value, maximum: int | None = None, none_ok: bool = True) -> int | None:
    """``value`` as a Python int if it is a non-negative integer (≤ ``maximum``), or None if ``none_ok``.

    ``maximum``: ``2**32 - 1`` where the seed also goes to ``keras.utils.set_random_seed``.
    """
    return in_range(name, value, 0, maximum, integer=True, none_ok=none_ok)


def finite_array(name: str, values, hint: str = "", dtype=np.float32) -> np.ndarray:
    """``values`` as a ``dtype`` array if every entry is a finite number, else a ValueError.

    The message counts the NaN and infinite entries; ``hint`` says where they may come from.
    """
    try:
        array = np.asarray(values, dtype)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{name} must be an array of numbers ({err}).") from None
    bad = int(array.size - np.count_nonzero(np.isfinite(array)))
    if bad:
        raise ValueError(f"{name} holds {bad:,} NaN or infinite value{'s' if bad > 1 else ''}{hint}.")
    return array


def digit_labels(name: str, values, n: int | None = None) -> np.ndarray:
    """``values`` (a digit, a sequence of digits, or a string such as ``"0123456789"``) as an
    int32 array of digits 0–9; with ``n``, a single digit (``7``, ``"7"``, ``[7]``) is repeated
    n times and a longer sequence must hold exactly n. Otherwise a ValueError that says what to pass."""
    if isinstance(values, str):
        if not values.isdigit() or not values.isascii():
            raise ValueError(f"{name} must be digits 0–9, such as '0123456789', got {values!r}.")
        values = [int(c) for c in values]
    array = np.asarray(values)
    if array.dtype == bool or not (np.issubdtype(array.dtype, np.integer) or array.size == 0):
        raise ValueError(f"{name} must be whole numbers 0–9 (one per sample), got {values!r}.")
    bad = array[(array < 0) | (array > 9)]
    if bad.size:
        raise ValueError(f"{name} must be digits 0–9; {bad.ravel()[0]} is not one.")
    if array.size == 1 and n is not None:  # one digit for all: 7, "7" or [7]
        array = np.full(n, int(array.ravel()[0]))
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a digit or a flat list of digits, got shape {array.shape}.")
    if n is not None and len(array) != n:
        raise ValueError(
            f"{name} holds {len(array)} digits but there are {n} noise vectors; give one digit per "
            "noise vector (or a single digit for all of them)."
        )
    return array.astype(np.int32)


def check_digits(digits, n_images: int) -> np.ndarray:
    """The images' digits as int32, one per image (chapter 09's labels), or a ValueError saying so."""
    digits = digit_labels("digits", digits)
    if len(digits) != n_images:
        raise ValueError(f"{n_images:,} images but {len(digits):,} digits; give one digit per image.")
    return digits


#: How far beyond [-1, 1] a pixel may lie (rounding in a float image that was scaled elsewhere).
PIXEL_TOLERANCE = 1e-3


def pixel_images(name: str, images, hint: str = "", digits_shape: bool = True, unit_ok: bool = False):
    """Images as the networks read them: float32 in [-1, 1], ``(N, 28, 28, 1)`` with
    ``digits_shape`` (``(N, 28, 28)`` gets its channel axis). The uint8 digits ``load_mnist``
    returns are scaled here; floats must already lie in [-1, 1]. Every image ganlib is given
    (the measures, ``nearest_real``, ``make_dataset``, ``to_uint8``) goes through here.

    A ValueError naming ``name`` and the fix for anything else: integers other than uint8,
    NaN, another shape, floats beyond [-1, 1] (pixels 0..255), and — unless ``unit_ok``, for a
    generator's own outputs — floats in [0, 1] (``images / 255``: the background must be −1).
    """
    x = np.asarray(images)
    if x.dtype == np.uint8:
        from ganlib.data import from_uint8

        x = from_uint8(x)
    elif x.dtype.kind in "iub":
        raise ValueError(
            f"{name} are {x.dtype} numbers; pass uint8 digits 0..255 (images.astype('uint8')) or "
            f"floats in [-1, 1]{hint}."
        )
    elif x.dtype.kind != "f":
        raise ValueError(
            f"{name} must be an array of pixels (uint8 or floats in [-1, 1]), got dtype {x.dtype}."
        )
    if digits_shape:
        shape = x.shape
        if x.ndim == 3:
            x = x[..., np.newaxis]
        if x.ndim != 4 or x.shape[1:] != IMAGE_SHAPE:
            raise ValueError(f"{name} must have shape (N, 28, 28) or (N, 28, 28, 1), got {shape}{hint}.")
        if len(x) == 0:
            raise ValueError(f"{name} is empty (no images); pass at least one image.")
    x = finite_array(name, x, hint=hint)
    if x.size == 0:
        return x
    low, high = float(x.min()), float(x.max())
    if low < -1 - PIXEL_TOLERANCE or high > 1 + PIXEL_TOLERANCE:
        raise ValueError(
            f"{name} must be pixels in [-1, 1] (or uint8 digits 0..255), got values {low:g}..{high:g}; "
            f"scale pixels 0..255 with x / 127.5 - 1 (data.scale_images does it for uint8 digits){hint}."
        )
    if not unit_ok and 0 <= low < high <= 1:
        raise ValueError(
            f"{name} look like pixels in [0, 1] ({low:g}..{high:g}, e.g. images / 255), but ganlib's "
            f"pixels lie in [-1, 1] with a background of −1; pass x * 2 - 1, or the uint8 digits{hint}."
        )
    return x


def probabilities(name: str, probs, classes: int = 10) -> np.ndarray:
    """``probs`` as a float64 ``(n, classes)`` array if each row is a probability distribution
    (n ≥ 1, entries ≥ 0 summing to 1), the check of every measure that reads the classifier's
    output; otherwise a ValueError saying what was passed (logits, an empty set, NaN)."""
    p = finite_array(name, probs, hint=" (from a classifier given NaN images?)", dtype=np.float64)
    if p.ndim != 2 or p.shape[1] != classes or len(p) == 0:
        raise ValueError(
            f"{name} must be class probabilities of shape (n, {classes}) with n ≥ 1, got {p.shape}; "
            "use metrics.predict(images)[0]."
        )
    if p.min() < -1e-6 or np.abs(p.sum(axis=1) - 1).max() > 1e-3:
        raise ValueError(
            f"{name} must be probabilities (each row ≥ 0, summing to 1), got values "
            f"{p.min():g}..{p.max():g}; logits need a softmax first (keras.ops.softmax)."
        )
    return p
