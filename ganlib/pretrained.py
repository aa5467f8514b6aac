"""The generators shipped with ganlib, trained by the project's own CLI, no network.

Four runs, each in its own folder of ``ganlib/reference/``:

- ``"post"``: the post's recipe (chapters 05–07); what ``load_generator()`` returns.
- ``"quick"``: ``python -m ganlib train --quick`` (``training.QUICK``), about 10 minutes on a
  laptop CPU (chapter 05), its moving average.
- ``"improved"``: chapter 08's recipe with the best mean score over its seeds, its typical run
  (``seeds.best``, ``seeds.typical_seed``).
- ``"conditional"``: chapter 09's conditional GAN (``load_conditional_generator()``).

Each folder holds ``generator.weights.h5`` (final weights, stored as float16),
``history.csv`` (per-epoch losses), ``grids.npz`` (the fixed-noise grid after every
epoch), ``quality.json`` (chapter 07's measures at selected epochs) and ``provenance.json``
(command, commit, data checksum, steps, wall time, machine, date, and the sha256 of each
weights file, checked whenever it is loaded); the conditional run also
``discriminator.weights.h5``, its discriminator at the last step. ``comparison()`` returns
chapter 08's table: every recipe trained for the same steps from the same seed.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np

from ganlib.integrity import read_json_file, read_or_refuse

NAMES = ("post", "quick", "improved", "conditional")


def reference_dir() -> Path:
    """Folder of the shipped runs (and the classifier) inside the installed package."""
    return Path(str(resources.files("ganlib") / "reference"))


def _check_name(name: str) -> str:
    if name not in NAMES:
        raise ValueError(f"Unknown shipped generator {name!r}; choose one of {', '.join(map(repr, NAMES))}.")
    return name


def run_dir(name: str = "post") -> Path:
    """Folder of one shipped run: ``"post"``, ``"quick"``, ``"improved"`` or ``"conditional"``."""
    return reference_dir() / _check_name(name)


def _path(name: str, file: str) -> Path:
    path = run_dir(name) / file
    if not path.is_file():
        raise ValueError(
            f"The shipped file {name}/{file} is missing from {reference_dir()}. Reinstall ganlib, "
            "or train your own: python -m ganlib train --out runs/mine."
        )
    return path


def provenance(name: str = "post") -> dict:
    """How a shipped generator was made: command, commit, data, seed, steps, time, machine."""
    return read_json_file(_path(name, "provenance.json"))


def load_generator(name: str = "post"):
    """A shipped generator, ready to sample: ``"post"`` (default), ``"quick"``, ``"improved"`` or
    ``"conditional"`` (which needs ``digits=`` in ``sampling.generate``)."""
    from ganlib.models import generator_for_weights

    return generator_for_weights(_path(name, "generator.weights.h5"))


def load_conditional_generator():
    """Chapter 09's shipped conditional generator: ``generate(g, z, digits=...)`` draws the
    digits asked for."""
    return load_generator("conditional")


def load_conditional_discriminator():
    """The discriminator trained alongside the conditional generator (its last step): it judges
    [images, digits] pairs (chapter 09)."""
    from ganlib.integrity import load_checked
    from ganlib.models import build_conditional_discriminator

    discriminator = build_conditional_discriminator()
    load_checked(discriminator, _path("conditional", "discriminator.weights.h5"))
    return discriminator


def load_history(name: str = "post") -> dict[str, list[float]]:
    """Per-epoch ``d_loss`` and ``g_loss`` of a shipped run."""
    from ganlib.runs import load_history as read

    return read(_path(name, "history.csv"))


def load_grids(name: str = "post") -> dict[int, np.ndarray]:
    """A shipped run's fixed-noise grid after every epoch: {epoch: images in [-1, 1]}."""
    from ganlib.runs import load_grids as read

    return read(_path(name, "grids.npz"))


def quality(name: str = "post") -> dict:
    """Chapter 07's measures for a shipped run, computed by ``tools/ship_reference.py``:
    ``{"real": {...}, "untrained": {...}, "checkpoints": [{"epoch", "steps", ...}, ...]}``."""
    return read_json_file(_path(name, "quality.json"))


def comparison() -> dict:
    """Chapter 08's table (``tools/compare_recipes.py``): ``{"steps", "rows": [...], "real"}``,
    each row with its recipe, measures and a fixed-noise grid (``row["grid"]``, images in [-1, 1]);
    each row also records the seed its run trained from, and ``"recipes"`` gives each recipe's
    measures over its seeds (``seeds.summarise``: values, mean, lowest, highest, class shares)."""
    from ganlib.data import scale_images

    base = reference_dir()
    table = read_json_file(base / "comparison.json")

    def read(path):
        with np.load(path) as grids:
            return {row["key"]: scale_images(grids[row["key"]]) for row in table["rows"]}

    grids = read_or_refuse(base / "comparison.npz", read, "reinstall ganlib")
    for row in table["rows"]:
        row["grid"] = grids[row["key"]]
    return table
