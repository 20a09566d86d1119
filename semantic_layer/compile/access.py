"""Access policies: which metrics and dimensions a role may use, and its row filters per table.

Checked after planning and applied by the compiler, so no question or LLM output can remove them.
"""

from __future__ import annotations

from sqlglot import exp

from semantic_layer.compile.scope import condition
from semantic_layer.errors import UserError
from semantic_layer.model.base import RowFilter
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec import PolicySpec
from semantic_layer.plan import QueryPlan


class AccessDenied(UserError):
    """The caller's role may not see what the plan asks for."""


def check_access(plan: QueryPlan, model: SemanticModel, role: str | None) -> PolicySpec:
    """The role's policy, after checking every metric and dimension the plan uses against it."""
    policy = model.policy(role)
    refs = plan.references()
    for metric in refs.metrics:
        model.metric(metric)  # unknown names fail here with suggestions
        if not policy.allows_metric(metric):
            raise AccessDenied(f"metric '{metric}' is not available to your role")
    for dimension in refs.dimensions:
        model.dimension(dimension)
        if not policy.allows_dimension(dimension):
            raise AccessDenied(f"dimension '{dimension}' is not available to your role")
    for touchpoint in refs.touchpoints:
        model.touchpoint(touchpoint)
    for journey in refs.journeys:
        model.journey(journey)
    return policy


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
