"""More of the time grammar: phrases blind evaluation suites read wrongly, each resolved on a fixed
day to exact half-open [start, end) dates.

Today is Wednesday 17 Jun 2026 (weeks start on Monday) unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.nlu import EmbeddedPlanner
from assistant.nlu.holidays import occurrence
from assistant.nlu.text import prepare
from assistant.nlu.timewords import find_comparison, find_times
from semantic_layer.model import demo_model
from semantic_layer.time import TimeContext, TimeSpec, resolve

JUNE = TimeContext(today=date(2026, 6, 17))  # a Wednesday


def spans(question: str, ctx: TimeContext = JUNE) -> list[tuple[str, str]]:
    """The resolved [start, end) of every time phrase, in order."""
    out = []
    for t in find_times(prepare(question).norm, ctx):
        r = resolve(t.spec, ctx)
        out.append((r.start.isoformat(), r.end.isoformat()))
    return out


def days(form: dict[str, Any]) -> tuple[str, str]:
    r = resolve(TimeSpec.parse(form), JUNE)
    return r.start.isoformat(), r.end.isoformat()


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner(demo_model())


def one(question: str, ctx: TimeContext = JUNE) -> tuple[str, str]:
    found = spans(question, ctx)
    assert len(found) == 1, (question, found)
    return found[0]


# -- 1. a holiday week's single day -------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("五一当天的销售额", "2026-05-01"),
        ("五一那天", "2026-05-01"),
        ("劳动节当天", "2026-05-01"),
        ("五一劳动节当天", "2026-05-01"),
        ("国庆当天", "2025-10-01"),  # not yet this year
        ("十一当天", "2025-10-01"),
        ("元旦当天", "2026-01-01"),
        ("618当天", "2025-06-18"),  # tomorrow: last year's
    ],
)
def test_the_day_of_a_holiday(question: str, start: str) -> None:
    first = date.fromisoformat(start)
    assert one(question) == (start, date.fromordinal(first.toordinal() + 1).isoformat())


@pytest.mark.parametrize("question", ["五一", "周一当天", "星期一那天", "第一天"])
def test_a_bare_one_is_not_labour_day(question: str) -> None:
    assert spans(question) == []


# -- 5. 春节 days: 除夕, 初一 … 初十 -------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("除夕到初三的销售额", "2026-02-16", "2026-02-20"),  # 春节 2026 = 17 Feb
        ("初一到初七", "2026-02-17", "2026-02-24"),
        ("大年初一", "2026-02-17", "2026-02-18"),
        ("正月初五", "2026-02-21", "2026-02-22"),
        ("初十", "2026-02-26", "2026-02-27"),
        ("大年三十", "2026-02-16", "2026-02-17"),
        ("除夕至初六", "2026-02-16", "2026-02-23"),
        ("2025年除夕到初三", "2025-01-28", "2025-02-01"),  # 春节 2025 = 29 Jan
        ("元宵节", "2026-03-03", "2026-03-04"),
    ],
)
def test_spring_festival_days(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


def test_spring_festival_days_come_from_the_table() -> None:
    for year in range(2020, 2031):
        new_year = occurrence("spring_festival", year)
        assert new_year is not None
        assert occurrence("spring_festival_day_1", year) == new_year
        day_7 = occurrence("spring_festival_day_7", year)
        assert day_7 is not None and (day_7[0] - new_year[0]).days == 6
    assert occurrence("spring_festival_day_3", 2031) is None


@pytest.mark.parametrize("question", ["月初1周", "年初3个月", "最初3天", "初3个月"])
def test_other_chu_is_not_a_spring_festival_day(question: str) -> None:
    assert spans(question) == []


# -- 2. next year, last year --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("明年一季度的销售额", "2027-01-01", "2027-04-01"),
        ("next year's Q1", "2027-01-01", "2027-04-01"),
        ("revenue in Q1 next year", "2027-01-01", "2027-04-01"),
        ("明年3月", "2027-03-01", "2027-04-01"),
        ("明年的销售额", "2027-01-01", "2028-01-01"),
        ("去年一季度", "2025-01-01", "2025-04-01"),
        ("last year's Q3", "2025-07-01", "2025-10-01"),
        ("Q3 of last year", "2025-07-01", "2025-10-01"),
    ],
)
def test_a_period_of_next_or_last_year(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


def test_next_year_is_in_the_future() -> None:
    (match,) = find_times(prepare("明年一季度").norm, JUNE)
    assert resolve(match.spec, JUNE).is_future(JUNE)


# -- 3. since an event on a date ----------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "revenue since the launch on march 18",
        "since we launched on 18 March",
        "ever since the redesign went live on 2026-03-18",
        "自3月18日上线以来的销售额",
        "3月18号上线之后的销售额",
        "3月18号上线后",
        "从3月18日改版以来",
    ],
)
def test_since_an_event_on_a_date(question: str) -> None:
    (match,) = find_times(prepare(question).norm, JUNE)
    assert match.spec.root.kind == "since"
    assert resolve(match.spec, JUNE).start == date(2026, 3, 18)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("revenue since launch", [("0001-01-01", "2026-06-17")]),  # no date: all the data
        ("3月18日以后", [("2026-03-18", "2026-06-17")]),  # from the day itself, as 以上
        ("after 18 March", [("2026-03-19", "2026-06-17")]),  # after the day itself
        ("since january how did 2026-03-18 do", [("2026-01-01", "2026-06-17"),
                                                    ("2026-03-18", "2026-03-19")]),
        ("since january the site on 2026-03-18", [("2026-01-01", "2026-06-17"),
                                                  ("2026-03-18", "2026-03-19")]),
        ("3月18日活动后7天", [("2026-03-18", "2026-03-19")]),  # not since: 7 days after it
        ("3月18日售后的转化", [("2026-03-18", "2026-03-19")]),  # 售后 is after-sales
        ("上个月售后旅程的转化情况", [("2026-05-01", "2026-06-01")]),
    ],
)  # fmt: skip
def test_since_takes_no_other_period(question: str, expected: list[tuple[str, str]]) -> None:
    assert spans(question) == expected


# -- 4. two periods compared with 比 ------------------------------------------------------------
Q2, Q1 = ("2026-04-01", "2026-06-17"), ("2026-01-01", "2026-04-01")  # Q2 to date


@pytest.mark.parametrize(
    ("question", "period", "baseline"),
    [
        ("二季度投放花费跟一季度比多了多少", Q2, Q1),
        ("二季度的销售额比一季度多了多少", Q2, Q1),
        ("revenue in Q2 compared with Q1", Q2, Q1),
        ("did Q2 revenue beat Q1", Q2, Q1),
        ("5月跟4月比销售额怎么样", ("2026-05-01", "2026-06-01"), ("2026-04-01", "2026-05-01")),
    ],
)
def test_two_periods_compared(
    planner: EmbeddedPlanner,
    question: str,
    period: tuple[str, str],
    baseline: tuple[str, str],
) -> None:
    p = planner.plan(question, JUNE).plan.model_dump(mode="json", exclude_none=True)
    assert p["compare"] == "previous_period"
    assert (days(p["time"]), days(p["baseline"])) == (period, baseline)


def test_this_month_with_last_month_is_like_for_like(planner: EmbeddedPlanner) -> None:
    p = planner.plan("这个月和上个月比销售额", JUNE).plan.model_dump(mode="json", exclude_none=True)
    assert (p["compare"], days(p["time"])) == ("previous_period", ("2026-06-01", "2026-06-17"))


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("5月跟4月比", True),
        ("二季度比一季度", True),
        ("各渠道销售额占比", False),
        ("上周各渠道的比例", False),
        ("比如上周的销售额", False),
        ("上周各渠道百分比", False),
        ("上周性价比", False),
    ],
)
def test_bi_alone_compares(question: str, compared: bool) -> None:
    assert (find_comparison(prepare(question).norm)[0] == "previous_period") is compared


# -- 6.–9. holiday weeks, explicit spans, named seasons -----------------------------------------
@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        ("revenue during Chinese New Year week", "2026-02-16", "2026-02-23"),  # Tue 17 Feb
        ("the week of chinese new year", "2026-02-16", "2026-02-23"),
        ("春节那周", "2026-02-16", "2026-02-23"),
        ("black friday week", "2025-11-24", "2025-12-01"),
        ("the whole CNY push between Jan 19 and Feb 28 this year", "2026-01-19", "2026-03-01"),
        ("over the summer (jun-aug)", "2026-06-01", "2026-09-01"),  # June has started
        ("revenue jun-aug", "2026-06-01", "2026-09-01"),
        ("in june july", "2026-06-01", "2026-08-01"),
        ("6-8月的销售额", "2026-06-01", "2026-09-01"),
        ("6月到8月", "2026-06-01", "2026-09-01"),
        ("暑期(6-8月)", "2026-06-01", "2026-09-01"),
        ("2025年6-8月", "2025-06-01", "2025-09-01"),
        ("7-9月", "2025-07-01", "2025-10-01"),  # not started this year: last year's
        ("Golden Week 2025 (Oct 1-7)", "2025-10-01", "2025-10-08"),
    ],
)
def test_weeks_and_spans(question: str, start: str, end: str) -> None:
    assert one(question) == (start, end)


def test_a_season_name_is_part_of_its_dates(planner: EmbeddedPlanner) -> None:
    # "golden" is not the gold member tier: the words belong to the dates
    (match,) = find_times(prepare("revenue during golden week 2025 (oct 1-7)").norm, JUNE)
    assert prepare("revenue during golden week 2025 (oct 1-7)").norm[match.start :] == (
        "during golden week 2025 oct 1-7"
    )
    p = planner.plan("revenue during Golden Week 2025 (Oct 1-7)", JUNE).plan
    assert p.model_dump(mode="json", exclude_none=True)["filters"] == []


@pytest.mark.parametrize("question", ["买了2-3月卡", "6-8月底"])
def test_a_month_span_needs_month_words(question: str) -> None:
    assert spans(question) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("fee income from March to the end of May", [("2026-03-01", "2026-06-01")]),
        ("from march until the end of may this year", [("2026-03-01", "2026-06-01")]),
        ("avg card price (Nov 1-11 last year)", [("2025-11-01", "2025-11-12")]),
        ("orders May 2 to 9 2025", [("2025-05-02", "2025-05-10")]),
        ("May 2 to 9 this year", [("2026-05-02", "2026-05-10")]),
    ],
)
def test_ranges_to_the_end_of_a_month_and_with_their_year_after(
    question: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a holiday's name, then the days it means: one period, the days said
        ("spend during the double 11 sale (Nov 1-11 last year)", [("2025-11-01", "2025-11-12")]),
        ("双十一期间（2025年11月1日-11日）的销售额", [("2025-11-01", "2025-11-12")]),
        # a year word before a holiday's day that already has that year
        ("今年春节当天签了几单", [("2026-02-17", "2026-02-18")]),
        # two holidays stay two periods
        ("双十一和618的销售额", [("2025-11-11", "2025-11-12"), ("2025-06-18", "2025-06-19")]),
    ],
)
def test_a_holiday_then_its_dates_is_one_period(
    question: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("lets signed on the August bank holiday", [("2025-08-25", "2025-08-26")]),
        ("orders on Labor Day", [("2025-09-01", "2025-09-02")]),
        ("thanksgiving week orders", [("2025-11-24", "2025-12-01")]),
        ("sales over Easter", [("2026-04-05", "2026-04-06")]),
        ("Good Friday visits", [("2026-04-03", "2026-04-04")]),
        ("母亲节当天销售额", [("2026-05-10", "2026-05-11")]),
        ("father's day revenue", [("2025-06-15", "2025-06-16")]),
        ("sales on the fourth of july", [("2025-07-04", "2025-07-05")]),
    ],
)
def test_western_holidays_by_their_rules(question: str, expected: list[tuple[str, str]]) -> None:
    """Today is 17 Jun 2026: a holiday named without a year is its latest that has started."""
    assert spans(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how much did we spend in march and april", [("2026-03-01", "2026-05-01")]),
        ("3月和4月一共花了多少", [("2026-03-01", "2026-05-01")]),
        # two months apart, or compared, stay two periods
        ("march and june spend", [("2026-03-01", "2026-04-01"), ("2026-06-01", "2026-06-17")]),
        ("3月和4月的销售额对比", [("2026-03-01", "2026-04-01"), ("2026-04-01", "2026-05-01")]),
    ],
)
def test_two_months_one_after_the_other_are_one_span(
    question: str, expected: list[tuple[str, str]]
) -> None:
    assert spans(question) == expected
