"""The time grammar: every phrase resolved on a fixed day to exact half-open [start, end) dates.

Today is Monday 23 Nov 2026 (weeks start on Monday) unless a test says otherwise; data ends the
day before, so periods that reach today are to date and end at 23 Nov.
"""

from __future__ import annotations

import itertools
import statistics
import time
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.nlu.holidays import HOLIDAYS, latest, occurrence
from assistant.nlu.text import prepare
from assistant.nlu.timewords import TimeMatch, find_comparison, find_times
from semantic_layer.time import (
    TimeContext,
    TimeError,
    TimeSpec,
    Until,
    comparison_range,
    resolve,
)

CTX = TimeContext(today=date(2026, 11, 23))  # a Monday
MARCH = TimeContext(today=date(2026, 3, 10))  # a Tuesday in March
SUNDAY_WEEKS = TimeContext(today=date(2026, 11, 25), week_start=6)  # a Wednesday
MIN = "0001-01-01"


def matches(question: str, ctx: TimeContext = CTX) -> list[TimeMatch]:
    return find_times(prepare(question).norm, ctx)


def spans(question: str, ctx: TimeContext = CTX) -> list[tuple[str, str]]:
    """The resolved [start, end) of every time phrase, in order."""
    out = []
    for t in matches(question, ctx):
        r = resolve(t.spec, ctx)
        out.append((r.start.isoformat(), r.end.isoformat()))
    return out


def one(question: str, ctx: TimeContext = CTX) -> tuple[str, str]:
    found = spans(question, ctx)
    assert len(found) == 1, (question, found)
    return found[0]


# -- 1. single days -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("revenue on 14 Feb", "2026-02-14"),
        ("14 February", "2026-02-14"),
        ("Feb 14th", "2026-02-14"),
        ("the 14th of february", "2026-02-14"),
        ("orders on March 3, 2026", "2026-03-03"),
        ("2026/3/3", "2026-03-03"),
        ("2026-03-03", "2026-03-03"),
        ("3月14日的销售额", "2026-03-14"),
        ("3月14号", "2026-03-14"),
        ("2026年3月14日", "2026-03-14"),
        ("2025年12月31日", "2025-12-31"),
        ("on 25 Dec", "2025-12-25"),  # the most recent 25 Dec up to today
        ("618当天", "2026-06-18"),
        ("yesterday", "2026-11-22"),
        ("昨天下午", "2026-11-22"),
        ("前天", "2026-11-21"),
        ("the day before yesterday", "2026-11-21"),
        ("大前天", "2026-11-20"),
        ("上周一", "2026-11-16"),
        ("last Monday", "2026-11-16"),
        ("上周日", "2026-11-22"),
        ("last sunday", "2026-11-22"),
        ("本周三", "2026-11-25"),
        ("this morning", "2026-11-23"),
        ("今天上午", "2026-11-23"),
    ],
)
def test_single_days(question: str, start: str) -> None:
    first, end = one(question)
    assert first == start and (date.fromisoformat(end) - date.fromisoformat(first)).days == 1


def test_a_day_without_a_year_stays_relative() -> None:
    [t] = matches("3月14日")
    assert t.spec.token == "--03-14"
    assert one("3月14日", MARCH) == ("2025-03-14", "2025-03-15")  # not yet this year


def test_last_monday_with_weeks_from_sunday() -> None:
    # Wednesday 25 Nov, weeks start on Sunday 22 Nov: last week is 15–21 Nov
    assert one("last monday", SUNDAY_WEEKS) == ("2026-11-16", "2026-11-17")
    assert one("last weekend", SUNDAY_WEEKS) == ("2026-11-21", "2026-11-23")


