"""The request guard every surface shares (HTTP API, bots, chat sign-in, answer links).

Who may call and how much: API keys → roles (401), a token bucket per key (429), and caps on
request bodies (413) and headers (431), all answered as JSON errors {"error": {code, message}}.
`ApiError` is the surfaces' one error type (the bots' `BotError` is one of its kind).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from assistant.nlu.text import MAX_QUESTION_CHARS
from assistant.sessions.records import UnknownAnswer, UnknownSession
from semantic_layer.errors import UserError
from semantic_layer.phrasebook import CATALOGUES, language, phrase
from semantic_layer.time import Language

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class ApiError(Exception):
    """An error answered as JSON with an HTTP status, a stable code and a message for people.

    Made by `said` it names a phrase of the phrasebook's `api` section and is answered in the
    request's language (`request_language`); otherwise `message` is said as it is."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        key: str | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.key, self.values = key, dict(values or {})

    @classmethod
    def said(cls, status: int, code: str, key: str, **values: object) -> ApiError:
        """The error whose message is the phrase `key` of the phrasebook's `api` section."""
        return cls(status, code, api_phrase("en", key, **values), key=key, values=values)

    @classmethod
    def of(cls, status: int, code: str, exc: UserError) -> ApiError:
        """The error for a `UserError`: an unknown session or answer is said in the request's
        language; any other is its own (English) message."""
        if isinstance(exc, UnknownSession):
            return cls.said(status, code, "unknown_session", id=exc.session_id)
        if isinstance(exc, UnknownAnswer):
            return cls.said(status, code, "unknown_answer", id=exc.answer_id)
        return cls(status, code, exc.render())

    def say(self, lang: Language) -> str:
        """The message in `lang` (a message not from the phrasebook is said as it is)."""
        return self.message if self.key is None else api_phrase(lang, self.key, **self.values)

    def response(self, lang: Language = "en") -> JSONResponse:
        return error_response(self.status, self.code, self.say(lang))


def api_phrase(lang: Language, key: str, **values: object) -> str:
    """The phrase `key` of the `api` section in `lang` (`{example}` is the example body)."""
    return phrase(lang, "api", key, example=phrase(lang, "api", "example"), **values)


# What a caller is told about our own bug (the traceback goes to the log, never to the caller).
INTERNAL_ERROR = api_phrase("en", "internal")


def header_language(accept: str | None) -> Language:
    """The language an `Accept-Language` header prefers among the phrasebook's (by q-value, in
    order), else English: "zh-CN,zh;q=0.9,en;q=0.8" → "zh"."""
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate((accept or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranked.append((-q, n, tag.strip().lower().split("-")[0]))
    for minus_q, _, primary in sorted(ranked):
        if minus_q < 0 and primary in CATALOGUES:
            return language(primary)
    return "en"


def body_language(body: bytes) -> Language | None:
    """The `lang` (or `language`) of a JSON object body when the phrasebook has it."""
    if not body.lstrip().startswith(b"{"):
        return None
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return None
    said = data.get("lang", data.get("language")) if isinstance(data, dict) else None
    return language(said) if isinstance(said, str) and said in CATALOGUES else None


def request_language(request: Request) -> Language:
    """The language of the request's error messages: its JSON body's `lang` (noted by
    `note_language`), else its `Accept-Language`, else English."""
    noted = getattr(request.state, "tpa_lang", None)
    if isinstance(noted, str) and noted in CATALOGUES:
        return language(noted)
    return header_language(request.headers.get("accept-language"))


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


async def note_language(request: Request) -> None:
    """A router dependency: note the body's `lang` for the error handlers (FastAPI has read and
    kept the body already, so this reads no more)."""
    if request.method in ("POST", "PUT", "PATCH"):
        said = body_language(await request.body())
        if said is not None:
            request.state.tpa_lang = said


def scope_language(scope: Scope) -> Language:
    """`header_language` of a raw ASGI scope (the middlewares answer before any `Request`)."""
    headers = dict(scope.get("headers") or [])
    return header_language(headers.get(b"accept-language", b"").decode("latin-1"))


class RateLimiter:
    """A token bucket per API key: `per_minute` requests, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1.0, now)
            return True


def api_key(request: Request) -> str | None:
    """The key from `Authorization: Bearer KEY` or `X-API-Key: KEY`."""
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip() or None
    return request.headers.get("x-api-key") or None


class BodyLimit:
    """ASGI middleware: refuse bodies over `limit` bytes (413), by Content-Length or as they
    stream in, before the application reads them."""

    def __init__(
        self,
        app: Callable[[Scope, Receive, Send], Awaitable[None]],
        limit: int,
        prefix: str = "/v1",
    ) -> None:
        self.app, self.limit, self.prefix = app, limit, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge(self.limit)
            return message

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        response = BodyTooLarge(self.limit).response(scope_language(scope))
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json")]})  # fmt: skip
        await send({"type": "http.response.body", "body": response.body})


class HeaderLimit:
    """ASGI middleware: refuse requests whose headers (names and values) pass `limit` bytes with
    431, on every path (the chat and bots too). uvicorn's h11 parser also stops reading a header
    block past the same limit (`tpa serve`), so this is the second check."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]], limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            size = sum(len(k) + len(v) + 4 for k, v in scope.get("headers") or [])
            if size > self.limit:
                message = api_phrase(scope_language(scope), "headers_too_large", limit=self.limit)
                body = error_response(431, "headers_too_large", message).body
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1009})
                    return
                await send({"type": "http.response.start", "status": 431,
                            "headers": [(b"content-type", b"application/json")]})  # fmt: skip
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


class BodyTooLarge(ApiError):
    """A body that passed the limit while it streamed in (no Content-Length to refuse it by)."""

    def __init__(self, limit: int) -> None:
        message = api_phrase("en", "body_too_large", limit=limit, chars=MAX_QUESTION_CHARS)
        values = {"limit": limit, "chars": MAX_QUESTION_CHARS}
        super().__init__(413, "body_too_large", message, key="body_too_large", values=values)


__all__ = [
    "ApiError",
    "BodyLimit",
    "BodyTooLarge",
    "HeaderLimit",
    "RateLimiter",
    "api_key",
    "api_phrase",
    "body_language",
    "error_response",
    "header_language",
    "note_language",
    "request_language",
    "scope_language",
]
