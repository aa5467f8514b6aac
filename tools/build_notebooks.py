"""Write book/tr/*.ipynb and book/en/*.ipynb from tools/chapters/chNN.py, optionally executing them.

Each chapter file defines SLUG, TITLE (dicts with "tr"/"en") and CELLS, a list made with
``md(tr=..., en=...)`` and ``code(src)`` / ``code(tr=..., en=...)``. The builder adds a
title, the link to the other language and the Colab setup cell to the top of each
notebook, so those stay uniform.

    python tools/build_notebooks.py              # write notebooks (no outputs)
    python tools/build_notebooks.py --execute    # write and run them (default CPU mode)
    python tools/build_notebooks.py --execute 03 # only chapter 03
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "tools" / "chapters"
LANGS = ("tr", "en")


@dataclass
class Cell:
    kind: str
    tr: str
    en: str


def md(tr: str, en: str) -> Cell:
    return Cell("markdown", tr.strip("\n"), en.strip("\n"))


def code(src: str | None = None, *, tr: str | None = None, en: str | None = None) -> Cell:
    if src is not None:
        return Cell("code", src.strip("\n"), src.strip("\n"))
    return Cell("code", tr.strip("\n"), en.strip("\n"))


def repository_url() -> str:
    """The one place the repository URL lives: _config.yml's repository.url."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    return config["repository"]["url"].rstrip("/")


SETUP = {
    "tr": "# Colab'de: ganlib'i kur ve özgün yazının GPU ayarlarını kullan. Başka yerde hiçbir şey yapmaz.",
    "en": "# On Colab: install ganlib and use the original post's GPU settings. Does nothing elsewhere.",
}


def setup_cell(lang: str) -> str:
    return f"""{SETUP[lang]}
import os
import subprocess
import sys

GANLIB_URL = "git+{repository_url()}@main"
if "google.colab" in sys.modules:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", GANLIB_URL], check=True)
    os.environ.setdefault("GANLIB_MODE", "gpu")"""


SWITCH = {
    "tr": "🇬🇧 *This chapter in English:* [{title}](../en/{slug}.ipynb)",
    "en": "🇹🇷 *Bu bölüm Türkçe:* [{title}](../tr/{slug}.ipynb)",
}


def load_chapter(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_notebooks", sys.modules[__name__])
    spec.loader.exec_module(module)
    return module


def notebook(chapter, lang: str) -> nbformat.NotebookNode:
    other = "en" if lang == "tr" else "tr"
    head = f"# {chapter.TITLE[lang]}\n\n" + SWITCH[lang].format(
        title=chapter.TITLE[other], slug=chapter.SLUG[other]
    )
    cells = [nbformat.v4.new_markdown_cell(head), nbformat.v4.new_code_cell(setup_cell(lang))]
    for cell in chapter.CELLS:
        text = getattr(cell, lang)
        if cell.kind == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            cells.append(nbformat.v4.new_code_cell(text))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, c in enumerate(nb.cells):
        c["id"] = f"{lang}-{chapter.SLUG[lang][:2]}-{i:02d}"
    return nb


def execute(nb: nbformat.NotebookNode, cwd: Path) -> None:
    from nbclient import NotebookClient

    NotebookClient(
        nb, timeout=1800, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    ).execute()


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--execute", action="store_true", help="run each notebook and keep its outputs")
    p.add_argument("only", nargs="*", help="chapter numbers, e.g. 03 05")
    args = p.parse_args(argv)
    os.environ.setdefault("GANLIB_DATA", "bundled")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    for path in sorted(CHAPTERS.glob("ch*.py")):
        if args.only and path.stem[2:4] not in args.only:
            continue
        chapter = load_chapter(path)
        for lang in LANGS:
            out = ROOT / "book" / lang / f"{chapter.SLUG[lang]}.ipynb"
            out.parent.mkdir(parents=True, exist_ok=True)
            nb = notebook(chapter, lang)
            if args.execute:
                start = time.time()
                execute(nb, out.parent)
                print(f"{out.relative_to(ROOT)}: executed in {time.time() - start:.0f} s", flush=True)
            nbformat.write(nb, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
