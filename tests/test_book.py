"""The book's layout: two editions, one chapter list each, configs in step, the landing page."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("tr", "en")
# Keys allowed to differ between the two editions' _config.yml: everything a language changes.
PER_LANGUAGE = {"title", "author", "language"}
PER_LANGUAGE_SPHINX = {
    "language", "locale_dirs", "nb_code_prompt_show", "nb_code_prompt_hide", "bibtex_reference_style"
}


def config(lang: str) -> dict:
    return yaml.safe_load((ROOT / "book" / lang / "_config.yml").read_text())


def toc_files(lang: str) -> list[str]:
    toc = yaml.safe_load((ROOT / "book" / lang / "_toc.yml").read_text())
    return [toc["root"]] + [c["file"] for c in toc["chapters"]]


def test_each_edition_is_its_own_project_in_its_language():
    for lang in EDITIONS:
        cfg = config(lang)
        assert cfg["language"] == cfg["sphinx"]["config"]["language"] == lang
        # path_to_book only places the Colab launch button, on the generated copy (make colab);
        # the edit and source buttons would read it too, and point into colab/: they stay off
        assert cfg["repository"]["path_to_book"] == f"colab/{lang}"
        assert not cfg["html"].get("use_edit_page_button") and not cfg["html"].get("use_source_button")


def test_editions_share_every_setting_but_the_language_ones():
    tr, en = config("tr"), config("en")
    for key in (tr.keys() | en.keys()) - PER_LANGUAGE - {"repository", "sphinx"}:
        assert tr.get(key) == en.get(key), key
    assert {k: v for k, v in tr["repository"].items() if k != "path_to_book"} == {
        k: v for k, v in en["repository"].items() if k != "path_to_book"
    }
    for key in ("extra_extensions", "local_extensions"):
        assert tr["sphinx"][key] == en["sphinx"][key], key
    trc, enc = tr["sphinx"]["config"], en["sphinx"]["config"]
    for key in (trc.keys() | enc.keys()) - PER_LANGUAGE_SPHINX:
        assert trc.get(key) == enc.get(key), key


def test_repository_url_is_the_same_everywhere():
    top = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    for lang in EDITIONS:
        assert config(lang)["repository"]["url"] == top["url"]
        assert config(lang)["repository"]["branch"] == top["branch"]


@pytest.mark.parametrize("lang", EDITIONS)
def test_toc_lists_every_page_of_the_edition_and_nothing_missing(lang):
    folder = ROOT / "book" / lang
    listed = toc_files(lang)
    pages = sorted(p.stem for p in folder.iterdir() if p.suffix in (".ipynb", ".md"))
    assert sorted(listed) == pages
    assert len(set(listed)) == len(listed)


def test_the_two_tocs_list_counterparts_in_the_same_order():
    tr, en = toc_files("tr"), toc_files("en")
    assert len(tr) == len(en)
    chapters = [(a, b) for a, b in zip(tr, en) if a[:2].isdigit() or b[:2].isdigit()]
    assert len(chapters) >= 8
    assert all(a[:3] == b[:3] for a, b in chapters), chapters


def test_landing_page_table_follows_the_tocs():
    """book/index.md's table lists each edition's pages, in toc order, one row per pair."""
    text = (ROOT / "book" / "index.md").read_text()
    rows = [ln for ln in text.splitlines() if ln.startswith("| ") and "](tr/" in ln]
    pairs = [re.findall(r"\]\((tr|en)/([^)]+)\.(?:ipynb|md)\)", row) for row in rows]
    assert [[f for lang, f in row if lang == "tr"] for row in pairs] == [[f] for f in toc_files("tr")]
    assert [[f for lang, f in row if lang == "en"] for row in pairs] == [[f] for f in toc_files("en")]


def roadmap(lang: str) -> list[tuple[int, str]]:
    """The introduction's chapter map: (number, chapter file linked or "") per numbered item."""
    import nbformat

    root = toc_files(lang)[0]
    text = "\n".join(
        c.source for c in nbformat.read(ROOT / "book" / lang / f"{root}.ipynb", as_version=4).cells
        if c.cell_type == "markdown"
    )
    sections = [s for s in re.split(r"^## ", text, flags=re.M) if re.search(r"^\d+\. ", s, re.M)]
    assert len(sections) == 1, f"{root}: expected one section with a numbered chapter list"
    items = re.findall(r"^(\d+)\. (.*)", sections[0], re.M)
    link = re.compile(rf"\]\(\.\./{lang}/([^)#]+)\.ipynb\)")
    return [(int(n), (link.findall(line) or [""])[0]) for n, line in items]


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_introductions_map_lists_every_chapter_in_toc_order(lang):
    """Chapter 00's road map numbers every chapter 0, 1, … and links each later one, in toc order."""
    chapters = [f for f in toc_files(lang) if f[:2].isdigit()]
    items = roadmap(lang)
    assert [n for n, _ in items] == [int(f[:2]) for f in chapters]
    assert [f for _, f in items[1:]] == chapters[1:]


def test_the_map_check_can_fail(monkeypatch):
    """A toc that gains a chapter the map does not list fails the check above."""
    real = toc_files("en")
    monkeypatch.setitem(globals(), "toc_files", lambda lang: real + ["11-more"])
    with pytest.raises(AssertionError):
        test_the_introductions_map_lists_every_chapter_in_toc_order("en")


def test_chrome_catalogues_are_valid_po_files():
    from babel.messages.pofile import read_po

    for po in (ROOT / "book" / "_locales").rglob("*.po"):
        with po.open("rb") as f:
            catalog = read_po(f)
        assert len(catalog) >= 5 and all(m.string for m in catalog if m.id), po
