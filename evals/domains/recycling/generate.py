"""Recycling evaluation domain: 绿回收 (LvHuiShou), doorstep recycling in Hangzhou and Ningbo.

    python generate.py OUT.duckdb

Writes LvHuiShou's own exports (seeded: the same files every run) to a temporary folder —

  mp_events.jsonl        mini-program event log (微信/支付宝/抖音 mini-programs): openid always,
                         uid only after phone binding, epoch milliseconds, traffic source code
  居民档案.csv            resident register: 用户ID, 手机号摘要, 注册时间, 城市, 区, 街道,
                         小区, 来源渠道
  预约单.csv              bookings: Chinese headers, 'YYYY/MM/DD HH:mm' Shanghai time
  预约状态变更.csv        booking status changes: 已取消 / 回收员爽约 / 居民爽约
  collector_log.csv      collector app: pickups, ISO UTC with Z, collector id, kg by category
  payout_ledger.csv      payouts: amount_fen (分), points, pay_type CASH / POINTS
  mall_orders.csv        points-mall orders: by member phone hash, epoch seconds
  tickets.csv            customer-service tickets (complaints), Chinese values
  ratings.csv            1–5 star ratings after a pickup
  marketing_monthly.csv  monthly marketing sheet (社区地推, 抖音, 支付宝推广, 邀请奖励), 元

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
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
NINGBO_LAUNCH = datetime(2026, 4, 1)
PAPER_DROP = datetime(2026, 7, 1)
SHORTAGE = (datetime(2026, 8, 1), datetime(2026, 9, 1))
OUTAGE = (datetime(2026, 9, 10), datetime(2026, 9, 12))
POINTS_BONUS = (datetime(2026, 10, 1), datetime(2026, 11, 1))
SURGE = (datetime(2026, 11, 11), datetime(2026, 12, 1))
DOUYIN_PUSH = datetime(2026, 7, 1)

R = random.Random(SEED)

CITIES = {
    "杭州": {
        "西湖区": ["文新街道", "翠苑街道", "古荡街道"],
        "拱墅区": ["米市巷街道", "湖墅街道"],
        "余杭区": ["五常街道", "仓前街道", "良渚街道"],
        "滨江区": ["西兴街道", "长河街道"],
    },
    "宁波": {
        "鄞州区": ["首南街道", "中河街道"],
        "海曙区": ["南门街道", "月湖街道"],
        "江北区": ["甬江街道"],
    },
}
ESTATE_WORDS = ["金色家园", "翡翠城", "阳光花园", "绿城桂花园", "和平小区", "东方郡", "锦绣苑"]
ESTATES = {}
for _city, _dists in CITIES.items():
    for _d, _streets in _dists.items():
        for _s in _streets:
            ESTATES[(_city, _d, _s)] = [f"{_s[:2]}{w}" for w in R.sample(ESTATE_WORDS, 3)]
# traffic / acquisition sources as the mini-program log writes them
SRC = ["qr_ditui", "wx_search", "ali_promo", "dy_ad", "invite"]
SRC_NAME = {
    "qr_ditui": "社区地推",
    "wx_search": "微信小程序",
    "ali_promo": "支付宝小程序",
    "dy_ad": "抖音",
    "invite": "邻居邀请",
}
PLATFORM_OF = {
    "qr_ditui": None,
    "wx_search": "wx",
    "ali_promo": "ali",
    "dy_ad": "dy",
    "invite": "wx",
}
CATS = ["纸类", "塑料", "金属", "旧衣物", "小家电"]
CAT_CODE = {
    "纸类": "paper",
    "塑料": "plastic",
    "金属": "metal",
    "旧衣物": "clothes",
    "小家电": "appliance",
}
CAT_W = [0.42, 0.2, 0.1, 0.18, 0.1]
PRICE = {"paper": 1.0, "plastic": 0.8, "metal": 2.2, "clothes": 0.5, "appliance": 1.6}
MALL_ITEMS = [
    ("洗衣液", 300),
    ("抽纸一提", 200),
    ("环保袋", 120),
    ("大米5kg", 600),
    ("话费10元", 500),
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


def h(text, n=16):
    return hashlib.md5(text.encode()).hexdigest()[:n]


HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.8, 2, 3, 3.5, 3.5, 3, 2.5, 2.5, 2.8, 2.8, 2.6, 2.4, 2.8]
HOURS += [3.5, 4, 3.5, 2, 0.8]
WORK_HOURS = [0] * 8 + [3, 4, 4, 3, 1.5, 3, 4, 4, 3, 2, 0.5] + [0] * 5


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


mp, residents, bookings, status, pickups, payouts, mall, tickets, ratings = ([] for _ in range(9))
seq = {"uid": 100000, "bk": 0, "pk": 0, "pay": 0, "mall": 0, "tk": 0, "oid": 0}
invites = []  # (ts) of invite rewards paid


def nxt(k):
    seq[k] += 1
    return seq[k]


COLLECTORS = {
    "杭州": [f"HZ{n:03d}" for n in range(1, 43)],
    "宁波": [f"NB{n:03d}" for n in range(1, 17)],
}


class Person:
    def __init__(self, city, src):
        self.city = city
        self.dist = pick(list(CITIES[city]), [1] * len(CITIES[city]))
        self.street = R.choice(CITIES[city][self.dist])
        self.estate = R.choice(ESTATES[(city, self.dist, self.street)])
        self.src = src
        self.plat = PLATFORM_OF[src] or pick(["wx", "ali"], [0.65, 0.35])
        self.openid = None
        self.uid = None
        self.phone = None
        self.points = 0
        self.mood = 0.0


def ev(p, ts, name, source, **extra):
    if not within(ts):
        return False
    if inw(ts, OUTAGE):  # the mini-program was down: nothing logged
        return False
    if p.openid is None:
        p.openid = {"wx": "oWx", "ali": "2088", "dy": "dyO"}[p.plat] + h(f"open{nxt('oid')}", 20)
    mp.append((ts, p.openid, p.uid or "", name, source, p.plat, extra))
    return True


def register(p, ts):
    p.uid = f"LH{nxt('uid')}"
    p.phone = h(f"phone{p.uid}", 12)
    p.reg = ts
    residents.append(p)


def lateness_min(ts):
    base = R.expovariate(1 / 18)
    if inw(ts, SHORTAGE):
        base = R.expovariate(1 / 70)
    return base


def ticket(p, ts, reason, booking):
    if not within(ts):
        return
    ch = pick(["小程序在线客服", "客服热线"], [0.6, 0.4])
    if inw(ts, OUTAGE):
        ch = "客服热线"
    fr_h = R.uniform(0.05, 1.5) if ch == "客服热线" else R.uniform(0.1, 6)
    if inw(ts, SHORTAGE) or inw(ts, (OUTAGE[0], OUTAGE[1] + timedelta(days=3))):
        fr_h *= 2.5  # backlog
    res_h = (
        fr_h
        + {
            "回收员迟到": R.uniform(2, 30),
            "称重不足": R.uniform(12, 96),
            "款项未到账": R.uniform(6, 72),
            "回收员爽约": R.uniform(4, 48),
            "积分问题": R.uniform(6, 60),
        }[reason]
    )
    solved = ts + timedelta(hours=res_h)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(3.9 - (0.8 if reason == "称重不足" else 0), 1.0))))
    complaint = "否" if reason == "积分问题" and chance(0.6) else "是"
    tickets.append(
        [
            f"TK{nxt('tk'):06d}",
            p.phone,
            ts,
            ts + timedelta(hours=fr_h),
            solved if solved < END and chance(0.96) else None,
            reason,
            ch,
            complaint,
            csat,
            booking,
        ]
    )
    p.mood += 1


def do_booking(p, ts):
    """A booking and what follows: cancellation / no-show, pickup, payout, rating, tickets."""
    if not within(ts):
        return None
    via = "hotline" if p.src == "qr_ditui" and p.openid is None else p.plat
    if inw(ts, OUTAGE) and via != "hotline":
        if chance(0.6):
            ts = OUTAGE[1] + timedelta(hours=R.uniform(8, 30))
        else:
            via = "hotline"
    if via != "hotline":
        ev(p, ts - timedelta(minutes=R.uniform(1, 4)), "view_price", "direct")
    cat = pick(CATS, CAT_W)
    if inw(ts, SURGE) and chance(0.45):
        cat = "纸类"
    bk = f"YY{ts:%y%m%d}{nxt('bk'):06d}"
    slot_day = ts.date() + timedelta(
        days=R.choice([0, 1, 1, 1, 2, 3]) if ts.hour < 17 else R.choice([1, 1, 2])
    )
    slot = R.choice(["09:00-11:00", "11:00-13:00", "14:00-16:00", "16:00-18:00"])
    slot_start = datetime(slot_day.year, slot_day.month, slot_day.day, int(slot[:2]))
    bookings.append([bk, p.uid, ts, p.city, p.dist, p.street, p.estate, cat, slot, via])
    if chance(0.07):  # resident cancels
        t = ts + timedelta(hours=R.uniform(0.2, 20))
        if within(t) and t < slot_start:
            status.append([bk, p.uid, t, "已取消", "居民取消"])
            return "cancelled"
    p_cns = 0.14 if inw(slot_start, SHORTAGE) else 0.028
    if p.city == "宁波" and slot_start < NINGBO_LAUNCH + timedelta(days=30):
        p_cns += 0.04  # teething troubles at launch
    if chance(p_cns):
        t = slot_start + timedelta(hours=R.uniform(2.5, 4))
        if within(t):
            status.append([bk, p.uid, t, "回收员爽约", "回收员未上门"])
            p.mood += 1.5
            if chance(0.4):
                ticket(p, t + timedelta(minutes=R.uniform(10, 240)), "回收员爽约", bk)
        return "no_show"
    if chance(0.035):
        t = slot_start + timedelta(hours=R.uniform(2.2, 3))
        if within(t):
            status.append([bk, p.uid, t, "居民爽约", "居民不在家"])
        return "no_show"
    late = lateness_min(slot_start)
    arrive = slot_start + timedelta(minutes=R.uniform(0, 100) + late)
    done = arrive + timedelta(minutes=R.uniform(6, 20))
    if not within(done):
        return None
    collector = R.choice(
        COLLECTORS[p.city][:30]
        if (p.city == "杭州" and inw(done, SHORTAGE))
        else COLLECTORS[p.city]
    )
    kg = {c: 0.0 for c in CAT_CODE.values()}
    main = CAT_CODE[cat]
    base = {
        "paper": R.gauss(9, 3),
        "plastic": R.gauss(3, 1),
        "metal": R.gauss(2.5, 1),
        "clothes": R.gauss(5, 2),
        "appliance": R.gauss(7, 3),
    }
    kg[main] = max(0.5, base[main])
    for c in kg:
        if c != main and chance(0.25):
            kg[c] = max(0.2, base[c] * 0.4)
    if inw(done, SURGE):
        kg["paper"] = kg["paper"] * 1.7 + (R.uniform(2, 6) if chance(0.6) else 0)
    kg = {c: round(v, 1) for c, v in kg.items()}
    under = chance(0.03 + (0.02 if done >= PAPER_DROP else 0))
    pk = f"PK{nxt('pk'):07d}"
    pickups.append([pk, bk, p.uid, collector, arrive, done, kg, p.city])
    if late > 60 and chance(0.3):
        ticket(p, done + timedelta(minutes=R.uniform(5, 120)), "回收员迟到", bk)
    if under:
        ticket(p, done + timedelta(hours=R.uniform(0.5, 30)), "称重不足", bk)
    # payout
    price = dict(PRICE)
    if done >= PAPER_DROP:
        price["paper"] = 0.6
    yuan = sum(kg[c] * price[c] for c in kg)
    fen = round(yuan * 100)
    p_points = 0.55 if inw(done, POINTS_BONUS) else 0.28
    pay_t = done + timedelta(minutes=R.uniform(1, 15))
    delayed = False
    if inw(pay_t, OUTAGE):
        pay_t = OUTAGE[1] + timedelta(hours=R.uniform(9, 40))
        delayed = True
    elif chance(0.004):
        pay_t = pay_t + timedelta(days=R.uniform(1, 4))
        delayed = True
    if delayed and chance(0.3):
        ticket(p, done + timedelta(hours=R.uniform(3, 20)), "款项未到账", bk)
    if within(pay_t):
        if chance(p_points):
            pts = round(yuan * 10) * (2 if inw(done, POINTS_BONUS) else 1)
            payouts.append([f"PAY{nxt('pay'):07d}", bk, p.uid, pay_t, 0, pts, "POINTS"])
            p.points += pts
        else:
            payouts.append([f"PAY{nxt('pay'):07d}", bk, p.uid, pay_t, fen, 0, "CASH"])
    # rating
    if chance(0.28):
        t = done + timedelta(hours=R.uniform(0.2, 30))
        if within(t):
            mean = 4.5 - (1.4 if late > 60 else 0) - (1.8 if under else 0) - (0.4 if delayed else 0)
            if done >= PAPER_DROP and main == "paper":
                mean -= 0.35
            stars = max(1, min(5, round(R.gauss(mean, 0.8))))
            ratings.append([bk, p.uid, t, stars, collector])
    # points mall
    if p.points >= 120 and chance(0.5 if t_in_mall_season(done) else 0.22):
        t = done + timedelta(days=R.uniform(0.5, 12))
        if within(t):
            ev(p, t - timedelta(minutes=R.uniform(1, 6)), "mall_view", "direct")
            items = [it for it in MALL_ITEMS if it[1] <= p.points]
            name, cost = R.choice(items)
            mall.append([f"MO{nxt('mall'):06d}", p.phone, t, name, cost])
            p.points -= cost
            if chance(0.03):
                ticket(p, t + timedelta(hours=R.uniform(1, 48)), "积分问题", bk)
    elif p.openid and chance(0.08):
        ev(p, done + timedelta(days=R.uniform(0.5, 10)), "mall_view", "direct")
    return "done"


def t_in_mall_season(ts):
    return datetime(2026, 10, 1) <= ts < datetime(2026, 12, 1)


def acquire(d, city):
    """One new resident (or a visitor who never binds a phone) and their year."""
    day0 = datetime(d.year, d.month, d.day)
    if city == "宁波":
        w = [0.55, 0.15, 0.15, 0.08, 0.07]
    else:
        w = [0.28, 0.25, 0.2, 0.12, 0.15]
        if day0 >= DOUYIN_PUSH:
            w[3] = 0.24
    src = pick(SRC, w)
    p = Person(city, src)
    t = at(d)
    offline = src == "qr_ditui" and chance(
        0.3
    )  # signed up on paper at a 地推 stall, books by phone
    if offline:
        register(p, t)
        p.reg = t
        first_p = 0.85
    else:
        ev(p, t, "launch", src)
        if chance(0.6):
            ev(p, t + timedelta(minutes=R.uniform(0.5, 3)), "view_price", src)
        p_bind = {
            "qr_ditui": 0.85,
            "wx_search": 0.62,
            "ali_promo": 0.6,
            "dy_ad": 0.5,
            "invite": 0.82,
        }[src]
        if src == "dy_ad" and day0 >= DOUYIN_PUSH:
            p_bind = 0.3
        if not chance(p_bind):
            if chance(0.3):
                ev(p, t + timedelta(days=R.uniform(1, 20)), "launch", "direct")
            return p
        tb = (
            t + timedelta(minutes=R.uniform(2, 15))
            if chance(0.7)
            else t + timedelta(days=R.uniform(0.5, 6))
        )
        if not within(tb) or inw(tb, OUTAGE):
            return p
        register(p, tb)
        ev(p, tb, "bind_phone", src)
        first_p = {
            "qr_ditui": 0.78,
            "wx_search": 0.7,
            "ali_promo": 0.72,
            "dy_ad": 0.55,
            "invite": 0.8,
        }[src]
        if src == "dy_ad" and day0 >= DOUYIN_PUSH:
            first_p = 0.4
    if p.uid is None:
        return p
    if not chance(first_p):
        return p
    tb = (
        p.reg + timedelta(minutes=R.uniform(3, 40))
        if chance(0.55)
        else p.reg + timedelta(days=R.expovariate(1 / 5))
    )
    n = 0
    while within(tb):
        out = do_booking(p, tb)
        n += 1
        if out is None:
            break
        if p.openid and chance(0.05):
            ev(p, tb + timedelta(days=R.uniform(1, 5)), "share_invite", "direct")
            if chance(0.35):
                invites.append(tb)
        keep = 0.8 - 0.1 * min(p.mood, 3)
        if out == "cancelled":
            keep -= 0.05
        if tb >= PAPER_DROP:
            keep -= 0.06
        if p.city == "宁波":
            keep += 0.03
        if not chance(keep):
            break
        gap = max(3.0, R.gauss(20, 7))
        if inw(tb + timedelta(days=gap), SURGE):
            gap *= 0.7
        tb = at((tb + timedelta(days=gap)).date())
        if p.openid and chance(0.35):
            ev(p, tb - timedelta(minutes=R.uniform(1, 10)), "launch", "direct")
    return p


def day_weight(d, city):
    dt = datetime(d.year, d.month, d.day)
    if city == "宁波":
        if dt < NINGBO_LAUNCH:
            return 0
        w = 9.0 if dt < NINGBO_LAUNCH + timedelta(days=21) else 5.0
    else:
        w = 19.0
        if datetime(2026, 2, 14) <= dt < datetime(2026, 2, 24):  # 春节
            w *= 0.5
    if d.weekday() >= 5:
        w *= 1.3
    if inw(dt, SURGE):
        w *= 1.6
    return w


def simulate():
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        for city in ("杭州", "宁波"):
            for _ in range(poisson(day_weight(d, city))):
                acquire(d, city)


def write(folder: Path):
    def utc(ts):  # Shanghai local -> UTC ISO with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def ems(ts):  # Shanghai local -> epoch milliseconds
        return int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000)

    with open(folder / "mp_events.jsonl", "w", encoding="utf-8") as f:
        for ts, openid, uid, name, src, plat, extra in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "ts": ems(ts),
                "openid": openid,
                "uid": uid or None,
                "event": name,
                "src": src,
                "mp": plat,
            }
            obj.update(extra)
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "居民档案.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["用户ID", "手机号摘要", "注册时间", "城市", "区", "街道", "小区", "来源渠道"])
        for p in sorted(residents, key=lambda p: p.uid):
            w.writerow(
                [
                    p.uid,
                    p.phone,
                    f"{p.reg:%Y/%m/%d %H:%M}",
                    p.city,
                    p.dist,
                    p.street,
                    p.estate,
                    SRC_NAME[p.src],
                ]
            )
    via_name = {
        "wx": "微信小程序",
        "ali": "支付宝小程序",
        "dy": "抖音小程序",
        "hotline": "客服热线",
    }
    with open(folder / "预约单.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "预约单号",
                "用户ID",
                "下单时间",
                "城市",
                "区",
                "街道",
                "小区",
                "回收品类",
                "预约时段",
                "下单渠道",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M}", *r[3:9], via_name[r[9]]])
    with open(folder / "预约状态变更.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["预约单号", "用户ID", "变更时间", "状态", "备注"])
        for r in sorted(status, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M}", r[3], r[4]])
    with open(folder / "collector_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "pickup_id",
                "booking_no",
                "resident_id",
                "collector_id",
                "arrived_at",
                "completed_at",
                "paper_kg",
                "plastic_kg",
                "metal_kg",
                "clothes_kg",
                "appliance_kg",
                "total_kg",
            ]
        )
        for pk, bk, uid, col, arr, done, kg, _city in sorted(pickups, key=lambda r: (r[5], r[0])):
            w.writerow(
                [
                    pk,
                    bk,
                    uid,
                    col,
                    utc(arr),
                    utc(done),
                    kg["paper"],
                    kg["plastic"],
                    kg["metal"],
                    kg["clothes"],
                    kg["appliance"],
                    round(sum(kg.values()), 1),
                ]
            )
    with open(folder / "payout_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["txn_no", "booking_no", "uid", "paid_at", "amount_fen", "points", "pay_type"])
        for r in sorted(payouts, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5], r[6]])
    with open(folder / "mall_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "member_phone", "created", "item", "points_spent"])
        for r in sorted(mall, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], ems(r[2]) // 1000, r[3], r[4]])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "手机号摘要",
                "创建时间",
                "首次响应时间",
                "解决时间",
                "问题类型",
                "渠道",
                "是否投诉",
                "满意度",
                "关联预约单",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), *r[5:]])
    with open(folder / "ratings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["booking_no", "uid", "rated_at", "stars", "collector_id"])
        for r in sorted(ratings, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M:%S}", r[3], r[4]])
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "金额(元)"])
        m = datetime(2025, 12, 1)
        while m < END:
            nm = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)
            ditui = 60000 * R.uniform(0.9, 1.1)
            if m >= NINGBO_LAUNCH:
                ditui += 90000 if m.month == 4 else 40000
            douyin = (70000 if m >= DOUYIN_PUSH else 28000) * R.uniform(0.9, 1.1)
            ali = 25000 * R.uniform(0.9, 1.1) * (1.3 if m.month == 11 else 1)
            inv = 10 * sum(1 for t in invites if m <= t < nm) + 20 * sum(
                1 for p in residents if p.src == "invite" and m <= p.reg < nm
            )
            for ch, amt in (
                ("社区地推", ditui),
                ("抖音", douyin),
                ("支付宝推广", ali),
                ("邀请奖励", inv),
            ):
                w.writerow([f"{m:%Y-%m}", ch, f"{amt:.0f}"])
            m = nm


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="recycling-src-") as tmp:
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
