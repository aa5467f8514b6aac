"""Checkers for chapter 01's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_optimal_discriminator"]


def check_optimal_discriminator(func: Callable, lang: str = "en") -> None:
    """``func(p_data, p_model)`` must return the best police's belief p_data / (p_data + p_model)."""
    _not_done(func, lang)
    p_data = np.array([0.4, 0.1, 0.0, 0.25])
    p_model = np.array([0.4, 0.3, 0.2, 0.0])
    got = np.asarray(_call(func, lang, p_data, p_model), dtype=float)
    want = p_data / (p_data + p_model)
    if got.shape != want.shape:
        _fail(
            lang,
            f"Her x için bir değer bekleniyordu (şekil {want.shape}), gelen şekil {got.shape}.",
            f"Expected one value per x (shape {want.shape}), got shape {got.shape}.",
        )
    if np.allclose(got, p_model / (p_data + p_model)):
        _fail(
            lang,
            "Pay ters: D(x), x'in GERÇEK olma olasılığıdır; payda p_data olmalı.",
            "Numerator swapped: D(x) is the probability that x is REAL, so p_data goes on top.",
        )
    if not np.allclose(got, want):
        _fail(
            lang,
            f"p_data={p_data}, p_model={p_model} için {want} bekleniyordu, {got.round(3)} geldi.",
            f"For p_data={p_data}, p_model={p_model} expected {want}, got {got.round(3)}.",
        )
    _ok(
        lang,
        "Doğru: veri ve model aynı olduğunda D(x) = 1/2 olur.",
        "Right: where data and model agree, D(x) = 1/2.",
    )
