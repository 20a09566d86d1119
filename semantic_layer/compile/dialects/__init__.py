"""The dialect layer: one module per engine listing only what it spells differently.

`render(tree, name)` is the one way a compiled tree becomes SQL text. The compiler emits
DuckDB-flavoured sqlglot trees plus dialect-neutral nodes (`StepFold`); each dialect's rewrites
turn them into its own terms. Adding an engine is adding a module here and an engine in
`connectors/engines/`.
"""

from __future__ import annotations

import threading

from sqlglot import exp
from sqlglot import generator as _generator
from sqlglot.dialects.dialect import Dialect as _SqlglotDialect

from semantic_layer.compile.dialects import clickhouse, duck, spark
from semantic_layer.compile.dialects.base import Dialect, StepFold

DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (duck.DIALECT, clickhouse.DIALECT, spark.DIALECT)
}
DEFAULT = duck.DIALECT.name
_OURS = {d.sqlglot: d for d in DIALECTS.values()}
_HOOK_LOCK = threading.Lock()


def _spell_fold(gen: _generator.Generator, node: exp.Expr) -> str:
    """`StepFold` in the generator's dialect: that dialect's rewrite, or sqlglot's generic call
    (`STEP_FOLD(…)`, what it wrote before) for an engine we have no dialect for."""
    ours = _OURS.get(type(gen.dialect).__name__.lower())
    if ours is not None:
        return gen.sql(ours.rewrite(node))
    assert isinstance(node, exp.Func)  # StepFold is an aggregate function
    return gen.function_fallback_sql(node)


def _hook(generator: type[_generator.Generator]) -> None:
    if generator.TRANSFORMS.get(StepFold) is not _spell_fold:
        generator.TRANSFORMS = {**generator.TRANSFORMS, StepFold: _spell_fold}


# `tree.sql(dialect=…)` of sqlglot itself also spells the fold, so a tree rendered without
# `render` (a test, a script) still runs; the other rewrites need `render`. sqlglot's ClickHouse
# and Spark dialects are imported on first use (`get`): their generators copy the base
# generator's transforms when they are made, the fold's with them; DuckDB's is made already.
_hook(_generator.Generator)
_hook(_SqlglotDialect.get_or_raise(DEFAULT).generator_class)


def get(name: str) -> Dialect:
    """The dialect called `name`; `ValueError` naming the known ones."""
    try:
        dialect = DIALECTS[name]
    except KeyError:
        known = ", ".join(sorted(DIALECTS))
        raise ValueError(f"unknown SQL dialect '{name}' (known: {known})") from None
    with _HOOK_LOCK:  # imported before this module (by another library): hooked now
        _hook(_SqlglotDialect.get_or_raise(dialect.sqlglot).generator_class)
    return dialect


def render(tree: exp.Expr, name: str = DEFAULT, *, pretty: bool = False) -> str:
    """`tree` as SQL text of dialect `name` (the tree itself is not changed)."""
    return get(name).render(tree, pretty=pretty)


__all__ = ["DEFAULT", "DIALECTS", "Dialect", "StepFold", "get", "render"]
