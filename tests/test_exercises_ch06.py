"""Chapter 06's checker: the straight walk rescaled onto the shell. Its solution and its table of
known mistakes (ganlib/exercises/ch06.py) are run by tests/test_exercises.py; here, what is not an
answer yet."""

import pytest

from ganlib import exercises as ex


def test_stub_fails_helpfully():
    def stub(*args):
        raise NotImplementedError

    with pytest.raises(ex.ExerciseError, match="fill in"):
        ex.check_shell_walk(stub, lang="en")
    with pytest.raises(ex.ExerciseError, match="doldur"):
        ex.check_shell_walk(stub, lang="tr")
    with pytest.raises(ex.ExerciseError, match="doldur"):
        ex.check_shell_walk(None, lang="tr")
    with pytest.raises(ex.ExerciseError, match="Expected a function, got int"):
        ex.check_shell_walk(3, lang="en")


def test_a_crash_is_reported_with_its_error():
    with pytest.raises(ex.ExerciseError, match="ZeroDivisionError"):
        ex.check_shell_walk(lambda z0, z1, steps: 1 / 0, lang="en")
