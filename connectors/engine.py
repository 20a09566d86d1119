"""The query engine: a locked-down, read-only DuckDB connection with a timeout and a row cap.

This is the last layer of the guardrails (docs/design.md): whatever SQL reaches it can only read the
database it was opened on — the file is opened read-only, external access (files, network,
extensions) is disabled and the configuration is locked, so no query can undo it. Only one SELECT
statement, as DuckDB's own parser counts them, is explained or run. Every query runs on its own
cursor (one per thread) and is interrupted when it passes its time limit.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import duckdb

from connectors.watchdog import Watchdog

DEFAULT_TIMEOUT_S = 15.0
DEFAULT_ROW_CAP = 5_000
DEFAULT_MEMORY_LIMIT = "2GB"  # DuckDB's own default is 80% of the machine
DEFAULT_TEMP_LIMIT = "4GB"  # spilled to disk beyond the memory limit, then refused
DEFAULT_MAX_RESULT_BYTES = 8 * 1024 * 1024  # what one answer's table may hold


class EngineError(Exception):
    """A query or the database could not be used; `code` is stable, `message` is for a person."""

    code = "engine_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DatabaseUnavailable(EngineError):
    code = "database_unavailable"


class QueryInvalid(EngineError):
    code = "query_invalid"


class QueryRefused(QueryInvalid):
    """Not exactly one SELECT statement, as DuckDB's own parser reads it."""

    code = "sql_refused"


class QueryTimeout(EngineError):
    code = "query_timeout"


class ResultTooLarge(EngineError):
    code = "result_too_large"


@dataclass(frozen=True)
class Result:
    columns: tuple[str, ...]
    types: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    truncated: bool  # more rows existed than the cap
    seconds: float


class Engine:
    """Read-only DuckDB over one database file; safe to share between threads (implements
    `connectors.engines.Engine`)."""

    dialect = "duckdb"

    def __init__(
        self,
        path: Path,
        *,
        timeout_s: float = DEFAULT_TIMEOUT_S,
        row_cap: int = DEFAULT_ROW_CAP,
        threads: int | None = None,
        memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
        temp_limit: str | None = DEFAULT_TEMP_LIMIT,
        max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES,
    ) -> None:
        self.path = Path(path)
        self.timeout_s = timeout_s
        self.row_cap = row_cap
        self.max_result_bytes = max_result_bytes
        self._con = _open_locked(self.path, threads, memory_limit, temp_limit)
        self._local = threading.local()
        self._cursors: set[duckdb.DuckDBPyConnection] = set()
        self._watchdog = Watchdog()

    def close(self) -> None:
        self._watchdog.close()
        self._con.close()

    def cancel(self) -> None:
        """Interrupt the queries running now on every thread's cursor."""
        for cursor in list(self._cursors):
            cursor.interrupt()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def explain(self, sql: str, *, timeout_s: float | None = None) -> None:
        """Ask DuckDB whether the query binds (tables, columns, types); raise `QueryInvalid`.

        Planning folds constant expressions, which can take as long as running them, so it is
        under the same time limit as `run` (`QueryTimeout`)."""
        _one_select(sql)
        limit = self.timeout_s if timeout_s is None else timeout_s
        cursor = self._cursor()
        timer = threading.Timer(limit, cursor.interrupt)
        timer.start()
        try:
            cursor.execute(f"EXPLAIN {sql}").fetchall()
        except duckdb.InterruptException:
            raise _timeout(limit) from None
        except duckdb.Error as exc:
            raise QueryInvalid(_first_line(exc)) from None
        finally:
            timer.cancel()

    def run(
        self, sql: str, *, row_cap: int | None = None, timeout_s: float | None = None
    ) -> Result:
        """Execute one query; at most `row_cap` rows come back (`truncated`: more existed)."""
        _one_select(sql)
        cap = self.row_cap if row_cap is None else row_cap
        limit = self.timeout_s if timeout_s is None else timeout_s
        cursor = self._cursor()
        started = time.perf_counter()
        timer = self._watchdog.watch(limit, cursor.interrupt)
        try:
            cursor.execute(sql)
            rows = cursor.fetchmany(cap + 1)
        except duckdb.InterruptException:
            raise _timeout(limit) from None
        except duckdb.OutOfMemoryException:
            raise ResultTooLarge(
                "the query needs more memory than the server allows: ask for a shorter period, "
                "fewer breakdowns or fewer rows"
            ) from None
        except duckdb.Error as exc:
            raise QueryInvalid(_first_line(exc)) from None
        finally:
            timer.cancel()
        description = cursor.description or []
        _check_size(rows[:cap], self.max_result_bytes, [str(d[1]) for d in description])
        return Result(
            columns=tuple(d[0] for d in description),
            types=tuple(str(d[1]) for d in description),
            rows=rows[:cap],
            truncated=len(rows) > cap,
            seconds=time.perf_counter() - started,
        )

    def schema(self) -> dict[str, dict[str, str]]:
        """Tables and views of the database with their columns and neutral types (`integer`,
        `float`, `text`, `timestamp`, …: connectors/engines/types.py)."""
        from connectors.engines.types import neutral_type

        rows = (
            self._cursor()
            .execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
            )
            .fetchall()
        )
        tables: dict[str, dict[str, str]] = {}
        for table, column, type_ in rows:
            tables.setdefault(str(table), {})[str(column)] = neutral_type(str(type_), "duckdb")
        return tables

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        cursor: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._con.cursor()
            self._local.cursor = cursor
            self._cursors.add(cursor)
        return cursor


