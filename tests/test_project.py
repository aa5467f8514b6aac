"""The repository's own promises: layout, dependency lists in step, README ↔ CI."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _names(reqs):
    return {re.split(r"[<>=!~ ]", r, maxsplit=1)[0].strip().lower(): r.replace(" ", "") for r in reqs}


def _dists(reqs) -> set[str]:
    """Distribution names, normalised as pip does (PyYAML = pyyaml, sphinx_design = sphinx-design)."""
    return {re.sub(r"[-_.]+", "-", name) for name in _names(reqs)}


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


def test_environment_yml_installs_the_project_with_its_extras_and_the_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip == ["-c constraints.txt", "-e .[book,test]"]
    assert "python=3.11" in env["dependencies"]


def test_the_lock_pins_every_dependency_and_make_install_uses_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    text = (ROOT / "constraints.txt").read_text()
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    pins = dict(ln.split("==") for ln in lines)
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+!\-]+", ln) for ln in lines)
    assert _dists(wanted) <= _dists(pins), f"not pinned: {_dists(wanted) - _dists(pins)}"
    assert re.search(r"pip install .*-c constraints\.txt", (ROOT / "Makefile").read_text())
    assert project["requires-python"] == ">=3.11"


def test_every_package_the_code_imports_is_declared():
    import ast
    import sys

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = _dists([*project["dependencies"], *sum(project["optional-dependencies"].values(), [])])
    # import name → distribution name, where they differ
    dist = {
        "yaml": "pyyaml",
        "IPython": "ipython",
        "sphinxcontrib": "sphinxcontrib-bibtex",
        "myst_nb": "myst-nb",
    }
    folders = ("ganlib", "tests", "tools", "benchmarks", "book/_ext")
    local = {"ganlib"} | {path.stem for folder in folders for path in (ROOT / folder).rglob("*.py")}
    used = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    used |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    used.add(node.module.split(".")[0])
    third_party = {m for m in used if m not in sys.stdlib_module_names and m not in local}
    missing = {m for m in third_party if _dists([dist.get(m, m)]) - declared}
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"


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
