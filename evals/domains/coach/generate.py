"""Coach evaluation domain: 快巴出行 (KuaiBa Coach), intercity coaches in Guangdong and Guangxi.

    python generate.py OUT.duckdb

Writes KuaiBa's own exports (seeded: the same files every run) to a temporary folder —

  members.csv            ticketing system members (member_id, phone_hash, id_card_hash, ISO UTC)
  ticketing_orders.csv   ticketing system (app + mini-program sales): ISSUED / CHANGED / REFUNDED /
                         NO_SHOW rows, amounts in 分, ISO UTC timestamps with Z
  client_events.jsonl    app + WeChat mini-program event log, epoch milliseconds; the mini-program
                         knows only the openid until the phone login
  ota_settlement.csv     携程 / 飞猪 settlement file (their columns, 元, commission)
  counter_pos.csv        station counter POS, Chinese headers, GB18030
  gate_log.csv           station gate log, 'YYYY/MM/DD HH:mm:ss' local time
  hotline_complaints.csv complaint hotline sheet (Chinese headers)
  marketing_monthly.csv  monthly marketing sheet (抖音, 微信朋友圈广告, OTA推广) in 元

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
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
CHUNYUN = (datetime(2026, 1, 27), datetime(2026, 3, 8))  # 春运
WUYI = (datetime(2026, 5, 1), datetime(2026, 5, 6))
GUOQING = (datetime(2026, 10, 1), datetime(2026, 10, 9))
SLEEPER_LAUNCH = datetime(2026, 6, 15)  # 广州–桂林 sleeper route
OUTAGE = (datetime(2026, 7, 12), datetime(2026, 7, 13))  # online ticketing down for the day
CTRIP_HIKE = datetime(2026, 9, 1)  # 携程 commission 8% -> 12%; app coupons start

R = random.Random(SEED)

CITIES = ["广州", "深圳", "东莞", "佛山", "南宁", "桂林"]
CITY_CODE = {"广州": "GZ", "深圳": "SZ", "东莞": "DG", "佛山": "FS", "南宁": "NN", "桂林": "GL"}
CITY_W = [0.3, 0.24, 0.14, 0.12, 0.12, 0.08]
STATION = {
    "广州": "广州天河客运站",
    "深圳": "深圳福田汽车站",
    "东莞": "东莞南城车站",
    "佛山": "佛山汽车站",
    "南宁": "南宁琅东站",
    "桂林": "桂林汽车总站",
}
BASE_PRICE = {
    ("广州", "深圳"): 60,
    ("广州", "东莞"): 40,
    ("广州", "佛山"): 25,
    ("广州", "南宁"): 180,
    ("广州", "桂林"): 220,
    ("深圳", "东莞"): 35,
    ("深圳", "佛山"): 70,
    ("深圳", "南宁"): 200,
    ("深圳", "桂林"): 190,
    ("东莞", "佛山"): 45,
    ("东莞", "南宁"): 190,
    ("东莞", "桂林"): 175,
    ("佛山", "南宁"): 170,
    ("佛山", "桂林"): 150,
    ("南宁", "桂林"): 90,
}
HOURS = [
    0.1,
    0,
    0,
    0,
    0,
    0.1,
    0.6,
    1.5,
    2.2,
    2.5,
    2.4,
    2.2,
    2,
    2,
    2.1,
    2.2,
    2.3,
    2.5,
    2.6,
    2.4,
    2.8,
    2.6,
    1.8,
    0.6,
]
DEP_HOURS = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]


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


def h(text, n=16):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def route_of(a, b):
    return f"{CITY_CODE[a]}-{CITY_CODE[b]}"


def price(a, b):
    return BASE_PRICE.get((a, b)) or BASE_PRICE[(b, a)]


def sleeper(a, b):
    return {a, b} == {"广州", "桂林"}


members, orders, client, ota, pos, gate, calls = ([] for _ in range(7))
seq = {"m": 200000, "o": 0, "pos": 0, "ota": 0, "call": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, n):
        self.n = n
        self.home = pick(CITIES, CITY_W)
        self.id_hash = "ID" + h(f"id{n}", 14).upper()
        self.phone = "P" + h(f"ph{n}", 12)
        self.member = None
        self.openid = None
        self.device = None
        self.logged_in = False
        self.pref = pick(
            ["APP", "WXMP", "CTRIP", "FLIGGY", "COUNTER"], [0.22, 0.3, 0.22, 0.08, 0.18]
        )
        self.level = pick(["普通会员", "银卡", "金卡"], [0.8, 0.15, 0.05])


people = []


def register(p, ts):
    if p.member is None:
        p.member = f"KB{nxt('m')}"
        members.append((p, ts))


def cev(p, ts, ev, platform, extra=None):
    if not within(ts):
        return
    obj = {
        "ts": int(((ts - timedelta(hours=8)) - datetime(1970, 1, 1)).total_seconds() * 1000),
        "event": ev,
        "platform": platform,
    }
    if platform == "wx_mini":
        if p.openid is None:
            p.openid = "oKB_" + h(f"open{p.n}", 20)
        obj["openid"] = p.openid
        obj["member_id"] = p.member if p.logged_in else None
    else:
        if p.device is None:
            p.device = "dev-" + h(f"dev{p.n}", 12)
        obj["device_id"] = p.device
        obj["member_id"] = p.member
    obj.update(extra or {})
    client.append((ts, obj))


def demand_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() == 4:
        w *= 1.35
    elif d.weekday() == 6:
        w *= 1.3
    if inw(dt, CHUNYUN):
        w *= 2.6
    if inw(dt, WUYI) or inw(dt - timedelta(days=-3), WUYI):
        w *= 2.0
    if inw(dt, GUOQING) or inw(dt - timedelta(days=-3), GUOQING):
        w *= 2.2
    if dt.month in (7, 8):
        w *= 1.2
    return w


def channel_for(p, dt):
    ch = p.pref
    if dt >= CTRIP_HIKE and ch == "CTRIP" and chance(0.4):
        ch = "APP"  # app coupons pull 携程 bookers over
    if dt >= CTRIP_HIKE and ch == "WXMP" and chance(0.15):
        ch = "APP"
    return ch


def travel_after(p, buy_ts, a, b, dep, seat, ch, order_ref, amount_yuan):
    """Change, refund, no-show or gate check-in, and complaints."""
    if chance(0.045):  # change to a later trip
        ct = buy_ts + (dep - buy_ts) * R.uniform(0.2, 0.9)
        dep = dep + timedelta(days=R.choice([0, 1, 1, 2]), hours=R.choice([-2, 2, 3]))
        if ch in ("APP", "WXMP"):
            orders.append(("CHANGED", order_ref, p, ct, ch, a, b, dep, seat, 0, 0, 0, ""))
    refund_p = 0.05 + (0.04 if inw(dep, CHUNYUN) else 0)
    if chance(refund_p):
        rt = buy_ts + (dep - buy_ts) * R.uniform(0.1, 0.95)
        if ch in ("APP", "WXMP"):
            orders.append(
                (
                    "REFUNDED",
                    order_ref,
                    p,
                    rt,
                    ch,
                    a,
                    b,
                    dep,
                    seat,
                    -round(amount_yuan * 90),
                    0,
                    0,
                    "",
                )
            )
        elif ch in ("CTRIP", "FLIGGY"):
            ota.append(
                ("REFUND", order_ref, p, rt, ch, a, b, dep, seat, -amount_yuan * 0.9, 0.0, 0)
            )
        slow = chance(0.12 if rt < OUTAGE[0] + timedelta(days=20) and rt >= OUTAGE[0] else 0.03)
        if slow:
            call(p, rt + timedelta(days=R.uniform(3, 9)), "退款慢", 0.8)
        return
    if chance(0.03):
        if ch in ("APP", "WXMP"):
            orders.append(
                (
                    "NO_SHOW",
                    order_ref,
                    p,
                    dep + timedelta(minutes=5),
                    ch,
                    a,
                    b,
                    dep,
                    seat,
                    0,
                    0,
                    0,
                    "",
                )
            )
        if chance(0.1):
            call(p, dep + timedelta(hours=R.uniform(1, 30)), "误车", 0.5)
        return
    gt = dep - timedelta(minutes=R.uniform(8, 45))
    method = "扫码" if ch in ("APP", "WXMP") and chance(0.7) else "刷证"
    if within(gt):
        gate.append(
            (
                gt,
                STATION[a],
                f"G{R.randint(1, 12):02d}",
                method,
                p.id_hash,
                order_ref,
                route_of(a, b),
            )
        )
    peak = inw(dep, CHUNYUN) or inw(dep, WUYI) or inw(dep, GUOQING)
    if peak and chance(0.025):
        call(p, gt + timedelta(minutes=R.uniform(5, 40)), "超售", 1.2)
    if chance(0.03 + (0.05 if peak else 0)):
        call(p, dep + timedelta(hours=R.uniform(1, 8)), "延误", 0.8)
    if chance(0.012):
        call(p, dep + timedelta(hours=R.uniform(2, 40)), "司机态度", 1.0)


def call(p, ts, kind, mood):
    if not within(ts):
        return
    fr = ts + timedelta(minutes=R.uniform(3, 90) * (2.5 if inw(ts, CHUNYUN) else 1))
    res_h = {
        "退款慢": R.uniform(24, 120),
        "误车": R.uniform(2, 30),
        "超售": R.uniform(1, 12),
        "延误": R.uniform(4, 48),
        "司机态度": R.uniform(12, 96),
        "咨询": R.uniform(0.2, 3),
    }[kind]
    res = ts + timedelta(hours=res_h)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.0 - mood, 0.9))))
    calls.append(
        (
            f"TS{nxt('call'):06d}",
            p.phone,
            ts,
            fr,
            res if res < END and chance(0.96) else None,
            kind,
            "否" if kind in ("咨询", "误车") else "是",
            sat,
        )
    )


def trip(p, d):
    dt = datetime(d.year, d.month, d.day)
    a = p.home if chance(0.6) else pick(CITIES, CITY_W)
    b = pick([c for c in CITIES if c != a], [CITY_W[i] for i, c in enumerate(CITIES) if c != a])
    if sleeper(a, b) and dt < SLEEPER_LAUNCH:
        b = pick(["深圳", "佛山", "东莞"], [2, 1, 1]) if a == "广州" else "南宁"
    if dt >= SLEEPER_LAUNCH and a in ("广州", "桂林") and chance(0.18):
        b = "桂林" if a == "广州" else "广州"
    ch = channel_for(p, dt)
    buy = at(d)
    lead = R.choice([0, 0, 1, 1, 2, 3, 5, 7, 10]) + (
        R.choice([5, 10, 14]) if inw(dt, CHUNYUN) else 0
    )
    dep_day = d + timedelta(days=lead)
    dep = datetime(dep_day.year, dep_day.month, dep_day.day, R.choice(DEP_HOURS), R.choice([0, 30]))
    if sleeper(a, b):
        dep = datetime(dep_day.year, dep_day.month, dep_day.day, R.choice([20, 21, 22]), 0)
    if dep <= buy:
        dep = buy + timedelta(hours=R.uniform(1.5, 5))
        dep = dep.replace(minute=0 if dep.minute < 30 else 30, second=0)
    seat = "卧铺" if sleeper(a, b) else pick(["普通座", "商务座"], [0.82, 0.18])
    base = price(a, b) * (1.5 if seat == "商务座" else 1.0)
    if inw(dep, CHUNYUN):
        base *= 1.1
    sold_out = (inw(dep, CHUNYUN) and chance(0.3)) or (inw(dep, GUOQING) and chance(0.12))
    outage = inw(buy, OUTAGE)
    if ch in ("APP", "WXMP"):
        plat = "app" if ch == "APP" else "wx_mini"
        if ch == "APP":
            register(p, buy - timedelta(minutes=5))
            p.logged_in = True
        src = (
            pick(["抖音", "朋友圈广告", "自然", "分享"], [0.2, 0.2, 0.45, 0.15])
            if ch == "WXMP"
            else ""
        )
        ex = {"route": route_of(a, b)}
        if src:
            ex["from"] = src
        cev(p, buy - timedelta(minutes=R.uniform(4, 12)), "search_trip", plat, ex)
        if sold_out:
            cev(p, buy - timedelta(minutes=R.uniform(2, 3.5)), "sold_out_shown", plat, ex)
            if chance(0.35):
                return False
        if not chance(0.78):
            return False
        cev(p, buy - timedelta(minutes=R.uniform(2, 3.5)), "view_schedule", plat, ex)
        if not chance(0.75):
            return False
        cev(p, buy - timedelta(minutes=R.uniform(1, 2)), "select_seat", plat, dict(ex, seat=seat))
        if ch == "WXMP" and not p.logged_in:
            if not chance(0.8):
                return False
            register(p, buy - timedelta(seconds=50))
            p.logged_in = True
            cev(p, buy - timedelta(seconds=50), "phone_login", plat)
        cev(p, buy - timedelta(seconds=R.uniform(15, 40)), "submit_order", plat, ex)
        if outage:
            cev(p, buy, "pay_failed", plat, ex)
            if chance(0.4):  # goes to the station counter instead
                pos_sale(p, buy + timedelta(hours=R.uniform(1, 4)), a, b, dep, seat, base)
            return False
        if not chance(0.9):
            return False
        coupon = 0
        if ch == "APP" and buy >= CTRIP_HIKE and chance(0.6):
            coupon = R.choice([500, 800, 1000])
        fen = round(base * 100) - coupon
        ins = 300 if chance(0.32) else 0
        ref = f"KB{buy:%y%m%d}{nxt('o'):06d}"
        pay = (
            pick(["WECHAT", "ALIPAY"], [0.7, 0.3])
            if ch == "WXMP"
            else pick(["WECHAT", "ALIPAY"], [0.45, 0.55])
        )
        orders.append(("ISSUED", ref, p, buy, ch, a, b, dep, seat, fen, ins, coupon, pay))
        travel_after(p, buy, a, b, dep, seat, ch, ref, fen / 100)
        return True
    if ch in ("CTRIP", "FLIGGY"):
        if outage or (sold_out and chance(0.5)):
            return False
        ref = ("CT" if ch == "CTRIP" else "FZ") + h(f"ota{nxt('ota')}", 10).upper()
        rate = 0.10 if ch == "FLIGGY" else (0.12 if buy >= CTRIP_HIKE else 0.08)
        ins = 1 if chance(0.25) else 0
        ota.append(
            ("OK", ref, p, buy, ch, a, b, dep, seat, round(base, 2), round(base * rate, 2), ins)
        )
        travel_after(p, buy, a, b, dep, seat, ch, ref, base)
        return True
    if sold_out and chance(0.5):
        return False
    pos_sale(
        p,
        datetime(buy.year, buy.month, buy.day, R.randint(6, 20), R.randrange(60)),
        a,
        b,
        dep,
        seat,
        base,
    )
    return True


def pos_sale(p, ts, a, b, dep, seat, base):
    if not within(ts):
        return
    if dep <= ts:
        dep = ts + timedelta(hours=R.uniform(0.5, 3))
        dep = dep.replace(minute=0 if dep.minute < 30 else 30, second=0)
    ref = f"P{nxt('pos'):07d}"
    pos.append(
        (
            ts,
            STATION[a],
            route_of(a, b),
            seat,
            pick(["现金", "微信", "支付宝"], [0.35, 0.4, 0.25]),
            round(base, 2),
            "是" if chance(0.1) else "否",
            p.id_hash,
            ref,
        )
    )
    travel_after(p, ts, a, b, dep, seat, "COUNTER", ref, base)


def simulate():
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        w = demand_weight(d)
        for _ in range(poisson(21 * w)):
            if people and chance(0.42):
                p = R.choice(people)
            else:
                p = Person(len(people))
                people.append(p)
            trip(p, d)
        for _ in range(poisson(1.5)):  # hotline enquiries
            if people:
                call(R.choice(people), at(d), "咨询", 0.0)


def utc(ts):
    return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"


def write(folder: Path):
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "member_id",
                "phone_hash",
                "id_card_hash",
                "registered_at",
                "home_city",
                "member_level",
            ]
        )
        for p, ts in sorted(members, key=lambda r: r[0].member):
            w.writerow([p.member, p.phone, p.id_hash, utc(max(ts, START)), p.home, p.level])
    with open(folder / "ticketing_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "member_id",
                "passenger_id_hash",
                "op_type",
                "op_time",
                "sale_channel",
                "route_code",
                "from_city",
                "to_city",
                "depart_time",
                "seat_class",
                "amount_fen",
                "refund_fen",
                "insurance_fen",
                "ins_flag",
                "coupon_fen",
                "pay_method",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[3], r[1], r[0])):
            op, ref, p, ts, ch, a, b, dep, seat, fen, ins, coupon, pay = r
            if not within(ts):
                continue
            w.writerow(
                [
                    ref,
                    p.member,
                    p.id_hash,
                    op,
                    utc(ts),
                    ch,
                    route_of(a, b),
                    a,
                    b,
                    utc(dep),
                    {"普通座": "STD", "商务座": "BIZ", "卧铺": "SLEEPER"}[seat],
                    fen if op == "ISSUED" else "",
                    -fen if op == "REFUNDED" else "",
                    ins if op == "ISSUED" else "",
                    ("1" if ins else "0") if op == "ISSUED" else "",
                    coupon if op == "ISSUED" else "",
                    pay,
                ]
            )
    with open(folder / "client_events.jsonl", "w") as f:
        for _, obj in sorted(client, key=lambda r: (r[0], r[1]["event"])):
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "ota_settlement.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "OtaOrderRef",
                "Platform",
                "PassengerIdHash",
                "ContactMobileHash",
                "BookTime",
                "Route",
                "DepartDate",
                "SeatType",
                "TicketPriceCNY",
                "RefundCNY",
                "CommissionCNY",
                "InsuranceAddOn",
                "SettleStatus",
            ]
        )
        for r in sorted(ota, key=lambda r: (r[3], r[1], r[0])):
            st, ref, p, ts, ch, a, b, dep, seat, amt, comm, ins = r
            if not within(ts):
                continue
            w.writerow(
                [
                    ref,
                    {"CTRIP": "Ctrip", "FLIGGY": "Fliggy"}[ch],
                    p.id_hash,
                    p.phone,
                    f"{ts:%Y-%m-%d %H:%M}",
                    f"{a}-{b}",
                    f"{dep:%Y-%m-%d}",
                    seat,
                    f"{amt:.2f}" if st == "OK" else "",
                    f"{-amt:.2f}" if st == "REFUND" else "",
                    f"{comm:.2f}" if st == "OK" else "",
                    ("Y" if ins else "N") if st == "OK" else "",
                    st,
                ]
            )
    with open(folder / "counter_pos.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "售票时间",
                "售票站",
                "线路",
                "座位等级",
                "支付方式",
                "实收金额",
                "乘意险",
                "证件号哈希",
                "票号",
            ]
        )
        for r in sorted(pos, key=lambda r: (r[0], r[8])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", *r[1:5], f"{r[5]:.2f}", *r[6:9]])
    with open(folder / "gate_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "gate_time",
                "station",
                "gate_no",
                "verify_method",
                "id_card_hash",
                "ticket_ref",
                "route_code",
            ]
        )
        for r in sorted(gate, key=lambda r: (r[0], r[4])):
            w.writerow([f"{r[0]:%Y/%m/%d %H:%M:%S}", *list(r[1:])])
    with open(folder / "hotline_complaints.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单编号",
                "来电号码哈希",
                "来电时间",
                "首次回复时间",
                "办结时间",
                "问题类型",
                "是否投诉",
                "满意度",
            ]
        )

        def fmt(ts):
            return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

        for r in sorted(calls, key=lambda r: r[0]):
            w.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in (("抖音", 42000), ("微信朋友圈广告", 36000), ("OTA推广", 25000)):
                x = amt * R.uniform(0.9, 1.1)
                if m.month in (1, 2) and ch != "OTA推广":
                    x *= 1.6
                if m >= CTRIP_HIKE and ch == "OTA推广":
                    x *= 0.5
                if m >= CTRIP_HIKE and ch == "抖音":
                    x *= 1.5
                w.writerow([f"{m:%Y-%m}", ch, f"{x:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="coach-src-") as tmp:
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
