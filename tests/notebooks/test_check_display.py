"""A failed check, run in a real Jupyter kernel, shows the checker's message in the page's
language and nothing else (ExerciseError._render_traceback_): no frames of ganlib, none of the
checker's reference lines, no paths. The cell still fails, so "Run all" and nbval stop there."""

import nbclient
import nbformat
import pytest

SETUP = "import ganlib\nganlib.set_language({lang!r})\nfrom ganlib import exercises\n"


def run(*sources: str) -> list:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nbclient.NotebookClient(nb, allow_errors=True, kernel_name="python3", timeout=120).execute()
    return [cell.outputs for cell in nb.cells]


@pytest.mark.parametrize(
    ("lang", "answer", "start"),
    [("tr", "0.5", "✗ Değil"), ("en", "0.5", "✗ Not"), ("tr", "None", "✗ Henüz")],
)
def test_a_failed_check_shows_one_line(lang, answer, start):
    outputs = run(SETUP.format(lang=lang), f"exercises.check_never_seen({answer})\n", "print('after')")
    errors = [o for o in outputs[1] if o.output_type == "error"]
    assert len(errors) == 1, outputs[1]  # the cell failed
    assert errors[0].traceback == [errors[0].evalue]  # one line: the message itself
    assert errors[0].evalue.startswith(start)
    assert "\n" not in errors[0].evalue and "ganlib/" not in errors[0].evalue
    assert not [o for o in outputs[1] if o.output_type == "stream" and o.name == "stdout"]


def test_other_errors_keep_their_traceback():
    outputs = run("1 / 0")
    (error,) = [o for o in outputs[0] if o.output_type == "error"]
    assert error.ename == "ZeroDivisionError" and len(error.traceback) > 1
