"""Measure the reference run at several epochs and store ganlib/reference/quality.json.

    python tools/evaluate_reference.py runs/reference [--every 5]

Reference values come from the same code: real training-split digits vs the held-out ones,
an untrained generator (seeded), and the run's generator after selected epochs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import keras

import ganlib  # noqa: F401
from ganlib import metrics
from ganlib.models import build_generator, load_generator_weights
from ganlib.pretrained import reference_dir


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("run_dir", type=Path)
    p.add_argument("--every", type=int, default=5)
    p.add_argument("--n", type=int, default=2000)
    args = p.parse_args(argv)
    run = json.loads((args.run_dir / "run.json").read_text())
    steps_per_epoch = run["n_images"] // run["batch_size"]
    out = {
        "n_samples": args.n,
        "sample_seed": 123,
        "classifier": "ganlib/reference/mnist_classifier.weights.h5",
    }
    out["real"] = metrics.real_reference(args.n)
    keras.utils.set_random_seed(0)
    out["untrained"] = metrics.evaluate_generator(build_generator(run["noise_dim"]), n=args.n)
    files = sorted(args.run_dir.glob("generator-epoch-*.weights.h5"))
    epochs = sorted({int(f.name.split("-")[2].split(".")[0]) for f in files})
    picks = sorted({e for e in epochs if e % args.every == 0 or e in (1, 2, 3)} | {epochs[-1]})
    out["checkpoints"] = []
    for epoch in picks:
        gen = load_generator_weights(
            build_generator(run["noise_dim"]), args.run_dir / f"generator-epoch-{epoch:03d}.weights.h5"
        )
        row = {"epoch": epoch, "steps": epoch * steps_per_epoch, **metrics.evaluate_generator(gen, n=args.n)}
        out["checkpoints"].append(row)
        print(
            f"epoch {epoch:3d}: score {row['classifier_score']:.2f}  FD {row['frechet_distance']:.2f}  "
            f"classes {row['classes_covered']}",
            flush=True,
        )
    print(f"real: score {out['real']['classifier_score']:.2f} FD {out['real']['frechet_distance']:.2f}")
    print(
        f"untrained: score {out['untrained']['classifier_score']:.2f} "
        f"FD {out['untrained']['frechet_distance']:.2f}"
    )
    (reference_dir() / "quality.json").write_text(json.dumps(out, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
