"""Checker for chapter 02's exercise: the post's discriminator, built by hand."""

import keras
import numpy as np
from keras import layers

from ganlib import fmt
from ganlib.exercises._core import N_, NOT_A_MODEL, Mistake, checker, fail, ok, phrase, register
from ganlib.models import build_discriminator

__all__ = ["check_discriminator"]

_GANLIB = N_("This is ganlib's build_discriminator(). List the layers yourself inside keras.Sequential.")
_SHAPES = N_("Expected Input((28, 28, 1)) → (None, 1), channels last (Theano's first); got {given} → {made}.")
_KINDS = N_(
    "Layers with weights (parameters): yours {got}, the post's {want}. Convolve with 64, then 128 "
    'filters of 5×5, strides=2, padding="same" (the Dense layer then sees 6,272 inputs).'
)
_SPREAD = N_("Initialise the first convolution with RandomNormal(stddev=0.02); its weights spread {spread}.")
_RATES = N_("Expected two Dropout(0.3) layers (one after each convolution); rates found: {rates}.")
_SIGMOID = N_('The output must be a probability between 0 and 1: the last layer needs activation="sigmoid".')
_SLOPE = N_("Same weights, other answers: your LeakyReLU's slope is 0.3 (Keras' default); the post's is 0.2.")
_RELU = N_(
    'Same weights, different answers: negatives are cut to 0 (a ReLU, or activation="relu" on a '
    "convolution); the post lets them through ×0.2 with LeakyReLU(0.2) and no activation of its own."
)
_ORDER = N_("Same weights, different answers: compare the order of your layers with the chapter's table.")
_RIGHT = N_(
    "Right: with the same weights it gives the same answers as the post's discriminator; layer by layer "
    "{counts} = {total} parameters."
)


def _post(shape=(28, 28, 1), strides=2, filters=(64, 128), slope=0.2, dropout=0.3, init=0.02, last="sigmoid"):
    """The post's discriminator as the chapter's solution lists it; a switch changed makes a known mistake."""
    body = [keras.Input(shape)]
    for n, stddev in zip(filters, (init, None)):
        kernel = keras.initializers.RandomNormal(stddev=stddev) if stddev else "glorot_uniform"
        body += [layers.Conv2D(n, 5, strides=strides, padding="same", kernel_initializer=kernel)]
        body += [layers.LeakyReLU(slope), *([layers.Dropout(dropout)] if dropout else [])]
    return keras.Sequential([*body, layers.Flatten(), layers.Dense(1, activation=last)])


# Told apart by their answers with the post's weights (replayed): the other activations
_REPLAYED = [
    Mistake(lambda: _post(slope=0.3), _SLOPE),
    Mistake(lambda: _post(slope=0.0), _RELU),
    Mistake(lambda: _post(last=None), _SIGMOID),
]
_MISTAKES = [
    Mistake(build_discriminator, _GANLIB),
    Mistake(lambda: _post(shape=(1, 28, 28)), _SHAPES),
    Mistake(lambda: _post(strides=1), _KINDS),
    Mistake(lambda: _post(filters=(32, 128)), _KINDS),
    Mistake(lambda: _post(filters=(64, 64)), _KINDS),
    Mistake(lambda: _post(init=None), _SPREAD),
    Mistake(lambda: _post(dropout=0.5), _RATES),
    Mistake(lambda: _post(dropout=0.0), _RATES),
    *_REPLAYED,
]
_IMAGES = np.random.default_rng(2).uniform(-1, 1, (8, 28, 28, 1)).astype("float32")


def _weighted(model) -> str:
    """The layers with weights and their parameters: "Conv2D (1,664), Conv2D (204,928), Dense (6,273)"."""
    said = [f"{type(x).__name__} ({fmt.number(x.count_params())})" for x in model.layers if x.weights]
    return ", ".join(said) or phrase("none")


def _answers(model, weights) -> np.ndarray:
    model.set_weights(weights)
    return model.predict(_IMAGES, verbose=0)[:, 0]


@register("check_discriminator", _post, _MISTAKES, wrap=lambda build: build())
@checker
def check_discriminator(model) -> None:
    """The post's discriminator built by hand: same layers, same answers with the same weights."""
    if not isinstance(model, keras.Model):
        fail(NOT_A_MODEL, kind=type(model).__name__)
    if any(type(layer).__module__ == "ganlib.models" for layer in model.layers):  # ganlib's own LeakyReLU
        fail(_GANLIB)
    if (shapes := (tuple(model.input_shape), tuple(model.output_shape))) != ((None, 28, 28, 1), (None, 1)):
        fail(_SHAPES, given=shapes[0], made=shapes[1])
    if (got := _weighted(model)) != (want := _weighted(reference := _post())):
        fail(_KINDS, got=got, want=want)
    if not 0.017 < (spread := float(np.std(keras.ops.convert_to_numpy(model.weights[0])))) < 0.023:
        fail(_SPREAD, spread=fmt.number(spread, 3))
    if (rates := [x.rate for x in model.layers if isinstance(x, layers.Dropout)]) != [0.3, 0.3]:
        fail(_RATES, rates=rates)
    rng = np.random.default_rng(2)  # the same weights in all, He-scaled: the answers spread over (0, 1)
    shapes = [w.shape for w in reference.get_weights()]
    weights = [rng.normal(0, np.sqrt(2 / np.prod(s[:-1])) if len(s) > 1 else 0.1, s) for s in shapes]
    got = _answers(keras.models.clone_model(model), weights)
    if np.allclose(got, _answers(reference, weights), atol=1e-4):
        counts = [x.count_params() for x in reference.layers if x.weights]
        return ok(_RIGHT, counts=" + ".join(fmt.number(c) for c in counts), total=sum(counts))
    if got.min() < 0 or got.max() > 1:
        fail(_SIGMOID)
    for mistake in _REPLAYED:
        if np.allclose(got, _answers(mistake.answer(), weights), atol=1e-4):
            fail(mistake.message)
    fail(_ORDER)
