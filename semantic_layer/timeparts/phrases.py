"""How a person says each `TimeSpec` form before it is resolved ("last week" / "上周")."""

from __future__ import annotations

from datetime import date, timedelta

from semantic_layer import phrasebook
from semantic_layer.timeparts.labels import (
    Language,
    day_label,
    month_label,
    quarter_label,
    range_label,
    year_label,
)
from semantic_layer.timeparts.spec import (
    AllTime,
    Between,
    Day,
    Last,
    Month,
    Quarter,
    Range,
    Since,
    SpecForm,
    This,
    Today,
    Until,
    Year,
)


def _t(lang: Language, key: str, **values: object) -> str:
    return phrasebook.phrase(lang, "time", key, **values)


def phrase(form: SpecForm, lang: Language) -> str:
    """ "last 7 days" / "最近7天", "this month to date" / "本月至今", "Q3" / "第三季度"…"""
    match form:
        case Today():
            return _t(lang, "today")
        case AllTime():
            return _t(lang, "all_time")
        case Last(n=1, unit=unit):
            return _t(lang, f"previous_{unit}")
        case Last(n=n, unit=unit):
            return _t(lang, "last_n", n=n, unit=_t(lang, f"units_{unit}"))
        case This(unit=unit):
            return _t(lang, f"this_{unit}")
        case Day(year=year, month=month, day=day):
            return day_label(date(year or 2000, month, day), lang, year=year is not None)
        case Month(year=year, month=month):
            return month_label(month, year, lang)
        case Quarter(year=year, quarter=quarter):
            return quarter_label(quarter, year, lang)
        case Year(year=year):
            return year_label(year, lang)
        case Range(start=start, end=end):
            return range_label(start, end, lang)
        case Between(first=first, last=last):
            return range_label(first, last + timedelta(days=1), lang)
        case Since(start=start):
            return _t(lang, "since", since=day_label(start, lang))
        case Until(last=last):
            return _t(lang, "until", until=day_label(last, lang))
    raise AssertionError(f"unhandled time form {form!r}")
