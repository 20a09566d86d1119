"""QueryPlans: every kind round-trips through JSON, errors name their path, the schema suits strict
structured output, and every plan reads back as one sentence in English and Chinese."""

from __future__ import annotations

import doctest
import json
from datetime import date
from typing import Any, ClassVar

import pytest
from pydantic import ValidationError

import semantic_layer.plan as plan_module
from semantic_layer.plan import (
    AnalysisPlan,
    DriversPlan,
    MetricPlan,
    PlanError,
    QueryPlan,
    References,
    RetentionPlan,
    describe,
    parse_plan,
    plan_json_schema,
    plan_to_json,
)
from semantic_layer.time import Language, TimeContext, TimeSpec, comparison_range, resolve

PLANS: dict[str, dict[str, Any]] = {
    "metric": {
        "kind": "metric",
        "metrics": ["revenue", "conversion_rate"],
        "dimensions": ["channel", "device"],
        "grain": "week",
        "order": {"by": "revenue"},
        "limit": 5,
        "filters": [
            {"dimension": "channel", "op": "in", "values": ["app", "website"]},
            {"dimension": "device", "values": ["ios"]},
        ],
    },
    "metric_compare": {
        "kind": "metric",
        "metrics": ["conversion_rate"],
        "dimensions": ["channel"],
        "time": "this_month",
        "compare": "previous_period",
        "channel_rule": "first_touch",
    },
    "funnel": {
        "kind": "funnel",
        "steps": ["product_page", "add_to_cart", "payment"],
        "window_days": 7,
        "breakdown": "channel",
        "measure": "time_to_convert",
    },
    "dropoff": {"kind": "dropoff", "journey": "purchase", "time": "last_week"},
    "dropoff_top": {"kind": "dropoff", "time": "last_week", "limit": 3, "language": "en"},
    "paths": {"kind": "paths", "touchpoint": "payment", "direction": "before"},
    "top_paths": {
        "kind": "paths",
        "touchpoint": "product_page",
        "mode": "top_paths",
        "session_gap_minutes": 45,
    },
    "retention": {
        "kind": "retention",
        "cohort_grain": "day",
        "periods": 30,
        "filters": [{"dimension": "acquisition_channel", "values": ["mini_program"]}],
        "return_touchpoint": "payment",
    },
    "attribution": {
        "kind": "attribution",
        "model": "time_decay",
        "value": "revenue",
        "lookback_days": 30,
    },
    "attribution_all": {
        "kind": "attribution",
        "model": "all",
        "by": "touchpoint",
        "conversion_touchpoint": "payment",
    },
    "drivers": {
        "kind": "drivers",
        "metric": "conversion_rate",
        "time": "last_week",
        "dimensions": ["channel", "device"],
    },
    "drivers_baseline": {
        "kind": "drivers",
        "metric": "conversion_rate",
        "time": "last_week",
        "baseline": {"kind": "month", "year": 2026, "month": 10},
    },
    "sql": {"kind": "sql", "sql": "SELECT 1", "rationale": "needs a custom join"},
    "clarify": {
        "kind": "clarify",
        "reason": "'conversion' has two meanings",
        "choices": [
            {"label": "order conversion", "question": "order conversion rate last week"},
            {"label": "sign-up conversion", "question": "sign-up conversion rate last week"},
        ],
        "candidate_kind": "metric",
    },
    "unsupported": {
        "kind": "unsupported",
        "reason": "there is no weather data",
        "missing": ["weather", "temperature"],
    },
}


@pytest.mark.parametrize("name", PLANS)
def test_every_kind_round_trips_through_json(name: str) -> None:
    plan = parse_plan(PLANS[name])
    assert plan.kind == PLANS[name]["kind"]
    data = plan_to_json(plan)
    assert parse_plan(data) == plan
    assert parse_plan(json.dumps(data)) == plan
    assert parse_plan(plan.model_dump_json()) == plan
    assert parse_plan({"plan": data}) == plan  # the strict structured-output envelope


def test_time_is_stored_relative_and_defaults_are_documented() -> None:
    plan = parse_plan({"kind": "metric", "metrics": ["revenue"]})
    assert isinstance(plan, MetricPlan)
    assert plan.time == TimeSpec.parse_token("last_7_days")
    assert plan_to_json(plan)["time"] == {"kind": "last", "n": 7, "unit": "day"}
    assert (plan.language, plan.filters, plan.grain, plan.compare) == ("en", [], None, None)
    retention = parse_plan({"kind": "retention"})
    assert isinstance(retention, RetentionPlan)
    assert (retention.time.token, retention.cohort_grain, retention.periods) == (
        "last_12_weeks",
        "week",
        8,
    )
    drivers = parse_plan(PLANS["drivers_baseline"])
    assert isinstance(drivers, DriversPlan) and drivers.compare is None


