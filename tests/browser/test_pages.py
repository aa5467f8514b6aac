"""Open the built book in headless Chromium: pages exist, images load, links resolve, each
edition speaks its own language, and formulas render from the book's own files (no network).

Needs `make book` first (the Makefile's `browser` target does it) and Debian's chromium +
chromium-driver. Screenshots are written to _build/screenshots/.
"""

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
EDITIONS = ("tr", "en")


def _edition_pages(lang: str) -> list[str]:
    toc = yaml.safe_load((ROOT / "book" / lang / "_toc.yml").read_text())
    return [f"book/{lang}/{f}" for f in [toc["root"]] + [c["file"] for c in toc["chapters"]]]


ALL_PAGES = [p for lang in EDITIONS for p in _edition_pages(lang)]
PAGES = [p for p in ALL_PAGES if Path(p).name[:2].isdigit()]  # the chapters
# Site chrome of each language: none of these may appear on a page of the other edition
# (as a whole visible text of the chrome, a tooltip, a label or a placeholder).
CHROME = {
    "en": [
        "Search",
        "Contents",
        "Skip to main content",
        "next page",
        "previous page",
        "next",
        "previous",
        "Download this page",
        "Copy",
        "Copy to clipboard",
        "Back to top",
        "On this page",
        "Color mode",
        "Launch on Colab",
        "Launch interactive content",
        "Toggle primary sidebar",
        "Main",
        "Toggle hidden content",
        "Site navigation",
        "Print to PDF",
        "Fullscreen mode",
        "Source repository",
        "Play",
        "Pause",
        "First frame",
        "Last frame",
        "Show code",
        "Hide code",
        "Search this book...",
        "Link to this heading",
        "Click to show",
        "Click to hide",
    ],
    "tr": [
        "Ara",
        "İçindekiler",
        "Ana içeriğe geç",
        "sonraki sayfa",
        "önceki sayfa",
        "sonraki",
        "önceki",
        "Bu sayfayı indirin",
        "Kopyala",
        "Panoya kopyala",
        "Başa dön",
        "Bu sayfada",
        "Renk kipi",
        "Şurada aç: Colab",
        "Oynat",
        "Duraklat",
        "Kodu göster",
        "Kodu gizle",
        "Bu kitapta ara…",
        "Göstermek için tıklayın",
        "Gizlemek için tıklayın",
    ],
}
# Whole-string prefixes of chrome: the author line and the copyright line.
CHROME_PREFIXES = {
    "en": ["By ", "© Copyright", "Exercise", "Solution to"],
    "tr": ["Yazarlar:", "© Telif", "Alıştırma", "Çözüm"],
}


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    driver_path = shutil.which("chromedriver")
    assert driver_path, "chromedriver not found: apt-get install chromium chromium-driver"
    options = webdriver.ChromeOptions()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1280,1000",
    ):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _open(browser, rel: str):
    browser.get((HTML / rel).as_uri())
    return browser


