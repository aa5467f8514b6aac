"""The ring of eight Gaussians: data, the measure, hand-written gradients, and the collapse the
chapter shows (a plain GAN collapses, the minibatch standard deviation eases it)."""

import numpy as np
import pytest

from ganlib import ring


def test_real_data_cover_every_mode_with_high_quality():
    m = ring.measure(ring.ring_samples(4000, seed=1))
    assert m["modes"] == ring.N_MODES and m["quality"] > 0.95
    assert np.allclose(m["per_mode"], m["quality"] / ring.N_MODES, atol=0.03)


def test_measure_counts_modes_and_quality():
    centres = ring.ring_centres()
    one_mode = np.repeat(centres[:1], 100, axis=0)
    assert ring.measure(one_mode)["modes"] == 1 and ring.measure(one_mode)["quality"] == 1
    two = np.concatenate([np.repeat(centres[:2], 50, axis=0), np.zeros((100, 2))])
    m = ring.measure(two)
    assert m["modes"] == 2 and m["quality"] == 0.5
    with pytest.raises(ValueError, match=r"\(n, 2\)"):
        ring.measure(np.zeros((5, 3)))


@pytest.mark.parametrize("minibatch_std", [False, True])
def test_hand_written_gradients_match_finite_differences(minibatch_std):
    rng = np.random.default_rng(0)
    net = ring._MLP([2, 5, 4, 1], rng, minibatch_std=minibatch_std)
    net.params = [p.astype(np.float64) for p in net.params]
    x = rng.standard_normal((7, 2))
    c = rng.standard_normal((7, 1))

    def f():
        return float((net.forward(x) * c).sum())

    f()
    grads, grad_x = net.backward(c)
    eps = 1e-6
    for i, j in [(0, 0), (3, 1), (6, 0)]:
        x[i, j] += eps
        up = f()
        x[i, j] -= 2 * eps
        down = f()
        x[i, j] += eps
        assert abs((up - down) / (2 * eps) - grad_x[i, j]) < 1e-6
    w = net.params[0]
    w[1, 2] += eps
    up = f()
    w[1, 2] -= 2 * eps
    down = f()
    w[1, 2] += eps
    assert abs((up - down) / (2 * eps) - grads[0][1, 2]) < 1e-6
    f()  # the cache again at the unchanged weights
    _, grad_x = net.backward(c)
    no_params, same_x = net.backward(c, params=False)  # the generator's step: only the input's
    assert no_params == [None] * len(net.params) and np.array_equal(same_x, grad_x)


def test_runs_are_seeded_and_recorded():
    a = ring.train_ring(steps=60, snapshot_every=20, n_eval=200, seed=3)
    b = ring.train_ring(steps=60, snapshot_every=20, n_eval=200, seed=3)
    assert a.steps == [0, 20, 40, 60] and len(a.samples) == len(a.measures) == 4
    assert len(a.d_loss) == len(a.g_loss) == 60
    assert np.array_equal(a.samples[-1], b.samples[-1])
    assert a.settings["seed"] == 3 and a.final is a.measures[-1]
    with pytest.raises(ValueError, match="steps"):
        ring.train_ring(steps=0)
    with pytest.raises(ValueError, match="lr_d"):
        ring.train_ring(lr_d=-1)


# The chapter's demonstration, with its seed (a few seconds per run; two tests, so that pytest's
# workers run them side by side): a plain GAN collapses onto at most two modes, yet most of its
# samples sit on a mode; the minibatch standard deviation covers at least three modes more.
COLLAPSED_MODES = 2


def test_plain_gan_collapses():
    plain = ring.train_ring(seed=0)
    assert plain.final["modes"] <= COLLAPSED_MODES and plain.final["quality"] > 0.8


def test_minibatch_std_eases_the_collapse():
    remedied = ring.train_ring(seed=0, minibatch_std=True)
    assert remedied.final["modes"] >= COLLAPSED_MODES + 3


def test_plot_runs_labels_in_the_page_language():
    import matplotlib

    matplotlib.use("Agg")
    run = ring.train_ring(steps=20, snapshot_every=10, n_eval=100)
    fig = ring.plot_runs([run], ["sade"], [0, 20], lang="tr")
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[1].startswith("adım 20") and "kalite" in titles[1]
    assert ring.train_settings()[0] == "steps"
