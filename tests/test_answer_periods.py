"""Complete periods: an incomplete first or last bucket of a series is marked (dashed segment
and open marker in the chart, a note in the table) and the sentence compares complete periods
only, saying so; "this month vs last month" keeps comparing like-for-like days."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import plotly.graph_objects as go
import pytest

from assistant.answer.narrate import answer_text
from assistant.answer.periods import Partial, partial_periods, period_notes
from assistant.answer.table import ResultTable
from assistant.service import AssistantService
from semantic_layer.model import demo_model
from semantic_layer.model.labels import ModelLabels
from semantic_layer.plan import parse_plan
from semantic_layer.time import DateRange

AS_OF = date(2026, 11, 23)
MODEL = demo_model()


def series(grain: str, rng: DateRange, rows: list[tuple[Any, ...]], time: str) -> ResultTable:
    plan = parse_plan({"kind": "metric", "metrics": ["revenue"], "grain": grain, "time": time})
    return ResultTable(plan, ("period", "revenue"), ("DATE", "DOUBLE"), tuple(rows), False, rng)


def test_buckets_partly_outside_the_range_are_incomplete() -> None:
    # 1 Aug – 31 Oct 2026 by week: Mon 27 Jul holds 1–2 Aug (2 days), Mon 26 Oct holds 26–31 Oct
    rng = DateRange(date(2026, 8, 1), date(2026, 11, 1))
    rows = [(date(2026, 7, 27), 10.0), (date(2026, 8, 3), 50.0), (date(2026, 10, 26), 40.0)]
    t = series("week", rng, rows, "last_3_months")
    assert partial_periods(t) == {
        date(2026, 7, 27): Partial(date(2026, 7, 27), 2, 7),
        date(2026, 10, 26): Partial(date(2026, 10, 26), 6, 7),
    }
    assert period_notes(t, "en") == ["incomplete: 2 of 7 days", None, "incomplete: 6 of 7 days"]
    assert period_notes(t, "zh") == ["不完整：7天中的2天", None, "不完整：7天中的6天"]


def test_aligned_ranges_and_all_time_have_no_incomplete_bucket() -> None:
    q3 = DateRange(date(2026, 7, 1), date(2026, 10, 1))
    months = [(datetime(2026, m, 1), 1.0) for m in (7, 8, 9)]
    assert partial_periods(series("month", q3, months, "2026-Q3")) == {}
    assert period_notes(series("month", q3, months, "2026-Q3"), "en") is None
    # all time: no start to be incomplete against; the month to date still is
    everything = DateRange(date.min, AS_OF)
    rows = [(date(2025, 9, 1), 1.0), (date(2026, 11, 1), 2.0)]
    assert list(partial_periods(series("month", everything, rows, "all"))) == [date(2026, 11, 1)]


@pytest.fixture(scope="module")
def service(small_demo_service: AssistantService) -> AssistantService:
    return small_demo_service


def test_weekly_series_compares_complete_weeks_and_marks_the_others(
    service: AssistantService,
) -> None:
    answer = service.ask("weekly revenue for the last 3 months")
    assert answer.error is None and answer.columns == ["period", "revenue", "note"]
    by_week = {r[0]: r for r in answer.rows}
    assert by_week["2026-07-27"][2] == "incomplete: 2 of 7 days"
    assert by_week["2026-10-26"][2] == "incomplete: 6 of 7 days"
    assert all(r[2] is None for r in answer.rows[1:-1])
    text = answer.text
    assert "in the latest week (week of 19 Oct 2026)" in text
    assert "in the first (week of 3 Aug 2026)" in text
    assert (
        "week of 27 jul 2026 (2 of 7 days) and week of 26 oct 2026 (6 of 7 days) are incomplete"
        in text.lower()
    )
    assert "so the comparison uses complete weeks only" in text
    # the change said is the one between the two complete ends
    first, last = by_week["2026-08-03"][1], by_week["2026-10-19"][1]
    pct = round(abs(last - first) / first * 100, 1)
    assert f"{'up' if last > first else 'down'} {pct}%" in text
    assert answer.chart is not None
    go.Figure(answer.chart)
    traces = answer.chart["data"]
    solid, dashed = traces[0], [t for t in traces if t.get("line", {}).get("dash") == "dash"]
    assert "2026-07-27" not in solid["x"] and "2026-10-26" not in solid["x"]
    assert dashed and set(dashed[0]["x"]) >= {
        "2026-07-27",
        "2026-08-03",
        "2026-10-19",
        "2026-10-26",
    }
    marks = [t for t in traces if t.get("legendgroup") == "incomplete"]
    assert marks and marks[0]["x"] == ["2026-07-27", "2026-10-26"]
    assert marks[0]["customdata"] == ["incomplete: 2 of 7 days", "incomplete: 6 of 7 days"]


def test_chinese_series_says_it_too(service: AssistantService) -> None:
    answer = service.ask("最近3个月每周的收入")
    assert answer.error is None and answer.column_labels[-1] == "备注"
    assert (
        "2026年7月27日当周（7天中的2天）和2026年10月26日当周（7天中的6天）数据不完整" in answer.text
    )
    assert "以上只比较完整的周" in answer.text


def test_month_to_date_is_passed_over_for_the_latest_complete_month(
    service: AssistantService,
) -> None:
    answer = service.ask("monthly revenue by channel this year")
    assert answer.error is None
    assert "In the latest month (October 2026)" in answer.text
    assert (
        "November 2026 (22 of 30 days) is incomplete, so the latest complete month is used"
        in answer.text
    )
    notes = {r[0]: r[-1] for r in answer.rows}
    assert notes["2026-11-01"] == "incomplete: 22 of 30 days" and notes["2026-10-01"] is None


def test_this_month_vs_last_month_compares_like_for_like_days(service: AssistantService) -> None:
    answer = service.ask("revenue this month vs last month")
    assert answer.error is None and "note" not in answer.columns
    assert answer.time_range is not None and answer.baseline_range is not None
    assert (answer.time_range.start, answer.time_range.end) == (date(2026, 11, 1), AS_OF)
    assert (answer.baseline_range.start, answer.baseline_range.end) == (
        date(2026, 10, 1),
        date(2026, 10, 23),
    )


def test_narrator_on_hand_built_series_keeps_partial_ends_when_it_must() -> None:
    # only one complete week: the comparison has to include the incomplete one, and says so
    rng = DateRange(date(2026, 11, 4), AS_OF)
    rows = [(date(2026, 11, 2), 5.0), (date(2026, 11, 9), 8.0), (date(2026, 11, 16), 9.0)]
    t = series("week", rng, rows, "this_month")
    text = answer_text(t, ModelLabels(MODEL), MODEL, "en")
    assert "week of 2 nov 2026 (5 of 7 days) is incomplete" in text.lower()
    assert "in the first (week of 9 Nov 2026)" in text
