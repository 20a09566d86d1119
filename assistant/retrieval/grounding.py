"""`Grounding`: the slice of the semantic model and the examples relevant to one question.

Retrieval fills it; the LLM planner turns it into the prompt (never the whole model).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ItemKind = Literal["metric", "dimension", "value", "touchpoint", "journey"]


@dataclass(frozen=True)
class GroundingItem:
    """One model object: its kind, its name in plans, and a line describing it for the LLM.

    For a `value`, `name` is the dimension and `value` the stored value.
    """

    kind: ItemKind
    name: str
    text: str
    score: float
    value: str | int | float | bool | None = None


@dataclass(frozen=True)
class Example:
    """A verified question and its plan (from the model's verified queries or from feedback)."""

    question: str
    plan: dict[str, Any]
    score: float
    source: Literal["model", "feedback"] = "model"
    role: str = ""  # the role a reviewed feedback example serves


@dataclass(frozen=True)
class Grounding:
    """What the planner is told about the model for one question."""

    items: tuple[GroundingItem, ...] = ()
    examples: tuple[Example, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def of_kind(self, kind: ItemKind) -> tuple[GroundingItem, ...]:
        return tuple(i for i in self.items if i.kind == kind)


__all__ = ["Example", "Grounding", "GroundingItem", "ItemKind"]
