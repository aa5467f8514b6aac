"""Write the generated parts of the teacher's guide (book/en/teachers-guide.md, book/tr/ogretmen-kilavuzu.md).

    python tools/teacher_guide.py            # rewrite the generated parts of both pages (make guide)
    python tools/teacher_guide.py --check    # exit 1 if a page's generated parts are stale
    python tools/teacher_guide.py --measure [NN ...]  # time every chapter (or chapters NN) once on
        # this machine, keeping each chapter's fastest run in tools/teacher_guide_times.json; then
        # run it plainly to write the pages

The guide is hand-written Markdown except for the parts between ``% BEGIN generated: NAME`` and
``% END generated: NAME`` (MyST comment lines, not shown), which this writes from the sources
themselves, so that nothing in them is written twice:

- ``chapters``: per chapter the time to read (the words of its markdown cells at
  :data:`WORDS_PER_MINUTE`), to run on a 2-core CPU (measured: :data:`TIMES`, written by
  ``--measure``), on a Colab GPU (estimated from the measurement and the GPU mode's step count,
  :func:`gpu_minutes`), its exercises by kind and their time (:data:`EXERCISE_MINUTES`), and the
  chapters it builds on (the links in its "In this chapter" box);
- ``prerequisites``: each chapter's prerequisites, as its "In this chapter" box words them;
- ``mistakes``: for each code exercise, the mistakes its checker recognises: the mistake table it
  registered with the checking core (``ganlib.exercises._core.EXERCISES``), or, for a checker that
  judges step by step without a table, the messages its ``fail`` calls give. Each message is shown
  in the page's language from ganlib's catalogue, with its fields as "…".

tests/test_teacher_guide.py fails when a page's generated parts are stale: after changing a
chapter's text or exercises, or a checker's messages, run ``make guide``.
"""

from __future__ import annotations

import argparse
import ast
import functools
import inspect
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("tr", "en")
PAGES = {
    "en": ROOT / "book" / "en" / "teachers-guide.md",
    "tr": ROOT / "book" / "tr" / "ogretmen-kilavuzu.md",
}
TIMES = ROOT / "tools" / "teacher_guide_times.json"

# How the estimates are made (the page states each of these).
WORDS_PER_MINUTE = 150  # technical prose, read with care (or in a second language)
EXERCISE_MINUTES = {"code": 20, "answer": 10, "written": 15}
T4_PEAK_FLOPS = 8.1e12  # Colab's usual GPU, an NVIDIA T4: its single-precision peak (data sheet)
GPU_UTILISATION = 1 / 3  # assumed: the share of that peak a step of these small networks reaches
# A step of the post's model at batch 128 on the 2-core CPU the chapters are timed on, the machine
# idle (README, "Your own generator in 12 minutes"): the speed-up the GPU gives cells that train a
# fixed number of steps, whatever the mode, is this over gpu_seconds_per_step().
CPU_SECONDS_PER_STEP = 0.43
GPU_SETUP_MINUTES = 2  # assumed: the first cell's pip install and the MNIST download on Colab

WORDS = {
    "en": {
        "prerequisites": "**Prerequisites:**",
        "header": (
            "| Chapter | Reading | Run: 2-core CPU (measured) | Run: Colab GPU (estimated) "
            "| Exercises | Exercises' time | Builds on |"
        ),
        "kinds": {
            "code": ("code", "code"),
            "answer": ("checked answer", "checked answers"),
            "written": ("written", "written"),
        },
        "none": "none",
        "total": "**All chapters**",
        "min": "{} min",
        "hour": "{} h",
        "hour_min": "{} h {} min",
        "about": "≈ {}",
        "checker": "Checked by `{}`:",
    },
    "tr": {
        "prerequisites": "**Önkoşullar:**",
        "header": (
            "| Bölüm | Okuma | Çalıştırma: 2 çekirdekli CPU (ölçülen) | Çalıştırma: Colab GPU'su (tahmin) "
            "| Alıştırmalar | Alıştırma süresi | Dayandığı bölümler |"
        ),
        "kinds": {
            "code": ("kod", "kod"),
            "answer": ("denetlenen cevap", "denetlenen cevap"),
            "written": ("yazılı", "yazılı"),
        },
        "none": "yok",
        "total": "**Bütün bölümler**",
        "min": "{} dk",
        "hour": "{} sa",
        "hour_min": "{} sa {} dk",
        "about": "≈ {}",
        "checker": "Denetleyen: `{}`",
    },
}


