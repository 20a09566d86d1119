"""Spark SQL through pyspark: a local session (or, documented, a cluster) over the canonical
tables as Parquet.

Each table of the folder (`tpa export --parquet DIR`) is a temporary view; the session runs
with UTC and a small driver. Spark has no read-only switch: what keeps it read-only is that
only a single SELECT (sqlglot, then Spark's own parser) over those views reaches it, with
Spark's file, reflection and catalog functions denied (`refuse_denied`) — no DDL, no writes,
no path-based tables (docs/engines.md). One session per process, shared behind a lock; a query
past its time limit has its job group cancelled.
"""

from __future__ import annotations

import logging
import os
import threading
import time
import uuid
import warnings
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from connectors.engine import (
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT_S,
    DatabaseUnavailable,
    QueryInvalid,
    QueryTimeout,
    Result,
)
from connectors.engine import _check_size as check_size
from connectors.engines.base import refuse_denied
from connectors.engines.types import neutral_type

DIALECT = "spark"
CONF = {
    "spark.sql.session.timeZone": "UTC",
    "spark.driver.memory": os.environ.get("TPA_SPARK_MEMORY", "1g"),
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.sql.parquet.inferTimestampNTZ.enabled": "true",
}
# pyspark logs every query error with its stack trace, as JSON on stderr, before raising it; the
# engine raises it as a clear QueryInvalid, so those two loggers are kept to CRITICAL.
QUERY_ERROR_LOGGERS = ("SQLQueryContextLogger", "DataFrameQueryContextLogger")
CONNECT_RETRIES = 2  # Spark Connect: retries of a failed call (0.5 s, then 1 s apart)
_LOCK = threading.RLock()
_STATE: dict[str, Any] = {}  # "session": the process's SparkSession; "views": folder -> names


def session() -> Any:
    """The process's local Spark session (started once: several seconds)."""
    with _LOCK:
        if "session" not in _STATE:
            os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
            # pyspark warns as it starts (pandas 3); a warning raised as an error half way
            # through its imports would leave them broken for a later Spark Connect session
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from pyspark.sql import SparkSession

                builder: Any = SparkSession.builder.master("local[2]").appName("tpa")
                for key, value in CONF.items():
                    builder = builder.config(key, value)
                spark = builder.getOrCreate()
            _quiet_query_errors()
            spark.sparkContext.setLogLevel("ERROR")
            _STATE["session"] = spark
        return _STATE["session"]


def remote_session(url: str) -> Any:
    """A Spark Connect session to `url` (`sc://host:15002`), one per URL and process; its
    queries read the server's catalog tables."""
    with _LOCK:
        key = f"remote {url}"
        if key not in _STATE:
            with warnings.catch_warnings():  # pyspark warns on import (pandas 3, protobuf)
                warnings.simplefilter("ignore")
                from pyspark.sql.connect.session import SparkSession as ConnectSession
            _quiet_query_errors()

            try:
                # imported after the session module: the other order hits an import cycle
                from pyspark.sql.connect.client.retries import DefaultPolicy

                spark = ConnectSession.builder.remote(url).create()
                # bounded: a server that does not answer fails in seconds, not ten minutes
                spark.client.set_retry_policies(
                    [
                        DefaultPolicy(
                            max_retries=CONNECT_RETRIES, initial_backoff=500, max_backoff=2000
                        )
                    ]
                )
                spark.conf.set("spark.sql.session.timeZone", "UTC")
            except Exception as exc:
                raise DatabaseUnavailable(
                    f"Spark Connect at {url} cannot be reached: {_first_line(exc)}"
                ) from None
            _STATE[key] = spark
        return _STATE[key]


