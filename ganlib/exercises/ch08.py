"""Checkers for chapter 08's exercises."""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Integral, Real

import numpy as np

from ganlib import fmt
from ganlib.exercises._feedback import _call, _expect_model, _fail, _not_done, _ok, _param_gap

__all__ = ["check_ema_update", "check_steps_to_forget", "check_bn_generator"]

# ---------------------------------------------------------------------------------------------
# check_ema_update: one step of the moving average, on plain numpy arrays
# ---------------------------------------------------------------------------------------------

_SHAPES = [(4, 3), (7,), (2, 3, 5)]  # like a kernel, a bias and a convolution's weights
# decays far from 1, so that a mistake moves the numbers visibly
_EMA_CASES = [(0.9, 0), (0.75, 1)]


def reference_ema_update(average, current, decay):
    """A new list: each variable of the average moved (1 − decay) of the way to the generator's."""
    return [decay * a + (1 - decay) * w for a, w in zip(average, current)]


def _ema_inputs(seed: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    rng = np.random.default_rng(seed)
    average = [rng.standard_normal(shape).astype(np.float32) for shape in _SHAPES]
    current = [rng.standard_normal(shape).astype(np.float32) for shape in _SHAPES]
    return average, current


def _untouched(given: list, originals: list, copies: list[np.ndarray]) -> bool:
    """True if the list still holds the same array objects, with the same numbers in them."""
    return (
        len(given) == len(originals)
        and all(x is o for x, o in zip(given, originals))
        and all(np.array_equal(x, c) for x, c in zip(given, copies))
    )


def _check_one_ema_step(func: Callable, decay: float, seed: int, lang: str | None = None) -> None:
    average, current = _ema_inputs(seed)
    originals = list(average), list(current)
    copies = [a.copy() for a in average], [w.copy() for w in current]
    arrays = "[" + ", ".join(f"ndarray{shape}" for shape in _SHAPES) + "]"
    got = _call(func, lang, average, current, decay, shown=f"({arrays}, {arrays}, {decay})")
    if not (_untouched(average, originals[0], copies[0]) and _untouched(current, originals[1], copies[1])):
        which = "average" if not _untouched(average, originals[0], copies[0]) else "current"
        _fail(
            lang,
            f"Fonksiyonunuz girdisini ({which}) yerinde değiştiriyor (a *= …, a[...] = … ya da "
            "listenin bir elemanını değiştirerek). Girdilere dokunmadan yeni dizilerden oluşan yeni "
            "bir liste döndürün: ortalamayı güncel tutmak, dönen listeyi kullanan tarafın işi.",
            f"Your function changes its input ({which}) in place (a *= …, a[...] = … or replacing an "
            "element of the list). Leave the inputs alone and return a new list of new arrays: keeping "
            "the average up to date is the caller's job.",
        )
    if got is None:
        _fail(
            lang,
            "Fonksiyon hiçbir şey döndürmüyor (None): yeni listeyi return ile döndürün.",
            "The function returns nothing (None): return the new list.",
        )
    if isinstance(got, np.ndarray) or np.isscalar(got):
        _fail(
            lang,
            f"Tek bir {type(got).__name__} döndü; her değişken için bir dizi, yani dizilerden oluşan bir "
            "liste bekleniyordu (değişkenlerin biçimleri farklı, tek bir dizide birleşmezler).",
            f"A single {type(got).__name__} came back; expected a list with one array per variable "
            "(the variables have different shapes, they do not fit in one array).",
        )
    if not isinstance(got, (list, tuple)):
        lazy = hasattr(got, "__next__")  # a generator expression, map, zip, …
        _fail(
            lang,
            f"Dizilerden oluşan bir liste bekleniyordu, {type(got).__name__} geldi"
            + (": ifadeyi [ … ] ya da list(…) içine alın." if lazy else "."),
            f"Expected a list of arrays, got {type(got).__name__}"
            + (": wrap the expression in [ … ] or list(…)." if lazy else "."),
        )
    if len(got) != len(_SHAPES):
        _fail(
            lang,
            f"{len(_SHAPES)} dizi (her değişken için bir tane) bekleniyordu, {len(got)} geldi.",
            f"Expected {len(_SHAPES)} arrays (one per variable), got {len(got)}.",
        )
    got = [np.asarray(g, dtype=np.float64) for g in got]
    for i, (g, shape) in enumerate(zip(got, _SHAPES)):
        if g.shape != shape:
            _fail(
                lang,
                f"{i}. dizinin biçimi {g.shape}; değişkeninki gibi {shape} olmalı. Her ortalama "
                "değişkeni, üreticinin aynı sıradaki değişkeniyle eşleşir (zip).",
                f"Array {i} has shape {g.shape}; it must be {shape}, like its variable. Each variable "
                "of the average pairs with the generator's variable in the same place (zip).",
            )
    want = reference_ema_update(
        [a.astype(np.float64) for a in copies[0]], [w.astype(np.float64) for w in copies[1]], decay
    )
    if all(np.allclose(g, w, rtol=1e-5, atol=1e-6) for g, w in zip(got, want)):
        return
    flat = np.concatenate([g.ravel() for g in got])
    a = np.concatenate([x.ravel() for x in copies[0]]).astype(np.float64)
    w = np.concatenate([x.ravel() for x in copies[1]]).astype(np.float64)
    (x, y), *_ = np.linalg.lstsq(np.stack([a, w], axis=1), flat, rcond=None)
    if not np.allclose(flat, x * a + y * w, rtol=1e-4, atol=1e-5):
        i = next(i for i, (g, v) in enumerate(zip(got, want)) if not np.allclose(g, v, rtol=1e-5, atol=1e-6))
        _fail(
            lang,
            f"decay = {fmt.number(decay, lang='tr')} iken {i}. dizi beklenenden farklı. Her eleman, ortalamanın "
            "ve üreticinin aynı yerdeki iki sayısından hesaplanır.",
            f"With decay = {decay}, array {i} differs from what it should be. Each element comes from "
            "the two numbers in the same place of the average and of the generator.",
        )
    shown = {lang_: f"{fmt.number(x, 3, lang=lang_)}·a + {fmt.number(y, 3, lang=lang_)}·w" for lang_ in ("tr", "en")}
    known = [
        (
            (1 - decay, decay),
            "Roller yer değiştirmiş: decay ağırlığı ortalamanın kendisine (a), 1 − decay üreticinin "
            "güncel ağırlıklarına (w) gider. Sizin hâlinizle ortalama her adımda neredeyse bütünüyle "
            "üreticiye atlar; ortada ortalama kalmaz.",
            "The roles are swapped: the weight decay goes to the average itself (a), 1 − decay to the "
            "generator's current weights (w). Your way, the average would jump almost all the way to "
            "the generator each step: nothing would be averaged.",
        ),
        (
            (0.0, 1.0),
            "Yalnızca üreticinin güncel ağırlıkları döndü: bu, ortalamayı hiç tutmamak demek. Ortalama "
            "her adımda üreticiye doğru yalnızca küçük bir adım (1 − decay) atmalı.",
            "Only the generator's current weights came back: that keeps no average at all. Each step "
            "the average should move only a small step (1 − decay) towards the generator.",
        ),
        (
            (1.0, 0.0),
            "Ortalama hiç değişmeden döndü: üreticinin güncel ağırlıkları (current) hesaba hiç girmiyor.",
            "The average came back unchanged: the generator's current weights (current) play no part.",
        ),
        (
            (0.999, 0.001),
            "decay fonksiyonun içinde 0,999'a sabitlenmiş: denetim başka decay değerleri veriyor; "
            "argüman olarak gelen decay'i kullanın.",
            "decay is fixed at 0.999 inside your function: the check passes other values; use the "
            "decay argument.",
        ),
    ]
    for (kx, ky), tr, en in known:
        if np.isclose(x, kx, atol=1e-4) and np.isclose(y, ky, atol=1e-4):
            _fail(lang, tr, en)
    _fail(
        lang,
        f"decay = {fmt.number(decay, lang='tr')} iken sonucunuz {shown['tr']} (a: ortalama, w: üretici). "
        f"İki katsayı decay ve 1 − decay olmalı; toplamları 1 eder, yoksa ortalama her adımda "
        "büyür ya da küçülür.",
        f"With decay = {decay} your result is {shown['en']} (a: average, w: generator). The two "
        "factors must be decay and 1 − decay; they add up to 1, otherwise the average grows or "
        "shrinks every step.",
    )


def check_ema_update(func: Callable, lang: str | None = None) -> None:
    """``func(average, current, decay)`` must return a new list: ``decay·a + (1 − decay)·w`` for
    each pair of arrays, leaving its inputs unchanged."""
    _not_done(func, lang)
    for decay, seed in _EMA_CASES:
        _check_one_ema_step(func, decay, seed, lang)
    _ok(
        lang,
        "Doğru: ortalama her adımda üreticiye doğru (1 − decay) kadar yaklaşıyor, girdiler olduğu gibi "
        "kalıyor. GAN(ema=0.999) her eğitim adımından sonra ema_generator'ın her değişkeni için tam "
        "bunu yapar (GAN.update_ema).",
        "Right: each step the average moves (1 − decay) of the way towards the generator, and the "
        "inputs stay as they were. GAN(ema=0.999) does exactly this for every variable of "
        "ema_generator after every training step (GAN.update_ema).",
    )


# ---------------------------------------------------------------------------------------------
# check_steps_to_forget: how long the average remembers where it started
# ---------------------------------------------------------------------------------------------

# (decay, share): the chapter's pair first; none lies on a boundary (log ratio far from whole)
_FORGET_CASES = [(0.999, 0.01), (0.9, 0.5), (0.99, 0.1), (0.6, 0.1), (0.95, 0.3), (0.9999, 0.5)]


def reference_steps_to_forget(decay, share):
    """The smallest whole k with decay**k <= share."""
    k = math.ceil(math.log(share) / math.log(decay))
    while decay**k > share:  # guard against rounding in the logarithms
        k += 1
    while k > 0 and decay ** (k - 1) <= share:
        k -= 1
    return k


# Formulas students reach for, by how they go wrong: raw value, then a message.
_FORGET_FORMULAS = [
    ("ratio", lambda d, s: math.log(s) / math.log(d)),
    ("swapped", lambda d, s: math.log(d) / math.log(s)),
    ("memory", lambda d, s: 1 / (1 - d)),
    ("approx", lambda d, s: -math.log(s) / (1 - d)),
    ("newest", lambda d, s: math.log(s) / math.log(1 - d)),
]
_ROUNDINGS = [("none", lambda v: v), ("floor", math.floor), ("ceil", math.ceil), ("round", round)]


def _matches(answers: dict, formula: Callable, rounding: Callable) -> bool:
    return all(
        isinstance(got, Real)
        and not isinstance(got, bool)
        and math.isclose(float(got), rounding(formula(d, s)), rel_tol=1e-9, abs_tol=1e-9)
        for (d, s), got in answers.items()
    )


def _share(value: float, lang: str | None = None) -> str:
    """A share such as 0.0099997, with enough digits to tell it from 0.01."""
    return fmt.localize(f"{value:.5g}", lang)


def _forget_messages(name: str, rounding: str, lang: str | None = None) -> tuple[str, str] | None:
    d, s = _FORGET_CASES[0]
    ratio = math.log(s) / math.log(d)
    k = reference_steps_to_forget(d, s)
    if name == "ratio" and rounding == "none":
        return (
            f"Sonuç tam sayı değil (decay = {fmt.number(d, lang='tr')}, share = {fmt.number(s, lang='tr')} için "
            f"{fmt.number(ratio, 1, lang='tr')}): bu, decay**k = share denkleminin çözümü. Adımlar tam sayıdır: "
            "decay**k <= share olan en küçük tam k'yi döndürün.",
            f"The result is not whole ({ratio:.1f} for decay = {d}, share = {s}): that solves "
            "decay**k = share. Steps are whole: return the smallest whole k with decay**k <= share.",
        )
    if name == "ratio" and rounding == "floor":
        return (
            f"Bir adım eksik: aşağı yuvarlamışsınız (int ya da floor). {fmt.number(k - 1, lang='tr')} adım "
            f"sonra decay**k hâlâ share'in üstünde ({_share(d ** (k - 1), 'tr')} > "
            f"{fmt.number(s, lang='tr')}); yukarı yuvarlayın.",
            f"One step short: you rounded down (int or floor). After {k - 1:,} steps decay**k is still "
            f"above share ({_share(d ** (k - 1), 'en')} > {s}); round up.",
        )
    if name == "ratio" and rounding == "round":
        return (
            "En yakın tam sayıya yuvarlamışsınız: bazı çiftlerde bu bir adım eksik kalır ve decay**k "
            "hâlâ share'in üstündedir. Yukarı yuvarlayın.",
            "You rounded to the nearest whole number: for some pairs that is one step short and "
            "decay**k is still above share. Round up.",
        )
    if name == "swapped":
        return (
            "Logaritmalar yer değiştirmiş: decay**k <= share eşitsizliğinin iki yanının logaritmasını "
            "alıp k'yi yalnız bırakın (log(decay) negatiftir, eşitsizliğin yönüne dikkat).",
            "The logarithms are swapped: take the logarithm of both sides of decay**k <= share and "
            "solve for k (log(decay) is negative: mind the direction of the inequality).",
        )
    if name == "memory":
        return (
            f"1/(1 − decay) (decay = {fmt.number(d, lang='tr')} için {fmt.number(round(1 / (1 - d)), lang='tr')}) "
            "ortalamanın belleğidir: hatırladıklarının ortalama yaşı. Başlangıç ağırlıklarının payının "
            "share'e düşmesi için geçen adım sayısı değildir; share'e bağlı bile değil.",
            f"1/(1 − decay) ({round(1 / (1 - d)):,} for decay = {d}) is the average's memory: the average "
            "age of what it remembers. It is not the number of steps for the starting weights' share to "
            "fall to share; it does not even depend on share.",
        )
    if name == "approx":
        return (
            "log(decay) ≈ −(1 − decay) yaklaşımını kullanmışsınız: decay 1'e yakınken iyi bir tahmin, "
            "ama tam değil (decay = 0,999, share = 0,01 için birkaç adım fazla). Payı tam olarak "
            "decay**k ile hesaplayın.",
            "You used the approximation log(decay) ≈ −(1 − decay): a good estimate when decay is close "
            "to 1, but not exact (a few steps too many for decay = 0.999, share = 0.01). Work with the "
            "exact share, decay**k.",
        )
    if name == "newest":
        return (
            "1 − decay, en yeni adımın ağırlığıdır. Başlangıç ağırlıklarının k adım sonraki payı ise "
            "her adımda decay ile çarpılır: decay**k.",
            "1 − decay is the weight of the newest step. The starting weights' share is multiplied by "
            "decay at every step: after k steps it is decay**k.",
        )
    return None


def check_steps_to_forget(func: Callable, lang: str | None = None) -> None:
    """``func(decay, share)`` must return the smallest whole k with ``decay**k <= share``."""
    _not_done(func, lang)
    answers = {(d, s): _call(func, lang, d, s) for d, s in _FORGET_CASES}
    wants = {(d, s): reference_steps_to_forget(d, s) for d, s in _FORGET_CASES}
    right_values = all(
        isinstance(got, Real) and not isinstance(got, bool) and got == wants[pair]
        for pair, got in answers.items()
    )
    if not right_values:
        for name, formula in _FORGET_FORMULAS:
            for rounding, rounder in _ROUNDINGS:
                if (name, rounding) != ("ratio", "ceil") and _matches(answers, formula, rounder):
                    messages = _forget_messages(name, rounding, lang)
                    if messages:
                        _fail(lang, *messages)
    for (d, s), got in answers.items():
        where = {
            "tr": f"decay = {fmt.number(d, lang='tr')}, share = {fmt.number(s, lang='tr')}",
            "en": f"decay = {d}, share = {s}",
        }
        if isinstance(got, bool) or not isinstance(got, Real):
            _fail(
                lang,
                f"{where['tr']}: bir sayı bekleniyordu, {type(got).__name__} geldi.",
                f"{where['en']}: expected a number, got {type(got).__name__}.",
            )
        want = wants[(d, s)]
        if got == want and not isinstance(got, Integral):
            _fail(
                lang,
                f"{where['tr']}: değer doğru ({fmt.number(want, lang='tr')}), ama {type(got).__name__} türünde. "
                "Adım sayısı tam sayıdır: int döndürün (math.ceil bir int verir, np.ceil bir float).",
                f"{where['en']}: the value is right ({want:,}) but a {type(got).__name__}. A number of "
                "steps is whole: return an int (math.ceil gives an int, np.ceil a float).",
            )
        if got == want:
            continue
        if got == want - 1:
            _fail(
                lang,
                f"{where['tr']}: bir adım eksik. {fmt.number(want - 1, lang='tr')} adım sonra başlangıcın payı "
                f"hâlâ {_share(d ** (want - 1), 'tr')}, yani share'in üstünde.",
                f"{where['en']}: one step short. After {want - 1:,} steps the start's share is still "
                f"{_share(d ** (want - 1), 'en')}, above share.",
            )
        if got == want + 1:
            _fail(
                lang,
                f"{where['tr']}: bir adım fazla. {fmt.number(want, lang='tr')} adım sonra başlangıcın payı "
                f"zaten {_share(d**want, 'tr')}, yani share ya da altında: en küçük k isteniyor.",
                f"{where['en']}: one step too many. After {want:,} steps the start's share is already "
                f"{_share(d**want, 'en')}, at or below share: the smallest k is asked for.",
            )
        digits = None if isinstance(got, Integral) else 3
        shown = {lang_: fmt.number(got, digits, lang=lang_) for lang_ in ("tr", "en")}
        _fail(
            lang,
            f"{where['tr']}: {fmt.number(want, lang='tr')} bekleniyordu, {shown['tr']} geldi. Başlangıç "
            "ağırlıklarının payı her adımda decay ile çarpılır: k adım sonra decay**k.",
            f"{where['en']}: expected {want:,}, got {shown['en']}. The starting weights' share is "
            "multiplied by decay at every step: after k steps it is decay**k.",
        )
    d, s = _FORGET_CASES[0]
    k = wants[(d, s)]
    _ok(
        lang,
        f"Doğru: decay = {fmt.number(d, lang='tr')} iken başlangıcın payı {fmt.number(k, lang='tr')} adımda "
        f"{fmt.number(s, lang='tr')}'e iner; ortalamanın belleği 1/(1 − decay) = "
        f"{fmt.number(round(1 / (1 - d)), lang='tr')} adımın yaklaşık "
        f"{fmt.number(k * (1 - d), 1, lang='tr')} katı.",
        f"Right: with decay = {d} the start's share falls to {s} in {k:,} steps, about "
        f"{k * (1 - d):.1f} times the average's memory 1/(1 − decay) = {round(1 / (1 - d)):,} steps.",
    )


# ---------------------------------------------------------------------------------------------
# check_bn_generator: the post's generator with BatchNormalization before each LeakyReLU
# ---------------------------------------------------------------------------------------------

_POST_KINDS = "Dense LeakyReLU Reshape UpSampling2D Conv2D LeakyReLU UpSampling2D Conv2D".split()
_NOISE_DIMS = (200, 16)


def reference_bn_generator(noise_dim=200):
    """The post's generator written out, with a BatchNormalization before each LeakyReLU (the
    same network as ``ganlib.models.build_generator(noise_dim, batch_norm=True)``)."""
    import keras

    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(noise_dim,)),
            layers.Dense(128 * 7 * 7, kernel_initializer=keras.initializers.RandomNormal(stddev=0.02)),
            layers.BatchNormalization(),
            layers.LeakyReLU(negative_slope=0.2),
            layers.Reshape((7, 7, 128)),
            layers.UpSampling2D(size=2),
            layers.Conv2D(64, kernel_size=5, padding="same"),
            layers.BatchNormalization(),
            layers.LeakyReLU(negative_slope=0.2),
            layers.UpSampling2D(size=2),
            layers.Conv2D(1, kernel_size=5, padding="same", activation="tanh"),
        ]
    )


