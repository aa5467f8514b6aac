"""Checkers for chapter 02's exercises."""

from __future__ import annotations

from collections.abc import Callable

from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_conv_params"]


def check_conv_params(func: Callable, lang: str = "en") -> None:
    """``func(kernel, c_in, c_out)`` must count a Conv2D layer's weights and biases."""
    _not_done(func, lang)
    cases = [(5, 1, 64), (5, 64, 128), (3, 3, 8)]
    for k, c_in, c_out in cases:
        got = _call(func, lang, k, c_in, c_out)
        want = k * k * c_in * c_out + c_out
        if got == k * k * c_in * c_out:
            _fail(
                lang,
                "Sapmalar (bias) eksik: her çıkış kanalının bir sapması vardır.",
                "The biases are missing: every output channel has one bias.",
            )
        if got != want:
            _fail(
                lang,
                f"Conv2D({c_out}, {k}×{k}) ve {c_in} giriş kanalı için {want} bekleniyordu, {got} geldi.",
                f"For Conv2D({c_out}, {k}×{k}) on {c_in} input channels expected {want}, got {got}.",
            )
    _ok(
        lang,
        "Doğru: 5×5×64×128 + 128 = 204.928, ayırtacın ikinci katmanı.",
        "Right: 5×5×64×128 + 128 = 204,928, the discriminator's second layer.",
    )
