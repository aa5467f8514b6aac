def gan_losses(d_real, d_fake, smoothing=0.9):
    targets = discriminator_targets(len(d_real), smoothing)
    d_loss = bce(targets, np.concatenate([d_real, d_fake])).mean()
    g_loss = bce(generator_targets(len(d_fake)), d_fake).mean()
    return d_loss, g_loss
