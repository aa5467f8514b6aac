from build_notebooks import code, md

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
    print(f"{dim:>3} boyutlu gürültü: {n:>9,} parametre")
per_input = (counts[200] - counts[100]) // 100
print(f"gürültüdeki her sayı başına: {per_input:,} ağırlık")
assert per_input == 7 * 7 * 128
""",
        en="""
print("noise_dim:", run_sizes().noise_dim)
counts = {dim: build_generator(dim).count_params() for dim in (10, 100, 200)}
for dim, n in counts.items():
    print(f"{dim:>3}-dimensional noise: {n:>9,} parameters")
per_input = (counts[200] - counts[100]) // 100
print(f"per number of noise: {per_input:,} weights")
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
Soldaki iki satır birebir aynı, sağdakiler farklı. Yani üreticide rastlantı **yalnızca gürültüden**
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
The two rows on the left are identical; those on the right differ. So in the generator, randomness
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
