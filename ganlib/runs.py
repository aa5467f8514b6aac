"""A run folder on disk: what ``train(run_dir=…)`` / ``python -m ganlib train --out`` leave there.

``run.json`` (the settings), ``history.csv`` (per-epoch losses), ``grids/`` (the fixed-noise
grid after every epoch: ``epoch-NNN.png`` and all of them in ``grids.npz``),
``generator*.weights.h5`` and ``backup/`` (the training state, two checkpoints).

Every file is written whole or not at all (:func:`write_atomic`), and one process at a time
works in a folder (:class:`RunLock`), so a run killed at any instant can be resumed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ganlib.integrity import read_or_refuse
from ganlib.validate import RunError

# Temporary files are hidden, carry the writer's process id, and keep the final name at the
# end (Keras wants '.weights.h5', numpy '.npz', matplotlib '.png').
TMP_PREFIX = ".tmp-"
LOCK_NAME = ".lock"
BACKUP_NAME = "backup"
# The records of Keras' BackupAndRestore (epochs done), of the latest checkpoint and the one before.
CHECKPOINT_RECORDS = ("training_metadata.json", "training_metadata.json.bkp")


def write_atomic(path: str | os.PathLike, write: Callable[[Path], object]) -> None:
    """Write ``path`` whole or not at all: ``write(temporary path)`` in the same folder,
    then ``os.replace``. A reader, or a run resumed after a kill, sees the old file or the new."""
    path = Path(path)
    tmp = path.with_name(f"{TMP_PREFIX}{os.getpid()}-{path.name}")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def copy_atomic(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Copy a file so that ``target`` is never seen half-written."""
    write_atomic(target, lambda tmp: shutil.copyfile(source, tmp))


def remove_leftovers(run_dir: str | os.PathLike) -> list[Path]:
    """Delete the temporary files a killed process left in a run folder; returns them."""
    run_dir = Path(run_dir)
    found = [p for d in (run_dir, run_dir / "grids", run_dir / BACKUP_NAME) for p in d.glob(f"{TMP_PREFIX}*")]
    for p in found:
        p.unlink(missing_ok=True)
    return found


def load_grids(directory: str | os.PathLike) -> dict[int, np.ndarray]:
    """Read the ``grids.npz`` a SampleGrid wrote: {epoch: float32 images in [-1, 1]}."""
    path = Path(directory)
    path = path / "grids.npz" if path.is_dir() else path

    def read(p: Path) -> dict[int, np.ndarray]:
        from ganlib.data import scale_images

        with np.load(p) as f:
            return {int(k.split("_")[1]): scale_images(f[k]) for k in f.files}

    return read_or_refuse(path, read)


