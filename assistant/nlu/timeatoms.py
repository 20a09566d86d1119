"""Time atoms, the smallest time phrases of a question, and the calendar arithmetic they need.

An `Atom` is complete — a TimeSpec form ("last week", "yesterday") — or a calendar name (`Part`:
a year, month, quarter, half, day or holiday) that may still lack its year, so that
`timeranges.py` can join it with its neighbours ("March to June 2026", "去年3月"). Some atoms point
back to the period named before them (`Anaphor`: "the week before", "前14天" after "近14天"), and
some say "all the data" ("all time", "至今"). `timepatterns.py` finds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final, Literal

from semantic_layer.timeparts.calendar import Grain, shift, truncate

from . import holidays

Form = dict[str, Any]  # the JSON form of a TimeSpec
ONE_DAY: Final = timedelta(days=1)
AnaphorKind = Literal["before", "previous", "last_year"]


@dataclass(frozen=True)
class Part:
    """A calendar name with the fields its words give. A missing year means the most recent one
    that has started; with `last` ("last March"), the most recent one before the current month."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    holiday: str | None = None
    last: bool = False

    @property
    def complete(self) -> bool:
        """Whether it names a period on its own (a bare day number "9日" does not)."""
        return self.day is None or self.month is not None


@dataclass(frozen=True)
class Anaphor:
    """A period named relative to the one before it: `n` `unit`s just before it ("before"), the
    previous period of the same length ("previous"), or the same period a year earlier."""

    kind: AnaphorKind
    n: int = 1
    unit: Grain = "day"


@dataclass(frozen=True)
class Atom:
    """A time phrase at [start, end) of the normalised question."""

    start: int
    end: int
    form: Form | None = None  # what it means on its own
    part: Part | None = None  # the calendar name, when it can still be combined
    anaphor: Anaphor | None = None  # what it means right after another period
    everything: bool = False  # "all time", "so far": all the data, unless a period is named


def bounds(p: Part, year: int) -> tuple[date, date] | None:
    """[start, end) of `p` in `year`; None when there is no such day (31 Feb, an unknown year)."""
    try:
        if p.holiday is not None:
            found = holidays.occurrence(p.holiday, year)
            return None if found is None else (found[0], found[1] + ONE_DAY)
        if p.day is not None:
            if p.month is None:
                return None
            first = date(year, p.month, p.day)
            return first, first + ONE_DAY
        if p.month is not None:
            return _span(date(year, p.month, 1), "month")
        if p.quarter is not None:
            return _span(date(year, 3 * p.quarter - 2, 1), "quarter")
        if p.half is not None:
            start = date(year, 6 * p.half - 5, 1)
            return start, shift(start, "month", 6)
        return _span(date(year, 1, 1), "year")
    except ValueError:
        return None


def _span(start: date, grain: Grain) -> tuple[date, date]:
    return start, shift(start, grain)


def year_of(p: Part, today: date) -> int | None:
    """The year `p` means: its own, else the most recent one that has started by today (with
    `last`: that started before the current month, quarter or half — or before today)."""
    if p.year is not None:
        return p.year
    cutoff = _current_start(p, today) if p.last else today + ONE_DAY
    for year in range(today.year, today.year - 9, -1):
        found = bounds(p, year)
        if found is not None and found[0] < cutoff:
            return year
    return None


def _current_start(p: Part, today: date) -> date:
    if p.month is not None and p.day is None:
        return truncate(today, "month")
    if p.quarter is not None:
        return truncate(today, "quarter")
    if p.half is not None:
        return date(today.year, 1 if today.month <= 6 else 7, 1)
    return today


def part_range(p: Part, today: date) -> tuple[date, date] | None:
    """[start, end) of `p` in the year it means, not cut at today."""
    year = year_of(p, today)
    return None if year is None else bounds(p, year)


def part_form(p: Part, today: date) -> Form | None:
    """The TimeSpec form of `p` on its own. A month, quarter or day named without a year stays
    relative ("--03"), so that a stored plan keeps meaning the most recent one."""
    relative = p.year is None and not p.last
    if p.holiday is None and p.half is None:
        if not p.complete:
            return None
        year = None if relative else year_of(p, today)
        if p.day is not None:
            return {"kind": "day", "year": year, "month": p.month, "day": p.day}
        if p.month is not None:
            return {"kind": "month", "year": year, "month": p.month}
        if p.quarter is not None:
            return {"kind": "quarter", "year": year, "quarter": p.quarter}
        return None if p.year is None else {"kind": "year", "year": p.year}
    if p.holiday is not None and relative and holidays.is_fixed_day(p.holiday):
        first = holidays.occurrence(p.holiday, 2000)
        assert first is not None
        return {"kind": "day", "year": None, "month": first[0].month, "day": first[0].day}
    found = part_range(p, today)
    return None if found is None else period(found[0], found[1], today)


def period(start: date, end: date, today: date) -> Form:
    """[start, end) as a form: one day, since `start` when it includes today, else its days."""
    if end - start == ONE_DAY:
        return {"kind": "day", "year": start.year, "month": start.month, "day": start.day}
    if start <= today < end:
        return {"kind": "since", "start": start}
    return {"kind": "between", "first": start, "last": end - ONE_DAY}


def days_from(start: date, days: int = 1) -> Form:
    """`days` days from `start`, as a half-open range."""
    return {"kind": "range", "start": start, "end": start + timedelta(days=days)}


__all__ = [
    "ONE_DAY",
    "Anaphor",
    "AnaphorKind",
    "Atom",
    "Form",
    "Part",
    "bounds",
    "days_from",
    "part_form",
    "part_range",
    "period",
    "year_of",
]
