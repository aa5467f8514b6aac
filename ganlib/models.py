"""The post's DCGAN-style model, layer for layer, in Keras 3 (channels last).

Generator:  noise (noise_dim) → Dense 128·7·7 → LeakyReLU 0.2 → Reshape 7×7×128
            → UpSampling2D 2 → Conv2D 64 5×5 → LeakyReLU 0.2
            → UpSampling2D 2 → Conv2D 1 5×5 tanh → image 28×28×1 in [-1, 1].
            With ``batch_norm=True`` a BatchNormalization layer sits before each LeakyReLU
            (a DCGAN guideline of Radford et al. 2016 that the post leaves out).
Discriminator: image 28×28×1 → Conv2D 64 5×5/2 → LeakyReLU 0.2 → Dropout 0.3
            → Conv2D 128 5×5/2 → LeakyReLU 0.2 → Dropout 0.3 → Flatten → Dense 1 sigmoid.
"""

from __future__ import annotations

import os

import keras
import tensorflow as tf
from keras import layers

IMAGE_SHAPE = (28, 28, 1)
DEFAULT_NOISE_DIM = 200
_DENSE_UNITS = 128 * 7 * 7


def _leaky_relu_reading_its_output(slope: float):
    """LeakyReLU(slope) for tensors, with the gradient computed from the output.

    Same values and gradients as TensorFlow's own op, bit for bit: for slope ≥ 0 the output
    is positive exactly where the input is, and LeakyReluGrad only asks "positive or not".
    """

    @tf.custom_gradient
    def leaky_relu(x):
        y = tf.nn.leaky_relu(x, alpha=slope)
        return y, lambda dy: tf.raw_ops.LeakyReluGrad(gradients=dy, features=y, alpha=slope)

    return leaky_relu


def leaky_relu_layer(negative_slope: float = 0.2) -> layers.LeakyReLU:
    """A plain ``keras.layers.LeakyReLU`` whose gradient reads its output, not its input.

    TensorFlow's stock gradient reads the activation's input, so in a training graph the
    convolution before it has a second consumer. TensorFlow 2.21's grappler remapper fuses
    the activation into that convolution anyway, deletes the node the gradient still reads,
    and gives up with "remapper failed: … LeakyReluGrad exist for missing node …/BiasAdd".
    Reading the output leaves the convolution a single consumer, so grappler fuses
    Conv2D + bias + LeakyReLU legally. Layer type, name, config and numbers are unchanged.
    """
    layer = layers.LeakyReLU(negative_slope=negative_slope)
    layer.call = _leaky_relu_reading_its_output(float(negative_slope))
    return layer


def check_noise_dim(noise_dim: int) -> int:
    """Return noise_dim if it is a positive integer, else raise a ValueError saying so."""
    if isinstance(noise_dim, bool) or not isinstance(noise_dim, int) or noise_dim <= 0:
        raise ValueError(f"noise_dim must be a positive integer (the post uses 200), got {noise_dim!r}.")
    return noise_dim


def build_generator(noise_dim: int = DEFAULT_NOISE_DIM, batch_norm: bool = False) -> keras.Model:
    """Noise vector of length noise_dim → 28×28×1 image in [-1, 1] (1,467,137 params at 200).

    ``batch_norm=True`` adds BatchNormalization before both LeakyReLUs (+25,344 params,
    half of them non-trainable running statistics); the default is the post's network.
    """
    check_noise_dim(noise_dim)
    if not isinstance(batch_norm, bool):
        raise ValueError(f"batch_norm must be True or False, got {batch_norm!r}.")

    def norm():
        return [layers.BatchNormalization()] if batch_norm else []

    return keras.Sequential(
        [
            keras.Input(shape=(noise_dim,), name="noise"),
            layers.Dense(
                _DENSE_UNITS,
                kernel_initializer=keras.initializers.RandomNormal(stddev=0.02),
            ),
            *norm(),
            leaky_relu_layer(0.2),
            layers.Reshape((7, 7, 128)),
            layers.UpSampling2D(size=2),
            layers.Conv2D(64, kernel_size=5, padding="same"),
            *norm(),
            leaky_relu_layer(0.2),
            layers.UpSampling2D(size=2),
            layers.Conv2D(1, kernel_size=5, padding="same", activation="tanh"),
        ],
        name="generator",
    )


