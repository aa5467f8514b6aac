"""Argument checks shared by the library and the command line, one clear message per mistake.

Every size accepts Python and NumPy integers alike (``np.int64(8)`` is as good as ``8``) but
not ``True``; every message names the argument (or the command-line flag, when the command
line passes its flag as ``name``) and what to pass instead.
"""

from __future__ import annotations

import numbers

import numpy as np

LANGUAGES = ("tr", "en")  # the book's two editions


def check_lang(lang) -> str:
    """``lang`` if it is one of the editions' languages, else a ValueError naming both."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'tr' or 'en', got {lang!r}.")
    return lang


def is_integer(value) -> bool:
    """True for Python and NumPy integers, False for bools (``True`` is not a size)."""
    return isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_))


def positive_int(name: str, value, maximum: int | None = None, hint: str = "", minimum: int = 1) -> int:
    """``value`` as a Python int if it is an integer from ``minimum`` (default 1) to ``maximum``.

    Otherwise a ValueError such as "noise_dim must be a positive integer ≤ 10,000 (the post
    uses 200), got 0."; ``hint`` (e.g. " (the post uses 200)") goes before ", got".
    """
    if not is_integer(value) or value < minimum or (maximum is not None and value > maximum):
        what = "a positive integer" if minimum == 1 else f"an integer ≥ {minimum:,}"
        if maximum is not None:
            what += f" ≤ {maximum:,}"
        raise ValueError(f"{name} must be {what}{hint}, got {value!r}.")
    return int(value)


def random_seed(name: str, value, maximum: int | None = None, none_ok: bool = True) -> int | None:
    """``value`` as a Python int if it is a non-negative integer (≤ ``maximum``), or None if ``none_ok``.

    ``maximum``: ``2**32 - 1`` where the seed also goes to ``keras.utils.set_random_seed``.
    """
    if value is None and none_ok:
        return None
    if not is_integer(value) or value < 0 or (maximum is not None and value > maximum):
        upper = "" if maximum is None else f" ≤ {maximum:,}"
        alternative = " or None" if none_ok else ""
        raise ValueError(f"{name} must be a non-negative integer{upper}{alternative}, got {value!r}.")
    return int(value)


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
    int32 array of digits 0–9; with ``n``, one digit is repeated n times and a sequence must
    hold exactly n. Otherwise a ValueError that says what to pass."""
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
    if array.ndim == 0 and n is not None:
        array = np.full(n, int(array))
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
