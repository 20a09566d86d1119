"""The people of one chunk: where they live, how they shop, when and how they were acquired.

A chunk is an independent random sample of the whole customer base, so every chunk spans the full
date range and the data set grows by adding chunks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from connectors.demo.catalog import (
    CITY_REGION,
    CITY_WEIGHTS,
    BoolArray,
    Ch,
    FloatArray,
    IntArray,
    SmallArray,
)
from connectors.demo.rng import Purpose, rng_for
from connectors.demo.routing import (
    ACQUISITION_MIX,
    choose_dest,
    choose_device,
    choose_kind,
    entry_channel,
)
from connectors.demo.timeline import Timeline

GROWTH = np.log(1.4) / 365.0  # new customers grow ~40% a year
PRE_HISTORY = 240.0  # op days before the window in which existing customers were acquired

# Engagement (low, mid, high) by acquisition channel, in Ch order.
ENGAGEMENT_BY_CHANNEL = np.array(
    [
        [0.55, 0.33, 0.12],  # website
        [0.35, 0.42, 0.23],  # app
        [0.45, 0.38, 0.17],  # wechat_oa
        [0.34, 0.41, 0.25],  # mini_program
        [0.50, 0.35, 0.15],  # marketplace
        [0.45, 0.35, 0.20],  # store
        [0.45, 0.37, 0.18],  # service
        [0.72, 0.22, 0.06],  # paid_ads
        [0.45, 0.38, 0.17],  # email_sms
    ]
)
EXTRA_SESSIONS = np.array([0.6, 3.0, 12.0])  # mean further sessions (negative binomial)
SESSION_GAP = np.array([45.0, 20.0, 7.0])  # mean op days between sessions
DISPERSION = 1.5
# Member tier (none, silver, gold, platinum) by engagement.
TIER_BY_ENGAGEMENT = np.array(
    [[0.75, 0.17, 0.06, 0.02], [0.45, 0.32, 0.17, 0.06], [0.20, 0.30, 0.30, 0.20]]
)
AGE_MIX = np.array([0.22, 0.40, 0.25, 0.13])
AGE_PC = np.array([0.7, 1.0, 1.2, 1.3])


@dataclass(frozen=True)
class Users:
    """Attributes of the users of one chunk (index i in every array is the same person)."""

    city: SmallArray
    region: SmallArray
    gender: SmallArray
    age_band: SmallArray
    mobile_os: SmallArray
    pc_affinity: FloatArray
    has_app: BoolArray
    has_phone: BoolArray
    acq_op: FloatArray
    acq_kind: SmallArray
    acq_device: SmallArray
    acq_dest: SmallArray
    engagement: SmallArray
    tier: SmallArray
    n_sessions: IntArray
    gap_mean: FloatArray

    @property
    def size(self) -> int:
        return int(self.city.size)


def categorical(probs: FloatArray, rng: np.random.Generator) -> SmallArray:
    """One draw per row of `probs` (n × k, rows summing to 1)."""
    n, k = probs.shape
    u = rng.random(int(n))
    drawn = (u[:, None] > np.cumsum(probs, axis=1)).sum(axis=1)
    return np.asarray(np.minimum(drawn, int(k) - 1), dtype=np.int8)


def acquisition_times(n: int, tl: Timeline, rng: np.random.Generator) -> FloatArray:
    """Op time of each user's first contact, with density growing ~40% a year."""
    lo, hi = float(np.exp(-GROWTH * PRE_HISTORY)), float(np.exp(GROWTH * tl.op_total))
    return np.asarray(np.log(lo + rng.random(n) * (hi - lo)) / GROWTH, dtype=np.float64)


def make_users(n: int, tl: Timeline, seed: int, chunk: int) -> Users:
    """Draw `n` users with demographics, acquisition route, engagement and session budget."""
    rng = rng_for(seed, chunk, Purpose.USERS)
    city = rng.choice(CITY_WEIGHTS.size, size=n, p=CITY_WEIGHTS).astype(np.int8)
    age = rng.choice(AGE_MIX.size, size=n, p=AGE_MIX).astype(np.int8)
    mobile_os = (rng.random(n) > 0.5).astype(np.int8)  # 0 = ios, 1 = android
    pc_affinity = np.clip(rng.beta(2.0, 5.0, n) * AGE_PC[age], 0.0, 0.9)
    has_app = rng.random(n) < np.where(mobile_os == 0, 0.75, 0.50)
    gender = (rng.random(n) > 0.68).astype(np.int8)
    acq_op = acquisition_times(n, tl, rng)
    kind, device, dest = _acquisition_routes(
        acq_op, mobile_os, pc_affinity=pc_affinity, has_app=has_app, tl=tl, seed=seed, chunk=chunk
    )
    channel = entry_channel(kind, dest)
    engagement = categorical(ENGAGEMENT_BY_CHANNEL[channel], rng)
    tier = categorical(TIER_BY_ENGAGEMENT[engagement], rng)
    extra = rng.negative_binomial(
        DISPERSION, DISPERSION / (DISPERSION + EXTRA_SESSIONS[engagement])
    )
    return Users(
        city=city,
        region=CITY_REGION[city],
        gender=gender,
        age_band=age,
        mobile_os=mobile_os,
        pc_affinity=pc_affinity,
        has_app=has_app | (channel == Ch.APP),
        has_phone=(rng.random(n) < 0.88) | (tier > 0),
        acq_op=acq_op,
        acq_kind=kind,
        acq_device=device,
        acq_dest=dest,
        engagement=engagement,
        tier=tier,
        n_sessions=(1 + extra).astype(np.int64),
        gap_mean=SESSION_GAP[engagement],
    )


def _acquisition_routes(
    acq_op: FloatArray,
    mobile_os: SmallArray,
    *,
    pc_affinity: FloatArray,
    has_app: BoolArray,
    tl: Timeline,
    seed: int,
    chunk: int,
) -> tuple[SmallArray, SmallArray, SmallArray]:
    rng = rng_for(seed, chunk, Purpose.ACQUISITION)
    # Customers acquired before the window get a time of day and weekday from its first week.
    ts = tl.op_to_seconds(np.where(acq_op >= 0.0, acq_op, np.mod(acq_op, 7.0)))
    weekday, hour, promo = tl.weekday(ts), tl.hour(ts), tl.is_promo(ts) & (acq_op >= 0)
    kind = choose_kind(ACQUISITION_MIX, weekday, hour=hour, promo=promo, rng=rng)
    device = choose_device(
        kind, mobile_os, pc_affinity=pc_affinity, weekday=weekday, hour=hour, rng=rng
    )
    dest = choose_dest(kind, device, has_app, rng)
    return kind, device, dest
