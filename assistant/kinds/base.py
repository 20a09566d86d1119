"""`Kind`: everything one analysis kind needs beyond its plan, in one object.

A kind bundles its plan type (`semantic_layer/plan/`), the narrator that says what the result
means, its chart, its follow-up suggestions and its line in the LLM prompt. The semantic layer
cannot import upward, so its compiler keeps its own table (`_BUILDERS` in
`semantic_layer/compile/compiler.py`), and the embedded planner's cues and follow-up rules live in
`assistant/nlu/`; `tests/test_kinds.py` fails when any of them lacks a registered kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.answer.charts import ChartBuilder
from assistant.answer.narrate.suggest import Asker
from assistant.answer.narrate.text import Narrator
from semantic_layer.plan.common import PlanModel

Suggester = Callable[[Asker], list[str]]


@dataclass(frozen=True)
class Kind:
    """One plan kind. An analysis kind has every part; `sql`, `clarify` and `unsupported` answer
    without a semantic result, so they have only the parts that apply (None for the others)."""

    name: str
    plan: type[PlanModel]
    prompt: str
    """What the kind means, for the LLM prompt's list of kinds ("- name: prompt")."""
    narrate: Narrator | None = None
    chart: ChartBuilder | None = None
    suggest: Suggester | None = None
    analysis: bool = True
    """An analysis of the semantic layer (every part required), not sql/clarify/unsupported."""
    runs: bool = True
    """The plan has something to run (False for clarify and unsupported: they are the answer)."""

    def missing(self) -> list[str]:
        """The parts this kind lacks: every part for an analysis kind, none for the others."""
        parts = {"narrate": self.narrate, "chart": self.chart, "suggest": self.suggest}
        return [name for name, part in parts.items() if part is None] if self.analysis else []


__all__ = ["Kind", "Suggester"]
