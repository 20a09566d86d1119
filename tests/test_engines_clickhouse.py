"""ClickHouse (embedded, chdb) gives the same answers as DuckDB on the pinned 200k-event demo:
every golden plan, every plan kind and the whole gold eval suite, row for row (floats to 1e-9
relative), and its own guard refuses ClickHouse's dangerous functions (issue 17)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.engine import Engine as DuckDBEngine
from connectors.engine import EngineError
from connectors.engines import export_parquet, open_engine
from connectors.engines.base import Engine
from connectors.engines.clickhouse import load
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import DEMO_MODEL_PATH
from semantic_layer.plan import parse_plan
from tests.engine_parity import answer_text, assert_same_rows, pinned_demo, same_gold_answers
from tests.test_compile_plan import CASES, CTX, MODEL

pytest.importorskip("chdb")
__all__ = ["pinned_demo"]  # the shared fixture
pytestmark = pytest.mark.slow


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


def test_the_gold_suite_gets_the_same_answers(
    pinned_demo: Path, chdb_folder: Path, tmp_path: Path
) -> None:
    """Every question of evals/gold (follow-ups in one session), asked of both engines."""
    same_gold_answers(pinned_demo, chdb_folder, "clickhouse", tmp_path)


def _tpa(*args: str, env: dict[str, str] | None = None) -> str:
    run = subprocess.run(
        [str(Path(sys.executable).parent / "tpa"), *args],
        env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_tpa_ask_on_clickhouse_says_duckdbs_numbers(pinned_demo: Path, tmp_path: Path) -> None:
    """`tpa export … --engine clickhouse` loads a chdb folder; `TPA_ENGINE=clickhouse tpa ask`
    over it prints exactly what DuckDB's answer prints."""
    folder = tmp_path / "demo.chdb"
    said = _tpa("export", "--parquet", str(tmp_path / "pq"), "--db", str(pinned_demo),
                "--engine", "clickhouse", "--to", str(folder))  # fmt: skip
    assert "loaded 8 tables" in said  # the canonical tables, _tpa_meta and _tpa_loads
    question = "which touchpoint lost the most users last week"
    common = {"TPA_RETRIEVAL": "0", "TPA_AS_OF": "2026-11-23", "TPA_HOME": str(tmp_path)}
    duck = _tpa("ask", question, env={**common, "TPA_DB": str(pinned_demo)})
    house = _tpa(
        "ask", question, env={**common, "TPA_ENGINE": "clickhouse", "TPA_ENGINE_URL": str(folder)}
    )
    assert answer_text(house) == answer_text(duck)
    assert "Product page lost the most users" in house
    # `tpa validate` checks a model's columns and types against the tables in the engine
    engine = {"TPA_ENGINE": "clickhouse", "TPA_ENGINE_URL": str(folder)}
    assert "model OK" in _tpa("validate", env=engine)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        DEMO_MODEL_PATH.read_text("utf-8").replace("column: device\n", "column: devise\n", 1),
        encoding="utf-8",
    )
    run = subprocess.run(
        [str(Path(sys.executable).parent / "tpa"), "validate", str(bad)],
        env={**os.environ, **engine}, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 1
    assert "unknown column 'devise' in dimension 'device'" in run.stdout


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
