"""``python -m ganlib train`` / ``sample`` / ``evaluate``: the course's model from a terminal.

A mistake on the command line ends with exit status 2 and one line on stderr, ``error: …``,
that names the flag, environment variable or file and says what to do; a damaged file, a full
disk or a run folder in use with status 1, a bug in ganlib with 70, Ctrl-C with 130
("interrupted") — never with a traceback (``ganlib.failures``). ``train`` records its command
line in the run's ``run.json``.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from pathlib import Path

from ganlib import failures
from ganlib.config import current_mode, quiet_tensorflow, run_sizes
from ganlib.validate import MAX_SEED, positive_int, random_seed

#: ``sample --n``: the grid's figure grows with it up to 50 digits a side
#: (``plotting.MAX_GRID_INCHES``); more would shrink the digits below their own pixels.
MAX_COLUMNS = 50
MAX_GRID = MAX_COLUMNS**2


class _UsageError(ValueError):
    """A command line argparse cannot read (unknown flag, missing value, not a number)."""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing its usage and exiting, so that main() prints one line."""

    def error(self, message):
        raise _UsageError(f"{message}; see {self.prog} --help")


def _parser() -> argparse.ArgumentParser:
    sizes = run_sizes()
    p = _Parser(prog="python -m ganlib", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)

    t = sub.add_parser("train", help="train the post's DCGAN, checkpointing every epoch")
    t.add_argument(
        "--quick",
        action="store_true",
        help="a generator of your own in about 10 minutes on a laptop CPU: the post's networks with "
        "BatchNorm and a moving average, batches of 16, one batch of fakes for both phases, learning "
        "rates falling at the end, the 8,000 bundled digits (sets the options it needs)",
    )
    # (defaults None: --quick refuses the options it sets; the mode's sizes fill in the rest)
    t.add_argument("--epochs", type=int, help=f"default {sizes.epochs} ({sizes.mode} mode)")
    t.add_argument("--batch-size", type=int, help=f"default {sizes.batch_size}")
    t.add_argument("--noise-dim", type=int, help=f"default {sizes.noise_dim}")
    t.add_argument(
        "--images",
        dest="n_images",
        type=int,
        help=f"use only the first N digits (default: all in gpu mode, {sizes.n_images} in {sizes.mode} mode)",
    )
    t.add_argument(
        "--data",
        choices=["auto", "bundled", "keras"],
        default=None,
        help="MNIST source (default: $GANLIB_DATA, else auto)",
    )
    t.add_argument("--seed", type=int, default=0)
    t.add_argument(
        "--batch-norm", action="store_true", default=None, help="BatchNorm in the generator (chapter 08)"
    )
    t.add_argument(
        "--ema", type=float, default=None, help="keep a moving average of the generator, e.g. 0.999"
    )
    t.add_argument(
        "--augment",
        default=None,
        metavar="POLICY",
        help="differentiable augmentation of every image the discriminator sees: translation, cutout "
        "or translation,cutout (chapter 08)",
    )
    t.add_argument(
        "--d-lr", dest="d_learning_rate", type=float, help="discriminator learning rate (default 2e-4)"
    )
    t.add_argument(
        "--g-lr", dest="g_learning_rate", type=float, help="generator learning rate (default 2e-4)"
    )
    t.add_argument(
        "--conditional",
        action="store_true",
        default=None,
        help="a conditional GAN that draws the digit you ask for (chapter 09)",
    )
    t.add_argument("--out", "--run-dir", dest="out", required=True, help="run folder, e.g. runs/NAME")
    t.add_argument("--resume", action="store_true", help="continue the run in --out")
    t.add_argument(
        "--devices",
        type=int,
        default=None,
        help="train on N devices at once (N GPUs; on a CPU, the CPU split into N logical devices, "
        "for learning: not faster); each takes batch-size / N images of every batch",
    )

    s = sub.add_parser("sample", help="draw a grid of digits from trained generator weights")
    s.add_argument("--weights", required=True, help="a generator .weights.h5 file")
    s.add_argument(
        "--n", type=int, default=None, help="how many samples (default 64; with --digits: 10 per digit)"
    )
    s.add_argument(
        "--digits",
        default=None,
        help="a conditional generator's digits, e.g. 0123456789: one row per digit, --n // len columns "
        "(default for a conditional generator: 0123456789)",
    )
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--out", default="grid.png")
    e = sub.add_parser("evaluate", help="classifier score, Fréchet distance and class histogram")
    which = e.add_mutually_exclusive_group()
    which.add_argument("--weights", help="a generator .weights.h5 file")
    which.add_argument(
        "--generator",
        choices=["post", "quick", "improved", "conditional"],
        default="post",
        help="a shipped generator: the post's recipe (default), the quick recipe's (train --quick), "
        "chapter 08's improved one or chapter 09's conditional one",
    )
    e.add_argument("--n", type=int, default=2000, help="samples to draw (default 2000)")
    e.add_argument("--seed", type=int, default=123)
    return p


