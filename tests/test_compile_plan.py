"""Every plan kind compiles through `compile_plan`, passes the guard, binds in DuckDB, matches its
golden SQL, and a role limited to the East region sees exactly the East-only truth."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from connectors.engine import Engine
from semantic_layer.compile.access import AccessDenied
from semantic_layer.compile.compiler import compile_plan
from semantic_layer.compile.dialects import render
from semantic_layer.errors import UserError
from semantic_layer.model import demo_model
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.plan import parse_plan
from semantic_layer.time import TimeContext
from tests.conftest import AS_OF

GOLDEN = Path(__file__).parent / "golden" / "compile"
MODEL: SemanticModel = demo_model()
CTX = TimeContext(today=AS_OF, timezone="Asia/Shanghai")

CASES: dict[str, dict[str, Any]] = {
    "metric_by_channel": {
        "kind": "metric",
        "metrics": ["conversion_rate"],
        "dimensions": ["channel"],
        "time": "this_month",
    },
    "metric_series_yoy": {
        "kind": "metric",
        "metrics": ["revenue"],
        "grain": "week",
        "time": "last_4_weeks",
        "compare": "same_period_last_year",
    },
    "metric_top3": {
        "kind": "metric",
        "metrics": ["active_users"],
        "dimensions": ["region"],
        "time": "last_week",
        "order": {"by": "active_users"},
        "limit": 3,
    },
    "service_metrics": {
        "kind": "metric",
        "metrics": ["first_response_time", "csat", "nps", "complaint_rate"],
        "dimensions": ["region"],
        "time": "last_4_weeks",
    },
    "roi_by_channel": {
        "kind": "metric",
        "metrics": ["roi"],
        "dimensions": ["channel"],
        "time": "last_month",
    },
    "funnel": {"kind": "funnel", "time": "last_week"},
    "funnel_by_device": {"kind": "funnel", "time": "last_week", "breakdown": "device"},
    "funnel_for_channel": {
        "kind": "funnel",
        "time": "last_week",
        "filters": [{"dimension": "channel", "values": ["paid_ads"]}],
    },
    "time_to_convert": {"kind": "funnel", "time": "last_4_weeks", "measure": "time_to_convert"},
    "dropoff": {"kind": "dropoff", "time": "last_week"},
    "paths_after": {"kind": "paths", "touchpoint": "product_page", "time": "last_week"},
    "paths_before": {
        "kind": "paths",
        "touchpoint": "checkout",
        "direction": "before",
        "time": "last_week",
    },
    "top_paths": {
        "kind": "paths",
        "touchpoint": "checkout",
        "mode": "top_paths",
        "time": "last_week",
    },
    "retention": {
        "kind": "retention",
        "cohort_grain": "month",
        "periods": 3,
        "time": "last_quarter",
        "filters": [{"dimension": "acquisition_channel", "values": ["mini_program"]}],
    },
    "attribution": {"kind": "attribution", "model": "all", "time": "last_month"},
    "drivers": {
        "kind": "drivers",
        "metric": "checkout_conversion",
        "time": "last_week",
        "dimensions": ["channel", "device", "region"],
    },
}


@pytest.fixture(scope="module")
def engine(small_demo: Path) -> Iterator[Engine]:
    with Engine(small_demo) as eng:
        yield eng


@pytest.fixture(scope="module")
def east_engine(east_only_demo: Path) -> Iterator[Engine]:
    with Engine(east_only_demo) as eng:
        yield eng


@pytest.mark.parametrize("case", sorted(CASES))
def test_plan_compiles_binds_and_matches_golden(
    case: str, engine: Engine, update_golden: bool
) -> None:
    compiled = compile_plan(parse_plan(CASES[case]), MODEL, CTX)
    sql = compiled.sql(pretty=True)
    assert sql is not None
    engine.explain(sql)
    engine.run(sql)
    for name, tree in compiled.extra.items():
        engine.run(tree.sql("duckdb"))
        sql += f"\n\n-- {name}\n" + tree.sql("duckdb", pretty=True)
    golden = GOLDEN / f"{case}.sql"
    if update_golden or not golden.exists():
        golden.write_text(sql + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{golden} did not exist and was written: review and commit it")
    assert sql + "\n" == golden.read_text(encoding="utf-8"), (
        f"run pytest --update-golden and review {golden}"
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_role_sees_exactly_the_filtered_truth(
    case: str, engine: Engine, east_engine: Engine
) -> None:
    plan = parse_plan(CASES[case])
    try:
        limited = compile_plan(plan, MODEL, CTX, "east_marketing")
    except AccessDenied:
        return  # service metrics and costs are not the East marketing team's
    except UserError as exc:
        assert "region" in str(exc)  # a table their row filter cannot reach is refused
        return
    truth = compile_plan(plan, MODEL, CTX, "analyst")
    got = engine.run(limited.sql() or "").rows
    expected = east_engine.run(truth.sql() or "").rows
    assert _rounded(got) == _rounded(expected)


def test_unknown_names_and_forbidden_metrics_are_user_errors() -> None:
    with pytest.raises(UserError, match="did you mean"):
        compile_plan(parse_plan({"kind": "metric", "metrics": ["convertion_rate"]}), MODEL, CTX)
    with pytest.raises(AccessDenied, match="revenue"):
        compile_plan(
            parse_plan({"kind": "metric", "metrics": ["revenue"]}), MODEL, CTX, "service_team"
        )


def test_raw_sql_is_refused_to_roles_with_a_metric_list(engine: Engine) -> None:
    """Row filters cannot enforce a metric list (`SELECT avg(score) FROM feedback` is CSAT), so
    raw SQL is only for roles that may use every metric; tests/security checks the row filter."""
    plan = parse_plan(
        {"kind": "sql", "sql": "SELECT count(DISTINCT user_id) FROM events", "rationale": "t"}
    )
    for role in ("east_marketing", "service_team"):
        with pytest.raises(AccessDenied, match=f"raw SQL is not available to the role '{role}'"):
            compile_plan(plan, MODEL, CTX, role)
    everyone = compile_plan(plan, MODEL, CTX)
    assert not everyone.verified
    assert engine.run(everyone.sql() or "").rows[0][0] > 0


TIMES = st.sampled_from(
    [
        "last_week",
        "last_7_days",
        "this_month",
        "last_month",
        "yesterday",
        "last_4_weeks",
        "2026-10",
        "Q3",
    ]
)
EAST_METRICS = st.sampled_from(
    ["active_users", "revenue", "conversion_rate", "checkout_conversion", "aov", "orders"]
)
DIMS = st.sampled_from(["channel", "device", "member_tier", "segment", "campaign"])


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(
            ["metric", "funnel", "dropoff", "paths", "retention", "attribution", "drivers"]
        )
    )
    time = draw(TIMES)
    if kind == "metric":
        return {
            "kind": kind,
            "time": time,
            "metrics": draw(st.lists(EAST_METRICS, min_size=1, max_size=2, unique=True)),
            "dimensions": draw(st.lists(DIMS, max_size=1)),
            "grain": draw(st.sampled_from([None, "day", "week"])),
            "compare": draw(st.sampled_from([None, "previous_period"])),
        }
    if kind in ("funnel", "dropoff"):
        return {
            "kind": kind,
            "time": time,
            "journey": draw(st.sampled_from(sorted(MODEL.journeys))),
            "breakdown": draw(st.sampled_from([None, "device", "channel"])),
        }
    if kind == "paths":
        return {
            "kind": kind,
            "time": time,
            "touchpoint": draw(st.sampled_from(sorted(MODEL.touchpoints))),
            "direction": draw(st.sampled_from(["after", "before"])),
            "mode": draw(st.sampled_from(["next", "top_paths"])),
        }
    if kind == "retention":
        return {
            "kind": kind,
            "time": time,
            "cohort_grain": draw(st.sampled_from(["week", "month"])),
            "periods": 3,
        }
    if kind == "attribution":
        return {
            "kind": kind,
            "time": time,
            "model": draw(st.sampled_from(["first_touch", "linear", "markov", "all"])),
            "by": draw(st.sampled_from(["channel", "touchpoint"])),
            "value": draw(st.sampled_from(["conversions", "revenue"])),
        }
    return {
        "kind": kind,
        "time": time,
        "metric": draw(EAST_METRICS),
        "dimensions": draw(st.lists(DIMS, min_size=1, max_size=2, unique=True)),
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=plans())
def test_any_valid_plan_compiles_to_sql_duckdb_accepts_within_the_role(
    plan: dict[str, Any], engine: Engine, east_engine: Engine
) -> None:
    parsed = parse_plan(plan)
    limited = compile_plan(parsed, MODEL, CTX, "east_marketing")
    engine.explain(limited.sql() or "")
    truth = compile_plan(parsed, MODEL, CTX, "analyst")
    assert _rounded(engine.run(limited.sql() or "").rows) == _rounded(
        east_engine.run(truth.sql() or "").rows
    )


def _rounded(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted(
        (tuple(round(v, 6) if isinstance(v, float) else v for v in row) for row in rows), key=repr
    )


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_plan_says_what_it_computes_in_both_languages(case: str) -> None:
    compiled = compile_plan(parse_plan(CASES[case]), MODEL, CTX)
    english, chinese = compiled.describe(MODEL, "en"), compiled.describe(MODEL, "zh")
    assert compiled.time_range is not None
    assert compiled.time_range.label("en") in english
    assert compiled.time_range.label("zh") in chinese
    assert "default journey" not in english and "默认旅程" not in chinese
    assert not any(
        ch.isascii() and ch.isalpha()
        for ch in chinese.replace("ROI", "").replace("CSAT", "").replace("NPS", "")
    ), chinese


def test_sentences_use_the_models_names_for_values() -> None:
    compiled = compile_plan(parse_plan(CASES["retention"]), MODEL, CTX)
    assert "mini program" in compiled.describe(MODEL, "en").lower()
    assert "小程序" in compiled.describe(MODEL, "zh")


@pytest.mark.parametrize("dialect", ["clickhouse", "spark"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_plan_matches_its_golden_sql_per_engine(
    case: str, dialect: str, update_golden: bool
) -> None:
    """The SQL each engine gets, through the dialect layer (docs/engines.md); that it runs and
    gives DuckDB's rows is tests/test_engines_clickhouse.py and tests/test_engines_spark.py."""
    compiled = compile_plan(parse_plan(CASES[case]), MODEL, CTX, dialect=dialect)
    sql = compiled.sql(pretty=True)
    assert sql is not None
    for name, tree in compiled.extra.items():
        sql += f"\n\n-- {name}\n" + render(tree, dialect, pretty=True)
    golden = GOLDEN / dialect / f"{case}.sql"
    if update_golden or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(sql + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{golden} did not exist and was written: review and commit it")
    assert sql + "\n" == golden.read_text(encoding="utf-8"), (
        f"run pytest --update-golden and review {golden}"
    )
