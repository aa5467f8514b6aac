"""Checkers for chapter 06's exercises."""

from contextlib import suppress
from functools import partial

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, compare, fail, ok, register
from ganlib.sampling import interpolate

__all__ = ["check_shell_walk"]


def reference_shell_walk(z0, z1, steps, lengths=None):
    """The straight walk's points rescaled to ``lengths`` (default: evenly from |z0| to |z1|)."""
    line = interpolate(z0, z1, steps)
    lengths = np.linspace(*np.linalg.norm([z0, z1], axis=1), steps)[:, None] if lengths is None else lengths
    return line / np.linalg.norm(line, axis=1, keepdims=True) * lengths


_SHAPE = N_("Expected shape {want}: steps points (z0 and z1 included) of the noise's dimension; got {got}.")
_ONE_SCALE = N_("One number scales every row (norm without axis=1?): each point needs its own length.")
_SLERP = N_("This is slerp, evenly spaced in angle: rescale the straight line's points instead.")
_ROWS = N_("The rows are out of order: row k is the line's point at t = k/(steps − 1) (z0 first, z1 last).")
_ELSE = N_("Rescale the straight line's points: lengths should be {want} (|z0| to |z1| evenly), got {got}.")
_MISTAKES = [  # each known mistake as a student writes it
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[:-1], _SHAPE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[:, :10], _SHAPE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) * np.nan, _ELSE),
    Mistake(lambda a, b, n: np.linspace(a, b, n) / np.linalg.norm(np.linspace(a, b, n)) * 14, _ONE_SCALE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n, lengths=1), _ELSE),
    Mistake(lambda a, b, n: reference_shell_walk(b, a, n), _ROWS),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n, lengths=np.sqrt(200)), _ELSE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) ** 3 / 100, _ELSE),
    Mistake(lambda a, b, n: interpolate(a, b, n, method="slerp"), _SLERP),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[[0, 2, 1, *range(3, n)]], _ROWS),
    Mistake(lambda a, b, n: np.linspace(a, b, n), _ELSE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) * np.r_[1, [1.1] * (n - 2), 1][:, None], _ELSE),
]


def _walk(func, z0, z1, steps):
    """``func``'s walk as floats; anything but ``steps`` points of the noise's dimension gets a message."""
    answer, want = call(func, z0, z1, steps), (steps, len(z0))
    with suppress(TypeError, ValueError):
        if (got := np.asarray(answer, dtype=np.float64)).shape == want:
            return got
    fail(_SHAPE, want=want, got=getattr(answer, "shape", type(answer).__name__))


@register("check_shell_walk", reference_shell_walk, _MISTAKES)
@checker
def check_shell_walk(func) -> None:
    """``func(z0, z1, steps)``: the straight walk's directions, lengths evenly from |z0| to |z1|."""
    z0, z1 = (np.random.default_rng(0).standard_normal((2, 200)) * [[1], [1.2]]).astype(np.float32)
    lengths = lambda walk: fmt.numbers(np.linalg.norm(walk, axis=1), 1)  # noqa: E731
    compare(partial(_walk, func), reference_shell_walk, [(z0, z1, 9)], _MISTAKES, _ELSE, shown=lengths)
    ok("Right: the straight line's directions, lengths that stay on the shell.")
