"""The checkpoint of a training run (``RunBackup``): the whole model's state after every
epoch, kept twice, each copy with a record of its epoch and its sha256, so that a run killed at
any instant, or whose latest checkpoint was damaged, resumes from a whole one."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import keras

from ganlib.integrity import file_not_finite, move_aside, sha256_of
from ganlib.runs import (
    TMP_PREFIX,
    copy_atomic,
    read_epoch_record,
    read_json_object,
    say,
    short_error,
    write_atomic,
)


class RunBackup(keras.callbacks.Callback):
    """The run's checkpoint after every epoch — the model's weights (both networks, both
    optimizers, the moving average, the random-number states) and a record of the epochs done —
    kept twice, so that a kill at any instant leaves a whole one.

    The files are those of Keras' ``BackupAndRestore(double_checkpoint=True)``
    (``latest.weights.h5``, ``training_metadata.json`` and their ``.bkp`` copies, the checkpoint
    before), so run folders from either resume with the other; but each file is replaced whole,
    and the record of the latest checkpoint is removed while its weights are being replaced: a
    latest checkpoint without a readable record, or whose weights do not load, is passed over for
    the one before. The record also holds the weights file's sha256 (``"sha256"``): weights
    that differ from it (or, in a record from before it was kept, are not finite) are damaged,
    and are passed over too, the damaged file moved aside. ``restore`` returns the epoch to
    start from; ``train`` passes it to ``fit`` as ``initial_epoch`` (public Keras only: nothing
    here reaches into Keras' own callback).
    """

    WEIGHTS = "latest.weights.h5"
    RECORD = "training_metadata.json"

    def __init__(self, backup_dir: str | os.PathLike):
        super().__init__()
        self.backup_dir = Path(backup_dir)
        self.latest = (self.backup_dir / self.WEIGHTS, self.backup_dir / self.RECORD)
        self.previous = tuple(path.with_name(path.name + ".bkp") for path in self.latest)
        self.epoch: int | None = None  # the epoch restored, once restored
        self._latest_whole = False

    def on_train_begin(self, logs=None):
        if self.epoch is None:
            self.restore()

    def _try(self, weights: Path, record: Path) -> tuple[int | None, str, Path | None]:
        """Load weights + record into the model: (epoch, "", None) or (None, what is wrong, the
        damaged file or None)."""
        epoch = read_epoch_record(record)
        sha256 = (read_json_object(record) or {}).get("sha256")
        if epoch is None or not isinstance(sha256, (str, type(None))):
            if record.exists():
                return None, f"{record.name} unreadable", record
            return None, f"{record.name} missing", None
        if not weights.is_file():
            return None, f"{weights.name} missing", None
        if sha256 is not None and sha256_of(weights) != sha256:
            return None, f"{weights.name} damaged: its sha256 is not the one {record.name} records", weights
        try:
            if weights.name.endswith(".weights.h5"):
                self.model.load_weights(weights)
            else:  # Keras loads only files named *.weights.h5
                tmp = self.backup_dir / f"{TMP_PREFIX}{os.getpid()}-previous.weights.h5"
                try:
                    shutil.copyfile(weights, tmp)
                    self.model.load_weights(tmp)
                finally:
                    tmp.unlink(missing_ok=True)
        except Exception as err:  # whatever a damaged file raises
            return None, f"{weights.name} unreadable: {short_error(err)}", weights
        if sha256 is None and file_not_finite(weights):  # a record without a checksum (older runs)
            return None, f"{weights.name} damaged: its weights are not finite numbers", weights
        return epoch, "", None

    def restore(self, model: keras.Model | None = None) -> int:
        """Load the newest whole checkpoint into the model; returns its epoch (0 if none)."""
        if model is not None:
            self.set_model(model)
        opt = self.model.optimizer
        if opt is not None and not opt.built:
            opt.build(self.model.trainable_variables)
        epoch, problem, damaged = self._try(*self.latest)
        if epoch is not None:
            self._latest_whole = True
        elif not self.latest[1].exists() and not self.previous[1].exists():
            epoch = 0  # no epoch was ever recorded: start from scratch
        else:
            epoch, problem_before, _ = self._try(*self.previous)
            if epoch is None:
                raise ValueError(
                    f"No usable checkpoint is left in {self.backup_dir} (latest: {problem}; "
                    f"the one before: {problem_before}); start over in a new folder."
                )
            # The one before becomes the latest again (record last: whole at every instant);
            # a damaged file is kept aside first.
            kept = f"; the damaged file is kept as {move_aside(damaged).name}" if damaged else ""
            self.latest[1].unlink(missing_ok=True)
            copy_atomic(self.previous[0], self.latest[0])
            copy_atomic(self.previous[1], self.latest[1])
            self._latest_whole = True
            state = "cannot be used" if damaged is not None else "is not whole"
            say(
                f"the latest checkpoint in {self.backup_dir} {state} ({problem}); "
                f"continuing from the one before it, after epoch {epoch}{kept}."
            )
        self.epoch = epoch
        return epoch

    def on_epoch_end(self, epoch, logs=None):
        self.backup_dir.mkdir(parents=True, exist_ok=True)
        (weights, record), (weights_before, record_before) = self.latest, self.previous
        if self._latest_whole:  # keep it as the one before (its record last: never a mismatched pair)
            record_before.unlink(missing_ok=True)
            copy_atomic(weights, weights_before)
            copy_atomic(record, record_before)
        record.unlink(missing_ok=True)  # from here until the new record, the one before counts
        self._latest_whole = False
        write_atomic(weights, self.model.save_weights)
        text = json.dumps({"epoch": epoch + 1, "batch": 0, "sha256": sha256_of(weights)})
        write_atomic(record, lambda tmp: tmp.write_text(text))
        self._latest_whole = True
