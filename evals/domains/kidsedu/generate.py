"""Kidsedu evaluation domain: 小橙子编程 (XiaoChengZi Coding), children's coding classes.

    python generate.py OUT.duckdb

Writes XiaoChengZi's own exports (seeded: the same files every run) to a temporary folder —

  douyin_leads.csv        抖音 lead form: clue_id, create_time (epoch s), telephone, ad_name
  miniprogram_events.jsonl 小程序 log: openid always, phone once bound, ts epoch ms, utm
  crm_customers.csv       CRM 客户表 ('YYYY-MM-DD HH:mm' local): 客户编号, 手机号, 学员编号…
  crm_followups.csv       CRM 跟进记录: 首次外呼 / 预约试听, with 顾问工号
  class_trials.csv / class_lessons.csv  class system (English, ISO UTC): attendance per lesson
  payments.csv            payment file (amounts in 分, 微信支付/支付宝/分期): 新签 / 续费 / 退款
  service_tickets.csv     complaint and refund tickets (Chinese headers, 'YYYY/MM/DD HH:MM' local)
  marketing_monthly.csv   monthly marketing sheet in 元 (抖音信息流, 小红书, 朋友圈广告, 转介绍奖励)

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
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))  # summer-holiday trial peak
PRICE_RISE = datetime(2026, 9, 1)  # 年度课包 7980 -> 8980 元
DOUYIN_OFF = (datetime(2026, 10, 8), datetime(2026, 10, 16))  # 抖音 ad account suspended 8-15 Oct
REFERRAL_CAMPAIGN = datetime(2026, 5, 1)  # 转介绍奖励: 800 元 per referred enrolment
GZ_SHORTAGE = (datetime(2026, 11, 1), datetime(2026, 12, 1))  # Guangzhou teacher shortage

R = random.Random(SEED)

# utm spellings of the mini-program and the channel each becomes
CHANNELS = ["douyin", "xhs", "pyq", "referral", "organic"]
CH_W = [0.38, 0.22, 0.18, 0.12, 0.10]
CITIES = ["深圳", "广州", "北京", "上海", "杭州", "成都", "武汉", "长沙"]
CITY_W = [0.42, 0.34, 0.05, 0.05, 0.04, 0.04, 0.03, 0.03]
CAMPUSES = {"深圳": ["南山校区", "福田校区"], "广州": ["天河校区", "番禺校区"]}
AGE_BANDS = ["6-8岁", "9-11岁", "12-15岁"]
AGE_W = [0.38, 0.40, 0.22]
PRICE_FEN = {"季度课包": 268000, "年度课包": 798000}
LESSONS = {"季度课包": 12, "年度课包": 44}
ADVISERS = {
    "深圳": [f"GW{i:03d}" for i in range(1, 9)],
    "广州": [f"GW{i:03d}" for i in range(11, 17)],
    "线上": [f"GW{i:03d}" for i in range(21, 25)],
}
TEACHERS = {
    "南山校区": [f"T{i:03d}" for i in range(1, 7)],
    "福田校区": [f"T{i:03d}" for i in range(7, 12)],
    "天河校区": [f"T{i:03d}" for i in range(21, 26)],
    "番禺校区": [f"T{i:03d}" for i in range(26, 29)],
    "线上": [f"T{i:03d}" for i in range(41, 52)],
}


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


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


# parents browse in the evening; lessons are on weekday evenings and weekends
HOURS = [
    0.2,
    0.1,
    0.05,
    0.05,
    0.05,
    0.1,
    0.4,
    1,
    1.5,
    1.8,
    2,
    2.2,
    3,
    2.5,
    2,
    2,
    2,
    2.2,
    2.8,
    4,
    5,
    5.5,
    4.5,
    1.5,
]
OFFICE = [0] * 9 + [3, 4, 4, 2, 3, 4, 4, 4, 3, 3, 2, 1] + [0] * 3


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


mp, dy, customers, follow, lessons, pays, tickets = ([] for _ in range(7))
seq = {"kh": 100000, "stu": 0, "clue": 0, "order": 0, "tk": 0, "lesson": 0, "phone": 0}
referral_enrols: dict[str, int] = {}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, ch="organic"):
        self.ch = ch
        self.city = pick(CITIES, CITY_W)
        self.age = pick(AGE_BANDS, AGE_W)
        self.openid = None
        self.phone = None
        self.kh = None
        self.stu = None
        self.created = None
        self.adviser = ""
        if self.city in CAMPUSES:
            self.campus = R.choice(CAMPUSES[self.city]) if chance(0.75) else "线上"
        else:
            self.campus = "线上"
        self.course = {
            "6-8岁": pick(["Scratch", "机器人"], [0.6, 0.4]),
            "9-11岁": pick(["Scratch", "Python", "机器人"], [0.45, 0.3, 0.25]),
            "12-15岁": pick(["Python", "机器人"], [0.8, 0.2]),
        }[self.age]

    def region(self):
        return self.city if self.campus != "线上" else "线上"


def get_phone(p):
    if p.phone is None:
        n = nxt("phone")
        p.phone = f"1{R.choice('3578')}{(n * 7919 + 12345678) % 10**9:09d}"
    return p.phone


def crm_customer(p, ts):
    if p.kh is None:
        p.kh = f"KH{nxt('kh')}"
        p.created = ts
        p.adviser = R.choice(ADVISERS[p.region()])
        customers.append(p)


def lead(p, ts, via_douyin_form):
    """留资: the parent leaves a phone number (抖音 lead form or the mini-program form)."""
    if not within(ts):
        return False
    get_phone(p)
    if via_douyin_form:
        dy.append(
            (
                f"CL{7300000000 + nxt('clue')}",
                ts,
                p.phone,
                R.choice(["暑期Scratch体验课", "少儿编程0元试听", "机器人课9.9元", "Python入门"]),
                p.city,
                p.age,
            )
        )
    else:
        mp.append((ts, p.openid, p.phone, "submit_lead", p.ch, p.course))
    crm_customer(p, ts + timedelta(minutes=R.uniform(1, 20)))
    return True


def lesson(p, ts, kind, status, cancel_reason=""):
    if not within(ts):
        return
    teacher = R.choice(TEACHERS[p.campus])
    lessons.append(
        (
            f"L{nxt('lesson'):07d}",
            p.stu,
            ts,
            kind,
            status,
            p.course,
            p.campus,
            teacher,
            cancel_reason,
        )
    )


def ticket(p, ts, cat, complaint, slow=1.0, mood=0.0):
    if not within(ts):
        return
    ch = pick(["电话", "微信客服", "小程序留言"], [0.35, 0.5, 0.15])
    fr = {
        "电话": R.uniform(0.02, 0.6),
        "微信客服": R.uniform(0.05, 3),
        "小程序留言": R.uniform(2, 26),
    }[ch] * slow
    res = fr + R.uniform(4, 72) * slow
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.8))))
    tickets.append(
        (
            f"GD{nxt('tk'):06d}",
            get_phone(p),
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END else None,
            cat,
            "是" if complaint else "否",
            csat,
            ch,
            p.campus,
        )
    )


def pay(p, ts, kind, package, amount_fen, refund_fen=0, method=None):
    if not within(ts):
        return None
    oid = f"XCZ{ts:%Y%m%d}{nxt('order'):06d}"
    if method is None:
        method = pick(
            ["微信支付", "支付宝", "分期"],
            [0.55, 0.2, 0.25] if package == "年度课包" else [0.7, 0.27, 0.03],
        )
    pays.append((oid, p.stu, ts, kind, package, amount_fen, refund_fen, method, p.campus))
    return oid


def annual_price(ts):
    return 898000 if ts >= PRICE_RISE else 798000


def term(p, start, package, kind):
    """A paid package: weekly lessons, maybe a refund, maybe a renewal."""
    price = PRICE_FEN[package] if package == "季度课包" else annual_price(start)
    if kind != "existing" and not pay(p, start, kind, package, price):
        return
    n = LESSONS[package]
    per_lesson = price / n
    weekday = pick([1, 2, 3, 5, 6], [0.12, 0.12, 0.12, 0.32, 0.32])
    first = start + timedelta(days=(weekday - start.weekday()) % 7 + 1)
    hour = R.choice([9, 10, 14, 15, 16]) if weekday >= 5 else R.choice([18, 19])
    gz = p.campus in ("天河校区", "番禺校区")
    cancelled_nov = 0
    held = 0
    t = first
    for k in range(n):
        t = datetime(first.year, first.month, first.day, hour, 0) + timedelta(weeks=k)
        if t >= END:
            return
        if gz and inw(t, GZ_SHORTAGE) and chance(0.32):
            lesson(p, t, "regular", "cancelled", "teacher_unavailable")
            if t >= START:
                cancelled_nov += 1
            if cancelled_nov == 1 and chance(0.35):
                ticket(
                    p,
                    t + timedelta(hours=R.uniform(1, 30)),
                    "老师/排课问题",
                    True,
                    slow=2.5,
                    mood=1.5,
                )
            if cancelled_nov >= 2 and chance(0.28):
                tq = t + timedelta(days=R.uniform(0.5, 4))
                ticket(p, tq, "退费申请", True, slow=2.0, mood=1.2)
                remaining = n - held
                pay(
                    p,
                    tq + timedelta(days=R.uniform(2, 6)),
                    "退款",
                    package,
                    0,
                    int(per_lesson * remaining),
                    "原路退回",
                )
                return
            continue
        if chance(0.012):
            lesson(p, t, "regular", "cancelled", R.choice(["holiday", "teacher_sick"]))
            continue
        st = pick(["attended", "absent"], [0.9, 0.1])
        lesson(p, t, "regular", st)
        held += 1
        if k == 2 and chance(0.035):
            tq = t + timedelta(days=R.uniform(0.5, 3))
            ticket(p, tq, "退费申请", chance(0.3), mood=0.5)
            pay(
                p,
                tq + timedelta(days=R.uniform(2, 7)),
                "退款",
                package,
                0,
                int(per_lesson * (n - held)),
                "原路退回",
            )
            return
        if chance(0.006):
            ticket(
                p,
                t + timedelta(hours=R.uniform(1, 48)),
                pick(["调课申请", "课程质量", "缴费问题"], [6, 2, 1]),
                False,
            )
        if k == 4 and chance(0.01):
            ticket(p, t + timedelta(hours=R.uniform(1, 48)), "课程质量", True, mood=1.0)
    # renewal decision near the end of the package
    renew_p = 0.7 if package == "年度课包" else 0.6
    if gz and cancelled_nov:
        renew_p -= 0.25
    if chance(renew_p):
        rt = t - timedelta(days=R.uniform(0, 10)) + timedelta(hours=R.uniform(1, 5))
        if rt < START:
            rt = START + timedelta(hours=R.uniform(9, 200))
        nxt_pkg = pick(["季度课包", "年度课包"], [0.5, 0.5] if rt < PRICE_RISE else [0.65, 0.35])
        term(p, rt, nxt_pkg, "续费")


def prospect(d, ch=None):
    p = Person(ch or pick(CHANNELS, CH_W))
    day0 = datetime(d.year, d.month, d.day)
    summer = inw(day0, SUMMER)
    t = at(d)
    people.append(p)
    douyin_form = p.ch == "douyin" and chance(0.6)
    if not douyin_form:
        p.openid = "oXCZ" + h(f"openid{len(people)}")[:24]
        mp.append((t, p.openid, None, "open", p.ch, ""))
        for i in range(R.choice([0, 1, 1, 2, 3])):
            mp.append(
                (
                    t + timedelta(minutes=1 + 2 * i + R.uniform(0, 1.5)),
                    p.openid,
                    None,
                    "view_course",
                    p.ch,
                    p.course,
                )
            )
        t += timedelta(minutes=R.uniform(6, 20))
        p_lead = {"douyin": 0.4, "xhs": 0.45, "pyq": 0.4, "referral": 0.75, "organic": 0.5}[p.ch]
        if not chance(p_lead):
            if chance(0.25):  # came back later, still did not leave details
                mp.append(
                    (t + timedelta(days=R.uniform(1, 9)), p.openid, None, "open", "organic", "")
                )
            return p
        mp.append((t, p.openid, None, "bind_phone", p.ch, ""))
        mp[-1] = (t, p.openid, get_phone(p), "bind_phone", p.ch, "")
        t += timedelta(minutes=R.uniform(0.5, 3))
    if not lead(p, t, douyin_form):
        return p
    # 顾问首呼
    if not chance(0.93):
        return p
    delay_h = R.expovariate(1 / (5.0 if summer else 2.5))
    call = t + timedelta(hours=delay_h)
    if call.hour >= 21 or call.hour < 9:
        call = datetime(call.year, call.month, call.day, 9, R.randrange(60)) + timedelta(
            days=1 if call.hour >= 21 else 0
        )
    if not within(call):
        return p
    follow.append((p.kh, call, "首次外呼", p.adviser))
    p_book = {"douyin": 0.32, "xhs": 0.45, "pyq": 0.4, "referral": 0.62, "organic": 0.5}[p.ch]
    if summer:
        p_book = min(0.85, p_book * 1.3)
    if not chance(p_book):
        return p
    booked = (
        call + timedelta(minutes=R.uniform(3, 30))
        if chance(0.6)
        else call + timedelta(days=R.uniform(1, 6))
    )
    booked = datetime(
        booked.year, booked.month, booked.day, max(9, min(20, booked.hour)), booked.minute
    )
    if not within(booked):
        return p
    p.stu = f"S{26000000 + nxt('stu')}"
    follow.append((p.kh, booked, "预约试听", p.adviser))
    trial_day = booked + timedelta(days=R.uniform(1, 9))
    trial = datetime(trial_day.year, trial_day.month, trial_day.day, R.choice([10, 14, 16, 19]), 0)
    if not within(trial):
        return p
    if not chance(0.82 if summer else 0.74):
        lesson(p, trial, "trial", "absent")
        return p
    lesson(p, trial, "trial", "attended")
    p_buy = {"douyin": 0.3, "xhs": 0.4, "pyq": 0.38, "referral": 0.58, "organic": 0.45}[p.ch]
    if not chance(p_buy):
        return p
    bt = (
        trial + timedelta(hours=R.uniform(0.5, 3))
        if chance(0.55)
        else trial + timedelta(days=R.uniform(1, 10))
    )
    if not within(bt):
        return p
    annual_share = 0.46 if bt < PRICE_RISE else 0.27
    # the week before the price rise: parents rush to lock in the old annual price
    if PRICE_RISE - timedelta(days=10) <= bt < PRICE_RISE:
        annual_share = 0.68
    package = pick(["季度课包", "年度课包"], [1 - annual_share, annual_share])
    if p.ch == "referral" and bt >= REFERRAL_CAMPAIGN:
        key = f"{bt:%Y-%m}"
        referral_enrols[key] = referral_enrols.get(key, 0) + 1
    term(p, bt, package, "新签")
    return p


def existing_student():
    p = Person(pick(CHANNELS, CH_W))
    people.append(p)
    get_phone(p)
    created = START - timedelta(days=R.uniform(30, 400))
    p.kh = f"KH{nxt('kh')}"
    p.created = created
    p.adviser = R.choice(ADVISERS[p.region()])
    customers.append(p)
    p.stu = f"S{25000000 + nxt('stu')}"
    package = pick(["季度课包", "年度课包"], [0.55, 0.45])
    span = LESSONS[package] * 7
    start = START - timedelta(days=R.uniform(7, span - 7))
    term(p, start, package, "existing")


people: list[Person] = []


def daily_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, SUMMER):
        w *= 2.3
    elif dt.month == 6 and dt.day >= 15:
        w *= 1.5
    if dt.month == 2 and dt.day < 20:
        w *= 0.6  # 春节
    if d.weekday() >= 5:
        w *= 1.25
    return w


def simulate():
    for _ in range(1050):
        existing_student()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = daily_weight(d)
        for _ in range(poisson(17 * w)):
            ch = pick(CHANNELS, CH_W)
            if ch == "douyin" and inw(dt, DOUYIN_OFF):
                ch = pick(["organic", "douyin"], [0.3, 0.7])
                if ch == "douyin":
                    continue  # no 抖音 ads running: those parents never arrive
            prospect(d, ch)
        # referral reward campaign from May: parents share links for the 800 元 reward
        if dt >= REFERRAL_CAMPAIGN:
            for _ in range(poisson(3.2 * w)):
                prospect(d, "referral")


def fmt(ts, f):
    return ts.strftime(f) if ts else ""


def write(folder: Path):
    with open(folder / "douyin_leads.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["clue_id", "create_time", "telephone", "ad_name", "city", "child_age"])
        for r in sorted(dy, key=lambda r: (r[1], r[0])):
            epoch = int((r[1] - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds())
            w.writerow([r[0], epoch, r[2], r[3], r[4], r[5]])
    with open(folder / "miniprogram_events.jsonl", "w") as f:
        for i, (ts, oid, phone, ev, ch, course) in enumerate(
            sorted(mp, key=lambda r: (r[0], r[1], r[3]))
        ):
            epoch_ms = int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000)
            obj = {"openid": oid, "event": ev, "ts": epoch_ms, "utm_source": ch or ""}
            if phone:
                obj["phone"] = phone
            if course:
                obj["course"] = course
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if i == 4321:
                f.write('{"openid": "oXCZbroken", "event": "open", "ts": 17\n')  # a truncated line
    with open(folder / "crm_customers.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "客户编号",
                "手机号",
                "学员编号",
                "创建时间",
                "城市",
                "孩子年龄段",
                "意向课程",
                "上课方式",
                "归属顾问",
                "线索来源",
            ]
        )
        for p in sorted(customers, key=lambda p: p.kh):
            w.writerow(
                [
                    p.kh,
                    p.phone,
                    p.stu or "",
                    fmt(p.created, "%Y-%m-%d %H:%M"),
                    p.city,
                    p.age,
                    p.course,
                    "线上" if p.campus == "线上" else "线下",
                    p.adviser,
                    {
                        "douyin": "抖音",
                        "xhs": "小红书",
                        "pyq": "朋友圈",
                        "referral": "转介绍",
                        "organic": "自然到访",
                    }[p.ch],
                ]
            )
    with open(folder / "crm_followups.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["客户编号", "跟进时间", "跟进类型", "顾问工号"])
        for r in sorted(follow, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], fmt(r[1], "%Y-%m-%d %H:%M"), r[2], r[3]])
    for name, kind in (("class_trials.csv", "trial"), ("class_lessons.csv", "regular")):
        with open(folder / name, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "lesson_id",
                    "student_id",
                    "start_time_utc",
                    "lesson_type",
                    "attendance",
                    "course",
                    "campus",
                    "teacher_id",
                    "cancel_reason",
                ]
            )
            for r in sorted(lessons, key=lambda r: (r[2], r[0])):
                if r[3] == kind:
                    w.writerow(
                        [r[0], r[1], f"{r[2] - timedelta(hours=8):%Y-%m-%dT%H:%M:%SZ}", *r[3:]]
                    )
    with open(folder / "payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "商户订单号",
                "学员编号",
                "支付时间",
                "交易类型",
                "课包",
                "实付金额(分)",
                "退款金额(分)",
                "支付方式",
                "校区",
            ]
        )
        rows = sorted(pays, key=lambda r: (r[2], r[0]))
        for i, r in enumerate(rows):
            line = [
                r[0],
                r[1],
                f"{r[2]:%Y%m%d%H%M%S}",
                r[3],
                r[4],
                r[5] or "",
                r[6] or "",
                r[7],
                r[8],
            ]
            w.writerow(line)
            if i % 700 == 3:
                w.writerow(line)  # the payment platform re-sends a notification now and then
    with open(folder / "service_tickets.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "客户手机",
                "创建时间",
                "首次响应时间",
                "解决时间",
                "工单类型",
                "是否投诉",
                "满意度",
                "受理渠道",
                "校区",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    fmt(r[2], "%Y/%m/%d %H:%M"),
                    fmt(r[3], "%Y/%m/%d %H:%M"),
                    fmt(r[4], "%Y/%m/%d %H:%M"),
                    r[5],
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                ]
            )
    with open(folder / "marketing_monthly.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        m = datetime(2026, 1, 1)  # the sheet covers closed months: January-November 2026
        while m < datetime(2026, 12, 1):
            summer = m.month in (7, 8)
            dy_cost = 118000 * R.uniform(0.92, 1.08) * (1.9 if summer else 1.0)
            if m.month == 10 and m.year == 2026:
                dy_cost *= 23 / 31  # account suspended 8-15 October
            if m.month == 2:
                dy_cost *= 0.6
            w.writerow([f"{m:%Y-%m}", "抖音信息流", f"{dy_cost:.2f}"])
            w.writerow(
                [
                    f"{m:%Y-%m}",
                    "小红书",
                    f"{62000 * R.uniform(0.9, 1.1) * (1.5 if summer else 1.0):.2f}",
                ]
            )
            w.writerow(
                [
                    f"{m:%Y-%m}",
                    "朋友圈广告",
                    f"{45000 * R.uniform(0.9, 1.1) * (1.4 if summer else 1.0):.2f}",
                ]
            )
            reward = (
                referral_enrols.get(f"{m:%Y-%m}", 0) * 800
                if m >= REFERRAL_CAMPAIGN
                else 3000 * R.uniform(0.8, 1.2)
            )
            w.writerow([f"{m:%Y-%m}", "转介绍奖励", f"{reward:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="kidsedu-src-") as tmp:
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