@dataclass(frozen=True)
class Exercise:
    label: str
    title: str
    kind: str  # "code", "answer" (a checked number or decision) or "written" (no check)
    checker: str | None


@dataclass(frozen=True)
class Chapter:
    number: str  # "05"
    path: Path
    title: str
    words: int
    exercises: tuple[Exercise, ...]
    prerequisites: str  # the box's prerequisites sentence, links relative to the guide page
    builds_on: tuple[str, ...]  # the chapters it links to there, e.g. ("02", "03", "04")


def tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def chapter_paths(lang: str) -> list[Path]:
    return sorted((ROOT / "book" / lang).glob("[0-9][0-9]-*.ipynb"))


def read_chapter(path: Path, lang: str) -> Chapter:
    cells = nbformat.read(path, as_version=4).cells
    markdown = [c.source for c in cells if c.cell_type == "markdown" and "remove-cell" not in tags(c)]
    title = next(ln[2:].strip() for ln in markdown[0].splitlines() if ln.startswith("# "))
    prerequisites = _prerequisites(markdown, lang, path)
    builds_on = tuple(dict.fromkeys(re.findall(r"\]\((\d\d)-[^)]*\.ipynb\)", prerequisites)))
    return Chapter(
        number=path.name[:2],
        path=path,
        title=title,
        words=sum(count_words(text) for text in markdown),
        exercises=tuple(_exercises(cells)),
        prerequisites=prerequisites,
        builds_on=builds_on,
    )


def count_words(markdown: str) -> int:
    """The words a reader reads: MyST directive fences and option lines, link targets, HTML tags
    and role names left out; numbers and formulas' symbols count as words."""
    text = re.sub(r"^\s*(`{3,}|:{3,}).*$|^\s*:[\w-]+:.*$", "", markdown, flags=re.M)
    text = re.sub(r"\]\([^)]*\)|<[^>]+>|\{[\w:+.-]+\}(?=`)", " ", text)
    return len(re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text))


def _prerequisites(markdown: list[str], lang: str, path: Path) -> str:
    label = WORDS[lang]["prerequisites"]
    for text in markdown[:6]:
        if label in text:
            said = text.split(label, 1)[1].split("```", 1)[0]
            said = " ".join(said.split())
            # links to chapters, relative to the guide page (it sits beside the chapters)
            return re.sub(r"\]\((?:\.\./\w+/)?(\d\d-[^)/]*\.ipynb)\)", r"](\1)", said)
    raise ValueError(f"{path.name}: no {label!r} in the first cells' 'In this chapter' box")


def _exercises(cells) -> list[Exercise]:
    found, current = [], None
    for cell in cells:
        if cell.cell_type == "markdown" and "{exercise}" in cell.source:
            m = re.search(r"\{exercise\}\s*(.*)\n:label:\s*(\S+)", cell.source)
            current = {"title": m.group(1).strip(), "label": m.group(2), "stub": None, "checker": None}
            found.append(current)
        elif current is not None and cell.cell_type == "code":
            if "exercise" in tags(cell) and current["stub"] is None:
                current["stub"] = cell.source
            elif "check" in tags(cell) and current["checker"] is None:
                m = re.search(r"exercises\.(check_\w+)\(", cell.source)
                current["checker"] = m and m.group(1)
    return [Exercise(e["label"], e["title"], _kind(e["stub"], e["checker"]), e["checker"]) for e in found]


