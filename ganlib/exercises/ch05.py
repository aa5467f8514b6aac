"""Checkers for chapter 05's exercises."""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from numbers import Real

import numpy as np

from ganlib import fmt
from ganlib.exercises._feedback import _fail, _fail_if_known, _not_done, _ok

__all__ = ["check_train_step", "check_loss_floor", "check_never_seen"]

# ---------------------------------------------------------------------------------------------
# check_train_step: the student's GradientTape step against ganlib's GAN.train_step
# ---------------------------------------------------------------------------------------------

_NOISE_DIM = 4
_BATCH = 4
_SHAPE = (4, 4, 1)
_SEED = 3


def _tiny_networks():
    """A small generator/discriminator pair (no dropout: every call of the network is the same
    function, so splitting real and fake into two calls gives the same step), always with the
    same starting weights."""
    import keras

    layers, init = keras.layers, keras.initializers
    size = int(np.prod(_SHAPE))
    generator = keras.Sequential(
        [
            keras.Input((_NOISE_DIM,)),
            layers.Dense(
                8, kernel_initializer=init.GlorotUniform(seed=1), bias_initializer=init.RandomNormal(seed=2)
            ),
            layers.LeakyReLU(0.2),
            layers.Dense(size, activation="tanh", kernel_initializer=init.GlorotUniform(seed=3)),
            layers.Reshape(_SHAPE),
        ]
    )
    discriminator = keras.Sequential(
        [
            keras.Input(_SHAPE),
            layers.Flatten(),
            layers.Dense(
                8, kernel_initializer=init.GlorotUniform(seed=4), bias_initializer=init.RandomNormal(seed=5)
            ),
            layers.LeakyReLU(0.2),
            layers.Dense(1, activation="sigmoid", kernel_initializer=init.GlorotUniform(seed=6)),
        ]
    )
    return generator, discriminator


def _real_images() -> np.ndarray:
    return np.random.default_rng(7).uniform(-1, 1, (_BATCH, *_SHAPE)).astype(np.float32)


def _weights(model) -> list[np.ndarray]:
    return [np.array(w) for w in model.trainable_variables]


def _same(a: list, b: list) -> bool:
    return len(a) == len(b) and all(
        np.shape(x) == np.shape(y) and np.allclose(x, y, rtol=1e-4, atol=1e-6) for x, y in zip(a, b)
    )


def _scaled(got: list, want: list) -> float | None:
    """k if got ≈ k · want for one k ≠ 1 (a summed instead of averaged loss), else None."""
    flat_got = np.concatenate([np.ravel(g) for g in got])
    flat_want = np.concatenate([np.ravel(w) for w in want])
    k = float(flat_got @ flat_want / max(flat_want @ flat_want, 1e-30))
    if abs(k - 1) > 1e-3 and k > 0 and np.allclose(flat_got, k * flat_want, rtol=1e-3, atol=1e-7):
        return k
    return None


def _recording_adam(log: list, who: str):
    """The post's Adam, which also notes every set of gradients it is asked to apply."""
    import keras

    class RecordingAdam(keras.optimizers.Adam):
        def __init__(self):
            super().__init__(learning_rate=2e-4, beta_1=0.5)
            self._record = log.append  # a plain callable: Keras would wrap a list attribute

        def apply(self, grads, trainable_variables=None):
            given = self._trainable_variables if trainable_variables is None else trainable_variables
            variables = list(given)
            self._record((who, [None if g is None else np.array(g) for g in grads], variables))
            return super().apply(grads, trainable_variables)

    return RecordingAdam()


def _gradients(loss_of, variables) -> list[np.ndarray]:
    import tensorflow as tf

    with tf.GradientTape() as tape:
        loss = loss_of()
    return [np.array(g) for g in tape.gradient(loss, variables)]


def _fail_call(err: Exception, lang: str | None = None) -> None:
    if isinstance(err, NotImplementedError):
        _fail(
            lang,
            "Fonksiyon henüz yazılmamış (NotImplementedError): gövdesini doldurun.",
            "The function is not written yet (NotImplementedError): fill in its body.",
        )
    _fail(
        lang,
        f"train_step çağrılınca hata verdi: {type(err).__name__}: {err}",
        f"train_step raised an error: {type(err).__name__}: {err}",
    )


