"""Checkers for chapter 01's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_generator_loss_gradients"]

# The police's logit a on six fakes (D(G(z)) = sigmoid(a)): from "surely fake" to "surely real".
LOGITS = np.array([-8.0, -3.0, -0.5, 0.0, 1.0, 4.0])


def _sigmoid(a: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-a))


def _autodiff(kind: str, logits: np.ndarray) -> np.ndarray:
    """d(loss)/da for each fake, by TensorFlow's automatic differentiation of the loss itself."""
    import tensorflow as tf

    a = tf.Variable(logits, dtype=tf.float64)
    with tf.GradientTape() as tape:
        if kind == "saturating":
            loss = tf.math.log(1.0 - tf.sigmoid(a))  # log(1 - D(G(z)))
        else:
            loss = -tf.math.log(tf.sigmoid(a))  # -log D(G(z))
        total = tf.reduce_sum(loss)  # one fake's loss depends on its own logit only
    return tape.gradient(total, a).numpy()


def _numbers(values, lang: str | None = None) -> str:
    from ganlib import fmt

    return fmt.numbers(np.asarray(values, dtype=float), 4, lang=lang)


def _values(func: Callable, lang: str, name: str) -> np.ndarray:
    got = _call(func, lang, LOGITS.copy())
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        _fail(
            lang,
            f"{name}: sayılardan oluşan bir dizi bekleniyordu, {type(got).__name__} geldi.",
            f"{name}: expected an array of numbers, got {type(got).__name__}.",
        )
    if got.shape != LOGITS.shape:
        _fail(
            lang,
            f"{name}: her sahte için bir türev bekleniyordu (şekil {LOGITS.shape}), gelen şekil "
            f"{got.shape}. Ortalama ya da toplam almayın; her logit için ayrı bir sayı döndürün.",
            f"{name}: expected one derivative per fake (shape {LOGITS.shape}), got shape {got.shape}. "
            "Do not average or sum; return one number per logit.",
        )
    return got


def _close(a, b) -> bool:
    return bool(np.allclose(a, b, rtol=1e-4, atol=1e-6))


def _diagnose(got: np.ndarray, kind: str, lang: str | None = None) -> None:
    """Fail with a message about the mistake that explains ``got``, if it is a known one."""
    d = _sigmoid(LOGITS)
    name = {"saturating": ("saturating_grad", "doyan"), "non_saturating": ("non_saturating_grad", "doymayan")}
    func, tr_name = name[kind]
    other = "non_saturating" if kind == "saturating" else "saturating"
    want = _autodiff(kind, LOGITS)
    loss = np.log(1 - d) if kind == "saturating" else -np.log(d)
    by_d = -1 / (1 - d) if kind == "saturating" else -1 / d
    if _close(got, want):
        return
    if _close(got, _autodiff(other, LOGITS)):
        _fail(
            lang,
            f"`{func}`, öbür kaybın türevini veriyor: iki fonksiyon yer değiştirmiş. Doyan kayıp "
            "log(1 − D(G(z))), doymayan kayıp −log D(G(z)).",
            f"`{func}` returns the other loss's derivative: the two functions are swapped. The "
            "saturating loss is log(1 − D(G(z))), the non-saturating one −log D(G(z)).",
        )
    if _close(got, -want):
        _fail(
            lang,
            f"`{func}`: işaret ters. a büyüdükçe polis sahteye daha çok inanır ve iki kayıp da "
            "küçülür; türev her yerde negatif olmalı.",
            f"`{func}`: the sign is flipped. As a grows the police believe the fake more and both "
            "losses shrink, so the derivative must be negative everywhere.",
        )
    if _close(got, loss):
        _fail(
            lang,
            f"`{func}` kaybın kendisini veriyor, türevini değil. Kaybı a'ya göre türevleyin.",
            f"`{func}` returns the loss itself, not its derivative. Differentiate the loss "
            "with respect to a.",
        )
    if _close(got, by_d):
        _fail(
            lang,
            f"`{func}`: türevi D = σ(a)'ya göre aldınız, logit a'ya göre değil. Zincir kuralını "
            "uygulayın: dD/da = σ(a)·(1 − σ(a)).",
            f"`{func}`: you differentiated with respect to D = σ(a), not the logit a. Apply the "
            "chain rule: dD/da = σ(a)·(1 − σ(a)).",
        )
    _fail(
        lang,
        f"{tr_name.capitalize()} kaybın türevi yanlış. a = {_numbers(LOGITS, lang)} için "
        f"{_numbers(want, lang)} bekleniyordu, {_numbers(got, lang)} geldi.",
        f"The {kind.replace('_', '-')} loss's derivative is wrong. For a = {_numbers(LOGITS, lang)} "
        f"expected {_numbers(want, lang)}, got {_numbers(got, lang)}.",
    )


def check_generator_loss_gradients(
    saturating_grad: Callable, non_saturating_grad: Callable, lang: str | None = None
) -> None:
    """Each function takes the police's logits ``a`` on the fakes (D(G(z)) = sigmoid(a)) and must
    return, per fake, the derivative with respect to ``a`` of the saturating generator loss
    ``log(1 - D(G(z)))`` / of the non-saturating one ``-log D(G(z))``. Compared with automatic
    differentiation of the two losses on fixed logits."""
    _not_done(saturating_grad, lang)
    _not_done(non_saturating_grad, lang)
    got = {
        "saturating": _values(saturating_grad, lang, "saturating_grad"),
        "non_saturating": _values(non_saturating_grad, lang, "non_saturating_grad"),
    }
    for kind in ("saturating", "non_saturating"):
        _diagnose(got[kind], kind, lang)
    sure = LOGITS[0]
    from ganlib import fmt

    sat, non = (fmt.number(got[k][0], 4, lang=lang) for k in ("saturating", "non_saturating"))
    _ok(
        lang,
        f"Doğru. Sahteden emin bir polis (a = {fmt.number(sure, 0, lang=lang)}) karşısında doyan kaybın türevi "
        f"{sat}, doymayanınki {non}: biri −σ(a), öbürü −(1 − σ(a)).",
        f"Right. Against police sure of a fake (a = {fmt.number(sure, 0, lang=lang)}) the saturating loss's "
        f"derivative is {sat}, the non-saturating one's {non}: one is −σ(a), the other −(1 − σ(a)).",
    )
