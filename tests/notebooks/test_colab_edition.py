"""The Colab edition (make colab): colab/<lang>/*.ipynb, the notebooks the book's launch buttons
open, generated from book/<lang>/*.ipynb by tools/colab_edition.py. They are current, plain
CommonMark, and give nothing away: no stored solution or check outputs, no traceback through
ganlib, no paths of the machine the outputs were made on. No kernel runs here."""

import ast
import builtins
import json
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from colab_edition import (  # noqa: E402
    EDITIONS,
    Bibliography,
    ConversionError,
    Edition,
    Page,
    colab_copy,
    convert_markdown,
    write_edition,
)

SOURCES = [p for lang in EDITIONS for p in sorted((ROOT / "book" / lang).glob("*.ipynb"))]
COPIES = [ROOT / "colab" / p.relative_to(ROOT / "book") for p in SOURCES]
IDS = [f"{p.parent.name}-{p.stem[:2]}" for p in SOURCES]
COLAB = "https://colab.research.google.com/github/gan-course/uretici-hasimsal-aglar/blob/main/colab"
GITHUB = "https://github.com/gan-course/uretici-hasimsal-aglar/blob/main"

# MyST that Colab and a plain Jupyter show as raw text.
MYST = {
    "role": re.compile(r"\{[\w:+.-]+\}`"),
    "directive": re.compile(r"^\s*(?:`{3,}|:{3,})\s*\{", re.M),
    "target": re.compile(r"^\([^)\s]+\)=\s*$", re.M),
    "option line": re.compile(r"^\s*:[\w-]+:(?:\s|$)", re.M),
    "equation label": re.compile(r"\$\$\s*\([^)\s]+\)\s*$", re.M),
}
# What no stored output may show: frames of ganlib's code, tracebacks, paths of a machine.
LEAKS = re.compile(r"ganlib/\S*\.py|File \"|Traceback|/work/|/home/|/tmp/|site-packages")


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def output_text(output) -> str:
    """The text of an output (images are base64 and can spell anything)."""
    parts = [output.get("text", ""), output.get("ename", ""), output.get("evalue", "")]
    parts += output.get("traceback", [])
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") or mime.endswith("json") or mime.endswith("+xml"):
            parts.append(value if isinstance(value, str) else json.dumps(value))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    out = tmp_path_factory.mktemp("colab")
    write_edition(out)
    return out


def test_committed_copies_are_current(fresh):
    committed = sorted(p.relative_to(ROOT / "colab").as_posix() for p in (ROOT / "colab").glob("*/*.ipynb"))
    generated = sorted(p.relative_to(fresh).as_posix() for p in fresh.glob("*/*.ipynb"))
    assert committed == generated, "colab/ does not list the chapters of book/: run make colab"
    stale = [f for f in generated if (fresh / f).read_bytes() != (ROOT / "colab" / f).read_bytes()]
    assert not stale, f"colab/ is stale ({', '.join(stale)}): run make colab"


@pytest.mark.parametrize("path", COPIES, ids=IDS)
def test_markdown_is_plain_commonmark(path):
    nb = nbformat.read(path, as_version=4)
    found = [
        f"cell {i} ({name}): {m.group(0)!r}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        for name, pattern in MYST.items()
        for m in pattern.finditer(cell.source)
    ]
    assert not found, found


