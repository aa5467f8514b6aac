"""Write the Colab edition: every chapter notebook as Colab and a plain Jupyter render it.

    python tools/colab_edition.py [--out colab]        (make colab)

The chapters' sources, ``book/{tr,en}/*.ipynb``, are MyST notebooks: only the HTML book renders
their roles and directives. This writes a generated copy of each, ``colab/<lang>/<same name>``,
whose Markdown is plain CommonMark (with ``$…$`` maths and inline HTML), the notebook the
book's launch buttons open. The copies are committed, never edited by hand: a test regenerates
them and fails when the committed ones are stale.

What changes, with the ecosystem's own pieces wherever there is one:

- ``{glue:text}`key:fmt``` → the value glued in the notebook's own stored outputs, formatted by
  myst-nb's ``format_plain_text``, so the number is the one the HTML book shows.
- ``{cite}`` / ``{cite:t}`` → author–year text from sphinxcontrib-bibtex's referencing style (the
  edition's ``bibtex_reference_style``; the Turkish one is book/_ext/editions.py's), and a
  References / Kaynaklar cell at the end with the cited works, formatted by pybtex.
- ``{exercise}`` → an anchor with its label and a bold heading line, "Exercise (title)" as the
  HTML edition heads it (the walk-through finds exercises by these anchors); ``{solution}`` → a
  ``<details>`` block; ``solution-start``/``solution-end`` around a collapsed solution cell → a
  short heading cell before it; ``{admonition}`` and ``{note}`` → a block quote with a bold title.
- Maths stays as it is (Colab and Jupyter render ``$…$``); equation labels and ``(label)=``
  targets become anchors or are dropped.
- Links to chapters → the Colab URL of that chapter's copy; links to other files of the
  repository → their GitHub page; images → notebook attachments.
- Cells tagged ``remove-cell`` (the hidden glue and claim checks) are dropped; the stored outputs
  of solution and check cells and the glue outputs are dropped. Everything else stays.

A role, directive or link this does not know stops the run with the notebook's name and the
construct, rather than leaving MyST for a student to read.
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import mimetypes
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("tr", "en")
OUT = ROOT / "colab"

# The words the HTML editions show (sphinx-exercise's and Sphinx's own catalogues).
WORDS = {
    "en": {"exercise": "Exercise", "solution": "Solution", "note": "Note", "references": "References"},
    "tr": {"exercise": "Alıştırma", "solution": "Çözüm", "note": "Not", "references": "Kaynaklar"},
}
# Turkish pages write undated works "t.y." (book/_ext/editions.py, TurkishUndated).
UNDATED = {"tr": ("n.d.", "t.y.")}
# sphinxcontrib-bibtex's default bibliography style (bibtex_default_style), as the book uses it.
BIBLIOGRAPHY_STYLE = "alpha"
CITE_ROLES = {"cite": "p", "cite:p": "p", "cite:t": "t"}

FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|:{3,})(?P<info>.*)$")
OPTION = re.compile(r"^:(?P<name>[\w-]+):(?:\s+(?P<value>.*))?$")
TARGET = re.compile(r"^\((?P<label>[^)\s]+)\)=\s*$")
EQUATION_LABEL = re.compile(r"^(?P<maths>.*\$\$)\s*\((?P<label>[^)\s]+)\)\s*$")
# One pass over a paragraph: code spans are skipped, roles, images and links converted.
INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+)[^`\n]+?(?P=ticks))"
    r"|\{(?P<role>[\w:+.-]+)\}`(?P<content>[^`]*)`"
    r"|!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)"
    r"|\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]+)\)"
)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#)", re.I)


class ConversionError(ValueError):
    """Something in a chapter this converter does not know how to write as CommonMark."""


@dataclass
class Edition:
    """What the conversion needs to know about one edition (book/<lang>/_config.yml)."""

    lang: str
    repo_url: str
    branch: str
    colab_url: str
    reference_style: str

    @classmethod
    def load(cls, lang: str) -> Edition:
        cfg = yaml.safe_load((ROOT / "book" / lang / "_config.yml").read_text())
        return cls(
            lang=lang,
            repo_url=cfg["repository"]["url"].rstrip("/"),
            branch=cfg["repository"].get("branch", "main"),
            colab_url=cfg["launch_buttons"]["colab_url"].rstrip("/"),
            reference_style=cfg["sphinx"]["config"].get("bibtex_reference_style", "label"),
        )

    def colab_link(self, path: Path) -> str:
        """The Colab URL of the generated copy of book/<lang>/<name>.ipynb."""
        rel = path.relative_to(ROOT / "book")
        github = self.repo_url.split("://", 1)[1].split("/", 1)[1]  # <org>/<repo>
        return f"{self.colab_url}/github/{github}/blob/{self.branch}/colab/{rel.as_posix()}"

    def github_link(self, path: Path) -> str:
        return f"{self.repo_url}/blob/{self.branch}/{path.relative_to(ROOT).as_posix()}"


@dataclass
class Page:
    """The notebook being converted: where it lives, its glued values, what it cites."""

    path: Path
    edition: Edition
    glue: dict[str, str]
    bibliography: Bibliography
    cited: list[str] = field(default_factory=list)

    def fail(self, what: str) -> ConversionError:
        return ConversionError(f"{self.path.relative_to(ROOT)}: {what}")


# --- citations ---------------------------------------------------------------------------------


class Bibliography:
    """references.bib, formatted as the HTML book formats it, written as Markdown."""

    def __init__(self, bibfile: Path = ROOT / "references.bib"):
        import pybtex.plugin
        from pybtex.backends.markdown import Backend as MarkdownBackend
        from pybtex.database import parse_file

        class Markdown(MarkdownBackend):
            """pybtex's Markdown, without escaping every full stop and hyphen."""

            symbols = {"ndash": "–", "newblock": " ", "nbsp": " "}

            def format_str(self, text):
                return text

        self.data = parse_file(str(bibfile))
        style = pybtex.plugin.find_plugin("pybtex.style.formatting", BIBLIOGRAPHY_STYLE)()
        self.formatted = {e.key: e for e in style.format_entries(self.data.entries.values())}
        self.markdown = Markdown()

    def cite(self, keys: list[str], role: str, edition: Edition) -> str:
        from pybtex.richtext import BaseMultipartText, Text
        from sphinxcontrib.bibtex.plugin import find_plugin
        from sphinxcontrib.bibtex.style.referencing import format_references
        from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo, SphinxReferenceText

        _register_edition_styles()
        style = find_plugin("sphinxcontrib.bibtex.style.referencing", edition.reference_style)()
        info = SphinxReferenceInfo(None, "", "", "", None, "", "")
        refs = [(self.data.entries[k], self.formatted[k], info) for k in keys]
        text = format_references(style, CITE_ROLES[role], refs)

        def plain(node):  # the reference nodes render only to docutils: keep their text
            if isinstance(node, SphinxReferenceText):
                return Text(*[plain(p) for p in node.parts])
            if isinstance(node, BaseMultipartText):
                node.parts = [plain(p) for p in node.parts]
            return node

        return _undated(plain(text).render(self.markdown), edition.lang)

    def entry(self, key: str, lang: str) -> str:
        text = self.formatted[key].text.render(self.markdown)
        text = re.sub(r"\\url\s+(\S+?)(?=\.?$|\.?\s)", r"<\1>", text)
        return _undated(text, lang)

    def order(self, keys) -> list[str]:
        """The keys in the order of the book's bibliography."""
        return [k for k in self.formatted if k in set(keys)]


