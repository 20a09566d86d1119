"""Boardgame evaluation domain: Meeple & Mug, six board-game cafés (Manchester, Leeds, Edinburgh).

    python generate.py OUT.duckdb

Writes Meeple & Mug's own exports (seeded: the same files every run) to a temporary folder —

  bookings_export.csv     table-booking system: one row per booking status change,
                          'DD/MM/YYYY HH:MM' London time, deposit in pence, guest email hash
  till_transactions.csv   the till: ISO timestamps with offsets, table fees and food & drink,
                          card token always, Meeple Club number when scanned, booking ref
  tickets_export.jsonl    events ticketing (game nights, tournaments): epoch milliseconds
  shop_orders.csv         game shop orders (online + in-café), Shopify-style times with +0000/+0100
  loyalty_app_log.csv     Meeple Club app: device id always, member number / email after sign-up
  club_members.csv        Meeple Club member list (home café, plan, age band)
  feedback_form.csv       feedback form (rating 1-5, topic, comment)
  complaint_tracker.csv   complaints follow-up (opened, first reply, resolved)
  marketing_monthly.csv   monthly marketing sheet (Instagram, Google Ads, TikTok, Meetup) in GBP

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

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
EDINBURGH_OPEN = datetime(2026, 4, 11)  # Saturday
EASTER = (datetime(2026, 4, 3), datetime(2026, 4, 7))  # Good Friday - Easter Monday
OUTAGE = (datetime(2026, 6, 21), datetime(2026, 6, 23))  # booking site down 21-22 June
FEE_RISE = datetime(2026, 9, 1)  # table fee £5 -> £6 per person
STUDENT_RUSH = (datetime(2026, 9, 28), datetime(2026, 11, 1))
XMAS_2025 = (datetime(2025, 12, 7), datetime(2025, 12, 24))
XMAS_2026 = (datetime(2026, 11, 23), datetime(2026, 12, 7))

R = random.Random(SEED)

CAFES = [
    "Manchester Northern Quarter",
    "Manchester Didsbury",
    "Manchester Chorlton",
    "Leeds City Centre",
    "Leeds Headingley",
    "Edinburgh Old Town",
]
CAFE_CODE = {
    "Manchester Northern Quarter": "MAN-NQ",
    "Manchester Didsbury": "MAN-DID",
    "Manchester Chorlton": "MAN-CHO",
    "Leeds City Centre": "LDS-CC",
    "Leeds Headingley": "LDS-HEA",
    "Edinburgh Old Town": "EDI-OT",
}
CAFE_W = [0.24, 0.15, 0.12, 0.2, 0.14, 0.15]
SOURCES = ["instagram", "google_maps", "tiktok", "meetup", "friend", "direct"]
SOURCE_W = [0.27, 0.27, 0.1, 0.1, 0.16, 0.1]
AGE = ["18-24", "25-34", "35-44", "45-54", "55+"]
AGE_W = [0.24, 0.36, 0.22, 0.11, 0.07]
HOURS = [0] * 10 + [1, 2, 3, 3, 3, 3, 3, 4, 5, 6, 5, 3, 1, 0]


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60))


def bst(ts):
    return datetime(2026, 3, 29, 1) <= ts < datetime(2026, 10, 25, 1)


def fee(ts):
    return 6.0 if ts >= FEE_RISE else 5.0


bookings, till, tickets, shop, app, members, feedback, complaints = ([] for _ in range(8))
seq = {
    "bk": 40000,
    "txn": 0,
    "tk": 700000,
    "shop": 1000,
    "mem": 5000,
    "card": 0,
    "dev": 0,
    "case": 0,
    "p": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, d):
        self.n = nxt("p")
        self.email = h(f"mail{self.n}")[:16]
        self.card = "tok_" + h(f"card{self.n}")[:12]
        self.member = None
        self.device = None
        self.age = pick(AGE, AGE_W)
        self.source = pick(SOURCES, SOURCE_W)
        day0 = datetime(d.year, d.month, d.day)
        w = list(CAFE_W)
        if day0 < EDINBURGH_OPEN:
            w[5] = 0
        elif day0 < EDINBURGH_OPEN + timedelta(days=21):
            w[5] = 0.35  # opening buzz
        self.cafe = pick(CAFES, w)
        self.student = self.age == "18-24" and chance(0.6)


def complain(p, ts, cafe, topic, rating):
    if not within(ts):
        return
    fr = R.uniform(0.5, 30) if topic != "Wait for a table" else R.uniform(2, 60)
    if inw(ts, STUDENT_RUSH):
        fr *= 1.8
    res = fr + R.uniform(2, 96)
    opened = ts + timedelta(minutes=R.uniform(1, 30))
    first = opened + timedelta(hours=fr)
    solved = opened + timedelta(hours=res)
    complaints.append(
        (
            f"MM-{nxt('case'):05d}",
            p.email,
            opened,
            first if first < END else None,
            solved if solved < END and chance(0.95) else None,
            topic,
            cafe,
            pick(["Form", "Email", "Instagram DM"], [0.6, 0.3, 0.1]),
            rating,
        )
    )


def visit(p, ts, party, booked_ref=None, source=None):
    """A table at a café: table fee per person, food and drink, maybe feedback and complaints."""
    if not within(ts):
        return
    cafe = p.cafe
    ref = booked_ref or ""
    kind = "BOOKED" if booked_ref else "WALKIN"
    t_fee = ts + timedelta(minutes=R.uniform(1, 10))
    till.append(
        (
            f"T{nxt('txn'):07d}",
            t_fee,
            cafe,
            "TABLE_FEE",
            round(fee(ts) * party, 2),
            party,
            p.card,
            p.member if p.member and chance(0.85) else "",
            ref,
            kind,
        )
    )
    stay = R.uniform(1.5, 4)
    fnb = round(sum(R.uniform(4.5, 13) for _ in range(party)) * (1.25 if party >= 8 else 1.0), 2)
    till.append(
        (
            f"T{nxt('txn'):07d}",
            ts + timedelta(hours=stay),
            cafe,
            "FOOD_DRINK",
            fnb,
            party,
            p.card,
            p.member if p.member and chance(0.85) else "",
            ref,
            kind,
        )
    )
    end = ts + timedelta(hours=stay)
    if chance(0.06):
        shop.append(
            (
                f"#MM{nxt('shop')}",
                end - timedelta(minutes=5),
                p.email,
                round(R.uniform(18, 65), 2) - 0.01,
                "In-café",
                cafe,
                pick(["Strategy", "Party", "Family", "Cooperative", "Card game"], [3, 3, 2, 2, 2]),
            )
        )
    if chance(0.11):
        rush = inw(ts, STUDENT_RUSH) and cafe in ("Leeds Headingley", "Manchester Northern Quarter")
        easter = inw(ts, EASTER)
        xmas = party >= 8
        topics = ["Missing pieces", "Wait for a table", "Noise", "Food & drink", "Staff", "Other"]
        tw = [
            0.2,
            0.12 + (0.5 if rush or easter else 0),
            0.1 + (0.35 if xmas else 0),
            0.15,
            0.1,
            0.1,
        ]
        topic = pick(topics, tw)
        rating = max(
            1,
            min(
                5,
                round(
                    R.gauss(4.3 if topic in ("Staff", "Other", "Food & drink") else 3.4, 0.9)
                    - (0.8 if rush or easter else 0)
                ),
            ),
        )
        t = end + timedelta(hours=R.uniform(1, 48))
        if within(t):
            comment = {
                "Missing pieces": [
                    "Catan was missing two roads",
                    "Half the Ticket to Ride trains gone",
                    "Box had pieces from another game",
                ],
                "Wait for a table": [
                    "Waited 40 minutes even though we booked",
                    "No tables for an hour",
                    "Queue out the door",
                ],
                "Noise": ["Christmas party next to us was so loud", "Too loud to explain rules"],
            }.get(
                topic,
                [
                    "Great games library",
                    "Lovely staff",
                    "Toasties were excellent",
                    "Will come back",
                    "",
                ],
            )
            feedback.append(
                (
                    t,
                    p.email,
                    cafe,
                    rating,
                    topic,
                    R.choice(comment),
                    "Yes"
                    if rating <= 2
                    or (topic in ("Missing pieces", "Wait for a table", "Noise") and chance(0.5))
                    else "No",
                )
            )
            if feedback[-1][-1] == "Yes":
                complain(p, t, cafe, topic, rating)


def book(p, ts, visit_ts, party, source, xmas=False):
    """Online booking; returns True if the guest was seated."""
    if not within(ts):
        return False
    if inw(ts, OUTAGE):
        return None  # booking site down
    ref = f"BK{nxt('bk')}"
    deposit = 500 * party if party >= 6 else 0
    bookings.append(
        (
            ref,
            "BOOKED",
            ts,
            visit_ts,
            p.cafe,
            party,
            source,
            p.email,
            deposit,
            "Christmas party" if xmas else ("Group" if party >= 6 else "Standard"),
        )
    )
    r = R.random()
    ns = 0.1 if not xmas else 0.03
    if r < 0.07:
        ct = ts + (visit_ts - ts) * R.uniform(0.2, 0.95)
        if within(ct):
            bookings.append(
                (
                    ref,
                    "CANCELLED",
                    ct,
                    visit_ts,
                    p.cafe,
                    party,
                    source,
                    p.email,
                    deposit,
                    bookings[-1][-1],
                )
            )
        return False
    if r < 0.07 + ns:
        if within(visit_ts + timedelta(minutes=30)):
            bookings.append(
                (
                    ref,
                    "NO SHOW",
                    visit_ts + timedelta(minutes=30),
                    visit_ts,
                    p.cafe,
                    party,
                    source,
                    p.email,
                    deposit,
                    bookings[-1][-1],
                )
            )
        return False
    seat = visit_ts + timedelta(minutes=R.uniform(-5, 15))
    if not within(seat):
        return False
    bookings.append(
        (ref, "SEATED", seat, visit_ts, p.cafe, party, source, p.email, deposit, bookings[-1][-1])
    )
    visit(p, seat, party, ref, source)
    return True


def join_club(p, ts):
    if p.member or not within(ts):
        return
    if p.device is None:
        p.device = "dev-" + h(f"dev{nxt('dev')}")[:10]
        app.append((ts - timedelta(minutes=R.uniform(5, 600)), p.device, "", "", "app_install", ""))
    p.member = f"MC{nxt('mem')}"
    plan = "Student" if p.student and chance(0.8) else "Standard"
    price = 4.0 if plan == "Student" else 7.5
    members.append((p.member, p.email, ts, p.cafe, plan, p.age))
    app.append((ts, p.device, p.member, p.email, "club_signup", f"{price:.2f}"))
    m = ts
    churn = 0.12 if plan == "Student" else 0.07
    while True:
        m = m + timedelta(days=30)
        if not within(m):
            break
        if chance(churn):
            app.append(
                (
                    m - timedelta(days=R.uniform(1, 10)),
                    p.device,
                    p.member,
                    p.email,
                    "club_cancel",
                    "",
                )
            )
            break
        app.append((m, p.device, p.member, p.email, "club_renewal", f"{price:.2f}"))


def buy_ticket(p, ts, source):
    if not within(ts):
        return
    kind = pick(["game_night", "tournament"], [0.7, 0.3])
    name = (
        pick(
            ["Friday Game Night", "Beginners' Night", "Wingspan Wednesday", "Quiz & Games"],
            [4, 2, 2, 2],
        )
        if kind == "game_night"
        else pick(
            ["Catan Open", "Magic Draft", "Carcassonne Cup", "Codenames League"], [3, 3, 2, 2]
        )
    )
    qty = R.choice([1, 1, 2, 2, 3, 4])
    price = 8.0 if kind == "game_night" else 15.0
    ev = ts + timedelta(days=R.uniform(1, 14))
    ev = datetime(ev.year, ev.month, ev.day, 19, 0)
    oid = f"TK{nxt('tk')}"
    ref = {"meetup": "meetup", "instagram": "instagram"}.get(source, "website")
    tickets.append((oid, ts, "order.placed", name, kind, p.cafe, qty, price * qty, p.email, ref))
    if within(ev) and chance(0.88):
        tickets.append(
            (
                oid,
                ev - timedelta(minutes=R.uniform(0, 30)),
                "attendee.checked_in",
                name,
                kind,
                p.cafe,
                qty,
                0.0,
                p.email,
                ref,
            )
        )
        visit(p, ev + timedelta(minutes=5), qty)


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = {0: 0.6, 1: 0.65, 2: 0.8, 3: 0.9, 4: 1.3, 5: 1.7, 6: 1.3}[d.weekday()]
    if inw(dt, EASTER):
        w *= 2.6
    if dt.month in (7, 8):
        w *= 1.1
    if dt >= EDINBURGH_OPEN:
        w *= 1.12
    return w


def newcomer(d):
    p = Person(d)
    day0 = datetime(d.year, d.month, d.day)
    if inw(day0, STUDENT_RUSH) and chance(0.45):
        p.age = "18-24"
        p.student = True
        p.source = pick(["tiktok", "instagram", "friend"], [5, 3, 2])
        p.cafe = pick(
            ["Leeds Headingley", "Manchester Northern Quarter", "Leeds City Centre"], [5, 3, 2]
        )
    t = at(d)
    src = p.source
    xmas = (inw(day0, XMAS_2025) or inw(day0, XMAS_2026)) and chance(0.35)
    party = R.choice([8, 10, 12, 14, 16, 20]) if xmas else R.choice([1, 2, 2, 2, 3, 4, 4, 5, 6])
    visits = 0
    if src == "meetup" and chance(0.55):
        buy_ticket(p, t, src)
        visits += 1
    else:
        online = {
            "instagram": 0.72,
            "google_maps": 0.6,
            "tiktok": 0.7,
            "meetup": 0.8,
            "friend": 0.5,
            "direct": 0.45,
        }[src]
        if xmas:
            online = 0.97
        if chance(online):
            vt = at(d + timedelta(days=R.choice([0, 0, 1, 2, 3, 5, 7])))
            if xmas:
                vt = at(d + timedelta(days=R.randrange(5, 18)))
            while vt <= t:
                vt += timedelta(hours=2)
            r = book(p, t, vt, party, src, xmas)
            if r is None:  # booking site down: some walk in anyway
                if chance(0.45):
                    visit(p, t + timedelta(hours=R.uniform(0.5, 3)), party)
                    visits += 1
            elif r:
                visits += 1
        else:
            visit(p, t, party)
            visits += 1
    if visits == 0:
        return p
    if chance(0.16 if not p.student else 0.22):
        join_club(p, t + timedelta(hours=R.uniform(2, 72)))
    if src != "meetup" and chance(0.08):
        buy_ticket(p, t + timedelta(days=R.uniform(2, 40)), src)
    if chance(0.05):
        shop.append(
            (
                f"#MM{nxt('shop')}",
                t + timedelta(days=R.uniform(1, 60)),
                p.email,
                round(R.uniform(18, 80), 2) - 0.01,
                "Online",
                p.cafe,
                pick(["Strategy", "Party", "Family", "Cooperative", "Card game"], [3, 3, 2, 2, 2]),
            )
        )
    # repeat visits
    n = poisson(3.5 if p.member else 0.8)
    for _ in range(n):
        t2 = t + timedelta(days=R.uniform(5, 120))
        if not within(t2):
            continue
        t2 = at(t2.date())
        pty = R.choice([1, 2, 2, 3, 4])
        if chance(0.55):
            book(p, t2 - timedelta(days=R.uniform(0.2, 4)), t2, pty, "direct")
        else:
            visit(p, t2, pty)
        if p.member and chance(0.15):
            buy_ticket(p, t2 - timedelta(days=R.uniform(1, 5)), "direct")
    return p


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        lam = 22 * day_weight(d)
        if inw(dt, STUDENT_RUSH):
            lam *= 1.35
        for _ in range(poisson(lam)):
            newcomer(d)


def iso_off(ts):
    off = "+01:00" if bst(ts) else "+00:00"
    return f"{ts:%Y-%m-%dT%H:%M:%S}{off}"


def utc(ts):
    return ts - timedelta(hours=1 if bst(ts) else 0)


def write(folder: Path):
    def dmy(ts):
        return f"{ts:%d/%m/%Y %H:%M}" if ts else ""

    with open(folder / "bookings_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Booking Ref",
                "Status",
                "Status Time",
                "Visit Time",
                "Venue",
                "Covers",
                "How Heard",
                "Guest Email Hash",
                "Deposit (p)",
                "Booking Type",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[2], r[0], r[1])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    dmy(r[2]),
                    dmy(r[3]),
                    CAFE_CODE[r[4]],
                    r[5],
                    {
                        "instagram": "Instagram",
                        "google_maps": "Google",
                        "tiktok": "TikTok",
                        "meetup": "Meetup",
                        "friend": "Friend/word of mouth",
                        "direct": "Website",
                    }[r[6]],
                    r[7],
                    r[8],
                    r[9],
                ]
            )
    with open(folder / "till_transactions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "txn_id",
                "timestamp",
                "site",
                "line_type",
                "amount_gbp",
                "covers",
                "card_token",
                "club_no",
                "booking_ref",
                "order_type",
            ]
        )
        for r in sorted(till, key=lambda r: (r[1], r[0])):
            if within(r[1]):
                w.writerow(
                    [r[0], iso_off(r[1]), r[2], r[3], f"{r[4]:.2f}", r[5], r[6], r[7], r[8], r[9]]
                )
    with open(folder / "tickets_export.jsonl", "w") as f:
        for r in sorted(tickets, key=lambda r: (r[1], r[0], r[2])):
            if not within(r[1]):
                continue
            ms = int(utc(r[1]).replace(tzinfo=UTC).timestamp() * 1000)
            f.write(
                json.dumps(
                    {
                        "order_id": r[0],
                        "created": ms,
                        "action": r[2],
                        "event_title": r[3],
                        "event_type": r[4],
                        "venue": r[5],
                        "quantity": r[6],
                        "gross_gbp": r[7],
                        "buyer_email_sha": r[8],
                        "referrer": r[9],
                    }
                )
                + "\n"
            )
    with open(folder / "shop_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["Name", "Created at", "Email hash", "Total", "Fulfilment", "Store", "Game category"]
        )
        for r in sorted(shop, key=lambda r: (r[1], r[0])):
            if within(r[1]):
                off = "+0100" if bst(r[1]) else "+0000"
                w.writerow(
                    [r[0], f"{r[1]:%Y-%m-%d %H:%M:%S} {off}", r[2], f"{r[3]:.2f}", r[4], r[5], r[6]]
                )
    with open(folder / "loyalty_app_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["logged_at", "device_id", "member_no", "email_sha", "action", "charge_gbp"])
        for r in sorted(app, key=lambda r: (r[0], r[1], r[4])):
            if within(r[0]):
                w.writerow([f"{utc(r[0]):%Y-%m-%dT%H:%M:%S}Z", *r[1:]])
    with open(folder / "club_members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "email_sha", "joined_at", "home_cafe", "plan", "age_band"])
        for r in sorted(members, key=lambda r: r[0]):
            w.writerow([r[0], r[1], f"{utc(r[2]):%Y-%m-%dT%H:%M:%S}Z", r[3], r[4], r[5]])
    with open(folder / "feedback_form.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["Submitted", "Email hash", "Café", "Rating (1-5)", "Topic", "Comments", "Complaint?"]
        )
        for r in sorted(feedback, key=lambda r: (r[0], r[1])):
            w.writerow([dmy(r[0]), *r[1:]])
    with open(folder / "complaint_tracker.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Case",
                "Email hash",
                "Opened",
                "First reply",
                "Resolved",
                "Issue",
                "Café",
                "Received via",
                "Rating",
            ]
        )
        for r in sorted(complaints, key=lambda r: r[0]):
            w.writerow([r[0], r[1], dmy(r[2]), dmy(r[3]), dmy(r[4]), r[5], r[6], r[7], r[8]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend GBP"])
        months = [(2025, 12)] + [(2026, m) for m in range(1, 13)]
        for y, m in months:
            base = {"Instagram": 1800, "Google Ads": 1500, "TikTok": 600, "Meetup": 240}
            if (y, m) in ((2026, 9), (2026, 10)):
                base["TikTok"] = 2600  # student campaign
            if (y, m) == (2026, 4):
                base["Instagram"] = 3200  # Edinburgh launch
                base["Google Ads"] = 2400
            if m == 12 or (y, m) == (2026, 11):
                base["Instagram"] *= 1.3
            if (y, m) >= (2026, 4):
                base["Meetup"] = 320  # sixth café's group
            for ch, amt in base.items():
                w.writerow([f"{y}-{m:02d}", ch, f"{amt * R.uniform(0.93, 1.07):.2f}"])


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="boardgame-src-") as tmp:
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
