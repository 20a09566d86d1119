"""Housing evaluation domain: 安居找房 (AnJu), a second-hand home agency in Suzhou and Wuxi.

    python generate.py OUT.duckdb

Writes AnJu's own exports (seeded: the same files every run) to a temporary folder —

  crm_customers.csv     CRM customer master (Chinese headers): 客户编号, 手机号MD5, 登记时间,
                        城市, 客户类型, 预算
  crm_followups.csv     CRM follow-up log (Chinese headers, 'YYYY-MM-DD HH:mm' Shanghai time,
                        经纪人工号, 门店)
  app_events.jsonl      AnJu app event log: epoch milliseconds, device_id always,
                        phone_md5 only after login
  beike_leads.csv       贝壳 lead export ('YYYY/MM/DD HH:mm:ss', its own status words)
  58_leads.csv          58同城 lead export ('YYYY年MM月DD日 HH:mm', its own status words)
  contracts.csv         contract system (English columns, ISO UTC with Z, price / commission in 元)
  mortgage_status.csv   mortgage-status file from the partner banks ('YYYY-MM-DD' dates)
  complaints.csv        complaint tickets ('YYYY-MM-DD HH:mm:ss' Shanghai time)
  marketing_monthly.csv monthly marketing sheet (月份 'YYYY-MM', 渠道, 费用(元))

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
SPRING = (datetime(2026, 3, 1), datetime(2026, 6, 1))  # 金三银四 buying peak
RATE_CUT = datetime(2026, 6, 1)  # mortgage-rate cut: more offers sign, more loans approved
BEIKE_FEE_UP = datetime(2026, 7, 1)  # 贝壳 port fees rise
WUXI_OPEN = datetime(2026, 8, 8)  # 无锡梁溪店 opens (Saturday)
FAKE_WAVE = (datetime(2026, 9, 1), datetime(2026, 10, 1))  # fake-listing complaint wave
GUOQING = (datetime(2026, 10, 1), datetime(2026, 10, 8))  # quiet 国庆 week

R = random.Random(SEED)

SOURCES = ["贝壳", "58同城", "小红书", "安居App", "门店"]
SOURCE_W = [0.33, 0.2, 0.14, 0.2, 0.13]
SZ_STORES = ["园区星海店", "姑苏石路店", "新区狮山店"]
WX_STORE = "无锡梁溪店"
AGENTS = {
    s: [f"JJR{i:03d}" for i in range(k * 10 + 1, k * 10 + 8)]
    for k, s in enumerate([*SZ_STORES, WX_STORE])
}
SEGMENTS = ["首套刚需", "改善置换", "投资"]
SEG_W = [0.5, 0.38, 0.12]
HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.4,
    0.9,
    1.5,
    2.2,
    2.8,
    2.6,
    2.4,
    2.5,
    2.8,
    2.8,
    2.6,
    2.4,
    2.6,
    3.2,
    3.6,
    3.4,
    2.4,
    0.9,
]
WORK_HOURS = [0] * 9 + [2, 3, 3, 2, 3, 4, 4, 4, 3, 2, 1] + [0] * 4


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


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


customers, followups, app, beike, wuba, contracts, mortgage, complaints = ([] for _ in range(8))
seq = {"cust": 100000, "dev": 0, "lead": 0, "ctr": 0, "loan": 0, "tk": 0, "listing": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city):
        self.city = city
        self.phone = md5(f"phone{nxt('dev')}{R.random()}")
        self.cno = None
        self.device = None
        self.logged_in = False
        self.seg = pick(SEGMENTS, SEG_W)
        self.budget = None
        self.created = None
        self.store = None
        self.agent = None


def store_for(p, ts):
    if p.city == "无锡":
        return WX_STORE if ts >= WUXI_OPEN else "新区狮山店"
    return pick(SZ_STORES, [0.42, 0.28, 0.3])


def register(p, ts):
    """The agent creates the customer in the CRM."""
    if p.cno is None:
        p.cno = f"KH{nxt('cust')}"
        p.created = ts
        p.store = p.store or store_for(p, ts)
        p.agent = R.choice(AGENTS[p.store])
        if p.budget is None:
            hi = p.city == "苏州"
            p.budget = pick(
                ["150万以下", "150-300万", "300-500万", "500万以上"],
                [0.2, 0.45, 0.27, 0.08] if hi else [0.42, 0.43, 0.12, 0.03],
            )
        customers.append(p)


def crm(p, ts, kind, source, reason=""):
    if not within(ts):
        return False
    followups.append((ts, p.cno, p.phone, kind, source, p.agent, p.store, p.city, reason))
    return True


def app_event(p, ts, name, listing_city=""):
    if not within(ts):
        return False
    if p.device is None:
        p.device = "dev-" + md5(f"device{nxt('dev')}")[:16]
    app.append((ts, p.device, p.phone if p.logged_in else "", name, listing_city, p.os))
    return True


def complaint(p, ts, kind, source):
    if not within(ts):
        return
    ch = pick(["400热线", "App在线客服", "门店"], [0.5, 0.35, 0.15])
    fr = {
        "400热线": R.uniform(0.05, 1.5),
        "App在线客服": R.uniform(0.1, 3),
        "门店": R.uniform(1, 24),
    }[ch]
    if inw(ts, FAKE_WAVE):
        fr *= 2.5  # the queue during the wave
    res = (
        fr
        + {
            "虚假房源": R.uniform(6, 72),
            "经纪人态度": R.uniform(4, 48),
            "隐性收费": R.uniform(24, 160),
            "过户延误": R.uniform(24, 240),
        }[kind]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.5):
        base = {"虚假房源": 2.6, "经纪人态度": 3.0, "隐性收费": 2.4, "过户延误": 3.1}[kind]
        csat = max(1, min(5, round(R.gauss(base, 1.0))))
    complaints.append(
        (
            f"TS{nxt('tk'):06d}",
            p.phone,
            p.cno or "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.95) else None,
            kind,
            ch,
            csat,
            source,
        )
    )


def deal_price(p):
    lo, hi = (180, 650) if p.city == "苏州" else (110, 380)
    if p.seg == "改善置换":
        lo, hi = lo * 1.4, hi * 1.5
    return round(math.exp(R.uniform(math.log(lo), math.log(hi))), 1) * 10000


def pipeline(p, ts, source):
    """From the lead to the agent's call, viewings, offer, contract, mortgage and transfer."""
    peak = inw(ts, SPRING)
    # the agent calls (CRM 电话回访); leads from the portals are registered in the CRM by the call
    if source != "门店":
        p_call = {"贝壳": 0.88, "58同城": 0.75, "小红书": 0.85, "安居App": 0.9}[source]
        if not chance(p_call):
            return
        delay = R.uniform(0.1, 6) if source in ("贝壳", "安居App") else R.uniform(0.5, 30)
        t = ts + timedelta(hours=delay)
        if t.hour < 9 or t.hour >= 21:
            t = datetime(t.year, t.month, t.day, 9, R.randrange(60)) + timedelta(
                days=1 if t.hour >= 21 else 0
            )
        register(p, t)
        if not crm(p, t, "电话回访", source):
            return
    else:
        t = ts
    fake = source in ("58同城", "贝壳") and inw(t, FAKE_WAVE)
    if (fake and chance(0.22 if source == "58同城" else 0.08)) or chance(0.012):
        complaint(p, t + timedelta(hours=R.uniform(2, 72)), "虚假房源", source)
    p_view = {"贝壳": 0.5, "58同城": 0.34, "小红书": 0.38, "安居App": 0.46, "门店": 0.62}[source]
    if fake:
        p_view *= 0.7
    if inw(t, GUOQING):
        p_view *= 0.6
    if not chance(p_view):
        if chance(0.02):
            complaint(p, t + timedelta(days=R.uniform(0, 3)), "经纪人态度", source)
        return
    t = t + timedelta(days=R.uniform(0.5, 6))
    if inw(t, GUOQING) and chance(0.7):
        t = GUOQING[1] + timedelta(hours=R.uniform(10, 60))
    t = datetime(t.year, t.month, t.day, R.choice([10, 11, 14, 15, 16, 17, 19]), R.randrange(60))
    if p.store is None:
        p.store = store_for(p, t)
    for i in range(R.choice([1, 1, 2, 2, 3, 4])):
        if not crm(p, t, "带看", source):
            return
        if i == 0 and source != "门店" and chance(0.25):
            crm(p, t - timedelta(minutes=R.uniform(10, 40)), "到店", source)
        t = t + timedelta(days=R.uniform(1, 9))
    if chance(0.025):
        complaint(p, t, "经纪人态度", source)
    after_cut = t >= RATE_CUT
    p_offer = 0.34 + (0.06 if peak else 0) + (0.08 if after_cut else 0)
    if not chance(p_offer):
        return
    t = t - timedelta(days=R.uniform(0.2, 1))
    if not crm(p, t, "出价", source):
        return
    price = deal_price(p)
    negotiated = chance(0.82)
    if negotiated:
        t = t + timedelta(hours=R.uniform(4, 72))
        if not crm(p, t, "议价", source):
            return
    p_sign = 0.5 if not after_cut else 0.66
    if not chance(p_sign):
        crm(
            p,
            t + timedelta(days=R.uniform(1, 6)),
            "交易终止",
            source,
            pick(
                ["价格谈不拢", "房东反悔", "贷款额度不足", "买家另选房源"],
                [0.4, 0.25, 0.2 if not after_cut else 0.08, 0.15],
            ),
        )
        return
    signed = t + timedelta(days=R.uniform(1, 7))
    signed = datetime(
        signed.year, signed.month, signed.day, R.choice([10, 11, 14, 15, 16, 19]), R.randrange(60)
    )
    if not within(signed):
        return
    rate = 0.02 if p.city == "苏州" else 0.018
    commission = round(price * rate / 100) * 100
    cid = f"HT{signed:%y%m}{nxt('ctr'):05d}"
    contracts.append((cid, p.cno, "SIGNED", signed, price, commission, p.store, p.agent, p.city))
    if chance(0.04):
        contracts.append(
            (
                cid,
                p.cno,
                "CANCELLED",
                signed + timedelta(days=R.uniform(2, 15)),
                price,
                commission,
                p.store,
                p.agent,
                p.city,
            )
        )
        return
    paid = signed + timedelta(days=R.uniform(0, 10))
    contracts.append(
        (cid, p.cno, "COMMISSION_PAID", paid, price, commission, p.store, p.agent, p.city)
    )
    if chance(0.05 if not inw(signed, FAKE_WAVE) else 0.1):
        complaint(p, paid + timedelta(days=R.uniform(1, 20)), "隐性收费", source)
    ready = signed + timedelta(days=R.uniform(3, 10))
    if chance(0.72):
        loan = round(price * R.uniform(0.5, 0.7) / 10000) * 10000
        lid = f"AJ{nxt('loan'):06d}"
        bank = pick(
            ["工商银行", "建设银行", "苏州银行", "江苏银行", "招商银行"],
            [0.25, 0.25, 0.2, 0.15, 0.15],
        )
        applied = signed + timedelta(days=R.uniform(2, 8))
        mortgage.append((lid, p.cno, cid, bank, "已受理", applied, loan))
        p_ok = 0.9 if applied >= RATE_CUT else 0.8
        decided = applied + timedelta(
            days=R.uniform(7, 28) if applied < RATE_CUT else R.uniform(5, 18)
        )
        if chance(p_ok):
            mortgage.append((lid, p.cno, cid, bank, "审批通过", decided, loan))
            ready = decided
        else:
            mortgage.append((lid, p.cno, cid, bank, "审批拒绝", decided, loan))
            if chance(0.5):
                contracts.append(
                    (
                        cid,
                        p.cno,
                        "CANCELLED",
                        decided + timedelta(days=R.uniform(1, 10)),
                        price,
                        commission,
                        p.store,
                        p.agent,
                        p.city,
                    )
                )
                return
            ready = decided + timedelta(days=R.uniform(5, 20))
    done = ready + timedelta(days=R.uniform(5, 25))
    if inw(done, GUOQING):
        done = GUOQING[1] + timedelta(days=R.uniform(0, 3))
    done = datetime(done.year, done.month, done.day, R.choice([9, 10, 11, 14, 15]), R.randrange(60))
    contracts.append((cid, p.cno, "TRANSFERRED", done, price, commission, p.store, p.agent, p.city))
    if done - signed > timedelta(days=60) and chance(0.2):
        complaint(p, done - timedelta(days=R.uniform(1, 10)), "过户延误", source)


