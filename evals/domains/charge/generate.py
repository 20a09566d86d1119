"""Evaluation domain `charge`: 电途充电 (DianTu Charging), an EV public-charging network app.

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  track/app_YYYYMM.csv        tracking vendor: app / 微信小程序 / 支付宝小程序 / 高德 plug-in events
                              (snake_case, some pinyin names, 4012 = invoice requested), area-code cities
  billing/bill_orders.csv     billing system: charging (CHG) and membership (VIP) orders, money in 分
  member/members.csv          member system: one row per registered driver (UTF-8 with BOM)
  kefu/工单导出.csv            ticket system (GB18030)
  rating/charge_rating.jsonl  in-app star rating after a charge
  finance/渠道费用日报.csv      finance's spend per register source per day, in 元

— copies `ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.
Standard library + duckdb only. Stories: see description.md.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
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
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261015
START = datetime(2025, 10, 15)
END = datetime(2026, 10, 15)  # as_of (Thursday); the data ends the day before
N_DAYS = (END - START).days

ALIPAY_BUG = datetime(2026, 7, 14)          # 支付宝小程序 payment SDK upgrade
DG_FIRMWARE = datetime(2026, 5, 11)         # 东莞 franchise piles firmware push
HOTLINE_OUTSOURCE = datetime(2026, 8, 1)    # 400电话 moved to an outsourced call centre
DITUI_PUSH = (datetime(2026, 9, 1), datetime(2026, 10, 1))  # 地推 "扫楼拉新" campaign
OEM_START = datetime(2026, 3, 1)            # 比亚迪 partnership (车企合作)
VALLEY_PROMO = datetime(2026, 7, 1)         # 谷时服务费5折
SZ_OCCUPY = datetime(2026, 5, 20)           # 深圳 starts charging 占位费
SPRING = (datetime(2026, 2, 13), datetime(2026, 2, 24))  # 春节

CITIES = ["广州", "深圳", "佛山", "东莞", "长沙", "南京", "苏州", "西安"]
CITY_W = [0.2, 0.18, 0.1, 0.12, 0.1, 0.1, 0.1, 0.1]
AREA = {"广州": "020", "佛山": "0757", "东莞": "0769", "深圳": "0755", "长沙": "0731", "南京": "025", "苏州": "0512", "西安": "029"}
REGION = {"广州": "华南", "深圳": "华南", "佛山": "华南", "东莞": "华南", "长沙": "华中", "南京": "华东", "苏州": "华东", "西安": "西北"}
N_STATIONS = {"广州": 80, "深圳": 75, "佛山": 40, "东莞": 50, "长沙": 40, "南京": 40, "苏州": 40, "西安": 35}
FRAN_SHARE = {"东莞": 0.7, "佛山": 0.6, "西安": 0.55}

SOURCES = ["APPSTORE", "WX_MP", "ALI_MP", "AMAP", "OEM", "DITUI"]
SRC_RATE = {"APPSTORE": 2.2, "WX_MP": 2.4, "ALI_MP": 1.1, "AMAP": 1.4, "OEM": 1.7, "DITUI": 0.6}
SRC_ZH = {"APPSTORE": "应用商店", "WX_MP": "微信小程序", "ALI_MP": "支付宝小程序", "AMAP": "高德地图", "OEM": "车企合作", "DITUI": "地推"}
BRANDS = ["比亚迪", "特斯拉", "蔚来", "小鹏", "理想", "其他"]
BRAND_W = [0.34, 0.12, 0.07, 0.09, 0.08, 0.30]
VTYPES = ["私家车", "网约车", "出租车"]
CLIENT_CODE = {"App": "APP", "微信小程序": "WXMP", "支付宝小程序": "ALIMP", "高德地图": "AMAP"}
CLIENT_OF = {"android": "App", "ios": "App", "wx_mp": "微信小程序", "ali_mp": "支付宝小程序", "amap": "高德地图"}

R = random.Random(SEED)


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


def within(ts: datetime) -> bool:
    return START <= ts < END


_HOURS = {
    "私家车": [1.5, 1, .8, .5, .3, .3, .5, 1, 2, 2, 2, 2.5, 3, 2.5, 2, 2, 2.5, 3, 4, 5, 5, 4.5, 3.5, 2.5],
    "网约车": [3, 3.5, 3, 2, 1, .5, .5, .5, 1, 1.5, 2, 3, 4, 4, 3.5, 2, 1.5, 1, 1, 1.5, 2, 2.5, 2.5, 2.5],
    "出租车": [2, 2, 2, 3, 4.5, 4, 1.5, .5, .5, 1, 1.5, 2, 2.5, 2.5, 3, 4.5, 4, 1.5, 1, 1, 1, 1.5, 1.5, 1.5],
    "day": [.3, .2, .1, .1, .1, .2, .5, 1, 2, 2.5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2.5, 1.5, .8],
}
_CUM = {k: list(itertools.accumulate(v)) for k, v in _HOURS.items()}


def at(day: date, kind: str) -> datetime:
    hour = R.choices(range(24), cum_weights=_CUM[kind])[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def period_of(ts: datetime) -> str:
    h = ts.hour
    if h < 8:
        return "谷"
    if 10 <= h < 12 or 14 <= h < 19:
        return "峰"
    return "平"


ELEC = {"峰": 1.02, "平": 0.68, "谷": 0.31}  # 元 / kWh

# stations
STATIONS: dict[str, list[tuple[str, str, str]]] = {}  # city -> [(code, city, mode)]
_codes = R.sample(range(1000, 9999), sum(N_STATIONS.values()))
_i = 0
for _c in CITIES:
    lst = []
    for _ in range(N_STATIONS[_c]):
        mode = "FRAN" if chance(FRAN_SHARE.get(_c, 0.4)) else "SELF"
        lst.append((f"ST{_codes[_i]}", _c, mode))
        _i += 1
    STATIONS[_c] = lst


class Person:
    def __init__(self, idx: int):
        self.idx = idx
        self.device = md5(f"dev-{idx}")[:16]
        self.member_no = None
        self.phone = md5(f"13{idx:09d}")
        self.source = None
        self.vtype = "私家车"
        self.brand = "其他"
        self.city = pick(CITIES, CITY_W)
        self.client = "android"
        self.reg_ts = None
        self.vip_until = None
        self.vip_level = None
        self.coupon = 0
        self.fav = R.sample(STATIONS[self.city], 3)


track_rows: list[tuple] = []   # (ts, device, member_no, client, event, station, city_code, order_no)
bill_rows: list[tuple] = []
member_rows: list[tuple] = []
ticket_rows: list[tuple] = []
rating_rows: list[dict] = []
coupon_cost: dict[tuple[date, str], float] = {}
persons: list[Person] = []
_seq = {"order": 0, "ticket": 0, "member": 0}


def nxt(kind: str) -> int:
    _seq[kind] += 1
    return _seq[kind]


def track(p: Person, ts: datetime, event: str, station=None, order_no: str = "", client=None) -> bool:
    if not within(ts):
        return False
    known = p.reg_ts is not None and ts >= p.reg_ts
    track_rows.append((ts, p.device, p.member_no if known else "", client or p.client, event,
                       station[0] if station else "", AREA[station[1]] if station else "", order_no))
    return True


def ticket(p: Person, ts: datetime, category: str, city: str, complaint_p: float = 0.1) -> None:
    if not within(ts):
        return
    ch = pick(["app客服", "400电话", "微信"], [0.45, 0.35, 0.2])
    if ch == "400电话":
        med = 4.5 if ts < HOTLINE_OUTSOURCE else 11.0
    elif ch == "app客服":
        med = 12.0
    else:
        med = 35.0
    first = ts + timedelta(minutes=max(0.5, med * math.exp(R.gauss(0, 0.6))))
    res_med = {"充电桩故障": 6, "扣费异常": 20, "占位费争议": 30, "发票": 40}[category]
    resolved = first + timedelta(hours=res_med * math.exp(R.gauss(0, 0.7)))
    if resolved >= END or chance(0.015):
        resolved = None
    complaint = chance(complaint_p)
    csat = ""
    if resolved and chance(0.55):
        mean = {"充电桩故障": 3.9, "扣费异常": 3.5, "占位费争议": 3.0, "发票": 4.2}[category]
        if category == "占位费争议" and city == "深圳":
            mean = 2.1
        if ch == "400电话" and ts >= HOTLINE_OUTSOURCE:
            mean -= 0.5
        if complaint:
            mean -= 0.8
        csat = str(min(5, max(1, round(R.gauss(mean, 0.9)))))
    ticket_rows.append((f"GD{ts:%y%m%d}{nxt('ticket'):05d}", p.phone, ch, category, "是" if complaint else "否",
                        city, ts, first, resolved, csat))


def buy_vip(p: Person, ts: datetime) -> None:
    if not within(ts):
        return
    client = p.client
    track(p, ts, "vip_page")
    level = p.vip_level or pick(["银卡", "金卡"], [0.68, 0.32])
    if not chance(0.5 if p.vip_level is None else 0.8):
        return
    t = ts + timedelta(minutes=R.uniform(0.5, 4))
    price = 1990 if level == "银卡" else 3990
    no = f"VP{t:%Y%m%d}{nxt('order'):06d}"
    bill_rows.append((no, p.member_no, "VIP", t, CLIENT_OF[client], "", "", "", "", "", "", "", "", "",
                      price, "PAID", level))
    p.vip_level = level
    p.vip_until = t + timedelta(days=30)


def session(p: Person, ts: datetime, first: bool = False) -> bool:
    """A charging session; returns True when the car was charged."""
    if not within(ts):
        return False
    st = R.choice(p.fav) if chance(0.75) else R.choice(STATIONS[p.city])
    code, city, mode = st
    if CLIENT_OF[p.client] == "App" and chance(0.5):
        track(p, ts - timedelta(minutes=R.uniform(0.5, 6)), "app_open")
    if p.coupon == 0 and chance(0.05):
        track(p, ts - timedelta(hours=R.uniform(0.2, 30)), "coupon_claim")
        p.coupon = R.choice([500, 800, 1000])
    t = ts
    charged = False
    for attempt in range(3):
        track(p, t, "scan_qr", st)
        p_fail, p_gun = 0.035, 0.015
        if city == "东莞" and mode == "FRAN" and t >= DG_FIRMWARE:
            p_fail, p_gun = 0.17, 0.07
        u = R.random()
        if u < p_fail + p_gun:
            ev = "qidong_shibai" if u < p_fail else "gun_fault"
            track(p, t + timedelta(seconds=R.uniform(20, 90)), ev, st)
            if chance(0.22):
                ticket(p, t + timedelta(minutes=R.uniform(2, 40)), "充电桩故障", city, 0.12)
            if not chance(0.6):
                return False
            t = t + timedelta(minutes=R.uniform(2, 8))
            if chance(0.5):
                st = R.choice(STATIONS[city])
                code, city, mode = st
            continue
        charged = True
        break
    if not charged:
        return False
    t_start = t + timedelta(seconds=R.uniform(30, 120))
    track(p, t_start, "start_charge", st)
    kwh = {"私家车": R.uniform(15, 48), "网约车": R.uniform(28, 62), "出租车": R.uniform(32, 66)}[p.vtype]
    minutes = kwh / R.uniform(35, 70) * 60 + R.uniform(3, 10)
    t_done = t_start + timedelta(minutes=minutes)
    track(p, t_done, "charge_done", st)
    per = period_of(t_start)
    svc_rate = 0.6 if mode == "SELF" else 0.7
    if per == "谷" and t_start >= VALLEY_PROMO:
        svc_rate *= 0.5
    elec = round(kwh * ELEC[per] * 100)
    svc = round(kwh * svc_rate * 100)
    disc = 0
    if p.vip_until and t_start < p.vip_until:
        disc += round(svc * (0.2 if p.vip_level == "银卡" else 0.4))
    if p.coupon:
        c = min(p.coupon, svc - disc)
        disc += c
        key = (t_start.date(), p.source or "APPSTORE")
        coupon_cost[key] = coupon_cost.get(key, 0.0) + c / 100
        p.coupon = 0
    occupy = 0
    if city == "深圳" and t_start >= SZ_OCCUPY and chance(0.18):
        occupy = R.choice([500, 1000, 1500, 2000, 3000])
    no = f"CD{t_done:%Y%m%d}{nxt('order'):06d}"
    amount = elec + svc + occupy - disc
    t_bill = t_done + timedelta(seconds=R.uniform(5, 60))
    # payment
    p_pf = 0.03
    retry = 0.8
    if p.client == "ali_mp" and t_done >= ALIPAY_BUG:
        p_pf, retry = 0.27, 0.55
    paid_at = None
    if chance(p_pf):
        t_f = t_bill + timedelta(minutes=R.uniform(0.3, 3))
        track(p, t_f, "zhifu_shibai", st, no)
        if chance(0.12 if p_pf < 0.1 else 0.2):
            ticket(p, t_f + timedelta(minutes=R.uniform(5, 600)), "扣费异常", city, 0.2)
        if chance(retry):
            paid_at = t_f + timedelta(minutes=R.uniform(2, 180) if chance(0.7) else R.uniform(180, 4000))
    else:
        paid_at = t_bill + timedelta(minutes=R.uniform(0.2, 4))
    if paid_at is not None and not within(paid_at):
        paid_at = None
    if paid_at is not None:
        track(p, paid_at, "pay_ok", st, no)
    if within(t_bill):
        bill_rows.append((no, p.member_no, "CHG", t_bill, CLIENT_OF[p.client], code, city, mode, per,
                          f"{kwh:.2f}", elec, svc, disc, occupy if occupy else "",
                          amount if paid_at else "", "PAID" if paid_at else "UNPAID", ""))
    if occupy and chance(0.45):
        ticket(p, t_done + timedelta(hours=R.uniform(0.5, 30)), "占位费争议", city, 0.45)
    if chance(0.009):
        ticket(p, t_done + timedelta(hours=R.uniform(1, 48)), "扣费异常", city, 0.15)
    if chance(0.012):
        ticket(p, t_done + timedelta(minutes=R.uniform(5, 300)), "充电桩故障", city, 0.08)
    if paid_at and chance(0.08):
        stars = 5 if chance(0.55) else R.choice([4, 4, 3, 2, 1])
        if city == "东莞" and mode == "FRAN" and t_done >= DG_FIRMWARE and chance(0.4):
            stars = R.choice([1, 2, 3])
        tag = R.choice(["充电快", "车位好找", "价格实惠", "枪头难用", "占位严重", "环境一般", ""])
        rating_rows.append({"member_no": p.member_no, "rated_at": f"{paid_at + timedelta(minutes=R.uniform(1, 30)):%Y-%m-%d %H:%M:%S}",
                            "client": p.client, "stars": stars, "tag": tag, "city": city})
    inv_p = {"私家车": 0.025, "网约车": 0.05, "出租车": 0.04}[p.vtype]
    if paid_at and chance(inv_p):
        t_i = paid_at + timedelta(minutes=R.uniform(1, 600))
        track(p, t_i, "fapiao_ye", st)
        if chance(0.72):
            track(p, t_i + timedelta(minutes=R.uniform(0.5, 5)), "4012", st, no)
            if chance(0.15):
                ticket(p, t_i + timedelta(days=R.uniform(1, 5)), "发票", city, 0.05)
    return True


def life(p: Person, first_ts: datetime) -> None:
    """Charging life after the first session, until the driver churns."""
    mean_days = {"私家车": 110, "网约车": 190, "出租车": 210}[p.vtype]
    if p.source == "OEM":
        mean_days = 420
    churn = first_ts + timedelta(days=R.expovariate(1 / mean_days))
    rate = {"私家车": 0.16, "网约车": 0.5, "出租车": 0.55}[p.vtype]  # sessions per week
    if p.source == "OEM":
        rate *= 1.8  # the carmaker's monthly charging vouchers
    t = first_ts
    while True:
        t = t + timedelta(days=R.expovariate(rate / 7))
        if t >= churn or t >= END:
            break
        if inw(t, SPRING) and chance(0.3 if p.vtype == "私家车" else 0.65):
            continue
        ts = at(t.date(), p.vtype)
        if ts >= VALLEY_PROMO and ts.hour >= 8 and chance({"私家车": 0.38, "网约车": 0.22, "出租车": 0.1}[p.vtype]):
            ts = ts.replace(hour=R.choice([0, 1, 1, 2, 2, 3, 4, 5, 6, 7]))  # moved to the valley tariff
        if p.member_no and (p.vip_until is None or ts >= p.vip_until):
            vp = {"私家车": 0.02, "网约车": 0.1, "出租车": 0.08}[p.vtype]
            if p.vip_level and p.vip_until and ts - p.vip_until < timedelta(days=25):
                vp = 0.75
            if chance(vp):
                buy_vip(p, ts - timedelta(minutes=R.uniform(10, 300)))
        session(p, ts)


def new_driver(idx: int, src: str, day: date) -> Person:
    p = Person(idx)
    p.source = src
    p.vtype = pick(VTYPES, [0.92, 0.06, 0.02] if src == "OEM" else [0.71, 0.23, 0.06])
    p.brand = "比亚迪" if src == "OEM" else pick(BRANDS, BRAND_W)
    p.client = {"APPSTORE": pick(["android", "ios"], [0.6, 0.4]), "OEM": pick(["android", "ios"], [0.7, 0.3]),
                "DITUI": "android", "WX_MP": "wx_mp", "ALI_MP": "ali_mp", "AMAP": "amap"}[src]
    ditui_push = src == "DITUI" and inw(datetime(day.year, day.month, day.day), DITUI_PUSH)
    t = at(day, "day")
    track(p, t, "app_open")
    t_reg = t + timedelta(minutes=R.uniform(1, 15))
    p.member_no = f"DT{nxt('member') + 1000000:07d}"
    p.reg_ts = t_reg
    track(p, t_reg, "zhuce_ok")
    if chance(0.7):
        track(p, t_reg + timedelta(minutes=R.uniform(0.5, 5)), "coupon_claim")
        p.coupon = 1000
    bind_p = 0.3 if ditui_push else (0.62 if src == "DITUI" else (0.95 if src == "OEM" else 0.8))
    if not chance(bind_p):
        return p
    t_bind = t_reg + timedelta(minutes=R.uniform(1, 20) if chance(0.7) else R.uniform(60, 4000))
    track(p, t_bind, "bind_car")
    first_p = 0.28 if ditui_push else (0.9 if src == "OEM" else 0.74)
    if not chance(first_p):
        return p
    t_first = t_bind + timedelta(days=R.expovariate(1 / 2.5))
    t_first = at(t_first.date(), p.vtype) if t_first.date() > t_bind.date() else t_bind + timedelta(minutes=R.uniform(5, 120))
    if session(p, t_first, first=True) or chance(0.5):
        life(p, t_first)
    return p


def existing_driver(idx: int) -> Person:
    p = Person(idx)
    p.source = pick(SOURCES[:4] + ["DITUI"], [0.35, 0.3, 0.1, 0.15, 0.1])
    p.vtype = pick(VTYPES, [0.62, 0.3, 0.08])
    p.brand = pick(BRANDS, BRAND_W)
    p.client = {"APPSTORE": pick(["android", "ios"], [0.6, 0.4]), "DITUI": "android", "WX_MP": "wx_mp",
                "ALI_MP": "ali_mp", "AMAP": "amap"}[p.source]
    p.member_no = f"DT{nxt('member') + 1000000:07d}"
    p.reg_ts = START - timedelta(days=R.uniform(20, 600), minutes=R.uniform(0, 1400))
    first = START + timedelta(days=R.uniform(0, 12))
    life(p, first)
    return p


def visitor(idx: int, day: date) -> Person:
    p = Person(idx)
    p.client = pick(["android", "ios", "wx_mp", "ali_mp", "amap"], [0.35, 0.2, 0.25, 0.08, 0.12])
    t = at(day, "day")
    track(p, t, "app_open")
    if chance(0.3):
        track(p, t + timedelta(minutes=R.uniform(3, 600)), "app_open")
    return p


def simulate() -> None:
    idx = 0
    for _ in range(480):
        idx += 1
        persons.append(existing_driver(idx))
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        wk = 1.15 if d.weekday() >= 5 else 1.0
        for src in SOURCES:
            lam = SRC_RATE[src] * wk
            if src == "OEM" and dt < OEM_START:
                continue
            if src == "DITUI" and inw(dt, DITUI_PUSH):
                lam = 3.4
            if inw(dt, SPRING):
                lam *= 0.5
            for _ in range(poisson(lam)):
                idx += 1
                persons.append(new_driver(idx, src, d))
        for _ in range(poisson(2.0 * wk)):
            idx += 1
            persons.append(visitor(idx, d))


def f_ts(ts, fmt="%Y-%m-%d %H:%M:%S"):
    return ts.strftime(fmt) if ts else ""


def write_sources(folder: Path) -> None:
    tdir = folder / "track"
    tdir.mkdir()
    by_month: dict[str, list] = {}
    for row in sorted(track_rows, key=lambda r: (r[0], r[1], r[4])):
        by_month.setdefault(f"{row[0]:%Y%m}", []).append(row)
    for month, rows in sorted(by_month.items()):
        with open(tdir / f"app_{month}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["event_time", "device_id", "member_no", "client", "event_name", "station_code", "city_code", "order_no"])
            for ts, dev, mem, client, ev, st, cc, no in rows:
                w.writerow([f_ts(ts), dev, mem, client, ev, st, cc, no])
            if month == "202602":  # the vendor re-sent a row, and one impossible date
                ts, dev, mem, client, ev, st, cc, no = rows[100]
                w.writerow([f_ts(ts), dev, mem, client, ev, st, cc, no])
                w.writerow(["2026-02-30 09:12:00", dev, mem, client, "app_open", "", "", ""])

    (folder / "billing").mkdir()
    with open(folder / "billing" / "bill_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "member_no", "order_type", "settle_time", "client", "station_code", "city_name",
                    "op_mode", "tou_period", "kwh", "elec_fee_fen", "service_fee_fen", "discount_fen",
                    "occupy_fee_fen", "paid_fen", "pay_status", "vip_level"])
        for r in sorted(bill_rows, key=lambda r: (r[3], r[0])):
            r = list(r)
            r[3] = f_ts(r[3], "%Y/%m/%d %H:%M:%S")
            w.writerow(r)

    (folder / "member").mkdir()
    with open(folder / "member" / "members.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["会员号", "手机号MD5", "注册时间", "注册来源", "车辆品牌", "车辆类型", "会员等级", "常驻城市", "大区"])
        for p in sorted((p for p in persons if p.member_no), key=lambda p: p.member_no):
            tier = p.vip_level if p.vip_until and p.vip_until >= END else "普通"
            w.writerow([p.member_no, p.phone, f_ts(p.reg_ts), p.source, p.brand, p.vtype, tier, p.city, REGION[p.city]])

    (folder / "kefu").mkdir()
    with open(folder / "kefu" / "工单导出.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["工单编号", "客户手机号MD5", "受理渠道", "问题分类", "是否投诉", "城市", "创建时间", "首次响应时间", "办结时间", "满意度"])
        for r in sorted(ticket_rows, key=lambda r: r[0]):
            tid, phone, ch, cat, comp, city, opened, first, resolved, csat = r
            fm = "%Y/%m/%d %H:%M"
            w.writerow([tid, phone, ch, cat, comp, city, f_ts(opened, fm), f_ts(first, fm), f_ts(resolved, fm), csat])

    (folder / "rating").mkdir()
    with open(folder / "rating" / "charge_rating.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(rating_rows, key=lambda r: (r["rated_at"], r["member_no"])):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    (folder / "finance").mkdir()
    regs: dict[tuple[date, str], int] = {}
    for p in persons:
        if p.member_no and p.reg_ts >= START:
            key = (p.reg_ts.date(), p.source)
            regs[key] = regs.get(key, 0) + 1
    with open(folder / "finance" / "渠道费用日报.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["日期", "渠道", "费用项目", "金额元"])
        base = {"APPSTORE": ("应用商店投放", 1300), "WX_MP": ("朋友圈广告", 900), "ALI_MP": ("支付宝推广", 450),
                "AMAP": ("高德导航推广", 700)}
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            for src, (item, amount) in base.items():
                w.writerow([f"{d:%Y-%m-%d}", SRC_ZH[src], item, f"{amount * R.uniform(0.85, 1.15):.2f}"])
            if dt >= OEM_START:
                w.writerow([f"{d:%Y-%m-%d}", SRC_ZH["OEM"], "车企合作分成", f"{380 * R.uniform(0.9, 1.1):.2f}"])
            n = regs.get((d, "DITUI"), 0)
            if n:
                w.writerow([f"{d:%Y-%m-%d}", SRC_ZH["DITUI"], "地推拉新佣金", f"{n * 30:.2f}"])
            if inw(dt, DITUI_PUSH):
                w.writerow([f"{d:%Y-%m-%d}", SRC_ZH["DITUI"], "扫楼拉新活动", f"{R.uniform(1500, 2200):.2f}"])
            for src in SOURCES:
                c = coupon_cost.get((d, src))
                if c:
                    w.writerow([f"{d:%Y-%m-%d}", SRC_ZH[src], "优惠券补贴", f"{c:.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="charge-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
