import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["GANLIB_DATA"] = "bundled"
os.environ.setdefault("MPLBACKEND", "Agg")

import pytest  # noqa: E402

# TensorFlow is imported by the tests that use it, not here: the browser and student-edition
# tests never need it (importing it costs a few seconds per pytest run).


@pytest.fixture(scope="session")
def mnist():
    from ganlib.data import load_mnist

    return load_mnist("bundled", split="all")


@pytest.fixture()
def seeded():
    import keras

    keras.utils.set_random_seed(0)
