"""Tattoo evaluation domain: InkHouse, 11 tattoo and piercing studios in CA, TX and NY.

    python generate.py OUT.duckdb

Writes InkHouse's own exports (seeded: the same files every run) to a temporary folder —

  enquiries.jsonl            enquiry form log (ISO times with offsets,
                             emailSha256 always, clientId only for known clients)
  clients.csv                booking platform client list (Client ID, Email SHA256, Created…)
  bookings_CA.csv            booking platform appointment-event export per state account:
  bookings_TX.csv            'MM/DD/YYYY hh:mm AM' studio-local times, money in cents
  bookings_NY.csv
  pos_sales.csv              studio POS: balances, flash, aftercare, tips (epoch seconds, USD)
  artists.csv                the artist roster (reference only; artist names are on bookings)
  support_inbox.csv          support inbox export (UTC ISO with Z)
  reviews_export.csv         Google / Yelp / Tattoodo reviews (UTC)
  marketing_monthly.csv      monthly marketing sheet (USD)

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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)  # Sunday
END = datetime(2026, 12, 7)  # as_of; data ends the day before
N_DAYS = (END - START).days
AUSTIN_OPEN = datetime(2026, 3, 14)
STAR_LEAVES = datetime(2026, 6, 13)  # Mara Quinn's last day at Brooklyn was Fri 12 June
FLASH_DAYS = [date(2026, 2, 13), date(2026, 11, 13)]
DEPOSIT_RISE = datetime(2026, 8, 1)
MIGRATION = (datetime(2026, 10, 2), datetime(2026, 10, 5))  # booking platform down 2-4 Oct

R = random.Random(SEED)

# code: (name, state, tz, weight)
STUDIOS = {
    "LA-SL": ("Los Angeles Silver Lake", "CA", "America/Los_Angeles", 1.2),
    "SF-MI": ("San Francisco Mission", "CA", "America/Los_Angeles", 1.0),
    "SD-NP": ("San Diego North Park", "CA", "America/Los_Angeles", 0.8),
    "OAK-TM": ("Oakland Temescal", "CA", "America/Los_Angeles", 0.6),
    "ATX-EA": ("Austin East", "TX", "America/Chicago", 1.0),
    "HOU-MT": ("Houston Montrose", "TX", "America/Chicago", 0.9),
    "DAL-DE": ("Dallas Deep Ellum", "TX", "America/Chicago", 0.8),
    "BK-WB": ("Brooklyn Williamsburg", "NY", "America/New_York", 1.5),
    "NY-LES": ("Manhattan Lower East Side", "NY", "America/New_York", 1.2),
    "QNS-AS": ("Queens Astoria", "NY", "America/New_York", 0.7),
    "NY-BUF": ("Buffalo Elmwood", "NY", "America/New_York", 0.5),
}
STATE_NAME = {"CA": "California", "TX": "Texas", "NY": "New York"}
FIRST = [
    "Ava",
    "Leo",
    "Maya",
    "Kai",
    "Rosa",
    "Jin",
    "Nico",
    "Ivy",
    "Omar",
    "Zoe",
    "Eli",
    "Lena",
    "Sam",
    "Rhea",
]
LAST = [
    "Park",
    "Reyes",
    "Cole",
    "Nguyen",
    "Stone",
    "Ortiz",
    "Baker",
    "Lin",
    "Frost",
    "Diaz",
    "Moss",
    "Chen",
]
STYLES = ["fine line", "blackwork", "traditional", "realism", "japanese", "lettering"]

ARTISTS = []  # (id, name, studio, specialty, level, start, end)
_n = 0
for code in STUDIOS:
    for i in range(4):
        _n += 1
        nm = f"{FIRST[_n % len(FIRST)]} {LAST[(_n * 5) % len(LAST)]}"
        spec = "piercing" if i == 3 else STYLES[(_n * 7) % len(STYLES)]
        start = AUSTIN_OPEN if code == "ATX-EA" else datetime(2021, 1, 1) + timedelta(days=20 * _n)
        ARTISTS.append(
            (f"ART{_n:03d}", nm, code, spec, "senior" if i == 0 else "resident", start, None)
        )
STAR = (
    "ART900",
    "Mara Quinn",
    "BK-WB",
    "fine line",
    "guest star",
    datetime(2022, 5, 1),
    STAR_LEAVES,
)
ARTISTS.append(STAR)


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
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def within(ts):
    return START <= ts < END


def open_hour(d, lo=11, hi=20):
    return datetime(d.year, d.month, d.day, R.randrange(lo, hi), R.choice([0, 15, 30, 45]))


def utc_of(local, code):
    return local.replace(tzinfo=ZoneInfo(STUDIOS[code][2])).astimezone(UTC)


enquiries, clients, bookings, pos, tickets, reviews = ([] for _ in range(6))
seq = {"client": 40000, "appt": 100000, "rcpt": 700000, "tkt": 0, "enq": 0, "person": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.n = nxt("person")
        self.email = h(f"mail{self.n}")
        self.cid = None
        self.age = pick(["18-24", "25-34", "35-44", "45+"], [0.3, 0.38, 0.2, 0.12])


def studio_weights(dt):
    w = {}
    for code, (_, _, _, wt) in STUDIOS.items():
        if code == "ATX-EA" and dt < AUSTIN_OPEN:
            continue
        if code == "BK-WB" and dt >= STAR_LEAVES:
            wt *= 0.6
        w[code] = wt
    return w


def artists_at(code, dt, piercing=False):
    out = [a for a in ARTISTS if a[2] == code and a[5] <= dt and (a[6] is None or dt < a[6])]
    if piercing:
        return [a for a in out if a[3] == "piercing"] or out
    return [a for a in out if a[3] != "piercing"] or out


def make_client(p, ts, code, source):
    if p.cid is None:
        p.cid = f"CL{nxt('client')}"
        clients.append((p.cid, p.email, ts, code, p.age, source))


def bk(
    p,
    code,
    ts,
    event,
    artist=None,
    deposit_cents="",
    refund_cents="",
    service="",
    session_no="",
    appt=None,
):
    if not within(ts):
        return
    if MIGRATION[0] <= ts < MIGRATION[1]:
        return  # platform migration: nothing recorded these days
    bookings.append(
        (
            appt or "",
            p.cid,
            code,
            artist[0] if artist else "",
            artist[1] if artist else "",
            event,
            ts,
            deposit_cents,
            refund_cents,
            service,
            session_no,
        )
    )


def sale(p, code, local_ts, item, net, tip=0.0):
    if not within(local_ts):
        return
    pos.append(
        (
            f"R{nxt('rcpt')}",
            p.cid,
            code,
            item,
            f"{net:.2f}",
            f"{tip:.2f}" if tip else "",
            int(utc_of(local_ts, code).timestamp()),
        )
    )


def ticket(p, code, local_ts, tag, complaint, mood=0.0):
    if not within(local_ts):
        return
    via = pick(["email", "instagram_dm", "phone"], [0.5, 0.3, 0.2])
    first = {
        "email": R.uniform(1, 30),
        "instagram_dm": R.uniform(0.2, 12),
        "phone": R.uniform(0.01, 0.3),
    }[via]
    if MIGRATION[0] <= local_ts < MIGRATION[1] + timedelta(days=7):
        first *= 3
    solve = first + R.uniform(2, 96)
    closed = local_ts + timedelta(hours=solve)
    rating = ""
    if chance(0.4):
        rating = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        (
            f"INK-{nxt('tkt'):05d}",
            p.cid or "",
            p.email if p.cid is None else "",
            code,
            utc_of(local_ts, code),
            utc_of(local_ts + timedelta(hours=first), code),
            utc_of(closed, code) if closed < END and chance(0.96) else None,
            tag,
            via,
            "yes" if complaint else "no",
            rating,
        )
    )


def review(p, code, local_ts, artist, mood=0.0):
    if not within(local_ts):
        return
    site = pick(["Google", "Yelp", "Tattoodo"], [0.6, 0.25, 0.15])
    stars = max(1, min(5, round(R.gauss(4.5 - mood, 0.7))))
    reviews.append((site, p.cid, code, artist[1], utc_of(local_ts, code), stars))


def tattoo_journey(p, day, source, code):
    """Enquiry, consultation, quote, deposit, sessions, balance/tip/aftercare, touch-up."""
    t = open_hour(day, 8, 23)
    if not within(t):
        return
    star = code == "BK-WB" and t < STAR_LEAVES and chance(0.35)
    size = pick(["small", "medium", "large", "sleeve"], [0.4, 0.3, 0.2, 0.1])
    style = R.choice(STYLES)
    enquiries.append((t, code, p, source, size, style, "tattoo"))
    p_consult = {
        "Instagram": 0.6,
        "Google": 0.55,
        "Tattoodo": 0.38,
        "Referral": 0.72,
        "Convention": 0.5,
    }[source]
    if star:
        p_consult = 0.75
    if not chance(p_consult):
        return
    tc = open_hour((t + timedelta(days=R.uniform(1, 10))).date())
    make_client(p, tc, code, source)
    artist = STAR if star else R.choice(artists_at(code, tc))
    appt = f"A{nxt('appt')}"
    bk(p, code, tc, "CONSULTATION", artist, service="tattoo", appt=appt)
    if not chance(0.9):
        return
    tq = tc + timedelta(hours=R.uniform(1, 72))
    bk(p, code, tq, "QUOTE_SENT", artist, service="tattoo", appt=appt)
    p_dep = {"small": 0.7, "medium": 0.66, "large": 0.6, "sleeve": 0.55}[size]
    if not chance(p_dep):
        return
    td = tq + timedelta(days=R.uniform(0.1, 12))
    dep = 100 if td >= DEPOSIT_RISE else 50
    bk(
        p,
        code,
        td,
        "DEPOSIT_PAID",
        artist,
        deposit_cents=str(dep * 100),
        service="tattoo",
        appt=appt,
    )
    if chance(0.03):
        # client changed their mind: refund request
        tr = td + timedelta(days=R.uniform(1, 10))
        ticket(p, code, tr, "deposit_refund", False)
        bk(
            p,
            code,
            tr + timedelta(days=R.uniform(1, 5)),
            "DEPOSIT_REFUNDED",
            artist,
            refund_cents=str(dep * 100),
            service="tattoo",
            appt=appt,
        )
        return
    n_sessions = {
        "small": 1,
        "medium": R.choice([1, 1, 2]),
        "large": R.choice([2, 3]),
        "sleeve": R.choice([3, 4, 5]),
    }[size]
    price = {
        "small": R.uniform(150, 350),
        "medium": R.uniform(350, 800),
        "large": R.uniform(800, 1800),
        "sleeve": R.uniform(1800, 4200),
    }[size]
    if artist[4] == "guest star":
        price *= 1.4
    price = round(price / 10) * 10
    no_show_p = 0.05 if dep == 100 else 0.15
    ts = td + timedelta(days=R.uniform(7, 45))
    done = 0
    s = 1
    while s <= n_sessions:
        session_local = open_hour(ts.date(), 11, 18)
        tb = td if s == 1 else ts - timedelta(days=R.uniform(14, 30))
        bk(
            p,
            code,
            max(tb, td + timedelta(minutes=2)),
            "SESSION_BOOKED",
            artist,
            service="tattoo",
            session_no=str(s),
            appt=appt,
        )
        if artist is STAR and session_local >= STAR_LEAVES:
            # Mara left: her bookings moved to Lower East Side / Brooklyn residents, some cancelled
            if chance(0.35):
                bk(
                    p,
                    code,
                    STAR_LEAVES - timedelta(days=R.uniform(1, 10)),
                    "CANCELLED",
                    artist,
                    service="tattoo",
                    session_no=str(s),
                    appt=appt,
                )
                ticket(
                    p,
                    code,
                    STAR_LEAVES + timedelta(days=R.uniform(0, 14)),
                    "deposit_refund",
                    True,
                    mood=1.5,
                )
                if s == 1:
                    bk(
                        p,
                        code,
                        STAR_LEAVES + timedelta(days=R.uniform(2, 20)),
                        "DEPOSIT_REFUNDED",
                        artist,
                        refund_cents=str(dep * 100),
                        service="tattoo",
                        appt=appt,
                    )
                return
            code = pick(["NY-LES", "BK-WB"], [0.6, 0.4])
            artist = R.choice(artists_at(code, session_local))
            bk(
                p,
                code,
                STAR_LEAVES - timedelta(days=R.uniform(1, 10)),
                "SESSION_BOOKED",
                artist,
                service="tattoo",
                session_no=str(s),
                appt=appt,
            )
        if not within(session_local):
            return
        if chance(0.008):
            bk(
                p,
                code,
                session_local,
                "ARTIST_NO_SHOW",
                artist,
                service="tattoo",
                session_no=str(s),
                appt=appt,
            )
            ticket(
                p,
                code,
                session_local + timedelta(hours=R.uniform(0.5, 6)),
                "artist_no_show",
                True,
                mood=2.0,
            )
            ts = ts + timedelta(days=R.uniform(7, 20))
            continue
        if chance(no_show_p):
            bk(
                p,
                code,
                session_local,
                "NO_SHOW",
                artist,
                service="tattoo",
                session_no=str(s),
                appt=appt,
            )
            if not chance(0.5):
                return
            ts = ts + timedelta(days=R.uniform(10, 30))
            continue
        bk(
            p,
            code,
            session_local + timedelta(hours=R.uniform(2, 6)),
            "SESSION_COMPLETED",
            artist,
            service="tattoo",
            session_no=str(s),
            appt=appt,
        )
        done += 1
        end_local = session_local + timedelta(hours=R.uniform(2.2, 6.2))
        part = price / n_sessions - (dep if s == 1 else 0)
        tip = round(price / n_sessions * R.uniform(0.12, 0.25), 2) if chance(0.85) else 0.0
        sale(p, code, end_local, "TATTOO BALANCE", max(part, 0), tip)
        if s == 1 and chance(0.55):
            sale(
                p, code, end_local + timedelta(minutes=2), "AFTERCARE", round(R.uniform(14, 42), 2)
            )
        s += 1
        ts = ts + timedelta(days=R.uniform(21, 45))
    if not done:
        return
    last = session_local
    if chance(0.05):
        ticket(p, code, last + timedelta(days=R.uniform(3, 14)), "healing_issue", True, mood=1.0)
    if chance(0.3):
        tu = open_hour((last + timedelta(days=R.uniform(30, 90))).date(), 11, 18)
        bk(p, code, tu, "TOUCH_UP", artist, service="tattoo", appt=appt)
    if chance(0.22):
        review(
            p,
            code,
            last + timedelta(days=R.uniform(1, 20)),
            artist,
            mood=0,
        )
    if chance(0.12):
        # comes back for another piece
        nd = (last + timedelta(days=R.uniform(30, 200))).date()
        if within(datetime(nd.year, nd.month, nd.day)):
            tattoo_journey(p, nd, pick(["Instagram", "Referral", "Google"], [0.5, 0.3, 0.2]), code)


def piercing_journey(p, day, source, code):
    t = open_hour(day, 8, 23)
    if not within(t):
        return
    if chance(0.6):
        enquiries.append((t, code, p, source, "piercing", "", "piercing"))
        if not chance(0.75):
            return
        t = t + timedelta(hours=R.uniform(1, 48))
    tb = open_hour(t.date(), 10, 20)
    make_client(p, tb, code, source)
    artist = R.choice(artists_at(code, tb, piercing=True))
    appt = f"A{nxt('appt')}"
    bk(p, code, tb, "SESSION_BOOKED", artist, service="piercing", session_no="1", appt=appt)
    tsess = open_hour((tb + timedelta(days=R.uniform(0, 10))).date(), 11, 20)
    if chance(0.1):
        bk(p, code, tsess, "NO_SHOW", artist, service="piercing", session_no="1", appt=appt)
        return
    bk(
        p,
        code,
        tsess + timedelta(minutes=30),
        "SESSION_COMPLETED",
        artist,
        service="piercing",
        session_no="1",
        appt=appt,
    )
    sale(
        p,
        code,
        tsess + timedelta(minutes=40),
        "PIERCING",
        round(R.uniform(40, 90), 0),
        round(R.uniform(5, 15), 2) if chance(0.6) else 0.0,
    )
    if chance(0.7):
        sale(
            p,
            code,
            tsess + timedelta(minutes=42),
            "JEWELRY & AFTERCARE",
            round(R.uniform(25, 140), 2),
        )
    if chance(0.04):
        ticket(p, code, tsess + timedelta(days=R.uniform(2, 20)), "healing_issue", True, mood=0.8)
    if chance(0.15):
        review(p, code, tsess + timedelta(days=R.uniform(1, 10)), artist)


def flash_event(day):
    """Friday the 13th: $13 flash, walk-in queues at every studio."""
    dt = datetime(day.year, day.month, day.day)
    for code in studio_weights(dt):
        for _ in range(poisson(55 * STUDIOS[code][3])):
            p = Person()
            tq = datetime(day.year, day.month, day.day, R.randrange(9, 21), R.randrange(60))
            make_client(p, tq, code, "Walk-in")
            bk(p, code, tq, "WALK_IN_CHECKIN", service="flash")
            if chance(0.27):
                continue  # gave up in the queue
            artist = R.choice(artists_at(code, tq))
            tdone = tq + timedelta(minutes=R.uniform(30, 300))
            bk(p, code, tdone, "SESSION_COMPLETED", artist, service="flash", session_no="1")
            sale(p, code, tdone + timedelta(minutes=3), "FLASH", 13.0, round(R.uniform(5, 25), 0))
            if chance(0.35):
                sale(
                    p, code, tdone + timedelta(minutes=5), "AFTERCARE", round(R.uniform(12, 24), 2)
                )
            if chance(0.08):
                review(p, code, tdone + timedelta(days=R.uniform(0, 5)), artist)
            if chance(0.08):
                nd = (tdone + timedelta(days=R.uniform(20, 150))).date()
                tattoo_journey(p, nd, "Referral", code)


def convention_month(d):
    return d.month in (3, 6, 9, 10)


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        season = 1.0 + 0.2 * math.sin(
            (d.timetuple().tm_yday - 100) / 365 * 2 * math.pi
        )  # spring/summer high
        if d.weekday() in (5, 6):
            season *= 1.2
        weights = studio_weights(dt)
        codes, ws = list(weights), list(weights.values())
        for _ in range(poisson(15 * season)):
            p = Person()
            code = pick(codes, ws)
            src_w = [0.4, 0.25, 0.2, 0.1, 0.05 if convention_month(d) else 0.0]
            if dt >= datetime(2026, 7, 1):
                src_w[2] = 0.26  # Tattoodo pushes more (worse) enquiries after its fee change
            if code == "BK-WB" and dt >= STAR_LEAVES:
                src_w[0] = 0.25  # Mara's Instagram followers went with her
            src = pick(["Instagram", "Google", "Tattoodo", "Referral", "Convention"], src_w)
            tattoo_journey(p, d, src, code)
        for _ in range(poisson(6 * season)):
            p = Person()
            code = pick(codes, ws)
            piercing_journey(
                p,
                d,
                pick(["Google", "Instagram", "Walk-in", "Referral"], [0.4, 0.25, 0.25, 0.1]),
                code,
            )
        if d in FLASH_DAYS:
            flash_event(d)
        # booking platform migration: clients could not reschedule
        if MIGRATION[0] <= dt < MIGRATION[1] + timedelta(days=3):
            for _ in range(poisson(9)):
                if clients:
                    c = R.choice(clients[-3000:])
                    p = Person()
                    p.cid, p.email = c[0], c[1]
                    ticket(p, c[3], open_hour(d, 9, 21), "booking_issue", chance(0.4), mood=1.2)


def write(folder: Path):
    with open(folder / "enquiries.jsonl", "w") as f:
        for t, code, p, source, size, style, svc in sorted(enquiries, key=lambda r: (r[0], r[2].n)):
            off = t.replace(tzinfo=ZoneInfo(STUDIOS[code][2]))
            obj = {
                "enquiryId": f"ENQ-{nxt('enq'):06d}",
                "submittedAt": off.isoformat(),
                "emailSha256": p.email,
                "clientId": p.cid if p.cid and p.cid in known_before(p, t) else None,
                "studio": code,
                "heardFrom": {
                    "Instagram": "ig",
                    "Google": "google",
                    "Tattoodo": "tattoodo",
                    "Referral": "friend",
                    "Convention": "convention",
                    "Walk-in": "walkin",
                }[source],
                "service": svc,
                "size": size,
                "style": style,
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "clients.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Client ID",
                "Email SHA256",
                "Created",
                "Home Studio",
                "State",
                "Age Band",
                "How Heard",
            ]
        )
        for cid, email, ts, code, age, src in sorted(clients, key=lambda r: r[0]):
            w.writerow(
                [
                    cid,
                    email,
                    f"{utc_of(ts, code):%Y-%m-%dT%H:%M:%SZ}",
                    code,
                    STATE_NAME[STUDIOS[code][1]],
                    age,
                    src,
                ]
            )
    for state in ("CA", "TX", "NY"):
        with open(folder / f"bookings_{state}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "Appointment ID",
                    "Client ID",
                    "Studio",
                    "Artist ID",
                    "Artist",
                    "Event",
                    "Event Time",
                    "Deposit (cents)",
                    "Refund (cents)",
                    "Service",
                    "Session #",
                ]
            )
            rows = [r for r in bookings if STUDIOS[r[2]][1] == state]
            for r in sorted(rows, key=lambda r: (r[6], r[1], r[5])):
                appt = r[0]
                if appt and r[6] >= MIGRATION[1]:
                    appt = "BK2-" + appt[1:]  # new platform's id format
                w.writerow(
                    [
                        appt,
                        r[1],
                        r[2],
                        r[3],
                        r[4],
                        r[5],
                        f"{r[6]:%m/%d/%Y %I:%M %p}",
                        r[7],
                        r[8],
                        r[9],
                        r[10],
                    ]
                )
    with open(folder / "pos_sales.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["receipt_no", "client_ref", "location", "item", "net_usd", "tip_usd", "paid_epoch"]
        )
        for r in sorted(pos, key=lambda r: (r[6], r[0])):
            w.writerow(r)
    with open(folder / "artists.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["artist_id", "name", "studio", "specialty", "level", "start_date", "end_date"])
        for a in ARTISTS:
            w.writerow(
                [
                    a[0],
                    a[1],
                    a[2],
                    a[3],
                    a[4],
                    f"{a[5]:%Y-%m-%d}",
                    f"{a[6]:%Y-%m-%d}" if a[6] else "",
                ]
            )

    def z(ts):
        return ts.strftime("%Y-%m-%dT%H:%M:%SZ") if ts else ""

    with open(folder / "support_inbox.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket",
                "client_id",
                "requester_email_sha256",
                "studio",
                "created",
                "first_reply",
                "closed",
                "tag",
                "via",
                "complaint",
                "satisfaction",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], r[3], z(r[4]), z(r[5]), z(r[6]), r[7], r[8], r[9], r[10]])
    with open(folder / "reviews_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["site", "client_id", "studio", "artist", "posted_utc", "rating"])
        for r in sorted(reviews, key=lambda r: (r[4], r[1])):
            w.writerow([r[0], r[1], r[2], r[3], r[4].strftime("%Y-%m-%d %H:%M:%S"), r[5]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Line item", "Spend (USD)"])
        m = date(2025, 12, 1)
        while m < END.date():
            items = {"Instagram Ads": 5200, "Google Ads": 4100, "Tattoodo Fees": 2600}
            if m >= date(2026, 7, 1):
                items["Tattoodo Fees"] = 3900  # Tattoodo fee change
            if convention_month(m):
                items["Convention Booths"] = 6500
            for item, amt in items.items():
                w.writerow([f"{m:%b-%Y}", item, f"{amt * R.uniform(0.9, 1.1):.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def known_before(p, t):
    """Client ids the enquiry form knows: only when the client existed before the enquiry."""
    created = _created.get(p.cid)
    return {p.cid} if created is not None and created < t else set()


_created = {}


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    for c in clients:
        _created[c[0]] = c[2]
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="tattoo-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    print(f"people={seq['person']} clients={len(clients)} bookings={len(bookings)} pos={len(pos)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
