"""The neighbours' pre-aggregate `_tpa_steps` (semantic_layer/compile/aggregates.py,
neighbours.py): paths' "what comes after/before X" and Markov attribution's paths (converting and
not) read each event's neighbour from it instead of a window, only where exact — and then give the
very rows of the raw events; every load rebuilds it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from connectors.aggregates import AGGREGATES_TABLE, current
from connectors.engine import Engine
from semantic_layer.compile.aggregates import ALL, STEPS
from semantic_layer.compile.compiler import Compiled, compile_plan
from semantic_layer.model import demo_model, load_model
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext
from tests.demo_cache import domain_copy
from tests.reingest import reingest_events_since

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 23)
MINI = {"dimension": "acquisition_channel", "values": ["mini_program"]}
APP = {"dimension": "channel", "values": ["app"]}
PATHS = {"kind": "paths", "touchpoint": "product_page"}
MARKOV = {"kind": "attribution", "model": "markov"}

# (plan, role, whether the pre-aggregate is exact for it and so must be chosen)
DEMO_CASES: list[tuple[dict[str, Any], str | None, bool]] = [
    ({**PATHS, "time": "last_week"}, None, True),
    ({**PATHS, "time": "last_quarter", "direction": "before"}, None, True),
    ({**PATHS, "touchpoint": "checkout", "time": "last_month", "session_gap_minutes": 5},
     None, True),
    ({**PATHS, "time": "last_month", "filters": [MINI]}, None, True),  # per person
    ({**PATHS, "time": "last_month", "filters": [APP]}, None, True),  # selects people
    ({**PATHS, "time": "last_month", "filters": [APP], "filter_scope": "steps"}, None, False),
    ({**PATHS, "time": "last_month"}, "east_marketing", False),  # region is on events too
    ({**PATHS, "time": "last_month", "mode": "top_paths"}, None, False),  # sessions: not read
    ({**MARKOV, "time": "last_month"}, None, True),
    ({**MARKOV, "time": "last_quarter", "by": "touchpoint"}, None, True),
    ({"kind": "attribution", "model": "all", "time": "last_month", "filters": [MINI]}, None, True),
    ({**MARKOV, "time": "last_month", "filters": [APP]}, None, False),  # selects events
    ({**MARKOV, "time": "last_month"}, "east_marketing", False),
    ({"kind": "attribution", "model": "linear", "time": "last_month"}, None, False),  # no Markov
    ({"kind": "attribution", "model": "all", "time": "last_week", "value": "revenue"},
     None, True),
    ({**MARKOV, "time": "last_quarter", "by": "touchpoint", "lookback_days": 7}, None, True),
]  # fmt: skip


def _query(compiled: Compiled) -> str:
    """The query the pre-aggregate serves: Markov's transitions, else the main query."""
    if "transitions" in compiled.extra:
        return compiled.extra_sql("transitions")
    sql = compiled.sql()
    assert sql is not None
    return sql


def _compare(
    engine: Engine, model: SemanticModel, ctx: TimeContext, plan: dict[str, Any],
    role: str | None, exact: bool,
) -> None:  # fmt: skip
    parsed = parse_plan(plan)
    aggregates = current(engine)
    assert aggregates >= ALL
    plain = compile_plan(parsed, model, ctx, role)
    fast = compile_plan(parsed, model, ctx, role, aggregates=aggregates)
    assert STEPS not in plain.aggregates and STEPS not in _query(plain)
    assert (STEPS in fast.aggregates) == exact, plan
    assert (STEPS in _query(fast)) == exact, plan
    expected = _rows(engine, _query(plain))
    assert expected, f"a case with no rows proves nothing: {plan}"
    assert _rows(engine, _query(fast)) == expected, plan