def _undated(text: str, lang: str) -> str:
    if lang in UNDATED:
        text = text.replace(*UNDATED[lang])
    return text


_REGISTERED = False


def _register_edition_styles() -> None:
    """The Turkish referencing style lives in the book's Sphinx extension; register it once."""
    global _REGISTERED
    if not _REGISTERED:
        sys.path.insert(0, str(ROOT / "book" / "_ext"))
        try:
            import editions
        finally:
            sys.path.pop(0)
        editions._register_turkish_citations()
        _REGISTERED = True


# --- Markdown ----------------------------------------------------------------------------------


def glue_values(nb) -> dict[str, str]:
    """The glued values of the notebook's stored outputs (myst-nb's own extraction), as the
    text/plain each was glued with."""
    from myst_nb.ext.glue import extract_glue_data_cell

    values = {}
    for cell in nb.cells:
        if cell.cell_type == "code":
            for key, output in extract_glue_data_cell(copy.deepcopy(cell)):
                if "text/plain" in output.get("data", {}):
                    values[key] = output["data"]["text/plain"]
    return values


def convert_markdown(source: str, page: Page, attachments: dict | None = None) -> str:
    """The cell's Markdown as CommonMark: directives, roles, labels and links converted."""
    attachments = {} if attachments is None else attachments
    return "\n".join(_blocks(source.split("\n"), page, attachments)).strip("\n")


