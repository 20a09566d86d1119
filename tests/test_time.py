"""Time specs resolved to exact ranges, comparisons, labels, errors (docs/design.md "Meanings")."""

from __future__ import annotations

import doctest
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

import semantic_layer.time as time_module
from semantic_layer.time import (
    GRAINS,
    AllTime,
    Between,
    DateRange,
    Day,
    Last,
    Month,
    Quarter,
    Range,
    Since,
    SpecForm,
    This,
    TimeContext,
    TimeError,
    TimeSpec,
    Today,
    Year,
    comparison_range,
    periods,
    previous_period,
    resolve,
    same_period_last_year,
    truncate,
)

MONDAY = TimeContext(today=date(2026, 11, 23))  # Monday 23 Nov 2026
SUNDAY = TimeContext(today=date(2026, 11, 22))
SUNDAY_WEEKS = TimeContext(today=date(2026, 11, 25), week_start=6)  # Wednesday, weeks from Sunday
FIRST_OF_MONTH = TimeContext(today=date(2026, 12, 1))  # a Tuesday
LEAP = TimeContext(today=date(2024, 3, 1))
NEW_YEAR = TimeContext(today=date(2026, 2, 10))
MONTH_END = TimeContext(today=date(2026, 3, 31))


def d(text: str) -> date:
    return date.fromisoformat(text)


def span(ctx: TimeContext, token: str) -> tuple[str, str]:
    r = resolve(TimeSpec.parse_token(token), ctx)
    return r.start.isoformat(), r.end.isoformat()


CASES = [
    # relative days and full periods before the current one
    (MONDAY, "today", "2026-11-23", "2026-11-24"),
    (MONDAY, "yesterday", "2026-11-22", "2026-11-23"),
    (MONDAY, "last_7_days", "2026-11-16", "2026-11-23"),  # excludes today
    (MONDAY, "last_week", "2026-11-16", "2026-11-23"),
    (MONDAY, "last_4_weeks", "2026-10-26", "2026-11-23"),
    (MONDAY, "last_month", "2026-10-01", "2026-11-01"),
    (MONDAY, "last_3_months", "2026-08-01", "2026-11-01"),
    (MONDAY, "last_quarter", "2026-07-01", "2026-10-01"),
    (MONDAY, "last_2_quarters", "2026-04-01", "2026-10-01"),
    (MONDAY, "last_year", "2025-01-01", "2026-01-01"),
    (SUNDAY, "last_week", "2026-11-09", "2026-11-16"),
    (SUNDAY, "last_7_days", "2026-11-15", "2026-11-22"),
    (SUNDAY_WEEKS, "last_week", "2026-11-15", "2026-11-22"),
    (SUNDAY_WEEKS, "last_2_weeks", "2026-11-08", "2026-11-22"),
    # to date: complete days up to today
    (MONDAY, "this_week", "2026-11-23", "2026-11-24"),  # first day of the week: today alone
    (SUNDAY, "this_week", "2026-11-16", "2026-11-22"),
    (SUNDAY_WEEKS, "this_week", "2026-11-22", "2026-11-25"),
    (MONDAY, "this_month", "2026-11-01", "2026-11-23"),
    (MONDAY, "this_quarter", "2026-10-01", "2026-11-23"),
    (MONDAY, "this_year", "2026-01-01", "2026-11-23"),
    (FIRST_OF_MONTH, "this_month", "2026-12-01", "2026-12-02"),  # never empty
    (FIRST_OF_MONTH, "last_month", "2026-11-01", "2026-12-01"),
    # month ends and leap years
    (MONTH_END, "last_month", "2026-02-01", "2026-03-01"),
    (MONTH_END, "this_month", "2026-03-01", "2026-03-31"),
    (LEAP, "yesterday", "2024-02-29", "2024-03-01"),
    (LEAP, "last_month", "2024-02-01", "2024-03-01"),
    (LEAP, "--02-29", "2024-02-29", "2024-03-01"),
    (MONDAY, "--02-29", "2024-02-29", "2024-03-01"),  # most recent 29 February
    # across the year boundary
    (NEW_YEAR, "last_quarter", "2025-10-01", "2026-01-01"),
    (NEW_YEAR, "this_quarter", "2026-01-01", "2026-02-10"),
    (NEW_YEAR, "Q4", "2025-10-01", "2026-01-01"),
    (NEW_YEAR, "Q1", "2026-01-01", "2026-02-10"),  # current quarter: to date
    (NEW_YEAR, "--12", "2025-12-01", "2026-01-01"),
    (NEW_YEAR, "last_3_months", "2025-11-01", "2026-02-01"),
    # named periods
    (MONDAY, "2025-10", "2025-10-01", "2025-11-01"),
    (MONDAY, "--10", "2026-10-01", "2026-11-01"),
    (MONDAY, "--11", "2026-11-01", "2026-11-23"),
    (MONDAY, "--12", "2025-12-01", "2026-01-01"),
    (MONDAY, "Q3", "2026-07-01", "2026-10-01"),
    (MONDAY, "2024-Q3", "2024-07-01", "2024-10-01"),
    (MONDAY, "2025", "2025-01-01", "2026-01-01"),
    (MONDAY, "2026", "2026-01-01", "2026-11-23"),
    (MONDAY, "2027-03", "2027-03-01", "2027-04-01"),  # future: resolves, flagged by is_future
    (MONDAY, "2025-11-03", "2025-11-03", "2025-11-04"),
    (MONDAY, "--11-11", "2026-11-11", "2026-11-12"),
    (MONDAY, "--12-25", "2025-12-25", "2025-12-26"),
    # explicit ranges
    (MONDAY, "2025-11-03..2025-11-10", "2025-11-03", "2025-11-10"),
    (MONDAY, "2025-11-03..=2025-11-09", "2025-11-03", "2025-11-10"),
    (MONDAY, "2026-11-01..", "2026-11-01", "2026-11-23"),
    (MONDAY, "2026-11-23..", "2026-11-23", "2026-11-24"),
    (MONDAY, "all", "0001-01-01", "2026-11-23"),
]


