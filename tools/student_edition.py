"""Write the student edition: every chapter notebook without its solutions or outputs.

    python tools/student_edition.py [--out _build/student]

nbconvert does the work: ``TagRemovePreprocessor`` drops the cells tagged ``solution`` (the
collapsed solutions and their code) and ``ClearOutputPreprocessor`` the outputs. Cells tagged
``exercise`` (the stubs to fill in) and ``check`` (the checkers) stay, so a student who runs
a notebook gets feedback at the first exercise still to solve.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter
from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("tr", "en")


def student_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without solution cells and without outputs."""
    remove = TagRemovePreprocessor(remove_cell_tags=("solution",))
    exporter = NotebookExporter(preprocessors=[remove, ClearOutputPreprocessor()])
    body, _ = exporter.from_notebook_node(nb)
    return nbformat.reads(body, as_version=4)


def write_edition(out_dir: Path) -> list[Path]:
    written = []
    for lang in EDITIONS:
        for path in sorted((ROOT / "book" / lang).glob("*.ipynb")):
            target = out_dir / lang / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(student_copy(nbformat.read(path, as_version=4)), target)
            written.append(target)
    return written


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", type=Path, default=ROOT / "_build" / "student")
    args = p.parse_args(argv)
    written = write_edition(args.out)
    print(f"student edition: {len(written)} notebooks in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
