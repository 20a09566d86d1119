"""The `/v1/answers/{id}` routes that take an answer away: the stored Answer (JSON) or its table
as CSV / XLSX, and the user ids behind a count. Both honour the caller's role: an answer the
role may not see is 404, like an unknown one (`assistant.takeaway`).

No `from __future__ import annotations`: FastAPI reads the routes' annotations at definition
time (see routes.py)."""

import hashlib
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from assistant.answer.export import MEDIA_TYPES, export, filename, safe_cell
from assistant.answer.model import Answer
from assistant.service import AssistantService
from assistant.sessions.records import UnknownAnswer
from assistant.takeaway import ExportDenied, users_behind, visible_answer
from semantic_layer.errors import UserError
from semantic_layer.model.labels import ModelLabels
from ui.requests import ApiError, api_key

AnswerFormat = Literal["json", "csv", "xlsx"]
FORMAT_HELP = "json (the Answer), or the table as csv or xlsx (a file download)"
FormatParam = Annotated[AnswerFormat, Query(description=FORMAT_HELP)]
UsersFormat = Annotated[Literal["json", "csv"], Query(description="json, or csv (one id a line)")]


class UsersRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    row: int | None = Field(default=None, ge=0, description="which row (0-based); omit for one")
    metric: str | None = Field(default=None, max_length=200, description="default: the first")


def answer_file(service: AssistantService, answer: Answer, fmt: str) -> Response:
    """The answer's table as a download (`fmt` "csv" or "xlsx")."""
    data = export(answer, "xlsx" if fmt == "xlsx" else "csv", ModelLabels(service.model))
    name = filename(answer, fmt)
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(data, media_type=MEDIA_TYPES[fmt], headers={"Content-Disposition": disposition})


def users_response(
    service: AssistantService,
    answer_id: str,
    *,
    role: str | None,
    row: int | None,
    metric: str | None,
    who: str,
    fmt: str,
) -> Any:
    """The users behind a number as JSON or a CSV download; errors as `ApiError`s."""
    try:
        found = users_behind(service, answer_id, role, row=row, metric=metric, principal=who)
    except UnknownAnswer as exc:
        raise ApiError.of(404, "not_found", exc) from None
    except ExportDenied as exc:
        raise ApiError.of(403, "export_denied", exc) from None
    except UserError as exc:
        raise ApiError.of(422, "invalid_request", exc) from None
    if fmt != "csv":
        return found.as_json()
    text = "user_id\r\n" + "".join(f"{safe_cell(i)}\r\n" for i in found.user_ids)
    suffix = "" if found.row is None else f"-row{found.row}"
    name = f"users-{answer_id[:8]}-{found.metric}{suffix}.csv"
    return Response(
        text.encode(),
        media_type=MEDIA_TYPES["csv"],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def principal(request: Request) -> str:
    """Who called, for the audit trail, without the secret: "key:" and a digest of the key."""
    key = api_key(request) or ""
    return "key:" + hashlib.sha256(key.encode()).hexdigest()[:12]


def answer_routes(
    service: AssistantService, caller: Callable[[Request], Awaitable[Any]]
) -> APIRouter:
    """The routes, using the API's own key → caller check (`routes.router`'s `caller`: a role and
    the principal that owns what it creates)."""
    api = APIRouter()
    Who = Annotated[Any, Depends(caller)]

    @api.get("/answers/{answer_id}", summary="A stored answer, or its table as CSV / XLSX")
    def get_answer(answer_id: str, who: Who, format: FormatParam = "json") -> Any:
        try:
            answer = visible_answer(service, answer_id, who.role, who.principal)
        except UserError as exc:
            raise ApiError.of(404, "not_found", exc) from None
        return answer if format == "json" else answer_file(service, answer, format)

    @api.post("/answers/{answer_id}/users", summary="The user ids behind a count of users")
    def post_users(
        answer_id: str,
        body: UsersRequest,
        who: Who,
        format: UsersFormat = "json",
    ) -> Any:
        """Ids only, at most 10,000 (`capped` says when there were more); needs a role with
        `export: true`, and every export is recorded in the session store."""
        try:
            visible_answer(service, answer_id, who.role, who.principal)  # theirs, or 404
        except UserError as exc:
            raise ApiError.of(404, "not_found", exc) from None
        return users_response(
            service,
            answer_id,
            role=who.role,
            row=body.row,
            metric=body.metric,
            who=who.principal,
            fmt=format,
        )

    return api


__all__ = [
    "AnswerFormat",
    "FormatParam",
    "UsersRequest",
    "answer_file",
    "answer_routes",
    "principal",
    "users_response",
]
