"""A saved generator's architecture has one source: the record beside its weights (a run
folder's generator.json, a shipped run's provenance.json). Loading builds from it; a file with
no record is read from its shapes; a record the file contradicts is one line."""

import json
import shutil
import types

import numpy as np
import pytest

from ganlib import cli, models, pretrained
from ganlib.callbacks import GeneratorCheckpoint
from ganlib.integrity import sha256_of
from ganlib.sampling import generate, noise


def _run_folder(folder, generator):
    """What a training run leaves for a generator: its weights and generator.json."""
    checkpoint = GeneratorCheckpoint(folder, keep_every_epoch=False)
    checkpoint.set_model(types.SimpleNamespace(generator=generator, ema_generator=None))
    checkpoint.on_epoch_end(0)
    return folder / "generator.weights.h5", folder / "generator.json"


@pytest.mark.parametrize("conditional", [False, True])
def test_generator_json_records_the_architecture_and_loading_builds_it(tmp_path, seeded, conditional):
    build = models.build_conditional_generator if conditional else models.build_generator
    g = build(8, batch_norm=True)
    path, record = _run_folder(tmp_path, g)
    info = json.loads(record.read_text())
    assert {k: info[k] for k in models.ARCHITECTURE} == models.architecture_of(g)
    assert info["conditional"] is conditional and info["batch_norm"] is True and info["noise_dim"] == 8
    loaded = models.generator_for_weights(path)
    assert models.architecture_of(loaded) == models.architecture_of(g)
    z, digits = noise(3, 8, seed=1), ([1, 2, 3] if conditional else None)
    assert np.array_equal(generate(g, z, digits), generate(loaded, z, digits))


@pytest.mark.parametrize(
    "change, says",
    [
        ({"batch_norm": False}, "batch_norm=False"),  # Keras alone would load it, dropping the BatchNorm
        ({"noise_dim": 9}, "noise_dim=9"),
        ({"conditional": True, "noise_dim": -2}, "conditional=True"),  # the same Dense kernel, 8 rows
    ],
)
def test_a_record_the_file_contradicts_is_one_line(tmp_path, seeded, change, says):
    path, record = _run_folder(tmp_path, models.build_generator(8, batch_norm=True))
    info = json.loads(record.read_text())
    record.write_text(json.dumps({**info, **change}))  # the checksums still match: only the record changed
    expected = (
        f"^{record} describes generator.weights.h5 as a generator with .*{says}.*, but the file "
        "holds noise_dim=8, batch_norm=True, conditional=False; correct generator.json, or copy "
        "the run folder again.$"
    )
    with pytest.raises(ValueError, match=expected):
        models.generator_for_weights(path)
    with pytest.raises(ValueError, match=expected):
        models.load_generator_weights(models.build_generator(8, batch_norm=True), path)


def test_evaluate_reads_the_noise_size_from_generator_json(tmp_path, seeded, capsys):
    """Chapter 03 says so: the command line builds the generator its run folder's record describes."""
    path, record = _run_folder(tmp_path, models.build_generator(8))
    record.write_text(json.dumps({**json.loads(record.read_text()), "noise_dim": 16}))
    status = cli.main(["evaluate", "--weights", str(path), "--n", "500"])
    err = capsys.readouterr().err.splitlines()
    assert status != 0 and len(err) == 1, err
    says = f"error: {record} describes generator.weights.h5 as a generator with noise_dim=16"
    assert err[0].startswith(says), err


@pytest.mark.parametrize(
    "old_record",
    [
        {"noise_dim": 8, "epoch": 1},  # the first ganlib's
        {"noise_dim": 8, "batch_norm": True, "epoch": 1},  # with BatchNorm, before conditional networks
        {"noise_dim": 8, "batch_norm": True, "epoch": 1, "sha256": None},  # checksums, conditional only if so
    ],
)
def test_an_old_run_folder_whose_record_lacks_the_architecture_still_loads(tmp_path, seeded, old_record):
    g = models.build_generator(8, batch_norm=True)
    path = tmp_path / "generator.weights.h5"
    g.save_weights(path)
    if "sha256" in old_record:
        old_record["sha256"] = {path.name: sha256_of(path)}
    (tmp_path / "generator.json").write_text(json.dumps(old_record))
    loaded = models.generator_for_weights(path)
    assert models.architecture_of(loaded) == {"noise_dim": 8, "batch_norm": True, "conditional": False}
    z = noise(3, 8, seed=1)
    assert np.array_equal(generate(g, z), generate(loaded, z))


def test_a_file_its_folders_record_does_not_list_is_read_from_its_shapes(tmp_path, seeded):
    """A file of one's own copied into a run folder: the folder's generator.json is not its record."""
    _, record = _run_folder(tmp_path, models.build_generator(8))
    mine = tmp_path / "mine.weights.h5"
    models.build_conditional_generator(4).save_weights(mine)
    assert models.saved_architecture(mine) == {"noise_dim": 4, "batch_norm": False, "conditional": True}
    assert json.loads(record.read_text())["noise_dim"] == 8


def test_a_record_of_a_file_that_holds_no_generator_is_one_line(tmp_path):
    path, record = _run_folder(tmp_path, models.build_generator(8))
    models.build_discriminator().save_weights(path)
    info = json.loads(record.read_text())
    record.write_text(json.dumps({**info, "sha256": {path.name: sha256_of(path)}}))
    with pytest.raises(ValueError, match="but the file holds no generator; correct generator.json"):
        models.generator_for_weights(path)


def test_a_shipped_generator_is_built_as_its_provenance_says(tmp_path, monkeypatch):
    copy = tmp_path / "reference"
    shutil.copytree(pretrained.run_dir("post"), copy / "post")
    monkeypatch.setattr(pretrained, "reference_dir", lambda: copy)
    provenance = copy / "post" / "provenance.json"
    info = json.loads(provenance.read_text())
    recorded = {key: info[key] for key in models.ARCHITECTURE}
    assert models.architecture_of(pretrained.load_generator("post")) == recorded
    provenance.write_text(json.dumps({**info, "batch_norm": True}))
    with pytest.raises(
        ValueError,
        match=f"^{provenance} describes generator.weights.h5 as a generator with noise_dim=200, "
        "batch_norm=True",
    ):
        pretrained.load_generator("post")
