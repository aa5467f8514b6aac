from build_notebooks import code, md

SLUG = {"tr": "00-giris", "en": "00-introduction"}
TITLE = {"tr": "Giriş: neden GAN?", "en": "Introduction: why GANs?"}

CELLS = [
    md(
        tr=r"""
Bu kitap tek bir fikri baştan sona, çalışan kodla anlatıyor: iki yapay sinir ağını birbirine rakip
yapmak ve bu yarıştan, birinin inandırıcı sahte görüntüler üretmeyi öğrenmesi. Fikrin adı
**üretici hasımsal ağ** (*generative adversarial network*, kısaca GAN). Kitabın sonunda elimizde,
200 rastgele sayıdan daha önce hiç var olmamış el yazısı rakamlar "hayal eden" bir ağ olacak.

## Önce: etiketle öğrenen ağlar

Yapay sinir ağlarının ilk büyük başarıları sınıflandırmada geldi. Ağa binlerce fotoğraf verilir ve
her birinin yanında doğru cevap yazar: *kedi*, *köpek*, *uçak*. Ağ kendi tahminini bu etiketle
karşılaştırır ve yanıldığı ölçüde ağırlıklarını düzeltir. **Evrişimsel ağlar** (*convolutional
networks*) bu işi çok ileriye taşıdı {cite}`lecun1998`: görüntünün üzerinde küçük filtreler
kaydırarak önce kenarları, sonra kenarlardan oluşan şekilleri, sonra şekillerden oluşan nesneleri
tanımayı öğrendiler. Pikseller ile anlam arasındaki çetrefil ilişkileri yakalayabiliyorlardı.

Ama hepsi aynı soruya bağlıydı: *bu görüntü, verilen etiketlerden hangisine ait?* Böyle bir ağ bir
kediyi tanır ama bir kedi çizemez; cevabını hep önceden belirlenmiş bir listeden seçer.
""",
        en=r"""
This book tells one idea from start to finish, with code that runs: set two neural networks against
each other, and let one of them learn, from that contest, to make convincing fakes. The idea is called
a **generative adversarial network**, or GAN. By the end we will have a network that turns 200 random
numbers into handwritten digits that never existed.

## Before: networks that learn from labels

The first big successes of neural networks were in classification. You show a network thousands of
photos, each with the right answer attached: *cat*, *dog*, *plane*. The network compares its guess
with that label and corrects its weights by however much it was wrong. **Convolutional networks**
took this a long way {cite}`lecun1998`: by sliding small filters over an image they learn to spot
edges, then shapes made of edges, then objects made of shapes. They capture intricate relations
between raw pixels and meaning.

But they are all tied to one question: *which of the given labels does this image belong to?* Such a
network can recognise a cat but cannot draw one; its answer is always picked from a list someone
wrote in advance.
""",
    ),
    md(
        tr=r"""
## Denetimsiz ve üretimsel

Üç kelimeyi netleştirelim; kitap boyunca kullanacağız.

- **Denetimli öğrenme** (*supervised learning*): Her örneğin yanında doğru cevap, yani bir
  **etiket** vardır. Model girdiden cevaba giden yolu öğrenir. Etiketleri çoğu zaman insanlar tek
  tek yazar; bu yavaş ve pahalıdır.
- **Denetimsiz öğrenme** (*unsupervised learning*): Elimizde yalnızca örnekler vardır, cevap yoktur.
  Model verideki düzeni kendi bulmak zorundadır.
- **Üretimsel model** (*generative model*): Verinin neye benzediğini o kadar iyi öğrenir ki aynı
  kaynaktan gelmiş olabilecek *yeni* örnekler üretebilir. Bir sınıflandırıcı sınıfların arasına bir
  sınır çizer; üretimsel bir model ise verinin *nerede yaşadığını*, yani hangi görüntülerin olası,
  hangilerinin olanaksız olduğunu öğrenir.

GAN'ler bu ikisini birleştirir: etiket istemezler ve eğitim bitince yeni örnek üretirler. Kullanacağımız
MNIST rakamlarının her birinin bir etiketi (0–9) olsa da bu kitaptaki GAN onlara hiç bakmaz. Eğitimde
kullandığı tek bilgi, bir görüntünün gerçek mi sahte mi olduğudur; o etiketleri de kendimiz koyarız
([4. bölüm](../tr/04-etiketler.ipynb)).

## Neden bu kadar heyecan?

Derin öğrenmenin öncülerinden Yann LeCun, GAN'leri ve arkalarındaki hasımsal eğitim fikrini, son on
yılda yapay öğrenmede ortaya çıkan en ilginç fikir olarak nitelemişti (sözlerini burada kendi
cümlelerimizle aktarıyoruz). Kulağa abartılı gelebilir; ama GAN'lerin yapabildiklerine bakınca bu
heyecan anlaşılıyor:

- **Yeni görüntüler.** Binlerce örneği gördükten sonra, hiçbirinin kopyası olmayan ama aralarına
  karışsa kimsenin fark etmeyeceği yeni görüntüler üretmek: yüzler, odalar, el yazısı rakamlar.
- **Sözden resme.** "Kanatları siyah, göğsü sarı küçük bir kuş" gibi bir tarif verildiğinde o tarife
  uyan bir görüntü üretmek.
- **Resimden resme çeviri.** Elle çizilmiş bir taslağı fotoğrafa yakın bir görüntüye dönüştürmek; bir
  uydu fotoğrafını yolları ve binaları gösteren bir haritaya çevirmek, ya da tersine, haritadan uydu
  görüntüsüne gitmek.

Bu kadar farklı işin aynı fikirle yapılabilmesinin sebebi basit: bir ağın girdisi, sonuçta bir
**gerçel sayılar vektörüdür**. O sayılar rastgele gürültü olabilir, bir cümlenin kelimelerini
kodlayabilir, başka bir görüntünün pikselleri olabilir; mimari açısından bu pek fark etmez. Ağ sayıları
alır ve görüntüye çevirir; sayıların neyi temsil ettiğini "bilmesi" gerekmez. Biz en sade hâliyle
başlıyoruz: girdi, 200 tane rastgele sayı.
""",
        en=r"""
## Unsupervised and generative

Three words we will use throughout the book:

- **Supervised learning**: every example comes with the right answer, a **label**. The model learns
  the way from input to answer. Labels are usually written by people, one by one, which is slow and
  expensive.
- **Unsupervised learning**: there are only examples, no answers. The model has to find the structure
  in the data by itself.
- **Generative model**: a model that learns what the data look like so well that it can produce *new*
  examples that could have come from the same source. A classifier draws a border between classes; a
  generative model learns *where the data live*: which images are plausible and which are impossible.

GANs combine the two: they need no labels, and once trained they produce new examples. Each MNIST
digit we use does have a label (0–9), but the GAN in this book never looks at it. The only thing it is
told during training is whether an image is real or fake, and we make up those labels ourselves
([chapter 4](../en/04-labels.ipynb)).

## Why the excitement?

Yann LeCun, one of the pioneers of deep learning, once called GANs, and the adversarial training
behind them, the most interesting idea to appear in machine learning in the last ten years (this is
our paraphrase, not his exact words). That may sound like hype, until you look at what GANs can do:

- **New images.** After seeing thousands of examples, produce new ones that copy none of them yet
  would pass unnoticed among them: faces, rooms, handwritten digits.
- **Text to image.** Given a description such as "a small bird with black wings and a yellow
  breast", produce an image that fits it.
- **Image-to-image translation.** Turn a hand-drawn sketch into a photo-like picture; turn a satellite
  photo into a map of roads and buildings, or go the other way, from the map back to an aerial view.

One idea covers such different jobs for a simple reason: whatever goes into a network is, in the end,
a **vector of real numbers**. Those numbers may be random noise, may encode the words of a sentence,
may be the pixels of another image; for the architecture it makes little difference. The network takes
numbers and turns them into an image; it does not need to "know" what the numbers stand for. We start
with the plainest case: the input is 200 random numbers.
""",
    ),
    md(
        tr=r"""
## İki ağ, tek oyun

![GAN şeması: gürültü, üretici, sahte ve gerçek görüntüler, ayırtaç](../figures/gan-diagram-tr.svg)

- **Üretici** (*generator*, $G$) 200 sayılık bir gürültü vektörü $z$ alır ve 28×28 piksellik bir
  görüntü çıkarır. Eğitimin başında çıkardığı şey anlamsız lekelerdir.
- **Ayırtaç** (*discriminator*, $D$) bir görüntü alır ve tek bir sayı verir: $D(x)$, görüntünün gerçek
  olma olasılığı. 1'e yakınsa "gerçek", 0'a yakınsa "sahte" demektir.
- Ayırtaç, gerçek MNIST rakamlarını üreticinin sahtelerinden ayırmayı öğrenir. Üretici ise ayırtacın
  kararını geri besleme olarak kullanır: görüntüsünü hangi yönde değiştirirse ayırtacı daha iyi
  kandıracağını öğrenir.

Şemadan kolayca gözden kaçan bir ayrıntı: üretici tek bir gerçek rakam bile görmez. Gerçek verinin neye
benzediğini yalnızca ayırtacın tepkilerinden çıkarır. Bir sonraki bölüm bu oyunu bir kalpazan ile bir
polis üzerinden anlatıyor ve onu tek boyutta, birkaç saniyede, gözümüzün önünde eğitiyor; oradaki
grafiklerde de üretici turuncu, ayırtaç mavi.

## Taklit edeceğimiz şey

Üreticinin taklit etmeye çalışacağı veri MNIST: 28×28 piksellik, gri tonlu el yazısı rakamlar
{cite}`lecun1998`. `ganlib` paketi, internet olmadan da çalışabilmek için MNIST'in 10.000 rakamlık test
bölümünü içinde taşır. Aşağıda ilk 24 tanesi var. Her rakamın sol alt köşesindeki küçük sayı onun
etiketi: onu yalnızca biz görüyoruz, GAN hiç kullanmayacak.
""",
        en=r"""
## Two networks, one game

![Diagram of a GAN: noise, generator, fake and real images, discriminator](../figures/gan-diagram-en.svg)

- The **generator** ($G$) takes a noise vector $z$ of 200 numbers and outputs a 28×28 pixel image. At
  the start of training what it outputs is meaningless smudges.
- The **discriminator** ($D$) takes an image and outputs a single number: $D(x)$, the probability that
  the image is real. Close to 1 means "real", close to 0 means "fake".
- The discriminator learns to tell real MNIST digits from the generator's fakes. The generator uses
  the discriminator's verdict as feedback: it learns in which direction to change its images to fool
  the discriminator better.

One detail is easy to miss in the diagram: the generator never sees a single real digit. Everything it
learns about the real data, it learns from the discriminator's reactions. The next chapter tells this
game as a story about a counterfeiter and the police, then trains it in one dimension, in a few
seconds, in front of your eyes; its plots keep the colours, orange for the generator and blue for the
discriminator.

## What we will learn to imitate

The data the generator will try to imitate is MNIST: handwritten digits, 28×28 pixels, in shades of
grey {cite}`lecun1998`. So that everything works offline, the `ganlib` package carries MNIST's test
split of 10,000 digits inside it. Here are the first 24. The small number in the bottom-left corner of
each digit is its label: it is there for us only, the GAN will never use it.
""",
    ),
    code(
        tr="""
from ganlib.data import load_mnist
from ganlib.plotting import show_grid

images, labels = load_mnist("bundled")  # ganlib'in içinde gelen 10.000 rakam
print(images.shape, images.dtype, images.min(), images.max())
ax = show_grid(images[:24], ncols=12, captions=labels[:24], title="MNIST'ten 24 rakam (köşede: etiket)")
""",
        en="""
from ganlib.data import load_mnist
from ganlib.plotting import show_grid

images, labels = load_mnist("bundled")  # the 10,000 digits that ship inside ganlib
print(images.shape, images.dtype, images.min(), images.max())
ax = show_grid(images[:24], ncols=12, captions=labels[:24], title="24 MNIST digits (in the corner: the label)")
""",
    ),
    md(
        tr=r"""
Her görüntü 28 × 28 = 784 sayıdan ibaret; her sayı 0 (siyah) ile 255 (beyaz) arasında bir parlaklık.
Üreticinin işi, 200 rastgele sayıyı böyle 784 sayılık bir tabloya çevirmek; ama öyle bir tabloya ki
ayırtaç onu bu rakamlardan ayıramasın.

## Yol haritası

1. [Kalpazan ve polis](../tr/01-kalpazan-ve-polis.ipynb): benzetme, oyunun kuralları ve tek boyutlu
   bir GAN'in canlı eğitimi.
2. [Ayırtaç](../tr/02-ayirtac.ipynb): 28×28'lik bir görüntüyü tek bir olasılığa indiren evrişimsel
   ağ.
3. [Üretici](../tr/03-uretici.ipynb): 200 sayılık gürültüyü yukarı örnekleme ve evrişimle bir rakama
   dönüştüren ağ.
4. [Etiketler](../tr/04-etiketler.ipynb): "gerçek" ve "sahte" etiketlerini kendimiz nasıl ürettiğimiz
   ve tek taraflı etiket yumuşatma.
5. [Eğitim](../tr/05-egitim.ipynb): iki ağı sırayla güncelleyen döngü, kayıp eğrileri ve dönemler
   boyunca beliren rakamlar.
6. [Örnekleme](../tr/06-ornekleme.ipynb): eğitilmiş üreticiden yeni rakamlar almak, iki gürültü
   arasında yürümek ve üreticinin kopyalamadığını, gerçekten "hayal ettiğini" sınamak.
7. [Değerlendirme](../tr/07-degerlendirme.ipynb): kayıplar neden yetmez; bir rakam sınıflandırıcısını
   hakem yapıp kalpazanın ne kadar iyi olduğunu ölçmek.

Türkçe terimlerin İngilizce karşılıkları [sözlükte](../glossary.md), atıf yapılan çalışmalar
[kaynakçada](../references.md).

## Defterleri çalıştırmak

Her bölüm bir Jupyter defteri. Kitapta çıktıları hazır görürsünüz, ama defterleri kendiniz de
çalıştırabilirsiniz:

- **Kendi bilgisayarınızda (CPU):** eğitimler küçültülmüş ayarlarla birkaç dakikada biter. Rakamlar
  kaba olur ama fikir görünür.
- **Colab'de (GPU):** her bölümün başındaki kurulum hücresi `ganlib`'i kurar ve kaynak yazının
  ayarlarına geçer: 60.000 rakam üzerinde 50 dönem.

Hangi ayarlarla çalıştığınızı şu hücre söyler:
""",
        en=r"""
Each image is just 28 × 28 = 784 numbers, each a brightness between 0 (black) and 255 (white). The
generator's job is to turn 200 random numbers into a table of 784 numbers like these, such a table that
the discriminator cannot tell it apart from the real digits.

## Roadmap

1. [The counterfeiter and the police](../en/01-counterfeiter-and-police.ipynb): the analogy, the
   rules of the game, and a one-dimensional GAN trained live.
2. [The discriminator](../en/02-discriminator.ipynb): a convolutional network that boils a 28×28 image
   down to one probability.
3. [The generator](../en/03-generator.ipynb): a network that turns 200 numbers of noise into a digit by
   upsampling and convolution.
4. [Building the labels](../en/04-labels.ipynb): how we make the "real" and "fake" labels ourselves,
   and one-sided label smoothing.
5. [Training](../en/05-training.ipynb): the loop that updates the two networks in turn, the loss
   curves, and digits emerging epoch by epoch.
6. [Sampling](../en/06-sampling.ipynb): getting new digits out of the trained generator, walking
   between two noise vectors, and checking that it imagines rather than copies.
7. [Evaluation](../en/07-evaluation.ipynb): why the losses are not enough, and measuring how good the
   counterfeiter got with a digit classifier as the judge.

The Turkish terms and their English equivalents are in the [glossary](../glossary.md); the works we
cite are in the [references](../references.md).

## Running the notebooks

Every chapter is a Jupyter notebook. The book shows the outputs, but you can run the notebooks
yourself:

- **On your own computer (CPU):** training runs use reduced settings and finish in a few minutes. The
  digits come out rough, but the idea shows.
- **On Colab (GPU):** the setup cell at the top of every chapter installs `ganlib` and switches to the
  source post's settings: 50 epochs over 60,000 digits.

This cell tells you which settings you are running with:
""",
    ),
    code(
        """
# NBVAL_IGNORE_OUTPUT
from ganlib.config import run_sizes

run_sizes()
"""
    ),
    md(
        tr=r"""
## Kaynak ve teşekkür

Bu kitabın iskeleti Türkçe bir blog yazısı {cite}`blogpost`: bölümlerin sırası, olgular ve mimari
oradan geliyor. Yazıdaki Keras 2 ile yazılmış DCGAN kodu, Zackory Erickson'ın Keras-MNIST-GAN
deposundaki örneği {cite}`zackory` uyarlıyor; kodun başlığı ise Erik Linder-Norén'in Keras-GAN
deposunu {cite}`lindernoren` anıyor. Biz aynı mimariyi (aynı katmanlar, aynı boyutlar, aynı
eniyileyici ayarları, aynı tek taraflı etiket yumuşatma) Keras 3 ile `ganlib` paketinde yeniden
kurduk; metin ve kod bu kitap için yeniden yazıldı. GAN fikri Goodfellow ve arkadaşlarının
{cite}`goodfellow2014`, evrişimsel GAN'lerin (DCGAN) tasarım ilkeleri Radford ve arkadaşlarının
{cite}`radford2015`, tek taraflı etiket yumuşatma ise Salimans ve arkadaşlarının {cite}`salimans2016`
çalışmasından.

## Özet

- Sınıflandırıcılar etiketlere bağlıdır: tanırlar ama üretmezler. GAN'ler etiketsiz (denetimsiz)
  öğrenir ve yeni örnekler üretir.
- Bir GAN iki ağdan oluşur: gürültüyü görüntüye çeviren **üretici** ve bir görüntünün gerçek olma
  olasılığını veren **ayırtaç**. Üretici gerçek veriyi hiç görmez, yalnızca ayırtacın kararından
  öğrenir.
- Girdi yalnızca bir sayı vektörü olduğu için aynı fikir gürültüden resme, sözden resme ve resimden
  resme pek çok işe uzanır.
- Taklit edeceğimiz veri MNIST rakamları; mimari, kaynak yazınınkinin Keras 3 ile yeniden kurulmuş
  hâli.

Sıradaki bölüm: [Kalpazan ve polis](../tr/01-kalpazan-ve-polis.ipynb).
""",
        en=r"""
## Source and credits

The backbone of this book is a Turkish blog post {cite}`blogpost`: the order of the chapters, the
facts and the architecture come from it. The post's DCGAN, written for Keras 2, adapts the example in
Zackory Erickson's Keras-MNIST-GAN repository {cite}`zackory`, while the header of its code credits
Erik Linder-Norén's Keras-GAN {cite}`lindernoren`. We rebuild the same architecture (same layers, same
sizes, same optimizer settings, same one-sided label smoothing) in Keras 3, as the `ganlib` package;
the text and the code are written anew for this book. The GAN idea is due to Goodfellow et al.
{cite}`goodfellow2014`, the design principles of convolutional GANs (DCGAN) to Radford et al.
{cite}`radford2015`, and one-sided label smoothing to Salimans et al. {cite}`salimans2016`.

## Summary

- Classifiers are tied to labels: they recognise but do not create. GANs learn without labels
  (unsupervised) and produce new examples.
- A GAN is two networks: a **generator** that turns noise into an image and a **discriminator** that
  gives the probability that an image is real. The generator never sees the real data; it learns only
  from the discriminator's verdict.
- Since the input is just a vector of numbers, the same idea stretches from noise-to-image to
  text-to-image and image-to-image.
- The data to imitate are MNIST digits; the architecture is the source post's, rebuilt in Keras 3.

Next: [The counterfeiter and the police](../en/01-counterfeiter-and-police.ipynb).
""",
    ),
]
