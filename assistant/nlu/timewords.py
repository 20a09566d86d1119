"""Time words in English and Chinese → `TimeSpec`, and comparison words → 环比 / 同比.

Works on the normalised question (`text.prepare`: lower case, Chinese numerals as digits). Each
pattern builds the JSON form of a TimeSpec; `find_times` returns every time phrase with its
position so the planner can mask it before matching names ("last week" must not look like a
metric). Phrases that need today's date ("the week before last", "上上周") are resolved to exact
days with the `TimeContext`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from semantic_layer.time import Comparison, TimeContext, TimeSpec, resolve
from semantic_layer.timeparts.calendar import Grain, shift, truncate

Builder = Callable[[re.Match[str], TimeContext], dict[str, Any] | None]

_UNIT_EN: Final[dict[str, Grain]] = {"day": "day", "week": "week", "month": "month",
                                      "quarter": "quarter", "year": "year"}  # fmt: skip
_UNIT_ZH: Final[dict[str, Grain]] = {
    "天": "day", "日": "day", "周": "week", "星期": "week", "礼拜": "week", "个月": "month",
    "月": "month", "个季度": "quarter", "季度": "quarter", "年": "year",
}  # fmt: skip
_MONTHS: Final = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}  # fmt: skip
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MON = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_ZH_UNIT = "(天|日|周|星期|礼拜|个月|月|个季度|季度|年)"
_PERIOD_ZH: Final[dict[str, Grain]] = {"周": "week", "星期": "week", "礼拜": "week",
                                      "月": "month", "季度": "quarter", "年": "year"}  # fmt: skip


@dataclass(frozen=True)
class TimeMatch:
    """A time phrase: where it is and what it means."""

    start: int
    end: int
    spec: TimeSpec


def _last(n: int | str, unit: Grain) -> dict[str, Any]:
    return {"kind": "last", "n": int(n), "unit": unit}


def _periods_ago(unit: Grain, n: int, ctx: TimeContext) -> dict[str, Any]:
    """The whole calendar period `n` periods before the current one, as exact days."""
    current = truncate(ctx.today, unit, ctx.week_start)
    start = shift(current, unit, -n)
    return {"kind": "range", "start": start, "end": shift(start, unit, 1)}


def _day(month: int, day: int, year: int | None = None) -> dict[str, Any]:
    return {"kind": "day", "year": year, "month": month, "day": day}


def _date(text: str) -> date:
    return date.fromisoformat(text)


_D = r"(\d{4}-\d{1,2}-\d{1,2})"
_ZD = r"(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]"

PATTERNS: Final[list[tuple[re.Pattern[str], Builder]]] = [
    # explicit ranges
    (re.compile(rf"(?:between|from)\s+{_D}\s+(?:and|to|until|-)\s+{_D}"),
     lambda m, c: {"kind": "between", "first": _date(m[1]), "last": _date(m[2])}),
    (re.compile(rf"(?:从|自)?\s?{_D}\s?(?:到|至|~|-)\s?{_D}"),
     lambda m, c: {"kind": "between", "first": _date(m[1]), "last": _date(m[2])}),
    # ranges as answers write them: "10–31 Oct 2026", "26 Oct – 22 Nov 2026", "2026年10月10日–31日"
    (re.compile(rf"(\d{{1,2}})\s*[–-]\s*(\d{{1,2}})\s+{_MON}\s+(\d{{4}})"),
     lambda m, c: _dmy_range(m[4], m[3], m[1], m[3], m[2])),
    (re.compile(rf"(\d{{1,2}})\s+{_MON}\s*[–-]\s*(\d{{1,2}})\s+{_MON}\s+(\d{{4}})"),
     lambda m, c: _dmy_range(m[5], m[2], m[1], m[4], m[3])),
    (re.compile(r"(?<![\d年])(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]?\s?(?:到|至|-)\s?"
                r"(?:(\d{1,2})\s?月\s?)?(\d{1,2})\s?[日号]"),
     lambda m, c: _recent_range(int(m[1]), int(m[2]), int(m[3] or m[1]), int(m[4]), c)),
    (re.compile(r"(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日\s?[–\-至到~]\s?"
                r"(?:(\d{1,2})\s?月\s?)?(\d{1,2})\s?日"),
     lambda m, c: {"kind": "between", "first": date(int(m[1]), int(m[2]), int(m[3])),
                   "last": date(int(m[1]), int(m[4] or m[2]), int(m[5]))}),
    (re.compile(rf"(?:between|from)\s+{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\s+"
                rf"(?:and|to|until|-)\s+(?:{_MON}\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?"),
     lambda m, c: _named_range(m, c)),
    (re.compile(rf"(?:since|from)\s+{_D}"), lambda m, c: {"kind": "since", "start": _date(m[1])}),
    (re.compile(rf"(?:自|从)\s?{_D}\s?(?:以来|起|开始|至今)"),
     lambda m, c: {"kind": "since", "start": _date(m[1])}),
    (re.compile(rf"(?:自|从)?\s?{_ZD}\s?(?:以来|起|开始|至今)"),
     lambda m, c: {"kind": "since", "start": _resolve_day(m[1], m[2], m[3], c)}),
    (re.compile(_D), lambda m, c: {"kind": "day", **_ymd(m[1])}),
    (re.compile(_ZD), lambda m, c: _day(int(m[2]), int(m[3]), int(m[1]) if m[1] else None)),
    # relative: the week before last, 上上周
    (re.compile(r"(?:the\s+)?(week|month|quarter|year)\s+before\s+last"),
     lambda m, c: _periods_ago(_UNIT_EN[m[1]], 2, c)),
    (re.compile(r"上上(周|星期|礼拜|个?月|个?季度)"),
     lambda m, c: _periods_ago(_PERIOD_ZH[m[1].lstrip("个")], 2, c)),
    (re.compile(r"前年"), lambda m, c: _periods_ago("year", 2, c)),
    (re.compile(r"(\d+)\s+(day|week|month|quarter|year)s?\s+ago"),
     lambda m, c: _periods_ago(_UNIT_EN[m[2]], int(m[1]), c)),
    (re.compile(rf"(\d+)\s?{_ZH_UNIT}前"), lambda m, c: _zh_ago(m, c)),
    # last N units
    (re.compile(r"(?:last|past|previous|recent|over the last|over the past|in the last|"
                r"in the past|during the last)\s+(\d+)\s+(day|week|month|quarter|year)s?"),
     lambda m, c: _last(m[1], _UNIT_EN[m[2]])),
    (re.compile(rf"(?:最近|近|过去|前|最后)\s?(\d+)\s?{_ZH_UNIT}"),
     lambda m, c: _last(m[1], _UNIT_ZH[m[2]])),
    (re.compile(r"(?:the\s+)?(?:past|last)\s+(?:7|seven)\s*days?|(?:the\s+)?past\s+week"),
     lambda m, c: _last(7, "day")),
    (re.compile(r"(?:the\s+)?(?:past|last)\s+(30|thirty)\s*days?|(?:the\s+)?past\s+month"),
     lambda m, c: _last(30, "day")),
    # named periods
    (re.compile(r"yesterday"), lambda m, c: _last(1, "day")),
    (re.compile(r"昨天|昨日"), lambda m, c: _last(1, "day")),
    (re.compile(r"\btoday\b|今天|今日"), lambda m, c: {"kind": "today"}),
    (re.compile(r"(?:last|previous|prior)\s+(week|month|quarter|year)"),
     lambda m, c: _last(1, _UNIT_EN[m[1]])),
    (re.compile(r"上\s?(?:1\s?)?(周|星期|礼拜|个月|月|个季度|季度)"),
     lambda m, c: _last(1, _UNIT_ZH[m[1]])),
    (re.compile(r"去年(?!同期)|上\s?1\s?年"), lambda m, c: _last(1, "year")),
    (re.compile(r"(?:this|current)\s+(week|month|quarter|year)(?:\s+(?:so far|to date))?"
                r"|(week|month|quarter|year)\s+to\s+date"),
     lambda m, c: {"kind": "this", "unit": m[1] or m[2]}),
    (re.compile(r"\b(wtd|mtd|qtd|ytd)\b"),
     lambda m, c: {"kind": "this", "unit": {"w": "week", "m": "month", "q": "quarter",
                                            "y": "year"}[m[1][0]]}),
    (re.compile(r"(?:本|这|这个|当|今)\s?(周|星期|礼拜|月|季度)|本季|今年|本年"),
     lambda m, c: {"kind": "this", "unit": _PERIOD_ZH.get(m[1] or "", "quarter")
                   if m[0] not in ("今年", "本年") else "year"}),
    (re.compile(r"all time|ever\b|since the beginning|历史(?:上|以来)?|全部时间|有史以来"),
     lambda m, c: {"kind": "all"}),
    # quarters, months, years
    (re.compile(r"(\d{4})\s?[-\s]?q([1-4])|q([1-4])\s+(\d{4})"),
     lambda m, c: {"kind": "quarter", "year": int(m[1] or m[4]), "quarter": int(m[2] or m[3])}),
    (re.compile(r"(\d{4})\s?年\s?(?:第\s?)?([1-4])\s?季度"),
     lambda m, c: {"kind": "quarter", "year": int(m[1]), "quarter": int(m[2])}),
    (re.compile(r"\bq([1-4])\b|第\s?([1-4])\s?季度|(?<!\d)([1-4])\s?季度"),
     lambda m, c: {"kind": "quarter", "quarter": int(m[1] or m[2] or m[3])}),
    (re.compile(r"(\d{4})-(\d{1,2})(?!-?\d)"),
     lambda m, c: {"kind": "month", "year": int(m[1]), "month": int(m[2])}),
    (re.compile(r"(\d{4})\s?年\s?(\d{1,2})\s?月(?:份)?"),
     lambda m, c: {"kind": "month", "year": int(m[1]), "month": int(m[2])}),
    (re.compile(rf"{_MON}\s+(\d{{4}})"),
     lambda m, c: {"kind": "month", "year": int(m[2]), "month": _MONTHS[m[1]]}),
    (re.compile(rf"{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"),
     lambda m, c: _day(_MONTHS[m[1]], int(m[2]), int(m[3]) if m[3] else None)),
    (re.compile(rf"\b(?:in|during|for)\s+{_MON}"),
     lambda m, c: {"kind": "month", "month": _MONTHS[m[1]]}),
    (re.compile(r"(?<![\d年])(\d{1,2})\s?月(?:份)?(?!\s?\d)"),
     lambda m, c: {"kind": "month", "month": int(m[1])} if 1 <= int(m[1]) <= 12 else None),
    (re.compile(r"(?:in|during|for|of)\s+(\d{4})\b|(\d{4})\s?年(?!\s?\d)"),
     lambda m, c: {"kind": "year", "year": int(m[1] or m[2])}),
]  # fmt: skip


def _dmy_range(year: str, mon1: str, day1: str, mon2: str, day2: str) -> dict[str, Any]:
    first = date(int(year), _MONTHS[mon1.rstrip(".")], int(day1))
    return {"kind": "between", "first": first,
            "last": date(int(year), _MONTHS[mon2.rstrip(".")], int(day2))}  # fmt: skip


def _named_range(m: re.Match[str], ctx: TimeContext) -> dict[str, Any]:
    """ "between Nov 2 and Nov 8, 2026" (the year may come once, at the end, or not at all)."""
    m1, d1, m2, d2 = (
        _MONTHS[m[1].rstrip(".")],
        int(m[2]),
        _MONTHS[(m[4] or m[1]).rstrip(".")],
        int(m[5]),
    )
    year = m[3] or m[6]
    if year is None:
        return _recent_range(m1, d1, m2, d2, ctx)
    return {"kind": "between", "first": date(int(year), m1, d1), "last": date(int(year), m2, d2)}


def _recent_range(m1: int, d1: int, m2: int, d2: int, ctx: TimeContext) -> dict[str, Any]:
    """ "11月1日到15日" without a year: the most recent such range that has started."""
    year = ctx.today.year if date(ctx.today.year, m1, d1) <= ctx.today else ctx.today.year - 1
    last_year = year if (m2, d2) >= (m1, d1) else year + 1
    return {"kind": "between", "first": date(year, m1, d1), "last": date(last_year, m2, d2)}


def _ymd(text: str) -> dict[str, int]:
    year, month, day = (int(p) for p in text.split("-"))
    return {"year": year, "month": month, "day": day}


def _resolve_day(year: str | None, month: str, day: str, ctx: TimeContext) -> date:
    spec = TimeSpec.parse(_day(int(month), int(day), int(year) if year else None))
    return resolve(spec, ctx).start


def _zh_ago(m: re.Match[str], ctx: TimeContext) -> dict[str, Any]:
    unit = _UNIT_ZH[m[2]]
    if unit == "day":
        day = ctx.today - timedelta(days=int(m[1]))
        return {"kind": "range", "start": day, "end": day + timedelta(days=1)}
    return _periods_ago(unit, int(m[1]), ctx)


def find_times(norm: str, ctx: TimeContext) -> list[TimeMatch]:
    """Every time phrase in the question, left to right, without overlaps (earlier patterns in
    `PATTERNS` win: explicit ranges before single dates, "last 7 days" before "7 days")."""
    taken: list[TimeMatch] = []
    for pattern, build in PATTERNS:
        for match in pattern.finditer(norm):
            start, end = match.span()
            if any(t.start < end and start < t.end for t in taken):
                continue
            spec = _spec(build, match, ctx)
            if spec is not None:
                taken.append(TimeMatch(start, end, spec))
    return sorted(taken, key=lambda t: t.start)


def _spec(build: Builder, match: re.Match[str], ctx: TimeContext) -> TimeSpec | None:
    try:
        form = build(match, ctx)
        return None if form is None else TimeSpec.parse(form)
    except (ValueError, KeyError):
        return None  # "31 Feb", "month 13": not a time after all


_YOY = re.compile(
    r"同比|去年同期|year over year|\byoy\b|same (?:period|time|week|month|quarter)"
    r" (?:of |in )?last year|vs\.? last year|compared (?:to|with) last year"
)
_POP = re.compile(r"(?:vs\.?|versus|compared (?:to|with)|than)\s+(?:the\s+)?(?:day|week|month|"
                  r"quarter|year|period)\s+before(?!\s+last)|环比|\bvs\b|versus|"
                  r"compared? (?:to|with)|than|week over week|\bwow\b|"
                  r"month over month|\bmom\b|quarter over quarter|\bqoq\b|previous period|"
                  r"period over period|相比|对比|比较|较|比上|与上|跟上|和上")  # fmt: skip


def find_comparison(norm: str) -> tuple[Comparison | None, list[tuple[int, int]]]:
    """同比 (same period last year) or 环比 (previous period) if the question compares, with the
    spans of the words that said so."""
    yoy = [m.span() for m in _YOY.finditer(norm)]
    if yoy:
        return "same_period_last_year", yoy
    pop = [m.span() for m in _POP.finditer(norm)]
    return ("previous_period", pop) if pop else (None, [])


__all__ = ["PATTERNS", "TimeMatch", "find_comparison", "find_times"]
