"""Fuel-station evaluation domain: 顺途能源 ShunTu Energy, 60 fuel stations in 广东 / 广西.

    python generate.py OUT.duckdb

Writes ShunTu's own exports (seeded: the same files every run) to a temporary folder —

  pump_pos_transactions.csv  pump controller / forecourt POS: station code, fuel grade, litres, unit
                             price, amount (元), pay method, member no / pay token / fleet card,
                             Beijing time 'YYYY-MM-DD HH:MM:SS'
  charging_sessions.jsonl    EV fast-charger platform: kWh, amount (元), start time
                             (Beijing, ISO +08:00)
  store_pos_lines.csv        便利店 POS line items (Chinese headers, 'YYYY/MM/DD HH:MM',
                             Beijing time)
  app_events.jsonl           app + WeChat mini-program analytics (English event names, UTC ISO 'Z'),
                             device_id always, member_id only after login
  members.jsonl              membership system: member_id, phone hash, level, city, register channel
  card_ledger.jsonl          membership / fuel-card ledger: top-ups (充值, amounts in 分), coupon
                             redemptions, points; epoch-millisecond times
  fleet_billing.csv          fleet monthly invoice lines per fleet card
  hotline_tickets.csv        400 hotline + app complaints (GB18030, Chinese headers)
  visit_survey.csv           in-app 1–5 visit ratings
  weekly_marketing_spend.csv marketing spend per channel per week (Monday)

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import bisect
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

SEED = 20261205
START = datetime(2025, 12, 5)
END = datetime(2026, 12, 5)  # as_of (Saturday); data ends the day before
N_DAYS = (END - START).days

SPRING = (datetime(2026, 2, 10), datetime(2026, 2, 25))  # 春节 travel peak (春节 = 2026-02-17)
GUOQING = (datetime(2026, 10, 1), datetime(2026, 10, 8))  # 国庆 golden week
BIG_RISE = datetime(2026, 3, 17)  # big price rise (+0.55 元/L), volume down for ~5 weeks
AMAP_LAUNCH = datetime(2026, 5, 20)  # 高德 coupon partnership
METER = (datetime(2026, 7, 6), datetime(2026, 8, 17))  # metering complaint window
METER_STATIONS = ("GX-NN-004", "GX-LZ-002")
EV_NEW = datetime(2026, 8, 10)  # new fast chargers at 12 stations
TOPUP_PROMO = (datetime(2026, 11, 1), datetime(2026, 12, 1))  # 充值送 campaign

R = random.Random(SEED)


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


# ---------------------------------------------------------------- stations
CITY_N = [
    ("GD", "GZ", "广州", 12),
    ("GD", "SZ", "深圳", 10),
    ("GD", "FS", "佛山", 7),
    ("GD", "DG", "东莞", 6),
    ("GD", "ZS", "中山", 3),
    ("GD", "ZQ", "肇庆", 3),
    ("GX", "NN", "南宁", 8),
    ("GX", "LZ", "柳州", 5),
    ("GX", "GL", "桂林", 4),
    ("GX", "WZ", "梧州", 2),
]
STATIONS = []  # (code, province, city, type)
for prov, cc, city, n in CITY_N:
    for i in range(1, n + 1):
        code = f"{prov}-{cc}-{i:03d}"
        # every city's last station or two are on the expressway (服务区)
        stype = "高速服务区" if i > n - (2 if n >= 6 else 1) else ("国道" if i % 5 == 0 else "城区")
        STATIONS.append((code, prov, city, stype))
ST = {s[0]: s for s in STATIONS}
HIGHWAY = [s[0] for s in STATIONS if s[3] == "高速服务区"]
CITY_ST = [s[0] for s in STATIONS if s[3] != "高速服务区"]
EV_OLD = ["GD-SZ-001", "GD-SZ-002", "GD-GZ-001", "GD-GZ-003", "GD-FS-001", "GD-DG-001"]
EV_NEW_ST = [
    "GD-GZ-002",
    "GD-GZ-004",
    "GD-GZ-006",
    "GD-SZ-003",
    "GD-SZ-004",
    "GD-SZ-006",
    "GD-FS-002",
    "GD-DG-002",
    "GD-ZS-001",
    "GX-NN-001",
    "GX-NN-002",
    "GX-GL-001",
]
WASH = {s[0] for s in STATIONS if s[3] == "城区" and int(s[0][-3:]) % 2 == 1}

GRADES = ["92#", "95#", "98#", "0#柴油"]
BASE_PRICE = {"92#": 7.62, "95#": 8.25, "98#": 9.25, "0#柴油": 7.30}


def build_prices():
    """Price moves every 10 working days (the NDRC window); the big rise is on 2026-03-17."""
    deltas = [
        0.08,
        -0.12,
        0.0,
        0.1,
        0.16,
        0.55,
        -0.05,
        -0.1,
        0.0,
        -0.08,
        0.06,
        -0.12,
        0.0,
        0.09,
        -0.06,
        0.05,
        -0.1,
        0.0,
        0.07,
        -0.05,
        0.04,
        -0.09,
        0.0,
        0.06,
        -0.04,
        0.0,
        0.03,
    ]
    moves, d, level, k = [], date(2025, 12, 3), 0.0, 0
    while d < END.date():
        if k == 5:
            d = date(2026, 3, 17)
        level += deltas[k % len(deltas)]
        moves.append((d, round(level, 2)))
        k += 1
        wd = 0
        while wd < 10:
            d += timedelta(days=1)
            if d.weekday() < 5:
                wd += 1
    return moves


PRICE_MOVES = build_prices()
PRICE_DATES = [d for d, _ in PRICE_MOVES]
PRICE_LEVELS = [lv for _, lv in PRICE_MOVES]


def price_level(ts):
    return (
        PRICE_LEVELS[bisect.bisect_right(PRICE_DATES, ts.date()) - 1]
        if ts.date() >= PRICE_DATES[0]
        else 0.0
    )


def unit_price(grade, ts, prov):
    f = 1.0 if grade != "0#柴油" else 0.92
    return round(BASE_PRICE[grade] + price_level(ts) * f + (0.06 if prov == "GX" else 0.0), 2)


# ---------------------------------------------------------------- people
pump, charge, store, app, members, ledger, fleet_lines, tickets, survey = ([] for _ in range(9))
seq = {"m": 300000, "txn": 0, "chg": 0, "rcpt": 0, "dev": 0, "tk": 0, "led": 0, "inv": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


HOURS = [
    0.4,
    0.3,
    0.2,
    0.2,
    0.3,
    0.6,
    1.5,
    3,
    4,
    3.2,
    2.8,
    2.8,
    3,
    2.8,
    2.7,
    2.8,
    3.2,
    4,
    4.5,
    3.5,
    2.6,
    2,
    1.4,
    0.8,
]


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


class Person:
    def __init__(self, kind):
        self.kind = kind  # member / guest / fleet
        self.home = pick(CITY_ST, [3 if s.startswith("GD") else 2 for s in CITY_ST])
        self.prov = self.home[:2]
        self.vehicle = pick(["汽油车", "柴油车", "新能源车"], [0.8, 0.08, 0.12])
        if self.vehicle == "新能源车" and kind == "fleet":
            self.vehicle = "汽油车"
        self.grade = {
            "汽油车": pick(["92#", "95#", "98#"], [0.6, 0.34, 0.06]),
            "柴油车": "0#柴油",
        }.get(self.vehicle)
        self.mid = None
        self.device = None
        self.token = "pt_" + h(f"tok{len(people)}-{R.random()}", 14)
        self.phone = "ph_" + h(f"ph{R.random()}", 12)
        self.fleet_card = None
        self.level = "普通会员"
        self.highway = chance(0.18)
        self.coupons = 0


people = []


def dev(p):
    if p.device is None:
        p.device = "d-" + h(f"dev{nxt('dev')}", 16)
    return p.device


def app_ev(p, ts, name, platform=None, source="organic", station="", logged=True, extra=None):
    if not within(ts):
        return
    platform = platform or p.platform
    row = {
        "event": name,
        "device_id": dev(p),
        "member_id": p.mid if (logged and p.mid) else None,
        "platform": platform,
        "utm_source": source,
        "station_code": station or None,
        "_t": ts,
    }
    if extra:
        row.update(extra)
    app.append(row)


def register(p, ts, channel):
    p.mid = f"M{nxt('m')}"
    p.reg = ts
    p.reg_channel = channel
    members.append(p)


def ledger_row(
    p, ts, kind, amount_fen=0, bonus_fen=0, coupon_type="", coupon_src="", station="", points=0
):
    if within(ts):
        ledger.append(
            {
                "ledger_id": f"L{nxt('led'):08d}",
                "member_id": p.mid,
                "txn_type": kind,
                "amount_fen": amount_fen,
                "bonus_fen": bonus_fen,
                "coupon_type": coupon_type or None,
                "coupon_source": coupon_src or None,
                "station_code": station or None,
                "points": points,
                "_t": ts,
            }
        )


def demand(ts, station):
    """Multiplier on the chance of a fill on this day."""
    w = 1.0
    st = ST[station]
    if st[3] == "高速服务区":
        if inw(ts, SPRING):
            w *= 2.6
        if inw(ts, GUOQING):
            w *= 3.0
    elif inw(ts, SPRING):
        w *= 0.7  # cities empty out over 春节
    if BIG_RISE <= ts < BIG_RISE + timedelta(days=35):
        w *= 0.82
    elif BIG_RISE - timedelta(days=4) <= ts < BIG_RISE:
        w *= 1.25  # fill up before the rise
    if station in METER_STATIONS and inw(ts, METER):
        w *= 0.55
    return w


def fill(p, ts, station, via_app=False, coupon=None):
    st = ST[station]
    if p.vehicle == "新能源车":
        return
    grade = p.grade
    price = unit_price(grade, ts, st[1])
    litres = round(max(8.0, R.gauss(38 if p.kind != "fleet" else 55, 9)), 2)
    if p.kind == "fleet" and grade != "0#柴油" and chance(0.4):
        litres = round(max(10.0, R.gauss(45, 8)), 2)
    gross = round(litres * price, 2)
    disc = 0.0
    src = ""
    if coupon:
        src, ctype = coupon
        disc = {"满减券": 15.0 if gross >= 200 else 5.0, "直降券": round(litres * 0.3, 2)}[ctype]
    if p.kind == "fleet":
        pay, where = "FLEET", "COUNTER"
    elif via_app:
        pay, where = pick(["WECHAT", "ALIPAY", "FUELCARD"], [0.55, 0.2, 0.25]), "MINIAPP"
    else:
        pay = pick(
            ["WECHAT", "ALIPAY", "UNIONPAY", "FUELCARD", "CASH"],
            [0.45, 0.25, 0.12, 0.15 if p.mid else 0, 0.03],
        )
        where = pick(["PUMP", "COUNTER"], [0.55, 0.45])
    amount = round(gross - disc, 2)
    txn = f"T{station.replace('-', '')}{nxt('txn'):07d}"
    pump.append(
        {
            "txn_no": txn,
            "station_code": station,
            "site_type": st[3],
            "pump_no": R.randint(1, 12),
            "fuel_grade": grade,
            "litres": f"{litres:.2f}",
            "unit_price": f"{price:.2f}",
            "gross_amount": f"{gross:.2f}",
            "discount": f"{disc:.2f}",
            "amount": f"{amount:.2f}",
            "pay_method": pay,
            "pay_point": where,
            "member_no": p.mid if (p.mid and (via_app or pay == "FUELCARD" or chance(0.7))) else "",
            "pay_token": "" if p.kind == "fleet" else p.token,
            "fleet_card_no": p.fleet_card or "",
            "coupon_source": src,
            "_t": ts,
        }
    )
    if coupon and p.mid:
        ledger_row(
            p,
            ts,
            "COUPON_REDEEM",
            amount_fen=round(disc * 100),
            coupon_type=coupon[1],
            coupon_src=coupon[0],
            station=station,
        )
    if p.mid and p.kind != "fleet" and chance(0.3):
        ledger_row(p, ts + timedelta(seconds=R.randint(5, 90)), "POINTS_EARN", points=int(amount))
    # store, wash, rating, complaint
    if chance(0.27):
        shop(p, ts + timedelta(minutes=R.uniform(1, 8)), station, pay)
    if station in WASH and chance(0.06):
        shop(p, ts + timedelta(minutes=R.uniform(2, 10)), station, pay, wash=True)
    bad_meter = station in METER_STATIONS and inw(ts, METER)
    if p.mid and chance(0.07):
        score = max(1, min(5, round(R.gauss(2.4 if bad_meter else 4.3, 0.9))))
        survey.append((p.mid, station, ts + timedelta(minutes=R.uniform(10, 240)), score, grade))
    if bad_meter and chance(0.15):
        ticket(p, ts + timedelta(hours=R.uniform(0.5, 30)), "计量不准", station, complaint=True)
    elif chance(0.0035):
        ticket(
            p,
            ts + timedelta(hours=R.uniform(0.5, 48)),
            pick(
                ["油品质量", "计量不准", "服务态度", "发票问题", "会员积分", "咨询"],
                [2, 1, 3, 3, 2, 4],
            ),
            station,
        )


STORE_ITEMS = {
    "零食": [("乐事薯片", 8.5), ("奥利奥", 9.9), ("士力架", 6.5), ("卤蛋", 3.0)],
    "饮料": [("农夫山泉", 2.0), ("红牛", 6.5), ("东方树叶", 5.5), ("雀巢咖啡", 7.0)],
    "润滑油": [("壳牌机油4L", 268.0), ("玻璃水", 15.0), ("美孚机油4L", 299.0)],
    "香烟": [("中华(硬)", 45.0), ("双喜", 16.0)],
    "洗车": [("普通洗车", 25.0), ("精洗", 45.0)],
}


def shop(p, ts, station, pay, wash=False):
    if not within(ts):
        return
    rc = f"R{station[:2]}{nxt('rcpt'):08d}"
    cats = ["洗车"] if wash else R.sample(["零食", "饮料", "润滑油", "香烟"], k=R.choice([1, 1, 2]))
    for line, cat in enumerate(cats, 1):
        if cat == "润滑油" and not chance(0.25):
            cat = "饮料"
        name, price = R.choice(STORE_ITEMS[cat])
        qty = 1 if cat in ("润滑油", "洗车", "香烟") else R.choice([1, 1, 2, 3])
        store.append(
            (
                f"{rc}-{line}",
                station,
                ts,
                p.mid or "",
                "" if p.kind == "fleet" else p.token,
                name,
                cat,
                qty,
                price,
                round(qty * price, 2),
                {
                    "WECHAT": "微信支付",
                    "ALIPAY": "支付宝",
                    "UNIONPAY": "银联",
                    "FUELCARD": "加油卡",
                    "CASH": "现金",
                    "FLEET": "车队卡",
                }[pay],
                p.fleet_card or "",
            )
        )


def ticket(p, ts, cat, station, complaint=None):
    if not within(ts):
        return
    src = pick(["400热线", "APP"], [0.65, 0.35]) if p.mid else "400热线"
    fr = R.uniform(0.05, 2.0) if src == "400热线" else R.uniform(1, 20)
    if cat == "计量不准" and station in METER_STATIONS and inw(ts, METER):
        fr *= 2.5
    res = (
        fr
        + {
            "油品质量": R.uniform(24, 120),
            "计量不准": R.uniform(24, 168),
            "服务态度": R.uniform(4, 48),
            "发票问题": R.uniform(12, 96),
            "会员积分": R.uniform(2, 48),
            "咨询": R.uniform(0.1, 4),
        }[cat]
    )
    if complaint is None:
        complaint = cat in ("油品质量", "计量不准", "服务态度") or (
            cat == "发票问题" and chance(0.5)
        )
    solved = ts + timedelta(hours=res)
    sat = ""
    if chance(0.5):
        sat = str(max(1, min(5, round(R.gauss(3.9 if not complaint else 3.0, 1.0)))))
    tickets.append(
        [
            f"GD{ts:%y%m}{nxt('tk'):05d}",
            p.phone,
            p.mid or "",
            station,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.97) else None,
            cat,
            src,
            "是" if complaint else "否",
            sat,
        ]
    )


def charge_session(p, ts, station):
    if not within(ts):
        return
    kwh = round(max(5.0, R.gauss(32, 10)), 1)
    price = 1.05 if 8 <= ts.hour < 22 else 0.68
    amt = round(kwh * price, 2)
    charge.append(
        {
            "session_id": f"CS{nxt('chg'):07d}",
            "station": station,
            "connector": f"{station}-C{R.randint(1, 6)}",
            "kwh": kwh,
            "fee_yuan": amt,
            "start_time": f"{ts:%Y-%m-%dT%H:%M:%S}+08:00",
            "duration_min": int(kwh / 1.2 + R.uniform(3, 12)),
            "member_id": p.mid,
            "pay_token": p.token,
        }
    )
    if p.mid and chance(0.08):
        survey.append(
            (
                p.mid,
                station,
                ts + timedelta(minutes=R.uniform(40, 180)),
                max(1, min(5, round(R.gauss(4.1, 0.9)))),
                "快充",
            )
        )
    if chance(0.2):
        shop(p, ts + timedelta(minutes=R.uniform(5, 20)), station, "WECHAT")


def ev_stations(ts):
    return EV_OLD + (EV_NEW_ST if ts >= EV_NEW else [])


def simulate_driver(kind):
    p = Person(kind)
    people.append(p)
    p.platform = pick(["ios", "android", "wechat_mp"], [0.3, 0.3, 0.4])
    first = START if chance(0.7) else START + timedelta(days=R.uniform(0, N_DAYS - 5))
    if kind == "member":
        # existing members (some joined before the period)
        reg = START + timedelta(days=R.uniform(-700, N_DAYS - 20))
        register(p, reg, pick(["APP", "小程序", "油站推荐", "高德"], [0.4, 0.4, 0.2, 0.0]))
        if reg >= AMAP_LAUNCH and chance(0.3):
            p.reg_channel = "高德"
        p.level = pick(["普通会员", "银卡会员", "金卡会员", "钻石会员"], [0.55, 0.27, 0.14, 0.04])
        first = max(START, reg)
    elif kind == "amap":
        reg = AMAP_LAUNCH + timedelta(days=R.uniform(0, (END - AMAP_LAUNCH).days - 2))
        first = reg
        src = pick(["amap", "didi"], [0.8, 0.2])
        t0 = reg
        app_ev(p, t0, "partner_landing", source=src, logged=False)
        app_ev(p, t0 + timedelta(seconds=40), "coupon_view", source=src, logged=False)
        if not chance(0.62):
            return p
        register(p, t0 + timedelta(minutes=R.uniform(1, 4)), "高德" if src == "amap" else "滴滴")
        app_ev(p, p.reg, "register", source=src)
        app_ev(
            p,
            p.reg + timedelta(seconds=30),
            "coupon_claim",
            source=src,
            extra={"coupon_type": pick(["满减券", "直降券"], [0.6, 0.4])},
        )
        p.coupons = R.choice([1, 2, 3])
        p.src = src
    interval = R.uniform(7, 18) if p.vehicle != "新能源车" else R.uniform(3, 8)
    if kind == "fleet":
        interval = R.uniform(2, 5)
    if p.vehicle == "新能源车" and kind != "fleet":
        p.home = pick(EV_OLD + EV_NEW_ST, [3] * len(EV_OLD) + [2] * len(EV_NEW_ST))
    t = first + timedelta(days=R.uniform(0, interval))
    churn = R.uniform(0.0, 0.04)
    topup_p = 0.025 if p.mid else 0
    while t < END:
        d0 = datetime(t.year, t.month, t.day)
        if p.vehicle == "新能源车":
            sts = ev_stations(d0)
            st = p.home if p.home in sts else None
            if st is None and chance(0.25):
                # no charger at home yet: mostly charge elsewhere (not with us)
                st = R.choice(EV_OLD)
            if st and chance(1.0 if st == p.home else 0.8):
                charge_session(p, at(d0), st)
                if p.mid and chance(0.15):
                    app_ev(p, at(d0) - timedelta(minutes=20), "charger_search")
            t += timedelta(days=R.expovariate(1 / interval))
            continue
        st = p.home
        if p.highway and chance(0.35):
            st = R.choice(HIGHWAY)
        elif inw(d0, SPRING) or inw(d0, GUOQING):
            if chance(0.45):
                st = R.choice(HIGHWAY)
        elif chance(0.12):
            st = R.choice([s for s in CITY_ST if s[:2] == p.prov])
        # metering scare: locals avoid the two stations
        if st in METER_STATIONS and inw(d0, METER) and chance(0.45):
            st = R.choice([s for s in CITY_ST if s[:5] == st[:5] and s not in METER_STATIONS])
        if chance(min(0.98, 0.8 * demand(d0, st))):
            ts = at(d0)
            via_app = p.mid is not None and chance(0.35 if p.platform != "wechat_mp" else 0.45)
            coupon = None
            if p.coupons > 0 and chance(0.6):
                coupon = (p.src.upper(), pick(["满减券", "直降券"], [0.6, 0.4]))
                p.coupons -= 1
                via_app = True
            elif p.mid and chance(0.05):
                coupon = ("APP", pick(["满减券", "直降券"], [0.7, 0.3]))
                via_app = True
            if via_app:
                src = (
                    "amap"
                    if coupon and coupon[0] == "AMAP"
                    else ("didi" if coupon and coupon[0] == "DIDI" else "organic")
                )
                app_ev(
                    p, ts - timedelta(minutes=R.uniform(2, 6)), "app_open", source=src, station=st
                )
                if coupon:
                    app_ev(
                        p,
                        ts - timedelta(minutes=R.uniform(1, 2)),
                        "coupon_select",
                        source=src,
                        station=st,
                        extra={"coupon_type": coupon[1]},
                    )
                app_ev(
                    p,
                    ts - timedelta(seconds=R.uniform(20, 60)),
                    "pay_at_pump_start",
                    source=src,
                    station=st,
                )
            fill(p, ts, st, via_app, coupon)
            if via_app:
                app_ev(
                    p,
                    ts + timedelta(seconds=R.uniform(5, 40)),
                    "payment_success",
                    source=src,
                    station=st,
                )
        elif p.mid and chance(0.3):
            app_ev(p, at(d0), "app_open")
            if chance(0.4):
                app_ev(p, at(d0), "price_check")
        # top-ups (充值)
        if p.mid:
            promo = inw(d0, TOPUP_PROMO)
            if chance(topup_p * (6.0 if promo else 1.0)):
                amt = pick([500, 1000, 2000, 3000], [0.4, 0.35, 0.18, 0.07]) * 100
                bonus = (
                    {50000: 2500, 100000: 6000, 200000: 15000, 300000: 25000}[amt] if promo else 0
                )
                tt = at(d0)
                if promo:
                    app_ev(p, tt - timedelta(minutes=3), "topup_promo_view", source="wechat_push")
                app_ev(p, tt - timedelta(minutes=1), "topup_start")
                if chance(0.88):
                    ledger_row(p, tt, "TOPUP", amount_fen=amt, bonus_fen=bonus)
                    app_ev(p, tt + timedelta(seconds=20), "topup_success")
        if chance(churn / 3):
            break
        t += timedelta(days=max(0.6, R.expovariate(1 / interval)))
    return p


COMPANIES = []


def simulate():
    for _ in range(3100):
        simulate_driver("member")
    for _ in range(2300):
        simulate_driver("guest")
    for _ in range(1300):
        simulate_driver("amap")
    # fleet: 36 companies, 4–18 cards each
    for c in range(36):
        ctype = pick(["物流公司", "网约车"], [0.55, 0.45])
        acct = f"FA{7100 + c}"
        name = (
            R.choice(["顺丰", "安能", "百世", "中通", "德邦", "壹米"]) + "物流"
            if ctype == "物流公司"
            else R.choice(["滴滴", "曹操", "T3", "如祺"]) + "出行车队"
        ) + f"{c + 1:02d}"
        cards = []
        for _ in range(R.randint(4, 18)):
            p = Person("fleet")
            p.vehicle = "柴油车" if ctype == "物流公司" and chance(0.7) else "汽油车"
            p.grade = "0#柴油" if p.vehicle == "柴油车" else "92#"
            p.fleet_card = f"FC{h(acct + str(len(cards)), 8).upper()}"
            p.platform = "ios"
            people.append(p)
            cards.append(p)
            t = START + timedelta(days=R.uniform(0, 5))
            while t < END:
                d0 = datetime(t.year, t.month, t.day)
                st = (
                    p.home if chance(0.6) else R.choice(HIGHWAY if ctype == "物流公司" else CITY_ST)
                )
                if chance(min(0.98, 0.85 * demand(d0, st))):
                    fill(p, at(d0), st)
                t += timedelta(days=R.expovariate(1 / R.uniform(2, 4)))
        COMPANIES.append((acct, name, ctype, cards))


def write(folder: Path):
    def bj(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}"

    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    cols = [
        "txn_no",
        "station_code",
        "site_type",
        "pump_no",
        "fuel_grade",
        "litres",
        "unit_price",
        "gross_amount",
        "discount",
        "amount",
        "pay_method",
        "pay_point",
        "member_no",
        "pay_token",
        "fleet_card_no",
        "coupon_source",
    ]
    with open(folder / "pump_pos_transactions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow([*cols, "trans_time"])
        for r in sorted(pump, key=lambda r: (r["_t"], r["txn_no"])):
            if within(r["_t"]):
                w.writerow([r[c] for c in cols] + [bj(r["_t"])])
    with open(folder / "charging_sessions.jsonl", "w") as f:
        for r in sorted(charge, key=lambda r: r["start_time"]):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(folder / "store_pos_lines.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "小票号",
                "行号",
                "油站编码",
                "销售时间",
                "会员卡号",
                "支付账号",
                "商品名称",
                "商品类别",
                "数量",
                "单价",
                "金额",
                "支付方式",
                "车队卡号",
            ]
        )
        for r in sorted(store, key=lambda r: (r[2], r[0])):
            rc, line = r[0].rsplit("-", 1)
            w.writerow(
                [
                    rc,
                    line,
                    r[1],
                    f"{r[2]:%Y/%m/%d %H:%M}",
                    *r[3:8],
                    f"{r[8]:.2f}",
                    f"{r[9]:.2f}",
                    *r[10:12],
                ]
            )
    with open(folder / "app_events.jsonl", "w") as f:
        for r in sorted(app, key=lambda r: (r["_t"], r["device_id"], r["event"])):
            r = dict(r)
            r["ts"] = utc(r.pop("_t"))
            f.write(
                json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False) + "\n"
            )
    with open(folder / "members.jsonl", "w") as f:
        for p in sorted(members, key=lambda p: p.mid):
            f.write(
                json.dumps(
                    {
                        "member_id": p.mid,
                        "phone_hash": p.phone,
                        "pay_token": p.token,
                        "device_id": p.device,
                        "register_time": bj(p.reg),
                        "level": p.level,
                        "city": ST[p.home][2],
                        "province": {"GD": "广东", "GX": "广西"}[p.prov],
                        "register_channel": p.reg_channel,
                        "vehicle_type": p.vehicle,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    with open(folder / "card_ledger.jsonl", "w") as f:
        for r in sorted(ledger, key=lambda r: (r["_t"], r["ledger_id"])):
            r = dict(r)
            t = r.pop("_t")
            r["created_ms"] = int((t - timedelta(hours=8)).replace(tzinfo=UTC).timestamp() * 1000)
            r["created_at"] = f"{t:%Y-%m-%dT%H:%M:%S}+08:00"
            f.write(
                json.dumps({k: v for k, v in r.items() if v is not None}, ensure_ascii=False) + "\n"
            )
    # fleet billing: one invoice per company per month, one line per card
    by_card = {}
    for r in pump:
        if r["fleet_card_no"] and within(r["_t"]):
            k = (r["fleet_card_no"], r["_t"].strftime("%Y-%m"))
            a = by_card.setdefault(k, [0.0, 0.0, 0])
            a[0] += float(r["litres"])
            a[1] += float(r["amount"])
            a[2] += 1
    with open(folder / "fleet_billing.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "invoice_no",
                "account_id",
                "company_name",
                "company_type",
                "billing_month",
                "card_no",
                "fills",
                "litres",
                "amount_cny",
                "issued_at",
                "paid_at",
            ]
        )
        months = sorted({m for _, m in by_card})
        for acct, name, ctype, cards in COMPANIES:
            late = chance(0.25)
            for m in months:
                y, mo = int(m[:4]), int(m[5:])
                issued = datetime(y + (mo == 12), mo % 12 + 1, 3, 10, 0, 0) + timedelta(
                    hours=R.uniform(0, 30)
                )
                if issued >= END:
                    continue
                paid = issued + timedelta(days=R.uniform(20, 55) if late else R.uniform(3, 25))
                inv = f"INV{m.replace('-', '')}{acct[2:]}"
                for p in cards:
                    a = by_card.get((p.fleet_card, m))
                    if not a:
                        continue
                    w.writerow(
                        [
                            inv,
                            acct,
                            name,
                            ctype,
                            m,
                            p.fleet_card,
                            a[2],
                            f"{a[0]:.2f}",
                            f"{a[1]:.2f}",
                            bj(issued),
                            bj(paid) if paid < END else "",
                        ]
                    )
    with open(folder / "hotline_tickets.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "来电号码",
                "会员号",
                "油站编码",
                "受理时间",
                "首次响应时间",
                "办结时间",
                "问题类型",
                "受理渠道",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: (r[4], r[0])):
            w.writerow([*r[:4], bj(r[4]), bj(r[5]), bj(r[6]) if r[6] else "", *r[7:]])
    with open(folder / "visit_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["member_id", "station_code", "rated_at", "rating", "product"])
        for r in sorted(survey, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow([r[0], r[1], utc(r[2]), r[3], r[4]])
    with open(folder / "weekly_marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["周开始", "渠道", "花费(元)"])
        wk = START.date() - timedelta(days=START.weekday())
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            base = {"微信朋友圈": 18000, "抖音": 12000, "公路户外广告": 9000}
            if dt >= AMAP_LAUNCH - timedelta(days=6):
                base["高德合作"] = 22000
                base["滴滴合作"] = 6000
            for ch, amt in base.items():
                f_ = R.uniform(0.85, 1.15)
                if ch == "微信朋友圈" and inw(dt + timedelta(days=3), TOPUP_PROMO):
                    f_ *= 2.5
                if ch == "公路户外广告" and (
                    inw(dt + timedelta(days=3), SPRING) or inw(dt + timedelta(days=3), GUOQING)
                ):
                    f_ *= 2.0
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{amt * f_:.0f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="fuelstation-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        if os.environ.get("FUEL_KEEP"):
            shutil.copytree(folder, os.environ["FUEL_KEEP"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
