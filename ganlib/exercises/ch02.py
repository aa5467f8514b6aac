"""Checkers for chapter 02's exercises."""

from __future__ import annotations

from ganlib import fmt
from ganlib.exercises._feedback import _fail, _not_done, _ok

__all__ = ["check_discriminator"]

_SLOPE = 0.2
_DROPOUT = 0.3


def _fixed_images():
    """Eight fixed inputs in [-1, 1]: random pixels, a blank page, stripes, a square, a gradient."""
    import numpy as np

    rng = np.random.default_rng(2)
    images = rng.uniform(-1, 1, (8, 28, 28, 1)).astype("float32")
    images[4] = -1.0
    images[5, :, ::3] = 1.0
    images[6] = -1.0
    images[6, 8:20, 8:20] = 1.0
    images[7] = np.linspace(-1, 1, 28, dtype="float32")[None, :, None]
    return images


def _reference_weights(reference):
    """Fixed weights for ganlib's discriminator, drawn large enough that the answers spread over
    (0, 1) instead of all sitting near 0.5: a wrong activation then shows in every output."""
    import numpy as np

    rng = np.random.default_rng(2)
    weights = []
    for w in reference.get_weights():
        fan_in = int(np.prod(w.shape[:-1])) if w.ndim > 1 else 1
        scale = np.sqrt(2.0 / fan_in) if w.ndim > 1 else 0.1
        weights.append(rng.normal(0.0, scale, w.shape).astype("float32"))
    return weights


