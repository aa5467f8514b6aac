from build_notebooks import code, exercise, exercises_heading, md, question

SLUG = {"tr": "04-etiketler", "en": "04-labels"}
TITLE = {"tr": "Etiketleri kurmak", "en": "Building the labels"}

CELLS = [
    md(
        tr="""
Bir sınıflandırıcıyı eğitmek için girdi $X$ ve etiket $y$ gerekir. Ayırtaç da bir sınıflandırıcı
([Ayırtaç](../tr/02-ayirtac.ipynb)), ama onun sorusu "bu hangi rakam?" değil, "bu gerçek mi, sahte
mi?". Bu sorunun etiketlerini kimse elle yazmadı; onları **kendimiz kuruyoruz**. Kural basit:
MNIST'ten aldığımız her resim gerçektir, üreticinin az önce ürettiği her resim sahtedir. Bu bölümde
bu etiketleri sayı sayı kuracağız, gerçek tarafın neden 1 değil de 0,9 olduğunu ve üreticinin
kendi adımında neden bütün hedeflerin 1 olduğunu göreceğiz.
""",
        en="""
Training a classifier takes inputs $X$ and labels $y$. The discriminator is a classifier
([The discriminator](../en/02-discriminator.ipynb)), but its question is not "which digit is this?"
but "is this real or fake?". Nobody wrote labels for that question by hand; **we make them
ourselves**. The rule is simple: every image we take from MNIST is real, every image the generator
has just made is fake. In this chapter we build those labels number by number, see why the real side
is 0.9 rather than 1, and why the generator's own step uses targets of all ones.
""",
    ),
    code(
        """
import ganlib
import keras
import matplotlib.pyplot as plt
import numpy as np
from ganlib.data import load_mnist, scale_images
from ganlib.labels import discriminator_batch, discriminator_targets, generator_targets
from ganlib.models import build_discriminator, build_generator
from ganlib.plotting import show_grid
from ganlib.sampling import generate, noise
"""
    ),
    md(
        tr="""
## MNIST'in etiketleri: yüklenir, kullanılmaz

`load_mnist` her rakamın yanında 0–9 arası etiketini de döndürür:
""",
        en="""
## MNIST's labels: loaded, not used

`load_mnist` returns each digit's 0–9 label along with the image:
""",
    ),
    code(
        tr="""
images, labels = load_mnist()
print(images.shape, images.dtype, labels.shape, labels.dtype)
print(labels[:8])
show_grid(images[:8], ncols=8, captions=labels[:8], title="MNIST'in kendi etiketleri")
plt.show()
""",
        en="""
images, labels = load_mnist()
print(images.shape, images.dtype, labels.shape, labels.dtype)
print(labels[:8])
show_grid(images[:8], ncols=8, captions=labels[:8], title="MNIST's own labels")
plt.show()
""",
    ),
    md(
        tr="""
Bu bölümden sonra `labels` değişkenine bir daha dokunmuyoruz. Polis için bir 7 ile bir 2 arasında
fark yoktur: ikisi de gerçektir. GAN'lerin "denetimsiz" öğrendiğini söylerken kastedilen budur:
kimsenin etiketlemediği bir resim yığını yeter, gerçek/sahte ayrımını eğitim döngüsü kendisi
üretir. (Kitapta kullanılan, `ganlib` ile gelen 10.000 rakamlık MNIST test kümesidir; Colab'de
Keras'ın 60.000 rakamlık eğitim kümesi yüklenir ve ilk satır ona göre değişir.)

## Hedefler: gerçek 0,9, sahte 0

`ganlib.labels` iki hedef vektörü kurar. Ayırtacın adımı için önce $n$ gerçek, sonra $n$ sahte
resim gelir; hedefler de aynı sırada: $n$ tane 0,9 ve $n$ tane 0. Üreticinin adımı için $n$ tane 1:
""",
        en="""
After this point we never touch `labels` again. To the police, a 7 and a 2 are no different: both are
real. This is what "GANs learn without supervision" means: a pile of images that nobody has labelled is
enough, and the training loop produces the real/fake distinction itself. (The book uses the 10,000-digit
MNIST test split bundled with `ganlib`; on Colab, Keras' 60,000-digit training split is loaded, and
the first line changes accordingly.)

## The targets: real 0.9, fake 0

`ganlib.labels` builds two target vectors. The discriminator's step sees $n$ real images first, then
$n$ fakes, and its targets come in the same order: $n$ times 0.9, then $n$ times 0. The generator's
step gets $n$ ones:
""",
    ),
    code(
        tr="""
print(discriminator_targets(4))  # ayırtaç: 4 gerçek, 4 sahte
print(discriminator_targets(4, smoothing=1.0))  # yumuşatmasız
print(generator_targets(4))  # üretici: "sahtelerime gerçek de"
""",
        en="""
print(discriminator_targets(4))  # discriminator: 4 real, 4 fake
print(discriminator_targets(4, smoothing=1.0))  # without smoothing
print(generator_targets(4))  # generator: "call my fakes real"
""",
    ),
    md(
        tr="""
## Bir yığın: gerçekler ve sahteler yan yana

Şimdi ayırtacın bir eğitim adımında göreceği yığının küçük bir örneğini kuralım: 8 gerçek rakam
(ölçeklenmiş) ve henüz eğitilmemiş bir üreticinin 8 sahtesi. `discriminator_batch` resimleri
`concat([gerçek, sahte])` sırasıyla birleştirir ve hedefleri yanına koyar. Her resmin altında
hedefi yazıyor:
""",
        en="""
## One batch: reals and fakes side by side

Let us build a small version of the batch the discriminator sees in one training step: 8 real digits
(scaled) and 8 fakes from a generator that has not been trained yet. `discriminator_batch` joins the
images in the order `concat([real, fake])` and puts the targets beside them. Under each image is its
target:
""",
    ),
    code(
        tr="""
keras.utils.set_random_seed(0)
generator = build_generator()
real = scale_images(images[:8])
fake = generate(generator, noise(8, seed=0))
x, y = discriminator_batch(real, fake)
print(x.shape, y)
show_grid(x, ncols=8, captions=[f"{t:.1f}" for t in y], title="Ayırtacın bir yığını ve hedefleri")
plt.show()
""",
        en="""
keras.utils.set_random_seed(0)
generator = build_generator()
real = scale_images(images[:8])
fake = generate(generator, noise(8, seed=0))
x, y = discriminator_batch(real, fake)
print(x.shape, y)
show_grid(x, ncols=8, captions=[f"{t:.1f}" for t in y], title="One discriminator batch and its targets")
plt.show()
""",
    ),
    code(
        """
assert np.array_equal(x[:8], real) and np.array_equal(x[8:], fake)
assert np.array_equal(y, discriminator_targets(8))
"""
    ),
    md(
        tr="""
**Sıra neden önemli?** Bir hedefi resmine bağlayan tek şey **konumudur**: $i$'nci hedef $i$'nci
resmin hedefidir. Resimleri `concat([sahte, gerçek])` diye birleştirip hedefleri olduğu gibi
bıraksaydık biçimler yine tutardı, Keras hiçbir hata vermezdi ve kayıp yine düşerdi; ama polise tam
tersini, yani sahtelere "gerçek" demeyi öğretmiş olurduk. Bu tür bir hata hiçbir uyarı vermeden
eğitimi bozar; bu yüzden resimleri ve hedefleri aynı fonksiyon kuruyor ve yukarıdaki `assert`'ler
sırayı denetliyor. Kaynak koddaki eğitim döngüsü de aynı sırayı kullanır: önce gerçekler, sonra
sahteler, ilk yarı 0,9, ikinci yarı 0.

## Üreticinin adımı: "sahtelerime gerçek de"

Ayırtacın adımından sonra üreticinin adımı gelir. Yeni gürültüden sahteler üretilir, ayırtaca
gösterilir ve kayıp, `generator_targets` ile, yani **1**'lere karşı hesaplanır. Bu adımda yalnızca
üreticinin ağırlıkları güncellenir; polis olduğu gibi kalır. Kalpazan, polisin kendi sahtelerine
"gerçek" demesini istemektedir; kaybın gradyanı polisin içinden geriye, üreticinin ağırlıklarına akar
ve onlara bunun için nasıl değişmeleri gerektiğini söyler.

Hasımsal oyunun özgün tanımında {cite}`goodfellow2014` üretici $\\log(1 - D(G(z)))$'yi küçültür.
1 hedefiyle ikili çapraz entropi ise $-\\log D(G(z))$'yi küçültmek demektir. Aynı yöne iterler, ama
eğitimin başında, polis sahteleri kolayca yakalarken ($D(G(z)) \\approx 0$) davranışları çok farklıdır:
ilkinin logite göre gradyanı $D(G(z))$ kadardır, yani neredeyse sıfır; ikincininki
$1 - D(G(z)) \\approx 1$'dir. Goodfellow ve arkadaşlarının da önerdiği gibi, 1 hedefleri kalpazana tam
en çok ihtiyaç duyduğu anda güçlü bir geri bildirim sağlar.

## Kayıp: ikili çapraz entropi

Her iki adımın kaybı da ikili çapraz entropidir (binary cross-entropy). Hedef $y$ ve ayırtacın cevabı
$p = D(x)$ için tek bir resmin kaybı:

$$\\ell(y, p) = -\\left[\\, y \\log p + (1 - y) \\log (1 - p) \\,\\right]$$

$y = 1$ iken yalnızca $-\\log p$ kalır: $p$ 1'e yaklaştıkça kayıp sıfıra iner. $y = 0$ iken
$-\\log(1 - p)$ kalır: $p$ 0'a yaklaştıkça sıfıra iner. Yığının kaybı, resimlerin kayıplarının
ortalamasıdır. Birkaç sayı hesaplayalım ve Keras'ın sonucuyla karşılaştıralım:
""",
        en="""
**Why does the order matter?** The only thing that ties a target to its image is its **position**:
target $i$ belongs to image $i$. Had we joined the images as `concat([fake, real])` and left the targets
as they are, the shapes would still match, Keras would raise no error, and the loss would still go
down; but we would be teaching the police the exact opposite, to call fakes real. A mistake like this
spoils training without any warning, which is why one function builds both images and targets and the
`assert`s above check the order. The source code's training loop uses the same order: reals first, then
fakes; the first half 0.9, the second half 0.

## The generator's step: "call my fakes real"

After the discriminator's step comes the generator's. Fresh noise is turned into fakes, the fakes are
shown to the discriminator, and the loss is computed against `generator_targets`, that is, against
**ones**. Only the generator's weights are updated in this step; the police stays as it is. The
counterfeiter wants the police to call its fakes real; the gradient of this loss flows back through the
police into the generator's weights and tells them how to change to get there.

In the original formulation of the adversarial game {cite}`goodfellow2014` the generator minimises
$\\log(1 - D(G(z)))$. Binary cross-entropy against a target of 1 minimises $-\\log D(G(z))$ instead. Both
push in the same direction, but they behave very differently early in training, when the police catches
fakes easily ($D(G(z)) \\approx 0$): the gradient of the first with respect to the logit is $D(G(z))$,
almost zero, while that of the second is $1 - D(G(z)) \\approx 1$. As Goodfellow et al. suggest, targets
of ones give the counterfeiter strong feedback exactly when it needs it most.

## The loss: binary cross-entropy

Both steps use binary cross-entropy. For a target $y$ and the discriminator's answer $p = D(x)$, the loss
for one image is

$$\\ell(y, p) = -\\left[\\, y \\log p + (1 - y) \\log (1 - p) \\,\\right]$$

With $y = 1$ only $-\\log p$ is left: the loss goes to zero as $p$ goes to 1. With $y = 0$ only
$-\\log(1 - p)$ is left: it goes to zero as $p$ goes to 0. A batch's loss is the mean over its images.
Let us compute a few numbers and check them against Keras:
""",
    ),
    code(
        tr="""
def bce(y, p):
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


for p in (0.5, 0.9, 0.99, 0.999):
    print(f"p = {p:<5}  y = 1 → {bce(1.0, p):.3f}   y = 0.9 → {bce(0.9, p):.3f}")

keras_bce = keras.losses.BinaryCrossentropy()
for target in (1.0, 0.9):
    print(f"Keras, p = 0.9, y = {target}: {float(keras_bce([[target]], [[0.9]])):.3f}")
""",
        en="""
def bce(y, p):
    return -(y * np.log(p) + (1 - y) * np.log(1 - p))


for p in (0.5, 0.9, 0.99, 0.999):
    print(f"p = {p:<5}  y = 1 → {bce(1.0, p):.3f}   y = 0.9 → {bce(0.9, p):.3f}")

keras_bce = keras.losses.BinaryCrossentropy()
for target in (1.0, 0.9):
    print(f"Keras, p = 0.9, y = {target}: {float(keras_bce([[target]], [[0.9]])):.3f}")
""",
    ),
    code(
        tr="""
p = np.linspace(0.001, 0.999, 500)
plt.figure(figsize=(5, 3))
for target in (1.0, 0.9, 0.0):
    plt.plot(p, bce(target, p), label=f"y = {target}")
plt.axvline(0.9, color="0.4", lw=0.8, ls=":")
plt.ylim(0, 3)
plt.xlabel("ayırtacın cevabı p = D(x)")
plt.ylabel("kayıp")
plt.legend()
plt.show()
""",
        en="""
p = np.linspace(0.001, 0.999, 500)
plt.figure(figsize=(5, 3))
for target in (1.0, 0.9, 0.0):
    plt.plot(p, bce(target, p), label=f"y = {target}")
plt.axvline(0.9, color="0.4", lw=0.8, ls=":")
plt.ylim(0, 3)
plt.xlabel("the discriminator's answer p = D(x)")
plt.ylabel("loss")
plt.legend()
plt.show()
""",
    ),
    md(
        tr="""
## Neden 0,9? Tek taraflı etiket yumuşatma

Tabloya ve eğrilere bakın. Hedef 1 iken kayıp, $p$ 1'e yaklaştıkça hep azalır: 0,9'da 0,105, 0,99'da
0,010, 0,999'da 0,001. Polis bir gerçek rakama ne kadar emin "gerçek" derse o kadar ödüllendirilir,
ve bunun bir sonu yoktur. Hedef 0,9 iken kayıp en küçük değerine tam $p = 0{,}9$'da ulaşır (0,325;
sıfır değil) ve ötesinde yeniden artar: 0,99'da 0,470, 0,999'da 0,692. Sigmoid ile ikili çapraz
entropinin birleşiminde kaybın logite göre türevi çok sade bir biçim alır, $p - y$. $y = 1$ için bu
türev $p$ 1 olmadıkça hep negatiftir, yani logiti sonsuza dek yukarı iter; $y = 0{,}9$ için $p$
0,9'u geçince işaret değiştirir ve polisi geri çeker.

Buna **etiket yumuşatma** denir; GAN'ler için Salimans ve arkadaşları önermiştir {cite}`salimans2016`.
Neden işe yarar? Kendinden fazla emin bir polisin kararı bir uçuruma benzer: sınırdan uzakta dümdüz,
sınırın yakınında dik. Düz bölgelerde kalpazana giden gradyan neredeyse yok olur, dik bölgelerde ise
piksellerdeki küçük bir değişiklik kararı bir uçtan öbürüne savurur. İkisi de kalpazan için kullanışsız
geri bildirimdir. Hedefi 0,9'da tutmak polisin logitlerini makul sınırlar içinde tutar, kararını
yumuşak bırakır ve kalpazanın önüne fazla geçmesini zorlaştırır.

**Neden yalnızca gerçek taraf?** Sahtelerin hedefini de, diyelim, 0,1 yapsaydık ne olurdu? Bir $x$
resmi için polisin en iyi cevabı, $x$'e benzeyen bütün resimlerin hedeflerinin ortalamasıdır. Gerçek
rakamlar $p_\\text{veri}(x)$ yoğunluğuyla ve $\\alpha$ hedefiyle, sahteler $p_\\text{üretici}(x)$
yoğunluğuyla ve $\\beta$ hedefiyle geldiğine göre:

$$D^*(x) = \\frac{\\alpha\\, p_\\text{veri}(x) + \\beta\\, p_\\text{üretici}(x)}{p_\\text{veri}(x) + p_\\text{üretici}(x)}$$

$\\beta > 0$ iken üreticinin yoğunluğu paya da girer. Hiç gerçek rakamın olmadığı bir yerde,
$p_\\text{veri}(x) \\approx 0$, üretici sahte basmayı sürdürdükçe polisin cevabı $\\beta$'ya çıkar: polis
kalpazanın kendi hatalarını biraz "gerçek" saymaya başlar ve kalpazanın oradan uzaklaşması için bir
neden kalmaz {cite}`salimans2016`. $\\beta = 0$ iken pay yalnızca gerçek veriden gelir; sahtelerin
yığıldığı yerde $D^*$ düşer ve kalpazan oradan itilir. Bu yüzden yumuşatma **tek taraflıdır**:
gerçekler 0,9, sahteler 0. Üreticinin kendi hedefleri de 0,9 değil 1'dir: yumuşatma polisi dizginlemek
içindir, kalpazan ise sonuna kadar "gerçek" denmesini hedefler.

## Eğitilmemiş polisin kaybı

Son olarak, henüz eğitilmemiş bir ayırtacın yukarıdaki yığın üzerindeki kaybını hesaplayalım:
""",
        en="""
## Why 0.9? One-sided label smoothing

Look at the table and the curves. With target 1, the loss keeps falling as $p$ approaches 1: 0.105 at
0.9, 0.010 at 0.99, 0.001 at 0.999. The more certain the police is that a real digit is real, the more it
is rewarded, without end. With target 0.9, the loss reaches its minimum exactly at $p = 0.9$ (0.325, not
zero) and rises again beyond it: 0.470 at 0.99, 0.692 at 0.999. For a sigmoid followed by binary
cross-entropy, the derivative of the loss with respect to the logit takes a very simple form, $p - y$.
For $y = 1$ it is negative whenever $p < 1$, pushing the logit up forever; for $y = 0.9$ it changes sign
once $p$ passes 0.9 and pulls the police back.

This is **label smoothing**, proposed for GANs by Salimans et al. {cite}`salimans2016`. Why does it help?
An over-confident police's verdict looks like a cliff: flat far from the boundary and steep near it. On
the flat parts the gradient reaching the counterfeiter all but vanishes; on the steep parts a tiny change
in the pixels flings the verdict from one extreme to the other. Neither is useful feedback for the
counterfeiter. Holding the target at 0.9 keeps the police's logits within reasonable bounds, its verdict
soft, and makes it harder for the police to run far ahead of the counterfeiter.

**Why only the real side?** What if we also set the fakes' target to, say, 0.1? For an image $x$, the
police's best answer is the average target of all the images that look like $x$. Real digits arrive with
density $p_\\text{data}(x)$ and target $\\alpha$, fakes with density $p_\\text{gen}(x)$ and target $\\beta$,
so

$$D^*(x) = \\frac{\\alpha\\, p_\\text{data}(x) + \\beta\\, p_\\text{gen}(x)}{p_\\text{data}(x) + p_\\text{gen}(x)}$$

With $\\beta > 0$ the generator's density appears in the numerator. Where there are no real digits at
all, $p_\\text{data}(x) \\approx 0$, the police's answer rises to $\\beta$ as long as the generator keeps
putting fakes there: the police starts counting the counterfeiter's own mistakes as a little bit real,
and the counterfeiter has no reason to move away from them {cite}`salimans2016`. With $\\beta = 0$ the
numerator comes from the real data alone; where fakes pile up, $D^*$ drops and the counterfeiter is
pushed away. That is why the smoothing is **one-sided**: reals 0.9, fakes 0. The generator's own targets
are 1, not 0.9, too: smoothing is there to rein in the police, while the counterfeiter aims to be called
real all the way.

## An untrained police's loss

Finally, the loss of a discriminator that has not been trained yet, on the batch above:
""",
    ),
    code(
        tr="""
keras.utils.set_random_seed(0)
discriminator = build_discriminator()
d = discriminator.predict(x, verbose=0)[:, 0]
print(d.round(2))
print("kayıp:", bce(y, d).mean().round(3), "  ln 2:", np.log(2).round(3))
""",
        en="""
keras.utils.set_random_seed(0)
discriminator = build_discriminator()
d = discriminator.predict(x, verbose=0)[:, 0]
print(d.round(2))
print("loss:", bce(y, d).mean().round(3), "  ln 2:", np.log(2).round(3))
""",
    ),
    md(
        tr="""
Polis her resme ≈ 0,5 diyor (gerçeklere de sahtelere de), ve $p = 0{,}5$'te kayıp hedef ne olursa
olsun $-[y \\log 0{,}5 + (1-y) \\log 0{,}5] = \\ln 2 \\approx 0{,}693$'tür; yığının kaybı da buna çok
yakın çıkıyor. [Eğitim](../tr/05-egitim.ipynb) bölümündeki kayıp eğrilerini okurken bu sayıyı hatırlayın: ayırtacın kaybı buradan başlar.

## Özet

- GAN'in etiketlerini kendimiz kuruyoruz: MNIST'ten gelen her resim gerçek, üreticinin her resmi
  sahte. MNIST'in 0–9 etiketleri yüklenir ama kullanılmaz.
- Ayırtacın hedefleri `discriminator_targets`: önce $n$ tane 0,9 (gerçek), sonra $n$ tane 0 (sahte).
  Resimler de aynı sırayla, `concat([gerçek, sahte])`, birleştirilmelidir; hedefi resmine bağlayan tek
  şey konumudur.
- Üreticinin hedefleri `generator_targets`: hep 1, "sahtelerime gerçek de". Bu, eğitimin başında
  güçlü gradyan verir {cite}`goodfellow2014`.
- Kayıp ikili çapraz entropidir, $-[y\\log p + (1-y)\\log(1-p)]$; eğitilmemiş polis için
  $\\ln 2 \\approx 0{,}693$.
- Tek taraflı etiket yumuşatma (gerçek 0,9) polisin aşırı emin olmasını engeller; sahte tarafı
  yumuşatmak kalpazanın hatalarını ödüllendirirdi {cite}`salimans2016`.
""",
        en="""
The police says ≈ 0.5 to every image, real or fake, and at $p = 0.5$ the loss is
$-[y \\log 0.5 + (1-y) \\log 0.5] = \\ln 2 \\approx 0.693$ whatever the target; the batch's loss comes out
very close to it. Remember this number when you
read the loss curves in [Training](../en/05-training.ipynb): it is where the discriminator's loss starts.

## Summary

- We make the GAN's labels ourselves: every image from MNIST is real, every image from the generator is
  fake. MNIST's 0–9 labels are loaded but not used.
- The discriminator's targets, `discriminator_targets`: $n$ times 0.9 (real), then $n$ times 0 (fake).
  The images must be joined in the same order, `concat([real, fake])`; position is the only thing that
  ties a target to its image.
- The generator's targets, `generator_targets`: all ones, "call my fakes real". This gives strong
  gradients early in training {cite}`goodfellow2014`.
- The loss is binary cross-entropy, $-[y\\log p + (1-y)\\log(1-p)]$; $\\ln 2 \\approx 0.693$ for an
  untrained police.
- One-sided label smoothing (real 0.9) keeps the police from becoming over-confident; smoothing the fake
  side would reward the counterfeiter's mistakes {cite}`salimans2016`.
""",
    ),
]