def _kind(stub: str | None, checker: str | None) -> str:
    """The exercise's kind: "code" if the stub asks for code (a function, a model, a run),
    "answer" if only for values the checker judges (a number, a decision), "written" if nothing
    checks it."""
    if checker is None:
        return "written"
    lines = [ln.strip() for ln in (stub or "").splitlines()]
    statements = [ln for ln in lines if ln and not ln.startswith("#")]
    only_values = all(re.match(r"^\w+ = None\b", ln) for ln in statements)
    return "answer" if only_values and "def " not in stub and "keras" not in stub else "code"


# --- Times --------------------------------------------------------------------------------------


def trains_at_mode_size(cell) -> bool:
    """A code cell that trains a GAN at the mode's size (the post's 50 epochs on a GPU)."""
    source = cell.source
    return (
        cell.cell_type == "code"
        and "sizes.epochs" in source
        and re.search(r"\b(train|fit)\(", source) is not None
        and re.search(r"run_sizes\(\s*\"", source) is None  # sizes fixed to one mode
    )


def trains_fixed_steps(cell) -> bool:
    """A code cell that trains a GAN (Keras ``fit``) for a number of steps that does not follow the
    mode (chapter 09's experiment takes the CPU mode's sizes in GPU mode too)."""
    return cell.cell_type == "code" and ".fit(" in cell.source and not trains_at_mode_size(cell)


def summarise_run(executed: Path, seconds: float) -> dict:
    """What a timed run of a chapter says: its wall time; the time of its cells that train at the
    mode's size and how many there are; the time of its cells that train a fixed number of steps
    (nbclient's record_timing)."""
    from datetime import datetime

    def took(cell) -> float:
        stamps = cell.metadata.get("execution", {})
        start, end = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
        if not (start and end):
            return 0.0
        parse = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))  # noqa: E731
        return (parse(end) - parse(start)).total_seconds()

    cells = nbformat.read(executed, as_version=4).cells
    return {
        "seconds": round(seconds, 1),
        "training_seconds": round(sum(took(c) for c in cells if trains_at_mode_size(c)), 1),
        "training_runs": sum(trains_at_mode_size(c) for c in cells),
        "fixed_training_seconds": round(sum(took(c) for c in cells if trains_fixed_steps(c)), 1),
    }


def measure(numbers: list[str] | None = None, out: Path = TIMES) -> dict:
    """Run each English chapter (or those ``numbers``) in CPU mode, as ``make outputs`` does but
    into a temporary folder (never in place), one at a time, and keep for each the faster of this
    run and the one ``out`` holds: on a shared machine the fastest run is the tightest upper bound.
    The Turkish chapters run the same code."""
    env = {**os.environ, "GANLIB_DATA": "bundled", "TF_CPP_MIN_LOG_LEVEL": "3", "OPENBLAS_NUM_THREADS": "1"}
    env.pop("GANLIB_FAST", None)
    env.pop("GANLIB_MODE", None)
    stored = json.loads(out.read_text()) if out.exists() else {}
    chapters = stored.get("chapters", {}) if stored.get("machine") == machine() else {}
    with tempfile.TemporaryDirectory() as tmp:
        for path in chapter_paths("en"):
            number = path.name[:2]
            if numbers and number not in numbers:
                continue
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                 "--output-dir", tmp, "--ExecutePreprocessor.timeout=1800",
                 "--ExecutePreprocessor.allow_errors=True", str(path)],
                env=env, check=True, capture_output=True,
            )  # fmt: skip
            new = summarise_run(Path(tmp) / path.name, time.perf_counter() - start)
            new["load"] = round(os.getloadavg()[0], 1)  # how shared the machine was
            new["date"] = time.strftime("%Y-%m-%d")
            old = chapters.get(number)
            new["runs"] = old.get("runs", 1) + 1 if old else 1
            chapters[number] = (
                new if old is None or new["seconds"] < old["seconds"] else {**old, "runs": new["runs"]}
            )
            out.write_text(
                json.dumps({"machine": machine(), "chapters": chapters}, indent=1, ensure_ascii=False) + "\n"
            )
            print(path.name, new, flush=True)
    return json.loads(out.read_text())


