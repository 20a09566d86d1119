"""Attribution of conversions or revenue to channels or touchpoints (docs/design.md "Meanings").

Conversions are the purchase-touchpoint events in the range; a conversion's touches are the same
user's events in the lookback window before it (strictly earlier; the conversion itself is never a
touch). Each model gives every touch a weight, the weights of one conversion sum to 1, and a
conversion with no touch at all is credited to "(no prior touch)", so every model's credits add up
to the total. The data-driven model (Markov removal effect) is computed in `markov.py` from the
transition counts that `transitions()` aggregates in SQL.

A conversion's touches are a run of consecutive events of its person in attribution's order (ts,
event id): all of them from the first at or after the lookback's start to the last before the
conversion. So, where the compiler found the neighbours' pre-aggregate exact (`steps_table`),
Markov's converting paths read the key of the touch before each touch and of the one after it from
each event's neighbours (`aggregates.STEPS`) instead of an ordered window over every (conversion,
touch) pair: the previous event is a touch iff its time is at or after the lookback's start, the
next one iff its time is before the conversion. (The credits keep their window: read that way they
measured no faster, 10M and 100M events, docs/benchmarks.md.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlglot import exp

from semantic_layer.compile.neighbours import key_neighbours
from semantic_layer.compile.sql import Events, days, in_range, safe_div, ts_lit

Model = Literal["first_touch", "last_touch", "linear", "time_decay", "position_based"]
MODELS: tuple[Model, ...] = ("first_touch", "last_touch", "linear", "time_decay", "position_based")
NO_TOUCH = "(no prior touch)"


@dataclass(frozen=True)
class AttributionSpec:
    conversion_touchpoint: str
    by: str  # the events column credited: channel or touchpoint
    start: date
    end: date  # exclusive
    lookback_days: int = 30
    half_life_days: float = 7.0
    value: Literal["conversions", "revenue"] = "conversions"
    revenue_column: str = "revenue"
    event_id: str = "event_id"
    steps_table: str | None = None  # the exact pre-aggregate of neighbours (`aggregates.STEPS`)
    steps_people: bool = False  # with it: the scoped events leave some people out, keep the rest


def conversions(events: Events, spec: AttributionSpec) -> exp.Select:
    """The conversions in the range: conversion_id, user_id, conv_ts and value."""
    value = (
        exp.func("coalesce", exp.column(spec.revenue_column), exp.Literal.number(0))
        if spec.value == "revenue"
        else exp.Literal.number(1)
    )
    is_conversion = exp.column(events.touchpoint).eq(exp.Literal.string(spec.conversion_touchpoint))
    return (
        exp.select(
            exp.column(spec.event_id).as_("conversion_id"),
            exp.column(events.user).as_("user_id"),
            exp.column(events.ts).as_("conv_ts"),
            exp.cast(value, exp.DataType.Type.DOUBLE).as_("value"),
        )
        .from_(events.table)
        .where(events.where(is_conversion, in_range(exp.column(events.ts), spec.start, spec.end)))
    )


def _prior(events: Events, spec: AttributionSpec) -> exp.Select:
    """Every event that can be a touch of a conversion in the range."""
    ts = exp.column(events.ts)
    lookback_start = exp.cast(
        exp.Literal.string(spec.start.isoformat()), exp.DataType.Type.TIMESTAMP
    ) - days(spec.lookback_days)
    end = exp.cast(exp.Literal.string(spec.end.isoformat()), exp.DataType.Type.TIMESTAMP)
    return (
        exp.select(
            exp.column(events.user).as_("user_id"),
            ts.as_("ts"),
            exp.column(spec.by).as_("key"),
            exp.column(spec.event_id).as_("touch_id"),
        )
        .from_(events.table)
        .where(events.where(ts >= lookback_start, ts.copy() < end))
    )


def _prior_steps(spec: AttributionSpec) -> exp.Select:
    """`_prior` read from the neighbours' pre-aggregate, each event with the time and key of the
    events before and after it in attribution's order."""
    assert spec.steps_table is not None
    ts = exp.column("ts")
    lookback_start = ts_lit(spec.start) - days(spec.lookback_days)
    return (
        exp.select(
            exp.column("user_id"),
            ts,
            exp.column(spec.by).as_("key"),
            exp.column("event_id").as_("touch_id"),
            exp.column("a_prev_ts"),
            exp.column(f"a_prev_{spec.by}").as_("prev_key"),
            exp.column("a_next_ts"),
            exp.column(f"a_next_{spec.by}").as_("next_key"),
        )
        .from_(spec.steps_table)
        .where(exp.and_(ts >= lookback_start, ts.copy() < ts_lit(spec.end)))
    )


