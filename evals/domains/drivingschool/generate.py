"""Driving-school evaluation domain: 安途驾校 (AnTu Driving School), Chengdu and Chongqing.

    python generate.py OUT.duckdb

Writes AnTu's own exports (seeded: the same files every run) to a temporary folder —

  crm_学员档案.csv       enrolment CRM, one row per learner
                         (客户编号, 手机号哈希, 城市, 身份…)
  crm_跟进记录.csv       enrolment CRM activity log: 新线索, 试学到场, 签约报名, 缴费,
                         退费, 转场, 退学, 拿证;
                         times 'YYYY/MM/DD HH:mm' Beijing time, amounts in 分 (fen)
  miniapp_log.jsonl      mini-program log (openid; 学员编号 only once the account is bound):
                         opens, trial and practice bookings, check-ins, cancellations,
                         failed bookings;
                         UTC ISO-8601 with Z
  dmv_exam_results.csv   DMV exam sheet: one row per attempt, date only, 合格/不合格
  coach_ratings.csv      mini-program coach ratings after a practice session (1-5 stars), UTC
  service_tickets.csv    service-desk tickets, 'YYYY-MM-DD HH:mm:ss' Beijing time
  marketing_weekly.csv   marketing spend per week (Monday) per channel, yuan, Chinese channel names

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

SEED = 20261205
START = datetime(2025, 12, 5)
END = datetime(2026, 12, 5)  # as_of (Saturday); data ends the day before
N_DAYS = (END - START).days
PRICE_RISE = datetime(2026, 4, 1)  # C1 prices +500 yuan
LIANGJIANG_OPEN = datetime(2026, 6, 15)  # new Chongqing ground opens
K2_ROUTE_CHANGE = datetime(2026, 9, 1)  # new 科目二 exam route: pass rate drops
DOUYIN_CAMPAIGN = (datetime(2026, 10, 1), datetime(2026, 11, 1))
COACH_SHORTAGE = (datetime(2026, 11, 1), datetime(2026, 12, 5))
SPRING_FESTIVAL = (datetime(2026, 2, 12), datetime(2026, 2, 24))

R = random.Random(SEED)

GROUNDS = {
    "成都": ["成都郫都场地", "成都双流场地", "成都龙泉驿场地"],
    "重庆": ["重庆渝北场地", "重庆沙坪坝场地", "重庆两江新区场地"],
}
# CRM spelling of lead sources
SOURCES = ["抖音", "美团/大众点评", "百度", "朋友圈广告", "校园推广", "老学员推荐", "自然到店"]
SOURCE_W = [0.2, 0.2, 0.12, 0.12, 0.14, 0.14, 0.08]
ONLINE = {"抖音": "douyin", "美团/大众点评": "meituan", "百度": "baidu", "朋友圈广告": "moments"}
PACKAGES = ["标准班", "VIP一对一", "夜间班", "校园优惠班"]
PAY_METHODS = ["微信支付", "支付宝", "银行卡", "分期"]
COACHES = {
    g: [f"JL{i:02d}{j:02d}" for j in range(1, 9)]
    for i, g in enumerate([g for gs in GROUNDS.values() for g in gs], 1)
}


def chance(p):
    return R.random() < p


def pick(opts, w=None):
    return R.choices(opts, weights=w)[0] if w else R.choice(opts)


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


HOURS = [
    0.2,
    0.1,
    0,
    0,
    0,
    0,
    0.2,
    0.6,
    1.5,
    2.5,
    3,
    3,
    2.8,
    2.8,
    3,
    3,
    2.8,
    2.6,
    2.8,
    3.5,
    4,
    4,
    3,
    1,
]
DESK_HOURS = [0] * 8 + [2, 3, 3, 3, 2, 2, 3, 3, 3, 3, 2, 1, 0.5, 0, 0, 0]
PRACTICE_SLOTS = [7, 9, 11, 14, 16, 18, 19]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


profiles, crm, mini, exams, ratings, tickets = ([] for _ in range(6))
seq = {"cust": 100000, "contract": 0, "ticket": 0, "booking": 0, "exam": 0, "open": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Learner:
    def __init__(self, source, city):
        self.source = source
        self.city = city
        self.openid = None
        self.cno = None  # CRM 客户编号
        self.phone = None
        self.bound = False  # mini-program bound to the CRM record (knows 学员编号)
        self.ground = None
        self.created = None
        self.identity = None
        self.age = None


def crm_row(
    p,
    ts,
    kind,
    licence="",
    package="",
    paid="",
    method="",
    contract="",
    contract_value="",
    ground=None,
):
    if not within(ts):
        return
    crm.append(
        (
            p.cno,
            p.phone,
            ts,
            kind,
            p.source,
            ground or p.ground or "",
            licence,
            package,
            paid,
            method,
            contract,
            contract_value,
        )
    )


def mini_row(p, ts, event, source, ground="", slot=None, coach="", booking=""):
    if not within(ts):
        return
    if p.openid is None:
        p.openid = "oAT" + h(f"open{nxt('open')}")[:24]
    mini.append(
        (
            ts,
            p.openid,
            p.cno if p.bound else "",
            p.phone if p.bound or event == "trial_booked" else "",
            event,
            source,
            ground,
            slot,
            coach,
            booking,
        )
    )


def register(p, ts):
    if p.cno is None:
        p.cno = f"K{nxt('cust')}"
        p.phone = "ph_" + h(f"phone{p.cno}")[:14]
        p.created = ts
        p.ground = p.ground or pick_ground(p.city, ts)
        profiles.append(p)


def pick_ground(city, ts):
    g = GROUNDS[city]
    if city == "重庆":
        if ts < LIANGJIANG_OPEN:
            return pick(g[:2], [0.55, 0.45])
        return pick(g, [0.35, 0.3, 0.35])
    return pick(g, [0.4, 0.35, 0.25])


def ticket(p, ts, kind, mood=0.0):
    if not within(ts):
        return
    ch = pick(["400电话", "微信客服", "小程序留言"], [0.4, 0.4, 0.2])
    fr = {
        "400电话": R.uniform(0.01, 0.4),
        "微信客服": R.uniform(0.05, 3),
        "小程序留言": R.uniform(1, 20),
    }[ch]
    shortage = inw(ts, COACH_SHORTAGE)
    if shortage:
        fr *= 2.5
    res = (
        fr
        + {
            "约车等待": R.uniform(6, 72),
            "教练态度": R.uniform(12, 96),
            "退费": R.uniform(48, 240),
            "考试安排": R.uniform(4, 48),
            "收费疑问": R.uniform(2, 30),
            "转场": R.uniform(24, 120),
        }[kind]
    )
    if shortage and kind == "约车等待":
        res *= 1.8
    solved = ts + timedelta(hours=res)
    complaint = kind in ("教练态度", "退费") or (kind == "约车等待" and chance(0.6)) or chance(0.08)
    csat = ""
    if chance(0.5):
        csat = max(1, min(5, round(R.gauss(4.2 - mood - (0.6 if shortage else 0), 0.9))))
    tickets.append(
        (
            f"GD{nxt('ticket'):06d}",
            p.cno or "",
            p.phone or "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            kind,
            ch,
            "是" if complaint else "否",
            csat,
        )
    )


def price(licence, package, ts):
    base = {"C1": 4300 if ts >= PRICE_RISE else 3800, "C2": 4000}[licence]
    return base + {"标准班": 0, "VIP一对一": 3000, "夜间班": 300, "校园优惠班": -500}[package]


def practice(p, start, n, stage):
    """n practice sessions booked in the mini-program from `start`; returns the last one."""
    t = start
    for _ in range(n):
        gap = R.uniform(2, 5)
        shortage = inw(t, COACH_SHORTAGE)
        if shortage:
            gap *= 2.0
            tries = R.choice([1, 2, 2, 3])
            for _k in range(tries):
                mini_row(
                    p,
                    at(t.date()) + timedelta(minutes=R.uniform(0, 30)),
                    "booking_failed",
                    "miniapp",
                    p.ground,
                )
                t = t + timedelta(days=R.uniform(0.5, 1.5))
            if chance(0.06):
                ticket(p, t + timedelta(hours=R.uniform(1, 10)), "约车等待", mood=0.8)
        elif chance(0.08):
            mini_row(p, at(t.date()), "booking_failed", "miniapp", p.ground)
        booked = at(t.date())
        slot_day = booked.date() + timedelta(days=max(1, round(gap)))
        slot = datetime(slot_day.year, slot_day.month, slot_day.day, pick(PRACTICE_SLOTS), 0)
        coach = pick(COACHES[p.ground][:6] if shortage else COACHES[p.ground])
        bid = f"YC{nxt('booking'):07d}"
        mini_row(p, booked, "practice_booked", "miniapp", p.ground, slot, coach, bid)
        if chance(0.07):
            mini_row(
                p,
                booked + timedelta(hours=R.uniform(1, 20)),
                "booking_cancelled",
                "miniapp",
                p.ground,
                slot,
                coach,
                bid,
            )
            t = slot
            continue
        mini_row(
            p,
            slot + timedelta(minutes=R.uniform(-10, 8)),
            "practice_checkin",
            "miniapp",
            p.ground,
            slot,
            coach,
            bid,
        )
        if chance(0.22):
            rt = slot + timedelta(hours=R.uniform(2.2, 30))
            if within(rt):
                mean = 4.4 - (0.9 if shortage else 0) - (0.7 if coach.endswith("03") else 0)
                stars = max(1, min(5, round(R.gauss(mean, 0.8))))
                ratings.append((p.cno, rt, coach, p.ground, stage, stars))
                if stars <= 2 and chance(0.35):
                    ticket(p, rt + timedelta(hours=R.uniform(0.5, 12)), "教练态度", mood=1.0)
        t = slot
    return t


def exam(p, subject, day, pass_p):
    """Attempts until pass or give-up; returns the pass date or None."""
    for attempt in range(1, 6):
        passed = chance(pass_p(day))
        d = datetime(day.year, day.month, day.day)
        if d >= END:
            return None
        if within(d):
            score = ""
            if subject in ("科目一", "科目四"):
                score = R.randint(90, 100) if passed else R.randint(60, 89)
            elif subject == "科目二":
                score = R.choice([80, 90, 100]) if passed else R.choice([0, 50, 60, 70])
            else:
                score = R.choice([90, 100]) if passed else R.choice([0, 60, 70, 80])
            exams.append(
                (
                    f"KS{nxt('exam'):07d}",
                    p.cno,
                    p.city,
                    subject,
                    d.date(),
                    attempt,
                    score,
                    "合格" if passed else "不合格",
                    exam_site(p, subject),
                )
            )
        if passed:
            return d
        if chance(0.1 + 0.05 * attempt):
            return None  # gives up
        if subject == "科目二" and chance(0.3):
            practice(p, d + timedelta(days=1), R.randint(1, 3), subject)
        day = (d + timedelta(days=R.randint(10, 20))).date()
    return None


def exam_site(p, subject):
    if subject in ("科目一", "科目四"):
        return {"成都": "成都车管所理论考场", "重庆": "重庆车管所理论考场"}[p.city]
    return {
        "成都": pick(["成都新津考场", "成都温江考场"]),
        "重庆": pick(["重庆渝北考场", "重庆九龙坡考场"]),
    }[p.city]


def k2_pass(d):
    base = 0.8 if datetime(d.year, d.month, d.day) < K2_ROUTE_CHANGE else 0.61
    return base


def enrol(p, ts, licence, package):
    """Contract, payments and everything after: exams, practice, licence, refunds, drop-outs."""
    cid = f"HT{ts:%y%m}{nxt('contract'):05d}"
    value = price(licence, package, ts)
    crm_row(p, ts, "签约报名", licence, package, contract=cid, contract_value=str(value * 100))
    method = pick(
        PAY_METHODS, [0.45, 0.25, 0.12, 0.18 if licence == "C1" and ts >= PRICE_RISE else 0.12]
    )
    paid_total = 0
    if method == "分期":
        parts = [round(value * 0.4), round(value * 0.3)]
        parts.append(value - sum(parts))
        for i, amt in enumerate(parts):
            pt = (
                ts + timedelta(minutes=R.uniform(3, 40))
                if i == 0
                else at((ts + timedelta(days=30 * i)).date())
            )
            crm_row(p, pt, "缴费", licence, package, str(amt * 100), method, cid)
            paid_total += amt
    else:
        crm_row(
            p,
            ts + timedelta(minutes=R.uniform(3, 40)),
            "缴费",
            licence,
            package,
            str(value * 100),
            method,
            cid,
        )
        paid_total = value
    if not p.bound:
        p.bound = True
        mini_row(
            p, ts + timedelta(minutes=R.uniform(30, 600)), "account_bound", "miniapp", p.ground
        )
    # early regret: refund within a month
    if chance(0.035):
        rt = at((ts + timedelta(days=R.uniform(2, 28))).date(), DESK_HOURS)
        ticket(p, rt, "退费", mood=0.8)
        crm_row(
            p,
            rt + timedelta(days=R.uniform(2, 10)),
            "退费",
            licence,
            package,
            str(-round(paid_total * 0.8) * 100),
            method,
            cid,
        )
        crm_row(p, rt + timedelta(days=R.uniform(2, 10)), "退学", licence, package, contract=cid)
        return
    if chance(0.04):
        ticket(
            p, at((ts + timedelta(days=R.uniform(1, 40))).date(), DESK_HOURS), "收费疑问", mood=0.2
        )
    # 科目一
    k1 = exam(p, "科目一", (ts + timedelta(days=R.randint(8, 25))).date(), lambda d: 0.86)
    if k1 is None:
        if chance(0.5):
            crm_row(
                p,
                at((ts + timedelta(days=R.randint(60, 120))).date(), DESK_HOURS),
                "退学",
                licence,
                package,
                contract=cid,
            )
        return
    # transfer to another ground (mostly to the new Chongqing ground)
    if chance(0.03) or (
        p.city == "重庆"
        and k1 >= LIANGJIANG_OPEN
        and p.ground != "重庆两江新区场地"
        and chance(0.08)
    ):
        new = (
            "重庆两江新区场地"
            if p.city == "重庆" and k1 >= LIANGJIANG_OPEN
            else pick(
                [
                    g
                    for g in GROUNDS[p.city]
                    if g != p.ground and (g != "重庆两江新区场地" or k1 >= LIANGJIANG_OPEN)
                ]
            )
        )
        tt = at((k1 + timedelta(days=R.randint(1, 10))).date(), DESK_HOURS)
        if chance(0.4):
            ticket(p, tt - timedelta(hours=R.uniform(2, 48)), "转场", mood=0.1)
        crm_row(p, tt, "转场", licence, package, contract=cid, ground=new)
        p.ground = new
    n2 = R.randint(6, 11) + (2 if licence == "C1" else 0) + (3 if package == "夜间班" else 0)
    last = practice(p, k1 + timedelta(days=R.uniform(1, 5)), n2, "科目二")
    if package == "VIP一对一":
        last = last - timedelta(days=R.uniform(0, 8))
    if chance(0.04):
        crm_row(
            p,
            at((last + timedelta(days=R.randint(3, 30))).date(), DESK_HOURS),
            "退学",
            licence,
            package,
            contract=cid,
        )
        return
    k2 = exam(p, "科目二", (last + timedelta(days=R.randint(3, 12))).date(), k2_pass)
    if k2 is None:
        if chance(0.6):
            d = at((last + timedelta(days=R.randint(40, 90))).date(), DESK_HOURS)
            crm_row(p, d, "退学", licence, package, contract=cid)
        return
    if chance(0.06):
        ticket(
            p, at((k2 - timedelta(days=R.randint(2, 9))).date(), DESK_HOURS), "考试安排", mood=0.2
        )
    last = practice(p, k2 + timedelta(days=R.uniform(1, 5)), R.randint(4, 7), "科目三")
    k3 = exam(p, "科目三", (last + timedelta(days=R.randint(3, 12))).date(), lambda d: 0.76)
    if k3 is None:
        return
    k4 = exam(
        p, "科目四", (k3 + timedelta(days=R.choice([0, 0, 1, 2, 5, 9]))).date(), lambda d: 0.93
    )
    if k4 is None:
        return
    crm_row(
        p,
        datetime(k4.year, k4.month, k4.day, R.randint(15, 18), R.randrange(60)),
        "拿证",
        licence,
        package,
        contract=cid,
    )


def season(dt):
    w = 1.0
    if dt.month in (7, 8):
        w *= 2.1
    elif dt.month == 6 and dt.day >= 20:
        w *= 1.5
    elif dt.month in (1,):
        w *= 0.85
    if inw(dt, SPRING_FESTIVAL):
        w *= 0.35
    if dt.weekday() >= 5:
        w *= 1.3
    return w


def lead(d, source=None, campaign=False):
    dt = datetime(d.year, d.month, d.day)
    summer = dt.month in (7, 8)
    if source is None:
        w = list(SOURCE_W)
        if summer:
            w[4] *= 3.0  # campus promoters
        source = pick(SOURCES, w)
    city = pick(["成都", "重庆"], [0.6, 0.4])
    p = Learner(source, city)
    p.identity = pick(
        ["大学生", "上班族", "其他"],
        [0.7, 0.2, 0.1] if summer or source == "校园推广" else [0.25, 0.6, 0.15],
    )
    p.age = {
        "大学生": pick(["18-22", "23-30"], [0.85, 0.15]),
        "上班族": pick(["23-30", "31-40", "41+"], [0.5, 0.35, 0.15]),
        "其他": pick(["18-22", "23-30", "31-40", "41+"], [0.3, 0.2, 0.25, 0.25]),
    }[p.identity]
    t = at(d)
    online = source in ONLINE
    if online:
        src = ONLINE[source]
        mini_row(p, t, "miniapp_open", src)
        for _ in range(R.choice([0, 0, 1, 2])):
            mini_row(p, t + timedelta(days=R.uniform(0.1, 6)), "miniapp_open", src)
        p_trial = {"douyin": 0.5, "meituan": 0.6, "baidu": 0.45, "moments": 0.4}[src]
        if campaign:
            p_trial = 0.7
        if not chance(p_trial):
            return p
        t = t + timedelta(minutes=R.uniform(2, 30))
        register(p, t)
        mini_row(p, t, "trial_booked", src, p.ground)
        crm_row(p, t + timedelta(minutes=R.uniform(1, 5)), "新线索")
    else:
        register(p, t if source != "自然到店" else at(d, DESK_HOURS))
        crm_row(p, p.created, "新线索")
        if source == "自然到店":
            crm_row(p, p.created + timedelta(minutes=R.uniform(10, 40)), "试学到场")
            t = p.created
        elif not chance(0.72 if source == "老学员推荐" else 0.62):
            return p
        else:
            t = p.created
    if source != "自然到店":
        show = 0.78 if not campaign else 0.6
        if not chance(show):
            return p
        t = at((t + timedelta(days=R.uniform(1, 9))).date(), DESK_HOURS)
        crm_row(p, t, "试学到场")
    # sign?
    licence = "C1" if chance(0.62 if dt < PRICE_RISE else 0.5) else "C2"
    p_sign = {
        "抖音": 0.38,
        "美团/大众点评": 0.45,
        "百度": 0.42,
        "朋友圈广告": 0.36,
        "校园推广": 0.5,
        "老学员推荐": 0.62,
        "自然到店": 0.55,
    }[source]
    if campaign:
        p_sign = 0.09
    if licence == "C1" and dt >= PRICE_RISE:
        p_sign *= 0.88
    if not chance(p_sign):
        return p
    if p.identity == "大学生":
        package = pick(PACKAGES, [0.35, 0.05, 0.1, 0.5])
    else:
        package = pick(PACKAGES, [0.55, 0.18, 0.25, 0.02])
    st = (
        t + timedelta(minutes=R.uniform(30, 120))
        if chance(0.6)
        else at((t + timedelta(days=R.uniform(1, 12))).date(), DESK_HOURS)
    )
    enrol(p, st, licence, package)
    return p


def carry_over(n):
    """Learners who signed before the window: only their later records are in the exports."""
    for _ in range(n):
        d = (START - timedelta(days=R.randint(5, 150))).date()
        source = pick(SOURCES, SOURCE_W)
        p = Learner(source, pick(["成都", "重庆"], [0.6, 0.4]))
        p.identity = pick(["大学生", "上班族", "其他"], [0.3, 0.55, 0.15])
        p.age = pick(["18-22", "23-30", "31-40", "41+"], [0.3, 0.35, 0.25, 0.1])
        t = at(d, DESK_HOURS)
        register(p, t)
        p.bound = True
        enrol(p, t, pick(["C1", "C2"], [0.62, 0.38]), pick(PACKAGES, [0.55, 0.15, 0.2, 0.1]))


def simulate():
    carry_over(700)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(13.5 * season(dt))):
            lead(d)
        if inw(dt, DOUYIN_CAMPAIGN):
            for _ in range(poisson(22 if d.weekday() < 5 else 30)):
                lead(d, "抖音", campaign=True)
        # other service-desk contacts
        for _ in range(poisson(0.6)):
            if profiles:
                p = pick(profiles[-400:])
                ticket(p, at(d, DESK_HOURS), pick(["收费疑问", "考试安排"], [0.5, 0.5]))


def utc(ts):  # naive Beijing -> UTC ISO with Z
    return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"


def write(folder: Path):
    with open(folder / "crm_学员档案.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["客户编号", "手机号哈希", "建档时间", "城市", "意向场地", "身份", "年龄段", "线索来源"]
        )
        for p in sorted(profiles, key=lambda p: p.cno):
            if p.created >= END:
                continue
            w.writerow(
                [
                    p.cno,
                    p.phone,
                    f"{p.created:%Y/%m/%d %H:%M}",
                    p.city,
                    p.ground,
                    p.identity,
                    p.age,
                    p.source,
                ]
            )
    with open(folder / "crm_跟进记录.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "客户编号",
                "手机号哈希",
                "发生时间",
                "业务类型",
                "来源渠道",
                "场地",
                "驾照类型",
                "班型",
                "实收金额(分)",
                "支付方式",
                "合同号",
                "合同金额(分)",
            ]
        )
        for r in sorted(crm, key=lambda r: (r[2], r[0], r[3])):
            w.writerow([r[0], r[1], f"{r[2]:%Y/%m/%d %H:%M}", *r[3:]])
    with open(folder / "miniapp_log.jsonl", "w", encoding="utf-8") as f:
        for ts, openid, cno, phone, ev, src, ground, slot, coach, bid in sorted(
            mini, key=lambda r: (r[0], r[1], r[4])
        ):
            obj = {
                "openid": openid,
                "studentNo": cno or None,
                "phoneHash": phone or None,
                "event": ev,
                "scene": src,
                "ts": utc(ts),
            }
            if ground:
                obj["ground"] = ground
            if bid:
                obj["bookingId"] = bid
                obj["slotStart"] = utc(slot)
                obj["coachId"] = coach
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "dmv_exam_results.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "流水号",
                "学员编号",
                "考试城市",
                "考试科目",
                "考试日期",
                "考试次数",
                "成绩",
                "考试结果",
                "考场",
            ]
        )
        for r in sorted(exams, key=lambda r: (r[4], r[0])):
            w.writerow([*r[:4], f"{r[4]:%Y-%m-%d}", *r[5:]])
    with open(folder / "coach_ratings.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["studentNo", "ratedAt", "coachId", "ground", "subject", "stars"])
        for r in sorted(ratings, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], utc(r[1]), r[2], r[3], r[4], r[5]])

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "service_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "客户编号",
                "手机号哈希",
                "创建时间",
                "首次响应时间",
                "解决时间",
                "问题分类",
                "受理渠道",
                "是否投诉",
                "满意度",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), r[6], r[7], r[8], r[9]])
    with open(folder / "marketing_weekly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["周开始日期", "投放渠道", "花费(元)"])
        base = {
            "抖音信息流": 9000,
            "美团点评推广": 8000,
            "百度搜索": 6000,
            "朋友圈广告": 5000,
            "校园地推": 3000,
        }
        wk = START.date() - timedelta(days=START.weekday())
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            for ch, amt in base.items():
                f_ = R.uniform(0.85, 1.15)
                if dt.month in (7, 8) and ch == "校园地推":
                    f_ *= 3.0
                elif dt.month in (7, 8):
                    f_ *= 1.4
                if ch == "抖音信息流" and inw(dt + timedelta(days=3), DOUYIN_CAMPAIGN):
                    f_ *= 5.0
                if inw(dt, SPRING_FESTIVAL):
                    f_ *= 0.3
                w.writerow([f"{wk:%Y/%m/%d}", ch, f"{amt * f_:.0f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="drivingschool-src-") as tmp:
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
