"""Ship a finished run as one of ganlib's generators: weights, history, grids, quality, provenance.

    python tools/ship_reference.py runs/post --name post
    python tools/ship_reference.py runs/post-s2 --name improved --ema   # seeds.best, seeds.typical_seed
    python tools/ship_reference.py runs/conditional --name conditional --ema
    python tools/ship_reference.py runs/quick-1 --name quick --ema --every 2 --note "..."

Expects the folder written by ``python -m ganlib train --out runs/NAME`` plus the two stamps
written when it was started (``runs/NAME.commit``, ``runs/NAME.started``; see
``tools/train_queue.sh``). ``--ema`` ships the moving average of the generator instead of the
generator itself. Weights are stored as float16 (half the size); the tool checks that the
measures of the stored weights equal those of the float32 originals. The fixed-noise grids
are regenerated from the per-epoch weights that are shipped, and chapter 07's measures are
computed every ``--every`` epochs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import tempfile
from pathlib import Path

import h5py
import keras
import numpy as np

import ganlib
from ganlib import metrics
from ganlib.config import quiet_tensorflow
from ganlib.data import BUNDLED_FILES
from ganlib.integrity import sha256_of
from ganlib.models import build_from_architecture, load_generator_weights, saved_architecture
from ganlib.pretrained import NAMES, reference_dir
from ganlib.runs import completed_epochs, load_grids, load_history
from ganlib.sampling import every_digit, generate, noise, to_uint8
from ganlib.training import POST_LEARNING_RATE, build_gan, load_settings


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def command_of(config: dict, epochs: int, out: str) -> str:
    """The CLI command that reproduces a run from its run.json (the quick recipe's options have no
    flags of their own: such a run's recorded command, ``train --quick``)."""
    if config.get("shared_fakes") or config.get("lr_fall_from") is not None:
        return config["command"]
    parts = [
        "python -m ganlib train",
        f"--epochs {epochs}",
        f"--batch-size {config['batch_size']}",
        f"--noise-dim {config['noise_dim']}",
        "--data bundled",
        f"--images {config['n_images']}",
        f"--seed {config['seed']}",
    ]
    if config["conditional"]:
        parts.append("--conditional")
    if config["batch_norm"]:
        parts.append("--batch-norm")
    if config["ema"] is not None:
        parts.append(f"--ema {config['ema']}")
    if config["d_learning_rate"] != POST_LEARNING_RATE:
        parts.append(f"--d-lr {config['d_learning_rate']:g}")
    if config["g_learning_rate"] != POST_LEARNING_RATE:
        parts.append(f"--g-lr {config['g_learning_rate']:g}")
    if config["augment"]:
        parts.append(f"--augment {config['augment']}")
    return " ".join([*parts, f"--out {out}"])


def to_float16(src: Path, dest: Path) -> None:
    """Write a copy of a Keras weights file with every float32 array stored as float16."""

    def copy(source, target):
        target.attrs.update(source.attrs)
        for key, item in source.items():
            if isinstance(item, h5py.Group):
                copy(item, target.create_group(key))
            else:
                data = item[()]
                if item.dtype == np.float32:
                    data = data.astype(np.float16)
                target.create_dataset(key, data=data).attrs.update(item.attrs)

    with h5py.File(src, "r") as f, h5py.File(dest, "w") as g:
        copy(f, g)


def ship_discriminator(run: Path, config: dict, dest: Path) -> None:
    """A conditional run's final discriminator (from its checkpoint), stored as float16."""
    gan = build_gan(config)
    gan.load_weights(run / "backup" / "latest.weights.h5")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "discriminator.weights.h5"
        gan.discriminator.save_weights(full)
        to_float16(full, dest / "discriminator.weights.h5")


def main(argv=None) -> int:
    quiet_tensorflow()
    p = argparse.ArgumentParser()
    p.add_argument("run_dir", type=Path)
    p.add_argument("--name", choices=NAMES, required=True)
    p.add_argument("--ema", action="store_true", help="ship the moving average of the generator")
    p.add_argument("--every", type=int, default=8)
    p.add_argument("--n", type=int, default=2000)
    p.add_argument(
        "--note",
        default="Trained in the background while other work shared the 2 cores; wall time is an upper bound.",
        help="how the run was trained, for provenance.json",
    )
    args = p.parse_args(argv)
    run = args.run_dir
    config = load_settings(run)
    prefix = "generator-ema" if args.ema else "generator"
    epochs = completed_epochs(run)
    steps_per_epoch = config["n_images"] // config["batch_size"]
    dest = reference_dir() / args.name
    dest.mkdir(parents=True, exist_ok=True)
    # the checksums of the files shipped before: written again at the end, for the new files
    (dest / "provenance.json").unlink(missing_ok=True)

    final = run / f"{prefix}-epoch-{epochs:03d}.weights.h5"
    # what the run's generator.json records; provenance.json records it for the shipped file
    architecture = saved_architecture(final)

    def load(path: Path):
        return load_generator_weights(build_from_architecture(architecture), path)

    to_float16(final, dest / "generator.weights.h5")
    conditional = architecture["conditional"]
    z_eval = noise(args.n, architecture["noise_dim"], seed=123)
    d_eval = every_digit(args.n) if conditional else None  # as metrics.evaluate_generator asks
    full = generate(load(final), z_eval, d_eval)
    half = generate(load(dest / "generator.weights.h5"), z_eval, d_eval)
    m_full, m_half = (
        metrics.evaluate_images(full, digits=d_eval),
        metrics.evaluate_images(half, digits=d_eval),
    )
    print(f"float32 vs float16: max pixel difference {np.abs(full - half).max():.4f}")
    # the book prints the score with 2 decimals and the distance with 1: float16 must move
    # neither by more than half a unit of that last digit
    for key, tolerance in (("classifier_score", 0.005), ("frechet_distance", 0.05)):
        print(f"  {key}: {m_full[key]:.4f} vs {m_half[key]:.4f}")
        assert abs(m_full[key] - m_half[key]) <= tolerance, "float16 storage changes the measures"
    if conditional:
        a_full, a_half = m_full["digit_accuracy"]["overall"], m_half["digit_accuracy"]["overall"]
        print(f"  digit_accuracy: {a_full:.4f} vs {a_half:.4f}")
        assert abs(a_full - a_half) <= 0.0025, "float16 storage changes the digit accuracy"

    n_grid = len(load_grids(run / "grids" / "grids.npz")[1])  # the run's own fixed-noise grid
    z_grid = noise(n_grid, architecture["noise_dim"], seed=config["seed"])
    d_grid = every_digit(n_grid) if conditional else None
    grids, quality_rows = {}, []
    with tempfile.TemporaryDirectory() as tmp:
        for epoch in range(1, epochs + 1):
            stored = Path(tmp) / f"e{epoch}.weights.h5"
            to_float16(run / f"{prefix}-epoch-{epoch:03d}.weights.h5", stored)
            gen = load(stored)
            grids[f"epoch_{epoch:03d}"] = to_uint8(generate(gen, z_grid, d_grid))
            if epoch % args.every == 0 or epoch in (1, 2, 3) or epoch == epochs:
                row = {"epoch": epoch, "steps": epoch * steps_per_epoch}
                row.update(metrics.evaluate_generator(gen, args.n))
                quality_rows.append(row)
                score, fd = row["classifier_score"], row["frechet_distance"]
                extra = f" digit accuracy {row['digit_accuracy']['overall']:.3f}" if conditional else ""
                print(f"epoch {epoch:3d}: score {score:.2f} FD {fd:.2f}{extra}")
    np.savez_compressed(dest / "grids.npz", **grids)
    if conditional:
        ship_discriminator(run, config, dest)
    shipped_weights = ["generator.weights.h5", *(["discriminator.weights.h5"] if conditional else [])]
    shutil.copy(run / "history.csv", dest / "history.csv")
    keras.utils.set_random_seed(0)
    untrained = build_from_architecture(architecture)
    quality = {
        "n_samples": args.n,
        "sample_seed": 123,
        "classifier": "ganlib/reference/mnist_classifier.weights.h5",
        "evaluation_digits": "load_mnist('bundled', split='eval')",
        "real": metrics.real_reference(args.n),
        "untrained": metrics.evaluate_generator(untrained, n=args.n),
        "checkpoints": quality_rows,
    }
    if conditional:
        quality["digits_asked"] = "0, 1, …, 9, 0, … (n_samples / 10 of each digit)"
        quality["grid_digits"] = d_grid.tolist()
    (dest / "quality.json").write_text(json.dumps(quality, indent=1) + "\n")

    history = load_history(run)
    started = dt.datetime.fromisoformat(
        (run.parent / f"{run.name}.started").read_text().strip().replace("Z", "+00:00")
    )
    finished = dt.datetime.fromtimestamp((run / "history.csv").stat().st_mtime, dt.UTC)
    d_lr, g_lr = config["d_learning_rate"], config["g_learning_rate"]
    lr = f"discriminator {d_lr:g}, generator {g_lr:g}"
    if config.get("lr_fall_from") is not None:
        lr += f"; both falling linearly after epoch {config['lr_fall_from']} to a tenth at the last epoch"
    provenance = {
        "name": args.name,
        "command": command_of(config, epochs, f"runs/{run.name}"),
        "weights": "moving average of the generator (ema_generator)" if args.ema else "the generator",
        "git_commit": (run.parent / f"{run.name}.commit").read_text().strip(),
        "ganlib_version": ganlib.__version__,
        "data": f"bundled MNIST, training split ({config['n_images']:,} digits; load_mnist('bundled'))"
        + (", with their labels (conditional GAN)" if conditional else ""),
        "data_sha256": {name: sha for name, sha in BUNDLED_FILES.values()},
        "seed": config["seed"],
        **architecture,  # what loading the shipped generator builds from (models.saved_architecture)
        "batch_size": config["batch_size"],
        "n_images": config["n_images"],
        "smoothing": config["smoothing"],
        "ema": config["ema"],
        "augment": config["augment"],
        "shared_fakes": bool(config.get("shared_fakes")),
        "lr_fall_from": config.get("lr_fall_from"),
        "optimizer": f"Adam(beta_1=0.5), one per network; learning rates: {lr}",
        "epochs": epochs,
        "steps": epochs * steps_per_epoch,
        "final_d_loss": round(history["d_loss"][-1], 4),
        "final_g_loss": round(history["g_loss"][-1], 4),
        "storage": "float16 (score within 0.005 and Fréchet distance within 0.05 of the float32 weights)",
        # checked whenever the file is loaded (ganlib.integrity)
        "sha256": {name: sha256_of(dest / name) for name in shipped_weights},
        "started": started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "wall_time_s": round((finished - started).total_seconds()),
        "machine": f"{cpu_model()}, {os.cpu_count()} cores, no GPU",
        "software": f"Python {platform.python_version()}, TensorFlow {__import__('tensorflow').__version__}, "
        f"Keras {keras.__version__}",
        "note": args.note,
    }
    (dest / "provenance.json").write_text(json.dumps(provenance, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(provenance, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
