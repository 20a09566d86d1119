"""The catalog: what a role can ask about, named in English and Chinese, with example questions
grouped by the people who ask them (the chat's side panel, `GET /v1/catalog`)."""

from __future__ import annotations

from itertools import groupby
from typing import Any, Final

from assistant.kinds import KINDS
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.phrasebook import CATALOGUES, section

EXAMPLES: Final = section("catalog.examples")
"""Example questions by the asker's role (`marketing_1`, `marketing_2`, … `service_2`)."""


def _named(item: Any, key: str) -> dict[str, Any]:
    return {
        "name": key,
        "label": {lang: item.label(lang) for lang in CATALOGUES},
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
        group: [{lang: EXAMPLES[lang][key] for lang in CATALOGUES} for key in keys]
        for group, keys in groupby(EXAMPLES["en"], key=lambda key: key.rsplit("_", 1)[0])
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
