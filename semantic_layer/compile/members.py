"""The people behind a count: the distinct ids a count-of-users metric counted, for one row of its
answer (a group's values and, for a series, one period).

    SELECT DISTINCT t.user_id FROM events AS t [JOIN lookups] WHERE <role's row filters>
      AND <question's filters> AND <measure's filters> AND <the row's values> AND <time range>
      ORDER BY 1 LIMIT cap + 1

It reads the same scan as the metric (`MetricCompiler._scan`), so the number of ids it returns is
the number in the answer (below the cap). Only a simple metric over `count_distinct` of its table's
entity is a count of people; ratios and sums are refused with a clear error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlglot import exp

from semantic_layer.compile.scope import (
    BASE,
    DimFilter,
    Scan,
    apply_filters,
    apply_row_filters,
    filter_condition,
    measure_conditions,
)
from semantic_layer.compile.sql import in_range, truncate, ts_lit
from semantic_layer.errors import UserError
from semantic_layer.model.base import RowFilter, Scalar
from semantic_layer.model.spec import ModelSpec
from semantic_layer.model.spec_data import MeasureSpec
from semantic_layer.model.spec_metrics import SimpleMetric


@dataclass(frozen=True)
class MembersQuery:
    """Whose ids to list: `metric` over [start, end), narrowed to one answer row's `values`
    (dimension → value, None for an empty value) and, for a series, the period starting `period`."""

    metric: str
    end: date
    start: date | None = None
    filters: tuple[DimFilter, ...] = ()
    row_filters: tuple[RowFilter, ...] = ()
    values: Mapping[str, Scalar | None] = field(default_factory=dict)
    grain: str | None = None
    period: date | None = None
    week_start: int = 0
    cap: int = 10_000


def counted_measure(model: ModelSpec, metric: str) -> MeasureSpec | None:
    """The measure when `metric` counts distinct people (its table's entity), else None."""
    spec = next((m for m in model.metrics if m.name == metric), None)
    if not isinstance(spec, SimpleMetric):
        return None
    measure = next((m for m in model.measures if m.name == spec.measure), None)
    if measure is None or measure.agg != "count_distinct" or measure.duration is not None:
        return None
    table = model.tables.get(measure.table)
    entity = (table.entity if table else None) or "user_id"
    return measure if measure.column == entity else None


def members(model: ModelSpec, q: MembersQuery) -> exp.Select:
    """The query listing the ids (at most `cap + 1`, so the caller can tell it was capped)."""
    measure = counted_measure(model, q.metric)
    if measure is None:
        raise UserError(
            f"metric '{q.metric}' is not a count of people, so there are no users behind it",
            names=[q.metric],
            hint="export the users behind a count such as active users, new users or purchasers",
        )
    dims = {d.name: d for d in model.dimensions}
    scan = Scan(model, measure.table)
    apply_row_filters(scan, q.row_filters, dims)
    apply_filters(scan, q.filters, dims)
    for cond in measure_conditions(model, measure):
        scan.where(cond)
    for name, value in q.values.items():
        if name not in dims:
            raise UserError(f"unknown dimension '{name}'", names=[name])
        column = scan.dimension(dims[name])
        if value is None:
            scan.where(exp.Is(this=column, expression=exp.Null()))
        else:
            scan.where(filter_condition(column, DimFilter(name, "=", (value,))))
    _time(scan, q)
    entity = exp.column(measure.column or "user_id", BASE)
    select = exp.select(entity.as_("user_id")).distinct()
    return scan.from_(select).order_by("user_id").limit(q.cap + 1)


def _time(scan: Scan, q: MembersQuery) -> None:
    ts = scan.time_column()
    if ts is None:
        return
    if q.start is None:
        scan.where(ts < ts_lit(q.end))
    else:
        scan.where(in_range(ts, q.start, q.end))
    if q.period is not None:
        if q.grain is None:
            raise UserError("a period was given for an answer that is not a time series")
        period = exp.cast(ts_lit(q.period), exp.DataType.Type.DATE)
        bucket = exp.cast(truncate(ts.copy(), q.grain, q.week_start), exp.DataType.Type.DATE)
        scan.where(bucket.eq(period))


__all__ = ["MembersQuery", "counted_measure", "members"]