# -- 2. ranges ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("revenue from March to June", "2026-03-01", "2026-07-01"),
        ("March to June 2026", "2026-03-01", "2026-07-01"),
        ("march to june 2025", "2025-03-01", "2025-07-01"),
        ("between March and June", "2026-03-01", "2026-07-01"),
        ("between 2 and 9 May", "2026-05-02", "2026-05-10"),
        ("2–9 May", "2026-05-02", "2026-05-10"),
        ("from 2 May to 9 May", "2026-05-02", "2026-05-10"),
        ("May 2 to 9", "2026-05-02", "2026-05-10"),
        ("between Nov 2 and Nov 8, 2026", "2026-11-02", "2026-11-09"),
        ("26 Oct – 22 Nov 2026", "2026-10-26", "2026-11-23"),
        ("29 Dec 2025 – 4 Jan 2026", "2025-12-29", "2026-01-05"),
        ("from 2026/3/3 to 2026/3/9", "2026-03-03", "2026-03-10"),
        ("between 2026-10-01 and 2026-10-15", "2026-10-01", "2026-10-16"),
        ("3月到6月", "2026-03-01", "2026-07-01"),
        ("3月至6月的订单", "2026-03-01", "2026-07-01"),
        ("2026年3月到6月", "2026-03-01", "2026-07-01"),
        ("从2025年11月到2026年1月", "2025-11-01", "2026-02-01"),
        ("在3月和6月之间", "2026-03-01", "2026-07-01"),
        ("5月2日到9日", "2026-05-02", "2026-05-10"),
        ("5月2日-5月9日", "2026-05-02", "2026-05-10"),
        ("2026年11月10日–16日", "2026-11-10", "2026-11-17"),
        ("2026年10月26日–11月22日", "2026-10-26", "2026-11-23"),
        ("Q1 to Q3", "2026-01-01", "2026-10-01"),
        ("from Q2 to Q3 2025", "2025-04-01", "2025-10-01"),
        ("第一季度到第三季度", "2026-01-01", "2026-10-01"),
        ("from 2024 to 2026", "2024-01-01", "2026-11-23"),  # 2026 is to date
        ("2024年到2025年", "2024-01-01", "2026-01-01"),
        ("from March to November", "2026-03-01", "2026-11-23"),  # November is to date
        ("from last month to this month", "2026-10-01", "2026-11-23"),
        ("上周一到上周三", "2026-11-16", "2026-11-19"),
    ],
)
def test_ranges(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


def test_a_year_less_range_is_the_most_recent_that_started_before_today() -> None:
    assert one("from March to June", MARCH) == ("2026-03-01", "2026-07-01")
    assert one("from November to February", MARCH) == ("2025-11-01", "2026-03-01")
    assert one("5月2日到9日", MARCH) == ("2025-05-02", "2025-05-10")
    first_of_december = TimeContext(today=date(2026, 12, 1))  # the range starting today has no data
    assert one("from December to March", first_of_december) == ("2025-12-01", "2026-04-01")
    assert one("12月到3月", first_of_december) == ("2025-12-01", "2026-04-01")
    # one barely begun is not meant either ("NPS from Dec to April" on 2 December) …
    assert one("from December to March", TimeContext(today=date(2026, 12, 2)))[0] == "2025-12-01"
    # … but one more than a month under way is
    assert one("from December to March", TimeContext(today=date(2027, 1, 15)))[0] == "2026-12-01"
    assert one("from November to February", TimeContext(today=date(2026, 11, 20)))[0] == (
        "2025-11-01"
    )


@pytest.mark.parametrize(
    ("question", "timezone", "start", "end"),
    [
        ("weekly washes for the weeks 7/26 through 8/29", "America/Phoenix", "2026-07-26",
         "2026-08-30"),
        ("sign-ups from 26/7 to 3/8", "Europe/London", "2026-07-26", "2026-08-04"),
        ("sign-ups from 3/8 to 9/8", "America/New_York", "2026-03-08", "2026-09-09"),
        ("sign-ups on 3/8", "Australia/Sydney", "2026-08-03", "2026-08-04"),
        ("7.10~7.26 sign-ups", "Europe/London", "2026-07-10", "2026-07-27"),  # dots: month first
        ("bookings on 17/10/2026", "Europe/London", "2026-10-17", "2026-10-18"),
        ("bookings on 3/10/2026", "Europe/London", "2026-10-03", "2026-10-04"),
        ("washes on 3/10/2026", "America/Phoenix", "2026-03-10", "2026-03-11"),
        ("Umsatz am 17.10.2026", "Europe/Berlin", "2026-10-17", "2026-10-18"),
    ],
)  # fmt: skip
def test_month_slash_day_dates_follow_the_models_region(
    question: str, timezone: str, start: str, end: str
) -> None:
    context = TimeContext(today=date(2026, 11, 1), timezone=timezone)
    assert one(question, context) == (start, end)


@pytest.mark.parametrize("question", ["what share is 1/2 of users", "3/4 of customers churned"])
def test_a_fraction_is_not_a_date(question: str) -> None:
    assert spans(question) == []


@pytest.mark.parametrize(
    "question",
    [
        "compare March to June revenue",  # two months compared, not a range
        "March and June revenue",
        "3月和6月的订单",
        "What drove the change in conversion rate from October 2026 to last week",
        "转化率从2026年10月到上周变化的原因",
    ],
)
def test_two_periods_are_not_a_range(question: str) -> None:
    assert len(spans(question)) == 2


# -- 3. open ranges -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("revenue since March", "2026-03-01", "2026-11-23"),
        ("since 1 March", "2026-03-01", "2026-11-23"),
        ("since Q2", "2026-04-01", "2026-11-23"),
        ("since last week", "2026-11-16", "2026-11-23"),
        ("revenue since 2026-11-01", "2026-11-01", "2026-11-23"),
        ("自3月以来", "2026-03-01", "2026-11-23"),
        ("3月以来的订单", "2026-03-01", "2026-11-23"),
        ("从5月1日起", "2026-05-01", "2026-11-23"),
        ("11月1日以来一共有多少订单", "2026-11-01", "2026-11-23"),
        ("3月至今", "2026-03-01", "2026-11-23"),
        ("after 1 May", "2026-05-02", "2026-11-23"),
        ("5月1日之后", "2026-05-01", "2026-11-23"),  # 之后 keeps its day, as Chinese readers do
        ("until 1 May", MIN, "2026-05-02"),
        ("up to May", MIN, "2026-06-01"),
        ("through May", MIN, "2026-06-01"),
        ("截至5月", MIN, "2026-06-01"),
        ("截至5月底", MIN, "2026-06-01"),
        ("截至去年底", MIN, "2026-01-01"),
        ("5月之前", MIN, "2026-05-01"),
        ("11月2日前的订单", MIN, "2026-11-02"),
        ("before June", MIN, "2026-06-01"),
        ("before Black Friday", MIN, "2025-11-28"),
        ("累计到上个月", MIN, "2026-11-01"),
        ("up to 22 Nov 2026", MIN, "2026-11-23"),
        ("until the end of this month", MIN, "2026-11-23"),  # never past today
    ],
)
def test_open_ranges(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


def test_until_is_a_form_with_an_inclusive_last_day() -> None:
    [t] = matches("until 1 May")
    assert t.spec.form == Until(last=date(2026, 5, 1))
    assert t.spec.token == "..=2026-05-01"
    assert TimeSpec.parse_token("..=2026-05-01") == t.spec
    assert t.spec.phrase() == "up to 1 May 2026" and t.spec.phrase("zh") == "截至2026年5月1日"
    assert resolve(t.spec, CTX).label() == "up to 1 May 2026"
    with pytest.raises(TimeError, match="out of range"):
        TimeSpec.parse({"kind": "until", "last": "1800-01-01"})


@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)),
    st.builds(TimeContext, today=st.dates(date(1950, 1, 1), date(2150, 12, 31))),
)
def test_any_until_resolves_to_an_open_range_ending_by_today(last: date, ctx: TimeContext) -> None:
    spec = TimeSpec.parse({"kind": "until", "last": last})
    r = resolve(spec, ctx)
    assert r.open_start and r.end == min(last + timedelta(days=1), ctx.today)
    assert TimeSpec.parse_token(spec.token) == spec and r.label("en") and r.label("zh")
    with pytest.raises(TimeError):
        comparison_range(spec, ctx, "previous_period")


