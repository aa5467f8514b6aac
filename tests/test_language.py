"""One language setting, ganlib's words through gettext, a complete Turkish catalogue."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

import ganlib
from ganlib import fmt, language

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import messages  # noqa: E402


def test_english_until_a_language_is_set_and_the_setting_is_checked():
    assert ganlib.get_language() == "en"
    ganlib.set_language("tr")
    assert ganlib.get_language() == "tr" and fmt.number(0.5) == "0,5"
    with pytest.raises(ValueError, match="'tr' or 'en'"):
        ganlib.set_language("de")
    assert ganlib.get_language() == "tr"  # a refused setting leaves the one before


def test_a_lang_argument_overrides_the_setting_for_one_block():
    ganlib.set_language("tr")
    with language.using("en"):
        assert fmt.number(0.5) == "0.5"
    with language.using(None):
        assert fmt.number(0.5) == "0,5"
    assert ganlib.get_language() == "tr"


def test_importing_ganlib_sets_no_language_and_no_environment():
    code = (
        "import os; e = dict(os.environ); import ganlib; "
        "print(ganlib.get_language(), e == dict(os.environ))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["en", "True"]


def test_the_turkish_catalogue_is_complete_and_compiled():
    """Every message id in ganlib's code has a Turkish translation, none is left over, none is
    fuzzy, and the committed .mo is the .po compiled (`make messages` fixes what this finds)."""
    assert messages.problems("tr") == []


def test_the_catalogue_check_can_fail(monkeypatch):
    catalog = messages.read("tr")
    for message in catalog:
        if message.id:
            message.string = ""
            break
    monkeypatch.setattr(messages, "read", lambda lang: catalog)
    found = messages.problems("tr")
    assert any(line.startswith("untranslated") for line in found)
    assert any("is not the compiled" in line for line in found)


FIELD = re.compile(r"\{(\w*)[^{}]*\}")


def test_each_translation_keeps_the_fields_of_its_message():
    """A Turkish message fills in the same {fields} as its English id (in any order)."""
    wrong = [
        (m.id, m.string)
        for m in messages.read("tr")
        if m.id and sorted(FIELD.findall(m.id)) != sorted(FIELD.findall(m.string))
    ]
    assert wrong == []


def test_a_turkish_page_gets_turkish_feedback():
    from ganlib import exercises

    ganlib.set_language("tr")
    with pytest.raises(exercises.ExerciseError, match="Henüz cevap yok"):
        exercises.check_generator_params(None)
    with pytest.raises(exercises.ExerciseError, match="No answer yet"):
        exercises.check_generator_params(None, lang="en")


def test_a_missing_catalogue_is_named_not_silently_english(monkeypatch, tmp_path):
    monkeypatch.setattr(language, "LOCALE_DIR", tmp_path)
    language.translations.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="catalogue is missing"):
            language.gettext("No answer yet: fill in the marked cell and run it.", lang="tr")
    finally:
        language.translations.cache_clear()
