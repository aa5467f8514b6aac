import inspect
import json
import re
import shutil

import keras
import numpy as np
import pytest

from ganlib import training
from ganlib.data import scale_images
from ganlib.models import build_discriminator, build_generator


def _snapshot(model):
    return [np.array(v) for v in model.trainable_variables]


def _changed(before, model):
    return [not np.array_equal(a, np.array(b)) for a, b in zip(before, model.trainable_variables)]


@pytest.fixture()
def gan(seeded):
    g = training.GAN(build_generator(), build_discriminator())
    g.compile()
    return g


@pytest.fixture()
def real(mnist):
    return keras.ops.convert_to_tensor(scale_images(mnist[0][:16]))


def test_one_train_step_updates_both_networks(gan, real):
    g0, d0 = _snapshot(gan.generator), _snapshot(gan.discriminator)
    logs = gan.train_step(real)
    assert all(_changed(g0, gan.generator)) and all(_changed(d0, gan.discriminator))
    assert set(logs) == {"d_loss", "g_loss"}
    assert np.isfinite(float(logs["d_loss"])) and np.isfinite(float(logs["g_loss"]))


def test_discriminator_phase_leaves_the_generator_alone(gan, real):
    g0, d0 = _snapshot(gan.generator), _snapshot(gan.discriminator)
    gan.discriminator_step(real)
    assert not any(_changed(g0, gan.generator))
    assert all(_changed(d0, gan.discriminator))


def test_generator_phase_leaves_the_discriminator_alone(gan, real):
    # The Keras-3 pitfall: the post's compile-once `trainable = False` trick does not
    # reliably freeze the discriminator here; our generator step must not move it.
    gan.discriminator_step(real)  # so both optimizers have state to (wrongly) apply
    g0, d0 = _snapshot(gan.generator), _snapshot(gan.discriminator)
    gan.generator_step(16)
    assert not any(_changed(d0, gan.discriminator))
    assert all(_changed(g0, gan.generator))


def test_discriminator_targets_are_smoothed_real_then_zero(seeded, real):
    # Without dropout the discriminator is deterministic, so its loss on the step's own images,
    # computed beforehand against (0.9 … 0.9, 0 … 0), must be the loss the step reports.
    gan = training.GAN(build_generator(), build_discriminator(dropout=0.0), smoothing=0.9)
    gan.compile()
    state = np.array(gan.noise_seed.state)
    z = gan._noise(16)  # the noise the step will draw: the same seed state, restored below
    gan.noise_seed.state.assign(state)
    images = keras.ops.concatenate([real, gan.generator(z, training=False)], axis=0)
    judged = gan.discriminator(images, training=True)
    bce = keras.losses.BinaryCrossentropy()
    smoothed = float(bce(np.r_[[0.9] * 16, [0.0] * 16][:, None], judged))
    hard = float(bce(np.r_[[1.0] * 16, [0.0] * 16][:, None], judged))
    reported = float(gan.discriminator_step(real))
    assert reported == pytest.approx(smoothed, rel=1e-5) and abs(reported - hard) > 1e-3


def test_default_optimizer_is_the_posts_adam(gan):
    for opt in (gan.d_optimizer, gan.g_optimizer):
        assert isinstance(opt, keras.optimizers.Adam)
        assert float(opt.learning_rate) == pytest.approx(2e-4) and opt.beta_1 == 0.5
    assert gan.d_optimizer is not gan.g_optimizer


def test_bad_hyper_parameters():
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        training.GAN(build_generator(), build_discriminator(), smoothing=0)
    with pytest.raises(ValueError, match="epochs must be a positive integer"):
        training.train(epochs=0)
    with pytest.raises(ValueError, match="batch_size must be a positive integer"):
        training.train(epochs=1, batch_size=-1)
    with pytest.raises(ValueError, match="noise_dim must be a positive integer"):
        training.train(epochs=1, noise_dim=0)
    with pytest.raises(ValueError, match="separate optimizer"):
        opt = keras.optimizers.Adam()
        training.GAN(build_generator(), build_discriminator()).compile(opt, opt)


