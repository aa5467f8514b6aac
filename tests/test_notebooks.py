"""Both languages run the same code; each chapter links to its counterpart; the Colab cell behaves."""

import io
import json
import re
import sys
import tokenize
import types
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
TR = sorted((ROOT / "book" / "tr").glob("*.ipynb"))
EN = sorted((ROOT / "book" / "en").glob("*.ipynb"))
DROP = {
    tokenize.COMMENT,
    tokenize.STRING,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}
# Python ≥ 3.12 splits f-strings into tokens: drop their literal parts, keep the expressions.
DROP |= {
    getattr(tokenize, n) for n in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END") if hasattr(tokenize, n)
}


def code_tokens(source: str) -> list[str]:
    """The program without comments and string literals, as a token list."""
    lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    toks = tokenize.generate_tokens(io.StringIO("\n".join(lines) + "\n").readline)
    return [t.string for t in toks if t.type not in DROP]


def code_cells(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


def first_difference(tr: Path, en: Path) -> str | None:
    a, b = code_cells(tr), code_cells(en)
    for i, (x, y) in enumerate(zip(a, b)):
        if code_tokens(x) != code_tokens(y):
            return f"code cell {i + 1}: {tr.name} has\n{x}\n--- but {en.name} has\n{y}"
    if len(a) != len(b):
        return f"{tr.name} has {len(a)} code cells, {en.name} has {len(b)}"
    return None


def test_every_chapter_exists_in_both_languages():
    assert len(TR) == len(EN) >= 7
    assert [p.name[:3] for p in TR] == [p.name[:3] for p in EN]


@pytest.mark.parametrize("tr, en", list(zip(TR, EN)), ids=[p.name[:2] for p in TR])
def test_turkish_and_english_run_the_same_code(tr, en):
    diff = first_difference(tr, en)
    assert diff is None, diff


def test_parity_check_catches_a_changed_program(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1  # bir")])
    other = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 2  # one")])
    same = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1  # one")])
    for name, book in (("a.ipynb", nb), ("b.ipynb", other), ("c.ipynb", same)):
        nbformat.write(book, tmp_path / name)
    assert "code cell 1" in first_difference(tmp_path / "a.ipynb", tmp_path / "b.ipynb")
    assert first_difference(tmp_path / "a.ipynb", tmp_path / "c.ipynb") is None
    assert code_tokens('show(x, title="Örnek")  # tr') == code_tokens("show(x, title='Sample')")


def test_each_chapter_links_to_its_counterpart():
    for mine, other, lang in [(t, e, "en") for t, e in zip(TR, EN)] + [(e, t, "tr") for t, e in zip(TR, EN)]:
        head = nbformat.read(mine, as_version=4).cells[0].source
        assert f"](../{lang}/{other.name})" in head, mine.name


def _setup_source(path: Path) -> str:
    src = code_cells(path)[0]
    assert "google.colab" in src
    return src


def test_colab_cell_uses_the_repository_url_from_config():
    url = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"].rstrip("/")
    for path in TR + EN:
        assert f'GANLIB_URL = "git+{url}@main"' in _setup_source(path), path.name


def _run_setup(src: str, monkeypatch, colab: bool):
    calls = []
    import subprocess

    real_run = subprocess.run

    def run(cmd, **kw):  # record pip; anything else (TensorFlow's import asks the system) runs
        if "pip" not in cmd:
            return real_run(cmd, **kw)
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.delenv("GANLIB_MODE", raising=False)
    if colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    exec(compile(src, "setup-cell", "exec"), {})
    import os

    return calls, os.environ.get("GANLIB_MODE")


def test_colab_cell_installs_and_switches_to_gpu_only_on_colab(monkeypatch):
    src = _setup_source(EN[0])
    calls, mode = _run_setup(src, monkeypatch, colab=True)
    assert len(calls) == 1 and calls[0][1:4] == ["-m", "pip", "install"] and calls[0][-1].startswith("git+")
    assert mode == "gpu"
    calls, mode = _run_setup(src, monkeypatch, colab=False)
    assert calls == [] and mode is None


def test_notebooks_are_committed_with_outputs():
    for path in TR + EN:
        nb = json.loads(path.read_text())
        executed = [c for c in nb["cells"] if c["cell_type"] == "code" and c.get("execution_count")]
        assert executed, f"{path.name} has no outputs: run make outputs"


NUMBER = re.compile(r"(?<![\w.,=])\d+(?:[.,]\d+)+(?![\w])")
KERAS_TABLE = re.compile(r"params|[│┃┏┡└━]")
COMMAND = "python -m "  # a command line is code for the shell, not a number for the reader


def printed_numbers(cell) -> list[str]:
    """Numbers with a separator that a code cell printed for the reader (not Keras' tables)."""
    text = ""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            text += out.get("text", "")
        elif "text/plain" in out.get("data", {}):
            text += out["data"]["text/plain"]
    lines = [ln.split(COMMAND)[0] for ln in text.splitlines() if not KERAS_TABLE.search(ln)]
    return NUMBER.findall("\n".join(lines))


@pytest.mark.parametrize("tr, en", list(zip(TR, EN)), ids=[p.name[:2] for p in TR])
def test_turkish_outputs_print_turkish_numbers(tr, en):
    """Where the English twin of a cell prints 6,272 or 0.488, the Turkish cell must not print
    the same string: it should read 6.272 or 0,488 (ganlib.fmt)."""
    tr_cells = [c for c in nbformat.read(tr, as_version=4).cells if c.cell_type == "code"]
    en_cells = [c for c in nbformat.read(en, as_version=4).cells if c.cell_type == "code"]
    leaks = []
    for i, (a, b) in enumerate(zip(tr_cells, en_cells)):
        same = sorted(set(printed_numbers(a)) & set(printed_numbers(b)))
        if same:
            leaks.append(f"code cell {i + 1}: {same[:6]}")
    assert leaks == [], f"{tr.name} prints English-formatted numbers:\n" + "\n".join(leaks)


def test_the_number_check_can_fail():
    cell = nbformat.v4.new_code_cell("print(x)")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="6,272 weights, p = 0.488\n")]
    assert printed_numbers(cell) == ["6,272", "0.488"]
    command = "Command: python -m ganlib train --ema 0.999\n"
    cell.outputs.append(nbformat.v4.new_output("stream", name="stdout", text=command))
    assert printed_numbers(cell) == ["6,272", "0.488"]  # a command line is left alone


