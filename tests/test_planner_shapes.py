"""Shapes of questions on a model that is not the demo's (tests/fixtures/models/washclub.yaml):
a dimension's longer name said in the plural, "reason" naming a value rather than asking why,
two metrics said with one shared last word, and a generic "funnel" beside a step of another
journey."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.nlu import EmbeddedPlanner
from semantic_layer.model.loader import load_model
from semantic_layer.time import TimeContext

CTX = TimeContext(today=date(2026, 12, 2), timezone="America/Phoenix", week_start=6)
WASHCLUB = Path(__file__).parent / "fixtures" / "models" / "washclub.yaml"


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner(load_model(WASHCLUB))


def plan(planner: EmbeddedPlanner, question: str) -> dict[str, Any]:
    return planner.plan(question, CTX).plan.model_dump(mode="json", exclude_none=True)


def test_a_longer_name_in_the_plural_wins_over_its_first_word(planner: EmbeddedPlanner) -> None:
    """ "cancel reasons" is the dimension "cancel reason", not the touchpoint "cancel" and a why."""
    p = plan(planner, "cancel reasons in march")
    assert p["kind"] == "metric" and p["dimensions"] == ["cancel_reason"], p


@pytest.mark.parametrize(
    "question",
    ["monthly cancellations with reason too expensive, Dec-Apr", "取消原因为价格太贵的退会数"],
)
def test_reason_before_a_value_names_it_and_does_not_ask_why(
    planner: EmbeddedPlanner, question: str
) -> None:
    p = plan(planner, question)
    assert p["kind"] == "metric" and p["metrics"] == ["cancellations"], p
    assert p["filters"] == [{"dimension": "cancel_reason", "op": "=", "values": ["too_expensive"]}]
    assert plan(planner, "why did cancellations rise in march")["kind"] == "drivers"


def test_two_metrics_said_with_one_shared_last_word(planner: EmbeddedPlanner) -> None:
    result = planner.plan("single vs member washes last month", CTX)
    p = result.plan.model_dump(mode="json", exclude_none=True)
    assert p["metrics"] == ["single_washes", "member_washes"], p
    assert any("single washes" in n for n in result.notes)  # said back, not silently
    assert plan(planner, "member washes last month")["metrics"] == ["member_washes"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("wash voucher funnel for September", {"journey": "voucher_journey"}),
        ("9月洗车券的漏斗", {"journey": "voucher_journey"}),
        ("funnel for September", {"journey": "app_journey"}),  # no step: the default
        ("今年会员洗车到点评的漏斗", {"journey": "after_wash"}),  # from one step to another
        ("funnel from single wash to review this year",
         {"steps": ["single_wash", "review_posted"]}),
    ],
)  # fmt: skip
def test_a_generic_funnel_word_gives_way_to_the_steps_said(
    planner: EmbeddedPlanner, question: str, expected: dict[str, Any]
) -> None:
    p = plan(planner, question)
    assert p["kind"] == "funnel" and {k: p.get(k) for k in expected} == expected, p


def test_the_planners_own_phrases_are_not_read_in_the_plural(planner: EmbeddedPlanner) -> None:
    """Only the model's names are read with another ending: "cancellations by site" is not the
    sort phrase "order by", nor "what happens" the drivers' "what happened"."""
    p = plan(planner, "cancellations by site last month")
    assert p["kind"] == "metric" and p["dimensions"] == ["site"], p
    assert plan(planner, "what happens just before a cancel?")["kind"] == "paths"


def test_a_value_of_several_dimensions_takes_the_one_its_contrast_names(
    planner: EmbeddedPlanner,
) -> None:
    """ "kiosk vs app": "app" is a channel and a platform, "kiosk" only a channel — two
    channels compared, split by channel."""
    p = plan(planner, "washes kiosk vs app last month")
    assert p["dimensions"] == ["channel"], p
    assert p["filters"] == [{"dimension": "channel", "op": "in", "values": ["kiosk", "app"]}]


def test_a_word_read_as_a_value_gives_way_to_a_metric_said_in_two(
    planner: EmbeddedPlanner,
) -> None:
    """ "member vs single washes": "member" is also a lane, but "member washes" a metric."""
    p = plan(planner, "member vs single washes in July")
    assert p["metrics"] == ["member_washes", "single_washes"] and p["filters"] == [], p


