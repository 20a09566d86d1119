"""Reading each event's neighbours from the exact pre-aggregate `aggregates.STEPS` instead of a
window over the range.

Over a range [start, end), an event's previous (next) event within the range is its previous
(next) event over all history when that one's time is at or after `start` (before `end`), and none
otherwise: the previous event is never later than the event, the next one never earlier. So a
neighbour outside the range is read as NULL, which is what a window over the range's events gives.
The compiler uses these only where the scoped events hold every event of a person or none
(`aggregates.whole_people`): a kept person's neighbours are then their scoped neighbours.
"""

from __future__ import annotations

from datetime import date

from sqlglot import exp

from semantic_layer.compile.sql import in_range, ts_lit


def _within(ts: exp.Expr, value: exp.Expr, start: date, end: date, *, after: bool) -> exp.Expr:
    """`value` when the neighbour's time `ts` is inside the range (on the side it lies), else
    NULL."""
    inside = ts < ts_lit(end) if after else ts >= ts_lit(start)
    return exp.Case(ifs=[exp.If(this=inside, true=value)])


def path_neighbours(
    table: str,
    anchor: str,
    start: date,
    end: date,
    *,
    after: bool,
    people: exp.Expr | None,
) -> exp.Select:
    """user_id, ts, touchpoint, near_ts, near_tp of every `anchor` event in the range: its next
    (`after`) or previous event in the range in the paths' order (ts, touchpoint), NULL at the
    range's edge. `people`: a condition on `user_id` that keeps the scoped people (None: all)."""
    side = "next" if after else "prev"
    near_ts, near_tp = exp.column(f"p_{side}_ts"), exp.column(f"p_{side}_tp")
    ts = exp.column("ts")
    return (
        exp.select(
            exp.column("user_id"),
            ts,
            exp.column("touchpoint"),
            _within(near_ts, near_ts.copy(), start, end, after=after).as_("near_ts"),
            _within(near_ts.copy(), near_tp, start, end, after=after).as_("near_tp"),
        )
        .from_(table)
        .where(
            exp.and_(
                exp.column("touchpoint").eq(exp.Literal.string(anchor)),
                in_range(ts.copy(), start, end),
                people if people is not None else exp.column("user_id").is_(exp.null()).not_(),
            )
        )
    )


def key_neighbours(
    table: str, key: str, start: date, end: date, *, keep: exp.Expr | None
) -> exp.Select:
    """Markov's non-converting steps from the pre-aggregate: key, "(null)", prev_key, is_last
    for every event in the range that starts or ends an edge (its key differs from the previous
    one's, or it is the last: the others make no edge, and dropping them first spares `keep` —
    a join on the person at 100M events — a third of its rows), neighbours in attribution's
    order (ts, event_id); `keep`: the condition on `user_id` of the people whose paths these
    are."""
    ts = exp.column("ts")
    prev = _within(exp.column("a_prev_ts"), exp.column(f"a_prev_{key}"), start, end, after=False)
    nxt = _within(exp.column("a_next_ts"), exp.column(f"a_next_{key}"), start, end, after=True)
    changed = exp.not_(exp.NullSafeEQ(this=prev.copy(), expression=exp.column(key)))
    edge = exp.or_(nxt.copy().is_(exp.null()), changed)
    return (
        exp.select(
            exp.column(key).as_("key"),
            exp.Literal.string("(null)").as_("outcome"),
            prev.as_("prev_key"),
            nxt.is_(exp.null()).as_("is_last"),
        )
        .from_(table)
        .where(exp.and_(in_range(ts, start, end), edge, *([keep] if keep is not None else [])))
    )


__all__ = ["key_neighbours", "path_neighbours"]
