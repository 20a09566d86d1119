"""Ski resort evaluation domain: Whistle Peak Resort, British Columbia, Canada.

    python generate.py OUT.duckdb

Writes Whistle Peak's own exports (seeded: the same files every run) to a temporary folder —

  shop_orders.csv        e-commerce / ticketing system: one row per order (lift tickets, multi-day,
                         season passes, rentals, lessons, lodging packages, bike park, gondola);
                         CAD subtotal + GST + PST lines; 'MM/DD/YYYY hh:mm AM' Pacific time;
                         Account ID only for online / app / agency orders, RFID card id always
  shop_refunds.csv       refunds issued by the same system (same time format)
  guest_accounts.csv     online guest accounts (profiles)
  lift_scans.jsonl       RFID gate / lift scans, UTC ISO with Z, card id only
  rental_school.csv      rental shop + ski school system (YYYY-MM-DD HH:MM local)
  app_analytics.csv      web + resort app analytics, camelCase event names, UTC with ms and Z
  guest_services.csv     guest-services tickets ('MM/DD/YYYY hh:mm AM')
  post_visit_survey.csv  post-visit survey: NPS 0-10 and 1-5 ratings
  weekly_spend.csv       marketing spend sheet, one row per week (Sunday) and channel

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
TZ = ZoneInfo("America/Vancouver")
UTC = ZoneInfo("UTC")

WINTER1 = (date(2025, 12, 13), date(2026, 4, 12))  # late opening (first good snow mid-December)
WINTER2_OPEN = date(2026, 11, 26)
SUMMER = (date(2026, 6, 20), date(2026, 9, 27))  # bike park + sightseeing gondola
XMAS = (date(2025, 12, 20), date(2026, 1, 4))
CNY = (date(2026, 2, 13), date(2026, 2, 23))  # Chinese New Year 2026-02-17
SPRING_BREAK = (date(2026, 3, 14), date(2026, 3, 29))
WINDSTORM = (date(2026, 2, 3), date(2026, 2, 6))  # upper lifts closed 4 days
KOREA_LAUNCH = date(2026, 1, 12)  # Seoul Snow Tours partnership
EARLY_BIRD_END = date(2026, 4, 20)  # early-bird season pass deadline
PRICE_UP = date(2026, 10, 1)  # autumn pass price increase

R = random.Random(SEED)

LOWER_LIFTS = [
    "L01 Village Gondola",
    "L02 Creekside Quad",
    "L03 Learning Carpet",
    "L04 Olympic Chair",
]
UPPER_LIFTS = ["L07 Peak Express", "L08 Summit T-Bar", "L09 Glacier Chair"]
GATES = ["G-VILLAGE-1", "G-VILLAGE-2", "G-CREEKSIDE"]
BIKE_LIFTS = ["B01 Fitz Bike Chair", "L01 Village Gondola"]
COUNTRIES = {
    "CA": ("Canada", "en"),
    "US": ("United States", "en"),
    "CN": ("China", "zh-Hans"),
    "HK": ("Hong Kong", "zh-Hant"),
    "JP": ("Japan", "ja"),
    "KR": ("South Korea", "ko"),
    "AU": ("Australia", "en"),
    "GB": ("United Kingdom", "en"),
    "MX": ("Mexico", "es"),
}
PROVINCES = {"CA": ["BC", "BC", "BC", "BC", "AB", "ON"], "US": ["WA", "WA", "CA", "OR", "CO"]}
AGENCIES = {
    "CN": ("Ctrip Snow Holidays", "CN-CTS"),
    "JP": ("JTB Ski Canada", "JP-JTB"),
    "KR": ("Seoul Snow Tours", "KR-SST"),
    "AU": ("Snowtrip Australia", "AU-STA"),
}
# traffic sources as the analytics tool writes them (source / medium)
SOURCES = [
    "google / cpc",
    "facebook / paid",
    "ikonpartner / referral",
    "newsletter / email",
    "app / push",
    "google / organic",
    "(direct) / (none)",
]
SOURCE_W = [0.26, 0.16, 0.1, 0.1, 0.08, 0.16, 0.14]


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


def inr(d, rng):
    if isinstance(d, datetime):
        d = d.date()
    return rng[0] <= d <= rng[1]


def within(ts):
    return START <= ts < END


def winter_open(d):
    return inr(d, WINTER1) or d >= WINTER2_OPEN


def summer_open(d):
    return inr(d, SUMMER)


def peak(d):
    return inr(d, XMAS) or inr(d, CNY) or inr(d, SPRING_BREAK)


def at(d, lo=7, hi=22):
    return datetime(d.year, d.month, d.day, R.randrange(lo, hi), R.randrange(60), R.randrange(60))


orders, refunds, scans, school, app, tickets, survey = ([] for _ in range(7))
accounts = []
seq = {"acct": 200000, "card": 0, "order": 7000000, "ref": 0, "rs": 0, "tkt": 0, "dev": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, country="CA"):
        self.acct = None
        self.card = None
        self.device = None
        self.country = country
        self.province = pick(PROVINCES[country]) if country in PROVINCES else ""
        self.lang = COUNTRIES[country][1]
        self.gtype = "Day Guest"
        self.tier = ""
        self.created = None
        self.source = ""


people = []


def new_person(country="CA"):
    p = Person(country)
    people.append(p)
    return p


def account(p, ts, gtype=None, source=""):
    if p.acct is None:
        p.acct = f"WP{nxt('acct')}"
        p.created = ts
        p.source = source
        accounts.append(p)
    if gtype:
        p.gtype = gtype


def card(p):
    if p.card is None:
        p.card = f"RF{nxt('card'):08X}"
    return p.card


def device(p):
    if p.device is None:
        p.device = f"dv-{R.getrandbits(48):012x}"
    return p.device


def hit(p, ts, name, source, platform, logged_in=True):
    if not within(ts):
        return False
    app.append(
        (ts, device(p), p.acct if (p.acct and logged_in) else "", name, source, platform, p.lang)
    )
    return True


# ---------------------------------------------------------------- prices

TAX = {  # product type -> (GST, PST)
    "Lift Ticket": (0.05, 0.0),
    "Multi-Day Ticket": (0.05, 0.0),
    "Season Pass": (0.05, 0.0),
    "Rental": (0.05, 0.07),
    "Lesson": (0.05, 0.0),
    "Lodging Package": (0.05, 0.08),
    "Bike Park Ticket": (0.05, 0.0),
    "Gondola Sightseeing": (0.05, 0.0),
}


def window_price(d):
    return 189.0 if peak(d) or d.weekday() >= 5 else 159.0


def online_price(d, lead_days):
    base = window_price(d)
    f = 0.72 + 0.2 * min(1.0, max(0.0, (14 - lead_days) / 14))
    return round(base * f)


def pass_price(tier, d):
    if tier == "Peak Pass":
        return 849.0 if d <= EARLY_BIRD_END else (1049.0 if d < PRICE_UP else 1199.0)
    return 599.0 if d <= EARLY_BIRD_END else (749.0 if d < PRICE_UP else 849.0)


def order(
    p,
    ts,
    ptype,
    pname,
    subtotal,
    sales,
    source,
    *,
    qty=1,
    visit=None,
    agency="",
    fulfil="",
    price_type="",
    promo="",
):
    if not within(ts):
        return None
    oid = f"WP-{nxt('order')}"
    gst, pst = TAX[ptype]
    subtotal = round(subtotal, 2)
    g, s = round(subtotal * gst, 2), round(subtotal * pst, 2)
    orders.append(
        (
            oid,
            ts,
            p.acct or "",
            p.card or "",
            sales,
            source,
            ptype,
            pname,
            qty,
            f"{subtotal:.2f}",
            f"{g:.2f}",
            f"{s:.2f}",
            f"{subtotal + g + s:.2f}",
            agency,
            promo,
            f"{visit:%m/%d/%Y}" if visit else "",
            fulfil,
            price_type,
        )
    )
    return (oid, subtotal + g + s)


def refund(p, ts, oid_amt, reason, share=1.0):
    if oid_amt is None or not within(ts):
        return
    refunds.append(
        (
            f"RF-{nxt('ref'):06d}",
            oid_amt[0],
            p.acct or "",
            p.card or "",
            ts,
            f"{oid_amt[1] * share:.2f}",
            reason,
        )
    )


def ticket(p, ts, category, channel=None, mood=0.0, complaint=None):
    if not within(ts):
        return
    channel = channel or pick(
        ["Email", "Phone", "Guest Services Desk", "App Chat"], [0.4, 0.25, 0.25, 0.1]
    )
    fr_h = {
        "Email": R.uniform(1, 14),
        "Phone": R.uniform(0.01, 0.3),
        "Guest Services Desk": R.uniform(0.0, 0.1),
        "App Chat": R.uniform(0.05, 1.0),
    }[channel]
    d = ts.date()
    if inr(d, (WINDSTORM[0], WINDSTORM[1] + timedelta(days=6))) and channel in (
        "Email",
        "App Chat",
    ):
        fr_h *= 3.5  # refund backlog after the windstorm
    if inr(d, (date(2025, 12, 3), date(2025, 12, 16))) and channel == "Email":
        fr_h *= 2.0
    res_h = (
        fr_h
        + {
            "Lost Item": R.uniform(4, 96),
            "Refund - Lift Closure": R.uniform(24, 240),
            "Refund - Late Opening": R.uniform(24, 200),
            "Injury Report": R.uniform(2, 72),
            "Complaint": R.uniform(6, 120),
            "Billing": R.uniform(4, 72),
            "Lesson / Rental": R.uniform(2, 48),
        }[category]
    )
    closed = ts + timedelta(hours=res_h)
    sat = ""
    if chance(0.4):
        sat = max(1, min(5, round(R.gauss(4.1 - mood, 0.9))))
    if complaint is None:
        complaint = category == "Complaint" or (mood > 0.8 and chance(0.5))
    tickets.append(
        (
            f"GS-{nxt('tkt'):05d}",
            p.acct or "",
            p.card or "",
            ts,
            ts + timedelta(hours=fr_h),
            closed if closed < END and chance(0.97) else None,
            category,
            channel,
            "Y" if complaint else "N",
            sat,
        )
    )


def school_rec(p, ts, activity, program, agency="", size=1, lang="English", price=""):
    if not within(ts):
        return
    school.append(
        (
            f"RS{nxt('rs'):06d}",
            p.card or "",
            p.acct or "",
            activity,
            program,
            ts,
            agency,
            size,
            lang,
            price,
        )
    )


# ---------------------------------------------------------------- a ski / summer day


def ski_day(p, d, summer=False, lesson=None):
    """Scans for one day on the mountain; returns False when nothing was scanned."""
    t = datetime(
        d.year,
        d.month,
        d.day,
        R.choice([8, 8, 9, 9, 9, 10, 11, 12]),
        R.randrange(60),
        R.randrange(60),
    )
    if not within(t):
        return False
    c = card(p)
    scans.append((c, t, pick(GATES, [0.45, 0.3, 0.25]), "", "ENTRY", "VILLAGE"))
    storm = inr(d, WINDSTORM)
    n = R.choice([1, 2, 2, 3, 3, 4]) if not summer else R.choice([1, 1, 2, 3])
    if lesson:
        n = min(n, 2)
    for _ in range(n):
        t = t + timedelta(minutes=R.uniform(20, 75))
        if t.hour >= 16:
            break
        if summer:
            lift = (
                pick(BIKE_LIFTS, [0.7, 0.3]) if p.gtype != "Sightseeing" else "L01 Village Gondola"
            )
            zone = "BIKE PARK" if lift.startswith("B") else "GONDOLA"
        elif not storm and not lesson and chance(0.45):
            lift, zone = pick(UPPER_LIFTS), "UPPER"
        else:
            lift = pick(LOWER_LIFTS, [0.35, 0.3, 0.15 if lesson else 0.05, 0.3])
            zone = "LOWER"
        scans.append((c, t, "", lift, "RIDE", zone))
    return True


def after_visit(p, d, bad=0.0):
    """Survey, lost items, injuries, complaints after a day at the resort."""
    t = datetime(d.year, d.month, d.day, 17, R.randrange(60))
    if chance(0.012):
        ticket(p, t + timedelta(minutes=R.uniform(10, 600)), "Lost Item")
    if chance(0.004):
        ticket(
            p,
            t - timedelta(hours=R.uniform(1, 6)),
            "Injury Report",
            "Guest Services Desk",
            complaint=False,
        )
    crowded = peak(d) and not inr(d, SPRING_BREAK)
    if crowded and chance(0.012):
        ticket(p, t + timedelta(hours=R.uniform(1, 30)), "Complaint", mood=1.0)
    if p.acct and chance(0.2):
        rt = t + timedelta(days=R.uniform(1, 4))
        if within(rt):
            if inr(d, WINDSTORM):
                bad += 3.5
            lines = max(
                1, min(5, round(R.gauss(3.9 - (1.6 if crowded else 0) - (0.8 if bad else 0), 0.8)))
            )
            snow = max(
                1,
                min(5, round(R.gauss(4.2 - (0.8 if d < date(2026, 1, 5) else 0) - 0.4 * bad, 0.8))),
            )
            staff = max(1, min(5, round(R.gauss(4.4, 0.6))))
            food = max(1, min(5, round(R.gauss(3.5, 0.9))))
            nps = max(0, min(10, round(R.gauss(8.3 - 0.9 * (3.9 - lines) * 0.6 - bad, 1.6))))
            overall = max(
                1, min(5, round((lines + snow + staff + food) / 4 + R.uniform(-0.5, 0.5)))
            )
            comment = ""
            if chance(0.35):
                if inr(d, WINDSTORM):
                    comment = pick(
                        [
                            "Upper mountain closed all day",
                            "Wind closed the peak, want a refund",
                            "Only lower runs open",
                        ]
                    )
                elif crowded:
                    comment = pick(
                        [
                            "Lift lines too long",
                            "Very busy at the gondola",
                            "Great snow but crowded",
                            "排队太久",
                        ]
                    )
                else:
                    comment = pick(
                        [
                            "Amazing day",
                            "Great grooming",
                            "Staff were lovely",
                            "Food too expensive",
                            "Love the app",
                        ]
                    )
            visit_type = "Summer" if summer_open(d) else "Winter"
            survey.append(
                (
                    p.acct,
                    rt,
                    f"{d:%m/%d/%Y}",
                    nps,
                    lines,
                    snow,
                    staff,
                    food,
                    overall,
                    comment,
                    visit_type,
                )
            )


# ---------------------------------------------------------------- guest types


def browse(p, t, source, platform, page="viewTickets"):
    """A web/app session before buying; returns the time after it."""
    hit(p, t, "appOpen" if platform != "web" else "sessionStart", source, platform)
    if chance(0.4):
        hit(p, t + timedelta(seconds=R.uniform(10, 60)), "viewLiftStatus", source, platform)
    hit(p, t + timedelta(minutes=R.uniform(1, 3)), page, source, platform)
    return t + timedelta(minutes=R.uniform(3, 6))


def online_day_guest(d):
    """Books online (web or app) for a day on the mountain, maybe rental / lesson / lodging."""
    country = pick(
        ["CA", "US", "AU", "GB", "MX", "CN", "JP", "KR", "HK"], [62, 24, 4, 3, 1, 2, 1, 0.6, 1.5]
    )
    if inr(d, CNY) and chance(0.35):
        country = "CN"
    p = new_person(country)
    source = pick(SOURCES, SOURCE_W)
    platform = (
        "ios" if source == "app / push" else pick(["web", "ios", "android"], [0.6, 0.25, 0.15])
    )
    lead = pick([0, 1, 2, 3, 5, 7, 10, 14, 21, 30], [8, 12, 10, 9, 9, 8, 6, 5, 3, 2])
    t = at(d - timedelta(days=lead), 7, 23)
    dest = country != "CA" or chance(0.08)
    days = 1 if not dest else R.choice([2, 3, 3, 4, 5])
    for s in range(R.choice([1, 1, 2])):
        if s:
            t = t + timedelta(hours=R.uniform(3, 48))
        t = browse(p, t, source, platform)
    p_add = 0.62 if source not in ("facebook / paid",) else 0.45
    if not chance(p_add):
        return p
    hit(p, t, "addToCart", source, platform)
    if not chance(0.78):
        return p
    account(p, t, "Destination Guest" if dest else "Day Guest", source)
    hit(p, t + timedelta(minutes=1), "beginCheckout", source, platform)
    if not chance(0.88):
        return p
    t = t + timedelta(minutes=R.uniform(3, 12))
    sales = "Resort App" if platform != "web" else "Web Store"
    card(p)
    fulfil = "New card (pick up at kiosk)"
    if dest and chance(0.55):
        nightly = R.uniform(260, 520) * (1.4 if peak(d) else 1.0)
        order(
            p,
            t,
            "Lodging Package",
            f"Village Stay {days} nights",
            nightly * days,
            sales,
            source,
            visit=d,
            fulfil="Hotel voucher",
        )
    if days == 1:
        o = order(
            p,
            t,
            "Lift Ticket",
            "1-Day Lift Ticket",
            online_price(d, lead),
            sales,
            source,
            visit=d,
            fulfil=fulfil,
            price_type="Online Dynamic",
        )
    else:
        o = order(
            p,
            t + timedelta(seconds=30),
            "Multi-Day Ticket",
            f"{days}-Day Lift Ticket",
            online_price(d, lead) * days * 0.9,
            sales,
            source,
            qty=days,
            visit=d,
            fulfil=fulfil,
            price_type="Online Dynamic",
        )
    if o is None:
        return p
    rent = chance(0.35 if dest else 0.2)
    if rent:
        order(
            p,
            t + timedelta(seconds=50),
            "Rental",
            pick(["Ski Package", "Snowboard Package"], [0.65, 0.35]),
            62.0 * days,
            sales,
            source,
            qty=days,
            visit=d,
        )
    lesson = None
    if chance(0.16 if country not in ("CN", "HK") else 0.4):
        lesson = pick(["Group Lesson", "Private Lesson", "Kids Camp"], [0.5, 0.25, 0.25])
        price = {"Group Lesson": 159.0, "Private Lesson": 549.0, "Kids Camp": 899.0}[lesson]
        order(p, t + timedelta(seconds=70), "Lesson", lesson, price, sales, source, visit=d)
        school_rec(
            p,
            t + timedelta(minutes=R.uniform(1, 20)),
            "LESSON_BOOKED",
            lesson,
            lang="Mandarin" if country in ("CN", "HK") else "English",
            price=f"{price:.0f}",
        )
    storm_refund = False
    for k in range(days):
        dd = d + timedelta(days=k)
        if not winter_open(dd):
            continue
        if k == 0 and rent:
            school_rec(
                p,
                datetime(dd.year, dd.month, dd.day, 8, R.randrange(60)),
                "RENTAL_OUT",
                "Ski Package" if chance(0.65) else "Snowboard Package",
            )
        if k == 0 and lesson:
            school_rec(
                p,
                datetime(dd.year, dd.month, dd.day, 9, R.randrange(40)),
                "LESSON_CHECKIN",
                lesson,
                lang="Mandarin" if country in ("CN", "HK") else "English",
            )
        if ski_day(p, dd, lesson=lesson if k == 0 else None):
            after_visit(p, dd)
            if inr(dd, WINDSTORM):
                storm_refund = True
    if storm_refund and chance(0.65):
        rt = datetime(d.year, d.month, d.day, 15) + timedelta(hours=R.uniform(2, 72))
        ticket(p, rt, "Refund - Lift Closure", mood=1.2)
        refund(p, rt + timedelta(days=R.uniform(1, 6)), o, "Upper mountain closure (wind)", 0.5)
    # repeat visits: reload the same card online
    if not dest and chance(0.28):
        d2 = d + timedelta(days=R.randrange(5, 50))
        if winter_open(d2):
            t2 = at(d2 - timedelta(days=R.randrange(0, 4)), 7, 23)
            t2 = browse(
                p, t2, pick(["(direct) / (none)", "newsletter / email", "app / push"]), platform
            )
            if order(
                p,
                t2,
                "Lift Ticket",
                "1-Day Lift Ticket",
                online_price(d2, 2),
                sales,
                "(direct) / (none)",
                visit=d2,
                fulfil="Reload existing card",
                price_type="Online Dynamic",
            ) and ski_day(p, d2):
                after_visit(p, d2)
    return p


def window_guest(d):
    """Walks up to the ticket window: card only, no account."""
    p = new_person(pick(["CA", "US", "CN", "JP", "KR", "AU"], [70, 18, 4, 2, 2, 4]))
    t = at(d, 7, 11)
    card(p)
    o = order(
        p,
        t,
        "Lift Ticket",
        "1-Day Lift Ticket",
        window_price(d),
        "Ticket Window",
        "WINDOW",
        visit=d,
        fulfil="New card",
        price_type="Window",
    )
    if o is None:
        return p
    if chance(0.22):
        order(
            p,
            t + timedelta(minutes=R.uniform(5, 20)),
            "Rental",
            "Ski Package" if chance(0.6) else "Snowboard Package",
            69.0,
            "Rental Shop",
            "WINDOW",
            visit=d,
        )
        school_rec(p, t + timedelta(minutes=R.uniform(20, 40)), "RENTAL_OUT", "Ski Package")
    if ski_day(p, d):
        after_visit(p, d)
    if inr(d, WINDSTORM) and chance(0.55):
        rt = t + timedelta(hours=R.uniform(3, 10))
        ticket(p, rt, "Refund - Lift Closure", "Guest Services Desk", mood=1.0)
        refund(p, rt + timedelta(minutes=R.uniform(5, 40)), o, "Upper mountain closure (wind)", 0.5)
    if chance(0.18):  # comes back and reloads the card online: now linked to an account
        d2 = d + timedelta(days=R.randrange(3, 40))
        if winter_open(d2):
            t2 = at(d2 - timedelta(days=R.randrange(0, 3)), 7, 23)
            t2 = browse(p, t2, pick(SOURCES, SOURCE_W), "web")
            account(p, t2, "Day Guest", "(direct) / (none)")
            if order(
                p,
                t2,
                "Lift Ticket",
                "1-Day Lift Ticket",
                online_price(d2, 1),
                "Web Store",
                "(direct) / (none)",
                visit=d2,
                fulfil="Reload existing card",
                price_type="Online Dynamic",
            ) and ski_day(p, d2):
                after_visit(p, d2)
    return p


def agency_guest(d, country):
    """Booked by a travel agency in Asia / Australia: package, multi-day tickets, lessons."""
    p = new_person(country)
    name, code = AGENCIES[country]
    days = R.choice([3, 4, 5, 5, 6, 7])
    booked = at(d - timedelta(days=R.randrange(10, 75)), 9, 18)
    if not within(booked):
        booked = at(max(START.date(), d - timedelta(days=R.randrange(1, 6))), 9, 18)
        if booked.date() > d:
            return p
    account(p, booked, "Agency Guest", "agency / referral")
    card(p)
    size = R.choice([2, 3, 3, 4, 4, 5]) if country in ("CN", "HK") else R.choice([1, 2, 2, 3, 4])
    if country == "KR":
        size = R.choice([4, 6, 8, 10, 12])
    nightly = R.uniform(300, 560) * (1.4 if peak(d) else 1.0)
    order(
        p,
        booked,
        "Lodging Package",
        f"Village Stay {days} nights",
        nightly * days,
        "Travel Agency",
        "agency / referral",
        visit=d,
        agency=name,
        fulfil="Hotel voucher",
    )
    o = order(
        p,
        booked + timedelta(minutes=2),
        "Multi-Day Ticket",
        f"{days}-Day Lift Ticket",
        145.0 * days * size * 0.85,
        "Travel Agency",
        "agency / referral",
        qty=days * size,
        visit=d,
        agency=name,
        fulfil="New card (pick up at kiosk)",
        price_type="Agency Net",
    )
    if chance(0.75):
        order(
            p,
            booked + timedelta(minutes=3),
            "Rental",
            "Ski Package",
            55.0 * days * size,
            "Travel Agency",
            "agency / referral",
            qty=days * size,
            visit=d,
            agency=name,
        )
    lang = {"CN": "Mandarin", "HK": "Cantonese", "JP": "Japanese", "KR": "Korean", "AU": "English"}[
        country
    ]
    p_lesson = {"CN": 0.7, "JP": 0.35, "KR": 0.85, "AU": 0.3}[country]
    lesson = None
    storm_done = False
    if chance(p_lesson):
        lesson = (
            "Group Lesson"
            if country == "KR"
            else pick(["Group Lesson", "Kids Camp", "Private Lesson"], [0.45, 0.35, 0.2])
        )
        price = {"Group Lesson": 139.0 * size, "Private Lesson": 549.0, "Kids Camp": 899.0}[lesson]
        school_rec(
            p,
            booked + timedelta(hours=R.uniform(1, 48)),
            "LESSON_BOOKED",
            lesson,
            agency=code,
            size=size,
            lang=lang,
            price=f"{price:.0f}",
        )
    for k in range(days):
        dd = d + timedelta(days=k)
        if not winter_open(dd):
            continue
        if k == 0:
            school_rec(
                p,
                datetime(dd.year, dd.month, dd.day, 8, R.randrange(60)),
                "RENTAL_OUT",
                "Ski Package",
                agency=code,
                size=size,
            )
        if lesson and k < (2 if lesson != "Kids Camp" else 4):
            school_rec(
                p,
                datetime(dd.year, dd.month, dd.day, 9, R.randrange(30)),
                "LESSON_CHECKIN",
                lesson,
                agency=code,
                size=size,
                lang=lang,
            )
        if ski_day(p, dd, lesson=lesson if k < 2 else None):
            after_visit(p, dd)
            if inr(dd, WINDSTORM) and not storm_done and chance(0.8):
                storm_done = True
                ticket(
                    p,
                    datetime(dd.year, dd.month, dd.day, 18),
                    "Refund - Lift Closure",
                    "Email",
                    mood=1.3,
                )
                refund(
                    p,
                    datetime(dd.year, dd.month, dd.day, 18) + timedelta(days=R.uniform(3, 10)),
                    o,
                    "Upper mountain closure (wind)",
                    0.25,
                )
    return p


def pass_holder():
    """A season-pass holder from last spring: card + account, skis many days, may renew."""
    p = new_person(pick(["CA", "US"], [88, 12]))
    p.tier = pick(["Peak Pass", "Midweek Pass"], [0.7, 0.3])
    account(
        p,
        START - timedelta(days=R.uniform(200, 2000)),
        "Season Pass Holder",
        pick(SOURCES, SOURCE_W),
    )
    card(p)
    device(p)
    n_days = R.randint(6, 38)
    season_days = [
        WINTER1[0] + timedelta(days=k) for k in range((WINTER1[1] - WINTER1[0]).days + 1)
    ]
    weights = [
        (2.2 if peak(x) else 1.0)
        * (1.8 if x.weekday() >= 5 and p.tier == "Peak Pass" else 1.0)
        * (0.0 if (p.tier == "Midweek Pass" and x.weekday() >= 5) else 1.0)
        * (0.4 if inr(x, WINDSTORM) else 1.0)
        for x in season_days
    ]
    for dd in sorted(set(R.choices(season_days, weights=weights, k=n_days))):
        if chance(0.35):
            hit(p, at(dd, 6, 8), "viewLiftStatus", "app / push", "ios")
        if ski_day(p, dd):
            after_visit(p, dd)
    # renewal for next season
    if chance(0.72):
        if chance(0.78):  # before the early-bird deadline, many in its last week
            rd = EARLY_BIRD_END - timedelta(
                days=R.choice([0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 8, 12, 20, 30, 40])
            )
        else:
            rd = date(2026, 4, 21) + timedelta(days=R.randrange(0, 200))
        renew(
            p,
            at(rd, 7, 23),
            pick(["newsletter / email", "app / push", "(direct) / (none)"], [4, 3, 3]),
        )
    else:
        p.tier_next = None
    return p


def renew(p, t, source):
    platform = "ios" if source == "app / push" else "web"
    t = browse(p, t, source, platform, "viewPasses")
    hit(p, t, "addToCart", source, platform)
    hit(p, t + timedelta(minutes=1), "beginCheckout", source, platform)
    d = t.date()
    price_type = (
        "Early Bird"
        if d <= EARLY_BIRD_END
        else ("Regular" if d < PRICE_UP else "Regular (Oct increase)")
    )
    o = order(
        p,
        t + timedelta(minutes=R.uniform(3, 9)),
        "Season Pass",
        f"2026/27 {p.tier}",
        pass_price(p.tier, d),
        "Resort App" if platform == "ios" else "Web Store",
        source,
        fulfil="Reload existing card",
        price_type=price_type,
        promo="EARLYBIRD26" if d <= EARLY_BIRD_END else "",
    )
    if o:
        p.gtype = "Season Pass Holder"
        # new season from Nov 26
        k = 0
        for dd in [
            WINTER2_OPEN + timedelta(days=i) for i in range((END.date() - WINTER2_OPEN).days)
        ]:
            if chance(0.35 if p.tier == "Peak Pass" else 0.2) and ski_day(p, dd):
                k += 1
    return o


def new_pass_buyer(d, source=None):
    """Someone new who looks at season passes (spring early bird, or the autumn sale)."""
    p = new_person(pick(["CA", "US", "HK", "AU"], [84, 12, 2, 2]))
    source = source or pick(SOURCES[:3] + SOURCES[5:], [0.32, 0.2, 0.16, 0.16, 0.16])
    platform = pick(["web", "ios", "android"], [0.6, 0.25, 0.15])
    t = at(d, 7, 23)
    t = browse(p, t, source, platform, "viewPasses")
    p_buy = 0.46 if d <= EARLY_BIRD_END and (EARLY_BIRD_END - d).days < 10 else 0.3
    if not chance(p_buy):
        if chance(0.3):
            hit(p, t, "addToCart", source, platform)
        return p
    p.tier = pick(["Peak Pass", "Midweek Pass"], [0.6, 0.4])
    hit(p, t, "addToCart", source, platform)
    account(p, t, "Season Pass Holder", source)
    card(p)
    hit(p, t + timedelta(minutes=1), "beginCheckout", source, platform)
    price_type = (
        "Early Bird"
        if d <= EARLY_BIRD_END
        else ("Regular" if d < PRICE_UP else "Regular (Oct increase)")
    )
    order(
        p,
        t + timedelta(minutes=R.uniform(3, 9)),
        "Season Pass",
        f"2026/27 {p.tier}",
        pass_price(p.tier, d),
        "Resort App" if platform != "web" else "Web Store",
        source,
        fulfil="New card (mail)",
        price_type=price_type,
        promo="EARLYBIRD26" if d <= EARLY_BIRD_END else "",
    )
    for dd in [WINTER2_OPEN + timedelta(days=i) for i in range((END.date() - WINTER2_OPEN).days)]:
        if chance(0.3):
            ski_day(p, dd)
    return p


def summer_guest(d):
    """Bike park rider or gondola sightseer (June-September)."""
    bike = chance(0.55)
    p = new_person(
        pick(["CA", "US", "CN", "JP", "KR", "AU", "HK", "GB"], [58, 22, 6, 3, 3, 3, 3, 2])
    )
    p.gtype = "Bike Park Rider" if bike else "Sightseeing"
    if chance(0.45):  # online
        source = pick(SOURCES, SOURCE_W)
        platform = pick(["web", "ios", "android"], [0.65, 0.2, 0.15])
        t = at(d - timedelta(days=R.choice([0, 1, 2, 3, 7])), 7, 23)
        t = browse(p, t, source, platform, "viewBikePark" if bike else "viewSightseeing")
        if not chance(0.55):
            return p
        hit(p, t, "addToCart", source, platform)
        account(p, t, p.gtype, source)
        card(p)
        hit(p, t + timedelta(minutes=1), "beginCheckout", source, platform)
        sales = "Web Store" if platform == "web" else "Resort App"
        t = t + timedelta(minutes=R.uniform(3, 9))
    else:
        source, sales = "WINDOW", "Ticket Window"
        card(p)
        t = at(d, 9, 13)
    if bike:
        o = order(
            p,
            t,
            "Bike Park Ticket",
            "Bike Park Day Ticket",
            89.0 if sales != "Ticket Window" else 99.0,
            sales,
            source,
            visit=d,
            fulfil="New card",
            price_type="Online Dynamic" if source != "WINDOW" else "Window",
        )
        if chance(0.4):
            order(
                p,
                t + timedelta(minutes=2),
                "Rental",
                "Bike DH Package",
                129.0,
                sales,
                source,
                visit=d,
            )
            school_rec(
                p,
                datetime(d.year, d.month, d.day, 10, R.randrange(60)),
                "RENTAL_OUT",
                "Bike DH Package",
            )
        if chance(0.08):
            ticket(
                p,
                datetime(d.year, d.month, d.day, 14, R.randrange(60)),
                "Injury Report",
                "Guest Services Desk",
                complaint=False,
            )
    else:
        o = order(
            p,
            t,
            "Gondola Sightseeing",
            "Peak Sightseeing Ticket",
            69.0,
            sales,
            source,
            visit=d,
            fulfil="New card",
            price_type="Online Dynamic" if source != "WINDOW" else "Window",
        )
    if o and ski_day(p, d, summer=True):
        after_visit(p, d)
    return p


def browser(d):
    """Looks at the website / app and never buys (or buys nothing we can see)."""
    p = new_person(pick(["CA", "US", "CN", "AU", "JP", "KR"], [60, 25, 5, 4, 3, 3]))
    source = pick(SOURCES, SOURCE_W)
    platform = pick(["web", "ios", "android"], [0.7, 0.2, 0.1])
    t = browse(
        p, at(d, 7, 23), source, platform, pick(["viewTickets", "viewPasses", "viewLodging"])
    )
    if chance(0.15):
        hit(p, t, "addToCart", source, platform)
    return p


def late_opening_refunds():
    """Tickets and lodging bought in the autumn for 3-12 December: refunded when opening slipped."""
    for _ in range(95):
        p = new_person(pick(["CA", "US", "AU"], [70, 22, 8]))
        account(p, START - timedelta(days=R.uniform(20, 120)), "Day Guest", pick(SOURCES, SOURCE_W))
        card(p)
        d = START.date() + timedelta(days=R.randrange(0, 10))
        t = at(START.date() + timedelta(days=R.randrange(0, 9)), 8, 20)
        oid = (
            f"WP-{R.randrange(6900000, 6999999)}",
            R.choice([167.58, 199.50, 517.65, 1890.00, 2461.20]),
        )
        ticket(p, t, "Refund - Late Opening", mood=0.9)
        refund(p, t + timedelta(days=R.uniform(1, 5)), oid, "Late season opening - no snow")
        if chance(0.35) and within(datetime(d.year, d.month, d.day)):
            # some rebook for later in December
            d2 = date(2025, 12, 13) + timedelta(days=R.randrange(0, 20))
            t2 = t + timedelta(days=R.uniform(1, 6))
            hit(p, t2, "sessionStart", "newsletter / email", "web")
            hit(p, t2 + timedelta(minutes=2), "viewTickets", "newsletter / email", "web")
            if order(
                p,
                t2 + timedelta(minutes=6),
                "Lift Ticket",
                "1-Day Lift Ticket",
                online_price(d2, 7),
                "Web Store",
                "newsletter / email",
                visit=d2,
                fulfil="Reload existing card",
                price_type="Online Dynamic",
            ) and ski_day(p, d2):
                after_visit(p, d2)


def winter_weight(d):
    w = 1.0
    if d.weekday() >= 5:
        w *= 1.7
    if inr(d, XMAS):
        w *= 2.3
    if inr(d, CNY):
        w *= 1.6
    if inr(d, SPRING_BREAK):
        w *= 1.5
    if d < date(2025, 12, 20):
        w *= 0.6
    if d.month == 4:
        w *= 0.55
    if inr(d, WINDSTORM):
        w *= 0.4
    return w


def simulate():
    for _ in range(640):
        pass_holder()
    late_opening_refunds()
    for k in range(N_DAYS + 30):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        # browsing all year (more in autumn / early winter)
        for _ in range(poisson(5.5 if d.month in (10, 11, 12, 1, 2) else 3.0)):
            browser(d)
        if winter_open(d):
            w = winter_weight(d)
            for _ in range(poisson(14 * w)):
                online_day_guest(d)
            for _ in range(poisson(9.5 * w)):
                window_guest(d)
            for c, lam in (("CN", 0.55), ("JP", 0.35), ("AU", 0.5), ("KR", 0.08)):
                if c == "CN" and inr(d, CNY):
                    lam = 6.5
                if c == "CN" and inr(d, XMAS):
                    lam = 1.2
                if c == "KR" and d >= KOREA_LAUNCH:
                    lam = 1.3 if d.weekday() in (5, 6, 0) else 0.8
                for _ in range(poisson(lam)):
                    agency_guest(d, c)
        if summer_open(d):
            w = (1.6 if d.weekday() >= 5 else 1.0) * (1.3 if d.month in (7, 8) else 0.9)
            if d <= SUMMER[0] + timedelta(days=1):
                w *= 2.0  # bike park opening weekend
            for _ in range(poisson(13 * w)):
                summer_guest(d)
        # season pass shoppers
        if dt < END:
            if date(2026, 3, 1) <= d <= EARLY_BIRD_END:
                lam = 2.0 + (
                    12.0
                    if (EARLY_BIRD_END - d).days < 7
                    else 3.0
                    if (EARLY_BIRD_END - d).days < 21
                    else 0
                )
            elif EARLY_BIRD_END < d < date(2026, 9, 1):
                lam = 0.6
            elif date(2026, 9, 1) <= d < PRICE_UP:
                lam = 2.5 + (4.0 if (PRICE_UP - d).days < 8 else 0)
            elif d >= PRICE_UP:
                lam = 1.6
            else:
                lam = 0.4
            for _ in range(poisson(lam)):
                new_pass_buyer(d)


# ---------------------------------------------------------------- writing the exports


def us(ts):  # 'MM/DD/YYYY hh:mm AM', Pacific local
    return ts.strftime("%m/%d/%Y %I:%M %p") if ts else ""


def utc_iso(ts, ms=False):
    u = ts.replace(tzinfo=TZ).astimezone(UTC)
    if ms:
        return u.strftime("%Y-%m-%dT%H:%M:%S.") + f"{R.randrange(1000):03d}Z"
    return u.strftime("%Y-%m-%dT%H:%M:%SZ")


def write(folder: Path):
    with open(folder / "shop_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Order Number",
                "Order Date",
                "Account ID",
                "RFID Card",
                "Sales Channel",
                "Referral Source",
                "Product Type",
                "Product Name",
                "Qty",
                "Subtotal (CAD)",
                "GST",
                "PST",
                "Total (CAD)",
                "Agency",
                "Promo Code",
                "Visit Date",
                "Fulfilment",
                "Price Type",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], us(r[1]), *list(r[2:])])
    with open(folder / "shop_refunds.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Refund ID",
                "Order Number",
                "Account ID",
                "RFID Card",
                "Refund Date",
                "Refund Amount (CAD)",
                "Reason",
            ]
        )
        for r in sorted(refunds, key=lambda r: (r[4], r[0])):
            w.writerow([*list(r[:4]), us(r[4]), *list(r[5:])])
    with open(folder / "guest_accounts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Account ID",
                "Created",
                "Country",
                "Province/State",
                "Language",
                "Guest Type",
                "Pass Product",
                "Signup Source",
            ]
        )
        for p in sorted(accounts, key=lambda p: p.acct):
            w.writerow(
                [
                    p.acct,
                    us(p.created),
                    COUNTRIES[p.country][0],
                    p.province,
                    p.lang,
                    p.gtype,
                    p.tier,
                    p.source,
                ]
            )
    with open(folder / "lift_scans.jsonl", "w") as f:
        for i, (c, ts, gate, lift, kind, zone) in enumerate(
            sorted(scans, key=lambda r: (r[1], r[0]))
        ):
            if not within(ts):
                continue
            obj = {
                "scan_id": f"S{i + 1:08d}",
                "card_id": c,
                "scanned_at": utc_iso(ts),
                "scan_type": kind,
                "gate_id": gate or None,
                "lift_id": lift or None,
                "zone": zone,
                "result": "VALID",
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "rental_school.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "record_no",
                "card_no",
                "guest_acct",
                "activity",
                "program",
                "activity_time",
                "agency_code",
                "group_size",
                "instruction_language",
                "price_cad",
            ]
        )
        for r in sorted(school, key=lambda r: (r[5], r[0])):
            w.writerow([*list(r[:5]), r[5].strftime("%Y-%m-%d %H:%M"), *list(r[6:])])
    with open(folder / "app_analytics.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "eventTimestamp",
                "deviceId",
                "userAccountId",
                "eventName",
                "trafficSource",
                "platform",
                "appLanguage",
            ]
        )
        for r in sorted(app, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([utc_iso(r[0], ms=True), *list(r[1:])])
    with open(folder / "guest_services.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket #",
                "Account ID",
                "Card ID",
                "Opened",
                "First Response",
                "Closed",
                "Category",
                "Channel",
                "Complaint?",
                "Satisfaction (1-5)",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([*list(r[:3]), us(r[3]), us(r[4]), us(r[5]), *list(r[6:])])
    with open(folder / "post_visit_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "account_id",
                "submitted_at",
                "visit_date",
                "nps_0_10",
                "rating_lift_lines",
                "rating_snow_grooming",
                "rating_staff",
                "rating_food_bev",
                "rating_overall",
                "comment",
                "visit_season",
            ]
        )
        for r in sorted(survey, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], r[1].strftime("%Y-%m-%d %H:%M:%S"), *list(r[2:])])
    with open(folder / "weekly_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week Starting", "Channel", "Spend CAD"])
        wk = START.date() - timedelta(days=(START.date().weekday() + 1) % 7)  # Sunday
        while wk < END.date():
            winter = winter_open(wk) or winter_open(wk + timedelta(days=6))
            spring = date(2026, 3, 22) <= wk <= EARLY_BIRD_END
            autumn = date(2026, 9, 6) <= wk
            base = {
                "Google Ads": 7000
                if winter
                else 4200
                if (spring or autumn or summer_open(wk))
                else 1800,
                "Meta": 4500 if winter else 3000 if (spring or autumn or summer_open(wk)) else 1200,
                "Ikon Pass Partner": 2600 if winter else 600,
                "Email Newsletter": 450,
                "Travel Agency": (5200 if wk >= KOREA_LAUNCH - timedelta(days=1) else 3400)
                if winter
                else 0,
            }
            if spring:
                base["Google Ads"] *= 1.6
                base["Meta"] *= 1.5
            for ch, amt in base.items():
                if amt:
                    w.writerow([f"{wk:%m/%d/%Y}", ch, f"{amt * R.uniform(0.88, 1.12):.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="skiresort-src-") as tmp:
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
