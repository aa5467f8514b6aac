"""The quick recipe's time-to-quality curve, each run in a fresh process.

    python benchmarks/quick_curve.py [--runs 2] [--out benchmarks/quick] [--runs-dir runs]

Runs ``python -m ganlib train --quick --run-dir DIR`` ``--runs`` times, one after another, each in
a process of its own (nothing else should train meanwhile), and times it from the start of the
process to its exit: the wall time a student waits. Then measures the moving average saved after
every epoch (the ``generator-ema-epoch-NNN.weights.h5`` files): chapter 07's classifier score and
Fréchet distance, 2,000 samples against the 2,000 evaluation digits, as ``python -m ganlib
evaluate`` does; the minute each epoch ended is its file's time since the process started.
The runs stay in ``--runs-dir`` (``quick-1``, … with the stamps ``tools/ship_reference.py``
reads). Writes ``curve.csv`` (run, epoch, steps, minutes, score, Fréchet) and ``summary.json`` (wall
times, the machine, the final measures) to ``--out``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def machine() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} cores"
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--out", default="benchmarks/quick")
    parser.add_argument("--runs-dir", default="runs", help="where the runs are kept (runs/quick-1, …)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="3")
    work = Path(args.runs_dir)
    work.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout
    walls = []
    for run in range(1, args.runs + 1):
        run_dir = work / f"quick-{run}"
        if run_dir.exists():
            raise SystemExit(f"{run_dir} exists already: move it away or choose another --runs-dir")
        # the stamps tools/ship_reference.py reads (as tools/train_queue.sh writes them)
        (work / f"quick-{run}.commit").write_text(commit)
        (work / f"quick-{run}.started").write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) + "\n")
        started = time.time()
        subprocess.run(
            [sys.executable, "-m", "ganlib", "train", "--quick", "--run-dir", str(run_dir)],
            env=env,
            check=True,
        )
        walls.append((run_dir, started, time.time() - started))
        print(f"run {run}: {walls[-1][2] / 60:.2f} min", flush=True)

    from ganlib import metrics, pretrained
    from ganlib.models import generator_for_weights
    from ganlib.training import QUICK

    steps_per_epoch = -(-QUICK["n_images"] // QUICK["batch_size"])
    rows = []
    for run, (run_dir, started, _wall) in enumerate(walls, start=1):
        for path in sorted(run_dir.glob("generator-ema-epoch-*.weights.h5")):
            epoch = int(path.name.split("-")[-1].split(".")[0])
            m = metrics.evaluate_generator(generator_for_weights(path))
            rows.append(
                {
                    "run": run,
                    "epoch": epoch,
                    "steps": epoch * steps_per_epoch,
                    "minutes": round((path.stat().st_mtime - started) / 60, 2),
                    "score": round(m["classifier_score"], 3),
                    "frechet": round(m["frechet_distance"], 2),
                }
            )
            print(rows[-1], flush=True)
    with open(out / "curve.csv", "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    post = pretrained.quality("post")["checkpoints"][-1]
    summary = {
        "command": "python -m ganlib train --quick --run-dir DIR",
        "recipe": QUICK,
        "machine": machine(),
        "wall_minutes": [round(w / 60, 2) for _, _, w in walls],
        "final": [
            {k: r[k] for k in ("run", "score", "frechet")} for r in rows if r["epoch"] == QUICK["epochs"]
        ],
        "post_shipped": {
            "score": round(post["classifier_score"], 3),
            "frechet": round(post["frechet_distance"], 2),
        },
        "measured": time.strftime("%Y-%m-%d"),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
