"""Checkers for chapter 11: training on several devices.

The exercise gives the noise of a hand-written step (chapter 10's) that every replica draws alike,
and the student fixes it. The check runs the student's ``make_noise(seed)`` under a
``MirroredStrategy`` of two devices (the chapter's first cell splits the CPU in two) and judges
what it draws: each replica its own standard normal noise, fresh at every call, the same again for
the same seed, other noise for another seed. It never reads the source.
"""

from __future__ import annotations

import numpy as np

from ganlib.exercises._core import N_, Mistake, call, checker, crash_text, fail, ok, register

__all__ = ["check_replica_noise"]

BATCH, NOISE_DIM, SEED = 64, 8, 3

NEEDS_TWO = N_(
    "This check runs your noise on two devices, and this kernel has one: restart it and run the "
    "chapter's first cell first (it splits the CPU into two logical devices)."
)
NOT_A_FUNCTION = N_(
    "make_noise(seed) must return a function noise(batch, noise_dim); it returned {kind}."
)
CRASHED = N_("noise(batch, noise_dim) raised an error on two devices: {error}")
WRONG_SHAPE = N_("noise({batch}, {dim}) should give each replica an array of shape {want}, got {got}.")
IDENTICAL = N_(
    "Both replicas drew the same noise: the seed generator is shared, so every replica gets the same "
    "seed and the discriminator sees the same fakes twice. Fold the replica's id "
    "(tf.distribute.get_replica_context().replica_id_in_sync_group) into the seed of each draw."
)
SAME_EVERY_CALL = N_(
    "The replicas differ, but each draws the same noise at every call: a fixed seed gives the same numbers "
    "again. Take each draw's seed from a keras.random.SeedGenerator (seed_generator.next()), so that it "
    "moves on, and fold the replica's id into that."
)
NOT_REPRODUCIBLE = N_(
    "The replicas differ, but make_noise({seed}) drew other noise the second time: the draws must follow "
    "from the seed (a run must be reproducible). Draw with a seed made from the SeedGenerator, not "
    "without one."
)
IGNORES_SEED = N_(
    "make_noise({seed}) and make_noise({other}) drew the same noise: the seed given to make_noise must "
    "decide the draws."
)
NOT_NORMAL = N_(
    "Replica {replica}'s noise has mean {mean} and standard deviation {std}; noise should be standard "
    "normal (mean 0, deviation 1) on every replica. Fold the replica's id into the seed, not into the "
    "numbers."
)
RIGHT = N_(
    "Right: on two devices each replica draws its own standard normal noise, fresh at every call, and "
    "make_noise({seed}) draws the same again."
)


def _strategy():
    """The two-device strategy of this process (the chapter's first cell split the CPU), or a
    message saying how to get one."""
    import tensorflow as tf

    from ganlib.replicas import cpu_strategy

    if len(tf.config.list_logical_devices("CPU")) < 2:
        fail(NEEDS_TWO)
    return cpu_strategy(2)


def _draws(make_noise, seed: int, calls: int = 2) -> list[list[np.ndarray]]:
    """``calls`` draws of the student's noise on both replicas: draws[call][replica]."""
    strategy = _strategy()
    with strategy.scope():
        noise = call(make_noise, seed)
    if not callable(noise):
        fail(NOT_A_FUNCTION, kind=type(noise).__name__)
    draws = []
    for _ in range(calls):
        try:
            per_replica = strategy.run(lambda: noise(BATCH, NOISE_DIM))
            draws.append([np.asarray(t) for t in strategy.experimental_local_results(per_replica)])
        except NotImplementedError:
            fail(N_("The function is not written yet (NotImplementedError): fill in its body."))
        except Exception as err:  # noqa: BLE001 - report any crash of the student's code helpfully
            fail(CRASHED, error=crash_text(err))
    return draws


def _judge(make_noise) -> None:
    draws = _draws(make_noise, SEED)
    for replica in draws[0]:
        if replica.shape != (BATCH, NOISE_DIM):
            fail(WRONG_SHAPE, batch=BATCH, dim=NOISE_DIM, want=(BATCH, NOISE_DIM), got=tuple(replica.shape))
    if np.array_equal(*draws[0]):
        fail(IDENTICAL)
    if np.array_equal(draws[0][0], draws[1][0]) or np.array_equal(draws[0][1], draws[1][1]):
        fail(SAME_EVERY_CALL)
    if not np.array_equal(np.asarray(draws), np.asarray(_draws(make_noise, SEED))):
        fail(NOT_REPRODUCIBLE, seed=SEED)
    if np.array_equal(np.asarray(draws), np.asarray(_draws(make_noise, SEED + 1))):
        fail(IGNORES_SEED, seed=SEED, other=SEED + 1)
    for i, replica in enumerate(draws[0]):  # 512 numbers: mean within ±0.25, deviation 0.8–1.2
        mean, std = float(replica.mean()), float(replica.std())
        if abs(mean) > 0.25 or not 0.8 < std < 1.2:
            fail(NOT_NORMAL, replica=i, mean=round(mean, 2), std=round(std, 2))
    ok(RIGHT, seed=SEED)


# The answers, as a student writes them: make_noise(seed) → noise(batch, noise_dim).
def _solution(seed):
    import keras
    import tensorflow as tf

    seed_generator = keras.random.SeedGenerator(seed)

    def noise(batch, noise_dim):
        replica = tf.distribute.get_replica_context().replica_id_in_sync_group
        step_seed = tf.cast(seed_generator.next(), "int64")  # moves on at every draw
        own = tf.random.experimental.stateless_fold_in(step_seed, replica)
        return tf.random.stateless_normal((batch, noise_dim), seed=own)

    return noise


def _shared(seed):  # the page's stub: one seed generator, the same draws on every replica
    import keras

    seed_generator = keras.random.SeedGenerator(seed)
    return lambda batch, noise_dim: keras.random.normal((batch, noise_dim), seed=seed_generator)


def _fixed_seed(seed):  # the replica's id added to a fixed integer seed: the same noise at every call
    import keras
    import tensorflow as tf

    def noise(batch, noise_dim):
        replica = int(tf.distribute.get_replica_context().replica_id_in_sync_group)
        return keras.random.normal((batch, noise_dim), seed=seed + replica)

    return noise


def _unseeded(seed):  # no seed at all: different, but not reproducible
    import tensorflow as tf

    return lambda batch, noise_dim: tf.random.normal((batch, noise_dim))


def _shifted(seed):  # the replica's id added to the numbers instead of the seed
    import keras
    import tensorflow as tf

    seed_generator = keras.random.SeedGenerator(seed)

    def noise(batch, noise_dim):
        replica = tf.distribute.get_replica_context().replica_id_in_sync_group
        z = keras.random.normal((batch, noise_dim), seed=seed_generator)
        return z + tf.cast(replica, z.dtype)

    return noise


def _seedless_fold(seed):  # the replica folded in, but into a generator that ignores make_noise's seed
    return _solution(0)


_MISTAKES = [
    Mistake(_shared, IDENTICAL),
    Mistake(_fixed_seed, SAME_EVERY_CALL),
    Mistake(_unseeded, NOT_REPRODUCIBLE),
    Mistake(_seedless_fold, IGNORES_SEED),
    Mistake(_shifted, NOT_NORMAL),
]


@register("check_replica_noise", _solution, _MISTAKES)
@checker
def check_replica_noise(make_noise) -> None:
    """``make_noise(seed)`` must return ``noise(batch, noise_dim)`` that, run on two replicas, draws
    each replica its own standard normal noise, fresh at every call and reproducible for a seed."""
    _judge(make_noise)
