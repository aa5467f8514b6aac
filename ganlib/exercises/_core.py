"""The checking core: what every exercise's check does, written once.

Most checks have one shape: refuse an answer that is not there yet; run the student's answer on
fixed cases beside a reference; where they differ, recognise a known mistake by giving the same
result as that mistake's own (wrong) code, and say what it is; else say what differs. A chapter
keeps only data — the cases, the reference and a table of :class:`Mistake` — and calls
:func:`compare`. Messages are English gettext ids (marked with :func:`N_` where they sit in a
table), translated into the language set by ``ganlib.set_language`` when they are shown.

Every checker is declared with :func:`checker`, which gives it the ``lang=`` override and the
"no answer yet" guard; :func:`register` records a checker's solution and mistake table in
:data:`EXERCISES`, which one parametrized test runs: the solution must pass, each mistake must
get its own message.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn

import numpy as np

from ganlib import fmt
from ganlib.language import N_ as N_  # (re-exported: checkers mark their messages with it)
from ganlib.language import gettext as _
from ganlib.language import using


class ExerciseError(Exception):
    """The answer is not right yet; the message says why and what to try.

    In Jupyter and Colab a failed check shows this message and nothing else: IPython asks an
    exception for ``_render_traceback_`` before it formats a traceback, so the student sees no
    frames of the checker (which would print its reference lines) and no paths. The cell still
    fails (nbval and "Run all" stop there); pytest and plain Python show the usual traceback.
    """

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def phrase(message: str, **fields: Any) -> str:
    """``message`` (an English id) in the language set, its ``{fields}`` filled in. Numbers among
    the fields are written the language's way (``fmt.number``)."""
    shown = {k: _localized(v) for k, v in fields.items()}
    return _(message).format(**shown)


def fail(message: str, **fields: Any) -> NoReturn:
    """Stop the check: ✗ and ``message`` in the page's language."""
    raise ExerciseError("✗ " + phrase(message, **fields))


def ok(message: str, **fields: Any) -> None:
    """The answer is right: ✓ and ``message`` in the page's language."""
    print("✓ " + phrase(message, **fields))


def _localized(value):
    """A field as the page writes it: numbers, and lists or arrays of fractions, the language's way
    (a list of whole numbers reads the same in both languages: [4, 1])."""
    if _is_number(value):
        return fmt.number(value)
    try:
        flat = np.ravel(value) if isinstance(value, (list, tuple, np.ndarray)) else ()
    except ValueError:  # a ragged list: shown as it is
        flat = ()
    if len(flat) and all(_is_number(v) for v in flat) and not all(float(v).is_integer() for v in flat):
        return fmt.numbers(flat)
    return value


def _is_number(value) -> bool:
    numeric = isinstance(value, (int, float, np.integer, np.floating))
    return numeric and not isinstance(value, (bool, np.bool_))


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer and what to say about it.

    ``answer`` is that wrong answer as a student would write it: a function with the
    reference's signature (recognised by returning what it returns on the cases) or a value
    (recognised by equality). ``message`` is an English id marked with ``N_``; its fields are
    those :func:`compare` fills in (``{case}``, ``{got}``, ``{want}``) or a checker's own.
    """

    answer: Any
    message: str
    fields: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Exercise:
    """What the one parametrized test needs of a checker: the solution (passes) and the
    mistakes (each fails with its message). ``wrap`` turns a table's answer into what the
    checker takes, for checkers whose answer is not itself a function or value."""

    checker: Callable
    solution: Any
    mistakes: Sequence[Mistake] = ()
    wrap: Callable | None = None


EXERCISES: dict[str, Exercise] = {}


def checker(func: Callable) -> Callable:
    """Make ``func(answer, …)`` a checker: ``lang=`` overrides the language for the call, and
    answers that are still ``None`` or ``...`` get "no answer yet" instead of a crash."""

    @functools.wraps(func)
    def check(answer=None, *args, lang: str | None = None, **kwargs):
        __tracebackhide__ = True  # IPython and pytest show the student the checker's frame, not this one
        with using(lang):
            if any(a is None or a is Ellipsis for a in (answer, *args)):
                fail(N_("No answer yet: fill in the marked cell and run it."))
            return func(answer, *args, **kwargs)

    return check


def register(name: str, solution: Any, mistakes: Sequence[Mistake] = (), wrap: Callable | None = None):
    """Record a checker's solution and mistake table for the parametrized test (a decorator)."""

    def record(check: Callable) -> Callable:
        EXERCISES[name] = Exercise(check, solution, tuple(mistakes), wrap)
        return check

    return record


