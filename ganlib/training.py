"""Training a GAN end to end: ``train()`` builds the post's networks (or a recipe's), reads the
data, and runs ``fit`` with the callbacks of a run folder, resuming it if asked; ``QUICK`` is the
recipe for a generator of your own in minutes on a CPU.

The model itself (``GAN``, ``ConditionalGAN``, the post's optimizer) lives in ``ganlib.gan`` and
the run folder's callbacks in ``ganlib.callbacks``; the names below are kept here too, as the
chapters call them (``training.GAN``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

import keras
import numpy as np

from ganlib.augment import check_policy
from ganlib.callbacks import (  # noqa: F401 (re-exported)
    GeneratorCheckpoint,
    HistoryCSV,
    LearningRateFall,
    Progress,
    RunBackup,
    SampleGrid,
    run_callbacks,
)
from ganlib.config import BATCH_SIZE, NOISE_DIM, run_sizes
from ganlib.data import N_TRAIN, check_training_images, load_mnist, make_dataset, steps_per_epoch
from ganlib.gan import GAN, POST_LEARNING_RATE, ConditionalGAN, check_ema, check_learning_rate, post_adam
from ganlib.integrity import move_aside
from ganlib.labels import check_batch_size, check_smoothing
from ganlib.models import (
    build_conditional_discriminator,
    build_conditional_generator,
    build_discriminator,
    build_generator,
    check_noise_dim,
)
from ganlib.replicas import replica_strategy
from ganlib.runs import (
    RunLock,
    check_run_dir,
    completed_epochs,
    has_checkpoint,
    remove_leftovers,
    say,
    short_error,
    write_atomic,
)
from ganlib.sampling import every_digit, noise
from ganlib.validate import MAX_SEED, RunError, check_digits, positive_int, random_seed

#: ``python -m ganlib train --quick`` (``train(**QUICK, run_dir=...)`` from Python): a generator of
#: your own in about 10 minutes on a 2-core CPU. The post's networks with chapter 08's BatchNorm in
#: the generator and its moving average, on the 8,000 bundled training digits, in batches of 16 at
#: 1.5 times the post's learning rate: on a CPU a step's time grows with its batch while how far a
#: step gets hardly does, so small batches buy more steps per minute, and the moving average smooths
#: the noisier steps. One batch of fakes serves both phases (``shared_fakes``: a step about 1.2 times
#: as fast), and the learning rates fall to a tenth over the last epochs so that the generator
#: settles. Chosen by measurement over several seeds (benchmarks/RESULTS.md).
QUICK = {
    "epochs": 23,
    "batch_size": 16,
    "noise_dim": NOISE_DIM,
    "data": "bundled",
    "n_images": N_TRAIN,
    "batch_norm": True,
    "ema": 0.9995,
    "d_learning_rate": 3e-4,
    "g_learning_rate": 3e-4,
    "shared_fakes": True,
    "lr_fall_from": 15,
}


def long_run_recipe(mode: str | None = None) -> dict:
    """What chapter 05 trains when a student trains a generator of their own, as ``train``'s
    keyword arguments: on a CPU the ``QUICK`` recipe (about 10 minutes), on a GPU the post's
    own settings (50 epochs over the 60,000 digits), in fast mode (CI) the quick recipe cut to
    one epoch of 256 digits. ``mode`` as ``config.run_sizes`` (default: the current mode)."""
    sizes = run_sizes(mode)
    if sizes.mode == "gpu":
        return {
            "epochs": sizes.epochs,
            "batch_size": sizes.batch_size,
            "noise_dim": sizes.noise_dim,
            "data": sizes.data,
            "n_images": sizes.n_images,
        }
    if sizes.mode == "fast":
        cut = {"epochs": 1, "n_images": sizes.n_images, "batch_size": sizes.batch_size, "lr_fall_from": None}
        return {**QUICK, **cut}
    return dict(QUICK)


# The settings of a run that run.json may lack (folders written before they existed), with the
# values such runs had.
RUN_DEFAULTS = {
    "batch_norm": False,
    "ema": None,
    "d_learning_rate": POST_LEARNING_RATE,
    "g_learning_rate": POST_LEARNING_RATE,
    "conditional": False,
    "augment": None,
    "devices": 1,
    "shared_fakes": False,
    "lr_fall_from": None,
}


#: The settings every run.json holds.
RUN_KEYS = ("batch_size", "noise_dim", "seed", "smoothing", "n_images")
#: ``train``'s upper bound on ``epochs``: every epoch keeps the generator's weights (about 6 MB)
#: and a grid in the run folder.
MAX_EPOCHS = 1000


def load_settings(run_dir: str | os.PathLike) -> dict:
    """A run folder's settings: its ``run.json``, with ``RUN_DEFAULTS`` for those it predates;
    a ``RunError`` naming the file if it is not a JSON object holding ``RUN_KEYS``."""
    path = Path(run_dir) / "run.json"
    try:
        info = json.loads(path.read_text())
    except json.JSONDecodeError as err:
        raise RunError(f"{path} is not valid JSON ({err.msg}, line {err.lineno})") from None
    missing = [key for key in RUN_KEYS if key not in info] if isinstance(info, dict) else list(RUN_KEYS)
    if missing:
        raise RunError(
            f"{path} is not a run's settings (a JSON object with {', '.join(RUN_KEYS)}; "
            f"it holds {json.dumps(info)[:60]})"
        )
    return {**RUN_DEFAULTS, **info}


def data_sha256(images: np.ndarray, digits: np.ndarray | None = None) -> str:
    """The fingerprint of a run's training data in its run.json: the sha256 of the images'
    shape, type and bytes (and of their digits, for a conditional run)."""
    digest = hashlib.sha256(f"{images.shape} {images.dtype}".encode())
    digest.update(np.ascontiguousarray(images).tobytes())
    if digits is not None:
        digest.update(np.ascontiguousarray(digits).tobytes())
    return digest.hexdigest()


def check_settings(settings: dict, names: dict[str, str] | None = None) -> dict:
    """``train``'s keyword arguments (any subset), each checked once and normalised (NumPy
    numbers as Python ones, ``augment`` as "a,b" or None); a ValueError for the first bad one,
    named as ``names`` calls it (the command line passes its flags) or by its own name."""

    def name(key: str) -> str:
        return (names or {}).get(key, key)

    checks = {
        "epochs": lambda v: positive_int(
            name("epochs"), v, maximum=MAX_EPOCHS, hint=" (each epoch keeps about 6 MB; the post trains 50)"
        ),
        "batch_size": lambda v: check_batch_size(v, name=name("batch_size")),
        "noise_dim": lambda v: check_noise_dim(v, name=name("noise_dim")),
        "n_images": lambda v: None if v is None else positive_int(name("n_images"), v),
        "smoothing": check_smoothing,
        # (None, no moving average, is what the command line passes by leaving --ema out)
        "ema": lambda v: check_ema(v, name=name("ema"), none_ok=name("ema") == "ema" or v is None),
        "augment": lambda v: ",".join(check_policy(v, name=name("augment"))) or None,
        "seed": lambda v: random_seed(name("seed"), v, maximum=MAX_SEED, none_ok=False),
        "n_grid": lambda v: None if v is None else positive_int(name("n_grid"), v),
        "d_learning_rate": lambda v: check_learning_rate(v, name("d_learning_rate")),
        "g_learning_rate": lambda v: check_learning_rate(v, name("g_learning_rate")),
        "lr_fall_from": lambda v: None if v is None else positive_int(name("lr_fall_from"), v),
    }
    checked = dict(settings)
    for key, value in settings.items():
        if key in checks:
            checked[key] = checks[key](value)
        elif key in ("batch_norm", "conditional", "resume", "progress", "shared_fakes") and not isinstance(
            value, bool
        ):
            raise ValueError(f"{name(key)} must be True or False, got {value!r}.")
    fall, epochs = checked.get("lr_fall_from"), checked.get("epochs")
    if fall is not None and epochs is not None and fall >= epochs:
        raise ValueError(f"{name('lr_fall_from')} ({fall}) must be less than {name('epochs')} ({epochs}).")
    if checked.get("shared_fakes") and checked.get("conditional"):
        raise ValueError("shared_fakes is for the unconditional GAN only; drop it, or conditional.")
    batch, images = checked.get("batch_size"), checked.get("n_images")
    if batch is not None and images is not None and batch > images:
        raise ValueError(
            f"{name('batch_size')} ({batch}) is larger than {name('n_images')} ({images}); "
            "use a smaller batch or more images."
        )
    return checked


def build_gan(config: dict) -> GAN:
    """The compiled, built ``GAN`` (or ``ConditionalGAN``) a run with these settings trains: the
    keys of a run folder's ``run.json`` (those it lacks take ``RUN_DEFAULTS``). Sets Keras' global
    random seed to ``config["seed"]``, as training does, so the same settings give the same start."""
    config = {**RUN_DEFAULTS, **config}
    conditional = bool(config["conditional"])
    noise_dim, seed = config["noise_dim"], config["seed"]
    keras.utils.set_random_seed(seed)
    gan_class = ConditionalGAN if conditional else GAN
    gen_builder = build_conditional_generator if conditional else build_generator
    disc_builder = build_conditional_discriminator if conditional else build_discriminator
    gan = gan_class(
        gen_builder(noise_dim, batch_norm=config["batch_norm"]),
        disc_builder(),
        smoothing=config["smoothing"],
        seed=seed,
        ema=config["ema"],
        augment=config["augment"],
        **({"shared_fakes": True} if config["shared_fakes"] else {}),
    )
    gan.compile(
        d_optimizer=post_adam(config["d_learning_rate"]),
        g_optimizer=post_adam(config["g_learning_rate"]),
    )
    z = noise(1, noise_dim)
    gan([z, every_digit(1)] if conditional else z)  # build, so a checkpoint can be restored into it
    return gan


def train(
    epochs: int,
    batch_size: int = BATCH_SIZE,
    noise_dim: int = NOISE_DIM,
    data: str | np.ndarray | tuple[np.ndarray, np.ndarray] | None = None,
    n_images: int | None = None,
    run_dir: str | os.PathLike | None = None,
    resume: bool = False,
    seed: int = 0,
    smoothing: float = 0.9,
    n_grid: int | None = None,
    verbose: str | int = "auto",
    batch_norm: bool = False,
    ema: float | None = None,
    d_learning_rate: float = POST_LEARNING_RATE,
    g_learning_rate: float = POST_LEARNING_RATE,
    conditional: bool = False,
    augment: str | tuple[str, ...] | None = None,
    shared_fakes: bool = False,
    lr_fall_from: int | None = None,
    progress: bool = False,
    devices: int | None = None,
    strategy=None,
    command: str | None = None,
) -> GAN:
    """Build the post's DCGAN and train it for ``epochs`` epochs; returns the trained GAN.

    The defaults are the post's recipe. Chapter 08's improvements: ``batch_norm=True``
    (BatchNorm in the generator), ``ema=0.999`` (a moving average of the generator) and
    separate learning rates (e.g. ``d_learning_rate=4e-4, g_learning_rate=1e-4``, the
    two time-scale rule of Heusel et al. 2017), ``augment="translation,cutout"`` (differentiable
    augmentation, Zhao et al. 2020: ``ganlib.augment``). ``conditional=True`` trains chapter 09's
    conditional GAN on the digits and their labels (its grids ask for 0, 1, …, 9, 0, …).
    The quick recipe's two: ``shared_fakes=True`` (one batch of fakes serves both phases,
    ``GAN``) and ``lr_fall_from=k`` (both learning rates fall linearly after epoch k to a tenth
    at the last epoch, ``callbacks.LearningRateFall``).

    ``data``, what to train on, in one of three forms: the name of an MNIST source
    (``"bundled"``, ``"keras"``, ``"auto"``; ``None`` reads ``GANLIB_DATA``, see
    ``data.load_mnist``), an array of images (uint8 digits, or floats already in [-1, 1]),
    or an ``(images, digits)`` pair (what a conditional run needs when it is not MNIST).
    ``n_images`` keeps the first ``n_images`` of them.

    With ``run_dir`` every epoch is checkpointed there (Keras' BackupAndRestore, two
    checkpoints), with the loss history (``history.csv``), the generator's weights and a
    fixed-noise grid; ``resume=True`` continues such a run up to
    ``epochs``. The Keras ``History`` is at ``gan.history`` and the grids at
    ``gan.sample_grid.grids``. ``progress=True`` replaces Keras' per-epoch bars with one bar for
    the whole run that shows the time left (:class:`Progress`).

    ``devices=N`` trains on N devices at once (data parallelism, ``tf.distribute``): N GPUs, or
    on a CPU the CPU split into N logical devices (correct, not faster); ``strategy=`` takes a
    ``tf.distribute`` strategy of your own instead (``TPUStrategy`` on Colab). Each device
    trains on ``batch_size / N`` of every batch (``ganlib.replicas``); ``run.json`` records N,
    and a run may resume on another number of devices.

    ``command``: the command line that started the run (``python -m ganlib train`` passes its
    own), kept in run.json from the run's first start.

    ``QUICK`` holds a recipe for a generator of your own in about 10 minutes on a laptop CPU:
    ``train(**QUICK, run_dir="runs/quick")``.

    A run folder survives a kill at any instant: every file is replaced whole, and
    ``resume=True`` continues from the last complete epoch, repairing (and saying so) the
    files that epoch left damaged. One process at a time trains in a folder (``.lock``); a
    folder that holds other files but no ``run.json`` is refused, not overwritten.
    """
    # the strategy first: it may split the CPU, which must happen before TensorFlow starts
    strategy = replica_strategy(devices, strategy, check_batch_size(batch_size))
    checked = check_settings(
        dict(
            epochs=epochs, batch_size=batch_size, noise_dim=noise_dim, n_images=n_images, smoothing=smoothing,
            ema=ema, augment=augment, seed=seed, n_grid=n_grid, d_learning_rate=d_learning_rate,
            g_learning_rate=g_learning_rate, batch_norm=batch_norm, conditional=conditional,
            shared_fakes=shared_fakes, lr_fall_from=lr_fall_from,
        )
    )  # fmt: skip
    epochs, batch_size, noise_dim, n_images = (
        checked[k] for k in ("epochs", "batch_size", "noise_dim", "n_images")
    )
    smoothing, ema, augment, seed = (checked[k] for k in ("smoothing", "ema", "augment", "seed"))
    d_learning_rate, g_learning_rate = checked["d_learning_rate"], checked["g_learning_rate"]
    n_grid = checked["n_grid"] or (20 if conditional else 16)
    images, labels = _training_data(data, conditional)
    if n_images is not None:
        images = images[:n_images]
        labels = None if labels is None else labels[: len(images)]
    digits = labels if conditional else None
    steps = steps_per_epoch(len(images), batch_size)
    config = {
        "batch_size": batch_size,
        "noise_dim": noise_dim,
        "seed": seed,
        "smoothing": smoothing,
        "n_images": len(images),
        "batch_norm": batch_norm,
        "ema": ema,
        "d_learning_rate": d_learning_rate,
        "g_learning_rate": g_learning_rate,
        "devices": strategy.num_replicas_in_sync if strategy else 1,
    }
    if augment:  # (a key run folders without augmentation never had)
        config["augment"] = augment
    if conditional:  # (a key unconditional run folders never had)
        config["conditional"] = True
    if shared_fakes:  # (the quick recipe's keys: other runs never had them)
        config["shared_fakes"] = True
    lr_fall_from = checked["lr_fall_from"]
    if lr_fall_from is not None:
        config["lr_fall_from"] = lr_fall_from
    config["data_sha256"] = data_sha256(images, digits)
    grid = every_digit(n_grid) if conditional else None

    def fit(gan: GAN, callbacks: list, start: int) -> GAN:
        if lr_fall_from is not None:
            callbacks = [LearningRateFall(lr_fall_from, epochs, d_learning_rate, g_learning_rate), *callbacks]
        dataset = make_dataset(images, batch_size, seed=seed, start_epoch=start, digits=digits)
        gan.fit(
            dataset,
            epochs=epochs,
            initial_epoch=start,
            steps_per_epoch=steps,
            callbacks=[Progress(epochs, steps), *callbacks] if progress else callbacks,
            verbose=0 if progress else verbose,
            shuffle=False,
        )
        return gan

    in_scope = strategy.scope if strategy else contextlib.nullcontext
    if run_dir is None:
        with in_scope():
            gan = build_gan(config)
        return fit(gan, [SampleGrid(noise(n_grid, noise_dim, seed=seed), digits=grid)], 0)

    run_dir = Path(run_dir)
    check_run_dir(run_dir)
    with RunLock(run_dir):
        remove_leftovers(run_dir)
        recorded = completed_epochs(run_dir)
        if (recorded or has_checkpoint(run_dir)) and not resume:
            trained = (
                f"trained for {recorded} epoch{'s' if recorded != 1 else ''}"
                if recorded
                else "(its checkpoint record is unreadable)"
            )
            raise ValueError(
                f"{run_dir} already holds a run {trained}. Pass resume=True "
                "(--resume on the command line) to continue it, or choose a new output folder."
            )
        recorded_command = None
        if recorded or has_checkpoint(run_dir):
            recorded_command = _check_same_settings(run_dir, config)
        elif resume:
            say(f"nothing to resume in {run_dir} (no epoch of a run finished there); starting a new run.")
        with in_scope():
            gan = build_gan(config)
            z_fixed = noise(n_grid, noise_dim, seed=seed)
            callbacks = run_callbacks(run_dir, z_fixed, grid)
            start = callbacks[-1].restore(gan)
        command = recorded_command or command
        saved = json.dumps(config if command is None else {**config, "command": command}, indent=2) + "\n"
        write_atomic(run_dir / "run.json", lambda tmp: tmp.write_text(saved))
        for callback in callbacks[:-1]:
            callback.set_model(gan)
            callback.resume(start)
        if start >= epochs:
            say(
                f"the run in {run_dir} has trained {start} epoch{'s' if start != 1 else ''} already, "
                f"as many as asked for ({epochs}); nothing left to train — ask for more epochs "
                "to continue it."
            )
        return fit(gan, callbacks, start)


def _training_data(data, conditional: bool) -> tuple[np.ndarray, np.ndarray | None]:
    """``train``'s ``data`` as (images, digits or None)."""
    if data is None or isinstance(data, str):
        return load_mnist(data)
    if isinstance(data, tuple):
        if len(data) != 2:
            raise ValueError(f"data as a tuple is (images, digits); got {len(data)} items.")
        images, labels = data
    else:
        images, labels = data, None
        if conditional:
            raise ValueError(
                "conditional=True needs each image's digit: pass data=(images, digits), or the name of "
                "an MNIST source such as data='bundled'."
            )
    images = np.asarray(images)
    if images.dtype != np.uint8:  # uint8 digits are scaled by make_dataset
        check_training_images(images)
    return images, None if labels is None else check_digits(labels, len(images))