@pytest.mark.parametrize("path", COPIES, ids=IDS)
def test_no_stored_outputs_give_anything_away(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if {"solution", "check"} & set(tags(cell)):
            assert not cell.outputs, f"cell {i} ({tags(cell)}) has stored outputs"
        for output in cell.outputs:
            assert "scrapbook" not in output.get("metadata", {}), f"cell {i}: a glue output"
            leak = LEAKS.search(output_text(output))
            assert not leak, f"cell {i}: {leak.group(0)!r} in a stored output"


@pytest.mark.parametrize("path", COPIES, ids=IDS)
def test_the_copy_keeps_the_exercises_and_the_source_path(path):
    source = nbformat.read(ROOT / "book" / path.relative_to(ROOT / "colab"), as_version=4)
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["generated_from"] == f"book/{path.parent.name}/{path.name}"
    for tag in ("exercise", "check"):
        want = [c.source for c in source.cells if tag in tags(c)]
        assert [c.source for c in nb.cells if tag in tags(c)] == want, tag
    solutions = [c for c in nb.cells if "solution" in tags(c) and c.cell_type == "code"]
    assert all(c.metadata.get("cellView") == "form" and c.source.startswith("#@title") for c in solutions)
    assert all("remove-cell" not in tags(c) for c in nb.cells)


def _bound_and_used(source: str) -> tuple[set[str], set[str]]:
    """Names a cell binds, and names it reads (IPython's % and ! lines left out)."""
    code = "\n".join(ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!")))
    bound, used = set(), set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name):
            (used if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((a.asname or a.name).split(".")[0] for a in node.names)
    return bound, used


def undefined_after_dropping(source_nb, copy_nb) -> list[str]:
    """Names that only dropped cells of the source define, read by a cell of the copy."""
    dropped = set()
    for cell in source_nb.cells:
        if cell.cell_type == "code" and "remove-cell" in tags(cell):
            dropped |= _bound_and_used(cell.source)[0]
    kept_bound, kept_used = set(), {}
    for i, cell in enumerate(c for c in copy_nb.cells if c.cell_type == "code"):
        bound, used = _bound_and_used(cell.source)
        kept_bound |= bound
        for name in used:
            kept_used.setdefault(name, i)
    return sorted(
        f"{name} (code cell {i})"
        for name, i in kept_used.items()
        if name in dropped and name not in kept_bound and not hasattr(builtins, name)
    )


@pytest.mark.parametrize("path", COPIES, ids=IDS)
def test_no_cell_needs_a_name_only_a_dropped_cell_defines(path):
    source = nbformat.read(ROOT / "book" / path.relative_to(ROOT / "colab"), as_version=4)
    assert not undefined_after_dropping(source, nbformat.read(path, as_version=4))


def test_the_dropped_cells_check_can_fail():
    source = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("hidden = 1"), nbformat.v4.new_code_cell("print(hidden, len([]))")]
    )
    source.cells[0].metadata["tags"] = ["remove-cell"]
    copy_nb = nbformat.v4.new_notebook(cells=[source.cells[1]])
    assert undefined_after_dropping(source, copy_nb) == ["hidden (code cell 0)"]


# --- the converter, on small hand-made cells ---------------------------------------------------


@pytest.fixture(scope="module")
def bibliography():
    return Bibliography()


def page(lang: str, bibliography, glue=None) -> Page:
    name = {"tr": "05-egitim.ipynb", "en": "05-training.ipynb"}[lang]
    return Page(ROOT / "book" / lang / name, Edition.load(lang), glue or {}, bibliography)


def test_nested_fences_a_solution_holding_code(bibliography):
    source = (
        "````{solution} en-05-fashion\n"
        ":class: dropdown\n"
        "\n"
        "Only the data changes:\n"
        "\n"
        "```python\n"
        "images = data.load_idx(path)\n"
        "```\n"
        "````"
    )
    assert convert_markdown(source, page("en", bibliography)) == (
        "<details><summary>Solution</summary>\n"
        "\n"
        "Only the data changes:\n"
        "\n"
        "```python\n"
        "images = data.load_idx(path)\n"
        "```\n"
        "\n"
        "</details>"
    )


def test_an_exercise_becomes_an_anchor_and_a_heading(bibliography):
    source = (
        "```{exercise} Rakam yerine giysi\n"
        ":label: tr-05-fashion\n"
        ":nonumber:\n"
        "\n"
        "Fashion-MNIST'i nasıl eğitirsiniz?\n"
        "```"
    )
    assert convert_markdown(source, page("tr", bibliography)) == (
        '<a id="tr-05-fashion"></a>**Alıştırma (Rakam yerine giysi)**\n\nFashion-MNIST\'i nasıl eğitirsiniz?'
    )


def test_solution_markers_become_a_heading_and_nothing(bibliography):
    start = "```{solution-start} en-05-floor\n:class: dropdown\n```"
    assert convert_markdown(start, page("en", bibliography)) == "**Solution**"
    assert convert_markdown("```{solution-end}\n```", page("en", bibliography)) == ""


def test_admonition_and_note_become_block_quotes(bibliography):
    source = "```{admonition} Bu bölümde\n:class: tip\n**Öğrenecekleriniz:**\n- kayıplar\n```"
    assert convert_markdown(source, page("tr", bibliography)) == (
        "> **Bu bölümde**\n>\n> **Öğrenecekleriniz:**\n> - kayıplar"
    )
    assert convert_markdown("```{note}\nBir ayrıntı.\n```", page("tr", bibliography)) == (
        "> **Not**\n>\n> Bir ayrıntı."
    )


def test_glue_with_and_without_a_format(bibliography):
    p = page("en", bibliography, glue={"ratio": "12.3456", "steps": "'4,603'"})
    source = "about {glue:text}`ratio:.1f` times, in {glue:text}`steps` steps"
    assert convert_markdown(source, p) == "about 12.3 times, in 4,603 steps"


def test_a_missing_glue_key_names_the_notebook_and_the_key(bibliography):
    with pytest.raises(ConversionError, match=r"book/en/05-training\.ipynb: .*'nowhere'"):
        convert_markdown("{glue:text}`nowhere`", page("en", bibliography))


