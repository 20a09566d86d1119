"""The patterns that find time atoms in a normalised question (`scan`), English and Chinese.

Order matters: an earlier pattern wins an overlap, so full dates come before relative periods
("11月2日前" is a date, not "2 days ago") and relative periods before bare month numbers ("前3月").
Words that are often something else are read as time only in context: "may" and "march" next
to a day number or year or after "in/since/until…", 618 or 520 unless a quantity word is next to
them, "1月卡" (a monthly card) never.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any, Final

from semantic_layer.time import TimeContext
from semantic_layer.timeparts.calendar import Grain, shift, truncate

from . import holidays
from .periods import NamedPeriod, scan_periods
from .timeatoms import Anaphor, AnaphorKind, Atom, Form, Part, days_from, part_range, period

Builder = Callable[[re.Match[str], TimeContext], Atom | None]

MONTHS: Final = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}  # fmt: skip
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
MONTH_WORDS: Final = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_MON = rf"(?P<mon>{MONTH_WORDS})\b\.?"
# Month words that are also ordinary words or abbreviations: read only in context.
_BARE_NEEDS_CONTEXT: Final = frozenset(m for m in MONTHS if len(m) <= 4 or m == "march")
_DAY_NEEDS_CONTEXT: Final = frozenset({"may", "march", "mar"})
_AND_ONLY: Final = re.compile(r"\s*(?:and|or|but|then|ok|okay)\s+")
UNIT_EN: Final[dict[str, Grain]] = {
    "day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"
}  # fmt: skip
UNIT_ZH: Final[dict[str, Grain]] = {
    "天": "day", "日": "day", "周": "week", "星期": "week", "礼拜": "week", "个月": "month",
    "月": "month", "个季度": "quarter", "季度": "quarter", "年": "year",
}  # fmt: skip
ZH_UNIT: Final = "(天|日|周|星期|礼拜|个月|月|个季度|季度|年)"
_PERIOD_ZH: Final[dict[str, Grain]] = {"周": "week", "星期": "week", "礼拜": "week",
                                      "月": "month", "季度": "quarter", "年": "year"}  # fmt: skip
WEEKDAYS: Final = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}  # fmt: skip
_WEEKDAYS_ZH: Final = {"1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "日": 6, "天": 6}
_ORDINAL: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2,
                   "3rd": 3, "4th": 4}  # fmt: skip
_PREVIOUS: Final = frozenset({"last", "past", "previous", "上", "上个"})

_STRONG = re.compile(
    r"\b(?:on|in|during|since|from|until|till|til|through|thru|of|for|last|this|up\s+to|before|"
    r"after|between|early|late|mid|whole|entire|all|starting|beginning|year\s+s|about|with|against|"
    r"vs|versus|than|compared?\s+to|relative\s+to|in\s+comparison\s+to)\s+$"
    r"|\b(?:during|in|since|before|after)\s+the\s+$"  # "during the July heat wave"
)
_WEAK = re.compile(r"(?:\b(?:to|and|by|vs|versus|than|starting|commencing|beginning)\s+|-\s*)$")
# another month word next to it, joined by "to", "and"… or by nothing ("jun-aug" is "jun aug")
_MONTH_BEFORE = re.compile(
    rf"\b{MONTH_WORDS}(?:\s+\d{{4}})?\s*(?:(?:to|and|-|\+|&|through|thru|until|till|vs|versus)\s*)?$"
)
_MONTH_AFTER = re.compile(
    rf"\s*(?:(?:to|and|-|\+|&|through|thru|until|till|vs\.?|versus|or)\s*)?{MONTH_WORDS}\b"
)  # "jul+aug", "jul & aug"
_SUBJECT = re.compile(r"\b(?:i|we|you|they|he|she|it|who|that|which|this|users?|customers?)\s+$")
_DAY_AFTER = re.compile(r"\s*(?:$|-|(?:to|and|through|thru|until|till)\b)")
_QUANTITY_BEFORE = re.compile(
    r"(?:\b(?:top|bottom|first|best|worst|largest|biggest|highest|lowest|above|below|over|under|"
    r"than|least|most|about|around|exactly)|超过|大于|小于|低于|高于|不到|至少|达到|前|后|第|约|共|"
    r"[><=])\s*$"
)
_QUANTITY_AFTER = re.compile(
    r"\s?(?:[\d%]|\.\d|[元块个人名次单件笔位条万千百]|(?:k|w|users?|orders?|people|customers?|times|"
    r"yuan|rmb|items?|units?|pcs|visits?|sessions?|clicks?|visitors?|buyers?)\b)"
)
_HOLIDAY_AFTER = re.compile(
    r"\s?(?:$|当天|当日|那天|那周|那1周|这1周|期间|大促|购物节|活动|的|销售|销量|成交|订单|流量|以来|之前|"
    r"之后|以后|"
    r"以前|到|至|和|与|-)|\s+(?:sales?|shopping|festival|day|period|promotion|promo|event|revenue|"
    r"gmv|vs|versus|compared|and|to|through|until|holidays?|by|for|in)\b"
)
_HOLIDAY_BEFORE = re.compile(
    r"(?:今年|去年|前年|\d{4}\s?年?|\b(?:during|on|for|in|over|at|since|from|until|before|after|"
    r"between|and|to|vs|versus|the))\s*$"
)


def quantity_around(text: str, start: int, end: int | None) -> bool:
    """Whether the number at [start, end) reads as a quantity ("top 3", "超过618", "618元")."""
    if _QUANTITY_BEFORE.search(text[max(0, start - 12) : start]):
        return True
    return end is not None and _QUANTITY_AFTER.match(text, end) is not None


def month_ok(m: re.Match[str], month: str, *, with_day: bool, sure: bool) -> bool:
    """Whether an English month word is a month here: "may" only next to a day number or year,
    after "in/since/until…", or in a range with another month ("from March to May")."""
    needs = _DAY_NEEDS_CONTEXT if with_day else _BARE_NEEDS_CONTEXT
    if sure or month not in needs:
        return True
    text = m.string
    before = text[max(0, m.start() - 30) : m.start()]
    if _STRONG.search(before):
        return True
    if with_day:  # "went live may 11 hotline vs …": a day number and no quantity after it
        return bool(
            _WEAK.search(before)
            or _DAY_AFTER.match(text, m.end())
            or not (_QUANTITY_AFTER.match(text, m.end()) or _SUBJECT.search(before))
        )
    if _AND_ONLY.fullmatch(before) and not text[m.end() :].strip(" ?？.!"):
        return True  # "and May?": a follow-up that names only another month
    if m.start() == 0 and month != "may":
        return True  # "March revenue", "Sept sales vs August": no question starts with a verb
    if m.end() == len(text) and month not in _DAY_NEEDS_CONTEXT:
        return True  # "… after a catalogue search? (Nov)": a month said last, as a time
    return bool(_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, m.end()))


# -- builders -----------------------------------------------------------------------------------
def _at(m: re.Match[str], **fields: Any) -> Atom:
    return Atom(m.start(), m.end(), **fields)


def _part(m: re.Match[str], **fields: Any) -> Atom:
    return Atom(m.start(), m.end(), part=Part(**fields))


def _int(text: str | None) -> int | None:
    return int(text) if text else None


# words after which "7/26" is a date, not a fraction
_DATE_BEFORE: Final = ("through", "thru", "to", "until", "till", "and", "since", "after",
                       "before", "on", "from", "of")  # fmt: skip


_DAY_FIRST: Final = re.compile(
    r"(?:Europe|Africa|Australia)/|Pacific/Auckland|Asia/(?:Kolkata|Singapore|Hong_Kong|Macau)"
    r"|America/(?:Sao_Paulo|Argentina|Bogota|Lima|Santiago|Mexico_City)"
)  # where "3/8" is written day first


def _date_with_year(m: re.Match[str], c: TimeContext) -> Atom | None:
    day_first = m[2] == "." or bool(_DAY_FIRST.match(c.timezone or ""))
    found = _month_and_day(int(m[1]), int(m[3]), day_first=day_first)
    return None if found is None else _part(m, year=int(m[4]), month=found[0], day=found[1])


def _two_months(m: re.Match[str], c: TimeContext) -> Atom | None:
    first, second = int(m[1]), int(m[2])
    if not (1 <= first <= 12 and second == first % 12 + 1):
        return None  # (12、1月: December and the January after it)
    span = part_range(Part(month=first), c.today)
    if span is None:
        return None
    return _at(m, form=period(span[0], shift(span[0], "month", 2), c.today))


def _month_day(m: re.Match[str], c: TimeContext) -> Atom | None:
    """ "7/26" is 26 July, and so is "26/7" (a month cannot be 26); "3/8" is 3 August in a
    model whose time zone writes the day first (Europe, Australia, India…), else 8 March;
    "7.10" (the Chinese way) is 10 July everywhere."""
    first, second = (int(n) for n in m.groups() if n is not None)
    day_first = "/" in m[0] and _writes_day_first(m.string, c)
    found = _month_and_day(first, second, day_first=day_first)
    return None if found is None else _part(m, month=found[0], day=found[1])


def _writes_day_first(text: str, c: TimeContext) -> bool:
    """Whether this question writes "a/b" day first: as another date of it shows when one can
    only be read one way ("10/29-11/7": 29 cannot be a month, so 11/7 is 7 November), else as
    the model's time zone writes it."""
    pairs = [(int(a), int(b)) for a, b in _SLASH_DATE.findall(text)]
    if any(b > 12 >= a for a, b in pairs):
        return False
    if any(a > 12 >= b for a, b in pairs):
        return True
    return bool(_DAY_FIRST.match(c.timezone or ""))


