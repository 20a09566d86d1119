"""Movers evaluation domain: 安心搬家 (AnXin Movers), Beijing, Tianjin, Shijiazhuang.

    python generate.py OUT.duckdb

Writes AnXin's own exports (seeded: the same files every run) to a temporary folder —

  orders_export.csv       order system: quotes, bookings, cancellations, completed moves
                          (English columns, ISO UTC times with Z, amounts in 分)
  customers.csv           order system customer list (phone hash, city, customer type)
  dispatch_log.csv        调度日志: Chinese headers, 'YYYY/MM/DD HH:mm' Beijing time, 车牌, 班组
  leads_58.csv            58同城 lead export: phone hash, lead time 'MM-DD-YYYY HH:mm'
  miniapp_events.jsonl    WeChat mini-program log: anonymous id, phone hash after login, epoch ms
  payments.csv            payments: 定金 / 尾款 / 退款 / 理赔赔付, in 元, local time
  crew_ratings.csv        crew ratings 1-5 after the move
  claims_complaints.csv   客诉与理赔: opened / first reply / closed, type, channel, claim amount
  marketing_monthly.csv   monthly marketing sheet (58同城, 美团推广, 抖音), in 元

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
END = datetime(2026, 12, 7)  # as_of; data ends the day before
N_DAYS = (END - START).days
PEAK = (datetime(2026, 6, 20), datetime(2026, 8, 1))  # graduation + lease renewal
TIANJIN_DEPOT = datetime(2026, 3, 16)  # Tianjin depot opens
RAIN = (datetime(2026, 7, 28), datetime(2026, 8, 3))  # heavy rain 28 Jul - 2 Aug
FUEL = datetime(2026, 9, 1)  # fuel surcharge from September
DOUYIN = (datetime(2026, 10, 1), datetime(2026, 11, 1))  # 抖音 campaign
OFFICE = (datetime(2026, 12, 1), datetime(2026, 12, 7))  # year-end office moves (+ late Nov)

R = random.Random(SEED)

CITIES = ["北京", "天津", "石家庄"]
PLATE_PREFIX = {"北京": "京A", "天津": "津B", "石家庄": "冀A"}
TRUCKS = ["小面包车", "中厢货", "大厢货"]
TRUCK_CODE = {"小面包车": "VAN_S", "中厢货": "BOX_M", "大厢货": "BOX_L"}
BASE_FEN = {"小面包车": 30000, "中厢货": 50000, "大厢货": 80000}
DEPOSIT_FEN = {"小面包车": 10000, "中厢货": 20000, "大厢货": 30000}
# order system source codes
SRC = ["58tc", "meituan", "douyin", "miniapp", "referral"]
SRC_W = [0.32, 0.26, 0.12, 0.2, 0.1]
BOOK_P = {"58tc": 0.5, "meituan": 0.55, "douyin": 0.3, "miniapp": 0.6, "referral": 0.7}


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


HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.5,
    3,
    4,
    4.5,
    4,
    3.5,
    3.5,
    4,
    4,
    3.8,
    3.5,
    3.2,
    3.8,
    4.2,
    3.8,
    2.2,
    0.8,
]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


orders, customers, dispatch, leads, mp, pays, ratings, cases = ([] for _ in range(8))
seq = {"cust": 0, "order": 0, "lead": 0, "anon": 0, "case": 0, "pay": 0, "disp": 0}
people = []


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city, ctype):
        self.city = city
        self.ctype = ctype
        self.phone = None
        self.anon = None
        self.created = None
        self.src = None


def login(p, ts):
    if p.phone is None:
        p.phone = h(f"phone{nxt('cust')}")[:16]
    if p.created is None:
        p.created = ts
        customers.append(p)


def crew_for(city, ts):
    base = city
    if city == "天津" and ts < TIANJIN_DEPOT:
        base = "北京"  # before the depot, Tianjin moves go out from Beijing
    n = {"北京": 160, "天津": 80, "石家庄": 60}[base]
    i = R.randrange(n)
    plate = f"{PLATE_PREFIX[base]}·{(h(base + str(i))[:5]).upper()}"
    crew = f"{ {'北京': 'BJ', '天津': 'TJ', '石家庄': 'SJZ'}[base] }-{i % 45 + 1:03d}"
    return base, plate, crew


def case(p, oid, ts, ctype, late_ts=None, claim_fen=0, mood=0.0):
    if not within(ts):
        return
    ch = pick(["400热线", "微信客服", "美团/58平台"], [0.5, 0.35, 0.15])
    fr = {
        "400热线": R.uniform(0.05, 1.0),
        "微信客服": R.uniform(0.1, 6),
        "美团/58平台": R.uniform(4, 30),
    }[ch]
    res = (
        fr
        + {
            "破损理赔": R.uniform(48, 360),
            "迟到": R.uniform(2, 48),
            "现场加价": R.uniform(6, 96),
            "服务态度": R.uniform(4, 72),
        }[ctype]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(3.8 - mood, 1.0))))
    cases.append(
        (
            f"KS{nxt('case'):06d}",
            p.phone,
            oid,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            ctype,
            ch,
            "是" if ctype == "破损理赔" else "否",
            claim_fen,
            csat,
        )
    )
    if ctype == "破损理赔" and solved < END and claim_fen:
        pays.append(
            (p, oid, "理赔赔付", solved + timedelta(hours=R.uniform(1, 30)), claim_fen / 100, "")
        )


def quote_and_after(p, ts, src, office=False):
    """A quote in the order system and everything after it."""
    if not within(ts):
        return
    login(p, ts)
    oid = f"AX{26000000 + nxt('order')}"
    truck = pick(TRUCKS, [0.02, 0.28, 0.7] if office else [0.45, 0.4, 0.15])
    floor = R.choice([1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 18, 20, 25])
    lift = "Y" if floor > 6 or chance(0.4) else "N"
    dist = round(max(2.0, R.lognormvariate(2.6, 0.6)), 1)
    quote = BASE_FEN[truck] + int(dist * 600) + (0 if lift == "Y" else max(0, floor - 1) * 2000)
    if ts >= FUEL:
        quote += int(dist * 150)  # fuel surcharge quoted from September
    quote = int(round(quote * (2.2 if office else 1.0) * R.uniform(0.92, 1.08), -2))
    row = dict(
        order_no=oid,
        phone=p.phone,
        city=p.city,
        truck=truck,
        floor=floor,
        lift=lift,
        dist=dist,
        src=src,
        quote=quote,
    )
    orders.append((ts, "QUOTED", row, 0))
    bp = BOOK_P[src] * (1.15 if office else 1.0)
    if src == "douyin" and inw(ts, DOUYIN):
        bp = 0.07
    if ts >= FUEL:
        bp *= 0.9
    if p.city == "天津" and ts < TIANJIN_DEPOT:
        bp *= 0.75
    if not chance(bp):
        return
    booked = ts + timedelta(hours=R.uniform(0.3, 72))
    if not within(booked):
        return
    lead = R.uniform(2, 14) if not inw(booked, PEAK) else R.uniform(5, 21)
    move_day = booked + timedelta(days=lead)
    move_day = datetime(move_day.year, move_day.month, move_day.day)
    if office and move_day.weekday() < 5 and chance(0.7):
        move_day += timedelta(days=5 - move_day.weekday())  # offices move on weekends
    row["move_date"] = move_day
    dep = DEPOSIT_FEN[truck]
    orders.append((booked, "BOOKED", row, dep))
    pays.append((p, oid, "定金", booked + timedelta(seconds=R.uniform(20, 600)), dep / 100, ""))
    # pre-move survey call
    if chance(0.88):
        sc = booked + timedelta(hours=R.uniform(2, 40))
        if sc < move_day and within(sc):
            base, _, _ = crew_for(p.city, sc)
            dispatch.append((p, oid, "勘察电话", sc, "", "", p.city))
    cancel_p = 0.06
    if inw(move_day, RAIN):
        cancel_p = 0.6
    if chance(cancel_p):
        ct = (
            move_day - timedelta(hours=R.uniform(2, 60))
            if not inw(move_day, RAIN)
            else move_day - timedelta(hours=R.uniform(1, 14))
        )
        ct = max(ct, booked + timedelta(minutes=30))
        if within(ct):
            orders.append((ct, "CANCELLED", row, 0))
            if chance(0.85 if inw(move_day, RAIN) else 0.4):
                pays.append((p, oid, "退款", ct + timedelta(hours=R.uniform(2, 48)), dep / 100, ""))
        return
    if move_day + timedelta(hours=8) >= END:
        return
    base, plate, crew = crew_for(p.city, move_day)
    start = move_day + timedelta(
        hours=pick([7, 8, 9, 10, 13, 14], [1, 3, 3, 2, 2, 1]), minutes=R.choice([0, 30])
    )
    travel_late = R.expovariate(1 / 12)
    if base != p.city:
        travel_late += R.uniform(20, 90)  # Tianjin served from Beijing before the depot
    if inw(move_day, PEAK):
        travel_late += R.expovariate(1 / 10)
    arrive = start + timedelta(minutes=travel_late - 10)
    dispatch.append(
        (p, oid, "出车", start - timedelta(minutes=R.uniform(40, 90)), plate, crew, base)
    )
    dispatch.append((p, oid, "到达", arrive, plate, crew, base))
    late_min = max(0, (arrive - start).total_seconds() / 60)
    hours = {"小面包车": 2, "中厢货": 3.5, "大厢货": 5}[truck] * R.uniform(0.7, 1.5)
    done = arrive + timedelta(hours=hours)
    dispatch.append((p, oid, "完工", done, plate, crew, base))
    # balance with extras
    stairs = 0 if lift == "Y" or floor <= 2 else (floor - 2) * 1000 * (1 if chance(0.6) else 0)
    packing = (
        R.choice([0, 0, 0, 3000, 5000, 8000]) if not office else R.choice([5000, 12000, 20000])
    )
    large = 0
    if chance(0.08):
        large = 20000 if chance(0.4) else 8000  # piano / large furniture
    fuel = int(dist * 150) if move_day >= FUEL else 0
    added_today = stairs + large > 0 and chance(0.5)  # extras the customer had not expected
    final = quote + stairs + packing + large
    row2 = dict(row, final=final)
    orders.append((done + timedelta(minutes=R.uniform(5, 40)), "COMPLETED", row2, final))
    bal_t = done + timedelta(minutes=R.uniform(3, 90))
    if within(bal_t):
        pays.append(
            (
                p,
                oid,
                "尾款",
                bal_t,
                (final - dep) / 100,
                json.dumps(
                    {"stairs": stairs, "packing": packing, "large_item": large, "fuel": fuel}
                ),
            )
        )
    mood = 0.0
    if late_min > 30 and chance(0.35):
        case(p, oid, arrive + timedelta(minutes=R.uniform(5, 60)), "迟到", mood=1.0)
        mood += 1.0
    if added_today and chance(0.25):
        case(p, oid, done + timedelta(hours=R.uniform(0.5, 30)), "现场加价", mood=1.2)
        mood += 1.0
    if chance(0.035 + (0.02 if truck == "大厢货" else 0)):
        case(
            p,
            oid,
            done + timedelta(hours=R.uniform(2, 72)),
            "破损理赔",
            claim_fen=int(round(R.lognormvariate(6.5, 0.8), 0)) * 100,
            mood=0.8,
        )
        mood += 1.5
    elif chance(0.01):
        case(p, oid, done + timedelta(hours=R.uniform(1, 48)), "服务态度", mood=1.0)
    if chance(0.62):
        rt = done + timedelta(hours=R.uniform(0.5, 48))
        if within(rt):
            mean = 4.6 - 0.5 * mood - (0.3 if late_min > 30 else 0)
            ratings.append((p, oid, rt, max(1, min(5, round(R.gauss(mean, 0.7)))), crew))
    # some come back for another move (offices, relocations)
    if chance(0.12 if p.ctype == "企业" else 0.04):
        again = done + timedelta(days=R.uniform(20, 200))
        quote_and_after(p, at(again), "referral", office=p.ctype == "企业")


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, PEAK):
        w *= 2.1
    elif dt.month == 6:
        w *= 1.3
    if datetime(2026, 2, 10) <= dt < datetime(2026, 2, 24):
        w *= 0.35  # Spring Festival
    if dt.month in (3, 9):
        w *= 1.15
    if d.weekday() >= 5:
        w *= 1.2
    return w


def city_for(dt):
    w = [0.6, 0.07 if dt < TIANJIN_DEPOT else 0.22, 0.18]
    return pick(CITIES, w)


def arrival(d, src=None):
    dt = datetime(d.year, d.month, d.day)
    office_season = dt >= datetime(2026, 11, 23)
    ctype = "企业" if chance(0.28 if office_season else 0.05) else "个人"
    p = Person(city_for(dt), ctype)
    people.append(p)
    src = src or pick(SRC, SRC_W)
    p.src = src
    t = at(d)
    office = ctype == "企业"
    if src == "58tc":
        login(p, t)  # 58 passes the phone on
        leads.append(
            (
                p,
                t,
                f"58L{nxt('lead'):07d}",
                pick(["搬家", "居民搬家", "公司搬家" if office else "小型搬家"], [3, 3, 1]),
            )
        )
        if chance(0.72):
            quote_and_after(p, t + timedelta(minutes=R.uniform(10, 600)), src, office)
        return
    if src in ("miniapp", "douyin"):
        p.anon = "oA" + h(f"anon{nxt('anon')}")[:14]
        via = (
            "douyin_ad"
            if src == "douyin"
            else pick(["search", "share", "official_account"], [4, 2, 2])
        )
        mp.append((p, t, "open_app", via, False))
        t2 = t + timedelta(seconds=R.uniform(20, 200))
        mp.append((p, t2, "view_price_calc", via, False))
        lp = 0.45 if src == "douyin" else 0.7
        if src == "douyin" and inw(dt, DOUYIN):
            lp = 0.6
        if not chance(lp):
            return
        t3 = t2 + timedelta(seconds=R.uniform(30, 400))
        login(p, t3)
        mp.append((p, t3, "phone_login", via, True))
        t4 = t3 + timedelta(seconds=R.uniform(30, 600))
        mp.append((p, t4, "submit_quote_form", via, True))
        quote_and_after(p, t4 + timedelta(seconds=R.uniform(5, 120)), src, office)
        return
    # meituan / referral (phone call): straight into the order system
    quote_and_after(p, t, src, office)


def simulate():
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(19 * day_weight(d))):
            arrival(d)
        if inw(dt, DOUYIN):
            for _ in range(poisson(16)):
                arrival(d, "douyin")
        if dt >= datetime(2026, 11, 23):
            for _ in range(poisson(3)):
                p_src = pick(["58tc", "meituan", "referral"], [2, 1, 2])
                p = arrival_office(d, p_src)
                del p


def arrival_office(d, src):
    dt = datetime(d.year, d.month, d.day)
    p = Person(city_for(dt), "企业")
    people.append(p)
    p.src = src
    t = at(d)
    if src == "58tc":
        login(p, t)
        leads.append((p, t, f"58L{nxt('lead'):07d}", "公司搬家"))
        if chance(0.8):
            quote_and_after(p, t + timedelta(minutes=R.uniform(10, 600)), src, True)
        return p
    quote_and_after(p, t, src, True)
    return p


def utc(ts):  # naive Shanghai local -> ISO UTC with Z
    return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"


def write(folder: Path):
    with open(folder / "orders_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "customer_phone_hash",
                "status",
                "status_time",
                "city_code",
                "truck_type",
                "floor",
                "has_elevator",
                "distance_km",
                "lead_source",
                "quote_amount_fen",
                "deposit_fen",
                "final_amount_fen",
                "move_date",
            ]
        )
        city_code = {"北京": "BJ", "天津": "TJ", "石家庄": "SJZ"}
        for ts, status, r, amt in sorted(orders, key=lambda x: (x[0], x[2]["order_no"], x[1])):
            if not within(ts):
                continue
            w.writerow(
                [
                    r["order_no"],
                    r["phone"],
                    status,
                    utc(ts),
                    city_code[r["city"]],
                    TRUCK_CODE[r["truck"]],
                    r["floor"],
                    r["lift"],
                    r["dist"],
                    r["src"],
                    r["quote"],
                    amt if status == "BOOKED" else "",
                    amt if status == "COMPLETED" else "",
                    f"{r['move_date']:%Y-%m-%d}" if "move_date" in r else "",
                ]
            )
    with open(folder / "customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["phone_hash", "created_at", "city", "customer_type", "first_source"])
        for p in sorted(customers, key=lambda p: p.phone):
            w.writerow([p.phone, utc(p.created), p.city, p.ctype, p.src])
    with open(folder / "dispatch_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "调度单号",
                "订单号",
                "客户手机哈希",
                "事件",
                "时间",
                "车牌号",
                "班组编号",
                "出车站点",
                "城市",
            ]
        )
        for p, oid, ev, ts, plate, crew, base in sorted(dispatch, key=lambda x: (x[3], x[1], x[2])):
            if not within(ts):
                continue
            w.writerow(
                [
                    f"DD{nxt('disp'):07d}",
                    oid,
                    p.phone,
                    ev,
                    f"{ts:%Y/%m/%d %H:%M}",
                    plate,
                    crew,
                    {"北京": "北京总站", "天津": "天津站", "石家庄": "石家庄站"}.get(base, "")
                    if ev != "勘察电话"
                    else "",
                    p.city,
                ]
            )
    with open(folder / "leads_58.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["线索ID", "手机号MD5", "线索时间", "服务类目", "城市"])
        for p, ts, lid, cat in sorted(leads, key=lambda x: (x[1], x[2])):
            if within(ts):
                w.writerow([lid, p.phone, f"{ts:%m-%d-%Y %H:%M}", cat, p.city])
    with open(folder / "miniapp_events.jsonl", "w") as f:
        for p, ts, ev, via, logged in sorted(mp, key=lambda x: (x[1], x[0].anon, x[2])):
            if not within(ts):
                continue
            ms = int(
                (ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000
            ) + R.randrange(1000)
            obj = {
                "anonymous_id": p.anon,
                "phone_hash": p.phone if logged else None,
                "event": ev,
                "ts": ms,
                "scene": via,
                "city": p.city,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "payment_id",
                "order_no",
                "phone_hash",
                "pay_type",
                "paid_at",
                "amount_yuan",
                "pay_method",
                "stairs_fee_yuan",
                "packing_fee_yuan",
                "large_item_fee_yuan",
                "fuel_surcharge_yuan",
            ]
        )
        for p, oid, kind, ts, amt, extras in sorted(pays, key=lambda x: (x[3], x[1], x[2])):
            if not within(ts):
                continue
            e = json.loads(extras) if extras else {}
            w.writerow(
                [
                    f"PAY{nxt('pay'):08d}",
                    oid,
                    p.phone,
                    kind,
                    f"{ts:%Y-%m-%d %H:%M:%S}",
                    f"{amt:.2f}",
                    pick(
                        ["微信支付", "支付宝", "对公转账" if p.ctype == "企业" else "微信支付"],
                        [6, 3, 1],
                    ),
                    *(
                        f"{e[k] / 100:.2f}" if e else ""
                        for k in ("stairs", "packing", "large_item", "fuel")
                    ),
                ]
            )
    with open(folder / "crew_ratings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "phone_hash", "rated_at", "stars", "crew_id"])
        for p, oid, ts, stars, crew in sorted(ratings, key=lambda x: (x[2], x[1])):
            w.writerow([oid, p.phone, utc(ts), stars, crew])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "claims_complaints.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "手机号MD5",
                "订单号",
                "创建时间",
                "首次回复时间",
                "结案时间",
                "问题类型",
                "受理渠道",
                "是否理赔",
                "理赔金额(分)",
                "满意度",
            ]
        )
        for r in sorted(cases, key=lambda x: x[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    fmt(r[3]),
                    fmt(r[4]),
                    fmt(r[5]),
                    r[6],
                    r[7],
                    r[8],
                    r[9] or "",
                    r[10],
                ]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        base = {"58同城": 150000, "美团推广": 110000, "抖音": 45000}
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in base.items():
                fct = R.uniform(0.9, 1.1)
                if m.month in (6, 7):
                    fct *= 1.5
                if ch == "抖音" and m.month == 10 and m.year == 2026:
                    fct *= 8.0
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * fct:.0f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="movers-src-") as tmp:
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
