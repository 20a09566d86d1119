"""The layers hold: semantic_layer ← connectors ← assistant ← evals ← ui, nothing upward.

`lint-imports` (import-linter) checks the contract in pyproject.toml; `make lint` runs it too.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]


def test_every_package_of_the_project_is_in_a_layer() -> None:
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests"}
    (contract,) = CONFIG["importlinter"]["contracts"]
    assert set(CONFIG["importlinter"]["root_packages"]) == packages
    assert set(contract["layers"]) == packages
    assert contract["layers"][-1] == "semantic_layer"  # the bottom imports nothing of ours


def test_no_import_runs_upward() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "1 kept, 0 broken" in done.stdout
