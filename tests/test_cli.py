import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ganlib import cli, pretrained

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A run folder trained for one epoch in fast mode (in this process) and what the command said."""
    out = tmp_path_factory.mktemp("cli") / "run"
    with pytest.MonkeyPatch.context() as env, _capture() as said:
        env.setenv("GANLIB_FAST", "1")
        env.setenv("GANLIB_DATA", "bundled")
        assert cli.main(["train", "--epochs", "1", "--out", str(out)]) == 0
    return out, said.getvalue()


@contextlib.contextmanager
def _capture():
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        yield buffer


def test_train_in_fast_mode_writes_a_checkpointed_run(trained):
    out, said = trained
    assert "fast mode" in said and "d_loss" in said and "g_loss" in said
    for name in (
        "generator.weights.h5",
        "history.csv",
        "run.json",
        "grids/epoch-001.png",
        "backup/training_metadata.json",
    ):
        assert (out / name).is_file(), name


@pytest.mark.system
def test_the_command_in_a_fresh_process_trains_and_keeps_tensorflow_quiet(tmp_path):
    """What a user types, in a process of its own: one epoch, nothing but ganlib's words on stderr."""
    env = dict(os.environ, GANLIB_DATA="bundled", GANLIB_FAST="1", PYTHONPATH=str(ROOT))
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)
    out = tmp_path / "run"
    proc = subprocess.run(
        [sys.executable, "-m", "ganlib", "train", "--epochs", "1", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "fast mode" in proc.stdout and "generator weights at" in proc.stdout
    assert "oneDNN" not in proc.stderr and "cuda" not in proc.stderr.lower(), proc.stderr
    assert (out / "generator.weights.h5").is_file() and (out / "grids" / "epoch-001.png").is_file()


def main(capsys, monkeypatch, *argv):
    """Run the command line in this process (fast mode, bundled digits): (status, stdout, stderr)."""
    monkeypatch.setenv("GANLIB_FAST", "1")
    monkeypatch.setenv("GANLIB_DATA", "bundled")
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_resume_continues_and_refuses_without_flag(trained, capsys, monkeypatch):
    out, _ = trained
    status, _, err = main(capsys, monkeypatch, "train", "--epochs", "2", "--out", out)
    assert status == 2 and "--resume" in err
    status, said, err = main(capsys, monkeypatch, "train", "--epochs", "2", "--out", out, "--resume")
    assert status == 0, err
    assert "Epoch 2/2" in said and "Epoch 1/2" not in said
    assert len((out / "history.csv").read_text().strip().splitlines()) == 3  # header + 2 epochs


def test_sample_writes_a_reproducible_grid(trained, tmp_path, capsys, monkeypatch):
    out, _ = trained
    import matplotlib.pyplot as plt

    pngs = []
    for name in ("a.png", "b.png"):
        weights = out / "generator.weights.h5"
        argv = ("sample", "--weights", weights, "--n", "16", "--seed", "3", "--out", tmp_path / name)
        status, _, err = main(capsys, monkeypatch, *argv)
        assert status == 0, err
        pngs.append(plt.imread(tmp_path / name))
    assert np.array_equal(*pngs)
    assert pngs[0].std() > 0  # a grid of digits, not a blank image


# Mistakes: exit status 2 and one line on stderr, "error: …", naming the flag, variable or file.
# All in-process (cli.main), so they take well under a second each.


def fails(capsys, *argv, words=(), status=2):
    """One line on stderr naming words, and the exit status: 2 a mistake in the command, 1 a
    damaged file or another failure of what the command works on (ganlib.failures)."""
    got = cli.main([str(a) for a in argv])
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert got == status, err
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def weights(tmp_path_factory):
    """A small generator's weights (noise size 8), quick to build and to sample from."""
    from ganlib.models import build_generator

    path = tmp_path_factory.mktemp("weights") / "g8.weights.h5"
    build_generator(8).save_weights(path)
    return path


def test_missing_weights_and_bad_batch_size(capsys, tmp_path):
    missing = tmp_path / "nothing.weights.h5"
    fails(capsys, "sample", "--weights", missing, words=("--weights", str(missing), "train first"))
    fails(
        capsys,
        "train",
        "--batch-size",
        "0",
        "--out",
        tmp_path / "x",
        words=("--batch-size must be a positive",),
    )
    fails(
        capsys, "train", "--batch-size", "64", "--images", "32", "--out", tmp_path / "x", words=("--images",)
    )
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("content", ["truncated", "random"])
def test_unreadable_weights_file_is_named(capsys, tmp_path, weights, content):
    path = tmp_path / "g.weights.h5"
    raw = weights.read_bytes()
    path.write_bytes(raw[:3000] if content == "truncated" else np.random.default_rng(0).bytes(5000))
    words = (str(path), "not a readable Keras weights file")
    fails(capsys, "sample", "--weights", path, words=words, status=1)  # a damaged file: not a usage error


def test_renamed_keras3_weights_file_is_told_to_rename(capsys, tmp_path, weights):
    renamed = tmp_path / "g.h5"
    renamed.write_bytes(weights.read_bytes())
    line = fails(capsys, "sample", "--weights", renamed, words=("Keras 3 weights file",))
    assert line.endswith(f"rename it to {tmp_path / 'g.weights.h5'}.") and "Keras 2" not in line


@pytest.mark.parametrize("n", ["0", "1", "2", "-4", "499"])
def test_evaluate_refuses_too_few_samples(capsys, n):
    fails(capsys, "evaluate", "--n", n, words=("--n must be at least 500", "Fréchet", f"got {n}."))


def test_evaluate_refuses_more_samples_than_the_reference_has(capsys):
    fails(capsys, "evaluate", "--n", "8001", words=("--n must be at most 8,000",))


def test_train_refuses_an_unwritable_out_folder(capsys, tmp_path, monkeypatch):
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    # Tests may run as root, for whom chmod does not lock anything: pretend the folder is locked.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != locked and real_access(p, mode))
    fails(capsys, "train", "--out", locked / "run", words=("--out", str(locked), "permission denied"))


def test_os_errors_inside_a_command_are_one_line(capsys, tmp_path, monkeypatch):
    from ganlib import training

    def refuse(**kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "run" / "run.json"))

    monkeypatch.setattr(training, "train", refuse)
    fails(
        capsys, "train", "--out", tmp_path / "run", words=("run.json", "--out", "Permission denied"), status=1
    )


def test_sample_out_in_a_missing_folder(capsys, tmp_path, weights):
    out = tmp_path / "missing_dir" / "g.png"
    fails(
        capsys, "sample", "--weights", weights, "--out", out, words=("--out", "missing_dir", "does not exist")
    )
    fails(
        capsys, "sample", "--weights", weights, "--out", tmp_path / "g.v2", words=("--out", "'.v2'", ".png")
    )
    fails(capsys, "sample", "--weights", weights, "--out", tmp_path, words=("--out", "is a folder"))


def test_sample_reports_the_file_it_wrote(capsys, tmp_path, weights):
    assert (
        cli.main(["sample", "--weights", str(weights), "--n", "4", "--out", str(tmp_path / "gridnoext")]) == 0
    )
    assert (tmp_path / "gridnoext.png").is_file() and not (tmp_path / "gridnoext").exists()
    assert f"wrote 4 samples to {tmp_path / 'gridnoext.png'}" in capsys.readouterr().out


SAMPLE = ["sample", "--weights", "W", "--out", "O/g.png"]
TRAIN = ["train", "--out", "O/run"]


@pytest.mark.parametrize(
    "argv, flag",
    [
        ([*SAMPLE, "--seed", "-1"], "--seed"),
        ([*SAMPLE, "--n", "0"], "--n"),
        ([*SAMPLE, "--n", "2501"], "--n"),
        ([*SAMPLE, "--n"], "--n"),
        (["sample", "--out", "O/g.png"], "--weights"),
        (["evaluate", "--seed", "-1"], "--seed"),
        ([*TRAIN, "--seed", "4294967296"], "--seed"),
        ([*TRAIN, "--noise-dim", "1000000000"], "--noise-dim"),
        ([*TRAIN, "--noise-dim", "0"], "--noise-dim"),
        ([*TRAIN, "--epochs", "0"], "--epochs"),
        ([*TRAIN, "--epochs", "x"], "--epochs"),
        ([*TRAIN, "--epochs", "1001"], "--epochs"),
        ([*TRAIN, "--images", "0"], "--images"),
        ([*TRAIN, "--ema", "0.5"], "--ema"),
        ([*TRAIN, "--ema", "nan"], "--ema"),
        ([*TRAIN, "--d-lr", "0"], "--d-lr"),
        ([*TRAIN, "--g-lr", "inf"], "--g-lr"),
        ([*TRAIN, "--augment", "rotation"], "--augment"),
        ([*TRAIN, "--augment", "cutout,"], "--augment"),
        ([*TRAIN, "--frobnicate", "1"], "--frobnicate"),
        (["frobnicate"], "frobnicate"),
        ([], "command"),
    ],
)
def test_bad_flags_are_named(capsys, tmp_path, weights, argv, flag):
    argv = [str(weights) if a == "W" else a.replace("O/", f"{tmp_path}/") for a in argv]
    fails(capsys, *argv, words=(flag,))
    assert not (tmp_path / "run").exists() and not (tmp_path / "g.png").exists()


@pytest.mark.parametrize(
    "variable, value", [("GANLIB_MODE", "turbo"), ("GANLIB_FAST", "maybe"), ("GANLIB_FAST", "2")]
)
def test_bad_environment_variables_are_named(capsys, monkeypatch, tmp_path, variable, value):
    monkeypatch.delenv("GANLIB_FAST", raising=False)
    monkeypatch.setenv(variable, value)
    fails(capsys, "train", "--out", tmp_path / "run", words=(variable, repr(value)))
    fails(capsys, "--help", words=(variable,))  # the parser reads the mode too


def test_corrupt_keras_mnist_cache_is_named(capsys, monkeypatch, tmp_path):
    from ganlib import data

    cache = tmp_path / "datasets" / "mnist.npz"
    cache.parent.mkdir()
    cache.write_bytes(b"not a zip file" * 100)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(data, "_reachable", lambda *a, **k: False)  # never download in a test
    fails(
        capsys,
        "train",
        "--data",
        "keras",
        "--out",
        tmp_path / "run",
        words=(str(cache), "corrupt", "delete it"),
        status=1,  # a damaged file, not a mistake in the command
    )
    assert not (tmp_path / "run").exists()


@pytest.mark.parametrize(
    "command, message",
    [
        ("train", "interrupted — continue with --resume"),
        ("sample", "interrupted"),
        ("evaluate", "interrupted"),
    ],
)
def test_ctrl_c_is_one_line_and_status_130(capsys, monkeypatch, tmp_path, weights, command, message):
    def interrupt(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(cli._COMMANDS, command, interrupt)
    argv = {
        "train": ["train", "--out", str(tmp_path / "run")],
        "sample": ["sample", "--weights", str(weights)],
        "evaluate": ["evaluate"],
    }[command]
    assert cli.main(argv) == 130
    assert capsys.readouterr().err == message + "\n"


@pytest.mark.parametrize(
    "extra, flag",
    [(["--epochs", "3"], "--epochs"), (["--batch-norm"], "--batch-norm"), (["--data", "keras"], "--data")],
)
def test_quick_refuses_the_options_it_sets(capsys, tmp_path, extra, flag):
    fails(capsys, "train", "--quick", *extra, "--run-dir", tmp_path / "run", words=("--quick", flag))
    assert not (tmp_path / "run").exists()


def test_quick_trains_its_recipe_shows_the_time_left_and_measures_the_result(capsys, monkeypatch, tmp_path):
    """--quick with a tiny stand-in for the recipe: the run folder holds the recipe's settings, the
    log says each epoch's time left, and the end compares the moving average with the post's run."""
    from ganlib import training

    tiny = {**training.QUICK, "epochs": 2, "n_images": 64, "batch_size": 32, "lr_fall_from": 1}
    monkeypatch.setattr(training, "QUICK", tiny)
    status, said, err = main(capsys, monkeypatch, "train", "--quick", "--run-dir", tmp_path / "run")
    assert status == 0, err
    settings = json.loads((tmp_path / "run" / "run.json").read_text())
    assert (settings["batch_size"], settings["n_images"], settings["batch_norm"], settings["ema"]) == (
        32,
        64,
        True,
        training.QUICK["ema"],
    )
    assert settings["shared_fakes"] is True and settings["lr_fall_from"] == 1
    assert "training 2 epochs with the quick recipe" in said
    assert re.search(r"epoch 1/2: d_loss \d\.\d{3} g_loss \d\.\d{3}; 0:\d\d so far, about 0:\d\d left", said)
    assert re.search(r"epoch 2/2: .* about 0:00 left", said)
    rows = {
        line.split("  ")[0]: line.split()[-2:]
        for line in said.splitlines()
        if line.startswith(("yours", "the post"))
    }
    assert len(rows) == 2, said
    table = [line for line in said.splitlines() if line.startswith(("yours", "the post", " "))]
    assert len({len(line) for line in table}) == 1, table  # the columns line up
    post = pretrained.quality("post")["checkpoints"][-1]
    assert rows["the post's recipe (shipped run)"] == [
        f"{post['classifier_score']:.2f}",
        f"{post['frechet_distance']:.1f}",
    ]
    assert (tmp_path / "run" / "generator-ema.weights.h5").is_file()


def test_the_progress_bar_counts_the_steps_left_of_a_resumed_run(capsys):
    """Resumed at epoch 1 of 3 with 2 steps an epoch, the bar runs over the 4 steps left."""
    from ganlib.callbacks import Progress

    bar = Progress(epochs=3, steps=2, interactive=True)
    bar.on_train_begin()
    for epoch in (1, 2):
        bar.on_epoch_begin(epoch)
        for step in range(2):
            bar.on_train_batch_end(step, {"d_loss": 0.6, "g_loss": 0.9})
        bar.on_epoch_end(epoch, {"d_loss": 0.6, "g_loss": 0.9})
    assert bar.bar.target == 4 and bar.done == 4
    shown = capsys.readouterr().out
    assert "4/4" in shown and "g_loss: 0.9000" in shown
