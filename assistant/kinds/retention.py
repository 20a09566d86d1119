"""The `retention` kind: cohorts by first event, the share returning in each later period."""

from __future__ import annotations

from assistant.answer.charts_retention import retention_chart
from assistant.answer.narrate.journeys import retention_text
from assistant.answer.narrate.suggest import retention_questions
from assistant.kinds.base import Kind
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import build_retention
from semantic_layer.plan import RetentionPlan

KIND = Kind(
    name="retention",
    plan=RetentionPlan,
    prompt="cohorts by first event in the time; the share returning in each later period.",
    compile=build_retention,
    narrate=retention_text,
    chart=retention_chart,
    suggest=retention_questions,
    follow=FollowUp(own_time=True, cohort=True),
    journey=True,
    steps_named=True,
)
