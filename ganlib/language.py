"""The language ganlib writes in: one setting per notebook, and gettext for the words.

A notebook says its language once, in its first cell::

    import ganlib
    ganlib.set_language("tr")

and from then on every number ganlib formats (``fmt``), every label it puts on a figure
(``plotting``) and every message of an exercise's check (``exercises``) is Turkish. The
setting lasts as long as the Python process; nothing is set by importing ganlib (English until
``set_language`` is called). A function's ``lang=`` argument, where it has one, overrides the
setting for that call.

ganlib's own text is written in English, as gettext message ids; the Turkish text is the
catalogue ``ganlib/locale/tr/LC_MESSAGES/ganlib.po``, compiled to ``ganlib.mo`` beside it
(``make messages`` extracts, updates and compiles them with Babel; a test keeps the ``.mo``
current and every message translated).
"""

from __future__ import annotations

import contextlib
import functools
import gettext as _gettext
from collections.abc import Iterator
from pathlib import Path

from ganlib.validate import LANGUAGES, check_lang

__all__ = ["LANGUAGES", "set_language", "get_language", "resolve", "using", "gettext", "ngettext", "N_"]

DOMAIN = "ganlib"
LOCALE_DIR = Path(__file__).parent / "locale"
_current = "en"


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "translate later"
    """Mark ``message`` for the catalogue without translating it now (it is translated when shown)."""
    return message


def set_language(lang: str) -> None:
    """Write in ``lang`` ("tr" or "en") from now on: numbers, figure labels, checkers' feedback."""
    global _current
    _current = check_lang(lang)


def get_language() -> str:
    """The language set by :func:`set_language` ("en" if it was never called)."""
    return _current


def resolve(lang: str | None = None) -> str:
    """``lang`` if given (checked), else the language set by :func:`set_language`."""
    return _current if lang is None else check_lang(lang)


@contextlib.contextmanager
def using(lang: str | None) -> Iterator[str]:
    """Within the block, write in ``lang`` (None: keep the current setting)."""
    global _current
    before = _current
    _current = resolve(lang)
    try:
        yield _current
    finally:
        _current = before


@functools.cache
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of ``lang``: English is the message ids themselves; a missing Turkish
    catalogue is an error (a broken install), never a silent fall-back to English."""
    if check_lang(lang) == "en":
        return _gettext.NullTranslations()
    try:
        return _gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[lang])
    except OSError as err:
        raise RuntimeError(
            f"ganlib's {lang} catalogue is missing ({LOCALE_DIR / lang / 'LC_MESSAGES' / DOMAIN}.mo): "
            "reinstall ganlib, or run `make messages` in its repository."
        ) from err


def gettext(message: str, lang: str | None = None) -> str:
    """``message`` (an English message id) in ``lang`` (default: the language set)."""
    return translations(resolve(lang)).gettext(message)


def ngettext(singular: str, plural: str, n: int, lang: str | None = None) -> str:
    """The singular or plural of a message in ``lang``, chosen by ``n``."""
    return translations(resolve(lang)).ngettext(singular, plural, n)