def check_train_step(train_step: Callable, lang: str | None = None) -> None:
    """``train_step(generator, discriminator, d_optimizer, g_optimizer, real, draw_noise)`` must do
    what ganlib's ``GAN.train_step`` does and return ``(d_loss, g_loss)``.

    The checker runs it on a small generator/discriminator pair with the post's Adam and a noise
    source seeded like ``GAN``'s, next to ``GAN.train_step`` on identical networks, optimizers and
    seeds, and compares the updated weights of both networks after one and after two steps. Before
    that it reads what the student's code did (how often it drew noise, which weights each
    optimizer was given, which gradients) to name the mistake.
    """
    import keras
    from keras import ops

    from ganlib.training import GAN

    _not_done(train_step, lang)
    if not callable(train_step):
        _fail(
            lang,
            f"Bir fonksiyon bekleniyordu, {type(train_step).__name__} geldi.",
            f"Expected a function, got {type(train_step).__name__}.",
        )
    real = _real_images()
    n = len(real)
    bce = keras.losses.BinaryCrossentropy()

    # ganlib's own step: the reference
    ref_g, ref_d = _tiny_networks()
    gan = GAN(ref_g, ref_d, smoothing=0.9, seed=_SEED)
    gan.compile()
    start_d = _weights(ref_d)
    gan.train_step(real)
    after_one = (_weights(ref_g), _weights(ref_d))

    # the student's step, on identical networks, optimizers and noise
    gen, disc = _tiny_networks()
    log: list = []
    d_opt, g_opt = _recording_adam(log, "d"), _recording_adam(log, "g")
    seed = keras.random.SeedGenerator(_SEED)
    draws: list[np.ndarray] = []

    def draw_noise(batch):
        z = keras.random.normal((int(batch), _NOISE_DIM), seed=seed)
        draws.append(np.array(z))
        return z

    def run_student():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # Keras' "Gradients do not exist" warning: named below
            try:
                return train_step(gen, disc, d_opt, g_opt, real, draw_noise)
            except Exception as err:  # noqa: BLE001 - report any crash of the student's code helpfully
                _fail_call(err, lang)

    out = run_student()

    # what it returned
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        _fail(
            lang,
            "train_step iki kaybı döndürmeli: return d_loss, g_loss.",
            "train_step must return the two losses: return d_loss, g_loss.",
        )

    # noise: fresh for each phase
    if not draws:
        _fail(
            lang,
            "draw_noise hiç çağrılmadı: gürültüyü draw_noise(n) ile çekin (denetim onu ganlib'in "
            "tohumuyla besliyor).",
            "draw_noise was never called: draw the noise with draw_noise(n) (the checker seeds it "
            "like ganlib).",
        )
    if len(draws) == 1:
        _fail(
            lang,
            "Gürültü yalnızca bir kez çekildi: üretici adımı ayırtacın sahtelerinin gürültüsünü "
            "yeniden kullanıyor. Her aşama için taze gürültü çekin (draw_noise iki kez).",
            "Noise was drawn only once: the generator phase reuses the discriminator's noise. "
            "Draw fresh noise for each phase (draw_noise twice).",
        )
    if len(draws) > 2:
        _fail(
            lang,
            f"draw_noise {len(draws)} kez çağrıldı: her aşamada bir kez, toplam iki kez çekin.",
            f"draw_noise was called {len(draws)} times: draw once per phase, twice in all.",
        )
    if any(len(z) != n for z in draws):
        _fail(
            lang,
            f"Gerçek yığında {n} resim var; her aşamada {n} gürültü vektörü çekin, "
            f"draw_noise({[len(z) for z in draws][0]}) değil.",
            f"The real batch has {n} images; draw {n} noise vectors per phase, "
            f"not draw_noise({[len(z) for z in draws][0]}).",
        )

    # which weights each optimizer was given
    owner = {id(v): "G" for v in gen.trainable_variables} | {id(v): "D" for v in disc.trainable_variables}
    calls = [(who, {owner.get(id(v), "?") for v in variables}) for who, _, variables in log]
    if not any(who == "d" for who, _ in calls) or not any(who == "g" for who, _ in calls):
        _fail(
            lang,
            "Her aşama gradyanını kendi eniyileyicisiyle uygulamalı: d_optimizer.apply_gradients(...) "
            "ve g_optimizer.apply_gradients(...) (kendi eniyileyicinizi kurmayın).",
            "Each phase must apply its gradients with its own optimizer: d_optimizer.apply_gradients(...) "
            "and g_optimizer.apply_gradients(...) (do not make your own optimizer).",
        )
    for who, owners in calls:
        if owners >= {"G", "D"}:
            if who == "d":
                _fail(
                    lang,
                    "Ayırtacın aşamasında iki ağın ağırlıklarına da gradyan alındı: bu aşamada yalnızca "
                    "discriminator.trainable_variables öğrenir; üretici bu adımda değişmemeli.",
                    "The discriminator phase took gradients for both networks: only "
                    "discriminator.trainable_variables learn in this phase; the generator must not change.",
                )
            _fail(
                lang,
                "Üreticinin aşamasında ayırtacın ağırlıklarına da gradyan alındı: hedefler burada yalan "
                "(sahtelere 1), ayırtaç da güncellenirse sahtelere 'gerçek' demeyi öğrenir. Yalnızca "
                "generator.trainable_variables.",
                "The generator phase took gradients for the discriminator too: its targets are a lie "
                "(1 for fakes), and a discriminator updated on them learns to call fakes real. Only "
                "generator.trainable_variables.",
            )
        if owners != ({"D"} if who == "d" else {"G"}):
            _fail(
                lang,
                "Eniyileyiciler karışmış: d_optimizer yalnızca ayırtacın, g_optimizer yalnızca üreticinin "
                "ağırlıklarını güncellemeli.",
                "The optimizers are mixed up: d_optimizer updates only the discriminator's weights, "
                "g_optimizer only the generator's.",
            )
    if [who for who, _ in calls] != ["d", "g"]:
        _fail(
            lang,
            "Önce ayırtaç bir kez güncellenir, sonra üretici bir kez (güncellenmiş ayırtacın içinden); "
            f"sizin sıranız: {', '.join(who for who, _ in calls)}.",
            "First the discriminator is updated once, then the generator once (through the updated "
            f"discriminator); your order: {', '.join(who for who, _ in calls)}.",
        )

    # the discriminator's gradients, against the alternatives a student might have computed
    chk_g, chk_d = _tiny_networks()
    fake = chk_g(draws[0], training=False)
    images = ops.concatenate([real, fake], axis=0)

    def d_gradients(real_target, fake_target):
        targets = np.r_[np.full((n, 1), real_target), np.full((n, 1), fake_target)].astype(np.float32)
        return _gradients(lambda: bce(targets, chk_d(images, training=True)), chk_d.trainable_variables)

    got_d = log[0][1]
    want_d = d_gradients(0.9, 0.0)
    if any(g is None for g in got_d):
        _fail(
            lang,
            "Ayırtacın bazı ağırlıklarının gradyanı None: kayıp GradientTape bloğunun içinde, "
            "ayırtaç çağrılarak hesaplanmalı.",
            "Some of the discriminator's gradients are None: compute the loss inside the "
            "GradientTape block, by calling the discriminator.",
        )
    if not _same(got_d, want_d):
        if _same(got_d, d_gradients(1.0, 0.0)):
            _fail(
                lang,
                "Ayırtaç yumuşatmasız eğitildi (gerçekler 1): tek taraflı etiket yumuşatmada gerçeklerin "
                "hedefi 0,9, sahtelerinki 0.",
                "The discriminator was trained without smoothing (real targets 1): with one-sided label "
                "smoothing real targets are 0.9 and fake targets 0.",
            )
        if _same(got_d, d_gradients(0.9, 0.1)):
            _fail(
                lang,
                "Sahtelerin hedefi de yumuşatılmış (0,1): yumuşatma tek taraflıdır, sahteler 0 kalır.",
                "The fakes' target was smoothed too (0.1): smoothing is one-sided, fakes stay at 0.",
            )
        if _same(got_d, d_gradients(0.0, 0.9)):
            _fail(
                lang,
                "Hedefler resimlerin sırasına uymuyor: concat([real, fake]) için önce n tane 0,9, "
                "sonra n tane 0.",
                "The targets do not follow the images' order: for concat([real, fake]) first n times 0.9, "
                "then n times 0.",
            )
        k = _scaled(got_d, want_d)
        if k is not None:
            _fail(
                lang,
                f"Ayırtacın gradyanı ganlib'inkinin {fmt.localize(f'{k:.3g}', 'tr')} katı: "
                "kayıp 2n resmin ortalaması olmalı "
                "(tek bir BinaryCrossentropy, concat([real, fake]) üzerinde), toplamı değil.",
                f"The discriminator's gradient is {k:.3g} times ganlib's: the loss must be the mean over "
                "the 2n images (one BinaryCrossentropy on concat([real, fake])), not a sum.",
            )
        _fail(
            lang,
            "Ayırtacın gradyanı ganlib'inkinden farklı. Sahteleri ilk gürültüden üretin; resimler "
            "concat([real, fake]), hedefler önce n tane 0,9, sonra n tane 0; kayıp ayırtacın "
            "olasılıkları üzerinde ikili çapraz entropi (from_logits olmadan), 2n resmin ortalaması.",
            "The discriminator's gradient differs from ganlib's. Make the fakes from the first noise; "
            "images concat([real, fake]), targets n times 0.9 then n times 0; the loss binary "
            "cross-entropy on the discriminator's probabilities (no from_logits), the mean over 2n images.",
        )

    # the generator's gradients: fresh noise, through the updated discriminator, targets 1
    chk_d.set_weights([np.array(w) for w in ref_d.weights])  # ganlib's discriminator after its step

    def g_gradients(z, target, sign=1.0):
        targets = np.full((n, 1), target, np.float32)

        def loss():
            return sign * bce(targets, chk_d(chk_g(z, training=True), training=True))

        return _gradients(loss, chk_g.trainable_variables)

    got_g = log[1][1]
    want_g = g_gradients(draws[1], 1.0)
    if any(g is None for g in got_g):
        _fail(
            lang,
            "Üreticinin bazı ağırlıklarının gradyanı None: sahteler GradientTape bloğunun içinde "
            "üretilmeli, yoksa gradyan ayırtaçtan üreticiye geri akamaz.",
            "Some of the generator's gradients are None: make the fakes inside the GradientTape "
            "block, or the gradient cannot flow back through the discriminator to the generator.",
        )
    if not _same(got_g, want_g):
        if _same(got_g, g_gradients(draws[0], 1.0)):
            _fail(
                lang,
                "Üretici adımı ayırtacın aşamasındaki gürültüyü yeniden kullanıyor: ikinci çektiğiniz "
                "taze gürültüyü kullanın.",
                "The generator phase reuses the discriminator phase's noise: use the fresh noise you "
                "drew second.",
            )
        if _same(got_g, g_gradients(draws[1], 0.9)):
            _fail(
                lang,
                "Üreticinin hedefi yumuşatılmış (0,9): yumuşatma yalnızca ayırtacı dizginler; üretici "
                "sahtelerine tam 'gerçek' (1) dedirtmek ister.",
                "The generator's target was smoothed (0.9): smoothing only reins in the discriminator; "
                "the generator wants its fakes called fully real (1).",
            )
        if _same(got_g, g_gradients(draws[1], 0.0)):
            _fail(
                lang,
                "Üreticinin hedefi 0: üretici sahtelerine 'gerçek' dedirtmek ister, hedef 1.",
                "The generator's target is 0: the generator wants its fakes called real, target 1.",
            )
        if _same(got_g, g_gradients(draws[1], 0.0, sign=-1.0)):
            _fail(
                lang,
                "Bu doyan kayıp, log(1 − D(G(z))): özgün minimaks oyunun kaybı, ayırtaç emin olduğunda "
                "gradyanı söner. Adım doymayan kaybı, −log D(G(z)), yani hedef 1 ile ikili çapraz "
                "entropiyi kullanır.",
                "That is the saturating loss, log(1 − D(G(z))) of the original minimax game, whose "
                "gradient vanishes when the discriminator is sure. The step uses the non-saturating "
                "loss, −log D(G(z)), i.e. binary cross-entropy against targets of 1.",
            )
        chk_d.set_weights(start_d)
        if _same(got_g, g_gradients(draws[1], 1.0)):
            _fail(
                lang,
                "Üreticinin kaybı, ayırtaç güncellenmeden önce hesaplanmış: üretici adımı, ayırtacın "
                "kendi adımından sonraki hâlinin içinden geçmeli.",
                "The generator's loss was computed before the discriminator was updated: the generator "
                "phase must go through the discriminator as it is after its own step.",
            )
        k = _scaled(got_g, want_g)
        if k is not None:
            _fail(
                lang,
                f"Üreticinin gradyanı ganlib'inkinin {fmt.localize(f'{k:.3g}', 'tr')} katı: "
                "kayıp n sahtenin ortalaması olmalı, "
                "toplamı değil.",
                f"The generator's gradient is {k:.3g} times ganlib's: the loss must be the mean over the "
                "n fakes, not a sum.",
            )
        _fail(
            lang,
            "Üreticinin gradyanı ganlib'inkinden farklı. İkinci gürültüden, bandın içinde sahte üretip "
            "ayırtaca verin; kayıp hedef 1'e karşı ikili çapraz entropi, n sahtenin ortalaması.",
            "The generator's gradient differs from ganlib's. Make fakes from the second noise inside "
            "the tape and pass them to the discriminator; the loss is binary cross-entropy against "
            "targets of 1, the mean over the n fakes.",
        )

    # the losses it returned are the ones it took gradients of
    chk_d.set_weights(start_d)
    want_losses = (
        float(bce(np.r_[np.full((n, 1), 0.9), np.zeros((n, 1))], chk_d(images))),
        float(bce(np.ones((n, 1)), ref_d(chk_g(draws[1])))),
    )
    try:
        got_losses = tuple(float(ops.convert_to_numpy(x)) for x in out)
    except (TypeError, ValueError):
        got_losses = (math.nan, math.nan)
    if not np.allclose(got_losses, want_losses, rtol=1e-4, atol=1e-6):
        _fail(
            lang,
            "Güncellemeler doğru ama döndürülen kayıplar değil: gradyanını aldığınız iki kaybı, "
            "(d_loss, g_loss) sırasıyla, birer sayı olarak döndürün.",
            "The updates are right but the returned losses are not: return the two losses you took "
            "gradients of, as (d_loss, g_loss), one number each.",
        )

    # finally the weights of both networks, after one step and after a second one
    for step, want in ((1, after_one), (2, None)):
        if want is None:
            gan.train_step(real)
            run_student()
            want = (_weights(ref_g), _weights(ref_d))
        if not (_same(_weights(gen), want[0]) and _same(_weights(disc), want[1])):
            _fail(
                lang,
                f"{step}. adımdan sonra ağırlıklar ganlib'in adımındakilerden farklı: her aşamada "
                "gradyanı verilen eniyileyiciyle bir kez uygulayın ve başka bir şeyi değiştirmeyin.",
                f"After step {step} the weights differ from those of ganlib's step: apply each phase's "
                "gradients once with the optimizer given, and change nothing else.",
            )
    _ok(
        lang,
        "Doğru: iki adımdan sonra iki ağın ağırlıkları da ganlib'in GAN.train_step'iyle aynı "
        "(taze gürültü, 0,9/0 hedefleri, hedef 1, her aşamada tek ağ).",
        "Right: after two steps both networks' weights match ganlib's GAN.train_step "
        "(fresh noise, targets 0.9/0, target 1, one network per phase).",
    )