def _check_same_settings(run_dir: Path, config: dict) -> str | None:
    """Refuse to resume the run in run_dir with settings other than its run.json's (training
    data with another fingerprint included; a run.json from before fingerprints is not asked
    for one). Returns the command line run.json records, if any."""
    path = run_dir / "run.json"
    try:
        was = load_settings(run_dir)
    except FileNotFoundError:
        say(f"{path} was missing; writing it from these settings, unchecked.")
        return None
    except (OSError, RunError) as err:
        aside = move_aside(path) if path.is_file() else None
        kept = f"; the damaged file is kept as {aside.name}" if aside else ""
        say(f"{path} was unreadable ({short_error(err)}); writing it from these settings, unchecked{kept}.")
        return None
    command = was.pop("command", None)
    fingerprint = was.pop("data_sha256", None)
    now = {**RUN_DEFAULTS, **config}
    now.pop("data_sha256")
    if was.get("devices", 1) != now["devices"]:  # the weights carry over; the draws are the new count's
        say(f"{run_dir} trained on {was.get('devices', 1)} device(s) so far; continuing on {now['devices']}.")
        was["devices"] = now["devices"]
    changed = {k: (was.get(k), now.get(k)) for k in {**was, **now} if was.get(k) != now.get(k)}
    if changed:
        detail = ", ".join(f"{k}: {a} → {b}" for k, (a, b) in changed.items())
        raise ValueError(
            f"Cannot resume {run_dir} with different settings ({detail}); "
            "use the original settings or a new output folder."
        )
    if fingerprint is not None and fingerprint != config["data_sha256"]:
        raise ValueError(
            f"Cannot resume {run_dir}: its training images are not the ones it started with (the "
            f"same count, {config['n_images']:,}, but other pixels or order: their sha256 differs "
            "from run.json's data_sha256); train on the original images, or choose a new output folder."
        )
    return command if isinstance(command, str) else None
