"""Understanding a question (the pipeline's first step): which planner answers — the LLM when
asked for and configured, else (or when it fails) the embedded rules.

A failed LLM call never fails the answer: the embedded planner answers and the answer says why
in `warnings` (timeout, unreachable endpoint, error status, unusable output).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.answer.model import LlmCall
from assistant.nlu import PlannerResult
from assistant.nlu.text import language_of
from assistant.retrieval.grounding import Grounding
from assistant.seams import Grounder, History, LlmBackend, Planner, Validate
from semantic_layer.phrasebook import CATALOGUES, language, phrase
from semantic_layer.plan import QueryPlan
from semantic_layer.time import Language, TimeContext

if TYPE_CHECKING:
    from assistant.llm import LlmUnavailable

# What to check for an error status (the key is never shown): the phrasebook's `hint_<status>`.
_STATUS_HINTS = frozenset({401, 403, 404, 429})


def _why(exc: LlmUnavailable, lang: Language) -> str:
    """What went wrong, in `lang`: the status and what to check for an error answer."""
    if exc.code == "llm_http_error" and exc.status is not None:
        why = phrase(lang, "understand", "http_status", status=exc.status)
        if exc.status not in _STATUS_HINTS:
            return why
        hint = phrase(lang, "understand", f"hint_{exc.status}")
        return phrase(lang, "understand", "why_with_hint", why=why, hint=hint)
    known = CATALOGUES[lang]["understand"].get(f"why_{exc.code}")
    return known if known is not None else phrase(lang, "understand", "why_other")


@dataclass(frozen=True)
class Planned:
    """The plan to run, which backend made it, and what the user should know about it."""

    result: PlannerResult
    backend: str
    warnings: list[str] = field(default_factory=list)
    calls: list[LlmCall] = field(default_factory=list)


def plan_question(
    question: str,
    *,
    ctx: TimeContext,
    previous: QueryPlan | None,
    planner: Planner,
    llm: LlmBackend | None,
    backend: str,
    retriever: Grounder | None,
    validate: Validate,
    history: History,
) -> Planned:
    """Plan with the chosen backend; fall back to the embedded planner with a warning."""
    lang = language_of(question)
    if backend not in ("llm", "llm-raw-sql"):
        return _embedded(planner, question, ctx=ctx, previous=previous, warnings=[])
    if llm is None:
        warning = phrase(language(lang), "understand", "no_llm")
        return _embedded(planner, question, ctx=ctx, previous=previous, warnings=[warning])
    from assistant.llm import LlmUnavailable

    try:
        if backend == "llm-raw-sql":
            result = llm.raw_sql(question, today=ctx.today, validate=validate)
        else:
            grounding = (
                retriever.ground(question, history=[q for q, _ in history])
                if retriever
                else Grounding()
            )
            result = llm.plan(
                question, grounding=grounding, history=history, today=ctx.today, validate=validate
            )
    except LlmUnavailable as exc:
        say = language(lang)
        warning = phrase(say, "understand", "fallback", why=_why(exc, say))
        fallback = _embedded(planner, question, ctx=ctx, previous=previous, warnings=[warning])
        return Planned(fallback.result, "embedded", fallback.warnings, list(exc.calls))
    return Planned(PlannerResult(result.plan, "rules"), backend, [], list(result.calls))


def _embedded(
    planner: Planner,
    question: str,
    *,
    ctx: TimeContext,
    previous: QueryPlan | None,
    warnings: list[str],
) -> Planned:
    result = planner.plan(question, ctx, previous)
    backend = "example" if result.source == "example" else "embedded"
    return Planned(result, backend, [*warnings, *result.notes])


__all__ = ["Planned", "plan_question"]
