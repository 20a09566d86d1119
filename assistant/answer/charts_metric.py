"""Charts of metric plans (line over time, bars by dimension, current vs previous, indicators) and
of drivers plans (contributions to a change)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.answer.bases import is_rate, side_label, small_base
from assistant.answer.charts_bars import Series, bar_figure, line_figure
from assistant.answer.charts_base import (
    BAD,
    GOOD,
    MAX_BARS,
    ChartContext,
    Figure,
    Trace,
    figure,
    num,
    numbers_of,
)
from assistant.answer.charts_base import num as num_of
from assistant.answer.periods import partial_periods
from assistant.answer.table import json_value
from semantic_layer.model.spec_metrics import RatioMetric
from semantic_layer.plan import DriversPlan, MetricPlan

MAX_INDICATORS = 4


def metric_chart(ctx: ChartContext) -> Figure | None:
    """Line for a time series, bars for a breakdown, an indicator for a single number compared
    with its baseline, and nothing for a bare single number (the text says it)."""
    plan = ctx.table.plan
    assert isinstance(plan, MetricPlan)
    metrics = [m for m in plan.metrics if ctx.table.has(m)]
    dims = [c for c in ctx.table.columns if c.startswith("d_")]
    if not metrics or not ctx.table.rows:
        return None
    if ctx.table.has("period"):
        return _time_series(ctx, plan, metrics, dims)
    if not dims:
        return _indicators(ctx, plan, metrics)
    return _breakdown(ctx, plan, metrics, dims)


def _baseline_word(ctx: ChartContext, plan: MetricPlan) -> str:
    return ctx.say(plan.compare or "previous_period")


def _same_format(ctx: ChartContext, metrics: Sequence[str]) -> list[str]:
    """The metrics drawn on one axis: those in the first metric's format."""
    kinds = {m: getattr(ctx.model.metrics.get(m), "format", "number") for m in metrics}
    return [m for m in metrics if kinds[m] == kinds[metrics[0]]]


def _time_series(
    ctx: ChartContext, plan: MetricPlan, metrics: list[str], dims: list[str]
) -> Figure:
    grain = plan.grain or "day"
    x = [json_value(v) for v in ctx.table.column("period")]
    if dims:
        return _series_by_dimension(ctx, plan, metric=metrics[0], dims=dims, grain=grain)
    shown = _same_format(ctx, metrics)
    right = None
    if len(metrics) == 2 and len(shown) == 1:
        shown, right = metrics, metrics[1]
    series: list[Series] = []
    for m in shown:
        axis = {"yaxis": "y2"} if m == right else {}
        series.append(Series(ctx.metric(m), ctx.table.column(m), axis))
        if ctx.table.has(f"{m}__previous"):
            baseline = _baseline_word(ctx, plan)
            name = ctx.t("metric_text_2", ctx_metric_m=ctx.metric(m), baseline=baseline)
            dashed = {"line": {"dash": "dash"}, "opacity": 0.8, **axis}
            series.append(Series(name, ctx.table.column(f"{m}__previous"), dashed))
    title = ctx.say("trend", what=ctx.join(ctx.metric(m) for m in shown), grain=ctx.say(grain))
    if any(ctx.table.has(f"{m}__previous") for m in shown):
        title = ctx.say("vs", what=title, baseline=_baseline_word(ctx, plan))
    values = [v for m in shown if m != right for v in ctx.table.column(m)]
    fmt = ctx.metric_format(shown[0], values)
    right_axis = None if right is None else (ctx.metric(right), ctx.metric_format(right))
    return line_figure(
        ctx, x, series, title=title, grain=grain, value_title=ctx.metric(shown[0]),
        fmt=fmt, right=right_axis, partial=_partial_notes(ctx),
    )  # fmt: skip


def _partial_notes(ctx: ChartContext) -> dict[str, str]:
    """The x (ISO day) of each incomplete period, with its note."""
    return {d.isoformat(): p.note(ctx.lang) for d, p in partial_periods(ctx.table).items()}


