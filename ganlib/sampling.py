"""Noise in, digits out: seeded Gaussian noise, generation and latent interpolation."""

from __future__ import annotations

import keras
import numpy as np

from ganlib.config import NOISE_DIM
from ganlib.models import check_noise_dim, is_conditional, noise_dim_of
from ganlib.validate import digit_labels, finite_array, pixel_images, positive_int, random_seed


def noise(n: int, noise_dim: int = NOISE_DIM, seed: int | None = None) -> np.ndarray:
    """float32 ``(n, noise_dim)`` drawn from N(0, 1); the same seed gives the same noise.

    ``seed``: a non-negative integer, or None for fresh noise on every call.
    """
    n = positive_int("n (how many noise vectors)", n)
    noise_dim = check_noise_dim(noise_dim)
    rng = np.random.default_rng(random_seed("seed", seed))
    return rng.standard_normal((n, noise_dim), dtype=np.float32)


def every_digit(n: int) -> np.ndarray:
    """int32 ``[0, 1, …, 9, 0, 1, …]`` of length n: a conditional generator asked for each digit
    equally often (its measures, its fixed-noise grids)."""
    return np.arange(positive_int("n", n), dtype=np.int32) % 10


def generate(generator: keras.Model, z: np.ndarray, digits=None, batch_size: int = 256) -> np.ndarray:
    """Images float32 ``(n, 28, 28, 1)`` in [-1, 1] for noise ``z`` of shape ``(n, noise_dim)``.

    A conditional generator (chapter 09) also needs ``digits``: one digit 0–9 per noise
    vector, or a single digit for all (``digits=7``, ``digits=[0, 1, 2]``, ``digits="012"``).
    """
    z = finite_array("z (the noise)", z, hint="; make noise with ganlib.sampling.noise")
    batch_size = positive_int("batch_size", batch_size)
    expected = noise_dim_of(generator)
    if z.ndim == 1:
        z = z[np.newaxis]
    if z.ndim != 2 or z.shape[1] != expected:
        raise ValueError(
            f"Noise of shape {z.shape} does not fit this generator, which expects "
            f"(n, {expected}); make it with ganlib.sampling.noise(n, noise_dim={expected})."
        )
    if len(z) == 0:
        raise ValueError(
            f"No noise vectors: z has shape {z.shape}; make at least one with "
            f"ganlib.sampling.noise(n, noise_dim={expected})."
        )
    if is_conditional(generator):
        if digits is None:
            raise ValueError(
                "This generator draws the digit you ask for: pass digits= (one digit 0–9 per "
                "noise vector, e.g. digits=np.arange(len(z)) % 10, or one digit for all)."
            )
        digits = digit_labels("digits", digits, n=len(z))

        def run(i):
            return generator([z[i : i + batch_size], digits[i : i + batch_size]], training=False)
    else:
        if digits is not None:
            raise ValueError(
                "This generator was trained without digit labels, so it cannot be asked for a digit: "
                "drop digits=, or use a conditional generator (chapter 09: "
                "ganlib.pretrained.load_conditional_generator())."
            )

        def run(i):
            return generator(z[i : i + batch_size], training=False)

    out = [keras.ops.convert_to_numpy(run(i)) for i in range(0, len(z), batch_size)]
    return np.concatenate(out).astype(np.float32)


def blend_digits(generator: keras.Model, z: np.ndarray, a: int, b: int, steps: int = 10) -> np.ndarray:
    """Images on the way from digit ``a`` to digit ``b`` for one noise vector ``z``.

    A conditional generator reads its digit as a one-hot vector; here it reads ``steps``
    mixtures ``(1 − t)·onehot(a) + t·onehot(b)``, t from 0 to 1 (both ends included), all
    with the same noise. The ends are the digits ``a`` and ``b`` exactly; the mixtures in
    between are inputs the generator never saw in training.
    """
    if not is_conditional(generator):
        raise ValueError("blend_digits needs a conditional generator (chapter 09).")
    a, b = (int(d) for d in digit_labels("a and b", [a, b]))
    steps = positive_int("steps", steps, minimum=2, hint=" (both ends are included)")
    z = finite_array("z (the noise)", z, hint="; make noise with ganlib.sampling.noise").reshape(1, -1)
    if z.shape[1] != noise_dim_of(generator):
        raise ValueError(f"z has {z.shape[1]} numbers but this generator expects {noise_dim_of(generator)}.")
    t = np.linspace(0.0, 1.0, steps, dtype=np.float32)[:, None]
    codes = (1 - t) * np.eye(10, dtype=np.float32)[a] + t * np.eye(10, dtype=np.float32)[b]
    # The generator's layers after its one-hot encoding, fed the mixed codes directly.
    joined = generator.get_layer("noise_and_digit")
    after = generator.layers[generator.layers.index(joined) + 1 :]
    x = joined([keras.ops.convert_to_tensor(np.repeat(z, steps, axis=0)), keras.ops.convert_to_tensor(codes)])
    for layer in after:
        x = layer(x, training=False)
    return keras.ops.convert_to_numpy(x).astype(np.float32)


