from build_notebooks import code, exercise, exercises_heading, md, question

SLUG = {"tr": "02-ayirtac", "en": "02-discriminator"}
TITLE = {"tr": "Ayırtaç", "en": "The discriminator"}

CELLS = [
    md(
        tr="""
[Kalpazan ve polis](../tr/01-kalpazan-ve-polis.ipynb) bölümündeki polisi bu bölümde gerçekten
kuruyoruz. Ayırtacın (discriminator) işi tek cümleyle anlatılabilir: eline 28×28 piksellik gri bir
rakam resmi alır ve 0 ile 1 arasında **tek bir sayı** döndürür. Bu sayı, resmin gerçek bir MNIST
rakamı olma olasılığına dair ağın tahminidir: 1'e yakınsa "gerçek", 0'a yakınsa "sahte" demektir.

Bu bakımdan ayırtaç sıradan bir **ikili resim sınıflandırıcısından** farksızdır; "kedi mi, köpek mi?"
diye soran bir ağ nasıl kuruluyorsa bu da öyle kurulur. Mimarisinde GAN'e özgü hiçbir şey yoktur.
Onu özel kılan iki şey başka bölümlerde gelecek: sahteleri kimin ürettiği
([Üretici](../tr/03-uretici.ipynb)) ve "gerçek/sahte" etiketlerinin nasıl kurulduğu
([Etiketleri kurmak](../tr/04-etiketler.ipynb)).
""",
        en="""
This chapter builds the police from [The counterfeiter and the police](../en/01-counterfeiter-and-police.ipynb).
The discriminator's job fits in one sentence: it takes a 28×28 grey image of a digit and returns
**a single number** between 0 and 1, its estimate of the probability that the image is a real MNIST
digit. Close to 1 means "real", close to 0 means "fake".

Seen on its own, the discriminator is an **ordinary binary image classifier**, built exactly like a
network that answers "cat or dog?". Nothing in its architecture is specific to GANs. What makes it
special comes in later chapters: who supplies the fakes ([The generator](../en/03-generator.ipynb))
and how the real/fake labels are made ([Building the labels](../en/04-labels.ipynb)).
""",
    ),
    code(
        """
import ganlib
import keras
import matplotlib.pyplot as plt
import numpy as np
from ganlib.data import load_mnist, scale_images
from ganlib.models import build_discriminator
from ganlib.plotting import show_grid
"""
    ),
    md(
        tr="""
## Ayırtacı kurmak

`ganlib.models.build_discriminator()` kaynak yazıdaki ayırtacı katman katman Keras 3 ile kurar.
Tohumu (seed) önce sabitliyoruz ki ağırlıkların rastgele başlangıç değerleri, dolayısıyla bu
bölümdeki bütün sayılar, her çalıştırmada aynı çıksın.
""",
        en="""
## Building it

`ganlib.models.build_discriminator()` builds the source post's discriminator, layer for layer, in
Keras 3. We fix the random seed first, so that the initial weights, and with them every number in
this chapter, come out the same on every run.
""",
    ),
    code(
        tr="""
keras.utils.set_random_seed(0)  # aynı başlangıç ağırlıkları
discriminator = build_discriminator()
discriminator.summary()
""",
        en="""
keras.utils.set_random_seed(0)  # the same initial weights every time
discriminator = build_discriminator()
discriminator.summary()
""",
    ),
    code(
        """
n_params = discriminator.count_params()
assert n_params == 212_865
print(f"{n_params:,}")
"""
    ),
    md(
        tr="""
Tablonun her satırı bir katmandır; "Output Shape" sütunu bir resmin o katmandan çıktığında aldığı
biçimi gösterir (baştaki `None`, yığındaki (batch) resim sayısının yeridir). Yukarıdan aşağı
okuyunca resim giderek küçülür ama derinleşir: 28×28×1 → 14×14×64 → 7×7×128 → 6272 sayı → 1 sayı.
Ağın toplam 212.865 öğrenilebilir parametresi var. Şimdi katmanlara tek tek bakalım.

## Katman katman

**Evrişim (Conv2D), 5×5, adım 2.** İlk evrişim katmanında 64 filtre vardır; her biri resmin 5×5'lik
bir parçasına bakıp tek bir sayı üretir ve resmin üzerinde kayar. `strides=2` filtrenin ikişer piksel
atlayarak kaymasını söyler, bu yüzden çıktı her yönde yarıya iner: 28 → 14. `padding="same"` kenarları
sıfırla doldurduğu için bölme tam çıkar (28/2 = 14, 14/2 = 7). İkinci evrişim 128 filtreyle
14 → 7'ye iner. İlk katman kenar, çizgi parçası gibi basit desenleri; ikincisi bunların
birleşimlerini (kıvrımlar, halkalar, uç noktalar) yakalamayı öğrenir.

Boyutu küçültmek için ayrı bir havuzlama (pooling) katmanı yerine adımlı evrişim kullanmak
DCGAN'in önerilerinden biridir {cite}`radford2015`: küçültmenin nasıl yapılacağını da ağ kendisi
öğrenir.

**LeakyReLU, eğim 0,2.** Sıradan ReLU negatif girdileri sıfıra çevirir; o bölgede türevi de
sıfırdır. LeakyReLU ise negatif tarafta girdiyi 0,2 ile çarpıp geçirir:
""",
        en="""
Each row of the table is a layer; "Output Shape" is the shape an image has after that layer (the
leading `None` stands for the number of images in the batch). Reading top to bottom, the image gets
smaller but deeper: 28×28×1 → 14×14×64 → 7×7×128 → 6272 numbers → 1 number. In total the network has
212,865 trainable parameters. Let us go through the layers one by one.

## Layer by layer

**Convolution (Conv2D), 5×5, stride 2.** The first convolution has 64 filters; each looks at a 5×5
patch of the image, produces one number, and slides across the image. `strides=2` makes it jump two
pixels at a time, so the output is half as wide and half as tall: 28 → 14. `padding="same"` pads the
border with zeros, so the halving is exact (28/2 = 14, 14/2 = 7). The second convolution, with 128
filters, takes 14 → 7. The first layer learns simple patterns such as edges and stroke fragments;
the second learns combinations of them: curves, loops, stroke ends.

Shrinking the image with strided convolutions instead of a separate pooling layer is one of the
DCGAN guidelines {cite}`radford2015`: the network learns its own way of downsampling.

**LeakyReLU, slope 0.2.** An ordinary ReLU turns negative inputs into zero, and its derivative
there is zero as well. LeakyReLU lets negative inputs through, multiplied by 0.2:
""",
    ),
    code(
        tr="""
t = np.linspace(-3, 3, 101)
plt.figure(figsize=(5, 3))
plt.plot(t, np.maximum(t, 0), label="ReLU")
plt.plot(t, np.where(t > 0, t, 0.2 * t), label="LeakyReLU(0,2)")
plt.axhline(0, color="0.6", lw=0.5)
plt.xlabel("girdi")
plt.ylabel("çıktı")
plt.legend()
plt.show()
""",
        en="""
t = np.linspace(-3, 3, 101)
plt.figure(figsize=(5, 3))
plt.plot(t, np.maximum(t, 0), label="ReLU")
plt.plot(t, np.where(t > 0, t, 0.2 * t), label="LeakyReLU(0.2)")
plt.axhline(0, color="0.6", lw=0.5)
plt.xlabel("input")
plt.ylabel("output")
plt.legend()
plt.show()
""",
    ),
    md(
        tr="""
Bu küçük fark iki nedenle önemli. Birincisi, ReLU ile bir birimin girdisi hep negatif kalırsa
birim "ölür": hiç gradyan almadığı için bir daha da düzelmez. LeakyReLU'da her birim her zaman
en az 0,2 oranında gradyan alır. İkincisi, ve GAN için asıl önemli olanı: üretici hiçbir gerçek
resim görmez, **tek öğrenme kaynağı ayırtaçtan geriye akan gradyandır**. Polisin kararının sahte
resmin piksellerine göre türevi, kalpazana "şu pikselleri şöyle değiştirirsen daha
inandırıcı olur" der. Ayırtaçtaki sıfır türevli bölgeler bu geri bildirimi keser; sızıntılı eğim
ise polisin her sahte için bir şey söylemesini sağlar. DCGAN makalesi de ayırtaçta LeakyReLU
önerir {cite}`radford2015`.

**Bırakma (Dropout), 0,3.** Eğitim sırasında her adımda birimlerin rastgele %30'u sıfırlanır.
Ağ tek tek birimlere güvenemediği için bilgiyi yaymak zorunda kalır; bu, ezberlemeye karşı
bilinen bir önlemdir. GAN'de bir nedeni daha var: polisin **fazla hızlı kazanmasını**
engellemek. Polis gerçekle sahteyi erkenden kusursuz ayırırsa kalpazana verdiği geri bildirim
işe yaramaz hale gelir (bunu [Etiketleri kurmak](../tr/04-etiketler.ipynb) ve
[Eğitim](../tr/05-egitim.ipynb) bölümlerinde göreceğiz). Bırakmanın gürültüsü polisi biraz
yavaşlatır ve iki ağın birlikte ilerlemesine yardım eder.

Bırakma yalnızca eğitimde çalışır. Aynı resmi `training=True` ile iki kez verirsek farklı birimler
sıfırlandığı için iki farklı cevap alırız; `predict` ise çıkarım kipinde çalışır, bırakmayı kapatır
ve hep aynı cevabı verir:
""",
        en="""
This small difference matters for two reasons. First, with ReLU a unit whose input stays negative
"dies": it receives no gradient, so it never recovers. With LeakyReLU every unit always gets at least
0.2 of the gradient. Second, and this is the GAN-specific reason: the generator never sees a real
image. **Its only teacher is the gradient flowing back through the discriminator.** The derivative of
the police's verdict with respect to the pixels of a fake tells the counterfeiter "change these pixels
this way and you will be more convincing". Flat, zero-derivative regions inside the discriminator
would cut that message off; the leaky slope keeps the police saying something about every fake. The
DCGAN paper recommends LeakyReLU in the discriminator for this reason {cite}`radford2015`.

**Dropout, 0.3.** During training, at each step a random 30% of the units are set to zero. The
network cannot rely on any single unit, so it has to spread what it knows; this is a standard guard
against memorising the training data. In a GAN there is a second reason: to keep the police from
**winning too fast**. A police that separates real from fake perfectly early on gives the
counterfeiter feedback it can no longer use (we will see this in [Building the labels](../en/04-labels.ipynb)
and [Training](../en/05-training.ipynb)). The noise of dropout slows the police down a little and
helps the two networks improve together.

Dropout only acts during training. Give the same image twice with `training=True` and different
units are dropped, so the answers differ; `predict` runs in inference mode, with dropout switched
off, and always gives the same answer:
""",
    ),
    code(
        """
images, labels = load_mnist()
one = scale_images(images[:1])
first = discriminator.predict(one, verbose=0)[0, 0]
second = discriminator.predict(one, verbose=0)[0, 0]
print(first.round(3), second.round(3))
"""
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
# bırakma açık: her çağrıda başka birimler sıfırlanır
for _ in range(3):
    print(keras.ops.convert_to_numpy(discriminator(one, training=True))[0, 0].round(3))
""",
        en="""
# NBVAL_IGNORE_OUTPUT
# dropout on: different units are dropped on every call
for _ in range(3):
    print(keras.ops.convert_to_numpy(discriminator(one, training=True))[0, 0].round(3))
""",
    ),
    md(
        tr="""
**Düzleştirme (Flatten) ve Dense + sigmoid.** Son evrişimin 7×7×128'lik çıktısı 6272 sayılık düz bir
vektöre açılır. Tek birimli bir Dense katmanı bu sayıların ağırlıklı toplamını (artı bir sabit)
alır; buna *logit* denir ve herhangi bir gerçel sayı olabilir. Sigmoid,
$\\sigma(s) = 1/(1 + e^{-s})$, bu sayıyı 0 ile 1 arasına sıkıştırır: büyük pozitif logit 1'e,
büyük negatif logit 0'a, sıfır ise tam 0,5'e gider. Çıktıyı "gerçek olma olasılığı" diye
okumamızı sağlayan bu son adımdır.

## 212.865 parametre nereden geliyor?

Bir evrişim katmanının her filtresi, *yükseklik × genişlik × girdi kanalı* kadar ağırlık ve bir
sabit (bias) taşır. Dense katmanında her girdi için bir ağırlık ve bir sabit vardır. Sayıyı
katmanların biçimlerinden kendimiz hesaplayıp Keras'ın saydığıyla karşılaştıralım:
""",
        en="""
**Flatten and Dense + sigmoid.** The 7×7×128 output of the last convolution is unrolled into a flat
vector of 6272 numbers. A Dense layer with one unit takes a weighted sum of them (plus a bias); this
is the *logit*, and it can be any real number. The sigmoid, $\\sigma(s) = 1/(1 + e^{-s})$, squeezes it
into the range 0 to 1: a large positive logit goes to 1, a large negative one to 0, and zero to
exactly 0.5. This last step is what lets us read the output as "probability of being real".

## Where do the 212,865 parameters come from?

Each filter of a convolution carries *height × width × input channels* weights plus one bias. A Dense
layer has one weight per input plus a bias. Let us compute the count from the layer shapes ourselves
and compare it with what Keras counts:
""",
    ),
    code(
        tr="""
conv1 = 5 * 5 * 1 * 64 + 64  # 64 filtre, her biri 5×5×1 ağırlık + 1 sabit
conv2 = 5 * 5 * 64 * 128 + 128  # 128 filtre, her biri 5×5×64 ağırlık + 1 sabit
dense = 7 * 7 * 128 * 1 + 1  # 6272 girdi → 1 çıktı, + 1 sabit
print(f"{conv1:,} + {conv2:,} + {dense:,} = {conv1 + conv2 + dense:,}")
print([layer.count_params() for layer in discriminator.layers])
assert conv1 + conv2 + dense == discriminator.count_params()
""",
        en="""
conv1 = 5 * 5 * 1 * 64 + 64  # 64 filters, each 5×5×1 weights + 1 bias
conv2 = 5 * 5 * 64 * 128 + 128  # 128 filters, each 5×5×64 weights + 1 bias
dense = 7 * 7 * 128 * 1 + 1  # 6272 inputs → 1 output, + 1 bias
print(f"{conv1:,} + {conv2:,} + {dense:,} = {conv1 + conv2 + dense:,}")
print([layer.count_params() for layer in discriminator.layers])
assert conv1 + conv2 + dense == discriminator.count_params()
""",
    ),
    md(
        tr="""
Parametrelerin neredeyse tamamı (%96) ikinci evrişimde: 64 kanalı 128 kanala bağlayan 5×5'lik
filtreler pahalıdır. LeakyReLU, Dropout ve Flatten'ın hiç parametresi yoktur; onlar yalnızca
sayıları dönüştürür. 7×7×128 = 6272 sayısını aklınızda tutun: üretici de tam bu biçimden yola
çıkacak.

## Kanallar sonda: (28, 28, 1)

Kaynak yazıdaki Keras 2 kodu en başta `K.set_image_dim_ordering('th')` çağırıyordu. `'th'`
Theano demekti: kanal boyutu **başta**, yani bir resim `(1, 28, 28)` biçimindeydi; kod bu yüzden
veriyi `X_train[:, np.newaxis, :, :]` ile, ayırtacın girdisini `input_shape=(1, 28, 28)` ile
kuruyordu. O fonksiyon artık Keras'ta yok. Keras 3'ün (ve TensorFlow'un) varsayılanı kanalı
**sona** koymaktır: `(28, 28, 1)`. `ganlib` her yerde bu düzeni kullanır; `scale_images` da
rakamlara sondaki kanal eksenini ekler.
""",
        en="""
Almost all the parameters (96%) sit in the second convolution: 5×5 filters connecting 64 channels to
128 are expensive. LeakyReLU, Dropout and Flatten have no parameters at all; they only transform
numbers. Keep the number 7×7×128 = 6272 in mind: the generator will start from exactly this shape.

## Channels last: (28, 28, 1)

The source post's Keras 2 code starts with `K.set_image_dim_ordering('th')`. `'th'` meant Theano
ordering: the channel axis **first**, so an image had shape `(1, 28, 28)`, which is why the code
shapes its data with `X_train[:, np.newaxis, :, :]` and gives the discriminator
`input_shape=(1, 28, 28)`. That function no longer exists in Keras. Keras 3 (like TensorFlow) puts the
channel **last** by default: `(28, 28, 1)`. `ganlib` uses this layout everywhere, and `scale_images`
adds the trailing channel axis to the digits.
""",
    ),
    code(
        """
print(keras.config.image_data_format())
print(discriminator.input_shape, "→", discriminator.output_shape)
print(hasattr(keras.backend, "set_image_dim_ordering"))
"""
    ),
    md(
        tr="""
## Eğitilmemiş polis

Ağın ağırlıkları şu an rastgele. Ona birkaç gerçek rakam gösterip ne dediğine bakalım. Görüntüler
önce [-1, 1] aralığına ölçeklenir (üreticinin tanh çıktısıyla aynı aralık; bir sonraki bölümde
göreceğiz). Her rakamın altında ayırtacın verdiği $D(x)$ değeri yazıyor:
""",
        en="""
## An untrained police

The weights are random for now. Let us show the network a few real digits and see what it says. The
images are first scaled to [-1, 1] (the range of the generator's tanh output, as the next chapter
shows). Under each digit is the discriminator's answer $D(x)$:
""",
    ),
    code(
        tr="""
real = scale_images(images[:8])
print(real.shape, real.dtype, real.min(), real.max())
p = discriminator.predict(real, verbose=0)[:, 0]
print(p.round(3))
show_grid(real, ncols=8, captions=[f"{v:.2f}" for v in p], title="Eğitilmemiş ayırtaç: D(x)")
plt.show()
""",
        en="""
real = scale_images(images[:8])
print(real.shape, real.dtype, real.min(), real.max())
p = discriminator.predict(real, verbose=0)[:, 0]
print(p.round(3))
show_grid(real, ncols=8, captions=[f"{v:.2f}" for v in p], title="Untrained discriminator: D(x)")
plt.show()
""",
    ),
    md(
        tr="""
Hepsi 0,5 civarında: polis henüz hiçbir şey bilmiyor ve her resme "yarı yarıya" diyor. Bu bir
rastlantı değil. Başlangıçta ağırlıklar küçük olduğundan logit sıfıra yakın çıkar ve
$\\sigma(0) = 0{,}5$'tir. Ayırtaç rakam bile olmayan şeylere de aynı cevabı verir; boş bir sayfaya
ve düzgün dağılımlı gürültüye bakalım:
""",
        en="""
They are all about 0.5: the police knows nothing yet and says "fifty-fifty" to everything. That is
no accident. The initial weights are small, so the logit comes out close to zero, and
$\\sigma(0) = 0.5$. It gives the same answer to things that are not digits at all, such as a blank page
and uniform noise:
""",
    ),
    code(
        """
blank = np.full((1, 28, 28, 1), -1.0, dtype="float32")
static = np.random.default_rng(0).uniform(-1, 1, (1, 28, 28, 1)).astype("float32")
print(discriminator.predict(np.concatenate([blank, static]), verbose=0)[:, 0].round(3))
"""
    ),
    md(
        tr="""
Polisin gerçek rakamı gürültüden ayırmayı öğrenmesi için ona örnek göstermek gerekir: bir yanda
gerçek rakamlar, öbür yanda kalpazanın sahteleri, her birinin üzerinde de doğru etiket. Sahteleri
[Üretici](../tr/03-uretici.ipynb), etiketleri [Etiketleri kurmak](../tr/04-etiketler.ipynb)
bölümünde hazırlayacağız.

```{note}
Sayılar sizin makinenizde son basamakta biraz farklı çıkabilir (örneğin GPU'da), ama resim aynıdır:
eğitilmemiş bir ayırtaç her şeye 0,5'e yakın bir değer verir.
```

## Özet

- Ayırtaç (polis) sıradan bir ikili resim sınıflandırıcısıdır: 28×28×1 resim girer, sigmoid ile
  0–1 arasında "gerçek olma olasılığı" çıkar.
- İki adet 5×5, adım 2 evrişim resmi 28 → 14 → 7'ye indirir; ardından Flatten ve tek birimli
  Dense + sigmoid gelir. Toplam 212.865 parametre, çoğu ikinci evrişimde.
- LeakyReLU (0,2) ölü birimleri önler ve gradyanın, üreticinin tek öğretmeni olarak, geriye
  akmasını sağlar. Dropout (0,3) polisin ezberlemesini ve fazla hızlı kazanmasını engeller.
- Keras 3'te kanallar sondadır, `(28, 28, 1)`; özgün kodun `'th'` düzeni `(1, 28, 28)` idi.
- Eğitilmemiş ayırtaç her resme ≈ 0,5 der: henüz hiçbir şey bilmiyor.
""",
        en="""
To learn to tell a real digit from noise, the police needs examples: real digits on one side, the
counterfeiter's fakes on the other, each with the right label. The fakes come in
[The generator](../en/03-generator.ipynb), the labels in [Building the labels](../en/04-labels.ipynb).

```{note}
On your machine the numbers may differ in the last digit (on a GPU, for example), but the picture is
the same: an untrained discriminator says roughly 0.5 to everything.
```

## Summary

- The discriminator (the police) is an ordinary binary image classifier: a 28×28×1 image goes in,
  a sigmoid "probability of being real" between 0 and 1 comes out.
- Two 5×5 convolutions with stride 2 take the image from 28 → 14 → 7; then Flatten and a one-unit
  Dense layer with a sigmoid. 212,865 parameters in all, most of them in the second convolution.
- LeakyReLU (0.2) avoids dead units and keeps gradients, the generator's only teacher, flowing back.
  Dropout (0.3) keeps the police from memorising and from winning too fast.
- Keras 3 puts channels last, `(28, 28, 1)`; the original code's `'th'` ordering was `(1, 28, 28)`.
- An untrained discriminator says ≈ 0.5 to every image: it knows nothing yet.
""",
    ),
]

CELLS += [
    exercises_heading(),
    *exercise(
        "02-conv-params",
        title={"tr": "Bir evrişim katmanının parametreleri", "en": "The parameters of a convolution"},
        text={
            "tr": """`conv_params(kernel, c_in, c_out)` fonksiyonunu yazın: `c_in` kanallı bir girdiye
uygulanan, `kernel`×`kernel` boyutlu `c_out` filtreli bir `Conv2D` katmanının ağırlık ve sapma (bias)
sayısını döndürsün. Sonra onunla ayırtacın iki evrişimini yeniden sayın. Adım (`strides`) ve
`padding` neden formüle girmiyor?""",
            "en": """Write `conv_params(kernel, c_in, c_out)`: it returns the number of weights and
biases of a `Conv2D` layer with `c_out` filters of size `kernel`×`kernel` applied to an input with
`c_in` channels. Then use it to recount the discriminator's two convolutions. Why do the stride
(`strides`) and `padding` not appear in the formula?""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: gövdeyi yazın (ağırlıklar + sapmalar)
def conv_params(kernel, c_in, c_out):
    raise NotImplementedError""",
            "en": """# ✏️ EXERCISE: write the body (weights + biases)
def conv_params(kernel, c_in, c_out):
    raise NotImplementedError""",
        },
        solution_text={
            "tr": """Her filtre girdinin bütün kanallarına bakar, yani `kernel × kernel × c_in` ağırlık
taşır; `c_out` filtre ve her filtreye bir sapma vardır. Adım ve `padding` yalnızca **aynı** filtrenin
resmin hangi noktalarına uygulanacağını belirler; filtrenin kendisini değiştirmez. Bu yüzden parametre
sayısı resmin boyutundan da adımdan da bağımsızdır: 28×28'lik ya da 280×280'lik bir resme uygulanan
aynı katman aynı sayıda parametre taşır. (Değişen, hesap miktarıdır: adım 1 olsaydı filtre dört kat
daha fazla noktada çalışırdı.)""",
            "en": """Each filter looks at all input channels, so it carries `kernel × kernel × c_in`
weights; there are `c_out` filters and one bias per filter. The stride and `padding` only decide at
which points of the image the **same** filter is applied; they do not change the filter. So the count
depends neither on the image size nor on the stride: the same layer has the same number of parameters
on a 28×28 image and on a 280×280 one. (What changes is the amount of computation: with stride 1 the
filter would run at four times as many points.)""",
        },
        solution={
            "tr": """# her filtre: kernel × kernel × c_in ağırlık + 1 sapma; c_out filtre
def conv_params(kernel, c_in, c_out):
    return kernel * kernel * c_in * c_out + c_out


print(conv_params(5, 1, 64), conv_params(5, 64, 128))
print([layer.count_params() for layer in discriminator.layers if isinstance(layer, keras.layers.Conv2D)])""",
            "en": """# each filter: kernel × kernel × c_in weights + 1 bias; c_out filters
def conv_params(kernel, c_in, c_out):
    return kernel * kernel * c_in * c_out + c_out


print(conv_params(5, 1, 64), conv_params(5, 64, 128))
print([layer.count_params() for layer in discriminator.layers if isinstance(layer, keras.layers.Conv2D)])""",
        },
        check='from ganlib import exercises\n\nexercises.check_conv_params(conv_params, lang="{lang}")',
    ),
    *question(
        "02-dropout-pooling",
        title={
            "tr": "Bırakmasız ya da havuzlamalı bir polis",
            "en": "Police without dropout, or with pooling",
        },
        text={
            "tr": """Ayırtacın iki değişik sürümünü düşünün:

1. Bırakma (dropout) katmanları çıkarılmış.
2. Adımı 2 olan her evrişimin yerinde, adımı 1 olan aynı evrişim ve ardından bir `MaxPooling2D(2)`
   var.

Her birinde parametre sayısı nasıl değişir? Sayı değişmiyorsa başka ne değişir?""",
            "en": """Consider two variants of the discriminator:

1. The dropout layers are removed.
2. Each convolution with stride 2 is replaced by the same convolution with stride 1, followed by a
   `MaxPooling2D(2)`.

How does the parameter count change in each case? If it does not change, what does?""",
        },
        answer={
            "tr": """**Parametre sayısı ikisinde de değişmez: 212.865.**

1. **Bırakmasız.** Dropout'un hiç parametresi yoktur; `build_discriminator(dropout=0.0).count_params()`
   yine 212.865 verir. Aynı ağırlıklarla `predict` bile aynı cevabı verir, çünkü bırakma çıkarımda
   zaten kapalıdır. Değişen **eğitimdir**: gürültüsüz polis daha hızlı öğrenir ve eğitim kümesini
   (özellikle bizim 10.000 rakamlık küçük kümemizi) ezberlemeye daha yatkındır. GAN'de asıl tehlike,
   polisin kalpazandan fazla öne geçmesidir: sahteleri kolayca ve kendinden çok emin yakalayan bir
   polisin gradyanı kalpazana pek bir şey söylemez.
2. **Havuzlamalı.** Adım 1, 28×28'lik çıktıyı verir; `MaxPooling2D(2)` onu 14×14'e indirir. Katmanların
   çıktı biçimleri (14×14×64, 7×7×128) aynı kalır, yani Dense katmanı da aynıdır; filtreler de
   aynıdır (yukarıdaki alıştırma: adım formüle girmez); havuzlamanın parametresi yoktur. Değişenler:
   - **Hesap:** evrişimler dört kat daha fazla noktada çalışır; iki evrişimin çarpma-toplama sayısı
     kabaca dört katına çıkar.
   - **Küçültmeyi kim yapar:** adımlı evrişimde ağ nasıl küçülteceğini öğrenir; havuzlamada kural
     sabittir ("2×2'nin en büyüğünü al"). DCGAN bu yüzden havuzlama yerine adımlı evrişim önerir
     {cite}`radford2015`.
   - **Gradyan:** en büyük değer havuzlamasında gradyan her 2×2 pencerede yalnızca en büyük değere
     akar; öbür üç konum o adımda hiç geri bildirim almaz. Üreticinin tek öğretmeni bu gradyan
     olduğundan, geri bildirim daha seyrek olur.""",
            "en": """**In both cases the count stays at 212,865.**

1. **No dropout.** Dropout has no parameters; `build_discriminator(dropout=0.0).count_params()` still
   gives 212,865. With the same weights even `predict` gives the same answers, since dropout is off at
   inference anyway. What changes is **training**: police without the noise learn faster and are more
   prone to memorising the training set (our bundled set of 10,000 digits especially). The real danger
   in a GAN is the police running too far ahead of the counterfeiter: police that catch every fake
   easily, and with great confidence, send back gradients that tell the counterfeiter little.
2. **Pooling.** Stride 1 gives a 28×28 output, which `MaxPooling2D(2)` brings down to 14×14. The
   layers' output shapes (14×14×64, 7×7×128) are unchanged, so the Dense layer is too; so are the
   filters (see the exercise above: the stride is not in the formula); pooling has no parameters.
   What changes:
   - **Compute:** the convolutions run at four times as many points; the multiply-adds of the two
     convolutions roughly quadruple.
   - **Who does the downsampling:** with a strided convolution the network learns how to shrink the
     image; with pooling the rule is fixed ("keep the largest of each 2×2"). That is why DCGAN
     recommends strided convolutions instead of pooling {cite}`radford2015`.
   - **Gradients:** with max pooling, the gradient in each 2×2 window flows to the largest value only;
     the other three positions get no feedback in that step. Since this gradient is the generator's
     only teacher, its feedback becomes sparser.""",
        },
    ),
]
