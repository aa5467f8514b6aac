"""tools/compare_recipes.py: chapter 08's table, its recipes labelled, an earlier table's rows kept."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import compare_recipes as compare  # noqa: E402


def row(run, seed, ema, score, fd):
    return {"run": run, "seed": seed, "ema": ema, "classifier_score": score, "frechet_distance": fd}


def test_the_table_labels_each_recipe_and_refuses_two_runs_from_one_seed():
    entries = compare.recipes([row("post", 0, False, 8.0, 20.0), row("bn-s1", 1, False, 8.1, 19.0)])
    assert [(e["recipe"], e["label"]) for e in entries] == [
        ("post", compare.RECIPES["post"]),
        ("bn", compare.RECIPES["bn"]),
    ]
    with pytest.raises(SystemExit, match="error: recipe bn has two runs from the same seed"):
        compare.recipes([row("bn", 0, False, 8.0, 20.0), row("bn-s0", 0, False, 8.1, 19.0)])


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
