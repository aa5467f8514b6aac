"""The repository's own promises: layout, dependency lists in step, README ↔ CI."""

import re
from pathlib import Path

import tomllib
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _names(reqs):
    return {re.split(r"[<>=!~ ]", r, maxsplit=1)[0].strip().lower(): r.replace(" ", "") for r in reqs}


def test_top_level_layout():
    for name in (
        "book",
        "_config.yml",
        "_toc.yml",
        "ganlib",
        "tests",
        "environment.yml",
        "pyproject.toml",
        "README.md",
        ".ci/run",
        "LICENSE",
        "ganlib/_data/DATA-LICENSE.md",
    ):
        assert (ROOT / name).exists(), name


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    listed = _names(p for p in pip if not p.startswith("-e"))
    assert listed == _names(wanted)
    assert "python=3.11" in env["dependencies"]


def test_jupyter_book_pinned_to_1x():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "jupyter-book>=1.0.4,<2" in project["optional-dependencies"]["book"]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^(make \w+)\s+#", readme, flags=re.M)
    assert commands[:2] == ["make book", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", ci, flags=re.M)


def test_the_wheel_carries_the_data_and_every_shipped_file(tmp_path):
    """What `pip install` gives a Colab user: the bundled MNIST, the classifier and every file of
    the shipped runs (weights, grids, measures, provenance) inside the package."""
    import shutil
    import subprocess
    import sys
    import zipfile

    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    tracked = subprocess.run(
        ["git", "ls-files", "ganlib"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path)]
        + ["."],
        cwd=source,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("ganlib-*.whl")
    inside = set(zipfile.ZipFile(wheel).namelist())
    wanted = {name for name in tracked if not name.endswith(".pyc")}
    assert wanted - inside == set()
    assert any(name.startswith("ganlib/_data/") and name.endswith(".gz") for name in inside)
    runs = ("post", "quick", "improved", "conditional")
    assert {f"ganlib/reference/{run}/generator.weights.h5" for run in runs} <= inside