@pytest.mark.parametrize(
    ("question", "grain", "direction", "limit"),
    [
        ("top 5 busiest days for washes", "day", "desc", 5),
        ("washes on the 3 quietest weeks", "week", "asc", 3),
        ("洗车次数最多的5天", "day", "desc", 5),
        ("洗车次数最少的2个月", "month", "asc", 2),
    ],
)
def test_the_busiest_days_are_days_ranked_and_cut(
    planner: EmbeddedPlanner, question: str, grain: str, direction: str, limit: int
) -> None:
    p = plan(planner, question)
    assert (p.get("grain"), p.get("order", {}).get("direction"), p.get("limit")) == (
        grain,
        direction,
        limit,
    ), p


def test_a_day_said_after_an_event_and_before_more_words_is_a_date(
    planner: EmbeddedPlanner,
) -> None:
    """ "since autopay went live (May 11), hotline vs …": "may 11" with words after it."""
    p = plan(planner, "cancellations since the new app went live (May 11), kiosk vs app")
    assert p["time"] == {"kind": "since", "start": "2026-05-11"}, p


def test_a_planner_phrase_gives_way_to_a_longer_model_name(planner: EmbeddedPlanner) -> None:
    """ "by day of week": not the daily series "by day" and a stray "of week"."""
    p = plan(planner, "washes by day of week")
    assert p["dimensions"] == ["day_of_week"] and "grain" not in p, p
    assert plan(planner, "washes by day last week")["grain"] == "day"


def test_a_one_character_name_after_a_counted_measure_word(planner: EmbeddedPlanner) -> None:
    """ "最少的3家店": 店 after "3家" is the store split (never the 店 inside another word)."""
    p = plan(planner, "三季度洗车次数最少的2家店")
    assert p["dimensions"] == ["site"] and p["limit"] == 2, p


@pytest.mark.parametrize("question", ["金卡会员有多少人", "金卡和银卡会员各多少人"])
def test_a_value_named_with_a_metrics_noun_counts_with_that_metric(
    planner: EmbeddedPlanner, question: str
) -> None:
    """金卡会员 are 会员: the members metric (会员数), filtered to the tier."""
    p = plan(planner, question)
    assert p["metrics"] == ["members"] and p["filters"][0]["dimension"] == "club_tier", p


@pytest.mark.parametrize("question", ["how much did we make last month", "revenue last month"])
def test_money_kept_in_cents_is_answered_in_the_models_own_currency(
    planner: EmbeddedPlanner, question: str
) -> None:
    """ "revenue" = 0.01 × "revenue_cents": money asked for is the converted metric."""
    assert plan(planner, question)["metrics"] == ["revenue"]


def test_a_grain_word_right_before_a_metric_is_the_series(planner: EmbeddedPlanner) -> None:
    """ "monthly washes" — "monthly" is also the monthly plan's synonym, but said before a metric
    it is the series; before its own kind of thing it is the plan."""
    p = plan(planner, "monthly washes this year")
    assert p["grain"] == "month" and p["filters"] == [], p
    plan_filter = {"dimension": "plan_type", "op": "=", "values": ["monthly_plan"]}
    assert plan_filter in plan(planner, "washes on the monthly plan this year")["filters"]


@pytest.mark.parametrize(
    ("question", "time"),
    [
        ("最近几天有多少次洗车", {"kind": "last", "n": 7, "unit": "day"}),  # some days, a week
        ("washes in the last few days", {"kind": "last", "n": 7, "unit": "day"}),
        ("春节放假那几天洗车次数", {"kind": "between", "first": "2026-02-15",
                                  "last": "2026-02-23"}),
    ],
)  # fmt: skip
def test_some_days_are_a_period_not_a_time_to_convert(
    planner: EmbeddedPlanner, question: str, time: dict[str, Any]
) -> None:
    """几天 after 那/这/最近 is "some days", not "how many days" (a time to convert)."""
    p = plan(planner, question)
    assert p["kind"] == "metric" and p["time"] == time, p
