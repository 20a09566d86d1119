"""Demo databases for the tests, built once and copied: a build is cached in `.cache/tests/`
under a key made of its arguments, the demo generator's source and the DuckDB version (so a
changed generator is rebuilt, never reused), behind a file lock (pytest-xdist workers and the
later `make test` stages wait for one build instead of racing), and every session gets its own
copy (no test can change another's data, and no two processes share a DuckDB file).

    path = demo_copy(tmp_path_factory, "demo", events=30_000)
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "tests"
AS_OF = date(2026, 11, 23)


# What the demo generator is made of, its pre-aggregates included: a change to any of these
# builds the demo again.
DEMO_SOURCES = (
    "connectors/demo",
    "connectors/canonical.py",
    "connectors/loads.py",
    "connectors/aggregates.py",
    "semantic_layer/compile/aggregates.py",
    "semantic_layer/compile/neighbours.py",
    "semantic_layer/compile/attribution.py",  # the per-conversion table walks touches with it
    "semantic_layer/compile/touches.py",
)


def source_key(*sources: str) -> str:
    """A short hash of the Python files at or under `sources` (relative to the repository) and
    of the DuckDB version (a file written by another version may not open)."""
    digest = hashlib.sha256(duckdb.__version__.encode())
    for source in sources:
        top = ROOT / source
        for path in [top] if top.is_file() else sorted(top.rglob("*.py")):
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached(name: str, build: Callable[[Path], object]) -> Path:
    """`.cache/tests/<name>`, built by `build(path)` unless an earlier run or another worker
    built it already; written to a partial file first, so an interrupted build is never used."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / name
    with FileLock(str(path) + ".lock"):
        if not path.is_file():
            partial = path.with_name(path.name + ".partial")
            partial.unlink(missing_ok=True)
            build(partial)
            partial.replace(path)
    return path


def demo_copy(
    factory: pytest.TempPathFactory,
    folder: str,
    *,
    events: int,
    as_of: date = AS_OF,
    seed: int = 7,
    days: int = 400,
) -> Path:
    """A fresh copy, in a new temporary folder, of the demo built with these arguments."""
    from connectors.demo import build_demo

    stem = f"demo-{seed}-{as_of}-{events}-{days}"
    name = f"{stem}-{source_key(*DEMO_SOURCES)}.duckdb"
    for old in CACHE.glob(f"{stem}-*.duckdb"):  # built by an older generator: never used again
        if old.name != name:
            old.unlink(missing_ok=True)
    built = cached(
        name, lambda path: build_demo(path, as_of=as_of, seed=seed, events=events, days=days)
    )
    copy = factory.mktemp(folder) / "demo.duckdb"
    shutil.copyfile(built, copy)
    return copy


# What an evaluation domain's database is made of besides its own folder: the ingest and the
# pre-aggregates it writes.
DOMAIN_SOURCES = (
    "connectors",
    "semantic_layer/compile/aggregates.py",
    "semantic_layer/compile/neighbours.py",
    "semantic_layer/compile/attribution.py",
    "semantic_layer/compile/touches.py",
)


def domain_copy(factory: pytest.TempPathFactory, domain: str) -> Path:
    """A fresh copy, in a new temporary folder, of an evaluation domain's database as its
    `generate.py` builds it through `tpa ingest` (built once for every test file that uses it)."""
    import importlib.util

    folder = f"evals/domains/{domain}"
    stem = f"domain-{domain}"
    name = f"{stem}-{source_key(folder, *DOMAIN_SOURCES)}.duckdb"
    for old in CACHE.glob(f"{stem}-*.duckdb"):
        if old.name != name:
            old.unlink(missing_ok=True)

    def build(path: Path) -> None:
        spec = importlib.util.spec_from_file_location(
            f"{domain}_generate", ROOT / folder / "generate.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.build(path)

    copy = factory.mktemp(domain) / f"{domain}.duckdb"
    shutil.copyfile(cached(name, build), copy)
    return copy