def test_fit_reports_losses_and_keeps_fixed_noise_grids(mnist):
    gan = training.train(epochs=2, batch_size=16, data=mnist[0][:48], verbose=0)
    hist = gan.history.history
    assert len(hist["d_loss"]) == 2 and len(hist["g_loss"]) == 2
    assert sorted(gan.sample_grid.grids) == [1, 2]
    assert gan.sample_grid.grids[1].shape == (16, 28, 28, 1)
    assert not np.array_equal(gan.sample_grid.grids[1], gan.sample_grid.grids[2])
    assert int(gan.g_optimizer.iterations) == 6 and int(gan.d_optimizer.iterations) == 6


def _weights(gan):
    return [np.array(v) for v in gan.generator.weights + gan.discriminator.weights]


def test_moving_average_follows_the_generator_without_changing_training(mnist, seeded):
    images = mnist[0][:64]
    kw = dict(epochs=1, batch_size=16, data=images, verbose=0, seed=3)
    plain = training.train(**kw)
    averaged = training.train(ema=0.9, **kw)
    # the average takes no part in training: the same steps, bit for bit
    for a, b in zip(_weights(plain), _weights(averaged)):
        assert np.array_equal(a, b)
    # one more step by hand: every variable of the copy moves 10 % of the way to the generator's
    before = [np.array(v) for v in averaged.ema_generator.variables]
    averaged.train_step(keras.ops.convert_to_tensor(scale_images(images[:16])))
    for old, new, current in zip(before, averaged.ema_generator.variables, averaged.generator.variables):
        np.testing.assert_allclose(np.array(new), 0.9 * old + 0.1 * np.array(current), rtol=1e-5, atol=1e-7)
    assert not averaged.ema_generator.trainable
    assert len(averaged.generator.trainable_variables) == 6  # nothing of the copy is trained


def test_improvements_reach_the_networks_and_the_run_folder(mnist, tmp_path):
    gan = training.train(
        epochs=1,
        batch_size=16,
        data=mnist[0][:32],
        run_dir=tmp_path,
        verbose=0,
        batch_norm=True,
        ema=0.999,
        d_learning_rate=4e-4,
        g_learning_rate=1e-4,
    )
    assert float(gan.d_optimizer.learning_rate) == pytest.approx(4e-4)
    assert float(gan.g_optimizer.learning_rate) == pytest.approx(1e-4)
    assert float(gan.d_optimizer.beta_1) == 0.5 == float(gan.g_optimizer.beta_1)
    assert any(type(layer).__name__ == "BatchNormalization" for layer in gan.generator.layers)
    for name in ("generator-ema.weights.h5", "generator-ema-epoch-001.weights.h5"):
        assert (tmp_path / name).is_file()
    config = json.loads((tmp_path / "run.json").read_text())
    assert config["batch_norm"] is True and config["ema"] == 0.999
    with pytest.raises(ValueError, match=r"ema: 0.999 → None"):
        training.train(
            epochs=2,
            batch_size=16,
            data=mnist[0][:32],
            run_dir=tmp_path,
            resume=True,
            verbose=0,
            batch_norm=True,
            d_learning_rate=4e-4,
            g_learning_rate=1e-4,
        )


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"ema": 1.0}, "ema must be a decay in [0.9, 1) such as 0.999 or None, got 1.0."),
        ({"ema": True}, "ema must be a decay in [0.9, 1) such as 0.999 or None, got True."),
        ({"d_learning_rate": 0}, "d_learning_rate must be a number in (0, 1) (the post uses 2e-4), got 0."),
        ({"batch_norm": 1}, "batch_norm must be True or False"),
    ],
)
def test_bad_improvement_settings_are_refused(mnist, kwargs, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        training.train(epochs=1, batch_size=16, data=mnist[0][:32], verbose=0, **kwargs)


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda x: x.astype("float32"), "scale_images"),  # pixels 0..255 as floats
        (lambda x: scale_images(x)[..., 0], "scale_images"),  # no channel axis
    ],
)
def test_unscaled_images_are_refused_naming_scale_images(mnist, make, words):
    with pytest.raises(ValueError, match=words):
        training.train(epochs=1, batch_size=16, data=make(mnist[0][:32]), verbose=0)


