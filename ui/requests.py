"""The request guard every surface shares (HTTP API, bots, chat sign-in, answer links).

Who may call and how much: API keys → roles (401), a token bucket per key (429), and caps on
request bodies (413) and headers (431), all answered as JSON errors {"error": {code, message}}.
`ApiError` is the surfaces' one error type (the bots' `BotError` is one of its kind).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from assistant.nlu.text import MAX_QUESTION_CHARS

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class ApiError(Exception):
    """An error answered as JSON with an HTTP status, a stable code and a message for people."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message

    def response(self) -> JSONResponse:
        return error_response(self.status, self.code, self.message)


# What a caller is told about our own bug (the traceback goes to the log, never to the caller).
INTERNAL_ERROR = "the server failed to answer; the error is logged — try again"


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


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
            await self._refuse(send)
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
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        response = BodyTooLarge(self.limit).response()
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
                body = error_response(
                    431, "headers_too_large",
                    f"the request headers are over {self.limit:,} bytes: send fewer or shorter",
                ).body  # fmt: skip
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
        super().__init__(
            413, "body_too_large", f"the request body is over {limit:,} bytes: send less "
            f"(a question may be at most {MAX_QUESTION_CHARS:,} characters)",
        )  # fmt: skip


__all__ = [
    "ApiError",
    "BodyLimit",
    "BodyTooLarge",
    "HeaderLimit",
    "RateLimiter",
    "api_key",
    "error_response",
]
