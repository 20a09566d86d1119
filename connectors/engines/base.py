"""The `Engine` protocol every query engine implements (DuckDB, ClickHouse, Spark SQL).

The assistant only ever talks to an engine through these calls; which engine it is shows only
in `dialect`, which the compiler renders for (`semantic_layer/compile/dialects`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from sqlglot import exp

from connectors.engine import QueryRefused, Result
from semantic_layer.compile import dialects


class Engine(Protocol):
    """A read-only query engine with a timeout and a row cap; safe to share between threads."""

    dialect: str  # a name in semantic_layer.compile.dialects.DIALECTS
    path: Path  # where its data lives (a file or folder; the retrieval index sits beside it)
    timeout_s: float
    row_cap: int

    def explain(self, sql: str, *, timeout_s: float | None = None) -> None:
        """Raise `QueryInvalid` when the query does not bind (tables, columns, types)."""

    def run(
        self, sql: str, *, row_cap: int | None = None, timeout_s: float | None = None
    ) -> Result:
        """One SELECT; at most `row_cap` rows come back (`truncated`: more existed)."""
        ...

    def schema(self) -> dict[str, dict[str, str]]:
        """Tables and views with their columns and neutral types (`integer`, `float`, `text`,
        `timestamp`, `date`, `boolean`, …: `connectors.engines.types`), which the model's
        checks read."""
        ...

    def cancel(self) -> None:
        """Stop the queries running now (they raise `QueryTimeout` or `QueryInvalid`)."""

    def close(self) -> None: ...


def refuse_denied(sql: str, dialect: str) -> None:
    """The engine's own guard on the text it is about to run, read in its dialect: one SELECT,
    no function or table function of the dialect's deny list (files, network, catalog,
    settings), no qualified table (`system.tables`). Raises `QueryRefused`."""
    rules = dialects.get(dialect)
    try:
        import sqlglot

        statements = [s for s in sqlglot.parse(sql, read=rules.sqlglot) if s is not None]
    except Exception as exc:  # sqlglot cannot read it: the engine would not be trusted with it
        raise QueryRefused(f"the SQL could not be read: {str(exc).splitlines()[0][:200]}") from None
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise QueryRefused("exactly one SELECT statement is allowed")
    for node in statements[0].walk():
        if isinstance(node, exp.Func):
            name = node.name if isinstance(node, exp.Anonymous) else node.sql_name()
            if rules.refuses(name):
                raise QueryRefused(f"function {name.lower()}() is not allowed on this engine")
        if isinstance(node, exp.Table):
            if node.args.get("db") or node.args.get("catalog"):
                raise QueryRefused(f"qualified table names like '{node.sql()}' are not allowed")
            if not isinstance(node.this, exp.Identifier):
                raise QueryRefused("table functions are not allowed in FROM")
