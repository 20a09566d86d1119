"""Journey analyses filter people, not events (docs/design.md "Meanings": Journey filters).

"The funnel for users from channel X" means X's people and every step they take, on any channel:
a filter on an attribute of events (channel, device, campaign) picks the people whose *first
touch in the range* had it (the model's `channel_rule`: last touch when it says so), exactly as a
breakdown of "conversion rate by channel" assigns them. With `settings.journey_filter:
entry_step` the attribute is read from the event that enters the analysis instead (the
funnel's first step, the retention cohort's touchpoint) and from the first touch where there is
none. Filters on attributes of people (region, segment, acquisition channel) already select
people and stay as they are.

The selection is a subquery of the people's ids, put into the scoped events CTE, so funnels,
drop-off, time to convert, paths and retention read every event of the chosen people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlglot import exp

from semantic_layer.compile.scope import (
    BASE,
    DimFilter,
    Scan,
    apply_filters,
    apply_row_filters,
    filter_condition,
)
from semantic_layer.compile.sql import in_range
from semantic_layer.model.base import RowFilter
from semantic_layer.model.spec import ModelSpec
from semantic_layer.model.spec_data import DimensionSpec, ValueMap

PersonRule = Literal["first_touch", "last_touch", "entry_step"]


def is_event_attribute(dim: DimensionSpec | None) -> bool:
    """An attribute of single events that a person can have many values of: a categorical
    dimension of the events table (not the touchpoint itself, a time part or a value band)."""
    return (
        dim is not None
        and dim.table == "events"
        and dim.type == "categorical"
        and dim.column != "touchpoint"
        and (dim.expr is None or isinstance(dim.expr, ValueMap))
    )


def split_filters(
    filters: Sequence[DimFilter], dims: dict[str, DimensionSpec]
) -> tuple[tuple[DimFilter, ...], tuple[DimFilter, ...]]:
    """(filters that select people, filters that stay on events)."""
    people = tuple(f for f in filters if is_event_attribute(dims.get(f.dimension)))
    return people, tuple(f for f in filters if f not in people)


def person_rule(model: ModelSpec, entry: str | None) -> PersonRule:
    """The rule an analysis uses: `entry_step` only when the model says so and the analysis
    has an entering touchpoint; else the model's channel rule (first touch by default)."""
    if model.settings.journey_filter == "entry_step" and entry is not None:
        return "entry_step"
    return model.settings.channel_rule


@dataclass(frozen=True)
class People:
    """Who a journey analysis keeps: the people whose chosen event in [start, end) passes
    `filters`; `entry` is the touchpoint of the entering event (for `entry_step`)."""

    filters: tuple[DimFilter, ...]
    start: date
    end: date
    rule: PersonRule
    entry: str | None = None

    def ids(
        self,
        model: ModelSpec,
        dims: dict[str, DimensionSpec],
        row_filters: Sequence[RowFilter],
        other: Sequence[DimFilter],
    ) -> exp.Select:
        """SELECT user_id FROM events … GROUP BY user_id HAVING arg_min(attribute, ts) …"""
        scan = Scan(model, "events")
        apply_row_filters(scan, row_filters, dims)
        apply_filters(scan, other, dims)
        ts = scan.time_column() or exp.column("ts", BASE)
        scan.where(in_range(ts, self.start, self.end))
        if self.rule == "entry_step" and self.entry is not None:
            scan.where(exp.column("touchpoint", BASE).eq(exp.Literal.string(self.entry)))
        pick = "arg_max" if self.rule == "last_touch" else "arg_min"
        having = [
            filter_condition(exp.func(pick, scan.dimension(dims[f.dimension]), ts.copy()), f)
            for f in self.filters
        ]
        entity = scan.entity()
        select = scan.from_(exp.select(entity)).group_by(entity.copy())
        return select.having(exp.and_(*having))


__all__ = ["People", "PersonRule", "is_event_attribute", "person_rule", "split_filters"]
