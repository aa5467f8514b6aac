"""Numbers as a reader of each edition writes them, and values handed to the book's prose.

Turkish writes 1.467.137 and 0,9; English writes 1,467,137 and 0.9. Every number a notebook
prints for the reader goes through :func:`number` (or :func:`numbers` for a row of them), so
the Turkish edition prints Turkish numbers. Keras' own summary tables stay as Keras prints them.
"""

from __future__ import annotations

import numbers as _numbers
from collections.abc import Iterable

from ganlib.language import resolve

_SWAP = str.maketrans(",.", ".,")


def number(value, digits: int | None = None, lang: str | None = None) -> str:
    """``value`` with the thousands separator and decimal mark of the language set
    (``ganlib.set_language``; ``lang`` overrides it).

    Integers (and floats with ``digits=0``) get thousands separators; other floats are
    rounded to ``digits`` decimals, or printed as Python's shortest repr when ``digits`` is
    None. In Turkish, ``number(1467137)`` → ``"1.467.137"`` and ``number(0.9)`` → ``"0,9"``.
    """
    lang = resolve(lang)
    if isinstance(value, bool) or not hasattr(value, "__float__"):
        raise TypeError(f"number() needs a number, got {type(value).__name__}.")
    if digits is None and isinstance(value, _numbers.Integral):  # numpy integers included
        text = f"{int(value):,}"
    elif digits is None:
        text = f"{float(value):,}"
    else:
        text = f"{float(value):,.{digits}f}"
    return localize(text, lang)


def localize(text: str, lang: str | None = None) -> str:
    """English-formatted number text ("1,234.5") in the language's separators ("1.234,5" in tr)."""
    return text.translate(_SWAP) if resolve(lang) == "tr" else text


def percent(share, digits: int = 1, lang: str | None = None) -> str:
    """A share (0.069) as a percentage the way the language writes it: ``"6.9 %"``, ``"%6,9"``."""
    lang = resolve(lang)
    text = number(100 * float(share), digits, lang=lang)
    return f"%{text}" if lang == "tr" else f"{text} %"


def numbers(values: Iterable, digits: int | None = None, lang: str | None = None) -> str:
    """A row of numbers, numpy-style: ``[0,9  0,9  0  0]`` in Turkish."""
    return "[" + "  ".join(number(v, digits, lang=lang) for v in values) + "]"


def glue(name: str, text: str) -> None:
    """Hand ``text`` to the book's prose, where ``{glue:text}`name``` shows it.

    Uses myst-nb's ``glue`` (installed with the book); shows nothing in the notebook. Where
    myst-nb is missing (Colab) it does nothing: the cell's printed output already shows the
    value, and the prose is written so that it reads right beside that output. The value is
    glued as a plain ``str``: myst-nb reads it back with ``ast.literal_eval`` of its repr, so
    "0,62" stays "0,62" (an unquoted repr would come back as the tuple ``(0, 62)``).
    """
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        return
    myst_glue(name, str(text), display=False)


class Table:
    """Results as a table: rendered as a Markdown table in the book, Jupyter and Colab
    (``_repr_markdown_``), and as aligned plain text elsewhere (its ``repr``, which is also what
    nbval compares). Cells are shown as given: format numbers with :func:`number` first.

    ``Table(["recipe", "score"], [["post", number(8.09, 2)]], align="lr")`` — one letter per
    column, ``l`` or ``r`` (default: the first column left, the others right).
    """

    def __init__(self, header: Iterable, rows: Iterable[Iterable], align: str | None = None):
        self.header = [str(h) for h in header]
        self.rows = [[str(c) for c in row] for row in rows]
        self.align = align or "l" + "r" * (len(self.header) - 1)
        if len(self.align) != len(self.header) or set(self.align) - {"l", "r"}:
            raise ValueError(
                f"align needs one 'l' or 'r' per column ({len(self.header)}), got {self.align!r}."
            )
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"every row needs {len(self.header)} cells, got {len(row)}: {row}.")

    def _repr_markdown_(self) -> str:
        def line(cells):  # (a percent sign stays with its number when the column wraps)
            return "| " + " | ".join(c.replace("|", "\\|").replace(" %", "\u00a0%") for c in cells) + " |"

        rule = ["---:" if a == "r" else ":---" for a in self.align]
        return "\n".join([line(self.header), "|" + "|".join(rule) + "|", *map(line, self.rows)])

    def __repr__(self) -> str:
        widths = [max(len(r[i]) for r in [self.header, *self.rows]) for i in range(len(self.header))]

        def line(cells):
            return "  ".join(
                c.rjust(w) if a == "r" else c.ljust(w) for c, w, a in zip(cells, widths, self.align)
            ).rstrip()

        return "\n".join([line(self.header), *map(line, self.rows)])