# ---------------------------------------------------------------------------------------------
# predictions: numbers the student works out before the chapter shows them
# ---------------------------------------------------------------------------------------------


def _number(answer, lang: str | None = None) -> float:
    _not_done(answer, lang)
    if isinstance(answer, bool) or not isinstance(answer, (Real, np.number)):
        _fail(
            lang,
            f"Bir sayı bekleniyordu, {type(answer).__name__} geldi.",
            f"Expected a number, got {type(answer).__name__}.",
        )
    return float(answer)


def _entropy(p: float) -> float:
    return -(p * math.log(p) + (1 - p) * math.log(1 - p))


def check_loss_floor(floor, lang: str | None = None) -> None:
    """The smallest d_loss a discriminator can report with targets 0.9 (real) and 0 (fake):
    the real half at best D = 0.9, the fake half at 0, averaged over 2n images."""
    value = _number(floor, lang)
    want = _entropy(0.9) / 2
    if abs(value - want) < 2e-3:
        _ok(
            lang,
            f"Doğru: yaklaşık {fmt.number(want, 3, lang='tr')}"
            " — gerçek yarının tabanı, sahte yarının 0'ıyla ortalanır.",
            f"Right: about {want:.3f} — the real half's floor, averaged with the fake half's 0.",
        )
        return
    close = [
        (
            _entropy(0.9),
            "Bu yalnızca gerçek yarının tabanı. d_loss 2n resmin ortalamasıdır ve sahte yarının kaybı "
            "0'a inebilir.",
            "That is the real half's floor alone. d_loss is the mean over 2n images, and the fake "
            "half's loss can reach 0.",
        ),
        (
            0.0,
            "0 yumuşatmasız eğitimin tabanı. Hedef 0,9 iken bir gerçek resmin kaybı, D(x) ne olursa "
            "olsun, sıfıra inemez.",
            "0 is the floor without smoothing. With target 0.9 a real image's loss cannot reach zero, "
            "whatever D(x) is.",
        ),
        (
            math.log(2),
            "ln 2, ayırt edemeyen bir polisin kaybıdır; taban, en iyi polisin kaybı.",
            "ln 2 is the loss of police who cannot tell; the floor is the loss of the best police.",
        ),
        (
            -math.log(0.9),
            "−ln 0,9, hedef 1 iken D(x) = 0,9'daki kayıptır. Hedef 0,9 iken kayıpta "
            "(1 − y)·ln(1 − p) terimi de kalır.",
            "−ln 0.9 is the loss at D(x) = 0.9 for target 1. With target 0.9 the term "
            "(1 − y)·ln(1 − p) stays in the loss too.",
        ),
        (
            -math.log(0.9) / 2,
            "Bu, hedef 1 ile hesaplanmış bir gerçek yarı. Hedef 0,9 iken kayıpta (1 − y)·ln(1 − p) "
            "terimi de kalır.",
            "That is a real half computed with target 1. With target 0.9 the term (1 − y)·ln(1 − p) "
            "stays in the loss too.",
        ),
    ]
    _fail_if_known(value, close, lang, rtol=0, atol=2e-3)
    _fail(
        lang,
        "Değil. Gerçek bir resmin kaybı hedef 0,9 iken D(x) hangi değerdeyken en küçüktür ve o değer "
        "nedir? Sahte bir resmin kaybı en az ne olabilir? d_loss bu 2n kaybın ortalamasıdır.",
        "Not quite. At which D(x) is a real image's loss smallest with target 0.9, and what is it "
        "there? How low can a fake image's loss go? d_loss is the mean of these 2n losses.",
    )


