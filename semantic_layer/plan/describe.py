"""Each plan as one plain sentence in the question's language (docs/design.md "The QueryPlan").

    "Users lost at each step of the purchase journey, 10–16 Nov 2026, ranked"
    "购买旅程各步骤流失的用户数，2026年11月10日–16日，按流失人数排序"

The words live in the phrasebook's `plan` sections (`semantic_layer/phrasebook/`), one catalogue
per language; the functions here only choose them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from semantic_layer.plan.analysis import DriversPlan, MetricPlan
from semantic_layer.plan.fallback import ClarifyPlan, SqlPlan, UnsupportedPlan
from semantic_layer.plan.journeys import (
    AttributionPlan,
    DropoffPlan,
    FunnelPlan,
    JourneyPlan,
    PathsPlan,
    RetentionPlan,
)
from semantic_layer.plan.union import QueryPlan
from semantic_layer.plan.wording import Labels, Speaker, join, sentence
from semantic_layer.time import DateRange


def describe(
    plan: QueryPlan,
    labels: Labels,
    time_range: DateRange | None = None,
    baseline_range: DateRange | None = None,
) -> str:
    """The plan as one sentence in `plan.language`.

    Args:
        plan: any plan.
        labels: how the semantic model names metrics, dimensions, touchpoints and journeys.
        time_range: the plan's resolved time, stated exactly; without it the time is said as the
            plan holds it ("last week").
        baseline_range: the resolved comparison (metric) or baseline (drivers) period.
    """
    say = Speaker(labels, plan.language, time_range, baseline_range)
    return sentence(SENTENCES[type(plan)](plan, say), plan.language)


def _metric(plan: MetricPlan, say: Speaker) -> list[str]:
    what = say.metrics(plan.metrics)
    if plan.grain:
        what = say.t("grain", grain=say.word(plan.grain), what=what)
    if plan.dimensions:
        many = "by_many" if len(plan.dimensions) > 1 else "by_one"
        what = say.t(many, what=what, dims=say.dimensions(plan.dimensions))
    parts = [what, say.when(plan.time), *say.filters(plan)]
    if plan.compare:
        parts.append(say.t("compared", period=say.baseline(plan.compare, plan.baseline)))
    parts.append(_ranking(plan, say))
    if plan.channel_rule:
        parts.append(say.t("channel_rule", rule=say.word(plan.channel_rule)))
    return parts


def _ranking(plan: MetricPlan, say: Speaker) -> str:
    if plan.order is None:
        return say.t("rows", limit=plan.limit) if plan.limit else ""
    by = plan.order.by
    label = say.metrics([by]) if by in plan.metrics else say.dimensions([by])
    if plan.limit:
        key = "top" if plan.order.direction == "desc" else "bottom"
        return say.t(key, limit=plan.limit, by=label)
    return say.t(f"order_{plan.order.direction}", by=label)


def _journey(plan: JourneyPlan, say: Speaker) -> dict[str, str]:
    window = say.t("window", days=plan.window_days) if plan.window_days else ""
    return {"journey": say.journey(plan.journey, plan.steps), "window": window}


def _breakdown(plan: JourneyPlan, say: Speaker) -> str:
    return say.t("breakdown", dim=say.dimensions([plan.breakdown])) if plan.breakdown else ""


def _funnel(plan: FunnelPlan, say: Speaker) -> list[str]:
    head = say.t(plan.measure, **_journey(plan, say))
    return [head, say.when(plan.time), _breakdown(plan, say), *say.filters(plan)]


def _dropoff(plan: DropoffPlan, say: Speaker) -> list[str]:
    head = say.t("lost", **_journey(plan, say))
    ranked = (
        say.t("top_step")
        if plan.limit == 1
        else say.t("top_steps", limit=plan.limit)
        if plan.limit
        else say.t("ranked")
    )
    return [head, say.when(plan.time), _breakdown(plan, say), *say.filters(plan), ranked]


def _paths(plan: PathsPlan, say: Speaker) -> list[str]:
    key = f"{'next' if plan.mode == 'next' else 'paths'}_{plan.direction}"
    head = say.t(key, anchor=say.touchpoint(plan.touchpoint), depth=plan.depth)
    top = say.t("top_next" if plan.mode == "next" else "top_paths", limit=plan.limit)
    gap = say.t("gap", gap=plan.session_gap_minutes) if plan.session_gap_minutes else ""
    return [head, say.when(plan.time), *say.filters(plan), top, gap]


def _retention(plan: RetentionPlan, say: Speaker) -> list[str]:
    first = (
        say.t("first_touchpoint", touchpoint=say.touchpoint(plan.cohort_touchpoint))
        if plan.cohort_touchpoint
        else say.t("any_event")
    )
    head = say.t(
        "retention",
        grain=say.word(f"cohort_{plan.cohort_grain}"),
        periods=plan.periods,
        unit=say.word(f"{plan.cohort_grain}s"),
        first=first,
        when=say.when(plan.time),
    )
    back = plan.return_touchpoint
    returns = say.t("returns", touchpoint=say.touchpoint(back)) if back else ""
    return [head, *say.filters(plan), returns]


def _attribution(plan: AttributionPlan, say: Speaker) -> list[str]:
    if plan.model == "all":
        model = say.t("every_model")
    else:
        model = say.t("by_model", model=say.word(plan.model))
    if plan.model == "time_decay":
        model = say.t("half_life", model=model, days=plan.half_life_days)
    target = plan.conversion_touchpoint
    if plan.value == "revenue":
        value = say.t("revenue")
    elif target:
        value = say.t("touchpoint_conversions", touchpoint=say.touchpoint(target))
    else:
        value = say.t("conversions")
    head = say.t("attributed", value=value, by=say.word(plan.by), model=model)
    lookback = say.t("lookback", days=plan.lookback_days) if plan.lookback_days else ""
    return [head, say.when(plan.time), *say.filters(plan), lookback]


def _drivers(plan: DriversPlan, say: Speaker) -> list[str]:
    head = say.t(
        "drivers",
        metric=say.metrics([plan.metric]),
        before=say.baseline(plan.compare, plan.baseline),
        after=say.when(plan.time),
    )
    dims = plan.dimensions
    split = say.t("split", dims=say.dimensions(dims)) if dims else say.t("split_all")
    return [head, split, *say.filters(plan), say.t("segments", limit=plan.limit)]


def _sql(plan: SqlPlan, say: Speaker) -> list[str]:
    return [say.t("sql", rationale=plan.rationale)]


def _clarify(plan: ClarifyPlan, say: Speaker) -> list[str]:
    options = join([c.label for c in plan.choices], say.lang, conjunction=say.t("or"))
    return [say.t("clarify", reason=plan.reason, options=options)]


def _unsupported(plan: UnsupportedPlan, say: Speaker) -> list[str]:
    missing = join(plan.missing, say.lang)
    needs = say.t("needs", missing=missing) if plan.missing else ""
    return [say.t("unsupported", reason=plan.reason) + needs]


SENTENCES: Final[dict[type, Callable[[Any, Speaker], list[str]]]] = {
    MetricPlan: _metric,
    FunnelPlan: _funnel,
    DropoffPlan: _dropoff,
    PathsPlan: _paths,
    RetentionPlan: _retention,
    AttributionPlan: _attribution,
    DriversPlan: _drivers,
    SqlPlan: _sql,
    ClarifyPlan: _clarify,
    UnsupportedPlan: _unsupported,
}
