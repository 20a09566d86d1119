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
from semantic_layer.time import DateRange

Row = dict[str, Any]
TINY = 1e-12


def drivers_text(say: Say, plan: DriversPlan) -> list[str]:
    """The headline change, the top contributor with its own change, and the next ones."""
    m = plan.metric
    rows = [r for r in say.table.records() if as_float(r.get("contribution")) is not None]
    if not rows:
        empty = say.t("drivers_empty", metric=say.metric(m), when=say.when())
        return [change_note(say, plan), empty, left_out(say)]
    ranked = sorted(rows, key=lambda r: -abs(float(r["contribution"])))
    total = total_change(rows)
    common = {"metric": say.metric(m), "before": say.before(), "when": say.when()}
    if say.table.change is not None and say.table.change.compared is not None:
        rng = say.table.time_range  # the periods since the change, by their dates
        common["when"] = rng.label(say.lang) if rng is not None else common["when"]
    note = change_note(say, plan)
    if total is None:
        moves = say.join(_moves(say, plan, ranked[:3]))
        return [note, say.t("drivers_segments", items=moves, **common), left_out(say)]
    if not say.metric_change(m, total).startswith(("+", "-")):
        head = say.t("drivers_flat", **common)
        top = ranked[0]
        if abs(float(top["contribution"])) <= TINY:
            return [note, head]
        amount = say.metric_change(m, top["contribution"])
        return [note, head, say.t("moved_most", amount=amount, **_segment(say, plan, top))]
    head = say.t(
        "drivers",
        moved=say.t("rose" if total > 0 else "fell"),
        amount=say.num.magnitude(say.fmt(m), total),
        verdict=say.verdict(m, total),
        **common,
    )
    return [
        note,
        head,
        _lead(say, plan, ranked[0], total),
        _next(say, plan, ranked[1:3]),
        _note(say, rows),
        left_out(say),
    ]


def change_note(say: Say, plan: DriversPlan) -> str:
    """When the metric changed, read from its recent series, and which periods are compared."""
    change = say.table.change
    if change is None:
        return ""
    metric, grain = say.metric(plan.metric), change.grain
    earlier = (
        f"{say.metric_value(plan.metric, change.low)}–{say.metric_value(plan.metric, change.high)}"
    )
    if change.start is None:
        n = len(change.periods) - 1
        return say.t(
            "change_none", metric=metric, n=n, grains=say.word(f"{grain}_pl"), range=earlier
        )
    values = {
        "metric": metric,
        "side": say.t("above" if change.direction > 0 else "below"),
        "range": earlier,
        "period": say.period(change.start, grain),
    }
    if change.compared is None or change.baseline is None:
        return say.t("change_at", **values)
    since, before = DateRange(*change.compared), DateRange(*change.baseline)
    return say.t(
        "change_focus",
        since=since.label(say.lang),
        before=before.label(say.lang),
        n=since.days,
        **values,
    )


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
    """The top contributor in the chart's own unit ("−7.7 pts of the −9.9-pt drop"): a share
    is added only when it is a part of the change (0–100%); more than the whole is said so."""
    contribution = float(row["contribution"])
    same = contribution * total > 0
    change = say.t("rise" if total > 0 else "drop")
    share = contribution / total
    part = ""
    if same and share <= 1 + 1e-9:
        part = say.t("share_part", share=say.num.percent(share))
    elif same:
        part = say.t("share_more", change=change)
    return say.t(
        "explains" if same else "offsets",
        amount=say.metric_change(plan.metric, contribution),
        total=say.num.magnitude(say.fmt(plan.metric), total),
        share=part,
        change=change,
        **_segment(say, plan, row),
    )


def _next(say: Say, plan: DriversPlan, rows: list[Row]) -> str:
    items = [
        say.t(
            "drivers_item",
            segment=say.value(str(r["dimension"]), r["segment"]),
            dim=say.dimension(str(r["dimension"])),
            amount=say.metric_change(plan.metric, r["contribution"]),
        )
        for r in rows
        if abs(float(r["contribution"])) > TINY
    ]
    return say.t("drivers_next", items=say.join(items)) if items else ""


def _note(say: Say, rows: list[Row]) -> str:
    dimensions = {r["dimension"] for r in rows}
    return say.t("drivers_note") if len(dimensions) > 1 else ""


def left_out(say: Say) -> str:
    """ "Left out: 3 segments too small … and 2 dimensions with a single value." """
    if not say.table.rows or not say.table.has("segments_left_out"):
        return ""
    first = say.table.records()[0]
    items = []
    segments = int(as_float(first.get("segments_left_out")) or 0)
    dimensions = int(as_float(first.get("dimensions_left_out")) or 0)
    if segments:
        key = "left_segments" if segments > 1 else "left_segment"
        items.append(say.t(key, n=segments, least=say.model.settings.drivers_min_segment))
    if dimensions:
        key = "left_dimensions" if dimensions > 1 else "left_dimension"
        items.append(say.t(key, n=dimensions))
    return say.t("left_out", items=say.join(items)) if items else ""


__all__ = ["drivers_text", "total_change"]
