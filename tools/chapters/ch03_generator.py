from build_notebooks import code, exercise, exercises_heading, md, question

SLUG = {"tr": "03-uretici", "en": "03-generator"}
TITLE = {"tr": "Üretici", "en": "The generator"}

CELLS = [
    md(
        tr="""
Sıra kalpazanda. Üretici (generator), ayırtacın tersine, resim almaz, resim **verir**: girdisi bir
sayı vektörü, çıktısı 28×28'lik bir rakam resmidir. Peki girdi ne olmalı? Kaynak yazının cevabı
kısa: **gürültü**.

Düşünün: bir ağdan hayal kurmasını, daha önce var olmayan bir rakam uydurmasını istiyoruz. Ona bir
rakamın tarifini ya da bir örneğini verirsek kopyalamaya yönelir. Hiçbir şey anlatmayan rastgele
sayılardan, neredeyse "hiçlikten" daha dürüst bir başlangıç noktası düşünmek zor. Gürültünün ikinci
ve çok pratik bir faydası da var: her seferinde farklı gürültü vererek her seferinde farklı bir
rakam alabiliriz. Eğitim, üreticiyi gürültüyü rakama çeviren bir fonksiyona dönüştürür; gürültüdeki
küçük farklar da bu fonksiyonda farklı kalınlıklara, eğimlere, hatta farklı rakamlara karşılık
gelmeye başlar.
""",
        en="""
Now for the counterfeiter. Unlike the discriminator, the generator does not take an image, it
**produces** one: its input is a vector of numbers and its output is a 28×28 image of a digit. So what
should the input be? The source post's answer is short: **noise**.

Think about it: we want a network to imagine, to make up a digit that did not exist before. Hand it a
description or an example of a digit and it will lean towards copying. Random numbers that describe
nothing, something close to "nothing at all", are about the most honest starting point there is. Noise
also has a very practical benefit: feed different noise each time and you get a different digit each
time. Training turns the generator into a function from noise to digits, and small differences in the
noise come to mean different stroke widths, slants, even different digits.
""",
    ),
    code(
        """
import ganlib
import keras
import matplotlib.pyplot as plt
import numpy as np
from ganlib.config import run_sizes
from ganlib.models import build_generator
from ganlib.plotting import show_grid
from ganlib.sampling import generate, noise
"""
    ),
    md(
        tr="""
## Gürültü: N(0, 1)

Gürültüyü standart normal dağılımdan, $\\mathcal{N}(0, 1)$'den çekiyoruz: ortalaması 0, standart
sapması 1 olan çan eğrisi. Kaynak yazının dediği gibi, değerler bazen 0'ın solundan, bazen sağından
gelir; çoğu −2 ile 2 arasındadır. `ganlib.sampling.noise(n, seed=...)` bu dağılımdan `n` tane
200 boyutlu vektör çeker; aynı `seed` her zaman aynı gürültüyü verir. Bir vektöre bakalım:
""",
        en="""
## Noise: N(0, 1)

We draw the noise from the standard normal distribution $\\mathcal{N}(0, 1)$: the bell curve with mean
0 and standard deviation 1. As the source post puts it, values land sometimes to the left of 0,
sometimes to the right; most fall between −2 and 2. `ganlib.sampling.noise(n, seed=...)` draws `n`
vectors of 200 numbers from this distribution, and the same `seed` always gives the same noise. Here
is one vector:
""",
    ),
    code(
        tr="""
z = noise(1, seed=0)
print(z.shape, z.dtype)
print("ortalama", z.mean().round(3), "std", z.std().round(3), "uzunluk", np.linalg.norm(z).round(3))
t = np.linspace(-4, 4, 200)
plt.figure(figsize=(5, 3))
plt.hist(z[0], bins=20, density=True, color="0.75", label="bir gürültü vektörünün 200 değeri")
plt.plot(t, np.exp(-(t**2) / 2) / np.sqrt(2 * np.pi), label="N(0, 1) yoğunluğu")
plt.ylim(0, 0.7)
plt.legend(loc="upper left", fontsize=8)
plt.show()
""",
        en="""
z = noise(1, seed=0)
print(z.shape, z.dtype)
print("mean", z.mean().round(3), "std", z.std().round(3), "length", np.linalg.norm(z).round(3))
t = np.linspace(-4, 4, 200)
plt.figure(figsize=(5, 3))
plt.hist(z[0], bins=20, density=True, color="0.75", label="the 200 values of one noise vector")
plt.plot(t, np.exp(-(t**2) / 2) / np.sqrt(2 * np.pi), label="N(0, 1) density")
plt.ylim(0, 0.7)
plt.legend(loc="upper left", fontsize=8)
plt.show()
""",
    ),
    md(
        tr="""
200 değerin histogramı çan eğrisine oturuyor. Bir ayrıntı ileride işimize yarayacak: vektörün
uzunluğu $\\sqrt{200} \\approx 14{,}1$ civarındadır. Yüksek boyutta Gauss gürültüsü neredeyse hep bu
uzunluktadır; [Örnekleme](../tr/06-ornekleme.ipynb) bölümünde iki gürültü arasında yürürken buna
dikkat edeceğiz.

## Kaç boyut: 100 mü, 200 mü?

Kaynak yazının metni üreticiye "100 boyutlu gürültü" verdiğimizi söylüyor (başka boyutların da
olabileceğini ekleyerek), kodu ise `randomDim = 200` kullanıyor. Kodun içindeki yorum işi daha da
ilginçleştiriyor: sonuçların gürültü yalnızca **10** boyutlu olduğunda biraz daha iyi çıktığını,
boyutun "diğer GAN'lerle tutarlılık için 100'de bırakıldığını" söylüyor; oysa hemen altındaki
değer 200. Biz kodu izliyoruz: **200**. Bu seçim `run_sizes()`'ta tek bir yerde duruyor.

Boyut, ağın neresini değiştirir? Parametre sayılarına bakalım:
""",
        en="""
The histogram of the 200 values sits on the bell curve. One detail will matter later: the vector's
length is close to $\\sqrt{200} \\approx 14.1$. In high dimensions Gaussian noise almost always has
about this length; we will keep that in mind when we walk between two noise vectors in
[Sampling](../en/06-sampling.ipynb).

## How many dimensions: 100 or 200?

The source post's text says we feed the generator "100-dimensional noise" (adding that other sizes
are possible), while its code sets `randomDim = 200`. The comment in that code makes it more curious
still: it says results are a little better when the noise has only **10** dimensions, and that the
size "has been left at 100 for consistency with other GAN implementations", right above a line that
sets it to 200. We follow the code: **200**. The choice lives in one place, `run_sizes()`.

Which part of the network does the size change? Compare the parameter counts:
""",
    ),
    code(
        tr="""
print("noise_dim:", run_sizes().noise_dim)
counts = {dim: build_generator(dim).count_params() for dim in (10, 100, 200)}
for dim, n in counts.items():
    print(f"{dim:>3}", "boyutlu gürültü:", f"{n:>9,}", "parametre")
per_input = (counts[200] - counts[100]) // 100
print("gürültüdeki her sayı başına:", f"{per_input:,}", "ağırlık")
assert per_input == 7 * 7 * 128
""",
        en="""
print("noise_dim:", run_sizes().noise_dim)
counts = {dim: build_generator(dim).count_params() for dim in (10, 100, 200)}
for dim, n in counts.items():
    print(f"{dim:>3}", "noise dimensions:", f"{n:>9,}", "parameters")
per_input = (counts[200] - counts[100]) // 100
print("per number of noise:", f"{per_input:,}", "weights")
assert per_input == 7 * 7 * 128
""",
    ),
    md(
        tr="""
Yalnızca ilk katman değişiyor. Gürültünün her sayısı ilk Dense katmanının 7·7·128 = 6272 biriminin
hepsine bağlıdır, yani her ek boyut tam 6272 ağırlık ekler; ağın geri kalanı aynıdır. 200 boyutta
ilk katman tek başına 1,26 milyon parametre taşır, 10 boyutta 69 bin. MNIST'teki çeşitlilik
(hangi rakam, ne kalınlıkta, ne kadar eğik…) birkaç düzine "düğmeyle" anlatılabilecek kadar azdır;
yorumun 10 boyutla daha iyi sonuç görmesi bu yüzden şaşırtıcı değil. Fazla boyut zarar vermez ama
otomatik olarak daha iyi resim de demek değildir.

## Mimari

Üretici, ayırtacın aynadaki görüntüsü gibidir. Ayırtaç 28×28'i 14×14'e, 7×7×128'e indirip düzleştiriyordu;
üretici 6272 sayıdan başlayıp 7×7×128'e, sonra 14×14'e, sonra 28×28'e çıkar.
""",
        en="""
Only the first layer changes. Every number of the noise is connected to all 7·7·128 = 6272 units of the
first Dense layer, so each extra dimension adds exactly 6272 weights; the rest of the network is the
same. At 200 dimensions the first layer alone holds 1.26 million parameters; at 10, 69 thousand. The
variety in MNIST (which digit, how thick, how slanted…) is small enough to be described by a few
dozen "knobs", so the comment's finding that 10 dimensions work slightly better is no surprise. More
dimensions do no harm, but they do not automatically give better images either.

## Architecture

The generator is a mirror image of the discriminator. The discriminator took 28×28 down to 14×14 and
7×7×128, then flattened; the generator starts from 6272 numbers, reshapes them to 7×7×128, and grows
them to 14×14 and then 28×28.
""",
    ),
    code(
        tr="""
keras.utils.set_random_seed(0)  # aynı başlangıç ağırlıkları
generator = build_generator()
generator.summary()
assert generator.count_params() == 1_467_137
""",
        en="""
keras.utils.set_random_seed(0)  # the same initial weights every time
generator = build_generator()
generator.summary()
assert generator.count_params() == 1_467_137
""",
    ),
    md(
        tr="""
Katman katman:

1. **Dense 200 → 6272**, ağırlıkları ortalaması 0, standart sapması 0,02 olan normal dağılımdan
   başlatılır (DCGAN'in önerdiği küçük başlangıç {cite}`radford2015`), ardından **LeakyReLU 0,2**.
2. **Reshape 7×7×128**: 6272 sayı, 128 kanallı 7×7'lik küçük bir "resme" dönüşür. (Özgün Keras 2
   kodunda kanal başta olduğundan burada `Reshape((128, 7, 7))` yazıyordu.)
3. **UpSampling2D** her pikseli 2×2'lik bir bloğa kopyalar: 7×7 → 14×14. Parametresi yoktur; yalnızca
   büyütür. Ardından **Conv2D 64, 5×5** ve LeakyReLU, bu kaba büyütmenin üzerine ayrıntı "boyar".
4. İkinci **UpSampling2D**: 14×14 → 28×28, ve **Conv2D 1, 5×5, tanh**: tek kanallı, yani gri, son resim.

UpSampling2D'nin ne yaptığını küçük bir örnekte görmek kolay:
""",
        en="""
Layer by layer:

1. **Dense 200 → 6272**, weights initialised from a normal distribution with mean 0 and standard
   deviation 0.02 (the small initialisation DCGAN recommends {cite}`radford2015`), then **LeakyReLU 0.2**.
2. **Reshape 7×7×128**: the 6272 numbers become a small 7×7 "image" with 128 channels. (The original
   Keras 2 code put channels first, so it read `Reshape((128, 7, 7))` here.)
3. **UpSampling2D** copies every pixel into a 2×2 block: 7×7 → 14×14. It has no parameters; it only
   enlarges. Then **Conv2D 64, 5×5** with LeakyReLU "paints" detail over that crude enlargement.
4. A second **UpSampling2D**: 14×14 → 28×28, and **Conv2D 1, 5×5, tanh**: the final image with a single
   channel, i.e. grey.

A tiny example shows what UpSampling2D does:
""",
    ),
    code(
        """
tiny = np.array([[1, 2], [3, 4]], dtype="float32").reshape(1, 2, 2, 1)
print(keras.ops.convert_to_numpy(keras.layers.UpSampling2D(2)(tiny))[0, :, :, 0])
"""
    ),
    md(
        tr="""
Büyütmeyi önce kopyalama, sonra evrişimle yapmak, yaygın alternatif olan devrik evrişime
(`Conv2DTranspose`) göre resimde satranç tahtası deseni bırakmaya daha az yatkındır. Parametre
sayısını, ayırtaçta yaptığımız gibi, katman biçimlerinden hesaplayalım:
""",
        en="""
Enlarging by copying and then convolving is less prone to leaving checkerboard patterns in the image
than the common alternative, the transposed convolution (`Conv2DTranspose`). As we did for the
discriminator, let us compute the parameter count from the layer shapes:
""",
    ),
    code(
        tr="""
dense = 200 * 6272 + 6272  # her gürültü sayısı 6272 birime bağlı, + 6272 sabit
conv1 = 5 * 5 * 128 * 64 + 64  # 64 filtre, her biri 5×5×128 ağırlık + 1 sabit
conv2 = 5 * 5 * 64 * 1 + 1  # 1 filtre, 5×5×64 ağırlık + 1 sabit
print(f"{dense:,} + {conv1:,} + {conv2:,} = {dense + conv1 + conv2:,}")
assert dense + conv1 + conv2 == generator.count_params()
""",
        en="""
dense = 200 * 6272 + 6272  # each noise number feeds all 6272 units, + 6272 biases
conv1 = 5 * 5 * 128 * 64 + 64  # 64 filters, each 5×5×128 weights + 1 bias
conv2 = 5 * 5 * 64 * 1 + 1  # 1 filter, 5×5×64 weights + 1 bias
print(f"{dense:,} + {conv1:,} + {conv2:,} = {dense + conv1 + conv2:,}")
assert dense + conv1 + conv2 == generator.count_params()
""",
    ),
    md(
        tr="""
Üretici, ayırtacın yaklaşık yedi katı parametre taşır ve bunun %86'sı ilk Dense katmanındadır.

**Neden tanh?** tanh çıktıyı $[-1, 1]$ aralığına sıkıştırır. Gerçek rakamları da
`scale_images` ile aynı aralığa getiriyoruz: $(x - 127{,}5) / 127{,}5$, yani siyah −1, beyaz +1.
İki aralık aynı olmalı; olmasaydı polis sahteleri çizimlerinden değil, yalnızca piksel
değerlerinin aralığından tanırdı ve kalpazan bunu hiçbir zaman düzeltemezdi. DCGAN de üreticinin
çıkışında tanh kullanır {cite}`radford2015`.

(Özgün kod üreticiyi ayrıca `compile` ediyordu; gerek yok, çünkü üretici hiçbir zaman tek başına
eğitilmez, her zaman ayırtacın üzerinden eğitilir. `ganlib` bunu yapmaz.)

## Eğitilmemiş üretici ne çizer?

Ağırlıklar rastgeleyken 16 farklı gürültü vektörü verelim:
""",
        en="""
The generator has about seven times as many parameters as the discriminator, 86% of them in the first
Dense layer.

**Why tanh?** tanh squeezes its output into $[-1, 1]$. We bring the real digits into the same range
with `scale_images`: $(x - 127.5) / 127.5$, so black is −1 and white is +1. The two ranges must match;
otherwise the police could spot fakes by the range of their pixel values alone, not by how they are
drawn, and the counterfeiter could never fix that. DCGAN uses tanh at the generator's output as well
{cite}`radford2015`.

(The original code also `compile`d the generator. There is no need: the generator is never trained on
its own, only through the discriminator. `ganlib` does not do it.)

## What does an untrained generator draw?

With random weights, let us feed it 16 different noise vectors:
""",
    ),
    code(
        tr="""
fakes = generate(generator, noise(16, seed=1))
print(fakes.shape, fakes.min().round(3), fakes.max().round(3))
show_grid(fakes, title="Eğitilmemiş üretici")
plt.show()
""",
        en="""
fakes = generate(generator, noise(16, seed=1))
print(fakes.shape, fakes.min().round(3), fakes.max().round(3))
show_grid(fakes, title="Untrained generator")
plt.show()
""",
    ),
    md(
        tr="""
Rakam yok; gri zemin üzerinde lekeler var. Küçük başlangıç ağırlıkları yüzünden değerler 0
civarında kalıyor (gri), büyütme adımlarının 2×2'lik blokları ve 5×5'lik evrişimlerin yumuşatması da
lekelere bu dokuyu veriyor. Yine de 16 resmin her biri farklı, çünkü her birinin gürültüsü farklı.
Kalpazan henüz hiçbir şey öğrenmedi; polisin ona ne yapması gerektiğini söyleyeceği
[eğitime](../tr/05-egitim.ipynb) kadar da öğrenmeyecek.

## Aynı gürültü, aynı resim

Kaynak yazı önemli bir noktanın altını çiziyor: sinir ağı **deterministiktir**. Ağırlıkları sabitken
üretici sıradan bir fonksiyondur; aynı gürültüyü iki kez verirseniz bit bit aynı resmi alırsınız.
Farklı resim istiyorsanız farklı gürültü vermeniz gerekir. Deneyelim: aynı gürültüyle iki çağrı,
sonra başka bir `seed` ile çekilmiş gürültü.
""",
        en="""
No digits; just blobs on a grey background. Because the initial weights are small, the values stay
near 0 (grey), and the 2×2 blocks of the upsampling steps and the smoothing of the 5×5 convolutions give
the blobs their texture. Still, each of the 16 images is different, because each has different noise.
The counterfeiter has learnt nothing yet, and will not until [training](../en/05-training.ipynb), where
the police tells it what to change.

## Same noise, same image

The source post stresses an important point: a neural network is **deterministic**. With its weights
fixed, the generator is an ordinary function; give it the same noise twice and you get the same image,
bit for bit. Different images need different noise. Let us try: two calls with the same noise, then
noise drawn with another `seed`.
""",
    ),
    code(
        tr="""
z_a = noise(8, seed=7)
z_b = noise(8, seed=8)
first = generate(generator, z_a)
again = generate(generator, z_a)  # aynı gürültü, ikinci çağrı
other = generate(generator, z_b)  # farklı gürültü
assert np.array_equal(first, again)
assert not np.allclose(first, other)
print("aynı gürültü, en büyük fark:", np.abs(first - again).max())
print("farklı gürültü, en büyük fark:", np.abs(first - other).max().round(3))
""",
        en="""
z_a = noise(8, seed=7)
z_b = noise(8, seed=8)
first = generate(generator, z_a)
again = generate(generator, z_a)  # the same noise, a second call
other = generate(generator, z_b)  # different noise
assert np.array_equal(first, again)
assert not np.allclose(first, other)
print("same noise, largest difference:", np.abs(first - again).max())
print("different noise, largest difference:", np.abs(first - other).max().round(3))
""",
    ),
    code(
        tr="""
fig, axes = plt.subplots(2, 1, figsize=(8, 5))
show_grid(np.concatenate([first, again]), ncols=8, ax=axes[0], title="aynı gürültü (seed 7), iki çağrı")
show_grid(np.concatenate([first, other]), ncols=8, ax=axes[1], title="seed 7 (üstte) ve seed 8 (altta)")
plt.show()
""",
        en="""
fig, axes = plt.subplots(2, 1, figsize=(8, 5))
show_grid(np.concatenate([first, again]), ncols=8, ax=axes[0], title="same noise (seed 7), two calls")
show_grid(np.concatenate([first, other]), ncols=8, ax=axes[1], title="seed 7 (top) and seed 8 (bottom)")
plt.show()
""",
    ),
    md(
        tr="""
Üstteki ızgaranın iki satırı birebir aynı, alttakininkiler farklı. Yani üreticide rastlantı **yalnızca gürültüden**
gelir; ağın kendisinde zar atılmaz (üreticide dropout da yoktur). Bunun iki sonucu var:

- Eğitim ağırlıkları değiştirdiği için aynı gürültü her dönemde başka bir resme dönüşür.
  [Eğitim](../tr/05-egitim.ipynb) bölümünde 16 gürültü vektörünü sabit tutup her dönemden sonra
  çizdireceğiz; kalpazanın ilerlemesini böyle izleyeceğiz.
- Eğitimden sonra yeni rakamlar için yeni gürültü çekmek yeter (`noise(n)`, `seed` vermeden);
  aynı rakamı yeniden görmek içinse aynı `seed`. [Örnekleme](../tr/06-ornekleme.ipynb) bölümünde
  iki gürültü arasında yürüyüp rakamın nasıl değiştiğini göreceğiz.

## Özet

- Üreticinin girdisi $\\mathcal{N}(0, 1)$'den çekilmiş bir gürültü vektörüdür: hayal kurması istenen
  bir ağa "hiçlikten" daha uygun bir girdi yok, ve farklı gürültü farklı resim demektir.
- Kaynak yazının metni 100, kodu 200 boyut kullanıyor (kod yorumu 10'un biraz daha iyi olduğunu
  söylüyor); biz 200'de kalıyoruz. Boyut yalnızca ilk Dense katmanını değiştirir: her boyut
  6272 ağırlık.
- Mimari: Dense → 7×7×128 → (UpSampling2D + Conv2D 5×5) × 2 → 28×28×1, çıkışta tanh; 1.467.137
  parametre. tanh'in $[-1, 1]$ aralığı, ölçeklenmiş gerçek rakamlarınkiyle aynıdır.
- Eğitilmemiş üretici gri lekeler çizer.
- Ağ deterministiktir: aynı gürültü → aynı resim, farklı gürültü → farklı resim.
""",
        en="""
The two rows of the upper grid are identical; those of the lower grid differ. So in the generator, randomness
comes **only from the noise**; the network itself rolls no dice (it has no dropout either). This has two
consequences:

- Training changes the weights, so the same noise turns into a different image after every epoch. In
  [Training](../en/05-training.ipynb) we keep 16 noise vectors fixed and draw them after each epoch;
  that is how we will watch the counterfeiter improve.
- After training, new digits only need new noise (`noise(n)` without a `seed`), and seeing the same
  digit again only needs the same `seed`. In [Sampling](../en/06-sampling.ipynb) we will walk between
  two noise vectors and watch the digit change.

## Summary

- The generator's input is a noise vector drawn from $\\mathcal{N}(0, 1)$: there is no better input
  for a network asked to imagine than "nothing", and different noise means a different image.
- The source post's text says 100 dimensions, its code uses 200 (and its comment says 10 works
  slightly better); we keep 200. The size only changes the first Dense layer: 6272 weights per
  dimension.
- Architecture: Dense → 7×7×128 → (UpSampling2D + Conv2D 5×5) × 2 → 28×28×1 with tanh at the output;
  1,467,137 parameters. tanh's range $[-1, 1]$ matches that of the scaled real digits.
- An untrained generator draws grey blobs.
- The network is deterministic: same noise → same image, different noise → different image.
""",
    ),
]

