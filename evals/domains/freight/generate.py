"""Freight evaluation domain: HaulBridge, a US digital freight brokerage.

    python generate.py OUT.duckdb

Writes HaulBridge's own exports (seeded: the same files every run) to a temporary folder —

  quote_engine.jsonl        quote engine / shipper portal: visitorId, accountId after login,
                            UTC ISO times with Z
  crm_companies.csv         HubSpot-style company export (Title Case columns, Chicago time)
  tms_loads_<ZONE>.csv      TMS load status history, one file per shipper time zone (ET/CT/MT/PT):
                            'MM/DD/YYYY HH:MM' in the shipper's local time, a Zone column,
                            money written '$1,234.56'
  carrier_app.jsonl         carrier app events (camelCase, UTC): bids, assignment, GPS pings, POD
  billing_ar.csv            billing / AR: invoices issued, paid, past due (dates only, numeric USD)
  claims.csv                cargo claims (MM/DD/YYYY)
  support_tickets.csv       support desk tickets (ISO local time)
  surveys.csv               load ratings (1-5) and NPS (0-10), UTC
  weekly_marketing_spend.csv  marketing spend per channel per week (weeks start Sunday)

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
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261203
START = datetime(2025, 12, 3)
END = datetime(2026, 12, 3)  # as_of; data ends the day before
N_DAYS = (END - START).days
CHI = ZoneInfo("America/Chicago")
UTC = ZoneInfo("UTC")
ZONES = {
    "ET": "America/New_York",
    "CT": "America/Chicago",
    "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}

PORT_JAM = (datetime(2026, 6, 1), datetime(2026, 7, 6))  # Long Beach congestion
PEAK = (datetime(2026, 9, 1), datetime(2026, 12, 1))  # Q4 retail peak season (Sep-Nov)
FSC_CHANGE = datetime(2026, 4, 1)  # fuel surcharge 18% -> 24% of linehaul
TRADE_SHOW = datetime(2026, 3, 10)  # MODEX Atlanta: Lakeshore Home Goods won
FRAUD = (datetime(2026, 8, 3), datetime(2026, 8, 29))  # double-brokering carrier
LINKEDIN = (datetime(2026, 10, 1), datetime(2026, 11, 1))  # LinkedIn campaign

R = random.Random(SEED)

STATES = {
    "ET": ["GA", "NY", "NJ", "PA", "OH", "NC", "FL", "MI", "VA", "SC"],
    "CT": ["IL", "TX", "TN", "MO", "WI", "MN", "IN", "AL"],
    "MT": ["CO", "AZ", "UT"],
    "PT": ["CA", "WA", "OR", "NV"],
}
ZONE_W = [0.38, 0.34, 0.08, 0.2]
REGION_OF = {"ET": "East", "CT": "Central", "MT": "Mountain", "PT": "West"}
ALL_STATES = [s for v in STATES.values() for s in v]
SEGMENTS = ["Manufacturer", "Retailer", "Importer", "Distributor"]
SEG_W = [0.32, 0.26, 0.28, 0.14]
SIZES = ["1-49", "50-249", "250-999", "1000+"]
SIZE_W = [0.45, 0.32, 0.16, 0.07]
REPS = [
    "Jake Morrison",
    "Priya Shah",
    "Carlos Mendez",
    "Emily Tran",
    "Derek Olson",
    "Wei Zhang",
    "Lina Chen",
]
# quote-engine utm sources (as the portal writes them) and their weights for new visitors
SOURCES = ["google_ads", "linkedin", "tradeshow", "dat_marketplace", "referral", "direct"]
SOURCE_W = [0.36, 0.1, 0.04, 0.2, 0.12, 0.18]
MODES = ["FTL", "LTL", "Reefer", "Drayage"]
TMS_MODE = {"FTL": "TL-DRY VAN", "LTL": "LTL", "Reefer": "TL-REEFER", "Drayage": "DRAY"}
CARRIERS = [
    ("MC-118204", "Prairie Wind Transport"),
    ("MC-220931", "Blue Ox Freight"),
    ("MC-301557", "Gulf Coast Carriers"),
    ("MC-412870", "Sierra Line Trucking"),
    ("MC-509322", "Keystone Express"),
    ("MC-611048", "Red Rock Logistics"),
    ("MC-702215", "Harbor Dray Co"),
    ("MC-803391", "Peach State Drayage"),
    ("MC-904466", "Lone Star Reefer"),
    ("MC-115870", "Great Lakes Haulers"),
    ("MC-226604", "Cascade Freightways"),
    ("MC-337912", "Magnolia Trucking"),
]
FRAUD_CARRIER = ("MC-1290457", "Swift Lane Logistics LLC")


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
    return hashlib.md5(text.encode()).hexdigest()


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


WORK_HOURS = [0.1] * 6 + [
    0.5,
    1.5,
    3,
    3.5,
    3.5,
    3,
    2.5,
    3,
    3.2,
    3,
    2.5,
    1.6,
    1,
    0.7,
    0.5,
    0.3,
    0.2,
    0.1,
]


def at(d, hours=WORK_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


quotes, companies, tms, carrier, billing, claims, tickets, surveys = ([] for _ in range(8))
seq = {
    "acct": 40000,
    "tms": 7000,
    "load": 310000,
    "quote": 0,
    "vis": 0,
    "inv": 88000,
    "clm": 0,
    "tkt": 0,
    "evt": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Shipper:
    def __init__(self, source, name=None):
        self.visitor = "v_" + h(f"vis{nxt('vis')}")[:16]
        self.acct = None  # CRM / portal account id, known after sign-up (login)
        self.tms = None  # TMS customer code, assigned at the first booking
        self.source = source
        self.segment = pick(SEGMENTS, SEG_W)
        self.zone = pick(list(ZONES), ZONE_W)
        if self.segment == "Importer":
            self.zone = pick(["PT", "ET", "CT"], [0.55, 0.3, 0.15])
        self.state = R.choice(STATES[self.zone])
        self.size = pick(SIZES, SIZE_W)
        self.lang = "Chinese" if self.segment == "Importer" and chance(0.55) else "English"
        self.origin_port = (
            pick(["Shenzhen", "Ningbo"], [0.6, 0.4]) if self.segment == "Importer" else ""
        )
        self.rep = R.choice(REPS[5:] if self.lang == "Chinese" else REPS[:5])
        self.created = None
        self.name = name
        self.stage = "Lead"
        self.big = False


people = []


def signup(p, ts):
    if p.acct is None:
        p.acct = f"A{nxt('acct')}"
        p.created = ts
        companies.append(p)
        if within(ts):
            quotes.append((ts, p.visitor, p.acct, "account_created", None, p.source, {}))


def pick_mode(p, ts):
    if p.segment == "Importer":
        return pick(MODES, [0.25, 0.1, 0.05, 0.6])
    if p.segment == "Retailer":
        return pick(MODES, [0.45, 0.35, 0.12, 0.08])
    if p.segment == "Distributor":
        return pick(MODES, [0.4, 0.4, 0.15, 0.05])
    return pick(MODES, [0.55, 0.25, 0.18, 0.02])


def lane(p, mode):
    if mode == "Drayage":
        port = (
            pick(["Port of Long Beach", "Port of Los Angeles"], [0.55, 0.45])
            if p.zone in ("PT", "MT")
            else pick(
                ["Port of Savannah", "Port of Long Beach", "Port of Los Angeles"], [0.7, 0.15, 0.15]
            )
        )
        o = "GA" if port == "Port of Savannah" else "CA"
        dest = (
            o
            if chance(0.7)
            else R.choice(["AZ", "NV", "TX"] if o == "CA" else ["SC", "NC", "FL", "TN"])
        )
        miles = R.uniform(15, 90) if dest == o else R.uniform(250, 620)
        return port, o, dest, miles
    o = p.state
    dest = R.choice([s for s in ALL_STATES if s != o])
    miles = R.uniform(180, 2400) if mode != "LTL" else R.uniform(120, 1500)
    return "", o, dest, miles


def price(mode, miles, ts):
    per_mile = {"FTL": 2.35, "LTL": 1.1, "Reefer": 2.85, "Drayage": 4.2}[mode]
    linehaul = max(350.0 if mode != "LTL" else 180.0, miles * per_mile * R.uniform(0.85, 1.2))
    if mode == "Drayage":
        linehaul = max(linehaul, R.uniform(420, 780))
    if inw(ts, PEAK):
        linehaul *= 1.12
    fsc_rate = 0.24 if ts >= FSC_CHANGE else 0.18
    return round(linehaul, 2), round(linehaul * fsc_rate, 2)


def request_quote(p, ts, source, p_accept):
    """A quote request in the portal; returns the booking time if accepted."""
    if not within(ts):
        return None
    mode = pick_mode(p, ts)
    port, o, dest, miles = lane(p, mode)
    linehaul, fsc = price(mode, miles, ts)
    qid = f"Q-{nxt('quote'):07d}"
    info = {
        "mode": mode,
        "originState": o,
        "destinationState": dest,
        "quotedRateUsd": round(linehaul + fsc, 2),
    }
    quotes.append((ts, p.visitor, p.acct, "quote_requested", qid, source, info))
    if ts >= FSC_CHANGE:
        p_accept *= 0.88  # the higher fuel surcharge costs some bookings
    if not chance(p_accept):
        if chance(0.5):
            quotes.append(
                (
                    ts + timedelta(hours=R.uniform(24, 72)),
                    p.visitor,
                    p.acct,
                    "quote_expired",
                    qid,
                    source,
                    info,
                )
            )
        return None
    signup(p, ts + timedelta(minutes=R.uniform(1, 6)))
    t = ts + (
        timedelta(minutes=R.uniform(5, 90)) if chance(0.7) else timedelta(hours=R.uniform(3, 60))
    )
    if not within(t):
        return None
    quotes.append((t, p.visitor, p.acct, "quote_accepted", qid, source, info))
    book_load(
        p,
        t + timedelta(minutes=R.uniform(1, 4)),
        "Portal",
        mode,
        port,
        o,
        dest,
        miles,
        linehaul,
        fsc,
        qid,
    )
    return t


def book_load(
    p, ts, how, mode=None, port=None, o=None, dest=None, miles=None, linehaul=None, fsc=None, qid=""
):
    if not within(ts):
        return
    if p.tms is None:
        p.tms = f"HB{nxt('tms'):05d}"
        p.stage = "Customer"
    if mode is None:
        mode = pick_mode(p, ts)
        port, o, dest, miles = lane(p, mode)
        linehaul, fsc = price(mode, miles, ts)
    load = f"L{nxt('load')}"
    cost = linehaul * R.uniform(0.78, 0.88) + fsc * 0.95
    st = {
        "load": load,
        "p": p,
        "mode": mode,
        "port": port,
        "o": o,
        "d": dest,
        "miles": round(miles),
    }
    st.update(rate=linehaul + fsc, linehaul=linehaul, fsc=fsc, cost=cost, how=how)
    tms.append(("BOOKED", ts, st, ""))
    # carriers bid on the load board
    n_bids = R.randint(1, 3)
    fraud = inw(ts, FRAUD) and mode in ("FTL", "Reefer") and chance(0.22)
    tb = ts
    for _ in range(n_bids):
        tb = tb + timedelta(minutes=R.uniform(4, 90))
        carrier.append(("carrierBid", tb, st, R.choice(CARRIERS), {}))
    cr = FRAUD_CARRIER if fraud else R.choice(CARRIERS[6:8] if mode == "Drayage" else CARRIERS)
    if fraud:
        carrier.append(("carrierBid", tb + timedelta(minutes=3), st, cr, {}))
    ta = tb + timedelta(minutes=R.uniform(10, 120))
    carrier.append(("loadAssigned", ta, st, cr, {}))
    tms.append(("COVERED", ta + timedelta(minutes=R.uniform(1, 10)), st, cr[1]))
    pickup = ts + timedelta(hours=R.uniform(16, 72))
    pickup = pickup.replace(hour=R.choice([6, 7, 8, 9, 10, 13, 14]), minute=R.randrange(60))
    if pickup < ta:
        pickup = ta + timedelta(hours=2)
    jam = 1.0
    if mode == "Drayage":
        transit_h = R.uniform(8, 30) if miles < 100 else R.uniform(20, 48)
        if port == "Port of Long Beach" and inw(pickup, PORT_JAM):
            jam = R.uniform(2.0, 3.6)  # terminal queues, chassis shortage
        elif port == "Port of Los Angeles" and inw(pickup, PORT_JAM):
            jam = R.uniform(1.0, 1.3)
    else:
        transit_h = miles / 45 * R.uniform(1.0, 1.6) + (48 if mode == "LTL" else 0) * R.uniform(
            0.5, 1.2
        )
    appt = pickup + timedelta(hours=transit_h * 1.12 + R.uniform(1, 8))
    transit_h *= jam
    delivered = pickup + timedelta(hours=transit_h * R.uniform(0.92, 1.08))
    if chance(0.06):
        delivered += timedelta(hours=R.uniform(4, 30))
    st["appt"] = appt
    if not within(pickup):
        return
    tms.append(("PICKED_UP", pickup, st, cr[1]))
    carrier.append(("pickupConfirmed", pickup + timedelta(minutes=R.uniform(0, 8)), st, cr, {}))
    if fraud:
        # double brokered: the load disappears; pings stop after pickup
        carrier.append(("gpsPing", pickup + timedelta(hours=R.uniform(1, 4)), st, cr, {}))
        if chance(0.45):
            d2 = pickup + timedelta(days=R.uniform(4, 12))
            st["late"] = True
            if within(d2):
                tms.append(("DELIVERED", d2, st, cr[1]))
                st["delivered"] = d2
            claim(
                p,
                st,
                d2 + timedelta(days=R.uniform(0, 5)),
                pick(["Shortage", "Damage"], [0.6, 0.4]),
                cr,
            )
        else:
            claim(p, st, pickup + timedelta(days=R.uniform(3, 10)), "Non-Delivery", cr)
        ticket(p, pickup + timedelta(days=R.uniform(1, 4)), "Tracking / where is my load", mood=2.0)
        return
    for k in range(max(1, int(transit_h // 8))):
        tp = pickup + timedelta(hours=(k + 1) * min(8, transit_h / 2))
        if tp < delivered and k < 3:
            carrier.append(("gpsPing", tp, st, cr, {}))
    if not within(delivered):
        return
    late = delivered > appt
    st["late"] = late
    st["delivered"] = delivered
    tms.append(("DELIVERED", delivered, st, cr[1]))
    tpod = delivered + timedelta(hours=R.uniform(0.2, 30) if chance(0.9) else R.uniform(30, 120))
    if within(tpod):
        carrier.append(("podUploaded", tpod, st, cr, {}))
    if late and (mode == "Drayage" or chance(0.25)) and chance(0.45):
        claim(p, st, delivered + timedelta(days=R.uniform(1, 10)), "Late Delivery Penalty", cr)
    elif chance(0.012):
        claim(
            p,
            st,
            delivered + timedelta(days=R.uniform(1, 10)),
            pick(["Damage", "Shortage"], [0.7, 0.3]),
            cr,
        )
    if late and chance(0.2):
        ticket(
            p,
            delivered - timedelta(hours=R.uniform(1, 20)),
            "Tracking / where is my load",
            mood=1.0,
        )
    # invoice (net 30)
    inv_date = (tpod + timedelta(days=R.uniform(0, 2))).date()
    inv_dt = datetime(inv_date.year, inv_date.month, inv_date.day)
    if within(inv_dt):
        inv = f"INV-{nxt('inv')}"
        st["inv"] = inv
        st["inv_date"] = inv_dt
        billing.append(("ISSUED", inv_dt, st))
        pay_days = R.gauss(27, 6) if p.size != "1-49" else R.gauss(31, 9)
        if p.segment == "Importer" and p.size == "1-49":
            pay_days += 6
        due = inv_dt + timedelta(days=30)
        paid = inv_dt + timedelta(days=max(3, round(pay_days)))
        if paid > due and within(due + timedelta(days=1)):
            billing.append(("PAST_DUE", due + timedelta(days=1), st))
        if within(paid):
            billing.append(("PAID", paid, st))
    # ratings
    if chance(0.3):
        tr = delivered + timedelta(hours=R.uniform(2, 72))
        if within(tr):
            mean = 4.4 - (1.6 if late else 0) - (0.6 if mode == "Drayage" and late else 0)
            surveys.append(("LOAD_RATING", tr, p, max(1, min(5, round(R.gauss(mean, 0.8)))), load))
    if chance(0.025):
        ticket(
            p,
            delivered + timedelta(days=R.uniform(1, 20)),
            pick(["Billing question", "Rate dispute"], [0.6, 0.4]),
        )


def claim(p, st, ts, kind, cr):
    if not within(ts):
        return
    amt = {
        "Late Delivery Penalty": R.uniform(150, 600),
        "Damage": R.uniform(400, 12000),
        "Shortage": R.uniform(300, 9000),
        "Non-Delivery": R.uniform(8000, 60000),
    }[kind]
    status = pick(["Paid", "Denied", "Open"], [0.6, 0.25, 0.15])
    claims.append(
        (f"CLM-{nxt('clm'):05d}", st["load"], p.tms, ts, kind, round(amt, 2), status, cr[0], cr[1])
    )
    if chance(0.6):
        ticket(p, ts + timedelta(hours=R.uniform(1, 48)), "Claim follow-up", mood=1.0)


def ticket(p, ts, cat, mood=0.0):
    if not within(ts) or p.acct is None:
        return
    ch = pick(["Email", "Phone", "Portal Chat"], [0.5, 0.3, 0.2])
    if p.lang == "Chinese" and chance(0.5):
        ch = "WeChat"
    fr = {
        "Email": R.uniform(0.3, 9),
        "Phone": R.uniform(0.02, 0.4),
        "Portal Chat": R.uniform(0.03, 0.6),
        "WeChat": R.uniform(0.1, 3),
    }[ch]
    if inw(ts, (FRAUD[0] + timedelta(days=7), FRAUD[1] + timedelta(days=14))):
        fr *= 2.5  # claims team swamped
    if inw(ts, PEAK):
        fr *= 1.3
    res = fr + R.uniform(2, 72) * (2.5 if cat == "Claim follow-up" else 1.0)
    closed = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.2 - mood * 0.7, 0.9))))
    prio = (
        "High" if mood >= 1.5 or cat == "Claim follow-up" else pick(["Normal", "Low"], [0.8, 0.2])
    )
    tickets.append(
        (
            f"T{nxt('tkt'):06d}",
            p.acct,
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END and chance(0.96) else None,
            cat,
            ch,
            prio,
            csat,
        )
    )


def demand_weight(p, d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() >= 5:
        w *= 0.15
    if p.segment == "Retailer" and inw(dt, PEAK):
        w *= 2.3
    if p.segment == "Importer" and inw(dt, (datetime(2026, 7, 15), datetime(2026, 11, 1))):
        w *= 1.5
    if inw(dt, (datetime(2025, 12, 20), datetime(2026, 1, 4))):
        w *= 0.5
    return w


def visitor(d, source=None):
    """A prospect who comes to the portal and asks for a quote."""
    source = source or pick(SOURCES, SOURCE_W)
    p = Shipper(source)
    people.append(p)
    t = at(d)
    p_accept = {
        "google_ads": 0.2,
        "linkedin": 0.16,
        "tradeshow": 0.34,
        "dat_marketplace": 0.26,
        "referral": 0.38,
        "direct": 0.28,
    }[source]
    if source == "linkedin" and inw(t, LINKEDIN):
        p_accept = 0.035  # curious, not ready to ship
    if chance(0.35):
        signup(p, t - timedelta(minutes=R.uniform(1, 5)))
    booked = None
    for i in range(R.choice([1, 1, 1, 2, 2, 3])):
        if i:
            t = t + timedelta(days=R.uniform(0.2, 12))
        booked = request_quote(p, t, source if i == 0 or chance(0.5) else "direct", p_accept)
        if booked:
            break
    if booked and chance(0.55):
        # an active shipper: more loads over the year
        rate = (
            R.uniform(0.01, 0.08)
            * {"1-49": 0.6, "50-249": 1.0, "250-999": 1.8, "1000+": 3.0}[p.size]
        )
        repeat_loads(p, booked + timedelta(days=1), rate)
    return p


def repeat_loads(p, start, rate):
    d = start.date()
    while d < END.date():
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(rate * demand_weight(p, d))):
            t = at(d)
            if chance(0.55):
                src = pick(["direct", "google_ads", "referral"], [0.8, 0.15, 0.05])
                request_quote(p, t, src, 0.72)
            else:
                book_load(
                    p,
                    t,
                    pick(["Sales Rep", "EDI"], [0.6, 0.4]) if p.size != "1-49" else "Sales Rep",
                )
        if dt.month in (12,) and chance(0.002):
            break
        d += timedelta(days=1)


def existing_shipper():
    p = Shipper(pick(SOURCES, [0.3, 0.08, 0.14, 0.16, 0.2, 0.12]))
    people.append(p)
    p.acct = f"A{nxt('acct')}"
    p.created = START - timedelta(days=R.uniform(20, 1500), hours=R.uniform(0, 10))
    p.tms = f"HB{nxt('tms'):05d}"
    p.stage = "Customer"
    companies.append(p)
    if chance(0.18):
        return p  # churned: no loads this year
    rate = (
        R.uniform(0.01, 0.12) * {"1-49": 0.5, "50-249": 1.0, "250-999": 1.7, "1000+": 2.6}[p.size]
    )
    repeat_loads(p, START, rate)
    return p


def big_shipper():
    """Lakeshore Home Goods: met at MODEX (Atlanta) in March, ships from April on."""
    p = Shipper("tradeshow", "Lakeshore Home Goods")
    people.append(p)
    p.segment, p.zone, p.state, p.size, p.lang, p.origin_port = (
        "Retailer",
        "CT",
        "IL",
        "1000+",
        "English",
        "",
    )
    p.rep = "Jake Morrison"
    p.big = True
    signup(p, TRADE_SHOW + timedelta(days=2, hours=10, minutes=14))
    request_quote(p, TRADE_SHOW + timedelta(days=2, hours=10, minutes=30), "tradeshow", 1.0)
    request_quote(p, TRADE_SHOW + timedelta(days=9, hours=14), "tradeshow", 1.0)
    d = datetime(2026, 4, 6).date()
    while d < END.date():
        for _ in range(poisson(1.6 * demand_weight(p, d))):
            book_load(p, at(d), "EDI")
        d += timedelta(days=1)
    return p


def simulate():
    for _ in range(1500):
        existing_shipper()
    big_shipper()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = 0.35 if d.weekday() >= 5 else 1.0
        if inw(dt, PEAK):
            w *= 1.25
        if inw(dt, (datetime(2025, 12, 20), datetime(2026, 1, 4))):
            w *= 0.5
        for _ in range(poisson(13 * w)):
            visitor(d)
        if inw(dt, LINKEDIN):
            for _ in range(poisson(14 * w)):
                visitor(d, "linkedin")
        if inw(dt, (TRADE_SHOW, TRADE_SHOW + timedelta(days=10))):
            for _ in range(poisson(6)):
                visitor(d, "tradeshow")
    # NPS: quarterly survey to customers
    defrauded = {c[2] for c in claims if c[7] == FRAUD_CARRIER[0]}
    for p in companies:
        if p.tms is None:
            continue
        for q in (
            datetime(2026, 1, 12),
            datetime(2026, 4, 13),
            datetime(2026, 7, 13),
            datetime(2026, 10, 12),
        ):
            if p.created and p.created < q and chance(0.22):
                t = q + timedelta(days=R.uniform(0, 10), hours=R.uniform(8, 17))
                mean = 7.8 if not p.big else 8.6
                if q.month == 7 and p.segment == "Importer" and p.zone == "PT":
                    mean = 5.4  # drayage delays at Long Beach
                if q.month == 10 and p.tms in defrauded:
                    mean = 4.5
                surveys.append(("NPS", t, p, max(0, min(10, round(R.gauss(mean, 1.8)))), ""))


def local(ts, zone):
    """Naive Chicago time -> naive time in the given IANA zone."""
    return ts.replace(tzinfo=CHI).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def utc(ts):
    return ts.replace(tzinfo=CHI).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def money(v):
    return f"${v:,.2f}"


def write(folder: Path):
    src_name = {s: s for s in SOURCES}
    with open(folder / "quote_engine.jsonl", "w") as f:
        for ts, vis, acct, ev, qid, src, info in sorted(quotes, key=lambda r: (r[0], r[1], r[3])):
            if not within(ts):
                continue
            obj = {
                "event": ev,
                "createdAt": utc(ts),
                "visitorId": vis,
                "accountId": acct,
                "quoteId": qid,
                "utmSource": src_name[src],
            }
            obj.update(info)
            f.write(json.dumps(obj) + "\n")
    stage_txt = {"Lead": "lead", "Customer": "customer"}
    src_crm = {
        "google_ads": "Paid Search",
        "linkedin": "Paid Social",
        "tradeshow": "Offline Sources",
        "dat_marketplace": "Other Campaigns",
        "referral": "Referrals",
        "direct": "Direct Traffic",
    }
    with open(folder / "crm_companies.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Record ID",
                "Company Name",
                "Create Date",
                "Original Source",
                "Lifecycle Stage",
                "Industry Segment",
                "HQ State",
                "Region",
                "Number of Employees",
                "Preferred Language",
                "Origin Port",
                "Company Owner",
                "TMS Customer Code",
            ]
        )
        for p in sorted(companies, key=lambda p: p.acct):
            name = p.name or f"Shipper {p.acct[1:]}"
            w.writerow(
                [
                    p.acct,
                    name,
                    f"{p.created:%Y-%m-%d %H:%M}",
                    src_crm[p.source],
                    stage_txt[p.stage],
                    p.segment,
                    p.state,
                    REGION_OF[p.zone],
                    p.size,
                    p.lang,
                    p.origin_port,
                    p.rep,
                    p.tms or "",
                ]
            )
    files = {z: [] for z in ZONES}
    for kind, ts, st, cname in tms:
        if within(ts):
            files[st["p"].zone].append((kind, ts, st, cname))
    for z, rows in files.items():
        with open(folder / f"tms_loads_{z}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "Load #",
                    "Customer Code",
                    "Status",
                    "Status Date/Time",
                    "Zone",
                    "Booked Via",
                    "Equipment",
                    "Origin St",
                    "Dest St",
                    "Port",
                    "Miles",
                    "Customer Rate",
                    "Carrier Cost",
                    "Carrier",
                    "On Time",
                ]
            )
            for kind, ts, st, cname in sorted(rows, key=lambda r: (r[1], r[2]["load"], r[0])):
                ontime = ""
                if kind == "DELIVERED":
                    ontime = "N" if st.get("late") else "Y"
                w.writerow(
                    [
                        st["load"],
                        st["p"].tms,
                        kind,
                        f"{local(ts, ZONES[z]):%m/%d/%Y %H:%M}",
                        z,
                        st["how"],
                        TMS_MODE[st["mode"]],
                        st["o"],
                        st["d"],
                        st["port"],
                        st["miles"],
                        money(st["rate"]),
                        money(st["cost"]),
                        cname,
                        ontime,
                    ]
                )
    with open(folder / "carrier_app.jsonl", "w") as f:
        for kind, ts, st, cr, _ in sorted(carrier, key=lambda r: (r[1], r[2]["load"], r[0])):
            if not within(ts):
                continue
            obj = {
                "eventType": kind,
                "eventTimeUtc": utc(ts),
                "loadNumber": st["load"],
                "shipperCode": st["p"].tms,
                "carrierMc": cr[0],
                "carrierName": cr[1],
                "equipmentType": st["mode"].lower(),
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "billing_ar.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "invoice_no",
                "customer_code",
                "load_no",
                "doc_status",
                "status_date",
                "invoice_amount_usd",
                "linehaul_usd",
                "fuel_surcharge_usd",
                "carrier_pay_usd",
                "amount_paid_usd",
                "balance_due_usd",
                "terms",
            ]
        )
        for kind, ts, st in sorted(billing, key=lambda r: (r[1], r[2]["inv"], r[0])):
            issued = kind == "ISSUED"
            w.writerow(
                [
                    st["inv"],
                    st["p"].tms,
                    st["load"],
                    kind,
                    f"{ts:%Y-%m-%d}",
                    f"{st['rate']:.2f}" if issued else "",
                    f"{st['linehaul']:.2f}" if issued else "",
                    f"{st['fsc']:.2f}" if issued else "",
                    f"{st['cost']:.2f}" if issued else "",
                    f"{st['rate']:.2f}" if kind == "PAID" else "",
                    f"{st['rate']:.2f}" if kind == "PAST_DUE" else "",
                    "NET30",
                ]
            )
    with open(folder / "claims.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Claim #",
                "Load #",
                "Customer Code",
                "Filed Date",
                "Claim Type",
                "Claim Amount",
                "Claim Status",
                "Carrier MC",
                "Carrier Name",
            ]
        )
        for r in sorted(claims, key=lambda r: r[0]):
            w.writerow(
                [r[0], r[1], r[2], f"{r[3]:%m/%d/%Y}", r[4], f"{r[5]:.2f}", r[6], r[7], r[8]]
            )

    def iso(ts):
        return f"{ts:%Y-%m-%dT%H:%M:%S}" if ts else ""

    with open(folder / "support_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_id",
                "account_id",
                "created_at",
                "first_response_at",
                "closed_at",
                "category",
                "channel",
                "priority",
                "satisfaction",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    iso(r[2]),
                    iso(r[3] if r[3] < END else None),
                    iso(r[4]),
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                ]
            )
    with open(folder / "surveys.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["survey_type", "submitted_utc", "account_id", "score", "load_no"])
        for kind, ts, p, score, load in sorted(surveys, key=lambda r: (r[1], r[2].acct)):
            w.writerow([kind, utc(ts), p.acct, score, load])
    with open(folder / "weekly_marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week Starting", "Channel", "Spend (USD)"])
        base = {
            "Google Ads": 5200,
            "LinkedIn Ads": 1500,
            "DAT Marketplace Listing": 900,
            "Referral Program": 400,
        }
        wk = datetime(2025, 11, 30)  # a Sunday
        while wk < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch == "LinkedIn Ads" and inw(wk + timedelta(days=3), LINKEDIN):
                    f_ *= 6.5
                if ch == "Google Ads" and inw(wk, PEAK):
                    f_ *= 1.3
                w.writerow([f"{wk.month}/{wk.day}/{wk.year}", ch, f"{amt * f_:.2f}"])
            if inw(wk, (datetime(2026, 3, 8), datetime(2026, 3, 15))):
                w.writerow([f"{wk.month}/{wk.day}/{wk.year}", "Trade Shows", "38500.00"])
            if inw(wk, (datetime(2026, 9, 13), datetime(2026, 9, 20))):
                w.writerow([f"{wk.month}/{wk.day}/{wk.year}", "Trade Shows", "21000.00"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="freight-src-") as tmp:
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
