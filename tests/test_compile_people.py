"""Journey filters select people, not events (docs/design.md "Meanings": journey filters).

Hand-made events, range last week [16 Nov, 23 Nov 2026), funnel product page → cart → payment,
"for people from paid ads" (channel = paid_ads). Channels switch between steps:
- p1: product page on paid ads (first touch), cart in the app 10 min later, pays on WeChat the
      next day (24 h)                                       → a paid-ads person; reaches payment
- p2: product page in the app (first touch), product page and cart on paid ads
                                                            → not a paid-ads person
- p3: product page on paid ads, nothing else                → a paid-ads person; reaches step 1
- p4: an ad click on paid ads *before* the range; in the range first on the website
                                                            → not a paid-ads person (in range)
- p5: ad click on paid ads (first touch, not a step), then product page, cart and payment on the
      website (12 h)                                        → a paid-ads person; reaches payment
By first touch: reached 3, 2, 2 (p1, p3, p5). Filtering events instead would give 3, 1, 0.
By the entering step's event (`journey_filter: entry_step`): p1 and p3 → reached 2, 1, 1.
A plan may still ask for the steps on the value (`filter_scope: steps`, "the funnel on paid
ads"): p1, p2 and p3 enter there; only p2 adds to cart there → reached 3, 1, 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import duckdb
import pytest

from assistant.answer.narrate import answer_text
from assistant.answer.table import ResultTable
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import demo_model
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext

CTX = TimeContext(today=date(2026, 11, 23))
MODEL = demo_model()
PAID = [{"dimension": "channel", "values": ["paid_ads"]}]
STEPS = ["product_page", "add_to_cart", "payment"]
EVENTS = [
    ("p1", "2026-11-16 10:00", "product_page", "paid_ads"),
    ("p1", "2026-11-16 10:10", "add_to_cart", "app"),
    ("p1", "2026-11-17 10:00", "payment", "wechat_oa"),
    ("p2", "2026-11-17 09:00", "product_page", "app"),
    ("p2", "2026-11-17 09:10", "product_page", "paid_ads"),
    ("p2", "2026-11-17 09:20", "add_to_cart", "paid_ads"),
    ("p3", "2026-11-18 09:00", "product_page", "paid_ads"),
    ("p4", "2026-11-10 09:00", "ad_click", "paid_ads"),
    ("p4", "2026-11-19 10:00", "product_page", "website"),
    ("p4", "2026-11-19 10:05", "add_to_cart", "paid_ads"),
    ("p5", "2026-11-20 09:50", "ad_click", "paid_ads"),
    ("p5", "2026-11-20 10:00", "product_page", "website"),
    ("p5", "2026-11-20 10:10", "add_to_cart", "website"),
    ("p5", "2026-11-20 22:00", "payment", "website"),
]


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (event_id INTEGER, user_id VARCHAR, ts TIMESTAMP, touchpoint VARCHAR,"
        " channel VARCHAR, session_id VARCHAR, device VARCHAR, campaign VARCHAR, revenue DOUBLE,"
        " order_id VARCHAR, region VARCHAR, city VARCHAR)"
    )
    con.executemany(
        "INSERT INTO events VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        [(i, *e) for i, e in enumerate(EVENTS)],
    )
    yield con
    con.close()


def run(
    con: duckdb.DuckDBPyConnection, plan: dict[str, Any], model: SemanticModel = MODEL
) -> ResultTable:
    parsed = parse_plan(plan)
    compiled = compile_plan(parsed, model, CTX)
    sql = compiled.sql()
    assert sql is not None
    cursor = con.execute(sql)
    columns = tuple(d[0] for d in cursor.description)
    rows = tuple(tuple(r) for r in cursor.fetchall())
    return ResultTable(
        parsed, columns, ("VARCHAR",) * len(columns), rows, False, compiled.time_range
    )


def reached(table: ResultTable) -> list[int]:
    return [int(v) for v in table.column("reached")]


def funnel(**extra: Any) -> dict[str, Any]:
    return {"kind": "funnel", "steps": STEPS, "time": "last_week", **extra}


def test_funnel_for_a_channel_counts_its_people_converting_elsewhere(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert reached(run(con, funnel(filters=PAID))) == [3, 2, 2]
    assert reached(run(con, funnel())) == [5, 4, 2]  # everyone (p4 enters in range too)


def test_the_answer_names_the_rule(con: duckdb.DuckDBPyConnection) -> None:
    table = run(con, funnel(filters=PAID))
    en = answer_text(table, ModelLabels(MODEL), MODEL, "en")
    assert "People are picked by the channel of their first touch in the range" in en
    zh = answer_text(table, ModelLabels(MODEL), MODEL, "zh")
    assert "按用户在该时段内首次触达的渠道选出用户" in zh


def test_dropoff_and_time_to_convert_select_the_same_people(
    con: duckdb.DuckDBPyConnection,
) -> None:
    drop = run(con, {"kind": "dropoff", "steps": STEPS, "time": "last_week", "filters": PAID})
    assert {r["touchpoint"]: int(r["lost"]) for r in drop.records()} == {
        "product_page": 1,
        "add_to_cart": 0,
    }
    ttc = run(con, funnel(filters=PAID, measure="time_to_convert")).records()[0]
    assert (ttc["entrants"], ttc["converters"]) == (3, 2)
    assert ttc["median_hours"] == pytest.approx(18.0)


def test_paths_follow_the_people_on_every_channel(con: duckdb.DuckDBPyConnection) -> None:
    plan = {"kind": "paths", "touchpoint": "product_page", "time": "last_week", "filters": PAID}
    got = {r["touchpoint"]: int(r["occurrences"]) for r in run(con, plan).records()}
    assert got == {"add_to_cart": 2, "(exit)": 1}


def test_retention_cohort_is_the_channels_people(con: duckdb.DuckDBPyConnection) -> None:
    plan = {"kind": "retention", "cohort_grain": "week", "periods": 1, "time": "last_week"}
    sizes = {int(r["cohort_size"]) for r in run(con, {**plan, "filters": PAID}).records()}
    assert sizes == {3}  # p1, p3, p5 (p2 first touched the app, p4 was first seen earlier)


def test_entry_step_rule_reads_the_entering_event(con: duckdb.DuckDBPyConnection) -> None:
    spec = MODEL.spec.model_copy(
        update={"settings": MODEL.settings.model_copy(update={"journey_filter": "entry_step"})}
    )
    model = SemanticModel.create(spec)
    table = run(con, funnel(filters=PAID), model)
    assert reached(table) == [2, 1, 1]
    en = answer_text(table, ModelLabels(model), model, "en")
    assert "picked by the channel of the event that entered the journey" in en


def test_steps_scope_keeps_only_the_steps_on_the_value(con: duckdb.DuckDBPyConnection) -> None:
    # "the funnel on paid ads": p1 enters there (cart in the app does not count), p2's second
    # product page and cart were on paid ads, p3 enters
    table = run(con, funnel(filters=PAID, filter_scope="steps"))
    assert reached(table) == [3, 1, 0]
    en = answer_text(table, ModelLabels(MODEL), MODEL, "en")
    assert "Only steps that happened with that channel count." in en


def test_filters_on_people_attributes_and_touchpoints_are_unchanged(
    con: duckdb.DuckDBPyConnection,
) -> None:
    compiled = compile_plan(
        parse_plan(funnel(filters=[{"dimension": "region", "values": ["South"]}])), MODEL, CTX
    )
    assert "arg_min" not in (compiled.sql() or "").lower()
