"""The callbacks of a training run: progress with the time left, and the run folder's files
(generator weights every epoch, sample grids, the loss history, and the checkpoint:
``ganlib.checkpoint.RunBackup``), each written so that a run killed at any instant resumes where
its last whole checkpoint left it; a file found damaged on resuming is moved aside, then rewritten."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

import keras
import numpy as np

from ganlib.checkpoint import RunBackup
from ganlib.integrity import move_aside, not_finite, sha256_of, verify
from ganlib.models import N_DIGITS, architecture_of
from ganlib.runs import (
    BACKUP_NAME,
    copy_atomic,
    load_grids,
    read_history_rows,
    read_json_object,
    save_history,
    say,
    short_error,
    write_atomic,
)
from ganlib.sampling import generate, to_uint8
from ganlib.validate import RunError


def _epochs(numbers: list[int]) -> str:
    """[1, 2, 3, 5] → '1–3, 5' (epochs counted from 1, as Keras prints them)."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans)


def _checkpoint_end(epoch: int) -> str:
    return f"the checkpoint ends at epoch {epoch}" if epoch else "no epoch was checkpointed"


def _weights_problem(path: Path, net: keras.Model, sha256: str | None) -> tuple[str, bool] | None:
    """Why ``path`` does not hold ``net``'s current weights, and whether that is damage (not a
    file left by an epoch cut off before its checkpoint); None if it holds them. ``sha256``:
    the one generator.json records for it. ``net`` is unchanged."""
    if not path.is_file():
        return "missing", False
    if sha256 is not None and sha256_of(path) != sha256:
        return "not the file generator.json records: its sha256 differs", True
    kept = net.get_weights()
    try:
        net.load_weights(path)
        loaded = net.get_weights()
    except Exception as err:  # whatever a damaged file raises
        return f"unreadable: {short_error(err)}", True
    finally:
        net.set_weights(kept)
    if all(np.array_equal(a, b) for a, b in zip(loaded, kept)):
        return None
    if not_finite(loaded):
        return "damaged: its weights are not finite numbers", True
    return "from another epoch", False


def _kept(path: Path) -> str:
    """Move a damaged file aside (``ganlib.integrity.move_aside``); the words that say so."""
    return f"the damaged file is kept as {move_aside(path).name}"


def _save_weights(path: Path, net: keras.Model) -> None:
    write_atomic(path, net.save_weights)


class _ResumingCallback(keras.callbacks.Callback):
    """A callback whose files must match the run's checkpoint before training goes on.

    ``train()`` calls ``resume(epoch)`` once the model holds the checkpoint of ``epoch``
    complete epochs; in a ``fit`` of your own it runs at the first epoch.
    """

    _resumed = False

    def resume(self, epoch: int) -> None:
        self._resumed = True

    def on_epoch_begin(self, epoch, logs=None):
        if not self._resumed:
            self.resume(epoch)


class Progress(keras.callbacks.Callback):
    """One progress bar for the whole run (Keras' ``Progbar``): steps done of all epochs, the
    losses, and the time left. Outside a terminal or notebook (a log file), one line
    per epoch instead, with the time taken and the time left."""

    def __init__(self, epochs: int, steps: int, interactive: bool | None = None):
        super().__init__()
        self.epochs, self.steps = epochs, steps
        if interactive is None:  # a terminal, or a notebook's kernel (whose output redraws a bar)
            shell = getattr(sys.modules.get("IPython"), "get_ipython", lambda: None)()
            interactive = sys.stdout.isatty() or type(shell).__name__ == "ZMQInteractiveShell"
        self.interactive = interactive

    def on_train_begin(self, logs=None):
        self.bar = None
        self.started = time.monotonic()

    def on_epoch_begin(self, epoch, logs=None):
        if self.bar is None:  # the first epoch of this fit (later than 0 when resumed)
            self.first, self.done = epoch, 0
            total = (self.epochs - epoch) * self.steps
            self.bar = keras.utils.Progbar(
                total,
                unit_name="step",
                stateful_metrics=["d_loss", "g_loss"],
                interval=0.5,
                verbose=1 if self.interactive else 0,
            )
        self.epoch = epoch

    def on_train_batch_end(self, batch, logs=None):
        self.done += 1
        values = [(k, float(logs[k])) for k in ("d_loss", "g_loss") if logs and k in logs]
        self.bar.update(self.done, values=values)

    def on_epoch_end(self, epoch, logs=None):
        if self.interactive:
            return
        took = time.monotonic() - self.started
        left = took / (epoch + 1 - self.first) * (self.epochs - epoch - 1)
        losses = " ".join(f"{k} {float(logs[k]):.3f}" for k in ("d_loss", "g_loss") if logs and k in logs)
        print(
            f"epoch {epoch + 1}/{self.epochs}: {losses}; {_minutes(took)} so far, "
            f"about {_minutes(left)} left",
            flush=True,
        )