def language_problems(path: Path) -> list[str]:
    """A notebook says its language once: ``ganlib.set_language("<its edition>")`` in its first
    code cell, and no call anywhere else names a language (``lang=…``, or "tr"/"en" passed)."""
    import ast

    want, found = path.parent.name, []
    cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    for i, cell in enumerate(cells):
        lines = [ln for ln in cell.source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            langs = [a for a in node.args if isinstance(a, ast.Constant) and a.value in ("tr", "en")]
            if name == "set_language":
                said = [ast.unparse(a) for a in node.args] + [ast.unparse(k) for k in node.keywords]
                if i != 0 or node.keywords or [a.value for a in langs] != [want]:
                    found.append(f"code cell {i}: set_language({', '.join(said)})")
                continue
            if any(k.arg == "lang" for k in node.keywords) or langs:
                found.append(f"code cell {i}: {name}(…) names a language")
    if not cells or f'ganlib.set_language("{want}")' not in cells[0].source:
        found.append(f'the first code cell does not call ganlib.set_language("{want}")')
    return found


@pytest.mark.parametrize("path", TR + EN, ids=lambda p: f"{p.parent.name}-{p.stem[:2]}")
def test_a_notebook_says_its_language_once(path):
    assert language_problems(path) == []


def test_the_language_check_can_fail(tmp_path):
    page = tmp_path / "tr" / "01-x.ipynb"
    page.parent.mkdir()
    cells = [
        'import ganlib\nganlib.set_language("en")',
        'fmt.number(0.5, "en")',
        'plotting.animate_grids(g, lang="tr")',
        "fmt.number(0.5, 2)",
        'ganlib.set_language("tr")',
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), page)
    assert language_problems(page) == [
        "code cell 0: set_language('en')",
        "code cell 1: number(…) names a language",
        "code cell 2: animate_grids(…) names a language",
        "code cell 4: set_language('tr')",
        'the first code cell does not call ganlib.set_language("tr")',
    ]


# A cell that draws with matplotlib writes numbers on its axes; on a Turkish page they must read
# 0,5 and 1.500. Such a cell localizes its figure (plotting.localize), sets its own formatters,
# or draws through a ganlib function told the page's language.
DRAWS = re.compile(
    r"\b(plt|ax\w*|axes\[[^\]]*\]|row\[[^\]]*\]|twin)\.(plot|bar|barh|hist|scatter|fill_between|step|errorbar)\("
)
LOCALIZED = ("localize(", "set_major_formatter(", "lang=", "format=")


def unlocalized_figures(path: Path) -> list[int]:
    nb = nbformat.read(path, as_version=4)
    return [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        and DRAWS.search(cell.source)
        and not any(k in cell.source for k in LOCALIZED)
    ]


@pytest.mark.parametrize("path", TR + EN, ids=lambda p: f"{p.parent.name}-{p.stem[:2]}")
def test_figures_write_their_axes_numbers_in_the_pages_language(path):
    assert unlocalized_figures(path) == [], f"{path.name}: cells that draw without localizing their axes"


def test_the_figure_check_can_fail(tmp_path):
    page = tmp_path / "x.ipynb"
    cells = ["plt.plot(x, y)\nplt.show()", "ax.bar(k, v)\nplotting.localize(fig, 'tr')", "show_grid(images)"]
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), page)
    assert unlocalized_figures(page) == [0]


# What a reader sees is teaching code. A student reads the code in JupyterLab or on Colab, where
# only a folded cell (jupyter.source_hidden, a Colab form) stays out of sight, whatever the HTML
# book does with it; every other code cell is teaching code, with no bookkeeping in it.
WIDEST = 88  # characters: a wider line scrolls sideways in the HTML book