def _blocks(lines: list[str], page: Page, attachments: dict) -> list[str]:
    out, text, i = [], [], 0

    def flush():
        if text:
            out.extend(_inline("\n".join(text), page, attachments).split("\n"))
            text.clear()

    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            text.append(_line(lines[i]))
            i += 1
            continue
        flush()
        fence = opening["fence"]
        end = next((j for j in range(i + 1, len(lines)) if _closes(lines[j], fence)), None)
        if end is None:
            raise page.fail(f"a fence {fence} is never closed: {lines[i]!r}")
        directive = re.match(r"^\{(?P<name>[^}]+)\}\s*(?P<argument>.*)$", opening["info"].strip())
        if directive:
            body = [ln[len(opening["indent"]) :] for ln in lines[i + 1 : end]]
            out.extend(_directive(directive["name"], directive["argument"], body, page, attachments))
        elif fence.startswith(":"):
            raise page.fail(f"a colon fence without a directive: {lines[i]!r}")
        else:  # a code block: as it is
            out.extend(lines[i : end + 1])
        i = end + 1
    flush()
    return out


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]} and len(line) - len(line.lstrip()) <= 3


def _line(line: str) -> str:
    target = TARGET.match(line)
    if target:
        return f'<a id="{target["label"]}"></a>'
    equation = EQUATION_LABEL.match(line)
    if equation:
        return equation["maths"]
    return line


def _options(body: list[str]) -> tuple[dict[str, str], list[str]]:
    options, i = {}, 0
    while i < len(body) and OPTION.match(body[i]):
        m = OPTION.match(body[i])
        options[m["name"]] = (m["value"] or "").strip()
        i += 1
    while i < len(body) and not body[i].strip():
        i += 1
    return options, body[i:]


def _directive(name, argument, body, page, attachments) -> list[str]:
    words = WORDS[page.edition.lang]
    options, body = _options(body)
    allowed = {
        "exercise": {"label", "nonumber", "class"},
        "solution": {"label", "class"},
        "solution-start": {"label", "class"},
        "solution-end": set(),
        "admonition": {"class"},
        "note": {"class"},
    }
    if name not in allowed:
        raise page.fail(f"the directive {{{name}}} has no Colab form (tools/colab_edition.py)")
    if set(options) - allowed[name]:
        raise page.fail(f"{{{name}}}: options {sorted(set(options) - allowed[name])} not handled")
    inner = _blocks(body, page, attachments)
    title = _inline(argument, page, attachments)
    if name == "exercise":
        if "label" not in options:
            raise page.fail(f"the exercise {argument!r} has no :label:")
        if "nonumber" not in options:
            raise page.fail(f"the exercise {options['label']} is numbered: add :nonumber:")
        # as the HTML edition heads it: "Exercise (title)"
        heading = f"**{words['exercise']} ({title})**" if title else f"**{words['exercise']}**"
        return [f'<a id="{options["label"]}"></a>{heading}', ""] + inner
    if name == "solution":
        summary = f"<details><summary>{words['solution']}</summary>"
        return [summary, ""] + inner + ["", "</details>"]
    if name == "solution-start":
        return [f"**{words['solution']}**"]
    if name == "solution-end":
        return []
    title = title if name == "admonition" else words["note"]
    if not title:
        raise page.fail("an admonition without a title")
    quoted = [f"> **{title}**", ">"] + [f"> {ln}" if ln.strip() else ">" for ln in inner]
    return quoted


def _inline(text: str, page: Page, attachments: dict) -> str:
    def replace(m: re.Match) -> str:
        if m["code"]:
            return m["code"]
        if m["role"]:
            return _role(m["role"], m["content"], page)
        if m["src"] is not None:
            return _image(m["alt"], m["src"], page, attachments)
        return f"[{_inline(m['text'], page, attachments)}]({_link(m['href'], page)})"

    return INLINE.sub(replace, text)


def _role(name: str, content: str, page: Page) -> str:
    if name == "glue:text":
        from myst_nb.core.variables import format_plain_text

        key, _, spec = content.rpartition(":") if ":" in content else (content, "", "s")
        if "::" in key:
            raise page.fail(f"{{glue:text}}`{content}` reads another notebook's value")
        if key not in page.glue:
            raise page.fail(f"no glued value named {key!r} (from {{glue:text}}`{content}`)")
        return format_plain_text(page.glue[key], spec or "s")
    if name in CITE_ROLES:
        keys = [k.strip() for k in content.split(",") if k.strip()]
        unknown = [k for k in keys if k not in page.bibliography.data.entries]
        if unknown:
            raise page.fail(f"{{{name}}}`{content}`: {unknown} not in references.bib")
        page.cited.extend(k for k in keys if k not in page.cited)
        return page.bibliography.cite(keys, name, page.edition)
    raise page.fail(f"the role {{{name}}} has no Colab form (tools/colab_edition.py)")


