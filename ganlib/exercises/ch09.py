"""Checkers for chapter 09's exercises."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganlib import fmt
from ganlib.exercises._feedback import _call, _expect_model, _fail, _not_done, _ok, _param_gap

__all__ = ["check_join_digit", "check_wrong_digits", "check_blind_discriminator"]

_N_DIGITS = 10

# ---------------------------------------------------------------------------------------------
# check_join_digit: the noise followed by the digit's one-hot code, as the generator's Dense reads it
# ---------------------------------------------------------------------------------------------

# (noise_dim, digits): the post's noise size and small ones; numpy ints, a list, MNIST's uint8 labels.
# The first case holds 0 and 9, so codes shifted by one or eleven columns wide show at once; the
# second (a list whose largest digit is 4) shows a code only as wide as the batch's largest digit.
_JOIN_CASES = [
    (200, np.array([3, 0, 9, 5, 1, 7])),
    (3, [1, 2, 3, 4]),
    (16, np.arange(_N_DIGITS, dtype=np.int32)[::-1]),
    (5, np.array([8, 0], dtype=np.uint8)),
]


def reference_join_digit(z, digits):
    """Each noise vector followed by the one-hot code of its digit: float32 (n, noise_dim + 10)."""
    one_hot = np.eye(10, dtype=np.float32)[np.asarray(digits)]
    return np.concatenate([np.asarray(z, dtype=np.float32), one_hot], axis=1)


def _join_inputs(case: int):
    noise_dim, digits = _JOIN_CASES[case]
    rng = np.random.default_rng(case)
    z = rng.standard_normal((len(digits), noise_dim)).astype(np.float32)
    return z, (list(digits) if isinstance(digits, list) else digits.copy())


def _is_one_hot(rows: np.ndarray) -> bool:
    return bool(np.all((rows == 0) | (rows == 1)) and np.all(rows.sum(axis=1) == 1))


def _check_one_join(func: Callable, case: int, lang: str | None = None) -> np.dtype:
    """Check one call; return the answer's dtype (checked last, once its numbers are right)."""
    z, digits = _join_inputs(case)
    z_before, digits_before = z.copy(), np.array(digits)
    n, noise_dim = z.shape
    shown = f"(z: ndarray{z.shape} float32, digits: {digits!r})"
    got = _call(func, lang, z, digits, shown=shown)
    if not np.array_equal(z, z_before):
        _fail(
            lang,
            "Fonksiyonunuz gürültüyü (z) yerinde değiştiriyor (z[...] = …, z *= … gibi). z'ye dokunmadan "
            "yeni bir dizi döndürün: aynı gürültü başka rakamlarla yeniden kullanılabilmeli.",
            "Your function changes the noise (z) in place (z[...] = …, z *= … or the like). Leave z "
            "alone and return a new array: the same noise must be usable again with other digits.",
        )
    if not np.array_equal(np.array(digits), digits_before):
        _fail(
            lang,
            "Fonksiyonunuz rakam dizisini (digits) yerinde değiştiriyor (digits -= 1 gibi). Girdilere "
            "dokunmadan yeni bir dizi döndürün.",
            "Your function changes the digits in place (digits -= 1 or the like). Leave the inputs "
            "alone and return a new array.",
        )
    if got is None:
        _fail(
            lang,
            "Fonksiyon hiçbir şey döndürmüyor (None): birleştirdiğiniz diziyi return ile döndürün.",
            "The function returns nothing (None): return the joined array.",
        )
    if isinstance(got, (list, tuple)):
        _fail(
            lang,
            f"Bir {type(got).__name__} döndü; tek bir numpy dizisi bekleniyordu. Gürültüyü ve kodu satır "
            "satır birleştirin: np.concatenate([z, kod], axis=1).",
            f"A {type(got).__name__} came back; expected one numpy array. Join the noise and the code "
            "row by row: np.concatenate([z, code], axis=1).",
        )
    try:
        arr = np.asarray(got)
    except Exception:  # noqa: BLE001 - whatever cannot become an array
        arr = None
    if arr is None or arr.dtype == object or not np.issubdtype(arr.dtype, np.number):
        _fail(
            lang,
            f"Bir numpy dizisi bekleniyordu, {type(got).__name__} geldi.",
            f"Expected a numpy array, got {type(got).__name__}.",
        )
    width = noise_dim + _N_DIGITS
    if arr.ndim == 1 and arr.size == n * width:
        _fail(
            lang,
            f"Düz bir dizi döndü ({fmt.number(arr.size, lang='tr')} sayı): gürültü ile kod satır satır "
            "birleşmeli, np.concatenate([z, kod], axis=1). (axis verilmeyen np.append diziyi düzleştirir.)",
            f"A flat array came back ({arr.size:,} numbers): the noise and the code must be joined row "
            "by row, np.concatenate([z, code], axis=1). (np.append without axis flattens the array.)",
        )
    if arr.ndim != 2 or arr.shape[0] != n:
        _fail(
            lang,
            f"z {z.shape} ve {n} rakamla (n, noise_dim + 10) = ({n}, {width}) biçimi bekleniyordu, "
            f"{arr.shape} geldi: her gürültü vektörü için bir satır.",
            f"With z of shape {z.shape} and {n} digits the shape must be (n, noise_dim + 10) = "
            f"({n}, {width}), got {arr.shape}: one row per noise vector.",
        )
    columns = arr.shape[1]
    top = int(np.max(digits_before))
    if columns == noise_dim + 1:
        _fail(
            lang,
            f"Satırlar {columns} sayı uzunluğunda: rakam, gürültünün arkasına tek bir sayı olarak eklenmiş. "
            "Öyle olunca tam bağlantılı katman rakamları bir ölçek üstünde görür (7, 1'in yedi katı olur); "
            "oysa her rakamın kendi ağırlıkları olmalı. Rakamı bire bir kodlamayla (one-hot) on sayıya "
            "çevirin: d sütununda 1, öbürlerinde 0 (np.eye(10)[digits]).",
            f"The rows are {columns} numbers long: the digit was appended to the noise as one number. "
            "The Dense layer would then see the digits on a scale (a 7 is seven times a 1), while each "
            "digit needs weights of its own. Turn the digit into its one-hot code of ten numbers: a 1 in "
            "column d, 0 elsewhere (np.eye(10)[digits]).",
        )
    if columns == noise_dim + _N_DIGITS + 1:
        _fail(
            lang,
            f"Kod on bir sütun genişliğinde (satırlar {columns} sayı): np.eye(11) mi? 0'dan 9'a on "
            "rakam var, bire bir kodun on sütunu olur: np.eye(10)[digits].",
            f"The code is eleven columns wide (the rows are {columns} numbers): np.eye(11)? There are ten "
            "digits, 0 to 9, so the one-hot code has ten columns: np.eye(10)[digits].",
        )
    if top + 1 < _N_DIGITS and columns == noise_dim + top + 1:
        _fail(
            lang,
            f"digits = {digits!r} ile kod yalnızca {top + 1} sütun genişliğinde: bu yığındaki en büyük "
            f"rakama ({top}) göre kesilmiş. keras.utils.to_categorical sınıf sayısını verilmezse "
            "rakamlardan tahmin eder; on sütunu kendiniz isteyin: to_categorical(digits, 10) ya da "
            "np.eye(10)[digits]. Üretici her yığında aynı on sütunu okur.",
            f"With digits = {digits!r} the code is only {top + 1} columns wide: cut at this batch's "
            f"largest digit ({top}). keras.utils.to_categorical guesses the number of classes from the "
            "digits unless told; ask for ten columns yourself: to_categorical(digits, 10) or "
            "np.eye(10)[digits]. The generator reads the same ten columns in every batch.",
        )
    if columns == noise_dim:
        _fail(
            lang,
            f"Satırlar yalnızca noise_dim = {noise_dim} sayı uzunluğunda: rakamın on sütunu eksik. Her "
            "satırın sonuna rakamın bire bir kodunu (one-hot) ekleyin.",
            f"The rows are only noise_dim = {noise_dim} numbers long: the digit's ten columns are missing. "
            "Append each digit's one-hot code to its row.",
        )
    if columns == _N_DIGITS:
        _fail(
            lang,
            "Satırlarda yalnızca rakamın on sütunu var, gürültü eksik: üretici ikisini birden okur, önce "
            "gürültüyü, sonra kodu.",
            "The rows hold only the digit's ten columns; the noise is missing: the generator reads both, "
            "first the noise, then the code.",
        )
    if columns != width:
        _fail(
            lang,
            f"noise_dim = {noise_dim} iken satırlar noise_dim + 10 = {width} sayı uzunluğunda olmalı, "
            f"{columns} geldi: önce gürültünün {noise_dim} sayısı, sonra rakamın on sayılık kodu.",
            f"With noise_dim = {noise_dim} the rows must be noise_dim + 10 = {width} numbers long, got "
            f"{columns}: first the noise's {noise_dim} numbers, then the digit's code of ten.",
        )
    values = arr.astype(np.float64)
    want = reference_join_digit(z_before, digits_before).astype(np.float64)
    if np.allclose(values, want, rtol=0, atol=1e-6):
        return arr.dtype
    if np.allclose(values[:, _N_DIGITS:], z_before, atol=1e-6) and _is_one_hot(values[:, :_N_DIGITS]):
        _fail(
            lang,
            "Kod gürültünün önüne konmuş. Sıra önemli: tam bağlantılı katmanın ağırlık matrisinde ilk "
            "noise_dim satır (0 … noise_dim − 1) gürültüyü, son on satır rakamı okur "
            "(noise_dim = 200 iken 200 … 209). Önce z, sonra kod: np.concatenate([z, kod], axis=1).",
            "The code comes before the noise. The order matters: the first noise_dim rows of the Dense "
            "layer's weight matrix (0 … noise_dim − 1) read the noise and its last ten rows read the digit "
            "(200 … 209 at noise_dim = 200). First z, then the code: np.concatenate([z, code], axis=1).",
        )
    if not np.allclose(values[:, :noise_dim], z_before, atol=1e-6):
        _fail(
            lang,
            f"Her satırın ilk {noise_dim} sayısı, o satırın gürültü vektörünün kendisi olmalı: değiştirmeden "
            "(ölçeklemeden, sırasını bozmadan) kopyalayın, kodu arkasına ekleyin.",
            f"The first {noise_dim} numbers of each row must be that row's noise vector itself: copy it "
            "unchanged (not scaled, not reordered) and append the code after it.",
        )
    code = values[:, noise_dim:]
    if not _is_one_hot(code):
        i = next(i for i in range(n) if not _is_one_hot(code[i : i + 1]))
        shown = {lang_: fmt.numbers(np.round(code[i], 3), lang=lang_) for lang_ in ("tr", "en")}
        _fail(
            lang,
            f"{i} numaralı satırın (rakam {digits_before[i]}) son on sayısı {shown['tr']}: bu bir bire "
            "bir kod (one-hot) değil. Rakam d'nin kodu dokuz 0 ve d sütununda bir 1'dir.",
            f"The last ten numbers of row {i} (digit {digits_before[i]}) are {shown['en']}: not a one-hot "
            "code. The code of digit d is nine 0s and a single 1 in column d.",
        )
    hot = code.argmax(axis=1)
    d = digits_before.astype(int)
    for shift in (-1, 1):
        if np.array_equal(hot, (d + shift) % _N_DIGITS):
            sign, zero_at, asked, drawn = ("−", 9, 3, 2) if shift < 0 else ("+", 1, 3, 4)
            _fail(
                lang,
                f"Kodlar bir sütun kaymış (np.eye(10)[digits {sign} 1] mi?): rakam d'nin 1'i d {sign} 1 "
                f"sütununda, 0'ınki {zero_at} sütununda. Her rakam yine ayrı bir kod alıyor, ama bu, bölümün "
                f"üreticisinin okuduğu kod değil: ondan {asked} isteseniz {drawn} çizerdi. Rakam d'nin 1'i "
                "d sütununda olmalı: np.eye(10)[digits].",
                f"The codes are shifted by one column (np.eye(10)[digits {sign} 1]?): digit d has its 1 in "
                f"column d {sign} 1, digit 0 in column {zero_at}. Each digit still gets a code of its own, "
                f"but not the code the chapter's generator reads: ask it for a {asked} this way and it "
                f"would draw a {drawn}. Digit d needs its 1 in column d: np.eye(10)[digits].",
            )
    i = int(np.flatnonzero(hot != d)[0])
    _fail(
        lang,
        f"{i} numaralı satırda rakam {d[i]}, ama kodun 1'i {hot[i]} sütununda. Rakam d'nin 1'i d "
        "sütununda olmalı, sıra ise girdideki rakamların sırası: np.eye(10)[digits].",
        f"Row {i} is digit {d[i]}, but its code has the 1 in column {hot[i]}. Digit d needs its 1 in "
        "column d, in the order the digits were given: np.eye(10)[digits].",
    )