def _first_last(spec: AttributionSpec) -> tuple[exp.Expr, exp.Expr]:
    """Whether the touch `t` is the first and the last of its conversion `c`, from its
    neighbours (`_prior_steps`); both true for a conversion without touches."""
    start = exp.column("conv_ts", "c") - days(spec.lookback_days)
    first = exp.func("coalesce", exp.column("a_prev_ts", "t") < start, exp.true())
    last = exp.func(
        "coalesce", exp.column("a_next_ts", "t") >= exp.column("conv_ts", "c"), exp.true()
    )
    return first, last


def touch_join(spec: AttributionSpec) -> exp.Expr:
    """The condition joining a conversion `c` with one of its touches `t`."""
    return exp.and_(
        exp.column("user_id", "t").eq(exp.column("user_id", "c")),
        exp.column("ts", "t") < exp.column("conv_ts", "c"),
        exp.column("ts", "t") >= exp.column("conv_ts", "c") - days(spec.lookback_days),
    )


def per_conversion(func: exp.Expr, ordered: bool = False) -> exp.Window:
    order = exp.Order(
        expressions=[
            exp.Ordered(this=exp.column("ts", "t")),
            exp.Ordered(this=exp.column("touch_id", "t")),
        ]
    )
    return exp.Window(
        this=func, partition_by=[exp.column("conversion_id", "c")], order=order if ordered else None
    )


def positions(spec: AttributionSpec) -> list[exp.Expr]:
    """pos, n and decay_share of the touch `t` of the conversion `c`: its place in the
    conversion's touches, their count, and its share of their time-decay weights."""
    age = exp.DateDiff(
        this=exp.column("conv_ts", "c"), expression=exp.column("ts", "t"), unit=exp.var("SECOND")
    )
    age_days = exp.cast(age, exp.DataType.Type.DOUBLE) / exp.Literal.number(86400)
    decay = exp.Pow(
        this=exp.Literal.number(2),
        expression=exp.Neg(this=age_days / exp.Literal.number(spec.half_life_days)),
    )
    decay_share = safe_div(decay, per_conversion(exp.func("sum", decay.copy())))
    return [
        per_conversion(exp.func("row_number"), ordered=True).as_("pos"),
        per_conversion(exp.func("count", exp.column("ts", "t"))).as_("n"),
        decay_share.as_("decay_share"),
    ]


def touches(events: Events, spec: AttributionSpec) -> exp.Select:
    """One row per (conversion, touch) with its position, count and time-decay share;
    conversions without a touch get one row with a NULL key."""
    return (
        exp.select(
            exp.column("conversion_id", "c"),
            exp.column("value", "c"),
            exp.column("key", "t"),
            *positions(spec),
        )
        .from_("conversions AS c")
        .join("prior_events AS t", on=touch_join(spec), join_type="left")
        .with_("conversions", conversions(events, spec))
        .with_("prior_events", _prior(events, spec))
    )


