"""Checkers for chapter 07's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib import fmt
from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_classifier_score", "check_broken_ring"]


def check_classifier_score(func: Callable, lang: str | None = None) -> None:
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
                f"{name} için {fmt.number(want, 3, lang='tr')} bekleniyordu, {fmt.number(got, 3, lang='tr')} geldi. "
                "p(y) = probs.mean(axis=0) "
                "ve KL'yi her görüntü için ayrı hesaplayın.",
                f"For {name} expected {want:.3f}, got {got:.3f}. Use p(y) = probs.mean(axis=0) and a "
                "KL per image.",
            )
    _ok(
        lang,
        "Doğru: 10 sınıfın hepsinde emin bir sınıflandırıcı 10, tek sınıf 1 verir.",
        "Right: confident over all 10 classes gives 10, one class gives 1.",
    )


# The ring GAN of the chapter (with its minibatch standard deviation) covers most modes with
# samples on them; a broken run falls below these lines.
QUALITY_LOW = 0.3  # below: most samples miss the ring
MODES_LOW = 4  # at most: a mode collapse
_RECORDING_ONLY = ("seed", "snapshot_every", "n_eval")
PREDICTIONS = ("modes", "quality")
_RUNS: dict = {}


def _diagnose(final: dict) -> str:
    if final["quality"] < QUALITY_LOW:
        return "quality"
    if final["modes"] <= MODES_LOW:
        return "modes"
    return "healthy" if final["modes"] >= 6 and final["quality"] >= 0.5 else "unclear"


def check_broken_ring(settings, predicted, lang: str | None = None) -> None:
    """``settings``: changes to the chapter's ring GAN (``ring.train_ring(minibatch_std=True)``)
    meant to break it; ``predicted``: "modes" (a mode collapse: few modes, samples still on them)
    or "quality" (the samples miss the ring). Runs the training and compares the measure."""
    from ganlib import fmt, ring

    _not_done(settings, lang)
    _not_done(predicted, lang)
    if not isinstance(settings, dict):
        _fail(
            lang,
            f"Ayarlar bir sözlük olmalı, ör. {{'ayar_adı': değer}}; {type(settings).__name__} geldi.",
            f"The settings must be a dict, e.g. {{'setting_name': value}}; got {type(settings).__name__}.",
        )
    names = ring.train_settings()
    unknown = [k for k in settings if k not in names]
    if unknown:
        _fail(
            lang,
            f"train_ring'in böyle bir ayarı yok: {unknown}. Ayarlar: {', '.join(names)}.",
            f"train_ring has no such setting: {unknown}. Its settings: {', '.join(names)}.",
        )
    if not settings:
        _fail(lang, "Hiçbir şeyi değiştirmediniz: sözlük boş.", "You changed nothing: the dict is empty.")
    if settings.get("minibatch_std", True) is False:
        _fail(
            lang,
            "minibatch_std=False bölümün kendi deneyi; onu açık bırakın ve başka bir şeyi bozun.",
            "minibatch_std=False is the chapter's own experiment; keep it on and break something else.",
        )
    if all(k in _RECORDING_ONLY or k == "minibatch_std" for k in settings):
        _fail(
            lang,
            f"{', '.join(settings)} eğitimin nasıl yapıldığını değil, yalnızca hangi koşuyu aldığınızı ya "
            "da neyin kaydedildiğini değiştirir. Eğitimin kendisini bozan bir ayar seçin.",
            f"{', '.join(settings)} only changes which run you get or what is recorded, not how it "
            "trains. Pick a setting that changes the training itself.",
        )
    limits = {"steps": 10_000, "batch_size": 2048, "hidden": 512, "noise_dim": 1024}
    for name, most in limits.items():
        value = settings.get(name, 0)
        if isinstance(value, int | float) and value > most:
            _fail(
                lang,
                f"{name} en çok {fmt.number(most, lang='tr')} olsun ki denetim saniyeler içinde bitsin.",
                f"Keep {name} at most {fmt.number(most, lang='en')} so that the check runs in seconds.",
            )
    if predicted not in PREDICTIONS:
        _fail(
            lang,
            f"Tahmin 'modes' (mod çökmesi) ya da 'quality' (örnekler halkayı ıskalıyor) olmalı; "
            f"{predicted!r} geldi.",
            f"The prediction must be 'modes' (a mode collapse) or 'quality' (the samples miss the ring); "
            f"got {predicted!r}.",
        )
    key = (ring.train_ring, repr(sorted(settings.items())))
    if key not in _RUNS:  # the same settings give the same run: train once per session
        try:
            _RUNS[key] = ring.train_ring(**{"minibatch_std": True, **settings}).final
        except (TypeError, ValueError) as err:
            _fail(
                lang, f"train_ring bu ayarlarla çalışmadı: {err}", f"train_ring refused these settings: {err}"
            )
    final = _RUNS[key]
    said = {
        lang_: f"{final['modes']} mod, {fmt.number(final['quality'], 2, lang='tr')} kalite"
        if lang_ == "tr"
        else f"{final['modes']} modes, quality {fmt.number(final['quality'], 2, lang='en')}"
        for lang_ in ("tr", "en")
    }
    found = _diagnose(final)
    if found == "healthy":
        _fail(
            lang,
            f"Bu ayar eğitimi bozmadı: ölçü {said['tr']} diyor, sağlıklı bir koşu gibi. Daha sert bir "
            "değişiklik deneyin.",
            f"This setting did not break the training: the measure says {said['en']}, like a healthy "
            "run. Try a stronger change.",
        )
    if found == "unclear":
        _fail(
            lang,
            f"Eğitim biraz bozuldu ama ölçü net bir şey söylemiyor ({said['tr']}). Daha sert bir "
            "değişiklik deneyin.",
            f"The training is damaged a little, but the measure says nothing clear ({said['en']}). "
            "Try a stronger change.",
        )
    if found != predicted:
        if found == "quality":
            _fail(
                lang,
                f"Tahmininiz mod çökmesiydi, ama ölçü {said['tr']} diyor: örneklerin çoğu halkanın hiçbir "
                "moduna yakın değil. Bu çökme değil, halkayı hiç öğrenememiş bir eğitim. Değişikliğiniz "
                "bunu neden yapmış olabilir?",
                f"You predicted a mode collapse, but the measure says {said['en']}: most samples are "
                "near no mode at all. That is not a collapse but a training that never learned the ring. "
                "Why would your change do that?",
            )
        _fail(
            lang,
            f"Tahmininiz kalitenin düşeceğiydi, ama ölçü {said['tr']} diyor: örnekler modların "
            "üzerinde, yalnızca modların bir kısmında. Bu bir mod çökmesi. Değişikliğiniz bunu neden "
            "yapmış olabilir?",
            f"You predicted the quality would drop, but the measure says {said['en']}: the samples sit "
            "on modes, only on a few of them. That is a mode collapse. Why would your change do that?",
        )
    _ok(
        lang,
        f"Doğru teşhis: ölçü {said['tr']} diyor, tahmin ettiğiniz gibi.",
        f"Right diagnosis: the measure says {said['en']}, as you predicted.",
    )
