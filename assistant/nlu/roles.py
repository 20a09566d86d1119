"""What a model's metrics *are*, read from their definitions, never from their names.

The planner needs a few of them by role: the metric that counts people reached (the fallback for
"how many users reached X"), the general conversion rate (purchasers over people reached, which
"X-to-Y conversion" or "conversion by channel" refer to), the metrics about the purchase
touchpoint, and the amount of revenue. A model from `tpa init` and a hand-written one name these
as they like; their definitions say what they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any, Final

from semantic_layer.model.semantic import SemanticModel
from semantic_layer.model.spec_data import MeasureSpec
from semantic_layer.model.spec_metrics import (
    ConversionMetric,
    DerivedMetric,
    RatioMetric,
    SimpleMetric,
)

_EVENTS = "events"
_PERSON = "user_id"
_TOUCHPOINT = "touchpoint"
_REVENUE = "revenue"


def _measure(model: SemanticModel, name: str) -> MeasureSpec | None:
    metric = model.metrics.get(name)
    if isinstance(metric, SimpleMetric):
        return model.measures.get(metric.measure)
    return model.measures.get(name) if metric is None else None


def _counts_people(measure: MeasureSpec | None) -> bool:
    return (
        measure is not None
        and measure.table == _EVENTS
        and measure.agg == "count_distinct"
        and measure.column == _PERSON
    )


_CACHE: dict[int, tuple[SemanticModel, dict[str, tuple[str, ...]]]] = {}


def _roles(model: SemanticModel) -> dict[str, tuple[str, ...]]:
    cached = _CACHE.get(id(model))
    if cached is not None and cached[0] is model:
        return cached[1]
    found = _read_roles(model)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[id(model)] = (model, found)
    return found


def _read_roles(model: SemanticModel) -> dict[str, tuple[str, ...]]:
    reach: list[str] = []
    conversion: list[str] = []
    revenue: list[str] = []
    purchase: list[str] = []
    buy = model.settings.purchase_touchpoint
    for metric in model.spec.metrics:
        measure = _measure(model, metric.name)
        if _counts_people(measure) and measure is not None and not measure.filters:
            reach.append(metric.name)
        if measure is not None and measure.table == _EVENTS and measure.column == _REVENUE:
            revenue.append(metric.name)
        if measure is not None and any(
            f.column == _TOUCHPOINT and f.value == buy for f in measure.filters
        ):
            purchase.append(metric.name)
    for metric in model.spec.metrics:
        if isinstance(metric, RatioMetric) and _counts_people(_measure(model, metric.numerator)):
            if metric.denominator in reach or _counts_people(_measure(model, metric.denominator)):
                conversion.append(metric.name)  # people who did something / people reached
        elif isinstance(metric, ConversionMetric) and metric.base.touchpoint is None:
            conversion.append(metric.name)
    for metric in model.spec.metrics if not conversion else ():  # none yet: a rate to the
        if (  # purchase that the model itself calls its conversion rate
            isinstance(metric, ConversionMetric)
            and metric.name not in conversion
            and metric.conversion.touchpoint == buy
            and any(n.casefold() in _CONVERSION_NAMES for n in metric.names())
        ):
            conversion.append(metric.name)
    revenue = [_in_major_units(model, name) for name in revenue]
    return {
        "reach": tuple(reach),
        "conversion": tuple(conversion),
        "revenue": tuple(revenue),
        "purchase": (*purchase, *conversion),
    }


def _in_major_units(model: SemanticModel, name: str) -> str:
    """The money metric the model converts `name` into — a currency metric that is `name` times a
    number ("revenue" = 0.01 × "revenue_cents", amounts kept in cents or 分) — else `name`."""
    for metric in model.spec.metrics:
        if (
            isinstance(metric, DerivedMetric)
            and metric.format == "currency"
            and metric.expr.op == "multiply"
            and name in metric.expr.args
            and all(isinstance(a, int | float) for a in metric.expr.args if a != name)
        ):
            return metric.name
    return name


def revenue_metric(model: SemanticModel) -> str | None:
    """The metric summing `events.revenue` with the fewest filters (all revenue)."""
    found = _roles(model)["revenue"]
    return found[0] if found else None


def _first(model: SemanticModel, test: Callable[[MeasureSpec], bool]) -> str | None:
    """The first metric (in model order) that is one measure passing `test`."""
    for metric in model.spec.metrics:
        measure = _measure(model, metric.name)
        if measure is not None and test(measure):
            return metric.name
    return None


def cost_metric(model: SemanticModel) -> str | None:
    """The metric summing `marketing_costs.cost`."""
    return _first(model, lambda m: m.table == "marketing_costs" and m.agg == "sum")


def event_count(model: SemanticModel) -> str | None:
    """The metric counting events (rows of `events`, unfiltered)."""
    return _first(model, lambda m: m.table == _EVENTS and m.agg == "count" and not m.filters)


def order_count(model: SemanticModel) -> str | None:
    """The metric counting distinct orders at the purchase touchpoint."""
    buy = model.settings.purchase_touchpoint
    return _first(
        model,
        lambda m: (
            m.table == _EVENTS
            and m.agg == "count_distinct"
            and m.column == "order_id"
            and all(f.column == _TOUCHPOINT and f.value == buy for f in m.filters)
        ),
    )


def purchasers_metric(model: SemanticModel) -> str | None:
    """The metric counting distinct people at the purchase touchpoint (everyone who bought in the
    range before those who bought for the first time)."""
    found = [m.name for m in model.spec.metrics if is_purchasers(model, m.name)]
    every = [n for n in found if not _first_only(model, n)]
    return next(iter(every or found), None)


def first_time_purchasers(model: SemanticModel) -> str | None:
    """The metric counting people at the purchase touchpoint for the first time ever."""
    found = [m.name for m in model.spec.metrics if is_purchasers(model, m.name)]
    return next((n for n in found if _first_only(model, n)), None)


def _first_only(model: SemanticModel, name: str) -> bool:
    measure = _measure(model, name)
    return measure is not None and measure.first_only


def new_users_metric(model: SemanticModel) -> str | None:
    """The metric counting people by when they were first seen (rows of `users`)."""
    return _first(model, lambda m: m.table == "users" and not m.filters)


def is_purchasers(model: SemanticModel, name: str) -> bool:
    """Distinct people at the purchase touchpoint."""
    measure = _measure(model, name)
    buy = model.settings.purchase_touchpoint
    return (
        _counts_people(measure)
        and measure is not None
        and bool(measure.filters)
        and all(f.column == _TOUCHPOINT and f.value == buy for f in measure.filters)
    )


def reach_metric(model: SemanticModel) -> str | None:
    """The metric counting distinct people with any event ("active users", "访客数")."""
    found = _roles(model)["reach"]
    return found[0] if found else None


def is_reach(model: SemanticModel, name: str) -> bool:
    return name in _roles(model)["reach"]


_CONVERSION_NAMES: Final = frozenset({"conversion rate", "conversion", "cvr", "转化率", "转化"})


def general_conversion(model: SemanticModel) -> str | None:
    """The model's general conversion rate (people who did something / people reached)."""
    found = _roles(model)["conversion"]
    return found[0] if found else None


