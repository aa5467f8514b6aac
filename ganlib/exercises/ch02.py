"""Checkers for chapter 02's exercises."""

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, checker, fail, ok, phrase, register

__all__ = ["check_discriminator"]

_THEANO = N_(
    "Input (1, 28, 28) is the post's Theano ordering (channel first). Keras 3 puts the channel last: "
    "keras.Input((28, 28, 1))."
)
_SHAPES = N_("Input must be (None, 28, 28, 1) and output (None, 1); got {given} → {made}.")
_KINDS = N_("The layers with weights must be Conv2D, Conv2D, Dense, in that order; yours are: {kinds}.")
_DENSE = N_(
    "The Dense layer sees {inputs} inputs, not 6,272 (7×7×128): both convolutions need strides=2 and "
    'padding="same" to take the image 28 → 14 → 7.'
)
_CONV = N_(
    "Convolution {i} has {got} parameters, the post's has {want}: check the number of filters (64, then "
    "128), the 5×5 kernel and the bias."
)
_SPREAD = N_(
    "The first convolution's initial weights have a standard deviation of {spread}; the post draws them "
    "from a normal distribution with mean 0 and standard deviation 0.02. Choose the initialisation with "
    "kernel_initializer."
)
_RATES = N_("Expected two Dropout(0.3) layers (one after each convolution); rates found: {rates}.")
_SIGMOID = N_('The output must be a probability between 0 and 1: the last layer needs activation="sigmoid".')
_SLOPES = N_(
    "Same weights, different answers: each convolution needs one LeakyReLU(0.2) after it (Keras' default "
    "slope is 0.3) and no activation of its own. Yours: {found}."
)
_RIGHT = N_(
    "Right: with the same weights it gives the same answers as the post's discriminator; layer by layer "
    "{counts} = {total} parameters."
)
_ORDER = N_(
    "Same weights, different answers from the post's discriminator: compare the order of your layers with "
    "the chapter's table."
)
_GANLIB = N_(
    "This is the model ganlib's build_discriminator() builds. List the layers yourself inside "
    "keras.Sequential."
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


@register("check_discriminator", _post, _MISTAKES, wrap=lambda build: build())
@checker
def check_discriminator(model) -> None:
    """The post's discriminator built by hand: same layers, same answers with ganlib's weights."""
    import keras
    from keras.layers import Dropout, LeakyReLU

    from ganlib import models
    from ganlib.models import build_discriminator

    if not isinstance(model, keras.Model):
        fail("Expected a keras.Model (e.g. keras.Sequential([...])), got {kind}.", kind=type(model).__name__)
    if any(isinstance(layer, models.LeakyReLU) for layer in model.layers):
        fail(_GANLIB)
    given, made = tuple(model.input_shape), tuple(model.output_shape)
    if given != (None, 28, 28, 1) or made != (None, 1):
        fail(_THEANO if given == (None, 1, 28, 28) else _SHAPES, given=given, made=made)
    reference = build_discriminator()
    mine, want = (
        [(type(x).__name__, x.count_params()) for x in m.layers if x.weights] for m in (model, reference)
    )
    if [kind for kind, _ in mine] != [kind for kind, _ in want]:
        fail(_KINDS, kinds=", ".join(kind for kind, _ in mine) or phrase("none"))
    for i, ((_, got), (_, expected)) in enumerate(zip(mine, want)):  # Conv2D, Conv2D, Dense
        if got != expected:
            fail(_CONV if i < 2 else _DENSE, inputs=got - 1, i=i + 1, got=got, want=expected)
    spread = float(np.std(keras.ops.convert_to_numpy(next(x for x in model.layers if x.weights).kernel)))
    if not 0.017 < spread < 0.023:
        fail(_SPREAD, spread=fmt.number(spread, 3))
    rates = [layer.rate for layer in model.layers if isinstance(layer, Dropout)]
    if len(rates) != 2 or any(abs(rate - 0.3) > 1e-9 for rate in rates):
        fail(_RATES, rates=rates)
    # The same weights in both, large enough that the answers spread over (0, 1): a wrong activation shows.
    rng, shapes = np.random.default_rng(2), [w.shape for w in reference.get_weights()]
    scales = [np.sqrt(2.0 / np.prod(shape[:-1])) if len(shape) > 1 else 0.1 for shape in shapes]
    weights = [rng.normal(0.0, scale, shape).astype("float32") for scale, shape in zip(scales, shapes)]
    clone = keras.models.clone_model(model)
    clone.set_weights(weights)
    reference.set_weights(weights)
    got = clone.predict(_IMAGES, verbose=0)[:, 0]
    if np.allclose(got, reference.predict(_IMAGES, verbose=0)[:, 0], atol=1e-4):
        return ok(_RIGHT, counts=" + ".join(fmt.number(c) for _, c in want), total=sum(c for _, c in want))
    slopes = [float(layer.negative_slope) for layer in model.layers if isinstance(layer, LeakyReLU)]
    acts = [getattr(getattr(x, "activation", None), "__name__", "linear") for x in model.layers if x.weights]
    if got.min() < 0 or got.max() > 1 or acts[-1] != "sigmoid":
        fail(_SIGMOID)
    wrong = len(slopes) != 2 or max(abs(s - 0.2) for s in slopes) > 1e-6 or set(acts[:2]) != {"linear"}
    fail(_SLOPES if wrong else _ORDER, found=_after_convolutions(model))


def _after_convolutions(model) -> str:
    """What each convolution's output goes through before the next layer with weights, e.g.
    "convolution 1: ReLU; convolution 2: relu (its own), LeakyReLU(0.3)"."""
    from keras.layers import Conv2D, LeakyReLU

    said, layers = [], list(model.layers)
    convs = [i for i, layer in enumerate(layers) if isinstance(layer, Conv2D)]
    for n, i in enumerate(convs, 1):
        own = getattr(getattr(layers[i], "activation", None), "__name__", "linear")
        acts = [] if own == "linear" else [phrase("{name} (its own)", name=own)]
        for layer in layers[i + 1 :]:
            if layer.weights:
                break
            if isinstance(layer, LeakyReLU):  # as the student writes it in code: LeakyReLU(0.3)
                acts.append(f"LeakyReLU({float(layer.negative_slope):g})")
            elif ".activations." in type(layer).__module__:  # ReLU(), ELU(), Activation("relu"), …
                name = getattr(getattr(layer, "activation", None), "__name__", None)
                acts.append(type(layer).__name__ if name is None else name)
        found = ", ".join(acts) if acts else phrase("no activation")
        said.append(phrase("convolution {n}: {found}", n=n, found=found))
    return "; ".join(said)