def _kinds(model) -> list[str]:
    """Layer class names, InputLayer left out; any LeakyReLU (ganlib's, Keras' or an Activation
    layer with leaky_relu) is "LeakyReLU"."""
    import keras

    kinds = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        leaky = isinstance(layer, keras.layers.LeakyReLU) or (
            isinstance(layer, keras.layers.Activation) and _activation_name(layer) == "leaky_relu"
        )
        kinds.append("LeakyReLU" if leaky else type(layer).__name__)
    return kinds


def _layers(model) -> list:
    import keras

    return [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]


def _activation_name(layer) -> str:
    return getattr(getattr(layer, "activation", None), "__name__", "")


def _build(func: Callable, noise_dim: int, lang: str | None = None):

    model = _call(func, lang, noise_dim)
    _expect_model(model, lang, "keras.Sequential")
    if tuple(model.output_shape) != (None, 28, 28, 1):
        _fail(
            lang,
            f"Çıkış (None, 28, 28, 1) olmalı, {model.output_shape} geldi.",
            f"The output must be (None, 28, 28, 1), got {model.output_shape}.",
        )
    if tuple(model.input_shape) != (None, noise_dim):
        _fail(
            lang,
            f"noise_dim={noise_dim} ile giriş (None, {noise_dim}) olmalı, {model.input_shape} geldi: "
            "keras.Input'a noise_dim'i verin, sabit bir sayı değil.",
            f"With noise_dim={noise_dim} the input must be (None, {noise_dim}), got {model.input_shape}: "
            "give keras.Input the noise_dim, not a fixed number.",
        )
    return model


