"""Drivers: why did a metric change? (docs/design.md "Meanings": Drivers.)

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

from semantic_layer.compile.metrics import CURRENT, PREVIOUS, MetricCompiler, MetricQuery
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
        .with_("segments", compiler.leaves())
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
    """dimension, segment and the metric per period — numerators and denominators for a rate,
    values for a count — straight from the leaf measures, both periods in one aggregate."""
    dimension = _case(compiler, dimensions, exp.Literal.string)
    segment = exp.func(
        "coalesce",
        _case(compiler, dimensions, lambda d: exp.cast(exp.column(dim_column(d)), "VARCHAR")),
        exp.Literal.string("(none)"),
    )

    def during(expr: exp.Expr, window: str) -> exp.Expr:
        where = exp.Where(this=exp.column("_window").eq(exp.Literal.string(window)))
        return exp.Filter(this=exp.func("max", expr.copy()), expression=where)

    def zero_if_none(expr: exp.Expr) -> exp.Expr:
        return exp.func("coalesce", expr, exp.Literal.number(0))

    pair = compiler.parts(metric)
    if pair is not None:
        num, den = pair
        values = [
            zero_if_none(during(e, w)).as_(name)
            for name, e, w in (
                ("n1", num, CURRENT),
                ("d1", den, CURRENT),
                ("n0", num, PREVIOUS),
                ("d0", den, PREVIOUS),
            )
        ]
    else:
        value = compiler.formula(metric, compiler.assigns(metric))
        values = [
            during(value, CURRENT).as_("value"),
            during(value, PREVIOUS).as_("value_previous"),
            zero_if_none(during(value, CURRENT)).as_("cur"),
            zero_if_none(during(value, PREVIOUS)).as_("prev"),
        ]
    keys = [exp.column(dim_column(d)) for d in dimensions] + [exp.column("_set")]
    return (
        exp.select(dimension.as_("dimension"), segment.as_("segment"), *values)
        .from_("segments")
        .group_by(*keys)
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

    def total(name: str) -> exp.Window:
        return _by_dimension(exp.func("sum", col(name)))

    r1_raw, r0_raw = safe_div(col("n1"), col("d1")), safe_div(col("n0"), col("d0"))
    shares = exp.select(
        "*",
        r1_raw.as_("r1_raw"),
        r0_raw.as_("r0_raw"),
        exp.func("coalesce", r1_raw.copy(), r0_raw.copy(), exp.Literal.number(0)).as_("r1"),
        exp.func("coalesce", r0_raw.copy(), r1_raw.copy(), exp.Literal.number(0)).as_("r0"),
        safe_div(col("d1"), total("d1")).as_("w1"),
        safe_div(col("d0"), total("d0")).as_("w0"),
        safe_div(total("n1"), total("d1")).as_("rate1"),
        safe_div(total("n0"), total("d0")).as_("rate0"),
    ).from_(labelled.subquery("l"))
    zero = exp.Literal.number(0)
    rate = exp.func("coalesce", col("w0") * (col("r1") - col("r0")), zero)
    mix = exp.func(
        "coalesce", exp.Paren(this=col("w1") - col("w0")) * (col("r1") - col("rate0")), zero.copy()
    )
    contribution = rate.copy() + mix.copy()
    total_change = col("rate1") - col("rate0")
    return exp.select(
        "*",
        col("r1_raw").as_("value"),
        col("r0_raw").as_("value_previous"),
        (col("r1_raw") - col("r0_raw")).as_("change"),
        rate.as_("rate_effect"),
        mix.as_("mix_effect"),
        contribution.as_("contribution"),
        safe_div(contribution.copy(), total_change.copy()).as_("share_of_change"),
        total_change.as_("total_change"),
    ).from_(shares.subquery("s"))