def is_general_conversion(model: SemanticModel, name: str) -> bool:
    """A rate of people over all people reached, not of one step to the next."""
    return name in _roles(model)["conversion"]


def counts_orders(model: SemanticModel, name: str) -> bool:
    """Whether a metric counts rows or orders (events, distinct orders): not people, not a sum."""
    measure = _measure(model, name)
    return (
        measure is not None
        and measure.agg in ("count", "count_distinct")
        and measure.column != _PERSON
    )


def is_about_purchase(model: SemanticModel, name: str) -> bool:
    """Counts or rates of the purchase touchpoint (buyers, orders, conversion to purchase)."""
    return name in _roles(model)["purchase"]


def is_revenue(model: SemanticModel, name: str) -> bool:
    return name in _roles(model)["revenue"]


def cost_per(model: SemanticModel, denominator: str) -> str | None:
    """The ratio of marketing cost to `denominator` ("cost per new customer": CAC)."""
    cost = cost_metric(model)
    for metric in model.spec.metrics:
        if not isinstance(metric, RatioMetric) or metric.denominator != denominator:
            continue
        numerator = _measure(model, metric.numerator)
        if metric.numerator == cost or (
            numerator is not None and numerator.table == "marketing_costs"
        ):
            return metric.name
    return None


def acquisition_cost(model: SemanticModel) -> str | None:
    """The model's one ratio of marketing cost to people that its names call an acquisition
    cost (CAC, 获客成本), whatever people it divides by."""
    found = [
        metric.name
        for metric in model.spec.metrics
        if isinstance(metric, RatioMetric)
        and cost_per(model, str(metric.denominator)) == metric.name
        and any(_ACQUISITION.search(n.casefold()) for n in (metric.name, *metric.names()))
    ]
    return found[0] if len(found) == 1 else None


