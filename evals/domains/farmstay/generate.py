"""Farmstay evaluation domain: 田园牧歌 (TianYuan), farm-stay / pick-your-own near Chengdu.

    python generate.py OUT.duckdb

Writes TianYuan's own exports (seeded: the same files every run) to a temporary folder —

  mp_events.jsonl        WeChat mini-program event log: epoch ms, openid always, memberNo once the
                         visitor binds a phone, utm source, farm, product
  members.csv            booking system members (会员号, openid, 注册时间, 城市, 会员类型)
  bookings.csv           booking system orders (Chinese headers, 'YYYY/MM/DD HH:mm' local, 元)
  payments.csv           booking system payment log (全款 / 订金 / 尾款 / 退款, 元)
  gate_scans.csv         gate scanner log (English columns, ISO UTC with Z)
  meituan_orders.csv     美团 order export (its own status words, local time)
  ctrip_orders.csv       携程 order export (English-ish columns, its own status words)
  shop_pos.csv           farm shop POS (amounts in 分, weight in kg, yyyymmddHHMMSS)
  reviews.csv            review export (1-5 stars, from mini-program / 美团 / 携程)
  complaints.csv         complaint / service tickets
  marketing_monthly.csv  monthly marketing sheet (抖音, 小红书, 美团推广, 企业渠道) in 元

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
SPRING_FESTIVAL = (datetime(2026, 2, 14), datetime(2026, 2, 24))  # 春节 holiday peak
RAIN_WEEK = (datetime(2026, 7, 13), datetime(2026, 7, 20))  # heavy rain, Mon 13 - Sun 19 July
CQ_OPEN = datetime(2026, 5, 16)  # 重庆璧山 farm opens (Saturday)
CABIN_RISE = datetime(2026, 10, 1)  # cabin price 588 -> 688 per night
DOUYIN_VIDEO = (datetime(2026, 4, 18), datetime(2026, 5, 2))  # influencer video spike

R = random.Random(SEED)

FARMS = ["CD01", "CD02", "CD03", "CQ01"]
FARM_NAME = {"CD01": "蒲江农场", "CD02": "龙泉驿农场", "CD03": "崇州农场", "CQ01": "璧山农场"}
PRODUCTS = ["采摘门票", "农家乐套餐", "小木屋住宿", "亲子营", "企业团建"]
MP_PRODUCT = {
    "采摘门票": "pick_ticket",
    "农家乐套餐": "farm_meal",
    "小木屋住宿": "cabin",
    "亲子营": "kids_camp",
    "企业团建": "team_day",
}
# utm sources as the mini-program writes them
SOURCES = ["douyin", "xhs", "wx_share", "direct", "mt_ad"]
SOURCE_W = [0.26, 0.24, 0.2, 0.2, 0.1]
SRC_BOOKING = {
    "douyin": "抖音",
    "xhs": "小红书",
    "wx_share": "微信分享",
    "direct": "自然进入",
    "mt_ad": "美团推广",
    "hr": "企业渠道",
}
CITIES = ["成都", "重庆", "其他"]


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


HOURS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2, 2.5, 3, 3, 3.5, 3, 2.8, 2.8, 3, 3.2, 3.8]
HOURS += [4.8, 5.5, 5.2, 3.5, 1.2]
FARM_HOURS = [0] * 8 + [2, 5, 6, 5, 3, 4, 5, 4, 3, 1] + [0] * 6


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def fruit(d):
    m = d.month
    if m in (12, 1, 2, 3):
        return "草莓"
    if m in (4, 5):
        return "蔬菜"
    if m in (6, 7, 8):
        return "桃子"
    return "柑橘"


FRUIT_PRICE = {"草莓": 98, "蔬菜": 48, "桃子": 78, "柑橘": 68}
KG_PRICE_FEN = {"草莓": 6000, "蔬菜": 1200, "桃子": 2400, "柑橘": 1600}

mp, members, bookings, payments, gates, mt, ct, pos, reviews, tickets = ([] for _ in range(10))
seq = {"m": 100000, "bk": 0, "mt": 0, "ct": 0, "tk": 0, "pos": 0, "oid": 0, "ota": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.openid = None
        self.member = None
        self.ota = None
        self.city = pick(CITIES, [0.62, 0.28, 0.1])
        self.kind = "个人"
        self.visits = 0


people = []


def ev(p, ts, name, source, farm="", product=""):
    if not within(ts):
        return False
    if p.openid is None:
        p.openid = "oTy" + h(f"openid{nxt('oid')}")[:25]
    source = source or getattr(p, "src", "direct")
    p.src = source
    mp.append((ts, p.openid, p.member or "", name, source, farm, product))
    return True


def bind(p, ts):
    if p.member is None:
        p.member = f"M{nxt('m')}"
        members.append((p, ts))
        ev(p, ts, "bind_phone", "")


def farm_for(p, d):
    open_farms = [f for f in FARMS if f != "CQ01" or d >= CQ_OPEN]
    if "CQ01" in open_farms:
        w = [0.3, 0.25, 0.15, 0.6] if p.city == "重庆" else [0.38, 0.32, 0.24, 0.06]
    else:
        w = [0.4, 0.34, 0.26]
    return pick(open_farms, w)


def crowded(d):
    return (
        inw(d, SPRING_FESTIVAL)
        or inw(d, DOUYIN_VIDEO)
        or inw(d, (datetime(2026, 10, 1), datetime(2026, 10, 8)))
    )


def ticket(p, ts, cat, ref_order, mood=0.0, ch=None):
    if not within(ts):
        return
    ch = ch or pick(["电话", "小程序客服", "美团", "携程"], [0.35, 0.45, 0.1, 0.1])
    fr = {
        "电话": R.uniform(0.02, 0.4),
        "小程序客服": R.uniform(0.1, 6),
        "美团": R.uniform(1, 20),
        "携程": R.uniform(1, 24),
    }[ch]
    if inw(ts, RAIN_WEEK) or inw(ts, SPRING_FESTIVAL):
        fr *= 2.5
    res = fr + R.uniform(2, 72)
    solved = ts + timedelta(hours=res)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.0 - mood, 0.9))))
    complaint = (
        "是" if cat in ("人太多", "水果质量", "雨天取消", "小木屋卫生") or chance(0.3) else "否"
    )
    tickets.append(
        (
            f"TS{nxt('tk'):06d}",
            p.member or "",
            p.ota or "",
            ref_order,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            cat,
            ch,
            complaint,
            sat,
        )
    )


def on_site(p, visit_day, farm, ref, party, platform, src_user_kind):
    """Check-in at the gate and what follows: shop, review, complaints."""
    t = at(visit_day, FARM_HOURS)
    if not within(t):
        return
    gates.append((t, farm, ref, p.member or "", p.ota or "", party))
    p.visits += 1
    fr = fruit(visit_day)
    busy = crowded(visit_day)
    if p.member and chance(0.42):
        kg = round(R.uniform(0.8, 6.0) * (1.3 if fr == "草莓" else 1.0), 2)
        item = fr if chance(0.75) else pick(["腊肉", "土鸡蛋", "蜂蜜", "蔬菜"], [3, 3, 2, 2])
        unit = KG_PRICE_FEN.get(item, {"腊肉": 9000, "土鸡蛋": 3000, "蜂蜜": 12000}.get(item, 1200))
        if item == "蜂蜜":
            kg = round(R.uniform(0.5, 1.5), 2)
        pos.append(
            (
                t + timedelta(hours=R.uniform(1, 4)),
                farm,
                p.member,
                item,
                kg,
                round(kg * unit),
                nxt("pos"),
            )
        )
    bad_fruit = chance(0.03 if fr != "桃子" or visit_day.month != 8 else 0.09)
    if busy and chance(0.05):
        ticket(p, t + timedelta(hours=R.uniform(1, 30)), "人太多", ref, mood=1.2)
    if bad_fruit and chance(0.6):
        ticket(p, t + timedelta(hours=R.uniform(2, 40)), "水果质量", ref, mood=1.0)
    if chance(0.33):
        mean = 4.4 - (0.9 if busy else 0) - (1.6 if bad_fruit else 0)
        stars = max(1, min(5, round(R.gauss(mean, 0.8))))
        rt = t + timedelta(hours=R.uniform(3, 72))
        if within(rt):
            reviews.append((rt, p.member or "", p.ota or "", ref, farm, stars, platform))


def price(cat, d_book, d_visit, party):
    if cat == "采摘门票":
        return FRUIT_PRICE[fruit(d_visit)] * party
    if cat == "农家乐套餐":
        return 88 * party
    if cat == "小木屋住宿":
        nights = R.choice([1, 1, 1, 2])
        return (688 if d_book >= CABIN_RISE else 588) * nights
    if cat == "亲子营":
        return 399 * max(1, party - 1)
    return 168 * party


def mp_booking(p, t, source, farm, cat):
    """Booking system order placed from the mini-program (or by HR for team days)."""
    if not within(t):
        return None
    lead = {
        "采摘门票": (0, 6),
        "农家乐套餐": (0, 5),
        "小木屋住宿": (2, 30),
        "亲子营": (5, 40),
        "企业团建": (10, 45),
    }[cat]
    vd = (t + timedelta(days=R.uniform(*lead))).date()
    visit_day = datetime(vd.year, vd.month, vd.day)
    if farm == "CQ01" and visit_day < CQ_OPEN:
        farm = "CD01"
    party = {
        "采摘门票": R.choice([1, 2, 2, 3, 3, 4, 5]),
        "农家乐套餐": R.choice([2, 3, 4, 4, 6, 8]),
        "小木屋住宿": R.choice([2, 2, 3, 4]),
        "亲子营": R.choice([2, 2, 3]),
        "企业团建": R.randrange(15, 81),
    }[cat]
    amount = price(cat, t, visit_day, party)
    oid = f"TY{t:%y%m%d}{nxt('bk'):05d}"
    status = "已完成"
    deposit = round(amount * 0.3) if cat == "企业团建" else 0
    pay_t = t + timedelta(minutes=R.uniform(1, 12))
    pays = [(pay_t, "订金" if deposit else "全款", deposit or amount, "")]
    rain = inw(visit_day, RAIN_WEEK)
    cancel = (rain and chance(0.72)) or (not rain and chance(0.035))
    if cancel:
        ct_ = min(visit_day - timedelta(hours=R.uniform(2, 30)), END - timedelta(minutes=5))
        ct_ = max(ct_, pay_t + timedelta(minutes=30))
        status = "已取消"
        reason = "雨天取消" if rain else pick(["行程变更", "天气", "其他"], [6, 2, 2])
        if within(ct_):
            pays.append(
                (ct_ + timedelta(hours=R.uniform(0.5, 30)), "退款", deposit or amount, reason)
            )
            if rain and chance(0.35):
                ticket(p, ct_ + timedelta(hours=R.uniform(0.5, 20)), "雨天取消", oid, mood=1.3)
            elif chance(0.1):
                ticket(p, ct_ + timedelta(hours=R.uniform(1, 48)), "退款问题", oid, mood=0.5)
    elif visit_day >= END:
        status = "待使用"
    elif chance(0.04):
        status = "未到店"
    bookings.append(
        (
            oid,
            p.member,
            t,
            farm,
            cat,
            party,
            amount,
            deposit,
            status,
            SRC_BOOKING[source],
            visit_day,
            getattr(p, "company", ""),
        )
    )
    for pt, kind, amt, reason in pays:
        if within(pt):
            payments.append(
                (f"P{h(oid + kind)[:10].upper()}", oid, p.member, pt, kind, amt, reason)
            )
    if status == "已完成":
        if deposit:
            bt = visit_day + timedelta(hours=R.uniform(9, 11))
            if within(bt):
                payments.append(
                    (
                        f"P{h(oid + 'bal')[:10].upper()}",
                        oid,
                        p.member,
                        bt,
                        "尾款",
                        amount - deposit,
                        "",
                    )
                )
        on_site(p, visit_day, farm, oid, party, "小程序", "member")
        if cat == "小木屋住宿" and chance(0.05):
            ticket(p, visit_day + timedelta(hours=R.uniform(14, 30)), "小木屋卫生", oid, mood=1.0)
    return oid


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = {
        12: 1.2,
        1: 1.25,
        2: 1.4,
        3: 1.3,
        4: 1.0,
        5: 1.05,
        6: 1.0,
        7: 1.25,
        8: 1.2,
        9: 0.7,
        10: 1.05,
        11: 0.8,
    }[d.month]
    if d.weekday() >= 5:
        w *= 1.5
    if inw(dt, SPRING_FESTIVAL):
        w *= 2.8
    if inw(dt, (datetime(2026, 10, 1), datetime(2026, 10, 8))):
        w *= 1.8
    if inw(dt, RAIN_WEEK):
        w *= 0.5
    return w


def visitor(d, source=None, first_time=False):
    p = Person()
    people.append(p)
    source = source or pick(SOURCES, SOURCE_W)
    dt = datetime(d.year, d.month, d.day)
    t = at(d)
    farm = farm_for(p, dt)
    month = d.month
    cw = [0.58, 0.18, 0.14, 0.1]
    if month in (7, 8):
        cw = [0.4, 0.16, 0.16, 0.28]
    cat = pick(PRODUCTS[:4], cw)
    p_book = {"douyin": 0.22, "xhs": 0.3, "wx_share": 0.36, "direct": 0.4, "mt_ad": 0.25}[source]
    if first_time:
        p_book = 0.12
    if inw(dt, RAIN_WEEK):
        p_book *= 0.5
    if chance(0.12):
        bind(p, t - timedelta(days=R.uniform(30, 300)) if chance(0.5) else t)
    for s in range(R.choice([1, 1, 2, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.3, 8))
            if chance(0.5):
                source = pick(["direct", "wx_share"], [3, 1])
        if not ev(p, t, "mp_open", source):
            return p
        ev(p, t + timedelta(seconds=R.uniform(10, 60)), "view_farm", source, farm)
        ev(
            p,
            t + timedelta(seconds=R.uniform(60, 180)),
            "view_product",
            source,
            farm,
            MP_PRODUCT[cat],
        )
        if not chance(0.45):
            continue
        ev(p, t + timedelta(minutes=R.uniform(3, 6)), "select_date", source, farm, MP_PRODUCT[cat])
        if chance(0.1):
            ev(p, t + timedelta(minutes=R.uniform(6, 8)), "share", source, farm, MP_PRODUCT[cat])
        if not chance(min(0.95, p_book / 0.45 * 1.3)):
            continue
        tb = t + timedelta(minutes=R.uniform(6, 12))
        bind(p, tb)
        ev(p, tb + timedelta(minutes=1), "submit_order", source, farm, MP_PRODUCT[cat])
        if not chance(0.9):
            continue
        if mp_booking(p, tb + timedelta(minutes=R.uniform(1.1, 3)), source, farm, cat) is None:
            return p
        # happy visitors come back for another season
        if chance(0.22 if not first_time else 0.08):
            t2 = t + timedelta(days=R.uniform(20, 150))
            src2 = pick(["direct", "wx_share", "xhs"], [5, 2, 1])
            if ev(p, t2, "mp_open", src2):
                f2 = farm_for(p, t2)
                c2 = pick(PRODUCTS[:4], [0.5, 0.2, 0.2, 0.1])
                ev(p, t2 + timedelta(seconds=40), "view_product", src2, f2, MP_PRODUCT[c2])
                ev(p, t2 + timedelta(minutes=4), "submit_order", src2, f2, MP_PRODUCT[c2])
                mp_booking(p, t2 + timedelta(minutes=R.uniform(5, 8)), src2, f2, c2)
        return p
    return p


def ota(d, site):
    p = Person()
    people.append(p)
    p.ota = ("MT" if site == "美团" else "CT") + h(f"ota{nxt('ota')}")[:9].upper()
    t = at(d)
    dt = datetime(d.year, d.month, d.day)
    if not within(t):
        return p
    cat = pick(
        ["采摘门票", "农家乐套餐", "小木屋住宿"],
        [0.6, 0.25, 0.15] if site == "美团" else [0.35, 0.15, 0.5],
    )
    farm = farm_for(p, dt)
    vd = (t + timedelta(days=R.uniform(0, 10 if cat == "小木屋住宿" else 4))).date()
    visit_day = datetime(vd.year, vd.month, vd.day)
    party = R.choice([1, 2, 2, 3, 4])
    amount = price(cat, t, visit_day, party)
    amount = round(amount * (0.9 if site == "美团" else 0.95), 2)
    rain = inw(visit_day, RAIN_WEEK)
    cancel = (rain and chance(0.7)) or (not rain and chance(0.04))
    if site == "美团":
        oid = f"{nxt('mt') + 3300000000:d}"
        status = "已退款" if cancel else ("待消费" if visit_day >= END else "已消费")
        mt.append(
            (oid, p.ota, t, FARM_NAME[farm], f"{FARM_NAME[farm]}{cat}", party, amount, status)
        )
    else:
        oid = f"CT{nxt('ct') + 18000000:d}"
        status = "Cancelled" if cancel else ("Confirmed" if visit_day >= END else "Used")
        ct.append((oid, p.ota, t, farm, cat, party, amount, status, visit_day))
    if cancel:
        if rain and chance(0.3):
            ticket(
                p, visit_day - timedelta(hours=R.uniform(2, 20)), "雨天取消", oid, mood=1.4, ch=site
            )
        return p
    if visit_day < END:
        on_site(p, visit_day, farm, oid, party, site, "ota")
    return p


def corporate(d):
    p = Person()
    people.append(p)
    p.kind = "企业"
    p.company = pick(
        [
            "腾讯成都",
            "华为成都研究所",
            "长安汽车",
            "中铁二局",
            "四川银行",
            "京东方",
            "新希望集团",
            "其他企业",
        ],
        [1, 1, 1, 1, 1, 1, 1, 3],
    )
    t = at(d, FARM_HOURS)
    if chance(0.5):
        ev(p, t - timedelta(minutes=20), "mp_open", "hr")
        ev(p, t - timedelta(minutes=18), "view_product", "hr", "", "team_day")
    bind(p, t - timedelta(minutes=10))
    farm = farm_for(p, datetime(d.year, d.month, d.day))
    mp_booking(p, t, "hr", farm, "企业团建")
    return p


def member_repeat():
    """Members who joined before the period and book again."""
    p = Person()
    people.append(p)
    p.member = f"M{nxt('m')}"
    members.append((p, START - timedelta(days=R.uniform(20, 900))))
    for _ in range(R.choice([0, 1, 1, 1, 2, 2, 3])):
        d = START.date() + timedelta(days=R.randrange(N_DAYS))
        t = at(d)
        dt = datetime(d.year, d.month, d.day)
        farm = farm_for(p, dt)
        cat = pick(PRODUCTS[:4], [0.5, 0.2, 0.2, 0.1])
        src = pick(["direct", "wx_share", "xhs"], [5, 2, 1])
        if ev(p, t, "mp_open", src):
            ev(p, t + timedelta(seconds=30), "view_product", src, farm, MP_PRODUCT[cat])
            if chance(0.7):
                ev(p, t + timedelta(minutes=3), "submit_order", src, farm, MP_PRODUCT[cat])
                mp_booking(p, t + timedelta(minutes=R.uniform(4, 6)), src, farm, cat)
    return p


def simulate():
    for _ in range(650):
        member_repeat()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = day_weight(d)
        for _ in range(poisson(17 * w)):
            visitor(d)
        if inw(dt, DOUYIN_VIDEO):
            for _ in range(poisson(55 if dt < datetime(2026, 4, 25) else 25)):
                visitor(d, "douyin", first_time=True)
        for _ in range(poisson(1.6 * w)):
            ota(d, "美团")
        for _ in range(poisson(0.9 * w)):
            ota(d, "携程")
        if d.weekday() < 5 and d.month not in (1, 2) and chance(0.45):
            corporate(d)


def write(folder: Path):
    def utc(ts):  # naive Shanghai local -> UTC ISO with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def ms(ts):
        return int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000)

    def bk(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "mp_events.jsonl", "w") as f:
        for ts, oid, mem, name, src, farm, prod in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {"ts": ms(ts), "openid": oid, "event": name}
            if mem:
                obj["memberNo"] = mem
            if src:
                obj["utm_source"] = src
            if farm:
                obj["farm"] = farm
            if prod:
                obj["product"] = prod
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["会员号", "openid", "注册时间", "城市", "会员类型"])
        for p, ts in sorted(members, key=lambda r: r[0].member):
            w.writerow([p.member, p.openid or "", bk(ts), p.city, p.kind])
    with open(folder / "bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "会员号",
                "下单时间",
                "农场",
                "产品类型",
                "人数",
                "订单金额(元)",
                "订金(元)",
                "订单状态",
                "来源渠道",
                "游玩日期",
                "企业名称",
            ]
        )
        for r in sorted(bookings, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    bk(r[2]),
                    FARM_NAME[r[3]],
                    r[4],
                    r[5],
                    f"{r[6]:.2f}",
                    f"{r[7]:.2f}",
                    r[8],
                    r[9],
                    f"{r[10]:%Y/%m/%d}",
                    r[11],
                ]
            )
    with open(folder / "payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["流水号", "订单号", "会员号", "支付时间", "支付类型", "金额(元)", "退款原因"])
        for r in sorted(payments, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], bk(r[3]), r[4], f"{r[5]:.2f}", r[6]])
    with open(folder / "gate_scans.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "scanned_at",
                "farm_code",
                "gate_id",
                "ticket_ref",
                "member_no",
                "ota_user_id",
                "party_size",
            ]
        )
        for r in sorted(gates, key=lambda r: (r[0], r[2])):
            w.writerow([utc(r[0]), r[1], f"{r[1]}-G{R.choice([1, 2])}", r[2], r[3], r[4], r[5]])
    with open(folder / "meituan_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "美团用户ID",
                "下单时间",
                "门店名称",
                "商品名称",
                "数量",
                "实付金额",
                "订单状态",
            ]
        )
        for r in sorted(mt, key=lambda r: (r[2], r[0])):
            w.writerow(
                [r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4], r[5], f"{r[6]:.2f}", r[7]]
            )
    with open(folder / "ctrip_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "OrderID",
                "UID",
                "BookingDate",
                "Resort",
                "Product",
                "Qty",
                "AmountCNY",
                "Status",
                "UseDate",
            ]
        )
        for r in sorted(ct, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%Y-%m-%d %H:%M}",
                    r[3],
                    r[4],
                    r[5],
                    f"{r[6]:.2f}",
                    r[7],
                    f"{r[8]:%Y-%m-%d}",
                ]
            )
    with open(folder / "shop_pos.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["txn_no", "txn_time", "store", "member_code", "item", "weight_kg", "amount_fen"]
        )
        for r in sorted(pos, key=lambda r: (r[0], r[6])):
            if within(r[0]):
                w.writerow(
                    [
                        f"POS{r[6]:07d}",
                        f"{r[0]:%Y%m%d%H%M%S}",
                        r[1],
                        r[2],
                        r[3],
                        f"{r[4]:.2f}",
                        r[5],
                    ]
                )
    with open(folder / "reviews.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["评价时间", "会员号", "平台用户ID", "订单号", "农场", "星级", "评价平台", "评价内容"]
        )
        good = ["草莓很甜", "孩子玩得很开心", "环境很好", "农家菜好吃", "下次还来", "小木屋干净"]
        bad = ["人太多了排队很久", "果子不新鲜", "停车难", "性价比一般"]
        for r in sorted(reviews, key=lambda r: (r[0], r[3])):
            txt = R.choice(good) if r[5] >= 4 else R.choice(bad) if chance(0.7) else ""
            w.writerow(
                [f"{r[0]:%Y-%m-%d %H:%M}", r[1], r[2], r[3], FARM_NAME[r[4]], r[5], r[6], txt]
            )
    with open(folder / "complaints.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "会员号",
                "平台用户ID",
                "关联订单",
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
                [r[0], r[1], r[2], r[3], bk(r[4]), bk(r[5]), bk(r[6]), r[7], r[8], r[9], r[10]]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        base = {"抖音": 32000, "小红书": 21000, "美团推广": 15000, "企业渠道": 8000}
        m = date(2025, 12, 1)
        while m < END.date():
            for ch_, amt in base.items():
                f_ = R.uniform(0.85, 1.15)
                if ch_ == "抖音" and m.month == 4:
                    f_ = 4.2  # influencer fee
                if m.month == 2 and ch_ in ("抖音", "小红书"):
                    f_ *= 1.5
                if m == date(2026, 12, 1):
                    f_ *= 0.2  # month in progress
                w.writerow([f"{m:%Y-%m}", ch_, f"{amt * f_:.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="farmstay-src-") as tmp:
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
