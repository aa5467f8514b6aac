import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args, fast=True):
    env = dict(os.environ, GANLIB_DATA="bundled", PYTHONPATH=str(ROOT))
    if fast:
        env["GANLIB_FAST"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "ganlib", *args], capture_output=True, text=True, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "run"
    first = run("train", "--epochs", "1", "--out", str(out))
    assert first.returncode == 0, first.stderr
    return out, first


def test_train_in_fast_mode_writes_a_checkpointed_run(trained):
    out, proc = trained
    assert "fast mode" in proc.stdout and "d_loss" in proc.stdout and "g_loss" in proc.stdout
    assert "oneDNN" not in proc.stderr and "cuda" not in proc.stderr.lower()
    for name in (
        "generator.weights.h5",
        "history.csv",
        "run.json",
        "grids/epoch-001.png",
        "backup/training_metadata.json",
    ):
        assert (out / name).is_file(), name


def test_resume_continues_and_refuses_without_flag(trained):
    out, _ = trained
    again = run("train", "--epochs", "2", "--out", str(out))
    assert again.returncode == 2 and "--resume" in again.stderr
    resumed = run("train", "--epochs", "2", "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "Epoch 2/2" in resumed.stdout and "Epoch 1/2" not in resumed.stdout
    assert len((out / "history.csv").read_text().strip().splitlines()) == 3  # header + 2 epochs


def test_sample_writes_a_reproducible_grid(trained, tmp_path):
    out, _ = trained
    import matplotlib.pyplot as plt

    pngs = []
    for name in ("a.png", "b.png"):
        proc = run(
            "sample",
            "--weights",
            str(out / "generator.weights.h5"),
            "--n",
            "16",
            "--seed",
            "3",
            "--out",
            str(tmp_path / name),
        )
        assert proc.returncode == 0, proc.stderr
        pngs.append(plt.imread(tmp_path / name))
    assert np.array_equal(*pngs)


def test_bad_arguments_give_clear_errors(tmp_path):
    proc = run("sample", "--weights", str(tmp_path / "nothing.weights.h5"))
    assert proc.returncode == 2 and "train first" in proc.stderr
    proc = run("train", "--epochs", "1", "--batch-size", "0", "--out", str(tmp_path / "x"))
    assert proc.returncode == 2 and "batch_size must be a positive integer" in proc.stderr