def _rows(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    """The rows, sorted, floats to 9 places (parallel sums add in any order)."""
    rows = engine.run(sql, row_cap=100_000).rows
    rounded = [tuple(round(v, 9) if isinstance(v, float) else v for v in r) for r in rows]
    return sorted(rounded, key=repr)


@pytest.mark.parametrize(("plan", "role", "exact"), DEMO_CASES)
def test_demo_rows_identical_with_and_without(
    demo_200k: Path, plan: dict[str, Any], role: str | None, exact: bool
) -> None:
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    with Engine(demo_200k) as engine:
        _compare(engine, demo_model(), ctx, plan, role, exact)


def test_range_edges_and_ties(tmp_path: Path) -> None:
    """Hand-made events where the windows' edges matter: a neighbour just outside the range,
    equal timestamps ordered by touchpoint (paths) or event id (attribution), a next event with
    no channel (Markov counts an exit there), a person with no id; for Markov's converting paths,
    a touch exactly at the lookback's start and one a second before it, an event at the
    conversion's own time (not a touch), a conversion that is a touch of the next one, a touch
    without a channel and a conversion without touches."""
    from connectors.demo import build_demo

    db = tmp_path / "demo.duckdb"
    build_demo(db, as_of=AS_OF, events=2_000)
    rows = [  # event_id, user_id, ts, channel, touchpoint
        ("e1", "u1", "2026-11-15 23:50:00", "app", "product_page"),  # before the week
        ("e2", "u1", "2026-11-16 00:05:00", "app", "product_page"),
        ("e4", "u1", "2026-11-16 00:06:00", "web", "search"),  # a tie: search after cart
        ("e3", "u1", "2026-11-16 00:06:00", "app", "add_to_cart"),
        ("e5", "u1", "2026-11-22 23:55:00", "app", "product_page"),
        ("e6", "u1", "2026-11-23 00:01:00", "web", "checkout"),  # after the week
        ("e7", "u2", "2026-11-17 10:00:00", "app", "product_page"),
        ("e8", "u2", "2026-11-17 10:10:00", None, "product_page"),
        ("e9", None, "2026-11-18 10:00:00", "app", "product_page"),
        ("p1", "u3", "2026-10-18 11:59:59", "email", "email_click"),  # a second too early
        ("p0", "u3", "2026-10-18 12:00:00", "web", "search"),  # 30 days before p4: a touch
        ("p2", "u3", "2026-11-17 11:00:00", "app", "product_page"),
        ("p3", "u3", "2026-11-17 11:00:00", "web", "add_to_cart"),  # a tie, after p2 by id
        ("p4", "u3", "2026-11-17 12:00:00", "app", "payment"),
        ("p5", "u3", "2026-11-17 12:00:00", "web", "checkout"),  # at p4's time: not its touch
        ("p7", "u3", "2026-11-19 10:00:00", None, "search"),
        ("p6", "u3", "2026-11-20 09:00:00", "web", "payment"),  # p4 is one of its touches
        ("q1", "u4", "2026-11-18 08:00:00", "app", "payment"),  # no touch before it
    ]
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM events WHERE ts >= TIMESTAMP '2026-11-01'")
        con.executemany(
            "INSERT INTO events (event_id, user_id, ts, channel, touchpoint) "
            "VALUES (?, ?, CAST(? AS TIMESTAMP), ?, ?)",
            rows,
        )
        from connectors.aggregates import build_statements

        for statement in build_statements():
            con.execute(statement)
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    with Engine(db) as engine:
        for plan in (
            {**PATHS, "time": "last_week"},
            {**PATHS, "time": "last_week", "direction": "before"},
            {**PATHS, "touchpoint": "add_to_cart", "time": "last_week"},
            {**MARKOV, "time": "last_week"},
            {**MARKOV, "time": "last_week", "by": "touchpoint"},
            {"kind": "attribution", "model": "all", "time": "last_week", "lookback_days": 30},
        ):
            _compare(engine, demo_model(), ctx, plan, None, True)


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bank domain's database, made by its generator through `tpa ingest`."""
    path = domain_copy(tmp_path_factory, "bank")
    return path


BANK_CASES: list[dict[str, Any]] = [
    {"kind": "paths", "touchpoint": "card_apply_start", "time": "last_quarter"},
    {"kind": "paths", "touchpoint": "card_approved", "direction": "before", "time": "2026-Q1"},
    {"kind": "attribution", "model": "markov", "time": "last_quarter"},
    {"kind": "attribution", "model": "all", "by": "touchpoint", "time": "2026-Q1"},
]


@pytest.mark.parametrize("plan", BANK_CASES)
def test_domain_rows_identical_with_and_without(bank: Path, plan: dict[str, Any]) -> None:
    model = load_model(ROOT / "evals/domains/bank/model.yaml")
    s = model.settings
    ctx = TimeContext.create(s.timezone, s.week_start, as_of=date(2026, 6, 15))
    with Engine(bank) as engine:
        _compare(engine, model, ctx, plan, None, True)


NEIGHBOURS = """
SELECT user_id, ts, touchpoint, event_id,
    lead(touchpoint) OVER (PARTITION BY user_id ORDER BY ts, touchpoint),
    lag(channel) OVER (PARTITION BY user_id ORDER BY ts, event_id)
FROM events ORDER BY ALL
"""


def test_tpa_ingest_rebuilds_them(bank: Path, tmp_path: Path) -> None:
    """`tpa ingest` of part of the events rebuilds the neighbours from the new events in its
    own transaction and tags them current."""
    db = tmp_path / "bank.duckdb"
    shutil.copyfile(bank, db)
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute(f"SELECT count(*) FROM {STEPS}").fetchone()
    reingest_events_since(db, "2026-03-01", tmp_path)
    mirror = NEIGHBOURS.replace("FROM events", "FROM (SELECT * FROM events)")
    built = (
        f"SELECT user_id, ts, touchpoint, event_id, p_next_tp, a_prev_channel FROM {STEPS} "
        "ORDER BY ALL"
    )
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(f"SELECT count(*) FROM {STEPS}").fetchone() != before
        assert con.execute(built).fetchall() == con.execute(mirror).fetchall()
        tagged = con.execute(f"SELECT name FROM {AGGREGATES_TABLE}").fetchall()
        assert (STEPS,) in tagged
    with Engine(db) as engine:
        assert STEPS in current(engine)
