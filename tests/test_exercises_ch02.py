"""Chapter 02's checker: a discriminator built by hand passes only when it is the post's, layer
for layer; the stub and typical mistakes fail with a message about that mistake."""

import keras
import pytest

from ganlib import exercises as ex


def discriminator(
    shape=(28, 28, 1),
    strides=2,
    filters=(64, 128),
    slope=0.2,
    dropout=0.3,
    init=True,
    last="sigmoid",
    conv_activation=None,
    relu=False,
):
    layers = keras.layers
    first_init = keras.initializers.RandomNormal(stddev=0.02) if init else "glorot_uniform"

    def act():
        return layers.ReLU() if relu else layers.LeakyReLU(slope)

    body = [keras.Input(shape)]
    for i, n in enumerate(filters):
        body += [
            layers.Conv2D(
                n,
                5,
                strides=strides,
                padding="same",
                activation=conv_activation,
                kernel_initializer=first_init if i == 0 else "glorot_uniform",
            ),
            act(),
        ]
        if dropout:
            body.append(layers.Dropout(dropout))
    body += [layers.Flatten(), layers.Dense(1, activation=last)]
    return keras.Sequential(body)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_posts_discriminator_passes(lang, capsys):
    ex.check_discriminator(discriminator(), lang=lang)
    assert capsys.readouterr().out.startswith("✓")


def test_dropout_before_the_activation_passes_too(capsys):
    """LeakyReLU and dropout commute (a dropped unit is 0 either way): both orders are the post's."""
    layers = keras.layers
    init = keras.initializers.RandomNormal(stddev=0.02)
    model = keras.Sequential(
        [
            keras.Input((28, 28, 1)),
            layers.Conv2D(64, 5, strides=2, padding="same", kernel_initializer=init),
            layers.Dropout(0.3),
            layers.LeakyReLU(0.2),
            layers.Conv2D(128, 5, strides=2, padding="same"),
            layers.Dropout(0.3),
            layers.LeakyReLU(0.2),
            layers.Flatten(),
            layers.Dense(1),
            layers.Activation("sigmoid"),
        ]
    )
    ex.check_discriminator(model, lang="en")
    assert capsys.readouterr().out.startswith("✓")


def test_untouched_stub_fails_helpfully():
    with pytest.raises(ex.ExerciseError, match="fill in"):
        ex.check_discriminator(None, lang="en")
    with pytest.raises(ex.ExerciseError, match="doldur"):
        ex.check_discriminator(None, lang="tr")


# (The table in ganlib/exercises/ch02.py holds the other known mistakes: tests/test_exercises.py runs it.)
# Told apart by their answers with the post's weights: Keras' default slope, and negatives cut to 0
WRONG = [
    (dict(slope=0.3), r"eğimi 0,3 \(Keras'ın varsayılanı\)", r"slope is 0\.3 \(Keras' default\)"),
    (dict(relu=True), r"negatif değerler 0'a kesiliyor", "negatives are cut to 0"),
    # relu on the convolution, then LeakyReLU: the same answers as a ReLU alone
    (dict(conv_activation="relu"), r"negatif değerler 0'a kesiliyor", "negatives are cut to 0"),
]


@pytest.mark.parametrize(("change", "tr_words", "en_words"), WRONG, ids=[str(w[0]) for w in WRONG])
def test_typical_mistakes_are_explained(change, tr_words, en_words):
    model = discriminator(**change)
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_discriminator(model, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_discriminator(model, lang="tr")


def test_not_a_model_is_refused():
    with pytest.raises(ex.ExerciseError, match="keras.Model.*got list"):
        ex.check_discriminator([1, 2, 3], lang="en")
    with pytest.raises(ex.ExerciseError, match="keras.Model bekleniyordu.*list geldi"):
        ex.check_discriminator([1, 2, 3], lang="tr")


def sequential(*body):
    return keras.Sequential([keras.Input((28, 28, 1)), *body])


OTHER_MODELS = [
    (  # the wrong image size
        keras.Sequential([keras.Input((32, 32, 1)), keras.layers.Flatten(), keras.layers.Dense(1)]),
        r"\(None, 32, 32, 1\) → \(None, 1\) geldi",
        r"got \(None, 32, 32, 1\) → \(None, 1\)",
    ),
    (  # no convolutions
        sequential(keras.layers.Flatten(), keras.layers.Dense(1, activation="sigmoid")),
        r"sizinkiler Dense \(785\), yazınınkiler Conv2D \(1\.664\), Conv2D \(204\.928\), Dense \(6\.273\)",
        r"yours Dense \(785\), the post's Conv2D \(1,664\), Conv2D \(204,928\), Dense \(6,273\)",
    ),
    (sequential(keras.layers.GlobalAveragePooling2D()), "sizinkiler hiç yok", "yours none"),
]


@pytest.mark.parametrize(
    ("model", "tr_words", "en_words"), OTHER_MODELS, ids=["shape", "layers", "no-weights"]
)
def test_models_of_another_shape_are_explained(model, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.check_discriminator(model, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        ex.check_discriminator(model, lang="tr")


def test_a_layer_out_of_place_is_explained():
    """The right layers and weights, one layer more (a tanh): the answers differ for another reason."""
    model = discriminator()
    model = keras.Sequential(
        [keras.Input((28, 28, 1)), *model.layers[:2], keras.layers.Activation("tanh"), *model.layers[2:]]
    )
    with pytest.raises(ex.ExerciseError, match="order of your layers"):
        ex.check_discriminator(model, lang="en")
    with pytest.raises(ex.ExerciseError, match="katmanların sırasını"):
        ex.check_discriminator(model, lang="tr")