@pytest.mark.parametrize(("ctx", "token", "start", "end"), CASES)
def test_every_form_resolves(ctx: TimeContext, token: str, start: str, end: str) -> None:
    assert span(ctx, token) == (start, end)


def test_future_and_incomplete_ranges_are_detectable() -> None:
    assert resolve(TimeSpec.parse_token("2027-03"), MONDAY).is_future(MONDAY)
    assert resolve(TimeSpec.parse_token("today"), MONDAY).is_future(MONDAY)
    assert resolve(TimeSpec.parse_token("this_month"), FIRST_OF_MONTH).is_future(FIRST_OF_MONTH)
    assert not resolve(TimeSpec.parse_token("last_week"), MONDAY).is_future(MONDAY)
    assert resolve(TimeSpec.parse_token("this_month"), MONDAY).is_complete(MONDAY)
    assert not resolve(TimeSpec.parse_token("2026-11-01..2026-12-01"), MONDAY).is_complete(MONDAY)


TOKENS = {
    "today": Today(),
    "yesterday": Last(n=1, unit="day"),
    "last_week": Last(n=1, unit="week"),
    "last_7_days": Last(n=7, unit="day"),
    "last_4_weeks": Last(n=4, unit="week"),
    "this_month": This(unit="month"),
    "2025-11-03": Day(year=2025, month=11, day=3),
    "--11-11": Day(month=11, day=11),
    "2025-10": Month(year=2025, month=10),
    "--10": Month(month=10),
    "2024-Q3": Quarter(year=2024, quarter=3),
    "Q3": Quarter(quarter=3),
    "2025": Year(year=2025),
    "2025-11-03..2025-11-10": Range(start=d("2025-11-03"), end=d("2025-11-10")),
    "2025-11-03..=2025-11-09": Between(first=d("2025-11-03"), last=d("2025-11-09")),
    "2025-11-03..": Since(start=d("2025-11-03")),
    "all": AllTime(),
}


@pytest.mark.parametrize(("token", "form"), TOKENS.items())
def test_tokens_are_canonical_and_round_trip(token: str, form: SpecForm) -> None:
    spec = TimeSpec.parse_token(token)
    assert spec.form == form and spec.token == token and str(spec) == token
    assert TimeSpec.model_validate_json(spec.model_dump_json()) == spec
    assert TimeSpec.parse(form) == spec == TimeSpec.parse(form.model_dump(mode="json"))


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Last 7 Days", "last_7_days"),
        ("last-week", "last_week"),
        ("last_1_weeks", "last_week"),
        ("last day", "yesterday"),
        ("past 30 days", "last_30_days"),
        ("MTD", "this_month"),
        ("ytd", "this_year"),
        ("2024q3", "2024-Q3"),
        ("q3", "Q3"),
        ("ALL TIME", "all"),
    ],
)
def test_token_spellings(text: str, token: str) -> None:
    assert TimeSpec.parse_token(text).token == token


