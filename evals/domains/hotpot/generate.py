"""Hotpot evaluation domain: 蜀锅记 Shuguo Hotpot, a Sichuan hotpot chain (22 restaurants).

    python generate.py OUT.duckdb

Writes Shuguo's own exports (seeded: the same files every run) to a temporary folder —

  mp_visits.csv           WeChat mini-program access log: 访问时间 ISO with +08:00, openid,
                          会员卡号 (only once logged in as a member), 来源场景, 页面
  queue_events.jsonl      queue / booking system: 取号/叫号/入座/过号/预订, UTC ISO (Z)
  pos_bills.csv           POS bills: 账单号, 门店, 开台/结账时间 'YYYY-MM-DD HH:MM', 人数,
                          锅底, 应收/优惠/实收金额 (元), 支付方式, payer ids
  coupon_sales.csv        团购 sales (美团/抖音): 券码, 平台, 购买时间 'Y/M/D H:M:S'
  coupon_redemptions.csv  券码 核销 (incl. 生日券 from the 会员中心): 核销时间, 核销门店, 账单号
  members.csv             membership CRM (Chinese headers, UTF-8 with BOM)
  member_joins.csv        CRM 开卡明细 for the year
  topups.csv              CRM 储值流水
  tier_changes.csv        CRM 会员等级变动
  delivery_orders.csv     美团外卖 / 饿了么 orders: 下单时间 'YYYYMMDDHHMMSS'
  reviews.jsonl           reviews (大众点评/美团/抖音): stars, 口味/服务/环境
  complaints.csv          customer-complaint hotline sheet (GB18030), '%Y/%m/%d %H:%M'
  marketing_spend.csv     monthly marketing spend sheet (月份 'YYYY-MM')

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
from bisect import bisect_left
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261204
START = datetime(2025, 12, 4)
END = datetime(2026, 12, 4)  # as_of (Friday); data ends the day before
N_DAYS = (END - START).days
SPRING = (datetime(2026, 2, 10), datetime(2026, 3, 4))  # 春节 (2026-02-17) peak
SUMMER_NIGHT = (datetime(2026, 6, 20), datetime(2026, 9, 10))  # summer 夜宵 peak
DOUYIN_APRIL = (datetime(2026, 4, 1), datetime(2026, 5, 1))  # 抖音团购节
FOOD_SAFETY = datetime(2026, 7, 11, 19, 40)  # 西安小寨店 food-safety complaint
DIP = (datetime(2026, 7, 12), datetime(2026, 8, 16))
DIP2 = (datetime(2026, 8, 16), datetime(2026, 9, 13))
RELAUNCH = datetime(2026, 9, 1)  # membership relaunch: gold threshold 5000 -> 3000

R = random.Random(SEED)

# code, name, city, base traffic weight, opening date (None = open all year)
STORES = [
    ("CD01", "成都春熙路店", "成都", 1.4, None),
    ("CD02", "成都太古里店", "成都", 1.3, None),
    ("CD03", "成都宽窄巷子店", "成都", 1.2, None),
    ("CD04", "成都建设路店", "成都", 1.0, None),
    ("CD05", "成都玉林店", "成都", 0.9, None),
    ("CD06", "成都高新店", "成都", 1.0, None),
    ("CD07", "成都双流店", "成都", 0.7, None),
    ("CD08", "成都金牛万达店", "成都", 0.8, None),
    ("CQ01", "重庆解放碑店", "重庆", 1.3, None),
    ("CQ02", "重庆观音桥店", "重庆", 1.2, None),
    ("CQ03", "重庆南坪店", "重庆", 0.9, None),
    ("CQ04", "重庆沙坪坝店", "重庆", 0.9, None),
    ("CQ05", "重庆洪崖洞店", "重庆", 1.1, None),
    ("CQ06", "重庆大坪店", "重庆", 0.7, None),
    ("XA01", "西安钟楼店", "西安", 1.1, None),
    ("XA02", "西安小寨店", "西安", 1.0, None),
    ("XA03", "西安曲江店", "西安", 0.9, None),
    ("XA04", "西安高新店", "西安", 0.8, None),
    ("SZ01", "深圳南山海岸城店", "深圳", 1.2, None),
    ("SZ02", "深圳福田COCO Park店", "深圳", 1.1, datetime(2026, 3, 20)),
    ("SZ03", "深圳宝安壹方城店", "深圳", 1.0, datetime(2026, 5, 22)),
    ("SZ04", "深圳龙华壹方天地店", "深圳", 1.0, datetime(2026, 10, 16)),
]
STORE_NAME = {s[0]: s[1] for s in STORES}
STORE_CITY = {s[0]: s[2] for s in STORES}
PER_HEAD = {"成都": 86, "重庆": 80, "西安": 84, "深圳": 116}
POTS = ["牛油红锅", "鸳鸯锅", "清油红锅", "菌汤锅", "番茄锅"]
POT_W = [0.38, 0.3, 0.12, 0.1, 0.1]
# where people first heard of us (mini-program 来源场景 as the log writes it)
SOURCES = ["大众点评", "抖音", "小红书", "美团", "公众号", "朋友圈广告", "扫码", "直接打开"]
SOURCE_W = [0.27, 0.2, 0.14, 0.11, 0.08, 0.05, 0.08, 0.07]


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


def h(text, n=12):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def day_weight(code, d):
    store = next(s for s in STORES if s[0] == code)
    opening = store[4]
    if opening and d < opening:
        return 0.0
    w = store[3] * [0.8, 0.78, 0.85, 0.95, 1.35, 1.55, 1.2][d.weekday()]
    if inw(d, SPRING):
        w *= 2.0
    if datetime(2026, 2, 16) <= d < datetime(2026, 2, 17):  # 除夕: family dinners at home
        w *= 0.5
    if d.month in (7, 8):
        w *= 1.15
    if opening and d < opening + timedelta(days=14):
        w *= 1.7  # opening buzz
    if code == "XA02" and inw(d, DIP):
        w *= 0.35
    elif code == "XA02" and inw(d, DIP2):
        w *= 0.75
    return w


DAYS = [START + timedelta(days=k) for k in range(N_DAYS)]
CUM = {s[0]: list(accumulate(day_weight(s[0], d) for d in DAYS)) for s in STORES}


def sample_day(code, lo=START, hi=END):
    cum = CUM[code]
    a = (lo - START).days
    b = (hi - START).days
    base = cum[a - 1] if a > 0 else 0.0
    top = cum[b - 1]
    if top <= base:
        return None
    x = base + R.random() * (top - base)
    return DAYS[min(bisect_left(cum, x), N_DAYS - 1)]


mp, queue, bills, sales, redemptions, joins, topups, tiers, deliveries, reviews, complaints = (
    [] for _ in range(11)
)
members = []
seq = {
    "bill": 0,
    "coupon": 0,
    "member": 100000,
    "ticket": 0,
    "topup": 0,
    "deliv": 0,
    "person": 0,
    "q": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, store):
        self.i = nxt("person")
        self.store = store
        self.phone = "m" + h(f"phone{self.i}", 16)
        self.openid = ("oSGJ" + h(f"openid{self.i}", 20)) if chance(0.9) else ""
        self.alipay = "2088" + str(int(h(f"ali{self.i}", 10), 16))[:12]
        self.member = ""
        self.tier = ""
        self.spend = 0.0
        self.balance = 0.0
        self.joined = None
        self.uids = {}
        self.source = pick(SOURCES, SOURCE_W)
        self.gender = pick(["男", "女"], [0.46, 0.54])
        self.birth_month = R.randrange(1, 13)


def tier_for(spend, ts):
    gold = 3000 if ts >= RELAUNCH else 5000
    return "金卡会员" if spend >= gold else ("银卡会员" if spend >= 1000 else "普通会员")


def make_member(p, ts, channel, store, before=False):
    p.member = f"SG{nxt('member')}"
    p.joined = ts
    p.tier = "普通会员"
    members.append(p)
    if not before:
        joins.append((ts, p.member, STORE_NAME[store], channel))


def upgrade(p, ts, new, why):
    if within(ts):
        tiers.append((p.member, ts, p.tier, new, why))
    p.tier = new


def add_spend(p, amount, ts):
    if not p.member:
        return
    if ts >= RELAUNCH and p.tier == "银卡会员" and p.spend >= 3000:
        upgrade(p, RELAUNCH + timedelta(hours=10), "金卡会员", "会员焕新门槛调整")
    p.spend += amount
    new = tier_for(p.spend, ts)
    order = ["普通会员", "银卡会员", "金卡会员"]
    if order.index(new) > order.index(p.tier):
        upgrade(p, ts + timedelta(minutes=1), new, "消费升级")


def review(p, ts, store, stars_mean, platform=None):
    platform = platform or pick(["大众点评", "美团", "抖音"], [0.55, 0.25, 0.2])
    uid = p.uids.get(platform)
    if uid is None:
        uid = {"大众点评": "dp_", "美团": "mt_", "抖音": "dy_"}[platform] + h(
            f"{platform}{p.i}", 10
        )
        p.uids[platform] = uid
    t = ts + timedelta(hours=R.uniform(1, 60))
    if not within(t):
        return
    stars = max(1, min(5, round(R.gauss(stars_mean, 0.8))))
    sub = [max(1, min(5, round(R.gauss(stars, 0.6)))) for _ in range(3)]
    reviews.append((platform, uid, STORE_NAME[store], t, stars, *sub))


def complaint(p, ts, store, cat, follow_store=None):
    if not within(ts):
        return
    src = pick(["热线", "门店登记", "点评私信"], [0.7, 0.2, 0.1])
    is_c = cat not in ("咨询", "预订问题")
    first = ts + timedelta(hours=R.uniform(0.1, 3) if cat != "食品安全" else R.uniform(0.05, 0.5))
    hours = {
        "异物": R.uniform(4, 48),
        "等位太久": R.uniform(1, 12),
        "上菜慢": R.uniform(1, 18),
        "服务态度": R.uniform(3, 40),
        "食品安全": R.uniform(24, 168),
        "咨询": R.uniform(0.2, 3),
        "预订问题": R.uniform(0.5, 6),
    }[cat]
    done = ts + timedelta(hours=hours)
    if done >= END or chance(0.02):
        done = None
    csat = ""
    if done and chance(0.55):
        m = {"食品安全": 2.2, "服务态度": 3.0, "等位太久": 3.4, "异物": 3.2}.get(cat, 3.9)
        csat = max(1, min(5, round(R.gauss(m, 0.9))))
    complaints.append(
        (
            f"KS{ts:%Y%m}{nxt('ticket'):05d}",
            ts,
            first,
            done,
            STORE_NAME[store],
            cat,
            "是" if is_c else "否",
            src,
            csat,
            p.phone,
        )
    )


def meal_time(d, code):
    night = 0.3 if inw(d, SUMMER_NIGHT) else 0.12
    period = pick(["午市", "晚市", "夜宵"], [0.3, 0.7 - night, night])
    if period == "午市":
        t = d + timedelta(hours=11, minutes=R.uniform(0, 150))
    elif period == "晚市":
        t = d + timedelta(hours=17, minutes=R.uniform(0, 220))
    else:
        t = d + timedelta(hours=21, minutes=R.uniform(0, 270))
    return t, period


def visit(p, d, coupon_platform=None, first=False):
    code = (
        p.store
        if chance(0.85)
        else pick([s[0] for s in STORES if s[2] == STORE_CITY[p.store]], None)
    )
    if day_weight(code, d) == 0 or (
        code == "XA02" and code != p.store and (inw(d, DIP) or inw(d, DIP2))
    ):
        code = p.store
    t, period = meal_time(d, code)
    if not within(t):
        return
    fri_sat_eve = d.weekday() in (4, 5) and period == "晚市"
    peak = (
        (period == "晚市" and d.weekday() in (4, 5, 6))
        or inw(d, SPRING)
        or (period == "夜宵" and inw(d, SUMMER_NIGHT))
    )
    party = pick([1, 2, 3, 4, 5, 6, 7, 8], [0.05, 0.35, 0.2, 0.2, 0.1, 0.06, 0.03, 0.01])
    table = "小桌(1-2人)" if party <= 2 else ("中桌(3-4人)" if party <= 4 else "大桌(5人以上)")
    # mini-program open before the queue / booking
    via_mp = bool(p.openid) and chance(0.8)
    src = (
        p.source
        if first
        else pick(["直接打开", "扫码", "公众号", "大众点评", "抖音"], [0.45, 0.3, 0.1, 0.1, 0.05])
    )
    if coupon_platform == "抖音" and first:
        src = "抖音"
    mode = pick(["queue", "book", "walk"], [0.8, 0.08, 0.12] if peak else [0.4, 0.1, 0.5])
    seated = t
    if mode in ("queue", "book") and via_mp:
        mp.append(
            (
                t - timedelta(minutes=R.uniform(0.5, 4)),
                p.openid,
                p.member,
                src,
                "排号" if mode == "queue" else "订座",
            )
        )
    if mode == "book":
        booked = t - timedelta(hours=R.uniform(2, 72))
        rec = {
            "action": "预订",
            "time": booked,
            "store": code,
            "p": p,
            "party": party,
            "table": table,
            "via": "小程序" if via_mp else "电话",
        }
        if within(booked):
            queue.append(rec)
        if chance(0.1):
            return  # no-show
        seated = t + timedelta(minutes=R.uniform(-5, 10))
        queue.append({**rec, "action": "入座", "time": seated})
    elif mode == "queue":
        via = "小程序" if via_mp else "取号机"
        no = f"{'ABC'[min(2, (party - 1) // 2)]}{nxt('q') % 300:03d}"
        base = {"p": p, "store": code, "party": party, "table": table, "via": via, "no": no}
        queue.append({**base, "action": "取号", "time": t})
        wait = (
            R.uniform(35, 100) if fri_sat_eve else (R.uniform(20, 60) if peak else R.uniform(5, 30))
        )
        called = t + timedelta(minutes=wait)
        queue.append({**base, "action": "叫号", "time": called})
        p_skip = 0.27 if fri_sat_eve else (0.11 if peak else 0.06)
        if inw(d, SPRING):
            p_skip += 0.06
        if chance(p_skip):
            queue.append(
                {**base, "action": "过号", "time": called + timedelta(minutes=R.uniform(3, 10))}
            )
            if wait > 60 and chance(0.05):
                complaint(p, called + timedelta(minutes=R.uniform(20, 120)), code, "等位太久")
            return
        seated = called + timedelta(minutes=R.uniform(1, 8))
        queue.append({**base, "action": "入座", "time": seated})
    opened = seated + timedelta(minutes=R.uniform(1, 4))
    closed = opened + timedelta(minutes=R.uniform(60, 140))
    if not within(closed):
        return
    city = STORE_CITY[code]
    head = max(35.0, R.gauss(PER_HEAD[city], PER_HEAD[city] * 0.18))
    if period == "夜宵":
        head *= 0.85
    coupon = None
    if coupon_platform is None:
        pc = 0.11 + (0.09 if inw(d, DOUYIN_APRIL) else 0.05)
        if chance(pc):
            coupon_platform = pick(
                ["美团", "抖音"], [0.11, 0.09] if inw(d, DOUYIN_APRIL) else [0.11, 0.05]
            )
    if coupon_platform:
        april = coupon_platform == "抖音" and inw(d, DOUYIN_APRIL)
        kind = pick(["双人套餐" if party <= 3 else "四人套餐", "100元代金券"], [0.75, 0.25])
        face, price = {"双人套餐": (238, 168), "四人套餐": (458, 328), "100元代金券": (100, 88)}[
            kind
        ]
        if april and kind != "100元代金券":
            price = {"双人套餐": 128, "四人套餐": 258}[kind]
        head *= 0.9
        uid = p.uids.get(coupon_platform) or (
            ("mt_" if coupon_platform == "美团" else "dy_") + h(f"{coupon_platform}{p.i}", 10)
        )
        p.uids[coupon_platform] = uid
        bought = closed - timedelta(
            days=R.uniform(0, 12) if not first else R.uniform(0, 5), hours=R.uniform(0, 5)
        )
        code_ = f"{'MT' if coupon_platform == '美团' else 'DY'}{nxt('coupon'):09d}"
        coupon = (code_, coupon_platform, kind, face, price)
        if within(bought):
            sales.append((code_, coupon_platform, kind, face, price, bought, uid, p.phone))
    menu = round(head * party, 2)
    paid = menu
    if coupon:
        menu = round(max(menu, coupon[3] + R.uniform(0, 40)), 2)
        paid = menu - (coupon[3] - coupon[4])
    bday = ""
    if p.member and d.month == p.birth_month and chance(0.5):
        paid -= 38
        bday = f"BD{nxt('coupon'):09d}"
    if p.tier == "金卡会员":
        paid -= menu * 0.05
    paid = round(max(20.0, paid), 2)
    discount = round(menu - paid, 2)
    if p.member and p.balance >= paid and chance(0.75):
        pay = "会员储值"
        p.balance -= paid
    else:
        pay = pick(["微信支付", "支付宝", "现金"], [0.64 if p.openid else 0.0, 0.32, 0.04])
    bill_no = f"{code}{closed:%y%m%d}{nxt('bill'):06d}"
    scan = p.openid if chance(0.85) else ""
    known_phone = p.phone if (pay == "现金" or coupon or (not scan and pay != "微信支付")) else ""
    bills.append(
        (
            bill_no,
            code,
            STORE_NAME[code],
            f"T{R.randrange(1, 40):02d}",
            party,
            opened,
            closed,
            period,
            pick(POTS, POT_W),
            party * 2 + R.randrange(2, 7),
            f"{menu:.2f}",
            f"{discount:.2f}",
            f"{paid:.2f}",
            pay,
            p.openid if (scan or pay == "微信支付") else "",
            p.alipay if pay == "支付宝" else "",
            p.member if (p.member and (pay == "会员储值" or chance(0.7))) else "",
            known_phone,
        )
    )
    if coupon:
        redemptions.append(
            (
                coupon[0],
                coupon[1],
                coupon[2],
                closed - timedelta(minutes=R.uniform(1, 6)),
                STORE_NAME[code],
                bill_no,
                p.phone,
                "",
            )
        )
    if bday:
        redemptions.append(
            (
                bday,
                "会员中心",
                "生日券",
                closed - timedelta(minutes=R.uniform(1, 6)),
                STORE_NAME[code],
                bill_no,
                "",
                p.member,
            )
        )
    add_spend(p, paid, closed)
    # membership: join at the table, top up stored value
    if not p.member and p.openid and chance(0.1):
        make_member(
            p,
            closed + timedelta(minutes=R.uniform(1, 8)),
            pick(["小程序", "门店"], [0.8, 0.2]),
            code,
        )
        add_spend(p, paid, closed)
    if p.member:
        pt = 0.15 if closed >= RELAUNCH else 0.05
        if chance(pt):
            amt = pick([500, 1000, 2000, 3000], [0.4, 0.35, 0.18, 0.07])
            bonus = {500: 50, 1000: 120, 2000: 300, 3000: 500}[amt]
            if closed >= RELAUNCH:
                bonus = {500: 60, 1000: 150, 2000: 400, 3000: 700}[amt]
            tt = opened + timedelta(minutes=R.uniform(5, 40))
            topups.append(
                (
                    f"CZ{nxt('topup'):08d}",
                    p.member,
                    tt,
                    amt,
                    bonus,
                    STORE_NAME[code],
                    pick(["微信支付", "支付宝"], [0.75, 0.25]),
                )
            )
            p.balance += amt + bonus
    # reviews and complaints
    if chance(0.08 if not (code == "XA02" and inw(d, (FOOD_SAFETY, DIP2[1]))) else 0.12):
        mean = 4.35 if not fri_sat_eve else 4.0
        if code == "XA02" and inw(d, (FOOD_SAFETY, DIP2[1])):
            mean = 2.4
        review(p, closed, code, mean, coupon[1] if coupon and chance(0.6) else None)
    if chance(0.011):
        cat = pick(
            ["异物", "上菜慢", "服务态度", "食品安全", "咨询", "预订问题"],
            [0.22, 0.3 if peak else 0.15, 0.25, 0.03, 0.15, 0.05],
        )
        complaint(p, closed + timedelta(hours=R.uniform(0.5, 30)), code, cat)


def life(p, k, lo=START, coupon_first=None):
    days = sorted(d for d in (sample_day(p.store, lo) for _ in range(k)) if d is not None)
    for j, d in enumerate(days):
        visit(p, d, coupon_first if j == 0 else None, first=j == 0)


def simulate():
    codes = [s[0] for s in STORES]
    weights = [s[3] * ((END - (s[4] or START)).days / N_DAYS) for s in STORES]
    # members from before the year
    for _ in range(1900):
        p = Person(pick(codes[:19], weights[:19]))
        make_member(p, START - timedelta(days=R.uniform(30, 1200)), "门店", p.store, before=True)
        p.spend = math.exp(R.uniform(math.log(200), math.log(7000)))
        p.tier = tier_for(p.spend, START)
        p.balance = pick([0, 0, 200, 600], None)
        life(p, 2 + poisson(4.5))
    # guests
    for _ in range(6000):
        p = Person(pick(codes, weights))
        seg = pick([0.5, 2.0, 6.0], [0.62, 0.29, 0.09])
        life(p, 1 + poisson(seg))
    # 抖音团购节: extra first-time guests arriving on a Douyin coupon in April
    for _ in range(250):
        p = Person(pick(codes[:20], weights[:20]))
        p.source = "抖音"
        d = sample_day(p.store, DOUYIN_APRIL[0], DOUYIN_APRIL[1])
        if d is None:
            continue
        visit(p, d, "抖音", first=True)
        for _ in range(poisson(0.4)):
            d2 = sample_day(p.store, d + timedelta(days=1))
            if d2:
                visit(p, d2)
    # delivery-only customers, plus some diners who also order delivery
    for _ in range(900):
        deliver(Person(pick(codes, weights)), 1 + poisson(1.6))
    for p in members[:400]:
        if chance(0.3):
            deliver(p, 1 + poisson(1.0))
    # the food-safety complaint at 西安小寨店 and the calls that followed
    p0 = Person("XA02")
    complaint(p0, FOOD_SAFETY, "XA02", "食品安全")
    for _ in range(7):
        complaint(
            Person("XA02"), FOOD_SAFETY + timedelta(hours=R.uniform(12, 120)), "XA02", "食品安全"
        )
    for _ in range(5):
        review(
            Person("XA02"), FOOD_SAFETY + timedelta(hours=R.uniform(2, 72)), "XA02", 1.3, "大众点评"
        )
    # members whose spend was already 3000+ and who did not come back after the relaunch
    for p in members:
        if p.tier == "银卡会员" and p.spend >= 3000:
            upgrade(p, RELAUNCH + timedelta(hours=10), "金卡会员", "会员焕新门槛调整")


def deliver(p, n):
    for _ in range(n):
        d = sample_day(p.store)
        if d is None:
            continue
        t = d + timedelta(
            hours=pick(
                [11, 12, 17, 18, 19, 21, 22], [2, 3, 2, 3, 2, 1.5 if d.month in (7, 8) else 0.6, 1]
            ),
            minutes=R.uniform(0, 59),
        )
        if not within(t):
            continue
        plat = pick(["美团外卖", "饿了么"], [0.65, 0.35])
        amt = max(39.0, R.gauss(108, 30))
        deliveries.append(
            (
                f"{'MW' if plat == '美团外卖' else 'EL'}{nxt('deliv'):09d}",
                plat,
                t,
                STORE_NAME[p.store],
                f"{amt:.2f}",
                p.phone,
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
                    None,
                ),
            )
        )


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "mp_visits.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["访问时间", "openid", "会员卡号", "来源场景", "页面"])
        for r in sorted(mp, key=lambda r: (r[0], r[1])):
            if within(r[0]):
                w.writerow([f"{r[0]:%Y-%m-%dT%H:%M:%S}+08:00", r[1], r[2], r[3], r[4]])
    with open(folder / "queue_events.jsonl", "w") as f:
        for r in sorted(queue, key=lambda r: (r["time"], r["p"].i, r["action"])):
            if not within(r["time"]):
                continue
            p = r["p"]
            obj = {
                "storeCode": r["store"],
                "ticketNo": r.get("no", ""),
                "action": r["action"],
                "time": utc(r["time"]),
                "openid": p.openid if r["via"] == "小程序" else "",
                "mobileHash": p.phone
                if r["via"] in ("取号机", "电话") or r["action"] == "预订"
                else "",
                "partySize": r["party"],
                "tableType": r["table"],
                "source": r["via"],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "pos_bills.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "账单号",
                "门店编号",
                "门店名称",
                "桌号",
                "人数",
                "开台时间",
                "结账时间",
                "餐段",
                "锅底",
                "菜品数",
                "应收金额",
                "优惠金额",
                "实收金额",
                "支付方式",
                "微信openid",
                "支付宝用户号",
                "会员卡号",
                "顾客手机",
            ]
        )
        for r in sorted(bills, key=lambda r: (r[6], r[0])):
            w.writerow([*r[:5], f"{r[5]:%Y-%m-%d %H:%M}", f"{r[6]:%Y-%m-%d %H:%M}", *r[7:]])
    with open(folder / "coupon_sales.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["券码", "平台", "券名称", "券面额", "售价", "购买时间", "平台用户ID", "手机号"])
        for r in sorted(sales, key=lambda r: (r[5], r[0])):
            w.writerow([*r[:5], f"{r[5]:%Y/%m/%d %H:%M:%S}", r[6], r[7]])
    with open(folder / "coupon_redemptions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["券码", "平台", "券名称", "核销时间", "核销门店", "账单号", "手机号", "会员卡号"]
        )
        for r in sorted(redemptions, key=lambda r: (r[3], r[0])):
            w.writerow([*r[:3], f"{r[3]:%Y/%m/%d %H:%M:%S}", *r[4:]])
    with open(folder / "members.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "会员卡号",
                "手机号",
                "微信OpenID",
                "入会时间",
                "会员等级",
                "开卡门店",
                "所在城市",
                "性别",
                "累计消费(元)",
                "储值余额(元)",
            ]
        )
        for p in sorted(members, key=lambda p: p.member):
            w.writerow(
                [
                    p.member,
                    p.phone,
                    p.openid,
                    f"{p.joined:%Y-%m-%d %H:%M}",
                    p.tier,
                    STORE_NAME[p.store],
                    STORE_CITY[p.store],
                    p.gender,
                    f"{p.spend:.2f}",
                    f"{max(0.0, p.balance):.2f}",
                ]
            )
    with open(folder / "member_joins.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["开卡时间", "会员卡号", "开卡门店", "开卡渠道"])
        for r in sorted(joins, key=lambda r: (r[0], r[1])):
            if within(r[0]):
                w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", *r[1:]])
    with open(folder / "topups.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["流水号", "会员卡号", "充值时间", "充值金额", "赠送金额", "门店", "支付方式"])
        for r in sorted(topups, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        f"{r[2]:%Y/%m/%d %H:%M:%S}",
                        f"{r[3]:.2f}",
                        f"{r[4]:.2f}",
                        r[5],
                        r[6],
                    ]
                )
    with open(folder / "tier_changes.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["会员卡号", "变动时间", "原等级", "新等级", "变动原因"])
        for r in sorted(tiers, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", *r[2:]])
    with open(folder / "delivery_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "平台", "下单时间", "门店", "实付金额", "顾客手机", "订单状态"])
        for r in sorted(deliveries, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y%m%d%H%M%S}", *r[3:]])
    with open(folder / "reviews.jsonl", "w") as f:
        for r in sorted(reviews, key=lambda r: (r[3], r[1])):
            obj = {
                "platform": r[0],
                "user_id": r[1],
                "shop": r[2],
                "review_time": f"{r[3]:%Y-%m-%d %H:%M}",
                "star": r[4],
                "taste": r[5],
                "service": r[6],
                "environment": r[7],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "complaints.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "来电时间",
                "首次回电时间",
                "办结时间",
                "门店",
                "问题类型",
                "是否投诉",
                "来源",
                "回访满意度",
                "处理时长(小时)",
                "来电号码",
            ]
        )
        for r in sorted(complaints, key=lambda r: r[0]):
            dur = f"{(r[3] - r[1]).total_seconds() / 3600:.1f}" if r[3] else ""
            w.writerow(
                [r[0], fmt(r[1]), fmt(r[2]), fmt(r[3]), r[4], r[5], r[6], r[7], r[8], dur, r[9]]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "活动", "费用(元)"])
        base = {
            "大众点评": 62000,
            "美团": 46000,
            "抖音": 48000,
            "小红书": 30000,
            "朋友圈广告": 21000,
        }
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1) * (1.5 if m.month == 2 else 1.0)
                camp = "日常投放"
                if ch == "抖音" and m == date(2026, 4, 1):
                    f_, camp = 3.1, "抖音团购节"
                w.writerow([f"{m:%Y-%m}", ch, camp, f"{amt * f_:.2f}"])
            for om in (date(2026, 3, 1), date(2026, 5, 1), date(2026, 10, 1)):
                if m == om:
                    w.writerow(
                        [f"{m:%Y-%m}", "小红书", "深圳新店开业", f"{R.uniform(38000, 45000):.2f}"]
                    )
                    w.writerow(
                        [f"{m:%Y-%m}", "抖音", "深圳新店开业", f"{R.uniform(50000, 60000):.2f}"]
                    )
            if m == date(2026, 9, 1):
                w.writerow([f"{m:%Y-%m}", "公众号", "会员焕新", f"{R.uniform(25000, 30000):.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="hotpot-src-") as tmp:
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
