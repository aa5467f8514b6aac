"""Run folders that survive a kill at any instant, one process per folder, nothing foreign overwritten."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from ganlib import runs, training
from ganlib.integrity import sha256_of
from ganlib.models import build_generator

ROOT = Path(__file__).resolve().parents[1]
N_IMAGES, BATCH = 64, 16


@pytest.fixture(scope="module")
def kw(mnist):
    return dict(batch_size=BATCH, data=mnist[0][:N_IMAGES], verbose=0, seed=5)


@pytest.fixture(scope="module")
def made(tmp_path_factory, kw):
    """A run of 3 epochs and, to damage and resume, one stopped after 2."""
    base = tmp_path_factory.mktemp("made")
    whole = training.train(epochs=3, run_dir=base / "whole", **kw)
    training.train(epochs=2, run_dir=base / "two", **kw)
    weights = [np.array(v) for v in whole.generator.weights + whole.discriminator.weights]
    return base, weights


@pytest.fixture()
def two(made, tmp_path):
    """A copy of the run stopped after 2 epochs."""
    run = tmp_path / "run"
    shutil.copytree(made[0] / "two", run)
    return run


def _cut(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _generator(path: Path) -> list[np.ndarray]:
    g = build_generator()
    g.load_weights(path)
    return g.get_weights()


def _notes(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("ganlib: ")]


def _nothing_left(run: Path, epochs: int) -> str:
    return (
        f"ganlib: the run in {run} has trained {epochs} epochs already, as many as asked for ({epochs}); "
        "nothing left to train — ask for more epochs to continue it."
    )


def _assert_whole(run: Path, epochs: int = 3) -> None:
    """Every epoch's files once, nothing temporary, no lock."""
    assert runs.load_history(run)["epoch"] == list(map(float, range(epochs)))
    assert sorted(runs.load_grids(run / "grids")) == list(range(1, epochs + 1))
    for e in range(1, epochs + 1):
        assert (run / f"generator-epoch-{e:03d}.weights.h5").is_file()
        assert (run / "grids" / f"epoch-{e:03d}.png").is_file()
    assert json.loads((run / "generator.json").read_text())["epoch"] == epochs
    assert runs.completed_epochs(run) == epochs
    assert not list(run.rglob(".tmp-*")) and not (run / ".lock").exists()