_ACQUISITION = re.compile(r"\bcac\b|acqui|获客|拉新")


# Where the financial year does not start in January, by time zone: July in Australia, April
# in the UK, Ireland, India, Japan, New Zealand and Hong Kong.
_FISCAL_BY_ZONE: Final = (
    (re.compile(r"Australia/"), 7),
    (re.compile(r"Europe/(?:London|Dublin)|Asia/(?:Kolkata|Calcutta|Tokyo|Hong_Kong)"
                r"|Pacific/Auckland"), 4),
)  # fmt: skip


def fiscal_year_start(model: SemanticModel) -> int:
    """The month the model's financial year starts: `settings.fiscal_year_start`, else by the
    time zone's country, else January."""
    said = model.settings.fiscal_year_start
    if said is not None:
        return said
    zone = model.settings.timezone
    return next((month for pattern, month in _FISCAL_BY_ZONE if pattern.match(zone)), 1)


def tables_of(model: SemanticModel, metric: str) -> set[str]:
    """The tables a metric reads (a conversion metric reads `events`)."""
    measures = model.measures_of(metric)
    return {m.table for m in measures} if measures else {_EVENTS}


def reaches(model: SemanticModel, table: str, dimension: str) -> bool:
    """Whether rows of `table` have `dimension`: its own column, `also_in`, or a declared join."""
    dim = model.dimensions.get(dimension)
    spec = model.spec.tables.get(table)
    if dim is None or spec is None:
        return dimension == "touchpoint" and table == _EVENTS
    return (
        dim.table == table
        or table in dim.also_in
        or any(j.table == dim.table or j.table in dim.also_in for j in spec.joins)
    )


def splits(model: SemanticModel, metrics: list[str], dimension: str) -> bool:
    """Whether every row these metrics are computed from has `dimension` (see `reaches`)."""
    tables = set().union(*(tables_of(model, m) for m in metrics))
    return all(reaches(model, t, dimension) for t in tables)


def conversion_between(
    model: SemanticModel, base: str, target: str, window_days: int | None = None
) -> str | None:
    """The model's own conversion metric from touchpoint `base` to `target` (no other filters;
    its window `window_days` when one is said), if it has one."""
    for metric in model.spec.metrics:
        if (
            isinstance(metric, ConversionMetric)
            and metric.base.touchpoint == base
            and metric.conversion.touchpoint == target
            and not metric.base.filters
            and not metric.conversion.filters
            and (window_days is None or metric.window_days == window_days)
        ):
            return metric.name
    if window_days is not None:
        return None
    for metric in model.spec.metrics:  # "what share of the viewers bought": the model's
        if (  # ratio of the people (or rows) at `target` to those at `base`
            isinstance(metric, RatioMetric)
            and metric.format == "percent"
            and _only_touchpoint(_measure(model, str(metric.numerator))) == target
            and _only_touchpoint(_measure(model, str(metric.denominator))) == base
        ):
            return metric.name
    return None


def step_conversion(model: SemanticModel, touchpoint: str) -> str | None:
    """The conversion metric whose base step is `touchpoint` (a step's own conversion rate)."""
    for metric in model.spec.metrics:
        if isinstance(metric, ConversionMetric) and metric.base.touchpoint == touchpoint:
            return metric.name
    return None


def channel_touchpoints(model: SemanticModel, channel: object) -> list[str]:
    """The touchpoints whose model `channel` is `channel`, in model order."""
    return [t.id for t in model.spec.touchpoints if t.channel == channel]


def touchpoint_of(model: SemanticModel, metric: str) -> str | None:
    """The touchpoint a simple metric counts (its only filter is `touchpoint = X`), if any."""
    measure = (
        _measure(model, metric) if isinstance(model.metrics.get(metric), SimpleMetric) else None
    )
    counted = _only_touchpoint(measure)
    return counted if isinstance(counted, str) else None


def _only_touchpoint(measure: MeasureSpec | None) -> object:
    """X when `measure` is over `events` and its only filter is `touchpoint = X`, else None."""
    if measure is None or measure.table != _EVENTS or len(measure.filters) != 1:
        return None
    (only,) = measure.filters
    return only.value if only.column == _TOUCHPOINT else None


