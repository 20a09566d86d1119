"""Paths (DESIGN.md "Meanings": Paths).

Per user, events in time order are split into sessions at gaps longer than the session gap and
consecutive repeats are collapsed; "after X" counts the touchpoint that follows each occurrence of
X in the same session ("(exit)" when the session ends), "before X" the one that precedes it
("(entry)" when X starts the session). Top paths count whole sessions by their collapsed sequence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlglot import exp

from semantic_layer.compile.sql import Events, in_range, safe_div

EXIT, ENTRY = "(exit)", "(entry)"


@dataclass(frozen=True)
class PathsSpec:
    touchpoint: str | None  # the anchor X (optional for top paths)
    direction: Literal["after", "before"]
    start: date
    end: date  # exclusive
    session_gap_minutes: int = 30
    limit: int = 10
    max_path_steps: int = 8


def _user_window(*extra: str) -> exp.Window:
    return exp.Window(
        this=exp.Placeholder(),
        partition_by=[exp.column(c) for c in ("user_id", *extra)],
        order=exp.Order(
            expressions=[
                exp.Ordered(this=exp.column("ts")),
                exp.Ordered(this=exp.column("touchpoint")),
            ]
        ),
    )


def _over(func: exp.Expr, window: exp.Window) -> exp.Window:
    w = window.copy()
    w.set("this", func)
    return w


def sessions(events: Events, spec: PathsSpec) -> exp.Select:
    """Collapsed session steps: user_id, session_no, ts, touchpoint, prev_tp, next_tp.

    Columns are renamed to the canonical names so the later steps do not depend on the table.
    """
    ts = exp.column(events.ts)
    ev = (
        exp.select(
            exp.column(events.user).as_("user_id"),
            ts.as_("ts"),
            exp.column(events.touchpoint).as_("touchpoint"),
        )
        .from_(events.table)
        .where(events.where(in_range(ts, spec.start, spec.end)))
    )
    user = _user_window()
    gap = exp.Interval(this=exp.Literal.number(spec.session_gap_minutes), unit=exp.var("MINUTE"))
    previous_ts = _over(exp.func("lag", exp.column("ts")), user)
    new_session = exp.Case(
        ifs=[
            exp.If(
                this=exp.or_(
                    previous_ts.is_(exp.null()), exp.column("ts") - previous_ts.copy() > gap
                ),
                true=exp.Literal.number(1),
            )
        ],
        default=exp.Literal.number(0),
    )
    marked = exp.select(
        "*",
        new_session.as_("new_session"),
        _over(exp.func("lag", exp.column("touchpoint")), user).as_("before_tp"),
    ).from_("ev")
    running = exp.Window(
        this=exp.func("sum", exp.column("new_session")),
        partition_by=[exp.column("user_id")],
        order=exp.Order(
            expressions=[
                exp.Ordered(this=exp.column("ts")),
                exp.Ordered(this=exp.column("touchpoint")),
            ]
        ),
        spec=exp.WindowSpec(
            kind="ROWS", start="UNBOUNDED", start_side="PRECEDING", end="CURRENT ROW"
        ),
    )
    numbered = exp.select("*", running.as_("session_no")).from_(marked.subquery("m"))
    repeat = exp.and_(
        exp.column("new_session").eq(0), exp.column("touchpoint").eq(exp.column("before_tp"))
    )
    collapsed = (
        exp.select("user_id", "session_no", "ts", "touchpoint")
        .from_(numbered.subquery("n"))
        .where(exp.not_(repeat))
    )
    in_session = _user_window("session_no")
    return (
        exp.select(
            "*",
            _over(exp.func("lag", exp.column("touchpoint")), in_session).as_("prev_tp"),
            _over(exp.func("lead", exp.column("touchpoint")), in_session).as_("next_tp"),
        )
        .from_(collapsed.subquery("c"))
        .with_("ev", ev)
    )


def neighbours(events: Events, spec: PathsSpec) -> exp.Select:
    """What comes right after (or before) each occurrence of the anchor, ranked."""
    assert spec.touchpoint is not None, "after/before needs an anchor touchpoint"
    side, edge = ("next_tp", EXIT) if spec.direction == "after" else ("prev_tp", ENTRY)
    label = exp.func("coalesce", exp.column(side), exp.Literal.string(edge))
    total = exp.Window(this=exp.func("sum", exp.func("count", exp.Star())))
    return (
        exp.select(
            label.as_("touchpoint"),
            exp.func("count", exp.Star()).as_("occurrences"),
            exp.func("count", exp.Distinct(expressions=[exp.column("user_id")])).as_("users"),
            safe_div(exp.func("count", exp.Star()), total).as_("share"),
        )
        .from_(sessions(events, spec).subquery("s"))
        .where(exp.column("touchpoint").eq(exp.Literal.string(spec.touchpoint)))
        .group_by(label.copy())
        .order_by(exp.Ordered(this=exp.column("occurrences"), desc=True), "touchpoint")
        .limit(spec.limit)
    )


def top_paths(events: Events, spec: PathsSpec) -> exp.Select:
    """The most common collapsed session paths (those through the anchor, if one is given)."""
    steps = exp.select(
        "*",
        exp.Window(
            this=exp.func("row_number"),
            partition_by=[exp.column("user_id"), exp.column("session_no")],
            order=exp.Order(
                expressions=[
                    exp.Ordered(this=exp.column("ts")),
                    exp.Ordered(this=exp.column("touchpoint")),
                ]
            ),
        ).as_("pos"),
    ).from_(sessions(events, spec).subquery("s"))
    path = exp.GroupConcat(
        this=exp.Order(
            this=exp.column("touchpoint"), expressions=[exp.Ordered(this=exp.column("pos"))]
        ),
        separator=exp.Literal.string(" → "),
    )
    per_session = (
        exp.select(
            "user_id", "session_no", path.as_("path"), exp.func("count", exp.Star()).as_("steps")
        )
        .from_(steps.subquery("p"))
        .where(exp.column("pos") <= spec.max_path_steps)
        .group_by("user_id", "session_no")
    )
    if spec.touchpoint is not None:
        per_session = per_session.having(
            exp.func("bool_or", exp.column("touchpoint").eq(exp.Literal.string(spec.touchpoint)))
        )
    total = exp.Window(this=exp.func("sum", exp.func("count", exp.Star())))
    return (
        exp.select(
            "path",
            exp.func("count", exp.Star()).as_("sessions"),
            exp.func("count", exp.Distinct(expressions=[exp.column("user_id")])).as_("users"),
            safe_div(exp.func("count", exp.Star()), total).as_("share"),
        )
        .from_(per_session.subquery("ps"))
        .group_by("path")
        .order_by(exp.Ordered(this=exp.column("sessions"), desc=True), "path")
        .limit(spec.limit)
    )
