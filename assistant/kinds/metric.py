"""The `metric` kind: metrics by dimensions over a time, a series, a comparison or a ranking."""

from __future__ import annotations

from assistant.answer.charts_metric import metric_chart
from assistant.answer.narrate.metric import metric_text
from assistant.answer.narrate.suggest import metric_questions
from assistant.kinds.base import Kind
from assistant.kinds.follow import FollowUp
from semantic_layer.compile.compiler import build_metric
from semantic_layer.plan import MetricPlan

KIND = Kind(
    name="metric",
    plan=MetricPlan,
    prompt="metrics x dimensions (breakdowns) over a time; grain for a time series; compare "
    "previous_period (环比) or same_period_last_year (同比); order + limit for rankings.",
    compile=build_metric,
    narrate=metric_text,
    chart=metric_chart,
    suggest=metric_questions,
    follow=FollowUp(
        why=True,
        view=("dimensions", "grain", "compare"),
        touch_rule="channel_rule",
        compare=True,
        narrows=True,
        grain=True,
        rank="order",
        split="add",
    ),
    exports_users=True,
    watchable=True,
)
