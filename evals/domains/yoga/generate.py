"""Yoga evaluation domain: FlowSpace, 10 yoga & pilates studios (Melbourne, Sydney) + on-demand.

    python generate.py OUT.duckdb

Writes FlowSpace's own exports (seeded: the same files every run) to a temporary folder —

  members.csv              booking platform members (Member ID, Created, Home Studio...)
  bookings.csv             class bookings (check-in / late cancel / no-show, fee cents)
  sales.csv                booking platform sales (intro, class packs, unlimited monthly), cents
  app_events.jsonl         app event log: ISO times with +10:00/+11:00, anonymous_id before sign-up
  classpass_reservations.csv  ClassPass reservations (ClassPass user id, email hash)
  billing_ledger.csv       billing ledger: renewals, failed payments, pauses, cancellations (AUD)
  support_desk.csv         support desk tickets
  nps_survey.csv           NPS survey (0-10)
  marketing_monthly.csv    monthly marketing sheet (AUD)

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

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
BONDI_OPEN = datetime(2026, 6, 6)
OUTAGE = (datetime(2026, 9, 14), datetime(2026, 9, 15))
PRICE_RISE = datetime(2026, 8, 1)
MAT_LEAVE = datetime(2026, 10, 1)
STAR = "Maya Chen"

R = random.Random(SEED)

STUDIOS = {
    "Fitzroy": "Melbourne",
    "Richmond": "Melbourne",
    "St Kilda": "Melbourne",
    "South Yarra": "Melbourne",
    "Brunswick": "Melbourne",
    "Hawthorn": "Melbourne",
    "Surry Hills": "Sydney",
    "Newtown": "Sydney",
    "Manly": "Sydney",
    "Bondi": "Sydney",
}
STUDIO_W = [0.14, 0.12, 0.11, 0.11, 0.09, 0.08, 0.1, 0.09, 0.07, 0.09]
CLASS_TYPES = ["Vinyasa", "Yin", "Hot Yoga", "Reformer Pilates", "Mat Pilates", "Hatha"]
CLASS_W = [0.26, 0.14, 0.16, 0.2, 0.12, 0.12]
INSTRUCTORS = [
    "Maya Chen",
    "Liam O'Brien",
    "Priya Nair",
    "Sophie Walsh",
    "Jack Nguyen",
    "Ava Rossi",
    "Noah Kim",
    "Chloe Martin",
    "Ella Singh",
    "Tom Baker",
    "Grace Lee",
    "Sam Patel",
]
SOURCES = ["instagram", "google", "classpass", "friend_referral", "walk_in"]
SOURCE_W = [0.32, 0.28, 0.18, 0.14, 0.08]
PRODUCTS = {
    "5 Class Pack": 12500,
    "10 Class Pack": 23000,
    "20 Class Pack": 42000,
    "Unlimited Monthly": 18900,
}
CREDITS = {"5 Class Pack": 5, "10 Class Pack": 10, "20 Class Pack": 20}
HOURS = [0, 0, 0, 0, 0, 0.5, 4, 5, 3, 2.5, 2, 1.5, 2.5, 1.5, 1, 1, 1.5, 3.5, 5, 4.5, 2.5, 1, 0.3, 0]


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


def offset(
    ts,
):  # Australia/Melbourne (and Sydney): AEDT +11 until 5 Apr 2026 03:00, again from 4 Oct 2026 02:00
    return "+10:00" if datetime(2026, 4, 5, 2) <= ts < datetime(2026, 10, 4, 2) else "+11:00"


def iso(ts):
    return ts.strftime("%Y-%m-%dT%H:%M:%S") + offset(ts)


def ampm(ts):
    return f"{ts:%d/%m/%Y} {ts.hour % 12 or 12}:{ts:%M} {'am' if ts.hour < 12 else 'pm'}"


def class_time(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.choice([0, 15, 30, 45]))


members, bookings, sales, app, cp, ledger, tickets, nps = ([] for _ in range(8))
seq = {"m": 40000, "b": 0, "s": 0, "t": 0, "cp": 0, "l": 0, "anon": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, studio, source):
        self.studio = studio
        self.city = STUDIOS[studio]
        self.source = source
        self.anon = "anon-" + h(f"a{nxt('anon')}")[:12]
        self.mid = None
        self.email = None
        self.cp_id = None
        self.created = None
        self.plan = ""
        self.fav = pick(CLASS_TYPES, CLASS_W)


def app_ev(p, ts, event, **kw):
    if not within(ts):
        return
    if OUTAGE[0] <= ts < OUTAGE[1] and event in ("class_booked", "intro_booked"):
        app.append(
            {
                "ts": ts,
                "anonymous_id": p.anon,
                "member_id": p.mid or "",
                "event": "booking_error",
                "utm_source": p.source,
                "platform": kw.get("platform", "ios"),
            }
        )
        return
    row = {
        "ts": ts,
        "anonymous_id": p.anon,
        "member_id": p.mid or "",
        "event": event,
        "utm_source": p.source,
        "platform": kw.pop("platform", pick(["ios", "android"], [0.62, 0.38])),
    }
    row.update(kw)
    app.append(row)


def sign_up(p, ts):
    p.mid = f"FS{nxt('m')}"
    p.email = p.email or h(f"e{p.mid}")[:16]
    p.created = ts
    members.append(p)
    app_ev(p, ts, "account_created")


def instructor_for(studio, ctype, ts):
    if studio in ("Fitzroy", "Richmond") and ctype == "Vinyasa" and chance(0.6):
        return STAR if ts < MAT_LEAVE else pick(["Tom Baker", "Grace Lee"], [1, 1])
    return R.choice(INSTRUCTORS[1:])


def attend(p, ts, ctype=None, intro=False, studio=None):
    """A booked class: attended, late cancel or no-show. Returns True when attended."""
    if not within(ts):
        return False
    studio = studio or (p.studio if chance(0.85) else pick(list(STUDIOS), STUDIO_W))
    if studio == "Bondi" and ts < BONDI_OPEN:
        studio = "Surry Hills"
    online = not intro and chance(0.08)
    if online:
        studio = "Online"
    ctype = (
        "Intro Class"
        if intro
        else (ctype or (p.fav if chance(0.6) else pick(CLASS_TYPES, CLASS_W)))
    )
    inst = instructor_for(studio, ctype, ts)
    book_at = ts - timedelta(hours=R.uniform(2, 72))
    if OUTAGE[0] <= book_at < OUTAGE[1]:
        app_ev(p, book_at, "class_booked")  # becomes booking_error
        return False
    app_ev(p, book_at, "intro_booked" if intro else "class_booked", studio=studio, class_type=ctype)
    mood = 0.0
    if (
        inst in ("Tom Baker", "Grace Lee")
        and studio in ("Fitzroy", "Richmond")
        and ts >= MAT_LEAVE
        and ctype == "Vinyasa"
    ):
        mood = 0.12
    r = R.random()
    if r < 0.06 + mood:
        status, fee = "Late Cancel", 1500
    elif r < 0.10 + mood * 1.4:
        status, fee = "No Show", 2000
    else:
        status, fee = "Checked In", 0
    if intro and status != "Checked In":
        fee = 0
    bookings.append((f"BK{nxt('b'):07d}", p.mid, studio, ctype, inst, ts, status, fee, book_at))
    if mood and chance(0.03):
        ticket(p, ts + timedelta(hours=R.uniform(1, 30)), "Instructor change", complaint=True)
    return status == "Checked In"


def ticket(p, ts, topic, complaint=False, via=None):
    if not within(ts):
        return
    via = via or pick(["Email", "In-app chat", "Phone"], [0.45, 0.4, 0.15])
    fr = {
        "Email": R.uniform(1, 26),
        "In-app chat": R.uniform(0.05, 2),
        "Phone": R.uniform(0.01, 0.2),
    }[via]
    if OUTAGE[0] <= ts < OUTAGE[1] + timedelta(days=1):
        fr *= 4
    res = fr + R.uniform(1, 72)
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(3.3 if complaint else 4.2, 1.0))))
    tickets.append(
        (
            f"T-{nxt('t'):05d}",
            p.mid or "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END else None,
            topic,
            via,
            "Yes" if complaint else "No",
            csat,
        )
    )


def sell(p, ts, product, studio=None):
    if not within(ts):
        return False
    cents = PRODUCTS[product]
    if product == "Unlimited Monthly" and ts >= PRICE_RISE:
        cents = 21900
    sales.append((f"S{nxt('s'):06d}", p.mid, ts, product, cents, studio or p.studio))
    p.plan = product
    return True


def member_life(p, t, product):
    """After the first purchase: classes, renewals, top-ups, pauses, cancellations."""
    while t < END:
        if product == "Unlimited Monthly":
            month_end = t + timedelta(days=30)
            for _ in range(poisson(6.5)):
                attend(p, class_time((t + timedelta(days=R.uniform(0, 30))).date()))
            # renew or stop
            p_cancel = 0.09 if month_end < PRICE_RISE else 0.15
            if chance(0.04):
                ledger_row(p, month_end - timedelta(days=R.uniform(0, 5)), "PAUSE", 0)
                month_end += timedelta(days=R.choice([14, 30]))
            if chance(p_cancel):
                ledger_row(p, month_end - timedelta(days=R.uniform(0, 6)), "CANCEL", 0)
                if chance(0.25):
                    ticket(
                        p,
                        month_end - timedelta(days=R.uniform(0, 6)),
                        "Billing",
                        complaint=month_end >= PRICE_RISE,
                    )
                return
            if chance(0.05):
                ledger_row(p, month_end, "FAILED", 21900 if month_end >= PRICE_RISE else 18900)
                if chance(0.4):
                    ticket(
                        p,
                        month_end + timedelta(hours=R.uniform(1, 48)),
                        "Billing",
                        complaint=chance(0.3),
                    )
                if chance(0.35):
                    return
                month_end += timedelta(days=R.uniform(1, 4))
            ledger_row(p, month_end, "RENEWAL", 21900 if month_end >= PRICE_RISE else 18900)
            t = month_end
        else:
            credits = CREDITS[product]
            for _ in range(credits):
                t = t + timedelta(days=R.expovariate(1 / (4.5 if credits > 5 else 6)))
                if chance(0.04):
                    ticket(p, t, "Class full", complaint=chance(0.5))
                attend(p, class_time(t.date()))
            if not chance(0.5):
                return
            t = t + timedelta(days=R.uniform(0, 12))
            product = pick(list(PRODUCTS), [0.22, 0.36, 0.12, 0.3 if t < PRICE_RISE else 0.18])
            if not sell(p, t, product):
                return
        if chance(0.03):
            ticket(
                p,
                t + timedelta(days=R.uniform(1, 20)),
                pick(["Other", "Billing", "Class full"], [2, 1, 1]),
            )
        if chance(0.04):
            nps_row(p, t + timedelta(days=R.uniform(1, 20)))


def ledger_row(p, ts, kind, cents):
    if within(ts):
        ledger.append((f"L{nxt('l'):07d}", p.mid, ts, kind, cents))


def nps_row(p, ts):
    if not within(ts):
        return
    mean = 8.2
    if p.plan == "Unlimited Monthly" and ts >= PRICE_RISE:
        mean = 7.0
    if p.studio in ("Fitzroy", "Richmond") and ts >= MAT_LEAVE:
        mean -= 1.2
    nps.append((p.mid, ts, max(0, min(10, round(R.gauss(mean, 1.7)))), p.studio))


def season(d):
    w = 1.0
    if d.month == 1:
        w *= 2.3 if d.day <= 20 else 1.7
    elif d.month == 12 and d.day >= 20:
        w *= 0.55
    elif d.month == 2:
        w *= 1.3
    if d.weekday() == 0:
        w *= 1.2
    return w


def newcomer(d, source=None):
    day0 = datetime(d.year, d.month, d.day)
    source = source or pick(SOURCES, SOURCE_W)
    studios = list(STUDIOS)
    w = list(STUDIO_W)
    if day0 < BONDI_OPEN:
        w[studios.index("Bondi")] = 0
    elif day0 < BONDI_OPEN + timedelta(days=30):
        w[studios.index("Bondi")] = 0.3  # opening month
    p = Person(pick(studios, w), source)
    t = day0 + timedelta(hours=R.uniform(6, 22))
    if source == "classpass":
        p.cp_id = "CP" + h(f"cp{p.anon}")[:9].upper()
        p.email = h(f"e{p.cp_id}")[:16]
        visits = R.choice([1, 1, 1, 2, 2, 3, 4])
        for _ in range(visits):
            ts = class_time(t.date())
            if within(ts):
                st = pick(["checked_in", "late_cancelled", "missed"], [0.84, 0.09, 0.07])
                cp.append(
                    (
                        f"R{nxt('cp'):07d}",
                        p.cp_id,
                        p.email,
                        p.studio,
                        ts,
                        pick(CLASS_TYPES, CLASS_W),
                        st,
                        f"{R.choice([16.5, 18.0, 19.5]):.2f}",
                    )
                )
            t = t + timedelta(days=R.uniform(3, 25))
        if chance(0.035):  # the rare ClassPass regular who joins directly
            if not within(t):
                return
            app_ev(p, t, "studio_page_view")
            sign_up(p, t + timedelta(minutes=3))
            if sell(p, t + timedelta(minutes=8), pick(list(PRODUCTS), [0.4, 0.35, 0.05, 0.2])):
                member_life(p, t + timedelta(minutes=8), p.plan)
        return
    if source == "walk_in":
        sign_up(p, t)
    else:
        app_ev(p, t, "app_install")
        for i in range(R.choice([1, 1, 2, 3])):
            app_ev(p, t + timedelta(minutes=1 + i * 2), "studio_page_view", studio=p.studio)
        p_signup = {"instagram": 0.42, "google": 0.55, "friend_referral": 0.8}[source]
        if not chance(p_signup):
            return
        t = (
            t + timedelta(minutes=R.uniform(5, 40))
            if chance(0.7)
            else t + timedelta(days=R.uniform(0.5, 6))
        )
        if not within(t):
            return
        sign_up(p, t)
    intro_at = class_time((t + timedelta(days=R.uniform(0.5, 6))).date())
    if not chance(0.85):
        return
    if not attend(p, intro_at, intro=True):
        return
    # intro -> purchase (unlimited less after the price rise)
    p_buy = {"instagram": 0.38, "google": 0.45, "friend_referral": 0.58, "walk_in": 0.5}[source]
    if p.studio == "Bondi" and intro_at < BONDI_OPEN + timedelta(days=45):
        p_buy += 0.12  # opening offer
    if not chance(p_buy):
        if chance(0.05):
            nps_row(p, intro_at + timedelta(days=2))
        return
    tb = intro_at + (
        timedelta(hours=R.uniform(0.3, 2)) if chance(0.6) else timedelta(days=R.uniform(1, 12))
    )
    unl = 0.36 if tb < PRICE_RISE else 0.2
    product = pick(list(PRODUCTS), [0.3, 0.26, 0.08, unl / (1 - unl) * 0.64])
    if sell(p, tb, product):
        if chance(0.12):
            app_ev(
                p,
                tb + timedelta(days=R.uniform(3, 40)),
                "review_submitted",
                rating=max(1, min(5, round(R.gauss(4.4, 0.7)))),
            )
        member_life(p, tb, product)


def existing_member():
    p = Person(
        pick(list(STUDIOS)[:9], STUDIO_W[:9]), pick([*SOURCES[:4], "walk_in"], [3, 3, 0.3, 2, 1])
    )
    p.mid = f"FS{nxt('m')}"
    p.email = h(f"e{p.mid}")[:16]
    p.created = START - timedelta(days=R.uniform(30, 900))
    members.append(p)
    t = START + timedelta(days=R.uniform(0, 40))
    product = pick(list(PRODUCTS), [0.15, 0.25, 0.1, 0.5])
    p.plan = product
    if product == "Unlimited Monthly":
        member_life(p, t, product)
    else:
        sell(p, t, product)
        member_life(p, t, product)


def simulate():
    for _ in range(1200):
        existing_member()
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        for _ in range(poisson(17 * season(d))):
            newcomer(d)
    # outage day: people complain about the app
    for _ in range(60):
        p = R.choice(members)
        ticket(
            p,
            OUTAGE[0] + timedelta(hours=R.uniform(7, 22)),
            "App issue",
            complaint=chance(0.7),
            via="In-app chat",
        )
    for _ in range(400):
        p = R.choice(members)
        ticket(p, START + timedelta(days=R.uniform(0, N_DAYS)), "App issue", complaint=chance(0.2))


def write(folder: Path):
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Member ID", "Created", "Home Studio", "City", "Heard About Us", "Email Hash"])
        heard = {
            "instagram": "Instagram",
            "google": "Google",
            "classpass": "ClassPass",
            "friend_referral": "Friend",
            "walk_in": "Walk-in",
        }
        for p in sorted(members, key=lambda p: p.mid):
            w.writerow([p.mid, ampm(p.created), p.studio, p.city, heard[p.source], p.email])
    with open(folder / "bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Booking Ref",
                "Member ID",
                "Studio",
                "Class Type",
                "Instructor",
                "Class Start",
                "Status",
                "Fee (cents)",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[5], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], r[4], ampm(r[5]), r[6], r[7]])
    with open(folder / "sales.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Sale ID", "Member ID", "Sold At", "Product", "Amount (cents)", "Studio"])
        for r in sorted(sales, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], ampm(r[2]), r[3], r[4], r[5]])
    with open(folder / "app_events.jsonl", "w") as f:
        for r in sorted(app, key=lambda r: (r["ts"], r["anonymous_id"], r["event"])):
            obj = dict(r)
            obj["timestamp"] = iso(obj.pop("ts"))
            f.write(json.dumps(obj) + "\n")
    with open(folder / "classpass_reservations.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "reservation_id",
                "classpass_user_id",
                "email_sha",
                "venue",
                "class_datetime",
                "class_name",
                "status",
                "payout_aud",
            ]
        )
        venue = {s: f"FlowSpace {s}" for s in STUDIOS}
        for r in sorted(cp, key=lambda r: (r[4], r[0])):
            w.writerow([r[0], r[1], r[2], venue[r[3]], f"{r[4]:%Y-%m-%d %H:%M}", r[5], r[6], r[7]])
    with open(folder / "billing_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["txn_id", "member_ref", "posted_at", "txn_type", "amount_aud"])
        for r in sorted(ledger, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], f"{r[4] / 100:.2f}"])

    def fmt(ts):
        return ampm(ts) if ts else ""

    with open(folder / "support_desk.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket #",
                "Member",
                "Created",
                "First Response",
                "Resolved",
                "Topic",
                "Via",
                "Complaint",
                "Satisfaction",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7], r[8]])
    with open(folder / "nps_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_id", "submitted", "score", "studio"])
        for r in sorted(nps, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], iso(r[1]), r[2], r[3]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend (AUD)"])
        m = datetime(2025, 12, 1)
        while m < END:
            jan = 1.8 if m.month == 1 else 1.0
            bondi = 1.4 if m.month in (6, 7) and m.year == 2026 else 1.0
            for ch, amt in (
                ("Instagram", 9000 * jan * bondi),
                ("Google Ads", 7000 * jan),
                ("Referral credits", 1800),
            ):
                w.writerow([f"{m:%b %Y}", ch, f"{amt * R.uniform(0.9, 1.1):.2f}"])
            fees = sum(
                float(r[7])
                for r in cp
                if r[4].year == m.year and r[4].month == m.month and r[6] != "missed"
            )
            w.writerow([f"{m:%b %Y}", "ClassPass fees", f"{fees:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="yoga-src-") as tmp:
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
