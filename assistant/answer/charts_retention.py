"""Charts of retention (a cohort × period heatmap) and attribution (credit per channel) plans."""

from __future__ import annotations

from typing import Any, Final

from assistant.answer.charts_bars import Series, bar_figure
from assistant.answer.charts_base import (
    COUNT,
    ChartContext,
    Figure,
    NumberFormat,
    figure,
    num,
)
from assistant.answer.table import json_value
from semantic_layer.plan import AttributionPlan, RetentionPlan

ATTRIBUTION_MODELS: Final = (  # named by "chart" model_<name>
    "first_touch", "last_touch", "linear", "time_decay", "position_based", "markov",
)  # fmt: skip
MAX_TEXT_CELLS: Final = 240  # heatmap cells labelled with their rate; more stay colour only


def retention_chart(ctx: ChartContext) -> Figure | None:
    """Heatmap: a row per cohort (earliest at the top, with its size), a column per period
    offset, the retention rate as colour and as a percent in each cell."""
    plan = ctx.table.plan
    assert isinstance(plan, RetentionPlan)
    if not ctx.table.rows or not ctx.table.has("rate"):
        return None
    # column by column, each cohort's date made text once (a table holds thousands of cells)
    table = ctx.table
    raw, period_of = table.column("cohort"), table.column("period")
    cohort_of = [json_value(c) for c in raw]
    sized = table.column("cohort_size") if table.has("cohort_size") else [None] * len(raw)
    cells = [
        (c, int(p), rate)
        for c, r, p, rate in zip(cohort_of, raw, period_of, table.column("rate"), strict=True)
        if r is not None and p is not None
    ]
    cohorts = sorted({c for c, r in zip(cohort_of, raw, strict=True) if r is not None})
    periods = sorted({int(p) for p in period_of if p is not None})
    sizes = dict(zip(cohort_of, sized, strict=True))
    z: list[list[float | None]] = [[None] * len(periods) for _ in cohorts]
    row_of = {c: i for i, c in enumerate(cohorts)}
    col_of = {p: j for j, p in enumerate(periods)}
    for c, p, rate in cells:
        z[row_of[c]][col_of[p]] = num(rate)
    x = [ctx.t(f"period_{plan.cohort_grain}", n=p) for p in periods]
    y = [f"{c} ({num(sizes.get(c)) or 0:,.0f})" for c in cohorts]
    later = [v for row in z for j, v in enumerate(row) if v is not None and periods[j] > 0]
    trace: dict[str, Any] = {
        "type": "heatmap",
        "x": x,
        "y": y,
        "z": z,
        "zmin": 0,
        "zmax": max(later) if later and max(later) > 0 else 1,  # period 0 (100%) saturates
        "colorscale": [[0.0, "#f4f7fc"], [0.5, "#9dbbe6"], [1.0, "#2f5fb3"]],
        "colorbar": {"tickformat": ".0%", "thickness": 12, "outlinewidth": 0},
        "hovertemplate": "%{y}, %{x}: %{z:.1%}<extra></extra>",
        "xgap": 1,
        "ygap": 1,
    }
    if len(cohorts) * len(periods) <= MAX_TEXT_CELLS:
        trace["text"] = [["" if v is None else f"{v:.0%}" for v in row] for row in z]
        trace["texttemplate"] = "%{text}"
    en_grain = {"day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly"}[
        plan.cohort_grain
    ]
    title = ctx.t(
        "retention_retention_of_cohorts",
        en_grain=en_grain,
        ctx_say_plan_cohort_grain=ctx.say(plan.cohort_grain),
    )
    cohort_axis: dict[str, Any] = {"title": {"text": ctx.t("retention_cohort_users")}}
    cohort_axis.update(type="category", autorange="reversed", automargin=True)
    period_axis: dict[str, Any] = {"title": {"text": ctx.t("retention_periods_later")}}
    period_axis.update(type="category", automargin=True, showgrid=False)
    height = int(min(460, max(300, 130 + 26 * len(cohorts))))
    return figure(
        ctx, [trace], title, height=height, legend=False, xaxis=period_axis, yaxis=cohort_axis
    )


def attribution_chart(ctx: ChartContext) -> Figure | None:
    """Bars of credit per channel (touchpoint): the plan's model, or one series per model
    column present when comparing them all."""
    plan = ctx.table.plan
    assert isinstance(plan, AttributionPlan)
    present = [m for m in ATTRIBUTION_MODELS if ctx.table.has(m)]
    if not ctx.table.rows or not present or not ctx.table.has("key"):
        return None
    shown = [plan.model] if plan.model in present else present
    records = ctx.table.records()
    if plan.by == "touchpoint":
        cats = [ctx.touchpoint(r["key"]) for r in records]
        by = ctx.dimension("touchpoint")
    else:
        cats = [ctx.value("channel", r["key"]) for r in records]
        by = ctx.dimension("channel")
    series = [Series(ctx.t(f"model_{m}"), ctx.table.column(m)) for m in shown]
    if plan.value == "revenue":
        fmt = ctx.metric_format("revenue") if "revenue" in ctx.model.metrics else COUNT
        value_title = ctx.t("retention_attributed_revenue")
        what = value_title
    else:
        fmt = NumberFormat(",.0f")
        value_title = ctx.t("retention_attributed_conversions")
        what = value_title
    model = ctx.t("retention_all_models") if len(shown) > 1 else series[0].name
    title = ctx.t("retention_by", what=what, by=by, model=model)
    return bar_figure(
        ctx, cats, series, title=title, category_title=by, value_title=value_title, fmt=fmt
    )
