"""Paths on hand-made sessions: 30-minute splits, collapsed repeats, entry and exit markers.

u1: 10:00 A, 10:05 B, 10:06 B (repeat), 10:10 C | 11:00 A (50 min gap: new session), 11:01 C
u2: 09:00 A, 09:10 A (repeat), 09:15 D
u3: 12:00 A (alone)
u4: 08:00 C on the day before the range (outside it)
After A: B, C, D, (exit) once each. Before C: B once (the collapsed B), A once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import duckdb
import pytest

from semantic_layer.compile.paths import PathsSpec, neighbours, sessions, top_paths
from semantic_layer.compile.sql import Events

DAY = "2026-02-02"
EVENTS = [
    ("u1", f"{DAY} 10:00", "A"),
    ("u1", f"{DAY} 10:05", "B"),
    ("u1", f"{DAY} 10:06", "B"),
    ("u1", f"{DAY} 10:10", "C"),
    ("u1", f"{DAY} 11:00", "A"),
    ("u1", f"{DAY} 11:01", "C"),
    ("u2", f"{DAY} 09:00", "A"),
    ("u2", f"{DAY} 09:10", "A"),
    ("u2", f"{DAY} 09:15", "D"),
    ("u3", f"{DAY} 12:00", "A"),
    ("u4", "2026-02-01 08:00", "C"),
]


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    con.execute("CREATE TABLE events (user_id VARCHAR, ts TIMESTAMP, touchpoint VARCHAR)")
    con.executemany("INSERT INTO events VALUES (?, ?, ?)", EVENTS)
    yield con
    con.close()


def spec(anchor: str | None, direction: str = "after") -> PathsSpec:
    return PathsSpec(anchor, direction, date(2026, 2, 2), date(2026, 2, 3))  # type: ignore[arg-type]


def test_sessions_split_on_gaps_and_collapse_repeats(con: duckdb.DuckDBPyConnection) -> None:
    inner = sessions(Events(), spec("A")).sql("duckdb")
    got = con.execute(
        f"SELECT user_id, session_no, touchpoint FROM ({inner}) ORDER BY user_id, ts"
    ).fetchall()
    assert got == [
        ("u1", 1, "A"),
        ("u1", 1, "B"),
        ("u1", 1, "C"),
        ("u1", 2, "A"),
        ("u1", 2, "C"),
        ("u2", 1, "A"),
        ("u2", 1, "D"),
        ("u3", 1, "A"),
    ]


def test_after_counts_each_occurrence_once(con: duckdb.DuckDBPyConnection) -> None:
    got = con.execute(neighbours(Events(), spec("A")).sql("duckdb")).fetchall()
    assert {r[0]: r[1] for r in got} == {"B": 1, "C": 1, "D": 1, "(exit)": 1}
    assert sum(r[3] for r in got) == pytest.approx(1.0)


def test_before_uses_the_previous_step_in_the_session(con: duckdb.DuckDBPyConnection) -> None:
    got = con.execute(neighbours(Events(), spec("C", "before")).sql("duckdb")).fetchall()
    assert {r[0]: r[1] for r in got} == {"B": 1, "A": 1}


def test_top_paths_start_or_end_at_the_anchor(con: duckdb.DuckDBPyConnection) -> None:
    before = con.execute(top_paths(Events(), spec("C", "before")).sql("duckdb")).fetchall()
    assert {r[0]: r[1] for r in before} == {"A → B → C": 1, "A → C": 1}
    after = con.execute(top_paths(Events(), spec("A")).sql("duckdb")).fetchall()
    assert {r[0]: r[1] for r in after} == {"A → B → C": 1, "A → C": 1, "A → D": 1, "A": 1}
    short = PathsSpec("A", "after", date(2026, 2, 2), date(2026, 2, 3), max_path_steps=2)
    got = con.execute(top_paths(Events(), short).sql("duckdb")).fetchall()
    assert {r[0]: r[1] for r in got} == {"A → B": 1, "A → C": 1, "A → D": 1, "A": 1}
    starts = con.execute(top_paths(Events(), spec(None)).sql("duckdb")).fetchall()
    assert sum(r[1] for r in starts) == 4  # one path per session
