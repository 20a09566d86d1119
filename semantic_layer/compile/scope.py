"""Table scans: one canonical table, the lookups it needs, and the conditions that always apply.

Every table an analysis reads goes through `Scan`, so a role's row filters and the question's
filters cannot be left out: a dimension is read from the table's own column when it has one, else
through one of the table's declared joins (e.g. events → users on user_id). A filter that cannot
reach a table is an error, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from sqlglot import exp

from semantic_layer.model.base import Condition, RowFilter
from semantic_layer.model.spec import ModelSpec
from semantic_layer.model.spec_data import (
    Bucket,
    DatePart,
    DimensionSpec,
    MeasureSpec,
    ValueMap,
)

BASE = "t"


class ScopeError(ValueError):
    """A dimension or filter that cannot be applied to a table; the message says why, and
    `dimension` / `table` name them when a dimension does not reach the table."""

    def __init__(self, message: str, dimension: str = "", table: str = "") -> None:
        super().__init__(message)
        self.dimension, self.table = dimension, table


@dataclass(frozen=True)
class DimFilter:
    """A question's filter: `dimension op values` (dimension names, never SQL)."""

    dimension: str
    op: str
    values: tuple[str | int | float | bool, ...]


@dataclass
class Scan:
    """FROM <table> AS t [LEFT JOIN <lookup> AS j_<lookup> ON …] WHERE <conditions>."""

    model: ModelSpec
    table: str
    conditions: list[exp.Expr] = field(default_factory=list)
    joins: dict[str, str] = field(default_factory=dict)  # lookup table → join column

    def column(self, table: str, column: str) -> exp.Column:
        """A column of the base table or of a lookup (joined on demand)."""
        if table == self.table:
            return exp.column(column, BASE)
        join = self._join_to(table)
        if join is None:
            raise ScopeError(f"table {self.table} has no join to {table}")
        self.joins[table] = join
        return exp.column(column, f"j_{table}")

    def dimension(self, dim: DimensionSpec) -> exp.Expr:
        """The expression of `dim` for rows of this table: its own column, else through a join."""
        column = dim.source_column or dim.name
        if self.table == dim.table:
            source = exp.column(column, BASE)
        elif self.table in dim.also_in:
            source = exp.column(dim.also_in[self.table], BASE)
        elif self._join_to(dim.table) is not None:
            source = self.column(dim.table, column)
        elif (linked := self._linked(dim)) is not None:  # a joined table keeps it (also_in)
            source = self.column(linked, dim.also_in[linked])
        else:
            raise ScopeError(
                f"dimension '{dim.name}' is not available for {self.table} (it is a column of "
                f"{dim.table}, which {self.table} does not join)",
                dimension=dim.name,
                table=self.table,
            )
        return _apply_expr(dim, source)

    def where(self, condition: exp.Expr) -> None:
        self.conditions.append(condition)

    def time_column(self) -> exp.Column | None:
        spec = self.model.tables.get(self.table)
        return exp.column(spec.time, BASE) if spec is not None and spec.time else None

    def entity(self) -> exp.Column:
        spec = self.model.tables.get(self.table)
        return exp.column((spec.entity if spec else None) or "user_id", BASE)

    def from_(self, select: exp.Select) -> exp.Select:
        """`select` reading this scan (joins and conditions attached)."""
        select = select.from_(exp.to_table(self.table).as_(BASE))
        for table, on in self.joins.items():
            alias = f"j_{table}"
            select = select.join(
                exp.to_table(table).as_(alias),
                on=exp.column(on, BASE).eq(exp.column(on, alias)),
                join_type="left",
            )
        return select.where(exp.and_(*self.conditions)) if self.conditions else select

    def _linked(self, dim: DimensionSpec) -> str | None:
        """A table this one joins that holds `dim` under its own column (`also_in`)."""
        spec = self.model.tables.get(self.table)
        return next((j.table for j in (spec.joins if spec else ()) if j.table in dim.also_in), None)

    def _join_to(self, table: str) -> str | None:
        spec = self.model.tables.get(self.table)
        for join in spec.joins if spec else ():
            if join.table == table:
                return join.on or spec.entity or "user_id"  # type: ignore[union-attr]
        return None


