"""Training throughput of the post's model at batch 128, three ways, each in fresh processes.

    python benchmarks/throughput.py [--processes 8] [--rounds 5] [--steps 8] [--json FILE]

(a) ganlib.training.GAN as the book uses it (``fit`` on ``make_dataset`` of the bundled digits,
    one ``fit`` call per timed round, so what ``fit`` costs beyond its steps is counted);
(b) a faithful Keras-3 port of the post's loop: ``generator.predict`` + ``train_on_batch``
    on the discriminator and on a combined model, toggling ``trainable`` as the post does
    (Keras 3 fixes each model's trainable set when its train function is first traced, so
    the port trains the right weights only because of the order of the first calls);
(c) the TensorFlow DCGAN tutorial's style: a ``tf.function`` step with two GradientTapes.

Training speed differs from one process to the next, so every loop runs alone in a fresh
process, and the processes are interleaved (a, b, c, a, b, c, …) so that background load hits
all three alike. In each process: warm-up (tracing), then the median of ``--rounds`` timed
rounds of ``--steps`` steps. The report gives each process's images/s, the ratios of the
processes run side by side, and min / median / max per loop. The FLOPs of one training step
are counted from the layer shapes, and a large conv2d measures the machine's practical peak.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import keras
import numpy as np
import tensorflow as tf

import ganlib  # noqa: F401  (quiet TensorFlow)
from ganlib.data import load_mnist, make_dataset, scale_images
from ganlib.gan import GAN
from ganlib.models import build_discriminator, build_generator

NOISE = 200


# ---------------------------------------------------------------- FLOP counting
def conv_flops(h_out, w_out, c_out, k, c_in):
    return 2 * h_out * w_out * c_out * k * k * c_in


def step_flops_per_image() -> dict[str, float]:
    """Multiply-adds ×2 of one training step, per real image in the batch."""
    g_fwd = 2 * NOISE * 6272 + conv_flops(14, 14, 64, 5, 128) + conv_flops(28, 28, 1, 5, 64)
    d_fwd = conv_flops(14, 14, 64, 5, 1) + conv_flops(7, 7, 128, 5, 64) + 2 * 6272
    d_first_conv = conv_flops(14, 14, 64, 5, 1)
    # backward ≈ 2× forward (input grads + weight grads); no input grad for the first layer
    d_train = 2 * (3 * d_fwd - d_first_conv)  # 2B images: real + fake
    d_input_grads = 2 * d_fwd - d_first_conv + conv_flops(14, 14, 64, 5, 1)  # fwd + input grads only
    g_train = 3 * g_fwd  # forward + input grads + weight grads
    parts = {
        "G forward (fakes for D)": g_fwd,
        "D train on real+fake": d_train,
        "G train": g_train,
        "D pass in G step": d_input_grads,
    }
    parts["total"] = sum(parts.values())
    # (c) shares one generator pass between both updates and backpropagates through D once:
    parts["tutorial_total"] = g_train + d_train + (2 * d_fwd - d_first_conv) // 2
    return parts


def gflop_per_image(loop: str) -> float:
    """GFLOP of one training step per image in ``loop``: (c)'s step counts fewer than (a)'s and (b)'s."""
    return step_flops_per_image()["tutorial_total" if loop == "c" else "total"] / 1e9


# ---------------------------------------------------------------- the three loops
def make_a(images, batch):
    keras.utils.set_random_seed(0)
    gan = GAN(build_generator(NOISE), build_discriminator())
    gan.compile()
    ds = make_dataset(images, batch, seed=0)

    def run(steps):
        gan.fit(ds, epochs=1, steps_per_epoch=steps, verbose=0, shuffle=False)

    return run


