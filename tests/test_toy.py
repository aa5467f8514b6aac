import numpy as np
import pytest

from ganlib import toy


@pytest.fixture(scope="module")
def run():
    return toy.train_toy(steps=1500, snapshot_every=300, seed=0)


def test_counterfeiter_learns_the_target_distribution(run):
    first, last = run.fakes[0], run.fakes[-1]
    assert abs(first.mean() - toy.TARGET_MEAN) > 2  # starts far away
    assert abs(last.mean() - toy.TARGET_MEAN) < 0.5
    assert 0.6 * toy.TARGET_STD < last.std() < 1.6 * toy.TARGET_STD


def test_police_end_up_unsure_where_the_data_is(run):
    near = np.abs(run.xs - toy.TARGET_MEAN) < toy.TARGET_STD
    assert np.all(np.abs(run.beliefs[-1][near] - 0.5) < 0.15)
    assert run.steps == [0, 300, 600, 900, 1200, 1500]


def test_losses_are_per_step_and_settle_near_ln2(run):
    assert len(run.d_loss) == len(run.g_loss) == 1500
    assert abs(np.mean(run.d_loss[-200:]) - np.log(2)) < 0.05
    assert abs(np.mean(run.g_loss[-200:]) - np.log(2)) < 0.1
    assert np.std(run.g_loss[-200:]) > 0.005  # not a running mean


def test_bad_steps():
    with pytest.raises(ValueError, match="steps must be a positive integer"):
        toy.train_toy(steps=0)
