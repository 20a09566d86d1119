"""What happens inside a session: a fixed list of slots, each present or not, flattened to events.

Every session has the same ~13 slots in journey order (entry, landing, search, product page, …,
payment, member sign-up). Presence is drawn per slot from step probabilities that depend on the
route, channel, device, member tier, engagement, the promotion and the checkout incident; the
time of each present slot is the session start plus cumulative exponential gaps (each < 15 min).
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum

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
    Svc,
    Tp,
)
from connectors.demo.events import Events
from connectors.demo.population import Users
from connectors.demo.routing import ENTRY_CHANNEL
from connectors.demo.sessions import Sessions
from connectors.demo.stories import story
from connectors.demo.timeline import Timeline


class Slot(IntEnum):
    ENTRY = 0
    LAND = 1
    SEARCH = 2
    PRODUCT = 3
    PRODUCT_AGAIN = 4
    SHARE = 5
    CART = 6
    COUPON = 7
    PRESALE_CHAT = 8
    CHECKOUT = 9
    PAYMENT = 10
    FAILURE_CHAT = 11
    SIGNUP = 12


N_SLOTS = len(Slot)
SLOT_TOUCHPOINT = np.array(
    [-1, -1, Tp.SEARCH, Tp.PRODUCT_PAGE, Tp.PRODUCT_PAGE, Tp.SHARE, Tp.ADD_TO_CART,
     Tp.COUPON_CLAIM, Tp.SERVICE_CHAT, Tp.CHECKOUT, Tp.PAYMENT, Tp.SERVICE_CHAT,
     Tp.MEMBER_SIGNUP],
    dtype=np.int8,
)  # fmt: skip
GAP_MEAN = np.array([0, 4, 25, 35, 70, 40, 80, 30, 45, 60, 50, 150, 40], dtype=np.float64)
MAX_GAP = 900.0  # seconds; far below the 30-minute session split

# By kind (AD, WECHAT, EMAIL, DIRECT, MARKET, STORE, SERVICE, SOCIAL).
ENTRY_TOUCHPOINT = np.array(
    [Tp.AD_CLICK, Tp.WECHAT_ARTICLE, Tp.EMAIL_CLICK, -1, -1, Tp.STORE_VISIT, Tp.SERVICE_CHAT, -1],
    dtype=np.int8,
)
LAND_TOUCHPOINT = np.array(
    [Tp.LANDING_PAGE, -1, Tp.LANDING_PAGE, Tp.HOME_PAGE, -1, -1, -1, -1], dtype=np.int8
)
P_SEARCH = np.array([0.06, 0.08, 0.06, 0.40, 1.0, 0.0, 0.08, 0.08])
P_PRODUCT = np.array([0.66, 0.74, 0.72, 0.78, 0.92, 0.0, 0.88, 1.0])
CART_KIND = np.array([0.62, 1.0, 1.1, 1.1, 2.0, 0.0, 1.4, 0.95])
BASE_CART = 0.22
CART_TIER = np.array([0.9, 1.05, 1.2, 1.3])
CART_ENGAGEMENT = np.array([0.8, 1.0, 1.25])
PAY_TIER = np.array([0.0, 0.02, 0.04, 0.05])
STORE_PAY = np.array([0.13, 0.16, 0.19, 0.23])
CART_DEST = np.array([0.9, 1.35, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0])  # by destination channel
P_SHARE = np.array([0.01, 0.04, 0.0, 0.09, 0.015, 0.0, 0.0, 0.0, 0.0])  # by destination channel
INCIDENT_PAY_FACTOR = 0.38
REVENUE_MEDIAN = np.array([168.0, 228.0, 298.0, 420.0])  # CNY by member tier


def make_events(
    s: Sessions, users: Users, *, tl: Timeline, rng: np.random.Generator, first_order: int
) -> Events:
    """Flatten the sessions' present slots into events (only those before `as_of`)."""
    present = _presence(s, users, tl, rng)
    offsets = _offsets(s, present, rng)
    rows, cols = np.nonzero(present)
    kind = s.kind[rows]
    at_entry, at_land = cols == Slot.ENTRY, cols == Slot.LAND
    touchpoint = np.where(at_entry, ENTRY_TOUCHPOINT[kind], SLOT_TOUCHPOINT[cols])
    touchpoint = np.where(at_land, LAND_TOUCHPOINT[kind], touchpoint)
    chat = (cols == Slot.PRESALE_CHAT) | (cols == Slot.FAILURE_CHAT)
    channel = np.where(at_entry, ENTRY_CHANNEL[kind], np.where(chat, Ch.SERVICE, s.dest[rows]))
    coupon = (cols == Slot.COUPON) & s.promo[rows]
    events = Events(
        user=s.user[rows],
        ts=s.ts[rows] + offsets[rows, cols],
        channel=channel.astype(np.int8),
        touchpoint=touchpoint.astype(np.int8),
        device=s.device[rows],
        session=s.number[rows],
        campaign=np.where(coupon, Camp.FLASH_SALE, s.campaign[rows]).astype(np.int8),
        revenue=_revenue(s, users, rows=rows, cols=cols, rng=rng),
        order=np.full(rows.size, -1, dtype=np.int64),
        svc=_service_origin(kind, cols),
        ctx=s.dest[rows],
    )
    events = events.take(events.ts < tl.end_s)
    return number_orders(events, first_order)


