"""A real mode collapse in seconds: a 2-D GAN on a ring of eight Gaussians.

The data are points in the plane drawn from eight small Gaussians spaced evenly on a circle
(the toy problem of Metz et al., 2017). A plain GAN on it typically learns one or two of the
eight modes and stays there, or hops from mode to mode: a mode collapse you can watch. The
measure :func:`measure` counts the modes the samples cover and the share of samples that land
close to some mode; :func:`train_ring` with ``minibatch_std=True`` gives the discriminator one
more feature, the spread of its batch (Karras et al., 2018), which lets it notice a batch that is
too narrow, and the collapse eases.

The networks are small multilayer perceptrons written in numpy, forward and backward by hand,
so a run of a few thousand steps takes a couple of seconds on a CPU and does not depend on
TensorFlow. Everything is seeded: the same settings give the same run.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field

import numpy as np

from ganlib.validate import in_range, positive_int

N_MODES = 8
RADIUS = 2.0
MODE_STD = 0.05
DTYPE = np.float32
CLOSE = 3 * MODE_STD  # a sample this close to a mode's centre counts as high quality
MIN_SHARE = 0.02  # a mode is covered when at least this share of the samples are close to it


def ring_centres(n_modes: int = N_MODES, radius: float = RADIUS) -> np.ndarray:
    """``(n_modes, 2)`` centres evenly spaced on a circle, the first at angle 0."""
    angles = 2 * np.pi * np.arange(n_modes) / n_modes
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def ring_samples(n: int, seed: int | None = 0, rng: np.random.Generator | None = None) -> np.ndarray:
    """``(n, 2)`` real data: each point from one of the eight Gaussians, chosen uniformly."""
    rng = np.random.default_rng(seed) if rng is None else rng
    modes = rng.integers(0, N_MODES, size=n)
    return (ring_centres()[modes] + MODE_STD * rng.standard_normal((n, 2))).astype(DTYPE)


def measure(samples: np.ndarray) -> dict:
    """How well ``samples`` cover the ring.

    ``quality``: the share of samples within ``CLOSE`` (three standard deviations) of a mode's
    centre; ``modes``: how many of the eight modes hold at least ``MIN_SHARE`` of the samples in
    that way; ``per_mode``: the share of samples close to each mode.
    """
    samples = np.asarray(samples, dtype=np.float64)
    if samples.ndim != 2 or samples.shape[1] != 2 or len(samples) == 0:
        raise ValueError(f"samples must have shape (n, 2), got {samples.shape}.")
    dist = np.linalg.norm(samples[:, None, :] - ring_centres()[None], axis=2)
    nearest = dist.argmin(axis=1)
    close = dist[np.arange(len(samples)), nearest] < CLOSE
    per_mode = np.bincount(nearest[close], minlength=N_MODES) / len(samples)
    return {"modes": int((per_mode >= MIN_SHARE).sum()), "quality": float(close.mean()), "per_mode": per_mode}


# --- a multilayer perceptron in numpy -----------------------------------------------------------


class _MLP:
    """Dense layers with ReLU between them, no activation at the end.

    With ``minibatch_std`` the input gets one extra feature: the standard deviation over the
    batch of each input coordinate, averaged over the coordinates, the same number for every
    row (Karras et al., 2018, add it near the end of an image discriminator; for points in the
    plane the input coordinates are already the features that matter).
    """

    def __init__(self, sizes: list[int], rng: np.random.Generator, minibatch_std: bool = False):
        self.minibatch_std = minibatch_std
        self.params = []
        for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:])):
            if minibatch_std and i == 0:
                n_in += 1
            w = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)  # He initialisation
            self.params += [w.astype(DTYPE), np.zeros(n_out, DTYPE)]

    def forward(self, x: np.ndarray) -> np.ndarray:
        self._cache = []
        h = x
        n_layers = len(self.params) // 2
        for i in range(n_layers):
            if self.minibatch_std and i == 0:
                sd = np.sqrt(h.var(axis=0) + 1e-8)
                self._cache.append(("mbstd", h, sd))
                h = np.concatenate([h, np.full((len(h), 1), sd.mean())], axis=1)
            w, b = self.params[2 * i], self.params[2 * i + 1]
            self._cache.append(("dense", h))
            h = h @ w + b
            if i < n_layers - 1:
                self._cache.append(("relu", h > 0))
                h = np.maximum(h, 0)
        return h

    def backward(self, grad: np.ndarray, params: bool = True) -> tuple[list[np.ndarray], np.ndarray]:
        """Gradients of the parameters (None each with ``params=False``) and of the input, given
        d(loss)/d(output)."""
        grads = [None] * len(self.params)
        layer = len(self.params) // 2
        for entry in reversed(self._cache):
            if entry[0] == "relu":
                grad = grad * entry[1]
            elif entry[0] == "dense":
                layer -= 1
                h = entry[1]
                w = self.params[2 * layer]
                if params:
                    grads[2 * layer] = h.T @ grad
                    grads[2 * layer + 1] = grad.sum(axis=0)
                grad = grad @ w.T
            else:  # minibatch standard deviation: every row's extra feature depends on every row
                _, h, sd = entry
                g_feature = grad[:, -1].sum()
                grad = grad[:, :-1] + g_feature * (h - h.mean(axis=0)) / (len(h) * sd * h.shape[1])
        return grads, grad


class _Adam:
    def __init__(self, params: list[np.ndarray], lr: float, beta_1: float = 0.5, beta_2: float = 0.999):
        self.params, self.lr, self.b1, self.b2 = params, lr, beta_1, beta_2
        self.m = [np.zeros_like(p) for p in params]
        self.v = [np.zeros_like(p) for p in params]
        self.t = 0

    def step(self, grads: list[np.ndarray]) -> None:
        self.t += 1
        scale = self.lr * np.sqrt(1 - self.b2**self.t) / (1 - self.b1**self.t)
        for p, g, m, v in zip(self.params, grads, self.m, self.v):
            m *= self.b1
            m += (1 - self.b1) * g
            v *= self.b2
            v += (1 - self.b2) * g * g
            p -= scale * m / (np.sqrt(v) + 1e-8)


def _sigmoid(x):
    return 0.5 * (1 + np.tanh(0.5 * x))


def _softplus(x):
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


# --- training ------------------------------------------------------------------------------------


@dataclass
class RingRun:
    """What a ring run recorded: its settings, the real data and one snapshot per checkpoint."""

    settings: dict
    real: np.ndarray
    steps: list[int] = field(default_factory=list)
    samples: list[np.ndarray] = field(default_factory=list)
    measures: list[dict] = field(default_factory=list)
    d_loss: list[float] = field(default_factory=list)
    g_loss: list[float] = field(default_factory=list)

    @property
    def final(self) -> dict:
        """The measure of the last snapshot."""
        return self.measures[-1]


def train_ring(
    steps: int = 3000,
    batch_size: int = 256,
    lr_g: float = 1e-3,
    lr_d: float = 1e-3,
    hidden: int = 128,
    noise_dim: int = 16,
    minibatch_std: bool = False,
    snapshot_every: int = 250,
    n_eval: int = 2000,
    seed: int = 0,
) -> RingRun:
    """Train a GAN on the ring for ``steps`` steps (one discriminator, then one generator update).

    Both networks have two hidden layers of ``hidden`` ReLU units; the generator maps
    ``noise_dim``-D standard normal noise to a point, the discriminator a point to a logit.
    Losses: binary cross-entropy, the non-saturating one for the generator. ``minibatch_std``
    gives the discriminator the spread of its batch as an extra feature. Every
    ``snapshot_every`` steps (and at step 0) the same ``n_eval`` noise vectors are turned into
    points and measured.
    """
    settings = {k: v for k, v in locals().items()}
    for name in ("steps", "batch_size", "hidden", "noise_dim", "snapshot_every", "n_eval"):
        positive_int(name, settings[name])
    for name in ("lr_g", "lr_d"):
        in_range(name, settings[name], 0, low_open=True)
    rng = np.random.default_rng(seed)
    gen = _MLP([noise_dim, hidden, hidden, 2], rng)
    disc = _MLP([2, hidden, hidden, 1], rng, minibatch_std=minibatch_std)
    opt_g, opt_d = _Adam(gen.params, lr_g), _Adam(disc.params, lr_d)
    z_eval = rng.standard_normal((n_eval, noise_dim), dtype=DTYPE)
    run = RingRun(settings=settings, real=ring_samples(n_eval, rng=rng))

    def snapshot(step):
        points = gen.forward(z_eval)
        run.steps.append(step)
        run.samples.append(points)
        run.measures.append(measure(points))

    snapshot(0)
    for step in range(1, steps + 1):
        # discriminator: real batch and fake batch separately (the batch spread is per batch)
        real = ring_samples(batch_size, rng=rng)
        fake = gen.forward(rng.standard_normal((batch_size, noise_dim), dtype=DTYPE))
        logit_real = disc.forward(real)
        grads_real, _ = disc.backward(-_sigmoid(-logit_real) / batch_size)  # d softplus(-l)/dl
        logit_fake = disc.forward(fake)
        grads_fake, _ = disc.backward(_sigmoid(logit_fake) / batch_size)  # d softplus(l)/dl
        opt_d.step([a + b for a, b in zip(grads_real, grads_fake)])
        d_loss = float(_softplus(-logit_real).mean() + _softplus(logit_fake).mean()) / 2
        # generator: non-saturating loss -log D(G(z)) = softplus(-logit)
        fake = gen.forward(rng.standard_normal((batch_size, noise_dim), dtype=DTYPE))
        logit = disc.forward(fake)
        _, grad_x = disc.backward(-_sigmoid(-logit) / batch_size, params=False)  # only G is updated
        grads_g, _ = gen.backward(grad_x)
        opt_g.step(grads_g)
        run.d_loss.append(d_loss)
        run.g_loss.append(float(_softplus(-logit).mean()))
        if not np.isfinite(run.g_loss[-1]):
            snapshot(step)
            break
        if step % snapshot_every == 0 or step == steps:
            snapshot(step)
    return run


def train_settings() -> list[str]:
    """The names of :func:`train_ring`'s settings."""
    return list(inspect.signature(train_ring).parameters)


