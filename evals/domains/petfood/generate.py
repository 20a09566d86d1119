"""Pet-food evaluation domain: FurBowl, a US direct-to-consumer fresh pet-food subscription.

    python generate.py OUT.duckdb

Writes FurBowl's own exports (seeded: the same files every run) to a temporary folder —

  web_analytics.jsonl       website analytics (Segment-style): anonymousId, userId (email hash) once
                            the quiz email is given, event names "Page Viewed" …, ISO UTC with Z
  customers.csv             subscription platform customers ('MM/DD/YYYY HH:MM' Eastern)
  subscription_events.csv   subscription platform event log: trials, charges (cents), skips,
                            pauses, treats, recipe swaps, cancellations, refunds (Eastern time)
  carrier_scans.csv         UPS / FedEx tracking scans (ISO with UTC offset)
  gorgias_tickets.csv       Gorgias support export (ISO UTC)
  nps_responses.csv         NPS survey (epoch seconds)
  paid_media_weekly.csv     weekly paid-media sheet (week starting Sunday, USD)

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import random
import shutil
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)  # Sunday
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
ET = ZoneInfo("America/New_York")

PODCAST = (datetime(2026, 3, 1), datetime(2026, 4, 1))  # podcast sponsorships, March
CAT_LAUNCH = datetime(2026, 5, 12)  # new cat recipe line "Purrfect Fresh"
HEATWAVE = (datetime(2026, 7, 12), datetime(2026, 7, 27))  # cold-chain failure, mostly FedEx
PRICE_RISE = datetime(2026, 9, 1)  # +12% plan prices
BF_PROMO = (datetime(2026, 11, 20), datetime(2026, 12, 1))  # 75% off trial box (BF75)

R = random.Random(SEED)

SOURCES = ["facebook", "google", "tiktok", "organic", "(direct)", "referral"]
SOURCE_W = [0.27, 0.24, 0.14, 0.16, 0.12, 0.07]
STATES = {
    "NY": "Northeast",
    "MA": "Northeast",
    "NJ": "Northeast",
    "PA": "Northeast",
    "FL": "Southeast",
    "GA": "Southeast",
    "NC": "Southeast",
    "TX": "South Central",
    "AZ": "West",
    "CA": "West",
    "WA": "West",
    "CO": "West",
    "IL": "Midwest",
    "OH": "Midwest",
    "MN": "Midwest",
}
STATE_W = [9, 4, 4, 5, 8, 4, 4, 9, 4, 14, 5, 4, 6, 4, 3]
DOG_BREEDS = [
    ("Labrador Retriever", 65),
    ("Golden Retriever", 65),
    ("French Bulldog", 24),
    ("German Shepherd", 75),
    ("Poodle", 45),
    ("Dachshund", 20),
    ("Beagle", 25),
    ("Mixed Breed", 40),
    ("Chihuahua", 6),
    ("Great Dane", 140),
]
DOG_W = [12, 10, 9, 7, 6, 6, 6, 26, 5, 3]
CAT_BREEDS = ["Domestic Shorthair", "Maine Coon", "Siamese", "Ragdoll", "Mixed Breed"]
CAT_W = [45, 12, 10, 10, 23]
DOG_RECIPES = ["Beef Bowl", "Turkey Feast", "Chicken Harvest", "Pork Potluck"]
CAT_OLD = ["Chicken Classic for Cats"]
CAT_NEW = ["Salmon Pate for Cats", "Turkey Mousse for Cats"]
ALLERGIES = ["none", "chicken", "beef", "grain", "fish"]
ALLERGY_W = [62, 14, 9, 10, 5]

HOURS = [
    0.3,
    0.2,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    1.5,
    2,
    2.5,
    2.8,
    3,
    3.2,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.8,
    4.6,
    5.2,
    5,
    3.5,
    1.2,
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


def h(text):
    return hashlib.sha1(text.encode()).hexdigest()


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def to_utc(ts):
    """Naive Eastern local -> aware UTC."""
    return ts.replace(tzinfo=ET).astimezone(UTC)


web, customers, subs, scans, tickets, nps = ([] for _ in range(6))
seq = {"cust": 40000, "order": 100000, "ticket": 880000, "trk": 0, "anon": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.anon = None
        self.email = None
        self.cid = None
        self.state = pick(list(STATES), STATE_W)
        self.species = "cat" if chance(0.2) else "dog"
        if self.species == "dog":
            self.breed, base = pick(DOG_BREEDS, DOG_W)
            self.weight = max(4, round(R.gauss(base, base * 0.15)))
        else:
            self.breed = pick(CAT_BREEDS, CAT_W)
            self.weight = max(6, round(R.gauss(11, 2)))
        self.allergy = pick(ALLERGIES, ALLERGY_W)
        self.source = None
        self.plan = "Every 2 weeks"
        self.recipe = None
        self.created = None


people = []


def page(p, ts, name, source, device, **extra):
    if not within(ts):
        return False
    if p.anon is None:
        p.anon = "anon-" + h(f"anon{nxt('anon')}")[:16]
    web.append((ts, p.anon, p.email or "", name, source, device, extra))
    return True


def box_price_cents(p, ts):
    """Full price of one box, in cents."""
    per_week = 2400 + 95 * min(p.weight, 110) if p.species == "dog" else 1900
    if ts >= PRICE_RISE:
        per_week = per_week * 112 // 100
    weeks = 2 if p.plan == "Every 2 weeks" else 4
    return per_week * weeks // 100 * 100 - 1 + 100  # e.g. 12999


def sub_event(p, ts, kind, order="", charge="", refund="", promo="", reason=""):
    if not within(ts):
        return False
    subs.append(
        (
            p.cid,
            p.email,
            kind,
            ts,
            order,
            charge,
            refund,
            p.plan,
            p.recipe or "",
            p.species,
            promo,
            reason,
        )
    )
    return True


def ticket(p, ts, tag, mood=0.0):
    if not within(ts):
        return
    ch = pick(["email", "chat", "sms"], [0.5, 0.35, 0.15])
    fr = {"email": R.uniform(1, 14), "chat": R.uniform(0.02, 0.4), "sms": R.uniform(0.3, 6)}[ch]
    if tag == "thawed_box" and inw(ts, (HEATWAVE[0], HEATWAVE[1] + timedelta(days=10))):
        fr *= 3.0  # queue flooded during the heatwave
    res = (
        fr
        + {
            "late_box": R.uniform(2, 48),
            "thawed_box": R.uniform(4, 60),
            "pet_wont_eat": R.uniform(6, 96),
            "billing": R.uniform(1, 30),
        }[tag]
    )
    closed = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.3 - mood, 0.8))))
    prio = "urgent" if tag == "thawed_box" or (tag == "late_box" and chance(0.4)) else "normal"
    tickets.append(
        (
            nxt("ticket"),
            p.email,
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END and chance(0.97) else None,
            tag,
            ch,
            prio,
            csat,
        )
    )


def ship(p, charged, box_no, heat_affected):
    """Carrier scans for one box. Returns (delivered_ts or None, thawed, late)."""
    carrier = pick(["UPS", "FedEx"], [0.58, 0.42])
    trk = ("1Z" if carrier == "UPS" else "7") + f"{nxt('trk'):010d}"
    label = charged + timedelta(hours=R.uniform(10, 30))
    transit = R.uniform(1.6, 2.6)
    heat = inw(label, HEATWAVE)
    late = chance(0.05)
    if heat and carrier == "FedEx":
        late = chance(0.4)
    if late:
        transit += R.uniform(1.5, 3.5)
    delivered = label + timedelta(days=transit)
    delivered = delivered.replace(
        hour=R.choice([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]), minute=R.randrange(60)
    )
    if heat:
        p_thaw = 0.38 if carrier == "FedEx" else 0.08
    else:
        p_thaw = 0.012 if label.month in (6, 7, 8) else 0.004
    thawed = chance(p_thaw)
    rows = [(label, "LABEL_CREATED"), (label + timedelta(hours=R.uniform(3, 9)), "PICKUP")]
    if late:
        rows.append((label + timedelta(days=R.uniform(1.0, 1.5)), "EXCEPTION"))
    rows.append((delivered - timedelta(hours=R.uniform(3, 7)), "OUT_FOR_DELIVERY"))
    rows.append((delivered, "DELIVERED"))
    for ts, scan in rows:
        if within(ts):
            scans.append(
                (
                    trk,
                    carrier,
                    p.cid,
                    ts,
                    scan,
                    "Y" if thawed and scan == "DELIVERED" else "N",
                    p.state,
                )
            )
    if delivered >= END:
        return None, thawed, late
    return delivered, thawed, late


def subscription(p, t0, promo, conv_p, legacy=False):
    """Trial (unless legacy) and the life of the subscription."""
    interval = 14 if p.plan == "Every 2 weeks" else 28
    t = t0
    box = 0
    bf = promo == "BF75"
    if not legacy:
        sub_event(p, t, "TRIAL_START", promo=promo)
        price = box_price_cents(p, t)
        trial_price = price // 2 if promo == "TRIAL50" else price // 4
        oid = f"FB-{nxt('order')}"
        sub_event(
            p,
            t + timedelta(minutes=1),
            "CHARGE_SUCCESS",
            order=oid,
            charge=trial_price,
            promo=promo,
        )
        delivered, thawed, late = ship(p, t, 0, False)
        if delivered is None:
            return
        if thawed:
            conv_p *= 0.3
            if chance(0.75):
                tt = delivered + timedelta(hours=R.uniform(1, 20))
                ticket(p, tt, "thawed_box", mood=1.5)
                sub_event(
                    p,
                    tt + timedelta(hours=R.uniform(2, 30)),
                    "REFUND",
                    order=oid,
                    refund=trial_price,
                )
        elif late and chance(0.35):
            ticket(p, delivered - timedelta(days=1), "late_box", mood=0.7)
        picky = 0.09 if p.species == "cat" and t < CAT_LAUNCH else 0.05
        if chance(picky):
            ticket(p, delivered + timedelta(days=R.uniform(1, 6)), "pet_wont_eat", mood=0.3)
            conv_p *= 0.6
        if chance(0.06 if not bf else 0.02) and p.species == "dog":
            sub_event(p, t + timedelta(days=R.uniform(2, 8)), "ADDON_TREATS", charge=1299)
        if not chance(conv_p):
            reason = pick(
                [
                    "Pet didn't like the food",
                    "Too expensive",
                    "Only wanted the trial",
                    "Box arrived thawed",
                    "Other",
                ],
                [3, 3, 4 if bf else 1.5, 5 if thawed else 0.01, 1],
            )
            sub_event(p, t + timedelta(days=R.uniform(3, interval - 1)), "CANCELLED", reason=reason)
            if within(t + timedelta(days=interval)) and chance(0.5):
                nps_maybe(p, delivered, thawed, low=True)
            return
        t = t + timedelta(days=interval)
        if not sub_event(p, t - timedelta(minutes=5), "SUB_ACTIVATED"):
            return
        nps_maybe(p, delivered, thawed)
    churn = 0.045 if not bf else 0.11
    if p.source == "tiktok":
        churn += 0.02
    price_hit = False
    while t < END:
        box += 1
        # recipe change / treats / skip / pause before the charge
        if chance(0.035):
            options = (
                DOG_RECIPES
                if p.species == "dog"
                else (CAT_NEW + CAT_OLD if t >= CAT_LAUNCH else CAT_OLD)
            )
            new = R.choice([r for r in options if r != p.recipe] or options)
            if p.species == "cat" and t >= CAT_LAUNCH and p.recipe in CAT_OLD:
                new = R.choice(CAT_NEW)
            p.recipe = new
            sub_event(p, t - timedelta(days=R.uniform(1, 5)), "RECIPE_SWAP")
        if p.species == "cat" and p.recipe in CAT_OLD and t >= CAT_LAUNCH and chance(0.25):
            p.recipe = R.choice(CAT_NEW)
            sub_event(p, t - timedelta(days=R.uniform(1, 5)), "RECIPE_SWAP")
        if chance(0.07):
            sub_event(p, t - timedelta(days=R.uniform(1, 4)), "CHARGE_SKIPPED")
            t += timedelta(days=interval)
            continue
        if chance(0.018):
            sub_event(p, t - timedelta(days=R.uniform(1, 4)), "PAUSED")
            t += timedelta(days=R.choice([28, 42, 56, 84]))
            sub_event(p, t - timedelta(days=1), "RESUMED")
            continue
        # the September price rise: cancellations and billing questions at the first dearer charge
        if t >= PRICE_RISE and not price_hit:
            price_hit = True
            if chance(0.05):
                ticket(p, t - timedelta(days=R.uniform(0, 3)), "billing", mood=0.8)
            if chance(0.11):
                sub_event(
                    p, t - timedelta(days=R.uniform(0.5, 4)), "CANCELLED", reason="Too expensive"
                )
                return
        oid = f"FB-{nxt('order')}"
        charge = box_price_cents(p, t)
        if not sub_event(p, t, "CHARGE_SUCCESS", order=oid, charge=charge):
            return
        if chance(0.1):
            sub_event(p, t + timedelta(minutes=R.uniform(1, 30)), "ADDON_TREATS", charge=1299)
        if chance(0.008):
            ticket(p, t + timedelta(hours=R.uniform(1, 48)), "billing", mood=0.3)
        delivered, thawed, late = ship(p, t, box, False)
        if delivered is None:
            return
        extra_churn = 0.0
        if thawed:
            extra_churn = 0.3
            if chance(0.8):
                tt = delivered + timedelta(hours=R.uniform(1, 20))
                ticket(p, tt, "thawed_box", mood=1.6)
                sub_event(
                    p, tt + timedelta(hours=R.uniform(2, 30)), "REFUND", order=oid, refund=charge
                )
        elif late and chance(0.3):
            ticket(p, delivered - timedelta(hours=R.uniform(2, 24)), "late_box", mood=0.6)
            extra_churn = 0.04
        if box in (3, 10) or thawed:
            nps_maybe(p, delivered, thawed)
        if chance(churn + extra_churn):
            reason = (
                "Box arrived thawed"
                if thawed and chance(0.8)
                else pick(
                    ["Too expensive", "Pet didn't like the food", "Moving / travelling", "Other"],
                    [3, 2, 1, 1],
                )
            )
            sub_event(p, delivered + timedelta(days=R.uniform(0.5, 6)), "CANCELLED", reason=reason)
            return
        t += timedelta(days=interval)


def nps_maybe(p, delivered, thawed, low=False):
    if not chance(0.32):
        return
    ts = delivered + timedelta(days=R.uniform(2, 7))
    if not within(ts):
        return
    mean = 8.4
    if thawed:
        mean = 3.2
    elif low:
        mean = 6.0
    if ts >= PRICE_RISE:
        mean -= 0.5
    if p.species == "cat" and ts >= CAT_LAUNCH:
        mean += 0.3
    score = max(0, min(10, round(R.gauss(mean, 1.5))))
    comment = ""
    if chance(0.35):
        if thawed:
            comment = R.choice(
                [
                    "Box arrived warm, food spoiled",
                    "Ice packs melted",
                    "Everything thawed, had to throw out",
                ]
            )
        elif score >= 9:
            comment = R.choice(
                ["My dog loves it", "Coat looks great", "So convenient", "Picky cat finally eats!"]
            )
        else:
            comment = R.choice(
                ["Pricey", "Delivery was late", "Pet is lukewarm on it", "Too much packaging"]
            )
    nps.append((p.email, ts, score, comment, p.species))


def identify(p, ts):
    if p.email is None:
        p.email = h(f"email{len(people)}-{p.anon}")[:24]
    if p.cid is None:
        p.cid = f"CUS{nxt('cust')}"
        p.created = ts
        customers.append(p)


def prospect(d, source=None, bf=False):
    p = Person()
    people.append(p)
    day0 = datetime(d.year, d.month, d.day)
    if day0 >= CAT_LAUNCH and p.species == "dog" and chance(0.14):
        p.species, p.breed, p.weight = "cat", pick(CAT_BREEDS, CAT_W), max(6, round(R.gauss(11, 2)))
    source = source or pick(SOURCES, SOURCE_W)
    p.source = source
    device = pick(["mobile", "desktop", "tablet"], [0.64, 0.31, 0.05])
    t = at(d)
    if not page(p, t, "Page Viewed", source, device, page="/"):
        return p
    if chance(0.5):
        page(
            p,
            t + timedelta(minutes=R.uniform(0.5, 3)),
            "Page Viewed",
            source,
            device,
            page=R.choice(["/how-it-works", "/recipes", "/reviews"]),
        )
    p_quiz = {
        "facebook": 0.5,
        "google": 0.6,
        "tiktok": 0.42,
        "organic": 0.55,
        "(direct)": 0.62,
        "referral": 0.66,
        "podcast": 0.74,
    }[source]
    if bf:
        p_quiz = min(0.85, p_quiz * 1.3)
    if not chance(p_quiz):
        return p
    t += timedelta(minutes=R.uniform(2, 6))
    page(p, t, "Quiz Started", source, device, pet_type=p.species)
    if not chance(0.74):
        return p
    t += timedelta(minutes=R.uniform(2, 7))
    p.email = h(f"email{len(people)}-{p.anon}")[:24]
    page(
        p,
        t,
        "Quiz Completed",
        source,
        device,
        pet_type=p.species,
        breed=p.breed,
        weight_lb=p.weight,
        allergy=p.allergy,
    )
    p.plan = "Every 4 weeks" if chance(0.3) else "Every 2 weeks"
    price = box_price_cents(p, t)
    t += timedelta(minutes=R.uniform(0.5, 2))
    page(
        p,
        t,
        "Plan Viewed",
        source,
        device,
        pet_type=p.species,
        plan_price_usd=round(price / 100, 2),
    )
    p_check = 0.42
    if source == "podcast":
        p_check = 0.55
    if bf:
        p_check = 0.7
    if t >= PRICE_RISE and not bf:
        p_check -= 0.06
    if p.species == "cat" and t >= CAT_LAUNCH:
        p_check += 0.08
    if not chance(p_check):
        # abandoned-quiz email brings some back
        if chance(0.22):
            t2 = t + timedelta(days=R.uniform(1, 6))
            page(p, t2, "Page Viewed", "klaviyo", device, page="/plans")
            if chance(0.45):
                t = t2 + timedelta(minutes=R.uniform(1, 5))
                if not page(p, t, "Checkout Started", "klaviyo", device, pet_type=p.species):
                    return p
                if chance(0.82):
                    start_trial(p, t + timedelta(minutes=R.uniform(2, 8)), bf)
        return p
    t += timedelta(minutes=R.uniform(1, 5))
    page(p, t, "Checkout Started", source, device, pet_type=p.species)
    if chance(0.84):
        start_trial(p, t + timedelta(minutes=R.uniform(2, 8)), bf)
    return p


def start_trial(p, t, bf):
    if not within(t):
        return
    identify(p, t)
    if p.species == "dog":
        p.recipe = R.choice(
            [r for r in DOG_RECIPES if not (p.allergy == "beef" and r == "Beef Bowl")]
        )
    else:
        p.recipe = R.choice(CAT_NEW) if t >= CAT_LAUNCH else CAT_OLD[0]
    promo = "BF75" if bf else "TRIAL50"
    conv = 0.6
    conv += {"podcast": 0.18, "referral": 0.06, "tiktok": -0.1, "facebook": -0.02}.get(
        p.source, 0.0
    )
    if p.source == "tiktok" and t >= datetime(2026, 6, 1):
        conv -= 0.12  # TikTok trials got worse in the second half
    if bf:
        conv = 0.26
    if t >= PRICE_RISE and not bf:
        conv -= 0.05
    if p.species == "cat":
        conv += 0.08 if t >= CAT_LAUNCH else -0.08
    subscription(p, t, promo, conv)


def legacy_subscriber():
    """Subscribed before the period: charges, skips and cancellations only."""
    p = Person()
    people.append(p)
    p.source = pick(SOURCES, SOURCE_W)
    p.email = h(f"legacy{len(people)}")[:24]
    p.cid = f"CUS{nxt('cust')}"
    p.created = START - timedelta(days=R.uniform(20, 700))
    customers.append(p)
    p.plan = "Every 4 weeks" if chance(0.3) else "Every 2 weeks"
    p.recipe = R.choice(DOG_RECIPES) if p.species == "dog" else CAT_OLD[0]
    first = START + timedelta(days=R.uniform(0, 14 if p.plan == "Every 2 weeks" else 28))
    first = first.replace(hour=R.choice([3, 4, 5, 6]), minute=R.randrange(60))
    subscription(p, first, "", 1.0, legacy=True)


def traffic_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0 + 0.12 * math.cos(
        (d.timetuple().tm_yday - 15) / 365 * 2 * math.pi
    )  # new-year resolutions
    if d.weekday() in (5, 6):
        w *= 0.85
    if inw(dt, HEATWAVE):
        w *= 0.9
    return w


def simulate():
    for _ in range(950):
        legacy_subscriber()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = traffic_weight(d)
        tiktok_share = 1.0 + (0.6 if dt >= datetime(2026, 6, 1) else 0.0)
        for _ in range(poisson(19 * w)):
            src = pick(SOURCES, [0.27, 0.24, 0.14 * tiktok_share, 0.16, 0.12, 0.07])
            prospect(d, src, bf=inw(dt, BF_PROMO))
        if inw(dt, PODCAST):
            for _ in range(poisson(9 if d.weekday() < 5 else 6)):
                prospect(d, "podcast")
        if inw(dt, BF_PROMO):
            for _ in range(poisson(38)):
                prospect(
                    d, pick(["facebook", "google", "tiktok", "(direct)"], [4, 3, 3, 1]), bf=True
                )


def write(folder: Path):
    def iso_z(ts):
        return to_utc(ts).strftime("%Y-%m-%dT%H:%M:%S.") + f"{R.randrange(1000):03d}Z"

    def us(ts):
        return f"{ts:%m/%d/%Y %H:%M}"

    with open(folder / "web_analytics.jsonl", "w") as f:
        for ts, anon, email, name, source, device, extra in sorted(
            web, key=lambda r: (r[0], r[1], r[3])
        ):
            row = {
                "timestamp": iso_z(ts),
                "anonymousId": anon,
                "userId": email or None,
                "event": name,
                "utm_source": source,
                "device_type": device,
                "page_path": extra.get("page"),
                "pet_type": extra.get("pet_type"),
                "plan_price_usd": extra.get("plan_price_usd"),
            }
            f.write(json.dumps(row) + "\n")
    with open(folder / "customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Customer ID",
                "Email Hash",
                "Created At",
                "Shipping State",
                "Pet Type",
                "Breed",
                "Pet Weight (lb)",
                "Allergies",
                "Acquisition Source",
            ]
        )
        for p in sorted(customers, key=lambda p: p.cid):
            w.writerow(
                [
                    p.cid,
                    p.email,
                    us(p.created),
                    p.state,
                    p.species,
                    p.breed,
                    p.weight,
                    p.allergy,
                    p.source,
                ]
            )
    with open(folder / "subscription_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Customer ID",
                "Email Hash",
                "Event Type",
                "Event Time (ET)",
                "Order ID",
                "Charge Amount (cents)",
                "Refund Amount (cents)",
                "Plan",
                "Recipe",
                "Pet Type",
                "Promo Code",
                "Cancel Reason",
            ]
        )
        for r in sorted(subs, key=lambda r: (r[3], r[0], r[2])):
            w.writerow([r[0], r[1], r[2], us(r[3]), *r[4:]])
    with open(folder / "carrier_scans.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "tracking_number",
                "carrier",
                "customer_ref",
                "scan_datetime",
                "scan_code",
                "temp_alert",
                "dest_state",
            ]
        )
        for trk, carrier, cid, ts, scan, temp, state in sorted(
            scans, key=lambda r: (r[3], r[0], r[4])
        ):
            w.writerow(
                [
                    trk,
                    carrier,
                    cid,
                    ts.replace(tzinfo=ET).isoformat(timespec="seconds"),
                    scan,
                    temp,
                    state,
                ]
            )
    with open(folder / "gorgias_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket ID",
                "Customer Email Hash",
                "Created",
                "First Agent Reply",
                "Closed",
                "Tags",
                "Channel",
                "Priority",
                "Satisfaction Score",
            ]
        )

        def z(ts):
            return to_utc(ts).strftime("%Y-%m-%dT%H:%M:%SZ") if ts else ""

        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], z(r[2]), z(r[3]), z(r[4]), r[5], r[6], r[7], r[8]])
    with open(folder / "nps_responses.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["email_hash", "created", "score", "comment", "pet_type"])
        for email, ts, score, comment, species in sorted(nps, key=lambda r: (r[1], r[0])):
            w.writerow([email, int(to_utc(ts).timestamp()), score, comment, species])
    with open(folder / "paid_media_weekly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week Starting", "Platform", "Spend (USD)"])
        wk = START.date()
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            bf = inw(dt + timedelta(days=6), BF_PROMO) or inw(dt, BF_PROMO)
            tiktok = 4200 if dt < datetime(2026, 6, 1) else 7800
            for plat, amt in (("Meta Ads", 11000), ("Google Ads", 9000), ("TikTok Ads", tiktok)):
                f_ = R.uniform(0.9, 1.1) * (2.4 if bf else 1.0)
                w.writerow([f"{wk:%m/%d/%Y}", plat, f"{amt * f_:.2f}"])
            if inw(dt + timedelta(days=3), PODCAST):
                w.writerow(
                    [f"{wk:%m/%d/%Y}", "Podcast Sponsorships", f"{R.uniform(17000, 19000):.2f}"]
                )
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="petfood-src-") as tmp:
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
