"""The teacher's guide (book/en/teachers-guide.md, book/tr/ogretmen-kilavuzu.md): its generated parts
are current (make guide), made from the chapters and the checkers, in the page's language."""

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import teacher_guide as guide  # noqa: E402


@pytest.fixture(scope="module")
def parts():
    return {lang: guide.generated_parts(lang) for lang in guide.EDITIONS}


@pytest.mark.parametrize("lang", guide.EDITIONS)
def test_generated_parts_are_current(lang, parts):
    page = guide.PAGES[lang].read_text()
    assert guide.render(page, parts[lang]) == page, f"{guide.PAGES[lang].name} is stale: run make guide"


def test_render_replaces_the_blocks_and_nothing_else():
    page = "# Title\n\nkept\n% BEGIN generated: table (note)\nold\n% END generated: table\nalso kept\n"
    assert guide.render(page, {"table": "new\n"}) == (
        "# Title\n\nkept\n% BEGIN generated: table (note)\nnew\n% END generated: table\nalso kept\n"
    )
    with pytest.raises(ValueError, match="no block for"):
        guide.render(page, {"table": "x\n", "mistakes": "y\n"})


def test_the_times_cover_every_chapter_with_its_trainings():
    times = json.loads(guide.TIMES.read_text())
    assert sorted(times["chapters"]) == [p.name[:2] for p in guide.chapter_paths("en")]
    assert times["machine"]["cores"] >= 1 and times["machine"]["cpu"]
    for number, t in times["chapters"].items():
        assert 0 <= t["training_seconds"] <= t["seconds"], number
        assert t["runs"] >= 1 and re.fullmatch(r"\d{4}-\d\d-\d\d", t["date"]), number
    # the chapters that train at the mode's size: 05 twice (with and without smoothing), 08, 09, 10
    runs = {n: t["training_runs"] for n, t in times["chapters"].items() if t["training_runs"]}
    assert runs == {"05": 2, "08": 1, "09": 1, "10": 1}


def test_exercises_are_read_from_the_chapters_by_kind():
    chapters = {ch.number: ch for ch in map(lambda p: guide.read_chapter(p, "en"), guide.chapter_paths("en"))}
    kinds = {e.label: (e.kind, e.checker) for ch in chapters.values() for e in ch.exercises}
    assert kinds["en-01-ln2-trap"] == ("written", None)
    assert kinds["en-02-build-discriminator"] == ("code", "check_discriminator")
    assert kinds["en-05-floor"] == ("answer", "check_loss_floor")
    assert kinds["en-07-break-ring"] == ("answer", "check_broken_ring")
    assert kinds["en-10-own-gan"] == ("code", "check_own_gan")
    assert chapters["05"].builds_on == ("02", "03", "04")
    assert chapters["00"].builds_on == ()


@pytest.mark.parametrize("lang", guide.EDITIONS)
def test_every_code_exercise_lists_its_checkers_mistakes(lang, parts):
    from ganlib.exercises._core import EXERCISES

    text = parts[lang]["mistakes"]
    for path in guide.chapter_paths(lang):
        for e in guide.read_chapter(path, lang).exercises:
            if e.kind != "code":
                continue
            assert guide.ref(e) in text
            assert guide.checker_mistakes(e.checker), f"{e.checker}: no mistakes found"
            for key, exercise in EXERCISES.items():  # a registered table: every mistake of it
                if key.split(".")[0] == e.checker:
                    for m in exercise.mistakes:
                        assert guide.shown(m.message, lang, m.fields) in text, (key, m.message)


def test_a_checker_gives_its_table_then_its_other_fail_messages_in_source_order():
    said = [m for m, _ in guide.checker_mistakes("check_discriminator")]
    from ganlib.exercises import ch02

    table = list(dict.fromkeys(m.message for m in ch02._MISTAKES))
    assert said[: len(table)] == table
    assert said.index(ch02._SHAPES) < said.index(ch02._KINDS) < said.index(ch02._ORDER)
    assert len(said) == len(set(said))  # a message of the table once, not again from its fail call
    assert ch02._RIGHT not in said  # what ok() says is not a mistake
    assert not any(m.startswith("No answer yet") for m in said)


def test_messages_are_shown_in_the_pages_language_with_markup_escaped():
    messages = [m for m, _ in guide.checker_mistakes("check_steps_to_forget")]
    message = next(m for m in messages if "decay**k" in m and "{" in m)
    en, tr = guide.shown(message, "en"), guide.shown(message, "tr")
    assert "decay\\*\\*k" in en and "{" not in en and "…" in en
    assert tr != en and "\\*\\*" in tr


def test_the_gpu_estimate_adds_each_full_size_training_at_the_assumed_step_time():
    # the post's networks: about 43 million multiply-adds per image in the generator, 10 in the
    # discriminator; a step of 128 about 68 billion operations, about 25 ms at a third of a T4
    assert 60e9 < guide.step_flops(128) < 75e9
    assert 0.02 < guide.gpu_seconds_per_step() < 0.03
    idle = {"seconds": 600.0, "training_seconds": 540.0, "training_runs": 0}
    assert guide.gpu_minutes(idle) == pytest.approx(guide.GPU_SETUP_MINUTES + 1)  # the 60 s not training
    two = {**idle, "training_runs": 2}
    assert guide.gpu_minutes(two) - guide.gpu_minutes(idle) == pytest.approx(
        2 * guide.gpu_steps() * guide.gpu_seconds_per_step() / 60
    )


def test_numbers_are_written_the_pages_way(parts):
    steps = guide.gpu_steps()
    assert steps == 50 * (60_000 // 128)
    assert "23,400" in parts["en"]["estimates"] and "23.400" in parts["tr"]["estimates"]
    assert " min |" in parts["en"]["chapters"] and " dk |" in parts["tr"]["chapters"]
    assert guide.run_time(0.2, "tr") == "< 1 dk" and guide.run_time(61 / 60, "en") == "2 min"
    assert guide.minutes(70, "tr") == "1 sa 10 dk" and guide.minutes(121, "en", 5) == "2 h 5 min"


def test_the_turkish_page_uses_the_glossarys_terms():
    from test_terms import glossary_rows, tr_lower, variant_pattern

    text = tr_lower(guide.PAGES["tr"].read_text())
    found = [v for row in glossary_rows() for v in row["rejected"] if variant_pattern(v).search(text)]
    assert found == []


def test_both_pages_refer_to_the_same_exercises_under_their_titles():
    """The hand-written plan links exercises as {ref}`Title <label>`: each title is the exercise's own,
    and the two editions name the same exercises in the same order."""
    refs = {}
    for lang in guide.EDITIONS:
        titles = {
            e.label: e.title for p in guide.chapter_paths(lang) for e in guide.read_chapter(p, lang).exercises
        }
        found = re.findall(r"\{ref\}`([^`<]*?)\s*<([^>`]+)>`", guide.PAGES[lang].read_text())
        assert [(title, label) for title, label in found if titles.get(label) != title] == []
        assert "{ref}`" + lang not in guide.PAGES[lang].read_text(), (
            "a {ref} without a title shows only 'Exercise'"
        )
        refs[lang] = [label[3:] for _, label in found]
    assert refs["tr"] == refs["en"] and len(refs["en"]) > 40