def condition(column: exp.Expr, cond: Condition) -> exp.Expr:
    """`column op value(s)` as a tree (values become literals, never SQL text)."""
    values = [_literal(v) for v in cond.operands()]
    op = cond.op
    if op == "in":
        return column.isin(*values)
    if op == "not_in":
        return exp.not_(column.isin(*values))
    if op == "is_null":
        return column.is_(exp.null())
    if op == "not_null":
        return exp.not_(column.is_(exp.null()))
    builders = {"=": exp.EQ, "!=": exp.NEQ, ">": exp.GT, ">=": exp.GTE, "<": exp.LT, "<=": exp.LTE}
    return builders[op](this=column, expression=values[0])


def measure_conditions(model: ModelSpec, measure: MeasureSpec) -> list[exp.Expr]:
    """What a row of `t` must meet to be counted by `measure`: its filters and, for a
    `first_only` measure, being its entity's earliest row meeting them (ever, not only in the
    range asked about: a first-time buyer)."""
    conds = [condition(exp.column(f.column, BASE), f) for f in measure.filters]
    table = model.tables.get(measure.table)
    if not measure.first_only or table is None or table.time is None:
        return conds
    entity = table.entity or "user_id"
    firsts = exp.select(exp.column(entity), exp.func("min", exp.column(table.time)))
    firsts = firsts.from_(exp.to_table(measure.table)).group_by(exp.column(entity))
    inner = [condition(exp.column(f.column), f) for f in measure.filters]
    if inner:
        firsts = firsts.where(exp.and_(*inner))
    pair = exp.Tuple(expressions=[exp.column(entity, BASE), exp.column(table.time, BASE)])
    return [*conds, exp.In(this=pair, query=exp.Subquery(this=firsts))]


def apply_row_filters(
    scan: Scan, filters: Sequence[RowFilter], dims: dict[str, DimensionSpec]
) -> None:
    """Add a role's row filters to `scan`; refuse when one cannot reach the table."""
    for rf in filters:
        if rf.dimension is not None:
            try:
                target = scan.dimension(dims[rf.dimension])
            except ScopeError as exc:
                raise ScopeError(
                    f"your access is limited by {rf.dimension}, which cannot be applied to "
                    f"{scan.table}, so {scan.table} is not available to you ({exc})"
                ) from None
        else:
            assert rf.column is not None
            target = exp.column(rf.column, BASE)
        scan.where(condition(target, rf))


def apply_filters(scan: Scan, filters: Sequence[DimFilter], dims: dict[str, DimensionSpec]) -> None:
    for f in filters:
        scan.where(filter_condition(scan.dimension(dims[f.dimension]), f))


def filter_condition(column: exp.Expr, f: DimFilter) -> exp.Expr:
    """A question's filter on `column` (the dimension's expression, or a column holding it)."""
    if f.op in ("in", "not_in"):
        cond = Condition(op=f.op, values=f.values)  # type: ignore[arg-type]
    elif f.op in ("is_null", "not_null"):
        cond = Condition(op=f.op)  # type: ignore[arg-type]
    else:
        cond = Condition(op=f.op, value=f.values[0])  # type: ignore[arg-type]
    return condition(column, cond)


def _apply_expr(dim: DimensionSpec, source: exp.Expr) -> exp.Expr:
    expr = dim.expr
    if expr is None:
        return source
    if isinstance(expr, DatePart):
        part = {"day_of_week": "isodow", "day_of_month": "day"}.get(expr.part, expr.part)
        return exp.func("date_part", exp.Literal.string(part), source)
    if isinstance(expr, ValueMap):
        ifs = [
            exp.If(this=source.copy().eq(_literal(k)), true=_literal(v))
            for k, v in expr.mapping.items()
        ]
        fallback = (
            _literal(expr.default)
            if expr.default is not None
            else exp.cast(source.copy(), "VARCHAR")
        )
        return exp.Case(ifs=ifs, default=fallback)
    return _bucket(expr, source)


def _bucket(expr: Bucket, source: exp.Expr) -> exp.Expr:
    edges = list(expr.edges)
    names = list(expr.labels or ())
    if not names:
        names = [f"<{_num(edges[0])}"]
        names += [f"{_num(a)}–{_num(b)}" for a, b in pairwise(edges)]
        names.append(f"≥{_num(edges[-1])}")
    ifs = [exp.If(this=source.copy().is_(exp.null()), true=exp.null())]
    ifs += [
        exp.If(this=source.copy() < exp.Literal.number(e), true=exp.Literal.string(n))
        for e, n in zip(edges, names, strict=False)
    ]
    return exp.Case(ifs=ifs, default=exp.Literal.string(names[-1]))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _literal(value: object) -> exp.Expr:
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, (int, float)):
        return exp.Literal.number(value)
    return exp.Literal.string(str(value))
