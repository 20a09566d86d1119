"""What a watch follows: one number per period, read off a saved question's plan.

A plan that yields a number or a series can be watched — a metric (its first metric; breakdowns
are dropped, filters kept), a funnel (conversion from the first to the last step), a drop-off
(the share lost at one step) — and each comes with what says how much to trust a period: its base
size (the people or rows behind the number) and its kind (rate, count, other) for the noise floor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.kinds import KINDS, kind_of
from assistant.watches.detect import ValueKind
from assistant.watches.errors import WatchError
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import ConversionMetric, RatioMetric, SimpleMetric
from semantic_layer.phrasebook import phrase
from semantic_layer.plan import DropoffPlan, Filter, FunnelPlan, MetricPlan, QueryPlan
from semantic_layer.time import Language

WATCHABLE = tuple(kind.name for kind in KINDS if kind.watchable)
_COUNTS = ("count", "count_distinct")


@dataclass(frozen=True)
class Target:
    """The plan that computes the number, how to read it off the result, and its base size."""

    plan: QueryPlan
    kind: ValueKind
    higher_is_better: bool
    metric: str | None = None
    base_plan: MetricPlan | None = None  # the base size per period, when it is another query
    step: str | None = None  # the drop-off step watched
    notes: tuple[str, ...] = ()

    def label(self, model: SemanticModel, lang: Language) -> str:
        """The watched number's name: the metric's label, or the journey measure's."""
        labels = ModelLabels(model)
        if self.metric is not None:
            return labels.metric(self.metric, lang)
        plan = self.plan
        if isinstance(plan, DropoffPlan) and self.step is not None:
            tp = labels.touchpoint(self.step, lang)
            return phrase(lang, "watch", "lost_rate", touchpoint=tp)
        steps = _steps(plan, model)
        first, last = labels.touchpoint(steps[0], lang), labels.touchpoint(steps[-1], lang)
        return phrase(lang, "watch", "conversion", first=first, last=last)


def target_of(plan: QueryPlan, model: SemanticModel) -> Target:
    """The watchable number of `plan`, or a `WatchError` saying which questions can be watched."""
    if not kind_of(plan.kind).watchable:
        raise _not_watchable(plan)
    if isinstance(plan, MetricPlan):
        return _metric_target(plan, model)
    if isinstance(plan, FunnelPlan) and plan.measure == "conversion":
        plain = plan.model_copy(update={"breakdown": None})
        return Target(plain, "rate", True, notes=_dropped(plan.breakdown))
    if isinstance(plan, DropoffPlan):
        cut = plan.model_copy(update={"breakdown": None, "limit": None})
        steps = _steps(plan, model)
        step = steps[0] if plan.steps is not None and len(steps) == 2 else None
        return Target(cut, "rate", False, step=step, notes=_dropped(plan.breakdown))
    raise _not_watchable(plan)  # a funnel that measures time to convert


def _not_watchable(plan: QueryPlan) -> WatchError:
    return WatchError("not_watchable", kind=plan.kind, code="not_watchable")


def _metric_target(plan: MetricPlan, model: SemanticModel) -> Target:
    name = plan.metrics[0]
    spec = model.metric(name)
    notes = [*(_dropped(", ".join(plan.dimensions)) if plan.dimensions else ())]
    if len(plan.metrics) > 1:
        notes.append(f"only the first metric ({name}) is watched")
    plain = MetricPlan(metrics=[name], filters=plan.filters, language=plan.language,
                       channel_rule=plan.channel_rule)  # fmt: skip
    kind, base = _metric_base(name, plan.filters, model)
    if spec.format == "percent":
        kind = "rate"
    return Target(plain, kind, spec.higher_is_better, name, base, notes=tuple(notes))


def _metric_base(
    name: str, filters: list[Filter], model: SemanticModel
) -> tuple[ValueKind, MetricPlan | None]:
    """The metric's kind and the plan that counts its base (None when the value is the count)."""
    spec = model.metric(name)
    if isinstance(spec, SimpleMetric):
        measure = model.measure(spec.measure)
        if measure.agg in _COUNTS:
            return "count", None
        if measure.agg == "sum":
            return "other", None
        rows = _row_count(model, measure.table)
        kind: ValueKind = "mean" if measure.agg == "avg" else "median"
        return kind, None if rows is None else MetricPlan(metrics=[rows], filters=filters)
    if isinstance(spec, RatioMetric):
        denominator = _metric_named(model, spec.denominator)
        if denominator is not None:
            return "mean", MetricPlan(metrics=[denominator], filters=filters)
        return "other", None
    if (
        isinstance(spec, ConversionMetric)
        and spec.base.touchpoint
        and "touchpoint" in (model.dimensions)
    ):
        people = _row_count(model, "events", distinct=True)
        if people is not None:
            did = Filter(dimension="touchpoint", values=[spec.base.touchpoint])
            return "rate", MetricPlan(metrics=[people], filters=[*filters, did])
    return "other", None


def _metric_named(model: SemanticModel, name: str) -> str | None:
    """The metric `name`, else a simple metric over the measure `name` (ratios name either)."""
    if name in model.metrics:
        return name
    for metric in model.metrics.values():
        if isinstance(metric, SimpleMetric) and metric.measure == name:
            return metric.name
    return None


def _row_count(model: SemanticModel, table: str, distinct: bool = False) -> str | None:
    """A metric counting the rows (or, `distinct`, the people) of `table`, without filters."""
    entity = model.tables[table].entity if table in model.tables else None
    for metric in model.metrics.values():
        if not isinstance(metric, SimpleMetric):
            continue
        m = model.measure(metric.measure)
        if m.table != table or m.filters:
            continue
        if (distinct and m.agg == "count_distinct" and m.column == entity) or (
            not distinct and m.agg == "count"
        ):
            return metric.name
    return None


def _steps(plan: Any, model: SemanticModel) -> list[str]:
    steps = plan.steps or model.journey(plan.journey).steps
    return [str(s) for s in steps]


def _dropped(breakdown: str | None) -> tuple[str, ...]:
    return () if not breakdown else (f"the total is watched; the breakdown by {breakdown} is not",)


__all__ = ["WATCHABLE", "Target", "target_of"]
