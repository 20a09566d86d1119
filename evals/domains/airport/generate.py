"""Airport evaluation domain: SkyLounge, 14 airport lounges (Singapore, Bangkok, KL, Hong Kong).

    python generate.py OUT.duckdb

Writes SkyLounge's own exports (seeded: the same files every run) to a temporary folder —

  lounge_entries.csv        entry system: ISO timestamps with the lounge's offset (+07:00 / +08:00),
                            access type, card network, airline, card token, SkyLounge account
  daypass_shop.jsonl        online day-pass shop: epoch seconds (UTC), visitor cookie, email hash
                            from checkout on, account id once logged in / paid
  fnb_pos.csv               F&B POS receipts: UTC time, local amount + currency, USD cents
  spa_bookings_bkk.csv      shower / spa booking log, Bangkok ('DD-MM-YYYY HH:mm', UTC+7)
  spa_bookings_sg_kl_hk.csv shower / spa booking log, others ('DD-MM-YYYY HH:mm', UTC+8)
  feedback_tablet.csv       feedback tablets: UTC ISO with Z, score 1-5, review or complaint, topic
  partner_marketing.csv     monthly partner-fee and marketing sheet (USD)

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
HK_REOPEN = datetime(2026, 3, 16)  # HKG T1 West reopens after renovation (closed before)
SONGKRAN = (datetime(2026, 4, 11), datetime(2026, 4, 18))  # Bangkok crowding
PP_POLICY = datetime(2026, 7, 1)  # Priority Pass: fewer free visits per card
PRICE_RISE = datetime(2026, 9, 1)  # day-pass price rise
KL_SHOWER_OUT = (datetime(2026, 10, 3), datetime(2026, 10, 10))  # showers closed at KL lounges

R = random.Random(SEED)

LOUNGES = {
    "SIN-T1": "Singapore",
    "SIN-T2": "Singapore",
    "SIN-T3A": "Singapore",
    "SIN-T3B": "Singapore",
    "SIN-JWL": "Singapore",
    "BKK-C": "Bangkok",
    "BKK-E": "Bangkok",
    "DMK-I": "Bangkok",
    "KUL-M": "Kuala Lumpur",
    "KUL-S": "Kuala Lumpur",
    "KUL-2": "Kuala Lumpur",
    "HKG-T1E": "Hong Kong",
    "HKG-T1W": "Hong Kong",
    "HKG-T1M": "Hong Kong",
}
BY_CITY = {c: [k for k, v in LOUNGES.items() if v == c] for c in set(LOUNGES.values())}
CITIES = ["Singapore", "Bangkok", "Kuala Lumpur", "Hong Kong"]
CITY_W = [0.38, 0.24, 0.2, 0.18]
CURRENCY = {
    "Singapore": ("SGD", 1.34),
    "Bangkok": ("THB", 35.5),
    "Kuala Lumpur": ("MYR", 4.6),
    "Hong Kong": ("HKD", 7.8),
}
AIRLINES = {
    "Singapore": ["SQ", "TR", "QF", "EK"],
    "Bangkok": ["TG", "FD", "EK", "QR"],
    "Kuala Lumpur": ["MH", "AK", "QR", "EK"],
    "Hong Kong": ["CX", "UO", "QF", "BA"],
}
REGIONS = [
    "Southeast Asia",
    "Greater China",
    "Europe",
    "Oceania",
    "North America",
    "South Asia",
    "Middle East",
]
REGION_W = [0.34, 0.22, 0.16, 0.1, 0.08, 0.06, 0.04]
KINDS = ["PP", "LK", "CC", "AIR", "ONLINE", "DESK"]
KIND_W = [0.3, 0.12, 0.18, 0.12, 0.18, 0.1]
NETWORKS = ["Visa", "Mastercard", "Amex", "UnionPay"]
SOURCES = ["google", "meta", "klook", "tripcom", "organic", "direct"]
SOURCE_W = [0.27, 0.14, 0.17, 0.12, 0.16, 0.14]
HOURS = [2, 2, 1.5, 1, 1, 1.5, 3, 5, 6, 6, 5.5, 5, 5, 5, 5, 5, 5.5, 6, 6.5, 6, 5.5, 5, 4, 3]


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


def h(text, n=16):
    return hashlib.sha1(text.encode()).hexdigest()[:n]


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


def day_weight(d):
    w = 1.0 + 0.18 * math.cos(
        (d.timetuple().tm_yday - 200) / 365 * 2 * math.pi
    )  # summer travel peak
    if datetime(2025, 12, 18) <= d < datetime(2026, 1, 4) or datetime(2026, 2, 14) <= d < datetime(
        2026, 2, 22
    ):
        w *= 1.35  # Christmas / Chinese New Year
    return w


DAYS = [START + timedelta(days=k) for k in range(N_DAYS)]
DAY_W = [day_weight(d) for d in DAYS]

entries, shop, pos, bookings, feedback = [], [], [], [], []
seq = {"entry": 0, "pass": 0, "rcpt": 0, "bk": 0, "acct": 100000, "fb": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, kind, home=None):
        self.n = len(people)
        self.kind = kind
        self.home = home or pick(CITIES, CITY_W)
        self.region = pick(REGIONS, REGION_W)
        self.purpose = pick(["Business", "Leisure"], [0.45, 0.55])
        self.network = pick(NETWORKS, [0.4, 0.33, 0.15, 0.12])
        self.card = None
        if kind in ("PP", "LK", "CC"):
            self.card = f"{kind[:2]}-{h('card' + str(self.n), 12)}"
        elif kind == "AIR":
            self.card = f"FF-{h('ffp' + str(self.n), 12)}"
        self.account = f"SL{nxt('acct')}" if kind in ("PP", "LK", "CC") and chance(0.25) else None
        self.email = None
        self.cookie = None
        self.pp_used = 0


people = []


def at_day(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return d + timedelta(hours=hr, minutes=R.randrange(60), seconds=R.randrange(60))


def lounge_for(p, ts):
    city = p.home if chance(0.7) else pick(CITIES, CITY_W)
    opts = [x for x in BY_CITY[city] if not (x == "HKG-T1W" and ts < HK_REOPEN)]
    w = [1.6 if x == "HKG-T1W" else (1.3 if x.startswith("SIN-T3") else 1.0) for x in opts]
    return pick(opts, w)


def price(kind, ts):
    if kind == "ONLINE":
        return 45.0 if ts >= PRICE_RISE else 39.0
    return 58.0 if ts >= PRICE_RISE else 50.0


def add_entry(
    p, ts, lounge, access, result="ADMITTED", reason="", paid=None, pass_ref="", card=None
):
    eid = f"EN{nxt('entry'):07d}"
    city = LOUNGES[lounge]
    airline = R.choice(AIRLINES[city]) if access == "AIR" or chance(0.8) else ""
    network = p.network if access in ("CC", "LK", "DESK") else ""
    guests = 0 if access in ("ONLINE", "DESK") else pick([0, 1, 2], [0.7, 0.22, 0.08])
    if access == "PP" and ts >= PP_POLICY:
        guests = pick([0, 1], [0.85, 0.15])
    entries.append(
        dict(
            entryId=eid,
            ts=ts,
            lounge=lounge,
            access=access,
            network=network,
            airline=airline,
            card=card if card is not None else (p.card or ""),
            account=p.account or "",
            guests=guests,
            passRef=pass_ref,
            result=result,
            reason=reason,
            paid="" if paid is None else f"{paid:.2f}",
            region=p.region,
            purpose=p.purpose,
        )
    )
    return eid


def crowded(lounge, ts):
    return LOUNGES[lounge] == "Bangkok" and inw(ts, SONGKRAN)


def after_entry(p, eid, ts, lounge):
    """What happens inside: F&B, shower / spa, feedback."""
    city = LOUNGES[lounge]
    cur, rate = CURRENCY[city]
    stay = R.uniform(40, 200)
    if chance(0.46):
        for i in range(pick([1, 2], [0.75, 0.25])):
            usd = round(math.exp(R.uniform(math.log(6), math.log(48))), 2)
            t = ts + timedelta(minutes=R.uniform(8, stay) * (i + 1) / 2)
            pos.append(
                dict(
                    receipt=f"R{nxt('rcpt'):07d}",
                    ts=t,
                    lounge=lounge,
                    entry=eid,
                    local=f"{usd * rate:.2f}",
                    cur=cur,
                    cents=str(round(usd * 100)),
                    cat=pick(["Food", "Drinks", "Bar", "Food & Drinks"], [0.35, 0.25, 0.2, 0.2]),
                    pay=pick(["Card", "Cash", "Room charge"], [0.8, 0.1, 0.1])
                    if city != "Hong Kong"
                    else pick(["Card", "Octopus"], [0.6, 0.4]),
                )
            )
    shower_out = city == "Kuala Lumpur" and inw(ts, KL_SHOWER_OUT)
    showered = False
    if chance(0.27 if p.purpose == "Business" else 0.2):
        slot = ts + timedelta(minutes=R.choice([15, 30, 45, 60, 75]))
        slot = slot.replace(minute=(slot.minute // 15) * 15, second=0)
        if shower_out:
            status = "CANCELLED-OUTAGE"
        else:
            status = pick(["USED", "NO-SHOW", "CANCELLED"], [0.86, 0.08, 0.06])
            showered = status == "USED"
        bookings.append(
            dict(
                bk=f"BK{nxt('bk'):06d}",
                ts=slot,
                lounge=lounge,
                service="SHWR",
                status=status,
                fee="",
                entry=eid,
            )
        )
    if chance(0.075):
        slot = ts + timedelta(minutes=R.choice([30, 45, 60, 90]))
        slot = slot.replace(minute=(slot.minute // 15) * 15, second=0)
        svc = pick(["SPA15", "SPA30"], [0.6, 0.4])
        fee = {"SPA15": 25.0, "SPA30": 45.0}[svc]
        status = pick(["USED", "NO-SHOW", "CANCELLED"], [0.88, 0.06, 0.06])
        bookings.append(
            dict(
                bk=f"BK{nxt('bk'):06d}",
                ts=slot,
                lounge=lounge,
                service=svc,
                status=status,
                fee=f"{fee:.2f}" if status == "USED" else "",
                entry=eid,
            )
        )
    # feedback tablet at the exit
    leave = ts + timedelta(minutes=stay)
    busy = crowded(lounge, ts)
    p_fb = 0.16 + (0.12 if busy or shower_out else 0)
    if chance(p_fb):
        mean, topic = (
            4.2,
            pick(["Food", "Staff", "Cleanliness", "Seating", "Wi-Fi"], [0.3, 0.25, 0.2, 0.15, 0.1]),
        )
        if busy:
            mean, topic = 2.7, pick(["Crowding", "Seating", "Food"], [0.6, 0.25, 0.15])
        elif shower_out:
            mean, topic = 2.9, pick(["Shower", "Food", "Staff"], [0.7, 0.15, 0.15])
        elif lounge == "HKG-T1W":
            mean = 4.6
        elif showered:
            mean = 4.35
        if lounge.startswith("SIN-T3") and 17 <= ts.hour <= 21 and not busy:
            mean -= 0.3
        score = max(1, min(5, round(R.gauss(mean, 0.8))))
        complaint = score <= 2 and chance(0.45)
        if shower_out and topic == "Shower" and chance(0.5):
            complaint = True
        if busy and topic == "Crowding" and chance(0.35):
            complaint = True
        feedback.append(
            dict(
                ts=leave,
                lounge=lounge,
                entry=eid,
                type="COMPLAINT" if complaint else "REVIEW",
                score=str(score),
                topic=topic,
                comment=comment_for(topic, score),
            )
        )


def comment_for(topic, score):
    if not chance(0.45):
        return ""
    good = {
        "Food": ["Laksa was excellent", "Great dim sum", "Nice coffee"],
        "Staff": ["Friendly staff", "Very helpful desk team"],
        "Cleanliness": ["Very clean", "Spotless washrooms"],
        "Seating": ["Comfortable chairs", "Quiet corner available"],
        "Wi-Fi": ["Fast Wi-Fi"],
        "Crowding": ["Busy but ok"],
        "Shower": ["Shower was great"],
        "Refused entry": ["Sorted out in the end"],
    }
    bad = {
        "Food": ["Food ran out", "Cold buffet"],
        "Staff": ["Rude at the desk", "Slow service"],
        "Cleanliness": ["Tables not cleared"],
        "Seating": ["No seats", "Had to stand"],
        "Wi-Fi": ["Wi-Fi kept dropping"],
        "Crowding": ["Far too crowded", "Queue at the door 40 min", "Packed, no seats"],
        "Shower": ["Showers closed!", "No shower available", "Shower closed, nobody told us"],
        "Refused entry": [
            "Refused entry, card not accepted",
            "Told I had no visits left",
            "Turned away - lounge full",
        ],
    }
    return R.choice((good if score >= 4 else bad)[topic])


def refuse(p, ts, lounge, access, reason, card=None):
    add_entry(p, ts, lounge, access, result="REFUSED", reason=reason, card=card)
    if chance(0.22):
        t = ts + timedelta(minutes=R.uniform(2, 10))
        score = pick([1, 2, 3], [0.6, 0.3, 0.1])
        feedback.append(
            dict(
                ts=t,
                lounge=lounge,
                entry="",
                card=card or p.card or "",
                account=p.account or "",
                type="COMPLAINT",
                score=str(score),
                topic="Refused entry",
                comment=comment_for("Refused entry", score),
            )
        )


def desk_pass(p, ts, lounge):
    paid = price("DESK", ts)
    eid = add_entry(
        p, ts, lounge, "DESK", paid=paid, card=p.card or f"PAY-{h('pay' + str(p.n), 12)}"
    )
    after_entry(p, eid, ts, lounge)


def visit(p, ts, access):
    if not within(ts):
        return
    lounge = lounge_for(p, ts)
    if crowded(lounge, ts) and access not in ("ONLINE",) and chance(0.22):
        refuse(p, ts, lounge, access, "Lounge at capacity")
        if chance(0.2):
            desk_pass(p, ts + timedelta(minutes=R.uniform(30, 90)), lounge)
        return
    if access == "PP":
        p.pp_used += 1
        allowance_hit = ts >= PP_POLICY and (p.pp_used > 2 or chance(0.25))
        if allowance_hit and chance(0.7):
            refuse(p, ts, lounge, "PP", "No free visits left")
            if chance(0.38):
                desk_pass(p, ts + timedelta(minutes=R.uniform(1, 6)), lounge)
            return
        if chance(0.015):
            refuse(p, ts, lounge, "PP", "Card not valid")
            return
    if access == "CC" and chance(0.05):
        refuse(p, ts, lounge, "CC", "Card not eligible")
        return
    if access == "AIR" and chance(0.03):
        refuse(p, ts, lounge, "AIR", "Invitation expired")
        return
    if access == "DESK":
        desk_pass(p, ts, lounge)
        return
    eid = add_entry(p, ts, lounge, access)
    after_entry(p, eid, ts, lounge)


def shop_session(p, ts, source, lounge_city):
    """Day-pass shop: view -> checkout (email known) -> paid (account known); None if no pass."""
    if not within(ts):
        return None
    if p.cookie is None:
        p.cookie = f"v_{h('cookie' + str(p.n), 14)}"
    lounge = R.choice(BY_CITY[lounge_city])
    if lounge == "HKG-T1W" and ts < HK_REOPEN:
        lounge = "HKG-T1E"
    pr = price("ONLINE", ts)
    for i in range(pick([1, 2, 3], [0.5, 0.35, 0.15])):
        shop.append(
            dict(
                evt="VIEW_LOUNGE",
                ts=ts + timedelta(minutes=i * 1.5),
                cookie=p.cookie,
                email="",
                account="",
                lounge=lounge,
                src=source,
                price=pr,
                ref="",
            )
        )
    ts = ts + timedelta(minutes=R.uniform(3, 9))
    p_checkout = 0.42
    if not chance(p_checkout):
        return None
    if p.email is None:
        p.email = h("email" + str(p.n), 32)
    shop.append(
        dict(
            evt="BEGIN_CHECKOUT",
            ts=ts,
            cookie=p.cookie,
            email=p.email,
            account=p.account or "",
            lounge=lounge,
            src=source,
            price=pr,
            ref="",
        )
    )
    p_pay = 0.52 if ts >= PRICE_RISE else 0.74
    if source == "klook":
        p_pay += 0.06
    if not chance(p_pay):
        return None
    t2 = ts + timedelta(minutes=R.uniform(2, 8))
    if not within(t2):
        return None
    if p.account is None:
        p.account = f"SL{nxt('acct')}"
    ref = f"DP{nxt('pass'):06d}"
    shop.append(
        dict(
            evt="ORDER_PAID",
            ts=t2,
            cookie=p.cookie,
            email=p.email,
            account=p.account,
            lounge=lounge,
            src=source,
            price=pr,
            ref=ref,
        )
    )
    return t2, lounge, ref, pr


def online_person():
    p = Person("ONLINE")
    people.append(p)
    source = pick(SOURCES, SOURCE_W)
    for _ in range(1 + poisson(0.25)):
        d = R.choices(DAYS, weights=DAY_W)[0]
        t = at_day(d)
        res = shop_session(p, t, source, p.home)
        if res is None:
            if p.email and chance(0.15):  # came back to the shop a few days later
                res = shop_session(
                    p,
                    t + timedelta(days=R.uniform(1, 5)),
                    pick(["direct", source], [0.6, 0.4]),
                    p.home,
                )
            if res is None:
                t3 = t + timedelta(days=R.uniform(1, 10))
                if chance(0.08) and within(t3):
                    desk_pass(p, t3, lounge_for(p, t3))
                continue
        t2, lounge, ref, _pr = res
        when = t2 + timedelta(hours=R.uniform(3, 120))
        if not within(when):
            continue
        if lounge == "HKG-T1W" and when < HK_REOPEN:
            lounge = "HKG-T1E"
        if chance(0.05):  # no-show
            continue
        if crowded(lounge, when) and chance(0.1):
            refuse(p, when, lounge, "ONLINE", "Lounge at capacity")
            continue
        eid = add_entry(p, when, lounge, "ONLINE", pass_ref=ref)
        after_entry(p, eid, when, lounge)
        source = pick(["direct", source], [0.5, 0.5])


def member_person(kind, home=None, days=None):
    p = Person(kind, home)
    people.append(p)
    lam = {"PP": 1.7, "LK": 1.0, "CC": 1.3, "AIR": 0.35, "DESK": 0.15}[kind]
    n = 1 + poisson(lam)
    dates = sorted(R.choices(days or DAYS, weights=None if days else DAY_W, k=n))
    for d in dates:
        visit(p, at_day(d), kind)
    return p


def simulate():
    n_people = 6900
    for _ in range(n_people):
        kind = pick(KINDS, KIND_W)
        if kind == "ONLINE":
            online_person()
        else:
            member_person(kind)
    # Songkran: extra holiday travellers through Bangkok
    songkran_days = [SONGKRAN[0] + timedelta(days=k) for k in range(7)]
    for _ in range(520):
        kind = pick(KINDS, KIND_W)
        if kind == "ONLINE":
            p = Person("ONLINE", "Bangkok")
            people.append(p)
            res = shop_session(
                p,
                at_day(R.choice(songkran_days) - timedelta(days=2)),
                pick(SOURCES, SOURCE_W),
                "Bangkok",
            )
            if res:
                t2, lounge, ref, _pr = res
                when = max(
                    t2 + timedelta(hours=R.uniform(3, 40)),
                    SONGKRAN[0] + timedelta(hours=R.uniform(6, 20)),
                )
                if crowded(lounge, when) and chance(0.1):
                    refuse(p, when, lounge, "ONLINE", "Lounge at capacity")
                else:
                    eid = add_entry(p, when, lounge, "ONLINE", pass_ref=ref)
                    after_entry(p, eid, when, lounge)
        else:
            p = Person(kind, "Bangkok")
            people.append(p)
            for d in sorted(R.choices(songkran_days, k=1 + poisson(0.2))):
                t = at_day(d)
                lounge = R.choice(BY_CITY["Bangkok"])
                if kind == "DESK":
                    desk_pass(p, t, lounge)
                    continue
                if chance(0.22):
                    refuse(p, t, lounge, kind, "Lounge at capacity")
                    continue
                eid = add_entry(p, t, lounge, kind)
                after_entry(p, eid, t, lounge)
    # shop browsers who never buy (and are never seen in a lounge)
    for _ in range(1400):
        p = Person("ONLINE")
        people.append(p)
        d = R.choices(DAYS, weights=DAY_W)[0]
        src = pick(SOURCES, SOURCE_W)
        t = at_day(d)
        if not within(t):
            continue
        p.cookie = f"v_{h('cookie' + str(p.n), 14)}"
        lounge = R.choice(BY_CITY[p.home])
        if lounge == "HKG-T1W" and t < HK_REOPEN:
            lounge = "HKG-T1E"
        shop.append(
            dict(
                evt="VIEW_LOUNGE",
                ts=t,
                cookie=p.cookie,
                email="",
                account="",
                lounge=lounge,
                src=src,
                price=price("ONLINE", t),
                ref="",
            )
        )


def local_of(ts, lounge):
    """Naive Singapore time -> (naive lounge-local time, offset string)."""
    if LOUNGES[lounge] == "Bangkok":
        return ts - timedelta(hours=1), "+07:00"
    return ts, "+08:00"


def utc(ts):
    return ts - timedelta(hours=8)


def write(folder: Path):
    with open(folder / "lounge_entries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "entry_id",
                "entered_at",
                "lounge_code",
                "city",
                "access_type",
                "card_network",
                "airline",
                "card_token",
                "skylounge_account",
                "guests",
                "pass_ref",
                "result",
                "refusal_reason",
                "paid_usd",
                "home_region",
                "trip_purpose",
            ]
        )
        for e in sorted(entries, key=lambda e: (e["ts"], e["entryId"])):
            loc, off = local_of(e["ts"], e["lounge"])
            w.writerow(
                [
                    e["entryId"],
                    f"{loc:%Y-%m-%dT%H:%M:%S}{off}",
                    e["lounge"],
                    LOUNGES[e["lounge"]],
                    e["access"],
                    e["network"],
                    e["airline"],
                    e["card"],
                    e["account"],
                    e["guests"],
                    e["passRef"],
                    e["result"],
                    e["reason"],
                    e["paid"],
                    e["region"],
                    e["purpose"],
                ]
            )
    with open(folder / "daypass_shop.jsonl", "w") as f:
        for s in sorted(shop, key=lambda s: (s["ts"], s["cookie"], s["evt"])):
            epoch = int(utc(s["ts"]).replace(tzinfo=UTC).timestamp())
            obj = {"event": s["evt"], "time": epoch, "visitor": s["cookie"]}
            if s["email"]:
                obj["email_sha"] = s["email"]
            if s["account"]:
                obj["account_id"] = s["account"]
            obj.update({"lounge": s["lounge"], "utm_source": s["src"], "price_usd": s["price"]})
            if s["ref"]:
                obj["pass_ref"] = s["ref"]
                obj["amount_usd"] = s["price"]
            f.write(json.dumps(obj) + "\n")
    with open(folder / "fnb_pos.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ReceiptNo",
                "ClosedUTC",
                "Outlet",
                "VisitTag",
                "AmountLocal",
                "Currency",
                "AmountUSDCents",
                "Category",
                "Tender",
            ]
        )
        for r in sorted(pos, key=lambda r: (r["ts"], r["receipt"])):
            if within(r["ts"]):
                w.writerow(
                    [
                        r["receipt"],
                        f"{utc(r['ts']):%Y-%m-%d %H:%M:%S}",
                        r["lounge"],
                        r["entry"],
                        r["local"],
                        r["cur"],
                        r["cents"],
                        r["cat"],
                        r["pay"],
                    ]
                )
    for name, pred in (
        ("spa_bookings_bkk.csv", lambda b: LOUNGES[b["lounge"]] == "Bangkok"),
        ("spa_bookings_sg_kl_hk.csv", lambda b: LOUNGES[b["lounge"]] != "Bangkok"),
    ):
        with open(folder / name, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(
                ["Booking No", "Lounge", "Service", "Slot", "Status", "Fee USD", "Visit Tag"]
            )
            for b in sorted(bookings, key=lambda b: (b["ts"], b["bk"])):
                if pred(b) and within(b["ts"]):
                    loc, _ = local_of(b["ts"], b["lounge"])
                    w.writerow(
                        [
                            b["bk"],
                            b["lounge"],
                            b["service"],
                            f"{loc:%d-%m-%Y %H:%M}",
                            b["status"],
                            b["fee"],
                            b["entry"],
                        ]
                    )
    with open(folder / "feedback_tablet.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "response_id",
                "submitted_utc",
                "tablet_lounge",
                "visit_tag",
                "card_token",
                "skylounge_account",
                "form",
                "score",
                "topic",
                "comment",
            ]
        )
        for i, r in enumerate(sorted(feedback, key=lambda r: (r["ts"], r["entry"], r["topic"]))):
            if within(r["ts"]):
                w.writerow(
                    [
                        f"FB{i + 1:06d}",
                        f"{utc(r['ts']):%Y-%m-%dT%H:%M:%SZ}",
                        r["lounge"],
                        r["entry"],
                        r.get("card", ""),
                        r.get("account", ""),
                        r["type"],
                        r["score"],
                        r["topic"],
                        r["comment"],
                    ]
                )
    with open(folder / "partner_marketing.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Line item", "Channel", "USD"])
        m = datetime(2025, 12, 1)
        while m < END:
            lines = [
                ("Google Ads - day pass search", "Google Ads", 5200),
                ("Meta - lounge awareness", "Meta", 3100),
                ("Klook commission", "Klook", 2300),
                ("Trip.com commission", "Trip.com", 1700),
                ("Priority Pass network fee", "Priority Pass", 9000),
                ("LoungeKey network fee", "LoungeKey", 3500),
                ("Airline partnership fee", "Airline", 2500),
            ]
            for item, ch, base in lines:
                amt = base * R.uniform(0.9, 1.1)
                if ch in ("Google Ads", "Meta") and m >= PRICE_RISE:
                    amt *= 1.25  # pushed harder after the price rise
                if ch == "Priority Pass" and m >= PP_POLICY:
                    amt *= 0.8
                if ch == "Meta" and m == datetime(2026, 3, 1):
                    amt += 4000  # Hong Kong reopening campaign
                w.writerow([f"{m:%Y-%m}", item, ch, f"{amt:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="airport-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
        print(f"people simulated: {len(people)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
