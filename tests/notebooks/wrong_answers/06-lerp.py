def my_lerp(z0, z1, steps):
    return np.linspace(z0, z1, steps - 1)
