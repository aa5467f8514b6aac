"""The checking core: a checker is data (fixed cases, a reference, a table of :class:`Mistake`) that
:func:`compare` runs; :func:`register` records its table in :data:`EXERCISES` for one parametrized test.
Messages are English gettext ids (marked with :func:`N_`), shown in the language set by ``set_language``."""

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
    """The answer is not right yet. Jupyter shows only the message (IPython asks for
    ``_render_traceback_``): no frames of the checker, no paths; the cell still fails."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def phrase(message: str, **fields: Any) -> str:
    """``message`` (an English id) in the language set, its ``{fields}`` filled in the language's way."""
    shown = {k: _localized(v) for k, v in fields.items()}
    return _(message).format(**shown)


def fail(message: str, **fields: Any) -> NoReturn:
    """Stop the check: ✗ and ``message`` in the page's language."""
    raise ExerciseError("✗ " + phrase(message, **fields))


def ok(message: str, **fields: Any) -> None:
    """The answer is right: ✓ and ``message`` in the page's language."""
    print("✓ " + phrase(message, **fields))


def _localized(value):
    """Numbers, and lists or arrays of fractions, the language's way (whole numbers read the same: [4, 1])."""
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
    """A known wrong ``answer`` (a function with the reference's signature, recognised by its results on
    the cases, or a value, by equality) and its ``message`` (an ``N_`` id), with ``fields`` of its own."""

    answer: Any
    message: str
    fields: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Exercise:
    """A checker's solution (passes) and mistakes (each fails with its message); ``wrap`` turns a table's
    answer into what the checker takes."""

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
    """``func(*args)``, a crash of the student's code said in a message (``shown`` stands for ``args``)."""
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
    """A library error as a message quotes it: its kind and first line, without TensorFlow's
    ``{{function_node …}}`` prefix, cut at ``most`` characters (Keras puts whole tensors in some)."""
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
    """``got`` equals ``want``: numbers and arrays to within the tolerances (same shape), else by ``==``."""
    if isinstance(got, (str, bytes)) != isinstance(want, (str, bytes)):
        return False  # "1467137" is not the number 1467137
    try:
        a, b = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    except (TypeError, ValueError):
        return bool(got == want)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=False))


def recognise(result, mistakes: Sequence[Mistake], args=(), fields=None, **tolerance) -> None:
    """Fail with the message of the first mistake whose answer gives ``result`` (called on ``args`` if a
    function; ``tolerance`` as for :func:`same`); ``fields`` fill in its message."""
    for mistake in mistakes:
        wrong = mistake.answer(*args) if callable(mistake.answer) else mistake.answer
        if same(result, wrong, **tolerance):
            fail(mistake.message, **{**(fields or {}), **mistake.fields})


_OTHERWISE = N_("For {case} the answer should be {want}, got {got}.")


def compare(
    answer, reference, cases, mistakes=(), otherwise=_OTHERWISE, describe=None, shown=_shown, **tolerance
):
    """``answer(*case)`` must give ``reference(*case)`` on every case; at the first that differs, a known
    mistake's message, else ``otherwise`` (fields ``{case}``, ``{got}``, ``{want}``). Returns the answers."""
    describe, results = describe or (lambda case: ", ".join(map(repr, case))), []
    for case in cases:
        got = call(answer, *case)
        want = reference(*case)
        if not same(got, want, **tolerance):
            fields = {"case": describe(case), "got": shown(got), "want": shown(want)}
            recognise(got, mistakes, case, fields, **tolerance)
            fail(otherwise, **fields)
        results.append(got)
    return results


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


# Checking a training step (chapters 05 and 10): the student's step beside right and wrong ones, replayed.
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
    """For each apply in ``log``: who applied it, and whose weights it was given ("G", "D", or "?")."""
    owner = {id(v): "G" for v in generator.trainable_variables}
    owner |= {id(v): "D" for v in discriminator.trainable_variables}
    return [(who, {owner.get(id(v), "?") for v in variables}) for who, _, variables in log]


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


