"""Open the built book in headless Chromium: pages exist, images load, links resolve.

Needs `make book` first (the Makefile's `browser` target does it) and Debian's chromium +
chromium-driver. Screenshots are written to _build/screenshots/.
"""

import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
PAGES = [c["file"] for part in TOC["parts"][:2] for c in part["chapters"]]


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


def test_every_chapter_page_exists_in_both_languages():
    for page in PAGES:
        assert (HTML / page).with_suffix(".html").is_file(), page
    tr = [p for p in PAGES if p.startswith("book/tr/")]
    en = [p for p in PAGES if p.startswith("book/en/")]
    assert len(tr) == len(en) >= 7


@pytest.mark.parametrize("page", ["book/index"] + PAGES)
def test_images_load_and_links_resolve(browser, page):
    _open(browser, page + ".html")
    assert browser.find_elements("css selector", "h1"), page
    assert _broken_images(browser) == [], page
    targets = _local_targets(browser, "nav.bd-links a, article a.reference.internal")
    assert targets, f"{page}: no TOC or internal links found"
    missing = [str(t) for t in targets if not t.is_file()]
    assert missing == [], f"{page}: links to missing pages {missing}"


@pytest.mark.parametrize("page", [p for p in PAGES])
def test_language_switch_points_to_the_counterpart(browser, page):
    _open(browser, page + ".html")
    other = "en" if "/tr/" in page else "tr"
    links = [t for t in _local_targets(browser, "article a") if f"/book/{other}/" in t.as_posix()]
    assert links, f"{page}: no link to the {other} version"
    mine, theirs = Path(page).name[:2], links[0].name[:2]
    assert theirs == mine and links[0].is_file(), f"{page}: language link goes to {links[0]}"


def test_screenshots(browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for rel, name in (
        ("book/index.html", "index"),
        ("book/tr/05-egitim.html", "tr-05"),
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
