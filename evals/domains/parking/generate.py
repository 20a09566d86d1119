"""Parking evaluation domain: 停易 ParkEasy, a smart-parking operator in Shenzhen and Guangzhou.

    python generate.py OUT.duckdb

Writes ParkEasy's own exports (seeded: the same files every run) to a temporary folder —

  gate_records.csv        LPR gate controller: 记录 per entry / exit / manual lift, plate hash,
                          car-park code (SZ-NS-01), Beijing time "YYYY/MM/DD HH:MM:SS", fee in fen
  payments.jsonl          payments system: parking / charging payments and refunds, pay method,
                          amount in yuan, UTC ISO times with Z, memberId only for app payers
  miniapp_events.csv      mini-program + app analytics: English event names, deviceId, memberId
                          only after login, entry source, ISO times with milliseconds
  members.csv             member registry (users): memberId, phone hash, bound plate, signup source
  monthly_pass_crm.csv    monthly-pass (月卡) CRM: purchases and renewals, price in yuan
  hotline_tickets.csv     complaint tickets (hotline + mini-program), Chinese headers
  exit_survey.csv         1-5 rating after exit, ISO times with +08:00
  weekly_promo_spend.csv  weekly spend per promotion channel (Chinese channel names)

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
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261130
START = datetime(2025, 11, 30)
END = datetime(2026, 11, 30)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
DAYS = [START.date() + timedelta(days=k) for k in range(N_DAYS)]

HOSPITAL_OPEN = date(2026, 3, 16)  # SZ-FT-05 opens (Monday)
BUG = (date(2026, 6, 8), date(2026, 6, 18))  # gate firmware bug, 10 days
BUG_PARKS = {"GZ-TH-02", "GZ-TH-03"}
AUTOPAY_LAUNCH = date(2026, 5, 11)  # 无感支付 launch (Monday)
SPRING = (date(2026, 2, 15), date(2026, 2, 24))  # Spring Festival holiday
GUOQING = (date(2026, 10, 1), date(2026, 10, 9))  # National Day holiday
PASS_CUT = date(2026, 8, 1)  # monthly-pass price cut
TYPHOON = date(2026, 9, 16)  # typhoon red warning, city shut down

R = random.Random(SEED)


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    if lam > 30:
        return max(0, round(R.gauss(lam, math.sqrt(lam))))
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text, n=16):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inw(d, w):
    return w[0] <= d < w[1]


# --- car parks -------------------------------------------------------------------------------
# code, name, type, reservable, chargers, base visits/day
PARKS = []
_spec = {
    "SZ-NS": ("南山", ["商场", "写字楼", "写字楼", "商场", "医院", "住宅"]),
    "SZ-FT": ("福田", ["商场", "写字楼", "写字楼", "住宅", "医院", "商场"]),
    "SZ-LH": ("罗湖", ["商场", "住宅", "写字楼", "医院"]),
    "SZ-BA": ("宝安", ["商场", "住宅", "住宅", "写字楼"]),
    "SZ-LG": ("龙岗", ["商场", "住宅", "医院", "写字楼"]),
    "GZ-TH": ("天河", ["写字楼", "商场", "商场", "写字楼", "住宅", "医院"]),
    "GZ-YX": ("越秀", ["医院", "商场", "写字楼", "住宅"]),
    "GZ-HZ": ("海珠", ["商场", "住宅", "写字楼"]),
    "GZ-PY": ("番禺", ["商场", "住宅", "医院"]),
}
_suffix = {"商场": "广场停车场", "写字楼": "大厦停车场", "医院": "医院停车场", "住宅": "花园停车场"}
_names = iter(
    [
        "海岸城",
        "科兴",
        "软件园",
        "万象天地",
        "蛇口",
        "桃源",
        "中心城",
        "卓越",
        "平安",
        "香蜜",
        "市第二人民",
        "皇岗",
        "万象城",
        "翠竹",
        "国贸",
        "人民",
        "壹方城",
        "宝安中心",
        "西乡",
        "前海",
        "龙岗万达",
        "布吉",
        "龙岗中心",
        "天安",
        "珠江新城",
        "太古汇",
        "天环",
        "高德置地",
        "天河北",
        "华侨",
        "中山一院",
        "北京路",
        "东山",
        "二沙",
        "江南西",
        "滨江",
        "琶洲",
        "番禺万达",
        "祈福",
        "何贤",
    ]
)
for pre, (district, types) in _spec.items():
    for i, t in enumerate(types, 1):
        code = f"{pre}-{i:02d}"
        base = {"商场": 28, "写字楼": 20, "医院": 22, "住宅": 9}[t]
        PARKS.append(
            {
                "code": code,
                "name": f"{district}{next(_names)}{_suffix[t]}",
                "type": t,
                "city": "深圳" if pre.startswith("SZ") else "广州",
                "reservable": t in ("商场", "医院") or code in ("SZ-NS-02", "GZ-TH-01"),
                "chargers": t in ("商场", "写字楼") or code in ("SZ-FT-05",),
                "base": base
                * R.uniform(0.75, 1.25)
                * (4.0 if code in ("GZ-TH-02", "GZ-TH-03") else 1.0),
            }
        )
PARK = {p["code"]: p for p in PARKS}
NEW_HOSPITAL = "SZ-FT-05"
RATE = {
    "商场": (10, 60),
    "写字楼": (12, 80),
    "医院": (6, 40),
    "住宅": (5, 30),
}  # yuan/hour, daily cap
ARRIVE = {
    "商场": [0] * 9 + [1, 3, 5, 5, 4, 4, 4, 4, 5, 6, 6, 4, 2, 1, 0],
    "写字楼": [0] * 7 + [3, 8, 9, 4, 2, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0],
    "医院": [0] * 7 + [3, 6, 7, 6, 3, 3, 4, 4, 3, 2, 1, 1, 1, 1, 0, 0, 0],
    "住宅": [1] * 7 + [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 4, 3, 2],
}


def day_weight(park, d):
    t = park["type"]
    w = 1.0
    wd = d.weekday()
    if wd >= 5:
        w *= {"商场": 1.5, "写字楼": 0.25, "医院": 0.6, "住宅": 1.2}[t]
    if inw(d, SPRING):
        w *= {"商场": 0.45, "写字楼": 0.12, "医院": 0.55, "住宅": 0.6}[t]
    elif inw(d, (date(2026, 2, 7), SPRING[0])):
        w *= {"商场": 1.1, "写字楼": 0.7, "医院": 0.9, "住宅": 0.85}[t]
    if inw(d, GUOQING):
        w *= {"商场": 1.9, "写字楼": 0.2, "医院": 0.7, "住宅": 0.8}[t]
        if wd >= 5 and t == "写字楼":
            w *= 4.0  # holiday already low; undo the weekend factor partly
    if inw(d, (date(2026, 5, 1), date(2026, 5, 6))) and t == "商场":
        w *= 1.35
    if d == TYPHOON:
        w *= 0.04
    elif d == TYPHOON + timedelta(days=1):
        w *= 0.7
    if park["code"] == NEW_HOSPITAL:
        if d < HOSPITAL_OPEN:
            return 0.0
        w *= min(1.0, 0.35 + (d - HOSPITAL_OPEN).days / 40)
    return w


CUM = {}
for p in PARKS:
    acc, cum = 0.0, []
    for d in DAYS:
        acc += day_weight(p, d) * p["base"]
        cum.append(acc)
    CUM[p["code"]] = cum


def draw_day(code):
    cum = CUM[code]
    return DAYS[min(len(DAYS) - 1, bisect_left(cum, R.random() * cum[-1]))]


# --- people ----------------------------------------------------------------------------------
SOURCES = ["meituan", "amap", "wechat_ads", "mall_copromo", "wechat_search", "direct"]
SOURCE_W = [0.18, 0.24, 0.2, 0.12, 0.16, 0.1]

gate, pays, mini, members, passes, tickets, survey = ([] for _ in range(7))
seq = {"rec": 1000000, "txn": 0, "mem": 200000, "tk": 0, "dev": 0, "order": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Driver:
    def __init__(self, city):
        self.city = city
        self.plate = "p_" + h(f"plate{len(drivers)}", 14)
        self.phone = "ph_" + h(f"phone{len(drivers)}", 12)
        self.ev = chance(0.14)
        self.device = None
        self.member = None
        self.login_at = None
        self.source = pick(SOURCES, SOURCE_W)
        self.app_p = 0.0
        self.autopay_from = None
        self.pass_until = None


drivers = []


def home_parks(city, types=None):
    cands = [p for p in PARKS if p["city"] == city and (types is None or p["type"] in types)]
    w = [p["base"] for p in cands]
    return R.choices(cands, weights=w, k=2)


def become_member(dr, ts):
    if dr.member is None:
        dr.member = f"M{nxt('mem')}"
        dr.login_at = ts
        members.append(dr)


def mini_event(dr, ts, name, park="", source=None, extra=""):
    if not (START <= ts < END):
        return
    if dr.device is None:
        dr.device = "dv" + h(f"dev{nxt('dev')}", 14)
    member = dr.member if (dr.login_at is not None and ts >= dr.login_at) else ""
    plat = dr.platform
    mini.append((ts, dr.device, member, name, park, source or "direct", plat, extra))


def ticket(dr, ts, cat, park, mood=0.0, slow=1.0):
    if not (START <= ts < END):
        return
    via_app = dr.member is not None and ts >= dr.login_at and chance(0.45)
    ch = "小程序" if via_app else "热线"
    fr = R.uniform(0.5, 12) if ch == "热线" else R.uniform(30, 480)
    fr *= slow
    res = (
        fr / 60
        + {
            "道闸未抬杆": R.uniform(0.3, 6),
            "收费错误": R.uniform(4, 72),
            "车牌识别错误": R.uniform(1, 30),
            "重复扣费": R.uniform(12, 120),
            "其他": R.uniform(2, 48),
        }[cat]
        * slow
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(4.0 - mood, 0.9))))
    complaint = "是" if cat != "其他" else ("是" if chance(0.3) else "否")
    tickets.append(
        (
            f"GD{ts:%Y%m%d}{nxt('tk'):05d}",
            ts,
            ts + timedelta(minutes=fr),
            solved if solved < END and chance(0.98) else None,
            dr.plate if chance(0.9) else "",
            dr.phone if ch == "热线" else "",
            dr.member if ch == "小程序" else "",
            ch,
            cat,
            complaint,
            park,
            csat,
        )
    )


def pay_method(dr, d, park, misread):
    if misread:
        return "cash" if chance(0.7) else pick(["wxpay", "alipay"], [0.6, 0.4])
    if dr.autopay_from is not None and d >= dr.autopay_from and chance(0.95):
        return "noninductive"
    if dr.member is not None:
        return pick(["wxpay", "alipay", "etc", "cash"], [0.6, 0.3, 0.06, 0.04])
    return pick(["wxpay", "alipay", "etc", "cash"], [0.52, 0.3, 0.08, 0.1])


def add_pay(dr, ts, park, biz, method, amount, order, kwh="", coupon=0):
    if not (START <= ts < END):
        return
    member = ""
    if dr.member and ts >= dr.login_at and method not in ("cash", "etc"):
        member = dr.member if (method == "noninductive" or chance(0.5)) else ""
    pays.append(
        (f"T{nxt('txn'):08d}", order, ts, dr.plate, member, park, biz, method, amount, kwh, coupon)
    )


def visit(dr, park, d, pass_holder=False):
    """One stay: (mini-program search/reserve), gate entry, (charging), payment, gate exit."""
    t = park["type"]
    hr = R.choices(range(24), weights=ARRIVE[t])[0]
    tin = datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))
    if not (START <= tin < END):
        return
    if t == "写字楼":
        stay = R.uniform(7.5, 10.5) if (pass_holder or chance(0.45)) else R.uniform(0.3, 3)
    elif t == "住宅":
        stay = R.uniform(9, 14) if pass_holder else R.uniform(0.2, 3)
    elif t == "医院":
        stay = R.uniform(0.5, 5)
    else:
        stay = R.uniform(0.1, 4.5)
    if chance(0.06):
        stay = R.uniform(0.05, 0.25)  # drop-off / turned round
    tout = tin + timedelta(hours=stay)
    order = f"PK{park['code'].replace('-', '')}{nxt('order'):07d}"
    # mini-program before driving in
    if (dr.device is not None or dr.app_p > 0) and chance(dr.app_p):
        ts = tin - timedelta(minutes=R.uniform(12, 70))
        src = dr.source if (dr.device is None or chance(0.25)) else "direct"
        mini_event(dr, ts, "search_carpark", "", src)
        if dr.member is None and chance(0.55):
            become_member(dr, ts + timedelta(seconds=R.uniform(10, 40)))
            mini_event(dr, ts + timedelta(seconds=R.uniform(41, 60)), "login", "", src)
        mini_event(dr, ts + timedelta(minutes=R.uniform(0.5, 3)), "view_carpark", park["code"], src)
        if park["reservable"] and chance(0.3) and dr.member is not None:
            mini_event(
                dr,
                ts + timedelta(minutes=R.uniform(3.1, 6)),
                "reserve_space",
                park["code"],
                src,
            )
            if chance(0.12):
                mini_event(
                    dr,
                    ts + timedelta(minutes=R.uniform(7, 40)),
                    "cancel_reservation",
                    park["code"],
                    src,
                )
                return
    misread = park["code"] in BUG_PARKS and inw(d, BUG) and chance(0.35)
    misread_base = not misread and chance(0.004)
    conf_in = R.uniform(0.55, 0.8) if misread and chance(0.5) else R.uniform(0.93, 0.999)
    gate.append((nxt("rec"), park, dr.plate, "IN", tin, "", "", conf_in, order))
    # EV charging
    charge_kwh = 0.0
    if dr.ev and park["chargers"] and chance(0.4) and stay > 0.6:
        tc = tin + timedelta(minutes=R.uniform(2, 8))
        if dr.device is not None:
            mini_event(dr, tc, "start_charging", park["code"], "direct")
        charge_kwh = round(min(stay, 3.5) * R.uniform(6, 14), 1)
    # fee
    rate, cap = RATE[t]
    if stay <= 0.25:
        fee = 0
    else:
        fee = min(cap, math.ceil(stay) * rate) * 100
        if stay > 24:
            fee = cap * 100
    if park["code"] == NEW_HOSPITAL and d < HOSPITAL_OPEN + timedelta(days=14):
        fee = fee // 2  # opening offer
    coupon = 0
    if t == "商场" and fee > 0 and not pass_holder and chance(0.35):
        coupon = min(fee, 2000 if chance(0.7) else 1000)
        if dr.device is not None and chance(0.6):
            mini_event(
                dr,
                tout - timedelta(minutes=R.uniform(3, 40)),
                "claim_voucher",
                park["code"],
                "direct",
            )
    due = fee - coupon
    if pass_holder:
        ptype = "月卡"
        due = 0
    elif due <= 0:
        ptype = "免费"
    else:
        method = pay_method(dr, d, park, misread or misread_base)
        ptype = {
            "wxpay": "微信",
            "alipay": "支付宝",
            "etc": "ETC",
            "cash": "现金",
            "noninductive": "无感支付",
        }[method]
        if method in ("etc", "noninductive"):
            tp = tout + timedelta(seconds=R.uniform(1, 15))
        elif method == "cash":
            tp = tout - timedelta(seconds=R.uniform(40, 200))
        else:
            tp = tout - timedelta(seconds=R.uniform(15, 300))
        add_pay(dr, tp, park["code"], "PARKING", method, due / 100, order, coupon=coupon)
        dbl = 0.011 if method == "noninductive" else 0.003
        if method not in ("cash",) and chance(dbl):
            add_pay(
                dr,
                tp + timedelta(seconds=R.uniform(1, 5)),
                park["code"],
                "PARKING",
                method,
                due / 100,
                order,
            )
            if chance(0.75):
                tt = tp + timedelta(hours=R.uniform(2, 60))
                ticket(dr, tt, "重复扣费", park["code"], mood=0.8)
                add_pay(
                    dr,
                    tt + timedelta(hours=R.uniform(4, 96)),
                    park["code"],
                    "REFUND",
                    method,
                    -due / 100,
                    order,
                )
    if charge_kwh:
        method = "noninductive" if ptype == "无感支付" else pick(["wxpay", "alipay"], [0.65, 0.35])
        add_pay(
            dr,
            tout - timedelta(minutes=R.uniform(1, 20)),
            park["code"],
            "CHARGING",
            method,
            round(charge_kwh * 1.25, 2),
            order,
            kwh=charge_kwh,
        )
    if misread:
        gate.append(
            (
                nxt("rec"),
                park,
                dr.plate,
                "MANUAL",
                tout - timedelta(seconds=R.uniform(5, 60)),
                "",
                "",
                R.uniform(0.4, 0.7),
                order,
            )
        )
    conf_out = R.uniform(0.45, 0.8) if misread else R.uniform(0.93, 0.999)
    if tout < END:
        gate.append((nxt("rec"), park, dr.plate, "OUT", tout, fee, ptype, conf_out, order))
    # complaints
    if misread and chance(0.3):
        ticket(
            dr,
            tout + timedelta(minutes=R.uniform(1, 300)),
            pick(["车牌识别错误", "道闸未抬杆", "收费错误"], [0.5, 0.35, 0.15]),
            park["code"],
            mood=1.8,
            slow=2.5,
        )
    elif chance(0.0035):
        ticket(
            dr,
            tout + timedelta(minutes=R.uniform(1, 600)),
            pick(["道闸未抬杆", "收费错误", "车牌识别错误", "其他"], [0.3, 0.35, 0.15, 0.2]),
            park["code"],
        )
    # exit survey (members, a few days)
    if dr.member is not None and tout >= dr.login_at and chance(0.06):
        base = 4.25
        if misread or (park["code"] in BUG_PARKS and inw(d, BUG)):
            base = 2.3
        elif ptype == "无感支付":
            base = 4.6
        elif ptype == "现金":
            base = 3.7
        score = max(1, min(5, round(R.gauss(base, 0.85))))
        ts = tout + timedelta(minutes=R.uniform(2, 180))
        if ts < END:
            survey.append((dr.member, dr.plate, ts, park["code"], score))


def set_autopay(dr):
    if dr.member is None or not chance(0.62):
        return
    u = R.random()
    start = AUTOPAY_LAUNCH + timedelta(days=int(200 * u**0.8) + R.randrange(3))
    if start < END.date():
        dr.autopay_from = start


def casual(city):
    dr = Driver(city)
    drivers.append(dr)
    dr.platform = pick(["wechat_miniprogram", "ios", "android"], [0.62, 0.2, 0.18])
    if chance(0.5):
        dr.app_p = R.uniform(0.2, 0.85)
    hp = home_parks(city)
    local = [p for p in PARKS if p["city"] == city]
    n = min(60, max(1, round(math.exp(R.gauss(1.75, 0.9)))))
    plan = []
    for _ in range(n):
        park = pick(hp, [0.7, 0.3]) if chance(0.85) else R.choice(local)
        plan.append((draw_day(park["code"]), park))
    plan.sort(key=lambda x: (x[0], x[1]["code"]))
    autoset = False
    for d, park in plan:
        if not autoset and dr.member is not None:
            set_autopay(dr)
            autoset = True
        if (
            dr.autopay_from is not None
            and d >= dr.autopay_from
            and not getattr(dr, "ap_logged", False)
        ):
            dr.ap_logged = True
            ts = datetime(
                dr.autopay_from.year,
                dr.autopay_from.month,
                dr.autopay_from.day,
                R.randrange(8, 23),
                R.randrange(60),
            )
            mini_event(dr, ts, "enable_autopay", "", "direct")
        visit(dr, park, d)
    # people who browse on the mini-program but hardly park with us
    return dr


def browser():
    dr = Driver(pick(["深圳", "广州"], [0.62, 0.38]))
    drivers.append(dr)
    dr.platform = pick(["wechat_miniprogram", "ios", "android"], [0.75, 0.12, 0.13])
    d = R.choice(DAYS)
    ts = datetime(d.year, d.month, d.day, R.randrange(8, 23), R.randrange(60), R.randrange(60))
    mini_event(dr, ts, "search_carpark", "", dr.source)
    if chance(0.6):
        park = R.choice([p for p in PARKS if p["city"] == dr.city and day_weight(p, d) > 0])
        mini_event(
            dr, ts + timedelta(minutes=R.uniform(0.5, 3)), "view_carpark", park["code"], dr.source
        )


PASS_PRICE = {"标准月卡": (600, 450), "夜间月卡": (300, 240), "新能源月卡": (550, 420)}


def pass_holder(first_buy, renew_p_before=0.8, renew_p_after=0.88):
    city = pick(["深圳", "广州"], [0.6, 0.4])
    dr = Driver(city)
    drivers.append(dr)
    dr.platform = pick(["wechat_miniprogram", "ios", "android"], [0.55, 0.25, 0.2])
    park = home_parks(city, ("写字楼", "住宅"))[0]
    if park["code"] == NEW_HOSPITAL:
        park = PARK["SZ-NS-02"]
    ptype = (
        "新能源月卡"
        if dr.ev and chance(0.5)
        else ("夜间月卡" if park["type"] == "住宅" and chance(0.5) else "标准月卡")
    )
    reg = datetime.combine(first_buy, datetime.min.time()) + timedelta(hours=R.uniform(8, 22))
    if reg < START:
        reg = START - timedelta(days=R.randrange(30, 700))
    become_member(dr, reg)
    dr.app_p = R.uniform(0.02, 0.1)
    set_autopay(dr)
    start = first_buy
    first = True
    while start < END.date():
        price = PASS_PRICE[ptype][1 if start >= PASS_CUT else 0]
        if park["type"] == "住宅":
            price = round(price * 0.7)
        bought = (
            datetime(start.year, start.month, start.day)
            - timedelta(days=R.uniform(0, 3))
            + timedelta(hours=R.uniform(8, 22))
        )
        if bought >= START:
            if chance(0.6):
                mini_event(
                    dr,
                    bought - timedelta(minutes=R.uniform(1, 5)),
                    "view_pass",
                    park["code"],
                    "direct",
                )
            passes.append(
                (
                    dr,
                    bought,
                    park,
                    ptype,
                    price,
                    start,
                    start + timedelta(days=30),
                    "新购" if first else "续费",
                    pick(["小程序", "App", "岗亭"], [0.55, 0.25, 0.2]),
                )
            )
        end = start + timedelta(days=30)
        for k in range(30):
            d = start + timedelta(days=k)
            if d >= END.date() or d < START.date():
                continue
            if park["type"] == "写字楼" and d.weekday() >= 5:
                continue
            p_go = 0.45 if park["type"] == "写字楼" else 0.3
            if chance(p_go * min(1.0, day_weight(park, d))):
                visit(dr, park, d, pass_holder=True)
        if not chance(renew_p_after if end >= PASS_CUT else renew_p_before):
            break
        start = end
        first = False
    return dr


def simulate():
    # existing pass holders at the start
    for _ in range(300):
        pass_holder(START.date() - timedelta(days=R.randrange(0, 30)))
    # new pass buyers: the August price cut lifts sales
    for d in DAYS:
        lam = 1.4 if d < PASS_CUT else 3.4
        if inw(d, SPRING):
            lam *= 0.3
        if d == TYPHOON:
            lam = 0
        for _ in range(poisson(lam)):
            pass_holder(d)
    for _ in range(6100):
        casual(pick(["深圳", "广州"], [0.6, 0.4]))
    for _ in range(700):
        browser()


# --- writing the exports ----------------------------------------------------------------------


def utc(ts):
    return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"


def write(folder: Path):
    with open(folder / "gate_records.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "rec_no",
                "park_code",
                "park_name",
                "city",
                "park_type",
                "plate_hash",
                "direction",
                "pass_time",
                "fee_fen",
                "pay_type",
                "ocr_conf",
                "order_no",
            ]
        )
        for r in sorted(gate, key=lambda r: (r[4], r[0])):
            if not (START <= r[4] < END):
                continue
            p = r[1]
            w.writerow(
                [
                    r[0],
                    p["code"],
                    p["name"],
                    p["city"],
                    p["type"],
                    r[2],
                    r[3],
                    f"{r[4]:%Y/%m/%d %H:%M:%S}",
                    r[5],
                    r[6],
                    f"{r[7]:.3f}",
                    r[8],
                ]
            )
    lot = {"商场": "MALL", "写字楼": "OFFICE", "医院": "HOSPITAL", "住宅": "RESIDENTIAL"}
    with open(folder / "payments.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(pays, key=lambda r: (r[2], r[0])):
            p = PARK[r[5]]
            obj = {
                "txnId": r[0],
                "orderNo": r[1],
                "paidAt": utc(r[2]),
                "plateHash": r[3],
                "memberId": r[4] or None,
                "lotCode": r[5],
                "lotCity": "SZ" if p["city"] == "深圳" else "GZ",
                "lotCategory": lot[p["type"]],
                "bizType": r[6],
                "payMethod": r[7],
                "amount": round(r[8], 2),
                "kwh": r[9] if r[9] != "" else None,
                "couponFen": r[10] or None,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "miniapp_events.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_time",
                "device_id",
                "member_id",
                "event_name",
                "park_code",
                "entry_source",
                "platform",
            ]
        )
        for r in sorted(mini, key=lambda r: (r[0], r[1], r[3])):
            w.writerow(
                [
                    f"{r[0]:%Y-%m-%d %H:%M:%S}.{R.randrange(1000):03d}",
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                ]
            )
    with open(folder / "members.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "memberId",
                "phoneHash",
                "boundPlate",
                "registeredAt",
                "city",
                "vehicleType",
                "signupSource",
            ]
        )
        for dr in sorted(members, key=lambda dr: dr.member):
            src = {
                "meituan": "美团",
                "amap": "高德",
                "wechat_ads": "微信广告",
                "mall_copromo": "商场联合推广",
                "wechat_search": "微信搜一搜",
                "direct": "自然流量",
            }[dr.source]
            w.writerow(
                [
                    dr.member,
                    dr.phone,
                    dr.plate,
                    f"{dr.login_at:%Y-%m-%d %H:%M:%S}",
                    dr.city,
                    "新能源" if dr.ev else "燃油",
                    src,
                ]
            )
    with open(folder / "monthly_pass_crm.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "pass_no",
                "member_id",
                "plate_hash",
                "park_code",
                "pass_type",
                "order_type",
                "sold_at",
                "valid_from",
                "valid_to",
                "price_yuan",
                "sales_channel",
            ]
        )
        for i, (dr, bought, park, ptype, price, s, e, otype, sch) in enumerate(
            sorted(passes, key=lambda r: (r[1], r[0].member))
        ):
            w.writerow(
                [
                    f"YK{i + 1:06d}",
                    dr.member,
                    dr.plate,
                    park["code"],
                    ptype,
                    otype,
                    f"{bought:%Y-%m-%d %H:%M}",
                    f"{s:%Y%m%d}",
                    f"{e:%Y%m%d}",
                    f"{price:.2f}",
                    sch,
                ]
            )

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "hotline_tickets.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "受理时间",
                "首次响应时间",
                "办结时间",
                "车牌哈希",
                "来电号码哈希",
                "会员号",
                "受理渠道",
                "问题类型",
                "是否投诉",
                "车场编号",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], fmt(r[1]), fmt(r[2]), fmt(r[3]), *list(r[4:])])
    with open(folder / "exit_survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["member_id", "plate_hash", "submitted_at", "park_code", "rating"])
        for r in sorted(survey, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%dT%H:%M:%S}+08:00", r[3], r[4]])
    with open(folder / "weekly_promo_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["week_start", "channel", "spend_cny"])
        base = {"美团": 6000, "高德": 8500, "微信广告": 10000, "商场联合推广": 4500}
        wk = START.date() + timedelta(days=(7 - START.weekday()) % 7) - timedelta(days=7)
        while wk < END.date():
            for ch, amt in base.items():
                f_ = R.uniform(0.85, 1.15)
                if ch == "微信广告" and inw(
                    wk, (AUTOPAY_LAUNCH, AUTOPAY_LAUNCH + timedelta(days=42))
                ):
                    f_ *= 2.4  # 无感支付 launch campaign
                if ch == "商场联合推广" and inw(wk, (date(2026, 9, 21), date(2026, 10, 12))):
                    f_ *= 3.0  # 国庆 mall co-promotion
                if inw(wk, (date(2026, 2, 9), date(2026, 2, 23))):
                    f_ *= 0.4
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{amt * f_:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="parking-src-") as tmp:
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
