from build_notebooks import code, exercise, exercises_heading, md, question

SLUG = {"tr": "06-ornekleme", "en": "06-sampling"}
TITLE = {"tr": "Örnekleme", "en": "Sampling"}

CELLS = [
    md(
        tr=r"""
Eğitim bittiğinde polisin işi de biter. Yeni rakam üretmek için yalnızca üretici gerekir:
ona gürültü verir, karşılığında resim alırız. Bu bölümde [önceki bölümde](../tr/05-egitim.ipynb)
tanıdığımız referans koşunun eğitilmiş üreticisini yükleyip onunla oynuyoruz: yeni rakamlar
çekiyor, aynı gürültünün aynı rakamı verdiğini görüyor, iki gürültü arasında yürüyor ve en
sonda üreticinin eğitim verisini kopyalayıp kopyalamadığını soruyoruz.
""",
        en=r"""
Once training is over, the police are off duty. To make new digits we need only the
generator: noise in, image out. In this chapter we load the trained generator of the
reference run from [the previous chapter](../en/05-training.ipynb) and play with it: we draw
new digits, check that the same noise gives the same digit, walk from one noise vector to
another, and finally ask whether the generator simply copies its training data.
""",
    ),
    code(
        tr="""
import matplotlib.pyplot as plt
import numpy as np

from ganlib import data, plotting, pretrained, sampling  # TensorFlow'u sessizce yükler
""",
        en="""
import matplotlib.pyplot as plt
import numpy as np

from ganlib import data, plotting, pretrained, sampling  # loads TensorFlow quietly
""",
    ),
    md(
        tr=r"""
## Gürültüden rakama

`pretrained.load_generator()` üreticinin mimarisini kurar ve referans koşunun son
ağırlıklarını içine yükler. `sampling.noise(16, seed=1)` ise $N(0, 1)$'den 16 tane 200 boyutlu
gürültü vektörü çeker. Tohum (seed) verdiğimiz için bu 16 vektör her çalıştırmada aynıdır.
""",
        en=r"""
## From noise to digits

`pretrained.load_generator()` builds the generator's architecture and loads the reference
run's final weights into it. `sampling.noise(16, seed=1)` draws 16 noise vectors of 200
numbers each from $N(0, 1)$. Because we pass a seed, these 16 vectors are the same on every
run.
""",
    ),
    code(
        tr="""
generator = pretrained.load_generator()
z = sampling.noise(16, seed=1)
images = sampling.generate(generator, z)
plotting.show_grid(images, title="16 yeni rakam (tohum 1)")
plt.show()
""",
        en="""
generator = pretrained.load_generator()
z = sampling.noise(16, seed=1)
images = sampling.generate(generator, z)
plotting.show_grid(images, title="16 new digits (seed 1)")
plt.show()
""",
    ),
    md(
        tr=r"""
Bunların hiçbiri MNIST'ten alınmış bir resim değil; her biri üreticinin 1,4 milyon
ağırlığından, o gürültü vektörüne karşılık hesaplanmış bir çıktı.

## Aynı gürültü, aynı rakam

Eğitilmiş bir ağda rastgelelik yoktur: üretici, gürültüyü resme çeviren deterministik bir
fonksiyondur. Aynı gürültüyü ikinci kez verirsek piksel piksel aynı resimleri alırız:
""",
        en=r"""
None of these is an image taken from MNIST; each one is computed from the generator's
1.4 million weights for that particular noise vector.

## Same noise, same digit

There is no randomness left in a trained network: the generator is a deterministic function
from noise to image. Feed it the same noise a second time and we get the same images, pixel
for pixel:
""",
    ),
    code(
        """
again = sampling.generate(generator, sampling.noise(16, seed=1))
print(np.array_equal(images, again))
"""
    ),
    md(
        tr=r"""
Yeni rakamlar için yeni gürültü gerekir. Başka bir tohum, başka 16 vektör ve başka 16 rakam
demektir:
""",
        en=r"""
New digits need new noise. Another seed means another 16 vectors, and another 16 digits:
""",
    ),
    code(
        tr="""
other = sampling.generate(generator, sampling.noise(16, seed=2))
print(np.array_equal(images, other))
plotting.show_grid(other, title="16 başka rakam (tohum 2)")
plt.show()
""",
        en="""
other = sampling.generate(generator, sampling.noise(16, seed=2))
print(np.array_equal(images, other))
plotting.show_grid(other, title="16 other digits (seed 2)")
plt.show()
""",
    ),
    md(
        tr=r"""
`seed` vermeden `sampling.noise(16)` çağırırsanız her çalıştırmada başka rakamlar alırsınız;
özgün yazıdaki `np.random.randn(1, 200)` de tam olarak bunu yapıyordu.

Daha büyük bir örneklem, üreticinin neler yapabildiğini ve neleri henüz beceremediğini daha
iyi gösterir. 64 rakam:
""",
        en=r"""
Call `sampling.noise(16)` without a `seed` and you get different digits on every run; that is
exactly what `np.random.randn(1, 200)` did in the original post.

A bigger sample shows better what the generator can do, and what it cannot do yet. Here are
64 digits:
""",
    ),
    code(
        tr="""
many = sampling.generate(generator, sampling.noise(64, seed=0))
plotting.show_grid(many, ncols=8, title="64 rakam (tohum 0)")
plt.show()
""",
        en="""
many = sampling.generate(generator, sampling.noise(64, seed=0))
plotting.show_grid(many, ncols=8, title="64 digits (seed 0)")
plt.show()
""",
    ),
    md(
        tr=r"""
Izgaraya iki soruyla bakın. **Çeşitlilik:** on rakamın hepsi görünüyor mu, yoksa bazıları hiç
çıkmıyor ya da bir rakam baskın mı? (Tek bir rakamın baskınlığı, [eğitim bölümündeki](../tr/05-egitim.ipynb)
mod çökmesinin hafif bir biçimidir.) **Biçim:** çizgiler kesintisiz mi, yoksa bazı
örnekler iki rakamın arasında kalmış, okunamayan şekiller mi? Küçük bir DCGAN'de ikincisinden
birkaç tane görmek olağandır.

## İki gürültü arasında yürümek

Üretici her gürültü vektörüne bir resim karşılık getirdiğine göre, iki vektör arasında yavaşça
yürürsek ne görürüz? Bu yürüyüşün iki yolu var:

- **Doğrusal:** $z(t) = (1-t)\,z_0 + t\,z_1$, yani iki nokta arasındaki düz çizgi.
- **Küresel (slerp):** $z(t) = \dfrac{\sin((1-t)\Omega)}{\sin\Omega}\,z_0 + \dfrac{\sin(t\Omega)}{\sin\Omega}\,z_1$,
  $\Omega$ iki vektör arasındaki açı. Düz çizgi yerine, büyük bir çemberin yayı boyunca yürür.

Fark neden önemli? 200 boyutlu bir $N(0, 1)$ vektörünün uzunluğunun karesi 200 sayının
karelerinin toplamıdır ve ortalaması 200'dür; yani uzunluk hemen her zaman
$\sqrt{200} \approx 14{,}1$ civarındadır (yayılımı yalnızca yaklaşık 0,7). Yüksek boyutta
gürültü, ince bir **kabuğun** üzerinde yaşar; üretici de eğitim boyunca yalnızca bu kabuktan
gelen vektörler gördü. Oysa iki bağımsız vektörün orta noktası $(z_0 + z_1)/2$'nin her
bileşeninin varyansı $1/2$'dir ve uzunluğu $\sqrt{100} = 10$ civarına düşer. Gerçek bir
gürültü çekiminin bu kadar kısa olma olasılığı milyarda birden azdır: düz çizginin ortası,
üreticinin hiç görmediği bir bölgeden geçer. Slerp ise uzunluğu neredeyse sabit tutar.
Ölçelim:
""",
        en=r"""
Look at the grid with two questions. **Variety:** do all ten digits appear, or are some
missing, or does one dominate? (One digit dominating is a mild form of the mode collapse from
[the training chapter](../en/05-training.ipynb).) **Form:** are the strokes unbroken, or are
some samples caught between two digits, unreadable? A few of the latter are normal for a small
DCGAN.

## Walking between two noise vectors

Since the generator assigns an image to every noise vector, what do we see if we walk slowly
from one vector to another? There are two ways to walk:

- **Linear:** $z(t) = (1-t)\,z_0 + t\,z_1$, the straight line between the two points.
- **Spherical (slerp):** $z(t) = \dfrac{\sin((1-t)\Omega)}{\sin\Omega}\,z_0 + \dfrac{\sin(t\Omega)}{\sin\Omega}\,z_1$,
  with $\Omega$ the angle between the vectors. Instead of the straight line, it follows the arc
  of a great circle.

Why does it matter? The squared length of a 200-D $N(0, 1)$ vector is a sum of 200 squares
with mean 200, so its length is almost always close to $\sqrt{200} \approx 14.1$ (the spread
is only about 0.7). In high dimensions noise lives on a thin **shell**, and during training
the generator only ever saw vectors from that shell. The midpoint of two independent vectors,
$(z_0 + z_1)/2$, has variance $1/2$ in each coordinate, so its length drops to about
$\sqrt{100} = 10$. The chance that a real noise draw is that short is below one in a billion:
the middle of the straight line passes through a region the generator has never seen. Slerp
keeps the length nearly constant. Let us measure:
""",
    ),
    code(
        tr="""
z0, z1 = sampling.noise(2, seed=7)
linear = sampling.interpolate(z0, z1, steps=10, method="linear")
slerp = sampling.interpolate(z0, z1, steps=10, method="slerp")
print("√200            :", round(float(np.sqrt(200)), 1))
print("doğrusal uzunluk:", np.linalg.norm(linear, axis=1).round(1))
print("slerp uzunluğu  :", np.linalg.norm(slerp, axis=1).round(1))
""",
        en="""
z0, z1 = sampling.noise(2, seed=7)
linear = sampling.interpolate(z0, z1, steps=10, method="linear")
slerp = sampling.interpolate(z0, z1, steps=10, method="slerp")
print("√200          :", round(float(np.sqrt(200)), 1))
print("linear lengths:", np.linalg.norm(linear, axis=1).round(1))
print("slerp lengths :", np.linalg.norm(slerp, axis=1).round(1))
""",
    ),
    md(
        tr=r"""
Doğrusal yol, iki uçta kabuğun üzerindeyken ortada belirgin biçimde içeri çöküyor; slerp ise
baştan sona kabukta kalıyor. İki yürüyüşün ürettiği rakamlar, üstte doğrusal, altta slerp:
""",
        en=r"""
The straight path starts and ends on the shell but sags clearly inwards in the middle; slerp
stays on the shell all the way. The digits along both walks, linear on top, slerp below:
""",
    ),
    code(
        tr="""
walks = sampling.generate(generator, np.concatenate([linear, slerp]))
plotting.show_grid(walks, ncols=10, title="üst: doğrusal · alt: slerp")
plt.show()
""",
        en="""
walks = sampling.generate(generator, np.concatenate([linear, slerp]))
plotting.show_grid(walks, ncols=10, title="top: linear · bottom: slerp")
plt.show()
""",
    ),
    md(
        tr=r"""
İki şey göze çarpar. Birincisi, rakam bir anda değişmez; bir biçimden ötekine adım adım
**akar**. Üretici, gürültü uzayının yakın noktalarını benzer resimlere götüren düzgün bir
fonksiyon öğrenmiştir; ezberlenmiş resimlerden oluşan bir tablo olsaydı, yol boyunca bir
resimden ötekine sıçrardı. Yolun ortasındaki kareler çoğu zaman hiçbir rakama tam
benzemez: iki rakam arasındaki bu ara biçimler, eğitim verisinde hiç bulunmayan resimlerdir.

İkincisi, iki satırın uçları aynıdır, ortaları ise farklı gürültülerden üretilir. Kuramda
doğrusal yolun ortası, alışılmadık derecede kısa gürültüden geldiği için daha silik ya da daha
"ortalama" görünmelidir; pratikte bu küçük üreticide iki satır çoğu zaman yalnızca biraz
farklıdır. Sağlam olan kısım yukarıdaki uzunluklardır: slerp, üreticiye hiç görmediği türden
bir gürültü sormaz. Gürültü uzayında yürümek için
slerp'i Tom White'ın *Sampling Generative Networks* (2016) {cite}`white2016` çalışması yaygınlaştırdı.

## Hayal mi, kopya mı?

Özgün yazı, üretilen rakamların MNIST'e "tıpatıp" benzemediğini, hayal edilmiş gibi
göründüğünü söylüyordu {cite}`blogpost`. Bunu ölçebiliriz. Referans üretici, paketle gelen
10.000 rakam üzerinde eğitildi; kopyalıyorsa kopyaları orada olmalı. Sekiz yeni örneğin her biri
için bu 10.000 rakam içinde piksel uzayında (784 piksel, $[-1, 1]$ aralığı) **en yakın** gerçek
rakamı arayalım:
""",
        en=r"""
Two things stand out. First, the digit does not switch all at once; it **flows** from one
shape into the other, step by step. The generator has learned a smooth function that sends
nearby points of noise space to similar images; if it were a lookup table of memorised
pictures, the walk would jump from one picture to another. The frames in the middle often
resemble no digit exactly: those in-between shapes are images that appear nowhere in the
training data.

Second, the two rows share their ends, but their middles come from different noise. In
theory the middle of the straight path, made from unusually short noise, should look fainter
or more "average"; in practice, with this small generator, the two rows often differ only
slightly. The solid part of the argument is the lengths above: slerp never asks the generator
about noise unlike anything it was trained on. Slerp for walking noise
space was popularised by Tom White's *Sampling Generative Networks* (2016) {cite}`white2016`.

## Imagined, not copied

The original post remarked that the generated digits do not match MNIST exactly, that they
look imagined {cite}`blogpost`. We can measure that. The reference generator was trained on
the 10,000 bundled digits, so if it copies, its copies should be there. For each of eight new
samples, let us find the **nearest** real digit among those 10,000 in pixel space (784 pixels
in $[-1, 1]$):
""",
    ),
    code(
        """
real, _ = data.load_mnist("bundled")
samples = sampling.generate(generator, sampling.noise(8, seed=3))
index, distance = sampling.nearest_real(samples, real)
"""
    ),
    code(
        tr="""
pairs = np.concatenate([samples, data.scale_images(real[index])])
captions = [""] * 8 + [f"{d:.1f}" for d in distance]
plotting.show_grid(pairs, ncols=8, captions=captions, title="üst: üretilen · alt: en yakın gerçek rakam (uzaklık)")
plt.show()
""",
        en="""
pairs = np.concatenate([samples, data.scale_images(real[index])])
captions = [""] * 8 + [f"{d:.1f}" for d in distance]
plotting.show_grid(pairs, ncols=8, captions=captions, title="top: generated · bottom: nearest real digit (distance)")
plt.show()
""",
    ),
    md(
        tr=r"""
Bir uzaklığın büyük mü küçük mü olduğunu anlamak için bir ölçeğe ihtiyacımız var. Birebir bir
kopyanın uzaklığı 0 olurdu. Gerçek rakamların **birbirine** ne kadar uzak olduğuna bakalım:
ilk sekiz gerçek rakamın, geri kalan 9.992 rakam içindeki en yakın komşusu:
""",
        en=r"""
To judge whether a distance is large or small we need a scale. An exact copy would be at
distance 0. Let us see how far real digits are from **each other**: the nearest neighbour of
each of the first eight real digits among the other 9,992:
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
_, real_distance = sampling.nearest_real(data.scale_images(real[:8]), real[8:])
print("üretilen → en yakın gerçek:", distance.round(1))
print("gerçek   → en yakın gerçek:", real_distance.round(1))
""",
        en="""
# NBVAL_IGNORE_OUTPUT
_, real_distance = sampling.nearest_real(data.scale_images(real[:8]), real[8:])
print("generated → nearest real:", distance.round(1))
print("real      → nearest real:", real_distance.round(1))
""",
    ),
    md(
        tr=r"""
Örneklerin en yakın komşuları onlara **benzer**: çoğu zaman aynı rakam, benzer eğim ve
kalınlıkta. Ama hiçbiri kopya değil: uzaklıklar sıfırdan çok uzak; gerçek rakamların en
yakın komşularına olan uzaklıklarıyla aynı aralıkta, çoğu zaman biraz daha büyük. (Gerçek
rakamlar arasında bile birbirine çok yakın "ikizler" bulunur.) Üretici, gördüğü rakamların ortak yapısını (bir
7'nin nasıl çizildiğini) öğrenmiş ve o yapıdan yeni örnekler üretiyor; tek tek resimleri
ezberlememiş. (Piksel uzayındaki uzaklık kaba bir ölçüdür: bir piksel kaydırılmış bir rakam
bile uzak görünebilir. Ama küçük bir uzaklığın kopyayı ele vereceği kesindir; burada öyle bir
şey yok.)

## Komut satırından

Aynı şeyi bir not defteri açmadan da yapabilirsiniz. Önce kendi üreticinizi eğitin (her dönem
kaydedilir; yarıda kalırsa `--resume` kaldığı yerden sürdürür), sonra ondan bir ızgara çekin:

```bash
python -m ganlib train --epochs 50 --out runs/benim
python -m ganlib sample --weights runs/benim/generator.weights.h5 --n 64 --seed 0 --out grid.png
```

`sample`, `sampling.noise(64, seed=0)` ile aynı gürültüyü kullanır; yani referans ağırlıklarla
çalıştırıldığında yukarıdaki 64'lük ızgarayı verir. Referans ağırlıklar,
`pretrained.reference_dir()` klasöründeki `generator.weights.h5` dosyasıdır.

## Özet

- Eğitimden sonra yalnızca üretici gerekir: `pretrained.load_generator()`, sonra
  `sampling.generate(generator, sampling.noise(n, seed=...))`.
- Üretici deterministiktir: aynı gürültü her zaman aynı resmi, farklı gürültü farklı resmi verir.
- 200 boyutlu gürültü, uzunluğu $\sqrt{200} \approx 14{,}1$ olan ince bir kabukta yaşar. Düz
  çizgi üzerinde yürümek ortada bu kabuğun içine (uzunluk ≈ 10) düşer; slerp kabukta kalır.
  İki yürüyüşte de rakamlar birbirine düzgünce akar.
- Örneklerin eğitim verisindeki en yakın komşuları onlara benzer ama kopyaları değildir:
  üretici hayal ediyor, ezberlemiyor.
- Komut satırı: `python -m ganlib train ...` ve `python -m ganlib sample --weights ... --n 64 --seed 0`.
""",
        en=r"""
The nearest neighbours **resemble** the samples: usually the same digit, with a similar slant
and thickness. But none is a copy: the distances are far from zero, in the same range as
real digits' distances to their own nearest neighbours, often somewhat larger. (Even among
real digits there are near-twins.) The generator has learned the shared structure
of the digits it saw (how a 7 is drawn) and makes new examples from it; it has not memorised
individual pictures. (Distance in pixel space is a crude measure: a digit shifted by one pixel
can already look far away. But a copy would certainly give itself away with a small distance,
and there is nothing of the kind here.)

## From the command line

You can do the same without opening a notebook. First train your own generator (every epoch
is saved; if it stops halfway, `--resume` carries on where it left off), then draw a grid from
it:

```bash
python -m ganlib train --epochs 50 --out runs/mine
python -m ganlib sample --weights runs/mine/generator.weights.h5 --n 64 --seed 0 --out grid.png
```

`sample` uses the same noise as `sampling.noise(64, seed=0)`, so with the reference weights it
draws the 64-digit grid above. The reference weights are the file `generator.weights.h5` in
the folder `pretrained.reference_dir()` returns.

## Summary

- After training only the generator is needed: `pretrained.load_generator()`, then
  `sampling.generate(generator, sampling.noise(n, seed=...))`.
- The generator is deterministic: the same noise always gives the same image, different noise
  a different one.
- 200-D noise lives on a thin shell of length $\sqrt{200} \approx 14.1$. Walking a straight
  line sinks inside that shell in the middle (length ≈ 10); slerp stays on it. Along both
  walks the digits flow smoothly into each other.
- The samples' nearest neighbours in the training data resemble them but are not copies: the
  generator imagines, it does not memorise.
- Command line: `python -m ganlib train ...` and `python -m ganlib sample --weights ... --n 64 --seed 0`.
""",
    ),
]

