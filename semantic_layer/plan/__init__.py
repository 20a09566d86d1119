"""The QueryPlan: what both planners produce and the compiler consumes (docs/design.md).

Plans name things in the semantic model (metrics, dimensions, touchpoints, journeys) and never
hold SQL (except the unverified `sql` kind) or resolved dates: time is a relative `TimeSpec`.
Structure and obvious invariants are checked here; `plan.references()` lists the names for the
validator that checks them against a model.

    >>> plan = parse_plan({"kind": "dropoff", "time": "last_week", "language": "en"})
    >>> plan.kind, plan.time.token, plan.limit
    ('dropoff', 'last_week', None)
"""

from __future__ import annotations

from semantic_layer.plan.analysis import ChannelRule, DriversPlan, MetricPlan
from semantic_layer.plan.common import (
    DEFAULT_TIME,
    MAX_LIMIT,
    AnalysisPlan,
    BasePlan,
    Choice,
    Filter,
    FilterOp,
    Order,
    References,
    Scalar,
)
from semantic_layer.plan.describe import describe
from semantic_layer.plan.fallback import AnalysisKind, ClarifyPlan, SqlPlan, UnsupportedPlan
from semantic_layer.plan.journeys import (
    AttributionModel,
    AttributionPlan,
    DropoffPlan,
    FunnelPlan,
    JourneyPlan,
    PathsPlan,
    RetentionPlan,
)
from semantic_layer.plan.problems import PlanError, PlanProblem
from semantic_layer.plan.schema import plan_json_schema
from semantic_layer.plan.union import (
    PLAN_ADAPTER,
    PlanEnvelope,
    QueryPlan,
    parse_plan,
    plan_to_json,
)
from semantic_layer.plan.wording import Labels

__all__ = [
    "DEFAULT_TIME",
    "MAX_LIMIT",
    "PLAN_ADAPTER",
    "AnalysisKind",
    "AnalysisPlan",
    "AttributionModel",
    "AttributionPlan",
    "BasePlan",
    "ChannelRule",
    "Choice",
    "ClarifyPlan",
    "DriversPlan",
    "DropoffPlan",
    "Filter",
    "FilterOp",
    "FunnelPlan",
    "JourneyPlan",
    "Labels",
    "MetricPlan",
    "Order",
    "PathsPlan",
    "PlanEnvelope",
    "PlanError",
    "PlanProblem",
    "QueryPlan",
    "References",
    "RetentionPlan",
    "Scalar",
    "SqlPlan",
    "UnsupportedPlan",
    "describe",
    "parse_plan",
    "plan_json_schema",
    "plan_to_json",
]
