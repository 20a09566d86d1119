"""The model's own named periods (`periods:` in the model file) as time phrases.

A business names stretches of its calendar that no holiday table knows: "618大促" of 1–18 June
(not the one day 18 June), "the dinosaur exhibition", "the conveyor outage week". They are
vocabulary, so they live in the model (docs/semantic-layer.md, "Periods"), and are read here
before every other time word, so a model's "Golden Week" of 29 Apr – 6 May wins over the
built-in one.

A period named alone means its latest occurrence that has started by today; with a year before
it ("2025年618大促", "去年的618", "last year's sale") the one that started in that year; with
"last" / 上次 / 上一次 the one before the latest. A period none of whose occurrences fits is left
unread, so the planner says it did not use it rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from semantic_layer.model.spec import PeriodSpec
from semantic_layer.time import TimeContext

from .text import prepare
from .timeatoms import Atom

Span = tuple[date, date]  # first and last day, both included

_YEARS_AROUND: Final = 6  # a yearly period's occurrences: this many years back, and next year
_BEFORE: Final = (
    r"(?:(?P<year>\d{4})\s?年?\s?(?:的\s?)?|(?P<zh_year>今年|去年|前年)\s?(?:的\s?)?"
    r"|(?P<en_year>this|last)\s+year\s?'?\s?s\s+|(?P<last>last|previous|上次|上1次|上届|上1届)\s?)?"
    r"(?:the\s+)?"
)
_AFTER: Final = (
    r"(?:\s?(?:期间|那几天|那段时间|活动期间|活动))?"
    r"(?:\s?(?P<month>那个月|那1个月|那月|当月|\s(?:month|week)\b)|\s?(?P<week>那周|那1周|那个星期|当周))?"
)
_HOLIDAY_WORD: Final = r"黄金周|假期|长假|小长假|期间|当天|当日|那天|那几天|那周|那段时间"


@dataclass(frozen=True)
class NamedPeriod:
    """One model period: the pattern of its names and its occurrences, oldest first."""

    name: str
    pattern: re.Pattern[str]
    spec: PeriodSpec


def named_periods(periods: Sequence[PeriodSpec]) -> tuple[NamedPeriod, ...]:
    """Each period's names (labels and synonyms, normalised as questions are) and occurrences.
    Longer names first, so "618大促" is found before a shorter period named "618"."""
    found = []
    for spec in periods:
        words = {prepare(w).norm for w in _names(spec)} - {""}
        if not words:
            continue
        alternatives = "|".join(_word(w) for w in sorted(words, key=len, reverse=True))
        pattern = re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}")
        found.append((max(map(len, words)), NamedPeriod(spec.name, pattern, spec)))
    return tuple(p for _, p in sorted(found, key=lambda f: -f[0]))


def scan_periods(norm: str, periods: Sequence[NamedPeriod], ctx: TimeContext) -> list[Atom]:
    """The atoms of the model's periods named in the question, without overlaps."""
    atoms: list[Atom] = []
    for period in periods:
        for m in period.pattern.finditer(norm):
            if any(a.start < m.end() and m.start() < a.end for a in atoms):
                continue
            span = _occurrence(_spans(period.spec, ctx.today.year), m, ctx.today)
            if span is not None:
                atoms.append(Atom(m.start(), m.end(), form=_around(span, m, ctx)))
    return atoms


def _around(span: Span, m: re.Match[str], ctx: TimeContext) -> dict[str, object]:
    """The period itself, or the month or week it starts in: "the typhoon month", 台风那个月,
    春节那周."""
    first = span[0]
    unit = m["month"] or m["week"] or ""
    if m["month"] and "week" not in unit:
        return {"kind": "month", "year": first.year, "month": first.month}
    if unit:
        start = first - timedelta(days=(first.weekday() - ctx.week_start) % 7)
        return {"kind": "between", "first": start, "last": start + timedelta(days=6)}
    return {"kind": "between", "first": span[0], "last": span[1]}


def _names(spec: PeriodSpec) -> list[str]:
    return [*(spec.labels.given() if spec.labels else ()), *spec.synonyms.all(), spec.name]


def _word(term: str) -> str:
    """A name as a whole word: not inside a longer English word or number. A name that is a
    one- or two-digit number once normalised (十一 → "11", 五一 → "1") only before a holiday
    word (十一期间, 五一假期): never the 11 of "11月" or the 1 of "第一季度" and "1-6 Sep"."""
    if term.isdigit() and len(term) <= 2:
        return rf"(?<![\d.第])(?<![周期拜月日号初第双]\s){term}\s?(?={_HOLIDAY_WORD})"
    body = re.escape(term).replace(r"\ ", r"\s+")
    head = r"(?<![a-z\d.])" if term[0].isascii() and term[0].isalnum() else ""
    tail = r"(?![a-z\d])" if term[-1].isascii() and term[-1].isalnum() else ""
    return head + body + tail


def _spans(spec: PeriodSpec, today_year: int) -> tuple[Span, ...]:
    spans = {(d.first, d.last) for d in spec.dates}
    if spec.yearly is not None:
        (m1, d1), (m2, d2) = (map(int, spec.yearly.first.split("-")),
                              map(int, spec.yearly.last.split("-")))  # fmt: skip
        for year in range(today_year - _YEARS_AROUND, today_year + 2):
            last_year = year + 1 if (m2, d2) < (m1, d1) else year
            try:
                spans.add((date(year, m1, d1), date(last_year, m2, d2)))
            except ValueError:  # 29 February in a year without one
                continue
    return tuple(sorted(spans))


def _occurrence(spans: Sequence[Span], m: re.Match[str], today: date) -> Span | None:
    started = [s for s in spans if s[0] <= today]
    year = _year(m, today)
    if year is not None:
        return next((s for s in reversed(spans) if s[0].year == year), None)
    if m["last"]:
        return started[-2] if len(started) > 1 else None
    return started[-1] if started else None


def _year(m: re.Match[str], today: date) -> int | None:
    if m["year"]:
        return int(m["year"])
    if m["zh_year"]:
        return today.year - {"今年": 0, "去年": 1, "前年": 2}[m["zh_year"]]
    if m["en_year"]:
        return today.year - (m["en_year"] == "last")
    return None


__all__ = ["NamedPeriod", "named_periods", "scan_periods"]