def check_join_digit(func: Callable, lang: str | None = None) -> None:
    """``func(z, digits)`` must return float32 ``(n, noise_dim + 10)``: each noise vector followed by
    the one-hot code of its digit, leaving its inputs unchanged."""
    _not_done(func, lang)
    dtypes = [_check_one_join(func, case, lang) for case in range(len(_JOIN_CASES))]
    wrong = next((dtype for dtype in dtypes if dtype != np.float32), None)
    if wrong is not None:
        _fail(
            lang,
            f"Sayılar doğru, ama dizi {wrong} türünde. Keras'ın katmanları float32 ile hesaplar; "
            "np.eye varsayılan olarak float64 verir: np.eye(10, dtype=np.float32) yazın ya da sonucu "
            ".astype(np.float32) ile çevirin.",
            f"The numbers are right, but the array is {wrong}. Keras' layers compute in float32, "
            "and np.eye gives float64 by default: write np.eye(10, dtype=np.float32) or convert the "
            "result with .astype(np.float32).",
        )
    _ok(
        lang,
        "Doğru: her satırda gürültü vektörünün ardından rakamın bire bir kodu (one-hot) geliyor; biçim "
        "(n, noise_dim + 10), tür float32. models.build_conditional_generator aynısını ağın içinde yapar: "
        "keras.layers.CategoryEncoding rakamı koduna çevirir, Concatenate (noise_and_digit katmanı) kodu "
        "gürültünün arkasına ekler. Böylece tam bağlantılı katmanın ağırlık matrisinde son on satır "
        "(noise_dim = 200 iken 200 … 209) rakamlara aittir.",
        "Right: each row is the noise vector followed by the digit's one-hot code, shape "
        "(n, noise_dim + 10), float32. models.build_conditional_generator does the same inside the "
        "network: keras.layers.CategoryEncoding turns the digit into its code and Concatenate (the "
        "noise_and_digit layer) puts the code after the noise. So the last ten rows of the Dense layer's "
        "weight matrix (200 … 209 at noise_dim = 200) belong to the digits.",
    )