def _assert_same_as_whole(run: Path, gan, made) -> None:
    _assert_whole(run)
    for a, b in zip(made[1], [np.array(v) for v in gan.generator.weights + gan.discriminator.weights]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    whole = made[0] / "whole"
    np.testing.assert_allclose(
        runs.load_history(run)["g_loss"], runs.load_history(whole)["g_loss"], rtol=1e-5
    )


def test_an_interrupted_run_resumed_equals_the_uninterrupted_one(two, made, kw):
    """Stopped after epoch 2 of 3, then resumed: the weights, losses and files of an unstopped run."""
    with pytest.raises(ValueError, match="already holds a run .* resume=True"):
        training.train(epochs=3, run_dir=two, **kw)
    gan = training.train(epochs=3, run_dir=two, resume=True, **kw)
    assert int(gan.g_optimizer.iterations) == int(gan.d_optimizer.iterations) == 3 * N_IMAGES // BATCH
    _assert_same_as_whole(two, gan, made)
    info = json.loads((two / "generator.json").read_text())  # what loading the generator needs
    shas = info.pop("sha256")  # and the checksum of every weights file, checked on loading it
    assert info == {"noise_dim": 200, "batch_norm": False, "conditional": False, "epoch": 3}
    assert shas == {p.name: sha256_of(p) for p in two.glob("generator*.weights.h5")} and len(shas) == 4


@pytest.mark.parametrize(
    "damage, reason",
    [
        ("latest.weights.h5", "latest.weights.h5 damaged: its sha256 is not the one training_metadata"),
        ("training_metadata.json", "training_metadata.json unreadable"),
    ],
)
def test_a_damaged_checkpoint_falls_back_to_the_one_before(two, made, kw, capsys, damage, reason):
    target = two / "backup" / damage
    _cut(target) if damage.endswith(".h5") else target.write_text("")
    damaged = target.read_bytes()
    with pytest.raises(ValueError, match="already holds a run .* resume=True"):
        training.train(epochs=3, run_dir=two, **kw)
    gan = training.train(epochs=3, run_dir=two, resume=True, **kw)
    notes = _notes(capsys.readouterr().out)
    assert any(reason in n and "continuing from the one before it, after epoch 1" in n for n in notes), notes
    kept = list(target.parent.glob(f"{damage}.damaged-*"))  # the evidence, as it was found
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert any(f"the damaged file is kept as {kept[0].name}" in n for n in notes), notes
    # epoch 2's files were written before its checkpoint; they are dropped, then made again
    assert any(re.search(r"dropped epoch 2 from .*history.csv", n) for n in notes), notes
    _assert_same_as_whole(two, gan, made)


def test_resume_with_other_settings_is_refused(two, kw):
    with pytest.raises(ValueError, match="noise_dim: 200 → 10"):
        training.train(epochs=3, run_dir=two, resume=True, **{**kw, "noise_dim": 10})


def test_a_run_json_older_than_a_setting_reads_as_its_default(two, kw):
    saved = json.loads((two / "run.json").read_text())
    older = {k: v for k, v in saved.items() if k not in training.RUN_DEFAULTS}
    assert older != saved
    (two / "run.json").write_text(json.dumps(older))
    assert training.load_settings(two) == {**training.RUN_DEFAULTS, **saved}
    with pytest.raises(ValueError, match="ema: None → 0.999"):
        training.train(epochs=2, run_dir=two, resume=True, ema=0.999, **kw)
    training.train(epochs=2, run_dir=two, resume=True, **kw)  # the defaults are its settings: resumes
    assert json.loads((two / "run.json").read_text()) == saved


def test_a_run_json_from_before_data_fingerprints_resumes_without_a_word(two, kw, capsys):
    saved = json.loads((two / "run.json").read_text())
    older = {k: v for k, v in saved.items() if k != "data_sha256"}
    (two / "run.json").write_text(json.dumps(older))
    capsys.readouterr()
    training.train(epochs=3, run_dir=two, resume=True, **kw)
    assert _notes(capsys.readouterr().out) == []
    assert (
        json.loads((two / "run.json").read_text())["data_sha256"] == saved["data_sha256"]
    )  # kept from now on
    with pytest.raises(
        ValueError, match=r"training images are not the ones it started with \(the same count, 64"
    ):
        training.train(epochs=4, run_dir=two, resume=True, **{**kw, "data": kw["data"][::-1]})


def test_damaged_or_empty_history_and_grids_name_their_file(tmp_path):
    history = tmp_path / "history.csv"
    history.write_text("")
    with pytest.raises(ValueError, match=f"^{history} is damaged \\(ValueError: it holds no epoch\\)"):
        runs.load_history(history)
    history.write_text("epoch,d_loss,g_loss\n0,0.5,x\n")
    with pytest.raises(ValueError, match=f"^{history} is damaged"):
        runs.load_history(history)
    grids = tmp_path / "grids.npz"
    grids.write_bytes(b"not a zip file")
    with pytest.raises(ValueError, match=f"^{grids} is damaged \\((BadZipFile|ValueError)"):
        runs.load_grids(grids)


def test_no_usable_checkpoint_says_start_over(two, kw):
    _cut(two / "backup" / "latest.weights.h5")
    (two / "backup" / "training_metadata.json.bkp").write_text("")
    assert runs.completed_epochs(two) == 2  # the record alone; its weights do not load
    with pytest.raises(ValueError) as err:
        training.train(epochs=3, run_dir=two, resume=True, **kw)
    message = str(err.value)
    assert "\n" not in message and "No usable checkpoint is left" in message
    assert message.endswith("start over in a new folder.")
    assert not (two / ".lock").exists()


def test_resume_repairs_the_files_of_the_last_epoch(two, made, kw, capsys):
    grids_before = runs.load_grids(two / "grids")
    _cut(two / "generator.weights.h5")
    (two / "generator-epoch-002.weights.h5").unlink()
    _cut(two / "grids" / "grids.npz")
    (two / "grids" / "epoch-001.png").unlink()
    (two / "generator.json").write_text("")
    training.train(epochs=2, run_dir=two, resume=True, **kw)  # nothing left to train: "done"
    notes = _notes(capsys.readouterr().out)
    assert len(notes) == 7 and notes[-1] == _nothing_left(two, 2), notes  # one line per repair
    assert any("generator.weights.h5 from the checkpoint of epoch 2 (it was unreadable" in n for n in notes)
    assert any(
        "generator-epoch-002.weights.h5 from the checkpoint of epoch 2 (it was missing)" in n for n in notes
    )
    assert any("grids.npz was unreadable" in n for n in notes)
    assert any("regenerated the grid of epoch 1–2" in n for n in notes)
    assert any("epoch-NNN.png for epoch 1" in n for n in notes)
    assert any("generator.json for epoch 2" in n for n in notes)
    final = _generator(two / "generator.weights.h5")
    for a, b in zip(final, _generator(made[0] / "two" / "generator-epoch-002.weights.h5")):
        assert np.array_equal(a, b)
    grids_after = runs.load_grids(two / "grids")
    assert sorted(grids_after) == [1, 2]
    for e in (1, 2):
        np.testing.assert_allclose(grids_after[e], grids_before[e], atol=1 / 127.5 + 1e-6)
    # a second resume finds nothing to repair
    training.train(epochs=2, run_dir=two, resume=True, **kw)
    assert _notes(capsys.readouterr().out) == [_nothing_left(two, 2)]


def test_completed_epochs_reads_damaged_records_without_a_traceback(tmp_path):
    backup = tmp_path / "backup"
    backup.mkdir()
    assert runs.completed_epochs(tmp_path) == 0
    (backup / "training_metadata.json").write_text("")
    assert runs.completed_epochs(tmp_path) == 0
    (backup / "training_metadata.json.bkp").write_text('{"epoch": 4, "batch": 0}')
    assert runs.completed_epochs(tmp_path) == 4
    (backup / "training_metadata.json").write_text('{"epoch": 5, "batch": 0}')
    assert runs.completed_epochs(tmp_path) == 5


def test_history_is_rewritten_whole_and_old_files_still_read(tmp_path):
    old = tmp_path / "old.csv"  # what Keras' CSVLogger wrote before
    old.write_text("epoch,d_loss,g_loss,val_d_loss,val_g_loss\n0,0.5,0.75,NA,NA\n1,0.25,1.5,NA,NA\n")
    assert runs.load_history(old) == {"epoch": [0.0, 1.0], "d_loss": [0.5, 0.25], "g_loss": [0.75, 1.5]}
    new = tmp_path / "history.csv"
    runs.save_history(new, [{"epoch": 0, "d_loss": 0.5, "g_loss": 0.75}])
    assert new.read_text().splitlines() == ["epoch,d_loss,g_loss", "0,0.5,0.75"]
    assert runs.load_history(tmp_path) == {"epoch": [0.0], "d_loss": [0.5], "g_loss": [0.75]}
    assert not list(tmp_path.glob(".tmp-*"))


def test_a_folder_that_is_not_a_run_is_left_alone(tmp_path, kw):
    folder = tmp_path / "mine"
    folder.mkdir()
    files = {"generator.weights.h5": b"precious", "history.csv": b"epoch,x\n", "notes.txt": b"", "zz": b"z"}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    with pytest.raises(ValueError) as err:
        training.train(epochs=1, run_dir=folder, **kw)
    assert str(err.value) == (
        f"{folder} is not a ganlib run folder (it holds generator.weights.h5, history.csv, notes.txt "
        "and 1 more), and training would overwrite its files; choose a new or empty folder."
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == files
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    with pytest.raises(ValueError, match=r"is a file, not a folder; choose a folder for the run"):
        training.train(epochs=1, run_dir=a_file, **kw)
    # bad settings are refused before anything is written
    with pytest.raises(ValueError, match="batch_size"):
        training.train(epochs=1, run_dir=tmp_path / "new", **{**kw, "batch_size": 0})
    assert not (tmp_path / "new").exists()


def test_one_process_per_run_folder(two, kw, capsys):
    """`two` stopped after 2 epochs: resumed with epochs=2 below, it has nothing left to train."""
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock = {"pid": holder.pid, "started": "2031-01-02 03:04:05", "token": "x"}
        (two / ".lock").write_text(json.dumps(lock))
        with pytest.raises(ValueError) as err:
            training.train(epochs=2, run_dir=two, resume=True, **kw)
        assert str(err.value) == (
            f"{two} is in use by process {holder.pid} (started 2031-01-02 03:04:05); wait for it or "
            "stop it. If no ganlib command is working in this folder (the process is another program "
            f"that got the same id), deleting {two / '.lock'} is safe."
        )
    finally:
        holder.kill()
        holder.wait()
    training.train(epochs=2, run_dir=two, resume=True, **kw)  # the holder is gone: its lock is stale
    notes = _notes(capsys.readouterr().out)
    assert notes == [
        f"ganlib: took over {two / '.lock'} from process {holder.pid}, which no longer runs.",
        _nothing_left(two, 2),
    ]
    assert not (two / ".lock").exists()


def _sleeper():
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


@pytest.mark.skipif(runs.process_identity(os.getpid()) is None, reason="no /proc here")
def test_a_lock_whose_process_id_was_reused_is_stale(tmp_path, capsys):
    """Containers and Colab restarts reuse process ids: a lock naming a live process that started
    after the lock's holder is taken over; one naming its real, live holder is refused."""
    other = _sleeper()
    try:
        lock = tmp_path / ".lock"
        lock.write_text(json.dumps({"pid": other.pid, "started": "?", "token": "x", "identity": "b:1"}))
        with runs.RunLock(tmp_path):
            held = json.loads(lock.read_text())
            assert held["pid"] == os.getpid() and held["identity"] == runs.process_identity(os.getpid())
        assert capsys.readouterr().out == (
            f"ganlib: took over {lock} from process {other.pid}, whose id now belongs to another process.\n"
        )
        assert not lock.exists() and other.poll() is None  # the other process runs on
        real = {"pid": other.pid, "started": "?", "token": "x", "identity": runs.process_identity(other.pid)}
        lock.write_text(json.dumps(real))
        with pytest.raises(ValueError, match=f"in use by process {other.pid} .*deleting {lock} is safe"):
            runs.RunLock(tmp_path).acquire()
    finally:
        other.kill()
        other.wait()


def test_the_lock_is_released_when_training_is_interrupted(tmp_path, kw, monkeypatch):
    def interrupt(self, logs=None):  # Ctrl-C once training has begun
        raise KeyboardInterrupt

    monkeypatch.setattr(training.SampleGrid, "on_train_begin", interrupt)
    with pytest.raises(KeyboardInterrupt):
        training.train(epochs=1, run_dir=tmp_path / "run", **kw)
    assert (tmp_path / "run" / "run.json").is_file() and not (tmp_path / "run" / ".lock").exists()


# The command line, in processes of its own.

ARGS = ["--batch-size", str(BATCH), "--images", str(N_IMAGES)]


def _start(*args, log: Path) -> subprocess.Popen:
    env = dict(os.environ, GANLIB_FAST="1", GANLIB_DATA="bundled", PYTHONPATH=str(ROOT))
    with open(log, "w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "ganlib", "train", *ARGS, *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )


def _wait_for(proc: subprocess.Popen, ready, timeout: float = 120) -> bool:
    """Poll every 2 ms until ready() (True) or the process ends (False)."""
    end = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < end:
        if ready():
            return True
        time.sleep(0.002)
    return False


@pytest.mark.system
def test_two_processes_started_at_once_on_one_folder(tmp_path):
    run = tmp_path / "run"
    procs = [_start("--epochs", "500", "--out", str(run), log=tmp_path / f"{i}.log") for i in range(2)]
    try:
        end = time.monotonic() + 120
        while all(p.poll() is None for p in procs) and time.monotonic() < end:
            time.sleep(0.05)
        stopped = [i for i, p in enumerate(procs) if p.poll() is not None]
        assert len(stopped) == 1 and procs[stopped[0]].returncode == 1  # in use: not a usage error
        winner = procs[1 - stopped[0]]
        time.sleep(0.5)
        assert winner.poll() is None  # still training, undisturbed
    finally:
        for p in procs:
            p.kill()
            p.wait()
    said = (tmp_path / f"{stopped[0]}.log").read_text()
    pattern = (
        rf"error: {re.escape(str(run))} is in use by process {winner.pid} \(started [^)]+\); wait for it"
    )
    assert re.search(pattern, said), said


# Kill moments, each found by polling the run folder for what the process is writing.
KILLS = {
    "while the checkpoint is written": lambda run: any((run / "backup").glob(".tmp-*")),
    "between the checkpoint's weights and its record": lambda run: (
        (run / "backup" / "latest.weights.h5.bkp").is_file()
        and not (run / "backup" / "training_metadata.json").is_file()
    ),
    "while a grid is written": lambda run: any((run / "grids").glob(".tmp-*")),
    "while the generator's weights are written": lambda run: any(run.glob(".tmp-*generator*")),
}


@pytest.mark.system
def test_killed_at_any_moment_and_resumed_equals_an_uninterrupted_run(tmp_path):
    epochs = 4
    reference = training.train(
        epochs=epochs,
        batch_size=BATCH,
        n_images=N_IMAGES,
        data="bundled",
        run_dir=tmp_path / "ref",
        verbose=0,
    )
    run = tmp_path / "run"
    killed = []
    for i, (moment, ready) in enumerate(KILLS.items()):
        proc = _start(
            "--epochs",
            str(epochs),
            "--out",
            str(run),
            *(["--resume"] if i else []),
            log=tmp_path / f"{i}.log",
        )
        if _wait_for(proc, lambda ready=ready: ready(run)):
            proc.send_signal(signal.SIGKILL)
            killed.append(moment)
        proc.wait()
    assert len(killed) >= 3, killed
    last = _start("--epochs", str(epochs), "--out", str(run), "--resume", log=tmp_path / "last.log")
    assert last.wait(timeout=120) == 0, (tmp_path / "last.log").read_text()
    logs = [(tmp_path / f"{i}.log").read_text() for i in range(1, len(KILLS))]
    assert any("took over" in log for log in logs)  # SIGKILL leaves the lock; the next process takes it

    _assert_whole(run, epochs)
    final = _generator(run / "generator.weights.h5")
    for a, b in zip(final, reference.generator.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(
        runs.load_history(run)["g_loss"], runs.load_history(tmp_path / "ref")["g_loss"], rtol=1e-5
    )
