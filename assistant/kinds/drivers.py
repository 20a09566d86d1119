"""The `drivers` kind: why a metric changed between the time and a baseline."""

from __future__ import annotations

from assistant.answer.charts_metric import drivers_chart
from assistant.answer.narrate.drivers import drivers_text
from assistant.answer.narrate.suggest import drivers_questions
from assistant.kinds.base import Kind
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import build_drivers
from semantic_layer.plan import DriversPlan

KIND = Kind(
    name="drivers",
    plan=DriversPlan,
    prompt="why a metric changed between the time and a baseline, split by dimensions.",
    compile=build_drivers,
    narrate=drivers_text,
    chart=drivers_chart,
    suggest=drivers_questions,
    follow=FollowUp(compare=True, split="replace"),
    explains_change=True,
    retold=False,
)