def test_from_alone_starts_only_on_a_day() -> None:
    assert one("users from last week") == ("2026-11-16", "2026-11-23")  # last week's users
    assert one("revenue from March") == ("2026-03-01", "2026-04-01")  # March's revenue
    assert one("revenue from 1 March") == ("2026-03-01", "2026-11-23")
    assert one("from March onwards") == ("2026-03-01", "2026-11-23")
    assert one("starting March") == ("2026-03-01", "2026-11-23")
    assert one("从3月") == ("2026-03-01", "2026-04-01")  # 从 alone is not "since"
    assert one("2025年前的数据") == (MIN, "2025-01-01")
    assert one("今年以来") == one("今年") and matches("今年到目前为止")[0].spec.token == "this_year"


# -- 4. named months, quarters, halves ----------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("March revenue", "2026-03-01", "2026-04-01"),
        ("revenue in March", "2026-03-01", "2026-04-01"),
        ("March's revenue", "2026-03-01", "2026-04-01"),
        ("July's revenue", "2026-07-01", "2026-08-01"),
        ("orders for March", "2026-03-01", "2026-04-01"),
        ("revenue in may", "2026-05-01", "2026-06-01"),
        ("may 2025", "2025-05-01", "2025-06-01"),
        ("last March", "2026-03-01", "2026-04-01"),
        ("this March", "2026-03-01", "2026-04-01"),
        ("march of last year", "2025-03-01", "2025-04-01"),
        ("last year's march", "2025-03-01", "2025-04-01"),
        ("November", "2026-11-01", "2026-11-23"),  # the current month is to date
        ("Q2", "2026-04-01", "2026-07-01"),
        ("2026 Q2", "2026-04-01", "2026-07-01"),
        ("Q2 2026", "2026-04-01", "2026-07-01"),
        ("second quarter", "2026-04-01", "2026-07-01"),
        ("the first quarter of 2025", "2025-01-01", "2025-04-01"),
        ("q4 last year", "2025-10-01", "2026-01-01"),
        ("last q4", "2025-10-01", "2026-01-01"),
        ("上季度", "2026-07-01", "2026-10-01"),
        ("本季度", "2026-10-01", "2026-11-23"),
        ("今年3月", "2026-03-01", "2026-04-01"),
        ("去年3月", "2025-03-01", "2025-04-01"),
        ("去年Q4", "2025-10-01", "2026-01-01"),
        ("去年第四季度", "2025-10-01", "2026-01-01"),
        ("2025年的第二季度", "2025-04-01", "2025-07-01"),
        ("今年上半年", "2026-01-01", "2026-07-01"),
        ("上半年", "2026-01-01", "2026-07-01"),
        ("下半年", "2026-07-01", "2026-11-23"),  # the current half is to date
        ("去年下半年", "2025-07-01", "2026-01-01"),
        ("first half of 2026", "2026-01-01", "2026-07-01"),
        ("the second half of last year", "2025-07-01", "2026-01-01"),
        ("H1", "2026-01-01", "2026-07-01"),
        ("H2 2025", "2025-07-01", "2026-01-01"),
        ("10月份", "2026-10-01", "2026-11-01"),
        ("in 2025", "2025-01-01", "2026-01-01"),
        ("2025年", "2025-01-01", "2026-01-01"),
    ],
)
def test_named_periods(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


def test_last_march_is_the_one_before_the_current_month() -> None:
    assert one("last March", MARCH) == ("2025-03-01", "2025-04-01")
    assert one("March", MARCH) == ("2026-03-01", "2026-03-10")  # this March, to date
    assert one("last Q1", MARCH) == ("2025-01-01", "2025-04-01")
    assert one("上半年", MARCH) == ("2026-01-01", "2026-03-10")
    assert one("下半年", MARCH) == ("2025-07-01", "2026-01-01")


# -- 5. weeks and spans from a day --------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("the week of 2 Nov", "2026-11-02", "2026-11-09"),
        ("the week of 4 Nov", "2026-11-02", "2026-11-09"),  # the calendar week containing it
        ("week starting 2 Nov", "2026-11-02", "2026-11-09"),
        ("the week starting Monday 2 Nov", "2026-11-02", "2026-11-09"),
        ("11月2日那周", "2026-11-02", "2026-11-09"),
        ("11月4日所在的周", "2026-11-02", "2026-11-09"),
        ("11月2日开始的一周", "2026-11-02", "2026-11-09"),
        ("the four weeks starting 2 Nov", "2026-11-02", "2026-11-30"),
        ("the 4 full weeks from 2 Nov", "2026-11-02", "2026-11-30"),
        ("从11月2日开始的4周", "2026-11-02", "2026-11-30"),
        ("the 2 months from March", "2026-03-01", "2026-05-01"),
        ("3月起的两个月", "2026-03-01", "2026-05-01"),
        ("the 7 days before Black Friday", "2025-11-21", "2025-11-28"),
        ("the week after black friday", "2025-11-29", "2025-12-06"),
        ("双十一前7天", "2026-11-04", "2026-11-11"),
        ("双十一后3天", "2026-11-12", "2026-11-15"),
        ("the first 2 weeks of November", "2026-11-01", "2026-11-15"),
        ("the last 7 days of October", "2026-10-25", "2026-11-01"),
        ("本月前10天", "2026-11-01", "2026-11-11"),
        ("上个月最后3天", "2026-10-29", "2026-11-01"),
    ],
)
def test_weeks_and_spans(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


# -- 6. relative periods ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("last week", "2026-11-16", "2026-11-23"),
        ("last 2 weeks", "2026-11-09", "2026-11-23"),
        ("前两周", "2026-11-09", "2026-11-23"),
        ("最近一周", "2026-11-16", "2026-11-23"),  # "last 1 week": the previous full week
        ("the past fortnight", "2026-11-09", "2026-11-23"),
        ("last fortnight", "2026-11-09", "2026-11-23"),
        ("近14天", "2026-11-09", "2026-11-23"),
        ("近半年", "2026-05-01", "2026-11-01"),
        ("本周末", "2026-11-28", "2026-11-30"),
        ("last weekend", "2026-11-21", "2026-11-23"),
        ("上周末", "2026-11-21", "2026-11-23"),
        ("3 weeks ago", "2026-11-02", "2026-11-09"),
        ("3天前", "2026-11-20", "2026-11-21"),
        ("上上周", "2026-11-09", "2026-11-16"),
        ("the week before last", "2026-11-09", "2026-11-16"),
        ("前年", "2024-01-01", "2025-01-01"),
        ("this year so far", "2026-01-01", "2026-11-23"),
        ("so far this year", "2026-01-01", "2026-11-23"),
        ("本月至今", "2026-11-01", "2026-11-23"),
    ],
)
def test_relative_periods(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


# -- 7. holidays --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("双十一的销售额", "2026-11-11", "2026-11-12"),
        ("双11", "2026-11-11", "2026-11-12"),
        ("11.11", "2026-11-11", "2026-11-12"),
        ("singles day", "2026-11-11", "2026-11-12"),
        ("Singles' Day orders", "2026-11-11", "2026-11-12"),
        ("双十二", "2025-12-12", "2025-12-13"),  # not yet this year
        ("12.12", "2025-12-12", "2025-12-13"),
        ("618的销售额", "2026-06-18", "2026-06-19"),
        ("6.18", "2026-06-18", "2026-06-19"),
        ("520的订单", "2026-05-20", "2026-05-21"),
        ("七夕", "2026-08-19", "2026-08-20"),
        ("春节", "2026-02-17", "2026-02-18"),
        ("Chinese New Year", "2026-02-17", "2026-02-18"),
        ("除夕", "2026-02-16", "2026-02-17"),
        ("春节期间", "2026-02-15", "2026-02-24"),  # the official 2026 window
        ("春节假期", "2026-02-15", "2026-02-24"),
        ("Spring Festival holiday", "2026-02-15", "2026-02-24"),
        ("2025年春节期间", "2025-01-28", "2025-02-05"),
        ("2028年春节期间", "2028-01-25", "2028-02-02"),  # the rule: 除夕 to 初七
        ("国庆", "2026-10-01", "2026-10-08"),
        ("国庆节期间", "2026-10-01", "2026-10-08"),
        ("国庆当天", "2026-10-01", "2026-10-02"),
        ("十一黄金周", "2026-10-01", "2026-10-08"),
        ("National Day holiday", "2026-10-01", "2026-10-08"),
        ("元旦", "2026-01-01", "2026-01-02"),
        ("劳动节", "2026-05-01", "2026-05-06"),
        ("五一劳动节", "2026-05-01", "2026-05-06"),
        ("五一假期", "2026-05-01", "2026-05-06"),
        ("中秋", "2026-09-25", "2026-09-26"),
        ("清明节", "2026-04-05", "2026-04-06"),
        ("端午", "2026-06-19", "2026-06-20"),
        ("圣诞", "2025-12-25", "2025-12-26"),
        ("Christmas", "2025-12-25", "2025-12-26"),
        ("christmas eve", "2025-12-24", "2025-12-25"),
        ("黑五", "2025-11-28", "2025-11-29"),
        ("Black Friday", "2025-11-28", "2025-11-29"),
        ("black friday 2024", "2024-11-29", "2024-11-30"),
        ("this black friday", "2026-11-27", "2026-11-28"),
        ("cyber monday 2025", "2025-12-01", "2025-12-02"),
        ("今年618", "2026-06-18", "2026-06-19"),
        ("去年双十一", "2025-11-11", "2025-11-12"),
        ("2025年双11", "2025-11-11", "2025-11-12"),
        ("last christmas", "2025-12-25", "2025-12-26"),
        ("the week of black friday", "2025-11-24", "2025-12-01"),
    ],
)
def test_holidays(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


def test_a_holiday_without_a_year_is_the_latest_that_has_started() -> None:
    assert one("双十一", MARCH) == ("2025-11-11", "2025-11-12")
    assert one("春节", MARCH) == ("2026-02-17", "2026-02-18")
    # 国庆 in progress on 3 Oct: to date
    assert one("国庆期间", TimeContext(today=date(2026, 10, 3))) == ("2026-10-01", "2026-10-03")


def test_holiday_tables() -> None:
    for key in HOLIDAYS:
        for year in range(2020, 2031):
            found = occurrence(key, year)
            assert found is not None and found[0] <= found[1] and found[0].year == year, key
    assert occurrence("black_friday", 2026) == (date(2026, 11, 27), date(2026, 11, 27))
    assert occurrence("black_friday", 2024) == (date(2024, 11, 29), date(2024, 11, 29))  # 5th Fri
    assert occurrence("spring_festival", 2031) is None  # beyond the table: unknown
    assert latest("mid_autumn", date(2026, 9, 24)) == (date(2025, 10, 6), date(2025, 10, 6))
    assert spans("2035年春节") == []  # not guessed


@pytest.mark.parametrize("question", ["双十一前后", "春节前后", "around christmas"])
def test_around_a_holiday_is_left_unread(question: str) -> None:
    assert spans(question) == []


# -- 8. all the data ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    ["revenue all time", "the best day ever", "orders so far", "revenue to date", "累计用户数",
     "迄今", "至今有多少用户", "有史以来", "历史上最好的一天", "截至目前的订单"],
)  # fmt: skip
def test_all_the_data(question: str) -> None:
    [t] = matches(question)
    assert t.spec.token == "all" and resolve(t.spec, CTX).start == date.min


