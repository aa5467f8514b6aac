"""Checkers for chapter 05's exercises: the smoothed training step, its loss floor, the never-drawn share."""

from __future__ import annotations

import functools

import keras
import numpy as np

from ganlib import fmt
from ganlib.exercises import _core
from ganlib.exercises._core import N_, Mistake, check_step, fail, ok

__all__ = ["check_train_step", "check_loss_floor", "check_never_seen"]


# The chapter's train_step (ganlib's GAN.train_step written out); its switches make the known mistakes.
_train_step = functools.partial(_core.reference_step, targets=(0.9, 0.0, 1.0), logits=False)
_SUMMED = {
    "d": N_("The discriminator's gradient is {factor} times ganlib's: take the mean over the 2n images."),
    "g": N_("The generator's gradient is {factor} times ganlib's: take the mean over the n fakes."),
}
_UNSMOOTHED = N_("The discriminator was trained without smoothing (real targets 1): real targets are 0.9.")
_FAKES = N_("The fakes' target was smoothed too (0.1): smoothing is one-sided, fakes stay at 0.")
_TARGETS = N_("The targets do not follow concat([real, fake]): first n times 0.9, then n times 0.")
_SAME_NOISE = N_("The generator phase reuses the discriminator phase's noise: use the noise drawn second.")
_G_SMOOTHED = N_("The generator's target was smoothed (0.9): it wants its fakes called fully real, 1.")
_G_ZERO = N_("The generator's target is 0: the generator wants its fakes called real, target 1.")
_SATURATING = N_("That is the saturating loss log(1 − D(G(z))): use −log D(G(z)), cross-entropy against 1.")
_STALE = N_("The generator's loss was taken before the discriminator's update: take it after d_optimizer's.")
_D_ASCENT = N_("The discriminator's update raises its loss: give the optimizer the loss's own gradients.")
_G_ASCENT = N_("The generator's update raises its loss: minimise −log D(G(z)) (targets 1), not its negative.")
_MISTAKES = [
    Mistake(_train_step(targets=(1.0, 0.0, 1.0)), _UNSMOOTHED),
    Mistake(_train_step(targets=(0.9, 0.1, 1.0)), _FAKES),
    Mistake(_train_step(targets=(0.0, 0.9, 1.0)), _TARGETS),
    Mistake(_train_step(reuse=True), _SAME_NOISE),
    Mistake(_train_step(targets=(0.9, 0.0, 0.9)), _G_SMOOTHED),
    Mistake(_train_step(targets=(0.9, 0.0, 0.0)), _G_ZERO),
    Mistake(_train_step(targets=(0.9, 0.0, 0.0), scales=(1, -1)), _SATURATING),
    Mistake(_train_step(stale=True), _STALE),
    Mistake(_train_step(scales=(-1, 1)), _D_ASCENT),
    Mistake(_train_step(scales=(1, -1)), _G_ASCENT),
    Mistake(_train_step(scales=(8, 1)), _SUMMED["d"], {"factor": 8}),
    Mistake(_train_step(scales=(1, 4)), _SUMMED["g"], {"factor": 4}),
]
_SEED, _REAL = 3, np.random.default_rng(7).uniform(-1, 1, (4, 4, 4, 1)).astype(np.float32)


_WORDS = {  # what the step check says where the student's differs from every right step
    "d": N_("The discriminator's gradient differs from ganlib's: first noise, targets 0.9 then 0, mean BCE."),
    "g": N_("The generator's gradient differs from ganlib's: second noise in the tape, targets 1, mean BCE."),
    "order": N_("First the discriminator's update, then the generator's; your order: {order}."),
    "draws": N_("draw_noise was called {count} times: draw fresh noise for each phase, draw_noise(n) twice."),
    "batch": N_("The real batch has {n} images; draw {n} noise vectors per phase, not draw_noise({drawn})."),
}
_WEIGHTS = N_("After step {step} the weights differ from ganlib's: apply each phase's gradients once.")
_STEP = _core.Step(
    lambda: _core.small_pair(batch_norm=False, sigmoid=True),
    lambda: (_REAL, _core.draw_noise(_SEED)),
    (keras.optimizers.Adam, {"learning_rate": 2e-4, "beta_1": 0.5}),
    [_train_step()],
    _MISTAKES,
)