def check_never_seen(fraction, lang: str | None = None) -> None:
    """The expected share of the 60,000 images the post's loop never draws in one epoch:
    468 batches of 128, each image drawn with np.random.randint (with replacement)."""
    value = _number(fraction, lang)
    draws = (60_000 // 128) * 128
    want = (1 - 1 / 60_000) ** draws
    if abs(value - want) < 5e-3:
        _ok(
            lang,
            f"Doğru: yaklaşık %{fmt.number(100 * want, 1, lang='tr')} (≈ 1/e). Her çekiliş 60.000 resimden "
            "birini yerine koyarak seçer.",
            f"Right: about {100 * want:.1f}% (≈ 1/e). Every draw picks one of 60,000 images with "
            "replacement.",
        )
        return
    if 1 < value <= 100:
        _fail(
            lang,
            "Yüzde değil, 0 ile 1 arasında bir oran verin (örneğin %25 için 0.25).",
            "Give a fraction between 0 and 1, not a percentage (e.g. 0.25 for 25%).",
        )
    if abs(value) < 1e-9 or abs(value - 96 / 60_000) < 5e-4:
        _fail(
            lang,
            "Bu ganlib'in dönemi: karıştırılmış bir sırada her resim en çok bir kez (artan 96'sı "
            "dışında). Yazının döngüsü ise her yığını np.random.randint ile, yerine koyarak çeker: "
            "bir resim iki kez gelebilir, bir başkası hiç.",
            "That is ganlib's epoch: a shuffled order, each image at most once (bar the 96 left over). "
            "The post's loop draws every batch with np.random.randint, with replacement: one image can "
            "come twice, another never.",
        )
    if abs(value - (1 - want)) < 5e-3:
        _fail(
            lang,
            "Bu en az bir kez görülenlerin payı; soru hiç görülmeyenlerinki.",
            "That is the share seen at least once; the question asks for the share never seen.",
        )
    _fail(
        lang,
        "Değil. Tek bir resmi düşünün: bir çekilişin onu ıskalama olasılığı 1 − 1/60.000. Bir dönemde "
        "kaç çekiliş var (468 yığın × 128) ve hepsinin onu ıskalama olasılığı nedir?",
        "Not quite. Think of one image: the chance that one draw misses it is 1 − 1/60,000. How many "
        "draws are there in an epoch (468 batches × 128), and what is the chance that all of them miss it?",
    )
