"""Chapter 08's table: the post's recipe and its improvements, measured the same way.

    python tools/compare_recipes.py runs/post runs/bn runs/bn-ttur
    python tools/compare_recipes.py runs/post runs/post-s1 runs/post-s2 runs/bn runs/bn-s1 …

Each run folder comes from ``tools/train_recipes.sh`` or ``tools/train_queue.sh`` (same data and number
of steps; every run keeps the moving average of its generator, which takes no part in training, so each
run gives two rows: its generator and that average). A run named ``NAME-sK`` is recipe ``NAME`` trained
from seed K; the table's ``recipes`` gives each recipe's rows over its seeds (mean, lowest, highest).
For each row: chapter 07's measures on 2,000 samples against the evaluation digits at the last epoch, a
quality curve every ``--every`` epochs, and a fixed-noise grid. Writes ``ganlib/reference/comparison.json``
and ``comparison.npz``; curves are cached in each run folder (``curve-<prefix>.json``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from ganlib import metrics
from ganlib.config import NOISE_DIM, quiet_tensorflow
from ganlib.models import generator_for_weights
from ganlib.pretrained import reference_dir
from ganlib.runs import completed_epochs
from ganlib.sampling import generate, noise, to_uint8
from ganlib.seeds import MEASURES, recipe_of, summarise
from ganlib.training import load_settings

RECIPES = {  # recipe (run folder name without its -sK) → what it adds, in the order of the chapter
    "post": "the post's recipe",
    "post-aug": "+ augmentation (translation, cutout)",
    "bn": "+ BatchNorm in the generator",
    "bn-aug": "+ BatchNorm + augmentation (translation, cutout)",
    "bn-ttur": "+ BatchNorm + two learning rates (D 4e-4, G 1e-4)",
}


def recipes(rows: list[dict]) -> list[dict]:
    """``seeds.summarise``'s entries, each with its recipe's label."""
    try:
        return [
            {**entry, "label": RECIPES.get(entry["recipe"], entry["recipe"])} for entry in summarise(rows)
        ]
    except ValueError as error:
        raise SystemExit(f"error: {error}") from None


def curve(run: Path, prefix: str, epochs: int, every: int, n: int) -> list[dict]:
    cache = run / f"curve-{prefix}.json"
    done = {row["epoch"]: row for row in json.loads(cache.read_text())} if cache.is_file() else {}
    config = load_settings(run)
    steps_per_epoch = config["n_images"] // config["batch_size"]
    for epoch in sorted({*range(every, epochs + 1, every), epochs}):
        if epoch not in done:
            gen = generator_for_weights(run / f"{prefix}-epoch-{epoch:03d}.weights.h5")
            done[epoch] = {
                "epoch": epoch,
                "steps": epoch * steps_per_epoch,
                **metrics.evaluate_generator(gen, n),
            }
            print(f"{run.name} {prefix} epoch {epoch}: {done[epoch]['classifier_score']:.2f}", flush=True)
            cache.write_text(json.dumps(sorted(done.values(), key=lambda r: r["epoch"]), indent=1))
    return sorted(done.values(), key=lambda r: r["epoch"])


def kept_rows(folder: Path, epochs: int, replaced: set[str]) -> tuple[list[dict], dict]:
    """The rows and grids of an earlier table in ``folder`` (runs whose folders may be gone), less
    those of the runs in ``replaced``; refused if that table's runs trained another number of epochs."""
    table = json.loads((folder / "comparison.json").read_text())
    if table["epochs"] != epochs:
        raise SystemExit(
            f"error: {folder}/comparison.json has runs of {table['epochs']} epochs, these {epochs}"
        )
    rows = [row for row in table["rows"] if row["run"] not in replaced]
    for row in rows:  # tables older than the seeds column: tools/train_recipes.sh trains from seed 0
        row.setdefault("seed", 0)
        row.setdefault("augment", None)
    with np.load(folder / "comparison.npz") as saved:
        return rows, {row["key"]: saved[row["key"]] for row in rows}


def main(argv=None) -> int:
    quiet_tensorflow()
    p = argparse.ArgumentParser()
    p.add_argument("runs", type=Path, nargs="+")
    p.add_argument("--every", type=int, default=8)
    p.add_argument("--n", type=int, default=2000)
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        help="folder for comparison.json/.npz (default: ganlib/reference, the table chapter 08 shows)",
    )
    p.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="folder of an earlier comparison.json/.npz whose rows (runs not given here) stay in the table",
    )
    args = p.parse_args(argv)
    epochs = {completed_epochs(run) for run in args.runs}
    if len(epochs) != 1:
        raise SystemExit(f"error: the runs must have the same number of epochs, got {sorted(epochs)}")
    epochs = epochs.pop()
    z_grid = noise(16, NOISE_DIM, seed=0)
    rows, grids = kept_rows(args.keep, epochs, {run.name for run in args.runs}) if args.keep else ([], {})
    for run in args.runs:
        config = load_settings(run)
        for prefix, ema in (("generator", False), ("generator-ema", True)):
            key = run.name.replace("-", "_") + ("_ema" if ema else "")
            points = curve(run, prefix, epochs, args.every, args.n)
            final = points[-1]
            grids[key] = to_uint8(
                generate(generator_for_weights(run / f"{prefix}-epoch-{epochs:03d}.weights.h5"), z_grid)
            )
            rows.append(
                {
                    "key": key,
                    "run": run.name,
                    "recipe": RECIPES.get(recipe_of(run.name), run.name),
                    "ema": ema,
                    "seed": config["seed"],
                    "augment": config["augment"],
                    "batch_norm": config["batch_norm"],
                    "d_learning_rate": config["d_learning_rate"],
                    "g_learning_rate": config["g_learning_rate"],
                    **{k: v for k, v in final.items() if k not in ("epoch",)},
                    "curve": [
                        {k: r[k] for k in ("epoch", "steps", "classifier_score", "frechet_distance")}
                        for r in points
                    ],
                }
            )
    table = {
        "epochs": epochs,
        "steps": rows[0]["steps"],
        "n_samples": args.n,
        "sample_seed": 123,
        "grid_noise": f"noise(16, {NOISE_DIM}, seed=0)",
        "real": metrics.real_reference(args.n),
        "rows": rows,
        "recipes": recipes(rows),
    }
    out = args.out or reference_dir()
    out.mkdir(parents=True, exist_ok=True)
    (out / "comparison.json").write_text(json.dumps(table, indent=1) + "\n")
    np.savez_compressed(out / "comparison.npz", **grids)
    for row in rows:
        share = np.array(row["class_histogram"]) / row["n"]
        print(
            f"{row['key']:12s} score {row['classifier_score']:.2f}  FD {row['frechet_distance']:.2f}  "
            f"classes {share.min():.1%}–{share.max():.1%}"
        )
    for entry in table["recipes"]:
        score, fd = (entry[m] for m in MEASURES)
        print(
            f"{entry['recipe'] + (' ema' if entry['ema'] else ''):12s} seeds {entry['seeds']}  "
            f"score {score['mean']:.2f} ({score['low']:.2f}–{score['high']:.2f})  "
            f"FD {fd['mean']:.2f} ({fd['low']:.2f}–{fd['high']:.2f})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
