floor = -(0.9 * np.log(0.9) + 0.1 * np.log(0.1))
