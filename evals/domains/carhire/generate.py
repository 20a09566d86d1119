"""Car-hire evaluation domain: Autovia Rent-a-Car, 22 branches in DE, ES, IT and PT.

    python generate.py OUT.duckdb

Writes Autovia's own exports (seeded: the same files every run) to a temporary folder —

  reservierungen.csv        reservation system (web, app, corporate portal, desk): German/English
                            column names, ISO timestamps with +01:00/+02:00 offsets
  broker_rentalcars.csv     Rentalcars.com feed (UTC, "YYYY-MM-DD HH:MM:SS")
  broker_bookingcars.csv    Booking.com Cars feed (local, "DD/MM/YYYY HH:MM")
  broker_expedia.csv        Expedia feed (ISO with Z)
  broker_discovercars.csv   Discover Cars feed (local, "YYYYMMDD HHMMSS")
  fleet_events.jsonl        fleet system: pickups, no-shows, returns, late returns, fuel charges
  claims.csv                claims system: damage inspections, claims, deposit releases
  kunden.csv                customer master (loyalty tier, residence, segment)
  umfrage_nps.csv           survey export (DD.MM.YYYY)
  beschwerden.csv           customer-service cases (complaints and enquiries)
  marketing_spend.csv       spend per channel per week (Monday)

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

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261116
START = datetime(2025, 11, 16)
END = datetime(2026, 11, 16)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
EASTER = (datetime(2026, 3, 28), datetime(2026, 4, 13))
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))
PT_OPEN = datetime(2026, 5, 4)
CHECKIN_LAUNCH = datetime(2026, 3, 2)
DISCOVER_POLICY = datetime(2026, 9, 1)
PMI_QUEUE = (datetime(2026, 8, 1), datetime(2026, 9, 1))
EV_LAUNCH = datetime(2026, 10, 1)
EV_BOOKABLE = datetime(2026, 9, 1)
PT_BOOKABLE = datetime(2026, 2, 2)

R = random.Random(SEED)

# branch code -> (country, kind, weight)
BRANCHES = {
    "FRA-APT": ("DE", 1.4),
    "MUC-APT": ("DE", 1.3),
    "BER-APT": ("DE", 1.1),
    "HAM-APT": ("DE", 0.7),
    "DUS-APT": ("DE", 0.7),
    "BER-HBF": ("DE", 0.6),
    "MUC-CITY": ("DE", 0.5),
    "STR-HBF": ("DE", 0.4),
    "MAD-APT": ("ES", 1.2),
    "BCN-APT": ("ES", 1.2),
    "AGP-APT": ("ES", 1.3),
    "PMI-APT": ("ES", 1.6),
    "MAD-ATOCHA": ("ES", 0.5),
    "BCN-SANTS": ("ES", 0.5),
    "FCO-APT": ("IT", 1.2),
    "MXP-APT": ("IT", 0.9),
    "NAP-APT": ("IT", 0.8),
    "VCE-APT": ("IT", 0.7),
    "CTA-APT": ("IT", 0.8),
    "ROM-TERMINI": ("IT", 0.5),
    "LIS-APT": ("PT", 1.4),
    "FAO-APT": ("PT", 1.2),
}
SUN = {"ES", "IT", "PT"}
CLASSES = ["Mini", "Economy", "Compact", "SUV", "Van", "Premium", "Electric"]
CLASS_W = [0.12, 0.3, 0.27, 0.15, 0.06, 0.1, 0.0]
DAY_RATE = {
    "Mini": 32,
    "Economy": 39,
    "Compact": 48,
    "SUV": 72,
    "Van": 95,
    "Premium": 118,
    "Electric": 69,
}
KLASSE = {
    "Mini": "MINI",
    "Economy": "ECON",
    "Compact": "KOMPAKT",
    "SUV": "SUV",
    "Van": "VAN",
    "Premium": "PREMIUM",
    "Electric": "ELEKTRO",
}
EXTRAS = {
    "VOLLKASKO": (0.32, 15.0),
    "KINDERSITZ": (0.08, 8.0),
    "NAVI": (0.07, 7.0),
    "ZUSATZFAHRER": (0.12, 9.0),
}
SOURCES = ["google_ads", "meta", "affiliate", "seo", "direct", "app"]
SOURCE_W = [0.3, 0.12, 0.1, 0.2, 0.13, 0.15]
BOOK_P = {
    "google_ads": 0.33,
    "meta": 0.18,
    "affiliate": 0.3,
    "seo": 0.3,
    "direct": 0.42,
    "app": 0.45,
}
BROKERS = ["rentalcars", "bookingcars", "expedia", "discovercars"]
BROKER_W = [0.36, 0.26, 0.14, 0.24]
BROKER_CXL = {"rentalcars": 0.12, "bookingcars": 0.11, "expedia": 0.09, "discovercars": 0.11}
RESIDENCE = ["DE", "ES", "IT", "PT", "GB", "NL", "FR", "US", "CN", "other"]
RES_W = [0.3, 0.1, 0.1, 0.03, 0.15, 0.06, 0.06, 0.08, 0.07, 0.05]
HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    1.5,
    2.2,
    2.8,
    3,
    3,
    3,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.6,
    4.2,
    4.6,
    4,
    2.5,
    0.8,
]
DESK_HOURS = [0] * 6 + [1, 3, 4, 4, 4, 4, 3, 3, 3, 3, 4, 4, 3, 2, 1.5, 1, 0.5, 0]


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
    return hashlib.sha1(text.encode()).hexdigest()[:16]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def season(d):
    w = 1.0
    m = d.month
    w *= {
        1: 0.6,
        2: 0.65,
        3: 0.85,
        4: 1.0,
        5: 1.05,
        6: 1.3,
        7: 1.9,
        8: 2.0,
        9: 1.3,
        10: 1.0,
        11: 0.75,
        12: 0.9,
    }[m]
    if inw(d, EASTER):
        w *= 2.2
    if datetime(2025, 12, 20) <= d < datetime(2026, 1, 4):
        w *= 1.25
    return w


res, brk, fleet, claims, custs, survey, cases = ([] for _ in range(7))
seq = {"kd": 700000, "res": 0, "brk": 0, "ra": 0, "clm": 0, "case": 0, "ck": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, segment="Privat"):
        self.cookie = None
        self.kd = None
        self.email = h(f"mail{nxt('ck')}")
        self.segment = segment
        self.tier = pick(
            ["Basic", "Silver", "Gold"],
            [0.72, 0.19, 0.09] if segment == "Privat" else [0.3, 0.3, 0.4],
        )
        self.residence = pick(RESIDENCE, RES_W)
        self.created = None


def register(p, ts):
    if p.kd is None:
        p.kd = f"KD{nxt('kd')}"
        p.created = ts
        custs.append(p)


def ev(p, ts, typ, channel, **kw):
    if not within(ts):
        return False
    res.append(
        {
            "ts": ts,
            "cookie": p.cookie or "",
            "kd": p.kd or "",
            "email": kw.pop("email", ""),
            "typ": typ,
            "channel": channel,
            **kw,
        }
    )
    return True


def pick_branch(pickup, booked):
    # the Portuguese branches take bookings from 2 February for pickups from 4 May
    pt_ok = pickup >= PT_OPEN and booked >= PT_BOOKABLE
    names = [b for b in BRANCHES if pt_ok or BRANCHES[b][0] != "PT"]
    summer = inw(pickup, SUMMER)
    w = [BRANCHES[b][1] * (1.5 if summer and BRANCHES[b][0] in SUN else 1.0) for b in names]
    return pick(names, w)


def pick_class(pickup, booked):
    # electric cars: bookable from 1 September, on the road from 1 October
    if pickup >= EV_LAUNCH and booked >= EV_BOOKABLE and chance(0.13):
        return "Electric"
    return pick(CLASSES, CLASS_W)


def rental(p, booked, ref, channel, branch, cls, pickup, days, price, pay, checked_in, broker=None):
    """Pickup, return, fees, inspection, claim, deposit, invoice, survey, complaints."""
    if pickup >= END:
        return
    ra = f"RA{nxt('ra'):07d}"
    email = p.email
    no_show_p = 0.035 if pay == "PREPAID" else 0.07
    if chance(no_show_p):
        fleet.append(
            {
                "ts": pickup + timedelta(hours=3),
                "event": "NO_SHOW",
                "ref": ref,
                "branch": branch,
                "p": p,
            }
        )
        return
    register(p, pickup)
    wait = max(3.0, R.gauss(22, 7))
    if checked_in:
        wait = max(1.0, R.gauss(5, 2))
    queue = branch == "PMI-APT" and inw(pickup, PMI_QUEUE)
    if queue:
        wait += max(10.0, R.gauss(45, 14)) if not checked_in else max(5.0, R.gauss(18, 6))
    upgraded = chance(0.08 if cls not in ("Premium", "Van") else 0.02)
    fleet.append(
        {
            "ts": pickup,
            "event": "PICKUP",
            "ref": ref,
            "ra": ra,
            "branch": branch,
            "p": p,
            "cls": cls,
            "wait": round(wait, 1),
            "upg": upgraded,
            "email": email,
        }
    )
    ret = pickup + timedelta(days=days, minutes=R.uniform(-90, 60))
    if ret >= END:
        return
    late = chance(0.07)
    if late:
        ret_late = ret + timedelta(minutes=R.uniform(70, 400))
    fleet.append(
        {
            "ts": ret_late if late else ret,
            "event": "RETURN",
            "ref": ref,
            "ra": ra,
            "branch": branch,
            "p": p,
            "cls": cls,
            "km": int(days * R.uniform(60, 180)),
            "email": email,
        }
    )
    fee_total = 0.0
    if late:
        fee = 35.0 + round(R.uniform(0, 40), 2)
        fee_total += fee
        fleet.append(
            {
                "ts": ret_late + timedelta(minutes=5),
                "event": "LATE_RETURN",
                "ref": ref,
                "ra": ra,
                "branch": branch,
                "p": p,
                "cls": cls,
                "fee": fee,
                "email": email,
            }
        )
        ret = ret_late
    fuel = cls != "Electric" and chance(0.12)
    if fuel:
        fee = round(R.uniform(25, 90), 2)
        fee_total += fee
        fleet.append(
            {
                "ts": ret + timedelta(minutes=8),
                "event": "FUEL_CHARGE",
                "ref": ref,
                "ra": ra,
                "branch": branch,
                "p": p,
                "cls": cls,
                "fee": fee,
                "email": email,
            }
        )
    insp = ret + timedelta(minutes=R.uniform(10, 90))
    damage = chance(0.055)
    claims.append(
        {
            "ts": insp,
            "kind": "INSPECTION",
            "ra": ra,
            "email": email,
            "branch": branch,
            "result": "DAMAGE" if damage else "OK",
            "amount": "",
        }
    )
    deposit_stuck = False
    if damage:
        amt = round(R.uniform(120, 1400), 2)
        claims.append(
            {
                "ts": insp + timedelta(days=R.uniform(1, 6)),
                "kind": "CLAIM",
                "ra": ra,
                "email": email,
                "branch": branch,
                "result": "OPEN",
                "amount": f"{amt:.2f}",
            }
        )
        if chance(0.7):
            claims.append(
                {
                    "ts": insp + timedelta(days=R.uniform(14, 40)),
                    "kind": "DEPOSIT_RELEASE",
                    "ra": ra,
                    "email": email,
                    "branch": branch,
                    "result": "PARTIAL",
                    "amount": "",
                }
            )
        else:
            deposit_stuck = True
    elif chance(0.985):
        claims.append(
            {
                "ts": insp + timedelta(days=R.uniform(1, 5)),
                "kind": "DEPOSIT_RELEASE",
                "ra": ra,
                "email": email,
                "branch": branch,
                "result": "FULL",
                "amount": "",
            }
        )
    else:
        deposit_stuck = True
    total = round(price + fee_total, 2)
    inv = ret + timedelta(hours=R.uniform(1, 20))
    ev(
        p,
        inv,
        "RECHNUNG",
        "Abrechnung",
        ref=ref,
        branch=branch,
        cls=cls,
        betrag=f"{total:.2f}",
        email=email,
    )
    if chance(0.025):
        ev(
            p,
            inv + timedelta(days=R.uniform(3, 20)),
            "ERSTATTUNG",
            "Abrechnung",
            ref=ref,
            branch=branch,
            cls=cls,
            betrag=f"{round(R.uniform(20, 120), 2):.2f}",
            email=email,
        )
    # survey
    mood = 0.0
    if queue:
        mood += 3.6 if not checked_in else 1.2
    elif wait > 28:
        mood += 1.0
    if fuel or late:
        mood += 1.0
    if damage:
        mood += 1.5
    if upgraded:
        mood -= 0.6
    if chance(0.4):
        s_ts = ret + timedelta(days=R.uniform(1, 6))
        if within(s_ts):
            score = max(0, min(10, round(R.gauss(8.3 - mood, 1.5))))
            survey.append(
                {
                    "ts": s_ts,
                    "email": email,
                    "kd": p.kd,
                    "ra": ra,
                    "score": score,
                    "branch": branch,
                    "cls": cls,
                    "channel": channel,
                }
            )
    # complaints
    reasons = []
    long_wait = chance(0.4 if not checked_in else 0.1) if queue else wait > 30 and chance(0.04)
    if long_wait:
        reasons.append("Lange Wartezeit")
    if fuel and chance(0.09):
        reasons.append("Versteckte Gebuehren")
    if broker and chance(0.015):
        reasons.append("Versteckte Gebuehren")
    if chance(0.018):
        reasons.append("Fahrzeugzustand")
    if deposit_stuck and chance(0.45):
        reasons.append("Kaution nicht freigegeben")
    for reason in reasons[:1]:
        opened = (
            (pickup + timedelta(hours=R.uniform(1, 30)))
            if reason == "Lange Wartezeit"
            else (
                ret
                + timedelta(
                    days=R.uniform(1, 25)
                    if reason == "Kaution nicht freigegeben"
                    else R.uniform(0.2, 5)
                )
            )
        )
        case(p, opened, reason, True, branch, ref)
    if chance(0.03):
        case(
            p,
            booked + timedelta(days=R.uniform(0.1, 5)),
            pick(["Buchungsaenderung", "Rechnungskopie"], [2, 1]),
            False,
            branch,
            ref,
        )


def case(p, ts, reason, complaint, branch, ref):
    if not within(ts):
        return
    ch = pick(["E-Mail", "Telefon", "Webformular"], [0.45, 0.3, 0.25])
    fr = {
        "E-Mail": R.uniform(2, 30),
        "Telefon": R.uniform(0.02, 0.4),
        "Webformular": R.uniform(3, 40),
    }[ch]
    if reason == "Lange Wartezeit" and inw(ts, PMI_QUEUE):
        fr *= 1.8
    res_h = fr + R.uniform(4, 150 if complaint else 48)
    solved = ts + timedelta(hours=res_h)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(3.2 if complaint else 4.2, 1.0))))
    cases.append(
        {
            "id": f"SR-{nxt('case'):06d}",
            "email": p.email,
            "kd": p.kd or "",
            "ts": ts,
            "fr": ts + timedelta(hours=fr),
            "solved": solved if solved < END and chance(0.96) else None,
            "reason": reason,
            "ch": ch,
            "complaint": "ja" if complaint else "nein",
            "csat": csat,
            "branch": branch,
            "ref": ref,
        }
    )


def own_booking(p, d, source, search=True):
    """Search -> quote -> booking on the website / app, then extras, check-in, rental."""
    channel = "App" if source == "app" else "Website"
    if p.cookie is None:
        p.cookie = "ck_" + h(f"cookie{nxt('ck')}")
    t = at(d)
    lead = 1 + int(R.expovariate(1 / 21))
    pickup_day = d + timedelta(days=lead)
    branch = pick_branch(pickup_day, d)
    cls = pick_class(pickup_day, d)
    days = max(1, min(21, round(math.exp(R.gauss(1.35, 0.55)))))
    for s in range(R.choice([1, 1, 2])):
        if s:
            t = t + timedelta(days=R.uniform(0.2, 4))
        if search and not ev(p, t, "SUCHE", channel, branch=branch, cls=cls, src=source):
            return
        if not chance(0.78):
            continue
        price = round(DAY_RATE[cls] * days * season(pickup_day) ** 0.5 * R.uniform(0.85, 1.15), 2)
        qt = t + timedelta(minutes=R.uniform(0.5, 4))
        if not ev(
            p, qt, "ANGEBOT", channel, branch=branch, cls=cls, betrag=f"{price:.2f}", src=source
        ):
            return
        if not chance(BOOK_P[source] * (1.1 if s else 1.0)):
            continue
        register(p, qt)
        bt = qt + timedelta(minutes=R.uniform(2, 12))
        pay = pick(["VORKASSE", "ZAHLUNG_BEI_ABHOLUNG"], [0.55, 0.45])
        ref = f"AV{nxt('res'):07d}"
        if not ev(
            p,
            bt,
            "BUCHUNG",
            channel,
            ref=ref,
            branch=branch,
            cls=cls,
            betrag=f"{price:.2f}",
            pay=pay,
            src=source,
            email=p.email,
        ):
            return
        book_extras(p, bt, channel, ref, branch, cls, days)
        pickup = at(pickup_day, DESK_HOURS)
        if pickup <= bt:
            pickup = bt + timedelta(hours=R.uniform(2, 20))
        if chance(0.1):
            c_ts = bt + (pickup - bt) * R.uniform(0.05, 0.95)
            ev(p, c_ts, "STORNO", channel, ref=ref, branch=branch, cls=cls)
            if pay == "VORKASSE":
                ev(
                    p,
                    c_ts + timedelta(days=R.uniform(1, 5)),
                    "ERSTATTUNG",
                    "Abrechnung",
                    ref=ref,
                    branch=branch,
                    cls=cls,
                    betrag=f"{price:.2f}",
                    email=p.email,
                )
            return
        checked = online_checkin(p, pickup, channel, ref, branch, cls)
        rental(p, bt, ref, channel, branch, cls, pickup, days, price, pay, checked)
        if chance(0.12):
            d2 = (pickup + timedelta(days=days + R.uniform(20, 150))).replace(
                hour=0, minute=0, second=0
            )
            if d2 < END:
                own_booking(p, d2, pick(["direct", "app", "seo"], [3, 2, 1]), search=chance(0.6))
        return


def book_extras(p, bt, channel, ref, branch, cls, days):
    for code, (prob, per_day) in EXTRAS.items():
        if code == "KINDERSITZ" and cls in ("Mini", "Premium"):
            continue
        if chance(prob):
            ev(
                p,
                bt + timedelta(minutes=R.uniform(0.5, 3)),
                "ZUSATZLEISTUNG",
                channel,
                ref=ref,
                branch=branch,
                cls=cls,
                extra=code,
                betrag=f"{per_day * days:.2f}",
            )


def online_checkin(p, pickup, channel, ref, branch, cls):
    if pickup < CHECKIN_LAUNCH:
        return False
    if not chance({"App": 0.7, "Website": 0.55, "Broker": 0.4}.get(channel, 0.65)):
        return False
    ct = max(pickup - timedelta(hours=R.uniform(2, 48)), CHECKIN_LAUNCH + timedelta(hours=8))
    # broker renters check in through the link in Autovia's e-mail: known by e-mail only
    return ev(
        p,
        ct,
        "ONLINE_CHECKIN",
        "Website" if channel == "Broker" else channel,
        ref=ref,
        branch=branch,
        cls=cls,
        email=p.email,
    )


def broker_booking(d):
    p = Person()
    broker = pick(BROKERS, BROKER_W)
    t = at(d)
    lead = 1 + int(R.expovariate(1 / 25))
    pickup_day = d + timedelta(days=lead)
    branch = pick_branch(pickup_day, d)
    cls = pick_class(pickup_day, d)
    days = max(1, min(21, round(math.exp(R.gauss(1.5, 0.5)))))
    price = round(DAY_RATE[cls] * days * season(pickup_day) ** 0.5 * R.uniform(0.8, 1.1), 2)
    ref = f"{broker[:2].upper()}{nxt('brk'):08d}"
    brk.append(
        {
            "broker": broker,
            "ts": t,
            "status": "NEW",
            "ref": ref,
            "email": p.email,
            "branch": branch,
            "cls": cls,
            "pickup": pickup_day,
            "days": days,
            "price": price,
        }
    )
    pickup = at(pickup_day, DESK_HOURS)
    cxl = BROKER_CXL[broker]
    if broker == "discovercars" and t >= DISCOVER_POLICY:
        cxl = 0.36
    if chance(cxl):
        c_ts = t + (pickup - t) * R.uniform(0.1, 0.98)
        brk.append(
            {
                "broker": broker,
                "ts": c_ts,
                "status": "CXL",
                "ref": ref,
                "email": p.email,
                "branch": branch,
                "cls": cls,
                "pickup": pickup_day,
                "days": days,
                "price": price,
            }
        )
        return
    checked = online_checkin(p, pickup, "Broker", ref, branch, cls)
    rental(p, t, ref, broker, branch, cls, pickup, days, price, "PREPAID", checked, broker=broker)


def corporate(d):
    p = Person("Firmenkunde")
    register(p, at(d))
    p.cookie = "ck_" + h(f"cookie{nxt('ck')}")
    for _ in range(1 + poisson(1.5)):
        t = at(d + timedelta(days=R.randrange(0, 200)))
        if not within(t):
            continue
        pickup_day = t + timedelta(days=R.randint(1, 14))
        branch = pick_branch(pickup_day, t)
        cls = pick(["Compact", "Premium", "SUV", "Economy"], [0.4, 0.3, 0.15, 0.15])
        if pickup_day >= EV_LAUNCH and t >= EV_BOOKABLE and chance(0.2):
            cls = "Electric"
        days = R.randint(1, 5)
        price = round(DAY_RATE[cls] * days * 0.9, 2)
        ref = f"AV{nxt('res'):07d}"
        ev(
            p,
            t,
            "BUCHUNG",
            "Firmenportal",
            ref=ref,
            branch=branch,
            cls=cls,
            betrag=f"{price:.2f}",
            pay="FIRMENKONTO",
            email=p.email,
        )
        if chance(0.3):
            ev(
                p,
                t + timedelta(minutes=1),
                "ZUSATZLEISTUNG",
                "Firmenportal",
                ref=ref,
                branch=branch,
                cls=cls,
                extra="ZUSATZFAHRER",
                betrag=f"{9.0 * days:.2f}",
            )
        pickup = at(pickup_day, DESK_HOURS)
        if chance(0.07):
            ev(p, t + (pickup - t) * 0.5, "STORNO", "Firmenportal", ref=ref, branch=branch, cls=cls)
            continue
        checked = online_checkin(p, pickup, "Firmenportal", ref, branch, cls)
        rental(p, t, ref, "Firmenportal", branch, cls, pickup, days, price, "PREPAID", checked)


def walk_up(d):
    p = Person()
    pickup_day = d
    branch = pick_branch(pickup_day, d)
    t = at(d, DESK_HOURS)
    register(p, t)
    cls = pick_class(pickup_day, d)
    days = max(1, min(10, round(math.exp(R.gauss(1.1, 0.5)))))
    price = round(DAY_RATE[cls] * days * 1.15, 2)
    ref = f"AV{nxt('res'):07d}"
    ev(
        p,
        t,
        "BUCHUNG",
        "Schalter",
        ref=ref,
        branch=branch,
        cls=cls,
        betrag=f"{price:.2f}",
        pay="ZAHLUNG_BEI_ABHOLUNG",
        email=p.email,
    )
    book_extras(p, t, "Schalter", ref, branch, cls, days)
    rental(
        p,
        t,
        ref,
        "Schalter",
        branch,
        cls,
        t + timedelta(minutes=R.uniform(10, 30)),
        days,
        price,
        "ZAHLUNG_BEI_ABHOLUNG",
        False,
    )


def simulate():
    for k in range(-45, N_DAYS):  # bookings made before the window are picked up inside it
        dt = START + timedelta(days=k)
        # bookings are made ahead of the trip: demand leads the season by about three weeks
        w = season(dt + timedelta(days=21))
        for _ in range(poisson(15.5 * w)):
            own_booking(Person(), dt, pick(SOURCES, SOURCE_W))
        for _ in range(poisson(8 * w)):
            broker_booking(dt)
        if dt >= START and dt.weekday() < 5 and chance(0.9):
            for _ in range(poisson(0.9)):
                corporate(dt)
        for _ in range(poisson(1.1 * season(dt))):
            walk_up(dt)


def berlin_offset(ts):
    return 2 if datetime(2026, 3, 29, 2) <= ts < datetime(2026, 10, 25, 3) else 1


def iso_off(ts):
    return f"{ts:%Y-%m-%dT%H:%M:%S}+0{berlin_offset(ts)}:00"


def utc(ts):
    return ts - timedelta(hours=berlin_offset(ts))


def write(folder: Path):
    with open(folder / "reservierungen.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            [
                "Zeitstempel",
                "session_cookie",
                "KundenNr",
                "email_sha",
                "event_type",
                "Kanal",
                "Buchungsnr",
                "Filiale",
                "Fahrzeugklasse",
                "Zahlart",
                "Extra",
                "Betrag_EUR",
                "Buchungswert_EUR",
                "utm_source",
            ]
        )
        for r in sorted(res, key=lambda r: (r["ts"], r["typ"], r.get("ref", ""))):
            w.writerow(
                [
                    iso_off(r["ts"]),
                    r["cookie"] if r["typ"] in ("SUCHE", "ANGEBOT", "BUCHUNG") else "",
                    r["kd"],
                    r["email"],
                    r["typ"],
                    r["channel"],
                    r.get("ref", ""),
                    r.get("branch", ""),
                    KLASSE[r["cls"]] if r.get("cls") else "",
                    r.get("pay", ""),
                    r.get("extra", ""),
                    "" if r["typ"] == "BUCHUNG" else r.get("betrag", ""),
                    r.get("betrag", "") if r["typ"] == "BUCHUNG" else "",
                    r.get("src", ""),
                ]
            )
    heads = {
        "rentalcars": [
            "booking_reference",
            "event_time_utc",
            "status",
            "customer_email_sha",
            "pickup_location",
            "pickup_date",
            "rental_days",
            "car_group",
            "total_price_eur",
        ],
        "bookingcars": [
            "Reservation ID",
            "Modified",
            "Reservation status",
            "Guest email hash",
            "Supplier location",
            "Pick-up",
            "Days",
            "Vehicle category",
            "Amount (EUR)",
        ],
        "expedia": [
            "itinerary_id",
            "timestamp",
            "state",
            "traveler_hash",
            "station_code",
            "pickup",
            "duration_days",
            "sipp_class",
            "gross_eur",
        ],
        "discovercars": [
            "DC_REF",
            "CHANGED_AT",
            "BOOKING_STATE",
            "EMAIL_SHA1",
            "STATION",
            "PICKUP_DATE",
            "DAYS",
            "CAR_CLASS",
            "PRICE",
        ],
    }
    status = {
        "rentalcars": {"NEW": "confirmed", "CXL": "cancelled"},
        "bookingcars": {"NEW": "Confirmed", "CXL": "Cancelled by guest"},
        "expedia": {"NEW": "BOOKED", "CXL": "CANCELED"},
        "discovercars": {"NEW": "CONFIRMED", "CXL": "CANCELLED"},
    }
    sipp = {
        "Mini": "MBMR",
        "Economy": "EDMR",
        "Compact": "CDMR",
        "SUV": "IFAR",
        "Van": "PVMR",
        "Premium": "PDAR",
        "Electric": "CDAE",
    }
    for b in BROKERS:
        with open(folder / f"broker_{b}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(heads[b])
            for r in sorted(
                (r for r in brk if r["broker"] == b), key=lambda r: (r["ts"], r["ref"])
            ):
                if not within(r["ts"]):
                    continue
                ts = r["ts"]
                tsv = {
                    "rentalcars": f"{utc(ts):%Y-%m-%d %H:%M:%S}",
                    "bookingcars": f"{ts:%d/%m/%Y %H:%M}",
                    "expedia": f"{utc(ts):%Y-%m-%dT%H:%M:%S}Z",
                    "discovercars": f"{ts:%Y%m%d %H%M%S}",
                }[b]
                cls = (
                    sipp[r["cls"]]
                    if b == "expedia"
                    else r["cls"]
                    if b != "discovercars"
                    else r["cls"].upper()
                )
                w.writerow(
                    [
                        r["ref"],
                        tsv,
                        status[b][r["status"]],
                        r["email"],
                        r["branch"],
                        f"{r['pickup']:%Y-%m-%d}",
                        r["days"],
                        cls,
                        f"{r['price'] if r['status'] == 'NEW' else 0:.2f}",
                    ]
                )
    with open(folder / "fleet_events.jsonl", "w") as f:
        for r in sorted(fleet, key=lambda r: (r["ts"], r["ref"], r["event"])):
            if not within(r["ts"]):
                continue
            p = r["p"]
            obj = {
                "eventTime": f"{r['ts']:%Y-%m-%d %H:%M:%S}",
                "eventType": r["event"],
                "reservationRef": r["ref"],
                "agreementNo": r.get("ra", ""),
                "customerNo": p.kd or "",
                "emailSha": p.email,
                "station": r["branch"],
                "vehicleClass": r.get("cls", ""),
                "deskWaitMin": r.get("wait"),
                "upgraded": r.get("upg"),
                "odometerKm": r.get("km"),
                "chargeEur": r.get("fee"),
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "claims.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "claim_event_ts",
                "record_type",
                "agreement_no",
                "customer_email_sha",
                "branch_code",
                "outcome",
                "claim_amount_eur",
            ]
        )
        for r in sorted(claims, key=lambda r: (r["ts"], r["ra"], r["kind"])):
            if within(r["ts"]):
                w.writerow(
                    [
                        f"{r['ts']:%Y-%m-%dT%H:%M}",
                        r["kind"],
                        r["ra"],
                        r["email"],
                        r["branch"],
                        r["result"],
                        r["amount"],
                    ]
                )
    with open(folder / "kunden.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            ["KundenNr", "email_sha", "angelegt_am", "Treuestufe", "Wohnsitzland", "Kundentyp"]
        )
        for p in sorted(custs, key=lambda p: p.kd):
            if p.created < END:
                w.writerow(
                    [
                        p.kd,
                        p.email,
                        f"{p.created:%d.%m.%Y %H:%M}",
                        p.tier.upper(),
                        p.residence,
                        p.segment,
                    ]
                )
    with open(folder / "umfrage_nps.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            ["Datum", "email_sha", "Mietvertrag", "Empfehlung_0_10", "Filiale", "Fahrzeugklasse"]
        )
        for r in sorted(survey, key=lambda r: (r["ts"], r["ra"])):
            w.writerow(
                [
                    f"{r['ts']:%d.%m.%Y}",
                    r["email"],
                    r["ra"],
                    r["score"],
                    r["branch"],
                    KLASSE[r["cls"]],
                ]
            )

    def fmt(ts):
        return f"{ts:%d.%m.%Y %H:%M}" if ts else ""

    with open(folder / "beschwerden.csv", "w", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(
            [
                "Vorgang",
                "email_sha",
                "KundenNr",
                "eroeffnet",
                "erste_antwort",
                "geloest",
                "Grund",
                "Kontaktweg",
                "Beschwerde",
                "Zufriedenheit_1_5",
                "Filiale",
                "Buchungsnr",
            ]
        )
        for r in sorted(cases, key=lambda r: r["id"]):
            w.writerow(
                [
                    r["id"],
                    r["email"],
                    r["kd"],
                    fmt(r["ts"]),
                    fmt(r["fr"]),
                    fmt(r["solved"]),
                    r["reason"],
                    r["ch"],
                    r["complaint"],
                    r["csat"],
                    r["branch"],
                    r["ref"],
                ]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["week_start", "channel", "spend_eur"])
        base = {"Google Ads": 7200, "Meta": 2600, "Affiliate": 1500}
        comm = {b: 0.0 for b in BROKERS}
        wk = START - timedelta(days=START.weekday())
        wk = wk + timedelta(days=7) if wk < START else wk
        while wk < END:
            s = season(wk + timedelta(days=21))
            for ch, amt in base.items():
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{amt * s * R.uniform(0.9, 1.1):.2f}"])
            for b in BROKERS:
                comm[b] = sum(
                    r["price"]
                    for r in brk
                    if r["broker"] == b
                    and r["status"] == "NEW"
                    and wk <= r["ts"] < wk + timedelta(days=7)
                )
                rate = {
                    "rentalcars": 0.2,
                    "bookingcars": 0.18,
                    "expedia": 0.17,
                    "discovercars": 0.15,
                }[b]
                name = {
                    "rentalcars": "Broker commission Rentalcars.com",
                    "bookingcars": "Broker commission Booking.com",
                    "expedia": "Broker commission Expedia",
                    "discovercars": "Broker commission Discover Cars",
                }[b]
                w.writerow([f"{wk:%Y-%m-%d}", name, f"{comm[b] * rate:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="carhire-src-") as tmp:
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
