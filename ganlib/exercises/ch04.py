"""Checkers for chapter 04's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib import fmt
from ganlib.exercises._feedback import _call, _fail, _fail_if_known, _not_done, _ok

__all__ = ["check_gan_losses"]


def _bce(y, p) -> np.ndarray:
    p = np.clip(np.asarray(p, np.float64), 1e-7, 1 - 1e-7)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


def _cases():
    """(d_real, d_fake, smoothing): the discriminator's answers, shaped (n, 1) as Keras returns them."""
    rng = np.random.default_rng(4)
    for n, s in [(4, 0.9), (3, 0.8), (5, 1.0)]:
        d_real = rng.uniform(0.3, 0.95, (n, 1)).astype(np.float32)
        d_fake = rng.uniform(0.05, 0.7, (n, 1)).astype(np.float32)
        yield d_real, d_fake, s


def _d_loss(d_real, d_fake, real_target, fake_target) -> float:
    return float(np.mean(np.r_[_bce(real_target, d_real[:, 0]), _bce(fake_target, d_fake[:, 0])]))


def check_gan_losses(func: Callable, lang: str | None = None) -> None:
    """``func(d_real, d_fake, smoothing)`` must return ``(d_loss, g_loss)``: the discriminator's
    binary cross-entropy on ``concat([real, fake])`` against (smoothing, 0) targets, and the
    generator's against targets of 1, each the mean over its images (Keras' BinaryCrossentropy
    as ganlib's training step uses it). It is called on answers of several batch sizes and
    smoothings; typical mistakes are recognised by the numbers they give."""
    _not_done(func, lang)
    for d_real, d_fake, s in _cases():
        n = len(d_real)
        out = _call(func, lang, d_real, d_fake, s)
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            _fail(
                lang,
                "İki kayıp döndürün: return d_loss, g_loss.",
                "Return the two losses: return d_loss, g_loss.",
            )
        sizes = [np.size(x) for x in out]
        if sizes != [1, 1]:
            _fail(
                lang,
                f"Her kayıp tek bir sayı olmalı (resimlerin ortalaması); {n} resimlik yığında "
                f"boyutları {sizes} geldi.",
                f"Each loss must be one number (the mean over the images); for a batch of {n} their "
                f"sizes were {sizes}.",
            )
        d_loss, g_loss = (float(np.asarray(x, np.float64).reshape(())) for x in out)
        want_d = _d_loss(d_real, d_fake, s, 0.0)
        want_g = float(np.mean(_bce(1.0, d_fake)))

        if not np.isclose(d_loss, want_d, rtol=1e-4, atol=1e-5):
            p = np.r_[d_real, d_fake]  # (2n, 1)
            y = np.r_[np.full(n, s), np.zeros(n)]  # (2n,)
            mistakes = [
                (
                    float(np.mean(_bce(y, p))),
                    f"Hedefler {y.shape}, cevaplar {p.shape} biçiminde: NumPy bunları {2 * n}×{2 * n}'lik "
                    "bir tabloya yayıyor ve her resmi her hedefle eşleştiriyor. Cevapları düzleştirin "
                    "(d[:, 0]) ya da hedeflere (2n, 1) biçimi verin.",
                    f"Targets of shape {y.shape} and answers of shape {p.shape}: NumPy broadcasts them "
                    f"into a {2 * n}×{2 * n} table, pairing every image with every target. Flatten the "
                    "answers (d[:, 0]) or give the targets shape (2n, 1).",
                ),
                (
                    _d_loss(d_real, d_fake, 1.0, 0.0) if s < 1 else None,
                    "Gerçeklerin hedefi 1 alınmış: smoothing parametresini kullanın (gerçekler "
                    "smoothing, sahteler 0).",
                    "Real targets were taken as 1: use the smoothing argument (real smoothing, fake 0).",
                ),
                (
                    _d_loss(d_real, d_fake, s, 1 - s) if s < 1 else None,
                    "Sahte taraf da yumuşatılmış: tek taraflı yumuşatmada sahtelerin hedefi 0 kalır.",
                    "The fake side was smoothed too: with one-sided smoothing fake targets stay 0.",
                ),
                (
                    _d_loss(d_real, d_fake, 0.0, s),
                    "Hedefler ters sırada: concat([gerçek, sahte]) için önce smoothing'ler, sonra 0'lar.",
                    "Targets in the wrong order: for concat([real, fake]) first the smoothing values, "
                    "then 0s.",
                ),
                (
                    2 * want_d,
                    "İki yarının ortalamalarını topladınız: d_loss, 2n resmin hepsinin ortalamasıdır "
                    "(eğitim adımında concat([gerçek, sahte]) üzerinde tek bir kayıp).",
                    "You added the two halves' means: d_loss is the mean over all 2n images (one loss "
                    "on concat([real, fake]) in the training step).",
                ),
                (
                    2 * n * want_d,
                    "Kayıpları topladınız: d_loss, 2n resmin kayıplarının ortalamasıdır.",
                    "You summed the losses: d_loss is the mean of the 2n images' losses.",
                ),
            ]
            _fail_if_known(d_loss, mistakes, lang)
            _fail(
                lang,
                f"{n} gerçek, {n} sahte ve smoothing={fmt.number(s, lang='tr')} için d_loss "
                f"{fmt.number(want_d, 4, lang='tr')} olmalıydı, {fmt.number(d_loss, 4, lang='tr')} geldi. "
                "Her resmin ikili çapraz entropisi, 2n resmin ortalaması.",
                f"For {n} real, {n} fake and smoothing={s} d_loss should be {want_d:.4f}, got "
                f"{d_loss:.4f}. Binary cross-entropy of each image, averaged over the 2n images.",
            )

        if not np.isclose(g_loss, want_g, rtol=1e-4, atol=1e-5):
            mistakes = [
                (
                    float(np.mean(_bce(0.0, d_fake))),
                    "Üreticinin hedefi 0 alınmış: üretici sahtelerine 'gerçek' dedirtmek ister, hedefi 1.",
                    "The generator's target was taken as 0: the generator wants its fakes called real, "
                    "target 1.",
                ),
                (
                    float(np.mean(_bce(s, d_fake))) if s < 1 else None,
                    "Üreticinin hedefi yumuşatılmış: yumuşatma yalnızca polisi dizginler, üreticinin "
                    "hedefi 1'dir.",
                    "The generator's target was smoothed: smoothing only reins in the police; the "
                    "generator's target is 1.",
                ),
                (
                    float(np.mean(np.log(1 - d_fake))),
                    "Bu doyan kayıp, log(1 − D(G(z))): ayırtaç emin olduğunda gradyanı söner. Adım doymayan "
                    "kaybı, −log D(G(z)), yani hedef 1 ile ikili çapraz entropiyi kullanır.",
                    "That is the saturating loss, log(1 − D(G(z))), whose gradient vanishes when the "
                    "discriminator is sure. The step uses the non-saturating loss, −log D(G(z)), i.e. "
                    "binary cross-entropy against targets of 1.",
                ),
                (
                    float(np.mean(_bce(1.0, d_real))),
                    "g_loss, ayırtacın sahtelere verdiği cevaplardan (d_fake) hesaplanır, gerçeklere "
                    "verdiklerinden değil.",
                    "g_loss comes from the discriminator's answers on the fakes (d_fake), not on the "
                    "real images.",
                ),
            ]
            _fail_if_known(g_loss, mistakes, lang)
            _fail(
                lang,
                f"{n} sahte için g_loss {fmt.number(want_g, 4, lang='tr')} olmalıydı, "
                f"{fmt.number(g_loss, 4, lang='tr')} geldi: hedef 1'e karşı "
                "ikili çapraz entropi, n sahtenin ortalaması.",
                f"For {n} fakes g_loss should be {want_g:.4f}, got {g_loss:.4f}: binary cross-entropy "
                "against targets of 1, averaged over the n fakes.",
            )
    _ok(
        lang,
        "Doğru: ayırtacın kaybı (smoothing, 0) hedefleriyle 2n resmin ortalaması, üreticininki hedef 1 "
        "ile n sahtenin ortalaması.",
        "Right: the discriminator's loss is the mean over 2n images against (smoothing, 0), the "
        "generator's the mean over n fakes against 1.",
    )
