"""Write book/tr/*.ipynb and book/en/*.ipynb from tools/chapters/chNN.py, optionally executing them.

Each chapter file defines SLUG, TITLE (dicts with "tr"/"en") and CELLS, a list made with
``md(tr=..., en=...)`` and ``code(src)`` / ``code(tr=..., en=...)``. The builder adds a
title, the link to the other language and the Colab setup cell to the top of each
notebook, so those stay uniform.

    python tools/build_notebooks.py              # write notebooks, keeping outputs of unchanged code
    python tools/build_notebooks.py --execute    # write and run them (default CPU mode)
    python tools/build_notebooks.py --execute 03 # only chapter 03
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
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
    tags: tuple[str, ...] = ()


def md(tr: str, en: str | None = None, tags: tuple[str, ...] = ()) -> Cell:
    """A markdown cell; ``en`` defaults to ``tr`` (for directive-only cells)."""
    en = tr if en is None else en
    return Cell("markdown", tr.strip("\n"), en.strip("\n"), tuple(tags))


def code(
    src: str | None = None, *, tr: str | None = None, en: str | None = None, tags: tuple[str, ...] = ()
) -> Cell:
    """A code cell, the same in both languages (``src``) or differing in comments/strings."""
    if src is not None:
        return Cell("code", src.strip("\n"), src.strip("\n"), tuple(tags))
    return Cell("code", tr.strip("\n"), en.strip("\n"), tuple(tags))


def exercises_heading() -> Cell:
    """The heading and how-to paragraph that opens every chapter's exercises."""
    return md(
        tr="""## Alıştırmalar

Aşağıdaki hücrelerde ✏️ ile işaretli yerleri doldurun; hemen altındaki denetim hücresi cevabınızı
sınar ve neyin doğru, neyin yanlış olduğunu söyler. Çözümler kapalı kutulardadır: önce kendiniz
deneyin.""",
        en="""## Exercises

Fill in the places marked ✏️ in the cells below; the check cell right under each one tests your
answer and tells you what is right and what is wrong. Solutions are in collapsed boxes: try first.""",
    )


def exercise(
    label: str,
    title: dict,
    text: dict,
    stub: dict,
    solution: dict,
    check: str,
    solution_text: dict | None = None,
) -> list[Cell]:
    """A code exercise: statement, the student's cell (stub), a collapsed solution, a checker.

    ``label`` is made unique per language; ``check`` is the checker call with ``{lang}`` in
    place of the language, e.g. ``exercises.check_lerp(my_lerp, lang="{lang}")``. Cells of
    the solution carry the tag ``solution`` (the student edition drops them), the stub the
    tag ``exercise`` and the checker the tag ``check``.
    """
    cells = [
        md(
            tr=f"```{{exercise}} {title['tr']}\n:label: tr-{label}\n:nonumber:\n\n{text['tr'].strip()}\n```",
            en=f"```{{exercise}} {title['en']}\n:label: en-{label}\n:nonumber:\n\n{text['en'].strip()}\n```",
        ),
        code(tr=stub["tr"], en=stub["en"], tags=("exercise",)),
        md(
            tr=f"```{{solution-start}} tr-{label}\n:class: dropdown\n```" + _after(solution_text, "tr"),
            en=f"```{{solution-start}} en-{label}\n:class: dropdown\n```" + _after(solution_text, "en"),
            tags=("solution",),
        ),
        code(tr=solution["tr"], en=solution["en"], tags=("solution",)),
        md("```{solution-end}\n```", tags=("solution",)),
        code(tr=check.format(lang="tr"), en=check.format(lang="en"), tags=("check",)),
    ]
    return cells


def question(label: str, title: dict, text: dict, answer: dict) -> list[Cell]:
    """A question answered in prose: statement and a collapsed solution."""
    return [
        md(
            tr=f"```{{exercise}} {title['tr']}\n:label: tr-{label}\n:nonumber:\n\n{text['tr'].strip()}\n```",
            en=f"```{{exercise}} {title['en']}\n:label: en-{label}\n:nonumber:\n\n{text['en'].strip()}\n```",
        ),
        md(
            tr=f"````{{solution}} tr-{label}\n:class: dropdown\n\n{answer['tr'].strip()}\n````",
            en=f"````{{solution}} en-{label}\n:class: dropdown\n\n{answer['en'].strip()}\n````",
            tags=("solution",),
        ),
    ]


def _after(text: dict | None, lang: str) -> str:
    return "" if not text else "\n\n" + text[lang].strip()


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
    "tr": "**EN** · *This chapter in English:* [{title}](../en/{slug}.ipynb)",
    "en": "**TR** · *Bu bölüm Türkçe:* [{title}](../tr/{slug}.ipynb)",
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
    cells[1].metadata["tags"] = ["hide-input"]  # the book shows it collapsed
    for cell in chapter.CELLS:
        text = getattr(cell, lang)
        new = nbformat.v4.new_markdown_cell if cell.kind == "markdown" else nbformat.v4.new_code_cell
        cells.append(new(text))
        if cell.tags:
            cells[-1].metadata["tags"] = list(cell.tags)
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


CARRIAGE_RETURN = re.compile(r"[^\n]*\r(?=[^\n])")


def tidy_streams(nb: nbformat.NotebookNode) -> None:
    """Merge consecutive stream outputs and keep only the last state of each progress-bar
    line (the HTML book would otherwise show every ``\\r`` update as its own line)."""
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        merged = []
        for out in cell.outputs:
            if (
                out.output_type == "stream"
                and merged
                and merged[-1].output_type == "stream"
                and merged[-1].name == out.name
            ):
                merged[-1].text += out.text
            else:
                merged.append(out)
        for out in merged:
            if out.output_type == "stream":
                out.text = CARRIAGE_RETURN.sub("", out.text)
        cell.outputs = merged


def keep_outputs(nb: nbformat.NotebookNode, old: nbformat.NotebookNode) -> None:
    """Carry outputs over from the previous notebook for code cells whose source is unchanged
    (so a prose-only edit needs no re-execution)."""
    before = {c.source: c for c in old.cells if c.cell_type == "code"}
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source in before:
            cell.outputs = before[cell.source].outputs
            cell.execution_count = before[cell.source].execution_count


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
            if not args.execute and out.is_file():
                keep_outputs(nb, nbformat.read(out, as_version=4))
            if args.execute:
                start = time.time()
                execute(nb, out.parent)
                tidy_streams(nb)
                print(f"{out.relative_to(ROOT)}: executed in {time.time() - start:.0f} s", flush=True)
            nbformat.write(nb, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
