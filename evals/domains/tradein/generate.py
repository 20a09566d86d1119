"""Trade-in evaluation domain: 换新宝 (HuanXinBao), used-phone trade-in / recycling in China.

    python generate.py OUT.duckdb

Writes HuanXinBao's own exports (seeded: the same files every run) to a temporary folder —

  quote_engine.jsonl     quote engine log: epoch seconds `ts` + `logged_at` (UTC, Z), device_fp,
                         uid once the user logs in with a phone number, event, entry, brand, model
  members.csv            order system members (Chinese headers)
  orders.csv             order system orders (Chinese headers, local 'YYYY-MM-DD HH:mm:ss', 元)
  order_status.csv       order system status changes: 门店交机 / 用户确认 / 申请复检 / 取消退回
  sf_waybills.csv        SF Express waybills (顺丰上门): 揽收 / 签收, 'YYYY/MM/DD HH:MM' local
  inspection.csv         inspection centre (English columns, ISO +08:00): RECEIVED / GRADED, A-D
  payout_ledger.csv      payout ledger: 微信 / 支付宝 / 换新券, 'YYYYMMDDHHMMSS' local
  complaints.csv         complaint tickets
  weekly_spend.csv       weekly marketing spend (抖音, 百度, 合作门店佣金) in 元

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
IPHONE = (datetime(2026, 9, 11), datetime(2026, 10, 11))  # iPhone launch: quotes x3
JD_SUBSIDY = (datetime(2026, 5, 1), datetime(2026, 7, 1))  # 以旧换新 subsidy with JD
BACKLOG = (datetime(2026, 7, 1), datetime(2026, 8, 1))  # inspection backlog
PRICE_CHANGE = datetime(2026, 10, 15)  # new price model: Android quotes lower
DOUBLE11 = (datetime(2026, 11, 1), datetime(2026, 11, 12))  # 双十一

R = random.Random(SEED)

BRANDS = {
    "Apple": (["iPhone 13", "iPhone 14", "iPhone 15", "iPhone 15 Pro", "iPhone 16"], (1200, 4200)),
    "Huawei": (["Mate 50", "Mate 60", "P60", "nova 11"], (700, 3200)),
    "Xiaomi": (["Xiaomi 13", "Xiaomi 14", "Redmi K60", "Redmi Note 12"], (300, 2200)),
    "OPPO": (["Find X6", "Reno 10", "A58"], (250, 2000)),
    "vivo": (["X90", "S17", "Y36"], (250, 1900)),
    "Honor": (["Magic5", "Honor 90", "X50"], (250, 1800)),
}
BRAND_W = [0.38, 0.2, 0.17, 0.09, 0.09, 0.07]
CONDITIONS = ["全新未拆封", "几乎全新", "轻微划痕", "明显磨损", "屏幕破损"]
COND_W = [0.03, 0.3, 0.4, 0.2, 0.07]
COND_F = [1.0, 0.9, 0.78, 0.6, 0.35]
ENTRIES = ["app", "mini_program", "jd_qr", "suning_qr", "brand_qr"]
ENTRY_W = [0.32, 0.33, 0.17, 0.08, 0.10]
ENTRY_CN = {
    "app": "APP",
    "mini_program": "小程序",
    "jd_qr": "京东",
    "suning_qr": "苏宁",
    "brand_qr": "品牌门店",
}
CITIES = [
    ("上海", "华东", "一线"),
    ("北京", "华北", "一线"),
    ("广州", "华南", "一线"),
    ("深圳", "华南", "一线"),
    ("杭州", "华东", "新一线"),
    ("成都", "西部", "新一线"),
    ("武汉", "华中", "新一线"),
    ("南京", "华东", "新一线"),
    ("西安", "西部", "新一线"),
    ("郑州", "华中", "二线"),
    ("济南", "华北", "二线"),
    ("昆明", "西部", "二线"),
]
CITY_W = [12, 11, 8, 9, 7, 7, 6, 6, 5, 5, 4, 3]
SITES = ["Shenzhen", "Suzhou", "Chengdu"]
HOURS = [
    0.3,
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.2,
    2,
    2.5,
    3,
    3,
    3.4,
    3,
    2.6,
    2.6,
    2.8,
    3,
    3.4,
    4.2,
    5,
    5.2,
    4,
    1.5,
]
SHOP_HOURS = [0] * 10 + [3, 4, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1] + [0] * 2

quotes, members, orders, status, waybills, insp, payouts, tickets = ([] for _ in range(8))
seq = {"uid": 100000, "order": 0, "wb": 0, "tk": 0, "pay": 0, "fp": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


class Person:
    def __init__(self, entry):
        self.fp = "fp_" + h(f"fp{nxt('fp')}")[:14]
        self.uid = None
        self.entry = entry
        self.city = pick(CITIES, CITY_W)
        self.returning = False

    def login(self, ts):
        if self.uid is None:
            self.uid = f"HX{nxt('uid')}"
            members.append((self.uid, ts, self.city, "老用户" if self.returning else "新用户"))


def qlog(p, ts, event, brand="", model="", cond="", amt=None):
    if not within(ts):
        return False
    quotes.append((ts, p.fp, p.uid or "", event, p.entry, brand, model, cond, amt))
    return True


def quote_price(brand, model, cond, ts):
    lo, hi = BRANDS[brand][1]
    idx = BRANDS[brand][0].index(model)
    base = lo + (hi - lo) * (idx + 1) / (len(BRANDS[brand][0]) + 0.5)
    amt = base * COND_F[CONDITIONS.index(cond)] * R.uniform(0.92, 1.08)
    if brand != "Apple" and ts >= PRICE_CHANGE:
        amt *= 0.84  # the new price model quotes Android phones lower
    if brand == "Apple" and inw(ts, IPHONE):
        amt *= 0.95  # many old iPhones flood in
    return round(amt)


def conv_prob(p, brand, ts):
    pr = 0.34
    if p.entry in ("jd_qr", "brand_qr", "suning_qr"):
        pr += 0.08
    if p.entry == "jd_qr" and inw(ts, JD_SUBSIDY):
        pr += 0.14
    if brand != "Apple" and ts >= PRICE_CHANGE:
        pr -= 0.15
    if inw(ts, DOUBLE11):
        pr += 0.06
    return max(0.05, pr)


def journey(p, d):
    t = at(d)
    brand = pick(list(BRANDS), BRAND_W)
    if inw(t, IPHONE) and chance(0.6):
        brand = "Apple"
    model = R.choice(BRANDS[brand][0])
    if not qlog(p, t, "app_open"):
        return
    t += timedelta(seconds=R.uniform(10, 90))
    qlog(p, t, "model_select", brand, model)
    if not chance(0.82):
        return
    cond = pick(CONDITIONS, COND_W)
    t += timedelta(seconds=R.uniform(30, 240))
    amt = quote_price(brand, model, cond, t)
    qlog(p, t, "quote_shown", brand, model, cond, amt)
    # second look a few days later for some
    if chance(0.25):
        t += timedelta(days=R.uniform(0.5, 6))
        qlog(p, t, "app_open")
        qlog(
            p,
            t + timedelta(seconds=40),
            "quote_shown",
            brand,
            model,
            cond,
            quote_price(brand, model, cond, t),
        )
    if not chance(conv_prob(p, brand, t) / 0.8):
        if chance(0.3):
            t += timedelta(minutes=R.uniform(1, 5))
            p.login(t)
            qlog(p, t, "phone_login")
        return
    t += timedelta(minutes=R.uniform(1, 6))
    p.login(t)
    qlog(p, t, "phone_login")
    t += timedelta(minutes=R.uniform(1, 10))
    if not chance(0.8):
        return
    if within(t):
        place_order(p, t, brand, model, cond, quote_price(brand, model, cond, t))


def place_order(p, t, brand, model, cond, est):
    oid = f"HXB{t:%Y%m%d}{nxt('order'):06d}"
    method = "门店交机" if p.entry in ("brand_qr", "suning_qr") and chance(0.7) else "顺丰上门"
    if method == "顺丰上门" and chance(0.08):
        method = "门店交机"
    camp = ""
    if p.entry == "jd_qr" and inw(t, JD_SUBSIDY):
        camp = "以旧换新补贴"
    elif inw(t, DOUBLE11):
        camp = "双十一加价券"
    orders.append(
        (oid, p.uid, t, method, brand, model, cond, f"{est:.2f}", ENTRY_CN[p.entry], camp)
    )
    if chance(0.05):  # cancelled before sending
        status.append((oid, p.uid, t + timedelta(hours=R.uniform(1, 30)), "用户取消", ""))
        return
    if method == "顺丰上门":
        wb = f"SF{1400000000000 + nxt('wb') * 7919}"
        pk = t + timedelta(hours=R.uniform(2, 30))
        waybills.append((wb, oid, p.uid, "揽收", pk))
        arr = pk + timedelta(hours=R.uniform(18, 60))
        waybills.append((wb, oid, p.uid, "签收", arr))
        if chance(0.02):
            ticket(p, pk + timedelta(hours=R.uniform(5, 40)), "快递问题")
    else:
        drop = at((t + timedelta(days=R.uniform(0, 3))).date(), SHOP_HOURS)
        if drop < t:
            drop = t + timedelta(hours=2)
        status.append((oid, p.uid, drop, "门店交机", ""))
        arr = drop + timedelta(hours=R.uniform(24, 72))
    site = pick(SITES, [0.45, 0.35, 0.2])
    insp.append(("RECEIVED", oid, p.uid, arr, site, "", ""))
    backlog = inw(arr, BACKLOG)
    graded = arr + timedelta(hours=R.uniform(4, 30) if not backlog else R.uniform(35, 85))
    grade = pick("ABCD", [0.3, 0.4, 0.22, 0.08])
    if cond in ("明显磨损", "屏幕破损"):
        grade = pick("BCD", [0.2, 0.5, 0.3])
    gf = {
        "A": R.uniform(0.98, 1.03),
        "B": R.uniform(0.88, 0.97),
        "C": R.uniform(0.7, 0.85),
        "D": R.uniform(0.45, 0.65),
    }
    final = round(est * gf[grade])
    insp.append(("GRADED", oid, p.uid, graded, site, grade, f"{final:.2f}"))
    p_dispute = {"A": 0.02, "B": 0.08, "C": 0.22, "D": 0.35}[grade] * (1.8 if backlog else 1.0)
    decided = graded + timedelta(hours=R.uniform(0.5, 20))
    if chance(p_dispute):
        status.append((oid, p.uid, decided, "申请复检", ""))
        if chance(0.35 if not backlog else 0.5):
            ticket(p, decided + timedelta(hours=R.uniform(0.2, 10)), "价格争议", mood=1.0)
        if chance(0.45):
            status.append((oid, p.uid, decided + timedelta(days=R.uniform(1, 4)), "取消退回", ""))
            return
        final = round(final * R.uniform(1.02, 1.1))
        decided += timedelta(days=R.uniform(1, 3))
    status.append((oid, p.uid, decided, "用户确认", f"{final:.2f}"))
    paid = decided + timedelta(hours=R.uniform(1, 40) if not backlog else R.uniform(45, 95))
    if backlog and chance(0.2):
        ticket(p, decided + timedelta(days=R.uniform(2, 4)), "打款延迟", mood=1.2)
    credit_p = 0.25
    if camp == "以旧换新补贴":
        credit_p = 0.8
    elif inw(decided, DOUBLE11) or p.entry == "brand_qr":
        credit_p = 0.5
    way = "换新券" if chance(credit_p) else pick(["微信", "支付宝"], [0.55, 0.45])
    bonus = 0.0
    if camp == "以旧换新补贴":
        bonus = float(R.choice([100, 150, 200]))
    payouts.append((f"PO{nxt('pay'):08d}", oid, p.uid, paid, way, f"{final:.2f}", f"{bonus:.2f}"))
    if chance(0.015):
        ticket(p, paid + timedelta(hours=R.uniform(1, 48)), "其他")


def ticket(p, ts, kind, mood=0.0):
    if not within(ts):
        return
    ch = pick(["在线客服", "电话", "12315"], [0.62, 0.33, 0.05])
    fr = {"在线客服": R.uniform(0.5, 20), "电话": R.uniform(0.2, 5), "12315": R.uniform(600, 2400)}[
        ch
    ]
    if inw(ts, BACKLOG):
        fr *= 3
    res = (
        ts
        + timedelta(minutes=fr)
        + timedelta(hours=R.uniform(2, 72) * (2 if inw(ts, BACKLOG) else 1))
    )
    sat = ""
    if chance(0.5):
        sat = str(max(1, min(5, round(R.gauss(4.2 - mood, 0.9)))))
    tickets.append(
        (
            f"TS{nxt('tk'):06d}",
            p.uid,
            ts,
            ts + timedelta(minutes=fr),
            res if res < END else None,
            kind,
            ch,
            sat,
        )
    )


def traffic(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0 + (0.2 if d.weekday() >= 5 else 0.0)
    if inw(dt, IPHONE):
        w *= 3.0
    if inw(dt, DOUBLE11):
        w *= 2.2
    if datetime(2026, 2, 10) <= dt < datetime(2026, 2, 24):  # 春节
        w *= 0.6
    return w


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(17 * traffic(d))):
            entry = pick(ENTRIES, ENTRY_W)
            journey(Person(entry), d)
        if inw(dt, JD_SUBSIDY):
            for _ in range(poisson(9)):
                journey(Person("jd_qr"), d)
    # repeat sellers: a few logged-in users come back to sell a second phone
    for uid, ts, city, _ in list(members):
        if chance(0.06):
            p = Person(pick(ENTRIES, ENTRY_W))
            p.uid, p.city, p.returning = uid, city, True
            d = (ts + timedelta(days=R.uniform(20, 200))).date()
            if datetime(d.year, d.month, d.day) < END:
                journey(p, d)


def write(folder: Path):
    with open(folder / "quote_engine.jsonl", "w") as f:
        for ts, fp, uid, ev, entry, brand, model, cond, amt in sorted(
            quotes, key=lambda r: (r[0], r[1], r[3])
        ):
            utc = ts - timedelta(hours=8)
            obj = {
                "ts": int((utc - datetime(1970, 1, 1)).total_seconds()),
                "logged_at": f"{utc:%Y-%m-%dT%H:%M:%S}Z",
                "device_fp": fp,
                "uid": uid or None,
                "event": ev,
                "entry": entry,
            }
            if brand:
                obj.update({"brand": brand, "model": model})
            if cond:
                obj.update({"condition": cond, "quote_cny": amt})
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["用户ID", "注册时间", "城市", "大区", "城市等级", "用户类型"])
        for uid, ts, city, kind in sorted(members, key=lambda r: r[0]):
            w.writerow([uid, f"{ts:%Y-%m-%d %H:%M:%S}", city[0], city[1], city[2], kind])
    with open(folder / "orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "订单号",
                "用户ID",
                "下单时间",
                "回收方式",
                "品牌",
                "机型",
                "用户自评成色",
                "预估价(元)",
                "来源渠道",
                "活动",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", *r[3:]])
    with open(folder / "order_status.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["订单号", "用户ID", "变更时间", "状态", "成交价(元)"])
        for r in sorted(status, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4]])
    with open(folder / "sf_waybills.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["运单号", "客户订单号", "寄件人会员号", "路由节点", "操作时间"])
        for r in sorted(waybills, key=lambda r: (r[4], r[0])):
            if within(r[4]):
                w.writerow([r[0], r[1], r[2], r[3], f"{r[4]:%Y/%m/%d %H:%M}"])
    with open(folder / "inspection.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_type",
                "order_no",
                "member_id",
                "event_time",
                "site",
                "grade",
                "final_price_cny",
            ]
        )
        for r in sorted(insp, key=lambda r: (r[3], r[1], r[0])):
            if within(r[3]):
                w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%dT%H:%M:%S}+08:00", r[4], r[5], r[6]])
    with open(folder / "payout_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["流水号", "订单号", "用户ID", "打款时间", "打款方式", "打款金额", "补贴金额"])
        for r in sorted(payouts, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow([r[0], r[1], r[2], f"{r[3]:%Y%m%d%H%M%S}", r[4], r[5], r[6]])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "complaints.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "用户ID",
                "创建时间",
                "首次响应时间",
                "解决时间",
                "问题类型",
                "受理渠道",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7]])
    with open(folder / "weekly_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["周一日期", "投放渠道", "花费(元)"])
        wk = date(2025, 12, 8)  # first Monday of the data
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            base = {"抖音": 42000, "百度": 26000, "合作门店佣金": 18000}
            if inw(dt, IPHONE):
                base["抖音"] *= 2.5
                base["百度"] *= 1.6
            if inw(dt, DOUBLE11):
                base["抖音"] *= 2.0
            if inw(dt, JD_SUBSIDY):
                base["京东以旧换新"] = 35000
            for ch, amt in base.items():
                w.writerow([f"{wk:%Y-%m-%d}", ch, f"{amt * R.uniform(0.88, 1.12):.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="tradein-src-") as tmp:
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
