"""Metrics: simple, ratio, derived (a structured formula) and conversion (MetricFlow style)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from .base import Filter, Identifier, Named, Strict, Text

Format = Literal["number", "percent", "currency", "duration_minutes", "duration_hours", "multiple"]
FormulaOp = Literal["add", "subtract", "multiply", "divide"]


class MetricBase(Named):
    """What every metric has: a name, labels, synonyms, a display format and a direction."""

    name: Identifier
    format: Format = "number"
    higher_is_better: bool = True

    @property
    def key(self) -> str:
        return self.name

    def references(self) -> tuple[str, ...]:
        """Names of the measures or metrics this metric is computed from."""
        return ()


class SimpleMetric(MetricBase):
    """One measure as it is: `{type: simple, measure: revenue}`."""

    type: Literal["simple"] = "simple"
    measure: Identifier

    def references(self) -> tuple[str, ...]:
        return (self.measure,)


class RatioMetric(MetricBase):
    """`numerator / denominator`, each a metric or a measure (a metric of that name first)."""

    type: Literal["ratio"] = "ratio"
    numerator: Identifier
    denominator: Identifier

    def references(self) -> tuple[str, ...]:
        return (self.numerator, self.denominator)


class Formula(Strict):
    """`{op: subtract, args: [promoter_share, detractor_share]}`; args are metrics, numbers or
    nested formulas, applied left to right."""

    op: FormulaOp
    args: tuple[float | Identifier | Formula, ...] = Field(min_length=2)

    def names(self) -> Iterator[str]:
        """Every metric name used, depth first."""
        for arg in self.args:
            if isinstance(arg, Formula):
                yield from arg.names()
            elif isinstance(arg, str):
                yield arg


class DerivedMetric(MetricBase):
    """A formula over other metrics: `{type: derived, expr: {op: …, args: […]}}`."""

    type: Literal["derived"] = "derived"
    expr: Formula

    def references(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.expr.names()))


class ConversionStep(Strict):
    """Which events count as the step: a touchpoint, filters on `events` columns, or both."""

    touchpoint: Text | None = None
    filters: tuple[Filter, ...] = ()


class ConversionMetric(MetricBase):
    """Share of entities doing `base` that then do `conversion` within `window_days`."""

    type: Literal["conversion"] = "conversion"
    base: ConversionStep
    conversion: ConversionStep
    entity: Text = "user_id"
    window_days: int | None = Field(default=None, gt=0)


def _metric_type(data: Any) -> str | None:
    """The metric's `type`, or the one its keys imply when `type` is left out."""
    if isinstance(data, dict):
        if "type" in data:
            return str(data["type"])
        for key, kind in (
            ("measure", "simple"),
            ("numerator", "ratio"),
            ("expr", "derived"),
            ("base", "conversion"),
        ):
            if key in data:
                return kind
        return None
    return getattr(data, "type", None)


MetricSpec = Annotated[
    Annotated[SimpleMetric, Tag("simple")]
    | Annotated[RatioMetric, Tag("ratio")]
    | Annotated[DerivedMetric, Tag("derived")]
    | Annotated[ConversionMetric, Tag("conversion")],
    Discriminator(
        _metric_type,
        custom_error_type="metric_type",
        custom_error_message="unknown metric type",
    ),
]
METRIC_TYPES = ("simple", "ratio", "derived", "conversion")

__all__ = [
    "METRIC_TYPES",
    "ConversionMetric",
    "ConversionStep",
    "DerivedMetric",
    "Format",
    "Formula",
    "FormulaOp",
    "MetricBase",
    "MetricSpec",
    "RatioMetric",
    "SimpleMetric",
]
