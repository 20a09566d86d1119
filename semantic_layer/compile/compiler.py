"""`compile_plan`: a QueryPlan, the model, "today" and the caller's role → checked SQL trees.

The one entry point of the compiler. It checks the plan's names and the role's access, resolves
time, builds the tree of the plan's kind with the role's row filters inside every table scan, and
runs the guard on whatever it produced: the compiler never emits SQL outside the guardrails.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlglot import exp

from semantic_layer import guard
from semantic_layer.compile import aggregates as agg
from semantic_layer.compile import attribution as attr
from semantic_layer.compile import dialects, touches
from semantic_layer.compile.access import check_access, table_filters
from semantic_layer.compile.drivers import drivers
from semantic_layer.compile.funnel import FunnelSpec, dropoff, funnel_steps, time_to_convert
from semantic_layer.compile.metrics import MetricQuery, compile_metrics
from semantic_layer.compile.paths import PathsSpec, neighbours, top_paths
from semantic_layer.compile.people import People, person_rule, split_filters
from semantic_layer.compile.retention import RetentionSpec, cohorts, narrow
from semantic_layer.compile.scope import DimFilter, Scan, ScopeError
from semantic_layer.compile.scoped import attach, dim_column, events_source, scoped_events
from semantic_layer.errors import UserError
from semantic_layer.model.labels import ModelLabels
from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec import PolicySpec
from semantic_layer.plan import (
    AttributionPlan,
    DriversPlan,
    DropoffPlan,
    FunnelPlan,
    MetricPlan,
    PathsPlan,
    QueryPlan,
    RetentionPlan,
    SqlPlan,
)
from semantic_layer.plan.describe import describe
from semantic_layer.time import DateRange, Language, TimeContext, comparison_range, resolve


@dataclass(frozen=True)
class Compiled:
    """What a plan compiles to: the main query (None for clarify/unsupported), extra queries a
    post-processing step needs (Markov transitions), and the exact time ranges."""

    plan: QueryPlan
    tree: exp.Query | None
    time_range: DateRange | None = None
    baseline_range: DateRange | None = None
    extra: Mapping[str, exp.Query] = field(default_factory=dict)
    verified: bool = True
    dialect: str = dialects.DEFAULT  # the engine's, from `compile_plan(..., dialect=)`
    aggregates: frozenset[str] = frozenset()  # the pre-aggregates it reads (`aggregates.py`)
    _rendered: dict[tuple[str, bool], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def sql(self, dialect: str | None = None, *, pretty: bool = False) -> str | None:
        """The main query as SQL text of `dialect` (default: the one it was compiled for),
        rendered once per dialect and layout (the tree is not changed after compiling; a cached
        `Compiled` renders for free)."""
        if self.tree is None:
            return None
        key = (dialect or self.dialect, pretty)
        text = self._rendered.get(key)
        if text is None:
            text = self._rendered[key] = dialects.render(self.tree, key[0], pretty=pretty)
        return text

    def extra_sql(self, name: str, dialect: str | None = None) -> str:
        """The extra query `name` (e.g. Markov "transitions") as SQL text of `dialect`."""
        return dialects.render(self.extra[name], dialect or self.dialect)

    def describe(self, model: SemanticModel, lang: Language | None = None) -> str:
        """One plain sentence of what is computed, with the exact dates, in `lang` (default: the
        plan's language)."""
        update: dict[str, object] = {} if lang is None else {"language": lang}
        if getattr(self.plan, "journey", "") is None and not getattr(self.plan, "steps", None):
            update["journey"] = model.journey(None).name  # say which journey the default is
        plan = self.plan.model_copy(update=update)
        return describe(plan, ModelLabels(model), self.time_range, self.baseline_range)


class _Context:
    def __init__(
        self,
        plan: QueryPlan,
        model: SemanticModel,
        *,
        ctx: TimeContext,
        policy: PolicySpec,
        aggregates: frozenset[str] = frozenset(),
    ):
        self.plan, self.model, self.ctx, self.policy = plan, model, ctx, policy
        self.aggregates = aggregates if agg.canonical_events(model.spec) else frozenset()
        self.dims = dict(model.dimensions)
        self.filters = tuple(
            DimFilter(f.dimension, f.op, tuple(f.values)) for f in getattr(plan, "filters", ())
        )

    def scoped(
        self,
        query: exp.Select,
        extra: tuple[str, ...] = (),
        people: People | None = None,
        *,
        inline: bool = False,
    ) -> exp.Select:
        cte = scoped_events(
            self.model.spec,
            self.dims,
            filters=self.filters,
            row_filters=self.policy.row_filters,
            extra=extra,
            people=people,
        )
        return attach(query, cte, inline=inline)

    def narrows(self) -> bool:
        """Whether the scoped events leave anyone out (a filter of the plan or the role)."""
        return bool(self.filters or self.policy.row_filters)

    def people(self, rng: DateRange, entry: str | None = None) -> People | None:
        """Who a journey analysis keeps when it filters on event attributes (`people.py`)."""
        chosen, _ = split_filters(self.filters, self.dims)
        if not chosen or getattr(self.plan, "filter_scope", None) == "steps":
            return None
        rule = person_rule(self.model.spec, entry)
        return People(chosen, rng.start, rng.end, rule, entry if rule == "entry_step" else None)


def compile_plan(
    plan: QueryPlan,
    model: SemanticModel,
    ctx: TimeContext,
    role: str | None = None,
    *,
    dialect: str = dialects.DEFAULT,
    aggregates: frozenset[str] = frozenset(),
) -> Compiled:
    """Compile `plan` for the engine speaking `dialect`; raise `UserError` (unknown names,
    access, impossible combinations).

    `aggregates`: the pre-aggregated tables (`aggregates.py`) the engine holds current for its
    data; one is read only where it gives exactly the rows of the raw events for this plan."""
    dialects.get(dialect)  # an unknown dialect is our bug, raised before any work
    policy = check_access(plan, model, role)
    c = _Context(plan, model, ctx=ctx, policy=policy, aggregates=agg.known(aggregates))
    try:
        compiled = _BUILDERS[plan.kind](c) if plan.kind in _BUILDERS else Compiled(plan, None)
    except ScopeError as exc:
        kind = "unreachable_dimension" if exc.dimension else "scope"
        names = (exc.dimension, exc.table) if exc.dimension else ()
        raise UserError(str(exc), names=names, kind=kind) from None
    return _guarded(dataclasses.replace(compiled, dialect=dialect), model)


def _guarded(compiled: Compiled, model: SemanticModel) -> Compiled:
    """Check what the compiler built (raw SQL was checked before its row filters went in)."""
    if not compiled.verified:
        return compiled
    tables = set(model.tables) | compiled.aggregates
    for tree in (compiled.tree, *compiled.extra.values()):
        if tree is not None:
            guard.check(tree, tables, max_nodes=guard.MAX_COMPILED_NODES)
    return compiled


def build_metric(c: _Context) -> Compiled:
    plan = c.plan
    assert isinstance(plan, MetricPlan)
    current = resolve(plan.time, c.ctx)
    baseline = (
        resolve(plan.baseline, c.ctx)
        if plan.baseline is not None
        else comparison_range(plan.time, c.ctx, plan.compare)
        if plan.compare
        else None
    )
    order = plan.order
    query = MetricQuery(
        metrics=tuple(plan.metrics),
        start=current.start,
        end=current.end,
        dimensions=tuple(plan.dimensions),
        grain=plan.grain,
        baseline=(baseline.start, baseline.end) if baseline else None,
        filters=c.filters,
        row_filters=c.policy.row_filters,
        order_by=order.by if order else None,
        descending=(order.direction == "desc") if order else True,
        limit=plan.limit,
        channel_rule=plan.channel_rule,
        week_start=c.ctx.week_start,
        with_parts=True,  # every ratio shows what it rests on: numerator and base (n)
    )
    tree, used = _clustered(c, compile_metrics(c.model.spec, query), plan.metrics)
    return Compiled(plan, tree, current, baseline, aggregates=used)


def _journey_spec(c: _Context, plan: FunnelPlan | DropoffPlan, current: DateRange) -> FunnelSpec:
    journey = c.model.journey(plan.journey)
    steps = tuple(plan.steps) if plan.steps else journey.steps
    window = plan.window_days or journey.window_days or c.model.settings.funnel_window_days
    breakdown = exp.column(dim_column(plan.breakdown)) if plan.breakdown else None
    return FunnelSpec(steps, current.start, current.end, window, breakdown)


def build_funnel(c: _Context) -> Compiled:
    plan = c.plan
    assert isinstance(plan, FunnelPlan | DropoffPlan)
    current = resolve(plan.time, c.ctx)
    spec = _journey_spec(c, plan, current)
    events = events_source(c.model.spec)
    if isinstance(plan, DropoffPlan):
        tree = dropoff(events, spec, plan.limit, plan.rank_by)
    elif plan.measure == "time_to_convert":
        tree = time_to_convert(events, spec)
    else:
        tree = funnel_steps(events, spec)
    extra = (plan.breakdown,) if plan.breakdown else ()
    return Compiled(plan, c.scoped(tree, extra, c.people(current, spec.steps[0])), current)


def build_paths(c: _Context) -> Compiled:
    plan = c.plan
    assert isinstance(plan, PathsPlan)
    current = resolve(plan.time, c.ctx)
    gap = plan.session_gap_minutes or c.model.settings.session_gap_minutes
    spec = PathsSpec(
        plan.touchpoint, plan.direction, current.start, current.end, gap, plan.limit, plan.depth
    )
    events = events_source(c.model.spec)
    people = c.people(current)
    used = _steps(c, people_filters=people is not None) if plan.mode == "next" else frozenset()
    if used:
        spec = dataclasses.replace(spec, steps_table=agg.STEPS, steps_people=c.narrows())
    tree = neighbours(events, spec) if plan.mode == "next" else top_paths(events, spec)
    # with the pre-aggregate the scoped events are read only for the range's people
    return Compiled(
        plan, c.scoped(tree, people=people, inline=bool(used)), current, aggregates=used
    )


def build_retention(c: _Context) -> Compiled:
    plan = c.plan
    assert isinstance(plan, RetentionPlan)
    current = resolve(plan.time, c.ctx)
    spec = RetentionSpec(
        plan.cohort_grain,
        plan.periods,
        current.start,
        current.end,
        c.ctx.today,
        plan.cohort_touchpoint,
        plan.return_touchpoint,
        c.ctx.week_start,
    )
    people = c.people(current, plan.cohort_touchpoint)
    used: frozenset[str] = frozenset()
    if agg.FIRST_TOUCH in c.aggregates and agg.whole_people(
        c.model.spec, c.dims, c.filters, c.policy.row_filters, people_filters=people is not None
    ):
        spec = dataclasses.replace(spec, first_table=agg.FIRST_TOUCH)
        used = frozenset({agg.FIRST_TOUCH})
        if agg.USER_DAYS in c.aggregates and plan.return_touchpoint is None:
            spec = dataclasses.replace(spec, days_table=agg.USER_DAYS)
            used |= {agg.USER_DAYS}
    inline = narrow(spec) or bool(used)  # each reader scans only its own range
    tree = c.scoped(cohorts(events_source(c.model.spec), spec), people=people, inline=inline)
    return Compiled(plan, tree, current, aggregates=used)


def build_attribution(c: _Context) -> Compiled:
    plan = c.plan
    assert isinstance(plan, AttributionPlan)
    current = resolve(plan.time, c.ctx)
    settings = c.model.settings
    conversion = plan.conversion_touchpoint or settings.purchase_touchpoint
    if conversion is None:
        raise UserError(
            "the model names no purchase touchpoint: say which touchpoint converts",
            hint="set settings.purchase_touchpoint in the model",
        )
    spec = attr.AttributionSpec(
        conversion,
        plan.by,
        current.start,
        current.end,
        plan.lookback_days or settings.attribution_lookback_days,
        plan.half_life_days,
        plan.value,
    )
    events = events_source(c.model.spec)
    rank_by = plan.model if plan.model in attr.MODELS else "last_touch"  # markov: ranked later
    table = _touches(c, spec)
    used = frozenset({table}) if table else frozenset()
    if table:  # each conversion's touches walked already: the range's rows of the table
        scoped = c.narrows()  # then only the scoped events' conversions
        tree = touches.credits(events, spec, table, scoped=scoped, rank_by=rank_by)
        tree = c.scoped(tree) if scoped else tree
        converting: exp.Select | None = touches.converting(spec, table, scoped=scoped)
    else:
        tree = c.scoped(attr.credits(events, spec, rank_by=rank_by))
        converting = None
    extra = {}
    if plan.model in ("markov", "all"):
        steps = _steps(c, people_filters=False)  # filters here select events, not people
        if steps:  # Markov's paths read from the neighbours
            spec = dataclasses.replace(spec, steps_table=agg.STEPS, steps_people=c.narrows())
        transitions = c.scoped(attr.transitions(events, spec, converting))
        if steps and agg.BY_TOUCHPOINT in c.aggregates:  # events then read for conversions only
            steps |= {agg.BY_TOUCHPOINT}
            transitions = agg.with_table(transitions, "events", agg.BY_TOUCHPOINT)
        extra["transitions"] = transitions
        used |= steps
    return Compiled(plan, tree, current, extra=extra, aggregates=used)


def _touches(c: _Context, spec: attr.AttributionSpec) -> str | None:
    """The per-conversion table of `spec`'s conversion touchpoint, lookback and half-life
    (`touches.py`) when the database holds it current and it is exact for the plan: every
    filter keeps or drops people whole, so a kept conversion keeps every touch."""
    table = touches.spec_key(spec).table
    if table in c.aggregates and agg.whole_people(
        c.model.spec, c.dims, c.filters, c.policy.row_filters, people_filters=False
    ):
        return table
    return None


def _steps(c: _Context, *, people_filters: bool) -> frozenset[str]:
    """{STEPS} when the database holds the neighbours' pre-aggregate and it is exact for the
    plan: every filter keeps or drops people whole (`aggregates.whole_people`)."""
    if agg.STEPS in c.aggregates and agg.whole_people(
        c.model.spec, c.dims, c.filters, c.policy.row_filters, people_filters=people_filters
    ):
        return frozenset({agg.STEPS})
    return frozenset()


def build_drivers(c: _Context) -> Compiled:
    plan = c.plan
    assert isinstance(plan, DriversPlan)
    current = resolve(plan.time, c.ctx)
    if plan.baseline is not None:
        baseline = resolve(plan.baseline, c.ctx)
    else:
        baseline = comparison_range(plan.time, c.ctx, plan.compare or "previous_period")
    dims = tuple(plan.dimensions) or _breakdowns(c, plan.metric)
    query = MetricQuery(
        metrics=(plan.metric,),
        start=current.start,
        end=current.end,
        baseline=(baseline.start, baseline.end),
        filters=c.filters,
        row_filters=c.policy.row_filters,
        limit=plan.limit,
        week_start=c.ctx.week_start,
    )
    tree = drivers(c.model.spec, query, dims, c.model.settings.drivers_min_segment)
    tree, used = _clustered(c, tree, (plan.metric,))
    return Compiled(plan, tree, current, baseline, aggregates=used)


def _clustered(
    c: _Context, tree: exp.Select, metrics: Sequence[str]
) -> tuple[exp.Select, frozenset[str]]:
    """`tree` reading the events clustered by touchpoint (`aggregates.BY_TOUCHPOINT`, the same
    rows: exact for any plan) when the database holds them and every metric reads only two named
    touchpoints' events; else `tree` as it is."""
    if agg.BY_TOUCHPOINT in c.aggregates and agg.by_touchpoint(c.model.spec, metrics):
        return agg.with_table(tree, "events", agg.BY_TOUCHPOINT), frozenset({agg.BY_TOUCHPOINT})
    return tree, frozenset()


def _breakdowns(c: _Context, metric: str) -> tuple[str, ...]:
    """Every categorical dimension the role may use that reaches the metric's tables, except
    those that restate others or the metric: derived ones (device type from device, order value
    band from revenue) and the touchpoint (a conversion metric is defined by its touchpoints)."""
    tables = {m.table for m in c.model.measures_of(metric)} or {"events"}
    usable = []
    for dim in c.model.dimensions.values():
        if dim.type != "categorical" or not c.policy.allows_dimension(dim.name):
            continue
        if dim.expr is not None or dim.column == "touchpoint":
            continue
        try:
            for table in tables:
                Scan(c.model.spec, table).dimension(dim)
        except ScopeError:
            continue
        usable.append(dim.name)
    return tuple(usable)


def build_sql(c: _Context) -> Compiled:
    plan = c.plan
    assert isinstance(plan, SqlPlan)
    readable = table_filters(c.model, c.policy.row_filters)
    checked = guard.check(plan.sql, c.model.tables)
    return Compiled(plan, guard.restrict(checked, readable), verified=False)


Builder = Callable[[_Context], Compiled]
"""A kind's compiler: the plan in its context to the query (each is named by its kind in
`assistant/kinds/`; this table is the semantic layer's own, which cannot import the registry)."""

_BUILDERS: dict[str, Builder] = {
    "metric": build_metric,
    "funnel": build_funnel,
    "dropoff": build_funnel,
    "paths": build_paths,
    "retention": build_retention,
    "attribution": build_attribution,
    "drivers": build_drivers,
    "sql": build_sql,
}