@_core.register("check_train_step", _train_step(), _MISTAKES)
@_core.checker
def check_train_step(train_step) -> None:
    """``train_step(...)`` beside ganlib's GAN.train_step: the same noise, gradients, losses and weights."""
    from ganlib.training import GAN

    theirs, log, _, args = check_step(train_step, _STEP, _WORDS)
    gan = GAN(*_STEP.networks(), smoothing=0.9, seed=_SEED)
    gan.compile()
    for step in (1, 2):  # the weights of both networks, after one step and after a second one
        gan.train_step(_REAL)
        if step == 2:
            _core.run_step(train_step, args, log, *theirs)
        mine = _core.flat(theirs[0].trainable_variables + theirs[1].trainable_variables)
        ours = _core.flat(gan.generator.trainable_variables + gan.discriminator.trainable_variables)
        if not _core.same(mine, ours, rtol=1e-4, atol=1e-6):
            fail(_WEIGHTS, step=step)
    ok(
        "Right: after two steps both networks' weights match ganlib's GAN.train_step (fresh noise, targets "
        "0.9/0, target 1, one network per phase)."
    )


_HALF = N_("That is the real half's floor alone: d_loss averages 2n images, and a fake's loss can reach 0.")
_ZERO = N_("0 is the floor without smoothing: with target 0.9 a real image's loss cannot reach zero.")
_LN2 = N_("ln 2 is the loss of police who cannot tell; the floor is the loss of the best police.")
_TARGET_ONE = N_("−ln 0.9 is the loss at D(x) = 0.9 for target 1: with 0.9 the term (1 − y)·ln(1 − p) stays.")
_HALF_ONE = N_("That is a real half with target 1: with target 0.9 the term (1 − y)·ln(1 − p) stays too.")
_NOT_FLOOR = N_("Not quite: where is a real image's loss lowest for target 0.9? A fake's, for 0? Average.")
_FLOOR_RIGHT = N_("Right: about {value} — the real half's floor, averaged with the fake half's 0.")
_REAL_FLOOR = -(0.9 * np.log(0.9) + 0.1 * np.log(0.1))  # a real image's loss at its best, D = 0.9
_FLOOR = _REAL_FLOOR / 2  # averaged with the fake half's 0
_FLOOR_MISTAKES = [Mistake(_REAL_FLOOR, _HALF), Mistake(0.0, _ZERO), Mistake(np.log(2), _LN2)]
_FLOOR_MISTAKES += [Mistake(-np.log(0.9), _TARGET_ONE), Mistake(-np.log(0.9) / 2, _HALF_ONE)]


@_core.register("check_loss_floor", _FLOOR, _FLOOR_MISTAKES)
@_core.checker
def check_loss_floor(floor) -> None:
    """The smallest d_loss a discriminator can report with targets 0.9 (real) and 0 (fake)."""
    value = _core.scalar(floor)
    if abs(value - _FLOOR) < 2e-3:
        return ok(_FLOOR_RIGHT, value=fmt.number(_FLOOR, 3))
    _core.recognise(value, _FLOOR_MISTAKES, rtol=0, atol=2e-3)
    fail(_NOT_FLOOR)


_EPOCH = N_("That is ganlib's shuffled epoch; the post draws with replacement: some images twice, some not.")
_SEEN = N_("That is the share seen at least once; the question asks for the share never seen.")
_PERCENT = N_("Give a fraction between 0 and 1, not a percentage (e.g. 0.25 for 25%).")
_NOT_NEVER = N_("Not quite: one draw misses an image with chance 1 − 1/60,000; do all 468 × 128 miss it?")
_NEVER_RIGHT = N_("Right: about {share}% (≈ 1/e). Every draw picks one of 60,000 images with replacement.")
_ESTIMATE = N_(
    "A good estimate: {value} is within {tolerance} of the exact share, (1 − 1/60,000) to the power "
    "468 × 128 = {exact}, about 1/e."
)
_NEVER = (1 - 1 / 60_000) ** ((60_000 // 128) * 128)  # the post's epoch: 468 batches of 128 draws
_NEVER_MISTAKES = [Mistake(0.0, _EPOCH), Mistake(96 / 60_000, _EPOCH), Mistake(1 - _NEVER, _SEEN)]


@_core.register("check_never_seen", _NEVER, _NEVER_MISTAKES)
@_core.checker
def check_never_seen(fraction) -> None:
    """The share of the 60,000 images the post's epoch never draws: exact, or estimated to within 0.02."""
    value = _core.scalar(fraction)
    if abs(value - _NEVER) < 5e-3:
        return ok(_NEVER_RIGHT, share=fmt.number(100 * _NEVER, 1))
    if abs(value - _NEVER) < 2e-2:
        exact, tolerance = fmt.number(_NEVER, 4), fmt.number(0.02, 2)
        return ok(_ESTIMATE, value=fmt.number(value, 3), tolerance=tolerance, exact=exact)
    if 1 < value <= 100:
        fail(_PERCENT)
    _core.recognise(value, _NEVER_MISTAKES, rtol=8e-3, atol=5e-4)  # 1 − never within about 0.005
    fail(_NOT_NEVER)