CELLS += [
    exercises_heading(),
    *exercise(
        "04-targets",
        title={"tr": "Ayırtacın hedeflerini kendiniz yazın", "en": "Write the discriminator's targets yourself"},
        text={
            "tr": """`my_targets(batch_size, smoothing)` fonksiyonunu yazın: `2 * batch_size` uzunluğunda,
önce `batch_size` tane `smoothing` (gerçekler), sonra `batch_size` tane 0 (sahteler) içeren bir
float32 dizisi döndürsün. `smoothing=1.0` yumuşatmasız hâldir.""",
            "en": """Write `my_targets(batch_size, smoothing)`: it returns a float32 array of length
`2 * batch_size` holding `batch_size` times `smoothing` (the real images) followed by `batch_size`
zeros (the fakes). `smoothing=1.0` means no smoothing.""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: gövdeyi yazın (np.full, np.zeros, np.concatenate işinize yarar)
def my_targets(batch_size, smoothing=0.9):
    raise NotImplementedError""",
            "en": """# ✏️ EXERCISE: write the body (np.full, np.zeros, np.concatenate will help)
def my_targets(batch_size, smoothing=0.9):
    raise NotImplementedError""",
        },
        solution={
            "tr": """# Önce gerçekler, sonra sahteler: concat([real, fake]) ile aynı sıra
def my_targets(batch_size, smoothing=0.9):
    real = np.full(batch_size, smoothing, dtype=np.float32)
    fake = np.zeros(batch_size, dtype=np.float32)
    return np.concatenate([real, fake])""",
            "en": """# Real first, then fake: the same order as concat([real, fake])
def my_targets(batch_size, smoothing=0.9):
    real = np.full(batch_size, smoothing, dtype=np.float32)
    fake = np.zeros(batch_size, dtype=np.float32)
    return np.concatenate([real, fake])""",
        },
        check='from ganlib import exercises\n\nexercises.check_discriminator_targets(my_targets, lang="{lang}")',
    ),
    *question(
        "04-smooth-fake",
        title={"tr": "Neden sahte taraf yumuşatılmaz?", "en": "Why not smooth the fake side?"},
        text={
            "tr": """Sahtelerin etiketini 0 yerine 0,1 yapsaydık ne olurdu? En iyi ayırtacın formülünü
düşünün: $D^*(x) = \\dfrac{a\\,p_{\\text{veri}}(x) + b\\,p_{\\text{model}}(x)}{p_{\\text{veri}}(x) + p_{\\text{model}}(x)}$;
burada $a$ gerçeklerin, $b$ sahtelerin etiketidir.""",
            "en": """What would happen if the fake targets were 0.1 instead of 0? Think of the best
possible discriminator: $D^*(x) = \\dfrac{a\\,p_{\\text{data}}(x) + b\\,p_{\\text{model}}(x)}{p_{\\text{data}}(x) + p_{\\text{model}}(x)}$,
where $a$ is the real target and $b$ the fake one.""",
        },
        answer={
            "tr": """$b > 0$ olunca, verinin hiç bulunmadığı ($p_{\\text{veri}}(x) = 0$) ama üreticinin
resim ürettiği yerlerde bile $D^*(x) = b > 0$ olur: polis, kalpazanın yanlış yerlere koyduğu
sahtelere "biraz gerçek" demeye başlar. Üretici o hatalı bölgelerden uzaklaşmak için sinyal almaz;
hatta oraları ödüllendirilmiş bulur. Gerçek tarafı 0,9'a indirmek ise yalnızca polisin güvenini
kırpar; hiçbir yanlış bölgeyi ödüllendirmez. Bu yüzden yumuşatma tek taraflıdır {cite}`salimans2016`.""",
            "en": """With $b > 0$, wherever the generator puts images but the data has none
($p_{\\text{data}}(x) = 0$) we still get $D^*(x) = b > 0$: the police starts calling the counterfeiter's
misplaced fakes "a bit real". The generator gets no push away from those wrong regions; they even
look rewarded. Lowering the real side to 0.9 only trims the police's confidence and rewards no wrong
region. That is why the smoothing is one-sided {cite}`salimans2016`.""",
        },
    ),
]
