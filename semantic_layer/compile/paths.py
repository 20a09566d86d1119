"""Paths (docs/design.md "Meanings": Paths).

Per user, events in time order are split into sessions at gaps longer than the session gap and
consecutive repeats are collapsed; "after X" counts the touchpoint that follows each occurrence of
X in the same session ("(exit)" when the session ends), "before X" the one that precedes it
("(entry)" when X starts the session). Top paths count, for each occurrence of X, the path of the
next (or previous) collapsed steps of the same session, X included.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlglot import exp

from semantic_layer.compile.neighbours import path_neighbours
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
    steps_table: str | None = None  # the exact pre-aggregate of neighbours (`aggregates.STEPS`)
    steps_people: bool = False  # with it: the scoped events leave some people out, keep the rest


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


def _events_in_range(events: Events, spec: PathsSpec) -> exp.Select:
    """user_id, ts, touchpoint of the range (canonical names), for users with the anchor."""
    ts = exp.column(events.ts)
    return (
        exp.select(
            exp.column(events.user).as_("user_id"),
            ts.as_("ts"),
            exp.column(events.touchpoint).as_("touchpoint"),
        )
        .from_(events.table)
        .where(events.where(in_range(ts.copy(), spec.start, spec.end), _with_anchor(events, spec)))
    )


def _collapsed(events: Events, spec: PathsSpec) -> exp.Select:
    """user_id, session_no, ts, touchpoint: sessions split at the gap, repeats collapsed, for the
    users who have the anchor in the range (all users without an anchor)."""
    ev = _events_in_range(events, spec)
    user = _user_window()
    gap = exp.Interval(this=exp.Literal.number(spec.session_gap_minutes), unit=exp.var("MINUTE"))
    previous_ts = _over(exp.func("lag", exp.column("ts")), user)
    starts = exp.or_(previous_ts.is_(exp.null()), exp.column("ts") - previous_ts.copy() > gap)
    new_session = exp.Case(
        ifs=[exp.If(this=starts, true=exp.Literal.number(1))], default=exp.Literal.number(0)
    )
    before = _over(exp.func("lag", exp.column("touchpoint")), user)
    marked = exp.select("*", new_session.as_("new_session"), before.as_("before_tp")).from_(
        ev.subquery("ev")
    )
    repeat = exp.and_(
        exp.column("new_session").eq(0), exp.column("touchpoint").eq(exp.column("before_tp"))
    )
    kept = exp.select("*").from_(marked.subquery("m")).where(exp.not_(repeat))
    running = _user_window()
    running.set("this", exp.func("sum", exp.column("new_session")))
    running.set(
        "spec",
        exp.WindowSpec(kind="ROWS", start="UNBOUNDED", start_side="PRECEDING", end="CURRENT ROW"),
    )
    return exp.select("user_id", running.as_("session_no"), "ts", "touchpoint").from_(
        kept.subquery("k")
    )


def sessions(events: Events, spec: PathsSpec) -> exp.Select:
    """Collapsed session steps with their neighbours: user_id, session_no, ts, touchpoint,
    prev_tp, next_tp (used by tests and for inspecting sessions)."""
    within = _user_window("session_no")
    return exp.select(
        "*",
        _over(exp.func("lag", exp.column("touchpoint")), within).as_("prev_tp"),
        _over(exp.func("lead", exp.column("touchpoint")), within).as_("next_tp"),
    ).from_(_collapsed(events, spec).subquery("c"))


def _with_anchor(events: Events, spec: PathsSpec) -> exp.Expr | None:
    """Only users who have the anchor in the range: windows then run over far fewer rows."""
    if spec.touchpoint is None:
        return None
    has_anchor = (
        exp.select(exp.column(events.user))
        .from_(events.table)
        .where(
            events.where(
                exp.column(events.touchpoint).eq(exp.Literal.string(spec.touchpoint)),
                in_range(exp.column(events.ts), spec.start, spec.end),
            )
        )
    )
    return exp.column(events.user).isin(query=has_anchor)


def neighbours(events: Events, spec: PathsSpec) -> exp.Select:
    """What comes right after (or before) each occurrence of the anchor, ranked.

    One window pass: a collapsed occurrence of X is the last event of a run of X in a session
    (the first, looking backwards); its neighbour is the next (previous) event when that is in the
    same session, else the session's exit (entry).
    """
    assert spec.touchpoint is not None, "after/before needs an anchor touchpoint"
    after = spec.direction == "after"
    step, edge = ("lead", EXIT) if after else ("lag", ENTRY)
    if spec.steps_table is not None:  # each event's neighbour read, not computed
        people = _with_anchor(events, spec) if spec.steps_people else None
        marked = path_neighbours(
            spec.steps_table, spec.touchpoint, spec.start, spec.end, after=after, people=people
        )
    else:
        window = _user_window()
        near_ts = _over(exp.func(step, exp.column("ts")), window)
        near_tp = _over(exp.func(step, exp.column("touchpoint")), window)
        ev = _events_in_range(events, spec)
        marked = exp.select("*", near_ts.as_("near_ts"), near_tp.as_("near_tp")).from_(
            ev.subquery("ev")
        )
    gap = exp.Interval(this=exp.Literal.number(spec.session_gap_minutes), unit=exp.var("MINUTE"))
    apart = (
        exp.column("near_ts") - exp.column("ts")
        if after
        else exp.column("ts") - exp.column("near_ts")
    )
    same_session = apart <= gap
    anchor = exp.Literal.string(spec.touchpoint)
    run_end = exp.or_(
        exp.not_(exp.NullSafeEQ(this=exp.column("near_tp"), expression=anchor.copy())),
        exp.not_(same_session.copy()),
    )
    label = exp.Case(
        ifs=[exp.If(this=same_session.copy(), true=exp.column("near_tp"))],
        default=exp.Literal.string(edge),
    )
    occurrences = (
        exp.select(exp.column("user_id"), label.as_("touchpoint"))
        .from_(marked.subquery("m"))
        .where(exp.and_(exp.column("touchpoint").eq(anchor), run_end))
    )
    return _ranked(occurrences, "touchpoint", "occurrences", spec.limit)


def top_paths(events: Events, spec: PathsSpec) -> exp.Select:
    """The most common paths of `max_path_steps` collapsed steps starting at each occurrence of
    the anchor (after) or ending at it (before), within the session; without an anchor, the
    first steps of every session."""
    after = spec.direction == "after" or spec.touchpoint is None
    within = _user_window("session_no")
    step = "lead" if after else "lag"
    near = [
        _over(exp.func(step, exp.column("touchpoint"), exp.Literal.number(k)), within).as_(f"n{k}")
        for k in range(1, spec.max_path_steps)
    ]
    first = _over(exp.func("row_number"), within).eq(1)
    steps = exp.select("user_id", "touchpoint", *near, first.as_("starts")).from_(
        _collapsed(events, spec).subquery("c")
    )
    names = [exp.column(f"n{k}") for k in range(1, spec.max_path_steps)]
    ordered = (
        [exp.column("touchpoint"), *names]
        if after
        else [*reversed(names), exp.column("touchpoint")]
    )
    # concat_ws skips the NULLs of paths shorter than the depth (sqlglot's ConcatWs would not)
    path = exp.Anonymous(this="concat_ws", expressions=[exp.Literal.string(" → "), *ordered])
    where = (
        exp.column("starts")
        if spec.touchpoint is None
        else exp.column("touchpoint").eq(exp.Literal.string(spec.touchpoint))
    )
    paths = exp.select("user_id", path.as_("path")).from_(steps.subquery("s")).where(where)
    return _ranked(paths, "path", "occurrences", spec.limit)


def _ranked(rows: exp.Select, key: str, count_name: str, limit: int) -> exp.Select:
    """Rows grouped by `key`: occurrences, distinct users and share of all occurrences, top N."""
    count = exp.func("count", exp.Star())
    total = exp.Window(this=exp.func("sum", count.copy()))
    return (
        exp.select(
            exp.column(key),
            count.as_(count_name),
            exp.func("count", exp.Distinct(expressions=[exp.column("user_id")])).as_("users"),
            safe_div(count.copy(), total).as_("share"),
        )
        .from_(rows.subquery("o"))
        .group_by(exp.column(key))
        .order_by(exp.Ordered(this=exp.column(count_name), desc=True), key)
        .limit(limit)
    )
