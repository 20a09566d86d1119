"""Metric queries on hand-made data whose answers were worked out by hand.

Range [2 Mar, 9 Mar 2026); baseline [23 Feb, 2 Mar).
u1 (East):  2 Mar 10:00 web product_page; 3 Mar 09:00 app product_page; 3 Mar 09:05 app payment 100
u2 (South): 4 Mar app product_page
u3 (East):  5 Mar web product_page; 5 Mar web payment 50
u4 (South): 24 Feb web product_page (baseline only)
Costs: web 30 on 2 Mar, app 50 on 3 Mar.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import duckdb
import pytest

from semantic_layer.compile.metrics import MetricQuery, compile_metrics
from semantic_layer.compile.scope import DimFilter, ScopeError
from semantic_layer.model.base import RowFilter
from semantic_layer.model.spec import ModelSpec

MODEL = ModelSpec.model_validate(
    {
        "version": 1,
        "name": "fixture",
        "settings": {"timezone": "Asia/Shanghai", "purchase_touchpoint": "payment"},
        "tables": {
            "events": {"time": "ts", "entity": "user_id", "joins": [{"table": "users"}]},
            "users": {"entity": "user_id"},
            "marketing_costs": {"time": "date"},
        },
        "dimensions": [
            {
                "name": "channel",
                "table": "events",
                "column": "channel",
                "also_in": {"marketing_costs": "channel"},
            },
            {"name": "region", "table": "users", "column": "region"},
        ],
        "measures": [
            {"name": "users", "table": "events", "agg": "count_distinct", "column": "user_id"},
            {
                "name": "purchasers",
                "table": "events",
                "agg": "count_distinct",
                "column": "user_id",
                "filters": [{"column": "touchpoint", "value": "payment"}],
            },
            {"name": "revenue", "table": "events", "agg": "sum", "column": "revenue"},
            {"name": "cost", "table": "marketing_costs", "agg": "sum", "column": "cost"},
        ],
        "metrics": [
            {"name": "active_users", "measure": "users"},
            {"name": "conversion_rate", "numerator": "purchasers", "denominator": "users"},
            {"name": "revenue", "measure": "revenue"},
            {"name": "roi", "numerator": "revenue", "denominator": "cost"},
            {
                "name": "revenue_per_user",
                "expr": {"op": "divide", "args": ["revenue", "active_users"]},
            },
            {
                "name": "view_to_buy",
                "base": {"touchpoint": "product_page"},
                "conversion": {"touchpoint": "payment"},
                "window_days": 1,
            },
        ],
    }
)
EVENTS = [
    ("u1", "2026-03-02 10:00", "web", "product_page", None),
    ("u1", "2026-03-03 09:00", "app", "product_page", None),
    ("u1", "2026-03-03 09:05", "app", "payment", 100.0),
    ("u2", "2026-03-04 10:00", "app", "product_page", None),
    ("u3", "2026-03-05 10:00", "web", "product_page", None),
    ("u3", "2026-03-05 10:10", "web", "payment", 50.0),
    ("u4", "2026-02-24 10:00", "web", "product_page", None),
]
START, END = date(2026, 3, 2), date(2026, 3, 9)


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (user_id VARCHAR, ts TIMESTAMP, channel VARCHAR, touchpoint VARCHAR, "
        "revenue DOUBLE)"
    )
    con.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", EVENTS)
    con.execute(
        "CREATE TABLE users AS SELECT * FROM (VALUES ('u1', 'East'), ('u2', 'South'), "
        "('u3', 'East'), ('u4', 'South')) AS t(user_id, region)"
    )
    con.execute(
        "CREATE TABLE marketing_costs AS SELECT * FROM (VALUES (DATE '2026-03-02', 'web', "
        "30.0), (DATE '2026-03-03', 'app', 50.0)) AS t(date, channel, cost)"
    )
    yield con
    con.close()


def run(con: duckdb.DuckDBPyConnection, **kwargs: Any) -> list[tuple[Any, ...]]:
    query = MetricQuery(start=kwargs.pop("start", START), end=kwargs.pop("end", END), **kwargs)
    return con.execute(compile_metrics(MODEL, query).sql("duckdb")).fetchall()


def test_totals(con: duckdb.DuckDBPyConnection) -> None:
    got = run(con, metrics=("active_users", "conversion_rate", "revenue", "revenue_per_user"))
    assert got == [(3, pytest.approx(2 / 3), 150.0, pytest.approx(50.0))]


def test_reach_by_channel_counts_a_user_on_every_channel_they_used(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert dict(run(con, metrics=("active_users",), dimensions=("channel",))) == {
        "web": 2,
        "app": 2,
    }


def test_conversion_by_channel_assigns_the_first_touch(con: duckdb.DuckDBPyConnection) -> None:
    got = dict(run(con, metrics=("conversion_rate",), dimensions=("channel",)))
    assert got == {"web": 1.0, "app": 0.0}  # u1 and u3 start on web; u2 on app


def test_a_filter_on_a_touch_attribute_keeps_rows_of_the_full_table(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """ "conversion rate by channel, only app" and "app conversion rate": u2 is the only user
    whose first touch is app, so 0.0 as in the full table — not u1 and u2 on app events alone
    (u1 paid on app, which would give 0.5)."""
    only_app = (DimFilter("channel", "=", ("app",)),)
    got = run(con, metrics=("conversion_rate",), dimensions=("channel",), filters=only_app)
    assert got == [("app", 0.0)]
    assert run(con, metrics=("conversion_rate",), filters=only_app) == [(0.0,)]
    web = (DimFilter("channel", "=", ("web",)),)
    assert run(con, metrics=("conversion_rate",), filters=web) == [(1.0,)]  # u1, u3 start on web
    assert run(con, metrics=("active_users",), filters=only_app) == [(2,)]  # counts stay per event


def test_conversion_by_channel_with_last_touch(con: duckdb.DuckDBPyConnection) -> None:
    got = dict(
        run(con, metrics=("conversion_rate",), dimensions=("channel",), channel_rule="last_touch")
    )
    assert got == {"web": 1.0, "app": 0.5}  # u1 ends on app


def test_a_ratio_across_tables(con: duckdb.DuckDBPyConnection) -> None:
    got = dict(run(con, metrics=("roi",), dimensions=("channel",)))
    assert got == {"web": pytest.approx(50 / 30), "app": pytest.approx(100 / 50)}


def test_dimension_through_a_join(con: duckdb.DuckDBPyConnection) -> None:
    assert dict(run(con, metrics=("revenue",), dimensions=("region",))) == {
        "East": 150.0,
        "South": 0,
    }


def test_comparison_with_the_previous_period(con: duckdb.DuckDBPyConnection) -> None:
    ((cur, prev, change, pct),) = run(
        con, metrics=("active_users",), baseline=(date(2026, 2, 23), date(2026, 3, 2))
    )
    assert (cur, prev, change) == (3, 1, 2) and pct == pytest.approx(2.0)


def test_conversion_metric_within_its_window(con: duckdb.DuckDBPyConnection) -> None:
    assert run(con, metrics=("view_to_buy",)) == [(pytest.approx(2 / 3),)]


def test_filters_and_row_filters(con: duckdb.DuckDBPyConnection) -> None:
    east = (RowFilter(dimension="region", op="=", value="East"),)
    assert run(con, metrics=("active_users",), row_filters=east) == [(2,)]
    web = (DimFilter("channel", "=", ("web",)),)
    assert run(con, metrics=("active_users",), filters=web) == [(2,)]
    assert run(con, metrics=("view_to_buy",), row_filters=east) == [(1.0,)]


def test_a_row_filter_that_cannot_reach_a_table_refuses(con: duckdb.DuckDBPyConnection) -> None:
    east = (RowFilter(dimension="region", op="=", value="East"),)
    with pytest.raises(ScopeError, match="region"):
        run(con, metrics=("roi",), row_filters=east)


def test_time_series_and_top_n(con: duckdb.DuckDBPyConnection) -> None:
    got = run(con, metrics=("revenue",), grain="day")
    assert [(r[0].day, r[1]) for r in got] == [(2, 0), (3, 100.0), (4, 0), (5, 50.0)]
    top = run(con, metrics=("revenue",), dimensions=("channel",), limit=1)
    assert top == [("app", 100.0)]


def test_drivers_for_a_count_rank_segments_by_their_change(con: duckdb.DuckDBPyConnection) -> None:
    from semantic_layer.compile.drivers import drivers

    query = MetricQuery(
        ("active_users",), START, END, baseline=(date(2026, 2, 23), date(2026, 3, 2))
    )
    got = con.execute(drivers(MODEL, query, ["channel"], min_size=0).sql("duckdb")).fetchall()
    # web: 2 now vs 1 (u4) before → +1; app: 2 vs 0 → +2
    assert [(r[1], r[5]) for r in got] == [("app", 2), ("web", 1)]


def test_drivers_for_a_rate_add_up_to_the_total_change(con: duckdb.DuckDBPyConnection) -> None:
    from semantic_layer.compile.drivers import drivers

    # conversion rate: now 2 of 3 (u1, u3 buy); before 0 of 1 (u4) → change +2/3
    query = MetricQuery(
        ("conversion_rate",), START, END, baseline=(date(2026, 2, 23), date(2026, 3, 2))
    )
    got = con.execute(
        drivers(MODEL, query, ["channel", "region"], min_size=0).sql("duckdb")
    ).fetchall()
    for dimension in ("channel", "region"):
        rows = [r for r in got if r[0] == dimension]
        assert sum(r[5] for r in rows) == pytest.approx(2 / 3)
        assert sum(r[6] + r[7] for r in rows) == pytest.approx(2 / 3)
    by_region = {r[1]: r for r in got if r[0] == "region"}
    # East is new (weight 0 → 2/3, rate 1): mix (2/3 − 0)(1 − 0); South: weight 1 → 1/3, rate 0 → 0
    assert by_region["East"][5] == pytest.approx(2 / 3) and by_region["South"][5] == pytest.approx(
        0
    )


def test_conversion_metric_compared_with_its_baseline(con: duckdb.DuckDBPyConnection) -> None:
    # now: u1, u3 of u1, u2, u3 convert; before: u4 viewed and did not buy
    ((cur, prev, change, _),) = run(
        con, metrics=("view_to_buy",), baseline=(date(2026, 2, 23), date(2026, 3, 2))
    )
    assert (cur, prev, change) == (pytest.approx(2 / 3), 0.0, pytest.approx(2 / 3))
    by_day = run(
        con, metrics=("view_to_buy",), grain="week", baseline=(date(2026, 2, 23), date(2026, 3, 2))
    )
    assert [(r[0].date(), r[1], r[2]) for r in by_day] == [
        (date(2026, 3, 2), pytest.approx(2 / 3), 0.0)
    ]


def test_a_ranking_leaves_out_the_group_with_no_value(con: duckdb.DuckDBPyConnection) -> None:
    """ "Which region has the most users" ranks regions; people with no region are no region
    (u9 has events but no users row). A plain breakdown still shows them as their own group."""
    con.execute("INSERT INTO events VALUES ('u9', '2026-03-04 11:00', 'app', 'product_page', NULL)")
    try:
        plain = run(con, metrics=("active_users",), dimensions=("region",))
        assert dict(plain) == {"East": 2, "South": 1, None: 1}
        ranked = run(
            con, metrics=("active_users",), dimensions=("region",), order_by="active_users"
        )
        assert ranked == [("East", 2), ("South", 1)]
    finally:
        con.execute("DELETE FROM events WHERE user_id = 'u9'")


def test_rows_without_a_split_or_a_value_make_no_empty_group() -> None:
    """Revenue by channel over events of which one has neither: no "(none)" row of 0; a row
    without a channel that has revenue is its own group; a channel without revenue shows 0."""
    con = duckdb.connect()
    con.execute("CREATE TABLE events (user_id VARCHAR, ts TIMESTAMP, channel VARCHAR, "
                "touchpoint VARCHAR, revenue DOUBLE)")  # fmt: skip
    con.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
        [*EVENTS, ("u5", "2026-03-06 10:00", None, "product_page", None)],
    )
    con.execute("CREATE TABLE users AS SELECT 'u1' AS user_id, 'East' AS region")
    got = dict(run(con, metrics=("revenue",), dimensions=("channel",)))
    assert got == {"web": 50.0, "app": 100.0}
    con.execute("INSERT INTO events VALUES ('u6', '2026-03-06 11:00', NULL, 'payment', 7.0)")
    con.execute(
        "INSERT INTO events VALUES ('u7', '2026-03-06 12:00', 'shop', 'product_page', NULL)"
    )
    got = dict(run(con, metrics=("revenue",), dimensions=("channel",)))
    assert got == {"web": 50.0, "app": 100.0, None: 7.0, "shop": 0}


def test_a_duration_keeps_the_milliseconds_of_its_timestamps() -> None:
    """392.04 s from opening to reply is 6.534 minutes, not the 6.533 of whole seconds."""
    spec = ModelSpec.model_validate(
        {
            "version": 1,
            "name": "tickets",
            "settings": {"timezone": "Asia/Shanghai"},
            "tables": {"tickets": {"time": "opened_ts", "entity": "user_id"}},
            "measures": [
                {"name": "reply", "table": "tickets", "agg": "median",
                 "duration": {"start": "opened_ts", "end": "replied_ts", "unit": "minutes"}},
            ],
            "metrics": [{"name": "reply_time", "measure": "reply", "format": "duration_minutes"}],
        }
    )  # fmt: skip
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE tickets AS SELECT 'u1' AS user_id, "
        "TIMESTAMP '2026-03-03 00:00:00.100' AS opened_ts, "
        "TIMESTAMP '2026-03-03 00:06:32.140' AS replied_ts"
    )
    query = MetricQuery(start=START, end=END, metrics=("reply_time",))
    ((minutes,),) = con.execute(compile_metrics(spec, query).sql("duckdb")).fetchall()
    assert minutes == pytest.approx(392.04 / 60)
