"""Microloan evaluation domain: 速借 (SuJie), a Guangdong consumer micro-loan app.

    python generate.py OUT.duckdb

Writes SuJie's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl        app event log: epoch ms, device_id always, uid only after registration
  customers.csv           loan core customer table (customer_no, ISO UTC, city, age band)
  loan_core.csv           loan core: disbursements, early settlement, payoff (ISO UTC, 分)
  risk_decisions.csv      risk-decision log, Chinese headers, local 'YYYY-MM-DD HH:mm:ss', score
  repayment_ledger.csv    deductions (success / failed) + overdue flags, local time, 分
  collection_calls.csv    collection call log (local time, duration, outcome)
  complaints.csv          complaint / service tickets incl. 12378 regulator complaints
  marketing_monthly.csv   monthly marketing sheet in 元 (抖音, 应用商店, 短信, 合作方分润)

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
RISK_V4 = datetime(2026, 4, 1)  # new risk model: fewer approvals
P618 = (datetime(2026, 6, 1), datetime(2026, 6, 19))  # partner 618 campaign
FACE_OUT = (datetime(2026, 8, 9), datetime(2026, 8, 12))  # face-check vendor outage 9-11 Aug
RATE_CAP = datetime(2026, 9, 1)  # rate cap: APR 24% max
OVERDUE_WAVE = (datetime(2026, 10, 1), datetime(2026, 12, 1))  # overdue rise Oct-Nov

R = random.Random(SEED)

CITIES = ["广州", "深圳", "佛山", "东莞"]
CITY_W = [0.34, 0.33, 0.17, 0.16]
AGES = ["18-24", "25-34", "35-44", "45+"]
AGE_W = [0.22, 0.43, 0.24, 0.11]
SOURCES = ["douyin", "appstore", "sms", "partner_mall"]
SOURCE_W = [0.38, 0.3, 0.17, 0.15]
HOURS = [
    0.5,
    0.3,
    0.2,
    0.1,
    0.1,
    0.2,
    0.5,
    1.2,
    2,
    2.5,
    2.8,
    3,
    3.2,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.6,
    4.2,
    4.8,
    5,
    4,
    2,
]
WORK_HOURS = [0] * 9 + [3, 4, 4, 2, 3, 4, 4, 3, 3, 1] + [0] * 5


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


app, customers, loans, risk, ledger, calls, tickets = ([] for _ in range(7))
seq = {"cust": 880000, "loan": 0, "app": 0, "call": 0, "tk": 0, "dev": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, source):
        self.dev = "dv_" + h(f"dev{nxt('dev')}")[:14]
        self.uid = None
        self.source = source
        self.city = pick(CITIES, CITY_W)
        self.age = pick(AGES, AGE_W)
        self.quality = (
            R.gauss(0, 1)
            + {"douyin": -0.35, "appstore": 0.1, "sms": 0.0, "partner_mall": 0.3}[source]
        )
        self.loans = 0


def ev(p, ts, name, **extra):
    if not within(ts):
        return False
    row = {"ts": ts, "device_id": p.dev, "uid": p.uid or "", "event": name, "utm_source": p.source}
    row.update(extra)
    app.append(row)
    return True


def ticket(p, ts, cat, via=None, loan_id=""):
    if not within(ts):
        return
    via = via or pick(["APP在线客服", "客服热线", "12378"], [0.55, 0.4, 0.05])
    kind = "咨询" if cat in ("放款进度", "还款咨询") else "投诉"
    fr = {
        "APP在线客服": R.uniform(0.02, 1.5),
        "客服热线": R.uniform(0.01, 0.3),
        "12378": R.uniform(4, 48),
    }[via]
    res = (
        fr + R.uniform(2, 30)
        if kind == "咨询"
        else fr + R.uniform(12, 200) * (1.8 if via == "12378" else 1)
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if via != "12378" and chance(0.4):
        base = 4.2 if kind == "咨询" else 2.9
        csat = max(1, min(5, round(R.gauss(base, 1.0))))
    tickets.append(
        (
            f"TS{nxt('tk'):07d}",
            p.uid,
            via,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END else None,
            cat,
            kind,
            csat,
            loan_id,
        )
    )


def apr_for(ts, score):
    if ts >= RATE_CAP:
        return 23.9 if score < 650 else R.choice([18.0, 21.6, 23.9])
    return 35.9 if score < 650 else R.choice([27.0, 32.4, 35.9])


def repay_schedule(p, loan_id, ts, principal, term, apr, fee):
    """Monthly deductions, failures, overdue, collection calls, early settlement, payoff."""
    inst = round((principal + fee) / term)
    for k in range(1, term + 1):
        due = ts + timedelta(days=30 * k)
        due = datetime(due.year, due.month, due.day, 9, R.randrange(0, 50))
        if due >= END:
            return
        if k >= 2 and chance(0.06):
            t = due - timedelta(days=R.uniform(1, 25))
            rest = round(principal * (term - k + 1) / term)
            if within(t):
                ev(p, t, "early_repay_click", loan_no=loan_id)
                loans.append(
                    (
                        loan_id,
                        p.uid,
                        "EARLY_SETTLED",
                        t + timedelta(minutes=R.uniform(1, 20)),
                        rest,
                        term,
                        "",
                        "",
                    )
                )
                if chance(0.25):
                    p.loans += 1
                    apply(p, t + timedelta(days=R.uniform(2, 60)), repeat=True)
            return
        p_fail = 0.045 - 0.02 * max(-1, min(1, p.quality))
        if inw(due, OVERDUE_WAVE):
            p_fail *= 2.6
        if not chance(p_fail):
            ledger.append((p.uid, loan_id, k, due, "SUCCESS", inst, ""))
            continue
        ledger.append(
            (
                p.uid,
                loan_id,
                k,
                due,
                "FAILED",
                inst,
                pick(["余额不足", "银行卡已冻结", "超出单笔限额"], [0.8, 0.1, 0.1]),
            )
        )
        if chance(0.01):
            ticket(p, due + timedelta(hours=R.uniform(1, 12)), "扣款错误", loan_id=loan_id)
        if chance(0.35):
            ledger.append(
                (p.uid, loan_id, k, due + timedelta(hours=R.uniform(2, 20)), "SUCCESS", inst, "")
            )
            continue
        od = due + timedelta(days=1, hours=R.uniform(0, 2))
        ledger.append((p.uid, loan_id, k, od, "OVERDUE", inst, ""))
        recover = chance(0.55 if not inw(due, OVERDUE_WAVE) else 0.4)
        t = od
        for _ in range(R.choice([1, 2, 3, 4, 5])):
            t = t + timedelta(days=R.uniform(0.5, 4))
            t = datetime(
                t.year, t.month, t.day, R.choices(range(24), weights=WORK_HOURS)[0], R.randrange(60)
            )
            if not within(t):
                break
            ans = chance(0.45)
            calls.append(
                (
                    f"CC{nxt('call'):07d}",
                    p.uid,
                    loan_id,
                    t,
                    R.randint(25, 420) if ans else 0,
                    pick(["承诺还款", "拒绝还款", "已还款"], [0.6, 0.3, 0.1])
                    if ans
                    else "无人接听",
                    pick(["催收一组", "催收二组", "外包-粤信"], [0.4, 0.35, 0.25]),
                )
            )
            if chance(0.04 if not inw(t, OVERDUE_WAVE) else 0.09):
                ticket(
                    p,
                    t + timedelta(hours=R.uniform(1, 30)),
                    "催收骚扰",
                    via=pick(["APP在线客服", "客服热线", "12378"], [0.4, 0.35, 0.25]),
                    loan_id=loan_id,
                )
        if recover:
            ledger.append(
                (p.uid, loan_id, k, t + timedelta(hours=R.uniform(1, 48)), "SUCCESS", inst, "")
            )
        else:
            return  # defaulted: no more deductions
    payoff = ts + timedelta(days=30 * term, hours=1)
    if within(payoff):
        loans.append((loan_id, p.uid, "PAID_OFF", payoff, 0, term, "", ""))
        if chance(0.3):
            apply(p, payoff + timedelta(days=R.uniform(1, 45)), repeat=True)


def apply(p, t, repeat=False):
    if not within(t) or p.loans >= 3:
        return
    src = p.source
    if src == "partner_mall":
        amt = R.choice([500, 800, 1000, 1500, 2000, 3000, 4000, 5000])
    else:
        amt = R.choice(
            [1000, 2000, 3000, 5000, 8000, 10000, 15000, 20000]
            if repeat
            else [500, 1000, 2000, 3000, 5000, 8000, 10000]
        )
    term = pick([3, 6, 12], [0.35, 0.4, 0.25])
    app_no = f"AP{t:%y%m%d}{nxt('app'):06d}"
    ev(p, t, "loan_apply_submit", amount=amt, term=term)
    score = int(max(350, min(850, R.gauss(640 + 55 * p.quality + (25 if repeat else 0), 50))))
    v4 = t >= RISK_V4
    cut_ok, cut_manual = (640, 600) if v4 else (600, 570)
    if src == "partner_mall" and inw(t, P618):
        cut_ok -= 10
    dt = t + timedelta(seconds=R.uniform(20, 240))
    model = "V4.0" if v4 else "V3.2"
    if score >= cut_ok:
        res = "通过"
    elif score >= cut_manual:
        res = "人工审核"
    else:
        res = "拒绝"
    risk.append((app_no, p.uid, dt, res, score, model, amt, term))
    if res == "人工审核":
        dt = dt + timedelta(hours=R.uniform(2, 30))
        res = "通过" if chance(0.45) else "拒绝"
        risk.append((app_no, p.uid, dt, res, score, model, amt, term))
    if res == "拒绝":
        if chance(0.04 if not v4 else 0.06):
            ticket(p, dt + timedelta(hours=R.uniform(1, 48)), "审批被拒")
        return
    if not chance(0.86 if src != "partner_mall" else 0.93):
        return
    sign = dt + timedelta(minutes=R.uniform(2, 600))
    if not ev(p, sign, "contract_sign", loan_amount=amt):
        return
    disb = sign + timedelta(minutes=R.uniform(3, 90))
    if not within(disb):
        return
    if chance(0.02):
        ticket(p, disb + timedelta(minutes=R.uniform(10, 300)), "放款进度")
    p.loans += 1
    loan_id = f"LN{nxt('loan'):08d}"
    apr = apr_for(disb, score)
    fee = round(amt * apr / 100 * term / 12 * 0.55, 2)
    loans.append(
        (loan_id, p.uid, "DISBURSED", disb, amt * 100, term, f"{apr:.1f}", round(fee * 100))
    )
    if chance(0.05 if disb < RATE_CAP else 0.018):
        ticket(p, disb + timedelta(days=R.uniform(1, 40)), "费用过高", loan_id=loan_id)
    if chance(0.15):
        ticket(p, disb + timedelta(days=R.uniform(1, 60)), "还款咨询", loan_id=loan_id)
    repay_schedule(p, loan_id, disb, amt, term, apr, fee)


def arrive(d, source):
    p = Person(source)
    t = at(d)
    if source == "partner_mall":
        if not ev(p, t, "mall_installment_entry"):
            return
        t += timedelta(minutes=R.uniform(0.5, 3))
    if not ev(p, t, "app_launch"):
        return
    if not chance({"douyin": 0.42, "appstore": 0.66, "sms": 0.55, "partner_mall": 0.78}[source]):
        if chance(0.3):
            ev(p, t + timedelta(days=R.uniform(1, 20)), "app_launch")
        return
    t += timedelta(minutes=R.uniform(1, 15))
    p.uid = f"SJ{nxt('cust')}"
    if not ev(p, t, "register_success"):
        return
    customers.append((p, t))
    if not chance(0.82):
        return
    t += timedelta(minutes=R.uniform(1, 30)) if chance(0.8) else timedelta(days=R.uniform(1, 10))
    if not ev(p, t, "realname_submit"):
        return
    for _attempt in range(3):
        t += timedelta(minutes=R.uniform(0.5, 4))
        outage = inw(t, FACE_OUT)
        ok = chance(0.25 if outage else 0.92)
        ev(p, t, "face_verify_success" if ok else "face_verify_fail", vendor="ShangTang")
        if ok:
            break
        if outage and chance(0.12):
            ticket(
                p,
                t + timedelta(minutes=R.uniform(5, 120)),
                "人脸认证失败",
                via=pick(["APP在线客服", "客服热线"], [0.6, 0.4]),
            )
        if outage and chance(0.5):
            t += timedelta(days=R.uniform(2, 6))
        if not chance(0.6):
            return
    else:
        return
    t += timedelta(minutes=R.uniform(1, 20)) if chance(0.85) else timedelta(days=R.uniform(1, 14))
    if not chance(0.88):
        return
    apply(p, t)


def day_weight(d, source):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() >= 5:
        w *= 1.15
    if dt.month == 2 and dt.day < 20:
        w *= 0.75  # Spring Festival lull
    if source == "partner_mall" and inw(dt, P618):
        w *= 4.5
    if source == "douyin" and dt >= datetime(2026, 7, 1):
        w *= 1.3
    return w


def simulate():
    base = {"douyin": 8.0, "appstore": 6.5, "sms": 3.8, "partner_mall": 3.0}
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        for src in SOURCES:
            for _ in range(poisson(base[src] * day_weight(d, src) / 1.0)):
                arrive(d, src)


def write(folder: Path):
    def utc(ts):  # Shanghai local -> UTC ISO with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "app_events.jsonl", "w") as f:
        for r in sorted(app, key=lambda r: (r["ts"], r["device_id"], r["event"])):
            obj = dict(r)
            obj["ts"] = int(
                (r["ts"] - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000
            )
            if not obj["uid"]:
                obj["uid"] = None
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["customer_no", "created_at", "city", "age_band", "register_source", "phone_hash"]
        )
        for p, t in sorted(customers, key=lambda r: r[0].uid):
            w.writerow([p.uid, utc(t), p.city, p.age, p.source, h("ph" + p.uid)[:16]])
    with open(folder / "loan_core.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "loan_id",
                "customer_no",
                "event_type",
                "event_time",
                "amount_fen",
                "term_months",
                "apr_pct",
                "fee_fen",
            ]
        )
        for r in sorted(loans, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], utc(r[3]), r[4], r[5], r[6], r[7]])
    with open(folder / "risk_decisions.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "申请编号",
                "用户号",
                "决策时间",
                "决策结果",
                "风控评分",
                "模型版本",
                "申请金额(元)",
                "期数",
            ]
        )
        for r in sorted(risk, key=lambda r: (r[2], r[0])):
            if within(r[2]):
                w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%d %H:%M:%S}", r[3], r[4], r[5], r[6], r[7]])
    with open(folder / "repayment_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "cust_no",
                "loan_no",
                "installment_no",
                "posted_at",
                "status",
                "amount_fen",
                "fail_reason",
            ]
        )
        for r in sorted(ledger, key=lambda r: (r[3], r[1], r[2])):
            if within(r[3]):
                w.writerow(
                    [r[0], r[1], r[2], f"{r[3]:%Y/%m/%d %H:%M}", r[4], round(r[5] * 100), r[6]]
                )
    with open(folder / "collection_calls.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["call_id", "customer_no", "loan_id", "call_time", "talk_seconds", "result", "team"]
        )
        for r in sorted(calls, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M}", r[4], r[5], r[6]])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "complaints.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "用户号",
                "来源",
                "创建时间",
                "首次响应时间",
                "办结时间",
                "问题类型",
                "工单性质",
                "满意度",
                "借据号",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), r[6], r[7], r[8], r[9]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        y, m = START.year, START.month
        while (y, m) <= (2026, 12):
            for ch, amt in [
                ("抖音", 42000),
                ("应用商店", 26000),
                ("短信", 6000),
                ("合作方分润", 11000),
            ]:
                f_ = R.uniform(0.9, 1.1)
                if ch == "合作方分润" and (y, m) == (2026, 6):
                    f_ *= 3.4
                if ch == "抖音" and (y, m) >= (2026, 7):
                    f_ *= 1.45
                if (y, m) == (2026, 12):
                    f_ *= 6 / 31  # data ends 6 Dec
                if (y, m) == (2025, 12):
                    f_ *= 25 / 31  # data starts 7 Dec
                w.writerow([f"{y}-{m:02d}", ch, f"{amt * f_:.0f}"])
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="microloan-src-") as tmp:
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
