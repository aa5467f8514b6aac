"""Work through a chapter as a student does, in the notebook the book's launch buttons open (the
Colab edition, colab/<lang>/, generated from book/<lang>/ by make colab): run the cells in order
up to the chapter's first code exercise, answer it wrongly, and the check must report that
answer; paste the solution in instead, and the check says ✓.

Each chapter is worked through in one edition, Turkish and English in turn (01 in Turkish, 02 in
English, …): both editions run the same code (tests/test_notebooks.py compares it token by
token), and nbval has already run every cell of both, so the other edition would repeat the same
kernel work in another language. The checkers' messages in both languages are tested directly
in tests/test_exercises_chNN.py.

Every code exercise needs a wrong answer in wrong_answers/<label>.py (a test checks it), so a
new exercise comes with a way to prove that its checker catches mistakes.
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "colab" / "tr").glob("*.ipynb")) + sorted((ROOT / "colab" / "en").glob("*.ipynb"))

# A plausible mistake for each code exercise, by label (without the language prefix).
# A plausible mistake for each code exercise: wrong_answers/<label>.py, pasted into the stub.
WRONG = {path.stem: path.read_text() for path in (Path(__file__).parent / "wrong_answers").glob("*.py")}


# What the checking core says to an answer it could not test (ganlib/exercises/_core.py), in
# both languages: a wrong answer must get a message about itself instead.
UNANSWERED = ("hücreyi doldurup", "gövdesini doldurun", "fill in the marked cell", "fill in its body")


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def code_exercises(nb) -> list[tuple[str, int, int, int]]:
    """(label, stub index, check index, solution index) for each code exercise, in order."""
    found = []
    for i, cell in enumerate(nb.cells):
        if "exercise" not in tags(cell) or cell.cell_type != "code":
            continue
        # the exercise's heading, just above its stub, carries its label as an anchor
        label = re.search(r'<a id="(?:tr|en)-([^"]+)"></a>', nb.cells[i - 1].source).group(1)
        check = next(j for j in range(i + 1, len(nb.cells)) if "check" in tags(nb.cells[j]))
        solution = next(
            j
            for j in range(i + 1, len(nb.cells))
            if "solution" in tags(nb.cells[j]) and nb.cells[j].cell_type == "code"
        )
        found.append((label, i, check, solution))
    return found


def solution_body(source: str, check_call: str) -> str:
    """The solution as a student would paste it: without the Colab title and the self-check."""
    lines = [ln for ln in source.splitlines() if not ln.startswith("#@title") and ln.strip() != check_call]
    return "\n".join(lines)


WITH_EXERCISES = [p for p in NOTEBOOKS if code_exercises(nbformat.read(p, as_version=4))]


def edition_to_work_through(path: Path) -> str:
    """Odd chapters in Turkish, even ones in English."""
    return "tr" if int(path.stem[:2]) % 2 else "en"


WORKED = [p for p in WITH_EXERCISES if p.parent.name == edition_to_work_through(p)]


def test_every_code_exercise_has_a_wrong_answer_and_a_check_above_its_solution():
    labels = set()
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for label, stub, check, solution in code_exercises(nb):
            labels.add(label)
            assert stub < check < solution, f"{path.name} {label}: stub, check, then the solution"
            meta = nb.cells[solution].metadata
            assert meta.get("jupyter", {}).get("source_hidden") and meta.get("cellView") == "form", label
            assert nb.cells[solution].source.startswith("#@title"), label
            assert "raises-exception" in tags(nb.cells[check]), label
    assert labels == set(WRONG), f"missing: {labels - set(WRONG)}, stale: {set(WRONG) - labels}"
    assert len(WITH_EXERCISES) >= 14
    chapters = {p.stem[:2] for p in WITH_EXERCISES}
    assert {p.stem[:2] for p in WORKED} == chapters and len(WORKED) == len(chapters)
    assert {p.parent.name for p in WORKED} == {"tr", "en"}


IDS = [f"{p.parent.name}-{p.stem[:2]}" for p in WORKED]


@pytest.mark.parametrize("path", WORKED, ids=IDS)
def test_a_wrong_answer_is_reported_and_the_solution_passes(path, monkeypatch):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    monkeypatch.setenv("GANLIB_FAST", "1")  # the kernel inherits this environment
    monkeypatch.setenv("GANLIB_DATA", "bundled")
    nb = nbformat.read(path, as_version=4)
    label, stub, check, solution = code_exercises(nb)[0]
    call = nb.cells[check].source.strip().splitlines()[-1]
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )

    def run(index: int, source: str | None = None) -> str:
        cell = nb.cells[index]
        if source is not None:
            cell.source = source
        try:
            client.execute_cell(cell, index)
        except CellExecutionError as err:
            return f"ERROR {err}"
        # a cell tagged raises-exception (a check) fails without stopping nbclient: its error output
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors:
            shown = "\n".join(re.sub(r"\x1b\[[0-9;]*m", "", ln) for ln in errors[0].traceback)
            return f"ERROR {errors[0].ename}: {errors[0].evalue}\nSHOWN {shown}"
        return "".join(o.get("text", "") for o in cell.outputs)

    with client.setup_kernel():
        for i in range(stub):  # "Run all", up to the first exercise
            if nb.cells[i].cell_type == "code":
                assert not run(i).startswith("ERROR"), f"{path.name}: cell {i} failed"
        run(stub, WRONG[label])
        wrong = run(check)
        wrong = re.sub(r"\x1b\[[0-9;]*m", "", wrong)  # the kernel colours its traceback
        assert wrong.startswith("ERROR") and "ExerciseError: ✗" in wrong, wrong
        said = wrong.rsplit("ExerciseError: ", 1)[-1].split("\nSHOWN ")[0]  # the checker's message
        # what Jupyter and Colab show under the cell: that message and nothing of the checker
        assert wrong.endswith(f"\nSHOWN {said}") and "Traceback" not in wrong, wrong
        assert not any(m in said for m in UNANSWERED), f"{label}: the answer was not tested: {said}"
        run(stub, solution_body(nb.cells[solution].source, call))
        right = run(check)
        assert not right.startswith("ERROR") and "✓" in right, right
