"""Pharmacy-app evaluation domain: 快药到家 (KuaiYao), online pharmacy + 30-min medicine delivery.

    python generate.py OUT.duckdb

Writes KuaiYao's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl        app / mini-program event log: epoch ms, device_id always, uid after login
  members.csv             member system: uid, registered_at (ISO UTC), city, age_band, source
  orders.csv              order system: English columns, ISO UTC times, amounts in 分
  member_cards.csv        会员卡 purchases (from 2026-08-03)
  consultations.csv       在线问诊 / Rx review: Chinese headers, 'YYYY/MM/DD HH:mm:ss' local
  rider_log.csv           rider delivery log (pickup / delivered, local time, minutes)
  meituan_orders.csv      美团买药 order export (Chinese headers, 元)
  complaint_tickets.csv   customer-service tickets
  marketing_monthly.csv   monthly marketing sheet (美团推广, 抖音, 地推) in 元

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
ZZ_LAUNCH = datetime(2026, 4, 15)  # Zhengzhou launch (Wednesday)
RX_OUTAGE = (datetime(2026, 6, 16), datetime(2026, 6, 19))  # prescription-review outage 16-18 June
CARD_LAUNCH = datetime(2026, 8, 3)  # 会员卡 launch (Monday)
MT_COMMISSION = datetime(2026, 10, 1)  # 美团 commission 8% -> 12%

R = random.Random(SEED)

CITIES = ["武汉", "长沙", "郑州"]
CITY_CODE = {"武汉": "WH", "长沙": "CS", "郑州": "ZZ"}
CATS = [
    "感冒发烧",
    "慢病用药",
    "消化肠胃",
    "皮肤用药",
    "儿童用药",
    "抗感染",
    "保健营养",
    "医疗器械",
]
CAT_W = [0.18, 0.16, 0.13, 0.1, 0.1, 0.08, 0.15, 0.1]
RX_P = {"慢病用药": 0.9, "抗感染": 1.0}
PRICE = {
    "感冒发烧": (18, 80),
    "慢病用药": (40, 260),
    "消化肠胃": (15, 70),
    "皮肤用药": (15, 90),
    "儿童用药": (20, 90),
    "抗感染": (20, 120),
    "保健营养": (50, 300),
    "医疗器械": (30, 400),
}
SOURCES = ["organic", "douyin", "ditui", "friend_invite"]
SOURCE_W = [0.45, 0.27, 0.13, 0.15]
HOURS = [
    0.6,
    0.4,
    0.3,
    0.2,
    0.2,
    0.3,
    0.6,
    1.5,
    2.5,
    3,
    3,
    3,
    3.2,
    2.8,
    2.6,
    2.6,
    2.8,
    3,
    3.4,
    4,
    4.6,
    4.8,
    3.6,
    1.6,
]


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


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def flu(d):
    """Flu season weight: Dec-Jan peak, again in November."""
    m, day = d.month, d.day
    if m == 12 or m == 1:
        return 1.9
    if m == 2:
        return 1.3 if day < 15 else 1.05
    if m == 11:
        return 1.3 + 0.5 * day / 30
    if m == 10 and day > 20:
        return 1.15
    if m in (6, 7, 8):
        return 0.85
    return 1.0


events, members, orders, cards, consults, rider, mt_orders, tickets = ([] for _ in range(8))
seq = {
    "uid": 300000,
    "dev": 0,
    "order": 0,
    "consult": 0,
    "ticket": 0,
    "wb": 0,
    "mt": 0,
    "mtu": 0,
    "card": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city):
        self.city = city
        self.device = None
        self.uid = None
        self.mt = None
        self.card_until = None
        self.platform = pick(["ios", "android", "wx_mini"], [0.3, 0.33, 0.37])
        self.source = pick(SOURCES, SOURCE_W)
        self.age = pick(["18-25", "26-35", "36-45", "46-60", "60+"], [0.14, 0.34, 0.26, 0.18, 0.08])


def login(p, ts):
    if p.uid is None:
        p.uid = f"KY{nxt('uid')}"
        members.append((p, ts))


def ev(p, ts, name, **extra):
    if not within(ts):
        return False
    if p.device is None:
        p.device = ("i" if p.platform == "ios" else "a" if p.platform == "android" else "w") + h(
            f"d{nxt('dev')}"
        )[:15]
    events.append((ts, p, name, p.uid or "", extra))
    return True


def ticket(p, ts, kind, order_ref="", mt=False):
    if not within(ts):
        return
    ch = "美团客服" if mt else pick(["在线客服", "电话"], [0.7, 0.3])
    fr = {"在线客服": R.uniform(0.5, 8), "电话": R.uniform(0.2, 4), "美团客服": R.uniform(60, 600)}[
        ch
    ]
    if inw(ts, (RX_OUTAGE[0], RX_OUTAGE[1] + timedelta(days=1))):
        fr *= 6  # queue flooded during the outage
    res_h = {
        "配送超时": R.uniform(0.5, 6),
        "发错药": R.uniform(4, 48),
        "处方驳回": R.uniform(1, 24),
        "退款问题": R.uniform(6, 72),
        "药品咨询": R.uniform(0.2, 3),
    }[kind]
    first = ts + timedelta(minutes=fr)
    closed = first + timedelta(hours=res_h)
    complaint = kind in ("配送超时", "发错药", "处方驳回") or (kind == "退款问题" and chance(0.5))
    sat = ""
    if chance(0.4):
        base = {"配送超时": 2.9, "发错药": 2.4, "处方驳回": 2.6, "退款问题": 3.2, "药品咨询": 4.4}[
            kind
        ]
        sat = max(1, min(5, round(R.gauss(base, 0.9))))
    tickets.append(
        (
            f"TK{nxt('ticket'):06d}",
            p.uid or "",
            p.mt or "",
            ts,
            first,
            closed if closed < END else None,
            kind,
            ch,
            "投诉" if complaint else "咨询",
            sat,
            order_ref,
        )
    )


def deliver(p, paid, cat, oid):
    """Rider log: accepted, picked up, delivered; late delivery may raise a ticket."""
    wb = f"WB{nxt('wb'):07d}"
    mean = 27.0
    f = flu(paid.date())
    if f > 1.5:
        mean += 9 * (f - 1.5) / 0.4  # riders stretched in flu peaks
    if p.city == "郑州" and paid < ZZ_LAUNCH + timedelta(days=42):
        mean += 11  # new city, few riders and stores at first
    if 18 <= paid.hour <= 20:
        mean += 3
    mins = max(9.0, R.gauss(mean, 8))
    pick_t = paid + timedelta(minutes=R.uniform(3, 9))
    done = paid + timedelta(minutes=mins)
    rid = f"R{CITY_CODE[p.city]}{R.randrange(1, 60 if p.city != '郑州' else 25):03d}"
    if within(pick_t):
        rider.append((wb, oid, p.uid, "PICKUP", pick_t, rid, p.city, ""))
    if within(done):
        rider.append((wb, oid, p.uid, "DELIVERED", done, rid, p.city, f"{mins:.1f}"))
    if (mins > 45 and chance(0.22)) or (mins > 35 and chance(0.05)):
        ticket(p, done + timedelta(minutes=R.uniform(1, 20)), "配送超时", oid)
    if chance(0.006):
        ticket(p, done + timedelta(minutes=R.uniform(10, 240)), "发错药", oid)


def shop(p, t, cat=None, returning=False):
    """One shopping occasion on the app / mini-program. Returns True if paid."""
    if p.city == "郑州" and t < ZZ_LAUNCH:
        return False
    d = t.date()
    if cat is None:
        cat = pick(CATS, CAT_W)
        f = flu(d)
        if f > 1.2 and chance(0.45 * (f - 1)):
            cat = pick(["感冒发烧", "儿童用药", "抗感染"], [0.6, 0.25, 0.15])
    src = "push" if returning and chance(0.3) else ("organic" if returning else p.source)
    plat = p.platform
    if not ev(p, t, "app_open", src=src):
        return False
    stype = pick(["symptom", "medicine"], [0.45, 0.55])
    t += timedelta(seconds=R.uniform(10, 90))
    ev(p, t, "search", src=src, q=stype, cat=cat)
    t += timedelta(seconds=R.uniform(10, 120))
    ev(p, t, "product_view", src=src, cat=cat)
    if not chance(0.62 if not returning else 0.75):
        return False
    t += timedelta(seconds=R.uniform(20, 200))
    login(p, t)
    ev(p, t, "add_to_cart", src=src, cat=cat)
    is_rx = chance(RX_P.get(cat, 0.0))
    if is_rx:
        cid = f"WZ{nxt('consult'):07d}"
        t += timedelta(seconds=R.uniform(20, 120))
        if not within(t):
            return False
        consults.append((cid, p.uid, t, "发起问诊", p.city, "", ""))
        outage = inw(t, RX_OUTAGE)
        wait = R.uniform(1, 6) if not outage else R.uniform(30, 600)
        t2 = t + timedelta(minutes=wait)
        ph = f"YS{CITY_CODE[p.city]}{R.randrange(1, 16):02d}"
        if outage and chance(0.55):
            t3 = t2
            if within(t3):
                consults.append((cid, p.uid, t3, "处方驳回", p.city, "", "系统超时"))
            if chance(0.35):
                ticket(p, t3 + timedelta(minutes=R.uniform(2, 60)), "处方驳回", cid)
            return False
        if within(t2):
            consults.append((cid, p.uid, t2, "药师接诊", p.city, ph, ""))
        t3 = t2 + timedelta(minutes=R.uniform(2, 10) if not outage else R.uniform(20, 240))
        if not within(t3):
            return False
        if chance(0.86 if not outage else 0.5):
            consults.append((cid, p.uid, t3, "处方通过", p.city, ph, ""))
        else:
            consults.append(
                (
                    cid,
                    p.uid,
                    t3,
                    "处方驳回",
                    p.city,
                    ph,
                    pick(["缺少诊断证明", "用药禁忌", "超量购买"], [0.5, 0.3, 0.2]),
                )
            )
            if chance(0.18):
                ticket(p, t3 + timedelta(minutes=R.uniform(2, 60)), "处方驳回", cid)
            return False
        t = t3
        p_pay = 0.8 if not outage else 0.4
    else:
        p_pay = 0.72
    t += timedelta(seconds=R.uniform(20, 200))
    ev(p, t, "checkout", src=src, cat=cat)
    member = p.card_until is not None and p.card_until > t
    if member:
        p_pay = min(0.95, p_pay + 0.1)
    if not chance(p_pay):
        return False
    t += timedelta(seconds=R.uniform(15, 120))
    if not within(t):
        return False
    lo, hi = PRICE[cat]
    amount = round(math.exp(R.uniform(math.log(lo), math.log(hi))) * 10) * 10  # 分, to the 角
    if returning and chance(0.2):
        amount += int(R.uniform(15, 60)) * 100  # basket with an extra item
    # 会员卡 at checkout from launch
    if t >= CARD_LAUNCH and not member and chance(0.10 if not returning else 0.16):
        p.card_until = t + timedelta(days=30 if chance(0.7) else 365)
        cards.append(
            (
                f"MC{nxt('card'):06d}",
                p.uid,
                t - timedelta(seconds=20),
                "月卡" if (p.card_until - t).days < 60 else "年卡",
                1500 if (p.card_until - t).days < 60 else 12800,
            )
        )
        member = True
    fee = 0 if member else (300 if amount >= 5900 else 600)
    insured = is_rx or cat in ("慢病用药",)
    pay = (
        "medical_insurance"
        if (chance(0.55) if insured else chance(0.12))
        else pick(["wechat_pay", "alipay"], [0.62, 0.38])
    )
    oid = f"KYO{d:%y%m%d}{nxt('order'):06d}"
    orders.append(
        (
            oid,
            p.uid,
            p.device,
            t,
            "app" if plat != "wx_mini" else "mini_program",
            p.city,
            cat,
            "Y" if is_rx else "N",
            pay,
            amount,
            fee,
            "Y" if member else "N",
        )
    )
    deliver(p, t, cat, oid)
    if chance(0.01):
        ticket(p, t + timedelta(hours=R.uniform(1, 48)), "退款问题", oid)
    if chance(0.015):
        ticket(p, t + timedelta(minutes=R.uniform(5, 600)), "药品咨询", oid)
    return True


def app_person(d, source=None):
    avail = ["武汉", "长沙"] + (["郑州"] if datetime(d.year, d.month, d.day) >= ZZ_LAUNCH else [])
    w = {"武汉": 0.47, "长沙": 0.33, "郑州": 0.2 * (1.5 if d < date(2026, 6, 15) else 1.0)}
    p = Person(pick(avail, [w[c] for c in avail]))
    if p.city == "郑州" and chance(0.35):
        p.source = "ditui"  # launch street teams
    if source:
        p.source = source
    t = at(d)
    bought = shop(p, t)
    # more occasions over the year
    rate = 2.2 if bought else 0.9
    if p.source == "douyin":
        rate *= 0.6
    day = t
    while True:
        gap = R.expovariate(rate / 365) * 1.0
        card = p.card_until is not None and p.card_until > day
        if card:
            gap /= 1.9
        day = day + timedelta(days=max(0.5, gap))
        if day >= END:
            break
        if chance(0.25 * (1 / max(flu(day.date()), 0.8))):
            continue
        shop(p, at(day.date()), returning=True)
        if (
            p.card_until is not None
            and day > p.card_until
            and p.card_until > CARD_LAUNCH
            and chance(0.55)
        ):
            # card renewal
            p.card_until = day + timedelta(days=30)
            if p.uid and within(day):
                cards.append((f"MC{nxt('card'):06d}", p.uid, day, "月卡", 1500))
    return p


def meituan_person(d):
    avail = ["武汉", "长沙"] + (["郑州"] if datetime(d.year, d.month, d.day) >= ZZ_LAUNCH else [])
    p = Person(pick(avail, [0.5, 0.35, 0.15][: len(avail)]))
    p.mt = f"MT{h('mt' + str(nxt('mtu')))[:10]}"
    n = 1 + poisson(1.2)
    t = at(d)
    for _ in range(n):
        if not within(t):
            break
        if t >= MT_COMMISSION and chance(0.45):
            t += timedelta(days=R.expovariate(1 / 40))
            continue  # price on 美团 went up: the order doesn't happen there
        cat = pick(CATS, CAT_W)
        if flu(t.date()) > 1.2 and chance(0.4):
            cat = "感冒发烧"
        lo, hi = PRICE[cat]
        amt = round(math.exp(R.uniform(math.log(lo), math.log(hi))), 1)
        if t >= MT_COMMISSION:
            amt = round(amt * 1.08, 1)
        rate = 0.12 if t >= MT_COMMISSION else 0.08
        mid = f"{3300000000 + nxt('mt') * 7:d}"
        mt_orders.append(
            (
                mid,
                p.mt,
                t,
                f"快药到家({p.city}店)",
                cat,
                amt,
                round(amt * rate, 2),
                pick(
                    [
                        "已完成",
                        "已完成",
                        "已完成",
                        "已完成",
                        "已完成",
                        "已完成",
                        "已完成",
                        "已完成",
                        "已完成",
                        "已退款",
                    ],
                    [1] * 10,
                ),
            )
        )
        if chance(0.012):
            ticket(
                p,
                t + timedelta(minutes=R.uniform(40, 300)),
                pick(["配送超时", "发错药", "退款问题"], [0.6, 0.15, 0.25]),
                mid,
                mt=True,
            )
        t += timedelta(days=R.expovariate(1 / 40))
    return p


def simulate():
    # existing customers who were already registered before the data starts
    for _ in range(900):
        d = START.date() + timedelta(days=R.randrange(0, 30))
        p = Person(pick(["武汉", "长沙"], [0.58, 0.42]))
        p.uid = f"KY{nxt('uid')}"
        members.append(
            (
                p,
                datetime(2025, 1, 1)
                + timedelta(days=R.randrange(0, 330), seconds=R.randrange(86400)),
            )
        )
        p.source = pick(SOURCES, SOURCE_W)
        t = at(d)
        shop(p, t, returning=True)
        day = t
        while True:
            gap = R.expovariate(2.8 / 365)
            if p.card_until is not None and p.card_until > day:
                gap /= 1.9
            day += timedelta(days=max(0.5, gap))
            if day >= END:
                break
            shop(p, at(day.date()), returning=True)
            if (
                p.card_until is not None
                and day > p.card_until
                and p.card_until > CARD_LAUNCH
                and chance(0.55)
            ):
                p.card_until = day + timedelta(days=30)
                cards.append((f"MC{nxt('card'):06d}", p.uid, day, "月卡", 1500))
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        f = flu(d)
        lam = 14.0 * f * (1.1 if d.weekday() >= 5 else 1.0)
        if dt >= ZZ_LAUNCH:
            lam *= 1.2
        if dt >= MT_COMMISSION:
            lam *= 1.22  # 美团 shoppers moving to the app
        for _ in range(poisson(lam)):
            app_person(d)
        mlam = 4.2 * f * (0.55 if dt >= MT_COMMISSION else 1.0)
        for _ in range(poisson(mlam)):
            meituan_person(d)


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def ms(ts):
        return int(
            (ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000
        ) + R.randrange(1000)

    with open(folder / "app_events.jsonl", "w", encoding="utf-8") as f:
        for ts, p, name, uid, extra in sorted(events, key=lambda r: (r[0], r[1].device, r[2])):
            obj = {
                "ts": ms(ts),
                "device_id": p.device,
                "uid": uid or None,
                "event": name,
                "platform": p.platform,
                "utm_source": extra.get("src"),
                "city": p.city,
            }
            if "cat" in extra:
                obj["category"] = extra["cat"]
            if "q" in extra:
                obj["search_type"] = extra["q"]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["uid", "registered_at", "city", "age_band", "reg_source", "device_id"])
        for p, ts in sorted(members, key=lambda r: r[0].uid):
            w.writerow([p.uid, utc(ts), p.city, p.age, p.source, p.device or ""])
    with open(folder / "orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_id",
                "uid",
                "device_id",
                "paid_at",
                "order_channel",
                "city",
                "category",
                "is_rx",
                "pay_method",
                "goods_amount_fen",
                "delivery_fee_fen",
                "member_card",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], utc(r[3]), *list(r[4:])])
    with open(folder / "member_cards.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["card_no", "uid", "bought_at", "card_type", "price_fen"])
        for r in sorted(cards, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow([r[0], r[1], utc(r[2]), r[3], r[4]])
    with open(folder / "consultations.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["问诊单号", "会员ID", "时间", "状态", "城市", "药师工号", "驳回原因"])
        for r in sorted(consults, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M:%S}", r[3], r[4], r[5], r[6]])
    with open(folder / "rider_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "waybill_no",
                "order_ref",
                "uid",
                "event",
                "event_time",
                "rider_id",
                "city",
                "delivery_minutes",
            ]
        )
        for r in sorted(rider, key=lambda r: (r[4], r[0], r[3])):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%d %H:%M:%S}", r[5], r[6], r[7]])
    with open(folder / "meituan_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "美团用户ID",
                "下单时间",
                "门店名称",
                "商品类目",
                "实付金额(元)",
                "平台佣金(元)",
                "订单状态",
            ]
        )
        for r in sorted(mt_orders, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M}", *list(r[3:])])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "complaint_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "uid",
                "meituan_user",
                "created",
                "first_reply",
                "closed",
                "issue_type",
                "contact_channel",
                "ticket_class",
                "satisfaction",
                "related_no",
            ]
        )
        for r in sorted(tickets, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), *list(r[6:])])
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        m = date(2025, 12, 1)
        while m < END.date():
            fl = flu(m)
            for ch, base in (("美团推广", 42000), ("抖音", 65000), ("地推", 18000)):
                v = base * R.uniform(0.9, 1.1)
                if ch == "美团推广" and m >= MT_COMMISSION.date():
                    v *= 0.35
                if ch == "抖音":
                    v *= fl
                if ch == "地推" and date(2026, 4, 1) <= m < date(2026, 7, 1):
                    v += 45000  # Zhengzhou launch street teams
                w.writerow([f"{m.year}年{m.month:02d}月", ch, f"{v:.0f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="pharmacyapp-src-") as tmp:
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
