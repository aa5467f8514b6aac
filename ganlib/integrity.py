"""Whether a file is still the one ganlib wrote: checksums, finite weights, damaged files kept.

Every weights file ganlib writes or ships has its sha256 recorded beside it: in a run folder's
``generator.json`` (the generator files), in the checkpoint record
(``backup/training_metadata.json``), in a shipped run's ``provenance.json`` and in the
classifier's ``mnist_classifier.json``. A file whose checksum differs is refused on load with
one line that names it and says what to do. A file with no recorded checksum (copied out of
its folder, or from an older ganlib) still loads, but a network whose weights are not finite
numbers is refused. A file that must be rewritten is first moved aside as
``<name>.damaged-<UTC time>``, so the evidence of what went wrong is kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import numpy as np

from ganlib.validate import RunError

#: The records a weights file's checksum may be kept in, beside it: a run folder's, a shipped run's
#: (each also keeps its generator's architecture: ``models.saved_architecture``).
RECORDS = ("generator.json", "provenance.json")


def sha256_of(path: str | os.PathLike) -> str:
    """The sha256 of a file, as 64 hex digits."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def record_of(path: str | os.PathLike) -> tuple[Path, dict] | None:
    """The record beside ``path`` that lists it (the first of ``RECORDS`` whose ``"sha256"``
    names the file) and its contents; None if none does (a file copied out of its folder, a
    user's own, or one from a ganlib that kept no checksums)."""
    path = Path(path)
    for name in RECORDS:
        record = path.parent / name
        if recorded_sha256(path, record) is not None:
            return record, json.loads(record.read_text())
    return None


def recorded_sha256(path: str | os.PathLike, record: str | os.PathLike) -> str | None:
    """The sha256 that ``record`` (a JSON file with ``"sha256": {file name: hex}``) keeps for
    ``path``; None if it keeps none, or cannot be read (a damaged record is not a damaged file:
    the file is then loaded as one with no recorded checksum)."""
    try:
        info = json.loads(Path(record).read_text())
        sha = info["sha256"][Path(path).name]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return sha if isinstance(sha, str) else None


def _advice(path: Path, record: Path) -> str:
    if record.name == "generator.json":
        return (
            f"copy it again, or resume its run (python -m ganlib train --out {path.parent} --resume, "
            "with the run's options) to rewrite the last epoch's weights from its checkpoint"
        )
    if record.name == "mnist_classifier.json":
        return "reinstall ganlib, or train the classifier again: python tools/train_classifier.py"
    return "reinstall ganlib, or train your own: python -m ganlib train --out runs/mine"


def verify(path: str | os.PathLike, record: str | os.PathLike | None = None) -> bool:
    """Check ``path`` against the sha256 its record keeps (``record``, or the first of
    ``RECORDS`` beside it that keeps one): True if it matches, False if none is recorded;
    a ValueError naming the file and what to do if it differs."""
    path = Path(path)
    if record is None:
        found = record_of(path)
        if found is None:
            return False
        record = found[0]
    expected = recorded_sha256(path, record)
    if expected is None:
        return False
    if sha256_of(path) != expected.lower():
        raise RunError(
            f"{path} is damaged: its sha256 is not the one {Path(record).name} beside it records "
            f"(overwritten or cut since it was written); {_advice(path, Path(record))}."
        )
    return True


def not_finite(arrays) -> bool:
    """True if any of the arrays holds a NaN or an infinity."""
    return any(not np.isfinite(np.asarray(a)).all() for a in arrays)


def file_not_finite(path: str | os.PathLike) -> bool:
    """True if any floating-point array of a ``.weights.h5`` file (a whole model's: networks,
    optimizer state, …) holds a NaN or an infinity."""
    import h5py

    arrays = []

    def visit(_, obj):
        if isinstance(obj, h5py.Dataset) and obj.dtype.kind == "f":
            arrays.append(obj[()])

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return not_finite(arrays)


def refuse_not_finite(path: str | os.PathLike, what: str, verified: bool) -> None:
    """The ValueError for a file whose network's ``what`` (weights, outputs) are not finite."""
    cause = (
        "the training that wrote it diverged (the file is as it was written); train again "
        "(a smaller learning rate?)"
        if verified
        else "the file is damaged, or the training that wrote it diverged; copy it again or train "
        "again (python -m ganlib train --out runs/NAME)"
    )
    raise RunError(f"{path} gives a network whose {what} are not finite numbers (NaN or infinity): {cause}.")


def load_checked(model, path: str | os.PathLike, record: str | os.PathLike | None = None) -> None:
    """``model.load_weights(path)``, checked: the sha256 its record keeps (see :func:`verify`),
    a file Keras can read, finite weights; otherwise a one-line ValueError naming the file."""
    from ganlib.runs import short_error

    path = Path(path)
    verified = verify(path, record)
    try:
        model.load_weights(path)
    except Exception as err:  # whatever a damaged file raises (OSError, RuntimeError, ValueError, …)
        beside = Path(record) if record is not None else path.parent / "provenance.json"
        raise RunError(
            f"{path} cannot be loaded ({short_error(err)}): the file is damaged or holds another "
            f"network's weights; {_advice(path, beside)}."
        ) from None
    if not_finite(model.get_weights()):
        refuse_not_finite(path, "weights", verified)


def move_aside(path: str | os.PathLike) -> Path:
    """Rename a damaged file to ``<name>.damaged-<UTC time>`` beside it (kept as evidence
    before it is rewritten); returns the new path."""
    path = Path(path)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, aside)
    return aside


def read_or_refuse(path: str | os.PathLike, read, advice: str = "copy it again, or reinstall ganlib"):
    """``read(path)``, or a ``RunError`` naming the file if it is missing or ``read`` finds it
    damaged (the bare JSON, zip and OS errors of a damaged file name no file)."""
    import zipfile

    from ganlib.runs import short_error

    try:
        return read(Path(path))
    except FileNotFoundError:
        raise RunError(f"{path} is missing; {advice}.") from None
    except (OSError, ValueError, KeyError, TypeError, EOFError, zipfile.BadZipFile) as err:
        raise RunError(f"{path} is damaged ({short_error(err)}); {advice}.") from None


def read_json_file(path: str | os.PathLike, advice: str = "reinstall ganlib") -> dict:
    """A JSON object from a file ganlib ships or writes, or a ``RunError`` naming the file."""

    def read(p: Path) -> dict:
        info = json.loads(p.read_text())
        if not isinstance(info, dict):
            raise ValueError(f"it holds {type(info).__name__}, not a JSON object")
        return info

    return read_or_refuse(path, read, advice)
