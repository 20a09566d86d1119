"""`LlmUnavailable`: the LLM planner gave up; the caller falls back to the embedded planner."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from assistant.answer.model import LlmCall

ErrorCode = Literal[
    "llm_timeout", "llm_unreachable", "llm_http_error", "llm_bad_output", "llm_invalid_plan"
]
MAX_MESSAGE: Final = 400
MASK: Final = "***"


class LlmUnavailable(Exception):
    """The endpoint timed out, was unreachable, answered with an error status, or gave no
    usable plan after the repairs.

    Attributes:
        code: stable, for programs ("llm_timeout", "llm_unreachable", "llm_http_error",
            "llm_bad_output", "llm_invalid_plan").
        message: for a person; never contains the API key.
        calls: every call made before giving up.
        status: the HTTP status when the endpoint answered with an error.
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        calls: Sequence[LlmCall] = (),
        status: int | None = None,
    ) -> None:
        self.code: ErrorCode = code
        self.message = message
        self.calls: list[LlmCall] = list(calls)
        self.status = status  # the HTTP status of an error answer
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


def redact(text: str, secret: str) -> str:
    """`text` without `secret` (the API key) and cut to a readable length."""
    if secret:
        text = text.replace(secret, MASK)
    text = " ".join(text.split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


__all__ = ["ErrorCode", "LlmUnavailable", "redact"]
