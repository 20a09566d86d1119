"""Ridehail evaluation domain: 快车出行 (KuaiChe), a ride-hailing app in 成都, 重庆 and 昆明.

    python generate.py OUT.duckdb

Writes KuaiChe's own exports (seeded: the same files every run) to a temporary folder —

  trip_status_log.csv     trip system: one row per trip status change, English columns, ISO UTC (Z),
                          rider_id, driver_id, city code, car_type, fare_fen (分)
  app_events.jsonl        app / mini-program event log: epoch milliseconds, device_id always,
                          user_id only after login / sign-up, launch source
  gaode_orders.csv        高德地图 aggregator export: Chinese headers, local 'YYYY-MM-DD HH:mm:ss',
                          高德's own status words, 高德用户ID and 手机号哈希
  riders.csv              rider accounts: rider_id, phone_hash, registered_at (UTC), city, source
  payments.csv            payments: local 'YYYY/MM/DD HH:MM:SS', 元, WECHAT/ALIPAY/CORP
  ratings.csv             rating export (1-5 stars) after completed trips
  complaint_tickets.csv   customer-service tickets (绕路, 司机态度, 遗失物品, 多收费, 其他)
  marketing_monthly.csv   monthly marketing sheet in 元 (抖音, 应用商店, 高德佣金, 邀请奖励)

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
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of; data ends the day before
N_DAYS = (END - START).days
KUNMING_LAUNCH = datetime(2026, 5, 18)  # Monday
CNY = (datetime(2026, 2, 9), datetime(2026, 2, 24))  # 春节 surge (春节 = 17 Feb 2026)
OUTAGE = (datetime(2026, 7, 22), datetime(2026, 7, 24))  # matching-system outage 22-23 July
POOL_CUT = datetime(2026, 9, 1)  # 拼车 price cut
RAIN = (datetime(2026, 6, 1), datetime(2026, 7, 1))  # 重庆 rainy season
GAODE_RISE = datetime(2026, 10, 1)  # 高德 commission 12% -> 18%

R = random.Random(SEED)

CITIES = ["成都", "重庆", "昆明"]
CITY_CODE = {"成都": "CTU", "重庆": "CKG", "昆明": "KMG"}
SOURCES = ["应用商店", "抖音", "高德地图", "微信小程序", "好友邀请"]
SOURCE_W = [0.3, 0.24, 0.2, 0.16, 0.1]
# how the app log writes launch sources
LAUNCH = {
    "应用商店": "appstore",
    "抖音": "douyin_ad",
    "微信小程序": "wechat_mp",
    "好友邀请": "invite_link",
}
CAR_CODE = {"快车": "EXPRESS", "专车": "PREMIUM", "拼车": "POOL"}
HOURS = [
    0.4,
    0.2,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    2.5,
    4,
    2.5,
    1.6,
    1.6,
    2,
    1.8,
    1.5,
    1.6,
    2,
    2.8,
    4,
    3.5,
    2.6,
    2.2,
    1.8,
    1,
]


def chance(p):
    return R.random() < p


def pick(opts, w):
    return R.choices(opts, weights=w)[0]


def h(text, n=12):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


trips, app, gaode, riders, pays, ratings, tickets = ([] for _ in range(7))
seq = {"trip": 100000, "gd": 0, "pay": 0, "tk": 0, "rider": 20000, "dev": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


DRIVERS = {
    c: [f"D{CITY_CODE[c]}{i:04d}" for i in range(n)]
    for c, n in (("成都", 420), ("重庆", 380), ("昆明", 150))
}


class Person:
    def __init__(self, city, source, day0):
        self.city = city
        self.source = source
        self.day0 = day0
        self.device = None
        self.rider = None
        self.gaode = None
        self.phone = h(f"phone{nxt('dev')}", 16)
        self.corp = chance(0.08)


def fare_fen(car, km, ts):
    per_km, base = {"快车": (2.0, 8.0), "专车": (3.6, 15.0), "拼车": (2.0, 8.0)}[car]
    v = base + per_km * km
    if car == "拼车":
        v *= 0.55 if ts >= POOL_CUT else 0.78
    if inw(ts, CNY):
        v *= 1.4
    return round(v * 100)


def choose_car(ts):
    if ts >= POOL_CUT:
        return pick(["快车", "专车", "拼车"], [0.53, 0.13, 0.34])
    return pick(["快车", "专车", "拼车"], [0.66, 0.15, 0.19])


def trip(p, t, via_gaode, client="app"):
    """A ride request and everything after it. Returns True when the trip completed."""
    car = choose_car(t)
    km = max(1.2, math.exp(R.gauss(math.log(7), 0.6)))
    city = p.city
    p_timeout = 0.05
    wait_s = R.expovariate(1 / 45)
    arrive_min = R.uniform(3, 9)
    p_cancel_before = 0.05
    p_cancel_after = 0.05
    if inw(t, CNY):
        p_timeout, wait_s, arrive_min = 0.32, R.expovariate(1 / 260), R.uniform(8, 22)
        p_cancel_before = 0.12
    if inw(t, OUTAGE):
        p_timeout = 0.7
        wait_s = R.uniform(120, 600)
    if city == "重庆" and inw(t, RAIN):
        arrive_min = R.uniform(8, 20)
        p_cancel_before, p_cancel_after = 0.14, 0.2
    if city == "昆明" and t < KUNMING_LAUNCH + timedelta(days=30):
        arrive_min *= 1.4
    if car == "拼车":
        wait_s *= 1.6
    rows = []  # (status, ts, extra)
    rows.append(("requested", t))
    cancel_stage = ""
    matched = None
    if chance(p_cancel_before):
        rows.append(("cancelled", t + timedelta(seconds=R.uniform(10, 90) + wait_s * 0.5)))
        cancel_stage = "before_match"
    elif chance(p_timeout):
        rows.append(("timeout", t + timedelta(seconds=180)))
    else:
        matched = t + timedelta(seconds=wait_s + 3)
        rows.append(("matched", matched))
        arrived = matched + timedelta(minutes=arrive_min)
        if chance(p_cancel_after):
            rows.append(("cancelled", matched + timedelta(minutes=R.uniform(0.5, arrive_min))))
            cancel_stage = "after_match"
        else:
            rows.append(("arrived", arrived))
            started = arrived + timedelta(minutes=R.uniform(0.5, 4))
            rows.append(("started", started))
            done = started + timedelta(minutes=km * R.uniform(2.2, 3.6) + 3)
            rows.append(("completed", done))
    rows = [r for r in rows if within(r[1])]
    driver = R.choice(DRIVERS[city]) if matched else ""
    fen = fare_fen(car, km, t)
    completed = any(s == "completed" for s, _ in rows)
    if via_gaode:
        oid = f"GD{t:%Y%m%d}{nxt('gd'):06d}"
        words = {
            "requested": "已下单",
            "matched": "司机已接单",
            "timeout": "无司机应答",
            "cancelled": "乘客已取消",
            "arrived": "司机已到达",
            "started": "行程中",
            "completed": "行程已完成",
        }
        for s, ts in rows:
            gaode.append(
                (
                    oid,
                    p.gaode,
                    p.phone,
                    city + "市",
                    car,
                    words[s],
                    ts,
                    f"{fen / 100:.2f}" if s == "completed" else "",
                    driver if s != "requested" else "",
                )
            )
    else:
        oid = f"T{nxt('trip')}"
        for s, ts in rows:
            trips.append(
                (
                    oid,
                    p.rider,
                    driver if s not in ("requested",) else "",
                    CITY_CODE[city],
                    CAR_CODE[car],
                    s.upper(),
                    ts,
                    str(fen) if s == "completed" else "",
                    f"{km:.1f}" if s == "completed" else "",
                    cancel_stage if s == "cancelled" else "",
                    client,
                )
            )
    if not completed:
        return False
    done = rows[-1][1]
    pay_t = done + timedelta(seconds=R.uniform(20, 900))
    method = "CORP" if p.corp and chance(0.85) else pick(["WECHAT", "ALIPAY"], [0.6, 0.4])
    if within(pay_t):
        pays.append(
            (
                f"P{nxt('pay'):08d}",
                oid,
                p.rider or "",
                p.gaode or "",
                pay_t,
                f"{fen / 100:.2f}",
                method,
                CAR_CODE[car],
                CITY_CODE[city],
            )
        )
    stars = None
    if chance(0.42):
        mean = 4.6
        if inw(t, CNY):
            mean = 3.9
        if city == "重庆" and inw(t, RAIN):
            mean = 4.1
        stars = max(1, min(5, round(R.gauss(mean, 0.7))))
        rt = done + timedelta(minutes=R.uniform(1, 600))
        if within(rt):
            ratings.append((oid, p.rider or "", p.gaode or "", driver, rt, stars))
    p_comp = 0.025 + (0.05 if stars is not None and stars <= 2 else 0)
    if inw(t, CNY):
        p_comp += 0.02
    if chance(p_comp):
        kind = pick(["绕路", "司机态度", "遗失物品", "多收费", "其他"], [0.3, 0.25, 0.15, 0.2, 0.1])
        if inw(t, CNY):
            kind = pick(["多收费", "司机态度", "绕路"], [0.5, 0.3, 0.2])
        op = done + timedelta(minutes=R.uniform(5, 2000))
        ch = pick(["App在线客服", "客服热线"], [0.65, 0.35])
        fr = op + timedelta(minutes=R.uniform(2, 60) if ch == "客服热线" else R.uniform(5, 240))
        if inw(op, CNY):
            fr += timedelta(hours=R.uniform(2, 20))
        res = fr + timedelta(hours=R.uniform(1, 72))
        csat = max(1, min(5, round(R.gauss(3.6, 1.0)))) if chance(0.5) else ""
        if within(op):
            tickets.append(
                (
                    f"TK{nxt('tk'):06d}",
                    p.rider or "",
                    p.gaode or "",
                    oid,
                    op,
                    fr if fr < END else None,
                    res if res < END else None,
                    kind,
                    "否" if kind == "遗失物品" else "是",
                    ch,
                    csat,
                )
            )
    return True


def app_ev(p, ts, name, source, extra=None):
    if not within(ts):
        return
    app.append((ts, p.device, p.rider or "", name, source, CITY_CODE[p.city], extra or {}))


def register(p, ts):
    p.rider = f"R{nxt('rider')}"
    riders.append((p.rider, p.phone, ts, p.city, p.source, "企业" if p.corp else "个人"))


def at(day):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(day.year, day.month, day.day, hr, R.randrange(60), R.randrange(60))


def app_session(p, t, source, first):
    """App open → (sign up) → destination → estimate → request."""
    client = "mini" if p.source == "微信小程序" else "app"
    app_ev(p, t, "app_open", source)
    t += timedelta(seconds=R.uniform(5, 40))
    if first:
        if not chance(0.78):
            return
        register(p, t)
        app_ev(p, t, "sign_up", source)
        t += timedelta(seconds=R.uniform(20, 90))
    if not chance(0.9):
        return
    app_ev(p, t, "destination_entered", source)
    t += timedelta(seconds=R.uniform(5, 30))
    car = choose_car(t)
    app_ev(p, t, "price_estimate", source, {"car_type": CAR_CODE[car]})
    p_req = 0.8
    if inw(t, CNY):
        p_req = 0.7
    if not chance(p_req):
        return
    trip(p, t + timedelta(seconds=R.uniform(5, 40)), False, client)


def rider_life(day0):
    city = pick(
        CITIES,
        [
            0.5,
            0.5,
            0.0
            if day0 < KUNMING_LAUNCH
            else (0.6 if day0 < KUNMING_LAUNCH + timedelta(21) else 0.3),
        ],
    )
    if day0 >= KUNMING_LAUNCH and city != "昆明" and chance(0.12):
        city = "昆明"
    w = list(SOURCE_W)
    if city == "昆明":
        w = [0.25, 0.4, 0.15, 0.12, 0.08]  # launch pushed on 抖音
    src = pick(SOURCES, w)
    p = Person(city, src, day0)
    rate = math.exp(R.gauss(math.log(0.35), 0.8))  # trips per week
    life = R.expovariate(1 / 150)
    t = at(day0)
    first = True
    while within(t) and (t - day0).days <= life:
        if src == "高德地图" and p.rider is None:
            if p.gaode is None:
                p.gaode = "gd_" + h(f"gaode{p.phone}", 14)
            if not trip(p, t, True) and first and chance(0.5):
                life = min(life, 3)
            if chance(0.03):  # installs the app and registers with the same phone
                p.device = "dev-" + h(f"dev{nxt('dev')}", 16)
                app_ev(p, t + timedelta(days=1), "app_open", "appstore")
                register(p, t + timedelta(days=1, seconds=30))
                app_ev(p, t + timedelta(days=1, seconds=30), "sign_up", "appstore")
        else:
            if p.device is None:
                p.device = ("wx-" if src == "微信小程序" else "dev-") + h(f"dev{nxt('dev')}", 16)
            if first:
                source = LAUNCH[src]
            elif src == "微信小程序":
                source = "wechat_mp"
            else:
                source = pick(["direct", "douyin_ad", "invite_link"], [0.9, 0.07, 0.03])
            app_session(p, t, source, first)
            if first and p.rider is None:
                if chance(0.3):  # comes back another day and signs up
                    t = at(t + timedelta(days=R.uniform(1, 10)))
                    app_session(p, t, "direct", True)
                if p.rider is None:
                    return
        first = False
        gap = R.expovariate(rate / 7)
        t = at(t + timedelta(days=max(0.3, gap)))


def simulate():
    n = 0
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        lam = 15.0 * (1 + 0.12 * math.sin((k / 365) * 2 * math.pi))
        if d.weekday() >= 4:
            lam *= 1.15
        if inw(d, CNY):
            lam *= 1.3
        if d >= KUNMING_LAUNCH:
            lam += 7.0 if d < KUNMING_LAUNCH + timedelta(21) else 3.5
        for _ in range(int(lam) + (1 if chance(lam - int(lam)) else 0)):
            rider_life(d)
            n += 1
    return n


def utc(ts):  # naive Shanghai local -> UTC ISO with Z
    return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"


def epoch_ms(ts):
    return int(
        ((ts - timedelta(hours=8)) - datetime(1970, 1, 1)).total_seconds() * 1000
    ) + R.randrange(1000)


def write(folder: Path):
    with open(folder / "trip_status_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "trip_id",
                "rider_id",
                "driver_id",
                "city_code",
                "car_type",
                "status",
                "status_time_utc",
                "fare_fen",
                "distance_km",
                "cancel_stage",
                "client",
            ]
        )
        for r in sorted(trips, key=lambda r: (r[6], r[0], r[5])):
            w.writerow([*list(r[:6]), utc(r[6]), *list(r[7:])])
    with open(folder / "app_events.jsonl", "w") as f:
        for ts, dev, uid, name, source, cc, extra in sorted(app, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "ts": epoch_ms(ts),
                "device_id": dev,
                "user_id": uid or None,
                "event": name,
                "source": source,
                "city": cc,
            }
            obj.update(extra)
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "gaode_orders.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单编号",
                "高德用户ID",
                "手机号哈希",
                "城市",
                "车型",
                "订单状态",
                "状态时间",
                "订单金额(元)",
                "司机编号",
            ]
        )
        for r in sorted(gaode, key=lambda r: (r[6], r[0])):
            w.writerow([*list(r[:6]), f"{r[6]:%Y-%m-%d %H:%M:%S}", *list(r[7:])])
    with open(folder / "riders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["rider_id", "phone_hash", "registered_at", "home_city", "signup_source", "rider_type"]
        )
        for r in sorted(riders, key=lambda r: r[0]):
            if within(r[2]):
                w.writerow([r[0], r[1], utc(r[2]), r[3], r[4], r[5]])
    with open(folder / "payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "pay_no",
                "order_no",
                "rider_id",
                "gaode_uid",
                "paid_at",
                "amount_yuan",
                "pay_method",
                "biz_line",
                "city_code",
            ]
        )
        for r in sorted(pays, key=lambda r: r[0]):
            w.writerow([*list(r[:4]), f"{r[4]:%Y/%m/%d %H:%M:%S}", *list(r[5:])])
    with open(folder / "ratings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "rider_id", "gaode_uid", "driver_id", "rated_at", "stars"])
        for r in sorted(ratings, key=lambda r: (r[4], r[0])):
            w.writerow([*list(r[:4]), f"{r[4]:%Y-%m-%d %H:%M:%S}", r[5]])

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "complaint_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "乘客ID",
                "高德用户ID",
                "订单号",
                "创建时间",
                "首次回复时间",
                "结案时间",
                "问题类型",
                "是否投诉",
                "受理渠道",
                "满意度",
            ]
        )
        for r in tickets:
            w.writerow([r[0], r[1], r[2], r[3], fmt(r[4]), fmt(r[5]), fmt(r[6]), *list(r[7:])])
    # monthly marketing sheet; 高德佣金 is commission on 高德 GMV
    gmv = {}
    for r in gaode:
        if r[5] == "行程已完成":
            key = f"{r[6]:%Y-%m}"
            gmv[key] = gmv.get(key, 0.0) + float(r[7])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "费用(元)"])
        m = datetime(START.year, START.month, 1)
        while m < END:
            key = f"{m:%Y-%m}"
            douyin = 60000 * R.uniform(0.9, 1.1)
            if m.month in (5, 6) and m.year == 2026:
                douyin += 90000  # 昆明 launch campaign
            w.writerow([key, "抖音", f"{douyin:.2f}"])
            w.writerow([key, "应用商店", f"{35000 * R.uniform(0.9, 1.1):.2f}"])
            rate = 0.18 if m >= GAODE_RISE else 0.12
            w.writerow([key, "高德佣金", f"{gmv.get(key, 0.0) * rate:.2f}"])
            w.writerow([key, "邀请奖励", f"{12000 * R.uniform(0.85, 1.15):.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    n = simulate()
    print(f"simulated {n} arrivals", file=sys.stderr)
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="ridehail-src-") as tmp:
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
