"""Spark SQL (pyspark, local mode) gives the same answers as DuckDB on the pinned 200k-event
demo: every golden plan, every plan kind and the whole gold eval suite, row for row (floats to
1e-9 relative), and its own guard refuses Spark's dangerous functions (issue 17).

A JVM start and Spark's per-query overhead make this several minutes: it runs in
`make test-spark` (TPA_TEST_SPARK=1), not in `make test`.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from assistant.config import AssistantConfig
from assistant.llm import LlmSettings
from assistant.service import AssistantService
from connectors.engine import Engine as DuckDBEngine
from connectors.engine import EngineError, QueryInvalid, QueryTimeout
from connectors.engines import export_parquet, open_engine
from connectors.engines.base import Engine
from connectors.engines.spark import QUERY_ERROR_LOGGERS
from connectors.profile import profile_database, profile_engine
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model.profile import DataProfile
from semantic_layer.plan import parse_plan
from tests.engine_parity import (
    answer_text,
    assert_same_rows,
    pinned_demo,
    same,
    same_gold_answers,
)
from tests.fakes.openai_server import FakeOpenAI, PlanReply
from tests.spark_connect import register_tables, spark_connect_server
from tests.test_compile_plan import CASES, CTX, MODEL

if os.environ.get("TPA_TEST_SPARK") != "1":
    pytest.skip("Spark parity runs in `make test-spark`", allow_module_level=True)
pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.fail("no JRE: `make sysdeps` installs default-jre-headless", pytrace=False)
__all__ = ["pinned_demo"]  # the shared fixture


@pytest.fixture(scope="session")
def spark_folder(pinned_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pinned demo as Parquet tables, the folder a Spark engine serves."""
    folder = tmp_path_factory.mktemp("spark") / "tables"
    export_parquet(pinned_demo, folder)
    return folder


@pytest.fixture(scope="module")
def engines(pinned_demo: Path, spark_folder: Path) -> Iterator[tuple[Engine, Engine]]:
    duck = DuckDBEngine(pinned_demo, timeout_s=120, row_cap=100_000)
    spark = open_engine("spark", spark_folder, timeout_s=120, row_cap=100_000)
    yield duck, spark
    duck.close()
    spark.close()


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_golden_plan_gives_duckdbs_rows(case: str, engines: tuple[Engine, Engine]) -> None:
    duck, spark = engines
    compiled = compile_plan(parse_plan(CASES[case]), MODEL, CTX, dialect=spark.dialect)
    expected = duck.run(compiled.sql(duck.dialect) or "").rows
    assert expected, f"{case}: the check needs rows to compare"
    assert_same_rows(spark.run(compiled.sql() or "").rows, expected, case)
    for name in compiled.extra:
        got = spark.run(compiled.extra_sql(name)).rows
        assert_same_rows(got, duck.run(compiled.extra_sql(name, duck.dialect)).rows, name)


def test_the_gold_suite_gets_the_same_answers(
    pinned_demo: Path, spark_folder: Path, tmp_path: Path
) -> None:
    same_gold_answers(pinned_demo, spark_folder, "spark", tmp_path)


