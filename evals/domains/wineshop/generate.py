"""Wineshop evaluation domain: VinoLink, an imported-wine retailer in Shanghai and Hong Kong.

    python generate.py OUT.duckdb

Writes VinoLink's own exports (seeded: the same files every run) to a temporary folder —

  web_events.csv          web shop customer events (Shopify-style): ISO times with +08:00,
                          client_id cookie, customer_id (member no.) after login, utm_source
  web_orders.csv          web shop order export: Name, Created at (ISO +08:00), Currency CNY/HKD,
                          Total, Total (CNY), Discount Code, Shipping Method, Lineitem category
  tmall_orders.csv        天猫 order export: Chinese headers, 'YYYY-MM-DD HH:mm:ss' local, 元
  miniprogram_log.jsonl   WeChat mini-program event log: epoch milliseconds (UTC), anon_id before
                          login, member_no after; a small ETL step adds `event_time_utc` (ISO Z)
                          because the ingest cannot read epoch numbers
  pos_receipts.csv        tasting-room POS (dd/mm/yyyy HH:MM local), member no. or phone hash
  event_tickets.csv       tasting-event ticketing (phone hash), checked-in flag
  crm_members.csv         CRM: Cellar Club members, tier Bronze/Silver/Gold, tmall nick, phone hash
  shipments.csv           warehouse shipments: courier, shipped / delivered / picked up
  service_tickets.csv     ticket system: broken bottle, late delivery, wrong vintage, fapiao
  ad_spend_monthly.csv    monthly ad spend per channel (Chinese channel names)

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
CNY_PEAK = (datetime(2026, 1, 19), datetime(2026, 2, 17))  # gift boxes before 春节 (Feb 17)
EN_PRIMEUR = (datetime(2026, 6, 1), datetime(2026, 7, 1))  # Bordeaux en-primeur pre-sale
COURIER_SWITCH = datetime(2026, 8, 10)  # SF Express -> Yunda; packaging fixed after 3 weeks
COURIER_BAD = (COURIER_SWITCH, datetime(2026, 8, 31))
HK_OPEN = datetime(2026, 9, 12)  # Hong Kong tasting room opens (Saturday)
DOUBLE11 = (datetime(2026, 10, 24), datetime(2026, 11, 12))
XMAS = (datetime(2026, 11, 23), END)
HKD_CNY = 0.92

R = random.Random(SEED)
SH_ROOMS = ["Xintiandi", "Jing'an", "Xuhui", "Pudong", "Hongqiao"]
CATS = ["Red", "White", "Sparkling", "Gift Box", "Fine Wine"]
CAT_W = [0.45, 0.2, 0.12, 0.1, 0.13]
PRICE = {
    "Red": (150, 900),
    "White": (120, 600),
    "Sparkling": (180, 1200),
    "Gift Box": (398, 1888),
    "Fine Wine": (900, 6000),
    "En Primeur": (2400, 18000),
}


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


HOURS = [
    0.3,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.4,
    1,
    1.6,
    2,
    2.4,
    2.8,
    3.2,
    2.8,
    2.4,
    2.4,
    2.6,
    2.8,
    3,
    3.8,
    4.6,
    5,
    4,
    2,
]
ROOM_HOURS = [0] * 11 + [2, 3, 3, 3, 3, 3, 4, 5, 6, 6, 4, 0, 0]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


web_ev, web_ord, tmall, mp, pos, etix, crm, ship, tix = ([] for _ in range(9))
seq = {
    "m": 100000,
    "web": 20000,
    "tm": 0,
    "mp": 0,
    "pos": 0,
    "tix": 0,
    "anon": 0,
    "ship": 0,
    "et": 0,
}
people = []


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, hk=False):
        self.hk = hk
        self.member = None
        self.joined = None
        self.cookie = None
        self.anon = None
        self.nick = None
        self.phone = "p" + h(f"phone{len(people)}")[:14]
        self.spend = 0.0
        self.acq = ""
        people.append(self)


def join(p, ts, acq):
    if p.member is None and within(ts):
        p.member = f"VL{nxt('m')}"
        p.joined = ts
        p.acq = acq
        crm.append(p)


def price(cat, ts):
    lo, hi = PRICE[cat]
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    return round(v / 10) * 10 - 2 if v > 100 else round(v, 0)


def season_cat(ts):
    if inw(ts, CNY_PEAK) and chance(0.55):
        return "Gift Box"
    if inw(ts, XMAS) and chance(0.45):
        return "Gift Box"
    return pick(CATS, CAT_W)


def fulfil(p, oid, ts, cat, channel, pickup=False):
    """Shipment, delivery and the tickets that follow."""
    if pickup:
        t = ts + timedelta(hours=R.uniform(20, 80))
        if t < END:
            ship.append((f"SH{nxt('ship'):06d}", oid, p, "Self pickup", "", t, "picked_up", cat))
        return
    courier = "SF Express" if ts < COURIER_SWITCH else "Yunda"
    if p.hk:
        courier = "Kerry Express"
    t1 = ts + timedelta(hours=R.uniform(4, 30))
    if t1 >= END:
        return
    sid = f"SH{nxt('ship'):06d}"
    ship.append((sid, oid, p, "Delivery", courier, t1, "shipped", cat))
    days = R.uniform(1, 2.5) if courier != "Yunda" else R.uniform(1.5, 3.5)
    if channel == "Tmall" and inw(ts, DOUBLE11):
        days += R.uniform(1, 4)
    t2 = t1 + timedelta(days=days)
    if t2 < END:
        ship.append((sid, oid, p, "Delivery", courier, t2, "delivered", cat))
    bad = inw(ts, COURIER_BAD) and courier == "Yunda"
    if chance(0.2 if bad else 0.01):
        ticket(
            p,
            t2 + timedelta(hours=R.uniform(1, 30)),
            "Broken bottle",
            channel,
            mood=1.2 if bad else 0.6,
        )
    if chance(0.05 if bad else 0.02) or (channel == "Tmall" and inw(ts, DOUBLE11) and chance(0.05)):
        ticket(p, t1 + timedelta(days=R.uniform(2, 5)), "Late delivery", channel, mood=0.8)
    if chance(0.008):
        ticket(p, t2 + timedelta(hours=R.uniform(2, 60)), "Wrong vintage", channel, mood=0.7)


def ticket(p, ts, kind, channel, mood=0.0):
    if not within(ts):
        return
    via = (
        "Tmall 旺旺"
        if channel == "Tmall"
        else pick(["WeChat", "Phone", "Email"], [0.55, 0.3, 0.15])
    )
    fr = {
        "Tmall 旺旺": R.uniform(0.02, 0.4),
        "WeChat": R.uniform(0.05, 1.5),
        "Phone": R.uniform(0.01, 0.2),
        "Email": R.uniform(3, 26),
    }[via]
    if inw(ts, COURIER_BAD):
        fr *= 2.5
    res = (
        fr
        + {
            "Broken bottle": R.uniform(20, 96),
            "Late delivery": R.uniform(6, 48),
            "Wrong vintage": R.uniform(24, 120),
            "Invoice / fapiao": R.uniform(4, 72),
        }[kind]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = str(max(1, min(5, round(R.gauss(4.2 - mood, 0.8)))))
    tix.append(
        (
            f"T{nxt('tix'):06d}",
            p,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END else None,
            kind,
            via,
            csat,
        )
    )


def fapiao(p, ts, channel, value):
    if value > 800 and chance(0.04):
        ticket(p, ts + timedelta(days=R.uniform(1, 20)), "Invoice / fapiao", channel)


def online(p, d, plat, source, p_buy, cat=None):
    """A browsing session on the web shop or mini-program, maybe ending in an order."""
    t = at(d)
    if not within(t):
        return
    cat = cat or season_cat(t)
    if inw(t, EN_PRIMEUR) and chance(0.25):
        cat = "En Primeur"
    if inw(t, CNY_PEAK) or inw(t, XMAS):
        p_buy *= 1.5

    def log(ts, ev, **kw):
        if not within(ts):
            return False
        if plat == "web":
            if p.cookie is None:
                p.cookie = "c_" + h(f"ck{nxt('anon')}")[:16]
            web_ev.append(
                (ts, p.cookie, p.member or "", ev, source, cat, kw.get("coupon_code", ""))
            )
        else:
            if p.anon is None:
                p.anon = "mp_" + h(f"an{nxt('anon')}")[:14]
            mp.append((ts, p.anon, p.member or "", ev, source, cat, kw))
        return True

    log(t, "view_item" if plat == "web" else "product_view")
    for _i in range(R.choice([0, 1, 1, 2, 3])):
        t += timedelta(minutes=R.uniform(0.5, 4))
        log(t, "view_item" if plat == "web" else "product_view")
    if not chance(min(0.9, p_buy * 2.6)):
        return
    t += timedelta(minutes=R.uniform(1, 6))
    log(t, "add_to_cart" if plat == "web" else "add_cart")
    if not chance(0.62):
        return
    if p.member is None:
        join(p, t + timedelta(minutes=1), "Website" if plat == "web" else "Mini-program")
        log(t + timedelta(minutes=1.5), "sign_up" if plat == "web" else "login")
    elif plat == "mp" and chance(0.5):
        log(t + timedelta(minutes=1), "login")
    t += timedelta(minutes=R.uniform(2, 6))
    voucher = ""
    if chance(0.35 if (inw(t, CNY_PEAK) or inw(t, XMAS)) else 0.18):
        voucher = pick(["CNY2026", "CELLAR100", "WELCOME50", "XMAS2026"], [1, 2, 2, 1])
        if voucher == "CNY2026" and not inw(t, CNY_PEAK):
            voucher = "CELLAR100"
        if voucher == "XMAS2026" and not inw(t, XMAS):
            voucher = "WELCOME50"
        log(t, "apply_discount" if plat == "web" else "use_coupon", coupon_code=voucher)
        t += timedelta(minutes=1)
    log(t, "begin_checkout" if plat == "web" else "submit_order")
    if not chance(0.7 if plat == "web" else 0.78):
        return
    t += timedelta(minutes=R.uniform(1, 8))
    if not within(t):
        return
    value = price(cat, t) * R.choice([1, 1, 1, 2, 3, 6])
    disc = {
        "": 0,
        "CNY2026": round(value * 0.1),
        "CELLAR100": 100 if value > 600 else 0,
        "WELCOME50": 50,
        "XMAS2026": round(value * 0.12),
    }[voucher]
    value -= disc
    pickup = chance(0.12) and not p.hk
    if plat == "web":
        oid = f"#VL{nxt('web')}"
        cur = "HKD" if p.hk else "CNY"
        local = value / HKD_CNY if p.hk else value
        web_ord.append(
            (
                oid,
                p.member,
                t,
                cur,
                f"{local:.2f}",
                f"{value:.2f}",
                voucher,
                f"{disc:.2f}",
                "Store pickup" if pickup else ("Kerry Express" if p.hk else "Standard delivery"),
                "Hong Kong" if p.hk else "Shanghai",
                cat,
                source,
            )
        )
    else:
        oid = f"MP{t:%y%m%d}{nxt('mp'):05d}"
        log(t, "pay_success", order_no=oid, amount=round(value, 2))
    p.spend += value
    fulfil(p, oid, t, cat, "Website" if plat == "web" else "Mini-program", pickup)
    fapiao(p, t, "web", value)


def tmall_shopper(d, member=None):
    p = member or Person()
    if p.nick is None:
        p.nick = "tb_" + h(f"nick{len(people)}{R.random()}")[:9]
    t = at(d)
    if not within(t):
        return p
    cat = season_cat(t)
    value = price(cat, t) * R.choice([1, 1, 2, 2, 6])
    if inw(t, DOUBLE11):
        value = round(value * 0.8)
    oid = f"{R.randrange(10**17, 10**18)}"
    paid = t + timedelta(minutes=R.uniform(0.3, 20))
    status = "交易成功"
    if chance(0.06):
        status = "交易关闭"
    tmall.append(
        (
            oid,
            p.nick,
            t,
            paid if status == "交易成功" else None,
            f"{value:.2f}",
            status,
            cat,
            pick(
                ["上海", "江苏", "浙江", "北京", "广东", "其他"],
                [0.35, 0.15, 0.15, 0.12, 0.1, 0.13],
            ),
        )
    )
    if status == "交易成功":
        p.spend += value
        fulfil(p, oid, paid, cat, "Tmall")
    return p


def room_visit(p, d, room):
    t = at(d, ROOM_HOURS)
    if not within(t) or (room == "Hong Kong Central" and t < HK_OPEN):
        return
    cat = season_cat(t)
    value = price(cat, t) * R.choice([1, 1, 2, 3, 6, 12])
    if chance(0.25) and p.member is None:
        join(p, t, "Tasting Room")
    hk = room == "Hong Kong Central"
    pos.append(
        (
            f"R{nxt('pos'):07d}",
            room,
            t,
            p.member or "",
            "" if p.member else p.phone,
            f"{value / HKD_CNY if hk else value:.2f}",
            "HKD" if hk else "CNY",
            f"{value:.2f}",
            cat,
        )
    )
    p.spend += value
    fapiao(p, t, "pos", value)


EVENTS = [
    ("Burgundy Masterclass", 388),
    ("Champagne Night", 298),
    ("Bordeaux En-Primeur Preview", 588),
    ("Natural Wine Social", 198),
    ("Wine & Dim Sum", 258),
    ("Christmas Gift Tasting", 198),
]


def buy_event(p, d, room):
    name, fee = R.choice(EVENTS[:5])
    if inw(datetime(d.year, d.month, d.day), EN_PRIMEUR) and chance(0.5):
        name, fee = EVENTS[2]
    if datetime(d.year, d.month, d.day) >= datetime(2026, 11, 20) and chance(0.5):
        name, fee = EVENTS[5]
    t = at(d)
    ev_day = t + timedelta(days=R.uniform(3, 20))
    if not within(t):
        return
    if room == "Hong Kong Central" and ev_day < HK_OPEN:
        room = "Xintiandi"
    etix.append(
        (
            f"EV{nxt('et'):05d}",
            name,
            room,
            t,
            datetime(ev_day.year, ev_day.month, ev_day.day, 19, 30),
            p.phone,
            f"{fee * (1 / HKD_CNY if room == 'Hong Kong Central' else 1):.0f}",
            "HKD" if room == "Hong Kong Central" else "CNY",
            "Y" if chance(0.86) else "N",
            fee,
        )
    )


def traffic(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() >= 5:
        w *= 1.2
    if inw(dt, CNY_PEAK):
        w *= 2.1 if dt < datetime(2026, 2, 10) else 2.6
    if datetime(2026, 2, 17) <= dt < datetime(2026, 2, 24):
        w *= 0.5  # holiday week
    if inw(dt, EN_PRIMEUR):
        w *= 1.3
    if inw(dt, XMAS):
        w *= 1.9
    return w


def simulate():
    # existing Cellar Club members
    for _ in range(2300):
        p = Person(hk=chance(0.12))
        p.member = f"VL{nxt('m')}"
        p.joined = START - timedelta(days=R.uniform(20, 1500))
        p.acq = pick(
            ["Tasting Room", "Website", "Mini-program", "Tmall", "Tasting Events"], [3, 2, 2, 1, 1]
        )
        crm.append(p)
        if chance(0.3):
            p.nick = "tb_" + h(f"mnick{p.member}")[:9]
        p.room = "Hong Kong Central" if p.hk else R.choice(SH_ROOMS)
        p.freq = R.choice([0.6, 1, 2, 3, 5, 8])
    members0 = list(crm)
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        w = traffic(d)
        # new online shoppers
        for _ in range(poisson(4.5 * w)):
            p = Person(hk=(dt >= HK_OPEN and chance(0.12)) or chance(0.03))
            src = pick(["google", "instagram", "direct", "organic", "wechat"], [3, 2, 3, 2, 1])
            online(p, d, "web", src, 0.06)
            if chance(0.15):
                online(p, d + timedelta(days=R.randrange(1, 20)), "web", "direct", 0.1)
        for _ in range(poisson(6.5 * w)):
            p = Person()
            src = pick(["朋友圈广告", "公众号文章", "好友分享", "小程序搜索"], [3, 2, 2, 1])
            online(p, d, "mp", src, 0.07)
            if chance(0.2):
                online(p, d + timedelta(days=R.randrange(1, 15)), "mp", "好友分享", 0.12)
        # Tmall
        tw = w
        if inw(dt, DOUBLE11):
            tw *= 3.0 if d.day != 11 or d.month != 11 else 14.0
        for _ in range(poisson(4.5 * tw)):
            tmall_shopper(d)
        # tasting rooms: walk-ins
        rooms = SH_ROOMS + (["Hong Kong Central"] if dt >= HK_OPEN else [])
        for room in rooms:
            lam = (
                0.8 * (1.5 if d.weekday() >= 5 else 1) * (2.5 if room == "Hong Kong Central" else 1)
            )
            if inw(dt, CNY_PEAK) or inw(dt, XMAS):
                lam *= 1.6
            for _ in range(poisson(lam)):
                p = Person(hk=room == "Hong Kong Central")
                room_visit(p, d, room)
        if dt >= HK_OPEN:
            for _ in range(poisson(1.2)):
                p = Person(hk=True)
                online(p, d, "web", pick(["instagram", "google"], [2, 1]), 0.08)
        for _ in range(poisson(0.8)):
            buy_event(Person(), d, R.choice(rooms))
    # members' year
    for p in members0:
        n = poisson(p.freq)
        for _ in range(n):
            d = (START + timedelta(days=R.randrange(N_DAYS))).date()
            if chance(0.15):
                d = (CNY_PEAK[0] + timedelta(days=R.randrange(25))).date()
            where = pick(["web", "mp", "room", "tmall", "event"], [3, 3, 3, 1 if p.nick else 0, 1])
            if where == "room":
                room_visit(p, d, p.room if p.hk or chance(0.7) else R.choice(SH_ROOMS))
            elif where == "tmall":
                tmall_shopper(d, p)
            elif where == "event":
                buy_event(p, d, p.room)
            else:
                online(p, d, where, "direct" if where == "web" else "公众号文章", 0.25)
        if p.member and p.freq >= 2 and chance(0.2):
            d = (EN_PRIMEUR[0] + timedelta(days=R.randrange(29))).date()
            online(p, d, "web", "email" if chance(0.5) else "direct", 0.5, cat="En Primeur")


def tier(p):
    s = p.spend
    if not p.member:
        return ""
    base = {"Gold": 25000, "Silver": 8000, "Bronze": 0}
    s += R.uniform(0, 6000) if p.joined < START else 0
    return "Gold" if s >= base["Gold"] else "Silver" if s >= base["Silver"] else "Bronze"


def write(folder: Path):
    def iso8(ts):
        return f"{ts:%Y-%m-%dT%H:%M:%S}+08:00"

    def ms(ts):  # naive Shanghai local -> epoch milliseconds UTC
        return int((ts - timedelta(hours=8)).replace(tzinfo=UTC).timestamp() * 1000) + R.randrange(
            1000
        )

    with open(folder / "web_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "occurred_at",
                "client_id",
                "customer_id",
                "event_name",
                "utm_source",
                "product_type",
                "discount_code",
            ]
        )
        for r in sorted(web_ev, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([iso8(r[0]), *list(r[1:])])
    with open(folder / "web_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Name",
                "Customer ID",
                "Created at",
                "Currency",
                "Total",
                "Total (CNY)",
                "Discount Code",
                "Discount Amount",
                "Shipping Method",
                "Shipping City",
                "Lineitem product_type",
                "Referring Site",
            ]
        )
        for r in sorted(web_ord, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], iso8(r[2]), *list(r[3:])])
    with open(folder / "tmall_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "买家会员名",
                "订单创建时间",
                "订单付款时间",
                "买家实际支付金额",
                "订单状态",
                "宝贝类目",
                "收货省份",
            ]
        )
        for r in sorted(tmall, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%Y-%m-%d %H:%M:%S}",
                    f"{r[3]:%Y-%m-%d %H:%M:%S}" if r[3] else "",
                    r[4],
                    r[5],
                    {
                        "Red": "红葡萄酒",
                        "White": "白葡萄酒",
                        "Sparkling": "起泡酒",
                        "Gift Box": "礼盒",
                        "Fine Wine": "名庄酒",
                    }[r[6]],
                    r[7],
                ]
            )
    with open(folder / "miniprogram_log.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "ts": ms(r[0]),
                "anon_id": r[1],
                "member_no": r[2] or None,
                "event": r[3],
                "scene": r[4],
                "category": r[5],
            }
            obj.update(r[6])
            # the team's small ETL step: ingest cannot read epoch numbers, so add an ISO UTC copy
            obj["event_time_utc"] = (
                datetime.fromtimestamp(obj["ts"] / 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[
                    :-3
                ]
                + "Z"
            )
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "pos_receipts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Receipt No",
                "Store",
                "Date",
                "Member No",
                "Phone Hash",
                "Amount",
                "Currency",
                "Amount CNY",
                "Category",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%d/%m/%Y %H:%M}", *list(r[3:])])
    with open(folder / "event_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "event_name",
                "venue",
                "purchased_at",
                "event_start",
                "buyer_phone_hash",
                "price",
                "currency",
                "checked_in",
                "price_cny",
            ]
        )
        for r in sorted(etix, key=lambda r: (r[3], r[0])):
            w.writerow(
                [r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M}", f"{r[4]:%Y-%m-%d %H:%M}", *list(r[5:])]
            )
    with open(folder / "event_checkins.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["ticket_no", "event_name", "venue", "checked_in_at", "buyer_phone_hash"])
        for r in sorted(etix, key=lambda r: (r[4], r[0])):
            if r[8] == "Y" and r[4] < END:
                w.writerow(
                    [
                        r[0],
                        r[1],
                        r[2],
                        f"{r[4] + timedelta(minutes=R.randrange(-20, 25)):%Y-%m-%d %H:%M}",
                        r[5],
                    ]
                )
    with open(folder / "crm_members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["member_no", "joined_on", "tier", "city", "join_source", "tmall_nick", "phone_hash"]
        )
        for p in sorted(crm, key=lambda p: p.member):
            w.writerow(
                [
                    p.member,
                    f"{p.joined:%Y-%m-%d %H:%M:%S}",
                    tier(p),
                    "Hong Kong" if p.hk else "Shanghai",
                    p.acq,
                    p.nick or "",
                    p.phone,
                ]
            )
    with open(folder / "crm_join_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_no", "joined_on", "join_source"])
        for p in sorted(crm, key=lambda p: p.member):
            if within(p.joined):
                w.writerow([p.member, f"{p.joined:%Y-%m-%d %H:%M:%S}", p.acq])
    with open(folder / "shipments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "shipment_id",
                "order_ref",
                "member_no",
                "tmall_nick",
                "method",
                "courier",
                "status",
                "status_time",
                "category",
            ]
        )
        for sid, oid, p, meth, cour, ts, st, cat in sorted(ship, key=lambda r: (r[5], r[0], r[6])):
            w.writerow(
                [
                    sid,
                    oid,
                    p.member or "" if not oid[0].isdigit() else "",
                    p.nick if oid[0].isdigit() else "",
                    meth,
                    cour,
                    st,
                    f"{ts:%Y/%m/%d %H:%M}",
                    cat,
                ]
            )

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "service_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket ID",
                "Member No",
                "Tmall Nick",
                "Phone Hash",
                "Created",
                "First Reply",
                "Solved",
                "Type",
                "Via",
                "Satisfaction",
            ]
        )
        for tid, p, ts, fr, sv, kind, via, cs in sorted(tix, key=lambda r: r[0]):
            nick = p.nick if via == "Tmall 旺旺" else ""
            mem = "" if nick else (p.member or "")
            w.writerow(
                [
                    tid,
                    mem,
                    nick,
                    "" if (mem or nick) else p.phone,
                    fmt(ts),
                    fmt(fr),
                    fmt(sv),
                    kind,
                    via,
                    cs,
                ]
            )
    with open(folder / "ad_spend_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        base = {"天猫直通车": 38000, "朋友圈广告": 30000, "Google Ads": 16000, "Instagram": 12000}
        for m in range(12):
            y, mo = (2025, 12) if m == 0 else (2026, m)
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if mo in (1, 2) and y == 2026:
                    f_ *= 1.8
                if mo == 11 and ch == "天猫直通车":
                    f_ *= 3.0
                if mo == 6 and ch in ("Google Ads", "Instagram"):
                    f_ *= 1.5
                if mo >= 9 and ch == "Instagram":
                    f_ *= 1.6  # HK launch
                w.writerow([f"{y}-{mo:02d}", ch, f"{amt * f_:.0f}"])


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="wineshop-src-") as tmp:
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
