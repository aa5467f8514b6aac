"""Checkers for the book's exercises: they say, in the page's language, what is right and what is wrong.

Each ``check_*`` function takes the student's answer and ``lang`` ("tr" or "en"). It
prints a short confirmation when the answer is right and raises :class:`ExerciseError`
with a message that points at the mistake when it is not.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import numpy as np


class ExerciseError(Exception):
    """The answer is not right yet; the message says why and what to try."""


def _say(lang: str, tr: str, en: str) -> str:
    if lang not in ("tr", "en"):
        raise ValueError(f"lang must be 'tr' or 'en', got {lang!r}.")
    return tr if lang == "tr" else en


def _fail(lang: str, tr: str, en: str) -> None:
    raise ExerciseError("✗ " + _say(lang, tr, en))


def _ok(lang: str, tr: str, en: str) -> None:
    print("✓ " + _say(lang, tr, en))


def _tr_int(n: int) -> str:
    """1467137 → "1.467.137" (Turkish thousands separator)."""
    return f"{n:,}".replace(",", ".")


def _not_done(answer, lang: str) -> None:
    if answer is None or answer is Ellipsis:
        _fail(
            lang,
            "Henüz cevap yok: işaretli hücreyi doldurup çalıştırın.",
            "No answer yet: fill in the marked cell and run it.",
        )


def _call(func: Callable, lang: str, *args):
    if not callable(func):
        _fail(
            lang,
            f"Bir fonksiyon bekleniyordu, {type(func).__name__} geldi.",
            f"Expected a function, got {type(func).__name__}.",
        )
    try:
        return func(*args)
    except NotImplementedError:
        _fail(
            lang,
            "Fonksiyon henüz yazılmamış (NotImplementedError): gövdesini doldurun.",
            "The function is not written yet (NotImplementedError): fill in its body.",
        )
    except Exception as err:  # noqa: BLE001 - report any crash of the student's code helpfully
        _fail(
            lang,
            f"Fonksiyon {args} ile çağrılınca hata verdi: {type(err).__name__}: {err}",
            f"The function raised an error when called with {args}: {type(err).__name__}: {err}",
        )


# ---------------------------------------------------------------- chapter 01
def check_optimal_discriminator(func: Callable, lang: str = "en") -> None:
    """``func(p_data, p_model)`` must return the best police's belief p_data / (p_data + p_model)."""
    _not_done(func, lang)
    p_data = np.array([0.4, 0.1, 0.0, 0.25])
    p_model = np.array([0.4, 0.3, 0.2, 0.0])
    got = np.asarray(_call(func, lang, p_data, p_model), dtype=float)
    want = p_data / (p_data + p_model)
    if got.shape != want.shape:
        _fail(
            lang,
            f"Her x için bir değer bekleniyordu (şekil {want.shape}), gelen şekil {got.shape}.",
            f"Expected one value per x (shape {want.shape}), got shape {got.shape}.",
        )
    if np.allclose(got, p_model / (p_data + p_model)):
        _fail(
            lang,
            "Pay ters: D(x), x'in GERÇEK olma olasılığıdır; payda p_data olmalı.",
            "Numerator swapped: D(x) is the probability that x is REAL, so p_data goes on top.",
        )
    if not np.allclose(got, want):
        _fail(
            lang,
            f"p_data={p_data}, p_model={p_model} için {want} bekleniyordu, {got.round(3)} geldi.",
            f"For p_data={p_data}, p_model={p_model} expected {want}, got {got.round(3)}.",
        )
    _ok(
        lang,
        "Doğru: veri ve model aynı olduğunda D(x) = 1/2 olur.",
        "Right: where data and model agree, D(x) = 1/2.",
    )


