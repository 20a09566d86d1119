"""Calendar arithmetic: grains, truncation, month shifts, period starts and alignment."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Final, Literal, get_args

from semantic_layer.timeparts.errors import TimeError

Grain = Literal["day", "week", "month", "quarter", "year"]
GRAINS: Final[tuple[Grain, ...]] = get_args(Grain)
CalendarGrain = Literal["month", "quarter", "year"]  # the grains made of whole months
MONTHS: Final[dict[CalendarGrain, int]] = {"month": 1, "quarter": 3, "year": 12}
WEEKDAYS: Final[tuple[str, ...]] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)


def weekday_number(value: str | int) -> int:
    """0 = Monday … 6 = Sunday, from a number or an English day name ("monday", "Sun")."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value <= 6:
            return value
        raise TimeError(f"week_start {value} is not a weekday number: use 0 (Monday) … 6 (Sunday)")
    if isinstance(value, str):
        name = value.strip().lower()
        matches = [i for i, day in enumerate(WEEKDAYS) if len(name) >= 3 and day.startswith(name)]
        if len(matches) == 1:
            return matches[0]
    raise TimeError(f"week_start {value!r} is not a weekday: use a name such as 'monday'")


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, the day clamped to the month's length (31 Mar − 1 → 28 Feb)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise TimeError(f"{d.isoformat()} moved by {months} months leaves the calendar")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_days(d: date, days: int) -> date:
    """`d` moved by whole days, with a readable error at the ends of the calendar."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        raise TimeError(f"{d.isoformat()} moved by {days} days leaves the calendar") from None


def truncate(d: date, grain: Grain, week_start: int = 0) -> date:
    """The first day of the `grain` period containing `d` (weeks start on `week_start`, 0 = Mon)."""
    if grain == "day":
        return d
    if grain == "week":
        return add_days(d, -((d.weekday() - week_start) % 7))
    if grain == "month":
        return d.replace(day=1)
    if grain == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    return date(d.year, 1, 1)


def shift(d: date, grain: Grain, n: int = 1) -> date:
    """`d` moved by `n` periods of `grain` (month-based grains clamp the day)."""
    if grain == "day":
        return add_days(d, n)
    if grain == "week":
        return add_days(d, 7 * n)
    return add_months(d, MONTHS[grain] * n)


def period_starts(start: date, end: date, grain: Grain, week_start: int = 0) -> list[date]:
    """The start of every `grain` period that overlaps [start, end), in order.

    The first may fall before `start` when `start` is not aligned (a partial first period).
    """
    out: list[date] = []
    current = truncate(start, grain, week_start)
    while current < end:
        out.append(current)
        current = shift(current, grain)
    return out


def whole_months(start: date, end: date) -> int | None:
    """How many whole calendar months [start, end) spans, or None when it is not month-aligned."""
    if start.day != 1 or end.day != 1:
        return None
    return (end.year - start.year) * 12 + end.month - start.month


def whole_periods(start: date, end: date, grain: CalendarGrain) -> int | None:
    """How many whole calendar months, quarters or years [start, end) spans, else None."""
    months = whole_months(start, end)
    size = MONTHS[grain]
    if months is None or months % size or (start.month - 1) % size:
        return None
    return months // size


def month_length(year: int, month: int) -> int:
    """Days in the month."""
    return calendar.monthrange(year, month)[1]
