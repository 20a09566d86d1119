"""Attribution of conversions or revenue to channels or touchpoints (DESIGN.md "Meanings").

Conversions are the purchase-touchpoint events in the range; a conversion's touches are the same
user's events in the lookback window before it (strictly earlier; the conversion itself is never a
touch). Each model gives every touch a weight, the weights of one conversion sum to 1, and a
conversion with no touch at all is credited to "(no prior touch)", so every model's credits add up
to the total. The data-driven model (Markov removal effect) is computed in `markov.py` from the
transition counts that `transitions()` aggregates in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlglot import exp

from semantic_layer.compile.sql import Events, days, in_range, safe_div

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


def _conversions(events: Events, spec: AttributionSpec) -> exp.Select:
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


def touches(events: Events, spec: AttributionSpec) -> exp.Select:
    """One row per (conversion, touch) with its position, count and age; conversions without a
    touch get one row with a NULL key."""
    c, t = "c", "t"
    prior = (
        exp.select(
            exp.column(events.user).as_("user_id"),
            exp.column(events.ts).as_("ts"),
            exp.column(spec.by).as_("key"),
            exp.column(spec.event_id).as_("touch_id"),
        )
        .from_(events.table)
        .where(
            events.where(
                exp.column(events.ts)
                >= exp.cast(exp.Literal.string(spec.start.isoformat()), exp.DataType.Type.TIMESTAMP)
                - days(spec.lookback_days),
                exp.column(events.ts)
                < exp.cast(exp.Literal.string(spec.end.isoformat()), exp.DataType.Type.TIMESTAMP),
            )
        )
    )
    on = exp.and_(
        exp.column("user_id", t).eq(exp.column("user_id", c)),
        exp.column("ts", t) < exp.column("conv_ts", c),
        exp.column("ts", t) >= exp.column("conv_ts", c) - days(spec.lookback_days),
    )
    per_conversion = exp.Window(
        this=exp.Placeholder(), partition_by=[exp.column("conversion_id", c)]
    )
    ordered = per_conversion.copy()
    ordered.set(
        "order",
        exp.Order(
            expressions=[
                exp.Ordered(this=exp.column("ts", t)),
                exp.Ordered(this=exp.column("touch_id", t)),
            ]
        ),
    )
    pos, n = ordered.copy(), per_conversion.copy()
    pos.set("this", exp.func("row_number"))
    n.set("this", exp.func("count", exp.column("ts", t)))
    age = exp.DateDiff(
        this=exp.column("conv_ts", c), expression=exp.column("ts", t), unit=exp.var("SECOND")
    )
    age_days = exp.cast(age, exp.DataType.Type.DOUBLE) / exp.Literal.number(86400)
    return (
        exp.select(
            exp.column("conversion_id", c),
            exp.column("value", c),
            exp.column("key", t),
            pos.as_("pos"),
            n.as_("n"),
            age_days.as_("age_days"),
        )
        .from_("conversions AS c")
        .join("prior_events AS t", on=on, join_type="left")
        .with_("conversions", _conversions(events, spec))
        .with_("prior_events", prior)
    )


def weight(model: Model, half_life_days: float) -> exp.Expr:
    """The credit of one touch row (columns pos, n, age_days) under `model`."""
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
    decay = exp.Pow(
        this=exp.Literal.number(2),
        expression=exp.Neg(this=exp.column("age_days") / exp.Literal.number(half_life_days)),
    )
    total = exp.Window(
        this=exp.func("sum", decay.copy()), partition_by=[exp.column("conversion_id")]
    )
    return exp.If(this=none, true=one, false=decay / total)


def credits(
    events: Events, spec: AttributionSpec, models: tuple[Model, ...] = MODELS
) -> exp.Select:
    """key, then one credit column per model (conversions or revenue), ranked by the first model."""
    key = exp.func("coalesce", exp.column("key"), exp.Literal.string(NO_TOUCH))
    weighted = exp.select(
        key.as_("key"),
        exp.column("conversion_id"),
        exp.column("value"),
        *[weight(m, spec.half_life_days).as_(f"w_{m}") for m in models],
    ).from_(touches(events, spec).subquery("x"))
    sums = [exp.func("sum", exp.column(f"w_{m}") * exp.column("value")).as_(m) for m in models]
    return (
        exp.select("key", *sums)
        .from_(weighted.subquery("w"))
        .group_by("key")
        .order_by(exp.Ordered(this=exp.column(models[0]), desc=True), "key")
    )


def transitions(events: Events, spec: AttributionSpec) -> exp.Select:
    """Markov transition counts between keys, "(start)", "(conversion)" and "(null)".

    Converting paths: each conversion's touches, then "(conversion)". Non-converting paths: the
    events in the range of users with no conversion in it, then "(null)". Consecutive repeats of a
    key collapse into one state.
    """
    converting = (
        exp.select(
            exp.column("conversion_id").as_("path_id"),
            exp.column("key"),
            exp.column("pos"),
            exp.Literal.string("(conversion)").as_("outcome"),
        )
        .from_(touches(events, spec).subquery("x"))
        .where(exp.column("key").is_(exp.null()).not_())
    )
    converters = (
        exp.select(exp.column(events.user))
        .from_(events.table)
        .where(
            events.where(
                exp.column(events.touchpoint).eq(exp.Literal.string(spec.conversion_touchpoint)),
                in_range(exp.column(events.ts), spec.start, spec.end),
            )
        )
    )
    order = exp.Order(
        expressions=[
            exp.Ordered(this=exp.column(events.ts)),
            exp.Ordered(this=exp.column(spec.event_id)),
        ]
    )
    pos = exp.Window(
        this=exp.func("row_number"), partition_by=[exp.column(events.user)], order=order
    )
    others = (
        exp.select(
            exp.column(events.user).as_("path_id"),
            exp.column(spec.by).as_("key"),
            pos.as_("pos"),
            exp.Literal.string("(null)").as_("outcome"),
        )
        .from_(events.table)
        .where(
            events.where(
                in_range(exp.column(events.ts), spec.start, spec.end),
                exp.column(events.user).isin(query=converters).not_(),
            )
        )
    )
    paths = exp.union(converting, others, distinct=False)
    by_path = exp.Window(
        this=exp.Placeholder(),
        partition_by=[exp.column("path_id")],
        order=exp.Order(expressions=[exp.Ordered(this=exp.column("pos"))]),
    )
    prev = by_path.copy()
    prev.set("this", exp.func("lag", exp.column("key")))
    steps = exp.select("*", prev.as_("prev_key")).from_(paths.subquery("p"))
    kept = (
        exp.select("*")
        .from_(steps.subquery("s"))
        .where(
            exp.or_(
                exp.column("prev_key").is_(exp.null()),
                exp.column("key").neq(exp.column("prev_key")),
            )
        )
    )
    src = by_path.copy()
    src.set(
        "this",
        exp.func("lag", exp.column("key"), exp.Literal.number(1), exp.Literal.string("(start)")),
    )
    last = by_path.copy()
    last.set("this", exp.func("lead", exp.column("key")))
    edges = exp.select(
        src.as_("src"), exp.column("key").as_("dst"), last.as_("next_key"), exp.column("outcome")
    ).from_(kept.subquery("k"))
    inner = exp.select("src", "dst").from_("edges")
    exits = (
        exp.select(exp.column("dst").as_("src"), exp.column("outcome").as_("dst"))
        .from_("edges")
        .where(exp.column("next_key").is_(exp.null()))
    )
    every = exp.union(inner, exits, distinct=False)
    return (
        exp.select("src", "dst", exp.func("count", exp.Star()).as_("n"))
        .from_(every.subquery("t"))
        .group_by("src", "dst")
        .order_by("src", "dst")
        .with_("edges", edges)
    )
