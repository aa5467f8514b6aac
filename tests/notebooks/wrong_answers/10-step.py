cross_entropy = keras.losses.BinaryCrossentropy(from_logits=True)


def train_step(generator, discriminator, d_optimizer, g_optimizer, real, noise):
    with tf.GradientTape() as g_tape, tf.GradientTape() as d_tape:
        fake = generator(noise, training=True)
        real_logits = discriminator(real, training=True)
        fake_logits = discriminator(fake, training=True)
        d_loss = (
            cross_entropy(tf.ones_like(real_logits), real_logits)
            + cross_entropy(tf.zeros_like(fake_logits), fake_logits)
        ) / 2
        g_loss = cross_entropy(tf.zeros_like(fake_logits), fake_logits)
    g_weights = generator.trainable_variables
    d_weights = discriminator.trainable_variables
    g_optimizer.apply_gradients(zip(g_tape.gradient(g_loss, g_weights), g_weights))
    d_optimizer.apply_gradients(zip(d_tape.gradient(d_loss, d_weights), d_weights))
    return d_loss, g_loss