def small_pair(batch_norm: bool = True, sigmoid: bool = False):
    """A small generator (noise 4 → images 4×4×1) and discriminator, with the same weights every time."""
    import keras
    from keras import layers
    from keras.initializers import GlorotUniform, RandomNormal

    def dense(units, seed, **settings):
        return layers.Dense(units, kernel_initializer=GlorotUniform(seed), **settings)

    norm = [layers.BatchNormalization()] if batch_norm else []
    generator = keras.Sequential(
        [keras.Input((4,)), dense(8, 1), *norm, layers.LeakyReLU(0.2), dense(16, 2, activation="tanh")]
        + [layers.Reshape((4, 4, 1))]
    )
    discriminator = keras.Sequential(
        [keras.Input((4, 4, 1)), layers.Flatten(), dense(8, 3, bias_initializer=RandomNormal(seed=4))]
        + [layers.LeakyReLU(0.2), dense(1, 5, activation="sigmoid" if sigmoid else None)]
    )
    return generator, discriminator


_NAMES = {"d": "d_optimizer", "g": "g_optimizer"}
_MISFIT = N_(
    "{name} was given a gradient of shape {got} for a weight of shape {want}: the gradients were paired "
    "with another network's weights. Apply each loss's gradients to the weights they were taken of: "
    "grads = tape.gradient(loss, weights), then {name}.apply_gradients(zip(grads, weights))."
)
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
_NONE = {
    "d": N_("Some of the discriminator's gradients are None: call it inside the GradientTape block."),
    "g": N_("The generator's gradients are missing or zero: make the fakes inside its tape."),
}
_BOTH = {
    "d": N_("The discriminator phase took gradients for both networks: the generator must not change."),
    "g": N_("The generator phase took gradients for the discriminator too: only the generator learns."),
}
_ONCE = N_("Apply d_optimizer once and g_optimizer once per step (yours: {order}).")
TWO_LOSSES = N_("train_step must return the two losses: return d_loss, g_loss.")
WRONG_LOSSES = N_(
    "The updates are right but the returned losses are not: return the two losses you took gradients of, "
    "as (d_loss, g_loss), one number each."
)


def run_step(train_step: Callable, args: tuple, log: list, generator, discriminator):
    """The student's ``train_step(*args)``, Keras' warnings hushed; a crash is said in the checker's words
    where it is a known one: a None gradient, another network's weights, one optimizer for both networks."""
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
            for who, grads, variables in log:
                if any(g is None for g in grads):
                    fail(_NONE[who])
                for grad, variable in zip(grads, variables):
                    if tuple(grad.shape) != tuple(variable.shape):
                        fail(_MISFIT, name=_NAMES[who], got=tuple(grad.shape), want=tuple(variable.shape))
            calls = optimizer_owners(log, generator, discriminator)
            for who in "dg":  # over all its calls, one optimizer given both networks' weights
                if set().union(*(owners for w, owners in calls if w == who)) >= {"G", "D"}:
                    fail(_ONE_OPTIMIZER, name=_NAMES[who])
            if isinstance(err, ValueError) and "can only be called for the variables it was" in str(err):
                fail(_SHARED_OPTIMIZER)
            fail(N_("train_step raised an error: {error}"), error=crash_text(err))


def step_losses(out) -> list[float]:
    """The two losses a training step returned, as floats (nan where they are not numbers)."""
    import keras

    try:
        return [float(keras.ops.convert_to_numpy(x)) for x in out]
    except (TypeError, ValueError):
        return [float("nan")] * 2


def flat(arrays) -> np.ndarray:
    """Arrays (gradients, weights) as one vector."""
    return np.concatenate([np.ravel(np.array(a)) for a in arrays])