def call(func: Callable, *args, shown: str | None = None):
    """``func(*args)``, turning a crash of the student's code into a message; ``shown`` stands for
    ``args`` in it (a short description where printing the arguments would flood the page)."""
    if not callable(func):
        fail(N_("Expected a function, got {kind}."), kind=type(func).__name__)
    try:
        return func(*args)
    except NotImplementedError:
        fail(N_("The function is not written yet (NotImplementedError): fill in its body."))
    except ExerciseError:  # a check's own verdict from inside (a wrapper that calls the student's code)
        raise
    except Exception as err:  # noqa: BLE001 - report any crash of the student's code helpfully
        fail(
            N_("The function raised an error when called with {args}: {error}"),
            args=repr(args) if shown is None else shown,
            error=crash_text(err),
        )


def crash_text(err: BaseException, most: int = 200) -> str:
    """A library error as a message quotes it: its kind and the first line of what it says, without
    TensorFlow's ``{{function_node …}}`` prefix, cut at ``most`` characters (Keras puts whole tensors
    in some of its messages)."""
    said = re.sub(r"^\{\{function_node [^}]*\}\}\s*", "", str(err).strip())
    said = said.splitlines()[0] if said else ""
    said = said if len(said) <= most else said[: most - 1].rstrip() + "…"
    return f"{type(err).__name__}: {said}" if said else type(err).__name__


def _shown(value) -> str:
    """A result as a message shows it: whole numbers as they are, others to 4 decimals."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return fmt.number(value)
    return fmt.number(value, 4) if _is_number(value) else repr(value)


def scalar(value) -> float:
    """A student's answer that should be one number, as a float; anything else gets a message."""
    try:
        array = None if isinstance(value, (str, bytes)) else np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        array = None
    if array is None or array.size != 1:
        kind = type(value).__name__ if array is None else f"{type(value).__name__} {array.shape}"
        fail(N_("Expected one number, got {kind}."), kind=kind)
    return float(array.reshape(()))


def same(got, want, rtol: float = 1e-4, atol: float = 1e-5) -> bool:
    """True if ``got`` equals ``want``: numbers and arrays to within the tolerances (same shape),
    anything else by ``==``."""
    if isinstance(got, (str, bytes)) != isinstance(want, (str, bytes)):
        return False  # "1467137" is not the number 1467137
    try:
        a, b = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    except (TypeError, ValueError):
        return bool(got == want)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=False))


def recognise(
    result, mistakes: Sequence[Mistake], args: tuple = (), fields: dict | None = None, **tolerance
) -> None:
    """Fail with the message of the first mistake whose answer gives ``result`` (called on
    ``args`` if it is a function, else compared as it is; ``tolerance`` as for :func:`same`);
    ``fields`` fill in its message."""
    for mistake in mistakes:
        wrong = mistake.answer(*args) if callable(mistake.answer) else mistake.answer
        if same(result, wrong, **tolerance):
            fail(mistake.message, **{**(fields or {}), **mistake.fields})


def compare(
    answer: Callable,
    reference: Callable,
    cases: Sequence[tuple],
    mistakes: Sequence[Mistake] = (),
    otherwise: str = N_("For {case} the answer should be {want}, got {got}."),
    describe: Callable[[tuple], str] = lambda case: ", ".join(map(repr, case)),
    shown: Callable[[Any], str] | None = None,
    **tolerance,
):
    """The common check: ``answer(*case)`` must give ``reference(*case)`` on every case. At the
    first case where it does not, a known mistake giving the same result gets its message, else
    ``otherwise`` (fields ``{case}``, ``{got}``, ``{want}``). Returns the answers, case by case."""
    shown = shown or _shown
    results = []
    for case in cases:
        got = call(answer, *case)
        want = reference(*case)
        if not same(got, want, **tolerance):
            fields = {"case": describe(case), "got": shown(got), "want": shown(want)}
            recognise(got, mistakes, case, fields, **tolerance)
            fail(otherwise, **fields)
        results.append(got)
    return results


# Checking a training step (chapters 05 and 10): optimizers that record what they are given.
def recording_optimizer(optimizer_class: type, log: list, who: str, **settings):
    """An ``optimizer_class`` (a Keras optimizer) built with ``settings`` that also appends
    ``(who, gradients, variables)`` to ``log`` for every set of gradients it is asked to apply."""

    class Recording(optimizer_class):
        def build(self, variables):
            self.built_for = list(variables)  # what apply(grads) without variables updates
            super().build(variables)

        def apply(self, grads, trainable_variables=None):
            given = self.built_for if trainable_variables is None else trainable_variables
            log.append((who, [None if g is None else np.array(g) for g in grads], list(given)))
            return super().apply(grads, trainable_variables)

    return Recording(**settings)


def optimizer_owners(log: list, generator, discriminator) -> list[tuple[str, set[str]]]:
    """For each apply in ``log``: who applied it, and whose weights it was given ("G", "D", or "?"
    for weights of neither network)."""
    owner = {id(v): "G" for v in generator.trainable_variables}
    owner |= {id(v): "D" for v in discriminator.trainable_variables}
    return [(who, {owner.get(id(v), "?") for v in variables}) for who, _, variables in log]


