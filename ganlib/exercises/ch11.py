"""Checker for chapter 11: each replica's own noise, judged on two devices by what it draws."""

import keras
import numpy as np
import tensorflow as tf

from ganlib.exercises._core import N_, Mistake, call, checker, fail, ok, register
from ganlib.replicas import cpu_strategy

__all__ = ["check_replica_noise"]

SHAPE, SEED = (64, 8), 3  # noise(batch, noise_dim), make_noise(seed)
IDENTICAL = N_(
    "Both replicas drew the same noise: the seed generator is shared, so every replica gets the same "
    "seed and the discriminator sees the same fakes twice. Fold the replica's id "
    "(tf.distribute.get_replica_context().replica_id_in_sync_group) into the seed of each draw."
)
AGAIN = N_("A replica drew the same noise at both calls: take each draw's seed from seed_generator.next().")
UNSEEDED = N_("make_noise({seed}) drew other noise the second time: draw with a seed from the SeedGenerator.")
IGNORES_SEED = N_("make_noise({seed}) and make_noise({other}) drew the same noise: the seed must decide it.")
NOT_NORMAL = N_("Replica {replica}'s noise: mean {mean}, deviation {std}. Fold its id into the seed, not z.")
RIGHT = N_(
    "Right: on two devices each replica draws its own standard normal noise, fresh at every call, and "
    "make_noise({seed}) draws the same again."
)


def _solution(seed, fold=True, moving=True, seeded=True, shift=False):
    """make_noise(seed) → noise(batch, noise_dim) as the chapter writes it; switches make known mistakes."""
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
    Mistake(lambda seed: _solution(seed, fold=False), IDENTICAL),  # the page's stub: one seed for all
    Mistake(lambda seed: _solution(seed, moving=False), AGAIN),
    Mistake(lambda seed: _solution(seed, seeded=False), UNSEEDED),
    Mistake(lambda seed: _solution(0), IGNORES_SEED),
    Mistake(lambda seed: _solution(seed, fold=False, shift=True), NOT_NORMAL),  # the id added to the noise
]


def _draws(make_noise, seed: int) -> np.ndarray:
    """Two calls of the student's noise on two replicas: draws[call, replica]."""
    if len(tf.config.list_logical_devices("CPU")) < 2:
        fail("This check needs two devices: restart the kernel and run the chapter's first cell first.")
    with (strategy := cpu_strategy(2)).scope():
        noise = call(make_noise, seed)
    if not callable(noise):
        fail("make_noise(seed) gave {kind}, not a function noise(batch, dim).", kind=type(noise).__name__)
    runs = [call(strategy.run, lambda: noise(*SHAPE), shown=f"noise{SHAPE} on two devices") for _ in range(2)]
    draws = [[np.asarray(x) for x in strategy.experimental_local_results(run)] for run in runs]
    if (shapes := {x.shape for run in draws for x in run}) != {SHAPE}:
        fail("noise{shape} must give each replica the shape {shape}; got {got}.", shape=SHAPE, got=shapes)
    return np.asarray(draws)


@register("check_replica_noise", _solution, _MISTAKES)
@checker
def check_replica_noise(make_noise) -> None:
    """``make_noise(seed)`` must return ``noise(batch, noise_dim)`` drawing each replica its own standard
    normal noise, fresh at every call and the same again for the same seed."""
    draws = _draws(make_noise, SEED)
    if np.array_equal(*draws[0]):
        fail(IDENTICAL)
    if np.array_equal(draws[0, 0], draws[1, 0]) or np.array_equal(draws[0, 1], draws[1, 1]):
        fail(AGAIN)
    if not np.array_equal(draws, _draws(make_noise, SEED)):
        fail(UNSEEDED, seed=SEED)
    if np.array_equal(draws, _draws(make_noise, SEED + 1)):
        fail(IGNORES_SEED, seed=SEED, other=SEED + 1)
    for i, replica in enumerate(draws[0]):  # 512 numbers: mean within ±0.25, deviation 0.8–1.2
        if abs(mean := replica.mean()) > 0.25 or not 0.8 < (std := replica.std()) < 1.2:
            fail(NOT_NORMAL, replica=i, mean=round(float(mean), 2), std=round(float(std), 2))
    ok(RIGHT, seed=SEED)
