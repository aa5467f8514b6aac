"""Training on several devices (``tf.distribute``): what each replica of a GAN must do differently.

Data parallelism runs the same step on every device ("replica"), each on its slice of the global
batch, and sums their gradients before one update. A GAN's step draws random numbers (noise,
dropout masks, augmentation) from ``keras.random.SeedGenerator`` states that the replicas share:
left alone, every replica would draw the same numbers, and with N replicas the discriminator
would see N copies of the same fakes. Here each replica folds its id into what it draws; with
one replica (no strategy) nothing changes, number for number.

The losses are Keras' own: a mean over a replica's batch is divided by the number of replicas
(``sum_over_batch_size``), so the summed gradients are those of the global batch when it splits
evenly (``train`` requires that); the loss a replica reports is counted back up
(:class:`LossMean`), or ``fit`` would print it divided by the number of replicas.

BatchNorm layers of a GAN built under a strategy of several replicas are synchronised
(``synchronized=True``): their batch statistics are the global batch's, as on one device, at the
cost of a few all-reduces per layer and step; left per replica, N replicas would normalise by N
small batches and train another GAN than one device does (BigGAN synchronises them too).
The moving averages (BatchNorm's and the generator's, ``GAN.ema``) are then computed from the
same values on every replica.
"""

from __future__ import annotations

import functools

import keras
import tensorflow as tf


def replicas_in_sync() -> int:
    """How many replicas run the current step (1 outside a strategy)."""
    return tf.distribute.get_strategy().num_replicas_in_sync


class ReplicaSeedGenerator(keras.random.SeedGenerator):
    """A ``SeedGenerator`` whose draws differ from replica to replica.

    Its state advances as a plain one's (once per draw, whatever the number of replicas); when
    several replicas run the step, each folds its id into the seed it hands out
    (``tf.random.experimental.stateless_fold_in``), so the draws are reproducible for a seed and
    a device count. With one replica it hands out exactly what a plain ``SeedGenerator`` would.
    """

    def next(self, ordered=True):
        seed = super().next(ordered=ordered)
        context = tf.distribute.get_replica_context()
        if context is None or context.num_replicas_in_sync == 1:
            return seed
        replica = tf.cast(context.replica_id_in_sync_group, "int64")
        return tf.cast(tf.random.experimental.stateless_fold_in(tf.cast(seed, "int64"), replica), seed.dtype)


def make_replica_aware(model: keras.Model) -> None:
    """Let every layer's own random stream (a dropout layer's mask) differ between replicas,
    and synchronise BatchNorm's statistics when several replicas are in sync now.

    A layer's ``SeedGenerator`` becomes a :class:`ReplicaSeedGenerator` in place: the same
    object and state, so checkpoints and one-device numbers are unchanged.
    """
    several = replicas_in_sync() > 1
    for layer in _all_layers(model):
        generator = getattr(layer, "seed_generator", None)
        if type(generator) is keras.random.SeedGenerator:
            generator.__class__ = ReplicaSeedGenerator
        if several and isinstance(layer, keras.layers.BatchNormalization):
            layer.synchronized = True


def _all_layers(model):
    for layer in model.layers:
        yield layer
        if hasattr(layer, "layers"):  # a network inside the network
            yield from _all_layers(layer)


class LossMean(keras.metrics.Mean):
    """The mean of a loss over the steps of an epoch, as the global batch's loss.

    Under a strategy each replica's loss is its share of the global batch's (Keras divides a
    mean loss by the number of replicas, so that the summed gradients are right); the replicas'
    shares are summed into the total but each also counts one value, so it is multiplied back.
    """

    def update_state(self, values, sample_weight=None):
        n = replicas_in_sync()
        return super().update_state(values if n == 1 else values * n, sample_weight=sample_weight)


def split_cpu(devices: int) -> list[str]:
    """Make sure TensorFlow has ``devices`` CPU devices (splitting the CPU into logical ones);
    returns their names. Must run before TensorFlow sets up its devices (before the first
    tensor); ValueError naming the fix if it already has, with another number."""
    cpu = tf.config.list_physical_devices("CPU")[0]
    have = tf.config.get_logical_device_configuration(cpu)
    if (len(have) if have else 1) != devices:
        try:
            tf.config.set_logical_device_configuration(
                cpu, [tf.config.LogicalDeviceConfiguration()] * devices
            )
        except RuntimeError:
            raise ValueError(
                f"devices={devices} needs the CPU split into {devices} logical devices, but TensorFlow "
                "has already set up its devices in this process: call ganlib.replicas.split_cpu("
                f"{devices}) before anything else uses TensorFlow (restart the kernel first)."
            ) from None
    return [d.name for d in tf.config.list_logical_devices("CPU")]


