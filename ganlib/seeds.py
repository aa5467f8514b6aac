"""Recipes over several seeds (chapter 08): one recipe's spread, and whether two recipes differ by more.

A run folder ``NAME-sK`` trained recipe ``NAME`` from seed K (a folder without the suffix: seed 0).
``summarise`` groups the rows of ``tools/compare_recipes.py``'s table by recipe and generator (the
generator itself, or its moving average) and gives each measure's values over the seeds with their
mean, lowest and highest; ``verdict`` says whether one recipe's measure is above or below another's
by more than their spreads, or within noise; ``band`` gives a recipe's quality curve over its seeds;
``best`` picks the recipe with the highest mean and ``typical_seed`` the run that stands for it.
"""

from __future__ import annotations

import re

import numpy as np

MEASURES = ("classifier_score", "frechet_distance")

#: What ``verdict`` answers: a difference beyond the spread between seeds (``HIGHER``, ``LOWER``), none
#: beyond it (``WITHIN_NOISE``), or too few seeds on one side to tell (``TOO_FEW_SEEDS``).
HIGHER, LOWER, WITHIN_NOISE, TOO_FEW_SEEDS = "higher", "lower", "within noise", "too few seeds"
#: The fewest seeds per recipe for a verdict: two seeds give a range, but one from two draws only.
MIN_SEEDS = 3


def recipe_of(run_name: str) -> str:
    """The recipe a run folder trained: its name without a seed suffix (``bn-s2`` → ``bn``)."""
    return re.sub(r"-s\d+$", "", run_name)


def summarise(rows: list[dict]) -> list[dict]:
    """One entry per recipe and generator, in the order the rows first name them: ``recipe``,
    ``ema``, ``seeds`` and, for each measure, its per-seed ``values``, ``mean``, ``low`` and ``high``;
    if the rows have class histograms, ``class_shares``: the lowest and highest share of a digit in
    any of its runs' samples.
    Two rows of one recipe and generator from the same seed are refused (ValueError)."""
    groups: dict[tuple[str, bool], list[dict]] = {}
    for row in rows:
        groups.setdefault((recipe_of(row["run"]), row["ema"]), []).append(row)
    out = []
    for (recipe, ema), members in groups.items():
        seeds = [row["seed"] for row in members]
        if len(set(seeds)) != len(seeds):
            raise ValueError(f"recipe {recipe} has two runs from the same seed: {sorted(seeds)}")
        entry = {"recipe": recipe, "ema": ema, "seeds": seeds}
        for measure in MEASURES:
            values = [float(row[measure]) for row in members]
            entry[measure] = {
                "values": values,
                "mean": float(np.mean(values)),
                "low": min(values),
                "high": max(values),
            }
        if all("class_histogram" in row for row in members):  # the smallest and largest digit's share
            shares = [np.asarray(row["class_histogram"]) / row["n"] for row in members]
            entry["class_shares"] = {
                "low": float(min(map(min, shares))),
                "high": float(max(map(max, shares))),
            }
        out.append(entry)
    return out


def verdict(entry: dict, other: dict, measure: str) -> str:
    """How ``entry``'s ``measure`` stands against ``other``'s (two ``summarise`` entries): ``HIGHER``
    or ``LOWER`` only if both have at least ``MIN_SEEDS`` seeds and their ranges over the seeds do not
    overlap, ``WITHIN_NOISE`` if the ranges overlap, ``TOO_FEW_SEEDS`` if either has fewer seeds."""
    a, b = entry[measure], other[measure]
    if min(len(a["values"]), len(b["values"])) < MIN_SEEDS:
        return TOO_FEW_SEEDS
    if a["low"] > b["high"]:
        return HIGHER
    if a["high"] < b["low"]:
        return LOWER
    return WITHIN_NOISE


def band(rows: list[dict], recipe: str, ema: bool, measure: str) -> tuple[np.ndarray, ...]:
    """A recipe's quality curve over its seeds: (steps, mean, lowest, highest) of ``measure`` at
    each step its runs were measured (``row["curve"]``; every seed's run measured at the same steps)."""
    curves = [row["curve"] for row in rows if recipe_of(row["run"]) == recipe and row["ema"] == ema]
    if not curves:
        raise ValueError(f"no runs of recipe {recipe!r} in the table")
    steps = [[point["steps"] for point in curve] for curve in curves]
    if any(s != steps[0] for s in steps):
        raise ValueError(f"the runs of recipe {recipe!r} were measured at different steps")
    values = np.array([[point[measure] for point in curve] for curve in curves])
    return np.array(steps[0]), values.mean(axis=0), values.min(axis=0), values.max(axis=0)


def best(entries: list[dict]) -> dict:
    """The ``summarise`` entry (a recipe and generator) with the highest mean classifier score among
    those with at least ``MIN_SEEDS`` seeds: chosen by the mean over seeds, not by one lucky run."""
    judged = [entry for entry in entries if len(entry["seeds"]) >= MIN_SEEDS]
    if not judged:
        raise ValueError(f"no recipe has {MIN_SEEDS} seeds yet")
    return max(judged, key=lambda entry: entry["classifier_score"]["mean"])


def typical_seed(entry: dict) -> int:
    """The seed of ``entry`` (a ``summarise`` entry) whose run lies nearest the recipe's means in both
    measures at once, each distance counted in that measure's range over the seeds: the run that
    stands for the recipe, not its luckiest."""

    def distance(i: int) -> float:
        total = 0.0
        for measure in MEASURES:
            m = entry[measure]
            span = m["high"] - m["low"]
            total += abs(m["values"][i] - m["mean"]) / span if span else 0.0
        return total

    return entry["seeds"][min(range(len(entry["seeds"])), key=distance)]
