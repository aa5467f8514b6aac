"""Checkers for chapter 01's exercises."""

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, recognise, register, same

__all__ = ["check_generator_loss_gradients"]

# The police's logit a on six fakes (D(G(z)) = sigmoid(a)): from "surely fake" to "surely real".
LOGITS = np.array([-8.0, -3.0, -0.5, 0.0, 1.0, 4.0])


def _sigmoid(a):
    return 1 / (1 + np.exp(-a))


def _autodiff(loss, a):
    """The reference: d loss(σ(a)) / da for each fake, by TensorFlow's automatic differentiation."""
    import tensorflow as tf

    a = tf.Variable(a, dtype=tf.float64)
    with tf.GradientTape() as tape:  # one fake's loss depends on its own logit only: sum them
        total = tf.reduce_sum(loss(tf.sigmoid(a), tf.math.log))
    return tape.gradient(total, a).numpy()


# For saturating_grad and non_saturating_grad: the loss of D = σ(a), the solution, what to say when
# the answer is no known mistake, and the known mistakes (what to say → the wrong code in each).
_NAMES = ("saturating_grad", "non_saturating_grad")
_LOSSES = (lambda d, log: log(1 - d), lambda d, log: -log(d))
_SOLUTIONS = (lambda a: -_sigmoid(a), lambda a: _sigmoid(a) - 1)
_OTHERWISE = (
    N_("The saturating loss's derivative is wrong. For a = {a} expected {want}, got {got}."),
    N_("The non-saturating loss's derivative is wrong. For a = {a} expected {want}, got {got}."),
)
_WRONG = {
    N_(
        "`{func}` returns the other loss's derivative: the two functions are swapped. The saturating "
        "loss is log(1 − D(G(z))), the non-saturating one −log D(G(z))."
    ): (lambda a: _sigmoid(a) - 1, lambda a: -_sigmoid(a)),
    N_(
        "`{func}`: the sign is flipped. As a grows the police believe the fake more and both losses "
        "shrink, so the derivative must be negative everywhere."
    ): (_sigmoid, lambda a: 1 - _sigmoid(a)),
    N_("`{func}` returns the loss itself, not its derivative. Differentiate the loss with respect to a."): (
        lambda a: np.log(1 - _sigmoid(a)),
        lambda a: -np.log(_sigmoid(a)),
    ),
    N_(
        "`{func}`: you differentiated with respect to D = σ(a), not the logit a. Apply the chain rule: "
        "dD/da = σ(a)·(1 − σ(a))."
    ): (lambda a: -1 / (1 - _sigmoid(a)), lambda a: -1 / _sigmoid(a)),
}
_SHAPE = N_(
    "{name}: expected one derivative per fake (shape {want}), got shape {got}. Do not average or sum; "
    "return one number per logit."
)
_RIGHT = N_(
    "Right. Against police sure of a fake (a = {a}) the saturating loss's derivative is {sat}, the "
    "non-saturating one's {non}: one is −σ(a), the other −(1 − σ(a))."
)
_MISTAKES = [[Mistake(code[i], message) for message, code in _WRONG.items()] for i in range(2)]


@checker
def check_generator_loss_gradients(saturating_grad, non_saturating_grad=None) -> None:
    """Each function gets the police's logits ``a`` on the fakes and must return, per fake, its loss's
    derivative with respect to ``a``: compared with TensorFlow's automatic differentiation."""
    got = []
    for i, (name, func) in enumerate(zip(_NAMES, (saturating_grad, non_saturating_grad))):
        answer = call(func, LOGITS.copy())
        try:
            got.append(np.asarray(answer, dtype=float))
        except (TypeError, ValueError):
            fail("{name}: expected an array of numbers, got {kind}.", name=name, kind=type(answer).__name__)
        if got[i].shape != LOGITS.shape:
            fail(_SHAPE, name=name, want=LOGITS.shape, got=got[i].shape)
        want = _autodiff(_LOSSES[i], LOGITS)
        if not same(got[i], want, rtol=1e-4, atol=1e-6):
            fields = dict(
                func=name, a=fmt.numbers(LOGITS, 4), want=fmt.numbers(want, 4), got=fmt.numbers(got[i], 4)
            )
            recognise(got[i], _MISTAKES[i], (LOGITS,), fields, rtol=1e-4, atol=1e-6)
            fail(_OTHERWISE[i], **fields)
    ok(_RIGHT, a=int(LOGITS[0]), sat=fmt.number(got[0][0], 4), non=fmt.number(got[1][0], 4))


for _i, _name in enumerate(_NAMES):  # the table test: each function's mistakes beside the other's solution
    register(f"check_generator_loss_gradients.{_name}", _SOLUTIONS[_i], _MISTAKES[_i])(
        lambda answer, lang=None, i=_i: check_generator_loss_gradients(
            *(answer if j == i else _SOLUTIONS[j] for j in range(2)), lang=lang
        )
    )