# ---------------------------------------------------------------- chapter 02
def check_conv_params(func: Callable, lang: str = "en") -> None:
    """``func(kernel, c_in, c_out)`` must count a Conv2D layer's weights and biases."""
    _not_done(func, lang)
    cases = [(5, 1, 64), (5, 64, 128), (3, 3, 8)]
    for k, c_in, c_out in cases:
        got = _call(func, lang, k, c_in, c_out)
        want = k * k * c_in * c_out + c_out
        if got == k * k * c_in * c_out:
            _fail(
                lang,
                "Sapmalar (bias) eksik: her çıkış kanalının bir sapması vardır.",
                "The biases are missing: every output channel has one bias.",
            )
        if got != want:
            _fail(
                lang,
                f"Conv2D({c_out}, {k}×{k}) ve {c_in} giriş kanalı için {want} bekleniyordu, {got} geldi.",
                f"For Conv2D({c_out}, {k}×{k}) on {c_in} input channels expected {want}, got {got}.",
            )
    _ok(
        lang,
        "Doğru: 5×5×64×128 + 128 = 204.928, ayırtacın ikinci katmanı.",
        "Right: 5×5×64×128 + 128 = 204,928, the discriminator's second layer.",
    )


# ---------------------------------------------------------------- chapter 03
def check_transpose_generator(model, lang: str = "en") -> None:
    """A generator built with Conv2DTranspose instead of UpSampling2D + Conv2D."""
    import keras

    _not_done(model, lang)
    if not isinstance(model, keras.Model):
        _fail(
            lang,
            "Bir keras.Model bekleniyordu (ör. keras.Sequential).",
            "Expected a keras.Model (e.g. keras.Sequential).",
        )
    kinds = [type(layer).__name__ for layer in model.layers]
    if "UpSampling2D" in kinds:
        _fail(
            lang,
            "Hâlâ UpSampling2D var: her UpSampling2D + Conv2D çiftini strides=2 olan bir "
            "Conv2DTranspose ile değiştirin.",
            "There is still an UpSampling2D: replace each UpSampling2D + Conv2D pair by one "
            "Conv2DTranspose with strides=2.",
        )
    if kinds.count("Conv2DTranspose") < 2:
        _fail(
            lang,
            f"İki Conv2DTranspose katmanı bekleniyordu, {kinds.count('Conv2DTranspose')} var.",
            f"Expected two Conv2DTranspose layers, found {kinds.count('Conv2DTranspose')}.",
        )
    if tuple(model.input_shape) != (None, 200) or tuple(model.output_shape) != (None, 28, 28, 1):
        _fail(
            lang,
            f"Giriş (None, 200), çıkış (None, 28, 28, 1) olmalı; {model.input_shape} → "
            f"{model.output_shape} geldi. Adımların (strides=2) ve padding='same' ayarını kontrol edin.",
            f"Input must be (None, 200) and output (None, 28, 28, 1); got {model.input_shape} → "
            f"{model.output_shape}. Check strides=2 and padding='same'.",
        )
    last = model.layers[-1]
    if getattr(getattr(last, "activation", None), "__name__", "") != "tanh":
        _fail(
            lang,
            "Son katman tanh kullanmalı: veriler [-1, 1] aralığında.",
            "The last layer must use tanh: the data lie in [-1, 1].",
        )
    _ok(
        lang,
        f"Doğru: {_tr_int(model.count_params())} parametre (UpSampling2D'li üretici: 1.467.137).",
        f"Right: {model.count_params():,} parameters (the UpSampling2D generator: 1,467,137).",
    )


def check_noise10_params(count, lang: str = "en") -> None:
    """The generator's parameter count for noise_dim = 10."""
    _not_done(count, lang)
    want = 1_467_137 - 190 * 6272
    if count == 1_467_137:
        _fail(
            lang,
            "Bu 200 boyutlu gürültünün sayısı: build_generator(noise_dim=10) ile yeniden kurun.",
            "That is the count for 200-D noise: rebuild with build_generator(noise_dim=10).",
        )
    if count != want:
        _fail(
            lang,
            f"{_tr_int(want)} bekleniyordu, {count} geldi. Yalnız ilk Dense katman değişir: "
            "her gürültü girdisi 6.272 ağırlık ekler.",
            f"Expected {want:,}, got {count}. Only the first Dense layer changes: "
            "each noise input adds 6,272 weights.",
        )
    _ok(
        lang,
        f"Doğru: {_tr_int(want)} parametre, 200 boyuta göre 1.191.680 daha az.",
        f"Right: {want:,} parameters, 1,191,680 fewer than with 200 dimensions.",
    )


