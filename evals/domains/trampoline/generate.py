"""Trampoline domain: BounceZone, 9 trampoline and indoor play parks in the north of England.

    python generate.py OUT.duckdb

Writes BounceZone's own exports (seeded: the same files every run) to a temporary folder —

  site_events.csv         booking site: visitorId (cookie), accountNo after login
  bookings.csv            booking engine: DD/MM/YYYY HH:MM London time, pence, walk-ins
  checkins.csv            front-desk check-ins (booking engine), DD/MM/YYYY HH:MM
  waivers.jsonl           waiver system: ISO timestamps with Z (UTC)
  till.csv                till system (café, grip socks): epoch seconds, GBP
  membership_billing.csv  monthly jump pass billing (YYYY-MM-DD)
  reviews.csv             review export (stars 1-5)
  incidents.csv           incident / complaint export
  marketing_monthly.csv   monthly marketing sheet in GBP

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: description.md.
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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
LEEDS_OPEN = datetime(2026, 4, 11)
OUTAGE = (datetime(2026, 7, 6), datetime(2026, 7, 8))
GROUPON = (datetime(2026, 9, 1), datetime(2026, 10, 1))
PRICE_RISE = datetime(2026, 11, 1)
HOLIDAYS = [
    (datetime(2025, 12, 20), datetime(2026, 1, 5)),
    (datetime(2026, 2, 14), datetime(2026, 2, 23)),
    (datetime(2026, 4, 3), datetime(2026, 4, 20)),
    (datetime(2026, 5, 23), datetime(2026, 6, 1)),
    (datetime(2026, 7, 22), datetime(2026, 9, 3)),
    (datetime(2026, 10, 24), datetime(2026, 11, 2)),
]
BIG_PEAKS = [HOLIDAYS[1], HOLIDAYS[3], HOLIDAYS[4], HOLIDAYS[5]]  # half-terms + summer

R = random.Random(SEED)
PARKS = [
    "Manchester",
    "Leeds",
    "Sheffield",
    "Newcastle",
    "Liverpool",
    "York",
    "Bradford",
    "Hull",
    "Preston",
]
PARK_W = [0.16, 0.14, 0.12, 0.12, 0.12, 0.09, 0.09, 0.08, 0.08]
PARK_CODE = {p: p[:3].upper() for p in PARKS}
SOURCES = ["google", "facebook", "school_newsletter", "direct"]
SOURCE_W = [0.42, 0.25, 0.13, 0.2]


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
    return hashlib.md5(text.encode()).hexdigest()[:16]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def holiday(dt):
    return any(inw(dt, w) for w in HOLIDAYS)


def big_peak(dt):
    return any(inw(dt, w) for w in BIG_PEAKS)


site, bookings, checkins, waivers, till, billing, reviews, incidents = ([] for _ in range(8))
seq = {"acc": 40000, "bk": 100000, "vis": 0, "inc": 0, "till": 0, "wv": 0, "mem": 7000}
people = []


def nxt(k):
    seq[k] += 1
    return seq[k]


class Family:
    def __init__(self, park):
        people.append(self)
        self.park = park
        self.email = "e" + h(f"mail{len(people)}")
        self.acc = None
        self.visitor = None
        self.kids = pick([1, 2, 3, 4], [0.35, 0.4, 0.18, 0.07])
        self.member = None


def slot(d, weekend):
    d = datetime(d.year, d.month, d.day)
    hrs = list(range(9, 19)) if weekend or holiday(d) else list(range(15, 19))
    return datetime(d.year, d.month, d.day, R.choice(hrs), R.choice([0, 30]))


def price_pence(kind, start, jumpers, groupon=False):
    wk = start.weekday() >= 5
    if groupon:
        return 750 * jumpers
    if kind == "Party":
        return 18995 + max(0, jumpers - 10) * 1500
    if kind == "Toddler":
        return 795 * jumpers
    base = 1250
    if wk:
        base = 1695 if start >= PRICE_RISE else 1450
    if kind == "Jump 90":
        base += 400
    return base * jumpers


def visit_day(f, start, kind, source, online=True, groupon=False, member=False):
    """One park visit: (site browse) booking, waiver, socks, check-in, café, review/incident."""
    if not within(start) or (f.park == "Leeds" and start < LEEDS_OPEN):
        return False
    jumpers = f.kids + (R.randint(6, 14) if kind == "Party" else 0)
    booked = start - timedelta(hours=R.uniform(2, 24 * (21 if kind == "Party" else 5)))
    if online and inw(booked, OUTAGE):
        online = False  # booking site down: people turn up at the desk instead
        if not inw(start, OUTAGE):
            return False
        booked = start - timedelta(minutes=R.uniform(5, 25))
        incidents.append(
            [f, booked + timedelta(minutes=R.uniform(10, 40)), "Booking not found", "Front desk"]
        )
    if not online:
        booked = start - timedelta(minutes=R.uniform(3, 20))
    if online:
        if f.visitor is None:
            f.visitor = "v_" + h(f"vis{nxt('vis')}")
        logged = f.acc is not None or chance(0.55)
        if logged and f.acc is None:
            f.acc = f"BZ{nxt('acc')}"
        t = booked - timedelta(minutes=R.uniform(4, 15))
        acc = f.acc if logged else ""
        ev = [("page_view", 0), ("session_search", 1), ("basket", 3)]
        for name, m in ev:
            site.append(
                [t + timedelta(minutes=m + R.uniform(0, 1)), f.visitor, acc, name, source, f.park]
            )
    ref = f"BK{nxt('bk')}"
    if member:
        kind_out, pence = "Member Jump", 0
    else:
        kind_out, pence = kind, price_pence(kind, start, jumpers, groupon)
    cancelled = online and chance(0.05)
    bookings.append(
        [
            ref,
            f.acc or "",
            f.email,
            booked,
            f.park,
            kind_out,
            start,
            jumpers,
            pence,
            "Cancelled" if cancelled else "Confirmed",
            source if online else "walk_in",
            "Online" if online else "Desk",
        ]
    )
    if cancelled:
        return False
    # waiver: signed online before, or on the tablet at the desk
    if not (f.__dict__.get("waived")) or chance(0.1):
        f.waived = True
        wt = (
            booked + timedelta(minutes=R.uniform(2, 60))
            if online and chance(0.7)
            else start - timedelta(minutes=R.uniform(2, 12))
        )
        waivers.append([f"W{nxt('wv'):07d}", f.email, f.acc or "", f.park, wt, jumpers])
    if start >= END:
        return True
    if chance(0.04):
        return True  # no-show
    ci = start - timedelta(minutes=R.uniform(1, 15))
    checkins.append([ref, f.email, f.park, ci, jumpers])
    if chance(0.45 if not member else 0.2):
        till.append(
            [
                f,
                ci + timedelta(minutes=R.uniform(0, 3)),
                "GRIP SOCKS",
                round(2.5 * min(jumpers, 4), 2),
            ]
        )
    cafe_p = 0.25 if groupon else (0.95 if kind == "Party" else 0.6)
    if chance(cafe_p):
        amt = round(R.uniform(4, 9) * (1 + f.kids * 0.6) * (0.7 if groupon else 1.0), 2)
        if kind == "Party":
            amt = round(R.uniform(60, 140), 2)
        till.append([f, start + timedelta(minutes=R.uniform(50, 85)), "CAFE", amt])
    crowded = big_peak(start) and start.weekday() >= 5
    if chance(0.012 if not crowded else 0.05):
        incidents.append(
            [
                f,
                start + timedelta(minutes=R.uniform(60, 600)),
                "Overcrowding",
                pick(["Email", "Facebook"], [1, 1]),
            ]
        )
    if chance(0.006):
        incidents.append(
            [f, start + timedelta(minutes=R.uniform(10, 60)), "Injury report", "Front desk"]
        )
    if online and chance(0.004):
        incidents.append(
            [f, start - timedelta(minutes=R.uniform(1, 10)), "Booking not found", "Front desk"]
        )
    if chance(0.08 if not groupon else 0.05):
        stars = max(1, min(5, round(R.gauss(2.9 if crowded else 4.3, 1.0))))
        if groupon:
            stars = max(1, stars - 1)
        reviews.append(
            [
                f,
                start + timedelta(hours=R.uniform(3, 72)),
                stars,
                pick(["Google", "Facebook", "Tripadvisor"], [5, 3, 1]),
            ]
        )
    return True


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 2.3 if d.weekday() >= 5 else 0.7
    if big_peak(dt):
        w *= 2.2 if d.weekday() < 5 else 1.3
        if d.weekday() < 5:
            w *= 1.8
    elif holiday(dt):
        w *= 1.6 if d.weekday() < 5 else 1.1
    if d.weekday() >= 5 and dt >= PRICE_RISE:
        w *= 0.85
    return w


def new_family(d):
    park = pick(PARKS, PARK_W)
    dt = datetime(d.year, d.month, d.day)
    if park == "Leeds" and dt < LEEDS_OPEN:
        park = pick(PARKS[2:], PARK_W[2:])
    f = Family(park)
    source = pick(SOURCES, SOURCE_W)
    online = chance(0.82)
    kind = pick(["Jump 60", "Jump 90", "Toddler", "Party"], [0.55, 0.2, 0.15, 0.1])
    wk = d.weekday() >= 5
    start = slot(d, wk)
    if not visit_day(f, start, kind, source, online):
        return
    # returning visits
    n = poisson(0.9)
    last = start
    for _ in range(n):
        last = last + timedelta(days=R.uniform(10, 90))
        nd = last.date()
        visit_day(
            f,
            slot(nd, nd.weekday() >= 5),
            pick(["Jump 60", "Jump 90", "Toddler"], [0.6, 0.25, 0.15]),
            pick(["direct", source, "google"], [3, 2, 1]),
            chance(0.85),
        )
    # membership: a monthly jump pass
    if f.acc and chance(0.09):
        join = start + timedelta(days=R.uniform(0, 20))
        member_no = f"M{nxt('mem')}"
        months = 1 + poisson(5)
        t = join
        for k in range(months):
            if not within(t):
                break
            failed = chance(0.04)
            billing.append(
                [member_no, f.acc, f.park, t.date(), "24.99", "FAILED" if failed else "PAID"]
            )
            if failed:
                break
            for _ in range(poisson(3)):
                vd = (t + timedelta(days=R.uniform(0, 29))).date()
                visit_day(
                    f, slot(vd, vd.weekday() >= 5), "Jump 60", "direct", chance(0.7), member=True
                )
            t = t + timedelta(days=30 if k % 2 else 31)
        else:
            if within(t):
                billing.append([member_no, f.acc, f.park, t.date(), "0.00", "CANCELLED"])


def groupon_family(d):
    f = Family(pick(PARKS, PARK_W))
    dt = datetime(d.year, d.month, d.day)
    start = datetime(d.year, d.month, d.day, R.choice([10, 11, 13, 14, 15, 16]), R.choice([0, 30]))
    if start.weekday() >= 5:
        start += timedelta(days=7 - start.weekday() + R.randrange(4))  # voucher valid Mon-Thu only
    start = max(start, dt)
    visit_day(f, start, "Jump 60", "groupon", True, groupon=True)


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(12.5 * day_weight(d))):
            new_family(d)
        if inw(dt, GROUPON) and d.weekday() < 5:
            for _ in range(poisson(24)):
                groupon_family(d)


def write(folder: Path):
    def utc(ts):  # naive London local -> UTC instant (BST 29 Mar - 25 Oct 2026)
        bst = datetime(2026, 3, 29, 1) <= ts < datetime(2026, 10, 25, 1)
        return ts - timedelta(hours=1 if bst else 0)

    def uk(ts):
        return f"{ts:%d/%m/%Y %H:%M}"

    with open(folder / "site_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event_time", "visitorId", "accountNo", "event", "utm_source", "park"])
        for r in sorted(site, key=lambda r: (r[0], r[1], r[3])):
            if within(r[0]):
                w.writerow([uk(r[0]), *r[1:]])
    with open(folder / "bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "BookingRef",
                "AccountNo",
                "LeadEmailHash",
                "BookedAt",
                "Park",
                "SessionType",
                "SessionStart",
                "Jumpers",
                "TotalPence",
                "Status",
                "HowHeard",
                "BookedVia",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow([*r[:3], uk(r[3]), r[4], r[5], uk(r[6]), *r[7:]])
    with open(folder / "checkins.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["BookingRef", "LeadEmailHash", "Park", "CheckedInAt", "Jumpers"])
        for r in sorted(checkins, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow([r[0], r[1], r[2], uk(r[3]), r[4]])
    with open(folder / "waivers.jsonl", "w") as f:
        for r in sorted(waivers, key=lambda r: (r[4], r[0])):
            if within(r[4]):
                obj = {
                    "waiver_id": r[0],
                    "guardian_email_sha": r[1],
                    "bz_account": r[2] or None,
                    "site": PARK_CODE[r[3]],
                    "signed_at": f"{utc(r[4]):%Y-%m-%dT%H:%M:%S}Z",
                    "participants": r[5],
                }
                f.write(json.dumps(obj) + "\n")
    with open(folder / "till.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["txn_no", "epoch", "store", "receipt_email", "dept", "gross_gbp"])
        for i, r in enumerate(sorted(till, key=lambda r: (r[1], r[0].email))):
            if within(r[1]):
                ep = int(utc(r[1]).replace(tzinfo=UTC).timestamp())
                w.writerow(
                    [f"T{i + 1:07d}", ep, PARK_CODE[r[0].park], r[0].email, r[2], f"{r[3]:.2f}"]
                )
    with open(folder / "membership_billing.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "account_no", "home_park", "bill_date", "amount_gbp", "result"])
        for r in sorted(billing, key=lambda r: (r[3], r[0])):
            w.writerow([*r[:3], f"{r[3]:%Y-%m-%d}", *r[4:]])
    with open(folder / "reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["posted", "email_hash", "park", "platform", "rating"])
        for r in sorted(reviews, key=lambda r: (r[1], r[0].email)):
            if within(r[1]):
                w.writerow([f"{r[1]:%Y-%m-%d %H:%M:%S}", r[0].email, r[0].park, r[3], r[2]])
    with open(folder / "incidents.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "incident_no",
                "email_hash",
                "park",
                "logged",
                "first_reply",
                "closed",
                "incident_type",
                "reported_via",
                "complaint",
                "satisfaction",
            ]
        )
        for fam, ts, kind, via in sorted(incidents, key=lambda r: (r[1], r[0].email)):
            if not within(ts):
                continue
            fr = ts + timedelta(
                hours=R.uniform(0.05, 0.5) if via == "Front desk" else R.uniform(2, 30)
            )
            if inw(ts, OUTAGE):
                fr += timedelta(hours=R.uniform(4, 20))
            res = fr + timedelta(
                hours=R.uniform(1, 24) if kind == "Booking not found" else R.uniform(12, 120)
            )
            sat = (
                max(1, min(5, round(R.gauss(3.6 if kind != "Overcrowding" else 2.8, 1))))
                if chance(0.4)
                else ""
            )
            w.writerow(
                [
                    f"INC{nxt('inc'):05d}",
                    fam.email,
                    fam.park,
                    uk(ts),
                    uk(fr) if within(fr) else "",
                    uk(res) if within(res) and chance(0.97) else "",
                    kind,
                    via,
                    "N"
                    if kind == "Booking not found" and via == "Front desk" and chance(0.5)
                    else "Y",
                    sat,
                ]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend (GBP)"])
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in {"Google Ads": 6200, "Facebook": 3800, "School flyers": 900}.items():
                amt *= R.uniform(0.9, 1.1) * (1.3 if m.month in (2, 5, 7, 8, 10) else 1.0)
                w.writerow([f"{m:%b-%Y}", ch, f"{amt:.2f}"])
            if m.month == 9 and m.year == 2026:
                w.writerow([f"{m:%b-%Y}", "Groupon fees", f"{R.uniform(7800, 8400):.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="trampoline-src-") as tmp:
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