def test_plans_are_immutable() -> None:
    plan = parse_plan(PLANS["metric"])
    assert isinstance(plan, MetricPlan)
    with pytest.raises(ValidationError, match="frozen"):
        plan.limit = 10


def problems(data: dict[str, Any] | str) -> list[str]:
    with pytest.raises(PlanError) as caught:
        parse_plan(data)
    return [str(p) for p in caught.value.problems]


def test_unknown_keys_are_rejected_with_their_path() -> None:
    found = problems(
        {
            "kind": "metric",
            "metrics": ["revenue"],
            "limt": 3,
            "order": {"by": "revenue", "dir": "asc"},
            "time": {"kind": "last", "n": 2, "unit": "week", "offset": 1},
            "filters": [{"dimension": "channel", "values": ["app"], "negate": True}],
        }
    )
    assert sorted(found) == [
        "filters[0].negate: unknown field 'negate' — expected one of: 'dimension', 'op', 'values'",
        "limt: unknown field 'limt' — did you mean 'limit'?",
        "order.dir: unknown field 'dir' — expected one of: 'by', 'direction'",
        "time.offset: unknown field 'offset' — expected one of: 'kind', 'n', 'unit'",
    ]


def test_discriminator_errors_are_readable() -> None:
    assert problems({"kind": "funnle"}) == ["unknown plan kind 'funnle' — did you mean 'funnel'?"]
    (missing,) = problems({"metrics": ["revenue"]})
    assert missing.startswith("missing 'kind' — expected one of: 'metric', 'funnel', 'dropoff'")
    time_kind = problems({"kind": "metric", "metrics": ["a"], "time": {"kind": "lst", "n": 1}})
    assert time_kind == ["time: unknown kind 'lst' — did you mean 'last'?"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"kind": "metric", "metrics": []}, "metrics: List should have at least 1 item"),
        ({"kind": "metric", "metrics": ["a", "a"]}, "metric 'a' is listed twice"),
        (
            {"kind": "metric", "metrics": ["a"], "dimensions": ["c", "c"]},
            "dimension 'c' is listed twice",
        ),
        ({"kind": "metric", "metrics": ["a"], "limit": 0}, "limit: Input should be greater than"),
        ({"kind": "metric", "metrics": ["a"], "limit": 1001}, "limit: Input should be less than"),
        (
            {"kind": "metric", "metrics": ["a"], "order": {"by": "b"}},
            "cannot order by 'b': order by one of the plan's metrics or dimensions (a)",
        ),
        ({"kind": "metric", "metrics": [" "]}, "metrics[0]: String should have at least 1"),
        (
            {"kind": "metric", "metrics": ["a"], "grain": "wk"},
            "grain: Input should be 'day', 'week', 'month', 'quarter' or 'year', not 'wk'",
        ),
        (
            {"kind": "metric", "metrics": ["a"], "filters": [{"dimension": "c", "values": []}]},
            "filters[0].values: List should have at least 1 item",
        ),
        (
            {"kind": "metric", "metrics": ["a"], "filters": [{"dimension": "c", "values": [1, 2]}]},
            "filters[0]: '=' takes exactly one value, got 2: use 'in' or 'not_in' for several",
        ),
        (
            {"kind": "metric", "metrics": ["a"], "filters": [{"dimension": "c", "values": [[1]]}]},
            "filters[0].values[0]: should be a string, number or boolean, not [1]",
        ),
        (
            {"kind": "metric", "metrics": ["a"], "filters": [{"dimension": "c", "op": "=="}]},
            "filters[0].op: Input should be '=', '!=', 'in', 'not_in', '>', '>=', '<' or '<=', "
            "not '==' — did you mean '='?",
        ),
        ({"kind": "funnel", "steps": ["a"]}, "steps: List should have at least 2 items"),
        ({"kind": "funnel", "window_days": 366}, "window_days: Input should be less than or equal"),
        ({"kind": "dropoff", "window_days": 0}, "window_days: Input should be greater than"),
        ({"kind": "paths"}, "touchpoint: missing required field"),
        ({"kind": "paths", "touchpoint": "a", "direction": "up"}, "direction: Input should be"),
        ({"kind": "retention", "periods": 60}, "60 periods is too many for weekly cohorts"),
        ({"kind": "retention", "periods": 0}, "periods: Input should be greater than"),
        ({"kind": "attribution", "model": "shapley"}, "model: Input should be 'first_touch'"),
        ({"kind": "attribution", "half_life_days": 0}, "half_life_days: Input should be greater"),
        (
            {"kind": "drivers", "metric": "a", "compare": "previous_period", "baseline": "2025"},
            "give exactly one baseline",
        ),
        ({"kind": "drivers", "metric": "a", "compare": None}, "give exactly one baseline"),
        ({"kind": "sql", "sql": "x" * 20_001, "rationale": "r"}, "sql: String should have at most"),
        (
            {"kind": "sql", "sql": "SELECT 1", "rationale": "r", "verified": True},
            "verified: Input should be False, not True",
        ),
        ({"kind": "clarify", "reason": "r", "choices": []}, "choices: List should have at least 2"),
        (
            {"kind": "clarify", "reason": "r", "choices": [{"label": "a", "question": "b"}] * 7},
            "choices: List should have at most 6 items",
        ),
        (
            {"kind": "metric", "metrics": ["a"], "time": "2026-13"},
            "time.month: there is no month 13: months are 1–12",
        ),
        (
            {"kind": "metric", "metrics": ["a"], "time": {"kind": "month", "month": 13}},
            "time.month: there is no month 13: months are 1–12",
        ),
        (
            {"kind": "metric", "metrics": ["a"], "time": "2025-11-10..2025-11-03"},
            "time: the range 2025-11-10..2025-11-03 is empty",
        ),
        ({"kind": "metric", "metrics": ["a"], "language": "fr"}, "language: Input should be 'en'"),
        ("{not json", "not valid JSON: Expecting property name enclosed in double quotes"),
    ],
)
def test_invariants_are_checked(data: dict[str, Any] | str, expected: str) -> None:
    found = problems(data)
    assert any(expected in p for p in found), found


