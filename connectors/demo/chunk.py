"""One chunk of the demo: a random sample of customers and everything they did, as arrow tables."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pyarrow as pa

from connectors.demo.aftercare import make_follow_ups
from connectors.demo.catalog import BoolArray, Ch, IntArray, SmallArray, Tp
from connectors.demo.events import Events
from connectors.demo.feedback import make_feedback
from connectors.demo.frames import events_table, feedback_table, tickets_table, users_table
from connectors.demo.journeys import make_events
from connectors.demo.population import Users, make_users
from connectors.demo.rng import Purpose, rng_for
from connectors.demo.service import make_tickets
from connectors.demo.sessions import make_sessions
from connectors.demo.timeline import DAY, Timeline

NEW_USER_DAYS = 90  # segment "new": first seen within this many days before as_of


@dataclass(frozen=True)
class Counters:
    """Next global number of each kind of id (ids stay unique across chunks)."""

    user: int = 0
    session: int = 0
    event: int = 0
    order: int = 0
    ticket: int = 0
    feedback: int = 0


@dataclass(frozen=True)
class ChunkOutput:
    events: pa.Table
    users: pa.Table
    tickets: pa.Table
    feedback: pa.Table
    counters: Counters


def generate_chunk(
    n_users: int, tl: Timeline, *, seed: int, chunk: int, c: Counters
) -> ChunkOutput:
    """Generate `n_users` customers (only those with events are kept) and all their data."""
    users = make_users(n_users, tl, seed, chunk)
    sessions = make_sessions(users, tl, seed=seed, chunk=chunk, first_number=c.session)
    main = make_events(
        sessions, users, tl=tl, rng=rng_for(seed, chunk, Purpose.SLOTS), first_order=c.order
    )
    after = rng_for(seed, chunk, Purpose.AFTERCARE)
    follow = make_follow_ups(main, tl, after, c.session + sessions.size)
    events = Events.concat([main, follow])
    tickets = make_tickets(events, users, tl, rng_for(seed, chunk, Purpose.TICKETS))
    feedback = make_feedback(
        events, tickets, users=users, tl=tl, rng=rng_for(seed, chunk, Purpose.FEEDBACK)
    )
    active, first_ts, acquisition, orders = _profile(events, users.size)
    user_no = c.user + np.cumsum(active) - 1
    segment = _segment(orders, first_ts, tl)
    flags = {
        "has_phone": users.has_phone,
        "has_wechat": _touched(events, users.size, (Ch.WECHAT_OA, Ch.MINI_PROGRAM)),
        "has_device": _touched(events, users.size, (Ch.APP,)),
    }
    return ChunkOutput(
        events=events_table(events, users, user_no, c.event),
        users=users_table(
            users,
            active,
            user_no=user_no,
            first_ts=first_ts,
            segment=segment,
            acquisition=acquisition,
            flags=flags,
        ),
        tickets=tickets_table(tickets, user_no, c.ticket),
        feedback=feedback_table(feedback, user_no, c.feedback),
        counters=replace(
            c,
            user=c.user + int(active.sum()),
            session=c.session + sessions.size + follow.size,
            event=c.event + events.size,
            order=c.order + int((main.order >= 0).sum()),
            ticket=c.ticket + tickets.size,
            feedback=c.feedback + feedback.size,
        ),
    )


def _profile(e: Events, n: int) -> tuple[BoolArray, IntArray, SmallArray, IntArray]:
    """Per user: has events, first event time, channel of the first event, number of orders."""
    first_ts = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_ts, e.user, e.ts)
    is_first = np.nonzero(e.ts == first_ts[e.user])[0]
    owners, where = np.unique(e.user[is_first], return_index=True)
    acquisition = np.zeros(n, dtype=np.int8)
    acquisition[owners] = e.channel[is_first[where]]
    orders = np.bincount(e.user[e.touchpoint == Tp.PAYMENT], minlength=n)
    active = np.bincount(e.user, minlength=n) > 0
    return active, first_ts, acquisition, orders


def _segment(orders: IntArray, first_ts: IntArray, tl: Timeline) -> SmallArray:
    """new (first seen in the last 90 days), regular, or loyal (3+ orders, takes precedence)."""
    recent = first_ts >= tl.end_s - NEW_USER_DAYS * DAY
    segment = np.where(recent, 0, 1)
    return np.where(orders >= 3, 2, segment).astype(np.int8)


def _touched(e: Events, n: int, channels: tuple[int, ...]) -> BoolArray:
    return np.bincount(e.user[np.isin(e.channel, channels)], minlength=n) > 0


__all__ = ["ChunkOutput", "Counters", "Users", "generate_chunk"]
