"""Exact pre-aggregated tables the compiler may read instead of the raw events.

A pre-aggregate is a table derived from the canonical `events` table (docs/design.md "Canonical
data") that every load rebuilds inside its own transaction (`connectors/aggregates.py`) and tags
with the data version it was built from. The engine tells the compiler which ones are current for
the data it serves; the compiler reads one only when the answer is provably the same as from the
raw events for that plan, and otherwise compiles the plain query. Engines other than DuckDB never
report any, so they always read the raw tables.

`_tpa_first_touch` (user_id, touchpoint, first_ts): each person's first event ever, overall
(touchpoint NULL) and at each touchpoint. A retention cohort is the period of a person's first
qualifying event ever (`retention.py`), which otherwise needs every person's whole history.

`_tpa_user_days` (user_id, day): the days each person had an event, for retention's activity (a
period holds one of a person's events iff it holds one of their days).

`_tpa_steps` (user_id, ts, touchpoint, event_id, channel and each event's neighbours): every
event with the same person's previous and next event in two orders — (ts, touchpoint), the order
of paths (`p_prev_ts`, `p_prev_tp`, `p_next_ts`, `p_next_tp`), and (ts, event_id), the order of
Markov attribution's paths (`a_prev_ts`, `a_next_ts`, `a_prev_<key>`, `a_next_<key>` for channel
and touchpoint). Over a range, an event's neighbour within the range is the neighbour over all
history when that one's time is in the range (the previous one's is never after it, the next
one's never before), else none: so "what comes after X" and Markov's non-converting paths need no
window over the range (`neighbours.py`), nor Markov's converting paths an ordered window per
conversion (`attribution.py`), and the table is ordered by (touchpoint, ts) so one
touchpoint's range reads few row groups.

`_tpa_touches_<hash>`: attribution's walk of every conversion's touches, per conversion, for one
conversion touchpoint, lookback and half-life (`touches.py`, which says when it is exact).

`_tpa_by_touchpoint`: the events table itself, every row and column, ordered by (touchpoint, ts)
instead of by time, so a query that reads only a few touchpoints over a range (a conversion
metric's two steps, for drivers; Markov's conversions) reads their row groups alone. Being the same
rows it is exact for any plan; the compiler reads it where the events are read only at named
touchpoints (`by_touchpoint`; Markov's transitions when their paths come from `_tpa_steps`).

`_tpa_first_touch`, `_tpa_user_days` and `_tpa_steps` are exact for a plan when every filter of
the plan and of the role keeps or drops people whole (so a kept person's first event and days are
among the scoped events), see `whole_people`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from sqlglot import exp

from semantic_layer.compile.people import is_event_attribute
from semantic_layer.compile.scope import DimFilter
from semantic_layer.model.base import RowFilter
from semantic_layer.model.spec import ModelSpec
from semantic_layer.model.spec_data import DimensionSpec
from semantic_layer.model.spec_metrics import ConversionMetric

FIRST_TOUCH: Final = "_tpa_first_touch"
"""Each person's first event: (user_id, touchpoint — NULL for any —, first_ts)."""

USER_DAYS: Final = "_tpa_user_days"
"""The days each person had any event: (user_id, day — the TIMESTAMP of the day's midnight)."""

STEPS: Final = "_tpa_steps"
"""Every event with its person's previous and next event, in the orders of paths and attribution."""

BY_TOUCHPOINT: Final = "_tpa_by_touchpoint"
"""Every event, all columns, ordered by (touchpoint, ts): `events` clustered by touchpoint."""

ALL: Final = frozenset({FIRST_TOUCH, USER_DAYS, STEPS, BY_TOUCHPOINT})
"""Every pre-aggregate every load builds; a database may hold some of them, current or not."""

TOUCHES_PREFIX: Final = "_tpa_touches_"
"""The per-conversion tables of attribution (`touches.py`): `_tpa_touches_<16 hex of the key>`,
built for one conversion touchpoint, lookback and half-life each."""


