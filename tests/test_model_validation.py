"""Validation reports every problem of a model in one run, at the right line, with a suggestion."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from semantic_layer.errors import UserError
from semantic_layer.model import ModelError, validate_file, validate_text
from semantic_layer.model.rules import DEFAULT_RULES

FIXTURES = Path(__file__).parent / "fixtures" / "models"
SCHEMA = {
    "events": {
        "event_id": "text",
        "user_id": "text",
        "ts": "timestamp",
        "channel": "text",
        "touchpoint": "text",
        "revenue": "float",
    },
    "users": {"user_id": "text", "first_seen_ts": "timestamp", "region": "text"},
}
HEAD = """\
version: 1
name: tiny
settings: {timezone: UTC}
tables:
  events: {time: ts, entity: user_id}
"""


USERS = "measures:\n  - {name: users, table: events, agg: count_distinct, column: user_id}\n"


def messages(text: str, **kwargs: object) -> list[str]:
    report = validate_text(textwrap.dedent(text), "m.yaml", **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in report.problems]


def test_every_mistake_is_reported_with_its_line_and_a_suggestion() -> None:
    text = (FIXTURES / "mistakes.yaml").read_text(encoding="utf-8")
    report = validate_text(text, "mistakes.yaml", schema=SCHEMA)
    assert [str(p) for p in report.problems] == [
        "mistakes.yaml:5: unknown timezone 'Asia/Shanghia' — did you mean 'Asia/Shanghai'?",
        "mistakes.yaml:9: unknown key 'primary_key' in table 'users' — "
        "expected one of: description, entity, joins, time",
        "mistakes.yaml:12: unknown column 'regoin' in dimension 'region' — did you mean 'region'?",
        "mistakes.yaml:18: unknown column 'usr_id' in measure 'buyers' — did you mean 'user_id'?",
        "mistakes.yaml:21: duplicate measure 'events' — "
        "it is already defined at line 14; rename or remove one",
        "mistakes.yaml:22: 'percentile' in measure 'p99' must be < 1 (got 99) — "
        "write it as a fraction: 0.9 for the 90th percentile",
        "mistakes.yaml:24: unknown metric or measure 'event' in metric 'conversion_rate' — "
        "did you mean 'events'?",
        "mistakes.yaml:25: 'money' is not a valid 'format' in metric 'revenue' — "
        "expected one of: currency, duration_hours, duration_minutes, multiple, number, percent",
        "mistakes.yaml:26: unknown metric or measure 'orders' in metric 'aov' — "
        "expected one of: aov, buyers, conversion_rate, events, loop_a, loop_b, revenue",
        "mistakes.yaml:27: metric 'loop_a' depends on itself: loop_a → loop_b → loop_a — "
        "break the cycle: one of these must be computed from measures",
        "mistakes.yaml:31: unknown key 'channnel' in touchpoint 'payment' — "
        "did you mean 'channel'?",
        "mistakes.yaml:34: unknown touchpoint 'paymnet' in journey 'checkout_only' — "
        "did you mean 'payment'?",
        "mistakes.yaml:34: journey 'checkout_only' is a second default (the first is "
        "'purchase') — only one journey can have 'default: true'",
        "mistakes.yaml:37: unknown metric 'conversion_rat' in policy 'east' — "
        "did you mean 'conversion_rate'?",
        "mistakes.yaml:38: unknown key 'verified_querys' at the top of the model — "
        "did you mean 'verified_queries'?",
    ]
    assert not report.ok
    with pytest.raises(ModelError) as caught:
        report.model()
    assert len(caught.value.problems) == len(report.problems)
    assert "usr_id" in str(caught.value)


def test_without_a_schema_columns_are_not_checked() -> None:
    text = (FIXTURES / "mistakes.yaml").read_text(encoding="utf-8")
    found = [str(p) for p in validate_text(text, "mistakes.yaml").problems]
    assert not any("usr_id" in m for m in found)
    assert any("paymnet" in m for m in found)


def test_a_valid_model_has_no_problems() -> None:
    report = validate_text(
        HEAD
        + """\