def number_orders(events: Events, first_order: int) -> Events:
    """Give each payment event the next order number."""
    paid = events.touchpoint == Tp.PAYMENT
    order = np.full(events.size, -1, dtype=np.int64)
    order[paid] = first_order + np.arange(int(paid.sum()), dtype=np.int64)
    return replace(events, order=order)


def _presence(s: Sessions, users: Users, tl: Timeline, rng: np.random.Generator) -> BoolArray:
    u = rng.random((s.size, N_SLOTS))
    tier, engagement = users.tier[s.user], users.engagement[s.user]
    k, promo = s.kind, s.promo
    m = np.zeros((s.size, N_SLOTS), dtype=bool)
    m[:, Slot.ENTRY] = ENTRY_TOUCHPOINT[k] >= 0
    m[:, Slot.LAND] = LAND_TOUCHPOINT[k] >= 0
    m[:, Slot.SEARCH] = u[:, Slot.SEARCH] < P_SEARCH[k]
    m[:, Slot.PRODUCT] = u[:, Slot.PRODUCT] < P_PRODUCT[k]
    m[:, Slot.PRODUCT_AGAIN] = m[:, Slot.PRODUCT] & (u[:, Slot.PRODUCT_AGAIN] < 0.42)
    m[:, Slot.SHARE] = m[:, Slot.PRODUCT] & (u[:, Slot.SHARE] < P_SHARE[s.dest])
    p_cart = BASE_CART * CART_KIND[k] * CART_DEST[s.dest] * CART_TIER[tier]
    p_cart = p_cart * CART_ENGAGEMENT[engagement]
    p_cart = np.minimum(p_cart * np.where(promo, 1.35, 1.0), 0.85)
    cart = m[:, Slot.PRODUCT] & (u[:, Slot.CART] < p_cart)
    m[:, Slot.CART] = cart
    m[:, Slot.COUPON] = cart & (u[:, Slot.COUPON] < np.where(promo, 0.7, 0.07))
    m[:, Slot.PRESALE_CHAT] = cart & (u[:, Slot.PRESALE_CHAT] < 0.025)
    market = s.dest == Ch.MARKETPLACE
    p_checkout = np.where(market, 0.64, np.where(s.dest == Ch.APP, 0.62, 0.56))
    p_checkout = p_checkout + np.where(promo, 0.06, 0.0)
    checkout = cart & (u[:, Slot.CHECKOUT] < p_checkout)
    m[:, Slot.CHECKOUT] = checkout
    incident = _incident(s, tl)
    p_pay = (np.where(market, 0.86, 0.76) + PAY_TIER[tier]) * np.where(
        incident, INCIDENT_PAY_FACTOR, 1.0
    )
    paid = checkout & (u[:, Slot.PAYMENT] < p_pay)
    store_paid = (k == Kind.STORE) & (u[:, Slot.PAYMENT] < STORE_PAY[tier])
    m[:, Slot.PAYMENT] = paid | store_paid
    p_fail_chat = np.where(incident, 0.45, 0.08)
    m[:, Slot.FAILURE_CHAT] = checkout & ~paid & (u[:, Slot.FAILURE_CHAT] < p_fail_chat)
    m[:, Slot.SIGNUP] = s.first & (tier > 0) & (u[:, Slot.SIGNUP] < 0.7)
    return m


def _incident(s: Sessions, tl: Timeline) -> BoolArray:
    """Sessions hit by the checkout incident: app × iOS during last week."""
    week = story(tl.as_of, "checkout_incident")
    in_week = tl.in_window(s.ts, week.start, week.end)
    return np.asarray(in_week & (s.dest == Ch.APP) & (s.device == Dev.IOS), dtype=np.bool_)


def _offsets(s: Sessions, present: BoolArray, rng: np.random.Generator) -> IntArray:
    """Seconds from the session start to each slot (cumulative gaps over present slots)."""
    gaps = np.clip(rng.exponential(1.0, present.shape) * GAP_MEAN, 1.0, MAX_GAP)
    store = s.kind == Kind.STORE
    gaps[store, Slot.PAYMENT] = np.clip(gaps[store, Slot.PAYMENT] * 14.0, 180.0, MAX_GAP * 1.6)
    gaps[:, Slot.ENTRY] = 0.0
    gaps[~present] = 0.0
    return np.cumsum(gaps, axis=1).astype(np.int64)


def _revenue(
    s: Sessions, users: Users, *, rows: IntArray, cols: IntArray, rng: np.random.Generator
) -> FloatArray:
    paid = cols == Slot.PAYMENT
    tier = users.tier[s.user[rows[paid]]]
    amount = np.exp(np.log(REVENUE_MEDIAN[tier]) + 0.55 * rng.standard_normal(tier.size))
    amount *= np.where(s.kind[rows[paid]] == Kind.STORE, 1.25, 1.0)
    amount *= np.where(s.promo[rows[paid]], 0.88, 1.0)
    revenue = np.full(rows.size, np.nan)
    revenue[paid] = np.round(amount, 2)
    return revenue


def _service_origin(kind: SmallArray, cols: IntArray) -> SmallArray:
    svc = np.full(cols.size, -1, dtype=np.int8)
    svc[(cols == Slot.ENTRY) & (kind == Kind.SERVICE)] = Svc.PRESALE
    svc[cols == Slot.PRESALE_CHAT] = Svc.PRESALE
    svc[cols == Slot.FAILURE_CHAT] = Svc.PAYMENT_FAILURE
    return svc