def test_a_fit_of_your_own_leaves_its_grids_at_gan_sample_grid(gan, mnist):
    """Set by the callback, as Keras' History sets gan.history: not only train()'s runs have it."""
    assert gan.sample_grid is None
    grid = training.SampleGrid(np.random.default_rng(0).standard_normal((4, gan.noise_dim)))
    gan.fit(scale_images(mnist[0][:16]), batch_size=16, epochs=2, verbose=0, callbacks=[grid])
    assert gan.sample_grid is grid and sorted(grid.grids) == [1, 2] and grid.grids[2].shape == (4, 28, 28, 1)


def test_a_diverged_generator_stops_the_run_in_one_line(gan, mnist, tmp_path):
    """NaN weights (a diverged training): the epoch's grid is refused as what it is, not as bad input."""
    from ganlib.validate import RunError

    gan.generator.layers[0].kernel.assign(np.full(gan.generator.layers[0].kernel.shape, np.nan, "float32"))
    grid = training.SampleGrid(np.random.default_rng(0).standard_normal((4, gan.noise_dim)))
    with pytest.raises(RunError, match=r"^training diverged in epoch 1: the generator now draws NaN\. "):
        grid.set_model(gan)
        grid.on_epoch_end(0)
    assert grid.grids == {}
    saver = training.GeneratorCheckpoint(tmp_path)
    saver.set_model(gan)
    with pytest.raises(RunError, match=rf"^training diverged in epoch 3: .*; {tmp_path} keeps epoch 2\. "):
        saver.on_epoch_end(2)
    assert list(tmp_path.iterdir()) == []  # no NaN weights written over the good ones


def test_gan_fit_refuses_unscaled_images(gan, mnist):
    import tensorflow as tf

    with pytest.raises(ValueError, match="scale_images"):
        gan.fit(mnist[0][:32], epochs=1, verbose=0)  # raw uint8 digits
    with pytest.raises(ValueError, match="scale_images"):
        gan.fit(mnist[0][:32].astype("float32")[..., None], epochs=1, verbose=0)  # 0..255 floats
    with pytest.raises(ValueError, match=r"make_dataset"):
        gan.fit(tf.data.Dataset.from_tensor_slices(mnist[0][:32]).batch(16), epochs=1, verbose=0)
    assert int(gan.g_optimizer.iterations) == 0  # refused before a step; scaled images train (above)


@pytest.mark.parametrize("conditional", [False, True])
def test_gan_saves_and_loads_in_keras_format_and_trains_on_identically(seeded, tmp_path, conditional):
    from ganlib import models

    if conditional:
        nets = models.build_conditional_generator(8), models.build_conditional_discriminator()
        cls = training.ConditionalGAN
    else:
        nets = models.build_generator(8), models.build_discriminator()
        cls = training.GAN
    gan = cls(*nets, ema=0.99, smoothing=0.8, seed=5)
    gan.compile(d_optimizer=training.post_adam(4e-4), g_optimizer=training.post_adam(1e-4))
    x = np.random.default_rng(0).uniform(-1, 1, (32, 28, 28, 1)).astype("float32")
    data = (x, np.arange(32) % 10) if conditional else (x,)
    gan.fit(*data, batch_size=16, epochs=1, verbose=0, shuffle=False)
    gan.save(tmp_path / "gan.keras")
    keras.utils.set_random_seed(1)  # the loaded model must not depend on the global seed
    back = keras.models.load_model(tmp_path / "gan.keras")
    assert type(back) is cls and (back.smoothing, back.seed, back.ema) == (0.8, 5, 0.99)
    assert float(back.d_optimizer.learning_rate) == pytest.approx(4e-4)
    assert int(back.g_optimizer.iterations) == 2
    for model in (gan, back):  # the same next epoch: weights, optimizer state and noise state all came back
        model.fit(*data, batch_size=16, epochs=1, verbose=0, shuffle=False)
    assert all(np.array_equal(a, b) for a, b in zip(gan.get_weights(), back.get_weights()))
    assert all(
        np.array_equal(a, b)
        for a, b in zip(gan.ema_generator.get_weights(), back.ema_generator.get_weights())
    )


