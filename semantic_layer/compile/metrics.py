"""Metric queries: measures × dimensions × time grain × filters × comparison × order/limit.

The plan's metrics are expanded into leaf measures (and conversion metrics into two-step funnels);
the leaves of each table are aggregated in one scan — with the comparison period in the same scan,
tagged by a `_window` key — and the per-table results are merged on their keys. Metric formulas
(ratios, derived metrics) are computed on top of the merged leaves, and the comparison is pivoted
into `<metric>__previous`, `__change` and `__change_pct` columns.

Ratios of distinct users broken down by an event attribute (conversion rate by channel) assign each
user one value of the attribute — that of their first touch in the range, or last touch — so that a
user is counted once; the rule comes from the question or the model (docs/design.md "Meanings").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from sqlglot import exp

from semantic_layer.compile.funnel import FunnelSpec, journeys
from semantic_layer.compile.scope import (
    DimFilter,
    Scan,
    ScopeError,
    apply_filters,
    apply_row_filters,
    filter_condition,
    measure_conditions,
)
from semantic_layer.compile.scoped import attach, dim_column, events_source, scoped_events
from semantic_layer.compile.sql import days, in_range, safe_div, struct, truncate
from semantic_layer.model.base import RowFilter
from semantic_layer.model.spec import ModelSpec
from semantic_layer.model.spec_data import MeasureSpec
from semantic_layer.model.spec_metrics import (
    ConversionMetric,
    DerivedMetric,
    Formula,
    RatioMetric,
    SimpleMetric,
)

CURRENT, PREVIOUS = "current", "previous"
Rule = Literal["first_touch", "last_touch"]


@dataclass(frozen=True)
class MetricQuery:
    metrics: tuple[str, ...]
    start: date
    end: date  # exclusive
    dimensions: tuple[str, ...] = ()
    grain: str | None = None
    baseline: tuple[date, date] | None = None  # the comparison period [start, end)
    filters: tuple[DimFilter, ...] = ()
    row_filters: tuple[RowFilter, ...] = ()
    order_by: str | None = None
    descending: bool = True
    limit: int | None = None
    channel_rule: Rule | None = None  # None: the model's setting
    week_start: int = 0
    with_parts: bool = False  # also <metric>__num / __den for ratios (drivers need them)
    grouping_sets: bool = False  # each dimension on its own, in one pass; `_set` says which


@dataclass
class _Plan:
    """What the metrics need: plain measures by table, user-assigned measures, conversions."""

    plain: dict[str, list[MeasureSpec]] = field(default_factory=dict)
    assigned: dict[str, list[MeasureSpec]] = field(default_factory=dict)
    conversions: list[ConversionMetric] = field(default_factory=list)


class MetricCompiler:
    def __init__(self, model: ModelSpec, query: MetricQuery) -> None:
        self.model, self.q = model, query
        self.scans: list[Scan] = []  # every table scan built, to share the lookups they join
        self.metrics = {m.name: m for m in model.metrics}
        self.measures = {m.name: m for m in model.measures}
        self.dims = {d.name: d for d in model.dimensions}
        self.rule: Rule = query.channel_rule or model.settings.channel_rule
        self.keys = (
            (["period"] if query.grain else [])
            + [dim_column(d) for d in query.dimensions]
            + (["_set"] if query.grouping_sets else [])
        )

    # -- metric formulas over leaf columns ---------------------------------------------------
    def formula(self, name: str, assign: bool = False) -> exp.Expr:
        metric = self.metrics.get(name)
        if metric is None:
            return exp.column(self._leaf(name, assign))
        if isinstance(metric, SimpleMetric):
            return exp.column(self._leaf(metric.measure, assign))
        if isinstance(metric, RatioMetric):
            return safe_div(
                self.formula(metric.numerator, assign), self.formula(metric.denominator, assign)
            )
        if isinstance(metric, DerivedMetric):
            return self._derived(metric.expr, assign)
        return safe_div(exp.column(f"c_{name}__num"), exp.column(f"c_{name}__den"))

    def _derived(self, formula: Formula, assign: bool) -> exp.Expr:
        args = [
            self._derived(a, assign)
            if isinstance(a, Formula)
            else exp.Literal.number(a)
            if isinstance(a, float | int)
            else self.formula(a, assign)
            for a in formula.args
        ]
        result = args[0]
        for arg in args[1:]:
            if formula.op == "divide":
                result = safe_div(result, arg)
            else:
                op = {"add": exp.Add, "subtract": exp.Sub, "multiply": exp.Mul}[formula.op]
                result = exp.Paren(this=op(this=result, expression=arg))
        return result

    def _leaf(self, measure: str, assign: bool = False) -> str:
        if measure not in self.measures:
            raise ScopeError(f"unknown measure or metric '{measure}'")
        return f"{'a' if assign else 'm'}_{measure}"

    # -- which leaves are needed ------------------------------------------------------------
    def plan(self) -> _Plan:
        plan = _Plan()
        for name in self.q.metrics:
            self._collect(name, plan, assign=self.assigns(name))
        return plan

    def assigns(self, name: str) -> bool:
        """A ratio of distinct entities broken down by an attribute: assign one value per user."""
        metric = self.metrics.get(name)
        if not isinstance(metric, RatioMetric) or not (self.q.dimensions or self._touch_filters()):
            return False
        sides = [
            self.measures.get(self._measure_of(s)) for s in (metric.numerator, metric.denominator)
        ]
        tables = {s.table for s in sides if s is not None}
        return len(tables) == 1 and all(
            s is not None and s.agg == "count_distinct" and s.column == self._entity(s.table)
            for s in sides
        )

    def _touch_filters(self) -> frozenset[str]:
        """Filters on an attribute of events (channel, device): like a breakdown, they pick the
        users whose first (or last) touch had it, so "app conversion rate" is the app row of
        "conversion rate by channel"."""
        return frozenset(
            f.dimension
            for f in self.q.filters
            if (d := self.dims.get(f.dimension)) is not None
            and d.table == "events" and d.type == "categorical" and d.column != "touchpoint"
        )  # fmt: skip

    def _entity(self, table: str) -> str:
        spec = self.model.tables.get(table)
        return (spec.entity if spec else None) or "user_id"

    def _measure_of(self, ref: str) -> str:
        metric = self.metrics.get(ref)
        return metric.measure if isinstance(metric, SimpleMetric) else ref

    def _collect(self, name: str, plan: _Plan, assign: bool) -> None:
        metric = self.metrics.get(name)
        if metric is None or isinstance(metric, SimpleMetric):
            measure = self.measures.get(self._measure_of(name))
            if measure is None:
                raise ScopeError(f"unknown metric '{name}'")
            bucket = plan.assigned if assign else plan.plain
            if measure not in bucket.setdefault(measure.table, []):
                bucket[measure.table].append(measure)
        elif isinstance(metric, RatioMetric):
            self._collect(metric.numerator, plan, assign)
            self._collect(metric.denominator, plan, assign)
        elif isinstance(metric, DerivedMetric):
            for ref in metric.expr.names():
                self._collect(ref, plan, assign)
        elif metric not in plan.conversions:
            plan.conversions.append(metric)

    # -- SQL ---------------------------------------------------------------------------------
    def build(self) -> exp.Select:
        """The metrics, one row per key (with the comparison's columns when comparing)."""
        return self._finish(self.leaves())

    def leaves(self) -> exp.Select:
        """The merged leaf measures: one row per key and period (`_window`), before formulas."""
        plan = self.plan()
        parts = [self._plain(t, ms) for t, ms in plan.plain.items()]
        parts += [self._assigned(t, ms) for t, ms in plan.assigned.items()]
        parts += [self._conversion(m) for m in plan.conversions]
        merged = self._shared_lookups(self._merge(parts, self._leaf_columns(plan)))
        if plan.conversions:
            scoped = scoped_events(
                self.model,
                self.dims,
                filters=self.q.filters,
                row_filters=self.q.row_filters,
                extra=self.q.dimensions,
            )
            merged = attach(merged, scoped)
        return merged

    def _shared_lookups(self, query: exp.Select) -> exp.Select:
        """When several scans join the same lookup table (tickets and feedback both joining
        users for `region`), read the lookup once: a CTE of the rows those scans can match.
        Hashing a large lookup costs more than the scans themselves (measured on 10M events)."""
        by_lookup: dict[tuple[str, str], list[str]] = {}
        for scan in self.scans:
            for lookup, key in scan.joins.items():
                by_lookup.setdefault((lookup, key), []).append(scan.table)
        for (lookup, key), tables in by_lookup.items():
            if len(tables) < 2:
                continue
            name = f"lookup_{lookup}"
            keys = [self._keys_in_range(t, key) for t in dict.fromkeys(tables)]
            wanted = keys[0]
            for other in keys[1:]:
                wanted = exp.union(wanted, other, distinct=False)  # type: ignore[assignment]
            rows = exp.select("*").from_(lookup).where(exp.column(key).isin(query=wanted))
            for table in query.find_all(exp.Table):
                if table.name == lookup and table.alias == f"j_{lookup}":
                    table.set("this", exp.to_identifier(name))
            query = query.with_(name, rows, materialized=True)
        return query

    def _keys_in_range(self, table: str, key: str) -> exp.Select:
        keys = exp.select(exp.column(key)).from_(table)
        spec = self.model.tables.get(table)
        if spec is None or not spec.time:
            return keys
        ranges = [in_range(exp.column(spec.time), a, b) for _, a, b in self._windows()]
        return keys.where(exp.or_(*ranges) if len(ranges) > 1 else ranges[0])

    def _windows(self) -> list[tuple[str, date, date]]:
        windows = [(CURRENT, self.q.start, self.q.end)]
        if self.q.baseline is not None:
            windows.append((PREVIOUS, *self.q.baseline))
        return windows

    def _scan(self, table: str, skip: frozenset[str] = frozenset()) -> Scan:
        """A scan of `table` with the role's row filters and the question's filters (except
        those on the `skip` dimensions)."""
        scan = Scan(self.model, table)
        self.scans.append(scan)
        apply_row_filters(scan, self.q.row_filters, self.dims)
        apply_filters(scan, [f for f in self.q.filters if f.dimension not in skip], self.dims)
        return scan

    def _key_exprs(self, scan: Scan) -> list[exp.Expr]:
        """period, dimensions and _window for rows of `scan`; adds the time condition."""
        keys: list[exp.Expr] = []
        ts = scan.time_column()
        if self.q.grain:
            if ts is None:
                raise ScopeError(f"{scan.table} has no time column to group by {self.q.grain}")
            keys.append(self._period(ts).as_("period"))
        keys += [scan.dimension(self.dims[d]).as_(dim_column(d)) for d in self.q.dimensions]
        if ts is not None:
            windows = self._windows()
            ranges = [in_range(ts, a, b) for _, a, b in windows]
            scan.where(exp.or_(*ranges) if len(ranges) > 1 else ranges[0])
            if len(windows) > 1:
                ifs = [
                    exp.If(this=r.copy(), true=exp.Literal.string(w))
                    for r, (w, _, _) in zip(ranges, windows, strict=True)
                ]
                keys.append(exp.Case(ifs=ifs).as_("_window"))
        elif self.q.baseline is not None:
            keys.append(exp.Literal.string(CURRENT).as_("_window"))
        return keys

    def _shift(self) -> int:
        """Days from the baseline to the current period: baseline rows are put on the current
        period's time axis, so a compared time series lines up."""
        return (self.q.start - self.q.baseline[0]).days if self.q.baseline else 0

    def _period(self, ts: exp.Expr) -> exp.Expr:
        current = truncate(ts, self.q.grain or "day", self.q.week_start)
        if self.q.baseline is None:
            return current
        shifted = truncate(
            ts.copy() + days(self._shift()), self.q.grain or "day", self.q.week_start
        )
        is_current = in_range(ts.copy(), self.q.start, self.q.end)
        return exp.Case(ifs=[exp.If(this=is_current, true=current)], default=shifted)

    def _aggregate(self, scan: Scan, m: MeasureSpec) -> exp.Expr:
        value: exp.Expr | None = exp.column(m.column, "t") if m.column else None
        if m.duration is not None:
            millis = exp.DateDiff(  # milliseconds: whole seconds would drop what a ticket's
                this=exp.column(m.duration.end, "t"),  # timestamps say past the second
                expression=exp.column(m.duration.start, "t"),
                unit=exp.var("MILLISECOND"),
            )
            per = {"seconds": 1, "minutes": 60, "hours": 3600, "days": 86400}[m.duration.unit]
            value = exp.cast(millis, exp.DataType.Type.DOUBLE) / exp.Literal.number(per * 1000)
        agg: exp.Expr
        if m.agg == "count":
            agg = exp.func("count", value if value is not None else exp.Star())
        elif m.agg == "count_distinct":
            agg = exp.func("count", exp.Distinct(expressions=[value]))
        elif m.agg == "percentile":
            agg = exp.func("quantile_cont", value, exp.Literal.number(m.percentile or 0.5))
        else:
            agg = exp.func(m.agg, value)
        conds = measure_conditions(self.model, m)
        if conds:
            agg = exp.Filter(this=agg, expression=exp.Where(this=exp.and_(*conds)))
        return exp.func("coalesce", agg, exp.Literal.number(0)) if m.agg == "sum" else agg

    def _grouped(self, select: exp.Select, keys: list[tuple[str, exp.Expr]]) -> exp.Select:
        """GROUP BY the (name, expression) keys; with grouping sets, each dimension alone (with
        period and window) and a `_set` column: the GROUPING() bitmask, see `set_of`."""
        if not keys:
            return select
        if not self.q.grouping_sets:
            return select.group_by(*[e for _, e in keys])
        dims = [e for n, e in keys if n not in ("period", "_window")]
        fixed = [e for n, e in keys if n in ("period", "_window")]
        sets = [exp.Tuple(expressions=[*[f.copy() for f in fixed], d.copy()]) for d in dims]
        grouping = exp.func("grouping", *[d.copy() for d in dims]).as_("_set")
        return select.select(grouping).group_by(exp.GroupingSets(expressions=sets))

    def set_of(self, dimension: str) -> int:
        """The `_set` value of the rows grouped by `dimension` alone."""
        n = len(self.q.dimensions)
        return int((2**n - 1) - 2 ** (n - 1 - self.q.dimensions.index(dimension)))

    def _plain(self, table: str, measures: list[MeasureSpec]) -> exp.Select:
        scan = self._scan(table)
        keys = self._key_exprs(scan)
        aggs = [self._aggregate(scan, m).as_(f"m_{m.name}") for m in measures]
        if all(m.filters for m in measures):  # read only rows some measure counts
            wanted = [exp.and_(*measure_conditions(self.model, m)) for m in measures]
            scan.where(exp.or_(*wanted) if len(wanted) > 1 else wanted[0])
        else:
            self._no_empty_group(scan, keys, measures)
        select = scan.from_(exp.select(*keys, *aggs))
        return self._grouped(select, [(k.alias, k.this.copy()) for k in keys])

    def _no_empty_group(
        self, scan: Scan, keys: list[exp.Expr], measures: list[MeasureSpec]
    ) -> None:
        """Rows with no value of a split and nothing any measure aggregates make no "(none)"
        group: revenue by server over events, most of which carry neither. Every named group
        stays (a region without revenue shows 0)."""
        dims = [k.this.copy() for k in keys if k.alias_or_name not in ("period", "_window")]
        if not dims or any(m.agg in ("count", "count_distinct") for m in measures):
            return  # a count's "(none)" group counts rows that are there
        wanted = [_counted_rows(self.model, m) for m in measures]
        if any(w is None for w in wanted):
            return
        named = exp.and_(*[d.is_(exp.null()).not_() for d in dims])
        scan.where(exp.or_(*wanted, named))

    def _assigned(self, table: str, measures: list[MeasureSpec]) -> exp.Select:
        """Per user (and period/window): the attribute of the first or last touch, and whether
        each measure's filter held at least once; then users counted per attribute.

        A filter on a breakdown dimension selects among the assigned values ("conversion rate by
        channel, only the mini program" keeps the mini-program row of the full table) instead of
        dropping the events of other channels before the first touch is picked."""
        filtered = frozenset(f.dimension for f in self.q.filters)
        after = (filtered & frozenset(self.q.dimensions)) | self._touch_filters()
        scan = self._scan(table, skip=after)
        keys = self._key_exprs(scan)
        ts = scan.time_column()
        if ts is None:
            raise ScopeError(f"{table} has no time column to pick a first or last touch")
        pick = "arg_min" if self.rule == "first_touch" else "arg_max"
        entity = scan.entity()
        fixed = [k for k in keys if k.alias in ("period", "_window")]
        chosen = [
            exp.func(pick, k.this.copy(), ts.copy()).as_(k.alias) for k in keys if k not in fixed
        ]
        hidden = sorted(after - frozenset(self.q.dimensions))  # filtered on, not shown
        chosen += [
            exp.func(pick, scan.dimension(self.dims[d]), ts.copy()).as_(dim_column(d))
            for d in hidden
        ]
        flags = []
        for m in measures:
            conds = measure_conditions(self.model, m)
            held = exp.func("bool_or", exp.and_(*conds)) if conds else exp.true()
            flags.append(exp.func("coalesce", held, exp.false()).as_(f"f_{m.name}"))
        per_user = scan.from_(exp.select(entity.as_("_entity"), *fixed, *chosen, *flags))
        per_user = per_user.group_by(entity.copy(), *[k.this.copy() for k in fixed])
        names = [k.alias for k in keys]
        counts = [
            exp.Filter(
                this=exp.func("count", exp.Star()),
                expression=exp.Where(this=exp.column(f"f_{m.name}")),
            ).as_(f"a_{m.name}")
            for m in measures
        ]
        outer = exp.select(*names, *counts).from_(per_user.subquery("u"))
        for f in self.q.filters:
            if f.dimension in after:
                outer = outer.where(filter_condition(exp.column(dim_column(f.dimension)), f))
        return self._grouped(outer, [(n, exp.column(n)) for n in names])

    def _conversion(self, metric: ConversionMetric) -> exp.Select:
        """Entrants of the base step and those who converted, per key and period, in one pass
        over both periods when comparing."""
        if (
            metric.base.filters
            or metric.conversion.filters
            or not (metric.base.touchpoint and metric.conversion.touchpoint)
        ):
            raise ScopeError(f"conversion metric '{metric.name}' needs a touchpoint on each step")
        events = replace(events_source(self.model), user=metric.entity)  # per user or session
        parts: dict[str, exp.Expr] = {}
        if self.q.grain:
            parts["period"] = self._period(exp.column(events.ts))
        parts.update({dim_column(d): exp.column(dim_column(d)) for d in self.q.dimensions})
        windows = self._windows()
        spec = FunnelSpec(
            (metric.base.touchpoint, metric.conversion.touchpoint),
            min(a for _, a, _ in windows),
            max(b for _, _, b in windows),
            metric.window_days or self.model.settings.funnel_window_days,
            struct(**parts) if parts else None,
            windows=tuple(windows) if self.q.baseline is not None else (),
        )
        keys: list[exp.Expr] = [
            exp.Dot(this=exp.column("segment"), expression=exp.to_identifier(k)).as_(k)
            for k in parts
        ]
        if self.q.baseline is not None:
            keys.append(exp.column("_window").as_("_window"))
        reached = exp.Where(this=exp.column("reached") >= 2)
        select = exp.select(
            *keys,
            exp.Filter(this=exp.func("count", exp.Star()), expression=reached).as_(
                f"c_{metric.name}__num"
            ),
            exp.func("count", exp.Star()).as_(f"c_{metric.name}__den"),
        ).from_(journeys(events, spec).subquery("j"))
        return self._grouped(select, [(k.alias, k.this.copy()) for k in keys])

    def _leaf_columns(self, plan: _Plan) -> list[str]:
        leaves = [f"m_{m.name}" for ms in plan.plain.values() for m in ms]
        leaves += [f"a_{m.name}" for ms in plan.assigned.values() for m in ms]
        for m in plan.conversions:
            leaves += [f"c_{m.name}__num", f"c_{m.name}__den"]
        return list(dict.fromkeys(leaves))

    def _merge(self, parts: list[exp.Select], leaves: list[str]) -> exp.Select:
        """One row per key with every leaf: a union of the parts, collapsed by key."""
        keys = self.keys + (["_window"] if self.q.baseline is not None else [])
        if len(parts) == 1:
            return parts[0]
        aligned = []
        for part in parts:
            have = {s.alias_or_name for s in part.selects}
            cols: list[exp.Expr] = [exp.column(k) for k in keys]
            cols += [exp.column(v) if v in have else exp.Null().as_(v) for v in leaves]
            aligned.append(exp.select(*cols).from_(part.subquery()))
        union = aligned[0]
        for other in aligned[1:]:
            union = exp.union(union, other, distinct=False)  # type: ignore[assignment]
        merged = exp.select(*keys, *[self._merged_leaf(v).as_(v) for v in leaves])
        merged = merged.from_(union.subquery("u"))
        return merged.group_by(*keys) if keys else merged

    def _merged_leaf(self, leaf: str) -> exp.Expr:
        """A leaf across the merged parts: a count or sum that one table has no rows for is 0
        (a channel with spend and no revenue has ROI 0, not an empty value)."""
        value = exp.func("max", exp.column(leaf))
        measure = self.measures.get(leaf[2:]) if leaf[:2] in ("m_", "a_") else None
        if measure is not None and measure.agg in ("count", "count_distinct", "sum"):
            return exp.func("coalesce", value, exp.Literal.number(0))
        return value

    def parts(self, name: str) -> tuple[exp.Expr, exp.Expr] | None:
        """Numerator and denominator of a ratio or conversion metric, else None."""
        metric = self.metrics.get(name)
        if isinstance(metric, RatioMetric):
            assign = self.assigns(name)
            return self.formula(metric.numerator, assign), self.formula(metric.denominator, assign)
        if isinstance(metric, ConversionMetric):
            return exp.column(f"c_{name}__num"), exp.column(f"c_{name}__den")
        return None

    def _outputs(self) -> list[str]:
        names = list(self.q.metrics)
        if self.q.with_parts:
            for m in self.q.metrics:
                if self.parts(m) is not None:
                    names += [f"{m}__num", f"{m}__den"]
        return names

    def _finish(self, merged: exp.Select) -> exp.Select:
        columns = [self.formula(m, self.assigns(m)).as_(m) for m in self.q.metrics]
        if self.q.with_parts:
            for m in self.q.metrics:
                pair = self.parts(m)
                if pair is not None:
                    columns += [pair[0].as_(f"{m}__num"), pair[1].as_(f"{m}__den")]
        values = exp.select(
            *self.keys, *(["_window"] if self.q.baseline is not None else []), *columns
        ).from_(merged.subquery("v"))
        query = values if self.q.baseline is None else self._pivot(values)
        return query if self.q.grouping_sets else self._order(query)

    def _pivot(self, values: exp.Select) -> exp.Select:
        cols: list[exp.Expr] = [exp.column(k) for k in self.keys]
        for m in self._outputs():
            cur = exp.Filter(
                this=exp.func("max", exp.column(m)),
                expression=exp.Where(this=exp.column("_window").eq(exp.Literal.string(CURRENT))),
            )
            prev = exp.Filter(
                this=exp.func("max", exp.column(m)),
                expression=exp.Where(this=exp.column("_window").eq(exp.Literal.string(PREVIOUS))),
            )
            cols += [cur.as_(m), prev.as_(f"{m}__previous")]
        pivot = exp.select(*cols).from_(values.subquery("p"))
        pivot = pivot.group_by(*self.keys) if self.keys else pivot
        if self.q.grouping_sets:
            return pivot  # drivers read both periods' values and compute their own changes
        changes: list[exp.Expr] = []
        for m in self.q.metrics:  # the parts of ratios (for drivers) need no change columns
            now, before = exp.column(m), exp.column(f"{m}__previous")
            changes += [
                (now - before).as_(f"{m}__change"),
                safe_div(now.copy() - before.copy(), before.copy()).as_(f"{m}__change_pct"),
            ]
        return exp.select("*", *changes).from_(pivot.subquery("c"))

    def _order(self, query: exp.Select) -> exp.Select:
        if self.q.order_by and self.keys and not self.q.grain:
            # A ranking ("which campaign brought the most") ranks the groups that have a value:
            # the rows with none (no campaign) are not a campaign.
            query = query.where(
                exp.and_(*(exp.column(k).is_(exp.null()).not_() for k in self.keys))
            )
        if self.q.order_by:
            key = (
                self.q.order_by
                if self.q.order_by in self.q.metrics
                else dim_column(self.q.order_by)
            )
            # ties are broken by the breakdown's values, so every engine returns the same rows
            ties = [k for k in self.keys if k != key]
            query = query.order_by(
                exp.Ordered(this=exp.column(key), desc=self.q.descending, nulls_first=False),
                *ties,
            )
        elif self.q.grain:
            query = query.order_by("period", *self.keys[1:])
        elif self.keys:
            query = query.order_by(
                exp.Ordered(this=exp.column(self.q.metrics[0]), desc=True, nulls_first=False),
                *self.keys,
            )
        return query.limit(self.q.limit) if self.q.limit else query


def _counted_rows(model: ModelSpec, m: MeasureSpec) -> exp.Expr | None:
    """The rows `m` counts: its conditions, and a value in what it aggregates (an aggregate skips
    NULLs, so rows without one are no part of it: revenue by server has no group for the events
    that carry no revenue). None when every row counts (`count(*)` without filters)."""
    conds = measure_conditions(model, m)
    inputs = [m.column] if m.column else [m.duration.start, m.duration.end] if m.duration else []
    conds += [exp.column(c, "t").is_(exp.null()).not_() for c in inputs]
    return exp.and_(*conds) if conds else None


def compile_metrics(model: ModelSpec, query: MetricQuery) -> exp.Select:
    """The SQL tree answering `query` over `model`'s tables."""
    return MetricCompiler(model, query).build()
