"""Is a step on two logical CPU devices faster than on one? (chapter 11's claim), in fresh processes.

    python benchmarks/replica_speed.py [--processes 4] [--batch 128] [--rounds 5] [--steps 20]

Chapter 11 splits this machine's CPU into two logical devices to show what several replicas do,
and says that this is for correctness, not speed. Here the post's GAN (``training.build_gan`` with
the post's settings) trains under ``replicas.cpu_strategy(2)`` and on one device, each in its own
fresh process (a CPU split must happen before TensorFlow starts, and one process can be slower than
the next), the processes interleaved (1, 2, 2, 1, 1, 2, …) so that background load hits both alike.
In each process: one warm-up ``fit`` (tracing), then the median of ``--rounds`` timed ``fit`` calls
of ``--steps`` steps on the same global batch size. The report gives each process's milliseconds
per step and the median ratio two devices / one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time


def one_process(devices: int, batch: int, rounds: int, steps: int) -> float:
    """Milliseconds per step of ``fit`` on ``devices`` logical CPU devices (median of the rounds)."""
    from ganlib import replicas  # before TensorFlow sets up its devices

    strategy = replicas.cpu_strategy(devices) if devices > 1 else None
    from ganlib import training
    from ganlib.data import load_mnist, make_dataset

    images, _ = load_mnist("bundled", verbose=False)
    dataset = make_dataset(images[:4096], batch, seed=0).repeat()
    with strategy.scope() if strategy else contextlib.nullcontext():
        gan = training.build_gan({"seed": 0, "noise_dim": 200, "smoothing": 0.9})
    gan.fit(dataset, epochs=1, steps_per_epoch=steps, verbose=0)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        gan.fit(dataset, epochs=1, steps_per_epoch=steps, verbose=0)
        times.append((time.perf_counter() - start) / steps * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4, help="fresh processes per device count")
    parser.add_argument("--batch", type=int, default=128, help="global batch size (the post's 128)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        ms = one_process(args.child, args.batch, args.rounds, args.steps)
        print(json.dumps({"devices": args.child, "ms": ms}))
        return
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "GANLIB_DATA": "bundled"}
    results: dict[int, list[float]] = {1: [], 2: []}
    for i in range(args.processes):
        for devices in (1, 2) if i % 2 == 0 else (2, 1):
            command = [sys.executable, __file__, "--child", str(devices), "--batch", str(args.batch)]
            command += ["--rounds", str(args.rounds), "--steps", str(args.steps)]
            out = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
            ms = json.loads(out.strip().splitlines()[-1])["ms"]
            results[devices].append(ms)
            print(f"process {i + 1}, {devices} device(s): {ms:.1f} ms per step", flush=True)
    ratios = [two / one for one, two in zip(results[1], results[2])]
    print(
        f"batch {args.batch}: one device {statistics.median(results[1]):.1f} ms, two logical devices "
        f"{statistics.median(results[2]):.1f} ms per step (medians); "
        f"two / one = {statistics.median(ratios):.2f} "
        f"(per pair: {', '.join(f'{r:.2f}' for r in ratios)})"
    )


if __name__ == "__main__":
    main()
