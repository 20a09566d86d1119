"""Hostel evaluation domain: NomadNest, 9 backpacker hostels in Lisbon, Porto, Barcelona and Berlin.

    python generate.py OUT.duckdb

Writes NomadNest's own exports (seeded: the same files every run) to a temporary folder —

  booking_engine.jsonl     website booking engine: cookie_id, email once given, ISO + offsets
  hostelworld_export.csv   Hostelworld reservation status log (Confirmed / Cancelled / No-show), UTC
  bookingcom_export.csv    Booking.com reservation status log (ok / cancelled_by_guest / no_show),
                           Amsterdam time, commission
  pms_guests.csv           property-management system guest profiles ('DD/MM/YYYY HH:MM', Lisbon)
  pms_stays.csv            PMS stay log: CI / CO / EXT / CXL / NS, amounts in cents
  pms_incidents.csv        PMS guest incident log (noise, cleanliness, lost luggage, requests)
  till_sales.csv           bar & tours till: epoch seconds, EUR
  reviews_export.csv       review export (scores 1-10) from Hostelworld, Booking.com and Google
  marketing_monthly.csv    monthly marketing sheet: Google Ads, Meta, OTA commissions (EUR)

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

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
BERLIN_OPEN = datetime(2026, 4, 10)  # first night at BER-KRZ; bookable from 1 April
BERLIN_ON_SALE = datetime(2026, 4, 1)
BDC_HIKE = datetime(2026, 7, 1)  # Booking.com commission 15% -> 18%
OUTAGE = (datetime(2026, 9, 5), datetime(2026, 9, 8))  # website down 5-7 September
PUB_CRAWL = datetime(2026, 5, 15)  # pub crawl launched
BAD_STREAK = (datetime(2026, 10, 1), datetime(2026, 11, 1))  # BCN-GRA: noisy renovation next door
BAD_HOSTEL = "BCN-GRA"

LISBON = ZoneInfo("Europe/Lisbon")
UTC = ZoneInfo("UTC")
AMS = ZoneInfo("Europe/Amsterdam")

R = random.Random(SEED)

PROPS = {
    "LIS-ALF": ("Lisbon", 1.0, ZoneInfo("Europe/Lisbon")),
    "LIS-BAI": ("Lisbon", 1.0, ZoneInfo("Europe/Lisbon")),
    "LIS-CAI": ("Lisbon", 0.8, ZoneInfo("Europe/Lisbon")),
    "OPO-RIB": ("Porto", 0.9, ZoneInfo("Europe/Lisbon")),
    "OPO-BOL": ("Porto", 0.7, ZoneInfo("Europe/Lisbon")),
    "BCN-GOT": ("Barcelona", 1.1, ZoneInfo("Europe/Madrid")),
    "BCN-GRA": ("Barcelona", 0.9, ZoneInfo("Europe/Madrid")),
    "BCN-POB": ("Barcelona", 0.7, ZoneInfo("Europe/Madrid")),
    "BER-KRZ": ("Berlin", 1.1, ZoneInfo("Europe/Berlin")),
}
NAMES = {
    "LIS-ALF": "Lisbon Alfama",
    "LIS-BAI": "Lisbon Bairro Alto",
    "LIS-CAI": "Lisbon Cais do Sodré",
    "OPO-RIB": "Porto Ribeira",
    "OPO-BOL": "Porto Bolhão",
    "BCN-GOT": "Barcelona Gòtic",
    "BCN-GRA": "Barcelona Gràcia",
    "BCN-POB": "Barcelona Poblenou",
    "BER-KRZ": "Berlin Kreuzberg",
}
DORM_PRICE = {"Lisbon": 24, "Porto": 20, "Barcelona": 30, "Berlin": 26}
COUNTRIES = ["DE", "GB", "US", "FR", "NL", "AU", "ES", "IT", "BR", "CN", "PT", "CA"]
COUNTRY_W = [14, 14, 12, 9, 8, 7, 6, 6, 5, 4, 4, 5]
AGES = ["18-24", "25-29", "30-34", "35-44", "45+"]
AGE_W = [34, 30, 17, 12, 7]
HOURS = [
    0.4,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.4,
    0.9,
    1.4,
    1.8,
    2,
    2.2,
    2.4,
    2.3,
    2.2,
    2.2,
    2.3,
    2.5,
    2.8,
    3.2,
    3.5,
    3.4,
    2.6,
    1.2,
]
SRC_WEB = {"Google": "google", "Instagram": "ig", "Direct": "(none)"}


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


def within(ts):
    return START <= ts < END


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def season(d):
    m = d.month
    w = {
        1: 0.6,
        2: 0.65,
        3: 0.85,
        4: 1.0,
        5: 1.15,
        6: 1.6,
        7: 1.85,
        8: 1.8,
        9: 1.2,
        10: 1.0,
        11: 0.7,
        12: 0.75,
    }[m]
    if d.weekday() >= 4:
        w *= 1.15
    return w


web, ota_hw, ota_bdc, guests, stays, incidents, till, reviews = ([] for _ in range(8))
commission = {}  # (month, channel) -> EUR
seq = {
    "guest": 40000,
    "res": 100000,
    "cookie": 0,
    "inc": 0,
    "till": 700000,
    "rev": 0,
    "hw": 0,
    "bdc": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.n = len(people)
        self.cookie = None
        self.email = None
        self.guest_no = None
        self.country = pick(COUNTRIES, COUNTRY_W)
        self.age = pick(AGES, AGE_W)
        self.party = pick(["Solo", "Couple", "Group"], [55, 25, 20])


people = []


def pms_guest(p, ts):
    if p.guest_no is None:
        p.guest_no = f"G{nxt('guest')}"
        guests.append((p, ts))


def choose_property(ts):
    names = list(PROPS)
    w = [PROPS[n][1] for n in names]
    if ts < BERLIN_ON_SALE:
        w[names.index("BER-KRZ")] = 0
    return pick(names, w)


def stay_plan(prop, booked):
    lead = min(120, R.expovariate(1 / 16))
    arr_day = (booked + timedelta(days=lead)).date()
    if prop == "BER-KRZ" and arr_day < BERLIN_OPEN.date():
        arr_day = BERLIN_OPEN.date() + timedelta(days=R.randrange(0, 10))
    nights = max(1, min(9, round(R.gauss(2.6, 1.4))))
    return arr_day, nights


def price(prop, room, arr_day, nights, beds):
    city = PROPS[prop][0]
    base = DORM_PRICE[city] if room == "dorm" else DORM_PRICE[city] * 3.2
    base *= 1.0 + 0.45 * (arr_day.month in (6, 7, 8)) + 0.15 * (arr_day.weekday() >= 4)
    return round(base * nights * (beds if room == "dorm" else 1) * R.uniform(0.92, 1.08), 2)


def book(p, ts, channel):
    """A reservation through `channel` (an OTA or a web source) and the stay after it."""
    if not within(ts):
        return
    prop = choose_property(ts)
    room = "private" if (p.party == "Couple" and chance(0.7)) or chance(0.12) else "dorm"
    beds = (
        {"Solo": 1, "Couple": 2, "Group": R.choice([3, 4, 4, 5, 6])}[p.party]
        if room == "dorm"
        else 1
    )
    arr_day, nights = stay_plan(prop, ts)
    amount = price(prop, room, arr_day, nights, beds)
    res = f"NN{nxt('res')}"
    pms_guest(p, ts)
    if channel == "Hostelworld":
        pay = "deposit"
        ref = f"HW-{R.randrange(10**8, 10**9)}"
        rate = 0.15
        ota_hw.append(
            [
                ref,
                p.email,
                "Confirmed",
                ts,
                prop,
                room,
                nights,
                beds,
                arr_day,
                amount,
                round(amount * rate, 2),
            ]
        )
    elif channel == "Booking.com":
        pay = "pay_at_arrival" if chance(0.8) else "deposit"
        ref = str(R.randrange(10**9, 10**10))
        rate = 0.18 if ts >= BDC_HIKE else 0.15
        ota_bdc.append(
            [
                ref,
                p.email,
                "ok",
                ts,
                prop,
                room,
                nights,
                beds,
                arr_day,
                amount,
                round(amount * rate, 2),
                pay,
            ]
        )
    else:
        pay = "deposit" if chance(0.55) else "pay_at_arrival"
        ref = res
        rate = 0.0
        web.append(
            (
                ts,
                p.cookie,
                p.email,
                "booking_confirmed",
                channel,
                prop,
                room,
                nights,
                beds,
                arr_day,
                amount,
                pay,
                res,
            )
        )
    cancelled = False
    cancel_p = {"Hostelworld": 0.09, "Booking.com": 0.2}.get(channel, 0.1)
    arrive = datetime(arr_day.year, arr_day.month, arr_day.day)
    if chance(cancel_p):
        cancelled = True
        ct = ts + (arrive - ts) * R.uniform(0.1, 0.95)
        if within(ct):
            log_status(
                channel, ref, res, p, "cancel", ct, prop, room, nights, beds, arr_day, amount, pay
            )
    if not cancelled:
        mon = f"{ts:%Y-%m}"
        if channel in ("Hostelworld", "Booking.com"):
            commission[(mon, channel)] = commission.get((mon, channel), 0.0) + amount * rate
        ns_p = 0.08 if pay == "pay_at_arrival" else 0.02
        if chance(ns_p):
            nt = arrive + timedelta(days=1, hours=R.uniform(1, 3))
            if within(nt):
                log_status(
                    channel,
                    ref,
                    res,
                    p,
                    "noshow",
                    nt,
                    prop,
                    room,
                    nights,
                    beds,
                    arr_day,
                    amount,
                    pay,
                )
            return
        stay(p, prop, room, beds, arr_day, nights, res, channel, amount)


def log_status(channel, ref, res, p, what, ts, prop, room, nights, beds, arr_day, amount, pay):
    if channel == "Hostelworld":
        word = {"cancel": "Cancelled", "noshow": "No-show"}[what]
        ota_hw.append([ref, p.email, word, ts, prop, room, nights, beds, arr_day, amount, 0.0])
    elif channel == "Booking.com":
        word = {"cancel": "cancelled_by_guest", "noshow": "no_show"}[what]
        ota_bdc.append(
            [ref, p.email, word, ts, prop, room, nights, beds, arr_day, amount, 0.0, pay]
        )
    else:
        stays.append(
            (res, p, prop, room, {"cancel": "CXL", "noshow": "NS"}[what], ts, nights, 0, pay)
        )


def stay(p, prop, room, beds, arr_day, nights, res, channel, amount):
    ci = datetime(
        arr_day.year,
        arr_day.month,
        arr_day.day,
        R.choice([14, 15, 15, 16, 17, 18, 19, 20, 21, 22]),
        R.randrange(60),
    )
    if not within(ci):
        return
    stays.append((res, p, prop, room, "CI", ci, nights, 0, ""))
    extra = 0
    if chance(0.09):
        extra = R.choice([1, 1, 2])
        et = ci + timedelta(days=nights - 1, hours=R.uniform(12, 18))
        if within(et):
            ext_amt = price(prop, room, arr_day, extra, beds)
            stays.append((res, p, prop, room, "EXT", et, extra, round(ext_amt * 100), ""))
    total_n = nights + extra
    co_day = arr_day + timedelta(days=total_n)
    co = datetime(
        co_day.year, co_day.month, co_day.day, R.choice([8, 9, 9, 10, 10, 10, 11]), R.randrange(60)
    )
    bad = prop == BAD_HOSTEL and BAD_STREAK[0] <= ci < BAD_STREAK[1]
    # extras at the bar / tour desk / reception
    city = PROPS[prop][0]
    for n in range(total_n):
        day = ci.date() + timedelta(days=n)
        if chance(0.35):
            sale(
                p,
                datetime(day.year, day.month, day.day + 0, 0)
                + timedelta(days=1, hours=R.uniform(7.5, 10.5)),
                "BRKFST",
                beds if room == "dorm" else 2,
                6.5,
                prop,
                "Bar",
            )
        if chance(0.12):
            sale(
                p,
                datetime(day.year, day.month, day.day) + timedelta(hours=R.uniform(9, 11)),
                "TOUR_WALK",
                1,
                12.0,
                prop,
                "Tours",
            )
        crawl_p = 0.3 if city in ("Barcelona", "Berlin") else 0.2
        t_crawl = datetime(day.year, day.month, day.day) + timedelta(hours=R.uniform(19, 22))
        if t_crawl >= PUB_CRAWL and chance(crawl_p):
            sale(p, t_crawl, "PUBCRAWL", R.choice([1, 1, 2]), 18.0, prop, "Tours")
    if chance(0.3):
        sale(p, ci + timedelta(minutes=R.uniform(5, 40)), "LOCKER", total_n, 3.0, prop, "Reception")
    # incidents
    inc_p = 0.22 if bad else 0.045
    if chance(inc_p):
        t = ci + timedelta(hours=R.uniform(2, max(3, 24 * total_n - 4)))
        kind = pick(
            ["NOISE", "CLEAN", "LUGGAGE", "REQUEST"], [5, 4, 0.5, 0.5] if bad else [3, 2.5, 1.2, 3]
        )
        incident(p, t, prop, kind, bad)
    if within(co):
        stays.append((res, p, prop, room, "CO", co, total_n, 0, ""))
        if chance(0.3):
            rt = co + timedelta(days=R.uniform(0.2, 6))
            if within(rt):
                mean = 5.1 if bad else (8.7 if city != "Berlin" else 8.9)
                score = max(1, min(10, round(R.gauss(mean, 1.3))))
                plat = {"Hostelworld": "HW", "Booking.com": "BDC"}.get(channel, "GOOGLE")
                reviews.append((f"RV{nxt('rev'):06d}", p, res, prop, plat, rt, score))
        if chance(0.07):
            rb = co + timedelta(days=R.uniform(15, 150))
            src = pick(["Direct", "Google", "Hostelworld"], [5, 2, 2])
            if src == "Hostelworld":
                book(p, rb, "Hostelworld")
            else:
                web_visit(p, rb, src, force=True)


def sale(p, ts, item, qty, unit, prop, outlet):
    if not within(ts):
        return
    till.append((nxt("till"), p, ts, prop, outlet, item, qty, round(qty * unit, 2)))


def incident(p, t, prop, kind, bad):
    if not within(t):
        return
    fr = R.uniform(0.05, 1.2) if kind != "LUGGAGE" else R.uniform(0.2, 3)
    if bad:
        fr *= 2.5
    res = (
        fr
        + {
            "NOISE": R.uniform(0.5, 10),
            "CLEAN": R.uniform(0.5, 6),
            "LUGGAGE": R.uniform(6, 96),
            "REQUEST": R.uniform(0.2, 4),
        }[kind]
    )
    closed = t + timedelta(hours=res)
    rating = ""
    if chance(0.5):
        rating = max(1, min(5, round(R.gauss(2.6 if bad else 3.9, 1.0))))
    incidents.append(
        (
            f"INC{nxt('inc'):05d}",
            p,
            prop,
            kind,
            t,
            t + timedelta(hours=fr),
            closed if within(closed) else None,
            rating,
        )
    )


def web_visit(p, ts, source, force=False):
    """A website session in the booking engine; the email is given at the guest-details step."""
    if not within(ts) or (OUTAGE[0] <= ts < OUTAGE[1]):
        return False
    if p.cookie is None:
        p.cookie = "ck_" + h(f"cookie{nxt('cookie')}")[:16]
    prop = choose_property(ts)
    web.append((ts, p.cookie, p.email, "site_visit", source, prop, "", "", "", "", "", "", ""))
    t = ts + timedelta(minutes=R.uniform(0.3, 3))
    if not (force or chance(0.72)):
        return False
    web.append((t, p.cookie, p.email, "date_search", source, prop, "", "", "", "", "", "", ""))
    t += timedelta(minutes=R.uniform(0.5, 4))
    if not (force or chance(0.55)):
        return False
    room = "private" if p.party == "Couple" and chance(0.7) else "dorm"
    web.append((t, p.cookie, p.email, "room_selected", source, prop, room, "", "", "", "", "", ""))
    t += timedelta(minutes=R.uniform(1, 5))
    if not (force or chance(0.62)):
        return False
    if p.email is None:
        p.email = f"{h('mail' + str(p.n))[:10]}@mail.example"
    web.append(
        (t, p.cookie, p.email, "guest_details_entered", source, prop, room, "", "", "", "", "", "")
    )
    t += timedelta(minutes=R.uniform(1, 6))
    if not (force or chance(0.74)):
        return False
    book(p, t, source)
    return True


def new_person():
    p = Person()
    people.append(p)
    return p


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        s = season(d)
        down = OUTAGE[0] <= dt < OUTAGE[1]
        # website visitors by source
        for src, lam in (
            ("Google", 8.5),
            ("Instagram", 5.0 if dt >= datetime(2026, 5, 1) else 3.5),
            ("Direct", 4.5),
        ):
            for _ in range(poisson(lam * s)):
                p = new_person()
                ts = at(d)
                if down:
                    # the site is down: a few try again later, some book on an OTA instead
                    if chance(0.3):
                        web_visit(p, ts + timedelta(days=R.uniform(2.2, 6)), src)
                    elif chance(0.2):
                        p.email = f"{h('mail' + str(p.n))[:10]}@mail.example"
                        book(p, ts, pick(["Hostelworld", "Booking.com"], [1, 1]))
                    continue
                for v in range(R.choice([1, 1, 1, 2])):
                    if web_visit(p, ts, src if v == 0 else pick([src, "Direct"], [1, 1])):
                        break
                    ts += timedelta(days=R.uniform(0.3, 5))
        # OTA bookers (they never touch the website)
        for ch, lam in (("Hostelworld", 5.2), ("Booking.com", 4.6)):
            for _ in range(poisson(lam * s)):
                p = new_person()
                if ch == "Hostelworld":
                    p.email = f"{h('mail' + str(p.n))[:10]}@mail.example"
                else:
                    p.email = (
                        f"{h('bdc' + str(p.n))[:8]}.{R.randrange(100000, 999999)}@guest.booking.com"
                    )
                book(p, at(d), ch)


def lis(ts):
    return ts.replace(tzinfo=LISBON)


def write(folder: Path):
    with open(folder / "booking_engine.jsonl", "w") as f:
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            ts, cookie, email, ev, src, prop, room, nights, beds, arr, amount, pay, res = r
            local = lis(ts).astimezone(PROPS[prop][2])
            obj = {
                "event_time": local.isoformat(timespec="seconds"),
                "cookie_id": cookie,
                "email": email,
                "event": ev,
                "utm_source": SRC_WEB[src],
                "hostel": prop,
            }
            if room:
                obj["room_type"] = room
            if ev == "booking_confirmed":
                obj.update(
                    {
                        "booking_ref": res,
                        "nights": nights,
                        "beds": beds,
                        "arrival": f"{arr:%Y-%m-%d}",
                        "total_eur": amount,
                        "payment_option": pay,
                    }
                )
            f.write(json.dumps(obj) + "\n")
    with open(folder / "hostelworld_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Booking Ref",
                "Guest Email",
                "Status",
                "Status Date (UTC)",
                "Property",
                "Room Type",
                "Nights",
                "Beds",
                "Arrival",
                "Total EUR",
                "Commission EUR",
            ]
        )
        for r in sorted(ota_hw, key=lambda r: (r[3], r[0])):
            utc = lis(r[3]).astimezone(UTC)
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{utc:%Y-%m-%d %H:%M:%S}",
                    "NomadNest " + NAMES[r[4]],
                    {"dorm": "Mixed Dorm", "private": "Private Room"}[r[5]],
                    r[6],
                    r[7],
                    f"{r[8]:%Y-%m-%d}",
                    f"{r[9]:.2f}",
                    f"{r[10]:.2f}",
                ]
            )
    with open(folder / "bookingcom_export.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            [
                "Reservation number",
                "Booker email",
                "Status",
                "Date",
                "Property name",
                "Unit type",
                "Nights",
                "Persons",
                "Check-in",
                "Price",
                "Commission amount",
                "Payment",
            ]
        )
        for r in sorted(ota_bdc, key=lambda r: (r[3], r[0])):
            ams = lis(r[3]).astimezone(AMS)
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{ams:%Y-%m-%d %H:%M:%S}",
                    "NomadNest " + NAMES[r[4]],
                    {"dorm": "Bed in Dormitory", "private": "Double Room"}[r[5]],
                    r[6],
                    r[7],
                    f"{r[8]:%Y-%m-%d}",
                    f"{r[9]:.2f}",
                    f"{r[10]:.2f}",
                    {"deposit": "Prepaid", "pay_at_arrival": "Pay at property"}[r[11]],
                ]
            )
    with open(folder / "pms_guests.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["guest_no", "email", "created", "country", "age_group", "party"])
        for p, ts in sorted(guests, key=lambda g: g[0].guest_no):
            w.writerow(
                [p.guest_no, p.email or "", f"{ts:%d/%m/%Y %H:%M}", p.country, p.age, p.party]
            )
    with open(folder / "pms_stays.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "res_no",
                "guest_no",
                "property_code",
                "room_type",
                "event_code",
                "event_dt",
                "nights",
                "amount_cents",
                "payment",
            ]
        )
        for res, p, prop, room, code, ts, nights, cents, pay in sorted(
            stays, key=lambda r: (r[5], r[0], r[4])
        ):
            w.writerow(
                [
                    res,
                    p.guest_no,
                    prop,
                    {"dorm": "DORM", "private": "PRIV"}[room],
                    code,
                    f"{ts:%d/%m/%Y %H:%M}",
                    nights,
                    cents or "",
                    {"deposit": "DEP", "pay_at_arrival": "PAA", "": ""}[pay],
                ]
            )
    with open(folder / "pms_incidents.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "incident_no",
                "guest_no",
                "property_code",
                "type",
                "reported",
                "first_action",
                "closed",
                "complaint",
                "guest_rating",
            ]
        )
        for no, p, prop, kind, t, fa, cl, rating in incidents:
            w.writerow(
                [
                    no,
                    p.guest_no,
                    prop,
                    kind,
                    f"{t:%d/%m/%Y %H:%M}",
                    f"{fa:%d/%m/%Y %H:%M}",
                    f"{cl:%d/%m/%Y %H:%M}" if cl else "",
                    "N" if kind == "REQUEST" else "Y",
                    rating,
                ]
            )
    with open(folder / "till_sales.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ticket", "guest_no", "epoch", "site", "outlet", "item", "qty", "total"])
        for no, p, ts, prop, outlet, item, qty, total in sorted(till, key=lambda r: r[0]):
            w.writerow(
                [no, p.guest_no, int(lis(ts).timestamp()), prop, outlet, item, qty, f"{total:.2f}"]
            )
    with open(folder / "reviews_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "review_id",
                "reviewer_email",
                "reservation",
                "hostel",
                "platform",
                "submitted",
                "overall",
            ]
        )
        for rid, p, res, prop, plat, ts, score in sorted(reviews, key=lambda r: r[0]):
            w.writerow([rid, p.email or "", res, prop, plat, f"{ts:%Y-%m-%d %H:%M}", score])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["month", "line_item", "amount_eur"])
        m = date(2025, 12, 1)
        while m < END.date():
            s = season(m)
            mon = f"{m:%Y-%m}"
            w.writerow([mon, "Google Ads", f"{2600 * s * R.uniform(0.9, 1.1):.2f}"])
            meta = 1500 * s * R.uniform(0.9, 1.1) * (1.5 if m >= date(2026, 5, 1) else 1.0)
            w.writerow([mon, "Meta (Instagram)", f"{meta:.2f}"])
            w.writerow(
                [mon, "Hostelworld commission", f"{commission.get((mon, 'Hostelworld'), 0.0):.2f}"]
            )
            w.writerow(
                [mon, "Booking.com commission", f"{commission.get((mon, 'Booking.com'), 0.0):.2f}"]
            )
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="hostel-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        if os.environ.get("HOSTEL_KEEP"):
            shutil.copytree(folder, os.environ["HOSTEL_KEEP"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
