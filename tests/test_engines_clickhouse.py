"""ClickHouse (embedded, chdb) gives the same answers as DuckDB on the pinned 200k-event demo:
every golden plan, every plan kind and the whole gold eval suite, row for row (floats to 1e-9
relative), and its own guard refuses ClickHouse's dangerous functions (issue 17)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.config import AssistantConfig
from assistant.llm import LlmSettings
from assistant.service import AssistantService
from connectors.engine import DatabaseUnavailable, EngineError, QueryInvalid, QueryRefused
from connectors.engine import Engine as DuckDBEngine
from connectors.engines import export_parquet, open_engine
from connectors.engines.base import Engine
from connectors.engines.clickhouse import load
from connectors.profile import profile_database, profile_engine
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import DEMO_MODEL_PATH
from semantic_layer.plan import parse_plan
from tests.engine_parity import (
    answer_text,
    assert_same_rows,
    pinned_demo,
    same,
    same_gold_answers,
)
from tests.fakes.clickhouse_server import FakeClickHouse
from tests.fakes.openai_server import FakeOpenAI, PlanReply
from tests.test_compile_plan import CASES, CTX, MODEL

pytest.importorskip("chdb")
__all__ = ["pinned_demo"]  # the shared fixture
pytestmark = pytest.mark.slow
EXAMPLE = Path(__file__).parent.parent / "docs" / "examples" / "ingest" / "ingest.yaml"


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


# -- a ClickHouse server by URL: the HTTP interface, against a chdb-backed fake server ---------


@pytest.fixture(scope="module")
def server(chdb_folder: Path) -> Iterator[FakeClickHouse]:
    with FakeClickHouse(chdb_folder) as fake:
        yield fake


def _account(server: FakeClickHouse, password: str = "s3cret") -> str:
    return server.url.replace("http://", f"http://tpa:{password}@")


def _remote(server: FakeClickHouse, **limits: Any) -> Engine:
    limits = {"timeout_s": 60, "row_cap": 100_000, **limits}
    return open_engine("clickhouse", Path("unused"), server=_account(server), **limits)


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_golden_plan_over_http_gives_duckdbs_rows(
    case: str, engines: tuple[Engine, Engine], server: FakeClickHouse
) -> None:
    duck, _ = engines
    remote = _remote(server)
    compiled = compile_plan(parse_plan(CASES[case]), MODEL, CTX, dialect=remote.dialect)
    expected = duck.run(compiled.sql(duck.dialect) or "").rows
    assert_same_rows(remote.run(compiled.sql() or "").rows, expected, case)
    for name in compiled.extra:
        got = remote.run(compiled.extra_sql(name)).rows
        assert_same_rows(got, duck.run(compiled.extra_sql(name, duck.dialect)).rows, name)


def test_the_http_engine_sends_the_settings_and_the_account(server: FakeClickHouse) -> None:
    remote = _remote(server, timeout_s=42, memory_limit="1GB")
    server.requests.clear()
    assert remote.run("SELECT count(*) AS n FROM events").rows == [(199805,)]
    (sent,) = server.requests
    assert sent["sql"] == "SELECT count(*) AS n FROM events"
    params = sent["params"]
    assert params["default_format"] == "ArrowStream" and params["database"] == "default"
    assert params["max_execution_time"] == "42" and params["max_memory_usage"] == "1000000000"
    for setting in ("join_use_nulls", "aggregate_functions_null_for_empty",
                    "cancel_http_readonly_queries_on_client_close"):  # fmt: skip
        assert params[setting] == "1"
    assert params["session_timezone"] == "UTC" and params["query_id"].startswith("tpa-")
    assert sent["headers"]["x-clickhouse-user"] == "tpa"
    assert "s3cret" not in str(params) and "s3cret" not in remote.url  # type: ignore[attr-defined]
    assert remote.schema()["events"]["ts"] == "timestamp"  # the describe, in neutral types


def test_a_writable_account_is_refused(chdb_folder: Path) -> None:
    with (
        FakeClickHouse(chdb_folder, readonly="0") as writable,
        pytest.raises(DatabaseUnavailable, match=r"can write: .*readonly = 1"),
    ):
        _remote(writable)


def test_unavailable_is_retried_a_bounded_number_of_times(server: FakeClickHouse) -> None:
    remote = _remote(server)
    server.requests.clear()
    server.unavailable = 2  # two 503s, then the answer
    assert remote.run("SELECT 1 AS x").rows == [(1,)]
    assert len(server.requests) == 3
    server.requests.clear()
    server.unavailable = 10
    with pytest.raises(DatabaseUnavailable, match="answered 503"):
        remote.run("SELECT 1 AS x")
    assert len(server.requests) == 3  # the first try and RETRIES more, then a clear error
    server.unavailable = 0


def test_an_unreachable_server_fails_after_the_retries() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DatabaseUnavailable, match=r"cannot be reached after 3 tries"):
        open_engine("clickhouse", Path("x"), server=f"http://127.0.0.1:{port}/db")


def test_server_errors_are_clear(server: FakeClickHouse) -> None:
    remote = _remote(server)
    with pytest.raises(QueryInvalid, match=r"UNKNOWN_IDENTIFIER|Unknown expression"):
        remote.run("SELECT no_such_column FROM events")
    with pytest.raises(DatabaseUnavailable, match="refused the account"):
        open_engine("clickhouse", Path("x"), server=_account(server, "wrong"))
    server.requests.clear()
    with pytest.raises(QueryRefused):  # the engine's own guard: never sent
        remote.run("SELECT * FROM url('http://127.0.0.1:1/x', CSV)")
    assert server.requests == []


def test_tpa_ask_init_and_validate_over_the_url(
    pinned_demo: Path, server: FakeClickHouse, tmp_path: Path
) -> None:
    """`TPA_ENGINE=clickhouse TPA_ENGINE_URL=http://…` answers with DuckDB's numbers; `tpa
    init` and `tpa validate` profile the tables in the server."""
    question = "which touchpoint lost the most users last week"
    common = {"TPA_RETRIEVAL": "0", "TPA_AS_OF": "2026-11-23", "TPA_HOME": str(tmp_path)}
    remote = {"TPA_ENGINE": "clickhouse", "TPA_ENGINE_URL": _account(server)}
    duck = _tpa("ask", question, env={**common, "TPA_DB": str(pinned_demo)})
    assert answer_text(_tpa("ask", question, env={**common, **remote})) == answer_text(duck)
    assert "model OK" in _tpa("validate", env=remote)
    _tpa("init", "--out", str(tmp_path / "d.yaml"), "--db", str(pinned_demo))
    said = _tpa("init", "--out", str(tmp_path / "c.yaml"), env=remote)
    assert "next: review it, then `tpa validate" in said and "--engine clickhouse" in said
    assert _model_text(tmp_path / "c.yaml") == _model_text(tmp_path / "d.yaml")


