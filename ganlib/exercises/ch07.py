"""Checkers for chapter 07's exercises: the classifier score, and a ring GAN broken on purpose."""

import numpy as np

from ganlib import fmt, ring
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, phrase, recognise, register, scalar

__all__ = ["check_classifier_score", "check_broken_ring"]

_SCORE_CASES = {  # known scores: confident over all 10 classes (10), over one class (1); mixed
    N_("eye(10)"): np.eye(10),
    N_("one class"): np.tile(np.eye(10)[3], (10, 1)),
    N_("random"): np.random.default_rng(1).dirichlet(np.ones(10) * 0.3, size=50),
}


def _score(probs, exp=np.exp, prior=True, eps=1e-12):
    """exp(mean KL(p(y|x) || p(y))), as ganlib.metrics computes it; the switches make known mistakes."""
    marginal = probs.mean(axis=0) if prior else 1.0
    return exp(np.mean(np.sum(probs * (np.log(probs + eps) - np.log(marginal + eps)), axis=1)))


_ELSE = N_("For {case} expected {want}, got {got}. Use p(y) = probs.mean(axis=0) and a KL per image.")
_SCORE_MISTAKES = [
    Mistake(lambda p: _score(p, exp=lambda kl: kl), N_("Missing exp: the score is exp(mean KL).")),
    Mistake(lambda p: _score(p, prior=False), _ELSE),  # p(y) forgotten
]
# no eps in the log: 0 · log 0 is nan (kept out of the table the checker runs, to keep numpy quiet)
_NOT_FINITE = Mistake(lambda p: _score(p, eps=0), N_("Not finite: add a small eps inside the log."))


@register("check_classifier_score", _score, [*_SCORE_MISTAKES, _NOT_FINITE])
@checker
def check_classifier_score(func) -> None:
    """``func(probs)`` must compute exp(mean KL(p(y|x) || p(y))), to 0.1 %."""
    for name, probs in _SCORE_CASES.items():
        got, want = scalar(call(func, probs, shown="probs")), _score(probs)
        if not np.isfinite(got):
            fail(_NOT_FINITE.message)
        if not np.isclose(got, want, rtol=1e-3, atol=0):
            fields = {"case": phrase(name), "want": fmt.number(want, 3), "got": fmt.number(got, 3)}
            recognise(got, _SCORE_MISTAKES, (probs,), fields, rtol=1e-3, atol=0)
            fail(_ELSE, **fields)
    ok("Right: confident over all 10 classes gives 10, one class gives 1.")


_RECORDING_ONLY = ("seed", "snapshot_every", "n_eval", "minibatch_std")
_LIMITS = {"steps": 10_000, "batch_size": 2048, "hidden": 512, "noise_dim": 1024}  # runs of seconds
_RUNS: dict = {}  # the same settings give the same run: trained once per session
_VERDICTS = {  # what the measure found, where it is not what was predicted
    "healthy": N_("This did not break the training ({said}, like a healthy run): try a stronger change."),
    "unclear": N_("The measure says nothing clear ({said}): try a stronger change."),
    "quality": N_(
        "You predicted a mode collapse, but the measure says {said}: most samples miss the ring, so it never "
        "learned the ring at all. Why would your change do that?"
    ),
    "modes": N_(
        "You predicted a drop in quality, but the measure says {said}: the samples sit on a few modes only. "
        "That is a mode collapse. Why would your change do that?"
    ),
}


def _diagnose(final: dict) -> str:
    """Below the healthy ring GAN's lines: most samples miss the ring ("quality"), or few modes ("modes")."""
    if final["quality"] < 0.3:
        return "quality"
    if final["modes"] <= 4:
        return "modes"
    return "healthy" if final["modes"] >= 6 and final["quality"] >= 0.5 else "unclear"


@checker
def check_broken_ring(settings, predicted) -> None:
    """Trains the ring GAN with ``settings`` meant to break it; ``predicted``: "modes" or "quality"."""
    if not isinstance(settings, dict) or not settings:
        fail("Give the settings you change as a dict, e.g. {{'lr_d': 1e-5}}; got {got}.", got=repr(settings))
    if unknown := [k for k in settings if k not in (known := ring.train_settings())]:
        fail("train_ring has no such setting: {bad}. It has: {names}.", bad=unknown, names=", ".join(known))
    if settings.get("minibatch_std", True) is False:
        fail("minibatch_std=False is the chapter's own experiment; keep it on and break something else.")
    if all(k in _RECORDING_ONLY for k in settings):
        fail("These settings only pick the run or what is recorded: change how it trains.")
    for name, most in _LIMITS.items():
        if isinstance(value := settings.get(name, 0), int | float) and value > most:
            fail("Keep {name} at most {most} so that the check runs in seconds.", name=name, most=most)
    if predicted not in ("modes", "quality"):
        fail("Predict 'modes' (mode collapse) or 'quality' (samples miss the ring), not {p!r}.", p=predicted)
    if (key := (ring.train_ring, repr(sorted(settings.items())))) not in _RUNS:
        try:
            _RUNS[key] = ring.train_ring(**{"minibatch_std": True, **settings}).final
        except (TypeError, ValueError) as err:
            fail("train_ring refused these settings: {error}", error=str(err))
    modes, quality = _RUNS[key]["modes"], fmt.number(_RUNS[key]["quality"], 2)
    said = phrase("{modes} modes, quality {quality}", modes=modes, quality=quality)
    if (found := _diagnose(_RUNS[key])) != predicted:
        fail(_VERDICTS[found], said=said)
    ok("Right diagnosis: the measure says {said}, as you predicted.", said=said)
