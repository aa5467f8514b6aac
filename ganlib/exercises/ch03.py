"""Checkers for chapter 03's exercises: a generator with transposed convolutions, and its parameter count."""

import keras
from keras import layers

from ganlib.exercises._core import N_, NOT_A_MODEL, Mistake, call, checker, compare, fail, ok, register

__all__ = ["check_transpose_generator", "check_generator_params"]

_TWO = N_("Replace each UpSampling2D + Conv2D by a Conv2DTranspose with strides=2: two in all, not {count}.")
_T_SHAPES = N_("Expected (None, 200) → (None, 28, 28, 1), not {given} → {made}: strides=2, padding='same'.")
_TANH = N_("The last layer must use tanh: the data lie in [-1, 1].")


def _transposed(up=False, strides=(2, 2), padding="same", last="tanh", filters=(64, 1), plain=False):
    """The chapter's solution: the post's generator with Conv2DTranspose; switches make known mistakes."""
    body = [keras.Input((200,)), layers.Dense(6272), layers.LeakyReLU(0.2), layers.Reshape((7, 7, 128))]
    for n, stride, act in zip(filters, strides, (None, last)):
        body += [layers.UpSampling2D()] if up else []
        body += [(layers.Conv2D if plain else layers.Conv2DTranspose)(n, 5, stride, padding, activation=act)]
        body += [layers.LeakyReLU(0.2)] if n != 1 else []
    return keras.Sequential(body)


_T_MISTAKES = [
    Mistake(lambda: _transposed().layers, NOT_A_MODEL),
    Mistake(lambda: _transposed(up=True, strides=(1, 1), plain=True), _TWO),  # the chapter's own generator
    Mistake(lambda: _transposed(up=True, strides=(1, 1)), _TWO),
    Mistake(lambda: _transposed(filters=(1,)), _TWO),
    Mistake(lambda: _transposed(padding="valid"), _T_SHAPES),
    Mistake(lambda: _transposed(strides=(1, 2)), _T_SHAPES),
    Mistake(lambda: _transposed(last="sigmoid"), _TANH),
]


@register("check_transpose_generator", _transposed, _T_MISTAKES, wrap=lambda build: build())
@checker
def check_transpose_generator(model) -> None:
    """A generator built with Conv2DTranspose instead of UpSampling2D + Conv2D."""
    if not isinstance(model, keras.Model):
        fail(NOT_A_MODEL, kind=type(model).__name__)
    kinds = [type(layer).__name__ for layer in model.layers]
    if "UpSampling2D" in kinds or kinds.count("Conv2DTranspose") < 2:
        fail(_TWO, count=kinds.count("Conv2DTranspose"))
    if (shapes := (tuple(model.input_shape), tuple(model.output_shape))) != ((None, 200), (None, 28, 28, 1)):
        fail(_T_SHAPES, given=shapes[0], made=shapes[1])
    if getattr(getattr(model.layers[-1], "activation", None), "__name__", "") != "tanh":
        fail(_TANH)
    count, book = model.count_params(), 1_467_137
    ok("Right: {count} parameters (the UpSampling2D generator: {book}).", count=count, book=book)


def _params(noise_dim: int, c1: int = 128, c2: int = 64, bias: int = 1, units: int = 0) -> int:
    """What Keras counts for ganlib's generator with these widths; the switches make known mistakes."""
    return (noise_dim + bias) * (units or 49 * c1) + 25 * c1 * c2 + bias * c2 + 25 * c2 + bias


_CASES = [(200, 128, 64), (37, 128, 64), (1, 32, 16), (100, 256, 8), (64, 24, 96)]  # (noise_dim, c1, c2)
_NO_BIAS = N_("{case}: the biases are missing. Every unit of the Dense layer and every filter has one bias.")
_UNITS = N_("{case}: the first layer has 7·7·c1 units; 6,272 is right only when c1 = 128.")
_WIDTHS = N_("{case}: you gave {got}, the count for c1=128, c2=64 (Keras: {want}). Count with c1 and c2.")
_MISTAKES = [
    Mistake(lambda *case: _params(*case, bias=0), _NO_BIAS),
    Mistake(lambda *case: _params(*case, units=6272), _UNITS),
    Mistake(lambda n, c1, c2: _params(n), _WIDTHS),  # e.g. build_generator(noise_dim).count_params()
]
_ELSE = N_("{case}: Keras counts {want}, you gave {got}. Count the weights and biases layer by layer.")
_RIGHT = N_(
    "Right: the same as Keras counts at {count} different sizes "
    "(e.g. noise_dim=37, c1=128, c2=64: {example})."
)


@register("check_generator_params", _params, _MISTAKES)
@checker
def check_generator_params(func) -> None:
    """``func(noise_dim, c1, c2)`` must count the generator's parameters like Keras, without building it."""
    if len({repr(call(func, *case)) for case in _CASES if case[1:] == (128, 64)}) == 1:
        fail("Your result does not change with the noise size: noise_dim is the first Dense layer's inputs.")
    describe = "noise_dim={}, c1={}, c2={}".format
    answers = compare(func, _params, _CASES, _MISTAKES, _ELSE, lambda case: describe(*case), rtol=0, atol=0)
    ok(_RIGHT, count=len(_CASES), example=answers[1])
