"""The post's DCGAN-style model, layer for layer, in Keras 3 (channels last).

Generator:  noise (noise_dim) → Dense 128·7·7 → LeakyReLU 0.2 → Reshape 7×7×128
            → UpSampling2D 2 → Conv2D 64 5×5 → LeakyReLU 0.2
            → UpSampling2D 2 → Conv2D 1 5×5 tanh → image 28×28×1 in [-1, 1].
            With ``batch_norm=True`` a BatchNormalization layer sits before each LeakyReLU
            (a DCGAN guideline of Radford et al. 2016 that the post leaves out).
Discriminator: image 28×28×1 → Conv2D 64 5×5/2 → LeakyReLU 0.2 → Dropout 0.3
            → Conv2D 128 5×5/2 → LeakyReLU 0.2 → Dropout 0.3 → Flatten → Dense 1 sigmoid.

Conditional versions (chapter 09, Mirza & Osindero 2014) take a digit 0–9 as a second input
and see it as a one-hot vector: the generator joins it to the noise (noise_dim + 10 numbers
into the same Dense layer), the discriminator joins it to the image as ten constant 28×28
channels (28×28×11 into the same first convolution). The rest is the networks above.
"""

from __future__ import annotations

import os
from pathlib import Path

import keras
import numpy as np
import tensorflow as tf
from keras import layers

from ganlib import integrity
from ganlib.config import IMAGE_SHAPE, NOISE_DIM
from ganlib.validate import RunError, in_range, positive_int

#: Largest noise size accepted: 50 times the post's 200. A generator's first Dense layer has
#: noise_dim × 6,272 weights, so 10,000 is already 250 MB of float32; sizes far beyond it only
#: exhaust memory.
MAX_NOISE_DIM = 10_000
#: Digits a conditional network knows (MNIST's labels 0–9).
N_DIGITS = 10
_DENSE_UNITS = 128 * 7 * 7
_ONE_HOT = "category_encoding"  # the layer (and weights-file entry) of a conditional network


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


@keras.saving.register_keras_serializable(package="ganlib")
class LeakyReLU(layers.LeakyReLU):
    """``keras.layers.LeakyReLU`` whose gradient reads its output, not its input.

    TensorFlow's stock gradient reads the activation's input, so in a training graph the
    convolution before it has a second consumer. TensorFlow 2.21's grappler remapper fuses
    the activation into that convolution anyway, deletes the node the gradient still reads,
    and gives up with "remapper failed: … LeakyReluGrad exist for missing node …/BiasAdd".
    Reading the output leaves the convolution a single consumer, so grappler fuses
    Conv2D + bias + LeakyReLU legally. Values, gradients, config and weights are Keras' own;
    being a registered class (not a patched instance), it survives ``keras.models.clone_model``
    and a ``.keras`` file.
    """

    def call(self, inputs):
        return _leaky_relu_reading_its_output(float(self.negative_slope))(inputs)


def leaky_relu_layer(negative_slope: float = 0.2) -> LeakyReLU:
    """ganlib's :class:`LeakyReLU` with slope ``negative_slope`` (the post's 0.2)."""
    return LeakyReLU(negative_slope=negative_slope)


def check_noise_dim(noise_dim: int, name: str = "noise_dim") -> int:
    """Return noise_dim (as an int) if it is an integer in 1..MAX_NOISE_DIM, else raise a ValueError.

    ``name`` is the argument the message names (the command line passes ``--noise-dim``).
    """
    return positive_int(name, noise_dim, maximum=MAX_NOISE_DIM, hint=f" (the post uses {NOISE_DIM})")


def _generator_layers(batch_norm: bool) -> list[layers.Layer]:
    """The post's generator after its input: Dense → … → Conv2D tanh (BatchNorm if asked)."""
    if not isinstance(batch_norm, bool):
        raise ValueError(f"batch_norm must be True or False, got {batch_norm!r}.")

    def norm():
        return [layers.BatchNormalization()] if batch_norm else []

    return [
        layers.Dense(_DENSE_UNITS, kernel_initializer=keras.initializers.RandomNormal(stddev=0.02)),
        *norm(),
        leaky_relu_layer(0.2),
        layers.Reshape((7, 7, 128)),
        layers.UpSampling2D(size=2),
        layers.Conv2D(64, kernel_size=5, padding="same"),
        *norm(),
        leaky_relu_layer(0.2),
        layers.UpSampling2D(size=2),
        layers.Conv2D(1, kernel_size=5, padding="same", activation="tanh"),
    ]


