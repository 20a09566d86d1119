"""Feedback: CSAT after tickets and some purchases, NPS from a sample of buyers, complaints."""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from connectors.demo.catalog import Ch, FloatArray, IntArray, SmallArray, Tp
from connectors.demo.comments import pick_comments
from connectors.demo.events import Events
from connectors.demo.population import Users, categorical
from connectors.demo.service import Tickets
from connectors.demo.timeline import DAY, Timeline

CSAT, NPS, COMPLAINT = 0, 1, 2  # FEEDBACK_KINDS order
PURCHASE_CSAT_RATE = 0.10
NPS_RATE = 0.05
PURCHASE_CSAT_MIX = np.array([0.03, 0.05, 0.12, 0.38, 0.42])  # scores 1..5
NPS_MIX = np.array([1, 1, 1, 2, 2, 4, 6, 12, 20, 24, 27], dtype=np.float64)  # scores 0..10
NPS_MIX /= NPS_MIX.sum()


@dataclass(frozen=True)
class Feedback:
    user: IntArray
    ts: IntArray
    channel: SmallArray
    touchpoint: SmallArray  # -1: none
    kind: SmallArray
    score: FloatArray  # NaN: none
    comment: IntArray  # index into COMMENTS, -1: none

    @property
    def size(self) -> int:
        return int(self.ts.size)


def make_feedback(
    events: Events, tickets: Tickets, *, users: Users, tl: Timeline, rng: np.random.Generator
) -> Feedback:
    """All feedback of the chunk, only what was given before `as_of`."""
    parts = [
        _ticket_csat(tickets),
        _purchase_csat(events, users, rng),
        _nps(events, users, rng),
        _complaints(tickets, rng),
    ]
    merged = Feedback(
        **{f.name: np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(Feedback)}
    )
    keep = merged.ts < tl.end_s
    return Feedback(**{f.name: getattr(merged, f.name)[keep] for f in fields(Feedback)})


def _rows(
    user: IntArray,
    ts: IntArray,
    *,
    channel: SmallArray,
    touchpoint: SmallArray,
    kind: int,
    score: FloatArray,
    comment: IntArray | None = None,
) -> Feedback:
    n = user.size
    return Feedback(
        user=user,
        ts=ts,
        channel=channel.astype(np.int8),
        touchpoint=touchpoint.astype(np.int8),
        kind=np.full(n, kind, dtype=np.int8),
        score=score,
        comment=np.full(n, -1, dtype=np.int64) if comment is None else comment,
    )


def _ticket_csat(t: Tickets) -> Feedback:
    a = ~np.isnan(t.csat)
    return _rows(
        t.user[a],
        t.csat_ts[a],
        channel=t.channel[a],
        touchpoint=t.touchpoint[a],
        kind=CSAT,
        score=t.csat[a],
    )


def _purchase_csat(events: Events, users: Users, rng: np.random.Generator) -> Feedback:
    paid = events.take(events.touchpoint == Tp.PAYMENT)
    paid = paid.take(rng.random(paid.size) < PURCHASE_CSAT_RATE)
    mix = np.broadcast_to(PURCHASE_CSAT_MIX, (paid.size, 5))
    happier = (users.tier[paid.user] >= 2) & (rng.random(paid.size) < 0.3)
    score = categorical(mix, rng) + 1.0 + happier
    ts = paid.ts + rng.integers(DAY, 3 * DAY, paid.size)
    touchpoint = np.full(paid.size, Tp.PAYMENT, dtype=np.int8)
    return _rows(
        paid.user,
        ts,
        channel=paid.channel,
        touchpoint=touchpoint,
        kind=CSAT,
        score=np.minimum(score, 5.0),
    )


def _nps(events: Events, users: Users, rng: np.random.Generator) -> Feedback:
    paid = events.take(events.touchpoint == Tp.PAYMENT)
    paid = paid.take(rng.random(paid.size) < NPS_RATE)
    score = categorical(np.broadcast_to(NPS_MIX, (paid.size, 11)), rng).astype(np.float64)
    score = np.minimum(score + (users.tier[paid.user] >= 2), 10.0)
    ts = paid.ts + rng.integers(7 * DAY, 10 * DAY, paid.size)
    channel = np.full(paid.size, Ch.EMAIL_SMS, dtype=np.int8)
    return _rows(
        paid.user,
        ts,
        channel=channel,
        touchpoint=np.full(paid.size, -1, dtype=np.int8),
        kind=NPS,
        score=score,
    )


def _complaints(t: Tickets, rng: np.random.Generator) -> Feedback:
    c = t.complaint
    comment = pick_comments(t.category[c], rng)
    nan = np.full(int(c.sum()), np.nan)
    return _rows(
        t.user[c],
        t.opened[c],
        channel=t.channel[c],
        touchpoint=t.touchpoint[c],
        kind=COMPLAINT,
        score=nan,
        comment=comment,
    )
