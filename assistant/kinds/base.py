"""`Kind`: everything one analysis kind needs beyond its plan, in one object.

A kind bundles its plan type (`semantic_layer/plan/`), its compiler (a builder of
`semantic_layer/compile/compiler.py`, which keeps its own table because the semantic layer cannot
import upward), the narrator that says what the result means, its chart, its follow-up
suggestions, its follow-up rules (`follow.py`: what "and by channel?" or "why?" does to its
plan), its line in the LLM prompt, and the answers to every question the rest of the
assistant asks about a kind (is it a journey analysis, does it ask back, can its users be
exported, what a drop-off watch pins). The embedded planner's cues live in `assistant/nlu/`,
which applies each kind's follow-up rules; `tests/test_kinds.py` fails when any part lacks a
registered kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from assistant.answer.charts import ChartBuilder
from assistant.answer.model import Answer
from assistant.answer.narrate.suggest import Asker
from assistant.answer.narrate.text import Narrator
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import Builder
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan.common import PlanModel

Suggester = Callable[[Asker], list[str]]
Pinner = Callable[[dict[str, Any], Answer, SemanticModel], dict[str, Any]]
"""What a watch of an answer keeps of its plan (the plan, the answer, the model → the plan)."""


@dataclass(frozen=True)
class Kind:
    """One plan kind. An analysis kind has every part; `sql`, `clarify` and `unsupported` answer
    without a semantic result, so they have only the parts that apply (None for the others)."""

    name: str
    plan: type[PlanModel]
    prompt: str
    """What the kind means, for the LLM prompt's list of kinds ("- name: prompt")."""
    compile: Builder | None = None
    """The compiler's builder for this kind (the same one `compiler._BUILDERS` names)."""
    narrate: Narrator | None = None
    chart: ChartBuilder | None = None
    suggest: Suggester | None = None
    follow: FollowUp | None = None
    """What a follow-up question does to its plan (`FollowUp()`: nothing of its own)."""
    analysis: bool = True
    """An analysis of the semantic layer (every part required), not sql/clarify/unsupported: its
    plan may become a verified example and counts as the conversation's last analysis."""
    runs: bool = True
    """The plan has something to run (False for clarify and unsupported: they are the answer)."""
    journey: bool = False
    """People move through touchpoints in order: a filter on an event attribute picks people (at
    the entry step or any touch), and the answer says which rule picked them."""
    steps_named: bool = False
    """The question's "which step" / 哪个环节 names the touchpoints this kind analyses (its steps,
    paths or credited touches), not a split by touchpoint."""
    outcome: Literal["answer", "clarify", "unsupported"] = "answer"
    """What the plan is to the user: an answer, a question back with choices, or a refusal (the
    chat hides a clarification's interpretation; the next turn may pick one of its choices)."""
    exports_users: bool = False
    """Its rows count people whose ids a user may export (`assistant/takeaway.py`)."""
    compile_error: Literal["invalid_plan", "invalid_sql"] = "invalid_plan"
    """The error code when the compiler fails on the plan (raw SQL: the SQL was invalid)."""
    pin: Pinner | None = None
    """What a watch of its answer keeps of the plan (None: the plan as it is)."""
    explains_change: bool = False
    """It says why a metric changed: a choice of metric offered for it asks "why did … change"."""
    retold: bool = True
    """An analysis whose answer is its stored plan compiled again and run, so the chat's language
    switch can tell it again in the other language (`assistant/retell.py`). False for drivers:
    the service first reads the metric's series to find when it changed, which a retelling does
    not."""
    watchable: bool = False
    """A saved answer of this kind yields one number per period, so it can be watched
    (`assistant/watches/target.py` says which number)."""

    def missing(self) -> list[str]:
        """The parts this kind lacks: every part for an analysis kind, none for the others."""
        parts = {
            "compile": self.compile,
            "narrate": self.narrate,
            "chart": self.chart,
            "suggest": self.suggest,
            "follow": self.follow,
        }
        return [name for name, part in parts.items() if part is None] if self.analysis else []

    @property
    def asks_back(self) -> bool:
        """The answer is a question back with choices (`clarify`)."""
        return self.outcome == "clarify"

    def pinned(self, answer: Answer, model: SemanticModel) -> dict[str, Any]:
        """The plan a watch of `answer` measures every period."""
        plan = dict(answer.plan or {})
        return plan if self.pin is None else self.pin(plan, answer, model)


__all__ = ["Kind", "Pinner", "Suggester"]
