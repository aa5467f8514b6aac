from build_notebooks import code, exercise, exercises_heading, md, question

SLUG = {"tr": "01-kalpazan-ve-polis", "en": "01-counterfeiter-and-police"}
TITLE = {"tr": "Kalpazan ve polis", "en": "The counterfeiter and the police"}

CELLS = [
    md(
        tr=r"""
Kaynak yazı GAN'i bir benzetmeyle anlatıyor ve bu benzetme, fikrin neden çalıştığını formüllerden daha
iyi gösteriyor. Önce hikâyeyi adım adım kuralım; sonra aynı hikâyeyi sayılarla, gözümüzün önünde
oynatalım.

## Hikâye

Bir kalpazan sahte para basıyor; bir polis de önüne gelen parayı inceleyip gerçek mi sahte mi
olduğuna karar veriyor.

1. **Kalpazan bir sahte para gösterir.** İlk denemesi berbattır; neye benzemesi gerektiğini henüz
   bilmiyor.
2. **Polis "sahte" der.** Gerçek paraları iyi tanıdığı için farkı hemen görür.
3. **Bu karar bir geri beslemedir.** Polisin tepkisi, dolaylı olarak, sahteyi neyin ele verdiğini de
   söyler: renk fazla koyu, filigran yok... Kalpazan bir sonraki denemesinde bunları düzeltir.
4. **Polis de gelişir.** Her turda hem gerçek hem sahte para görür; sahteler iyileştikçe daha ince
   ayrıntılara bakmayı öğrenir.
5. **Döngü tekrarlanır**, ta ki kalpazanın paraları gerçeklerinden ayırt edilemez hale gelene kadar.
   O noktada polisin yapabileceği en iyi şey yazı tura atmaktır: her paraya "yarı yarıya gerçek"
   der.

Hikâyenin en şaşırtıcı yanı şu: kalpazan hiçbir zaman gerçek bir para görmez. Gerçek paranın neye
benzediğini yalnızca polisin tepkilerinden öğrenir. İkisi de birbirine muhtaçtır: polis olmadan
kalpazan neyi düzelteceğini bilemez, iyi bir kalpazan olmadan da polis keskinleşmez.

## Hikâyeden ağlara

| Hikâyede | GAN'de |
| --- | --- |
| kalpazan | **üretici** $G$ (*generator*) |
| polis | **ayırtaç** $D$ (*discriminator*) |
| sahte para | üreticinin çıktısı $G(z)$; $z$ rastgele gürültü |
| gerçek para | eğitim verisi $x$ (bizim için MNIST rakamları) |
| polisin kararı | $D(x) \in [0, 1]$: $x$'in gerçek olma olasılığı |
| "neyin ele verdiği" | $D$'nin kararının, üreticinin ağırlıklarına göre gradyanı |
| yazı tura | her yerde $D(x) = \tfrac12$ |

Goodfellow ve arkadaşları {cite}`goodfellow2014` bu oyunu tek bir ifadeyle yazar:

$$
\min_G \max_D \; \mathbb{E}_{x}\big[\log D(x)\big] + \mathbb{E}_{z}\big[\log\big(1 - D(G(z))\big)\big]
$$

Formülden çekinmeye gerek yok; iki terim, polisin iki ayrı işini puanlıyor. İlk terim gerçek paralara
"gerçek" demesini ölçer: $D(x)$ 1'e yaklaştıkça $\log D(x)$ yukarı, 0'a doğru çıkar. İkinci terim
sahtelere "sahte" demesini ölçer: $D(G(z))$ 0'a yaklaştıkça $\log(1 - D(G(z)))$ yine 0'a çıkar. Polis
($\max_D$) toplamı büyütmeye çalışır. Kalpazan ($\min_G$) yalnızca ikinci terime dokunabilir ve onu
küçültmeye, yani polisin sahtelerine "gerçek" demesine çalışır.

Makale şunu da gösterir: kalpazanın sahteleri gerçek verinin dağılımıyla birebir aynı dağılımdan
geldiğinde, polisin yapabileceği en iyi şey her yerde $D(x) = \tfrac12$ demektir. Oyunun denge noktası
budur. Uygulamada (bizim kodumuzda da) üretici bu terimi küçültmek yerine, sahtelerinin "gerçek" (1)
etiketini almasını hedefleyerek eğitilir; makalenin de önerdiği bu küçük değişiklik eğitimin başında
daha güçlü bir sinyal verir. Etiketleri [4. bölümde](../tr/04-etiketler.ipynb) ayrıntılı kuracağız.
""",
        en=r"""
The source post explains GANs with an analogy, and the analogy shows why the idea works better than
any formula. Let us first build the story step by step, then play the same story with numbers, live.

## The story

A counterfeiter prints fake banknotes; a police officer inspects each note that comes along and
decides whether it is real or fake.

1. **The counterfeiter shows a fake note.** The first attempt is awful; they do not yet know what a
   note should look like.
2. **The police say "fake".** They know real notes well and see the difference at once.
3. **That verdict is feedback.** Indirectly, the police's reaction also tells what gave the fake away:
   the colour is too dark, there is no watermark... The counterfeiter fixes that in the next attempt.
4. **The police improve too.** Every round they see both real and fake notes, and as the fakes get
   better they learn to look at finer details.
5. **Repeat**, until the counterfeiter's notes cannot be told apart from real ones. At that point the
   best the police can do is toss a coin: they call every note "half likely real".

The most surprising part of the story: the counterfeiter never sees a real note. Everything they learn
about what a real note looks like, they learn from the police's reactions. Each side needs the other:
without the police the counterfeiter has no idea what to fix, and without a good counterfeiter the
police never get sharper.

## From the story to networks

| In the story | In a GAN |
| --- | --- |
| counterfeiter | **generator** $G$ |
| police | **discriminator** $D$ |
| fake note | the generator's output $G(z)$, where $z$ is random noise |
| real note | the training data $x$ (for us, MNIST digits) |
| the police's verdict | $D(x) \in [0, 1]$: the probability that $x$ is real |
| "what gave it away" | the gradient of $D$'s verdict with respect to the generator's weights |
| a coin toss | $D(x) = \tfrac12$ everywhere |

Goodfellow et al. {cite}`goodfellow2014` write the whole game as one expression:

$$
\min_G \max_D \; \mathbb{E}_{x}\big[\log D(x)\big] + \mathbb{E}_{z}\big[\log\big(1 - D(G(z))\big)\big]
$$

No need to be put off: the two terms score the two halves of the police's job. The first measures
calling real notes "real": as $D(x)$ approaches 1, $\log D(x)$ rises towards 0. The second measures
calling fakes "fake": as $D(G(z))$ approaches 0, $\log(1 - D(G(z)))$ also rises towards 0. The police
($\max_D$) try to make the sum large. The counterfeiter ($\min_G$) can only touch the second term and
tries to make it small, that is, to get the police to call the fakes "real".

The paper also shows that when the counterfeiter's fakes come from exactly the same distribution as
the real data, the best the police can do is say $D(x) = \tfrac12$ everywhere. That is the game's
equilibrium. In practice (and in our code) the generator is not trained to shrink that term directly
but to get its fakes labelled "real" (1); this small change, which the paper itself suggests, gives a
stronger signal early in training. We build the labels in detail in [chapter 4](../en/04-labels.ipynb).
""",
    ),
    md(
        tr=r"""
## Tek boyutlu bir GAN

Rakamlara geçmeden önce oyunu en küçük hâliyle oynayalım. Burada bir "para" tek bir sayı:

- **Gerçek paralar**, ortalaması 4 ve standart sapması 1,25 olan bir normal dağılımdan gelen sayılar.
- **Kalpazan** küçük bir ağ: 4 rastgele sayı alır, tek bir sayı verir.
- **Polis** de küçük bir ağ: bir sayı alır, onun gerçek olma olasılığını verir.

Her adımda polis 64 gerçek ve 64 sahte sayı görüp bir kez güncellenir, ardından kalpazan bir kez
güncellenir. İki ağ da rakamlarda kullanacağımız `GAN` sınıfıyla, aynı adımlarla eğitiliyor; tek
farkları küçük olmaları, bu yüzden eğitim birkaç saniye sürüyor. (Burada etiket yumuşatma yok:
gerçekler 1, sahteler 0 etiketi alıyor.)
""",
        en=r"""
## A GAN in one dimension

Before moving on to digits, let us play the game at its smallest. Here a "banknote" is a single
number:

- **Real notes** are numbers drawn from a normal distribution with mean 4 and standard deviation 1.25.
- **The counterfeiter** is a small network: it takes 4 random numbers and outputs one number.
- **The police** are a small network too: they take a number and output the probability that it is
  real.

At every step the police look at 64 real and 64 fake numbers and are updated once, then the
counterfeiter is updated once. Both networks are trained by the same `GAN` class, with the same steps,
that we will use for the digits; they are just tiny, which is why training takes seconds. (There is no
label smoothing here: real numbers get the label 1, fakes 0.)
""",
    ),
    code(
        tr="""
import matplotlib.pyplot as plt
import numpy as np
from ganlib import plotting, toy

print("gerçek veri: ortalama", toy.TARGET_MEAN, " standart sapma", toy.TARGET_STD)
labels = {
    "real": "gerçek veri",
    "fake": "kalpazanın ürettikleri",
    "belief": "polisin kanısı D(x)",
    "step": "adım {step}",
    "x": "x",
    "density": "yoğunluk",
}
""",
        en="""
import matplotlib.pyplot as plt
import numpy as np
from ganlib import plotting, toy

print("real data: mean", toy.TARGET_MEAN, " standard deviation", toy.TARGET_STD)
labels = {
    "real": "real data",
    "fake": "counterfeiter's numbers",
    "belief": "police's belief D(x)",
    "step": "step {step}",
    "x": "x",
    "density": "density",
}
""",
    ),
    md(
        tr=r"""
### İlk 200 adım

Önce eğitimin başına yakından bakalım: 200 adım, her 50 adımda bir anlık görüntü.
""",
        en=r"""
### The first 200 steps

First a close look at the start of training: 200 steps, with a snapshot every 50.
""",
    ),
    code(
        """
# NBVAL_IGNORE_OUTPUT
first = toy.train_toy(steps=200, batch_size=64, snapshot_every=50, seed=0)
fig = plotting.plot_toy_run(first, labels=labels, max_panels=4)
"""
    ),
    md(
        tr=r"""
Gri çubuklar gerçek verinin, turuncu çubuklar kalpazanın 2000 sayısının histogramı (soldaki eksen).
Mavi eğri polisin kanısı: yatay eksendeki her $x$ için $D(x)$, sağdaki 0–1 ekseninden okunur. Noktalı
çizgi $\tfrac12$.

- **Adım 0:** Kalpazanın sayıları 0 civarında toplanmış, gerçeklerden çok uzakta. Polis henüz hiçbir
  şey öğrenmemiş; her yere kabaca yarı yarıya diyor. Bu bir denge değil, bilgisizlik.
- **Adım 50:** Polis çabuk öğrendi: sahtelerin bulunduğu solda $D(x)$ düşük, gerçeklerin bulunduğu
  sağda yüksek. Eğrinin eğimi kalpazana yön gösteriyor: *sağa git, orada daha gerçek görünürsün*.
  Geri besleme tam olarak bu eğimdir.
- **Adım 100–200:** Kalpazan sayılarını sağa, gerçeklerin üstüne kaydırıyor; polisin eğrisi de bir
  adım geriden onu izliyor ve yataylaşmaya başlıyor.

### Bütün eğitim: 1500 adım

Şimdi aynı oyunu 1500 adım oynatalım. Aynı tohumla (`seed=0`) başladığı için bu koşunun ilk 200
adımı yukarıdakinin aynısı.
""",
        en=r"""
The grey bars are the histogram of the real data, the orange bars that of the counterfeiter's 2000
numbers (left axis). The blue curve is the police's belief: $D(x)$ for each $x$ on the horizontal
axis, read on the 0–1 axis on the right. The dotted line is $\tfrac12$.

- **Step 0:** the counterfeiter's numbers huddle around 0, far from the real ones. The police have
  learnt nothing yet and say roughly "half and half" everywhere. That is not equilibrium, it is
  ignorance.
- **Step 50:** the police learnt fast: $D(x)$ is low on the left, where the fakes are, and high on the
  right, where the real numbers are. The slope of the curve shows the counterfeiter the way: *move
  right, you look more real over there*. That slope is exactly the feedback.
- **Steps 100–200:** the counterfeiter slides its numbers to the right, onto the real ones; the
  police's curve follows one step behind and starts to flatten.

### The whole run: 1500 steps

Now the same game for 1500 steps. It starts from the same seed (`seed=0`), so its first 200 steps are
exactly the ones above.
""",
    ),
    code(
        """
# NBVAL_IGNORE_OUTPUT
run = toy.train_toy(steps=1500, batch_size=64, snapshot_every=300, seed=0)
fig = plotting.plot_toy_run(run, labels=labels, max_panels=4)
"""
    ),
    md(
        tr=r"""
Kalpazanın histogramı gerçek verinin üstüne oturuyor ve polisin eğrisi, verinin bulunduğu bölgede
(kabaca 1 ile 8 arasında) noktalı $\tfrac12$ çizgisine yaklaşıyor: polis artık yazı tura atıyor. Bu kez
bunun sebebi bilgisizlik değil. Polis elinden geleni yapıyor, ama ayırt edecek bir fark kalmadı.

Verinin hiç bulunmadığı yerlerde (örneğin $x < 0$) eğri $\tfrac12$'den uzaklaşabilir. Oraya ne gerçek
ne sahte para düştü; polisin oradaki kanısı hiç sınanmamış bir tahmin ve kimsenin işine yaramıyor.

Sayılarla da kontrol edelim: her anlık görüntüde kalpazanın 2000 sayısının ortalaması ve standart
sapması, en altta da hedef.
""",
        en=r"""
The counterfeiter's histogram settles onto the real data, and in the region where the data live
(roughly from 1 to 8) the police's curve approaches the dotted $\tfrac12$ line: the police are now
tossing a coin. This time not out of ignorance. They are doing their best, but no difference is left
to see.

Where no data ever fall (say $x < 0$) the curve may wander away from $\tfrac12$. No note, real or
fake, ever landed there; the police's belief there is an untested guess that matters to nobody.

Let us check with numbers too: the mean and standard deviation of the counterfeiter's 2000 numbers at
each snapshot, and the target on the last line.
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
print("  adım   ortalama   std")
for step, fake in zip(run.steps, run.fakes):
    print(f"{step:>6}   {fake.mean():8.1f}   {fake.std():.1f}")
print(f" hedef   {toy.TARGET_MEAN:8.1f}   {toy.TARGET_STD}")
""",
        en="""
# NBVAL_IGNORE_OUTPUT
print("  step       mean   std")
for step, fake in zip(run.steps, run.fakes):
    print(f"{step:>6}   {fake.mean():8.1f}   {fake.std():.1f}")
print(f"target   {toy.TARGET_MEAN:8.1f}   {toy.TARGET_STD}")
""",
    ),
    md(
        tr=r"""
Kalpazan, gürültüyü ortalaması ve yayılımı hedefe yakın sayılara çevirmeyi öğrendi; ama tam olarak
değil ve son satıra kadar da her anlık görüntüde biraz farklı. Oyun dengeye yaklaşır ama oraya
oturmaz: polisin her küçük yanılgısı kalpazanı bir yöne iter, kalpazanın her hamlesi de polisi.
Sayılar bu yüzden hedefin çevresinde küçük salınımlar yapar. (Kesin değerler bilgisayardan
bilgisayara biraz değişebilir; tablo aynı kalmaz ama hikâye aynı kalır.)

## Kayıplar neden sıfıra inmiyor?

Bir sınıflandırıcıyı eğitirken kaybın sıfıra doğru inmesini bekleriz. GAN'de durum farklı. Her adımda
iki kayıp kaydedildi: polisinki (gerçeklere 1, sahtelere 0 demekteki ikili çapraz entropi) ve
kalpazanınki (sahtelerine polise "gerçek" dedirtememenin bedeli).
""",
        en=r"""
The counterfeiter learnt to turn noise into numbers whose mean and spread are close to the target;
but not exactly, and a little differently at every snapshot. The game approaches equilibrium without
ever sitting still in it: every small mistake of the police pushes the counterfeiter one way, and every
move of the counterfeiter pushes the police. So the numbers wobble around the target. (The exact
values may differ a little from one computer to another; the table changes, the story does not.)

## Why don't the losses go to zero?

When training a classifier we expect the loss to fall towards zero. A GAN is different. At every step
two losses were recorded: the police's (the binary cross-entropy of saying 1 to real numbers and 0 to
fakes) and the counterfeiter's (the price of failing to get its fakes called "real").
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
losses = {"d_loss": run.d_loss, "g_loss": run.g_loss}
names = {"d_loss": "polis (ayırtaç)", "g_loss": "kalpazan (üretici)"}
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.axhline(np.log(2), color="gray", linestyle=":", label="ln 2 ≈ 0,693")
ax = plotting.plot_losses(losses, ax=ax, labels=names, xlabel="adım", ylabel="kayıp")
""",
        en="""
# NBVAL_IGNORE_OUTPUT
losses = {"d_loss": run.d_loss, "g_loss": run.g_loss}
names = {"d_loss": "police (discriminator)", "g_loss": "counterfeiter (generator)"}
fig, ax = plt.subplots(figsize=(6, 3.5))
ax.axhline(np.log(2), color="gray", linestyle=":", label="ln 2 ≈ 0.693")
ax = plotting.plot_losses(losses, ax=ax, labels=names, xlabel="step", ylabel="loss")
""",
    ),
    md(
        tr=r"""
Noktalı çizgi $\ln 2 \approx 0{,}693$ ve bu sayı tesadüf değil. Polis her sayıya $\tfrac12$ derse,
gerçek bir sayıdaki kaybı $-\ln\tfrac12 = \ln 2$, sahte bir sayıdaki kaybı $-\ln(1 - \tfrac12) = \ln 2$
olur; kalpazanın kaybı da $-\ln\tfrac12 = \ln 2$. İki eğri de bu çizgiye yaklaşıyorsa polis artık
tahmin yürütüyor demektir: oyun dengeye yaklaşmış.

En başta iki kayıp da $\ln 2$ civarında: eğitilmemiş polis her şeye yarı yarıya diyor (adım 0'daki
bilgisizlik). Birkaç düzine adımda polis öğrenir; onun kaybı düşer, kalpazanınki fırlar, çünkü sahteler
kolayca yakalanıyor. Kalpazan iyileştikçe polisin kaybı yeniden yükselir, kalpazanınki düşer ve ikisi
$\ln 2$ civarında buluşur.

GAN'lerde kayıp eğrilerini okumanın ilk dersi budur: **düşen bir kayıp tek başına iyi haber değildir.**
Polisin kaybı sıfıra inseydi, polis her sahteyi kolayca yakalıyor, kalpazan ise işe yarar bir geri
besleme alamıyor demek olurdu. Sağlıklı bir GAN'de iki kayıp birbirini dengeler. Rakam GAN'inin
eğrileri çok daha gürültülü olacak, ama aynı mantıkla okunacak.

## Özet

- Kalpazan **üretici**, polis **ayırtaç**tır. Polisin kararı kalpazan için geri beslemedir; kalpazan
  gerçek veriyi hiç görmez.
- Oyun $\min_G \max_D$ ifadesiyle yazılır {cite}`goodfellow2014`; dengede sahteler gerçeklerden
  ayırt edilemez ve her yerde $D(x) = \tfrac12$ olur.
- Tek boyutlu bir GAN birkaç saniyede, ortalaması 4 ve standart sapması 1,25 olan sayıları taklit
  etmeyi öğrendi. Polisin eğrisinin eğimi, kalpazana hangi yöne gideceğini gösteren geri beslemeydi.
- GAN'de kayıplar sıfıra inmez; dengede ikisi de $\ln 2$ civarına yerleşir.

Sıradaki bölümde "para" 28×28'lik bir rakam resmi, polis de onu inceleyen evrişimsel bir ağ oluyor:
[Ayırtaç](../tr/02-ayirtac.ipynb).
""",
        en=r"""
The dotted line is $\ln 2 \approx 0.693$, and that number is no accident. If the police say
$\tfrac12$ to every number, their loss on a real number is $-\ln\tfrac12 = \ln 2$, on a fake one
$-\ln(1 - \tfrac12) = \ln 2$, and the counterfeiter's loss is $-\ln\tfrac12 = \ln 2$ as well. When both
curves approach this line, the police are guessing: the game is close to equilibrium.

At the very start both losses sit near $\ln 2$: the untrained police say "half and half" to
everything (the ignorance of step 0). Within a few dozen steps the police learn; their loss drops and
the counterfeiter's shoots up, because the fakes are easy to catch. As the counterfeiter improves, the
police's loss climbs back, the counterfeiter's falls, and the two meet around $\ln 2$.

That is the first lesson in reading GAN loss curves: **a falling loss is not, on its own, good news.**
Had the police's loss gone to zero, it would mean they catch every fake with ease and the
counterfeiter gets no useful feedback. In a healthy GAN the two losses hold each other in balance. The
digit GAN's curves will be much noisier, but you read them the same way.

## Summary

- The counterfeiter is the **generator**, the police the **discriminator**. The police's verdict is
  the counterfeiter's feedback; the counterfeiter never sees the real data.
- The game is written as $\min_G \max_D$ {cite}`goodfellow2014`; at equilibrium the fakes cannot be
  told from the real data and $D(x) = \tfrac12$ everywhere.
- A one-dimensional GAN learnt in seconds to imitate numbers with mean 4 and standard deviation 1.25.
  The slope of the police's curve was the feedback that showed the counterfeiter which way to go.
- In a GAN the losses do not go to zero; at equilibrium both settle around $\ln 2$.

In the next chapter the "banknote" becomes a 28×28 image of a digit and the police a convolutional
network that inspects it: [The discriminator](../en/02-discriminator.ipynb).
""",
    ),
]

