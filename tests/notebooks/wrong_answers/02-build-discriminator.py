my_discriminator = keras.Sequential(
    [
        keras.Input((1, 28, 28)),
        keras.layers.Conv2D(
            64, 5, strides=2, padding="same", kernel_initializer=keras.initializers.RandomNormal(stddev=0.02)
        ),
        keras.layers.LeakyReLU(0.2),
        keras.layers.Dropout(0.3),
        keras.layers.Conv2D(128, 5, strides=2, padding="same"),
        keras.layers.LeakyReLU(0.2),
        keras.layers.Dropout(0.3),
        keras.layers.Flatten(),
        keras.layers.Dense(1, activation="sigmoid"),
    ]
)
