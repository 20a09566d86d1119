"""Access policies name metrics, dimensions and a default role that exist."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..problems import Problem
from ..spec import EVERYTHING, PolicySpec
from ..spec_data import DimensionSpec
from ..spec_metrics import ConversionMetric, SimpleMetric
from .base import RuleContext, suggest


@dataclass(frozen=True)
class PolicyReferences:
    """Allowed metrics and dimensions exist; row filters name a dimension (or a real column)."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        for role, policy in ctx.spec.policies.items():
            yield from _names(
                ctx, role, policy=policy, key="metrics", known={m.name for m in ctx.spec.metrics}
            )
            dims = {d.name for d in ctx.spec.dimensions}
            yield from _names(ctx, role, policy=policy, key="dimensions", known=dims)
            yield from _row_filters(ctx, role, policy, dims)
        default = ctx.spec.settings.default_role
        if ctx.spec.policies and default not in ctx.spec.policies:
            yield ctx.problem(
                ctx.spec.settings,
                ("default_role",),
                message=f"default role '{default}' has no policy",
                suggestion=suggest(default, ctx.spec.policies),
            )


def _names(
    ctx: RuleContext, role: str, *, policy: PolicySpec, key: str, known: set[str]
) -> Iterator[Problem]:
    allowed = getattr(policy, key)
    if allowed == EVERYTHING:
        return
    for i, name in enumerate(allowed):
        if name not in known and not ctx.is_broken(key, name):
            kind = key.rstrip("s")
            yield ctx.problem(
                policy,
                (key, i),
                message=f"unknown {kind} '{name}' in policy '{role}'",
                suggestion=suggest(name, known),
            )


def _row_filters(
    ctx: RuleContext, role: str, policy: PolicySpec, dims: set[str]
) -> Iterator[Problem]:
    for i, row in enumerate(policy.row_filters):
        if row.dimension is not None and row.dimension not in dims:
            yield ctx.problem(
                policy,
                ("row_filters", i, "dimension"),
                message=f"unknown dimension '{row.dimension}' in a row filter of policy '{role}'",
                suggestion=suggest(row.dimension, dims),
            )
        if row.column is not None and ctx.schema is not None:
            tables = [t for t in ctx.spec.tables if row.column in (ctx.columns_of(t) or {})]
            if not tables:
                every = {c for t in ctx.spec.tables for c in ctx.columns_of(t) or {}}
                yield ctx.problem(
                    policy,
                    ("row_filters", i, "column"),
                    message=f"no table has column '{row.column}' (row filter of policy '{role}')",
                    suggestion=suggest(row.column, every),
                )


@dataclass(frozen=True)
class RowFiltersApply:
    """A role's row filters can be applied to every table its metrics read (else the compiler
    would have to refuse those metrics): error for listed metrics, warning under "*"."""

    def check(self, ctx: RuleContext) -> Iterator[Problem]:
        dims = {d.name: d for d in ctx.spec.dimensions}
        for role, policy in ctx.spec.policies.items():
            filters = [r for r in policy.row_filters if r.dimension in dims]
            if not filters:
                continue
            listed = policy.metrics != EVERYTHING
            names = policy.metrics if listed else tuple(m.name for m in ctx.spec.metrics)
            for i, name in enumerate(names):
                for table in sorted(metric_tables(ctx, name)):
                    for row in filters:
                        dim = dims[str(row.dimension)]
                        if filterable(ctx, dim, table):
                            continue
                        yield ctx.problem(
                            policy,
                            ("metrics", i) if listed else ("row_filters",),
                            message=(
                                f"policy '{role}' allows metric '{name}', but its row filter on "
                                f"'{dim.name}' cannot apply to table '{table}'"
                            ),
                            suggestion=f"remove the metric from the policy, or give '{table}' the "
                            f"'{dim.name}' column (also_in) or a join to a table that has it",
                            severity="error" if listed else "warning",
                        )


def metric_tables(ctx: RuleContext, name: str, depth: int = 0) -> set[str]:
    """The tables a metric (or measure) reads, through ratios and formulas."""
    metric = ctx.metric_named(name)
    if metric is None:
        return {m.table for m in ctx.spec.measures if m.name == name}
    if isinstance(metric, ConversionMetric):
        return {"events"}
    if isinstance(metric, SimpleMetric):
        return {m.table for m in ctx.spec.measures if m.name == metric.measure}
    if depth > 20:
        return set()  # a cycle: reported by MetricCycles
    tables: set[str] = set()
    for ref in metric.references():
        tables |= metric_tables(ctx, ref, depth + 1)
    return tables


def filterable(ctx: RuleContext, dim: DimensionSpec, table: str) -> bool:
    """Whether rows of `table` can be filtered on `dim` (directly or through one join)."""
    if dim.column_in(table) is not None or (dim.expr is not None and dim.table == table):
        return True
    spec = ctx.spec.tables.get(table)
    return spec is not None and any(dim.column_in(j.table) is not None for j in spec.joins)


__all__ = ["PolicyReferences", "RowFiltersApply", "filterable", "metric_tables"]
