"""Getting the canonical tables into an engine: `tpa ingest --engine` and `tpa export --engine`.

Ingestion (and the demo) write a DuckDB file; `publish` copies every table of it, `_tpa_meta`
and the load-id table `_tpa_loads` (the data version answers are cached by) included, into the
engine's store: a chdb database folder for ClickHouse, a folder of Parquet files for Spark.
Either all tables are replaced or none: a failure leaves the engine's previous tables.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from connectors.engine import DatabaseUnavailable
from connectors.engines import export_parquet

TARGETS = ("clickhouse", "spark")


def publish(database: Path, kind: str, target: Path) -> list[str]:
    """Every table of the DuckDB file `database` into engine `kind`'s store at `target`;
    return the table names."""
    if kind not in TARGETS:
        raise DatabaseUnavailable(f"unknown engine '{kind}': use one of {', '.join(TARGETS)}")
    if not database.is_file():
        raise DatabaseUnavailable(f"database file {database} does not exist")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".tpa-publish-", dir=target.parent) as tmp:
        files = export_parquet(database, Path(tmp) / "tables")
        if kind == "clickhouse":
            from connectors.engines.clickhouse import load

            return load(target, Path(tmp) / "tables")
        return _swap_folder(Path(tmp) / "tables", target, [f.name for f in files])


def _swap_folder(new: Path, target: Path, names: list[str]) -> list[str]:
    """The Parquet folder `target` replaced by `new`: the old folder is renamed aside, the new
    one renamed in (one rename each: a reader sees the old tables or the new ones)."""
    if target.exists() and not target.is_dir():
        raise DatabaseUnavailable(f"{target} is a file, not a folder of Parquet tables")
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)
    return [n.removesuffix(".parquet") for n in names]


__all__ = ["TARGETS", "publish"]
