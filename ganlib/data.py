"""MNIST digits, offline first: the bundled 10,000-digit split or Keras' 60,000.

`load_mnist` returns raw uint8 images and labels; `scale_images` maps them to the
generator's tanh range [-1, 1]; `make_dataset` turns them into a shuffled, batched,
prefetched `tf.data` stream whose order depends only on (seed, epoch), so that a
resumed run sees exactly the batches an uninterrupted one would.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import socket
import threading
from importlib import resources
from pathlib import Path

import numpy as np

from ganlib.config import BATCH_SIZE, IMAGE_SHAPE
from ganlib.validate import RunError, check_digits, pixel_images, positive_int

SOURCES = ("auto", "bundled", "keras")
SPLITS = ("train", "eval", "all")

#: The bundled 10,000 digits are split once, by a seeded permutation, into 8,000 training
#: digits (for the GAN and the classifier) and 2,000 evaluation digits that neither sees.
N_BUNDLED = 10_000
N_EVAL = 2000
N_TRAIN = N_BUNDLED - N_EVAL
#: Keras' MNIST training split (``load_mnist("keras")``).
N_KERAS = 60_000
SPLIT_SEED = 20140610  # the date of Goodfellow et al.'s arXiv submission

#: sha256 of the two files shipped in ``ganlib/_data`` (see DATA-LICENSE.md there).
BUNDLED_FILES = {
    "images": (
        "t10k-images-idx3-ubyte.gz",
        "167310007f03058885c7e95e6c0b19c20de5c7fd3031f4cbdadc9014a523d80b",
    ),
    "labels": (
        "t10k-labels-idx1-ubyte.gz",
        "fc607395669ec21321ea83e4b82c0544b7e8e63ff5b34337c06bc0a17cc0da3c",
    ),
}

KERAS_MNIST_HOST = "storage.googleapis.com"
#: sha256 of Keras' ``mnist.npz`` (as ``keras.datasets.mnist.load_data`` checks it).
KERAS_MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
NETWORK_TIMEOUT_S = 3.0


def bundled_dir() -> Path:
    """Folder holding the bundled MNIST files inside the installed package."""
    return Path(str(resources.files("ganlib") / "_data"))


def _read_verified(path: Path, sha256: str) -> bytes:
    if not path.is_file():
        raise RunError(
            f"Bundled MNIST file is missing: {path}. Reinstall ganlib "
            "(pip install --force-reinstall ganlib) or use load_mnist('keras') online."
        )
    raw, digest = _bytes_and_digest(path)
    if digest != sha256:
        raise RunError(
            f"Bundled MNIST file {path.name} is corrupt (sha256 {digest[:12]}…, "
            f"expected {sha256[:12]}…). Reinstall ganlib to restore it, "
            "or use load_mnist('keras') online."
        )
    return gzip.decompress(raw)


def _bytes_and_digest(path: Path) -> tuple[bytes, str]:
    """A file's bytes and their sha256 (hex), for the checksum checks of both MNIST sources."""
    raw = path.read_bytes()
    return raw, hashlib.sha256(raw).hexdigest()


