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


def read_duckdb_table(
    runner: Runner, index: int, *, database: Path, table: str, label: str, same_file: bool
) -> RawTable:
    """Copy `table` of another DuckDB file into the raw work table.

    The file is data, not code: it is opened on its own connection, read-only, with external
    access (files, network, extensions) disabled and the configuration locked before anything
    is read, so a view over `read_text('/etc/…')` or a macro cannot reach the disk; its rows
    come across as Arrow batches. A view is read only through that connection."""
    if same_file:
        return _read_same_file(runner, index, database=database, table=table, label=label)
    source = _open_source(database)
    try:
        found, kind = _find(_source_tables(source), table, database)
        qualified = ".".join(ident(p) for p in found.split(".", 1))
        try:
            reader = source.sql(f"SELECT * FROM {qualified}").to_arrow_reader(BATCH_ROWS)
        except duckdb.Error as e:
            raise _unreadable(database, table, kind, e) from None
        log = FileLog(index)
        runner.con.register("_tpa_duckdb_batches", reader)
        try:
            append(runner, log, f"SELECT *, 0::INTEGER AS {FILE_ID} FROM _tpa_duckdb_batches")
        except duckdb.Error as e:
            raise _unreadable(database, table, kind, e) from None
        finally:
            runner.con.unregister("_tpa_duckdb_batches")
    finally:
        source.close()
    return _finish(runner, log, label)


def _read_same_file(
    runner: Runner, index: int, *, database: Path, table: str, label: str
) -> RawTable:
    """A table of the database being loaded: base tables only (a view would run with the
    ingesting connection's access to files)."""
    catalog = str(runner.scalar("SELECT current_database()"))
    names = _duckdb_tables(runner, catalog)
    found, kind = _find(names, table, database)
    if kind == "view":
        raise ReadError(
            f"'{table}' in {database} is a view; only tables of the database being loaded are "
            "read (a view can read files)",
            "load it from its own database file, or store it as a table",
            "source_table",
        )
    qualified = ".".join(ident(p) for p in (catalog, *found.split(".", 1)))
    log = FileLog(index)
    append(runner, log, f"SELECT *, 0::INTEGER AS {FILE_ID} FROM {qualified}")
    return _finish(runner, log, label)


def _open_source(database: Path) -> duckdb.DuckDBPyConnection:
    config: dict[str, str | bool | int | float | list[str]] = {
        "enable_external_access": False,
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "lock_configuration": True,
    }
    try:
        return duckdb.connect(str(database), read_only=True, config=config)
    except duckdb.Error as e:
        raise ReadError(
            f"cannot open {database}: {str(e).splitlines()[0]}",
            "is another program writing to it?",
            "database",
        ) from None


def _find(names: dict[str, str], table: str, database: Path) -> tuple[str, str]:
    schema, name = _split(table)
    found = next((n for n in names if n.lower() == f"{schema}.{name}".lower()), None)
    if found is None:
        short = [n.removeprefix("main.") for n in names]
        raise ReadError(
            f"no table '{table}' in {database}", did_you_mean(table, short), "source_table"
        )
    return found, names[found]


def _unreadable(database: Path, table: str, kind: str, error: duckdb.Error) -> ReadError:
    reason = str(error).splitlines()[0]
    if kind == "view" and ("disabled" in reason or "Permission" in reason):
        return ReadError(
            f"view '{table}' in {database} reads files or settings, which ingestion refuses: "
            f"{reason}",
            "store the data as a table in that database",
            "source_table",
        )
    return ReadError(f"cannot read '{table}' in {database}: {reason}", "", "source_table")


def _source_tables(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """schema.name → "table" or "view", for a source database on its own connection."""
    rows = con.execute(
        "SELECT schema_name || '.' || table_name, 'table' FROM duckdb_tables() "
        "WHERE database_name = current_database() AND NOT temporary UNION ALL "
        "SELECT schema_name || '.' || view_name, 'view' FROM duckdb_views() "
        "WHERE database_name = current_database() AND NOT internal"
    ).fetchall()
    return {
        str(n): str(k) for n, k in sorted(rows) if not str(n).split(".", 1)[1].startswith("_tpa_")
    }


def _duckdb_tables(runner: Runner, catalog: str) -> dict[str, str]:
    rows = runner.rows(
        "SELECT schema_name || '.' || table_name, 'table' FROM duckdb_tables() WHERE "
        f"database_name = {string_lit(catalog)} AND NOT temporary UNION ALL SELECT schema_name "
        f"|| '.' || view_name, 'view' FROM duckdb_views() WHERE database_name = "
        f"{string_lit(catalog)} AND NOT internal"
    )
    return {
        str(r[0]): str(r[1])
        for r in sorted(rows)
        if not str(r[0]).split(".", 1)[1].startswith("_tpa_")
    }


def _split(table: str) -> tuple[str, str]:
    schema, _, name = table.rpartition(".")
    return (schema or "main", name)


def read_sqlite_table(
    runner: Runner,
    index: int,
    *,
    database: Path,
    table: str,
    label: str,
    progress: Callable[[float], None] | None = None,
) -> RawTable:
    """Stream `table` of a SQLite file into the raw work table (every value as text)."""
    try:
        con = sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
        con.execute("PRAGMA trusted_schema = OFF")  # views and triggers call no unsafe function
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
            _batches(con, found, columns=columns, total=total, progress=progress),
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
    *,
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
