"""Museum evaluation domain: the Harbourside Museum of Science, Bristol (UK).

    python generate.py OUT.duckdb

Writes the museum's own exports (seeded: the same files every run) to a temporary folder —

  web_events.csv            web analytics: event_timestamp (UTC, Z), client_id, account_id (only
                            after login), event_name (snake_case), traffic_source, device_category
  web_transactions.csv      web ecommerce report: client_id <-> transaction_id (booking ref)
  ticketing_orders.csv      ticketing system orders: Order Ref, Customer Account (blank for guests),
                            Customer Email (hashed), Order Date 'DD/MM/YYYY HH:MM' (UK time),
                            Visit Date, Slot, Product, Qty, Order Total '£12.00', Donation,
                            Gift Aid
  ticketing_tickets.csv     one row per ticket: Barcode, Order Ref, Ticket Type
  gate_scans.jsonl          gate scanners: barcode, scanned_at (UTC ISO), gate
  crm_memberships.csv       CRM membership actions: Joined / Renewed / Lapsed, type, plan, value
  visitor_survey.csv        post-visit survey: recommend 1-10, visit rating 1-5
  mailbox_tickets.csv       service mailbox: refunds, accessibility, lost property, complaints
  marketing_spend.csv       monthly marketing spend sheet

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
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261203
START = datetime(2025, 12, 3)
END = datetime(2026, 12, 3)  # as_of (Thursday); data ends the day before
N_DAYS = (END - START).days
LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")

DINO = (datetime(2026, 3, 1), datetime(2026, 9, 1))  # Dinosaurs: Age of Giants, 1 Mar - 31 Aug
PLANET_CLOSED = (datetime(2026, 1, 5), datetime(2026, 1, 26))  # refurbishment, Mon 5 - Sun 25 Jan
OUTAGE = (
    datetime(2026, 10, 17, 7, 0),
    datetime(2026, 10, 17, 19, 0),
)  # ticketing site down, Sat 17 Oct
PRICE_RISE = datetime(2026, 4, 1)  # membership prices up
TIKTOK = (datetime(2026, 11, 2), datetime(2026, 11, 30))  # TikTok campaign for young adults
CLOSED_DAYS = {date(2025, 12, 24), date(2025, 12, 25), date(2025, 12, 26)}
HOLIDAYS = [  # Bristol school holidays in the period
    (date(2025, 12, 19), date(2026, 1, 5), 1.4),
    (date(2026, 2, 16), date(2026, 2, 21), 1.6),
    (date(2026, 3, 30), date(2026, 4, 11), 2.0),  # Easter
    (date(2026, 5, 25), date(2026, 5, 30), 1.5),
    (date(2026, 7, 22), date(2026, 9, 1), 2.1),  # summer
    (date(2026, 10, 26), date(2026, 10, 31), 2.0),  # October half term
]

R = random.Random(SEED)

# prices (GBP): product -> ticket type -> price
PRICES = {
    "General Admission": {"Adult": 0, "Child": 0, "Concession": 0},
    "Dinosaurs: Age of Giants": {"Adult": 16, "Child": 10, "Concession": 13, "Member": 0},
    "Planetarium Show": {"Adult": 7, "Child": 5, "Concession": 6, "Member": 0},
    "Science Lates (18+)": {"Adult": 12},
}
PARTIES = [  # (adults, children, concessions), weight
    ((1, 0, 0), 3),
    ((2, 0, 0), 4),
    ((1, 1, 0), 2),
    ((1, 2, 0), 2),
    ((2, 1, 0), 3),
    ((2, 2, 0), 4),
    ((2, 3, 0), 1),
    ((0, 0, 1), 1),
    ((0, 0, 2), 2),
    ((1, 0, 1), 1),
]
SCHOOL_SIZES = [15, 20, 25, 28, 30, 32, 45, 60]
SCHOOL_RATE = 4  # per pupil, workshops
DONATIONS = [0, 0, 0, 0, 2, 3, 3, 5, 10]
MEMBER_ANNUAL = {"Individual": (60, 66), "Joint": (95, 105), "Family": (120, 135)}
MEMBER_MONTHLY = {"Individual": (5.5, 6.1), "Joint": (8.5, 9.4), "Family": (10.5, 11.8)}

SOURCES = [
    "google_ads",
    "meta",
    "newsletter",
    "tripadvisor",
    "partner_hotel",
    "tourist_info",
    "organic",
    "direct",
    "referral",
]
SOURCE_W = [0.2, 0.12, 0.0, 0.09, 0.05, 0.04, 0.26, 0.19, 0.05]
P_BOOK = {
    "google_ads": 0.42,
    "meta": 0.26,
    "newsletter": 0.5,
    "tripadvisor": 0.36,
    "partner_hotel": 0.55,
    "tourist_info": 0.38,
    "organic": 0.34,
    "direct": 0.45,
    "referral": 0.3,
    "tiktok": 0.05,
}
AGE_BANDS = ["16-24", "25-34", "35-44", "45-54", "55-64", "65+"]
AGE_W = [0.07, 0.2, 0.3, 0.2, 0.12, 0.11]
POSTCODES = ["BS", "BA", "GL", "CF/NP", "TA", "SN", "Other UK"]
POSTCODE_W = [0.55, 0.1, 0.08, 0.07, 0.06, 0.05, 0.09]


def chance(p):
    return R.random() < p


def pick(opts, w=None):
    return R.choices(opts, weights=w)[0] if w else R.choice(opts)


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text, n=16):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def dt(d):
    return datetime(d.year, d.month, d.day)


def holiday(d):
    for a, b, f in HOLIDAYS:
        if a <= d < b:
            return f
    return 0.0


WEB_HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.5,
    2.5,
    3,
    3,
    3,
    3,
    2.8,
    2.6,
    2.6,
    2.8,
    3,
    3.6,
    4.5,
    4.8,
    4,
    2.5,
    0.8,
]


def at(d, hours=WEB_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


SLOTS = [
    "10:00",
    "10:30",
    "11:00",
    "11:30",
    "12:00",
    "12:30",
    "13:00",
    "13:30",
    "14:00",
    "14:30",
    "15:00",
    "15:30",
]
SLOT_W = [5, 5, 6, 6, 5, 4, 4, 4, 4, 3, 2, 1]

web_rows, web_tx, orders, tickets, scans, crm, survey, mailbox = ([] for _ in range(8))
seq = {
    "acct": 300000,
    "order": 700000,
    "bar": 0,
    "cli": 0,
    "sup": 50000,
    "card": 0,
    "mail": 0,
    "resp": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, age=None):
        self.client = None
        self.acct = None
        self.email = None
        self.logged_in = False
        self.age = age or pick(AGE_BANDS, AGE_W)
        self.member = None  # dict when a member
        self.device = pick(["mobile", "desktop", "tablet"], [0.62, 0.31, 0.07])

    def ensure_email(self):
        if self.email is None:
            self.email = h(f"email{nxt('cli')}", 24)
        return self.email

    def ensure_acct(self):
        if self.acct is None:
            self.acct = f"HMS{nxt('acct')}"
        self.ensure_email()
        return self.acct


def web(p, ts, name, source, section="", value=""):
    if not within(ts):
        return False
    if p.client is None:
        p.client = f"{R.randrange(10**9, 10**10)}.{1700000000 + nxt('cli')}"
    web_rows.append(
        (ts, p.client, p.acct if p.logged_in else "", name, source, p.device, section, value)
    )
    return True


def party():
    return pick([c for c, _ in PARTIES], [w for _, w in PARTIES])


def place_order(
    p, ts, product, visit_day, slot, channel, comp=None, member=False, guest=False, school=0
):
    """A ticketing order, its tickets, the gate scans on the visit day, survey and mail."""
    if not within(ts):
        return None
    ref = f"HB{nxt('order')}"
    if school:
        total = school * SCHOOL_RATE
        ticket_types = ["School Group"]  # one group ticket
    else:
        a, c, k = comp or party()
        if member:
            ticket_types = ["Member"] * max(1, a + c)
        else:
            ticket_types = ["Adult"] * a + ["Child"] * c + ["Concession"] * k
        prices = PRICES[product]
        total = sum(prices.get(t, 0) for t in ticket_types)
    donation = (
        pick(DONATIONS) if channel in ("Online", "Phone") and not school and total == 0 else 0
    )
    if total > 0 and channel == "Online" and chance(0.18):
        donation = pick([2, 3, 5])
    gift_aid = ""
    if donation:
        gift_aid = "Yes" if chance(0.55) else "No"
    acct = ""
    email = ""
    if channel in ("Online", "Phone", "Schools Desk"):
        email = p.ensure_email()
        if not guest:
            acct = p.ensure_acct()
    elif channel == "Box Office" and p.email and chance(0.3):
        email = p.email
    orders.append(
        (
            ref,
            acct,
            email,
            ts,
            visit_day,
            slot,
            product,
            school or len(ticket_types),
            f"£{total:.2f}",
            f"£{donation:.2f}" if donation else "",
            gift_aid,
            channel,
        )
    )
    if channel == "Online" and p.client and chance(0.92):
        web_tx.append(
            (p.client, ref, ts + timedelta(seconds=R.randint(2, 40)), f"{total + donation:.2f}")
        )
    bars = []
    for t in ticket_types:
        bc = f"{nxt('bar'):010d}"
        tickets.append((bc, ref, t, product))
        bars.append(bc)
    p.last_ref = ref
    # the visit
    hh, mm = map(int, slot.split(":"))
    vt = datetime(visit_day.year, visit_day.month, visit_day.day, hh, mm)
    if visit_day in CLOSED_DAYS or not within(vt):
        return ref
    show = 0.8 if total == 0 and not school else 0.95
    if not chance(show):
        return ref
    entry = vt + timedelta(minutes=R.uniform(-10, 20))
    for bc in bars:
        scans.append((bc, entry + timedelta(seconds=R.randint(0, 90)), pick(["MAIN-A", "MAIN-B"])))
    if product == "Dinosaurs: Age of Giants":
        ex = entry + timedelta(minutes=R.uniform(5, 60))
        for bc in bars:
            scans.append((bc, ex + timedelta(seconds=R.randint(0, 60)), "EXH-1"))
    if product == "Planetarium Show":
        pt = entry + timedelta(minutes=R.uniform(5, 40))
        for bc in bars:
            scans.append((bc, pt + timedelta(seconds=R.randint(0, 60)), "PLN-1"))
    after_visit(p, entry, ref, product, visit_day, school)
    return ref


def after_visit(p, entry, ref, product, visit_day, school):
    hol = holiday(visit_day)
    if chance(0.2 if not school else 0.3):
        mean = 8.1
        if product == "Dinosaurs: Age of Giants":
            mean += 0.6
        if product == "Planetarium Show" and entry >= PLANET_CLOSED[1]:
            mean += 0.5
        if hol >= 2.0:
            mean -= 0.9  # crowds
        if p.age in ("16-24", "25-34") and product == "Science Lates (18+)":
            mean += 0.4
        rec = max(1, min(10, round(R.gauss(mean, 1.5))))
        rating = max(1, min(5, round(R.gauss(1.2 + rec * 0.38, 0.6))))
        t = entry + timedelta(hours=R.uniform(6, 72))
        if within(t):
            comment = ""
            if chance(0.35):
                if rec >= 9:
                    comment = pick(
                        [
                            "Kids loved the dinosaurs",
                            "Brilliant day out",
                            "Planetarium was amazing",
                            "Great staff",
                        ]
                    )
                elif rec <= 6:
                    comment = pick(
                        [
                            "Far too busy",
                            "Cafe queue was huge",
                            "Expensive for a family",
                            "Hard to find parking",
                            "Exhibits broken",
                        ]
                    )
                else:
                    comment = pick(["Good visit", "Nice cafe", "Would come back"])
            survey.append(
                (
                    f"R{nxt('resp'):06d}",
                    ref,
                    t,
                    rec,
                    rating,
                    "School visit" if school else product,
                    p.age,
                    comment,
                )
            )
    if chance(0.025):
        mail(
            p,
            entry + timedelta(hours=R.uniform(3, 96)),
            pick(["Lost property", "Lost property", "Complaint", "Accessibility request"]),
            ref,
        )
    if chance(0.012):
        mail(p, entry - timedelta(days=R.uniform(1, 6)), "Accessibility request", ref)
    if chance(0.015):
        mail(
            p,
            entry - timedelta(days=R.uniform(0.5, 5)),
            pick(["Refund request", "Booking change"]),
            ref,
        )


def mail(p, ts, category, ref="", complaint=None, mood=0.0):
    if not within(ts):
        return
    busy = 1.7 if holiday(ts.date()) >= 2.0 else 1.0
    if OUTAGE[0] <= ts < OUTAGE[0] + timedelta(days=3):
        busy = 3.0
    fr = math.exp(R.gauss(math.log(4.5), 0.8)) * busy
    base = {
        "Refund request": 30,
        "Accessibility request": 10,
        "Lost property": 48,
        "Complaint": 36,
        "Booking change": 8,
        "Membership query": 20,
    }
    res = fr + math.exp(R.gauss(math.log(base[category]), 0.6))
    closed = ts + timedelta(hours=res)
    if complaint is None:
        complaint = category == "Complaint" or (category == "Refund request" and chance(0.3))
    sat = ""
    if chance(0.4):
        sat = max(1, min(5, round(R.gauss(4.0 - mood - (0.8 if complaint else 0), 0.9))))
    mailbox.append(
        (
            f"{nxt('mail'):05d}",
            p.ensure_email(),
            ref,
            ts,
            ts + timedelta(hours=fr) if ts + timedelta(hours=fr) < END else None,
            closed if closed < END and chance(0.97) else None,
            category,
            "Yes" if complaint else "No",
            sat,
            pick(["Email", "Web Form"], [0.6, 0.4]),
        )
    )


def visit_day_for(ts, lead_max):
    for _ in range(20):
        d = (ts + timedelta(days=R.choice([0, 0, 1, 2]) + R.uniform(0, lead_max))).date()
        if d not in CLOSED_DAYS:
            return d
    return ts.date()


def choose_product(d, source, p):
    day = dt(d)
    opts, w = ["General Admission", "Planetarium Show"], [0.68, 0.32]
    if inw(day, DINO):
        opts, w = (
            ["General Admission", "Planetarium Show", "Dinosaurs: Age of Giants"],
            [0.35, 0.15, 0.5],
        )
    if inw(day, TIKTOK) and (source == "tiktok" or p.age in ("16-24", "25-34")) and chance(0.6):
        return "Science Lates (18+)"
    return pick(opts, w)


def next_friday_evening(ts):
    d = ts.date() + timedelta(days=1)
    while d.weekday() != 4:
        d += timedelta(days=1)
    return d


def visitor(d, source=None, p=None):
    """Someone who finds the museum online."""
    new = p is None
    if new:
        p = Person()
        people.append(p)
    day = dt(d)
    if source is None:
        srcs, w = list(SOURCES), list(SOURCE_W)
        if inw(day, DINO):
            w[0] *= 1.6
            w[1] *= 1.8
        srcs.append("tiktok")
        w.append(0.0)
        source = pick(srcs, w)
    if source == "tiktok":
        p.age = pick(AGE_BANDS, [0.42, 0.4, 0.1, 0.05, 0.02, 0.01])
    t = at(d)
    if not web(p, t, "page_view", source, "home"):
        return p
    product = choose_product(d, source, p)
    section = {
        "General Admission": "whats_on",
        "Planetarium Show": "planetarium",
        "Dinosaurs: Age of Giants": "exhibition",
        "Science Lates (18+)": "whats_on",
    }[product]
    t += timedelta(minutes=R.uniform(0.5, 3))
    if section == "exhibition":
        web(p, t, "exhibition_page_view", source, "dinosaurs")
    elif section == "planetarium":
        web(p, t, "planetarium_page_view", source, "planetarium")
    else:
        web(p, t, "whats_on_view", source, "whats_on")
    if chance(0.08) and not p.member:
        web(p, t + timedelta(minutes=R.uniform(1, 4)), "membership_page_view", source, "membership")
        if chance(0.2 if inw(day, DINO) else 0.1):
            join(p, t + timedelta(minutes=R.uniform(4, 12)), "Online")
    p_book = P_BOOK[source]
    if product == "Planetarium Show" and inw(day, PLANET_CLOSED):
        p_book *= 0.2
    if not chance(p_book):
        if chance(0.05):
            p.ensure_email()
            web(p, t + timedelta(minutes=R.uniform(1, 3)), "newsletter_signup", source, "footer")
        return p
    t += timedelta(minutes=R.uniform(1, 5))
    web(p, t, "ticket_select", source, section)
    if not chance(0.86):
        return p
    t += timedelta(minutes=R.uniform(1, 4))
    guest = chance(0.55) and p.acct is None
    if not guest:
        p.ensure_acct()
        p.logged_in = True
    web(p, t, "checkout_start", source, "checkout")
    if inw(t, OUTAGE):
        web(p, t + timedelta(minutes=R.uniform(0.5, 3)), "payment_error", source, "checkout")
        if chance(0.3):
            web(p, t + timedelta(minutes=R.uniform(4, 9)), "checkout_start", source, "checkout")
            web(p, t + timedelta(minutes=R.uniform(9, 12)), "payment_error", source, "checkout")
        if chance(0.25):
            mail(
                p,
                t + timedelta(minutes=R.uniform(10, 120)),
                pick(["Complaint", "Complaint", "Refund request"]),
                complaint=True,
                mood=1.2,
            )
        if chance(0.35):  # walk up at the box office instead
            walk = t + timedelta(hours=R.uniform(0.5, 3))
            if 10 <= walk.hour < 16:
                place_order(
                    p,
                    walk,
                    product if product != "Science Lates (18+)" else "General Admission",
                    walk.date(),
                    f"{walk.hour:02d}:{30 if walk.minute >= 30 else 0:02d}",
                    "Box Office",
                )
        return p
    if not chance(0.9):
        return p
    t += timedelta(minutes=R.uniform(2, 6))
    if product == "Science Lates (18+)":
        vd = next_friday_evening(t)
        slot = "19:00"
        comp = (pick([1, 2, 2, 3, 4]), 0, 0)
    else:
        lead = {"Dinosaurs: Age of Giants": 24, "Planetarium Show": 10, "General Admission": 6}[
            product
        ]
        vd = visit_day_for(t, lead)
        slot = pick(SLOTS, SLOT_W)
        comp = None
        if product == "Planetarium Show" and inw(dt(vd), PLANET_CLOSED):
            product = "General Admission"
    place_order(p, t, product, vd, slot, "Online", comp=comp, guest=guest)
    if chance(0.04):
        web(
            p,
            t + timedelta(days=R.uniform(1, 20)),
            "shop_purchase",
            pick(["direct", "newsletter"]),
            "shop",
            f"{R.uniform(8, 60):.2f}",
        )
    if chance(0.12):
        web(p, t + timedelta(minutes=1), "newsletter_signup", source, "checkout")
    # some come back later
    if chance(0.14):
        d2 = d + timedelta(days=R.randint(20, 150))
        if dt(d2) < END:
            visitor(d2, pick(["direct", "newsletter", "organic"], [3, 3, 2]), p)
    return p


def walk_up(d):
    p = Person()
    people.append(p)
    day = dt(d)
    hr = R.choices(range(10, 16), weights=[4, 5, 4, 3, 2, 1])[0]
    t = datetime(d.year, d.month, d.day, hr, R.randrange(60))
    opts, w = ["General Admission", "Planetarium Show"], [0.8, 0.2]
    if inw(day, DINO):
        opts, w = (
            ["General Admission", "Planetarium Show", "Dinosaurs: Age of Giants"],
            [0.55, 0.1, 0.35],
        )
    product = pick(opts, w)
    if product == "Planetarium Show" and inw(day, PLANET_CLOSED):
        product = "General Admission"
    place_order(p, t, product, d, f"{hr:02d}:{30 if t.minute >= 30 else 0:02d}", "Box Office")
    if chance(0.04 if not inw(day, DINO) else 0.1):
        p.ensure_email()
        join(p, t + timedelta(hours=R.uniform(1, 3)), "Front Desk")
    return p


def phone_booking(d):
    p = Person(age=pick(AGE_BANDS, [0.02, 0.05, 0.1, 0.15, 0.3, 0.38]))
    people.append(p)
    t = at(d, [0] * 9 + [3, 4, 4, 3, 3, 3, 3, 2] + [0] * 7)
    product = choose_product(d, "phone", p)
    if product == "Science Lates (18+)":
        product = "General Admission"
    vd = visit_day_for(t, 14)
    if product == "Planetarium Show" and (inw(dt(vd), PLANET_CLOSED) or inw(dt(d), PLANET_CLOSED)):
        product = "General Admission"
    place_order(p, t, product, vd, pick(SLOTS, SLOT_W), "Phone")


def school(i):
    p = Person(age="35-44")
    people.append(p)
    p.ensure_acct()
    for _ in range(pick([1, 1, 1, 2, 2, 3])):
        for _ in range(30):
            vd = START.date() + timedelta(days=R.randrange(N_DAYS))
            w = 2.5 if inw(dt(vd), DINO) else 1.0
            if vd.weekday() < 5 and holiday(vd) == 0 and vd not in CLOSED_DAYS and chance(w / 2.5):
                break
        else:
            continue
        t = at(vd - timedelta(days=R.randint(20, 60)), [0] * 8 + [3, 4, 4, 3, 3, 3, 3, 2] + [0] * 8)
        if t < START:
            continue
        product = (
            "Dinosaurs: Age of Giants"
            if inw(dt(vd), DINO) and chance(0.7)
            else "School Group Visit"
        )
        place_order(
            p,
            t,
            product,
            vd,
            pick(["10:00", "10:30", "11:00"]),
            "Schools Desk",
            school=pick(SCHOOL_SIZES),
        )


def join(p, ts, channel, existing_since=None):
    if not within(ts) and existing_since is None:
        return
    mtype = pick(["Individual", "Joint", "Family"], [0.38, 0.24, 0.38])
    if inw(ts, DINO):
        mtype = pick(["Individual", "Joint", "Family"], [0.22, 0.18, 0.6])
    plan = pick(["Annual", "Monthly DD"], [0.58, 0.42])
    p.ensure_acct()
    p.member = {
        "sup": f"S{nxt('sup')}",
        "card": f"MC{nxt('card'):07d}",
        "type": mtype,
        "plan": plan,
        "since": existing_since or ts,
        "postcode": pick(POSTCODES, POSTCODE_W),
        "gift_aid": "Y" if chance(0.62) else "N",
        "channel": channel,
    }
    if existing_since is None:
        crm_row(p, ts, "Joined")
        member_visits(p, ts)


def annual_value(m, ts):
    new = ts >= PRICE_RISE
    if m["plan"] == "Annual":
        return MEMBER_ANNUAL[m["type"]][new]
    return round(MEMBER_MONTHLY[m["type"]][new] * 12, 2)


def crm_row(p, ts, action):
    m = p.member
    val = "" if action == "Lapsed" else f"{annual_value(m, ts):.2f}"
    crm.append(
        (
            m["sup"],
            p.acct or "",
            m["card"],
            p.email or "",
            m["type"],
            m["plan"],
            m["since"],
            m["postcode"],
            m["gift_aid"],
            action,
            ts,
            val,
            m["channel"]
            if action == "Joined"
            else ("Direct Debit" if m["plan"] == "Monthly DD" else "Renewal Notice"),
        )
    )


def member_visits(p, since, until=END):
    """Members scan their card at the gate; during the exhibition they book free member tickets."""
    day0 = max(since, START)
    span = (until - day0).days
    if span <= 0:
        return
    rate = 4.0 / 365
    n = poisson(rate * span * (1.0 if p.member["type"] != "Family" else 1.4))
    for _ in range(n):
        d = (day0 + timedelta(days=R.randrange(span))).date()
        if d in CLOSED_DAYS:
            continue
        t = datetime(d.year, d.month, d.day, R.randint(10, 15), R.randrange(60))
        scans.append((p.member["card"], t, pick(["MAIN-A", "MAIN-B"])))
    # exhibition: most members come to see the dinosaurs (free member tickets, booked online)
    if chance(0.55):
        d = (max(day0, DINO[0]) + timedelta(days=R.randrange(1, 150))).date()
        if dt(d) < min(until, DINO[1]) and d not in CLOSED_DAYS:
            t = at(d - timedelta(days=R.randint(1, 14)))
            if t >= day0:
                web(p, t, "page_view", pick(["newsletter", "direct"], [3, 2]), "home")
                p.logged_in = True
                web(p, t + timedelta(minutes=1), "exhibition_page_view", "newsletter", "dinosaurs")
                web(p, t + timedelta(minutes=3), "ticket_select", "newsletter", "exhibition")
                web(p, t + timedelta(minutes=5), "checkout_start", "newsletter", "checkout")
                n_m = {"Individual": 1, "Joint": 2, "Family": 4}[p.member["type"]]
                place_order(
                    p,
                    t + timedelta(minutes=7),
                    "Dinosaurs: Age of Giants",
                    d,
                    pick(SLOTS, SLOT_W),
                    "Online",
                    comp=(n_m, 0, 0),
                    member=True,
                )


def existing_member():
    p = Person(age=pick(AGE_BANDS, [0.02, 0.12, 0.34, 0.26, 0.14, 0.12]))
    people.append(p)
    since = datetime(R.randint(2015, 2025), R.randint(1, 12), R.randint(1, 28))
    while since >= START - timedelta(days=1):
        since -= timedelta(days=365)
    join(p, since, pick(["Front Desk", "Online"], [0.6, 0.4]), existing_since=since)
    anniv = datetime(START.year, since.month, since.day)
    if anniv < START:
        anniv = datetime(START.year + 1, since.month, since.day)
    p_renew = 0.82 if anniv < PRICE_RISE else (0.6 if p.member["plan"] == "Annual" else 0.66)
    if anniv >= END:
        member_visits(p, START)
        return
    if chance(p_renew):
        crm_row(p, anniv, "Renewed")
        member_visits(p, START)
    else:
        crm_row(p, anniv, "Lapsed")
        member_visits(p, START, anniv)
        if anniv >= PRICE_RISE and chance(0.18):
            mail(
                p,
                anniv - timedelta(days=R.uniform(5, 30)),
                "Membership query",
                complaint=chance(0.5),
                mood=0.8,
            )
    if PRICE_RISE - timedelta(days=20) <= anniv < PRICE_RISE + timedelta(days=60) and chance(0.08):
        mail(
            p,
            anniv - timedelta(days=R.uniform(1, 20)),
            "Membership query",
            complaint=chance(0.4),
            mood=0.5,
        )


def day_weight(d):
    w = 1.0
    if d.weekday() >= 5:
        w *= 1.7
    hol = holiday(d)
    if hol:
        w *= hol
    if inw(dt(d), DINO):
        w *= 1.35
    if d.month in (1, 2) and not hol:
        w *= 0.8
    return w


people = []


def simulate():
    for _ in range(1700):
        existing_member()
    for i in range(165):
        school(i)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        w = day_weight(d)
        for _ in range(poisson(11 * w * (1.3 if d.weekday() == 5 else 1.0))):
            visitor(d)
        if inw(dt(d), TIKTOK):
            for _ in range(poisson(24 if d.weekday() < 5 else 34)):
                visitor(d, "tiktok")
        if d.weekday() in (1, 4):
            for _ in range(poisson(2)):
                visitor(d, "newsletter")
        if d not in CLOSED_DAYS:
            lam = 2.4 * w
            if d == OUTAGE[0].date():
                lam *= 2.2
            for _ in range(poisson(lam)):
                walk_up(d)
            if d.weekday() < 5:
                for _ in range(poisson(0.8)):
                    phone_booking(d)


def local(ts):
    return ts.replace(tzinfo=LONDON)


def utc_z(ts):
    return local(ts).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_plain(ts):
    return local(ts).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def write(folder: Path):
    with open(folder / "web_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_timestamp",
                "client_id",
                "account_id",
                "event_name",
                "traffic_source",
                "device_category",
                "page_section",
                "value_gbp",
            ]
        )
        for r in sorted(web_rows, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([utc_z(r[0]), *r[1:]])
    with open(folder / "web_transactions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["client_id", "transaction_id", "transaction_time_utc", "revenue"])
        for r in sorted(web_tx, key=lambda r: (r[2], r[1])):
            w.writerow([r[0], r[1], utc_plain(r[2]), r[3]])
    with open(folder / "ticketing_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Order Ref",
                "Customer Account",
                "Customer Email (SHA256)",
                "Order Date",
                "Visit Date",
                "Slot",
                "Product",
                "Qty",
                "Order Total",
                "Donation",
                "Gift Aid",
                "Sales Channel",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{r[3]:%d/%m/%Y %H:%M}",
                    f"{r[4]:%d/%m/%Y}",
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                    r[10],
                    r[11],
                ]
            )
    with open(folder / "ticketing_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Barcode", "Order Ref", "Ticket Type", "Product"])
        for r in tickets:
            w.writerow(r)
    with open(folder / "gate_scans.jsonl", "w") as f:
        for i, (bc, ts, gate) in enumerate(sorted(scans, key=lambda r: (r[1], r[0]))):
            if not within(ts):
                continue
            f.write(
                json.dumps(
                    {
                        "scan_id": f"GS{i + 1:08d}",
                        "barcode": bc,
                        "scanned_at": utc_z(ts),
                        "gate": gate,
                        "result": "VALID",
                    }
                )
                + "\n"
            )
    with open(folder / "crm_memberships.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "SupporterID",
                "TicketingAccount",
                "CardNumber",
                "EmailHash",
                "MembershipType",
                "PaymentPlan",
                "MemberSince",
                "PostcodeArea",
                "GiftAidDeclared",
                "Action",
                "ActionDate",
                "AnnualValue",
                "Channel",
            ]
        )
        for r in sorted(crm, key=lambda r: (r[10], r[0])):
            if not within(r[10]):
                continue
            w.writerow(
                [
                    *list(r[:6]),
                    f"{r[6]:%Y-%m-%d}",
                    *list(r[7:10]),
                    f"{r[10]:%Y-%m-%d %H:%M}",
                    *list(r[11:]),
                ]
            )
    with open(folder / "visitor_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Response ID",
                "Booking Reference",
                "Completed",
                "How likely are you to recommend us? (1-10)",
                "Overall, how would you rate your visit? (1-5)",
                "What did you visit?",
                "Age group",
                "Comments",
            ]
        )
        for r in sorted(survey, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4], r[5], r[6], r[7]])

    def fmt(ts):
        return f"{ts:%d/%m/%Y %H:%M}" if ts else ""

    with open(folder / "mailbox_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket #",
                "Requester (hashed email)",
                "Booking Ref",
                "Received",
                "First Response",
                "Closed",
                "Category",
                "Complaint?",
                "Satisfaction",
                "Via",
            ]
        )
        for r in sorted(mailbox, key=lambda r: r[3]):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), r[6], r[7], r[8], r[9]])
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend"])
        base = {
            "Google Ads": 3800,
            "Meta": 2200,
            "Mailchimp": 290,
            "TripAdvisor": 750,
            "Partner Hotels": 1100,
            "Tourist Information": 250,
        }
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch in ("Google Ads", "Meta") and date(2026, 2, 1) <= m <= date(2026, 8, 1):
                    f_ *= 2.3
                if ch == "Mailchimp" or ch == "Tourist Information":
                    f_ = 1.0
                w.writerow([f"{m:%b %Y}", ch, f"{amt * f_:.2f}"])
            if m == date(2026, 11, 1):
                w.writerow([f"{m:%b %Y}", "TikTok", "14500.00"])
            if m == date(2026, 12, 1):
                w.writerow([f"{m:%b %Y}", "TikTok", "600.00"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="museum-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        if os.environ.get("MUSEUM_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["MUSEUM_KEEP_SOURCES"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
