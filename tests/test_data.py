import shutil
import time

import numpy as np
import pytest

from ganlib import data


def test_bundled_is_the_mnist_test_split(mnist):
    images, labels = mnist
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (10000,) and labels.dtype == np.uint8
    assert labels[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
    assert np.bincount(labels).tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    assert images.max() == 255 and images.min() == 0


def test_training_and_evaluation_digits_split_the_bundled_ones(mnist):
    train, train_labels = data.load_mnist("bundled")  # split="train" is the default
    evaluation, eval_labels = data.load_mnist("bundled", split="eval")
    assert len(train) == 8000 and len(evaluation) == 2000
    train_idx, eval_idx = data.split_indices()
    assert np.intersect1d(train_idx, eval_idx).size == 0
    assert np.union1d(train_idx, eval_idx).tolist() == list(range(10000))
    assert np.array_equal(train, mnist[0][train_idx]) and np.array_equal(eval_labels, mnist[1][eval_idx])
    # a seeded permutation, not the last 2,000: both writer groups of the test set are in it
    assert 800 < (eval_idx < 5000).sum() < 1200
    # every digit has its share (MNIST's 9–11 %) in both splits
    for labels in (train_labels, eval_labels):
        shares = np.bincount(labels, minlength=10) / len(labels)
        assert shares.min() > 0.08 and shares.max() < 0.13
    assert np.array_equal(data.split_indices()[1], eval_idx)  # the same on every call


def test_evaluation_digits_do_not_depend_on_the_source(offline):
    assert np.array_equal(
        data.load_mnist("auto", split="eval")[0], data.load_mnist("bundled", split="eval")[0]
    )
    with pytest.raises(ValueError, match="Unknown split 'test'; use one of train, eval, all"):
        data.load_mnist("bundled", split="test")


def test_scale_images_range_and_shape(mnist):
    x = data.scale_images(mnist[0][:50])
    assert x.shape == (50, 28, 28, 1) and x.dtype == np.float32
    assert x.min() == -1.0 and x.max() == 1.0
    assert np.allclose(x[..., 0], (mnist[0][:50].astype(np.float32) - 127.5) / 127.5)


@pytest.mark.parametrize(
    "bad, words",
    [
        (np.zeros((4, 32, 32), np.uint8), "shape"),
        (np.zeros((4, 784), np.uint8), "shape"),
        (np.zeros((4, 28, 28), np.float64), "uint8"),
    ],
)
def test_scale_images_rejects_bad_input(bad, words):
    with pytest.raises(ValueError, match=words):
        data.scale_images(bad)


def _copy_bundled(tmp_path):
    for name, _ in data.BUNDLED_FILES.values():
        shutil.copy(data.bundled_dir() / name, tmp_path / name)
    return tmp_path


def test_corrupt_bundled_file_is_refused(tmp_path):
    folder = _copy_bundled(tmp_path)
    path = folder / data.BUNDLED_FILES["images"][0]
    raw = bytearray(path.read_bytes())
    raw[1000] ^= 0xFF
    path.write_bytes(bytes(raw))
    with pytest.raises(ValueError, match="corrupt.*[Rr]einstall"):
        data.load_bundled(folder)


def test_missing_bundled_file_is_refused(tmp_path):
    folder = _copy_bundled(tmp_path)
    (folder / data.BUNDLED_FILES["labels"][0]).unlink()
    with pytest.raises(ValueError, match="missing"):
        data.load_bundled(folder)


def test_unknown_source():
    with pytest.raises(ValueError, match="bundled"):
        data.load_mnist("internet")


@pytest.fixture()
def offline(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))  # empty cache
    monkeypatch.setattr(data, "_reachable", lambda *a, **k: False)


def test_keras_offline_fails_fast_with_advice(offline):
    start = time.time()
    with pytest.raises(ValueError) as err:
        data.load_mnist("keras")
    assert time.time() - start < 5
    # what the user chose the source with is what the advice changes (--data overrides GANLIB_DATA)
    assert "--data bundled on the command line, load_mnist('bundled') in Python" in str(err.value)
    assert "GANLIB_DATA" not in str(err.value)


def test_a_bad_or_offline_ganlib_data_is_named(monkeypatch, offline):
    monkeypatch.setenv("GANLIB_DATA", "nope")
    with pytest.raises(ValueError, match=r"^GANLIB_DATA='nope' is not an MNIST source; set it to one of"):
        data.load_mnist()
    monkeypatch.setenv("GANLIB_DATA", "keras")
    with pytest.raises(
        ValueError, match=r"\(GANLIB_DATA=keras chose this source: set GANLIB_DATA=bundled.\)$"
    ):
        data.load_mnist()


def test_auto_offline_falls_back_to_bundled(offline, capsys):
    images, _ = data.load_mnist("auto")
    assert len(images) == 8000
    assert "bundled" in capsys.readouterr().out


def test_env_var_chooses_the_default(monkeypatch, offline):
    monkeypatch.setenv("GANLIB_DATA", "keras")
    with pytest.raises(ValueError, match="cannot be reached"):
        data.load_mnist()
    monkeypatch.setenv("GANLIB_DATA", "bundled")
    assert len(data.load_mnist()[0]) == 8000