CELLS += [
    exercises_heading(),
    *exercise(
        "01-best-police",
        title={"tr": "En iyi polis", "en": "The best possible police"},
        text={
            "tr": r"""Polisin sınırsız kapasitesi ve zamanı olduğunu düşünün. Belirli bir $x$ değerinde
gerçek paralar $p_\text{veri}(x)$ yoğunluğuyla, sahteler $p_\text{model}(x)$ yoğunluğuyla karşısına
çıkıyor; her yığında gerçek ve sahte sayısı eşit. Polisin $x$'teki en iyi cevabı, $x$'e benzeyen
bütün paralar içinde gerçeklerin payıdır.

`best_police(p_data, p_model)` fonksiyonunu yazın: iki NumPy dizisi alsın ve bu payı eleman eleman
döndürsün. İki yoğunluk eşit olduğunda ne çıkıyor? Yalnızca sahtelerin düştüğü bir yerde ne çıkıyor?""",
            "en": r"""Imagine police with unlimited capacity and all the time in the world. At a given
value $x$, real notes turn up with density $p_\text{data}(x)$ and fakes with density
$p_\text{model}(x)$; every batch holds as many real notes as fakes. The police's best answer at $x$ is
the share of real notes among all the notes that look like $x$.

Write `best_police(p_data, p_model)`: it takes two NumPy arrays and returns that share, element by
element. What does it give where the two densities are equal? Where only fakes ever land?""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: gövdeyi yazın (her x için polisin en iyi kanısı)
def best_police(p_data, p_model):
    raise NotImplementedError""",
            "en": """# ✏️ EXERCISE: write the body (the police's best belief at each x)
def best_police(p_data, p_model):
    raise NotImplementedError""",
        },
        solution_text={
            "tr": r"""$x$ civarına düşen paraların $p_\text{veri}(x)$ kadarı gerçek, $p_\text{model}(x)$
kadarı sahtedir; gerçeklerin payı $D^*(x) = p_\text{veri}(x) / \big(p_\text{veri}(x) + p_\text{model}(x)\big)$
olur. İkili çapraz entropi her $x$'te tam bu payı söyleyen cevabı ödüllendirir; Goodfellow ve
arkadaşlarının en iyi ayırtaç için bulduğu formül de budur {cite}`goodfellow2014`. İki yoğunluk
eşitse $D^*(x) = \tfrac12$: dengede polisin yazı tura atmasının nedeni bu. Yalnızca sahtelerin
düştüğü yerde $D^*(x) = 0$, yalnızca gerçeklerin düştüğü yerde 1 olur. Hiçbir paranın düşmediği yerde
formül $0/0$ verir: bölümde gördüğümüz, $x < 0$ bölgesindeki "sınanmamış tahmin" tam olarak budur.""",
            "en": r"""Of the notes that land near $x$, a share proportional to $p_\text{data}(x)$ is real
and one proportional to $p_\text{model}(x)$ is fake, so the real share is
$D^*(x) = p_\text{data}(x) / \big(p_\text{data}(x) + p_\text{model}(x)\big)$. Binary cross-entropy
rewards exactly the answer that states this share at every $x$; it is the optimal discriminator of
Goodfellow et al. {cite}`goodfellow2014`. Where the two densities are equal, $D^*(x) = \tfrac12$:
that is why the police toss a coin at equilibrium. Where only fakes land, $D^*(x) = 0$; where only real
notes land, 1. Where no note ever lands, the formula reads $0/0$: that is the "untested guess" we saw
for $x < 0$ in the chapter.""",
        },
        solution={
            "tr": """# x'e benzeyen paralar içinde gerçeklerin payı
def best_police(p_data, p_model):
    return p_data / (p_data + p_model)


print(best_police(np.array([0.3, 0.2, 0.0]), np.array([0.3, 0.0, 0.2])))""",
            "en": """# The share of real notes among all the notes that look like x
def best_police(p_data, p_model):
    return p_data / (p_data + p_model)


print(best_police(np.array([0.3, 0.2, 0.0]), np.array([0.3, 0.0, 0.2])))""",
        },
        check=(
            "from ganlib import exercises\n\n"
            'exercises.check_optimal_discriminator(best_police, lang="{lang}")'
        ),
    ),
    *question(
        "01-ln2-trap",
        title={"tr": "ln 2 görmek dengeye ulaşmak mıdır?", "en": "Does seeing ln 2 mean equilibrium?"},
        text={
            "tr": r"""Dengede $D(x) = \tfrac12$ olur ve iki kayıp da $\ln 2 \approx 0{,}693$ civarına
yerleşir. Bir eğitimin günlüğünde ayırtacın kaybını 0,693 gördünüz. Oyunun dengeye ulaştığını, yani
sahtelerin gerçeklerden ayırt edilemediğini söyleyebilir misiniz? Neden, ve emin olmak için neye
bakardınız?""",
            "en": r"""At equilibrium $D(x) = \tfrac12$ and both losses settle around
$\ln 2 \approx 0.693$. In a training log you see the discriminator's loss at 0.693. Can you conclude
that the game has reached equilibrium, i.e. that the fakes cannot be told from the real data? Why,
and what would you look at to be sure?""",
        },
        answer={
            "tr": r"""Hayır. $\ln 2$ yalnızca polisin **tahmin yürüttüğünü** söyler, neden tahmin
yürüttüğünü değil. Polis her paraya $\tfrac12$ derse gerçek bir paradaki kaybı $-\ln\tfrac12$,
sahte bir paradaki kaybı $-\ln(1 - \tfrac12)$ olur; ikisi de $\ln 2$. Bunun en az iki nedeni olabilir:

- **Bilgisizlik.** Eğitilmemiş polisin logiti sıfıra yakındır ve $\sigma(0) = \tfrac12$. Oyuncak
  GAN'de adım 0'da sahteler 0 civarında, gerçekler 4 civarındaydı; yine de iki kayıp $\ln 2$'ye
  yakındı.
- **Gözü görmeyen polis.** Yukarıdaki alıştırmanın formülü *en iyi* polis içindir. Kapasitesi
  yetmeyen ya da kalpazanın bir adım gerisinde kalan bir polis, dağılımlar farklıyken de yarı yarıya
  diyebilir; farkı göremiyordur, fark yok değildir.

$D^*(x) = \tfrac12$'den $p_\text{veri} = p_\text{model}$ sonucu ancak polis gerçekten en iyi polis
olduğunda çıkar. Emin olmak için kayba değil **sahtelerin kendisine** bakın: oyuncakta histogramlara
ve ortalama/standart sapma tablosuna, rakamlarda örnek ızgaralarına ve
[Değerlendirme](../tr/07-degerlendirme.ipynb) bölümünün ölçülerine (sınıflandırıcı skoru, Fréchet
uzaklığı). Bir de kaybın zaman içindeki gidişine: önce düşüp sonra $\ln 2$'ye geri tırmanan bir
polis kaybı, hiç kıpırdamayandan çok daha fazla şey anlatır.""",
            "en": r"""No. $\ln 2$ only says that the police are **guessing**, not why. If the police say
$\tfrac12$ to every note, the loss is $-\ln\tfrac12$ on a real note and $-\ln(1 - \tfrac12)$ on a fake,
both $\ln 2$. There are at least two reasons this can happen:

- **Ignorance.** An untrained police's logit is close to zero, and $\sigma(0) = \tfrac12$. At step 0
  of the toy GAN the fakes sat around 0 and the real numbers around 4, yet both losses were close to
  $\ln 2$.
- **Police that cannot see.** The formula of the exercise above is for the *best possible* police.
  Police without enough capacity, or one step behind the counterfeiter, can say "half and half" while
  the distributions still differ: they fail to see the difference, which is not the same as there
  being none.

Only for the best possible police does $D^*(x) = \tfrac12$ imply $p_\text{data} = p_\text{model}$. To
be sure, look at **the fakes themselves**, not at the loss: the histograms and the mean/std table for
the toy; sample grids and the measures of [Evaluation](../en/07-evaluation.ipynb) (classifier score,
Fréchet distance) for digits. Look at the loss's history, too: police whose loss dropped and then
climbed back to $\ln 2$ tell you far more than police whose loss never moved.""",
        },
    ),
    *question(
        "01-longer",
        title={"tr": "Daha kısa, daha uzun eğitim", "en": "Shorter and longer training"},
        text={
            "tr": r"""Kendi hücrenizde oyuncak GAN'i bir kez 50 adım, bir kez 3000 adım eğitin
(`toy.train_toy(steps=..., snapshot_every=...)`) ve ortalama/standart sapma tablosuyla kayıp
eğrilerine bakın. Önce tahmin edin: adım sayısını iki katına çıkarmak kalpazanın sayılarını hedefe
iki kat mı yaklaştırır? Sonra çalıştırıp tahmininizi sınayın. (3000 adım bir dizüstü bilgisayarda
yaklaşık 10–20 saniye sürer.)""",
            "en": r"""In a cell of your own, train the toy GAN once for 50 steps and once for 3000
(`toy.train_toy(steps=..., snapshot_every=...)`), and look at the mean/std table and the loss curves.
Guess first: does doubling the number of steps bring the counterfeiter's numbers twice as close to the
target? Then run it and test your guess. (3000 steps take about 10–20 seconds on a laptop.)""",
        },
        answer={
            "tr": r"""**50 adım** yarı yolda durur: kalpazanın sayıları yola çıkmış ama ortalamaları hâlâ
1'in altında, gerçeklerin çok solunda. Polisin eğrisi dik; polisin kaybı $\ln 2$'nin epey altında,
kalpazanınki üstünde, çünkü sahteler kolayca yakalanıyor.

**3000 adım** ise 1500'den pek iyi değildir. Bizim koşularımızda ortalama birkaç yüz adımda 4'e
ulaştı (hatta önce 4,5'e kadar taşıp geri döndü); ondan sonra hep 4 civarında, standart sapma da
1,25'in çevresinde kabaca 1,1 ile 1,7 arasında gidip geldi. Kayıplar birkaç yüzüncü adımdan sonra
$\ln 2$'de kaldı. Daha uzun eğitim kalpazanı dengeye yaklaştırır ama orada **durdurmaz**: iki oyuncu
birbirini itmeyi sürdürür ve sayılar hedefin çevresinde salınır. Bir sınıflandırıcıdaki gibi "ne kadar
uzun, o kadar iyi" kuralı GAN'de geçerli değildir; bu yüzden [Eğitim](../tr/05-egitim.ipynb)
bölümünde ilerlemeyi kayıpla değil, her dönemde çizilen örneklerle izleyeceğiz. (Kesin sayılar
makineden makineye ve `seed`'den `seed`'e değişir; bu davranış değişmez.)""",
            "en": r"""**50 steps** stop halfway: the counterfeiter's numbers are on their way, but their
mean is still below 1, far to the left of the real ones. The police's curve is steep; their loss is well below
$\ln 2$ and the counterfeiter's above it, because the fakes are easy to catch.

**3000 steps** are not much better than 1500. In our runs the mean reached 4 within a few hundred
steps (first overshooting to about 4.5 and coming back); after that it stayed around 4, while the
standard deviation wandered around 1.25, roughly between 1.1 and 1.7. The losses stayed at $\ln 2$
from a few hundred steps on. Longer training brings the counterfeiter close to equilibrium but does
**not make it stop there**: the two players keep pushing each other and the numbers wobble around the
target. "The longer, the better", as with a classifier, does not hold for a GAN; that is why in
[Training](../en/05-training.ipynb) we will follow progress through samples drawn after every epoch,
not through the loss. (The exact numbers change from machine to machine and seed to seed; the
behaviour does not.)""",
        },
    ),
]
