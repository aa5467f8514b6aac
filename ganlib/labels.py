"""The targets we make ourselves: real → 1 (smoothed to 0.9), fake → 0.

MNIST's own digit labels (0–9) are not targets: the post's GAN never uses them, and chapter 09's
conditional GAN uses them only as its condition (an input to both networks).
"""

from __future__ import annotations

import sys

import numpy as np

from ganlib.config import BATCH_SIZE
from ganlib.validate import in_range, positive_int


def check_batch_size(batch_size: int, name: str = "batch_size") -> int:
    """Return batch_size (as an int) if it is a positive integer, else raise a ValueError saying so.

    ``name`` is the argument the message names (the command line passes ``--batch-size``).
    """
    return positive_int(name, batch_size, hint=f" (the post uses {BATCH_SIZE})")


def check_smoothing(smoothing: float) -> float:
    """Return smoothing if it is a number in (0, 1] (not a bool), else raise a ValueError saying so."""
    hint = " (1.0 means no smoothing; the post uses 0.9)"
    return in_range("smoothing", smoothing, 0, 1, low_open=True, hint=hint)


def discriminator_targets(batch_size: int, smoothing: float = 0.9) -> np.ndarray:
    """float32 ``(2*batch_size,)``: ``smoothing`` for the real half, then 0 for the fake half.

    The order matches ``concat([real_images, fake_images])``. The training step
    (``GAN.discriminator_step``) calls this too; there the batch size is a tensor (a
    ``tf.data`` batch has no fixed size while the step is traced) and so is the result.
    """
    s = check_smoothing(smoothing)
    if _is_tensor(batch_size):
        from keras import ops

        return ops.concatenate([ops.full((batch_size,), s), ops.zeros((batch_size,))])
    n = check_batch_size(batch_size)
    return np.concatenate([np.full(n, s, np.float32), np.zeros(n, np.float32)])


def generator_targets(batch_size: int) -> np.ndarray:
    """float32 ones ``(batch_size,)``: the generator wants its fakes called real (a tensor
    when ``batch_size`` is one, as in ``GAN.generator_step``)."""
    if _is_tensor(batch_size):
        from keras import ops

        return ops.ones((batch_size,))
    return np.ones(check_batch_size(batch_size), np.float32)


def _is_tensor(value) -> bool:
    """A TensorFlow tensor (the batch size inside a traced step), without importing TensorFlow."""
    tf = sys.modules.get("tensorflow")
    return tf is not None and tf.is_tensor(value)


def discriminator_batch(
    real: np.ndarray, fake: np.ndarray, smoothing: float = 0.9
) -> tuple[np.ndarray, np.ndarray]:
    """``(concat([real, fake]), discriminator_targets(n, smoothing))``: one training batch for the police.

    ``real`` and ``fake`` are float images of the same shape, e.g. ``(n, 28, 28, 1)``.
    """
    real = np.asarray(real, np.float32)
    fake = np.asarray(fake, np.float32)
    if real.shape != fake.shape:
        raise ValueError(
            f"real {real.shape} and fake {fake.shape} must have the same shape: "
            "make as many fakes as there are real images."
        )
    return np.concatenate([real, fake]), discriminator_targets(len(real), smoothing)
