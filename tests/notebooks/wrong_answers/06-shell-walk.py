def shell_walk(z0, z1, steps):
    return np.linspace(z0, z1, steps)