def _parse_idx(buf: bytes, magic: int, name: str) -> np.ndarray:
    got = int.from_bytes(buf[:4], "big")
    if got != magic:
        raise ValueError(f"{name}: not an IDX file (magic {got}, expected {magic}).")
    ndim = buf[3]
    dims = [int.from_bytes(buf[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    data = np.frombuffer(buf, dtype=np.uint8, offset=4 + 4 * ndim)
    return data.reshape(dims).copy()


def load_bundled(directory: str | os.PathLike | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The 10,000-digit MNIST split shipped with ganlib, checksum-verified."""
    base = Path(directory) if directory is not None else bundled_dir()
    img_name, img_sha = BUNDLED_FILES["images"]
    lab_name, lab_sha = BUNDLED_FILES["labels"]
    images = _parse_idx(_read_verified(base / img_name, img_sha), 2051, img_name)
    labels = _parse_idx(_read_verified(base / lab_name, lab_sha), 2049, lab_name)
    return images, labels


def load_idx(path: str | os.PathLike) -> np.ndarray:
    """Read any IDX file (gzip or plain), e.g. Fashion-MNIST from Debian's dataset-fashion-mnist:
    ``load_idx("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")``."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"No IDX file at {path}. For Fashion-MNIST: apt-get install dataset-fashion-mnist.")
    raw = path.read_bytes()
    buf = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    magic = int.from_bytes(buf[:4], "big")
    if magic not in (2049, 2051):
        raise ValueError(f"{path.name}: not an IDX file of uint8 images or labels (magic {magic}).")
    return _parse_idx(buf, magic, path.name)


def _keras_cache() -> Path:
    home = os.environ.get("KERAS_HOME", os.path.join(os.path.expanduser("~"), ".keras"))
    return Path(home) / "datasets" / "mnist.npz"


def _reachable(host: str, port: int = 443, timeout: float = NETWORK_TIMEOUT_S) -> bool:
    """True if a TCP connection to host opens within timeout (DNS included)."""
    result: list[bool] = []

    def probe() -> None:
        try:
            with socket.create_connection((host, port), timeout=timeout):
                result.append(True)
        except OSError:
            result.append(False)

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    thread.join(timeout)
    return bool(result and result[0])


def _read_keras_cache(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Keras' cached ``mnist.npz``, checksum-verified; a ValueError saying what to do if it is corrupt."""
    raw, digest = _bytes_and_digest(path)
    if digest != KERAS_MNIST_SHA256:
        raise RunError(
            f"The Keras MNIST cache {path} is corrupt ({len(raw):,} bytes, sha256 {digest[:12]}…, "
            f"expected {KERAS_MNIST_SHA256[:12]}…); delete it so that Keras downloads it again, "
            "or use the bundled digits (--data bundled, load_mnist('bundled'))."
        )
    with np.load(path, allow_pickle=False) as f:
        return f["x_train"].astype(np.uint8), f["y_train"].astype(np.uint8)


def load_keras() -> tuple[np.ndarray, np.ndarray]:
    """The 60,000-digit MNIST training split via keras.datasets (cached or downloaded)."""
    cache = _keras_cache()
    if cache.is_file():
        return _read_keras_cache(cache)
    if not _reachable(KERAS_MNIST_HOST):
        raise RunError(
            "MNIST from Keras is not cached and the download server cannot be "
            f"reached within {NETWORK_TIMEOUT_S:.0f} s (offline?); use the bundled digits "
            "(--data bundled on the command line, load_mnist('bundled') in Python)."
        )
    import keras

    try:
        (x_train, y_train), _ = keras.datasets.mnist.load_data()
    except Exception as err:  # noqa: BLE001 - a failed download has many exception types
        reason = " ".join(str(err).split())[:200]
        raise RunError(
            f"Downloading MNIST through Keras failed ({type(err).__name__}: {reason}); "
            "try again, or use the bundled digits (--data bundled, load_mnist('bundled'))."
        ) from None
    return x_train.astype(np.uint8), y_train.astype(np.uint8)


def split_indices() -> tuple[np.ndarray, np.ndarray]:
    """Indices of the bundled digits in the training and the evaluation split (each sorted).

    A permutation seeded with ``SPLIT_SEED``: the same 2,000 evaluation digits on every
    machine, drawn from the whole test set (its first and second halves come from
    different writers, so taking the last 2,000 would not be a fair sample).
    """
    order = np.random.default_rng(SPLIT_SEED).permutation(N_BUNDLED)
    return np.sort(order[N_EVAL:]), np.sort(order[:N_EVAL])


def load_mnist(
    source: str | None = None, split: str = "train", verbose: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Load MNIST as uint8 images ``(N, 28, 28)`` and uint8 labels ``(N,)``.

    source: ``"bundled"`` (10,000 digits shipped with ganlib), ``"keras"`` (60,000
    training digits via ``keras.datasets.mnist``) or ``"auto"`` (Keras if it is cached
    or reachable within seconds, otherwise bundled). ``None`` (the default) reads the
    ``GANLIB_DATA`` environment variable and falls back to ``"auto"``.

    split: ``"train"`` (the default; 8,000 bundled digits, or Keras' 60,000),
    ``"eval"`` (the 2,000 bundled evaluation digits, whatever the source: neither the GAN
    nor the classifier trains on them, and Keras' training digits do not include them)
    or ``"all"`` (every digit of the source).
    """
    if split not in SPLITS:
        raise ValueError(f"Unknown split {split!r}; use one of {', '.join(SPLITS)}.")
    chosen_by = None
    if source is None:
        source = os.environ.get("GANLIB_DATA", "auto").strip().lower() or "auto"
        chosen_by = f"GANLIB_DATA={os.environ['GANLIB_DATA']}" if "GANLIB_DATA" in os.environ else None
        if source not in SOURCES:
            raise ValueError(
                f"GANLIB_DATA={os.environ['GANLIB_DATA']!r} is not an MNIST source; set it to one of "
                f"{', '.join(SOURCES)}, or unset it."
            )
    if source not in SOURCES:
        raise ValueError(f"Unknown MNIST source {source!r}; use one of {', '.join(SOURCES)}.")
    if split == "eval" or source == "bundled":
        images, labels = load_bundled()
        if split == "all":
            return images, labels
        pick = split_indices()[0 if split == "train" else 1]
        return images[pick], labels[pick]
    if source == "keras":
        try:
            return load_keras()
        except RunError as err:
            if chosen_by is None:
                raise
            raise RunError(f"{err} ({chosen_by} chose this source: set GANLIB_DATA=bundled.)") from None
    try:
        images, labels = load_keras()
        chosen = "Keras MNIST training split (60,000 digits)"
    except Exception:  # noqa: BLE001 - any failure here means: use the bundled copy
        images, labels = load_mnist("bundled", split)
        chosen = f"bundled MNIST digits ({len(images):,} of the test split, offline)"
    if verbose:
        print(f"ganlib: using {chosen}.")
    return images, labels


def from_uint8(pixels) -> np.ndarray:
    """uint8 pixels 0..255 → float32 in [-1, 1], shape kept: how ganlib reads every stored image
    (the digits, a run's ``grids.npz``, chapter 08's table, ``validate.pixel_images``'s uint8
    input); ``sampling.to_uint8`` is its inverse."""
    return (np.asarray(pixels).astype(np.float32) - 127.5) / 127.5


def scale_images(images: np.ndarray) -> np.ndarray:
    """uint8 ``(N, 28, 28)`` digits → float32 ``(N, 28, 28, 1)`` in [-1, 1] (:func:`from_uint8`)."""
    images = np.asarray(images)
    if images.ndim == 4 and images.shape[-1] == 1:
        images = images[..., 0]
    if images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE[:2]:
        raise ValueError(
            f"Expected images of shape (N, 28, 28) (or (N, 28, 28, 1)), got {images.shape}. "
            "Pass the images exactly as load_mnist() returns them."
        )
    if images.dtype != np.uint8:
        raise ValueError(
            f"Expected uint8 pixels in 0..255, got dtype {images.dtype}. "
            "Pass raw images from load_mnist(); scale_images does the scaling."
        )
    return from_uint8(images)[..., np.newaxis]


def check_training_images(images) -> np.ndarray:
    """Return images if the networks can train on them: float ``(N, 28, 28, 1)`` in [-1, 1].

    Otherwise a ValueError that names ``scale_images``: uint8 pixels (not scaled yet), floats
    beyond [-1, 1] (e.g. 0..255) or in [0, 1], NaN, or another shape. ``N`` may be any number ≥ 1.
    """
    x = np.asarray(images)
    if x.dtype == np.uint8:
        raise ValueError(
            f"Training images are uint8 pixels 0..255 {x.shape}; the networks train on floats in "
            "[-1, 1] of shape (N, 28, 28, 1): pass scale_images(images)."
        )
    if not np.issubdtype(x.dtype, np.floating):
        raise ValueError(
            f"Training images must be floats in [-1, 1], got dtype {x.dtype}; "
            "pass scale_images(images) of the uint8 digits load_mnist() returns."
        )
    if x.ndim != 4 or x.shape[1:] != IMAGE_SHAPE or len(x) == 0:
        raise ValueError(
            f"Training images must have shape (N, 28, 28, 1) with N ≥ 1, got {x.shape}; "
            "scale_images(images) adds the channel axis to the (N, 28, 28) digits of load_mnist()."
        )
    hint = "; pass scale_images(images) of the uint8 digits load_mnist() returns"
    pixel_images("Training images", x, hint=hint)
    return x


def as_model_input(images: np.ndarray, unit_ok: bool = False) -> np.ndarray:
    """uint8 digits → scaled float32 ``(N, 28, 28, 1)``; float images in [-1, 1] pass through
    (channel added); anything else is refused (``validate.pixel_images``)."""
    return pixel_images("images", images, unit_ok=unit_ok)


def make_dataset(
    images: np.ndarray,
    batch_size: int = BATCH_SIZE,
    seed: int = 0,
    start_epoch: int = 0,
    digits: np.ndarray | None = None,
):
    """Endless ``tf.data`` stream of shuffled float batches ``(batch_size, 28, 28, 1)``
    (with ``digits``, the images' labels: ``(images, digits)`` batches, for chapter 09).

    Epoch ``e`` is a permutation drawn from ``(seed, e)`` alone and split into
    ``len(images) // batch_size`` full batches (the remainder is dropped), so
    ``fit(..., steps_per_epoch=steps_per_epoch(len(images), batch_size))`` sees each
    image at most once per epoch, and a run resumed at ``start_epoch`` sees the same
    batches as an uninterrupted one.
    """
    import tensorflow as tf

    scaled = as_model_input(images)
    n = len(scaled)
    steps = steps_per_epoch(n, batch_size)
    table = tf.constant(scaled)
    if digits is not None:
        labels = tf.constant(check_digits(digits, n))

    def epoch_order(epoch):
        idx = tf.random.experimental.stateless_shuffle(
            tf.range(n, dtype=tf.int64), seed=tf.stack([tf.cast(seed, tf.int64), epoch])
        )
        return tf.data.Dataset.from_tensor_slices(idx[: steps * batch_size]).batch(batch_size)

    ds = tf.data.Dataset.range(start_epoch, 2**62).flat_map(epoch_order)
    if digits is None:
        ds = ds.map(lambda idx: tf.gather(table, idx), num_parallel_calls=tf.data.AUTOTUNE)
    else:
        ds = ds.map(
            lambda idx: (tf.gather(table, idx), tf.gather(labels, idx)), num_parallel_calls=tf.data.AUTOTUNE
        )
    # No tf.data autotuner: its background thread competes with the training step for the
    # cores, and ending an iterator while it is busy blocks fit (benchmarks/RESULTS.md).
    # The batches do not change.
    options = tf.data.Options()
    options.autotune.enabled = False
    return ds.prefetch(tf.data.AUTOTUNE).with_options(options)


def steps_per_epoch(n_images: int, batch_size: int) -> int:
    """Full batches per epoch; raises if batch_size is not a positive int ≤ n_images."""
    batch_size = positive_int("batch_size", batch_size)
    if n_images < batch_size:
        raise ValueError(
            f"batch_size ({batch_size}) is larger than the number of images ({n_images}); "
            "use a smaller batch_size or more images."
        )
    return n_images // batch_size