def test_tpa_ask_on_spark_says_duckdbs_numbers(
    pinned_demo: Path, spark_folder: Path, tmp_path: Path
) -> None:
    question = "which touchpoint lost the most users last week"
    outputs = []
    for engine, where in (("duckdb", pinned_demo), ("spark", spark_folder)):
        env = {**os.environ, "TPA_ENGINE": engine, "TPA_ENGINE_URL": str(where)}
        env.update(TPA_RETRIEVAL="0", TPA_AS_OF="2026-11-23", TPA_HOME=str(tmp_path))
        run = subprocess.run(
            [str(Path(sys.executable).parent / "tpa"), "ask", question],
            env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append(run.stdout)
    assert answer_text(outputs[0]) == answer_text(outputs[1])
    assert "Product page lost the most users" in outputs[1]


def test_the_llm_is_told_spark_and_its_duckdb_sql_gives_duckdbs_rows(
    pinned_demo: Path, spark_folder: Path, tmp_path: Path
) -> None:
    """Over Spark the LLM's prompt says its SQL runs on Spark SQL; a plan it returns is answered
    there, and raw SQL it writes in DuckDB's dialect (strftime, date_trunc, FILTER, ::casts) is
    transpiled and gives DuckDB's rows (a local fake LLM server)."""
    plan = {"kind": "dropoff", "time": "last_week", "language": "en"}
    raw = {
        "kind": "sql",
        "rationale": "weekly reach by channel",
        "sql": "SELECT channel, strftime(date_trunc('week', ts), '%Y-%m-%d') AS week, "
        "count(DISTINCT user_id) AS people, count(*) FILTER (WHERE revenue > 0) AS orders, "
        "sum(revenue)::DOUBLE AS revenue FROM events "
        "WHERE ts >= DATE '2026-10-01' GROUP BY ALL ORDER BY week, people DESC, channel",
    }
    answers, prompts = [], []
    for engine, where in (("duckdb", pinned_demo), ("spark", spark_folder)):
        with FakeOpenAI([PlanReply(plan), PlanReply(raw)]) as llm:
            config = AssistantConfig(
                db=where, home=tmp_path / engine, engine=engine, retrieval=False,
                as_of=date(2026, 11, 23), query_timeout_s=300, answer_cache_s=0,
                llm=LlmSettings(base_url=llm.base_url, model="fake-model"),
            )  # fmt: skip
            with AssistantService.open(config) as service:
                question = "which touchpoint lost the most users last week"
                answers.append(service.ask(question, backend="llm"))
                answers.append(service.ask("weekly reach by channel", backend="llm-raw-sql"))
            prompts.append(" ".join(llm.requests[0]["messages"][0]["content"].split()))
    assert "translated to Spark SQL and runs there" in prompts[1]
    duck_plan, duck_sql, spark_plan, spark_sql = answers
    assert spark_plan.error is None and "Product page lost the most users" in spark_plan.text
    assert spark_plan.text == duck_plan.text
    assert duck_sql.error is None and spark_sql.error is None, spark_sql.error
    assert spark_sql.backend == "llm-raw-sql" and spark_sql.columns == duck_sql.columns
    assert len(duck_sql.rows) > 10
    assert_same_rows(spark_sql.rows, duck_sql.rows, "the LLM's raw SQL")


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM parquet.`/etc/passwd`",
        "SELECT * FROM read_files('/etc/passwd')",
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        "SELECT java_method('java.lang.Runtime', 'getRuntime')",
        "SELECT input_file_name() FROM events",
        "SELECT current_user()",
        "SELECT * FROM system.information_schema.tables",
        "CREATE TABLE x AS SELECT * FROM events",
        "INSERT INTO events SELECT * FROM events",
        "DROP VIEW events",
        "SELECT 1; DROP VIEW events",
    ],
)
def test_spark_refuses_files_reflection_catalog_and_writes(
    sql: str, engines: tuple[Engine, Engine]
) -> None:
    _, spark = engines
    with pytest.raises(EngineError):
        spark.run(sql)
    assert spark.run("SELECT count(*) FROM events").rows[0][0] > 0  # nothing was dropped


class Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def pyspark_error_logs() -> Iterator[list[logging.LogRecord]]:
    """What pyspark's query error loggers pass on (their own handler prints JSON on stderr)."""
    from pyspark.logger import PySparkLogger

    kept = Kept()
    loggers = [PySparkLogger.getLogger(name) for name in QUERY_ERROR_LOGGERS]
    for logger in loggers:
        logger.addHandler(kept)
    try:
        yield kept.records
    finally:
        for logger in loggers:
            logger.removeHandler(kept)


def test_a_bad_query_is_one_clear_error_not_a_logged_stack(
    engines: tuple[Engine, Engine],
) -> None:
    """A missing table (`_tpa_loads` in data loaded before load ids existed, asked by every
    answer) or column is a QueryInvalid naming it, without a JSON stack trace on stderr."""
    _, spark = engines
    with pyspark_error_logs() as logged:
        with pytest.raises(QueryInvalid, match="no_such_table"):
            spark.run("SELECT count(*) FROM no_such_table")
        with pytest.raises(QueryInvalid, match="no_such_column"):
            spark.run("SELECT no_such_column FROM events")
    assert logged == []


# -- Spark Connect: a local server (the one pyspark ships), its catalog tables over Parquet ---


