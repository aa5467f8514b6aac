import numpy as np
import pytest

from ganlib import fmt


@pytest.mark.parametrize(
    "value, lang, digits, expected",
    [
        (1467137, "tr", None, "1.467.137"),
        (1467137, "en", None, "1,467,137"),
        (np.int64(6272), "tr", None, "6.272"),
        (0.9, "tr", None, "0,9"),
        (0.9, "en", None, "0.9"),
        (0.48812, "tr", 3, "0,488"),
        (1234.5678, "tr", 2, "1.234,57"),
        (1234.5678, "en", 2, "1,234.57"),
        (np.float32(2.0), "tr", 1, "2,0"),
        (-0.009, "tr", 3, "-0,009"),
        (23400, "tr", None, "23.400"),
        (7, "tr", None, "7"),
    ],
)
def test_numbers_in_each_language(value, lang, digits, expected):
    assert fmt.number(value, digits, lang=lang) == expected


def test_a_row_of_numbers():
    assert fmt.numbers(np.array([0.9, 0.9, 0.0]), 1, lang="tr") == "[0,9  0,9  0,0]"
    assert fmt.numbers([1000, 2], lang="en") == "[1,000  2]"


def test_bad_input_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="'tr' or 'en'"):
        fmt.number(1, lang="de")
    with pytest.raises(TypeError, match="needs a number"):
        fmt.number("12", lang="tr")


@pytest.mark.parametrize("text", ["1.467.137", "0,62", "1,467,137", "3.60", "2,17"])
def test_glued_text_reaches_the_prose_unchanged(monkeypatch, text):
    """What myst-nb's {glue:text} role shows is the literal_eval of the glued text/plain."""
    from myst_nb.core.variables import format_plain_text

    glued = {}
    import myst_nb

    monkeypatch.setattr(myst_nb, "glue", lambda name, value, display: glued.update({name: (value, display)}))
    fmt.glue("x", text)
    value, display = glued["x"]
    assert display is False
    assert format_plain_text(repr(value), "") == text


def test_percent_puts_the_sign_where_each_language_does():
    assert fmt.percent(0.0695, lang="en") == "7.0 %"
    assert fmt.percent(0.0695, lang="tr") == "%7,0"
    assert fmt.percent(0.12345, 2, lang="tr") == "%12,35"


def test_numbers_follow_the_language_set():
    import ganlib

    assert fmt.number(1234.5, 1) == "1,234.5"  # English until a notebook says otherwise
    ganlib.set_language("tr")
    assert (fmt.number(1234.5, 1), fmt.percent(0.5), fmt.numbers([0.5, 2])) == (
        "1.234,5",
        "%50,0",
        "[0,5  2]",
    )
    assert fmt.number(1234.5, 1, lang="en") == "1,234.5"  # an explicit lang= overrides the setting


def test_a_table_renders_as_markdown_and_as_aligned_text():
    table = fmt.Table(["recipe", "score"], [["post", "8.09"], ["+ BatchNorm", "8.22"], ["a|b", "10.5"]])
    assert table._repr_markdown_().splitlines() == [
        "| recipe | score |",
        "|:---|---:|",
        "| post | 8.09 |",
        "| + BatchNorm | 8.22 |",
        "| a\\|b | 10.5 |",
    ]
    assert repr(table).splitlines() == [
        "recipe       score",
        "post          8.09",
        "+ BatchNorm   8.22",
        "a|b           10.5",
    ]
    with pytest.raises(ValueError, match="every row needs 2 cells"):
        fmt.Table(["a", "b"], [["1"]])


def test_a_percent_sign_stays_with_its_number_in_a_table():
    table = fmt.Table(
        ["recipe", "shares"], [["post", f"{fmt.percent(0.071, lang='en')}–{fmt.percent(0.135, lang='en')}"]]
    )
    assert "7.1\u00a0%–13.5\u00a0%" in table._repr_markdown_()
    assert "7.1 %–13.5 %" in repr(table)
