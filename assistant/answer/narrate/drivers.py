"""Answers to `drivers` plans: the metric's change, then the segments that explain it.

The table has no total row: the total change is a segment's contribution over its share of the
change (`share_of_change`), which is the same for every row. Contributors are ranked by the size
of their contribution; one that moved against the total "offsets" part of it. When the metric
does not add up over segments (a median), each dimension has its own total and no headline
change is stated: the segments that moved most are listed with their own values.
"""

from __future__ import annotations

from typing import Any

from assistant.answer.narrate.numbers import as_float
from assistant.answer.narrate.say import Say
from semantic_layer.plan import DriversPlan

Row = dict[str, Any]
TINY = 1e-12


def drivers_text(say: Say, plan: DriversPlan) -> list[str]:
    """The headline change, the top contributor with its own change, and the next ones."""
    m = plan.metric
    rows = [r for r in say.table.records() if as_float(r.get("contribution")) is not None]
    if not rows:
        return [say.t("drivers_empty", metric=say.metric(m), when=say.when())]
    ranked = sorted(rows, key=lambda r: -abs(float(r["contribution"])))
    total = total_change(rows)
    common = {"metric": say.metric(m), "before": say.before(), "when": say.when()}
    if total is None:
        return [say.t("drivers_segments", items=say.join(_moves(say, plan, ranked[:3])), **common)]
    if not say.metric_change(m, total).startswith(("+", "-")):
        head = say.t("drivers_flat", **common)
        top = ranked[0]
        if abs(float(top["contribution"])) <= TINY:
            return [head]
        amount = say.metric_change(m, top["contribution"])
        return [head, say.t("moved_most", amount=amount, **_segment(say, plan, top))]
    head = say.t(
        "drivers",
        moved=say.t("rose" if total > 0 else "fell"),
        amount=say.num.magnitude(say.fmt(m), total),
        verdict=say.verdict(m, total),
        **common,
    )
    return [head, _lead(say, plan, ranked[0], total), _next(say, ranked[1:3]), _note(say, rows)]


def total_change(rows: list[Row]) -> float | None:
    """The metric's whole change: contribution / share of change, the same in every dimension.

    None when it cannot be told: no row has a share, or the dimensions disagree because the
    metric does not add up over segments (a median, distinct users in several segments).
    """
    totals: dict[Any, float] = {}
    for r in rows:
        share, contribution = as_float(r.get("share_of_change")), as_float(r.get("contribution"))
        if share and contribution is not None and abs(share) > TINY:
            totals.setdefault(r["dimension"], contribution / share)
    if not totals:
        return None
    low, high = min(totals.values()), max(totals.values())
    return high if high - low <= 1e-6 * max(1.0, abs(high)) else None


def _segment(say: Say, plan: DriversPlan, row: Row) -> dict[str, str]:
    dim = str(row["dimension"])
    return {
        "segment": say.value(dim, row["segment"]),
        "dim": say.dimension(dim),
        "metric": say.metric(plan.metric),
        "previous": say.metric_value(plan.metric, row.get("value_previous")),
        "value": say.metric_value(plan.metric, row.get("value")),
    }


def _moves(say: Say, plan: DriversPlan, rows: list[Row]) -> list[str]:
    """Segments with their own before → after values."""
    return [say.t("drivers_move", **_segment(say, plan, r)) for r in rows]


def _lead(say: Say, plan: DriversPlan, row: Row, total: float) -> str:
    contribution = float(row["contribution"])
    share = as_float(row.get("share_of_change"))
    same = contribution * total > 0
    return say.t(
        "explains" if same else "offsets",
        share=say.num.percent(abs(share) if share is not None else abs(contribution / total)),
        change=say.t("rise" if total > 0 else "drop"),
        **_segment(say, plan, row),
    )


def _next(say: Say, rows: list[Row]) -> str:
    items = [
        say.t(
            "drivers_item",
            segment=say.value(str(r["dimension"]), r["segment"]),
            dim=say.dimension(str(r["dimension"])),
            share=say.num.percent(r.get("share_of_change")),
        )
        for r in rows
        if abs(float(r["contribution"])) > TINY
    ]
    return say.t("drivers_next", items=say.join(items)) if items else ""


def _note(say: Say, rows: list[Row]) -> str:
    dimensions = {r["dimension"] for r in rows}
    return say.t("drivers_note") if len(dimensions) > 1 else ""


__all__ = ["drivers_text", "total_change"]