def test_every_problem_is_listed_at_once() -> None:
    data = {"kind": "funnel", "steps": ["a"], "window_days": 400, "measure": "speed"}
    assert [p.split(":")[0] for p in problems(data)] == ["steps", "window_days", "measure"]
    with pytest.raises(PlanError) as caught:
        parse_plan(data)
    assert str(caught.value).startswith("invalid plan:\n- steps: ")


def test_a_plan_is_an_object() -> None:
    assert problems("[1, 2]") == ["a plan is a JSON object, not list"]


EXPECTED_REFERENCES = {
    "metric": References(("revenue", "conversion_rate"), ("channel", "device")),
    "funnel": References((), ("channel",), ("product_page", "add_to_cart", "payment")),
    "dropoff": References(journeys=("purchase",)),
    "paths": References(touchpoints=("payment",)),
    "retention": References((), ("acquisition_channel",), ("payment",)),
    "attribution": References(),
    "attribution_all": References(touchpoints=("payment",)),
    "drivers": References(("conversion_rate",), ("channel", "device")),
    "sql": References(),
    "unsupported": References(),
}


@pytest.mark.parametrize(("name", "expected"), EXPECTED_REFERENCES.items())
def test_references_list_every_model_name(name: str, expected: References) -> None:
    assert parse_plan(PLANS[name]).references() == expected


def test_steps_override_the_journey_in_references() -> None:
    plan = parse_plan({"kind": "funnel", "journey": "purchase", "steps": ["a", "b"]})
    assert plan.references() == References(touchpoints=("a", "b"))
    assert References().is_empty() and not plan.references().is_empty()


# The JSON schema for strict structured output.


def walk(node: Any, path: str = "$") -> list[tuple[str, dict[str, Any]]]:
    """Every schema object in the tree with its path."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key, value in node.items():
            found += walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += walk(value, f"{path}[{i}]")
    return found


def schema_nodes(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The schema objects, without the name→schema maps themselves."""
    return [(p, n) for p, n in walk(schema) if not p.endswith((".properties", ".$defs"))]


def test_strict_schema_is_closed_and_uses_the_strict_subset() -> None:
    schema = plan_json_schema()
    assert schema["type"] == "object" and schema["required"] == ["plan"]
    kinds = {ref["$ref"].rsplit("/", 1)[1] for ref in schema["properties"]["plan"]["anyOf"]}
    assert len(kinds) == 10 and "DropoffPlan" in kinds
    banned = {"oneOf", "allOf", "const", "default", "discriminator", "minimum", "maxLength"}
    for path, node in schema_nodes(schema):
        assert not banned & set(node), (path, banned & set(node))
        assert node.get("additionalProperties") is not True, path
        if "$ref" in node:
            assert set(node) == {"$ref"}, path
        if node.get("type") == "object":
            assert node["additionalProperties"] is False, path
            assert node["required"] == list(node["properties"]), path
            if "kind" in node["properties"]:  # the discriminator comes first
                assert next(iter(node["properties"])) == "kind", path
        if node.get("type") == "object" or "enum" in node or "anyOf" in node:
            continue
        assert "type" in node or "$ref" in node, path  # no open-ended {} schemas


