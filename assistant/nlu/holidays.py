"""Holidays and shopping festivals by date: generic calendar knowledge, not data.

`occurrence(key, year)` gives the first and last day (inclusive) of a holiday in a year, `latest`
its most recent occurrence that has started by a given day (a holiday named without a year means
that one, like a month named without a year). The rules:

- Fixed dates: 双十一 / Singles' Day 11 Nov, 双十二 12 Dec, 618 18 Jun, 520 20 May, 元旦 1 Jan,
  情人节 14 Feb, 平安夜 24 Dec, 圣诞 25 Dec, New Year's Eve 31 Dec, Australia Day 26 Jan, Anzac
  Day 25 Apr, Waitangi Day 6 Feb, St Patrick's Day 17 Mar (one day each).
- Fixed holiday weeks: 国庆 / National Day 1–7 Oct, 五一 / 劳动节 1–5 May (the usual official
  spans; a year's actual arrangement can differ by a day); "Golden Week" is China's National Day
  week, or Japan's 29 Apr – 5 May for a model in Japan's time zone; Obon 13–16 Aug (Japan).
- Black Friday: the day after Thanksgiving (the fourth Thursday of November), so the
  fourth or fifth Friday; Cyber Monday: the Monday after it.
- Western holidays by their rules: Thanksgiving (US), Labor Day (US and Canada, the first Monday
  of September), Memorial Day (the last Monday of May), Independence Day 4 Jul, Canada Day 1 Jul,
  Boxing Day 26 Dec, Halloween 31 Oct, Easter Sunday (the Gregorian computus), Good Friday and
  Easter Monday, England's early May, spring and August bank holidays (the first Monday of May,
  the last Mondays of May and of August), Mother's Day and Father's Day (the second Sunday of May,
  the third Sunday of June, as in the US and China).
- Lunar and solar-term dates come from tables for 2020–2030 (春节 = the first day of the lunar
  year, 除夕 / 大年三十 the day before, 初一 … 初十 = 春节 + N − 1, 元宵 = 春节 + 14, 七夕, 中秋,
  端午, 清明). Outside those years they are unknown, so a question naming one is left unread
  rather than guessed.
- 春节期间 / 春节假期 / the Spring Festival holiday = the official holiday window for the years
  the State Council has published (2020–2026), otherwise the eight days from 除夕 to 初七 (the
  statutory arrangement since 2025).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

Span = tuple[date, date]  # first and last day, both included

_FIXED: Final[dict[str, tuple[tuple[int, int], tuple[int, int]]]] = {
    "singles_day": ((11, 11), (11, 11)),
    "double_12": ((12, 12), (12, 12)),
    "618": ((6, 18), (6, 18)),
    "520": ((5, 20), (5, 20)),
    "new_year": ((1, 1), (1, 1)),
    "valentines": ((2, 14), (2, 14)),
    "christmas_eve": ((12, 24), (12, 24)),
    "christmas": ((12, 25), (12, 25)),
    "new_years_eve": ((12, 31), (12, 31)),
    "national_day": ((10, 1), (10, 7)),
    "independence_day": ((7, 4), (7, 4)),
    "canada_day": ((7, 1), (7, 1)),
    "boxing_day": ((12, 26), (12, 26)),
    "halloween": ((10, 31), (10, 31)),
    "labour_day": ((5, 1), (5, 5)),
    "australia_day": ((1, 26), (1, 26)),
    "anzac_day": ((4, 25), (4, 25)),
    "waitangi_day": ((2, 6), (2, 6)),
    "st_patricks_day": ((3, 17), (3, 17)),
    "japan_golden_week": ((4, 29), (5, 5)),
    "obon": ((8, 13), (8, 16)),
}

_CHINESE_NEW_YEAR: Final = {
    2020: date(2020, 1, 25), 2021: date(2021, 2, 12), 2022: date(2022, 2, 1),
    2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29),
    2026: date(2026, 2, 17), 2027: date(2027, 2, 6), 2028: date(2028, 1, 26),
    2029: date(2029, 2, 13), 2030: date(2030, 2, 3),
}  # fmt: skip
# The official Spring Festival holiday (放假调休) as published, first and last day.
_SPRING_HOLIDAY: Final = {
    2020: (date(2020, 1, 24), date(2020, 2, 2)), 2021: (date(2021, 2, 11), date(2021, 2, 17)),
    2022: (date(2022, 1, 31), date(2022, 2, 6)), 2023: (date(2023, 1, 21), date(2023, 1, 27)),
    2024: (date(2024, 2, 10), date(2024, 2, 17)), 2025: (date(2025, 1, 28), date(2025, 2, 4)),
    2026: (date(2026, 2, 15), date(2026, 2, 23)),
}  # fmt: skip
_QIXI: Final = {
    2020: (8, 25), 2021: (8, 14), 2022: (8, 4), 2023: (8, 22), 2024: (8, 10), 2025: (8, 29),
    2026: (8, 19), 2027: (8, 8), 2028: (8, 26), 2029: (8, 16), 2030: (8, 5),
}  # fmt: skip
_MID_AUTUMN: Final = {
    2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17), 2025: (10, 6),
    2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12),
}  # fmt: skip
_QINGMING: Final = {
    2020: (4, 4), 2021: (4, 4), 2022: (4, 5), 2023: (4, 5), 2024: (4, 4), 2025: (4, 4),
    2026: (4, 5), 2027: (4, 5), 2028: (4, 4), 2029: (4, 4), 2030: (4, 5),
}  # fmt: skip
_DRAGON_BOAT: Final = {
    2020: (6, 25), 2021: (6, 14), 2022: (6, 3), 2023: (6, 22), 2024: (6, 10), 2025: (5, 31),
    2026: (6, 19), 2027: (6, 9), 2028: (5, 28), 2029: (6, 16), 2030: (6, 5),
}  # fmt: skip
_LUNAR: Final = {"qixi": _QIXI, "mid_autumn": _MID_AUTUMN, "qingming": _QINGMING,
                 "dragon_boat": _DRAGON_BOAT}  # fmt: skip


def _black_friday(year: int) -> date:
    """The day after Thanksgiving (the fourth Thursday of November)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 22)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` (Monday 0) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def _day(d: date | None) -> Span | None:
    return None if d is None else (d, d)


def _spring_holiday(year: int) -> Span | None:
    if year in _SPRING_HOLIDAY:
        return _SPRING_HOLIDAY[year]
    new_year = _CHINESE_NEW_YEAR.get(year)
    return None if new_year is None else (new_year - timedelta(days=1), new_year + timedelta(6))


def _lunar_day(n: int) -> Callable[[int], Span | None]:
    """正月初N (and 十五): the Nth day of the lunar year."""

    def day(year: int) -> Span | None:
        new_year = _CHINESE_NEW_YEAR.get(year)
        return None if new_year is None else _day(new_year + timedelta(days=n - 1))

    return day


_RULES: Final[dict[str, Callable[[int], Span | None]]] = {
    "black_friday": lambda y: _day(_black_friday(y)),
    "cyber_monday": lambda y: _day(_black_friday(y) + timedelta(days=3)),
    "spring_festival": lambda y: _day(_CHINESE_NEW_YEAR.get(y)),
    "chinese_new_years_eve": lambda y: _day(
        _CHINESE_NEW_YEAR[y] - timedelta(days=1) if y in _CHINESE_NEW_YEAR else None
    ),
    "spring_festival_holiday": _spring_holiday,
    "thanksgiving": lambda y: _day(_black_friday(y) - timedelta(days=1)),
    "labor_day_us": lambda y: _day(_nth_weekday(y, 9, 0, 1)),
    "memorial_day": lambda y: _day(_nth_weekday(y, 5, 0, -1)),
    "early_may_bank_holiday": lambda y: _day(_nth_weekday(y, 5, 0, 1)),
    "spring_bank_holiday": lambda y: _day(_nth_weekday(y, 5, 0, -1)),
    "august_bank_holiday": lambda y: _day(_nth_weekday(y, 8, 0, -1)),
    "mothers_day": lambda y: _day(_nth_weekday(y, 5, 6, 2)),
    "fathers_day": lambda y: _day(_nth_weekday(y, 6, 6, 3)),
    "easter": lambda y: _day(_easter(y)),
    "good_friday": lambda y: _day(_easter(y) - timedelta(days=2)),
    "easter_monday": lambda y: _day(_easter(y) + timedelta(days=1)),
    "lantern_festival": _lunar_day(15),
    **{f"spring_festival_day_{n}": _lunar_day(n) for n in range(1, 11)},
}
HOLIDAYS: Final = frozenset(_FIXED) | frozenset(_RULES) | frozenset(_LUNAR)
# A holiday named with 期间 / 假期 / "holiday": the multi-day holiday it stands for.
WINDOWS: Final = {"spring_festival": "spring_festival_holiday"}


def occurrence(key: str, year: int) -> Span | None:
    """The first and last day of holiday `key` in `year` (None when the tables do not know it)."""
    if key in _FIXED:
        (m1, d1), (m2, d2) = _FIXED[key]
        return date(year, m1, d1), date(year, m2, d2)
    if key in _LUNAR:
        found = _LUNAR[key].get(year)
        return None if found is None else _day(date(year, *found))
    return _RULES[key](year)


def is_fixed_day(key: str) -> bool:
    """Whether the holiday is the same single calendar day every year (11 Nov, 25 Dec…)."""
    return key in _FIXED and _FIXED[key][0] == _FIXED[key][1]


def latest(key: str, today: date) -> Span | None:
    """The most recent occurrence of `key` that has started by `today` (today included)."""
    for year in (today.year, today.year - 1, today.year - 2):
        found = occurrence(key, year)
        if found is not None and found[0] <= today:
            return found
    return None


# Holiday names as the normalised question spells them (numerals are digits: 双十一 → "双 11",
# 七夕 → "7 夕", 五一 → "1", 十一 → "11"), with their key. Bare numbers (618, 520, 11.11) are
# `numeric`: the caller reads them as a holiday only where nothing says they are a quantity.
PHRASES: Final[tuple[tuple[str, str, bool], ...]] = (
    (r"双\s?11|double\s+11|singles\s+day|single\s+s\s+day", "singles_day", False),
    (r"11\.11", "singles_day", True),
    (r"双\s?12|double\s+12", "double_12", False),
    (r"12\.12", "double_12", True),
    (r"618|6\.18", "618", True),
    (r"520", "520", True),
    (r"7\s?夕(?:节)?|qixi(?:\s+festival)?|chinese\s+valentine(?:\s?s)?(?:\s+day)?", "qixi", False),
    (r"除夕|大年\s?30|(?:chinese|lunar)\s+new\s+year\s?s\s+eve", "chinese_new_years_eve", False),
    # 初一 … 初十 (正月初一, 大年初一), not 月初 / 年初 / 最初 or "初3个月"
    *(
        (
            rf"(?:(?:大年|正月)\s?|(?<![年月最当起之其开]))初\s?{n}"
            r"(?!\s?(?:个|周|天|日|月|年|季|次|号|中|级|期))",
            f"spring_festival_day_{n}",
            False,
        )
        for n in range(10, 0, -1)
    ),
    (r"元宵(?:节)?|lantern\s+festival", "lantern_festival", False),
    (
        r"春节|农历新年|过年|(?:chinese|lunar)\s+new\s+year|spring\s+festival"
        r"|cny(?=\s+(?:golden\s+week|week|holidays?|period|day))",
        "spring_festival",
        False,
    ),
    (r"中秋(?:节)?|mid\s+autumn(?:\s+festival)?|moon\s+festival", "mid_autumn", False),
    (r"清明(?:节)?|qingming(?:\s+festival)?|tomb\s+sweeping(?:\s+day)?", "qingming", False),
    (r"端午(?:节)?|dragon\s+boat(?:\s+festival)?", "dragon_boat", False),
    (
        r"国庆(?:节)?|national\s+day"
        r"|(?<![\d.第])(?<![周期拜月日号初第双]\s)(?<!双)11\s?(?=黄金周|假期|长假|小长假|期间|当天|当日|那天)",
        "national_day",
        False,
    ),
    (
        r"(?:(?<![\d.第])(?<!第\s)1\s?)?劳动节"
        r"|(?<![\d.第])(?<![周期拜月日号初第]\s)1\s?(?=黄金周|假期|长假|小长假|期间|当天|当日|那天)",
        "labour_day",
        False,
    ),
    (r"元旦|new\s+year\s?s\s+day", "new_year", False),
    (r"new\s+year\s?s\s+eve", "new_years_eve", False),
    (r"平安夜|(?:christmas|xmas)\s+eve", "christmas_eve", False),
    (r"圣诞(?:节)?|christmas(?:\s+day)?|xmas", "christmas", False),
    (r"情人节|valentine(?:\s?s)?(?:\s+day)?", "valentines", False),
    (r"黑色星期\s?5|黑\s?5|black\s+friday", "black_friday", False),
    (r"cyber\s+monday", "cyber_monday", False),
    (r"thanksgiving(?:\s+day)?|感恩节", "thanksgiving", False),
    (r"labor\s+day", "labor_day_us", False),
    (r"memorial\s+day", "memorial_day", False),
    (r"independence\s+day|(?:the\s+)?fourth\s+of\s+july", "independence_day", False),
    (r"canada\s+day", "canada_day", False),
    (r"australia\s+day|澳洲国庆(?:日)?|澳大利亚国庆(?:日)?", "australia_day", False),
    (r"anzac\s+day", "anzac_day", False),
    (
        r"(?<!cny\s)(?<!year\s)(?<!\bday\s)(?<!festival\s)(?<!holiday\s)"
        r"golden\s+week(?!(?:\s+\d{4})?\s*\(?\s*"
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
        "golden_week",
        False,
    ),  # Japan's or China's by the time zone; not before its own dates ("Golden Week (Oct 1-7)")
    (r"(?:o\s?)?bon\s+(?:festival|holidays?|week)|\bobon\b|お盆", "obon", False),
    (r"waitangi\s+day", "waitangi_day", False),
    (
        r"st\.?\s+patrick\s?s\s+day|saint\s+patrick\s?s\s+day|paddy\s?s\s+day",
        "st_patricks_day",
        False,
    ),
    (r"boxing\s+day", "boxing_day", False),
    (r"halloween|万圣节", "halloween", False),
    (r"easter\s+monday", "easter_monday", False),
    (r"good\s+friday", "good_friday", False),
    (r"easter(?:\s+sunday)?|复活节", "easter", False),
    (r"early\s+may\s+bank\s+holiday|may\s+day\s+bank\s+holiday", "early_may_bank_holiday", False),
    (r"spring\s+bank\s+holiday", "spring_bank_holiday", False),
    (r"(?:august|summer)\s+bank\s+holiday", "august_bank_holiday", False),
    (r"mother\s?s\s+day|母亲节", "mothers_day", False),
    (r"father\s?s\s+day|父亲节", "fathers_day", False),
)

__all__ = ["HOLIDAYS", "PHRASES", "WINDOWS", "Span", "is_fixed_day", "latest", "occurrence"]
