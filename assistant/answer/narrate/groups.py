"""The groups a metric answer names apart: those a ratio cannot place (no numerator, no base),
rates over small bases, and breakdowns read through the model's links to other tables."""

from __future__ import annotations

from typing import Any

from assistant.answer.bases import MIN_BASE, base_of, is_rate, side_label, small_base
from assistant.answer.narrate.numbers import as_float
from assistant.answer.narrate.say import Say
from semantic_layer.model.spec_metrics import RatioMetric, SimpleMetric
from semantic_layer.phrasebook import grammar, series
from semantic_layer.plan import MetricPlan

Row = dict[str, Any]


def group(say: Say, plan: MetricPlan, row: Row) -> str:
    """A row's group: its dimension values' labels ("official website / iOS")."""
    return " / ".join(say.value(d, row.get(f"d_{d}")) for d in plan.dimensions)


def nothing_over(say: Say, m: str, row: Row) -> bool:
    """A ratio of amounts whose numerator is zero ("spend but no revenue"): named apart."""
    spec = say.model.metrics.get(m)
    if not isinstance(spec, RatioMetric) or is_rate(say.model, m):
        return False
    num, den = as_float(row.get(f"{m}__num")), as_float(row.get(f"{m}__den"))
    return num == 0 and bool(den)


def apart(say: Say, plan: MetricPlan, m: str) -> list[str]:
    """ "Email and SMS had marketing cost but no revenue (0.0×)." and "App had no marketing
    cost, so it has no ROI." — the groups a ranking of a ratio cannot place."""
    spec = say.model.metrics.get(m)
    if not isinstance(spec, RatioMetric) or not say.table.has(f"{m}__den"):
        return []
    records = say.table.records()
    zero = [r for r in records if nothing_over(say, m, r)]
    no_base = [r for r in records if not as_float(r.get(f"{m}__den"))]
    num = side_label(say.model, spec.numerator, say.lang)
    den = side_label(say.model, spec.denominator, say.lang)
    out = []
    if zero:
        names = say.join([group(say, plan, r) for r in zero])
        value = say.metric_value(m, 0)
        out.append(say.t("zero_num", names=names, num=num, den=den, value=value))
    if no_base:
        names = say.join([group(say, plan, r) for r in no_base])
        out.append(say.t("no_base", names=names, den=den, metric=say.metric(m)))
    return out


def small(say: Say, plan: MetricPlan, m: str) -> list[str]:
    """Rates over fewer than `MIN_BASE`: "Small base: customer service (20 active users)"."""
    if not is_rate(say.model, m) or not say.table.has(f"{m}__den"):
        return []
    small = [r for r in say.table.records() if small_base(r, m)]
    if not small:
        return []
    spec = say.model.metrics.get(m)
    base = (
        side_label(say.model, spec.denominator, say.lang) if isinstance(spec, RatioMetric) else ""
    )
    items = [
        say.t("small_item", name=group(say, plan, r), n=say.num.number(base_of(r, m)), base=base)
        for r in small
    ]
    return [say.t("small_base", items=say.join(items), least=MIN_BASE)]


def links(say: Say, plan: MetricPlan) -> str:
    """Which column a breakdown was read from, when one of the metric's tables keeps it under
    another name (the model's `also_in` links: spend by its marketing channel, new users by
    their acquisition channel)."""
    parts = []
    for d in plan.dimensions:
        dim = say.model.dimensions.get(d)
        if dim is None:
            continue
        sides = []
        for measure in {
            m.name: m for name in plan.metrics for m in say.model.measures_of(name)
        }.values():
            column = dim.column_in(measure.table)
            if column is None and measure.table in dim.also_in:
                column = dim.also_in[measure.table]
            if column is None:
                continue
            what = _measure_label(say, measure.name)
            sides.append((what, f"{measure.table}.{column}", measure.table != dim.table))
        if any(linked for *_, linked in sides):
            items = [say.t("link_item", what=w, column=c) for w, c, _ in sides]
            joined = series(items, sep=say.word("links_sep"), last=say.word("links_last"))
            parts.append(say.t("links", dim=say.dimension(d), items=joined))
    return grammar(say.lang).words(parts)


def _measure_label(say: Say, measure: str) -> str:
    """A measure's name for people: the label of the simple metric over it, else its name."""
    for metric in say.model.spec.metrics:
        if isinstance(metric, SimpleMetric) and metric.measure == measure:
            return say.metric(metric.name)
    return measure.replace("_", " ")


__all__ = ["apart", "group", "links", "nothing_over", "small"]