def _load_generator(path: Path):
    from ganlib.models import generator_for_weights

    if not path.exists():
        raise ValueError(
            f"--weights {path}: no such file; train first with: python -m ganlib train --out runs/NAME"
        )
    return generator_for_weights(path)


def _check_writable(flag: str, value: str, folder: Path) -> None:
    """Raise a ValueError naming flag unless folder (or the nearest folder above it that exists)
    lets us create files."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if existing.is_dir() and not os.access(existing, os.W_OK | os.X_OK):
        raise ValueError(
            f"{flag} {value}: cannot write in {existing} (permission denied); "
            "choose a folder you can write to."
        )


def _image_path(flag: str, value: str) -> Path:
    """The file save_grid will write for ``--out value`` (``.png`` added to a name without one)."""
    from matplotlib.backend_bases import FigureCanvasBase

    path = Path(value)
    if path.is_dir():
        raise ValueError(f"{flag} {value} is a folder; give a file name, e.g. {path / 'grid.png'}.")
    if not path.suffix:
        path = path.with_name(path.name + ".png")  # what matplotlib does; report the real name
    types = FigureCanvasBase.get_supported_filetypes()
    if path.suffix[1:].lower() not in types:
        raise ValueError(
            f"{flag} {value}: cannot write images of type {path.suffix!r}; "
            "end the name in .png (or .pdf, .svg, .jpg)."
        )
    if not path.parent.is_dir():
        raise ValueError(
            f"{flag} {value}: the folder {path.parent} does not exist; create it first "
            f"(mkdir -p {path.parent}) or choose another path."
        )
    _check_writable(flag, value, path.parent)
    return path


def _evaluate(args) -> int:
    from ganlib import metrics, pretrained
    from ganlib.data import split_indices

    if args.n < metrics.MIN_FRECHET_SAMPLES:
        raise ValueError(
            f"--n must be at least {metrics.MIN_FRECHET_SAMPLES} for a meaningful Fréchet distance "
            "(with fewer samples its small-sample bias swamps the differences; see chapter 07), "
            f"got {args.n}."
        )
    most = len(split_indices()[0])
    if args.n > most:
        raise ValueError(
            f"--n must be at most {most:,}: the real reference draws --n of the {most:,} training digits; "
            f"got {args.n}."
        )
    random_seed("--seed", args.seed, maximum=MAX_SEED, none_ok=False)
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
    accuracy = rows[1][1].get("digit_accuracy")
    if accuracy is not None:
        per = " ".join(f"{d}:{a:.1%}" for d, a in enumerate(accuracy["per_digit"]))
        print(f"read as the digit asked for: {accuracy['overall']:.1%} overall; {per}")
    return 0


# The options --quick sets itself (train's recipe): flag → train()'s keyword argument (argparse's dest).
_RECIPE_OPTIONS = {
    "--epochs": "epochs",
    "--batch-size": "batch_size",
    "--noise-dim": "noise_dim",
    "--images": "n_images",
    "--data": "data",
    "--batch-norm": "batch_norm",
    "--ema": "ema",
    "--d-lr": "d_learning_rate",
    "--g-lr": "g_learning_rate",
    "--augment": "augment",
    "--conditional": "conditional",
}


def _fill_defaults(args) -> None:
    """The options left out take the mode's run sizes and the post's recipe; with --quick, the
    quick recipe's (and no recipe option may be given)."""
    if args.quick:
        given = [flag for flag, name in _RECIPE_OPTIONS.items() if getattr(args, name) is not None]
        if given:
            raise ValueError(
                f"--quick chooses the recipe itself, so it cannot be combined with {', '.join(given)}; "
                "drop those options, or drop --quick and set every option you want."
            )
        return
    sizes = run_sizes()
    defaults = {
        "epochs": sizes.epochs,
        "batch_size": sizes.batch_size,
        "noise_dim": sizes.noise_dim,
        "n_images": sizes.n_images,
        "batch_norm": False,
        "d_learning_rate": 2e-4,
        "g_learning_rate": 2e-4,
        "conditional": False,
    }
    for name, value in defaults.items():
        if getattr(args, name) is None:
            setattr(args, name, value)