def test_pydantic_schema_has_no_open_objects() -> None:
    schema = plan_json_schema(strict=False)
    assert "oneOf" in schema  # the bare union, with its discriminator, bounds and defaults
    for path, node in schema_nodes(schema):
        assert node.get("additionalProperties") is not True, path
        if node.get("type") == "object":
            assert node.get("additionalProperties") is False, path


def conforms(value: Any, schema: dict[str, Any], root: dict[str, Any]) -> bool:
    """A minimal validator for the strict subset: $ref, anyOf, enum, type, properties, items."""
    if "$ref" in schema:
        return conforms(value, root["$defs"][schema["$ref"].rsplit("/", 1)[1]], root)
    if "anyOf" in schema:
        return any(conforms(value, option, root) for option in schema["anyOf"])
    if "enum" in schema and value not in schema["enum"]:
        return False
    kind = schema.get("type")
    if kind == "object":
        props = schema["properties"]
        return (
            isinstance(value, dict)
            and set(value) == set(props)
            and all(conforms(value[k], props[k], root) for k in props)
        )
    if kind == "array":
        return isinstance(value, list) and all(conforms(v, schema["items"], root) for v in value)
    checks = {
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
    }
    return kind is None or bool(checks[kind](value))


@pytest.mark.parametrize("name", PLANS)
def test_every_full_plan_fits_the_strict_schema(name: str) -> None:
    schema = plan_json_schema()
    envelope = {"plan": plan_to_json(parse_plan(PLANS[name]))}
    assert conforms(envelope, schema, schema)
    assert not conforms({"plan": {**envelope["plan"], "extra": 1}}, schema, schema)


# describe(): one sentence per plan, in the question's language.


class FakeLabels:
    NAMES: ClassVar[dict[str, tuple[str, str]]] = {
        "conversion_rate": ("conversion rate", "转化率"),
        "revenue": ("revenue", "收入"),
        "channel": ("channel", "渠道"),
        "device": ("device", "设备"),
        "acquisition_channel": ("acquisition channel", "获客渠道"),
        "product_page": ("product page", "商品详情页"),
        "add_to_cart": ("add to cart", "加入购物车"),
        "payment": ("payment", "支付"),
        "purchase": ("purchase journey", "购买旅程"),
    }

    def _label(self, name: str, lang: Language) -> str:
        return self.NAMES[name][0 if lang == "en" else 1]

    def metric(self, name: str, lang: Language, /) -> str:
        return self._label(name, lang)

    def dimension(self, name: str, lang: Language, /) -> str:
        return self._label(name, lang)

    def touchpoint(self, touchpoint_id: str, lang: Language, /) -> str:
        return self._label(touchpoint_id, lang)

    def journey(self, name: str, lang: Language, /) -> str:
        return self._label(name, lang)

    def value(self, dimension: str, value: object, lang: Language, /) -> str:
        return str(value)  # values without a label are said as they are


CTX = TimeContext(today=date(2026, 11, 23))