def _series_by_dimension(
    ctx: ChartContext, plan: MetricPlan, *, metric: str, dims: list[str], grain: str
) -> Figure:
    """One line per dimension value (or combination), the largest `MAX_SERIES` by total."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for rec in ctx.table.records():
        key = tuple(rec[d] for d in dims)
        groups.setdefault(key, {})[json_value(rec["period"])] = rec[metric]
    x = list(dict.fromkeys(json_value(v) for v in ctx.table.column("period")))
    ranked = sorted(groups, key=lambda k: -sum(abs(v) for v in numbers_of(groups[k].values())))
    series = [Series(_combo(ctx, dims, key), [groups[key].get(xi) for xi in x]) for key in ranked]
    by = ctx.join(ctx.dimension(d[2:]) for d in dims)
    title = ctx.say("trend_by", what=ctx.metric(metric), grain=ctx.say(grain), by=by)
    fmt = ctx.metric_format(metric, ctx.table.column(metric))
    return line_figure(
        ctx, x, series, title=title, grain=grain, value_title=ctx.metric(metric), fmt=fmt,
        partial=_partial_notes(ctx),
    )  # fmt: skip


def _combo(ctx: ChartContext, dims: Sequence[str], key: Sequence[Any]) -> str:
    return " · ".join(ctx.value(d[2:], v) for d, v in zip(dims, key, strict=True))


def _breakdown(ctx: ChartContext, plan: MetricPlan, metrics: list[str], dims: list[str]) -> Figure:
    """Bars per dimension value in row order; current vs previous when compared."""
    records = ctx.table.records()
    cats = [_combo(ctx, dims, [r[d] for d in dims]) for r in records]
    by = ctx.join(ctx.dimension(d[2:]) for d in dims)
    first = metrics[0]
    if ctx.table.has(f"{first}__previous"):
        title = ctx.say("vs", what=ctx.say("by", what=ctx.metric(first), by=by),
                        baseline=_baseline_word(ctx, plan))  # fmt: skip
        current_name = ctx.range_label() or ctx.say("current")
        baseline = ctx.table.baseline_range
        previous_name = baseline.label(ctx.lang) if baseline else _baseline_word(ctx, plan)
        values = [*ctx.table.column(first), *ctx.table.column(f"{first}__previous")]
        series = [
            Series(current_name, ctx.table.column(first)),
            Series(previous_name, ctx.table.column(f"{first}__previous"), {"opacity": 0.55}),
        ]
        return bar_figure(
            ctx, cats, series, title=title, category_title=by, value_title=ctx.metric(first),
            fmt=ctx.metric_format(first, values),
        )  # fmt: skip
    shown = _same_format(ctx, metrics)
    series = [Series(ctx.metric(m), ctx.table.column(m)) for m in shown]
    title = ctx.say("by", what=ctx.join(ctx.metric(m) for m in shown), by=by)
    values = [v for m in shown for v in ctx.table.column(m)]
    value_title = ctx.metric(first) if len(shown) == 1 else ""
    fig = bar_figure(
        ctx, cats, series, title=title, category_title=by, value_title=value_title,
        fmt=ctx.metric_format(first, values),
    )  # fmt: skip
    if len(shown) == 1:
        mark_bases(ctx, fig["data"][0], records, first)
    return fig


def mark_bases(ctx: ChartContext, trace: Trace, records: list[dict[str, Any]], m: str) -> None:
    """What each bar of a ratio rests on: n in the hover, small bases hatched, and groups with
    no numerator or no base labelled ("no revenue", "no marketing cost") instead of empty."""
    if f"{m}__den" not in ctx.table.columns:
        return
    flat = trace.get("orientation") == "h"
    key = "x" if flat else "y"
    values = list(trace[key])
    rows = records[: len(values)]
    rate = is_rate(ctx.model, m)
    spec = ctx.model.metrics.get(m)
    sides = (
        (
            side_label(ctx.model, spec.numerator, ctx.lang),
            side_label(ctx.model, spec.denominator, ctx.lang),
        )
        if isinstance(spec, RatioMetric)
        else ("", "")
    )
    texts: list[str] = []
    template = trace.get("texttemplate", "")
    for i, row in enumerate(rows):
        num, den = num_of(row.get(f"{m}__num")), num_of(row.get(f"{m}__den"))
        hover = f"n = {den:,.0f}" if den is not None else ""
        if rate and small_base(row, m):
            hover += ctx.t("metric_small_base")
        texts.append(hover)
        if not den and sides[1]:
            values[i] = 0
            template = _per_bar(template, len(rows), i, ctx.t("metric_no", sides_1=sides[1]))
        elif num == 0 and sides[0] and not rate:
            template = _per_bar(template, len(rows), i, ctx.t("metric_no_2", sides_0=sides[0]))
    trace[key] = values
    trace["hovertext"] = texts
    if template:
        trace["texttemplate"] = template
    if rate:
        shapes = ["/" if small_base(r, m) else "" for r in rows]
        if any(shapes):
            trace["marker"] = {**trace.get("marker", {}), "pattern": {"shape": shapes}}


def _per_bar(template: Any, n: int, i: int, text: str) -> list[str]:
    """A text template per bar, with bar `i`'s replaced by `text`."""
    per = list(template) if isinstance(template, list) else [str(template)] * n
    per[i] = text
    return per


