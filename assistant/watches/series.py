"""A watched number per period, computed by the same compiler and locked-down engine as answers.

A metric's whole series is one query (the plan at the watch's grain over the span); a funnel or
a drop-off is one query per period (their meaning is per range: entrants in the range). The
role's access policy applies to every query, as it does to the role's own questions.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from assistant.execute import compile_for, execute
from assistant.watches.detect import Grain, Point
from assistant.watches.target import Target
from connectors.engines import Engine
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import DropoffPlan, FunnelPlan, MetricPlan, QueryPlan
from semantic_layer.time import Range, TimeContext, TimeSpec


def period_end(start: date, grain: Grain) -> date:
    return start + (timedelta(days=1) if grain == "day" else timedelta(weeks=1))


def series(
    target: Target,
    starts: Sequence[date],
    grain: Grain,
    *,
    model: SemanticModel,
    engine: Engine,
    ctx: TimeContext,
    role: str | None,
) -> list[Point]:
    """One `Point` per period start (value None where the period has no data)."""
    if not starts:
        return []
    run = _Runner(model, engine, ctx, role)
    if isinstance(target.plan, MetricPlan):
        return _metric_series(target, sorted(starts), grain, run)
    return [_journey_point(target, s, grain, run) for s in sorted(starts)]


class _Runner:
    def __init__(self, model: SemanticModel, engine: Engine, ctx: TimeContext, role: str | None):
        self.model, self.engine, self.ctx, self.role = model, engine, ctx, role

    def rows(self, plan: QueryPlan) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        table = execute(
            compile_for(plan, self.model, ctx=self.ctx, role=self.role), self.engine
        ).table
        return table.columns, [tuple(r) for r in table.rows]


def _span(starts: Sequence[date], grain: Grain) -> TimeSpec:
    return TimeSpec(Range(start=starts[0], end=period_end(starts[-1], grain)))


def _by_period(plan: MetricPlan, starts: Sequence[date], grain: Grain, run: _Runner
               ) -> dict[date, float | None]:  # fmt: skip
    return _all_by_period(plan, starts, grain, run)[plan.metrics[0]]


def _all_by_period(plan: MetricPlan, starts: Sequence[date], grain: Grain, run: _Runner
                   ) -> dict[str, dict[date, float | None]]:  # fmt: skip
    timed = plan.model_copy(update={"grain": grain, "time": _span(starts, grain)})
    columns, rows = run.rows(timed)
    return {m: {_day(r[0]): _num(r[columns.index(m)]) for r in rows} for m in plan.metrics}


def metric_series(
    names: Sequence[str],
    starts: Sequence[date],
    grain: Grain,
    *,
    model: SemanticModel,
    engine: Engine,
    ctx: TimeContext,
    role: str | None,
) -> dict[str, list[Point]]:
    """Several metrics' series at once (ten metrics a query), without base sizes (digests)."""
    run, ordered, found = _Runner(model, engine, ctx, role), sorted(starts), {}
    for i in range(0, len(names), 10):
        plan = MetricPlan(metrics=list(names[i : i + 10]))
        for name, values in _all_by_period(plan, ordered, grain, run).items():
            found[name] = [Point(s, values.get(s)) for s in ordered]
    return found


def _metric_series(target: Target, starts: Sequence[date], grain: Grain, run: _Runner
                   ) -> list[Point]:  # fmt: skip
    assert isinstance(target.plan, MetricPlan)
    values = _by_period(target.plan, starts, grain, run)
    bases = _by_period(target.base_plan, starts, grain, run) if target.base_plan else values
    counted = target.base_plan is not None or target.kind == "count"
    return [Point(s, values.get(s), (bases.get(s) or 0.0) if counted else None) for s in starts]


def _journey_point(target: Target, start: date, grain: Grain, run: _Runner) -> Point:
    when = TimeSpec(Range(start=start, end=period_end(start, grain)))
    plan = target.plan.model_copy(update={"time": when})
    columns, rows = run.rows(plan)
    if not rows:
        return Point(start, None, 0.0)
    col = {name: i for i, name in enumerate(columns)}
    if isinstance(plan, FunnelPlan):
        ordered = sorted(rows, key=lambda r: int(r[col["step"]]))
        first, last = ordered[0], ordered[-1]
        base = _num(first[col["reached"]]) or 0.0
        return Point(start, _num(last[col["conversion"]]) if base else None, base)
    assert isinstance(plan, DropoffPlan)
    step = target.step or str(max(rows, key=lambda r: _num(r[col["lost"]]) or 0)[col["touchpoint"]])
    row = next((r for r in rows if str(r[col["touchpoint"]]) == step), None)
    if row is None:
        return Point(start, None, 0.0)
    return Point(start, _num(row[col["lost_rate"]]), _num(row[col["reached"]]) or 0.0)


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def step_series(
    starts: Sequence[date],
    grain: Grain,
    *,
    model: SemanticModel,
    engine: Engine,
    ctx: TimeContext,
    role: str | None,
) -> dict[tuple[str, str], list[Point]]:
    """The step conversion of each step of the default journey (reached_k / reached_k−1 of the
    people who started it), per period: one funnel query a period."""
    run = _Runner(model, engine, ctx, role)
    found: dict[tuple[str, str], list[Point]] = {}
    for start in sorted(starts):
        when = TimeSpec(Range(start=start, end=period_end(start, grain)))
        columns, rows = run.rows(FunnelPlan(time=when))
        col = {name: i for i, name in enumerate(columns)}
        ordered = sorted(rows, key=lambda r: int(r[col["step"]]))
        for before, after in itertools.pairwise(ordered):
            key = (str(before[col["touchpoint"]]), str(after[col["touchpoint"]]))
            base = _num(before[col["reached"]]) or 0.0
            value = _num(after[col["step_conversion"]]) if base else None
            found.setdefault(key, []).append(Point(start, value, base))
    return found


__all__ = ["metric_series", "period_end", "series", "step_series"]