def test_json_form_is_the_source_of_truth() -> None:
    spec = TimeSpec.parse({"kind": "last", "n": 1, "unit": "week"})
    assert spec.token == "last_week"
    assert json.loads(spec.model_dump_json()) == {"kind": "last", "n": 1, "unit": "week"}
    assert TimeSpec.parse({"kind": "month", "month": 10}).form == Month(month=10)


def test_a_plan_field_accepts_a_token_and_serialises_the_structure() -> None:
    class Holder(BaseModel):
        time: TimeSpec

    holder = Holder.model_validate({"time": "last_week"})
    assert holder.model_dump(mode="json") == {"time": {"kind": "last", "n": 1, "unit": "week"}}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-13", "there is no month 13: months are 1–12"),
        ({"kind": "month", "year": 2026, "month": 13}, "there is no month 13"),
        ("2026-02-30", "there is no day 30 in 2026-02: it has 28 days"),
        ("--02-30", "there is no day 30 in month 2"),
        ("2026-Q5", "there is no quarter 5"),
        ("1066", "year 1066 is out of range"),
        ("last_0_days", "'last 0' is out of range"),
        ("2025-11-10..2025-11-03", "is empty: end is exclusive and must be after start"),
        ("2025-11-03..2025-11-03", "for the single day 2025-11-03 use end 2025-11-04"),
        ("2025-11-10..=2025-11-03", "the range ends (2025-11-03) before it starts (2025-11-10)"),
        ("lst week", "'lst week' is not a time this understands — use one of: today,"),
        ({"kind": "fortnight"}, "fortnight"),
        ({"kind": "last", "n": 2, "unit": "week", "extra": 1}, "extra"),
    ],
)
def test_errors_say_what_is_wrong(value: str | dict[str, object], message: str) -> None:
    with pytest.raises(TimeError) as caught:
        TimeSpec.parse(value)
    assert message in str(caught.value)


def test_direct_construction_reports_the_same_message() -> None:
    with pytest.raises(ValidationError, match="there is no month 13"):
        Month(year=2026, month=13)
    with pytest.raises(TimeError, match="is empty"):
        DateRange(d("2026-11-03"), d("2026-11-03"))


def test_context_from_the_clock_in_the_model_timezone() -> None:
    evening_utc = datetime(2026, 11, 22, 17, 0, tzinfo=UTC)  # 01:00 on the 23rd in Shanghai
    ctx = TimeContext.create("Asia/Shanghai", now=evening_utc)
    assert ctx == TimeContext(date(2026, 11, 23), "Asia/Shanghai", 0)
    assert TimeContext.create("UTC", now=evening_utc.replace(tzinfo=None)).today == d("2026-11-22")
    pinned = TimeContext.create("Asia/Shanghai", "sunday", as_of=d("2026-11-25"), now=evening_utc)
    assert (pinned.today, pinned.week_start) == (d("2026-11-25"), 6)
    assert TimeContext.create("UTC", week_start=2).week_start == 2


def test_context_errors() -> None:
    with pytest.raises(TimeError, match="unknown timezone 'Asia/Shangai' — did you mean"):
        TimeContext.create("Asia/Shangai")
    with pytest.raises(TimeError, match="'funday' is not a weekday"):
        TimeContext.create("UTC", week_start="funday")
    with pytest.raises(TimeError, match="week_start 7"):
        TimeContext(today=d("2026-11-23"), week_start=7)


LABELS = [
    ("2026-11-16", "2026-11-17", "16 Nov 2026", "2026年11月16日"),
    ("2026-11-10", "2026-11-17", "10–16 Nov 2026", "2026年11月10日–16日"),
    ("2026-10-28", "2026-11-04", "28 Oct – 3 Nov 2026", "2026年10月28日–11月3日"),
    ("2025-12-29", "2026-01-05", "29 Dec 2025 – 4 Jan 2026", "2025年12月29日–2026年1月4日"),
    ("2026-11-01", "2026-12-01", "November 2026", "2026年11月"),
    ("2026-09-01", "2026-12-01", "September–November 2026", "2026年9月–11月"),
    ("2025-11-01", "2026-02-01", "November 2025 – January 2026", "2025年11月–2026年1月"),
    ("2026-07-01", "2026-10-01", "Q3 2026", "2026年第三季度"),
    ("2026-01-01", "2027-01-01", "2026", "2026年"),
    ("2024-01-01", "2026-01-01", "2024–2025", "2024年–2025年"),
    ("0001-01-01", "2026-11-23", "up to 22 Nov 2026", "截至2026年11月22日"),
]


