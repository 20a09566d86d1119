"""Conversations and memory: sessions, their turns (whole answers) and feedback, on disk.

`SessionStore.open(path)` keeps them in one SQLite file that survives restarts and crashes; the
planner reads `last_plan` for follow-ups, the API serves stored answers by id.
"""

from __future__ import annotations

from assistant.sessions.records import (
    MAX_COMMENT_BYTES,
    MAX_QUESTION_BYTES,
    Feedback,
    Rating,
    Session,
    SessionStoreError,
    Turn,
    UnknownAnswer,
    UnknownSession,
)
from assistant.sessions.store import DEFAULT_FILENAME, SessionStore

__all__ = [
    "DEFAULT_FILENAME",
    "MAX_COMMENT_BYTES",
    "MAX_QUESTION_BYTES",
    "Feedback",
    "Rating",
    "Session",
    "SessionStore",
    "SessionStoreError",
    "Turn",
    "UnknownAnswer",
    "UnknownSession",
]
