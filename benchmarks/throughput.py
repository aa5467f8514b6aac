"""Training throughput of the seed model at batch 128, three ways, in one process.

    python benchmarks/throughput.py [--rounds 5] [--steps 8] [--batch-size 128]

(a) ganlib.training.GAN as the book uses it (``fit`` on the tf.data stream);
(b) a faithful Keras-3 port of the seed's loop: ``generator.predict`` + ``train_on_batch``
    on the discriminator and on a combined model, toggling ``trainable`` as the seed does
    (Keras 3 fixes each model's trainable set when its train function is first traced, so
    the port trains the right weights only because of the order of the first calls);
(c) the TensorFlow DCGAN tutorial's style: a ``tf.function`` step with two GradientTapes.

Rounds are interleaved (a, b, c, a, b, c, …) after a warm-up, and each figure is the median
over rounds, so background load hits all three alike. The FLOPs of one training step are
counted from the layer shapes, and a large conv2d measures the machine's practical peak.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

import keras
import numpy as np
import tensorflow as tf

import ganlib  # noqa: F401  (quiet TensorFlow)
from ganlib.data import load_mnist, make_dataset, scale_images
from ganlib.models import build_discriminator, build_generator
from ganlib.training import GAN

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
    """The seed's loop, ported to Keras 3 names (Adam(learning_rate=), channels last)."""
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


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--steps", type=int, default=8, help="training steps per timed round")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--json", help="also write the results here")
    args = p.parse_args(argv)
    batch = args.batch_size
    images = load_mnist("bundled", verbose=False)[0]
    loops = {"a": make_a(images, batch), "b": make_b(images, batch), "c": make_c(images, batch)}
    for run in loops.values():  # warm-up: tracing, graph building
        run(3)
    times = {k: [] for k in loops}
    peaks = []
    for _ in range(args.rounds):
        peaks.append(conv_peak(1.5))
        for key, run in loops.items():
            start = time.perf_counter()
            run(args.steps)
            times[key].append(time.perf_counter() - start)
    ips = {k: batch * args.steps / statistics.median(v) for k, v in times.items()}
    flops = step_flops_per_image()
    peak = statistics.median(peaks)
    result = {
        "machine": f"{cpu_model()}, {os.cpu_count()} cores",
        "versions": f"TensorFlow {tf.__version__}, Keras {keras.__version__}",
        "batch_size": batch,
        "rounds": args.rounds,
        "steps_per_round": args.steps,
        "images_per_s": {k: round(v, 1) for k, v in ips.items()},
        "ratio_a_b": round(ips["a"] / ips["b"], 3),
        "ratio_a_c": round(ips["a"] / ips["c"], 3),
        "gflop_per_image": round(flops["total"] / 1e9, 3),
        "conv_peak_gflops": round(peak, 1),
        "tutorial_gflop_per_image": round(flops["tutorial_total"] / 1e9, 3),
        "fraction_of_peak": {
            k: round(v * flops["tutorial_total" if k == "c" else "total"] / 1e9 / peak, 3)
            for k, v in ips.items()
        },
    }
    names = {"a": "ganlib GAN.fit", "b": "seed loop (Keras 3 port)", "c": "TF tutorial tf.function"}
    print(
        f"step FLOPs per image: {flops['total'] / 1e9:.3f} GFLOP "
        + ", ".join(f"{k} {v / 1e6:.0f}M" for k, v in flops.items() if "total" not in k)
        + f"; the tutorial's step does less work: {flops['tutorial_total'] / 1e9:.3f} GFLOP"
    )
    print(f"conv2d practical peak: {peak:.1f} GFLOP/s (median of {len(peaks)})")
    for k in loops:
        print(f"({k}) {names[k]:28s} {ips[k]:7.1f} images/s  {result['fraction_of_peak'][k]:6.1%} of peak")
    print(f"(a)/(b) = {result['ratio_a_b']:.2f}   (a)/(c) = {result['ratio_a_c']:.2f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