def _model_text(path: Path) -> str:
    """A proposed model without the line naming where it was profiled."""
    return "\n".join(
        line for line in path.read_text("utf-8").splitlines() if str(path.parent) not in line
        and "http://" not in line and ".duckdb" not in line
    )  # fmt: skip


def test_the_profile_in_clickhouse_is_duckdbs(
    pinned_demo: Path, chdb_folder: Path, tmp_path: Path
) -> None:
    """`tpa init`'s profile read in the engine: the same tables, neutral types, values,
    touchpoints, paths and journey gaps as from the DuckDB file (the same sample of people)."""
    copy = tmp_path / "demo.duckdb"  # this process holds the pinned file open for serving
    shutil.copyfile(pinned_demo, copy)
    duck = profile_database(copy)
    house = profile_engine(open_engine("clickhouse", chdb_folder, timeout_s=120), "clickhouse")
    assert house.schema() == duck.schema()
    assert house.samples() == duck.samples()
    assert [t.rows for t in house.tables] == [t.rows for t in duck.tables]
    assert (house.start, house.end, house.users) == (duck.start, duck.end, duck.users)
    assert house.paths == duck.paths and house.timezone == duck.timezone
    assert len(house.touchpoints) == len(duck.touchpoints) > 10
    for a, b in zip(house.touchpoints, duck.touchpoints, strict=True):
        assert a == replace(b, revenue=a.revenue) and same(a.revenue, b.revenue)
    assert len(house.gaps) == len(duck.gaps) > 0
    for a, b in zip(house.gaps, duck.gaps, strict=True):
        assert (a.first, a.then, a.people) == (b.first, b.then, b.people)
        assert same(a.median_days, b.median_days) and same(a.p90_days, b.p90_days)


