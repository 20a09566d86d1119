"""The `funnel` kind: users reaching each step of a journey in order, within a window."""

from __future__ import annotations

from assistant.answer.charts_funnel import funnel_chart
from assistant.answer.narrate.funnel import funnel_text
from assistant.answer.narrate.suggest import funnel_questions
from assistant.kinds.base import Kind
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import build_funnel
from semantic_layer.plan import FunnelPlan

KIND = Kind(
    name="funnel",
    plan=FunnelPlan,
    prompt="users reaching each step of a journey (or explicit touchpoint steps) in order within "
    "a window; measure conversion or time_to_convert; breakdown by one dimension.",
    compile=build_funnel,
    narrate=funnel_text,
    chart=funnel_chart,
    suggest=funnel_questions,
    follow=FollowUp(steps=True, split="breakdown"),
    journey=True,
    steps_named=True,
    watchable=True,
)
