"""Checkers for chapter 03's exercises."""

from __future__ import annotations

from ganlib.exercises._core import N_, Mistake, call, checker, compare, fail, ok, register, scalar

__all__ = ["check_transpose_generator", "check_generator_params"]


_NOT_A_MODEL = N_("Expected a keras.Model (e.g. keras.Sequential).")
_STILL_UP = N_(
    "There is still an UpSampling2D: replace each UpSampling2D + Conv2D pair by one Conv2DTranspose with "
    "strides=2."
)
_TWO = N_("Expected two Conv2DTranspose layers, found {count}.")
_T_SHAPES = N_(
    "Input must be (None, 200) and output (None, 28, 28, 1); got {given} → {made}. Check strides=2 and "
    "padding='same'."
)
_TANH = N_("The last layer must use tanh: the data lie in [-1, 1].")


def _transposed(up=False, strides=(2, 2), padding="same", last="tanh", filters=(64, 1)):
    """The chapter's solution, the post's generator with Conv2DTranspose, with one thing changed."""
    import keras
    from keras import layers

    body = [
        keras.Input((200,)),
        layers.Dense(128 * 7 * 7),
        layers.LeakyReLU(0.2),
        layers.Reshape((7, 7, 128)),
    ]
    for n, stride, act in zip(filters, strides, (None, last)):
        body += [layers.UpSampling2D()] if up else []
        body += [layers.Conv2DTranspose(n, 5, strides=stride, padding=padding, activation=act)]
        body += [layers.LeakyReLU(0.2)] if n != 1 else []
    return keras.Sequential(body)


def _upsampling():
    from ganlib.models import build_generator

    return build_generator()


_T_MISTAKES = [
    Mistake(lambda: _transposed().layers, _NOT_A_MODEL),
    Mistake(_upsampling, _STILL_UP),
    Mistake(lambda: _transposed(up=True, strides=(1, 1)), _STILL_UP),
    Mistake(lambda: _transposed(filters=(1,)), _TWO),
    Mistake(lambda: _transposed(padding="valid"), _T_SHAPES),
    Mistake(lambda: _transposed(strides=(1, 2)), _T_SHAPES),
    Mistake(lambda: _transposed(last="sigmoid"), _TANH),
]


@register("check_transpose_generator", _transposed, _T_MISTAKES, wrap=lambda build: build())
@checker
def check_transpose_generator(model) -> None:
    """A generator built with Conv2DTranspose instead of UpSampling2D + Conv2D."""
    import keras

    if not isinstance(model, keras.Model):
        fail(_NOT_A_MODEL)
    kinds = [type(layer).__name__ for layer in model.layers]
    if "UpSampling2D" in kinds:
        fail(_STILL_UP)
    if kinds.count("Conv2DTranspose") < 2:
        fail(_TWO, count=kinds.count("Conv2DTranspose"))
    if tuple(model.input_shape) != (None, 200) or tuple(model.output_shape) != (None, 28, 28, 1):
        fail(_T_SHAPES, given=str(model.input_shape), made=str(model.output_shape))
    if getattr(getattr(model.layers[-1], "activation", None), "__name__", "") != "tanh":
        fail(_TANH)
    ok(
        N_("Right: {count} parameters (the UpSampling2D generator: {book})."),
        count=model.count_params(),
        book=1_467_137,
    )


def _params(noise_dim: int, c1: int = 128, c2: int = 64) -> int:
    """The reference: what Keras counts for ganlib's generator with these widths."""
    return (noise_dim + 1) * 49 * c1 + 25 * c1 * c2 + c2 + 25 * c2 + 1


# (noise_dim, c1, c2): the book's generator first, then sizes the chapter never shows
_CASES = [(200, 128, 64), (37, 128, 64), (1, 32, 16), (100, 256, 8), (64, 24, 96)]
_MISTAKES = [
    Mistake(
        lambda n, c1=128, c2=64: n * 49 * c1 + 25 * c1 * c2 + 25 * c2,
        N_("{case}: the biases are missing. Every unit of the Dense layer and every filter has one bias."),
    ),
    Mistake(
        lambda n, c1=128, c2=64: (n + 1) * 6272 + 25 * c1 * c2 + c2 + 25 * c2 + 1,
        N_("{case}: the first layer has 7·7·c1 units; 6,272 is right only when c1 = 128."),
    ),
]


@register("check_generator_params", _params, _MISTAKES)
@checker
def check_generator_params(func) -> None:
    """``func(noise_dim, c1, c2)`` must count the generator's parameters without building it;
    it is compared with what Keras counts on generators of sizes the chapter never shows."""
    if "count_params" in getattr(getattr(func, "__code__", None), "co_names", ()):
        fail(
            N_(
                "Your function builds the network and lets Keras count (count_params). Work it out "
                "from the layer shapes, without building the network."
            )
        )
    if len({scalar(call(func, *case)) for case in _CASES if case[1:] == (128, 64)}) == 1:
        fail(
            N_(
                "Your result does not change with the noise size: noise_dim is the number of inputs "
                "of the first Dense layer."
            )
        )
    answers = compare(
        func,
        _params,
        _CASES,
        _MISTAKES,
        otherwise=N_(
            "{case}: Keras counts {want}, your function gave {got}. Count layer by layer: the Dense "
            "layer and the two 5×5 convolutions, weights and biases in each."
        ),
        describe=lambda case: "noise_dim={}, c1={}, c2={}".format(*case),
        rtol=0,
        atol=0,
    )
    ok(
        N_(
            "Right: the same as Keras counts at {count} different sizes "
            "(e.g. noise_dim=37, c1=128, c2=64: {example})."
        ),
        count=len(_CASES),
        example=answers[1],
    )