_SLASH_DATE: Final = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")


def _month_and_day(first: int, second: int, *, day_first: bool) -> tuple[int, int] | None:
    """Two numbers of a date as (month, day): the day first where the region writes it so, or
    where the first cannot be a month; none when neither order is a date."""
    if first > 12 >= second or (second <= 12 and day_first):
        first, second = second, first
    return (first, second) if 1 <= first <= 12 and 1 <= second <= 31 else None


def _last(n: int | str, unit: Grain) -> Form:
    return {"kind": "last", "n": int(n), "unit": unit}


def _last_n(m: re.Match[str], unit: Grain, anaphoric: bool) -> Atom:
    """ "last 14 days"; "previous 14 days" and "前14天" mean the 14 days before a period named
    just before them, if there is one."""
    n = int(m[2])
    return _at(m, form=_last(n, unit), anaphor=Anaphor("before", n, unit) if anaphoric else None)


def _ago(unit: Grain, n: int, ctx: TimeContext) -> Form:
    """The whole calendar period `n` periods before the current one, as exact days."""
    if unit == "day":
        return days_from(ctx.today - timedelta(days=n))
    start = shift(truncate(ctx.today, unit, ctx.week_start), unit, -n)
    return {"kind": "range", "start": start, "end": shift(start, unit)}


