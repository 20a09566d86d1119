"""A zero answer whose filter no row of the metric ever met says so (assistant/never_met.py)."""

from __future__ import annotations

from typing import Any

from assistant.never_met import never_met
from semantic_layer.model import demo_model
from semantic_layer.plan import QueryPlan, parse_plan

PLAN = parse_plan(
    {"kind": "metric", "language": "en", "time": "last_week", "metrics": ["revenue"],
     "filters": [{"dimension": "channel", "op": "in", "values": ["app", "web"]},
                 {"dimension": "touchpoint", "values": ["search"]}]}
)  # fmt: skip


def probe_zero_for(dimension: str) -> Any:
    asked: list[QueryPlan] = []

    def probe(plan: QueryPlan) -> float | None:
        asked.append(plan)
        (f,) = plan.filters  # type: ignore[union-attr]
        assert plan.time.root.kind == "all"  # type: ignore[union-attr]
        return 0.0 if f.dimension == dimension else 120.0

    return probe, asked


def test_a_zero_under_a_filter_the_metric_never_meets_is_said() -> None:
    probe, asked = probe_zero_for("touchpoint")
    note = never_met(PLAN, {"columns": ["revenue"], "rows": [[0]]}, demo_model(), probe)
    assert note is not None and "touchpoint" in note.lower() and "search" in note.lower(), note
    assert len(asked) == 2  # each filter alone, over all the data


def test_no_note_when_the_answer_has_a_number_or_every_filter_was_met() -> None:
    probe, asked = probe_zero_for("touchpoint")
    assert never_met(PLAN, {"columns": ["revenue"], "rows": [[35.0]]}, demo_model(), probe) is None
    assert asked == []  # a number: nothing to check
    met, _ = probe_zero_for("nothing")
    assert never_met(PLAN, {"columns": ["revenue"], "rows": []}, demo_model(), met) is None


def test_chinese_note() -> None:
    plan = PLAN.model_copy(update={"language": "zh"})
    probe, _ = probe_zero_for("channel")
    note = never_met(plan, {"columns": ["revenue"], "rows": []}, demo_model(), probe)
    assert note is not None and note.startswith("数据里从来没有"), note
