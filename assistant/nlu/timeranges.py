"""Joining time atoms into the periods a question means.

Three passes over the atoms of `timepatterns.scan`, each joining an atom with the words or atoms
around it:

1. a year for a calendar name: "去年3月", "2026年上半年", "Q4 of last year", "2025 Black Friday",
   "明年一季度" (next year's: in the future, which the service refuses to count);
2. ranges: "2–9 May", "5月2日到9日" (a bare day number next to a date), then two names, "from
   March to June", "Q1 to Q3", "3月到6月", "6-8月", "jun-aug" (a missing year or month comes from
   the other end; with none, the most recent range that started before today). A question about a
   change "from A to B" compares two periods, so there they stay apart;
3. one name and its words: weeks ("the week of 2 Nov" = the calendar week containing it, "the 4
   weeks starting 2 Nov", "11月2日那周", "Chinese New Year week"), a season's name before its
   dates ("over the summer (jun-aug)", "Golden Week 2025 (Oct 1-7)"), spans around it ("the 7
   days before Black Friday", "the first 10 days of March", "本月前10天"), open ranges ("since
   March", "3月以来", "since the launch on 18 March", "3月18号上线之后" → since; "until 1 May",
   "截至5月", "5月之前" → until).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from semantic_layer.time import DateRange, TimeContext, TimeError, TimeSpec, resolve
from semantic_layer.timeparts.calendar import Grain, shift, truncate

from .timeatoms import ONE_DAY, Atom, Form, Part, bounds, part_form, year_of
from .timepatterns import MONTH_WORDS, UNIT_EN, UNIT_ZH

Build = Callable[[Atom, re.Match[str] | None, re.Match[str] | None, TimeContext], Atom | None]


@dataclass(frozen=True)
class Rule:
    """Words before (`before`, matched up to the atom) and/or after (`after`, from its end) that
    turn an atom into another; atoms inside those words are taken in (with `loose`, words that
    may be anything, only "all time" words: another period there is not part of this one)."""

    build: Build
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    need_before: bool = False
    need_after: bool = False
    loose: bool = False


def combine(atoms: list[Atom], norm: str, ctx: TimeContext) -> list[Atom]:
    """The atoms joined into periods (see the module docstring)."""
    atoms = _apply(atoms, norm, ctx, _YEAR_RULES)
    atoms = _ranges(atoms, norm, ctx)
    return _apply(atoms, norm, ctx, _RULES)


def range_of(a: Atom, ctx: TimeContext) -> DateRange | None:
    """The days an atom means on its own (to date when it includes today)."""
    form = a.form if a.form is not None else part_form(a.part, ctx.today) if a.part else None
    if form is None:
        return None
    try:
        return resolve(TimeSpec.parse(form), ctx)
    except (TimeError, ValueError):
        return None


def _named(a: Atom) -> bool:
    """A period that can be joined: not "all time", not a phrase that needs a period before it."""
    return not a.everything and (a.form is not None or a.part is not None)


def _apply(atoms: list[Atom], norm: str, ctx: TimeContext, rules: list[Rule]) -> list[Atom]:
    out = list(atoms)
    i = 0
    while i < len(out):
        for rule in rules:
            joined = _try(rule, out[i], out, norm, ctx)
            if joined is not None:
                new, taken = joined
                out = sorted([a for a in out if a is not out[i] and a not in taken] + [new],
                             key=lambda a: a.start)  # fmt: skip
                i = out.index(new)
                break
        i += 1
    return out


def _try(
    rule: Rule, a: Atom, atoms: list[Atom], norm: str, ctx: TimeContext
) -> tuple[Atom, list[Atom]] | None:
    if not _named(a):
        return None
    bm = rule.before.search(norm, max(0, a.start - 48), a.start) if rule.before else None
    am = rule.after.match(norm, a.end) if rule.after else None
    if (rule.need_before and not bm) or (rule.need_after and not am) or not (bm or am):
        return None
    start, end = bm.start() if bm else a.start, am.end() if am else a.end
    taken = [b for b in atoms if b is not a and b.start < end and start < b.end]
    if any(b.start < start or b.end > end for b in taken):
        return None  # the words cut through another time phrase
    if rule.loose and any(_named(b) for b in taken):
        return None  # "since January how did March 18 do": two periods
    built = rule.build(a, bm, am, ctx)
    return None if built is None else (replace(built, start=start, end=end), taken)


# -- pass 1: years ------------------------------------------------------------------------------
def _yearless(a: Atom) -> bool:
    p = a.part
    return (
        a.form is None and p is not None and p.year is None and not p.last and p.complete
        and (p.month, p.quarter, p.half, p.holiday) != (None, None, None, None)
    )  # fmt: skip


def _with_year(a: Atom, year: int) -> Atom | None:
    if a.form is None and a.part is not None and a.part.year == year and a.part.day is not None:
        return a  # "今年春节当天": the day already has that year
    if not (_yearless(a) and 1970 <= year <= 2100):
        return None
    assert a.part is not None
    return replace(a, part=replace(a.part, year=year))


_BACK = {"明年": -1, "来年": -1, "next": -1, "今年": 0, "本年": 0, "this": 0, "去年": 1, "上年": 1,
         "last": 1, "前年": 2}  # fmt: skip


def _year_before(
    a: Atom, m: re.Match[str] | None, _: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    assert m is not None
    word = m["w"] or m["w2"] or ""
    return _with_year(a, int(m["y"]) if m["y"] else ctx.today.year - _BACK.get(word, 2))


def _year_after(
    a: Atom, _: re.Match[str] | None, m: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    assert m is not None
    return _with_year(a, int(m["y"]) if m["y"] else ctx.today.year - _BACK.get(m["w"] or "", 2))


_YEAR_RULES = [
    Rule(_year_before, before=re.compile(
        r"(?:(?<![\d.])(?P<y>\d{4})\s?(?:年\s?)?|(?P<w>明年|来年|今年|本年|去年|上年|前年)|\b(?P<w2>this|last|next)\s+"
        r"year(?:\s+s)?\s|\bthe\s+year\s+before\s+last(?:\s+s)?\s)\s?(?:的\s?)?$"),
        need_before=True),
    Rule(_year_after, after=re.compile(
        r"\s*(?:of\s+|in\s+)?(?:(?P<y>\d{4})\b|(?P<w>this|last|next)\s+year\b"
        r"|the\s+year\s+before\s+last\b)"), need_after=True),
]  # fmt: skip


# -- pass 2: ranges -----------------------------------------------------------------------------
_TO = re.compile(
    r"\s*(?:-|to|through|thru|until|till)(?:\s+(?:the\s+)?end\s+of)?\s*"
    r"|\s?(?:到|至|-)\s?"
)
_AND = re.compile(r"\s*(?:and|-|\+|&)\s*|\s?(?:和|与|跟)\s?")
_RANGE_BEFORE = re.compile(r"(?:\b(?P<between>between)|\bfrom|从|自|由|在)\s?$")
_RANGE_AFTER = re.compile(r"\s?(?P<zh>之间|期间|这段时间)|\s+inclusive\b")
_COMPARED = re.compile(r"\b(?:compare|compared|comparing|vs|versus)\b[^.]{0,12}$|(?:对比|比较)\s?$")
_NUM_BEFORE = re.compile(r"(?:\b(?P<w>between|from)\s+)?(?<![\d.])(?P<d>\d{1,2})(?:st|nd|rd|th)?"
                         r"\s*(?P<c>-|to|and|through|thru|until|till)\s*$")  # fmt: skip
_NUM_AFTER = re.compile(r"\s?(?:到|至|-)\s?(?P<zd>\d{1,2})\s?[日号]|\s*(?P<c>-|to|and|through|thru|"
                        r"until|till)\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
                        r"(?!\s*(?:%|[:.]\d|\d(?!\d{3}\b)|(?!this\b|vs\b)[a-z]+s\b))"
                        r"(?:\s+(?P<y>\d{4})\b|\s+(?P<yw>this|last)\s+year\b)?")  # fmt: skip
_CHANGE = re.compile(
    r"\b(?:chang(?:e|ed|es|ing)|dr(?:o|i)ve|drivers?|drop(?:ped)?|f(?:e|a)ll|falling|r(?:i|o)se|"
    r"grew|grow(?:n|th)?|increased?|decreased?|declined?|went\s+(?:up|down)|moved?|shift(?:ed)?|"
    r"jump(?:ed)?|improved?|worsened?)\b|变化|变动|下降|上升|增长|减少|下滑|提升|降低|升高|波动|涨|跌"
)


def _ranges(atoms: list[Atom], norm: str, ctx: TimeContext) -> list[Atom]:
    """Pass 2 (see the module docstring)."""
    out: list[Atom] = []
    for a in atoms:
        out.append(_number_before(a, norm, ctx, out[-1].end if out else 0) or a)
    out = [
        _number_after(a, norm, ctx, out[i + 1].start if i + 1 < len(out) else len(norm)) or a
        for i, a in enumerate(out)
    ]
    out = [a for i, a in enumerate(out) if not (i and out[i - 1].start <= a.start < out[i - 1].end)]
    out = _restated(out, norm)
    return out if _CHANGE.search(norm) else _spelled_out(_pairs(out, norm, ctx), norm, ctx)


def _spelled_out(atoms: list[Atom], norm: str, ctx: TimeContext) -> list[Atom]:
    """A half, a quarter or a year, then the months of it that are meant, nothing between (the
    brackets are gone): "H2 (Jul-Nov)", "Q3 (Jul–Aug)" — one period, the months said."""
    out: list[Atom] = []
    for a in atoms:
        before = out[-1] if out else None
        if (
            before is not None
            and before.part is not None
            and before.part.month is None
            and before.part.holiday is None
            and (a.form is not None or (a.part is not None and a.part.day is None))
            and not norm[before.end : a.start].strip()
            and _inside(a, before, ctx)
        ):
            out[-1] = replace(a, start=before.start)
            continue
        out.append(a)
    return out


def _inside(a: Atom, outer: Atom, ctx: TimeContext) -> bool:
    ra, ro = range_of(a, ctx), range_of(outer, ctx)
    return ra is not None and ro is not None and ro.start <= ra.start and ra.end <= ro.end


_RESTATED_GAP = re.compile(r"\s?(?:[a-z]+\s+){0,2}|\s?[\u4e00-\u9fff]{0,4}\s?")
_NOT_A_RESTATEMENT = re.compile(
    r"\b(?:vs|versus|and|or|to|than|compared?|before|after)\b|[和与跟比到至前后]"
)


def _restated(atoms: list[Atom], norm: str) -> list[Atom]:
    """A holiday's name, then its dates: "the double 11 sale (Nov 1-11)", "双十一期间(11月1日-11日)"
    — the dates say which days the name means, so they are one period."""
    out: list[Atom] = []
    for a in atoms:
        before = out[-1] if out else None
        if (
            before is not None
            and before.part is not None
            and before.part.holiday is not None
            and ((a.form is not None and a.form.get("kind") == "between") or _dated(a) is not None)
            and _RESTATED_GAP.fullmatch(norm, before.end, a.start)
            and not _NOT_A_RESTATEMENT.search(norm, before.end, a.start)
        ):
            out[-1] = replace(a, start=before.start)
            continue
        out.append(a)
    return out


def _pairs(atoms: list[Atom], norm: str, ctx: TimeContext) -> list[Atom]:
    out: list[Atom] = []
    for a in atoms:
        joined = _join(out[-1], a, norm, ctx, alone=len(atoms) == 2) if out else None
        if joined is None:
            out.append(a)
        else:
            out[-1] = joined
    return out


def _join(a: Atom, b: Atom, norm: str, ctx: TimeContext, *, alone: bool = False) -> Atom | None:
    """ "from A to B", "between A and B", "A到B", "A和B之间": from the start of A to the end of
    B."""
    if not (_named(a) and _named(b)):
        return None
    gap = norm[a.end : b.start]
    to, and_ = _TO.fullmatch(gap) or _months(a, b, norm), _AND.fullmatch(gap)
    if not (to or and_):
        return None
    pre = _RANGE_BEFORE.search(norm, max(0, a.start - 10), a.start)
    post = _RANGE_AFTER.match(norm, b.end)
    if not to and not (
        (pre and pre["between"])
        or (post and post["zh"])
        or ((alone or "+" in gap) and _adjacent(a, b, norm, ctx))
    ):  # "Jul+Aug" beside other time words is still one span
        return None  # "March and June" are two months; "between March and June" is a range
    dashed = _months(a, b, norm)  # "Aug-Oct vs May-Jul": a range on each side of the "vs"
    if pre is None and not dashed and _COMPARED.search(norm, max(0, a.start - 24), a.start):
        return None  # "compare March to June": two periods
    form = _range_form(a, b, ctx)
    if form is None:
        return None
    return Atom(pre.start() if pre else a.start, post.end() if post else b.end, form=form)


def _adjacent(a: Atom, b: Atom, norm: str, ctx: TimeContext) -> bool:
    """ "spend in March and April": two periods one right after the other, the question's only
    ones, in a question that compares nothing, are one span (a total over both)."""
    if _ANY_COMPARISON.search(norm) or a.part is None or b.part is None:
        return False
    ra, rb = range_of(a, ctx), range_of(b, ctx)
    return ra is not None and rb is not None and ra.end == rb.start


_ANY_COMPARISON = re.compile(
    r"\b(?:vs|versus|compar\w*|against|than|each|respectively|separately|by\s+month)\b"
    r"|对比|比较|相比|环比|同比|比一下|分别|各自|每个月|各月|按月"
)
_MONTH_PAIR = re.compile(
    rf"(?:(?:in|during|for|over)\s+)?{MONTH_WORDS} {MONTH_WORDS}(?: (?:of )?(?:19|20)\d\d)?"
)


def _months(a: Atom, b: Atom, norm: str) -> bool:
    """ "jun aug", "jul-aug 2026": two month words with nothing between (normalisation drops the
    dash of "jun-aug"), the second's year after them, are a range."""
    return _MONTH_PAIR.fullmatch(norm, a.start, b.end) is not None


