def saturating_grad(a):
    d = 1 / (1 + np.exp(-a))
    return -1 / (1 - d)


def non_saturating_grad(a):
    d = 1 / (1 + np.exp(-a))
    return -1 / d
