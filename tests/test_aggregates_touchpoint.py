"""The events clustered by touchpoint, `_tpa_by_touchpoint` (semantic_layer/compile/aggregates.py):
drivers and metric plans of conversion metrics, and Markov's transitions where their paths come
from `_tpa_steps`, read it instead of `events` where the database holds it current — and then give
the very rows of the raw events; other plans never read it; `connectors.aggregates.ensure` builds
only the pre-aggregates a database lacks."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest

from connectors.aggregates import AGGREGATES_TABLE, current, ensure
from connectors.engine import Engine
from semantic_layer.compile.aggregates import ALL, BY_TOUCHPOINT, USER_DAYS
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.model import demo_model, load_model
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext

ROOT = Path(__file__).resolve().parents[1]
AS_OF = date(2026, 11, 23)
DRIVERS = {"kind": "drivers", "metric": "checkout_conversion"}
APP = {"dimension": "channel", "values": ["app"]}
MINI = {"dimension": "acquisition_channel", "values": ["mini_program"]}

# (plan, role, whether the clustered events must be read)
DEMO_CASES: list[tuple[dict[str, Any], str | None, bool]] = [
    ({**DRIVERS, "time": "last_week", "dimensions": ["channel", "device", "region"]},
     None, True),
    ({**DRIVERS, "time": "last_quarter"}, None, True),  # every breakdown the role may use
    ({**DRIVERS, "time": "last_month", "filters": [APP]}, None, True),
    ({**DRIVERS, "time": "last_month", "filters": [MINI]}, None, True),  # joins users
    ({**DRIVERS, "time": "last_month"}, "east_marketing", True),  # a row filter
    ({"kind": "metric", "metrics": ["checkout_conversion"], "dimensions": ["channel"],
      "time": "last_month", "compare": "previous_period"}, None, True),
    ({"kind": "metric", "metrics": ["checkout_conversion"], "grain": "day",
      "time": "last_week"}, None, True),
    ({"kind": "drivers", "metric": "active_users", "time": "last_week"}, None, False),
    ({"kind": "metric", "metrics": ["checkout_conversion", "active_users"],
      "time": "last_week"}, None, False),  # one metric reads every touchpoint
    ({"kind": "funnel", "time": "last_week"}, None, False),
    ({"kind": "attribution", "model": "linear", "time": "last_month"}, None, False),
]  # fmt: skip

# Markov's transitions read events for their conversions alone where the paths come from
# _tpa_steps: (plan, whether the clustered events must be read)
MARKOV_CASES: list[tuple[dict[str, Any], bool]] = [
    ({"kind": "attribution", "model": "markov", "time": "last_month"}, True),
    ({"kind": "attribution", "model": "all", "time": "last_month", "filters": [MINI]}, True),
    ({"kind": "attribution", "model": "all", "time": "last_month", "filters": [APP]}, False),
]


def _compare(
    engine: Engine, model: SemanticModel, ctx: TimeContext, plan: dict[str, Any],
    role: str | None, exact: bool,
) -> None:  # fmt: skip
    parsed = parse_plan(plan)
    aggregates = current(engine)
    assert aggregates >= ALL
    plain = compile_plan(parsed, model, ctx, role)
    fast = compile_plan(parsed, model, ctx, role, aggregates=aggregates)
    slow_sql, fast_sql = plain.sql(), fast.sql()
    assert slow_sql is not None and fast_sql is not None
    assert BY_TOUCHPOINT not in slow_sql
    assert (BY_TOUCHPOINT in fast.aggregates) == exact, plan
    assert (BY_TOUCHPOINT in fast_sql) == exact, plan
    assert " events " not in fast_sql if exact else True, "every read of events is swapped"
    expected = _rows(engine, slow_sql)
    assert expected, f"a case with no rows proves nothing: {plan}"
    assert _rows(engine, fast_sql) == expected, plan


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


@pytest.mark.parametrize(("plan", "exact"), MARKOV_CASES)
def test_markov_rows_identical_with_and_without(
    demo_200k: Path, plan: dict[str, Any], exact: bool
) -> None:
    ctx = TimeContext.create("Asia/Shanghai", "monday", as_of=AS_OF)
    parsed = parse_plan(plan)
    with Engine(demo_200k) as engine:
        plain = compile_plan(parsed, demo_model(), ctx).extra_sql("transitions")
        fast = compile_plan(parsed, demo_model(), ctx, aggregates=current(engine))
        assert (BY_TOUCHPOINT in fast.aggregates) == exact
        fast_sql = fast.extra_sql("transitions")
        assert (BY_TOUCHPOINT in fast_sql) == exact
        assert BY_TOUCHPOINT not in (fast.sql() or "")  # the credits read events
        expected = _rows(engine, plain)
        assert expected
        assert _rows(engine, fast_sql) == expected


def test_it_holds_exactly_the_events(demo_200k: Path) -> None:
    with duckdb.connect(str(demo_200k), read_only=True) as con:
        events = con.execute("SELECT * FROM events ORDER BY ALL").fetchall()
        clustered = con.execute(f"SELECT * FROM {BY_TOUCHPOINT} ORDER BY ALL").fetchall()
    assert clustered == events


@pytest.fixture(scope="module")
def bikes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bikes domain's database, made by its generator through `tpa ingest`."""
    spec = importlib.util.spec_from_file_location(
        "bikes_generate", ROOT / "evals/domains/bikes/generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path_factory.mktemp("bikes") / "bikes.duckdb"
    assert module.main(["generate.py", str(path)]) == 0
    return path


BIKES_CASES: list[dict[str, Any]] = [
    {"kind": "drivers", "metric": "unlock_success_rate", "time": "last_month",
     "dimensions": ["channel", "city", "vehicle_type"]},
    {"kind": "drivers", "metric": "pass_conversion_rate", "time": "last_quarter"},
    {"kind": "metric", "metrics": ["unlock_success_rate"], "dimensions": ["city"],
     "time": "last_quarter", "compare": "previous_period"},
]  # fmt: skip


@pytest.mark.parametrize("plan", BIKES_CASES)
def test_domain_rows_identical_with_and_without(bikes: Path, plan: dict[str, Any]) -> None:
    model = load_model(ROOT / "evals/domains/bikes/model.yaml")
    s = model.settings
    ctx = TimeContext.create(s.timezone, s.week_start, as_of=date(2026, 11, 4))
    with Engine(bikes) as engine:
        _compare(engine, model, ctx, plan, None, True)


def test_ensure_builds_only_what_is_missing(demo_200k: Path, tmp_path: Path) -> None:
    """A database whose clustered events are missing gets them, current, while the others
    are left as they were (a marker row put in one survives)."""
    db = tmp_path / "demo.duckdb"
    db.write_bytes(demo_200k.read_bytes())
    with duckdb.connect(str(db)) as con:
        con.execute(f"DROP TABLE {BY_TOUCHPOINT}")
        con.execute(f"DELETE FROM {AGGREGATES_TABLE} WHERE name = '{BY_TOUCHPOINT}'")
        con.execute(f"INSERT INTO {USER_DAYS} VALUES ('marker', TIMESTAMP '2000-01-01')")
    with Engine(db) as engine:
        assert current(engine) & ALL == ALL - {BY_TOUCHPOINT}
    assert ensure(db)
    with Engine(db) as engine:
        assert current(engine) & ALL == ALL
    with duckdb.connect(str(db), read_only=True) as con:
        marker = f"SELECT count(*) FROM {USER_DAYS} WHERE user_id = 'marker'"
        assert con.execute(marker).fetchone() == (1,)
        assert con.execute(f"SELECT count(*) FROM {BY_TOUCHPOINT}").fetchone() == (
            con.execute("SELECT count(*) FROM events").fetchone()
        )