@pytest.mark.parametrize(
    "question",
    ["how many users in total", "一共多少订单", "overall conversion rate", "合计销售额",
     "漏斗的累计转化率", "is the data up to date", "however you count it"],
)  # fmt: skip
def test_sums_are_not_times(question: str) -> None:
    assert spans(question) == []


@pytest.mark.parametrize(
    ("question", "text"),
    [("so far this year", "so far this year"), ("上个月的累计销售额", "上个月的累计"),
     ("上个月累计销售额", "上个月累计")],
)  # fmt: skip
def test_an_explicit_period_wins_over_all_the_data(question: str, text: str) -> None:
    norm = prepare(question).norm
    [t] = find_times(norm, CTX)
    assert norm[t.start : t.end] == text and t.spec.root.kind != "all"


# -- 9. two periods -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("this week against the week before", ("2026-11-23", "2026-11-24"),
         ("2026-11-16", "2026-11-23")),
        ("this week vs the week before", ("2026-11-23", "2026-11-24"),
         ("2026-11-16", "2026-11-23")),
        ("revenue last month vs the month before", ("2026-10-01", "2026-11-01"),
         ("2026-09-01", "2026-10-01")),
        ("近14天和前14天相比", ("2026-11-09", "2026-11-23"), ("2026-10-26", "2026-11-09")),
        ("最近7天对比前7天", ("2026-11-16", "2026-11-23"), ("2026-11-09", "2026-11-16")),
        ("上周和前一周", ("2026-11-16", "2026-11-23"), ("2026-11-09", "2026-11-16")),
        ("last 14 days vs the previous 14 days", ("2026-11-09", "2026-11-23"),
         ("2026-10-26", "2026-11-09")),
        ("last month compared with the period before", ("2026-10-01", "2026-11-01"),
         ("2026-09-01", "2026-10-01")),
        ("上个月和上一期对比", ("2026-10-01", "2026-11-01"), ("2026-09-01", "2026-10-01")),
        ("Q3 and the same period of the previous year", ("2026-07-01", "2026-10-01"),
         ("2025-07-01", "2025-10-01")),
    ],
)  # fmt: skip
def test_a_period_relative_to_the_one_before(
    question: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    assert spans(question) == [first, second]
    assert [t.relative for t in matches(question)] == [False, True]


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("did Q2 beat Q1?", ("2026-04-01", "2026-07-01"), ("2026-01-01", "2026-04-01")),
        ("10月 vs 9月", ("2026-10-01", "2026-11-01"), ("2026-09-01", "2026-10-01")),
        ("this month vs last month", ("2026-11-01", "2026-11-23"), ("2026-10-01", "2026-11-01")),
    ],
)
def test_two_named_periods(question: str, first: tuple[str, str], second: tuple[str, str]) -> None:
    assert spans(question) == [first, second]
    assert not any(t.relative for t in matches(question))


