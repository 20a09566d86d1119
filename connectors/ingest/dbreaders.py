"""Reading a table of another database: DuckDB (ATTACH … READ_ONLY) or SQLite (streamed in batches).

DuckDB's sqlite extension cannot be downloaded here, so SQLite rows are read with Python's sqlite3
and streamed into DuckDB as pyarrow record batches (bounded memory, all values as text).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from .errors import did_you_mean
from .progress import Runner
from .readers import FILE_ID, FileLog, RawTable, ReadError, append, finish_files
from .sqltext import ident, string_lit

BATCH_ROWS = 50_000
_ALIAS = "_tpa_source_db"


def read_duckdb_table(
    runner: Runner, index: int, database: Path, table: str, label: str, same_file: bool
) -> RawTable:
    """Copy `table` of another DuckDB file (attached read-only) into the raw work table."""
    catalog = runner.scalar("SELECT current_database()") if same_file else _ALIAS
    if not same_file:
        try:
            runner.execute(f"ATTACH {string_lit(str(database))} AS {_ALIAS} (READ_ONLY)")
        except duckdb.Error as e:
            raise ReadError(
                f"cannot open {database}: {str(e).splitlines()[0]}",
                "is another program writing to it?",
                "database",
            ) from None
    try:
        names = _duckdb_tables(runner, str(catalog))
        schema, name = _split(table)
        found = next((n for n in names if n.lower() == f"{schema}.{name}".lower()), None)
        if found is None:
            short = [n.removeprefix("main.") for n in names]
            raise ReadError(
                f"no table '{table}' in {database}", did_you_mean(table, short), "source_table"
            )
        qualified = ".".join(ident(p) for p in (str(catalog), *found.split(".", 1)))
        log = FileLog(index)
        append(runner, log, f"SELECT *, 0::INTEGER AS {FILE_ID} FROM {qualified}")
    finally:
        if not same_file:
            runner.execute(f"DETACH {_ALIAS}")
    return _finish(runner, log, label)


def _duckdb_tables(runner: Runner, catalog: str) -> list[str]:
    rows = runner.rows(
        "SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = "
        f"{string_lit(catalog)} AND NOT temporary UNION ALL SELECT schema_name || '.' || view_name "
        f"FROM duckdb_views() WHERE database_name = {string_lit(catalog)} AND NOT internal"
    )
    return sorted(str(r[0]) for r in rows if not str(r[0]).split(".", 1)[1].startswith("_tpa_"))


def _split(table: str) -> tuple[str, str]:
    schema, _, name = table.rpartition(".")
    return (schema or "main", name)


def read_sqlite_table(
    runner: Runner,
    index: int,
    database: Path,
    table: str,
    label: str,
    progress: Callable[[float], None] | None = None,
) -> RawTable:
    """Stream `table` of a SQLite file into the raw work table (every value as text)."""
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as e:
        raise ReadError(f"cannot open {database}: {e}", "", "database") from None
    con.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        names = [
            str(r[0])
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        found = next((n for n in names if n.lower() == table.lower()), None)
        if found is None:
            raise ReadError(
                f"no table '{table}' in {database}", did_you_mean(table, names), "source_table"
            )
        columns = [str(r[1]) for r in con.execute(f"PRAGMA table_info({_sqlite_ident(found)})")]
        total = int(con.execute(f"SELECT count(*) FROM {_sqlite_ident(found)}").fetchone()[0])
        reader = pa.RecordBatchReader.from_batches(
            pa.schema([(c, pa.string()) for c in columns]),
            _batches(con, found, columns, total, progress),
        )
        log = FileLog(index)
        runner.con.register("_tpa_sqlite_batches", reader)
        try:
            append(runner, log, f"SELECT *, 0::INTEGER AS {FILE_ID} FROM _tpa_sqlite_batches")
        finally:
            runner.con.unregister("_tpa_sqlite_batches")
    except sqlite3.Error as e:
        raise ReadError(f"cannot read {database}: {e}", "", "database") from None
    finally:
        con.close()
    return _finish(runner, log, label)


def _sqlite_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _batches(
    con: sqlite3.Connection,
    table: str,
    columns: list[str],
    total: int,
    progress: Callable[[float], None] | None,
) -> Iterator[pa.RecordBatch]:
    listed = ", ".join(f"CAST({_sqlite_ident(c)} AS TEXT)" for c in columns)
    cursor = con.execute(f"SELECT {listed} FROM {_sqlite_ident(table)}")
    done = 0
    while rows := cursor.fetchmany(BATCH_ROWS):
        arrays = [pa.array(list(values), type=pa.string()) for values in zip(*rows, strict=True)]
        yield pa.RecordBatch.from_arrays(arrays, names=columns)
        done += len(rows)
        if progress and total:
            progress(done / total)


def _finish(runner: Runner, log: FileLog, label: str) -> RawTable:
    log.labels.append((0, label, 1))
    finish_files(runner, log)
    joins = f"JOIN _tpa_files_{log.index} f ON f.file_id = r.{FILE_ID}"
    return RawTable(log.index, log.columns(runner), "r.rowid + f.base", joins, log.rows, 0)
