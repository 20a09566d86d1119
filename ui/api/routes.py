"""The `/v1` routes of docs/design.md "Interfaces"; every one needs an API key, which names the role
whose access policy applies to the answer.

Questions are answered on worker threads; those that may wait on the LLM endpoint get their own
`LLM_WORKERS` slots (a bulkhead), so an LLM that hangs holds up only the LLM questions — never
embedded questions, the other routes, or `/healthz`, which share the server's default workers.

No `from __future__ import annotations` here: FastAPI reads the routes' annotations at
definition time, and `Role` is a dependency local to `router`."""

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from assistant.answer.model import Answer
from assistant.ownership import key_principal, own_answer, own_session
from assistant.service import AssistantService
from assistant.sessions.records import UnknownSession
from semantic_layer.errors import UserError
from semantic_layer.time import Language
from ui.api.answers import FormatParam, answer_file, answer_routes
from ui.api.metrics import Metrics
from ui.api.settings import ServerSettings
from ui.requests import (
    ApiError,
    RateLimiter,
    api_key,
    api_phrase,
    note_language,
    request_language,
)

log = logging.getLogger("assistant.api")

MAX_QUESTION = 100_000  # characters; the assistant answers longer ones with a clear error
LLM_WORKERS: Final = 16  # questions waiting on the LLM at once; more queue without a thread
_RUNNING: set["asyncio.Task[Any]"] = set()  # streamed answers still working (kept referenced)


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(max_length=MAX_QUESTION)
    session_id: str | None = Field(default=None, max_length=64)
    backend: Literal["embedded", "llm"] | None = None
    lang: Language | None = None  # the language of error messages (else Accept-Language)


class FeedbackRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    answer_id: str = Field(min_length=1, max_length=64)
    rating: Literal["up", "down"]
    comment: str | None = Field(default=None, max_length=4000)
    lang: Language | None = None  # the language of error messages (else Accept-Language)


def router(service: AssistantService, settings: ServerSettings, metrics: Metrics) -> APIRouter:
    """The API routes, bound to one service."""
    api = APIRouter(prefix="/v1", dependencies=[Depends(note_language)])
    limiter = RateLimiter(settings.rate_per_minute)
    llm_slots = anyio.CapacityLimiter(LLM_WORKERS)

    def slots(body: AskRequest) -> anyio.CapacityLimiter | None:
        """The LLM's own worker slots when the question may call it, else the default ones."""
        backend = body.backend or service.config.backend
        return llm_slots if backend != "embedded" and service.llm is not None else None

    async def caller(request: Request) -> Caller:
        key = api_key(request)
        if not settings.api_keys:
            raise ApiError.said(401, "unauthorized", "no_keys")
        if key is None or key not in settings.api_keys:
            raise ApiError.said(401, "unauthorized", "key_required")
        if not limiter.allow(key):
            raise ApiError.said(429, "rate_limited", "rate_limited", n=settings.rate_per_minute)
        return Caller(settings.api_keys[key], key_principal(key))

    def role_of(who: Annotated[Caller, Depends(caller)]) -> str:
        return who.role

    Role = Annotated[str, Depends(role_of)]
    Who = Annotated[Caller, Depends(caller)]  # the role and the principal owning objects

    def ask(body: AskRequest, who: Caller, on_stage: Any = None) -> Answer:
        return ask_json(body, who, on_stage)[0]

    def ask_json(body: AskRequest, who: Caller, on_stage: Any = None) -> tuple[Answer, bytes]:
        """The answer and its JSON (as the session store wrote it: serialised once)."""
        try:
            answer, text = service.ask_json(
                body.question, session_id=body.session_id, role=who.role, backend=body.backend,
                channel="api", on_stage=on_stage, principal=who.principal,
            )  # fmt: skip
        except UnknownSession as exc:
            raise ApiError.said(404, "not_found", "unknown_session", id=exc.session_id) from None
        except UserError as exc:  # the caller can fix it (e.g. an unknown role)
            raise ApiError.of(422, "invalid_request", exc) from None
        metrics.answer(answer)
        return answer, text

    @api.post("/ask", response_model=Answer, summary="Answer one question")
    async def post_ask(body: AskRequest, who: Who, format: FormatParam = "json") -> Response:
        """The Answer object; a follow-up when `session_id` names an earlier conversation of
        the same caller (another caller's session is 404). `?format=csv|xlsx` returns the
        answer's table as a file instead."""

        def answered() -> Response:  # serialized on the worker thread, once (no re-validation)
            answer, text = ask_json(body, who)
            if format != "json":
                return answer_file(service, answer, format)
            return Response(content=text, media_type="application/json")

        response: Response = await anyio.to_thread.run_sync(answered, limiter=slots(body))
        return response

    @api.post("/ask/stream", summary="Answer with server-sent stages")
    async def post_ask_stream(body: AskRequest, who: Who, request: Request) -> StreamingResponse:
        """`event: stage` (understanding, querying, answering), then `event: answer`."""
        if body.session_id:
            await anyio.to_thread.run_sync(_known_session, service, body.session_id, who, True)
        return StreamingResponse(
            _stream(lambda cb: ask(body, who, cb), slots(body), request_language(request)),
            media_type="text/event-stream",
        )

    @api.get("/catalog", summary="What the caller's role can ask about")
    def get_catalog(role: Role) -> dict[str, Any]:
        return service.catalog(role)

    @api.get("/sessions/{session_id}", summary="A conversation and its turns")
    def get_session(session_id: str, who: Who) -> dict[str, Any]:
        """The caller's own conversation (any, for a role granted `read_all_sessions`)."""
        session = _known_session(service, session_id, who)
        turns = service.store.turns(session.id)
        return {
            "id": session.id, "created_at": session.created_at, "title": session.title,
            "turns": [
                {"number": t.number, "question": t.question, "answer_id": t.answer_id,
                 "kind": t.kind, "text": t.answer.text, "created_at": t.created_at}
                for t in turns
            ],
        }  # fmt: skip

    @api.post("/feedback", summary="Thumbs up or down on an answer")
    def post_feedback(body: FeedbackRequest, who: Who) -> dict[str, Any]:
        """On the caller's own answers only (another's is 404)."""
        try:
            saved = service.feedback(
                body.answer_id, body.rating, body.comment, principal=who.principal, role=who.role
            )
        except UserError as exc:
            raise ApiError.of(404, "not_found", exc) from None
        status = service.store.proposal(body.answer_id).status if saved else None
        return {"ok": True, "saved_example": saved, "example_status": status}

    @api.get("/examples", summary="Examples proposed by thumbs-up (reviewers only)")
    def get_examples(who: Who, status: str = "pending") -> dict[str, Any]:
        _reviewer(service, who)
        try:
            found = service.store.proposals(None if status == "all" else status)
        except UserError as exc:
            raise ApiError.of(422, "invalid_request", exc) from None
        return {"examples": [_proposal(p) for p in found]}

    @api.post("/examples/{answer_id}/{decision}", summary="Approve or reject an example")
    def post_review(answer_id: str, decision: Literal["approve", "reject"], who: Who) -> Any:
        _reviewer(service, who)
        try:
            done = service.examples.review(
                answer_id, decision == "approve", who.role, who.principal
            )
        except UserError as exc:
            raise ApiError.of(404, "not_found", exc) from None
        return _proposal(done)

    @api.get("/answers/{answer_id}/chart.png", summary="An answer's chart as a PNG (for bots)")
    def get_chart(answer_id: str, who: Who) -> Response:
        from assistant.answer.png import PngUnavailable, render_png

        try:
            answer = own_answer(
                service.store, answer_id, who.principal, model=service.model, role=who.role
            )
        except UserError as exc:
            raise ApiError.of(404, "not_found", exc) from None
        if answer.chart is None:
            raise ApiError.said(404, "no_chart", "no_chart")
        try:
            png = render_png(answer.chart)
        except PngUnavailable as exc:
            raise ApiError.of(503, "png_unavailable", exc) from None
        return Response(png, media_type="image/png")

    api.include_router(answer_routes(service, caller))
    return api


