"""Checkers for chapter 04's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_discriminator_targets"]


def check_discriminator_targets(func: Callable, lang: str = "en") -> None:
    """``func(batch_size, smoothing)`` must return [smoothing]*n + [0]*n as floats."""
    _not_done(func, lang)
    for n, s in [(4, 0.9), (3, 1.0), (1, 0.8)]:
        got = np.asarray(_call(func, lang, n, s))
        want = np.concatenate([np.full(n, s), np.zeros(n)])
        if got.shape != want.shape:
            _fail(
                lang,
                f"batch_size={n} için {2 * n} etiket (gerçek + sahte) bekleniyordu, şekil {got.shape} geldi.",
                f"For batch_size={n} expected {2 * n} targets (real + fake), got shape {got.shape}.",
            )
        if np.allclose(got, want[::-1]):
            _fail(
                lang,
                "Sıra ters: önce gerçekler (smoothing), sonra sahteler (0) — concat([real, fake]) gibi.",
                "Wrong order: real first (smoothing), then fake (0) — as in concat([real, fake]).",
            )
        if np.allclose(got[n:], 1 - s) and s < 1:
            _fail(
                lang,
                "Sahte taraf yumuşatılmamalı: tek taraflı yumuşatmada sahtelerin etiketi 0 kalır.",
                "Do not smooth the fake side: with one-sided smoothing fake targets stay 0.",
            )
        if np.allclose(got[:n], 1.0) and s < 1:
            _fail(
                lang,
                f"Gerçek etiketler {s} olmalı, 1 değil: smoothing parametresini kullanın.",
                f"Real targets must be {s}, not 1: use the smoothing argument.",
            )
        if not np.allclose(got, want):
            _fail(
                lang,
                f"batch_size={n}, smoothing={s} için {want} bekleniyordu, {got} geldi.",
                f"For batch_size={n}, smoothing={s} expected {want}, got {got}.",
            )
        if not np.issubdtype(got.dtype, np.floating):
            _fail(
                lang,
                f"Etiketler ondalıklı sayı olmalı (float32), {got.dtype} geldi.",
                f"Targets must be floats (float32), got {got.dtype}.",
            )
    _ok(
        lang,
        "Doğru: gerçekler yumuşatılmış, sahteler 0, sıra concat([real, fake]) ile aynı.",
        "Right: real targets smoothed, fake targets 0, in the order of concat([real, fake]).",
    )
