"""Checkers for chapter 02's exercises."""

import itertools

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, NOT_A_MODEL, Mistake, checker, fail, ok, phrase, register

__all__ = ["check_discriminator"]

_THEANO = N_("Input (1, 28, 28) is channel-first (Theano); Keras 3 wants keras.Input((28, 28, 1)).")
_SHAPES = N_("Input must be (None, 28, 28, 1) and output (None, 1); got {given} → {made}.")
_KINDS = N_("The layers with weights must be Conv2D, Conv2D, Dense, in that order; yours are: {kinds}.")
_DENSE = N_('The Dense layer sees {inputs} inputs, not 6,272: convolve with strides=2, padding="same".')
_CONV = N_("Convolution {i} has {got} parameters, not {want}: check filters (64, 128), kernel 5×5, bias.")
_SPREAD = N_("Initialise the first convolution with RandomNormal(stddev=0.02); its weights spread {spread}.")
_RATES = N_("Expected two Dropout(0.3) layers (one after each convolution); rates found: {rates}.")
_SIGMOID = N_('The output must be a probability between 0 and 1: the last layer needs activation="sigmoid".')
_SLOPES = N_("After each convolution: one LeakyReLU(0.2), no activation of its own. Yours: {found}.")
_ORDER = N_("Same weights, different answers: compare the order of your layers with the chapter's table.")
_GANLIB = N_("This is ganlib's build_discriminator(). List the layers yourself inside keras.Sequential.")
_RIGHT = N_(
    "Right: with the same weights it gives the same answers as the post's discriminator; layer by layer "
    "{counts} = {total} parameters."
)


def _post(shape=(28, 28, 1), strides=2, filters=(64, 128), slope=0.2, dropout=0.3, init=0.02, last="sigmoid"):
    """The post's discriminator as the chapter's solution lists it, with one thing changed (a mistake)."""
    import keras
    from keras import layers

    body = [keras.Input(shape)]
    for n, stddev in zip(filters, (init, None)):
        kernel = keras.initializers.RandomNormal(stddev=stddev) if stddev else "glorot_uniform"
        body += [layers.Conv2D(n, 5, strides=strides, padding="same", kernel_initializer=kernel)]
        body += [layers.LeakyReLU(slope), *([layers.Dropout(dropout)] if dropout else [])]
    return keras.Sequential([*body, layers.Flatten(), layers.Dense(1, activation=last)])


def _ganlib():
    from ganlib.models import build_discriminator

    return build_discriminator()


_MISTAKES = [
    Mistake(_ganlib, _GANLIB),
    Mistake(lambda: _post(shape=(1, 28, 28)), _THEANO),
    Mistake(lambda: _post(strides=1), _DENSE),
    Mistake(lambda: _post(filters=(32, 128)), _CONV),
    Mistake(lambda: _post(filters=(64, 64)), _CONV),
    Mistake(lambda: _post(init=None), _SPREAD),
    Mistake(lambda: _post(dropout=0.5), _RATES),
    Mistake(lambda: _post(dropout=0.0), _RATES),
    Mistake(lambda: _post(slope=0.3), _SLOPES),
    Mistake(lambda: _post(last=None), _SIGMOID),
]

# Eight fixed inputs in [-1, 1]: random pixels, a blank page, stripes, a square, a gradient.
_IMAGES = np.random.default_rng(2).uniform(-1, 1, (8, 28, 28, 1)).astype("float32")
_IMAGES[4] = _IMAGES[6] = -1.0
_IMAGES[5, :, ::3] = _IMAGES[6, 8:20, 8:20] = 1.0
_IMAGES[7] = np.linspace(-1, 1, 28, dtype="float32")[None, :, None]


def _activation(layer, default="linear") -> str:
    return getattr(getattr(layer, "activation", None), "__name__", default)