def weight(model: Model) -> exp.Expr:
    """The credit of one touch row (columns pos, n, decay_share) under `model`."""
    pos, n = exp.column("pos"), exp.column("n")
    one, zero = exp.Literal.number(1), exp.Literal.number(0)
    none = n.eq(0)
    if model == "first_touch":
        return exp.If(this=exp.or_(none, pos.eq(1)), true=one, false=zero)
    if model == "last_touch":
        return exp.If(this=exp.or_(none, pos.eq(n.copy())), true=one, false=zero)
    if model == "linear":
        return exp.If(this=none, true=one, false=safe_div(one.copy(), n.copy()))
    if model == "position_based":
        ends = exp.or_(pos.eq(1), pos.copy().eq(n.copy()))
        middle = safe_div(exp.Literal.number(0.2), n.copy() - 2)
        return exp.Case(
            ifs=[
                exp.If(this=n.copy() <= 1, true=one),
                exp.If(this=n.copy().eq(2), true=exp.Literal.number(0.5)),
                exp.If(this=ends, true=exp.Literal.number(0.4)),
            ],
            default=middle,
        )
    return exp.If(this=none, true=one, false=exp.column("decay_share"))


def remainder_last() -> exp.Ordered:
    """ "(no prior touch)" after every channel or touchpoint: it is what no touch earned, not a
    contender in a ranking ("which channel contributed most"), and a top N leaves it out."""
    is_remainder = exp.EQ(this=exp.column("key"), expression=exp.Literal.string(NO_TOUCH))
    return exp.Ordered(
        this=exp.Case(
            ifs=[exp.If(this=is_remainder, true=exp.Literal.number(1))],
            default=exp.Literal.number(0),
        )
    )


def credit_order(rank_by: Model) -> tuple[exp.Expr | str, ...]:
    """How credits are listed: "(no prior touch)" last, then by the model asked for, then key."""
    return remainder_last(), exp.Ordered(this=exp.column(rank_by), desc=True), "key"


def credits(
    events: Events,
    spec: AttributionSpec,
    models: tuple[Model, ...] = MODELS,
    rank_by: Model | None = None,
) -> exp.Select:
    """key, then one credit column per model (conversions or revenue), ranked by `rank_by` (the
    model the question asked for; default the first model)."""
    key = exp.func("coalesce", exp.column("key"), exp.Literal.string(NO_TOUCH))
    weighted = exp.select(
        key.as_("key"),
        exp.column("conversion_id"),
        exp.column("value"),
        *[weight(m).as_(f"w_{m}") for m in models],
    ).from_(touches(events, spec).subquery("x"))
    sums = [exp.func("sum", exp.column(f"w_{m}") * exp.column("value")).as_(m) for m in models]
    return (
        exp.select("key", *sums)
        .from_(weighted.subquery("w"))
        .group_by("key")
        .order_by(*credit_order(rank_by or models[0]))
    )


def transitions(
    events: Events, spec: AttributionSpec, converting: exp.Select | None = None
) -> exp.Select:
    """Markov transition counts between keys, "(start)", "(conversion)" and "(null)".

    Converting paths: each conversion's touches, then "(conversion)". Non-converting paths: the
    events in the range of users with no conversion in it, then "(null)". Consecutive repeats of a
    key are one state, so an edge into a state needs only the previous raw event's key (one window
    pass per kind of path), and the exit edge leaves from each path's last event. `converting`:
    the converting paths' edges counted already (src, dst, n; read from the per-conversion
    pre-aggregate, `touches.py`) instead of walked here.
    """
    converters = exp.select("user_id").from_("conversions")
    others = _others(events, spec, converters)
    steps = others if converting else exp.union(_converting(spec), others, distinct=False)
    changed = exp.not_(exp.NullSafeEQ(this=exp.column("prev_key"), expression=exp.column("key")))
    into = (
        exp.select(
            exp.func("coalesce", exp.column("prev_key"), exp.Literal.string("(start)")).as_("src"),
            exp.column("key").as_("dst"),
        )
        .from_("steps")
        .where(changed)
    )
    exits = (
        exp.select(exp.column("key").as_("src"), exp.column("outcome").as_("dst"))
        .from_("steps")
        .where(exp.column("is_last"))
    )
    edges = exp.union(into, exits, distinct=False)
    if converting is None:
        counted = (
            exp.select("src", "dst", exp.func("count", exp.Star()).as_("n"))
            .from_(edges.subquery("e"))
            .group_by("src", "dst")
        )
    else:
        ones = exp.select("src", "dst", exp.Literal.number(1).as_("n")).from_(edges.subquery("e"))
        total = exp.cast(exp.func("sum", exp.column("n")), exp.DataType.Type.BIGINT)
        counted = (
            exp.select("src", "dst", total.as_("n"))
            .from_(exp.union(ones, converting, distinct=False).subquery("e"))
            .group_by("src", "dst")
        )
    counted = counted.order_by("src", "dst").with_("conversions", conversions(events, spec))
    if converting is None:
        prior = _prior_steps(spec) if spec.steps_table is not None else _prior(events, spec)
        counted = counted.with_("prior_events", prior)
    return counted.with_("steps", steps)


