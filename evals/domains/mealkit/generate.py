"""Meal-kit evaluation domain: FreshBox, a UK & Ireland meal-kit subscription.

    python generate.py OUT.duckdb

Writes FreshBox's own exports (seeded: the same files every run) to a temporary folder —

  accounts.jsonl           subscription platform accounts (camelCase, UTC ISO with Z)
  subscription_events.jsonl subscription platform events: signups, box charges (pence/cent,
                           GBP/EUR), recipe choices, skips, pauses, plan changes, cancellations
                           (survey reason), add-ons
  web_analytics.csv        web analytics (snake_case, Europe/London local time): visitor_id cookie,
                           customer_id only after login / checkout
  courier_feed.csv         courier delivery feed ('DD/MM/YYYY HH:MM' local;
                           delivered / late / failed)
  care_tickets.csv         customer care desk tickets
  recipe_ratings.csv       recipe star ratings (1-5)
  marketing_spend.csv      weekly marketing spend sheet in GBP

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import csv
import json
import math
import os
import random
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261202
START = datetime(2025, 12, 1)  # Monday
END = datetime(2026, 12, 2)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
COURIER_SWITCH = datetime(2026, 4, 13)  # ParcelRun -> SwiftDrop
COURIER_BAD = (datetime(2026, 4, 13), datetime(2026, 5, 25))  # six weeks of late deliveries
PRICE_RISE = datetime(2026, 6, 1)
PRICE_SHOCK = (datetime(2026, 6, 1), datetime(2026, 7, 13))  # cancellations up
SUMMER = (datetime(2026, 7, 6), datetime(2026, 8, 31))  # many skipped weeks
INFLUENCER = (datetime(2026, 9, 7), datetime(2026, 10, 5))  # code CHLOE60
BLACK_FRIDAY = (datetime(2026, 11, 23), datetime(2026, 12, 1))
NEW_YEAR = (datetime(2026, 1, 1), datetime(2026, 2, 2))

R = random.Random(SEED)

REGIONS = [
    "London",
    "South East",
    "South West",
    "Midlands",
    "North West",
    "Yorkshire",
    "Scotland",
    "Wales",
    "Ireland",
]
REGION_W = [0.22, 0.16, 0.08, 0.12, 0.11, 0.08, 0.07, 0.04, 0.12]
SOURCES = [
    "facebook",
    "instagram",
    "google_cpc",
    "google_organic",
    "podcast",
    "influencer",
    "tv",
    "referral",
    "leaflet",
    "direct",
]
SOURCE_W = [0.17, 0.13, 0.17, 0.12, 0.06, 0.05, 0.04, 0.08, 0.06, 0.12]
SIGNUP_P = {
    "facebook": 0.22,
    "instagram": 0.2,
    "google_cpc": 0.34,
    "google_organic": 0.3,
    "podcast": 0.32,
    "influencer": 0.3,
    "tv": 0.22,
    "referral": 0.48,
    "leaflet": 0.3,
    "direct": 0.36,
}
DISCOUNT = {
    "facebook": 50,
    "instagram": 50,
    "google_cpc": 40,
    "google_organic": 40,
    "podcast": 50,
    "influencer": 50,
    "tv": 40,
    "referral": 60,
    "leaflet": 50,
    "direct": 35,
}
CODES = {
    "facebook": "FB50",
    "instagram": "INSTA50",
    "google_cpc": "WELCOME40",
    "google_organic": "WELCOME40",
    "podcast": "PODFRESH50",
    "influencer": "SAM50",
    "tv": "TVBOX40",
    "referral": "FRIEND60",
    "leaflet": "DOOR50",
    "direct": "",
}
PER_SERVING = {(2, 3): 549, (2, 4): 519, (2, 5): 499, (4, 3): 449, (4, 4): 429, (4, 5): 409}
SHIPPING = 499
RECIPES = [
    "Chicken Katsu Curry",
    "Sticky Hoisin Pork",
    "Creamy Tuscan Salmon",
    "Beef Ragu Rigatoni",
    "Halloumi Traybake",
    "Thai Green Veg Curry",
    "Cajun Chicken Tacos",
    "Mushroom Risotto",
    "Korean Beef Bibimbap",
    "Lemon Herb Cod",
    "Chickpea Tagine",
    "Teriyaki Chicken Noodles",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
DAY_W = [0.18, 0.16, 0.14, 0.17, 0.17, 0.18]

HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.5,
    2,
    2.2,
    2.4,
    2.6,
    3,
    2.8,
    2.4,
    2.4,
    2.6,
    3,
    3.6,
    4.6,
    5.4,
    5.2,
    3.4,
    1,
]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return ts is not None and START <= ts < END


web, accounts, subs, courier, tickets, ratings = ([] for _ in range(6))
seq = {"cust": 400000, "box": 0, "tkt": 0, "vis": 0, "sub": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, region=None):
        self.vid = None
        self.cid = None
        self.region = region or pick(REGIONS, REGION_W)
        self.device = pick(["mobile", "desktop", "tablet"], [0.64, 0.3, 0.06])
        self.people = 2 if chance(0.62) else 4
        self.recipes = pick([3, 4, 5], [0.55, 0.32, 0.13])
        self.day = pick(DAYS, DAY_W)


def currency(p):
    return "EUR" if p.region == "Ireland" else "GBP"


def box_price(p, ts):
    base = PER_SERVING[(p.people, p.recipes)] + (40 if ts >= PRICE_RISE else 0)
    amt = base * p.people * p.recipes + SHIPPING
    if currency(p) == "EUR":
        amt = int(round(amt * 1.17, -1)) - 1
    return amt


def wv(p, ts, name, source, campaign=""):
    if not within(ts):
        return False
    if p.vid is None:
        p.vid = f"v{nxt('vis'):07d}{R.randrange(1000):03d}"
    web.append((ts, p.vid, p.cid or "", name, source, campaign, p.device))
    return True


def sub(p, ts, kind, **kw):
    if not within(ts):
        return False
    subs.append((ts, p.cid, kind, kw))
    return True


def ticket(p, ts, reason, box_id="", mood=0.0):
    if not within(ts):
        return
    ch = pick(["Phone", "Email", "Live chat"], [0.3, 0.35, 0.35])
    fr_h = {
        "Phone": R.uniform(0.02, 0.4),
        "Email": R.uniform(1.5, 22),
        "Live chat": R.uniform(0.02, 0.25),
    }[ch]
    if inw(ts, COURIER_BAD):
        fr_h *= 2.4  # queue pressure during the courier trouble
    res_h = fr_h + R.uniform(0.5, 40) * (1.8 if inw(ts, COURIER_BAD) else 1.0)
    first = ts + timedelta(hours=fr_h)
    closed = ts + timedelta(hours=res_h)
    csat = ""
    if chance(0.4):
        csat = str(max(1, min(5, round(R.gauss(4.2 - mood, 0.9)))))
    complaint = (
        "Y" if reason in ("Damaged box", "Late delivery") or (mood > 0.5 and chance(0.5)) else "N"
    )
    tickets.append(
        (
            f"CC{nxt('tkt'):06d}",
            p.cid,
            ts,
            first if first < END else None,
            closed if closed < END and chance(0.97) else None,
            reason,
            ch,
            complaint,
            csat,
            box_id,
        )
    )


def delivery_date(p, ts, min_days):
    d = ts + timedelta(days=min_days)
    target = DAYS.index(p.day)
    while d.weekday() != target:
        d += timedelta(days=1)
    return d


def deliver(p, box_id, ddate, recipes):
    """Courier outcome for one box and what follows: tickets and ratings."""
    if inw(ddate, COURIER_BAD):
        p_late, p_fail = 0.22, 0.035
    else:
        p_late, p_fail = 0.045, 0.008
    courier_name = "SwiftDrop" if ddate >= COURIER_SWITCH else "ParcelRun"
    r = R.random()
    status = "failed" if r < p_fail else ("late" if r < p_fail + p_late else "delivered")
    if status == "delivered":
        t = datetime(ddate.year, ddate.month, ddate.day, R.randint(8, 17), R.randrange(60))
    elif status == "late":
        t = datetime(ddate.year, ddate.month, ddate.day, R.randint(19, 22), R.randrange(60))
        if chance(0.25):
            t += timedelta(days=1, hours=-8)
    else:
        t = datetime(ddate.year, ddate.month, ddate.day, R.randint(12, 20), R.randrange(60))
    if not within(t):
        return None
    courier.append((t, box_id, p.cid, status, courier_name, p.region, p.day))
    if status == "late" and chance(0.22):
        ticket(p, t + timedelta(hours=R.uniform(0.2, 20)), "Late delivery", box_id, mood=1.2)
    if status == "failed" and chance(0.65):
        ticket(p, t + timedelta(hours=R.uniform(0.5, 12)), "Failed delivery", box_id, mood=1.5)
    if status != "failed":
        if chance(0.035):
            ticket(
                p, t + timedelta(hours=R.uniform(1, 30)), "Missing ingredients", box_id, mood=0.6
            )
        if chance(0.015 if status == "delivered" else 0.05):
            ticket(p, t + timedelta(hours=R.uniform(1, 30)), "Damaged box", box_id, mood=0.9)
        for rec in recipes:
            if chance(0.16):
                rt = t + timedelta(days=R.uniform(0.5, 6))
                if within(rt):
                    stars = max(
                        1, min(5, round(R.gauss(4.25 - (0.9 if status == "late" else 0), 0.85)))
                    )
                    ratings.append((rt, p.cid, rec, stars, box_id))
    return status


def charge_box(p, ts, discount, promo, first=False):
    box_id = f"BX{nxt('box'):07d}"
    full = box_price(p, ts)
    amt = round(full * (100 - discount) / 100)
    sub(
        p,
        ts,
        "BOX_CHARGED",
        boxId=box_id,
        amountPence=amt,
        currency=currency(p),
        discountPct=discount,
        promoCode=promo,
        planPeople=p.people,
        recipesPerWeek=p.recipes,
        firstBox=first,
    )
    if not first and chance(0.12 if not inw(ts, BLACK_FRIDAY) else 0.3):
        kind = pick(["Dessert", "Drinks", "Breakfast"], [0.55, 0.25, 0.2])
        price = {
            "Dessert": R.choice([399, 499, 599]),
            "Drinks": R.choice([699, 899, 1299]),
            "Breakfast": R.choice([449, 549]),
        }[kind]
        sub(
            p,
            ts + timedelta(minutes=R.uniform(1, 60)),
            "ADDON_ADDED",
            boxId=box_id,
            amountPence=price,
            currency=currency(p),
            addonType=kind,
        )
    return box_id


def cancel_reason(ts, promo):
    if promo == "CHLOE60":
        return pick(
            ["Only wanted the discount", "Too expensive", "Not enough variety"], [0.6, 0.3, 0.1]
        )
    if inw(ts, PRICE_SHOCK) or (ts >= PRICE_RISE and chance(0.3)):
        return pick(
            ["Too expensive", "Going on holiday", "Delivery problems", "Not enough variety"],
            [0.65, 0.12, 0.08, 0.15],
        )
    if inw(ts, COURIER_BAD) or inw(ts, (COURIER_BAD[0], COURIER_BAD[1] + timedelta(days=14))):
        return pick(
            ["Delivery problems", "Too expensive", "Not enough variety", "Too much food"],
            [0.5, 0.2, 0.15, 0.15],
        )
    return pick(
        [
            "Too expensive",
            "Not enough variety",
            "Too much food",
            "Going on holiday",
            "Delivery problems",
            "Other",
        ],
        [0.3, 0.2, 0.15, 0.12, 0.1, 0.13],
    )


def subscription_life(p, start_ts, discount, promo):
    """Week after week: choose recipes before the Wednesday cut-off, skip, pause, change plan,
    cancel."""
    first_box = charge_box(
        p, start_ts + timedelta(seconds=R.randint(3, 40)), discount, promo, first=True
    )
    dd = delivery_date(p, start_ts, 3)
    deliver(p, first_box, dd, R.sample(RECIPES, p.recipes))
    # cut-off Wednesday 23:59 local for the week after; charge just after
    wk = dd - timedelta(days=dd.weekday()) + timedelta(days=7)  # Monday of the next delivery week
    paused_until = None
    n_boxes = 1
    second_discount = 20 if discount >= 40 and chance(0.5) else 0
    influencer = promo == "CHLOE60"
    while wk < END + timedelta(days=7):
        cutoff = wk - timedelta(days=5)  # Wednesday before
        cutoff_ts = datetime(cutoff.year, cutoff.month, cutoff.day, 23, 59)
        if cutoff_ts >= END:
            break
        # cancellation hazard, checked at each cut-off
        haz = 0.022
        if n_boxes == 1:
            haz = 0.14
            if influencer:
                haz = 0.68
            elif promo in ("BF55", "BLACKFRIDAY60"):
                haz = 0.25
        elif n_boxes == 2:
            haz = 0.07
        if inw(cutoff_ts, PRICE_SHOCK):
            haz += 0.045
        if inw(
            cutoff_ts, (COURIER_BAD[0] + timedelta(days=7), COURIER_BAD[1] + timedelta(days=10))
        ):
            haz += 0.015
        if chance(haz):
            t = at(cutoff - timedelta(days=R.randrange(5)))
            if t <= start_ts:
                t = cutoff_ts - timedelta(hours=R.uniform(1, 20))
            sub(
                p,
                t,
                "SUBSCRIPTION_CANCELLED",
                cancelReason=cancel_reason(t, promo),
                planPeople=p.people,
                recipesPerWeek=p.recipes,
                promoCode=promo,
            )
            return
        if paused_until and wk < paused_until:
            wk += timedelta(days=7)
            continue
        if chance(0.012):
            weeks = R.choice([2, 3, 4, 6])
            sub(
                p,
                at(cutoff - timedelta(days=R.randrange(4))),
                "SUBSCRIPTION_PAUSED",
                pauseWeeks=weeks,
                planPeople=p.people,
                recipesPerWeek=p.recipes,
            )
            paused_until = wk + timedelta(days=7 * weeks)
            wk += timedelta(days=7)
            continue
        p_skip = 0.11
        if inw(cutoff_ts, SUMMER):
            p_skip = 0.36
        if inw(cutoff_ts, (datetime(2025, 12, 17), datetime(2026, 1, 1))):
            p_skip = 0.3  # Christmas
        if chance(p_skip):
            sub(
                p,
                at(cutoff - timedelta(days=R.randrange(6))),
                "WEEK_SKIPPED",
                weekCommencing=f"{wk:%Y-%m-%d}",
                planPeople=p.people,
                recipesPerWeek=p.recipes,
            )
            wk += timedelta(days=7)
            continue
        if chance(0.01):
            old = (p.people, p.recipes)
            p.recipes = pick([3, 4, 5], [0.5, 0.35, 0.15])
            if chance(0.3):
                p.people = 4 if p.people == 2 else 2
            if (p.people, p.recipes) != old:
                sub(
                    p,
                    at(cutoff - timedelta(days=R.randrange(5))),
                    "PLAN_CHANGED",
                    planPeople=p.people,
                    recipesPerWeek=p.recipes,
                    previousPlan=f"{old[0]}p x{old[1]}",
                )
        chosen = R.sample(RECIPES, p.recipes)
        if chance(0.62):
            sub(
                p,
                at(cutoff - timedelta(days=R.randrange(6))),
                "RECIPES_CHOSEN",
                recipeCount=p.recipes,
                weekCommencing=f"{wk:%Y-%m-%d}",
            )
        charge_ts = cutoff_ts + timedelta(hours=R.uniform(2, 5))
        disc = second_discount if n_boxes == 1 else 0
        box = charge_box(p, charge_ts, disc, "" if not disc else promo)
        n_boxes += 1
        ddate = wk + timedelta(days=DAYS.index(p.day))
        deliver(p, box, ddate, chosen)
        wk += timedelta(days=7)


def new_customer(p, ts, source):
    p.cid = f"FB{nxt('cust')}"
    accounts.append((p.cid, ts, p.region, p.people, currency(p)))


def visitor(d, source=None):
    p = Person()
    day0 = datetime(d.year, d.month, d.day)
    source = source or pick(SOURCES, SOURCE_W)
    campaign = ""
    promo, discount = CODES[source], DISCOUNT[source]
    if source == "influencer" and inw(day0, INFLUENCER):
        promo, discount, campaign = "CHLOE60", 60, "chloe_eats_sept"
    if inw(day0, BLACK_FRIDAY) and source not in ("referral", "influencer"):
        promo, discount, campaign = (
            ("BLACKFRIDAY60", 60, "black_friday") if chance(0.6) else ("BF55", 55, "black_friday")
        )
    if inw(day0, NEW_YEAR) and source in ("facebook", "instagram", "tv", "google_cpc"):
        campaign = "new_year_eat_better"
    p_sign = SIGNUP_P[source]
    if inw(day0, NEW_YEAR):
        p_sign *= 1.25
    if promo == "CHLOE60":
        p_sign = 0.52
    if inw(day0, BLACK_FRIDAY):
        p_sign *= 1.35
    if day0 >= PRICE_RISE:
        p_sign *= 0.93
    t = at(d)
    for s in range(R.choice([1, 1, 2, 2, 3])):
        if s:
            t += timedelta(days=R.uniform(0.3, 8))
            if chance(0.5):
                source = pick(["direct", "google_organic", "google_cpc"], [4, 3, 2])
        if not wv(p, t, "landing_page_view", source, campaign):
            return
        t += timedelta(minutes=R.uniform(0.3, 3))
        if chance(0.7):
            wv(p, t, "menu_browsed", source, campaign)
            t += timedelta(minutes=R.uniform(1, 6))
        if not chance(0.5):
            continue
        wv(p, t, "plan_selected", source, campaign)
        t += timedelta(minutes=R.uniform(1, 4))
        if not chance(0.62):
            continue
        if p.cid is None:
            new_customer(p, t, source)  # account created at checkout -> customer_id known from here
        wv(p, t + timedelta(seconds=20), "checkout_started", source, campaign)
        t += timedelta(minutes=R.uniform(2, 9))
        if chance(min(0.95, p_sign / 0.31 * 0.7)):
            st = t
            sub(
                p,
                st,
                "SUBSCRIPTION_STARTED",
                planPeople=p.people,
                recipesPerWeek=p.recipes,
                discountPct=discount,
                promoCode=promo,
                currency=currency(p),
                deliveryDay=p.day,
            )
            subscription_life(p, st, discount, promo)
            return
    return


def existing_subscriber():
    p = Person()
    created = START - timedelta(days=R.uniform(20, 900))
    p.cid = f"FB{nxt('cust')}"
    accounts.append((p.cid, created, p.region, p.people, currency(p)))
    # they log in now and then
    first = START + timedelta(days=R.uniform(0, 6), hours=R.uniform(7, 21))
    p.vid = f"v{nxt('vis'):07d}{R.randrange(1000):03d}"
    wv(p, first, "account_login", "direct")
    # first box of the period: the week of START
    sub_start = first
    p_start = sub_start
    # simulate as if mid-subscription: skip first-box behaviour
    dd = delivery_date(p, p_start, 2)
    wk = dd - timedelta(days=dd.weekday())
    life_from(p, wk)


def life_from(p, wk):
    paused_until = None
    while True:
        cutoff = wk - timedelta(days=5)
        cutoff_ts = datetime(cutoff.year, cutoff.month, cutoff.day, 23, 59)
        if cutoff_ts >= END:
            return
        haz = 0.015 + (0.045 if inw(cutoff_ts, PRICE_SHOCK) else 0.0)
        if inw(
            cutoff_ts, (COURIER_BAD[0] + timedelta(days=7), COURIER_BAD[1] + timedelta(days=10))
        ):
            haz += 0.012
        if chance(haz):
            t = at(cutoff - timedelta(days=R.randrange(5)))
            sub(
                p,
                t,
                "SUBSCRIPTION_CANCELLED",
                cancelReason=cancel_reason(t, ""),
                planPeople=p.people,
                recipesPerWeek=p.recipes,
                promoCode="",
            )
            return
        if paused_until and wk < paused_until:
            wk += timedelta(days=7)
            continue
        if chance(0.012):
            weeks = R.choice([2, 3, 4, 6])
            sub(
                p,
                at(cutoff - timedelta(days=R.randrange(4))),
                "SUBSCRIPTION_PAUSED",
                pauseWeeks=weeks,
                planPeople=p.people,
                recipesPerWeek=p.recipes,
            )
            paused_until = wk + timedelta(days=7 * weeks)
            wk += timedelta(days=7)
            continue
        p_skip = 0.12
        if inw(cutoff_ts, SUMMER):
            p_skip = 0.38
        if inw(cutoff_ts, (datetime(2025, 12, 17), datetime(2026, 1, 1))):
            p_skip = 0.3
        if chance(p_skip):
            sub(
                p,
                at(cutoff - timedelta(days=R.randrange(6))),
                "WEEK_SKIPPED",
                weekCommencing=f"{wk:%Y-%m-%d}",
                planPeople=p.people,
                recipesPerWeek=p.recipes,
            )
            wk += timedelta(days=7)
            continue
        if chance(0.3):
            wv(p, at(cutoff - timedelta(days=R.randrange(6))), "account_login", "direct")
        chosen = R.sample(RECIPES, p.recipes)
        if chance(0.66):
            sub(
                p,
                at(cutoff - timedelta(days=R.randrange(6))),
                "RECIPES_CHOSEN",
                recipeCount=p.recipes,
                weekCommencing=f"{wk:%Y-%m-%d}",
            )
        box = charge_box(p, cutoff_ts + timedelta(hours=R.uniform(2, 5)), 0, "")
        deliver(p, box, wk + timedelta(days=DAYS.index(p.day)), chosen)
        wk += timedelta(days=7)


def traffic_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, NEW_YEAR):
        w *= 2.6 if dt < datetime(2026, 1, 19) else 1.8
    if inw(dt, SUMMER):
        w *= 0.75
    if inw(dt, (datetime(2025, 12, 15), datetime(2025, 12, 31))):
        w *= 0.6
    if inw(dt, BLACK_FRIDAY):
        w *= 2.4
    if d.weekday() == 6:
        w *= 1.2
    return w


def simulate():
    for _ in range(900):
        existing_subscriber()
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(16 * traffic_weight(d))):
            visitor(d)
        if inw(dt, INFLUENCER):
            for _ in range(poisson(14 if dt < datetime(2026, 9, 21) else 7)):
                visitor(d, "influencer")


def utc(ts):  # naive London local -> UTC ISO with Z (BST 29 Mar - 25 Oct 2026)
    bst = datetime(2026, 3, 29, 1) <= ts < datetime(2026, 10, 25, 1)
    return f"{ts - timedelta(hours=1 if bst else 0):%Y-%m-%dT%H:%M:%S}Z"


def write(folder: Path):
    with open(folder / "accounts.jsonl", "w") as f:
        for cid, ts, region, ppl, cur in sorted(accounts, key=lambda r: r[0]):
            f.write(
                json.dumps(
                    {
                        "customerId": cid,
                        "createdAt": utc(ts),
                        "region": region,
                        "country": "IE" if region == "Ireland" else "GB",
                        "householdSize": f"{ppl} people",
                        "billingCurrency": cur,
                    }
                )
                + "\n"
            )
    with open(folder / "subscription_events.jsonl", "w") as f:
        for i, (ts, cid, kind, kw) in enumerate(sorted(subs, key=lambda r: (r[0], r[1], r[2]))):
            obj = {
                "eventId": f"SE{i + 1:08d}",
                "customerId": cid,
                "eventType": kind,
                "occurredAt": utc(ts),
            }
            obj.update({k: v for k, v in kw.items() if v not in ("", None)})
            f.write(json.dumps(obj) + "\n")
    with open(folder / "web_analytics.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_time",
                "visitor_id",
                "customer_id",
                "event_name",
                "utm_source",
                "utm_campaign",
                "device_type",
            ]
        )
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", *r[1:]])
    with open(folder / "courier_feed.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Consignment",
                "Customer Ref",
                "Status",
                "Status Time",
                "Carrier",
                "Delivery Region",
                "Slot Day",
            ]
        )
        for t, box, cid, status, name, region, day in sorted(courier, key=lambda r: (r[0], r[1])):
            w.writerow([box, cid, status, f"{t:%d/%m/%Y %H:%M}", name, region, day])

    def loc(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "care_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticketNo",
                "customerId",
                "createdAt",
                "firstResponseAt",
                "closedAt",
                "reason",
                "contactVia",
                "complaint",
                "satisfaction",
                "boxId",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], loc(r[2]), loc(r[3]), loc(r[4]), r[5], r[6], r[7], r[8], r[9]])
    with open(folder / "recipe_ratings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ratedAt", "customerId", "recipe", "stars", "boxId"])
        for r in sorted(ratings, key=lambda r: (r[0], r[1], r[2])):
            w.writerow([utc(r[0]), r[1], r[2], r[3], r[4]])
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week commencing", "Channel", "Spend (GBP)"])
        base = {
            "Facebook": 5200,
            "Instagram": 4100,
            "Google Ads": 6500,
            "Podcasts": 1800,
            "Influencers": 1500,
            "TV": 0,
            "Referral credits": 2200,
            "Leaflets": 1400,
        }
        wk = START
        while wk < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.85, 1.15)
                if inw(wk, NEW_YEAR) and ch in ("Facebook", "Instagram", "Google Ads"):
                    f_ *= 2.0
                if ch == "TV":
                    amt = 38000 if inw(wk, (datetime(2025, 12, 29), datetime(2026, 2, 2))) else 0
                if ch == "Influencers" and inw(wk, INFLUENCER):
                    f_ *= 6.0
                if inw(wk, BLACK_FRIDAY) and ch in ("Facebook", "Instagram", "Google Ads"):
                    f_ *= 2.3
                if inw(wk, SUMMER):
                    f_ *= 0.7
                if amt:
                    w.writerow([f"{wk:%d/%m/%Y}", ch, f"{amt * f_:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="mealkit-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
