"""Charts of journey plans: the funnel, time to convert and the users lost at each step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.answer.charts_bars import Series, bar_figure
from assistant.answer.charts_base import (
    COUNT,
    MAX_SERIES,
    ChartContext,
    Figure,
    NumberFormat,
    Trace,
    capped,
    figure,
    num,
    unique,
)
from semantic_layer.errors import SemanticError
from semantic_layer.plan import DropoffPlan, FunnelPlan, JourneyPlan

STATISTICS = ("median_hours", "mean_hours", "p90_hours")  # named by "chart" stat_<column>


def journey_name(ctx: ChartContext, plan: JourneyPlan) -> str:
    """The journey's label ("purchase journey"), or "funnel" words for explicit steps."""
    if plan.steps:
        return ctx.t("funnel_custom_journey")
    try:
        name = plan.journey or ctx.model.journey(None).name
    except SemanticError:
        return ctx.t("funnel_journey")
    return ctx.labels.journey(name, ctx.lang)


def _segments(ctx: ChartContext) -> dict[Any, list[dict[str, Any]]]:
    """Rows grouped by `segment` in first-seen order (one group keyed None without breakdown)."""
    groups: dict[Any, list[dict[str, Any]]] = {}
    for rec in ctx.table.records():
        groups.setdefault(rec.get("segment"), []).append(rec)
    return groups


def _segment_name(ctx: ChartContext, plan: JourneyPlan, segment: Any) -> str:
    return ctx.value(plan.breakdown or "", segment)


def funnel_chart(ctx: ChartContext) -> Figure | None:
    """A `funnel` trace of users reaching each step (one per segment with a breakdown)."""
    plan = ctx.table.plan
    assert isinstance(plan, FunnelPlan)
    if not ctx.table.rows:
        return None
    if plan.measure == "time_to_convert":
        return _time_to_convert(ctx, plan)
    groups = _segments(ctx)
    segmented = ctx.table.has("segment")
    data = [
        _funnel_trace(ctx, sorted(rows, key=lambda r: r["step"]), single=not segmented)
        for rows in list(groups.values())[:MAX_SERIES]
    ]
    if segmented:  # side by side; connectors between grouped funnels only blur them
        for trace, segment in zip(data, groups, strict=False):
            trace["name"] = _segment_name(ctx, plan, segment)
            trace["connector"] = {"visible": False}
    journey = journey_name(ctx, plan)
    title = _by_breakdown(ctx, plan, ctx.t("funnel_funnel", journey=journey))
    title = capped(ctx, title, len(groups), MAX_SERIES)
    return figure(ctx, data, title, funnelmode="group", yaxis={"automargin": True})


def _by_breakdown(ctx: ChartContext, plan: JourneyPlan, title: str) -> str:
    """The title, split "by device" when the plan has a breakdown."""
    if not plan.breakdown:
        return title
    by = ctx.dimension(plan.breakdown)
    return ctx.t("funnel_by", title=title, by=by)


def _funnel_trace(ctx: ChartContext, rows: Sequence[dict[str, Any]], *, single: bool) -> Trace:
    names = [ctx.touchpoint(r["touchpoint"]) for r in rows]
    if len(set(names)) < len(names):
        names = [f"{r['step']}. {n}" for r, n in zip(rows, names, strict=True)]
    return {
        "type": "funnel",
        "y": unique(names),
        "x": [num(r["reached"]) for r in rows],
        "textinfo": "value+percent initial" if single else "value",
        "hovertemplate": "%{y}: %{x:,.0f} (%{percentInitial:.1%})<extra>%{fullData.name}</extra>",
    }


def _time_to_convert(ctx: ChartContext, plan: FunnelPlan) -> Figure:
    """Bars of median, mean and p90 hours to convert (grouped by segment with a breakdown)."""
    stats = [(col, ctx.t(f"stat_{col}")) for col in STATISTICS if ctx.table.has(col)]
    hours = NumberFormat(",.1f", suffix=ctx.say("h"))
    journey = journey_name(ctx, plan)
    title = _by_breakdown(ctx, plan, ctx.t("funnel_time_to_convert", journey=journey))
    value_title = ctx.t("funnel_hours")
    cats = [label for _, label in stats]
    series = [
        Series(
            _segment_name(ctx, plan, seg) if ctx.table.has("segment") else journey,
            [rows[0][col] for col, _ in stats],
        )
        for seg, rows in _segments(ctx).items()
    ]
    return bar_figure(
        ctx, cats, series, title=title, category_title="", value_title=value_title, fmt=hours,
        horizontal=False,
    )  # fmt: skip


def dropoff_chart(ctx: ChartContext) -> Figure | None:
    """Bars of users lost after each step, in the rows' (ranked) order; the loss rate as text."""
    plan = ctx.table.plan
    assert isinstance(plan, DropoffPlan)
    if not ctx.table.rows or not ctx.table.has("lost"):
        return None
    journey = journey_name(ctx, plan)
    title = ctx.t("funnel_users_lost_at_each", journey=journey)
    title = _by_breakdown(ctx, plan, title)
    value_title = ctx.t("funnel_users_lost")
    category_title = ctx.t("funnel_step")
    records = ctx.table.records()
    keys = list(dict.fromkeys((r["step"], r["touchpoint"]) for r in records))
    cats = [ctx.touchpoint(tp) for _, tp in keys]
    if len(set(cats)) < len(cats):
        cats = [f"{step}. {label}" for (step, _), label in zip(keys, cats, strict=True)]
    if not ctx.table.has("segment"):
        text = ctx.t("funnel_text")
        rate = {"customdata": [num(r.get("lost_rate")) for r in records], "texttemplate": text}
        series = [Series(value_title, [r["lost"] for r in records], rate)]
    else:
        series = [
            Series(_segment_name(ctx, plan, seg), _lost_by_key(rows, keys))
            for seg, rows in _segments(ctx).items()
        ]
    return bar_figure(
        ctx, cats, series, title=title, category_title=category_title, value_title=value_title,
        fmt=COUNT, horizontal=True,
    )  # fmt: skip


def _lost_by_key(rows: Sequence[dict[str, Any]], keys: Sequence[tuple[Any, Any]]) -> list[Any]:
    lost = {(r["step"], r["touchpoint"]): r["lost"] for r in rows}
    return [lost.get(k) for k in keys]
