"""Waterdrop evaluation domain: 清泉送水 (QingQuan Water), bottled water delivery (GZ / FS / ZH).

    python generate.py OUT.duckdb

Writes QingQuan's own exports (seeded: the same files every run) to a temporary folder —

  members.csv             mini-program members (member_id, phone_hash, local time, city, station)
  mp_events.csv           mini-program tracking: openid, member_id after login, UTC Z
  orders.csv              order system (English columns, ISO UTC, amounts in 分)
  hotline_calls.csv       hotline call log (Chinese headers, 'YYYY-MM-DD HH:mm' local)
  delivery_app.jsonl      courier app: accepted/picked/delivered/failed, epoch seconds
  water_tickets.csv       水票 ledger: purchases and redemptions ('YYYY/MM/DD HH:MM:SS' local)
  meituan_orders.csv      美团 merchant export (Chinese headers, 美团用户ID only)
  complaints.csv          complaint tickets (local ISO)
  marketing_monthly.csv   monthly marketing sheet in 元 (美团推广, 社区团长佣金, 小区地推)

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

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
ZHUHAI_OPEN = datetime(2026, 4, 1)
PROMO = (datetime(2026, 3, 1), datetime(2026, 4, 1))  # 水票 买30送5
TYPHOON = (datetime(2026, 9, 15), datetime(2026, 9, 18))  # deliveries halted 15-17 Sep
RESUME = datetime(2026, 9, 18, 8, 0)
PRICE_RISE = datetime(2026, 10, 1)  # bucket 18 -> 20 元
GUOQING = (datetime(2026, 10, 1), datetime(2026, 10, 9))
CNY = (datetime(2026, 2, 12), datetime(2026, 2, 25))

R = random.Random(SEED)

STATIONS = {
    "广州": [f"GZ{i:02d}" for i in range(1, 31)],
    "佛山": [f"FS{i:02d}" for i in range(1, 15)],
    "珠海": [f"ZH{i:02d}" for i in range(1, 7)],
}
COURIERS = {s: [f"QS-{s}-{k}" for k in range(1, 5)] for c in STATIONS.values() for s in c}
SOURCES = ["oa_menu", "wx_search", "leader_share", "ditui_qr", "friend_share"]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def h(text, n=12):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


def season(d):
    m = d.month
    f = {
        5: 1.35,
        6: 1.55,
        7: 1.75,
        8: 1.75,
        9: 1.45,
        10: 1.05,
        11: 0.9,
        12: 0.8,
        1: 0.75,
        2: 0.75,
        3: 0.85,
        4: 1.0,
    }[m]
    if inw(d, CNY):
        f *= 0.4
    if inw(d, TYPHOON):
        f *= 0.35
    return f


HOURS = [
    0.1,
    0,
    0,
    0,
    0,
    0.1,
    0.4,
    1.5,
    3,
    3.5,
    3.2,
    2.8,
    2,
    2.2,
    2.8,
    3,
    2.8,
    2.6,
    2.8,
    2.6,
    2,
    1.2,
    0.6,
    0.2,
]
OFFICE_HOURS = [0] * 8 + [2, 4, 4, 2.5, 1, 2, 3, 2.5, 1.5, 0.5] + [0] * 6


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def bucket_price(ts, meituan=False):
    base = 1800 if ts < PRICE_RISE else 2000
    return base + (300 if meituan else 0)


def ticket_price(ts, size):
    if ts < PRICE_RISE:
        return {10: 17000, 30: 48000, 50: 75000}[size]
    return {10: 19000, 30: 54000, 50: 85000}[size]


members, mp, orders, calls, deliv, ledger, mt, tickets = ([] for _ in range(8))
seq = {"m": 100000, "o": 0, "call": 0, "tk": 0, "led": 0, "mt": 0, "task": 0, "open": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city, kind):
        self.city = city
        self.kind = kind  # home / office
        self.station = R.choice(STATIONS[city])
        self.openid = None
        self.member = None
        self.phone = None
        self.mt = None
        self.tickets = 0
        self.deposit = 0
        self.bad = 0.0


def mp_event(p, ts, name, source="", logged_in=True, goods=""):
    if not within(ts):
        return
    if p.openid is None:
        p.openid = "oQ" + h(f"open{nxt('open')}", 16)
    mp.append((ts, p.openid, p.member if logged_in and p.member else "", name, source, goods))


def deliver(p, oid, ts, ref, meituan=False):
    """Courier app events for one order; returns (delivered_ts or None)."""
    start = ts
    if start.hour >= 20:
        start = datetime(start.year, start.month, start.day, 8, R.randrange(30)) + timedelta(days=1)
    elif start.hour < 8:
        start = datetime(start.year, start.month, start.day, 8, R.randrange(30))
    if inw(start, TYPHOON):
        start = RESUME + timedelta(minutes=R.uniform(0, 300))
    courier = R.choice(COURIERS[p.station])
    hot = 1.3 if start.month in (6, 7, 8) else 1.0
    acc = start + timedelta(
        minutes=R.uniform(1, 12) * (1.6 if meituan and start.month >= 6 else 1.0)
    )
    pickt = acc + timedelta(minutes=R.uniform(5, 25) * hot)
    lag = R.lognormvariate(math.log(35), 0.45) * hot
    if start >= RESUME and start < RESUME + timedelta(days=2):
        lag *= 2.2  # backlog after the typhoon
    done = pickt + timedelta(minutes=lag)
    task = f"T{nxt('task'):07d}"
    for st, t in (("accepted", acc), ("picked", pickt)):
        if within(t):
            deliv.append(
                (
                    task,
                    oid,
                    courier,
                    p.station,
                    st,
                    t,
                    p.member or "",
                    p.mt or "",
                    ref,
                    p.phone or "",
                )
            )
    if not within(done):
        return None
    if chance(0.015):
        deliv.append(
            (
                task,
                oid,
                courier,
                p.station,
                "failed",
                done,
                p.member or "",
                p.mt or "",
                ref,
                p.phone or "",
            )
        )
        return None
    deliv.append(
        (
            task,
            oid,
            courier,
            p.station,
            "delivered",
            done,
            p.member or "",
            p.mt or "",
            ref,
            p.phone or "",
        )
    )
    return done


def complaint(p, ts, cat, ch, oid=""):
    if not within(ts):
        return
    fr = R.uniform(0.1, 3) if ch == "热线" else R.uniform(0.5, 20)
    if inw(ts, (RESUME - timedelta(days=3), RESUME + timedelta(days=4))):
        fr *= 3
    res = (
        fr
        + {
            "送水超时": R.uniform(1, 24),
            "水桶不洁": R.uniform(4, 48),
            "押金未退": R.uniform(24, 240),
            "饮水机故障": R.uniform(12, 96),
            "服务态度": R.uniform(2, 48),
        }[cat]
    )
    closed = ts + timedelta(hours=res)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(3.6 if cat != "押金未退" else 2.6, 1.0))))
    tickets.append(
        (
            f"TS{nxt('tk'):06d}",
            p.member or "",
            p.phone or "",
            p.mt or "",
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END and chance(0.96) else None,
            cat,
            ch,
            oid,
            csat,
        )
    )
    p.bad += 0.5


def after_order(p, oid, ts, ch, meituan=False):
    done = deliver(p, oid, ts, ch, meituan)
    if done is None:
        return
    late = (done - ts) > timedelta(hours=2) and 8 <= ts.hour < 20
    if late and chance(0.16 if inw(ts, TYPHOON) or ts.date() == RESUME.date() else 0.07):
        complaint(
            p,
            done + timedelta(minutes=R.uniform(5, 90)),
            "送水超时",
            "美团" if meituan else pick(["热线", "小程序"], [0.6, 0.4]),
            oid,
        )
    elif chance(0.004 * (1.8 if done.month in (7, 8) else 1.0)):
        complaint(
            p,
            done + timedelta(hours=R.uniform(0.5, 30)),
            "水桶不洁",
            "美团" if meituan else pick(["热线", "小程序"], [0.5, 0.5]),
            oid,
        )
    elif chance(0.0015):
        complaint(
            p,
            done + timedelta(hours=R.uniform(1, 30)),
            "服务态度",
            "热线" if not meituan else "美团",
            oid,
        )


def place_order(p, ts, channel):
    if not within(ts):
        return
    qty = R.choice([2, 3, 3, 4, 5, 6]) if p.kind == "office" else R.choice([1, 1, 1, 2])
    product = "BKT189" if chance(0.85) else "CASE24"
    oid = f"QQ{ts:%y%m%d}{nxt('o'):06d}"
    pay, amount = "wxpay", 0
    if product == "BKT189":
        if p.tickets >= qty:
            p.tickets -= qty
            pay = "water_ticket"
            ledger.append(
                (
                    f"L{nxt('led'):07d}",
                    p.member,
                    ts + timedelta(seconds=R.randint(2, 30)),
                    "核销",
                    "",
                    -qty,
                    0,
                    "",
                )
            )
        else:
            amount = bucket_price(ts) * qty
            if channel == "hotline" and chance(0.4):
                pay = "cash"
    else:
        amount = (3600 if ts < PRICE_RISE else 3800) * qty
    dep = 0
    if product == "BKT189" and p.deposit < min(qty, 3):
        dep = (min(qty, 3) - p.deposit) * 5000
        p.deposit = min(qty, 3)
    if channel == "miniapp":
        mp_event(p, ts - timedelta(minutes=R.uniform(2, 6)), "app_launch")
        mp_event(p, ts - timedelta(minutes=R.uniform(1, 2)), "view_goods", goods=product)
        mp_event(p, ts - timedelta(seconds=R.uniform(20, 50)), "add_cart", goods=product)
    else:
        call(p, ts - timedelta(minutes=R.uniform(1, 4)), "订水", True)
    orders.append(
        (
            oid,
            p.member or "",
            p.phone if channel == "hotline" else "",
            ts,
            channel,
            "water",
            product,
            qty,
            amount,
            pay,
            dep,
            p.station,
            p.city,
            p.kind,
        )
    )
    after_order(p, oid, ts, channel)


def call(p, ts, kind, answered):
    if not within(ts):
        return
    calls.append(
        (
            f"CL{nxt('call'):07d}",
            p.phone,
            ts,
            kind,
            R.randint(40, 400) if answered else 0,
            "是" if answered else "否",
            p.station,
        )
    )


def buy_tickets(p, ts, channel):
    if not within(ts):
        return
    promo = inw(ts, PROMO)
    size = pick([10, 30, 50], [0.45, 0.55, 0.1] if promo else [0.55, 0.3, 0.15])
    if p.kind == "office":
        size = pick([30, 50], [0.4, 0.6])
    bonus = 5 if promo and size == 30 else 0
    p.tickets += size + bonus
    if channel == "miniapp":
        mp_event(p, ts - timedelta(minutes=R.uniform(1, 4)), "view_ticket_page")
    ledger.append(
        (
            f"L{nxt('led'):07d}",
            p.member,
            ts,
            "购买",
            f"{size}桶",
            size + bonus,
            ticket_price(ts, size),
            "买30送5" if bonus else "",
        )
    )


def register(p, ts, source):
    p.member = f"M{nxt('m')}"
    if p.phone is None:
        p.phone = "ph_" + h(f"phone{p.member}", 10)
    members.append((p.member, p.phone, ts, p.city, p.station, p.kind, source))


def rate(p, d):
    if p.kind == "office":
        r = 1 / 6.5
        if d.weekday() >= 5:
            r *= 0.15
        if inw(d, GUOQING):
            r *= 0.12
        return r * (0.6 + 0.4 * season(d))
    return (1 / 13) * season(d)


def customer(kind, existing):
    city = pick(["广州", "佛山", "珠海"], [0.58, 0.3, 0.12])
    p = Person(city, kind)
    if existing:
        if city == "珠海":
            p.city, p.station = "广州", R.choice(STATIONS["广州"])
        join = START - timedelta(days=R.uniform(10, 900))
    else:
        lo = ZHUHAI_OPEN if city == "珠海" else START
        span = (END - lo).days
        join = lo + timedelta(days=R.uniform(0, span))
        if city == "珠海" and chance(0.35):
            join = ZHUHAI_OPEN + timedelta(days=R.uniform(0, 30))  # launch push
    phone_only = kind == "home" and chance(0.18)
    source = pick(SOURCES, [0.25, 0.2, 0.25, 0.2, 0.1])
    if city == "珠海" and join < ZHUHAI_OPEN + timedelta(days=45) and chance(0.5):
        source = "ditui_qr"
    jd = join.date()
    t0 = at(jd) if kind == "home" else at(jd, OFFICE_HOURS)
    if phone_only:
        p.phone = "ph_" + h(f"phoneonly{nxt('open')}", 10)
    elif existing:
        register(p, join, source)
    else:
        mp_event(p, t0, "app_launch", source, logged_in=False)
        mp_event(
            p,
            t0 + timedelta(seconds=R.uniform(20, 90)),
            "view_goods",
            logged_in=False,
            goods="BKT189",
        )
        if not chance(0.72 if source != "ditui_qr" else 0.82):
            return p  # a visitor who never registered
        register(p, t0 + timedelta(minutes=R.uniform(1, 5)), source)
        mp_event(p, t0 + timedelta(minutes=R.uniform(5, 6)), "register")
        if not chance(0.85):
            return p
    life = R.expovariate(1 / (320 if kind == "office" else 210))
    end = min(END, join + timedelta(days=life))
    start = max(START, join)
    ticket_user = not phone_only and chance(0.45 if kind == "office" else 0.28)
    disp = not phone_only and chance(0.2 if kind == "office" else 0.07)
    d = start.date()
    first = not existing
    if disp:
        t = max(start, datetime(d.year, d.month, d.day, 9)) + timedelta(minutes=R.uniform(10, 300))
        if within(t) and t < end:
            typ = "dispenser_rent" if kind == "office" or chance(0.5) else "dispenser_buy"
            oid = f"QQ{t:%y%m%d}{nxt('o'):06d}"
            amt = 3000 if typ == "dispenser_rent" else 29900
            mp_event(p, t - timedelta(minutes=2), "view_dispenser")
            orders.append(
                (
                    oid,
                    p.member,
                    "",
                    t,
                    "miniapp",
                    typ,
                    "DISP",
                    1,
                    amt,
                    "wxpay",
                    0,
                    p.station,
                    p.city,
                    kind,
                )
            )
            after_order(p, oid, t, "miniapp")
            if chance(0.05):
                complaint(
                    p,
                    t + timedelta(days=R.uniform(3, 60)),
                    "饮水机故障",
                    pick(["热线", "小程序"], [0.6, 0.4]),
                )
    while d < end.date():
        dd = datetime(d.year, d.month, d.day)
        r = rate(p, dd) * (3 if first else 1)
        if p.bad > 0:
            r *= max(0.3, 1 - p.bad)
        if chance(r):
            t = at(d, OFFICE_HOURS if kind == "office" else HOURS)
            if t >= start:
                ch = (
                    "hotline"
                    if phone_only or chance(0.15 if kind == "home" else 0.3)
                    else "miniapp"
                )
                if ticket_user and p.tickets < 3 and ch == "miniapp" and (not first or chance(0.3)):
                    buy_tickets(p, t - timedelta(minutes=R.uniform(1, 10)), ch)
                elif ticket_user and p.tickets < 3 and inw(dd, PROMO) and chance(0.5):
                    buy_tickets(p, t - timedelta(minutes=R.uniform(1, 10)), "miniapp")
                place_order(p, t, ch)
                first = False
        d += timedelta(days=1)
    # leaving: ask for the bucket deposit back
    if end < END and p.deposit and chance(0.5):
        t = at(end.date() + timedelta(days=R.randint(1, 20)))
        if within(t):
            if p.phone:
                call(p, t, "退押金", chance(0.9))
            if chance(0.82):
                rt = t + timedelta(days=R.uniform(1, 12))
                if within(rt):
                    orders.append(
                        (
                            f"RF{rt:%y%m%d}{nxt('o'):06d}",
                            p.member or "",
                            p.phone or "",
                            rt,
                            "hotline",
                            "deposit_refund",
                            "",
                            p.deposit,
                            0,
                            "",
                            -5000 * p.deposit,
                            p.station,
                            p.city,
                            kind,
                        )
                    )
            else:
                complaint(p, t + timedelta(days=R.uniform(7, 25)), "押金未退", "热线")
    # ordinary enquiries
    if p.phone and chance(0.15):
        call(p, at(start.date() + timedelta(days=R.randint(0, 200))), "咨询", chance(0.93))
    return p


def meituan_buyer():
    city = pick(["广州", "佛山", "珠海"], [0.6, 0.28, 0.12])
    p = Person(city, "home")
    p.mt = "MT" + h(f"mt{nxt('mt')}", 9).upper()
    lo = ZHUHAI_OPEN if city == "珠海" else START
    first = lo + timedelta(days=R.uniform(0, (END - lo).days))
    n = 1 + int(R.expovariate(1 / 1.8))
    t = at(first.date())
    for _ in range(n):
        if not within(t):
            break
        qty = R.choice([1, 1, 2])
        prod = pick(["清泉18.9L桶装水", "清泉550ml*24瓶整箱"], [0.7, 0.3])
        oid = f"MT{t:%Y%m%d}{R.randrange(10**8):08d}"
        price = (
            bucket_price(t, True)
            if prod.startswith("清泉18")
            else (3900 if t < PRICE_RISE else 4200)
        )
        status = pick(["已完成", "已取消", "已退款"], [0.93, 0.05, 0.02])
        mt.append((oid, p.mt, t, prod, qty, price * qty / 100, p.station, status))
        if status != "已取消":
            after_order(p, oid, t, "meituan", meituan=True)
        gap = R.expovariate(1 / 25) / season(t)
        t = at((t + timedelta(days=2 + gap)).date())


def simulate():
    for _ in range(1900):
        customer("home", True)
    for _ in range(330):
        customer("office", True)
    for _ in range(3400):
        customer("home", False)
    for _ in range(420):
        customer("office", False)
    for _ in range(1300):
        meituan_buyer()


def write(folder: Path):
    def utc(ts):  # naive Shanghai local -> UTC ISO with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%SZ}"

    def epoch(ts):
        return int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds())

    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "member_id",
                "phone_hash",
                "registered_at",
                "city",
                "home_station",
                "customer_type",
                "reg_source",
            ]
        )
        for r in sorted(members, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%Y-%m-%d %H:%M:%S}",
                    r[3],
                    r[4],
                    {"home": "家庭", "office": "办公"}[r[5]],
                    r[6],
                ]
            )
    with open(folder / "mp_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["event_time", "openid", "member_id", "event", "utm_source", "goods_code"])
        for r in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([utc(r[0]), *r[1:]])
    with open(folder / "orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_id",
                "member_id",
                "caller_phone_hash",
                "created_at",
                "order_channel",
                "order_type",
                "sku",
                "qty",
                "amount_fen",
                "pay_method",
                "deposit_fen",
                "station_id",
                "city",
                "customer_type",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], utc(r[3]), *r[4:]])
    with open(folder / "hotline_calls.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["通话编号", "来电号码", "来电时间", "来电类型", "通话时长(秒)", "是否接通", "所属站点"]
        )
        for r in sorted(calls, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M}", r[3], r[4], r[5], r[6]])
    with open(folder / "delivery_app.jsonl", "w") as f:
        for task, oid, courier, st, status, ts, mem, mtu, ref, ph in sorted(
            deliv, key=lambda r: (r[5], r[0], r[4])
        ):
            obj = {
                "task_id": task,
                "order_ref": oid,
                "courier_id": courier,
                "station": st,
                "status": status,
                "ts": epoch(ts),
                "member_id": mem or None,
                "mt_user": mtu or None,
                "contact_phone": ph or None,
                "src": ref,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "water_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ledger_id",
                "member_id",
                "txn_time",
                "txn_type",
                "bundle",
                "buckets",
                "amount_yuan",
                "promo",
            ]
        )
        for r in sorted(ledger, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        f"{r[2]:%Y/%m/%d %H:%M:%S}",
                        r[3],
                        r[4],
                        r[5],
                        f"{r[6] / 100:.2f}",
                        r[7],
                    ]
                )
    with open(folder / "meituan_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "美团用户ID",
                "下单时间",
                "商品名称",
                "数量",
                "实付金额(元)",
                "门店",
                "订单状态",
            ]
        )
        for r in sorted(mt, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%Y-%m-%d %H:%M:%S}",
                    r[3],
                    r[4],
                    f"{r[5]:.2f}",
                    f"清泉送水({r[6]}站)",
                    r[7],
                ]
            )

    def loc(ts):
        return f"{ts:%Y-%m-%dT%H:%M:%S}" if ts else ""

    with open(folder / "complaints.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "member_id",
                "phone_hash",
                "mt_user",
                "opened_at",
                "first_reply_at",
                "closed_at",
                "category",
                "source_channel",
                "order_ref",
                "satisfaction",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [r[0], r[1], r[2], r[3], loc(r[4]), loc(r[5]), loc(r[6]), r[7], r[8], r[9], r[10]]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "费用(元)"])
        m = date(2025, 12, 1)
        while m < END.date():
            s = season(datetime(m.year, m.month, 15))
            w.writerow([f"{m:%Y-%m}", "美团推广", f"{R.uniform(7000, 9000) * s:.2f}"])
            w.writerow(
                [f"{m:%Y-%m}", "社区团长佣金", f"{R.uniform(5000, 6500) * (0.7 + 0.3 * s):.2f}"]
            )
            ditui = R.uniform(3000, 4500) + (18000 if m.month == 4 and m.year == 2026 else 0)
            w.writerow([f"{m:%Y-%m}", "小区地推", f"{ditui:.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="waterdrop-src-") as tmp:
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