def test_a_relative_phrase_alone_is_left_to_the_follow_up() -> None:
    assert spans("what about the week before?") == []
    assert spans("compared to the week before") == []
    assert one("前7天") == ("2026-11-16", "2026-11-23")  # alone: the last 7 days


def test_the_same_period_last_year_said_as_a_comparison_stays_one() -> None:
    # find_comparison reads 同比 from these words; they are not a second period
    for question in ("revenue this month vs the same period last year", "本月和去年同期相比"):
        assert len(spans(question)) == 1
        assert find_comparison(prepare(question).norm)[0] == "same_period_last_year"


def test_find_comparison_is_unchanged() -> None:
    assert find_comparison(prepare("revenue vs last week").norm)[0] == "previous_period"
    assert find_comparison(prepare("环比").norm)[0] == "previous_period"
    assert find_comparison(prepare("同比增长").norm)[0] == "same_period_last_year"
    assert find_comparison(prepare("this week against last week").norm)[0] == "previous_period"
    assert find_comparison(prepare("revenue by channel").norm) == (None, [])


# -- 10. not times ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "top 3 channels", "前3名的渠道", "30-day retention", "7日留存", "3个渠道", "2 hours",
        "1月卡的销量", "月卡", "3个月", "may I see revenue by channel", "users who may churn",
        "top 3 march campaigns", "3/14", "超过618元的订单", "618元", "520元以上的订单",
        "revenue of 2000 users", "orders over 2025", "周一的销售额", "每周一", "五一",
        "revenue before checkout", "同期群", "3月底的销售额", "for the single day",
        "1531420618", "2035年春节", "Q1-Q3",
    ],
)  # fmt: skip
def test_not_times(question: str) -> None:
    found = spans(question)
    if question == "Q1-Q3":  # the dash is lost in normalisation: two quarters, not a range
        assert len(found) == 2
    else:
        assert found == [], found


