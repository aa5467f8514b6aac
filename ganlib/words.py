"""The words ganlib itself writes into figures and the animation player, in the language set.

A chapter's own captions, legends and prose live in that chapter's notebook (one notebook per
language). What is left, the library's default labels, is here, as English gettext ids; the
Turkish catalogue (``ganlib/locale/tr``) holds them in the book's glossary terms.
"""

from __future__ import annotations

from ganlib.language import LANGUAGES as LANGUAGES  # (re-exported: the languages ganlib writes)
from ganlib.language import N_, gettext, using

# matplotlib's to_jshtml labels its player's controls in English; these are the labels it writes.
_PLAYER = (
    N_("Decrease speed"),
    N_("First frame"),
    N_("Previous frame"),
    N_("Play backwards"),
    N_("Pause"),
    N_("Play"),
    N_("Next frame"),
    N_("Last frame"),
    N_("Increase speed"),
    N_("Repetition mode"),
    N_("Once"),
    N_("Loop"),
    N_("Reflect"),
)


def words(lang: str | None = None) -> dict:
    """ganlib's figure labels in the language set (``lang`` overrides it); ``"player"`` maps
    matplotlib's player labels to the language's."""
    with using(lang):
        return {
            "epoch": gettext("epoch"),
            "epoch_title": gettext("epoch {epoch}"),
            "loss": gettext("loss"),
            "step": gettext("step"),
            "discriminator": gettext("discriminator"),
            "generator": gettext("generator"),
            "modes": gettext("modes"),
            "quality": gettext("quality"),
            "toy": {
                "real": gettext("real data"),
                "fake": gettext("counterfeiter"),
                "belief": gettext("police: D(x)"),
                "step": gettext("step {step}"),
                "x": "x",
                "density": gettext("density"),
            },
            "player": {label: gettext(label) for label in _PLAYER},
        }
