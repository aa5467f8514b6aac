"""Chapter 08's checkers: the reference solutions pass in both languages; the stub and typical
mistakes fail with a message about that mistake. The mistakes in ch08's tables (each written once,
as the wrong code it is) are run by tests/test_exercises.py; here are the others."""

import math
from pathlib import Path

import keras
import numpy as np
import pytest

from ganlib import exercises as ex
from ganlib.exercises.ch08 import (
    reference_ema_update,
    reference_steps_to_forget,
    solution_translate,
)
from ganlib.models import build_generator, leaky_relu_layer

LANGS = ["tr", "en"]


def stub(*args):
    raise NotImplementedError


def assert_explained(checker, wrong, tr_words, en_words):
    with pytest.raises(ex.ExerciseError, match=en_words):
        checker(wrong, lang="en")
    with pytest.raises(ex.ExerciseError, match=tr_words):
        checker(wrong, lang="tr")


@pytest.mark.parametrize(
    "name", ["check_ema_update", "check_steps_to_forget", "check_bn_generator", "check_translate"]
)
def test_stub_fails_helpfully(name):
    for answer in (None, stub):
        with pytest.raises(ex.ExerciseError, match="fill in"):
            ex.CHECKERS[name](answer, lang="en")
        with pytest.raises(ex.ExerciseError, match="doldur"):
            ex.CHECKERS[name](answer, lang="tr")


# ---------------------------------------------------------------------------------------------
# check_ema_update
# ---------------------------------------------------------------------------------------------


def test_ema_update_other_right_answers_pass(capsys):
    def with_a_loop(average, current, decay):
        new = []
        for a, w in zip(average, current):
            new.append(a + (1 - decay) * (w - a))  # the same step, written as a move towards w
        return new

    ex.check_ema_update(with_a_loop, lang="en")
    ex.check_ema_update(lambda a, w, d: tuple(np.add(d * x, (1 - d) * y) for x, y in zip(a, w)), lang="en")
    assert capsys.readouterr().out.count("✓") == 2


def scaled_in_place(average, current, decay):
    for a, w in zip(average, current):
        a *= decay
        a += (1 - decay) * w
    return average


def replaced_in_list(average, current, decay):
    for i, (a, w) in enumerate(zip(average, current)):
        average[i] = decay * a + (1 - decay) * w
    return average


def forgot_return(average, current, decay):
    reference_ema_update(average, current, decay)


EMA_WRONG = [
    (lambda a, w, d: [y.copy() for y in w], "olduğu gibi geri döndü", "came back as it was"),
    (scaled_in_place, r"\(average\) yerinde değiştiriyor", r"in place"),
    (replaced_in_list, "yerinde", "in place"),
    (lambda a, w, d: scaled_in_place(w, a, 1 - d), r"\(current\) yerinde", r"\(current\) in place"),
    (forgot_return, "NoneType geldi", "got NoneType"),
    (lambda a, w, d: d * a[0] + (1 - d) * w[0], "ndarray geldi", "got ndarray"),
    (lambda a, w, d: (d * x + (1 - d) * y for x, y in zip(a, w)), "generator geldi", "got generator"),
    (lambda a, w, d: reference_ema_update(a, w, d)[:-1], r"\(7,\)\] geldi", r"got \[\(4, 3\), \(7,\)\]"),
    (lambda a, w, d: [x.T for x in reference_ema_update(a, w, d)], r"\(3, 4\)", r"got \[\(3, 4\)"),
    (lambda a, w, d: [d * x + y for x, y in zip(a, w)], r"0,900·a \+ 1,000·w", r"0.900·a \+ 1.000·w"),
    (
        lambda a, w, d: [d * x + y for x, y in zip(a, w)],
        r"decay·a \+ \(1 − decay\)·w değil",
        r"is not decay·a \+ \(1 − decay\)·w",
    ),
    (lambda a, w, d: reference_ema_update(a, w, 0.9), r"0,75 iken", r"decay = 0.75"),
    (lambda a, w, d: [d * x + (1 - d) * y**2 for x, y in zip(a, w)], "en yakını", "nearest: "),
    (
        lambda a, w, d: 1 / 0,
        r"ndarray\(4, 3\).* ZeroDivisionError",
        r"\[ndarray\(4, 3\), ndarray\(7,\), .*0.9\)",
    ),
]


