"""How a person says each `TimeSpec` form before it is resolved ("last week" / "上周")."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from semantic_layer.timeparts.calendar import Grain
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

PREVIOUS: Final[dict[Language, dict[Grain, str]]] = {
    "en": {
        "day": "yesterday",
        "week": "last week",
        "month": "last month",
        "quarter": "last quarter",
        "year": "last year",
    },
    "zh": {"day": "昨天", "week": "上周", "month": "上月", "quarter": "上季度", "year": "去年"},
}
UNITS_ZH: Final[dict[Grain, str]] = {
    "day": "天",
    "week": "周",
    "month": "个月",
    "quarter": "个季度",
    "year": "年",
}
THIS_ZH: Final[dict[str, str]] = {
    "week": "本周",
    "month": "本月",
    "quarter": "本季度",
    "year": "今年",
}


def phrase(form: SpecForm, lang: Language) -> str:
    """ "last 7 days" / "最近7天", "this month to date" / "本月至今", "Q3" / "第三季度"…"""
    zh = lang == "zh"
    match form:
        case Today():
            return "今天" if zh else "today"
        case AllTime():
            return "全部时间" if zh else "all time"
        case Last(n=1, unit=unit):
            return PREVIOUS[lang][unit]
        case Last(n=n, unit=unit):
            return f"最近{n}{UNITS_ZH[unit]}" if zh else f"last {n} {unit}s"
        case This(unit=unit):
            return f"{THIS_ZH[unit]}至今" if zh else f"this {unit} to date"
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
            since = day_label(start, lang)
            return f"{since}以来" if zh else f"since {since}"
        case Until(last=last):
            until = day_label(last, lang)
            return f"截至{until}" if zh else f"up to {until}"
    raise AssertionError(f"unhandled time form {form!r}")