def machine() -> dict:
    """The processor's name and the number of cores of the machine the chapters are timed on."""
    cpuinfo = Path("/proc/cpuinfo")
    names = [
        ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines() if ln.startswith("model name")
    ]
    return {"cpu": names[0] if names else platform.processor(), "cores": os.cpu_count()}


@functools.cache
def step_flops(batch_size: int) -> float:
    """Floating-point operations of one training step of the post's networks: the generator forward
    on the discriminator's fakes, then forward and backward (counted as three forwards) the
    discriminator on 2n images, and the generator and the discriminator on n fakes. Each
    multiply-add of a Dense or convolution layer counts as two operations."""
    from ganlib.models import build_discriminator, build_generator

    def multiply_adds(model) -> int:
        total = 0
        for layer in model.layers:
            kernel = getattr(layer, "kernel", None)
            if kernel is None:
                continue
            positions = math.prod(layer.output.shape[1:3]) if len(layer.output.shape) == 4 else 1
            total += positions * math.prod(kernel.shape)
        return total

    g, d = multiply_adds(build_generator()), multiply_adds(build_discriminator())
    return 2 * batch_size * (g + 3 * 2 * d + 3 * (g + d))


def gpu_seconds_per_step() -> float:
    """The assumed time of a step at the GPU mode's batch size on Colab's T4."""
    from ganlib.config import run_sizes

    return step_flops(run_sizes("gpu").batch_size) / (T4_PEAK_FLOPS * GPU_UTILISATION)


def gpu_minutes(chapter: dict) -> float:
    """The estimate for a Colab GPU: the chapter's measured CPU time without its trainings, plus
    each training at the mode's size at the GPU mode's size and :func:`gpu_seconds_per_step`, plus
    the fixed-size trainings' CPU time sped up as a step is (:data:`CPU_SECONDS_PER_STEP`), plus
    :data:`GPU_SETUP_MINUTES`."""
    fixed = chapter.get("fixed_training_seconds", 0.0)
    rest = chapter["seconds"] - chapter["training_seconds"] - fixed
    full_size = chapter["training_runs"] * gpu_steps() * gpu_seconds_per_step()
    return GPU_SETUP_MINUTES + (rest + full_size + fixed * gpu_seconds_per_step() / CPU_SECONDS_PER_STEP) / 60