def make_b(images, batch):
    """The post's loop, ported to Keras 3 names (Adam(learning_rate=), channels last)."""
    keras.utils.set_random_seed(0)
    x_train = scale_images(images)
    generator, discriminator = build_generator(NOISE), build_discriminator()
    d_opt, g_opt = (keras.optimizers.Adam(learning_rate=2e-4, beta_1=0.5) for _ in range(2))
    discriminator.compile(loss="binary_crossentropy", optimizer=d_opt)
    discriminator.trainable = False
    z_in = keras.Input((NOISE,))
    gan = keras.Model(z_in, discriminator(generator(z_in)))
    gan.compile(loss="binary_crossentropy", optimizer=g_opt)
    rng = np.random.default_rng(0)
    y_dis = np.zeros(2 * batch, np.float32)
    y_dis[:batch] = 0.9
    y_gen = np.ones(batch, np.float32)

    def run(steps):
        for _ in range(steps):
            noise = rng.normal(0, 1, size=(batch, NOISE)).astype(np.float32)
            real = x_train[rng.integers(0, len(x_train), size=batch)]
            fake = generator.predict(noise, verbose=0)
            discriminator.trainable = True
            discriminator.train_on_batch(np.concatenate([real, fake]), y_dis)
            noise = rng.normal(0, 1, size=(batch, NOISE)).astype(np.float32)
            discriminator.trainable = False
            gan.train_on_batch(noise, y_gen)

    return run


def make_c(images, batch):
    """The TensorFlow DCGAN tutorial's style: one tf.function, two tapes."""
    keras.utils.set_random_seed(0)
    generator, discriminator = build_generator(NOISE), build_discriminator()
    d_opt, g_opt = (keras.optimizers.Adam(learning_rate=2e-4, beta_1=0.5) for _ in range(2))
    bce = keras.losses.BinaryCrossentropy()
    ds = iter(make_dataset(images, batch, seed=0))

    @tf.function
    def step(real):
        z = tf.random.normal((batch, NOISE))
        with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
            fake = generator(z, training=True)
            p_real = discriminator(real, training=True)
            p_fake = discriminator(fake, training=True)
            d_loss = (bce(tf.fill((batch, 1), 0.9), p_real) + bce(tf.zeros((batch, 1)), p_fake)) / 2
            g_loss = bce(tf.ones((batch, 1)), p_fake)
        d_opt.apply_gradients(
            zip(d_tape.gradient(d_loss, discriminator.trainable_variables), discriminator.trainable_variables)
        )
        g_opt.apply_gradients(
            zip(g_tape.gradient(g_loss, generator.trainable_variables), generator.trainable_variables)
        )

    def run(steps):
        for _ in range(steps):
            step(next(ds))

    return run


def conv_peak(seconds: float = 3.0) -> float:
    """GFLOP/s of a large float32 conv2d (the step's biggest layer, batched up)."""
    x = tf.random.normal((512, 14, 14, 128))
    k = tf.random.normal((5, 5, 128, 64))
    conv = tf.function(lambda: tf.nn.conv2d(x, k, 1, "SAME"))
    conv()
    flops = conv_flops(14, 14, 64, 5, 128) * 512
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        conv().numpy()
        n += 1
    return flops * n / (time.perf_counter() - start) / 1e9


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


LOOPS = {"a": make_a, "b": make_b, "c": make_c}
NAMES = {"a": "ganlib GAN.fit", "b": "the post's loop (Keras 3 port)", "c": "TF tutorial tf.function"}


def worker(loop: str, rounds: int, steps: int, batch: int) -> dict:
    """Time one loop in this (fresh) process: median images/s over the rounds."""
    images = load_mnist("bundled", verbose=False)[0]
    run = LOOPS[loop](images, batch)
    run(3)  # warm-up: tracing, graph building
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run(steps)
        times.append(time.perf_counter() - start)
    return {
        "loop": loop,
        "images_per_s": batch * steps / statistics.median(times),
        "rounds_images_per_s": [round(batch * steps / t, 1) for t in times],
        "conv_peak_gflops": conv_peak(1.5),
    }


def run_worker(loop: str, args) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", loop]
    cmd += ["--rounds", str(args.rounds), "--steps", str(args.steps), "--batch-size", str(args.batch_size)]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["load_before"] = round(load, 2)
    return result


