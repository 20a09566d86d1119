"""Access policies: which metrics, dimensions and kinds of analysis a role may use, and its row
filters per table.

Checked after planning and applied by the compiler, so no question or LLM output can remove them.
What computes a metric under another name is held to the same list: raw SQL is only for roles
that may use every metric, and an attribution needs a metric over the measure it credits.
"""

from __future__ import annotations

from sqlglot import exp

from semantic_layer.compile.scope import condition
from semantic_layer.errors import UserError
from semantic_layer.model.base import RowFilter
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec import EVERYTHING, PolicySpec
from semantic_layer.model.spec_data import MeasureSpec
from semantic_layer.model.spec_metrics import SimpleMetric
from semantic_layer.plan import AttributionPlan, QueryPlan, SqlPlan


class AccessDenied(UserError):
    """The caller's role may not see what the plan asks for."""

    def __init__(self, message: str, **kw: object) -> None:
        super().__init__(message, kind="access_denied", **kw)  # type: ignore[arg-type]


def check_access(plan: QueryPlan, model: SemanticModel, role: str | None) -> PolicySpec:
    """The role's policy, after checking every metric and dimension the plan uses against it."""
    policy = model.policy(role)
    name = role if role is not None else model.settings.default_role
    if isinstance(plan, SqlPlan):
        _check_raw_sql(policy, name)
    if isinstance(plan, AttributionPlan):
        _check_attribution(plan, model, policy, name)
    if not policy.allows_analysis(plan.kind):
        raise AccessDenied(
            f"analysis '{plan.kind}' is not available to the role '{name}'",
            names=[plan.kind],
            hint=_allowed("kinds of analysis", policy.analyses),
        )
    refs = plan.references()
    for metric in refs.metrics:
        model.metric(metric)  # unknown names fail here with suggestions
        if not policy.allows_metric(metric):
            raise AccessDenied(
                f"metric '{metric}' is not available to the role '{name}'",
                names=[metric],
                hint=_allowed("metrics", policy.metrics),
            )
    for dimension in refs.dimensions:
        model.dimension(dimension)
        if not policy.allows_dimension(dimension):
            raise AccessDenied(
                f"dimension '{dimension}' is not available to the role '{name}'",
                names=[dimension],
                hint=_allowed("dimensions", policy.dimensions),
            )
    for touchpoint in refs.touchpoints:
        model.touchpoint(touchpoint)
    for journey in refs.journeys:
        model.journey(journey)
    return policy


def _check_raw_sql(policy: PolicySpec, role: str) -> None:
    """Raw SQL reads columns, not metrics: `sum(revenue)` is the revenue metric under another
    name, so a role limited to a list of metrics or dimensions cannot be given raw SQL — only the
    plans the layer compiles hold it to its list. Roles that may use everything get raw SQL,
    with their row filters around every table it reads (`guard.restrict`)."""
    if policy.metrics != EVERYTHING or policy.dimensions != EVERYTHING:
        raise AccessDenied(
            f"raw SQL is not available to the role '{role}': it may use only its own metrics "
            "and dimensions",
            hint="ask for one of them instead",
        )


def _check_attribution(
    plan: AttributionPlan, model: SemanticModel, policy: PolicySpec, role: str
) -> None:
    """Attribution credits a measure to channels: revenue, or the conversions at a touchpoint.
    Its credits add up to that measure by channel (last touch is exactly "revenue by channel"),
    so a role with a metric list needs a metric over the same measure."""
    if policy.metrics == EVERYTHING:
        return
    conversion = plan.conversion_touchpoint or model.settings.purchase_touchpoint
    same = [  # simple metrics only: a ratio (complaints per order) does not show its parts
        name
        for name, metric in model.metrics.items()
        if isinstance(metric, SimpleMetric)
        and _credits(model.measure(metric.measure), plan.value, conversion)
    ]
    if not any(policy.allows_metric(name) for name in same):
        what = "revenue" if plan.value == "revenue" else f"conversions at '{conversion}'"
        raise AccessDenied(
            f"attribution of {what} is not available to the role '{role}': it may not use "
            + (", ".join(f"'{n}'" for n in same[:3]) or "a metric over it"),
            names=same[:3],
            hint=_allowed("metrics", policy.metrics),
        )


def _credits(measure: MeasureSpec, value: str, conversion: str | None) -> bool:
    """Whether `measure` is what an attribution of `value` credits (events only)."""
    if measure.table != "events":
        return False
    if value == "revenue":
        return measure.agg == "sum" and measure.column == "revenue"
    counts = measure.agg in ("count", "count_distinct")
    return counts and any(
        f.column == "touchpoint" and f.op == "=" and f.value == conversion for f in measure.filters
    )


def _allowed(what: str, names: tuple[str, ...] | str) -> str:
    listed = list(names)[:12]
    more = ", …" if len(names) > len(listed) else ""
    return f"the role may use these {what}: {', '.join(listed)}{more}"


def table_filters(
    model: SemanticModel, filters: tuple[RowFilter, ...]
) -> dict[str, exp.Expr | None]:
    """For raw SQL: each table the role can read with its row condition on that table's columns.

    A filter on a dimension the table lacks goes through the table's join (a semi-join on the join
    column); a table no filter can reach is left out, so raw SQL cannot read it.
    """
    readable: dict[str, exp.Expr | None] = {}
    for table in model.tables:
        parts = [_on_table(model, table, rf) for rf in filters]
        if any(p is None for p in parts):
            continue
        conds = [p for p in parts if p is not None]
        readable[table] = exp.and_(*conds) if conds else None
    return readable


def _on_table(model: SemanticModel, table: str, rf: RowFilter) -> exp.Expr | None:
    if rf.dimension is None:
        return condition(exp.column(rf.column or ""), rf)
    dim = model.dimension(rf.dimension)
    own = dim.column_in(table)
    if own is not None and dim.expr is None:
        return condition(exp.column(own), rf)
    spec = model.tables[table]
    for join in spec.joins:
        if join.table == dim.table and dim.column is not None:
            key = join.on or spec.entity or "user_id"
            inner = (
                exp.select(exp.column(key))
                .from_(dim.table)
                .where(condition(exp.column(dim.column), rf))
            )
            return exp.column(key).isin(query=inner)
    return None