CELLS += [
    exercises_heading(),
    *exercise(
        "03-noise10",
        title={"tr": "10 boyutlu gürültüyle kaç parametre?", "en": "How many parameters with 10-D noise?"},
        text={
            "tr": """Kod yorumunun önerdiği gibi gürültü 10 boyutlu olsaydı üreticinin kaç parametresi
olurdu? Ağı kurmadan, katman biçimlerinden hesaplayın (yukarıda 1.467.137'yi doğruladığımız hücre
gibi), sonucu `count_10` adlı değişkene yazın; ardından `build_generator(noise_dim=10)` ile
doğrulayın.""",
            "en": """How many parameters would the generator have with 10-dimensional noise, as the code
comment suggests? Work it out from the layer shapes, without building the network (like the cell
above that confirmed 1,467,137), and store it in `count_10`; then confirm it with
`build_generator(noise_dim=10)`.""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: None yerine katman biçimlerinden hesapladığınız sayıyı yazın
count_10 = None""",
            "en": """# ✏️ EXERCISE: replace None with the count worked out from the layer shapes
count_10 = None""",
        },
        solution_text={
            "tr": """Gürültünün boyutu yalnızca ilk Dense katmanında görünür: $10 \\cdot 6272$ ağırlık
ve 6272 sapma. İki evrişim gürültüyü hiç görmez, onların sayısı aynı kalır. 200'den 10'a inmek
$190 \\cdot 6272 = 1.191.680$ ağırlık eksiltir: ağın beşte dördünden fazlası.""",
            "en": """The noise size only shows up in the first Dense layer: $10 \\cdot 6272$ weights and
6272 biases. The two convolutions never see the noise, so their counts stay the same. Going from 200
down to 10 removes $190 \\cdot 6272 = 1,191,680$ weights: more than four fifths of the network.""",
        },
        solution={
            "tr": """# yalnızca ilk Dense katmanı gürültünün boyutuna bağlı
count_10 = (10 * 6272 + 6272) + (5 * 5 * 128 * 64 + 64) + (5 * 5 * 64 * 1 + 1)
assert count_10 == build_generator(noise_dim=10).count_params()
print(f"{count_10:,}")""",
            "en": """# only the first Dense layer depends on the size of the noise
count_10 = (10 * 6272 + 6272) + (5 * 5 * 128 * 64 + 64) + (5 * 5 * 64 * 1 + 1)
assert count_10 == build_generator(noise_dim=10).count_params()
print(f"{count_10:,}")""",
        },
        check='from ganlib import exercises\n\nexercises.check_noise10_params(count_10, lang="{lang}")',
    ),
    *exercise(
        "03-transpose",
        title={"tr": "Devrik evrişimli bir üretici", "en": "A generator with transposed convolutions"},
        text={
            "tr": """`build_generator()`'ın bir benzerini `keras.Sequential` ile kendiniz kurun; tek fark,
her **UpSampling2D + Conv2D** çiftinin yerine tek bir `keras.layers.Conv2DTranspose(..., strides=2,
padding="same")` gelsin (filtre sayıları ve 5×5 boyut aynı; sonuncusu `activation="tanh"`).
Giriş 200 boyutlu gürültü, çıkış 28×28×1 olmalı. Modeli `transpose_generator` adlı değişkene
yazın. Parametre sayısını `build_generator()`'ınkiyle karşılaştırın: beklediğiniz gibi mi?""",
            "en": """Build a look-alike of `build_generator()` yourself with `keras.Sequential`, with one
difference: each **UpSampling2D + Conv2D** pair becomes a single `keras.layers.Conv2DTranspose(...,
strides=2, padding="same")` (same numbers of filters, same 5×5 size; the last one with
`activation="tanh"`). The input is 200-dimensional noise, the output 28×28×1. Store the model in
`transpose_generator`. Compare its parameter count with that of `build_generator()`: is it what you
expected?""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: None yerine keras.Sequential([...]) yazın. build_generator gibi başlayın:
# keras.Input((200,)), Dense(7 * 7 * 128), LeakyReLU(0.2), Reshape((7, 7, 128)), ...
transpose_generator = None""",
            "en": """# ✏️ EXERCISE: replace None with keras.Sequential([...]). Start like build_generator:
# keras.Input((200,)), Dense(7 * 7 * 128), LeakyReLU(0.2), Reshape((7, 7, 128)), ...
transpose_generator = None""",
        },
        solution_text={
            "tr": """Parametre sayısı **aynı** çıkar: 1.467.137. 64 filtreli, 5×5'lik bir devrik evrişimin
128 kanallı girdiye bağlanan çekirdeği de $5 \\cdot 5 \\cdot 128 \\cdot 64$ ağırlık ve 64 sapmadır,
tıpkı büyütmeden sonra gelen Conv2D'deki gibi; UpSampling2D'nin zaten parametresi yoktur. Fark
başka yerlerde:

- **Hesap:** devrik evrişim 7×7'lik küçük girdinin her pikselinde bir kez çalışır, Conv2D ise
  büyütülmüş 14×14'lük resmin her pikselinde. Aynı ağırlıklarla, kabaca dört kat daha az
  çarpma-toplama.
- **Satranç tahtası deseni:** adım 2 iken 5×5'lik çekirdeğin izleri üst üste eşit binmez; 5, 2'ye
  bölünmediği için bazı çıktı pikselleri çekirdeğin 9 ağırlığından, bazıları 6'sından, bazıları
  4'ünden katkı alır. Çözümün son iki satırı bunu sayılarla gösterir: bütün ağırlıkları 1 olan bir
  devrik evrişime düz bir resim verince çıktı düz değil, 9–6–4'lük bir desen olur. Eğitim bu deseni
  bastırmayı öğrenebilir ama ağın başlangıç noktasında vardır; bölümde UpSampling2D + Conv2D'yi
  seçmemizin nedeni budur.""",
            "en": """The count comes out **the same**: 1,467,137. A 5×5 transposed convolution with 64
filters on a 128-channel input has a kernel of $5 \\cdot 5 \\cdot 128 \\cdot 64$ weights plus 64 biases,
exactly like the Conv2D that followed the upsampling; UpSampling2D has no parameters anyway. The
differences lie elsewhere:

- **Compute:** the transposed convolution runs once per pixel of the small 7×7 input, the Conv2D
  once per pixel of the enlarged 14×14 image. Same weights, roughly four times fewer multiply-adds.
- **Checkerboard patterns:** with stride 2 the footprints of a 5×5 kernel do not overlap evenly;
  since 5 is not divisible by 2, some output pixels receive contributions from 9 of the kernel's
  weights, some from 6, some from 4. The last two lines of the solution show it in numbers: give a
  transposed convolution whose weights are all 1 a flat image, and what comes out is not flat but a
  9–6–4 pattern. Training can learn to suppress it, but the network starts out with it; that is why
  the chapter's generator uses UpSampling2D + Conv2D.""",
        },
        solution={
            "tr": """transpose_generator = keras.Sequential(
    [
        keras.Input((200,)),
        keras.layers.Dense(7 * 7 * 128, kernel_initializer=keras.initializers.RandomNormal(stddev=0.02)),
        keras.layers.LeakyReLU(0.2),
        keras.layers.Reshape((7, 7, 128)),
        keras.layers.Conv2DTranspose(64, 5, strides=2, padding="same"),  # 7×7 → 14×14
        keras.layers.LeakyReLU(0.2),
        keras.layers.Conv2DTranspose(1, 5, strides=2, padding="same", activation="tanh"),  # → 28×28
    ]
)
# ek: ağırlıkları hep 1 olan bir devrik evrişim, düz bir girdiden düz olmayan bir çıktı üretir
flat = keras.layers.Conv2DTranspose(1, 5, strides=2, padding="same", kernel_initializer="ones")
print(keras.ops.convert_to_numpy(flat(np.ones((1, 8, 8, 1), "float32")))[0, 6:10, 6:10, 0])""",
            "en": """transpose_generator = keras.Sequential(
    [
        keras.Input((200,)),
        keras.layers.Dense(7 * 7 * 128, kernel_initializer=keras.initializers.RandomNormal(stddev=0.02)),
        keras.layers.LeakyReLU(0.2),
        keras.layers.Reshape((7, 7, 128)),
        keras.layers.Conv2DTranspose(64, 5, strides=2, padding="same"),  # 7×7 → 14×14
        keras.layers.LeakyReLU(0.2),
        keras.layers.Conv2DTranspose(1, 5, strides=2, padding="same", activation="tanh"),  # → 28×28
    ]
)
# bonus: a transposed convolution with all weights 1 turns a flat input into a non-flat output
flat = keras.layers.Conv2DTranspose(1, 5, strides=2, padding="same", kernel_initializer="ones")
print(keras.ops.convert_to_numpy(flat(np.ones((1, 8, 8, 1), "float32")))[0, 6:10, 6:10, 0])""",
        },
        check=(
            "from ganlib import exercises\n\n"
            'exercises.check_transpose_generator(transpose_generator, lang="{lang}")'
        ),
    ),
    *question(
        "03-noise10-test",
        title={"tr": "10 boyut gerçekten daha mı iyi?", "en": "Are 10 dimensions really better?"},
        text={
            "tr": """Özgün kodun yorumu, gürültü 10 boyutlu olduğunda sonuçların biraz daha iyi
çıktığını söylüyor. Bu iddiayı nasıl sınardınız? Hangi koşuları yapar, neyi ölçer, neyi
karşılaştırırdınız? Ne görmeyi beklersiniz?""",
            "en": """The original code's comment says the results are a little better with 10 noise
dimensions. How would you test that claim? Which runs would you make, what would you measure, and
what would you compare? What do you expect to see?""",
        },
        answer={
            "tr": """**Yalnızca bir şeyin değiştiği iki koşu.** Komut satırı arayüzüyle iki üretici
eğitin; dönem sayısı, yığın boyu, veri ve `seed` aynı, yalnızca `--noise-dim` farklı olsun:

```bash
python -m ganlib train --noise-dim 200 --epochs 20 --seed 0 --out runs/z200-s0
python -m ganlib train --noise-dim 10 --epochs 20 --seed 0 --out runs/z10-s0
```

**Gözle değil, ölçüyle karşılaştırma.** Her koşunun üreticisini aynı ölçülerle değerlendirin
([Değerlendirme](../tr/07-degerlendirme.ipynb) bölümü):

```bash
python -m ganlib evaluate --weights runs/z200-s0/generator.weights.h5
python -m ganlib evaluate --weights runs/z10-s0/generator.weights.h5
```

Sınıflandırıcı skoru yüksek, Fréchet uzaklığı düşük olan daha iyidir; sınıf histogramı ve kapsanan
sınıf sayısı da çeşitliliği gösterir. `evaluate` ikisinde de aynı `seed` ile aynı sayıda örnek
çeker ve gürültü boyutunu koşunun `generator.json` dosyasından okur. Ara dönemlerin ağırlıkları
(`generator-epoch-NNN.weights.h5`) da kaydedildiği için yalnızca son dönemi değil, eğrinin bütününü
karşılaştırabilirsiniz.

**Birden çok `seed`.** GAN eğitimi gürültülüdür: aynı ayarla iki `seed` arasındaki fark, aradığınız
farktan büyük olabilir. Her ayarı birkaç `seed` ile (`--seed 1`, `--seed 2`, …) koşup sonuçların
yayılımına bakın. İki ayarın aralıkları örtüşüyorsa "10 boyut daha iyi" demek için kanıt yok.

**Beklenti.** 10 boyutlu üretici 275.457 parametre taşır, 200 boyutlu olandan 1.191.680 az; farkın
hepsi ilk Dense katmanında. MNIST'in çeşitliliği birkaç düzine "düğmeyle" anlatılabildiği için kalite
büyük olasılıkla benzer çıkar; yorumun dediği küçük bir iyileşme de mümkün. Küçük bir gürültü uzayının
riski **çeşitliliktir**: üretici bütün rakamları ve yazı biçimlerini 10 sayıya sığdırmak zorunda
kalır. Bu, sınıflandırıcı skorundan çok Fréchet uzaklığında ve sınıf histogramında görünür.""",
            "en": """**Two runs that differ in one thing only.** Train two generators with the command
line, with the same epochs, batch size, data and `seed`, and only `--noise-dim` different:

```bash
python -m ganlib train --noise-dim 200 --epochs 20 --seed 0 --out runs/z200-s0
python -m ganlib train --noise-dim 10 --epochs 20 --seed 0 --out runs/z10-s0
```

**Compare with measures, not by eye.** Evaluate each run's generator with the same measures (the
[Evaluation](../en/07-evaluation.ipynb) chapter):

```bash
python -m ganlib evaluate --weights runs/z200-s0/generator.weights.h5
python -m ganlib evaluate --weights runs/z10-s0/generator.weights.h5
```

A higher classifier score and a lower Fréchet distance are better; the class histogram and the number
of classes covered show the variety. `evaluate` draws the same number of samples with the same `seed`
for both, and reads the noise size from the run's `generator.json`. Since the weights of every epoch
are saved too (`generator-epoch-NNN.weights.h5`), you can compare the whole curve, not just the last
epoch.

**Several seeds.** GAN training is noisy: two seeds of the same setting can differ by more than the
effect you are looking for. Run each setting with a few seeds (`--seed 1`, `--seed 2`, …) and look at
the spread of the results. If the two settings' ranges overlap, there is no evidence that 10
dimensions are better.

**What to expect.** The 10-D generator has 275,457 parameters, 1,191,680 fewer than the 200-D one, all
of the difference in the first Dense layer. Since MNIST's variety can be described with a few dozen
"knobs", the quality will most likely come out similar; the small improvement the comment mentions is
possible too. The risk of a small noise space is **variety**: the generator has to fit all digits and
handwriting styles into 10 numbers. That shows up in the Fréchet distance and the class histogram more
than in the classifier score.""",
        },
    ),
]
