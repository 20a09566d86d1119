"""Garden evaluation domain: GreenThumb, 12 garden centres in the south of England + an online shop.

    python generate.py OUT.duckdb

Writes GreenThumb's own exports (seeded: the same files every run) to a temporary folder —

  shopify_orders.csv      web/app orders: ISO times with offset, GBP, Delivery / Click & Collect
  app_events.jsonl        web + app event log: epoch seconds UTC, anon id, account id after login
  till_lines.csv          till system basket lines (DD/MM/YYYY HH:MM local, department, club card)
  club_members.csv        GreenThumb Club CRM (loyalty): member no, online account, home store, tier
  club_ledger.csv         club points ledger: JOIN / EARN-less REDEEM rows
  workshop_bookings.csv   paid workshops (pruning, wreath-making...): booked / attended / cancelled
  cafe_pos.csv            café POS cheques (YYYY/MM/DD HH:MM local)
  courier_scans.csv       delivery partner's delivered scans (ParcelPro, then SwiftDrop from Sept)
  zendesk_tickets.csv     Zendesk export (UTC, Z)
  weekly_ads.csv          weekly ads sheet: Google, Meta, local newspaper (GBP)

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import csv
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
LONDON = ZoneInfo("Europe/London")

BRIGHTON_OPEN = datetime(2026, 3, 14)  # Saturday
CAFE_CLOSED = (datetime(2026, 2, 1), datetime(2026, 3, 1))  # refurbishment, all cafés
HEATWAVE = (datetime(2026, 7, 13), datetime(2026, 7, 27))
COURIER_SWITCH = datetime(2026, 9, 7)  # ParcelPro -> SwiftDrop
COURIER_BAD = (datetime(2026, 9, 7), datetime(2026, 9, 21))  # two weeks of late deliveries
XMAS_2026 = datetime(2026, 11, 20)

R = random.Random(SEED)

STORES = [
    "Guildford",
    "Winchester",
    "Chichester",
    "Horsham",
    "Tunbridge Wells",
    "Canterbury",
    "Reading",
    "Basingstoke",
    "Salisbury",
    "Southampton",
    "Eastbourne",
    "Brighton",
]
STORE_W = [1.3, 1.0, 0.9, 0.9, 1.1, 0.9, 1.2, 0.8, 0.7, 1.1, 0.7, 1.2]
DEPTS = ["Plants", "Tools", "Garden Furniture", "Compost & Soil", "Christmas"]
WEB_CAT = {
    "Plants": "plants",
    "Tools": "tools",
    "Garden Furniture": "furniture",
    "Compost & Soil": "compost",
}
PRICE = {
    "Plants": (4, 45),
    "Tools": (8, 90),
    "Garden Furniture": (60, 900),
    "Compost & Soil": (5, 30),
    "Christmas": (15, 85),
}
SOURCES = ["google", "facebook", "instagram", "newsletter", "organic", "direct", "local_paper"]
SOURCE_W = [0.28, 0.1, 0.07, 0.08, 0.22, 0.22, 0.03]
WORKSHOPS = {
    "Pruning Masterclass": 35.0,
    "Wreath Making": 45.0,
    "Container Planting": 30.0,
    "Kids Seed Sowing": 12.0,
}
HOURS = [
    0.3,
    0,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.4,
    2.2,
    2.6,
    3,
    3,
    3.2,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.8,
    4.6,
    5,
    4.4,
    3,
    1.1,
]
SHOP_HOURS = [0] * 9 + [3, 4, 5, 5, 5, 5, 4, 3, 1] + [0] * 6
CAFE_HOURS = [0] * 9 + [2, 4, 5, 7, 6, 4, 4, 2, 0] + [0] * 6


def chance(p):
    return R.random() < p


def pick(opts, w=None):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def season(d):
    """Demand: spring planting peak (Apr-May), summer, quiet winter, Christmas bump."""
    m = d.month
    w = {
        1: 0.55,
        2: 0.6,
        3: 1.0,
        4: 1.9,
        5: 2.0,
        6: 1.35,
        7: 1.1,
        8: 0.95,
        9: 0.9,
        10: 0.8,
        11: 0.75,
        12: 0.9,
    }[m]
    dt = datetime(d.year, d.month, d.day)
    if dt >= XMAS_2026 or dt < datetime(2025, 12, 22):
        w *= 1.5  # Christmas trees and wreaths
    if d.weekday() >= 5:
        w *= 1.45
    return w


def dept_mix(ts):
    dt = ts
    w = [0.46, 0.14, 0.08, 0.32, 0.0]
    if dt.month in (4, 5):
        w = [0.6, 0.1, 0.08, 0.22, 0.0]
    if dt.month in (6, 7, 8):
        w = [0.45, 0.12, 0.18, 0.25, 0.0]
    if dt >= XMAS_2026 or dt < datetime(2025, 12, 24):
        w = [0.2, 0.08, 0.02, 0.1, 0.6]
    if dt.month in (1, 2):
        w = [0.35, 0.3, 0.05, 0.3, 0.0]
    return w


def price(dept):
    lo, hi = PRICE[dept]
    return round(math.exp(R.uniform(math.log(lo), math.log(hi))), 0) - 0.01


events_app, orders, courier, till, members, ledger, bookings, cafe, tickets = ([] for _ in range(9))
seq = {
    "acct": 300000,
    "club": 500000,
    "order": 40000,
    "tx": 700000,
    "anon": 0,
    "tk": 90000,
    "wk": 0,
    "cq": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    __slots__ = ("acct", "anon", "bought_plants", "club", "joined", "optin", "store", "tier")

    def __init__(self, store=None):
        self.anon = None
        self.acct = None
        self.club = None
        self.store = store or pick(STORES[:11], STORE_W[:11])
        self.joined = None
        self.tier = None
        self.optin = None
        self.bought_plants = []


people = []


def login(p):
    if p.acct is None:
        p.acct = f"GT{nxt('acct')}"


def join_club(p, ts, how):
    if p.club is not None:
        return
    p.club = f"GTC{nxt('club')}"
    p.joined = ts
    p.tier = "Green"
    p.optin = "yes" if chance(0.6) else "no"
    members.append(p)
    if within(ts):
        ledger.append((p.club, ts, "JOIN", 0, how))


def app(p, ts, ev, src, platform, cat=""):
    if not within(ts):
        return False
    if p.anon is None:
        p.anon = f"anon-{nxt('anon'):07d}"
    events_app.append((ts, p.anon, p.acct or "", ev, src, platform, cat))
    return True


def ticket(p, ts, reason, via=None, ref=""):
    if not within(ts):
        return
    via = via or pick(["email", "web", "phone", "chat"], [0.35, 0.3, 0.2, 0.15])
    fr = {
        "email": R.uniform(1, 18),
        "web": R.uniform(1, 20),
        "phone": R.uniform(0.01, 0.3),
        "chat": R.uniform(0.02, 0.4),
    }[via]
    if inw(ts, (COURIER_BAD[0], COURIER_BAD[1] + timedelta(days=7))) or inw(ts, HEATWAVE):
        fr *= 2.0  # backlog
    res = (
        fr
        + {
            "dead_plant_refund": R.uniform(6, 72),
            "late_delivery": R.uniform(4, 96),
            "damaged_item": R.uniform(12, 120),
            "workshop_query": R.uniform(1, 24),
            "general": R.uniform(1, 48),
        }[reason]
    )
    solved = ts + timedelta(hours=res)
    mood = {"late_delivery": 1.2, "dead_plant_refund": 0.6, "damaged_item": 0.8}.get(reason, 0.0)
    sat = ""
    if chance(0.4):
        sat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        (
            f"{nxt('tk')}",
            p.acct or "",
            p.club or "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.97) else None,
            reason,
            via,
            sat,
            ref,
        )
    )


def web_order(p, ts, src, platform, dept):
    """A Shopify order (delivery or click & collect) and its delivery scan and follow-ups."""
    if not within(ts):
        return
    n_lines = R.choice([1, 1, 2, 3])
    subtotal = sum(
        price(dept if i == 0 else pick(DEPTS[:4], [0.4, 0.2, 0.05, 0.35])) for i in range(n_lines)
    )
    method = "Click & Collect" if chance(0.3) else "Delivery"
    if dept == "Garden Furniture":
        method = "Delivery"
    ship = 0.0 if method == "Click & Collect" or subtotal >= 50 else 4.95
    oid = f"#GT{nxt('order')}"
    store = p.store if method == "Click & Collect" else ""
    if store == "Brighton" and ts < BRIGHTON_OPEN:
        store = "Horsham"
    orders.append(
        (
            oid,
            p.acct,
            ts,
            subtotal,
            ship,
            method,
            WEB_CAT.get(dept, "christmas"),
            src,
            platform,
            store,
        )
    )
    if dept == "Plants" or chance(0.3):
        p.bought_plants.append(ts)
    if method == "Delivery":
        old = ts < COURIER_SWITCH
        carrier = "ParcelPro" if old else "SwiftDrop"
        promised = ts.date() + timedelta(days=3 if dept != "Garden Furniture" else 7)
        late = 0
        if inw(ts, (COURIER_BAD[0] - timedelta(days=2), COURIER_BAD[1])):
            late = R.choice([2, 3, 4, 5, 6, 8])
        elif chance(0.05):
            late = 1
        dd = promised + timedelta(days=late)
        dts = datetime(dd.year, dd.month, dd.day, R.randint(8, 18), R.randrange(60))
        if dts < END:
            courier.append((oid, carrier, dts, promised, late, p.acct))
            if chance(0.025):
                ticket(p, dts + timedelta(hours=R.uniform(1, 30)), "damaged_item", ref=oid)
        if late >= 2 and chance(0.85):
            ticket(
                p,
                datetime(promised.year, promised.month, promised.day, 10)
                + timedelta(hours=R.uniform(2, 40)),
                "late_delivery",
                ref=oid,
            )
        elif chance(0.01):
            ticket(p, ts + timedelta(days=R.uniform(3, 6)), "late_delivery", ref=oid)


def till_visit(p, ts, store=None):
    store = store or p.store
    if store == "Brighton" and ts < BRIGHTON_OPEN:
        return False
    if not within(ts):
        return False
    tx = f"{store[:3].upper()}-{nxt('tx')}"
    w = dept_mix(ts)
    n = R.choice([1, 1, 2, 2, 3, 4])
    card = p.club or ""
    for line in range(1, n + 1):
        dept = pick(DEPTS, w)
        if dept == "Plants":
            p.bought_plants.append(ts)
        qty = R.choice([1, 1, 1, 2, 3]) if dept in ("Plants", "Compost & Soil") else 1
        till.append((ts, store, tx, line, dept, qty, round(price(dept) * qty, 2), card))
    if card and chance(0.06):
        ledger.append(
            (card, ts + timedelta(minutes=1), "REDEEM", -R.choice([250, 500, 1000]), store)
        )
    return True


def cafe_visit(p, ts, store=None):
    store = store or p.store
    if store == "Brighton" and ts < BRIGHTON_OPEN:
        return
    if inw(ts, CAFE_CLOSED) or not within(ts):
        return
    covers = R.choice([1, 2, 2, 2, 3, 4])
    total = round(sum(R.uniform(4.5, 13) for _ in range(covers)), 2)
    cafe.append((ts, store, f"CQ{nxt('cq'):07d}", covers, total, p.club or ""))


def book_workshop(p, ts):
    if not within(ts):
        return
    dt = ts
    if dt >= datetime(2026, 11, 15) or dt < datetime(2025, 12, 20):
        name = "Wreath Making"
    elif dt.month in (1, 2, 3, 10, 11):
        name = pick(["Pruning Masterclass", "Container Planting"], [0.7, 0.3])
    else:
        name = pick(
            ["Container Planting", "Kids Seed Sowing", "Pruning Masterclass"], [0.45, 0.35, 0.2]
        )
    store = p.store
    if store == "Brighton" and ts < BRIGHTON_OPEN:
        store = "Horsham"
    ref = f"WS-{nxt('wk'):05d}"
    sess = datetime(ts.year, ts.month, ts.day, R.choice([10, 14, 18])) + timedelta(
        days=R.randint(3, 21)
    )
    places = R.choice([1, 1, 1, 2])
    bookings.append(
        (
            ref,
            p.acct or "",
            p.club or "",
            ts,
            name,
            store,
            sess,
            places,
            WORKSHOPS[name] * places,
            "Booked",
        )
    )
    if sess >= END:
        return
    if chance(0.08):
        bookings.append(
            (
                ref,
                p.acct or "",
                p.club or "",
                sess - timedelta(days=R.uniform(1, 3)),
                name,
                store,
                sess,
                places,
                0.0,
                "Cancelled",
            )
        )
        if chance(0.3):
            ticket(p, sess - timedelta(days=2), "workshop_query", ref=ref)
        return
    bookings.append(
        (ref, p.acct or "", p.club or "", sess, name, store, sess, places, 0.0, "Attended")
    )
    cafe_visit(p, sess + timedelta(hours=2, minutes=R.randrange(40)), store)


def heatwave_refunds():
    """Plants bought shortly before / during the July heatwave die: dead-plant refund enquiries."""
    for p in people:
        for ts in p.bought_plants:
            if (p.acct or p.club) is None:
                continue
            if datetime(2026, 6, 22) <= ts < HEATWAVE[1]:
                if chance(0.2):
                    t = max(ts, HEATWAVE[0]) + timedelta(days=R.uniform(2, 16))
                    ticket(p, t, "dead_plant_refund")
            elif chance(0.006):
                ticket(p, ts + timedelta(days=R.uniform(5, 30)), "dead_plant_refund")


def online_shopper(d, returning=None):
    p = returning or Person()
    if returning is None:
        people.append(p)
    src = pick(SOURCES, SOURCE_W)
    if d.month in (4, 5) and chance(0.15):
        src = "local_paper" if chance(0.5) else src
    platform = (
        "app"
        if (p.acct and chance(0.5)) or chance(0.2)
        else pick(["web", "mobile_web"], [0.45, 0.55])
    )
    ts = at(d)
    dept = pick(DEPTS, dept_mix(ts))
    p_order = {
        "google": 0.2,
        "facebook": 0.1,
        "instagram": 0.09,
        "newsletter": 0.26,
        "organic": 0.18,
        "direct": 0.22,
        "local_paper": 0.08,
    }[src]
    if platform == "app":
        p_order *= 1.3
    if not app(p, ts, "session_start", src, platform):
        return p
    for i in range(R.choice([1, 2, 2, 3])):
        app(
            p,
            ts + timedelta(minutes=1 + 2 * i),
            "view_item",
            src,
            platform,
            WEB_CAT.get(dept, "christmas"),
        )
    t = ts + timedelta(minutes=8)
    if chance(0.05):
        login(p)
        app(p, t, "login", src, platform)
        join_club(p, t + timedelta(minutes=1), "app")
        app(p, t + timedelta(minutes=1), "club_signup", src, platform)
    if chance(0.04):
        login(p)
        app(p, t + timedelta(minutes=2), "login", src, platform)
        book_workshop(p, t + timedelta(minutes=4))
    if not chance(min(0.7, p_order * 2.2)):
        if chance(0.12):  # came to the store instead
            till_visit(p, at(d + timedelta(days=R.randint(1, 6)), SHOP_HOURS))
        return p
    app(
        p,
        t + timedelta(minutes=R.uniform(0, 4)),
        "add_to_cart",
        src,
        platform,
        WEB_CAT.get(dept, "christmas"),
    )
    if not chance(0.7):
        return p
    t2 = (
        t + timedelta(minutes=R.uniform(5, 30))
        if chance(0.8)
        else t + timedelta(days=R.uniform(0.5, 5))
    )
    if p.acct is None:
        login(p)
        app(p, t2, "login", src, platform)
    app(p, t2 + timedelta(seconds=30), "begin_checkout", src, platform)
    if chance(0.8):
        web_order(p, t2 + timedelta(minutes=R.uniform(2, 9)), src, platform, dept)
    return p


def store_shopper(d, store=None):
    p = Person(store)
    people.append(p)
    ts = at(d, SHOP_HOURS)
    if not till_visit(p, ts):
        return p
    if chance(0.14):
        join_club(p, ts + timedelta(minutes=2), "till")
    if chance(0.15):
        cafe_visit(p, ts + timedelta(minutes=R.randint(5, 40)))
    return p


def cafe_only(d, store=None):
    p = Person(store)
    people.append(p)
    cafe_visit(p, at(d, CAFE_HOURS))


def simulate():
    club = []
    for _i in range(1800):  # members who joined before the data starts
        p = Person()
        people.append(p)
        join_club(p, START - timedelta(days=R.randint(30, 1500)), "till")
        if chance(0.3):
            p.tier = "Gold"
        if chance(0.45):
            login(p)
        club.append(p)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        s = season(d)
        for _ in range(poisson(9 * s)):
            online_shopper(d)
        for _ in range(poisson(8 * s)):
            store = (
                pick(STORES, STORE_W) if dt >= BRIGHTON_OPEN else pick(STORES[:11], STORE_W[:11])
            )
            if store == "Brighton" and dt < BRIGHTON_OPEN + timedelta(days=10):
                pass
            store_shopper(d, store)
        if dt >= BRIGHTON_OPEN and dt < BRIGHTON_OPEN + timedelta(days=3):
            for _ in range(poisson(25)):  # opening weekend
                store_shopper(d, "Brighton")
        for _ in range(poisson(2.5 * (1.3 if d.weekday() >= 5 else 1.0))):
            cafe_only(d, pick(STORES, STORE_W) if dt >= BRIGHTON_OPEN else None)
        # club members come back
        pool = [p for p in members if p.joined is not None and p.joined < dt]
        for _ in range(poisson(11 * s)):
            p = R.choice(pool)
            if p.store == "Brighton" and dt < BRIGHTON_OPEN:
                continue
            r = R.random()
            if r < 0.62:
                ts = at(d, SHOP_HOURS)
                if till_visit(p, ts) and chance(0.3):
                    cafe_visit(p, ts + timedelta(minutes=R.randint(5, 50)))
            elif r < 0.8:
                if p.acct is None and chance(0.4):
                    login(p)
                if p.acct:
                    online_shopper(d, p)
                else:
                    cafe_visit(p, at(d, CAFE_HOURS))
            elif r < 0.93:
                cafe_visit(p, at(d, CAFE_HOURS))
            else:
                login(p)
                app(p, at(d), "session_start", "newsletter", "app")
                book_workshop(p, at(d) + timedelta(minutes=3))
    # Brighton: locals switch their home store once it opens
    for p in members:
        if p.store in ("Horsham", "Eastbourne") and chance(0.25):
            p.store = "Brighton"
    heatwave_refunds()
    for _ in range(150):  # general enquiries
        p = R.choice(members)
        ticket(p, at(START.date() + timedelta(days=R.randrange(N_DAYS))), "general")


def write(folder: Path):
    def local(ts):
        return ts.replace(tzinfo=LONDON)

    def iso_offset(ts):
        return local(ts).isoformat(timespec="seconds")

    def epoch(ts):
        return int(local(ts).timestamp())

    def utcz(ts):
        return local(ts).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    with open(folder / "app_events.jsonl", "w") as f:
        for r in sorted(events_app, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "event_ts": epoch(r[0]),
                "anonymous_id": r[1],
                "account_id": r[2] or None,
                "event": r[3],
                "utm_source": r[4],
                "platform": r[5],
            }
            if r[6]:
                obj["item_category"] = r[6]
            f.write(json.dumps(obj) + "\n")
    with open(folder / "shopify_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Name",
                "Customer ID",
                "Created at",
                "Subtotal",
                "Shipping",
                "Total",
                "Currency",
                "Fulfillment Method",
                "Product Type",
                "Referring Site",
                "Source Name",
                "Pickup Location",
            ]
        )
        src_name = {"app": "iphone_app", "web": "web", "mobile_web": "web"}
        for r in sorted(orders, key=lambda r: (r[2], r[0])):
            oid, acct, ts, sub, ship, method, cat, src, platform, store = r
            w.writerow(
                [
                    oid,
                    acct,
                    iso_offset(ts),
                    f"{sub:.2f}",
                    f"{ship:.2f}",
                    f"{sub + ship:.2f}",
                    "GBP",
                    method,
                    cat,
                    src,
                    src_name[platform],
                    store,
                ]
            )
    with open(folder / "courier_scans.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_ref",
                "consignee_ref",
                "carrier",
                "scan_time",
                "status",
                "promised_date",
                "days_late",
            ]
        )
        for oid, carrier, ts, promised, late, acct in sorted(courier, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    oid,
                    acct,
                    carrier,
                    ts.strftime("%Y-%m-%dT%H:%M:%S"),
                    "DELIVERED",
                    promised.isoformat(),
                    late,
                ]
            )
    with open(folder / "till_lines.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "TXN_DATE",
                "STORE",
                "TXN_NO",
                "LINE_NO",
                "DEPARTMENT",
                "QTY",
                "LINE_VALUE",
                "CLUB_CARD",
            ]
        )
        for ts, store, tx, line, dept, qty, val, card in sorted(
            till, key=lambda r: (r[0], r[2], r[3])
        ):
            w.writerow(
                [ts.strftime("%d/%m/%Y %H:%M"), store, tx, line, dept, qty, f"{val:.2f}", card]
            )
    with open(folder / "club_members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "online_account", "joined", "home_store", "tier", "marketing_ok"])
        for p in sorted(members, key=lambda p: p.club):
            w.writerow(
                [p.club, p.acct or "", p.joined.strftime("%d/%m/%Y"), p.store, p.tier, p.optin]
            )
    with open(folder / "club_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "posted_at", "entry_type", "points", "where"])
        for card, ts, kind, pts, where in sorted(ledger, key=lambda r: (r[1], r[0])):
            w.writerow([card, ts.strftime("%d/%m/%Y %H:%M"), kind, pts, where])
    with open(folder / "workshop_bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "booking_ref",
                "account_id",
                "club_no",
                "status_time",
                "workshop",
                "centre",
                "session_start",
                "places",
                "amount_paid",
                "status",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[3], r[0])):
            if not within(r[3]):
                continue
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    r[3].strftime("%Y-%m-%d %H:%M"),
                    r[4],
                    r[5],
                    r[6].strftime("%Y-%m-%d %H:%M"),
                    r[7],
                    f"{r[8]:.2f}",
                    r[9],
                ]
            )
    with open(folder / "cafe_pos.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Cheque Time", "Site", "Cheque No", "Covers", "Cheque Total", "Club Card"])
        for ts, store, cq, covers, total, card in sorted(cafe, key=lambda r: (r[0], r[2])):
            w.writerow(
                [
                    ts.strftime("%Y/%m/%d %H:%M"),
                    f"GreenThumb {store}",
                    cq,
                    covers,
                    f"{total:.2f}",
                    card,
                ]
            )
    with open(folder / "zendesk_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Id",
                "Requester external id",
                "Club number",
                "Created at",
                "First reply at",
                "Solved at",
                "Category",
                "Via",
                "Satisfaction score",
                "Order or booking",
                "Type",
            ]
        )
        for r in sorted(tickets, key=lambda r: int(r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    utcz(r[3]),
                    utcz(r[4]),
                    utcz(r[5]) if r[5] else "",
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                    "problem"
                    if r[6] in ("late_delivery", "damaged_item", "dead_plant_refund")
                    else "question",
                ]
            )
    with open(folder / "weekly_ads.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week commencing", "Platform", "Spend (GBP)"])
        base = {"Google Ads": 2600, "Meta Ads": 1500, "Local newspaper": 450}
        wk = START.date() - timedelta(days=START.weekday())
        while wk < END.date():
            s = season(wk + timedelta(days=2))
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1) * (0.6 + 0.4 * s)
                if ch == "Local newspaper" and wk.month not in (3, 4, 5, 11, 12):
                    continue
                w.writerow([wk.strftime("%d/%m/%Y"), ch, f"{amt * f_:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="garden-src-") as tmp:
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
