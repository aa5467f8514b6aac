"""The words ganlib itself writes into figures and the animation player, one table per language.

A chapter's own captions, legends and prose live in that chapter's notebook (one notebook per
language); the exercises' feedback is written as Turkish/English pairs where it is raised
(``exercises._feedback._fail``). What is left, the library's default labels, is here: each
language's table has the same keys (a test checks it), Turkish terms from the book's glossary.
"""

from __future__ import annotations

from collections.abc import Mapping

from ganlib.language import resolve
from ganlib.validate import LANGUAGES as LANGUAGES  # (re-exported: the languages the tables cover)

# matplotlib's to_jshtml labels its player's controls in English; these are the labels it writes.
_PLAYER_EN = (
    "Decrease speed",
    "First frame",
    "Previous frame",
    "Play backwards",
    "Pause",
    "Play",
    "Next frame",
    "Last frame",
    "Increase speed",
    "Repetition mode",
    "Once",
    "Loop",
    "Reflect",
)

WORDS: dict[str, dict] = {
    "en": {
        "epoch": "epoch",
        "epoch_title": "epoch {epoch}",
        "loss": "loss",
        "step": "step",
        "discriminator": "discriminator",
        "generator": "generator",
        "modes": "modes",
        "quality": "quality",
        "toy": {
            "real": "real data",
            "fake": "counterfeiter",
            "belief": "police: D(x)",
            "step": "step {step}",
            "x": "x",
            "density": "density",
        },
        "player": {label: label for label in _PLAYER_EN},
    },
    "tr": {
        "epoch": "dönem",
        "epoch_title": "dönem {epoch}",
        "loss": "kayıp",
        "step": "adım",
        "discriminator": "ayırtaç",
        "generator": "üretici",
        "modes": "mod",
        "quality": "kalite",
        "toy": {
            "real": "gerçek veri",
            "fake": "kalpazan",
            "belief": "polis: D(x)",
            "step": "adım {step}",
            "x": "x",
            "density": "yoğunluk",
        },
        "player": dict(
            zip(
                _PLAYER_EN,
                (
                    "Yavaşlat",
                    "İlk kare",
                    "Önceki kare",
                    "Geriye oynat",
                    "Duraklat",
                    "Oynat",
                    "Sonraki kare",
                    "Son kare",
                    "Hızlandır",
                    "Tekrar kipi",
                    "Bir kez",
                    "Döngü",
                    "İleri geri",
                ),
                strict=True,
            )
        ),
    },
}


def words(lang: str | None = None) -> Mapping:
    """The table of one language (``"tr"`` or ``"en"``)."""
    return WORDS[resolve(lang)]
