"""The structured forms of `TimeSpec`: what a planner fills in to say *which* time, relatively.

Each form is a small frozen pydantic model tagged by `kind`. Plans store these, never resolved
dates, so a verified example for "last week" still means last week next month.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from semantic_layer.timeparts.calendar import Grain, month_length
from semantic_layer.timeparts.errors import TimeError

MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_LAST = 3660  # "last N <unit>": at most ten years of days

PeriodUnit = Literal["week", "month", "quarter", "year"]


class SpecForm(BaseModel):
    """Base of the forms: immutable, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise TimeError(f"year {value} is out of range: use a year from {MIN_YEAR} to {MAX_YEAR}")
    return value


def _month(value: int) -> int:
    if not 1 <= value <= 12:
        raise TimeError(f"there is no month {value}: months are 1–12")
    return value


def _date(value: date) -> date:
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise TimeError(
            f"{value.isoformat()} is out of range: use a date from {MIN_YEAR} to {MAX_YEAR}"
        )
    return value


CalendarDate = Annotated[date, AfterValidator(_date)]
YearNumber = Annotated[
    int,
    Field(json_schema_extra={"minimum": MIN_YEAR, "maximum": MAX_YEAR}),
    AfterValidator(_year),
]
MonthNumber = Annotated[
    int, Field(json_schema_extra={"minimum": 1, "maximum": 12}), AfterValidator(_month)
]


class Today(SpecForm):
    """Today so far: [today, tomorrow). Its data is usually incomplete (data ends yesterday)."""

    kind: Literal["today"] = "today"


class Last(SpecForm):
    """The `n` full periods of `unit` before the current one, ending where the current one starts.

    n=1: yesterday, last week, last month, last quarter, last year (previous full calendar period).
    "last 7 days" = the 7 full days before today; "last 4 weeks" = the 4 calendar weeks before
    this week.
    """

    kind: Literal["last"] = "last"
    n: int = Field(description="how many full periods, ≥ 1", json_schema_extra={"minimum": 1})
    unit: Grain

    @field_validator("n")
    @classmethod
    def _n(cls, value: int) -> int:
        if not 1 <= value <= MAX_LAST:
            raise TimeError(f"'last {value}' is out of range: use 1 to {MAX_LAST} periods")
        return value


class This(SpecForm):
    """This week/month/quarter/year to date: [period start, today), complete days only.

    On the period's first day that would be empty, so it is today alone (incomplete, flagged by
    `DateRange.is_future`).
    """

    kind: Literal["this"] = "this"
    unit: PeriodUnit


class Day(SpecForm):
    """One calendar day; without a year, its most recent occurrence up to today."""

    kind: Literal["day"] = "day"
    year: YearNumber | None = None
    month: MonthNumber
    day: int = Field(json_schema_extra={"minimum": 1, "maximum": 31})

    @model_validator(mode="after")
    def _exists(self) -> Day:
        days = month_length(self.year if self.year is not None else 2000, self.month)
        if not 1 <= self.day <= days:
            where = f"month {self.month}" if self.year is None else f"{self.year}-{self.month:02d}"
            raise TimeError(f"there is no day {self.day} in {where}: it has {days} days")
        return self


class Month(SpecForm):
    """One calendar month; without a year, the most recent one up to today (this month included).

    A month that includes today is to date, like `this`.
    """

    kind: Literal["month"] = "month"
    year: YearNumber | None = None
    month: MonthNumber


class Quarter(SpecForm):
    """One calendar quarter; without a year, the most recent one up to today (to date if now)."""

    kind: Literal["quarter"] = "quarter"
    year: YearNumber | None = None
    quarter: int = Field(json_schema_extra={"minimum": 1, "maximum": 4})

    @field_validator("quarter")
    @classmethod
    def _quarter(cls, value: int) -> int:
        if not 1 <= value <= 4:
            raise TimeError(f"there is no quarter {value}: quarters are Q1–Q4")
        return value


class Year(SpecForm):
    """One calendar year (to date if it is the current year)."""

    kind: Literal["year"] = "year"
    year: YearNumber


class Range(SpecForm):
    """An explicit half-open range [start, end): `end` is the day after the last day."""

    kind: Literal["range"] = "range"
    start: CalendarDate
    end: CalendarDate = Field(description="exclusive: the day after the last day")

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.end <= self.start:
            raise TimeError(
                f"the range {self.start}..{self.end} is empty: end is exclusive and must be "
                f"after start (for the single day {self.start} use end "
                f"{date.fromordinal(self.start.toordinal() + 1)})"
            )
        return self


class Between(SpecForm):
    """ "Between X and Y": from `first` through `last`, both days included."""

    kind: Literal["between"] = "between"
    first: CalendarDate
    last: CalendarDate = Field(description="inclusive: the last day in the range")

    @model_validator(mode="after")
    def _ordered(self) -> Between:
        if self.last < self.first:
            raise TimeError(
                f"the range ends ({self.last}) before it starts ({self.first}): swap the dates"
            )
        return self


class Since(SpecForm):
    """From `start` to date: [start, today) (just the day `start` when it is today or later)."""

    kind: Literal["since"] = "since"
    start: CalendarDate


class Until(SpecForm):
    """From the start of the data through `last`, inclusive: [date.min, last + 1 day).

    Like "since", complete days only: when `last` is today or later the range ends at today.
    """

    kind: Literal["until"] = "until"
    last: CalendarDate = Field(description="inclusive: the last day in the range")


class AllTime(SpecForm):
    """Everything up to today: [date.min, today)."""

    kind: Literal["all"] = "all"


SpecFormType = Annotated[
    Today | Last | This | Day | Month | Quarter | Year | Range | Between | Since | Until | AllTime,
    Field(discriminator="kind"),
]
