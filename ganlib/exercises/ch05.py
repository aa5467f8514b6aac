"""Checkers for chapter 05's exercises."""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

from ganlib import fmt
from ganlib.exercises._core import (
    N_,
    TWO_LOSSES,
    WRONG_LOSSES,
    Mistake,
    check_own_weights,
    checker,
    fail,
    ok,
    optimizer_owners,
    recognise,
    recording_optimizer,
    register,
    run_step,
    same,
    step_losses,
)

__all__ = ["check_train_step", "check_loss_floor", "check_never_seen"]

_NOISE, _SHAPE, _SEED, _TOL = 4, (4, 4, 1), 3, {"rtol": 1e-4, "atol": 1e-6}


def _networks():
    """A small generator/discriminator pair, always with the same starting weights (no dropout:
    splitting real and fake into two calls of the discriminator gives the same step)."""
    import keras
    from keras import initializers as init
    from keras import layers

    def net(shape, units, activation, seed, first=(), last=()):
        hidden = layers.Dense(
            8, kernel_initializer=init.GlorotUniform(seed), bias_initializer=init.RandomNormal(seed=seed + 1)
        )
        out = layers.Dense(units, activation, kernel_initializer=init.GlorotUniform(seed + 2))
        return keras.Sequential([keras.Input(shape), *first, hidden, layers.LeakyReLU(0.2), out, *last])

    return (
        net((_NOISE,), 16, "tanh", 1, last=[layers.Reshape(_SHAPE)]),
        net(_SHAPE, 1, "sigmoid", 4, first=[layers.Flatten()]),
    )


def _flat(arrays) -> np.ndarray:
    return np.concatenate([np.ravel(np.array(a)) for a in arrays])


def _train_step(smoothing=0.9, fake_target=0.0, g_target=1.0, sign=1.0, g_noise=1, stale=False):
    """The chapter's train_step (ganlib's GAN.train_step written out), with one thing changed: the
    discriminator's targets, the generator's target (and the sign of its loss), the noise the generator
    phase uses, or (``stale``) the generator's loss taken before the discriminator's update."""

    def train_step(generator, discriminator, d_optimizer, g_optimizer, real, draw_noise):
        import keras
        import tensorflow as tf

        n, bce = len(real), keras.losses.BinaryCrossentropy()
        noise = [draw_noise(n), draw_noise(n)]
        images = tf.concat([real, generator(noise[0])], axis=0)
        targets = np.repeat([[smoothing], [fake_target]], n, axis=0).astype(np.float32)
        with tf.GradientTape() as tape:
            d_loss = bce(targets, discriminator(images))
        d_grads = tape.gradient(d_loss, discriminator.trainable_variables)

        def generator_phase():
            with tf.GradientTape() as tape:
                judged = discriminator(generator(noise[g_noise]))
                g_loss = sign * bce(np.full((n, 1), g_target, np.float32), judged)
            return g_loss, tape.gradient(g_loss, generator.trainable_variables)

        if stale:
            g_loss, g_grads = generator_phase()
        d_optimizer.apply_gradients(zip(d_grads, discriminator.trainable_variables))
        if not stale:
            g_loss, g_grads = generator_phase()
        g_optimizer.apply_gradients(zip(g_grads, generator.trainable_variables))
        return d_loss, g_loss

    return train_step


