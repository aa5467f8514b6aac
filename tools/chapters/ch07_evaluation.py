from build_notebooks import code, exercise, exercises_heading, md, question

SLUG = {"tr": "07-degerlendirme", "en": "07-evaluation"}
TITLE = {"tr": "Değerlendirme: kalpazan ne kadar iyi?", "en": "Evaluation: how good did the counterfeiter get?"}

CELLS = [
    # ------------------------------------------------------------------ the question
    md(
        tr=r"""
Eğitim bitti, üretici rakam çiziyor. Peki **ne kadar iyi** çiziyor? Şimdiye kadar tek aracımız
gözlerimizdi: bir ızgaraya bakıp "bunlar rakama benziyor" dedik. Göz iyi bir hakemdir ama yavaştır,
sayı vermez ve iki koşuyu, iki dönemi ya da iki ayarı karşılaştırmaya gelince güvenilmez olur:
16 resimlik bir ızgarada 2.000 örneğin yarısının 1 olduğunu fark etmek zordur.

Bu bölümde sahte rakamları **sayılarla** ölçüyoruz. Önce kayıpların neden bu işe yaramadığını
görüyoruz. Sonra bir hakem kuruyoruz: küçük bir rakam sınıflandırıcısı. Onun üzerine üç ölçü
oturtuyoruz (sınıflandırıcı skoru, Fréchet uzaklığı ve sınıf histogramı), bunları gerçek
rakamlara, eğitilmemiş bir üreticiye ve referans üreticiye uyguluyoruz, eğitim boyunca nasıl
değiştiklerini izliyoruz. En sonda mod çökmesini kasıtlı olarak taklit edip ölçülerin onu nasıl
yakaladığına, ve ölçülerin **neyi göremediğine** bakıyoruz.
""",
        en=r"""
Training is over and the generator draws digits. But **how good** are they? So far our only tool
has been our eyes: we looked at a grid and said "these look like digits". Eyes are a good judge,
but they are slow, give no number, and become unreliable when we compare two runs, two epochs or
two settings: in a grid of 16 images it is hard to notice that half of 2,000 samples are 1s.

In this chapter we measure fake digits **with numbers**. First we see why the losses cannot do
this job. Then we build a judge, a small digit classifier, and put three measures on top of it
(the classifier score, the Fréchet distance and the class histogram). We apply them to real
digits, to an untrained generator and to the reference generator, and follow them through
training. Finally we fake a mode collapse on purpose to see how the measures catch it, and look
at what the measures **cannot** see.
""",
    ),
    code(
        """
import ganlib
import keras
import matplotlib.pyplot as plt
import numpy as np
from ganlib import metrics, plotting, pretrained, sampling
from ganlib.models import build_generator
"""
    ),
    # ------------------------------------------------------------------ losses
    md(
        tr=r"""
## Kayıplar neden yetmez?

Denetimli öğrenmede kayıp eğrisi bir karne gibidir: düştükçe model iyileşir. [Eğitim](../tr/05-egitim.ipynb)
bölümünde GAN'de durumun böyle olmadığını gördük. Her kayıp, sürekli değişen bir rakibe karşı
ölçülür: üretici iyileşince ayırtacın işi zorlaşır, ayırtaç iyileşince üreticininki. İki taraf da
ilerlerken kayıplar yerinde sayar; ayırt edemeyen bir polis için ikisi de $\ln 2 \approx 0{,}693$
civarında dolaşır, resimler ister leke olsun ister kusursuz rakam.

Bunu görmenin en kolay yolu, referans koşunun kayıplarını aynı koşunun **kalite** eğrisinin
yanına koymak. Sağdaki eğri, birazdan tanımlayacağımız sınıflandırıcı skorudur (1 en kötü,
10 en iyi); şimdilik "yüksek iyi" demek yeterli.
""",
        en=r"""
In supervised learning the loss curve is a report card: as it goes down, the model gets better.
In [Training](../en/05-training.ipynb) we saw that a GAN is different. Each loss is measured
against an opponent that keeps changing: when the generator improves, the discriminator's job
gets harder, and the other way round. Both sides make progress while the losses mark time; for a
police that cannot tell, both hover around $\ln 2 \approx 0.693$, whether the images are smudges
or perfect digits.

The easiest way to see it is to put the reference run's losses next to a **quality** curve of the
same run. The curve on the right is the classifier score we define shortly (1 is worst, 10 is
best); for now "higher is better" is all we need.
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
history = pretrained.load_history()
quality = metrics.reference_quality()
checkpoints = quality["checkpoints"]
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.5))
loss_labels = {"d_loss": "ayırtaç (d_loss)", "g_loss": "üretici (g_loss)"}
plotting.plot_losses(history, ax=ax1, labels=loss_labels, xlabel="dönem", ylabel="kayıp", title="Kayıplar")
ax1.axhline(np.log(2), color="gray", ls="--", lw=1, label="ln 2 ≈ 0,693")
ax1.set_ylim(0, 1.5)
ax1.legend()
scores = [c["classifier_score"] for c in checkpoints]
ax2.plot([c["epoch"] for c in checkpoints], scores, marker="o", label="referans üretici")
ax2.axhline(quality["real"]["classifier_score"], color="tab:green", ls="--", label="gerçek rakamlar")
ax2.axhline(quality["untrained"]["classifier_score"], color="tab:red", ls=":", label="eğitilmemiş üretici")
ax2.set(xlabel="dönem", ylabel="sınıflandırıcı skoru", title="Kalite", ylim=(0, 10.5))
ax2.legend()
ax2.grid(alpha=0.3)
plt.show()
""",
        en="""
# NBVAL_IGNORE_OUTPUT
history = pretrained.load_history()
quality = metrics.reference_quality()
checkpoints = quality["checkpoints"]
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.5))
loss_labels = {"d_loss": "discriminator (d_loss)", "g_loss": "generator (g_loss)"}
plotting.plot_losses(history, ax=ax1, labels=loss_labels, xlabel="epoch", ylabel="loss", title="Losses")
ax1.axhline(np.log(2), color="gray", ls="--", lw=1, label="ln 2 ≈ 0.693")
ax1.set_ylim(0, 1.5)
ax1.legend()
scores = [c["classifier_score"] for c in checkpoints]
ax2.plot([c["epoch"] for c in checkpoints], scores, marker="o", label="reference generator")
ax2.axhline(quality["real"]["classifier_score"], color="tab:green", ls="--", label="real digits")
ax2.axhline(quality["untrained"]["classifier_score"], color="tab:red", ls=":", label="untrained generator")
ax2.set(xlabel="epoch", ylabel="classifier score", title="Quality", ylim=(0, 10.5))
ax2.legend()
ax2.grid(alpha=0.3)
plt.show()
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
d, g = history["d_loss"], history["g_loss"]
first, final = checkpoints[0], checkpoints[-1]
print(f"{len(d)} dönem boyunca d_loss {min(d):.2f} ile {max(d):.2f} arasında,")
print(f"g_loss {min(g):.2f} ile {max(g):.2f} arasında kaldı.")
print(f"Aynı sürede, dönem {first['epoch']} ile dönem {final['epoch']} arasında,")
print(f"sınıflandırıcı skoru: {scores[0]:.2f} → {scores[-1]:.2f}.")
""",
        en="""
# NBVAL_IGNORE_OUTPUT
d, g = history["d_loss"], history["g_loss"]
first, final = checkpoints[0], checkpoints[-1]
print(f"Over {len(d)} epochs d_loss stayed between {min(d):.2f} and {max(d):.2f},")
print(f"g_loss between {min(g):.2f} and {max(g):.2f}.")
print(f"Meanwhile, between epoch {first['epoch']} and epoch {final['epoch']},")
print(f"the classifier score went {scores[0]:.2f} → {scores[-1]:.2f}.")
""",
    ),
    md(
        tr=r"""
Soldaki iki eğri dar bir bantta kıpırdanıyor; sağdaki eğri ise eğitilmemiş üreticinin
çizgisinden gerçek rakamların çizgisine doğru tırmanıyor. Kayıplara bakarak ilk dönemi son
dönemden ayırmak neredeyse imkânsız, kaliteye bakarak çok kolay. Kayıplar **oyunun dengesi**
hakkında bilgi verir (polis kaçıp gidiyor mu, biri çöktü mü), **resimlerin kalitesi** hakkında
değil. Kalite için resimlere bakan, ama bizim gibi yorulmayan ve sayı veren bir hakem gerekiyor.
""",
        en=r"""
The two curves on the left wiggle inside a narrow band; the one on the right climbs from the
untrained generator's line towards the real digits' line. From the losses you could hardly tell
the first epoch from the last; from the quality curve it is easy. The losses tell us about the
**balance of the game** (is the police running away, has one side collapsed?), not about the
**quality of the images**. For quality we need a judge that looks at the images like we do,
but does not get tired and gives a number.
""",
    ),
    # ------------------------------------------------------------------ the judge
    md(
        tr=r"""
## Hakem: bir rakam sınıflandırıcısı

Hakemimiz, `ganlib.metrics` içindeki küçük bir evrişimsel ağ (CNN): üç evrişim + havuzlama
katmanı, 64 birimlik bir "öznitelik" katmanı ve 10 sınıflı bir softmax çıkışı. Bir resim
alır ve iki şey döndürür:

- $p(y \mid x)$: resmin 0, 1, …, 9 olma olasılıkları,
- 64 sayılık bir **öznitelik vektörü**: ağın son katmandan hemen önce resmi nasıl "gördüğü".

Ağ, pakette gelen 10.000 MNIST rakamının ilk 8.000'i üzerinde bir kez eğitildi
(`tools/train_classifier.py`) ve ağırlıkları paketle birlikte gelir; kalan 2.000 rakamı hiç
görmedi. O 2.000 rakam hem hakemin sınavı hem de aşağıdaki ölçülerde "gerçek rakamlar"
referansıdır. Hakemin sınav notunu burada yeniden hesaplayalım:
""",
        en=r"""
## The judge: a digit classifier

Our judge is a small convolutional network (CNN) in `ganlib.metrics`: three convolution +
pooling layers, a 64-unit "feature" layer and a 10-way softmax output. It takes an image and
returns two things:

- $p(y \mid x)$: the probabilities that the image is a 0, 1, …, 9,
- a **feature vector** of 64 numbers: how the network "sees" the image just before its last
  layer.

It was trained once (`tools/train_classifier.py`) on the first 8,000 of the 10,000 MNIST digits
bundled with the package, and its weights ship with the package; it never saw the other 2,000.
Those 2,000 digits are both the judge's exam and, in the measures below, the reference set of
"real digits". Let us recompute the judge's grade here:
""",
    ),
    code(
        tr="""
heldout_images, heldout_labels = metrics.heldout_digits()
heldout_probs, heldout_feats = metrics.predict(heldout_images)
predicted_labels = heldout_probs.argmax(axis=1)
accuracy = (predicted_labels == heldout_labels).mean()
print("sınıflandırıcının parametre sayısı:", metrics.load_classifier().count_params())
print("ayrılmış rakam sayısı:", len(heldout_labels))
print("ayrılmış rakamlarda doğruluk:", round(float(accuracy), 4))
""",
        en="""
heldout_images, heldout_labels = metrics.heldout_digits()
heldout_probs, heldout_feats = metrics.predict(heldout_images)
predicted_labels = heldout_probs.argmax(axis=1)
accuracy = (predicted_labels == heldout_labels).mean()
print("classifier parameters:", metrics.load_classifier().count_params())
print("held-out digits:", len(heldout_labels))
print("accuracy on the held-out digits:", round(float(accuracy), 4))
""",
    ),
    md(
        tr=r"""
Yüzde 99'un üzerinde: hakem işini biliyor. Yanıldığı birkaç rakam da öğretici; her resmin
altında önce doğru etiket, ok işaretinden sonra hakemin kararı var:
""",
        en=r"""
Above 99 %: the judge knows its job. The few digits it gets wrong are instructive; under each
image is the true label, then, after the arrow, the judge's verdict:
""",
    ),
    code(
        tr="""
wrong = np.flatnonzero(predicted_labels != heldout_labels)
captions = [f"{heldout_labels[i]}→{predicted_labels[i]}" for i in wrong]
title = "Hakemin yanıldığı ayrılmış rakamlar"
plotting.show_grid(heldout_images[wrong], ncols=8, captions=captions, title=title)
plt.show()
""",
        en="""
wrong = np.flatnonzero(predicted_labels != heldout_labels)
captions = [f"{heldout_labels[i]}→{predicted_labels[i]}" for i in wrong]
title = "Held-out digits the judge gets wrong"
plotting.show_grid(heldout_images[wrong], ncols=8, captions=captions, title=title)
plt.show()
""",
    ),
    md(
        tr=r"""
Bazıları gerçekten belirsiz (etiket 0 diyor ama resim bir 6'ya benziyor), bazıları ise bir
insanın yapmayacağı hatalar. Bir noktayı da aklımızda tutalım: hakem yalnızca
**gerçek** rakamlar üzerinde eğitildi. Ona garip bir leke gösterirsek de softmax yüzünden
mutlaka bir sınıf seçer, çoğu zaman da epey emin bir şekilde. Bu, ölçülerin sınırlarını
konuşurken geri döneceğimiz bir nokta.

Bu fikir bize ait değil. Salimans ve arkadaşları, ImageNet üzerinde eğitilmiş Inception ağını
hakem yaparak **Inception skorunu** önerdi {cite}`salimans2016`; {cite:t}`heusel2017`
aynı ağın özniteliklerini kullanan **Fréchet Inception Distance**'ı (FID). Rakamlar için
Inception ağı gereğinden büyük ve yanlış türden bir hakem; TensorFlow'un GAN kütüphanesi TF-GAN
bu yüzden MNIST örneklerinde küçük bir rakam sınıflandırıcısıyla aynı ölçüleri hesaplar
(`mnist_score` ve `mnist_frechet_distance`). `ganlib.metrics` bu modeli izler.

## Üç ölçü

### 1. Sınıflandırıcı skoru

İyi bir sahte rakam kümesinden iki şey bekleriz:

- **Her resim tek başına net olsun.** Hakem her resme bakınca tereddütsüz "bu bir 3" diyebilmeli:
  $p(y \mid x)$ tek bir sınıfta toplanmış, **sivri** bir dağılım olmalı.
- **Küme bir bütün olarak çeşitli olsun.** Bütün resimler birlikte bütün rakamları kapsamalı:
  tüm örneklerin ortalaması olan $p(y) = \mathbb{E}_x\, p(y \mid x)$ **düz** olmalı, her rakama
  yaklaşık onda bir.

Sivri bir dağılımla düz bir dağılım birbirinden ne kadar farklıysa o kadar iyi. İki dağılımın
farkını Kullback–Leibler ıraksaması (KL) ölçer; onu her resim için hesaplayıp ortalamasını
alıyor ve üssünü alıyoruz:

$$
\text{skor} = \exp\Big(\mathbb{E}_x\, \mathrm{KL}\big(p(y \mid x) \,\|\, p(y)\big)\Big),
\qquad \mathrm{KL}(p \,\|\, q) = \sum_{y=0}^{9} p(y) \ln \frac{p(y)}{q(y)} .
$$

Üs almanın güzel bir sonucu var: hakem her resimden eminse skor, **eşit sıklıkta kullanılan
rakam sayısına** eşit olur. On rakamın hepsi eşit sıklıkta ve net çiziliyorsa 10, her resim aynı
rakamsa 1. Hakem hiçbir resimden emin değilse sivri dağılım kalmaz ve skor yine 1'e düşer. Yani
skor 1 ile 10 arasındadır ve **yüksek iyidir**. Birkaç yapay olasılık tablosunda deneyelim:
""",
        en=r"""
Some are genuinely ambiguous (the label says 0, but the image looks like a 6); others are
mistakes a human would not make. Keep one more point in mind: the judge was
trained on **real** digits only. Show it a strange smudge and, because of the softmax, it will
still pick a class, often quite confidently. We will come back to this when we discuss the limits
of the measures.

The idea is not ours. Salimans et al. proposed the **Inception score**, with the Inception
network trained on ImageNet as the judge {cite}`salimans2016`; {cite:t}`heusel2017` proposed the
**Fréchet Inception Distance** (FID), built on the same network's features. For digits the
Inception network is an oversized judge of the wrong kind, so TF-GAN, TensorFlow's GAN library,
computes the same measures with a small digit classifier in its MNIST examples (`mnist_score` and
`mnist_frechet_distance`). `ganlib.metrics` follows that model.

## Three measures

### 1. The classifier score

We want two things from a good set of fake digits:

- **Each image on its own is clear.** Looking at any image, the judge should say "this is a 3"
  without hesitation: $p(y \mid x)$ should be a **peaked** distribution, concentrated on one class.
- **The set as a whole is diverse.** Together the images should cover all the digits: the average
  over all samples, $p(y) = \mathbb{E}_x\, p(y \mid x)$, should be **flat**, about a tenth for
  each digit.

The more a peaked distribution differs from a flat one, the better. The Kullback–Leibler
divergence (KL) measures how much two distributions differ; we compute it for every image,
average, and exponentiate:

$$
\text{score} = \exp\Big(\mathbb{E}_x\, \mathrm{KL}\big(p(y \mid x) \,\|\, p(y)\big)\Big),
\qquad \mathrm{KL}(p \,\|\, q) = \sum_{y=0}^{9} p(y) \ln \frac{p(y)}{q(y)} .
$$

The exponential has a nice consequence: when the judge is sure about every image, the score
equals the **number of digits used equally often**. All ten digits, equally often and clearly
drawn: 10. Every image the same digit: 1. And if the judge is unsure about every image, nothing
is peaked and the score drops to 1 as well. So the score runs from 1 to 10 and **higher is
better**. Let us try it on a few made-up probability tables:
""",
    ),
    code(
        tr="""
def made_up(confidence, digits):
    # her satır: doğru rakama `confidence`, kalanı diğer dokuz rakama eşit paylaştırılmış
    probs = np.full((len(digits), 10), (1 - confidence) / 9)
    probs[np.arange(len(digits)), digits] = confidence
    return probs


every_digit = np.arange(1000) % 10
cases = {
    "emin, on rakamın hepsi": made_up(1.0, every_digit),
    "emin, yalnızca 1 ve 7": made_up(1.0, np.where(every_digit < 5, 1, 7)),
    "emin, hep aynı rakam": made_up(1.0, np.zeros(1000, int)),
    "kararsız (her rakama 0,1)": made_up(0.1, every_digit),
    "yarı emin (0,6), on rakam": made_up(0.6, every_digit),
}
for name, probs in cases.items():
    print(f"{name:<28} skor = {metrics.classifier_score(probs):.3f}")
""",
        en="""
def made_up(confidence, digits):
    # each row: `confidence` on the right digit, the rest shared equally by the other nine
    probs = np.full((len(digits), 10), (1 - confidence) / 9)
    probs[np.arange(len(digits)), digits] = confidence
    return probs


every_digit = np.arange(1000) % 10
cases = {
    "sure, all ten digits": made_up(1.0, every_digit),
    "sure, only 1s and 7s": made_up(1.0, np.where(every_digit < 5, 1, 7)),
    "sure, always one digit": made_up(1.0, np.zeros(1000, int)),
    "unsure (0.1 for each)": made_up(0.1, every_digit),
    "half sure (0.6), ten digits": made_up(0.6, every_digit),
}
for name, probs in cases.items():
    print(f"{name:<28} score = {metrics.classifier_score(probs):.3f}")
""",
    ),
    md(
        tr=r"""
İki uç da 1'e düşüyor, ama farklı nedenlerle: "hep aynı rakam" çeşitlilikten, "kararsız" netlikten
sıfır alıyor. İyi bir skor için ikisi birden gerekir. "Yalnızca 1 ve 7" tam olarak 2 veriyor:
iki rakam, eşit sıklıkta.

Bu ölçünün kör noktası da formülden okunuyor: skor yalnızca hakemin **sınıf kararlarına**
bakar. Her sınıftan tek bir kusursuz rakam çizip onu tekrar tekrar üreten bir üretici de 10'a
yakın alır. Bunu yakalamak için ikinci ölçüye ihtiyacımız var.

### 2. Fréchet uzaklığı

Sınıf kararları yerine hakemin **64 boyutlu özniteliklerine** bakalım. Bunlar, ağın bir rakamı
tanımak için kullandığı özetlerdir: çizgilerin nerede ve nasıl kıvrıldığı, kalınlık, eğim gibi
şeyleri kodlarlar. Gerçek rakamların öznitelikleri 64 boyutlu uzayda bir bulut oluşturur, sahte
rakamlarınki başka bir bulut. İyi bir üretici için iki bulut üst üste binmelidir: aynı yerde
durmalı ve aynı biçimde yayılmalı.

Fréchet uzaklığı her buluta bir çok boyutlu Gauss dağılımı oturtur (ortalama vektörü $\mu$,
kovaryans matrisi $\Sigma$) ve bu iki Gauss arasındaki uzaklığı hesaplar:

$$
d^2 = \|\mu_r - \mu_g\|^2 + \mathrm{Tr}\Big(\Sigma_r + \Sigma_g - 2\,(\Sigma_r \Sigma_g)^{1/2}\Big),
$$

burada $r$ gerçek, $g$ üretilmiş rakamlar. Tek boyutta formül çok tanıdık bir şeye indirgenir:
$(\mu_r - \mu_g)^2 + (\sigma_r - \sigma_g)^2$. İlk terim bulutların **merkezleri** arasındaki
farktır (sahteler "ortalama olarak" gerçeklere benziyor mu?), ikinci terim **yayılımları**
arasındaki fark (sahteler gerçekler kadar çeşitli mi?). Aynı rakamı tekrar tekrar üreten bir
üreticinin bulutu tek bir noktaya büzülür, $\Sigma_g \approx 0$ olur, ve ikinci terim bunu
cezalandırır. İki küme özdeşse uzaklık 0'dır; **düşük iyidir**. Üst sınırı yoktur.

Neden pikseller değil de öznitelikler? Pikseller arası uzaklık, bir piksel kaymış iki aynı
rakamı çok farklı, iki farklı ama bulanık lekeyi ise yakın bulabilir. Hakemin öznitelikleri
rakamlar için anlamlı olan farkları öne çıkarır.

### 3. Sınıf histogramı

Üçüncü ölçü en basiti: hakem her örneğe bir rakam der, biz de her rakamdan kaç tane olduğunu
sayarız. Gerçek rakamlarda bu histogram kabaca düzdür; 2.000 örnekte her rakamdan yaklaşık 200.
Bir üretici **mod çökmesine** girdiğinde, yani her gürültüye aynı bir iki rakamı çizdiğinde,
histogram birkaç sütunda toplanır. `metrics.histogram_summary` bunu üç sayıya indirir: en
kalabalık sınıfın payı (`top_class_share`, ideal 0,1), örneklerin en az %2'sini alan sınıf
sayısı (`classes_covered`, ideal 10) ve histogramın bit cinsinden entropisi (`entropy_bits`,
tam dengede $\log_2 10 \approx 3{,}32$).

Skor, hangi rakamların **eksik** olduğunu söylemez; histogram söyler.
""",
        en=r"""
Both extremes drop to 1, for different reasons: "always one digit" scores zero on diversity,
"unsure" scores zero on clarity. A good score needs both. "Only 1s and 7s" gives exactly 2: two
digits, used equally often.

The blind spot of this measure can be read off the formula as well: the score looks only at the
judge's **class decisions**. A generator that draws one perfect digit per class and repeats it
forever also scores close to 10. To catch that we need a second measure.

### 2. The Fréchet distance

Instead of the class decisions, let us look at the judge's **64 features**. They are the summaries
the network uses to recognise a digit: they encode where and how the strokes bend, thickness,
slant and the like. The features of real digits form a cloud in 64-dimensional space, the
features of fake digits another cloud. For a good generator the two clouds should overlap: sit in
the same place and spread out the same way.

The Fréchet distance fits a multivariate Gaussian to each cloud (mean vector $\mu$, covariance
matrix $\Sigma$) and computes the distance between the two Gaussians:

$$
d^2 = \|\mu_r - \mu_g\|^2 + \mathrm{Tr}\Big(\Sigma_r + \Sigma_g - 2\,(\Sigma_r \Sigma_g)^{1/2}\Big),
$$

with $r$ for real and $g$ for generated digits. In one dimension the formula reduces to something
familiar: $(\mu_r - \mu_g)^2 + (\sigma_r - \sigma_g)^2$. The first term is the gap between the
clouds' **centres** (do the fakes look like real digits "on average"?), the second the gap between
their **spreads** (are the fakes as varied as the real ones?). A generator that repeats the same
digit has a cloud shrunk to a point, $\Sigma_g \approx 0$, and the second term punishes it. For
identical sets the distance is 0; **lower is better**, and there is no upper limit.

Why features and not pixels? A pixel distance can find two copies of the same digit, shifted by
one pixel, very far apart, and two different blurry smudges close together. The judge's features
bring out the differences that matter for digits.

### 3. The class histogram

The third measure is the simplest: the judge names a digit for every sample and we count how many
of each there are. For real digits the histogram is roughly flat: about 200 of each digit in
2,000 samples. When a generator falls into **mode collapse**, drawing the same one or two digits
for every noise vector, the histogram piles up in a few bars. `metrics.histogram_summary` boils it
down to three numbers: the share of the most common class (`top_class_share`, ideally 0.1), the
number of classes with at least 2 % of the samples (`classes_covered`, ideally 10), and the
histogram's entropy in bits (`entropy_bits`, $\log_2 10 \approx 3.32$ for perfect balance).

The score does not tell you which digits are **missing**; the histogram does.
""",
    ),
    # ------------------------------------------------------------------ applying them
    md(
        tr=r"""
## Ölçüleri uygulamak

Üç aday ölçelim, her biri 2.000 örnekle:

- **Gerçek rakamlar:** hakemin eğitim kümesinden seçilen 2.000 rakam (`metrics.real_reference()`).
  Bir üreticinin ulaşabileceği en iyi değerler bunlar.
- **Eğitilmemiş üretici:** [Üretici](../tr/03-uretici.ipynb) bölümündeki gibi sabit tohumla
  kurulmuş, hiç eğitilmemiş bir üretici. En kötü uç.
- **Referans üretici:** `ganlib`'in kendi komut satırı aracıyla eğitilmiş üretici
  (`pretrained.load_generator()`).

`metrics.evaluate_generator`, üreticiye tohumlu 2.000 gürültü vektörü verir ve çıkan resimleri
`metrics.evaluate_images` ile ölçer. Fréchet uzaklığı her zaman hakemin hiç görmediği 2.000
ayrılmış rakama göre hesaplanır.
""",
        en=r"""
## Applying the measures

Let us measure three candidates, 2,000 samples each:

- **Real digits:** 2,000 digits drawn from the judge's training split
  (`metrics.real_reference()`). These are the best values a generator can hope for.
- **Untrained generator:** a generator built with a fixed seed, as in
  [The generator](../en/03-generator.ipynb), and never trained. The worst end.
- **Reference generator:** the generator trained with `ganlib`'s own command-line tool
  (`pretrained.load_generator()`).

`metrics.evaluate_generator` feeds the generator 2,000 seeded noise vectors and measures the
resulting images with `metrics.evaluate_images`. The Fréchet distance is always computed against
the 2,000 held-out digits the judge never saw.
""",
    ),
    code(
        tr="""
keras.utils.set_random_seed(0)
untrained = build_generator()
reference = pretrained.load_generator()
results = {
    "gerçek rakamlar": metrics.real_reference(),
    "eğitilmemiş üretici": metrics.evaluate_generator(untrained),
    "referans üretici": metrics.evaluate_generator(reference),
}


def show_table(rows):
    print(f"{'':<22}{'skor':>8}{'Fréchet':>10}{'en büyük pay':>14}{'sınıf':>8}")
    for name, r in rows.items():
        print(f"{name:<22}{r['classifier_score']:>8.2f}{r['frechet_distance']:>10.1f}{r['top_class_share']:>14.2f}{r['classes_covered']:>8}")
""",
        en="""
keras.utils.set_random_seed(0)
untrained = build_generator()
reference = pretrained.load_generator()
results = {
    "real digits": metrics.real_reference(),
    "untrained generator": metrics.evaluate_generator(untrained),
    "reference generator": metrics.evaluate_generator(reference),
}


def show_table(rows):
    print(f"{'':<22}{'score':>8}{'Fréchet':>10}{'top share':>14}{'classes':>8}")
    for name, r in rows.items():
        print(f"{name:<22}{r['classifier_score']:>8.2f}{r['frechet_distance']:>10.1f}{r['top_class_share']:>14.2f}{r['classes_covered']:>8}")
""",
    ),
    code(
        """
# NBVAL_IGNORE_OUTPUT
show_table(results)
"""
    ),
    md(
        tr=r"""
Tablonun sütunları: sınıflandırıcı skoru (yüksek iyi, en çok 10), ayrılmış gerçek rakamlara
Fréchet uzaklığı (düşük iyi), en kalabalık sınıfın payı ve örneklerin en az %2'sini alan sınıf
sayısı.

- **Gerçek rakamlar** tavanı gösteriyor: skor 10'a çok yakın ama tam 10 değil (hakem bazı
  rakamlardan emin değil ve sınıflar tam eşit dağılmıyor). Fréchet uzaklığı da 0 değil: iki
  **farklı** gerçek rakam kümesini karşılaştırıyoruz ve sonlu örneklem bir miktar uzaklık
  bırakıyor. Bir üreticiden bu satırdan iyisini beklemek anlamsız.
- **Eğitilmemiş üretici** tabanı gösteriyor. Hakem, gri lekelerin neredeyse hepsine aynı rakamı
  diyor: hiç rakam görmemiş bir resme bile bir sınıf yakıştırıyor. Skor 1'e yakın, uzaklık çok büyük.
- **Referans üretici** ikisinin arasında bir yerde; aşağıdaki eğri ona nasıl vardığını gösteriyor.

Histogramlar yan yana (kesikli çizgi: kusursuz dengede her rakama düşecek 200 örnek):
""",
        en=r"""
The columns: the classifier score (higher is better, at most 10), the Fréchet distance to the
held-out real digits (lower is better), the share of the most common class, and the number of
classes holding at least 2 % of the samples.

- **Real digits** mark the ceiling: the score is very close to 10 but not quite (the judge is
  unsure about some digits, and the classes are not exactly equal in size). The Fréchet distance is
  not 0 either: we compare two **different** sets of real digits, and a finite sample leaves some
  distance. Expecting a generator to beat this row makes no sense.
- **The untrained generator** marks the floor. The judge calls almost all of its grey smudges the
  same digit: it pins a class even on an image that has never seen a digit. Score near 1, a huge
  distance.
- **The reference generator** lies somewhere in between; the curve below shows how it got there.

The histograms side by side (dashed line: the 200 samples each digit would get in perfect
balance):
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
fig, axes = plt.subplots(1, 3, figsize=(12, 3), sharey=True)
for ax, (name, r) in zip(axes, results.items()):
    ax.bar(range(10), r["class_histogram"], color="tab:blue")
    ax.axhline(r["n"] / 10, color="gray", ls="--", lw=1)
    ax.set(title=name, xticks=range(10), xlabel="hakemin kararı (rakam)")
axes[0].set_ylabel("örnek sayısı")
plt.show()
""",
        en="""
# NBVAL_IGNORE_OUTPUT
fig, axes = plt.subplots(1, 3, figsize=(12, 3), sharey=True)
for ax, (name, r) in zip(axes, results.items()):
    ax.bar(range(10), r["class_histogram"], color="tab:blue")
    ax.axhline(r["n"] / 10, color="gray", ls="--", lw=1)
    ax.set(title=name, xticks=range(10), xlabel="judge's verdict (digit)")
axes[0].set_ylabel("number of samples")
plt.show()
""",
    ),
    md(
        tr=r"""
Gerçek rakamların histogramı düz; eğitilmemiş üreticininki neredeyse tek bir sütundan ibaret.
Referans üreticinin histogramı, rakamları ne kadar dengeli çizdiğini gösteriyor: kesikli
çizginin üstündeki sütunlar üreticinin fazla sık çizdiği, altındakiler ihmal ettiği rakamlar.
Izgaralara bakarak fark edilmesi zor bir bilgi bu, ama üreticinin hangi rakamlarda
zorlandığını doğrudan söylüyor.

## Eğitim boyunca kalite

Referans koşuda üreticinin ağırlıkları birçok dönemin sonunda kaydedildi;
`tools/evaluate_reference.py` her birini aynı 2.000 gürültüyle ölçüp sonuçları pakete koydu
(`metrics.reference_quality()`). Yatay çizgiler yine gerçek rakamlar ve eğitilmemiş üretici:
""",
        en=r"""
The real digits' histogram is flat; the untrained generator's is little more than a single bar.
The reference generator's histogram shows how evenly it covers the digits: bars above the dashed
line are digits it draws too often, bars below are digits it neglects. That is hard to notice in
a grid, yet it tells you directly which digits the generator struggles with.

## Quality during training

In the reference run the generator's weights were saved at the end of many epochs;
`tools/evaluate_reference.py` measured each one with the same 2,000 noise vectors and shipped the
results with the package (`metrics.reference_quality()`). The horizontal lines are again the real
digits and the untrained generator:
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
steps = [c["steps"] for c in checkpoints]
panels = {
    "classifier_score": "Sınıflandırıcı skoru (yüksek iyi)",
    "frechet_distance": "Fréchet uzaklığı (düşük iyi, log ölçek)",
}
fig, axes = plt.subplots(1, 2, figsize=(11, 3.5))
for ax, (key, title) in zip(axes, panels.items()):
    ax.plot(steps, [c[key] for c in checkpoints], marker="o", label="referans üretici")
    ax.axhline(quality["real"][key], color="tab:green", ls="--", label="gerçek rakamlar")
    ax.axhline(quality["untrained"][key], color="tab:red", ls=":", label="eğitilmemiş üretici")
    ax.set(title=title, xlabel="üretici adımı")
    ax.grid(alpha=0.3)
axes[1].set_yscale("log")
axes[0].legend()
plt.show()
""",
        en="""
# NBVAL_IGNORE_OUTPUT
steps = [c["steps"] for c in checkpoints]
panels = {
    "classifier_score": "Classifier score (higher is better)",
    "frechet_distance": "Fréchet distance (lower is better, log scale)",
}
fig, axes = plt.subplots(1, 2, figsize=(11, 3.5))
for ax, (key, title) in zip(axes, panels.items()):
    ax.plot(steps, [c[key] for c in checkpoints], marker="o", label="reference generator")
    ax.axhline(quality["real"][key], color="tab:green", ls="--", label="real digits")
    ax.axhline(quality["untrained"][key], color="tab:red", ls=":", label="untrained generator")
    ax.set(title=title, xlabel="generator steps")
    ax.grid(alpha=0.3)
axes[1].set_yscale("log")
axes[0].legend()
plt.show()
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
real, untrained_fd = quality["real"], quality["untrained"]["frechet_distance"]
best = max(checkpoints, key=lambda c: c["classifier_score"])
print(f"Dönem {final['epoch']} sonunda, yani {final['steps']} üretici adımından sonra:")
print(f"  sınıflandırıcı skoru {scores[-1]:.2f} (gerçek rakamlar: {real['classifier_score']:.2f}),")
print(f"  Fréchet uzaklığı {final['frechet_distance']:.1f} (gerçek rakamlar: {real['frechet_distance']:.1f},")
print(f"  eğitilmemiş üretici: {untrained_fd:.0f}).")
print(f"En yüksek skor {best['classifier_score']:.2f}: dönem {best['epoch']} sonunda, {best['steps']} adımda.")
""",
        en="""
# NBVAL_IGNORE_OUTPUT
real, untrained_fd = quality["real"], quality["untrained"]["frechet_distance"]
best = max(checkpoints, key=lambda c: c["classifier_score"])
print(f"After epoch {final['epoch']}, that is after {final['steps']} generator steps:")
print(f"  classifier score {scores[-1]:.2f} (real digits: {real['classifier_score']:.2f}),")
print(f"  Fréchet distance {final['frechet_distance']:.1f} (real digits: {real['frechet_distance']:.1f},")
print(f"  untrained generator: {untrained_fd:.0f}).")
print(f"Highest score {best['classifier_score']:.2f}: after epoch {best['epoch']}, at {best['steps']} steps.")
""",
    ),
    md(
        tr=r"""
Bu biçim GAN'lerde tipiktir: ilk birkaç yüz adımda hızlı bir iyileşme (lekeler rakam olur), sonra
giderek yavaşlayan ve inişli çıkışlı bir ilerleme. İnişler çıkışlar [Eğitim](../tr/05-egitim.ipynb)
bölümünde konuştuğumuz salınımın izleridir: üretici hareket eden bir hedefin peşindedir ve bir
dönemde bir rakamı iyileştirirken başka birini bozabilir. Bu yüzden "en iyi" üretici her zaman
**son** üretici olmayabilir; uzun bir eğitimde ara ağırlıkları saklamak ve ölçmek bu yüzden
değerlidir. İki ölçünün çoğunlukla birlikte hareket ettiğine, ama tam olarak aynı şeyi
söylemediğine de dikkat edin.
""",
        en=r"""
This shape is typical of GANs: a fast improvement in the first few hundred steps (smudges become digits),
then slower progress with ups and downs. The ups and downs are traces of the oscillation we
discussed in [Training](../en/05-training.ipynb): the generator chases a moving target and may
spoil one digit while it improves another. That is why the "best" generator is not always the
**last** one, and why saving and measuring intermediate weights is worth it in a long run. Notice
also that the two measures mostly move together, but do not say exactly the same thing.
""",
    ),
    # ------------------------------------------------------------------ mode collapse
    md(
        tr=r"""
## Mod çökmesi neye benzer?

Ölçülerin çökmeyi nasıl yakaladığını görmek için gerçek bir çökmeyi beklemek zorunda değiliz.
Sahtekârlık yapmadan bir "çökmüş üretici" taklit edelim: referans üreticiden 4.000
örnek alalım, hakemin **1 ya da 7** dediklerini tutup gerisini atalım ve kalanları tekrarlayarak
yine 2.000 örneğe tamamlayalım (ölçüler aynı örneklem büyüklüğünde karşılaştırılmalı). Elimizde
aynı kalitede çizilmiş ama yalnızca iki rakamdan oluşan bir küme olur: tam da yalnızca bu iki
rakamı çizmeyi öğrenmiş bir üreticinin vereceği türden.
""",
        en=r"""
## What does mode collapse look like?

To see how the measures catch a collapse we need not wait for a real one. Let us fake a
"collapsed generator" honestly: take 4,000 samples from the reference
generator, keep the ones the judge calls **1 or 7**, throw away the rest, and repeat the kept ones
until we have 2,000 again (measures must be compared at the same sample size). The result is a set
drawn with the same quality but made of two digits only: just what a generator that has learned
to draw only these two digits would give.
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
samples = sampling.generate(reference, sampling.noise(4000, seed=123))
sample_probs, _ = metrics.predict(samples)
sample_labels = sample_probs.argmax(axis=1)
ones_and_sevens = samples[np.isin(sample_labels, [1, 7])]
collapsed = np.resize(ones_and_sevens, (2000, 28, 28, 1))  # tekrarlayarak 2.000'e tamamla
print(f"4.000 örneğin {len(ones_and_sevens)} tanesi 1 ya da 7\\n")
show_table({"referans üretici": results["referans üretici"],
            "yalnızca 1 ve 7": metrics.evaluate_images(collapsed)})
""",
        en="""
# NBVAL_IGNORE_OUTPUT
samples = sampling.generate(reference, sampling.noise(4000, seed=123))
sample_probs, _ = metrics.predict(samples)
sample_labels = sample_probs.argmax(axis=1)
ones_and_sevens = samples[np.isin(sample_labels, [1, 7])]
collapsed = np.resize(ones_and_sevens, (2000, 28, 28, 1))  # repeat until there are 2,000
print(f"{len(ones_and_sevens)} of 4,000 samples are 1s or 7s\\n")
show_table({"reference generator": results["reference generator"],
            "only 1s and 7s": metrics.evaluate_images(collapsed)})
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
plotting.show_grid(collapsed[:32], ncols=8, title="Taklit bir mod çökmesi: yalnızca 1 ve 7")
plt.show()
""",
        en="""
# NBVAL_IGNORE_OUTPUT
plotting.show_grid(collapsed[:32], ncols=8, title="A simulated mode collapse: only 1s and 7s")
plt.show()
""",
    ),
    md(
        tr=r"""
Bu resimlerin her biri referans üreticinin sıradan bir örneği; tek bir resme bakarak çökmeyi
fark etmenin yolu yok, onu ancak kümenin bütünü ele verir. Ölçüler hemen alarm veriyor: skor
2'nin altına düşüyor (en fazla iki "eşdeğer sınıf"; iki rakam eşit sıklıkta olmadığı için daha
da az), en kalabalık sınıfın payı fırlıyor, kapsanan sınıf sayısı en fazla 2. Fréchet
uzaklığı da büyüyor: 1'ler ve 7'lerin bulutu, bütün rakamların bulutundan hem başka bir yerde
duruyor hem de çok daha dar.

Şimdi iki uç durum. Birincisi, **tek bir** resmi 2.000 kez tekrarlayan bir üretici. İkincisi
daha sinsi: her rakamdan hakemin en emin olduğu **bir** örneği seçip her birini 200 kez
tekrarlayan bir üretici. Yalnızca on farklı resim, ama on rakamın hepsi, tam eşit sıklıkta:
""",
        en=r"""
Each of these images is an ordinary sample of the reference generator; nothing in a single image
betrays the collapse, only the set as a whole does. The measures raise the alarm at once: the
score drops below 2 (at most two "effective classes", fewer still because the two digits are not
equally common), the top class share shoots up and at most 2 classes are covered. The Fréchet
distance grows as well: the cloud of 1s and 7s sits elsewhere than the cloud of all digits, and it
is much narrower.

Now two extreme cases. First, a generator that repeats **one** image 2,000 times. The second is
sneakier: a generator that picks, for each digit, the **one** sample the judge is most sure about
and repeats each of them 200 times. Only ten distinct images, but all ten digits, in exactly equal
numbers:
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
one_image = np.repeat(ones_and_sevens[:1], 2000, axis=0)
surest = [np.flatnonzero(sample_labels == d)[sample_probs[sample_labels == d, d].argmax()] for d in range(10)]
ten_images = np.repeat(samples[surest], 200, axis=0)
show_table({"tek resim × 2.000": metrics.evaluate_images(one_image),
            "on resim × 200": metrics.evaluate_images(ten_images)})
plotting.show_grid(samples[surest], ncols=10, title="On resim, her biri 200 kez")
plt.show()
""",
        en="""
# NBVAL_IGNORE_OUTPUT
one_image = np.repeat(ones_and_sevens[:1], 2000, axis=0)
surest = [np.flatnonzero(sample_labels == d)[sample_probs[sample_labels == d, d].argmax()] for d in range(10)]
ten_images = np.repeat(samples[surest], 200, axis=0)
show_table({"one image × 2,000": metrics.evaluate_images(one_image),
            "ten images × 200": metrics.evaluate_images(ten_images)})
plotting.show_grid(samples[surest], ncols=10, title="Ten images, each 200 times")
plt.show()
""",
    ),
    md(
        tr=r"""
Tek resmin skoru tam olarak 1: bütün $p(y \mid x)$'ler aynı, dolayısıyla $p(y)$'ye de eşit, KL
sıfır, $e^0 = 1$. On resimlik üretici ise sınıflandırıcı skorunu ve histogramı kolayca
kandırıyor: skor gerçek rakamlarınkine yakın, histogram kusursuz düz. Onu ele veren tek ölçü
Fréchet uzaklığı: 2.000 örneğin bulutu on noktaya büzülmüş, kovaryans terimi bunu affetmiyor ve
uzaklık gerçek rakamlar satırının çok üstünde kalıyor. Bu yüzden ölçüleri **birlikte** okuyoruz:
skor netliği ve sınıf çeşitliliğini, histogram hangi sınıfların eksik olduğunu, Fréchet uzaklığı
ise sınıfların **içindeki** çeşitliliği de görür.

## Bu ölçülerin sınırları

Sayılar göz kadar aldatıcı olabilir. Bu üç ölçüyü okurken akılda tutulması gerekenler:

- **Hakem yalnızca bildiğini bilir.** Sınıflandırıcı yalnızca gerçek MNIST rakamlarıyla eğitildi.
  Hiç görmediği türden resimlere, eğitilmemiş üreticinin lekelerinde gördüğümüz gibi, yine de
  emin görünen cevaplar verir. Ölçüler "hakemin gözünde gerçek rakamlara benzemek"i ölçer; bir
  üretici bu hakemi, gerçekten iyi rakam çizmeden de memnun edebilir. (Üreticiyi hiçbir zaman bu
  hakeme karşı eğitmediğimiz sürece bu risk küçüktür.)
- **Örneklem büyüklüğü önemlidir.** İki ölçü de sonlu bir örneklemden hesaplanır. Fréchet
  uzaklığı özellikle küçük örneklemlerde **yukarı doğru yanlıdır**: aynı dağılımdan gelen iki
  gerçek rakam kümesi bile, küçükse, belirgin bir uzaklık verir (aşağıda). Sayıları yalnızca aynı
  örneklem büyüklüğünde (burada 2.000), aynı hakemle ve aynı referans kümesine karşı
  karşılaştırın. Buradaki sayılar, makalelerde Inception ağıyla ve 50.000 örnekle hesaplanan
  FID değerleriyle de karşılaştırılamaz.
- **Gauss varsayımı kabadır.** Fréchet uzaklığı bulutları yalnızca ortalama ve kovaryansla
  özetler; bu ikisini tutturan ama başka bakımlardan farklı iki küme ayırt edilemez.
- **Kopyalamayı göremezler.** Eğitim rakamlarını olduğu gibi ezberleyip geri veren bir
  "üretici", üç ölçüde de kusursuza yakın sonuç alır. Tablodaki "gerçek rakamlar" satırı tam da
  budur: hakemin eğitim kümesinden kopyalanmış rakamlar. Üreticinin ezberleyip ezberlemediğini
  anlamak için örnekleri en yakın eğitim rakamlarıyla karşılaştırmak gerekir;
  [Örnekleme](../tr/06-ornekleme.ipynb) bölümündeki en yakın komşu denetimi bunu yapar.

Fréchet uzaklığının yanlılığını görmek için, ayrılmış 2.000 gerçek rakamı ikiye bölüp iki
yarıdan giderek büyüyen kümeler karşılaştıralım. İki yarı aynı dağılımdan geldiği için gerçek
uzaklık 0'dır:
""",
        en=r"""
The single image scores exactly 1: all the $p(y \mid x)$ are the same, so they equal $p(y)$, the
KL is zero and $e^0 = 1$. The ten-image generator, on the other hand, easily fools the classifier
score and the histogram: the score is close to that of real digits and the histogram is perfectly
flat. Only the Fréchet distance gives it away: the cloud of 2,000 samples has shrunk to ten
points, the covariance term does not forgive that, and the distance stays far above the real
digits' row. That is why we read the measures **together**: the score sees clarity and variety of
classes, the histogram which classes are missing, and the Fréchet distance also sees the variety
**within** classes.

## Limits of these measures

Numbers can deceive just as eyes can. Things to keep in mind when reading these three:

- **The judge only knows what it was taught.** The classifier was trained on real MNIST digits
  only. To images unlike anything it has seen it still gives confident-looking answers, as we saw
  with the untrained generator's smudges. The measures measure "looking like real digits in the
  judge's eyes"; a generator could please this judge without drawing good digits. (As long as we
  never train the generator against this judge, that risk is small.)
- **Sample size matters.** Both measures are computed from a finite sample. The Fréchet distance
  in particular is **biased upwards** for small samples: even two sets of real digits from the
  same distribution give a clear distance when they are small (see below). Compare numbers only at
  the same sample size (2,000 here), with the same judge and against the same reference set. Nor
  can these numbers be compared with the FID values in papers, computed with the Inception network
  on 50,000 samples.
- **The Gaussian assumption is crude.** The Fréchet distance summarises each cloud by its mean and
  covariance only; two sets that match in both but differ otherwise look the same to it.
- **They cannot see copying.** A "generator" that memorised the training digits and handed them
  back would get near-perfect results on all three measures. The "real digits" row of the table
  is exactly that: digits copied from the judge's training set. To find out whether a generator
  memorises, compare its samples with their nearest training digits; the nearest-neighbour check
  in [Sampling](../en/06-sampling.ipynb) does this.

To see the Fréchet distance's bias, split the 2,000 held-out real digits in two and compare
growing sets from the two halves. Both halves come from the same distribution, so the true
distance is 0:
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
print("aynı küme kendisiyle:", round(metrics.frechet_distance(heldout_feats, heldout_feats), 3))
for n in (50, 100, 200, 500, 1000):
    d = metrics.frechet_distance(heldout_feats[:n], heldout_feats[1000 : 1000 + n])
    print(f"iki ayrı gerçek küme, her biri {n:>4} rakam: {d:6.1f}")
""",
        en="""
# NBVAL_IGNORE_OUTPUT
print("a set against itself:", round(metrics.frechet_distance(heldout_feats, heldout_feats), 3))
for n in (50, 100, 200, 500, 1000):
    d = metrics.frechet_distance(heldout_feats[:n], heldout_feats[1000 : 1000 + n])
    print(f"two separate real sets of {n:>4} digits each: {d:6.1f}")
""",
    ),
    md(
        tr=r"""
Küme kendisiyle karşılaştırıldığında uzaklık 0, ama aynı dağılımdan gelen iki **farklı** küme
küçükken onlarca birim uzakta görünüyor ve uzaklık ancak örneklem büyüdükçe sıfıra yaklaşıyor.
50 örnekle ölçülmüş bir üretici, 2.000 örnekle ölçülmüş bir üreticiden, aslında daha iyi olsa
bile daha kötü görünebilir.

Bu ölçüler gözün yerini tutmaz; gözün göremediği şeyleri (2.000 örneğin dağılımı, eksik
rakamlar, dönemler arası küçük farklar) görünür kılar. En iyisi ikisini birlikte kullanmak:
önce sayılara, sonra her zaman örneklere bakın.

## Özet

- GAN kayıpları, değişen bir rakibe karşı ölçüldükleri için kaliteyi göstermez: resimler
  lekeyken de rakamken de $\ln 2$ civarında dolaşırlar.
- Hakemimiz, 8.000 gerçek rakamla eğitilmiş küçük bir CNN; ayrılmış 2.000 rakamda yüzde 99'un
  üzerinde doğru. Bir resim için sınıf olasılıkları ve 64 boyutlu öznitelikler verir.
- **Sınıflandırıcı skoru** $\exp(\mathbb{E}_x \mathrm{KL}(p(y \mid x) \,\|\, p(y)))$: her resim
  net **ve** küme çeşitliyse yüksek; 1 ile 10 arası, kabaca "eşdeğer rakam sayısı". Inception
  skorunun fikri {cite}`salimans2016`, TF-GAN'in `mnist_score`'u gibi.
- **Fréchet uzaklığı**: gerçek ve sahte rakamların özniteliklerine oturtulan iki Gauss arasındaki
  uzaklık; merkezleri ve yayılımları karşılaştırır, sınıf içi çeşitliliği de görür. 0 en iyi.
  Heusel ve arkadaşlarının (2017) FID'i, TF-GAN'in `mnist_frechet_distance`'ı gibi.
- **Sınıf histogramı**: hangi rakamların ne sıklıkta üretildiğini gösterir; mod çökmesinde birkaç
  sütunda toplanır.
- Referans üreticide skor yükselir, uzaklık düşer, ama inişli çıkışlı; en iyi üretici son
  üretici olmayabilir.
- Sınırlar: hakem yalnızca MNIST'i bilir, sonuçlar örneklem büyüklüğüne bağlıdır (Fréchet
  uzaklığı küçük örneklemde yukarı yanlı) ve hiçbiri kopyalamayı göremez; bunun için
  [Örnekleme](../tr/06-ornekleme.ipynb) bölümündeki en yakın komşu denetimine bakın.
""",
        en=r"""
Compared with itself, a set is at distance 0, but two **different** sets from the same
distribution look tens of units apart when they are small, and the distance only approaches zero
as the sample grows. A generator measured with 50 samples can look worse than one measured with
2,000, even when it is in fact better.

These measures do not replace the eye; they make visible what the eye cannot see (the make-up of
2,000 samples, missing digits, small differences between epochs). Best use both: look at the
numbers first, and then always look at the samples.

## Summary

- GAN losses do not show quality, because they are measured against a changing opponent: they
  hover around $\ln 2$ whether the images are smudges or digits.
- Our judge is a small CNN trained on 8,000 real digits, right on more than 99 % of the 2,000
  held-out ones. For an image it gives class probabilities and 64 features.
- **Classifier score** $\exp(\mathbb{E}_x \mathrm{KL}(p(y \mid x) \,\|\, p(y)))$: high when each
  image is clear **and** the set is diverse; from 1 to 10, roughly "the effective number of
  digits". The idea of the Inception score {cite}`salimans2016`, like TF-GAN's `mnist_score`.
- **Fréchet distance**: the distance between two Gaussians fitted to the features of real and fake
  digits; compares their centres and spreads, and sees variety within classes too. 0 is best.
  Like Heusel et al.'s (2017) FID and TF-GAN's `mnist_frechet_distance`.
- **Class histogram**: how often each digit is produced; in mode collapse it piles up in a few
  bars.
- For the reference generator the score rises and the distance falls, with ups and downs; the
  best generator need not be the last one.
- Limits: the judge knows only MNIST, results depend on the sample size (the Fréchet distance is
  biased upwards for small samples), and none of them can see copying; for that, see the
  nearest-neighbour check in [Sampling](../en/06-sampling.ipynb).
""",
    ),
]

