"""KTV evaluation domain: StarVoice KTV, a karaoke chain with 14 venues in Guangzhou, Shenzhen,
Hong Kong and Macau.

    python generate.py OUT.duckdb

Writes StarVoice's own exports (seeded: the same files every run) to a temporary folder —

  booking_page_log.csv    online booking page (H5 / mini program) log: visitorId,
                          guestPhone after login,
                          referrer code, 'DD/MM/YYYY HH:mm' local time
  room_bookings.csv       room booking system action log: BOOK / CANCEL / NOSHOW / CHECKIN / EXTEND
                          ('DD/MM/YYYY HH:mm' local time)
  pos_order_lines.csv     POS QR-menu order lines (amounts in cents of the venue's currency)
  pos_bills.csv           POS checkout bills (pay method, cents, currency, settled CNY)
  member_profiles.jsonl   membership app members (UTC epoch seconds)
  member_wallet.jsonl     membership app wallet ledger: JOIN / TOPUP / BONUS / SPEND
                          (UTC epoch seconds)
  review_feed.csv         ratings 1-5 from Dianping / Meituan / Google with text (UTC ISO with Z)
  marketing_spend.csv     monthly marketing spend sheet in CNY

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
The membership app exports UTC epoch seconds, which `tpa ingest` cannot parse; the export job
therefore rewrites them as ISO-8601 UTC strings with `Z` before loading (see `epoch_to_iso`).
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

SEED = 20261203
START = datetime(2025, 12, 3)
END = datetime(2026, 12, 3)  # as_of (Thursday); data ends the day before
N_DAYS = (END - START).days

TOPUP_PROMO = (
    datetime(2026, 1, 5),
    datetime(2026, 2, 17),
)  # 充1000送300 until Chinese New Year's Eve
RENOVATION = (datetime(2026, 5, 1), datetime(2026, 6, 1))  # GZ-BJL and SZ-LH closed
RENOVATED = ("GZ-BJL", "SZ-LH")
XHS_CAMPAIGN = (
    datetime(2026, 7, 1),
    datetime(2026, 8, 1),
)  # Xiaohongshu campaign -> Shenzhen, young guests
FOOTBALL = (datetime(2026, 6, 11), datetime(2026, 7, 20))  # football night packages
LATE_PRICE = datetime(2026, 9, 1)  # late-night package price up
COTAI_OPEN = datetime(2026, 10, 10)  # new Macau venue

R = random.Random(SEED)

# code: (city, currency, weight)
VENUES = {
    "GZ-TH": ("GZ", "CNY", 1.2),
    "GZ-BJL": ("GZ", "CNY", 1.0),
    "GZ-ZJ": ("GZ", "CNY", 1.0),
    "GZ-PY": ("GZ", "CNY", 0.7),
    "SZ-FT": ("SZ", "CNY", 1.2),
    "SZ-NS": ("SZ", "CNY", 1.1),
    "SZ-LH": ("SZ", "CNY", 0.9),
    "SZ-BA": ("SZ", "CNY", 0.7),
    "HK-MK": ("HK", "HKD", 1.0),
    "HK-CWB": ("HK", "HKD", 0.9),
    "HK-TST": ("HK", "HKD", 0.8),
    "MO-NAPE": ("MO", "MOP", 0.6),
    "MO-TP": ("MO", "MOP", 0.5),
    "MO-CT": ("MO", "MOP", 0.8),
}
TO_CNY = {"CNY": 1.0, "HKD": 0.92, "MOP": 0.89}
PRICE_MULT = {
    "CNY": 1.0,
    "HKD": 1.7,
    "MOP": 1.75,
}  # local price level vs. mainland, in local currency
ROOMS = ["S", "M", "L", "P"]
ROOM_RATE = {"S": 68, "M": 98, "L": 138, "P": 238}  # CNY-level price per hour (standard)
# referrer codes as the booking page writes them
REFS_MAINLAND = ["MT", "DP", "XHS", "WX"]
REFS_MAINLAND_W = [0.34, 0.28, 0.12, 0.26]
REFS_HKMO = ["GMAPS", "DP", "WX", "XHS", "OPENRICE"]
REFS_HKMO_W = [0.38, 0.14, 0.22, 0.08, 0.18]
AGE_BANDS = ["18-24", "25-34", "35-44", "45+"]
AGE_W = [0.24, 0.42, 0.22, 0.12]
FNB = {  # category: (items, CNY-level unit price)
    "BEER": (["青岛啤酒 Tsingtao", "百威 Budweiser", "嘉士伯 Carlsberg"], 18),
    "SPIRITS": (["芝华士 Chivas 12", "轩尼诗 Hennessy VSOP", "杰克丹尼 Jack Daniel's"], 388),
    "SOFT": (["可乐 Coke", "柠檬茶 Lemon Tea", "矿泉水 Water"], 12),
    "SNACK": (["爆米花 Popcorn", "鸡翅 Chicken Wings", "薯条 Fries"], 38),
    "FRUIT": (["果盘 Fruit Platter"], 88),
    "MEAL": (["炒饭 Fried Rice", "叉烧饭 BBQ Pork Rice", "意粉 Spaghetti"], 48),
}
FNB_W = [0.34, 0.06, 0.2, 0.22, 0.1, 0.08]


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


def open_venue(v, ts):
    if v == "MO-CT" and ts < COTAI_OPEN:
        return False
    return not (v in RENOVATED and inw(ts, RENOVATION))


page_log, bookings, lines, bills, members, wallet, reviews = ([] for _ in range(7))
seq = {"guest": 0, "vis": 0, "bk": 0, "ord": 0, "bill": 0, "mem": 0, "rev": 0, "browser": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Guest:
    def __init__(self, city):
        self.phone = "ph_" + h(f"guest{nxt('guest')}")[:14]
        self.visitor = None
        self.member = None
        self.city = city
        self.age = pick(AGE_BANDS, AGE_W)
        self.balance = 0.0


def local_venue(city):
    opts = [v for v, (c, _, _) in VENUES.items() if c == city]
    return opts


def choose_slot(d, v):
    """A start time and a package for a booking on day d."""
    wd = d.weekday()
    roll = R.random()
    football = inw(datetime(d.year, d.month, d.day), FOOTBALL)
    if football and roll < 0.22:
        return datetime(d.year, d.month, d.day, R.choice([19, 20, 21])), "FOOTBALL", 4
    if roll < (0.28 if wd < 5 else 0.18):
        return datetime(d.year, d.month, d.day, R.choice([12, 13, 14, 15])), "HAPPY_HOUR", 3
    if roll < 0.5:
        return datetime(d.year, d.month, d.day, 23, R.choice([0, 30])), "LATE_NIGHT", 5
    return (
        datetime(d.year, d.month, d.day, R.choice([18, 19, 19, 20, 20, 21, 22])),
        "STANDARD",
        R.choice([2, 2, 3, 3, 4]),
    )


def price_cny_level(pkg, room, hours, ts):
    rate = ROOM_RATE[room]
    if pkg == "HAPPY_HOUR":
        return round(rate * 1.2)
    if pkg == "LATE_NIGHT":
        base = {"S": 198, "M": 298, "L": 398, "P": 598}[room]
        return round(base * (1.35 if ts >= LATE_PRICE else 1.0))
    if pkg == "FOOTBALL":
        return {"S": 288, "M": 388, "L": 488, "P": 788}[room]
    return rate * hours


def page_visit(g, ts, ref, v, campaign=""):
    if g.visitor is None:
        g.visitor = ("wx_" if ref == "WX" else "v_") + h(f"vis{nxt('vis')}")[:16]
    return ts, g.visitor, ref, v, campaign


def visit(g, d, ref=None, campaign=""):
    """One booking (online or walk-in) and everything after it."""
    city = g.city
    vs = local_venue(city)
    if campaign:
        vs = ["SZ-FT", "SZ-NS", "SZ-LH", "SZ-BA"]
    w = [VENUES[v][2] for v in vs]
    if city == "MO":
        w = [
            0.6,
            0.5,
            1.6 if datetime(d.year, d.month, d.day) >= COTAI_OPEN + timedelta(days=7) else 0.8,
        ]
    v = pick(vs, w)
    slot, pkg, hours = choose_slot(d, v)
    if not open_venue(v, slot):
        alt = [x for x in vs if open_venue(x, slot)]
        if not alt:
            return
        v = R.choice(alt)
    cur = VENUES[v][1]
    if ref is None:
        if chance(0.12):
            ref = pick(["WALKIN", "PHONE"], [0.7, 0.3])
        elif city in ("HK", "MO"):
            ref = pick(REFS_HKMO, REFS_HKMO_W)
        else:
            ref = pick(REFS_MAINLAND, REFS_MAINLAND_W)
    if pkg == "FOOTBALL" or chance(0.12):
        room = "P" if chance(0.5) else "L"
    else:
        room = pick(ROOMS, [0.38, 0.34, 0.18, 0.1])
    party = {
        "S": R.randint(2, 4),
        "M": R.randint(4, 8),
        "L": R.randint(7, 12),
        "P": R.randint(10, 20),
    }[room]
    bk = f"SV{nxt('bk'):07d}"
    mem = g.member or ""
    walkin = ref in ("WALKIN",)
    if walkin:
        booked = slot - timedelta(minutes=R.uniform(2, 15))
    else:
        lead_h = R.choice([R.uniform(1, 8), R.uniform(8, 48), R.uniform(48, 160)])
        booked = slot - timedelta(hours=lead_h)
        if ref != "PHONE":
            t0 = booked - timedelta(minutes=R.uniform(3, 25))
            n_pages = R.choice([1, 1, 2, 3])
            for i in range(n_pages):
                page_log.append(
                    (
                        "VIEW_VENUE",
                        page_visit(g, t0 + timedelta(minutes=2 * i), ref, v, campaign),
                        "",
                    )
                )
            page_log.append(
                (
                    "VIEW_ROOM",
                    page_visit(g, t0 + timedelta(minutes=2 * n_pages + 1), ref, v, campaign),
                    g.phone,
                )
            )
    price_lvl = price_cny_level(pkg, room, hours, slot)
    room_fee = round(price_lvl * PRICE_MULT[cur])
    if not within(booked):
        return
    bookings.append(
        (
            bk,
            "BOOK",
            booked,
            g,
            v,
            room,
            pkg,
            ref,
            slot,
            hours,
            party,
            room_fee,
            cur,
            campaign,
            mem,
            "",
        )
    )
    # cancellations / no-shows
    p_cancel = 0.07
    if pkg == "LATE_NIGHT" and slot >= LATE_PRICE:
        p_cancel = 0.21
    if pkg == "FOOTBALL":
        p_cancel = 0.05
    if walkin:
        p_cancel = 0.0
    p_noshow = 0.0 if walkin else (0.09 if ref in ("MT", "DP") else 0.05)
    if chance(p_cancel):
        t = booked + (slot - booked) * R.uniform(0.1, 0.95)
        if within(t):
            reason = (
                R.choice(["价格太贵", "改期", "人数不够"])
                if pkg == "LATE_NIGHT" and slot >= LATE_PRICE
                else R.choice(["改期", "人数不够", "临时有事"])
            )
            bookings.append(
                (
                    bk,
                    "CANCEL",
                    t,
                    g,
                    v,
                    room,
                    pkg,
                    ref,
                    slot,
                    hours,
                    party,
                    room_fee,
                    cur,
                    campaign,
                    mem,
                    reason,
                )
            )
        return
    if chance(p_noshow):
        t = slot + timedelta(minutes=30)
        if within(t):
            bookings.append(
                (
                    bk,
                    "NOSHOW",
                    t,
                    g,
                    v,
                    room,
                    pkg,
                    ref,
                    slot,
                    hours,
                    party,
                    room_fee,
                    cur,
                    campaign,
                    mem,
                    "",
                )
            )
        return
    arr = slot + timedelta(minutes=R.uniform(-10, 25))
    if not within(arr):
        return
    bookings.append(
        (
            bk,
            "CHECKIN",
            arr,
            g,
            v,
            room,
            pkg,
            ref,
            slot,
            hours,
            party,
            room_fee,
            cur,
            campaign,
            mem,
            "",
        )
    )
    # QR-menu orders during the session
    end = arr + timedelta(hours=hours)
    n_orders = max(1, poisson(1.2 + party / 8))
    fnb_cents = 0
    for _ in range(n_orders):
        t = arr + (end - arr) * R.uniform(0.02, 0.9)
        if not within(t):
            continue
        on = f"Q{nxt('ord'):08d}"
        for ln in range(R.choice([1, 1, 2, 2, 3, 4])):
            wts = list(FNB_W)
            if pkg == "FOOTBALL":
                wts[0] *= 2.5
            if g.age == "18-24":
                wts[2] *= 1.6
                wts[1] *= 0.5
            cat = pick(list(FNB), wts)
            item = R.choice(FNB[cat][0])
            qty = R.choice([1, 1, 2]) if cat != "BEER" else R.choice([6, 6, 12, 12, 24])
            unit = FNB[cat][1] * PRICE_MULT[cur]
            cents = round(unit * qty * 100)
            fnb_cents += cents
            lines.append((on, bk, v, t, cat, item, qty, cents, cur, ln + 1))
    # extension
    extra = 0
    if chance(0.18 if pkg != "LATE_NIGHT" else 0.05):
        extra = R.choice([1, 1, 2])
        te = end - timedelta(minutes=R.uniform(5, 20))
        if within(te):
            bookings.append(
                (
                    bk,
                    "EXTEND",
                    te,
                    g,
                    v,
                    room,
                    pkg,
                    ref,
                    slot,
                    extra,
                    party,
                    0,
                    cur,
                    campaign,
                    mem,
                    "",
                )
            )
        end += timedelta(hours=extra)
    room_total = room_fee + round(ROOM_RATE[room] * PRICE_MULT[cur] * extra)
    total_cents = room_total * 100 + fnb_cents
    paid = end + timedelta(minutes=R.uniform(1, 8))
    if not within(paid):
        return
    if g.member and g.balance * 100 >= total_cents and chance(0.7):
        method = "STORED_VALUE"
        g.balance -= total_cents / 100
        wallet.append((g, "SPEND", paid, total_cents / 100, cur, v))
    elif cur == "CNY":
        method = pick(["WECHAT", "ALIPAY", "UNIONPAY", "CASH"], [0.55, 0.35, 0.06, 0.04])
    elif cur == "HKD":
        method = pick(
            ["OCTOPUS", "VISA", "MASTER", "ALIPAYHK", "WECHAT", "CASH"],
            [0.3, 0.25, 0.12, 0.13, 0.1, 0.1],
        )
    else:
        method = pick(["MPAY", "VISA", "WECHAT", "ALIPAY", "CASH"], [0.3, 0.2, 0.2, 0.15, 0.15])
    bills.append(
        (f"B{nxt('bill'):08d}", bk, v, paid, method, room_total * 100, fnb_cents, total_cents, cur)
    )
    # membership: join at checkout sometimes
    if g.member is None and chance(0.16):
        join(g, paid + timedelta(minutes=R.uniform(1, 20)), v)
    elif g.member and chance(0.8):
        wallet.append(
            (
                g,
                "POINTS",
                paid + timedelta(seconds=30),
                round(total_cents / 100 * TO_CNY[cur]),
                cur,
                v,
            )
        )
    # rating
    if chance(0.22):
        t = paid + timedelta(hours=R.uniform(0.5, 40))
        if within(t):
            mean = 4.2
            if pkg == "LATE_NIGHT" and slot >= LATE_PRICE:
                mean = 3.5
            if v in RENOVATED and slot >= RENOVATION[1]:
                mean = 4.6
            if v in RENOVATED and slot < RENOVATION[0]:
                mean = 3.8
            if v == "MO-CT":
                mean = 4.5
            stars = max(1, min(5, round(R.gauss(mean, 0.9))))
            reviews.append((g, bk, v, t, stars, pkg, cur))


def join(g, ts, v):
    if not within(ts):
        return
    g.member = f"M{80000 + nxt('mem')}"
    g.joined = ts
    g.home = v
    members.append(g)
    wallet.append((g, "JOIN", ts, 0, VENUES[v][1], v))
    topup(g, ts + timedelta(minutes=R.uniform(1, 10)), v, first=True)


def topup(g, ts, v, first=False):
    if not within(ts):
        return
    cur = VENUES[v][1]
    promo = inw(ts, TOPUP_PROMO)
    p = 0.55 if first else 1.0
    if promo:
        p = min(1.0, p * 1.5)
    if not chance(p):
        return
    if promo:
        amt = pick([500, 1000, 2000], [0.2, 0.65, 0.15])
        bonus = {500: 100, 1000: 300, 2000: 600}[amt]
    else:
        amt = pick([300, 500, 1000, 2000], [0.3, 0.4, 0.22, 0.08])
        bonus = {300: 0, 500: 50, 1000: 150, 2000: 400}[amt]
    amt = round(amt * (1 if cur == "CNY" else 1.1))
    bonus = round(bonus * (1 if cur == "CNY" else 1.1))
    g.balance += amt + bonus
    wallet.append((g, "TOPUP", ts, amt, cur, v))
    if bonus:
        wallet.append((g, "BONUS", ts + timedelta(seconds=5), bonus, cur, v))


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    wd = d.weekday()
    w = [0.8, 0.8, 0.9, 1.0, 1.5, 1.9, 1.3][wd]
    if datetime(2026, 2, 17) <= dt < datetime(2026, 2, 24):
        w *= 0.6  # Spring Festival week: people go home
    if datetime(2025, 12, 20) <= dt < datetime(2026, 1, 2):
        w *= 1.3
    if inw(dt, FOOTBALL):
        w *= 1.15
    if inw(dt, TOPUP_PROMO):
        w *= 1.1
    return w


CITY_W = {"GZ": 0.33, "SZ": 0.33, "HK": 0.22, "MO": 0.12}


def new_guest(d, campaign=False):
    if campaign:
        g = Guest("SZ")
        g.age = pick(AGE_BANDS, [0.62, 0.3, 0.06, 0.02])
        visit(g, d, ref="XHS", campaign="XHS_SUMMER_SZ")
    else:
        city = pick(list(CITY_W), list(CITY_W.values()))
        g = Guest(city)
        visit(g, d)
    # returns
    p_return = 0.45 if not campaign else 0.25
    t = datetime(d.year, d.month, d.day)
    while chance(p_return):
        t += timedelta(days=R.expovariate(1 / 40))
        if t >= END:
            break
        if g.member and chance(0.3):
            topup(g, t - timedelta(hours=R.uniform(1, 72)), g.home)
        visit(g, t.date())
        p_return = 0.55 if g.member else 0.4


def browser(d):
    """Someone who looked at the booking page but never booked (stays anonymous)."""
    city = pick(list(CITY_W), list(CITY_W.values()))
    v = R.choice(
        [x for x in local_venue(city) if open_venue(x, datetime(d.year, d.month, d.day))]
        or ["GZ-TH"]
    )
    ref = (
        pick(REFS_HKMO, REFS_HKMO_W)
        if city in ("HK", "MO")
        else pick(REFS_MAINLAND, REFS_MAINLAND_W)
    )
    camp = ""
    if inw(datetime(d.year, d.month, d.day), XHS_CAMPAIGN) and chance(0.35):
        ref, camp, v = "XHS", "XHS_SUMMER_SZ", R.choice(["SZ-FT", "SZ-NS", "SZ-LH", "SZ-BA"])
    g = Guest(city)
    t = datetime(d.year, d.month, d.day, R.choice(range(10, 24)), R.randrange(60))
    for i in range(R.choice([1, 1, 2])):
        page_log.append(
            ("VIEW_VENUE", page_visit(g, t + timedelta(minutes=2 * i), ref, v, camp), "")
        )
    if chance(0.3):
        page_log.append(("VIEW_ROOM", page_visit(g, t + timedelta(minutes=5), ref, v, camp), ""))


def simulate():
    # existing members from before the period
    for _ in range(700):
        g = Guest(pick(list(CITY_W), list(CITY_W.values())))
        g.member = f"M{10000 + nxt('mem')}"
        g.joined = START - timedelta(days=R.uniform(20, 900))
        g.home = R.choice([v for v in local_venue(g.city) if v != "MO-CT"])
        g.balance = R.choice([0, 0, 120, 300, 650])
        members.append(g)
        t = START + timedelta(days=R.uniform(0, 30))
        while t < END:
            if chance(0.25) or (inw(t, TOPUP_PROMO) and chance(0.5)):
                topup(g, t - timedelta(hours=R.uniform(1, 48)), g.home)
            visit(g, t.date())
            t += timedelta(days=R.expovariate(1 / 35))
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(13 * day_weight(d))):
            new_guest(d)
        if inw(dt, XHS_CAMPAIGN):
            for _ in range(poisson(9 if d.weekday() >= 4 else 5)):
                new_guest(d, campaign=True)
        for _ in range(poisson(7 * day_weight(d))):
            browser(d)


def dmy(ts):
    return f"{ts:%d/%m/%Y %H:%M}"


def epoch(ts):  # naive Shanghai local -> UTC epoch seconds
    return int((ts - timedelta(hours=8)).replace(tzinfo=UTC).timestamp())


def epoch_to_iso(v):
    return datetime.fromtimestamp(v, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(folder: Path):
    with open(folder / "booking_page_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["LogTime", "VisitorId", "GuestPhone", "Action", "Referrer", "VenueCode", "CampaignTag"]
        )
        for act, (ts, vis, ref, v, camp), phone in sorted(
            page_log, key=lambda r: (r[1][0], r[1][1], r[0])
        ):
            if within(ts):
                w.writerow([dmy(ts), vis, phone, act, ref, v, camp])
    city_name = {"GZ": "广州", "SZ": "深圳", "HK": "香港", "MO": "澳门"}
    room_name = {"S": "小房", "M": "中房", "L": "大房", "P": "派对房"}
    with open(folder / "room_bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "BookingNo",
                "ActionType",
                "ActionTime",
                "GuestPhone",
                "MemberNo",
                "VenueCode",
                "City",
                "RoomType",
                "Package",
                "BookingSource",
                "SlotStart",
                "Hours",
                "PartySize",
                "RoomFee",
                "Currency",
                "PromoTag",
                "CancelReason",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[2], r[0], r[1])):
            bk, act, ts, g, v, room, pkg, ref, slot, hours, party, fee, cur, camp, mem, reason = r
            w.writerow(
                [
                    bk,
                    act,
                    dmy(ts),
                    g.phone,
                    mem,
                    v,
                    city_name[VENUES[v][0]],
                    room_name[room],
                    pkg,
                    ref,
                    dmy(slot),
                    hours,
                    party,
                    fee,
                    cur,
                    camp,
                    reason,
                ]
            )
    with open(folder / "pos_order_lines.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "line_no",
                "booking_no",
                "store",
                "order_time",
                "item_cat",
                "item_name",
                "qty",
                "amt_cents",
                "ccy",
            ]
        )
        for r in sorted(lines, key=lambda r: (r[3], r[0])):
            w.writerow(
                [r[0], r[9], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5], r[6], r[7], r[8]]
            )
    with open(folder / "pos_bills.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "bill_no",
                "booking_no",
                "store",
                "paid_time",
                "pay_method",
                "room_cents",
                "fnb_cents",
                "total_cents",
                "ccy",
                "settle_cny",
            ]
        )
        for r in sorted(bills, key=lambda r: (r[3], r[0])):
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
                    f"{r[7] / 100 * TO_CNY[r[8]]:.2f}",
                ]
            )
    # membership app: raw export with epoch seconds, then the export job's ISO rewrite for ingestion
    raw_profiles, raw_wallet = [], []
    for g in sorted(members, key=lambda g: g.member):
        raw_profiles.append(
            {
                "memberNo": g.member,
                "mobileHash": g.phone,
                "registeredAt": epoch(g.joined),
                "homeStore": g.home,
                "ageGroup": g.age,
                "tier": "BLACK" if g.balance > 1500 else ("GOLD" if g.balance > 600 else "SILVER"),
            }
        )
    for i, (g, kind, ts, amt, cur, v) in enumerate(
        sorted(wallet, key=lambda r: (r[2], r[0].member, r[1]))
    ):
        if within(ts):
            raw_wallet.append(
                {
                    "txnId": f"W{i + 1:07d}",
                    "memberNo": g.member,
                    "txnType": kind,
                    "createdAt": epoch(ts),
                    "amount": amt,
                    "currency": cur,
                    "store": v,
                }
            )
    for name, rows in (("member_profiles", raw_profiles), ("member_wallet", raw_wallet)):
        with open(folder / f"_{name}_raw.json", "w") as f:
            json.dump(rows, f, ensure_ascii=False)
        with open(folder / f"{name}.jsonl", "w") as f:
            for obj in rows:
                obj = dict(obj)
                for k in ("registeredAt", "createdAt"):
                    if k in obj:
                        obj[k] = epoch_to_iso(obj[k])
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    texts = {
        "zh": {
            5: ["音响超好，房间干净", "服务很好，下次再来", "果盘新鲜，歌库很全"],
            4: ["不错，就是有点吵", "整体满意"],
            3: ["一般般，麦克风有杂音", "价格有点贵"],
            2: ["深夜场涨价了，不值", "等房间等了很久"],
            1: ["体验很差", "太贵了，不会再来"],
        },
        "yue": {
            5: ["好正！音响一流", "房好靚，職員好nice"],
            4: ["幾好，下次再嚟", "OK啦"],
            3: ["麻麻哋，啲嘢食普通"],
            2: ["通宵場加價，唔抵", "等咗好耐"],
            1: ["好差，唔會再嚟"],
        },
        "en": {
            5: ["Great sound system, clean rooms", "Loved it!"],
            4: ["Good night out"],
            3: ["Average, food so-so"],
            2: ["Late-night package got pricey", "Long wait for the room"],
            1: ["Terrible service"],
        },
    }
    with open(folder / "review_feed.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "review_id",
                "platform",
                "booking_ref",
                "store",
                "posted_at_utc",
                "rating",
                "lang",
                "review_text",
            ]
        )
        for _g, bk, v, ts, stars, _pkg, _cur in sorted(reviews, key=lambda r: (r[3], r[1])):
            city = VENUES[v][0]
            if city in ("HK", "MO"):
                plat = pick(["GOOGLE", "OPENRICE", "DIANPING"], [0.5, 0.3, 0.2])
                lang = pick(["yue", "en", "zh"], [0.6, 0.3, 0.1])
            else:
                plat = pick(["DIANPING", "MEITUAN", "XHS"], [0.55, 0.35, 0.1])
                lang = pick(["zh", "yue"], [0.85, 0.15]) if city == "GZ" else "zh"
            txt = R.choice(texts[lang][stars]) if chance(0.7) else ""
            w.writerow(
                [
                    f"R{nxt('rev'):07d}",
                    plat,
                    bk,
                    v,
                    f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z",
                    stars,
                    lang,
                    txt,
                ]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        base = {
            "美团": 42000,
            "大众点评": 36000,
            "小红书": 15000,
            "微信": 12000,
            "Google Maps": 9000,
            "OpenRice": 7000,
        }
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch == "小红书" and m.month == 7 and m.year == 2026:
                    f_ *= 5.0
                if ch == "微信" and m.month == 1 and m.year == 2026:
                    f_ *= 2.0
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * f_:.0f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="ktv-src-") as tmp:
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
