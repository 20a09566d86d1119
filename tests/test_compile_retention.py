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

from semantic_layer.compile.compiler import compile_plan
from semantic_layer.compile.retention import RetentionSpec, cohorts
from semantic_layer.compile.sql import Events, truncate
from semantic_layer.model import demo_model
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext

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


def _reference(spec: RetentionSpec) -> str:
    """The plain formulation (each person's first event over all history) the compiled query must
    equal: no restriction to the people seen in the range."""
    period = {"day": "day", "week": "week", "month": "month"}[spec.grain]
    touch = f"touchpoint = '{spec.cohort_touchpoint}'" if spec.cohort_touchpoint else "TRUE"
    back = f"touchpoint = '{spec.return_touchpoint}'" if spec.return_touchpoint else "TRUE"
    step = "day" if spec.grain == "day" else ("week" if spec.grain == "week" else "month")
    diff = (
        "date_diff('month', m.cohort, a.p)"
        if spec.grain == "month"
        else f"date_diff('day', m.cohort, a.p) // {1 if spec.grain == 'day' else 7}"
    )
    return f"""
    WITH members AS (
      SELECT user_id, date_trunc('{period}', min(ts)) AS cohort FROM events WHERE {touch}
      GROUP BY user_id
      HAVING cohort >= TIMESTAMP '{spec.start}' AND cohort < TIMESTAMP '{spec.end}'
    ), activity AS (
      SELECT DISTINCT user_id, date_trunc('{period}', ts) AS p FROM events
      WHERE {back} AND ts >= TIMESTAMP '{spec.start}' AND ts < TIMESTAMP '{spec.data_end}'
    ), r AS (
      SELECT m.cohort, {diff} AS k, count(*) AS n
      FROM members m JOIN activity a ON a.user_id = m.user_id AND a.p >= m.cohort GROUP BY ALL
    ), s AS (SELECT cohort, count(*) AS size FROM members GROUP BY cohort)
    SELECT s.cohort, s.size, o.k, coalesce(r.n, 0)
    FROM s CROSS JOIN range({spec.periods + 1}) o(k)
    LEFT JOIN r ON r.cohort = s.cohort AND r.k = o.k
    WHERE s.cohort + INTERVAL (o.k) {step} < TIMESTAMP '{spec.data_end}'
    ORDER BY 1, 3"""


@pytest.mark.parametrize(
    "spec",
    [
        RetentionSpec("day", 6, date(2026, 2, 10), date(2026, 2, 17), date(2026, 3, 1)),
        RetentionSpec("week", 3, date(2026, 2, 4), date(2026, 2, 25), date(2026, 3, 1)),
        RetentionSpec("month", 2, date(2026, 1, 15), date(2026, 2, 15), date(2026, 3, 1)),
        RetentionSpec("month", 1, date(2025, 12, 10), date(2026, 2, 20), date(2026, 3, 1)),
        RetentionSpec(
            "week", 2, date(2026, 2, 2), date(2026, 2, 16), date(2026, 3, 1), "buy", "buy"
        ),
    ],
    ids=["day", "week-unaligned", "month-unaligned", "quarter-all-history", "touchpoints"],
)
def test_cohorts_equal_first_event_over_all_history(spec: RetentionSpec) -> None:
    """Up to two months the compiled cohorts read history only for the people first seen in the
    range (a semi-join), beyond it every person's first event: the rows must be those of
    the plain all-history formulation, on 300 people each starting on another day from December
    with 20 random events."""
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events AS SELECT 'u' || u AS user_id, TIMESTAMP '2025-12-01' "
        "+ to_seconds((u * 25000 + hash(i * 7) % (30 * 86400))::BIGINT) AS ts, "
        "CASE WHEN hash(i * 13) % 4 = 0 THEN 'buy' ELSE 'view' END AS touchpoint "
        "FROM (SELECT i, hash(i) % 300 AS u FROM range(6000) t(i))"
    )
    got = [r[:4] for r in con.execute(cohorts(Events(), spec).sql("duckdb")).fetchall()]
    want = con.execute(_reference(spec)).fetchall()
    assert want and got == [tuple(r) for r in want]


@pytest.mark.parametrize(("span", "inlined"), [("week", True), ("quarter", False)])
def test_short_ranges_inline_the_scoped_events(span: str, inlined: bool) -> None:
    """A filter on people's acquisition channel joins users into the scoped events: a short
    range reads them inlined (each reader scans its own time range), a long one materialised."""
    plan = {
        "kind": "retention",
        "cohort_grain": "day" if span == "week" else "month",
        "time": f"last_{span}",
        "filters": [{"dimension": "acquisition_channel", "values": ["mini_program"]}],
    }
    ctx = TimeContext(today=date(2026, 11, 23), timezone="Asia/Shanghai")
    sql = compile_plan(parse_plan(plan), demo_model(), ctx).sql() or ""
    assert "JOIN users" in sql
    assert ("scoped_events AS NOT MATERIALIZED" in sql) is inlined
    assert ("earlier AS" in sql) is inlined
