"""Turning a `TimeSpec` into dates, and the periods it is compared with (环比, 同比)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from semantic_layer.timeparts.calendar import (
    CalendarGrain,
    add_months,
    shift,
    truncate,
    whole_months,
    whole_periods,
)
from semantic_layer.timeparts.context import TimeContext
from semantic_layer.timeparts.errors import TimeError
from semantic_layer.timeparts.ranges import DateRange
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

Comparison = Literal["previous_period", "same_period_last_year"]
ONE_DAY = timedelta(days=1)
LARGEST_FIRST: tuple[CalendarGrain, ...] = ("year", "quarter", "month")


def resolve(spec: TimeSpec | SpecForm, ctx: TimeContext) -> DateRange:
    """The exact, non-empty range of days `spec` means on `ctx.today`.

    Ranges that reach today are to date: they end at today (complete days only), or are today
    alone when that would leave them empty (on the first day of "this month", "since today").
    A named month, quarter or year that includes today is to date in the same way.
    """
    form = spec.root if isinstance(spec, TimeSpec) else spec
    today = ctx.today
    match form:
        case Today():
            return DateRange.day(today)
        case AllTime():
            return DateRange(date.min, today)
        case Last(n=n, unit=unit):
            current = truncate(today, unit, ctx.week_start)
            return DateRange(shift(current, unit, -n), current)
        case This(unit=unit):
            return to_date(truncate(today, unit, ctx.week_start), today)
        case Range(start=start, end=end):
            return DateRange(start, end)
        case Between(first=first, last=last):
            return DateRange(first, last + ONE_DAY)
        case Since(start=start):
            return to_date(start, today)
        case Until(last=last):
            return DateRange(date.min, min(last + ONE_DAY, today))
    return _named(form, today)


def _named(form: SpecForm, today: date) -> DateRange:
    """A named day, month, quarter or year (the most recent one when the year is left out)."""
    match form:
        case Day(year=year, month=month, day=day):
            return DateRange.day(_recent_day(year, month, day, today))
        case Month(year=year, month=month):
            year = year if year is not None else _recent_year(month, today.month, today)
            return _calendar_period(date(year, month, 1), "month", today)
        case Quarter(year=year, quarter=quarter):
            current = (today.month - 1) // 3 + 1
            year = year if year is not None else _recent_year(quarter, current, today)
            return _calendar_period(date(year, 3 * quarter - 2, 1), "quarter", today)
        case Year(year=year):
            return _calendar_period(date(year, 1, 1), "year", today)
    raise AssertionError(f"unhandled time form {form!r}")


def to_date(start: date, today: date) -> DateRange:
    """[start, today), or the day `start` alone when that is empty (start is today or later)."""
    return DateRange(start, today if today > start else start + ONE_DAY)


def _calendar_period(start: date, grain: CalendarGrain, today: date) -> DateRange:
    end = shift(start, grain)
    return to_date(start, today) if start <= today < end else DateRange(start, end)


def _recent_year(number: int, current: int, today: date) -> int:
    """The year of the most recent month/quarter `number` up to today (this one included)."""
    return today.year if number <= current else today.year - 1


def _recent_day(year: int | None, month: int, day: int, today: date) -> date:
    if year is not None:
        return date(year, month, day)
    for back in range(9):  # 29 February recurs within eight years
        candidate_year = today.year - back
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    raise TimeError(f"no {month:02d}-{day:02d} in the eight years up to {today.isoformat()}")


def previous_period(r: DateRange) -> DateRange:
    """环比: the period just before `r`, of the same length.

    Whole calendar years, quarters or months give the same number of whole previous ones (all of
    February before March); any other range gives the same number of days just before it (a
    calendar week gives the previous week).
    """
    _comparable(r)
    for grain in LARGEST_FIRST:
        count = whole_periods(r.start, r.end, grain)
        if count:
            return DateRange(shift(r.start, grain, -count), r.start)
    return DateRange(_minus_days(r.start, r.days), r.start)


def same_period_last_year(r: DateRange) -> DateRange:
    """同比: the same calendar dates one year earlier.

    Whole months stay whole months (February 2025 → all of February 2024); otherwise the first and
    last days move back a year, 29 February becoming 28 February.
    """
    _comparable(r)
    if whole_months(r.start, r.end):
        return DateRange(add_months(r.start, -12), add_months(r.end, -12))
    return DateRange(add_months(r.start, -12), add_months(r.last_day, -12) + ONE_DAY)


def comparison_range(
    spec: TimeSpec | SpecForm, ctx: TimeContext, comparison: Comparison
) -> DateRange:
    """The range `spec` is compared with, knowing what the spec means.

    Like `previous_period` / `same_period_last_year` on the resolved range, except that a period
    to date (this month, or a named month that includes today) is compared, for 环比, with the same
    stretch of the previous period: 1–22 Nov with 1–22 Oct (clamped: 1–30 Mar with all February).
    """
    current = resolve(spec, ctx)
    if comparison == "same_period_last_year":
        return same_period_last_year(current)
    unit = _to_date_unit(spec.root if isinstance(spec, TimeSpec) else spec, current, ctx.today)
    if unit is None:
        return previous_period(current)
    start = shift(current.start, unit, -1)
    last = min(shift(current.last_day, unit, -1), current.start - ONE_DAY)
    return DateRange(start, last + ONE_DAY)


def _to_date_unit(form: SpecForm, current: DateRange, today: date) -> PeriodUnit | None:
    """The period a range to date runs within (None when the range is not to date)."""
    match form:
        case This(unit=unit):
            return unit
        case Month() | Quarter() | Year():
            grain: CalendarGrain = form.kind
            return grain if current.start <= today < shift(current.start, grain) else None
    return None


def _comparable(r: DateRange) -> None:
    if r.open_start:
        raise TimeError("all time has no earlier period to compare with: choose a period")


def _minus_days(d: date, days: int) -> date:
    try:
        return d - timedelta(days=days)
    except OverflowError:
        raise TimeError(f"there is no period {days} days before {d.isoformat()}") from None
