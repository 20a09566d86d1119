"""Funnel, drop-off and time to convert on hand-made events whose answers were worked out by hand.

Journey A → B → C, window 7 days, range [2026-01-05, 2026-01-12):
- u1: A, B, C in order                                   → reaches C (14 h from A to C)
- u2: B before A, then C without a B after A             → reaches A only
- u3: B and C 8 days after A (out of the window)         → reaches A only
- u4: A on the last day, B and C after the range ends    → reaches C (73 h), later steps may fall
      after the range's end
- u5: A only before the range                            → not an entrant
- u6: A, A again 3 days later, B 7.5 days after the first → reaches A only (the first A anchors)
- u7: A and B at the same instant                        → reaches A only (strictly after)
- u8: A, C, B (C before B does not count)                → reaches B
- u9: A exactly at the range end (exclusive)             → not an entrant
reached = 7, 3, 2; lost = 4, 1; conversion = 1, 3/7, 2/7; step conversion = -, 3/7, 2/3.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import duckdb
import pytest
from sqlglot import exp

from semantic_layer.compile.funnel import FunnelSpec, dropoff, funnel_steps, time_to_convert
from semantic_layer.compile.sql import Events

EVENTS = [
    ("u1", "2026-01-05 10:00", "A", "web"),
    ("u1", "2026-01-05 11:00", "B", "web"),
    ("u1", "2026-01-06 00:00", "C", "web"),
    ("u2", "2026-01-05 09:00", "B", "app"),
    ("u2", "2026-01-05 10:00", "A", "app"),
    ("u2", "2026-01-05 12:00", "C", "app"),
    ("u3", "2026-01-06 00:00", "A", "app"),
    ("u3", "2026-01-14 00:00", "B", "app"),
    ("u3", "2026-01-14 01:00", "C", "app"),
    ("u4", "2026-01-11 23:00", "A", "web"),
    ("u4", "2026-01-13 00:00", "B", "web"),
    ("u4", "2026-01-15 00:00", "C", "web"),
    ("u5", "2026-01-04 00:00", "A", "web"),
    ("u5", "2026-01-05 00:00", "B", "web"),
    ("u5", "2026-01-05 01:00", "C", "web"),
    ("u6", "2026-01-05 00:00", "A", "app"),
    ("u6", "2026-01-08 00:00", "A", "web"),
    ("u6", "2026-01-12 12:00", "B", "app"),
    ("u7", "2026-01-07 10:00", "A", "web"),
    ("u7", "2026-01-07 10:00", "B", "web"),
    ("u8", "2026-01-05 00:00", "A", "app"),
    ("u8", "2026-01-06 00:00", "C", "app"),
    ("u8", "2026-01-07 00:00", "B", "app"),
    ("u9", "2026-01-12 00:00", "A", "web"),
    ("u9", "2026-01-12 01:00", "B", "web"),
]
SPEC = FunnelSpec(("A", "B", "C"), date(2026, 1, 5), date(2026, 1, 12), 7)


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (user_id VARCHAR, ts TIMESTAMP, touchpoint VARCHAR, channel VARCHAR)"
    )
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?)", EVENTS)
    yield con
    con.close()


def rows(con: duckdb.DuckDBPyConnection, query: exp.Select) -> list[tuple[object, ...]]:
    return con.execute(query.sql("duckdb")).fetchall()


def test_funnel_counts_follow_the_definition(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(con, funnel_steps(Events(), SPEC))
    assert [(r[0], r[1], r[2]) for r in got] == [(1, "A", 7), (2, "B", 3), (3, "C", 2)]
    conversion = [r[3] for r in got]
    assert conversion == pytest.approx([1.0, 3 / 7, 2 / 7])
    assert (
        got[0][4] is None
        and got[1][4] == pytest.approx(3 / 7)
        and got[2][4] == pytest.approx(2 / 3)
    )
    assert [r[5] for r in got] == [4, 1, None]
    assert got[0][6] == pytest.approx(4 / 7) and got[1][6] == pytest.approx(1 / 3)


def test_dropoff_ranks_the_step_that_lost_most(con: duckdb.DuckDBPyConnection) -> None:
    got = rows(con, dropoff(Events(), SPEC))
    assert [(r[1], r[5]) for r in got] == [("A", 4), ("B", 1)]
    assert rows(con, dropoff(Events(), SPEC, limit=1))[0][1] == "A"


def test_time_to_convert_among_converters(con: duckdb.DuckDBPyConnection) -> None:
    ((entrants, converters, median, mean, p90),) = rows(con, time_to_convert(Events(), SPEC))
    assert (entrants, converters) == (7, 2)
    assert median == pytest.approx(43.5) and mean == pytest.approx(43.5)
    assert p90 == pytest.approx(14 + 0.9 * (73 - 14))


def test_breakdown_uses_the_entrants_first_step_event(con: duckdb.DuckDBPyConnection) -> None:
    spec = FunnelSpec(SPEC.steps, SPEC.start, SPEC.end, 7, exp.column("channel"))
    got = {(r[0], r[2]): r[3] for r in rows(con, funnel_steps(Events(), spec))}
    # entrants by their first A: web = u1, u4, u7; app = u2, u3, u6 (first A on app), u8
    assert got[("web", "A")] == 3 and got[("app", "A")] == 4
    assert got[("web", "C")] == 2 and got[("app", "B")] == 1 and got[("app", "C")] == 0


def test_row_filters_always_apply(con: duckdb.DuckDBPyConnection) -> None:
    only_web = Events(condition=exp.column("channel").eq(exp.Literal.string("web")))
    got = rows(con, funnel_steps(only_web, SPEC))
    # web events only: u1 (A,B,C), u4 (A,B,C), u7 (A, B same instant), u6's second A (web) → A only
    assert [r[2] for r in got] == [4, 2, 2]


def test_an_empty_range_gives_zeros_not_nothing(con: duckdb.DuckDBPyConnection) -> None:
    spec = FunnelSpec(SPEC.steps, date(2030, 1, 1), date(2030, 1, 8), 7)
    assert [r[2] for r in rows(con, funnel_steps(Events(), spec))] == [0, 0, 0]


def test_a_step_that_repeats_the_first_counts_a_later_one(con: duckdb.DuckDBPyConnection) -> None:
    """A → A within 7 days ("paid again within 30 days": a repurchase rate): entrants by their
    first A in the range; reached 2 when a later A falls in the window. u6 (A, then A 3 days
    later) is the one; u1, u2, u3, u4, u7, u8 did A once (u9's A is at the range end)."""
    got = rows(con, funnel_steps(Events(), FunnelSpec(("A", "A"), SPEC.start, SPEC.end, 7)))
    assert [(r[0], r[1], r[2]) for r in got] == [(1, "A", 7), (2, "A", 1)]
