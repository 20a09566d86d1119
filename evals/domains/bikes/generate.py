"""Bikes evaluation domain: Pedalo, e-bike and e-scooter sharing in six cities.

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  sdk/YYYY-MM.jsonl        mobile SDK (iOS/Android), camelCase events, UTC instants with Z
  web_signups.csv          web sign-up form (day-first local times, e-mail hash, utm_campaign)
  pedalo_core.sqlite       rider database: table `riders`
  refunds_export.csv       payments back office: refunds (negative amounts)
  helpdesk_tickets.csv     helpdesk export (chat / mail / voice)
  ride_ratings.csv         in-app star ratings after a ride
  marketing_spend.csv      growth team's daily spend per source × campaign (EUR)

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.

Planted stories (see description.md):
  1. Bristol launches on Mon 2026-05-18 (no Bristol rides before; launch flyers 2026-05-04 … 06-14).
  2. July 2026 is the rainy month: rides in every city fall ≈ 40 % below June and August.
  3. Android app 5.12.0 (released Tue 2026-09-08): unlockFailed jumps, unlock → rideStarted on
     Android collapses; refunds UNLOCK_CHARGE and vehicle-fault tickets rise.
  4. Glasgow support outsourced from 2026-06-01: first response and resolution times double.
  5. TikTok "Summer Ride Challenge" (2026-06-15 … 07-12): many installs and sign-ups, almost
     nobody adds a card or rides.
  6. University partnership riders (student pass) retain far better month after month; freshers'
     campaign 2026-09-14 … 10-11.
  7. Dublin parking rules from Mon 2026-03-02: parking-fine-dispute tickets and refunds in Dublin jump.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261104
START = datetime(2025, 11, 4)
END = datetime(2026, 11, 4)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days

BRISTOL_LAUNCH = datetime(2026, 5, 18)
BRISTOL_FLYERS = (datetime(2026, 5, 4), datetime(2026, 6, 15))
RAIN = (datetime(2026, 7, 1), datetime(2026, 8, 1))
ANDROID_BUG = datetime(2026, 9, 8)
GLASGOW_OUTSOURCE = datetime(2026, 6, 1)
TIKTOK_CHALLENGE = (datetime(2026, 6, 15), datetime(2026, 7, 13))
FRESHERS = (datetime(2026, 9, 14), datetime(2026, 10, 12))
DUBLIN_PARKING = datetime(2026, 3, 2)

CITIES = ["Dublin", "Cork", "Manchester", "Leeds", "Bristol", "Glasgow"]
CITY_W = [0.27, 0.09, 0.22, 0.15, 0.12, 0.15]
CITY_CODE = {"Dublin": "DUB", "Cork": "CRK", "Manchester": "MAN", "Leeds": "LDS", "Bristol": "BRS", "Glasgow": "GLA"}
COUNTRY = {"Dublin": "IE", "Cork": "IE"}
ZONES = {
    "Dublin": ["DUB-Z1", "DUB-Z2", "DUB-Z3", "DUB-Z4"],
    "Cork": ["CRK-Z1", "CRK-Z2"],
    "Manchester": ["MAN-Z1", "MAN-Z2", "MAN-Z3", "MAN-Z4"],
    "Leeds": ["LDS-Z1", "LDS-Z2", "LDS-Z3"],
    "Bristol": ["BRS-Z1", "BRS-Z2", "BRS-Z3"],
    "Glasgow": ["GLA-Z1", "GLA-Z2", "GLA-Z3"],
}
ZONE_W = [0.4, 0.25, 0.2, 0.15]
SOURCES = ["asa", "gads", "tiktok", "uni", "ref", "flyer", "org"]
SOURCE_W = [0.18, 0.17, 0.12, 0.1, 0.1, 0.05, 0.28]
SOURCE_NAME = {"asa": "App Store search", "gads": "Google Ads", "tiktok": "TikTok", "uni": "University partnership",
               "ref": "Referral", "flyer": "Street flyers", "org": "Organic"}
ALWAYS_ON = {"asa": "ASA - Generic", "gads": "UAC - Installs", "tiktok": "TikTok - Always On",
             "flyer": "Flyers - City Centre", "uni": "Campus Ambassadors", "ref": "Give 5 Get 5"}
PASS_PRICE = {"DAY_PASS": 6.0, "MONTHLY": 25.0, "STUDENT": 15.0}
APP_VERSIONS = [(datetime(2025, 1, 1), "5.8.1"), (datetime(2026, 1, 20), "5.9.0"), (datetime(2026, 4, 14), "5.10.2"),
                (datetime(2026, 6, 30), "5.11.0"), (ANDROID_BUG, "5.12.0")]

R = random.Random(SEED)


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


def within(ts: datetime) -> bool:
    return START <= ts < END


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


_HOURS = [0.3, 0.15, 0.1, 0.1, 0.15, 0.4, 1.2, 3.5, 5, 2.5, 1.5, 1.6, 2.2, 2, 1.8, 2, 2.8, 4.8, 5, 3.2, 2.2, 1.6, 1.1, 0.6]
_CUM = [sum(_HOURS[: i + 1]) for i in range(24)]


def at(day: date) -> datetime:
    hour = R.choices(range(24), cum_weights=_CUM)[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def season(ts: datetime) -> float:
    m = ts.month
    w = {11: 0.8, 12: 0.65, 1: 0.7, 2: 0.75, 3: 0.9, 4: 1.0, 5: 1.15, 6: 1.25, 7: 1.25, 8: 1.25, 9: 1.15, 10: 0.95}[m]
    if inw(ts, RAIN):
        w *= 0.55
    return w


def app_version(platform: str, ts: datetime) -> str:
    v = "5.8.1"
    for since, name in APP_VERSIONS:
        if ts >= since:
            v = name
    if platform == "iOS" and v == "5.12.0":
        return "5.12.0"
    return v


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


# ----------------------------------------------------------------------------------------------
sdk_rows: list[dict] = []
web_rows: list[tuple] = []
rider_rows: list[tuple] = []
refund_rows: list[tuple] = []
ticket_rows: list[tuple] = []
rating_rows: list[tuple] = []
_seq = {"rider": 0, "pay": 0, "refund": 0, "ticket": 0, "session": 0}


def nxt(kind: str) -> int:
    _seq[kind] += 1
    return _seq[kind]


class Person:
    def __init__(self, idx: int, day: date, city: str, source: str):
        self.idx = idx
        self.city = city
        self.source = source
        self.platform = "iOS" if chance(0.56 if city != "Glasgow" else 0.48) else "Android"
        self.anon = hashlib.md5(f"inst-{idx}".encode()).hexdigest()[:20]
        self.email = sha(f"rider{idx}@mail.example")
        self.rider = None
        self.created = None
        self.rider_type = None
        self.student = source == "uni" or chance(0.06)
        self.pass_type = None  # active pass now (MONTHLY / STUDENT)
        self.pass_until = None
        self.day_pass_day = None
        self.last_day_pass = None
        self.campaign = None
        self.day = day


def sdk(p: Person, ts: datetime, name: str, session: str, **props) -> None:
    if not within(ts):
        return
    row = {"eventName": name, "anonymousId": p.anon,
           "riderId": p.rider if p.created is not None and ts >= p.created else None,
           "eventTime": ts, "platform": p.platform, "appVersion": app_version(p.platform, ts),
           "sessionId": session}
    row.update({k: v for k, v in props.items() if v is not None})
    sdk_rows.append(row)


def new_session(p: Person) -> str:
    return f"s{p.idx:05d}-{nxt('session'):06d}"


def ticket(p: Person, opened: datetime, category: str, city: str, complaint_p: float = 0.1) -> None:
    if not within(opened):
        return
    via = pick(["chat", "mail", "voice"], [0.6, 0.28, 0.12])
    base_frt = {"chat": R.lognormvariate(math.log(6), 0.7), "mail": R.lognormvariate(math.log(300), 0.6),
                "voice": R.lognormvariate(math.log(3), 0.6)}[via]
    base_res = {"Vehicle fault": 5, "Parking fine dispute": 70, "Billing": 20, "Lost item": 30}[category]
    res = R.lognormvariate(math.log(base_res), 0.6)
    if city == "Glasgow" and opened >= GLASGOW_OUTSOURCE:
        base_frt *= 2.2
        res *= 2.0
    first = opened + timedelta(minutes=base_frt)
    solved = None if chance(0.025) else first + timedelta(hours=res)
    if solved is not None and solved >= END:
        solved = None
    if first >= END:
        first = None
    csat = ""
    if solved is not None and chance(0.42):
        mean = 4.1 - (0.8 if category == "Parking fine dispute" else 0) - (0.7 if res > 48 else 0)
        if city == "Glasgow" and opened >= GLASGOW_OUTSOURCE:
            mean -= 0.7
        csat = str(max(1, min(5, round(R.gauss(mean, 0.9)))))
    complaint = "Yes" if chance(complaint_p) else "No"
    tid = f"{nxt('ticket') + 40000}"
    ticket_rows.append((tid, p.email, via, category, complaint, opened, first, solved, csat, city))


def refund(p: Person, ts: datetime, amount: float, ref: str, reason: str, city: str) -> None:
    if within(ts) and amount > 0:
        refund_rows.append((f"RF{nxt('refund'):06d}", p.rider, ref, ts, -round(amount, 2), reason, city))


def ride(p: Person, t: datetime) -> bool:
    """One attempt at a ride; returns True when the ride happened."""
    if p.city == "Bristol" and t < BRISTOL_LAUNCH:
        return False
    s = new_session(p)
    zone = pick(ZONES[p.city], ZONE_W[: len(ZONES[p.city])])
    vt = "ESCOOTER" if chance(0.42 if p.city not in ("Cork", "Glasgow") else 0.3) else "EBIKE"
    if inw(t, RAIN) and vt == "ESCOOTER" and chance(0.3):
        vt = "EBIKE"
    geo = {"city": p.city, "zoneId": zone, "vehicleType": vt}
    if chance(0.75):
        sdk(p, t, "appOpened", s)
    tt = t + timedelta(seconds=R.uniform(10, 90))
    if chance(0.36):
        sdk(p, tt, "vehicleReserved", s, **geo)
        tt += timedelta(minutes=R.uniform(1, 9))
    bug = p.platform == "Android" and t >= ANDROID_BUG
    fail_p = 0.5 if bug else 0.05
    unlocked = False
    for attempt in range(3):
        sdk(p, tt, "unlockStarted", s, **geo)
        tt += timedelta(seconds=R.uniform(4, 25))
        if chance(fail_p):
            sdk(p, tt, "unlockFailed", s, **geo)
            tt += timedelta(seconds=R.uniform(20, 90))
            if not chance(0.55 if bug else 0.7):
                break
        else:
            unlocked = True
            break
    if not unlocked:
        if bug and chance(0.12):
            ticket(p, tt + timedelta(minutes=R.uniform(2, 60)), "Vehicle fault", p.city, 0.35)
        if bug and chance(0.1) and p.rider:
            refund(p, tt + timedelta(days=R.uniform(0.5, 3)), 1.0, f"UNL-{nxt('pay'):07d}", "UNLOCK_CHARGE", p.city)
        return False
    sdk(p, tt, "rideStarted", s, **geo)
    mins = max(1.5, R.lognormvariate(math.log(13 if vt == "EBIKE" else 9), 0.55))
    km = round(mins * (0.26 if vt == "EBIKE" else 0.22) * R.uniform(0.7, 1.2), 2)
    te = tt + timedelta(minutes=mins)
    sdk(p, te, "rideEnded", s, tripMinutes=round(mins, 1), tripKm=km, **geo)
    if chance(0.9):
        sdk(p, te + timedelta(seconds=R.uniform(10, 60)), "parkingPhotoTaken", s, **geo)
    on_pass = (p.pass_until is not None and t < p.pass_until) or p.day_pass_day == t.date()
    if on_pass:
        amount = round(max(0.0, mins - 45) * 0.15, 2)
    else:
        amount = round(1.0 + mins * (0.20 if vt == "EBIKE" else 0.25), 2)
    ref = f"PAY-{nxt('pay'):07d}"
    method = pick(["CARD", "APPLE_PAY", "GOOGLE_PAY", "WALLET"],
                  [0.45, 0.35 if p.platform == "iOS" else 0.0, 0.0 if p.platform == "iOS" else 0.3, 0.2])
    tp = te + timedelta(seconds=R.uniform(60, 240))
    sdk(p, tp, "paymentCaptured", s, amountEur=f"{amount:.2f}", paymentRef=ref, paymentMethod=method, **geo)
    if chance(0.1):
        stars = max(1, min(5, round(R.gauss(4.2 if vt == "EBIKE" else 3.9, 0.9))))
        comment = ""
        if chance(0.3):
            comment = R.choice({1: ["Battery died mid-ride", "Brakes felt loose", "Dirty seat"],
                                2: ["Battery died mid-ride", "Hard to find a parking spot", "Bumpy scooter"],
                                3: ["OK", "Hard to find a parking spot", "App slow to load"],
                                4: ["Good ride", "Smooth", "Handy"], 5: ["Great!", "Love it", "Perfect for commuting"]}[stars])
        if within(tp):
            rating_rows.append((p.rider, tp + timedelta(minutes=1), p.platform, stars, comment, vt, p.city))
    # tickets and refunds around rides
    if p.city == "Dublin":
        fine_p = 0.045 if t >= DUBLIN_PARKING else 0.008
    else:
        fine_p = 0.008
    if chance(fine_p):
        opened = te + timedelta(days=R.uniform(3, 20))
        ticket(p, opened, "Parking fine dispute", p.city, 0.55)
        if chance(0.45):
            refund(p, opened + timedelta(days=R.uniform(2, 10)), max(amount, 10.0), ref, "PARKING_FINE", p.city)
    if chance(0.018):
        ticket(p, te + timedelta(minutes=R.uniform(1, 120)), "Vehicle fault", p.city, 0.2)
        if amount > 0 and chance(0.5):
            refund(p, te + timedelta(days=R.uniform(0.2, 3)), amount, ref, "VEHICLE_FAULT", p.city)
    if chance(0.012):
        ticket(p, tp + timedelta(hours=R.uniform(2, 72)), "Billing", p.city, 0.25)
        if amount > 0 and chance(0.6):
            refund(p, tp + timedelta(days=R.uniform(1, 5)), amount, ref, "BILLING_ERROR", p.city)
    if chance(0.007):
        ticket(p, te + timedelta(hours=R.uniform(0.5, 30)), "Lost item", p.city, 0.05)
    if chance(0.015):
        sdk(p, tp + timedelta(seconds=R.uniform(20, 120)), "referralSent", s)
    return True


def buy_pass(p: Person, ts: datetime, kind: str, s: str | None = None) -> None:
    ref = f"PAS-{nxt('pay'):07d}"
    method = pick(["CARD", "APPLE_PAY" if p.platform == "iOS" else "GOOGLE_PAY"], [0.6, 0.4])
    sdk(p, ts, "passPurchased", s or new_session(p), passType=kind, amountEur=f"{PASS_PRICE[kind]:.2f}",
        paymentRef=ref, paymentMethod=method, city=p.city)
    if kind == "DAY_PASS":
        p.day_pass_day = ts.date()
        p.last_day_pass = ts
    else:
        p.pass_type = kind
        p.pass_until = ts + timedelta(days=30)
    if chance(0.008):
        refund(p, ts + timedelta(days=R.uniform(0.5, 6)), PASS_PRICE[kind], ref, "GOODWILL", p.city)


def life(p: Person, t0: datetime) -> None:
    """From install to the end of the data."""
    s = new_session(p)
    challenge = p.source == "tiktok" and inw(t0, TIKTOK_CHALLENGE)
    if p.source in ("asa", "gads", "tiktok", "flyer", "uni", "ref"):
        if challenge:
            p.campaign = "Summer Ride Challenge"
        elif p.source == "uni" and inw(t0, FRESHERS):
            p.campaign = "Freshers 2026"
        elif p.source == "flyer" and p.city == "Bristol" and inw(t0, BRISTOL_FLYERS):
            p.campaign = "Bristol Launch"
        elif p.source == "asa" and chance(0.35):
            p.campaign = "ASA - Brand"
        else:
            p.campaign = ALWAYS_ON[p.source]
    web = chance(0.08) and not challenge
    t = t0
    if web:
        # signed up on the website first, installed the app later
        p.rider = f"R{100000 + nxt('rider')}"
        p.created = t
        if within(t):
            web_rows.append((t, p.email, p.campaign or "", p.city))
        t = t + timedelta(hours=R.uniform(0.2, 30))
    sdk(p, t, "appInstalled", s, attributedCampaign=p.campaign)
    sdk(p, t + timedelta(seconds=2), "appOpened", s)
    t += timedelta(seconds=R.uniform(20, 300))
    if not web:
        if not chance(0.7 if challenge else 0.68):
            return
        p.rider = f"R{100000 + nxt('rider')}"
        p.created = t
        sdk(p, t, "signUpCompleted", s)
    card_p = 0.06 if challenge else (0.9 if p.source == "uni" else 0.76)
    if not chance(card_p):
        if not challenge and chance(0.3):
            sdk(p, t + timedelta(days=R.uniform(1, 10)), "appOpened", new_session(p))
        return
    t += timedelta(minutes=R.uniform(1, 8)) if chance(0.7) else timedelta(days=R.uniform(0.5, 6))
    sdk(p, t, "cardAdded", s, paymentMethod=pick(["CARD", "APPLE_PAY" if p.platform == "iOS" else "GOOGLE_PAY"], [0.55, 0.45]))
    # first ride
    first_p = 0.35 if challenge else 0.86
    if not chance(first_p):
        return
    t += timedelta(minutes=R.uniform(2, 30)) if chance(0.6) else timedelta(days=R.uniform(0.3, 9))
    if p.city == "Bristol" and t < BRISTOL_LAUNCH:
        t = BRISTOL_LAUNCH + timedelta(hours=R.uniform(7, 200))
    if p.source == "uni" and chance(0.5):
        buy_pass(p, t - timedelta(minutes=1), "STUDENT")
    rode = ride(p, t)
    # riding habit
    rate = {"uni": 0.3, "ref": 0.22, "org": 0.18}.get(p.source, 0.15) * 0.88 * R.lognormvariate(0, 0.6)  # rides per week
    weekly_churn = {"uni": 0.025, "ref": 0.055, "org": 0.06}.get(p.source, 0.075)
    if challenge:
        weekly_churn, rate = 0.35, 0.1
    pass_p = {"uni": 0.35, "ref": 0.18}.get(p.source, 0.09)
    got_pass = p.pass_type is not None
    day = t.date() + timedelta(days=1)
    week_start = day
    while datetime(day.year, day.month, day.day) < END:
        dt = datetime(day.year, day.month, day.day)
        if day >= week_start + timedelta(days=7):
            week_start = day
            if chance(weekly_churn * (0.45 if p.pass_type else 1.0)):
                break
        # pass renewals
        if p.pass_until is not None and dt >= p.pass_until:
            cancel = 0.12 if p.pass_type == "STUDENT" else 0.22
            if chance(cancel):
                p.pass_type, p.pass_until = None, None
            else:
                buy_pass(p, at(day), p.pass_type)
        daily = rate / 7 * season(dt) * (2.2 if p.pass_type else 1.0)
        if day.weekday() >= 5:
            daily *= 0.8
        n = poisson(daily)
        if n and not got_pass and rode and chance(pass_p):
            kind = "STUDENT" if p.student else pick(["MONTHLY", "DAY_PASS"], [0.7, 0.3])
            buy_pass(p, at(day) - timedelta(minutes=5), kind)
            got_pass = kind != "DAY_PASS"
        elif n and not p.pass_type and chance(0.015):
            buy_pass(p, at(day) - timedelta(minutes=5), "DAY_PASS")
        for _ in range(n):
            ride(p, at(day))
        if n == 0 and chance(0.03):
            sdk(p, at(day), "appOpened", new_session(p))
        day += timedelta(days=1)


def simulate() -> list[Person]:
    persons: list[Person] = []
    idx = 0
    for k in range(-75, N_DAYS):  # people who joined in the 75 days before the data starts ride in it too
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        base = 10.5 * (0.5 + 0.5 * season(dt))
        for _ in range(poisson(base)):
            city = pick(CITIES, CITY_W)
            if city == "Bristol" and dt < BRISTOL_LAUNCH - timedelta(days=10):
                city = pick(["Dublin", "Manchester", "Leeds", "Glasgow"], [0.35, 0.3, 0.2, 0.15])
            src_w = list(SOURCE_W)
            if inw(dt, FRESHERS) or (d.month in (9, 10) and d.year == 2025):
                src_w[3] *= 3.5
            if d.month in (6, 7, 8):
                src_w[3] *= 0.3
            if city == "Bristol" and inw(dt, BRISTOL_FLYERS):
                src_w[5] *= 8
            src = pick(SOURCES, src_w)
            idx += 1
            p = Person(idx, d, city, src)
            life(p, at(d))
            persons.append(p)
        if inw(dt, TIKTOK_CHALLENGE):
            for _ in range(poisson(16)):
                idx += 1
                p = Person(idx, d, pick(CITIES, CITY_W), "tiktok")
                life(p, at(d))
                persons.append(p)
        if dt >= BRISTOL_LAUNCH and dt < BRISTOL_LAUNCH + timedelta(days=28):
            for _ in range(poisson(4)):
                idx += 1
                p = Person(idx, d, "Bristol", pick(["flyer", "org", "gads"], [0.5, 0.3, 0.2]))
                life(p, at(d))
                persons.append(p)
    return persons


# ----------------------------------------------------------------------------------------------
def z(ts: datetime | None) -> str:
    if ts is None:
        return ""
    # local Europe/London → UTC (BST: last Sunday of March … last Sunday of October)
    y = ts.year

    def last_sunday(month: int) -> datetime:
        d = datetime(y, month, 31)
        return d - timedelta(days=(d.weekday() + 1) % 7)

    bst = last_sunday(3) + timedelta(hours=1) <= ts < last_sunday(10) + timedelta(hours=1)
    utc = ts - timedelta(hours=1) if bst else ts
    return f"{utc:%Y-%m-%dT%H:%M:%S}.{R.randrange(1000):03d}Z"


def write_sources(folder: Path, persons: list[Person]) -> None:
    sdk_dir = folder / "sdk"
    sdk_dir.mkdir()
    by_month: dict[str, list] = {}
    for r in sorted(sdk_rows, key=lambda r: (r["eventTime"], r["anonymousId"], r["eventName"])):
        by_month.setdefault(f"{r['eventTime']:%Y-%m}", []).append(r)
    for month, rows in by_month.items():
        with open(sdk_dir / f"{month}.jsonl", "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                obj = dict(r)
                obj["eventTime"] = z(r["eventTime"])
                f.write(json.dumps(obj) + "\n")
                if month == "2026-02" and i == 700:
                    f.write('{"eventName": "rideEnded", "anonymousId": "9f3c0\n')
                if month == "2026-08" and i == 1200:  # SDK retry: the same event sent twice
                    f.write(json.dumps(obj) + "\n")

    with open(folder / "web_signups.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["submitted_at", "email_hash", "utm_campaign", "city"])
        for ts, email, camp, city in sorted(web_rows):
            w.writerow([f"{ts:%d/%m/%Y %H:%M}", email, camp, city])

    con = sqlite3.connect(folder / "pedalo_core.sqlite")
    con.execute("CREATE TABLE riders (rider_id TEXT, email_sha256 TEXT, created_at TEXT, home_city TEXT, country TEXT, "
                "rider_type TEXT, plan_code TEXT, acq_source TEXT, student_verified INTEGER, marketing_opt_in INTEGER)")
    rows = []
    for p in persons:
        if p.rider is None or p.created is None or p.created >= END:
            continue
        if p.pass_type and p.pass_until and p.pass_until >= END:
            plan = "student" if p.pass_type == "STUDENT" else "monthly"
        elif p.last_day_pass and p.last_day_pass >= END - timedelta(days=30):
            plan = "daypass"
        else:
            plan = "payg"
        rtype = "Study" if p.student else pick(["Commute", "Leisure", "Visiting"], [0.55, 0.35, 0.1])
        rows.append((p.rider, p.email, f"{p.created:%Y-%m-%d %H:%M:%S}", CITY_CODE[p.city], COUNTRY.get(p.city, "UK"),
                     rtype, plan, p.source, 1 if p.student else 0, 1 if chance(0.4) else 0))
    con.executemany("INSERT INTO riders VALUES (?,?,?,?,?,?,?,?,?,?)", sorted(rows))
    con.commit()
    con.close()

    with open(folder / "refunds_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["refund_ref", "rider_id", "original_payment_ref", "refunded_at", "amount_eur", "reason_code", "city"])
        for ref, rider, orig, ts, amount, reason, city in sorted(refund_rows, key=lambda r: r[3]):
            w.writerow([ref, rider, orig, f"{ts:%d/%m/%Y %H:%M:%S}", f"{amount:.2f}", reason, city])

    with open(folder / "helpdesk_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Ticket ID", "Requester email hash", "Via", "Category", "Complaint", "Created at",
                    "First reply at", "Solved at", "Satisfaction", "City"])
        for tid, email, via, cat, comp, opened, first, solved, csat, city in sorted(ticket_rows, key=lambda r: r[5]):
            w.writerow([tid, email, via, cat, comp, z(opened), z(first), z(solved), csat, city])

    with open(folder / "ride_ratings.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["rider_id", "rated_at", "platform", "stars", "comment", "vehicle_type", "city"])
        for rider, ts, plat, stars, comment, vt, city in sorted(rating_rows, key=lambda r: (r[1], r[0] or "")):
            w.writerow([rider, f"{ts:%Y-%m-%d %H:%M:%S}", plat, stars, comment, vt, city])

    with open(folder / "marketing_spend.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)

        class _Scaled:  # the sample covers about a quarter of the riders: spend scaled to match
            @staticmethod
            def writerow(row):
                if row[0] != "Date":
                    row = row[:3] + [f"{float(row[3]) * 0.25:.2f}"]
                out.writerow(row)

        w = _Scaled()
        w.writerow(["Date", "Source", "Campaign", "Spend EUR"])
        base = {"asa": 95.0, "gads": 110.0, "tiktok": 70.0}
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            for src, amount in base.items():
                factor = R.uniform(0.8, 1.2) * (0.5 + 0.5 * season(dt))
                w.writerow([f"{d}", SOURCE_NAME[src], ALWAYS_ON[src], f"{amount * factor:.2f}"])
                if src == "asa":
                    w.writerow([f"{d}", SOURCE_NAME[src], "ASA - Brand", f"{30 * factor:.2f}"])
            if inw(dt, TIKTOK_CHALLENGE):
                w.writerow([f"{d}", "TikTok", "Summer Ride Challenge", f"{R.uniform(750, 1050):.2f}"])
            if d.day == 1:
                w.writerow([f"{d}", "University partnership", "Campus Ambassadors", "1500.00"])
            if inw(dt, FRESHERS):
                w.writerow([f"{d}", "University partnership", "Freshers 2026", f"{R.uniform(180, 260):.2f}"])
            if d.weekday() in (1, 4) and not inw(dt, BRISTOL_FLYERS):
                w.writerow([f"{d}", "Street flyers", "Flyers - City Centre", f"{R.uniform(120, 180):.2f}"])
            if inw(dt, BRISTOL_FLYERS):
                w.writerow([f"{d}", "Street flyers", "Bristol Launch", f"{R.uniform(220, 320):.2f}"])
            if d.weekday() == 0:
                w.writerow([f"{d}", "Referral", "Give 5 Get 5", f"{R.uniform(60, 110):.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    persons = simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="bikes-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder, persons)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
