"""Checkers for chapter 03's exercises."""

from __future__ import annotations

from ganlib.exercises._feedback import _fail, _not_done, _ok, _tr_int

__all__ = ["check_transpose_generator", "check_noise10_params"]


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
