"""With values sampled from the database: the values the model names occur in the data, and the
touchpoints the data has are in the model (warnings: data changes, and samples can miss)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from ..base import Condition, Scalar
from ..problems import Problem
from ..spec_data import DimensionSpec
from ..spec_metrics import ConversionMetric
from .base import RuleContext, suggest


def as_text(value: Scalar) -> str:
    """A model value as the text sampled values are compared in."""
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class TouchpointsInData:
    """Every touchpoint of the model occurs in `events.touchpoint`, and vice versa."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        seen = _values(ctx, "events", "touchpoint")
        if seen is None or not ctx.spec.touchpoints:
            return
        ids = {t.id for t in ctx.spec.touchpoints}
        for tp in ctx.spec.touchpoints:
            if tp.id not in seen:
                yield ctx.problem(
                    tp,
                    ("id",),
                    message=f"touchpoint '{tp.id}' does not occur in events.touchpoint",
                    suggestion=suggest(tp.id, seen - ids),
                    severity="warning",
                )
        yield from _not_in_model(ctx, seen - ids)
        yield from _channels_not_in_data(ctx)


def _not_in_model(ctx: RuleContext, unknown: set[str] | frozenset[str]) -> Iterator[Problem]:
    missing = sorted(t for t in unknown if not ctx.is_broken("touchpoints", t))
    if not missing:
        return
    listed = ", ".join(missing[:10]) + (", …" if len(missing) > 10 else "")
    some = "touchpoint occurs" if len(missing) == 1 else f"{len(missing)} touchpoints occur"
    yield ctx.problem(
        ctx.spec,
        ("touchpoints",),
        message=f"{some} in the data but not in the model: {listed}",
        suggestion="add them to 'touchpoints' so questions can name them",
        severity="warning",
    )


def _channels_not_in_data(ctx: RuleContext) -> Iterator[Problem]:
    channels = _values(ctx, "events", "channel")
    if channels is None:
        return
    for tp in ctx.spec.touchpoints:
        if tp.channel is not None and tp.channel not in channels:
            yield ctx.problem(
                tp,
                ("channel",),
                message=(
                    f"channel '{tp.channel}' of touchpoint '{tp.id}' does not occur in the data"
                ),
                suggestion=suggest(tp.channel, channels),
                severity="warning",
            )


@dataclass(frozen=True)
class ValuesInData:
    """Listed dimension values and filter values occur in their columns."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for d in ctx.spec.dimensions:
            if d.column is None:
                continue
            seen = _dimension_values(ctx, d)
            for i, value in enumerate(d.values):
                text = as_text(value.value)
                if seen is not None and text not in seen:
                    yield ctx.problem(
                        d,
                        ("values", i),
                        message=(
                            f"value '{text}' of dimension '{d.name}' does not occur in the data"
                        ),
                        suggestion=suggest(text, seen),
                        severity="warning",
                    )
        for m in ctx.spec.measures:
            for i, f in enumerate(m.filters):
                yield from _filter(ctx, m, path=("filters", i), table=m.table, cond=f)
        for metric in ctx.spec.metrics:
            if isinstance(metric, ConversionMetric):
                for key in ("base", "conversion"):
                    for i, f in enumerate(getattr(metric, key).filters):
                        yield from _filter(
                            ctx, metric, path=(key, "filters", i), table="events", cond=f
                        )


def _filter(
    ctx: RuleContext,
    item: BaseModel,
    *,
    path: tuple[str | int, ...],
    table: str,
    cond: Condition,
) -> Iterator[Problem]:
    column = getattr(cond, "column", None)
    seen = _values(ctx, table, column) if isinstance(column, str) else None
    if seen is None or cond.op not in ("=", "!=", "in", "not_in"):
        return
    for value in cond.operands():
        if isinstance(value, str | bool) and as_text(value) not in seen:
            yield ctx.problem(
                item,
                path,
                message=f"filter value '{as_text(value)}' does not occur in {table}.{column}",
                suggestion=suggest(as_text(value), seen),
                severity="warning",
            )


def _dimension_values(ctx: RuleContext, d: DimensionSpec) -> frozenset[str] | None:
    """Values seen in any of the dimension's columns (None when none of them was sampled)."""
    columns = [(d.table, d.column), *d.also_in.items()]
    sets = [_values(ctx, t, c) for t, c in columns if c is not None]
    found = [s for s in sets if s is not None]
    return frozenset().union(*found) if found else None


def _values(ctx: RuleContext, table: str, column: str) -> frozenset[str] | None:
    if ctx.samples is None:
        return None
    return ctx.samples.get(table, {}).get(column)


__all__ = ["TouchpointsInData", "ValuesInData", "as_text"]
