"""Bookshop evaluation domain: Kinokuni Books, a Singapore bookstore chain (7 shops + web + app).

    python generate.py OUT.duckdb

Writes Kinokuni's own exports (seeded: the same files every run) to a temporary folder —

  pos_receipts.csv       POS line items: ReceiptNo, Shop, ReceiptDateTime 'DD/MM/YYYY HH:MM' (SGT),
                         CardNo (members only), SKU, ISBN, ItemDesc, Category, Language, Qty,
                         prices SGD incl. GST
  crm_members.csv        Kinokuni Card members: CardNo, JoinDate, Tier BASIC/GOLD, HomeShop, …
  crm_vouchers.csv       birthday vouchers issued / redeemed (YYYY-MM-DD HH:MM:SS, SGT)
  ecom_orders.jsonl      e-commerce platform orders (web + app), created_at UTC with Z
  ecom_shipments.jsonl   fulfilment updates (shipped, delivered, ready, picked up), UTC Z
  analytics_events.csv   web/app analytics, snake_case, UTC naive; device_id, account_id after login
  shopee_orders.csv      Shopee seller centre export ('Order ID', 'Username (Buyer)', …)
  lazada_orders.csv      Lazada seller center (orderNumber, createTime '06 Dec 2025 14:05', …)
  event_rsvp.csv         author events RSVP system (ISO times with +08:00)
  cs_tickets.csv         customer service tickets ('YYYY/MM/DD HH:MM', SGT)
  weekly_spend.csv       marketing spend sheet per week (Monday, DD/MM/YYYY)

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

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261206
START = datetime(2025, 12, 6)
END = datetime(2026, 12, 6)  # as_of (Sunday); data ends the day before
N_DAYS = (END - START).days
SCHOOL_1 = (datetime(2025, 12, 6), datetime(2026, 1, 18))  # school-book season (tail of 2025's)
SCHOOL_2 = (datetime(2026, 11, 16), datetime(2026, 12, 6))  # school-book season 2026 (start)
YEAR_END_SALE = (datetime(2025, 12, 26), datetime(2026, 1, 4))
CNY_PEAK = (datetime(2026, 1, 26), datetime(2026, 2, 17))  # red-packet gift cards; CNY = Tue 17 Feb
JURONG_CLOSED = (datetime(2026, 4, 6), datetime(2026, 4, 27))  # renovation, Mon 6 Apr – Sun 26 Apr
GSS = (datetime(2026, 6, 1), datetime(2026, 7, 1))  # Great Singapore Sale, 20% off
MANGA_DAY = datetime(2026, 8, 15)  # Tidebreaker Vol. 27 release (Saturday)
MANGA_OOS = (datetime(2026, 8, 17), datetime(2026, 8, 29))  # sold out until restock Sat 29 Aug
COURIER_BAD = (datetime(2026, 10, 1), datetime(2026, 11, 2))  # SwiftLine courier problem
COURIER_SWITCH = datetime(2026, 11, 2)  # most home deliveries move to Pelican Post
TELEGRAM_LAUNCH = datetime(2026, 3, 2)  # Telegram channel launched (Monday)

R = random.Random(SEED)

SHOPS = ["Orchard", "Jurong", "Tampines", "Bugis", "Raffles City", "Changi Airport", "Punggol"]
SHOP_W = [0.22, 0.15, 0.16, 0.17, 0.12, 0.08, 0.10]
REGION_OF = {
    "Orchard": "Central",
    "Jurong": "West",
    "Tampines": "East",
    "Bugis": "Central",
    "Raffles City": "Central",
    "Changi Airport": "East",
    "Punggol": "North-East",
}
CATS = ["Fiction", "Children's", "Education", "Manga", "Business", "Stationery", "Gifts"]
CAT_W = [0.24, 0.17, 0.12, 0.13, 0.08, 0.17, 0.09]
LANGS = {"EN": 0.58, "ZH": 0.27, "MS": 0.06, "JA": 0.09}
PRICE = {
    "Fiction": (14, 36),
    "Children's": (8, 26),
    "Education": (9, 22),
    "Manga": (10, 16),
    "Business": (24, 48),
    "Stationery": (3, 32),
    "Gifts": (12, 65),
}
WORDS = {
    "Fiction": [
        "The Lantern Road",
        "Salt and Monsoon",
        "Quiet Harbour",
        "Night Ferry",
        "Paper Tigers",
    ],
    "Children's": [
        "Mousedeer Tales",
        "Little Kopi",
        "Otter Family",
        "Dragon Boat Day",
        "Counting Durians",
    ],
    "Education": [
        "PSLE Maths Practice",
        "P4 English Assessment",
        "Higher Chinese P5",
        "Science Revision P6",
    ],
    "Manga": ["Blade Garden", "Neon Ramen", "Spirit Courier", "Volley Stars"],
    "Business": [
        "Small Giants of Asia",
        "The Hawker Economy",
        "Lean Retail",
        "Negotiate Like a Trader",
    ],
}
STATIONERY = ["Notebook A5", "Gel Pen Set", "Washi Tape", "Planner 2026", "Pencil Case"]
GIFTS = ["Tote Bag", "Bookmark Set", "Reading Lamp", "Mug", "Jigsaw Puzzle"]
MANGA_HIT = ("MG-TB27", "9784088840271", "Tidebreaker Vol. 27", "Manga", "JA", 14.9)


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    if lam > 30:
        return max(0, round(R.gauss(lam, math.sqrt(lam))))
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text, n=10):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


# ---- catalogue: about 60 items (SKU, ISBN, title, category, language, list price incl. GST)
CATALOG: dict[str, list[tuple]] = {c: [] for c in CATS}
for cat in CATS:
    names = WORDS.get(cat) or (STATIONERY if cat == "Stationery" else GIFTS)
    for i, name in enumerate(names):
        if cat in ("Stationery", "Gifts"):
            langs = [""]
        elif cat == "Manga":
            langs = ["JA", "EN", "ZH"]
        elif cat == "Education":
            langs = ["ZH"] if "Chinese" in name else ["EN"]
        else:
            langs = ["EN", "ZH"] if i % 2 == 0 else ["EN"]
            if cat == "Children's" and i == 0:
                langs = ["EN", "MS"]
        for lang in langs:
            lo, hi = PRICE[cat]
            price = round(R.uniform(lo, hi), 0) - 0.1
            sku = f"{cat[:2].upper().replace(chr(39), '')}-{h(name + lang, 5).upper()}"
            isbn = "" if cat in ("Stationery", "Gifts") else f"978{R.randrange(10**9, 10**10)}"
            title = name if lang in ("EN", "") else f"{name} ({lang})"
            CATALOG[cat].append((sku, isbn, title, cat, lang, price))
GIFT_CARD = ("GC-REDPKT", "", "Red Packet Gift Card", "Gift Cards", "")

pos, members, vouchers, ecom, ships, analytics, shopee, lazada, rsvps, tickets = (
    [] for _ in range(10)
)
seq = {"rcpt": 0, "card": 0, "acc": 0, "dev": 0, "web": 100000, "tkt": 0, "rsvp": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


def day_weight(d: datetime, shop: str | None = None):
    w = 1.0
    if d.weekday() >= 5:
        w *= 1.55
    if inw(d, (datetime(2025, 12, 6), datetime(2025, 12, 25))):
        w *= 1.35  # Christmas gifting
    if inw(d, YEAR_END_SALE):
        w *= 1.6
    if inw(d, CNY_PEAK):
        w *= 1.25
    if inw(d, GSS):
        w *= 1.45
    if inw(d, SCHOOL_1) or inw(d, SCHOOL_2):
        w *= 1.2
    if shop == "Jurong" and inw(d, JURONG_CLOSED):
        return 0.0
    if shop == "Jurong" and inw(d, (JURONG_CLOSED[1], JURONG_CLOSED[1] + timedelta(days=14))):
        w *= 1.4  # reopening bump
    return w


DAYS = [START + timedelta(days=k) for k in range(N_DAYS)]
DAY_CUM = []
_acc = 0.0
for _d in DAYS:
    _acc += day_weight(_d)
    DAY_CUM.append(_acc)


def rand_day():
    return R.choices(DAYS, cum_weights=DAY_CUM)[0]


def shop_time(d):
    hr = pick(list(range(10, 22)), [2, 4, 5, 6, 5, 5, 5, 6, 7, 7, 5, 3])
    return d + timedelta(hours=hr, minutes=R.randrange(60), seconds=R.randrange(60))


def web_time(d):
    hr = pick(
        list(range(24)), [3, 1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 8, 7, 7, 7, 7, 8, 9, 11, 12, 12, 9, 5]
    )
    return d + timedelta(hours=hr, minutes=R.randrange(60), seconds=R.randrange(60))


def basket_lines(d: datetime, member=False, lang_pref=None):
    """Line items of one purchase: list of (sku, isbn, title, cat, lang, unit, qty)."""
    n = pick([1, 2, 3, 4, 5], [0.42, 0.3, 0.15, 0.08, 0.05])
    school = inw(d, SCHOOL_1) or inw(d, SCHOOL_2)
    lines = []
    for _ in range(n):
        w = list(CAT_W)
        if school:
            w[2] *= 3.2
        if d.month == 12:
            w[6] *= 1.8
            w[1] *= 1.4
        cat = pick(CATS, w)
        items = CATALOG[cat]
        if lang_pref and cat not in ("Stationery", "Gifts") and chance(0.7):
            pref = [it for it in items if it[4] == lang_pref]
            items = pref or items
        sku, isbn, title, c, lang, price = R.choice(items)
        qty = 1 if chance(0.85) else R.choice([2, 3])
        if cat == "Education" and school:
            qty = R.choice([1, 2, 3, 4])
        unit = price
        if inw(d, GSS) or inw(d, YEAR_END_SALE):
            unit = round(price * 0.8, 2)
        if member and chance(0.0):
            unit = price
        same = [k for k, ln in enumerate(lines) if ln[0] == sku]
        if same:  # the till adds to the existing line
            old = lines[same[0]]
            lines[same[0]] = (*old[:6], old[6] + qty)
            continue
        lines.append((sku, isbn, title, c, lang, unit, qty))
    if inw(d, CNY_PEAK):
        cut = (CNY_PEAK[1] - d).days
        if chance(0.05 + 0.25 * max(0, 21 - cut) / 21):
            val = pick([20, 50, 100], [0.35, 0.45, 0.2])
            lines.append(
                (
                    GIFT_CARD[0],
                    "",
                    GIFT_CARD[2],
                    GIFT_CARD[3],
                    "",
                    float(val),
                    R.choice([1, 2, 2, 3, 4]),
                )
            )
    return lines


class Member:
    def __init__(self, joined: datetime, home: str):
        self.card = f"KC{880000 + nxt('card'):07d}"
        self.joined = joined
        self.home = home
        self.tier = "BASIC"
        self.lang = pick(list(LANGS), list(LANGS.values()))
        self.age = pick(
            ["<18", "18-24", "25-34", "35-44", "45-54", "55+"], [0.04, 0.14, 0.24, 0.27, 0.18, 0.13]
        )
        self.optin = "Y" if chance(0.62) else "N"
        self.acc = f"acc_{h('acc' + self.card, 12)}" if chance(0.55) else ""
        self.bmonth = R.randrange(1, 13)
        self.spend = 0.0
        self.rate = R.lognormvariate(1.35, 0.75)  # shop visits a year
        self.device = None


def receipt(shop: str, ts: datetime, card: str, lines, member=None):
    if not within(ts) or day_weight(datetime(ts.year, ts.month, ts.day), shop) == 0.0:
        return None
    rno = f"{SHOPS.index(shop) + 1:02d}{ts:%y%m%d}{nxt('rcpt'):06d}"
    pay = pick(
        ["NETS", "VISA", "MASTERCARD", "PAYNOW", "CASH", "GRABPAY"],
        [0.25, 0.27, 0.15, 0.16, 0.1, 0.07],
    )
    merged: dict[str, tuple] = {}
    for ln in lines:  # the till keeps one line per SKU
        merged[ln[0]] = (*ln[:6], merged[ln[0]][6] + ln[6]) if ln[0] in merged else ln
    lines = list(merged.values())
    total = 0.0
    for i, (sku, isbn, title, cat, lang, unit, qty) in enumerate(lines):
        lt = round(unit * qty, 2)
        total += lt
        pos.append((rno, shop, ts, card, i + 1, sku, isbn, title, cat, lang, qty, unit, lt, pay))
    if member is not None:
        member.spend += total
    return rno


def shop_for(m: Member, d: datetime):
    s = m.home if chance(0.75) else pick(SHOPS, SHOP_W)
    if s == "Jurong" and inw(d, JURONG_CLOSED):
        if chance(0.45):
            return None
        s = pick(["Orchard", "Bugis", "Raffles City", "Tampines"], [0.45, 0.25, 0.15, 0.15])
    return s


def a_event(ts, device, acc, name, source, platform, cat=""):
    if within(ts):
        analytics.append((ts, device, acc or "", name, source, platform, cat))
        return True
    return False


SOURCES = ["google_cpc", "facebook", "instagram", "newsletter", "telegram", "organic", "(direct)"]
SOURCE_W = [0.24, 0.12, 0.08, 0.08, 0.07, 0.22, 0.19]


def online_session(who, d: datetime, acc, buy_p, source=None, booklist=False, want_hit=False):
    """A web/app visit; maybe an order. `who` carries .device and .card (if a member)."""
    platform = pick(["web", "ios", "android"], [0.5, 0.28, 0.22])
    if who.device is None:
        who.device = ("w-" if platform == "web" else "m-") + h(f"dev{nxt('dev')}", 14)
    if platform != "web":
        source = "app" if source is None or chance(0.6) else source
    source = source or pick(SOURCES, SOURCE_W)
    if source == "telegram" and d < TELEGRAM_LAUNCH:
        source = "organic"  # the Telegram channel only started in March
    t = web_time(d)
    logged = acc and (platform != "web" or chance(0.6))
    a = acc if logged else ""
    if not a_event(t, who.device, a, "session_start", source, platform):
        return False
    if booklist:
        t += timedelta(minutes=R.uniform(1, 4))
        a_event(t, who.device, a, "booklist_view", source, platform, "Education")
        cat = "Education"
    else:
        cat = pick(CATS[:6], [0.26, 0.18, 0.12, 0.2, 0.1, 0.14])
        if want_hit:
            cat = "Manga"
        if chance(0.55):
            t += timedelta(minutes=R.uniform(0.5, 3))
            a_event(t, who.device, a, "search", source, platform, cat)
    for _ in range(R.choice([1, 1, 2, 3])):
        t += timedelta(minutes=R.uniform(0.5, 4))
        a_event(t, who.device, a, "view_item", source, platform, cat)
    oos = want_hit and inw(t, MANGA_OOS)
    if oos:
        a_event(t + timedelta(seconds=40), who.device, a, "notify_me", source, platform, cat)
        if chance(0.12) and getattr(who, "card", ""):
            ticket(who, t + timedelta(hours=R.uniform(1, 30)), "Out of stock", "", mood=1.2)
        return False
    if chance(0.12) and not booklist:
        a_event(t + timedelta(minutes=1), who.device, a, "store_stock_check", source, platform, cat)
    if not chance(buy_p * (1.9 if booklist else 1.0) / 0.55 if buy_p < 0.55 else 1):
        if chance(0.35):
            a_event(
                t + timedelta(minutes=R.uniform(1, 3)),
                who.device,
                a,
                "add_to_cart",
                source,
                platform,
                cat,
            )
        return False
    t += timedelta(minutes=R.uniform(1, 3))
    a_event(t, who.device, a, "add_to_cart", source, platform, cat)
    if not acc:
        acc = f"acc_{h('guest' + who.device, 12)}"
        who.acc = acc
    t += timedelta(minutes=R.uniform(1, 6))
    a_event(t, who.device, acc, "begin_checkout", source, platform, cat)
    if not chance(0.55):
        return False
    t += timedelta(minutes=R.uniform(2, 9))
    return place_online(who, t, acc, "app" if platform != "web" else "web", cat, booklist, source)


def place_online(who, t, acc, sales_ch, cat, booklist, source):
    if not within(t):
        return False
    lines = basket_lines(t, lang_pref=getattr(who, "lang", None))
    if booklist:
        lines = [it for it in lines if it[3] == "Education"] or lines
        extra = [R.choice(CATALOG["Education"]) for _ in range(R.randrange(3, 8))]
        unit_qty = [(s, i, ti, c, la, p, 1) for (s, i, ti, c, la, p) in extra]
        lines = unit_qty + [ln for ln in lines if ln[3] == "Stationery"]
    subtotal = round(sum(ln[5] * ln[6] for ln in lines), 2)
    main = cat if booklist else max(lines, key=lambda ln: ln[5] * ln[6])[3]
    cc = chance(0.75 if booklist else 0.32)
    store = pick(SHOPS, SHOP_W) if cc else None
    if store == "Jurong" and inw(t, JURONG_CLOSED):
        store = "Orchard"
    fee = 0.0 if cc or subtotal >= 60 else 4.9
    oref = f"KB{nxt('web')}"
    courier = ""
    if not cc:
        courier = pick(
            ["SwiftLine", "Pelican Post"], [0.2, 0.8] if t >= COURIER_SWITCH else [0.8, 0.2]
        )
    ecom.append(
        {
            "order_ref": oref,
            "account_id": acc,
            "kinokuni_card": getattr(who, "card", "") or None,
            "created_at": t,
            "sales_channel": sales_ch,
            "order_type": "BOOKLIST" if booklist else "STANDARD",
            "fulfilment": "CLICK_COLLECT" if cc else "HOME_DELIVERY",
            "collect_store": store,
            "main_category": main,
            "item_count": sum(ln[6] for ln in lines),
            "subtotal_sgd": subtotal,
            "shipping_sgd": fee,
            "utm_source": None if source == "app" else source,
        }
    )
    if isinstance(who, Member):
        who.spend += subtotal
    # fulfilment
    ship = t + timedelta(hours=R.uniform(5, 30))
    if cc:
        ready = ship + timedelta(hours=R.uniform(2, 20))
        ships.append((oref, acc, "READY_FOR_PICKUP", ready, ""))
        picked = ready + timedelta(hours=R.uniform(3, 120))
        if chance(0.96):
            ships.append((oref, acc, "PICKED_UP", picked, ""))
        return True
    ships.append((oref, acc, "SHIPPED", ship, courier))
    bad = courier == "SwiftLine" and inw(ship, COURIER_BAD)
    days = R.uniform(3.5, 9) if bad else R.uniform(0.7, 2.6)
    dl = ship + timedelta(days=days)
    dl = datetime(dl.year, dl.month, dl.day, R.randrange(9, 21), R.randrange(60))
    ships.append((oref, acc, "DELIVERED", dl, courier))
    if bad and chance(0.45):
        ticket(
            who, ship + timedelta(days=R.uniform(2.5, 6)), "Late delivery", oref, mood=1.4, acc=acc
        )
    elif chance(0.015):
        ticket(
            who, dl + timedelta(hours=R.uniform(2, 60)), "Late delivery", oref, mood=0.5, acc=acc
        )
    if chance(0.022):
        ticket(
            who, dl + timedelta(hours=R.uniform(2, 48)), "Damaged books", oref, mood=0.6, acc=acc
        )
    if chance(0.018):
        ticket(
            who, dl + timedelta(days=R.uniform(1, 10)), "Refund request", oref, mood=0.4, acc=acc
        )
    return True


def ticket(who, ts, cat, order, mood=0.0, acc=None, shopee_user="", laz_buyer=""):
    if not within(ts):
        return
    ch = pick(["Email", "WhatsApp", "Phone", "Counter"], [0.36, 0.34, 0.18, 0.12])
    fr = {
        "Email": R.uniform(1, 22),
        "WhatsApp": R.uniform(0.05, 3),
        "Phone": R.uniform(0.01, 0.3),
        "Counter": 0.05,
    }[ch]
    if cat == "Late delivery" and inw(ts, COURIER_BAD):
        fr *= 2.5  # backlog
    res = (
        fr
        + {
            "Late delivery": R.uniform(10, 120),
            "Damaged books": R.uniform(20, 150),
            "Refund request": R.uniform(24, 200),
            "Out of stock": R.uniform(4, 100),
            "Membership & points": R.uniform(1, 48),
        }[cat]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.42):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.85))))
    complaint = (
        "Yes" if cat in ("Damaged books",) or (mood >= 1 and chance(0.6)) or chance(0.08) else "No"
    )
    tickets.append(
        (
            f"CS{nxt('tkt'):06d}",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.97) else None,
            cat,
            ch,
            complaint,
            csat,
            getattr(who, "card", "") or "",
            acc if acc is not None else (getattr(who, "acc", "") or ""),
            shopee_user,
            laz_buyer,
            order,
        )
    )


class Anon:
    def __init__(self):
        self.device = None
        self.acc = ""
        self.card = ""
        self.lang = pick(list(LANGS), list(LANGS.values()))


def simulate():
    # --- members: 2,700 joined before the year, ~1,100 join during it
    all_members = []
    for _ in range(2700):
        joined = START - timedelta(days=R.uniform(20, 2400))
        all_members.append(Member(joined, pick(SHOPS, SHOP_W)))
    for _ in range(1100):
        d = rand_day()
        all_members.append(Member(shop_time(d), pick(SHOPS, SHOP_W)))
    for m in all_members:
        if m.joined >= START:
            # sign-up at the till with a first receipt
            s = m.home if not (m.home == "Jurong" and inw(m.joined, JURONG_CLOSED)) else "Orchard"
            receipt(
                s, m.joined + timedelta(minutes=2), m.card, basket_lines(m.joined, True, m.lang), m
            )
        n = poisson(m.rate * (1.0 if m.joined < START else (END - m.joined).days / 365))
        for _ in range(n):
            d = rand_day()
            if d < m.joined:
                continue
            s = shop_for(m, d)
            if s is None:
                continue
            t = shop_time(d)
            rno = receipt(s, t, m.card, basket_lines(d, True, m.lang), m)
            if rno and d.month == m.bmonth and chance(0.35) and not getattr(m, "bday_used", False):
                m.bday_used = True
                vouchers.append((m.card, "REDEEMED", t + timedelta(seconds=30), "BDAY10", s))
        if m.acc:
            for _ in range(poisson(3.4 if m.lang != "MS" else 1.8)):
                d = rand_day()
                if d < m.joined:
                    continue
                school = inw(d, SCHOOL_1) or inw(d, SCHOOL_2)
                online_session(m, d, m.acc, 0.42, booklist=school and chance(0.45))
        # birthday vouchers: issued on the 1st of the birthday month
        for yr in (2025, 2026):
            iss = datetime(yr, m.bmonth, 1, 9, 0)
            if within(iss) and iss >= m.joined:
                vouchers.append((m.card, "ISSUED", iss, "BDAY10", ""))
        if chance(0.012):
            ticket(m, shop_time(rand_day()), "Membership & points", "", mood=0.2)
    # Gold tier by spend (>= S$500 in the year, or long-time heavy buyers)
    for m in all_members:
        if m.spend >= 420 or (m.joined < START - timedelta(days=700) and m.rate > 7):
            m.tier = "GOLD"
    members.extend(all_members)

    # --- walk-in non-members (each receipt a person)
    for d in DAYS:
        for s, sw in zip(SHOPS, SHOP_W, strict=True):
            lam = 1.9 * sw * day_weight(d, s) * (1.6 if s == "Changi Airport" else 1.0)
            for _ in range(poisson(lam)):
                t = shop_time(d)
                receipt(s, t, "", basket_lines(d))

    # --- viral manga release: queues on Sat 15 Aug, sold out 17-28 Aug, restock Sat 29 Aug
    mem_manga = [m for m in all_members if m.lang in ("JA", "EN") and m.joined < MANGA_DAY]
    for day, n_buyers in (
        (MANGA_DAY, 420),
        (MANGA_DAY + timedelta(days=1), 180),
        (MANGA_OOS[1], 160),
    ):
        for i in range(n_buyers):
            s = pick(SHOPS, [0.2, 0.12, 0.14, 0.3, 0.12, 0.04, 0.08])
            t = day + timedelta(
                hours=9 if day == MANGA_DAY and i < 120 else R.uniform(10, 21),
                minutes=R.uniform(0, 59),
            )
            hit = (
                MANGA_HIT[0],
                MANGA_HIT[1],
                MANGA_HIT[2],
                "Manga",
                "JA",
                MANGA_HIT[5],
                1 if chance(0.85) else 2,
            )
            lines = [hit] + (
                [R.choice([(*it, 1) for it in CATALOG["Manga"]])] if chance(0.3) else []
            )
            if chance(0.4) and mem_manga:
                m = R.choice(mem_manga)
                receipt(s, t, m.card, lines, m)
            else:
                receipt(s, t, "", lines)
    # manga fans online during the stock-out
    for _ in range(650):
        d = MANGA_OOS[0] + timedelta(days=R.randrange((MANGA_OOS[1] - MANGA_OOS[0]).days))
        if chance(0.5) and mem_manga:
            m = R.choice(mem_manga)
            online_session(m, d, m.acc, 0.3, want_hit=True)
        else:
            online_session(Anon(), d, "", 0.3, want_hit=True, source=pick(SOURCES, SOURCE_W))
    for _ in range(60):
        m = R.choice(mem_manga)
        ticket(m, MANGA_OOS[0] + timedelta(hours=R.uniform(0, 250)), "Out of stock", "", mood=1.0)

    # --- anonymous online browsers (some buy as guests)
    for d in DAYS:
        lam = 6.8 * day_weight(d)
        for _ in range(poisson(lam)):
            a = Anon()
            school = inw(d, SCHOOL_1) or inw(d, SCHOOL_2)
            src = pick(SOURCES, SOURCE_W)
            p = {
                "google_cpc": 0.09,
                "facebook": 0.045,
                "instagram": 0.05,
                "newsletter": 0.12,
                "telegram": 0.15,
                "organic": 0.08,
                "(direct)": 0.1,
            }[src]
            if src in ("facebook", "instagram") and d >= datetime(2026, 7, 1):
                p *= (
                    0.45  # Meta got worse after iOS/attribution changes: costs up, conversions down
                )
            ok = online_session(a, d, "", p, source=src, booklist=school and chance(0.3))
            if (ok or chance(0.1)) and chance(0.35):
                for _ in range(R.choice([1, 1, 2])):
                    d2 = d + timedelta(days=R.uniform(1, 40))
                    if d2 < END:
                        online_session(a, datetime(d2.year, d2.month, d2.day), a.acc, 0.3)

    # --- marketplaces
    for d in DAYS:
        w = day_weight(d) * (1.8 if inw(d, GSS) else 1.0)
        for site, base in (("Shopee", 2.3), ("Lazada", 1.3)):
            for _ in range(poisson(base * w)):
                buyer = (
                    R.choice(["book", "reader", "sg", "kopi", "mei", "ahboy", "lim"])
                    + h(site + str(R.random()), 6)
                    if site == "Shopee"
                    else f"{R.randrange(10**8, 10**9)}"
                )
                for k in range(1 if chance(0.8) else 2):
                    t = web_time(d + timedelta(days=R.uniform(5, 60) * k))
                    if not within(t):
                        continue
                    lines = basket_lines(t)[:2]
                    oid = (
                        f"{t:%y%m%d}{h(buyer + str(k), 8).upper()}"
                        if site == "Shopee"
                        else f"{R.randrange(10**14, 10**15)}"
                    )
                    cancelled = chance(0.045)
                    rows = shopee if site == "Shopee" else lazada
                    for ln in lines:
                        rows.append(
                            (oid, t, buyer, ln[2], ln[6], round(ln[5] * ln[6] * 0.97, 2), cancelled)
                        )
                    if not cancelled and inw(t, COURIER_BAD) and chance(0.12):
                        ticket(
                            Anon(),
                            t + timedelta(days=R.uniform(4, 8)),
                            "Late delivery",
                            oid,
                            mood=1.2,
                            acc="",
                            shopee_user=buyer if site == "Shopee" else "",
                            laz_buyer=buyer if site == "Lazada" else "",
                        )

    # --- author events
    ev_list = []
    ev_specs = [
        ("2025-12-13", "Signing", "Free", 0, "Orchard", "Mousedeer Tales: meet the illustrator"),
        (
            "2026-01-10",
            "Talk",
            "Ticketed",
            15,
            "Raffles City",
            "PSLE without tears: a talk for parents",
        ),
        ("2026-01-31", "Talk", "Free", 0, "Bugis", "Writing the Lunar New Year (in Mandarin)"),
        ("2026-02-28", "Signing", "Free", 0, "Tampines", "Night Ferry signing"),
        ("2026-03-21", "Talk", "Ticketed", 25, "Orchard", "The Hawker Economy: author talk"),
        ("2026-04-18", "Signing", "Free", 0, "Punggol", "Otter Family storytime & signing"),
        (
            "2026-05-16",
            "Talk",
            "Ticketed",
            20,
            "Raffles City",
            "Small Giants of Asia breakfast talk",
        ),
        ("2026-06-13", "Signing", "Free", 0, "Bugis", "Neon Ramen creator signing"),
        ("2026-07-11", "Talk", "Free", 0, "Jurong", "Jurong reopening: local writers panel"),
        ("2026-08-15", "Signing", "Ticketed", 10, "Bugis", "Tidebreaker Vol. 27 launch night"),
        ("2026-09-19", "Talk", "Free", 0, "Orchard", "Salt and Monsoon: 华文作家对谈"),
        (
            "2026-10-17",
            "Signing",
            "Ticketed",
            18,
            "Orchard",
            "Quiet Harbour signing with the author",
        ),
        ("2026-11-14", "Talk", "Free", 0, "Tampines", "Choosing assessment books for P1-P6"),
        ("2026-11-28", "Signing", "Free", 0, "Raffles City", "Little Kopi holiday signing"),
    ]
    for i, (ds, fmt_, tkt, price, shop, title) in enumerate(ev_specs):
        dt = datetime.fromisoformat(ds) + timedelta(hours=19 if fmt_ == "Talk" else 14)
        ev_list.append((f"EV{26000 + i}", title, fmt_, tkt, price, shop, dt))
    for code, title, fmt_, tkt, price, shop, dt in ev_list:
        cap = 220 if "Tidebreaker" in title else R.randrange(50, 140)
        n = cap if "Tidebreaker" in title else int(cap * R.uniform(0.7, 1.1))
        for _ in range(n):
            if chance(0.55):
                m = R.choice(all_members)
                card, email = m.card, f"e_{h('mail' + m.card, 12)}"
            else:
                m = None
                card, email = "", f"e_{h('mail' + str(R.random()), 12)}"
            rt = dt - timedelta(days=R.uniform(0.2, 25))
            if not within(rt):
                continue
            rid = f"R{nxt('rsvp'):05d}"
            rsvps.append((rid, code, title, fmt_, tkt, price, shop, card, email, "RSVP", rt))
            show = 0.82 if tkt == "Ticketed" else 0.55
            if chance(0.08 if tkt == "Free" else 0.03):
                rsvps.append(
                    (
                        rid,
                        code,
                        title,
                        fmt_,
                        tkt,
                        price,
                        shop,
                        card,
                        email,
                        "CANCELLED",
                        rt + (dt - rt) * R.random(),
                    )
                )
                continue
            if chance(show) and within(dt):
                ci = dt - timedelta(minutes=R.uniform(-20, 30))
                rsvps.append(
                    (rid, code, title, fmt_, tkt, price, shop, card, email, "CHECKED_IN", ci)
                )
                if m is not None and chance(0.45):
                    lines = basket_lines(dt)
                    if fmt_ == "Signing":
                        signed = (*R.choice(CATALOG["Fiction"] + CATALOG["Children's"]), 1)
                        lines = [signed, *lines[:1]]
                    receipt(shop, ci + timedelta(minutes=R.uniform(30, 90)), m.card, lines, m)


def write(folder: Path):
    def utcz(ts):  # SGT naive -> UTC ISO with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "pos_receipts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ReceiptNo",
                "Shop",
                "ReceiptDateTime",
                "CardNo",
                "LineNo",
                "SKU",
                "ISBN",
                "ItemDesc",
                "Category",
                "Language",
                "Qty",
                "UnitPriceSGD",
                "LineTotalSGD",
                "PaymentMode",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[2], r[0], r[4])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%d/%m/%Y %H:%M}",
                    *r[3:11],
                    f"{r[11]:.2f}",
                    f"{r[12]:.2f}",
                    r[13],
                ]
            )
    with open(folder / "crm_members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "CardNo",
                "JoinDate",
                "Tier",
                "HomeShop",
                "Region",
                "AgeGroup",
                "PrefLanguage",
                "EmailOptIn",
                "OnlineAccountId",
            ]
        )
        for m in sorted(members, key=lambda m: m.card):
            w.writerow(
                [
                    m.card,
                    f"{m.joined:%Y-%m-%d}",
                    m.tier,
                    m.home,
                    REGION_OF[m.home],
                    m.age,
                    m.lang,
                    m.optin,
                    m.acc,
                ]
            )
    with open(folder / "crm_vouchers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["CardNo", "VoucherEvent", "EventTime", "VoucherCode", "RedeemShop"])
        for r in sorted(vouchers, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4]])
    with open(folder / "ecom_orders.jsonl", "w") as f:
        for o in sorted(ecom, key=lambda o: (o["created_at"], o["order_ref"])):
            f.write(
                json.dumps({**o, "created_at": utcz(o["created_at"])}, ensure_ascii=False) + "\n"
            )
    with open(folder / "ecom_shipments.jsonl", "w") as f:
        for oref, acc, st, ts, courier in sorted(ships, key=lambda r: (r[3], r[0], r[2])):
            if within(ts):
                f.write(
                    json.dumps(
                        {
                            "order_ref": oref,
                            "account_id": acc,
                            "status": st,
                            "status_time": utcz(ts),
                            "courier": courier or None,
                        }
                    )
                    + "\n"
                )
    with open(folder / "analytics_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_time",
                "device_id",
                "account_id",
                "event_name",
                "utm_source",
                "platform",
                "item_category",
            ]
        )
        for r in sorted(analytics, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{r[0] - timedelta(hours=8):%Y-%m-%d %H:%M:%S}", *r[1:]])
    with open(folder / "shopee_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Order ID",
                "Order Creation Date",
                "Username (Buyer)",
                "Product Name",
                "Quantity",
                "Deal Price",
                "Order Status",
            ]
        )
        for oid, t, buyer, title, qty, price, canc in sorted(shopee, key=lambda r: (r[1], r[0])):
            w.writerow(
                [
                    oid,
                    f"{t:%Y-%m-%d %H:%M}",
                    buyer,
                    title,
                    qty,
                    f"{price:.2f}",
                    "Cancelled" if canc else "Completed",
                ]
            )
    with open(folder / "lazada_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["orderNumber", "createTime", "buyerId", "itemName", "paidPrice", "status"])
        for oid, t, buyer, title, _qty, price, canc in sorted(lazada, key=lambda r: (r[1], r[0])):
            st = "canceled" if canc else ("shipped" if t > END - timedelta(days=3) else "delivered")
            w.writerow([oid, f"{t:%d %b %Y %H:%M}", buyer, title, f"{price:.2f}", st])
    with open(folder / "event_rsvp.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "rsvp_id",
                "event_code",
                "event_title",
                "event_format",
                "ticketing",
                "ticket_price",
                "venue",
                "kinokuni_card",
                "email_sha",
                "action",
                "action_time",
            ]
        )
        for r in sorted(rsvps, key=lambda r: (r[10], r[0], r[9])):
            w.writerow([*r[:10], f"{r[10]:%Y-%m-%dT%H:%M:%S}+08:00"])

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "cs_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket No",
                "Created",
                "First Reply",
                "Resolved",
                "Issue",
                "Channel",
                "Complaint",
                "CSAT",
                "Card No",
                "Online Account",
                "Shopee Username",
                "Lazada Buyer ID",
                "Order Ref",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], fmt(r[1]), fmt(r[2]), fmt(r[3]), *r[4:]])
    with open(folder / "weekly_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week Starting", "Channel", "Spend (S$)"])
        base = {
            "Google": 2600,
            "Meta (FB/IG)": 1700,
            "Shopee Ads": 650,
            "LazMall Sponsored": 380,
            "EDM": 180,
        }
        wk = date(2025, 12, 1)
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if inw(dt, GSS) or inw(dt, YEAR_END_SALE):
                    f_ *= 1.8
                if inw(dt, SCHOOL_1) or inw(dt, SCHOOL_2):
                    f_ *= 1.3
                if ch == "Meta (FB/IG)" and dt >= datetime(2026, 7, 1):
                    f_ *= 1.25
                w.writerow([f"{wk:%d/%m/%Y}", ch, f"{amt * f_:.2f}"])
            if dt >= datetime(2026, 3, 2):
                w.writerow([f"{wk:%d/%m/%Y}", "Telegram", f"{R.uniform(90, 140):.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="bookshop-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        if os.environ.get("BOOKSHOP_KEEP"):
            shutil.copytree(folder, os.environ["BOOKSHOP_KEEP"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
