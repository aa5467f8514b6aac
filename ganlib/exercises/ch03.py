"""Checkers for chapter 03's exercises."""

from __future__ import annotations

from collections.abc import Callable

from ganlib import fmt
from ganlib.exercises._feedback import _call, _fail, _not_done, _ok

__all__ = ["check_transpose_generator", "check_generator_params"]


def check_transpose_generator(model, lang: str | None = None) -> None:
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
        f"Doğru: {fmt.number(model.count_params(), lang='tr')} parametre (UpSampling2D'li üretici: 1.467.137).",
        f"Right: {model.count_params():,} parameters (the UpSampling2D generator: 1,467,137).",
    )


def _generator(noise_dim: int, c1: int, c2: int):
    """ganlib's generator with c1 channels at 7×7 and c2 filters in the first convolution."""
    import keras

    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input((noise_dim,)),
            layers.Dense(7 * 7 * c1),
            layers.LeakyReLU(0.2),
            layers.Reshape((7, 7, c1)),
            layers.UpSampling2D(2),
            layers.Conv2D(c2, 5, padding="same"),
            layers.LeakyReLU(0.2),
            layers.UpSampling2D(2),
            layers.Conv2D(1, 5, padding="same", activation="tanh"),
        ]
    )


# (noise_dim, c1, c2): the book's generator first, then sizes the chapter never shows
_CASES = [(200, 128, 64), (37, 128, 64), (1, 32, 16), (100, 256, 8), (64, 24, 96)]


def check_generator_params(func: Callable, lang: str | None = None) -> None:
    """``func(noise_dim, c1, c2)`` must count the generator's parameters without building it;
    it is compared with what Keras counts on generators of sizes the chapter never shows."""
    _not_done(func, lang)
    if "count_params" in getattr(getattr(func, "__code__", None), "co_names", ()):
        _fail(
            lang,
            "Fonksiyonunuz ağı kurup Keras'a saydırıyor (count_params). Ağı kurmadan, katman "
            "biçimlerinden hesaplayın.",
            "Your function builds the network and lets Keras count (count_params). Work it out "
            "from the layer shapes, without building the network.",
        )
    answers = {case: _call(func, lang, *case) for case in _CASES}
    if len({answers[case] for case in _CASES if case[1:] == (128, 64)}) == 1:
        _fail(
            lang,
            "Gürültünün boyutu değişince sonucunuz değişmiyor: noise_dim ilk tam bağlantılı katmanın "
            "girdi sayısıdır.",
            "Your result does not change with the noise size: noise_dim is the number of inputs of "
            "the first Dense layer.",
        )
    for (n, c1, c2), got in answers.items():
        want = _generator(n, c1, c2).count_params()
        if got == want:
            continue
        weights = n * 49 * c1 + 25 * c1 * c2 + 25 * c2
        fixed_dense = (n + 1) * 6272 + 25 * c1 * c2 + c2 + 25 * c2 + 1
        where = f"noise_dim={n}, c1={c1}, c2={c2}"
        shown = fmt.number(got, lang=lang) if isinstance(got, int) else repr(got)
        if got == weights:
            _fail(
                lang,
                f"{where}: ek girdiler (bias) eksik. Tam bağlantılı katmanın her biriminin ve her "
                "filtrenin bir ek girdisi vardır.",
                f"{where}: the biases are missing. Every unit of the Dense layer and every filter has "
                "one bias.",
            )
        if c1 != 128 and got == fixed_dense:
            _fail(
                lang,
                f"{where}: ilk katman 7·7·c1 birim verir; 6.272 yalnızca c1 = 128 iken doğru.",
                f"{where}: the first layer has 7·7·c1 units; 6,272 is right only when c1 = 128.",
            )
        _fail(
            lang,
            f"{where}: Keras {fmt.number(want, lang='tr')} sayıyor, fonksiyonunuz {shown} verdi. "
            "Katmanları tek tek "
            "sayın: tam bağlantılı katman, 5×5'lik iki evrişim; her birinde ağırlıklar ve ek girdiler.",
            f"{where}: Keras counts {want:,}, your function gave {shown}. Count layer by layer: the "
            "Dense layer and the two 5×5 convolutions, weights and biases in each.",
        )
    _ok(
        lang,
        f"Doğru: {len(_CASES)} farklı boyutta Keras'ın saydığıyla aynı "
        f"(ör. noise_dim=37, c1=128, c2=64: {fmt.number(answers[(37, 128, 64)], lang='tr')}).",
        f"Right: the same as Keras counts at {len(_CASES)} different sizes "
        f"(e.g. noise_dim=37, c1=128, c2=64: {answers[(37, 128, 64)]:,}).",
    )