def _week_day(which: str, offset: int, ctx: TimeContext, days: int = 1) -> Form:
    """The day `offset` days after this (or last) week's Monday (Saturday: 5), `days` long."""
    week = truncate(ctx.today, "week", ctx.week_start)
    if which in _PREVIOUS:
        week -= timedelta(days=7)
    return days_from(week + timedelta(days=(offset - ctx.week_start) % 7), days)


def _year(m: re.Match[str], year: int, form: Form | None = None) -> Atom | None:
    if not 1970 <= year <= 2100:
        return None
    return _at(m, form=form or {"kind": "year", "year": year}, part=Part(year=year))


_YEAR_CONTEXT = re.compile(r"\b(?:in|during|for|of|since|from|until|till|through|thru|to|"
                           r"between|and|before|after|year|fy)\s+$")  # fmt: skip
_YEAR_THEN = re.compile(r"\s?(?:每|各|全年|整年|上半年|下半年|月度|季度|年度"
                        r"|(?:monthly|weekly|daily|quarterly|by)\b)")  # fmt: skip


def _bare_year(m: re.Match[str], c: TimeContext) -> Atom | None:
    before = m.string[max(0, m.start() - 10) : m.start()]
    if quantity_around(m.string, m.start(2), m.end()):
        return None  # "2000 users"
    if m["pre"] or _YEAR_CONTEXT.search(before) or m.string.startswith(" s", m.end()):
        return _year(m, int(m[2]))
    if 2000 <= int(m[2]) <= 2099 and not m.string[m.end() :].strip(" ?.!,"):
        return _year(m, int(m[2]))  # "monthly box office 2026": a year said last
    if abs(int(m[2]) - c.today.year) <= 10 and (
        not m.string[: m.start()].strip() or _YEAR_THEN.match(m.string, m.end())
    ):
        return _year(m, int(m[2]))  # "2026 monthly ROI", 2026每月投报率, 2026的营收: said first
    return None


def _day_en(m: re.Match[str], c: TimeContext) -> Atom | None:
    month, day, year = m["mon"].rstrip("."), m["day"], m["year"]
    sure = bool(year) or not day.isdigit()
    if quantity_around(m.string, m.start(), None) or not month_ok(m, month, with_day=True,
                                                                  sure=sure):  # fmt: skip
        return None
    return _part(m, year=_int(year), month=MONTHS[month], day=int(day.rstrip("stndrh")))


def _month_en(m: re.Match[str], c: TimeContext) -> Atom | None:
    which, month = m["which"], m["mon"].rstrip(".")
    if not month_ok(m, month, with_day=False, sure=bool(which or m["pre"] or m["poss"])):
        return None
    if which == "this":
        return _part(m, year=c.today.year, month=MONTHS[month])
    return _part(m, month=MONTHS[month], last=which == "last")


def _quarter(m: re.Match[str], c: TimeContext, number: int) -> Atom:
    which = m.groupdict().get("which")
    if which == "this":
        return _part(m, year=c.today.year, quarter=number)
    return _part(m, quarter=number, last=which == "last")


def _half(m: re.Match[str], c: TimeContext, number: int) -> Atom:
    which = m.groupdict().get("which")
    if which == "this" or m.groupdict().get("this_year"):
        return _part(m, year=c.today.year, half=number)
    return _part(m, half=number, last=which == "last")


_WINDOW = re.compile(
    r"\s?(?:放假的?那几天|那几天|放假期间|期间|假期|长假|小长假|黄金周|大促|购物节|档期|档)"
    r"|\s+(?:holidays?|hols|break|period|golden\s+week|shopping\s+festival|festival|week)\b"
)
_HOLIDAY_WEEK = re.compile(r"\s?(?:周|那周|那1周|这1周)(?![1-7一二三四五六日天末])|\s+week\b")
_N_DAYS = re.compile(r"\s?(\d{1,2})\s?天(?!\s?(?:内|之内|以内|后|之后|前|之前|留存))")
_ONE_DAY = re.compile(r"\s?(?:当天|当日|那天|那\s?1\s?天|这天)")
_AROUND = re.compile(r"\s?(?:前后|左右|附近)")
_AROUND_BEFORE = re.compile(r"\b(?:around|near)\s+(?:the\s+)?$")
_LAST_THIS = re.compile(r"\b(last|this)\s+$")


