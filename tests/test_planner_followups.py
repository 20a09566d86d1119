"""Follow-ups change the previous plan: breakdowns, times, filters, metrics, "why" (issue 4)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.nlu import EmbeddedPlanner
from semantic_layer.model import demo_model
from semantic_layer.plan import QueryPlan
from semantic_layer.time import TimeContext, TimeSpec, resolve

CTX = TimeContext(today=date(2026, 11, 23))


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner(demo_model())


def conversation(planner: EmbeddedPlanner, *questions: str) -> list[dict[str, Any]]:
    previous: QueryPlan | None = None
    plans = []
    for q in questions:
        result = planner.plan(q, CTX, previous)
        previous = result.plan
        plans.append(result.plan.model_dump(mode="json", exclude_none=True))
    return plans


def label(p: dict[str, Any]) -> str:
    return resolve(TimeSpec.parse(p["time"]), CTX).label()


def test_and_by_channel_adds_a_breakdown(planner: EmbeddedPlanner) -> None:
    first, second = conversation(planner, "revenue last week", "and by channel?")
    assert second["kind"] == "metric" and second["dimensions"] == ["channel"]
    assert second["time"] == first["time"]


def test_the_week_before_moves_the_time_back(planner: EmbeddedPlanner) -> None:
    _, second = conversation(
        planner, "conversion rate by channel last week", "what about the week before?"
    )
    assert label(second) == "9–15 Nov 2026" and second["dimensions"] == ["channel"]


def test_chinese_previous_week(planner: EmbeddedPlanner) -> None:
    _, second = conversation(planner, "上周各渠道销售额", "上一周呢？")
    assert label(second) == "9–15 Nov 2026" and second["metrics"] == ["revenue"]
    assert second["language"] == "zh"


def test_only_wechat_filters_and_keeps_the_rest(planner: EmbeddedPlanner) -> None:
    _, second = conversation(planner, "本月各设备的转化率", "只看微信")
    assert second["filters"] == [
        {"dimension": "channel", "op": "in", "values": ["wechat_oa", "mini_program"]}
    ]
    assert second["dimensions"] == ["device"] and second["metrics"] == ["conversion_rate"]


def test_a_new_filter_replaces_the_old_one_on_the_same_dimension(planner: EmbeddedPlanner) -> None:
    *_, third = conversation(
        planner, "iOS checkout conversion last week", "what about android?", "and by channel"
    )
    assert [f["values"] for f in third["filters"]] == [["android"]]
    assert third["dimensions"] == ["channel"]


def test_switch_to_retention(planner: EmbeddedPlanner) -> None:
    _, second = conversation(planner, "小程序获客的用户数", "换成留存率")
    assert second["kind"] == "retention"


def test_switch_metric_keeps_time_and_breakdown(planner: EmbeddedPlanner) -> None:
    first, second = conversation(planner, "上周各渠道销售额", "换成订单数")
    assert second["metrics"] == ["orders"] and second["dimensions"] == ["channel"]
    assert second["time"] == first["time"]


def test_why_explains_the_previous_metric(planner: EmbeddedPlanner) -> None:
    for question in ("why?", "为什么？"):
        _, second = conversation(planner, "checkout conversion last week", question)
        assert second["kind"] == "drivers" and second["metric"] == "checkout_conversion"
        assert label(second) == "16–22 Nov 2026"


def test_top_three_ranks_the_previous_breakdown(planner: EmbeddedPlanner) -> None:
    _, second = conversation(planner, "revenue by city last month", "top 3")
    assert second["order"] == {"by": "revenue", "direction": "desc"} and second["limit"] == 3


def test_dropoff_by_device(planner: EmbeddedPlanner) -> None:
    _, second = conversation(planner, "which touchpoint lost the most users last week", "by device")
    assert second["kind"] == "dropoff" and second["breakdown"] == "device"


def test_a_new_full_question_starts_afresh(planner: EmbeddedPlanner) -> None:
    _, second = conversation(
        planner, "revenue by channel last week", "which touchpoint lost the most users this month"
    )
    assert second["kind"] == "dropoff"
    assert not second.get("filters")


def test_follow_ups_found_by_the_gold_suite(planner: EmbeddedPlanner) -> None:
    *_, ttc = conversation(planner, "上个月的购买漏斗", "转化要多久")
    assert ttc["measure"] == "time_to_convert" and label(ttc) == "October 2026"
    _, by_tp = conversation(planner, "哪个渠道对购买贡献最大", "按触点看")
    assert by_tp["kind"] == "attribution" and by_tp["by"] == "touchpoint"
    _, revenue = conversation(
        planner, "which channel contributes most to purchases", "what about revenue?"
    )
    assert revenue["kind"] == "attribution" and revenue["value"] == "revenue"
    _, paid = conversation(
        planner, "30-day retention of users acquired on the mini program", "what about paid ads?"
    )
    assert paid["filters"] == [
        {"dimension": "acquisition_channel", "op": "=", "values": ["paid_ads"]}
    ]
    _, before = conversation(
        planner, "what do users do after add to cart last week", "and before it?"
    )
    assert before["direction"] == "before"
    *_, weekly = conversation(
        planner, "first response time by region last 4 weeks", "just the South", "week by week"
    )
    assert weekly["grain"] == "week" and weekly["filters"][0]["values"] == ["South"]
