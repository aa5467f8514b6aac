"""The book's editions: links between them, and site chrome in the edition's language.

Each edition is its own Sphinx project with its own ``language``, so Sphinx, the themes and
sphinx-exercise speak that language through their own message catalogues. Where those
catalogues miss a string, ``book/_locales/<lang>/LC_MESSAGES/`` fills it: ``sphinx.po``
through Sphinx's ``locale_dirs``, ``booktheme.po`` put in front of sphinx-book-theme's own
catalogue by this extension. A few strings are written in English straight into theme
templates or scripts (sidebar toggles, copy buttons); ``JS_STRINGS`` replaces them in the
browser.

Links:
a notebook links to its counterpart in the other language as a plain relative path, e.g.
``[The discriminator](../en/02-discriminator.ipynb)``, which works in Jupyter and on GitHub.
Inside one edition's Sphinx build that file is not a document of the project, so MyST would
turn the link into a download of the ``.ipynb``. This transform points such links at the
counterpart's HTML page instead. ``make book`` places every edition's HTML under
``_build/html/book/<edition>/``, mirroring ``book/``, so the relative path stays valid.
"""

import json
import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from docutils import nodes
from sphinx import addnodes
from sphinx.locale import translators
from sphinx.transforms import SphinxTransform

LOCALES = Path(__file__).resolve().parents[1] / "_locales"

# English strings hard-coded in theme templates or extension scripts, by language.
JS_STRINGS = {
    "tr": {
        "Toggle primary sidebar": "Birincil kenar çubuğunu aç/kapat",
        "Toggle secondary sidebar": "İkincil kenar çubuğunu aç/kapat",
        "Main": "Ana gezinti",
        "Page": "Sayfa",
        "Toggle hidden content": "Gizli içeriği aç/kapat",
        "Copy": "Kopyala",
        "Copy to clipboard": "Panoya kopyala",
        "Copied!": "Kopyalandı!",
    },
}

SCRIPT = """(() => {
  const strings = %s;
  const attrs = ["title", "aria-label", "data-tooltip", "data-bs-title", "data-bs-original-title"];
  const fix = (root) => {
    for (const el of [root, ...root.querySelectorAll("*")]) {
      for (const a of attrs) {
        const v = el.getAttribute(a);
        if (v && strings[v.trim()]) el.setAttribute(a, strings[v.trim()]);
      }
      if (el.tagName.toLowerCase() === "title" && strings[el.textContent.trim()]) {
        el.textContent = strings[el.textContent.trim()];
      }
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    fix(document.documentElement);
    new MutationObserver((changes) => {
      for (const c of changes) if (c.target.nodeType === 1) fix(c.target);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: attrs });
  });
})();"""

PAGE_SUFFIXES = {".ipynb", ".md"}


class EditionLinks(SphinxTransform):
    default_priority = 5  # before Sphinx collects download files (at doctree-read)

    def apply(self, **kwargs):
        here = Path(self.env.doc2path(self.env.docname)).resolve().parent
        for ref in list(self.document.findall(_page_link)):
            target = self._target(ref, here)
            if target is None or self.env.path2doc(str(target)) in self.env.found_docs:
                continue  # not a page, or a page of this project: MyST links it already
            uri = Path(os.path.relpath(target.with_suffix(".html"), here)).as_posix()
            ref.replace_self(
                nodes.reference(
                    "", "", *ref.children, refuri=uri, classes=["edition-link"]
                )
            )

    def _target(self, ref, here: Path) -> Path | None:
        """The page file a link points at, or None."""
        if isinstance(ref, addnodes.download_reference):
            candidates = [(here / ref["reftarget"]).resolve()]
        else:  # a document link: reftarget is a docname relative to the source folder
            base = Path(self.env.srcdir, ref["reftarget"])
            candidates = [
                base.with_name(base.name + suffix) for suffix in PAGE_SUFFIXES
            ]
        return next(
            (c for c in candidates if c.suffix in PAGE_SUFFIXES and c.is_file()), None
        )


