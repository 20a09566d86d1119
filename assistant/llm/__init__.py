"""The optional LLM planner (docs/design.md "Planners" → LLM) for any OpenAI-compatible endpoint.

settings = LlmSettings.from_env(os.environ)        # None when no endpoint is configured
planner = LlmPlanner(settings, model)
result = planner.plan(question, grounding=g, today=today, validate=check)  # or LlmUnavailable

The OpenAI client (half a second of imports) is loaded only when `LlmPlanner` (or `LlmResult`,
`MAX_REPAIRS`) is first used, so reading the settings stays cheap for the embedded planner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.llm.errors import ErrorCode, LlmUnavailable
from assistant.llm.settings import METHODS, LlmSettings, Method

if TYPE_CHECKING:
    from assistant.llm.planner import MAX_REPAIRS, LlmPlanner, LlmResult

_LAZY = frozenset({"MAX_REPAIRS", "LlmPlanner", "LlmResult"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from assistant.llm import planner

        return getattr(planner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_REPAIRS",
    "METHODS",
    "ErrorCode",
    "LlmPlanner",
    "LlmResult",
    "LlmSettings",
    "LlmUnavailable",
    "Method",
]
