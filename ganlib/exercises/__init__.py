"""Every chapter's checkers (``ch01`` … ``ch11``): ``check_*`` prints ✓ or raises :class:`ExerciseError`
saying what is wrong, in the language set by ``ganlib.set_language`` (``lang=`` overrides it for one call)."""

from ganlib.exercises import ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11
from ganlib.exercises._core import ExerciseError

CHAPTERS = (ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11)
CHECKERS = {name: getattr(chapter, name) for chapter in CHAPTERS for name in chapter.__all__}
globals().update(CHECKERS)
__all__ = ["CHECKERS", "ExerciseError", *CHECKERS]