def reference_step(targets=(1.0, 0.0, 1.0), scales=(1, 1), logits=True, modes=(1, 1), reuse=0, stale=0):
    """A training step, one cross-entropy per network (``noise``: an array, or draw_noise called per phase).
    The switches make known mistakes: ``targets`` (real, fake; the generator's), loss ``scales`` (−1: ascent,
    n: summed), probabilities for logits, the generator's ``modes``, reused noise, its loss taken early."""
    import keras
    import tensorflow as tf

    def bce(value, out):  # against targets of value
        return keras.losses.BinaryCrossentropy(from_logits=logits)(keras.ops.full_like(out, value), out)

    def train_step(generator, discriminator, d_optimizer, g_optimizer, real, noise):
        d_w, g_w = discriminator.trainable_variables, generator.trainable_variables
        z = (noise(len(real)), noise(len(real))) if callable(noise) else (noise, noise)
        z = (z[0], z[0]) if reuse else z
        with tf.GradientTape() as tape:
            fake = generator(z[0], training=bool(modes[0]))
            real_out, fake_out = discriminator(real, training=True), discriminator(fake, training=True)
            d_loss = scales[0] * (bce(targets[0], real_out) + bce(targets[1], fake_out)) / 2
        d_grads = tape.gradient(d_loss, d_w)

        def generator_phase():
            with tf.GradientTape() as tape:
                judged = discriminator(generator(z[1], training=bool(modes[1])), training=True)
                g_loss = scales[1] * bce(targets[2], judged)
            return g_loss, tape.gradient(g_loss, g_w)

        early = generator_phase() if stale else None
        d_optimizer.apply_gradients(zip(d_grads, d_w))
        g_loss, g_grads = early or generator_phase()
        g_optimizer.apply_gradients(zip(g_grads, g_w))
        return d_loss, g_loss

    return train_step


def draw_noise(seed: int, noise_dim: int = 4):
    """draw_noise(n) for a student's step: the normal noise ganlib's GAN(seed=seed) draws, each draw kept."""
    import keras

    generator, draws = keras.random.SeedGenerator(seed), []

    def draw(batch):
        draws.append(keras.random.normal((int(batch), noise_dim), seed=generator))
        return draws[-1]

    draw.draws = draws
    return draw


@dataclass(frozen=True)
class Step:
    """A training-step exercise: fresh ``networks()``, the ``inputs()`` after the optimizers (a Keras class
    and its settings), right steps and known wrong ones."""

    networks: Callable
    inputs: Callable
    optimizer: tuple[type, dict]
    rights: Sequence[Callable]
    mistakes: Sequence[Mistake]


def replay_step(step: Step, train_step) -> tuple:
    """``train_step`` on fresh networks and optimizers: (networks, optimizers' log, result, args)."""
    log, networks = [], step.networks()
    kind, settings = step.optimizer
    optimizers = (recording_optimizer(kind, log, who, **settings) for who in "dg")
    args = (*networks, *optimizers, *step.inputs())
    return networks, log, run_step(train_step, args, log, *networks), args


def check_step(train_step, step: Step, words: dict) -> tuple:
    """The student's step: two losses, noise drawn once per phase (else ``words["draws"]``, ``["batch"]``),
    each optimizer given its own network's weights once (first d's, else ``words["order"]``, if given), the
    gradients (a known mistake's named, else ``words[who]``) and losses of a right step."""
    if not callable(train_step):
        fail(N_("Expected a function, got {kind}."), kind=type(train_step).__name__)
    networks, log, out, args = run = replay_step(step, train_step)
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        fail(TWO_LOSSES)
    if callable(args[-1]) and len(args[-1].draws) != 2:
        fail(words["draws"], count=len(args[-1].draws))
    if callable(args[-1]) and (drawn := [len(z) for z in args[-1].draws if len(z) != len(args[-2])]):
        fail(words["batch"], n=len(args[-2]), drawn=drawn[0])
    calls = optimizer_owners(log, *networks)
    check_own_weights(calls, _BOTH)
    order = ", ".join(who for who, _ in calls) or "—"
    if sorted(who for who, _ in calls) != ["d", "g"]:
        fail(_ONCE, order=order)
    if "order" in words and order != "d, g":
        fail(words["order"], order=order)
    for who, grads, _given in log:
        if any(g is None for g in grads) or not any(np.any(g) for g in grads):
            fail(_NONE[who])
    got, rights = _gradients(log), [replay_step(step, right) for right in step.rights]
    for who in "dg":
        if not any(same(got[who], _gradients(r[1]).get(who), rtol=1e-4, atol=1e-6) for r in rights):
            for mistake in step.mistakes:
                if same(got[who], _gradients(replay_step(step, mistake.answer)[1]).get(who), 1e-4, 1e-6):
                    fail(mistake.message, **mistake.fields)
            fail(words[who])
    if not any(same(step_losses(out), step_losses(r[2]), rtol=1e-4, atol=1e-6) for r in rights):
        fail(WRONG_LOSSES)
    return run


def _gradients(log) -> dict:
    return {who: flat(grads) for who, grads, _ in log}
