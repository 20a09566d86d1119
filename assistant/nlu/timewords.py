"""Time words in English and Chinese → `TimeSpec`, and comparison words → 环比 / 同比.

Works on the normalised question (`text.prepare`: lower case, Chinese numerals as digits).
`find_times` returns every time phrase with its position, so the planner can mask it before
matching names ("last week" must not look like a metric). Three steps:

1. `timepatterns.scan` finds atoms: dates, months, quarters, halves, years, holidays
   (`holidays.py`), relative periods ("last 7 days", "上周一", "last weekend") and words for all
   the data ("all time", "至今");
2. `timeranges.combine` joins them with the words around them: years ("去年3月"), ranges ("from
   March to June", "Q1 to Q3", "5月2日到9日"), weeks ("the week of 2 Nov", "11月2日开始的4周"),
   open ranges ("since March", "截至5月", "5月之前" → the `until` form);
3. here, a period named relative to the one before it ("this week vs the week before",
   "近14天和前14天", "上一期") becomes a `TimeMatch` with `relative=True`: n units just before it,
   or the previous period of the same length. "去年同期" / "the same period last year" is that
   too unless `find_comparison` already reads 同比 from those very words (then it stays the
   comparison, which the planner resolves the same way).

Choices: words for all the data count only when the question names no period ("so far this
year" is this year, "上个月的累计" last month); "in total", "overall", 一共, 合计 are sums, not
times, and bare 累计 before 转化/留存 is the funnel's cumulative rate. Phrases that need today's
date are resolved to exact days with the `TimeContext`. A phrase that is not clearly a time is
left unread (the planner reports unused words) rather than misread: "3/14", a bare weekday
("周一"), "五一" alone (its numerals become "1"), "双十一前后", a holiday outside the tables'
years, "Q1–Q3" (normalisation drops the dash: two quarters).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from semantic_layer.time import (
    Comparison,
    DateRange,
    TimeContext,
    TimeError,
    TimeSpec,
    comparison_range,
    resolve,
)
from semantic_layer.timeparts.calendar import shift

from .periods import NamedPeriod
from .timeatoms import Anaphor, Atom, Form, part_form
from .timepatterns import scan
from .timeranges import combine


@dataclass(frozen=True)
class TimeMatch:
    """A time phrase: where it is and what it means.

    `relative` marks a period named relative to the time phrase before it ("the week before",
    "前14天" after "近14天", "the same period last year"): `spec` is already resolved against it.
    """

    start: int
    end: int
    spec: TimeSpec
    relative: bool = False


def find_times(norm: str, ctx: TimeContext, periods: Sequence[NamedPeriod] = ()) -> list[TimeMatch]:
    """Every time phrase in the question, left to right, without overlaps (`periods`: the
    model's own named periods, read before any other time word)."""
    atoms = combine(scan(norm, ctx, periods), norm, ctx)
    said_yoy = [m.span() for m in _YOY.finditer(norm)]
    found: list[TimeMatch] = []
    for atom in atoms:
        if atom.everything or _restates(atom, said_yoy):
            continue
        match = _match(atom, found[-1] if found else None, ctx)
        if match is not None:
            found.append(match)
    everything = [a for a in atoms if a.everything]
    if not found:
        return _all_time(everything)
    return _absorb(found, everything, norm)


def _match(atom: Atom, before: TimeMatch | None, ctx: TimeContext) -> TimeMatch | None:
    if atom.anaphor is not None and before is not None:
        relative = _relative(atom.anaphor, before.spec, ctx)
        if relative is not None:
            return TimeMatch(atom.start, atom.end, relative, relative=True)
    form = atom.form
    if form is None and atom.part is not None:
        form = part_form(atom.part, ctx.today)
    spec = _spec(form)
    return None if spec is None else TimeMatch(atom.start, atom.end, spec)


def _restates(atom: Atom, said: list[tuple[int, int]]) -> bool:
    """ "去年同期" / "the same period last year" where `find_comparison` reads 同比 from the same
    words: the comparison says it already, so it is not a second period."""
    return (
        atom.anaphor is not None
        and atom.anaphor.kind == "last_year"
        and any(s < atom.end and atom.start < e for s, e in said)
    )


def _spec(form: Form | None) -> TimeSpec | None:
    if form is None:
        return None
    try:
        return TimeSpec.parse(form)
    except (TimeError, ValueError):
        return None  # "31 Feb", "month 13": not a time after all


def _relative(anaphor: Anaphor, base: TimeSpec, ctx: TimeContext) -> TimeSpec | None:
    """The period `anaphor` names after `base`: n units just before it, the previous period of
    the same length (环比), or the same period a year earlier (同比)."""
    try:
        if anaphor.kind == "before":
            start = resolve(base, ctx).start
            if start == date.min:
                return None  # all the data has no period before it
            rng = DateRange(shift(start, anaphor.unit, -anaphor.n), start)
        else:
            kind: Comparison = (
                "previous_period" if anaphor.kind == "previous" else "same_period_last_year"
            )
            rng = comparison_range(base, ctx, kind)
        return TimeSpec.parse({"kind": "range", "start": rng.start, "end": rng.end})
    except (TimeError, ValueError, OverflowError):
        return None


_GLUE = re.compile(r"\s*(?:的|为止)?\s*")


def _all_time(everything: list[Atom]) -> list[TimeMatch]:
    """ "all time", "至今" when the question names no period: all the data (neighbours merged)."""
    out: list[TimeMatch] = []
    spec = TimeSpec.parse({"kind": "all"})
    for a in everything:
        if out and a.start - out[-1].end <= 1:
            out[-1] = TimeMatch(out[-1].start, a.end, spec)
        else:
            out.append(TimeMatch(a.start, a.end, spec))
    return out


def _absorb(found: list[TimeMatch], everything: list[Atom], norm: str) -> list[TimeMatch]:
    """Words for all the data next to a period are part of it ("so far this year", "上个月的累计");
    elsewhere the named period wins and they are dropped."""
    out = list(found)
    for a in everything:
        for i, t in enumerate(out):
            if t.end <= a.start and _GLUE.fullmatch(norm[t.end : a.start]):
                out[i] = TimeMatch(t.start, a.end, t.spec, t.relative)
                break
            if a.end <= t.start and _GLUE.fullmatch(norm[a.end : t.start]):
                out[i] = TimeMatch(a.start, t.end, t.spec, t.relative)
                break
    return out


_YOY = re.compile(
    r"同比|去年同期|year over year|\byoy\b|same (?:period|time|week|month|quarter)"
    r" (?:of |in )?last year|vs\.? last year|compared (?:to|with) last year"
)
_POP = re.compile(r"(?:vs\.?|versus|compared (?:to|with)|than)\s+(?:the\s+)?(?:day|week|month|"
                  r"quarter|year|period)\s+before(?!\s+last)|环比|\bvs\b|versus|"
                  r"compared? (?:to|with)|than|\bagainst\b|week over week|\bwow\b|"
                  r"\bcompare\b(?=[^.?]{0,60}?\b(?:with|to|against)\b)|"
                  r"month over month|\bmom\b|quarter over quarter|\bqoq\b|previous period|"
                  r"period over period|相比|对比|比较|较|比上|与上|跟上|和上"
                  r"|上个?月同期|上周同期|同期比|比前|跟前|和前|与前"
                  # "二季度比一季度", "5月跟4月比": 比 alone, not 比例, 占比, 比如, 比赛…
                  r"|(?<![占对相无好类正反分价之女排])"
                  r"比(?![例率重值较对分赛如方特拼])")  # fmt: skip


def find_comparison(norm: str) -> tuple[Comparison | None, list[tuple[int, int]]]:
    """同比 (same period last year) or 环比 (previous period) if the question compares, with the
    spans of the words that said so."""
    yoy = [m.span() for m in _YOY.finditer(norm)]
    if yoy:
        return "same_period_last_year", yoy
    pop = [m.span() for m in _POP.finditer(norm)]
    return ("previous_period", pop) if pop else (None, [])


__all__ = ["TimeMatch", "find_comparison", "find_times"]