def interpolate(z0: np.ndarray, z1: np.ndarray, steps: int = 10, method: str = "linear") -> np.ndarray:
    """``steps`` noise vectors from z0 to z1 (both ends included).

    method ``"linear"`` walks the straight line; ``"slerp"`` walks the great circle,
    which keeps the vectors at the typical length of Gaussian noise.
    """
    hint = "; pass finite noise vectors, e.g. from ganlib.sampling.noise"
    z0, z1 = finite_array("z0", z0, hint=hint), finite_array("z1", z1, hint=hint)
    for name, z in (("z0", z0), ("z1", z1)):
        if z.ndim > 1 and len(z) != 1 or z.ndim > 2 or z.size == 0:
            raise ValueError(
                f"{name} must be one noise vector, shape (noise_dim,) or (1, noise_dim), got {z.shape}; "
                "interpolate between two vectors, e.g. z[0] and z[1] of ganlib.sampling.noise(2)."
            )
    z0, z1 = z0.reshape(-1), z1.reshape(-1)
    if z0.shape != z1.shape:
        raise ValueError(f"z0 and z1 must have the same length, got {z0.shape} and {z1.shape}.")
    steps = positive_int("steps", steps, minimum=2, hint=" (both ends are included)")
    t = np.linspace(0.0, 1.0, steps, dtype=np.float32)[:, None]
    if method == "linear":
        return (1 - t) * z0 + t * z1
    if method == "slerp":
        lengths = np.linalg.norm(z0) * np.linalg.norm(z1)
        cos = np.dot(z0, z1) / lengths if lengths > 0 else 1.0
        omega = np.arccos(np.clip(cos, -1.0, 1.0))
        if omega < 1e-6:  # (nearly) the same direction, or a zero vector: the line is the arc
            return (1 - t) * z0 + t * z1
        return (np.sin((1 - t) * omega) * z0 + np.sin(t * omega) * z1) / np.sin(omega)
    raise ValueError(f"method must be 'linear' or 'slerp', got {method!r}.")


def to_uint8(images: np.ndarray) -> np.ndarray:
    """Images in [-1, 1] → uint8 ``(n, 28, 28)`` pixels 0..255 (the inverse of data.from_uint8)."""
    hint = "; to_uint8 needs finite pixels in [-1, 1] (NaN from a generator: its training diverged)"
    images = pixel_images("images", images, hint=hint, digits_shape=False, unit_ok=True)
    if images.ndim == 4:
        images = images[..., 0]
    return np.clip(np.rint(images * 127.5 + 127.5), 0, 255).astype(np.uint8)


def nearest_real(samples: np.ndarray, real_images: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each sample, the index of the closest real image (Euclidean, pixel space) and its distance.

    ``samples`` are generator outputs in [-1, 1]; ``real_images`` are uint8 digits from
    load_mnist or scaled floats. Use it to check that samples are imagined, not copied.
    """
    real = pixel_images("real_images", real_images)
    a = pixel_images("samples", samples, unit_ok=True).reshape(len(samples), -1)
    b = real.reshape(len(real), -1)
    if a.shape[1] != b.shape[1]:
        raise ValueError(f"Samples have {a.shape[1]} pixels but real images have {b.shape[1]}.")
    d2 = (a**2).sum(1)[:, None] - 2 * a @ b.T + (b**2).sum(1)[None, :]
    idx = d2.argmin(1)
    return idx, np.sqrt(np.maximum(d2[np.arange(len(a)), idx], 0.0))
