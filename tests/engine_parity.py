"""What the engine parity tests share: the pinned demo, cell comparison, the gold suite asked
of two engines (tests/test_engines_clickhouse.py, tests/test_engines_spark.py)."""

from __future__ import annotations

import math
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from evals.runner import as_of_for, database_for
from evals.suite import load_suite

GOLD = Path(__file__).parent.parent / "evals" / "gold"


@pytest.fixture(scope="session")
def pinned_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gold suite's pinned demo (seed 7, 200k events, as of 2026-11-23), built once where
    `tpa eval evals/gold` finds it (pytest-xdist workers wait for one build), a copy of its own
    per session."""
    built = database_for(load_suite(GOLD))
    copy = tmp_path_factory.mktemp("pinned") / built.name
    shutil.copyfile(built, copy)
    return copy


def same(a: Any, b: Any) -> bool:
    """Equal cells of the same kind: floats to 1e-9 relative (a DATE is not a TIMESTAMP)."""
    if isinstance(a, date) or isinstance(b, date):
        return type(a) is type(b) and a == b
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def assert_same_rows(got: list[Any], expected: list[Any], what: str) -> None:
    assert len(got) == len(expected), f"{what}: {len(got)} rows, DuckDB has {len(expected)}"
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        assert same(list(g), list(e)), f"{what}, row {i}: {g} != DuckDB {e}"


def answer_text(printed: str) -> str:
    """What `tpa ask` printed, without the line naming the (new, random) session."""
    return "\n".join(line for line in printed.splitlines() if not line.startswith("session:"))


def _service(db: Path, engine: str, home: Path) -> AssistantService:
    config = AssistantConfig(
        db=db, home=home, as_of=as_of_for(load_suite(GOLD)), retrieval=False, engine=engine,
        answer_cache_s=0, query_timeout_s=300,  # local Spark on a busy 2-core machine
    )  # fmt: skip
    return AssistantService.open(config)


def same_gold_answers(duckdb_file: Path, other: Path, engine: str, home: Path) -> None:
    """Every question of evals/gold (follow-ups in one session) asked of DuckDB and of
    `engine` over `other`: the same plans, columns and rows, or the list of what differs."""
    suite = load_suite(GOLD)
    compared, differ = 0, []
    with (
        _service(duckdb_file, "duckdb", home / "d") as duck,
        _service(other, engine, home / "c") as house,
    ):
        for _, case in suite.cases:
            sessions: dict[str, str | None] = {"d": None, "c": None}
            role = case.role or suite.spec.role
            for question in case.questions:
                a = duck.ask(question, session_id=sessions["d"], role=role)
                b = house.ask(question, session_id=sessions["c"], role=role)
                sessions = {"d": a.session_id, "c": b.session_id}
                what = f"{case.id}: {question}"
                try:
                    assert (a.error is None) == (b.error is None), f"{a.error} / {b.error}"
                    assert a.plan == b.plan, "plans differ"
                    assert a.columns == b.columns, "columns differ"
                    assert_same_rows(b.rows, a.rows, what)
                except AssertionError as exc:
                    differ.append(f"{what}: {str(exc).splitlines()[0]}")
                compared += bool(a.rows)
    assert not differ, f"{len(differ)} answers differ:\n" + "\n".join(differ)
    assert compared >= 150, f"only {compared} answers with rows were compared"
