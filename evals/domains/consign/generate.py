"""Consign evaluation domain: 好物寄卖 (HaoWu), second-hand luxury consignment.

    python generate.py OUT.duckdb

Writes HaoWu's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl        app event log: ts in epoch ms, device_id always, uid after login,
                          event, utm (traffic source), category, brand
  members.csv             consignment members: uid, registered_at (ISO UTC, Z), city, member_type
  consign_events.csv      consignment system item/order lifecycle: English columns, ISO UTC times,
                          amounts in 分 (fen)
  appraisal_log.csv       appraisal log, Chinese headers, 'YYYY-MM-DD HH:mm' Shanghai time
  xhs_orders.csv          小红书 shop order export (its own status words, 元)
  xianyu_orders.csv       闲鱼 order export (its own status words, 元)
  payout_ledger.csv       seller payouts (打款): gross, commission, net in 元
  aftersales_tickets.csv  after-sales tickets (Chinese category words)
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
SZ_OPEN = datetime(2026, 4, 13)  # Shenzhen appraisal centre opens
COMMISSION_UP = datetime(2026, 7, 1)  # 15% -> 18%
BACKLOG = (datetime(2026, 8, 1), datetime(2026, 9, 1))  # appraisal backlog
SCANDAL = (datetime(2026, 10, 8), datetime(2026, 11, 1))  # fake-item scandal on 闲鱼
D11 = (datetime(2026, 11, 1), datetime(2026, 11, 12))  # 双十一 presale + day

R = random.Random(SEED)

CATS = ["handbag", "watch", "jewellery"]
CAT_W = [0.55, 0.25, 0.2]
BRANDS = {
    "handbag": (
        ["Chanel", "Louis Vuitton", "Hermès", "Gucci", "Dior"],
        [0.25, 0.3, 0.1, 0.2, 0.15],
    ),
    "watch": (["Rolex", "Omega", "Cartier", "Patek Philippe"], [0.45, 0.3, 0.2, 0.05]),
    "jewellery": (["Cartier", "Tiffany", "Van Cleef & Arpels", "Bvlgari"], [0.35, 0.3, 0.2, 0.15]),
}
PRICE = {"handbag": (3000, 60000), "watch": (8000, 150000), "jewellery": (2000, 50000)}
CAT_CN = {"handbag": "箱包", "watch": "腕表", "jewellery": "珠宝"}
CITIES = ["上海", "杭州", "南京", "北京", "深圳", "广州", "成都", "台北"]
CITY_W = [0.3, 0.12, 0.08, 0.14, 0.14, 0.12, 0.06, 0.04]
SOUTH = {"深圳", "广州", "成都", "台北"}
UTM = ["xiaohongshu", "douyin", "organic", "direct", "xianyu_ad"]
UTM_W = [0.32, 0.22, 0.2, 0.16, 0.1]
APPRAISERS = {"上海": ["SH-A01", "SH-A02", "SH-A03", "SH-A04"], "深圳": ["SZ-A01", "SZ-A02"]}


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
    0.4,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.4,
    0.9,
    1.6,
    2,
    2.4,
    2.6,
    3,
    2.6,
    2.4,
    2.4,
    2.6,
    2.8,
    3,
    3.6,
    4.4,
    5,
    4.4,
    2,
]
WORK = [0] * 9 + [3, 4, 4, 2, 4, 4, 4, 3, 2] + [0] * 6


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


app, members, cevents, appraisals, xhs, xianyu, payouts, tickets = ([] for _ in range(8))
seq = {"uid": 300000, "item": 0, "order": 0, "dev": 0, "tk": 0, "ap": 0, "po": 0, "buyer": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.dev = None
        self.uid = None
        self.city = pick(CITIES, CITY_W)
        self.mtype = "buyer"
        self.xhs = None
        self.xy = None


def login(p, ts):
    if p.uid is None:
        p.uid = f"HW{nxt('uid')}"
        members.append((p, ts))
    return p.uid


def ev(p, ts, name, utm, cat="", brand="", logged=True):
    if not within(ts):
        return False
    if p.dev is None:
        p.dev = "d" + h(f"dev{nxt('dev')}")[:15]
    app.append((ts, p.dev, p.uid if logged else None, name, utm, cat, brand))
    return True


def cev(kind, ts, p, item, order="", amount_fen="", centre="", channel="", role="seller"):
    if within(ts):
        cevents.append((kind, ts, p, item, order, amount_fen, centre, channel, role))


def ticket(p, ts, cat, role, order, mood=0.0, channel=None):
    if not within(ts):
        return
    ch = channel or pick(["在线客服", "电话", "小程序留言"], [0.6, 0.25, 0.15])
    fr = {
        "在线客服": R.uniform(0.05, 2),
        "电话": R.uniform(0.02, 0.5),
        "小程序留言": R.uniform(2, 30),
    }[ch]
    if inw(ts, SCANDAL) and cat == "假货争议":
        fr *= 3
    res = (
        fr
        + {
            "假货争议": R.uniform(24, 240),
            "打款延迟": R.uniform(4, 72),
            "商品损坏": R.uniform(24, 160),
            "物流问题": R.uniform(4, 60),
            "鉴定进度": R.uniform(2, 48),
        }[cat]
    )
    solved = ts + timedelta(hours=res)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        (
            f"TK{nxt('tk'):06d}",
            p,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            cat,
            ch,
            "是" if cat in ("假货争议", "商品损坏") or (mood > 0.8 and chance(0.5)) else "否",
            sat,
            role,
            order,
        )
    )


def traffic_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0 + 0.12 * math.sin((d.timetuple().tm_yday - 60) / 365 * 2 * math.pi)
    if d.weekday() >= 5:
        w *= 1.3
    if inw(dt, D11):
        w *= 2.2 if dt.day < 11 else 5.0
    if datetime(2026, 2, 14) <= dt < datetime(2026, 2, 24):
        w *= 0.7  # 春节
    return w


def browse(p, t, utm, cat, n_views, logged=False):
    ev(p, t, "app_open", utm, logged=logged)
    brand = pick(*BRANDS[cat])
    for i in range(n_views):
        ev(
            p,
            t + timedelta(minutes=1 + 2 * i + R.uniform(0, 1.5)),
            "item_view",
            utm,
            cat,
            brand,
            logged,
        )
    return t + timedelta(minutes=2 * n_views + 2), brand


def browser(d):
    """Someone browsing the app who may add to cart or make an offer but does not buy here."""
    p = Person()
    utm = pick(UTM, UTM_W)
    cat = pick(CATS, CAT_W)
    t = at(d)
    for s in range(R.choice([1, 1, 2, 3])):
        if s:
            t += timedelta(days=R.uniform(0.5, 12))
            utm = pick(["direct", "organic", utm], [3, 1, 2])
        t2, brand = browse(p, t, utm, cat, R.choice([1, 2, 3, 4]), logged=p.uid is not None)
        if chance(0.2):
            login(p, t2)
            ev(p, t2 + timedelta(minutes=1), "login", utm)
        if chance(0.22):
            ev(p, t2 + timedelta(minutes=2), "add_to_cart", utm, cat, brand, p.uid is not None)
        elif chance(0.08):
            login(p, t2)
            ev(p, t2 + timedelta(minutes=2), "make_offer", utm, cat, brand)
    return p


def sale(item, listed):
    """The listed item sells (or not); buyer journey, shipping, return, payout, tickets."""
    seller, cat, brand, price, centre = (
        item["seller"],
        item["cat"],
        item["brand"],
        item["price"],
        item["centre"],
    )
    d11_day = datetime(2026, 11, R.choice([1, 1, 2, 3, 5, 8, 10, 10, 11, 11, 11, 11, 11]), 12)
    if not chance(0.72):
        if datetime(2026, 8, 1) <= listed < d11_day and chance(0.55):
            sold = d11_day  # 双十一 clears older stock
        else:
            return
    else:
        sold = listed + timedelta(days=min(120, R.expovariate(1 / 16)))
    if inw(sold, (datetime(2026, 10, 25), D11[0])) and listed < d11_day and chance(0.5):
        sold = d11_day  # buyers wait for 双十一
    if not within(sold):
        return
    sold = (
        at(sold.date()) if sold.date() != listed.date() else sold + timedelta(hours=R.uniform(1, 8))
    )
    if not within(sold):
        return
    ch = pick(["app", "xhs", "xianyu"], [0.55, 0.25, 0.2])
    if inw(sold, SCANDAL) or (sold >= SCANDAL[1] and sold < SCANDAL[1] + timedelta(days=20)):
        ch = pick(["app", "xhs", "xianyu"], [0.58, 0.26, 0.16])
    amount = round(price * (0.9 if inw(sold, D11) else 1.0) * R.uniform(0.9, 1.0))
    order = f"SO{nxt('order'):07d}"
    buyer = None
    if ch == "app":
        buyer = Person()
        people.append(buyer)
        utm = pick(UTM, UTM_W)
        t0 = sold - timedelta(days=R.uniform(0, 6), minutes=R.uniform(10, 90))
        t1, _ = browse(buyer, t0, utm, cat, R.choice([1, 2, 3]))
        login(buyer, t1)
        ev(buyer, t1 + timedelta(minutes=1), "login", utm)
        if chance(0.35):
            ev(buyer, t1 + timedelta(minutes=2), "make_offer", utm, cat, brand)
        else:
            ev(buyer, t1 + timedelta(minutes=2), "add_to_cart", utm, cat, brand)
        pay = max(sold, t1 + timedelta(minutes=4))
        ev(buyer, pay - timedelta(minutes=1), "checkout", utm, cat, brand)
        cev("ORDER_PAID", pay, buyer, item["id"], order, amount * 100, centre, "APP", "buyer")
    else:
        buyer = Person()
        people.append(buyer)
        ref = h(f"b{nxt('buyer')}")[:10]
        pay = sold
        if ch == "xhs":
            buyer.xhs = "XHS" + ref.upper()
        else:
            buyer.xy = "xy_" + ref
    ship = pay + timedelta(hours=R.uniform(6, 60) + (24 if inw(pay, D11) else 0))
    cev("SHIPPED", ship, buyer, item["id"], order, "", centre, ch.upper(), "buyer")
    recv = ship + timedelta(days=R.uniform(1, 3.5))
    ret_p = {"app": 0.05, "xhs": 0.07, "xianyu": 0.08}[ch]
    if ch == "xianyu" and inw(pay, (SCANDAL[0], SCANDAL[1] + timedelta(days=15))):
        ret_p = 0.36
    elif inw(pay, SCANDAL):
        ret_p *= 1.5
    returned = chance(ret_p)
    status = "shipped"
    if recv < END:
        cev("DELIVERED", recv, buyer, item["id"], order, "", centre, ch.upper(), "buyer")
        status = "received"
        if chance(0.015):
            ticket(buyer, recv + timedelta(hours=R.uniform(1, 30)), "商品损坏", "买家", order, 0.8)
        if returned:
            rq = recv + timedelta(days=R.uniform(0.2, 6.8))
            if rq < END:
                status = "returned"
                cev(
                    "RETURN_REQUESTED",
                    rq,
                    buyer,
                    item["id"],
                    order,
                    "",
                    centre,
                    ch.upper(),
                    "buyer",
                )
                scandal = ch == "xianyu" and inw(pay, (SCANDAL[0], SCANDAL[1] + timedelta(days=15)))
                if (scandal and chance(0.6)) or chance(0.12):
                    ticket(
                        buyer,
                        rq + timedelta(hours=R.uniform(0.5, 20)),
                        "假货争议",
                        "买家",
                        order,
                        1.4 if scandal else 0.6,
                    )
                rr = rq + timedelta(days=R.uniform(2, 6))
                if rr < END:
                    cev(
                        "RETURN_RECEIVED",
                        rr,
                        buyer,
                        item["id"],
                        order,
                        "",
                        centre,
                        ch.upper(),
                        "buyer",
                    )
        elif chance(0.03):
            ticket(buyer, recv + timedelta(days=R.uniform(0.5, 5)), "物流问题", "买家", order, 0.2)
    elif chance(0.02):
        ticket(buyer, ship + timedelta(days=2), "物流问题", "买家", order, 0.4)
    if ch == "xhs":
        word = {"shipped": "已发货", "received": "已完成", "returned": "已退款"}[status]
        xhs.append((order, buyer.xhs, pay, amount, word, CAT_CN[cat], brand))
    elif ch == "xianyu":
        word = {"shipped": "卖家已发货", "received": "交易成功", "returned": "退款成功"}[status]
        xianyu.append((order, buyer.xy, pay, amount, word, cat, brand))
    if status == "received":
        rate = 0.18 if pay >= COMMISSION_UP else 0.15
        due = recv + timedelta(days=7)
        lag = R.uniform(0.5, 3)
        if inw(due, (datetime(2026, 11, 12), datetime(2026, 12, 1))) and chance(0.5):
            lag += R.uniform(4, 10)  # finance team swamped after 双十一
        elif chance(0.05):
            lag += R.uniform(5, 15)
        po = due + timedelta(days=lag)
        if po < END:
            gross = amount
            comm = round(gross * rate, 2)
            payouts.append(
                (
                    f"PO{nxt('po'):07d}",
                    seller,
                    item["id"],
                    order,
                    po,
                    gross,
                    comm,
                    round(gross - comm, 2),
                    f"{int(rate * 100)}%",
                )
            )
        if lag > 6 and chance(0.45):
            ticket(seller, due + timedelta(days=R.uniform(5, 6)), "打款延迟", "卖家", order, 1.0)


def seller(d, existing=False):
    p = Person()
    people.append(p)
    p.mtype = "seller"
    utm = pick(UTM, [0.4, 0.2, 0.2, 0.15, 0.05])
    t = at(d)
    if existing:
        p.uid = f"HW{nxt('uid')}"
        members.append((p, START - timedelta(days=R.uniform(20, 900))))
    n_items = R.choice([1, 1, 1, 2, 2, 3]) if not existing else R.choice([1, 2, 3, 4])
    for k in range(n_items):
        if k:
            t = t + timedelta(days=R.uniform(5, 90))
        if not within(t):
            break
        cat = pick(CATS, CAT_W)
        brand = pick(*BRANDS[cat])
        t1, _ = browse(p, t, utm, cat, R.choice([0, 1, 2]), logged=p.uid is not None)
        login(p, t1)
        ev(p, t1 + timedelta(minutes=1), "login", utm)
        ev(p, t1 + timedelta(minutes=R.uniform(3, 12)), "consign_submit", utm, cat, brand)
        item = {"id": f"IT{nxt('item'):07d}", "seller": p, "cat": cat, "brand": brand}
        lo, hi = PRICE[cat]
        item["price"] = round(math.exp(R.uniform(math.log(lo), math.log(hi))), -1)
        if not chance(0.86):
            continue  # never sent the item in
        recv = t1 + timedelta(days=R.uniform(1.5, 5))
        south = p.city in SOUTH
        centre = (
            "深圳" if recv >= SZ_OPEN and ((south and chance(0.85)) or chance(0.12)) else "上海"
        )
        item["centre"] = centre
        cev("ITEM_RECEIVED", recv, p, item["id"], "", "", centre, "", "seller")
        wait = R.uniform(0.5, 3) if centre == "上海" else R.uniform(0.3, 2)
        if recv < SZ_OPEN and south:
            wait += R.uniform(1, 3)  # shipped north, queue
        if inw(recv, BACKLOG) or inw(recv, (BACKLOG[0] - timedelta(days=5), BACKLOG[0])):
            wait += R.uniform(5, 12) if centre == "上海" else R.uniform(2, 5)
        ap = recv + timedelta(days=wait)
        ap = datetime(
            ap.year,
            ap.month,
            ap.day,
            *divmod(R.choices(range(24 * 60), weights=[WORK[i // 60] for i in range(1440)])[0], 60),
        )
        if ap < recv:
            ap += timedelta(days=1)
        if not within(ap):
            continue
        res = pick(["正品", "仿品", "拒收"], [0.88, 0.07, 0.05])
        appraisals.append(
            (
                f"JD{nxt('ap'):07d}",
                item["id"],
                p,
                ap,
                R.choice(APPRAISERS[centre]),
                brand,
                CAT_CN[cat],
                res,
                centre,
            )
        )
        if res != "正品":
            cev(
                "ITEM_RETURNED_TO_SELLER",
                ap + timedelta(days=R.uniform(1, 3)),
                p,
                item["id"],
                "",
                "",
                centre,
                "",
                "seller",
            )
            if res == "仿品" and chance(0.25):
                ticket(p, ap + timedelta(days=R.uniform(0.2, 2)), "鉴定进度", "卖家", "", 0.9)
            continue
        if ap - recv > timedelta(days=5) and chance(0.25):
            ticket(p, recv + timedelta(days=R.uniform(4, 5)), "鉴定进度", "卖家", "", 0.8)
        if not chance(0.9):
            continue  # seller did not accept the price
        agree = ap + timedelta(hours=R.uniform(2, 48))
        ev(p, agree - timedelta(minutes=2), "price_confirm", "direct", cat, brand)
        cev(
            "PRICE_AGREED",
            agree,
            p,
            item["id"],
            "",
            round(item["price"] * 100),
            centre,
            "",
            "seller",
        )
        listed = agree + timedelta(hours=R.uniform(3, 30))
        if inw(listed, BACKLOG):
            listed += timedelta(days=R.uniform(1, 3))  # photo studio behind too
        if not within(listed):
            continue
        cev("LISTED", listed, p, item["id"], "", round(item["price"] * 100), centre, "", "seller")
        sale(item, listed)
    return p


people = []


def simulate():
    for _ in range(420):
        seller(START.date() + timedelta(days=R.randrange(N_DAYS)), existing=True)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = traffic_weight(d)
        lam = 7.0 if dt < COMMISSION_UP else 5.6
        if inw(dt, (datetime(2026, 11, 12), datetime(2026, 11, 30))):
            lam *= 1.6  # after 双十一 people clear their wardrobes
        for _ in range(poisson(lam * (1.2 if d.weekday() >= 5 else 1.0))):
            seller(d)
        for _ in range(poisson(11 * w)):
            people.append(browser(d))


def write(folder: Path):
    def utc_iso(ts):  # Shanghai local -> ISO UTC with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def epoch_ms(ts):
        return int((ts - timedelta(hours=8)).replace(tzinfo=UTC).timestamp() * 1000)

    with open(folder / "app_events.jsonl", "w") as f:
        for ts, dev, uid, name, utm, cat, brand in sorted(app, key=lambda r: (r[0], r[1], r[3])):
            obj = {"ts": epoch_ms(ts), "device_id": dev, "event": name, "utm_source": utm}
            if uid:
                obj["uid"] = uid
            if cat:
                obj["category"] = cat
                obj["brand"] = brand
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["uid", "registered_at", "city", "member_type"])
        for p, ts in sorted(members, key=lambda r: r[0].uid):
            w.writerow([p.uid, utc_iso(ts), p.city, p.mtype])
    with open(folder / "consign_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_type",
                "event_time_utc",
                "uid",
                "xhs_buyer_id",
                "xianyu_buyer_id",
                "item_id",
                "order_no",
                "list_price_fen",
                "paid_fen",
                "centre",
                "sales_channel",
            ]
        )
        centre_en = {"上海": "SHA", "深圳": "SZX", "": ""}
        for kind, ts, p, item, order, fen, centre, ch, _role in sorted(
            cevents, key=lambda r: (r[1], r[3], r[0])
        ):
            paid = fen if kind == "ORDER_PAID" else ""
            listp = fen if kind in ("PRICE_AGREED", "LISTED") else ""
            w.writerow(
                [
                    kind,
                    utc_iso(ts),
                    p.uid or "",
                    p.xhs or "",
                    p.xy or "",
                    item,
                    order,
                    listp,
                    paid,
                    centre_en[centre],
                    ch or "CONSIGN",
                ]
            )
    with open(folder / "appraisal_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "鉴定单号",
                "寄卖单号",
                "卖家ID",
                "鉴定时间",
                "鉴定师",
                "品牌",
                "品类",
                "鉴定结果",
                "鉴定中心",
            ]
        )
        for r in sorted(appraisals, key=lambda r: r[3]):
            w.writerow(
                [r[0], r[1], r[2].uid, f"{r[3]:%Y-%m-%d %H:%M}", r[4], r[5], r[6], r[7], r[8]]
            )
    with open(folder / "xhs_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "买家ID", "下单时间", "实付金额(元)", "订单状态", "商品类目", "品牌"])
        for r in sorted(xhs, key=lambda r: r[2]):
            w.writerow([r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M:%S}", f"{r[3]:.2f}", r[4], r[5], r[6]])
    with open(folder / "xianyu_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_id",
                "buyer_nick_id",
                "pay_time",
                "pay_amount",
                "trade_status",
                "category",
                "brand",
            ]
        )
        for r in sorted(xianyu, key=lambda r: r[2]):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", f"{r[3]:.2f}", r[4], r[5], r[6]])
    with open(folder / "payout_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "payout_id",
                "seller_uid",
                "item_id",
                "order_no",
                "paid_out_at",
                "gross_yuan",
                "commission_yuan",
                "net_yuan",
                "commission_rate",
            ]
        )
        for r in sorted(payouts, key=lambda r: r[4]):
            w.writerow(
                [
                    r[0],
                    r[1].uid,
                    r[2],
                    r[3],
                    f"{r[4]:%Y-%m-%d %H:%M:%S}",
                    f"{r[5]:.2f}",
                    f"{r[6]:.2f}",
                    f"{r[7]:.2f}",
                    r[8],
                ]
            )

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "aftersales_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "用户ID",
                "小红书买家ID",
                "闲鱼买家ID",
                "创建时间",
                "首次回复时间",
                "关闭时间",
                "问题类型",
                "受理渠道",
                "是否投诉",
                "满意度",
                "用户角色",
                "关联订单",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            p = r[1]
            w.writerow(
                [
                    r[0],
                    p.uid or "",
                    p.xhs or "",
                    p.xy or "",
                    fmt(r[2]),
                    fmt(r[3]),
                    fmt(r[4]),
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                    r[10],
                ]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        base = {"小红书": 180000, "抖音": 120000, "闲鱼推广": 60000}
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if m.month == 11:
                    f_ *= 2.5
                if ch == "闲鱼推广" and m.month in (10, 11) and m.year == 2026:
                    f_ *= 0.4  # paused after the scandal
                if ch == "抖音" and m >= date(2026, 5, 1):
                    f_ *= 1.4
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

    with tempfile.TemporaryDirectory(prefix="consign-src-") as tmp:
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
