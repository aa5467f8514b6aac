"""Run sizes in one place: fast (CI), cpu (the default for readers) and gpu (the post's).

Notebooks and the CLI read epochs, images and batch size from :func:`run_sizes`, so one
switch changes them all: ``GANLIB_FAST=1`` picks ``fast``; otherwise ``GANLIB_MODE``
(``fast``/``cpu``/``gpu``) does, defaulting to ``cpu``. ``GANLIB_FAST`` takes 1/true/yes/on
(fast) or 0/false/no/off/empty (not fast), in any case; other values are refused.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

MODES = ("fast", "cpu", "gpu")
_YES = ("1", "true", "yes", "on")
_NO = ("", "0", "false", "no", "off")

#: The post's sizes, which the networks and every mode start from.
IMAGE_SHAPE = (28, 28, 1)  # an MNIST digit: 28×28 pixels, one grey channel
NOISE_DIM = 200  # the generator's input: a noise vector of 200 numbers
BATCH_SIZE = 128


@dataclass(frozen=True)
class RunSizes:
    """How big a training run is in one mode."""

    mode: str
    epochs: int
    batch_size: int
    n_images: int | None  # None: every image the data source has
    noise_dim: int = NOISE_DIM
    data: str = "bundled"
    ring_steps: int = 3000  # chapter 07's runs on the ring of points (``ring.chapter_steps``)

    @property
    def steps_per_epoch(self) -> int | None:
        return None if self.n_images is None else self.n_images // self.batch_size


_SIZES = {
    # CI: seconds, just enough to exercise every code path.
    "fast": RunSizes("fast", epochs=2, batch_size=32, n_images=256, ring_steps=400),
    # A CPU laptop: about a minute of training (96 steps of 128 images, ≈ 0.4–0.6 s each).
    "cpu": RunSizes("cpu", epochs=3, batch_size=BATCH_SIZE, n_images=4096),
    # A GPU (Colab): the post's 50 epochs over the 60,000 training digits.
    "gpu": RunSizes("gpu", epochs=50, batch_size=BATCH_SIZE, n_images=None, data="auto"),
}


def fast_requested() -> bool:
    """True if GANLIB_FAST says yes (1/true/yes/on), False if it says no or is unset."""
    value = os.environ.get("GANLIB_FAST", "")
    if value.strip().lower() in _YES:
        return True
    if value.strip().lower() in _NO:
        return False
    raise ValueError(
        f"GANLIB_FAST must be 1/true/yes/on or 0/false/no/off, got {value!r}; set one of these or unset it."
    )


def current_mode() -> str:
    """The active mode: ``fast`` if GANLIB_FAST says yes, else GANLIB_MODE, else ``cpu``."""
    if fast_requested():
        return "fast"
    value = os.environ.get("GANLIB_MODE", "cpu")
    mode = value.strip().lower() or "cpu"
    if mode not in MODES:
        raise ValueError(
            f"GANLIB_MODE must be one of {', '.join(MODES)}, got {value!r}; "
            "set one of these or unset it (default cpu)."
        )
    return mode


def run_sizes(mode: str | None = None) -> RunSizes:
    """The sizes for ``mode`` (default: :func:`current_mode`)."""
    mode = current_mode() if mode is None else mode
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}.")
    return _SIZES[mode]


def quiet_tensorflow() -> None:
    """Import TensorFlow without its start-up chatter on stderr, and lower its log level.

    TensorFlow's C++ core prints (oneDNN, CUDA-driver) notices on import even with
    ``TF_CPP_MIN_LOG_LEVEL=3``, so the import runs with file descriptor 2 pointed at
    /dev/null. Errors raised by the import still surface as Python exceptions.
    """
    import logging

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if "tensorflow" not in sys.modules:
        sys.stderr.flush()
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        try:
            import tensorflow  # noqa: F401
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(devnull)
    logging.getLogger("tensorflow").setLevel(logging.ERROR)
    logging.getLogger("absl").setLevel(logging.ERROR)
