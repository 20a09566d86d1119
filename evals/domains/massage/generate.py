"""Massage evaluation domain: 舒心足道 (ShuXin), 12 foot/body-massage shops in Changsha and Wuhan.

    python generate.py OUT.duckdb

Writes ShuXin's own exports (seeded: the same files every run) to a temporary folder —

  pos_orders.csv          shop POS (Chinese headers, 'YYYY/MM/DD HH:mm:ss' local, 元, 技师工号)
  pos_members.csv         POS member register (手机号, 注册时间, 城市, 会员等级, 首次来源)
  miniapp_events.jsonl    mini-program event log (epoch ms, openid; phone only after binding)
  meituan_vouchers.csv    美团 voucher export (已支付 / 已核销 / 已退款)
  douyin_vouchers.csv     抖音 voucher export (待使用 / 已使用 / 已退款, ISO +08:00)
  card_ledger.csv         member-card ledger (English columns, ISO UTC, amounts in 分)
  ratings.csv             rating export (1-5 stars)
  complaints.csv          complaint tickets
  marketing_monthly.csv   monthly marketing sheet (美团推广通, 抖音本地推, 地推) in 元

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
GUOQING = (datetime(2026, 10, 1), datetime(2026, 10, 8))  # 国庆 holiday peak
MEITUAN_FEE = datetime(2026, 8, 1)  # 美团 commission change -> shops push 抖音 vouchers
POS_OUTAGE = (datetime(2026, 9, 14), datetime(2026, 9, 16))  # POS down: no POS rows
CARD_PROMO = (datetime(2026, 11, 1), datetime(2026, 12, 1))  # 充1000送200
SHORTAGE = (datetime(2026, 3, 1), datetime(2026, 4, 1))  # technician shortage, Changsha

R = random.Random(SEED)

# shop name -> (city, opened)
SHOPS = {
    "长沙五一广场店": ("长沙", None),
    "长沙梅溪湖店": ("长沙", None),
    "长沙河西大学城店": ("长沙", None),
    "长沙星沙店": ("长沙", None),
    "长沙万家丽店": ("长沙", None),
    "长沙开福万达店": ("长沙", None),
    "长沙雨花亭店": ("长沙", None),
    "长沙岳麓山店": ("长沙", None),
    "武汉光谷店": ("武汉", None),
    "武汉江汉路店": ("武汉", None),
    "武汉汉口西站店": ("武汉", datetime(2026, 6, 6)),
    "武汉徐东店": ("武汉", datetime(2026, 6, 20)),
}
SHOP_CODE = {s: f"SX{i + 1:02d}" for i, s in enumerate(SHOPS)}
SHOP_W = [1.2, 1.0, 0.9, 0.8, 0.9, 1.0, 0.7, 0.8, 1.1, 1.0, 0.9, 0.8]
TECHS = {s: [f"{SHOP_CODE[s]}-{k:02d}" for k in range(1, 11)] for s in SHOPS}
SERVICES = ["足疗", "推拿", "采耳", "肩颈理疗"]
SERVICE_W = [0.46, 0.26, 0.12, 0.16]
PRICE = {"足疗": (138, 198), "推拿": (168, 238), "采耳": (68, 98), "肩颈理疗": (158, 228)}
VOUCHER = {"足疗": 99.0, "推拿": 128.0, "采耳": 49.9, "肩颈理疗": 119.0}
PKG = {
    "足疗": "90分钟中药足疗套餐",
    "推拿": "60分钟全身推拿",
    "采耳": "精致采耳",
    "肩颈理疗": "肩颈理疗60分钟",
}
HOURS = [
    0.5,
    0.3,
    0.1,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0.3,
    0.8,
    1.5,
    2,
    2.2,
    2.4,
    2.6,
    2.8,
    3.2,
    4,
    4.5,
    4.2,
    3,
    1.5,
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


def shop_open(shop, ts):
    opened = SHOPS[shop][1]
    return opened is None or ts >= opened


pos, members, mini, meituan, douyin, ledger, ratings, complaints = ([] for _ in range(8))
seq = {"pos": 0, "mt": 0, "dy": 0, "led": 0, "cmp": 0, "phone": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city):
        self.phone = f"1{R.choice('3578')}{R.randrange(10**9):09d}"
        self.openid = None
        self.bound = False
        self.city = city
        shops = [s for s in SHOPS if SHOPS[s][0] == city]
        self.home = pick(shops, [SHOP_W[list(SHOPS).index(s)] for s in shops])
        self.member = None  # (registered ts, tier, first source)
        self.balance = 0.0
        self.mood = R.gauss(0, 0.4)


people = []


def register(p, ts, source):
    if p.member is None and within(ts):
        p.member = [ts, "普通会员", source]
        members.append(p)


def channel_mix(ts):
    # 来源 as the POS writes it: 美团 / 抖音 / 散客 / 老带新 / 小程序
    if ts < MEITUAN_FEE:
        return pick(["美团", "抖音", "散客", "老带新", "小程序"], [0.38, 0.18, 0.22, 0.1, 0.12])
    return pick(["美团", "抖音", "散客", "老带新", "小程序"], [0.2, 0.36, 0.22, 0.1, 0.12])


def shortage(shop, ts):
    return SHOPS[shop][0] == "长沙" and inw(ts, SHORTAGE)


def visit(p, t, source, shop=None):
    """One visit: voucher / booking before, arrival, service, payment, extras, rating, complaint."""
    shop = shop or (
        p.home if chance(0.85) else R.choice([s for s in SHOPS if SHOPS[s][0] == p.city])
    )
    if not shop_open(shop, t) or not within(t):
        return False
    service = pick(SERVICES, SERVICE_W)
    voucher = None
    arrive = t
    if source in ("美团", "抖音"):
        buy = t - timedelta(hours=R.uniform(0.3, 24 * 6))
        price = VOUCHER[service] * (1.08 if source == "美团" and buy >= MEITUAN_FEE else 1.0)
        if source == "抖音" and buy >= MEITUAN_FEE:
            price = VOUCHER[service] * 0.92  # 抖音 special price after the change
        price = round(price, 1)
        if not within(buy):
            return False
        if source == "美团":
            oid = f"MT{26000000 + nxt('mt')}"
            meituan.append((oid, p.phone, shop, PKG[service], price, "已支付", buy))
        else:
            oid = f"DY{7300000000 + nxt('dy')}"
            douyin.append((oid, p.phone, shop, PKG[service], price, "待使用", buy))
        refund_p = 0.06 + (0.1 if shortage(shop, t) else 0)
        if chance(refund_p):
            rt = buy + timedelta(hours=R.uniform(1, 72))
            if within(rt):
                (meituan if source == "美团" else douyin).append(
                    (oid, p.phone, shop, PKG[service], price, "已退款", rt)
                )
            return True
        voucher = (source, oid, price)
    elif source == "小程序":
        if p.openid is None:
            p.openid = "oXq" + h(f"openid{len(people)}{p.phone}")[:25]
        t0 = t - timedelta(hours=R.uniform(1, 48))
        if not within(t0):
            return False
        mini.append((t0, p.openid, p.phone if p.bound else "", "view_shop", shop, ""))
        if not chance(0.55):
            return True
        tb = t0 + timedelta(minutes=R.uniform(1, 15))
        if not p.bound:
            mini.append((tb, p.openid, p.phone, "bind_phone", shop, ""))
            p.bound = True
            tb += timedelta(minutes=R.uniform(0.3, 2))
        mini.append((tb, p.openid, p.phone, "book_submit", shop, service))
        if chance(0.1 + (0.15 if shortage(shop, t) else 0)):
            mini.append(
                (
                    tb + timedelta(hours=R.uniform(0.5, 20)),
                    p.openid,
                    p.phone,
                    "book_cancel",
                    shop,
                    service,
                )
            )
            return True
        arrive = max(t, tb + timedelta(minutes=30))
    if not within(arrive):
        return False
    # arrival; during the Changsha technician shortage some walk-ins leave without being served
    wait = (
        R.uniform(3, 20)
        * (3.0 if shortage(shop, arrive) else 1.0)
        * (1.8 if inw(arrive, GUOQING) else 1.0)
    )
    pos_ok = not inw(arrive, POS_OUTAGE)
    no = f"XS{arrive:%y%m%d}{nxt('pos'):06d}"
    tech = R.choice(TECHS[shop][:7] if shortage(shop, arrive) else TECHS[shop])
    if pos_ok:
        pos.append((no, shop, "开单", arrive, p.phone, service, "", "", 0.0, source, 0.0))
    if shortage(shop, arrive) and not voucher and chance(0.18):
        if chance(0.3):
            complaint(p, shop, arrive + timedelta(minutes=wait), "等待时间长", 1.5)
        return True
    start = arrive + timedelta(minutes=wait)
    dur = {"足疗": 90, "推拿": 60, "采耳": 40, "肩颈理疗": 60}[service]
    end = start + timedelta(minutes=dur + R.uniform(-5, 10))
    if voucher:
        redeem = start - timedelta(minutes=R.uniform(0, 3))
        if within(redeem):
            src, oid, price = voucher
            if src == "美团":
                meituan.append((oid, p.phone, shop, PKG[service], price, "已核销", redeem))
            else:
                douyin.append((oid, p.phone, shop, PKG[service], price, "已使用", redeem))
        amount = 0.0
        pay = "团购券"
    else:
        lo, hi = PRICE[service]
        amount = float(R.randrange(lo, hi + 1, 10))
        if p.balance >= amount and chance(0.9):
            pay = "会员卡"
            amount = round(amount * 0.88, 2)  # member price
            p.balance -= amount
        else:
            pay = pick(["微信", "现金"], [0.88, 0.12])
    if not within(end):
        return True
    if pos_ok:
        pos.append((no, shop, "结账", end, p.phone, service, tech, pay, amount, source, 0.0))
    extra = chance(0.22 + (0.06 if voucher else 0))
    if extra and pos_ok:
        et = end + timedelta(minutes=R.uniform(1, 5))
        add = pick(["加钟", "采耳", "拔罐", "艾灸"], [0.45, 0.2, 0.2, 0.15])
        amt = {"加钟": 78.0, "采耳": 58.0, "拔罐": 48.0, "艾灸": 68.0}[add]
        pm = "会员卡" if pay == "会员卡" else pick(["微信", "现金"], [0.9, 0.1])
        pos.append((no, shop, "加项", et, p.phone, add, tech, pm, amt, source, 0.0))
    if chance(0.08) and pos_ok:
        pos.append(
            (
                no,
                shop,
                "小费",
                end + timedelta(minutes=R.uniform(1, 6)),
                p.phone,
                service,
                tech,
                "微信",
                0.0,
                source,
                float(R.choice([10, 20, 20, 30, 50])),
            )
        )
    # join / top up the stored-value card
    promo = inw(end, CARD_PROMO)
    if p.member is None and chance(0.14 if source != "老带新" else 0.25):
        register(p, end + timedelta(minutes=2), source)
    if p.member and chance((0.12 if p.balance < 150 else 0.03) * (4.0 if promo else 1.0)):
        amt = pick([500, 1000, 2000], [0.55, 0.35, 0.1] if not promo else [0.2, 0.65, 0.15])
        bonus = (200 * (amt // 1000)) if promo and amt >= 1000 else (50 if amt == 1000 else 0)
        lt = end + timedelta(minutes=R.uniform(3, 10))
        if within(lt):
            ledger.append((lt, p, "TOPUP", amt * 100, bonus * 100, shop))
            p.balance += amt + bonus
            if amt >= 2000:
                p.member[1] = "金卡会员"
            elif amt >= 1000 and p.member[1] == "普通会员":
                p.member[1] = "银卡会员"
    # rating
    sh = shortage(shop, arrive)
    if chance(0.3):
        rt = end + timedelta(hours=R.uniform(0.2, 30))
        if within(rt):
            mean = 4.5 + p.mood * 0.3 - (1.0 if sh else 0) - (0.4 if inw(arrive, GUOQING) else 0)
            stars = max(1, min(5, round(R.gauss(mean, 0.7))))
            text = (
                R.choice(["技师手法很好", "环境干净", "服务周到", "下次还来", ""])
                if stars >= 4
                else R.choice(["等太久了", "技师不专业", "床单不干净", "一般般", "排队太久"])
            )
            ratings.append(
                (p.phone, shop, tech, stars, rt, text, "小程序" if source == "小程序" else source)
            )
    # complaint
    cp = 0.012 + (0.05 if sh else 0) + (0.02 if inw(arrive, GUOQING) else 0)
    if chance(cp):
        kind = pick(["技师态度", "等待时间长", "卫生问题"], [0.4, 0.35 + (0.8 if sh else 0), 0.25])
        complaint(p, shop, end + timedelta(hours=R.uniform(0.2, 20)), kind, 1.0 if sh else 0.0)
    return True


def complaint(p, shop, ts, kind, mood):
    if not within(ts):
        return
    ch = pick(["电话", "美团", "小程序", "现场"], [0.35, 0.25, 0.2, 0.2])
    fr = {
        "电话": R.uniform(2, 60),
        "美团": R.uniform(30, 600),
        "小程序": R.uniform(20, 480),
        "现场": R.uniform(1, 10),
    }[ch]
    if inw(ts, SHORTAGE):
        fr *= 1.8
    res = fr + R.uniform(60, 60 * 48)
    solved = ts + timedelta(minutes=res)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(3.6 - mood * 0.7, 1.0))))
    complaints.append(
        (
            f"TS{nxt('cmp'):05d}",
            p.phone,
            shop,
            kind,
            ts,
            ts + timedelta(minutes=fr),
            solved if solved < END and chance(0.95) else None,
            ch,
            sat,
        )
    )


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0 + 0.25 * math.cos(
        (d.timetuple().tm_yday - 15) / 365 * 2 * math.pi
    )  # cold months: foot baths
    if d.weekday() >= 5:
        w *= 1.35
    if inw(dt, GUOQING):
        w *= 2.6
    if datetime(2026, 2, 15) <= dt < datetime(2026, 2, 22):
        w *= 0.45  # 春节: staff go home
    return w


def new_customer(d):
    shop_pool = [s for s in SHOPS if shop_open(s, datetime(d.year, d.month, d.day, 12))]
    ws = [
        SHOP_W[list(SHOPS).index(s)] * (1.5 if SHOPS[s][1] and d.month in (6, 7) else 1.0)
        for s in shop_pool
    ]
    shop = pick(shop_pool, ws)
    p = Person(SHOPS[shop][0])
    p.home = shop
    people.append(p)
    t = at(d)
    src = channel_mix(t)
    if not visit(p, t, src, shop):
        return
    # return visits
    loyal = 0.45 if p.member else 0.22
    k = 0
    while chance(loyal) and k < 12:
        k += 1
        t = t + timedelta(days=R.expovariate(1 / 24))
        if not within(t):
            break
        src2 = (
            src
            if src in ("美团", "抖音") and chance(0.4)
            else pick(["散客", "小程序", channel_mix(t)], [4, 3, 3])
        )
        visit(p, at(t.date()), src2)
        loyal = 0.7 if p.member else loyal
        if src2 != "老带新" and chance(0.03):
            friend = Person(p.city)
            friend.home = p.home
            people.append(friend)
            visit(friend, at((t + timedelta(days=R.uniform(1, 20))).date()), "老带新", p.home)


def existing_member():
    p = Person(pick(["长沙", "武汉"], [0.8, 0.2]))
    if SHOPS[p.home][1] is not None:
        p.home = "武汉光谷店"
    people.append(p)
    p.member = [
        START - timedelta(days=R.uniform(20, 900)),
        pick(["普通会员", "银卡会员", "金卡会员"], [5, 3, 1]),
        pick(["美团", "散客", "老带新", "抖音"], [4, 3, 2, 1]),
    ]
    members.append(p)
    p.balance = R.uniform(0, 900)
    if chance(0.5):
        p.openid = "oXq" + h(f"openid-m{len(people)}")[:25]
        p.bound = True
    n = poisson(4.2)
    for _ in range(n):
        d = (START + timedelta(days=R.randrange(N_DAYS))).date()
        visit(p, at(d), pick(["散客", "小程序", "美团", "抖音"], [5, 4, 1, 1]))


def simulate():
    for _ in range(900):
        existing_member()
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        for _ in range(poisson(17 * day_weight(d))):
            new_customer(d)
    # mini-program browsers who never book
    for _ in range(1500):
        d = (START + timedelta(days=R.randrange(N_DAYS))).date()
        oid = "oXq" + h(f"browser{_}")[:25]
        t = at(d)
        shop = R.choice([s for s in SHOPS if shop_open(s, t)])
        mini.append((t, oid, "", "view_shop", shop, ""))


def write(folder: Path):
    with open(folder / "pos_orders.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "单号",
                "门店",
                "城市",
                "类型",
                "时间",
                "顾客手机",
                "项目",
                "技师工号",
                "支付方式",
                "实收金额",
                "客源",
                "小费",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[3], r[0], r[2])):
            no, shop, kind, ts, phone, svc, tech, pay, amt, src, tip = r
            w.writerow(
                [
                    no,
                    shop,
                    SHOPS[shop][0],
                    kind,
                    f"{ts:%Y/%m/%d %H:%M:%S}",
                    phone,
                    svc,
                    tech,
                    pay,
                    f"{amt:.2f}" if kind in ("结账", "加项") else "",
                    src,
                    f"{tip:.2f}" if kind == "小费" else "",
                ]
            )
    with open(folder / "pos_members.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["手机号", "注册时间", "城市", "会员等级", "首次来源", "常去门店"])
        for p in sorted(members, key=lambda p: (p.member[0], p.phone)):
            w.writerow(
                [
                    p.phone,
                    f"{p.member[0]:%Y/%m/%d %H:%M:%S}",
                    p.city,
                    p.member[1],
                    p.member[2],
                    p.home,
                ]
            )
    with open(folder / "miniapp_events.jsonl", "w", encoding="utf-8") as f:
        for ts, oid, phone, ev, shop, svc in sorted(mini, key=lambda r: (r[0], r[1], r[3])):
            ms = int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000)
            obj = {
                "event_time": ms,
                "openid": oid,
                "phone": phone or None,
                "event": ev,
                "shop_id": SHOP_CODE[shop],
                "service": svc or None,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "meituan_vouchers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "用户手机号", "门店名称", "套餐名称", "售价", "订单状态", "操作时间"])
        for r in sorted(meituan, key=lambda r: (r[6], r[0])):
            w.writerow([*r[:4], f"{r[4]:.2f}", r[5], f"{r[6]:%Y-%m-%d %H:%M}"])
    with open(folder / "douyin_vouchers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["order_id", "手机号", "核销门店", "商品名称", "支付金额", "券状态", "时间"])
        for r in sorted(douyin, key=lambda r: (r[6], r[0])):
            w.writerow([*r[:4], f"{r[4]:.2f}", r[5], f"{r[6]:%Y-%m-%dT%H:%M:%S}+08:00"])
    with open(folder / "card_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "txn_id",
                "member_phone",
                "txn_type",
                "amount_fen",
                "bonus_fen",
                "shop_code",
                "created_at",
            ]
        )
        for i, (ts, p, kind, amt, bonus, shop) in enumerate(
            sorted(ledger, key=lambda r: (r[0], r[1].phone))
        ):
            w.writerow(
                [
                    f"L{i + 1:07d}",
                    p.phone,
                    kind,
                    amt,
                    bonus,
                    SHOP_CODE[shop],
                    f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z",
                ]
            )
    with open(folder / "ratings.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["手机号", "门店", "技师工号", "星级", "评价时间", "评价内容", "来源"])
        for r in sorted(ratings, key=lambda r: (r[4], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%d %H:%M:%S}", r[5], r[6]])
    with open(folder / "complaints.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "手机号",
                "门店",
                "投诉类型",
                "受理时间",
                "首次回复时间",
                "处理完成时间",
                "投诉渠道",
                "满意度",
            ]
        )

        def fmt(ts):
            return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

        for r in complaints:
            w.writerow([r[0], r[1], r[2], r[3], fmt(r[4]), fmt(r[5]), fmt(r[6]), r[7], r[8]])
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "推广渠道", "城市", "花费(元)"])
        m = datetime(START.year, START.month, 1)
        while m < END:
            for city in ("长沙", "武汉"):
                scale = 1.0 if city == "长沙" else (0.35 if m < datetime(2026, 6, 1) else 0.7)
                mt = 42000 if m < MEITUAN_FEE else 24000
                dy = 18000 if m < MEITUAN_FEE else 39000
                if m.month == 10:
                    mt, dy = mt * 1.5, dy * 1.5
                for ch, amt in (
                    ("美团推广通", mt),
                    ("抖音本地推", dy),
                    ("地推", 6000 if m.month != 6 or city != "武汉" else 26000),
                ):
                    w.writerow([f"{m:%Y-%m}", ch, city, f"{amt * scale * R.uniform(0.9, 1.1):.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="massage-src-") as tmp:
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
