"""The per-conversion pre-aggregate of attribution, `_tpa_touches_<hash>`
(semantic_layer/compile/touches.py): attribution's credits and Markov's converting paths read it
instead of joining each conversion with its lookback's events, only where the plan's conversion
touchpoint, lookback and half-life are the table's and its filters keep people whole — and then
give the very rows of the raw events; built by the demo, by `connectors.aggregates.ensure` with a
model, and rebuilt by every later load."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from connectors.aggregates import AGGREGATES_TABLE, build_statements, current, ensure
from connectors.engine import Engine
from semantic_layer.compile.compiler import Compiled, compile_plan
from semantic_layer.compile.touches import TouchesKey, model_key
from semantic_layer.model import demo_model, load_model
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext
from tests.demo_cache import domain_copy
from tests.reingest import reingest_events_since

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 23)
ALL_MODELS = {"kind": "attribution", "model": "all"}
MINI = {"dimension": "acquisition_channel", "values": ["mini_program"]}
APP = {"dimension": "channel", "values": ["app"]}

# (plan, role, whether the table is exact for it and so must be read)
DEMO_CASES: list[tuple[dict[str, Any], str | None, bool]] = [
    ({**ALL_MODELS, "time": "last_month"}, None, True),
    ({**ALL_MODELS, "time": "last_quarter", "by": "touchpoint"}, None, True),
    ({**ALL_MODELS, "time": "last_week", "value": "revenue"}, None, True),
    ({"kind": "attribution", "model": "markov", "time": "last_month"}, None, True),
    ({"kind": "attribution", "model": "time_decay", "time": "2026-10"}, None, True),
    ({"kind": "attribution", "model": "position_based", "time": "last_7_days",
      "by": "touchpoint", "value": "revenue"}, None, True),
    ({**ALL_MODELS, "time": "last_month", "lookback_days": 30}, None, True),  # the model's
    ({**ALL_MODELS, "time": "last_month", "conversion_touchpoint": "payment"}, None, True),
    ({**ALL_MODELS, "time": "last_month", "filters": [MINI]}, None, True),  # keeps people whole
    ({**ALL_MODELS, "time": "last_month", "filters": [APP]}, None, False),  # selects events
    ({**ALL_MODELS, "time": "last_month"}, "east_marketing", False),  # region is on events too
    ({**ALL_MODELS, "time": "last_month", "lookback_days": 7}, None, False),
    ({**ALL_MODELS, "time": "last_month", "half_life_days": 14}, None, False),
    ({**ALL_MODELS, "time": "last_month", "conversion_touchpoint": "checkout"}, None, False),
]  # fmt: skip


def _queries(compiled: Compiled) -> list[str]:
    sql = compiled.sql()
    assert sql is not None
    return [sql, *(compiled.extra_sql(name) for name in compiled.extra)]


def _rows(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    """The rows, sorted, floats to 9 places (parallel sums add in any order)."""
    rows = engine.run(sql, row_cap=100_000).rows
    rounded = [tuple(round(v, 9) if isinstance(v, float) else v for v in r) for r in rows]
    return sorted(rounded, key=repr)


def _compare(
    engine: Engine, model: SemanticModel, ctx: TimeContext, plan: dict[str, Any],
    role: str | None, exact: bool, table: str,
) -> None:  # fmt: skip
    parsed = parse_plan(plan)
    aggregates = current(engine)
    assert table in aggregates
    plain = compile_plan(parsed, model, ctx, role)
    fast = compile_plan(parsed, model, ctx, role, aggregates=aggregates)
    assert not any(table in sql for sql in _queries(plain))
    assert (table in fast.aggregates) == exact, plan
    assert all((table in sql) == exact for sql in _queries(fast)), plan
    for raw, read in zip(_queries(plain), _queries(fast), strict=True):
        expected = _rows(engine, raw)
        assert expected, f"a case with no rows proves nothing: {plan}"
        assert _rows(engine, read) == expected, plan


def _demo_table() -> str:
    key = model_key(demo_model().spec)
    assert key == TouchesKey("payment", 30, 7.0)
    return key.table


@pytest.mark.parametrize(("plan", "role", "exact"), DEMO_CASES)
def test_demo_rows_identical_with_and_without(
    demo_200k: Path, plan: dict[str, Any], role: str | None, exact: bool
) -> None:
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    with Engine(demo_200k) as engine:
        _compare(engine, demo_model(), ctx, plan, role, exact, _demo_table())


def _hand_made(db: Path, rows: list[tuple[Any, ...]]) -> None:
    """The events of `db` from November on replaced by `rows`, and every pre-aggregate built
    again (the demo model's per-conversion table among them) as a load would."""
    with duckdb.connect(str(db)) as con:
        con.execute("DELETE FROM events WHERE ts >= TIMESTAMP '2026-11-01'")
        con.executemany(
            "INSERT INTO events (event_id, user_id, ts, channel, touchpoint, revenue) "
            "VALUES (?, ?, CAST(? AS TIMESTAMP), ?, ?, ?)",
            rows,
        )
        key = model_key(demo_model().spec)
        assert key is not None
        for statement in build_statements(touches=[key]):
            con.execute(statement)


EDGES = [  # event_id, user_id, ts, channel, touchpoint, revenue
    ("p1", "u3", "2026-10-18 11:59:59", "email", "email_click", None),  # a second too early
    ("p0", "u3", "2026-10-18 12:00:00", "web", "search", None),  # 30 days before p4: a touch
    ("p2", "u3", "2026-11-17 11:00:00", "app", "product_page", None),
    ("p3", "u3", "2026-11-17 11:00:00", "web", "add_to_cart", None),  # a tie, after p2 by id
    ("p8", "u3", "2026-11-17 11:30:00", "web", "add_to_cart", None),  # a repeated key
    ("p4", "u3", "2026-11-17 12:00:00", "app", "payment", 120.0),
    ("p5", "u3", "2026-11-17 12:00:00", "web", "checkout", None),  # at p4's time: not its touch
    ("p7", "u3", "2026-11-19 10:00:00", None, "search", None),  # a touch without a channel
    ("p6", "u3", "2026-11-20 09:00:00", "web", "payment", None),  # p4 is one of its touches
    ("q1", "u4", "2026-11-18 08:00:00", "app", "payment", 35.5),  # no touch before it
    ("r1", "u5", "2026-11-16 00:00:00", "app", "search", None),  # at the range's start
    ("r2", "u5", "2026-11-22 23:59:59", "app", "payment", 9.0),  # the range's last second
    ("s1", "u6", "2026-11-17 09:00:00", "web", "product_page", None),  # never converts
    ("s2", "u6", "2026-11-17 09:05:00", "app", "cart", None),
]


def test_lookback_edges_ties_and_conversions_without_touches(tmp_path: Path) -> None:
    """Hand-made events where the walk's edges matter: a touch exactly at the lookback's start
    and one a second before it, two touches at one time (ordered by id), an event at the
    conversion's own time (not a touch), a conversion that is a touch of the next, a touch
    without a channel, a conversion without touches, conversions at the range's two ends."""
    from connectors.demo import build_demo

    db = tmp_path / "demo.duckdb"
    build_demo(db, as_of=AS_OF, events=2_000)
    _hand_made(db, EDGES)
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    with Engine(db) as engine:
        held = current(engine)
        for plan in (
            {**ALL_MODELS, "time": "last_week"},
            {**ALL_MODELS, "time": "last_week", "by": "touchpoint", "value": "revenue"},
            {"kind": "attribution", "model": "markov", "time": "2026-11-17"},
            {"kind": "attribution", "model": "position_based", "time": "last_week"},
        ):
            _compare(engine, demo_model(), ctx, plan, None, True, _demo_table())
        fast = compile_plan(parse_plan(EDGES_PLAN), demo_model(), ctx, aggregates=held)
        assert _demo_table() in fast.aggregates
        credits = engine.run(fast.sql() or "")
    # worked out by hand: p4 ← p0 web, p2 app, p3 web, p8 web (linear: web 3/4, app 1/4);
    # p6 ← p2 app, p3 web, p8 web, p4 app, p5 web, p7 none (web 3/6, app 2/6, none 1/6);
    # q1: none; r2 ← r1 app
    at = credits.columns.index("linear")
    linear = {str(row[0]): float(row[at]) for row in credits.rows}
    assert linear == pytest.approx({"web": 1.25, "app": 1.25 + 1 / 3, "(no prior touch)": 7 / 6})


EDGES_PLAN = {"kind": "attribution", "model": "linear", "time": "last_week"}


def test_conversions_sharing_an_id_leave_it_unread(tmp_path: Path) -> None:
    """Two conversions with one event id: the raw query walks them as one, so the table is not
    exact and a load leaves it untagged; the compiler then reads the raw events, and `ensure`
    does not build it."""
    from connectors.demo import build_demo

    db = tmp_path / "demo.duckdb"
    build_demo(db, as_of=AS_OF, events=2_000)
    _hand_made(db, [*EDGES, ("q1", "u7", "2026-11-19 08:00:00", "web", "payment", 1.0)])
    with Engine(db) as engine:
        held = current(engine)
    assert _demo_table() not in held
    plan = parse_plan({**ALL_MODELS, "time": "last_week"})
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    assert _demo_table() not in compile_plan(plan, demo_model(), ctx, aggregates=held).aggregates
    with duckdb.connect(str(db)) as con:  # and `ensure` does not build it again in vain
        con.execute(f"DROP TABLE {_demo_table()}")
    assert ensure(db, demo_model().spec)
    with duckdb.connect(str(db), read_only=True) as con:
        names = {
            str(r[0]) for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        }
    assert _demo_table() not in names


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bank domain's database, made by its generator through `tpa ingest`, then given the
    per-conversion table of its model (`connectors.aggregates.ensure`)."""
    path = domain_copy(tmp_path_factory, "bank")
    assert ensure(path, _bank_model().spec)
    return path


def _bank_model() -> SemanticModel:
    return load_model(ROOT / "evals/domains/bank/model.yaml")


def _bank_table() -> str:
    key = model_key(_bank_model().spec)
    assert key is not None and key.conversion_touchpoint == "first_card_spend"
    return key.table


BANK_CASES: list[dict[str, Any]] = [
    {"kind": "attribution", "model": "all", "time": "last_quarter"},
    {"kind": "attribution", "model": "all", "by": "touchpoint", "time": "2026-Q1"},
    {"kind": "attribution", "model": "markov", "time": "2026-03", "value": "revenue"},
]


@pytest.mark.parametrize("plan", BANK_CASES)
def test_domain_rows_identical_with_and_without(bank: Path, plan: dict[str, Any]) -> None:
    model = _bank_model()
    s = model.settings
    ctx = TimeContext.create(s.timezone, s.week_start, as_of=date(2026, 6, 15))
    with Engine(bank) as engine:
        _compare(engine, model, ctx, plan, None, True, _bank_table())


def test_tpa_ingest_rebuilds_it_with_its_key(bank: Path, tmp_path: Path) -> None:
    """A later `tpa ingest` (which knows no model) rebuilds the table from the new events with
    the key recorded beside its tag, in its own transaction, and tags it current."""
    db = tmp_path / "bank.duckdb"
    shutil.copyfile(bank, db)
    table = _bank_table()
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    reingest_events_since(db, "2026-03-01", tmp_path)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone() != before
        tags = con.execute(f"SELECT params FROM {AGGREGATES_TABLE} WHERE name = ?", [table])
        params = tags.fetchall()
    assert [TouchesKey.from_params(str(p)) for (p,) in params] == [model_key(_bank_model().spec)]
    with Engine(db) as engine:
        assert table in current(engine)
    model = _bank_model()
    ctx = TimeContext.create(model.settings.timezone, "monday", as_of=date(2026, 6, 15))
    with Engine(db) as engine:
        _compare(engine, model, ctx, BANK_CASES[0], None, True, table)


def test_tpa_ingest_with_a_model_builds_it(bank: Path, tmp_path: Path) -> None:
    """`tpa ingest --model` gives a database without the table the one of the model's default
    attribution; a model that is not valid stops it before anything is loaded."""
    from typer.testing import CliRunner

    from tests.reingest import events_config
    from ui.cli.app import app

    db = tmp_path / "bank.duckdb"
    shutil.copyfile(bank, db)
    table = _bank_table()
    with duckdb.connect(str(db)) as con:
        con.execute(f"DROP TABLE {table}")
        con.execute(f"DELETE FROM {AGGREGATES_TABLE} WHERE name = '{table}'")
    config = events_config(db, "2026-02-01", tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("settings: [\n", encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, ["ingest", str(config), "--db", str(db), "--model", str(bad)])
    assert refused.exit_code == 2 and "bad.yaml" in refused.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT min(ts) < TIMESTAMP '2026-02-01' FROM events").fetchone() == (
            True,
        )  # not loaded
    model = str(ROOT / "evals/domains/bank/model.yaml")
    done = runner.invoke(app, ["ingest", str(config), "--db", str(db), "--model", model])
    assert done.exit_code == 0, done.output
    assert "attribution pre-aggregate (first_card_spend, 30-day lookback" in done.output
    bank_model = _bank_model()
    ctx = TimeContext.create(bank_model.settings.timezone, "monday", as_of=date(2026, 6, 15))
    with Engine(db) as engine:
        _compare(engine, bank_model, ctx, BANK_CASES[0], None, True, table)