def test_unreachable_host_answers_within_timeout():
    start = time.time()
    assert data._reachable("127.0.0.1", port=9, timeout=1.0) is False
    assert time.time() - start < 2


def test_dataset_batches_and_epoch_order(mnist):
    images = mnist[0][:100]
    ds = data.make_dataset(images, batch_size=32, seed=3)
    batches = [b.numpy() for b in ds.take(6)]  # two epochs of 3 full batches
    assert all(b.shape == (32, 28, 28, 1) and b.dtype == np.float32 for b in batches)
    epoch0 = np.concatenate(batches[:3])
    # each epoch is a permutation without repeats, and the next epoch is reshuffled
    assert len({b.tobytes() for b in epoch0}) == 96
    assert not np.array_equal(batches[0], batches[3])
    # a stream started at epoch 1 sees exactly what the uninterrupted one saw there
    resumed = [b.numpy() for b in data.make_dataset(images, 32, seed=3, start_epoch=1).take(3)]
    assert all(np.array_equal(a, b) for a, b in zip(batches[3:], resumed))


def test_batch_size_must_fit_the_data(mnist):
    with pytest.raises(ValueError, match="smaller batch_size"):
        data.make_dataset(mnist[0][:10], batch_size=32)
    with pytest.raises(ValueError, match="positive integer"):
        data.make_dataset(mnist[0][:10], batch_size=0)


def test_load_idx_reads_any_idx_file(tmp_path):
    import gzip as gz

    images = data.load_idx(data.bundled_dir() / data.BUNDLED_FILES["images"][0])
    assert images.shape == (10000, 28, 28) and images.dtype == np.uint8
    plain = tmp_path / "labels-idx1-ubyte"
    plain.write_bytes(gz.decompress((data.bundled_dir() / data.BUNDLED_FILES["labels"][0]).read_bytes()))
    assert data.load_idx(plain)[:3].tolist() == [7, 2, 1]
    with pytest.raises(ValueError, match="dataset-fashion-mnist"):
        data.load_idx(tmp_path / "missing.gz")
    (tmp_path / "junk").write_bytes(b"\x00\x00\x09\x99" + b"\x00" * 20)
    with pytest.raises(ValueError, match="not an IDX"):
        data.load_idx(tmp_path / "junk")


def test_the_stream_runs_without_tf_data_autotuning():
    """The autotuner stalled short fits at random (issue 14); the batches stay the same."""
    from ganlib.data import make_dataset

    images = np.zeros((64, 28, 28), np.uint8)
    ds = make_dataset(images, batch_size=16)
    assert ds.options().autotune.enabled is False


@pytest.mark.parametrize("batch", [np.int64(16), np.int32(16)])
def test_numpy_batch_sizes(batch):
    assert data.steps_per_epoch(64, batch) == 4


def test_check_training_images(mnist):
    scaled = data.scale_images(mnist[0][:8])
    assert data.check_training_images(scaled) is not None
    assert data.check_training_images(scaled.astype(np.float64)).shape == (8, 28, 28, 1)
    bad = {
        "uint8 pixels": mnist[0][:8, ..., None],
        "0..255 floats": mnist[0][:8, ..., None].astype(np.float32),
        "no channel axis": scaled[..., 0],
        "wrong size": np.zeros((2, 32, 32, 1), np.float32),
        "no images": scaled[:0],
        "NaN": np.where(scaled == scaled.max(), np.nan, scaled),
        "int pixels": mnist[0][:8, ..., None].astype(np.int64),
    }
    for what, images in bad.items():
        with pytest.raises(ValueError, match="scale_images"):
            data.check_training_images(images)
            pytest.fail(what)


def test_corrupt_keras_cache_is_named(monkeypatch, tmp_path):
    cache = tmp_path / "datasets" / "mnist.npz"
    cache.parent.mkdir()
    cache.write_bytes(b"\x00" * 1000)
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(data, "_reachable", lambda *a, **k: False)
    with pytest.raises(ValueError, match=f"Keras MNIST cache {cache} is corrupt.*delete it"):
        data.load_mnist("keras")
    assert len(data.load_mnist("auto", verbose=False)[0]) == 8000  # auto falls back to the bundled digits


def test_a_verified_keras_cache_is_read(monkeypatch, tmp_path):
    import hashlib

    cache = tmp_path / "datasets" / "mnist.npz"
    cache.parent.mkdir()
    x = np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28)
    np.savez(cache, x_train=x, y_train=np.array([3, 4], np.uint8), x_test=x, y_test=x[:, 0, 0])
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(data, "KERAS_MNIST_SHA256", hashlib.sha256(cache.read_bytes()).hexdigest())
    images, labels = data.load_keras()
    assert np.array_equal(images, x) and labels.tolist() == [3, 4]


def test_make_dataset_refuses_unscaled_floats(mnist):
    with pytest.raises(ValueError, match=r"images must be pixels in \[-1, 1\].*got values 0\.\.255"):
        data.make_dataset(mnist[0][:64].astype(np.float32), 16)
    with pytest.raises(ValueError, match=r"images look like pixels in \[0, 1\]"):
        data.make_dataset(mnist[0][:64] / 255, 16)
