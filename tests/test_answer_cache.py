"""The answer cache: a repeated question is answered without running its query again, but never
after the data changed (`tpa ingest` adds a load to `_tpa_loads`), never across roles, and never
with another caller's answer id, session or question."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import duckdb
import pytest

from assistant.caching import TtlCache
from assistant.config import AssistantConfig
from assistant.service import AnswerCache, AssistantService, answer_cache
from connectors.ingest import ingest
from connectors.loads import LOADS_TABLE

AS_OF_TEXT = "2026-11-23"
QUESTION = "revenue by channel last month"


def _config(db: Path, **overrides: object) -> AssistantConfig:
    from datetime import date

    values: dict[str, object] = {"db": db, "as_of": date.fromisoformat(AS_OF_TEXT)}
    values.update(overrides)
    return AssistantConfig(retrieval=False, **values)  # type: ignore[arg-type]


def _revenue(answer: object) -> dict[str, float]:
    rows = getattr(answer, "rows")  # noqa: B009
    columns = getattr(answer, "columns")  # noqa: B009
    channel, revenue = columns.index("d_channel"), columns.index("revenue")
    return {str(r[channel]): float(r[revenue]) for r in rows}


@pytest.fixture
def demo_copy(small_demo: Path, tmp_path: Path) -> Path:
    db = tmp_path / "shop.duckdb"
    shutil.copy(small_demo, db)
    return db


def test_a_repeated_question_is_served_from_the_cache(demo_copy: Path) -> None:
    with AssistantService.open(_config(demo_copy)) as service:
        first = service.ask(QUESTION)
        assert first.error is None and first.rows
        again = service.ask("Revenue by channel last month?")  # same plan, other words
        assert service.answers.stats.hits == 1
        assert (again.rows, again.text, again.sql) == (first.rows, first.text, first.sql)
        # The caller's own answer: its id, session and question, never the first caller's.
        assert again.id != first.id and again.session_id != first.session_id
        assert again.question == "Revenue by channel last month?"
        assert service.store.answer(again.id).question == again.question
        again.rows.clear()  # a caller changing its answer does not change the cache
        third = service.ask(QUESTION)
        assert third.rows == first.rows and service.answers.stats.hits == 2


def test_the_role_is_part_of_the_key(demo_copy: Path) -> None:
    with AssistantService.open(_config(demo_copy)) as service:
        everyone = service.ask(QUESTION, role="analyst")
        east = service.ask(QUESTION, role="east_marketing")
        assert service.answers.stats.hits == 0  # a different role never gets a cached answer
        assert sum(_revenue(east).values()) < sum(_revenue(everyone).values())
        assert "East" in (east.sql or "")


def test_a_cached_answer_is_a_new_turn_in_the_callers_own_session(demo_copy: Path) -> None:
    """The cache key has no principal, but the answer it serves is stored in a new session owned
    by the caller (one commit: `add_first_turn`), and a follow-up in it stays the caller's."""
    from assistant.ownership import own_session
    from assistant.sessions.records import UnknownSession

    with AssistantService.open(_config(demo_copy)) as service:
        first = service.ask(QUESTION, principal="key:alice")
        again = service.ask(QUESTION, principal="key:bob")
        assert service.answers.stats.hits == 1 and again.rows == first.rows
        assert again.session_id and first.session_id and again.session_id != first.session_id
        assert service.store.session(first.session_id).owner == "key:alice"
        assert service.store.session(again.session_id).owner == "key:bob"
        assert [t.answer_id for t in service.store.turns(again.session_id)] == [again.id]
        assert own_session(service.store, again.session_id, "key:bob").id == again.session_id
        with pytest.raises(UnknownSession):  # alice cannot follow up in bob's conversation
            service.ask("and by device", session_id=again.session_id, principal="key:alice")


def test_an_answer_cache_of_zero_seconds_keeps_nothing(demo_copy: Path) -> None:
    with AssistantService.open(_config(demo_copy, answer_cache_s=0)) as service:
        service.ask(QUESTION)
        service.ask(QUESTION)
        assert service.answers.stats.hits == 0 and len(service.answers) == 0