def narrows(model: SemanticModel, narrow: str, wide: str) -> bool:
    """Whether metric `narrow` counts some of the rows metric `wide` counts (the same measure over
    the same table, with more filters): complaint tickets of tickets."""
    a, b = _measure(model, narrow), _measure(model, wide)
    return (
        a is not None
        and b is not None
        and (a.table, a.agg, a.column) == (b.table, b.agg, b.column)
        and set(b.filters) < set(a.filters)
    )


def touchpoint_count(model: SemanticModel, touchpoint: str) -> str | None:
    """The simple metric that counts one touchpoint's events, orders or people, if the model has
    one; else its one measure of another kind (the claims paid out for "赔得最多"). A sum over
    its rows (the contract value) is not its count when the model counts it too."""
    return touchpoint_tally(model, touchpoint) or _first(
        model, lambda m: _only_touchpoint(m) == touchpoint
    )


def touchpoint_tally(model: SemanticModel, touchpoint: str) -> str | None:
    """The simple metric counting one touchpoint's events, orders or people (a count, never a
    sum), if the model has one."""
    return _first(
        model,
        lambda m: m.agg in ("count", "count_distinct") and _only_touchpoint(m) == touchpoint,
    )


def narrowed(model: SemanticModel, metric: str, filters: list[dict[str, Any]]) -> str | None:
    """The model's metric that is `metric` counted only where the filters hold ("complaint
    tickets" for tickets where is_complaint is true), if it has one."""
    base = _measure(model, metric)
    if base is None or len(filters) != 1 or len(filters[0]["values"]) != 1:
        return None
    f = filters[0]
    dim = model.dimensions.get(f["dimension"])
    if dim is None or dim.table != base.table:
        return None
    wanted = {(c.column, c.value) for c in base.filters} | {(dim.column, f["values"][0])}
    return _first(
        model,
        lambda m: (
            m.table == base.table
            and m.agg == base.agg
            and m.column == base.column
            and {(c.column, c.value) for c in m.filters} == wanted
        ),
    )


def conditions_as_filters(model: SemanticModel, metric: str) -> list[dict[str, Any]]:
    """A count metric's conditions as plan filters, where a dimension holds each column (the
    complaints: is_complaint = true); none when one of them has no dimension."""
    measure = _measure(model, metric)
    if measure is None or not measure.filters:
        return []
    out = []
    for c in measure.filters:
        dim = next(
            (d.name for d in model.spec.dimensions if d.column_in(measure.table) == c.column),
            None,
        )
        if dim is None or c.op != "=" or c.value is None:
            return []
        out.append({"dimension": dim, "op": "=", "values": [c.value]})
    return out


def row_count(model: SemanticModel, table: str) -> str | None:
    """The simple metric counting every row of `table` (tickets, surveys), if the model has one."""
    return _first(model, lambda m: m.table == table and m.agg == "count" and not m.filters)


def ticket_duration(model: SemanticModel, end: str) -> str | None:
    """The median time from a ticket's opening to `end` (`resolved_ts`, `first_response_ts`)."""
    return _first(
        model,
        lambda m: m.duration is not None and m.duration.end == end and m.agg in ("median", "avg"),
    )


def order_value_metric(model: SemanticModel) -> str | None:
    """The ratio of revenue to orders (average order value, 客单价), if the model has one."""
    revenue, orders = revenue_metric(model), order_count(model)
    for metric in model.spec.metrics:
        if (
            isinstance(metric, RatioMetric)
            and metric.numerator == revenue
            and metric.denominator in (orders, purchasers_metric(model))
        ):
            return metric.name
    return None


def rating_metric(model: SemanticModel, tables: Collection[str] = ()) -> str | None:
    """The metric averaging a rating: of one of `tables` when one has it (a ticket's rating when
    the question speaks of tickets), else `feedback.score`, else any column named for ratings."""
    every = rating_metrics(model)
    return next((m for m in every if tables_of(model, m) & set(tables)), None) or (
        every[0] if every else None
    )


def rating_metrics(model: SemanticModel) -> list[str]:
    """The metrics averaging a rating column (`feedback.score` first), the model's own metrics
    before those its measures make."""
    out: list[str] = []
    for name in model.metrics:
        measure = _measure(model, name)
        if measure is not None and measure.agg == "avg":
            column = (measure.column or "").casefold()
            if measure.table == "feedback" and column == "score":
                out.insert(0, name)
            elif _RATED.search(column):
                out.append(name)
    return out


_RATED = re.compile(r"rating|score|stars?\b|csat|satisf|评分|满意|星")


