"""`LlmSettings`: which OpenAI-compatible endpoint the LLM planner talks to, and how.

Read from the environment (docs/design.md "Interfaces"): `TPA_LLM_BASE_URL`, `TPA_LLM_MODEL`,
`TPA_LLM_API_KEY`, plus `TPA_LLM_METHOD` and `TPA_LLM_TIMEOUT`. The API key is never logged,
shown in `repr` or put in an error message.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from semantic_layer.errors import UserError, close_matches

Method = Literal["json_schema", "function_calling", "json_mode"]
METHODS: Final[tuple[str, ...]] = get_args(Method)
MAX_TIMEOUT_S: Final = 300.0
MAX_RETRIES: Final = 3


class LlmSettings(BaseModel):
    """An OpenAI-compatible chat endpoint (OpenAI, DeepSeek, Qwen, vLLM, Ollama…).

    `method` is how the plan's structure is enforced: `json_schema` (strict structured output),
    `function_calling` (one forced tool), or `json_mode` (any JSON object; the schema is in the
    prompt) for servers that support neither.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str = Field(min_length=1)
    model: str = Field(min_length=1)
    api_key: str = Field(default="", repr=False)
    timeout_s: float = Field(default=20.0, gt=0, le=MAX_TIMEOUT_S)
    max_retries: int = Field(default=1, ge=0, le=MAX_RETRIES)
    method: Method = "json_schema"
    temperature: float = Field(default=0.0, ge=0, le=2)
    max_tokens: int = Field(default=1200, ge=16, le=32_000)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError("the base URL must start with http:// or https://")
        return value.rstrip("/")

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> LlmSettings | None:
        """The settings in `environ`, or None when the base URL or the model is unset.

        Raises:
            UserError: for a value that is set but wrong (a bad URL, method or timeout).
        """
        base_url = environ.get("TPA_LLM_BASE_URL", "").strip()
        model = environ.get("TPA_LLM_MODEL", "").strip()
        if not base_url or not model:
            return None
        if not base_url.startswith(("http://", "https://")):
            raise UserError(
                f"TPA_LLM_BASE_URL '{base_url}' is not an http(s) URL",
                hint="e.g. http://localhost:11434/v1 or https://api.openai.com/v1",
            )
        return cls(
            base_url=base_url,
            model=model,
            api_key=environ.get("TPA_LLM_API_KEY", "").strip(),
            method=_method(environ.get("TPA_LLM_METHOD", "")),
            timeout_s=_timeout(environ.get("TPA_LLM_TIMEOUT", "")),
        )


def _method(text: str) -> Method:
    value = text.strip().lower().replace("-", "_") or "json_schema"
    for method in get_args(Method):
        if value == method:
            return method  # type: ignore[no-any-return]
    raise UserError(
        f"TPA_LLM_METHOD '{text.strip()}' is not a structured-output method",
        names=[text.strip()],
        suggestions=close_matches(value, METHODS),
        hint="use one of: " + ", ".join(METHODS),
    )


def _timeout(text: str) -> float:
    if not text.strip():
        return 20.0
    try:
        seconds = float(text.strip().removesuffix("s"))
    except ValueError:
        seconds = math.nan
    if not (0 < seconds <= MAX_TIMEOUT_S):
        raise UserError(
            f"TPA_LLM_TIMEOUT '{text.strip()}' is not a number of seconds "
            f"between 0 and {MAX_TIMEOUT_S:g}",
            hint="e.g. TPA_LLM_TIMEOUT=20",
        )
    return seconds


__all__ = ["MAX_RETRIES", "METHODS", "LlmSettings", "Method"]