# ---------------------------------------------------------------------------------------------
# check_wrong_digits: for each digit another one, each of the nine others equally likely
# ---------------------------------------------------------------------------------------------

_FEW = np.array([3, 3, 3, 0, 9, 5, 1, 7, 7, 2, 8, 4, 6, 0], dtype=np.uint8)  # like MNIST's labels
_PER_DIGIT = 1000
_SHARE_RANGE = (0.06, 0.17)  # each of the nine others: 1/9 ≈ 0.111, about 10 in 1,000 either way


def reference_wrong_digits(digits, seed=0):
    """For each digit a different one, each of the nine others equally likely (1/9), from ``seed``."""
    rng = np.random.default_rng(seed)
    return (digits + rng.integers(1, 10, size=len(digits))) % 10


def _many_digits() -> np.ndarray:
    """10,000 digits, 1,000 of each, in a fixed random order."""
    return np.random.default_rng(2024).permutation(np.repeat(np.arange(_N_DIGITS), _PER_DIGIT))


def _wrong_call(func: Callable, digits: np.ndarray, seed: int, lang: str | None = None) -> np.ndarray:
    before = digits.copy()
    shown = f"(ndarray({len(digits)},) {digits.dtype}, {seed})"
    got = _call(func, lang, digits, seed, shown=shown)
    if not np.array_equal(digits, before):
        _fail(
            lang,
            "Fonksiyonunuz girdiyi (digits) yerinde değiştiriyor (digits[...] = …, digits += … gibi). "
            "Girdiye dokunmadan yeni bir dizi döndürün: doğru rakamlar, yanlışlarla karşılaştırmak için "
            "hâlâ gerekli.",
            "Your function changes its input (digits) in place (digits[...] = …, digits += … or the like). "
            "Leave it alone and return a new array: the right digits are still needed, to compare with "
            "the wrong ones.",
        )
    if got is None:
        _fail(
            lang,
            "Fonksiyon hiçbir şey döndürmüyor (None): yeni rakamları return ile döndürün.",
            "The function returns nothing (None): return the new digits.",
        )
    try:
        arr = np.asarray(got)
    except Exception:  # noqa: BLE001 - whatever cannot become an array
        arr = np.asarray(None)
    if arr.shape != digits.shape:
        _fail(
            lang,
            f"{len(digits)} rakamlık bir girdi için aynı biçimde, {digits.shape} bir dizi bekleniyordu; "
            f"{arr.shape} geldi: her rakam için bir yanlış rakam.",
            f"For {len(digits)} digits expected an array of the same shape, {digits.shape}; got "
            f"{arr.shape}: one wrong digit for each digit.",
        )
    if not np.issubdtype(arr.dtype, np.integer):
        _fail(
            lang,
            f"Dizi {arr.dtype} türünde; rakamlar tam sayıdır: tam sayı döndürün (rng.integers tam sayı "
            "verir; gerekirse .astype(int)).",
            f"The array is {arr.dtype}; digits are whole numbers: return integers (rng.integers gives "
            "integers; .astype(int) if needed).",
        )
    if arr.min() < 0 or arr.max() > 9:
        bad = int(arr[(arr < 0) | (arr > 9)][0])
        _fail(
            lang,
            f"{bad} bir rakam değil: sonuçlar 0 ile 9 arasında olmalı. Rakama bir sayı ekliyorsanız "
            "% 10 ile başa sarın (9 + 1 → 0).",
            f"{bad} is not a digit: the results must lie between 0 and 9. If you add a number to the "
            "digit, wrap around with % 10 (9 + 1 → 0).",
        )
    return arr


