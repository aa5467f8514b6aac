"""tools/compare_recipes.py's summary over seeds: chapter 08's table groups runs NAME, NAME-s1, … as one
recipe and gives each measure per seed with its mean and spread."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import compare_recipes as compare  # noqa: E402


def row(run, seed, ema, score, fd):
    return {"run": run, "seed": seed, "ema": ema, "classifier_score": score, "frechet_distance": fd}


def test_a_run_name_without_its_seed_suffix_is_its_recipe():
    assert compare.recipe_of("bn-s2") == "bn"
    assert compare.recipe_of("bn-aug-s12") == "bn-aug"
    assert compare.recipe_of("bn-ttur") == "bn-ttur"  # no suffix
    assert compare.recipe_of("post-aug") == "post-aug"


def test_each_recipe_and_generator_is_summarised_over_its_seeds():
    rows = [
        row("post", 0, False, 8.0, 20.0),
        row("post", 0, True, 8.2, 16.0),
        row("bn", 0, False, 8.3, 16.0),
        row("bn-s1", 1, False, 8.1, 18.0),
        row("bn-s2", 2, False, 7.9, 14.0),
        row("post-s1", 1, True, 8.0, 18.0),
    ]
    entries = {(e["recipe"], e["ema"]): e for e in compare.summarise(rows)}
    assert list(entries) == [("post", False), ("post", True), ("bn", False)]
    bn = entries["bn", False]
    assert bn["seeds"] == [0, 1, 2] and bn["label"] == compare.RECIPES["bn"]
    assert bn["classifier_score"]["values"] == [8.3, 8.1, 7.9]
    assert bn["classifier_score"]["mean"] == pytest.approx(8.1)
    assert (bn["frechet_distance"]["low"], bn["frechet_distance"]["high"]) == (14.0, 18.0)
    post_ema = entries["post", True]
    assert post_ema["seeds"] == [0, 1] and post_ema["classifier_score"]["mean"] == pytest.approx(8.1)


def test_two_runs_of_one_recipe_from_the_same_seed_are_refused():
    with pytest.raises(SystemExit, match="recipe bn has two runs from the same seed"):
        compare.summarise([row("bn", 0, False, 8.0, 20.0), row("bn-s0", 0, False, 8.1, 19.0)])


def test_an_earlier_tables_rows_are_kept_unless_their_runs_are_measured_again(tmp_path):
    import json

    import numpy as np

    table = {"epochs": 129, "rows": [row("post", 0, False, 8.0, 20.0), row("bn", 0, False, 8.2, 16.0)]}
    for r in table["rows"]:
        r["key"] = r["run"]
        del r["seed"]  # as in tables made before rows recorded their seed
    (tmp_path / "comparison.json").write_text(json.dumps(table))
    np.savez(tmp_path / "comparison.npz", post=np.zeros((16, 28, 28)), bn=np.ones((16, 28, 28)))
    rows, grids = compare.kept_rows(tmp_path, 129, replaced={"post"})
    assert [r["run"] for r in rows] == ["bn"] and rows[0]["seed"] == 0
    assert list(grids) == ["bn"] and grids["bn"].mean() == 1
    with pytest.raises(SystemExit, match="runs of 129 epochs, these 64"):
        compare.kept_rows(tmp_path, 64, replaced=set())
