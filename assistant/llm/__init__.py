"""The optional LLM planner (docs/design.md "Planners" → LLM) for any OpenAI-compatible endpoint.

settings = LlmSettings.from_env(os.environ)        # None when no endpoint is configured
planner = LlmPlanner(settings, model)
result = planner.plan(question, grounding=g, today=today, validate=check)  # or LlmUnavailable
"""

from __future__ import annotations

from assistant.llm.errors import ErrorCode, LlmUnavailable
from assistant.llm.planner import MAX_REPAIRS, LlmPlanner, LlmResult
from assistant.llm.settings import METHODS, LlmSettings, Method

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
