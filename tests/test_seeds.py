"""ganlib.seeds: chapter 08 groups runs NAME, NAME-s1, … as one recipe, gives each measure per seed with
its mean and spread, and claims a difference between two recipes only beyond that spread."""

import pytest

from ganlib import seeds


def row(run, seed, ema, score, fd, curve=None):
    return {
        "run": run,
        "seed": seed,
        "ema": ema,
        "classifier_score": score,
        "frechet_distance": fd,
        "curve": curve,
    }


def test_a_run_name_without_its_seed_suffix_is_its_recipe():
    assert seeds.recipe_of("bn-s2") == "bn"
    assert seeds.recipe_of("bn-aug-s12") == "bn-aug"
    assert seeds.recipe_of("bn-ttur") == "bn-ttur"  # no suffix
    assert seeds.recipe_of("post-aug") == "post-aug"


def test_each_recipe_and_generator_is_summarised_over_its_seeds():
    rows = [
        row("post", 0, False, 8.0, 20.0),
        row("post", 0, True, 8.2, 16.0),
        row("bn", 0, False, 8.3, 16.0),
        row("bn-s1", 1, False, 8.1, 18.0),
        row("bn-s2", 2, False, 7.9, 14.0),
        row("post-s1", 1, True, 8.0, 18.0),
    ]
    entries = {(e["recipe"], e["ema"]): e for e in seeds.summarise(rows)}
    assert list(entries) == [("post", False), ("post", True), ("bn", False)]
    bn = entries["bn", False]
    assert bn["seeds"] == [0, 1, 2]
    assert bn["classifier_score"]["values"] == [8.3, 8.1, 7.9]
    assert bn["classifier_score"]["mean"] == pytest.approx(8.1)
    assert (bn["frechet_distance"]["low"], bn["frechet_distance"]["high"]) == (14.0, 18.0)
    assert "class_shares" not in bn  # these rows have no class histograms
    post_ema = entries["post", True]
    assert post_ema["seeds"] == [0, 1] and post_ema["classifier_score"]["mean"] == pytest.approx(8.1)


def test_a_recipes_class_shares_are_the_extremes_over_its_seeds():
    a, b = row("bn", 0, False, 8.0, 20.0), row("bn-s1", 1, False, 8.1, 19.0)
    a["class_histogram"], b["class_histogram"] = [10, 30, 60], [20, 20, 60, 0]
    a["n"], b["n"] = 100, 100
    assert seeds.summarise([a, b])[0]["class_shares"] == {"low": 0.0, "high": 0.6}
    b["class_histogram"] = [25, 25, 50]
    assert seeds.summarise([a, b])[0]["class_shares"] == {"low": 0.1, "high": 0.6}


def test_two_runs_of_one_recipe_from_the_same_seed_are_refused():
    with pytest.raises(ValueError, match="recipe bn has two runs from the same seed"):
        seeds.summarise([row("bn", 0, False, 8.0, 20.0), row("bn-s0", 0, False, 8.1, 19.0)])


def entry(*scores):
    rows = [row("r" if i == 0 else f"r-s{i}", i, False, s, 20.0 - s) for i, s in enumerate(scores)]
    return seeds.summarise(rows)[0]


@pytest.mark.parametrize(
    "mine, other, expected",
    [
        ((8.3, 8.4, 8.35), (8.0, 8.2, 8.1), seeds.HIGHER),  # ranges apart
        ((8.0, 8.2, 8.1), (8.3, 8.4, 8.35), seeds.LOWER),
        ((8.0, 8.3, 8.1), (8.2, 8.4, 8.3), seeds.WITHIN_NOISE),  # overlap
        ((8.2, 8.4, 8.0), (8.1, 8.15, 8.12), seeds.WITHIN_NOISE),  # one range inside the other
        ((8.2, 8.2, 8.2), (8.2, 8.2, 8.2), seeds.WITHIN_NOISE),  # touching counts as overlapping
        ((9.0, 9.1), (8.0, 8.1, 8.05), seeds.TOO_FEW_SEEDS),  # far apart, but two seeds are two draws
        ((8.0, 8.1, 8.05, 8.02), (9.0,), seeds.TOO_FEW_SEEDS),
    ],
)
def test_a_difference_is_claimed_only_beyond_the_spread_between_enough_seeds(mine, other, expected):
    assert seeds.verdict(entry(*mine), entry(*other), "classifier_score") == expected