def test_the_cache_keeps_within_its_weight() -> None:
    cache: TtlCache[str, list[int]] = TtlCache(10, 60, max_weight=5, weigh=len)
    cache.put("a", [1, 2, 3])
    cache.put("b", [1, 2])
    assert cache.get("a") == [1, 2, 3] and len(cache) == 2
    cache.put("c", [1, 2])  # over 5: the least recently used ("b") goes
    assert cache.get("b") is None and cache.get("a") is not None and len(cache) == 2
    cache.put("d", [0] * 6)  # heavier than the whole cache: not kept
    assert cache.get("d") is None


def test_entries_expire(demo_copy: Path) -> None:
    with AssistantService.open(_config(demo_copy, answer_cache_s=0.2)) as service:
        service.ask(QUESTION)
        import time

        time.sleep(0.3)
        service.ask(QUESTION)
        assert service.answers.stats.hits == 0 and service.answers.stats.expired == 1


@pytest.mark.slow
def test_an_ingest_invalidates_the_cache(demo_copy: Path, tmp_path: Path) -> None:
    """One cache outlives the engine (as a server's would when it reopens the database): after
    `tpa ingest` loads new numbers, the old answer is not served."""
    answers: AnswerCache = answer_cache(3600)
    with AssistantService.open(_config(demo_copy), answers) as service:
        before = service.ask(QUESTION)
        service.ask(QUESTION)
    assert answers.stats.hits == 1
    _ingest_doubled_revenue(demo_copy, tmp_path)
    with duckdb.connect(str(demo_copy), read_only=True) as con:
        assert con.execute(f"SELECT source FROM {LOADS_TABLE}").fetchall() == [
            ("demo",),
            ("ingest",),
        ]
    with AssistantService.open(_config(demo_copy), answers) as service:
        after = service.ask(QUESTION)
        assert answers.stats.hits == 1  # a miss: the data version changed
        cached = service.ask(QUESTION)
        assert answers.stats.hits == 2 and cached.rows == after.rows
    old, new = _revenue(before), _revenue(after)
    assert old.keys() == new.keys()
    for channel, value in old.items():
        assert new[channel] == pytest.approx(2 * value, rel=1e-6)


def _ingest_doubled_revenue(db: Path, folder: Path) -> None:
    """Replace `events` by the same events with every revenue doubled, through `tpa ingest`."""
    csv = folder / "events.csv"
    with duckdb.connect(str(db), read_only=True) as con:
        con.execute(
            "COPY (SELECT strftime(ts, '%Y-%m-%d %H:%M:%S.%f') AS ts, user_id, touchpoint, "
            "channel, revenue * 2 AS revenue, session_id, order_id, campaign, event_id, device, "
            f"region, city FROM events) TO '{csv}' (HEADER)"
        )
    config = folder / "ingest.yaml"
    config.write_text(
        textwrap.dedent(
            f"""\
            database: {db.name}
            timezone: Asia/Shanghai
            sources:
              - name: events
                path: {csv.name}
                table: events
                columns:
                  ts: ts
                  touchpoint: touchpoint
                  channel: channel
                  revenue: revenue
                  session_id: session_id
                  order_id: order_id
                  campaign: campaign
                  event_id: event_id
                  device: device
                  region: region
                  city: city
                timestamps: {{formats: ["%Y-%m-%d %H:%M:%S.%f"], timezone: Asia/Shanghai}}
                identifiers: {{member_no: user_id}}
            """
        ),
        encoding="utf-8",
    )
    ingest(config, db)


def test_a_repeated_drivers_question_runs_no_query(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A drivers answer reads the metric's series before its own query; asked again, neither
    runs (the series' finding is kept like the answer), and the answer is the same."""
    question = "why did checkout conversion drop last week?"
    with AssistantService.open(_config(demo_copy)) as service:
        ran: list[str] = []
        run = service.engine.run

        def recording(sql: str, *args: object, **kwargs: object) -> object:
            ran.append(sql)
            return run(sql, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(service.engine, "run", recording)
        first = service.ask(question)
        assert first.error is None and first.rows and len(ran) == 2  # the series, the drivers
        again = service.ask(question)
        assert len(ran) == 2 and service.answers.stats.hits == 1
        assert (again.rows, again.text) == (first.rows, first.text)
    with AssistantService.open(_config(demo_copy, answer_cache_s=0)) as uncached:
        monkeypatch.setattr(uncached.engine, "run", recording)
        uncached.ask(question)
        uncached.ask(question)
        assert len(ran) == 6  # without the cache every ask reads the series again
