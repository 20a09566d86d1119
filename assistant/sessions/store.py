"""`SessionStore`: conversations, their answers and feedback, kept in one SQLite file.

    with SessionStore.open(home / DEFAULT_FILENAME) as store:
        session = store.new_session(role="marketing")
        store.add_turn(session.id, answer)        # Turn(number=1, …)
        store.last_plan(session.id)               # context for the next question

One connection serves every thread, behind a lock; each write is one `BEGIN IMMEDIATE`
transaction, so turn numbers stay gap-free even with other processes writing to the same file.
A call that returned has committed: the WAL is synced (see `schema.SYNCHRONOUS`), so a killed
process loses nothing it was told was stored.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final

from pydantic_core import to_json

from assistant.answer.model import Answer
from assistant.sessions import schema
from assistant.sessions.records import (
    EXAMPLE_STATUSES,
    MAX_COMMENT_BYTES,
    MAX_KEY_BYTES,
    MAX_QUESTION_BYTES,
    MAX_TURN_BYTES,
    NON_ANALYSIS_KINDS,
    ExampleStatus,
    ExportRecord,
    Feedback,
    Proposal,
    Rating,
    Session,
    Turn,
    UnknownAnswer,
    UnknownSession,
    check_rating,
    check_text,
    make_title,
)
from semantic_layer.errors import InternalError, UserError

DEFAULT_FILENAME: Final = "sessions.sqlite3"

_SESSION_COLUMNS: Final = "id, created_at, updated_at, role, channel, external_key, title, owner"
_TURN_COLUMNS: Final = (
    "session_id, number, answer_id, question, kind, language, backend, plan, created_at, answer"
)
_FEEDBACK_COLUMNS: Final = "id, answer_id, rating, comment, created_at"
_EXPORT_COLUMNS: Final = (
    "answer_id, role, principal, metric, row_number, row_values, users, capped, created_at"
)
_EXAMPLE_COLUMNS: Final = (
    "answer_id, question, plan, language, role, owner, status, reviewer, created_at, reviewed_at"
)
_NOT_ANALYSIS: Final = ", ".join(f"'{kind}'" for kind in NON_ANALYSIS_KINDS)


@dataclass
class _Batch:
    """The writers sharing one transaction of the store's connection (group commit)."""

    committed: bool = False
    failed: sqlite3.DatabaseError | None = None


