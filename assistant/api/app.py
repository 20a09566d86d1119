"""`create_app`: one FastAPI app — the API under /v1, /healthz, /metrics, bots under /bots, and
the Gradio chat at / (DESIGN.md "Interfaces"). Errors are JSON {"error": {code, message}}."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse
from starlette.exceptions import HTTPException

from assistant.api.guard import ApiError, BodyLimit, error_response
from assistant.api.metrics import Metrics
from assistant.api.routes import router
from assistant.api.settings import ServerSettings
from assistant.service import AssistantService


def create_app(service: AssistantService, settings: ServerSettings) -> FastAPI:
    """The app around one service (the chat and bots are mounted by `serve`)."""
    app = FastAPI(
        title="Touchpoint Assistant",
        description="Ask about customer touchpoints in English or Chinese; answers come back "
        "with text, chart, table, interpretation and SQL. Every /v1 route needs an API key.",
        version="0.1.0",
    )
    metrics = Metrics()
    app.state.metrics = metrics
    app.include_router(router(service, settings, metrics))
    _errors(app)

    @app.middleware("http")
    async def measure(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = request.scope.get("route")
        path = getattr(route, "path", None) or (
            "/" if not request.url.path.startswith("/v1") else "other"
        )
        metrics.request(request.method, path, response.status_code, time.perf_counter() - started)
        return response

    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)

    @app.get("/healthz", summary="Liveness and what is being served")
    def healthz() -> dict[str, Any]:
        return {
            "status": "ok",
            "model": service.model.name,
            "database": str(service.engine.path),
            "today": service.time_context().today.isoformat(),
        }

    @app.get("/metrics", response_class=PlainTextResponse, summary="Prometheus metrics")
    def get_metrics() -> str:
        return metrics.render()

    return app


def _errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = f"{where}: {first.get('msg')}" if where else str(first.get("msg"))
        return error_response(422, "invalid_request", message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail))


__all__ = ["create_app"]