@pytest.fixture(scope="module")
def connect_url(spark_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("spark-connect")
    with spark_connect_server(work) as url:
        register_tables(url, spark_folder, work / "catalog")
        yield url


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_golden_plan_over_spark_connect_gives_duckdbs_rows(
    case: str, engines: tuple[Engine, Engine], connect_url: str
) -> None:
    duck, _ = engines
    remote = open_engine("spark", Path("x"), server=connect_url, timeout_s=300, row_cap=100_000)
    compiled = compile_plan(parse_plan(CASES[case]), MODEL, CTX, dialect=remote.dialect)
    expected = duck.run(compiled.sql(duck.dialect) or "").rows
    assert_same_rows(remote.run(compiled.sql() or "").rows, expected, case)


def test_spark_connect_describes_refuses_and_times_out(connect_url: str) -> None:
    remote = open_engine("spark", Path("x"), server=connect_url, timeout_s=300)
    assert remote.schema()["events"]["ts"] == "timestamp"
    with pytest.raises(EngineError):
        remote.run("SELECT reflect('java.lang.System', 'exit', '0')")
    with pyspark_error_logs() as logged, pytest.raises(QueryInvalid, match="no_such_column"):
        remote.run("SELECT no_such_column FROM events")
    assert logged == []
    slow = "SELECT count(*) FROM events a CROSS JOIN events b CROSS JOIN events c"
    with pytest.raises(QueryTimeout):
        remote.run(slow, timeout_s=3)


def test_tpa_ask_over_spark_connect(pinned_demo: Path, connect_url: str, tmp_path: Path) -> None:
    question = "which touchpoint lost the most users last week"
    outputs = []
    for engine, where in (("duckdb", str(pinned_demo)), ("spark", connect_url)):
        env = {**os.environ, "TPA_ENGINE": engine, "TPA_ENGINE_URL": where}
        env.update(TPA_RETRIEVAL="0", TPA_AS_OF="2026-11-23", TPA_HOME=str(tmp_path))
        env.update(TPA_QUERY_TIMEOUT_S="300")
        run = subprocess.run(
            [str(Path(sys.executable).parent / "tpa"), "ask", question],
            env=env, capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        outputs.append(run.stdout)
    assert answer_text(outputs[0]) == answer_text(outputs[1])
    assert "Product page lost the most users" in outputs[1]


def test_the_profile_init_and_validate_over_spark_connect(
    pinned_demo: Path, connect_url: str, tmp_path: Path
) -> None:
    """`tpa init`'s profile read through Spark Connect is DuckDB's; `tpa init` and `tpa
    validate` by `sc://` URL propose the model DuckDB's file gives and check it there."""
    remote = open_engine("spark", Path("x"), server=connect_url, timeout_s=300)
    assert_same_profile(profile_engine(remote, "spark"), duckdb_profile(pinned_demo, tmp_path))
    tpa = str(Path(sys.executable).parent / "tpa")
    env = {**os.environ, "TPA_HOME": str(tmp_path / "home"), "TPA_QUERY_TIMEOUT_S": "300"}
    over = {**env, "TPA_ENGINE": "spark", "TPA_ENGINE_URL": connect_url}
    steps = (
        ([tpa, "init", "--out", str(tmp_path / "d.yaml"), "--db", str(pinned_demo)], env),
        ([tpa, "init", "--out", str(tmp_path / "s.yaml")], over),
        ([tpa, "validate", str(tmp_path / "s.yaml")], over),
        ([tpa, "validate"], over),  # the built-in demo model against the server's tables
    )
    said = []
    for step, step_env in steps:
        run = subprocess.run(step, env=step_env, capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr[-2000:]
        said.append(run.stdout)
    assert f"--engine spark --url {connect_url}" in said[1]
    assert f"spark at {connect_url}" in said[2]
    assert "model OK" in said[2] and "model OK" in said[3]
    assert _model_text(tmp_path / "s.yaml", connect_url) == _model_text(
        tmp_path / "d.yaml", str(pinned_demo)
    )


def _model_text(path: Path, where: str) -> str:
    """A proposed model without the lines naming where it was profiled."""
    lines = path.read_text("utf-8").splitlines()
    return "\n".join(line for line in lines if where not in line)


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        "SELECT * FROM parquet.`/etc/passwd`",
        "SELECT * FROM read_files('/etc/passwd')",
        "SELECT * FROM spark_catalog.default.events",
        "DROP TABLE events",
        "INSERT INTO events SELECT * FROM events",
        "CREATE TABLE x AS SELECT * FROM events",
        "SET spark.sql.session.timeZone = 'Asia/Shanghai'",
        "SELECT 1; DROP TABLE events",
    ],
)
def test_spark_connect_refuses_files_reflection_catalog_and_writes(
    sql: str, connect_url: str
) -> None:
    """The server's tables are real catalog tables there: a DROP would drop them."""
    remote = open_engine("spark", Path("x"), server=connect_url, timeout_s=300)
    with pytest.raises(EngineError):
        remote.run(sql)
    assert remote.run("SELECT count(*) FROM events").rows[0][0] > 0  # nothing was dropped
    utc = "SELECT unix_timestamp(TIMESTAMP '2026-01-01 00:00:00')"
    assert remote.run(utc).rows == [(1767225600,)]  # the session's time zone is still UTC


# -- getting the data there, and profiling it in Spark ---------------------------------------


def test_the_profile_in_spark_is_duckdbs(
    pinned_demo: Path, engines: tuple[Engine, Engine], tmp_path: Path
) -> None:
    _, spark = engines
    assert_same_profile(profile_engine(spark, "spark"), duckdb_profile(pinned_demo, tmp_path))


def duckdb_profile(pinned_demo: Path, tmp_path: Path) -> DataProfile:
    copy = tmp_path / "demo.duckdb"  # this process holds the pinned file open for serving
    shutil.copyfile(pinned_demo, copy)
    return profile_database(copy)


def assert_same_profile(mine: DataProfile, duck: DataProfile) -> None:
    """The same tables, neutral types, values, touchpoints, paths and journey gaps."""
    assert mine.schema() == duck.schema()
    assert mine.samples() == duck.samples()
    assert [t.rows for t in mine.tables] == [t.rows for t in duck.tables]
    assert (mine.start, mine.end, mine.users, mine.paths, mine.timezone) == (
        duck.start, duck.end, duck.users, duck.paths, duck.timezone
    )  # fmt: skip
    assert len(mine.touchpoints) == len(duck.touchpoints) > 10
    for a, b in zip(mine.touchpoints, duck.touchpoints, strict=True):
        assert a == replace(b, revenue=a.revenue) and same(a.revenue, b.revenue)
    assert len(mine.gaps) == len(duck.gaps) > 0
    for g, h in zip(mine.gaps, duck.gaps, strict=True):
        assert (g.first, g.then, g.people) == (h.first, h.then, h.people)
        assert same(g.median_days, h.median_days) and same(g.p90_days, h.p90_days)


def test_tpa_ingest_writes_the_tables_for_spark(tmp_path: Path) -> None:
    """`tpa ingest --engine spark --to DIR`: the tables (load ids too) as Parquet that the
    Spark engine serves; `tpa init` and `tpa validate` profile them in Spark."""
    example = Path(__file__).parent.parent / "docs" / "examples" / "ingest" / "ingest.yaml"
    folder = tmp_path / "tables"
    tpa = str(Path(sys.executable).parent / "tpa")
    env = {**os.environ, "TPA_ENGINE": "spark", "TPA_ENGINE_URL": str(folder)}
    steps = (
        [tpa, "ingest", str(example), "--db", str(tmp_path / "x.duckdb"), "--engine", "spark",
         "--to", str(folder)],
        [tpa, "init", "--out", str(tmp_path / "m.yaml")],
        [tpa, "validate", str(tmp_path / "m.yaml")],
    )  # fmt: skip
    said = []
    for step in steps:
        run = subprocess.run(step, env=env, capture_output=True, text=True, timeout=900)
        assert run.returncode == 0, run.stderr[-2000:]
        said.append(run.stdout)
    assert f"into Spark (Parquet tables) at {folder}" in said[0]
    assert (folder / "_tpa_loads.parquet").is_file() and (folder / "events.parquet").is_file()
    assert "model OK" in said[2] and f"spark at {folder}" in said[2]


def test_an_unreachable_spark_connect_server_fails_in_seconds() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(EngineError, match="cannot be reached"):
        open_engine("spark", Path("x"), server=f"sc://127.0.0.1:{port}")
    assert time.monotonic() - started < 60  # bounded retries, not the client's ten minutes
