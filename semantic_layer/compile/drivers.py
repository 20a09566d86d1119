"""Drivers: why did a metric change? (DESIGN.md "Meanings": Drivers.)

The metric is computed for the current and the baseline period by each dimension. For a count, a
segment's contribution is its own change. For a rate R = N / D, with segment weights w = D_s / D and
rates r = N_s / D_s, each segment's contribution is a rate effect w₀ (r₁ − r₀) plus a mix effect
(w₁ − w₀)(r₁ − R₀); over the segments they add up exactly to R₁ − R₀ (a segment missing in one
period takes its other period's rate, which only ever meets a zero weight). Segments are ranked by
how much they pushed the metric in the direction it moved.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    """Contributions of every segment of every dimension to the change of `query.metrics[0]`."""
    assert query.baseline is not None and len(query.metrics) == 1
    per_dimension = [_one(model, query, d) for d in dimensions]
    union = per_dimension[0]
    for other in per_dimension[1:]:
        union = exp.union(union, other, distinct=False)  # type: ignore[assignment]
    direction = exp.func("sign", exp.column("total_change"))
    ranked = (
        exp.select(*COLUMNS)
        .from_(union.subquery("d"))
        .order_by(
            exp.Ordered(this=exp.column("contribution") * direction, desc=True),
            "dimension",
            "segment",
        )
    )
    return ranked.limit(query.limit) if query.limit else ranked


def _one(model: ModelSpec, query: MetricQuery, dimension: str) -> exp.Select:
    metric = query.metrics[0]
    compiler = MetricCompiler(
        model, replace(query, dimensions=(dimension,), with_parts=True, limit=None, order_by=None)
    )
    segments = compiler.build()
    seg = exp.func(
        "coalesce",
        exp.cast(exp.column(dim_column(dimension)), "VARCHAR"),
        exp.Literal.string("(none)"),
    )
    if compiler.parts(metric) is None:
        return _count(segments, dimension, seg, metric)
    return _rate(segments, dimension, seg, metric)


def _count(segments: exp.Select, dimension: str, seg: exp.Expr, metric: str) -> exp.Select:
    cur = exp.func("coalesce", exp.column(metric), exp.Literal.number(0))
    prev = exp.func("coalesce", exp.column(f"{metric}__previous"), exp.Literal.number(0))
    change = cur - prev
    total = exp.Window(this=exp.func("sum", change.copy()))
    return exp.select(
        exp.Literal.string(dimension).as_("dimension"),
        seg.as_("segment"),
        exp.column(metric).as_("value"),
        exp.column(f"{metric}__previous").as_("value_previous"),
        change.as_("change"),
        change.copy().as_("contribution"),
        exp.Null().as_("rate_effect"),
        exp.Null().as_("mix_effect"),
        safe_div(change.copy(), total).as_("share_of_change"),
        total.copy().as_("total_change"),
    ).from_(segments.subquery("s"))


def _rate(segments: exp.Select, dimension: str, seg: exp.Expr, metric: str) -> exp.Select:
    def col(suffix: str) -> exp.Expr:
        return exp.func("coalesce", exp.column(f"{metric}{suffix}"), exp.Literal.number(0))

    n1, d1, n0, d0 = col("__num"), col("__den"), col("__num__previous"), col("__den__previous")

    def total(e: exp.Expr) -> exp.Window:
        return exp.Window(this=exp.func("sum", e.copy()))

    r1_raw, r0_raw = safe_div(n1, d1), safe_div(n0, d0)
    r1 = exp.func("coalesce", r1_raw, r0_raw.copy(), exp.Literal.number(0))
    r0 = exp.func("coalesce", r0_raw.copy(), r1_raw.copy(), exp.Literal.number(0))
    w1, w0 = safe_div(d1.copy(), total(d1)), safe_div(d0.copy(), total(d0))
    big_r0 = safe_div(total(n0), total(d0))
    big_r1 = safe_div(total(n1), total(d1))
    rate = exp.func("coalesce", w0 * (r1 - r0), exp.Literal.number(0))
    mix = exp.func(
        "coalesce", (exp.Paren(this=w1 - w0.copy())) * (r1.copy() - big_r0), exp.Literal.number(0)
    )
    contribution = rate.copy() + mix.copy()
    total_change = big_r1 - big_r0.copy()
    return exp.select(
        exp.Literal.string(dimension).as_("dimension"),
        seg.as_("segment"),
        r1_raw.copy().as_("value"),
        r0_raw.copy().as_("value_previous"),
        (r1_raw.copy() - r0_raw.copy()).as_("change"),
        contribution.as_("contribution"),
        rate.as_("rate_effect"),
        mix.as_("mix_effect"),
        safe_div(contribution.copy(), total_change.copy()).as_("share_of_change"),
        total_change.as_("total_change"),
    ).from_(segments.subquery("s"))
