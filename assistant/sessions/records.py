"""What the session store hands out: sessions, turns and feedback, and the errors it raises."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final, Literal

from assistant.answer.model import Answer
from assistant.kinds import KINDS
from semantic_layer.errors import UserError

Rating = Literal["up", "down"]
RATINGS: Final[tuple[Rating, ...]] = ("up", "down")

MAX_QUESTION_BYTES: Final = 100 * 1024
MAX_TURN_BYTES: Final = 2 * 1024 * 1024  # one stored answer (bigger tables are kept without rows)
MAX_COMMENT_BYTES: Final = 4 * 1024
MAX_KEY_BYTES: Final = 512  # channel, external key, role
TITLE_CHARS: Final = 80
NON_ANALYSIS_KINDS: Final = tuple(kind.name for kind in KINDS if not kind.analysis)


@dataclass(frozen=True)
class Session:
    """One conversation: an API client's, a chat window's or a bot chat thread's.

    `title` is the first question (shortened), None until the first turn; `updated_at` is the
    time of the latest turn (the creation time before any). `owner` is the principal that
    created it: "key:<hash>" (an API key), "user:<name>" (a signed-in chat user), "bot:…".
    """

    id: str
    created_at: datetime
    updated_at: datetime
    role: str | None
    channel: str
    external_key: str | None
    title: str | None
    owner: str | None = None  # the principal that created it (None: from before owners)


@dataclass(frozen=True)
class Turn:
    """One question and its answer, numbered 1, 2, 3… within its session."""

    session_id: str
    number: int
    answer_id: str
    question: str
    kind: str | None
    language: str
    backend: str
    plan: dict[str, Any] | None
    created_at: datetime
    answer: Answer
    # the answer's JSON exactly as this write stored it, when it was stored whole (not when read
    # back, nor when a huge table was left out): the API sends it instead of serialising again
    json: str | None = field(default=None, compare=False, repr=False)

    @property
    def is_analysis(self) -> bool:
        """True when the plan computed something (not clarify, unsupported or raw SQL)."""
        return self.plan is not None and self.kind not in NON_ANALYSIS_KINDS


@dataclass(frozen=True)
class Feedback:
    """A thumbs up or down on an answer, with an optional comment; the latest one counts."""

    id: int
    answer_id: str
    rating: Rating
    comment: str | None
    created_at: datetime


@dataclass(frozen=True)
class ExportRecord:
    """One export of the users behind a number: who, which answer, row and metric, how many.

    Kept with no link to the answer's turn (no cascade), so deleting a conversation keeps the
    audit trail."""

    id: int
    answer_id: str
    role: str | None
    principal: str | None
    metric: str
    row: int | None
    values: dict[str, Any]
    users: int
    capped: bool
    created_at: datetime


ExampleStatus = Literal["pending", "approved", "rejected"]
EXAMPLE_STATUSES: Final[tuple[ExampleStatus, ...]] = ("pending", "approved", "rejected")


@dataclass(frozen=True)
class Proposal:
    """A thumbs-up answer proposed as a retrieval example, and where its review stands. Once
    approved it serves `role` only; `owner` (who asked) is never shown to other callers."""

    answer_id: str
    question: str
    plan: dict[str, Any]
    language: str
    role: str | None
    owner: str | None
    status: ExampleStatus
    reviewer: str | None
    created_at: datetime
    reviewed_at: datetime | None


class UnknownSession(UserError):
    """No session has this id."""

    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        super().__init__(
            f"unknown session '{session_id}'",
            names=(session_id,),
            hint="start a new session (omit session_id) or use an id returned by the API",
        )


class UnknownAnswer(UserError):
    """No stored answer has this id."""

    def __init__(self, answer_id: str) -> None:
        self.answer_id = answer_id
        super().__init__(
            f"unknown answer '{answer_id}'",
            names=(answer_id,),
            hint="use the `id` of an answer returned by /v1/ask",
        )


class SessionStoreError(UserError):
    """The store's file cannot be used: corrupt, another application's, or from a newer version."""

    def __init__(self, message: str, path: Path, *, hint: str = "") -> None:
        self.path = path
        super().__init__(message, file=path, hint=hint)


def check_text(what: str, value: str, max_bytes: int, *, empty_ok: bool = False) -> str:
    """`value` unchanged, or a `UserError` when it is empty or longer than `max_bytes` in UTF-8."""
    if not value.strip() and not empty_ok:
        raise UserError(f"{what} is empty", hint=f"give a non-empty {what}")
    size = len(value.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise UserError(
            f"{what} is too long: {size:,} bytes, at most {max_bytes:,}",
            hint=f"shorten the {what}",
        )
    return value


def check_rating(rating: str) -> Rating:
    """`rating` as a `Rating`, or a `UserError` naming the two allowed values."""
    for allowed in RATINGS:
        if rating == allowed:
            return allowed
    raise UserError(f"unknown rating '{rating}'", names=(rating,), hint="expected one of: up, down")


def make_title(question: str) -> str:
    """The question on one line, cut to `TITLE_CHARS` characters with an ellipsis."""
    line = " ".join(question.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1].rstrip() + "…"


__all__ = [
    "EXAMPLE_STATUSES",
    "MAX_COMMENT_BYTES",
    "MAX_KEY_BYTES",
    "MAX_QUESTION_BYTES",
    "MAX_TURN_BYTES",
    "NON_ANALYSIS_KINDS",
    "RATINGS",
    "ExampleStatus",
    "ExportRecord",
    "Feedback",
    "Proposal",
    "Rating",
    "Session",
    "SessionStoreError",
    "Turn",
    "UnknownAnswer",
    "UnknownSession",
    "check_rating",
    "check_text",
    "make_title",
]