def test_matches_are_sorted_non_overlapping_and_inside_the_text() -> None:
    questions = [
        "revenue from March to June vs the same months last year by channel",
        "上周一到上周三和前一周相比的销售额，截至5月底累计",
        "between 2 and 9 May, the week of 2 Nov and 双十一前7天",
    ]
    for q in questions:
        norm = prepare(q).norm
        found = find_times(norm, CTX)
        assert found
        for a, b in itertools.pairwise(found):
            assert a.end <= b.start
        assert all(0 <= t.start < t.end <= len(norm) for t in found)


def test_find_times_is_fast() -> None:
    norm = prepare("what was the conversion rate by channel from March to June vs Q1").norm
    runs = []
    for _ in range(50):
        began = time.perf_counter()
        find_times(norm, CTX)
        runs.append(time.perf_counter() - began)
    assert statistics.median(runs) < 0.003  # typically about 0.2 ms


def test_months_summed_with_a_plus_and_holiday_weekends() -> None:
    """ "Jul+Aug" is one span, also after "this summer" (the months say which); "the Easter
    weekend" is Good Friday to Easter Monday; "over the weekend" the last one."""
    november = TimeContext(today=date(2026, 11, 16))  # a Monday
    assert one("pickups jul+aug", november) == ("2026-07-01", "2026-09-01")
    assert one("top 5 branches this summer (Jul+Aug)", november) == ("2026-07-01", "2026-09-01")
    assert one("pickups over the Easter weekend", november) == ("2026-04-03", "2026-04-07")
    assert one("pickups over the weekend", november) == ("2026-11-14", "2026-11-16")