_STEP_MISTAKES = [
    Mistake(
        _train_step(smoothing=1.0),
        N_(
            "The discriminator was trained without smoothing (real targets 1): with one-sided label "
            "smoothing real targets are 0.9 and fake targets 0."
        ),
    ),
    Mistake(
        _train_step(fake_target=0.1),
        N_("The fakes' target was smoothed too (0.1): smoothing is one-sided, fakes stay at 0."),
    ),
    Mistake(
        _train_step(smoothing=0.0, fake_target=0.9),
        N_(
            "The targets do not follow the images' order: for concat([real, fake]) first n times 0.9, then "
            "n times 0."
        ),
    ),
    Mistake(
        _train_step(g_noise=0),
        N_(
            "The generator phase reuses the discriminator phase's noise: use the fresh noise you drew second."
        ),
    ),
    Mistake(
        _train_step(g_target=0.9),
        N_(
            "The generator's target was smoothed (0.9): smoothing only reins in the discriminator; the "
            "generator wants its fakes called fully real (1)."
        ),
    ),
    Mistake(
        _train_step(g_target=0.0),
        N_("The generator's target is 0: the generator wants its fakes called real, target 1."),
    ),
    Mistake(
        _train_step(g_target=0.0, sign=-1.0),
        N_(
            "That is the saturating loss, log(1 − D(G(z))) of the original minimax game, whose gradient "
            "vanishes when the discriminator is sure. The step uses the non-saturating loss, −log D(G(z)), "
            "i.e. binary cross-entropy against targets of 1."
        ),
    ),
    Mistake(
        _train_step(stale=True),
        N_(
            "The generator's loss was computed before the discriminator was updated: the generator phase "
            "must go through the discriminator as it is after its own step."
        ),
    ),
]


def _replay(train_step, real, draws):
    """What ``train_step`` gives each optimizer, and returns, on fresh networks drawing ``draws``."""
    import keras

    generator, discriminator = _networks()
    log, noise = [], iter(draws)
    d_opt, g_opt = (
        recording_optimizer(keras.optimizers.Adam, log, who, learning_rate=2e-4, beta_1=0.5) for who in "dg"
    )
    out = train_step(generator, discriminator, d_opt, g_opt, real, lambda n: next(noise))
    return log, [float(x) for x in out]


_D_SAY = (
    N_(
        "Some of the discriminator's gradients are None: compute the loss inside the GradientTape block, by "
        "calling the discriminator."
    ),
    N_(
        "The discriminator's gradient is {factor} times ganlib's: the loss must be the mean over the 2n "
        "images (one BinaryCrossentropy on concat([real, fake])), not a sum."
    ),
    N_(
        "The discriminator's gradient differs from ganlib's. Make the fakes from the first noise; images "
        "concat([real, fake]), targets n times 0.9 then n times 0; the loss binary cross-entropy on the "
        "discriminator's probabilities (no from_logits), the mean over 2n images."
    ),
)
_G_SAY = (
    N_(
        "Some of the generator's gradients are None: make the fakes inside the GradientTape block, or the "
        "gradient cannot flow back through the discriminator to the generator."
    ),
    N_(
        "The generator's gradient is {factor} times ganlib's: the loss must be the mean over the n fakes, "
        "not a sum."
    ),
    N_(
        "The generator's gradient differs from ganlib's. Make fakes from the second noise inside the tape "
        "and pass them to the discriminator; the loss is binary cross-entropy against targets of 1, the mean "
        "over the n fakes."
    ),
)
_ASCENT = {
    "d": N_(
        "The discriminator's update raises its loss instead of lowering it (its gradient is the opposite of "
        "ganlib's): hand the optimizer the gradients of the loss itself; the optimizer steps against them."
    ),
    "g": N_(
        "The generator's update raises its loss instead of lowering it (its gradient is the opposite of "
        "ganlib's): minimise −log D(G(z)), binary cross-entropy against targets of 1, not its negative."
    ),
}
_BOTH = {
    "d": N_(
        "The discriminator phase took gradients for both networks: only discriminator.trainable_variables "
        "learn in this phase; the generator must not change."
    ),
    "g": N_(
        "The generator phase took gradients for the discriminator too: its targets are a lie (1 for fakes), "
        "and a discriminator updated on them learns to call fakes real. Only generator.trainable_variables."
    ),
}


