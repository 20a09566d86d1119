"""`QueryPlan`: the union of every plan kind, and `parse_plan` for plans from outside."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, Final

from pydantic import Field, TypeAdapter, ValidationError

from semantic_layer.plan.analysis import DriversPlan, MetricPlan
from semantic_layer.plan.common import PlanModel
from semantic_layer.plan.fallback import ClarifyPlan, SqlPlan, UnsupportedPlan
from semantic_layer.plan.journeys import (
    AttributionPlan,
    DropoffPlan,
    FunnelPlan,
    PathsPlan,
    RetentionPlan,
)
from semantic_layer.plan.problems import PlanError, PlanProblem, problems_from

QueryPlan = Annotated[
    MetricPlan
    | FunnelPlan
    | DropoffPlan
    | PathsPlan
    | RetentionPlan
    | AttributionPlan
    | DriversPlan
    | SqlPlan
    | ClarifyPlan
    | UnsupportedPlan,
    Field(discriminator="kind"),
]
PLAN_ADAPTER: Final[TypeAdapter[QueryPlan]] = TypeAdapter(QueryPlan)


class PlanEnvelope(PlanModel):
    """{"plan": …}: the object an LLM returns under strict structured output (its root must be
    an object, not a union)."""

    plan: QueryPlan


def parse_plan(data: Mapping[str, Any] | str) -> QueryPlan:
    """A plan from its JSON (text or decoded), bare or wrapped as {"plan": …}.

    Raises:
        PlanError: listing every problem with its JSON path, e.g.
            "filters[0].op: Input should be '=', … or '<=', not '=='",
            "limt: unknown field 'limt' — did you mean 'limit'?".
    """
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as err:
            where = f"line {err.lineno}, column {err.colno}"
            raise PlanError([PlanProblem("", f"not valid JSON: {err.msg} ({where})")]) from None
    if isinstance(data, Mapping) and set(data) == {"plan"}:
        data = data["plan"]
    if not isinstance(data, Mapping):
        raise PlanError([PlanProblem("", f"a plan is a JSON object, not {type(data).__name__}")])
    try:
        return PLAN_ADAPTER.validate_python(data)
    except ValidationError as err:
        raise PlanError(problems_from(err.errors(), QueryPlan)) from None


def plan_to_json(plan: QueryPlan) -> dict[str, Any]:
    """The plan's JSON form (what `parse_plan` reads back)."""
    return plan.model_dump(mode="json")
