"""Checkers for chapter 06's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_lerp"]


def check_lerp(func: Callable, lang: str = "en") -> None:
    """``func(z0, z1, steps)`` must return ``steps`` vectors from z0 to z1, both included."""
    from ganlib.sampling import interpolate

    _not_done(func, lang)
    rng = np.random.default_rng(0)
    z0, z1 = rng.standard_normal((2, 5)).astype(np.float32)
    got = np.asarray(_call(func, lang, z0, z1, 6))
    want = interpolate(z0, z1, 6)
    if got.shape == want.shape and np.allclose(got, want[::-1]):
        _fail(
            lang,
            "Yön ters: ilk satır z0, son satır z1 olmalı.",
            "Wrong direction: first row z0, last row z1.",
        )
    if got.shape == (5, 5) or (got.shape == (6, 5) and not np.allclose(got[-1], z1)):
        _fail(
            lang,
            "Son nokta eksik: iki uç da (z0 ve z1) dahil olmalı, np.linspace(0, 1, steps) gibi.",
            "The last point is missing: both ends (z0 and z1) are included, like np.linspace(0, 1, steps).",
        )
    if got.shape != want.shape:
        _fail(
            lang,
            f"{want.shape} şeklinde bir dizi bekleniyordu, {got.shape} geldi.",
            f"Expected an array of shape {want.shape}, got {got.shape}.",
        )
    if not np.allclose(got, want, atol=1e-5):
        _fail(
            lang,
            "Noktalar doğru üzerinde değil: (1 - t) * z0 + t * z1 kullanın.",
            "The points are not on the line: use (1 - t) * z0 + t * z1.",
        )
    _ok(lang, "Doğru: doğrusal ara değerleme.", "Right: linear interpolation.")