@pytest.mark.parametrize(("wrong", "tr_words", "en_words"), EMA_WRONG)
def test_ema_update_mistakes_are_explained(wrong, tr_words, en_words):
    assert_explained(ex.check_ema_update, wrong, tr_words, en_words)


# ---------------------------------------------------------------------------------------------
# check_steps_to_forget
# ---------------------------------------------------------------------------------------------


def test_steps_to_forget_reference_values():
    assert reference_steps_to_forget(0.999, 0.01) == 4603
    assert reference_steps_to_forget(0.9, 0.5) == 7
    for d, s in ex.ch08._PAIRS:  # no pair on a boundary, where rounding could decide
        k = reference_steps_to_forget(d, s)
        assert isinstance(k, int) and d**k <= s < d ** (k - 1)
        assert 0.05 < math.log(s) / math.log(d) % 1 < 0.95


def test_steps_to_forget_other_right_answers_pass(capsys):
    def counting(decay, share):
        k, left = 0, 1.0
        while left > share:
            left *= decay
            k += 1
        return k

    ex.check_steps_to_forget(counting, lang="en")
    ex.check_steps_to_forget(lambda d, s: math.ceil(math.log(s, d)), lang="en")
    ex.check_steps_to_forget(lambda d, s: int(np.ceil(np.log(s) / np.log(d))), lang="en")
    assert capsys.readouterr().out.count("✓") == 3


def ratio(d, s):
    return math.log(s) / math.log(d)


FORGET_WRONG = [
    (lambda d, s: int(ratio(d, s)), "yukarı yuvarlayın", "round the log ratio up"),
    (lambda d, s: round(ratio(d, s)), "yukarı yuvarlayın", "round the log ratio up"),
    (
        lambda d, s: math.ceil(math.log(d) / math.log(s)),
        "Logaritmalar yer değiştirmiş",
        "logarithms are swapped",
    ),
    (
        lambda d, s: round(1 / (1 - d)),
        r"1/\(1 − decay\) ortalamanın belleği",
        r"1/\(1 − decay\) is the average's",
    ),
    (lambda d, s: math.ceil(-math.log(s) / (1 - d)), "yaklaşımını", "approximation"),
    (lambda d, s: math.ceil(math.log(s) / math.log(1 - d)), "en yeni adımın", "newest step"),
    (lambda d, s: np.ceil(ratio(d, s)), "float64 türünde: .* int olarak", "a float64: .* as an int"),
    (lambda d, s: float(math.ceil(ratio(d, s))), "float türünde", "but a float"),
    (
        lambda d, s: math.ceil(ratio(d, s)) + 1,
        "k = 4.603 olmalı, 4.604 değil.*0,010009.*0,0099987",
        "k = 4,603, not 4,604 .*0.010009 at k−1, 0.0099987 at k",
    ),
    (
        lambda d, s: math.ceil(ratio(d, s)) - (d == 0.6),
        "0,6, share = 0,1: k = 5 olmalı, 4",
        "0.6, .*k = 5, not 4",
    ),
    (lambda d, s: 42, "k = 4.603 olmalı, 42 değil", "k = 4,603, not 42"),
    (
        lambda d, s: str(math.ceil(ratio(d, s))),
        "Tek bir sayı bekleniyordu, str",
        "Expected one number, got str",
    ),
]


@pytest.mark.parametrize(("wrong", "tr_words", "en_words"), FORGET_WRONG)
def test_steps_to_forget_mistakes_are_explained(wrong, tr_words, en_words):
    assert_explained(ex.check_steps_to_forget, wrong, tr_words, en_words)


# ---------------------------------------------------------------------------------------------
# check_bn_generator
# ---------------------------------------------------------------------------------------------

L = keras.layers


