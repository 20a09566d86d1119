"""With a database schema: every table and column the model reads exists, with a usable type."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from ..problems import Problem
from ..spec_data import Bucket, DatePart, DimensionSpec, MeasureSpec
from ..spec_metrics import ConversionMetric
from .base import RuleContext, suggest

Kind = Literal["number", "time", "text", "bool", "other"]
Path = tuple[str | int, ...]
NUMERIC_AGGS = ("sum", "avg", "median", "percentile")


_KINDS: dict[str, Kind] = {
    "integer": "number",
    "decimal": "number",
    "float": "number",
    "timestamp": "time",
    "date": "time",
    "time": "time",
    "text": "text",
    "boolean": "bool",
}


def type_kind(column_type: str) -> Kind:
    """What a column holds, coarsely, from its neutral type (`integer`, `float`, `timestamp`,
    `text`, … as every engine's describe gives it; connectors/engines/types.py)."""
    return _KINDS.get(column_type.strip().lower(), "other")


@dataclass(frozen=True)
class DatabaseTables:
    """Each table of the model is in the database, with its time, entity and join columns."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        if ctx.schema is None:
            return
        for name, table in ctx.spec.tables.items():
            columns = ctx.columns_of(name)
            if columns is None:
                yield ctx.problem(
                    table,
                    (),
                    message=f"table '{name}' is not in the database",
                    suggestion=suggest(name, ctx.schema),
                )
                continue
            what = f"table '{name}'"
            if table.time is not None:
                yield from _column(
                    ctx,
                    table,
                    path=("time",),
                    table=name,
                    column=table.time,
                    what=what,
                    kinds=("time",),
                )
            if table.entity is not None:
                yield from _column(
                    ctx, table, path=("entity",), table=name, column=table.entity, what=what
                )
            for i, join in enumerate(table.joins):
                key = join.on or table.entity
                if key is not None:
                    yield from _column(
                        ctx, table, path=("joins", i), table=name, column=key, what=what
                    )
                    yield from _column(
                        ctx, table, path=("joins", i), table=join.table, column=key, what=what
                    )


@dataclass(frozen=True)
class DatabaseColumns:
    """Measures, dimensions and conversion metrics read columns that exist, of a usable type."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        if ctx.schema is None:
            return
        for m in ctx.spec.measures:
            yield from _measure(ctx, m)
        for d in ctx.spec.dimensions:
            yield from _dimension(ctx, d)
        for metric in ctx.spec.metrics:
            if isinstance(metric, ConversionMetric):
                yield from _conversion(ctx, metric)
        if ctx.spec.touchpoints and "events" in ctx.spec.tables:
            what = "the touchpoints section"
            yield from _column(
                ctx, ctx.spec, path=("touchpoints",), table="events", column="touchpoint", what=what
            )


def _measure(ctx: RuleContext, m: MeasureSpec) -> Iterator[Problem]:
    what = f"measure '{m.name}'"
    if m.column is not None:
        kinds: tuple[Kind, ...] = ()
        if m.agg in NUMERIC_AGGS:
            kinds = ("number",)
        elif m.agg in ("min", "max"):
            kinds = ("number", "time")
        yield from _column(
            ctx, m, path=("column",), table=m.table, column=m.column, what=what, kinds=kinds
        )
    if m.duration is not None:
        for key in ("start", "end"):
            col = getattr(m.duration, key)
            yield from _column(
                ctx,
                m,
                path=("duration", key),
                table=m.table,
                column=col,
                what=what,
                kinds=("time",),
            )
    for i, f in enumerate(m.filters):
        yield from _column(
            ctx, m, path=("filters", i, "column"), table=m.table, column=f.column, what=what
        )


def _dimension(ctx: RuleContext, d: DimensionSpec) -> Iterator[Problem]:
    what = f"dimension '{d.name}'"
    kinds: tuple[Kind, ...] = ()
    path: Path = ("column",)
    if d.type == "time" or isinstance(d.expr, DatePart):
        kinds = ("time",)
    elif isinstance(d.expr, Bucket):
        kinds = ("number",)
    if d.expr is not None:
        path = ("expr", "column")
    if d.source_column is not None:
        yield from _column(
            ctx, d, path=path, table=d.table, column=d.source_column, what=what, kinds=kinds
        )
    for table, col in d.also_in.items():
        yield from _column(
            ctx, d, path=("also_in", table), table=table, column=col, what=what, kinds=kinds
        )


def _conversion(ctx: RuleContext, metric: ConversionMetric) -> Iterator[Problem]:
    what = f"metric '{metric.name}'"
    yield from _column(
        ctx, metric, path=("entity",), table="events", column=metric.entity, what=what
    )
    for key in ("base", "conversion"):
        for i, f in enumerate(getattr(metric, key).filters):
            yield from _column(
                ctx,
                metric,
                path=(key, "filters", i, "column"),
                table="events",
                column=f.column,
                what=what,
            )


def _column(
    ctx: RuleContext,
    item: BaseModel,
    *,
    path: Path,
    table: str,
    column: str,
    what: str,
    kinds: tuple[Kind, ...] = (),
) -> Iterator[Problem]:
    columns = ctx.columns_of(table)
    if columns is None:
        return  # an unknown table is reported once, by DatabaseTables or KnownTables
    if column not in columns:
        message = f"unknown column '{column}' in {what}"
        yield ctx.problem(item, path, message=message, suggestion=suggest(column, columns))
    elif kinds and type_kind(columns[column]) not in kinds:
        want = " or ".join("a " + ("timestamp or date" if k == "time" else k) for k in kinds)
        yield ctx.problem(
            item,
            path,
            message=f"column '{table}.{column}' in {what} is {columns[column]}, not {want}",
            suggestion="use a column of that type",
        )


__all__ = ["DatabaseColumns", "DatabaseTables", "type_kind"]