def gpu_steps() -> int:
    """Steps of one training run in GPU mode: the post's 50 epochs over the 60,000 digits."""
    from ganlib.config import run_sizes
    from ganlib.data import N_KERAS

    gpu = run_sizes("gpu")
    return gpu.epochs * (N_KERAS // gpu.batch_size)


# --- What the checkers recognise -----------------------------------------------------------------


def catalogue_ids() -> set[str]:
    from babel.messages.pofile import read_po

    with (ROOT / "ganlib" / "locale" / "tr" / "LC_MESSAGES" / "ganlib.po").open("rb") as f:
        return {m.id for m in read_po(f) if m.id and isinstance(m.id, str)}


def checker_mistakes(name: str) -> list[tuple[str, dict]]:
    """The mistakes the checker ``name`` recognises, as (English message id, fixed fields): its
    registered tables' entries, then the other messages the ``fail`` calls of its code (and of the
    functions it calls in its module or the checking core) can make."""
    from ganlib import exercises
    from ganlib.exercises import _core

    tables = [e for key, e in _core.EXERCISES.items() if key.split(".")[0] == name]
    entries = {(m.message, tuple(m.fields.items())): None for e in tables for m in e.mistakes}
    listed = [(message, dict(fields)) for message, fields in entries]
    ids = catalogue_ids()
    generic = {m for f in (_core.call, _core.scalar, _core.checker) for m in _fail_messages(f, set())}
    generic |= {m for m, _ in listed}
    found = _fail_messages(inspect.unwrap(exercises.CHECKERS[name]), set())
    return listed + [(m, {}) for m in dict.fromkeys(found) if m in ids and m not in generic]


# Functions of the checking core whose own messages are generic (not a mistake of one exercise).
_GENERIC = {"fail", "ok", "phrase", "call", "compare", "recognise", "scalar", "same", "checker", "register"}
_GENERIC |= {"N_"}


def _fail_messages(func, seen: set) -> list[str]:
    """Messages ``func``'s ``fail(...)`` calls can give, following calls into functions of its own
    module and the checking core; tables passed as arguments (dicts and lists of messages or
    Mistakes) count too."""
    if func in seen or not inspect.isfunction(func):
        return []
    seen.add(func)
    module = sys.modules[func.__module__]
    tree = ast.parse(inspect.getsource(module))
    node = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == func.__name__), None)
    if node is None:
        return []
    from ganlib.exercises import _core

    found = []
    calls = sorted(
        (n for n in ast.walk(node) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset)
    )
    for call in calls:
        callee = call.func.id if isinstance(call.func, ast.Name) else None
        if callee == "fail" and call.args:
            found += _resolve(call.args[0], module, strings=True)
            continue
        if callee in _GENERIC:
            continue
        for arg in [*call.args, *(k.value for k in call.keywords)]:
            found += _resolve(arg, module, strings=False)
        target = module.__dict__.get(callee) if callee else None
        if target is None and callee:
            target = getattr(_core, callee, None)
        if inspect.isfunction(target) and target.__module__ in (module.__name__, _core.__name__):
            found += _fail_messages(target, seen)
    return found


def _resolve(expr, module, strings: bool) -> list[str]:
    """The messages an expression can stand for: a literal, N_(literal), a module constant (a
    message, or a table of them), either branch of ``a if c else b``, any entry of ``table[key]``.
    With ``strings=False`` (an argument to some other call), only tables count."""
    from ganlib.exercises._core import Mistake

    def values(value) -> list[str]:
        if isinstance(value, str):
            return [value] if strings else []
        if isinstance(value, Mistake):
            return [value.message]
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, (list, tuple)):
            out = []
            for v in value:
                out += [v] if isinstance(v, str) else [v.message] if isinstance(v, Mistake) else []
            return out
        return []

    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value] if strings else []
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id == "N_" and expr.args:
        return _resolve(expr.args[0], module, strings)
    if isinstance(expr, ast.Name):
        return values(module.__dict__.get(expr.id))
    if isinstance(expr, ast.IfExp):
        return _resolve(expr.body, module, strings) + _resolve(expr.orelse, module, strings)
    if isinstance(expr, ast.Subscript):
        return _resolve(expr.value, module, strings=False) if strings else []
    return []


def shown(message: str, lang: str, fields: dict | None = None) -> str:
    """A message id as the page shows it: in ``lang``, its fields "…" (or their fixed value), with
    the characters Markdown would read as markup escaped (code spans kept)."""
    import string

    from ganlib import fmt
    from ganlib.language import gettext

    class Blank(dict):
        def __missing__(self, key):
            return "…"

    values = {
        k: fmt.number(v, lang=lang) if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)
        for k, v in (fields or {}).items()
    }
    text = string.Formatter().vformat(gettext(message, lang=lang), (), Blank(values))
    parts = re.split(r"(`[^`]*`)", text)
    escape = re.compile(r"([\\*_\[\]<>$|{}#])")
    return "".join(p if p.startswith("`") else escape.sub(r"\\\1", p) for p in parts)


# --- The generated parts ---------------------------------------------------------------------------


def minutes(value: float, lang: str, step: int = 1) -> str:
    """A duration rounded up to ``step`` minutes, written "1 h 10 min" / "1 sa 10 dk"."""
    w = WORDS[lang]
    total = max(step, int(math.ceil(value / step - 1e-9)) * step)
    hours, rest = divmod(total, 60)
    if not hours:
        return w["min"].format(total)
    return w["hour"].format(hours) if not rest else w["hour_min"].format(hours, rest)