_ONE_OPTIMIZER = N_(
    "{name} was given the weights of both networks: a Keras 3 optimizer works only with the variables it "
    "first updated. Apply the discriminator's gradients with d_optimizer and the generator's with "
    "g_optimizer."
)
_SHARED_OPTIMIZER = N_(
    "One optimizer was used for both networks: a Keras 3 optimizer works only with the variables it first "
    "updated. Apply the discriminator's gradients with d_optimizer and the generator's with g_optimizer "
    "(do not make your own optimizer)."
)
_MISFIT = N_(
    "{name} was given a gradient of shape {got} for a weight of shape {want}: the gradients were paired "
    "with another network's weights. Apply each loss's gradients to the weights they were taken of: "
    "grads = tape.gradient(loss, weights), then {name}.apply_gradients(zip(grads, weights))."
)
_NAMES = {"d": "d_optimizer", "g": "g_optimizer"}


def explain_step_crash(err: BaseException, log: list, generator, discriminator) -> None:
    """Known library errors raised inside a student's training step, said in the checker's words
    instead of Keras' (which dumps whole tensors): gradients paired with weights of another shape, one
    of the given optimizers used for both networks, one optimizer of the student's own for both.
    ``log`` is what the optimizers of :func:`recording_optimizer` were given before the crash.
    Returns if the crash is none of these."""
    for who, grads, variables in log:
        for grad, variable in zip(grads, variables):
            if grad is not None and tuple(grad.shape) != tuple(variable.shape):
                fail(_MISFIT, name=_NAMES[who], got=tuple(grad.shape), want=tuple(variable.shape))
    for who, owners in _owners_by_optimizer(log, generator, discriminator).items():
        if owners >= {"G", "D"}:
            fail(_ONE_OPTIMIZER, name=_NAMES[who])
    if isinstance(err, ValueError) and "can only be called for the variables it was" in str(err):
        fail(_SHARED_OPTIMIZER)


def _owners_by_optimizer(log: list, generator, discriminator) -> dict[str, set[str]]:
    """For each optimizer in ``log``: whose weights it was given over all its calls."""
    owners: dict[str, set[str]] = {}
    for who, given in optimizer_owners(log, generator, discriminator):
        owners.setdefault(who, set()).update(given)
    return owners


def check_own_weights(calls: list[tuple[str, set[str]]], both: dict[str, str]) -> None:
    """Fail unless the optimizer "d" was given only the discriminator's weights and "g" only the
    generator's; ``both[who]`` is the message for an optimizer given both networks' weights."""
    for who, owners in calls:
        if owners >= {"G", "D"}:
            fail(both[who])
        if owners != ({"D"} if who == "d" else {"G"}):
            fail(
                "The optimizers are mixed up: d_optimizer updates only the discriminator's weights, "
                "g_optimizer only the generator's."
            )


NO_MODEL = N_("The function returns nothing (None): return the model you build.")
NOT_A_MODEL = N_("Expected a keras.Model (e.g. keras.Sequential), got {kind}.")


def built_model(func: Callable, *args):
    """The model the student's ``func(*args)`` builds; anything else gets a message."""
    import keras

    model = call(func, *args)
    if model is None:
        fail(NO_MODEL)
    if not isinstance(model, keras.Model):
        fail(NOT_A_MODEL, kind=type(model).__name__)
    return model


def run_step(train_step: Callable, args: tuple, log: list, generator, discriminator, detached=None):
    """The student's training step called with ``args`` (Keras' warnings hushed: a missing gradient is
    named by the checker); a crash is said in the checker's words (:func:`explain_step_crash`), or
    with ``detached`` where the generator's optimizer was given a gradient of None before it."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Keras' "Gradients do not exist" warning: named by the checker
        try:
            return train_step(*args)
        except NotImplementedError:
            fail(N_("The function is not written yet (NotImplementedError): fill in its body."))
        except ExerciseError:
            raise
        except Exception as err:  # noqa: BLE001 - report any crash of the student's code helpfully
            if detached and any(who == "g" and any(g is None for g in grads) for who, grads, _ in log):
                fail(detached)
            explain_step_crash(err, log, generator, discriminator)
            fail(N_("train_step raised an error: {error}"), error=crash_text(err))


def step_losses(out) -> list[float]:
    """The two losses a training step returned, as floats (nan where they are not numbers)."""
    import keras

    try:
        return [float(keras.ops.convert_to_numpy(x)) for x in out]
    except (TypeError, ValueError):
        return [float("nan")] * 2


TWO_LOSSES = N_("train_step must return the two losses: return d_loss, g_loss.")
WRONG_LOSSES = N_(
    "The updates are right but the returned losses are not: return the two losses you took gradients of, "
    "as (d_loss, g_loss), one number each."
)
