from build_notebooks import code, exercise, exercises_heading, md, question

SLUG = {"tr": "05-egitim", "en": "05-training"}
TITLE = {"tr": "Eğitim", "en": "Training"}

CELLS = [
    # ------------------------------------------------------------------ the loop
    md(
        tr=r"""
Ayırtacı, üreticiyi ve etiketleri ayrı ayrı kurduk. Şimdi iki ağı birbirine karşı eğitiyoruz.
Özgün yazıdaki döngü {cite}`blogpost` (kodu Zackory'nin Keras örneğinden gelir {cite}`zackory`)
her adımda aynı dört işi sırayla yapar:

1. Taze gürültü çekilir; üretici bundan bir yığın sahte rakam üretir.
2. Ayırtaç, gerçek yığınla sahte yığının **birleşimi** üzerinde **bir kez** güncellenir.
   Hedefler: gerçekler için 0,9 (etiket yumuşatma, bkz. [Etiketleri kurmak](../tr/04-etiketler.ipynb)),
   sahteler için 0.
3. **Yeni** bir gürültü çekilir.
4. Üretici, ayırtacın **içinden geçerek** bir kez güncellenir; bu kez hedef hep 1'dir:
   üretici, ayırtacın kendi sahtelerine "gerçek" demesini ister.

Yani polis bir ders alır, ardından kalpazan bir ders alır, ve bu sıra binlerce kez döner. Hiçbir
ağ "tamamen öğrenene kadar" tek başına eğitilmez: her biri, karşısındakinin **şu anki** haline
göre bir adım atar. Bu bölümde önce bu döngünün koduna bakıyor, sonra onu canlı olarak
çalıştırıyor, en sonda da çok daha uzun bir eğitimin sonuçlarını okuyoruz.
""",
        en=r"""
We have built the discriminator, the generator and the labels one at a time. Now the two
networks are trained against each other. The loop in the original post {cite}`blogpost`
(whose code comes from Zackory's Keras example {cite}`zackory`) does the same four things on
every step:

1. Draw fresh noise and let the generator turn it into a batch of fake digits.
2. Update the discriminator **once** on the real batch and the fake batch **together**, with
   targets 0.9 for the real images (label smoothing, see
   [Building the labels](../en/04-labels.ipynb)) and 0 for the fakes.
3. Draw **new** noise.
4. Update the generator once, **through** the discriminator, against targets of 1: the
   generator wants the discriminator to call its fakes real.

The police take one lesson, then the counterfeiter takes one, thousands of times over.
Neither network is ever trained "to convergence" on its own; each takes one step against the
opponent as it is **right now**. In this chapter we first read the code of that loop, then run
it live, and finally read the results of a much longer run.
""",
    ),
    code(
        tr="""
import inspect

import matplotlib.pyplot as plt
import numpy as np

from ganlib import config, labels, models, plotting, pretrained, training  # TensorFlow'u sessizce yükler
import keras  # ganlib'den sonra: TensorFlow'un açılış mesajları çıkmasın diye
""",
        en="""
import inspect

import matplotlib.pyplot as plt
import numpy as np

from ganlib import config, labels, models, plotting, pretrained, training  # loads TensorFlow quietly
import keras  # after ganlib, so TensorFlow's start-up messages stay silent
""",
    ),
    md(
        tr=r"""
## Döngünün kalbi: `train_step`

Özgün kod bu döngüyü bir `for` döngüsü ve `train_on_batch` çağrılarıyla kendisi yazıyordu.
`ganlib` ise bir adımı, Keras'ın her yığın için çağırdığı `Model.train_step` yöntemine koyar.
Böylece `fit` geri kalan her şeyi üstlenir: veri akışı, ilerleme çubuğu, dönem sonu geri
çağırmaları (callbacks) ve kayıp geçmişi. Adımın tamamı şu kadar:
""",
        en=r"""
## The heart of it: `train_step`

The original code wrote this loop by hand, with a `for` loop and `train_on_batch` calls.
`ganlib` puts one step into `Model.train_step`, the method Keras calls once per batch, so that
`fit` takes care of everything else: feeding data, the progress bar, end-of-epoch callbacks
and the loss history. The whole step is this short:
""",
    ),
    code("""print(inspect.getsource(training.GAN.train_step))"""),
    md(
        tr=r"""
Önce ayırtaç, sonra üretici; her biri kendi kaybını döndürür ve `fit` bunların dönem
boyunca ortalamasını `d_loss` ve `g_loss` adıyla raporlar. İki yarıya tek tek bakalım.

### Ayırtacın adımı
""",
        en=r"""
Discriminator first, then generator; each returns its loss, and `fit` reports their running
means over the epoch as `d_loss` and `g_loss`. Let us look at the two halves one by one.

### The discriminator's step
""",
    ),
    code("""print(inspect.getsource(training.GAN.discriminator_step))"""),
    md(
        tr=r"""
Dikkat edilecek üç nokta:

- Sahteler `GradientTape`'in **dışında** üretilir. Bu adımda üreticiye doğru hiçbir gradyan
  akmaz; sahteler ayırtaç için sıradan girdi resimleridir.
- Hedefler, resimlerin sırasıyla aynı sırada kurulur: önce `batch` tane 0,9 (gerçekler),
  sonra `batch` tane 0 (sahteler).
- Kayıp, $2n$ resmin **tümü** üzerinden ortalanan tek bir ikili çapraz entropidir (BCE).
  Bu ayrıntı, aşağıda kayıp eğrilerini okurken önemli olacak.

Gradyan yalnızca `self.discriminator.trainable_variables` için alınır ve ayırtacın **kendi**
eniyileyicisine (`d_optimizer`) verilir.

### Üreticinin adımı
""",
        en=r"""
Three things to notice:

- The fakes are made **outside** the `GradientTape`. No gradient flows back to the generator
  in this step; for the discriminator the fakes are just input images.
- The targets are laid out in the same order as the images: `batch` values of 0.9 (the real
  half), then `batch` zeros (the fake half).
- The loss is one binary cross-entropy (BCE) averaged over **all** $2n$ images. That detail
  matters when we read the loss curves below.

The gradient is taken with respect to `self.discriminator.trainable_variables` only and handed
to the discriminator's **own** optimizer, `d_optimizer`.

### The generator's step
""",
    ),
    code("""print(inspect.getsource(training.GAN.generator_step))"""),
    md(
        tr=r"""
Bu kez sahteler bandın **içinde** üretilir ve doğrudan ayırtaca verilir. Üreticinin
ağırlıklarına ulaşan gradyan ayırtacın içinden geçmek zorundadır: ayırtaç, her pikselin
"daha gerçek görünmek için" hangi yöne değişmesi gerektiğini üreticiye böyle söyler. Polis
kalpazana sadece "sahte" demekle kalmaz, neden sahte bulduğunu da fısıldar.

Ama gradyan **yalnızca** `self.generator.trainable_variables` için alınır ve yalnızca
`g_optimizer` ile uygulanır. Ayırtacın ağırlıkları bu adımda **kullanılır ama değişmez**.
(`training=True` burada yalnızca ayırtacın Dropout katmanlarını açık tutar, özgün koddaki
birleşik modelde olduğu gibi; bir ağı öğrenmeye iten şey bu bayrak değil, ağırlıklarına
gradyan uygulayan eniyileyicidir.)

### Ayırtaç neden bu adımda donmalı?

Bu adımın hedefleri **yalan**dır: sahte resimlere "1, gerçek" deniyor. Üretici için bu
doğru hedeftir; ayırtacı kandırmayı öğrenmek zorundadır. Ama ayırtaç da bu hedeflere göre
güncellenseydi, ona sahtelere "gerçek" demesi öğretilmiş olurdu: bir önceki adımda öğrendiğini
geri alır, polis kalpazandan rüşvet almış olurdu. Oyun anlamını yitirir, üretici de iyileşmek
için bir sebep bulamazdı. Bu yüzden her aşamada **tam olarak bir ağ** öğrenir.
""",
        en=r"""
This time the fakes are made **inside** the tape and fed straight into the discriminator. The
gradient that reaches the generator's weights has to pass through the discriminator: that is
how the discriminator tells the generator in which direction each pixel should move to look
"more real". The police do not just say "fake"; they whisper why.

But the gradient is taken with respect to `self.generator.trainable_variables` **only** and
applied with `g_optimizer` only. The discriminator's weights are **used but not changed** in
this step. (`training=True` merely keeps the discriminator's Dropout layers active, as in the
original combined model; what makes a network learn is not that flag but an optimizer applying
gradients to its weights.)

### Why must the discriminator be frozen here?

The targets in this step are a **lie**: fakes labelled "1, real". For the generator that is
the right target, since it has to learn to fool the discriminator. If the discriminator were
updated against the same targets, it would be taught to call fakes real: it would undo what it
just learned, the police taking a bribe from the counterfeiter. The game loses its meaning and
the generator loses its reason to improve. So in each phase **exactly one network** learns.
""",
    ),
    md(
        tr=r"""
## Keras 2'den Keras 3'e: dondurma hilesi artık güvenilir değil

Özgün kod ayırtacı şöyle donduruyordu: önce ayırtacı derle (`compile`), sonra
`discriminator.trainable = False` yap, ardından üretici + ayırtaçtan oluşan **birleşik
modeli** derle. Keras 2 bu bayrağı **derleme anında** okurdu: ayırtaç, kendisi derlenirken
eğitilebilir olduğu için kendi `train_on_batch` çağrılarında öğrenmeye devam eder, birleşik
modelin içinde ise donmuş kalırdı. Tek bir model, iki farklı derlemede iki farklı davranış.

Keras 3'te bu sözleşme yok. Bayrak artık değişkenlerin kendisine yazılır; bir modelin eğitim
fonksiyonu ise `compile`'dan sonraki **ilk** `train_on_batch` ya da `fit` çağrısında kurulur
ve o anda bayrak neyse onu içine işler. Bayrağı sonradan çevirmek, yeniden derlenene kadar
hiçbir şeyi değiştirmez. Derleme anı önemsizdir; önemli olan çağrıların **sırası**. Küçük iki
ağ ile denedik:

- Keras 2'nin klasik kalıbı (bir kez derle, bayrağa bir daha dokunma): ayırtaç **hiç**
  öğrenmez; kendi adımı `The model does not have any trainable weights` uyarısıyla boşa döner.
  Ayırtaç sonsuza dek donmuştur.
- Ayırtaç adımından önce `trainable = True` yapıp üretici adımından önce geri `False`
  yapmayı unutmak: bu kez ayırtaç üreticinin adımında da değişir, yani **hiç** donmamıştır.
- Özgün kodun yaptığı gibi bayrağı her çağrıdan önce çevirmek bugün işe yarıyor, ama yalnızca
  iki eğitim fonksiyonu ilk kez çağrıldığında bayrak tesadüfen doğru değerde olduğu için;
  sonraki bütün çevirmeler hiçbir şey yapmaz.

`ganlib` bu kırılgan düzenden tamamen vazgeçer: birleşik model yok, `trainable` bayrağı yok.
Her aşama gradyanı yalnızca **bir** ağın değişkenleri için hesaplar ve onu o ağın **kendi**
eniyileyicisine verir. Test takımı bunu doğrular: üretici adımından sonra ayırtacın tek bir
ağırlığı bile değişmemiş olmalı. Aynı denetimi burada da yapabiliriz:
""",
        en=r"""
## From Keras 2 to Keras 3: the freezing trick is no longer reliable

The original code froze the discriminator like this: compile the discriminator, then set
`discriminator.trainable = False`, then compile the **combined model** (generator followed by
discriminator). Keras 2 read that flag **at compile time**: the discriminator, trainable when
it was compiled, kept learning in its own `train_on_batch` calls, while inside the combined
model it stayed frozen. One model, two behaviours, fixed by two compilations.

Keras 3 has no such contract. The flag is now written onto the variables themselves, and a
model's training function is built at the **first** `train_on_batch` or `fit` call after
`compile`, baking in whatever the flag says at that moment. Flipping the flag later changes
nothing until the model is compiled again. Compile time does not matter; the **order of
calls** does. We tried it with two tiny networks:

- The classic Keras 2 pattern (compile once, never touch the flag again): the discriminator
  **never** learns; its own step does nothing and Keras warns
  `The model does not have any trainable weights`. It is frozen for good.
- Setting `trainable = True` before the discriminator's step and forgetting to set it back to
  `False` before the generator's step: now the discriminator also moves during the
  generator's step. It is not frozen at all.
- Flipping the flag before every call, as the original code does, happens to work today, but
  only because the flag happens to hold the right value when each of the two training
  functions is first called; all the later flips do nothing.

`ganlib` drops this fragile arrangement altogether: no combined model, no `trainable` flag.
Each phase computes gradients for **one** network's variables and hands them to **that**
network's own optimizer. The test suite checks it: after a generator step, not a single
discriminator weight may have moved. We can run the same check here:
""",
    ),
    code(
        tr="""
keras.utils.set_random_seed(0)
check = training.GAN(models.build_generator(), models.build_discriminator())
check.compile()
d_before = [w.numpy() for w in check.discriminator.trainable_variables]
g_before = [w.numpy() for w in check.generator.trainable_variables]
check.generator_step(8)
d_same = [np.array_equal(a, w.numpy()) for a, w in zip(d_before, check.discriminator.trainable_variables)]
g_same = [np.array_equal(a, w.numpy()) for a, w in zip(g_before, check.generator.trainable_variables)]
print("ayırtacın tüm ağırlıkları aynı kaldı:", all(d_same))
print("üreticinin tüm ağırlıkları değişti:  ", not any(g_same))
""",
        en="""
keras.utils.set_random_seed(0)
check = training.GAN(models.build_generator(), models.build_discriminator())
check.compile()
d_before = [w.numpy() for w in check.discriminator.trainable_variables]
g_before = [w.numpy() for w in check.generator.trainable_variables]
check.generator_step(8)
d_same = [np.array_equal(a, w.numpy()) for a, w in zip(d_before, check.discriminator.trainable_variables)]
g_same = [np.array_equal(a, w.numpy()) for a, w in zip(g_before, check.generator.trainable_variables)]
print("every discriminator weight unchanged:", all(d_same))
print("every generator weight changed:      ", not any(g_same))
""",
    ),
    md(
        tr=r"""
Özgün kodu Keras 3'e taşırken değişen başka şeyler de var:

| Keras 2 (özgün kod) | Keras 3 (`ganlib`) | Neden |
| --- | --- | --- |
| `Adam(lr=0.0002, beta_1=0.5)` | `Adam(learning_rate=2e-4, beta_1=0.5)` | `lr` artık tanınmıyor: `ValueError: Argument(s) not recognized` |
| iki modelde **aynı** `adam` nesnesi | her ağa **ayrı** bir Adam | Keras 3'te bir eniyileyici yalnızca ilk gördüğü değişkenlerle çalışır (`Unknown variable`) |
| `generator.save('..._epoch_50.h5')` (tüm model) | `generator.save_weights('generator.weights.h5')` | tüm-model `.h5` eski biçim sayılıyor; yalnızca ağırlık dosyalarının adı `.weights.h5` ile bitmek zorunda |
| `K.set_image_dim_ordering('th')`, resimler `(1, 28, 28)` | kanal sonda: `(28, 28, 1)` | Keras 3'te varsayılan ve TensorFlow'un CPU'da desteklediği düzen |
| `tqdm` + `train_on_batch` döngüsü | `Model.train_step` + `fit` | ilerleme çubuğu, geri çağırmalar, kayıt ve kaldığı yerden devam bedavaya gelir |

Adam'ın ayarları (öğrenme hızı $2\cdot10^{-4}$, $\beta_1 = 0{,}5$) DCGAN makalesinin
önerisidir {cite}`radford2015`; ikisini de olduğu gibi koruyoruz.
""",
        en=r"""
Other things changed when the original code moved to Keras 3:

| Keras 2 (original code) | Keras 3 (`ganlib`) | Why |
| --- | --- | --- |
| `Adam(lr=0.0002, beta_1=0.5)` | `Adam(learning_rate=2e-4, beta_1=0.5)` | `lr` is no longer accepted: `ValueError: Argument(s) not recognized` |
| **one** `adam` object shared by two models | a **separate** Adam per network | a Keras 3 optimizer only works with the variables it was first built for (`Unknown variable`) |
| `generator.save('..._epoch_50.h5')` (whole model) | `generator.save_weights('generator.weights.h5')` | whole-model `.h5` is a legacy format; weights-only files must be named `*.weights.h5` |
| `K.set_image_dim_ordering('th')`, images `(1, 28, 28)` | channels last: `(28, 28, 1)` | the Keras 3 default, and the layout TensorFlow supports on CPU |
| `tqdm` + `train_on_batch` loop | `Model.train_step` + `fit` | progress bar, callbacks, logging and resuming come for free |

The Adam settings (learning rate $2\cdot10^{-4}$, $\beta_1 = 0.5$) are the DCGAN paper's
recommendation {cite}`radford2015`; we keep both as they are.
""",
    ),
    # ------------------------------------------------------------------ live run
    md(
        tr=r"""
## Canlı bir eğitim

Şimdi döngüyü gerçekten çalıştıralım. Eğitimin büyüklüğü `config.run_sizes()`'tan gelir.
Varsayılan CPU kipinde bu 3 dönem × 32 adımdır, her adımda 128 gerçek rakam (paketle gelen
10.000 rakamın ilk 4.096'sı): sıradan bir CPU'da **yaklaşık bir dakika**. Colab'de en üstteki
kurulum hücresi GPU kipine geçer; o zaman aynı hücre özgün yazının ayarlarıyla, 60.000 rakam
üzerinde 50 dönem eğitir ve birkaç dakika sürer.

`fit` her dönem için bir ilerleme çubuğu basar; yanındaki `d_loss` ve `g_loss` o dönemin o
ana kadarki ortalamalarıdır.
""",
        en=r"""
## A live run

Now let us actually run the loop. The size of the run comes from `config.run_sizes()`. In the
default CPU mode that is 3 epochs × 32 steps of 128 real digits each (the first 4,096 of the
10,000 bundled digits): **about a minute** on an ordinary CPU. On Colab the setup cell at the
top switches to GPU mode, and this same cell then trains with the original post's settings,
50 epochs over 60,000 digits, which takes several minutes.

`fit` prints one progress bar per epoch; the `d_loss` and `g_loss` next to it are that
epoch's running means.
""",
    ),
    code(
        """
# NBVAL_IGNORE_OUTPUT
sizes = config.run_sizes()
print(sizes)
gan = training.train(epochs=sizes.epochs, batch_size=sizes.batch_size, n_images=sizes.n_images, data=sizes.data)
"""
    ),
    md(
        tr=r"""
Dönem başına ortalama kayıplar `gan.history` içinde:
""",
        en=r"""
The per-epoch mean losses are in `gan.history`:
""",
    ),
    code(
        tr="""
plotting.plot_losses(gan.history, labels={"d_loss": "ayırtaç (d_loss)", "g_loss": "üretici (g_loss)"}, xlabel="dönem", ylabel="kayıp")
plt.show()
""",
        en="""
plotting.plot_losses(gan.history, labels={"d_loss": "discriminator (d_loss)", "g_loss": "generator (g_loss)"}, xlabel="epoch", ylabel="loss")
plt.show()
""",
    ),
    md(
        tr=r"""
Birkaç noktalık bir eğriden fazla bir şey okunmaz; kayıpları aşağıda uzun bir eğitimde
yorumlayacağız. Kısa bir eğitimde daha çok şey anlatan, **sabit gürültü ızgarası**dır:
`training.train`, eğitimden önce 16 gürültü vektörü çeker ve her dönemin sonunda üreticiye
**aynı** 16 vektörü verip sonucu saklar (`gan.sample_grid.grids`). Girdi hiç değişmediği için,
ızgaradaki her değişiklik yalnızca üreticinin öğrendiklerinden gelir.
""",
        en=r"""
A curve with a handful of points says little; we will read the losses on a long run below. In
a short run the **fixed-noise grid** tells more: before training, `training.train` draws 16
noise vectors, and at the end of every epoch it feeds the **same** 16 vectors to the generator
and keeps the result (`gan.sample_grid.grids`). Since the input never changes, every change
in the grid comes from what the generator has learned.
""",
    ),
    code(
        tr="""
grids = gan.sample_grid.grids
fig, axes = plt.subplots(1, 2, figsize=(7, 3.8))
for ax, epoch in zip(axes, [min(grids), max(grids)]):
    plotting.show_grid(grids[epoch], ax=ax, title=f"dönem {epoch}")
plt.show()
""",
        en="""
grids = gan.sample_grid.grids
fig, axes = plt.subplots(1, 2, figsize=(7, 3.8))
for ax, epoch in zip(axes, [min(grids), max(grids)]):
    plotting.show_grid(grids[epoch], ax=ax, title=f"epoch {epoch}")
plt.show()
""",
    ),
    md(
        tr=r"""
Aynı ızgaralar, dönem dönem bir animasyon olarak (oynatmak için ▶):
""",
        en=r"""
The same grids as an animation, one frame per epoch (press ▶):
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
plotting.animate_grids(grids, title="dönem {epoch}")
""",
        en="""
# NBVAL_IGNORE_OUTPUT
plotting.animate_grids(grids, title="epoch {epoch}")
""",
    ),
    md(
        tr=r"""
Bir dakikalık CPU eğitiminden sonra rakamlar henüz kabadır: üretici siyah bir zeminin
ortasında parlak bir şekil olması gerektiğini öğrenmiştir, şekiller yer yer çizgiye benzemeye
başlar, ama okunabilen rakam azdır. Bu beklenen bir durum: 96 adım, özgün yazının 50 dönemlik
eğitiminin (yaklaşık 23.000 adım) yüzde birinden az. (Colab'in GPU kipinde bu hücre o 50 dönemi
eğittiği için orada gerçek rakamlar görürsünüz.)
""",
        en=r"""
After a minute of CPU training the digits are still rough: the generator has learned that a
bright shape belongs in the middle of a black background, and here and there the shapes start
to look like strokes, but few are readable digits yet. That is expected: 96 steps are less
than one percent of the original post's 50-epoch run (about 23,000 steps). (In Colab's GPU
mode this cell trains those 50 epochs, so there you will see real digits.)
""",
    ),
    # ------------------------------------------------------------------ reference run
    md(
        tr=r"""
## Daha uzun bir eğitim

Eğitimin nereye vardığını görmek için `ganlib`, bu projenin kendi komut satırı aracıyla
(`python -m ganlib train`) eğitilmiş bir **referans koşu** ile gelir: paketle gelen 10.000
rakam üzerinde, özgün yazının ayarlarıyla (yığın 128, gürültü boyutu 200, Adam, etiket
yumuşatma 0,9). Bizim bir dönemimiz 10.000 rakamdır, özgün yazınınki 60.000; yani bir dönemimiz
onunkinin altıda biri kadar güncelleme içerir. Koşunun nasıl üretildiği kendi kaydında yazılı:
""",
        en=r"""
To see where training leads, `ganlib` ships a **reference run** trained by this project's own
command-line tool (`python -m ganlib train`): on the 10,000 bundled digits, with the original
post's settings (batch 128, noise dimension 200, Adam, label smoothing 0.9). One of our epochs
is 10,000 digits where the post's is 60,000, so our epoch holds a sixth as many updates. How
the run was made is recorded with it:
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
info = pretrained.provenance()
print(f"Referans üretici {info['epochs']} dönem ({info['steps']} adım) eğitildi; "
      f"bu {info['wall_time_s'] / 60:.0f} dakika sürdü. Makine: {info['machine']}.")
print("Komut:", info["command"])
""",
        en="""
# NBVAL_IGNORE_OUTPUT
info = pretrained.provenance()
print(f"The reference generator trained for {info['epochs']} epochs ({info['steps']} steps), "
      f"which took {info['wall_time_s'] / 60:.0f} minutes. Machine: {info['machine']}.")
print("Command:", info["command"])
""",
    ),
    md(
        tr=r"""
### "Polis artık ayırt edemiyor" kayıplarda neye benzer?

Kayıp eğrilerini okumadan önce bir referans değere ihtiyacımız var. Sahteler gerçeklerden
ayırt edilemez hale gelmişse, en iyi polis bile her resme aynı olasılığı söylemekten başka bir
şey yapamaz. Diyelim her resme $D(x) = 0{,}5$ diyor. İkili çapraz entropi
$-[\,y \ln p + (1-y)\ln(1-p)\,]$, $p = 0{,}5$ iken **her** $y$ için $\ln 2$ olur, hedef
ister 1, ister 0,9, ister 0 olsun. Yani

$$d_{\text{loss}} = \ln 2 \approx 0{,}693, \qquad g_{\text{loss}} = -\ln 0{,}5 = \ln 2 \approx 0{,}693 .$$

(Goodfellow ve arkadaşlarının makalesinde {cite}`goodfellow2014` dengede değer fonksiyonu
$-\ln 4$'tür; orada gerçek ve sahte terimleri **toplanır**. Biz aynı iki terimin $2n$ resim
üzerinden **ortalamasını** aldığımız için $\ln 4 / 2 = \ln 2$ buluyoruz.)

Etiket yumuşatmanın küçük bir etkisi var: hedefler 0,9 ve 0 iken, ayırt edemeyen bir polisin
söyleyebileceği **en iyi** sayı 0,5 değil, hedeflerin ortalaması olan 0,45'tir. Bunu eğitimde
kullanılan kayıp ve hedeflerle doğrudan hesaplayalım:
""",
        en=r"""
### What does "the police can no longer tell" look like in the losses?

Before reading loss curves we need a reference value. If fakes have become indistinguishable
from real digits, even the best police can only give every image the same probability. Say it
answers $D(x) = 0.5$ everywhere. Binary cross-entropy, $-[\,y \ln p + (1-y)\ln(1-p)\,]$, at
$p = 0.5$ equals $\ln 2$ for **every** target $y$, whether 1, 0.9 or 0. So

$$d_{\text{loss}} = \ln 2 \approx 0.693, \qquad g_{\text{loss}} = -\ln 0.5 = \ln 2 \approx 0.693 .$$

(In Goodfellow et al.'s paper {cite}`goodfellow2014` the value function at equilibrium is
$-\ln 4$, because the real and fake terms are **added**. We **average** the same two terms
over the $2n$ images, hence $\ln 4 / 2 = \ln 2$.)

Label smoothing adds a small twist: with targets 0.9 and 0, the **best** a police that cannot
tell can say is not 0.5 but the average target, 0.45. Let us compute both with the very loss
and targets used in training:
""",
    ),
    code(
        tr="""
bce = keras.losses.BinaryCrossentropy()
for p in (0.5, 0.45):
    d_loss = float(bce(labels.discriminator_targets(64), np.full(128, p)))
    g_loss = float(bce(labels.generator_targets(64), np.full(64, p)))
    print(f"her resme D(x) = {p}: d_loss = {d_loss:.3f}, g_loss = {g_loss:.3f}")
""",
        en="""
bce = keras.losses.BinaryCrossentropy()
for p in (0.5, 0.45):
    d_loss = float(bce(labels.discriminator_targets(64), np.full(128, p)))
    g_loss = float(bce(labels.generator_targets(64), np.full(64, p)))
    print(f"D(x) = {p} for every image: d_loss = {d_loss:.3f}, g_loss = {g_loss:.3f}")
""",
    ),
    md(
        tr=r"""
Yani tam bir "ayırt edemiyorum" durumunda $d_{\text{loss}}$ yaklaşık 0,69'da, $g_{\text{loss}}$
ise 0,69 ile 0,80 arasında bir yerde olmalı. Referans koşunun eğrileri, $\ln 2$ kesikli çizgi
olarak:
""",
        en=r"""
So in a perfect "cannot tell" state $d_{\text{loss}}$ sits at about 0.69 and $g_{\text{loss}}$
somewhere between 0.69 and 0.80. Here are the reference run's curves, with $\ln 2$ as a
dashed line:
""",
    ),
    code(
        tr="""
ax = plotting.plot_losses(pretrained.load_history(), labels={"d_loss": "ayırtaç (d_loss)", "g_loss": "üretici (g_loss)"}, xlabel="dönem", ylabel="kayıp", title="Referans koşu")
ax.axhline(np.log(2), color="gray", ls="--", lw=1, label="ln 2 ≈ 0,693")
ax.legend()
plt.show()
""",
        en="""
ax = plotting.plot_losses(pretrained.load_history(), labels={"d_loss": "discriminator (d_loss)", "g_loss": "generator (g_loss)"}, xlabel="epoch", ylabel="loss", title="Reference run")
ax.axhline(np.log(2), color="gray", ls="--", lw=1, label="ln 2 ≈ 0.693")
ax.legend()
plt.show()
""",
    ),
    md(
        tr=r"""
Bu eğriler, denetimli öğrenmeden alıştığımız eğrilere benzemez. Bir sınıflandırıcının kaybı
düşer ve bir minimuma oturur; burada ise iki kayıp da sıfıra doğru gitmez, referans çizgilerin
**çevresinde** dolaşır. Her kayıp, sürekli değişen bir rakibe karşı ölçülür: üretici
iyileştikçe ayırtacın işi zorlaşır, ayırtaç iyileştikçe üreticininki. Sağlıklı bir koşuda
tipik görüntü şudur: $d_{\text{loss}}$ $\ln 2$'nin biraz altında, $g_{\text{loss}}$ ise
üstünde; yani polis hep bir adım önde ama kaçıp gidemiyor. Bu yüzden "kayıp düştü, model iyileşti"
ya da "kayıp arttı, model kötüleşti" çıkarımları burada **geçersizdir**: GAN'de asıl hakem
üretilen resimlerdir.

Referans koşunun sabit gürültü ızgarası, dönem dönem:
""",
        en=r"""
These curves look nothing like the ones from supervised learning. A classifier's loss falls
and settles into a minimum; here neither loss heads for zero, both wander **around** the
reference lines. Each loss is measured against an opponent that keeps changing: as the
generator improves, the discriminator's job gets harder, and the other way round. The typical
picture of a healthy run is $d_{\text{loss}}$ somewhat below $\ln 2$ and $g_{\text{loss}}$
above it: the police stay a step ahead but cannot run away. This is why "the loss went
down, so the model improved" and "the loss went up, so it got worse" are **not** valid
readings here. In a GAN the real judge is the images.

The reference run's fixed-noise grid, epoch by epoch:
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
reference_grids = pretrained.load_grids()
plotting.animate_grids(reference_grids, title="dönem {epoch}", interval=200)
""",
        en="""
# NBVAL_IGNORE_OUTPUT
reference_grids = pretrained.load_grids()
plotting.animate_grids(reference_grids, title="epoch {epoch}", interval=200)
""",
    ),
    md(
        tr=r"""
Ve son dönemden sonraki ızgara:
""",
        en=r"""
And the grid after the last epoch:
""",
    ),
    code(
        tr="""
last = max(reference_grids)
plotting.show_grid(reference_grids[last], title=f"Referans koşu, dönem {last}")
plt.show()
""",
        en="""
last = max(reference_grids)
plotting.show_grid(reference_grids[last], title=f"Reference run, epoch {last}")
plt.show()
""",
    ),
    md(
        tr=r"""
Animasyonda izlenecek şeyler: ilk dönemlerde lekeler çizgilere dönüşür; sonra her karedeki
rakamın **kimliği** (bir 7 mi, bir 3 mü) büyük ölçüde sabitlenir ve yalnızca çizgiler
incelir, netleşir. Kimliklerin arada bir değişmesi normaldir; üretici hâlâ hareket eden bir
hedefe ayak uydurmaktadır.

## Eğitim nasıl bozulur?

GAN eğitimi iki oyunculu bir oyundur ve her oyun gibi dengesi bozulabilir. Üç tanıdık bozulma
ve kayıplarda, ızgaralarda nasıl göründükleri:

**Ayırtaç kazanır.** Polis sahteleri kusursuz ayırmaya başlar: $d_{\text{loss}}$ sıfıra
doğru iner, $g_{\text{loss}}$ sürekli büyür (sahtelere verilen $D(G(z))$ sıfıra yaklaştıkça
$-\ln D(G(z))$ patlar). Özgün minimaks oyununda üretici $\ln(1 - D(G(z)))$'yi küçültür; bu
eğri $D(G(z)) \approx 0$ yakınında düzdür, yani gradyan **kaybolur** ve üretici tam en çok
yardıma ihtiyaç duyduğu anda hiçbir şey öğrenemez {cite}`goodfellow2014`. Üreticiyi "1"
hedefine karşı eğitmek (özgün kodun ve `ganlib`'in yaptığı) kaybın bu düzlüğünü ortadan
kaldırır, ama her şeyi bilen bir polisin geri bildirimi yine de işe yaramaz hale gelir.
Izgarada: resimler gürültü ya da anlamsız desen olarak kalır veya kötüleşir.

**Mod çökmesi.** Üretici, ayırtacı o an kandıran bir ya da birkaç rakam bulur ve **her**
gürültüye onu üretir. Ayırtaç buna uyum sağlayınca üretici başka bir rakama atlar, ve bu böyle
sürer {cite}`salimans2016`. Kayıplar kusursuz görünebilir; çökme kayıplarda değil ızgarada
görünür: 16 farklı gürültü vektörü neredeyse aynı 16 rakamı verir, ya da ızgara tek bir
rakamla (hep 1'ler, hep aynı 7) dolar.

**Salınım.** İki ağ birbirinin peşinde döner durur: kayıplar dönemden döneme büyük sıçramalar
yapar, animasyonda aynı karedeki rakam her dönem başka bir rakama dönüşür ve kalite bir iyileşip
bir kötüleşir. Küçük salınımlar normaldir (yukarıdaki eğriler de düz değil); iyileşmeyen,
büyüyen salınımlar sorun işaretidir.

Özgün kodun ayarlarının çoğu bu sorunlara karşı alınmış önlemlerdir: Adam için küçük öğrenme
hızı ve $\beta_1 = 0{,}5$ {cite}`radford2015`, ayırtaçta Dropout, ve polisin aşırı emin olmasını
önleyen tek taraflı etiket yumuşatma {cite}`salimans2016`.

Bir ızgaraya bakarken sorulacak sorular:

- **Çeşitlilik:** aynı ızgarada farklı rakamlar, farklı kalınlık ve eğimler var mı?
- **Kararlılık:** aynı kare dönemden döneme aynı rakam olarak kalıp netleşiyor mu?
- **Biçim:** çizgiler kesintisiz mi, arka plan temiz mi, yoksa lekeler ve kırık parçalar mı var?
""",
        en=r"""
Things to watch in the animation: in the first epochs blobs turn into strokes; then the
**identity** of the digit in each cell (a 7, a 3) mostly settles, and only the strokes get
thinner and sharper. An occasional change of identity is normal: the generator is still
chasing a moving target.

## How training goes wrong

GAN training is a two-player game, and like any game it can lose its balance. Three familiar
failures, and how they show in the losses and the grids:

**The discriminator wins.** The police start telling fakes apart perfectly: $d_{\text{loss}}$
sinks towards zero and $g_{\text{loss}}$ keeps growing (as $D(G(z))$ approaches 0,
$-\ln D(G(z))$ blows up). In the original minimax game the generator minimises
$\ln(1 - D(G(z)))$, a curve that is flat near $D(G(z)) \approx 0$: the gradient **vanishes**,
and the generator learns nothing exactly when it needs help most {cite}`goodfellow2014`.
Training the generator against a target of 1, as the original code and `ganlib` do, removes
that flatness from the loss, but the feedback of an all-knowing police still stops being
useful. In the grids: images stay noise or meaningless patterns, or get worse.

**Mode collapse.** The generator finds one or a few digits that fool the discriminator of the
moment and produces them for **every** noise vector. When the discriminator adapts, the
generator jumps to another digit, and so on {cite}`salimans2016`. The losses may look fine;
collapse shows in the grids, not the curves: 16 different noise vectors give nearly the same
digit, or the grid fills up with one digit (all 1s, the same 7 sixteen times).

**Oscillation.** The two networks chase each other in circles: the losses jump around from
epoch to epoch, the digit in a cell of the animation turns into a different digit every epoch,
and quality improves and degrades by turns. Small oscillations are normal (the curves above
are not smooth either); swings that grow without the images getting better are a warning.

Most of the original code's settings are precautions against these problems: a small learning
rate and $\beta_1 = 0.5$ for Adam {cite}`radford2015`, Dropout in the discriminator, and
one-sided label smoothing, which keeps the police from becoming overconfident
{cite}`salimans2016`.

Questions to ask of a grid:

- **Variety:** are there different digits, thicknesses and slants in the same grid?
- **Stability:** does each cell stay the same digit from epoch to epoch while getting sharper?
- **Form:** are the strokes unbroken and the background clean, or are there smudges and
  broken pieces?
""",
    ),
    md(
        tr=r"""
## Özet

- Bir eğitim adımı: taze gürültü → sahteler; ayırtaç `concat([gerçek, sahte])` üzerinde
  (0,9, 0) hedeflerine karşı bir kez güncellenir; yeni gürültü; üretici ayırtacın içinden
  geçerek, hedef 1'e karşı bir kez güncellenir.
- Üretici adımında ayırtaç donmalıdır; yoksa sahtelere "gerçek" demeyi öğrenir. Keras 2'nin
  derleme anında okunan `trainable = False` hilesi Keras 3'te çağrı sırasına bağlı hale geldi;
  `ganlib` her aşamada gradyanı yalnızca bir ağ için, o ağın kendi eniyileyicisiyle uygular.
- Keras 3'e geçişte ayrıca: `lr` → `learning_rate`, ağ başına ayrı eniyileyici,
  `.weights.h5` dosyaları, kanal sonda düzen.
- Ayırt edemeyen bir polis için $d_{\text{loss}} \approx g_{\text{loss}} \approx \ln 2 \approx 0{,}693$
  (etiket yumuşatmayla $g_{\text{loss}}$ 0,80'e kadar). GAN kayıpları bir minimuma inmez, bu
  değerlerin çevresinde salınır; asıl hakem resimlerdir.
- Bozulma belirtileri: $d_{\text{loss}} \to 0$ (ayırtaç kazanıyor), birbirine benzeyen
  ızgaralar (mod çökmesi), her dönem değişen rakamlar (salınım).

Bir sonraki bölümde eğitilmiş üreticiyi kullanıp yeni rakamlar örnekliyoruz:
[Örnekleme](../tr/06-ornekleme.ipynb).
""",
        en=r"""
## Summary

- One training step: fresh noise → fakes; one discriminator update on
  `concat([real, fake])` against targets (0.9, 0); new noise; one generator update through
  the discriminator against targets of 1.
- The discriminator must be frozen during the generator step, or it learns to call fakes
  real. Keras 2's compile-time `trainable = False` trick depends on call order in Keras 3;
  `ganlib` computes gradients for one network per phase and applies them with that network's
  own optimizer.
- Also changed in the move to Keras 3: `lr` → `learning_rate`, one optimizer per network,
  `.weights.h5` files, channels-last images.
- A police that cannot tell gives $d_{\text{loss}} \approx g_{\text{loss}} \approx \ln 2 \approx 0.693$
  (with label smoothing $g_{\text{loss}}$ up to 0.80). GAN losses do not settle into a
  minimum; they oscillate around these values, and the images are the real judge.
- Signs of trouble: $d_{\text{loss}} \to 0$ (the discriminator wins), grids whose digits all
  look alike (mode collapse), digits that change every epoch (oscillation).

In the next chapter we use the trained generator to sample new digits:
[Sampling](../en/06-sampling.ipynb).
""",
    ),
]

