"""Plans for questions the layer cannot compile: raw SQL, a clarifying question, unsupported."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from semantic_layer.plan.common import MAX_SQL_CHARS, BasePlan, Choice, Name, Text

AnalysisKind = Literal[
    "metric", "funnel", "dropoff", "paths", "retention", "attribution", "drivers"
]
SqlText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_SQL_CHARS)
]


class SqlPlan(BasePlan):
    """Raw SQL from the LLM for a question outside the layer: guarded, flagged as unverified."""

    kind: Literal["sql"] = "sql"
    sql: SqlText = Field(description="one SELECT over the canonical tables")
    rationale: Text = Field(description="why the semantic layer could not answer it")
    verified: Literal[False] = False


class ClarifyPlan(BasePlan):
    """An ambiguous question: say why and offer the readings to choose from."""

    kind: Literal["clarify"] = "clarify"
    reason: Text
    choices: list[Choice] = Field(min_length=2, max_length=6)
    candidate_kind: AnalysisKind | None = Field(
        default=None, description="the kind of plan the question most likely needs"
    )


class UnsupportedPlan(BasePlan):
    """A question the data cannot answer: say why and what data would be needed."""

    kind: Literal["unsupported"] = "unsupported"
    reason: Text
    missing: list[Name] = Field(default_factory=list, max_length=20)