def read_json_object(path: str | os.PathLike) -> dict | None:
    """A JSON object from a file; None if the file is missing, unreadable or not an object."""
    try:
        info = json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def read_epoch_record(meta: Path) -> int | None:
    """The epoch in a checkpoint record (training_metadata.json), None if unreadable."""
    try:
        epoch = json.loads(meta.read_text())["epoch"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return epoch if isinstance(epoch, int) and not isinstance(epoch, bool) and epoch >= 0 else None


def completed_epochs(run_dir: str | os.PathLike) -> int:
    """Epochs finished by the run in run_dir, as its checkpoint records them (the record of
    the checkpoint before if the latest one's is missing or damaged; 0 if none is readable).
    Whether the weights themselves load is found out only by resuming."""
    backup = Path(run_dir) / BACKUP_NAME
    for name in CHECKPOINT_RECORDS:
        epoch = read_epoch_record(backup / name)
        if epoch is not None:
            return epoch
    return 0


def has_checkpoint(run_dir: str | os.PathLike) -> bool:
    """True if run_dir/backup records a finished epoch, readably or not (weights without a
    record are a first checkpoint that was cut off: no epoch is finished)."""
    backup = Path(run_dir) / BACKUP_NAME
    return any((backup / name).exists() for name in CHECKPOINT_RECORDS)


def check_run_dir(run_dir: str | os.PathLike) -> None:
    """Refuse a path that is a file, or a non-empty folder that is not a ganlib run (no run.json)."""
    run_dir = Path(run_dir)
    if run_dir.exists() and not run_dir.is_dir():
        raise ValueError(f"{run_dir} is a file, not a folder; choose a folder for the run, e.g. runs/NAME.")
    if not run_dir.is_dir() or (run_dir / "run.json").is_file():
        return
    if (run_dir / BACKUP_NAME / CHECKPOINT_RECORDS[0]).exists() or (
        run_dir / BACKUP_NAME / CHECKPOINT_RECORDS[1]
    ).exists():
        return  # a run whose run.json was lost: training says so, and writes it again
    ours = (LOCK_NAME, TMP_PREFIX)  # what a ganlib run stopped before writing run.json leaves
    names = sorted(p.name for p in run_dir.iterdir() if not p.name.startswith(ours))
    if names:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise ValueError(
            f"{run_dir} is not a ganlib run folder (it holds {shown}), and training would "
            "overwrite its files; choose a new or empty folder."
        )


def load_history(path: str | os.PathLike) -> dict[str, list[float]]:
    """Read a run's ``history.csv`` (columns epoch, d_loss, g_loss; older runs' files from
    Keras' CSVLogger, with empty ``val_*`` columns, read the same) into lists."""
    path = Path(path)
    if path.is_dir():
        path = path / "history.csv"

    def read(p: Path) -> dict[str, list[float]]:
        with open(p, newline="") as f:
            rows = list(csv.DictReader(f))
        if not rows:
            raise ValueError("it holds no epoch")
        keys = [k for k in rows[0] if all(r[k] not in ("", "NA") for r in rows)]
        return {key: [float(r[key]) for r in rows] for key in keys}

    return read_or_refuse(path, read)


def read_history_rows(path: str | os.PathLike) -> tuple[list[dict[str, float]], list[int]]:
    """A run's ``history.csv`` read row by row: (the good rows as {"epoch": int, loss name:
    value}, the line numbers of the rows that are not readable, the header being line 1). A row
    is good if it has as many cells as the header, a whole epoch ≥ 0 and a number (empty or
    ``NA`` where CSVLogger left one) in every other cell. A ValueError if the header has no
    ``epoch`` column (nothing in the file can be read)."""
    with open(path, newline="", errors="replace") as f:  # a garbled byte spoils only its row
        lines = list(csv.reader(f))
    header = lines[0] if lines else []
    if "epoch" not in header or len(set(header)) < len(header):
        raise ValueError("its first line is not a header with an epoch column")
    rows, bad = [], []
    for number, cells in enumerate(lines[1:], start=2):
        if not cells:  # a blank line
            continue
        try:
            if len(cells) != len(header):
                raise ValueError
            row = {k: float(v) for k, v in zip(header, cells) if v not in ("", "NA")}
            epoch = row["epoch"]
            if not (epoch.is_integer() and epoch >= 0):
                raise ValueError
        except (ValueError, KeyError):
            bad.append(number)
            continue
        rows.append({**row, "epoch": int(epoch)})
    return rows, bad


def save_history(path: str | os.PathLike, rows: list[dict[str, float]]) -> None:
    """Write per-epoch rows ({"epoch": 0-based epoch, loss name: value}) as ``history.csv``, whole."""
    keys = sorted({k for row in rows for k in row} - {"epoch"})

    def write(tmp: Path) -> None:
        with open(tmp, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["epoch", *keys])
            for row in rows:
                writer.writerow([int(row["epoch"]), *(float(row[k]) if k in row else "NA" for k in keys)])

    write_atomic(path, write)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would send Ctrl-C there
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def process_identity(pid: int) -> str | None:
    """What tells a process apart from a later one given the same id (containers and Colab
    restarts reuse ids): the boot's id and the process's start time in clock ticks since
    boot, from ``/proc``; None where there is no ``/proc`` (then the id alone is compared)."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
        return f"{boot}:{stat[stat.rindex(')') + 2 :].split()[19]}"
    except (OSError, ValueError, IndexError):
        return None


class RunLock:
    """One process per run folder: ``with RunLock(run_dir):`` holds ``run_dir/.lock``.

    The lock file names the holder's process id and, where ``/proc`` tells it, the process's
    start (:func:`process_identity`). A second process is refused at once; a lock whose process
    is gone (killed), or whose id now belongs to another process, is taken over with a printed
    notice. Released on leaving the ``with`` block, also by an exception or Ctrl-C.
    """

    def __init__(self, run_dir: str | os.PathLike):
        self.run_dir = Path(run_dir)
        self.path = self.run_dir / LOCK_NAME
        self.token = f"{os.getpid()}-{os.urandom(4).hex()}"

    def _holder(self) -> tuple[int, str, str, bool] | None:
        """(pid, started, token, reused) of the lock file, or None if it is gone; pid 0:
        unreadable but just made (a holder still writing it), -1: unreadable and old (no
        holder); reused: the id now belongs to another process (no holder)."""
        try:
            info = json.loads(self.path.read_text())
            pid, identity = int(info["pid"]), info.get("identity")
            reused = identity is not None and process_identity(pid) not in (None, identity)
            return pid, str(info.get("started", "?")), str(info.get("token", "")), reused
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            try:
                young = dt.datetime.now().timestamp() - self.path.stat().st_mtime < 10
            except OSError:
                return None
            return (0 if young else -1), "?", "", False

    def _create(self, content: str) -> None:
        """Create the lock file with content; FileExistsError if there is one."""
        tmp = self.run_dir / f"{TMP_PREFIX}{os.getpid()}-{LOCK_NAME}"
        tmp.write_text(content)
        try:
            os.link(tmp, self.path)  # whole at once; fails if the lock exists
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system (some network and cloud drives)
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            with os.fdopen(fd, "w") as f:
                f.write(content)
        finally:
            tmp.unlink(missing_ok=True)

    def acquire(self) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)
        started = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        me = {"pid": os.getpid(), "started": started, "token": self.token}
        identity = process_identity(os.getpid())
        mine = json.dumps(me if identity is None else {**me, "identity": identity}) + "\n"
        for _ in range(3):
            try:
                self._create(mine)
                return
            except FileExistsError:
                pass
            holder = self._holder()
            if holder is None:
                continue  # released meanwhile
            pid, when, token, reused = holder
            if pid == 0 or (not reused and pid != os.getpid() and _pid_alive(pid)):
                who = f"process {pid} (started {when})" if pid else "another process"
                raise RunError(f"{self.run_dir} is in use by {who}; {self._advice()}")
            # The holder is gone. Move its lock aside, so that of two processes taking over
            # at once only one succeeds, and check that it was the stale one that moved.
            aside = self.run_dir / f"{TMP_PREFIX}{os.getpid()}-stale{LOCK_NAME}"
            try:
                os.rename(self.path, aside)
            except FileNotFoundError:
                continue
            try:
                moved = str(json.loads(aside.read_text()).get("token", ""))
            except (ValueError, AttributeError):
                moved = ""
            if moved != token:  # someone's fresh lock: give it back
                os.replace(aside, self.path)
                continue
            aside.unlink()
            gone = "whose id now belongs to another process" if reused else "which no longer runs"
            who = f"process {pid}" if pid > 0 else "a process"
            print(f"ganlib: took over {self.path} from {who}, {gone}.", flush=True)
        raise RunError(f"{self.run_dir} is in use by another process; {self._advice()}")

    def _advice(self) -> str:
        return (
            "wait for it or stop it. If no ganlib command is working in this folder (the process "
            f"is another program that got the same id), deleting {self.path} is safe."
        )

    def release(self) -> None:
        holder = self._holder()
        if holder is not None and holder[2] == self.token:
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def short_error(err: BaseException) -> str:
    """An exception as a short phrase for a one-line notice."""
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    text = text if len(text) <= 80 else text[:77] + "…"
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def say(note: str) -> None:
    """Print one line about what ganlib did to a run folder."""
    print(f"ganlib: {note}", file=sys.stdout, flush=True)
