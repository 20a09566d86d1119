"""Pre-aggregated tables (semantic_layer/compile/aggregates.py, connectors/aggregates.py): built
by every load in its transaction, read only while current, chosen only where exact — and then
giving the very rows of the raw events."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from connectors.aggregates import AGGREGATES_TABLE, current
from connectors.engine import Engine
from semantic_layer.compile.aggregates import ALL, FIRST_TOUCH, USER_DAYS
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.compile.touches import model_key
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

# (plan, role, whether the pre-aggregate is exact for it and so must be chosen)
DEMO_CASES: list[tuple[dict[str, Any], str | None, bool]] = [
    ({"kind": "retention", "time": "last_week", "cohort_grain": "day", "periods": 6}, None, True),
    ({"kind": "retention", "time": "last_quarter", "cohort_grain": "month", "periods": 3},
     None, True),
    ({"kind": "retention", "time": "last_quarter", "cohort_grain": "week", "periods": 4,
      "filters": [MINI]}, None, True),
    ({"kind": "retention", "time": "last_month", "cohort_grain": "week", "periods": 2,
      "cohort_touchpoint": "product_page", "return_touchpoint": "checkout"}, None, True),
    ({"kind": "retention", "time": "this_year", "cohort_grain": "month", "periods": 3,
      "filters": [APP]}, None, True),  # an event attribute selects people: still whole people
    ({"kind": "retention", "time": "last_month", "cohort_grain": "week", "periods": 2,
      "filters": [APP], "filter_scope": "steps"}, None, False),  # events, not people
    ({"kind": "retention", "time": "last_month", "cohort_grain": "week", "periods": 2,
      "filters": [{"dimension": "device", "values": ["ios"]}], "filter_scope": "steps"},
     None, False),
    ({"kind": "retention", "time": "last_quarter", "cohort_grain": "month", "periods": 2},
     "east_marketing", False),  # the role's region is also a column of events
]  # fmt: skip


def _rows(engine: Engine, sql: str | None) -> list[tuple[Any, ...]]:
    assert sql is not None
    return sorted(engine.run(sql, row_cap=100_000).rows, key=repr)


def _compare(
    engine: Engine, model: SemanticModel, ctx: TimeContext, plan: dict[str, Any],
    role: str | None, exact: bool,
) -> None:  # fmt: skip
    parsed = parse_plan(plan)
    aggregates = current(engine)
    assert aggregates >= ALL
    plain = compile_plan(parsed, model, ctx, role)
    fast = compile_plan(parsed, model, ctx, role, aggregates=aggregates)
    assert plain.aggregates == frozenset()
    assert (FIRST_TOUCH in fast.aggregates) == exact, plan
    assert (USER_DAYS in fast.aggregates) == (exact and "return_touchpoint" not in plan), plan
    sql = fast.sql()
    assert sql is not None and (FIRST_TOUCH in sql) == exact
    expected = _rows(engine, plain.sql())
    assert expected, f"a case with no rows proves nothing: {plan}"
    assert _rows(engine, sql) == expected, plan


@pytest.mark.parametrize(("plan", "role", "exact"), DEMO_CASES)
def test_demo_rows_identical_with_and_without(
    demo_200k: Path, plan: dict[str, Any], role: str | None, exact: bool
) -> None:
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    with Engine(demo_200k) as engine:
        _compare(engine, demo_model(), ctx, plan, role, exact)


def test_other_engines_and_stale_tables_are_never_read(demo_200k: Path, tmp_path: Path) -> None:
    copy = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_200k, copy)
    with duckdb.connect(str(copy)) as con:  # a load recorded by a tool that builds no tables
        con.execute("INSERT INTO _tpa_loads VALUES ('elsewhere', now(), 'other')")
    with Engine(copy) as engine:
        assert current(engine) == frozenset()

    class Other:
        dialect = "clickhouse"

    assert current(Other()) == frozenset()  # type: ignore[arg-type]
    plan = parse_plan({"kind": "retention", "time": "last_week", "cohort_grain": "day"})
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    compiled = compile_plan(plan, demo_model(), ctx, aggregates=frozenset())
    assert FIRST_TOUCH not in (compiled.sql() or "")


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bank domain's database, made by its generator through `tpa ingest`."""
    path = domain_copy(tmp_path_factory, "bank")
    return path


BANK_CASES: list[dict[str, Any]] = [
    {"kind": "retention", "time": "2026-01",
     "cohort_grain": "month", "periods": 2},
    {"kind": "retention", "time": "last_quarter", "cohort_grain": "week", "periods": 4},
    {"kind": "retention", "time": "last_month", "cohort_grain": "day", "periods": 7,
     "filters": [{"dimension": "channel", "values": ["app"]}]},
]  # fmt: skip


@pytest.fixture(scope="module")
def bank_model() -> SemanticModel:
    return load_model(ROOT / "evals/domains/bank/model.yaml")


@pytest.mark.parametrize("plan", BANK_CASES)
def test_domain_rows_identical_with_and_without(
    bank: Path, bank_model: SemanticModel, plan: dict[str, Any]
) -> None:
    s = bank_model.settings
    ctx = TimeContext.create(s.timezone, s.week_start, as_of=date(2026, 6, 15))
    with Engine(bank) as engine:
        _compare(engine, bank_model, ctx, plan, None, True)


def test_tpa_ingest_rebuilds_them(demo_200k: Path, tmp_path: Path) -> None:
    """`tpa ingest` of events without their first months rebuilds the table from the new events
    in its own transaction and tags it current; retention then matches the raw events again."""
    db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_200k, db)
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute(f"SELECT version FROM {AGGREGATES_TABLE}").fetchall()
    reingest_events_since(db, "2026-06-01", tmp_path)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(f"SELECT version FROM {AGGREGATES_TABLE}").fetchall() != before
        truth = con.execute("SELECT user_id, min(ts) FROM events GROUP BY 1 ORDER BY 1").fetchall()
        built = con.execute(
            f"SELECT user_id, first_ts FROM {FIRST_TOUCH} WHERE touchpoint IS NULL ORDER BY 1"
        ).fetchall()
        assert built == truth and min(ts for _, ts in built) >= datetime(2026, 6, 1)
        days = "SELECT DISTINCT user_id, date_trunc('day', ts) FROM events ORDER BY 1, 2"
        assert con.execute(f"SELECT * FROM {USER_DAYS} ORDER BY 1, 2").fetchall() == (
            con.execute(days).fetchall()
        )
    with Engine(db) as engine:
        plan = {"kind": "retention", "time": "last_quarter", "cohort_grain": "week", "periods": 3}
        _compare(
            engine,
            demo_model(),
            TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF),
            plan,
            None,
            True,
        )


def test_a_demo_built_before_them_gets_them(demo_200k: Path, tmp_path: Path) -> None:
    from connectors.demo import existing_demo

    old = tmp_path / "old.duckdb"
    shutil.copyfile(demo_200k, old)
    with duckdb.connect(str(old)) as con:
        con.execute(f"DROP TABLE {AGGREGATES_TABLE}")
        con.execute(f"DROP TABLE {FIRST_TOUCH}")
    with Engine(old) as engine:
        assert current(engine) == frozenset()
    assert existing_demo(old, as_of=AS_OF, events=200_000) is not None
    key = model_key(demo_model().spec)
    assert key is not None
    with Engine(old) as engine:  # with the demo model's per-conversion attribution table
        assert current(engine) == ALL | {key.table}
