"""The semantic model file, top to bottom: settings, tables, dimensions, measures, metrics,
touchpoints, journeys, named periods, verified queries and access policies (see
docs/semantic-layer.md)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from .base import Identifier, Named, RowFilter, Strict, Text
from .spec_data import DimensionSpec, MeasureSpec, TableSpec
from .spec_metrics import MetricSpec

Stage = Literal["awareness", "interest", "consideration", "purchase", "retention", "advocacy"]
STAGES: tuple[Stage, ...] = (
    "awareness",
    "interest",
    "consideration",
    "purchase",
    "retention",
    "advocacy",
)
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
EVERYTHING = "*"


class Settings(Strict):
    """Model-wide defaults that give the words of docs/design.md "Meanings" their numbers."""

    timezone: Text
    week_start: Weekday = "monday"
    funnel_window_days: int = Field(default=7, gt=0)
    attribution_lookback_days: int = Field(default=30, gt=0)
    session_gap_minutes: int = Field(default=30, gt=0)
    purchase_touchpoint: Text | None = None
    channel_rule: Literal["first_touch", "last_touch"] = "first_touch"
    journey_filter: Literal["touch", "entry_step"] = Field(
        default="touch",
        description="a filter on an event attribute in a journey analysis picks people by their "
        "first (or last, per channel_rule) touch in the range, or by the event entering the "
        "analysis (entry_step)",
    )
    drivers_min_segment: int = Field(
        default=30,
        ge=0,
        description="drivers leave out segments smaller than this (a rate's base over both "
        "periods, a count's own size)",
    )
    row_limit: int = Field(default=5000, gt=0)
    default_role: Identifier = "analyst"
    currency: Text | None = None
    fiscal_year_start: int | None = Field(
        default=None,
        ge=1,
        le=12,
        description="the month the financial year starts (7 = July); none = by the time zone: "
        "July in Australia, April in the UK, Ireland, India, Japan, New Zealand and Hong Kong, "
        "else January",
    )
    default_period: Text | None = Field(
        default=None,
        description="the period of a question with no time words (a time token such as "
        "last_7_days); none = all the data",
    )


class TouchpointSpec(Named):
    """A kind of interaction (a value of `events.touchpoint`) with its journey stage."""

    id: Text
    stage: Stage
    channel: Text | None = None

    @property
    def key(self) -> str:
        return self.id


class JourneySpec(Named):
    """An ordered list of touchpoints that people are expected to pass through."""

    name: Identifier
    steps: tuple[Text, ...] = Field(min_length=2)
    window_days: int | None = Field(default=None, gt=0)
    default: bool = False

    @property
    def key(self) -> str:
        return self.name


class DateSpan(Strict):
    """Days from `first` through `last`, both included."""

    first: date
    last: date

    @model_validator(mode="after")
    def _in_order(self) -> DateSpan:
        if self.last < self.first:
            raise ValueError(f"`last` ({self.last}) is before `first` ({self.first})")
        return self


class YearlySpan(Strict):
    """The same days every year, as "MM-DD": `first: "06-01"`, `last: "06-18"`; a span that
    wraps the year ("12-20" to "01-05") ends in the next."""

    first: Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
    last: Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]


class PeriodSpec(Named):
    """A named stretch of the business's calendar — its own sale, season, event or closure
    ("618大促" of 1–18 June, "the dinosaur exhibition") — on given dates and/or every year. A
    question naming it means its latest occurrence that has started by today, or the one of a
    year said with it; it wins over a built-in holiday of the same name."""

    name: Identifier
    dates: tuple[DateSpan, ...] = ()
    yearly: YearlySpan | None = None

    @model_validator(mode="after")
    def _some_days(self) -> PeriodSpec:
        if not self.dates and self.yearly is None:
            raise ValueError("a period needs `dates` or `yearly`")
        return self

    @property
    def key(self) -> str:
        return self.name


class VerifiedQuery(Strict):
    """Questions with the plan a person checked answers them (a QueryPlan as a mapping)."""

    questions: tuple[Text, ...] = Field(min_length=1)
    plan: dict[str, Any]
    verified_by: Text
    verified_at: date


# Kinds of analysis a policy can allow (clarifications and refusals are always allowed).
Analysis = Literal[
    "metric", "funnel", "dropoff", "paths", "retention", "attribution", "drivers", "sql"
]
ANSWERS_ONLY: frozenset[str] = frozenset({"clarify", "unsupported"})


class PolicySpec(Strict):
    """What a role may see: metrics, dimensions and kinds of analysis (`"*"` for all) and rows
    (filters, ANDed). Journey analyses (funnel, drop-off, paths, retention) name no metric, so a
    role limited to, say, service metrics lists the analyses it may run as well."""

    description: str = ""
    metrics: Literal["*"] | tuple[Identifier, ...]
    dimensions: Literal["*"] | tuple[Identifier, ...] = "*"
    analyses: Literal["*"] | tuple[Analysis, ...] = "*"
    row_filters: tuple[RowFilter, ...] = ()
    export: bool = False  # may list the user ids behind a count (`/v1/answers/{id}/users`)
    reviewer: bool = False  # may approve or reject thumbs-up examples for retrieval
    read_all_sessions: bool = False  # may read every principal's sessions and answers (audit)

    def allows_analysis(self, kind: str) -> bool:
        return self.analyses == EVERYTHING or kind in self.analyses or kind in ANSWERS_ONLY

    def allows_metric(self, name: str) -> bool:
        return self.metrics == EVERYTHING or name in self.metrics

    def allows_dimension(self, name: str) -> bool:
        return self.dimensions == EVERYTHING or name in self.dimensions


class ModelSpec(Strict):
    """A whole semantic model file."""

    version: Literal[1]
    name: Identifier
    description: str = ""
    settings: Settings
    tables: dict[Identifier, TableSpec] = Field(min_length=1)
    dimensions: tuple[DimensionSpec, ...] = ()
    measures: tuple[MeasureSpec, ...] = ()
    metrics: tuple[MetricSpec, ...] = ()
    touchpoints: tuple[TouchpointSpec, ...] = ()
    journeys: tuple[JourneySpec, ...] = ()
    periods: tuple[PeriodSpec, ...] = ()
    verified_queries: tuple[VerifiedQuery, ...] = ()
    policies: dict[Identifier, PolicySpec] = Field(default_factory=dict)


# The sections of a model file in order, and the key that names an item of each list section.
LIST_SECTIONS: dict[str, str] = {
    "dimensions": "name",
    "measures": "name",
    "metrics": "name",
    "touchpoints": "id",
    "journeys": "name",
    "periods": "name",
    "verified_queries": "",
}
MAP_SECTIONS = ("tables", "policies")

__all__ = [
    "EVERYTHING",
    "LIST_SECTIONS",
    "MAP_SECTIONS",
    "STAGES",
    "DateSpan",
    "JourneySpec",
    "ModelSpec",
    "PeriodSpec",
    "PolicySpec",
    "Settings",
    "Stage",
    "TouchpointSpec",
    "VerifiedQuery",
    "Weekday",
    "YearlySpan",
]