class SessionStore:
    """Sessions, turns (whole answers) and feedback in an SQLite file; safe across threads."""

    def __init__(self, con: sqlite3.Connection, path: Path) -> None:
        """Use `SessionStore.open`."""
        self._con: sqlite3.Connection | None = con
        self._path = path
        self._lock = threading.RLock()
        self._batch = _Batch()  # the open transaction's writers (`_write`)

    @classmethod
    def open(cls, path: Path) -> SessionStore:
        """The store at `path`, created (with its folder) when missing.

        Raises:
            SessionStoreError: the file is corrupt, another application's, or too new.
        """
        return cls(schema.connect(path), path)

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        """Checkpoint and close the file; later calls raise `InternalError`. Idempotent."""
        with self._lock:
            if self._con is not None:
                if self._con.in_transaction:  # a group's COMMIT not yet run (`_write`)
                    self._commit(self._con, self._batch)
                self._con.close()
                self._con = None

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- sessions --------------------------------------------------------------------------

    def new_session(
        self,
        *,
        role: str | None = None,
        channel: str = "api",
        external_key: str | None = None,
        owner: str | None = None,
    ) -> Session:
        """A new, empty session (`external_key`: the bot chat thread it belongs to; `owner`: the
        principal that created it)."""
        check_keys(role, channel, external_key, owner)
        with self._write() as con:
            return self._insert_session(con, role, channel=channel, key=external_key, owner=owner)

    def session(self, session_id: str) -> Session:
        """The session with this id, or `UnknownSession`."""
        with self._read() as con:
            return self._session(con, session_id)

    def session_for(self, channel: str, external_key: str, *, role: str | None = None) -> Session:
        """The session of a bot chat thread, created on its first message (`role` then)."""
        check_keys(role, channel, external_key)
        with self._write() as con:
            row = con.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE channel = ? AND external_key = ?",
                (channel, external_key),
            ).fetchone()
            if row is not None:
                return _to_session(row)
            owner = f"bot:{channel}:{external_key}"
            return self._insert_session(con, role, channel=channel, key=external_key, owner=owner)

    def sessions(self, limit: int = 50) -> list[Session]:
        """The `limit` most recently active sessions, newest first."""
        with self._read() as con:
            rows = con.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions "
                "ORDER BY updated_at DESC, rowid DESC LIMIT ?",
                (_check_limit(limit),),
            ).fetchall()
        return [_to_session(row) for row in rows]

    def delete_session(self, session_id: str) -> None:
        """Delete a session with its turns and their feedback, or raise `UnknownSession`."""
        with self._write() as con:
            if con.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount == 0:
                raise UnknownSession(session_id)

    # -- turns -----------------------------------------------------------------------------

    def add_turn(self, session_id: str, answer: Answer) -> Turn:
        """Store `answer` as the session's next turn; committed (and synced) when it returns.

        An answer without `session_id` is stored with this one; an answer of another session,
        an answer id already stored or a question over 100 KB raise `UserError`.
        """
        check_text("question", answer.question, MAX_QUESTION_BYTES, empty_ok=True)
        stored = _bind(answer, session_id)
        with self._write() as con:
            self._session(con, session_id)
            return self._insert_turn(con, session_id, stored)

    def add_first_turn(
        self, answer: Answer, *, role: str | None, channel: str = "api", owner: str | None = None
    ) -> Turn:
        """A new session (its id is `answer.session_id`, `owner` the principal that created it,
        exactly as `new_session` records it) with `answer` as its first turn, in one transaction:
        one synced commit instead of two for a question that starts a conversation.
        """
        check_keys(role, channel, None, owner)
        check_text("question", answer.question, MAX_QUESTION_BYTES, empty_ok=True)
        if not answer.session_id:
            raise InternalError("a first turn needs the id of the session it starts")
        now = _now()
        row = (answer.session_id, now, now, role, channel, None, None, owner)
        with self._write() as con:
            try:
                con.execute(f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES ({_marks(8)})", row)
            except sqlite3.IntegrityError as error:
                raise UserError(
                    f"session '{answer.session_id}' already exists", names=(answer.session_id,)
                ) from error
            return self._insert_turn(con, answer.session_id, answer)

    def _insert_turn(self, con: sqlite3.Connection, session_id: str, stored: Answer) -> Turn:
        plan = None if stored.plan is None else to_json(stored.plan).decode()
        now = _now()
        number = con.execute(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM turns WHERE session_id = ?",
            (session_id,),
        ).fetchone()[0]
        row: tuple[Any, ...] = (session_id, number, stored.id, stored.question, stored.kind)
        body, whole = _fitted(stored)
        row += (stored.language, stored.backend, plan, now, body)
        try:
            con.execute(f"INSERT INTO turns ({_TURN_COLUMNS}) VALUES ({_marks(10)})", row)
        except sqlite3.IntegrityError as error:
            raise UserError(
                f"answer '{stored.id}' is already stored", names=(stored.id,)
            ) from error
        con.execute(
            "UPDATE sessions SET updated_at = ?, title = COALESCE(title, NULLIF(?, '')) "
            "WHERE id = ?",
            (now, make_title(stored.question), session_id),
        )
        return _turn(row[:-1], stored, json=body if whole else None)

    def turns(self, session_id: str, limit: int | None = None) -> list[Turn]:
        """The session's turns oldest first; with `limit`, only the latest `limit` of them."""
        count = -1 if limit is None else _check_limit(limit)
        with self._read() as con:
            self._session(con, session_id)
            rows = con.execute(
                f"SELECT * FROM (SELECT {_TURN_COLUMNS} FROM turns WHERE session_id = ? "
                "ORDER BY number DESC LIMIT ?) ORDER BY number",
                (session_id, count),
            ).fetchall()
        return [_to_turn(row) for row in rows]

    def last_turn(self, session_id: str) -> Turn | None:
        """The session's latest turn (None before the first)."""
        turns = self.turns(session_id, limit=1)
        return turns[0] if turns else None

    def last_plan(self, session_id: str) -> dict[str, Any] | None:
        """The plan of the latest turn that computed something (not clarify/unsupported/sql),
        the context a follow-up question ("and by channel?") refines; None when there is none."""
        with self._read() as con:
            self._session(con, session_id)
            row = con.execute(
                "SELECT plan FROM turns WHERE session_id = ? AND plan IS NOT NULL "
                f"AND COALESCE(kind, '') NOT IN ({_NOT_ANALYSIS}) ORDER BY number DESC LIMIT 1",
                (session_id,),
            ).fetchone()
        return None if row is None else _plan(row[0])

    def answer(self, answer_id: str) -> Answer:
        """Any stored answer by its id, or `UnknownAnswer`."""
        with self._read() as con:
            row = con.execute("SELECT answer FROM turns WHERE answer_id = ?", (answer_id,))
            found = row.fetchone()
        if found is None:
            raise UnknownAnswer(answer_id)
        return Answer.model_validate_json(found[0])

    # -- feedback --------------------------------------------------------------------------

    def add_feedback(self, answer_id: str, rating: Rating, comment: str | None = None) -> Feedback:
        """Record a thumbs up or down (`rating` "up" or "down"); the latest one counts."""
        checked = check_rating(rating)
        if comment is not None:
            check_text("comment", comment, MAX_COMMENT_BYTES, empty_ok=True)
        now = _now()
        with self._write() as con:
            self._require_answer(con, answer_id)
            cursor = con.execute(
                "INSERT INTO feedback (answer_id, rating, comment, created_at) VALUES (?, ?, ?, ?)",
                (answer_id, checked, comment, now),
            )
            if cursor.lastrowid is None:
                raise InternalError("SQLite returned no id for the new feedback row")
            return Feedback(cursor.lastrowid, answer_id, checked, comment, _time(now))

    def feedback_for(self, answer_id: str) -> Feedback | None:
        """The latest feedback on an answer (None when there is none), or `UnknownAnswer`."""
        with self._read() as con:
            self._require_answer(con, answer_id)
            row = con.execute(
                f"SELECT {_FEEDBACK_COLUMNS} FROM feedback WHERE answer_id = ? "
                "ORDER BY id DESC LIMIT 1",
                (answer_id,),
            ).fetchone()
        if row is None:
            return None
        return Feedback(row[0], row[1], check_rating(row[2]), row[3], _time(row[4]))

    # -- audit of exports ------------------------------------------------------------------

    def add_export(
        self,
        answer_id: str,
        *,
        role: str | None,
        principal: str | None,
        metric: str,
        row: int | None,
        values: dict[str, Any],
        users: int,
        capped: bool,
    ) -> ExportRecord:
        """Record that the users behind a number of `answer_id` were exported (committed)."""
        now = _now()
        shown = to_json(values).decode()
        with self._write() as con:
            self._require_answer(con, answer_id)
            cursor = con.execute(
                f"INSERT INTO exports ({_EXPORT_COLUMNS}) VALUES ({_marks(9)})",
                (answer_id, role, principal, metric, row, shown, users, int(capped), now),
            )
            if cursor.lastrowid is None:
                raise InternalError("SQLite returned no id for the new export row")
        return ExportRecord(
            cursor.lastrowid, answer_id, role, principal, metric, row, values, users, capped,
            _time(now),
        )  # fmt: skip

    def exports(self, answer_id: str | None = None, limit: int = 100) -> list[ExportRecord]:
        """The latest exports (of one answer when `answer_id` is given), newest first."""
        where, args = ("WHERE answer_id = ?", (answer_id,)) if answer_id else ("", ())
        with self._read() as con:
            rows = con.execute(
                f"SELECT id, {_EXPORT_COLUMNS} FROM exports {where} ORDER BY id DESC LIMIT ?",
                (*args, _check_limit(limit)),
            ).fetchall()
        return [_to_export(r) for r in rows]

    # -- examples proposed by a thumbs-up, and their review ---------------------------------

    def propose_example(self, answer: Answer, role: str | None, owner: str | None) -> Proposal:
        """Propose `answer` (a stored analysis) as an example for `role`; proposing it again
        keeps the review already done."""
        if answer.plan is None:
            raise UserError(f"answer '{answer.id}' has no plan to reuse", names=(answer.id,))
        plan = to_json(answer.plan).decode()
        with self._write() as con:
            self._require_answer(con, answer.id)
            con.execute(
                f"INSERT INTO examples ({_EXAMPLE_COLUMNS}) VALUES ({_marks(10)}) "
                "ON CONFLICT (answer_id) DO NOTHING",
                (answer.id, answer.question, plan, answer.language, role, owner, "pending", None,
                 _now(), None),
            )  # fmt: skip
            return self._proposal(con, answer.id)

    def proposals(self, status: str | None = "pending", limit: int = 100) -> list[Proposal]:
        """Proposed examples, oldest first (all statuses when `status` is None)."""
        where, args = ("", ()) if status is None else ("WHERE status = ?", (_status(status),))
        with self._read() as con:
            rows = con.execute(
                f"SELECT {_EXAMPLE_COLUMNS} FROM examples {where} ORDER BY created_at LIMIT ?",
                (*args, _check_limit(limit)),
            ).fetchall()
        return [_to_proposal(row) for row in rows]

    def proposal(self, answer_id: str) -> Proposal:
        """The proposal of an answer, or `UnknownAnswer`."""
        with self._read() as con:
            return self._proposal(con, answer_id)

    def review_example(self, answer_id: str, status: str, reviewer: str) -> Proposal:
        """Approve or reject a proposal (or change an earlier decision)."""
        checked = _status(status)
        check_text("reviewer", reviewer, MAX_KEY_BYTES)
        with self._write() as con:
            self._proposal(con, answer_id)
            con.execute(
                "UPDATE examples SET status = ?, reviewer = ?, reviewed_at = ? WHERE answer_id = ?",
                (checked, reviewer, _now(), answer_id),
            )
            return self._proposal(con, answer_id)

    def _proposal(self, con: sqlite3.Connection, answer_id: str) -> Proposal:
        row = con.execute(
            f"SELECT {_EXAMPLE_COLUMNS} FROM examples WHERE answer_id = ?", (answer_id,)
        ).fetchone()
        if row is None:
            raise UnknownAnswer(answer_id)
        return _to_proposal(row)

    # -- plumbing --------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock, with SQLite's errors turned into ours."""
        with self._lock:
            if self._con is None:
                raise InternalError(f"the session store {self._path} is closed")
            try:
                yield self._con
            except sqlite3.IntegrityError as error:
                raise InternalError(f"session store {self._path}: {error}") from error
            except sqlite3.DatabaseError as error:
                raise schema.unusable(self._path, error) from error

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """`_read` inside a `BEGIN IMMEDIATE` transaction, committed (and synced) before the
        block's caller goes on.

        Group commit: writers of other threads that take the lock while this one's transaction
        is still open join it (each in its own savepoint, so a failing block undoes only its
        own rows), and one synced COMMIT then covers them all. Under concurrent load one fsync
        serves many turns instead of one each; no writer returns before a COMMIT holding its
        rows succeeded, and if that COMMIT fails every writer in it raises."""
        with self._read() as con:
            if not con.in_transaction:
                con.execute("BEGIN IMMEDIATE")
                self._batch = _Batch()
            batch = self._batch
            con.execute("SAVEPOINT tpa_write")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK TO tpa_write")
                con.execute("RELEASE tpa_write")
                self._commit(con, batch)  # others' rows in it must not wait for a next writer
                raise
            con.execute("RELEASE tpa_write")
        time.sleep(0)  # let writers waiting for the lock join the transaction before it commits
        with self._read() as con:
            self._commit(con, batch)

    def _commit(self, con: sqlite3.Connection, batch: _Batch) -> None:
        """COMMIT `batch` unless a writer in it already did; raise if that COMMIT failed."""
        if batch.committed:
            return
        if batch.failed is not None:
            raise schema.unusable(self._path, batch.failed)
        try:
            con.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            batch.failed = error
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        batch.committed = True

    def _session(self, con: sqlite3.Connection, session_id: str) -> Session:
        row = con.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        if row is None:
            raise UnknownSession(session_id)
        return _to_session(row)

    def _require_answer(self, con: sqlite3.Connection, answer_id: str) -> None:
        if con.execute("SELECT 1 FROM turns WHERE answer_id = ?", (answer_id,)).fetchone() is None:
            raise UnknownAnswer(answer_id)

    def _insert_session(
        self,
        con: sqlite3.Connection,
        role: str | None,
        *,
        channel: str,
        key: str | None,
        owner: str | None = None,
    ) -> Session:
        now = _now()
        row = (uuid.uuid4().hex, now, now, role, channel, key, None, owner)
        try:
            con.execute(f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES ({_marks(8)})", row)
        except sqlite3.IntegrityError as error:
            raise UserError(
                f"channel '{channel}' already has a session for '{key}'",
                names=(channel, key or ""),
                hint="use session_for(channel, external_key) to continue it",
            ) from error
        return _to_session(row)


def _fitted(answer: Answer) -> tuple[str, bool]:
    """The answer's JSON as stored, and whether it is the whole answer: at most `MAX_TURN_BYTES`.
    A bigger one (a huge table) is kept without its rows and chart, saying so, so one ask cannot
    grow the file without bound."""
    body = answer.model_dump_json()
    if len(body) <= MAX_TURN_BYTES:
        return body, True
    note = (
        f"the table ({len(answer.rows):,} rows) was too large to keep with the conversation; "
        "ask again to see it"
    )
    trimmed = answer.model_copy(update={"rows": [], "chart": None,
                                        "warnings": [*answer.warnings, note]})  # fmt: skip
    body = trimmed.model_dump_json()
    if len(body) > MAX_TURN_BYTES:
        raise UserError(f"answer '{answer.id}' is too large to store: {len(body):,} bytes")
    return body, False


def _status(status: str) -> ExampleStatus:
    for allowed in EXAMPLE_STATUSES:
        if status == allowed:
            return allowed
    raise UserError(
        f"unknown example status '{status}'", hint="expected one of: pending, approved, rejected"
    )


def _to_proposal(row: tuple[Any, ...]) -> Proposal:
    answer_id, question, plan, language, role, owner, status, reviewer, created, reviewed = row
    return Proposal(
        answer_id, question, _plan(plan), language, role, owner, _status(status), reviewer,
        _time(created), None if reviewed is None else _time(reviewed),
    )  # fmt: skip


def _bind(answer: Answer, session_id: str) -> Answer:
    """The answer as stored: with `session_id` set, which must not name another session."""
    if answer.session_id == session_id:
        return answer
    if answer.session_id is not None:
        raise UserError(
            f"answer '{answer.id}' belongs to session '{answer.session_id}', not '{session_id}'",
            names=(answer.id,),
        )
    return answer.model_copy(update={"session_id": session_id})


def check_keys(
    role: str | None, channel: str, external_key: str | None, owner: str | None = None
) -> None:
    check_text("channel", channel, MAX_KEY_BYTES)
    if owner is not None:
        check_text("owner", owner, MAX_KEY_BYTES * 2)
    if role is not None:
        check_text("role", role, MAX_KEY_BYTES)
    if external_key is not None:
        check_text("external key", external_key, MAX_KEY_BYTES)


def _check_limit(limit: int) -> int:
    if limit < 0:
        raise UserError(f"limit must be 0 or more, not {limit}")
    return limit


def _to_session(row: tuple[Any, ...]) -> Session:
    sid, created, updated, role, channel, key, title, owner = row
    return Session(sid, _time(created), _time(updated), role, channel, key, title, owner)


def _to_export(r: tuple[Any, ...]) -> ExportRecord:
    values = json.loads(r[6])
    return ExportRecord(r[0], r[1], r[2], r[3], r[4], r[5], values, r[7], bool(r[8]), _time(r[9]))


def _to_turn(row: tuple[Any, ...]) -> Turn:
    return _turn(row[:-1], Answer.model_validate_json(row[-1]))


def _turn(row: tuple[Any, ...], answer: Answer, json: str | None = None) -> Turn:
    session_id, number, answer_id, question, kind, language, backend, plan, created = row
    return Turn(
        session_id=session_id,
        number=number,
        answer_id=answer_id,
        question=question,
        kind=kind,
        language=language,
        backend=backend,
        plan=None if plan is None else _plan(plan),
        created_at=_time(created),
        answer=answer,
        json=json,
    )


def _plan(text: str) -> dict[str, Any]:
    plan = json.loads(text)
    if not isinstance(plan, dict):
        raise InternalError(f"a stored plan is not a JSON object: {text[:80]}")
    return plan


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _now() -> str:
    """UTC now in a fixed-width ISO form, so that text order is time order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


__all__ = ["DEFAULT_FILENAME", "SessionStore", "check_keys"]
