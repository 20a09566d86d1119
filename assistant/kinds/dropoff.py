"""The `dropoff` kind: users lost at each step of a journey, ranked."""

from __future__ import annotations

from assistant.answer.charts_funnel import dropoff_chart
from assistant.answer.narrate.funnel import dropoff_text
from assistant.answer.narrate.suggest import dropoff_questions
from assistant.kinds.base import Kind
from semantic_layer.plan import DropoffPlan

KIND = Kind(
    name="dropoff",
    plan=DropoffPlan,
    prompt="users lost at each step of a journey (reached it, never the next), ranked.",
    narrate=dropoff_text,
    chart=dropoff_chart,
    suggest=dropoff_questions,
)
