"""`/v1/watches`: create (from a question or an answer), list, pause, resume, delete, run now.

Watches belong to the principal that created them — the API key, kept only as a hash — and the
key's role is the policy they run with. Another key gets 404 for them, exactly as for an id that
does not exist. Errors are in Chinese when the request says `Accept-Language: zh`.

No `from __future__ import annotations`: FastAPI reads the routes' annotations at definition
time, and `Caller` is a dependency local to `watches_router`.
"""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal, TypeVar

import anyio
from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.ownership import key_principal
from assistant.sessions.records import UnknownAnswer
from assistant.watches.errors import WatchError
from assistant.watches.manager import Watches
from assistant.watches.scheduler import Scheduler
from semantic_layer.errors import UserError
from semantic_layer.time import Language
from ui.api.settings import ServerSettings
from ui.requests import ApiError, api_key, header_language

T = TypeVar("T")


class WatchRequest(BaseModel):
    """A watch on a question, or on an answer already given (`answer_id`): exactly one."""

    model_config = ConfigDict(extra="forbid")

    question: str | None = Field(default=None, min_length=1, max_length=2000)
    answer_id: str | None = Field(default=None, min_length=1, max_length=64)
    grain: Literal["day", "week"] = "week"
    to: list[str] = Field(min_length=1, max_length=10)
    notify: Literal["worse", "any"] = "worse"

    @model_validator(mode="after")
    def _one_source(self) -> "WatchRequest":
        if (self.question is None) == (self.answer_id is None):
            raise ValueError("give exactly one of question or answer_id")
        return self


class DigestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    grain: Literal["day", "week"] = "week"
    to: list[str] = Field(min_length=1, max_length=10)
    language: Language = "en"


class Caller(BaseModel):
    principal: str
    role: str
    lang: Language


def principal_of(key: str) -> str:
    """A stable, non-secret name for an API key (its hash, never the key): the same principal
    that owns the key's sessions and answers (`assistant.ownership`)."""
    return key_principal(key)


def watches_router(watches: Watches, settings: ServerSettings,
                   scheduler: Scheduler | None = None) -> APIRouter:  # fmt: skip
    """The `/v1/watches` routes; `scheduler` runs while the app does."""

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        if scheduler is not None:
            scheduler.start()
        yield
        if scheduler is not None:
            scheduler.stop()
        watches.store.close()

    api = APIRouter(prefix="/v1", tags=["watches"], lifespan=lifespan)

    async def caller(request: Request) -> Caller:
        key = api_key(request)
        if not settings.api_keys or key is None or key not in settings.api_keys:
            raise ApiError.said(401, "unauthorized", "key_required")
        lang = header_language(request.headers.get("accept-language"))
        return Caller(principal=principal_of(key), role=settings.api_keys[key], lang=lang)

    Who = Annotated[Caller, Depends(caller)]

    def guarded(who: Caller, work: Callable[[], T]) -> T:
        try:
            return work()
        except WatchError as exc:
            raise ApiError(exc.status, exc.code, exc.say(who.lang)) from None
        except UnknownAnswer as exc:  # another key's answer, as if it did not exist
            raise ApiError.of(404, "not_found", exc) from None
        except UserError as exc:
            raise ApiError.of(422, "invalid_request", exc) from None

    @api.post("/watches", status_code=201, summary="Watch a question or an answer")
    async def post_watch(body: WatchRequest, who: Who) -> dict[str, Any]:
        def work() -> dict[str, Any]:
            if body.answer_id is not None:
                sub = watches.create_from_answer(
                    body.answer_id, owner=who.principal, role=who.role, grain=body.grain,
                    to=body.to, notify=body.notify)  # fmt: skip
            else:
                sub = watches.create(str(body.question), owner=who.principal, role=who.role,
                                     grain=body.grain, to=body.to, notify=body.notify)  # fmt: skip
            return sub.as_json()

        result: dict[str, Any] = await anyio.to_thread.run_sync(guarded, who, work)
        return result

    @api.post("/digests", status_code=201, summary="A daily or weekly digest for your role")
    def post_digest(body: DigestRequest, who: Who) -> dict[str, Any]:
        made: dict[str, Any] = guarded(who, lambda: watches.create_digest(
            owner=who.principal, role=who.role, grain=body.grain, to=body.to,
            language=body.language).as_json())  # fmt: skip
        return made

    @api.get("/watches", summary="Your watches and digests")
    def list_watches(who: Who) -> dict[str, Any]:
        return {"watches": [s.as_json() for s in watches.store.list(who.principal)]}

    @api.get("/watches/{watch_id}", summary="One watch, with what was sent")
    def get_watch(watch_id: str, who: Who) -> dict[str, Any]:
        sub = guarded(who, lambda: watches.store.get(watch_id, who.principal))
        return {**sub.as_json(), "deliveries": watches.store.deliveries(sub.id)}

    @api.post("/watches/{watch_id}/pause", summary="Stop checking it (kept)")
    def pause(watch_id: str, who: Who) -> dict[str, Any]:
        return guarded(who, lambda: watches.store.set_paused(watch_id, who.principal, True)
                       .as_json())  # fmt: skip

    @api.post("/watches/{watch_id}/resume", summary="Check it again")
    def resume(watch_id: str, who: Who) -> dict[str, Any]:
        return guarded(who, lambda: watches.store.set_paused(watch_id, who.principal, False)
                       .as_json())  # fmt: skip

    @api.delete("/watches/{watch_id}", status_code=204, summary="Delete it")
    def delete(watch_id: str, who: Who) -> Response:
        guarded(who, lambda: watches.store.delete(watch_id, who.principal))
        return Response(status_code=204)

    @api.post("/watches/{watch_id}/preview", summary="What it would send now (sends nothing)")
    async def preview(watch_id: str, who: Who) -> dict[str, Any]:
        sub = guarded(who, lambda: watches.store.get(watch_id, who.principal))
        report = await anyio.to_thread.run_sync(lambda: watches.run_due(dry_run=True, only=sub.id))
        return {"lines": report.lines}

    return api


__all__ = ["DigestRequest", "WatchRequest", "principal_of", "watches_router"]
