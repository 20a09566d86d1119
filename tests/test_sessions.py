"""The session store: answers round-trip, turns are numbered without gaps, nothing committed is
lost across restarts or a killed process, and bad files are refused by name."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from assistant.answer.model import Answer, AnswerError, Choice, LlmCall, TimeRange, Timings
from assistant.sessions import (
    MAX_COMMENT_BYTES,
    MAX_QUESTION_BYTES,
    SessionStore,
    SessionStoreError,
    UnknownAnswer,
    UnknownSession,
)
from assistant.sessions import schema as store_schema
from semantic_layer.errors import UserError
from semantic_layer.plan import parse_plan, plan_to_json
from semantic_layer.time import Language

ROOT = Path(__file__).resolve().parents[1]
DROPOFF = plan_to_json(parse_plan({"kind": "dropoff", "time": "last_week", "language": "zh"}))
METRIC = plan_to_json(
    parse_plan(
        {
            "kind": "metric",
            "metrics": ["conversion_rate"],
            "dimensions": ["channel"],
            "time": "this_month",
            "language": "en",
        }
    )
)
CLARIFY = plan_to_json(
    parse_plan(
        {
            "kind": "clarify",
            "reason": "which rate?",
            "choices": [
                {"label": "conversion", "question": "conversion rate by channel"},
                {"label": "click-through", "question": "click-through rate by channel"},
            ],
            "language": "en",
        }
    )
)
UNSUPPORTED = plan_to_json(
    parse_plan({"kind": "unsupported", "reason": "no weather data", "language": "en"})
)


def make_answer(
    question: str = "conversion rate by channel this month",
    plan: dict[str, Any] | None = None,
    *,
    session_id: str | None = None,
) -> Answer:
    language: Language = "zh" if any("\u4e00" <= c <= "\u9fff" for c in question) else "en"
    return Answer(
        id=uuid.uuid4().hex,
        session_id=session_id,
        question=question,
        language=language,
        text="answer to " + question,
        plan=plan,
    )


def full_answer(session_id: str) -> Answer:
    """An answer with every field set, Chinese text and datetimes in two time zones."""
    shanghai = timezone(timedelta(hours=8))
    return Answer(
        id="a" + uuid.uuid4().hex,
        session_id=session_id,
        question="上周哪个触点流失用户最多",
        language="zh",
        text="上周流失最多的触点是「结账」：1,234 人（流失率 41.2%）。",
        interpretation="购买旅程各步骤流失的用户，2026年11月16日至22日，按流失人数排序",
        plan=DROPOFF,
        sql="SELECT step, touchpoint, lost FROM funnel ORDER BY lost DESC",
        verified=True,
        columns=["step", "touchpoint", "reached", "lost", "lost_rate"],
        column_labels=["步骤", "触点", "到达", "流失", "流失率"],
        rows=[
            [1, "商品页", 5000, 2000, 0.4],
            [2, "结账", 3000, 1234, 0.41133],
            [3, None, 0, 0, 0.0],
        ],
        truncated=True,
        chart={"kind": "funnel", "x": "touchpoint", "y": ["reached"], "title": "购买旅程"},
        time_range=TimeRange(
            start=date(2026, 11, 16), end=date(2026, 11, 23), label="11月16日–22日"
        ),
        baseline_range=TimeRange(start=None, end=date(2026, 11, 16), label="此前"),
        backend="llm",
        timings=Timings(
            plan_ms=812.5,
            query_ms=12.25,
            total_ms=840.0,
            llm_calls=[LlmCall(model="qwen-plus", ms=800.0, prompt_tokens=1200, outcome="ok")],
        ),
        warnings=["数据截至 2026-11-23"],
        suggestions=["按渠道看结账流失", "和前一周比较"],
        choices=[Choice(label="按渠道", question="按渠道看结账流失")],
        error=AnswerError(code="partial", message="部分数据缺失", suggestions=["换个时间"]),
        created_at=datetime(2026, 11, 23, 9, 30, 15, 123456, tzinfo=shanghai),
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "home" / "sessions.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[SessionStore]:
    with SessionStore.open(path) as opened:
        yield opened


def test_full_answer_round_trips_through_a_restart(path: Path) -> None:
    with SessionStore.open(path) as store:
        session = store.new_session(role="marketing")
        answer = full_answer(session.id)
        turn = store.add_turn(session.id, answer)
    assert (turn.number, turn.kind, turn.language, turn.backend) == (1, "dropoff", "zh", "llm")

    with SessionStore.open(path) as store:
        reloaded = store.answer(answer.id)
        turns = store.turns(session.id)
    assert reloaded == answer
    assert reloaded.created_at == datetime(2026, 11, 23, 1, 30, 15, 123456, tzinfo=UTC)
    assert reloaded.timings.tokens == 1200
    assert [t.answer for t in turns] == [answer]
    assert turns[0].plan == DROPOFF
    assert turns[0].question == "上周哪个触点流失用户最多"
    assert turns[0].created_at.tzinfo is not None


def test_answer_without_session_is_bound_to_the_turns_session(store: SessionStore) -> None:
    session = store.new_session()
    answer = make_answer()
    store.add_turn(session.id, answer)
    assert store.answer(answer.id) == answer.model_copy(update={"session_id": session.id})

    other = store.new_session()
    with pytest.raises(UserError, match="belongs to session"):
        store.add_turn(other.id, make_answer(session_id=session.id))
    with pytest.raises(UserError, match="already stored"):
        store.add_turn(session.id, answer)
    assert [t.number for t in store.turns(session.id)] == [1]
    assert store.turns(other.id) == []


def test_everything_survives_close_and_reopen(path: Path) -> None:
    with SessionStore.open(path) as store:
        bot = store.session_for("feishu", "chat-42", role="sales")
        first = make_answer("what do users do after the product page", METRIC)
        store.add_turn(bot.id, first)
        store.add_turn(bot.id, make_answer("which one?", CLARIFY))
        store.add_feedback(first.id, "down", "太慢了")
        listed = store.sessions()

    with SessionStore.open(path) as store:
        assert store.sessions() == listed
        assert store.session_for("feishu", "chat-42").id == bot.id
        assert store.session(bot.id).title == "what do users do after the product page"
        assert store.session(bot.id).role == "sales"
        assert [t.number for t in store.turns(bot.id)] == [1, 2]
        assert store.last_plan(bot.id) == METRIC
        feedback = store.feedback_for(first.id)
        assert feedback is not None
        assert (feedback.rating, feedback.comment) == ("down", "太慢了")
        assert store.add_turn(bot.id, make_answer()).number == 3


def test_turn_numbers_have_no_gaps_under_concurrent_writers(path: Path) -> None:
    threads, per_thread = 6, 8
    shared = SessionStore.open(path)
    second = SessionStore.open(path)  # another connection to the file, like another process
    session = shared.new_session()
    numbers: dict[int, list[int]] = {i: [] for i in range(threads)}

    def write(i: int) -> None:
        writer = shared if i % 2 else second
        for _ in range(per_thread):
            numbers[i].append(writer.add_turn(session.id, make_answer()).number)

    workers = [threading.Thread(target=write, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    stored = [t.number for t in shared.turns(session.id)]
    shared.close()
    second.close()

    assert stored == list(range(1, threads * per_thread + 1))
    assert sorted(n for ns in numbers.values() for n in ns) == stored
    assert all(ns == sorted(ns) for ns in numbers.values())


KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from assistant.answer.model import Answer
from assistant.sessions import SessionStore

store = SessionStore.open(Path(sys.argv[1]))
session = store.session_for("wecom", "room-7")
turn = store.add_turn(session.id, Answer(
    id=sys.argv[2], question="上周哪个触点流失用户最多", language="zh", text="结账"))
print(session.id, turn.number, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_committed_turn_survives_a_killed_process(path: Path) -> None:
    answer_id = uuid.uuid4().hex
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(path), answer_id],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    session_id, number = done.stdout.split()
    assert number == "1"
    assert path.with_name(path.name + "-wal").stat().st_size > 0  # never checkpointed

    with SessionStore.open(path) as store:
        assert store.session_for("wecom", "room-7").id == session_id
        assert store.answer(answer_id).text == "结账"
        assert [t.answer_id for t in store.turns(session_id)] == [answer_id]


def test_last_plan_skips_clarify_unsupported_and_planless_turns(store: SessionStore) -> None:
    session = store.new_session()
    assert store.last_plan(session.id) is None
    assert store.last_turn(session.id) is None

    store.add_turn(session.id, make_answer("conversion rate by channel", METRIC))
    store.add_turn(session.id, make_answer("and the rate?", CLARIFY))
    store.add_turn(session.id, make_answer("and the weather?", UNSUPPORTED))
    store.add_turn(session.id, make_answer("hello", None))
    assert store.last_plan(session.id) == METRIC
    last = store.last_turn(session.id)
    assert last is not None
    assert (last.number, last.kind, last.is_analysis) == (4, None, False)
    assert [t.kind for t in store.turns(session.id, limit=2)] == ["unsupported", None]

    store.add_turn(session.id, make_answer("上周哪个触点流失用户最多", DROPOFF))
    assert store.last_plan(session.id) == DROPOFF
    assert store.last_plan(store.new_session().id) is None


def test_session_for_returns_the_same_session_for_the_same_chat(store: SessionStore) -> None:
    found: list[str] = []
    workers = [
        threading.Thread(target=lambda: found.append(store.session_for("slack", "T1/C9").id))
        for _ in range(5)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(found) == 5
    assert len(set(found)) == 1

    same = store.session_for("slack", "T1/C9", role="ignored-when-existing")
    assert same.id == found[0]
    assert (same.channel, same.external_key, same.role) == ("slack", "T1/C9", None)
    assert store.session_for("slack", "T1/C10").id != same.id
    assert store.session_for("dingtalk", "T1/C9").id != same.id
    with pytest.raises(UserError, match="already has a session"):
        store.new_session(channel="slack", external_key="T1/C9")


def test_feedback_latest_counts(store: SessionStore) -> None:
    session = store.new_session()
    answer = make_answer()
    store.add_turn(session.id, answer)
    assert store.feedback_for(answer.id) is None

    up = store.add_feedback(answer.id, "up")
    down = store.add_feedback(answer.id, "down", "渠道名称不对")
    assert down.id > up.id
    assert store.feedback_for(answer.id) == down
    assert store.add_feedback(answer.id, "down", "x" * MAX_COMMENT_BYTES).comment is not None

    with pytest.raises(UserError, match="comment is too long"):
        store.add_feedback(answer.id, "up", "评" * (MAX_COMMENT_BYTES // 3 + 1))
    with pytest.raises(UserError, match="unknown rating 'meh'"):
        store.add_feedback(answer.id, "meh")  # type: ignore[arg-type]
    with pytest.raises(UnknownAnswer):
        store.add_feedback("no-such-answer", "up")
    latest = store.feedback_for(answer.id)
    assert latest is not None
    assert latest.comment == "x" * MAX_COMMENT_BYTES


def test_unknown_ids_raise_errors_naming_them(store: SessionStore) -> None:
    with pytest.raises(UnknownSession, match="unknown session 'nope'") as caught:
        store.session("nope")
    assert caught.value.names == ("nope",)
    for call in (store.turns, store.last_plan, store.last_turn, store.delete_session):
        with pytest.raises(UnknownSession, match="'nope'"):
            call("nope")
    with pytest.raises(UnknownSession):
        store.add_turn("nope", make_answer())
    with pytest.raises(UnknownAnswer, match="unknown answer 'missing'"):
        store.answer("missing")
    with pytest.raises(UnknownAnswer):
        store.feedback_for("missing")


def test_delete_session_removes_its_turns_and_feedback(store: SessionStore) -> None:
    kept, gone = store.new_session(), store.new_session()
    kept_answer, gone_answer = make_answer(), make_answer()
    store.add_turn(kept.id, kept_answer)
    store.add_turn(gone.id, gone_answer)
    store.add_feedback(gone_answer.id, "up")

    store.delete_session(gone.id)
    with pytest.raises(UnknownSession):
        store.session(gone.id)
    with pytest.raises(UnknownAnswer):
        store.answer(gone_answer.id)
    assert store.answer(kept_answer.id).id == kept_answer.id
    assert [s.id for s in store.sessions()] == [kept.id]


def test_sessions_are_listed_by_latest_activity_with_titles(store: SessionStore) -> None:
    older, newer = store.new_session(), store.new_session()
    assert [s.id for s in store.sessions()] == [newer.id, older.id]
    question = "which channel contributes most to purchases " * 5
    store.add_turn(older.id, make_answer(question))
    store.add_turn(older.id, make_answer("and last month?"))

    listed = store.sessions()
    assert [s.id for s in listed] == [older.id, newer.id]
    assert listed[0].title is not None
    assert listed[0].title.startswith("which channel contributes most to purchases which")
    assert listed[0].title.endswith("…")
    assert len(listed[0].title) == 80
    assert listed[1].title is None
    assert listed[0].updated_at > listed[0].created_at
    assert [s.id for s in store.sessions(limit=1)] == [older.id]


def test_question_limit_is_100_kb_stored_as_is(store: SessionStore) -> None:
    session = store.new_session()
    longest = "问\n" * (MAX_QUESTION_BYTES // 4)
    answer = make_answer(longest)
    store.add_turn(session.id, answer)
    assert store.turns(session.id)[0].question == longest
    with pytest.raises(UserError, match="question is too long"):
        store.add_turn(session.id, make_answer("问" * (MAX_QUESTION_BYTES // 3 + 1)))
    assert len(store.turns(session.id)) == 1


def damage_store(path: Path) -> None:
    with SessionStore.open(path) as store:
        session = store.new_session()
        for _ in range(20):
            store.add_turn(session.id, full_answer(session.id))
    data = bytearray(path.read_bytes())
    data[100:] = (bytes(range(256)) * (len(data) // 256 + 1))[: len(data) - 100]
    path.write_bytes(bytes(data))


def foreign_database(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE customers (id INTEGER, name TEXT)")
    con.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("name,revenue\nwechat,12\n" * 50), "not a database"),
        (foreign_database, "another application .*tables: customers"),
        (damage_store, "malformed"),
    ],
    ids=["text", "foreign", "damaged"],
)
def test_bad_files_are_refused_by_name_and_left_alone(path: Path, make: Any, message: str) -> None:
    path.parent.mkdir(parents=True)
    make(path)
    before = path.read_bytes()
    with pytest.raises(SessionStoreError, match=message) as caught:
        SessionStore.open(path)
    assert str(path) in str(caught.value)
    assert caught.value.path == path
    assert path.read_bytes() == before


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SessionStoreError, match="is a directory"):
        SessionStore.open(tmp_path)


def test_migrations_are_applied_once_and_newer_files_refused(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SessionStore.open(path).close()

    def add_pinned(con: sqlite3.Connection) -> None:
        con.execute("ALTER TABLE sessions ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0")

    with monkeypatch.context() as patched:
        patched.setattr(store_schema, "MIGRATIONS", [*store_schema.MIGRATIONS, add_pinned])
        for _ in range(2):  # the second open finds version 2 and applies nothing
            SessionStore.open(path).close()
    with sqlite3.connect(path) as con:
        versions = [r[0] for r in con.execute("SELECT version FROM schema_version")]
        columns = [r[1] for r in con.execute("PRAGMA table_info(sessions)")]
    con.close()
    n = len(store_schema.MIGRATIONS)
    assert versions == list(range(1, n + 2))
    assert "pinned" in columns

    with pytest.raises(
        SessionStoreError, match=f"schema version {n + 1}, newer than this program's {n}"
    ):
        SessionStore.open(path)


def test_a_version_1_store_gains_owners_and_keeps_its_sessions(path: Path) -> None:
    """Sessions from before owners keep their turns; their owner is unknown (None)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, isolation_level=None)
    store_schema._apply(con, path, store_schema.MIGRATIONS[:1])
    con.execute(
        "INSERT INTO sessions (id, created_at, updated_at, role, channel) "
        "VALUES ('old', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', NULL, 'api')"
    )
    con.close()
    with SessionStore.open(path) as store:
        assert store.session("old").owner is None
        mine = store.new_session(owner="key:abc")
        assert store.session(mine.id).owner == "key:abc"
        assert store.session_for("slack", "T1/C1").owner == "bot:slack:T1/C1"


