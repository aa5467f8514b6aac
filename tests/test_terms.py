"""One Turkish term per concept: the glossary (book/tr/sozluk.md) is the list; chapters use no
variant it rejects, and it lists no term the chapters never use."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "book" / "tr" / "sozluk.md"
CHAPTERS = sorted((ROOT / "book" / "tr").glob("*.ipynb"))


def tr_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def glossary_rows() -> list[dict]:
    rows = []
    for line in GLOSSARY.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) == 5 and cells[0] not in ("Türkçe", "---"):
            rejected = [] if cells[4] == "—" else [v.strip() for v in cells[4].split(",")]
            rows.append({"term": cells[0], "english": cells[1], "why": cells[3], "rejected": rejected})
    return rows


def chapter_prose(path: Path) -> str:
    """The Turkish prose of a chapter: its markdown cells and the comments of its code cells."""
    parts = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        else:
            parts += [ln.split("#", 1)[1] for ln in cell.source.splitlines() if "#" in ln]
    return tr_lower("\n".join(parts))


def variant_pattern(variant: str) -> re.Pattern:
    """A rejected variant at the start of a word, with any Turkish suffix after it."""
    return re.compile(r"(?<![\wçğıöşü])" + re.escape(tr_lower(variant)))


def test_glossary_gives_every_term_a_reason():
    rows = glossary_rows()
    assert len(rows) >= 30
    assert all(r["why"] for r in rows)
    terms = [tr_lower(r["term"]) for r in rows]
    assert len(terms) == len(set(terms)), "a term is listed twice"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapters_use_no_rejected_variant(path):
    text = chapter_prose(path)
    found = []
    for row in glossary_rows():
        for variant in row["rejected"]:
            for m in variant_pattern(variant).finditer(text):
                line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end())]
                if "başka metinlerde" not in line:  # naming the variant on purpose is fine
                    found.append(f"{variant!r} (use {row['term']!r}): …{line.strip()[:80]}…")
    assert found == [], "\n".join(found)


def _stem(word: str) -> str:
    """Enough of a word to find it with Turkish suffixes (ayırtaç → ayırta: ayırtacın)."""
    return word[:-1] if len(word) > 4 else word


def test_glossary_lists_only_terms_the_chapters_use():
    text = "\n".join(chapter_prose(p) for p in CHAPTERS)
    unused = []
    for row in glossary_rows():
        words = tr_lower(re.sub(r"\(.*?\)", "", row["term"])).split()
        if not re.search(r"[\wçğıöşü'’]*\s+".join(re.escape(_stem(w)) for w in words), text):
            unused.append(row["term"])
    assert unused == [], f"in the glossary but in no chapter: {unused}"


def test_the_variant_check_can_fail():
    assert variant_pattern("bırakma").search(tr_lower("Bırakma katmanı"))
    assert not variant_pattern("ırakma").search("bırakmadan önce")  # not in the middle of a word
    assert variant_pattern("geri bildirim").search("ayırtacın geri bildirimi")
