def train_step(generator, discriminator, d_optimizer, g_optimizer, real, draw_noise):
    n = len(real)
    bce = keras.losses.BinaryCrossentropy()
    fake = generator(draw_noise(n), training=False)
    images = tf.concat([real, fake], axis=0)
    targets = tf.concat([tf.fill((n, 1), 0.9), tf.zeros((n, 1))], axis=0)
    with tf.GradientTape() as tape:
        d_loss = bce(targets, discriminator(images, training=True))
    weights = discriminator.trainable_variables
    d_optimizer.apply_gradients(zip(tape.gradient(d_loss, weights), weights))
    with tf.GradientTape() as tape:
        g_loss = bce(tf.ones((n, 1)), discriminator(generator(draw_noise(n), training=True), training=True))
    weights = generator.trainable_variables + discriminator.trainable_variables
    g_optimizer.apply_gradients(zip(tape.gradient(g_loss, weights), weights))
    return d_loss, g_loss
