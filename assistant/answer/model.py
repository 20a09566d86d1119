"""The `Answer` object of docs/design.md "Answers": one shape for the chat, API, bots, evals."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from semantic_layer.time import DateRange, Language

Backend = Literal["embedded", "llm", "llm-raw-sql", "example"]
ColumnFormat = Literal[
    "text",
    "date",
    "integer",
    "number",
    "percent",
    "currency",
    "duration_minutes",
    "duration_hours",
    "multiple",
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnswerError(Strict):
    """Why there is no result: a stable `code` for programs and a `message` for people."""

    code: str
    message: str
    suggestions: list[str] = Field(default_factory=list)


class TimeRange(Strict):
    """Whole days [start, end): `end` is the day after the last day; `label` says it in words."""

    start: date | None
    end: date
    label: str

    @classmethod
    def of(cls, rng: DateRange | None, lang: Language) -> TimeRange | None:
        if rng is None:
            return None
        return cls(start=None if rng.open_start else rng.start, end=rng.end, label=rng.label(lang))


class LlmCall(Strict):
    """One request to the LLM endpoint: what it cost and how it ended."""

    model: str
    ms: float
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    outcome: str = "ok"  # ok | invalid_plan | bad_json | timeout | http_error | unreachable


class Timings(Strict):
    """Milliseconds per stage, and every LLM call with its tokens."""

    plan_ms: float = 0.0
    compile_ms: float = 0.0
    query_ms: float = 0.0
    answer_ms: float = 0.0
    total_ms: float = 0.0
    llm_calls: list[LlmCall] = Field(default_factory=list)

    @property
    def tokens(self) -> int:
        return sum((c.prompt_tokens or 0) + (c.completion_tokens or 0) for c in self.llm_calls)


class Choice(Strict):
    """A clarification choice: what to click and the question it asks."""

    label: str
    question: str


class UnusedSpan(Strict):
    """Words of the question the plan did not use, and why (`unknown_word`, `number`,
    `time_not_used`, `value_not_used`, `dimension_not_used`, `metric_not_used`,
    `touchpoint_not_used`, `comparison_not_used`)."""

    text: str
    why: str


class Answer(Strict):
    """The answer to one question (docs/design.md "Answers" and "Interfaces")."""

    id: str
    session_id: str | None = None
    question: str
    language: Language
    text: str
    interpretation: str = ""
    plan: dict[str, Any] | None = None
    sql: str | None = None
    verified: bool = True
    columns: list[str] = Field(default_factory=list)
    column_labels: list[str] = Field(default_factory=list)
    column_formats: list[ColumnFormat] = Field(default_factory=list)
    rows: list[list[Any]] = Field(default_factory=list)
    truncated: bool = False
    chart: dict[str, Any] | None = None
    time_range: TimeRange | None = None
    baseline_range: TimeRange | None = None
    backend: Backend = "embedded"
    timings: Timings = Field(default_factory=Timings)
    warnings: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    choices: list[Choice] = Field(default_factory=list)
    confidence: float | None = Field(
        default=None, description="0–1: how much of the question the plan used (embedded planner)"
    )
    unused: list[UnusedSpan] = Field(default_factory=list)
    error: AnswerError | None = None
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))

    @property
    def kind(self) -> str | None:
        return None if self.plan is None else str(self.plan.get("kind"))


__all__ = [
    "Answer",
    "AnswerError",
    "Backend",
    "Choice",
    "ColumnFormat",
    "LlmCall",
    "TimeRange",
    "Timings",
    "UnusedSpan",
]
