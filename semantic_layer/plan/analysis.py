"""Plans over metrics: `metric` (measures × breakdowns × time) and `drivers` (why it changed)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from semantic_layer.plan.common import AnalysisPlan, Limit, Name, Order, References, no_duplicates
from semantic_layer.time import Comparison, Grain, TimeSpec

ChannelRule = Literal["first_touch", "last_touch"]


class MetricPlan(AnalysisPlan):
    """Metrics, optionally broken down by dimensions and over time, compared, ranked, cut.

    "conversion rate by channel this month" → metrics ["conversion_rate"], dimensions ["channel"].
    """

    kind: Literal["metric"] = "metric"
    metrics: list[Name] = Field(min_length=1, max_length=10)
    dimensions: list[Name] = Field(default_factory=list, max_length=5)
    grain: Grain | None = Field(default=None, description="a time series at this grain, or none")
    compare: Comparison | None = Field(
        default=None, description="also compute the previous period (环比) or last year (同比)"
    )
    baseline: TimeSpec | None = Field(
        default=None,
        description='an explicit period to compare with ("did Q2 beat Q1": time Q2, baseline '
        "Q1); it replaces `compare`'s period",
    )
    order: Order | None = None
    limit: Limit | None = None
    channel_rule: ChannelRule | None = Field(
        default=None,
        description="for metrics by channel: credit the user's first or last touch "
        "(none = the model's rule, first touch by default)",
    )

    @model_validator(mode="before")
    @classmethod
    def _baseline_compares(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("baseline") is not None and not data.get("compare"):
            return {**data, "compare": "previous_period"}  # an explicit baseline is a comparison
        return data

    @model_validator(mode="after")
    def _consistent(self) -> MetricPlan:
        no_duplicates(self.metrics, "metric")
        no_duplicates(self.dimensions, "dimension")
        if self.order is not None and self.order.by not in (*self.metrics, *self.dimensions):
            raise ValueError(
                f"cannot order by '{self.order.by}': order by one of the plan's metrics "
                f"or dimensions ({', '.join((*self.metrics, *self.dimensions))})"
            )
        return self

    def references(self) -> References:
        """The metrics, breakdowns and filter dimensions."""
        return References.of(
            metrics=self.metrics, dimensions=[*self.dimensions, *self.filter_dimensions()]
        )


class DriversPlan(AnalysisPlan):
    """Why a metric changed between a baseline period and `time`, split by each dimension.

    The baseline is `compare` (previous period by default) or an explicit `baseline` time.
    """

    kind: Literal["drivers"] = "drivers"
    metric: Name
    compare: Comparison | None = Field(
        default="previous_period", description="the baseline period; none when `baseline` is set"
    )
    baseline: TimeSpec | None = Field(default=None, description="an explicit baseline time")
    dimensions: list[Name] = Field(
        default_factory=list, max_length=20, description="empty = every dimension allowed"
    )
    limit: Limit = 10

    @model_validator(mode="before")
    @classmethod
    def _baseline_replaces_compare(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("baseline") is not None and "compare" not in data:
            return {**data, "compare": None}
        return data

    @model_validator(mode="after")
    def _one_baseline(self) -> DriversPlan:
        no_duplicates(self.dimensions, "dimension")
        if (self.compare is None) == (self.baseline is None):
            raise ValueError(
                "give exactly one baseline: `compare` (previous_period or "
                "same_period_last_year) or an explicit `baseline` time, and set the other to null"
            )
        return self

    def references(self) -> References:
        """The metric and the dimensions it is split by."""
        return References.of(
            metrics=[self.metric], dimensions=[*self.dimensions, *self.filter_dimensions()]
        )
