"""The `attribution` kind: credit for conversions or revenue per channel or touchpoint."""

from __future__ import annotations

from assistant.answer.charts_retention import attribution_chart
from assistant.answer.narrate.attribution import attribution_text
from assistant.answer.narrate.suggest import attribution_questions
from assistant.kinds.base import Kind
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import build_attribution
from semantic_layer.plan import AttributionPlan

KIND = Kind(
    name="attribution",
    steps_named=True,
    plan=AttributionPlan,
    prompt="credit for conversions or revenue per channel or touchpoint (first_touch, "
    "last_touch, linear, time_decay, position_based, markov, or all to compare them).",
    compile=build_attribution,
    narrate=attribution_text,
    chart=attribution_chart,
    suggest=attribution_questions,
    follow=FollowUp(revenue=True, touch_rule="model", split="by"),
)
