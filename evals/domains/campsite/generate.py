"""Campsite evaluation domain: 野趣营地 (YeQu Camping), glamping around Beijing and Hangzhou.

    python generate.py OUT.duckdb

Writes YeQu's own exports (seeded: the same files every run) to a temporary folder —

  pms_流水.csv        PMS folio log (Chinese headers, 'YYYY年MM月DD日 HH:mm' local, 元): 官网预订,
                      收定金, 入住收尾款, 加购, 退房, 取消订单 — by 手机号(加密)
  ctrip_orders.csv    携程 order export (English headers, 'YYYY/MM/DD HH:MM' local, commission)
  meituan_orders.csv  美团 order export (Chinese headers, 'YYYY-MM-DD HH:MM:SS' local, 佣金)
  mp_events.jsonl     mini-program event log (UTC ISO 'Z'; openid always, phone hash after login)
  members.csv         PMS member list (phone hash, city, tier)
  reviews.csv         review export (携程 / 美团 / 小红书 / 小程序 ratings 1-5)
  refunds.csv         finance refund sheet ('YYYY年MM月DD日 HH:mm')
  complaints.csv      客诉登记表 (service tickets)
  weekly_spend.csv    weekly marketing spend (小红书达人, 携程推广, 抖音) in 元

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
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
MAYDAY = (date(2026, 5, 1), date(2026, 5, 6))  # 五一 stays (nights of May 1-5)
NATIONAL = (date(2026, 10, 1), date(2026, 10, 8))  # 十一 stays
RAIN = (date(2026, 7, 20), date(2026, 7, 28))  # rainy week in 怀柔 (stays 20-27 July)
XHS_START = date(2026, 6, 1)  # 小红书 influencer posts
ANJI_OPEN = date(2026, 8, 1)  # 安吉 site opens
SLUMP = date(2026, 11, 15)  # winter slump (except cabins)
MEITUAN_RATE_CHANGE = date(2026, 9, 1)  # 美团 commission 8% -> 12%

R = random.Random(SEED)

# code, name, district, city
SITES = [
    ("HR01", "怀柔雁栖湖营地", "怀柔", "北京"),
    ("HR02", "怀柔喇叭沟门营地", "怀柔", "北京"),
    ("YQ01", "延庆野鸭湖营地", "延庆", "北京"),
    ("YQ02", "延庆龙庆峡营地", "延庆", "北京"),
    ("MY01", "密云清水河营地", "密云", "北京"),
    ("MY02", "密云古北口营地", "密云", "北京"),
    ("LA01", "临安天目山营地", "临安", "杭州"),
    ("LA02", "临安青山湖营地", "临安", "杭州"),
    ("AJ01", "安吉竹海营地", "安吉", "杭州"),
]
SITE_W = [1.1, 0.8, 1.0, 0.9, 1.0, 0.9, 1.0, 0.8, 1.4]
SITE_NAME = {s[0]: s[1] for s in SITES}
SITE_CITY = {s[0]: s[3] for s in SITES}
TENTS = ["帐篷位", "天幕", "木屋", "豪华帐篷"]
TENT_W = [0.34, 0.24, 0.16, 0.26]
CAPACITY = {"帐篷位": 14, "天幕": 7, "木屋": 3, "豪华帐篷": 5}
PRICE = {"帐篷位": 280, "天幕": 420, "木屋": 980, "豪华帐篷": 1380}
CTRIP_ROOM = {
    "帐篷位": "Tent Pitch",
    "天幕": "Canopy Deck",
    "木屋": "Wooden Cabin",
    "豪华帐篷": "Luxury Glamping Tent",
}
MEITUAN_ITEM = {
    "帐篷位": "自搭帐篷营位",
    "天幕": "天幕露营套餐",
    "木屋": "森林木屋",
    "豪华帐篷": "豪华帐篷(含早)",
}
ADDONS = [("BBQ烧烤套餐", 188), ("篝火晚会", 120), ("星空夜游(无烟花)", 98)]
# where the guest heard of us -> how they book
LEAD_BEFORE = {
    "小红书": 0.13,
    "携程": 0.38,
    "美团": 0.2,
    "抖音": 0.1,
    "微信搜一搜": 0.08,
    "朋友推荐": 0.11,
}
LEAD_AFTER = {
    "小红书": 0.4,
    "携程": 0.24,
    "美团": 0.12,
    "抖音": 0.08,
    "微信搜一搜": 0.06,
    "朋友推荐": 0.1,
}
MP_UTM = {
    "小红书": "xhs",
    "抖音": "douyin",
    "微信搜一搜": "wx_search",
    "朋友推荐": "share",
    "直接": "direct",
}

pms, ctrip, meituan, mp, members, reviews, refunds, complaints = ([] for _ in range(8))
booked = defaultdict(int)  # (site, tent, night) -> units
seq = {
    "order": 0,
    "ctrip": 0,
    "mt": 0,
    "refund": 0,
    "ticket": 0,
    "review": 0,
    "folio": 0,
    "person": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


def chance(p):
    return R.random() < p


def pick(d):
    return R.choices(list(d), weights=list(d.values()))[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def within(ts):
    return START <= ts < END


HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.4,
    1,
    1.6,
    2,
    2.2,
    2.4,
    3,
    2.6,
    2.3,
    2.2,
    2.3,
    2.5,
    2.8,
    3.5,
    4.5,
    5,
    4,
    1.5,
]


def at(d, hours=HOURS):
    return datetime(
        d.year,
        d.month,
        d.day,
        R.choices(range(24), weights=hours)[0],
        R.randrange(60),
        R.randrange(60),
    )


class Person:
    def __init__(self):
        self.n = nxt("person")
        self.phone = "ph_" + h(f"phone{self.n}")[:16]
        self.openid = None
        self.logged_in = False
        self.member = False
        self.city = R.choices(
            ["北京", "杭州", "上海", "天津", "苏州", "其他"], [0.46, 0.22, 0.14, 0.07, 0.05, 0.06]
        )[0]


def mp_event(p, ts, ev, utm, **extra):
    if not within(ts):
        return
    if p.openid is None:
        p.openid = "oYQ" + h(f"openid{p.n}")[:24]
    mp.append((ts, p.openid, p.phone if p.logged_in else "", ev, utm, extra))


def join_member(p, ts, lead):
    if not p.member and within(ts):
        p.member = True
        tier = R.choices(["普通会员", "银卡", "金卡"], [0.8, 0.15, 0.05])[0]
        members.append((p.phone, ts, p.city, tier, lead))


def folio(p, ts, kind, order, site, tent, amount="", source="", extra=""):
    """One PMS folio line; `extra`: add-on item, cancel reason or (官网预订) lead source."""
    if within(ts):
        pms.append(
            (f"F{nxt('folio'):07d}", order, p.phone, ts, kind, site, tent, amount, source, extra)
        )


def demand(night: date, tent: str, site: str) -> float:
    m = night.month
    w = {
        1: 0.3,
        2: 0.4,
        3: 0.55,
        4: 0.95,
        5: 1.25,
        6: 1.1,
        7: 1.3,
        8: 1.3,
        9: 1.05,
        10: 1.55,
        11: 0.85,
        12: 0.3,
    }[m]
    winter = m in (12, 1, 2) or night >= SLUMP
    if tent == "木屋":
        w = max(w, 0.95) if winter else w
    elif night >= SLUMP:
        w = 0.22
    if night.weekday() in (4, 5):
        w *= 2.1
    if MAYDAY[0] <= night < MAYDAY[1]:
        w *= 4.5
    if NATIONAL[0] <= night < NATIONAL[1]:
        w *= 3.2
    if m == 10 and 14 <= night.day <= 31:
        w *= 1.3  # autumn leaves
    if night >= XHS_START:
        w *= 1.2
    if site == "AJ01" and night < ANJI_OPEN:
        return 0.0
    if site in ("HR01", "HR02") and RAIN[0] <= night < RAIN[1]:
        w *= 1.6  # summer-holiday family bookings, made before the forecast turned
    return w


def price_of(site, tent, night):
    p = PRICE[tent] * (1.2 if night.weekday() in (4, 5) else 1.0)
    if MAYDAY[0] <= night < MAYDAY[1] or NATIONAL[0] <= night < NATIONAL[1]:
        p *= 1.5
    if site == "AJ01":
        p *= 1.1
    return p


def browse(p, ts, utm, site, tent, login):
    mp_event(p, ts, "launch", utm)
    t = ts + timedelta(seconds=R.uniform(10, 60))
    mp_event(p, t, "view_camp", utm, camp=site)
    t += timedelta(seconds=R.uniform(20, 180))
    mp_event(p, t, "view_tent", utm, camp=site, tent=tent)
    if login:
        t += timedelta(seconds=R.uniform(20, 120))
        p.logged_in = True
        mp_event(p, t, "auth_phone", utm, camp=site)
    return t


def stay(p, order, site, tent, night, nights, total, chan, lead, bts):
    """Deposit, cancellation / check-in, add-ons, check-out, review, complaint, refund."""
    deposit = round(total * 0.3, 0)
    folio(
        p,
        bts + timedelta(minutes=R.uniform(1, 12)),
        "收定金",
        order,
        site,
        tent,
        f"{deposit:.2f}",
        chan,
    )
    ci = datetime(
        night.year, night.month, night.day, R.choice([14, 15, 15, 16, 17, 18]), R.randrange(60)
    )
    rain = site in ("HR01", "HR02") and RAIN[0] <= night < RAIN[1]
    p_cancel = 0.72 if rain else (0.05 if MAYDAY[0] <= night < MAYDAY[1] else 0.09)
    if chance(p_cancel):
        if rain:
            cts = max(
                bts + timedelta(hours=1),
                datetime(2026, 7, 18, 9) + timedelta(hours=R.uniform(0, 24 * 6)),
            )
            cts = min(cts, ci - timedelta(hours=2))
            reason = "暴雨取消"
            ratio = 1.0
        else:
            cts = bts + (ci - bts) * R.uniform(0.2, 0.95)
            reason = "行程变更"
            ratio = 1.0 if (ci - cts).days >= 3 else 0.5
        if cts <= bts:
            cts = bts + timedelta(minutes=30)
        folio(p, cts, "取消订单", order, site, tent, "", chan, reason)
        rts = cts + timedelta(hours=R.uniform(2, 96) if not rain else R.uniform(24, 24 * 6))
        if within(cts):
            refunds.append(
                (
                    p.phone,
                    order,
                    cts,
                    rts if rts < END else None,
                    round(deposit * ratio, 2),
                    reason,
                    chan,
                    site,
                )
            )
        if rain and chance(0.25):
            complaint(p, cts + timedelta(hours=R.uniform(1, 48)), site, "雨天退款", chan, slow=True)
        return
    if ci >= END:
        return
    balance = total - deposit
    folio(p, ci, "入住收尾款", order, site, tent, f"{balance:.2f}", chan)
    for name, amt in ADDONS:
        pa = {"BBQ烧烤套餐": 0.32, "篝火晚会": 0.22, "星空夜游(无烟花)": 0.12}[name]
        if tent in ("木屋", "豪华帐篷"):
            pa += 0.08
        if night.month in (12, 1, 2) or night >= SLUMP:
            pa *= 0.5 if name != "篝火晚会" else 1.4
        if chance(pa):
            folio(
                p,
                ci + timedelta(minutes=R.uniform(30, 240)),
                "加购",
                order,
                site,
                tent,
                f"{amt:.2f}",
                chan,
                name,
            )
    co = datetime(
        night.year, night.month, night.day, R.choice([10, 11, 11, 12]), R.randrange(60)
    ) + timedelta(days=nights)
    folio(p, co, "退房", order, site, tent, "", chan)
    mood = 0.0
    if rain:
        mood = 1.6
    if chance(0.045 + (0.25 if rain else 0)):
        kind = (
            "雨天退款"
            if rain and chance(0.6)
            else R.choices(["噪音", "卫生间不干净", "设施故障", "其他"], [0.4, 0.3, 0.2, 0.1])[0]
        )
        if kind == "雨天退款":
            rts = co + timedelta(days=R.uniform(1, 5))
            if rts < END:
                refunds.append(
                    (
                        p.phone,
                        order,
                        co + timedelta(hours=4),
                        rts,
                        round(total * 0.3, 2),
                        "雨天补偿",
                        chan,
                        site,
                    )
                )
        complaint(p, co - timedelta(hours=R.uniform(2, 14)), site, kind, chan)
        mood += 1.5
    if chance(0.38):
        t = co + timedelta(hours=R.uniform(2, 72))
        if t < END:
            plat = {"携程": "携程", "美团": "美团"}.get(
                chan, R.choices(["小程序", "小红书"], [0.6, 0.4])[0]
            )
            stars = max(1, min(5, round(R.gauss(4.45 - mood, 0.75))))
            text = R.choice(
                [
                    "环境很好，孩子玩得很开心",
                    "星空超美",
                    "营地管家很热情",
                    "BBQ很好吃",
                    "性价比一般",
                    "床有点硬",
                ]
                if stars >= 4
                else ["晚上太吵了", "卫生间不干净", "下雨漏水", "退款太慢", "价格偏贵"]
            )
            reviews.append((f"RV{nxt('review'):06d}", plat, order, p.phone, t, stars, text, site))


def complaint(p, ts, site, kind, chan, slow=False):
    if not within(ts):
        return
    via = {"携程": "携程客服", "美团": "美团客服"}.get(
        chan, R.choices(["电话", "小程序客服"], [0.5, 0.5])[0]
    )
    fr = {
        "电话": R.uniform(2, 30),
        "小程序客服": R.uniform(5, 180),
        "携程客服": R.uniform(60, 600),
        "美团客服": R.uniform(60, 900),
    }[via]
    res = fr / 60 + R.uniform(2, 48) * (3 if slow else 1)
    solved = ts + timedelta(hours=res)
    csat = max(1, min(5, round(R.gauss(3.6 if not slow else 2.4, 1.0)))) if chance(0.5) else ""
    complaints.append(
        (
            f"KS{nxt('ticket'):05d}",
            p.phone,
            site,
            kind,
            via,
            ts,
            ts + timedelta(minutes=fr),
            solved if solved < END else None,
            csat,
            "是" if kind != "其他" else "否",
        )
    )


def book(p, bts, site, tent, night, nights, lead, chan):
    for k in range(nights):
        if booked[(site, tent, night + timedelta(days=k))] >= CAPACITY[tent]:
            return False
    for k in range(nights):
        booked[(site, tent, night + timedelta(days=k))] += 1
    total = round(sum(price_of(site, tent, night + timedelta(days=k)) for k in range(nights)), 0)
    order = f"YQ{bts:%y%m%d}{nxt('order'):05d}"
    if chan == "携程":
        ref = f"{1000000000 + nxt('ctrip') * 7919}"
        ctrip.append(
            (ref, order, p.phone, bts, site, tent, night, nights, total, round(total * 0.15, 2))
        )
    elif chan == "美团":
        rate = 0.12 if bts.date() >= MEITUAN_RATE_CHANGE else 0.08
        ref = f"MT{2600000000 + nxt('mt') * 37}"
        meituan.append(
            (ref, order, p.phone, bts, site, tent, night, nights, total, round(total * rate, 2))
        )
    elif chan == "小程序":
        mp_event(
            p,
            bts,
            "submit_order",
            MP_UTM.get(lead, "direct"),
            camp=site,
            tent=tent,
            order_no=order,
            amount=total,
            checkin=f"{night:%Y-%m-%d}",
            nights=nights,
            lead_source=lead,
        )
        join_member(p, bts, lead)
    else:  # 官网
        folio(p, bts, "官网预订", order, site, tent, f"{total:.2f}", "官网", lead)
        join_member(p, bts, lead)
    if within(bts):
        stay(p, order, site, tent, night, nights, total, chan, lead, bts)
    return True


def booking_attempt(night, site, tent, p=None):
    lead_days = R.expovariate(
        1
        / (9 if not (MAYDAY[0] <= night < MAYDAY[1] or NATIONAL[0] <= night < NATIONAL[1]) else 24)
    )
    d = night - timedelta(days=int(lead_days))
    if site == "AJ01" and d < ANJI_OPEN - timedelta(days=14):
        d = ANJI_OPEN - timedelta(days=R.randrange(0, 14))
    bts = at(d)
    if bts >= datetime(night.year, night.month, night.day, 18):
        bts = datetime(night.year, night.month, night.day, R.randrange(8, 13), R.randrange(60))
    if not within(bts):
        return
    new = p is None
    p = p or Person()
    if new:
        people.append(p)
    lead = pick(LEAD_AFTER if bts.date() >= XHS_START else LEAD_BEFORE)
    if not new and chance(0.5):
        lead = "直接"
    chan = {
        "携程": "携程",
        "美团": "美团",
        "小红书": R.choices(["小程序", "官网"], [0.78, 0.22])[0],
        "抖音": R.choices(["小程序", "官网"], [0.7, 0.3])[0],
        "微信搜一搜": "小程序",
        "朋友推荐": R.choices(["小程序", "官网"], [0.6, 0.4])[0],
        "直接": R.choices(["小程序", "官网"], [0.75, 0.25])[0],
    }[lead]
    nights = R.choices([1, 2, 3], [0.62, 0.3, 0.08])[0]
    if chan == "小程序":
        # browsing before the order: a few minutes to a few days earlier
        t0 = (
            bts - timedelta(minutes=R.uniform(4, 40))
            if chance(0.6)
            else bts - timedelta(days=R.uniform(0.5, 6))
        )
        if lead in ("小红书", "抖音") and chance(0.45):
            # saw a post earlier, looked, came back later
            browse(p, t0 - timedelta(days=R.uniform(1, 10)), MP_UTM[lead], site, tent, login=False)
        browse(p, t0, MP_UTM.get(lead, "direct"), site, tent, login=True)
    ok = book(p, bts, site, tent, night, nights, lead, chan)
    if not ok:
        if chan == "小程序":
            mp_event(p, bts, "soldout_tip", MP_UTM.get(lead, "direct"), camp=site, tent=tent)
        if chance(0.35):  # try the next free weekend-ish day / other type
            alt = night + timedelta(days=R.choice([7, 14, -7]))
            t2 = R.choices(TENTS, TENT_W)[0]
            if alt > bts.date():
                book(
                    p, bts + timedelta(minutes=R.uniform(3, 20)), site, t2, alt, nights, lead, chan
                )
    elif chance(0.12):
        p.repeat = True


people: list[Person] = []


def browser(d):
    """Mini-program visitors who do not book (or not yet)."""
    p = Person()
    people.append(p)
    lead = pick(
        {
            "小红书": 0.4 if d >= XHS_START else 0.18,
            "抖音": 0.2,
            "微信搜一搜": 0.2,
            "朋友推荐": 0.15,
            "直接": 0.15,
        }
    )
    site = R.choices([s[0] for s in SITES], SITE_W)[0]
    if site == "AJ01" and d < ANJI_OPEN:
        site = "LA01"
    t = at(d)
    mp_event(p, t, "launch", MP_UTM[lead])
    if chance(0.8):
        t += timedelta(seconds=R.uniform(10, 90))
        mp_event(p, t, "view_camp", MP_UTM[lead], camp=site)
        if chance(0.55):
            t += timedelta(seconds=R.uniform(20, 200))
            mp_event(p, t, "view_tent", MP_UTM[lead], camp=site, tent=R.choices(TENTS, TENT_W)[0])
            if chance(0.25):
                p.logged_in = True
                mp_event(
                    p,
                    t + timedelta(seconds=R.uniform(10, 90)),
                    "auth_phone",
                    MP_UTM[lead],
                    camp=site,
                )
                join_member(p, t + timedelta(seconds=100), lead)


def simulate():
    night = START.date() - timedelta(days=5)
    last = END.date() + timedelta(days=40)
    while night < last:
        for site, w_site in zip([s[0] for s in SITES], SITE_W, strict=True):
            for tent, w_tent in zip(TENTS, TENT_W, strict=True):
                lam = 1.8 * w_site * w_tent * demand(night, tent, site)
                for _ in range(poisson(lam)):
                    booking_attempt(night, site, tent)
        night += timedelta(days=1)
    # repeat guests
    for p in [p for p in people if getattr(p, "repeat", False)]:
        n = START.date() + timedelta(days=R.randrange((END - START).days + 20))
        site = R.choices([s[0] for s in SITES], SITE_W)[0]
        if demand(n, "木屋", site) > 0:
            booking_attempt(n, site, R.choices(TENTS, TENT_W)[0], p)
    d = START.date()
    while d < END.date():
        lam = (
            4.5
            * (1.0 if d.month not in (12, 1, 2) else 0.5)
            * (2.2 if d >= XHS_START and d < date(2026, 9, 1) else 1.3 if d >= XHS_START else 1)
        )
        for _ in range(poisson(lam)):
            browser(d)
        d += timedelta(days=1)
    # OTA guests who open the mini-program after booking (directions, e-ticket) and log in
    for p in people:
        if p.openid is None and not p.member and chance(0.12):
            t = at(START.date() + timedelta(days=R.randrange((END - START).days)))
            p.logged_in = True
            mp_event(p, t, "launch", "direct")
            mp_event(p, t + timedelta(seconds=30), "auth_phone", "direct")


def cn(ts):
    return f"{ts:%Y年%m月%d日 %H:%M}"


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}.{R.randrange(1000):03d}Z"

    with open(folder / "pms_流水.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "流水号",
                "订单号",
                "手机号(加密)",
                "发生时间",
                "业务类型",
                "营地编码",
                "营地名称",
                "房型",
                "订单金额(元)",
                "收款金额(元)",
                "订单来源",
                "加购项目",
                "取消原因",
                "获客来源",
            ]
        )
        for r in sorted(pms, key=lambda r: (r[3], r[0])):
            kind = r[4]
            order_amt = r[7] if kind == "官网预订" else ""
            paid = r[7] if kind in ("收定金", "入住收尾款", "加购") else ""
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    cn(r[3]),
                    kind,
                    r[5],
                    SITE_NAME[r[5]],
                    r[6],
                    order_amt,
                    paid,
                    r[8],
                    r[9] if kind == "加购" else "",
                    r[9] if kind == "取消订单" else "",
                    r[9] if kind == "官网预订" else "",
                ]
            )
    with open(folder / "ctrip_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "OrderID",
                "PMSOrderNo",
                "ContactPhoneHash",
                "BookingTime",
                "HotelName",
                "RoomType",
                "CheckIn",
                "Nights",
                "TotalPriceCNY",
                "CommissionCNY",
                "OrderStatus",
            ]
        )
        for r in sorted(ctrip, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        r[2],
                        f"{r[3]:%Y/%m/%d %H:%M}",
                        SITE_NAME[r[4]],
                        CTRIP_ROOM[r[5]],
                        f"{r[6]:%Y-%m-%d}",
                        r[7],
                        f"{r[8]:.2f}",
                        f"{r[9]:.2f}",
                        "Confirmed",
                    ]
                )
    with open(folder / "meituan_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "美团订单号",
                "商家订单号",
                "用户手机(加密)",
                "下单时间",
                "门店",
                "商品名称",
                "入住日期",
                "间夜数",
                "订单金额",
                "佣金",
                "订单状态",
            ]
        )
        for r in sorted(meituan, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow(
                    [
                        r[0],
                        r[1],
                        r[2],
                        f"{r[3]:%Y-%m-%d %H:%M:%S}",
                        f"野趣营地({SITE_NAME[r[4]]})",
                        MEITUAN_ITEM[r[5]],
                        f"{r[6]:%Y-%m-%d}",
                        r[7],
                        f"{r[8]:.2f}",
                        f"{r[9]:.2f}",
                        "已支付",
                    ]
                )
    with open(folder / "mp_events.jsonl", "w", encoding="utf-8") as f:
        for ts, openid, phone, ev, utm, extra in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "event_time": utc(ts),
                "openid": openid,
                "phone_hash": phone or None,
                "event": ev,
                "utm_source": utm,
            }
            obj.update(extra)
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["手机号(加密)", "注册时间", "常住城市", "会员等级", "首次来源"])
        for r in sorted(members, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", r[2], r[3], r[4]])
    with open(folder / "reviews.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["点评ID", "平台", "订单号", "手机号(加密)", "点评时间", "评分", "点评内容", "营地编码"]
        )
        for r in sorted(reviews, key=lambda r: (r[4], r[0])):
            w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%d %H:%M}", r[5], r[6], r[7]])
    with open(folder / "refunds.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "退款单号",
                "订单号",
                "手机号(加密)",
                "申请时间",
                "退款时间",
                "退款金额(元)",
                "退款原因",
                "原渠道",
                "营地编码",
                "状态",
            ]
        )
        for r in sorted(refunds, key=lambda r: (r[2], r[1])):
            if r[3] is None:
                continue
            w.writerow(
                [
                    f"TK{nxt('refund'):06d}",
                    r[1],
                    r[0],
                    cn(r[2]),
                    cn(r[3]),
                    f"{r[4]:.2f}",
                    r[5],
                    r[6],
                    r[7],
                    "已退款",
                ]
            )
    with open(folder / "complaints.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "手机号(加密)",
                "营地编码",
                "问题类型",
                "受理渠道",
                "登记时间",
                "首次回复时间",
                "解决时间",
                "满意度",
                "是否投诉",
            ]
        )
        for r in sorted(complaints, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    f"{r[5]:%Y-%m-%d %H:%M}",
                    f"{r[6]:%Y-%m-%d %H:%M}",
                    f"{r[7]:%Y-%m-%d %H:%M}" if r[7] else "",
                    r[8],
                    r[9],
                ]
            )
    with open(folder / "weekly_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["周一日期", "投放渠道", "花费(元)"])
        wk = date(2025, 12, 8)  # first full week
        while wk < END.date():
            season = {
                12: 0.5,
                1: 0.45,
                2: 0.6,
                3: 0.8,
                4: 1.2,
                5: 1.1,
                6: 1.0,
                7: 1.1,
                8: 1.1,
                9: 1.2,
                10: 1.1,
                11: 0.7,
            }[wk.month]
            xhs = 6000 * season
            if wk >= XHS_START - timedelta(days=3):
                xhs = (38000 if wk < date(2026, 7, 6) else 16000) * season
            for ch, amt in (
                ("小红书达人", xhs),
                ("携程推广", 12000 * season),
                ("抖音", 8000 * season),
            ):
                w.writerow([f"{wk:%Y/%m/%d}", ch, f"{amt * R.uniform(0.85, 1.15):.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="campsite-src-") as tmp:
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