# ---------------------------------------------------------------- chapter 04
def check_discriminator_targets(func: Callable, lang: str = "en") -> None:
    """``func(batch_size, smoothing)`` must return [smoothing]*n + [0]*n as floats."""
    _not_done(func, lang)
    for n, s in [(4, 0.9), (3, 1.0), (1, 0.8)]:
        got = np.asarray(_call(func, lang, n, s))
        want = np.concatenate([np.full(n, s), np.zeros(n)])
        if got.shape != want.shape:
            _fail(
                lang,
                f"batch_size={n} için {2 * n} etiket (gerçek + sahte) bekleniyordu, şekil {got.shape} geldi.",
                f"For batch_size={n} expected {2 * n} targets (real + fake), got shape {got.shape}.",
            )
        if np.allclose(got, want[::-1]):
            _fail(
                lang,
                "Sıra ters: önce gerçekler (smoothing), sonra sahteler (0) — concat([real, fake]) gibi.",
                "Wrong order: real first (smoothing), then fake (0) — as in concat([real, fake]).",
            )
        if np.allclose(got[n:], 1 - s) and s < 1:
            _fail(
                lang,
                "Sahte taraf yumuşatılmamalı: tek taraflı yumuşatmada sahtelerin etiketi 0 kalır.",
                "Do not smooth the fake side: with one-sided smoothing fake targets stay 0.",
            )
        if np.allclose(got[:n], 1.0) and s < 1:
            _fail(
                lang,
                f"Gerçek etiketler {s} olmalı, 1 değil: smoothing parametresini kullanın.",
                f"Real targets must be {s}, not 1: use the smoothing argument.",
            )
        if not np.allclose(got, want):
            _fail(
                lang,
                f"batch_size={n}, smoothing={s} için {want} bekleniyordu, {got} geldi.",
                f"For batch_size={n}, smoothing={s} expected {want}, got {got}.",
            )
        if not np.issubdtype(got.dtype, np.floating):
            _fail(
                lang,
                f"Etiketler ondalıklı sayı olmalı (float32), {got.dtype} geldi.",
                f"Targets must be floats (float32), got {got.dtype}.",
            )
    _ok(
        lang,
        "Doğru: gerçekler yumuşatılmış, sahteler 0, sıra concat([real, fake]) ile aynı.",
        "Right: real targets smoothed, fake targets 0, in the order of concat([real, fake]).",
    )


# ---------------------------------------------------------------- chapter 05
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


# ---------------------------------------------------------------- chapter 06
def check_lerp(func: Callable, lang: str = "en") -> None:
    """``func(z0, z1, steps)`` must return ``steps`` vectors from z0 to z1, both included."""
    from ganlib.sampling import interpolate

    _not_done(func, lang)
    rng = np.random.default_rng(0)
    z0, z1 = rng.standard_normal((2, 5)).astype(np.float32)
    got = np.asarray(_call(func, lang, z0, z1, 6))
    want = interpolate(z0, z1, 6)
    if got.shape == want.shape and np.allclose(got, want[::-1]):
        _fail(
            lang,
            "Yön ters: ilk satır z0, son satır z1 olmalı.",
            "Wrong direction: first row z0, last row z1.",
        )
    if got.shape == (5, 5) or (got.shape == (6, 5) and not np.allclose(got[-1], z1)):
        _fail(
            lang,
            "Son nokta eksik: iki uç da (z0 ve z1) dahil olmalı, np.linspace(0, 1, steps) gibi.",
            "The last point is missing: both ends (z0 and z1) are included, like np.linspace(0, 1, steps).",
        )
    if got.shape != want.shape:
        _fail(
            lang,
            f"{want.shape} şeklinde bir dizi bekleniyordu, {got.shape} geldi.",
            f"Expected an array of shape {want.shape}, got {got.shape}.",
        )
    if not np.allclose(got, want, atol=1e-5):
        _fail(
            lang,
            "Noktalar doğru üzerinde değil: (1 - t) * z0 + t * z1 kullanın.",
            "The points are not on the line: use (1 - t) * z0 + t * z1.",
        )
    _ok(lang, "Doğru: doğrusal ara değerleme.", "Right: linear interpolation.")


# ---------------------------------------------------------------- chapter 07
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


CHECKERS = {
    name: func for name, func in globals().items() if name.startswith("check_") and inspect.isfunction(func)
}