measures:
  - {name: users, table: events, agg: count_distinct, column: user_id}
metrics:
  - {name: active_users, measure: users}
""",
        "m.yaml",
        schema=SCHEMA,
    )
    assert report.problems == ()
    assert report.ok
    assert report.summary().startswith("model OK: 1 metric, 1 measure, 0 dimensions")
    assert report.model().metric("active users").name == "active_users"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "metrics:\n  - {name: r, type: ratio, numerator: users, denominator: users}\n",
            "m.yaml:9: ratio 'r' divides 'users' by itself — a ratio needs two different "
            "metrics or measures",
        ),
        (
            "metrics:\n  - {name: x, type: rate, measure: users}\n",
            "m.yaml:9: unknown metric type 'rate' in metric 'x' — did you mean 'ratio'?",
        ),
        (
            "metrics:\n  - {name: x}\n",
            "m.yaml:9: no 'type' in metric 'x' — add 'type: simple' (with measure), ratio, "
            "derived or conversion",
        ),
        (
            "metrics:\n  - {name: d, type: derived, expr: {op: divide, args: [u, 0]}}\n"
            "  - {name: u, measure: users}\n",
            "m.yaml:9: the formula of metric 'd' divides by 0 — divide by a metric or a "
            "non-zero number",
        ),
        (
            "metrics:\n  - {name: d, type: derived, expr: {op: add, args: [users, 1]}}\n",
            "m.yaml:9: 'users' in the formula of metric 'd' is a measure, not a metric — "
            "add a simple metric for measure 'users' and use that",
        ),
        (
            "metrics:\n  - name: c\n    type: conversion\n    base: {touchpoint: checkout}\n"
            "    conversion: {}\n",
            "m.yaml:12: step 'conversion' of conversion metric 'c' matches every event — "
            "give it a 'touchpoint' or 'filters'",
        ),
        (
            "measures:\n  - {name: p, table: events, agg: percentile, column: revenue}\n",
            "m.yaml:7: measure 'p' needs 'percentile' (between 0 and 1) — e.g. percentile: 0.9",
        ),
        (
            "measures:\n  - {name: s, table: events, agg: sum, column: channel}\n",
            "m.yaml:7: column 'events.channel' in measure 's' is text, not a number — "
            "use a column of that type",
        ),
        (
            "measures:\n  - name: f\n    table: events\n    agg: count\n"
            "    filters: [{column: channel, op: in, value: app}]\n",
            "m.yaml:10: 'in' takes a list in 'values' (values: [a, b]), not 'value'",
        ),
        (
            "measures:\n  - {name: f, table: event, agg: count}\n",
            "m.yaml:7: unknown table 'event' in measure 'f' — did you mean 'events'?",
        ),
        (
            "journeys:\n  - {name: j, steps: [a, b]}\n",
            "m.yaml:9: no journey is the default — add 'default: true' to one journey (e.g. 'j')",
        ),
        (
            "dimensions:\n  - {name: d, table: events, column: ts, type: time, "
            "values: [{value: x}]}\n",
            "m.yaml:9: time dimension 'd' lists values — remove 'values'",
        ),
        (
            "policies:\n  boss: {metrics: '*'}\n",
            "m.yaml:3: default role 'analyst' has no policy — expected one of: boss",
        ),
    ],
)
def test_single_mistakes(body: str, expected: str) -> None:
    if not body.startswith(("measures", "policies")):
        body = USERS + body  # the metric cases refer to measure 'users' (line 7)
    found = messages(HEAD + body, schema=SCHEMA)
    assert expected in found, found


def test_yaml_syntax_error_points_at_its_line() -> None:
    found = messages("version: 1\nname: x\nsettings: {timezone: UTC\ntables: {}\n")
    assert len(found) == 1
    assert found[0].startswith("m.yaml:4: YAML syntax error")


def test_duplicate_keys_and_empty_files() -> None:
    assert "m.yaml:2: duplicate key 'version' — it is already set at line 1; keep one" in messages(
        "version: 1\nversion: 1\n"
    )
    assert messages("")[0].startswith("m.yaml:1: the model is empty")


def test_filters_accept_word_operators_and_unquoted_equals() -> None:
    found = messages(
        HEAD
        + "measures:\n"
        + "  - name: paid\n    table: events\n    agg: count\n"
        + "    filters: [{column: touchpoint, op: =, value: payment}, "
        + "{column: revenue, op: gte, value: 10}]\n",
        schema=SCHEMA,
    )
    assert found == []


def test_row_filters_must_apply_to_the_tables_a_role_may_read() -> None:
    found = messages(
        HEAD
        + "  costs: {time: date}\n"
        + "dimensions:\n  - {name: channel, table: events, column: channel}\n"
        + "measures:\n  - {name: cost, table: costs, agg: sum, column: cost}\n"
        + "metrics:\n  - {name: cost, measure: cost}\n"
        + "policies:\n  analyst: {metrics: '*'}\n"
        + "  web: {metrics: [cost], row_filters: [{dimension: channel, value: website}]}\n"
    )
    assert found == [
        "m.yaml:15: policy 'web' allows metric 'cost', but its row filter on 'channel' cannot "
        "apply to table 'costs' — remove the metric from the policy, or give 'costs' the "
        "'channel' column (also_in) or a join to a table that has it"
    ]


def test_sampled_values_give_warnings_not_errors() -> None:
    report = validate_text(
        HEAD
        + "dimensions:\n  - name: channel\n    table: events\n    column: channel\n"
        + "    values: [{value: web}]\n"
        + "touchpoints:\n  - {id: checkout, stage: purchase}\n",
        "m.yaml",
        schema=SCHEMA,
        samples={"events": {"channel": frozenset({"website"}), "touchpoint": frozenset({"cart"})}},
    )
    assert report.ok
    assert [str(p) for p in report.warnings] == [
        "m.yaml:10: warning: value 'web' of dimension 'channel' does not occur in the data — "
        "did you mean 'website'?",
        "m.yaml:11: warning: touchpoint occurs in the data but not in the model: cart — "
        "add them to 'touchpoints' so questions can name them",
        "m.yaml:12: warning: touchpoint 'checkout' does not occur in events.touchpoint — "
        "expected one of: cart",
    ]


def test_order_measures_left_on_another_step_than_the_purchase_warn() -> None:
    """The purchase touchpoint moved to the accepted quote while `tpa init`'s `orders` still
    counts the payment: a warning naming both (the order metrics would answer for the old step);
    a measure on the purchase touchpoint itself is fine."""
    base = HEAD.replace("settings: {timezone: UTC}", "settings: {timezone: UTC, "
                        "purchase_touchpoint: quote_accepted}")  # fmt: skip
    touchpoints = (
        "touchpoints:\n  - {id: quote_accepted, stage: purchase}\n"
        "  - {id: payment_received, stage: retention}\n"
    )
    moved = validate_text(
        base + "measures:\n  - {name: orders, table: events, agg: count, filters: "
        "[{column: touchpoint, op: '=', value: payment_received}]}\n" + touchpoints,
        "m.yaml",
    )
    assert moved.ok
    assert [str(p) for p in moved.warnings] == [
        "m.yaml:7: warning: measure 'orders' counts touchpoint 'payment_received', but the "
        "purchase touchpoint is 'quote_accepted' — count 'quote_accepted' (or rename the measure "
        "if 'payment_received' is meant)"
    ]
    kept = validate_text(
        base + "measures:\n  - {name: orders, table: events, agg: count, filters: "
        "[{column: touchpoint, op: '=', value: quote_accepted}]}\n" + touchpoints,
        "m.yaml",
    )
    assert kept.ok and kept.warnings == ()


def test_unreadable_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="model file not found"):
        validate_file(tmp_path / "nope.yaml")


def test_rules_are_small_classes_with_unique_names() -> None:
    names = [type(rule).__name__ for rule in DEFAULT_RULES]
    assert len(names) == len(set(names)) >= 15
    assert all(callable(getattr(rule, "check", None)) for rule in DEFAULT_RULES)