def spread(values) -> dict:
    values = list(values)
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--processes", type=int, default=8, help="fresh processes per loop")
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--steps", type=int, default=8, help="training steps per timed round")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--loops", default="abc", help="which loops to run (default: abc)")
    p.add_argument("--json", help="also write the results here")
    p.add_argument("--worker", choices=sorted(LOOPS), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.rounds, args.steps, args.batch_size)))
        return 0

    flops = step_flops_per_image()
    gflop = {k: gflop_per_image(k) for k in LOOPS}
    loops = [k for k in LOOPS if k in args.loops]
    print(
        f"step FLOPs per image: {gflop['a']:.3f} GFLOP "
        + ", ".join(f"{k} {v / 1e6:.0f}M" for k, v in flops.items() if "total" not in k)
        + f"; the tutorial's step does less work: {gflop['c']:.3f} GFLOP"
    )
    print(
        f"{args.processes} fresh processes per loop, each the median of "
        f"{args.rounds} rounds of {args.steps} steps"
    )
    per_process: dict[str, list[dict]] = {k: [] for k in loops}
    for i in range(args.processes):
        for k in loops:
            per_process[k].append(run_worker(k, args))
        row = {k: per_process[k][-1]["images_per_s"] for k in loops}
        line = f"process {i + 1}: " + "  ".join(f"({k}) {row[k]:6.1f}" for k in loops)
        if "a" in row and "b" in row:
            line += f"   a/b {row['a'] / row['b']:.2f}"
        if "a" in row and "c" in row:
            work = row["a"] * gflop["a"] / (row["c"] * gflop["c"])
            line += f"   a·{gflop['a']:.3f}/(c·{gflop['c']:.3f}) {work:.2f}"
        print(line + f"   (load {per_process[loops[0]][-1]['load_before']})", flush=True)

    ips = {k: [r["images_per_s"] for r in per_process[k]] for k in loops}
    peak = statistics.median(r["conv_peak_gflops"] for k in loops for r in per_process[k])
    result = {
        "machine": f"{cpu_model()}, {os.cpu_count()} cores",
        "versions": f"TensorFlow {tf.__version__}, Keras {keras.__version__}",
        "batch_size": args.batch_size,
        "processes": args.processes,
        "rounds": args.rounds,
        "steps_per_round": args.steps,
        "gflop_per_image": {k: round(gflop[k], 3) for k in loops},
        "conv_peak_gflops": round(peak, 1),
        "images_per_s": {k: spread(v) for k, v in ips.items()},
        "per_process": per_process,
    }
    if "a" in ips and "b" in ips:
        result["ratio_a_b"] = spread([a / b for a, b in zip(ips["a"], ips["b"])])
    if "a" in ips and "c" in ips:
        result["work_ratio_a_c"] = spread(
            [a * gflop["a"] / (c * gflop["c"]) for a, c in zip(ips["a"], ips["c"])]
        )
    print(f"\n{result['machine']}; {result['versions']}; conv2d practical peak {peak:.1f} GFLOP/s")
    for k in loops:
        s_ = result["images_per_s"][k]
        frac = s_["median"] * gflop[k] / peak
        print(
            f"({k}) {NAMES[k]:28s} images/s min {s_['min']:6.1f}  median {s_['median']:6.1f}  "
            f"max {s_['max']:6.1f}   {frac:6.1%} of peak (median)"
        )
    if "ratio_a_b" in result:
        r = result["ratio_a_b"]
        print(f"(a)/(b) per process: min {r['min']:.2f}  median {r['median']:.2f}  max {r['max']:.2f}")
    if "work_ratio_a_c" in result:
        r = result["work_ratio_a_c"]
        print(
            f"(a)·{gflop['a']:.3f} / (c)·{gflop['c']:.3f} GFLOP per process: "
            f"min {r['min']:.2f}  median {r['median']:.2f}  max {r['max']:.2f}"
        )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
