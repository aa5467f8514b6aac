"""Checker for chapter 11: the noise of a hand-written step, each replica its own, judged on two devices
(the chapter's first cell splits the CPU in two) by what it draws, never by its source."""

import numpy as np

from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, register

__all__ = ["check_replica_noise"]

BATCH, NOISE_DIM, SEED = 64, 8, 3

NEEDS_TWO = N_("This check needs two devices: restart the kernel and run the chapter's first cell first.")
NOT_A_FUNCTION = N_("make_noise(seed) must return a function noise(batch, noise_dim); it returned {kind}.")
WRONG_SHAPE = N_("noise({batch}, {dim}) should give each replica an array of shape {want}, got {got}.")
IDENTICAL = N_(
    "Both replicas drew the same noise: the seed generator is shared, so every replica gets the same "
    "seed and the discriminator sees the same fakes twice. Fold the replica's id "
    "(tf.distribute.get_replica_context().replica_id_in_sync_group) into the seed of each draw."
)
SAME_EVERY_CALL = N_(
    "Each replica draws the same noise at every call: take each draw's seed from seed_generator.next()."
)
NOT_REPRODUCIBLE = N_(
    "make_noise({seed}) drew other noise the second time: draw with a seed made from the SeedGenerator."
)
IGNORES_SEED = N_(
    "make_noise({seed}) and make_noise({other}) drew the same noise: the seed must decide the draws."
)
NOT_NORMAL = N_(
    "Replica {replica}'s noise has mean {mean} and deviation {std}: fold the replica's id into the seed, "
    "not into the numbers."
)
RIGHT = N_(
    "Right: on two devices each replica draws its own standard normal noise, fresh at every call, and "
    "make_noise({seed}) draws the same again."
)


def _draws(make_noise, seed: int, calls: int = 2) -> list[list[np.ndarray]]:
    """``calls`` draws of the student's noise on two replicas: draws[call][replica]."""
    import tensorflow as tf

    from ganlib.replicas import cpu_strategy

    if len(tf.config.list_logical_devices("CPU")) < 2:
        fail(NEEDS_TWO)
    strategy = cpu_strategy(2)
    with strategy.scope():
        noise = call(make_noise, seed)
    if not callable(noise):
        fail(NOT_A_FUNCTION, kind=type(noise).__name__)
    shown = f"noise({BATCH}, {NOISE_DIM}) on two devices"
    per_call = [call(strategy.run, lambda: noise(BATCH, NOISE_DIM), shown=shown) for _ in range(calls)]
    return [[np.asarray(t) for t in strategy.experimental_local_results(d)] for d in per_call]


def _solution(seed, fold=True, moving=True, seeded=True, shift=False):
    """make_noise(seed) → noise(batch, noise_dim) as the chapter writes it; switches make known mistakes."""
    import keras
    import tensorflow as tf

    seed_generator = keras.random.SeedGenerator(seed)

    def noise(batch, noise_dim):
        replica = tf.distribute.get_replica_context().replica_id_in_sync_group
        if not seeded:
            return tf.random.normal((batch, noise_dim))
        step_seed = tf.cast(seed_generator.next() if moving else [seed, 0], "int64")  # moves on at every draw
        own = tf.random.experimental.stateless_fold_in(step_seed, replica) if fold else step_seed
        z = tf.random.stateless_normal((batch, noise_dim), seed=own)
        return z + tf.cast(replica, z.dtype) if shift else z

    return noise


_MISTAKES = [
    Mistake(
        lambda seed: _solution(seed, fold=False), IDENTICAL
    ),  # the page's stub: one seed for all replicas
    Mistake(
        lambda seed: _solution(seed, moving=False), SAME_EVERY_CALL
    ),  # a fixed seed with the replica's id
    Mistake(lambda seed: _solution(seed, seeded=False), NOT_REPRODUCIBLE),
    Mistake(lambda seed: _solution(0), IGNORES_SEED),
    Mistake(
        lambda seed: _solution(seed, fold=False, shift=True), NOT_NORMAL
    ),  # the replica's id in the numbers
]


@register("check_replica_noise", _solution, _MISTAKES)
@checker
def check_replica_noise(make_noise) -> None:
    """``make_noise(seed)`` must return ``noise(batch, noise_dim)`` drawing each replica its own standard
    normal noise, fresh at every call and the same again for the same seed."""
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