def test_tpa_ingest_writes_the_tables_into_clickhouse(tmp_path: Path) -> None:
    """`tpa ingest --engine clickhouse --to FOLDER`: the canonical tables and the load-id table
    in chdb, which `tpa init` and `tpa validate` then profile there."""
    db, folder = tmp_path / "shop.duckdb", tmp_path / "shop.chdb"
    said = _tpa("ingest", str(EXAMPLE), "--db", str(db), "--engine", "clickhouse",
                "--to", str(folder))  # fmt: skip
    assert f"into ClickHouse (chdb) at {folder}" in said
    engine = {"TPA_ENGINE": "clickhouse", "TPA_ENGINE_URL": str(folder)}
    _tpa("init", "--out", str(tmp_path / "m.yaml"), env=engine)
    checked = _tpa("validate", str(tmp_path / "m.yaml"), env=engine)
    assert "model OK" in checked and f"clickhouse at {folder}" in checked
    # the load-id table came along: the data version of the engine is DuckDB's
    script = (
        "import sys; from pathlib import Path; from connectors.engines import open_engine\n"
        "from connectors.loads import VERSION_SQL\n"
        "e = open_engine('clickhouse', Path(sys.argv[1]))\n"
        "print(e.run(VERSION_SQL).rows[0][0], sorted(e.schema()))"
    )
    run = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True,
                         text=True, timeout=300, check=True)  # fmt: skip
    assert run.stdout.split()[0] == "1"
    assert "_tpa_loads" in run.stdout and "identity_links" in run.stdout


def test_a_failed_load_leaves_the_previous_tables(pinned_demo: Path, tmp_path: Path) -> None:
    parquet, folder = tmp_path / "pq", tmp_path / "db.chdb"
    export_parquet(pinned_demo, parquet)
    script = (
        "import sys; from pathlib import Path\n"
        "from connectors.engines.clickhouse import load\n"
        "from connectors.engine import EngineError\n"
        "load(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "(Path(sys.argv[2]) / 'users.parquet').write_bytes(b'not parquet')\n"
        "try:\n    load(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "except EngineError as e:\n    print('refused:', e.message)\n"
        "from chdb import session\n"
        "s = session.Session(sys.argv[1])\n"
        "print(s.query('SELECT count() FROM users', 'CSV').bytes().decode().strip(),\n"
        "      s.query('SELECT count() FROM system.tables WHERE database = currentDatabase()',"
        " 'CSV').bytes().decode().strip())\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(folder), str(parquet)],
                         capture_output=True, text=True, timeout=300, check=True)  # fmt: skip
    refused, counts = run.stdout.strip().splitlines()
    assert "refused: loading users.parquet into ClickHouse failed, nothing was changed" in refused
    assert counts.split() == ["18850", "8"]  # the users of the first load, no staging table left


def test_the_services_llm_prompt_names_the_engine(chdb_folder: Path, tmp_path: Path) -> None:
    """The service over ClickHouse asks the LLM (a local fake server) with a prompt that says the
    SQL is translated to ClickHouse, and answers the plan it returns on ClickHouse."""
    plan = {"kind": "dropoff", "time": "last_week", "language": "en"}
    with FakeOpenAI([PlanReply(plan)]) as llm:
        config = AssistantConfig(
            db=chdb_folder, home=tmp_path, engine="clickhouse", retrieval=False, backend="llm",
            as_of=date(2026, 11, 23), query_timeout_s=120,
            llm=LlmSettings(base_url=llm.base_url, model="fake-model"),
        )  # fmt: skip
        with AssistantService.open(config) as service:
            answer = service.ask("which touchpoint lost the most users last week")
    system = llm.requests[0]["messages"][0]["content"]
    assert "translated to ClickHouse and runs there" in " ".join(system.split())
    assert answer.error is None and "Product page lost the most users" in answer.text


def test_export_works_while_the_engine_holds_the_file(pinned_demo: Path, tmp_path: Path) -> None:
    """A server holds its database open through the locked-down engine (no file access); an
    export in the same process still writes every table."""
    demo = tmp_path / "demo.duckdb"
    shutil.copyfile(pinned_demo, demo)
    engine = open_engine("duckdb", demo, timeout_s=60, row_cap=100_000)
    try:
        assert engine.schema()  # the file is open, locked down, in this process
        written = export_parquet(demo, tmp_path / "pq")
    finally:
        engine.close()
    assert {p.stem for p in written} >= {"events", "users", "_tpa_loads"}