@pytest.mark.parametrize(("start", "end", "en", "zh"), LABELS)
def test_labels_in_both_languages(start: str, end: str, en: str, zh: str) -> None:
    r = DateRange(d(start), d(end))
    assert (r.label(), r.label("en"), r.label("zh")) == (en, en, zh)


@pytest.mark.parametrize(
    ("token", "en", "zh"),
    [
        ("last_7_days", "last 7 days", "最近7天"),
        ("last_week", "last week", "上周"),
        ("last_3_months", "last 3 months", "最近3个月"),
        ("this_month", "this month to date", "本月至今"),
        ("Q3", "Q3", "第三季度"),
        ("--11-11", "11 Nov", "11月11日"),
        ("2025-10", "October 2025", "2025年10月"),
        ("2025-11-03..", "since 3 Nov 2025", "2025年11月3日以来"),
        ("all", "all time", "全部时间"),
    ],
)
def test_phrases_before_resolution(token: str, en: str, zh: str) -> None:
    spec = TimeSpec.parse_token(token)
    assert (spec.phrase(), spec.phrase("zh")) == (en, zh)


COMPARED = [
    # range, previous period, same period last year
    ("2026-11-16..2026-11-23", "2026-11-09..2026-11-16", "2025-11-16..2025-11-23"),
    ("2026-10-01..2026-11-01", "2026-09-01..2026-10-01", "2025-10-01..2025-11-01"),
    ("2026-03-01..2026-04-01", "2026-02-01..2026-03-01", "2025-03-01..2025-04-01"),
    ("2026-08-01..2026-11-01", "2026-05-01..2026-08-01", "2025-08-01..2025-11-01"),
    ("2026-01-01..2026-04-01", "2025-10-01..2026-01-01", "2025-01-01..2025-04-01"),
    ("2025-01-01..2026-01-01", "2024-01-01..2025-01-01", "2024-01-01..2025-01-01"),
    ("2024-02-29..2024-03-01", "2024-02-28..2024-02-29", "2023-02-28..2023-03-01"),
    ("2025-02-01..2025-03-01", "2025-01-01..2025-02-01", "2024-02-01..2024-03-01"),
    ("2024-02-20..2024-03-01", "2024-02-10..2024-02-20", "2023-02-20..2023-03-01"),
    ("2026-11-01..2026-11-23", "2026-10-10..2026-11-01", "2025-11-01..2025-11-23"),
]


@pytest.mark.parametrize(("current", "previous", "last_year"), COMPARED)
def test_previous_period_and_same_period_last_year(
    current: str, previous: str, last_year: str
) -> None:
    r = resolve(TimeSpec.parse_token(current), MONDAY)
    assert str(TimeSpec.parse_token(previous)) == _token(previous_period(r))
    assert str(TimeSpec.parse_token(last_year)) == _token(same_period_last_year(r))


def _token(r: DateRange) -> str:
    return f"{r.start.isoformat()}..{r.end.isoformat()}"


@pytest.mark.parametrize(
    ("ctx", "token", "previous"),
    [
        (MONDAY, "this_month", "2026-10-01..2026-10-23"),  # 1–22 Nov vs 1–22 Oct
        (MONDAY, "--11", "2026-10-01..2026-10-23"),
        (MONDAY, "this_quarter", "2026-07-01..2026-08-23"),
        (MONDAY, "this_year", "2025-01-01..2025-11-23"),
        (MONTH_END, "this_month", "2026-02-01..2026-03-01"),  # 1–30 Mar vs all February
        (SUNDAY_WEEKS, "this_week", "2026-11-15..2026-11-18"),  # Sun–Tue vs the Sun–Tue before
        (FIRST_OF_MONTH, "this_month", "2026-11-01..2026-11-02"),
        (MONDAY, "last_week", "2026-11-09..2026-11-16"),
        (MONDAY, "2025-10", "2025-09-01..2025-10-01"),
    ],
)
def test_comparison_of_a_period_to_date(ctx: TimeContext, token: str, previous: str) -> None:
    spec = TimeSpec.parse_token(token)
    assert _token(comparison_range(spec, ctx, "previous_period")) == previous
    expected = same_period_last_year(resolve(spec, ctx))
    assert comparison_range(spec, ctx, "same_period_last_year") == expected


def test_all_time_has_no_comparison() -> None:
    r = resolve(TimeSpec.parse_token("all"), MONDAY)
    assert r.open_start
    with pytest.raises(TimeError, match="all time has no earlier period"):
        previous_period(r)
    with pytest.raises(TimeError, match="all time"):
        same_period_last_year(r)