@dataclass(frozen=True)
class Caller:
    """Who called: the role whose policy applies and the principal owning what it creates."""

    role: str
    principal: str


def _reviewer(service: AssistantService, who: "Caller") -> None:
    if not service.examples.is_reviewer(who.role):
        raise ApiError.said(403, "access_denied", "may_not_review", role=who.role)


def _proposal(p: Any) -> dict[str, Any]:
    """A proposal as reviewers see it (who proposed it stays private)."""
    return {
        "answer_id": p.answer_id, "question": p.question, "plan": p.plan,
        "language": p.language, "role": p.role, "status": p.status,
        "created_at": p.created_at, "reviewed_at": p.reviewed_at,
    }  # fmt: skip


def _known_session(
    service: AssistantService, session_id: str, who: Caller, write: bool = False
) -> Any:
    """The caller's session (or any, to read, for a role granted `read_all_sessions`); 404."""
    try:
        return own_session(
            service.store, session_id, who.principal,
            model=None if write else service.model, role=who.role,
        )  # fmt: skip
    except UserError as exc:
        raise ApiError.of(404, "not_found", exc) from None


async def _stream(
    run: Callable[[Callable[[str], None]], Answer],
    slots: anyio.CapacityLimiter | None,
    lang: Language,
) -> AsyncIterator[str]:
    """Run `run(on_stage)` on a worker thread; yield its stages as they happen, then the answer.

    The events are awaited on the event loop, not in a blocked thread, so a slow answer uses
    one worker (of its kind) however long it takes."""
    loop = asyncio.get_running_loop()
    events: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()

    def put(event: str, data: Any) -> None:
        loop.call_soon_threadsafe(events.put_nowait, (event, data))

    def work() -> None:
        try:
            answer = run(lambda stage: put("stage", {"stage": stage}))
            put("answer", json.loads(answer.model_dump_json()))
        except ApiError as exc:
            put("error", {"error": {"code": exc.code, "message": exc.say(lang)}})
        except Exception:  # our bug: the stream must still end, with an error, not hang
            log.exception("answering a streamed question failed")
            put(
                "error",
                {"error": {"code": "internal_error", "message": api_phrase(lang, "internal")}},
            )

    task = asyncio.ensure_future(anyio.to_thread.run_sync(work, limiter=slots))
    _RUNNING.add(task)  # a client that leaves early does not stop the answer being stored
    task.add_done_callback(_RUNNING.discard)
    while True:
        event, data = await events.get()
        yield f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"
        if event != "stage":
            return


__all__ = ["AskRequest", "FeedbackRequest", "router"]
