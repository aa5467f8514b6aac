"""``python -m ganlib train`` / ``sample`` / ``evaluate``: the course's model from a terminal."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ganlib.config import current_mode, quiet_tensorflow, run_sizes


def _parser() -> argparse.ArgumentParser:
    sizes = run_sizes()
    p = argparse.ArgumentParser(prog="python -m ganlib", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("train", help="train the post's DCGAN, checkpointing every epoch")
    t.add_argument(
        "--epochs", type=int, default=sizes.epochs, help=f"default {sizes.epochs} ({sizes.mode} mode)"
    )
    t.add_argument("--batch-size", type=int, default=sizes.batch_size)
    t.add_argument("--noise-dim", type=int, default=sizes.noise_dim)
    t.add_argument(
        "--images",
        type=int,
        default=sizes.n_images,
        help=f"use only the first N digits (default: all in gpu mode, {sizes.n_images} in {sizes.mode} mode)",
    )
    t.add_argument(
        "--data",
        choices=["auto", "bundled", "keras"],
        default=None,
        help="MNIST source (default: $GANLIB_DATA, else auto)",
    )
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--batch-norm", action="store_true", help="BatchNorm in the generator (chapter 08)")
    t.add_argument(
        "--ema", type=float, default=None, help="keep a moving average of the generator, e.g. 0.999"
    )
    t.add_argument("--d-lr", type=float, default=2e-4, help="discriminator learning rate (default 2e-4)")
    t.add_argument("--g-lr", type=float, default=2e-4, help="generator learning rate (default 2e-4)")
    t.add_argument("--out", required=True, help="run folder, e.g. runs/NAME")
    t.add_argument("--resume", action="store_true", help="continue the run in --out")

    s = sub.add_parser("sample", help="draw a grid of digits from trained generator weights")
    s.add_argument("--weights", required=True, help="a generator .weights.h5 file")
    s.add_argument("--n", type=int, default=64)
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--out", default="grid.png")
    e = sub.add_parser("evaluate", help="classifier score, Fréchet distance and class histogram")
    which = e.add_mutually_exclusive_group()
    which.add_argument("--weights", help="a generator .weights.h5 file")
    which.add_argument(
        "--generator",
        choices=["post", "improved"],
        default="post",
        help="a shipped generator: the post's recipe (default) or chapter 08's improved one",
    )
    e.add_argument("--n", type=int, default=2000, help="samples to draw (default 2000)")
    e.add_argument("--seed", type=int, default=123)
    return p


def _load_generator(path: Path):
    from ganlib.models import generator_for_weights

    if not path.is_file():
        raise ValueError(
            f"No weights file at {path}; train first with: python -m ganlib train --out runs/NAME"
        )
    return generator_for_weights(path)


def _evaluate(args) -> int:
    from ganlib import metrics, pretrained

    if args.weights is None:
        generator = pretrained.load_generator(args.generator)
    else:
        generator = _load_generator(Path(args.weights))
    rows = [
        ("real digits (evaluation)", metrics.real_reference(args.n)),
        ("this generator", metrics.evaluate_generator(generator, n=args.n, seed=args.seed)),
    ]
    print(f"{'':24s} {'score':>7s} {'Fréchet':>9s} {'top class':>10s} {'classes':>8s}  histogram 0..9")
    for name, r in rows:
        print(
            f"{name:24s} {r['classifier_score']:7.2f} {r['frechet_distance']:9.2f} "
            f"{r['top_class_share']:10.1%} {r['classes_covered']:8d}  {r['class_histogram']}"
        )
    return 0


def _train(args) -> int:
    from ganlib.training import train

    started = time.time()
    print(f"ganlib: training {args.epochs} epochs in {current_mode()} mode → {args.out}", flush=True)
    train(
        epochs=args.epochs,
        batch_size=args.batch_size,
        noise_dim=args.noise_dim,
        data=args.data,
        n_images=args.images,
        run_dir=args.out,
        resume=args.resume,
        seed=args.seed,
        batch_norm=args.batch_norm,
        ema=args.ema,
        d_learning_rate=args.d_lr,
        g_learning_rate=args.g_lr,
        verbose="auto" if sys.stdout.isatty() else 2,
    )
    elapsed = time.time() - started
    print(f"ganlib: done in {elapsed:.0f} s; generator weights at {Path(args.out) / 'generator.weights.h5'}")
    return 0


def _sample(args) -> int:
    from ganlib.models import noise_dim_of
    from ganlib.plotting import save_grid
    from ganlib.sampling import generate, noise

    generator = _load_generator(Path(args.weights))
    images = generate(generator, noise(args.n, noise_dim_of(generator), seed=args.seed))
    save_grid(images, args.out, title=f"seed {args.seed}")
    print(f"ganlib: wrote {args.n} samples to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    quiet_tensorflow()
    args = _parser().parse_args(argv)
    try:
        return {"train": _train, "sample": _sample, "evaluate": _evaluate}[args.command](args)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