class SparkEngine:
    """Spark SQL over the Parquet tables of one folder (`tpa export --parquet`), or over the
    catalog tables of a Spark Connect server (`remote="sc://host:15002"`)."""

    dialect = DIALECT

    def __init__(
        self,
        path: Path,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        remote: str | None = None,
        **_ignored: object,
    ) -> None:
        self.path = Path(path)
        self.timeout_s = timeout_s
        self.row_cap = row_cap
        self.max_result_bytes = max_result_bytes
        self.remote = remote
        self._groups: set[str] = set()
        self._stopped: set[str] = set()  # groups cancelled (time limit or `cancel()`)
        if remote is not None:
            self._spark = remote_session(remote)
            return
        if not self.path.is_dir() or not any(self.path.glob("*.parquet")):
            raise DatabaseUnavailable(
                f"Spark table folder {self.path} has no .parquet tables (write them with "
                "`tpa export --parquet DIR`)"
            )
        self._spark = session()
        _register(self._spark, self.path)

    def close(self) -> None:
        """The shared session stays up for other engines of this process."""

    def __enter__(self) -> SparkEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cancel(self) -> None:
        for group in list(self._groups):
            self._stop(group)

    def _stop(self, group: str) -> None:
        """Cancel the jobs of one query: its job group (local) or its tag (Spark Connect).
        The group is marked first: the query's thread may see its jobs fail before this call
        returns, and must still know why."""
        self._stopped.add(group)
        if self.remote is not None:
            self._spark.interruptTag(group)
        else:
            self._spark.sparkContext.cancelJobGroup(group)

    def explain(self, sql: str, *, timeout_s: float | None = None) -> None:
        refuse_denied(sql, DIALECT)
        try:
            self._spark.sql(sql).schema.fieldNames()  # analysis binds tables, columns, types
        except Exception as exc:
            raise _invalid(exc) from None

    def run(
        self, sql: str, *, row_cap: int | None = None, timeout_s: float | None = None
    ) -> Result:
        refuse_denied(sql, DIALECT)
        cap = self.row_cap if row_cap is None else row_cap
        limit = self.timeout_s if timeout_s is None else timeout_s
        group = f"tpa-{uuid.uuid4().hex}"
        timer = threading.Timer(limit, self._stop, args=(group,))
        started = time.perf_counter()
        self._groups.add(group)
        try:
            if self.remote is not None:
                self._spark.addTag(group)
            else:
                self._spark.sparkContext.setJobGroup(group, "tpa query", interruptOnCancel=True)
            frame = self._spark.sql(sql)
            timer.start()
            fetched = frame.take(cap + 1)
            schema = frame.schema
        except Exception as exc:
            if group in self._stopped:
                raise QueryTimeout(
                    f"the query took longer than {limit:g} s and was stopped: ask for a "
                    "shorter period or fewer breakdowns"
                ) from None
            raise _invalid(exc) from None
        finally:
            timer.cancel()
            if timer.is_alive():  # stopping the group right now: let it finish first
                timer.join()
            self._groups.discard(group)
            self._stopped.discard(group)
            if self.remote is not None:
                self._spark.removeTag(group)
        rows = [tuple(_plain(v) for v in row) for row in fetched]
        check_size(rows[:cap], self.max_result_bytes)  # the same byte cap as DuckDB's
        return Result(
            columns=tuple(f.name for f in schema.fields),
            types=tuple(_type_name(f.dataType.simpleString()) for f in schema.fields),
            rows=rows[:cap],
            truncated=len(rows) > cap,
            seconds=time.perf_counter() - started,
        )

    def schema(self) -> dict[str, dict[str, str]]:
        tables: dict[str, dict[str, str]] = {}
        if self.remote is not None:
            names = [t.name for t in self._spark.catalog.listTables()]
        else:
            names = _STATE["views"][str(self.path.resolve())]
        for name in names:
            for f in self._spark.table(name).schema.fields:
                tables.setdefault(name, {})[f.name] = neutral_type(
                    f.dataType.simpleString(), DIALECT
                )
        return tables


def _quiet_query_errors() -> None:
    from pyspark.logger import PySparkLogger

    for name in QUERY_ERROR_LOGGERS:  # created as pyspark would, so its calls still fit
        PySparkLogger.getLogger(name).setLevel(logging.CRITICAL)


def _register(spark: Any, folder: Path) -> None:
    """Every `<table>.parquet` of `folder` as a temporary view `<table>` (once per folder).
    Spark's file listing skips names starting with `_` (`_tpa_meta`): those small tables are
    read through pyarrow instead."""
    key = str(folder.resolve())
    with _LOCK:
        views = _STATE.setdefault("views", {})
        if key in views:
            return
        names = []
        for file in sorted(folder.glob("*.parquet")):
            if file.name.startswith(("_", ".")):
                import pyarrow.parquet as pq

                frame = spark.createDataFrame(pq.read_table(file))
            else:
                frame = spark.read.parquet(str(file))
            frame.createOrReplaceTempView(file.stem)
            names.append(file.stem)
        views[key] = names


def _invalid(exc: BaseException) -> QueryInvalid:
    return QueryInvalid(_first_line(exc)[:500])


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    if isinstance(value, date | datetime | str | int | float | bool) or value is None:
        return value
    if hasattr(value, "asDict"):  # a struct
        return {k: _plain(v) for k, v in value.asDict().items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _type_name(spark_type: str) -> str:
    """Spark's type under the name DuckDB would give it (charts and tables read these)."""
    t = spark_type.lower()
    if t in ("tinyint", "smallint", "int", "bigint"):
        return "BIGINT"
    if t in ("float", "double") or t.startswith("decimal"):
        return "DOUBLE"
    if t.startswith("timestamp"):
        return "TIMESTAMP"
    return {"date": "DATE", "boolean": "BOOLEAN", "string": "VARCHAR"}.get(t, t.upper())
