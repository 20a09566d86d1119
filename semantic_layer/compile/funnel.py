"""Funnels, drop-off and time to convert (docs/design.md "Meanings": Funnel, Lost, Time to convert).

One pass, no self-join per step: each entrant's events of the journey inside their window are
collected in time order and folded left to right (`StepFold`: DuckDB's `list_reduce`, ClickHouse's
`arrayFold`, Spark's `aggregate`, in the dialect layer), advancing one step whenever the
next step's touchpoint comes strictly after the previous match. Greedy earliest matching is what
the definition asks for, and it is also what makes every later step reachable when it can be.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlglot import exp

from semantic_layer.compile.dialects import StepFold
from semantic_layer.compile.sql import (
    Events,
    days,
    dot,
    in_range,
    is_in,
    safe_div,
    ts_lit,
)


@dataclass(frozen=True)
class FunnelSpec:
    steps: tuple[str, ...]
    start: date
    end: date  # exclusive
    window_days: int
    breakdown: exp.Expr | None = None  # a column of the entrant's first step event
    # Several labelled periods at once ((label, start, end), …): entrants per period, in one pass,
    # with the label in a `_window` column; start/end are then the span of all of them.
    windows: tuple[tuple[str, date, date], ...] = ()


def journeys(events: Events, spec: FunnelSpec) -> exp.Select:
    """One row per entrant: `reached` (steps reached), `t1` and `at` (time of the last one)
    [, `_window`] [, `segment`]; the CTEs `e` and `entry` it needs are attached."""
    ts, user = exp.column(events.ts), exp.column(events.user)
    # the step number of the event's touchpoint (a CASE: faster than list_position, portable)
    position = exp.Case(
        this=exp.column(events.touchpoint),
        ifs=[
            exp.If(this=exp.Literal.string(tp), true=exp.Literal.number(i))
            for i, tp in enumerate(spec.steps, start=1)
        ],
    )
    columns: list[exp.Expr] = [user, ts, position.as_("step")]
    if spec.breakdown is not None:
        columns.append(spec.breakdown.copy().as_("segment"))
    starts: exp.Expr = exp.and_(exp.column("step").eq(1), in_range(ts, spec.start, spec.end))
    group: list[exp.Expr] = [user]
    if spec.windows:  # each event labelled with its period once; entrants per period
        label = exp.Case(
            ifs=[
                exp.If(this=in_range(ts, a, b), true=exp.Literal.string(w))
                for w, a, b in spec.windows
            ]
        )
        columns.append(label.as_("_window"))
        starts = exp.and_(exp.column("step").eq(1), exp.column("_window").is_(exp.null()).not_())
        group.append(exp.column("_window"))
    scope = events.where(
        is_in(exp.column(events.touchpoint), spec.steps),
        ts >= ts_lit(spec.start),
        ts < ts_lit(spec.end) + days(spec.window_days),
    )
    e = exp.select(*columns).from_(events.table).where(scope)
    entry_cols: list[exp.Expr] = [*group, exp.func("min", ts).as_("t1")]
    if spec.breakdown is not None:
        entry_cols.append(exp.func("arg_min", exp.column("segment"), ts).as_("segment"))
    entry = exp.select(*entry_cols).from_("e").where(starts).group_by(*[g.copy() for g in group])
    # group by the entrant only; t1 and segment are one value per entrant (no struct in GROUP BY)
    by = [exp.column(g.name, "x") for g in group]
    carried = [
        exp.func("any_value", exp.column(k, "x")).as_(k)
        for k in ("t1", *(["segment"] if spec.breakdown is not None else []))
    ]
    on = exp.and_(
        exp.column(events.user, "e").eq(exp.column(events.user, "x")),
        exp.column("ts", "e") >= exp.column("t1", "x"),
        exp.column("ts", "e") <= exp.column("t1", "x") + days(spec.window_days),
    )
    if len(spec.steps) == 2:  # one step to take: the first later step-2 event, no fold needed
        # a step that repeats the first ("paid again within 30 days") has the first's number
        second = spec.steps.index(spec.steps[1]) + 1
        later = exp.and_(
            exp.column(events.user, "e").eq(exp.column(events.user, "x")),
            exp.column("step", "e").eq(second),
            exp.column("ts", "e") > exp.column("t1", "x"),
            exp.column("ts", "e") <= exp.column("t1", "x") + days(spec.window_days),
        )
        at = exp.func("min", exp.column("ts", "e"))
        reached = exp.Case(
            ifs=[exp.If(this=at.copy().is_(exp.null()), true=exp.Literal.number(1))],
            default=exp.Literal.number(2),
        )
        result = exp.select(*by, *carried, reached.as_("reached"), at.as_("at"))
        grouped = result.from_("entry AS x").join("e", on=later, join_type="left")
        grouped = grouped.group_by(*[b.copy() for b in by])
        return grouped.with_("e", e).with_("entry", entry)
    folded = exp.select(*by, *carried, _fold().as_("r")).from_("entry AS x").join("e", on=on)
    folded = folded.group_by(*[b.copy() for b in by])
    names = [g.name for g in group] + [c.alias for c in carried]
    result = exp.select(*names, dot("r", "reached").as_("reached"), dot("r", "at").as_("at"))
    return result.from_(folded.subquery("f")).with_("e", e).with_("entry", entry)


def _fold() -> exp.Expr:
    """The greedy step fold of the entrant's events (each dialect spells it: `dialects/`)."""
    return StepFold(ts=exp.column("ts", "e"), step=exp.column("step", "e"))