def browse(p, t, city, sessions=None):
    for s in range(sessions or R.choice([1, 1, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.3, 8))
        if not app_event(p, t, "app_open"):
            return t
        for _ in range(R.choice([1, 2, 3, 4, 6])):
            t = t + timedelta(minutes=R.uniform(0.5, 4))
            app_event(p, t, "listing_view", city)
        if chance(0.25):
            t = t + timedelta(minutes=R.uniform(0.2, 2))
            app_event(p, t, "listing_favorite", city)
    return t


def traffic(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, SPRING):
        w *= 1.65
    if dt.month == 2 and dt.day < 25:
        w *= 0.6  # around 春节 (17 Feb 2026)
    if inw(dt, GUOQING):
        w *= 0.35
    if dt.month in (6, 7):
        w *= 1.15  # after the rate cut
    if d.weekday() >= 5:
        w *= 1.3
    return w


def buyer(d):
    dt = datetime(d.year, d.month, d.day)
    wuxi_share = 0.14 if dt < WUXI_OPEN else 0.3
    p = Person(pick(["苏州", "无锡"], [1 - wuxi_share, wuxi_share]))
    p.os = pick(["iOS", "Android"], [0.45, 0.55])
    source = pick(SOURCES, SOURCE_W)
    if source == "门店" and p.city == "无锡" and dt < WUXI_OPEN:
        source = pick(["贝壳", "58同城", "安居App"], [0.5, 0.3, 0.2])
    if source == "门店" and p.city == "无锡":
        source = "门店" if chance(0.8) else "贝壳"
    p.source = source
    t = at(d)
    if source == "安居App":
        t = browse(p, t, p.city)
        if not chance(0.42):
            return
        p.logged_in = True
        t = t + timedelta(minutes=R.uniform(1, 5))
        app_event(p, t, "app_login")
        t = t + timedelta(minutes=R.uniform(0.5, 3))
        if not app_event(p, t, "contact_submitted", p.city):
            return
        pipeline(p, t, source)
    elif source in ("贝壳", "58同城"):
        status = None
        lid = f"{'BK' if source == '贝壳' else 'WB'}{nxt('lead'):07d}"
        (beike if source == "贝壳" else wuba).append([lid, p.phone, t, p.city, status, p])
        before = len(followups)
        pipeline(p, t, source)
        kinds = {r[3] for r in followups[before:] if r[1] == p.cno}
        if source == "贝壳":
            st = (
                "已带看"
                if "带看" in kinds
                else "已联系"
                if "电话回访" in kinds
                else pick(["待跟进", "无效"], [0.4, 0.6])
            )
        else:
            st = (
                "已到访"
                if "带看" in kinds
                else "跟进中"
                if "电话回访" in kinds
                else pick(["未处理", "无效线索"], [0.4, 0.6])
            )
        (beike if source == "贝壳" else wuba)[-1][4] = st
    elif source == "小红书":
        # a private message on 小红书: the agent registers the customer in the CRM
        t = t + timedelta(hours=R.uniform(0.5, 12))
        t = max(t, datetime(t.year, t.month, t.day, 9, R.randrange(60)))
        register(p, t)
        if crm(p, t, "线索登记", source):
            pipeline(p, t, source)
    else:  # walk-in
        t = at(d, WORK_HOURS)
        p.store = store_for(p, t)
        if p.city == "无锡" and t < WUXI_OPEN:
            return
        register(p, t)
        if crm(p, t, "到店", source) and crm(p, t + timedelta(minutes=2), "线索登记", source):
            pipeline(p, t + timedelta(minutes=R.uniform(10, 40)), source)
    # some known customers keep browsing the app later
    if p.cno and chance(0.3):
        p.logged_in = True
        browse(p, t + timedelta(days=R.uniform(1, 20)), p.city, R.choice([1, 2]))


def seller(d):
    dt = datetime(d.year, d.month, d.day)
    p = Person(pick(["苏州", "无锡"], [0.82, 0.18] if dt < WUXI_OPEN else [0.65, 0.35]))
    p.seg = "业主"
    p.budget = ""
    t = at(d, WORK_HOURS)
    p.store = store_for(p, t)
    register(p, t)
    src = pick(["门店", "贝壳", "58同城", "安居App"], [0.5, 0.25, 0.1, 0.15])
    p.source = src
    crm(p, t, "房源录入", src)
    if chance(0.2):
        crm(p, t + timedelta(days=R.uniform(3, 40)), "房源录入", src)


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        w = traffic(d)
        for _ in range(poisson(22 * w)):
            buyer(d)
        dt = datetime(d.year, d.month, d.day)
        for _ in range(
            poisson(3.2 * (0.4 if inw(dt, GUOQING) else 1.0) * (1.3 if dt >= WUXI_OPEN else 1.0))
        ):
            seller(d)


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def ms(ts):
        return int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000)

    with open(folder / "crm_customers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["客户编号", "手机号MD5", "登记时间", "城市", "客户类型", "预算", "客户来源"])
        for p in sorted(customers, key=lambda p: p.cno):
            w.writerow(
                [p.cno, p.phone, f"{p.created:%Y-%m-%d %H:%M}", p.city, p.seg, p.budget, p.source]
            )
    with open(folder / "crm_followups.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "跟进时间",
                "客户编号",
                "手机号MD5",
                "跟进类型",
                "客户来源",
                "经纪人工号",
                "门店",
                "城市",
                "终止原因",
            ]
        )
        for r in sorted(followups, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M}", *r[1:]])
    with open(folder / "app_events.jsonl", "w", encoding="utf-8") as f:
        for ts, dev, phone, name, city, os_ in sorted(app, key=lambda r: (r[0], r[1], r[3])):
            obj = {"event_time": ms(ts), "device_id": dev, "event": name, "os": os_}
            if phone:
                obj["phone_md5"] = phone
            if city:
                obj["listing_city"] = city
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "beike_leads.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["线索ID", "客户手机MD5", "线索创建时间", "意向城市", "线索状态"])
        for lid, phone, ts, city, st, _ in sorted(beike, key=lambda r: (r[2], r[0])):
            if within(ts):
                w.writerow([lid, phone, f"{ts:%Y/%m/%d %H:%M:%S}", city, st])
    with open(folder / "58_leads.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["编号", "电话MD5", "提交时间", "城市", "处理状态"])
        for lid, phone, ts, city, st, _ in sorted(wuba, key=lambda r: (r[2], r[0])):
            if within(ts):
                w.writerow([lid, phone, f"{ts:%Y年%m月%d日 %H:%M}", city, st])
    with open(folder / "contracts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "contract_no",
                "customer_no",
                "status",
                "status_time_utc",
                "deal_price_cny",
                "commission_cny",
                "store",
                "agent_id",
                "city",
            ]
        )
        for r in sorted(contracts, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow(
                    [r[0], r[1], r[2], utc(r[3]), f"{r[4]:.0f}", f"{r[5]:.0f}", r[6], r[7], r[8]]
                )
    with open(folder / "mortgage_status.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["按揭编号", "客户编号", "合同号", "贷款银行", "审批状态", "状态日期", "贷款金额"]
        )
        for r in sorted(mortgage, key=lambda r: (r[5], r[0])):
            if within(r[5]):
                w.writerow([r[0], r[1], r[2], r[3], r[4], f"{r[5]:%Y-%m-%d}", f"{r[6]:.0f}"])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "complaints.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "手机号MD5",
                "客户编号",
                "创建时间",
                "首次回复时间",
                "解决时间",
                "投诉类型",
                "受理渠道",
                "满意度",
                "客户来源",
            ]
        )
        for r in sorted(complaints, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), r[6], r[7], r[8], r[9]])
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "费用(元)"])
        m = date(2025, 12, 1)
        while m < date(2026, 12, 1):  # complete months only
            dm = datetime(m.year, m.month, 1)
            peak = 1.25 if inw(dm, SPRING) else 1.0
            base = {
                "贝壳端口费": 185000 if dm < BEIKE_FEE_UP else 268000,
                "58同城": 62000 * peak,
                "小红书": 38000 * peak * (1.3 if dm >= datetime(2026, 4, 1) else 1.0),
                "门店地推": 24000 + (30000 if dm.month == 8 else 0),
            }
            for ch, amt in base.items():
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * R.uniform(0.94, 1.06):.0f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="housing-src-") as tmp:
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
