"""Visa evaluation domain: 环球签 (HuanQiuQian), a visa agency (Shanghai, Beijing, Chengdu).

    python generate.py OUT.duckdb

Writes HuanQiuQian's own exports (seeded: the same files every run) to a temporary folder —

  crm_customers.csv        CRM customers (Chinese headers, 'YYYY-MM-DD HH:mm' Shanghai time)
  crm_quotes.csv           CRM quotes sent by consultants (Chinese headers)
  questionnaire_log.jsonl  web questionnaire log: epoch ms, cookie id, phone hash once given
  payments.csv             payment file: amounts in 分, 微信支付 / 支付宝 / 对公转账
  doc_checks.csv           document-check log: English columns, ISO UTC with Z
  appointments.csv         biometrics appointment system: 'DD/MM/YYYY HH:mm' local, phone hash only
  consulate_decisions.csv  consulate decision file: 签发 / 拒签 / 撤回
  complaint_tickets.csv    complaint tickets
  marketing_monthly.csv    monthly marketing sheet (百度竞价, 小红书, 携程佣金) in 元

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
UK_FEE_RISE = datetime(2026, 4, 1)
CHENGDU_OPEN = datetime(2026, 3, 9)
OUTAGE = (datetime(2026, 8, 18), datetime(2026, 8, 21))  # appointment system down 18-20 Aug
JAPAN_RULE = datetime(2026, 10, 15)  # Japan simplified tourist-visa rules
XHS_SLIP = datetime(2026, 7, 1)  # 小红书 traffic gets lower-intent

R = random.Random(SEED)

DESTS = ["schengen", "uk", "us", "jp", "au"]
DEST_ZH = {"schengen": "申根", "uk": "英国", "us": "美国", "jp": "日本", "au": "澳大利亚"}
VTYPES = ["tourist", "business", "student"]
VTYPE_ZH = {"tourist": "旅游签", "business": "商务签", "student": "学生签"}
SERVICE_FEE = {
    "schengen": (699, 899, 999),
    "uk": (899, 1099, 1299),
    "us": (999, 1299, 1299),
    "jp": (399, 499, 599),
    "au": (799, 999, 1199),
}
CONSULATE_FEE = {  # 元, collected on behalf of the consulate
    "schengen": (680, 680, 680),
    "uk": (1080, 1080, 4500),
    "us": (1350, 1350, 1350),
    "jp": (200, 200, 200),
    "au": (1010, 1010, 3400),
}
UK_FEE_AFTER = (1250, 1250, 4950)
DECISION_DAYS = {"schengen": (6, 15), "uk": (12, 22), "us": (3, 10), "jp": (4, 8), "au": (10, 25)}
REFUSAL = {"schengen": 0.07, "uk": 0.09, "us": 0.22, "jp": 0.04, "au": 0.08}
CITIES = {
    "上海": ["上海", "杭州", "南京", "苏州"],
    "北京": ["北京", "天津", "石家庄"],
    "成都": ["成都", "重庆", "昆明"],
}
CONSULTANTS = {
    "上海": ["SH01", "SH02", "SH03", "SH05", "SH08"],
    "北京": ["BJ01", "BJ02", "BJ04", "BJ06"],
    "成都": ["CD01", "CD02"],
}
WEB_SOURCES = ["baidu", "xiaohongshu", "ctrip", "(direct)"]
SRC_ZH = {"baidu": "百度", "xiaohongshu": "小红书", "ctrip": "携程", "(direct)": "直接访问"}
HOURS = [
    0.2,
    0.1,
    0.05,
    0.05,
    0.05,
    0.1,
    0.3,
    0.8,
    1.5,
    2.5,
    3,
    3,
    2.5,
    2.8,
    3,
    3,
    2.8,
    2.5,
    2.2,
    2.6,
    3,
    3,
    2.2,
    0.8,
]
OFFICE = [0] * 9 + [3, 4, 4, 2, 4, 4, 4, 3, 2] + [0] * 6


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


def within(ts):
    return START <= ts < END


def office(ts, min_hours=0.5):
    """The next office moment (9:00-18:00) at least min_hours after ts."""
    t = ts + timedelta(hours=min_hours)
    if t.hour >= 18:
        t = datetime(t.year, t.month, t.day, 9, R.randrange(60)) + timedelta(days=1)
    elif t.hour < 9:
        t = datetime(t.year, t.month, t.day, 9, R.randrange(60))
    return t


web, customers, quotes, pays, docs, appts, decisions, tickets = ([] for _ in range(8))
seq = {"cust": 100000, "app": 0, "quote": 0, "pay": 0, "doc": 0, "appt": 0, "tk": 0, "ck": 0}
people = []


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, source, dest, vtype, centre):
        self.source = source  # 百度 / 小红书 / 携程 / 直接访问 / 企业客户 / 朋友推荐
        self.dest = dest
        self.vtype = vtype
        self.centre = centre
        self.city = R.choice(CITIES[centre])
        self.cookie = None
        self.phone = None
        self.cno = None
        self.kind = "企业" if source == "企业客户" else "个人"


def centre_for_new():
    return "成都" if chance(0.2) else pick(["上海", "北京"], [0.55, 0.45])


def become_customer(p, ts):
    p.phone = "ph_" + h(f"phone{len(people)}{ts}")[:14]
    p.cno = f"HQ{nxt('cust')}"
    p.consultant = R.choice(CONSULTANTS[p.centre])
    customers.append((p.cno, p.phone, ts, p.source, p.centre, p.consultant, p.kind, p.city))


def ticket(p, ts, reason, slow=False):
    if not within(ts):
        return
    ch = pick(["电话", "微信", "邮件"], [0.35, 0.5, 0.15])
    fr = {"电话": R.uniform(0.05, 2), "微信": R.uniform(0.2, 6), "邮件": R.uniform(3, 30)}[ch]
    if slow:
        fr = fr * 4 + R.uniform(6, 30)
    res = (
        fr
        + {
            "回复慢": R.uniform(4, 48),
            "材料丢失": R.uniform(24, 160),
            "拒签": R.uniform(24, 120),
            "费用疑问": R.uniform(2, 30),
            "预约问题": R.uniform(6, 72),
        }[reason]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.5):
        mood = {"回复慢": 1.3, "材料丢失": 1.8, "拒签": 2.0, "费用疑问": 0.4, "预约问题": 1.0}[
            reason
        ]
        if slow:
            mood += 0.6
        csat = str(max(1, min(5, round(R.gauss(4.3 - mood, 0.9)))))
    complaint = "是" if reason in ("回复慢", "材料丢失", "拒签") or chance(0.3) else "否"
    tickets.append(
        (
            f"TK{nxt('tk'):06d}",
            p.cno,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            reason,
            ch,
            complaint,
            csat,
        )
    )


def application(p, t_quote):
    """Payment and everything after: documents, check, appointment, decision, complaints."""
    d_i = VTYPES.index(p.vtype)
    p_pay = {"企业客户": 0.8, "朋友推荐": 0.7}.get(p.source, 0.52)
    if p.dest == "uk" and t_quote >= UK_FEE_RISE:
        p_pay -= 0.12
    if p.dest == "jp" and t_quote >= JAPAN_RULE:
        p_pay += 0.1
    if not chance(p_pay):
        return
    tp = t_quote + timedelta(hours=R.uniform(0.5, 96))
    if not within(tp):
        return
    app = f"VA{tp:%y%m}{nxt('app'):05d}"
    fee = SERVICE_FEE[p.dest][d_i]
    cfee = CONSULATE_FEE[p.dest][d_i]
    if p.dest == "uk" and tp >= UK_FEE_RISE:
        cfee = UK_FEE_AFTER[d_i]
    method = (
        "对公转账"
        if p.kind == "企业" and chance(0.9)
        else pick(["微信支付", "支付宝"], [0.62, 0.38])
    )
    pays.append((p, app, "签证服务费", fee * 100, cfee * 100, method, tp))
    express = chance(0.22 if p.kind == "企业" else 0.12)
    if express:
        pays.append(
            (p, app, "加急服务", 500 * 100, 0, method, tp + timedelta(minutes=R.uniform(1, 20)))
        )
    if chance(0.55 if p.dest == "schengen" else 0.12):
        prem = R.choice([128, 168, 198, 258])
        pays.append(
            (p, app, "旅行保险", prem * 100, 0, method, tp + timedelta(minutes=R.uniform(1, 60)))
        )
    # documents
    if not chance(0.93):
        if chance(0.3):
            ticket(p, tp + timedelta(days=R.uniform(3, 20)), "费用疑问")
        return
    tu = tp + timedelta(hours=R.uniform(2, 24 * (2 if express else 6)))
    docs.append((p, app, "UPLOAD", tu, ""))
    tc = office(tu, R.uniform(1, 20 if express else 40))
    if chance(0.3 if p.vtype == "student" else 0.22):
        docs.append(
            (
                p,
                app,
                "MISSING",
                tc,
                pick(
                    ["bank statement", "employment letter", "itinerary", "photo", "hotel booking"],
                    [3, 2, 2, 1, 1],
                ),
            )
        )
        if not chance(0.85):
            return
        tu = tc + timedelta(hours=R.uniform(6, 120))
        docs.append((p, app, "UPLOAD", tu, ""))
        tc = office(tu, R.uniform(1, 24))
    docs.append((p, app, "PASS", tc, ""))
    if chance(0.012 if p.centre != "北京" else 0.025):
        ticket(p, tc + timedelta(days=R.uniform(1, 10)), "材料丢失")
    # appointment booking (phone hash only)
    tb = office(tc + timedelta(hours=R.uniform(1, 48)), 0)
    if OUTAGE[0] <= tb < OUTAGE[1]:
        if chance(0.6):
            ticket(p, tb + timedelta(hours=R.uniform(1, 20)), "预约问题", slow=True)
        tb = OUTAGE[1] + timedelta(hours=R.uniform(9, 80))
    tb = office(tb, 0)
    lead = R.uniform(2, 6) if express else R.uniform(4, 16)
    if p.dest == "schengen" and tb.month in (4, 5, 6):
        lead *= 1.6
    slot = tb + timedelta(days=lead)
    slot = datetime(
        slot.year,
        slot.month,
        slot.day,
        R.choice([9, 10, 11, 13, 14, 15, 16]),
        R.choice([0, 15, 30, 45]),
    )
    if OUTAGE[0] <= slot < OUTAGE[1]:  # slots during the outage were cancelled and rebooked
        slot = slot + timedelta(days=R.uniform(4, 9))
        slot = datetime(slot.year, slot.month, slot.day, R.choice([9, 10, 14, 15]), 0)
        if chance(0.5):
            ticket(p, OUTAGE[0] + timedelta(hours=R.uniform(9, 60)), "预约问题", slow=True)
    ref = f"BK{nxt('appt'):06d}"
    appts.append((p, ref, "Booked", tb, slot))
    if slot >= END:
        return
    if not chance(0.94):
        appts.append((p, ref, "No-show", slot, slot))
        return
    appts.append((p, ref, "Attended", slot + timedelta(minutes=R.uniform(0, 25)), slot))
    lo, hi = DECISION_DAYS[p.dest]
    days = R.uniform(lo, hi) * (0.55 if express else 1.0)
    td = office(slot + timedelta(days=days), 0)
    if not within(td):
        return
    refuse = (
        REFUSAL[p.dest]
        * (1.4 if p.vtype == "student" else 1.0)
        * (0.6 if p.kind == "企业" else 1.0)
    )
    if chance(0.03):
        outcome = "撤回"
    elif chance(refuse):
        outcome = "拒签"
    else:
        outcome = "签发"
    decisions.append((p, app, outcome, td))
    if outcome == "拒签" and chance(0.35):
        ticket(p, td + timedelta(hours=R.uniform(2, 72)), "拒签")
    if chance(0.07):
        ticket(p, tp + timedelta(days=R.uniform(1, 15)), "回复慢")


def quote(p, t):
    tq = office(t, R.uniform(0.2, 6))
    if not within(tq):
        return
    d_i = VTYPES.index(p.vtype)
    fee = SERVICE_FEE[p.dest][d_i]
    quotes.append(
        (f"QT{nxt('quote'):06d}", p.cno, tq, p.source, p.dest, p.vtype, p.centre, p.consultant, fee)
    )
    application(p, tq)


def demand_weight(dt, dest, vtype):
    w = 1.0
    if dest == "schengen" and dt.month in (4, 5, 6):
        w *= 2.3 if vtype == "tourist" else 1.3
    if dest == "schengen" and dt.month in (7, 8):
        w *= 1.2
    if dest == "us" and vtype == "student" and dt.month in (5, 6, 7):
        w *= 2.0
    if dest == "uk" and vtype == "student" and dt.month in (6, 7, 8):
        w *= 2.0
    if dest == "uk" and dt >= UK_FEE_RISE:
        w *= 0.8
    if dest == "jp" and dt >= JAPAN_RULE:
        w *= 3.2
    if dest in ("jp", "au") and (dt.month == 1 or (dt.month == 2 and dt.day < 20)):
        w *= 1.5  # Spring Festival trips
    return w


DEST_W = [0.36, 0.17, 0.15, 0.2, 0.12]
VTYPE_W = {
    "schengen": [0.75, 0.2, 0.05],
    "uk": [0.55, 0.2, 0.25],
    "us": [0.5, 0.25, 0.25],
    "jp": [0.85, 0.12, 0.03],
    "au": [0.6, 0.1, 0.3],
}


def new_person(dt, source):
    """Draw a destination/type for a new person, thinned by the seasonal demand weight."""
    while True:
        dest = pick(DESTS, DEST_W)
        vtype = pick(VTYPES, VTYPE_W[dest])
        if source == "企业客户":
            vtype = "business" if chance(0.85) else "tourist"
        w = demand_weight(dt, dest, vtype)
        if chance(min(1.0, w / 3.5)):
            break
    centre = centre_for_new()
    if centre == "成都" and dt < CHENGDU_OPEN:
        centre = pick(["北京", "上海"], [0.6, 0.4])  # before Chengdu opened they went north or east
        p = Person(source, dest, vtype, centre)
        p.city = R.choice(CITIES["成都"])
    else:
        p = Person(source, dest, vtype, centre)
    people.append(p)
    return p


def web_person(d):
    dt = datetime(d.year, d.month, d.day)
    src = pick(WEB_SOURCES, [0.38, 0.3, 0.2, 0.12])
    p = new_person(dt, SRC_ZH[src])
    p.cookie = "ck_" + h(f"ck{nxt('ck')}")[:16]
    t = at(d)
    p_submit = {"baidu": 0.42, "xiaohongshu": 0.38, "ctrip": 0.55, "(direct)": 0.5}[src]
    if src == "xiaohongshu" and dt >= XHS_SLIP:
        p_submit = 0.22
    sessions = R.choice([1, 1, 1, 2, 2, 3])
    for s in range(sessions):
        if s:
            t = t + timedelta(days=R.uniform(0.3, 6))
            if chance(0.4):
                src = "(direct)"
        if not within(t):
            return
        web.append((t, p, "page_view", src))
        if not chance(0.62):
            continue
        t1 = t + timedelta(minutes=R.uniform(0.5, 4))
        web.append((t1, p, "form_start", src))
        if chance(p_submit / 0.62 / (1 if s == sessions - 1 else 1.6)):
            t2 = t1 + timedelta(minutes=R.uniform(3, 15))
            if not within(t2):
                return
            become_customer(p, t2)
            web.append((t2, p, "form_submit", src))
            quote(p, t2)
            return


def offline_person(d, source):
    dt = datetime(d.year, d.month, d.day)
    p = new_person(dt, source)
    t = at(d, OFFICE)
    become_customer(p, t)
    quote(p, t)


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = 1.0 if d.weekday() < 5 else 0.8
        if datetime(2026, 1, 1) <= dt < datetime(2026, 2, 10):
            w *= 1.2
        if datetime(2026, 9, 25) <= dt < datetime(2026, 10, 8):
            w *= 0.7  # National Day holiday
        n_web = 15.5 * w
        if dt >= CHENGDU_OPEN:
            n_web *= 1.1
        for _ in range(poisson(n_web)):
            web_person(d)
        for _ in range(poisson(2.3 if d.weekday() < 5 else 0.2)):
            offline_person(d, "企业客户")
        for _ in range(poisson(1.6)):
            offline_person(d, "朋友推荐")


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def epoch_ms(ts):
        return ((ts - timedelta(hours=8)) - datetime(1970, 1, 1)) // timedelta(milliseconds=1)

    with open(folder / "questionnaire_log.jsonl", "w", encoding="utf-8") as f:
        for t, p, ev, src in sorted(web, key=lambda r: (r[0], r[1].cookie, r[2])):
            obj = {
                "t": epoch_ms(t),
                "cookie_id": p.cookie,
                "phone_sha": p.phone if ev == "form_submit" else None,
                "event": ev,
                "utm_source": src,
            }
            if ev != "page_view":
                obj["dest"] = p.dest
                obj["visa"] = p.vtype
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "crm_customers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "客户编号",
                "手机号密文",
                "创建时间",
                "客户来源",
                "服务中心",
                "顾问工号",
                "客户类型",
                "所在城市",
            ]
        )
        for r in sorted(customers, key=lambda r: r[0]):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M}", r[3], r[4], r[5], r[6], r[7]])
    with open(folder / "crm_quotes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "报价单号",
                "客户编号",
                "报价时间",
                "客户来源",
                "目的国家",
                "签证类型",
                "服务中心",
                "顾问工号",
                "服务费报价(元)",
            ]
        )
        for r in sorted(quotes, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%Y-%m-%d %H:%M}",
                    r[3],
                    DEST_ZH[r[4]],
                    VTYPE_ZH[r[5]],
                    r[6],
                    r[7],
                    r[8],
                ]
            )
    with open(folder / "payments.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "交易流水号",
                "客户编号",
                "申请编号",
                "交易类型",
                "金额(分)",
                "代收领馆费(分)",
                "支付方式",
                "支付时间",
                "目的国家",
                "签证类型",
                "服务中心",
            ]
        )
        for i, (p, app, kind, amt, cfee, method, t) in enumerate(
            sorted(pays, key=lambda r: (r[6], r[1], r[2]))
        ):
            if not within(t):
                continue
            w.writerow(
                [
                    f"PAY{i + 1:07d}",
                    p.cno,
                    app,
                    kind,
                    amt,
                    cfee,
                    method,
                    f"{t:%Y-%m-%d %H:%M:%S}",
                    DEST_ZH[p.dest],
                    VTYPE_ZH[p.vtype],
                    p.centre,
                ]
            )
    with open(folder / "doc_checks.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "record_id",
                "customer_ref",
                "application_no",
                "action",
                "recorded_at",
                "missing_item",
                "centre",
            ]
        )
        for i, (p, app, act, t, miss) in enumerate(sorted(docs, key=lambda r: (r[3], r[1], r[2]))):
            if not within(t):
                continue
            code = {"上海": "SHA", "北京": "PEK", "成都": "CTU"}[p.centre]
            w.writerow([f"DC{i + 1:07d}", p.cno, app, act, utc(t), miss, code])
    with open(folder / "appointments.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Booking Ref", "Mobile Hash", "Centre", "Status", "Status Time", "Slot Time"])
        for ref_p, ref, status, t, slot in sorted(appts, key=lambda r: (r[3], r[1], r[2])):
            if not within(t):
                continue
            code = {"上海": "SHA", "北京": "PEK", "成都": "CTU"}[ref_p.centre]
            w.writerow(
                [ref, ref_p.phone, code, status, f"{t:%d/%m/%Y %H:%M}", f"{slot:%d/%m/%Y %H:%M}"]
            )
    with open(folder / "consulate_decisions.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["申请编号", "客户编号", "目的国家", "签证类型", "结果", "结果通知时间"])
        for p, app, outcome, t in sorted(decisions, key=lambda r: (r[3], r[1])):
            w.writerow(
                [app, p.cno, DEST_ZH[p.dest], VTYPE_ZH[p.vtype], outcome, f"{t:%Y-%m-%d %H:%M:%S}"]
            )

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "complaint_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "客户编号",
                "创建时间",
                "首次回复时间",
                "解决时间",
                "问题类型",
                "反馈渠道",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7], r[8]])
    # marketing sheet: one row per month and channel; 携程佣金 = 10% of 携程 service fees
    ctrip = {}
    for p, _app, kind, amt, _cfee, _method, t in pays:
        if within(t) and p.source == "携程" and kind == "签证服务费":
            ctrip[(t.year, t.month)] = ctrip.get((t.year, t.month), 0) + amt / 100 * 0.1
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "费用(元)"])
        months = [(2025, 12)] + [(2026, m) for m in range(1, 13)]
        for y, m in months:
            frac = 25 / 31 if (y, m) == (2025, 12) else (6 / 31 if (y, m) == (2026, 12) else 1.0)
            bd = 52000 * R.uniform(0.9, 1.1) * (1.35 if m in (4, 5, 6) else 1.0)
            xhs = 30000 * R.uniform(0.9, 1.1) * (1.5 if (y, m) >= (2026, 7) else 1.0)
            w.writerow([f"{y}-{m:02d}", "百度竞价", f"{bd * frac:.2f}"])
            w.writerow([f"{y}-{m:02d}", "小红书", f"{xhs * frac:.2f}"])
            w.writerow([f"{y}-{m:02d}", "携程佣金", f"{ctrip.get((y, m), 0):.2f}"])


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="visa-src-") as tmp:
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
