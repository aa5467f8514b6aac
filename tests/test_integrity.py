"""A damaged file is detected, named and never silently used; repairs keep the evidence.

Every weights file ganlib writes or ships has its sha256 recorded beside it; a file garbled
where nothing notices (same size, bytes overwritten: it may load, and give NaN or merely other
digits) is refused with one line naming it, wherever it is loaded from. A damaged latest
checkpoint is passed over for the one before; a file a resumed run must rewrite is moved aside
first."""

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from ganlib import cli, integrity, metrics, models, pretrained, runs
from ganlib.integrity import sha256_of

# Where the bytes are overwritten: the HDF5 structure near the start, the arrays in the
# middle, the structure again at the end. 0xFF bytes are NaN as float32 and as float16.
OFFSETS = {"start": lambda size: 512, "middle": lambda size: size // 2, "end": lambda size: size - 1024}
TRAIN = ["--batch-size", "16", "--images", "64", "--data", "bundled", "--seed", "3"]


def _garble(path: Path, where: str, n: int = 512) -> bytes:
    """Overwrite n bytes of path at a place (the size stays); returns the damaged content."""
    data = bytearray(path.read_bytes())
    at = OFFSETS[where](len(data))
    data[at : at + n] = b"\xff" * n
    path.write_bytes(bytes(data))
    return bytes(data)


def _error(capsys) -> str:
    """The one line a failed command printed on stderr."""
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def _notes(capsys) -> list[str]:
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("ganlib: ")]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A run folder trained by the command line for 2 epochs (64 digits, batches of 16)."""
    run = tmp_path_factory.mktemp("integrity") / "run"
    assert cli.main(["train", "--epochs", "2", *TRAIN, "--out", str(run)]) == 0
    return run


@pytest.fixture()
def run(trained, tmp_path):
    copy = tmp_path / "run"
    shutil.copytree(trained, copy)
    return copy


def test_every_weights_file_of_a_run_has_its_checksum_recorded(run):
    shas = json.loads((run / "generator.json").read_text())["sha256"]
    files = sorted(p.name for p in run.glob("*.weights.h5"))
    assert sorted(shas) == files and files  # generator.weights.h5 and one per epoch
    assert all(shas[name] == sha256_of(run / name) for name in files)
    for name in ("training_metadata.json", "training_metadata.json.bkp"):
        record = json.loads((run / "backup" / name).read_text())
        weights = run / "backup" / name.replace("training_metadata.json", "latest.weights.h5")
        assert record["sha256"] == sha256_of(weights)
    assert json.loads((run / "backup" / "training_metadata.json.bkp").read_text())["epoch"] == 1


@pytest.mark.parametrize("where", OFFSETS)
@pytest.mark.parametrize("command", ["sample", "evaluate"])
def test_a_garbled_generator_of_a_run_is_refused_by_name(run, tmp_path, capsys, where, command):
    path = run / "generator.weights.h5"
    _garble(path, where)
    out = tmp_path / "grid.png"
    args = ["--out", str(out)] if command == "sample" else ["--n", "500"]
    assert cli.main([command, "--weights", str(path), *args]) == 1  # damaged: 1, not 2
    line = _error(capsys)
    assert line.startswith(f"error: {path} is damaged: its sha256 is not the one generator.json")
    assert f"python -m ganlib train --out {run} --resume" in line
    assert not out.exists()


@pytest.mark.parametrize("where", OFFSETS)
def test_a_garbled_file_without_a_record_is_refused_if_it_fails_or_gives_nan(run, tmp_path, capsys, where):
    """Copied out of its run folder, a file has no checksum beside it: it is loaded, but a file
    h5py cannot read through, or a generator with weights that are not finite, is refused."""
    path = tmp_path / "mine.weights.h5"
    shutil.copyfile(run / "generator.weights.h5", path)
    _garble(path, where)
    assert (
        cli.main(["sample", "--weights", str(path), "--out", str(tmp_path / "g.png")]) == 1
    )  # damaged: 1, not 2
    line = _error(capsys)
    expected = {
        "start": f"error: {path} is damaged (RuntimeError",
        "middle": f"error: {path} gives a network whose weights are not finite numbers (NaN or infinity)",
        "end": f"error: {path} is damaged (RuntimeError",
    }[where]
    assert line.startswith(expected) and "copy it again" in line
    assert not (tmp_path / "g.png").exists()


def test_a_generator_that_outputs_nan_is_refused(tmp_path, seeded):
    generator = models.build_generator(8)
    dense = generator.layers[0]
    kernel, bias = dense.get_weights()
    dense.set_weights([kernel, np.full_like(bias, 3e38)])  # finite weights, sums that overflow
    path = tmp_path / "g.weights.h5"
    generator.save_weights(path)
    with pytest.raises(ValueError, match=f"^{path} gives a network whose first outputs are not finite"):
        models.generator_for_weights(path)


def test_a_diverged_run_is_named_as_such_not_as_damage(tmp_path, seeded):
    """A file as its run wrote it (the checksum matches) whose weights are NaN: the training diverged."""
    generator = models.build_generator(8)
    generator.set_weights([np.full_like(w, np.nan) for w in generator.get_weights()])
    path = tmp_path / "generator.weights.h5"
    generator.save_weights(path)
    (tmp_path / "generator.json").write_text(json.dumps({"sha256": {path.name: sha256_of(path)}}))
    with pytest.raises(
        ValueError, match="the training that wrote it diverged .the file is as it was written"
    ):
        models.load_generator_weights(models.build_generator(8), path)


@pytest.fixture()
def shipped(tmp_path, monkeypatch):
    """A copy of the shipped files that the loaders read instead of the package's."""
    copy = tmp_path / "reference"
    shutil.copytree(pretrained.reference_dir(), copy)
    monkeypatch.setattr(pretrained, "reference_dir", lambda: copy)
    monkeypatch.setattr(metrics, "reference_dir", lambda: copy)
    metrics.load_classifier.cache_clear()
    yield copy
    metrics.load_classifier.cache_clear()