def good_rating_shares(model: SemanticModel) -> list[tuple[str, str]]:
    """(metric, table) of the ratios counting ratings at least some score among all ratings: the
    share of 4 or 5 stars (`tpa init`'s CSAT), in model order."""
    out = []
    for metric in model.spec.metrics:
        if metric.format != "percent" or not isinstance(metric, RatioMetric):
            continue
        top = model.measures.get(str(metric.numerator))
        if top is not None and any(  # a 1-5 rating: not NPS's promoters (9 and 10)
            f.op in (">=", ">") and isinstance(f.value, int | float) and f.value <= 5
            for f in top.filters
        ):
            out.append((metric.name, top.table))
    return out


def counts_people(model: SemanticModel, metric: str) -> bool:
    """Whether `metric` is a count of distinct people (of any rows)."""
    measure = _measure(model, metric)
    return measure is not None and measure.agg == "count_distinct" and measure.column == _PERSON


def touchpoint_people(model: SemanticModel, touchpoint: str) -> str | None:
    """The metric counting the distinct people who did one touchpoint ("付款人数", "searchers")."""
    return _first(
        model,
        lambda m: (
            m.agg == "count_distinct" and m.column == _PERSON and _only_touchpoint(m) == touchpoint
        ),
    )


def one_named(model: SemanticModel, fmt: str, test: Callable[[str], bool]) -> str | None:
    """The one metric of format `fmt` ("percent", "currency") with a name (label or synonym, as
    written) passing `test`; None when none or several do."""
    found = [m.name for m in model.spec.metrics if m.format == fmt and any(map(test, m.names()))]
    return found[0] if len(found) == 1 else None


def people_including(model: SemanticModel, touchpoint: str) -> str | None:
    """The one metric counting the distinct people who did any of a few touchpoints, one of them
    `touchpoint` ("members on site": door access on either reader)."""
    found = [
        m.name
        for m in model.spec.metrics
        if _counts_people(measure := _measure(model, m.name))
        and measure is not None
        and len(measure.filters) == 1
        and measure.filters[0].column == _TOUCHPOINT
        and measure.filters[0].op == "in"
        and touchpoint in (measure.filters[0].values or ())
    ]
    return found[0] if len(found) == 1 else None


def touchpoint_money(model: SemanticModel, touchpoint: str) -> str | None:
    """The money metric summing one touchpoint's amounts ("how much did we refund": the refund
    amount), if the model has one — in the currency's units when the model keeps the sum in
    cents or 分 and converts it ("fines waived" = 0.01 × "fines waived (cents)"); else the model's
    revenue over every row, which the plan then takes at that touchpoint (退款金额 of refunds
    kept as negative revenue)."""
    summed = [
        m.name
        for m in model.spec.metrics
        if (measure := _measure(model, m.name)) is not None
        and measure.agg == "sum"
        and _only_touchpoint(measure) == touchpoint
    ]
    money = [
        name
        for name in (_in_major_units(model, n) for n in summed)
        if model.metrics[name].format == "currency"
    ]
    if money:
        return money[0]
    revenue = revenue_metric(model)  # all revenue, taken at that step: refunds kept as negatives
    measure = _measure(model, revenue) if revenue else None
    return revenue if measure is not None and not measure.filters else None


def touchpoint_things(model: SemanticModel, touchpoint: str) -> str | None:
    """The metric counting one touchpoint's events or distinct orders ("订了多少单", "calls")."""
    return _first(
        model,
        lambda m: (
            (m.agg == "count" or (m.agg == "count_distinct" and m.column != _PERSON))
            and _only_touchpoint(m) == touchpoint
        ),
    )


__all__ = [
    "acquisition_cost",
    "channel_touchpoints",
    "conditions_as_filters",
    "conversion_between",
    "cost_metric",
    "cost_per",
    "counts_orders",
    "counts_people",
    "event_count",
    "first_time_purchasers",
    "general_conversion",
    "good_rating_shares",
    "is_about_purchase",
    "is_general_conversion",
    "is_purchasers",
    "is_reach",
    "is_revenue",
    "narrowed",
    "new_users_metric",
    "one_named",
    "order_count",
    "order_value_metric",
    "people_including",
    "purchasers_metric",
    "rating_metric",
    "rating_metrics",
    "reach_metric",
    "reaches",
    "revenue_metric",
    "row_count",
    "splits",
    "step_conversion",
    "tables_of",
    "ticket_duration",
    "touchpoint_count",
    "touchpoint_money",
    "touchpoint_of",
    "touchpoint_people",
    "touchpoint_tally",
    "touchpoint_things",
]