def _shares(digits: np.ndarray, got: np.ndarray) -> np.ndarray:
    """shares[d, e]: how often digit d became e."""
    counts = np.zeros((_N_DIGITS, _N_DIGITS))
    np.add.at(counts, (digits, got), 1)
    return counts / counts.sum(axis=1, keepdims=True)


def check_wrong_digits(func: Callable, lang: str | None = None) -> None:
    """``func(digits, seed)`` must return, for each digit, a different one (each of the nine others
    equally likely), the same for the same seed, leaving its input unchanged."""
    _not_done(func, lang)
    _wrong_call(func, _FEW.copy(), 0, lang)
    many = _many_digits()
    n = len(many)
    got = _wrong_call(func, many, 0, lang)
    kept = int(np.sum(got == many))
    if kept:
        where = {
            "tr": f"{fmt.number(n, lang='tr')} rakamın {fmt.number(kept, lang='tr')} tanesi değişmeden döndü "
            f"({fmt.percent(kept / n, lang='tr')})",
            "en": f"{kept:,} of {n:,} digits came back unchanged ({fmt.percent(kept / n, lang='en')})",
        }
        if np.array_equal(np.sort(got), np.sort(many)):
            _fail(
                lang,
                f"{where['tr']}. Rakamları karıştırmışsınız (rng.permutation): karışık bir dizide "
                "rakamların aşağı yukarı onda biri yine kendi yerine düşer. Her rakamı ayrı ayrı, "
                "kendisinden farklı bir rakamla değiştirin.",
                f"{where['en']}. You shuffled the digits (rng.permutation): in a shuffle about one digit in "
                "ten lands on its own place again. Replace each digit separately by one that differs from "
                "it.",
            )
        if 0.05 <= kept / n <= 0.2:
            _fail(
                lang,
                f"{where['tr']}: on rakamın hepsinden seçiyorsunuz (rng.integers(0, 10) gibi), o yüzden "
                "aşağı yukarı onda bir doğru rakam çıkıyor. Yalnızca diğer dokuz rakamdan seçin: örneğin "
                "rakama 1 ile 9 arasında rastgele bir sayı ekleyip % 10 alın.",
                f"{where['en']}: you draw from all ten digits (rng.integers(0, 10) or the like), so about "
                "one in ten comes out right. Draw from the nine others only: for example, add a random "
                "number from 1 to 9 to the digit and take % 10.",
            )
        _fail(
            lang,
            f"{where['tr']}. Her rakam değişmeli: yanlış rakam, doğrusundan farklı olmalı.",
            f"{where['en']}. Every digit must change: the wrong digit must differ from the right one.",
        )
    if np.any(_wrong_call(func, _FEW.copy(), 0, lang) == _FEW):
        _fail(
            lang,
            "Kısa bir girdide (14 rakam) bazı rakamlar değişmeden döndü: her rakam değişmeli.",
            "On a short input (14 digits) some digits came back unchanged: every digit must change.",
        )
    if all(len(np.unique(got[many == d])) == 1 for d in range(_N_DIGITS)):
        became = int(got[many == 3][0])
        plus_one = np.array_equal(got, (many + 1) % 10)
        how_tr = " ((d + 1) % 10 gibi)" if plus_one else ""
        how_en = " (like (d + 1) % 10)" if plus_one else ""
        _fail(
            lang,
            f"Her rakam hep aynı yanlış rakama dönüşüyor{how_tr}: {fmt.number(_PER_DIGIT, lang='tr')} tane 3'ün "
            f'hepsi {became} oldu. Ayırtaç böyle sabit bir kalıbı ezberleyebilir ("{became} etiketli her 3 '
            'sahtedir"); oysa öğrenmesi gereken, herhangi bir yanlış etiketin sahte olduğu. Yanlış rakamı '
            "her rakam için ayrı çekin, diğer dokuzu eşit olasılıkla: rakama 1 ile 9 arasında rastgele bir "
            "sayı ekleyin (size=len(digits)) ve % 10 alın.",
            f"Each digit always becomes the same wrong one{how_en}: all {_PER_DIGIT:,} threes became "
            f'{became}s. A discriminator can learn such a fixed pattern ("every 3 labelled {became} is '
            'fake"), while the lesson is that any wrong label is fake. Draw the wrong digit for each '
            "digit separately, the nine others equally likely: add a random number from 1 to 9 "
            "(size=len(digits)) and take % 10.",
        )
    again = _wrong_call(func, many, 0, lang)
    if not np.array_equal(again, got):
        _fail(
            lang,
            "Aynı tohumla (seed=0) iki çağrı farklı cevap verdi. Rastgele sayı üretecini fonksiyonun "
            "içinde tohumdan kurun: rng = np.random.default_rng(seed). (Tohumsuz np.random.randint ya da "
            "np.random.default_rng() her çağrıda başka sayılar çeker.)",
            "Two calls with the same seed (seed=0) gave different answers. Create the random generator "
            "inside the function, from the seed: rng = np.random.default_rng(seed). (np.random.randint or "
            "np.random.default_rng() without a seed draw new numbers on every call.)",
        )
    other = _wrong_call(func, many, 1, lang)
    if np.array_equal(other, got):
        _fail(
            lang,
            "seed=0 ve seed=1 aynı cevabı verdi: fonksiyon tohumu kullanmıyor (np.random.default_rng(0) "
            "gibi sabit bir tohum mu?). Üreteci argüman olarak gelen tohumla kurun: "
            "np.random.default_rng(seed).",
            "seed=0 and seed=1 gave the same answer: the function ignores its seed (a fixed one, like "
            "np.random.default_rng(0)?). Create the generator from the seed it is given: "
            "np.random.default_rng(seed).",
        )
    shares = _shares(many, got)
    off = ~np.eye(_N_DIGITS, dtype=bool)
    low, high = _SHARE_RANGE
    if shares[off].min() < low or shares[off].max() > high:
        worst = np.where(off, np.abs(shares - 1 / 9), -1.0)
        d, e = np.unravel_index(int(worst.argmax()), worst.shape)
        share = shares[d, e]
        if share == 0:
            _fail(
                lang,
                f"{fmt.number(_PER_DIGIT, lang='tr')} tane {d} rakamından hiçbiri {e} olmadı: diğer dokuz rakamın "
                "her biri mümkün olmalı (rng.integers(1, 10) üst sınırı dışarıda bırakır: 1 … 9 verir).",
                f"Of {_PER_DIGIT:,} {d}s not one became a {e}: each of the nine other digits must be "
                "possible (rng.integers(1, 10) leaves out its upper bound: it gives 1 … 9).",
            )
        _fail(
            lang,
            f"{fmt.number(_PER_DIGIT, lang='tr')} tane {d} rakamının {fmt.percent(share, lang='tr')} kadarı {e} oldu; "
            f"diğer dokuz rakamın her biri aşağı yukarı eşit sıklıkta, dokuzda bir "
            f"({fmt.percent(1 / 9, lang='tr')}) gelmeli.",
            f"Of {_PER_DIGIT:,} {d}s, {fmt.percent(share, lang='en')} became {e}s; each of the nine other "
            f"digits should come up about equally often, one time in nine ({fmt.percent(1 / 9, lang='en')}).",
        )
    low_seen, high_seen = shares[off].min(), shares[off].max()
    _ok(
        lang,
        f"Doğru: hiçbir rakam kendi etiketini korumuyor, diğer dokuz rakamın her biri aşağı yukarı eşit "
        f"sıklıkta geliyor ({fmt.number(n, lang='tr')} rakamda {fmt.percent(low_seen, lang='tr')} ile "
        f"{fmt.percent(high_seen, lang='tr')} arası) ve aynı tohum aynı cevabı veriyor. Gerçek görüntüler bu "
        'etiketlerle "gerçek rakam, yanlış etiket" çiftleri olur; çözüm, ganlib ile gelen koşullu ayırtacın '
        "bunlara ne dediğine bakıyor.",
        f"Right: no digit keeps its own label, each of the nine others comes up about equally often "
        f"({fmt.percent(low_seen, lang='en')} to {fmt.percent(high_seen, lang='en')} over {n:,} digits), and the "
        'same seed gives the same answer. Real images with these labels make "real digit, wrong label" '
        "pairs; the solution asks the shipped conditional discriminator what it makes of them.",
    )