@pytest.mark.parametrize("where", OFFSETS)
def test_a_garbled_shipped_generator_is_refused(shipped, capsys, where):
    path = shipped / "post" / "generator.weights.h5"
    _garble(path, where)
    with pytest.raises(ValueError) as err:
        pretrained.load_generator()
    message = str(err.value)
    assert message.startswith(f"{path} is damaged: its sha256 is not the one provenance.json")
    assert "reinstall ganlib" in message and "\n" not in message
    assert cli.main(["evaluate", "--n", "500"]) == 1  # damaged: 1, not 2
    assert _error(capsys).startswith(f"error: {path} is damaged")


def test_a_garbled_shipped_discriminator_is_refused(shipped):
    path = shipped / "conditional" / "discriminator.weights.h5"
    _garble(path, "middle")
    with pytest.raises(ValueError, match=f"^{path} is damaged: its sha256 is not the one provenance.json"):
        pretrained.load_conditional_discriminator()


@pytest.mark.parametrize("where", OFFSETS)
def test_a_garbled_classifier_is_refused(shipped, capsys, where):
    path = shipped / "mnist_classifier.weights.h5"
    _garble(path, where)
    with pytest.raises(
        ValueError, match=f"^{path} is damaged: its sha256 is not the one mnist_classifier.json"
    ):
        metrics.load_classifier()
    assert cli.main(["evaluate", "--n", "500"]) == 1  # damaged: 1, not 2
    line = _error(capsys)
    assert line.startswith(f"error: {path} is damaged") and "python tools/train_classifier.py" in line


@pytest.mark.parametrize("where", ["start", "middle"])  # (its last bytes are not read: unnoticed)
def test_a_garbled_classifier_without_a_record_is_refused(shipped, where):
    record = shipped / "mnist_classifier.json"
    record.write_text(json.dumps({k: v for k, v in json.loads(record.read_text()).items() if k != "sha256"}))
    path = shipped / "mnist_classifier.weights.h5"
    _garble(path, where)
    with pytest.raises(ValueError) as err:
        metrics.load_classifier()
    message = str(err.value)
    assert message.startswith(f"{path} ") and "\n" not in message
    assert "cannot be loaded" in message or "weights are not finite" in message


