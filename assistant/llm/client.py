"""One chat-completion call to an OpenAI-compatible endpoint, with structured output per method.

`complete` sends the messages, measures the call, and returns what the model wrote (message text
or the forced tool call's arguments) with an `LlmCall` record. Transport failures, after the
client's bounded retries, become `LlmUnavailable` with a stable code and a message that never
contains the API key.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import openai

from assistant.answer.model import LlmCall
from assistant.llm.errors import ErrorCode, LlmUnavailable, redact
from assistant.llm.prompt import TOOL_NAME, Message, strict_plan_schema
from assistant.llm.settings import LlmSettings

NO_KEY: Final = "no-key"  # local servers need no key, but the client insists on one
CONNECT_TIMEOUT_S: Final = 5.0


@dataclass(frozen=True)
class Reply:
    """What the model wrote: the text to parse, and the tool call it came in (if any)."""

    text: str
    tool_call_id: str | None = None
    finish_reason: str | None = None


def make_client(settings: LlmSettings) -> openai.OpenAI:
    """A client with the settings' timeout and bounded retries (close it after use)."""
    timeout = openai.Timeout(settings.timeout_s, connect=min(settings.timeout_s, CONNECT_TIMEOUT_S))
    return openai.OpenAI(
        base_url=settings.base_url,
        api_key=settings.api_key or NO_KEY,
        timeout=timeout,
        max_retries=settings.max_retries,
    )


def request_options(settings: LlmSettings) -> dict[str, Any]:
    """The structured-output arguments of `chat.completions.create` for the settings' method."""
    schema = strict_plan_schema()
    if settings.method == "function_calling":
        tool = {
            "type": "function",
            "function": {
                "name": TOOL_NAME,
                "description": "Submit the query plan for the question.",
                "parameters": schema,
                "strict": True,
            },
        }
        return {
            "tools": [tool],
            "tool_choice": {"type": "function", "function": {"name": TOOL_NAME}},
        }
    if settings.method == "json_mode":
        return {"response_format": {"type": "json_object"}}
    return {
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "query_plan", "strict": True, "schema": schema},
        }
    }


def complete(
    client: openai.OpenAI,
    settings: LlmSettings,
    messages: Sequence[Message],
    calls: list[LlmCall],
) -> tuple[Reply | None, LlmCall]:
    """Send one request; return the reply (None when it holds nothing usable) and its record.

    The record's outcome is "ok" here; the caller sets it once the reply is parsed. A failed
    request is appended to `calls` and raised as `LlmUnavailable` carrying every call so far.
    """
    started = time.perf_counter()
    try:
        completion = client.chat.completions.create(
            model=settings.model,
            messages=list(messages),  # type: ignore[arg-type]
            temperature=settings.temperature,
            max_tokens=settings.max_tokens,
            **request_options(settings),
        )
    except openai.OpenAIError as err:
        code, outcome, message = _failure(err, settings)
        calls.append(LlmCall(model=settings.model, ms=_ms(started), outcome=outcome))
        status = err.status_code if isinstance(err, openai.APIStatusError) else None
        raise LlmUnavailable(code, message, calls, status) from None
    except (ValueError, RecursionError) as err:  # a 200 whose body is not a readable completion
        calls.append(LlmCall(model=settings.model, ms=_ms(started), outcome="bad_json"))
        message = f"{safe_url(settings.base_url)} answered with a body that is not a completion"
        raise LlmUnavailable("llm_bad_output", f"{message} ({type(err).__name__})", calls) from None
    usage = getattr(completion, "usage", None)
    call = LlmCall(
        model=settings.model,
        ms=_ms(started),
        prompt_tokens=_int(getattr(usage, "prompt_tokens", None)),
        completion_tokens=_int(getattr(usage, "completion_tokens", None)),
    )
    return _reply(completion), call


def _reply(completion: Any) -> Reply | None:
    """The text of the first choice: the tool call's arguments, else the message content."""
    choices = getattr(completion, "choices", None) or []
    if not choices:
        return None
    choice = choices[0]
    message = getattr(choice, "message", None)
    finish = getattr(choice, "finish_reason", None)
    for tool_call in getattr(message, "tool_calls", None) or []:
        function = getattr(tool_call, "function", None)
        arguments = getattr(function, "arguments", None)
        if isinstance(arguments, str):
            return Reply(arguments, getattr(tool_call, "id", None) or "call_0", finish)
    content = getattr(message, "content", None)
    return Reply(content, None, finish) if isinstance(content, str) else None


def _failure(err: openai.OpenAIError, settings: LlmSettings) -> tuple[ErrorCode, str, str]:
    """(code, call outcome, message) for a failed request; the order matters: a timeout is a
    connection error, and every status error is an API error."""
    where = safe_url(settings.base_url)
    tries = f"{settings.max_retries + 1} attempt(s)"
    code: ErrorCode
    if isinstance(err, openai.APITimeoutError):
        code, outcome = "llm_timeout", "timeout"
        message = f"{where} did not answer within {settings.timeout_s:g} s ({tries})"
    elif isinstance(err, openai.APIConnectionError):
        code, outcome = "llm_unreachable", "unreachable"
        cause = _cause(err)
        verb = "cannot reach" if cause == "ConnectError" else "lost the connection to"
        message = f"{verb} {where} ({tries}): {cause}"
    elif isinstance(err, openai.APIStatusError):
        code, outcome = "llm_http_error", "http_error"
        message = f"{where} answered HTTP {err.status_code}: {err.message}"
    else:
        code, outcome = "llm_http_error", "http_error"
        message = f"{where} failed: {type(err).__name__}: {err}"
    return code, outcome, redact(message, settings.api_key)


def safe_url(url: str) -> str:
    """The URL without user info, query or fragment (where credentials may hide)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def _cause(err: BaseException) -> str:
    cause = err.__cause__ or err.__context__
    return type(cause).__name__ if cause is not None else "connection error"


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


__all__ = ["Reply", "complete", "make_client", "request_options", "safe_url"]
