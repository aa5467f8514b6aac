"""Copy a finished reference run into ganlib/reference/ with a provenance file.

    python tools/ship_reference.py runs/reference

Expects the run folder written by ``python -m ganlib train --out runs/reference`` plus the
two stamps written when it was started: ``runs/reference.commit`` (git commit) and
``runs/reference.started`` (UTC start time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
from pathlib import Path

import ganlib
from ganlib.data import BUNDLED_FILES
from ganlib.pretrained import reference_dir
from ganlib.training import completed_epochs, load_history


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("run_dir", type=Path)
    p.add_argument(
        "--command",
        default="python -m ganlib train --epochs 50 --batch-size 128 --noise-dim 200 "
        "--data bundled --images 10000 --seed 0 --out runs/reference",
    )
    args = p.parse_args(argv)
    run = args.run_dir
    config = json.loads((run / "run.json").read_text())
    epochs = completed_epochs(run)
    history = load_history(run)
    started = dt.datetime.fromisoformat(
        (run.parent / f"{run.name}.started").read_text().strip().replace("Z", "+00:00")
    )
    finished = dt.datetime.fromtimestamp(
        (run / "backup" / "training_metadata.json").stat().st_mtime, dt.timezone.utc
    )
    dest = reference_dir()
    shutil.copy(run / "generator.weights.h5", dest / "generator.weights.h5")
    shutil.copy(run / "history.csv", dest / "history.csv")
    shutil.copy(run / "grids" / "grids.npz", dest / "grids.npz")
    provenance = {
        "command": args.command,
        "git_commit": (run.parent / f"{run.name}.commit").read_text().strip(),
        "ganlib_version": ganlib.__version__,
        "data": "bundled MNIST test split (10,000 digits)",
        "data_sha256": {name: sha for name, sha in BUNDLED_FILES.values()},
        "seed": config["seed"],
        "noise_dim": config["noise_dim"],
        "batch_size": config["batch_size"],
        "n_images": config["n_images"],
        "smoothing": config["smoothing"],
        "optimizer": "Adam(learning_rate=2e-4, beta_1=0.5), one per network",
        "epochs": epochs,
        "steps": epochs * (config["n_images"] // config["batch_size"]),
        "final_d_loss": round(history["d_loss"][-1], 4),
        "final_g_loss": round(history["g_loss"][-1], 4),
        "started": started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "wall_time_s": round((finished - started).total_seconds()),
        "machine": f"{cpu_model()}, {os.cpu_count()} cores, no GPU",
        "software": f"Python {platform.python_version()}, TensorFlow {__import__('tensorflow').__version__}, "
        f"Keras {__import__('keras').__version__}",
        "note": "Trained in the background while other work shared the 2 cores; wall time is an upper bound.",
    }
    (dest / "provenance.json").write_text(json.dumps(provenance, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(provenance, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
