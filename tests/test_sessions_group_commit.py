"""Group commit in the session store (`SessionStore._write`): concurrent writers share synced
commits, every one of them is stored when it returns, and a failing writer undoes only its own
rows."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

import pytest

from assistant.sessions import SessionStore
from semantic_layer.errors import UserError
from tests.test_sessions import make_answer

WRITERS = 24


def test_concurrent_first_turns_share_commits_and_all_survive(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    ids = [uuid.uuid4().hex for _ in range(WRITERS)]
    duplicate = ids[0]
    commits: list[str] = []
    errors: list[BaseException] = []
    with SessionStore.open(path) as store:
        store._con.set_trace_callback(  # type: ignore[union-attr]
            lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None
        )
        store.add_first_turn(make_answer(session_id=duplicate), role=None)
        start = threading.Barrier(WRITERS)

        def write(session_id: str) -> None:
            start.wait()
            try:
                store.add_first_turn(make_answer(session_id=session_id), role=None)
            except UserError as exc:
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(i,)) for i in ids]  # ids[0] again: fails
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(errors) == 1 and duplicate in str(errors[0])
        assert 1 <= len(commits) <= WRITERS  # the first write's own commit, then shared ones
    with SessionStore.open(path) as reopened:  # what was committed is on disk
        stored = {s.id for s in reopened.sessions(limit=1000)}
        assert stored == set(ids)
        for session_id in ids:
            assert [t.number for t in reopened.turns(session_id)] == [1]


def test_a_failed_block_leaves_no_open_transaction(tmp_path: Path) -> None:
    with SessionStore.open(tmp_path / "s.sqlite3") as store:
        session = store.new_session()
        with pytest.raises(UserError):
            store.add_turn("no-such-session", make_answer())
        assert not store._con.in_transaction  # type: ignore[union-attr]
        store.add_turn(session.id, make_answer())
        assert len(store.turns(session.id)) == 1
