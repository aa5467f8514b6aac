"""Shared by every chapter's checkers: messages in the page's language, calling the student's code."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import ExerciseError  # noqa: E402,F401 - one class for old and new checkers
from ganlib.language import resolve


def _say(lang: str, tr: str, en: str) -> str:
    return tr if resolve(lang) == "tr" else en


def _fail(lang: str, tr: str, en: str) -> None:
    raise ExerciseError("✗ " + _say(lang, tr, en))


def _ok(lang: str, tr: str, en: str) -> None:
    print("✓ " + _say(lang, tr, en))


def _param_gap(
    got: int, want: int, lang: str, than: tuple[str, str] = ("beklenenden", "than expected")
) -> str:
    """How a model's parameter count compares with the one wanted, e.g. "1,517,825 parameters,
    25,344 more than expected"; ``than`` names what it is compared with (Turkish, English)."""
    diff = got - want
    if diff == 0:
        return _say(
            lang, f"{fmt.number(got, lang='tr')} parametre, sayı tutuyor", f"{got:,} parameters, as expected"
        )
    return _say(
        lang,
        f"{fmt.number(got, lang='tr')} parametre; {than[0]} {fmt.number(abs(diff), lang='tr')} "
        + ("fazla" if diff > 0 else "eksik"),
        f"{got:,} parameters, {abs(diff):,} {'more' if diff > 0 else 'fewer'} {than[1]}",
    )


def _fail_if_known(got: float, mistakes, lang: str, rtol: float = 1e-4, atol: float = 1e-5) -> None:
    """Fail with the message of the first known mistake whose value ``got`` matches.

    ``mistakes`` holds ``(value, tr, en)``: the number that mistake produces (None: cannot
    occur here) and what to say about it.
    """
    for value, tr, en in mistakes:
        if value is not None and np.isclose(got, value, rtol=rtol, atol=atol):
            _fail(lang, tr, en)


def _not_done(answer, lang: str | None = None) -> None:
    if answer is None or answer is Ellipsis:
        _fail(
            lang,
            "Henüz cevap yok: işaretli hücreyi doldurup çalıştırın.",
            "No answer yet: fill in the marked cell and run it.",
        )


def _call(func: Callable, lang: str, *args, shown: str | None = None):
    """``func(*args)``, turning a crash into a message; ``shown`` stands for ``args`` in it
    (a short description where printing the arguments would flood the page)."""
    if shown is None:
        shown = repr(args)
    if not callable(func):
        _fail(
            lang,
            f"Bir fonksiyon bekleniyordu, {type(func).__name__} geldi.",
            f"Expected a function, got {type(func).__name__}.",
        )
    try:
        return func(*args)
    except NotImplementedError:
        _fail(
            lang,
            "Fonksiyon henüz yazılmamış (NotImplementedError): gövdesini doldurun.",
            "The function is not written yet (NotImplementedError): fill in its body.",
        )
    except Exception as err:  # noqa: BLE001 - report any crash of the student's code helpfully
        _fail(
            lang,
            f"Fonksiyon {shown} ile çağrılınca hata verdi: {type(err).__name__}: {err}",
            f"The function raised an error when called with {shown}: {type(err).__name__}: {err}",
        )


def _expect_model(model, lang: str, example: str) -> None:
    """Fail unless the student's function returned a Keras model; ``example`` shows how to build one."""
    import keras

    if model is None:
        _fail(
            lang,
            "Fonksiyon hiçbir şey döndürmüyor (None): kurduğunuz modeli return ile döndürün.",
            "The function returns nothing (None): return the model you build.",
        )
    if not isinstance(model, keras.Model):
        name = type(model).__name__
        _fail(
            lang,
            f"Bir keras.Model bekleniyordu (ör. {example}), {name} geldi.",
            f"Expected a keras.Model (e.g. {example}), got {name}.",
        )
