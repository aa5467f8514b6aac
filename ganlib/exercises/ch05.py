"""Checkers for chapter 05's exercises."""

from __future__ import annotations

from ganlib.exercises._feedback import _fail, _not_done, _ok, _tr_int

__all__ = ["check_no_smoothing_run", "check_step_count"]


def check_no_smoothing_run(gan, lang: str = "en") -> None:
    """A GAN trained by ``ganlib.training.train(..., smoothing=1.0)``."""
    from ganlib.training import GAN

    _not_done(gan, lang)
    if not isinstance(gan, GAN):
        _fail(
            lang,
            "ganlib.training.train(...) çağrısının döndürdüğü GAN bekleniyordu.",
            "Expected the GAN returned by ganlib.training.train(...).",
        )
    if gan.smoothing != 1.0:
        _fail(
            lang,
            f"Bu koşuda smoothing={gan.smoothing}: yumuşatmasız eğitim için smoothing=1.0 verin.",
            f"This run used smoothing={gan.smoothing}: pass smoothing=1.0 to train without smoothing.",
        )
    history = getattr(getattr(gan, "history", None), "history", {})
    if not history.get("d_loss"):
        _fail(
            lang,
            "Bu GAN henüz eğitilmemiş: train(...) ile eğitin.",
            "This GAN was not trained: use train(...).",
        )
    _ok(
        lang,
        f"Doğru: {len(history['d_loss'])} dönem, yumuşatmasız eğitildi.",
        f"Right: trained for {len(history['d_loss'])} epochs without smoothing.",
    )


def check_step_count(count, lang: str = "en") -> None:
    """Generator updates in the seed's full run: 50 epochs × (60,000 // 128) steps."""
    _not_done(count, lang)
    want = 50 * (60_000 // 128)
    if count in (50 * 60_000 / 128, 50 * -(-60_000 // 128)):
        _fail(
            lang,
            "Yarım yığın sayılmaz: dönem başına 60000 // 128 = 468 tam yığın vardır.",
            "A partial batch does not count here: each epoch has 60000 // 128 = 468 full batches.",
        )
    if count == 2 * want:
        _fail(
            lang,
            "Her adımda üretici bir kez güncellenir (ayırtaç da bir kez): iki katını saydınız.",
            "The generator is updated once per step (and the discriminator once): you counted double.",
        )
    if count != want:
        _fail(
            lang,
            f"{_tr_int(want)} bekleniyordu, {count} geldi: dönem sayısı × dönem başına adım.",
            f"Expected {want:,}, got {count}: epochs × steps per epoch.",
        )
    _ok(lang, f"Doğru: {_tr_int(want)} üretici güncellemesi.", f"Right: {want:,} generator updates.")