def _holiday(phrase_key: str, numeric: bool) -> Builder:
    def build(m: re.Match[str], c: TimeContext) -> Atom | None:
        key = phrase_key
        if key == "golden_week":  # Japan's Golden Week for a model in Japan, else China's
            key = "japan_golden_week" if (c.timezone or "") == "Asia/Tokyo" else "national_day"
        text, end = m.string, m.end()
        if _AROUND.match(text, end) or _AROUND_BEFORE.search(
            text[max(0, m.start() - 12) : m.start()]
        ):
            return None  # "双十一前后": no agreed window, so not read
        if numeric and (
            quantity_around(text, m.start(), end)
            or not (_HOLIDAY_AFTER.match(text, end) or _HOLIDAY_BEFORE.search(text[: m.start()]))
        ):
            return None
        name, single, start = key, False, m.start()
        which = _LAST_THIS.search(text, max(0, start - 6), start)
        if which:
            start = which.start()
        if found := _HOLIDAY_WEEK.match(text, end):  # 黑五周, "Black Friday week": its week
            span = part_range(Part(holiday=key, last=bool(which and which[1] == "last")), c.today)
            if span is None:
                return None
            if span[1] - span[0] > timedelta(1):  # 国庆那周: the holiday week itself
                return Atom(
                    start,
                    found.end(),
                    part=Part(holiday=key, last=bool(which and which[1] == "last")),
                )
            monday = truncate(span[0], "week", c.week_start)
            return Atom(start, found.end(), form=period(monday, monday + timedelta(7), c.today))
        if (found := _N_DAYS.match(text, end)) and 2 <= int(found[1]) <= 15:
            span = part_range(Part(holiday=holidays.WINDOWS.get(key, key)), c.today)
            if span is None:  # "国庆8天": the holiday's first day and the days said
                return None
            days = timedelta(int(found[1]))
            return Atom(start, found.end(), form=period(span[0], span[0] + days, c.today))
        if found := _WINDOW.match(text, end):
            if key not in holidays.WINDOWS and _one_day(key, c.today):
                return None  # "双十一期间", "the Easter hols": a span of the business's, unknown
            name, end = holidays.WINDOWS.get(key, key), found.end()
        elif found := _ONE_DAY.match(text, end):
            single, end = True, found.end()
        part = Part(holiday=name, last=bool(which and which[1] == "last"))
        if which and which[1] == "this":
            part = Part(holiday=name, year=c.today.year)
        if single and not holidays.is_fixed_day(name):
            span = part_range(part, c.today)
            if span is None:
                return None
            part = Part(year=span[0].year, month=span[0].month, day=span[0].day)
        return Atom(start, end, part=part)

    return build


def _fiscal_year(m: re.Match[str], c: TimeContext) -> Atom:
    """ "this financial year" (to date: the year's days so far), "last FY", 上财年: whole
    financial years starting in the month of `c.fiscal_year_start`."""
    said = m["which"] or m["which2"] or m["zh"] or "this"
    last = said in ("last", "previous", "prior", "上", "去")
    month = c.fiscal_year_start
    start = date(c.today.year - (c.today.month < month), month, 1)
    if last:
        start = date(start.year - 1, month, 1)
    end = date(start.year + 1, month, 1) - timedelta(days=1)
    return _at(m, form={"kind": "between", "first": start, "last": end})


def _days_of_a_month(m: re.Match[str], c: TimeContext) -> Atom | None:
    """ "10月9-10日", "5月2到9号", "10月9号10号": the days from the first to the last, in the year
    said or the latest year they have begun by today."""
    month, first, last = int(m[2]), int(m[3]), int(m[4])
    if not 1 <= first < last <= 31:
        return None
    year = int(m[1]) if m[1] else c.today.year
    try:
        if not m[1] and date(year, month, first) > c.today:
            year -= 1
        start, end = date(year, month, first), date(year, month, last)
    except ValueError:
        return None
    return _at(m, form={"kind": "between", "first": start, "last": end})


def _one_day(key: str, today: date) -> bool:
    span = holidays.latest(key, today)
    return span is not None and span[0] == span[1]


# Meteorological seasons: their first month in the northern hemisphere, three months each.
_SEASON_START: Final = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_ZH: Final = {"春": "spring", "夏": "summer", "秋": "autumn", "冬": "winter"}
# Time zones below the equator: their seasons are the other way round.
_BELOW_EQUATOR: Final = re.compile(
    r"^(?:Australia/|Pacific/(?:Auckland|Chatham|Fiji|Tongatapu|Apia|Noumea)|Antarctica/"
    r"|America/(?:Sao_Paulo|Argentina/|Buenos_Aires|Santiago|Montevideo|Asuncion|La_Paz|Lima)"
    r"|Africa/(?:Johannesburg|Maputo|Harare|Lusaka|Windhoek|Gaborone|Maseru|Mbabane)"
    r"|Indian/(?:Mauritius|Reunion|Antananarivo))"
)


def _season(m: re.Match[str], c: TimeContext) -> Atom | None:
    """A season, in the hemisphere of the model's time zone: the latest one that has started by
    today ("last" the one before the season today is in, when today is in one)."""
    groups = m.groupdict()
    name = groups.get("season") or ("fall" if m[0].rstrip().endswith("fall") else None)
    name = name or _SEASON_ZH[m["zh"][0]]
    which = groups.get("which") or groups.get("which2")
    which = which or {"今年": "this", "去年": "last"}.get(groups.get("which3") or "")
    first = _SEASON_START[name]
    if _BELOW_EQUATOR.match(c.timezone or ""):
        first = (first + 6 - 1) % 12 + 1
    start = date(c.today.year + (1 if first == 12 else 0), first, 1)
    while start > c.today:
        start = date(start.year - 1, first, 1)
    if which == "last" and shift(start, "month", 3) > c.today:
        start = date(start.year - 1, first, 1)
    end = shift(start, "month", 3)
    return _at(m, form=period(start, end, c.today))


def _anaphor(kind: AnaphorKind, n: int = 1, unit: Grain = "day") -> Builder:
    return lambda m, c: _at(m, anaphor=Anaphor(kind, n, unit))


def _until_month_end(m: re.Match[str], c: TimeContext) -> Atom | None:
    year = _year_word(m["yw"], c) if m["yw"] else _int(m["y"])
    if m["m"] is None:
        return None if year is None else _at(m, form={"kind": "until", "last": date(year, 12, 31)})
    found = part_range(Part(year=year, month=int(m["m"])), c.today)
    return (
        None if found is None else _at(m, form={"kind": "until", "last": found[1] - timedelta(1)})
    )


