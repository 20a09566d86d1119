"""What a ratio rests on: its numerator and its base (n), as the table, the chart and the text
show them (docs/assistant.md "Numbers people read correctly").

Metric answers carry `<metric>__num` and `<metric>__den` for every ratio and conversion metric.
The base of a rate is its denominator: a rate over fewer than `MIN_BASE` is flagged ("small
base"), and a group whose numerator or base is zero is named for it ("no attributed revenue",
"no marketing cost") instead of being left as an empty bar.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Final, Literal

from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_metrics import ConversionMetric, Format, RatioMetric, SimpleMetric
from semantic_layer.phrasebook import section
from semantic_layer.time import Language

MIN_BASE: Final = 30  # a rate over fewer people (or sessions) than this is flagged
Part = Literal["num", "den"]
SUFFIX: Final[dict[str, Part]] = {"__num": "num", "__den": "den"}
WORDS: Final[dict[Language, dict[str, str]]] = section("answer.bases")


def split_part(column: str) -> tuple[str, Part] | None:
    """("roi", "num") for "roi__num"; None for other columns."""
    for suffix, part in SUFFIX.items():
        if column.endswith(suffix):
            return column.removesuffix(suffix), part
    return None


def part_label(model: SemanticModel, metric: str, part: Part, lang: Language) -> str:
    """ "revenue", "marketing cost"; a rate's base with "(n)": "active users (n)"."""
    spec = model.metrics.get(metric)
    labels = ModelLabels(model)
    words = WORDS[lang]
    if isinstance(spec, ConversionMetric):
        step = spec.conversion if part == "num" else spec.base
        tp = labels.touchpoint(step.touchpoint or "", lang)
        text = words["reached" if part == "num" else "at"].format(tp=tp)
    elif isinstance(spec, RatioMetric):
        text = side_label(model, spec.numerator if part == "num" else spec.denominator, lang)
    else:
        return f"{metric}__{part}"
    return words["n"].format(label=text) if part == "den" and is_rate(model, metric) else text


def side_label(model: SemanticModel, ref: str, lang: Language) -> str:
    """A ratio side's name: its metric's label, else the label of a simple metric over the
    measure, else the measure's name in words."""
    labels = ModelLabels(model)
    if ref in model.metrics:
        return labels.metric(ref, lang)
    for metric in model.spec.metrics:
        if isinstance(metric, SimpleMetric) and metric.measure == ref:
            return labels.metric(metric.name, lang)
    return ref.replace("_", " ")


def part_format(model: SemanticModel, metric: str, part: Part) -> Format:
    """A side's format: the side metric's (currency for spend), else a count."""
    spec = model.metrics.get(metric)
    if isinstance(spec, RatioMetric):
        side = model.metrics.get(spec.numerator if part == "num" else spec.denominator)
        if side is not None:
            return side.format
        measure = model.measures.get(spec.numerator if part == "num" else spec.denominator)
        if measure is not None and measure.agg in ("sum", "avg") and measure.column:
            return "number"
    return "number"


def is_rate(model: SemanticModel, metric: str) -> bool:
    """A share of people or sessions (its base is a count): the ones whose n matters."""
    spec = model.metrics.get(metric)
    return (
        spec is not None
        and spec.format == "percent"
        and isinstance(spec, RatioMetric | ConversionMetric)
    )


def as_float(value: Any) -> float | None:
    """A cell as a float; None for missing, NaN or anything that is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    number = float(value)
    return None if math.isnan(number) else number


def base_of(row: dict[str, Any], metric: str) -> float | None:
    return as_float(row.get(f"{metric}__den"))


def small_base(row: dict[str, Any], metric: str) -> bool:
    n = base_of(row, metric)
    return n is not None and 0 < n < MIN_BASE


__all__ = [
    "MIN_BASE",
    "base_of",
    "is_rate",
    "part_format",
    "part_label",
    "side_label",
    "small_base",
    "split_part",
]
