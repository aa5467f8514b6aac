"""Checkers for the book's exercises: they say, in the page's language, what is right and what is wrong.

Each ``check_*`` function takes the student's answer and writes in the language set by
``ganlib.set_language`` (``lang=`` overrides it for one call). It prints a short confirmation
when the answer is right and raises :class:`ExerciseError` with a message that points at the
mistake when it is not. One module per chapter
(``ch01`` … ``ch11``); every checker is also available here, as ``exercises.check_…``.
"""

from ganlib.exercises import ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11
from ganlib.exercises._core import ExerciseError

CHAPTERS = (ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11)
for _chapter in CHAPTERS:
    globals().update({name: getattr(_chapter, name) for name in _chapter.__all__})

# Every checker by name (the tests run each one against its solution and wrong answers).
CHECKERS = {name: getattr(chapter, name) for chapter in CHAPTERS for name in chapter.__all__}

__all__ = ["CHECKERS", "ExerciseError", *CHECKERS]
