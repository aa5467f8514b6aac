"""The student edition (make student): solutions gone, stubs and checks in place, no outputs.
How a student's run of a chapter behaves is tested on the committed notebooks themselves, in
test_as_a_student.py."""

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from student_edition import student_copy, write_edition  # noqa: E402

TEACHER = sorted((ROOT / "book" / "tr").glob("*.ipynb")) + sorted((ROOT / "book" / "en").glob("*.ipynb"))


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    write_edition(out)
    return out


@pytest.mark.parametrize("path", TEACHER, ids=[p.stem for p in TEACHER])
def test_no_solution_leaks_and_stubs_stay(path, edition):
    teacher = nbformat.read(path, as_version=4)
    student = nbformat.read(edition / path.parent.name / path.name, as_version=4)
    text = "\n".join(c.source for c in student.cells)
    assert not any("solution" in tags(c) for c in student.cells)
    assert "{solution" not in text and "solution-start" not in text
    for cell in teacher.cells:
        if "solution" in tags(cell) and cell.cell_type == "code":
            body = "\n".join(
                ln for ln in cell.source.splitlines() if ln.strip() and not ln.strip().startswith("#")
            )
            assert body not in text, f"solution code leaked into the student copy of {path.name}"
    stubs = [c for c in student.cells if "exercise" in tags(c)]
    assert len(stubs) == len([c for c in teacher.cells if "exercise" in tags(c)])
    assert all("✏️" in c.source for c in stubs)
    assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")


def test_student_copy_keeps_everything_but_solutions():
    cells = [
        nbformat.v4.new_markdown_cell("a"),
        nbformat.v4.new_code_cell("b"),
        nbformat.v4.new_code_cell("c"),
    ]
    cells[1].metadata["tags"] = ["solution"]
    cells[2].metadata["tags"] = ["exercise"]
    out = student_copy(nbformat.v4.new_notebook(cells=cells))
    assert [c.source for c in out.cells] == ["a", "c"]
