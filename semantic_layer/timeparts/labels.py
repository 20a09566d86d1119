"""Compact, exact labels for date ranges: "10–16 Nov 2026" / "2026年11月10日–16日"."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, Literal

from semantic_layer.phrasebook import phrase
from semantic_layer.timeparts.calendar import whole_months, whole_periods

Language = Literal["en", "zh"]

MONTH_NAMES: Final[tuple[str, ...]] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DASH: Final = "–"  # en dash


def _t(lang: Language, key: str, **values: object) -> str:
    return phrase(lang, "time", key, **values)


def _month_name(month: int, lang: Language) -> str:
    return _t(lang, f"m{month}")


def day_label(d: date, lang: Language, *, year: bool = True) -> str:
    """One day: "16 Nov 2026" / "2026年11月16日" (without the year: "16 Nov" / "11月16日")."""
    name = _month_name(d.month, lang)
    key = "day" if year else "day_no_year"
    return _t(lang, key, day=d.day, month=d.month, mon=name[:3], year=d.year)


def month_label(month: int, year: int | None, lang: Language) -> str:
    """A calendar month: "November 2026" / "2026年11月" (year None: "November" / "11月")."""
    name = _month_name(month, lang)
    return _t(lang, "month", label=name, year=year) if year is not None else name


def quarter_label(quarter: int, year: int | None, lang: Language) -> str:
    """A calendar quarter: "Q3 2026" / "2026年第三季度" (year None: "Q3" / "第三季度")."""
    name = _t(lang, f"q{quarter}")
    return _t(lang, "quarter", label=name, year=year) if year is not None else name


def year_label(year: int, lang: Language) -> str:
    """A calendar year: "2026" / "2026年"."""
    return _t(lang, "year", year=year)


def range_label(start: date, end: date, lang: Language) -> str:
    """The exact half-open range [start, end) as a person would write it, as compact as is exact."""
    if start == date.min:
        return _t(lang, "until", until=day_label(end - timedelta(days=1), lang))
    for label in (_years, _quarter, _months):
        text = label(start, end, lang)
        if text:
            return text
    return _days(start, end - timedelta(days=1), lang)


def _years(start: date, end: date, lang: Language) -> str:
    count = whole_periods(start, end, "year")
    if not count:
        return ""
    if count == 1:
        return year_label(start.year, lang)
    return f"{year_label(start.year, lang)}{DASH}{year_label(end.year - 1, lang)}"


def _quarter(start: date, end: date, lang: Language) -> str:
    if whole_periods(start, end, "quarter") != 1:
        return ""
    return quarter_label((start.month - 1) // 3 + 1, start.year, lang)


def _months(start: date, end: date, lang: Language) -> str:
    count = whole_months(start, end)
    if not count:
        return ""
    if count == 1:
        return month_label(start.month, start.year, lang)
    last = end - timedelta(days=1)
    if last.year != start.year:
        head = month_label(start.month, start.year, lang)
        tail = month_label(last.month, last.year, lang)
        return _t(lang, "months_across_years", head=head, tail=tail)
    head, tail = month_label(start.month, None, lang), month_label(last.month, None, lang)
    return _t(lang, "months_in_year", head=head, tail=tail, year=start.year)


def _days(first: date, last: date, lang: Language) -> str:
    if first == last:
        return day_label(first, lang)
    same_year = first.year == last.year
    key = "days_across_years"
    if same_year:
        key = "days_in_month" if first.month == last.month else "days_in_year"
    return _t(
        lang, key, first=day_label(first, lang), first_short=day_label(first, lang, year=False),
        first_day=first.day, last=day_label(last, lang),
        last_short=day_label(last, lang, year=False), last_day=last.day,
    )  # fmt: skip
