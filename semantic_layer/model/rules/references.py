"""Every name the model uses points at something the model defines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from ..problems import Problem
from ..spec_metrics import ConversionMetric, DerivedMetric, RatioMetric, SimpleMetric
from .base import RuleContext, suggest


@dataclass(frozen=True)
class KnownTables:
    """Measures, dimensions and joins name tables of the `tables` section."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        tables = ctx.spec.tables
        for measure in ctx.spec.measures:
            yield from _table(
                ctx, measure, path=("table",), table=measure.table, what=f"measure '{measure.name}'"
            )
        for dim in ctx.spec.dimensions:
            what = f"dimension '{dim.name}'"
            yield from _table(ctx, dim, path=("table",), table=dim.table, what=what)
            for other in dim.also_in:
                yield from _table(ctx, dim, path=("also_in", other), table=other, what=what)
                if other == dim.table:
                    yield ctx.problem(
                        dim,
                        ("also_in", other),
                        message=f"'also_in' of {what} repeats its own table '{other}'",
                        suggestion="list only the other tables that hold the same values",
                    )
        for name, table in tables.items():
            for i, join in enumerate(table.joins):
                yield from _table(
                    ctx,
                    table,
                    path=("joins", i),
                    table=join.table,
                    what=f"a join of table '{name}'",
                )
                if join.on is None and table.entity is None:
                    yield ctx.problem(
                        table,
                        ("joins", i),
                        message=f"the join from '{name}' to '{join.table}' needs 'on'",
                        suggestion=(
                            f"table '{name}' has no 'entity' to join on; name the shared column"
                        ),
                    )


def _table(
    ctx: RuleContext, item: BaseModel, *, path: tuple[str | int, ...], table: str, what: str
) -> Iterator[Problem]:
    if table not in ctx.spec.tables and not ctx.is_broken("tables", table):
        yield ctx.problem(
            item,
            path,
            message=f"unknown table '{table}' in {what}",
            suggestion=suggest(table, ctx.spec.tables),
        )


@dataclass(frozen=True)
class MetricReferences:
    """Simple metrics name measures; ratios name metrics or measures; formulas name metrics."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        measures = {m.name for m in ctx.spec.measures}
        metrics = {m.name for m in ctx.spec.metrics}
        for metric in ctx.spec.metrics:
            what = f"metric '{metric.name}'"
            if isinstance(metric, SimpleMetric):
                yield from _ref(
                    ctx,
                    metric,
                    key="measure",
                    name=metric.measure,
                    known=measures,
                    what=what,
                    section="measures",
                )
            elif isinstance(metric, RatioMetric):
                for key in ("numerator", "denominator"):
                    name = getattr(metric, key)
                    yield from _ref(
                        ctx,
                        metric,
                        key=key,
                        name=name,
                        known=measures | metrics,
                        what=what,
                        section="metrics",
                    )
            elif isinstance(metric, DerivedMetric):
                yield from _formula_refs(ctx, metric, metrics, measures)


def _ref(
    ctx: RuleContext,
    item: BaseModel,
    *,
    key: str,
    name: str,
    known: set[str],
    what: str,
    section: str,
) -> Iterator[Problem]:
    if name in known or ctx.is_broken(section, name) or ctx.is_broken("measures", name):
        return
    kind = "measure" if section == "measures" else "metric or measure"
    yield ctx.problem(
        item, (key,), message=f"unknown {kind} '{name}' in {what}", suggestion=suggest(name, known)
    )


def _formula_refs(
    ctx: RuleContext, metric: DerivedMetric, metrics: set[str], measures: set[str]
) -> Iterator[Problem]:
    for name in metric.expr.names():
        if name in metrics or ctx.is_broken("metrics", name):
            continue
        if name in measures:
            yield ctx.problem(
                metric,
                ("expr",),
                message=(
                    f"'{name}' in the formula of metric '{metric.name}' is a measure, not a metric"
                ),
                suggestion=f"add a simple metric for measure '{name}' and use that",
            )
        else:
            yield ctx.problem(
                metric,
                ("expr",),
                message=f"unknown metric '{name}' in the formula of metric '{metric.name}'",
                suggestion=suggest(name, metrics),
            )


@dataclass(frozen=True)
class TouchpointReferences:
    """Journeys, conversion metrics and settings name touchpoints the model defines."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        ids = {t.id for t in ctx.spec.touchpoints}
        for journey in ctx.spec.journeys:
            for i, step in enumerate(journey.steps):
                what = f"journey '{journey.name}'"
                yield from _touchpoint(ctx, journey, path=("steps", i), tp=step, ids=ids, what=what)
                if i and journey.steps[i - 1] == step:
                    yield ctx.problem(
                        journey,
                        ("steps", i),
                        message=(
                            f"step '{step}' repeats the step before it in journey '{journey.name}'"
                        ),
                        suggestion="remove the repetition: each step must be a new touchpoint",
                    )
        for metric in ctx.spec.metrics:
            if isinstance(metric, ConversionMetric):
                for key in ("base", "conversion"):
                    step_spec = getattr(metric, key)
                    if step_spec.touchpoint is not None:
                        path = (key, "touchpoint")
                        what = f"metric '{metric.name}'"
                        yield from _touchpoint(
                            ctx, metric, path=path, tp=step_spec.touchpoint, ids=ids, what=what
                        )
        purchase = ctx.spec.settings.purchase_touchpoint
        if purchase is not None:
            where = ("purchase_touchpoint",)
            yield from _touchpoint(
                ctx, ctx.spec.settings, path=where, tp=purchase, ids=ids, what="settings"
            )
        period = ctx.spec.settings.default_period
        if period is not None:
            from semantic_layer.time import TimeSpec

            try:
                TimeSpec.parse(period)
            except ValueError as exc:
                yield ctx.problem(
                    ctx.spec.settings,
                    ("default_period",),
                    message=f"default_period '{period}' is not a period: {exc}",
                    suggestion=(
                        "use a time token such as last_7_days, last_week or this_month, "
                        "or remove it"
                    ),
                )


def _touchpoint(
    ctx: RuleContext,
    item: BaseModel,
    *,
    path: tuple[str | int, ...],
    tp: str,
    ids: set[str],
    what: str,
) -> Iterator[Problem]:
    if tp not in ids and not ctx.is_broken("touchpoints", tp):
        yield ctx.problem(
            item,
            path,
            message=f"unknown touchpoint '{tp}' in {what}",
            suggestion=suggest(tp, ids) if ids else "define it in the 'touchpoints' section",
        )


__all__ = ["KnownTables", "MetricReferences", "TouchpointReferences"]
