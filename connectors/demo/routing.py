"""How a session enters (its kind), on which device, where it lands (its destination channel)
and under which campaign. Shared by the acquisition session of each user and by later sessions."""

from __future__ import annotations

import numpy as np

from connectors.demo.catalog import (
    BoolArray,
    Camp,
    Ch,
    Dev,
    FloatArray,
    IntArray,
    Kind,
    SmallArray,
)
from connectors.demo.rng import gumbel_argmax

# Share of sessions by entry route (acquisition sessions, then returning sessions).
ACQUISITION_MIX = np.log([0.30, 0.11, 0.015, 0.16, 0.17, 0.10, 0.025, 0.12])
RETURN_MIX = np.log([0.16, 0.10, 0.07, 0.35, 0.12, 0.07, 0.03, 0.10])
AFFINITY = 1.0  # returning users lean towards the route that brought them
WEEKEND_BIAS = np.array([-0.1, 0.2, -0.3, 0.0, 0.1, 0.35, -0.2, 0.3])
PROMO_BIAS = np.array([0.5, 0.5, 0.7, 0.2, 0.1, 0.0, 0.0, 0.2])

# Channel of the first event of a session of each kind (-1: the destination channel).
ENTRY_CHANNEL = np.array(
    [Ch.PAID_ADS, Ch.WECHAT_OA, Ch.EMAIL_SMS, -1, Ch.MARKETPLACE, Ch.STORE, Ch.SERVICE, -1],
    dtype=np.int8,
)
# Probability that a session of each kind is on a PC, relative to the user's PC affinity.
PC_FACTOR = np.array([1.0, 0.0, 1.2, 1.0, 0.4, 0.0, 1.0, 0.0])
# Destination on mobile: P(app | has app), P(mini program | has app), P(mini program | no app).
P_APP = np.array([0.55, 0.0, 0.70, 0.80, 0.0, 0.0, 0.60, 0.0])
P_MINI_WITH_APP = np.array([0.12, 1.0, 0.0, 0.12, 0.0, 0.0, 0.20, 1.0])
P_MINI_NO_APP = np.array([0.25, 1.0, 0.0, 0.60, 0.0, 0.0, 0.50, 1.0])
FIXED_DEST = np.array([-1, Ch.MINI_PROGRAM, -1, -1, Ch.MARKETPLACE, Ch.STORE, -1, Ch.MINI_PROGRAM])


def kind_logits(
    base: FloatArray, weekday: IntArray, hour: IntArray, promo: BoolArray
) -> FloatArray:
    """Per-session logits over entry kinds: base mix + weekend, opening hours and promotion."""
    logits = np.broadcast_to(base, (weekday.size, base.shape[-1])).copy()
    logits += np.where(weekday >= 5, 1.0, 0.0)[:, None] * WEEKEND_BIAS[None, :]
    logits += np.where(promo, 1.0, 0.0)[:, None] * PROMO_BIAS[None, :]
    closed = (hour < 10) | (hour >= 21)
    logits[:, Kind.STORE] -= np.where(closed, 12.0, 0.0)
    logits[:, Kind.SERVICE] -= np.where((hour < 9) | (hour >= 22), 3.0, 0.0)
    return logits


def choose_kind(
    base: FloatArray,
    weekday: IntArray,
    *,
    hour: IntArray,
    promo: BoolArray,
    rng: np.random.Generator,
) -> SmallArray:
    return gumbel_argmax(kind_logits(base, weekday, hour, promo), rng)


def choose_device(
    kind: SmallArray,
    mobile_os: SmallArray,
    *,
    pc_affinity: FloatArray,
    weekday: IntArray,
    hour: IntArray,
    rng: np.random.Generator,
) -> SmallArray:
    """PC at work hours on weekdays, the phone at weekends; stores are offline."""
    office = (weekday < 5) & (hour >= 9) & (hour < 18)
    rhythm = np.where(weekday >= 5, 0.45, np.where(office, 1.5, 1.0))
    p_pc = np.clip(pc_affinity * rhythm * PC_FACTOR[kind], 0.0, 0.95)
    device = np.where(rng.random(kind.size) < p_pc, Dev.PC, mobile_os).astype(np.int8)
    device[kind == Kind.STORE] = Dev.OFFLINE
    return device


def choose_dest(
    kind: SmallArray, device: SmallArray, has_app: BoolArray, rng: np.random.Generator
) -> SmallArray:
    """Where the session's pages happen: website, app, mini program, marketplace or store."""
    u = rng.random(kind.size)
    p_app = np.where(has_app, P_APP[kind], 0.0)
    p_mini = np.where(has_app, P_MINI_WITH_APP[kind], P_MINI_NO_APP[kind])
    dest = np.where(u < p_app, Ch.APP, np.where(u < p_app + p_mini, Ch.MINI_PROGRAM, Ch.WEBSITE))
    dest = np.where(device == Dev.PC, Ch.WEBSITE, dest)
    fixed = FIXED_DEST[kind]
    return np.where(fixed >= 0, fixed, dest).astype(np.int8)


def entry_channel(kind: SmallArray, dest: SmallArray) -> SmallArray:
    """The channel of the session's first event (what `acquisition_channel` records)."""
    fixed = ENTRY_CHANNEL[kind]
    return np.where(fixed >= 0, fixed, dest).astype(np.int8)


def choose_campaign(
    kind: SmallArray, promo: BoolArray, first: BoolArray, rng: np.random.Generator
) -> SmallArray:
    """Campaign of campaign-driven sessions (ads, articles, emails); -1 for none."""
    u = rng.random((kind.size, 2))
    ad = np.where(
        u[:, 1] < np.where(first, 0.40, 0.33),
        Camp.BRAND_SEARCH,
        np.where(first | (u[:, 1] < 0.78), Camp.FEED_ADS, Camp.RETARGETING),
    )
    p_flash = np.array([0.6, 0.7, 0.8])
    campaign = np.full(kind.size, -1, dtype=np.int8)
    campaign = np.where(kind == Kind.AD, ad, campaign)
    campaign = np.where(kind == Kind.WECHAT, Camp.WEEKLY_ARTICLE, campaign)
    campaign = np.where(kind == Kind.EMAIL, Camp.NEWSLETTER, campaign)
    flash = promo & (campaign >= 0) & (u[:, 0] < p_flash[np.clip(kind, 0, 2)])
    return np.where(flash, Camp.FLASH_SALE, campaign).astype(np.int8)
