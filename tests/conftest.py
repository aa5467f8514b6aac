import gc
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["GANLIB_DATA"] = "bundled"
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

# TensorFlow is imported by the tests that use it, not here: the browser and student-edition
# tests never need it (importing it costs a few seconds per pytest run).


def pytest_collection_finish(session):
    """What is alive once the tests are collected (TensorFlow, Keras, the test modules) stays
    alive to the end: frozen, Python's full garbage collections stop walking it again and
    again (they took 2.1–2.6 s of each unit-test worker, 1.4–2.0 s now), and so does the
    last one at exit."""
    gc.freeze()


def pytest_unconfigure(config):
    gc.freeze()  # the objects the tests left: the collection at exit would walk them for ~1 s


@pytest.fixture(scope="session")
def mnist():
    from ganlib.data import load_mnist

    return load_mnist("bundled", split="all")


@pytest.fixture()
def seeded():
    import keras

    keras.utils.set_random_seed(0)


@pytest.fixture(autouse=True)
def english_unless_set():
    """Every test starts in English (ganlib's default) and leaves no language set behind."""
    import ganlib

    ganlib.set_language("en")
    yield
    ganlib.set_language("en")
