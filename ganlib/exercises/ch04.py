"""Checkers for chapter 04's exercises."""

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, recognise, register, same, scalar

__all__ = ["check_gan_losses"]


def _bce(y, p):
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def _d_loss(r, f, s, fake=0.0, pool=np.mean, table=False):
    """d_loss on the answers to the real and fake images (r, f: shape (n, 1)); switches make mistakes."""
    targets, answers = np.r_[np.full(len(r), s), np.full(len(f), fake)], np.r_[r, f]
    return float(pool(_bce(targets, answers if table else answers[:, 0])))


def _g_loss(r, f, s, target=1.0):
    return float(np.mean(_bce(target, f)))


_TABLE = N_("Targets (2n,) and answers (2n, 1) broadcast to a {size}×{size} table: use d[:, 0] as answers.")
_TARGETS = N_("Targets: n × smoothing (real) then n × 0 (fake), in that order; use the smoothing argument.")
_MEAN = N_("d_loss is one mean over all 2n images' losses (not their sum, nor the two halves' means added).")
_G_TARGET = N_("The generator's target is 1 (it wants its fakes called real): neither 0 nor smoothed.")
_SATURATING = N_("That is the saturating loss log(1 − D(G(z))): use −log D(G(z)), i.e. BCE against 1.")
_ON_REAL = N_("g_loss comes from the answers on the fakes (d_fake), not on the real images.")
_D_ELSE = N_("For {n} real, {n} fake and smoothing={s} d_loss should be {want}, got {got}: mean BCE over 2n.")
_G_ELSE = N_("For {n} fakes g_loss should be {want}, got {got}: BCE against targets of 1, mean over n fakes.")
_D_MISTAKES = [
    Mistake(lambda r, f, s: _d_loss(r, f, s, table=True), _TABLE),
    Mistake(lambda r, f, s: _d_loss(r, f, 1.0), _TARGETS),
    Mistake(lambda r, f, s: _d_loss(r, f, s, fake=1 - s), _TARGETS),
    Mistake(lambda r, f, s: _d_loss(r, f, 0.0, fake=s), _TARGETS),
    Mistake(lambda r, f, s: np.mean(_bce(s, r)) + np.mean(_bce(0.0, f)), _MEAN),
    Mistake(lambda r, f, s: _d_loss(r, f, s, pool=np.sum), _MEAN),
]
_G_MISTAKES = [
    Mistake(lambda r, f, s: _g_loss(r, f, s, target=0.0), _G_TARGET),
    Mistake(lambda r, f, s: _g_loss(r, f, s, target=s), _G_TARGET),
    Mistake(lambda r, f, s: np.mean(np.log(1 - f)), _SATURATING),
    Mistake(lambda r, f, s: _g_loss(f, r, s), _ON_REAL),
]
_LOSSES = ((_d_loss, _D_MISTAKES, _D_ELSE), (_g_loss, _G_MISTAKES, _G_ELSE))


@register("check_gan_losses.d_loss", _d_loss, _D_MISTAKES, lambda d: lambda *c: (d(*c), _g_loss(*c)))
@register("check_gan_losses.g_loss", _g_loss, _G_MISTAKES, lambda g: lambda *c: (_d_loss(*c), g(*c)))
@checker
def check_gan_losses(func) -> None:
    """``func(d_real, d_fake, smoothing)`` must return ``(d_loss, g_loss)`` as ganlib's training step does."""
    rng = np.random.default_rng(4)
    for n, s in [(4, 0.9), (3, 0.8), (5, 1.0)]:  # the discriminator's answers, (n, 1) as Keras gives them
        r, f = (rng.uniform(low, high, (n, 1)).astype(np.float32) for low, high in [(0.3, 0.95), (0.05, 0.7)])
        out = call(func, r, f, s)
        if not isinstance(out, (tuple, list)) or [np.size(x) for x in out] != [1, 1]:
            fail(N_("Return two numbers, each a mean over the images: return d_loss, g_loss."))
        for value, (reference, mistakes, otherwise) in zip(out, _LOSSES):
            got, want = scalar(value), reference(r, f, s)
            if not same(got, want):
                fields = dict(n=n, size=2 * n, s=s, got=fmt.number(got, 4), want=fmt.number(want, 4))
                recognise(got, mistakes, (r, f, s), fields)
                fail(otherwise, **fields)
    ok(
        "Right: the discriminator's loss is the mean over 2n images against (smoothing, 0), the generator's "
        "the mean over n fakes against 1."
    )
