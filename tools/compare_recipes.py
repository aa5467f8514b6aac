"""Chapter 08's table: the post's recipe and its improvements, measured the same way.

    python tools/compare_recipes.py runs/post runs/bn runs/bn-ttur

Each run folder comes from ``tools/train_recipes.sh`` (same seed, data and number of steps; every run
keeps the moving average of its generator, which takes no part in training, so each run
gives two rows: its generator and that average). For each row: chapter 07's measures on
2,000 samples against the evaluation digits at the last epoch, a quality curve every
``--every`` epochs, and a fixed-noise grid. Writes ``ganlib/reference/comparison.json``
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
from ganlib.training import load_settings

RECIPES = {  # run folder name → what it adds, in the order of the chapter
    "post": "the post's recipe",
    "bn": "+ BatchNorm in the generator",
    "bn-ttur": "+ BatchNorm + two learning rates (D 4e-4, G 1e-4)",
}


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
    args = p.parse_args(argv)
    epochs = {completed_epochs(run) for run in args.runs}
    if len(epochs) != 1:
        raise SystemExit(f"error: the runs must have the same number of epochs, got {sorted(epochs)}")
    epochs = epochs.pop()
    z_grid = noise(16, NOISE_DIM, seed=0)
    rows, grids = [], {}
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
                    "recipe": RECIPES.get(run.name, run.name),
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
