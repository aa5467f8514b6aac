"""Checkers for chapter 07's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_classifier_score"]


def check_classifier_score(func: Callable, lang: str = "en") -> None:
    """``func(probs)`` must compute exp(mean KL(p(y|x) || p(y)))."""
    from ganlib.metrics import classifier_score

    _not_done(func, lang)
    confident_all = np.eye(10)
    one_class = np.tile(np.eye(10)[3], (10, 1))
    rng = np.random.default_rng(1)
    mixed = rng.dirichlet(np.ones(10) * 0.3, size=50)
    for probs, name in ((confident_all, "eye(10)"), (one_class, "one class"), (mixed, "random")):
        got = float(_call(func, lang, probs))
        want = classifier_score(probs)
        if not np.isfinite(got):
            _fail(
                lang,
                "Sonuç sonlu değil: log(0) için küçük bir eps ekleyin.",
                "The result is not finite: add a small eps inside the log.",
            )
        if abs(got - np.log(want)) < 1e-3 and abs(want - 1) > 1e-3:
            _fail(lang, "exp eksik: skor exp(ortalama KL)'dir.", "Missing exp: the score is exp(mean KL).")
        if abs(got - want) > 1e-3 * max(1, want):
            _fail(
                lang,
                f"{name} için {want:.3f} bekleniyordu, {got:.3f} geldi. p(y) = probs.mean(axis=0) "
                "ve KL'yi her görüntü için ayrı hesaplayın.",
                f"For {name} expected {want:.3f}, got {got:.3f}. Use p(y) = probs.mean(axis=0) and a "
                "KL per image.",
            )
    _ok(
        lang,
        "Doğru: 10 sınıfın hepsinde emin bir sınıflandırıcı 10, tek sınıf 1 verir.",
        "Right: confident over all 10 classes gives 10, one class gives 1.",
    )
