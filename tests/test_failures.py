"""What the command line says when something fails (issue 30): one line on stderr, never a
traceback, and an exit status by cause — 2 a mistake in the command, 1 a damaged file, a full
disk or a folder in use, 70 a bug; a closed stdout stops nothing."""

import errno
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ganlib import cli, failures, metrics, training

ROOT = Path(__file__).resolve().parents[1]


from test_cli import main as run  # noqa: E402 (the command line in this process: status, stdout, stderr)


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def notes(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("ganlib: ") and "training" not in line]


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """A run folder trained for one epoch by the command line."""
    out = tmp_path_factory.mktemp("failures") / "run"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GANLIB_FAST", "1")
        env.setenv("GANLIB_DATA", "bundled")
        assert cli.main(["train", "--epochs", "1", "--out", str(out)]) == 0
    return out


@pytest.fixture()
def copy(first, tmp_path):
    shutil.copytree(first, tmp_path / "run")
    return tmp_path / "run"


def test_run_json_records_the_command_and_the_training_data_once(first, copy, capsys, monkeypatch):
    info = json.loads((first / "run.json").read_text())
    assert info["command"] == shlex.join(
        ["python", "-m", "ganlib", "train", "--epochs", "1", "--out", str(first)]
    )
    assert len(info["data_sha256"]) == 64
    status, out, err = run(capsys, monkeypatch, "train", "--epochs", "1", "--out", copy, "--resume")
    assert status == 0, err
    assert json.loads((copy / "run.json").read_text())["command"] == info["command"]  # the first start's
    assert notes(out)[0] == (
        f"ganlib: the run in {copy} has trained 1 epoch already, as many as asked for (1); nothing left "
        "to train — ask for more epochs to continue it."
    )


def test_resume_where_no_run_was_says_it_starts_one(tmp_path, capsys, monkeypatch):
    out = tmp_path / "new"
    status, said, err = run(capsys, monkeypatch, "train", "--epochs", "1", "--out", out, "--resume")
    assert status == 0, err
    assert notes(said)[0] == (
        f"ganlib: nothing to resume in {out} (no epoch of a run finished there); starting a new run."
    )
    assert training.load_settings(out)["n_images"] > 0


@pytest.mark.parametrize("content", ["[1, 2]", "null", '{"seed": 1}', "{not json"])
def test_a_damaged_run_json_is_one_notice_and_kept(copy, capsys, monkeypatch, content):
    (copy / "run.json").write_text(content)
    status, out, err = run(capsys, monkeypatch, "train", "--epochs", "1", "--out", copy, "--resume")
    assert status == 0 and err == "", err
    note = notes(out)[0]
    assert (
        note.startswith(f"ganlib: {copy / 'run.json'} was unreadable (RunError: ") and "Traceback" not in out
    )
    kept = list(copy.glob("run.json.damaged-*"))
    assert len(kept) == 1 and kept[0].read_text() == content and kept[0].name in note
    assert training.load_settings(copy)["n_images"] > 0  # written again


def test_a_missing_run_json_in_a_run_folder_is_a_run_without_its_settings(copy, capsys, monkeypatch):
    (copy / "run.json").unlink()
    status, _, err = run(capsys, monkeypatch, "train", "--epochs", "1", "--out", copy)
    assert status == 2 and "already holds a run trained for 1 epoch." in one_line(err)
    status, out, err = run(capsys, monkeypatch, "train", "--epochs", "1", "--out", copy, "--resume")
    assert status == 0, err
    assert (
        notes(out)[0]
        == f"ganlib: {copy / 'run.json'} was missing; writing it from these settings, unchecked."
    )


def test_resuming_with_other_images_of_the_same_count_is_refused(copy, mnist):
    settings = training.load_settings(copy)
    kw = {k: settings[k] for k in ("batch_size", "noise_dim", "seed", "n_images")}
    images = mnist[0][: kw["n_images"]][::-1]  # the same digits, in another order
    with pytest.raises(ValueError, match="training images are not the ones it started with"):
        training.train(epochs=2, data=images, run_dir=copy, resume=True, verbose=0, **kw)


def test_the_disk_full_is_said_as_such(tmp_path, capsys, monkeypatch):
    out = tmp_path / "run"

    def full(**kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out / ".tmp-123-history.csv"))

    monkeypatch.setattr(training, "train", full)
    status, _, err = run(capsys, monkeypatch, "train", "--out", out)
    line = one_line(err)
    assert status == 1
    assert line.startswith(
        f"error: the disk is full (no space left on device) while writing {out / 'history.csv'}: "
        "free space there (delete runs you no longer need;"
    )
    assert line.endswith("then continue the run: the same command with --resume.")


def test_h5py_disk_full_names_the_file_not_a_buffer(tmp_path, capsys, monkeypatch):
    """h5py's message names a temporary file and a buffer address; the user sees the file meant."""
    import keras

    out = tmp_path / "run"
    target = out / ".tmp-77-generator.weights.h5"
    message = (
        f"[Errno 28] Can't synchronously write data (file write failed: time = Sat Dec 5, filename = "
        f"'{target}', file descriptor = 5, errno = 28, error message = 'No space left on device', "
        "buf = 0x55d0c1f2a000, total write size = 4096)"
    )

    def full(self, *args, **kwargs):
        raise OSError(message)

    monkeypatch.setattr(keras.Model, "save_weights", full)
    status, _, err = run(capsys, monkeypatch, "train", "--epochs", "1", "--out", out)
    line = one_line(err)
    assert status == 1, line
    assert f"disk is full (no space left on device) while writing {out / 'generator.weights.h5'}" in line
    assert "buf =" not in line and "0x55" not in line


