"""DuckDB, the embedded default: the tree is already in its terms except the funnel fold."""

from __future__ import annotations

from sqlglot import exp

from semantic_layer.compile.dialects.base import Dialect, StepFold, epoch


def _struct(**fields: exp.Expr) -> exp.Struct:
    return exp.Struct(
        expressions=[
            exp.PropertyEQ(this=exp.to_identifier(k), expression=v) for k, v in fields.items()
        ]
    )


def _dot(base: str, name: str) -> exp.Dot:
    return exp.Dot(this=exp.column(base), expression=exp.to_identifier(name))


def fold(node: exp.Expr) -> exp.Expr:
    """`StepFold` as `list_reduce(list_sort(array_agg({ts, step})), advance, start)`: structs
    sort by ts, then step."""
    if not isinstance(node, StepFold):
        return node
    pairs = _struct(ts=node.args["ts"].copy(), step=node.args["step"].copy())
    ordered = exp.func("list_sort", exp.ArrayAgg(this=pairs))
    start = _struct(reached=exp.Literal.number(0), at=epoch())
    moves = exp.and_(
        _dot("ev", "step").eq(_dot("acc", "reached") + 1), _dot("ev", "ts") > _dot("acc", "at")
    )
    nxt = _struct(reached=_dot("acc", "reached") + 1, at=_dot("ev", "ts"))
    body = exp.Case(ifs=[exp.If(this=moves, true=nxt)], default=exp.column("acc"))
    advance = exp.Lambda(this=body, expressions=[exp.to_identifier("acc"), exp.to_identifier("ev")])
    return exp.func("list_reduce", ordered, advance, start)


DIALECT = Dialect(
    name="duckdb", sqlglot="duckdb", title="DuckDB", rewrites=(fold,), rewritten=(StepFold,)
)
