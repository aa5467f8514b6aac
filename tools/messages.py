"""ganlib's Turkish catalogue: extract the English message ids, update the .po, compile the .mo.

    python tools/messages.py          # extract → update locale/tr/LC_MESSAGES/ganlib.po → compile .mo
    python tools/messages.py --check  # exit 1 if the .po misses or has extra ids, or the .mo is stale

After an update, translate the new (empty) entries in the .po and run it again to compile. Babel
does the work (the same library Sphinx uses for the book's own catalogues); tests/test_language.py
calls the same functions, so the test and this command agree on what "current" means.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "ganlib"
LOCALE = PACKAGE / "locale"
DOMAIN = "ganlib"
LANGS = ("tr",)
# The functions whose first argument is an English message id: gettext's own names, N_ for ids in
# tables (translated when shown), and the checking core's fail/ok/phrase.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "fail": None,
    "ok": None,
    "phrase": None,
}


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every message id in ganlib's code."""
    template = Catalog(project="ganlib", domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.is_file():
        return Catalog(locale=lang, domain=DOMAIN, project="ganlib")
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def problems(lang: str) -> list[str]:
    """What keeps the catalogue of ``lang`` from being complete and current."""
    ids = {m.id for m in extract() if m.id}
    catalog = read(lang)
    have = {m.id for m in catalog if m.id}
    found = [f"missing: {i!r}" for i in sorted(ids - have, key=str)]
    found += [f"no longer in the code: {i!r}" for i in sorted(have - ids, key=str)]
    found += [f"untranslated or fuzzy: {m.id!r}" for m in catalog if m.id and (not m.string or m.fuzzy)]
    mo = po_path(lang).with_suffix(".mo")
    if not mo.is_file() or mo.read_bytes() != compiled(catalog):
        found.append(f"{mo.relative_to(ROOT)} is not the compiled {po_path(lang).name}")
    return found


def update(lang: str) -> None:
    """Merge the code's ids into the .po (new ones empty, gone ones dropped), then compile the .mo."""
    catalog = read(lang)
    template = extract()
    template.creation_date = catalog.creation_date  # the header changes only when the ids do
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.header_comment = "# ganlib's Turkish catalogue: tools/messages.py extracts and compiles it."
    catalog.project, catalog.version = "ganlib", "0.1"
    catalog.language_team = catalog.last_translator = "ganlib <https://github.com/gan-course/uretici-hasimsal-aglar>"
    catalog.msgid_bugs_address = "https://github.com/gan-course/uretici-hasimsal-aglar/issues"
    catalog.fuzzy = False
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=False, no_location=True, sort_output=False)
    catalog = read(lang)  # as written
    path.with_suffix(".mo").write_bytes(compiled(catalog))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="only report what is missing or stale")
    args = p.parse_args(argv)
    if not args.check:
        for lang in LANGS:
            update(lang)
    bad = {lang: problems(lang) for lang in LANGS}
    for lang, found in bad.items():
        for line in found:
            print(f"{lang}: {line}")
    return 1 if any(bad.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