class LearningRateFall(keras.callbacks.Callback):
    """Both optimizers' learning rates as given for the first ``start`` epochs, then falling
    linearly epoch by epoch to ``floor`` times them at the last of ``epochs`` (the
    quick recipe's end: smaller steps let the last epochs settle). Set at every epoch's start
    from the epoch alone, so a resumed run continues on the same schedule."""

    def __init__(self, start: int, epochs: int, d_rate: float, g_rate: float, floor: float = 0.1):
        super().__init__()
        self.start, self.epochs, self.rates, self.floor = start, epochs, (d_rate, g_rate), floor

    def factor(self, epoch: int) -> float:
        """The learning rates' multiplier in ``epoch`` (counted from 0, as Keras counts)."""
        if epoch < self.start or self.epochs <= self.start:
            return 1.0
        return 1.0 - (1.0 - self.floor) * min(1.0, (epoch - self.start + 1) / (self.epochs - self.start))

    def on_epoch_begin(self, epoch, logs=None):
        for optimizer, rate in zip((self.model.d_optimizer, self.model.g_optimizer), self.rates):
            optimizer.learning_rate.assign(rate * self.factor(epoch))


def _minutes(seconds: float) -> str:
    """``seconds`` as ``m:ss``."""
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def stop_diverged(epoch: int, run_dir: Path | None) -> None:
    """Stop a training whose generator went to NaN in epoch ``epoch + 1`` (Keras counts from 0),
    before that epoch's files are written: the run folder keeps the epochs before it."""
    kept = f"; {run_dir} keeps epoch {epoch}" if run_dir is not None and epoch else ""
    raise RunError(
        f"training diverged in epoch {epoch + 1}: the generator now draws NaN{kept}. Train again "
        "with smaller learning rates or another seed, in a new output folder."
    )


class SampleGrid(_ResumingCallback):
    """Generate images from one fixed noise batch after every epoch.

    The grids are kept in ``self.grids`` (epoch → float32 images) and, if ``out_dir``
    is given, written as ``epoch-NNN.png`` there and collected in ``grids.npz`` (uint8),
    which a resumed run extends. A grid depends only on that epoch's generator, so with
    ``weights_dir`` (where GeneratorCheckpoint keeps ``generator-epoch-NNN.weights.h5``)
    a resumed run regenerates grids that a damaged ``grids.npz`` lost.
    """

    def __init__(
        self,
        z: np.ndarray,
        out_dir: str | os.PathLike | None = None,
        weights_dir: str | os.PathLike | None = None,
        digits: np.ndarray | None = None,
    ):
        super().__init__()
        self.z = np.asarray(z, np.float32)
        self.digits = digits  # a conditional generator's digits, one per noise vector
        self.out_dir = Path(out_dir) if out_dir is not None else None
        self.weights_dir = Path(weights_dir) if weights_dir is not None else None
        self.grids: dict[int, np.ndarray] = {}

    def _save(self, epochs: list[int]) -> None:
        from ganlib.plotting import save_grid  # pyplot only when a run folder needs pictures

        self.out_dir.mkdir(parents=True, exist_ok=True)
        ncols = N_DIGITS if self.digits is not None else None  # a conditional grid: a column per digit
        for e in epochs:
            write_atomic(
                self.out_dir / f"epoch-{e:03d}.png",
                lambda tmp, e=e: save_grid(self.grids[e], tmp, title=f"epoch {e}", ncols=ncols),
            )
        packed = {f"epoch_{e:03d}": to_uint8(g) for e, g in sorted(self.grids.items())}
        write_atomic(self.out_dir / "grids.npz", lambda tmp: np.savez_compressed(tmp, **packed))

    def on_train_begin(self, logs=None):
        self.model.sample_grid = self  # see GAN.__init__

    def on_epoch_end(self, epoch, logs=None):
        grid = generate(self.model.generator, self.z, self.digits)
        if not np.isfinite(grid).all():
            stop_diverged(epoch, None if self.out_dir is None else self.out_dir.parent)
        self.grids[epoch + 1] = grid
        if self.out_dir is not None:
            self._save([epoch + 1])

    def _regenerate(self, e: int, epoch: int) -> np.ndarray | None:
        """The grid of epoch ``e`` from its generator weights (None if they are not readable)."""
        gen = self.model.generator
        if e == epoch:
            return generate(gen, self.z, self.digits)
        path = self.weights_dir / f"generator-epoch-{e:03d}.weights.h5" if self.weights_dir else None
        if path is None or not path.is_file():
            return None
        kept = gen.get_weights()
        try:
            verify(path)  # against the sha256 generator.json records
            gen.load_weights(path)
            images = generate(gen, self.z, self.digits)
        except Exception:  # a damaged weights file: that grid is lost
            return None
        finally:
            gen.set_weights(kept)
        return None if not_finite([images]) else images

    def resume(self, epoch: int) -> None:
        """Keep the grids of epochs 1..epoch: drop later ones, regenerate lost ones."""
        super().resume(epoch)
        if self.out_dir is None:
            self.grids = {e: g for e, g in self.grids.items() if e <= epoch}
            return
        npz = self.out_dir / "grids.npz"
        changed = False
        if npz.is_file():
            try:
                loaded = load_grids(npz)
            except Exception as err:  # BadZipFile, EOFError, OSError, ...: whatever a cut file raises
                say(f"{npz} was unreadable ({short_error(err)}); rebuilding it; {_kept(npz)}.")
                loaded, changed = {}, True
            for e, g in loaded.items():
                self.grids.setdefault(e, g)
        beyond = sorted(e for e in self.grids if e > epoch)
        if beyond:
            self.grids = {e: g for e, g in self.grids.items() if e <= epoch}
            say(f"dropped epoch {_epochs(beyond)} from {npz}: {_checkpoint_end(epoch)}.")
            changed = True
        remade, lost = [], []
        for e in range(1, epoch + 1):
            if e not in self.grids:
                images = self._regenerate(e, epoch)
                if images is None:
                    lost.append(e)
                else:
                    self.grids[e], changed = images, True
                    remade.append(e)
        if remade:
            say(f"regenerated the grid of epoch {_epochs(remade)} in {npz} from the saved generator weights.")
        if lost:
            say(
                f"the grid of epoch {_epochs(lost)} is lost (no readable "
                f"generator-epoch-NNN.weights.h5 to regenerate it from)."
            )
        no_png = [e for e in sorted(self.grids) if not (self.out_dir / f"epoch-{e:03d}.png").is_file()]
        if no_png:
            say(f"redrew {self.out_dir}/epoch-NNN.png for epoch {_epochs(no_png)}.")
        if changed or no_png:
            self._save(no_png)


