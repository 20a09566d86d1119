"""What a database holds, as plain data: the input of `tpa init` and of validation against data.

`connectors.profile` fills it in (it is the part that opens databases); the semantic layer only
reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal


@dataclass(frozen=True)
class ColumnProfile:
    """A column: its DuckDB type, about how many distinct values, and the values when few."""

    name: str
    type: str
    distinct: int
    nulls: int = 0
    values: tuple[tuple[str, int], ...] | None = None  # (value as text, rows), most rows first

    @property
    def low_cardinality(self) -> bool:
        return self.values is not None


@dataclass(frozen=True)
class TableProfile:
    """A table: rows and columns, and what a row is when the table is a canonical one."""

    name: str
    rows: int
    columns: tuple[ColumnProfile, ...]
    description: str = ""

    def column(self, name: str) -> ColumnProfile | None:
        return next((c for c in self.columns if c.name == name), None)

    def has_data(self, name: str) -> bool:
        """Whether the column exists and holds at least one value."""
        column = self.column(name)
        return column is not None and column.nulls < self.rows

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


@dataclass(frozen=True)
class TouchpointProfile:
    """A value of `events.touchpoint`: how common it is and where it sits in journeys."""

    id: str
    events: int
    users: int
    median_rank: float  # median position of its first occurrence in a `rank_unit`
    mean_rank: float = 0.0  # the same, averaged (breaks ties between equal medians)
    channels: tuple[tuple[str, int], ...] = ()  # events per channel, most first
    with_revenue: int = 0  # events that carry a revenue
    revenue: float = 0.0  # their revenue summed (negative for refunds)
    rank_unit: Literal["session", "user"] = "user"  # "user" when its events have no session
    person_rank: float = 0.0  # median position of its first occurrence among a person's
    person_mean_rank: float = 0.0  # touchpoints, and the same averaged

    @property
    def order(self) -> tuple[float, float, str]:
        """Sort key: where it usually comes in a person's journey."""
        return (self.person_rank, self.person_mean_rank, self.id)

    @property
    def main_channel(self) -> str | None:
        """The channel of nearly all (≥ 90%) of its events, else None."""
        if self.channels and self.channels[0][1] >= 0.9 * max(self.events, 1):
            return self.channels[0][0]
        return None


@dataclass(frozen=True)
class Gap:
    """Days from a person's first `first` to their first `then` after it, over the people who
    did both in that order: the median and the 90th percentile. With `steps`, along a
    journey's steps in order (each the earliest after the previous one)."""

    first: str
    then: str
    people: int
    median_days: float
    p90_days: float
    steps: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, ...]:
        """The steps it was measured along: `steps`, else (first, then)."""
        return self.steps or (self.first, self.then)


@dataclass(frozen=True)
class Split:
    """A column of the people table with few values (a side, a type): how many people of each
    value did each touchpoint, as (value, touchpoint, people)."""

    column: str
    people: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class DataProfile:
    """Tables, touchpoints, users and time range of a database.

    `paths` are people's journeys: each person's touchpoints (the most common ones) in the order
    of their first occurrence, with the number of people who took that path, most first (for a
    fixed sample of people when there are many).
    """

    tables: tuple[TableProfile, ...]
    touchpoints: tuple[TouchpointProfile, ...] = ()
    users: int = 0
    rank_unit: Literal["session", "user"] = "user"
    paths: tuple[tuple[tuple[str, ...], int], ...] = ()
    start: datetime | None = None
    end: datetime | None = None
    timezone: str | None = None
    gaps: tuple[Gap, ...] = ()
    splits: tuple[Split, ...] = ()

    def gap(self, first: str, then: str) -> Gap | None:
        """How long people take from their first `first` to their first `then` after it."""
        return next((g for g in self.gaps if g.key == (first, then) and not g.steps), None)

    def journey_gap(self, steps: tuple[str, ...]) -> Gap | None:
        """How long people take along `steps` in order, when measured (`connectors.profile.
        journey_gaps`), else from their first first step to the last one after it."""
        along = next((g for g in self.gaps if g.steps == steps), None)
        return along or self.gap(steps[0], steps[-1])

    def table(self, name: str) -> TableProfile | None:
        return next((t for t in self.tables if t.name == name), None)

    @property
    def channels(self) -> tuple[tuple[str, int], ...]:
        """The values of `events.channel` with their events, most first (when few enough)."""
        events = self.table("events")
        column = events.column("channel") if events is not None else None
        return column.values or () if column is not None else ()

    def schema(self) -> dict[str, dict[str, str]]:
        """table → {column: type}: what validation checks columns against."""
        return {t.name: {c.name: c.type for c in t.columns} for t in self.tables}

    def samples(self) -> dict[str, dict[str, frozenset[str]]]:
        """table → {column: values} for the low-cardinality columns (plus every touchpoint)."""
        out: dict[str, dict[str, frozenset[str]]] = {}
        for t in self.tables:
            for c in t.columns:
                if c.values is not None:
                    out.setdefault(t.name, {})[c.name] = frozenset(v for v, _ in c.values)
        if self.touchpoints:
            ids = frozenset(tp.id for tp in self.touchpoints)
            out.setdefault("events", {})["touchpoint"] = ids
        return out


__all__ = ["ColumnProfile", "DataProfile", "Gap", "Split", "TableProfile", "TouchpointProfile"]