def _converting(spec: AttributionSpec) -> exp.Select:
    """Converting steps: key, "(conversion)", prev_key, is_last for each touch of each
    conversion (the keys around it from the neighbours' pre-aggregate where the compiler found
    it exact, else from an ordered window per conversion)."""
    if spec.steps_table is not None:  # the keys of the touches around: from the neighbours
        first, last = _first_last(spec)
        before: exp.Expr = exp.Case(
            ifs=[exp.If(this=exp.not_(first), true=exp.column("prev_key", "t"))]
        )
        after: exp.Expr = exp.Case(
            ifs=[exp.If(this=exp.not_(last), true=exp.column("next_key", "t"))]
        )
    else:
        before = per_conversion(exp.func("lag", exp.column("key", "t")), ordered=True)
        after = per_conversion(exp.func("lead", exp.column("key", "t")), ordered=True)
    return (
        exp.select(
            exp.column("key", "t").as_("key"),
            exp.Literal.string("(conversion)").as_("outcome"),
            before.as_("prev_key"),
            after.is_(exp.null()).as_("is_last"),  # a next touch without a key exits too
        )
        .from_("conversions AS c")
        .join("prior_events AS t", on=touch_join(spec))
    )


def _others(events: Events, spec: AttributionSpec, converters: exp.Select) -> exp.Select:
    """Non-converting steps: the range's events of people with no conversion in it, each with
    the previous event's key and whether the next one's is missing (read from the neighbours'
    pre-aggregate when the compiler found it exact)."""
    unconverted: exp.Expr = exp.not_(exp.column(events.user).isin(query=converters))
    if spec.steps_table is not None:
        keep = unconverted
        if spec.steps_people:  # only the scoped people: those with a scoped event in the range
            scoped = (
                exp.select(exp.column(events.user))
                .from_(events.table)
                .where(events.where(in_range(exp.column(events.ts), spec.start, spec.end)))
            )
            keep = exp.and_(unconverted, exp.column("user_id").isin(query=scoped))
        return key_neighbours(spec.steps_table, spec.by, spec.start, spec.end, keep=keep)
    by_user = exp.Window(
        this=exp.Placeholder(),
        partition_by=[exp.column(events.user)],
        order=exp.Order(
            expressions=[
                exp.Ordered(this=exp.column(events.ts)),
                exp.Ordered(this=exp.column(spec.event_id)),
            ]
        ),
    )
    prev, nxt = by_user.copy(), by_user.copy()
    prev.set("this", exp.func("lag", exp.column(spec.by)))
    nxt.set("this", exp.func("lead", exp.column(spec.by)))
    others = (
        exp.select(
            exp.column(spec.by).as_("key"),
            exp.Literal.string("(null)").as_("outcome"),
            prev.as_("prev_key"),
            nxt.is_(exp.null()).as_("is_last"),
        )
        .from_(events.table)
        .where(
            events.where(
                in_range(exp.column(events.ts), spec.start, spec.end),
                unconverted.copy(),
            )
        )
    )
    return others