@register("check_discriminator", _post, _MISTAKES, wrap=lambda build: build())
@checker
def check_discriminator(model) -> None:
    """The post's discriminator built by hand: same layers, same answers with the same weights."""
    import keras

    if not isinstance(model, keras.Model):
        fail(NOT_A_MODEL, kind=type(model).__name__)
    if any(type(layer).__module__ == "ganlib.models" for layer in model.layers):  # ganlib's own LeakyReLU
        fail(_GANLIB)
    given, made = tuple(model.input_shape), tuple(model.output_shape)
    if given != (None, 28, 28, 1) or made != (None, 1):
        fail(_THEANO if given == (None, 1, 28, 28) else _SHAPES, given=given, made=made)
    reference = _post()
    layers, post = ([x for x in m.layers if x.weights] for m in (model, reference))
    if (kinds := [type(x).__name__ for x in layers]) != ["Conv2D", "Conv2D", "Dense"]:
        fail(_KINDS, kinds=", ".join(kinds) or phrase("none"))
    for i, (got, want) in enumerate((x.count_params(), y.count_params()) for x, y in zip(layers, post)):
        if got != want:
            fail(_CONV if i < 2 else _DENSE, inputs=got - 1, i=i + 1, got=got, want=want)
    if not 0.017 < (spread := float(np.std(keras.ops.convert_to_numpy(layers[0].kernel)))) < 0.023:
        fail(_SPREAD, spread=fmt.number(spread, 3))
    rates = [layer.rate for layer in model.layers if isinstance(layer, keras.layers.Dropout)]
    if len(rates) != 2 or any(abs(rate - 0.3) > 1e-9 for rate in rates):
        fail(_RATES, rates=rates)
    # The same weights in both, He-scaled: the answers spread over (0, 1) and a wrong activation shows
    rng, shapes = np.random.default_rng(2), [w.shape for w in reference.get_weights()]
    weights = [rng.normal(0, np.sqrt(2 / np.prod(s[:-1])) if len(s) > 1 else 0.1, s) for s in shapes]
    clone = keras.models.clone_model(model)
    clone.set_weights(weights)
    reference.set_weights(weights)
    got = clone.predict(_IMAGES, verbose=0)[:, 0]
    if np.allclose(got, reference.predict(_IMAGES, verbose=0)[:, 0], atol=1e-4):
        counts = [y.count_params() for y in post]
        return ok(_RIGHT, counts=" + ".join(fmt.number(c) for c in counts), total=sum(counts))
    if got.min() < 0 or got.max() > 1 or _activation(layers[-1]) != "sigmoid":
        fail(_SIGMOID)
    slopes = [float(x.negative_slope) for x in model.layers if isinstance(x, keras.layers.LeakyReLU)]
    wrong = len(slopes) != 2 or max(abs(s - 0.2) for s in slopes) > 1e-6
    own = {_activation(x) for x in layers[:2]} != {"linear"}  # the convolutions' own activations
    fail(_SLOPES if wrong or own else _ORDER, found=_after_convolutions(model))


def _after_convolutions(model) -> str:
    """After each convolution up to the next weights: "convolution 1: relu (its own), ELU"."""
    from keras.layers import Conv2D, LeakyReLU

    said, layers = [], list(model.layers)
    for n, i in enumerate([i for i, layer in enumerate(layers) if isinstance(layer, Conv2D)], 1):
        acts = [phrase("{name} (its own)", name=own)] if (own := _activation(layers[i])) != "linear" else []
        for layer in itertools.takewhile(lambda x: not x.weights, layers[i + 1 :]):
            if isinstance(layer, LeakyReLU):  # as the student writes it in code: LeakyReLU(0.3)
                acts.append(f"LeakyReLU({float(layer.negative_slope):g})")
            elif ".activations." in type(layer).__module__:  # ReLU(), ELU(), Activation("relu"), …
                acts.append(_activation(layer, type(layer).__name__))
        said.append(phrase("convolution {n}: {found}", n=n, found=", ".join(acts) or phrase("no activation")))
    return "; ".join(said)
