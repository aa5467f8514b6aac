"""Checkers for chapter 06's exercises."""

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, register

__all__ = ["check_shell_walk"]


def reference_shell_walk(z0, z1, steps, lengths=None, slerp=False):
    """The straight walk rescaled to ``lengths`` (default: evenly |z0| to |z1|); or slerp (a mistake)."""
    if slerp:
        from ganlib.sampling import interpolate

        return interpolate(z0, z1, steps, method="slerp")
    t = np.linspace(0, 1, steps)[:, None]
    line = (1 - t) * z0 + t * z1
    lengths = (1 - t) * np.linalg.norm(z0) + t * np.linalg.norm(z1) if lengths is None else lengths
    return line / np.linalg.norm(line, axis=1, keepdims=True) * lengths


_SHAPE = N_("Expected shape {want}: steps points (z0 and z1 included) of the noise's dimension; got {got}.")
_NAN = N_("The array holds nan or inf.")
_ONE_SCALE = N_("One number scales every row (norm without axis=1?): each point needs its own length.")
_UNIT = N_("The inner points have length 1: multiply each unit vector by the length it should have.")
_REVERSED = N_("Wrong direction: first row z0, last row z1.")
_ENDS = N_("The ends are off: the first row must be exactly z0, the last z1; take lengths from the ends.")
_SLERP = N_("This is slerp, evenly spaced in angle: rescale the straight line's points instead.")
_ROW = N_("Row {row} does not point the way the straight line does at that t: only rescale each point.")
_PLAIN = N_("This is the plain straight line: its length dips to {dip} in the middle. Rescale each point.")
_LENGTHS = N_("The lengths should be {want} (from |z0| to |z1| in even steps), got {got}.")
_MISTAKES = [  # each known mistake as a student writes it
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[:-1], _SHAPE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[:, :10], _SHAPE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) * np.nan, _NAN),
    Mistake(lambda a, b, n: np.linspace(a, b, n) / np.linalg.norm(np.linspace(a, b, n)) * 14, _ONE_SCALE),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n, lengths=1), _UNIT),
    Mistake(lambda a, b, n: reference_shell_walk(b, a, n), _REVERSED),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n, lengths=np.sqrt(200)), _ENDS),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) ** 3 / 100, _ENDS),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n, slerp=True), _SLERP),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n)[[0, 2, 1, *range(3, n)]], _ROW),
    Mistake(lambda a, b, n: np.linspace(a, b, n), _PLAIN),
    Mistake(lambda a, b, n: reference_shell_walk(a, b, n) * np.r_[1, [1.1] * (n - 2), 1][:, None], _LENGTHS),
]


@register("check_shell_walk", reference_shell_walk, _MISTAKES)
@checker
def check_shell_walk(func) -> None:
    """``func(z0, z1, steps)``: the straight walk's directions, lengths evenly from |z0| to |z1|."""
    z0, z1 = (np.random.default_rng(0).standard_normal((2, 200)) * [[1], [1.2]]).astype(np.float32)
    got = np.asarray(call(func, z0, z1, 9), dtype=np.float64)
    if got.shape != (9, 200):
        fail(_SHAPE, want=(9, 200), got=got.shape)
    line, want = np.linspace(z0, z1, 9, dtype=np.float64), np.linspace(*np.linalg.norm([z0, z1], axis=1), 9)
    with np.errstate(all="ignore"):  # the tests in turn, on an answer that may hold nan
        lengths, scale = np.linalg.norm(got, axis=1), np.sum(got * line) / np.sum(line**2)
        cosines = np.sum(got * line, axis=1) / (lengths * np.linalg.norm(line, axis=1))
        tests = {
            _NAN: not np.all(np.isfinite(got)),
            _ONE_SCALE: not np.isclose(scale, 1, atol=1e-3) and np.allclose(got, scale * line, 1e-4, 1e-4),
            _UNIT: np.allclose(lengths[1:-1], 1, atol=1e-3),
            _REVERSED: np.allclose(got[[0, -1]], [z1, z0], atol=1e-4),
            _ENDS: not np.allclose(got[[0, -1]], [z0, z1], atol=1e-4),
            _SLERP: np.allclose(got, reference_shell_walk(z0, z1, 9, slerp=True), atol=1e-3),
            _ROW: np.any(cosines < 1 - 1e-5),
            _PLAIN: np.allclose(got, line, 1e-4, 1e-4),
            _LENGTHS: not np.allclose(lengths, want, rtol=1e-4),
        }
    if message := next((message for message, wrong in tests.items() if wrong), None):
        dip, row = fmt.number(lengths.min(), 1), int(np.argmin(cosines))
        fail(message, row=row, dip=dip, want=fmt.numbers(want, 1), got=fmt.numbers(lengths, 1))
    ok("Right: the straight line's directions, lengths that stay on the shell.")
