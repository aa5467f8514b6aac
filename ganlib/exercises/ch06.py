"""Checkers for chapter 06's exercises."""

from __future__ import annotations

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, register

__all__ = ["check_shell_walk"]


def reference_shell_walk(z0, z1, steps):
    """The straight-line walk, each point rescaled to a length going evenly from |z0| to |z1|."""
    t = np.linspace(0, 1, steps)[:, None]
    line = (1 - t) * z0 + t * z1
    lengths = (1 - t) * np.linalg.norm(z0) + t * np.linalg.norm(z1)
    return line / np.linalg.norm(line, axis=1, keepdims=True) * lengths


def _slerp(z0, z1, steps):
    from ganlib.sampling import interpolate

    return interpolate(z0, z1, steps, method="slerp")


def _unit(points):
    return points / np.linalg.norm(points, axis=-1, keepdims=True)


# What the check says, in the order it looks: each message is given to every answer that shows that
# mistake (the walk's shape, its lengths, its ends, its directions), not only to the code below.
_POINTS = N_("Expected {steps} points, got {count}: both ends (z0 and z1) belong to the walk.")
_SHAPE = N_("Expected an array of shape (steps, dimension) = {want}, got {got}.")
_NAN = N_("The array holds nan or inf.")
_ONE_SCALE = N_(
    "Every row is scaled by the same number, as if the length were taken of the whole array (np.linalg.norm "
    "without an axis). Each point needs its own length."
)
_UNIT = N_(
    "The inner points have length 1: you made them unit vectors but did not multiply by the length they "
    "should have."
)
_REVERSED = N_("Wrong direction: first row z0, last row z1.")
_ENDS = N_(
    "The ends are off: the first row must be exactly z0, the last exactly z1. Their lengths are not exactly "
    "√200; set the lengths from the ends' own lengths, not from a constant."
)
_SLERP = N_(
    "This is slerp: it stays on the shell too, but spaces its points evenly in angle. The exercise asks you "
    "to rescale the straight line's points: each must point the same way as the straight walk at that t."
)
_ROW = N_(
    "Row {row} does not point the way the straight walk points at the same t: only rescale the points "
    "(multiply by a number), do not move them sideways; t runs evenly from 0 to 1."
)
_PLAIN = N_("This is the plain straight line: its length dips to {dip} in the middle. Rescale each point.")
_LENGTHS = N_("The lengths should be {want} (from |z0| to |z1| in even steps), got {got}.")

# Each known mistake as a student writes it (the table test gives each one to the checker).
_MISTAKES = [
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[:-1], _POINTS),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[:, :10], _SHAPE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) * np.nan, _NAN),
    Mistake(lambda a, b, n: np.linspace(a, b, n) / np.linalg.norm(np.linspace(a, b, n)) * 14, _ONE_SCALE),
    Mistake(lambda a, b, n: _unit(np.linspace(a, b, n)), _UNIT),
    Mistake(lambda a, b, n: reference_shell_walk(b, a, n), _REVERSED),
    Mistake(lambda a, b, n: _unit(np.linspace(a, b, n)) * np.sqrt(200), _ENDS),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) ** 3 / 100, _ENDS),
    Mistake(_slerp, _SLERP),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[[0, 2, 1, *range(3, n)]], _ROW),
    Mistake(lambda a, b, n: np.linspace(a, b, n), _PLAIN),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) * np.r_[1, [1.1] * (n - 2), 1][:, None], _LENGTHS),
]


@register("check_shell_walk", reference_shell_walk, _MISTAKES)
@checker
def check_shell_walk(func) -> None:
    """``func(z0, z1, steps)``: ``steps`` points from z0 to z1 (both ends included), each in the
    direction of the straight-line walk at that point, with a length going evenly from |z0| to |z1|."""
    z0, z1 = np.random.default_rng(0).standard_normal((2, 200)).astype(np.float32)
    z1, steps = 1.2 * z1, 9  # ends of different lengths, so that "the length goes evenly" is tested
    got = np.asarray(call(func, z0, z1, steps), dtype=np.float64)
    want = reference_shell_walk(z0.astype(np.float64), z1.astype(np.float64), steps)
    t = np.linspace(0, 1, steps)[:, None]
    line = (1 - t) * z0 + t * z1
    if got.shape != want.shape:
        if got.ndim == 2 and got.shape[1] == 200 and len(got) == steps - 1:
            fail(_POINTS, steps=steps, count=len(got))
        fail(_SHAPE, want=str(want.shape), got=str(got.shape))
    if not np.all(np.isfinite(got)):
        fail(_NAN)
    scale = np.sum(got * line) / np.sum(line * line)
    if not np.allclose(scale, 1, atol=1e-3) and np.allclose(got, scale * line, rtol=1e-4, atol=1e-4):
        fail(_ONE_SCALE)
    got_len, want_len, line_len = (np.linalg.norm(points, axis=1) for points in (got, want, line))
    if np.allclose(got_len[1:-1], 1, atol=1e-3):
        fail(_UNIT)
    if np.allclose(got[[0, -1]], [z1, z0], atol=1e-4):
        fail(_REVERSED)
    if not np.allclose(got[[0, -1]], [z0, z1], atol=1e-4):
        fail(_ENDS)
    cosines = np.sum(got * line, axis=1) / (got_len * line_len)
    if np.any(cosines < 1 - 1e-5):
        slerp = np.allclose(got, _slerp(z0, z1, steps), atol=1e-3)
        fail(_SLERP if slerp else _ROW, row=int(np.argmin(cosines)))
    if not np.allclose(got_len, want_len, rtol=1e-4):
        if np.allclose(got_len, line_len, rtol=1e-4):
            fail(_PLAIN, dip=fmt.number(got_len.min(), 1))
        fail(_LENGTHS, want=fmt.numbers(want_len, 1), got=fmt.numbers(got_len, 1))
    ok("Right: the straight line's directions, lengths that stay on the shell.")