def _indicators(ctx: ChartContext, plan: MetricPlan, metrics: list[str]) -> Figure | None:
    """Numbers with their change against the baseline; None when there is no baseline."""
    row = ctx.table.records()[0]
    compared = [m for m in metrics if ctx.table.has(f"{m}__previous")][:MAX_INDICATORS]
    if not compared or num(row[compared[0]]) is None:
        return None
    n = len(compared)
    data: list[Trace] = []
    for i, m in enumerate(compared):
        fmt = ctx.metric_format(m, [row[m]])
        better = getattr(ctx.model.metrics.get(m), "higher_is_better", True)
        up, down = (GOOD, BAD) if better else (BAD, GOOD)
        trace: Trace = {
            "type": "indicator",
            "mode": "number+delta",
            "value": num(row[m]),
            "title": {"text": ctx.metric(m), "font": {"size": 14}},
            "number": {"valueformat": fmt.d3, "prefix": fmt.prefix, "suffix": fmt.suffix},
            "domain": {"x": [i / n + 0.02, (i + 1) / n - 0.02], "y": [0, 1]},
        }
        previous = num(row[f"{m}__previous"])
        if previous is not None:
            trace["delta"] = {
                "reference": previous,
                "relative": previous != 0,
                "valueformat": ".1%" if previous != 0 else fmt.d3,
                "increasing": {"color": up},
                "decreasing": {"color": down},
            }
        data.append(trace)
    what = ctx.join(ctx.metric(m) for m in compared)
    title = ctx.say("vs", what=what, baseline=_baseline_word(ctx, plan))
    return figure(ctx, data, title, height=260, legend=False)


def drivers_chart(ctx: ChartContext) -> Figure | None:
    """Horizontal bars of each segment's contribution to the change, in row (rank) order,
    coloured by whether it moved the metric the good way."""
    plan = ctx.table.plan
    assert isinstance(plan, DriversPlan)
    if not ctx.table.rows or not ctx.table.has("contribution"):
        return None
    records = ctx.table.records()
    colon = ctx.t("metric_text")
    cats = [
        ctx.dimension(str(r["dimension"])) + colon + ctx.value(str(r["dimension"]), r["segment"])
        for r in records
    ]
    values = [r["contribution"] for r in records]
    better = getattr(ctx.model.metrics.get(plan.metric), "higher_is_better", True)
    colors = [GOOD if ((num(v) or 0) >= 0) == better else BAD for v in values]
    title = ctx.t("metric_what_changed", ctx_metric_plan_metric=ctx.metric(plan.metric))
    series = [Series(ctx.metric(plan.metric), values, {"marker": {"color": colors[:MAX_BARS]}})]
    return bar_figure(
        ctx, cats, series, title=title, category_title="",
        value_title=ctx.t("metric_contribution_to_the_change"),
        fmt=ctx.metric_format(plan.metric, values), horizontal=True,
    )  # fmt: skip


__all__ = ["drivers_chart", "metric_chart"]
