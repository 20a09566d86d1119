"""Drivers that find the change: before a change is split by segments, read the metric's recent
series, find when it changed (`answer.change`), and — when the question gave no baseline and the
change began before the usual comparison (the period asked about and the one before it both lie
after the change, so comparing them cannot show it) — compare the time since the change with as
long a time before it. Otherwise the usual comparison stands and the answer says when the change
began.

    "why did first response time in the South rise last week?"
    → weekly first response time, 12 weeks: within 3–8 min until the week of 26 Oct, above since
    → the 4 weeks since 26 Oct compared with the 4 weeks before (not last week with the week
      before, both already slow); the answer says which periods and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Final

from assistant.answer.change import MIN_BEFORE, ChangePoint, change_point
from assistant.answer.narrate.numbers import as_float
from assistant.execute import compile_for
from connectors.engine import EngineError
from connectors.engines import Engine
from semantic_layer.compile.compiler import Compiled
from semantic_layer.errors import UserError
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import DriversPlan, MetricPlan, QueryPlan
from semantic_layer.time import DateRange, Grain, TimeContext, TimeSpec
from semantic_layer.timeparts.calendar import shift, truncate

HISTORY: Final = 12  # periods of the series read before the end of the asked period
Compile = Callable[[QueryPlan], Compiled]
"""A plan → its compiled query for the question's model, day and role (the service's is cached)."""


def series_grain(rng: DateRange) -> Grain:
    """Weeks for questions up to about two months, months beyond."""
    return "week" if rng.days <= 62 else "month"


def focus_drivers(
    compiled: Compiled,
    model: SemanticModel,
    *,
    ctx: TimeContext,
    role: str | None,
    engine: Engine,
    compile_plan: Compile | None = None,
) -> tuple[Compiled, ChangePoint | None]:
    """The drivers query to run (refocused on the change when that applies) and the change
    point found; the compiled plan unchanged and None when the series cannot be read.
    `compile_plan` compiles the series and the refocused plan (default: `compile_for`)."""
    compile_one = compile_plan or (
        lambda p: compile_for(p, model, ctx=ctx, role=role, dialect=engine.dialect)
    )
    plan, current = compiled.plan, compiled.time_range
    if not isinstance(plan, DriversPlan) or current is None or current.open_start:
        return compiled, None
    grain = series_grain(current)
    end = truncate(current.end, grain, ctx.week_start)
    start = shift(end, grain, -HISTORY)
    if end <= start:
        return compiled, None
    periods = _series(plan, compile_one, engine=engine, grain=grain, rng=DateRange(start, end))
    if periods is None or len(periods) <= MIN_BEFORE:
        return compiled, None
    change = change_point(grain, periods)
    usual = compiled.baseline_range
    if change.start is None or plan.baseline is not None or usual is None:
        return compiled, change
    if change.start > usual.start:  # the usual comparison sees the change (or all of it after)
        return compiled, change
    compared = (change.start, current.end)  # both periods after the change: compare around it
    before = (change.start - (current.end - change.start), change.start)
    refocused = plan.model_copy(
        update={"time": _range(*compared), "baseline": _range(*before), "compare": None}
    )
    try:
        again = compile_one(refocused)
    except UserError:
        return compiled, change
    return again, replace(change, compared=compared, baseline=before)


def _range(start: date, end: date) -> TimeSpec:
    return TimeSpec.parse({"kind": "range", "start": start.isoformat(), "end": end.isoformat()})


def _series(
    plan: DriversPlan,
    compile_one: Compile,
    *,
    engine: Engine,
    grain: Grain,
    rng: DateRange,
) -> list[tuple[date, float | None]] | None:
    """The metric per complete period over `rng`, with the question's filters."""
    series = MetricPlan(
        metrics=[plan.metric],
        grain=grain,
        time=_range(rng.start, rng.end),
        filters=plan.filters,
        language=plan.language,
    )
    try:
        sql = compile_one(series).sql()
        result = engine.run(sql or "")
    except (UserError, EngineError):
        return None
    values: dict[date, float | None] = {}
    i, j = result.columns.index("period"), result.columns.index(plan.metric)
    for row in result.rows:
        day = row[i].date() if isinstance(row[i], datetime) else row[i]
        values[day] = as_float(row[j])
    out = []
    day = rng.start
    while day < rng.end:
        out.append((day, values.get(day)))
        day = shift(day, grain)
    return out


__all__ = ["focus_drivers", "series_grain"]
