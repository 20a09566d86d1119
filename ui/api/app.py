"""`create_app`: one FastAPI app — the API under /v1, /healthz, /metrics, bots under /bots, and
the Gradio chat at / (docs/design.md "Interfaces"). Errors are JSON {"error": {code, message}}."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from starlette.exceptions import HTTPException
from starlette.types import Message, Receive, Scope, Send

from assistant.service import AssistantService
from semantic_layer.time import Language
from ui.api.docs_page import add_offline_docs
from ui.api.metrics import Metrics
from ui.api.routes import router
from ui.api.settings import ServerSettings
from ui.requests import (
    ApiError,
    BodyLimit,
    BodyTooLarge,
    HeaderLimit,
    api_phrase,
    error_response,
    request_language,
)

log = logging.getLogger("assistant.api")


def create_app(service: AssistantService, settings: ServerSettings) -> FastAPI:
    """The app around one service (the chat and bots are mounted by `serve`)."""
    app = FastAPI(
        title="Touchpoint Assistant",
        description="Ask about customer touchpoints in English or Chinese; answers come back "
        "with text, chart, table, interpretation and SQL. Every /v1 route needs an API key.",
        version="0.1.0",
        docs_url=None,  # served from local files by add_offline_docs
        redoc_url=None,
    )
    metrics = Metrics()
    app.state.metrics = metrics
    app.include_router(router(service, settings, metrics))
    add_offline_docs(app)
    _errors(app)

    app.add_middleware(Measure, metrics=metrics)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(HeaderLimit, limit=settings.max_header_bytes)

    # /healthz and /metrics run on the event loop, not on a worker thread: they answer even
    # when every worker is busy.
    @app.get("/healthz", summary="Liveness and what is being served")
    async def healthz() -> dict[str, Any]:
        return {
            "status": "ok",
            "model": service.model.name,
            "today": service.time_context().today.isoformat(),
        }

    @app.get("/metrics", response_class=PlainTextResponse, summary="Prometheus metrics")
    async def get_metrics() -> str:
        from assistant.watches.metrics import WATCH_METRICS

        return metrics.render() + WATCH_METRICS.render()

    return app


class Measure:
    """ASGI middleware: every HTTP request's route, status and seconds into `metrics`. Plain
    ASGI, not Starlette's `BaseHTTPMiddleware`, which cost about a millisecond a request."""

    def __init__(
        self, app: Callable[[Scope, Receive, Send], Awaitable[None]], metrics: Metrics
    ) -> None:
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            route = scope.get("route")  # set by the router on this same scope
            url_path = str(scope.get("path", ""))
            path = getattr(route, "path", None) or (
                "/" if not url_path.startswith("/v1") else "other"
            )
            seconds = time.perf_counter() - started
            self.metrics.request(str(scope.get("method", "")), path, status, seconds)


def _errors(app: FastAPI) -> None:
    """JSON errors in the request's language (`request_language`: the body's `lang`, else
    Accept-Language); what pydantic or the JSON parser says of the body stays as they say it."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return exc.response(request_language(request))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        lang = request_language(request)
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        kind = str(first.get("type", ""))
        if kind == "json_invalid":  # FastAPI puts the character offset in `loc`
            offset = next((p for p in first.get("loc", ()) if isinstance(p, int)), 0)
            ctx = first.get("ctx")
            why = str(ctx.get("error", "not JSON") if isinstance(ctx, dict) else "not JSON")
            why = why.removesuffix(" at")
            message = api_phrase(lang, "not_json", why=why, offset=offset)
            return error_response(422, "invalid_request", message)
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        what = str(first.get("msg"))
        if not where and kind in ("model_attributes_type", "dict_type"):
            what = api_phrase(lang, "not_object")
        elif not where and kind == "missing":
            what = api_phrase(lang, "empty_body")
        if kind == "string_unicode":
            what = api_phrase(lang, "not_unicode")
        message = f"{where}: {what}" if where else what
        return error_response(422, "invalid_request", message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        lang = request_language(request)
        if exc.status_code == 400 and exc.__cause__ is not None:  # FastAPI could not parse it
            return _unparsable(exc.__cause__, lang)
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = str(exc.detail)
        if code != "http_error" and message == api_phrase("en", f"http_{exc.status_code}"):
            message = api_phrase(lang, f"http_{exc.status_code}")
        return error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        """Our bug, not the caller's: logged with its traceback, answered as JSON without it."""
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(
            500, "internal_error", api_phrase(request_language(request), "internal")
        )


def _unparsable(cause: BaseException, lang: Language) -> Response:
    """The body FastAPI could not read as JSON (it says 400 without a reason): bytes that are not
    UTF-8 (say which and where) or JSON nested too deeply are malformed JSON like any other, 422
    `invalid_request` as docs/api.md lists it."""
    while isinstance(cause, BaseExceptionGroup) and len(cause.exceptions) == 1:
        cause = cause.exceptions[0]  # the http middleware's task group wraps what it raised
    if isinstance(cause, BodyTooLarge):  # it passed the limit while FastAPI was reading it
        return cause.response(lang)
    if isinstance(cause, UnicodeDecodeError):
        byte = cause.object[cause.start]
        message = api_phrase(lang, "not_utf8", byte=byte, offset=cause.start)
        return error_response(422, "invalid_request", message)
    if isinstance(cause, RecursionError):
        return error_response(422, "invalid_request", api_phrase(lang, "too_deep"))
    return error_response(422, "invalid_request", api_phrase(lang, "unparsable"))


__all__ = ["create_app"]