# ---------------------------------------------------------------------------------------------
# check_blind_discriminator: two inputs like the conditional discriminator, the digit ignored
# ---------------------------------------------------------------------------------------------

_POST_PARAMS = 212_865
_CONDITIONAL_PARAMS = 228_865  # the first convolution also reads ten digit maps: 10 × 5 × 5 × 64 more


def reference_blind_discriminator():
    """The post's discriminator behind two inputs, [image, digit]; the digit input is never read.

    Keras 3 accepts a functional model with an input that no layer uses (no warning, and
    ``ConditionalGAN`` trains it): the input is only there so the model can be called with
    ``[images, digits]``.
    """
    import keras

    from ganlib.models import build_discriminator

    image = keras.Input(shape=(28, 28, 1), name="image")
    digit = keras.Input(shape=(), dtype="int32", name="digit")  # taken, never read
    return keras.Model([image, digit], build_discriminator()(image), name="blind_discriminator")


def _blind_images() -> np.ndarray:
    return np.random.default_rng(9).uniform(-1, 1, (16, 28, 28, 1)).astype(np.float32)


def _verdicts(model, images, digits, lang: str | None = None) -> np.ndarray:
    shown = f"[ndarray{images.shape}, ndarray({len(digits)},) int32], training=False"
    try:
        out = model([images, digits], training=False)
    except Exception as err:  # noqa: BLE001 - report any crash of the student's model helpfully
        _fail(
            lang,
            f"Model {shown} ile çağrılınca hata verdi: {type(err).__name__}: {err}",
            f"The model raised an error when called with {shown}: {type(err).__name__}: {err}",
        )
    if isinstance(out, (list, tuple)):
        _fail(
            lang,
            f"Model {len(out)} çıktı veriyor; tek bir çıktı, her görüntü için bir olasılık bekleniyordu.",
            f"The model gives {len(out)} outputs; expected one, a probability per image.",
        )
    return np.asarray(out, dtype=np.float64)