@register("check_train_step", _train_step(), _STEP_MISTAKES)
@checker
def check_train_step(train_step) -> None:
    """``train_step(generator, discriminator, d_optimizer, g_optimizer, real, draw_noise)``, run beside
    ganlib's ``GAN.train_step`` on small networks, must leave the same weights after one and two steps
    and return ``(d_loss, g_loss)``; what it did (noise drawn, weights and gradients given to each
    optimizer) names the mistake."""
    import keras

    from ganlib.training import GAN

    if not callable(train_step):
        fail("Expected a function, got {kind}.", kind=type(train_step).__name__)
    real = np.random.default_rng(7).uniform(-1, 1, (4, *_SHAPE)).astype(np.float32)
    n = len(real)
    ref_g, ref_d = _networks()  # ganlib's own step: the reference
    gan = GAN(ref_g, ref_d, smoothing=0.9, seed=_SEED)
    gan.compile()
    gan.train_step(real)
    after_one = _flat(ref_g.trainable_variables + ref_d.trainable_variables)

    gen, disc = _networks()  # the student's step, on identical networks, optimizers and noise
    log, draws, seed = [], [], keras.random.SeedGenerator(_SEED)
    d_opt, g_opt = (
        recording_optimizer(keras.optimizers.Adam, log, who, learning_rate=2e-4, beta_1=0.5) for who in "dg"
    )

    def draw_noise(batch):
        z = keras.random.normal((int(batch), _NOISE), seed=seed)
        draws.append(np.array(z))
        return z

    def run():
        return run_step(train_step, (gen, disc, d_opt, g_opt, real, draw_noise), log, gen, disc)

    out = run()
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        fail(TWO_LOSSES)
    if not draws:
        fail(
            "draw_noise was never called: draw the noise with draw_noise(n) (the checker seeds it like "
            "ganlib)."
        )
    if len(draws) == 1:
        fail(
            "Noise was drawn only once: the generator phase reuses the discriminator's noise. Draw fresh "
            "noise for each phase (draw_noise twice)."
        )
    if len(draws) > 2:
        fail("draw_noise was called {count} times: draw once per phase, twice in all.", count=len(draws))
    if any(len(z) != n for z in draws):
        drawn = next(len(z) for z in draws if len(z) != n)
        fail(
            "The real batch has {n} images; draw {n} noise vectors per phase, not draw_noise({drawn}).",
            n=n,
            drawn=drawn,
        )

    # which weights each optimizer was given
    calls = optimizer_owners(log, gen, disc)
    if {who for who, _ in calls} != {"d", "g"}:
        fail(
            "Each phase must apply its gradients with its own optimizer: d_optimizer.apply_gradients(...) "
            "and g_optimizer.apply_gradients(...) (do not make your own optimizer)."
        )
    check_own_weights(calls, _BOTH)
    if [who for who, _ in calls] != ["d", "g"]:
        fail(
            "First the discriminator is updated once, then the generator once (through the updated "
            "discriminator); your order: {order}.",
            order=", ".join(who for who, _ in calls),
        )

    # each phase's gradients against those of the chapter's step and of its known mistakes, replayed
    # on fresh networks with the same noise
    right, said = _replay(_train_step(), real, draws)
    for phase, (who, grads, _) in enumerate(log):
        none, scaled, differs = _D_SAY if who == "d" else _G_SAY
        if any(g is None for g in grads):
            fail(none)
        got, want = _flat(grads), _flat(right[phase][1])
        if not same(got, want, **_TOL):
            for mistake in _STEP_MISTAKES:
                if same(got, _flat(_replay(mistake.answer, real, draws)[0][phase][1]), **_TOL):
                    fail(mistake.message)
            k = float(got @ want / max(want @ want, 1e-30))  # got = k · want: a summed, not averaged, loss
            if np.allclose(got, -want, rtol=1e-3, atol=1e-7):  # the loss's negative: gradient ascent
                fail(_ASCENT[who])
            if abs(k - 1) > 1e-3 and k > 0 and np.allclose(got, k * want, rtol=1e-3, atol=1e-7):
                fail(scaled, factor=fmt.localize(f"{k:.3g}"))
            fail(differs)

    # the losses it returned are the ones it took gradients of
    if not same(step_losses(out), said, **_TOL):
        fail(WRONG_LOSSES)

    # finally the weights of both networks, after one step and after a second one
    for step in (1, 2):
        if step == 2:
            gan.train_step(real)
            run()
        want = after_one if step == 1 else _flat(ref_g.trainable_variables + ref_d.trainable_variables)
        if not same(_flat(gen.trainable_variables + disc.trainable_variables), want, **_TOL):
            fail(
                "After step {step} the weights differ from those of ganlib's step: apply each phase's "
                "gradients once with the optimizer given, and change nothing else.",
                step=step,
            )
    ok(
        "Right: after two steps both networks' weights match ganlib's GAN.train_step (fresh noise, targets "
        "0.9/0, target 1, one network per phase)."
    )


