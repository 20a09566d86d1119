"""Metrics that can be computed: no cycles, ratios over comparable things, sane formulas."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..problems import Problem
from ..spec_metrics import (
    ConversionMetric,
    DerivedMetric,
    Formula,
    MetricSpec,
    RatioMetric,
    SimpleMetric,
)
from .base import RuleContext


@dataclass(frozen=True)
class MetricCycles:
    """A metric may not be computed from itself, directly or through others."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        graph = {m.name: _metric_refs(ctx, m) for m in ctx.spec.metrics}
        reported: set[frozenset[str]] = set()
        for metric in ctx.spec.metrics:
            cycle = _cycle_from(metric.name, graph)
            if cycle is None or frozenset(cycle) in reported:
                continue
            reported.add(frozenset(cycle))
            path = " → ".join((*cycle, cycle[0]))
            yield ctx.problem(
                metric,
                ("name",),
                message=f"metric '{metric.name}' depends on itself: {path}",
                suggestion="break the cycle: one of these must be computed from measures",
            )


def _metric_refs(ctx: RuleContext, metric: MetricSpec) -> tuple[str, ...]:
    if isinstance(metric, RatioMetric | DerivedMetric):
        return tuple(r for r in metric.references() if ctx.metric_named(r) is not None)
    return ()


def _cycle_from(start: str, graph: dict[str, tuple[str, ...]]) -> tuple[str, ...] | None:
    """The first cycle through `start` (depth first), as the list of its metrics."""
    stack: list[tuple[str, tuple[str, ...]]] = [(start, (start,))]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for ref in graph.get(node, ()):
            if ref == start:
                return path
            if ref not in seen:
                seen.add(ref)
                stack.append((ref, (*path, ref)))
    return None


@dataclass(frozen=True)
class RatioParts:
    """A ratio divides two different things that can be put on the same time range."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for metric in ctx.spec.metrics:
            if not isinstance(metric, RatioMetric):
                continue
            if metric.numerator == metric.denominator:
                yield ctx.problem(
                    metric,
                    ("denominator",),
                    message=f"ratio '{metric.name}' divides '{metric.numerator}' by itself",
                    suggestion="a ratio needs two different metrics or measures",
                )
                continue
            timed = [_timed(ctx, metric.numerator), _timed(ctx, metric.denominator)]
            if None not in timed and timed[0] != timed[1]:
                untimed = metric.denominator if timed[0] else metric.numerator
                yield ctx.problem(
                    metric,
                    ("numerator",),
                    message=(
                        f"ratio '{metric.name}' mixes '{untimed}', which reads a table without a "
                        "time column, with a part that has one"
                    ),
                    suggestion="give the table a 'time' column, or divide things of the same kind",
                )


def _timed(ctx: RuleContext, name: str, depth: int = 0) -> bool | None:
    """Whether `name` (metric or measure) reads only tables that have a time column."""
    metric = ctx.metric_named(name)
    if metric is None or isinstance(metric, SimpleMetric):
        measure_name = name if metric is None else metric.measure
        measure = next((m for m in ctx.spec.measures if m.name == measure_name), None)
        table = ctx.spec.tables.get(measure.table) if measure is not None else None
        return None if table is None else table.time is not None
    if isinstance(metric, ConversionMetric):
        events = ctx.spec.tables.get("events")
        return None if events is None else events.time is not None
    if depth > 20:
        return None  # a cycle: reported by MetricCycles
    parts = [_timed(ctx, ref, depth + 1) for ref in metric.references()]
    return None if None in parts else all(parts)


@dataclass(frozen=True)
class FormulaArithmetic:
    """A derived metric's formula never divides by a literal zero."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for metric in ctx.spec.metrics:
            if isinstance(metric, DerivedMetric) and _divides_by_zero(metric.expr):
                yield ctx.problem(
                    metric,
                    ("expr",),
                    message=f"the formula of metric '{metric.name}' divides by 0",
                    suggestion="divide by a metric or a non-zero number",
                )


def _divides_by_zero(formula: Formula) -> bool:
    if formula.op == "divide" and any(
        isinstance(a, float | int) and not isinstance(a, bool) and a == 0 for a in formula.args[1:]
    ):
        return True
    return any(isinstance(a, Formula) and _divides_by_zero(a) for a in formula.args)


@dataclass(frozen=True)
class ConversionShape:
    """Each step of a conversion metric says which events count (a touchpoint or filters)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for metric in ctx.spec.metrics:
            if not isinstance(metric, ConversionMetric):
                continue
            for key in ("base", "conversion"):
                step = getattr(metric, key)
                if step.touchpoint is None and not step.filters:
                    yield ctx.problem(
                        metric,
                        (key,),
                        message=(
                            f"step '{key}' of conversion metric '{metric.name}' matches every event"
                        ),
                        suggestion="give it a 'touchpoint' or 'filters'",
                    )
            if "events" not in ctx.spec.tables and not ctx.is_broken("tables", "events"):
                yield ctx.problem(
                    metric,
                    ("type",),
                    message=f"conversion metric '{metric.name}' needs the 'events' table",
                    suggestion="add 'events' to the 'tables' section",
                )


@dataclass(frozen=True)
class PurchaseMeasures:
    """The measures `tpa init` builds on the purchase touchpoint (orders, purchasers, first-time
    buyers, purchase revenue) still count it after `settings.purchase_touchpoint` is changed
    (warning: the order metrics would follow the old step, and answers with them)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        purchase = ctx.spec.settings.purchase_touchpoint
        if purchase is None:
            return
        for measure in ctx.spec.measures:
            if measure.name not in _PURCHASE_MEASURES:
                continue
            steps = {
                str(f.value) for f in measure.filters if f.column == "touchpoint" and f.op == "="
            }
            if len(steps) == 1 and purchase not in steps:
                (step,) = steps
                yield ctx.problem(
                    measure,
                    ("filters",),
                    message=(
                        f"measure '{measure.name}' counts touchpoint '{step}', but the purchase "
                        f"touchpoint is '{purchase}'"
                    ),
                    suggestion=f"count '{purchase}' (or rename the measure if '{step}' is meant)",
                    severity="warning",
                )


_PURCHASE_MEASURES = frozenset({"orders", "purchasers", "first_time_buyers", "purchase_revenue"})


__all__ = ["ConversionShape", "FormulaArithmetic", "MetricCycles", "PurchaseMeasures", "RatioParts"]
