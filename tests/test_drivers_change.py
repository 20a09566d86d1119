"""Drivers that find the change: the metric's recent series says when it changed (the first
period from which every later one lies outside the range of all before it), and with no baseline
given the periods around the change are compared, saying which and why. The demo plants a South
region first-response-time slowdown from the week of 26 Oct (w0 − 28) and an iOS app checkout
incident last week (docs/demo-data.md)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.answer.change import change_point, find_change
from assistant.answer.narrate import answer_text
from assistant.answer.table import ResultTable
from assistant.config import AssistantConfig
from assistant.service import AssistantService
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import demo_model
from semantic_layer.model.labels import ModelLabels
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext
from tests.engine_parity import pinned_demo

AS_OF = date(2026, 11, 23)
__all__ = ["pinned_demo"]  # the shared fixture


def test_the_change_starts_where_everything_after_leaves_the_earlier_range() -> None:
    flat = [5.0, 6.0, 4.0, 7.0, 5.0, 6.5, 5.5, 6.0]
    assert find_change(flat) is None
    # a lasting shift from index 5, one noisy high week before it (index 2) inside the range
    shifted = [5.0, 6.0, 7.9, 4.0, 5.0, 22.0, 28.0, 35.0, 63.0]
    assert find_change(shifted) == (5, 1)
    # a drop in the last period only
    assert find_change([0.8, 0.82, 0.79, 0.85, 0.81, 0.54]) == (5, -1)
    # a spike that comes back is not a lasting change
    assert find_change([5.0, 6.0, 5.5, 6.2, 30.0, 5.8]) is None
    # missing periods are skipped, never read as zero
    assert find_change([5.0, None, 6.0, 5.5, 6.1, None, 20.0, 25.0]) == (6, 1)
    weeks = [date(2026, 9, 7) + timedelta(weeks=i) for i in range(9)]
    point = change_point("week", list(zip(weeks, shifted, strict=True)))
    assert point.start == weeks[5] and point.direction == 1
    assert (point.low, point.high) == (4.0, 7.9)


@pytest.fixture(scope="module")
def service(
    pinned_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AssistantService]:
    """The gold suite's demo (200k events, seed 7): enough South tickets a week for the planted
    slowdown to show in weekly medians (the 30k test demo has one or two a week)."""
    home = tmp_path_factory.mktemp("demo200k")
    config = AssistantConfig(db=pinned_demo, home=home, as_of=AS_OF, retrieval=False)
    with AssistantService.open(config) as svc:
        yield svc


def test_a_slowdown_that_began_weeks_earlier_is_compared_around_its_start(
    service: AssistantService,
) -> None:
    answer = service.ask("why did first response time in the South rise last week?")
    assert answer.error is None and answer.kind == "drivers"
    assert answer.plan is not None
    assert answer.plan["filters"] == [{"dimension": "region", "op": "=", "values": ["South"]}]
    text = answer.text
    assert text.startswith("First response time moved above its earlier range")
    assert "in the week of 26 Oct 2026 and stayed there" in text
    assert (
        "so the 28 days since (26 Oct – 22 Nov 2026) are compared with the 28 days before" in text
    )
    assert "(28 Sep – 25 Oct 2026)" in text
    assert answer.time_range is not None and answer.baseline_range is not None
    assert (answer.time_range.start, answer.time_range.end) == (date(2026, 10, 26), AS_OF)
    assert (answer.baseline_range.start, answer.baseline_range.end) == (
        date(2026, 9, 28),
        date(2026, 10, 26),
    )


def test_a_change_inside_the_asked_period_keeps_the_usual_comparison(
    service: AssistantService,
) -> None:
    answer = service.ask("why did checkout conversion drop last week?")
    assert answer.error is None and answer.baseline_range is not None
    assert (answer.baseline_range.start, answer.baseline_range.end) == (
        date(2026, 11, 9),
        date(2026, 11, 16),
    )
    assert "in the week of 16 Nov 2026 and stayed there." in answer.text
    assert "from the week before (9–15 Nov 2026) to last week (16–22 Nov 2026)" in answer.text


def test_single_valued_dimensions_and_small_segments_are_left_out_and_counted(
    service: AssistantService,
) -> None:
    plan = {
        "kind": "drivers",
        "metric": "checkout_conversion",
        "time": "last_week",
        "dimensions": ["channel", "device", "campaign"],
        "filters": [{"dimension": "channel", "values": ["app"]}],
        "limit": 50,
    }
    compiled = compile_plan(parse_plan(plan), service.model, TimeContext(today=AS_OF))
    result = service.engine.run(compiled.sql() or "")
    rows = [dict(zip(result.columns, r, strict=True)) for r in result.rows]
    assert rows and {r["dimension"] for r in rows} <= {"device", "campaign"}
    assert "channel" not in {r["dimension"] for r in rows}  # one value: the filter's
    left = rows[0]["dimensions_left_out"]
    assert left >= 1 and all(r["dimensions_left_out"] == left for r in rows)
    table = ResultTable(
        compiled.plan, result.columns, result.types, tuple(tuple(r) for r in result.rows),
        False, compiled.time_range, compiled.baseline_range,
    )  # fmt: skip
    text = answer_text(table, ModelLabels(service.model), service.model, "en")
    assert f"{left} dimension" in text and "with a single value (or only none)" in text


def test_shares_are_said_in_the_charts_unit_and_never_over_the_whole() -> None:
    model = demo_model()
    plan = parse_plan(
        {"kind": "drivers", "metric": "checkout_conversion", "time": "last_week",
         "dimensions": ["device"]}
    )  # fmt: skip
    rows = (  # iOS fell by more than the whole change; Android rose
        ("device", "ios", 0.27, 0.77, -0.50, -0.080, -0.08, 0.0, 1.072, 0, 0),
        ("device", "android", 0.85, 0.80, 0.05, 0.0054, 0.005, 0.0, -0.072, 0, 0),
    )
    columns = (
        "dimension", "segment", "value", "value_previous", "change", "contribution",
        "rate_effect", "mix_effect", "share_of_change", "segments_left_out", "dimensions_left_out",
    )  # fmt: skip
    table = ResultTable(plan, columns, ("VARCHAR",) * len(columns), rows)
    text = answer_text(table, ModelLabels(model), model, "en")
    assert "iOS (device) contributed -8.0 pts of the 7.5 pts drop, more than the whole drop" in text
    assert "107.2%" not in text
