"""The service's seams as Protocols: the two planners and retrieval.

`plan_question` and `ExampleReview` depend on these, not on the concrete classes: the embedded
planner (`assistant.nlu.EmbeddedPlanner`), the LLM planner (`assistant.llm.LlmPlanner`) and
retrieval (`assistant.retrieval.Retriever`, or `RoleRetrieval` for one role). What the embedded
planner needs from retrieval is its own Protocol, `assistant.nlu.Retrieval`. mypy checks that
each concrete class still fits where it is passed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from assistant.nlu import PlannerResult
from assistant.retrieval.grounding import Grounding
from semantic_layer.plan import QueryPlan
from semantic_layer.time import TimeContext

if TYPE_CHECKING:
    from assistant.llm.planner import LlmResult

Validate = Callable[[QueryPlan], None]
"""Compiles a plan and asks the engine to EXPLAIN it; raises what is wrong."""

History = Sequence[tuple[str, Mapping[str, Any] | None]]
"""Earlier questions of the session with the plans they got (None when none was run)."""


class Planner(Protocol):
    """The embedded (offline) planner: a question, the time context and the previous plan."""

    def plan(
        self, question: str, ctx: TimeContext, previous: QueryPlan | None = None
    ) -> PlannerResult: ...


class LlmBackend(Protocol):
    """The LLM planner: a plan (or raw SQL) for a question, checked by `validate`."""

    def plan(
        self,
        question: str,
        *,
        grounding: Grounding,
        history: History = (),
        today: date,
        validate: Validate,
    ) -> LlmResult: ...

    def raw_sql(self, question: str, *, today: date, validate: Validate) -> LlmResult: ...

    def close(self) -> None: ...


class Grounder(Protocol):
    """What the LLM planner needs from retrieval: the model items and examples a question needs."""

    def ground(self, question: str, *, k: int = 8, history: Sequence[str] = ()) -> Grounding: ...


class ExampleIndex(Protocol):
    """What example review needs from retrieval (approved examples in, withdrawn ones out)."""

    def add_example(
        self, question: str, plan: Mapping[str, Any], language: str | None, role: str = ""
    ) -> None: ...

    def remove_example(self, question: str, role: str = "") -> None: ...


__all__ = ["ExampleIndex", "Grounder", "History", "LlmBackend", "Planner", "Validate"]
