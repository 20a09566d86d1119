"""The catalog: what a role can ask about, named in English and Chinese, with example questions
grouped by the people who ask them (the chat's side panel, `GET /v1/catalog`)."""

from __future__ import annotations

from typing import Any, Final

from assistant.kinds import KINDS
from semantic_layer.model.semantic import SemanticModel

# Example questions by role of the asker (marketing, operations, sales, product, service).
EXAMPLES: Final[dict[str, list[tuple[str, str]]]] = {
    "marketing": [
        ("which channel contributes most to purchases last month", "上个月哪个渠道对购买贡献最大"),
        ("ROI by channel last month", "上个月各渠道投资回报率"),
        ("30-day retention of users acquired on WeChat", "微信获客用户的30天留存"),
    ],
    "operations": [
        ("which touchpoint lost the most users last week", "上周哪个触点流失用户最多"),
        ("what do users do after the product page", "用户在商品详情页之后做了什么"),
    ],
    "sales": [
        ("revenue by channel this month vs last month", "本月各渠道销售额环比"),
        ("top 3 cities by revenue last month", "上个月销售额前三的城市"),
    ],
    "product": [
        ("why did checkout conversion drop last week?", "上周结账转化率为什么下降？"),
        ("purchase funnel last week by device", "上周按设备看购买漏斗"),
    ],
    "service": [
        (
            "median first response time by region over the last 4 weeks",
            "最近4周各区域首次响应时间中位数",
        ),
        ("customer satisfaction by channel last month", "上个月各渠道客户满意度"),
    ],
}


def _named(item: Any, key: str) -> dict[str, Any]:
    return {
        "name": key,
        "label": {"en": item.label("en"), "zh": item.label("zh")},
        "description": getattr(item, "description", "") or "",
    }


def build_catalog(model: SemanticModel, role: str | None = None) -> dict[str, Any]:
    """The catalog for `role` (the model's default role when None)."""
    policy = model.policy(role)
    metrics = [
        {**_named(m, m.name), "format": m.format}
        for m in model.spec.metrics
        if policy.allows_metric(m.name)
    ]
    dimensions = [
        _named(d, d.name) for d in model.spec.dimensions if policy.allows_dimension(d.name)
    ]
    touchpoints = [
        {**_named(t, t.id), "stage": t.stage, "channel": t.channel} for t in model.spec.touchpoints
    ]
    analyses = [kind.name for kind in KINDS if kind.runs and policy.allows_analysis(kind.name)]
    # journeys, for a role that may run a kind that walks a journey's steps (funnel, drop-off)
    walks_steps = any(k.follow is not None and k.follow.steps for k in KINDS if k.name in analyses)
    journeys = [
        {**_named(j, j.name), "steps": list(j.steps), "default": j.default}
        for j in model.spec.journeys
        if walks_steps
    ]
    examples = {
        group: [{"en": en, "zh": zh} for en, zh in pairs] for group, pairs in EXAMPLES.items()
    }
    return {
        "model": model.name,
        "role": role or model.settings.default_role,
        "metrics": metrics,
        "dimensions": dimensions,
        "touchpoints": touchpoints,
        "journeys": journeys,
        "analyses": analyses,
        "examples": examples,
    }


__all__ = ["EXAMPLES", "build_catalog"]
