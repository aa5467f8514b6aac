"""Chapter 09's checkers: the reference solutions pass in both languages; the stub and typical
mistakes fail with a message about that mistake."""

from pathlib import Path

import keras
import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib import models
from ganlib.exercises.ch09 import reference_blind_discriminator, reference_join_digit, reference_wrong_digits

LANGS = ["tr", "en"]


def stub(*args):
    raise NotImplementedError


def assert_explained(checker, wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        checker(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        checker(wrong, lang="tr")


@pytest.mark.parametrize(
    "name",
    ["check_join_digit", "check_wrong_digits", "check_blind_discriminator", "check_matching_aware_batch"],
)
def test_stub_fails_helpfully(name):
    for answer in (None, stub):
        with pytest.raises(ex.ExerciseError, match="fill in"):
            ex.CHECKERS[name](answer, lang="en")
        with pytest.raises(ex.ExerciseError, match="doldur"):
            ex.CHECKERS[name](answer, lang="tr")


# ---------------------------------------------------------------------------------------------
# check_join_digit
# ---------------------------------------------------------------------------------------------


def test_join_digit_reference_is_what_the_generator_feeds_its_dense_layer(seeded):
    g = models.build_conditional_generator(16)
    joined = keras.Model(g.inputs, g.get_layer("noise_and_digit").output)
    z = np.random.default_rng(0).standard_normal((10, 16)).astype(np.float32)
    digits = np.arange(10)[::-1].astype(np.int32)
    assert np.allclose(np.asarray(joined([z, digits])), reference_join_digit(z, digits))
    # and the whole generator agrees when its Dense layer reads our rows instead of its own
    dense = g.get_layer(index=g.layers.index(g.get_layer("noise_and_digit")) + 1)
    assert np.allclose(
        np.asarray(dense(reference_join_digit(z, digits))), np.asarray(dense(joined([z, digits])))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_join_digit_reference_passes(lang, capsys):
    ex.check_join_digit(reference_join_digit, lang=lang)
    out = capsys.readouterr().out
    assert out.startswith("✓") and "CategoryEncoding" in out and "Concatenate" in out and "200 … 209" in out


def test_join_digit_other_right_answers_pass(capsys):
    def with_a_loop(z, digits):
        rows = []
        for noise, digit in zip(z, digits):
            code = np.zeros(10, dtype=np.float32)
            code[digit] = 1
            rows.append(np.concatenate([noise, code]))
        return np.array(rows, dtype=np.float32)

    def with_keras(z, digits):
        return keras.ops.concatenate([z, keras.ops.one_hot(np.asarray(digits), 10)], axis=1)

    ex.check_join_digit(with_a_loop, lang="en")
    ex.check_join_digit(with_keras, lang="en")
    ex.check_join_digit(
        lambda z, d: np.hstack([z, keras.utils.to_categorical(d, 10)]).astype("float32"), lang="en"
    )
    assert capsys.readouterr().out.count("✓") == 3


def one_hot(digits, width=10):
    return np.eye(width, dtype=np.float32)[np.asarray(digits)]


def written_into_z(z, digits):
    z[:, -10:] = one_hot(digits)
    return z


def digits_changed_in_place(z, digits):
    if isinstance(digits, np.ndarray):
        digits[:] = (digits + 1) % 10
    return reference_join_digit(z, digits)


# The known mistakes of ganlib.exercises.ch09._JOIN_MISTAKES get their messages in
# tests/test_exercises.py::test_each_mistake_in_a_table_gets_its_message; here the rest.
JOIN_WRONG = [
    (lambda z, d: np.concatenate([z, np.eye(10)[d]], axis=1), "float64 türünde", "array is float64"),
    (lambda z, d: np.concatenate([z, keras.utils.to_categorical(d, 10)], axis=1), "float64", "float64"),
    (lambda z, d: [z, one_hot(d)], r"numpy dizisi bekleniyordu, list geldi.*axis=1", r"got list: .*axis=1"),
    (written_into_z, "z girdisini yerinde", "changes its input z in place"),
    (digits_changed_in_place, "digits girdisini yerinde", "changes its input digits in place"),
    (lambda z, d: reference_join_digit(2 * z, d), "gürültü vektörü olmalı", "must be its noise vector"),
    (
        lambda z, d: np.concatenate([z, one_hot(d) * np.asarray(d, np.float32)[:, None]], axis=1),
        r"0 numaralı satırın \(rakam 3\) kodu \[0,0  0,0  0,0  3,0  0,0",
        r"Row 0 \(digit 3\) has the code \[0.0  0.0  0.0  3.0  0.0",
    ),
    (
        lambda z, d: np.concatenate([z, one_hot(d)[::-1]], axis=1),
        r"satırın \(rakam 3\) kodu \[0,0  0,0  0,0  0,0  0,0  0,0  0,0  1,0",
        r"\(digit 3\) has the code \[0.0  0.0  0.0  0.0  0.0  0.0  0.0  1.0",
    ),
    (
        lambda z, d: reference_join_digit(z, d)[:, :, None],
        r"\(6, 210\) biçiminde olmalı, \(6, 210, 1\) geldi",
        r"must have shape \(n, noise_dim \+ 10\) = \(6, 210\), got \(6, 210, 1\)",
    ),
    (
        lambda z, d: np.concatenate([z, one_hot(d), one_hot(d)], axis=1),
        r"\(6, 210\) biçiminde olmalı, \(6, 220\) geldi",
        r"= \(6, 210\), got \(6, 220\)",
    ),
    # a mistake of the table whose rows have another shape is known by that shape, whatever the numbers
    (
        lambda z, d: reference_join_digit(z, d).ravel(),
        r"Düz bir dizi döndü \(1.260 sayı\)",
        r"flat array .*1,260",
    ),
    (
        lambda z, d: np.concatenate([z, np.asarray(d, np.float32)[:, None] / 9], axis=1),
        "tek bir sayı olarak eklenmiş",
        "as one number, not as its one-hot code",
    ),
    (lambda z, d: 2 * z, r"\(6, 210\) biçiminde olmalı, \(6, 200\) geldi", r"= \(6, 210\), got \(6, 200\)"),
    (  # the code first, whatever the code: known by that too
        lambda z, d: np.concatenate([one_hot((np.asarray(d) + 1) % 10), z], axis=1),
        "önüne konmuş",
        "before the noise",
    ),
    (  # wrong on the last case only (MNIST's uint8 labels), where the table's mistakes are tried too
        lambda z, d: reference_join_digit(z if np.asarray(d).dtype != np.uint8 else -z, d),
        "gürültü vektörü olmalı",
        "must be its noise vector",
    ),
    (lambda z, d: None, "NoneType geldi", "Expected one numpy array, got NoneType"),
    (lambda z, d: "z and d", "numpy dizisi bekleniyordu, str geldi", "Expected one numpy array, got str"),
    (lambda z: z, r"z: ndarray\(6, 200\) float32.*TypeError", r"called with \(z: ndarray\(6, 200\)"),
]


@pytest.mark.parametrize(("wrong", "tr_words", "en_words"), JOIN_WRONG)
def test_join_digit_mistakes_are_explained(wrong, tr_words, en_words):
    assert_explained(ex.check_join_digit, wrong, tr_words, en_words)


# ---------------------------------------------------------------------------------------------
# check_wrong_digits
# ---------------------------------------------------------------------------------------------


def test_wrong_digits_reference_is_never_right_and_fair():
    digits = np.random.default_rng(1).integers(0, 10, size=5000)
    wrong = reference_wrong_digits(digits, seed=3)
    assert not np.any(wrong == digits) and wrong.min() >= 0 and wrong.max() <= 9
    assert np.array_equal(wrong, reference_wrong_digits(digits, seed=3))


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_digits_reference_passes(lang, capsys):
    ex.check_wrong_digits(reference_wrong_digits, lang=lang)
    out = capsys.readouterr().out
    assert out.startswith("✓") and ("10.000 rakamda %" if lang == "tr" else "over 10,000 digits") in out


def test_wrong_digits_other_right_answers_pass(capsys):
    def choosing(digits, seed=0):
        rng = np.random.default_rng(seed)
        return np.array([rng.choice([e for e in range(10) if e != d]) for d in digits])

    def redrawing(digits, seed=0):
        rng = np.random.default_rng(seed)
        wrong = rng.integers(0, 10, size=len(digits))
        while np.any(wrong == digits):  # draw again where the digit came out right
            same = wrong == digits
            wrong[same] = rng.integers(0, 10, size=int(same.sum()))
        return wrong

    def subtracting(digits, seed=0):
        return (
            np.asarray(digits, dtype=int) - np.random.default_rng(seed + 7).integers(1, 10, len(digits))
        ) % 10

    for right in (choosing, redrawing, subtracting):
        ex.check_wrong_digits(right, lang="en")
    assert capsys.readouterr().out.count("✓") == 3


# The table in ganlib/exercises/ch09.py holds more known mistakes (tests/test_exercises.py runs it);
# these check the fields of their messages too.
WRONG_WRONG = [
    (
        lambda d, seed=0: (d + 1) % 10,
        r"1.000 tane 3'ün hepsi 4 oldu: her yanlış rakamı ayrı çekin",
        r"All 1,000 threes became 4s: draw each wrong digit separately",
    ),
    (
        lambda d, seed=0: (d + np.random.default_rng(seed).integers(1, 10)) % 10,
        "1.000 tane 3'ün hepsi",
        r"All 1,000 threes became",
    ),
    (
        lambda d, seed=0: np.random.default_rng(seed).integers(0, 10, size=len(d)),
        r"10.000 rakamın 9\d\d tanesi değişmeden döndü.*her biri değişmeli; rng.integers\(1, 10\)",
        r"9\d\d of 10,000 digits came back unchanged.*each must change; add rng.integers\(1, 10\)",
    ),
    (lambda d, seed=0: d.copy(), "10.000 tanesi değişmeden", "10,000 of 10,000 digits came back unchanged"),
    (
        lambda d, seed=0: (d + np.random.default_rng(seed).integers(1, 9, size=len(d))) % 10,
        r"1.000 tane \d rakamının %0,0 kadarı 9 oldu",
        r"Of 1,000 \ds, 0.0 % became 9s",
    ),
    (
        lambda d, seed=0: (
            (d + np.random.default_rng(seed).choice([1, 1, 2, 3, 4, 5, 6, 7, 8, 9], len(d))) % 10
        ),
        r"1.000 tane \d rakamının %\d+,\d kadarı .* dokuzda bir",
        r"became .* not one in nine \(11.1 %\)",
    ),
    (
        lambda d, seed=0: reference_wrong_digits(d, seed)[:-1],
        r"\(14,\) biçiminde bir dizi bekleniyordu.*\(13,\) geldi",
        r"array of shape \(14,\), one wrong digit for each digit; got \(13,\)",
    ),
    (lambda d: d, r"ndarray\(14,\) uint8, 0\).*TypeError", r"called with \(ndarray\(14,\) uint8, 0\)"),
    (
        lambda d, seed=0: np.where(d < 5, d, (d + 1) % 10),
        r"10.000 rakamın 5.000 tanesi değişmeden döndü \(%50,0\): her biri değişmeli",
        r"5,000 of 10,000 digits came back unchanged \(50.0 %\): each must change",
    ),
]


@pytest.mark.parametrize(("wrong", "tr_words", "en_words"), WRONG_WRONG)
def test_wrong_digits_mistakes_are_explained(wrong, tr_words, en_words):
    assert_explained(ex.check_wrong_digits, wrong, tr_words, en_words)


# ---------------------------------------------------------------------------------------------
# check_blind_discriminator
# ---------------------------------------------------------------------------------------------

L = keras.layers


def post_layers(x, filters=64, activation="sigmoid"):
    """The post's discriminator, layer by layer, on the tensor x."""
    x = L.Conv2D(filters, 5, strides=2, padding="same")(x)
    x = L.Dropout(0.3)(L.LeakyReLU(0.2)(x))
    x = L.Conv2D(128, 5, strides=2, padding="same")(x)
    x = L.Dropout(0.3)(L.LeakyReLU(0.2)(x))
    return L.Dense(1, activation=activation)(L.Flatten()(x))


def blind(filters=64, activation="sigmoid", digit_shape=(), swap=False):
    image, digit = keras.Input((28, 28, 1)), keras.Input(digit_shape, dtype="int32")
    inputs = [digit, image] if swap else [image, digit]
    return keras.Model(inputs, post_layers(image, filters, activation))


def reading_the_digit():
    """The post's discriminator with the digit added to its verdict before the sigmoid."""
    image, digit = keras.Input((28, 28, 1)), keras.Input((), dtype="int32")
    x = post_layers(image, activation=None)
    shift = L.Reshape((1,))(L.Lambda(lambda d: keras.ops.cast(d, "float32") / 10)(digit))
    return keras.Model([image, digit], L.Activation("sigmoid")(L.Add()([x, shift])))


def zero_digit_maps():
    """build_conditional_discriminator's layout with the ten digit maps multiplied by zero."""
    image, digit = keras.Input((28, 28, 1)), keras.Input((), dtype="int32")
    maps = L.Reshape((1, 1, 10))(L.CategoryEncoding(10, output_mode="one_hot")(digit))
    maps = L.Lambda(lambda m: 0 * m)(L.UpSampling2D(size=(28, 28))(maps))
    return keras.Model([image, digit], post_layers(L.Concatenate()([image, maps])))


def rescaled():
    """The post's discriminator with its probability stretched to (-2, 2) by a last Lambda layer."""
    model = reference_blind_discriminator()
    return keras.Model(model.inputs, L.Lambda(lambda p: 4 * p - 2)(model.outputs[0]))


def calling_it_fails():
    def broken(inputs):
        raise ValueError("broken")

    model = reference_blind_discriminator()
    model.call = broken
    return model


def two_inputs_and(extra=None, image_shape=(28, 28, 1), outputs=1, units=1):
    image, digit = keras.Input(image_shape), keras.Input((), dtype="int32")
    out = L.Dense(units, activation="sigmoid")(L.Flatten()(L.Conv2D(8, 5, strides=4)(image)))
    return keras.Model(
        [image, digit, *([] if extra is None else [extra])], [out] * outputs if outputs > 1 else out
    )


def no_inputs():
    class Subclassed(keras.Model):
        def call(self, x):
            return x

    return Subclassed()


def in_training(change):
    """The reference discriminator, its output passed through ``change`` while it trains."""
    model = reference_blind_discriminator()
    call = model.call

    def changed(inputs, training=None, **kwargs):
        out = call(inputs, training=training, **kwargs)
        return change(out) if training else out

    model.call = changed
    return model


def learns_nothing():
    """The post's discriminator with its logit multiplied by zero: every gradient is zero."""
    image, digit = keras.Input((28, 28, 1)), keras.Input((), dtype="int32")
    x = L.Lambda(lambda t: 0 * t)(post_layers(image, activation=None))
    return keras.Model([image, digit], L.Activation("sigmoid")(x))


def broken_in_training(out):
    raise ValueError("no training")


@pytest.mark.parametrize("lang", LANGS)
def test_blind_discriminator_reference_passes(lang, capsys):
    ex.check_blind_discriminator(reference_blind_discriminator, lang=lang)
    out = capsys.readouterr().out
    assert out.startswith("✓") and ("212.865" if lang == "tr" else "212,865") in out


def test_blind_discriminator_other_right_answers_pass(capsys):
    def multiplied_by_zero():
        """The digit goes through a layer, but times zero: the verdict cannot change."""
        image, digit = keras.Input((28, 28, 1)), keras.Input((), dtype="int32")
        nothing = L.Reshape((1,))(L.Lambda(lambda d: 0.0 * keras.ops.cast(d, "float32"))(digit))
        x = post_layers(image, activation=None)
        return keras.Model([image, digit], L.Activation("sigmoid")(L.Add()([x, nothing])))

    ex.check_blind_discriminator(blind, lang="en")
    ex.check_blind_discriminator(multiplied_by_zero, lang="en")
    assert capsys.readouterr().out.count("✓") == 2


BLIND_WRONG = [
    (
        models.build_discriminator,
        r"Girdiler \[\(None, 28, 28, 1\)\]; iki keras.Input katmanı",
        r"The inputs are \[\(None, 28, 28, 1\)\]; expected two keras.Input layers",
    ),
    (models.build_conditional_discriminator, "model rakamı okuyor", "the model reads the digit"),
    (reading_the_digit, "kararı değiştiriyor: model rakamı okuyor", "the verdict: the model reads the digit"),
    (
        zero_digit_maps,
        "228.865 parametre var, yazının ayırtacında 212.865",
        "228,865 parameters where the post's discriminator has 212,865",
    ),
    (
        lambda: blind(filters=32),
        "109.633 parametre var, yazının ayırtacında 212.865",
        "109,633 parameters where the post's discriminator has 212,865",
    ),
    (lambda: blind(activation=None), "0 … 1 aralığının dışına", "leave the range 0 … 1"),
    (rescaled, "0 … 1 aralığının dışına", "leave the range 0 … 1"),
    pytest.param(
        lambda: blind(activation="softmax"),
        "softmax'ı hep 1",
        "softmax of one number",
        marks=pytest.mark.filterwarnings("ignore:You are using a softmax over axis -1"),  # Keras says so too
    ),
    (lambda: None, "döndürmüyor", "returns nothing"),
    (lambda: reference_blind_discriminator().layers, "keras.Model bekleniyordu", "Expected a keras.Model"),
    (lambda x: x, r"\(\) ile çağrılınca.*TypeError", r"called with \(\): TypeError"),
    (
        calling_it_fails,
        r"\[ndarray\(16, 28, 28, 1\), ndarray\(16,\) int32\] ile çağrılınca hata verdi: ValueError",
        r"raised an error when called with \[ndarray\(16, 28, 28, 1\), ndarray\(16,\) int32\]: ValueError",
    ),
    (lambda: two_inputs_and(outputs=2), r"\(2, 16, 1\) geldi", r"must be \(16, 1\).*got \(2, 16, 1\)"),
    (no_inputs, r"Girdiler \[\]; iki keras.Input", r"The inputs are \[\]; expected two keras.Input layers"),
    (
        lambda: two_inputs_and(keras.Input((3,))),
        r"Girdiler \[\(None, 28, 28, 1\), \(None,\), \(None, 3\)\]",
        r"The inputs are \[\(None, 28, 28, 1\), \(None,\), \(None, 3\)\]; expected two",
    ),
    (
        lambda: two_inputs_and(image_shape=(32, 32, 3)),
        r"Girdiler \[\(None, 32, 32, 3\), \(None,\)\]",
        r"The inputs are \[\(None, 32, 32, 3\), \(None,\)\]",
    ),
    (lambda: two_inputs_and(units=10), r"\(16, 10\) geldi", r"must be \(16, 1\).*got \(16, 10\)"),
    (lambda: blind(filters=80), "264.481 parametre var", "264,481 parameters where the post's discriminator"),
    (lambda: in_training(broken_in_training), "eğitim adımı bu ayırtaçla hata verdi", "training step failed"),
    (lambda: in_training(lambda out: out * float("nan")), "kaybı sonlu değil", "loss that is not finite"),
    (learns_nothing, "ağırlıklarını hiç değiştirmedi", r"weights unchanged \(trainable=False\?\)"),
]


@pytest.mark.parametrize(("wrong", "tr_words", "en_words"), BLIND_WRONG)
def test_blind_discriminator_mistakes_are_explained(wrong, tr_words, en_words):
    assert_explained(ex.check_blind_discriminator, wrong, tr_words, en_words)


def test_an_unused_input_is_fine_in_keras(seeded):
    """What the exercise relies on: Keras 3 builds, calls and trains a model with an input no layer reads."""
    import warnings

    from ganlib.training import ConditionalGAN

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # not even a warning
        model = reference_blind_discriminator()
        assert [tuple(t.shape) for t in model.inputs] == [(None, 28, 28, 1), (None,)]
        gan = ConditionalGAN(models.build_conditional_generator(8), model)
        gan.compile()
        logs = gan.train_step((np.zeros((4, 28, 28, 1), np.float32), np.arange(4, dtype=np.int32)))
    assert np.isfinite(float(logs["d_loss"]))


WRONG_ANSWERS = Path(__file__).parent / "notebooks" / "wrong_answers"


@pytest.mark.parametrize(
    ("label", "name", "checker", "en_words"),
    [
        ("09-join-digit", "join_digit", "check_join_digit", "before the noise"),
        ("09-wrong-digits", "wrong_digits", "check_wrong_digits", "All 1,000 threes became 4s"),
        ("09-blind-discriminator", "build_blind_discriminator", "check_blind_discriminator", "inputs are"),
        ("09-matching-aware", "matching_aware_batch", "check_matching_aware_batch", "marked real"),
    ],
)
def test_the_wrong_answers_the_student_test_pastes_are_caught(label, name, checker, en_words):
    namespace = {"np": np}
    exec((WRONG_ANSWERS / f"{label}.py").read_text(), namespace)
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.CHECKERS[checker](namespace[name], lang="en")


# ---------------------------------------------------------------------------------------------
# check_matching_aware_batch (its mistake table runs in tests/test_exercises.py)
# ---------------------------------------------------------------------------------------------


def test_matching_aware_reference_holds_the_three_kinds_of_pairs(capsys):
    from ganlib.exercises.ch09 import reference_matching_aware_batch

    given = []

    def watched(*case):
        given.append(case)
        return reference_matching_aware_batch(*case)

    ex.check_matching_aware_batch(watched, lang="en")
    assert capsys.readouterr().out.startswith("✓")
    images, digits, fakes, wrong = given[0]
    assert not (wrong == digits).any() and not np.isclose(images[:, None], fakes[None]).all((2, 3, 4)).any()
    shown, told, targets = reference_matching_aware_batch(images, digits, fakes, wrong)
    assert shown.shape == (18, 28, 28, 1) and told.shape == targets.shape == (18,)
    assert np.array_equal(shown[12:], images) and np.array_equal(told[12:], wrong)
    assert targets.tolist() == pytest.approx([0.9] * 6 + [0.0] * 12)


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_matching_aware_any_order_and_kind_of_array_passes(lang, capsys):
    from ganlib.exercises.ch09 import reference_matching_aware_batch

    def shuffled(images, digits, fakes, wrong):
        shown, told, targets = reference_matching_aware_batch(images, digits, fakes, wrong)
        order = np.random.default_rng(0).permutation(len(shown))
        return list(shown[order]), told[order].tolist(), targets[order][:, None]

    ex.check_matching_aware_batch(shuffled, lang=lang)
    assert capsys.readouterr().out.startswith("✓")


@pytest.mark.parametrize(
    ("wrong", "tr_words", "en_words"),
    [
        (lambda im, d, f, w: (im, d), "Üç dizi", "three arrays"),
        (lambda im, d, f, w: (im * 2, d, np.ones(6)), "değiştirmeden", "unchanged"),
        (
            lambda im, d, f, w: (np.concatenate([im, f, im]), np.r_[d, d, w], np.r_[[0.9] * 6, [0.1] * 12]),
            r"6 gerçek çift \(0,9\), 6 sahte .* 18 geldi",
            r"Expected 6 real pairs \(0.9\), 6 fakes, 6 real images with wrong digits \(0\); got 18",
        ),
        (lambda im, d, f, w: (im, d, np.ones(3)), r"\(6,\), \(3,\) geldi", r"got \(6, 28, 28, 1\), \(6,\), "),
        (lambda im, d, f, w: None, "NoneType geldi", "Expected three arrays.*got NoneType"),
    ],
)
def test_matching_aware_other_mistakes_are_explained(wrong, tr_words, en_words):
    assert_explained(ex.check_matching_aware_batch, wrong, tr_words, en_words)
