"""The data side of the model format: tables, dimensions and measures."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Filter, Identifier, Labels, Named, Scalar, Strict, Text

Grain = Literal["day", "week", "month", "quarter", "year"]
GRAINS: tuple[Grain, ...] = ("day", "week", "month", "quarter", "year")
Agg = Literal["count", "count_distinct", "sum", "avg", "min", "max", "median", "percentile"]
TimeUnit = Literal["seconds", "minutes", "hours", "days"]
DatePartName = Literal["hour", "day_of_week", "day_of_month", "week", "month", "quarter", "year"]


class Join(Strict):
    """A many-to-one lookup from this table to another one: `{table: users, on: user_id}`.

    `on` is the column both tables share; it defaults to this table's entity.
    """

    table: Identifier
    on: Text | None = None


class TableSpec(Strict):
    """How the model reads one canonical table."""

    description: str = ""
    time: Text | None = None
    entity: Text | None = None
    joins: tuple[Join, ...] = ()


class DatePart(Strict):
    """`{op: date_part, part: hour, column: ts}`: a part of a timestamp as a category."""

    op: Literal["date_part"]
    part: DatePartName
    column: Text


class ValueMap(Strict):
    """`{op: map, column: device, mapping: {ios: mobile, android: mobile}, default: other}`."""

    op: Literal["map"]
    column: Text
    mapping: dict[str, Text] = Field(min_length=1)
    default: Text | None = None


class Bucket(Strict):
    """`{op: bucket, column: revenue, edges: [100, 300]}`: ranges `<100`, `100–300`, `≥300`."""

    op: Literal["bucket"]
    column: Text
    edges: tuple[float, ...] = Field(min_length=1)
    labels: tuple[Text, ...] | None = None


DimensionExpr = Annotated[DatePart | ValueMap | Bucket, Field(discriminator="op")]


class DimensionValue(Strict):
    """A known value of a categorical dimension, with its names in both languages."""

    value: Scalar
    labels: Labels | None = None
    synonyms: tuple[Text, ...] = ()
    description: str = ""

    def label(self, lang: str = "en") -> str:
        """The label in `lang`, falling back to English, then the value as stored."""
        if self.labels is None:
            return str(self.value)
        return self.labels.said(lang) or self.labels.en or str(self.value)


class DimensionSpec(Named):
    """An attribute to break metrics down by or filter on."""

    name: Identifier
    table: Identifier
    column: Text | None = None
    expr: DimensionExpr | None = None
    also_in: dict[Identifier, Text] = Field(default_factory=dict)
    type: Literal["categorical", "time"] = "categorical"
    grains: tuple[Grain, ...] | None = None
    values: tuple[DimensionValue, ...] = ()

    @property
    def key(self) -> str:
        return self.name

    @property
    def time_grains(self) -> tuple[Grain, ...]:
        """The grains a time dimension supports (all of them unless listed)."""
        if self.type != "time":
            return ()
        return self.grains or GRAINS

    def column_in(self, table: str) -> str | None:
        """The column holding this dimension in `table` (None when the table lacks it)."""
        if table == self.table:
            return self.column
        return self.also_in.get(table)

    @property
    def source_column(self) -> str | None:
        """The column read: `column`, or the column of `expr`."""
        return self.column if self.expr is None else self.expr.column


class Duration(Strict):
    """An interval between two timestamp columns of the row, in `unit`s."""

    start: Text
    end: Text
    unit: TimeUnit = "minutes"


class MeasureSpec(Strict):
    """An aggregation over rows of one table, optionally filtered."""

    name: Identifier
    table: Identifier
    agg: Agg
    column: Text | None = None
    duration: Duration | None = None
    percentile: float | None = Field(default=None, gt=0, lt=1)
    filters: tuple[Filter, ...] = ()
    first_only: bool = False  # count only each entity's first row meeting the filters, ever
    description: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        """Every column of its table the measure reads."""
        used = [self.column] if self.column else []
        if self.duration is not None:
            used += [self.duration.start, self.duration.end]
        return (*used, *(f.column for f in self.filters))


__all__ = [
    "GRAINS",
    "Agg",
    "Bucket",
    "DatePart",
    "DimensionExpr",
    "DimensionSpec",
    "DimensionValue",
    "Duration",
    "Grain",
    "Join",
    "MeasureSpec",
    "TableSpec",
    "TimeUnit",
    "ValueMap",
]
