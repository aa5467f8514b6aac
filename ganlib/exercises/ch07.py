"""Checkers for chapter 07's exercises: the classifier score, and a ring GAN broken on purpose."""

from __future__ import annotations

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import (
    N_,
    Mistake,
    call,
    checker,
    fail,
    ok,
    phrase,
    recognise,
    register,
    same,
    scalar,
)

__all__ = ["check_classifier_score", "check_broken_ring"]

# Classifier outputs whose score is known: confident over all 10 classes (10), one class (1), mixed
_SCORE_CASES = {
    N_("eye(10)"): np.eye(10),
    N_("one class"): np.tile(np.eye(10)[3], (10, 1)),
    N_("random"): np.random.default_rng(1).dirichlet(np.ones(10) * 0.3, size=50),
}


def _score(probs):
    """The reference: ganlib's classifier score (imported when needed: it brings in Keras)."""
    from ganlib.metrics import classifier_score

    return classifier_score(probs)


_ELSE = N_("For {case} expected {want}, got {got}. Use p(y) = probs.mean(axis=0) and a KL per image.")
_SCORE_MISTAKES = [
    Mistake(lambda p: np.log(_score(p)), N_("Missing exp: the score is exp(mean KL).")),
    # p(y) forgotten: exp(−entropy) instead of exp(KL)
    Mistake(lambda p: np.exp(np.mean(np.sum(p * np.log(p + 1e-12), axis=1))), _ELSE),
]
# no eps in the log: 0 · log 0 gives nan (kept out of the table the checker runs, to keep numpy quiet)
_NOT_FINITE = Mistake(
    lambda p: np.exp(np.mean(np.sum(p * np.log(p / p.mean(axis=0)), axis=1))),
    N_("The result is not finite: add a small eps inside the log."),
)


@register("check_classifier_score", _score, [*_SCORE_MISTAKES, _NOT_FINITE])
@checker
def check_classifier_score(func) -> None:
    """``func(probs)`` must compute exp(mean KL(p(y|x) || p(y))), to 0.1 %."""
    for name, probs in _SCORE_CASES.items():
        got, want = scalar(call(func, probs, shown="probs")), _score(probs)
        if not np.isfinite(got):
            fail(_NOT_FINITE.message)
        if not same(got, want, rtol=1e-3, atol=0):
            fields = {"case": phrase(name), "want": fmt.number(want, 3), "got": fmt.number(got, 3)}
            recognise(got, _SCORE_MISTAKES, (probs,), fields, rtol=1e-3, atol=0)
            fail(_ELSE, **fields)
    ok("Right: confident over all 10 classes gives 10, one class gives 1.")


_RECORDING_ONLY = ("seed", "snapshot_every", "n_eval", "minibatch_std")
_LIMITS = {"steps": 10_000, "batch_size": 2048, "hidden": 512, "noise_dim": 1024}  # runs of seconds
_RUNS: dict = {}
# What the measure found, where it is not what was predicted (a prediction is "modes" or "quality")
_VERDICTS = {
    "healthy": N_(
        "This setting did not break the training: the measure says {said}, like a healthy run. Try a "
        "stronger change."
    ),
    "unclear": N_(
        "The training is damaged a little, but the measure says nothing clear ({said}). Try a stronger "
        "change."
    ),
    "quality": N_(
        "You predicted a mode collapse, but the measure says {said}: most samples are near no mode at all. "
        "That is not a collapse but a training that never learned the ring. Why would your change do that?"
    ),
    "modes": N_(
        "You predicted the quality would drop, but the measure says {said}: the samples sit on modes, only "
        "on a few of them. That is a mode collapse. Why would your change do that?"
    ),
}


def _diagnose(final: dict) -> str:
    """The chapter's ring GAN (with its minibatch standard deviation) covers most modes with samples
    on them; a broken run falls below its lines: most samples miss the ring, or few modes."""
    if final["quality"] < 0.3:
        return "quality"
    if final["modes"] <= 4:
        return "modes"
    return "healthy" if final["modes"] >= 6 and final["quality"] >= 0.5 else "unclear"


@checker
def check_broken_ring(settings, predicted) -> None:
    """``settings``: changes to the chapter's ring GAN (``ring.train_ring(minibatch_std=True)``)
    meant to break it; ``predicted``: "modes" (a mode collapse: few modes, samples still on them)
    or "quality" (the samples miss the ring). Runs the training and compares the measure."""
    from ganlib import ring

    if not isinstance(settings, dict):
        fail(
            "The settings must be a dict, e.g. {{'setting_name': value}}; got {kind}.",
            kind=type(settings).__name__,
        )
    names = ring.train_settings()
    if unknown := [k for k in settings if k not in names]:
        fail(
            "train_ring has no such setting: {unknown}. Its settings: {names}.",
            unknown=unknown,
            names=", ".join(names),
        )
    if not settings:
        fail("You changed nothing: the dict is empty.")
    if settings.get("minibatch_std", True) is False:
        fail("minibatch_std=False is the chapter's own experiment; keep it on and break something else.")
    if all(k in _RECORDING_ONLY for k in settings):
        fail(
            "{names} only changes which run you get or what is recorded, not how it trains. Pick a setting "
            "that changes the training itself.",
            names=", ".join(settings),
        )
    for name, most in _LIMITS.items():
        if isinstance(value := settings.get(name, 0), int | float) and value > most:
            fail("Keep {name} at most {most} so that the check runs in seconds.", name=name, most=most)
    if predicted not in ("modes", "quality"):
        fail(
            "The prediction must be 'modes' (a mode collapse) or 'quality' (the samples miss the ring); "
            "got {predicted}.",
            predicted=repr(predicted),
        )
    key = (ring.train_ring, repr(sorted(settings.items())))
    if key not in _RUNS:  # the same settings give the same run: train once per session
        try:
            _RUNS[key] = ring.train_ring(**{"minibatch_std": True, **settings}).final
        except (TypeError, ValueError) as err:
            fail("train_ring refused these settings: {error}", error=str(err))
    modes, quality = _RUNS[key]["modes"], fmt.number(_RUNS[key]["quality"], 2)
    said = phrase("{modes} modes, quality {quality}", modes=modes, quality=quality)
    if (found := _diagnose(_RUNS[key])) != predicted:
        fail(_VERDICTS[found], said=said)
    ok("Right diagnosis: the measure says {said}, as you predicted.", said=said)
