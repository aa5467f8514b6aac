"""The shipped generators: both load, stay small, say how they were made, and score what their
files claim."""

import shlex

import numpy as np
import pytest

from ganlib import cli, metrics, pretrained, seeds
from ganlib.data import scale_images
from ganlib.models import ARCHITECTURE, architecture_of, is_conditional
from ganlib.sampling import generate, noise


@pytest.mark.parametrize("name", pretrained.NAMES)
def test_shipped_generator_is_small_float16_and_loads(name):
    import h5py

    path = pretrained.run_dir(name) / "generator.weights.h5"
    assert path.stat().st_size <= 6_000_000
    with h5py.File(path) as f:
        dtypes = set()
        f.visititems(lambda _, o: dtypes.add(o.dtype) if isinstance(o, h5py.Dataset) else None)
    assert dtypes == {np.dtype("float16")}
    generator = pretrained.load_generator(name)
    info = pretrained.provenance(name)  # the record loading builds from (models.saved_architecture)
    assert architecture_of(generator) == {key: info[key] for key in ARCHITECTURE}


@pytest.mark.parametrize("name", pretrained.NAMES)
def test_provenance_command_reproduces_the_recorded_settings(name):
    info = pretrained.provenance(name)
    words = shlex.split(info["command"])
    assert words[:4] == ["python", "-m", "ganlib", "train"]
    args = cli._parser().parse_args(words[3:])
    cli._fill_defaults(args)  # the options left out, as the command fills them in
    if args.quick:  # train --quick: the recipe is training.QUICK, which has no flags of its own
        from ganlib import training

        for key in ("epochs", "batch_size", "n_images", "batch_norm", "ema"):
            setattr(args, key, training.QUICK[key])
        args.conditional = False
        assert info["shared_fakes"] is training.QUICK["shared_fakes"] is True
    assert (args.epochs, args.batch_size, args.n_images, args.seed) == (
        info["epochs"],
        info["batch_size"],
        info["n_images"],
        info["seed"],
    )
    assert args.batch_norm == info["batch_norm"] and args.ema == info["ema"]
    assert args.conditional == info["conditional"] == (name == "conditional")
    assert info["steps"] == info["epochs"] * (info["n_images"] // info["batch_size"])
    assert 0 < info["wall_time_s"] <= 75 * 60  # the budget for one training run
    assert len(pretrained.load_history(name)["g_loss"]) == info["epochs"]
    assert sorted(pretrained.load_grids(name)) == list(range(1, info["epochs"] + 1))


@pytest.mark.parametrize("name", pretrained.NAMES)
def test_shipped_quality_matches_the_shipped_weights(name):
    quality = pretrained.quality(name)
    final = quality["checkpoints"][-1]
    assert final["epoch"] == pretrained.provenance(name)["epochs"]
    live = metrics.evaluate_generator(pretrained.load_generator(name), n=2000, seed=quality["sample_seed"])
    assert live["classifier_score"] == pytest.approx(final["classifier_score"], abs=0.01)
    assert live["class_histogram"] == final["class_histogram"]
    if name == "conditional":
        assert live["digit_accuracy"]["overall"] == pytest.approx(
            final["digit_accuracy"]["overall"], abs=0.001
        )
    assert final["classifier_score"] > quality["untrained"]["classifier_score"]
    fd = final["frechet_distance"]
    assert quality["real"]["frechet_distance"] < fd < quality["untrained"]["frechet_distance"]
    if name != "conditional":  # asked for each digit equally, the conditional one scores as high as real
        assert quality["real"]["classifier_score"] > final["classifier_score"]


def test_improved_is_the_typical_run_of_the_recipe_with_the_best_mean_score():
    table = pretrained.comparison()
    rows = table["rows"]
    assert {row["steps"] for row in rows} == {table["steps"]}
    assert [row["ema"] for row in rows] == [False, True] * (len(rows) // 2)
    assert rows[0]["run"] == "post" and not rows[0]["batch_norm"]
    best = seeds.best(table["recipes"])  # by the mean over at least three seeds, not one lucky run
    info = pretrained.provenance("improved")
    assert info["seed"] == seeds.typical_seed(best)
    assert info["weights"].startswith("moving average") == best["ema"]
    (row,) = [
        row
        for row in rows
        if (seeds.recipe_of(row["run"]), row["ema"], row["seed"])
        == (best["recipe"], best["ema"], info["seed"])
    ]
    assert info["batch_norm"] == row["batch_norm"] and info["steps"] == table["steps"]
    final = pretrained.quality("improved")["checkpoints"][-1]
    assert final["classifier_score"] == pytest.approx(row["classifier_score"], abs=0.01)
    post = pretrained.quality("post")["checkpoints"][-1]
    assert post["classifier_score"] == pytest.approx(rows[0]["classifier_score"], abs=0.01)
    for row in rows:
        assert row["grid"].shape == (16, 28, 28, 1) and -1 <= row["grid"].min() < row["grid"].max() <= 1


def test_the_comparison_records_each_rows_seed_and_summarises_each_recipe_over_them():
    table = pretrained.comparison()
    assert all(isinstance(row["seed"], int) for row in table["rows"])
    stored = [{k: v for k, v in entry.items() if k != "label"} for entry in table["recipes"]]
    assert stored == seeds.summarise(table["rows"])  # one seed per run, the summary up to date


def test_unknown_name_is_explained():
    with pytest.raises(
        ValueError,
        match="Unknown shipped generator 'best'; choose one of 'post', 'quick', 'improved', 'conditional'",
    ):
        pretrained.load_generator("best")


def test_cli_evaluates_either_shipped_generator(capsys):
    assert cli.main(["evaluate", "--generator", "improved", "--n", "500"]) == 0
    out = capsys.readouterr().out
    assert "real digits (evaluation)" in out and "this generator" in out


def test_shipped_conditional_pair_is_a_trained_pair():
    generator = pretrained.load_conditional_generator()
    assert is_conditional(generator)
    info = pretrained.provenance("conditional")
    assert info["conditional"] and pretrained.load_grids("conditional")[1].shape == (20, 28, 28, 1)
    critic = pretrained.load_conditional_discriminator()
    images, labels = metrics.heldout_digits()
    x, digits = scale_images(images[:1000]), labels[:1000].astype(np.int32)
    asked = np.arange(1000, dtype=np.int32) % 10
    fakes = generate(generator, noise(1000, seed=5), asked)
    real_verdict = np.asarray(critic([x, digits], training=False)).mean()
    fake_verdict = np.asarray(critic([fakes, asked], training=False)).mean()
    assert real_verdict > fake_verdict + 0.03  # still tells its generator's fakes from real digits


def test_cli_evaluates_the_conditional_generator(capsys):
    assert cli.main(["evaluate", "--generator", "conditional", "--n", "500"]) == 0
    out = capsys.readouterr().out
    assert "read as the digit asked for:" in out and "9:" in out


def test_the_quick_run_is_the_quick_recipe_trained_within_twelve_minutes():
    """What `train --quick` promises (a generator of your own in ≤ 12 minutes on a CPU): the shipped
    quick run is training.QUICK, trained in at most 12 minutes, its moving average shipped; and it is
    better than the post's run was after as many digits (benchmarks/quick/ has its whole curve)."""
    from ganlib import training

    info, recipe = pretrained.provenance("quick"), training.QUICK
    keys = (
        "epochs",
        "batch_size",
        "noise_dim",
        "n_images",
        "batch_norm",
        "ema",
        "shared_fakes",
        "lr_fall_from",
    )
    assert {k: info[k] for k in keys} == {k: recipe[k] for k in keys}
    d_lr, g_lr = recipe.get("d_learning_rate", 2e-4), recipe.get("g_learning_rate", 2e-4)
    assert f"learning rates: discriminator {d_lr:g}, generator {g_lr:g}" in info["optimizer"]
    assert info["weights"].startswith("moving average") and info["wall_time_s"] <= 12 * 60
    final = pretrained.quality("quick")["checkpoints"][-1]
    digits = info["steps"] * info["batch_size"]
    post = pretrained.quality("post")["checkpoints"]
    post_then = max((c for c in post if c["steps"] * 128 <= digits), key=lambda c: c["steps"])
    assert final["classifier_score"] > post_then["classifier_score"]
    assert final["frechet_distance"] < post_then["frechet_distance"]


@pytest.mark.parametrize(
    "reader, file",
    [
        (lambda: pretrained.provenance("post"), "post/provenance.json"),
        (lambda: pretrained.quality("post"), "post/quality.json"),
        (lambda: pretrained.load_history("post"), "post/history.csv"),
        (lambda: pretrained.load_grids("post"), "post/grids.npz"),
        (pretrained.comparison, "comparison.json"),
        (pretrained.comparison, "comparison.npz"),
    ],
)
@pytest.mark.parametrize("damage", ["garbled", "empty", "not an object"])
def test_a_damaged_shipped_file_is_named(tmp_path, monkeypatch, reader, file, damage):
    import shutil

    shutil.copytree(pretrained.reference_dir(), tmp_path / "reference")
    monkeypatch.setattr(pretrained, "reference_dir", lambda: tmp_path / "reference")
    path = tmp_path / "reference" / file
    content = {"garbled": b"\x00\xff{[garbled", "empty": b"", "not an object": b"[1, 2]"}[damage]
    path.write_bytes(content)
    with pytest.raises(
        ValueError, match=f"^{path} is damaged .*; reinstall ganlib|^{path} is damaged .*; copy it"
    ):
        reader()