def test_golden_week_by_the_models_time_zone_and_obon() -> None:
    """ "Golden Week" is Japan's (29 Apr – 5 May) for a model in Japan, China's National Day week
    elsewhere; Obon is 13–16 Aug; "Golden Week 2025 (Oct 1-7)" is the dates said."""
    tokyo = TimeContext(today=date(2026, 12, 1), timezone="Asia/Tokyo")
    shanghai = TimeContext(today=date(2026, 12, 1), timezone="Asia/Shanghai")
    assert one("check-ins over Golden Week", tokyo) == ("2026-04-29", "2026-05-06")
    assert one("check-ins over Golden Week", shanghai) == ("2026-10-01", "2026-10-08")
    assert one("arrivals during obon", tokyo) == ("2026-08-13", "2026-08-17")
    assert one("tickets in golden week 2025 (Oct 1-7)", tokyo) == ("2025-10-01", "2025-10-08")


def test_two_days_compared_stay_apart_and_a_range_from_today_is_this_years() -> None:
    november = TimeContext(today=date(2026, 11, 10))
    assert len(spans("compare revenue on March 14 and 15", november)) != 1 or one(
        "compare revenue on March 14 and 15", november
    ) != ("2026-03-14", "2026-03-16")
    assert one("from November 10 to November 12", november)[0] == "2026-11-10"