def _year_word(word: str, c: TimeContext) -> int:
    return c.today.year - {"明年": -1, "今年": 0, "本年": 0, "去年": 1, "上年": 1, "前年": 2}[word]


_ALL_TIME = (
    r"\ball\s+time\b|\bever\b|\bsince\s+(?:the\s+)?(?:beginning|start|launch)\b|\bso\s+far\b"
    r"|\bsince\s+(?:we|you|they)\s+(?:started|began|launched|opened)(?:\s+(?:tracking|recording|"
    r"trading|selling|collecting))?\b"
    r"|(?<!\bup\s)\bto\s+date\b|\b(?:up\s+)?(?:until|till|to)\s+now\b|\bthus\s+far\b"
    r"|\bsince\s+(?:the\s+)?data\s+(?:starts?|started|begins?|began)\b"
    r"|\bsince\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?(?:data|records?)\b"
    r"|\bhistorically\b|历史上|历史以来|有史以来|全部时间|所有时间|迄今(?:为止)?|至今|到目前为止"
    r"|(?:上线|开服|公测|开业|开张|成立|开店)(?:以来|到现在|至今)|自(?:上线|开服|公测|开业|成立)以来"
    r"|截[至止](?:到)?(?:目前|现在|今天)(?:为止)?|目前为止|到现在为止"
    r"|累计(?!\s?(?:到|至|转化|留存|流失|复购))"
    r"|(?<![\d年今去本])(?<![\d年今去本]\s)全年(?!\s?\d)|\bthe\s+whole\s+period\b|\ball\s+(?:the\s+)?data\b"
)
_N = r"(\d{1,3})"
# what may not follow a month number: "1月卡" is a monthly card, "3月底" the end of March, "11月12"
# a day (a number of three digits or more is no day: 11月12378投诉 is November's 12378 complaints)
_MONTH_END = r"(?!\s?\d{1,2}(?!\d))(?!\s?(?:[卡租费票薪付结供度初]|底|末|中旬|上旬|下旬))"
_PRE = r"(?:(?:in|during|for|on)\s+)?"
_EN_UNIT = r"(day|week|month|quarter|year)s?\b"

