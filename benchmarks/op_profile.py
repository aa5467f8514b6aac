"""Where the training step's time goes: TensorFlow's profiler on loops (a) and (c) of throughput.py.

    python benchmarks/op_profile.py [--steps 6]

Both loops are built and warmed up in this one process, then each is profiled over ``--steps``
steps, (a), (c), (a), (c); the second profile of each is reported. Per step: the threads' busy
time in convolutions and in every other operation, their idle time, how much of the cores the
step kept busy (busy time / (wall time × cores)), and the convolutions' time per GFLOP that
throughput.py counts for the step (equal in both loops: equal per-FLOP efficiency where the FLOPs
are). The profile is read with TensorFlow's own converter (``framework_op_stats``, the table
TensorBoard's profile plugin shows; a private module).
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import tempfile
import time

import tensorflow as tf
from tensorflow.python.profiler.internal import _pywrap_profiler_plugin as profiler_plugin
from throughput import LOOPS, NAMES, gflop_per_image

from ganlib.data import load_mnist


def op_times(run, steps: int, logdir: str) -> tuple[float, collections.Counter]:
    """Wall time of ``steps`` steps and each operation type's self time (µs), over all threads."""
    tf.profiler.experimental.start(logdir)
    start = time.perf_counter()
    run(steps)
    wall = time.perf_counter() - start
    tf.profiler.experimental.stop()
    planes = glob.glob(os.path.join(logdir, "**", "*.xplane.pb"), recursive=True)
    data, _ = profiler_plugin.xspace_to_tools_data(planes, "framework_op_stats", {})
    table = json.loads(data.decode() if isinstance(data, bytes) else data)
    table = table[0] if isinstance(table, list) else table
    cols = [c["id"] for c in table["cols"]]
    times = collections.Counter()
    for row in table["rows"]:
        cell = dict(zip(cols, (c.get("v") for c in row["c"])))
        times[cell["type"]] += cell["total_self_time"]
    return wall, times


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=6)
    p.add_argument("--batch-size", type=int, default=128)
    args = p.parse_args(argv)
    images = load_mnist("bundled", verbose=False)[0]
    runs = {loop: LOOPS[loop](images, args.batch_size) for loop in "ac"}
    for run in runs.values():
        run(3)  # tracing
    cores = os.cpu_count() or 1
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, loop in enumerate("acac"):
            results[loop] = op_times(runs[loop], args.steps, os.path.join(tmp, str(i)))
    gflop = {loop: gflop_per_image(loop) * args.batch_size for loop in "ac"}
    for loop in "ac":
        wall, times = results[loop]
        idle = times.pop("IDLE", 0) / args.steps / 1e3
        conv = sum(t for op, t in times.items() if "Conv2D" in op) / args.steps / 1e3
        busy = sum(times.values()) / args.steps / 1e3
        step_ms = wall / args.steps * 1e3
        print(
            f"({loop}) {NAMES[loop]}: {step_ms:.0f} ms a step; threads busy {busy:.0f} ms "
            f"(convolutions {conv:.0f}, other {busy - conv:.0f}), idle {idle:.0f}; cores kept busy "
            f"{busy / (step_ms * cores):.0%}; convolution time per GFLOP of the step "
            f"{conv / gflop[loop]:.2f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