def funnel_steps(events: Events, spec: FunnelSpec) -> exp.Select:
    """One row per step [and segment]: reached, conversion from step 1, step conversion, and the
    users lost before the next step with their rate."""
    segment = [exp.column("segment")] if spec.breakdown is not None else []
    steps = exp.values(
        [(i, tp) for i, tp in enumerate(spec.steps, start=1)],
        alias="s",
        columns=["step", "touchpoint"],
    )
    # An entrant counts at every step they reached. The condition is in the count, not the
    # join: not every engine joins on a range (ClickHouse needs an equality or nothing).
    on: exp.Expr = exp.true()
    keys = [exp.column("step", "s"), exp.column("touchpoint", "s")]
    counted = exp.Case(
        ifs=[
            exp.If(
                this=exp.column("reached", "j") >= exp.column("step", "s"),
                true=exp.column("t1", "j"),
            )
        ]
    )
    reached_count = exp.func("count", counted).as_("reached")
    if segment:  # every segment gets every step, zeros included
        keys.insert(0, exp.column("segment", "g"))
        on = exp.NullSafeEQ(this=exp.column("segment", "j"), expression=keys[0].copy())
        groups = exp.select("segment").distinct().from_("j").subquery("g")
        counts = exp.select(*keys, reached_count).from_(groups).join(steps, join_type="cross")
    else:
        counts = exp.select(*keys, reached_count).from_(steps)
    counts = counts.join("j", on=on, join_type="left").group_by(*keys)
    counts = counts.with_("j", journeys(events, spec))
    over = exp.Window(
        this=exp.Placeholder(),
        partition_by=segment or None,
        order=exp.Order(expressions=[exp.Ordered(this=exp.column("step"))]),
    )
    reached = exp.column("reached")
    first = _over(exp.func("first_value", reached), over)
    prev = _over(exp.func("lag", reached), over)
    nxt = _over(exp.func("lead", reached), over)
    lost = reached - nxt
    return (
        exp.select(
            *segment,
            exp.column("step"),
            exp.column("touchpoint"),
            reached,
            safe_div(reached, first).as_("conversion"),
            safe_div(reached, prev).as_("step_conversion"),
            lost.as_("lost"),
            safe_div(lost.copy(), reached).as_("lost_rate"),
        )
        .from_(counts.subquery("c"))
        .order_by(*segment, "step")
    )


def dropoff(
    events: Events, spec: FunnelSpec, limit: int | None = None, rank_by: str = "lost"
) -> exp.Select:
    """Steps ranked by users lost before the next step, or by the share of those who reached it
    (`rank_by="lost_rate"`); the last step has no next step."""
    ranked = (
        exp.select("*")
        .from_(funnel_steps(events, spec).subquery("f"))
        .where(exp.column("lost").is_(exp.null()).not_())
        .order_by(exp.Ordered(this=exp.column(rank_by), desc=True, nulls_first=False), "step")
    )
    return ranked.limit(limit) if limit else ranked


def time_to_convert(events: Events, spec: FunnelSpec) -> exp.Select:
    """Entrants, converters, and the median / mean / p90 hours from step 1 to the last step."""
    segment = [exp.column("segment")] if spec.breakdown is not None else []
    converted = exp.Where(this=exp.column("reached").eq(len(spec.steps)))
    # in milliseconds: whole seconds count the second boundaries crossed, half a second off
    millis = exp.DateDiff(
        this=exp.column("at"), expression=exp.column("t1"), unit=exp.var("MILLISECOND")
    )
    hours = exp.cast(millis, exp.DataType.Type.DOUBLE) / exp.Literal.number(3_600_000)

    def among_converters(func: exp.Expr) -> exp.Filter:
        return exp.Filter(this=func, expression=converted.copy())

    query = exp.select(
        *segment,
        exp.func("count", exp.Star()).as_("entrants"),
        among_converters(exp.func("count", exp.Star())).as_("converters"),
        among_converters(exp.func("median", hours.copy())).as_("median_hours"),
        among_converters(exp.func("avg", hours.copy())).as_("mean_hours"),
        among_converters(exp.func("quantile_cont", hours.copy(), exp.Literal.number(0.9))).as_(
            "p90_hours"
        ),
    ).from_(journeys(events, spec).subquery("j"))
    return query.group_by(*segment).order_by(*segment) if segment else query


def _over(func: exp.Expr, window: exp.Window) -> exp.Window:
    w = window.copy()
    w.set("this", func)
    return w
