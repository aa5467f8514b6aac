"""Checkers for chapter 01's exercises."""

from contextlib import suppress
from functools import partial

import numpy as np
import tensorflow as tf

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, compare, fail, ok, register

__all__ = ["check_generator_loss_gradients"]

# The police's logit a on six fakes (D(G(z)) = sigmoid(a)): from "surely fake" to "surely real".
LOGITS = np.array([-8.0, -3.0, -0.5, 0.0, 1.0, 4.0])
_NAMES = ("saturating_grad", "non_saturating_grad")


def _grad(i, a, other=False, sign=1, loss=False, of_d=False):
    """Function i's answer (0: saturating, 1: non-saturating) by autodiff; switches make the mistakes."""
    a = tf.Variable(a, dtype=tf.float64)
    with tf.GradientTape() as tape:  # each fake's loss depends on its own logit only
        d = tf.sigmoid(a)
        losses = (tf.math.log(1 - d), -tf.math.log(d))[i ^ other]
    return losses.numpy() if loss else sign * tape.gradient(losses, d if of_d else a).numpy()


_WRONG = {
    N_("`{func}` returns the other loss's derivative: the two functions are swapped."): dict(other=True),
    N_("`{func}`: the sign is flipped. As a grows both losses shrink: the derivative is < 0."): dict(sign=-1),
    N_("`{func}` returns the loss itself, not its derivative with respect to a."): dict(loss=True),
    N_("`{func}`: differentiated by D = σ(a), not a. Chain rule: dD/da = σ(a)·(1 − σ(a))."): dict(of_d=True),
}
_MISTAKES = [
    [Mistake(partial(_grad, i, **w), m, dict(func=f)) for m, w in _WRONG.items()]
    for i, f in enumerate(_NAMES)
]
_SHAPE = N_("`{func}` should return one derivative per fake, an array of shape {want}; got {got}.")
_SHOWN = partial(fmt.numbers, digits=4)
_RIGHT = N_(
    "Right. Against police sure of a fake (a = {a}) the saturating loss's derivative is {sat}, the "
    "non-saturating one's {non}: one is −σ(a), the other −(1 − σ(a))."
)


def _per_fake(name, func, a):
    """``func(a)`` as one float per fake; anything else gets a message."""
    answer = call(func, a.copy())
    with suppress(TypeError, ValueError):
        if (got := np.asarray(answer, dtype=float)).shape == a.shape:
            return got
    fail(_SHAPE, func=name, want=a.shape, got=getattr(answer, "shape", type(answer).__name__))


@checker
def check_generator_loss_gradients(saturating_grad, non_saturating_grad=None) -> None:
    """Each function takes the police's logits ``a`` on the fakes and returns, per fake, d loss / d a."""
    got = []
    for i, (name, func) in enumerate(zip(_NAMES, (saturating_grad, non_saturating_grad))):
        describe = lambda case, name=name: f"`{name}`(a = {fmt.numbers(case[0])})"  # noqa: E731
        run = lambda a, name=name, func=func: _per_fake(name, func, a)  # noqa: E731
        got += compare(run, partial(_grad, i), [(LOGITS,)], _MISTAKES[i], describe=describe, shown=_SHOWN)
    ok(_RIGHT, a=int(LOGITS[0]), sat=fmt.number(got[0][0], 4), non=fmt.number(got[1][0], 4))


for _i, _name in enumerate(_NAMES):  # the table test: each function's mistakes beside the other's solution
    register(f"check_generator_loss_gradients.{_name}", partial(_grad, _i), _MISTAKES[_i])(
        lambda answer, lang=None, i=_i: check_generator_loss_gradients(
            *(answer if j == i else partial(_grad, j) for j in (0, 1)), lang=lang
        )
    )
