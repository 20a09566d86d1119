"""The dialect layer: one module per engine listing only what it spells differently.

`render(tree, name)` is the one way a compiled tree becomes SQL text. The compiler emits
DuckDB-flavoured sqlglot trees plus dialect-neutral nodes (`StepFold`); each dialect's rewrites
turn them into its own terms. Adding an engine is adding a module here and an engine in
`connectors/engines/`.
"""

from __future__ import annotations

from sqlglot import exp
from sqlglot.dialects.clickhouse import ClickHouse as _ClickHouse
from sqlglot.dialects.duckdb import DuckDB as _DuckDB
from sqlglot.dialects.spark import Spark as _Spark

from semantic_layer.compile.dialects import clickhouse, duck, spark
from semantic_layer.compile.dialects.base import Dialect, StepFold

# `tree.sql(dialect=…)` of sqlglot itself also spells the fold, so a tree rendered without
# `render` (a test, a script) still runs; the other rewrites need `render`.
for _generator, _dialect in (
    (_DuckDB.Generator, duck.DIALECT),
    (_ClickHouse.Generator, clickhouse.DIALECT),
    (_Spark.Generator, spark.DIALECT),
):
    _generator.TRANSFORMS = {
        **_generator.TRANSFORMS,
        StepFold: lambda gen, node, d=_dialect: gen.sql(d.rewrite(node)),
    }

DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (duck.DIALECT, clickhouse.DIALECT, spark.DIALECT)
}
DEFAULT = duck.DIALECT.name


def get(name: str) -> Dialect:
    """The dialect called `name`; `ValueError` naming the known ones."""
    try:
        return DIALECTS[name]
    except KeyError:
        known = ", ".join(sorted(DIALECTS))
        raise ValueError(f"unknown SQL dialect '{name}' (known: {known})") from None


def render(tree: exp.Expr, name: str = DEFAULT, *, pretty: bool = False) -> str:
    """`tree` as SQL text of dialect `name` (the tree itself is not changed)."""
    return get(name).render(tree, pretty=pretty)


__all__ = ["DEFAULT", "DIALECTS", "Dialect", "StepFold", "get", "render"]