def _page_link(node) -> bool:
    """A MyST link to a file: a download, or a document link (for a page MyST recognised by
    its suffix but which another edition, not this project, builds)."""
    if isinstance(node, addnodes.download_reference):
        return True
    return (
        isinstance(node, addnodes.pending_xref)
        and node.get("refdomain") == "doc"
        and "reftarget" in node
    )


def _catalog(language: str, domain: str):
    path = LOCALES / language / "LC_MESSAGES" / f"{domain}.po"
    if not path.is_file():
        return None
    with path.open("rb") as f:
        return read_po(f, locale=language, domain=domain)


def localize_config(app, config):
    """The theme's search-box text is a theme option, not a translated string."""
    catalog = _catalog(config.language, "booktheme")
    message = catalog and catalog.get("Search this book...")
    if message and message.string:
        config.html_theme_options["search_bar_text"] = message.string


def install_catalogs(app):
    """Put book/_locales/<lang>/LC_MESSAGES/booktheme.po in front of the theme's catalogue."""
    import gettext

    language = app.config.language
    catalog = _catalog(language, "booktheme")
    if catalog is not None:
        mo = (
            Path(app.doctreedir).parent
            / "locale"
            / language
            / "LC_MESSAGES"
            / "booktheme.mo"
        )
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as f:
            write_mo(f, catalog)
        ours = gettext.translation(
            "booktheme", localedir=mo.parents[2], languages=[language]
        )
        theirs = translators.get(("general", "booktheme"))
        if theirs is not None:
            ours.add_fallback(theirs)
        translators[("general", "booktheme")] = ours
    strings = JS_STRINGS.get(language)
    if strings:
        app.add_js_file(None, body=SCRIPT % json.dumps(strings, ensure_ascii=False))
    # The search page's scripts translate through Documentation.TRANSLATIONS (from Sphinx's own
    # sphinx.js); our sphinx.po fills the strings that catalogue leaves empty.
    sphinx_catalog = _catalog(language, "sphinx")
    if sphinx_catalog is not None:
        filled = {m.id: m.string for m in sphinx_catalog if m.id and m.string}
        messages = json.dumps(filled, ensure_ascii=False)
        body = f"Object.assign(Documentation.TRANSLATIONS, {messages});"
        app.add_js_file(None, body=body, priority=600)  # after translations.js (500)


def _register_turkish_citations() -> None:
    """``bibtex_reference_style: author_year_tr``: author–year citations joined with "ve" and
    shortened with "vd." (ve diğerleri) instead of "and" and "et al."."""
    from dataclasses import dataclass, field

    from pybtex.richtext import Tag, Text
    from sphinxcontrib.bibtex.plugin import register_plugin
    from sphinxcontrib.bibtex.style.referencing import PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import (
        AuthorYearReferenceStyle,
    )

    def turkish_person() -> PersonStyle:
        return PersonStyle(
            sep2=" ve ", last_sep=" ve ", other=Text(" ", Tag("em", "vd."))
        )

    @dataclass
    class TurkishAuthorYear(AuthorYearReferenceStyle):
        person: PersonStyle = field(default_factory=turkish_person)

    register_plugin(
        "sphinxcontrib.bibtex.style.referencing", "author_year_tr", TurkishAuthorYear
    )


class TurkishUndated(SphinxTransform):
    """Citations of undated works read "t.y." (tarih yok) on Turkish pages, not "n.d."."""

    default_priority = 900  # after sphinxcontrib-bibtex has written the citation labels

    def apply(self, **kwargs):
        if self.config.language != "tr":
            return
        for text in list(self.document.findall(nodes.Text)):
            if "n.d." in text and isinstance(text.parent, nodes.Element):
                text.parent.replace(text, nodes.Text(str(text).replace("n.d.", "t.y.")))


def setup(app):
    _register_turkish_citations()
    app.add_post_transform(TurkishUndated)
    app.add_transform(EditionLinks)
    app.connect("config-inited", localize_config)
    app.connect("builder-inited", install_catalogs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
