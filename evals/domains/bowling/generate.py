"""Bowling evaluation domain: StrikeCity, 8 bowling + arcade centres in the Midlands and Wales.

    python generate.py OUT.duckdb

Writes StrikeCity's own exports (seeded: the same files every run) to a temporary folder —

  lane_customers.csv      lane-booking customer accounts (Account No, Created, Home Centre…)
  lane_bookings.csv       lane-booking system audit log: BOOKED / PAID / CHECKED_IN / CANCELLED /
                          NO_SHOW, 'DD/MM/YYYY HH:MM' London time, money in pence
  playcard.jsonl          play-card system: cardId, accountId (only once the app account is
                          linked), epoch milliseconds UTC, site codes, pence
  diner_till.csv          diner till receipts, ISO times with offsets, GBP, loyalty card
  party_enquiries.csv     party enquiry form + deposit log (birthday / corporate / school)
  support_desk.csv        support desk tickets (UTC, Z)
  reviews_export.csv      review export (Google / Facebook / Tripadvisor stars)
  marketing_monthly.csv   monthly marketing sheet in GBP (Google Ads, Meta, TikTok, Wowcher fees)

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
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
LONDON = ZoneInfo("Europe/London")
CARDIFF_OPEN = datetime(2026, 5, 16)  # Saturday
OUTAGE = (datetime(2026, 8, 12), datetime(2026, 8, 14))  # play-card system down 12-13 Aug
WOWCHER_SALE = (datetime(2026, 10, 1), datetime(2026, 11, 1))  # voucher sold in October
WOWCHER_REDEEM_END = datetime(2026, 11, 30)
PRICE_RISE = datetime(2026, 9, 1)  # weekend games £7.00 -> £8.00 per person per game
TIKTOK_SLIDE = datetime(2026, 7, 1)  # TikTok costs up, fewer bookings turn up
SCHOOL_HOLIDAYS = [
    (date(2025, 12, 19), date(2026, 1, 4)),
    (date(2026, 2, 16), date(2026, 2, 20)),
    (date(2026, 3, 30), date(2026, 4, 10)),
    (date(2026, 5, 25), date(2026, 5, 29)),
    (date(2026, 7, 22), date(2026, 9, 2)),
    (date(2026, 10, 26), date(2026, 10, 30)),
]
RAINY_WEEKENDS = [
    date(2026, 1, 17),
    date(2026, 2, 7),
    date(2026, 3, 14),
    date(2026, 4, 25),
    date(2026, 6, 13),
    date(2026, 7, 11),
    date(2026, 8, 22),
    date(2026, 9, 26),
    date(2026, 10, 17),
    date(2026, 11, 14),
]  # the Saturday; Sunday too

R = random.Random(SEED)

# lane-booking system centre names, play-card / till site codes
CENTRES = [
    "Birmingham",
    "Coventry",
    "Leicester",
    "Nottingham",
    "Wolverhampton",
    "Derby",
    "Swansea",
    "Cardiff",
]
CENTRE_W = [0.2, 0.12, 0.13, 0.15, 0.1, 0.1, 0.1, 0.1]
SITE = {
    "Birmingham": "BHM",
    "Coventry": "COV",
    "Leicester": "LEI",
    "Nottingham": "NOT",
    "Wolverhampton": "WOL",
    "Derby": "DBY",
    "Swansea": "SWA",
    "Cardiff": "CDF",
}
REGION = {"Swansea": "Wales", "Cardiff": "Wales"}
SOURCES = ["Google", "Facebook", "TikTok", "Walk-in", "Direct"]
SOURCE_W = [0.3, 0.18, 0.12, 0.28, 0.12]


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
    return ts is not None and START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


def holiday(d):
    return any(a <= d <= b for a, b in SCHOOL_HOLIDAYS)


def rainy(d):
    return any(d == s or d == s + timedelta(days=1) for s in RAINY_WEEKENDS)


def open_centres(ts):
    return [
        (c, w)
        for c, w in zip(CENTRES, CENTRE_W, strict=True)
        if c != "Cardiff" or ts >= CARDIFF_OPEN
    ]


def pick_centre(ts):
    cw = open_centres(ts)
    if ts >= CARDIFF_OPEN and ts < CARDIFF_OPEN + timedelta(days=45):
        cw = [(c, w * 2.0 if c == "Cardiff" else w) for c, w in cw]  # opening buzz
    return pick([c for c, _ in cw], [w for _, w in cw])


bookings, cards, diner, parties, tickets, reviews, accounts = ([] for _ in range(7))
seq = {"acc": 40000, "card": 0, "bk": 100000, "rcpt": 0, "enq": 0, "tkt": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, source):
        self.source = source
        self.acc = None
        self.card = None
        self.linked_at = None  # when the play card was linked to the app account
        self.email = None
        self.centre = None
        self.segment = pick(["Family", "Adults", "Students"], [0.5, 0.35, 0.15])


people = []


def account(p, ts, centre):
    if p.acc is None:
        p.acc = f"SC{nxt('acc')}"
        p.email = h(f"mail{p.acc}")[:16] + "@hash"
        accounts.append((p, ts, centre))


def card_event(p, ts, kind, amount=None, site=None):
    if not within(ts) or inw(ts, OUTAGE):
        return False
    linked = p.linked_at is not None and ts >= p.linked_at
    cards.append((ts, p.card, p.acc if linked else None, kind, amount, SITE[site or p.centre]))
    return True


def ticket(p, ts, cat, centre, mood=0.0):
    if not within(ts):
        return
    ch = pick(["Phone", "Email", "Web chat", "In centre"], [0.3, 0.35, 0.2, 0.15])
    fr = {
        "Phone": R.uniform(0.02, 0.6),
        "Email": R.uniform(2, 30),
        "Web chat": R.uniform(0.02, 0.5),
        "In centre": R.uniform(0.01, 0.2),
    }[ch]
    if cat == "Card balance lost" and inw(ts, (OUTAGE[0], OUTAGE[1] + timedelta(days=14))):
        fr *= 4.0  # desk swamped after the outage
    res = (
        fr
        + {
            "Lane fault": R.uniform(1, 30),
            "Long wait": R.uniform(2, 48),
            "Card balance lost": R.uniform(24, 160),
            "Booking / refund": R.uniform(6, 96),
            "Food & drink": R.uniform(2, 40),
            "Party booking": R.uniform(4, 72),
        }[cat]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.0 - mood, 0.9))))
    complaint = cat in ("Lane fault", "Long wait", "Card balance lost") or (
        cat == "Food & drink" and chance(0.6)
    )
    tickets.append(
        (
            f"SD-{nxt('tkt'):05d}",
            p.acc or "",
            "" if p.acc else (p.card or ""),
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            cat,
            ch,
            "Y" if complaint else "N",
            csat,
            centre,
        )
    )


def game_price(ts):
    if ts.weekday() >= 5:
        return 800 if ts >= PRICE_RISE else 700
    return 600


def session_time(d):
    wknd = d.weekday() >= 5 or holiday(d)
    hr = pick(
        list(range(10, 23)),
        [2, 3, 4, 5, 5, 5, 5, 5, 6, 7, 7, 5, 3]
        if wknd
        else [0.3, 0.4, 1, 1, 1, 1.5, 2, 3, 5, 6, 6, 4, 2],
    )
    return datetime(d.year, d.month, d.day, hr, R.choice([0, 15, 30, 45]))


def visit(p, session, online, booked_at=None, wowcher=False):
    """One lane visit and what follows: payment, check-in, card, arcade, diner, reviews, tickets."""
    centre = pick_centre(session) if p.centre is None or chance(0.15) else p.centre
    if centre == "Cardiff" and session < CARDIFF_OPEN:
        centre = "Swansea"
    p.centre = p.centre or centre
    players = pick([2, 3, 4, 5, 6], [0.3, 0.2, 0.3, 0.12, 0.08])
    games = pick([1, 2, 3], [0.45, 0.45, 0.1])
    busy = session.weekday() >= 5 or holiday(session.date()) or rainy(session.date())
    ref = f"SCB{nxt('bk')}"
    price = game_price(session)
    if wowcher:
        price = 0  # voucher prepaid through Wowcher; shoes paid on the day
    amount = players * games * price
    shoes = players * 195 if chance(0.8) else 0
    source = p.source if p.source != "Returning" else "Direct"
    if online:
        if not within(booked_at):
            return False
        bookings.append(
            (
                booked_at,
                ref,
                p.acc,
                "",
                "BOOKED",
                centre,
                session,
                players,
                games,
                0,
                0,
                source,
                "Online",
            )
        )
        cancel = 0.07
        noshow = 0.05
        if p.source == "TikTok" and booked_at >= TIKTOK_SLIDE:
            noshow = 0.16
        if wowcher:
            noshow = 0.09
        if chance(cancel):
            t = booked_at + (session - booked_at) * R.uniform(0.1, 0.9)
            if within(t):
                bookings.append(
                    (
                        t,
                        ref,
                        p.acc,
                        "",
                        "CANCELLED",
                        centre,
                        session,
                        players,
                        games,
                        0,
                        0,
                        source,
                        "Online",
                    )
                )
            if chance(0.15):
                ticket(p, t + timedelta(hours=R.uniform(1, 30)), "Booking / refund", centre, 0.5)
            return False
        paid = booked_at + timedelta(minutes=R.uniform(0.5, 4))
        if within(paid) and not wowcher:
            bookings.append(
                (
                    paid,
                    ref,
                    p.acc,
                    "",
                    "PAID",
                    centre,
                    session,
                    players,
                    games,
                    amount,
                    shoes,
                    source,
                    "Online",
                )
            )
        if chance(noshow):
            if within(session + timedelta(minutes=30)):
                bookings.append(
                    (
                        session + timedelta(minutes=30),
                        ref,
                        p.acc,
                        "",
                        "NO_SHOW",
                        centre,
                        session,
                        players,
                        games,
                        0,
                        0,
                        source,
                        "Online",
                    )
                )
            return False
    checkin = session - timedelta(minutes=R.uniform(0, 15))
    if busy and not online:
        checkin = session + timedelta(minutes=R.uniform(0, 40))
    if not within(checkin):
        return False
    new_card = p.card is None
    if new_card:
        p.card = f"PC{7000000 + nxt('card') * 7}"
    card_col = p.card if not online else ""
    bookings.append(
        (
            checkin,
            ref,
            p.acc or "",
            card_col,
            "CHECKED_IN",
            centre,
            session,
            players,
            games,
            0,
            0,
            source,
            "Online" if online else "Walk-in",
        )
    )
    if not online or wowcher:
        bookings.append(
            (
                checkin + timedelta(minutes=1),
                ref,
                p.acc or "",
                card_col,
                "PAID",
                centre,
                session,
                players,
                games,
                amount,
                shoes,
                source,
                "Online" if online else "Walk-in",
            )
        )
    if new_card:
        card_event(p, checkin + timedelta(minutes=2), "CARD_ISSUED", None, centre)
    # linking the play card to the app account (online bookers mostly)
    if p.acc and p.linked_at is None and chance(0.35 if online else 0.1):
        p.linked_at = checkin + timedelta(hours=R.uniform(0.2, 200))
        card_event(p, p.linked_at, "ACCOUNT_LINKED", None, centre)
    if chance(0.62 if not wowcher else 0.5):
        for i in range(pick([1, 1, 2], [1, 1, 1])):
            card_event(
                p,
                checkin + timedelta(minutes=R.uniform(5, 60) + 30 * i),
                "TOPUP",
                pick([500, 1000, 1500, 2000, 3000], [0.3, 0.35, 0.15, 0.15, 0.05]),
                centre,
            )
        if chance(0.3):
            card_event(
                p, session + timedelta(minutes=R.uniform(70, 130)), "PRIZE_REDEEM", None, centre
            )
    if chance(0.45):
        t = session + timedelta(minutes=R.uniform(-20, 110))
        if within(t):
            covers = max(1, min(players, pick([1, 2, 3, 4, 5, 6], [1, 3, 2, 3, 1, 1])))
            total = round(covers * R.uniform(8.5, 16.0), 2)
            diner.append(
                (
                    t,
                    f"R{SITE[centre]}-{nxt('rcpt'):06d}",
                    SITE[centre],
                    p.card,
                    covers,
                    total,
                    pick(["Eat in", "Lane-side"], [0.6, 0.4]),
                )
            )
            if chance(0.012):
                ticket(p, t + timedelta(hours=R.uniform(0.5, 24)), "Food & drink", centre, 0.6)
    fault = chance(
        0.025 if centre != "Cardiff" or session > CARDIFF_OPEN + timedelta(days=40) else 0.09
    )
    wait = busy and chance(0.05)
    if fault and chance(0.35):
        ticket(p, session + timedelta(hours=R.uniform(1, 30)), "Lane fault", centre, 1.0)
    if wait and chance(0.4):
        ticket(p, session + timedelta(hours=R.uniform(1, 30)), "Long wait", centre, 1.0)
    if p.card and session.date() in (date(2026, 8, 12), date(2026, 8, 13)) and chance(0.6):
        ticket(p, session + timedelta(hours=R.uniform(3, 96)), "Card balance lost", centre, 1.4)
    elif chance(0.004):
        ticket(p, session + timedelta(days=R.uniform(1, 10)), "Card balance lost", centre, 0.8)
    if p.acc and chance(0.11):
        t = session + timedelta(days=R.uniform(0.2, 5))
        mean = 4.3 - (1.6 if fault else 0) - (1.2 if wait else 0) - (0.3 if wowcher else 0)
        if within(t):
            reviews.append(
                (
                    t.date(),
                    p.email,
                    centre,
                    max(1, min(5, round(R.gauss(mean, 0.8)))),
                    pick(["Google", "Facebook", "Tripadvisor"], [0.6, 0.25, 0.15]),
                    ref,
                )
            )
    return True


def day_weight(d):
    w = 1.0
    if d.weekday() == 5:
        w *= 2.1
    elif d.weekday() == 6:
        w *= 1.8
    elif d.weekday() == 4:
        w *= 1.3
    if holiday(d):
        w *= 1.6
    if rainy(d):
        w *= 1.7
    if d.month in (6, 7) and not holiday(d):
        w *= 0.85
    return w


def customer(d, source):
    p = Person(source)
    people.append(p)
    one_off = source == "Wowcher"
    n_visits = (
        1 if one_off and not chance(0.06) else 1 + poisson(0.55 if source != "Walk-in" else 0.3)
    )
    t = d
    for i in range(n_visits):
        if i:
            t = t + timedelta(days=R.uniform(10, 120))
            if t >= END.date():
                break
            p.source = "Returning"
        session = session_time(t)
        if source == "Walk-in" and i == 0:
            visit(p, session, online=False)
            continue
        lead = timedelta(days=R.choice([0, 0, 1, 2, 3, 5, 7, 10]), hours=R.uniform(0, 8))
        booked_at = session - lead
        booked_at = (
            booked_at.replace(hour=R.choice(range(7, 23)), minute=R.randrange(60))
            if lead.days
            else session - timedelta(hours=R.uniform(1, 6))
        )
        if booked_at > session:
            booked_at = session - timedelta(hours=1)
        account(p, booked_at, pick_centre(booked_at))
        visit(
            p, session, online=True, booked_at=booked_at, wowcher=(source == "Wowcher" and i == 0)
        )
    return p


def party(d):
    kind = pick(["Kids birthday", "Corporate", "School"], [0.7, 0.15, 0.15])
    if d.month in (10, 11) and chance(0.45):
        kind = "Corporate"  # Christmas office parties
    src = {
        "Kids birthday": pick(["Google", "Facebook", "TikTok", "Direct"], [0.4, 0.35, 0.1, 0.15]),
        "Corporate": pick(["Office enquiry", "Google"], [0.7, 0.3]),
        "School": "School enquiry",
    }[kind]
    p = Person(src)
    people.append(p)
    p.segment = {"Kids birthday": "Family", "Corporate": "Corporate", "School": "School"}[kind]
    t = datetime(d.year, d.month, d.day, R.choice(range(8, 23)), R.randrange(60))
    centre = pick_centre(t)
    p.centre = centre
    p.email = h(f"party{len(people)}")[:16] + "@hash"
    ref = f"PE{nxt('enq'):05d}"
    guests = {
        "Kids birthday": R.randint(8, 20),
        "Corporate": R.randint(12, 60),
        "School": R.randint(20, 45),
    }[kind]
    if kind == "Corporate" and (d.month in (10, 11) or (d.month == 12 and d.day < 12)):
        pd = date(d.year, 12, R.randint(max(d.day + 3, 4) if d.month == 12 else 1, 19))
    else:
        pd = d + timedelta(days=R.randint(7, 40))
    party_at = datetime(pd.year, pd.month, pd.day, R.choice([12, 14, 16, 18, 19, 20]), 0)
    per_head = {"Kids birthday": 14.95, "Corporate": 29.5, "School": 9.5}[kind]
    deposit = round(max(50.0, guests * per_head * 0.25), 2)
    if within(t):
        parties.append((ref, p.email, "ENQUIRY", t, kind, guests, centre, "", src, party_at))
    if chance(0.25 if kind == "School" else 0.45):
        return p
    dp = t + timedelta(hours=R.uniform(2, 96))
    if dp >= END or dp > party_at:
        return p
    if within(dp):
        parties.append(
            (
                ref,
                p.email,
                "DEPOSIT_PAID",
                dp,
                kind,
                guests,
                centre,
                f"{deposit:.2f}",
                src,
                party_at,
            )
        )
    if chance(0.06):
        cancel = dp + (party_at - dp) * R.uniform(0.2, 0.9)
        if within(cancel):
            parties.append(
                (ref, p.email, "CANCELLED", cancel, kind, guests, centre, "", src, party_at)
            )
            if chance(0.3):
                p.acc = None
                ticket_party(p, cancel + timedelta(hours=R.uniform(1, 48)), centre)
        return p
    if within(party_at):
        balance = round(guests * per_head - deposit, 2)
        parties.append(
            (
                ref,
                p.email,
                "PARTY_HELD",
                party_at,
                kind,
                guests,
                centre,
                f"{balance:.2f}",
                src,
                party_at,
            )
        )
        if chance(0.04):
            ticket_party(p, party_at + timedelta(hours=R.uniform(2, 48)), centre)
    return p


def ticket_party(p, ts, centre):
    if p.acc is None:
        account(p, ts - timedelta(hours=1), centre)
    ticket(p, ts, "Party booking", centre, 0.4)


def simulate():
    # party enquiries from the autumn before the data starts: their December 2025 parties are in it
    for k in range(-70, 0):
        d = START.date() + timedelta(days=k)
        for _ in range(
            poisson(
                1.3 * (1.5 if d.weekday() >= 5 else 1.0) * (1.8 if d.month in (10, 11) else 1.0)
            )
        ):
            party(d)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = day_weight(d)
        for _ in range(poisson(12 * w)):
            src = pick(SOURCES, SOURCE_W)
            if src == "TikTok" and dt >= TIKTOK_SLIDE and chance(0.3):
                src = "Google"
            customer(d, src)
        if inw(dt, WOWCHER_SALE):
            # vouchers bought in October, redeemed October-November
            for _ in range(poisson(11 * (1.4 if d.weekday() >= 5 else 1.0))):
                rd = d + timedelta(days=R.randint(10, 40))
                if datetime(rd.year, rd.month, rd.day) < WOWCHER_REDEEM_END:
                    customer(rd, "Wowcher")
        lam_party = 1.3 * (1.5 if d.weekday() >= 5 else 1.0)
        if d.month in (10, 11):
            lam_party *= 1.8
        for _ in range(poisson(lam_party)):
            party(d)


def utc(ts):
    return ts.replace(tzinfo=LONDON).astimezone(UTC)


def write(folder: Path):
    def lane(ts):
        return f"{ts:%d/%m/%Y %H:%M}"

    with open(folder / "lane_customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Account No",
                "Created",
                "Home Centre",
                "Customer Type",
                "Email Hash",
                "Marketing Opt-in",
            ]
        )
        for p, ts, centre in sorted(accounts, key=lambda r: r[0].acc):
            if within(ts):
                w.writerow(
                    [p.acc, lane(ts), centre, p.segment, p.email, "Yes" if chance(0.6) else "No"]
                )
    with open(folder / "lane_bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Action Time",
                "Booking Ref",
                "Account No",
                "Card No",
                "Action",
                "Centre",
                "Session Start",
                "Players",
                "Games",
                "Total (p)",
                "Shoe Hire (p)",
                "Source",
                "Booking Type",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[0], r[1], r[4])):
            w.writerow(
                [
                    lane(r[0]),
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    lane(r[6]),
                    r[7],
                    r[8],
                    r[9] + r[10] if r[4] == "PAID" else "",
                    r[10] if r[4] == "PAID" else "",
                    r[11],
                    r[12],
                ]
            )
    with open(folder / "playcard.jsonl", "w") as f:
        for ts, cid, acc, kind, amount, site in sorted(cards, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "cardId": cid,
                "accountId": acc,
                "eventType": kind,
                "tsMs": int(utc(ts).timestamp() * 1000) + R.randrange(1000),
                "site": site,
            }
            if amount is not None:
                obj["creditPence"] = amount
            f.write(json.dumps(obj) + "\n")
    with open(folder / "diner_till.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["receipt_no", "closed_at", "site", "loyalty_card", "covers", "total_gbp", "service"]
        )
        for ts, rno, site, cid, covers, total, svc in sorted(diner, key=lambda r: (r[0], r[1])):
            w.writerow(
                [
                    rno,
                    ts.replace(tzinfo=LONDON).isoformat(timespec="seconds"),
                    site,
                    cid,
                    covers,
                    f"{total:.2f}",
                    svc,
                ]
            )
    with open(folder / "party_enquiries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "enquiry_ref",
                "contact_email",
                "status",
                "status_time",
                "party_type",
                "guests",
                "centre",
                "amount_gbp",
                "heard_about_us",
                "party_date",
            ]
        )
        for r in sorted(parties, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{r[3]:%Y-%m-%d %H:%M:%S}",
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    f"{r[9]:%Y-%m-%d}",
                ]
            )

    def z(ts):
        return f"{utc(ts):%Y-%m-%dT%H:%M:%SZ}" if ts else ""

    with open(folder / "support_desk.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_id",
                "account_no",
                "card_no",
                "created_utc",
                "first_response_utc",
                "resolved_utc",
                "category",
                "contact_channel",
                "complaint",
                "csat",
                "centre",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], z(r[3]), z(r[4]), z(r[5]), r[6], r[7], r[8], r[9], r[10]])
    with open(folder / "reviews_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["review_date", "reviewer_email", "location", "rating", "platform", "booking_ref"]
        )
        for r in sorted(reviews, key=lambda r: (r[0], r[5])):
            w.writerow([f"{r[0]:%Y-%m-%d}", r[1], f"StrikeCity {r[2]}", r[3], r[4], r[5]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend (GBP)"])
        m = date(2025, 12, 1)
        while m < END.date():
            base = {"Google Ads": 5200, "Meta": 3400, "TikTok": 1500}
            if m >= TIKTOK_SLIDE.date():
                base["TikTok"] = 2600
            if m.month in (7, 8, 10, 12):
                base["Google Ads"] *= 1.25
            for ch, amt in base.items():
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * R.uniform(0.92, 1.08):.2f}"])
            if m.month in (10, 11) and m.year == 2026:
                w.writerow(
                    [
                        f"{m:%Y-%m}",
                        "Wowcher fees",
                        f"{(9800 if m.month == 10 else 4100) * R.uniform(0.95, 1.05):.2f}",
                    ]
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

    with tempfile.TemporaryDirectory(prefix="bowling-src-") as tmp:
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