def test_truncate_and_periods() -> None:
    wed = d("2026-11-25")
    assert [truncate(wed, g) for g in GRAINS] == [
        wed,
        d("2026-11-23"),
        d("2026-11-01"),
        d("2026-10-01"),
        d("2026-01-01"),
    ]
    assert truncate(wed, "week", week_start=6) == d("2026-11-22")
    r = DateRange(d("2026-11-04"), d("2026-11-20"))
    assert periods(r, "week") == [d("2026-11-02"), d("2026-11-09"), d("2026-11-16")]
    assert periods(r, "week", 6) == [d("2026-11-01"), d("2026-11-08"), d("2026-11-15")]
    assert periods(r, "month") == [d("2026-11-01")]
    assert len(periods(r, "day")) == r.days == 16
    assert periods(DateRange(d("2025-12-31"), d("2026-04-01")), "quarter") == [
        d("2025-10-01"),
        d("2026-01-01"),
    ]


def test_date_range_basics_and_json() -> None:
    r = DateRange(d("2026-11-10"), d("2026-11-17"))
    assert (r.days, r.last_day, str(r)) == (7, d("2026-11-16"), "[2026-11-10, 2026-11-17)")
    assert r.contains(d("2026-11-10")) and r.contains(d("2026-11-16"))
    assert not r.contains(d("2026-11-17"))
    assert r.to_json() == {"start": "2026-11-10", "end": "2026-11-17"}
    assert TypeAdapter(DateRange).dump_python(r, mode="json") == r.to_json()
    assert TypeAdapter(DateRange).validate_python(r.to_json()) == r
    with pytest.raises(ValidationError, match="is empty"):
        TypeAdapter(DateRange).validate_python({"start": "2026-11-17", "end": "2026-11-10"})


def test_module_docstring_example_runs() -> None:
    result = doctest.testmod(time_module)
    assert result.attempted > 0 and result.failed == 0


# Property tests: any spec on any day resolves to a non-empty range whose comparisons line up.

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31))
grains = st.sampled_from(GRAINS)
years = st.none() | st.integers(1950, 2150)


@st.composite
def ranges(draw: st.DrawFn) -> SpecForm:
    first = draw(days)
    length = draw(st.integers(1, 800))
    if draw(st.booleans()):
        return Range(start=first, end=first + timedelta(days=length))
    return Between(first=first, last=first + timedelta(days=length - 1))


@st.composite
def named_days(draw: st.DrawFn) -> SpecForm:
    year = draw(years)
    first = draw(st.dates(date(year or 2000, 1, 1), date(year or 2000, 12, 31)))
    return Day(year=year, month=first.month, day=first.day)


forms: st.SearchStrategy[SpecForm] = st.one_of(
    st.just(Today()),
    st.builds(Last, n=st.integers(1, 60), unit=grains),
    st.builds(This, unit=st.sampled_from(["week", "month", "quarter", "year"])),
    named_days(),
    st.builds(Month, year=years, month=st.integers(1, 12)),
    st.builds(Quarter, year=years, quarter=st.integers(1, 4)),
    st.builds(Year, year=st.integers(1950, 2150)),
    ranges(),
    st.builds(Since, start=days),
)
contexts = st.builds(TimeContext, today=days, week_start=st.integers(0, 6))


@given(forms | st.just(AllTime()), contexts)
def test_any_spec_resolves_to_a_non_empty_range(form: SpecForm, ctx: TimeContext) -> None:
    spec = TimeSpec.parse(form)
    r = resolve(spec, ctx)
    assert r.days >= 1 and r.start < r.end
    assert TimeSpec.parse_token(spec.token) == spec
    assert r.label("en") and r.label("zh")


@given(forms, contexts)
def test_previous_period_ends_where_the_range_starts(form: SpecForm, ctx: TimeContext) -> None:
    r = resolve(form, ctx)
    prev = previous_period(r)
    assert prev.end == r.start
    aligned_months = r.start.day == 1 and r.end.day == 1 and prev.start.day == 1
    assert prev.days == r.days or aligned_months
    compared = comparison_range(form, ctx, "previous_period")
    # to date: the same stretch of the previous period, whose months may be up to 3 days shorter
    assert compared == prev or (compared.end <= r.start and abs(compared.days - r.days) <= 3)
    last_year = same_period_last_year(r)
    assert abs(last_year.days - r.days) <= 1 and last_year.start.year == r.start.year - 1
