"""Time, as docs/design.md "Meanings" defines it: relative specs, exact ranges, comparisons, grains.

A plan stores a `TimeSpec` ("last week"), never dates; `resolve(spec, ctx)` turns it into a
`DateRange` of whole days [start, end) on `ctx.today`. Choices made here:

- Complete days only. Data ends yesterday, so ranges that reach today stop at today:
  "this week/month/quarter/year" and "since X" are [period start, today). On the first day of the
  period that would be empty, so they are today alone, which `DateRange.is_future` flags (no
  complete day of data yet). "today" is [today, tomorrow), flagged the same way.
- "last N days/weeks/months/quarters/years" = the N full periods before the current one;
  N = 1 is yesterday / last week / … (the previous full calendar period).
- A named month, quarter or year without a year is the most recent one up to today; if it is
  the current one it is to date, like "this month". A named day without a year is its most
  recent occurrence up to today (today included).
- "all time" is [date.min, today): no lower bound (`DateRange.open_start`); "until X" is
  [date.min, X + 1 day), ending at today at the latest.
- 环比 (`previous_period`) keeps whole calendar months, quarters and years whole; other ranges
  get the same number of days just before. `comparison_range` also compares a period to date with
  the same stretch of the previous period. 同比 (`same_period_last_year`) moves dates back a year.

    >>> from datetime import date
    >>> ctx = TimeContext(today=date(2026, 11, 23))  # a Monday
    >>> r = resolve(TimeSpec.parse_token("last_week"), ctx)
    >>> r.label(), r.label("zh"), previous_period(r).label()
    ('16–22 Nov 2026', '2026年11月16日–22日', '9–15 Nov 2026')
"""

from __future__ import annotations

from semantic_layer.timeparts.calendar import GRAINS, Grain, shift, truncate, weekday_number
from semantic_layer.timeparts.context import TimeContext
from semantic_layer.timeparts.errors import TimeError
from semantic_layer.timeparts.labels import Language
from semantic_layer.timeparts.ranges import DateRange, periods
from semantic_layer.timeparts.resolve import (
    Comparison,
    comparison_range,
    previous_period,
    resolve,
    same_period_last_year,
)
from semantic_layer.timeparts.spec import (
    AllTime,
    Between,
    Day,
    Last,
    Month,
    PeriodUnit,
    Quarter,
    Range,
    Since,
    SpecForm,
    This,
    Today,
    Until,
    Year,
)
from semantic_layer.timeparts.timespec import TimeSpec

COMPARISONS: tuple[Comparison, ...] = ("previous_period", "same_period_last_year")

__all__ = [
    "COMPARISONS",
    "GRAINS",
    "AllTime",
    "Between",
    "Comparison",
    "DateRange",
    "Day",
    "Grain",
    "Language",
    "Last",
    "Month",
    "PeriodUnit",
    "Quarter",
    "Range",
    "Since",
    "SpecForm",
    "This",
    "TimeContext",
    "TimeError",
    "TimeSpec",
    "Today",
    "Until",
    "Year",
    "comparison_range",
    "periods",
    "previous_period",
    "resolve",
    "same_period_last_year",
    "shift",
    "truncate",
    "weekday_number",
]
