"""Checkers for chapter 06's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib.exercises._feedback import _call, _fail, _not_done, _ok
from ganlib.fmt import number, numbers

__all__ = ["check_shell_walk"]


def reference_shell_walk(z0, z1, steps):
    """The straight-line walk, each point rescaled to a length going evenly from |z0| to |z1|."""
    t = np.linspace(0, 1, steps)[:, None]
    line = (1 - t) * z0 + t * z1
    lengths = (1 - t) * np.linalg.norm(z0) + t * np.linalg.norm(z1)
    return line / np.linalg.norm(line, axis=1, keepdims=True) * lengths


def check_shell_walk(func: Callable, lang: str | None = None) -> None:
    """``func(z0, z1, steps)``: ``steps`` points from z0 to z1 (both ends included), each in the
    direction of the straight-line walk at that point, with a length going evenly from |z0| to |z1|."""
    from ganlib.sampling import interpolate

    _not_done(func, lang)
    rng = np.random.default_rng(0)
    z0, z1 = rng.standard_normal((2, 200)).astype(np.float32)
    z1 = 1.2 * z1  # ends of different lengths, so that "the length goes evenly" is tested
    steps = 9
    got = np.asarray(_call(func, lang, z0, z1, steps), dtype=np.float64)
    want = reference_shell_walk(z0.astype(np.float64), z1.astype(np.float64), steps)
    t = np.linspace(0, 1, steps)[:, None]
    line = (1 - t) * z0 + t * z1
    if got.shape != want.shape:
        if got.ndim == 2 and got.shape[1] == 200 and len(got) == steps - 1:
            _fail(
                lang,
                f"{steps} nokta bekleniyordu, {len(got)} geldi: iki uç da (z0 ve z1) yolun parçası.",
                f"Expected {steps} points, got {len(got)}: both ends (z0 and z1) belong to the walk.",
            )
        _fail(
            lang,
            f"(steps, boyut) = {want.shape} şeklinde bir dizi bekleniyordu, {got.shape} geldi.",
            f"Expected an array of shape (steps, dimension) = {want.shape}, got {got.shape}.",
        )
    if not np.all(np.isfinite(got)):
        _fail(lang, "Dizide sonlu olmayan değerler var (nan ya da inf).", "The array holds nan or inf.")
    scale = np.sum(got * line) / np.sum(line * line)
    if not np.allclose(scale, 1, atol=1e-3) and np.allclose(got, scale * line, rtol=1e-4, atol=1e-4):
        _fail(
            lang,
            "Bütün satırları aynı sayıyla ölçeklemişsiniz: uzunluğu dizinin tamamı için almak gibi "
            "(np.linalg.norm'a eksen vermeden). Her nokta kendi uzunluğuyla ölçeklenmeli.",
            "Every row is scaled by the same number, as if the length were taken of the whole array "
            "(np.linalg.norm without an axis). Each point needs its own length.",
        )
    got_len, want_len = np.linalg.norm(got, axis=1), np.linalg.norm(want, axis=1)
    if np.allclose(got_len[1:-1], 1, atol=1e-3):
        _fail(
            lang,
            "Ara noktaların uzunluğu 1: birim vektöre çevirmişsiniz ama istenen uzunlukla çarpmamışsınız.",
            "The inner points have length 1: you made them unit vectors but did not multiply by the "
            "length they should have.",
        )
    if np.allclose(got[0], z1, atol=1e-4) and np.allclose(got[-1], z0, atol=1e-4):
        _fail(
            lang,
            "Yön ters: ilk satır z0, son satır z1 olmalı.",
            "Wrong direction: first row z0, last row z1.",
        )
    if not (np.allclose(got[0], z0, atol=1e-4) and np.allclose(got[-1], z1, atol=1e-4)):
        _fail(
            lang,
            "Uçlar tutmuyor: ilk satır tam olarak z0, son satır tam olarak z1 olmalı. İkisinin "
            "uzunluğu tam √200 değildir; uzunlukları sabit bir sayıya değil, uçların kendi "
            "uzunluklarına göre ayarlayın.",
            "The ends are off: the first row must be exactly z0, the last exactly z1. Their lengths "
            "are not exactly √200; set the lengths from the ends' own lengths, not from a constant.",
        )
    cosines = np.sum(got * line, axis=1) / (np.linalg.norm(got, axis=1) * np.linalg.norm(line, axis=1))
    if np.any(cosines < 1 - 1e-5):
        slerp = interpolate(z0, z1, steps, method="slerp")
        if np.allclose(got, slerp, atol=1e-3):
            _fail(
                lang,
                "Bu slerp: o da kabukta kalır, ama noktaları açı bakımından eşit aralıklıdır. "
                "Alıştırma, düz çizginin noktalarını yeniden ölçeklemenizi istiyor: her nokta, düz "
                "yolun o noktasıyla aynı yönü göstermeli.",
                "This is slerp: it stays on the shell too, but spaces its points evenly in angle. The "
                "exercise asks you to rescale the straight line's points: each must point the same way "
                "as the straight walk at that t.",
            )
        i = int(np.argmin(cosines))
        _fail(
            lang,
            f"{i}. satır, düz yolun aynı t'deki noktasıyla aynı yönü göstermiyor: noktaları yalnızca "
            "ölçekleyin (bir sayıyla çarpın), yana kaydırmayın; t'ler 0'dan 1'e eşit aralıklı olmalı.",
            f"Row {i} does not point the way the straight walk points at the same t: only rescale the "
            "points (multiply by a number), do not move them sideways; t runs evenly from 0 to 1.",
        )
    if not np.allclose(got_len, want_len, rtol=1e-4):
        if np.allclose(got_len, np.linalg.norm(line, axis=1), rtol=1e-4):
            _fail(
                lang,
                f"Bu düz çizginin kendisi: ortasında uzunluk {number(got_len.min(), 1, lang='tr')} değerine "
                "düşüyor. Her noktayı yeniden ölçekleyin.",
                f"This is the plain straight line: its length dips to {number(got_len.min(), 1, lang='en')} "
                "in the middle. Rescale each point.",
            )
        _fail(
            lang,
            f"Uzunluklar {numbers(want_len, 1, lang='tr')} olmalıydı (|z0|'dan |z1|'e eşit adımlarla), "
            f"{numbers(got_len, 1, lang='tr')} geldi.",
            f"The lengths should be {numbers(want_len, 1, lang='en')} (from |z0| to |z1| in even steps), "
            f"got {numbers(got_len, 1, lang='en')}.",
        )
    _ok(
        lang,
        "Doğru: düz çizginin yönleri, kabuğun üzerinde kalan uzunluklar.",
        "Right: the straight line's directions, lengths that stay on the shell.",
    )