def _train(args) -> int:
    from ganlib import training

    _fill_defaults(args)
    flags = {name: flag for flag, name in _RECIPE_OPTIONS.items()} | {"seed": "--seed"}
    if args.devices is not None:
        positive_int("--devices", args.devices)
    if args.quick:
        settings = training.check_settings({**training.QUICK, "seed": args.seed}, names=flags)
    else:
        names = [*_RECIPE_OPTIONS.values(), "seed"]
        settings = training.check_settings({name: getattr(args, name) for name in names}, names=flags)
    _check_writable("--out", args.out, Path(args.out))

    started = time.time()
    epochs = settings["epochs"]
    what = f"{epochs} epoch" + ("s" if epochs != 1 else "")
    how = "the quick recipe" if args.quick else f"{current_mode()} mode"
    print(f"ganlib: training {what} with {how} → {args.out}", flush=True)
    gan = training.train(
        **settings,
        run_dir=args.out,
        resume=args.resume,
        verbose="auto" if sys.stdout.isatty() else 2,
        progress=args.quick,
        devices=args.devices,
        command=shlex.join(["python", "-m", "ganlib", *args.argv]),
    )
    elapsed = time.time() - started
    out = Path(args.out)
    print(f"ganlib: done in {elapsed / 60:.1f} min; generator weights at {out / 'generator.weights.h5'}")
    if args.quick:
        _report_quality(gan, out)
    return 0


def _report_quality(gan, out: Path) -> None:
    """Measure the moving average of a quick run against the evaluation digits, beside the post's
    shipped run (chapter 07's measures, 2,000 samples)."""
    from ganlib import metrics, pretrained

    print("ganlib: measuring the moving average on 2,000 samples against the evaluation digits…", flush=True)
    mine = metrics.evaluate_generator(gan.ema_generator)
    post = pretrained.quality("post")["checkpoints"][-1]
    rows = [(f"yours ({out / 'generator-ema.weights.h5'})", mine), ("the post's recipe (shipped run)", post)]
    width = max(len(name) for name, _ in rows)
    print(f"{'':{width}s} {'score':>6s} {'Fréchet':>8s}")
    for name, r in rows:
        print(f"{name:{width}s} {r['classifier_score']:6.2f} {r['frechet_distance']:8.1f}")
    print("(score: 10 is best; Fréchet distance: 0 is best — chapter 07)")


def _sample(args) -> int:
    import numpy as np

    from ganlib.models import is_conditional, noise_dim_of
    from ganlib.plotting import save_grid
    from ganlib.sampling import generate, noise
    from ganlib.validate import digit_labels

    if args.n is not None:
        positive_int("--n", args.n, maximum=MAX_GRID)
    digits = None if args.digits is None else digit_labels("--digits", args.digits)
    random_seed("--seed", args.seed, maximum=MAX_SEED, none_ok=False)
    out = _image_path("--out", args.out)
    generator = _load_generator(Path(args.weights))
    ncols = None
    if is_conditional(generator):
        digits = np.arange(10, dtype=np.int32) if digits is None else digits
        per_digit = 10 if args.n is None else args.n // len(digits)
        if per_digit < 1:
            raise ValueError(f"--n ({args.n}) is smaller than the number of --digits ({len(digits)}).")
        if per_digit > MAX_COLUMNS:
            raise ValueError(
                f"--n ({args.n}) asks for {per_digit} samples per digit, but a row shows at most "
                f"{MAX_COLUMNS}; use --n {MAX_COLUMNS * len(digits)} or less."
            )
        ncols, digits = per_digit, np.repeat(digits, per_digit)
        n = len(digits)
    elif digits is not None:
        raise ValueError(
            f"--digits: {args.weights} is an unconditional generator, which cannot be asked for a digit; "
            "drop --digits, or train one with: python -m ganlib train --conditional --out runs/NAME."
        )
    else:
        n = 64 if args.n is None else args.n
    images = generate(generator, noise(n, noise_dim_of(generator), seed=args.seed), digits)
    save_grid(images, out, title=f"seed {args.seed}", ncols=ncols)
    print(
        f"ganlib: wrote {n} samples to {out}"
        + ("" if ncols is None else f" (a row per digit: {args.digits or '0123456789'})")
    )
    return 0


_COMMANDS = {"train": _train, "sample": _sample, "evaluate": _evaluate}


def _fail(message: str, status: int = failures.USAGE) -> int:
    """Print ``error: message`` as one line on stderr; return the exit status."""
    print("error: " + " ".join(str(message).split()), file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status (0 done, 2 a mistake in the command, 1 a
    damaged file, a full disk or a folder in use, 70 a bug, 130 Ctrl-C: see ``ganlib.failures``)."""
    args = None
    saved_stdout = sys.stdout
    failures.quiet_when_closed()  # `train … | head -1` must not stop the training
    try:
        argv = sys.argv[1:] if argv is None else list(argv)
        args = _parser().parse_args(argv)
        quiet_tensorflow()
        args.argv = argv
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        resumable = args is not None and args.command == "train"
        print("interrupted — continue with --resume" if resumable else "interrupted", file=sys.stderr)
        return failures.INTERRUPTED
    except _UsageError as err:
        return _fail(str(err))
    except Exception as err:  # noqa: BLE001 - the last resort: one line, never a traceback
        if sys.flags.dev_mode:
            raise
        command = None if args is None else args.command
        message, status = failures.explain(
            err, command, getattr(args, "out", None) if command == "train" else None
        )
        return _fail(message, status)
    finally:
        sys.stdout = saved_stdout