def test_the_verdict_reads_the_measure_asked_for():
    a, b = entry(8.3, 8.4, 8.35), entry(8.0, 8.2, 8.1)  # Fréchet 20 - score: a's is the lower one
    assert seeds.verdict(a, b, "frechet_distance") == seeds.LOWER
    assert seeds.verdict(b, a, "frechet_distance") == seeds.HIGHER


def curve(*scores):
    return [
        {"steps": 100 * (i + 1), "classifier_score": s, "frechet_distance": 1.0} for i, s in enumerate(scores)
    ]


def test_a_recipes_band_is_its_mean_and_range_over_seeds_at_each_step():
    rows = [
        row("bn", 0, False, 0, 0, curve(1.0, 5.0)),
        row("bn", 0, True, 0, 0, curve(9.0, 9.0)),  # the moving average: another band
        row("bn-s1", 1, False, 0, 0, curve(3.0, 6.0)),
        row("post", 0, False, 0, 0, curve(0.0, 0.0)),
    ]
    steps, mean, low, high = seeds.band(rows, "bn", False, "classifier_score")
    assert steps.tolist() == [100, 200]
    assert mean.tolist() == [2.0, 5.5] and low.tolist() == [1.0, 5.0] and high.tolist() == [3.0, 6.0]
    with pytest.raises(ValueError, match="no runs of recipe 'ttur'"):
        seeds.band(rows, "ttur", False, "classifier_score")
    rows.append(row("bn-s2", 2, False, 0, 0, curve(1.0)))
    with pytest.raises(ValueError, match="measured at different steps"):
        seeds.band(rows, "bn", False, "classifier_score")


def test_the_best_recipe_is_chosen_by_its_mean_over_enough_seeds():
    rows = [
        row("post", 0, False, 8.1, 19.0),
        row("post-s1", 1, False, 8.4, 12.0),
        row("post-s2", 2, False, 8.2, 15.0),
        row("bn", 0, False, 8.5, 16.0),  # the luckiest run, of a recipe with a lower mean
        row("bn-s1", 1, False, 8.0, 19.0),
        row("bn-s2", 2, False, 8.0, 15.0),
        row("lucky", 0, False, 9.0, 10.0),  # one seed: not judged
    ]
    entries = seeds.summarise(rows)
    assert seeds.best(entries)["recipe"] == "post"
    with pytest.raises(ValueError, match="no recipe has 3 seeds yet"):
        seeds.best(entries[-1:])


def test_the_typical_seed_is_nearest_the_means_in_both_measures():
    # chapter 08's post's recipe, moving average: seed 0 is nearest the mean score (8.24), seed 2 is
    # nearly as near there and much nearer the mean distance (14.1): seed 2 stands for the recipe
    rows = [
        row("post", 0, True, 8.191, 16.07),
        row("post-s1", 1, True, 8.364, 12.49),
        row("post-s2", 2, True, 8.180, 13.73),
    ]
    assert seeds.typical_seed(seeds.summarise(rows)[0]) == 2
    rows[2]["frechet_distance"] = 19.0  # now far from the mean distance: seed 0 stands for it
    assert seeds.typical_seed(seeds.summarise(rows)[0]) == 0
    one = seeds.summarise([row("lone", 3, False, 8.0, 20.0)])[0]
    assert seeds.typical_seed(one) == 3  # no spread: its only seed