# predictions: numbers the student works out before the chapter shows them


def _number(answer) -> float:
    if isinstance(answer, bool) or not isinstance(answer, (Real, np.number)):
        fail("Expected a number, got {kind}.", kind=type(answer).__name__)
    return float(answer)


_REAL_FLOOR = -(0.9 * math.log(0.9) + 0.1 * math.log(0.1))  # a real image's loss at its best, D = 0.9
_FLOOR = _REAL_FLOOR / 2  # averaged with the fake half's 0
_FLOOR_MISTAKES = [
    Mistake(*wrong)
    for wrong in {
        _REAL_FLOOR: N_(
            "That is the real half's floor alone. d_loss is the mean over 2n images, and the fake half's "
            "loss can reach 0."
        ),
        0.0: N_(
            "0 is the floor without smoothing. With target 0.9 a real image's loss cannot reach zero, "
            "whatever D(x) is."
        ),
        math.log(2): N_(
            "ln 2 is the loss of police who cannot tell; the floor is the loss of the best police."
        ),
        -math.log(0.9): N_(
            "−ln 0.9 is the loss at D(x) = 0.9 for target 1. With target 0.9 the term (1 − y)·ln(1 − p) "
            "stays in the loss too."
        ),
        -math.log(0.9) / 2: N_(
            "That is a real half computed with target 1. With target 0.9 the term (1 − y)·ln(1 − p) stays in "
            "the loss too."
        ),
    }.items()
]


@register("check_loss_floor", _FLOOR, _FLOOR_MISTAKES)
@checker
def check_loss_floor(floor) -> None:
    """The smallest d_loss a discriminator can report with targets 0.9 (real) and 0 (fake)."""
    value = _number(floor)
    if abs(value - _FLOOR) < 2e-3:
        return ok(
            "Right: about {value} — the real half's floor, averaged with the fake half's 0.",
            value=fmt.number(_FLOOR, 3),
        )
    recognise(value, _FLOOR_MISTAKES, rtol=0, atol=2e-3)
    fail(
        "Not quite. At which D(x) is a real image's loss smallest with target 0.9, and what is it there? How "
        "low can a fake image's loss go? d_loss is the mean of these 2n losses."
    )


@checker
def check_never_seen(fraction) -> None:
    """The expected share of the 60,000 images the post's loop never draws in one epoch:
    468 batches of 128, each image drawn with np.random.randint (with replacement). The exercise
    asks for it computed or estimated to within 0.02; an estimate gets the exact value back."""
    value = _number(fraction)
    want = (1 - 1 / 60_000) ** ((60_000 // 128) * 128)
    if abs(value - want) < 5e-3:
        return ok(
            "Right: about {share}% (≈ 1/e). Every draw picks one of 60,000 images with replacement.",
            share=fmt.number(100 * want, 1),
        )
    if abs(value - want) < 2e-2:
        return ok(
            "A good estimate: {value} is within {tolerance} of the exact share, (1 − 1/60,000) to the power "
            "468 × 128 = {exact}, about 1/e.",
            value=fmt.number(value, 3),
            tolerance=fmt.number(0.02, 2),
            exact=fmt.number(want, 4),
        )
    if 1 < value <= 100:
        fail("Give a fraction between 0 and 1, not a percentage (e.g. 0.25 for 25%).")
    if abs(value) < 1e-9 or abs(value - 96 / 60_000) < 5e-4:
        fail(
            "That is ganlib's epoch: a shuffled order, each image once, except the 96 that do not fill a "
            "last batch of 128 (468 × 128 = 59,904). The post's loop draws every batch with "
            "np.random.randint, with replacement: one image can come twice, another never."
        )
    if abs(value - (1 - want)) < 5e-3:
        fail("That is the share seen at least once; the question asks for the share never seen.")
    fail(
        "Not quite. Think of one image: the chance that one draw misses it is 1 − 1/60,000. How many draws "
        "are there in an epoch (468 batches × 128), and what is the chance that all of them miss it?"
    )