class GeneratorCheckpoint(_ResumingCallback):
    """Save the generator's weights after every epoch (latest, and one file per epoch); with
    ``GAN(ema=…)`` also the moving average's (``generator-ema*.weights.h5``). ``generator.json``
    records the generator's architecture (``models.architecture_of``: loading builds from it)
    and each file's sha256, checked whenever the file is loaded (``ganlib.integrity``)."""

    def __init__(self, out_dir: str | os.PathLike, keep_every_epoch: bool = True):
        super().__init__()
        self.out_dir = Path(out_dir)
        self.keep_every_epoch = keep_every_epoch
        self.sha256: dict[str, str] = {}  # file name → sha256, for generator.json

    def _targets(self, epoch: int) -> list[tuple[Path, keras.Model]]:
        """(file, network) pairs that hold the weights after ``epoch`` epochs."""
        nets = [("generator", self.model.generator)]
        if getattr(self.model, "ema_generator", None) is not None:
            nets.append(("generator-ema", self.model.ema_generator))
        targets = []
        for name, net in nets:
            if self.keep_every_epoch:
                targets.append((self.out_dir / f"{name}-epoch-{epoch:03d}.weights.h5", net))
            targets.append((self.out_dir / f"{name}.weights.h5", net))
        return targets

    def _info(self, epoch: int) -> dict:
        architecture = architecture_of(self.model.generator)  # what loading builds from
        return {**architecture, "epoch": epoch, "sha256": dict(sorted(self.sha256.items()))}

    def _save_info(self, epoch: int) -> None:
        text = json.dumps(self._info(epoch), indent=2) + "\n"
        write_atomic(self.out_dir / "generator.json", lambda tmp: tmp.write_text(text))

    def on_epoch_end(self, epoch, logs=None):
        if not_finite(self.model.generator.get_weights()):  # before this epoch's files replace good ones
            stop_diverged(epoch, self.out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        written = {}  # network → the file that already holds its weights: the others are copies
        for path, net in self._targets(epoch + 1):
            if id(net) in written:
                copy_atomic(written[id(net)], path)
            else:
                _save_weights(path, net)
                written[id(net)] = path
            self.sha256[path.name] = sha256_of(written[id(net)])
        self._save_info(epoch + 1)

    def resume(self, epoch: int) -> None:
        """Rewrite from the restored model whichever file of epoch ``epoch`` is missing, damaged
        or holds other weights (e.g. a later epoch's, cut off before its checkpoint); a damaged
        file is first moved aside. The checksums of earlier epochs' files are kept."""
        super().resume(epoch)
        if epoch == 0:
            return
        info = self.out_dir / "generator.json"
        old = read_json_object(info)
        recorded = old.get("sha256") if old is not None else None
        if not isinstance(recorded, dict):
            recorded = {}
        recorded = {name: sha for name, sha in recorded.items() if isinstance(sha, str)}
        for path, net in self._targets(epoch):
            found = _weights_problem(path, net, recorded.get(path.name))
            if found:
                problem, damaged = found
                kept = f"; {_kept(path)}" if damaged else ""
                _save_weights(path, net)
                say(f"rewrote {path} from the checkpoint of epoch {epoch} (it was {problem}{kept}).")
        self.sha256 = {name: sha for name, sha in recorded.items() if _epoch_of(name) < epoch}
        for path, _ in self._targets(epoch):
            self.sha256[path.name] = sha256_of(path)
        if old != self._info(epoch):
            damaged = old is None and info.exists()
            kept = f" (it was unreadable; {_kept(info)})" if damaged else ""
            self._save_info(epoch)
            say(f"rewrote {info} for epoch {epoch}{kept}.")


def _epoch_of(name: str) -> float:
    """The epoch of a ``generator*-epoch-NNN.weights.h5`` file name (infinity for another name)."""
    found = re.search(r"-epoch-(\d+)\.weights\.h5$", name)
    return int(found.group(1)) if found else float("inf")


class HistoryCSV(_ResumingCallback):
    """The per-epoch losses in ``history.csv`` (columns epoch, d_loss, g_loss; epoch counted
    from 0 as in Keras' CSVLogger). The rows are kept in memory and the file is rewritten
    whole after every epoch, so a kill never leaves half a line, and a resumed run keeps
    exactly the epochs its checkpoint holds."""

    def __init__(self, path: str | os.PathLike):
        super().__init__()
        self.path = Path(path)
        self.rows: list[dict[str, float]] = []

    def on_epoch_end(self, epoch, logs=None):
        row = {"epoch": epoch, **{k: float(v) for k, v in (logs or {}).items()}}
        self.rows = [r for r in self.rows if r["epoch"] < epoch] + [row]
        save_history(self.path, self.rows)

    def resume(self, epoch: int) -> None:
        """Load the rows of epochs 1..epoch, row by row (a damaged file is moved aside, its good
        rows kept); drop later ones; say which are missing."""
        super().resume(epoch)
        rows, changed = [], False
        if self.path.is_file():
            try:
                rows, bad = read_history_rows(self.path)
            except Exception as err:  # a damaged file (no header, not text, …)
                kept = _kept(self.path)
                say(f"{self.path} was unreadable ({short_error(err)}); starting it again; {kept}.")
                rows, bad, changed = [], [], True
            if bad:
                lines = ", ".join(map(str, bad))
                say(
                    f"{self.path}: dropped unreadable line{'s' if len(bad) > 1 else ''} {lines}, kept "
                    f"the {len(rows)} other row{'s' if len(rows) != 1 else ''}; {_kept(self.path)}."
                )
                changed = True
        by_epoch = {r["epoch"]: r for r in rows}  # a repeated epoch: the last row counts
        changed |= len(by_epoch) < len(rows)
        beyond = sorted(e + 1 for e in by_epoch if e >= epoch)
        if beyond:
            say(f"dropped epoch {_epochs(beyond)} from {self.path}: {_checkpoint_end(epoch)}.")
            changed = True
        self.rows = [by_epoch[e] for e in sorted(by_epoch) if e < epoch]
        missing = [e + 1 for e in range(epoch) if e not in by_epoch]
        if missing:
            say(f"{self.path} lacks epoch {_epochs(missing)}; those losses are lost.")
        if changed:
            save_history(self.path, self.rows)


def run_callbacks(
    run_dir: str | os.PathLike, z_fixed: np.ndarray, digits: np.ndarray | None = None
) -> list[keras.callbacks.Callback]:
    """The callbacks a checkpointed run uses: generator weights, grids, history, then the
    checkpoint. Keras calls them in this order, so an epoch is recorded as done only after
    its files are written."""
    run_dir = Path(run_dir)
    return [
        GeneratorCheckpoint(run_dir),
        SampleGrid(z_fixed, out_dir=run_dir / "grids", weights_dir=run_dir, digits=digits),
        HistoryCSV(run_dir / "history.csv"),
        RunBackup(run_dir / BACKUP_NAME),
    ]
