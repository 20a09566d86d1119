"""Every role of the demo policies sees only its rows and its metrics, whatever is asked.

The truth for a role limited to `region = 'East'` is the unrestricted answer on the same
database with everyone outside the East deleted (`east_only_demo`): the restricted answer must
be exactly that, for metrics, breakdowns, funnels, drop-off, paths, retention, attribution,
drivers, follow-ups, LLM plans and LLM SQL (as `east_analyst`, a test role that may use raw
SQL). A metric outside a role's list is refused, naming the metric and the role.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assistant.answer.model import Answer
from assistant.service import AssistantService
from semantic_layer.model import load_model
from semantic_layer.model.semantic import SemanticModel
from tests.fakes.openai_server import FakeOpenAI, PlanReply
from tests.security.corpus import sql
from tests.security.harness import RAW_SQL_ROLE, Scripted, services, settings, write_model

EAST = "east_marketing"
TRUTH = "analyst"  # on the East-only database: no filter needed to see only the East

QUESTIONS = [
    "revenue last month",
    "active users last week",
    "revenue by city last month",
    "revenue by region last month",
    "orders by member tier last month",
    "conversion rate by channel this month",
    "本月各渠道转化率",
    "average order value by device last month",
    "new users by week this quarter",
    "revenue by day last week",
    "revenue last week vs the week before",
    "revenue in the North region last month",
    "purchase funnel last week",
    "purchase funnel by city last month",
    "which touchpoint lost the most users last week",
    "上周哪个触点流失用户最多",
    "top paths after the product page last month",
    "what do users do after the product page last month",
    "weekly retention over the last 8 weeks",
    "compare attribution models by channel last month",
    "data-driven attribution of purchases by channel last month",
    "revenue attribution by channel last month",
    "why did checkout conversion drop last week",
    "why did revenue change last week",
]
FOLLOW_UPS = [
    ("revenue last week", "and by channel?"),
    ("revenue by city last month", "top 3"),
    ("conversion rate by channel last week", "what about the week before?"),
    ("which touchpoint lost the most users last week", "by device"),
    ("which channel contributes most to purchases", "what about revenue?"),
    ("what do users do after add to cart last week", "and before it?"),
]
PLANS: list[dict[str, Any]] = [
    {"kind": "metric", "metrics": ["revenue", "orders"], "dimensions": ["region", "city"],
     "time": "last_month"},
    {"kind": "metric", "metrics": ["active_users"], "dimensions": ["city"], "time": "last_month",
     "filters": [{"dimension": "region", "op": "in", "values": ["East", "North", "South"]}]},
    {"kind": "funnel", "breakdown": "region", "time": "last_month"},
    {"kind": "dropoff", "time": "last_week"},
    {"kind": "paths", "touchpoint": "landing_page", "mode": "top_paths", "time": "last_month"},
    {"kind": "retention", "cohort_grain": "week", "time": "last_month"},
    {"kind": "attribution", "by": "touchpoint", "model": "all", "time": "last_month"},
    {"kind": "drivers", "metric": "conversion_rate", "dimensions": ["city", "channel"],
     "time": "last_week"},
]  # fmt: skip
RAW_SQL = [
    "SELECT city, count(*) AS n FROM users GROUP BY city ORDER BY city",
    "SELECT region, sum(revenue) AS r FROM events WHERE region <> 'East' OR 1=1 "
    "GROUP BY region ORDER BY region",
    "SELECT city FROM users WHERE region = 'North' UNION SELECT city FROM events ORDER BY 1",
    "SELECT channel, avg(score) AS s, count(*) AS n FROM feedback GROUP BY channel ORDER BY 1",
    "SELECT category, count(*) AS n FROM tickets GROUP BY category ORDER BY 1",
    "SELECT count(*) AS n FROM events e JOIN users u USING (user_id) "
    "WHERE u.region <> e.region OR u.region <> 'East'",
    "WITH buyers AS (SELECT DISTINCT user_id FROM events WHERE touchpoint = 'payment') "
    "SELECT u.city, count(*) AS n FROM buyers b JOIN users u USING (user_id) "
    "GROUP BY u.city ORDER BY 1",
]


@dataclass
class Pair:
    """The same assistant on the whole database and on the East-only truth."""

    scoped: dict[str, AssistantService]
    truth: dict[str, AssistantService]
    script: Scripted
    fake: FakeOpenAI
    model: SemanticModel


@pytest.fixture(scope="module")
def pair(
    small_demo: Path, east_only_demo: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    root = tmp_path_factory.mktemp("roles")
    model_path = write_model(root / "model.yaml")
    script = Scripted()
    with FakeOpenAI(script) as fake:
        planners = {"embedded": None, "llm": settings(fake.base_url)}
        (root / "a").mkdir()
        (root / "b").mkdir()
        with (
            services(small_demo, model_path, root / "a", planners) as scoped,
            services(east_only_demo, model_path, root / "b", planners) as truth,
        ):
            yield Pair(scoped, truth, script, fake, load_model(model_path))


def same(restricted: Answer, truth: Answer) -> None:
    """Equal answers: the same kind, columns and rows (floats to 1e-9: sums in another order)."""
    assert restricted.error is None, restricted.error
    assert truth.error is None, truth.error
    assert (restricted.kind, restricted.columns) == (truth.kind, truth.columns)
    assert restricted.time_range == truth.time_range
    assert len(restricted.rows) == len(truth.rows)
    for mine, true in zip(restricted.rows, truth.rows, strict=True):
        assert _cells(mine) == _cells(true) or all(
            _close(a, b) for a, b in zip(mine, true, strict=True)
        ), (mine, true)


def _cells(row: Sequence[Any]) -> list[Any]:
    return [round(v, 9) if isinstance(v, float) else v for v in row]


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return bool(a == b)


def ask_both(
    pair: Pair, question: str, role: str, backend: str = "embedded"
) -> tuple[Answer, Answer]:
    service = "embedded" if backend == "embedded" else "llm"
    restricted = pair.scoped[service].ask(question, role=role, backend=backend)  # type: ignore[arg-type]
    truth = pair.truth[service].ask(question, role=TRUTH, backend=backend)  # type: ignore[arg-type]
    return restricted, truth


@pytest.mark.parametrize("question", QUESTIONS)
def test_east_questions_equal_the_east_only_truth(pair: Pair, question: str) -> None:
    restricted, truth = ask_both(pair, question, EAST)
    assert restricted.rows, "an empty answer would prove nothing"
    same(restricted, truth)


@pytest.mark.parametrize(("first", "then"), FOLLOW_UPS, ids=[f[1] for f in FOLLOW_UPS])
def test_east_follow_ups_equal_the_east_only_truth(pair: Pair, first: str, then: str) -> None:
    answers = []
    for svc, role in ((pair.scoped["embedded"], EAST), (pair.truth["embedded"], TRUTH)):
        session = svc.ask(first, role=role).session_id
        answers.append(svc.ask(then, session_id=session))
    assert answers[0].rows
    same(*answers)


@pytest.mark.parametrize("plan", PLANS, ids=[f"{p['kind']}-{n}" for n, p in enumerate(PLANS)])
def test_east_llm_plans_equal_the_east_only_truth(pair: Pair, plan: Mapping[str, Any]) -> None:
    pair.script.reply = PlanReply(plan)
    restricted, truth = ask_both(pair, "an LLM planned this", EAST, backend="llm")
    assert restricted.backend == "llm" and restricted.rows
    same(restricted, truth)


@pytest.mark.parametrize("query", RAW_SQL, ids=[q[:48] for q in RAW_SQL])
def test_raw_sql_gets_the_row_filter_on_every_table(pair: Pair, query: str) -> None:
    pair.script.reply = PlanReply(sql(query))
    restricted, truth = ask_both(pair, "raw SQL", RAW_SQL_ROLE, backend="llm-raw-sql")
    assert restricted.backend == "llm-raw-sql" and restricted.kind == "sql"
    same(restricted, truth)


@pytest.mark.parametrize("role", [EAST, "service_team"])
@pytest.mark.parametrize("backend", ["llm", "llm-raw-sql"])
def test_raw_sql_is_not_given_to_roles_with_a_metric_list(
    pair: Pair, role: str, backend: str
) -> None:
    """Raw SQL could compute any metric (`avg(score)` is CSAT): only the layer's plans hold a
    role to its list, so the LLM is told, and the built-in planner answers."""
    pair.script.reply = PlanReply(sql("SELECT avg(score) AS csat FROM feedback"))
    sent = len(pair.fake.requests)
    answer = pair.scoped["llm"].ask("average feedback score", role=role, backend=backend)  # type: ignore[arg-type]
    assert answer.backend == "embedded" and answer.kind != "sql" and answer.warnings
    assert [c.outcome for c in answer.timings.llm_calls] == ["invalid_plan"] * 3
    told = pair.fake.requests[sent + 1]["messages"][-1]["content"]
    assert f"raw SQL is not available to the role '{role}'" in told


def _denied(model: SemanticModel, role: str) -> list[str]:
    policy = model.policy(role)
    return [m for m in model.metrics if not policy.allows_metric(m)]


@pytest.mark.parametrize("role", [EAST, "service_team"])
def test_every_metric_outside_the_list_is_refused_naming_metric_and_role(
    pair: Pair, role: str
) -> None:
    denied = _denied(pair.model, role)
    assert len(denied) >= 10
    for metric in denied:
        for plan in (
            {"kind": "metric", "metrics": [metric], "time": "last_month"},
            {"kind": "drivers", "metric": metric, "time": "last_week"},
        ):
            pair.script.reply = PlanReply(plan)
            answer = pair.scoped["llm"].ask(f"{metric} please", role=role, backend="llm")
            assert answer.error is not None and answer.error.code == "access_denied", metric
            assert f"'{metric}'" in answer.error.message and f"'{role}'" in answer.error.message
            assert answer.text == answer.error.message and not answer.rows
            assert len(answer.timings.llm_calls) == 1  # a denied metric is final, not repaired


@pytest.mark.parametrize(
    ("role", "question", "named"),
    [
        (EAST, "csat by channel last month", "csat"),
        (EAST, "first response time last month", "first_response_time"),
        (EAST, "marketing cost by channel last month", "marketing_cost"),
        ("service_team", "revenue last month", "revenue"),
        ("service_team", "conversion rate by channel this month", "conversion_rate"),
        ("service_team", "tickets by gender last month", "gender"),  # a column of users
        ("service_team", "revenue attribution by channel last month", "revenue"),
        ("service_team", "which channel contributes most to purchases last month", "purchasers"),
        ("service_team", "purchase funnel last week", "funnel"),
        ("service_team", "which touchpoint lost the most users last week", "dropoff"),
        ("service_team", "what do users do after the product page last month", "paths"),
        ("service_team", "30-day retention of users acquired on WeChat", "retention"),
    ],
)
def test_questions_for_what_the_role_may_not_use_are_refused(
    pair: Pair, role: str, question: str, named: str
) -> None:
    answer = pair.scoped["embedded"].ask(question, role=role)
    assert answer.error is not None and answer.error.code == "access_denied"
    assert f"'{named}'" in answer.error.message and f"'{role}'" in answer.error.message
    assert not answer.rows


def test_service_team_sees_every_row_of_its_own_metrics(pair: Pair) -> None:
    """A role with no row filter and a metric list: its allowed answers are the analyst's."""
    for question in ("csat by channel last month", "tickets by city last month", "nps"):
        restricted = pair.scoped["embedded"].ask(question, role="service_team")
        everyone = pair.scoped["embedded"].ask(question, role=TRUTH)
        assert restricted.rows
        same(restricted, everyone)


def test_every_demo_role_is_covered(pair: Pair) -> None:
    """A new role in the demo policies needs its own tests here."""
    demo = set(pair.model.spec.policies) - {RAW_SQL_ROLE}
    assert demo == {"analyst", EAST, "service_team"}
    east = pair.model.policy(EAST)
    assert [(f.dimension, f.op, f.value) for f in east.row_filters] == [("region", "=", "East")]
    assert not pair.model.policy("service_team").row_filters
