"""The store's SQLite file: how it is recognised, opened and migrated.

A session store is an SQLite file in WAL mode whose header carries `APPLICATION_ID`, with a
`schema_version` table listing the migrations applied. `MIGRATIONS[i]` brings the schema from
version `i` to `i + 1`; to change the schema, append a step (never edit a released one). Opening
applies the missing steps in one transaction, so a half-migrated file cannot exist.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

from assistant.sessions.records import SessionStoreError

APPLICATION_ID: Final = 0x54504153  # "TPAS" in the file header: this file is a session store
BUSY_SECONDS: Final = 10.0  # how long a writer waits for another process's transaction
SYNCHRONOUS: Final = "FULL"  # fsync the WAL at every commit: a committed turn survives power loss

Migration = Callable[[sqlite3.Connection], None]

_V1: Final = (
    f"PRAGMA application_id = {APPLICATION_ID}",
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        role TEXT,
        channel TEXT NOT NULL,
        external_key TEXT,
        title TEXT
    )""",
    "CREATE UNIQUE INDEX sessions_by_chat ON sessions (channel, external_key)",
    "CREATE INDEX sessions_by_activity ON sessions (updated_at)",
    """CREATE TABLE turns (
        answer_id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        created_at TEXT NOT NULL,
        question TEXT NOT NULL,
        kind TEXT,
        language TEXT NOT NULL,
        backend TEXT NOT NULL,
        plan TEXT,
        answer TEXT NOT NULL,
        UNIQUE (session_id, number)
    )""",
    """CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id TEXT NOT NULL REFERENCES turns (answer_id) ON DELETE CASCADE,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX feedback_by_answer ON feedback (answer_id, id)",
)


def _create_v1(con: sqlite3.Connection) -> None:
    """Version 1: sessions, their numbered turns (whole Answer JSON) and feedback on answers."""
    for statement in _V1:
        con.execute(statement)


def _owners_and_examples_v2(con: sqlite3.Connection) -> None:
    """Version 2: every session belongs to the principal that created it (an API key's hash, a
    signed-in chat user, a bot conversation; NULL for sessions from before, which only roles
    granted `read_all_sessions` may read), and thumbs-up examples wait for a reviewer."""
    con.execute("ALTER TABLE sessions ADD COLUMN owner TEXT")
    con.execute("CREATE INDEX sessions_by_owner ON sessions (owner)")
    con.execute(
        """CREATE TABLE examples (
        answer_id TEXT PRIMARY KEY REFERENCES turns (answer_id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        plan TEXT NOT NULL,
        language TEXT NOT NULL,
        role TEXT,
        owner TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        reviewer TEXT,
        created_at TEXT NOT NULL,
        reviewed_at TEXT
    )"""
    )
    con.execute("CREATE INDEX examples_by_status ON examples (status, created_at)")


def _add_exports_v3(con: sqlite3.Connection) -> None:
    """Version 3: an audit row for every export of the users behind a number."""
    con.execute(
        """CREATE TABLE exports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id TEXT NOT NULL,
        role TEXT,
        principal TEXT,
        metric TEXT NOT NULL,
        row_number INTEGER,
        row_values TEXT NOT NULL,
        users INTEGER NOT NULL,
        capped INTEGER NOT NULL,
        created_at TEXT NOT NULL
    )"""
    )
    con.execute("CREATE INDEX exports_by_answer ON exports (answer_id, id)")


MIGRATIONS: list[Migration] = [_create_v1, _owners_and_examples_v2, _add_exports_v3]


def connect(path: Path) -> sqlite3.Connection:
    """An open, migrated connection to the store at `path` (created when missing or empty).

    Raises:
        SessionStoreError: the file is a directory, not SQLite, corrupt, another application's
            database, or from a newer version of Touchpoint Assistant. It is never modified.
    """
    if path.is_dir():
        raise SessionStoreError(f"{path} is a directory, not a session store file", path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        _identify(con, path)
        con.execute("PRAGMA journal_mode = WAL")
        con.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        con.execute("PRAGMA foreign_keys = ON")
        migrate(con, path)
    except sqlite3.DatabaseError as error:
        con.close()
        raise unusable(path, error) from error
    except BaseException:
        con.close()
        raise
    return con


def unusable(path: Path, error: sqlite3.DatabaseError) -> SessionStoreError:
    """The error for a file SQLite refuses: busy, not a database, or damaged."""
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return SessionStoreError(
            f"session store {path} is busy: {error}",
            path,
            hint="another process holds a long transaction on it; retry",
        )
    return SessionStoreError(
        f"{path} cannot be used as a session store: {error}",
        path,
        hint="it is corrupt or not a session store; move it away or choose another path",
    )


def _identify(con: sqlite3.Connection, path: Path) -> None:
    """Refuse a foreign SQLite file before anything writes to it (a new, empty file is fine)."""
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    if app_id == APPLICATION_ID:
        return
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    if app_id == 0 and not tables:
        return
    shown = ", ".join(sorted(tables)[:8]) or "none"
    raise SessionStoreError(
        f"{path} is an SQLite database of another application (application id {app_id}, "
        f"tables: {shown}), not a session store",
        path,
        hint="choose another path; the file was left as it is",
    )


def migrate(con: sqlite3.Connection, path: Path) -> int:
    """Apply the missing `MIGRATIONS` in one transaction; the schema version after them."""
    con.execute("BEGIN IMMEDIATE")
    try:
        version = _apply(con, path, list(MIGRATIONS))
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return version


def _apply(con: sqlite3.Connection, path: Path, steps: list[Migration]) -> int:
    current = schema_version(con, path)
    if current > len(steps):
        raise SessionStoreError(
            f"{path} has schema version {current}, newer than this program's {len(steps)}",
            path,
            hint="upgrade Touchpoint Assistant, or use another path",
        )
    for version in range(current + 1, len(steps) + 1):
        steps[version - 1](con)
        con.execute(
            "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
            (version, datetime.now(UTC).isoformat(timespec="microseconds")),
        )
    return len(steps)


def schema_version(con: sqlite3.Connection, path: Path) -> int:
    """The highest migration applied (0 for a new file; creates the version table then)."""
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    has_table = con.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()[0]
    if not has_table:
        if app_id == APPLICATION_ID:
            raise SessionStoreError(
                f"{path} is a damaged session store: its schema_version table is missing",
                path,
                hint="move it away or choose another path",
            )
        con.execute(
            "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        return 0
    return int(con.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])


__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SYNCHRONOUS",
    "Migration",
    "connect",
    "migrate",
    "schema_version",
    "unusable",
]