def run_time(value: float, lang: str) -> str:
    """A measured time: "< 1 min" under a minute, else rounded up to whole minutes."""
    return "< " + WORDS[lang]["min"].format(1) if value < 1 else minutes(value, lang)


def _kinds(exercises, lang: str) -> str:
    w = WORDS[lang]
    counts = {k: sum(e.kind == k for e in exercises) for k in EXERCISE_MINUTES}
    said = [f"{n} {w['kinds'][k][n != 1]}" for k, n in counts.items() if n]
    return ", ".join(said) or w["none"]


def exercise_minutes(exercises) -> int:
    return sum(EXERCISE_MINUTES[e.kind] for e in exercises)


def chapters_table(chapters: list[Chapter], lang: str, times: dict) -> str:
    w = WORDS[lang]
    rows = [w["header"], "| --- | --- | --- | --- | --- | --- | --- |"]
    totals = {"read": 0.0, "cpu": 0.0, "gpu": 0.0, "ex": 0}
    all_exercises = []
    for ch in chapters:
        t = times["chapters"][ch.number]
        read = ch.words / WORDS_PER_MINUTE
        cpu, gpu = t["seconds"] / 60, gpu_minutes(t)
        ex = exercise_minutes(ch.exercises)
        totals["read"] += math.ceil(read / 5) * 5
        totals["cpu"] += cpu
        totals["gpu"] += gpu
        totals["ex"] += ex
        all_exercises += ch.exercises
        links = ", ".join(f"[{n}]({_stem(chapters, n)}.ipynb)" for n in ch.builds_on) or "—"
        rows.append(
            f"| [{ch.number} · {ch.title}]({ch.path.name}) | {minutes(read, lang, 5)} "
            f"| {run_time(cpu, lang)} "
            f"| {w['about'].format(minutes(gpu, lang, 5))} | {_kinds(ch.exercises, lang)} "
            f"| {minutes(ex, lang, 5) if ex else '—'} | {links} |"
        )
    rows.append(
        f"| {w['total']} | {minutes(totals['read'], lang)} | {minutes(totals['cpu'], lang)} "
        f"| {w['about'].format(minutes(totals['gpu'], lang, 5))} | {_kinds(all_exercises, lang)} "
        f"| {minutes(totals['ex'], lang)} | |"
    )
    return "\n".join(rows) + "\n"


def _stem(chapters: list[Chapter], number: str) -> str:
    return next(ch.path.stem for ch in chapters if ch.number == number)


def prerequisites_list(chapters: list[Chapter], lang: str) -> str:
    return "".join(f"- **{ch.number} · {ch.title}** — {ch.prerequisites}\n" for ch in chapters)


def ref(exercise: Exercise) -> str:
    """A link to an exercise under its title (sphinx-exercise titles an unnumbered one's
    ``{ref}`` only "Exercise")."""
    return f"{{ref}}`{exercise.title} <{exercise.label}>`"


def mistakes_list(chapters: list[Chapter], lang: str) -> str:
    out = []
    for ch in chapters:
        code = [e for e in ch.exercises if e.kind == "code"]
        if not code:
            continue
        out.append(f"### [{ch.number} · {ch.title}]({ch.path.name})\n")
        for e in code:
            out.append(f"**{ref(e)}** — {WORDS[lang]['checker'].format(e.checker)}\n")
            said = dict.fromkeys(shown(m, lang, fields) for m, fields in checker_mistakes(e.checker))
            out.append("".join(f"- {text}\n" for text in said) + "\n")
    return "\n".join(out).rstrip("\n") + "\n"