def check_discriminator(model, lang: str | None = None) -> None:
    """The post's discriminator built by hand: same layers, same answers with ganlib's weights."""
    import keras
    import numpy as np

    from ganlib.models import build_discriminator

    _not_done(model, lang)
    if not isinstance(model, keras.Model):
        _fail(
            lang,
            f"Bir keras.Model bekleniyordu (ör. keras.Sequential([...])), {type(model).__name__} geldi.",
            f"Expected a keras.Model (e.g. keras.Sequential([...])), got {type(model).__name__}.",
        )
    if any("call" in vars(layer) for layer in model.layers if isinstance(layer, keras.layers.LeakyReLU)):
        _fail(
            lang,
            "Bu, ganlib'in build_discriminator() ile kurduğu model. Katmanları keras.Sequential içinde "
            "kendiniz sıralayın.",
            "This is the model ganlib's build_discriminator() builds. List the layers yourself "
            "inside keras.Sequential.",
        )
    shape_in, shape_out = tuple(model.input_shape), tuple(model.output_shape)
    if shape_in == (None, 1, 28, 28):
        _fail(
            lang,
            "Giriş (1, 28, 28): bu, yazının Theano düzeni (kanal başta). Keras 3'te kanal sondadır: "
            "keras.Input((28, 28, 1)).",
            "Input (1, 28, 28) is the post's Theano ordering (channel first). Keras 3 puts the channel "
            "last: keras.Input((28, 28, 1)).",
        )
    if shape_in != (None, 28, 28, 1) or shape_out != (None, 1):
        _fail(
            lang,
            f"Giriş (None, 28, 28, 1), çıkış (None, 1) olmalı; {shape_in} → {shape_out} geldi.",
            f"Input must be (None, 28, 28, 1) and output (None, 1); got {shape_in} → {shape_out}.",
        )

    reference = build_discriminator()
    mine = [(type(layer).__name__, layer.count_params()) for layer in model.layers if layer.weights]
    want = [(type(layer).__name__, layer.count_params()) for layer in reference.layers if layer.weights]
    if [kind for kind, _ in mine] != [kind for kind, _ in want]:
        _fail(
            lang,
            "Ağırlık taşıyan katmanlar sırayla Conv2D, Conv2D, Dense olmalı; sizinkiler: "
            f"{', '.join(kind for kind, _ in mine) or 'hiç yok'}.",
            "The layers with weights must be Conv2D, Conv2D, Dense, in that order; yours are: "
            f"{', '.join(kind for kind, _ in mine) or 'none'}.",
        )
    for i, ((kind, got), (_, expected)) in enumerate(zip(mine, want)):
        if got == expected:
            continue
        if kind == "Dense":
            _fail(
                lang,
                f"Tam bağlantılı katman {fmt.number(got - 1, lang='tr')} girdi görüyor, 6.272 (7×7×128) "
                "değil: iki "
                'evrişimin de strides=2 ve padding="same" ile resmi 28 → 14 → 7\'ye indirmesi gerekir.',
                f"The Dense layer sees {got - 1:,} inputs, not 6,272 (7×7×128): both convolutions need "
                'strides=2 and padding="same" to take the image 28 → 14 → 7.',
            )
        _fail(
            lang,
            f"{i + 1}. evrişimin {fmt.number(got, lang='tr')} parametresi var, yazınınkinin "
            f"{fmt.number(expected, lang='tr')}: filtre "
            "sayısına (64, sonra 128), 5×5 çekirdeğe ve ek girdiye (bias) bakın.",
            f"Convolution {i + 1} has {got:,} parameters, the post's has {expected:,}: check the number "
            "of filters (64, then 128), the 5×5 kernel and the bias.",
        )

    first = next(layer for layer in model.layers if layer.weights)
    spread = float(np.std(keras.ops.convert_to_numpy(first.kernel)))
    if not 0.017 < spread < 0.023:
        _fail(
            lang,
            f"İlk evrişimin başlangıç ağırlıklarının standart sapması {fmt.number(spread, 3, lang='tr')}"
            "; yazı onları ortalaması 0, standart sapması 0,02 olan normal dağılımdan çeker. "
            "İlklemeyi kernel_initializer ile seçin.",
            f"The first convolution's initial weights have a standard deviation of {spread:.3f}; the post "
            "draws them from a normal distribution with mean 0 and standard deviation 0.02. Choose the "
            "initialisation with kernel_initializer.",
        )

    rates = [layer.rate for layer in model.layers if isinstance(layer, keras.layers.Dropout)]
    if len(rates) != 2 or any(abs(rate - _DROPOUT) > 1e-9 for rate in rates):
        _fail(
            lang,
            "İki seyreltme katmanı, Dropout(0.3), bekleniyordu (her evrişimden sonra bir); "
            f"oranlar: {rates}.",
            f"Expected two Dropout(0.3) layers (one after each convolution); rates found: {rates}.",
        )

    clone = keras.models.clone_model(model)
    clone.set_weights(_reference_weights(reference))
    reference.set_weights(_reference_weights(reference))
    images = _fixed_images()
    got = clone.predict(images, verbose=0)[:, 0]
    expected = reference.predict(images, verbose=0)[:, 0]
    if np.allclose(got, expected, atol=1e-4):
        _ok(
            lang,
            "Doğru: aynı ağırlıklarla yazının ayırtacıyla aynı cevapları veriyor; katman katman "
            "1.664 + 204.928 + 6.273 = 212.865 parametre.",
            "Right: with the same weights it gives the same answers as the post's discriminator; "
            "layer by layer 1,664 + 204,928 + 6,273 = 212,865 parameters.",
        )
        return
    slopes = [
        float(layer.negative_slope) for layer in model.layers if isinstance(layer, keras.layers.LeakyReLU)
    ]
    acts = [
        getattr(getattr(layer, "activation", None), "__name__", "linear")
        for layer in model.layers
        if layer.weights
    ]
    if got.min() < 0 or got.max() > 1 or acts[-1] != "sigmoid":
        _fail(
            lang,
            'Çıktı 0 ile 1 arasında bir olasılık olmalı: son katman activation="sigmoid" kullanmalı.',
            'The output must be a probability between 0 and 1: the last layer needs activation="sigmoid".',
        )
    wrong_slope = len(slopes) != 2 or any(abs(s - _SLOPE) > 1e-6 for s in slopes)
    if wrong_slope or any(a != "linear" for a in acts[:2]):
        _fail(
            lang,
            "Aynı ağırlıklarla cevaplar farklı: her evrişimden sonra bir LeakyReLU(0.2) olmalı (Keras'ın "
            "varsayılan eğimi 0,3) ve evrişimlerin kendi etkinleştirme fonksiyonu olmamalı. "
            f"Eğimler: {slopes}.",
            "Same weights, different answers: each convolution needs one LeakyReLU(0.2) after it (Keras' "
            f"default slope is 0.3) and no activation of its own. Slopes found: {slopes}.",
        )
    _fail(
        lang,
        "Aynı ağırlıklarla cevaplar yazının ayırtacınınkinden farklı: katmanların sırasını bölümdeki "
        "tabloyla karşılaştırın.",
        "Same weights, different answers from the post's discriminator: compare the order of your layers "
        "with the chapter's table.",
    )
