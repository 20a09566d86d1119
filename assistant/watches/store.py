"""`WatchStore`: watches, digests, and what was sent for which period, in one SQLite file kept
beside the sessions (`<home>/watches.sqlite3`).

Idempotency lives here: a delivery is one row keyed by (subscription, period, destination).
`claim` inserts it in a `BEGIN IMMEDIATE` transaction, so two processes (a server and a cron
`tpa watch run-due`) never both send the same period; a row marked `sent` is never sent again,
a `failed` one is retried with back-off, and a `sending` row left by a killed process is taken
over once it is older than `STALE_SENDING_S`.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import threading
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final, Literal

from assistant.watches.records import Destination, Subscription, unknown

DEFAULT_FILENAME: Final = "watches.sqlite3"
STALE_SENDING_S: Final = 600.0
DeliveryStatus = Literal["sending", "sent", "failed"]

_SCHEMA: Final = (
    """CREATE TABLE IF NOT EXISTS subscriptions (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, owner TEXT NOT NULL, role TEXT,
        grain TEXT NOT NULL, destinations TEXT NOT NULL, language TEXT NOT NULL,
        created_at TEXT NOT NULL, question TEXT NOT NULL, plan TEXT, notify TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '[]')""",
    """CREATE TABLE IF NOT EXISTS deliveries (
        subscription_id TEXT NOT NULL, period TEXT NOT NULL, destination TEXT NOT NULL,
        status TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT,
        updated_at TEXT NOT NULL, next_try TEXT,
        PRIMARY KEY (subscription_id, period, destination))""",
    """CREATE TABLE IF NOT EXISTS evaluations (
        subscription_id TEXT NOT NULL, period TEXT NOT NULL, result TEXT NOT NULL,
        created_at TEXT NOT NULL, PRIMARY KEY (subscription_id, period))""",
)


def _now() -> datetime:
    return datetime.now(UTC)


class WatchStore:
    """Subscriptions and their deliveries; safe across threads and processes."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._con = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                    timeout=10.0)  # fmt: skip
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.execute("PRAGMA synchronous=FULL")
        for statement in _SCHEMA:
            self._con.execute(statement)
        self._lock = threading.RLock()

    @classmethod
    def beside(cls, home: Path) -> WatchStore:
        return cls(home / DEFAULT_FILENAME)

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # -- subscriptions ----------------------------------------------------------------------

    def add(self, sub: Subscription) -> Subscription:
        sub = replace(sub, id=sub.id or uuid.uuid4().hex[:12])
        with self._lock:
            self._con.execute(
                "INSERT INTO subscriptions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (sub.id, sub.kind, sub.owner, sub.role, sub.grain,
                 json.dumps([str(d) for d in sub.destinations]), sub.language, sub.created_at,
                 sub.question, None if sub.plan is None else json.dumps(sub.plan), sub.notify,
                 int(sub.paused), json.dumps(list(sub.notes))),
            )  # fmt: skip
        return sub

    def get(self, sub_id: str, owner: str | None) -> Subscription:
        """The subscription `sub_id` of `owner` (None: any owner, for the scheduler)."""
        with self._lock:
            row = self._con.execute(
                "SELECT * FROM subscriptions WHERE id = ?", (sub_id,)
            ).fetchone()
        if row is None or (owner is not None and row[2] != owner):
            raise unknown(sub_id)
        return _subscription(row)

    def list(self, owner: str | None = None) -> builtins.list[Subscription]:
        query, args = "SELECT * FROM subscriptions", tuple[str, ...]()
        if owner is not None:
            query, args = query + " WHERE owner = ?", (owner,)
        with self._lock:
            rows = self._con.execute(query + " ORDER BY created_at, id", args).fetchall()
        return [_subscription(r) for r in rows]

    def set_paused(self, sub_id: str, owner: str | None, paused: bool) -> Subscription:
        sub = self.get(sub_id, owner)
        with self._lock:
            self._con.execute(
                "UPDATE subscriptions SET paused = ? WHERE id = ?", (int(paused), sub.id)
            )
        return replace(sub, paused=paused)

    def delete(self, sub_id: str, owner: str | None) -> None:
        sub = self.get(sub_id, owner)
        with self._lock:
            self._con.execute("BEGIN IMMEDIATE")
            for table, key in (("subscriptions", "id"), ("deliveries", "subscription_id"),
                               ("evaluations", "subscription_id")):  # fmt: skip
                self._con.execute(f"DELETE FROM {table} WHERE {key} = ?", (sub.id,))
            self._con.execute("COMMIT")

    # -- evaluations (what a period's run found, computed once) -----------------------------

    def evaluation(self, sub_id: str, period: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._con.execute(
                "SELECT result FROM evaluations WHERE subscription_id = ? AND period = ?",
                (sub_id, period),
            ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def save_evaluation(self, sub_id: str, period: str, result: dict[str, Any]) -> None:
        with self._lock:
            self._con.execute(
                "INSERT OR REPLACE INTO evaluations VALUES (?,?,?,?)",
                (sub_id, period, json.dumps(result, ensure_ascii=False, default=str),
                 _now().isoformat()),
            )  # fmt: skip

    def latest_evaluations(self, kind: str, role: str | None) -> builtins.list[dict[str, Any]]:
        """The newest evaluation of each subscription of `kind` for `role`, newest first."""
        with self._lock:
            rows = self._con.execute(
                "SELECT e.result FROM evaluations e JOIN subscriptions s ON s.id = "
                "e.subscription_id WHERE s.kind = ? AND s.role IS ? ORDER BY e.period DESC, "
                "e.created_at DESC",
                (kind, role),
            ).fetchall()
        return [dict(json.loads(r[0])) for r in rows]

    # -- deliveries -------------------------------------------------------------------------

    def claim(self, sub_id: str, period: str, dest: Destination, max_attempts: int) -> int | None:
        """Take the delivery of `period` to `dest`: the attempt number, or None when it was
        sent, is being sent by someone else, is waiting for its next try, or gave up."""
        now = _now()
        with self._lock:
            self._con.execute("BEGIN IMMEDIATE")
            try:
                row = self._con.execute(
                    "SELECT status, attempts, updated_at, next_try FROM deliveries WHERE "
                    "subscription_id = ? AND period = ? AND destination = ?",
                    (sub_id, period, str(dest)),
                ).fetchone()
                if row is not None and not _retryable(row, now, max_attempts):
                    self._con.execute("COMMIT")
                    return None
                attempt = 1 if row is None else int(row[1]) + 1
                self._con.execute(
                    "INSERT OR REPLACE INTO deliveries VALUES (?,?,?,'sending',?,NULL,?,NULL)",
                    (sub_id, period, str(dest), attempt, now.isoformat()),
                )
                self._con.execute("COMMIT")
                return attempt
            except BaseException:
                self._con.execute("ROLLBACK")
                raise

    def finish(self, sub_id: str, period: str, *, dest: Destination, error: str | None,
               retry_in_s: float = 0.0) -> None:  # fmt: skip
        now = _now()
        status = "sent" if error is None else "failed"
        next_try = None if error is None else (now + timedelta(seconds=retry_in_s)).isoformat()
        with self._lock:
            self._con.execute(
                "UPDATE deliveries SET status = ?, last_error = ?, updated_at = ?, next_try = ? "
                "WHERE subscription_id = ? AND period = ? AND destination = ?",
                (status, error, now.isoformat(), next_try, sub_id, period, str(dest)),
            )

    def deliveries(self, sub_id: str) -> builtins.list[dict[str, Any]]:
        with self._lock:
            rows = self._con.execute(
                "SELECT period, destination, status, attempts, last_error, updated_at FROM "
                "deliveries WHERE subscription_id = ? ORDER BY period, destination",
                (sub_id,),
            ).fetchall()
        keys = ("period", "to", "status", "attempts", "last_error", "updated_at")
        return [dict(zip(keys, r, strict=True)) for r in rows]


def _retryable(row: tuple[Any, ...], now: datetime, max_attempts: int) -> bool:
    status, attempts, updated_at, next_try = row
    if status == "sent" or int(attempts) >= max_attempts:
        return False
    if status == "sending":
        return (now - datetime.fromisoformat(updated_at)).total_seconds() > STALE_SENDING_S
    return next_try is None or datetime.fromisoformat(next_try) <= now


def _subscription(row: tuple[Any, ...]) -> Subscription:
    return Subscription(
        id=row[0], kind=row[1], owner=row[2], role=row[3], grain=row[4],
        destinations=tuple(Destination.parse(d) for d in json.loads(row[5])),
        language=row[6], created_at=row[7], question=row[8],
        plan=None if row[9] is None else json.loads(row[9]), notify=row[10],
        paused=bool(row[11]), notes=tuple(json.loads(row[12])),
    )  # fmt: skip


__all__ = ["DEFAULT_FILENAME", "WatchStore"]
