"""Pottery evaluation domain: Kiln & Clay, five pottery studios in Portland, Seattle and Austin.

    python generate.py OUT.duckdb

Writes Kiln & Clay's own exports (seeded: the same files every run) to a temporary folder —

  bookings_pnw.csv        bookings, Portland + Seattle (MM/DD/YYYY h:mm a, Pacific, cents)
  bookings_atx.csv        booking platform, Austin studio (same layout, Central time)
  customers.csv           booking platform customers (member no, created, studio, how heard)
  web_events.jsonl        website event log (anonymous id, member no after sign-up, ISO with offset)
  airbnb_reservations.csv Airbnb Experiences export (guest id, booked on, listing, total paid)
  groupon_vouchers.csv    Groupon voucher log (SOLD / REDEEMED / EXPIRED, UTC)
  kiln_log.csv            kiln log per studio (LOADED / UNLOADED / COLLECTED, epoch seconds)
  pos_sales.csv           POS for clay, tools, glaze and gift cards (member no or card token)
  support_inbox.csv       support inbox export (UTC ISO with Z)
  class_reviews.csv       post-class rating (1-5) from the booking platform
  marketing_monthly.csv   monthly marketing sheet (Instagram, Google, Airbnb, Groupon)

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
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
AUSTIN_OPEN = datetime(2026, 3, 14)  # Austin East studio opens (Saturday)
VALENTINE = (datetime(2026, 1, 25), datetime(2026, 2, 15))  # date-night booking rush
KILN_DOWN = (datetime(2026, 6, 10), datetime(2026, 6, 18))  # Seattle kilns down 10-17 June
PRICE_RISE = datetime(2026, 8, 1)  # 6-week course price rise
IG_WORSE = datetime(2026, 7, 1)  # Instagram spend doubled, bookings from it got worse
LA = ZoneInfo("America/Los_Angeles")
CHI = ZoneInfo("America/Chicago")

R = random.Random(SEED)

STUDIOS = ["PDX-PEARL", "PDX-ALBERTA", "SEA-CAPHILL", "SEA-BALLARD", "ATX-EAST"]
STUDIO_W = [0.27, 0.2, 0.22, 0.16, 0.15]
CITY = {"PDX": "Portland", "SEA": "Seattle", "ATX": "Austin"}
TASTER_PRICE = {"Wheel Taster": 48, "Handbuilding Taster": 42, "Date Night Wheel": 110}
COURSE_PRICE = {"old": 320, "new": 365}
MEMBERSHIP_PRICE = 175
SOURCES = ["instagram", "google", "", "friend"]


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


WEB_HOURS = [
    0,
    0,
    0,
    0,
    0,
    0,
    0.3,
    0.8,
    1.5,
    2,
    2.5,
    2.8,
    3,
    2.8,
    2.6,
    2.6,
    2.8,
    3,
    3.5,
    4.2,
    4.8,
    4.5,
    3,
    1.2,
]
CLASS_SLOTS = [(10, 0), (13, 0), (16, 0), (18, 30), (19, 0)]
SHOP_HOURS = [0] * 10 + [2, 3, 3, 3, 3, 3, 3, 3, 3, 2, 1] + [0] * 3


def at(d, hours=WEB_HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def day(ts):
    return datetime(ts.year, ts.month, ts.day)


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def city_of(studio):
    return CITY[studio[:3]]


# ------------------------------------------------------------------ records
web, bookings, customers, airbnb, groupon, kiln, pos, tickets, reviews = ([] for _ in range(9))
seq = {
    "member": 40000,
    "booking": 700000,
    "anon": 0,
    "kiln": 0,
    "rcpt": 0,
    "tkt": 0,
    "abnb": 0,
    "gpn": 0,
    "gc": 0,
}
airbnb_gross: dict[str, float] = {}
groupon_gross: dict[str, float] = {}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, studio=None):
        self.anon = None
        self.member = None
        self.airbnb = None
        self.voucher = None
        self.card = None
        self.studio = studio or pick(STUDIOS, STUDIO_W)
        self.heard = ""
        self.ctype = "Local"
        self.created = None


def sign_up(p, ts, heard):
    if p.member is None:
        p.member = f"KC{nxt('member')}"
        p.created = ts
        p.heard = heard
        customers.append(p)


def wlog(p, ts, event, source, page="", amount=None):
    if not within(ts):
        return False
    if p.anon is None:
        p.anon = "anon-" + h(f"a{nxt('anon')}")[:14]
    web.append((ts, p.anon, p.member or "", event, source, page, amount))
    return True


def book(p, ts, kind, via, studio=None, amount_usd=0.0, cls="", extra=""):
    studio = studio or p.studio
    if not within(ts):
        return False
    bookings.append(
        {
            "ts": ts,
            "ref": f"BK{nxt('booking')}",
            "member": p.member or "",
            "airbnb": p.airbnb or "",
            "voucher": p.voucher or "",
            "kind": kind,
            "cls": cls,
            "studio": studio,
            "via": via,
            "cents": round(amount_usd * 100),
            "gift": extra,
        }
    )
    return True


def class_slot(d, studio):
    """A class start on day d (Austin slots are Austin-local, stored here in Pacific)."""
    hh, mm = R.choice(CLASS_SLOTS)
    t = datetime(d.year, d.month, d.day, hh, mm)
    if studio.startswith("ATX"):
        t -= timedelta(hours=2)  # Central is always Pacific + 2 h
    return t


def support(p, ts, tag, mood=0.0, studio=None):
    if not within(ts) or p.member is None:
        return
    ch = pick(["Email", "Instagram DM", "Phone"], [0.55, 0.25, 0.2])
    fr = {
        "Email": R.uniform(1, 20),
        "Instagram DM": R.uniform(0.3, 10),
        "Phone": R.uniform(0.05, 0.6),
    }[ch]
    if inw(ts, (KILN_DOWN[0], KILN_DOWN[1] + timedelta(days=14))):
        fr *= 2.5  # inbox swamped after the kiln failure
    res = (
        fr
        + {
            "cracked piece": R.uniform(12, 96),
            "lost piece": R.uniform(24, 160),
            "class cancelled": R.uniform(2, 30),
            "pickup delay": R.uniform(6, 72),
            "booking change": R.uniform(1, 24),
            "refund request": R.uniform(12, 120),
            "gift card question": R.uniform(1, 20),
        }[tag]
    )
    closed = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    complaint = tag in ("cracked piece", "lost piece", "class cancelled", "pickup delay") or (
        tag == "refund request" and chance(0.5)
    )
    tickets.append(
        (
            f"T-{nxt('tkt'):05d}",
            p.member,
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END and chance(0.97) else None,
            tag,
            ch,
            "yes" if complaint else "no",
            csat,
            studio or p.studio,
        )
    )


def fire(p, loaded, studio, pieces, fee_per_piece, kind):
    """A kiln load and what follows: unloaded (ready) and collected."""
    if not within(loaded):
        return
    fid = f"F{nxt('kiln'):06d}"
    kiln.append((fid, p.member, studio, "LOADED", loaded, pieces, fee_per_piece, kind))
    ready = loaded + timedelta(days=R.uniform(4, 9))
    seattle = studio.startswith("SEA")
    hit = seattle and loaded < KILN_DOWN[1] and ready >= KILN_DOWN[0]
    if hit:
        # kilns down 10-17 June: loads sitting in them or waiting are fired after the repair
        ready = KILN_DOWN[1] + timedelta(days=R.uniform(1, 9))
    ready = datetime(ready.year, ready.month, ready.day, R.choice([8, 9, 10]), R.randrange(60))
    if ready >= END:
        return
    broken = hit and chance(0.22)
    kiln.append((fid, p.member, studio, "UNLOADED", ready, pieces, fee_per_piece, kind))
    if broken:
        support(
            p,
            ready + timedelta(hours=R.uniform(2, 72)),
            R.choice(["cracked piece", "cracked piece", "lost piece"]),
            1.6,
            studio,
        )
    elif hit and chance(0.25):
        support(p, ready - timedelta(days=R.uniform(1, 4)), "pickup delay", 1.0, studio)
    elif chance(0.012 * pieces):
        support(
            p,
            ready + timedelta(hours=R.uniform(2, 72)),
            R.choice(["cracked piece", "lost piece"]),
            0.5,
            studio,
        )
    if chance(0.9 if kind != "taster" else 0.72):
        t = ready + timedelta(days=R.expovariate(1 / 5))
        t = datetime(t.year, t.month, t.day) + timedelta(
            hours=R.choices(range(24), weights=SHOP_HOURS)[0], minutes=R.randrange(60)
        )
        if t < END:
            kiln.append((fid, p.member, studio, "COLLECTED", t, pieces, fee_per_piece, kind))


def shop(p, ts, dept=None, studio=None):
    if not within(ts):
        return
    dept = dept or pick(["CLAY", "TOOLS", "GLAZE"], [0.55, 0.3, 0.15])
    amt = {
        "CLAY": R.choice([24, 24, 48, 72]),
        "TOOLS": round(R.uniform(9, 85), 2),
        "GLAZE": round(R.uniform(14, 40), 2),
    }.get(dept)
    if dept == "GIFTCARD":
        amt = R.choice([50, 75, 100, 100, 150, 200])
    pos.append(
        (
            f"R{nxt('rcpt'):07d}",
            ts,
            studio or p.studio,
            p.member or "",
            p.card or "",
            dept,
            f"{amt:.2f}",
        )
    )


def review(p, ts, rating_mean, cls, studio):
    if within(ts) and p.member and chance(0.3):
        reviews.append(
            (p.member, ts, max(1, min(5, round(R.gauss(rating_mean, 0.8)))), cls, studio)
        )


# ------------------------------------------------------------------ journeys
def after_taster(p, t_class, via, cls, studio):
    """Attend (or not) the taster, then maybe a course, membership, firings and supplies."""
    if not within(t_class):
        return
    if chance(0.04):
        book(
            p, t_class - timedelta(hours=R.uniform(4, 48)), "Class Cancelled", via, studio, cls=cls
        )
        support(p, t_class - timedelta(hours=R.uniform(1, 20)), "class cancelled", 1.0, studio)
        return
    if chance(0.09 if via not in ("Groupon",) else 0.2):
        book(p, t_class + timedelta(minutes=15), "No Show", via, studio, cls=cls)
        return
    book(p, t_class + timedelta(minutes=R.uniform(-10, 5)), "Taster Attended", via, studio, cls=cls)
    fire(
        p,
        t_class + timedelta(days=R.uniform(1, 4)),
        studio,
        1 if cls != "Date Night Wheel" else 2,
        0,
        "taster",
    )
    review(p, t_class + timedelta(hours=R.uniform(3, 60)), 4.4, cls, studio)
    if chance(0.15):
        shop(
            p,
            t_class + timedelta(minutes=R.uniform(95, 130)),
            "CLAY" if chance(0.4) else "TOOLS",
            studio,
        )
    p_course = {
        "Website": 0.3,
        "Gift Card": 0.3,
        "Airbnb Experiences": 0.05,
        "Groupon": 0.09,
        "Front Desk": 0.25,
    }[via]
    if cls == "Date Night Wheel":
        p_course *= 0.5
    t_enrol = t_class + timedelta(days=R.expovariate(1 / 6))
    if t_enrol >= PRICE_RISE:
        p_course *= 0.72
    if chance(p_course):
        if not within(t_enrol):
            return
        price = COURSE_PRICE["new" if t_enrol >= PRICE_RISE else "old"] - (
            25 if studio.startswith("ATX") else 0
        )
        book(
            p,
            t_enrol,
            "Course Enrolled",
            "Website" if chance(0.8) else "Front Desk",
            studio,
            price,
            cls="6-Week Wheel Course",
        )
        start = day(t_enrol) + timedelta(days=R.randrange(3, 14))
        for wk in range(6):
            s = class_slot(start + timedelta(days=7 * wk), studio)
            if wk in (2, 4, 5):
                fire(
                    p,
                    s + timedelta(hours=2, minutes=R.randrange(30)),
                    studio,
                    R.randint(2, 6),
                    6,
                    "course",
                )
            if chance(0.25):
                shop(p, s + timedelta(hours=2, minutes=R.randrange(20)), studio=studio)
        review(p, start + timedelta(days=43), 4.5, "6-Week Wheel Course", studio)
        if chance(0.38):
            membership(p, start + timedelta(days=R.uniform(40, 60)), studio)
    elif chance(0.04):
        membership(p, t_class + timedelta(days=R.uniform(1, 30)), studio)


def membership(p, t, studio, months=None):
    if not within(t):
        return
    book(
        p,
        t,
        "Membership Started",
        "Website",
        studio,
        MEMBERSHIP_PRICE - (20 if studio.startswith("ATX") else 0),
        cls="Open Studio",
    )
    member_life(p, t, studio, months)


def member_life(p, t, studio, months=None):
    price = MEMBERSHIP_PRICE - (20 if studio.startswith("ATX") else 0)
    m = 0
    cur = t
    while True:
        # studio visits each month: firings and supplies
        for _ in range(poisson(1.6)):
            v = at(day(cur) + timedelta(days=R.randrange(30)), SHOP_HOURS)
            fire(p, v, studio, R.randint(2, 10), 6, "member")
        for _ in range(poisson(0.9)):
            shop(p, at(day(cur) + timedelta(days=R.randrange(30)), SHOP_HOURS), studio=studio)
        cur = cur + timedelta(days=30)
        m += 1
        if cur >= END:
            return
        if months is not None and m >= months:
            return
        if chance(0.1):
            return
        book(p, cur, "Membership Renewed", "Auto-renew", studio, price, cls="Open Studio")


def web_visitor(d):
    p = Person()
    source = pick(SOURCES, [0.38, 0.3, 0.2, 0.12])
    if day(d) >= AUSTIN_OPEN and chance(0.25):
        p.studio = "ATX-EAST"
    elif p.studio == "ATX-EAST":
        p.studio = pick(STUDIOS[:4], STUDIO_W[:4])
    t = at(d)
    utm = {"friend": ""}.get(source, source)
    if not wlog(p, t, "page_view", utm, "/"):
        return
    val = inw(day(d), VALENTINE)
    page = (
        "/classes/date-night"
        if val and chance(0.6)
        else R.choice(["/classes/wheel-taster", "/classes/handbuilding", "/courses", "/studios"])
    )
    wlog(p, t + timedelta(minutes=R.uniform(0.5, 3)), "class_page_view", utm, page)
    p_book = {"instagram": 0.34, "google": 0.36, "": 0.4, "friend": 0.45}[source]
    if source == "instagram" and day(d) >= IG_WORSE:
        p_book = 0.17
    if val:
        p_book *= 1.3
    # holiday gift cards bought on the website
    if (d.month in (11, 12) and chance(0.12)) or chance(0.015):
        sign_up(
            p,
            t + timedelta(minutes=4),
            {"instagram": "Instagram", "google": "Google", "": "Other", "friend": "Friend"}[source],
        )
        wlog(p, t + timedelta(minutes=4), "sign_up", utm, "/account/new")
        amt = R.choice([50, 75, 100, 100, 150, 200])
        wlog(
            p,
            t + timedelta(minutes=R.uniform(6, 12)),
            "gift_card_purchase",
            utm,
            "/gift-cards",
            amt,
        )
        gift_recipient(t + timedelta(days=R.uniform(2, 60)), amt)
        return
    if not chance(p_book):
        if chance(0.3):
            t2 = t + timedelta(days=R.uniform(1, 12))
            wlog(p, t2, "page_view", "", "/")
            wlog(p, t2 + timedelta(minutes=1), "class_page_view", "", page)
        return
    heard = {"instagram": "Instagram", "google": "Google", "": "Other", "friend": "Friend"}[source]
    tb = t + timedelta(minutes=R.uniform(3, 15))
    if chance(0.25):  # came back later to book
        tb = t + timedelta(days=R.uniform(0.5, 8))
        utm = ""
        wlog(p, tb - timedelta(minutes=2), "page_view", utm, "/")
    sign_up(p, tb, heard)
    wlog(p, tb, "sign_up", utm, "/account/new")
    cls = (
        "Date Night Wheel"
        if "date-night" in page
        else pick(["Wheel Taster", "Handbuilding Taster"], [0.7, 0.3])
    )
    if cls == "Date Night Wheel":
        cdate = (
            datetime(2026, 2, R.choice([12, 13, 13, 14, 14, 14]))
            if tb < datetime(2026, 2, 11)
            else day(tb) + timedelta(days=R.randint(2, 10))
        )
    else:
        cdate = day(tb) + timedelta(days=R.randint(2, 21))
    if p.studio == "ATX-EAST" and cdate < AUSTIN_OPEN:
        cdate = AUSTIN_OPEN + timedelta(days=R.randrange(10))
    price = TASTER_PRICE[cls] - (
        6 if p.studio.startswith("ATX") and cls != "Date Night Wheel" else 0
    )
    wlog(
        p,
        tb + timedelta(minutes=R.uniform(1, 4)),
        "booking_confirmation_view",
        utm,
        "/book/confirmed",
    )
    book(
        p,
        tb + timedelta(minutes=R.uniform(1, 3)),
        "Taster Booked",
        "Website",
        amount_usd=price,
        cls=cls,
    )
    after_taster(p, class_slot(cdate, p.studio), "Website", cls, p.studio)
    if cls == "Date Night Wheel" and chance(0.05):
        t3 = at(day(tb) + timedelta(days=R.randrange(20, 120)))
        book(
            p,
            t3,
            "Party Booked",
            "Website",
            amount_usd=R.choice([450, 600, 750, 900]),
            cls="Private Party",
        )


def gift_recipient(t, amt):
    if not within(t):
        return
    p = Person()
    if t >= AUSTIN_OPEN and chance(0.2):
        p.studio = "ATX-EAST"
    elif p.studio == "ATX-EAST":
        p.studio = "PDX-PEARL"
    code = f"GC-{h(str(nxt('gc')))[:8].upper()}"
    if chance(0.55):
        wlog(p, t, "page_view", "", "/gift-cards/redeem")
    sign_up(p, t + timedelta(minutes=2), "Gift card")
    wlog(p, t + timedelta(minutes=2), "sign_up", "", "/account/new")
    cls = pick(["Wheel Taster", "Handbuilding Taster", "Date Night Wheel"], [0.6, 0.25, 0.15])
    book(
        p, t + timedelta(minutes=4), "Taster Booked", "Gift Card", amount_usd=0, cls=cls, extra=code
    )
    after_taster(
        p,
        class_slot(day(t) + timedelta(days=R.randint(3, 25)), p.studio),
        "Gift Card",
        cls,
        p.studio,
    )


def airbnb_guest(d):
    p = Person()
    p.ctype = "Visitor"
    p.studio = pick(
        ["PDX-PEARL", "SEA-CAPHILL", "ATX-EAST"],
        [0.4, 0.4, 0.2 if day(d) >= AUSTIN_OPEN - timedelta(days=20) else 0],
    )
    p.airbnb = f"{R.randrange(10**8, 10**9)}"
    booked = at(d)
    cdate = day(booked) + timedelta(days=R.randint(1, 30))
    if p.studio == "ATX-EAST" and cdate < AUSTIN_OPEN:
        cdate = AUSTIN_OPEN + timedelta(days=R.randrange(7))
    guests = pick([1, 2, 3, 4], [0.35, 0.45, 0.12, 0.08])
    total = guests * (65 if not p.studio.startswith("ATX") else 58)
    if within(booked):
        airbnb.append(
            (
                f"HM{h('abnb' + str(nxt('abnb')))[:8].upper()}",
                p.airbnb,
                booked,
                cdate,
                p.studio,
                guests,
                total,
            )
        )
        key = f"{booked:%Y-%m}"
        airbnb_gross[key] = airbnb_gross.get(key, 0) + total
    slot = class_slot(cdate, p.studio)
    # the studio creates a customer record at check-in
    if within(slot):
        sign_up(p, slot - timedelta(minutes=10), "Airbnb")
        after_taster(p, slot, "Airbnb Experiences", "Wheel Taster", p.studio)


def groupon_buyer(d):
    p = Person()
    p.studio = pick(STUDIOS[:4], STUDIO_W[:4]) if day(d) < AUSTIN_OPEN else p.studio
    p.voucher = f"GRP-{h('g' + str(nxt('gpn')))[:10].upper()}"
    sold = at(d)
    price = 29.0
    groupon.append(
        (
            p.voucher,
            "SOLD",
            sold,
            "2-for-1 Wheel Taster" if chance(0.5) else "Intro Pottery Class",
            price,
            p.studio,
        )
    )
    key = f"{sold:%Y-%m}"
    groupon_gross[key] = groupon_gross.get(key, 0) + price
    if not chance(0.72):
        exp = sold + timedelta(days=180)
        if within(exp):
            groupon.append((p.voucher, "EXPIRED", exp, "", 0.0, p.studio))
        return
    tb = sold + timedelta(days=R.expovariate(1 / 20))
    if not within(tb):
        return
    groupon.append((p.voucher, "REDEEMED", tb, "", 0.0, p.studio))
    sign_up(p, tb, "Groupon")
    cdate = day(tb) + timedelta(days=R.randint(3, 21))
    if p.studio == "ATX-EAST" and cdate < AUSTIN_OPEN:
        cdate = AUSTIN_OPEN + timedelta(days=R.randrange(7))
    book(p, tb + timedelta(minutes=2), "Taster Booked", "Groupon", amount_usd=0, cls="Wheel Taster")
    after_taster(p, class_slot(cdate, p.studio), "Groupon", "Wheel Taster", p.studio)


def existing_member():
    p = Person()
    if p.studio == "ATX-EAST":
        p.studio = "PDX-ALBERTA"
    created = START - timedelta(days=R.uniform(60, 1500))
    p.member = f"KC{nxt('member')}"
    p.created = created
    p.heard = pick(["Instagram", "Google", "Friend", "Other"], [3, 2, 3, 2])
    customers.append(p)
    first = START + timedelta(days=R.uniform(0, 29), hours=R.uniform(9, 18))
    book(
        p, first, "Membership Renewed", "Auto-renew", p.studio, MEMBERSHIP_PRICE, cls="Open Studio"
    )
    member_life(p, first, p.studio)
    if chance(0.35):  # members buy gift cards at the studio for the holidays
        for yr, mo in ((2025, 12), (2026, 11), (2026, 12)):
            if chance(0.4):
                t = at(
                    datetime(yr, mo, R.randint(1, 28 if mo == 11 else 6 if yr == 2026 else 23)),
                    SHOP_HOURS,
                )
                if within(t):
                    shop(p, t, "GIFTCARD")
                    gift_recipient(t + timedelta(days=R.uniform(3, 70)), 100)


def walkin_shopper(d):
    p = Person()
    if day(d) < AUSTIN_OPEN and p.studio == "ATX-EAST":
        p.studio = "SEA-BALLARD"
    p.card = "tok_" + h(f"card{d}{R.random()}")[:12]
    t = at(d, SHOP_HOURS)
    holiday = d.month in (11, 12)
    if holiday and chance(0.5):
        shop(p, t, "GIFTCARD")
        gift_recipient(t + timedelta(days=R.uniform(3, 70)), 100)
    else:
        shop(p, t)


def traffic_weight(d):
    dt = day(d)
    w = 1.0 + 0.12 * math.cos((d.timetuple().tm_yday - 15) / 365 * 2 * math.pi)
    if d.weekday() in (5, 6):
        w *= 1.3
    if inw(dt, VALENTINE):
        w *= 2.2
    if d.month in (11, 12):
        w *= 1.35
    if dt >= AUSTIN_OPEN:
        w *= 1.12
    return w


def simulate():
    for _ in range(380):
        existing_member()
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        w = traffic_weight(d)
        ig = 1.6 if d >= IG_WORSE else 1.0  # more Instagram traffic after the spend increase
        for _ in range(poisson(13 * w * (1 + 0.3 * (ig - 1)))):
            web_visitor(d)
        summer = 1.5 if d.month in (6, 7, 8) else 1.0
        for _ in range(poisson(2.2 * summer * (1.3 if d.weekday() >= 4 else 1.0))):
            airbnb_guest(d)
        for _ in range(poisson(1.7 * (1.6 if d.month in (1, 2) else 1.0))):
            groupon_buyer(d)
        for _ in range(poisson(0.5 * (3 if d.month in (11, 12) else 1))):
            walkin_shopper(d)
        if chance(0.25):  # private parties booked by phone
            p = Person()
            if d < AUSTIN_OPEN and p.studio == "ATX-EAST":
                p.studio = "PDX-PEARL"
            t = at(d, SHOP_HOURS)
            sign_up(p, t, pick(["Friend", "Google", "Instagram"], [3, 2, 1]))
            book(
                p,
                t,
                "Party Booked",
                "Front Desk",
                amount_usd=R.choice([450, 600, 750, 900]),
                cls="Private Party",
            )


# ------------------------------------------------------------------ writing
def tz_aware(ts):
    return ts.replace(tzinfo=LA)


def mdy(ts, tz=LA):
    t = tz_aware(ts).astimezone(tz)
    return f"{t:%m/%d/%Y} {t.hour % 12 or 12}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"


def write(folder: Path):
    for fname, austin in (("bookings_pnw.csv", False), ("bookings_atx.csv", True)):
        with open(folder / fname, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "Booking Ref",
                    "Member No",
                    "Airbnb Guest ID",
                    "Voucher Code",
                    "Gift Card Code",
                    "Activity",
                    "Class",
                    "Studio",
                    "Booked Via",
                    "Date/Time",
                    "Amount (cents)",
                ]
            )
            rows = [b for b in bookings if b["studio"].startswith("ATX") == austin]
            for b in sorted(rows, key=lambda b: (b["ts"], b["ref"])):
                w.writerow(
                    [
                        b["ref"],
                        b["member"],
                        b["airbnb"],
                        b["voucher"],
                        b["gift"],
                        b["kind"],
                        b["cls"],
                        b["studio"],
                        b["via"],
                        mdy(b["ts"], CHI if austin else LA),
                        b["cents"],
                    ]
                )
    with open(folder / "customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Member No", "Created", "Home Studio", "City", "How Heard", "Customer Type"])
        for p in sorted(customers, key=lambda p: p.member):
            w.writerow([p.member, mdy(p.created), p.studio, city_of(p.studio), p.heard, p.ctype])
    with open(folder / "web_events.jsonl", "w") as f:
        for ts, anon, member, ev, src, page, amt in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "timestamp": tz_aware(ts).isoformat(),
                "anonymous_id": anon,
                "user_id": member or None,
                "event": ev,
                "utm_source": src or "(direct)",
                "page": page,
            }
            if amt is not None:
                obj["value_usd"] = amt
            f.write(json.dumps(obj) + "\n")
    with open(folder / "airbnb_reservations.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Confirmation code",
                "Guest ID",
                "Booked",
                "Experience date",
                "Listing",
                "Guests",
                "Total paid (USD)",
            ]
        )
        listing = {
            "PDX-PEARL": "Throw your first pot in Portland",
            "SEA-CAPHILL": "Seattle wheel-throwing night",
            "ATX-EAST": "Austin pottery wheel experience",
        }
        for r in sorted(airbnb, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%Y-%m-%d %H:%M}",
                    f"{r[3]:%Y-%m-%d}",
                    listing[r[4]],
                    r[5],
                    f"{r[6]:.2f}",
                ]
            )
    with open(folder / "groupon_vouchers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["voucher_code", "status", "status_time_utc", "deal", "price_paid", "location"])
        for r in sorted(groupon, key=lambda r: (r[2], r[0])):
            if not within(r[2]):
                continue
            u = tz_aware(r[2]).astimezone(UTC)
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{u:%Y-%m-%d %H:%M:%S}",
                    r[3],
                    f"{r[4]:.2f}" if r[1] == "SOLD" else "",
                    r[5],
                ]
            )
    with open(folder / "kiln_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "load_id",
                "member",
                "site",
                "step",
                "logged_epoch",
                "pieces",
                "fee_per_piece",
                "load_type",
                "fee_usd",
            ]
        )
        for r in sorted(kiln, key=lambda r: (r[4], r[0], r[3])):
            if within(r[4]):
                fee = r[5] * r[6] if r[3] == "LOADED" else ""
                w.writerow(
                    [r[0], r[1], r[2], r[3], int(tz_aware(r[4]).timestamp()), r[5], r[6], r[7], fee]
                )
    with open(folder / "pos_sales.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["receipt", "sold_at", "store", "member_no", "card_token", "dept", "total_usd"])
        for r in sorted(pos, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", r[2], r[3], r[4], r[5], r[6]])
    with open(folder / "support_inbox.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket",
                "Member",
                "Received",
                "First Reply",
                "Closed",
                "Tag",
                "Via",
                "Complaint",
                "Satisfaction",
                "Studio",
            ]
        )

        def z(ts):
            return f"{tz_aware(ts).astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}" if ts else ""

        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    z(r[2]),
                    z(r[3]) if r[3] < END else "",
                    z(r[4]),
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                ]
            )
    with open(folder / "class_reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Member No", "Submitted", "Rating", "Class", "Studio"])
        for r in sorted(reviews, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], mdy(r[1]), r[2], r[3], r[4]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Line item", "USD"])
        m = datetime(2025, 12, 1)
        while m < END:
            key = f"{m:%Y-%m}"
            ig = 3200 if m < IG_WORSE else 6400
            if m.month in (1, 2):
                ig *= 1.25
            gads = 2600 + (900 if m >= datetime(2026, 3, 1) else 0)
            if m.month in (11, 12):
                gads *= 1.3
            w.writerow([key, "Instagram Ads", f"{ig * R.uniform(0.95, 1.05):.2f}"])
            w.writerow([key, "Google Ads", f"{gads * R.uniform(0.95, 1.05):.2f}"])
            w.writerow([key, "Airbnb Experiences fees", f"{airbnb_gross.get(key, 0) * 0.2:.2f}"])
            w.writerow([key, "Groupon commission", f"{groupon_gross.get(key, 0) * 0.5:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="pottery-src-") as tmp:
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
