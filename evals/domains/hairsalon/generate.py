"""Hair salon evaluation domain: 剪艺 JianYi Hair, 28 salons in Shanghai and Hangzhou.

    python generate.py OUT.duckdb

Writes JianYi's own exports (seeded: the same files every run) to a temporary folder —

  会员档案.csv            POS members: 会员号, 手机号(哈希), openid, 注册时间, 城市, 常去门店, 等级
  pos_收银流水.csv         salon POS: one row per paid service ('YYYY/MM/DD HH:mm' local, 元)
  booking_export.jsonl    booking system (mini-program / phone / 大众点评): ISO UTC times with Z
  dianping_orders.csv     大众点评 团购 order export (dp user id, coupon code 团购券码)
  储值卡流水.csv           prepaid-card ledger: 充值 / 消费 (ISO times with +08:00)
  评价导出.csv             review export: rating of the stylist 1-5 ('YYYY.MM.DD HH:MM')
  投诉导出.csv             complaints with reply and close times
  广告投放月报.csv         monthly ads spend in 元

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
DEAL_START = datetime(2026, 3, 1)  # ¥99 洗剪吹 团购 on 大众点评
TONY_LEAVES = datetime(2026, 6, 13)  # star 总监 Tony leaves 徐汇店 (last day 06-12)
OUTAGE = (datetime(2026, 9, 3), datetime(2026, 9, 6))  # booking system down 09-03 … 09-05
PRICE_RISE = datetime(2026, 10, 8)  # +15 % prices, smaller card bonus, after National Day

R = random.Random(SEED)

SH_SHOPS = [
    "徐汇店",
    "静安店",
    "黄浦新天地店",
    "长宁店",
    "陆家嘴店",
    "张江店",
    "五角场店",
    "虹口店",
    "普陀店",
    "莘庄店",
    "七宝店",
    "宝山店",
    "嘉定店",
    "松江店",
    "青浦店",
    "世纪公园店",
    "中山公园店",
    "大宁店",
]
HZ_SHOPS = [
    "西湖店",
    "湖滨店",
    "滨江店",
    "萧山店",
    "未来科技城店",
    "拱墅店",
    "上城店",
    "钱江新城店",
    "临平店",
    "西溪店",
]
SHOPS = SH_SHOPS + HZ_SHOPS
CITY = {s: "上海" for s in SH_SHOPS} | {s: "杭州" for s in HZ_SHOPS}
SHOP_W = [1.6 if s in ("徐汇店", "静安店", "西湖店") else 1.0 for s in SHOPS]
NICKS = [
    "Tony",
    "Kevin",
    "Amy",
    "Leo",
    "Coco",
    "Jason",
    "Lily",
    "Eric",
    "Vivian",
    "Sam",
    "Alex",
    "Nina",
    "Ryan",
    "Judy",
    "Mark",
    "Cindy",
    "Allen",
    "Grace",
    "Jack",
    "Echo",
    "Peter",
    "Annie",
    "Ben",
    "Joyce",
    "Danny",
    "Zoe",
    "Frank",
    "Ivy",
    "Simon",
    "Kiki",
]
SURN = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡"]
LEVELS = ["助理", "设计师", "总监"]
SERVICES = ["剪发", "染发", "烫发", "护理"]
SERVICE_W = [0.56, 0.17, 0.1, 0.17]
PRICE = {
    "剪发": (68, 128, 268),
    "染发": (380, 580, 880),
    "烫发": (480, 680, 1080),
    "护理": (198, 298, 398),
}
TOPUPS = [1000, 3000, 5000]
BONUS_OLD = {1000: 100, 3000: 450, 5000: 1000}
BONUS_NEW = {1000: 50, 3000: 240, 5000: 600}

# stylists: per shop 2 助理, 3 设计师, 1 总监; Tony王 is the 徐汇店 总监
STYLISTS = {}
_used = set()
for shop in SHOPS:
    lst = []
    for lvl in ["助理", "助理", "设计师", "设计师", "设计师", "总监"]:
        while True:
            name = R.choice(NICKS) + R.choice(SURN)
            if name not in _used and name != "Tony王":
                break
        if shop == "徐汇店" and lvl == "总监":
            name = "Tony王"
        _used.add(name)
        lst.append((name, lvl))
    STYLISTS[shop] = lst


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


HOURS = [0] * 10 + [3, 4, 4, 4, 5, 5, 5, 5, 5, 5, 4, 2] + [0] * 2


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(0, 60, 5))


def within(ts):
    return START <= ts < END


def in_outage(ts):
    return OUTAGE[0] <= ts < OUTAGE[1]


members, pos, bookings, dp_orders, ledger, reviews, complaints = ([] for _ in range(7))
seq = {"mem": 300000, "pos": 0, "bk": 0, "dp": 0, "led": 0, "rv": 0, "cp": 0, "dpu": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, shop):
        self.shop = shop
        self.member = None
        self.phone = None
        self.openid = None
        self.dpuser = None
        self.level = pick(LEVELS, [0.25, 0.55, 0.2])
        self.stylist = R.choice([s for s, lv in STYLISTS[shop] if lv == self.level])
        self.book = "walkin"
        self.balance = 0.0
        self.card = False
        self.gender = pick(["女", "男"], [0.68, 0.32])
        self.tier = "普通"
        self.created = None
        self.loyal_tony = False
        self.deal = False
        self.phone = h(f"phone-guest{len(people)}-{R.random()}", 12)


people = []


def enrol(p, ts, tier=None):
    if p.member is None:
        p.member = f"JY{nxt('mem')}"
        p.created = ts
        if tier:
            p.tier = tier
        members.append(p)


def price_of(service, level, ts):
    base = PRICE[service][LEVELS.index(level)]
    if ts >= PRICE_RISE:
        base = round(base * 1.15 / 10) * 10 - 2 if base > 100 else round(base * 1.15)
    return float(base)


def complain(p, ts, kind, shop, via):
    if not within(ts):
        return
    frt = ts + timedelta(hours=R.uniform(0.3, 8) if via != "大众点评" else R.uniform(2, 30))
    if kind == "储值卡纠纷" and ts >= PRICE_RISE:
        frt = ts + timedelta(hours=R.uniform(12, 72))  # the head office is swamped
    res = frt + timedelta(hours=R.uniform(4, 96))
    sat = ""
    if chance(0.5):
        sat = str(max(1, min(5, round(R.gauss(3.4 if kind != "储值卡纠纷" else 2.3, 1.0)))))
    complaints.append(
        (
            f"TS{nxt('cp'):06d}",
            p.member or "",
            p.dpuser or "",
            shop,
            ts,
            frt if frt < END else None,
            res if res < END and chance(0.95) else None,
            kind,
            via,
            sat,
            p.phone,
        )
    )


def visit(p, ts, source, coupon=""):
    """A paid service at the POS and what follows: card ledger, review, complaint, card sale."""
    if not within(ts):
        return False
    shop = p.shop
    if coupon:
        service, level = "剪发", pick(["助理", "设计师"], [0.6, 0.4])
        stylist = R.choice([s for s, lv in STYLISTS[shop] if lv == level])
    else:
        w = list(SERVICE_W)
        if ts.month in (7, 8):
            w[1] *= 2.4  # summer colour season
        if ts.month == 12:
            w[2] *= 1.6
            w[3] *= 1.5  # party hair
        service = pick(SERVICES, w)
        stylist, level = p.stylist, p.level
        if stylist == "Tony王" and ts >= TONY_LEAVES:
            # Tony has left: his customers who stayed see another 徐汇店 stylist
            p.stylist = stylist = R.choice([s for s, lv in STYLISTS[shop] if lv == "设计师"])
            p.level = level = "设计师"
    amount = 99.0 if coupon else price_of(service, level, ts)
    if coupon:
        pay = "团购券"
    elif p.card and p.balance >= amount:
        pay = "储值卡"
    else:
        pay = pick(["微信", "支付宝", "现金"], [0.6, 0.32, 0.08])
    oid = f"XS{ts:%y%m%d}{nxt('pos'):06d}"
    pos.append(
        (
            oid,
            shop,
            p.member or "",
            p.phone or "",
            ts,
            service,
            stylist,
            level,
            amount,
            pay,
            coupon,
            source,
        )
    )
    if pay == "储值卡":
        p.balance -= amount
        ledger.append(
            (p, ts + timedelta(minutes=R.randrange(1, 4)), "消费", amount, 0.0, shop, oid)
        )
    # review (stylist rating)
    mood = 0.0
    if service == "染发" and ts.month in (7, 8) and chance(0.12):
        mood = 1.0
        complain(
            p,
            ts + timedelta(hours=R.uniform(3, 60)),
            "染发颜色不对",
            shop,
            pick(["小程序", "电话", "大众点评"], [4, 3, 3]),
        )
    wait_p = 0.02 + (0.04 if ts.weekday() >= 5 else 0) + (0.05 if ts.month == 12 else 0)
    if chance(wait_p):
        mood = max(mood, 0.6)
        complain(
            p,
            ts + timedelta(hours=R.uniform(1, 30)),
            "等待太久",
            shop,
            pick(["小程序", "电话", "大众点评"], [4, 2, 4]),
        )
    hard = 0.015 + (0.05 if coupon else 0)
    if chance(hard):
        mood = max(mood, 0.8)
        complain(
            p,
            ts + timedelta(hours=R.uniform(1, 30)),
            "强行推销办卡",
            shop,
            "大众点评" if coupon else "小程序",
        )
    if pay == "储值卡" and chance(
        0.16 if PRICE_RISE <= ts < PRICE_RISE + timedelta(days=30) else 0.004
    ):
        mood = max(mood, 0.9)  # October: the card balance buys less after the price rise
        complain(
            p,
            ts + timedelta(hours=R.uniform(1, 48)),
            "储值卡纠纷",
            shop,
            pick(["小程序", "电话", "大众点评"], [3, 4, 3]),
        )
    if chance(0.008):
        complain(
            p,
            ts + timedelta(hours=R.uniform(1, 30)),
            "服务态度",
            shop,
            pick(["小程序", "电话"], [1, 1]),
        )
    if chance(0.3 if not coupon else 0.22):
        rt = ts + timedelta(hours=R.uniform(1, 72))
        if within(rt) and (p.member or p.dpuser):
            mean = 4.8 if level == "总监" else 4.5 if level == "设计师" else 4.2
            if coupon:
                mean -= 0.5
            stars = max(1, min(5, round(R.gauss(mean - 2.2 * mood, 0.7))))
            src = "大众点评" if (p.dpuser and not p.member) or chance(0.35) else "小程序"
            reviews.append(
                (
                    f"PJ{nxt('rv'):07d}",
                    p.member or "",
                    p.dpuser or "",
                    shop,
                    stylist,
                    level,
                    service,
                    rt,
                    stars,
                    src,
                )
            )
    # card sale after the visit (staff pitch the card)
    new_card = not coupon and not p.card and p.member and chance(0.05 if ts < PRICE_RISE else 0.025)
    top_up = p.card and p.balance < 200 and chance(0.5 if ts < PRICE_RISE else 0.2)
    if new_card or top_up:
        sell_card(p, ts + timedelta(minutes=R.uniform(5, 20)))
    return True


def sell_card(p, ts):
    if not within(ts):
        return
    amt = pick(TOPUPS, [0.5, 0.35, 0.15])
    bonus = (BONUS_OLD if ts < PRICE_RISE else BONUS_NEW)[amt]
    p.card = True
    p.balance += amt + bonus
    if p.tier == "普通":
        p.tier = "银卡" if amt < 5000 else "金卡"
    ledger.append((p, ts, "充值", float(amt), float(bonus), p.shop, ""))


def book_and_visit(p, day, via):
    """A booking (mini-program / phone / 大众点评) and its outcome, or a walk-in."""
    slot = at(day)
    if not within(slot):
        return
    if via == "walkin":
        visit(p, slot, "散客")
        return
    created = slot - timedelta(hours=R.uniform(1, 120))
    if in_outage(created) or in_outage(slot):
        # booking system down: mini-program cannot book, people phone or walk in
        if chance(0.7):
            visit(p, slot + timedelta(minutes=R.randrange(0, 60, 5)), "散客")
        return
    if not within(created):
        created = slot - timedelta(hours=R.uniform(0.5, 2))
        if not within(created):
            return
    bid = f"BK{nxt('bk'):07d}"
    service = pick(SERVICES, SERVICE_W)
    bookings.append((bid, p, created, "已预约", via, service, slot))
    r = R.random()
    p_cancel = 0.08
    p_noshow = 0.06 if via != "大众点评" else 0.16
    if r < p_cancel:
        ct = created + (slot - created) * R.uniform(0.2, 0.95)
        bookings.append((bid, p, ct, "取消", via, service, slot))
    elif r < p_cancel + p_noshow:
        bookings.append((bid, p, slot + timedelta(minutes=30), "爽约", via, service, slot))
    else:
        arrive = slot + timedelta(minutes=R.randrange(-10, 15))
        bookings.append((bid, p, arrive, "已到店", via, service, slot))
        visit(
            p,
            arrive + timedelta(minutes=R.randrange(5, 40, 5)),
            {"mini": "预约-小程序", "phone": "预约-电话", "大众点评": "预约-大众点评"}[via],
        )


def season(d):
    w = 1.0
    if d.month in (7, 8):
        w *= 1.3
    if d.month == 12:
        w *= 1.45 if d.day >= 10 or d.year == 2026 else 1.2
    if d.month == 1 and d.day <= 25:
        w *= 1.1
    if d.month == 2 and 14 <= d.day <= 24:
        w *= 0.5  # Spring Festival closure-ish lull
    if d.weekday() >= 5:
        w *= 1.35
    return w


def regular(created_before=True):
    shop = pick(SHOPS, SHOP_W)
    p = Person(shop)
    people.append(p)
    if created_before:
        enrol(
            p,
            START - timedelta(days=R.uniform(30, 900)),
            pick(["普通", "银卡", "金卡"], [0.6, 0.3, 0.1]),
        )
        if p.tier != "普通" and chance(0.8):
            p.card = True
            p.balance = R.uniform(100, 2500)
    p.book = pick(["mini", "phone", "walkin", "大众点评"], [0.45, 0.18, 0.27, 0.1])
    if p.book == "mini" or chance(0.3):
        p.openid = "oJY" + h(f"open{len(people)}", 20)
    if p.book == "大众点评":
        p.dpuser = f"dp_{h(f'dpu{len(people)}', 10)}"
    return p


def live(p, first_day, gap_mean):
    d = first_day
    while d < END:
        w = season(d)
        if p.loyal_tony and d >= TONY_LEAVES and p.tony_churn:
            return  # followed Tony to his new salon
        if p.shop == "徐汇店" and d >= TONY_LEAVES and not p.loyal_tony and chance(0.01):
            return
        if chance(min(1.0, 0.9 * w)):
            via = p.book
            if via == "mini" and p.member is None:
                via = "walkin"
            book_and_visit(p, d.date(), via)
            if p.member is None and chance(0.5):
                enrol(p, d + timedelta(hours=12))
        d = d + timedelta(days=max(7.0, R.gauss(gap_mean, gap_mean * 0.3)) / max(0.7, w**0.5))


def simulate():
    # existing regulars
    for _ in range(3800):
        p = regular(True)
        if p.shop == "徐汇店" and p.level == "总监":
            p.stylist = "Tony王"
        if p.stylist == "Tony王":
            p.loyal_tony = True
            p.tony_churn = chance(0.7)
        live(p, START + timedelta(days=R.uniform(0, 45)), R.uniform(28, 75))
    # Tony's extra following (he is the star)
    for _ in range(180):
        p = Person("徐汇店")
        people.append(p)
        enrol(p, START - timedelta(days=R.uniform(60, 900)), pick(["银卡", "金卡"], [0.5, 0.5]))
        p.level, p.stylist, p.loyal_tony, p.tony_churn = "总监", "Tony王", True, chance(0.7)
        p.card, p.balance = chance(0.7), R.uniform(300, 3000)
        p.book = pick(["mini", "phone"], [0.7, 0.3])
        p.openid = "oJY" + h(f"open{len(people)}", 20)
        live(p, START + timedelta(days=R.uniform(0, 35)), R.uniform(25, 45))
    # new customers through the year
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        for _ in range(poisson(4.6 * season(d))):
            p = regular(False)
            if p.book == "mini":
                enrol(p, at(d.date()) - timedelta(hours=R.uniform(1, 48)))
            live(p, d, R.uniform(30, 80) if chance(0.55) else 400)
        # 大众点评 团购: other deals all year, ¥99 洗剪吹 from March (mostly one-time visitors)
        lam = 1.2 + (12.0 if d >= DEAL_START else 0.0) * (1.3 if d.weekday() >= 5 else 1.0)
        if DEAL_START <= d < DEAL_START + timedelta(days=21):
            lam *= 1.4
        for _ in range(poisson(lam)):
            deal_customer(d)


DEALS = {"¥99 洗剪吹单人套餐": 99.0, "¥298 染发+护理套餐": 298.0, "¥198 深层护理套餐": 198.0}


def deal_customer(d):
    p = Person(pick(SHOPS, SHOP_W))
    people.append(p)
    p.deal = True
    p.dpuser = f"dp_{h(f'dpu{len(people)}', 10)}"
    p.level = pick(["助理", "设计师"], [0.6, 0.4])
    p.stylist = R.choice([s for s, lv in STYLISTS[p.shop] if lv == p.level])
    deal = (
        "¥99 洗剪吹单人套餐"
        if d >= DEAL_START
        else pick(["¥298 染发+护理套餐", "¥198 深层护理套餐"], [0.5, 0.5])
    )
    ts = d + timedelta(hours=R.uniform(9, 23.5))
    code = f"{R.randrange(10**11, 10**12)}"
    oid = f"DP{nxt('dp'):09d}"
    used = None
    if chance(0.84):
        used = at((ts + timedelta(days=R.uniform(0, 30))).date())
        if used <= ts:
            used = ts + timedelta(hours=2)
        if not within(used):
            used = None
    status = "已核销" if used else ("已退款" if chance(0.35) else "未核销")
    refund_t = ts + timedelta(days=R.uniform(1, 20)) if status == "已退款" else None
    dp_orders.append((oid, p.dpuser, ts, deal, DEALS[deal], code, status, used, p.shop, refund_t))
    if used is None:
        return
    if deal.startswith("¥99"):
        if chance(0.5):
            bid = f"BK{nxt('bk'):07d}"
            created = used - timedelta(hours=R.uniform(2, 72))
            if within(created) and not in_outage(created) and not in_outage(used):
                bookings.append((bid, p, created, "已预约", "大众点评", "剪发", used))
                bookings.append(
                    (
                        bid,
                        p,
                        used - timedelta(minutes=R.randrange(0, 10)),
                        "已到店",
                        "大众点评",
                        "剪发",
                        used,
                    )
                )
        visit(p, used, "大众点评团购", coupon=code)
        # rarely come back
        if chance(0.07):
            enrol(p, used + timedelta(minutes=30))
            p.book = pick(["mini", "walkin"], [0.6, 0.4])
            p.openid = "oJY" + h(f"open{len(people)}", 20) if p.book == "mini" else None
            live(p, used + timedelta(days=R.uniform(25, 60)), R.uniform(35, 70))
    else:
        # the older deals are redeemed as a POS visit paid by coupon at list value
        enrol(p, used - timedelta(minutes=5)) if chance(0.4) else None
        service = "染发" if deal.startswith("¥298") else "护理"
        stylist = R.choice([s for s, lv in STYLISTS[p.shop] if lv == "设计师"])
        pos.append(
            (
                f"XS{used:%y%m%d}{nxt('pos'):06d}",
                p.shop,
                p.member or "",
                p.phone or "",
                used,
                service,
                stylist,
                "设计师",
                DEALS[deal],
                "团购券",
                code,
                "大众点评团购",
            )
        )
        if chance(0.3):
            enrol(p, used + timedelta(minutes=30))
            p.book = "mini"
            p.openid = "oJY" + h(f"open{len(people)}", 20)
            live(p, used + timedelta(days=R.uniform(25, 60)), R.uniform(35, 70))


def write(folder: Path):
    def utc(ts):  # Shanghai local -> UTC ISO with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "会员档案.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            ["会员号", "手机号", "微信openid", "注册时间", "城市", "常去门店", "会员等级", "性别"]
        )
        for p in sorted(members, key=lambda p: p.member):
            w.writerow(
                [
                    p.member,
                    p.phone,
                    p.openid or "",
                    f"{p.created:%Y-%m-%d %H:%M}",
                    CITY[p.shop],
                    p.shop,
                    p.tier,
                    p.gender,
                ]
            )
    with open(folder / "pos_收银流水.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "单号",
                "门店",
                "会员号",
                "手机号",
                "消费时间",
                "服务项目",
                "发型师",
                "发型师级别",
                "实收金额(元)",
                "支付方式",
                "团购券码",
                "客人来源",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[4], r[0])):
            if within(r[4]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        r[2],
                        r[3],
                        f"{r[4]:%Y/%m/%d %H:%M}",
                        r[5],
                        r[6],
                        r[7],
                        f"{r[8]:.2f}",
                        r[9],
                        r[10],
                        r[11],
                    ]
                )
    with open(folder / "booking_export.jsonl", "w", encoding="utf-8") as f:
        for bid, p, ts, status, via, service, slot in sorted(
            bookings, key=lambda r: (r[2], r[0], r[3])
        ):
            if not within(ts):
                continue
            obj = {
                "booking_id": bid,
                "status": status,
                "updated_at": utc(ts),
                "slot_start": utc(slot),
                "source": {"mini": "mini_program", "phone": "phone", "大众点评": "dianping"}[via],
                "store": p.shop,
                "service": service,
                "member_no": p.member or None,
                "openid": p.openid if via == "mini" else None,
                "dp_user_id": p.dpuser if via == "大众点评" else None,
                "phone": p.phone if via == "phone" else None,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "dianping_orders.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "用户ID",
                "下单时间",
                "团购名称",
                "售价",
                "团购券码",
                "券状态",
                "核销时间",
                "核销门店",
                "退款时间",
            ]
        )
        for r in sorted(dp_orders, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        f"{r[2]:%Y-%m-%d %H:%M:%S}",
                        r[3],
                        f"{r[4]:.2f}",
                        r[5],
                        r[6],
                        f"{r[7]:%Y-%m-%d %H:%M:%S}" if r[7] else "",
                        r[8] if r[7] else "",
                        f"{r[9]:%Y-%m-%d %H:%M:%S}" if r[9] and within(r[9]) else "",
                    ]
                )
    with open(folder / "储值卡流水.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            ["流水号", "会员号", "交易时间", "交易类型", "金额", "赠送金额", "门店", "关联单号"]
        )
        for p, ts, kind, amt, bonus, shop, oid in sorted(
            ledger, key=lambda r: (r[1], r[0].member, r[2])
        ):
            if within(ts):
                w.writerow(
                    [
                        f"CZ{nxt('led'):08d}",
                        p.member,
                        f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
                        kind,
                        f"{amt:.2f}",
                        f"{bonus:.2f}" if kind == "充值" else "",
                        shop,
                        oid,
                    ]
                )
    with open(folder / "评价导出.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "评价编号",
                "会员号",
                "点评用户ID",
                "门店",
                "发型师",
                "发型师级别",
                "服务项目",
                "评价时间",
                "评分",
                "评价来源",
            ]
        )
        for r in sorted(reviews, key=lambda r: (r[7], r[0])):
            w.writerow([*r[:7], f"{r[7]:%Y.%m.%d %H:%M}", r[8], r[9]])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "投诉导出.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "投诉单号",
                "会员号",
                "点评用户ID",
                "手机号",
                "门店",
                "投诉时间",
                "首次回复时间",
                "处理完成时间",
                "投诉类型",
                "投诉渠道",
                "处理满意度",
            ]
        )
        for r in sorted(complaints, key=lambda r: r[0]):
            w.writerow(
                [r[0], r[1], r[2], r[10], r[3], fmt(r[4]), fmt(r[5]), fmt(r[6]), r[7], r[8], r[9]]
            )
    with open(folder / "广告投放月报.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["月份", "投放渠道", "花费(元)"])
        base = {
            "大众点评推广通": 38000,
            "抖音本地生活": 22000,
            "小红书": 15000,
            "微信朋友圈广告": 12000,
        }
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch == "大众点评推广通" and m >= DEAL_START:
                    f_ *= 2.1  # pushing the ¥99 deal
                if m.month in (7, 8) and ch == "小红书":
                    f_ *= 1.6
                if m.month == 12:
                    f_ *= 1.3
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

    with tempfile.TemporaryDirectory(prefix="hairsalon-src-") as tmp:
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