SENTENCES: dict[str, tuple[str, str]] = {
    "metric": (
        "Weekly revenue and conversion rate by channel and device, 16–22 Nov 2026, where channel "
        "is app or website and device is ios, top 5 by revenue",
        "按渠道和设备拆分的每周收入和转化率，2026年11月16日–22日，渠道为app或website且设备为ios，"
        "按收入从高到低取前5",
    ),
    "metric_compare": (
        "Conversion rate by channel, 1–22 Nov 2026, compared with 1–22 Oct 2026, each user "
        "counted under their first-touch channel",
        "各渠道的转化率，2026年11月1日–22日，对比2026年10月1日–22日，用户按首次触点渠道归属",
    ),
    "funnel": (
        "Time to convert through product page → add to cart → payment within 7 days, "
        "16–22 Nov 2026, by channel",
        "商品详情页 → 加入购物车 → 支付的转化时长（7天转化窗口），2026年11月16日–22日，按渠道拆分",
    ),
    "dropoff": (
        "Users lost at each step of the purchase journey, 16–22 Nov 2026, ranked",
        "购买旅程各步骤流失的用户数，2026年11月16日–22日，按流失人数排序",
    ),
    "dropoff_top": (
        "Users lost at each step of the default journey, 16–22 Nov 2026, ranked, top 3 steps",
        "默认旅程各步骤流失的用户数，2026年11月16日–22日，按流失人数排序，取前3步",
    ),
    "paths": (
        "The touchpoints right before payment in the same session, 16–22 Nov 2026, top 10",
        "同一会话中支付之前的上一个触点，2026年11月16日–22日，前10个",
    ),
    "top_paths": (
        "The most common 3-step paths after product page in the same session, 16–22 Nov 2026, "
        "top 10, sessions split at 45-minute gaps",
        "同一会话中商品详情页之后最常见的3步路径，2026年11月16日–22日，前10条，会话以45分钟间隔切分",
    ),
    "retention": (
        "Daily retention over 30 days of users by their first event, 31 Aug – 22 Nov 2026, "
        "where acquisition channel is mini_program, counting returns to payment",
        "2026年8月31日–11月22日首次有行为的用户在之后30天的日留存，获客渠道为mini_program，"
        "回访以支付计",
    ),
    "attribution": (
        "Revenue attributed to channels by time-decay attribution (half-life 7 days), "
        "16–22 Nov 2026, 30-day lookback",
        "按时间衰减归因（半衰期7天），各渠道对收入的贡献，2026年11月16日–22日，回溯30天",
    ),
    "attribution_all": (
        "Payment conversions attributed to touchpoints under each attribution model, "
        "16–22 Nov 2026",
        "对比所有归因模型，各触点对支付转化的贡献，2026年11月16日–22日",
    ),
    "drivers": (
        "What drove the change in conversion rate from 9–15 Nov 2026 to 16–22 Nov 2026, "
        "by channel and device, top 10 segments",
        "转化率从2026年11月9日–15日到2026年11月16日–22日变化的原因，按渠道和设备拆解，前10个细分",
    ),
    "drivers_baseline": (
        "What drove the change in conversion rate from October 2026 to 16–22 Nov 2026, "
        "across every dimension, top 10 segments",
        "转化率从2026年10月到2026年11月16日–22日变化的原因，按所有维度拆解，前10个细分",
    ),
    "sql": (
        "Custom SQL (unverified): needs a custom join",
        "自定义SQL（未经验证）：needs a custom join",
    ),
    "clarify": (
        "Needs clarification: 'conversion' has two meanings (order conversion or sign-up "
        "conversion?)",
        "需要澄清：'conversion' has two meanings（order conversion还是sign-up conversion？）",
    ),
    "unsupported": (
        "Cannot be answered from the data: there is no weather data (needs: weather and "
        "temperature)",
        "现有数据无法回答：there is no weather data（需要：weather和temperature）",
    ),
}


def resolved(plan: QueryPlan) -> tuple[Any, Any]:
    """The plan's range and its comparison or baseline range, as the compiler would resolve them."""
    if not isinstance(plan, AnalysisPlan):
        return None, None
    current = resolve(plan.time, CTX)
    if isinstance(plan, DriversPlan) and plan.baseline is not None:
        return current, resolve(plan.baseline, CTX)
    compare = getattr(plan, "compare", None)
    return current, comparison_range(plan.time, CTX, compare) if compare else None


@pytest.mark.parametrize("name", PLANS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_describe_every_kind_in_both_languages(name: str, lang: Language) -> None:
    plan = parse_plan({**PLANS[name], "language": lang})
    expected = SENTENCES[name][0 if lang == "en" else 1]
    assert describe(plan, FakeLabels(), *resolved(plan)) == expected


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        ("dropoff", "en", "Users lost at each step of the purchase journey, last week, ranked"),
        ("dropoff", "zh", "购买旅程各步骤流失的用户数，上周，按流失人数排序"),
        ("metric_compare", "en", "Conversion rate by channel, this month to date, compared with "),
        ("drivers", "zh", "转化率从上一周期到上周变化的原因"),
        ("drivers_baseline", "zh", "转化率从2026年10月到上周变化的原因"),
    ],
)
def test_describe_without_resolved_ranges(name: str, lang: Language, expected: str) -> None:
    plan = parse_plan({**PLANS[name], "language": lang})
    assert describe(plan, FakeLabels()).startswith(expected)


def test_package_docstring_example_runs() -> None:
    result = doctest.testmod(plan_module)
    assert result.attempted > 0 and result.failed == 0