def test_citations_in_turkish_and_english(bibliography):
    tr = page("tr", bibliography)
    source = "yazı {cite}`blogpost` ve {cite:t}`zhao2020`; {cite}`mirza2014,radford2015`"
    assert convert_markdown(source, tr) == (
        "yazı [Bayramlı, t.y.] ve Zhao *vd.* [2020]; [Mirza ve Osindero, 2014, Radford *vd.*, 2015]"
    )
    assert tr.cited == ["blogpost", "zhao2020", "mirza2014", "radford2015"]
    assert convert_markdown("{cite}`goodfellow2014`", page("en", bibliography)) == (
        "[Goodfellow *et al.*, 2014]"
    )


def test_links_to_chapters_open_their_colab_copy_and_pages_their_github_page(bibliography):
    source = (
        "[The discriminator](../en/02-discriminator.ipynb#the-loss), "
        "[Ayırtaç](02-ayirtac.ipynb), [Sözlük](sozluk.md), [Keras](https://keras.io), "
        "`[not](a-link.ipynb)`"
    )
    assert convert_markdown(source, page("tr", bibliography)) == (
        f"[The discriminator]({COLAB}/en/02-discriminator.ipynb#the-loss), "
        f"[Ayırtaç]({COLAB}/tr/02-ayirtac.ipynb), [Sözlük]({GITHUB}/book/tr/sozluk.md), "
        "[Keras](https://keras.io), `[not](a-link.ipynb)`"
    )


def test_labels_and_targets(bibliography):
    source = "(sec-loss)=\n## The loss\n\n$$L = -\\ln D$$ (eq-loss)"
    assert convert_markdown(source, page("en", bibliography)) == (
        '<a id="sec-loss"></a>\n## The loss\n\n$$L = -\\ln D$$'
    )


def test_an_image_becomes_an_attachment(bibliography):
    attachments = {}
    out = convert_markdown("![A GAN](figures/gan-diagram.svg)", page("en", bibliography), attachments)
    assert out == "![A GAN](attachment:gan-diagram.svg)"
    assert list(attachments) == ["gan-diagram.svg"] and "image/svg+xml" in attachments["gan-diagram.svg"]


@pytest.mark.parametrize(
    "source, named",
    [
        ("```{figure} a.png\n```", "{figure}"),
        ("see {ref}`sec-loss`", "{ref}"),
        ("[gone](99-nowhere.ipynb)", "99-nowhere.ipynb"),
        ("```{exercise} Numbered\n:label: en-x\n```", "en-x"),
        ("```{note}\nnever closed", "never closed"),
    ],
)
def test_what_it_cannot_convert_stops_it_by_name(source, named, bibliography):
    with pytest.raises(ConversionError, match=re.escape(named)):
        convert_markdown(source, page("en", bibliography))


def test_a_whole_notebook(bibliography):
    cells = [
        nbformat.v4.new_markdown_cell("Score {glue:text}`score:.2f` {cite}`goodfellow2014`."),
        nbformat.v4.new_code_cell("fmt.glue('score', '8.0912')"),
        nbformat.v4.new_markdown_cell("```{solution-start} en-05-x\n:class: dropdown\n```"),
        nbformat.v4.new_code_cell("#@title Solution (on Colab, double-click to show)\nx = 1\nprint(x)"),
        nbformat.v4.new_markdown_cell("```{solution-end}\n```"),
        nbformat.v4.new_code_cell("print(2)"),
    ]
    cells[1].metadata["tags"] = ["remove-cell"]
    cells[1].outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/papermill.record/text/plain": "'8.0912'"},
            metadata={"scrapbook": {"name": "score", "mime_prefix": "application/papermill.record/"}},
        )
    ]
    for i in (2, 3, 4):
        cells[i].metadata["tags"] = ["solution"]
    cells[3].metadata["cellView"] = "form"
    cells[3].outputs = [nbformat.v4.new_output("stream", text="1\n")]
    cells[5].outputs = [nbformat.v4.new_output("stream", text="2\n")]
    path = ROOT / "book" / "en" / "05-training.ipynb"
    nb = colab_copy(nbformat.v4.new_notebook(cells=cells), path, Edition.load("en"), bibliography)
    assert [c.source for c in nb.cells] == [
        "Score 8.09 [Goodfellow *et al.*, 2014].",
        "**Solution**",
        cells[3].source,
        "print(2)",
        "## References\n\n- Ian Goodfellow, Jean Pouget-Abadie, Mehdi Mirza, Bing Xu, David Warde-Farley, "
        "Sherjil Ozair, Aaron Courville, and Yoshua Bengio. Generative adversarial nets. "
        "In *Advances in Neural Information Processing Systems 27*. 2014.",
    ]
    assert nb.cells[2].outputs == [] and nb.cells[2].metadata["cellView"] == "form"
    assert nb.cells[3].outputs == cells[5].outputs
    assert nb.metadata["generated_from"] == "book/en/05-training.ipynb"
    assert cells[3].outputs, "the source notebook is left as it was"