def generated_parts(lang: str, times: dict | None = None) -> dict[str, str]:
    from ganlib import fmt

    times = times or json.loads(TIMES.read_text())
    chapters = [read_chapter(p, lang) for p in chapter_paths(lang)]
    ex = {k: fmt.number(v, lang=lang) for k, v in EXERCISE_MINUTES.items()}
    return {
        "chapters": chapters_table(chapters, lang, times),
        "estimates": _estimates(lang, times, ex),
        "prerequisites": prerequisites_list(chapters, lang),
        "mistakes": mistakes_list(chapters, lang),
    }


def _estimates(lang: str, times: dict, ex: dict) -> str:
    """How the table's figures were made, with the figures themselves."""
    from ganlib import fmt
    from ganlib.config import run_sizes

    gpu = run_sizes("gpu")
    n = lambda v: fmt.number(v, lang=lang)  # noqa: E731
    loads = sorted(t["load"] for t in times["chapters"].values())
    load = f"{n(loads[0])}–{n(loads[-1])}"
    dates = sorted({t["date"] for t in times["chapters"].values()})
    runs = sorted({t["runs"] for t in times["chapters"].values()})
    several = runs[-1] > 1
    runs = n(runs[0]) if len(runs) == 1 else f"{n(runs[0])}–{n(runs[-1])}"
    step_ms = n(round(gpu_seconds_per_step() * 1000))
    gflop = n(round(step_flops(gpu.batch_size) / 1e9))
    peak = fmt.number(T4_PEAK_FLOPS / 1e12, 1, lang=lang)
    if lang == "tr":
        return (
            f"- **Okuma:** bölümün Markdown hücrelerindeki kelimeler, dakikada {n(WORDS_PER_MINUTE)} "
            "kelimeyle (teknik bir metni dikkatle, ya da ikinci bir dilde okuma hızı), 5 dakikaya "
            "yuvarlanmış. Kod hücrelerini ve şekilleri okumak buna eklenir.\n"
            f"- **2 çekirdekli CPU (ölçülen):** her bölüm `make outputs` gibi CPU modunda "
            f"(`GANLIB_DATA=bundled`) ama yerinde değil geçici bir kopyaya çalıştırıldı "
            "(`python tools/teacher_guide.py --measure`"
            f"{f'; bölüm başına {runs} koşunun en hızlısı' if several else ', her bölüm bir kez'}), "
            f"{' ile '.join(dates)} {'arasında' if len(dates) > 1 else 'tarihinde'}, şu makinede: "
            f"{times['machine']['cpu']}, {n(times['machine']['cores'])} çekirdek. "
            "Makine o sırada başka işlerle paylaşılıyordu (her bölümün sonunda "
            f"yük ortalaması {load}): süreler üst sınırdır. "
            "İngilizce bölümler ölçüldü; Türkçe bölümler aynı kodu çalıştırır.\n"
            f"- **Colab GPU'su (tahmin, ölçülmedi):** ölçülen CPU süresinden, modun boyutunda eğiten "
            f"hücrelerin süresi çıkarılıp yerine her eğitim için GPU modunun "
            f"{n(gpu.epochs)} dönem × {n(gpu_steps() // gpu.epochs)} adımı "
            f"(= {n(gpu_steps())} adım, {n(gpu.batch_size)}'lik yığınlar) adım başına {step_ms} ms "
            f"varsayımıyla ekleniyor: yazının iki ağıyla bir adımın işlemleri ({gflop} milyar kayan "
            f"noktalı işlem, ileri ve geri yayılım) Colab'in T4'ünün {peak} TFLOP/sn'lik tepe hızının "
            "üçte biriyle (bir varsayım). Sabit sayıda adım eğiten hücreler (9. bölümün deneyi) de "
            f"o kadar hızlanır: bu CPU'da boştayken adım başına {n(CPU_SECONDS_PER_STEP)} sn (README), "
            f"GPU'da {step_ms} ms. Üstüne "
            f"ilk hücrenin kurulumu ve MNIST'in indirilmesi için {n(GPU_SETUP_MINUTES)} dakika. "
            "5 dakikaya yuvarlanmış.\n"
            f"- **Alıştırmalar:** kod alıştırması {ex['code']}, denetlenen bir cevap (bir sayı ya da "
            f"bir karar) {ex['answer']}, denetlenmeyen yazılı bir soru {ex['written']} dakika; bir "
            "tahmin, bir öğrencinin ilk denemesi için.\n"
        )
    return (
        f"- **Reading:** the words of the chapter's Markdown cells at {n(WORDS_PER_MINUTE)} words a "
        "minute (technical prose read with care, or in a second language), rounded up to 5 minutes. "
        "Reading the code cells and the figures comes on top.\n"
        "- **2-core CPU (measured):** each chapter run in CPU mode as `make outputs` runs it "
        "(`GANLIB_DATA=bundled`), but into a temporary copy, not in place "
        "(`python tools/teacher_guide.py --measure`"
        f"{f'; the fastest of {runs} runs a chapter' if several else ', once each'}), "
        f"{'between ' + ' and '.join(dates) if len(dates) > 1 else 'on ' + dates[0]}, on this machine: "
        f"{times['machine']['cpu']}, {n(times['machine']['cores'])} cores. "
        "The machine was shared with other work at the time (load average "
        f"{load} at the end of each chapter): the times are upper bounds. The English chapters were "
        "timed; the Turkish ones run the same code.\n"
        "- **Colab GPU (estimated, not measured):** the measured CPU time, less the cells that train "
        f"at the mode's size, plus each of those trainings at the GPU mode's {n(gpu.epochs)} epochs × "
        f"{n(gpu_steps() // gpu.epochs)} steps (= {n(gpu_steps())} steps of "
        f"{n(gpu.batch_size)}) at {step_ms} ms a step: the step's arithmetic with the post's two "
        f"networks ({gflop} billion floating-point operations, forward and backward) at a third of the "
        f"{peak} TFLOP/s peak of Colab's T4 (an assumption). Cells that train a fixed number of steps "
        f"(chapter 09's experiment) are sped up as much: {n(CPU_SECONDS_PER_STEP)} s a step on this "
        f"CPU idle (README) against {step_ms} ms. Plus {n(GPU_SETUP_MINUTES)} minutes for "
        "the first cell's install and the "
        "MNIST download; rounded up to 5 minutes.\n"
        f"- **Exercises:** {ex['code']} minutes for a code exercise, {ex['answer']} for a checked answer "
        f"(a number or a decision), {ex['written']} for a written question nothing checks: an "
        "estimate, for a student's first attempt.\n"
    )