def _dated(a: Atom) -> Part | None:
    p = a.part
    return p if p is not None and p.day is not None and p.month is not None and not a.form else None


def _number_before(a: Atom, norm: str, ctx: TimeContext, limit: int) -> Atom | None:
    """ "2–9 May", "between 2 and 9 May": a day number of the same month before a date."""
    if _dated(a) is None:
        return None
    m = _NUM_BEFORE.search(norm, max(limit, a.start - 20), a.start)
    if m is None or (m["c"] == "and" and m["w"] != "between"):
        return None
    form = _range_form(Atom(m.start(), m.end(), part=Part(day=int(m["d"]))), a, ctx)
    return None if form is None else Atom(m.start(), a.end, form=form)


def _number_after(a: Atom, norm: str, ctx: TimeContext, following: int) -> Atom | None:
    """ "May 2 to 9", "5月2日到9日", "2026年11月10日–16日": a day number after a date."""
    day = _dated(a)
    if day is None:
        return None
    m = _NUM_AFTER.match(norm, a.end)
    if m is None or m.end("d" if m["d"] else "zd") > following:
        return None  # (its year words may be an atom of their own: taken in, see `_ranges`)
    next_day = (
        day.day is not None
        and int(m["d"] or m["zd"]) == day.day + 1
        and not _ANY_COMPARISON.search(norm)
    )
    if m["c"] == "and" and not re.search(r"\bbetween\s+$", norm[: a.start]) and not next_day:
        return None  # "March 14 and 20" are two days; "March 14 and 15" one span of two
    pre = _RANGE_BEFORE.search(norm, max(0, a.start - 10), a.start)
    year = _int(m["y"]) or (ctx.today.year - (m["yw"] == "last") if m["yw"] else None)
    last = Atom(m.start(), m.end(), part=Part(year=year, day=int(m["d"] or m["zd"])))
    form = _range_form(a, last, ctx)
    return None if form is None else Atom(pre.start() if pre else a.start, m.end(), form=form)


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _range_form(a: Atom, b: Atom, ctx: TimeContext) -> Form | None:
    """From the start of `a` through the end of `b`, the missing parts of each taken from the
    other (a year-less pair: the most recent that started before today; one that wraps the year and
    began less than a month ago means the one before)."""
    pa, pb = a.part, b.part
    if pa is not None and pb is not None:
        if not pa.complete:
            pa = replace(pa, month=pb.month) if pb.day and pb.month else None
        if pa is not None and not pb.complete:
            pb = replace(pb, month=pa.month) if pa.day and pa.month else None
        if pa is None or pb is None:
            return None
    elif (pa is not None and not pa.complete) or (pb is not None and not pb.complete):
        return None
    if pa is not None and pa.year is None and not pa.last:
        anchor = _start(pb, b, ctx) if pb is None or pb.year is not None else None
        year = year_of(pa, ctx.today) if anchor is None else anchor.year
        if year is None:
            return None
        if anchor is not None and _first(pa, year) > anchor:
            year -= 1
        wraps = (
            pb is not None and pb.month is not None and pa.month is not None and pb.month < pa.month
        )
        if anchor is None and wraps and _first(pa, year) > ctx.today - timedelta(days=31):
            # "December to March" on 1 or 2 December: the last one, not one barely begun
            year -= 1
        pa = replace(pa, year=year)
    start_a = _start(pa, a, ctx)
    if start_a is None:
        return None
    if pb is not None and pb.year is None and not pb.last:
        year = start_a.year
        if _first(pb, year) < start_a:
            year += 1
        pb = replace(pb, year=year)
    ra = range_of(replace(a, part=pa, form=None) if pa else a, ctx)
    rb = range_of(replace(b, part=pb, form=None) if pb else b, ctx)
    if ra is None or rb is None or rb.end <= ra.start:
        return None
    return {"kind": "between", "first": ra.start, "last": rb.end - ONE_DAY}


