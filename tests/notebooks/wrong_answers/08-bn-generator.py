import keras


def build_bn_generator(noise_dim=200):
    return keras.Sequential(
        [
            keras.Input((noise_dim,)),
            keras.layers.Dense(7 * 7 * 128),
            keras.layers.LeakyReLU(0.2),
            keras.layers.BatchNormalization(),
            keras.layers.Reshape((7, 7, 128)),
            keras.layers.UpSampling2D(2),
            keras.layers.Conv2D(64, 5, padding="same"),
            keras.layers.LeakyReLU(0.2),
            keras.layers.BatchNormalization(),
            keras.layers.UpSampling2D(2),
            keras.layers.Conv2D(1, 5, padding="same", activation="tanh"),
        ]
    )
