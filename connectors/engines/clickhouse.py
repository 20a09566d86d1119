"""ClickHouse through chdb (embedded ClickHouse): a read-only session over one database folder.

Loading (`load`) writes the canonical tables into the folder as MergeTree tables; serving opens
the folder, sets the settings that make ClickHouse's answers mean what DuckDB's do (NULLs from
outer joins and empty aggregates, named tuples, UTC), caps execution time and memory, and then
sets `readonly = 1`, after which no query can write or change a setting. chdb allows one
session per process, so engines over the same folder share it behind a lock.
"""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path
from typing import Any

import pyarrow as pa

from connectors.engine import (
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT_S,
    DatabaseUnavailable,
    QueryInvalid,
    QueryTimeout,
    Result,
    ResultTooLarge,
)
from connectors.engine import _check_size as check_size
from connectors.engines.base import refuse_denied
from connectors.engines.types import neutral_type

DIALECT = "clickhouse"
# What makes ClickHouse read the compiled SQL as DuckDB does (docs/engines.md).
SETTINGS = (
    "join_use_nulls = 1",
    "aggregate_functions_null_for_empty = 1",
    "prefer_column_name_to_alias = 1",
    "enable_named_columns_in_function_tuple = 1",
    "session_timezone = 'UTC'",
)
_LOCK = threading.RLock()
_OPEN: dict[str, Any] = {}  # folder -> the process's chdb session


def load(folder: Path, parquet_dir: Path) -> list[str]:
    """Write every `<table>.parquet` of `parquet_dir` into the chdb database `folder`; return
    the table names. All tables are written under staging names first and swapped in only when
    every one loaded, so a failed load leaves the previous tables as they were. The serving
    engine must not be open in this process."""
    files = sorted(parquet_dir.glob("*.parquet"))
    if not files:
        raise DatabaseUnavailable(f"no .parquet files in {parquet_dir} (run `tpa export`)")
    folder.mkdir(parents=True, exist_ok=True)
    with _LOCK:
        if str(folder.resolve()) in _OPEN:
            raise DatabaseUnavailable(f"{folder} is open for serving in this process")
        s = _session(folder)
        try:
            staged = _stage(s, files)
            existing = _tables(s)
            for file, name in zip(files, staged, strict=True):
                target = _identifier(file.stem)
                if file.stem in existing:
                    s.query(f"EXCHANGE TABLES {target} AND {name}")
                    s.query(f"DROP TABLE {name}")
                else:
                    s.query(f"RENAME TABLE {name} TO {target}")
        finally:
            s.close()
    return [f.stem for f in files]


def _stage(s: Any, files: list[Path]) -> list[str]:
    """Each file as a new table `__tpa_staging_<name>`; on a failure the staged ones are
    dropped and the error raised (the live tables are untouched)."""
    staged: list[str] = []
    try:
        for file in files:
            name = _identifier(f"__tpa_staging_{file.stem}")
            s.query(f"DROP TABLE IF EXISTS {name}")
            s.query(
                f"CREATE TABLE {name} ENGINE = MergeTree ORDER BY tuple() AS "
                f"SELECT * FROM file('{_quoted(file.resolve())}', Parquet)"
            )
            staged.append(name)
    except Exception as exc:
        for name in staged:
            s.query(f"DROP TABLE IF EXISTS {name}")
        raise DatabaseUnavailable(
            f"loading {file.name} into ClickHouse failed, nothing was changed: "
            f"{str(exc).strip().splitlines()[0][:300]}"
        ) from None
    return staged


def _tables(s: Any) -> set[str]:
    found = s.query(
        "SELECT name FROM system.tables WHERE database = currentDatabase()", "ArrowTable"
    )
    return {str(v) for v in found.column(0).to_pylist()}


class ClickHouseEngine:
    """Read-only ClickHouse (chdb) over one database folder written by `load`."""

    dialect = DIALECT

    def __init__(
        self,
        path: Path,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
        memory_limit: str | None = "2GB",
        **_ignored: object,
    ) -> None:
        self.path = Path(path)
        self.timeout_s = timeout_s
        self.row_cap = row_cap
        self.max_result_bytes = max_result_bytes
        self._session = _open(self.path, timeout_s, memory_limit)

    def close(self) -> None:
        """The shared session stays open for other engines of this process (chdb allows one)."""

    def __enter__(self) -> ClickHouseEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cancel(self) -> None:
        """chdb has no interrupt: a running query stops at `max_execution_time` (the engine's
        timeout), which ClickHouse checks as it runs."""

    def explain(self, sql: str, *, timeout_s: float | None = None) -> None:
        refuse_denied(sql, DIALECT)
        self._query(f"EXPLAIN {sql}")

    def run(
        self, sql: str, *, row_cap: int | None = None, timeout_s: float | None = None
    ) -> Result:
        """One query; the time limit is the engine's (readonly sessions cannot change it)."""
        refuse_denied(sql, DIALECT)
        cap = self.row_cap if row_cap is None else row_cap
        started = time.perf_counter()
        return arrow_result(self._query(sql), cap, self.max_result_bytes, started)

    def schema(self) -> dict[str, dict[str, str]]:
        table = self._query(
            "SELECT table, name, type FROM system.columns WHERE database = currentDatabase() "
            "ORDER BY table, position"
        )
        return columns_by_table(table)

    def _query(self, sql: str) -> pa.Table:
        with _LOCK:
            try:
                result = self._session.query(sql, "ArrowTable")
            except Exception as exc:
                raise _error(exc, self.timeout_s) from None
        assert isinstance(result, pa.Table)
        return result


