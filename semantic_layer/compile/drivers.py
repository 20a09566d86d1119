"""Drivers: why did a metric change? (DESIGN.md "Meanings": Drivers.)

The metric is computed for the current and the baseline period by each dimension. For a count, a
segment's contribution is its own change. For a rate R = N / D, with segment weights w = D_s / D and
rates r = N_s / D_s, each segment's contribution is a rate effect w₀ (r₁ − r₀) plus a mix effect
(w₁ − w₀)(r₁ − R₀); over the segments they add up exactly to R₁ − R₀ (a segment missing in one
period takes its other period's rate, which only ever meets a zero weight). Segments are ranked by
how much they pushed the metric in the direction it moved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sqlglot import exp

from semantic_layer.compile.metrics import MetricCompiler, MetricQuery
from semantic_layer.compile.scoped import dim_column
from semantic_layer.compile.sql import safe_div
from semantic_layer.model.spec import ModelSpec

COLUMNS = (
    "dimension",
    "segment",
    "value",
    "value_previous",
    "change",
    "contribution",
    "rate_effect",
    "mix_effect",
    "share_of_change",
)


def drivers(model: ModelSpec, query: MetricQuery, dimensions: Sequence[str]) -> exp.Select:
    """Contributions of every segment of every dimension to the change of `query.metrics[0]`.

    The metric is computed once for both periods with each dimension as its own grouping set;
    the contributions are then computed for all dimensions together, windows partitioned by
    dimension, in a few small layers (a large query costs DuckDB more to plan than to run).
    """
    assert query.baseline is not None and len(query.metrics) == 1
    metric = query.metrics[0]
    by_each = replace(
        query,
        dimensions=tuple(dimensions),
        grouping_sets=True,
        with_parts=True,
        limit=None,
        order_by=None,
    )
    compiler = MetricCompiler(model, by_each)
    labelled = _labelled(compiler, dimensions, metric)
    layers = (
        _rate_layers(labelled) if compiler.parts(metric) is not None else _count_layers(labelled)
    )
    direction = exp.func("sign", exp.column("total_change"))
    ranked = (
        exp.select(*COLUMNS)
        .from_(layers.subquery("d"))
        .order_by(
            exp.Ordered(this=exp.column("contribution") * direction, desc=True),
            "dimension",
            "segment",
        )
        .with_("segments", compiler.build())
    )
    return ranked.limit(query.limit) if query.limit else ranked


def _case(
    compiler: MetricCompiler, dimensions: Sequence[str], value: Callable[[str], exp.Expr]
) -> exp.Case:
    """CASE _set WHEN <dimension's set> THEN value(dimension) … END."""
    return exp.Case(
        this=exp.column("_set"),
        ifs=[
            exp.If(this=exp.Literal.number(compiler.set_of(d)), true=value(d)) for d in dimensions
        ],
    )


def _labelled(compiler: MetricCompiler, dimensions: Sequence[str], metric: str) -> exp.Select:
    """dimension, segment and the metric's values (or numerators and denominators) per period."""
    dimension = _case(compiler, dimensions, exp.Literal.string)
    segment = exp.func(
        "coalesce",
        _case(compiler, dimensions, lambda d: exp.cast(exp.column(dim_column(d)), "VARCHAR")),
        exp.Literal.string("(none)"),
    )
    suffixes = {"cur": "", "prev": "__previous"}
    if compiler.parts(metric) is not None:
        suffixes = {"n1": "__num", "d1": "__den", "n0": "__num__previous", "d0": "__den__previous"}
    values = [
        exp.func("coalesce", exp.column(f"{metric}{suffix}"), exp.Literal.number(0)).as_(name)
        for name, suffix in suffixes.items()
    ]
    raw = [exp.column(metric).as_("value"), exp.column(f"{metric}__previous").as_("value_previous")]
    return exp.select(dimension.as_("dimension"), segment.as_("segment"), *raw, *values).from_(
        "segments"
    )


def _by_dimension(func: exp.Expr) -> exp.Window:
    return exp.Window(this=func, partition_by=[exp.column("dimension")])


def _count_layers(labelled: exp.Select) -> exp.Select:
    change = exp.column("cur") - exp.column("prev")
    first = exp.select(
        "*", change.as_("change"), _by_dimension(exp.func("sum", change.copy())).as_("total_change")
    )
    first = first.from_(labelled.subquery("l"))
    return exp.select(
        "*",
        exp.column("change").as_("contribution"),
        exp.Null().as_("rate_effect"),
        exp.Null().as_("mix_effect"),
        safe_div(exp.column("change"), exp.column("total_change")).as_("share_of_change"),
    ).from_(first.subquery("c"))


def _rate_layers(labelled: exp.Select) -> exp.Select:
    col = exp.column
    # SQL names are case-insensitive: the totals need names of their own
    totals = [
        _by_dimension(exp.func("sum", col(c))).as_(f"all_{c}") for c in ("n1", "d1", "n0", "d0")
    ]
    rates = exp.select(
        "*",
        *totals,
        safe_div(col("n1"), col("d1")).as_("r1_raw"),
        safe_div(col("n0"), col("d0")).as_("r0_raw"),
    ).from_(labelled.subquery("l"))
    shares = exp.select(
        "*",
        exp.func("coalesce", col("r1_raw"), col("r0_raw"), exp.Literal.number(0)).as_("r1"),
        exp.func("coalesce", col("r0_raw"), col("r1_raw"), exp.Literal.number(0)).as_("r0"),
        safe_div(col("d1"), col("all_d1")).as_("w1"),
        safe_div(col("d0"), col("all_d0")).as_("w0"),
        safe_div(col("all_n1"), col("all_d1")).as_("rate1"),
        safe_div(col("all_n0"), col("all_d0")).as_("rate0"),
    ).from_(rates.subquery("r"))
    zero = exp.Literal.number(0)
    rate = exp.func("coalesce", col("w0") * (col("r1") - col("r0")), zero)
    mix = exp.func(
        "coalesce", exp.Paren(this=col("w1") - col("w0")) * (col("r1") - col("rate0")), zero.copy()
    )
    effects = exp.select(
        "*",
        (col("value") - col("value_previous")).as_("change"),
        rate.as_("rate_effect"),
        mix.as_("mix_effect"),
        (col("rate1") - col("rate0")).as_("total_change"),
    ).from_(shares.subquery("s"))
    contribution = col("rate_effect") + col("mix_effect")
    return exp.select(
        "*",
        contribution.as_("contribution"),
        safe_div(contribution.copy(), col("total_change")).as_("share_of_change"),
    ).from_(effects.subquery("e"))
