"""Customer-service tickets: one per service contact (chat, hotline call, after-sales request).

Response and resolution delays are lognormal; tickets from region South answered in the story
window are slowed down week by week (the south_service_slowdown story). CSAT falls with slow
responses and complaints; complaints are likelier for quality and refund issues and slow answers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from connectors.demo.catalog import (
    REGIONS,
    BoolArray,
    Ch,
    FloatArray,
    IntArray,
    SmallArray,
    Svc,
)
from connectors.demo.events import Events
from connectors.demo.population import Users, categorical
from connectors.demo.stories import story
from connectors.demo.timeline import DAY, HOUR, Timeline, epoch_seconds

SOUTH = REGIONS.index("South")
# Category mix by service origin (Svc order), columns in Cat order.
CATEGORY_MIX = np.array(
    [
        [0.00, 0.00, 0.00, 0.00, 0.20, 0.80],  # pre-sales chat
        [0.00, 0.00, 0.00, 1.00, 0.00, 0.00],  # failed payment
        [0.55, 0.15, 0.15, 0.00, 0.15, 0.00],  # hotline after a purchase
        [0.50, 0.20, 0.20, 0.00, 0.10, 0.00],  # chat after a purchase
        [0.00, 0.70, 0.30, 0.00, 0.00, 0.00],  # after-sales request
    ]
)
FIRST_RESPONSE_MEDIAN = np.array([240.0, 300.0, 60.0, 300.0, 1500.0])  # seconds, by origin
RESOLUTION_MEDIAN = np.array([8.0, 40.0, 30.0, 0.75, 2.0, 0.17]) * HOUR  # by category
COMPLAINT_BASE = np.array([0.12, 0.16, 0.30, 0.14, 0.04, 0.02])  # by category
SLOWDOWN_BY_WEEK = np.array([5.0, 7.0, 9.0, 10.0])  # South response-time factor, week 1…4+
CSAT_ANSWER_RATE = 0.5


@dataclass(frozen=True)
class Tickets:
    user: IntArray
    channel: SmallArray
    touchpoint: SmallArray
    opened: IntArray
    first_response: IntArray  # -1: none yet
    resolved: IntArray  # -1: not resolved yet
    category: SmallArray
    complaint: BoolArray
    csat: FloatArray  # NaN: not answered
    csat_ts: IntArray  # when the CSAT survey was answered, -1: never

    @property
    def size(self) -> int:
        return int(self.opened.size)


def make_tickets(events: Events, users: Users, tl: Timeline, rng: np.random.Generator) -> Tickets:
    """A ticket for every service contact among `events`."""
    contacts = events.take(events.svc >= 0)
    n = contacts.size
    category = categorical(CATEGORY_MIX[contacts.svc], rng)
    slow = _slowdown(contacts.ts, users.region[contacts.user], tl)
    response = FIRST_RESPONSE_MEDIAN[contacts.svc] * slow * np.exp(0.8 * rng.standard_normal(n))
    resolution = RESOLUTION_MEDIAN[category] * np.sqrt(slow) * np.exp(0.9 * rng.standard_normal(n))
    first_response = contacts.ts + np.maximum(response, 5.0).astype(np.int64)
    resolved = first_response + np.maximum(resolution, 30.0).astype(np.int64)
    p_complaint = COMPLAINT_BASE[category] + np.where(response > 1800.0, 0.12, 0.0)
    complaint = rng.random(n) < p_complaint
    score = _csat(response, resolution, complaint, rng)
    csat_ts = resolved + (HOUR * np.exp(rng.standard_normal(n))).astype(np.int64)
    answered = (rng.random(n) < CSAT_ANSWER_RATE) & (csat_ts < tl.end_s)
    return Tickets(
        user=contacts.user,
        channel=_ticket_channel(contacts),
        touchpoint=contacts.touchpoint,
        opened=contacts.ts,
        first_response=np.where(first_response < tl.end_s, first_response, -1),
        resolved=np.where(resolved < tl.end_s, resolved, -1),
        category=category,
        complaint=complaint,
        csat=np.where(answered, score, np.nan),
        csat_ts=np.where(answered, csat_ts, -1),
    )


def _slowdown(opened: IntArray, region: SmallArray, tl: Timeline) -> FloatArray:
    """Response-time factor: 1, or the week-by-week slowdown for South in the story window."""
    window = story(tl.as_of, "south_service_slowdown")
    week = (opened - epoch_seconds(window.start)) // (7 * DAY)
    factor = SLOWDOWN_BY_WEEK[np.clip(week, 0, SLOWDOWN_BY_WEEK.size - 1)]
    return np.where((week >= 0) & (region == SOUTH), factor, 1.0)


def _csat(
    response: FloatArray, resolution: FloatArray, complaint: BoolArray, rng: np.random.Generator
) -> FloatArray:
    """1–5: high for fast answers, lower for slow responses, long resolutions and complaints."""
    minutes, hours = response / 60.0, resolution / HOUR
    raw = 4.75 - 0.6 * np.log2(1.0 + minutes / 5.0) - 0.25 * np.log10(1.0 + hours)
    raw = raw - 1.1 * complaint + 0.75 * rng.standard_normal(response.size)
    return np.clip(np.round(raw), 1.0, 5.0)


def _ticket_channel(contacts: Events) -> SmallArray:
    """Where the ticket was opened: the hotline, the chat window of the session, or the order."""
    ctx = np.where(contacts.ctx == Ch.MINI_PROGRAM, Ch.WECHAT_OA, contacts.ctx)
    hotline = contacts.svc == Svc.HOTLINE
    after_sales = contacts.svc == Svc.AFTER_SALES
    ctx = np.where(after_sales, contacts.ctx, ctx)
    return np.where(hotline, Ch.SERVICE, ctx).astype(np.int8)