def has_batch_norm(generator: keras.Model) -> bool:
    """True if the generator was built with ``batch_norm=True``."""
    return any(isinstance(layer, layers.BatchNormalization) for layer in generator.layers)


def build_discriminator(dropout: float = 0.3) -> keras.Model:
    """28×28×1 image → probability that it is real (212,865 params)."""
    if not 0.0 <= dropout < 1.0:
        raise ValueError(f"dropout must be in [0, 1) (the post uses 0.3), got {dropout!r}.")
    return keras.Sequential(
        [
            keras.Input(shape=IMAGE_SHAPE, name="image"),
            layers.Conv2D(
                64,
                kernel_size=5,
                strides=2,
                padding="same",
                kernel_initializer=keras.initializers.RandomNormal(stddev=0.02),
            ),
            leaky_relu_layer(0.2),
            layers.Dropout(dropout),
            layers.Conv2D(128, kernel_size=5, strides=2, padding="same"),
            leaky_relu_layer(0.2),
            layers.Dropout(dropout),
            layers.Flatten(),
            layers.Dense(1, activation="sigmoid"),
        ],
        name="discriminator",
    )


def noise_dim_of(generator: keras.Model) -> int:
    """The length of the noise vector a generator expects."""
    return int(generator.input_shape[-1])


def weights_noise_dim(path: str | os.PathLike) -> int | None:
    """Noise size a generator weights file was made for (rows of its Dense kernel)."""
    return _weights_facts(path)[0]


def weights_batch_norm(path: str | os.PathLike) -> bool:
    """True if a generator weights file holds BatchNormalization layers."""
    return _weights_facts(path)[1]


def _weights_facts(path) -> tuple[int | None, bool]:
    import h5py

    found: list[int] = []
    norms: list[str] = []

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset) and obj.ndim == 2 and obj.shape[1] == _DENSE_UNITS:
            found.append(int(obj.shape[0]))
        if "batch_normalization" in name:
            norms.append(name)

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return (found[0] if found else None), bool(norms)


def generator_for_weights(path: str | os.PathLike) -> keras.Model:
    """A generator built to fit a ``*.weights.h5`` file (noise size, BatchNorm), weights loaded."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise ValueError(f"No weights file at {path!r}; train first (python -m ganlib train).")
    if not path.endswith(".weights.h5"):
        return load_generator_weights(build_generator(), path)  # explains the file name
    noise_dim, batch_norm = _weights_facts(path)
    return load_generator_weights(build_generator(noise_dim or DEFAULT_NOISE_DIM, batch_norm), path)


def load_generator_weights(generator: keras.Model, path: str | os.PathLike) -> keras.Model:
    """Load ``*.weights.h5`` into generator, explaining a noise-size mismatch."""
    path = os.fspath(path)
    if not os.path.isfile(path):
        raise ValueError(f"No weights file at {path!r}; train first (python -m ganlib train).")
    if not path.endswith(".weights.h5"):
        raise ValueError(
            f"{path!r}: Keras 3 weights files end in '.weights.h5' "
            "(Keras 2 '.h5' files from the original post do not load here)."
        )
    expected = noise_dim_of(generator)
    stored, stored_norm = _weights_facts(path)
    if stored is not None and stored != expected:
        raise ValueError(
            f"These weights were made for noise_dim={stored}, but the generator expects "
            f"noise_dim={expected}. Build it with build_generator(noise_dim={stored})."
        )
    if stored_norm != has_batch_norm(generator):
        raise ValueError(
            f"These weights are for a generator {'with' if stored_norm else 'without'} BatchNorm; "
            f"build it with build_generator(..., batch_norm={stored_norm}) "
            "or use ganlib.models.generator_for_weights(path)."
        )
    generator.load_weights(path)
    return generator