def test_every_shipped_weights_file_matches_its_record():
    base = pretrained.reference_dir()
    for name in pretrained.NAMES:
        files = sorted(p.name for p in (base / name).glob("*.weights.h5"))
        shas = pretrained.provenance(name)["sha256"]
        assert sorted(shas) == files, name
        assert all(integrity.verify(base / name / f) for f in files)
    record = json.loads((base / "mnist_classifier.json").read_text())
    assert record["sha256"] == {"mnist_classifier.weights.h5": sha256_of(metrics.classifier_path())}


@pytest.mark.parametrize("where", OFFSETS)
def test_resume_rewrites_a_garbled_generator_and_keeps_it(run, tmp_path, capsys, where):
    path = run / "generator.weights.h5"
    damaged = _garble(path, where)
    capsys.readouterr()
    assert cli.main(["train", "--epochs", "2", *TRAIN, "--out", str(run), "--resume"]) == 0
    notes = _notes(capsys)
    kept = list(run.glob("generator.weights.h5.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert any(
        f"rewrote {path} from the checkpoint of epoch 2 (it was not the file generator.json records: "
        f"its sha256 differs; the damaged file is kept as {kept[0].name})" in n
        for n in notes
    ), notes
    assert cli.main(["sample", "--weights", str(path), "--out", str(tmp_path / "g.png")]) == 0


def test_the_moving_average_files_are_recorded_checked_and_repaired(tmp_path, capsys):
    run, grid = tmp_path / "ema", str(tmp_path / "g.png")
    ema = [*TRAIN, "--ema", "0.999", "--out", str(run)]
    assert cli.main(["train", "--epochs", "1", *ema]) == 0
    shas = json.loads((run / "generator.json").read_text())["sha256"]
    assert sorted(shas) == sorted(p.name for p in run.glob("*.weights.h5"))
    assert {"generator-ema.weights.h5", "generator-ema-epoch-001.weights.h5"} <= set(shas)
    path = run / "generator-ema.weights.h5"
    _garble(path, "middle")
    capsys.readouterr()
    assert cli.main(["sample", "--weights", str(path), "--out", grid]) == 1  # damaged: 1, not 2
    assert _error(capsys).startswith(f"error: {path} is damaged: its sha256")
    assert cli.main(["train", "--epochs", "1", *ema, "--resume"]) == 0
    assert any(f"rewrote {path} from the checkpoint of epoch 1" in n for n in _notes(capsys))
    assert cli.main(["sample", "--weights", str(path), "--out", grid]) == 0


@pytest.mark.parametrize("record", ["with its checksum", "from before checksums"])
@pytest.mark.parametrize("where", OFFSETS)
def test_a_garbled_checkpoint_falls_back_to_the_one_before(run, capsys, where, record):
    """The latest checkpoint garbled: resuming goes back to the one before, says so, keeps the
    damaged file, and trains on — the damage is never blamed on the training."""
    latest = run / "backup" / "latest.weights.h5"
    if record == "from before checksums":
        for name in ("training_metadata.json", "training_metadata.json.bkp"):
            meta = run / "backup" / name
            meta.write_text(
                json.dumps({k: v for k, v in json.loads(meta.read_text()).items() if k != "sha256"})
            )
    damaged = _garble(latest, where)
    capsys.readouterr()
    assert cli.main(["train", "--epochs", "3", *TRAIN, "--out", str(run), "--resume"]) == 0
    notes = _notes(capsys)
    kept = list(latest.parent.glob("latest.weights.h5.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    if record == "with its checksum":
        reason = "latest.weights.h5 damaged: its sha256 is not the one training_metadata.json records"
    else:  # it loads and gives NaN, or h5py cannot read through it
        reason = (
            "latest.weights.h5 damaged: its weights are not finite" if where == "middle" else "unreadable"
        )
    assert any(
        "the latest checkpoint in" in n
        and reason in n
        and "continuing from the one before it, after epoch 1" in n
        and f"the damaged file is kept as {kept[0].name}" in n
        for n in notes
    ), notes
    assert runs.completed_epochs(run) == 3
    assert not integrity.not_finite(models.generator_for_weights(run / "generator.weights.h5").get_weights())
    # the next resume finds a whole checkpoint: nothing more to say about it
    assert cli.main(["train", "--epochs", "3", *TRAIN, "--out", str(run), "--resume"]) == 0
    notes = _notes(capsys)
    assert len(notes) == 3 and "training 3 epochs" in notes[0] and "done in" in notes[2], notes
    assert "has trained 3 epochs already, as many as asked for (3); nothing left to train" in notes[1]


def test_a_damaged_history_cell_drops_that_row_only_and_keeps_the_file(run, capsys):
    history = run / "history.csv"
    lines = history.read_text().splitlines()
    good = runs.load_history(history)
    lines[2] = lines[2].split(",")[0] + ",0.7x1," + lines[2].split(",")[2]  # epoch 2's d_loss
    history.write_text("\n".join(lines) + "\n")
    damaged = history.read_bytes()
    capsys.readouterr()
    assert cli.main(["train", "--epochs", "2", *TRAIN, "--out", str(run), "--resume"]) == 0
    notes = _notes(capsys)
    kept = list(run.glob("history.csv.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    said = f"{history}: dropped unreadable line 3, kept the 1 other row; the damaged file is kept as"
    assert any(f"{said} {kept[0].name}" in n for n in notes), notes
    assert any("lacks epoch 2; those losses are lost" in n for n in notes), notes
    assert runs.load_history(history) == {k: v[:1] for k, v in good.items()}  # epoch 1's row, as it was


def test_a_damaged_generator_json_and_grids_are_kept_before_rewriting(run, capsys):
    (run / "generator.json").write_text('{"noise_dim": 2')
    npz = run / "grids" / "grids.npz"
    npz.write_bytes(npz.read_bytes()[:100])
    capsys.readouterr()
    assert cli.main(["train", "--epochs", "2", *TRAIN, "--out", str(run), "--resume"]) == 0
    notes = _notes(capsys)
    (info,) = run.glob("generator.json.damaged-*")
    (grids,) = (run / "grids").glob("grids.npz.damaged-*")
    assert info.read_text() == '{"noise_dim": 2' and len(grids.read_bytes()) == 100
    assert any(
        f"generator.json for epoch 2 (it was unreadable; the damaged file is kept as {info.name})" in n
        for n in notes
    )
    assert any("grids.npz was unreadable" in n and grids.name in n for n in notes), notes
    # the rewritten record still knows every file's checksum, so every file is checked again
    shas = json.loads((run / "generator.json").read_text())["sha256"]
    assert shas == {
        "generator.weights.h5": sha256_of(run / "generator.weights.h5"),
        "generator-epoch-002.weights.h5": sha256_of(run / "generator-epoch-002.weights.h5"),
    }


def test_history_rows_are_read_one_by_one(tmp_path):
    path = tmp_path / "history.csv"
    path.write_bytes(
        b"epoch,d_loss,g_loss,val_d_loss\n"
        b"0,0.5,0.75,NA\n"  # CSVLogger's empty column: fine
        b"1,0.5\n"  # cut short
        b"2,0.5,0.75,NA,9\n"  # an extra cell
        b"\n"
        b"x,0.5,0.75,NA\n"  # no epoch
        b"4,nan,0.75,\n"  # a diverged loss is a loss
        b"5,0.5,\xff\xfe,NA\n"  # garbled bytes, not UTF-8
    )
    rows, bad = runs.read_history_rows(path)
    assert bad == [3, 4, 6, 8]
    assert rows[0] == {"epoch": 0, "d_loss": 0.5, "g_loss": 0.75}
    assert rows[1]["epoch"] == 4 and np.isnan(rows[1]["d_loss"]) and len(rows) == 2
    path.write_text("d_loss,g_loss\n0.5,0.75\n")
    with pytest.raises(ValueError, match="not a header with an epoch column"):
        runs.read_history_rows(path)


def test_move_aside_never_overwrites_earlier_evidence(tmp_path):
    path = tmp_path / "history.csv"
    names = []
    for text in ("one", "two"):
        path.write_text(text)
        names.append(integrity.move_aside(path))
    assert not path.exists() and names[0] != names[1]
    assert [p.read_text() for p in names] == ["one", "two"]
    assert all(p.name.startswith("history.csv.damaged-") and p.name[20:28].isdigit() for p in names)