def chapter_steps() -> int:
    """Steps for the chapter's runs (``config.RunSizes.ring_steps``): a few seconds' worth, fewer
    in fast mode (CI)."""
    from ganlib.config import run_sizes

    return run_sizes().ring_steps


def plot_runs(
    runs: list[RingRun], titles: list[str], at_steps: list[int], lang: str | None = None, axes=None
):
    """One row per run, one column per step in ``at_steps``: the run's samples (orange) over
    the real data (grey), each panel titled with its measure. Returns the figure."""
    import matplotlib.pyplot as plt

    from ganlib import fmt
    from ganlib.words import words

    table = words(lang)
    if axes is None:
        _, axes = plt.subplots(
            len(runs), len(at_steps), figsize=(2.2 * len(at_steps), 2.4 * len(runs)), squeeze=False
        )
    for row, (run, title) in zip(axes, zip(runs, titles)):
        for ax, step in zip(row, at_steps):
            k = run.steps.index(step)
            ax.scatter(*run.real[:500].T, s=2, color="lightgray")
            ax.scatter(*run.samples[k][:500].T, s=2, color="tab:orange")
            m = run.measures[k]
            ax.set_title(
                f"{table['step']} {fmt.number(step, lang=lang)}\n{table['modes']} {m['modes']}, "
                f"{table['quality']} {fmt.number(m['quality'], 2, lang=lang)}",
                fontsize=9,
            )
            ax.set(xlim=(-3, 3), ylim=(-3, 3), xticks=[], yticks=[], aspect="equal")
        row[0].set_ylabel(title)
    return axes[0][0].figure
