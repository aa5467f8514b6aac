sizes = config.run_sizes()
batch_size = min(sizes.batch_size, 32)
start = time.perf_counter()
history = None
images = np.random.default_rng(0).uniform(0, 255, (2000, 28, 28, 1))
minutes = (time.perf_counter() - start) / 60