def _one_select(sql: str) -> None:
    """Refuse anything but one SELECT, read by DuckDB's parser (the guard read it with sqlglot's):
    a second statement or a command smuggled past the guard by a parser difference stops here,
    before `EXPLAIN` or `execute`, which would run every statement of the text."""
    try:
        kinds = _statement_kinds(sql)
    except duckdb.Error as exc:
        raise QueryInvalid(_first_line(exc)) from None
    if len(kinds) != 1:
        raise QueryRefused(f"exactly one statement is allowed, found {len(kinds)}")
    if kinds[0] != duckdb.StatementType.SELECT:
        raise QueryRefused(f"only a SELECT query is allowed, not {kinds[0].name}")


@functools.lru_cache(maxsize=2048)
def _statement_kinds(sql: str) -> tuple[duckdb.StatementType, ...]:
    """The type of each statement of `sql`, by DuckDB's parser (cached: compiled SQL repeats)."""
    return tuple(s.type for s in duckdb.extract_statements(sql))


def _timeout(limit: float) -> QueryTimeout:
    return QueryTimeout(
        f"the query took longer than {limit:g} s and was stopped: ask for a shorter "
        "period or fewer breakdowns"
    )


_FIXED_WIDTH: Final = frozenset(
    {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT",
     "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_NS",
     "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP WITH TIME ZONE", "INTERVAL", "UUID", "NUMBER"}
)  # fmt: skip


def _check_size(rows: list[tuple[Any, ...]], limit: int, types: Sequence[str] = ()) -> None:
    """Refuse a result over `limit` bytes (a few huge cells fit the row cap but not an answer).

    Cells of fixed-width columns (numbers, dates, timestamps: `types` from the cursor) count 8
    bytes each without being looked at; only the others (text, lists, structs) are measured."""
    width = len(rows[0]) if rows else 0
    fixed = [t.upper() in _FIXED_WIDTH or t.upper().startswith("DECIMAL") for t in types]
    if len(fixed) != width:
        fixed = [False] * width
    variable = [i for i, f in enumerate(fixed) if not f]
    total, per_row = 0, 8 * (width - len(variable))
    for row in rows:
        total += per_row + sum(_size(row[i]) for i in variable)
        if total > limit:
            raise ResultTooLarge(
                f"the result is over {limit / 1_048_576:.0f} MB, too large for an answer: ask "
                "for fewer rows or columns"
            )


def _size(value: Any) -> int:
    if isinstance(value, (str, bytes, bytearray)):
        return len(value)
    if isinstance(value, (list, tuple)):
        return 8 + sum(_size(v) for v in value)
    if isinstance(value, dict):
        return 8 + sum(_size(k) + _size(v) for k, v in value.items())
    return 8


def _open_locked(
    path: Path, threads: int | None, memory_limit: str | None, temp_limit: str | None = None
) -> duckdb.DuckDBPyConnection:
    if not path.is_file():
        raise DatabaseUnavailable(
            f"database file {path} does not exist (build the demo with "
            "`tpa demo --no-serve`, or pass --db)"
        )
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        reason = _first_line(exc)
        if "lock" in reason.lower():
            reason += " (another process, e.g. `tpa ingest`, is writing to it; try again after)"
        raise DatabaseUnavailable(f"cannot open database {path}: {reason}") from None
    if _already_locked(con):
        return con  # the same file opened again in this process shares one locked instance
    settings = [
        "SET autoinstall_known_extensions = false",
        "SET autoload_known_extensions = false",
        "SET enable_progress_bar = false",
    ]
    if threads:
        settings.append(f"SET threads = {int(threads)}")
    if memory_limit:
        settings.append(f"SET memory_limit = '{memory_limit.replace(chr(39), '')}'")
    if temp_limit:
        settings.append(f"SET max_temp_directory_size = '{temp_limit.replace(chr(39), '')}'")
    # Order matters: external access off, then the configuration locked so no query can undo it.
    settings += ["SET enable_external_access = false", "SET lock_configuration = true"]
    for statement in settings:
        con.execute(statement)
    return con


def _already_locked(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this connection's database instance is already locked down (DuckDB shares one
    instance between connections to the same file in a process)."""
    row = con.execute(
        "SELECT current_setting('lock_configuration'), current_setting('enable_external_access')"
    ).fetchone()
    return row is not None and bool(row[0]) and not bool(row[1])


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
