"""Compact, exact labels for date ranges: "10–16 Nov 2026" / "2026年11月10日–16日"."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final, Literal

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
QUARTERS_ZH: Final[tuple[str, ...]] = ("第一季度", "第二季度", "第三季度", "第四季度")
DASH: Final = "–"  # en dash


def day_label(d: date, lang: Language, *, year: bool = True) -> str:
    """One day: "16 Nov 2026" / "2026年11月16日" (without the year: "16 Nov" / "11月16日")."""
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日" if year else f"{d.month}月{d.day}日"
    text = f"{d.day} {MONTH_NAMES[d.month - 1][:3]}"
    return f"{text} {d.year}" if year else text


def month_label(month: int, year: int | None, lang: Language) -> str:
    """A calendar month: "November 2026" / "2026年11月" (year None: "November" / "11月")."""
    if lang == "zh":
        return f"{year}年{month}月" if year is not None else f"{month}月"
    name = MONTH_NAMES[month - 1]
    return f"{name} {year}" if year is not None else name


def quarter_label(quarter: int, year: int | None, lang: Language) -> str:
    """A calendar quarter: "Q3 2026" / "2026年第三季度" (year None: "Q3" / "第三季度")."""
    if lang == "zh":
        name = QUARTERS_ZH[quarter - 1]
        return f"{year}年{name}" if year is not None else name
    return f"Q{quarter} {year}" if year is not None else f"Q{quarter}"


def year_label(year: int, lang: Language) -> str:
    """A calendar year: "2026" / "2026年"."""
    return f"{year}年" if lang == "zh" else str(year)


def range_label(start: date, end: date, lang: Language) -> str:
    """The exact half-open range [start, end) as a person would write it, as compact as is exact."""
    if start == date.min:
        until = day_label(end - timedelta(days=1), lang)
        return f"截至{until}" if lang == "zh" else f"up to {until}"
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
        return f"{head}{DASH}{tail}" if lang == "zh" else f"{head} {DASH} {tail}"
    head, tail = month_label(start.month, None, lang), month_label(last.month, None, lang)
    if lang == "zh":
        return f"{start.year}年{head}{DASH}{tail}"
    return f"{head}{DASH}{tail} {start.year}"


def _days(first: date, last: date, lang: Language) -> str:
    if first == last:
        return day_label(first, lang)
    same_year = first.year == last.year
    same_month = same_year and first.month == last.month
    if lang == "zh":
        if same_month:
            tail = f"{last.day}日"
        elif same_year:
            tail = day_label(last, lang, year=False)
        else:
            tail = day_label(last, lang)
        return f"{day_label(first, lang)}{DASH}{tail}"
    if same_month:
        return f"{first.day}{DASH}{day_label(last, lang)}"
    head = day_label(first, lang, year=not same_year)
    return f"{head} {DASH} {day_label(last, lang)}"