def _first(p: Part, year: int) -> date:
    found = bounds(p, year)
    return found[0] if found else date.max


def _start(p: Part | None, a: Atom, ctx: TimeContext) -> date | None:
    r = range_of(replace(a, part=p, form=None) if p else a, ctx)
    return None if r is None else r.start


# -- pass 3: one name and its words -------------------------------------------------------------
def _unit(word: str) -> Grain:
    return UNIT_EN.get(word) or UNIT_ZH[word]


def _week_of(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """ "the week of 2 Nov", "11月2日那周": the calendar week containing the day."""
    r = range_of(a, ctx)
    if r is None or r.days != 1:
        return None
    start = truncate(r.start, "week", ctx.week_start)
    return Atom(0, 0, form={"kind": "range", "start": start, "end": shift(start, "week")})


def _holiday_week(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """ "Chinese New Year week", "Black Friday week": the calendar week of a one-day holiday."""
    return _week_of(a, bm, am, ctx) if a.part is not None and a.part.holiday else None


def _holiday_weekend(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """ "the Easter weekend" (Good Friday to Easter Monday), "Thanksgiving weekend" (Thursday to
    Sunday), "the Memorial Day weekend": the weekend a one-day holiday falls on or next to — with
    a Monday or Friday holiday, the three days; a Tuesday to Thursday holiday, the weekend after
    it."""
    if a.part is None or not a.part.holiday:
        return None
    r = range_of(a, ctx)
    if r is None or r.days != 1:
        return None
    day, weekday = r.start, r.start.weekday()  # Monday 0 … Sunday 6
    if a.part.holiday == "easter":
        start, days = day - timedelta(days=2), 4
    elif a.part.holiday == "thanksgiving":  # Thursday to Sunday, Black Friday included
        start, days = day, 4
    elif weekday == 0:
        start, days = day - timedelta(days=2), 3
    elif weekday == 4:
        start, days = day, 3
    elif weekday >= 5:
        start, days = day - timedelta(days=weekday - 5), 2
    else:
        start, days = day + timedelta(days=5 - weekday), 2
    return Atom(0, 0, form={"kind": "range", "start": start, "end": start + timedelta(days=days)})


def _named_range(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """ "over the summer (jun-aug)", "Golden Week 2025 (Oct 1-7)", "暑期(6-8月)": a season's
    name before its explicit dates is part of them (the dates say which days)."""
    return a if a.form is not None and a.form["kind"] in ("between", "range") else None


def _units(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """N days/weeks/months from, after or before a day or period, or the first/last N of it."""
    m = am if am is not None and "u" in am.re.groupindex else bm
    assert m is not None
    r = range_of(a, ctx)
    if r is None or r.open_start:
        return None
    n, unit, rel = int(m["n"] or 1), _unit(m["u"]), m["rel"] or ""
    if rel in ("前", "后"):  # "双十一前7天": before the day; "本月前10天": its first 10 days
        rel = ("first" if rel == "前" else "last") if r.days > 1 else rel
    if rel in ("starting", "beginning", "commencing", "from", "开始", "起", "first", "头"):
        start, end = r.start, shift(r.start, unit, n)
    elif rel in ("last", "final", "最后"):
        start, end = shift(r.end, unit, -n), r.end
    elif a.part is None:
        return None  # "the week before (9–15 Nov)": a period before an explicit range is unclear
    elif rel in ("after", "following", "之后", "以后", "后"):
        start, end = r.end, shift(r.end, unit, n)
    else:  # before, prior to, leading up to, 之前, 以前, 前
        start, end = shift(r.start, unit, -n), r.start
    return Atom(0, 0, form={"kind": "range", "start": start, "end": end})


def _since(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """ "since March", "自3月以来", "3月以来", "从5月1日起", "after 1 May" (from the next day)."""
    word = bm[0].strip() if bm else ""
    if word == "从" and am is None:
        return None  # "从3月的数据看": 从 alone is not "since"
    word = word or (am[0].strip() if am else "")
    first = (word.split() or [""])[0]
    if first in ("from", "starting", "beginning", "after") and a.part is None:
        return None  # "users from last week" are last week's users
    if first == "from" and am is None and (a.part is None or a.part.day is None):
        return None  # "revenue from March" is March's; "from 1 May" starts on a day
    if a.form is not None and a.form["kind"] in ("this", "since", "today"):
        return a  # "今年到目前为止", "本月至今": to date already
    r = range_of(a, ctx)
    if r is None or r.open_start:
        return None
    zh_after = word in ("之后", "以后", "后")
    if (first == "after" or zh_after) and a.part is None:
        return None  # "上周之后": not a calendar bound
    # "after 1 May" starts on the 2nd; "5月1日以后", "7月以后" count from the day or month named,
    # as Chinese readers do (以后 keeps its own point, like 以上 and 以下)
    return Atom(0, 0, form={"kind": "since", "start": r.end if first == "after" else r.start})


def _since_event(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """ "3月18号上线之后", "4月涨价以后": since a day or month in which something happened (not
    "上个月售后")."""
    if a.part is None or (a.part.day is None and a.part.month is None):
        return None
    if am is not None and _PEOPLE_THEN.search(am[0]):
        return None  # "9月首购客户之后每个月": September's customers, followed; not "since"
    if bm is None and am is not None and am[0][:1].isspace():
        return None  # "11月 加购之后流失了多少人": the month, then a step and what came after it
    return _since(a, bm, am, ctx)


# People named between a month and 之后 ("9月首购客户之后"): who they are, then what they did.
_PEOPLE_THEN = re.compile(
    r"(?:客户|用户|会员|顾客|玩家|读者|学员|客人|买家|新客|老客)\s?(?:之后|以后|后)"
)


def _until(
    a: Atom, bm: re.Match[str] | None, am: re.Match[str] | None, ctx: TimeContext
) -> Atom | None:
    """ "until 1 May", "up to May", "截至5月", "累计到上个月"; "before June", "5月之前"."""
    word = (bm[0].strip() if bm else "") or (am[0].strip() if am else "")
    before = (word.split() or [""])[0] in ("before", "prior", "earlier") or word in (
        "之前",
        "以前",
        "前",
    )
    if before and a.part is None:
        return None  # "before last week": not a calendar bound
    r = range_of(a, ctx)
    if r is None or r.open_start:
        return None
    return Atom(0, 0, form={"kind": "until", "last": r.start - ONE_DAY if before else r.last_day})


_EVENT_WORD = (
    r"(?!(?:vs|versus|compared|than|and|or|but|to|until|till|through|thru|between|"
    r"except|excluding|not|how|what|which|who|when|did|does|do|is|was|were)\b)[a-z]+"
)
_EVENT_ZH = r"[^\s\d的前后到至和跟与比那这周天月年日号以之起]"
_EN_U = r"(?P<u>day|week|month|quarter|year)s?"
_ZH_U = r"(?P<u>天|日|周|星期|礼拜|个月|月|个季度|季度|年)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?"
_RULES = [
    Rule(_week_of, before=re.compile(r"\b(?:the\s+)?(?:calendar\s+)?week\s+of\s+$"),
         after=re.compile(r"\s?(?:那|这|当|所在的?)\s?(?:1\s?)?(?:周|星期|礼拜)")),
    Rule(_named_range, before=re.compile(
        r"(?:\b(?:over|during|in|for|of)\s+)?(?:the\s+|this\s+|last\s+)?\b(?:summer|winter|autumn|"
        r"spring|fall|golden\s+week|holiday\s+season)\s+$|(?:暑假|暑期|寒假|夏天|夏季|冬天|冬季|黄金周)\s?(?:期间)?\s?$"),
        need_before=True),
    Rule(_holiday_week, after=re.compile(r"\s+week\b(?!\s+(?:over|on|to)\b)"), need_after=True),
    Rule(_holiday_weekend, after=re.compile(r"\s+(?:long\s+)?weekend\b"), need_after=True),
    Rule(_units, before=re.compile(
        rf"\b(?:the\s+)?(?:(?P<n>\d{{1,3}})\s+)?(?:full\s+|whole\s+|complete\s+)?{_EN_U}\s+"
        r"(?P<rel>starting|beginning|commencing|from|after|following|before|prior\s+to|leading\s+up"
        rf"\s+to)(?:\s+(?:on|from|with))?\s+{_WEEKDAY}$"), need_before=True),
    Rule(_units, before=re.compile(
        r"\b(?:(?:over|in|during)\s+)?(?:the\s+)?(?P<rel>first|last|final)\s+(?:(?P<n>\d{1,3})\s+)?"
        rf"(?:full\s+)?{_EN_U}\s+(?:of|in)\s+$"), need_before=True),
    Rule(_units, before=re.compile(r"(?:从|自)\s?$"), after=re.compile(
        rf"\s?(?P<rel>开始|起)\s?的?\s?(?P<n>\d{{1,3}})\s?(?:个\s?)?{_ZH_U}"), need_after=True),
    Rule(_units, after=re.compile(
        rf"\s?(?:的\s?)?(?P<rel>之后|以后|之前|以前|前|后|头|最后)\s?的?\s?(?P<n>\d{{1,3}})\s?{_ZH_U}"),
        need_after=True),
    # an event between a date and 以来 / 之后: "3月18号上线之后", "自3月18日上线以来"
    Rule(_since_event, before=re.compile(r"(?:自从|自|从)\s?$"), after=re.compile(
        rf"\s?(?:{_EVENT_ZH}{{1,4}}?\s?(?:以来|之后|以后)|{_EVENT_ZH}{{2,4}}?\s?(?<![售落善然])后)"
        r"(?!\s?的?\s?\d)"), need_after=True, loose=True),
    Rule(_since, before=re.compile(r"(?:自从|自|从|\bfrom\s)\s?$"), after=re.compile(
        r"\s?(?:以来|起|开始|至今|到现在|到今天|到目前(?:为止)?|迄今(?:为止)?)"
        r"|\s?(?:之后|以后|后)(?!\s?的?\s?\d)|\s+(?:onwards?|and\s+after|and\s+later)\b")),
    Rule(_since, before=re.compile(
        r"\b(?:since|from|starting(?:\s+(?:on|from))?|beginning(?:\s+(?:on|with))?|after)\s+$"),
        need_before=True),
    # an event between "since" and its date: "since the launch on 18 March"
    Rule(_since, before=re.compile(rf"\b(?:ever\s+)?since\s+(?:{_EVENT_WORD}\s+){{1,5}}$"),
         need_before=True, loose=True),
    Rule(_until, before=re.compile(
        r"\b(?:until|till|til|up\s+(?:to|until)|through|thru|(?:up\s+)?to\s+the\s+end\s+of|(?:by|until|"
        r"till|through|at)\s+the\s+end\s+of|as\s+of|ending(?:\s+(?:on|in))?|before|prior\s+to|"
        r"earlier\s+than)\s+$|(?:截至|截止|直到|一直到)\s?(?:到|至)?\s?$|累计\s?(?:到|至)\s?$"),
        need_before=True),
    Rule(_until, before=re.compile(r"到\s?$"), after=re.compile(r"\s?为止"), need_after=True),
    Rule(_until, after=re.compile(r"\s?(?:之前|以前|前)(?!\s?的?\s?\d)"), need_after=True),
]  # fmt: skip


__all__ = ["combine", "range_of"]
