"""The engine package: the `Engine` protocol and its implementations, chosen by one setting.

`TPA_ENGINE=duckdb|clickhouse|spark` picks the engine, `TPA_ENGINE_URL` (or `--db`) where its
data is: a DuckDB file, a chdb database folder, a folder of Parquet tables (Spark), a ClickHouse
server (`http(s)://`) or a Spark Connect server (`sc://`) (docs/engines.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from connectors.engine import Engine as DuckDBEngine
from connectors.engine import EngineError
from connectors.engines.base import Engine, refuse_denied

ENGINES = ("duckdb", "clickhouse", "spark")


def open_engine(kind: str, path: Path, *, server: str | None = None, **limits: Any) -> Engine:
    """An engine of `kind` over `path` with `limits` (timeout_s, row_cap, memory_limit, …), or
    over the `server` URL (ClickHouse's HTTP interface, Spark Connect `sc://`), where `path`
    only names the working files."""
    if server is not None:
        return _remote(kind, server, path, **limits)
    if kind == "duckdb":
        return DuckDBEngine(path, **limits)
    if kind == "clickhouse":
        from connectors.engines.clickhouse import ClickHouseEngine

        return ClickHouseEngine(path, **limits)
    if kind == "spark":
        from connectors.engines.spark import SparkEngine

        return SparkEngine(path, **limits)
    raise EngineError(f"unknown engine '{kind}': use one of {', '.join(ENGINES)}")


def _remote(kind: str, server: str, path: Path, **limits: Any) -> Engine:
    scheme = server.split("://", 1)[0].lower()
    if kind == "clickhouse" and scheme in ("http", "https"):
        from connectors.engines.clickhouse_http import ClickHouseHttpEngine

        return ClickHouseHttpEngine(server, path=path, **limits)
    if kind == "spark" and scheme == "sc":
        from connectors.engines.spark import SparkEngine

        return SparkEngine(path, remote=server, **limits)
    raise EngineError(
        f"engine '{kind}' cannot use the server URL '{scheme}://…': ClickHouse takes "
        "http(s)://host:8123/database, Spark takes sc://host:15002 (Spark Connect); DuckDB "
        "takes a file"
    )


def export_parquet(database: Path, out: Path) -> list[Path]:
    """Every table of the DuckDB file `database` as `out/<table>.parquet` (the format every
    engine's own loader reads); return the files written. The pre-aggregated tables are left
    out: only DuckDB reads them (`connectors/aggregates.py`)."""
    import duckdb

    from connectors.aggregates import AGGREGATES_TABLE
    from semantic_layer.compile.aggregates import known

    out.mkdir(parents=True, exist_ok=True)
    written = []
    # The file is attached read-only to a fresh in-memory database rather than connected to:
    # DuckDB shares one instance per file in a process, and a server (or a test) may already hold
    # this file open through the locked-down engine, where no file can be written.
    with duckdb.connect(":memory:") as con:
        con.execute(f"ATTACH '{_quoted_path(database)}' AS src (READ_ONLY)")
        tables = [
            str(r[0])
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'src' "
                "AND table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
            if str(r[0]) != AGGREGATES_TABLE and not known([str(r[0])])
        ]
        for table in tables:
            target = out / f"{table}.parquet"
            quoted = '"' + table.replace('"', '""') + '"'
            con.execute(f"COPY src.{quoted} TO '{_quoted_path(target)}' (FORMAT parquet)")
            written.append(target)
    return written


def _quoted_path(path: Path) -> str:
    return str(path).replace("'", "''")


__all__ = ["ENGINES", "DuckDBEngine", "Engine", "export_parquet", "open_engine", "refuse_denied"]