def _resolve(target: str, page: Page) -> tuple[Path, str]:
    path, _, fragment = target.partition("#")
    resolved = (page.path.parent / path).resolve()
    if not resolved.is_file() or ROOT not in resolved.parents:
        raise page.fail(f"the link {target!r} points at no file of the repository")
    return resolved, f"#{fragment}" if fragment else ""


def _link(target: str, page: Page) -> str:
    if EXTERNAL.match(target):
        return target
    path, fragment = _resolve(target, page)
    if path.suffix == ".ipynb" and path.parent.parent == ROOT / "book":
        return page.edition.colab_link(path) + fragment
    return page.edition.github_link(path) + fragment


def _image(alt: str, src: str, page: Page, attachments: dict) -> str:
    if EXTERNAL.match(src):
        return f"![{alt}]({src})"
    path, _ = _resolve(src, page)
    mime = mimetypes.guess_type(path.name)[0]
    if not mime or not mime.startswith("image/"):
        raise page.fail(f"the image {src!r} is not an image")
    attachments[path.name] = {mime: base64.b64encode(path.read_bytes()).decode("ascii")}
    return f"![{alt}](attachment:{path.name})"


# --- notebooks ---------------------------------------------------------------------------------


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def colab_copy(nb, path: Path, edition: Edition, bibliography: Bibliography | None = None):
    """The Colab copy of one chapter notebook (a new notebook; ``nb`` is left as it was)."""
    nb = copy.deepcopy(nb)
    page = Page(path, edition, glue_values(nb), bibliography or Bibliography())
    cells = []
    for cell in nb.cells:
        if "remove-cell" in tags(cell):
            continue
        if cell.cell_type == "markdown":
            attachments = dict(cell.get("attachments", {}))
            cell.source = convert_markdown(cell.source, page, attachments)
            if not cell.source.strip():
                continue  # a solution-end
            if attachments:
                cell.attachments = attachments
        elif cell.cell_type == "code":
            if {"solution", "check"} & set(tags(cell)):
                cell.outputs = []
                cell.execution_count = None
            cell.outputs = [o for o in cell.outputs if "scrapbook" not in o.get("metadata", {})]
        cells.append(cell)
    if page.cited:
        words = WORDS[edition.lang]
        entries = [
            f"- {page.bibliography.entry(k, edition.lang)}" for k in page.bibliography.order(page.cited)
        ]
        references = nbformat.v4.new_markdown_cell(f"## {words['references']}\n\n" + "\n".join(entries))
        references.id = f"{edition.lang}-{path.stem[:2]}-references"
        cells.append(references)
    nb.cells = cells
    nb.metadata["generated_from"] = path.relative_to(ROOT).as_posix()
    return nb


def dumps(nb) -> str:
    """The notebook's JSON as the repository stores notebooks (sources as lists of lines)."""
    from nbformat.v4.rwbase import split_lines

    return json.dumps(split_lines(copy.deepcopy(nb)), sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def sources(lang: str) -> list[Path]:
    return sorted((ROOT / "book" / lang).glob("*.ipynb"))


def write_edition(out_dir: Path = OUT) -> list[Path]:
    """Write colab/<lang>/*.ipynb for both editions; remove copies whose source is gone."""
    bibliography = Bibliography()
    written = []
    for lang in EDITIONS:
        edition = Edition.load(lang)
        folder = out_dir / lang
        folder.mkdir(parents=True, exist_ok=True)
        for path in sources(lang):
            nb = nbformat.read(path, as_version=4)
            target = folder / path.name
            target.write_text(dumps(colab_copy(nb, path, edition, bibliography)), encoding="utf-8")
            written.append(target)
        for stale in set(folder.glob("*.ipynb")) - set(written):
            stale.unlink()
    return written


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, default=OUT)
    args = p.parse_args(argv)
    try:
        written = write_edition(args.out)
    except ConversionError as err:
        print(f"colab edition: {err}", file=sys.stderr)
        return 1
    print(f"colab edition: {len(written)} notebooks in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
