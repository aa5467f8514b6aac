sizes = config.run_sizes()
batch_size = 32 if sizes.mode == "cpu" else sizes.batch_size
start = time.perf_counter()
history = None
images = np.random.default_rng(0).uniform(0, 255, (2000, 28, 28, 1))
minutes = (time.perf_counter() - start) / 60
