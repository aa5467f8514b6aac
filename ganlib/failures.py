"""What the command line says when a command fails: one line, and an exit status by cause.

- 2: a mistake in the command (a flag, a path, a folder that holds another run): what ganlib's
  own checks raise as ``ValueError``;
- 1: what the command works on failed — a damaged or missing file (``validate.RunError``, an
  ``OSError``, h5py's and JSON's errors), a full disk, a run folder in use;
- 70 (``EX_SOFTWARE``): anything else, a bug in ganlib (``python -X dev -m ganlib …`` shows
  the traceback);
- 130: Ctrl-C.

A closed standard output (``python -m ganlib train … | head -1``) stops no command: what
it would have printed is dropped (:class:`QuietWhenClosed`).
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import sys
import zipfile
from pathlib import Path

from ganlib.runs import TMP_PREFIX
from ganlib.validate import RunError

USAGE, FAILED, BUG, INTERRUPTED = 2, 1, 70, 130

_PACKAGE = str(Path(__file__).resolve().parent)
# The local variables that hold the file a ganlib function was reading or writing.
_FILE_NAMES = ("path", "tmp", "target", "record", "meta", "cache", "file", "filename", "directory")


def _raised_in_ganlib(err: BaseException) -> bool:
    """True if err was raised by ganlib's own code (a message written for a person), not inside
    a library it calls."""
    tb = err.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and str(Path(tb.tb_frame.f_code.co_filename).resolve()).startswith(_PACKAGE)


def file_of(err: BaseException) -> str | None:
    """The file a failed operation was on: the error's own filename, the name in an h5py
    message, else the innermost ganlib function's local variable that holds a path."""
    for name in (getattr(err, "filename", None), getattr(err, "filename2", None)):
        if name:
            return _final_name(os.fsdecode(name) if isinstance(name, bytes) else str(name))
    found = re.search(r"name = '([^']+)'", str(err))  # h5py: "(file)name = '…'"
    if found:
        return _final_name(found.group(1))
    frames = []
    tb = err.__traceback__
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    for frame in reversed(frames):
        if not str(Path(frame.f_code.co_filename).resolve()).startswith(_PACKAGE):
            continue
        for name in _FILE_NAMES:
            value = frame.f_locals.get(name)
            if isinstance(value, (str, os.PathLike)) and str(value):
                return _final_name(str(value))
    return None


def _final_name(name: str) -> str:
    """The file a temporary file of ``runs.write_atomic`` was to become."""
    path = Path(name)
    return str(path.with_name(re.sub(rf"^{re.escape(TMP_PREFIX)}\d+-", "", path.name)))


def _disk_full(err: BaseException) -> bool:
    text = str(err)
    return (
        getattr(err, "errno", None) == errno.ENOSPC
        or "No space left on device" in text
        or "errno = 28" in text
    )


def explain(err: BaseException, command: str | None, out: str | None = None) -> tuple[str, int]:
    """(the one line to print, the exit status) for an exception that ended ``command``;
    ``out``: train's run folder, named where a file in it failed."""
    if isinstance(err, RunError):
        return str(err), FAILED
    where = file_of(err)
    if _disk_full(err):
        place = f" while writing {where}" if where else ""
        then = "continue the run: the same command with --resume" if command == "train" else "run it again"
        return (
            f"the disk is full (no space left on device){place}: free space there (delete runs you no "
            "longer need; their backup/ folders and generator-epoch-*.weights.h5 files are the largest), "
            f"then {then}.",
            FAILED,
        )
    if isinstance(err, ValueError) and not isinstance(err, json.JSONDecodeError) and _raised_in_ganlib(err):
        return str(err), USAGE
    name = where or "a file"
    run = f" (in the run folder --out {out})" if out and where and Path(out) in Path(where).parents else ""
    if isinstance(err, json.JSONDecodeError):
        return (
            f"{name}{run} is not valid JSON ({err.msg}, line {err.lineno}): the file is damaged; "
            "copy it again or delete it.",
            FAILED,
        )
    if isinstance(err, OSError) and not _h5py_error(err):
        reason = err.strerror or str(err)
        return f"{name}{run}: {reason}; check the path and its permissions, or choose another one.", FAILED
    if _h5py_error(err) or isinstance(err, (zipfile.BadZipFile, EOFError)):
        reason = " ".join(str(err).split())[:120] or type(err).__name__
        return (
            f"{name}{run} cannot be read ({reason}): the file is damaged; copy it again or delete it.",
            FAILED,
        )
    reason = " ".join(str(err).split())[:160]
    return (
        f"ganlib failed unexpectedly ({type(err).__name__}: {reason}) — a bug in ganlib, not in your "
        "command; please report it with the command line (python -X dev -m ganlib … shows where).",
        BUG,
    )


def _h5py_error(err: BaseException) -> bool:
    """True for the errors h5py raises on a damaged file (OSError, RuntimeError, KeyError … from
    its modules)."""
    module = type(err).__module__ or ""
    tb = err.__traceback__
    while tb is not None:
        if "h5py" in tb.tb_frame.f_code.co_filename:
            return True
        tb = tb.tb_next
    return module.startswith("h5py")


class QuietWhenClosed(io.TextIOBase):
    """Standard output that goes quiet instead of failing once its reader has gone (a closed
    pipe): the command runs on, and what it prints is dropped."""

    def __init__(self, stream):
        self._stream = stream
        self.closed_pipe = False

    def _guard(self, action):
        if self.closed_pipe:
            return None
        try:
            return action()
        except (BrokenPipeError, ValueError):  # the reader left (ValueError: stream closed)
            self.closed_pipe = True
            try:  # what is still buffered, and Python's own flush at exit, go to /dev/null
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._stream.fileno())
                os.close(devnull)
            except (OSError, ValueError, io.UnsupportedOperation):
                pass
            return None

    def write(self, text: str) -> int:
        self._guard(lambda: self._stream.write(text))
        return len(text)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def isatty(self) -> bool:
        return not self.closed_pipe and self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def encoding(self):
        return getattr(self._stream, "encoding", "utf-8")

    @property
    def errors(self):
        return getattr(self._stream, "errors", "strict")

    def __getattr__(self, name):  # anything else (buffer, mode, …) is the stream's
        return getattr(self._stream, name)


def quiet_when_closed() -> QuietWhenClosed:
    """Replace ``sys.stdout`` with a :class:`QuietWhenClosed` over it; returns the wrapper."""
    if not isinstance(sys.stdout, QuietWhenClosed):
        sys.stdout = QuietWhenClosed(sys.stdout)
    return sys.stdout
