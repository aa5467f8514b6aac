"""Chapter 03's checkers: the reference solutions pass in both languages; the stub and typical
mistakes fail with a message about that mistake."""

import pytest

from ganlib import exercises as ex
from ganlib.models import build_generator


def stub(*args):
    raise NotImplementedError


def generator_params(noise_dim, c1=128, c2=64):
    dense = noise_dim * 7 * 7 * c1 + 7 * 7 * c1
    conv1 = 5 * 5 * c1 * c2 + c2
    conv2 = 5 * 5 * c2 * 1 + 1
    return dense + conv1 + conv2


def counted_by_keras(noise_dim, c1=128, c2=64):
    return build_generator(noise_dim).count_params()


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_generator_params_reference_passes(lang, capsys):
    ex.check_generator_params(generator_params, lang=lang)
    out = capsys.readouterr().out
    assert out.startswith("✓") and ("444.801" if lang == "tr" else "444,801") in out


def test_generator_params_stub_fails_helpfully():
    for answer in (None, stub):
        with pytest.raises(ex.ExerciseError, match="fill in"):
            ex.check_generator_params(answer, lang="en")
        with pytest.raises(ex.ExerciseError, match="doldur"):
            ex.check_generator_params(answer, lang="tr")


WRONG = [
    (lambda n, c1=128, c2=64: n * 49 * c1 + 25 * c1 * c2 + 25 * c2, "ek girdiler", "biases are missing"),
    (
        lambda n, c1=128, c2=64: (n + 1) * 6272 + 25 * c1 * c2 + c2 + 25 * c2 + 1,
        "7·7·c1",
        "7·7·c1",
    ),
    (lambda n, c1=128, c2=64: generator_params(200, c1, c2), "değişmiyor", "does not change"),
    (lambda n, c1=128, c2=64: generator_params(n, c1, c2) - 1, "Keras 1.467.137", "Keras counts 1,467,137"),
    (lambda n, c1=128, c2=64: generator_params(n, c2, c1), "838.465 verdi", "gave 838,465"),
    # ganlib's generator counted by Keras: right only at the chapter's widths
    (counted_by_keras, "c1=128, c2=64 iken çıkan sayı", "the count for c1=128, c2=64"),
    (lambda n, c1=128, c2=64: n / 0, "ZeroDivisionError", "ZeroDivisionError"),
]


@pytest.mark.parametrize(("wrong", "tr_words", "en_words"), WRONG)
def test_generator_params_mistakes_are_explained(wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_generator_params(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_generator_params(wrong, lang="tr")


# check_transpose_generator: its table in ganlib/exercises/ch03.py (tests/test_exercises.py runs it).
