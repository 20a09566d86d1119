"""Spark SQL: `aggregate` over a sorted `collect_list` of structs for the funnel, `percentile`
for exact quantiles. Run with the session time zone UTC (`connectors/engines/spark.py`)."""

from __future__ import annotations

from sqlglot import exp

from semantic_layer.compile.dialects.base import (
    Dialect,
    StepFold,
    drop_cte_materialization,
    epoch,
    ordered_list_parts,
)


def _struct(**fields: exp.Expr) -> exp.Expr:
    args: list[exp.Expr] = []
    for name, value in fields.items():
        args += [exp.Literal.string(name), value]
    return exp.func("named_struct", *args)


def _dot(base: str, name: str) -> exp.Dot:
    return exp.Dot(this=exp.column(base), expression=exp.to_identifier(name))


def fold(node: exp.Expr) -> exp.Expr:
    """`StepFold` as `aggregate(array_sort(collect_list(struct(ts, step))), start, advance)`:
    structs sort by ts, then step."""
    if not isinstance(node, StepFold):
        return node
    pairs = _struct(ts=node.args["ts"].copy(), step=node.args["step"].copy())
    ordered = exp.func("array_sort", exp.func("collect_list", pairs))
    start = _struct(reached=exp.Literal.number(0), at=epoch())
    moves = exp.and_(
        _dot("ev", "step").eq(_dot("acc", "reached") + 1), _dot("ev", "ts") > _dot("acc", "at")
    )
    nxt = _struct(reached=_dot("acc", "reached") + 1, at=_dot("ev", "ts"))
    body = exp.Case(ifs=[exp.If(this=moves, true=nxt)], default=exp.column("acc"))
    advance = exp.Lambda(this=body, expressions=[exp.to_identifier("acc"), exp.to_identifier("ev")])
    return exp.func("aggregate", ordered, start, advance)


def functions(node: exp.Expr) -> exp.Expr:
    """Exact quantiles (Spark's `percentile` interpolates like DuckDB's quantile_cont), the
    grouping bit mask of several columns, number series."""
    if isinstance(node, exp.DateTrunc | exp.TimestampTrunc):
        # Spark's trunc() knows no 'day' (NULL) and returns a DATE; date_trunc gives DuckDB's
        # TIMESTAMP for every unit
        unit = node.args.get("unit")
        name = unit.name if unit is not None else "day"
        return exp.Anonymous(
            this="date_trunc", expressions=[exp.Literal.string(name.upper()), node.this.copy()]
        )
    if isinstance(node, exp.Grouping) and len(node.expressions) > 1:
        # GROUPING(a, b, c) as bits of one-column grouping(): Spark's grouping_id() must name
        # every grouping column, in order
        n = len(node.expressions)
        bits = [
            exp.Grouping(expressions=[e.copy()]) * exp.Literal.number(2 ** (n - 1 - i))
            for i, e in enumerate(node.expressions)
        ]
        total: exp.Expr = bits[0]
        for bit in bits[1:]:
            total = total + bit
        return exp.Paren(this=total)
    if isinstance(node, exp.Anonymous) and node.name.lower() == "range":
        args = [a.copy() for a in node.expressions]
        start, end = (args[0], args[1]) if len(args) > 1 else (exp.Literal.number(0), args[0])
        return exp.GenerateSeries(start=start, end=end, is_end_exclusive=True)
    if isinstance(node, exp.Median):
        return exp.func("percentile", node.this.copy(), exp.Literal.number(0.5))
    if isinstance(node, exp.PercentileCont):
        return exp.func("percentile", node.this.copy(), node.expression.copy())
    if isinstance(node, exp.Anonymous) and node.name.lower() in ("median", "quantile_cont"):
        args = [a.copy() for a in node.expressions]
        return exp.func(
            "percentile", args[0], args[1] if len(args) > 1 else exp.Literal.number(0.5)
        )
    return lists(node)


def lists(node: exp.Expr) -> exp.Expr:
    """`list(x ORDER BY k…)` as `transform(array_sort(collect_list(struct(k…, x))), t -> t.v)`,
    `epoch(a - b)` as a difference of microseconds."""
    ordered = ordered_list_parts(node)
    if ordered is not None:
        keys, value = ordered
        fields = {f"k{i}": k for i, k in enumerate(keys)}
        items = exp.func("collect_list", _struct(**fields, v=value))
        pick = exp.Lambda(this=_dot("t", "v"), expressions=[exp.to_identifier("t")])
        return exp.func("transform", exp.func("array_sort", items), pick)
    if isinstance(node, exp.TimeToUnix) and isinstance(node.this, exp.Sub):
        micros = [exp.func("unix_micros", t.copy()) for t in (node.this.this, node.this.expression)]
        return exp.Div(
            this=exp.Paren(this=micros[0] - micros[1]), expression=exp.Literal.number(1e6)
        )
    return node


DIALECT = Dialect(
    name="spark",
    sqlglot="spark",
    title="Spark SQL",
    rewrites=(drop_cte_materialization, fold, functions),
    denied_functions=frozenset(
        [
            "reflect",
            "java_method",
            "try_reflect",
            "read_files",
            "input_file_name",
            "input_file_block_start",
            "input_file_block_length",
            "current_user",
            "user",
            "session_user",
            "current_catalog",
            "current_database",
            "current_schema",
            "version",
            "spark_partition_id",
            "monotonically_increasing_id",
            "uuid",
            "rand",
            "randn",
            "assert_true",
            "raise_error",
            "from_avro",
            "to_avro",
            "from_protobuf",
            "to_protobuf",
            "sha",
            "xpath",
            "xpath_boolean",
            "xpath_double",
            "xpath_float",
            "xpath_int",
            "xpath_long",
            "xpath_number",
            "xpath_short",
            "xpath_string",
            "url_decode",
            "url_encode",
            "parse_url",
            "aes_encrypt",
            "aes_decrypt",
            "try_aes_decrypt",
            "java_method",
            "secret",
        ]
    ),
    denied_prefixes=("xpath", "read_", "system.", "information_schema."),
)
