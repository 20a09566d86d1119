"""Theme park evaluation domain: 奇幻岛乐园 (Fantasy Isle), theme park + water park + hotel, Foshan.

    python generate.py OUT.duckdb

Writes the park's own exports (seeded: the same files every run) to a temporary folder —

  miniapp_log.csv        WeChat mini-program page log: openid, 会员ID after login, 来源
  ticket_orders.csv      ticketing system order lines (Chinese headers, 元); refunds negative
  reservations.csv       timed-entry reservations (手机号 hash, 入园日期, 时段)
  ctrip_settlement.csv   携程 settlement (its own columns, dates YYYYMMDD)
  meituan_settle.csv     美团 settlement (its own columns, dates YYYYMMDD)
  fliggy_bill.csv        飞猪 bill (its own columns, dates YYYYMMDD)
  members.csv            member export (会员ID, 手机号, 注册时间, 城市, 会员类型, 注册渠道)
  gate_scans.jsonl       face-recognition gates and ride/show scans, epoch seconds UTC
  pos_txn.csv            wristband POS payments, amounts in 分, ISO times with +08:00
  hotel_pms.csv          hotel PMS stays: check-in / check-out dates
  cs_tickets.csv         customer-service tickets
  reviews.csv            platform reviews (1-5 stars)
  weekly_spend.csv       weekly marketing spend per platform (元)

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: description.md.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import random
import shutil
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261203
START = datetime(2025, 12, 3)
END = datetime(2026, 12, 3)  # as_of; data ends the day before
N_DAYS = (END - START).days
CNY = (date(2026, 2, 15), date(2026, 2, 24))  # Spring Festival holiday
MAYDAY = (date(2026, 5, 1), date(2026, 5, 6))
NATIONAL = (date(2026, 10, 1), date(2026, 10, 9))
HURRICANE_OPEN = date(2026, 6, 1)  # new coaster 飓风
TYPHOON = {date(2026, 8, 12), date(2026, 8, 13)}
WATER = (date(2026, 5, 23), date(2026, 10, 9))  # water park season
PASS_CUT = datetime(2026, 3, 1)  # annual pass 1280 -> 880
LIVE_SALE = date(2026, 9, 12)  # 抖音 live-stream sale
SH = timezone(timedelta(hours=8))

R = random.Random(SEED)

PRICE = {"成人票": 299, "儿童票": 159, "长者票": 149, "夜场票": 129, "双园联票": 399}
RIDES = ["飓风", "旋转木马", "激流勇进", "海盗船", "摩天轮", "丛林飞车", "4D影院"]
RIDE_W = [0, 1.0, 1.2, 1.1, 0.9, 1.3, 0.7]
RIDE_WAIT = {
    "旋转木马": 12,
    "激流勇进": 35,
    "海盗船": 25,
    "摩天轮": 20,
    "丛林飞车": 40,
    "4D影院": 15,
}
CITIES = ["佛山", "广州", "深圳", "东莞", "中山", "珠海", "香港", "长沙"]
CITY_W = [0.3, 0.3, 0.13, 0.07, 0.06, 0.04, 0.05, 0.05]
# how visitors buy: mini-program traffic sources and OTAs
BUY_CH = ["抖音", "小红书", "微信", "美团", "携程", "飞猪", "旅行社", "窗口"]
BUY_W = [0.16, 0.08, 0.14, 0.2, 0.16, 0.08, 0.08, 0.1]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def h(text, n=16):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inr(d, r):
    return r[0] <= d < r[1]


def dt(d, hour, minute=0, sec=0):
    t = datetime(d.year, d.month, d.day) + timedelta(hours=hour, minutes=minute, seconds=sec)
    return t.replace(microsecond=0)


def crowd(d):
    """Visitors that day relative to an ordinary weekday."""
    f = 1.0
    if d.weekday() >= 5:
        f *= 2.2
    if inr(d, CNY):
        f *= 3.2
    if inr(d, MAYDAY) or inr(d, NATIONAL):
        f *= 3.5
    if d.month in (7, 8):
        f *= 1.7
    if d.month in (12, 1, 3, 11) and not inr(d, CNY):
        f *= 0.7
    return f  # typhoon days: tickets were sold, but the park stayed closed (see visit)


DAYS = [START.date() + timedelta(days=i) for i in range(N_DAYS)]
CROWD = {d: crowd(d) for d in DAYS}

miniapp, orders, resv, ctrip, meituan, fliggy, members, gate, pos, hotel, tickets, reviews = (
    [] for _ in range(12)
)
seq = {"p": 0, "order": 880000, "ota": 0, "band": 0, "pos": 0, "tk": 0, "resv": 0, "hotel": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


def within(ts):
    return START <= ts < END


class Person:
    def __init__(self, ch):
        self.n = nxt("p")
        self.ch = ch
        self.phone = "ph" + h(f"phone{self.n}", 12)
        self.openid = None
        self.member = None
        self.face = None
        self.city = pick(CITIES, CITY_W)
        self.enrolled = False


def join_member(p, ts, kind="普通会员"):
    if p.member is None:
        p.member = f"M{200000 + p.n}"
        members.append([p, ts, kind])
    elif kind == "年卡会员":
        for m in members:
            if m[0] is p:
                m[2] = kind


def browse(p, ts, buy):
    """Mini-program pages before an order; returns the submit time (None when they left)."""
    if p.openid is None:
        p.openid = "oX" + h(f"open{p.n}", 20)
    src = p.ch if p.ch in ("抖音", "小红书", "微信") else "微信"
    t = ts
    miniapp.append([t, p.openid, "", "首页", src])
    if not buy and chance(0.45):
        return None
    t += timedelta(minutes=R.uniform(0.5, 8))
    miniapp.append([t, p.openid, "", "票型详情", src])
    if not buy and chance(0.6):
        return None
    t += timedelta(minutes=R.uniform(1, 10))
    join_member(p, t)
    miniapp.append([t, p.openid, p.member, "提交订单", src])
    if not buy:
        return None
    return t + timedelta(minutes=R.uniform(0.3, 4))


def sell(p, ts, lines, visit_day, channel):
    """Write an order (ticketing or OTA). lines: [(product, qty, unit)]. Returns order id."""
    total = sum(q * u for _, q, u in lines)
    refund = visit_day in TYPHOON
    if channel in ("美团", "携程", "飞猪"):
        ref = f"{ {'美团': 'MT', '携程': 'CT', '飞猪': 'FZ'}[channel] }{nxt('ota'):07d}"
        prod = "+".join(f"{name}x{q}" for name, q, _ in lines)
        row = [ref, p.phone, ts.date(), visit_day, prod, sum(q for _, q, _ in lines), total]
        {"美团": meituan, "携程": ctrip, "飞猪": fliggy}[channel].append([*row, "sale"])
        if refund:
            back = dt(visit_day, R.uniform(8, 30))
            {"美团": meituan, "携程": ctrip, "飞猪": fliggy}[channel].append(
                [ref, p.phone, back.date(), visit_day, prod, row[5], -total, "refund"]
            )
        return ref
    oid = f"FI{nxt('order')}"
    sales = {"旅行社": "旅行社", "窗口": "售票窗口", "抖音直播": "抖音直播间"}.get(
        channel, "微信小程序"
    )
    for name, q, u in lines:
        orders.append(
            [oid, p.member or "", p.phone, ts, sales, name, q, u, q * u, "已支付", visit_day]
        )
    if refund:
        back = dt(visit_day, R.uniform(8, 30))
        for name, q, u in lines:
            orders.append(
                [oid, p.member or "", p.phone, back, sales, name, q, u, -q * u, "已退款", visit_day]
            )
    return oid


def reserve(p, ts, visit_day):
    slot = pick(
        ["09:00-11:00", "11:00-13:00", "13:00-15:00", "17:00-19:00"], [0.5, 0.3, 0.12, 0.08]
    )
    resv.append([f"YY{nxt('resv'):07d}", p.phone, ts, visit_day, slot])


def ticket(p, ts, cat, ch=None, complaint=None, mood=0.0):
    if not within(ts):
        return
    ch = ch or pick(["电话", "微信客服", "OTA转单", "现场服务台"], [0.35, 0.35, 0.15, 0.15])
    fr = {
        "电话": R.uniform(0.5, 8),
        "微信客服": R.uniform(1, 40),
        "OTA转单": R.uniform(60, 600),
        "现场服务台": R.uniform(0.5, 5),
    }[ch]
    if cat == "雨天退款":
        fr *= 6
    first = ts + timedelta(minutes=fr)
    res = first + timedelta(
        hours={
            "排队时间长": R.uniform(0.5, 24),
            "设施关闭": R.uniform(1, 30),
            "雨天退款": R.uniform(24, 120),
            "票务问题": R.uniform(0.5, 48),
            "餐饮商品": R.uniform(0.5, 24),
            "年卡问题": R.uniform(2, 72),
        }[cat]
    )
    comp = complaint if complaint is not None else chance(0.3 + mood * 0.3)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(4.2 - mood - (0.8 if cat == "雨天退款" else 0), 0.9))))
    tickets.append(
        [
            f"KF{nxt('tk'):06d}",
            p.phone,
            ts,
            first,
            res if res < END else None,
            cat,
            ch,
            "是" if comp else "否",
            csat,
        ]
    )


def visit(p, d, kind, fastpass_p=None, review_p=0.12):
    """One park day: gates, rides, shows, POS."""
    if d in TYPHOON or not (START.date() <= d < END.date()):
        return
    band = f"WB{nxt('band'):08d}"
    if p.face is None:
        p.face = "F" + h(f"face{p.n}", 14)
    night = kind == "夜场票"
    t = dt(d, R.uniform(17.3, 19.0) if night else R.uniform(8.9, 12.0))
    g = {
        "scan_type": "GATE_IN",
        "face_id": p.face,
        "band_no": band,
        "gate": pick(["南门", "北门"], [0.7, 0.3]),
        "area": "乐园",
    }
    if not p.enrolled:
        g["mobile_md5"] = p.phone
        p.enrolled = True
    gate.append((t, g))
    c = CROWD[d]
    worst = 0
    fp = False
    fpp = fastpass_p if fastpass_p is not None else (0.22 if d >= HURRICANE_OPEN else 0.07)
    if not night and chance(fpp):
        fp = True
        pos.append(
            (
                t + timedelta(minutes=R.uniform(3, 40)),
                band,
                "优速通",
                "游客中心",
                R.choice([8000, 12000, 15000]),
            )
        )
    now = t + timedelta(minutes=R.uniform(10, 40))
    n_rides = R.randint(1, 3) if night else R.randint(3, 7)
    for _ in range(n_rides):
        w = list(RIDE_W)
        if d >= HURRICANE_OPEN:
            w[0] = 2.2
        ride = pick(RIDES, w)
        if ride == "飓风":
            wait = R.gauss(110, 25) * (0.7 + 0.3 * min(c, 3))
            if d >= date(2026, 9, 1):
                wait *= 0.75
        else:
            wait = R.gauss(RIDE_WAIT[ride], 6) * (0.6 + 0.4 * min(c, 4))
        if fp:
            wait = R.uniform(3, 15)
        wait = max(1, round(wait))
        worst = max(worst, wait if ride == "飓风" else wait * 0.6)
        now += timedelta(minutes=wait)
        gate.append((now, {"scan_type": "RIDE", "band_no": band, "ride": ride, "wait_min": wait}))
        now += timedelta(minutes=R.uniform(8, 45))
        if chance(0.35):
            pos.append(
                (
                    now,
                    band,
                    "餐饮",
                    pick(["美食广场", "海盗餐厅", "奶茶站"], [0.5, 0.3, 0.2]),
                    R.randrange(2500, 16000, 100),
                )
            )
    if chance(0.3):
        pos.append(
            (
                now + timedelta(minutes=20),
                band,
                "商品",
                pick(["奇幻商店", "飓风纪念品店"], [0.6, 0.4] if d >= HURRICANE_OPEN else [1, 0]),
                R.randrange(3900, 39900, 100),
            )
        )
    if (
        inr(d, WATER)
        and kind in ("双园联票", "酒店套餐", "年卡")
        and not night
        and chance(0.85 if kind != "年卡" else 0.3)
    ):
        wt = max(now, dt(d, 13)) + timedelta(minutes=R.uniform(0, 60))
        gate.append(
            (
                wt,
                {
                    "scan_type": "WP_IN",
                    "face_id": p.face,
                    "band_no": band,
                    "gate": "水公园门",
                    "area": "水公园",
                },
            )
        )
        if chance(0.4):
            pos.append(
                (
                    wt + timedelta(minutes=R.uniform(30, 120)),
                    band,
                    "餐饮",
                    "水公园小吃",
                    R.randrange(2000, 8000, 100),
                )
            )
    if (chance(0.45) and d.weekday() >= 4) or (night and chance(0.9)):
        gate.append(
            (
                dt(d, 19.5, R.randrange(20)),
                {
                    "scan_type": "SHOW",
                    "band_no": band,
                    "ride": "夜光巡游",
                    "wait_min": R.randint(5, 30),
                },
            )
        )
    # service
    if worst > 120 and chance(0.12):
        ticket(p, dt(d, 15) + timedelta(minutes=R.uniform(0, 300)), "排队时间长", mood=1.0)
    elif worst > 45 and chance(0.02):
        ticket(p, dt(d, 15) + timedelta(minutes=R.uniform(0, 300)), "排队时间长", mood=0.5)
    if chance(0.012):
        ticket(p, dt(d, 12) + timedelta(minutes=R.uniform(0, 300)), "设施关闭", mood=0.6)
    if chance(0.006):
        ticket(p, dt(d, 13), "餐饮商品")
    if chance(review_p):
        score = 4.5 - (1.5 if worst > 120 else 0.5 if worst > 60 else 0) - (0.6 if c > 5 else 0)
        plat = (
            p.ch
            if p.ch in ("美团", "携程", "飞猪", "抖音", "小红书")
            else pick(["美团", "大众点评", "小红书"], [0.5, 0.3, 0.2])
        )
        reviews.append(
            [
                plat,
                p.phone,
                dt(d, R.uniform(18, 23.9)) + timedelta(days=R.choice([0, 0, 1, 2])),
                max(1, min(5, round(R.gauss(score, 0.8)))),
            ]
        )


def day_pick(lo=None, hi=None):
    lo = lo or START.date()
    hi = hi or END.date()
    ds = [d for d in DAYS if lo <= d < hi]
    return R.choices(ds, weights=[CROWD[d] for d in ds])[0]


def day_ticket(p, visit_day, channel, party=None):
    wat = inr(visit_day, WATER)
    lines = []
    if party == "group":
        lines.append(("成人票", R.randint(10, 30), 239))
        if chance(0.5):
            lines.append(("儿童票", R.randint(3, 15), 129))
        kind = "成人票"
    else:
        main = pick(["成人票", "夜场票", "双园联票"], [0.62, 0.13, 0.25 if wat else 0])
        if channel == "抖音直播":
            main = "成人票"
        unit = 199 if channel == "抖音直播" else PRICE[main]
        lines.append((main, R.choice([1, 2, 2, 2, 3]), unit))
        if main != "夜场票" and chance(0.45):
            lines.append(
                ("儿童票", R.choice([1, 1, 2]), 109 if channel == "抖音直播" else PRICE["儿童票"])
            )
        if chance(0.08):
            lines.append(("长者票", R.choice([1, 2]), PRICE["长者票"]))
        kind = main
    return lines, kind


def simulate():
    n_visitors = 6200
    for _ in range(n_visitors):
        ch = pick(BUY_CH, BUY_W)
        p = Person(ch)
        vday = day_pick()
        lead = 0 if ch == "窗口" else min(30, int(R.expovariate(1 / 4)))
        buy_day = vday - timedelta(days=lead)
        if buy_day < START.date():
            buy_day = vday
        bts = dt(buy_day, R.uniform(7, 23.5)) if buy_day < vday else dt(vday, R.uniform(6.5, 10))
        group = ch == "旅行社"
        lines, kind = day_ticket(p, vday, ch, "group" if group else None)
        hotel_pkg = ch in ("携程", "飞猪", "微信") and chance(0.1)
        if hotel_pkg:
            lines = [("酒店套餐", 1, 1688 if vday.weekday() < 5 else 1988)]
            kind = "酒店套餐"
        if ch in ("抖音", "小红书", "微信"):
            sub = browse(p, bts - timedelta(minutes=R.uniform(5, 30)), True)
            bts = sub
        elif ch in ("窗口", "旅行社"):
            pass
        sell(p, bts, lines, vday, ch)
        if ch not in ("窗口",):
            reserve(p, bts + timedelta(minutes=R.uniform(1, 60 * 24 * max(lead, 0.05))), vday)
        if hotel_pkg:
            nights = R.choice([1, 1, 1, 2])
            hotel.append(
                [
                    f"H{nxt('hotel'):06d}",
                    p.phone,
                    vday,
                    vday + timedelta(days=nights),
                    pick(["亲子房", "大床房", "双床房"], [0.5, 0.3, 0.2]),
                    (780 if vday.weekday() < 5 else 980) * nights,
                    ch,
                ]
            )
            for k in range(nights + 1):
                visit(p, vday + timedelta(days=k), kind)
        else:
            visit(p, vday, kind, review_p=0.05 if group else 0.12)
        if vday in TYPHOON:
            if chance(0.35):
                ticket(p, dt(vday, R.uniform(8, 20)), "雨天退款", mood=0.8)
        elif chance(0.015):
            ticket(p, bts + timedelta(hours=R.uniform(0.2, 20)), "票务问题")
        # some come back later in the year
        if chance(0.06):
            v2 = (
                day_pick(vday + timedelta(days=14))
                if vday + timedelta(days=20) < END.date()
                else None
            )
            if v2:
                b2 = dt(v2, R.uniform(6.5, 10))
                if ch in ("抖音", "小红书", "微信"):
                    b2 = browse(p, b2 - timedelta(minutes=10), True)
                    l2, k2 = day_ticket(p, v2, "微信")
                    sell(p, b2, l2, v2, "微信")
                else:
                    l2, k2 = day_ticket(p, v2, ch)
                    sell(p, b2, l2, v2, ch)
                visit(p, v2, k2)
    # 抖音 live-stream sale on 12 Sep: flash buyers, visiting later
    for _ in range(700):
        p = Person("抖音")
        bts = dt(LIVE_SALE, R.uniform(19.5, 22.5))
        sub = browse(p, bts - timedelta(minutes=R.uniform(1, 10)), True)
        vday = day_pick(LIVE_SALE + timedelta(days=1), date(2026, 11, 30))
        lines, kind = day_ticket(p, vday, "抖音直播")
        sell(p, sub, lines, vday, "抖音直播")
        if chance(0.72):  # some never use the ticket
            reserve(p, dt(vday - timedelta(days=R.randint(0, 5)), R.uniform(8, 22)), vday)
            visit(p, vday, kind)
    # annual passes: price cut on 1 March doubles sales
    for d in DAYS:
        rate = 0.9 if datetime(d.year, d.month, d.day) < PASS_CUT else 1.85
        rate *= 1.5 if d.weekday() >= 5 else 1
        for _ in range(int(rate) + (1 if chance(rate - int(rate)) else 0)):
            p = Person(pick(["抖音", "小红书", "微信"], [0.3, 0.2, 0.5]))
            bts = dt(d, R.uniform(8, 23))
            sub = browse(p, bts, True)
            if not within(sub):
                continue
            price = 1280 if sub < PASS_CUT else 880
            sell(p, sub, [("年卡", 1, price)], d, "微信")
            join_member(p, sub, "年卡会员")
            if chance(0.05):
                ticket(p, sub + timedelta(days=R.uniform(1, 60)), "年卡问题")
            n = R.randint(2, 12)
            for _ in range(n):
                if d + timedelta(days=2) >= END.date():
                    break
                vd = day_pick(d + timedelta(days=1), min(END.date(), d + timedelta(days=365)))
                reserve(p, dt(vd - timedelta(days=R.randint(0, 3)), R.uniform(8, 22)), vd)
                visit(p, vd, "年卡", review_p=0.03)
    # browsers who never bought
    for _ in range(2600):
        p = Person(pick(["抖音", "小红书", "微信"], [0.45, 0.25, 0.3]))
        d = day_pick()
        browse(p, dt(d, R.uniform(7, 23.8)) - timedelta(days=R.randint(0, 6)), False)


def ymd(d):
    return d.strftime("%Y%m%d")


def local(ts):
    return f"{ts:%Y/%m/%d %H:%M:%S}"


def write(folder: Path):
    with open(folder / "miniapp_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["时间", "openid", "会员ID", "页面", "来源"])
        for r in sorted(miniapp, key=lambda r: (r[0], r[1])):
            if within(r[0]):
                w.writerow([local(r[0]), *r[1:]])
    with open(folder / "ticket_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "会员ID",
                "手机号",
                "下单时间",
                "销售渠道",
                "票种",
                "数量",
                "单价",
                "金额",
                "订单状态",
                "游玩日期",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[3], r[0], r[5])):
            if within(r[3]):
                w.writerow([*r[:3], local(r[3]), *r[4:10], f"{r[10]:%Y-%m-%d}"])
    with open(folder / "reservations.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["预约单号", "手机号", "预约时间", "入园日期", "时段"])
        for r in sorted(resv, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow([r[0], r[1], local(r[2]), f"{r[3]:%Y-%m-%d}", r[4]])
    ota = [
        (
            "ctrip_settlement.csv",
            ctrip,
            [
                "携程订单号",
                "联系人手机",
                "预订日期",
                "使用日期",
                "产品名称",
                "张数",
                "结算价",
                "状态",
            ],
            {"sale": "成交", "refund": "退票"},
        ),
        (
            "meituan_settle.csv",
            meituan,
            [
                "美团券码",
                "手机号MD5",
                "交易日期",
                "消费日期",
                "商品",
                "份数",
                "结算金额",
                "交易类型",
            ],
            {"sale": "消费", "refund": "退款"},
        ),
        (
            "fliggy_bill.csv",
            fliggy,
            [
                "外部订单号",
                "买家手机",
                "支付日期",
                "出行日期",
                "宝贝名称",
                "数量",
                "实收金额",
                "业务类型",
            ],
            {"sale": "交易", "refund": "售后退款"},
        ),
    ]
    for name, rows, head, kinds in ota:
        with open(folder / name, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(head)
            for r in sorted(rows, key=lambda r: (r[2], r[0], r[7])):
                if START.date() <= r[2] < END.date():
                    w.writerow(
                        [r[0], r[1], ymd(r[2]), ymd(r[3]), r[4], r[5], f"{r[6]:.2f}", kinds[r[7]]]
                    )
    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["会员ID", "手机号", "注册时间", "城市", "会员类型", "注册渠道"])
        for p, ts, kind in sorted(members, key=lambda m: m[1]):
            if within(ts):
                w.writerow(
                    [
                        p.member,
                        p.phone,
                        local(ts),
                        p.city,
                        kind,
                        p.ch if p.ch in ("抖音", "小红书", "微信") else "微信",
                    ]
                )
    with open(folder / "gate_scans.jsonl", "w", encoding="utf-8") as f:
        for ts, obj in sorted(gate, key=lambda r: (r[0], r[1]["band_no"], r[1]["scan_type"])):
            if within(ts):
                utc = ts.replace(tzinfo=SH).astimezone(UTC)
                row = {
                    "ts": int(utc.timestamp()),
                    "ts_utc": utc.strftime("%Y-%m-%dT%H:%M:%SZ"),
                    **obj,
                }
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(folder / "pos_txn.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["流水号", "手环号", "交易时间", "商户类型", "商户名称", "金额(分)"])
        for i, r in enumerate(sorted(pos, key=lambda r: (r[0], r[1]))):
            if within(r[0]):
                w.writerow(
                    [
                        f"P{i + 1:08d}",
                        r[1],
                        r[0].replace(tzinfo=SH, microsecond=0).isoformat(),
                        r[2],
                        r[3],
                        r[4],
                    ]
                )
    with open(folder / "hotel_pms.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["预订号", "手机号", "入住日期", "离店日期", "房型", "房费", "预订来源"])
        for r in sorted(hotel, key=lambda r: (r[2], r[0])):
            if START.date() <= r[2] < END.date():
                w.writerow(
                    [r[0], r[1], f"{r[2]:%Y-%m-%d}", f"{r[3]:%Y-%m-%d}", r[4], f"{r[5]:.2f}", r[6]]
                )
    with open(folder / "cs_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "客户手机",
                "创建时间",
                "首次响应时间",
                "解决时间",
                "问题类型",
                "受理渠道",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    local(r[2]),
                    local(r[3]),
                    local(r[4]) if r[4] else "",
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                ]
            )
    with open(folder / "reviews.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["平台", "手机号", "评价时间", "评分"])
        for r in sorted(reviews, key=lambda r: (r[2], r[1])):
            if within(r[2]):
                w.writerow([r[0], r[1], local(r[2]), r[3]])
    with open(folder / "weekly_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["周开始", "平台", "消耗(元)"])
        base = {
            "抖音": 28000,
            "小红书": 12000,
            "微信": 15000,
            "美团": 18000,
            "携程": 14000,
            "飞猪": 6000,
        }
        wk = START.date() - timedelta(days=START.weekday())
        while wk < END.date():
            if wk >= START.date():
                for ch, amt in base.items():
                    f_ = R.uniform(0.85, 1.15)
                    if any(
                        inr(wk + timedelta(days=k), r)
                        for k in range(7)
                        for r in (CNY, MAYDAY, NATIONAL)
                    ):
                        f_ *= 1.8
                    if ch == "抖音" and wk <= LIVE_SALE < wk + timedelta(days=7):
                        f_ *= 4
                    w.writerow([f"{wk:%Y/%m/%d}", ch, f"{amt * f_:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="themepark-src-") as tmp:
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