CELLS += [
    exercises_heading(),
    *exercise(
        "07-score",
        title={"tr": "Sınıflandırıcı skorunu kendiniz hesaplayın", "en": "Compute the classifier score yourself"},
        text={
            "tr": """`my_score(probs)` fonksiyonunu yazın. `probs`, her satırı bir resmin $p(y \\mid x)$ dağılımı olan
`(n, 10)` boyutlu bir dizidir. Fonksiyon $\\exp\\big(\\mathbb{E}_x\\, \\mathrm{KL}(p(y \\mid x) \\,\\|\\, p(y))\\big)$
değerini döndürsün; $p(y)$ satırların ortalamasıdır. Dikkat: bazı olasılıklar tam 0 olabilir,
$\\ln 0$'a düşmemek için logaritmanın içine küçük bir `eps` (ör. `1e-12`) ekleyin.""",
            "en": """Write `my_score(probs)`. `probs` is an `(n, 10)` array whose rows are the $p(y \\mid x)$ of one
image each. The function returns $\\exp\\big(\\mathbb{E}_x\\, \\mathrm{KL}(p(y \\mid x) \\,\\|\\, p(y))\\big)$,
where $p(y)$ is the mean of the rows. Careful: some probabilities may be exactly 0; add a small
`eps` (e.g. `1e-12`) inside the logarithm so you never take $\\ln 0$.""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: gövdeyi yazın (probs.mean(axis=0), np.log, np.exp işinize yarar)
def my_score(probs):
    raise NotImplementedError""",
            "en": """# ✏️ EXERCISE: write the body (probs.mean(axis=0), np.log, np.exp will help)
def my_score(probs):
    raise NotImplementedError""",
        },
        solution={
            "tr": """# p(y): bütün resimlerin ortalaması; KL her resim için ayrı, sonra ortalama ve üs
def my_score(probs, eps=1e-12):
    probs = np.asarray(probs, dtype=np.float64)
    p_y = probs.mean(axis=0)
    kl = np.sum(probs * (np.log(probs + eps) - np.log(p_y + eps)), axis=1)
    return float(np.exp(kl.mean()))


# ayrılmış gerçek rakamlarda metrics.classifier_score ile aynı mı?
print(abs(my_score(heldout_probs) - metrics.classifier_score(heldout_probs)) < 1e-6)""",
            "en": """# p(y): the mean over all images; one KL per image, then the mean and the exponential
def my_score(probs, eps=1e-12):
    probs = np.asarray(probs, dtype=np.float64)
    p_y = probs.mean(axis=0)
    kl = np.sum(probs * (np.log(probs + eps) - np.log(p_y + eps)), axis=1)
    return float(np.exp(kl.mean()))


# the same as metrics.classifier_score on the held-out real digits?
print(abs(my_score(heldout_probs) - metrics.classifier_score(heldout_probs)) < 1e-6)""",
        },
        check='from ganlib import exercises\n\nexercises.check_classifier_score(my_score, lang="{lang}")',
    ),
    *question(
        "07-sample-size",
        title={"tr": "50 örnekle ölçülen bir Fréchet uzaklığı", "en": "A Fréchet distance measured on 50 samples"},
        text={
            "tr": """Bir arkadaşınız kendi üreticisinden 50 örnek alıyor, ayrılmış gerçek rakamlara Fréchet
uzaklığını hesaplıyor ve tablodaki referans üreticinin değerinden (2.000 örnekle ölçülmüş) çok
daha büyük bir sayı buluyor. "Benim üreticim çok daha kötü" diyor. Haklı mı? Yanlılık formülün
neresinden geliyor ve iki üretici doğru olarak nasıl karşılaştırılır?""",
            "en": """A friend takes 50 samples from her generator, computes their Fréchet distance to the held-out
real digits, and gets a number far larger than the reference generator's in the table (measured
on 2,000 samples). "My generator is much worse", she says. Is she right? Where in the formula
does the bias come from, and how should the two generators be compared?""",
        },
        answer={
            "tr": r"""Bu sayılarla bunu söyleyemez. Yukarıdaki deneyi hatırlayın: aynı dağılımdan gelen, yani
gerçek uzaklığı 0 olan iki gerçek rakam kümesi, her biri 50 rakamken onlarca birim uzakta
görünüyordu; 1.000 rakamda bu uzaklık birkaç birime iniyordu. 50 örnekle ölçülen bir sayının büyük
kısmı, üreticinin kusurundan değil, örneklemin küçüklüğünden gelebilir.

Yanlılığın iki kaynağı var, ikisi de uzaklığı **büyütür**:

- **Ortalamalar.** $\hat\mu_r$ ve $\hat\mu_g$ gerçek ortalamaların çevresinde titrer ve bu
  titremeler birbirini götürmez, toplanır:
  $\mathbb{E}\,\|\hat\mu_r - \hat\mu_g\|^2 = \|\mu_r - \mu_g\|^2 + \mathrm{Tr}\,\Sigma_r / n_r + \mathrm{Tr}\,\Sigma_g / n_g$.
  Fazlalık $1/n$ ile küçülür; $n_g = 50$ iken 40 kat büyüktür.
- **Kovaryanslar.** 64 özniteliğin kovaryansı 50 örnekten kestirilince matrisin rankı en fazla
  49 olur: bazı yönlerde yayılım hiç görülmez, bazılarında da şans eseri abartılır. İz terimi iki
  kovaryans tam olarak örtüşünce 0 olur; kestirim gürültüsü onları ancak birbirinden uzaklaştırabilir.

Uzaklığın tabanı 0 olduğu için gürültü onu ortalamada ancak yukarı itebilir; yanlılık örneklem
büyüdükçe azalır ama hiç sıfırlanmaz. Kural: yalnızca **aynı örneklem büyüklüğünde**, aynı hakemle ve
aynı referans kümesine karşı ölçülmüş sayıları karşılaştırın. Arkadaşınız tablonun ayarlarıyla
yeniden ölçmeli: `metrics.evaluate_generator(her_generator, n=2000)`. Ya da, 50'de kalacaksa,
sayısını iki gerçek kümenin 50'deki uzaklığıyla kıyaslamalı: o, 50 örnekle ulaşılabilecek en iyi
değerdir.""",
            "en": r"""She cannot tell from these numbers. Recall the experiment above: two sets of real digits from
the same distribution, whose true distance is 0, looked tens of units apart at 50 digits each; at
1,000 digits that distance fell to a few units. Much of a number measured on 50 samples may come
from the small sample rather than from any flaw of the generator.

The bias has two sources, and both make the distance **larger**:

- **The means.** $\hat\mu_r$ and $\hat\mu_g$ wobble around the true means, and the wobbles do not
  cancel, they add up:
  $\mathbb{E}\,\|\hat\mu_r - \hat\mu_g\|^2 = \|\mu_r - \mu_g\|^2 + \mathrm{Tr}\,\Sigma_r / n_r + \mathrm{Tr}\,\Sigma_g / n_g$.
  The excess shrinks like $1/n$; at $n_g = 50$ it is 40 times larger than at 2,000.
- **The covariances.** The covariance of 64 features estimated from 50 samples has rank at most
  49: some directions of spread are not seen at all, others are exaggerated by chance. The trace
  term is 0 only when the two covariances agree; estimation noise can only pull them apart.

Since the distance cannot go below 0, noise can only push it up on average; the bias shrinks as
the sample grows but never quite vanishes. The rule: compare only numbers measured at **the same
sample size**, with the same judge and against the same reference set. Your friend should measure
again with the table's settings: `metrics.evaluate_generator(her_generator, n=2000)`. Or, if she
sticks to 50, compare her number with the distance between two real sets of 50: that is the best
anyone can get with 50 samples.""",
        },
    ),
    *question(
        "07-copycat",
        title={"tr": "Kopyacı bir üretici", "en": "A copycat generator"},
        text={
            "tr": """Gürültüsünü hiç kullanmayan, her çağrıldığında eğitim kümesinden rastgele bir rakamı **olduğu
gibi** geri veren bir "üretici" düşünün. Sınıflandırıcı skoru, Fréchet uzaklığı ve sınıf histogramı
ona ne der? Onu ne ele verir?""",
            "en": """Picture a "generator" that ignores its noise and, every time it is called, hands back a random
digit from the training set **exactly as it is**. What would the classifier score, the Fréchet
distance and the class histogram say about it? What would give it away?""",
        },
        answer={
            "tr": r"""Üç ölçüde de tablonun en iyi satırını alır, çünkü tablodaki "gerçek rakamlar" satırı tam da
bu "üretici"dir: hakemin eğitim kümesinden alınmış 2.000 rakam. Skor 10'a çok yakın (hakem gerçek
rakamlardan emin, sınıflar dengeli), Fréchet uzaklığı yalnızca iki farklı gerçek kümenin sonlu
örneklem farkı kadar, histogram düz ve on sınıfın hepsi kapsanmış. Dürüst hiçbir üretici bu satırı
geçemez. Daha da uç bir kopyacı, doğrudan ayrılmış 2.000 rakamı kopyalasaydı, Fréchet uzaklığı
tam 0 olurdu: gerçek rakamlardan bile "daha iyi".

Sebep: üç ölçü de yalnızca hakemin gözünde kümenin **dağılımına** bakar; bir resmin nereden
geldiğini sormaz. Kopyalamak o dağılımı kusursuz biçimde yeniden üretir, ama üretici hiçbir şey
hayal etmemiştir.

Onu ele veren, [Örnekleme](../tr/06-ornekleme.ipynb) bölümündeki en yakın komşu denetimidir: her
örneğin eğitim kümesindeki en yakın komşusuna uzaklığı tam 0 çıkar. Daha kurnaz bir kopyacı
(resmi bir piksel kaydıran, biraz gürültü ekleyen) sıfır olmayan ama küçük uzaklıklar verir; o
zaman örneklerin en yakın komşu uzaklıklarını, eğitimde hiç kullanılmamış gerçek rakamlarınkiyle
karşılaştırın. Örnekler eğitim rakamlarına, yeni gerçek rakamların durduğundan sistematik olarak
daha yakın duruyorsa üretici ezberliyordur.""",
            "en": r"""It gets the best row of the table on all three measures, because the "real digits" row is
exactly this "generator": 2,000 digits taken from the judge's training set. A score very close
to 10 (the judge is sure about real digits, the classes are balanced), a Fréchet distance only as
large as the finite-sample gap between two different real sets, a flat histogram with all ten
classes covered. No honest generator can beat that row. An even bolder copycat that copied the
2,000 held-out digits themselves would get a Fréchet distance of exactly 0: "better" than real
digits.

The reason: all three measures look only at the **distribution** of the set in the judge's eyes;
none asks where an image came from. Copying reproduces that distribution perfectly, yet the
generator has imagined nothing.

What gives it away is the nearest-neighbour check of [Sampling](../en/06-sampling.ipynb): every
sample's distance to its nearest training digit comes out exactly 0. A craftier copycat (shifting
each image by a pixel, adding a little noise) gives small but non-zero distances; then compare the
samples' nearest-neighbour distances with those of real digits that were never used in training.
If the samples sit systematically closer to the training digits than fresh real digits do, the
generator is memorising.""",
        },
    ),
]
