"""A run folder on disk: what ``train(run_dir=…)`` / ``python -m ganlib train --out`` leave there.

``history.csv`` (per-epoch losses, Keras' CSVLogger), ``grids/grids.npz`` (the fixed-noise
grid after every epoch), ``generator*.weights.h5`` and ``backup/`` (Keras' BackupAndRestore).
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import numpy as np


def load_grids(directory: str | os.PathLike) -> dict[int, np.ndarray]:
    """Read the ``grids.npz`` a SampleGrid wrote: {epoch: float32 images in [-1, 1]}."""
    path = Path(directory)
    path = path / "grids.npz" if path.is_dir() else path
    with np.load(path) as f:
        return {int(k.split("_")[1]): f[k][..., None] / np.float32(127.5) - 1 for k in f.files}


def completed_epochs(run_dir: str | os.PathLike) -> int:
    """Epochs finished by the run in run_dir, from Keras' BackupAndRestore metadata."""
    meta = Path(run_dir) / "backup" / "training_metadata.json"
    if not meta.is_file():
        return 0
    return int(json.loads(meta.read_text())["epoch"])


def load_history(path: str | os.PathLike) -> dict[str, list[float]]:
    """Read a ``history.csv`` written by ``keras.callbacks.CSVLogger`` into lists."""
    path = Path(path)
    if path.is_dir():
        path = path / "history.csv"
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    keys = [k for k in (rows[0] if rows else {}) if all(r[k] not in ("", "NA") for r in rows)]
    return {key: [float(r[key]) for r in rows] for key in keys}