def test_random_states_are_saved_under_names_of_their_place_not_of_their_process(tmp_path):
    """Variable paths carry per-process counters (seed_generator_7/…); the checkpoint's keys do not."""
    import h5py

    config = {"noise_dim": 8, "seed": 0, "smoothing": 0.9, "ema": 0.999}
    first, second = training.build_gan(config), training.build_gan(config)
    keys = {"rng.noise", "rng.discriminator.dropout", "rng.discriminator.dropout_1"}
    assert set(first._rng_states()) == set(second._rng_states()) == keys
    assert {v.path for v in first._rng_states().values()}.isdisjoint(
        v.path for v in second._rng_states().values()
    )
    for v in first._rng_states().values():
        v.assign(v + 7)  # states a fresh GAN does not have
    first.save_weights(tmp_path / "new.weights.h5")
    with h5py.File(tmp_path / "new.weights.h5") as f:
        assert keys <= set(f["vars"])
    second.load_weights(tmp_path / "new.weights.h5")
    for key, v in second._rng_states().items():
        np.testing.assert_array_equal(v.numpy(), first._rng_states()[key].numpy())

    # A checkpoint written before: the same states as rng_0, rng_1, … in Keras' order.
    old = tmp_path / "old.weights.h5"
    shutil.copyfile(tmp_path / "new.weights.h5", old)
    place = {id(v): k for k, v in first._rng_states().items()}
    with h5py.File(old, "r+") as f:
        for i, v in enumerate(first._states_in_order()):
            f.move(f"vars/{place[id(v)]}", f"vars/rng_{i}")
    third = training.build_gan(config)
    third.load_weights(old)
    for key, v in third._rng_states().items():
        np.testing.assert_array_equal(v.numpy(), first._rng_states()[key].numpy())


@pytest.mark.parametrize("mode", ["fast", "cpu", "gpu"])
def test_the_long_run_recipe_is_the_quick_one_on_a_cpu_and_the_posts_on_a_gpu(mode):
    recipe = training.long_run_recipe(mode)
    if mode == "cpu":
        assert recipe == training.QUICK and recipe is not training.QUICK
    elif mode == "gpu":  # the post: 50 epochs over all 60,000 digits, no BatchNorm, no average
        assert recipe["epochs"] == 50 and recipe["n_images"] is None and recipe["data"] == "auto"
        assert "batch_norm" not in recipe and "ema" not in recipe
    else:  # CI: one short epoch of the quick recipe
        assert recipe["epochs"] == 1 and recipe["n_images"] <= 256 and recipe["batch_norm"]
    inspect.signature(training.train).bind(**recipe)  # every key is one of train's arguments


# The quick recipe's step (shared_fakes=True): one forward pass serves both updates.
@pytest.fixture()
def shared(seeded):
    g = training.GAN(build_generator(), build_discriminator(), shared_fakes=True)
    g.compile(d_optimizer=keras.optimizers.SGD(0.01), g_optimizer=keras.optimizers.SGD(0.01))
    return g


@pytest.mark.parametrize("frozen", ["d", "g"])
def test_the_shared_step_moves_each_network_only_with_its_own_optimizer(shared, real, frozen):
    """With one optimizer's learning rate 0, its network stays put and the other moves."""
    still, moving = (shared.discriminator, shared.generator)[:: 1 if frozen == "d" else -1]
    (shared.d_optimizer if frozen == "d" else shared.g_optimizer).learning_rate.assign(0.0)
    still0, moving0 = _snapshot(still), _snapshot(moving)
    logs = shared.train_step(real)
    assert not any(_changed(still0, still)) and all(_changed(moving0, moving))
    assert np.isfinite(float(logs["d_loss"])) and np.isfinite(float(logs["g_loss"]))


