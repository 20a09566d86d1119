"""Each item is complete and consistent on its own: measures, dimensions, filters, journeys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from ..base import Condition, RowFilter
from ..problems import Problem
from ..spec_data import Bucket, DimensionSpec, MeasureSpec
from ..spec_metrics import ConversionMetric
from .base import RuleContext

NEEDS_INPUT = ("sum", "avg", "min", "max", "median", "percentile", "count_distinct")


@dataclass(frozen=True)
class MeasureShape:
    """The aggregation has what it needs: a column or a duration, a percentile for percentile."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for measure in ctx.spec.measures:
            yield from _measure(ctx, measure)


def _measure(ctx: RuleContext, m: MeasureSpec) -> Iterator[Problem]:
    what = f"measure '{m.name}'"
    if m.column is not None and m.duration is not None:
        yield ctx.problem(
            m,
            ("duration",),
            message=f"{what} has both 'column' and 'duration'",
            suggestion="keep one",
        )
    elif m.agg in NEEDS_INPUT and m.column is None and m.duration is None:
        yield ctx.problem(
            m,
            ("agg",),
            message=f"'{m.agg}' in {what} needs a 'column' (or a 'duration')",
            suggestion="add one",
        )
    if m.agg == "count_distinct" and m.duration is not None:
        yield ctx.problem(
            m,
            ("duration",),
            message=f"{what} counts distinct durations",
            suggestion="use a column, or median/avg",
        )
    if m.agg == "percentile" and m.percentile is None:
        yield ctx.problem(
            m,
            ("agg",),
            message=f"{what} needs 'percentile' (between 0 and 1)",
            suggestion="e.g. percentile: 0.9",
        )
    if m.agg != "percentile" and m.percentile is not None:
        yield ctx.problem(
            m,
            ("percentile",),
            message=f"'percentile' in {what} only applies to agg 'percentile'",
            suggestion="remove it, or set agg: percentile",
        )
    table = ctx.spec.tables.get(m.table)
    if m.first_only and table is not None and table.time is None:
        yield ctx.problem(
            m,
            ("first_only",),
            message=f"{what} counts first rows only, but table '{m.table}' has no 'time' column",
            suggestion="add 'time' to the table, or remove first_only",
        )
    elif table is not None and table.time is None:
        yield ctx.problem(
            m,
            ("table",),
            message=f"{what} reads table '{m.table}', which has no 'time' column",
            suggestion=(
                "it can only be counted over all time; add 'time' to the table if it has one"
            ),
            severity="warning",
        )


@dataclass(frozen=True)
class DimensionShape:
    """A dimension reads one column or one expression; time dimensions have grains, not values."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for dim in ctx.spec.dimensions:
            yield from _dimension(ctx, dim)


def _dimension(ctx: RuleContext, d: DimensionSpec) -> Iterator[Problem]:
    what = f"dimension '{d.name}'"
    if (d.column is None) == (d.expr is None):
        yield ctx.problem(
            d, ("name",), message=f"{what} needs exactly one of 'column' and 'expr'", suggestion=""
        )
    if d.type == "time":
        if d.values:
            yield ctx.problem(
                d, ("values",), message=f"time {what} lists values", suggestion="remove 'values'"
            )
        if d.expr is not None:
            yield ctx.problem(
                d,
                ("expr",),
                message=f"time {what} uses an expression",
                suggestion="use a timestamp 'column'",
            )
    elif d.grains is not None:
        yield ctx.problem(
            d,
            ("grains",),
            message=f"'grains' only apply to time dimensions ({what})",
            suggestion="set type: time",
        )
    seen: set[str] = set()
    for i, value in enumerate(d.values):
        text = str(value.value)
        if text in seen:
            yield ctx.problem(
                d, ("values", i), message=f"value '{text}' is listed twice in {what}", suggestion=""
            )
        seen.add(text)
    if isinstance(d.expr, Bucket):
        yield from _bucket(ctx, d, d.expr)


def _bucket(ctx: RuleContext, d: DimensionSpec, b: Bucket) -> Iterator[Problem]:
    if list(b.edges) != sorted(set(b.edges)):
        yield ctx.problem(
            d,
            ("expr", "edges"),
            message=f"bucket edges of '{d.name}' must increase",
            suggestion="sort them",
        )
    if b.labels is not None and len(b.labels) != len(b.edges) + 1:
        yield ctx.problem(
            d,
            ("expr", "labels"),
            message=f"'{d.name}' has {len(b.edges)} edges, so it needs {len(b.edges) + 1} labels",
            suggestion="one label per range, lowest first",
        )


@dataclass(frozen=True)
class ConditionShape:
    """Every filter's operator gets the value(s) it needs; row filters name one target."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for measure in ctx.spec.measures:
            for i, cond in enumerate(measure.filters):
                yield from _condition(ctx, measure, ("filters", i), cond)
        for metric in ctx.spec.metrics:
            if isinstance(metric, ConversionMetric):
                for key in ("base", "conversion"):
                    for i, cond in enumerate(getattr(metric, key).filters):
                        yield from _condition(ctx, metric, (key, "filters", i), cond)
        for policy in ctx.spec.policies.values():
            for i, row in enumerate(policy.row_filters):
                yield from _condition(ctx, policy, ("row_filters", i), row)


def _condition(
    ctx: RuleContext, item: BaseModel, path: tuple[str | int, ...], cond: Condition
) -> Iterator[Problem]:
    problem = cond.arity_problem()
    if problem is not None:
        yield ctx.problem(item, path, message=problem, suggestion="")
    if isinstance(cond, RowFilter) and (cond.dimension is None) == (cond.column is None):
        yield ctx.problem(
            item,
            path,
            message="a row filter names exactly one 'dimension' or 'column'",
            suggestion="e.g. region",
        )


@dataclass(frozen=True)
class DefaultJourney:
    """Exactly one journey is the default (the one "which touchpoint lost the most" uses)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        journeys = ctx.spec.journeys
        defaults = [j for j in journeys if j.default]
        if journeys and not defaults:
            yield ctx.problem(
                journeys[0],
                ("name",),
                message="no journey is the default",
                suggestion=f"add 'default: true' to one journey (e.g. '{journeys[0].name}')",
            )
        for extra in defaults[1:]:
            yield ctx.problem(
                extra,
                ("default",),
                message=(
                    f"journey '{extra.name}' is a second default "
                    f"(the first is '{defaults[0].name}')"
                ),
                suggestion="only one journey can have 'default: true'",
            )


__all__ = ["ConditionShape", "DefaultJourney", "DimensionShape", "MeasureShape"]
