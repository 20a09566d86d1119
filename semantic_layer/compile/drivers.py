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
LEFT_OUT = ("segments_left_out", "dimensions_left_out")
MIN_SEGMENT = 30  # a rate's base (both periods) or a count's size below this is left out …
SMALL_SHARE = 0.05  # … when it is also under this share of its dimension's total
NONE = "(none)"


def drivers(
    model: ModelSpec,
    query: MetricQuery,
    dimensions: Sequence[str],
    min_size: int = MIN_SEGMENT,
) -> exp.Select:
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
    if compiler.parts(metric) is not None:
        layers = _rate_layers(labelled)
    else:
        layers = _count_layers(labelled, _is_count(model, metric))
    direction = exp.func("sign", exp.column("total_change"))
    ranked = (
        exp.select(*COLUMNS, *LEFT_OUT)
        .from_("kept")
        .join("left_out", join_type="cross")
        .where(exp.column("kept"))
        .order_by(
            exp.Ordered(this=exp.column("contribution") * direction, desc=True),
            "dimension",
            "segment",
        )
        .with_("segments", compiler.leaves())
        .with_("kept", _kept(layers, min_size))
        .with_("left_out", _left_out())
    )
    return ranked.limit(query.limit) if query.limit else ranked


def _kept(layers: exp.Select, min_size: int) -> exp.Select:
    """Every segment with `kept`: its dimension has more than one real value (not only
    "(none)"), it is large enough where a size is known (a rate's base over both periods, a
    count's own values: at least `min_size`, or at least 5% of its dimension's total, so small
    data keeps its segments), and a metric without a size has a value in both
    periods (a median from nothing is not a change)."""
    col = exp.column
    real = exp.Filter(
        this=exp.func("count", exp.Star()),
        expression=exp.Where(this=col("segment").neq(exp.Literal.string(NONE))),
    )
    varied = _by_dimension(real) > 1
    big = exp.or_(
        exp.and_(
            col("size").is_(exp.null()),
            col("value").is_(exp.null()).not_(),
            col("value_previous").is_(exp.null()).not_(),
        ),
        col("size") >= exp.Literal.number(min_size),
        col("size")
        >= _by_dimension(exp.func("sum", col("size"))) * exp.Literal.number(SMALL_SHARE),
    )
    return exp.select(
        "*", varied.as_("varied"), exp.and_(varied.copy(), exp.Paren(this=big)).as_("kept")
    ).from_(layers.subquery("d"))


def _left_out() -> exp.Select:
    """How many segments (of dimensions kept) and dimensions were left out."""
    col = exp.column
    segments = exp.Filter(
        this=exp.func("count", exp.Star()),
        expression=exp.Where(this=exp.and_(col("varied"), exp.not_(col("kept")))),
    )
    dimensions = exp.Filter(
        this=exp.func("count", exp.Distinct(expressions=[col("dimension")])),
        expression=exp.Where(this=exp.not_(col("varied"))),
    )
    return exp.select(
        segments.as_("segments_left_out"), dimensions.as_("dimensions_left_out")
    ).from_("kept")


def _is_count(model: ModelSpec, metric: str) -> bool:
    """A metric that counts rows or people (its value is a size)."""
    by_name = {m.name: m for m in model.metrics}
    spec = by_name.get(metric)
    measure_name = getattr(spec, "measure", None) or metric
    measure = next((m for m in model.measures if m.name == measure_name), None)
    return measure is not None and measure.agg in ("count", "count_distinct")


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


def _count_layers(labelled: exp.Select, counted: bool) -> exp.Select:
    """Contributions of a count (its own change); `counted` says the values are counts, so a
    segment's size is its values over both periods (sums and medians have no size)."""
    change = exp.column("cur") - exp.column("prev")
    size: exp.Expr = (
        exp.func("abs", exp.column("cur")) + exp.func("abs", exp.column("prev"))
        if counted
        else exp.Null()
    )
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
        size.as_("size"),
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
        (col("d1") + col("d0")).as_("size"),
    ).from_(shares.subquery("s"))
