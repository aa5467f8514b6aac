"""ganlib's own words, one table per language: the same keys, the same placeholders, used by default."""


import matplotlib
import pytest

from ganlib import plotting, ring, toy
from ganlib.words import LANGUAGES, words


def test_each_language_has_every_word_with_the_same_placeholders():
    """The English labels are the message ids themselves (matplotlib's own player labels
    included); the Turkish ones come from the catalogue, glossary terms, placeholders kept."""
    en, tr = words("en"), words("tr")
    assert en["epoch_title"] == "epoch {epoch}" and tr["epoch_title"] == "dönem {epoch}"
    assert all(key == value for key, value in en["player"].items())
    assert (tr["discriminator"], tr["generator"], tr["toy"]["fake"]) == ("ayırtaç", "üretici", "kalpazan")
    assert tr["player"]["Play"] == "Oynat" and len(set(tr["player"].values())) == len(tr["player"])
    assert LANGUAGES == ("tr", "en")


def test_unknown_language_is_one_line_naming_both():
    with pytest.raises(ValueError, match=r"lang must be 'tr' or 'en', got 'de'"):
        words("de")
    with pytest.raises(ValueError, match="lang must be"):
        plotting.plot_losses({"d_loss": [1.0], "g_loss": [1.0]}, lang="de")


def test_figures_label_themselves_in_the_readers_language():
    history = {"d_loss": [0.7, 0.6], "g_loss": [0.8, 0.9]}
    for lang, expected in (("tr", ("dönem", "kayıp", "ayırtaç", "üretici")), ("en", ("epoch", "loss"))):
        ax = plotting.plot_losses(history, lang=lang)
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert (ax.get_xlabel(), ax.get_ylabel()) == expected[:2]
        assert sorted(legend) == sorted([words(lang)["discriminator"], words(lang)["generator"]])
        matplotlib.pyplot.close(ax.figure)
    run = toy.train_toy(steps=4, snapshot_every=2)
    fig = plotting.plot_toy_run(run, lang="tr")
    texts = [t.get_text() for ax in fig.axes for t in [ax.title, ax.xaxis.label, ax.yaxis.label]]
    texts += [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    assert "gerçek veri" in texts and "yoğunluk" in texts and "adım 4" in texts
    assert not {"real data", "density", "counterfeiter"} & set(texts)
    matplotlib.pyplot.close(fig)
    fig = ring.plot_runs([ring.train_ring(steps=10, snapshot_every=10, n_eval=50)], ["x"], [10], lang="tr")
    assert fig.axes[0].get_title().startswith("adım 10\nmod ")
    matplotlib.pyplot.close(fig)
