"""The exact per-conversion pre-aggregate of attribution: `_tpa_touches_<hash>`.

Attribution joins every conversion in the range with its lookback's events and walks them in
order (`attribution.py`); at 100M events a quarter is about 10M (conversion, touch) pairs, twice
(the credits and Markov's transitions). This table holds the result of that walk for every
conversion in the data, computed by the very same expressions, once per load:

- `part = 'credit'`: one row per (conversion, key) for both keys (`credited`: 'channel' or
  'touchpoint', a plan's `by`): conversion_id, conv_ts, the conversion's revenue, the key and
  the sum of that key's touches' weights under each rule-based model (`attribution.weight`, one
  column per model); a conversion without touches has one row with a NULL key and weight 1;
- `part = 'edge'`: one row per (conversion, src, dst): the Markov edges of its converting path
  and how often it takes each (`edges`).

Rows are ordered by (credited, part, conv_ts), so a range reads few row groups.

Credits of a range are then sums over the range's rows (weight × value), and the converting half
of the transitions a count of its edges: no join, no window. What a conversion's touches are
depends on the conversion touchpoint, the lookback and (for time decay) the half-life, which
loads do not know; so the table is built for one `TouchesKey`, its name is a hash of the key and
the key is recorded beside its tag (`connectors/aggregates.py`). The compiler reads it only when
the plan's conversion touchpoint, lookback and half-life are the key's, and every filter of the
plan and of the role keeps or drops people whole (a kept person's conversions keep every touch):
then the range's scoped conversions pick its rows. Anything else reads the raw events.

It is exact only where each conversion has its own id; a load tags it current only when the
conversion touchpoint's event ids are unique and not NULL (`unique_ids`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Final

from sqlglot import exp

from semantic_layer.compile.aggregates import TOUCHES_PREFIX
from semantic_layer.compile.attribution import (
    MODELS,
    NO_TOUCH,
    AttributionSpec,
    Model,
    conversions,
    credit_order,
    per_conversion,
    positions,
    touch_join,
    weight,
)
from semantic_layer.compile.sql import Events, in_range
from semantic_layer.model.spec import ModelSpec
from semantic_layer.plan import AttributionPlan

PREFIX: Final = TOUCHES_PREFIX
KEYS: Final = ("channel", "touchpoint")  # the events columns attribution credits (`plan.by`)
DEFAULT_HALF_LIFE: Final = float(AttributionPlan.model_fields["half_life_days"].default)


@dataclass(frozen=True)
class TouchesKey:
    """The parameters a per-conversion table is built with."""

    conversion_touchpoint: str
    lookback_days: int
    half_life_days: float

    def params(self) -> str:
        """The key as JSON (recorded beside the table's tag)."""
        return json.dumps(
            {
                "conversion_touchpoint": self.conversion_touchpoint,
                "lookback_days": int(self.lookback_days),
                "half_life_days": float(self.half_life_days),
            },
            sort_keys=True,
            ensure_ascii=False,
        )

    @property
    def table(self) -> str:
        """The table's name: a hash of the key (any touchpoint name makes a plain identifier)."""
        return PREFIX + hashlib.sha256(self.params().encode()).hexdigest()[:16]

    @classmethod
    def from_params(cls, text: str) -> TouchesKey | None:
        """The key recorded as `params()`, or None when `text` is not one."""
        try:
            data = json.loads(text)
            key = cls(
                str(data["conversion_touchpoint"]),
                int(data["lookback_days"]),
                float(data["half_life_days"]),
            )
        except (ValueError, TypeError, KeyError):
            return None
        return key if key.params() == text else None


def model_key(model: ModelSpec) -> TouchesKey | None:
    """The key of the model's default attribution: its purchase touchpoint, lookback and the
    plans' default half-life; None when the model names no purchase touchpoint."""
    settings = model.settings
    if settings.purchase_touchpoint is None:
        return None
    return TouchesKey(
        settings.purchase_touchpoint, settings.attribution_lookback_days, DEFAULT_HALF_LIFE
    )


def spec_key(spec: AttributionSpec) -> TouchesKey:
    """The key a plan's attribution would read."""
    return TouchesKey(spec.conversion_touchpoint, spec.lookback_days, float(spec.half_life_days))


# -- building -------------------------------------------------------------------------------


def build(key: TouchesKey) -> exp.Select:
    """The table's rows, from the canonical `events`: every conversion of all history with its
    touches walked as `attribution.credits` and `attribution.transitions` walk them."""
    # the spec's range and key are not read here: every conversion, both keys
    spec = AttributionSpec(
        key.conversion_touchpoint, "channel", date.min, date.min, key.lookback_days,
        key.half_life_days,
    )  # fmt: skip
    ts = exp.column("ts")
    conversions = (
        exp.select(
            exp.column("event_id").as_("conversion_id"),
            exp.column("user_id"),
            ts.as_("conv_ts"),
            exp.cast(
                exp.func("coalesce", exp.column("revenue"), exp.Literal.number(0)),
                exp.DataType.Type.DOUBLE,
            ).as_("revenue"),
        )
        .from_("events")
        .where(
            exp.and_(
                exp.column("touchpoint").eq(exp.Literal.string(key.conversion_touchpoint)),
                ts.copy().is_(exp.null()).not_(),
            )
        )
    )
    prior = exp.select(
        exp.column("user_id"), ts.copy(), *KEYS, exp.column("event_id").as_("touch_id")
    ).from_("events")
    around: list[exp.Expr] = []
    for k in KEYS:  # the key of the touch before, and whether the next one has none
        nxt = per_conversion(exp.func("lead", exp.column(k, "t")), ordered=True)
        around += [
            per_conversion(exp.func("lag", exp.column(k, "t")), ordered=True).as_(f"prev_{k}"),
            nxt.is_(exp.null()).as_(f"last_{k}"),
        ]
    pairs = (
        exp.select(
            *(exp.column(c, "c") for c in ("conversion_id", "conv_ts", "revenue")),
            *(exp.column(k, "t") for k in KEYS),
            *positions(spec),
            *around,
        )
        .from_("conversions AS c")
        .join("prior_events AS t", on=touch_join(spec), join_type="left")
    )
    parts = [q for k in KEYS for q in (_credit_rows(k), _edge_rows(k))]
    union: exp.Query = parts[0]
    for part in parts[1:]:
        union = exp.union(union, part, distinct=False)
    return (
        exp.select("*")
        .from_(union.subquery("u"))
        .order_by("credited", "part", "conv_ts")
        .with_("conversions", conversions)
        .with_("prior_events", prior)
        .with_("pairs", pairs, materialized=True)
    )


_IDS: Final = ("conversion_id", "conv_ts")


def _null(kind: str) -> exp.Expr:
    return exp.cast(exp.null(), kind)


def _credit_rows(key: str) -> exp.Select:
    """by, 'credit', ids, revenue, key, each model's summed weight; NULL edge columns."""
    weights = [
        exp.cast(exp.func("sum", weight(m)), exp.DataType.Type.DOUBLE).as_(m) for m in MODELS
    ]
    return (
        exp.select(
            exp.Literal.string(key).as_("credited"),
            exp.Literal.string("credit").as_("part"),
            *_IDS,
            exp.column("revenue"),
            exp.column(key).as_("key"),
            *weights,
            _null("VARCHAR").as_("src"),
            _null("VARCHAR").as_("dst"),
            _null("BIGINT").as_("edges"),
        )
        .from_("pairs")
        .group_by(*_IDS, "revenue", key)
    )


def _edge_rows(key: str) -> exp.Select:
    """by, 'edge', ids, the edges of each converting path (`attribution.transitions`: an edge
    into each touch whose previous touch's key differs, from "(start)" for the first, and from
    the last touch — or one followed by a touch without a key — to "(conversion)")."""
    touched = exp.column("n") > 0  # not the one row of a conversion without touches
    prev = exp.column(f"prev_{key}")
    into = (
        exp.select(
            *_IDS,
            exp.func("coalesce", prev, exp.Literal.string("(start)")).as_("src"),
            exp.column(key).as_("dst"),
        )
        .from_("pairs")
        .where(
            exp.and_(
                touched, exp.not_(exp.NullSafeEQ(this=prev.copy(), expression=exp.column(key)))
            )
        )
    )
    exits = (
        exp.select(*_IDS, exp.column(key).as_("src"), exp.Literal.string("(conversion)").as_("dst"))
        .from_("pairs")
        .where(exp.and_(touched.copy(), exp.column(f"last_{key}")))
    )
    edges = exp.union(into, exits, distinct=False).subquery("e")
    return (
        exp.select(
            exp.Literal.string(key).as_("credited"),
            exp.Literal.string("edge").as_("part"),
            *_IDS,
            _null("DOUBLE").as_("revenue"),
            _null("VARCHAR").as_("key"),
            *(_null("DOUBLE").as_(m) for m in MODELS),
            exp.column("src"),
            exp.column("dst"),
            exp.func("count", exp.Star()).as_("edges"),
        )
        .from_(edges)
        .group_by(*_IDS, "src", "dst")
    )


def unique_ids(key: TouchesKey) -> exp.Select:
    """Whether every conversion (an event at the key's touchpoint) has an id of its own: the
    condition for the table to be exact (the raw query groups a conversion's touches by id)."""
    ids = exp.column("event_id")
    return (
        exp.select(
            exp.func("count", exp.Star()).eq(exp.func("count", exp.Distinct(expressions=[ids])))
        )
        .from_("events")
        .where(exp.column("touchpoint").eq(exp.Literal.string(key.conversion_touchpoint)))
    )


# -- reading --------------------------------------------------------------------------------


def _rows(spec: AttributionSpec, part: str, scoped: bool) -> exp.Expr:
    """The condition picking the range's rows of `part` for `spec.by`; `scoped`: only the
    conversions of the scoped events (the `conversions` CTE), when filters narrow them."""
    conditions = [
        exp.column("credited").eq(exp.Literal.string(spec.by)),
        exp.column("part").eq(exp.Literal.string(part)),
        in_range(exp.column("conv_ts"), spec.start, spec.end),
    ]
    if scoped:
        ids = exp.select("conversion_id").from_("conversions")
        conditions.append(exp.column("conversion_id").isin(query=ids))
    return exp.and_(*conditions)


def credits(
    events: Events,
    spec: AttributionSpec,
    table: str,
    *,
    scoped: bool,
    models: tuple[Model, ...] = MODELS,
    rank_by: Model | None = None,
) -> exp.Select:
    """`attribution.credits` read from the table: the same columns, rows and order (`scoped`:
    only the conversions of the scoped events, read from `events`)."""
    value = exp.column("revenue") if spec.value == "revenue" else exp.Literal.number(1)
    key = exp.func("coalesce", exp.column("key"), exp.Literal.string(NO_TOUCH))
    weighted = (
        exp.select(key.as_("key"), *[(exp.column(m) * value.copy()).as_(m) for m in models])
        .from_(table)
        .where(_rows(spec, "credit", scoped))
    )
    sums = [exp.func("sum", exp.column(m)).as_(m) for m in models]
    tree = (
        exp.select("key", *sums)
        .from_(weighted.subquery("w"))
        .group_by("key")
        .order_by(*credit_order(rank_by or models[0]))
    )
    return tree.with_("conversions", conversions(events, spec)) if scoped else tree


def converting(spec: AttributionSpec, table: str, *, scoped: bool) -> exp.Select:
    """The converting paths' edges of the range (src, dst, n), for `attribution.transitions`."""
    return (
        exp.select("src", "dst", exp.column("edges").as_("n"))
        .from_(table)
        .where(_rows(spec, "edge", scoped))
    )


__all__ = [
    "PREFIX",
    "TouchesKey",
    "build",
    "converting",
    "credits",
    "model_key",
    "spec_key",
    "unique_ids",
]
