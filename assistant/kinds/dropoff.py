"""The `dropoff` kind: users lost at each step of a journey, ranked."""

from __future__ import annotations

from typing import Any

from assistant.answer.charts_funnel import dropoff_chart
from assistant.answer.model import Answer
from assistant.answer.narrate.funnel import dropoff_text
from assistant.answer.narrate.suggest import dropoff_questions
from assistant.kinds.base import Kind
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import build_funnel
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import DropoffPlan


def pin_worst_step(plan: dict[str, Any], answer: Answer, model: SemanticModel) -> dict[str, Any]:
    """A drop-off watch watches the step that lost the most in the answer (that step and the
    next), so every period measures the same step."""
    cols = list(answer.columns)
    if answer.rows and "step" in cols:
        steps = plan.get("steps") or list(model.journey(plan.get("journey")).steps)
        k = int(answer.rows[0][cols.index("step")])
        if 1 <= k < len(steps):
            plan["steps"], plan["journey"] = [steps[k - 1], steps[k]], None
    return plan


KIND = Kind(
    name="dropoff",
    plan=DropoffPlan,
    prompt="users lost at each step of a journey (reached it, never the next), ranked.",
    compile=build_funnel,
    narrate=dropoff_text,
    chart=dropoff_chart,
    suggest=dropoff_questions,
    follow=FollowUp(steps=True, rank="limit", split="breakdown"),
    journey=True,
    steps_named=True,
    pin=pin_worst_step,
    watchable=True,
)
