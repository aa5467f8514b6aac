def train(step, generator, discriminator, dataset, epochs, noise_dim):
    d_optimizer = keras.optimizers.Adam(2e-4, beta_1=0.5)
    g_optimizer = keras.optimizers.Adam(2e-4, beta_1=0.5)
    history = {"d_loss": [], "g_loss": []}
    for _ in range(epochs):
        for real in dataset:
            noise = tf.random.normal((len(real), noise_dim))
            d_loss, g_loss = step(
                generator, discriminator, d_optimizer, g_optimizer, real, noise
            )
        history["d_loss"].append(float(d_loss))
        history["g_loss"].append(float(g_loss))
    return history
