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
from assistant.nlu.shared import localized
from assistant.nlu.text import language_of
from assistant.retrieval.grounding import Grounding
from assistant.seams import Grounder, History, LlmBackend, Planner, Validate
from semantic_layer.plan import QueryPlan
from semantic_layer.time import TimeContext

if TYPE_CHECKING:
    from assistant.llm import LlmUnavailable

_WHY = {
    "llm_timeout": ("did not answer in time", "响应超时"),
    "llm_unreachable": ("could not be reached", "无法连接"),
    "llm_http_error": ("returned an error", "返回了错误"),
    "llm_bad_output": ("returned output that is not a plan", "返回的内容不是有效的查询计划"),
    "llm_invalid_plan": ("kept returning invalid plans", "多次返回无效的查询计划"),
}


# What to check for an error status (the key is never shown).
_STATUS_HINTS = {
    401: ("check TPA_LLM_API_KEY", "请检查 TPA_LLM_API_KEY"),
    403: ("check TPA_LLM_API_KEY", "请检查 TPA_LLM_API_KEY"),
    404: ("check TPA_LLM_BASE_URL and TPA_LLM_MODEL", "请检查 TPA_LLM_BASE_URL 和 TPA_LLM_MODEL"),
    429: ("it is rate limited", "接口限流"),
}


def _why(exc: LlmUnavailable) -> tuple[str, str]:
    """What went wrong, in both languages: the status and what to check for an error answer."""
    if exc.code == "llm_http_error" and exc.status is not None:
        en, zh = f"returned HTTP {exc.status}", f"返回了 HTTP {exc.status}"
        hint = _STATUS_HINTS.get(exc.status)
        return (f"{en} ({hint[0]})", f"{zh}（{hint[1]}）") if hint else (en, zh)
    return _WHY.get(exc.code, ("failed", "调用失败"))


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
        return _embedded(planner, question, ctx, previous, [])
    if llm is None:
        warning = localized(
            lang,
            "No LLM is configured (set TPA_LLM_BASE_URL and TPA_LLM_MODEL); the built-in "
            "planner answered.",
            "未配置大模型（请设置 TPA_LLM_BASE_URL 和 TPA_LLM_MODEL），已由内置解析器回答。",
        )
        return _embedded(planner, question, ctx, previous, [warning])
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
        en, zh = _why(exc)
        warning = localized(
            lang,
            f"The LLM endpoint {en}; the built-in planner answered instead.",
            f"大模型接口{zh}，已改由内置解析器回答。",
        )
        fallback = _embedded(planner, question, ctx, previous, [warning])
        return Planned(fallback.result, "embedded", fallback.warnings, list(exc.calls))
    return Planned(PlannerResult(result.plan, "rules"), backend, [], list(result.calls))


def _embedded(
    planner: Planner,
    question: str,
    ctx: TimeContext,
    previous: QueryPlan | None,
    warnings: list[str],
) -> Planned:
    result = planner.plan(question, ctx, previous)
    backend = "example" if result.source == "example" else "embedded"
    return Planned(result, backend, [*warnings, *result.notes])


__all__ = ["Planned", "plan_question"]