def test_a_damaged_classifier_names_the_file_ganlib_chose(tmp_path, capsys, monkeypatch):
    garbled = tmp_path / "mnist_classifier.weights.h5"
    garbled.write_bytes(np.random.default_rng(0).bytes(4000))
    monkeypatch.setattr(metrics, "classifier_path", lambda: garbled)
    metrics.load_classifier.cache_clear()
    metrics.heldout_features.cache_clear()
    try:
        status, _, err = run(capsys, monkeypatch, "evaluate", "--n", "500")
    finally:
        metrics.load_classifier.cache_clear()
        metrics.heldout_features.cache_clear()
    line = one_line(err)
    assert status == 1 and str(garbled) in line and "a file" not in line and "check the path" not in line


def test_os_errors_name_their_file_and_exit_1(tmp_path, capsys, monkeypatch):
    def unreadable(args):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "x.weights.h5"))

    monkeypatch.setitem(cli._COMMANDS, "sample", unreadable)
    status, _, err = run(capsys, monkeypatch, "sample", "--weights", "w")
    assert status == 1 and one_line(err).startswith(f"error: {tmp_path / 'x.weights.h5'}: Permission denied;")


@pytest.mark.parametrize(
    "fault",
    [lambda: None + 1, lambda: np.zeros(3).reshape(2)],  # a TypeError; a ValueError inside NumPy
)
def test_a_bug_is_one_line_and_status_70(capsys, monkeypatch, fault):
    monkeypatch.setitem(cli._COMMANDS, "sample", lambda args: fault())
    status, _, err = run(capsys, monkeypatch, "sample", "--weights", "w")
    line = one_line(err)
    assert status == failures.BUG == 70
    assert "a bug in ganlib, not in your command" in line and "python -X dev -m ganlib" in line


def test_a_training_checkpoint_given_as_generator_weights(first, capsys, monkeypatch, tmp_path):
    checkpoint = first / "backup" / "latest.weights.h5"
    status, _, err = run(capsys, monkeypatch, "sample", "--weights", checkpoint, "--out", tmp_path / "g.png")
    assert status == 2
    assert one_line(err) == (
        f"error: {checkpoint} is a training checkpoint (the whole GAN with its optimizers), not a "
        f"generator's weights; pass the run's generator: {first / 'generator.weights.h5'}."
    )


def test_a_folder_in_use_exits_1_and_says_when_deleting_the_lock_is_safe(copy, capsys, monkeypatch):
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = {"pid": holder.pid, "started": "?", "token": "x"}  # no identity: an older ganlib's lock
        (copy / ".lock").write_text(json.dumps(lock))
        status, _, err = run(capsys, monkeypatch, "train", "--epochs", "2", "--out", copy, "--resume")
    finally:
        holder.kill()
        holder.wait()
    assert status == 1 and f"deleting {copy / '.lock'} is safe" in one_line(err)


def test_the_grid_grows_with_n_up_to_its_cap(first, capsys, monkeypatch, tmp_path):
    import matplotlib.pyplot as plt

    weights = first / "generator.weights.h5"
    sizes = {}
    for n in (16, cli.MAX_GRID):
        status, _, err = run(
            capsys, monkeypatch, "sample", "--weights", weights, "--n", n, "--out", tmp_path / "g.png"
        )
        assert status == 0, err
        sizes[n] = plt.imread(tmp_path / "g.png").shape
    assert sizes[cli.MAX_GRID][1] >= cli.MAX_COLUMNS * 28 > sizes[16][1]  # every digit keeps its pixels
    status, _, err = run(capsys, monkeypatch, "sample", "--weights", weights, "--n", cli.MAX_GRID + 1)
    assert status == 2 and "--n must be a positive integer ≤ 2,500" in one_line(err)


def test_a_conditional_grid_row_holds_at_most_its_cap(capsys, monkeypatch, tmp_path):
    from ganlib.models import build_conditional_generator

    weights = tmp_path / "c.weights.h5"
    build_conditional_generator(8).save_weights(weights)
    argv = ("sample", "--weights", weights, "--digits", "7", "--n", "51", "--out", tmp_path / "g.png")
    status, _, err = run(capsys, monkeypatch, *argv)
    assert status == 2 and "a row shows at most 50; use --n 50 or less" in one_line(err)


def test_a_closed_pipe_never_stops_a_training(tmp_path):
    """`python -m ganlib train … | head -1`: the reader leaves after one line; the run goes on."""
    env = dict(os.environ, GANLIB_DATA="bundled", GANLIB_FAST="1", PYTHONPATH=str(ROOT))
    out = tmp_path / "run"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ganlib", "train", "--epochs", "2", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    first_line = proc.stdout.readline()
    proc.stdout.close()  # what head -1 does
    _, err = proc.communicate(timeout=600)
    assert first_line.startswith(b"ganlib: training 2 epochs")
    assert proc.returncode == 0, err
    assert b"Broken pipe" not in err and b"Traceback" not in err, err
    assert training.completed_epochs(out) == 2 and (out / "generator.weights.h5").is_file()


def test_the_quiet_stdout_drops_what_it_cannot_write():
    class Gone:
        def write(self, text):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

        def isatty(self):
            return True

        def fileno(self):
            raise ValueError("no file")

    quiet = failures.QuietWhenClosed(Gone())
    assert quiet.write("epoch 1\n") == 8 and quiet.closed_pipe and not quiet.isatty()
    quiet.flush()  # no error either
