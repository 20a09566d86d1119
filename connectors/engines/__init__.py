"""The engine package: the `Engine` protocol and its implementations, chosen by one setting.

`TPA_ENGINE=duckdb|clickhouse|spark` picks the engine, `TPA_ENGINE_URL` (or `--db`) where its
data is: a DuckDB file, a chdb database folder, a Spark warehouse folder (docs/engines.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from connectors.engine import Engine as DuckDBEngine
from connectors.engine import EngineError
from connectors.engines.base import Engine, refuse_denied

ENGINES = ("duckdb", "clickhouse", "spark")


def open_engine(kind: str, path: Path, **limits: Any) -> Engine:
    """An engine of `kind` over `path` with `limits` (timeout_s, row_cap, memory_limit, …)."""
    if kind == "duckdb":
        return DuckDBEngine(path, **limits)
    if kind == "clickhouse":
        from connectors.engines.clickhouse import ClickHouseEngine

        return ClickHouseEngine(path, **limits)
    if kind == "spark":
        from connectors.engines.spark import SparkEngine

        return SparkEngine(path, **limits)
    raise EngineError(f"unknown engine '{kind}': use one of {', '.join(ENGINES)}")


def export_parquet(database: Path, out: Path) -> list[Path]:
    """Every table of the DuckDB file `database` as `out/<table>.parquet` (the format every
    engine's own loader reads); return the files written. The pre-aggregated tables are left
    out: only DuckDB reads them (`connectors/aggregates.py`)."""
    import duckdb

    from connectors.aggregates import AGGREGATES_TABLE
    from semantic_layer.compile.aggregates import ALL

    duckdb_only = ALL | {AGGREGATES_TABLE}

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with duckdb.connect(str(database), read_only=True) as con:
        tables = [
            str(r[0])
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                "AND table_type = 'BASE TABLE' ORDER BY table_name"
            ).fetchall()
            if str(r[0]) not in duckdb_only
        ]
        for table in tables:
            target = out / f"{table}.parquet"
            quoted = '"' + table.replace('"', '""') + '"'
            con.execute(
                f"COPY {quoted} TO '{str(target).replace(chr(39), chr(39) * 2)}' (FORMAT parquet)"
            )
            written.append(target)
    return written


__all__ = ["ENGINES", "DuckDBEngine", "Engine", "export_parquet", "open_engine", "refuse_denied"]