def check_bn_generator(func: Callable, lang: str | None = None) -> None:
    """``func(noise_dim)`` must build the post's generator with a BatchNormalization right before
    each of its two LeakyReLUs, and nothing else changed (1,492,481 parameters at noise_dim 200)."""
    import keras

    _not_done(func, lang)
    code = getattr(func, "__code__", None)
    if "build_generator" in (*getattr(code, "co_names", ()), *getattr(code, "co_freevars", ())):
        _fail(
            lang,
            "Fonksiyonunuz ganlib'in build_generator'ını çağırıyor. Alıştırma, katmanları kendiniz "
            "yazmanız için: keras.Sequential içinde yazının katmanlarını sırayla dizin.",
            "Your function calls ganlib's build_generator. The exercise is to write the layers "
            "yourself: list the post's layers, in order, inside keras.Sequential.",
        )
    model = _build(func, _NOISE_DIMS[0], lang)
    want = reference_bn_generator(_NOISE_DIMS[0]).count_params()
    post = want - 4 * (6272 + 64)
    layers, kinds, got = _layers(model), _kinds(model), model.count_params()
    gap = _param_gap(got, want, lang)
    n_bn = kinds.count("BatchNormalization")
    if n_bn == 0:
        if got == post:
            _fail(
                lang,
                f"Bu, yazının üreticisi ({fmt.number(post, lang='tr')} parametre): hiç BatchNormalization "
                "katmanı yok. İki sızdıran ReLU'nun (LeakyReLU) her birinin hemen önüne bir tane ekleyin.",
                f"This is the post's generator ({post:,} parameters): there is no BatchNormalization "
                "layer. Add one right before each of the two LeakyReLUs.",
            )
        _fail(
            lang,
            f"Hiç BatchNormalization katmanı yok ({gap}).",
            f"There is no BatchNormalization layer ({gap}).",
        )
    convs = [i for i, k in enumerate(kinds) if k in ("Conv2D", "Conv2DTranspose")]
    if convs and any(k == "BatchNormalization" for k in kinds[convs[-1] + 1 :]):
        _fail(
            lang,
            "Çıkış katmanında (tanh'tan önce) yığın normalleştirme var. DCGAN üreticinin çıkış katmanını "
            "normalleştirmez: görüntüyü yapan son evrişim, tanh etkinleştirmesiyle olduğu gibi kalsın.",
            "There is a BatchNormalization on the output layer (before the tanh). DCGAN leaves the "
            "generator's output layer unnormalised: the last convolution, which makes the image, keeps "
            "its tanh activation as it is.",
        )
    if any(k == "BatchNormalization" and i > 0 and kinds[i - 1] == "LeakyReLU" for i, k in enumerate(kinds)):
        _fail(
            lang,
            "BatchNormalization etkinleştirmeden sonra gelmiş. Yerini değiştirin: katmanın (Dense ya da "
            "Conv2D) çıktısını normalleştirip sonra LeakyReLU'ya verin; yani her LeakyReLU'nun hemen önüne.",
            "BatchNormalization comes after the activation. Move it: normalise the output of the layer "
            "(Dense or Conv2D) and then pass it to the LeakyReLU, i.e. right before each LeakyReLU.",
        )
    base = [k for k in kinds if k != "BatchNormalization"]
    if base != _POST_KINDS:
        where = next((i for i, (b, p) in enumerate(zip(base, _POST_KINDS)) if b != p), None)
        if where is None:
            detail_tr = f"{len(_POST_KINDS)} katman bekleniyordu, {len(base)} var"
            detail_en = f"expected {len(_POST_KINDS)} layers, found {len(base)}"
        else:
            detail_tr = f"{where + 1}. katman {base[where]}, yazınınki {_POST_KINDS[where]}"
            detail_en = f"layer {where + 1} is {base[where]} where the post has {_POST_KINDS[where]}"
        _fail(
            lang,
            f"BatchNormalization'lar dışında katmanlar yazının üreticisindeki gibi olmalı ({detail_tr}; "
            f"{gap}). Yalnızca iki BatchNormalization ekleyin, başka bir şeyi değiştirmeyin.",
            f"Apart from the BatchNormalizations, the layers must be the post's generator's "
            f"({detail_en}; {gap}). Only add the two BatchNormalizations; change nothing else.",
        )
    if n_bn == 1:
        missing = "Dense" if kinds[1] != "BatchNormalization" else "Conv2D(64)"
        _fail(
            lang,
            f"Yalnızca bir BatchNormalization var; {missing} ile ardındaki LeakyReLU arasındaki eksik. "
            "İki sızdıran ReLU'nun her birinin önüne bir tane gelmeli.",
            f"There is only one BatchNormalization; the one between the {missing} and its LeakyReLU is "
            "missing. Each of the two LeakyReLUs needs one right before it.",
        )
    misplaced = [
        i
        for i, k in enumerate(kinds)
        if k == "BatchNormalization"
        and not (kinds[i - 1] in ("Dense", "Conv2D") and i + 1 < len(kinds) and kinds[i + 1] == "LeakyReLU")
    ]
    if n_bn != 2 or misplaced:
        _fail(
            lang,
            f"{n_bn} BatchNormalization var; tam iki tane olmalı, her biri bir katmanla (Dense ya da "
            "Conv2D) onun LeakyReLU'su arasında.",
            f"There are {n_bn} BatchNormalizations; there must be exactly two, each between a layer "
            "(Dense or Conv2D) and its LeakyReLU.",
        )
    slopes = [float(layer.negative_slope) for layer in layers if isinstance(layer, keras.layers.LeakyReLU)]
    if any(not math.isclose(s, 0.2) for s in slopes):
        _fail(
            lang,
            f"LeakyReLU eğimleri {', '.join(fmt.number(s, lang='tr') for s in slopes)}; yazıdaki gibi 0,2 "
            "olmalı (Keras'ın varsayılanı 0,3: LeakyReLU(0.2) yazın).",
            f"The LeakyReLU slopes are {', '.join(f'{s:g}' for s in slopes)}; they must be 0.2 as in "
            "the post (Keras' default is 0.3: write LeakyReLU(0.2)).",
        )
    if _activation_name(layers[-1]) != "tanh":
        _fail(
            lang,
            "Son katman tanh kullanmalı: veriler [-1, 1] aralığında.",
            "The last layer must use tanh: the data lie in [-1, 1].",
        )
    if got != want:
        _fail(
            lang,
            f"Katmanların sırası doğru, ama {gap}. Birim ve filtre sayılarını, çekirdek boyutlarını ve "
            "BatchNormalization'ın ayarlarını (varsayılanlar) yazının üreticisiyle karşılaştırın.",
            f"The layers are in the right order, but {gap}. Compare the units, filters, kernel sizes "
            "and the BatchNormalization's settings (the defaults) with the post's generator.",
        )
    other = _NOISE_DIMS[1]
    small = _build(func, other, lang)
    want_small = reference_bn_generator(other).count_params()
    if small.count_params() != want_small:
        _fail(
            lang,
            f"noise_dim={other} ile {_param_gap(small.count_params(), want_small, 'tr')}: gürültünün "
            "boyutu yalnızca ilk katmanın girdi sayısını değiştirmeli.",
            f"With noise_dim={other}: {_param_gap(small.count_params(), want_small, 'en')}: the noise size "
            "should change only the number of inputs of the first layer.",
        )
    extra = want - post
    _ok(
        lang,
        f"Doğru: {fmt.number(want, lang='tr')} parametre, yazının üreticisinden {fmt.number(extra, lang='tr')} fazla; "
        f"bunların yarısı ({fmt.number(extra // 2, lang='tr')}) BatchNormalization'ın eğitilmeyen ortalama ve "
        "varyans istatistikleri.",
        f"Right: {want:,} parameters, {extra:,} more than the post's generator; half of them "
        f"({extra // 2:,}) are the running means and variances, which are not trained.",
    )
