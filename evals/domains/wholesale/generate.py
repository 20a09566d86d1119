"""Wholesale eval domain: 鲜配通 (XianPeiTong), B2B fresh food for restaurants (Guangzhou, Foshan).

    python generate.py OUT.duckdb

Writes XianPeiTong's own exports (seeded: the same files every run) to a temporary folder —

  mp_events.jsonl         mini-program event log: openid always, mobile only after phone binding,
                          epoch milliseconds, scene (how the user arrived)
  crm_followups.csv       sales CRM (Chinese headers, 'YYYY-MM-DD HH:mm' Asia/Shanghai local):
                          ground-sales visits, trade-fair leads, calls; 销售代表 id
  customers.csv           order system customer table (customer_no, mobile, registered_at UTC)
  license_audit.csv       营业执照审核 log (customer_no, action, action_time local)
  orders.csv              order system: ISO UTC with Z, amounts in 分, main SKU category, pay method
  order_payments.csv      order system payments and refunds (ISO UTC, 分)
  wms_picking.csv         warehouse picking log ('YYYY/MM/DD HH:MM:SS' local, short items)
  tms_delivery.jsonl      driver app / delivery log (ISO with +08:00): dispatched, signed, failed
  credit_ledger.csv       月结 credit ledger (bills, repayments, overdue marks; 元)
  after_sales.csv         after-sales tickets (缺货, 质量问题, 送达延迟, 错发漏发, 账单问题)
  sign_ratings.csv        star rating after 签收 in the mini-program
  marketing_monthly.csv   monthly marketing sheet (地推提成, 抖音投放, 展会, 推荐奖励) in 元

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
FS_LAUNCH = datetime(2026, 3, 2)  # Foshan launch (Monday)
CLOSURE = (
    datetime(2026, 2, 13),
    datetime(2026, 2, 22),
)  # no orders placed (春节), deliveries Feb 14-22 none
STOCKUP = (datetime(2026, 2, 7), datetime(2026, 2, 13))
REOPEN = (datetime(2026, 2, 22), datetime(2026, 3, 2))  # re-opening spike
PORK = (datetime(2026, 7, 1), datetime(2026, 8, 1))  # pork price spike
OUTAGE = (datetime(2026, 8, 20), datetime(2026, 8, 22))  # driver app outage (delivery days)
CREDIT_START = datetime(2026, 9, 1)  # 月结 offered
PRICE_WAR = (datetime(2026, 10, 1), datetime(2026, 11, 1))  # competitor price war
FAIRS = [(datetime(2026, 4, 14), 3), (datetime(2026, 9, 8), 3)]  # trade fairs (start, days)

R = random.Random(SEED)

SCENES = ["dtui_qr", "kuailv_compare", "douyin", "chef_ref", "search"]
SCENE_W = [0.34, 0.2, 0.2, 0.11, 0.15]
GZ_DISTRICTS = ["天河", "越秀", "海珠", "白云", "番禺", "荔湾"]
GZ_W = [0.22, 0.16, 0.18, 0.18, 0.16, 0.1]
FS_DISTRICTS = ["禅城", "南海", "顺德"]
FS_W = [0.35, 0.4, 0.25]
RTYPES = ["粤菜", "火锅", "快餐", "茶餐厅", "烧烤", "西餐"]
RTYPE_W = [0.3, 0.15, 0.25, 0.15, 0.1, 0.05]
GZ_REPS = [f"S{i:02d}" for i in range(1, 9)]
FS_REPS = [f"S{i:02d}" for i in range(9, 13)]
CATS = ["vegetables", "meat", "seafood", "dry_goods"]
CAT_W = [0.38, 0.27, 0.17, 0.18]
PRICE = {
    "vegetables": (200, 1200),
    "meat": (400, 2500),
    "seafood": (500, 3000),
    "dry_goods": (300, 2000),
}
ORDER_HOURS = [
    3,
    1,
    0.3,
    0,
    0,
    0,
    0,
    0,
    0.2,
    0.5,
    1,
    1.2,
    1,
    0.8,
    1.5,
    2.5,
    3,
    2.5,
    2,
    3,
    4.5,
    5.5,
    6,
    5,
]
DAY_HOURS = [0] * 8 + [2, 3, 3, 3, 2, 2, 3, 3, 3, 2, 1, 0.5] + [0] * 4


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


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def day(d):
    return datetime(d.year, d.month, d.day)


def at(d, hours):
    d = day(d)
    return d + timedelta(
        hours=R.choices(range(24), weights=hours)[0],
        minutes=R.randrange(60),
        seconds=R.randrange(60),
    )


mp, crm, custs, audits, orders, pays, picks, tms, ledger, tickets, ratings = ([] for _ in range(11))
seq = {"cust": 100000, "order": 0, "lead": 0, "ticket": 0, "bill": 0, "way": 0, "mob": 0}
credit_usage = {}  # (customer_no, month start) -> [amount 元]


def nxt(k):
    seq[k] += 1
    return seq[k]


class Shop:
    def __init__(self, city):
        self.city = city
        self.district = pick(GZ_DISTRICTS, GZ_W) if city == "GZ" else pick(FS_DISTRICTS, FS_W)
        self.rtype = pick(RTYPES, RTYPE_W)
        n = nxt("mob")
        self.openid = "oX" + hashlib.md5(f"openid{n}".encode()).hexdigest()[:22]
        self.mobile = f"1{R.choice('3578')}{(n * 7919 + 12345678) % 10**9:09d}"
        self.bound = False
        self.cno = None
        self.rep = ""
        self.source = ""
        self.credit = False


shops = []


def ev(s, ts, name, scene, sku=""):
    if not within(ts):
        return False
    mp.append((ts, s.openid, s.mobile if s.bound else "", name, scene, sku, s.city))
    return True


def crm_row(s, ts, kind, source):
    if within(ts):
        crm.append((f"XS{nxt('lead'):06d}", s.mobile, s.cno or "", ts, kind, s.rep, source, s.city))


def ticket(s, ts, kind, order_no, mood):
    if not within(ts):
        return
    ch = pick(["企业微信", "电话", "小程序客服"], [0.5, 0.3, 0.2])
    fr = {
        "企业微信": R.uniform(3, 60),
        "电话": R.uniform(0.5, 6),
        "小程序客服": R.uniform(10, 180),
    }[ch]
    if inw(ts, (OUTAGE[0], OUTAGE[1] + timedelta(days=1))):
        fr *= 4
    first = ts + timedelta(minutes=fr)
    res = first + timedelta(
        hours={
            "缺货": R.uniform(1, 12),
            "质量问题": R.uniform(2, 30),
            "送达延迟": R.uniform(0.5, 8),
            "错发漏发": R.uniform(1, 20),
            "账单问题": R.uniform(4, 72),
        }[kind]
    )
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(4.3 - mood, 0.8))))
    complaint = (
        "是" if kind in ("质量问题", "错发漏发") or (kind == "送达延迟" and chance(0.6)) else "否"
    )
    tickets.append(
        (
            f"SH{nxt('ticket'):06d}",
            s.cno,
            order_no,
            ts,
            first,
            res if res < END else None,
            kind,
            ch,
            complaint,
            sat,
        )
    )


def register(s, t, scene):
    """Phone binding + restaurant registration + licence audit; returns verified time or None."""
    s.bound = True
    s.cno = f"XP{nxt('cust')}"
    s.source = scene
    if not ev(s, t, "phone_bind", scene):
        return None
    custs.append((s, t))
    t2 = t + timedelta(minutes=R.uniform(2, 30))
    ev(s, t2, "license_upload", scene)
    audits.append((s.cno, "SUBMIT", t2))
    reviewed = t2 + timedelta(hours=R.uniform(1, 30))
    if chance(0.16):
        audits.append((s.cno, "REJECT", reviewed))
        if not chance(0.6):
            return None
        t3 = reviewed + timedelta(hours=R.uniform(2, 72))
        ev(s, t3, "license_upload", "search")
        audits.append((s.cno, "SUBMIT", t3))
        reviewed = t3 + timedelta(hours=R.uniform(1, 24))
    audits.append((s.cno, "PASS", reviewed))
    return reviewed if within(reviewed) else None


def order(s, d, rep_order=False):
    dt = day(d)
    ts = at(d, ORDER_HOURS)
    if ts.hour < 3:  # after midnight counts for the next night; keep the order before midnight
        ts = dt + timedelta(hours=R.uniform(20, 23.98))
    if not within(ts):
        return
    cat_w = [0.4, 0.2, 0.19, 0.21] if inw(dt, PORK) else CAT_W
    cat = pick(CATS, cat_w)
    lo, hi = PRICE[cat]
    value = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if cat == "meat" and inw(dt, PORK):
        value *= 1.4
    if inw(dt, REOPEN):
        value *= 1.2
    fen = int(round(value, 1) * 100)
    items = R.randint(3, 25)
    if s.credit and dt >= CREDIT_START:
        method = "monthly_credit"
    else:
        method = (
            "bank_transfer"
            if value > 1200 and chance(0.5)
            else ("wechat_pay" if chance(0.9) else "bank_transfer")
        )
    oid = f"SO{dt:%y%m%d}{nxt('order'):06d}"
    channel = "rep_order" if rep_order else "mini_program"
    if not rep_order and chance(0.6):  # the rest re-order from the order list without browsing
        t0 = ts - timedelta(minutes=R.uniform(6, 30))
        ev(s, t0, "mp_open", "direct")
        for i in range(R.choice([1, 1, 2])):
            ev(s, t0 + timedelta(minutes=1 + 2 * i + R.random()), "sku_view", "direct", cat)
        ev(s, ts - timedelta(minutes=R.uniform(0.5, 3)), "add_to_cart", "direct", cat)
    orders.append(
        (oid, s.cno, ts, s.city, cat, items, fen, method, channel, s.rep if rep_order else "")
    )
    if method == "wechat_pay":
        pt = ts + timedelta(seconds=R.uniform(20, 400))
        if within(pt):
            pays.append((oid, s.cno, "PAY", pt, fen, method))
    elif method == "bank_transfer":
        pt = ts + timedelta(hours=R.uniform(1, 30))
        if pt.weekday() >= 5:
            pt += timedelta(days=7 - pt.weekday(), hours=2)
        if within(pt):
            pays.append((oid, s.cno, "PAY", pt, fen, method))
    else:
        m = date(dt.year, dt.month, 1)
        credit_usage.setdefault((s, m), []).append(value)
    # warehouse picking at night, delivery next morning
    nd = dt + timedelta(days=1)
    pk = nd + timedelta(hours=R.uniform(0.5, 4.2))
    if not within(pk):
        return
    p_short = 0.035
    if s.city == "FS" and inw(dt, (FS_LAUNCH, FS_LAUNCH + timedelta(days=35))):
        p_short = 0.13
    if cat == "meat" and inw(dt, PORK):
        p_short = 0.09
    short = R.randint(1, 3) if chance(p_short) else 0
    wh = "白云仓" if s.city == "GZ" else "顺德仓"
    picks.append(
        (
            oid,
            s.cno,
            pk,
            wh,
            items,
            short,
            f"P{R.randint(1, 30):02d}" if s.city == "GZ" else f"F{R.randint(1, 12):02d}",
        )
    )
    driver = f"D{R.randint(1, 60):03d}" if s.city == "GZ" else f"D{R.randint(101, 125):03d}"
    outage = inw(nd, OUTAGE)
    disp = pk + timedelta(minutes=R.uniform(30, 120))
    way = f"YD{nxt('way'):07d}"
    if not outage and within(disp):
        tms.append((way, oid, s.cno, "dispatched", disp, driver, ""))
    if chance(0.008):
        ft = nd + timedelta(hours=R.uniform(6, 10))
        if within(ft):
            tms.append((way, oid, s.cno, "failed", ft, driver, ""))
        return
    if outage:
        signed = nd + timedelta(hours=R.uniform(8.5, 16))
    else:
        signed = nd + timedelta(hours=max(5.3, R.gauss(8.2, 0.9 if s.city == "GZ" else 1.1)))
    if not within(signed):
        return
    late = signed.hour >= 10
    tms.append((way, oid, s.cno, "signed", signed, driver, "N" if late else "Y"))
    mood = 0.0
    if short:
        mood += 0.8
        if chance(0.55):
            ticket(s, signed + timedelta(minutes=R.uniform(10, 180)), "缺货", oid, 0.6)
        rt = signed + timedelta(hours=R.uniform(2, 30))
        if within(rt):
            pays.append((oid, s.cno, "REFUND", rt, int(fen * R.uniform(0.05, 0.2)), method))
    if late:
        mood += 1.0
        if chance(0.5 if outage else 0.3):
            ticket(s, signed - timedelta(minutes=R.uniform(10, 120)), "送达延迟", oid, 0.9)
    if chance(0.05 if cat == "seafood" else 0.02):
        mood += 1.2
        tt = signed + timedelta(minutes=R.uniform(20, 300))
        ticket(s, tt, "质量问题", oid, 0.9)
        rt = tt + timedelta(hours=R.uniform(3, 40))
        if chance(0.7) and within(rt):
            pays.append((oid, s.cno, "REFUND", rt, int(fen * R.uniform(0.1, 0.6)), method))
    if chance(0.01):
        mood += 0.8
        ticket(s, signed + timedelta(minutes=R.uniform(20, 300)), "错发漏发", oid, 0.7)
    if chance(0.12):
        rt = signed + timedelta(minutes=R.uniform(5, 600))
        if within(rt):
            ratings.append((s.cno, oid, rt, max(1, min(5, round(R.gauss(4.5 - mood, 0.7))))))


def order_rate(s, dt, base):
    if inw(dt, CLOSURE):
        return 0.0
    r = base
    if inw(dt, STOCKUP):
        r *= 1.5
    if inw(dt, REOPEN):
        r *= 2.0
    if s.credit and dt >= CREDIT_START:
        r *= 1.25
    if inw(dt, PRICE_WAR):
        r *= 0.75
    return min(0.95, r)


def customer_life(s, first_day, rep_orders=0.0):
    base = min(0.8, R.gammavariate(2.0, 0.11))
    hazard = R.uniform(0.002, 0.006)
    credit_ok = chance(0.4)
    n = 0
    d = first_day
    while d < END:
        if d >= CREDIT_START and not s.credit and credit_ok and n >= 5 and chance(0.05):
            s.credit = True
            crm_row(s, at(d, DAY_HOURS), "月结开通", "月结")
        h = hazard * (2.2 if inw(d, PRICE_WAR) else 1.0)
        if chance(h):
            break
        if chance(order_rate(s, d, base)):
            order(s, d, rep_order=chance(rep_orders))
            n += 1
        d += timedelta(days=1)
    # a few rep follow-up calls for ground-sales customers
    if s.rep:
        for _ in range(poisson(1.5)):
            t = at(
                first_day + timedelta(days=R.randrange(max(1, (END - first_day).days))), DAY_HOURS
            )
            crm_row(s, t, "电话回访", "地推")


def prospect(d, scene=None, fair=False):
    dt = day(d)
    city = (
        "FS"
        if dt >= FS_LAUNCH and chance(0.3 if dt >= FS_LAUNCH + timedelta(days=31) else 0.55)
        else "GZ"
    )
    s = Shop(city)
    shops.append(s)
    scene = scene or pick(SCENES, SCENE_W)
    t = at(d, DAY_HOURS)
    rep_orders = 0.0
    if fair:
        s.rep = R.choice(GZ_REPS + (FS_REPS if dt >= FS_LAUNCH else []))
        crm_row(s, t, "展会登记", "展会")
        if not chance(0.5):
            return
        t += timedelta(days=R.uniform(0.2, 6))
        scene = "expo"
    elif scene == "dtui_qr":
        s.rep = R.choice(GZ_REPS if city == "GZ" else FS_REPS)
        crm_row(s, t, "上门拜访", "地推")
        if chance(0.3):
            crm_row(s, t + timedelta(days=R.uniform(1, 6)), "试吃样品", "地推")
        if not chance(0.65):
            return
        t += timedelta(minutes=R.uniform(3, 60)) if chance(0.6) else timedelta(days=R.uniform(1, 5))
        rep_orders = 0.25
    if not ev(s, t, "mp_open", scene):
        return
    for i in range(R.choice([1, 2, 3, 4])):
        ev(s, t + timedelta(minutes=1 + 2 * i + R.random()), "sku_view", scene, pick(CATS, CAT_W))
    war = inw(dt, PRICE_WAR)
    p_reg = {
        "dtui_qr": 0.55,
        "kuailv_compare": 0.3,
        "douyin": 0.22,
        "chef_ref": 0.6,
        "search": 0.35,
        "expo": 0.45,
    }[scene]
    if scene == "kuailv_compare" and war:
        p_reg = 0.1
    if not chance(p_reg):
        if chance(0.3):  # one more look later
            ev(s, t + timedelta(days=R.uniform(1, 10)), "mp_open", "search")
        return
    t += timedelta(minutes=R.uniform(8, 40)) if chance(0.7) else timedelta(days=R.uniform(1, 8))
    ver = register(s, t, scene)
    if ver is None:
        return
    p_first = 0.78
    if scene == "kuailv_compare" and war:
        p_first = 0.45
    elif war:
        p_first = 0.65
    if not chance(p_first):
        return
    first = ver + timedelta(days=R.uniform(0, 6))
    customer_life(s, day(first), rep_orders)


def existing():
    s = Shop("GZ")
    shops.append(s)
    s.bound = True
    s.cno = f"XP{nxt('cust')}"
    s.source = pick(SCENES, SCENE_W)
    if s.source == "dtui_qr":
        s.rep = R.choice(GZ_REPS)
    reg = START - timedelta(days=R.uniform(20, 330), hours=R.uniform(0, 12))
    custs.append((s, reg))
    audits.append((s.cno, "PASS_OLD", reg))  # not written: before the period
    customer_life(s, START, 0.2 if s.rep else 0.0)


def simulate():
    for _ in range(650):
        existing()
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        lam = 14.0
        if inw(d, CLOSURE):
            lam = 3.0
        if inw(d, REOPEN):
            lam = 20.0
        if inw(d, (FS_LAUNCH, FS_LAUNCH + timedelta(days=31))):
            lam += 8.0
        if inw(d, PRICE_WAR):
            lam *= 1.1  # more comparison traffic, fewer sign-ups
        for _ in range(poisson(lam)):
            prospect(d)
        if inw(d, PRICE_WAR):
            for _ in range(poisson(4)):
                prospect(d, "kuailv_compare")
        for fs, n in FAIRS:
            if inw(d, (fs, fs + timedelta(days=n))):
                for _ in range(poisson(45)):
                    prospect(d, fair=True)
    # 月结 statements: issued on the 1st for last month's credit orders, due on the 15th
    for (s, m), vals in sorted(credit_usage.items(), key=lambda kv: (kv[0][1], kv[0][0].cno)):
        issue = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1, 9, 0) + timedelta(
            minutes=R.randrange(120)
        )
        if not within(issue):
            continue
        due = date(issue.year, issue.month, 15)
        bill = f"ZD{issue:%Y%m}{nxt('bill'):05d}"
        amt = round(sum(vals), 2)
        ledger.append((bill, s.cno, "BILL", issue, due, amt, ""))
        p_late = {10: 0.07, 11: 0.27, 12: 0.3}.get(issue.month, 0.1)
        if chance(p_late):
            lateby = R.randint(2, 25)
            od = datetime(due.year, due.month, due.day) + timedelta(days=1, hours=1)
            if within(od):
                ledger.append((bill, s.cno, "OVERDUE", od, due, amt, ""))
                if chance(0.15):
                    ticket(s, od + timedelta(hours=R.uniform(1, 30)), "账单问题", "", 0.5)
            paid = datetime(due.year, due.month, due.day) + timedelta(
                days=lateby, hours=R.uniform(9, 18)
            )
        else:
            paid = issue + timedelta(days=R.uniform(1, (due - issue.date()).days + 0.9))
        if within(paid):
            ledger.append(
                (bill, s.cno, "REPAY", paid, due, amt, str(max(0, (paid.date() - due).days)))
            )


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def ems(ts):
        return int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000)

    with open(folder / "mp_events.jsonl", "w") as f:
        for r in sorted(mp, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "openid": r[1],
                "mobile": r[2] or None,
                "event": r[3],
                "ts": ems(r[0]),
                "scene": r[4],
                "city": r[6],
            }
            if r[5]:
                obj["sku_cat"] = r[5]
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "crm_followups.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "跟进编号",
                "手机号",
                "客户编号",
                "跟进时间",
                "跟进类型",
                "销售代表",
                "线索来源",
                "城市",
            ]
        )
        for r in sorted(crm, key=lambda r: (r[3], r[0])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{r[3]:%Y-%m-%d %H:%M}",
                    r[4],
                    r[5],
                    r[6],
                    "广州" if r[7] == "GZ" else "佛山",
                ]
            )
    with open(folder / "customers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "customer_no",
                "mobile",
                "registered_at",
                "city",
                "district",
                "restaurant_type",
                "reg_source",
                "sales_rep",
            ]
        )
        for s, t in sorted(custs, key=lambda r: r[0].cno):
            w.writerow([s.cno, s.mobile, utc(t), s.city, s.district, s.rtype, s.source, s.rep])
    with open(folder / "license_audit.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["customer_no", "action", "action_time"])
        for r in sorted(audits, key=lambda r: (r[2], r[0])):
            if r[1] != "PASS_OLD" and within(r[2]):
                w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}"])
    with open(folder / "orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "customer_no",
                "created_at",
                "city",
                "sku_category",
                "item_lines",
                "total_fen",
                "pay_method",
                "order_source",
                "placed_by_rep",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], utc(r[2]), *r[3:]])
    with open(folder / "order_payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "customer_no", "txn_type", "txn_time", "amount_fen", "pay_method"])
        for r in sorted(pays, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], utc(r[3]), r[4], r[5]])
    with open(folder / "wms_picking.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "order_no",
                "customer_no",
                "picked_time",
                "warehouse",
                "lines",
                "short_lines",
                "picker",
            ]
        )
        for r in sorted(picks, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M:%S}", r[3], r[4], r[5], r[6]])
    with open(folder / "tms_delivery.jsonl", "w") as f:
        for r in sorted(tms, key=lambda r: (r[4], r[0], r[3])):
            obj = {
                "waybill": r[0],
                "order_no": r[1],
                "shop_code": r[2],
                "status": r[3],
                "time": f"{r[4]:%Y-%m-%dT%H:%M:%S}+08:00",
                "driver": r[5],
            }
            if r[6]:
                obj["on_time"] = r[6]
            f.write(json.dumps(obj) + "\n")
    with open(folder / "credit_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "bill_no",
                "customer_no",
                "entry_type",
                "entry_time",
                "due_date",
                "amount_yuan",
                "days_late",
            ]
        )
        for r in sorted(ledger, key=lambda r: (r[3], r[0], r[2])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{r[3]:%Y-%m-%d %H:%M:%S}",
                    f"{r[4]:%Y-%m-%d}",
                    f"{r[5]:.2f}",
                    r[6],
                ]
            )

    def loc(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "after_sales.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "customer_no",
                "order_no",
                "created",
                "first_reply",
                "closed",
                "issue_type",
                "contact_channel",
                "is_complaint",
                "satisfaction",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], loc(r[3]), loc(r[4]), loc(r[5]), r[6], r[7], r[8], r[9]])
    with open(folder / "sign_ratings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer_no", "order_no", "rated_at", "stars"])
        for r in sorted(ratings, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], utc(r[2]), r[3]])
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "费用项目", "金额(元)"])
        regs = {}
        for s, t in custs:
            if within(t):
                regs[(t.year, t.month, s.source)] = regs.get((t.year, t.month, s.source), 0) + 1
        m = date(2025, 12, 1)
        while m < date(2026, 12, 1):
            g = regs.get((m.year, m.month, "dtui_qr"), 0)
            w.writerow([f"{m:%Y-%m}", "地推提成", f"{g * 150 + R.uniform(18000, 22000):.2f}"])
            dy = (
                R.uniform(25000, 35000)
                * (1.6 if m.month == 10 else 1.0)
                * (1.5 if m.month == 3 else 1.0)
            )
            w.writerow([f"{m:%Y-%m}", "抖音投放", f"{dy:.2f}"])
            if m.month in (4, 9):
                w.writerow([f"{m:%Y-%m}", "展会", f"{R.uniform(80000, 95000):.2f}"])
            c = regs.get((m.year, m.month, "chef_ref"), 0)
            w.writerow([f"{m:%Y-%m}", "推荐奖励", f"{c * 200:.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="wholesale-src-") as tmp:
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
