"""The locked-down engine: read-only, no external access, timeouts, row caps, cursors per thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from connectors.engine import (
    DatabaseUnavailable,
    Engine,
    QueryInvalid,
    QueryRefused,
    QueryTimeout,
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("engine") / "t.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE events AS SELECT range AS id, range % 7 AS k FROM range(200000)")
    return path


@pytest.fixture
def engine(db: Path) -> Iterator[Engine]:
    with Engine(db, timeout_s=5, row_cap=10) as eng:
        yield eng


def test_rows_are_capped_and_truncation_is_reported(engine: Engine) -> None:
    result = engine.run("SELECT id FROM events ORDER BY id")
    assert len(result.rows) == 10 and result.truncated
    assert result.columns == ("id",)
    small = engine.run("SELECT k, count(*) AS n FROM events GROUP BY k ORDER BY k")
    assert not small.truncated and small.rows[0] == (0, 28572)


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE x AS SELECT 1",
        "INSERT INTO events VALUES (1, 1)",
        "SET enable_external_access = true",
        "SET lock_configuration = false",
        "SELECT * FROM read_csv('/etc/passwd')",
        "COPY events TO '/tmp/tpa_engine_leak.csv'",
        "ATTACH '/tmp/tpa_engine_other.duckdb'",
        "INSTALL httpfs",
    ],
)
def test_the_connection_cannot_write_read_files_or_unlock(engine: Engine, sql: str) -> None:
    with pytest.raises(QueryInvalid):
        engine.run(sql)
    assert not Path("/tmp/tpa_engine_leak.csv").exists()


@pytest.mark.parametrize(
    ("sql", "why"),
    [
        ("SELECT 1; SELECT * FROM events", "exactly one statement"),
        ("SELECT 1;; DROP TABLE events", "exactly one statement"),
        ("EXPLAIN SELECT 1", "not EXPLAIN"),
        ("SET threads = 1", "not SET"),
        ("COPY events TO '/tmp/tpa_engine_leak.csv'", "not COPY"),
        ("CALL pragma_version()", "not CALL"),
    ],
)
def test_only_one_select_reaches_duckdb(engine: Engine, sql: str, why: str) -> None:
    """DuckDB runs every statement of a text; its own parser counts them first, so a second
    statement smuggled past the guard (a parser difference) is refused before anything runs."""
    for call in (engine.run, engine.explain):
        with pytest.raises(QueryRefused, match=why) as caught:
            call(sql)
        assert caught.value.code == "sql_refused"
    assert engine.run("SELECT 1 AS n -- ; SELECT 2").rows == [(1,)]
    assert not Path("/tmp/tpa_engine_leak.csv").exists()


def test_a_slow_query_is_interrupted_and_the_engine_stays_usable(db: Path) -> None:
    with Engine(db, timeout_s=0.3) as eng:
        with pytest.raises(QueryTimeout, match=r"0\.3 s"):
            eng.run("SELECT count(*) FROM events a, events b, events c")
        assert eng.run("SELECT count(*) FROM events").rows == [(200000,)]


def test_explain_reports_binding_errors(engine: Engine) -> None:
    engine.explain("SELECT k FROM events")
    with pytest.raises(QueryInvalid, match="nope"):
        engine.explain("SELECT nope FROM events")


def test_threads_each_get_their_own_cursor(engine: Engine) -> None:
    results: list[int] = []

    def work(k: int) -> None:
        rows = engine.run(f"SELECT count(*) FROM events WHERE k = {k}").rows
        results.append(int(rows[0][0]))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(results) == 200000


def test_missing_database_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match=r"nope\.duckdb"):
        Engine(tmp_path / "nope.duckdb")


def test_schema_lists_tables_and_columns(engine: Engine) -> None:
    assert engine.schema() == {"events": {"id": "integer", "k": "integer"}}  # neutral types


def test_opening_the_same_file_twice_in_one_process_stays_locked(engine: Engine, db: Path) -> None:
    """DuckDB shares one instance per file in a process: the second engine finds it locked."""
    with Engine(db) as second:
        assert second.run("SELECT count(*) FROM events").rows
        with pytest.raises(QueryInvalid):
            second.run("SELECT * FROM read_csv('/etc/hostname')")
        with pytest.raises(QueryInvalid):
            second.run("SET enable_external_access = true")