def build_generator(noise_dim: int = NOISE_DIM, batch_norm: bool = False) -> keras.Model:
    """Noise vector of length noise_dim → 28×28×1 image in [-1, 1] (1,467,137 params at 200).

    ``batch_norm=True`` adds BatchNormalization before both LeakyReLUs (+25,344 params,
    half of them non-trainable running statistics); the default is the post's network.
    """
    noise_dim = check_noise_dim(noise_dim)
    return keras.Sequential(
        [keras.Input(shape=(noise_dim,), name="noise"), *_generator_layers(batch_norm)],
        name="generator",
    )


def _one_hot(digit):
    return layers.CategoryEncoding(N_DIGITS, output_mode="one_hot", name=_ONE_HOT)(digit)


def build_conditional_generator(noise_dim: int = NOISE_DIM, batch_norm: bool = False) -> keras.Model:
    """[noise (n, noise_dim), digit (n,) int] → 28×28×1 image of that digit in [-1, 1].

    The digit enters as a one-hot vector joined to the noise; the rest is the post's generator
    (its Dense layer reads noise_dim + 10 numbers: 1,529,857 params at 200).
    """
    noise_dim = check_noise_dim(noise_dim)
    body = _generator_layers(batch_norm)
    z = keras.Input(shape=(noise_dim,), name="noise")
    digit = keras.Input(shape=(), dtype="int32", name="digit")
    x = layers.Concatenate(name="noise_and_digit")([z, _one_hot(digit)])
    for layer in body:
        x = layer(x)
    return keras.Model([z, digit], x, name="conditional_generator")


def is_conditional(model: keras.Model) -> bool:
    """True for a network that takes a digit as its second input (chapter 09)."""
    return len(model.inputs) == 2


def has_batch_norm(generator: keras.Model) -> bool:
    """True if the generator was built with ``batch_norm=True``."""
    return any(isinstance(layer, layers.BatchNormalization) for layer in generator.layers)


def _check_dropout(dropout) -> float:
    return in_range("dropout", dropout, 0, 1, high_open=True, hint=" (the post uses 0.3)")


def _discriminator_layers(dropout: float) -> list[layers.Layer]:
    return [
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
    ]


def build_discriminator(dropout: float = 0.3) -> keras.Model:
    """28×28×1 image → probability that it is real (212,865 params)."""
    dropout = _check_dropout(dropout)
    return keras.Sequential(
        [keras.Input(shape=IMAGE_SHAPE, name="image"), *_discriminator_layers(dropout)],
        name="discriminator",
    )


def build_conditional_discriminator(dropout: float = 0.3) -> keras.Model:
    """[image (n, 28, 28, 1), digit (n,) int] → probability that the image is a real digit
    *and* the one named (228,865 params).

    The digit enters as ten constant 28×28 channels (its one-hot vector, spread over the
    image) joined to the image, so the first convolution reads 28×28×11.
    """
    dropout = _check_dropout(dropout)
    image = keras.Input(shape=IMAGE_SHAPE, name="image")
    digit = keras.Input(shape=(), dtype="int32", name="digit")
    maps = layers.Reshape((1, 1, N_DIGITS))(_one_hot(digit))
    maps = layers.UpSampling2D(size=IMAGE_SHAPE[:2])(maps)
    x = layers.Concatenate(name="image_and_digit")([image, maps])
    for layer in _discriminator_layers(dropout):
        x = layer(x)
    return keras.Model([image, digit], x, name="conditional_discriminator")


def image_shape_of(model: keras.Model, output: bool = False) -> tuple:
    """Shape of one image a network reads (a discriminator) or, with ``output=True``, makes."""
    shape = model.output_shape if output else model.input_shape
    return tuple((shape[0] if isinstance(shape, list) else shape)[1:])


def noise_dim_of(generator: keras.Model) -> int:
    """The length of the noise vector a generator expects (conditional or not)."""
    return int(generator.inputs[0].shape[-1])


#: What a saved generator's record keeps about its network, beside its weights: a run folder's
#: ``generator.json`` (``callbacks.GeneratorCheckpoint``), a shipped run's ``provenance.json``
#: (``tools/ship_reference.py``). :func:`build_from_architecture` builds from it.
ARCHITECTURE = ("noise_dim", "batch_norm", "conditional")