def _open(path: Path, timeout_s: float, memory_limit: str | None) -> Any:
    key = str(path.resolve())
    with _LOCK:
        if key in _OPEN:
            return _OPEN[key]
        if _OPEN:
            raise DatabaseUnavailable(
                f"chdb serves one database per process and {next(iter(_OPEN))} is open"
            )
        if not path.is_dir():
            raise DatabaseUnavailable(
                f"ClickHouse database folder {path} does not exist (load it with "
                "`tpa export --parquet DIR` then `tpa ingest --engine clickhouse`)"
            )
        s = _session(Path(key))
        settings = [*SETTINGS, f"max_execution_time = {max(1, round(timeout_s))}"]
        if memory_limit:
            settings.append(f"max_memory_usage = {_bytes(memory_limit)}")
        # Order matters: everything set first, then read-only (no write, no setting change).
        for setting in [*settings, "readonly = 1"]:
            s.query(f"SET {setting}")
        _OPEN[key] = s
        return s


def _bytes(size: str) -> int:
    """'2GB', '512MiB', '1000000' as a number of bytes (as DuckDB reads them)."""
    match = re.fullmatch(r"\s*([\d.]+)\s*([KMGT]?)(I?B)?\s*", size.upper())
    if match is None:
        raise DatabaseUnavailable(f"memory limit '{size}' is not a size like 2GB")
    base = 1024 if match.group(3) == "IB" else 1000
    return int(float(match.group(1)) * base ** "_KMGT".index(match.group(2) or "_"))


def _session(folder: Path) -> Any:
    """A chdb session over `folder` (chdb has no type hints)."""
    from chdb import session

    opened: Any = session.Session
    return opened(str(folder))


def _error(exc: BaseException, timeout_s: float) -> Exception:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "TIMEOUT_EXCEEDED" in text:
        return QueryTimeout(
            f"the query took longer than {timeout_s:g} s and was stopped: ask for a shorter "
            "period or fewer breakdowns"
        )
    if "MEMORY_LIMIT_EXCEEDED" in text:
        return ResultTooLarge(
            "the query needs more memory than the server allows: ask for a shorter period, "
            "fewer breakdowns or fewer rows"
        )
    return QueryInvalid(text[:500])


def arrow_result(table: pa.Table, cap: int, max_bytes: int, started: float) -> Result:
    """A ClickHouse answer (Arrow) as a `Result`: at most `cap` rows, the same byte cap as
    DuckDB's, timed from `started` (both the embedded and the HTTP engine use it)."""
    rows = [tuple(_plain(v) for v in r.values()) for r in table.slice(0, cap + 1).to_pylist()]
    check_size(rows[:cap], max_bytes)
    return Result(
        columns=tuple(table.column_names),
        types=tuple(_type_name(f.type) for f in table.schema),
        rows=rows[:cap],
        truncated=len(rows) > cap,
        seconds=time.perf_counter() - started,
    )


def columns_by_table(table: pa.Table) -> dict[str, dict[str, str]]:
    """`system.columns` rows (table, name, type) as {table: {column: neutral type}}."""
    tables: dict[str, dict[str, str]] = {}
    for t, column, type_ in zip(*(table.column(i).to_pylist() for i in range(3)), strict=True):
        tables.setdefault(str(t), {})[str(column)] = neutral_type(str(type_), DIALECT)
    return tables


def _plain(value: Any) -> Any:
    """Timestamps come back naive, as DuckDB's TIMESTAMP does (they are UTC)."""
    tz = getattr(value, "tzinfo", None)
    return value.replace(tzinfo=None) if tz is not None else value


def _type_name(t: pa.DataType) -> str:
    """The arrow type under the name DuckDB would give it (charts and tables read these)."""
    if pa.types.is_integer(t):
        return "BIGINT"
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return "DOUBLE"
    if pa.types.is_timestamp(t):
        return "TIMESTAMP"
    if pa.types.is_date(t):
        return "DATE"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    return str(t).upper()


def _identifier(name: str) -> str:
    return "`" + name.replace("`", "") + "`"


def _quoted(path: Path) -> str:
    return str(path).replace("\\", "\\\\").replace("'", "\\'")
