"""Plans over sequences of touchpoints: funnel, drop-off, paths, retention and attribution."""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field, model_validator

from semantic_layer.plan.common import AnalysisPlan, Limit, Name, References, WindowDays
from semantic_layer.time import Last, TimeSpec

Steps = Annotated[list[Name], Field(min_length=2, max_length=20)]
FilterScope = Literal["people", "steps"]
FILTER_SCOPE_HELP: Final = (
    "what a filter on an event attribute (channel, device) selects: people, by their first "
    "touch in the range, with every step they take on any channel ('the funnel for users from "
    "paid ads'); or steps, only the events that happened there ('the funnel on the app'). "
    "none = people"
)
AttributionModel = Literal[
    "first_touch", "last_touch", "linear", "time_decay", "position_based", "markov", "all"
]


class JourneyPlan(AnalysisPlan):
    """The fields funnel and drop-off share: which journey, its steps, window and breakdown."""

    journey: Name | None = Field(default=None, description="journey name; none = the default")
    steps: Steps | None = Field(
        default=None, description="explicit touchpoint ids in order; overrides `journey`"
    )
    window_days: WindowDays | None = Field(
        default=None, description="conversion window; none = the journey's or model's (7 days)"
    )
    breakdown: Name | None = Field(default=None, description="a dimension to split by")
    filter_scope: FilterScope | None = Field(default=None, description=FILTER_SCOPE_HELP)

    def references(self) -> References:
        """The journey (unless steps override it), the steps and the dimensions."""
        return References.of(
            journeys=[self.journey if self.steps is None else None],
            touchpoints=self.steps or (),
            dimensions=[self.breakdown, *self.filter_dimensions()],
        )


class FunnelPlan(JourneyPlan):
    """Users reaching each step in order within the window: conversion, or time to convert."""

    kind: Literal["funnel"] = "funnel"
    measure: Literal["conversion", "time_to_convert"] = "conversion"


class DropoffPlan(JourneyPlan):
    """Users lost at each step (reached it, never reached the next), ranked by how many (or by
    the share of those who reached it: "the highest drop-off rate")."""

    kind: Literal["dropoff"] = "dropoff"
    limit: Limit | None = Field(default=None, description="the top N steps; none = all steps")
    rank_by: Literal["lost", "lost_rate"] = Field(
        default="lost", description="rank steps by users lost, or by lost / reached"
    )


class PathsPlan(AnalysisPlan):
    """What users do after (or before) a touchpoint, within sessions."""

    kind: Literal["paths"] = "paths"
    touchpoint: Name = Field(description="the anchor touchpoint id")
    direction: Literal["after", "before"] = "after"
    mode: Literal["next", "top_paths"] = Field(
        default="next", description="the next touchpoint, or the most common paths"
    )
    depth: int = Field(default=3, ge=1, le=10, description="touchpoints per path for top_paths")
    limit: Limit = 10
    session_gap_minutes: int | None = Field(
        default=None, ge=1, le=1440, description="session split; none = the model's (30 minutes)"
    )
    filter_scope: FilterScope | None = Field(default=None, description=FILTER_SCOPE_HELP)

    def references(self) -> References:
        """The anchor touchpoint and the filter dimensions."""
        return References.of(touchpoints=[self.touchpoint], dimensions=self.filter_dimensions())


RETENTION_PERIODS: Final = {"day": 90, "week": 52, "month": 24, "quarter": 8}


class RetentionPlan(AnalysisPlan):
    """Cohorts by first qualifying event in `time`; the share returning in each later period.

    Filters select the cohort (e.g. acquisition_channel = mini_program). The default time is the
    last 12 weeks of cohorts.
    """

    kind: Literal["retention"] = "retention"
    time: TimeSpec = Field(default=TimeSpec(Last(n=12, unit="week")))
    cohort_grain: Literal["day", "week", "month", "quarter"] = "week"
    periods: int = Field(
        default=8,
        ge=1,
        le=90,
        description="later periods: ≤ 90 days, 52 weeks or 24 months",
    )
    cohort_touchpoint: Name | None = Field(
        default=None, description="the first qualifying event; none = any event"
    )
    return_touchpoint: Name | None = Field(
        default=None, description="what counts as returning; none = any event"
    )
    filter_scope: FilterScope | None = Field(default=None, description=FILTER_SCOPE_HELP)

    @model_validator(mode="after")
    def _periods(self) -> RetentionPlan:
        most = RETENTION_PERIODS[self.cohort_grain]
        if self.periods > most:
            raise ValueError(
                f"{self.periods} periods is too many for {self.cohort_grain}ly cohorts: "
                f"at most {most}"
            )
        return self

    def references(self) -> References:
        """The cohort and return touchpoints and the filter dimensions."""
        return References.of(
            touchpoints=[self.cohort_touchpoint, self.return_touchpoint],
            dimensions=self.filter_dimensions(),
        )


class AttributionPlan(AnalysisPlan):
    """Credit for conversions (or revenue) shared among the channels or touchpoints before them."""

    kind: Literal["attribution"] = "attribution"
    model: AttributionModel = Field(
        default="last_touch", description="the attribution model; all = compare every model"
    )
    by: Literal["channel", "touchpoint"] = "channel"
    conversion_touchpoint: Name | None = Field(
        default=None, description="the conversion; none = the model's purchase touchpoint"
    )
    value: Literal["conversions", "revenue"] = "conversions"
    lookback_days: int | None = Field(
        default=None, ge=1, le=90, description="touches counted before it; none = 30 days"
    )
    half_life_days: int = Field(default=7, ge=1, le=90, description="for time_decay")

    def references(self) -> References:
        """The conversion touchpoint and the filter dimensions."""
        return References.of(
            touchpoints=[self.conversion_touchpoint], dimensions=self.filter_dimensions()
        )
