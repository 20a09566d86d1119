"""Retention cohorts on hand-made users (weeks start Monday; cohorts of the weeks of 2 and 9 March
2026; data ends Wednesday 25 March).

u1: first 3 Mar, back 10 Mar (buy) and 24 Mar (offset 3, beyond the 2 asked for)
u2: first 4 Mar, back 5 Mar (same week)
u3: first 20 Feb, back 3 Mar: an old user, in no cohort
u4: first 10 Mar, back 17 Mar and 23 Mar
u5: first 12 Mar only
Week of 2 Mar: size 2, retained 2, 1, 0. Week of 9 Mar: size 2, retained 2, 1, 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import duckdb
import pytest
from sqlglot import exp

from semantic_layer.compile.retention import RetentionSpec, cohorts
from semantic_layer.compile.sql import Events, truncate

EVENTS = [
    ("u1", "2026-03-03 10:00", "view"),
    ("u1", "2026-03-10 10:00", "buy"),
    ("u1", "2026-03-24 10:00", "view"),
    ("u2", "2026-03-04 10:00", "view"),
    ("u2", "2026-03-05 10:00", "view"),
    ("u3", "2026-02-20 10:00", "view"),
    ("u3", "2026-03-03 10:00", "view"),
    ("u4", "2026-03-10 10:00", "view"),
    ("u4", "2026-03-17 10:00", "view"),
    ("u4", "2026-03-23 10:00", "view"),
    ("u5", "2026-03-12 10:00", "view"),
]
SPEC = RetentionSpec("week", 2, date(2026, 3, 2), date(2026, 3, 16), date(2026, 3, 25))


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    con.execute("CREATE TABLE events (user_id VARCHAR, ts TIMESTAMP, touchpoint VARCHAR)")
    con.executemany("INSERT INTO events VALUES (?, ?, ?)", EVENTS)
    yield con
    con.close()


def grid(con: duckdb.DuckDBPyConnection, spec: RetentionSpec) -> dict[tuple[date, int], int]:
    rows = con.execute(cohorts(Events(), spec).sql("duckdb")).fetchall()
    return {(r[0].date(), r[2]): r[3] for r in rows}


def test_cohort_cells(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(cohorts(Events(), SPEC).sql("duckdb")).fetchall()
    assert [(r[0].date(), r[1], r[2], r[3]) for r in rows] == [
        (date(2026, 3, 2), 2, 0, 2),
        (date(2026, 3, 2), 2, 1, 1),
        (date(2026, 3, 2), 2, 2, 0),
        (date(2026, 3, 9), 2, 0, 2),
        (date(2026, 3, 9), 2, 1, 1),
        (date(2026, 3, 9), 2, 2, 1),
    ]
    assert [r[4] for r in rows] == pytest.approx([1, 0.5, 0, 1, 0.5, 0.5])


def test_periods_not_started_yet_are_left_out(con: duckdb.DuckDBPyConnection) -> None:
    spec = RetentionSpec("week", 4, SPEC.start, SPEC.end, SPEC.data_end)
    cells = grid(con, spec)
    assert (date(2026, 3, 2), 3) in cells and (date(2026, 3, 2), 4) not in cells
    assert cells[(date(2026, 3, 2), 3)] == 1  # u1 on 24 Mar


def test_named_return_event(con: duckdb.DuckDBPyConnection) -> None:
    spec = RetentionSpec("week", 2, SPEC.start, SPEC.end, SPEC.data_end, return_touchpoint="buy")
    cells = grid(con, spec)
    assert cells[(date(2026, 3, 2), 0)] == 0 and cells[(date(2026, 3, 2), 1)] == 1


@pytest.mark.parametrize(
    ("week_start", "expected"),
    [(0, datetime(2026, 3, 2)), (6, datetime(2026, 3, 1)), (2, datetime(2026, 3, 4))],
)
def test_weeks_start_on_the_models_day(week_start: int, expected: datetime) -> None:
    day = exp.cast(exp.Literal.string("2026-03-07 12:00"), exp.DataType.Type.TIMESTAMP)
    query = exp.select(truncate(day, "week", week_start)).sql("duckdb")
    assert duckdb.sql(query).fetchall()[0][0] == expected
