"""Where `connectors.profile` reads from: a DuckDB file, or any engine (ClickHouse, Spark SQL).

The profile's queries are written once, in DuckDB's dialect, as the compiler's trees are; an
engine source renders them for its dialect (`semantic_layer.compile.dialects`) and runs them
through the engine's own guard, time limit and row cap. Column types come from the engine's
describe in neutral form (`integer`, `text`, `timestamp`, …; connectors/engines/types.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import duckdb
import sqlglot

from connectors.engine import EngineError
from connectors.engines import Engine
from connectors.engines.types import neutral_type
from semantic_layer.compile import dialects

PROFILE_ROW_CAP = 1_000_000  # paths and channel pairs: far more rows than an answer's cap


class ProfileError(Exception):
    """The database cannot be profiled (missing, unreadable, not DuckDB)."""


class Source(Protocol):
    """What the profile reads: tables with their columns and neutral types, and rows."""

    where: str  # for messages: the file, or the engine and its data

    def schema(self) -> dict[str, dict[str, str]]: ...

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """The rows of one SELECT written in DuckDB's dialect."""
        ...


class DuckDBSource:
    """A read-only DuckDB connection that cannot reach files or the network."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ProfileError(
                f"{path}: database not found (build one with `tpa demo` or `tpa ingest`)"
            )
        try:
            self.con = duckdb.connect(
                str(path), read_only=True, config={"enable_external_access": False}
            )
        except duckdb.Error as e:
            raise ProfileError(f"{path}: cannot open the database: {e}") from None
        self.where = str(path)

    def schema(self) -> dict[str, dict[str, str]]:
        rows = self.con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
        tables: dict[str, dict[str, str]] = {}
        for table, column, type_ in rows:
            tables.setdefault(str(table), {})[str(column)] = neutral_type(str(type_), "duckdb")
        return tables

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        try:
            return self.con.execute(sql).fetchall()
        except duckdb.Error as e:
            raise ProfileError(f"{self.where}: {str(e).splitlines()[0]}") from None

    def close(self) -> None:
        self.con.close()


class EngineSource:
    """An engine's tables (its describe) and rows (each query rendered for its dialect)."""

    def __init__(self, engine: Engine, where: str) -> None:
        self.engine = engine
        self.where = where

    def schema(self) -> dict[str, dict[str, str]]:
        try:
            return self.engine.schema()
        except EngineError as e:
            raise ProfileError(f"{self.where}: {e.message}") from None

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        text = dialects.render(sqlglot.parse_one(sql, read="duckdb"), self.engine.dialect)
        try:
            result = self.engine.run(text, row_cap=PROFILE_ROW_CAP)
        except EngineError as e:
            raise ProfileError(f"{self.where}: {e.message}") from None
        return [tuple(r) for r in result.rows]

    def close(self) -> None:
        """The engine belongs to the caller."""


__all__ = ["PROFILE_ROW_CAP", "DuckDBSource", "EngineSource", "ProfileError", "Source"]
