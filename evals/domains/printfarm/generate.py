"""Printfarm evaluation domain: 印象冲印 (YinXiang Print), online photo printing and photobooks.

    python generate.py OUT.duckdb

Writes YinXiang's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl        app event log: epoch-ms `ts`, `device_id` always, `uid` after login,
                          `event`, `utm_source`, `product`, `editor_ver`
  members.csv             app member list (uid, phone md5, 注册日期, 省份, 城市, 会员等级, 注册来源)
  orders.csv              own order system: English columns, ISO UTC times with Z, amounts in 分
  taobao_orders.csv       Taobao store export: Chinese headers, local time, 元, 订单状态 words
  pdd_orders.csv          拼多多 export: Chinese headers, 'YYYY/MM/DD HH:MM:SS' local, 元
  production_log.csv      factory log: 'YYYY/MM/DD HH:mm' local, 工厂, 机台, 工序, by 订单号
  courier_tracking.csv    courier tracking: ISO times with +08:00, 快递公司, 状态 揽收/签收
  aftersales_tickets.csv  after-sales tickets (工单): local times, 问题类型, 是否投诉, 满意度
  order_reviews.csv       in-app order rating 1-5 after receipt
  marketing_monthly.csv   monthly marketing sheet: 月份, 渠道, 花费(元)

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
NEW_EDITOR = datetime(2026, 3, 1)
GRAD_PEAK = (datetime(2026, 5, 25), datetime(2026, 7, 1))
CHENGDU_DOWN = (datetime(2026, 7, 20), datetime(2026, 7, 27))
PRICE_WAR = datetime(2026, 9, 1)

R = random.Random(SEED)

PROVINCES = {
    "浙江": ["杭州", "宁波", "温州"],
    "上海": ["上海"],
    "江苏": ["南京", "苏州"],
    "广东": ["广州", "深圳"],
    "北京": ["北京"],
    "山东": ["济南", "青岛"],
    "四川": ["成都", "绵阳"],
    "重庆": ["重庆"],
    "陕西": ["西安"],
    "云南": ["昆明"],
    "湖北": ["武汉"],
}
PROV_W = [0.14, 0.1, 0.11, 0.13, 0.07, 0.07, 0.12, 0.07, 0.06, 0.05, 0.08]
WEST = {"四川", "重庆", "陕西", "云南", "湖北"}
PRODUCTS = ["print", "photobook", "calendar", "frame"]
PRICE = {"print": (19, 89), "photobook": (68, 298), "calendar": (39, 128), "frame": (49, 199)}
TB_TITLE = {
    "print": "照片冲印 6寸/7寸 高清相纸",
    "photobook": "定制照片书 毕业纪念册",
    "calendar": "2027定制台历 照片台历",
    "frame": "实木相框 照片定制",
}
PDD_ITEM = {"print": "冲印照片", "photobook": "照片书", "calendar": "台历", "frame": "相框"}
UTM = ["douyin", "xhs", "appstore", "(none)", "wx_share"]
UTM_W = [0.28, 0.24, 0.18, 0.18, 0.12]
HOURS = [
    0.3,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.0,
    1.6,
    2.0,
    2.4,
    2.6,
    2.8,
    2.6,
    2.4,
    2.4,
    2.5,
    2.6,
    3.0,
    3.8,
    4.6,
    4.8,
    3.6,
    1.4,
]
MACHINES = {
    "Hangzhou": ["HZ-Indigo-01", "HZ-Indigo-02", "HZ-Indigo-03", "HZ-Book-01"],
    "Chengdu": ["CD-Indigo-01", "CD-Indigo-02", "CD-Book-01"],
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


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


def product_for(ts):
    w = [0.45, 0.22, 0.1, 0.18]
    if inw(ts, GRAD_PEAK):
        w[1] *= 3.5
    if ts.month in (10, 11, 12):
        w[2] *= 5.0 if ts.month != 10 else 3.0
    return pick(PRODUCTS, w)


def season(ts):
    w = 1.0 + (0.2 if ts.weekday() >= 5 else 0.0)
    if inw(ts, GRAD_PEAK):
        w *= 1.6
    if ts.month in (11, 12):
        w *= 1.35
    if ts.month == 10:
        w *= 1.15
    if ts.month == 2 and ts.day < 20:
        w *= 0.7  # Spring Festival lull
    return w


app_events, members, orders, tb_orders, pdd_orders, prod_log, courier, tickets, reviews = (
    [] for _ in range(9)
)
seq = {"dev": 0, "uid": 100000, "order": 0, "tb": 0, "pdd": 0, "ticket": 0, "wb": 0, "nick": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.prov = pick(list(PROVINCES), PROV_W)
        self.city = R.choice(PROVINCES[self.prov])
        self.dev = None
        self.uid = None
        self.phone = h(f"phone{len(people)}-{R.random()}")
        self.tb_nick = None
        self.pdd_uid = None


people = []
member_people = []


def login(p, ts, source):
    if p.uid is None:
        p.uid = f"YX{nxt('uid')}"
        level = pick(["普通会员", "银卡会员", "金卡会员"], [0.75, 0.18, 0.07])
        members.append((p.uid, p.phone, ts.date(), p.prov, p.city, level, source))
        member_people.append(p)


def ev(p, ts, event, utm, product="", extra=None):
    if not within(ts):
        return False
    if p.dev is None:
        p.dev = "d-" + h(f"dev{nxt('dev')}")[:16]
    row = {
        "ts": int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000),
        "device_id": p.dev,
        "uid": p.uid or "",
        "event": event,
        "utm_source": utm,
        "product": product,
        "editor_ver": "v2" if ts >= NEW_EDITOR else "v1",
    }
    if extra:
        row.update(extra)
    app_events.append(row)
    return True


def ticket(p, ts, order_no, kind, source_ch, fix, complaint, mood=0.0):
    if not within(ts):
        return
    ch = source_ch if chance(0.88) else "400热线"
    frt = {
        "APP在线客服": R.uniform(3, 60),
        "旺旺": R.uniform(1, 15),
        "拼多多客服": R.uniform(1, 20),
        "400热线": R.uniform(0.5, 5),
    }[ch]
    if ch == "拼多多客服" and ts >= PRICE_WAR + timedelta(days=14):
        frt *= 3.5  # the queue after the price war
    if kind == "发货延迟" and inw(ts, (CHENGDU_DOWN[0], CHENGDU_DOWN[1] + timedelta(days=10))):
        frt *= 4
    first = ts + timedelta(minutes=frt)
    res_h = {"补印": R.uniform(20, 96), "退款": R.uniform(4, 48), "解释安抚": R.uniform(0.5, 12)}[
        fix
    ]
    solved = first + timedelta(hours=res_h)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        [
            f"SH{nxt('ticket'):06d}",
            order_no,
            p.uid or "",
            ch,
            kind,
            fix,
            ts,
            first,
            solved if solved < END else None,
            "是" if complaint else "否",
            sat,
        ]
    )


def fulfil(p, order_no, ts, product, sales_ch):
    """Production (排产/完工), courier, reprints, after-sales tickets and reviews of an order."""
    factory = "Chengdu" if p.prov in WEST else "Hangzhou"
    if factory == "Hangzhou" and chance(0.05):
        factory = "Chengdu"
    machine = R.choice(
        [m for m in MACHINES[factory] if ("Book" in m) == (product == "photobook")]
        or MACHINES[factory]
    )
    sched = ts + timedelta(hours=R.uniform(2, 14))
    dur = {"print": (3, 20), "photobook": (10, 40), "calendar": (8, 30), "frame": (6, 28)}[product]
    done = sched + timedelta(hours=R.uniform(*dur))
    if product == "calendar" and sched.month in (11, 12):
        done += timedelta(hours=R.uniform(0, 24))  # calendar-season queue
    delayed = False
    if factory == "Chengdu" and (inw(sched, CHENGDU_DOWN) or inw(done, CHENGDU_DOWN)):
        done = CHENGDU_DOWN[1] + timedelta(hours=R.uniform(4, 80))
        delayed = True
    prod_log.append((order_no, factory, machine, "排产", "首印", sched))
    if not within(done):
        return
    prod_log.append((order_no, factory, machine, "完工", "首印", done))
    carrier = pick(
        ["顺丰速运", "中通快递", "韵达快递"],
        [0.35, 0.4, 0.25] if sales_ch != "pdd" else [0.05, 0.55, 0.4],
    )
    ship = done + timedelta(hours=R.uniform(1, 10))
    wb = f"{carrier[:2]}{nxt('wb'):09d}"
    if not within(ship):
        return
    courier.append((wb, order_no, carrier, "揽收", ship))
    transit = R.uniform(1, 2.5) if carrier == "顺丰速运" else R.uniform(1.5, 4.5)
    recv = ship + timedelta(days=transit)
    src_ch = {"app": "APP在线客服", "taobao": "旺旺", "pdd": "拼多多客服"}[sales_ch]
    if delayed and chance(0.45):
        ticket(
            p,
            ts + timedelta(days=R.uniform(3, 6)),
            order_no,
            "发货延迟",
            src_ch,
            "解释安抚",
            True,
            mood=1.6,
        )
    elif (ship - ts).total_seconds() > 60 * 3600 and chance(0.1):
        ticket(
            p,
            ts + timedelta(days=R.uniform(2, 4)),
            order_no,
            "发货延迟",
            src_ch,
            "解释安抚",
            chance(0.5),
            mood=0.6,
        )
    if not within(recv):
        return
    courier.append((wb, order_no, carrier, "签收", recv))
    p_defect = 0.035
    if sales_ch == "pdd" and ts >= PRICE_WAR:
        p_defect = 0.14 if product == "print" else 0.07
    if factory == "Chengdu" and inw(ts, (CHENGDU_DOWN[1], CHENGDU_DOWN[1] + timedelta(days=10))):
        p_defect *= 2  # rush after the repair
    defect = chance(p_defect)
    if defect:
        kind = pick(["颜色偏差", "印刷瑕疵", "物流破损"], [0.45, 0.35, 0.2])
        fix = pick(["补印", "退款"], [0.82, 0.18])
        t0 = recv + timedelta(hours=R.uniform(2, 60))
        ticket(p, t0, order_no, kind, src_ch, fix, chance(0.6), mood=1.0)
        if fix == "补印":
            rs = t0 + timedelta(hours=R.uniform(6, 30))
            rd = rs + timedelta(hours=R.uniform(*dur))
            if within(rs):
                prod_log.append((order_no, factory, machine, "补印排产", "补印", rs))
            if within(rd):
                prod_log.append((order_no, factory, machine, "补印完工", "补印", rd))
                rship = rd + timedelta(hours=R.uniform(1, 8))
                if within(rship):
                    wb2 = f"{carrier[:2]}{nxt('wb'):09d}"
                    courier.append((wb2, order_no, carrier, "揽收", rship))
                    rrecv = rship + timedelta(days=R.uniform(1, 3.5))
                    if within(rrecv):
                        courier.append((wb2, order_no, carrier, "签收", rrecv))
    elif chance(0.015):
        ticket(
            p, recv + timedelta(hours=R.uniform(1, 48)), order_no, "咨询", src_ch, "解释安抚", False
        )
    if sales_ch == "app" and chance(0.3):
        t = recv + timedelta(days=R.uniform(0.2, 5))
        if within(t):
            mean = 4.5 - (1.6 if defect else 0) - (1.2 if delayed else 0)
            score = max(1, min(5, round(R.gauss(mean, 0.7))))
            cm = ""
            if chance(0.4):
                cm = (
                    R.choice(["颜色和手机上差很多", "等了好久才发货", "有划痕，申请补印了"])
                    if defect or delayed
                    else R.choice(
                        [
                            "印得很清晰",
                            "照片书质感很好",
                            "包装很用心",
                            "毕业纪念很有意义",
                            "物流很快",
                        ]
                    )
                )
            reviews.append((p.uid, order_no, t, score, cm, product))


def price(product, ts, sales_ch):
    lo, hi = PRICE[product]
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if sales_ch == "pdd":
        v *= 0.85
        if ts >= PRICE_WAR:
            v *= 0.55 if product == "print" else 0.8
    if sales_ch == "taobao":
        v *= 0.95
    return round(v, 1)


def app_order(p, t, utm, product):
    """Checkout in the app: the order system writes the order; paid or closed unpaid."""
    order_no = f"YX{t:%y%m%d}{nxt('order'):06d}"
    amount = price(product, t, "app")
    coupon = 0.0
    if chance(0.4):
        coupon = min(amount * 0.3, R.choice([5, 10, 15, 20]))
        ev(p, t - timedelta(minutes=R.uniform(0.5, 2)), "coupon_use", utm, product)
    ev(p, t, "submit_order", utm, product)
    paid = chance(0.88)
    pay_t = t + timedelta(minutes=R.uniform(0.3, 8))
    if not within(pay_t):
        return False
    orders.append(
        (
            order_no,
            p.uid,
            t,
            pay_t if paid else None,
            "PAID" if paid else "CLOSED",
            round((amount - coupon) * 100),
            round(coupon * 100),
            product,
            p.prov,
            utm,
        )
    )
    if paid:
        fulfil(p, order_no, pay_t, product, "app")
    return paid


def app_visitor(d, utm=None):
    p = Person()
    people.append(p)
    utm = utm or pick(UTM, UTM_W)
    t = at(d)
    product = product_for(t)
    for s in range(R.choice([1, 1, 2, 2, 3])):
        if s:
            t += timedelta(days=R.uniform(0.5, 12))
            utm = "(none)" if chance(0.6) else utm
        if not ev(p, t, "app_launch", utm):
            return p
        if not chance(0.72):
            continue
        t1 = t + timedelta(minutes=R.uniform(1, 6))
        ev(p, t1, "upload_photo", utm, product, {"photo_count": R.randint(5, 120)})
        if not chance(0.78):
            continue
        t2 = t1 + timedelta(minutes=R.uniform(1, 5))
        ev(p, t2, "open_editor", utm, product)
        p_cart = 0.52 if t2 >= NEW_EDITOR else 0.33
        if product == "photobook":
            p_cart -= 0.05
        if not chance(p_cart):
            continue
        t3 = t2 + timedelta(minutes=R.uniform(6, 40) if t2 < NEW_EDITOR else R.uniform(4, 25))
        login(p, t3, utm)
        ev(p, t3, "add_cart", utm, product)
        if not chance(0.72):
            continue
        if app_order(p, t3 + timedelta(minutes=R.uniform(1, 15)), utm, product):
            if chance(0.28):
                returning(p, t3 + timedelta(days=R.uniform(15, 150)))
            return p
    return p


def returning(p, t, utm="(none)"):
    """A logged-in member comes back to the app."""
    if not within(t):
        return
    product = product_for(t)
    ev(p, t, "app_launch", utm)
    if not chance(0.75):
        return
    t1 = t + timedelta(minutes=R.uniform(1, 5))
    ev(p, t1, "upload_photo", utm, product, {"photo_count": R.randint(5, 150)})
    t2 = t1 + timedelta(minutes=R.uniform(1, 4))
    ev(p, t2, "open_editor", utm, product)
    if not chance(0.62 if t2 >= NEW_EDITOR else 0.45):
        return
    t3 = t2 + timedelta(minutes=R.uniform(4, 30))
    ev(p, t3, "add_cart", utm, product)
    if chance(0.8):
        app_order(p, t3 + timedelta(minutes=R.uniform(1, 10)), utm, product)


def existing_member():
    p = Person()
    people.append(p)
    reg = START - timedelta(days=R.uniform(20, 900))
    login(p, reg, pick(UTM, UTM_W))
    for _ in range(poisson(1.3)):
        d = START.date() + timedelta(days=R.randrange(N_DAYS))
        if chance(0.25):  # members come back for calendars
            d = date(2026, R.choice([10, 11, 11]), R.randint(1, 30))
        returning(p, at(d))


def taobao_buyer(d, member=None):
    p = member or Person()
    if member is None:
        people.append(p)
    if p.tb_nick is None:
        p.tb_nick = f"tb{h('nick' + str(nxt('nick')))[:8]}"
    t = at(d)
    product = product_for(t)
    if not within(t):
        return
    order_no = f"{3800000000000000000 + nxt('tb') * 7919}"
    amt = price(product, t, "taobao")
    closed = chance(0.08)
    status = "交易关闭" if closed else ("交易成功" if chance(0.9) else "卖家已发货，待买家确认")
    if t > END - timedelta(days=6) and not closed:
        status = pick(["买家已付款，等待卖家发货", "卖家已发货，待买家确认"], [0.4, 0.6])
    pay_t = None if closed else t + timedelta(minutes=R.uniform(0.2, 20))
    tb_orders.append(
        (order_no, p.tb_nick, p.phone, t, pay_t, amt, TB_TITLE[product], status, p.prov)
    )
    if pay_t and within(pay_t):
        fulfil(p, order_no, pay_t, product, "taobao")


def pdd_buyer(d):
    p = Person()
    people.append(p)
    p.pdd_uid = f"{R.randint(10**9, 10**10 - 1)}"
    for _ in range(R.choice([1, 1, 1, 2]) + (1 if d >= PRICE_WAR.date() and chance(0.35) else 0)):
        t = at(d)
        if not within(t):
            return
        product = product_for(t)
        if t >= PRICE_WAR and chance(0.4):
            product = "print"
        order_no = f"{t:%y%m%d}-{nxt('pdd'):012d}"
        amt = price(product, t, "pdd")
        cancelled = chance(0.06)
        status = "已取消" if cancelled else "已签收"
        pdd_orders.append((order_no, p.pdd_uid, p.phone, t, amt, PDD_ITEM[product], status, p.prov))
        if not cancelled:
            fulfil(p, order_no, t + timedelta(minutes=R.uniform(0.1, 3)), product, "pdd")
        d = d + timedelta(days=R.randint(5, 60))


def simulate():
    for _ in range(700):
        existing_member()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = season(dt)
        for _ in range(poisson(11 * w)):
            app_visitor(d)
        if inw(dt, GRAD_PEAK):
            for _ in range(poisson(6)):
                app_visitor(d, pick(["douyin", "xhs"], [0.5, 0.5]))
        for _ in range(poisson(4.2 * w)):
            taobao_buyer(d, R.choice(member_people) if chance(0.08) else None)
        lam_pdd = 3.0 * w * (2.6 if dt >= PRICE_WAR else 1.0)
        for _ in range(poisson(lam_pdd)):
            pdd_buyer(d)


def write(folder: Path):
    def local(ts, fmt):
        return ts.strftime(fmt) if ts else ""

    with open(folder / "app_events.jsonl", "w") as f:
        for r in sorted(app_events, key=lambda r: (r["ts"], r["device_id"], r["event"])):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["uid", "phone_md5", "注册日期", "省份", "城市", "会员等级", "注册来源"])
        for r in sorted(members, key=lambda r: r[0]):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d}", r[3], r[4], r[5], r[6]])
    with open(folder / "orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "uid",
                "created_at",
                "paid_at",
                "status",
                "pay_amount_fen",
                "coupon_fen",
                "product_type",
                "province",
                "utm_source",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[2], r[0])):

            def utc(ts):
                return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z" if ts else ""

            paid = r[5] if r[4] == "PAID" else ""
            w.writerow([r[0], r[1], utc(r[2]), utc(r[3]), r[4], paid, r[6], r[7], r[8], r[9]])
    with open(folder / "taobao_orders.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "买家会员名",
                "收货人手机MD5",
                "订单创建时间",
                "订单付款时间",
                "买家实际支付金额",
                "宝贝标题",
                "订单状态",
                "收货省份",
            ]
        )
        for r in sorted(tb_orders, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    local(r[3], "%Y-%m-%d %H:%M:%S"),
                    local(r[4], "%Y-%m-%d %H:%M:%S"),
                    "0.00" if r[7] == "交易关闭" else f"{r[5]:.2f}",
                    r[6],
                    r[7],
                    r[8],
                ]
            )
    with open(folder / "pdd_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "用户ID",
                "手机号MD5",
                "支付时间",
                "商品总价(元)",
                "商品",
                "订单状态",
                "省份",
            ]
        )
        for r in sorted(pdd_orders, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    local(r[3], "%Y/%m/%d %H:%M:%S"),
                    f"{r[4]:.2f}",
                    r[5],
                    r[6],
                    r[7],
                ]
            )
    with open(folder / "production_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "工厂", "机台", "工序", "印次", "时间"])
        for r in sorted(prod_log, key=lambda r: (r[5], r[0], r[3])):
            if within(r[5]):
                fac = {"Hangzhou": "杭州工厂", "Chengdu": "成都工厂"}[r[1]]
                w.writerow([r[0], fac, r[2], r[3], r[4], local(r[5], "%Y/%m/%d %H:%M")])
    with open(folder / "courier_tracking.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["waybill_no", "order_no", "carrier", "status", "scan_time"])
        for r in sorted(courier, key=lambda r: (r[4], r[0], r[3])):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%dT%H:%M:%S}+08:00"])
    with open(folder / "aftersales_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "订单号",
                "会员ID",
                "来源渠道",
                "问题类型",
                "处理方式",
                "创建时间",
                "首次响应时间",
                "解决时间",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            times = [local(t, "%Y-%m-%d %H:%M") for t in r[6:9]]
            w.writerow([*r[:6], *times, r[9], r[10]])
    with open(folder / "order_reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["uid", "order_no", "rated_at", "stars", "comment", "product_type"])
        for r in sorted(reviews, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4], r[5]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        base = {"抖音": 70000, "小红书": 48000, "淘宝直通车": 36000, "拼多多推广": 22000}
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if m.month in (5, 6) and ch in ("抖音", "小红书"):
                    f_ *= 1.7
                if m.month in (10, 11, 12):
                    f_ *= 1.3
                if ch == "拼多多推广" and m >= date(2026, 9, 1):
                    f_ *= 3.2
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

    with tempfile.TemporaryDirectory(prefix="printfarm-src-") as tmp:
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