def _broken_images(browser) -> list[str]:
    return browser.execute_script(
        "return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )


def _local_targets(browser, selector: str) -> list[Path]:
    hrefs = browser.execute_script(f"return [...document.querySelectorAll({selector!r})].map(a => a.href)")
    out = []
    for href in hrefs:
        url = urlparse(href)
        if url.scheme == "file":
            out.append(Path(unquote(url.path)))
    return out


def test_every_page_exists_in_both_editions():
    for page in ALL_PAGES:
        assert (HTML / page).with_suffix(".html").is_file(), page
    tr = [p for p in PAGES if p.startswith("book/tr/")]
    en = [p for p in PAGES if p.startswith("book/en/")]
    assert len(tr) == len(en) >= 8


@pytest.mark.parametrize("page", ["book/index"] + ALL_PAGES)
def test_images_load_and_links_resolve(browser, page):
    _open(browser, page + ".html")
    assert browser.find_elements("css selector", "h1"), page
    assert _broken_images(browser) == [], page
    targets = _local_targets(browser, "nav.bd-links a, article a.reference.internal")
    assert targets, f"{page}: no TOC or internal links found"
    missing = [str(t) for t in targets if not t.is_file()]
    assert missing == [], f"{page}: links to missing pages {missing}"
    assert _remote_resources(browser) == [], f"{page}: loads resources from other hosts"


# A screen reader reads an image's alt text. myst-nb writes the image's file name there unless
# the cell describes its figure (metadata mystnb.image.alt); every chapter figure must.
STOP_WORDS = {
    "en": {"the", "and", "of", "a", "in", "on", "with", "is", "each", "from"},
    "tr": {"ve", "bir", "ile", "her", "için", "iki", "en", "gibi", "da", "de"},
}
TURKISH_LETTERS = set("çğıöşüÇĞİÖŞÜ")


def _in_language(text: str, lang: str) -> bool:
    """Whether ``text`` reads as ``lang``: one of its common words, or (Turkish) its letters."""
    words = set(re.findall(r"\w+", text.lower()))
    return bool(STOP_WORDS[lang] & words) or (lang == "tr" and bool(TURKISH_LETTERS & set(text)))


def _figures_alt(browser) -> list[str]:
    return browser.execute_script(
        "return [...document.querySelectorAll('article img')].map(i => i.getAttribute('alt') || '')"
    )


def _undescribed(alts: list[str], lang: str) -> list[str]:
    """Alt texts that are not a description in ``lang``: empty, a file name or path, or without
    a single common word of the language."""
    return [
        alt
        for alt in alts
        if not alt.strip()
        or re.search(r"(_images/|\.(png|jpe?g|svg|gif)\b|^[0-9a-f]{16,})", alt)
        or not _in_language(alt, lang)
    ]


def test_the_alt_text_check_can_fail():
    alts = ["_images/63e7a1.png", "", "63e7a1b2c3d4e5f60718", "sixteen digits drawn by the generator"]
    assert _undescribed(alts, "en") == alts[:3]
    assert _undescribed(["sixteen digits drawn by the generator"], "tr") == [
        "sixteen digits drawn by the generator"
    ]
    assert _undescribed(["Oyuncak GAN'in kayıp eğrileri"], "tr") == []


def _markdown_tables(page: str) -> int:
    """How many outputs of the page's notebook are Markdown tables (ganlib.fmt.Table)."""
    import nbformat

    nb = nbformat.read(next((ROOT / page).parent.glob(Path(page).name + ".ipynb")), as_version=4)
    return sum(
        "".join(out.get("data", {}).get("text/markdown", "")).startswith("| ")
        for cell in nb.cells
        for out in cell.get("outputs", [])
    )


@pytest.mark.parametrize("page", [p for p in PAGES if _markdown_tables(p)])
def test_results_tables_render_as_tables(browser, page):
    _open(browser, page + ".html")
    rendered = browser.execute_script("return document.querySelectorAll('div.cell_output table').length")
    assert rendered == _markdown_tables(page), page


@pytest.mark.parametrize("page", PAGES)
def test_every_figure_is_described_in_the_pages_language(browser, page):
    _open(browser, page + ".html")
    alts = _figures_alt(browser)
    assert _undescribed(alts, page.split("/")[1]) == [], page


def _remote_resources(browser) -> list[str]:
    """Scripts, styles, fonts and images the page loaded (or refers to) from another host."""
    return browser.execute_script(
        """
        const urls = performance.getEntriesByType("resource").map(r => r.name);
        const navigation = ["canonical", "prev", "next", "index", "search"];
        for (const el of document.querySelectorAll("script[src], link[href], img[src], iframe[src]"))
          if (el.tagName !== "LINK" || !navigation.includes(el.rel)) urls.push(el.src || el.href);
        return urls.filter(u => !u.startsWith("file:") && !u.startsWith("data:"));
        """
    )


@pytest.mark.parametrize("page", [p for p in PAGES])
def test_language_switch_points_to_the_counterpart(browser, page):
    _open(browser, page + ".html")
    other = "en" if "/tr/" in page else "tr"
    links = [t for t in _local_targets(browser, "article a") if f"/book/{other}/" in t.as_posix()]
    assert links, f"{page}: no link to the {other} version"
    mine, theirs = Path(page).name[:2], links[0].name[:2]
    assert theirs == mine and links[0].is_file(), f"{page}: language link goes to {links[0]}"


@pytest.mark.parametrize("page", ["book/tr/05-egitim", "book/en/05-training"])
def test_the_colab_button_opens_the_colab_edition(browser, page):
    """The 🚀 menu's Colab link opens the generated plain-Markdown copy (colab/<lang>/, make
    colab), not the MyST source that Colab would show raw."""
    _open(browser, page + ".html")
    hrefs = browser.execute_script(
        "return [...document.querySelectorAll('.dropdown-launch-buttons a')].map(a => a.href)"
    )
    colab = [h for h in hrefs if h.startswith("https://colab.research.google.com/github/")]
    lang, name = Path(page).parent.name, Path(page).name
    assert len(colab) == 1, hrefs
    assert colab[0].endswith(f"/blob/main/colab/{lang}/{name}.ipynb"), colab[0]
    assert (ROOT / "colab" / lang / f"{name}.ipynb").is_file()


def test_screenshots(browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for rel, name in (
        ("book/index.html", "index"),
        ("book/tr/05-egitim.html", "tr-05"),
        ("book/en/05-training.html", "en-05"),
        ("book/en/06-sampling.html", "en-06"),
    ):
        _open(browser, rel)
        path = SHOTS / f"{name}.png"
        assert browser.save_screenshot(str(path))
        assert path.stat().st_size > 10_000


@pytest.mark.parametrize("page", [p for p in PAGES if p[8:10] >= "01"])
def test_exercises_are_labelled_in_the_page_language_with_solutions_collapsed(browser, page):
    _open(browser, page + ".html")
    titles = browser.execute_script(
        "return [...document.querySelectorAll('.exercise .admonition-title')].map(e => e.textContent)"
    )
    assert len(titles) >= 2, f"{page}: expected at least two exercises"
    word = "Alıştırma" if "/tr/" in page else "Exercise"
    assert all(t.strip().startswith(word) for t in titles), titles
    # sphinx-togglebutton collapses `:class: dropdown` solutions: only the title has height.
    solutions = browser.execute_script(
        "return [...document.querySelectorAll('div.solution')]"
        ".map(e => [e.classList.contains('toggle-hidden'), [...e.children]"
        ".filter(c => !c.classList.contains('admonition-title')).map(c => c.offsetHeight)])"
    )
    assert solutions, f"{page}: no solutions"
    assert all(hidden and max(heights, default=0) == 0 for hidden, heights in solutions), solutions


def _chrome_strings(browser) -> list[str]:
    """What the reader sees of the page's chrome once its scripts have run: text outside the
    article, exercise and toggle labels, and every tooltip, ARIA label and placeholder."""
    return browser.execute_script(
        """
        const out = [];
        const article = document.querySelector("article");
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const node = walker.currentNode, el = node.parentElement;
          if (!el || el.closest("script, style, noscript")) continue;
          const inside = article && article.contains(el);
          if (inside && !el.closest(".admonition-title, summary, .toggle-button, button, .anim-buttons"))
            continue;
          const text = node.textContent.trim();
          if (text) out.push(text);
        }
        for (const el of document.querySelectorAll("[title], [aria-label], [placeholder], [data-tooltip]")) {
          if (el.closest("a.reference.internal[title]") && el.matches("a")) continue;  // citations
          for (const a of ["title", "aria-label", "placeholder", "data-tooltip"]) {
            const v = el.getAttribute(a);
            if (v && v.trim()) out.push(v.trim());
          }
        }
        for (const t of document.querySelectorAll("svg title")) out.push(t.textContent.trim());
        return out;
        """
    )


@pytest.mark.parametrize("page", PAGES + ["book/tr/sozluk", "book/en/glossary"])
def test_each_edition_speaks_its_own_language(browser, page):
    _open(browser, page + ".html")
    lang = page.split("/")[1]
    other = "en" if lang == "tr" else "tr"
    assert browser.execute_script("return document.documentElement.lang") == lang
    import time

    time.sleep(0.3)  # copy buttons and toggles are added after DOMContentLoaded
    seen = _chrome_strings(browser)
    foreign = sorted({s for s in seen if s in CHROME[other]})
    foreign += sorted({s for s in seen if any(s.startswith(p) for p in CHROME_PREFIXES[other])})
    assert foreign == [], f"{page}: chrome of the other edition: {foreign}"
    mine = set(seen)
    assert any(s in mine for s in CHROME[lang]), f"{page}: none of its own chrome found"


@pytest.mark.parametrize("page", [p for p in PAGES if p.startswith("book/tr/")])
def test_turkish_outputs_have_no_english_thousands_separators(browser, page):
    """Unambiguous English numbers only (1,467,137 or 1,234.5): a single group such as 0,488 is
    a Turkish decimal. tests/test_notebooks.py compares each output with its English twin."""
    _open(browser, page + ".html")
    text = browser.execute_script(
        "return [...document.querySelectorAll('.cell_output')].map(e => e.innerText).join('\\n')"
    )
    keras_tables = re.compile(r"params|[│┃┏┡└]")
    english = re.compile(r"\b\d{1,3}(,\d{3}){2,}\b|\b\d{1,3},\d{3}\.\d")
    bad = [ln for ln in text.splitlines() if english.search(ln) and not keras_tables.search(ln)]
    assert bad == [], f"{page}: English thousands separators in outputs: {bad[:5]}"


@pytest.mark.parametrize("page", ["book/tr/01-kalpazan-ve-polis", "book/en/01-counterfeiter-and-police"])
def test_formulas_render_offline_from_local_files(browser, page):
    """MathJax comes from the book's _static folder and typesets every formula (no network here)."""
    _open(browser, page + ".html")
    import time

    for _ in range(100):
        done = browser.execute_script(
            "return !!(window.MathJax && MathJax.startup && MathJax.startup.promise && "
            "document.querySelectorAll('mjx-container').length)"
        )
        if done:
            break
        time.sleep(0.1)
    rendered = browser.execute_script("return document.querySelectorAll('article mjx-container').length")
    assert rendered >= 5, f"{page}: MathJax rendered {rendered} formulas"
    visible = browser.execute_script("return document.querySelector('article').innerText")
    assert "\\(" not in visible and "\\[" not in visible, f"{page}: raw TeX left in the page"
    remote = _remote_resources(browser)
    assert remote == [], f"{page}: requests to other hosts: {remote}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    formula = browser.find_elements("css selector", "article mjx-container[display='true']")
    assert formula, f"{page}: no displayed formula"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", formula[0])
    assert browser.save_screenshot(str(SHOTS / f"{page.split('/')[1]}-01-value-function.png"))


@pytest.mark.parametrize("lang, query", [("tr", "ayırtaçlar"), ("en", "discriminators")])
def test_search_finds_inflected_words_in_its_own_edition(browser, lang, query):
    """Each edition's search uses its language's stemmer and stays inside that edition."""
    browser.get((HTML / "book" / lang / "search.html").as_uri() + f"?q={query}")
    import time

    for _ in range(100):  # results appear one by one; the summary line comes when all are in
        summary = browser.execute_script(
            "const s = document.querySelector('#search-results .search-summary'); return s ? s.innerText : ''"
        )
        if any(ch.isdigit() for ch in summary):
            break
        time.sleep(0.1)
    hits = browser.execute_script(
        "return [...document.querySelectorAll('#search-results li a')].map(a => a.href)"
    )
    assert summary, f"{lang}: the search did not finish, or its summary line is empty"
    assert len(hits) >= 3, f"{lang}: {query!r} found {hits}"
    assert all(f"/book/{lang}/" in h for h in hits), hits
    assert browser.execute_script("return document.documentElement.lang") == lang