def generator(
    noise_dim=200, first=None, second=None, output=None, act=None, c2=64, fixed_input=False, init=None, k2=5
):
    """The post's generator with the given layers (lists) after the Dense, after the 64-filter
    Conv2D and after the last Conv2D (which then has no activation of its own); ``init`` replaces
    the Dense layer's RandomNormal(0.02), ``k2`` the middle Conv2D's kernel size."""
    act = act or (lambda: L.LeakyReLU(negative_slope=0.2))
    first = [L.BatchNormalization(), act()] if first is None else first
    second = [L.BatchNormalization(), act()] if second is None else second
    last = L.Conv2D(1, 5, padding="same", activation=None if output else "tanh")
    return keras.Sequential(
        [
            keras.Input((200 if fixed_input else noise_dim,)),
            L.Dense(7 * 7 * 128, kernel_initializer=init or keras.initializers.RandomNormal(stddev=0.02)),
            *first,
            L.Reshape((7, 7, 128)),
            L.UpSampling2D(2),
            L.Conv2D(c2, k2, padding="same"),
            *second,
            L.UpSampling2D(2),
            last,
            *(output or []),
        ]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_bn_generator_reference_passes(lang, capsys):
    ex.check_bn_generator(generator, lang=lang)
    out = capsys.readouterr().out
    assert out.startswith("✓") and ("1.492.481" if lang == "tr" else "1,492,481") in out


def test_bn_generator_other_right_answers_pass(capsys):
    def functional(noise_dim=200):
        z = keras.Input((noise_dim,))
        dense = L.Dense(6272, kernel_initializer=keras.initializers.RandomNormal(0.0, 0.02))
        x = L.LeakyReLU(0.2)(L.BatchNormalization()(dense(z)))
        x = L.UpSampling2D()(L.Reshape((7, 7, 128))(x))
        x = leaky_relu_layer(0.2)(L.BatchNormalization()(L.Conv2D(64, 5, padding="same")(x)))
        return keras.Model(z, L.Conv2D(1, 5, padding="same", activation="tanh")(L.UpSampling2D()(x)))

    ex.check_bn_generator(generator, lang="en")
    ex.check_bn_generator(functional, lang="en")
    ex.check_bn_generator(lambda n=200: generator(n, act=lambda: L.Activation("leaky_relu")), lang="en")
    assert capsys.readouterr().out.count("✓") == 3


def after(n=200):
    return generator(n, first=[L.LeakyReLU(0.2), L.BatchNormalization()])


BN_WRONG = [
    (build_generator, "önce bir BatchNormalization gelmiyor", "no BatchNormalization right before each"),
    (after, "önce bir BatchNormalization gelmiyor", "no BatchNormalization right before each"),
    (
        lambda n=200: generator(n, output=[L.BatchNormalization(), L.Activation("tanh")]),
        "çıkışını normalleştirmez",
        "DCGAN leaves the output unnormalised",
    ),
    (lambda n=200: generator(n, second=[L.LeakyReLU(0.2)]), "hemen önce", "right before each LeakyReLU"),
    (lambda n=200: generator(n, first=[L.LeakyReLU(0.2)]), "hemen önce", "right before each LeakyReLU"),
    (
        lambda n=200: generator(n, first=[L.BatchNormalization(), L.ReLU()]),
        r"3. katman ReLU → \(None, 6272\); .* LeakyReLU\(0.2\)",
        r"layer 3 is ReLU → \(None, 6272\), where the chapter's generator has LeakyReLU\(0.2\)",
    ),
    (
        lambda n=200: generator(n, first=[L.BatchNormalization()], second=[L.BatchNormalization(), L.ReLU()]),
        r"3. katman Reshape",
        r"layer 3 is Reshape → \(None, 7, 7, 128\), where .* has LeakyReLU\(0.2\)",
    ),
    (
        lambda n=200: generator(n, c2=32),
        r"6. katman Conv2D → \(None, 14, 14, 32\)",
        r"layer 6 is Conv2D → \(None, 14, 14, 32\), where .* Conv2D → \(None, 14, 14, 64\)",
    ),
    (
        lambda n=200: generator(n, k2=3),
        "1.492.481 değil, 1.361.409 parametre",
        "1,361,409 parameters, not 1,492,481",
    ),
    (
        lambda n=200: generator(n, first=[L.BatchNormalization(), L.LeakyReLU()]),
        r"LeakyReLU\(0.3\)",
        r"layer 3 is LeakyReLU\(0.3\) → \(None, 6272\), where .* LeakyReLU\(0.2\)",
    ),
    (
        lambda n=200: generator(n, fixed_input=True),
        r"noise_dim=16 iken 0. katman Input \(None, 200\)",
        r"noise_dim=16, layer 0 is Input \(None, 200\), where .* Input \(None, 16\)",
    ),
    (lambda n=200: generator(n, init="glorot_uniform"), "0,018", r"RandomNormal\(stddev=0.02\)"),
    (lambda n=200: generator(n, init="random_normal"), "0,05", "deviation of 0.05"),
    (lambda n=200: None, "döndürmüyor", "returns nothing"),
    (lambda n=200: generator(n).layers, "keras.Model", "Expected a keras.Model"),
]


@pytest.mark.parametrize(("wrong", "tr_words", "en_words"), BN_WRONG)
def test_bn_generator_mistakes_are_explained(wrong, tr_words, en_words):
    assert_explained(ex.check_bn_generator, wrong, tr_words, en_words)


def test_bn_generator_output_shape_and_tanh_are_checked():
    def sigmoid(n=200):
        model = generator(n)
        model.layers[-1].activation = keras.activations.sigmoid
        return model

    assert_explained(
        ex.check_bn_generator, sigmoid, r"Conv2D\(sigmoid\)", r"Conv2D\(sigmoid\) → .* Conv2D\(tanh\)"
    )

    def valid_padding(n=200):  # the last Conv2D shrinks the image to 24×24
        model = generator(n)
        return keras.Sequential([keras.Input((n,)), *model.layers[:-1], L.Conv2D(1, 5, activation="tanh")])

    out = r"Conv2D\(tanh\) → \(None, 24, 24, 1\)"
    assert_explained(ex.check_bn_generator, valid_padding, out, out + r", where .* \(None, 28, 28, 1\)")


WRONG_ANSWERS = Path(__file__).parent / "notebooks" / "wrong_answers"


@pytest.mark.parametrize(
    ("label", "name", "checker", "en_words"),
    [
        ("08-ema-update", "ema_update", "check_ema_update", "roles are swapped"),
        ("08-steps-to-forget", "steps_to_forget", "check_steps_to_forget", "round the log ratio up"),
        ("08-bn-generator", "build_bn_generator", "check_bn_generator", "right before each LeakyReLU"),
        ("08-translate", "translate", "check_translate", "come back in on the other"),
    ],
)
def test_the_wrong_answers_the_student_test_pastes_are_caught(label, name, checker, en_words):
    namespace = {"np": np}
    exec((WRONG_ANSWERS / f"{label}.py").read_text(), namespace)
    with pytest.raises(ex.ExerciseError, match=en_words):
        ex.CHECKERS[checker](namespace[name], lang="en")


def test_bn_generator_must_be_written_not_borrowed():
    from ganlib.models import build_generator

    def borrowed(noise_dim=200):
        return build_generator(noise_dim, batch_norm=True)

    with pytest.raises(ex.ExerciseError, match="calls ganlib's build_generator"):
        ex.check_bn_generator(borrowed, lang="en")
    with pytest.raises(ex.ExerciseError, match="build_generator'ını çağırıyor"):
        ex.check_bn_generator(borrowed, lang="tr")


# ---------------------------------------------------------------------------------------------
# check_translate (its mistake table runs in tests/test_exercises.py)
# ---------------------------------------------------------------------------------------------


def test_translate_reference_shifts_down_and_right_with_background():
    image = np.arange(1, 13, dtype=np.float32).reshape(1, 3, 4, 1)
    got = np.asarray(solution_translate(image, [1], [-2]))[0, ..., 0]
    assert got.tolist() == [[-1, -1, -1, -1], [3, 4, -1, -1], [7, 8, -1, -1]]


def test_translate_agrees_with_ganlibs_augmentation():
    """The checker's reference is what ganlib.augment.translate does with the shifts it draws."""
    import tensorflow as tf

    from ganlib.augment import translate

    images = np.random.default_rng(0).uniform(-1, 1, (6, 28, 28, 1)).astype(np.float32)
    seed = keras.random.SeedGenerator(3)
    shifted = translate(tf.constant(images), seed).numpy()
    # recover each image's shift as the one of the 81 candidates that reproduces it
    for i in range(6):
        matches = [
            (y, x)
            for y in range(-4, 5)
            for x in range(-4, 5)
            if np.allclose(solution_translate(images[i : i + 1], [y], [x])[0], shifted[i])
        ]
        assert len(matches) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_translate_solution_passes(lang, capsys):
    ex.check_translate(solution_translate, lang=lang)
    out = capsys.readouterr().out
    assert out.startswith("✓") and ("augment" in out)


def test_translate_in_numpy_is_refused_for_its_missing_gradient():
    def in_numpy(images, dy, dx):
        return np.asarray(solution_translate(np.asarray(images), dy, dx))

    assert_explained(ex.check_translate, in_numpy, "gradyan", "no gradient flows back")


def test_translate_other_right_answers_pass(capsys):
    import tensorflow as tf

    def with_tf(images, dy, dx):  # tf.pad and a crop per image
        padded = tf.pad(images, [[0, 0], [4, 4], [4, 4], [0, 0]], constant_values=-1.0)
        crops = [padded[i, 4 - y : 32 - y, 4 - x : 32 - x] for i, (y, x) in enumerate(zip(dy, dx))]
        return tf.stack(crops)

    def rolled_and_masked(images, dy, dx):  # roll, then blank what wrapped around
        rows, cols = keras.ops.arange(28)[:, None, None], keras.ops.arange(28)[None, :, None]
        out = []
        for i, (y, x) in enumerate(zip(dy, dx)):
            moved = keras.ops.roll(images[i], (int(y), int(x)), axis=(0, 1))
            inside = (rows - y >= 0) & (rows - y < 28) & (cols - x >= 0) & (cols - x < 28)
            out.append(keras.ops.where(inside, moved, -1.0))
        return keras.ops.stack(out)

    ex.check_translate(with_tf, lang="en")
    ex.check_translate(rolled_and_masked, lang="en")
    assert capsys.readouterr().out.count("✓") == 2


@pytest.mark.parametrize(
    ("wrong", "tr_words", "en_words"),
    [
        (
            lambda im, dy, dx: im[:, 4:-4],
            r"\(5, 20, 28, 1\) geldi",
            r"shaped \(5, 28, 28, 1\), got \(5, 20, 28, 1\)",
        ),
        (lambda im, dy, dx: None, "NoneType", "got NoneType"),
        (lambda im, dy, dx: "images", "str", "got str"),
    ],
)
def test_translate_shape_and_kind_are_checked(wrong, tr_words, en_words):
    assert_explained(ex.check_translate, wrong, tr_words, en_words)


def test_a_library_error_in_the_students_code_is_quoted_in_one_short_line():
    """A crash inside the student's function is quoted by its first line, without TensorFlow's
    {{function_node …}} prefix or the tensors Keras prints (the whole message stays one line)."""

    def crashes(average, current, decay):
        raise ValueError(
            "{{function_node __wrapped__Sub_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
            "Incompatible shapes: [4,3] vs. [7] [Op:Sub]\n" + "[[0.1 0.2 0.3]\n" * 50
        )

    for lang in LANGS:
        with pytest.raises(ex.ExerciseError) as caught:
            ex.check_ema_update(crashes, lang=lang)
        said = str(caught.value)
        assert said.endswith("ValueError: Incompatible shapes: [4,3] vs. [7] [Op:Sub]")
        assert "\n" not in said and "function_node" not in said