def _output_activation(model) -> str | None:
    """Name of the activation that makes the model's output (looking into nested models), or None
    where the last operation is not a layer with an activation (a Lambda, an Add, …)."""
    import keras

    tensor = model.outputs[0]
    for _ in range(10):  # a model inside a model inside …
        layer = getattr(getattr(tensor, "_keras_history", None), "operation", None)
        if isinstance(layer, keras.Model):
            tensor = layer.outputs[0]
            continue
        if isinstance(layer, keras.layers.Layer) and hasattr(layer, "activation"):
            activation = layer.activation
            return getattr(activation, "__name__", None) or getattr(activation, "name", None)
        return None
    return None


def _gap_to_post(params: int, lang: str | None = None) -> str:
    return _param_gap(
        params, _POST_PARAMS, lang, than=("yazının ayırtacından", "than the post's discriminator")
    )


def check_blind_discriminator(func: Callable, lang: str | None = None) -> None:
    """``func()`` must build a model with inputs ``[image (28, 28, 1), digit ()]`` that ignores the
    digit and is otherwise the post's discriminator (212,865 parameters, one sigmoid output), and
    that ``ConditionalGAN`` can train."""
    import tensorflow as tf

    _not_done(func, lang)
    model = _call(func, lang, shown="()")
    _expect_model(model, lang, "keras.Model([image, digit], output)")
    try:
        shapes = [tuple(t.shape) for t in model.inputs]
    except (AttributeError, ValueError):
        _fail(
            lang,
            "Modelin girdileri tanımlı değil: onu keras.Input katmanlarıyla kurun, "
            "keras.Model([image, digit], çıktı).",
            "The model's inputs are not defined: build it from keras.Input layers, "
            "keras.Model([image, digit], output).",
        )
    if len(shapes) == 1:
        _fail(
            lang,
            f"Modelin tek bir girdisi var: {shapes[0]}. ConditionalGAN ayırtacı iki girdiyle çağırır: "
            "discriminator([images, digits]). Rakam için ikinci bir girdi ekleyin, "
            'keras.Input(shape=(), dtype="int32"), ve onu kullanmayın: modeli '
            "keras.Model([image, digit], çıktı) ile kurun.",
            f"The model has one input, {shapes[0]}. ConditionalGAN calls the discriminator with two: "
            "discriminator([images, digits]). Add a second input for the digit, "
            'keras.Input(shape=(), dtype="int32"), and do not use it: build the model with '
            "keras.Model([image, digit], output).",
        )
    if len(shapes) != 2:
        _fail(
            lang,
            f"Modelin {len(shapes)} girdisi var; iki tane olmalı: [görüntü (28, 28, 1), rakam ()].",
            f"The model has {len(shapes)} inputs; it must have two: [image (28, 28, 1), digit ()].",
        )
    image_shape, digit_shape = shapes
    if image_shape == (None,) and digit_shape == (None, 28, 28, 1):
        _fail(
            lang,
            "Girdilerin sırası ters: ConditionalGAN ayırtacı discriminator([images, digits]) diye çağırır, "
            "önce görüntü, sonra rakam: keras.Model([image, digit], çıktı).",
            "The inputs are in the wrong order: ConditionalGAN calls discriminator([images, digits]), "
            "first the image, then the digit: keras.Model([image, digit], output).",
        )
    if image_shape != (None, 28, 28, 1):
        _fail(
            lang,
            f"İlk girdi (görüntü) {image_shape} biçiminde; (None, 28, 28, 1) olmalı: "
            "keras.Input(shape=(28, 28, 1)).",
            f"The first input (the image) has shape {image_shape}; it must be (None, 28, 28, 1): "
            "keras.Input(shape=(28, 28, 1)).",
        )
    if digit_shape != (None,):
        _fail(
            lang,
            f"İkinci girdi (rakam) {digit_shape} biçiminde; (None,) olmalı, yani görüntü başına tek bir "
            'sayı: keras.Input(shape=(), dtype="int32"), build_conditional_discriminator\'daki gibi. '
            "ConditionalGAN rakamları (n,) biçiminde verir.",
            f"The second input (the digit) has shape {digit_shape}; it must be (None,), one number per "
            'image: keras.Input(shape=(), dtype="int32"), as in build_conditional_discriminator. '
            "ConditionalGAN passes the digits with shape (n,).",
        )
    images = _blind_images()
    digits = np.arange(len(images), dtype=np.int32) % 10
    out = _verdicts(model, images, digits, lang)
    if out.shape != (len(images), 1):
        _fail(
            lang,
            f"{len(images)} görüntü için çıktı ({len(images)}, 1) olmalı, yani görüntü başına bir olasılık; "
            f'{out.shape} geldi. Yazının ayırtacı gibi Dense(1, activation="sigmoid") ile bitirin.',
            f"For {len(images)} images the output must be ({len(images)}, 1), one probability per image; got "
            f'{out.shape}. End like the post\'s discriminator, with Dense(1, activation="sigmoid").',
        )
    if np.allclose(out, 1.0):
        _fail(
            lang,
            "Bütün kararlar tam 1: tek bir sayının softmax'ı her zaman 1'dir. Son katman sigmoid kullanmalı: "
            'Dense(1, activation="sigmoid").',
            "Every verdict is exactly 1: the softmax of a single number is always 1. The last layer must "
            'use sigmoid: Dense(1, activation="sigmoid").',
        )
    loud = _verdicts(model, 100 * images, digits, lang)  # far outside [-1, 1]: a linear output shows
    activation = _output_activation(model)
    if activation is not None and "sigmoid" not in activation:
        _fail(
            lang,
            f"Çıktıyı veren katmanın etkinleştirmesi {activation}: ayırtaç bir olasılık, 0 ile 1 arasında "
            'bir sayı vermeli. Son katman sigmoid kullanmalı: Dense(1, activation="sigmoid").',
            f"The layer that makes the output has activation {activation}: the discriminator must give a "
            "probability, a number between 0 and 1. The last layer must use sigmoid: "
            'Dense(1, activation="sigmoid").',
        )
    if not (
        np.all(np.isfinite(loud)) and np.all((out >= 0) & (out <= 1)) and np.all((loud >= 0) & (loud <= 1))
    ):
        _fail(
            lang,
            "Çıktılar 0 ile 1 arasında kalmıyor: ayırtaç bir olasılık vermeli. Son katman sigmoid "
            'kullanmalı: Dense(1, activation="sigmoid").',
            "The outputs do not stay between 0 and 1: the discriminator must give a probability. The last "
            'layer must use sigmoid: Dense(1, activation="sigmoid").',
        )
    other = _verdicts(model, images, (digits + 3) % 10, lang)
    params = model.count_params()
    if not np.allclose(out, other, rtol=0, atol=1e-7):
        change = float(np.abs(out - other).max())
        if params == _CONDITIONAL_PARAMS:
            _fail(
                lang,
                f"Bu, build_conditional_discriminator'ın ağı ({fmt.number(params, lang='tr')} parametre): "
                "rakamı okuyor, başka rakamla kararı değişiyor. Kör ayırtaç rakam girdisini alır ama "
                "kullanmaz: katmanlar yalnızca görüntüyü okusun (yazının ayırtacı, "
                f"{fmt.number(_POST_PARAMS, lang='tr')} parametre).",
                f"This is build_conditional_discriminator's network ({params:,} parameters): it reads the "
                "digit, and another digit changes its verdict. The blind discriminator takes the digit "
                "input but does not use it: let the layers read the image alone (the post's discriminator, "
                f"{_POST_PARAMS:,} parameters).",
            )
        _fail(
            lang,
            f"training=False iken aynı görüntülere başka rakamlar verince karar değişiyor (en çok "
            f"{fmt.localize(f'{change:.2g}', 'tr')}): model rakamı okuyor. Rakam girdisini alın ama hiçbir "
            "katmana vermeyin; katmanlar yalnızca görüntüyü okusun.",
            f"With training=False, other digits for the same images change the verdict (by up to "
            f"{change:.2g}): the model reads the digit. Take the digit input but pass it to no layer; let "
            "the layers read the image alone.",
        )
    if params != _POST_PARAMS:
        if params - _POST_PARAMS == _CONDITIONAL_PARAMS - _POST_PARAMS:
            _fail(
                lang,
                f"{_gap_to_post(params, 'tr')}: ilk evrişim görüntünün yanında on kanal daha "
                "okuyor (10 × 5 × 5 × 64 = 16.000 ağırlık), kararı değiştirmeseler bile. İlk evrişime "
                "yalnızca görüntüyü verin.",
                f"{_gap_to_post(params, 'en')}: the first convolution reads ten more channels "
                "beside the image (10 × 5 × 5 × 64 = 16,000 weights), even if they do not change the "
                "verdict. Give the first convolution the image alone.",
            )
        _fail(
            lang,
            f"{_gap_to_post(params, 'tr')} ({fmt.number(_POST_PARAMS, lang='tr')}). Kör ayırtaç, "
            "yazının ayırtacının ta kendisi (models.build_discriminator()), yalnızca kullanmadığı bir rakam "
            "girdisi fazla: filtre sayılarını, çekirdek boyutlarını ve son Dense katmanını onunla "
            "karşılaştırın.",
            f"{_gap_to_post(params, 'en')} ({_POST_PARAMS:,}). The blind discriminator is the "
            "post's discriminator itself (models.build_discriminator()), with one more input, the digit, "
            "that it does not use: compare the filters, kernel sizes and the last Dense layer with it.",
        )
    if not model.trainable_variables:
        _fail(
            lang,
            "Modelin eğitilebilir ağırlığı yok (trainable=False mı?): ayırtaç eğitim sırasında öğrenmeli.",
            "The model has no trainable weights (trainable=False?): the discriminator must learn during "
            "training.",
        )
    from ganlib.models import build_conditional_generator
    from ganlib.training import ConditionalGAN

    before = [np.array(v) for v in model.trainable_variables]
    try:
        gan = ConditionalGAN(build_conditional_generator(8), model)
        gan.compile()
        logs = gan.train_step((tf.constant(images[:8]), tf.constant(digits[:8])))
        losses = [float(logs["d_loss"]), float(logs["g_loss"])]
    except Exception as err:  # noqa: BLE001 - report any crash of the student's model helpfully
        _fail(
            lang,
            f"Bir ConditionalGAN eğitim adımı bu ayırtaçla hata verdi: {type(err).__name__}: {err}",
            f"A ConditionalGAN training step failed with this discriminator: {type(err).__name__}: {err}",
        )
    if not all(np.isfinite(losses)):
        _fail(
            lang,
            "Bir ConditionalGAN eğitim adımının kaybı sonlu değil (NaN ya da sonsuz).",
            "A ConditionalGAN training step gave a loss that is not finite (NaN or infinite).",
        )
    if all(np.array_equal(b, np.array(v)) for b, v in zip(before, model.trainable_variables)):
        _fail(
            lang,
            "Bir ConditionalGAN eğitim adımından sonra ayırtacın ağırlıkları hiç değişmedi: ayırtaç "
            "öğrenmiyor.",
            "After a ConditionalGAN training step the discriminator's weights did not change at all: it "
            "does not learn.",
        )
    _ok(
        lang,
        f"Doğru: iki girdi, {fmt.number(_POST_PARAMS, lang='tr')} parametre (yazının ayırtacı) ve karar rakama "
        "bağlı değil; ConditionalGAN onu olduğu gibi eğitiyor. Üreticiye bir rakam söyleniyor, ama artık "
        "eğitimde hiçbir şey o rakamı çizmeyi ödüllendirmiyor. Bunun bedelini çözüm ölçüyor.",
        f"Right: two inputs, {_POST_PARAMS:,} parameters (the post's discriminator), and the verdict does "
        "not depend on the digit; ConditionalGAN trains it as it is. The generator is still told a digit, "
        "but nothing in training rewards drawing that digit any more. The solution measures what that "
        "costs.",
    )
