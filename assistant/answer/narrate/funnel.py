"""Answers to `funnel` (conversion, time to convert) and `dropoff` plans.

`lost` at step k counts users who reached step k and not step k+1 within the window, so the
touchpoint that "lost" them is step k, and they "did not go on to" step k+1.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from assistant.answer.narrate.numbers import as_float
from assistant.answer.narrate.say import Say
from semantic_layer.plan import DropoffPlan, FunnelPlan, JourneyPlan

Row = dict[str, Any]


def funnel_text(say: Say, plan: FunnelPlan) -> list[str]:
    """Sentences for a funnel: overall conversion and the biggest drop, or time to convert."""
    rows = say.table.records()
    if plan.measure == "time_to_convert":
        return _time_to_convert(say, plan, rows)
    if plan.breakdown is not None:
        return _by_segment(say, plan, plan.breakdown, rows)
    steps = sorted(rows, key=lambda r: int(r["step"]))
    if not steps or not _count(steps[0]["reached"]):
        return [empty_journey(say, plan)]
    return [_overall(say, plan, steps), _biggest_drop(say, plan, steps)]


def empty_journey(say: Say, plan: JourneyPlan) -> str:
    return say.t("funnel_empty", journey=say.journey(plan), when=say.when())


def _count(value: Any) -> int:
    number = as_float(value)
    return int(number) if number is not None else 0


def _overall(say: Say, plan: JourneyPlan, steps: list[Row]) -> str:
    entrants, converted = _count(steps[0]["reached"]), _count(steps[-1]["reached"])
    return say.t(
        "funnel",
        entrants=say.num.number(entrants),
        journey=say.journey(plan),
        when=say.when(),
        converted=say.num.number(converted),
        last=say.touchpoint(steps[-1]["touchpoint"]),
        window=say.window_days(plan),
        rate=say.num.percent(converted / entrants),
    )


def _biggest_drop(say: Say, plan: JourneyPlan, steps: list[Row]) -> str:
    losing = [r for r in steps[:-1] if _count(r.get("lost")) > 0]
    if not losing:
        return ""
    worst = max(losing, key=lambda r: (_count(r["lost"]), -int(r["step"])))
    return say.t(
        "biggest_drop",
        step=say.touchpoint(worst["touchpoint"]),
        lost=say.num.number(worst["lost"]),
        reached=say.num.number(worst["reached"]),
        rate=say.num.percent(worst["lost_rate"]),
        next=say.touchpoint(_next_step(say, plan, int(worst["step"]))),
    )


def _next_step(say: Say, plan: JourneyPlan, step: int) -> str:
    steps = say.journey_steps(plan)
    return steps[step] if 0 < step < len(steps) else ""


def _by_segment(say: Say, plan: FunnelPlan, dim: str, rows: list[Row]) -> list[str]:
    """Best and worst segment by overall conversion, and the total."""
    ordered = sorted(rows, key=lambda r: (str(r["segment"]), int(r["step"])))
    totals: list[tuple[Any, int, int]] = []  # segment, entrants, converters
    for segment, group in groupby(ordered, key=lambda r: r["segment"]):
        steps = list(group)
        totals.append((segment, _count(steps[0]["reached"]), _count(steps[-1]["reached"])))
    started = [t for t in totals if t[1] > 0]
    if not started:
        return [empty_journey(say, plan)]
    ranked = sorted(started, key=lambda t: t[2] / t[1], reverse=True)

    def side(prefix: str, t: tuple[Any, int, int]) -> dict[str, str]:
        return {
            prefix: say.value(dim, t[0]),
            f"{prefix}_rate": say.num.percent(t[2] / t[1]),
            f"{prefix}_conv": say.num.number(t[2]),
            f"{prefix}_n": say.num.number(t[1]),
        }

    values = {
        "journey": say.journey(plan),
        "when": say.when(),
        "window": say.window_days(plan),
        "n": len(ranked),
        "dim": say.dimension(dim),
        **side("best", ranked[0]),
        **side("worst", ranked[-1]),
    }
    head = say.t("funnel_by" if len(ranked) > 1 else "funnel_by_one", **values)
    n, conv = sum(t[1] for t in totals), sum(t[2] for t in totals)
    total = say.t(
        "overall", conv=say.num.number(conv), n=say.num.number(n), rate=say.num.percent(conv / n)
    )
    return [head, total]


def _time_to_convert(say: Say, plan: FunnelPlan, rows: list[Row]) -> list[str]:
    n = sum(_count(r.get("entrants")) for r in rows)
    conv = sum(_count(r.get("converters")) for r in rows)
    values = {
        "n": say.num.number(n),
        "conv": say.num.number(conv),
        "journey": say.journey(plan),
        "when": say.when(),
        "window": say.window_days(plan),
    }
    if n == 0:
        return [empty_journey(say, plan)]
    if conv == 0:
        return [say.t("ttc_none", **values)]
    rate = say.num.percent(conv / n)
    if plan.breakdown is None:
        row = rows[0]
        median, p90 = say.num.elapsed(row["median_hours"]), say.num.elapsed(row["p90_hours"])
        return [say.t("ttc", rate=rate, median=median, p90=p90, **values)]
    return [say.t("ttc_total", rate=rate, **values), _speeds(say, plan.breakdown, rows)]


def _speeds(say: Say, dim: str, rows: list[Row]) -> str:
    """The fastest and slowest segment by median time to convert."""
    timed = [r for r in rows if as_float(r.get("median_hours")) is not None]
    if len(timed) < 2:
        return ""
    ranked = sorted(timed, key=lambda r: float(r["median_hours"]))
    fast, slow = ranked[0], ranked[-1]
    return say.t(
        "ttc_spread",
        fast=say.value(dim, fast["segment"]),
        fast_median=say.num.elapsed(fast["median_hours"]),
        slow=say.value(dim, slow["segment"]),
        slow_median=say.num.elapsed(slow["median_hours"]),
    )


def dropoff_text(say: Say, plan: DropoffPlan) -> list[str]:
    """The touchpoint that lost the most users: "X of Y who reached it (Z%)"; then the next.

    Split by a dimension, each step is named with its segment; a split with a single segment
    says so instead."""
    rows = [r for r in say.table.records() if r.get("lost") is not None]
    if not rows or not any(_count(r["reached"]) for r in rows):
        return [empty_journey(say, plan)]
    by = "lost_rate" if plan.rank_by == "lost_rate" else "lost"
    ranked = sorted(rows, key=lambda r: (-float(r[by] or 0), int(r["step"])))
    top = ranked[0]
    if _count(top["lost"]) == 0:
        return [say.t("dropoff_none", journey=say.journey(plan), when=say.when())]
    segments = {r["segment"] for r in rows} if plan.breakdown and "segment" in top else set()

    def step(r: Row) -> str:
        name = say.touchpoint(r["touchpoint"])
        if len(segments) < 2 or plan.breakdown is None:
            return name
        return say.t("in_segment", step=name, segment=say.value(plan.breakdown, r["segment"]))

    head = say.t(
        "dropoff_rate" if by == "lost_rate" else "dropoff",
        step=step(top),
        journey=say.journey(plan),
        when=say.when(),
        lost=say.num.number(top["lost"]),
        reached=say.num.number(top["reached"]),
        rate=say.num.percent(top["lost_rate"]),
        next=say.touchpoint(_next_step(say, plan, int(top["step"]))),
        window=say.window_days(plan),
    )
    more = [
        say.t(
            "dropoff_item",
            step=step(r),
            lost=say.num.number(r["lost"]),
            reached=say.num.number(r["reached"]),
            rate=say.num.percent(r["lost_rate"]),
        )
        for r in ranked[1:3]
        if _count(r["lost"]) > 0
    ]
    tail = say.t("dropoff_next", items=say.join(more)) if more else ""
    if len(segments) == 1 and plan.breakdown is not None:
        only = say.value(plan.breakdown, next(iter(segments)))
        note = say.t("dropoff_one_segment", journey=say.journey(plan), segment=only)
        return [head, tail, note]
    return [head, tail]


__all__ = ["dropoff_text", "empty_journey", "funnel_text"]