def architecture_of(generator: keras.Model) -> dict:
    """A generator's architecture as its record keeps it: ``{"noise_dim", "batch_norm", "conditional"}``."""
    return {
        "noise_dim": noise_dim_of(generator),
        "batch_norm": has_batch_norm(generator),
        "conditional": is_conditional(generator),
    }


def build_from_architecture(architecture: dict) -> keras.Model:
    """The untrained generator an architecture (:func:`architecture_of`, a record) describes."""
    build = build_conditional_generator if architecture["conditional"] else build_generator
    return build(architecture["noise_dim"], batch_norm=architecture["batch_norm"])


def saved_architecture(path: str | os.PathLike) -> dict:
    """The architecture of the generator in a ``*.weights.h5`` file, as its record says: the
    record beside the file that lists its sha256 (``ganlib.integrity.record_of``). A record whose
    architecture the file's arrays contradict is refused with one line.

    A file with no such record (a user's own, one copied out of its run folder) or a record
    without the whole architecture (a run folder from an older ganlib) is the one case in which
    ganlib reads the architecture from the file itself: the rows of its Dense kernel (the noise
    size, plus 10 if conditional), its BatchNormalization and one-hot layers."""
    path = os.fspath(path)
    in_file = _architecture_in_file(path)
    found = integrity.record_of(path)
    recorded = {key: found[1][key] for key in ARCHITECTURE if key in found[1]} if found else {}
    if len(recorded) < len(ARCHITECTURE):
        if in_file is None:
            raise ValueError(
                f"{path} holds no generator weights (no Dense layer of {_DENSE_UNITS:,} units; a "
                "discriminator's or another model's?); pass a generator*.weights.h5 file of a run folder."
            )
        return in_file
    if recorded != in_file:
        held = ", ".join(f"{k}={v}" for k, v in in_file.items()) if in_file else "no generator"
        raise RunError(
            f"{found[0]} describes {Path(path).name} as a generator with "
            f"{', '.join(f'{k}={v!r}' for k, v in recorded.items())}, but the file holds {held}; "
            f"correct {found[0].name}, or copy the run folder again."
        )
    return recorded


def _open_weights(path):
    """The HDF5 file at path, open for reading; a ValueError if it is not one (truncated, not HDF5)."""
    import h5py

    try:
        return h5py.File(path, "r")
    except OSError as err:
        reason = str(err).split("(")[-1].rstrip(")") if "(" in str(err) else str(err)
        raise RunError(
            f"{path} is not a readable Keras weights file (truncated or not HDF5: {reason}); "
            "copy it again or retrain (python -m ganlib train --out runs/NAME)."
        ) from None


def _is_keras3_weights(f) -> bool:
    """True if an open HDF5 file has the layout Keras 3's ``save_weights`` writes."""
    return "layers" in f and "vars" in f and "layer_names" not in f.attrs


def _architecture_in_file(path) -> dict | None:
    """The architecture a generator weights file's arrays imply (see :func:`saved_architecture`);
    None if the file holds no generator."""
    import h5py

    found: list[int] = []
    names: list[str] = []

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset) and obj.ndim == 2 and obj.shape[1] == _DENSE_UNITS:
            found.append(int(obj.shape[0]))
        names.append(name)

    with _open_weights(path) as f:
        try:
            f.visititems(visit)
        except Exception as err:  # h5py's errors for a garbled file (RuntimeError, KeyError, …)
            raise _damaged(path, err) from None
    if not found:
        return None
    conditional = any(_ONE_HOT in name for name in names)
    return {
        "noise_dim": found[0] - (N_DIGITS if conditional else 0),
        "batch_norm": any("batch_normalization" in name for name in names),
        "conditional": conditional,
    }


def _damaged(path, err: BaseException) -> RunError:
    """The one-line error for a weights file h5py or Keras cannot read through."""
    from ganlib.runs import short_error

    return RunError(
        f"{path} is damaged ({short_error(err)}); copy it again or retrain "
        "(python -m ganlib train --out runs/NAME)."
    )