def test_a_dashed_month_range_on_each_side_of_vs() -> None:
    assert spans("pass revenue Aug-Oct vs May-Jul", CTX)[:2] == [
        ("2026-08-01", "2026-11-01"),
        ("2026-05-01", "2026-08-01"),
    ]


def test_a_dashed_month_range_with_the_year_after_it() -> None:
    """ "jul-aug 2026": both months, the year said once after the second."""
    assert one("sign ups jul-aug 2026") == ("2026-07-01", "2026-09-01")
    assert one("sign-ups Jul - Aug 2025") == ("2025-07-01", "2025-09-01")


def test_n_days_before_a_range_said_with_vs() -> None:
    found = spans("mall entries during Golden Week (Oct 1-8) vs the 8 days before", CTX)
    assert found == [("2026-10-01", "2026-10-09"), ("2026-09-23", "2026-10-01")]


@pytest.mark.parametrize(
    ("question", "start"),
    [("4月涨价以后每个月的会员流失率", "2026-04-01"), ("8月降价以后的月卡漏斗", "2026-08-01")],
)
def test_a_month_and_what_happened_then_is_since_that_month(question: str, start: str) -> None:
    (found,) = matches(question, CTX)
    assert found.spec.root.kind == "since" and resolve(found.spec, CTX).start.isoformat() == start


@pytest.mark.parametrize(
    "question", ["双十一期间小程序卖了多少", "admissions over the Easter hols", "618大促的订单"]
)
def test_the_span_of_a_one_day_holiday_is_the_businesss_and_left_unread(question: str) -> None:
    """A one-day holiday's 期间 / holidays / 大促 is a span each business sets (1–11 Nov, 20 Oct –
    11 Nov, two weeks of school holidays): not the one day, nor National Day's "十一"; the
    model's `periods` can name it."""
    assert spans(question) == []
    assert one("十一期间小程序卖了多少") == ("2026-10-01", "2026-10-08")
    assert one("双十一当天的订单") == ("2026-11-11", "2026-11-12")


@pytest.mark.parametrize(
    ("question", "fiscal", "first", "end"),
    [
        ("settlements this financial year", 7, "2026-07-01", "2027-07-01"),
        ("settlements last FY", 7, "2025-07-01", "2026-07-01"),
        ("上财年放款总额", 4, "2025-04-01", "2026-04-01"),
        ("本财年营业额", 1, "2026-01-01", "2027-01-01"),  # a calendar year where it starts so
    ],
)
def test_the_financial_year_starts_in_the_businesss_month(
    question: str, fiscal: int, first: str, end: str
) -> None:
    ctx = TimeContext(today=date(2026, 11, 23), fiscal_year_start=fiscal)
    assert one(question, ctx) == (first, end)


def test_a_half_then_its_months_and_a_month_said_last() -> None:
    """ "H2 (Jul-Nov)": the months said, not 2 July; "(Nov)" said last is November."""
    december = TimeContext(today=date(2026, 12, 5))
    assert one("players in H2 (Jul-Nov)", december) == ("2026-07-01", "2026-12-01")
    assert one("what do people do after a catalogue search? (Nov)", december) == (
        "2026-11-01",
        "2026-12-01",
    )
