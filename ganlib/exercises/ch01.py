"""Checkers for chapter 01's exercises."""

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, recognise, register, same

__all__ = ["check_generator_loss_gradients"]

# The police's logit a on six fakes (D(G(z)) = sigmoid(a)): from "surely fake" to "surely real".
LOGITS = np.array([-8.0, -3.0, -0.5, 0.0, 1.0, 4.0])


def _autodiff(loss, a):
    """The reference: d loss(σ(a)) / da for each fake, by TensorFlow's automatic differentiation."""
    import tensorflow as tf

    a = tf.Variable(a, dtype=tf.float64)
    with tf.GradientTape() as tape:  # one fake's loss depends on its own logit only: sum them
        total = tf.reduce_sum(loss(tf.sigmoid(a), tf.math.log))
    return tape.gradient(total, a).numpy()


def _grad(i, a, other=False, sign=1, loss=False, of_d=False):
    """Function i's answer (0: saturating, 1: non-saturating); the switches make the known mistakes."""
    d = 1 / (1 + np.exp(-a))
    grad = -sign * (d, 1 - d)[i ^ other]
    return _LOSSES[i](d, np.log) if loss else grad / (d * (1 - d)) if of_d else grad


_NAMES = ("saturating_grad", "non_saturating_grad")
_LOSSES = (lambda d, log: log(1 - d), lambda d, log: -log(d))  # of D = σ(a)
_WRONG = {
    N_("`{func}` returns the other loss's derivative: the two functions are swapped."): dict(other=True),
    N_("`{func}`: the sign is flipped. As a grows both losses shrink: the derivative is < 0."): dict(sign=-1),
    N_("`{func}` returns the loss itself, not its derivative with respect to a."): dict(loss=True),
    N_("`{func}`: differentiated by D = σ(a), not a. Chain rule: dD/da = σ(a)·(1 − σ(a))."): dict(of_d=True),
}
_MISTAKES = [[Mistake(lambda a, i=i, w=w: _grad(i, a, **w), m) for m, w in _WRONG.items()] for i in (0, 1)]
_SOLUTIONS = [lambda a, i=i: _grad(i, a) for i in (0, 1)]
_ELSE = N_("`{func}` is wrong: for a = {a} expected {want}, got {got}.")
_SHAPE = N_("{name}: expected one derivative per fake (shape {want}), got {got}; do not average or sum.")
_RIGHT = N_(
    "Right. Against police sure of a fake (a = {a}) the saturating loss's derivative is {sat}, the "
    "non-saturating one's {non}: one is −σ(a), the other −(1 − σ(a))."
)


@checker
def check_generator_loss_gradients(saturating_grad, non_saturating_grad=None) -> None:
    """Each function takes the police's logits ``a`` on the fakes and returns, per fake, d loss / d a."""
    got = []
    for i, (name, func) in enumerate(zip(_NAMES, (saturating_grad, non_saturating_grad))):
        answer = call(func, LOGITS.copy())
        try:
            got.append(np.asarray(answer, dtype=float))
        except (TypeError, ValueError):
            fail("{name}: expected an array of numbers, got {kind}.", name=name, kind=type(answer).__name__)
        if got[i].shape != LOGITS.shape:
            fail(_SHAPE, name=name, want=LOGITS.shape, got=got[i].shape)
        if not same(got[i], want := _autodiff(_LOSSES[i], LOGITS), rtol=1e-4, atol=1e-6):
            shown = [fmt.numbers(x, 4) for x in (LOGITS, want, got[i])]
            fields = dict(zip(("a", "want", "got"), shown), func=name)
            recognise(got[i], _MISTAKES[i], (LOGITS,), fields, rtol=1e-4, atol=1e-6)
            fail(_ELSE, **fields)
    ok(_RIGHT, a=int(LOGITS[0]), sat=fmt.number(got[0][0], 4), non=fmt.number(got[1][0], 4))


for _i, _name in enumerate(_NAMES):  # the table test: each function's mistakes beside the other's solution
    register(f"check_generator_loss_gradients.{_name}", _SOLUTIONS[_i], _MISTAKES[_i])(
        lambda answer, lang=None, i=_i: check_generator_loss_gradients(
            *(answer if j == i else _SOLUTIONS[j] for j in (0, 1)), lang=lang
        )
    )