def test_a_version_2_store_gains_the_exports_audit_and_keeps_its_turns(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        patched.setattr(store_schema, "MIGRATIONS", store_schema.MIGRATIONS[:2])
        with SessionStore.open(path) as old:
            session = old.new_session(role="analyst")
            old.add_turn(session.id, make_answer("revenue last week"))
    with SessionStore.open(path) as store:
        turn = store.turns(session.id)[0]
        record = store.add_export(
            turn.answer_id, role="analyst", principal="key:abc", metric="active_users", row=None,
            values={}, users=3, capped=False,
        )  # fmt: skip
        assert store.exports(turn.answer_id) == [record]
        store.delete_session(session.id)  # the audit outlives the conversation
        assert store.exports() == [record]


def test_wal_and_full_sync_are_on(store: SessionStore, path: Path) -> None:
    own = store._con  # the store's connection: synchronous is a per-connection setting
    assert own is not None
    assert own.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert own.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA application_id").fetchone()[0] == store_schema.APPLICATION_ID
    finally:
        con.close()


def test_a_first_turn_records_its_owner_like_new_session(store: SessionStore) -> None:
    """`add_first_turn` (session and first turn in one commit) keeps the owner `new_session`
    would; a bad owner is refused before anything is stored."""
    answer = make_answer(session_id=uuid.uuid4().hex)
    turn = store.add_first_turn(answer, role="analyst", channel="api", owner="key:abc")
    assert turn.number == 1
    session = store.session(answer.session_id or "")
    assert (session.owner, session.role, session.channel) == ("key:abc", "analyst", "api")
    assert store.session(store.new_session(owner="key:abc").id).owner == session.owner
    with pytest.raises(UserError):
        store.add_first_turn(make_answer(session_id=uuid.uuid4().hex), role=None, owner="x" * 10**4)
    assert len(store.sessions()) == 2