@functools.cache
def strategy_for(devices: int) -> tf.distribute.Strategy:
    """A ``MirroredStrategy`` over ``devices`` devices: the first ``devices`` GPUs if there
    are that many, else the CPU split into ``devices`` logical devices (for learning and testing:
    they share the CPU's cores, so they are not faster than one).

    One strategy per device count and process: a second ``MirroredStrategy`` over the same
    devices numbers its all-reduces as the first did, and TensorFlow, which remembers each
    all-reduce by its number, refuses them ("Shape mismatch in the collective instance")."""
    gpus = tf.config.list_physical_devices("GPU")
    if len(gpus) >= devices:
        names = [d.name for d in tf.config.list_logical_devices("GPU")][:devices]
    elif gpus:
        raise ValueError(
            f"devices={devices}, but this machine has {len(gpus)} GPU(s); ask for at most that many."
        )
    else:
        return cpu_strategy(devices)
    return tf.distribute.MirroredStrategy(names)


@functools.cache
def cpu_strategy(devices: int) -> tf.distribute.Strategy:
    """A ``MirroredStrategy`` over the CPU split into ``devices`` logical devices, even where there
    are GPUs: for learning and testing what several replicas do (chapter 11). One per process, as
    :func:`strategy_for`'s (which uses it when there are no GPUs)."""
    return tf.distribute.MirroredStrategy(split_cpu(devices))


def difference_from_one_device(
    strategy: tf.distribute.Strategy, *, batch_norm: bool = False, steps: int = 3, batch: int = 16
) -> float:
    """Train the same small GAN for ``steps`` steps of ``batch`` images on one device and under
    ``strategy``, with the randomness made the same, and return the largest difference between
    their weights (both networks and the moving average).

    The same randomness: no dropout, and each image's noise read off the image itself (so it is
    the same however the batch is split); SGD, whose update is the gradient itself, so what is
    left is floating-point rounding — the sums run in another order — and, with BatchNorm,
    its synchronised statistics.
    """
    import threading

    import keras
    import numpy as np

    from ganlib.gan import GAN
    from ganlib.models import build_discriminator, build_generator

    class GivenNoise(GAN):
        local = threading.local()  # MirroredStrategy runs each replica's step in its own thread

        def train_step(self, data):
            self.local.real, self.local.calls = data, 0
            return super().train_step(data)

        def _noise(self, size):
            self.local.calls += 1
            start = 100 * self.local.calls
            return keras.ops.reshape(self.local.real, (-1, 784))[:, start : start + self.noise_dim]

    def make():
        keras.utils.set_random_seed(0)
        gan = GivenNoise(build_generator(16, batch_norm=batch_norm), build_discriminator(0.0), ema=0.99)
        gan.compile(keras.optimizers.SGD(0.05), keras.optimizers.SGD(0.05))
        return gan

    images = np.random.default_rng(0).uniform(-1, 1, (steps * batch, 28, 28, 1)).astype("float32")
    dataset = tf.data.Dataset.from_tensor_slices(images).batch(batch)
    one = make()
    one.fit(dataset, epochs=1, verbose=0, shuffle=False)
    with strategy.scope():
        several = make()
    several.fit(dataset, epochs=1, verbose=0, shuffle=False)
    return max(float(np.max(np.abs(a - b))) for a, b in zip(one.get_weights(), several.get_weights()))


def replica_strategy(devices: int | None, strategy, batch_size: int) -> tf.distribute.Strategy | None:
    """``train``'s ``devices`` / ``strategy`` as the strategy to build the GAN under (None: one
    device, no strategy), checking that each batch splits evenly over the replicas."""
    from ganlib.validate import positive_int

    if strategy is not None:
        if devices is not None:
            raise ValueError("Give devices= or strategy=, not both.")
        if not isinstance(strategy, tf.distribute.Strategy):
            raise ValueError(f"strategy must be a tf.distribute strategy, got {type(strategy).__name__}.")
    elif devices is None or positive_int("devices", devices) == 1:
        return None
    else:
        strategy = strategy_for(devices)
    n = strategy.num_replicas_in_sync
    if batch_size % n:
        raise ValueError(
            f"batch_size {batch_size} does not split evenly over {n} devices; use a multiple of {n} "
            f"(each device trains on batch_size / {n} images of every batch)."
        )
    return strategy