# fmt: off
_NAMES_A_MONTH = re.compile(r"\b(?:august|may|july)\b")
PATTERNS: Final[list[tuple[re.Pattern[str], Builder]]] = [
    # a season with its year word (今年夏天) before the year word alone
    (re.compile(r"(?P<which3>今年|去年)?(?P<zh>夏天|夏季|冬天|冬季|春天|春季|秋天|秋季)(?!促销|大促|活动|新品|款|系列|上新|特惠)"),
     _season),
    # until the end of a month or year, as one phrase: "截至5月底", "截至去年底"
    (re.compile(r"(?:截至|截止|直到)\s?(?:到\s?)?(?:(?P<y>\d{4})\s?年\s?|(?P<yw>明年|今年|本年|去年|上年|前年)\s?)?"
                r"(?:(?P<m>\d{1,2})\s?月\s?)?(?:底|末)(?:\s?为止)?"), _until_month_end),
    # full dates: "2026-03-03", "2026/3/3", "2026年3月14日", "3月14号", "March 3, 2026", "14 Feb"
    (re.compile(r"(?<!\d)(?<!\d\.)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)"),
     lambda m, c: _part(m, year=int(m[1]), month=int(m[3]), day=int(m[4]))),
    # "17/10/2026", "10/17/2026" (the order as `_month_day`), "17.10.2026" (day first)
    (re.compile(r"(?<![\d./])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?![\d./])"), _date_with_year),
    # days of one month said together: "10月9-10日", "5月2到9号", "10月9号10号"
    (re.compile(r"(?<![\d.])(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?"
                r"(?:[-~到至]\s?|[日号]\s?[、,和]?\s?)(\d{1,2})\s?[日号]"), _days_of_a_month),
    (re.compile(r"(?<![\d.])(?:(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]"),
     lambda m, c: _part(m, year=_int(m[1]), month=int(m[2]), day=int(m[3]))),
    # a day number without 日 in a range of two such dates: "1月19到2月14", "3月1-3月15"
    (re.compile(r"(?<![\d.])(\d{1,2})\s?月\s?(\d{1,2})(?=\s?(?:到|至|-|~|–|—)\s?\d{1,2}\s?月\s?\d)"
                r"|(?<=[到至\-~–—])\s?(\d{1,2})\s?月\s?(\d{1,2})(?![\d日号])"),
     lambda m, c: _part(m, month=int(m[1] or m[3]), day=int(m[2] or m[4]))),
    # month/day and month.day, only where a range or a week says they are dates: "7/17-7/26",
    # "7.17~7.26", "8.10那周", "7/26 through 8/29", "the week of 7/26" (a lone "3.5" or "1/2"
    # stays a number); day/month when the first number cannot be a month ("26/7")
    (re.compile(r"(?<![\d./])(\d{1,2})[/.](\d{1,2})(?![\d./%])"
                r"(?=\s?(?:[-~到至]\s?\d{1,2}[/.]\d|那|当天|这周|那一周))"
                r"|(?<=[-~到至])\s?(\d{1,2})[/.](\d{1,2})(?![\d./%])"
                r"|(?<![\d./])(\d{1,2})/(\d{1,2})(?![\d./%])"
                r"(?=\s+(?:through|thru|to|until|till|and)\s+\d{1,2}/\d)"
                r"|(?:" + "|".join(rf"(?<=\b{w} )" for w in _DATE_BEFORE) + ")"
                r"(\d{1,2})/(\d{1,2})(?![\d./%])(?!\s*(?:of|people|users|customers)\b)"),
     _month_day),
    # a lone a/b that only a date can be, beside Chinese: "11/13 的销售额" (no thirteenth month)
    (re.compile(r"(?<![\d./])(\d{1,2})/(\d{1,2})(?![\d./%])(?=\s?[\u4e00-\u9fff])"),
     lambda m, c: _month_day(m, c) if max(int(m[1]), int(m[2])) > 12 else None),
    (re.compile(rf"\b{_MON}\s+(?P<day>\d{{1,2}}(?:st|nd|rd|th)?)\b(?![%:]|\.\d|\s?[%:])"
                r"(?:\s+(?P<year>\d{4})\b)?"), _day_en),
    (re.compile(rf"(?<![a-z\d.])(?:the\s+)?(?P<day>\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:of\s+)?{_MON}"
                r"(?:\s+(?P<year>\d{4})\b)?"), _day_en),
    # days and weekends around today
    (re.compile(r"the\s+day\s+before\s+yesterday|大前天|前天"),
     lambda m, c: _at(m, form=days_from(c.today - timedelta(3 if m[0] == "大前天" else 2)))),
    (re.compile(r"\b(last|this|past|previous)\s+(monday|tuesday|wednesday|thursday|friday|"
                r"saturday|sunday)\b"),
     lambda m, c: _at(m, form=_week_day(m[1], WEEKDAYS[m[2]], c))),
    (re.compile(r"(上个|上|本|这个|这)\s?(?:周|星期|礼拜)\s?([1-6](?!\s?[\d次个名位号%天日周月年])|日(?![活均报常志])|天)"),
     lambda m, c: _at(m, form=_week_day(m[1], _WEEKDAYS_ZH[m[2]], c))),
    (re.compile(r"\b(last|this|past|previous)\s+weekend\b|(上个|上|本|这个|这)\s?周末"),
     lambda m, c: _at(m, form=_week_day(m[1] or m[2], 5, c, days=2))),
    (re.compile(r"\bover\s+the\s+weekend\b(?!\s+(?:in|of|during)\b)"),  # the last one
     lambda m, c: _at(m, form=_week_day("last", 5, c, days=2))),
    # N periods back: the week before last, 上上周, 前年, 3 weeks ago, 3天前
    (re.compile(r"(?:the\s+)?(week|month|quarter|year)\s+before\s+last"),
     lambda m, c: _at(m, form=_ago(UNIT_EN[m[1]], 2, c))),
    (re.compile(r"上上\s?(周|星期|礼拜|个?月|个?季度)"),
     lambda m, c: _at(m, form=_ago(_PERIOD_ZH[m[1].lstrip("个")], 2, c))),
    (re.compile(r"前年"), lambda m, c: _year(m, c.today.year - 2, _ago("year", 2, c))),
    (re.compile(r"\b(\d{1,3}|a|one)\s+(day|week|month|quarter|year)s?\s+ago\b"),
     lambda m, c: _at(m, form=_ago(UNIT_EN[m[2]], int(m[1]) if m[1].isdigit() else 1, c))),
    (re.compile(rf"(?<![\d.])(\d{{1,3}})\s?{ZH_UNIT}前(?!\s?\d)"),
     lambda m, c: _at(m, form=_ago(UNIT_ZH[m[2]], int(m[1]), c))),
    # the last N periods ("previous 14 days" and "前14天" can also follow another period)
    (re.compile(rf"\b(?:(?:over|in|during)\s+)?(?:the\s+)?(last|past|previous|prior|preceding|"
                rf"recent)\s+{_N}\s+(?:(?:full|complete|whole|entire|calendar)\s+)?{_EN_UNIT}"),
     lambda m, c: _last_n(m, UNIT_EN[m[3]], m[1] in ("previous", "prior", "preceding"))),
    # a year back from today, not the calendar year before ("过去一年每个月", "the past year")
    (re.compile(r"(?:最近|近|过去)\s?1\s?(?:个)?(?:整)?年(?!度)|\b(?:the\s+|over\s+the\s+)?past\s+year\b"),
     lambda m, c: _at(m, form=_last(365, "day"))),
    (re.compile(rf"(最近|近|过去|前|最后)\s?{_N}\s?(?:个)?(?:完整的?|整)?{ZH_UNIT}"),
     lambda m, c: _last_n(m, UNIT_ZH[m[3]], m[1] == "前")),
    (re.compile(r"(?:最近|近|过去)\s?半年"), lambda m, c: _at(m, form=_last(6, "month"))),
    # "最近几天", "这几天", "the last few days": a week back (the answer says the days)
    (re.compile(r"(?:最近|近|过去|这)\s?几天|\b(?:the\s+)?(?:last|past)\s+(?:few|couple\s+of)\s+days\b"),
     lambda m, c: _at(m, form=_last(7, "day"))),
    (re.compile(r"(?:the\s+)?(?:past|last)\s+(?:7|seven)\s*days?|(?:the\s+)?past\s+week"),
     lambda m, c: _at(m, form=_last(7, "day"))),
    (re.compile(r"(?:the\s+)?(?:past|last)\s+30\s*days?|(?:the\s+)?past\s+month"),
     lambda m, c: _at(m, form=_last(30, "day"))),
    (re.compile(r"(?:the\s+)?past\s+fortnight"), lambda m, c: _at(m, form=_last(14, "day"))),
    (re.compile(r"(?:the\s+)?(?:last|previous)\s+fortnight"),
     lambda m, c: _at(m, form=_last(2, "week"))),
    # yesterday, today
    (re.compile(r"\byesterday(?:\s+(?:morning|afternoon|evening))?\b|\blast\s+night\b"
                r"|(?:昨天|昨日)(?:\s?(?:上午|下午|早上|晚上|中午|凌晨))?|昨晚"),
     lambda m, c: _at(m, form=_last(1, "day"))),
    (re.compile(r"\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b"
                r"|(?:今天|今日)(?:\s?(?:上午|下午|早上|晚上|中午|凌晨))?|今早|今晨|今晚"),
     lambda m, c: _at(m, form={"kind": "today"})),
    # periods named relative to the one before: "the week before", "去年同期", "上一期"
    (re.compile(r"(?:the\s+)?same\s+(?:period|time|days?|week|month|quarter)\s+(?:of\s+|in\s+)?"
                r"(?:the\s+)?(?:last|previous|prior)\s+year|(?:去年|上年)?同期(?!群)"),
     _anaphor("last_year")),
    # "the 8 days before that", "… vs the 8 days before"
    (re.compile(rf"(?:the\s+)?{_N}\s+{_EN_UNIT}\s+before\s+(?:that|those|it|then)\b"
                rf"|the\s+{_N}\s+{_EN_UNIT}\s+before(?=\s*(?:$|[?,.!;]))"),
     lambda m, c: _at(m, anaphor=Anaphor("before", int(m[1] or m[3]), UNIT_EN[m[2] or m[4]]))),
    (re.compile(r"(?:the\s+)?(?:(?:previous|prior|preceding)\s+period|period\s+before)\b"
                r"|上\s?1?\s?期|前\s?1\s?期"), _anaphor("previous")),
    (re.compile(r"(?:the\s+)?(day|week|month|quarter|year)\s+before\b(?!\s+last)"
                r"(?:\s+(?:that|it|this|then)\b)?"),
     lambda m, c: _at(m, anaphor=Anaphor("before", 1, UNIT_EN[m[1]]))),
    # the financial year, from the month the model's business starts it (TimeContext)
    (re.compile(r"\b(?P<which>this|current|last|previous|prior)\s+(?:financial|fiscal)\s+year\b"
                r"|\b(?P<which2>this|last)\s+fy\b|\b(?P<td>fy\s?td|fiscal\s+year\s+to\s+date)\b"
                r"|(?P<zh>本|今|上|去|这)\s?(?:个|1)?\s?财(?:务)?年(?:度)?"), _fiscal_year),
    # last and this week, month, quarter, year
    (re.compile(r"\b(last|previous|prior)\s+(week|month|quarter|year)\b"),
     lambda m, c: _at(m, form=_last(1, UNIT_EN[m[2]]),
                      anaphor=Anaphor("before", 1, UNIT_EN[m[2]]) if m[1] != "last" else None,
                      part=Part(year=c.today.year - 1) if m[2] == "year" else None)),
    (re.compile(r"上\s?(?:1\s?)?(周|星期|礼拜|个月|月|个季度|季度)"),
     lambda m, c: _at(m, form=_last(1, UNIT_ZH[m[1]]))),
    (re.compile(r"去年|上\s?1\s?年|上年"),
     lambda m, c: _year(m, c.today.year - 1, _last(1, "year"))),
    (re.compile(r"明年|来年|\bnext\s+year\b"), lambda m, c: _year(m, c.today.year + 1)),
    (re.compile(r"\b(?:this|current)\s+(week|month|quarter|year)(?:\s+(?:so\s+far|to\s+date))?\b"
                r"|\b(week|month|quarter|year)\s+to\s+date\b"),
     lambda m, c: _at(m, form={"kind": "this", "unit": m[1] or m[2]},
                      part=Part(year=c.today.year) if "year" in m[0] else None)),
    (re.compile(r"\b(wtd|mtd|qtd|ytd)\b"),
     lambda m, c: _at(m, form={"kind": "this", "unit": {"w": "week", "m": "month", "q": "quarter",
                                                        "y": "year"}[m[1][0]]})),
    (re.compile(r"(?:本|这|这个|当|今)\s?(周|星期|礼拜|月|季度)|本季"),
     lambda m, c: _at(m, form={"kind": "this", "unit": _PERIOD_ZH.get(m[1] or "", "quarter")})),
    (re.compile(r"今年|本年"),
     lambda m, c: _year(m, c.today.year, {"kind": "this", "unit": "year"})),
    # quarters and halves
    (re.compile(r"(?<![\d.])(\d{4})\s?q([1-4])\b|\bq([1-4])\s?(\d{4})\b"),
     lambda m, c: _part(m, year=int(m[1] or m[4]), quarter=int(m[2] or m[3]))),
    (re.compile(r"(?<![\d.])(\d{4})\s?年\s?(?:的\s?)?(?:第\s?)?([1-4])\s?季度"),
     lambda m, c: _part(m, year=int(m[1]), quarter=int(m[2]))),
    (re.compile(r"\b(?:(?P<which>last|this)\s+)?(?:q([1-4])\b|quarter\s+([1-4])\b|(?:the\s+)?"
                r"(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b)"),
     lambda m, c: _quarter(m, c, int(m[2] or m[3] or _ORDINAL.get(m[4] or "", 0)))),
    (re.compile(r"第\s?([1-4])\s?季(?:度)?|(?<![\d.])([1-4])\s?季度"),
     lambda m, c: _quarter(m, c, int(m[1] or m[2]))),
    (re.compile(r"(?<![\d.])(\d{4})\s?h([12])\b"),
     lambda m, c: _part(m, year=int(m[1]), half=int(m[2]))),
    (re.compile(r"\b(?:(?P<which>last|this)\s+)?(?:h([12])\b|(?:the\s+)?(first|second|1st|2nd)"
                r"\s+half\b(?![\s-]*(?:price|off|discount))(?P<this_year>\s+of\s+(?:the|this)\s+year\b)?)"),
     lambda m, c: _half(m, c, int(m[2] or _ORDINAL[m[3]]))),
    (re.compile(r"(上|下)半年"), lambda m, c: _half(m, c, 1 if m[1] == "上" else 2)),
    # holidays named with a month ("the August bank holiday", "the fourth of July"): before
    # the month alone
    *((re.compile(f"(?<![a-z\\d.])(?:{pattern})(?![a-z\\d])"), _holiday(key, numeric))
      for pattern, key, numeric in holidays.PHRASES if _NAMES_A_MONTH.search(pattern)),
    # months and years
    (re.compile(r"(?<![\d.])(\d{4})[-/](\d{1,2})(?![-/.]?\d)"),
     lambda m, c: _part(m, year=int(m[1]), month=int(m[2]))),
    (re.compile(r"(?<![\d.])(\d{4})\s?年\s?(\d{1,2})\s?月(?:份)?"),
     lambda m, c: _part(m, year=int(m[1]), month=int(m[2]))),
    (re.compile(rf"\b{_PRE}{_MON}\s+(\d{{4}})\b"),
     lambda m, c: _part(m, year=int(m[2]), month=MONTHS[m["mon"].rstrip(".")])),
    (re.compile(rf"\b(?P<pre>(?:in|during|for)\s+)?(?:(?P<which>last|this)\s+)?{_MON}"
                r"(?P<poss>\s+s\b)?"), _month_en),
    # two months in a row listed: "7、8月" (normalised "7 8 月") is July and August
    (re.compile(r"(?<![\d.])(\d{1,2}) (\d{1,2})\s?月(?:份)?(?!\s?\d)"), _two_months),
    # the end of a range said as a month's end: "6月20号到7月底" runs to 31 July
    (re.compile(r"(?:(?<=[到至])|(?<=[到至]\s))(\d{1,2})\s?月\s?(?:底|末)(?!\s?\d)"),
     lambda m, c: _part(m, month=int(m[1])) if 1 <= int(m[1]) <= 12 else None),
    (re.compile(rf"(?<![\d.年])(\d{{1,2}})\s?月(?:份)?{_MONTH_END}"),
     lambda m, c: _part(m, month=int(m[1])) if 1 <= int(m[1]) <= 12 else None),
    # the first month of "6-8月", "6到8月" (the second is a month of its own)
    (re.compile(rf"(?<![\d.年/\-])(\d{{1,2}})(?=\s?[-到至]\s?\d{{1,2}}\s?月(?:份)?{_MONTH_END})"),
     lambda m, c: _part(m, month=int(m[1])) if 1 <= int(m[1]) <= 12 else None),
    (re.compile(r"(?<![\d.])(\d{4})\s?年(?!\s?(?:\d|底|末|初))"), lambda m, c: _year(m, int(m[1]))),
    (re.compile(r"\b(?P<pre>(?:in|during|for|of)\s+)?(?<![\d.\-/])\b(\d{4})\b(?![\d.\-/])"),
     _bare_year),
    # holidays and shopping festivals
    *((re.compile(f"(?<![a-z\\d.])(?:{pattern})(?![a-z\\d])"), _holiday(key, numeric))
      for pattern, key, numeric in holidays.PHRASES),
    # seasons: "over winter", "since the summer", 今年夏天 (after the holidays: spring festival)
    (re.compile(r"\b(?:(?:over|in|during|through)\s+)?(?:the\s+)?(?:(?P<which>last|this)\s+)?"
                r"(?P<season>summer|winter|spring|autumn)\b(?!\s+(?:sales?|festival|bank|"
                r"holidays?|promo|promotion|campaign|collection|range))"
                r"|\b(?:(?:over|in|during)\s+)?(?:the\s+)?(?:(?P<which2>last|this)\s+)?fall\b"
                r"(?=\s*(?:$|[?,.!]|\d{4}))"),
     _season),
    # all the data
    (re.compile(_ALL_TIME), lambda m, c: _at(m, everything=True)),
]
# fmt: on


def scan(norm: str, ctx: TimeContext, periods: Sequence[NamedPeriod] = ()) -> list[Atom]:
    """Every time atom of the question, left to right, without overlaps: the model's own named
    periods first, then the patterns (an earlier pattern in `PATTERNS` wins)."""
    taken: list[Atom] = scan_periods(norm, periods, ctx)
    for pattern, build in PATTERNS:
        for match in pattern.finditer(norm):
            start, end = match.span()
            if any(t.start < end and start < t.end for t in taken):
                continue
            try:
                atom = build(match, ctx)
            except (ValueError, KeyError, OverflowError):
                atom = None  # "31 Feb", "month 13": not a time after all
            if atom is not None and not any(
                t.start < atom.end and atom.start < t.end for t in taken
            ):
                taken.append(atom)
    return sorted(taken, key=lambda a: a.start)


__all__ = [
    "MONTHS",
    "MONTH_WORDS",
    "PATTERNS",
    "UNIT_EN",
    "UNIT_ZH",
    "WEEKDAYS",
    "month_ok",
    "scan",
]