def test_the_shared_step_judges_one_batch_of_fakes_with_the_discriminator_before_its_update(shared, real):
    """The generator's gradient is the one through the discriminator as it was before the step
    (the alternating step's goes through the updated one), on the same fakes the discriminator
    learned from: one draw of noise per step."""
    import tensorflow as tf

    # a discriminator without dropout, so that the step's forward pass can be repeated exactly
    plain = keras.Sequential(
        [keras.Input((28, 28, 1)), keras.layers.Flatten(), keras.layers.Dense(1, "sigmoid")]
    )
    shared = training.GAN(shared.generator, plain, shared_fakes=True)
    shared.compile(d_optimizer=keras.optimizers.SGD(0.5), g_optimizer=keras.optimizers.SGD(0.01))
    z = keras.random.normal((16, shared.noise_dim), seed=3)
    draws = []
    shared._noise = lambda batch: draws.append(batch) or z
    before = keras.models.clone_model(shared.discriminator)
    before.set_weights(shared.discriminator.get_weights())
    with tf.GradientTape() as tape:
        judged = before(shared.generator(z, training=True), training=True)
        g_loss = keras.losses.BinaryCrossentropy()(np.ones((16, 1)), judged)
    want = tape.gradient(g_loss, shared.generator.trainable_variables)
    given = []
    apply = shared.g_optimizer.apply_gradients

    def record(pairs):
        pairs = list(pairs)
        given.append([np.array(g) for g, _ in pairs])
        return apply(pairs)

    shared.g_optimizer.apply_gradients = record
    shared.train_step(real)
    assert draws == [16]
    for got, expected in zip(given[0], want):
        np.testing.assert_allclose(got, np.array(expected), rtol=1e-4, atol=1e-7)
    assert any(_changed(_snapshot(before), shared.discriminator))  # (so "before" was not "after")


def test_shared_fakes_is_refused_for_the_conditional_gan_and_kept_in_the_config(shared, mnist):
    from ganlib.models import build_conditional_discriminator, build_conditional_generator

    with pytest.raises(ValueError, match="only for the unconditional GAN"):
        training.ConditionalGAN(
            build_conditional_generator(), build_conditional_discriminator(), shared_fakes=True
        )
    assert training.GAN.from_config(shared.get_config()).shared_fakes is True
    with pytest.raises(ValueError, match="unconditional GAN only"):
        training.train(epochs=1, batch_size=16, data="bundled", conditional=True, shared_fakes=True)


def test_the_learning_rates_fall_linearly_to_a_tenth_over_the_last_epochs():
    fall = training.LearningRateFall(start=15, epochs=23, d_rate=3e-4, g_rate=3e-4)
    factors = [fall.factor(epoch) for epoch in range(23)]
    assert factors[:15] == [1.0] * 15
    np.testing.assert_allclose(factors[15:], 1 - 0.9 * np.arange(1, 9) / 8)
    assert factors[-1] == pytest.approx(0.1)


def test_a_run_with_the_falling_rate_records_it_and_resumes_on_the_same_schedule(mnist, tmp_path):
    kwargs = dict(batch_size=16, data=mnist[0][:32], run_dir=tmp_path, verbose=0, shared_fakes=True)
    kwargs |= dict(d_learning_rate=4e-4, g_learning_rate=2e-4)
    gan = training.train(epochs=2, lr_fall_from=1, **kwargs)
    assert float(gan.d_optimizer.learning_rate) == pytest.approx(4e-5)  # epoch 2 of 2: a tenth
    assert float(gan.g_optimizer.learning_rate) == pytest.approx(2e-5)
    config = json.loads((tmp_path / "run.json").read_text())
    assert config["shared_fakes"] is True and config["lr_fall_from"] == 1
    gan = training.train(epochs=3, lr_fall_from=1, resume=True, **kwargs)
    assert float(gan.d_optimizer.learning_rate) == pytest.approx(4e-5)  # epoch 3 of 3
    with pytest.raises(ValueError, match=r"lr_fall_from: 1 → None"):
        training.train(epochs=4, resume=True, **kwargs)
    with pytest.raises(ValueError, match=re.escape("lr_fall_from (2) must be less than epochs (2).")):
        training.train(epochs=2, batch_size=16, data=mnist[0][:32], lr_fall_from=2)