CELLS += [
    exercises_heading(),
    *exercise(
        "05-no-smoothing",
        title={"tr": "Etiket yumuşatmasız bir eğitim", "en": "A run without label smoothing"},
        text={
            "tr": """Etiket yumuşatmanın ne yaptığını görmenin en doğrudan yolu onu kapatmaktır. Yukarıdaki canlı
eğitimi aynı boyutlarla (`sizes`), ama `smoothing=1.0` ile tekrarlayın ve dönen GAN'i `gan_plain`
adına atayın (`verbose=0` ilerleme çubuklarını gizler). `training.train` her seferinde aynı tohumla
başladığı için iki koşu aynı başlangıç ağırlıklarını, aynı sabit gürültüyü ve aynı yığınları
kullanır: aralarındaki tek fark, gerçek resimlerin hedefinin 0,9 yerine 1 olması. (Colab'in GPU
kipinde bu, birkaç dakikalık ikinci bir tam eğitim demektir.)""",
            "en": """The most direct way to see what label smoothing does is to switch it off. Repeat the live run
above with the same sizes (`sizes`) but `smoothing=1.0`, and call the returned GAN `gan_plain`
(`verbose=0` hides the progress bars). Since `training.train` starts from the same seed every
time, both runs share their initial weights, their fixed noise and their batches: the only
difference is that the real images' target is 1 instead of 0.9. (In Colab's GPU mode this is a
second full run of several minutes.)""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: yukarıdaki training.train(...) çağrısını smoothing=1.0 ile tekrarlayın
gan_plain = None""",
            "en": """# ✏️ EXERCISE: repeat the training.train(...) call above with smoothing=1.0
gan_plain = None""",
        },
        solution={
            "tr": """# Aynı boyutlar, aynı tohum; yalnızca gerçeklerin hedefi 1
gan_plain = training.train(epochs=sizes.epochs, batch_size=sizes.batch_size, n_images=sizes.n_images, data=sizes.data, smoothing=1.0, verbose=0)""",
            "en": """# Same sizes, same seed; only the real images' target is 1
gan_plain = training.train(epochs=sizes.epochs, batch_size=sizes.batch_size, n_images=sizes.n_images, data=sizes.data, smoothing=1.0, verbose=0)""",
        },
        check='# NBVAL_IGNORE_OUTPUT\nfrom ganlib import exercises\n\nexercises.check_no_smoothing_run(gan_plain, lang="{lang}")',
    ),
    md(
        tr=r"""
İki koşuyu yan yana koyalım: son dönemin ortalama kayıpları ve ayırtacın 256 gerçek rakama
verdiği ortalama olasılık, $D(\text{gerçek})$:
""",
        en=r"""
Now put the two runs side by side: the last epoch's mean losses, and the average probability
the discriminator gives 256 real digits, $D(\text{real})$:
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
from ganlib import data

real_digits = data.scale_images(data.load_mnist(sizes.data)[0][:256])
for name, run in [("yumuşatmalı (0,9)", gan), ("yumuşatmasız (1,0)", gan_plain)]:
    losses = run.history.history
    d_real = float(np.mean(run.discriminator(real_digits, training=False)))
    print(f"{name:<20} d_loss = {losses['d_loss'][-1]:.3f}   g_loss = {losses['g_loss'][-1]:.3f}   D(gerçek) = {d_real:.3f}")
""",
        en="""
# NBVAL_IGNORE_OUTPUT
from ganlib import data

real_digits = data.scale_images(data.load_mnist(sizes.data)[0][:256])
for name, run in [("smoothed (0.9)", gan), ("plain (1.0)", gan_plain)]:
    losses = run.history.history
    d_real = float(np.mean(run.discriminator(real_digits, training=False)))
    print(f"{name:<20} d_loss = {losses['d_loss'][-1]:.3f}   g_loss = {losses['g_loss'][-1]:.3f}   D(real) = {d_real:.3f}")
""",
    ),
    code(
        tr="""
# NBVAL_IGNORE_OUTPUT
fig, axes = plt.subplots(1, 2, figsize=(7, 3.8))
for ax, run, title in zip(axes, [gan, gan_plain], ["yumuşatmalı (0,9)", "yumuşatmasız (1,0)"]):
    run_grids = run.sample_grid.grids
    plotting.show_grid(run_grids[max(run_grids)], ax=ax, title=f"{title}, dönem {max(run_grids)}")
plt.show()
""",
        en="""
# NBVAL_IGNORE_OUTPUT
fig, axes = plt.subplots(1, 2, figsize=(7, 3.8))
for ax, run, title in zip(axes, [gan, gan_plain], ["smoothed (0.9)", "plain (1.0)"]):
    run_grids = run.sample_grid.grids
    plotting.show_grid(run_grids[max(run_grids)], ax=ax, title=f"{title}, epoch {max(run_grids)}")
plt.show()
""",
    ),
    md(
        tr=r"""
Sayıları okurken bir tuzağa dikkat: iki koşunun $d_{\text{loss}}$ değerleri aynı ölçekte değil.
Hedef 0,9 iken bir gerçek resmin kaybı, polis ne kadar iyi olursa olsun, $D(x) = 0{,}9$'da en
küçük değerini alır ve bu değer sıfır değil, $-(0{,}9 \ln 0{,}9 + 0{,}1 \ln 0{,}1) \approx 0{,}325$'tir.
Sahtelerin yarısı sıfıra inebildiği için yumuşatmalı koşuda $d_{\text{loss}}$ hiçbir zaman
yaklaşık 0,16'nın altına düşemez; yumuşatmasız koşunun tabanı ise 0. Yani yumuşatmasız koşunun
daha düşük bir $d_{\text{loss}}$ göstermesi tek başına "polis daha güçlü" demek değildir.
Daha doğrudan karşılaştırma $D(\text{gerçek})$: yumuşatmalı ayırtaç gerçeklere en fazla 0,9
demeyi öğrenir, yumuşatmasız olan 1'e kadar çıkmaya çalışır. Uzun bir eğitimde bu fark, polisin
aşırı emin olup olmadığının ta kendisidir {cite}`salimans2016`.

Izgaralar aynı gürültüden üretildiği için kare kare karşılaştırılabilir. Kısa bir koşuda iki ağ da
henüz acemidir ve farklar küçüktür; hangisinin "daha iyi" göründüğü çoğu zaman şansa bağlıdır.
Tek tohumlu iki kısa koşu bir deney sayılmaz: yumuşatmanın işe yaradığını göstermek için birçok
tohum, daha uzun eğitimler ve [Değerlendirme](../tr/07-degerlendirme.ipynb) bölümündeki gibi
sayısal bir kalite ölçüsü gerekir.
""",
        en=r"""
Beware of one trap when reading the numbers: the two runs' $d_{\text{loss}}$ are not on the same
scale. With a target of 0.9, the loss on a real image is smallest at $D(x) = 0.9$, however good
the police, and that smallest value is not zero but $-(0.9 \ln 0.9 + 0.1 \ln 0.1) \approx 0.325$.
Since the fake half can reach zero, the smoothed run's $d_{\text{loss}}$ can never go below about
0.16, while the plain run's floor is 0. So a lower $d_{\text{loss}}$ in the plain run does not
by itself mean "a stronger police". The more direct comparison is $D(\text{real})$: the smoothed
discriminator learns to say at most 0.9 to real digits, the plain one pushes towards 1. Over a
long run that difference is exactly whether the police grow overconfident {cite}`salimans2016`.

The grids come from the same noise, so they can be compared cell by cell. In a short run both
networks are still beginners and the differences are small; which one "looks better" is often
down to luck. Two short runs with one seed are not an experiment: to show that smoothing helps
you would need many seeds, longer runs and a numerical measure of quality like those in
[Evaluation](../en/07-evaluation.ipynb).
""",
    ),
    *exercise(
        "05-step-count",
        title={"tr": "Özgün eğitim kaç adım?", "en": "How many steps is the original run?"},
        text={
            "tr": """Özgün yazının koşusu 60.000 MNIST rakamını 128'lik yığınlarla 50 dönem eğitir. Üretici bu
sürede kaç kez güncellenir? Cevabı bir tam sayı olarak `count` adına atayın. Bir dönemin kaç adım
olduğunu ve her adımda üreticinin kaç kez güncellendiğini düşünün; 60.000, 128'e tam bölünmez.""",
            "en": """The original post's run trains on 60,000 MNIST digits in batches of 128 for 50 epochs. How many
times is the generator updated? Assign the answer, as an integer, to `count`. Think about how
many steps make an epoch and how many generator updates a step holds; 60,000 is not a multiple
of 128.""",
        },
        stub={
            "tr": """# ✏️ ALIŞTIRMA: üretici güncellemelerinin sayısı
count = None""",
            "en": """# ✏️ EXERCISE: the number of generator updates
count = None""",
        },
        solution={
            "tr": """# dönem başına 60000 // 128 = 468 tam yığın, her adımda bir üretici güncellemesi
count = 50 * (60_000 // 128)
print(count)""",
            "en": """# 60000 // 128 = 468 full batches per epoch, one generator update per step
count = 50 * (60_000 // 128)
print(count)""",
        },
        solution_text={
            "tr": """Özgün döngü dönem başına `int(60000 / 128) = 468` adım atar (her yığını rastgele seçerek);
`ganlib` da yalnızca tam yığınları sayar ve artan 96 resmi o dönemin dışında bırakır. Her adımda ayırtaç bir kez, üretici bir kez güncellenir: 50 × 468 = 23.400
üretici güncellemesi (ve bir o kadar da ayırtaç güncellemesi). Referans koşunun kaydındaki
`info['steps']` ile karşılaştırın: bizim dönemlerimiz 10.000 rakamlık olduğu için aynı dönem
sayısı altıda bir kadar adım demektir.""",
            "en": """The original loop takes `int(60000 / 128) = 468` steps per epoch (drawing each batch at
random); `ganlib` also counts full batches only and leaves the 96 images left over out of that
epoch. Each step updates the discriminator once and the
generator once: 50 × 468 = 23,400 generator updates (and as many discriminator updates). Compare
with `info['steps']` from the reference run's record: our epochs are 10,000 digits long, so the
same number of epochs means about a sixth as many steps.""",
        },
        check='from ganlib import exercises\n\nexercises.check_step_count(count, lang="{lang}")',
    ),
    *question(
        "05-fashion",
        title={"tr": "Rakam yerine giysi", "en": "Clothes instead of digits"},
        text={
            "tr": """Fashion-MNIST, MNIST ile aynı biçimde (28×28 gri tonlu, 60.000 eğitim resmi, 10 sınıf) ama
rakam yerine tişört, pantolon, ayakkabı, çanta gibi giysi resimlerinden oluşan bir veri kümesidir.
Bu bölümün canlı eğitimini, yalnızca **bir satırı** değiştirerek Fashion-MNIST üzerinde nasıl
çalıştırırsınız? Üretici ile ayırtaçta neyi değiştirmek gerekir?""",
            "en": """Fashion-MNIST has the same format as MNIST (28×28 greyscale, 60,000 training images, 10 classes),
but its images are clothes (T-shirts, trousers, shoes, bags and so on) instead of digits. How would
you run this chapter's live training on Fashion-MNIST by changing only **one line**? What has to
change in the generator and the discriminator?""",
        },
        answer={
            "tr": """Üretici ile ayırtaçta hiçbir şey: resimler aynı boyda ve aynı `uint8` biçiminde, yani
`scale_images`, mimariler ve eğitim döngüsü olduğu gibi çalışır. Değişen tek şey veri, yani
`training.train` çağrısının tek satırı: `data=` yerine doğrudan bir `images=` dizisi verilir
(aşağıda okunaklı olsun diye resimleri ayrı bir satırda yüklüyoruz).

Debian/Ubuntu'da veri kümesi bir paket olarak gelir ve `ganlib.data.load_idx` IDX dosyalarını
(sıkıştırılmış ya da değil) okur:

```bash
sudo apt-get install dataset-fashion-mnist
```

```python
from ganlib import data

images = data.load_idx("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
gan_fashion = training.train(epochs=sizes.epochs, batch_size=sizes.batch_size, n_images=sizes.n_images, images=images)
```

Colab'de paket yerine Keras'ın indiricisini kullanın:
`(images, _), _ = keras.datasets.fashion_mnist.load_data()`.

Sonra `plotting.animate_grids(gan_fashion.sample_grid.grids)` ile ızgaraya bakın. Kısa bir
eğitimde önce siluetler belirir (ayakkabının alçak, pantolonun iki bacaklı, tişörtün kollu
biçimi); desenler, yazılar ve dokular ise çok daha uzun sürer, çünkü bu resimlerde rakamlardan
çok daha fazla ayrıntı var. Etiket yumuşatma ve diğer bütün ayarlar aynı kalır.""",
            "en": """Nothing in the generator or the discriminator: the images have the same size and the same
`uint8` format, so `scale_images`, both architectures and the training loop work unchanged. Only
the data changes, which is the one line of the `training.train` call: instead of `data=`, pass an
`images=` array directly (below, the images are loaded on a line of their own for readability).

On Debian/Ubuntu the data set comes as a package, and `ganlib.data.load_idx` reads IDX files
(gzipped or not):

```bash
sudo apt-get install dataset-fashion-mnist
```

```python
from ganlib import data

images = data.load_idx("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
gan_fashion = training.train(epochs=sizes.epochs, batch_size=sizes.batch_size, n_images=sizes.n_images, images=images)
```

On Colab use Keras' downloader instead of the package:
`(images, _), _ = keras.datasets.fashion_mnist.load_data()`.

Then look at the grid with `plotting.animate_grids(gan_fashion.sample_grid.grids)`. In a short
run the silhouettes come first (the low shape of a shoe, the two legs of a pair of trousers, the
sleeves of a T-shirt); prints, lettering and textures take much longer, since these images hold
far more detail than digits. Label smoothing and every other setting stay as they are.""",
        },
    ),
    *question(
        "05-conditional",
        title={
            "tr": "Zorlayıcı: istenen rakamı çizen bir üretici",
            "en": "Challenge: a generator that draws the digit you ask for",
        },
        text={
            "tr": """Bizim üreticimiz hangi rakamı çizeceğine kendisi karar verir: bir 7 istiyorsanız 7 çıkana
kadar gürültü denemeniz gerekir. MNIST'in her resmiyle birlikte bir etiket (0–9) gelir, ama bu kurs
onları hiç kullanmadı. Üreticiye "bana bir 7 çiz" diyebilmek için üretici, ayırtaç ve eğitim
adımında neyi değiştirirdiniz? Ayırtacın da etiketi görmesi neden şart?""",
            "en": """Our generator decides for itself which digit to draw: if you want a 7, you have to try noise until
a 7 comes out. Every MNIST image comes with a label (0–9), but this course never used them. What
would you change in the generator, the discriminator and the training step to be able to tell the
generator "draw me a 7"? Why must the discriminator see the label too?""",
        },
        answer={
            "tr": """Bu, Mirza ve Osindero'nun *Conditional Generative Adversarial Nets* (2014) makalesindeki
**koşullu GAN** fikridir: iki ağa da gürültü ve resmin yanında etiketi veririz.

- **Üretici:** etiketi bir vektöre çevirip (10 uzunlukta bir "one-hot" vektör ya da öğrenilen bir
  gömme, `Embedding`) gürültüye ekleriz; üretici 200 yerine örneğin 250 sayı alır.
- **Ayırtaç:** etiketi resmin yanına ek bir 28×28 kanal olarak koyarız: her sınıf için sabit bir
  kanal (one-hot), ya da 784 sayılık bir gömmenin 28×28'e yeniden şekillendirilmiş hâli. Ayırtaç
  artık "bu resim gerçek mi?" değil, "bu resim gerçek **ve** bu etikete uygun mu?" diye sorar.
- **Eğitim adımı:** ayırtaç gerçek resimleri **kendi etiketleriyle** (hedef 0,9), sahteleri ise
  üreticiden istenen rastgele etiketlerle (hedef 0) görür; üretici adımında aynı rastgele
  etiketlerle hedef 1'dir. Veri akışı bu kez `(resim, etiket)` çiftleri vermelidir:
  `images, labels = data.load_mnist()`.

Ayırtaç etiketi görmeseydi, iyi çizilmiş bir 3'ü "7 çiz" isteğine cevap olarak da kabul ederdi;
üreticinin etiketi dinlemesi için hiçbir sebep kalmazdı ve etiketi görmezden gelmeyi öğrenirdi.
Etiketi gören bir ayırtaç için "3 resmi + 7 etiketi" çifti gerçek veride hiç bulunmadığından
sahtedir; üretici ancak istenen rakamı çizerek onu kandırabilir.

Keras'ta iki ağın iskeleti (mimari, bu kursun üretici ve ayırtacının aynısı):

```python
import keras
import numpy as np
from keras import layers

from ganlib import sampling

# Üretici: gürültü + etiket → resim
z_in = keras.Input((200,))
y_in = keras.Input((1,), dtype="int32")
y_vec = layers.Flatten()(layers.Embedding(10, 50)(y_in))  # etiket → 50 sayı
h = layers.Concatenate()([z_in, y_vec])  # 250 girdi
h = layers.Reshape((7, 7, 128))(layers.LeakyReLU(0.2)(layers.Dense(7 * 7 * 128)(h)))
h = layers.LeakyReLU(0.2)(layers.Conv2D(64, 5, padding="same")(layers.UpSampling2D()(h)))
image = layers.Conv2D(1, 5, padding="same", activation="tanh")(layers.UpSampling2D()(h))
generator = keras.Model([z_in, y_in], image)

# Ayırtaç: resim + etiket → "gerçek ve etikete uygun" olasılığı
x_in = keras.Input((28, 28, 1))
y_in = keras.Input((1,), dtype="int32")
y_map = layers.Reshape((28, 28, 1))(layers.Embedding(10, 28 * 28)(y_in))  # etiket → 28×28 kanal
h = layers.Concatenate()([x_in, y_map])  # 28×28×2
h = layers.Dropout(0.3)(layers.LeakyReLU(0.2)(layers.Conv2D(64, 5, strides=2, padding="same")(h)))
h = layers.Dropout(0.3)(layers.LeakyReLU(0.2)(layers.Conv2D(128, 5, strides=2, padding="same")(h)))
p = layers.Dense(1, activation="sigmoid")(layers.Flatten()(h))
discriminator = keras.Model([x_in, y_in], p)

# Eğitimden sonra: her rakamdan bir tane, 0'dan 9'a
digits = generator([sampling.noise(10), np.arange(10)])
```

`GAN.train_step`'in iki yarısı da etiketleri taşıyacak şekilde değişir:
`discriminator([real, real_labels])`, `discriminator([generator([z, wanted]), wanted])`.
Gürültü artık yalnızca **biçimi** (eğim, kalınlık, el yazısının karakteri) taşır; rakamın
kimliği etiketten gelir. Aynı gürültüyü on farklı etiketle vermek, aynı "el yazısıyla" yazılmış
on rakam verir.""",
            "en": """This is the **conditional GAN** of Mirza and Osindero's *Conditional Generative Adversarial
Nets* (2014): both networks get the label alongside the noise or the image.

- **Generator:** turn the label into a vector (a one-hot vector of length 10, or a learned
  embedding, `Embedding`) and concatenate it to the noise; the generator takes, say, 250 numbers
  instead of 200.
- **Discriminator:** put the label next to the image as an extra 28×28 channel: one constant
  channel per class (one-hot), or a 784-number embedding reshaped to 28×28. The discriminator no
  longer asks "is this image real?" but "is this image real **and** does it match this label?".
- **Training step:** the discriminator sees real images with **their own** labels (target 0.9)
  and fakes with the random labels the generator was asked for (target 0); in the generator's
  step the same random labels go with a target of 1. The data stream now has to yield
  `(image, label)` pairs: `images, labels = data.load_mnist()`.

If the discriminator did not see the label, it would accept a well-drawn 3 as the answer to
"draw a 7"; the generator would have no reason to listen to the label and would learn to ignore
it. To a discriminator that sees the label, the pair "image of a 3 + label 7" never occurs in the
real data, so it is fake; the generator can only fool it by drawing the digit it was asked for.

The skeleton of both networks in Keras (the same architecture as this course's generator and
discriminator):

```python
import keras
import numpy as np
from keras import layers

from ganlib import sampling

# Generator: noise + label → image
z_in = keras.Input((200,))
y_in = keras.Input((1,), dtype="int32")
y_vec = layers.Flatten()(layers.Embedding(10, 50)(y_in))  # label → 50 numbers
h = layers.Concatenate()([z_in, y_vec])  # 250 inputs
h = layers.Reshape((7, 7, 128))(layers.LeakyReLU(0.2)(layers.Dense(7 * 7 * 128)(h)))
h = layers.LeakyReLU(0.2)(layers.Conv2D(64, 5, padding="same")(layers.UpSampling2D()(h)))
image = layers.Conv2D(1, 5, padding="same", activation="tanh")(layers.UpSampling2D()(h))
generator = keras.Model([z_in, y_in], image)

# Discriminator: image + label → probability of "real and matching the label"
x_in = keras.Input((28, 28, 1))
y_in = keras.Input((1,), dtype="int32")
y_map = layers.Reshape((28, 28, 1))(layers.Embedding(10, 28 * 28)(y_in))  # label → 28×28 channel
h = layers.Concatenate()([x_in, y_map])  # 28×28×2
h = layers.Dropout(0.3)(layers.LeakyReLU(0.2)(layers.Conv2D(64, 5, strides=2, padding="same")(h)))
h = layers.Dropout(0.3)(layers.LeakyReLU(0.2)(layers.Conv2D(128, 5, strides=2, padding="same")(h)))
p = layers.Dense(1, activation="sigmoid")(layers.Flatten()(h))
discriminator = keras.Model([x_in, y_in], p)

# After training: one of each digit, 0 to 9
digits = generator([sampling.noise(10), np.arange(10)])
```

Both halves of `GAN.train_step` change to carry the labels:
`discriminator([real, real_labels])`, `discriminator([generator([z, wanted]), wanted])`.
The noise now carries only the **style** (slant, thickness, the character of the handwriting);
the digit's identity comes from the label. Feeding the same noise with ten different labels gives
ten digits in the same "handwriting".""",
        },
    ),
]
