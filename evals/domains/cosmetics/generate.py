"""Cosmetics evaluation domain: 花颜 HuaYan Beauty, a domestic skincare and make-up brand.

    python generate.py OUT.duckdb

Writes HuaYan's own exports (seeded: the same files every run) to a temporary folder —

  tmall_orders.csv        天猫订单导出 (Chinese headers, local 'YYYY-MM-DD HH:mm:ss', 元)
  douyin_orders.csv       抖音小店 order file (English columns, epoch seconds, amounts in 分)
  xhs_orders.csv          小红书店铺 orders ('YYYY/MM/DD HH:MM' local, 元)
  miniprogram_events.jsonl mini-program event log (ISO UTC Z, anon_id; member_no after login)
  counter_pos.csv         60 department-store counters: POS receipts (local 'YYYY/MM/DD HH:MM')
  counter_skin_tests.csv  free skin tests at the counters
  logistics_tracking.csv  courier sign-for (签收) records of online orders
  after_sales.csv         returns and after-sales (退货/售后) with service times
  reviews.csv             review export of all platforms (1-5 stars)
  crm_members.csv         CRM 会员 (member_no, phone hash, bound Tmall nick / 抖音 uid, tier, city)
  marketing_monthly.csv   monthly marketing sheet (千川, 小红书达人, 天猫直通车, 明星代言) in 元

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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
QUEEN = (datetime(2026, 3, 1), datetime(2026, 3, 9))  # 38女王节
P618 = (datetime(2026, 6, 1), datetime(2026, 6, 19))  # 618
D11 = (datetime(2026, 10, 20), datetime(2026, 11, 12))  # 双十一 (presale from 20 Oct)
SUNSCREEN_LAUNCH = datetime(2026, 4, 15)
LIVE = datetime(2026, 5, 20)  # celebrity livestream on 抖音, lipstick sold out
SOLD_OUT = (datetime(2026, 5, 21), datetime(2026, 6, 1))
LEAK = (datetime(2026, 8, 1), datetime(2026, 9, 1))  # serum batch with leaking pumps
COUPON_CUT = datetime(2026, 10, 1)  # Tmall coupon cut

R = random.Random(SEED)

CATS = ["精华", "面霜", "防晒", "口红", "粉底", "套装"]
CAT_W = [0.24, 0.18, 0.0, 0.22, 0.18, 0.18]
PRICE = {
    "精华": (199, 459),
    "面霜": (169, 399),
    "防晒": (99, 189),
    "口红": (129, 229),
    "粉底": (159, 299),
    "套装": (399, 899),
}
DY_CAT = {
    "精华": "serum",
    "面霜": "cream",
    "防晒": "sunscreen",
    "口红": "lipstick",
    "粉底": "foundation",
    "套装": "gift set",
}
CITIES = [
    "上海",
    "北京",
    "广州",
    "深圳",
    "杭州",
    "成都",
    "武汉",
    "南京",
    "重庆",
    "西安",
    "长沙",
    "苏州",
]
CITY_W = [0.16, 0.13, 0.1, 0.1, 0.09, 0.08, 0.06, 0.06, 0.06, 0.05, 0.05, 0.06]
MALLS = ["久光", "恒隆", "万象城", "银泰", "SKP", "大悦城"]
COUNTERS = [f"{CITIES[i % 12]}{MALLS[i % 6]}{i // 12 + 1}号柜" for i in range(60)]
SKIN = ["干性", "油性", "混合性", "敏感性"]
AGES = ["18-24", "25-29", "30-34", "35-44", "45+"]
AGE_W = [0.24, 0.3, 0.22, 0.16, 0.08]
HOURS = [
    0.4,
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    1.5,
    2,
    2.5,
    2.6,
    2.8,
    2.6,
    2.5,
    2.5,
    2.6,
    2.8,
    3,
    3.8,
    4.6,
    5.2,
    4.6,
    2,
]
SHOP_HOURS = [0] * 10 + [3, 4, 5, 5, 5, 5, 6, 6, 6, 5, 4, 2] + [0] * 2


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


tmall, douyin, xhs, mini, pos, skin_tests, logistics, after_sales, reviews, crm = (
    [] for _ in range(10)
)
people = []
seq = {"p": 0, "order": 0, "as": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.n = nxt("p")
        self.member = None
        self.phone = None
        self.tmall = None
        self.dy = None
        self.xhs = None
        self.anon = None
        self.city = pick(CITIES, CITY_W)
        self.age = pick(AGES, AGE_W)
        self.skin = pick(SKIN, [0.25, 0.25, 0.32, 0.18])
        self.joined = None
        self.tier = "普通会员"
        self.reg_channel = None


def join(p, t, channel):
    if p.member or not within(t):
        return
    p.member = f"HY{100000 + p.n}"
    p.phone = p.phone or h(f"phone{p.n}")[:16]
    p.joined = t
    p.reg_channel = channel
    crm.append(p)


def season(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, QUEEN):
        w *= 2.6
    if inw(dt, P618):
        w *= 2.4 if dt.day < 16 else 3.4
    if inw(dt, D11):
        w *= 2.2 if dt < datetime(2026, 11, 1) else 3.6
    if dt.weekday() >= 5:
        w *= 1.15
    return w


def choose_cat(t):
    w = list(CAT_W)
    if t >= SUNSCREEN_LAUNCH:
        w[2] = 0.14 if t.month in (4, 5, 6, 7, 8) else 0.06
    cat = pick(CATS, w)
    if cat == "口红" and inw(t, SOLD_OUT):
        cat = pick(["粉底", "精华", "套装"], [1, 1, 1])
    return cat


def price(cat, qty=1):
    lo, hi = PRICE[cat]
    return round(R.uniform(lo, hi)) * qty


def order_id(prefix):
    return f"{prefix}{nxt('order'):08d}"


def after_purchase(p, platform, oid, t, cat, amount, online=True):
    """Delivery, returns / after-sales, review."""
    recv = t + timedelta(hours=R.uniform(20, 96)) if online else t
    if online and within(recv):
        logistics.append(
            (oid, platform, p, recv, pick(["顺丰", "中通", "京东物流"], [0.5, 0.35, 0.15]))
        )
    leak = cat == "精华" and inw(t, LEAK)
    p_ret = 0.035 + (0.16 if leak else 0) + (0.03 if cat in ("粉底", "口红") else 0)
    returned = False
    if chance(p_ret):
        returned = True
        ta = recv + timedelta(hours=R.uniform(4, 120))
        if leak and chance(0.8):
            reason = "漏液/泵头损坏"
        else:
            reason = pick(
                ["过敏", "色号不合适", "包装破损", "不想要了"],
                [0.3, 0.3 if cat in ("粉底", "口红") else 0.05, 0.15, 0.4],
            )
        first = ta + timedelta(minutes=R.uniform(3, 90 if not inw(ta, LEAK) else 600))
        done = first + timedelta(hours=R.uniform(4, 72 if not inw(ta, LEAK) else 160))
        complaint = reason in ("漏液/泵头损坏", "过敏") and chance(0.45)
        csat = None
        if chance(0.55):
            csat = max(1, min(5, round(R.gauss(2.6 if leak else 4.1, 0.9))))
        refund = amount if reason != "过敏" or chance(0.7) else round(amount * 0.5)
        if within(ta):
            after_sales.append(
                (
                    f"AS{nxt('as'):07d}",
                    oid,
                    platform,
                    p,
                    ta,
                    first if within(first) else None,
                    done if within(done) else None,
                    reason,
                    refund,
                    complaint,
                    csat,
                    cat,
                )
            )
    if chance(0.22 if online else 0.08):
        tr = recv + timedelta(days=R.uniform(1, 12))
        if within(tr):
            mean = 4.5 - (1.6 if leak else 0) - (1.8 if returned else 0)
            stars = max(1, min(5, round(R.gauss(mean, 0.7))))
            reviews.append((platform, oid, p, tr, stars, cat))


def buy_tmall(p, t, cat):
    p.tmall = p.tmall or f"tb_{h(f'tb{p.n}')[:8]}"
    cut = t >= COUPON_CUT
    coupon = 0 if chance(0.35) else (R.choice([10, 15]) if cut else R.choice([20, 30, 40, 50]))
    if inw(t, D11):
        coupon += 30 if not cut else 10
    p_pay = (0.70 if cut and not inw(t, D11) else 0.86) + (0.04 if coupon else -0.05)
    oid = order_id("T")
    amount = max(price(cat, R.choice([1, 1, 1, 2])) - coupon, 29)
    if chance(p_pay):
        tp = t + timedelta(minutes=R.uniform(0.5, 40))
        tmall.append((oid, p, t, tp, cat, amount, coupon, "交易成功"))
        after_purchase(p, "天猫", oid, tp, cat, amount)
        return True
    tmall.append((oid, p, t, None, cat, amount, coupon, "交易关闭"))
    return False


def buy_douyin(p, t, cat, source=None, author=None):
    p.dy = p.dy or f"{7000000000 + p.n * 7919}"
    source = source or pick(["short_video", "live", "product_card"], [0.4, 0.4, 0.2])
    author = author or (
        {"live": pick(["花颜官方直播间", "达人-小鹿", "达人-阿May"], [0.6, 0.2, 0.2])}.get(
            source, ""
        )
    )
    oid = order_id("D")
    amount = price(cat)
    coupon = R.choice([0, 0, 10, 20])
    amount = max(amount - coupon, 29)
    if chance(0.9):
        douyin.append(
            (
                oid,
                p,
                t,
                t + timedelta(seconds=R.randrange(20, 600)),
                cat,
                amount,
                coupon,
                source,
                author,
                "paid",
            )
        )
        after_purchase(p, "抖音", oid, t, cat, amount)
        return True
    douyin.append((oid, p, t, None, cat, amount, coupon, source, author, "cancelled"))
    return False


def buy_xhs(p, t, cat):
    p.xhs = p.xhs or f"xhs{h(f'x{p.n}')[:10]}"
    oid = order_id("X")
    amount = price(cat)
    xhs.append((oid, p, t, cat, amount, pick(["达人笔记", "店铺搜索", "直播"], [0.55, 0.3, 0.15])))
    after_purchase(p, "小红书", oid, t, cat, amount)


def mini_session(p, t, source, cat, buy_p):
    """A mini-program visit; returns True when paid."""
    p.anon = p.anon or f"a{h(f'anon{p.n}')[:12]}"
    ev = []

    def e(name, dt, **kw):
        ev.append((name, dt, kw))

    e("app_launch", t, source=source)
    e("view_goods", t + timedelta(minutes=R.uniform(0.3, 3)), category=cat)
    t2 = t + timedelta(minutes=R.uniform(3, 8))
    paid = False
    if chance(0.38):
        # login needed to add to cart
        if not p.member and chance(0.5):
            join(p, t2 - timedelta(seconds=30), "小程序")
        logged = p.member is not None
        e("add_to_cart", t2, category=cat, logged=logged)
        if chance(0.55):
            e("get_coupon", t2 + timedelta(minutes=1), category=cat, logged=logged)
        if chance(min(0.95, buy_p)):
            if not p.member:
                join(p, t2 + timedelta(minutes=1.5), "小程序")
            oid = order_id("M")
            amount = price(cat, R.choice([1, 1, 2]))
            ts = t2 + timedelta(minutes=R.uniform(2, 10))
            e("submit_order", ts, category=cat, logged=True, order=oid, amount=amount)
            if chance(0.88):
                tp = ts + timedelta(minutes=R.uniform(0.3, 5))
                e("pay_success", tp, category=cat, logged=True, order=oid, amount=amount)
                after_purchase(p, "小程序", oid, tp, cat, amount)
                paid = True
    for name, dt, kw in ev:
        if within(dt):
            mini.append((p, name, dt, kw))
    return paid


def counter_visit(p, t, counter):
    p.phone = p.phone or h(f"phone{p.n}")[:16]
    if chance(0.7):
        skin_tests.append((p, t, counter, p.skin))
        t = t + timedelta(minutes=R.uniform(10, 25))
        if not p.member and chance(0.6):
            join(p, t, "专柜")
    if chance(0.55):
        cat = choose_cat(t)
        oid = f"POS{nxt('order'):08d}"
        amount = price(cat, R.choice([1, 1, 2]))
        pos.append((oid, p, t + timedelta(minutes=R.uniform(2, 15)), counter, cat, amount))
        after_purchase(p, "专柜", oid, t, cat, amount, online=False)


def customer(d, primary=None):
    p = Person()
    people.append(p)
    t = at(d)
    primary = primary or pick(
        ["天猫", "抖音", "小程序", "专柜", "小红书"], [0.34, 0.26, 0.17, 0.13, 0.10]
    )
    counter = R.choice(COUNTERS)
    visits = 1 + poisson(0.9)
    for i in range(visits):
        if i:
            t = t + timedelta(days=R.uniform(10, 90))
            if chance(0.3):
                primary = pick(["天猫", "抖音", "小程序", "专柜"], [0.35, 0.25, 0.3, 0.1])
        if not within(t):
            break
        cat = choose_cat(t)
        if primary == "天猫":
            bought = buy_tmall(p, t, cat) if chance(0.8) else False
        elif primary == "抖音":
            bought = buy_douyin(p, t, cat)
        elif primary == "小红书":
            buy_xhs(p, t, cat)
            bought = True
        elif primary == "专柜":
            counter_visit(p, at(t.date(), SHOP_HOURS), counter)
            bought = True
        else:
            src = pick(["朋友圈广告", "公众号", "小红书种草", "直接打开"], [0.3, 0.25, 0.2, 0.25])
            bought = mini_session(p, t, src, cat, 0.45)
        if bought and ((primary in ("天猫", "抖音") and chance(0.12)) or chance(0.04)):
            join(p, t + timedelta(hours=R.uniform(1, 48)), primary)
    return p


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        lam = 17 * season(d)
        for _ in range(poisson(lam)):
            customer(d)
    # the celebrity livestream on 抖音: 20 May 20:00-23:30, lipstick sells out
    for _ in range(520):
        p = Person()
        people.append(p)
        t = LIVE + timedelta(hours=20, minutes=R.uniform(0, 210))
        buy_douyin(p, t, "口红", "live", "明星直播间")
        if chance(0.05):
            join(p, t + timedelta(hours=R.uniform(1, 30)), "抖音")
    # existing members (joined before the year) who buy again
    for _ in range(900):
        p = Person()
        people.append(p)
        p.member = f"HY{100000 + p.n}"
        p.phone = h(f"phone{p.n}")[:16]
        p.joined = START - timedelta(days=R.uniform(20, 900))
        p.reg_channel = pick(["天猫", "小程序", "专柜", "抖音"], [0.35, 0.3, 0.25, 0.1])
        p.tier = pick(["普通会员", "银卡", "金卡", "黑金"], [0.45, 0.3, 0.18, 0.07])
        crm.append(p)
        if chance(0.5):
            p.tmall = f"tb_{h(f'tb{p.n}')[:8]}"
        for _ in range(poisson(1.6)):
            d = START.date() + timedelta(days=R.randrange(N_DAYS))
            if chance(0.25):
                d = pick(
                    [date(2026, 3, 6), date(2026, 6, 17), date(2026, 11, 10), date(2026, 11, 11)],
                    [1, 1, 1, 2],
                )
            t = at(d)
            ch = pick(["天猫", "小程序", "专柜"], [0.4, 0.35, 0.25])
            if ch == "天猫":
                buy_tmall(p, t, choose_cat(t))
            elif ch == "小程序":
                mini_session(
                    p, t, pick(["公众号", "直接打开", "会员短信"], [2, 2, 1]), choose_cat(t), 0.7
                )
            else:
                counter_visit(p, at(d, SHOP_HOURS), R.choice(COUNTERS))
    for p in crm:
        if p.tier == "普通会员" and p.joined >= START:
            p.tier = pick(["普通会员", "银卡", "金卡"], [0.8, 0.15, 0.05])


def write(folder: Path):
    def loc(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    def epoch(ts):
        return (
            ""
            if ts is None
            else str(int((ts - timedelta(hours=8)).replace(tzinfo=UTC).timestamp()))
        )

    with open(folder / "tmall_orders.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "买家会员名",
                "下单时间",
                "付款时间",
                "宝贝类目",
                "实付款(元)",
                "店铺优惠券(元)",
                "订单状态",
            ]
        )
        for r in sorted(tmall, key=lambda r: (r[2], r[0])):
            w.writerow(
                [r[0], r[1].tmall, loc(r[2]), loc(r[3]), r[4], f"{r[5]:.2f}", f"{r[6]:.2f}", r[7]]
            )
    with open(folder / "douyin_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_id",
                "buyer_uid",
                "create_time",
                "pay_time",
                "product_category",
                "pay_amount",
                "coupon_amount",
                "traffic_source",
                "author_name",
                "order_status",
            ]
        )
        for r in sorted(douyin, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1].dy,
                    epoch(r[2]),
                    epoch(r[3]),
                    DY_CAT[r[4]],
                    int(r[5] * 100),
                    int(r[6] * 100),
                    r[7],
                    r[8],
                    r[9],
                ]
            )
    with open(folder / "xhs_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "小红书用户ID", "支付时间", "商品分类", "支付金额", "来源"])
        for r in sorted(xhs, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1].xhs, f"{r[2]:%Y/%m/%d %H:%M}", r[3], f"{r[4]:.2f}", r[5]])
    with open(folder / "miniprogram_events.jsonl", "w") as f:
        for p, name, dt, kw in sorted(mini, key=lambda r: (r[2], r[0].n, r[1])):
            obj = {
                "event": name,
                "time": f"{dt - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z",
                "anon_id": p.anon,
                "member_no": p.member if kw.get("logged") else None,
                "source": kw.get("source"),
                "category": kw.get("category"),
                "order_no": kw.get("order"),
                "amount_yuan": kw.get("amount") if name == "pay_success" else None,
            }
            f.write(
                json.dumps({k: v for k, v in obj.items() if v is not None}, ensure_ascii=False)
                + "\n"
            )
    with open(folder / "counter_pos.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["小票号", "柜台", "会员卡号", "手机号哈希", "交易时间", "品类", "金额"])
        for r in sorted(pos, key=lambda r: (r[2], r[0])):
            p = r[1]
            w.writerow(
                [r[0], r[3], p.member or "", p.phone, f"{r[2]:%Y/%m/%d %H:%M}", r[4], f"{r[5]:.2f}"]
            )
    with open(folder / "counter_skin_tests.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["测肤时间", "柜台", "手机号哈希", "肤质"])
        for p, t, c, s in sorted(skin_tests, key=lambda r: (r[1], r[0].n)):
            w.writerow([f"{t:%Y/%m/%d %H:%M}", c, p.phone, s])

    def ids(p, platform):
        return [
            p.tmall if platform == "天猫" else "",
            p.dy if platform == "抖音" else "",
            p.xhs if platform == "小红书" else "",
            p.member or "" if platform in ("小程序", "专柜") else "",
            p.phone if platform == "专柜" else "",
        ]

    with open(folder / "logistics_tracking.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "运单号",
                "订单编号",
                "平台",
                "天猫昵称",
                "抖音UID",
                "小红书ID",
                "会员号",
                "手机号哈希",
                "签收时间",
                "快递公司",
            ]
        )
        for i, (oid, plat, p, t, co) in enumerate(sorted(logistics, key=lambda r: (r[3], r[0]))):
            w.writerow([f"SF{i + 1:09d}", oid, plat, *ids(p, plat), loc(t), co])
    with open(folder / "after_sales.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "售后单号",
                "订单编号",
                "平台",
                "天猫昵称",
                "抖音UID",
                "小红书ID",
                "会员号",
                "手机号哈希",
                "申请时间",
                "首次响应时间",
                "完成时间",
                "售后原因",
                "退款金额",
                "是否投诉",
                "满意度",
                "品类",
            ]
        )
        for r in sorted(after_sales, key=lambda r: r[0]):
            asid, oid, plat, p, ta, first, done, reason, refund, comp, csat, cat = r

            def fm(x):
                return f"{x:%Y-%m-%d %H:%M}" if x else ""

            w.writerow(
                [
                    asid,
                    oid,
                    plat,
                    *ids(p, plat),
                    fm(ta),
                    fm(first),
                    fm(done),
                    reason,
                    f"{refund:.2f}",
                    "是" if comp else "否",
                    "" if csat is None else csat,
                    cat,
                ]
            )
    with open(folder / "reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "平台",
                "订单编号",
                "天猫昵称",
                "抖音UID",
                "小红书ID",
                "会员号",
                "手机号哈希",
                "评价时间",
                "星级",
                "品类",
            ]
        )
        for plat, oid, p, t, stars, cat in sorted(reviews, key=lambda r: (r[3], r[1])):
            w.writerow([plat, oid, *ids(p, plat), loc(t), stars, cat])
    with open(folder / "crm_members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "会员号",
                "手机号哈希",
                "绑定天猫昵称",
                "绑定抖音UID",
                "注册时间",
                "注册渠道",
                "会员等级",
                "城市",
                "年龄段",
                "肤质",
            ]
        )
        for p in sorted(crm, key=lambda p: p.member):
            w.writerow(
                [
                    p.member,
                    p.phone,
                    p.tmall or "" if chance(0.6) else "",
                    p.dy or "" if chance(0.5) else "",
                    f"{p.joined:%Y-%m-%d %H:%M:%S}",
                    p.reg_channel,
                    p.tier,
                    p.city,
                    p.age,
                    p.skin,
                ]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "投放渠道", "花费(元)"])
        base = {"千川": 420000, "小红书达人": 260000, "天猫直通车": 300000, "明星代言": 150000}
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if m.month in (3, 6, 11):
                    f_ *= 1.9
                if m.month == 10:
                    f_ *= 1.4
                if ch == "明星代言" and m.month == 5:
                    f_ *= 8
                if ch == "小红书达人" and m.month == 4:
                    f_ *= 1.8  # sunscreen launch seeding
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * f_:.0f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="cosmetics-src-") as tmp:
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
