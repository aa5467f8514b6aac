"""Write constraints.txt: the exact version of every package `make install` installs.

    python tools/lock.py            (make lock)

pip resolves pyproject.toml's dependencies with the book and test extras as it would on a fresh
machine (``--dry-run --ignore-installed``: nothing is installed) and reports what it would
install; each package is written pinned (``name==version``). ``make install`` installs with
``-c constraints.txt``, so CI and every contributor get the versions the stored outputs were made
with; Colab users install ganlib with pyproject.toml's loose ranges and keep Colab's TensorFlow.
Extra pip arguments are passed on (``python tools/lock.py -c old-constraints.txt`` keeps the
versions of an earlier lock where they still fit).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "constraints.txt"
HEADER = (
    "# Written by `make lock` (tools/lock.py) from pyproject.toml's dependencies and extras [book,test];\n"
    "# `make install` installs with -c constraints.txt. Do not edit by hand.\n"
)


def resolve(extra_args: list[str]) -> dict[str, str]:
    """name → version of every package pip would install for ``-e .[book,test]``."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--dry-run", "--ignore-installed",
             "--report", str(report), *extra_args, "-e", ".[book,test]"],
            cwd=ROOT, check=True,
        )  # fmt: skip
        wanted = json.loads(report.read_text())["install"]
    return {
        i["metadata"]["name"]: i["metadata"]["version"] for i in wanted if i["metadata"]["name"] != "ganlib"
    }


def main(argv: list[str] | None = None) -> int:
    pins = resolve(sys.argv[1:] if argv is None else argv)
    lines = [f"{name}=={version}" for name, version in sorted(pins.items(), key=lambda kv: kv[0].lower())]
    OUT.write_text(HEADER + "\n".join(lines) + "\n")
    print(f"{OUT.name}: {len(lines)} packages pinned")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