BLOCK = re.compile(r"^% BEGIN generated: (\w+).*?\n(.*?)^% END generated: \1[^\n]*\n", re.S | re.M)


def render(page: str, parts: dict[str, str]) -> str:
    """``page`` with each generated block replaced by its part (every part must have a block)."""
    names = BLOCK.findall(page)
    missing = set(parts) - {name for name, _ in names}
    if missing:
        raise ValueError(f"the page has no block for {sorted(missing)}")

    def replace(m: re.Match) -> str:
        first = m.group(0).split("\n", 1)[0]
        return f"{first}\n{parts[m.group(1)]}% END generated: {m.group(1)}\n"

    return BLOCK.sub(replace, page)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--check", action="store_true", help="exit 1 if a page is stale")
    p.add_argument(
        "--measure", nargs="*", metavar="NN", help="time every chapter (or chapters NN …) → " + TIMES.name
    )
    args = p.parse_args(argv)
    if args.measure is not None:
        measure(args.measure)
        return 0
    stale = []
    for lang, path in PAGES.items():
        text = path.read_text()
        new = render(text, generated_parts(lang))
        if new != text:
            stale.append(path)
            if not args.check:
                path.write_text(new)
    if args.check and stale:
        print("stale (run make guide):", ", ".join(str(p.relative_to(ROOT)) for p in stale))
        return 1
    print(("stale: " if args.check else "written: ") + ", ".join(str(p.relative_to(ROOT)) for p in stale)
          if stale else "teacher's guide: current")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
