"""The reference generator shipped with ganlib: trained by the project's own CLI, no network.

Files in ``ganlib/reference/``: ``generator.weights.h5`` (final weights), ``history.csv``
(per-epoch losses), ``grids.npz`` (the fixed-noise grid after every epoch) and
``provenance.json`` (command, commit, data checksum, steps, wall time, machine, date).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import keras
import numpy as np


def reference_dir() -> Path:
    """Folder of the shipped reference run inside the installed package."""
    return Path(str(resources.files("ganlib") / "reference"))


def _path(name: str) -> Path:
    path = reference_dir() / name
    if not path.is_file():
        raise ValueError(
            f"The reference run file {name} is missing from {reference_dir()}. Reinstall ganlib, "
            "or train your own: python -m ganlib train --epochs 50 --images 10000 --out runs/mine."
        )
    return path


def provenance() -> dict:
    """How the reference generator was made: command, commit, data, seed, steps, time, machine."""
    return json.loads(_path("provenance.json").read_text())


def load_generator() -> keras.Model:
    """The trained reference generator (noise_dim from its provenance), ready to sample."""
    from ganlib.models import build_generator, load_generator_weights

    noise_dim = int(provenance().get("noise_dim", 200))
    return load_generator_weights(build_generator(noise_dim), _path("generator.weights.h5"))


def load_history() -> dict[str, list[float]]:
    """Per-epoch ``d_loss`` and ``g_loss`` of the reference run."""
    from ganlib.training import load_history as read

    return read(_path("history.csv"))


def load_grids() -> dict[int, np.ndarray]:
    """The reference run's fixed-noise grid after every epoch: {epoch: images in [-1, 1]}."""
    from ganlib.training import load_grids as read

    return read(_path("grids.npz"))
