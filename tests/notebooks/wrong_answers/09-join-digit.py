import numpy as np


def join_digit(z, digits):
    one_hot = np.eye(10, dtype=np.float32)[digits]
    return np.concatenate([one_hot, z], axis=1)