CELLS += [
    exercises_heading(),
    *exercise(
        "06-lerp",
        title={"tr": "Doğrusal yürüyüşü kendiniz yazın", "en": "Write the straight walk yourself"},
        text={
            "tr": """`my_lerp(z0, z1, steps)` fonksiyonunu yazın: `z0`'dan `z1`'e giden düz çizgi üzerinde, eşit
aralıklı `steps` tane vektörü `(steps, boyut)` şeklinde bir dizi olarak döndürsün. İki uç da dahil:
ilk satır tam olarak `z0`, son satır tam olarak `z1` olmalı. Formül yukarıda:
$z(t) = (1-t)\\,z_0 + t\\,z_1$.""",
            "en": """Write `my_lerp(z0, z1, steps)`: it returns `steps` evenly spaced vectors on the straight line from
`z0` to `z1`, as an array of shape `(steps, dimension)`. Both ends are included: the first row is
exactly `z0`, the last row exactly `z1`. The formula is above: $z(t) = (1-t)\\,z_0 + t\\,z_1$.""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: gövdeyi yazın (np.linspace ve yayınlama, yani broadcasting, işinize yarar)
def my_lerp(z0, z1, steps):
    raise NotImplementedError""",
            "en": """# ✏️ EXERCISE: write the body (np.linspace and broadcasting will help)
def my_lerp(z0, z1, steps):
    raise NotImplementedError""",
        },
        solution={
            "tr": """# t, 0'dan 1'e steps tane değer; [:, None] onu bir sütuna çevirir, böylece her t bir satır verir
def my_lerp(z0, z1, steps):
    t = np.linspace(0, 1, steps)[:, None]
    return (1 - t) * z0 + t * z1


# yukarıdaki yürüyüşle aynı yol mu?
print(np.allclose(my_lerp(z0, z1, 10), linear, atol=1e-5))""",
            "en": """# t takes steps values from 0 to 1; [:, None] makes it a column, so each t gives one row
def my_lerp(z0, z1, steps):
    t = np.linspace(0, 1, steps)[:, None]
    return (1 - t) * z0 + t * z1


# the same path as the walk above?
print(np.allclose(my_lerp(z0, z1, 10), linear, atol=1e-5))""",
        },
        check='from ganlib import exercises\n\nexercises.check_lerp(my_lerp, lang="{lang}")',
    ),
    *question(
        "06-two-digits",
        title={"tr": "Seçtiğiniz iki rakam arasında yürüyün", "en": "Walk between two digits of your choice"},
        text={
            "tr": """Yukarıdaki yürüyüşün uçlarını tohum 7 belirledi. Kendi yürüyüşünüzü kurun: örnekleri **farklı**
rakamlara benzeyen iki gürültü tohumu bulun (ör. bir 1 ile bir 8) ve aralarında slerp ile 10 adımlık
bir yürüyüş gösterin. Yol boyunca ne görüyorsunuz? Aynı rakama benzeyen iki tohumla tekrarlayınca ne
değişiyor?""",
            "en": """Seed 7 chose the ends of the walk above. Build your own: find two noise seeds whose samples look
like **different** digits (say a 1 and an 8), and show a 10-step slerp walk between them. What do you
see along the way? What changes when you repeat it with two seeds that look like the same digit?""",
        },
        answer={
            "tr": """Önce aday tohumlara bakın; her kareye tohumunu yazalım:

```python
candidates = np.concatenate([sampling.noise(1, seed=s) for s in range(16)])
plotting.show_grid(sampling.generate(generator, candidates), captions=[str(s) for s in range(16)], title="tohum")
plt.show()
```

Izgaradan farklı rakamlara benzeyen iki tohum seçin ve aralarında yürüyün:

```python
a, b = 4, 9  # kendi ızgaranızdan seçtiğiniz iki tohum
z_a, z_b = sampling.noise(1, seed=a)[0], sampling.noise(1, seed=b)[0]
walk = sampling.interpolate(z_a, z_b, steps=10, method="slerp")
plotting.show_grid(sampling.generate(generator, walk), ncols=10, title=f"tohum {a} → tohum {b}")
plt.show()
```

Görülen: rakam bir karede birden değişmez; çizgi adım adım biçim değiştirir. Örneğin bir 1'den
8'e giderken dik çizgi önce eğilebilir, sonra ilmekler belirip kapanır. Ortadaki bir iki kare çoğu zaman
**hiçbir** rakama tam benzemez, bazen de yol kısa bir süre üçüncü bir rakamın (ör. bir 3'ün ya da
9'un) içinden geçer: gürültü uzayında iki rakamın arası boş değildir, başka rakamların bölgeleri
de oradadır. Aynı rakama benzeyen iki tohumla yürüyünce kimlik sabit kalır, yalnızca **üslup**
değişir: eğim, kalınlık, ilmeğin büyüklüğü. Gürültü, rakamın kimliğinin yanında el yazısının
karakterini de taşır.""",
            "en": """First look at some candidate seeds, with each cell captioned by its seed:

```python
candidates = np.concatenate([sampling.noise(1, seed=s) for s in range(16)])
plotting.show_grid(sampling.generate(generator, candidates), captions=[str(s) for s in range(16)], title="seed")
plt.show()
```

Pick two seeds that look like different digits, and walk between them:

```python
a, b = 4, 9  # two seeds picked from your own grid
z_a, z_b = sampling.noise(1, seed=a)[0], sampling.noise(1, seed=b)[0]
walk = sampling.interpolate(z_a, z_b, steps=10, method="slerp")
plotting.show_grid(sampling.generate(generator, walk), ncols=10, title=f"seed {a} → seed {b}")
plt.show()
```

What you see: the digit does not switch in one frame; the stroke changes shape step by step. On
the way from a 1 to an 8, for example, the straight stroke may first bend, then loops appear and
close. A frame or
two in the middle often looks like **no** digit at all, and sometimes the walk briefly passes
through a third digit (a 3 or a 9, say): in noise space the way between two digits is not empty,
other digits' regions lie there too. Walking between two seeds of the same digit, the identity
stays and only the **style** changes: slant, thickness, the size of a loop. Besides the digit's
identity, the noise also carries the character of the handwriting.""",
        },
    ),
    *question(
        "06-slerp-norm",
        title={"tr": "Düz çizgi ne kadar içeri çöker?", "en": "How far does the straight line sag?"},
        text={
            "tr": """Yukarıda doğrusal yolun ortasında gürültünün uzunluğunun yaklaşık 10'a düştüğünü ölçtük. Bunu
hesapla gösterin: iki bağımsız 200 boyutlu $N(0, 1)$ vektörü için $z(t) = (1-t)\\,z_0 + t\\,z_1$'in
uzunluğu, $t$'ye bağlı olarak yaklaşık ne kadardır? Slerp bu uzunluğu neden korur? Ve en önemlisi:
bu, üretici için neden önemlidir?""",
            "en": """Above we measured that the noise's length drops to about 10 in the middle of the straight path.
Show it with a calculation: for two independent 200-D $N(0, 1)$ vectors, about how long is
$z(t) = (1-t)\\,z_0 + t\\,z_1$ as a function of $t$? Why does slerp keep the length? And above all:
why does it matter to the generator?""",
        },
        answer={
            "tr": r"""Uzunluğun karesini açalım:

$$\|z(t)\|^2 = (1-t)^2\,\|z_0\|^2 + t^2\,\|z_1\|^2 + 2t(1-t)\; z_0 \cdot z_1 .$$

$\|z_0\|^2$ ve $\|z_1\|^2$ 200 karenin toplamıdır, ikisi de 200 civarındadır. Çapraz terim
$z_0 \cdot z_1$ ise ortalaması 0 olan 200 çarpımın toplamıdır ve tipik büyüklüğü yalnızca
$\sqrt{200} \approx 14$'tür, yani 200'ün yanında küçüktür. Demek ki

$$\|z(t)\| \approx \sqrt{200}\,\sqrt{(1-t)^2 + t^2} .$$

$t = 0$ ve $t = 1$'de bu $\sqrt{200} \approx 14{,}1$; $t = 1/4$'te $\sqrt{125} \approx 11{,}2$; en
dip nokta $t = 1/2$'de $\sqrt{100} = 10$. Yukarıda ölçtüğümüz de buydu.

Aynı hesap slerp'in sırrını da verir: $z_0 \cdot z_1$, uzunlukların çarpımının (≈ 200) yanında
küçük olduğu için iki vektör arasındaki açı neredeyse tam 90°'dir (200 boyutta iki rastgele yön
arasındaki açı, 100 denemenin 95'inde 82° ile 98° arasındadır). $\Omega = 90°$ iken slerp'in katsayıları
$\cos(t\pi/2)$ ve $\sin(t\pi/2)$ olur, kareleri toplamı her $t$ için 1'dir; yol, yarıçapı
$\sqrt{200}$ olan bir çemberin yayıdır. (Uçların uzunlukları biraz farklıysa slerp aradaki
uzunlukları yumuşakça geçer; yine kabuktan ayrılmaz.)

Neden önemli: üretici eğitim boyunca yalnızca uzunluğu 14 civarında olan gürültü gördü; uzunluğu
10 olan bir gürültü çekmenin olasılığı milyarda birden azdır. İlginç olan, yoğunluğun en yüksek
olduğu tek nokta başlangıç noktası (sıfır vektörü) olmasına rağmen, oraya yakın **hiçbir** çekimin
düşmemesidir: yüksek boyutta olasılığın neredeyse tamamı ince kabuktadır. Düz çizginin ortası,
üreticiye hiç sorulmamış bir soru sorar; slerp sormaz. (Bir başka çare: doğrusal yolu yürüyüp her
vektörü yeniden $\sqrt{200}$ uzunluğuna ölçeklemek.)""",
            "en": r"""Expand the squared length:

$$\|z(t)\|^2 = (1-t)^2\,\|z_0\|^2 + t^2\,\|z_1\|^2 + 2t(1-t)\; z_0 \cdot z_1 .$$

$\|z_0\|^2$ and $\|z_1\|^2$ are sums of 200 squares, both close to 200. The cross term
$z_0 \cdot z_1$ is a sum of 200 products with mean 0, and its typical size is only
$\sqrt{200} \approx 14$, small next to 200. So

$$\|z(t)\| \approx \sqrt{200}\,\sqrt{(1-t)^2 + t^2} .$$

At $t = 0$ and $t = 1$ that is $\sqrt{200} \approx 14.1$; at $t = 1/4$ it is
$\sqrt{125} \approx 11.2$; the lowest point, at $t = 1/2$, is $\sqrt{100} = 10$. Just what we
measured above.

The same calculation explains slerp: since $z_0 \cdot z_1$ is small next to the product of the
lengths (≈ 200), the angle between the vectors is almost exactly 90° (in 200 dimensions the angle between two
random directions lies between 82° and 98° in 95 cases out of 100). With $\Omega = 90°$ slerp's weights are
$\cos(t\pi/2)$ and $\sin(t\pi/2)$, whose squares add up to 1 for every $t$: the path is an arc of
a circle of radius $\sqrt{200}$. (If the two ends differ a little in length, slerp passes smoothly
between them and still stays on the shell.)

Why it matters: during training the generator only ever saw noise of length about 14; the chance of
drawing noise of length 10 is below one in a billion. The curious part is that the single point of
highest density is the origin (the zero vector), and yet **no** draws land anywhere near it: in
high dimensions almost all the probability sits on the thin shell. The middle of the straight line
asks the generator a question it was never asked in training; slerp does not. (Another fix: walk
the straight line and rescale every vector to length $\sqrt{200}$.)""",
        },
    ),
]
