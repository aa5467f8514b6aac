"""Checkers for chapter 04's exercises."""

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, recognise, register, same, scalar

__all__ = ["check_gan_losses"]


def _bce(y, p):
    p = np.clip(np.asarray(p, np.float64), 1e-7, 1 - 1e-7)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def _d_loss(r, f, s, fake_target=0.0):  # the references, on the answers to the real and fake images
    return float(np.mean(np.r_[_bce(s, r[:, 0]), _bce(fake_target, f[:, 0])]))


def _g_loss(r, f, s):
    return float(np.mean(_bce(1.0, f)))


# Known mistakes in d_loss (fields: n; size = 2n) and in g_loss: what to say → the wrong code.
_D_WRONG = {
    N_(
        "Targets of shape ({size},) and answers of shape ({size}, 1): NumPy broadcasts them into a "
        "{size}×{size} table, pairing every image with every target. Flatten the answers (d[:, 0]) or "
        "give the targets shape (2n, 1)."
    ): lambda r, f, s: np.mean(_bce(np.r_[np.full(len(r), s), np.zeros(len(f))], np.r_[r, f])),
    N_(
        "Real targets were taken as 1: use the smoothing argument (real smoothing, fake 0)."
    ): lambda r, f, s: _d_loss(r, f, 1.0),
    N_("The fake side was smoothed too: with one-sided smoothing fake targets stay 0."): lambda r, f, s: (
        _d_loss(r, f, s, 1 - s)
    ),
    N_(
        "Targets in the wrong order: for concat([real, fake]) first the smoothing values, then 0s."
    ): lambda r, f, s: _d_loss(r, f, 0.0, s),
    N_(
        "You added the two halves' means: d_loss is the mean over all 2n images (one loss on "
        "concat([real, fake]) in the training step)."
    ): lambda r, f, s: np.mean(_bce(s, r)) + np.mean(_bce(0.0, f)),
    N_("You summed the losses: d_loss is the mean of the 2n images' losses."): lambda r, f, s: np.sum(
        np.r_[_bce(s, r[:, 0]), _bce(0.0, f[:, 0])]
    ),
}
_G_WRONG = {
    N_(
        "The generator's target was taken as 0: the generator wants its fakes called real, target 1."
    ): lambda r, f, s: np.mean(_bce(0.0, f)),
    N_(
        "The generator's target was smoothed: smoothing only reins in the police; the generator's target "
        "is 1."
    ): lambda r, f, s: np.mean(_bce(s, f)),
    N_(
        "That is the saturating loss, log(1 − D(G(z))), whose gradient vanishes when the discriminator is "
        "sure. The step uses the non-saturating loss, −log D(G(z)), i.e. binary cross-entropy against "
        "targets of 1."
    ): lambda r, f, s: np.mean(np.log(1 - f)),
    N_(
        "g_loss comes from the discriminator's answers on the fakes (d_fake), not on the real images."
    ): lambda r, f, s: np.mean(_bce(1.0, r)),
}
_D_MISTAKES, _G_MISTAKES = ([Mistake(c, m) for m, c in wrong.items()] for wrong in (_D_WRONG, _G_WRONG))
_LOSSES = {  # what to say when a loss is none of its known mistakes → its reference and its mistakes
    N_(
        "For {n} real, {n} fake and smoothing={s} d_loss should be {want}, got {got}. Binary cross-entropy "
        "of each image, averaged over the 2n images."
    ): (_d_loss, _D_MISTAKES),
    N_(
        "For {n} fakes g_loss should be {want}, got {got}: binary cross-entropy against targets of 1, "
        "averaged over the n fakes."
    ): (_g_loss, _G_MISTAKES),
}
_SIZES = N_(
    "Each loss must be one number (the mean over the images); for a batch of {n} their sizes were {sizes}."
)


# The table test runs the mistakes in each loss beside the right other loss.
@register("check_gan_losses.d_loss", _d_loss, _D_MISTAKES, lambda d: lambda *c: (d(*c), _g_loss(*c)))
@register("check_gan_losses.g_loss", _g_loss, _G_MISTAKES, lambda g: lambda *c: (_d_loss(*c), g(*c)))
@checker
def check_gan_losses(func) -> None:
    """``func(d_real, d_fake, smoothing)`` must return ``(d_loss, g_loss)`` as ganlib's training step does."""
    rng = np.random.default_rng(4)
    for n, s in [(4, 0.9), (3, 0.8), (5, 1.0)]:  # the discriminator's answers, (n, 1) as Keras gives them
        r, f = (rng.uniform(low, high, (n, 1)).astype(np.float32) for low, high in [(0.3, 0.95), (0.05, 0.7)])
        out = call(func, r, f, s)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            fail("Return the two losses: return d_loss, g_loss.")
        if [np.size(x) for x in out] != [1, 1]:
            fail(_SIZES, n=n, sizes=[np.size(x) for x in out])
        for value, (otherwise, (reference, mistakes)) in zip(out, _LOSSES.items()):
            got, want = scalar(value), reference(r, f, s)
            if not same(got, want):
                fields = dict(n=n, size=2 * n, s=s, got=fmt.number(got, 4), want=fmt.number(want, 4))
                recognise(got, mistakes, (r, f, s), fields)
                fail(otherwise, **fields)
    ok(
        "Right: the discriminator's loss is the mean over 2n images against (smoothing, 0), the generator's "
        "the mean over n fakes against 1."
    )
