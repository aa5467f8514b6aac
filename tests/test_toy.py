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


def test_default_run_records_the_generator_gradient_and_the_police_belief_on_fakes(run):
    assert run.generator_loss == "non_saturating"
    assert len(run.g_grad) == len(run.d_fake) == 1500
    assert all(g > 0 for g in run.g_grad)
    assert 0 < min(run.d_fake) and max(run.d_fake) < 1


@pytest.fixture(scope="module")
def by_loss():
    """The chapter 01 experiment: both generator losses, plain gradient descent for the generator."""
    kwargs = dict(steps=1000, snapshot_every=250, generator_optimizer="sgd", generator_learning_rate=2e-3)
    return {loss: toy.train_toy(generator_loss=loss, **kwargs) for loss in toy.GENERATOR_LOSSES}


def test_saturating_loss_stalls_once_the_police_are_confident(by_loss):
    good, bad = by_loss["non_saturating"], by_loss["saturating"]
    assert bad.generator_loss == "saturating"
    np.testing.assert_allclose(good.fakes[0], bad.fakes[0])  # same start
    assert np.mean(bad.d_fake[50:300]) < 0.2  # the police are confident: D(G(z)) is small
    assert np.mean(good.g_grad[50:300]) > 5 * np.mean(bad.g_grad[50:300])
    assert abs(good.fakes[-1].mean() - toy.TARGET_MEAN) < 0.7
    assert bad.fakes[-1].mean() < 2  # still far from the data
    assert np.all(np.array(bad.g_loss) <= 0)  # log(1 - D) is never positive


def test_bad_options():
    with pytest.raises(ValueError, match="generator_loss must be one of"):
        toy.train_toy(steps=1, generator_loss="minimax")
    with pytest.raises(ValueError, match="generator_optimizer must be one of"):
        toy.train_toy(steps=1, generator_optimizer="rmsprop")