def is_touches(name: str) -> bool:
    """Whether `name` is a per-conversion table's (whatever its key)."""
    tail = name.removeprefix(TOUCHES_PREFIX)
    return tail != name and len(tail) == 16 and all(ch in "0123456789abcdef" for ch in tail)


def known(names: Iterable[str]) -> frozenset[str]:
    """The names among `names` that are pre-aggregates the compiler can read."""
    return frozenset(n for n in names if n in ALL or is_touches(n))


# The canonical events columns the tables are built from (connectors/canonical.py).
_EVENTS: Final = {"table": "events", "entity": "user_id", "time": "ts"}


def canonical_events(model: ModelSpec) -> bool:
    """Whether the model reads events as the canonical table (so the tables built from
    `events.user_id / ts / touchpoint` mean what the compiler would compute)."""
    spec = model.tables.get(_EVENTS["table"])
    if spec is None:
        return False
    return (spec.entity or "user_id") == _EVENTS["entity"] and (spec.time or "ts") == _EVENTS[
        "time"
    ]


def _person_table(model: ModelSpec, table: str) -> bool:
    """`table` holds one row per person: events join it on the person, its own entity."""
    spec = model.tables.get(table)
    if spec is None or spec.entity != _EVENTS["entity"]:
        return False
    events = model.tables[_EVENTS["table"]]
    return any(
        j.table == table and (j.on or events.entity) == _EVENTS["entity"] for j in events.joins
    )


def _per_person(model: ModelSpec, dim: DimensionSpec | None) -> bool:
    """A dimension with one value per person, read through the events' join to the people."""
    return (
        dim is not None
        and dim.table != _EVENTS["table"]
        and _EVENTS["table"] not in dim.also_in
        and _person_table(model, dim.table)
    )


def by_touchpoint(model: ModelSpec, metrics: Sequence[str]) -> bool:
    """Whether every metric is a conversion between two named touchpoints, so its query reads
    events only at those touchpoints (where `BY_TOUCHPOINT` reads few row groups; other reads,
    a whole range of every touchpoint, would read more of it than of `events`)."""
    specs = {m.name: m for m in model.metrics}
    for name in metrics:
        spec = specs.get(name)
        if not isinstance(spec, ConversionMetric):
            return False
        if spec.base.touchpoint is None or spec.conversion.touchpoint is None:
            return False
    return bool(metrics)


def with_table(tree: exp.Select, table: str, copy: str) -> exp.Select:
    """`tree` reading `copy` wherever it reads `table` (same alias, so columns still resolve)."""

    def swap(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Table) and node.name == table and not node.db:
            alias = node.alias or table
            return exp.Table(
                this=exp.to_identifier(copy), alias=exp.TableAlias(this=exp.to_identifier(alias))
            )
        return node

    swapped = tree.transform(swap)
    assert isinstance(swapped, exp.Select)
    return swapped


def whole_people(
    model: ModelSpec,
    dims: dict[str, DimensionSpec],
    filters: Sequence[DimFilter],
    row_filters: Iterable[RowFilter],
    *,
    people_filters: bool,
) -> bool:
    """Whether the scoped events hold every event of a person or none of them: each filter is
    on a per-person attribute, or selects people by an event attribute (`people_filters`: the
    journey rule of docs/design.md, not `filter_scope: steps`)."""
    for rf in row_filters:
        if rf.dimension is None or not _per_person(model, dims.get(rf.dimension)):
            return False
    for f in filters:
        dim = dims.get(f.dimension)
        if _per_person(model, dim):
            continue
        if not (people_filters and is_event_attribute(dim)):
            return False
    return True


__all__ = [
    "ALL",
    "BY_TOUCHPOINT",
    "FIRST_TOUCH",
    "STEPS",
    "TOUCHES_PREFIX",
    "USER_DAYS",
    "by_touchpoint",
    "canonical_events",
    "is_touches",
    "known",
    "whole_people",
    "with_table",
]
