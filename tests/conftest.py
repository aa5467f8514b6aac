import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["GANLIB_DATA"] = "bundled"
os.environ.setdefault("MPLBACKEND", "Agg")

import keras  # noqa: E402
import pytest  # noqa: E402

import ganlib  # noqa: E402,F401  (imports TensorFlow quietly)


@pytest.fixture(scope="session")
def mnist():
    from ganlib.data import load_mnist

    return load_mnist("bundled", split="all")


@pytest.fixture()
def seeded():
    keras.utils.set_random_seed(0)
