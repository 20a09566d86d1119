"""`LlmPlanner`: a QueryPlan from an OpenAI-compatible LLM, validated and repaired at most twice.

docs/design.md "Planners" → LLM: the model fills the plan with structured output, grounded by
retrieval; an invalid plan goes back to it with the validator's message and suggestions, at most
twice. Anything else (timeout, unreachable, error status, still no valid plan) raises
`LlmUnavailable`, and the caller answers with the embedded planner.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

import openai

from assistant.answer.model import LlmCall
from assistant.llm.client import Reply, complete, make_client
from assistant.llm.errors import ErrorCode, LlmUnavailable, redact
from assistant.llm.prompt import (
    TOOL_NAME,
    Message,
    conversation,
    echo,
    raw_sql_prompt,
    repair_text,
    system_prompt,
)
from assistant.llm.settings import LlmSettings
from assistant.retrieval.grounding import Grounding
from semantic_layer.compile import dialects
from semantic_layer.compile.access import AccessDenied
from semantic_layer.errors import UserError
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import PlanError, QueryPlan, SqlPlan, parse_plan
from semantic_layer.timeparts.errors import TimeError

log = logging.getLogger(__name__)

MAX_REPAIRS: Final = 2
MAX_REPLY_CHARS: Final = 100_000  # a plan is a few hundred characters; raw SQL at most 20,000
FENCE = re.compile(r"```(?:json)?\s*(.*?)\s*```", re.DOTALL | re.IGNORECASE)
Validate = Callable[[QueryPlan], None]


@dataclass(frozen=True)
class LlmResult:
    """A valid plan, every call it took, and how many repairs were needed (0–2)."""

    plan: QueryPlan
    calls: list[LlmCall] = field(default_factory=list)
    repairs: int = 0


class BadOutput(Exception):
    """The reply is not a JSON object (outcome "bad_json")."""


class LlmPlanner:
    """Plans questions with an LLM; one instance per settings and semantic model."""

    def __init__(
        self, settings: LlmSettings, model: SemanticModel, *, dialect: str = dialects.DEFAULT
    ) -> None:
        """`dialect`: the engine's, which the prompts name (sql plans are written in the guard's
        dialect and translated to it)."""
        self.settings = settings
        self.model = model
        self.dialect = dialect
        self._client: openai.OpenAI | None = None
        self._lock = threading.Lock()

    def client(self) -> openai.OpenAI:
        """One client for the planner's life (thread-safe): building one loads the TLS
        certificates, about 0.1 s, which every question would otherwise pay."""
        with self._lock:
            if self._client is None:
                self._client = make_client(self.settings)
            return self._client

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    def plan(
        self,
        question: str,
        *,
        grounding: Grounding,
        history: Sequence[tuple[str, Mapping[str, Any] | None]] = (),
        today: date,
        validate: Validate,
    ) -> LlmResult:
        """A plan that parses and passes `validate` (the caller's name, access and SQL checks).

        Raises:
            LlmUnavailable: the endpoint failed, or no valid plan came after two repairs.
        """
        system = system_prompt(
            grounding, self.model, today, self.settings.method, dialect=self.dialect
        )
        messages: list[Message] = [
            {"role": "system", "content": system},
            *conversation(history, question),
        ]
        return self._until_valid(messages, validate)

    def raw_sql(self, question: str, *, today: date, validate: Validate) -> LlmResult:
        """The llm-raw-sql baseline: SQL from the raw table schemas, no semantic layer.

        Evaluations compare it with `plan` to show what the semantic layer adds. The SQL goes
        through the same `validate` (guard, row filters, EXPLAIN) as any other plan.
        """
        messages: list[Message] = [
            {
                "role": "system",
                "content": raw_sql_prompt(
                    self.model, today, self.settings.method, dialect=self.dialect
                ),
            },
            *conversation((), question),
        ]

        def only_sql(plan: QueryPlan) -> None:
            if not isinstance(plan, SqlPlan):
                raise UserError(f'reply with a plan of kind "sql", not "{plan.kind}"')
            validate(plan)

        return self._until_valid(messages, only_sql)

    def _until_valid(self, messages: list[Message], validate: Validate) -> LlmResult:
        """Ask, validate, and send problems back, at most `MAX_REPAIRS` times.

        A plan naming a metric or dimension the caller's role may not use is returned as it is,
        not repaired: no repair can grant access, and asking for one invites the model to answer
        another question quietly; the service compiles it and says what is denied, to whom. Raw
        SQL refused for the role is repaired: the question may fit a plan the layer compiles.
        """
        calls: list[LlmCall] = []
        problems: list[str] = []
        client = self.client()
        for attempt in range(MAX_REPAIRS + 1):
            reply, call = complete(client, self.settings, messages, calls)
            plan, problems, outcome = _judge(reply, validate)
            if plan is not None:
                calls.append(call)
                return LlmResult(plan, calls, repairs=attempt)
            calls.append(call.model_copy(update={"outcome": outcome}))
            log.info("LLM plan rejected (%s): %s", outcome, "; ".join(problems))
            messages.extend(repair_messages(reply, problems))
        raise self._gave_up(calls, problems)

    def _gave_up(self, calls: list[LlmCall], problems: list[str]) -> LlmUnavailable:
        code: ErrorCode = (
            "llm_bad_output" if calls[-1].outcome == "bad_json" else "llm_invalid_plan"
        )
        detail = redact("; ".join(problems), self.settings.api_key)
        message = f"no valid plan after {len(calls)} attempts; last problem: {detail}"
        return LlmUnavailable(code, message, calls)


def _judge(reply: Reply | None, validate: Validate) -> tuple[QueryPlan | None, list[str], str]:
    """The plan to use, or None with the problems to send back and the call's outcome."""
    try:
        plan = read_plan(reply)
    except BadOutput as err:
        return None, [str(err)], "bad_json"
    except PlanError as err:
        return None, problem_lines(err), "invalid_plan"
    try:
        validate(plan)
    except AccessDenied as err:
        if not isinstance(plan, SqlPlan):  # final: see `LlmPlanner._until_valid`
            return plan, [], "ok"
        return None, problem_lines(err), "invalid_plan"
    except (PlanError, UserError, TimeError) as err:
        return None, problem_lines(err), "invalid_plan"
    except Exception as err:  # a checker that broke on this plan: the plan is refused, not a 500
        log.warning("checking an LLM plan failed", exc_info=True)
        return (
            None,
            [f"the plan could not be checked ({type(err).__name__}); write it simply"],
            ("invalid_plan"),
        )
    return plan, [], "ok"


def read_plan(reply: Reply | None) -> QueryPlan:
    """The plan in a reply: JSON (fenced or bare), bare or wrapped as {"plan": …}.

    Raises:
        BadOutput: no JSON object in the reply.
        PlanError: a JSON object that is not a valid plan.
    """
    if reply is None or not reply.text.strip():
        raise BadOutput('the reply was empty: reply with the JSON object {"plan": {...}}')
    if len(reply.text) > MAX_REPLY_CHARS:
        raise BadOutput(
            f"the reply is {len(reply.text):,} characters; a plan fits in {MAX_REPLY_CHARS:,}"
        )
    text = reply.text.strip()
    fenced = FENCE.search(text)
    if fenced:
        text = fenced.group(1)
    elif not text.startswith("{") and "{" in text and "}" in text:
        text = text[text.index("{") : text.rindex("}") + 1]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        cut = " (the reply was cut off: make it shorter)" if reply.finish_reason == "length" else ""
        raise BadOutput(
            f"the reply is not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}"
            f'{cut}; reply with the JSON object {{"plan": {{...}}}} only'
        ) from None
    except (RecursionError, ValueError) as err:  # nested too deep; an integer too long to read
        raise BadOutput(
            f"the reply is JSON that cannot be read ({type(err).__name__}); "
            'reply with the JSON object {"plan": {...}} only'
        ) from None
    if not isinstance(data, dict):
        raise BadOutput(f'the reply is JSON {type(data).__name__}, not an object {{"plan": …}}')
    return parse_plan(data)


def problem_lines(err: PlanError | UserError | TimeError) -> list[str]:
    """The validator's message and suggestions, one line per problem."""
    if isinstance(err, PlanError):
        return [str(p) for p in err.problems]
    if isinstance(err, UserError):
        line = err.render()
        if err.hint and err.suggestions:
            line += f" ({err.hint})"
        return [line]
    return [str(err)]


def repair_messages(reply: Reply | None, problems: Sequence[str]) -> list[Message]:
    """The rejected reply (so the model sees what it wrote) and the problems to fix."""
    text = repair_text(problems)
    if reply is None:
        return [{"role": "user", "content": text}]
    if reply.tool_call_id is None:
        return [
            {"role": "assistant", "content": echo(reply.text)},
            {"role": "user", "content": text},
        ]
    call = {
        "id": reply.tool_call_id,
        "type": "function",
        "function": {"name": TOOL_NAME, "arguments": echo(reply.text)},
    }
    return [
        {"role": "assistant", "content": None, "tool_calls": [call]},
        {"role": "tool", "tool_call_id": reply.tool_call_id, "content": text},
    ]


__all__ = ["MAX_REPAIRS", "LlmPlanner", "LlmResult", "problem_lines", "read_plan"]
