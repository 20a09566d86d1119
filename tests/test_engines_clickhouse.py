"""ClickHouse (embedded, chdb) gives the same answers as DuckDB on the pinned 200k-event demo:
every golden plan, every plan kind and the whole gold eval suite, row for row (floats to 1e-9
relative), and its own guard refuses ClickHouse's dangerous functions (issue 17)."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from assistant.config import AssistantConfig
from assistant.service import AssistantService
from connectors.engine import Engine as DuckDBEngine
from connectors.engine import EngineError
from connectors.engines import export_parquet, open_engine
from connectors.engines.base import Engine
from connectors.engines.clickhouse import load
from evals.runner import as_of_for, database_for
from evals.suite import load_suite
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.plan import parse_plan
from tests.test_compile_plan import CASES, CTX, MODEL

pytest.importorskip("chdb")
GOLD = Path(__file__).parent.parent / "evals" / "gold"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def pinned_demo() -> Path:
    """The gold suite's pinned demo (seed 7, 200k events, as of 2026-11-23), built once."""
    return database_for(load_suite(GOLD))


@pytest.fixture(scope="session")
def chdb_folder(pinned_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pinned demo loaded into one chdb database, shared by the whole test session."""
    work = tmp_path_factory.mktemp("chdb")
    export_parquet(pinned_demo, work / "parquet")
    load(work / "db", work / "parquet")
    return work / "db"


@pytest.fixture(scope="module")
def engines(pinned_demo: Path, chdb_folder: Path) -> Iterator[tuple[Engine, Engine]]:
    duck = DuckDBEngine(pinned_demo, timeout_s=60, row_cap=100_000)
    house = open_engine("clickhouse", chdb_folder, timeout_s=60, row_cap=100_000)
    yield duck, house
    duck.close()
    house.close()


def same(a: Any, b: Any) -> bool:
    """Equal cells: floats to 1e-9 relative, a DATE equal to the same midnight TIMESTAMP."""
    if isinstance(a, date) and not isinstance(a, datetime):
        a = datetime(a.year, a.month, a.day)
    if isinstance(b, date) and not isinstance(b, datetime):
        b = datetime(b.year, b.month, b.day)
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def assert_same_rows(got: list[Any], expected: list[Any], what: str) -> None:
    assert len(got) == len(expected), f"{what}: {len(got)} rows on ClickHouse, {len(expected)}"
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        assert same(list(g), list(e)), f"{what}, row {i}: ClickHouse {g} != DuckDB {e}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_golden_plan_gives_duckdbs_rows(case: str, engines: tuple[Engine, Engine]) -> None:
    duck, house = engines
    compiled = compile_plan(parse_plan(CASES[case]), MODEL, CTX, dialect=house.dialect)
    expected = duck.run(compiled.sql(duck.dialect) or "").rows
    assert expected, f"{case}: the check needs rows to compare"
    assert_same_rows(house.run(compiled.sql() or "").rows, expected, case)
    for name in compiled.extra:
        got = house.run(compiled.extra_sql(name)).rows
        assert_same_rows(got, duck.run(compiled.extra_sql(name, duck.dialect)).rows, name)


def _service(db: Path, engine: str, home: Path) -> AssistantService:
    config = AssistantConfig(
        db=db, home=home, as_of=as_of_for(load_suite(GOLD)), retrieval=False, engine=engine,
        answer_cache_s=0,
    )  # fmt: skip
    return AssistantService.open(config)


def test_the_gold_suite_gets_the_same_answers(
    pinned_demo: Path, chdb_folder: Path, tmp_path: Path, engines: tuple[Engine, Engine]
) -> None:
    """Every question of evals/gold (follow-ups in one session), asked of both engines."""
    suite = load_suite(GOLD)
    compared, differ = 0, []
    with (
        _service(pinned_demo, "duckdb", tmp_path / "d") as duck,
        _service(chdb_folder, "clickhouse", tmp_path / "c") as house,
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


def test_tpa_ask_on_clickhouse_says_duckdbs_numbers(pinned_demo: Path, chdb_folder: Path) -> None:
    question = "which touchpoint lost the most users last week"
    outputs = []
    for engine, where in (("duckdb", pinned_demo), ("clickhouse", chdb_folder)):
        env = {**os.environ, "TPA_ENGINE": engine, "TPA_ENGINE_URL": str(where)}
        env.update(TPA_RETRIEVAL="0", TPA_AS_OF="2026-11-23", TPA_HOME=str(chdb_folder.parent))
        run = subprocess.run(
            [str(Path(sys.executable).parent / "tpa"), "ask", question],
            env=env, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append(run.stdout)
    assert outputs[0] == outputs[1]
    assert any(ch.isdigit() for ch in outputs[1])


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM file('/etc/passwd', 'LineAsString')",
        "SELECT * FROM url('http://127.0.0.1:1/x', CSV)",
        "SELECT * FROM remote('127.0.0.1', system.one)",
        "SELECT * FROM s3('http://127.0.0.1:1/b/k', 'CSV')",
        "SELECT name FROM system.tables",
        "SELECT getSetting('readonly')",
        "SELECT currentUser()",
        "SELECT count() FROM numbers(100000000000)",
        "INSERT INTO events SELECT * FROM events",
        "SELECT 1; DROP TABLE events",
    ],
)
def test_clickhouse_refuses_files_network_catalog_and_writes(
    sql: str, engines: tuple[Engine, Engine]
) -> None:
    _, house = engines
    with pytest.raises(EngineError):
        house.run(sql)


def test_the_clickhouse_session_is_read_only(engines: tuple[Engine, Engine]) -> None:
    """Below the guard, the session itself refuses writes and setting changes (readonly=1)."""
    _, house = engines
    for statement in (
        "DROP TABLE events",
        "SET readonly = 0",
        "CREATE TABLE x (a Int8) ENGINE = Memory",
    ):
        with pytest.raises(EngineError, match=r"(?i)readonly"):
            house._query(statement)  # type: ignore[attr-defined]
