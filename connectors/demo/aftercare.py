"""What happens days after a purchase: after-sales requests, reviews and service contacts.

Each kind is drawn for every payment (a fixed loop over four kinds, vectorised over payments) and
becomes a one-event session some days later, at a plausible hour, carrying the order id.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from connectors.demo.catalog import Ch, Dev, FloatArray, IntArray, Svc, Tp
from connectors.demo.events import Events
from connectors.demo.timeline import DAY, HOUR, HOUR_PROFILE, Timeline

OPEN_HOURS = np.where((np.arange(24) >= 9) & (np.arange(24) < 21), HOUR_PROFILE, 0.0)


@dataclass(frozen=True)
class FollowUp:
    touchpoint: int
    svc: int  # -1: not a service contact
    p_online: float
    p_store: float
    p_marketplace: float
    median_days: float
    on_service_line: bool  # happens on the service channel, not the order's channel


FOLLOW_UPS: tuple[FollowUp, ...] = (
    FollowUp(Tp.AFTER_SALES, Svc.AFTER_SALES, 0.07, 0.04, 0.09, 5.0, False),
    FollowUp(Tp.REVIEW, -1, 0.16, 0.0, 0.20, 6.0, False),
    FollowUp(Tp.HOTLINE_CALL, Svc.HOTLINE, 0.03, 0.01, 0.02, 2.0, True),
    FollowUp(Tp.SERVICE_CHAT, Svc.POST_CHAT, 0.035, 0.0, 0.03, 2.5, True),
)


def make_follow_ups(
    events: Events, tl: Timeline, rng: np.random.Generator, first_session: int
) -> Events:
    """Follow-up events of the chunk's payments (only those before `as_of`)."""
    paid = events.take(events.touchpoint == Tp.PAYMENT)
    parts = []
    for follow in FOLLOW_UPS:
        p = np.where(paid.channel == Ch.STORE, follow.p_store, follow.p_online)
        p = np.where(paid.channel == Ch.MARKETPLACE, follow.p_marketplace, p)
        chosen = paid.take(rng.random(paid.size) < p)
        parts.append(_follow_up(chosen, follow, rng))
    out = Events.concat(parts)
    out = out.take(out.ts < tl.end_s)
    numbers = first_session + np.arange(out.size, dtype=np.int64)
    return replace(out, session=numbers)


def _follow_up(paid: Events, follow: FollowUp, rng: np.random.Generator) -> Events:
    n = paid.size
    days = np.maximum(1, np.round(follow.median_days * np.exp(0.5 * rng.standard_normal(n))))
    ts = (paid.ts // DAY + days.astype(np.int64)) * DAY + _time_of_day(n, follow, rng)
    service = follow.on_service_line
    hotline = follow.touchpoint == Tp.HOTLINE_CALL
    return Events(
        user=paid.user,
        ts=ts,
        channel=np.full(n, Ch.SERVICE, dtype=np.int8) if service else paid.channel,
        touchpoint=np.full(n, follow.touchpoint, dtype=np.int8),
        device=np.full(n, Dev.PHONE, dtype=np.int8) if hotline else paid.device,
        session=np.zeros(n, dtype=np.int64),
        campaign=np.full(n, -1, dtype=np.int8),
        revenue=np.full(n, np.nan),
        order=paid.order,
        svc=np.full(n, follow.svc, dtype=np.int8),
        ctx=paid.channel,
    )


def _time_of_day(n: int, follow: FollowUp, rng: np.random.Generator) -> IntArray:
    profile: FloatArray = OPEN_HOURS if follow.on_service_line else HOUR_PROFILE
    hour = rng.choice(24, size=n, p=profile / profile.sum())
    return hour.astype(np.int64) * HOUR + rng.integers(0, HOUR, n)
