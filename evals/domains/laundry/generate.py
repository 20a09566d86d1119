"""Laundry evaluation domain: FreshFold, on-demand laundry and dry cleaning in Singapore and KL.

    python generate.py OUT.duckdb

Writes FreshFold's own exports (seeded: the same files every run) to a temporary folder —

  app_analytics.jsonl       app + website analytics: device_id always, customer_id after sign-in,
                            epoch seconds UTC (`ts`) and the same instant as UTC text (`event_time`)
  oms_customers.csv         order management system: customer accounts
                            epoch seconds UTC (`ts`) and the same instant as UTC text
                            (`event_time`)
  oms_ratings.csv           delivery ratings (1-5 stars) customers leave in the app
  rider_dispatch_log.csv    rider dispatch: pickups and deliveries, ISO with +08:00, late flag
  plus_billing.csv          FreshFold Plus subscription billing (UTC), cents + currency
  zendesk_tickets.csv       Zendesk export (UTC with Z)
  paid_media_weekly.csv     weekly paid-media sheet (Google, Meta, TikTok), SGD

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import calendar
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

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
KL_LAUNCH = datetime(2026, 4, 6)  # Kuala Lumpur launch (Monday)
PLUS_LAUNCH = datetime(2026, 5, 4)  # FreshFold Plus launch
KL_OUTAGE = (datetime(2026, 7, 10), datetime(2026, 7, 17))  # KL plant machine breakdown 10-16 July
TIKTOK = (datetime(2026, 9, 1), datetime(2026, 10, 1))  # TikTok install campaign
DRY_PRICE_RISE = datetime(2026, 10, 1)  # dry cleaning price rise
DEEPAVALI_RUSH = (datetime(2026, 10, 29), datetime(2026, 11, 8))  # Deepavali is 8 Nov 2026

R = random.Random(SEED)

SERVICES = ["Wash & Fold", "Dry Cleaning", "Ironing", "Shoe Care"]
SERVICE_W = [0.5, 0.25, 0.18, 0.07]
# unit prices in cents: (SGD, MYR)
UNIT = {
    "Wash & Fold": (350, 600),
    "Dry Cleaning": (800, 1400),
    "Ironing": (250, 400),
    "Shoe Care": (2500, 4000),
}
DRY_AFTER = (920, 1650)
SOURCES = ["google_ads", "meta", "tiktok", "organic", "referral", "direct"]
SOURCE_W = [0.3, 0.2, 0.04, 0.2, 0.12, 0.14]
P_ORDER = {
    "google_ads": 0.5,
    "meta": 0.4,
    "tiktok": 0.12,
    "organic": 0.5,
    "referral": 0.6,
    "direct": 0.55,
}
HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.5,
    2.2,
    2.5,
    2.6,
    2.6,
    2.8,
    2.5,
    2.3,
    2.3,
    2.5,
    2.8,
    3.2,
    4,
    4.8,
    4.5,
    3,
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


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


app, customers, orders, ratings, dispatch, billing, tickets = ([] for _ in range(7))
seq = {"dev": 0, "cust": 40000, "order": 700000, "ticket": 88000, "job": 0, "sub": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city):
        self.city = city
        self.dev = None
        self.cid = None
        self.platform = pick(["ios", "android", "web"], [0.46, 0.3, 0.24])
        self.plus_until = None
        self.orders = 0
        self.ref = None


def device(p):
    if p.dev is None:
        nxt("dev")
        p.dev = f"dev-{R.getrandbits(48):012x}"
    return p.dev


def ev(p, ts, name, source, **extra):
    if not within(ts):
        return False
    app.append((ts, device(p), p.cid or "", name, source, p.platform, p.city, extra))
    return True


def sign_up(p, ts, source, ctype="Household"):
    p.cid = f"FF{nxt('cust')}"
    customers.append((p.cid, ts, p.city, ctype, source, p.platform))
    p.ref = f"REF-{p.cid[2:]}"


def price(service, city, ts, qty):
    sg = city == "Singapore"
    unit = UNIT[service][0 if sg else 1]
    if service == "Dry Cleaning" and ts >= DRY_PRICE_RISE:
        unit = DRY_AFTER[0 if sg else 1]
    return unit * qty


def rush(ts):
    return inw(ts, DEEPAVALI_RUSH)


def place_order(p, ts, source, promo=""):
    """An order and what follows: pickup, plant, delivery, rating, tickets."""
    if not within(ts):
        return False
    w = list(SERVICE_W)
    if rush(ts):
        w = [0.35, 0.38, 0.22, 0.05]
    if ts >= DRY_PRICE_RISE:
        w[1] *= 0.78
    service = pick(SERVICES, w)
    qty = (
        max(4, round(R.gauss(7, 2)))
        if service == "Wash & Fold"
        else max(1, poisson(5 if service != "Shoe Care" else 1.2))
    )
    gross = price(service, p.city, ts, qty)
    plus = p.plus_until is not None and ts < p.plus_until
    fee = 0 if plus or gross >= 4000 else (499 if p.city == "Singapore" else 800)
    disc = 0
    if promo == "FIRST50":
        disc = min(gross // 2, 2000 if p.city == "Singapore" else 3500)
    elif promo.startswith("REF-"):
        disc = 1000 if p.city == "Singapore" else 1500
    elif plus and service == "Wash & Fold":
        disc = gross // 10
        promo = "PLUS10"
    total = gross + fee - disc
    oid = f"FF-{nxt('order')}"
    channel = "Website" if p.platform == "web" else "App"
    cur = "SGD" if p.city == "Singapore" else "MYR"
    unit = "kg" if service == "Wash & Fold" else "pcs"
    orders.append(
        (
            oid,
            p.cid,
            ts,
            channel,
            p.city,
            service,
            qty,
            unit,
            gross,
            disc,
            fee,
            total,
            cur,
            promo,
            source,
        )
    )
    p.orders += 1
    # dispatch: pickup slot next morning/evening, plant, delivery
    pick_ts = ts + timedelta(hours=R.uniform(3, 26))
    pick_ts = pick_ts.replace(minute=R.randrange(60), second=0)
    rider = f"R{(100 if p.city == 'Singapore' else 500) + R.randrange(60)}"
    plant = "Tai Seng" if p.city == "Singapore" else "Glenmarie"
    tat = {"Wash & Fold": 48, "Dry Cleaning": 72, "Ironing": 48, "Shoe Care": 120}[service]
    promised = pick_ts + timedelta(hours=tat)
    actual = pick_ts + timedelta(hours=tat * R.uniform(0.75, 1.02))
    if chance(0.06):
        actual = promised + timedelta(hours=R.uniform(1, 20))
    if rush(pick_ts):
        actual += timedelta(hours=R.uniform(0, 14))
    outage = p.city == "Kuala Lumpur" and inw(
        pick_ts, (KL_OUTAGE[0] - timedelta(days=2), KL_OUTAGE[1])
    )
    if outage:
        actual = max(actual, KL_OUTAGE[1] + timedelta(hours=R.uniform(4, 60)))
    late = actual > promised
    dispatch.append((oid, p.cid, "PICKED_UP", pick_ts, rider, plant, promised, ""))
    dispatch.append((oid, p.cid, "DELIVERED", actual, rider, plant, promised, "Y" if late else "N"))
    mood = 0.0
    if late:
        mood = 1.0 + (actual - promised).total_seconds() / 86400 * 0.5
    if chance(0.38):
        stars = max(1, min(5, round(R.gauss(4.6 - 1.3 * mood, 0.7))))
        comment = ""
        if chance(0.3):
            comment = (
                R.choice(
                    ["Clothes came back late", "Rider never updated ETA", "Still waiting 3 days"]
                )
                if late
                else R.choice(
                    [
                        "Smells great",
                        "Very punctual rider",
                        "Neatly folded",
                        "A bit pricey",
                        "Shirt collar not pressed well",
                    ]
                )
            )
        ratings.append(
            (oid, p.cid, actual + timedelta(hours=R.uniform(0.5, 30)), stars, comment, service)
        )
    if late and chance(min(0.75, 0.25 + 0.2 * mood)):
        ticket(
            p,
            actual - timedelta(hours=R.uniform(2, 20))
            if outage
            else actual + timedelta(hours=R.uniform(0.5, 6)),
            "late_delivery",
            oid,
            outage,
        )
    elif chance(0.012 if service != "Dry Cleaning" else 0.025):
        ticket(p, actual + timedelta(hours=R.uniform(2, 48)), "damaged_item", oid)
    elif chance(0.01):
        ticket(p, actual + timedelta(hours=R.uniform(2, 48)), "missing_item", oid)
    elif chance(0.012 if not (service == "Dry Cleaning" and ts >= DRY_PRICE_RISE) else 0.04):
        ticket(p, ts + timedelta(hours=R.uniform(1, 72)), "billing", oid)
    return True


def ticket(p, ts, kind, oid, busy=False):
    if not within(ts):
        return
    via = pick(["chat", "email", "whatsapp"], [0.45, 0.25, 0.3])
    first = {"chat": R.uniform(2, 20), "email": R.uniform(60, 600), "whatsapp": R.uniform(5, 90)}[
        via
    ]
    if busy:
        first *= 4
    solve = (
        first / 60
        + {
            "late_delivery": R.uniform(2, 30),
            "damaged_item": R.uniform(24, 120),
            "missing_item": R.uniform(12, 96),
            "billing": R.uniform(1, 24),
        }[kind]
    )
    solved = ts + timedelta(hours=solve)
    sat = ""
    if chance(0.4):
        sat = max(1, min(5, round(R.gauss(4.2 - (1.4 if busy else 0), 0.9))))
    tickets.append(
        (
            nxt("ticket"),
            p.cid,
            ts,
            ts + timedelta(minutes=first),
            solved if solved < END and chance(0.97) else None,
            kind,
            via,
            p.city,
            oid,
            sat,
        )
    )


def subscribe(p, ts):
    sid = f"SUB{nxt('sub'):05d}"
    cur = "SGD" if p.city == "Singapore" else "MYR"
    amt = 1490 if cur == "SGD" else 2490
    months = 1 + min(12, int(R.expovariate(1 / 5)))
    t = ts
    billing.append((sid, p.cid, "new", t, amt, cur))
    for _m in range(1, months):
        t = t + timedelta(days=calendar.monthrange(t.year, t.month)[1])
        if t >= END:
            break
        billing.append((sid, p.cid, "renewal", t, amt, cur))
    end = t + timedelta(days=30)
    if end < END and months <= 12:
        billing.append((sid, p.cid, "cancelled", end - timedelta(days=R.uniform(1, 10)), 0, cur))
    p.plus_until = end


def order_session(p, t, source, promo=""):
    if not ev(p, t, "session_start", source):
        return False
    ev(p, t + timedelta(seconds=R.uniform(20, 90)), "service_viewed", source)
    if not chance(0.9):
        return False
    t2 = t + timedelta(seconds=R.uniform(90, 300))
    ev(p, t2, "pickup_slot_selected", source)
    if not chance(0.93):
        return False
    t3 = t2 + timedelta(seconds=R.uniform(30, 200))
    ev(p, t3, "checkout_started", source)
    if promo:
        ev(p, t3 + timedelta(seconds=20), "promo_applied", source, promo_code=promo)
    if not chance(0.9):
        return False
    return place_order(p, t3 + timedelta(seconds=R.uniform(40, 180)), source, promo)


def lifetime(p, t, source, p_first):
    """Repeat orders after the first, with Plus and churn."""
    n = 0
    while t < END and n < 60:
        n += 1
        gap = R.expovariate(1 / (9 if (p.plus_until and t < p.plus_until) else 22))
        t = t + timedelta(days=max(2, gap))
        t = at(t.date())
        if not within(t):
            return
        if rush(t) and chance(0.3):
            t = t - timedelta(days=R.uniform(0, 3))
        src = pick(["direct", "organic", "google_ads"], [6, 2, 1])
        if t >= PLUS_LAUNCH and p.plus_until is None and chance(0.13):
            ev(p, t, "plus_page_viewed", src)
            if chance(0.6):
                ev(p, t + timedelta(minutes=2), "plus_subscribed", src)
                subscribe(p, t + timedelta(minutes=2, seconds=R.uniform(5, 40)))
        active_plus = p.plus_until is not None and t < p.plus_until
        if not chance(0.92 if active_plus else 0.74):
            return
        order_session(p, t, src)


def prospect(d, city, source=None):
    p = Person(city)
    source = source or pick(SOURCES, SOURCE_W)
    t = at(d)
    if p.platform != "web":
        if not ev(p, t, "app_install", source):
            return p
        t += timedelta(seconds=R.uniform(10, 60))
    ev(p, t, "session_start", source)
    ev(p, t + timedelta(seconds=R.uniform(15, 120)), "service_viewed", source)
    p_signup = 0.22 if source == "tiktok" else 0.6
    if not chance(p_signup):
        if chance(0.3):
            ev(p, t + timedelta(days=R.uniform(1, 10)), "session_start", source)
        return p
    ts = t + timedelta(seconds=R.uniform(120, 400))
    sign_up(p, ts, source)
    ev(p, ts, "sign_up", source)
    if not chance(P_ORDER[source] / 0.6 * 0.9 if source != "tiktok" else 0.35):
        return p
    t1 = ts + (
        timedelta(minutes=R.uniform(1, 5)) if chance(0.6) else timedelta(days=R.uniform(0.5, 12))
    )
    promo = (
        f"REF-{R.randrange(40001, 40001 + max(1, seq['cust'] - 40000))}"
        if source == "referral"
        else ("FIRST50" if chance(0.7) else "")
    )
    if order_session(p, t1, source, promo):
        lifetime(p, t1, source, 0)
    return p


def existing(n):
    for _ in range(n):
        p = Person("Singapore")
        sign_up(p, START - timedelta(days=R.uniform(20, 700)), pick(SOURCES, SOURCE_W))
        device(p)
        t = START + timedelta(days=R.uniform(0, 25))
        t = at(t.date())
        order_session(p, t, "direct")
        lifetime(p, t, "direct", 0)


def simulate():
    existing(900)
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        w = 1.0 + (0.25 if d.weekday() >= 5 else 0) + (0.5 if rush(dt) else 0)
        for _ in range(poisson(13 * w)):
            prospect(d, "Singapore")
        if dt >= KL_LAUNCH:
            boost = 2.0 if dt < KL_LAUNCH + timedelta(days=21) else 1.0
            for _ in range(poisson(9 * w * boost)):
                prospect(d, "Kuala Lumpur")
        if inw(dt, TIKTOK):
            for _ in range(poisson(38)):
                prospect(d, "Kuala Lumpur" if chance(0.45) else "Singapore", "tiktok")


def write(folder: Path):
    def epoch(ts):  # naive Singapore local -> epoch seconds
        return int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds())

    def utc(ts):
        return ts - timedelta(hours=8)

    with open(folder / "app_analytics.jsonl", "w") as f:
        for ts, dev, cid, name, src, plat, city, extra in sorted(
            app, key=lambda r: (r[0], r[1], r[3])
        ):
            obj = {
                "ts": epoch(ts),
                "event_time": f"{utc(ts):%Y-%m-%d %H:%M:%S}",
                "device_id": dev,
                "customer_id": cid or None,
                "event_name": name,
                "utm_source": src,
                "platform": plat,
                "city": city,
            }
            obj.update(extra)
            f.write(json.dumps(obj) + "\n")
    with open(folder / "oms_customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "customer_id",
                "created_at",
                "city",
                "customer_type",
                "signup_source",
                "signup_platform",
            ]
        )
        for r in sorted(customers, key=lambda r: r[0]):
            w.writerow([r[0], f"{r[1]:%d/%m/%Y %H:%M}", *list(r[2:])])
    with open(folder / "oms_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "customer_id",
                "created_at",
                "order_channel",
                "city",
                "service",
                "quantity",
                "unit",
                "gross_cents",
                "discount_cents",
                "delivery_fee_cents",
                "total_cents",
                "currency",
                "promo_code",
                "utm_source",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%d/%m/%Y %H:%M}", *list(r[3:])])
    with open(folder / "oms_ratings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "customer_id", "rated_at", "stars", "comment", "service"])
        for r in sorted(ratings, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow([r[0], r[1], f"{r[2]:%d/%m/%Y %H:%M}", r[3], r[4], r[5]])
    with open(folder / "rider_dispatch_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "job_id",
                "order_no",
                "customer_id",
                "status",
                "status_time",
                "rider_id",
                "plant",
                "promised_by",
                "late",
            ]
        )
        for r in sorted(dispatch, key=lambda r: (r[3], r[0], r[2])):
            if within(r[3]):
                w.writerow(
                    [
                        f"J{nxt('job'):07d}",
                        r[0],
                        r[1],
                        r[2],
                        f"{r[3]:%Y-%m-%dT%H:%M:%S}+08:00",
                        r[4],
                        r[5],
                        f"{r[6]:%Y-%m-%dT%H:%M:%S}+08:00",
                        r[7],
                    ]
                )
    with open(folder / "plus_billing.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "subscription_id",
                "customer_id",
                "billing_event",
                "billed_at_utc",
                "plan",
                "amount_cents",
                "currency",
            ]
        )
        for r in sorted(billing, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow(
                    [r[0], r[1], r[2], f"{utc(r[3]):%Y-%m-%d %H:%M:%S}", "Plus Monthly", r[4], r[5]]
                )

    def z(ts):
        return f"{utc(ts):%Y-%m-%dT%H:%M:%SZ}" if ts else ""

    with open(folder / "zendesk_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "id",
                "requester_external_id",
                "created_at",
                "first_reply_at",
                "solved_at",
                "type_tag",
                "via",
                "city_field",
                "order_ref",
                "satisfaction_score",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], z(r[2]), z(r[3]), z(r[4]), *list(r[5:])])
    with open(folder / "paid_media_weekly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["week_start", "platform", "spend_sgd"])
        wk = START + timedelta(days=1)  # first Monday
        while wk < END:
            kl = wk >= KL_LAUNCH - timedelta(days=7)
            for ch, amt in {"Google": 4200, "Meta": 2800, "TikTok": 600}.items():
                f_ = R.uniform(0.85, 1.15) * (1.6 if kl else 1.0)
                if kl and wk < KL_LAUNCH + timedelta(days=21):
                    f_ *= 1.8
                if ch == "TikTok" and inw(wk, TIKTOK):
                    f_ *= 14
                if inw(wk, (DEEPAVALI_RUSH[0] - timedelta(days=7), DEEPAVALI_RUSH[1])):
                    f_ *= 1.3
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

    with tempfile.TemporaryDirectory(prefix="laundry-src-") as tmp:
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
