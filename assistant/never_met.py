"""A filter that no row of the metric ever meets: "ebook loans last month" answered as checkouts
where the format is e-book, when e-books are lent by another touchpoint, is a confident 0.

When a metric answer is empty or zero and has filters, each filter is tried alone with the
metric over all the data (one small query each, only in that case). A filter under which the
metric has never been anything but zero makes the answer say so and lowers its confidence: the
question was probably read with the wrong metric or value, and a plain 0 would mislead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import language, phrase, section
from semantic_layer.plan import MetricPlan, QueryPlan, parse_plan

# How sure an answer is whose filter never met the metric's rows (below coverage.CONFIDENT).
UNSURE: Final = 0.5

Probe = Callable[[QueryPlan], float | None]  # a plan's single value, None when it has no rows


def never_met(
    plan: QueryPlan, data: dict[str, Any], model: SemanticModel, probe: Probe
) -> str | None:
    """The note for the first filter under which `plan`'s metric was never non-zero, if the
    answer (`data`: its columns and rows) is empty or zero; None otherwise."""
    if not isinstance(plan, MetricPlan) or not plan.filters or not _nothing(data, plan.metrics):
        return None
    metric = plan.metrics[0]
    for f in plan.filters:
        if f.op not in ("=", "in"):
            continue
        alone = parse_plan(
            {"kind": "metric", "language": plan.language, "time": {"kind": "all"},
             "metrics": [metric], "filters": [f.model_dump(mode="json")]}
        )  # fmt: skip
        if probe(alone):
            continue
        lang = language(plan.language)
        dim = model.dimensions[f.dimension]
        shown = [_value_label(dim.values, v, lang) for v in f.values]
        return phrase(
            lang, "service", "never_met",
            metric=model.metrics[metric].label(lang), dimension=dim.label(lang),
            values=section("choices")[lang]["read_as_sep"].join(shown),
        )  # fmt: skip
    return None


def _nothing(data: dict[str, Any], metrics: Sequence[str]) -> bool:
    """No rows, or every value of the metrics' columns zero or empty."""
    columns: list[str] = list(data.get("columns") or [])
    rows: list[list[Any]] = list(data.get("rows") or [])
    at = [columns.index(m) for m in metrics if m in columns]
    if not rows:
        return True
    return bool(at) and all(not row[i] for row in rows for i in at)


def _value_label(values: Sequence[Any], value: object, lang: str) -> str:
    found = next((v for v in values if v.value == value), None)
    return found.label(lang) if found is not None else str(value)


__all__ = ["UNSURE", "Probe", "never_met"]