def _check_weights_file(path: str) -> bool:
    """Raise a ValueError that says what to do unless path is a readable ``*.weights.h5`` file
    whose sha256, where one is recorded beside it, is the one recorded; True if it was."""
    if not os.path.isfile(path):
        if os.path.isfile(os.path.join(path, "generator.weights.h5")):
            raise ValueError(
                f"{path} is a run folder; pass the weights file in it: "
                f"{os.path.join(path, 'generator.weights.h5')}."
            )
        raise ValueError(f"No weights file at {path!r}; train first (python -m ganlib train).")
    verified = integrity.verify(path)
    with _open_weights(path) as f:
        try:
            keras3 = _is_keras3_weights(f)
            whole_gan = "generator" in f and "discriminator" in f
        except Exception as err:  # a garbled file
            raise _damaged(path, err) from None
    if whole_gan:  # a run's backup/latest.weights.h5: the GAN's training state
        run = Path(path).parent.parent if Path(path).parent.name == "backup" else Path(path).parent
        raise ValueError(
            f"{path} is a training checkpoint (the whole GAN with its optimizers), not a generator's "
            f"weights; pass the run's generator: {run / 'generator.weights.h5'}."
        )
    if path.endswith(".weights.h5"):
        return verified
    if keras3:
        stem = path[: -len(".h5")] if path.endswith(".h5") else path
        raise ValueError(
            f"{path} is a Keras 3 weights file, but Keras only loads one whose name ends in "
            f"'.weights.h5': rename it to {stem}.weights.h5."
        )
    raise ValueError(
        f"{path!r}: Keras 3 weights files end in '.weights.h5' "
        "(Keras 2 '.h5' files from the original post do not load here)."
    )


def generator_for_weights(path: str | os.PathLike) -> keras.Model:
    """The generator a ``*.weights.h5`` file holds, built as :func:`saved_architecture` says,
    its weights loaded."""
    path = os.fspath(path)
    verified = _check_weights_file(path)
    return _load(build_from_architecture(saved_architecture(path)), path, verified)


def load_generator_weights(generator: keras.Model, path: str | os.PathLike) -> keras.Model:
    """Load ``*.weights.h5`` into generator, explaining an architecture that differs from the
    file's (:func:`saved_architecture`). The file is checked against the sha256 recorded beside
    it (``ganlib.integrity``), and a generator whose weights or first outputs are not finite
    numbers is refused."""
    path = os.fspath(path)
    verified = _check_weights_file(path)
    stored = saved_architecture(path)
    builder = "build_conditional_generator" if stored["conditional"] else "build_generator"
    if stored["conditional"] != is_conditional(generator):
        kind = "a conditional" if stored["conditional"] else "an unconditional"
        raise ValueError(
            f"These weights are for {kind} generator; build it with {builder}(...) "
            "or use ganlib.models.generator_for_weights(path)."
        )
    if stored["noise_dim"] != noise_dim_of(generator):
        raise ValueError(
            f"These weights were made for noise_dim={stored['noise_dim']}, but the generator expects "
            f"noise_dim={noise_dim_of(generator)}. Build it with {builder}(noise_dim={stored['noise_dim']})."
        )
    if stored["batch_norm"] != has_batch_norm(generator):
        raise ValueError(
            f"These weights are for a generator {'with' if stored['batch_norm'] else 'without'} "
            f"BatchNorm; build it with {builder}(..., batch_norm={stored['batch_norm']}) "
            "or use ganlib.models.generator_for_weights(path)."
        )
    return _load(generator, path, verified)


def _load(generator: keras.Model, path: str, verified: bool) -> keras.Model:
    """``generator.load_weights(path)``; a one-line ValueError if the file does not fit, is
    damaged, or gives weights or first outputs that are not finite numbers."""
    try:
        generator.load_weights(path)
    except (ValueError, OSError, KeyError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ValueError(f"{path} does not fit this generator ({first}).") from None
    except Exception as err:  # h5py's errors for a garbled file (RuntimeError, …)
        raise _damaged(path, err) from None
    if integrity.not_finite(generator.get_weights()):
        integrity.refuse_not_finite(path, "weights", verified)
    z = np.random.default_rng(0).standard_normal((4, noise_dim_of(generator))).astype(np.float32)
    inputs = [z, np.arange(4, dtype=np.int32)] if is_conditional(generator) else z
    if integrity.not_finite([keras.ops.convert_to_numpy(generator(inputs, training=False))]):
        integrity.refuse_not_finite(path, "first outputs", verified)
    return generator
