"""Write the student edition: every notebook with its solutions removed, stubs left in place.

    python tools/student_edition.py [--out _build/student]

Cells tagged ``solution`` (the collapsed solutions and their code) are dropped; cells tagged
``exercise`` (the stubs to fill in) and ``check`` (the checkers) stay, so a student who runs
a notebook gets feedback at the first exercise still to solve. Outputs are cleared.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]


def student_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without solution cells and without outputs."""
    out = nbformat.from_dict(nb)
    out.cells = [c for c in out.cells if "solution" not in c.get("metadata", {}).get("tags", [])]
    for cell in out.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return out


def write_edition(out_dir: Path) -> list[Path]:
    written = []
    for lang in ("tr", "en"):
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