def is_visible(cell) -> bool:
    meta = cell.get("metadata", {})
    return cell.cell_type == "code" and not (
        meta.get("jupyter", {}).get("source_hidden") and meta.get("cellView") == "form"
    )


def bookkeeping(path: Path) -> list[str]:
    """Lines of the cells a reader sees that are not teaching code: assertions, glue calls, and
    lines wider than WIDEST."""
    import ast

    found = []
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type != "code":
            continue
        lines = [ln for ln in cell.source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
        kept = []
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.Assert):
                kept.append(f"cell {i}, line {node.lineno}: assert")
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "glue"
            ):
                kept.append(f"cell {i}, line {node.lineno}: glue")
        if is_visible(cell):
            found += kept
            found += [
                f"cell {i}, line {n}: {len(ln)} characters"
                for n, ln in enumerate(lines, 1)
                if len(ln) > WIDEST
            ]
        elif kept and not is_bookkeeping_cell(cell):
            found.append(
                f"cell {i}: asserts or glues, but is not hidden in the book, JupyterLab and Colab alike"
            )
    return found


def is_bookkeeping_cell(cell) -> bool:
    """Hidden wherever a reader meets the notebook: removed from the HTML book (or a solution,
    folded there), folded in JupyterLab, a titled form on Colab."""
    meta, tags = cell.get("metadata", {}), set(cell.get("metadata", {}).get("tags", []))
    return (
        bool(tags & {"remove-cell", "solution"})
        and bool(meta.get("jupyter", {}).get("source_hidden"))
        and meta.get("cellView") == "form"
        and cell.source.startswith(("#@title", "# @title"))  # Colab reads both; ruff format writes the second
    )


@pytest.mark.parametrize("path", TR + EN, ids=lambda p: f"{p.parent.name}-{p.stem[:2]}")
def test_visible_cells_are_teaching_code(path):
    assert bookkeeping(path) == []


def test_the_teaching_code_check_can_fail(tmp_path):
    page = tmp_path / "x.ipynb"
    cells = [
        nbformat.v4.new_code_cell("x = 1\nassert x == 1"),
        nbformat.v4.new_code_cell('fmt.glue("x", "1")\ny = "' + "a" * 90 + '"'),
        nbformat.v4.new_code_cell("assert x == 1", metadata={"tags": ["remove-cell"]}),
        nbformat.v4.new_code_cell("assert x == 1", metadata={"jupyter": {"source_hidden": True}}),
        nbformat.v4.new_code_cell(
            "#@title (checks)\nassert x == 1",
            metadata={"tags": ["remove-cell"], "jupyter": {"source_hidden": True}, "cellView": "form"},
        ),
        nbformat.v4.new_code_cell(
            "#@title (checks)\nassert x == 1",
            metadata={"jupyter": {"source_hidden": True}, "cellView": "form"},
        ),
    ]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), page)
    assert bookkeeping(page) == [
        "cell 0, line 2: assert",
        "cell 1, line 1: glue",
        "cell 1, line 2: 96 characters",
        "cell 2, line 1: assert",  # removed from the HTML book, but not folded in JupyterLab
        "cell 3, line 1: assert",  # folded in JupyterLab, but no Colab form
        "cell 5: asserts or glues, but is not hidden in the book, JupyterLab and Colab alike",
    ]


def undescribed_figures(path: Path) -> list[str]:
    """Code cells with an image output but no alt text of their own (mystnb.image.alt), or one
    that reads like a file name."""
    found = []
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        if cell.cell_type != "code" or "remove-output" in cell.metadata.get("tags", []):
            continue
        if not any("image/png" in out.get("data", {}) for out in cell.get("outputs", [])):
            continue
        alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
        if len(alt.split()) < 4 or re.search(r"\.(png|jpe?g|svg)\b", alt):
            found.append(f"cell {i}: alt {alt!r}")
    return found


@pytest.mark.parametrize("path", TR + EN, ids=lambda p: f"{p.parent.name}-{p.stem[:2]}")
def test_every_figure_is_described(path):
    assert undescribed_figures(path) == []


def comment_lines(path: Path) -> list[str]:
    """Markdown lines that MyST reads as comments and drops from the page: those starting with
    "%" (a Turkish percentage, "%7–13", wrapped to the start of a line)."""
    cells = nbformat.read(path, as_version=4).cells
    return [
        f"cell {i}: {line.strip()!r}"
        for i, cell in enumerate(cells)
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.lstrip().startswith("%")
    ]


@pytest.mark.parametrize("path", TR + EN, ids=lambda p: f"{p.parent.name}-{p.stem[:2]}")
def test_no_prose_line_is_lost_as_a_comment(path):
    assert comment_lines(path) == []


def test_the_comment_check_can_fail(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("her rakamın payı\n  %7–13 arasında")]
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    assert comment_lines(path) == ["cell 0: '%7–13 arasında'"]
