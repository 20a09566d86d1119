"""Education evaluation domain: 学而优在线教育, K12 tutoring and adult English courses online.

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  ad_clicks.jsonl               ad platforms' click callbacks (抖音 / 小红书 / 百度), UTC times with Z
  mp_tracking.csv               小程序 tracking SDK: opaque event codes (ev_xxxx), openid, phone MD5
                                after the lead form, click_id on ad landings
  app_events/YYYY-MM.csv        App analytics, one file per month, English event names
  crm.sqlite                    CRM: t_student (leads and students), t_call_log (课程顾问 calls)
  classroom_log.jsonl           online classroom platform: trial and regular class attendance
  orders_export.csv             order system: order created, paid, instalments, renewals, refunds
  工单导出.csv                   ticket system (GB18030)
  nps_survey.csv                NPS survey tool (after a trial class and at the end of a package)
  投放日报.csv                   the growth team's daily spend sheet per 媒体 × 计划

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.

Planted stories (see description.md):
  1. 暑假 (July–August 2026): K12 leads, trials, 暑期班 purchases and classes peak; 暑期班招生
     campaign (2026-06-15 … 07-31) and 开学季 campaign (2026-08-17 … 09-06) spend.
  2. 小红书 trial show-up collapse: trials booked by leads from 小红书 from 2026-05-01 on are
     attended at ≈ 25 % instead of ≈ 65 %.
  3. 初中数学 teacher change on Mon 2026-03-09 (王磊 → 赵晨): refunds of 初中数学 (reason 更换老师),
     退费申请 / 老师投诉 tickets and low NPS in March–April 2026.
  4. 618年中大促 (2026-06-01 … 06-18): 成人英语 courses at 30 % off; adult purchases spike and the
     average order value drops.
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
import sqlite3
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the repository: evals/domains/edu/../../.. when the folder sits in the repo, else TPA_REPO or /work/main
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20260916
START = datetime(2025, 9, 16)
END = datetime(2026, 9, 16)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days

SUMMER = (datetime(2026, 6, 15), datetime(2026, 8, 1))  # 暑期班招生 campaign
SUMMER_LEADS = (datetime(2026, 6, 10), datetime(2026, 8, 20))  # K12 lead volume peak
KXJ = (datetime(2026, 8, 17), datetime(2026, 9, 7))  # 开学季
S618 = (datetime(2026, 6, 1), datetime(2026, 6, 19))  # 618年中大促
XHS_DROP = datetime(2026, 5, 1)  # 小红书 show-up collapse
TEACHER_CHANGE = datetime(2026, 3, 9)  # 初中数学: 王磊 → 赵晨
REFUND_WAVE = (datetime(2026, 3, 9), datetime(2026, 5, 1))

DOUYIN, XHS, BAIDU, APP, MP, CC, CLASS, KF = "抖音", "小红书", "百度", "App", "小程序", "课程顾问", "线上课堂", "客服中心"
MEDIA_CODE = {DOUYIN: "douyin", XHS: "xhs", BAIDU: "baidu"}
ORDER_CHNL = {APP: "APP", MP: "MP", CC: "CC", KF: "KF"}

# 小程序 SDK event codes: the SDK only exports opaque codes (labels live in the model)
MP_CODES = {"landing": "ev_1a7c", "lead_form": "ev_3c9e", "course_page_view": "ev_5b20", "试听预约": "ev_8d41"}
APP_CODES = {"course_page_view": "course_detail", "试听预约": "book_trial", "homework_submit": "homework_submit"}

SEGMENTS = ["小学", "初中", "高中", "成人"]
COURSES = {
    "小学": ["小学数学思维", "小学英语"],
    "初中": ["初中数学", "初中英语"],
    "高中": ["高中数学", "高中物理"],
    "成人": ["成人英语口语", "雅思冲刺"],
}
TEACHERS = {
    "小学数学思维": "陈静", "小学英语": "Lily刘", "初中英语": "孙悦", "高中数学": "周海",
    "高中物理": "吴磊", "成人英语口语": "Mike王", "雅思冲刺": "Emma张",
}
PRICE = {  # term package (16 lessons K12 / 24 lessons adult)
    "小学数学思维": 2980, "小学英语": 2980, "初中数学": 3680, "初中英语": 3680,
    "高中数学": 4580, "高中物理": 4580, "成人英语口语": 3999, "雅思冲刺": 6800,
}
SUMMER_PRICE = {"小学": 1980, "初中": 2380, "高中": 2880}
PROVINCES = ["广东", "浙江", "江苏", "北京", "上海", "四川", "湖北", "山东", "河南", "湖南"]
PROV_W = [0.18, 0.12, 0.12, 0.07, 0.07, 0.09, 0.08, 0.10, 0.10, 0.07]
TIER_BY_PROV = {
    "北京": ["一线"], "上海": ["一线"],
    "广东": ["一线", "新一线", "二线", "三线及以下"], "浙江": ["新一线", "二线", "三线及以下"],
    "江苏": ["新一线", "二线", "三线及以下"], "四川": ["新一线", "二线", "三线及以下"],
    "湖北": ["新一线", "二线", "三线及以下"], "山东": ["新一线", "二线", "三线及以下"],
    "河南": ["新一线", "二线", "三线及以下"], "湖南": ["新一线", "二线", "三线及以下"],
}
TIER_CODE = {"一线": "T1", "新一线": "T1.5", "二线": "T2", "三线及以下": "T3"}

R = random.Random(SEED)


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


_HOURS = {
    "digital": [1, 0.4, 0.2, 0.1, 0.1, 0.2, 0.8, 1.5, 2, 2.5, 3, 3, 3.5, 3, 2.5, 2.5, 3, 3.5, 4, 5.5, 7, 7, 5, 2.5],
    "work": [0] * 9 + [5, 6, 6, 3, 5, 6, 6, 6, 5, 4, 5, 5, 3] + [0, 0],
    "class": [0] * 8 + [1, 2, 2, 1, 0.5, 0.5, 1.5, 2, 1.5, 1, 2, 5, 6, 4, 1] + [0],
}
_CUM = {k: list(itertools.accumulate(v)) for k, v in _HOURS.items()}


def at(day: date, kind: str = "digital") -> datetime:
    hour = R.choices(range(24), cum_weights=_CUM[kind])[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def within(ts: datetime) -> bool:
    return START <= ts < END


def inw(ts: datetime, w: tuple[datetime, datetime]) -> bool:
    return w[0] <= ts < w[1]


# ----------------------------------------------------------------------------------------------
# people and the rows each system writes
# ----------------------------------------------------------------------------------------------
class Person:
    def __init__(self, idx: int):
        self.idx = idx
        self.phone = md5(f"1{5 + idx % 4}{idx:09d}")
        self.openid = None
        self.device = None
        self.stu_id = None
        self.reg_ts = None
        self.paid = False
        self.refunded = False
        self.active_until = None
        self.source = None
        self.referral = False
        self.segment = pick(SEGMENTS, [0.3, 0.28, 0.17, 0.25])
        self.province = pick(PROVINCES, PROV_W)
        self.tier = R.choice(TIER_BY_PROV[self.province])


ad_rows: list[dict] = []
mp_rows: list[tuple] = []  # (ts, openid, phone, click_id, code, course)
app_rows: list[tuple] = []  # (ts, device, phone, event, course)
call_rows: list[tuple] = []  # (stu_id, ts, result)
class_rows: list[dict] = []
order_rows: list[tuple] = []  # (order_no, stu_id, trade_type, ts, chnl, amount, pay_type, course, reason)
ticket_rows: list[tuple] = []
nps_rows: list[tuple] = []
persons: list[Person] = []

_seq = {"click": 0, "order": 0, "ticket": 0, "stu": 0}


def nxt(kind: str) -> int:
    _seq[kind] += 1
    return _seq[kind]


def register(p: Person, ts: datetime) -> None:
    """The CRM creates a student record when a phone number is first known (lead form, booking)."""
    if p.stu_id is None:
        p.stu_id = f"XS{nxt('stu'):06d}"
        p.reg_ts = ts


def mp(p: Person, ts: datetime, what: str, course: str = "", click_id: str = "") -> bool:
    if not within(ts):
        return False
    if p.openid is None:
        p.openid = "oXEY" + md5(f"mp-{p.idx}")[:24]
    known = p.reg_ts is not None and ts >= p.reg_ts
    mp_rows.append((ts, p.openid, p.phone if known or what == "lead_form" else "", click_id, MP_CODES[what], course))
    return True


def app(p: Person, ts: datetime, what: str, course: str = "") -> bool:
    if not within(ts):
        return False
    if p.device is None:
        p.device = md5(f"dev-{p.idx}")[:16]
    known = p.reg_ts is not None and ts >= p.reg_ts
    app_rows.append((ts, p.device, p.phone if known else "", APP_CODES[what], course))
    return True


def call(p: Person, ts: datetime, biz: str = "外呼") -> None:
    if within(ts):
        result = "接通" if biz == "约课" or chance(0.72) else "未接通"
        call_rows.append((p.stu_id, ts, biz, result))


def classroom(p: Person, ts: datetime, kind: str, course: str, teacher: str) -> bool:
    if not within(ts):
        return False
    class_rows.append({"student_no": p.stu_id, "type": kind, "ts": ts, "course": course, "teacher": teacher})
    return True


def order(p, ts, trade, ch, amount, pay_type, course, order_no, reason="") -> bool:
    if not within(ts):
        return False
    order_rows.append((order_no, p.stu_id, trade, ts, ORDER_CHNL[ch], amount, pay_type, course, reason))
    return True


def teacher_of(course: str, ts: datetime) -> str:
    if course == "初中数学":
        return "王磊" if ts < TEACHER_CHANGE else "赵晨"
    return TEACHERS[course]


def ticket(p: Person, opened: datetime, category: str) -> None:
    if not within(opened):
        return
    tid = f"KF{opened:%y%m%d}{nxt('ticket'):05d}"
    complaint = chance({"老师投诉": 1.0, "退费申请": 0.5, "上课技术问题": 0.2, "课程咨询": 0.05, "分期问题": 0.3}[category])
    ch = pick(["400热线", "App在线客服", "企业微信"], [0.45, 0.35, 0.2])
    frt = {"400热线": 6.0, "App在线客服": 20.0, "企业微信": 45.0}[ch] * math.exp(R.gauss(0, 0.7))
    first = opened + timedelta(minutes=frt)
    res_h = {"退费申请": 60.0, "老师投诉": 30.0}.get(category, 14.0) * math.exp(R.gauss(0, 0.8))
    resolved = opened + timedelta(hours=max(frt / 60 + 0.2, res_h))
    if resolved >= END or chance(0.02):
        resolved = None
    csat = ""
    if resolved is not None and chance(0.45):
        base = {"老师投诉": 2.6, "退费申请": 3.0}.get(category, 4.1)
        csat = str(max(1, min(5, round(R.gauss(base, 0.9)))))
    ticket_rows.append((tid, p.phone, ch, category, "是" if complaint else "否", opened, first, resolved, csat))


def nps(p: Person, ts: datetime, scene: str, course: str, mean: float) -> None:
    ans = ts + timedelta(hours=R.uniform(1, 48))
    if not within(ans):
        return
    score = max(0, min(10, round(R.gauss(mean, 1.8))))
    comment = ""
    if chance(0.4):
        pool = (["老师讲得很好", "孩子很喜欢", "推荐给同学家长了", "进步明显"] if score >= 9
                else ["还可以", "一般", "上课时间不太方便"] if score >= 7
                else ["换老师了不适应", "效果不明显", "顾问电话太多", "价格太贵", "网络卡顿"])
        comment = R.choice(pool)
        if score <= 6 and course == "初中数学" and inw(ts, REFUND_WAVE) and chance(0.7):
            comment = "换老师了不适应"
    nps_rows.append((p.stu_id, ans, scene, score, comment, course))


# ----------------------------------------------------------------------------------------------
# journeys
# ----------------------------------------------------------------------------------------------
def choose_course(p: Person) -> str:
    return R.choice(COURSES[p.segment])


def trial(p: Person, t_book: datetime, book_ch: str) -> None:
    """Trial booked: consultant calls, the trial class, follow-up, maybe an order."""
    register(p, t_book)
    course = choose_course(p)
    call(p, t_book + timedelta(hours=R.uniform(0.3, 6)))
    t_trial = at((t_book + timedelta(days=R.randint(1, 5))).date(), "class")
    show = 0.65
    if p.referral:
        show = 0.8
    if p.source == XHS and t_book >= XHS_DROP:  # story 2
        show = 0.25
    if inw(t_book, (datetime(2026, 7, 1), datetime(2026, 9, 1))) and p.segment != "成人":
        show += 0.07
    if not chance(show):
        call(p, t_trial + timedelta(hours=R.uniform(2, 30)))
        return
    if not classroom(p, t_trial, "trial_attend", course, teacher_of(course, t_trial)):
        return
    if chance(0.2):
        nps(p, t_trial, "试听后", course, 7.8)
    call(p, t_trial + timedelta(hours=R.uniform(1, 24)))
    buy = 0.5 if p.referral else 0.34
    if p.segment != "成人" and inw(t_trial, (datetime(2026, 6, 10), datetime(2026, 8, 25))):
        buy += 0.12
    if p.segment == "成人":
        buy -= 0.08
        if inw(t_trial, S618):
            buy += 0.25
    if not chance(buy):
        return
    t_order = t_trial + timedelta(hours=R.expovariate(1 / 30.0) + 0.5)
    purchase(p, t_order, course, pick([APP, MP, CC], [0.4, 0.25, 0.35]), first=True)


def package(course: str, seg: str, ts: datetime) -> tuple[float, int, int]:
    """(price, weeks, classes per week) of what is bought at ts."""
    if seg != "成人" and inw(ts, (datetime(2026, 6, 1), datetime(2026, 8, 1))):
        return SUMMER_PRICE[seg], 6, 3  # 暑期班
    price = PRICE[course]
    if seg == "成人":
        if inw(ts, S618):
            price = round(price * 0.7)
        return price, 24, 1
    return price, 16, 1


def purchase(p: Person, t_order: datetime, course: str, ch: str, first: bool) -> None:
    price, weeks, per_week = package(course, p.segment, t_order)
    order_no = f"DD{t_order:%Y%m%d}{nxt('order'):05d}"
    inst = price >= 3000 and chance(0.35)
    pay_type = "INSTAL" if inst else "ONCE"
    trade_create, trade_pay = ("CREATE", "PAY") if first else ("CREATE", "RENEW")
    if not order(p, t_order, trade_create, ch, "", pay_type, course, order_no):
        return
    if not chance(0.9 if first else 0.97):
        return  # order never paid (closed)
    t_pay = t_order + timedelta(minutes=R.uniform(1, 25))
    n = R.choice([3, 6]) if inst else 1
    part = round(price / n, 2)
    if not order(p, t_pay, trade_pay, ch, f"{part:.2f}", pay_type, course, order_no):
        return
    p.paid = True
    refund_at = study(p, t_pay, course, weeks, per_week, price, order_no, pay_type)
    for k in range(1, n):  # monthly instalments (they stop after a refund)
        t_k = t_pay + timedelta(days=30 * k, minutes=R.uniform(0, 90))
        if refund_at and t_k >= refund_at:
            break
        order(p, t_k, "INSTAL", ch, f"{part:.2f}", pay_type, course, order_no)


def study(p: Person, t_pay: datetime, course: str, weeks: int, per_week: int, price: float,
          order_no: str, pay_type: str) -> datetime | None:
    start = t_pay + timedelta(days=R.randint(1, 7))
    engagement = R.uniform(0.6, 0.98)
    attended = 0
    total = weeks * per_week
    slots = [start + timedelta(days=7 * w + (k * 2)) for w in range(weeks) for k in range(per_week)]
    refund_at = None
    # refunds: base ≈ 4 %, during the teacher-change wave ≈ 35 % of 初中数学 students (story 3)
    wave = course == "初中数学" and any(inw(s, REFUND_WAVE) for s in slots) and slots[-1] > TEACHER_CHANGE
    if wave and chance(0.35):
        refund_at = max(TEACHER_CHANGE, start) + timedelta(days=R.uniform(4, 35))
        reason = "更换老师"
    elif chance(0.04):
        refund_at = start + timedelta(days=R.uniform(2, 40))
        reason = pick(["效果不满意", "时间冲突", "个人原因"], [0.4, 0.3, 0.3])
    for s in slots:
        if refund_at and s >= refund_at:
            break
        ts = at(s.date(), "class")
        if chance(engagement):
            if classroom(p, ts, "class_attend", course, teacher_of(course, ts)):
                attended += 1
            if chance(0.68 * engagement + 0.1):
                app(p, ts + timedelta(hours=R.uniform(1, 40)), "homework_submit", course)
        if chance(0.03):
            ticket(p, ts + timedelta(hours=R.uniform(-2, 30)), pick(["上课技术问题", "课程咨询", "分期问题"], [0.5, 0.35, 0.15]))
    if refund_at:
        ticket(p, refund_at - timedelta(days=R.uniform(1, 4)), "退费申请")
        if reason == "更换老师" and chance(0.35):
            ticket(p, refund_at - timedelta(days=R.uniform(3, 8)), "老师投诉")
        used = attended / total
        amount = -round(price * max(0.0, 1 - used) * 0.95, 2)
        if order(p, refund_at, "REFUND", KF, f"{amount:.2f}", pay_type, course, order_no, reason):
            p.refunded = True
            if wave and chance(0.5):
                nps(p, refund_at, "结课", course, 3.5)
        return refund_at
    end = slots[-1] + timedelta(days=1)
    p.active_until = end
    # end-of-package NPS, then renewal
    mean = 8.0 if p.segment != "成人" else 7.4
    if course == "初中数学" and inw(end, (TEACHER_CHANGE, datetime(2026, 7, 1))):
        mean = 5.2
    if chance(0.45):
        nps(p, end, "结课", course, mean)
    rate = (0.55 if p.segment != "成人" else 0.38) * (attended / total + 0.25)
    if course == "初中数学" and inw(end, (TEACHER_CHANGE, datetime(2026, 7, 1))):
        rate *= 0.5
    if chance(rate):
        t_renew = end - timedelta(days=R.uniform(0, 10))
        t_renew = at(t_renew.date(), "digital")
        new_course = course
        if p.segment != "成人" and chance(0.15):
            new_course = R.choice(COURSES[p.segment])
        if t_renew < END:
            purchase(p, t_renew, new_course, pick([APP, MP, CC], [0.55, 0.2, 0.25]), first=False)
    return None


# ----------------------------------------------------------------------------------------------
# lead sources
# ----------------------------------------------------------------------------------------------
def day_weight(d: date, media: str) -> float:
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, SUMMER_LEADS):
        w *= 1.9
    if inw(dt, KXJ) and media in (DOUYIN, XHS):
        w *= 1.6
    if dt.month in (1, 2):
        w *= 0.8
    if d.weekday() >= 5:
        w *= 1.2
    return w


def campaign_of(ts: datetime, media: str, seg: str) -> str:
    if seg == "成人" and inw(ts, S618):
        return "618年中大促"
    if seg != "成人" and inw(ts, SUMMER) and media in (DOUYIN, BAIDU):
        return "暑期班招生"
    if seg != "成人" and inw(ts, KXJ) and media in (DOUYIN, XHS):
        return "开学季"
    return "日常投放"


def ad_lead(idx: int, media: str, day: date) -> Person:
    p = Person(idx)
    p.source = media
    if media == XHS:
        p.segment = pick(SEGMENTS, [0.35, 0.15, 0.08, 0.42])
    elif media == BAIDU:
        p.segment = pick(SEGMENTS, [0.15, 0.25, 0.3, 0.3])
    if inw(datetime(day.year, day.month, day.day), S618) and chance(0.45):
        p.segment = "成人"
    t = at(day)
    camp = campaign_of(t, media, p.segment)
    click_id = f"{MEDIA_CODE[media][:2]}{md5(f'click-{idx}')[:14]}"
    if not within(t):
        return p
    ad_rows.append({"click_id": click_id, "media": MEDIA_CODE[media], "plan_name": camp, "ts": t})
    if not chance(0.86):
        return p
    t1 = t + timedelta(seconds=R.uniform(3, 40))
    course = choose_course(p)
    mp(p, t1, "landing", course, click_id)
    lead_p = {DOUYIN: 0.22, XHS: 0.3, BAIDU: 0.34}[media]
    if camp != "日常投放":
        lead_p += 0.06
    if not chance(lead_p):
        if chance(0.15):
            mp(p, t1 + timedelta(minutes=R.uniform(1, 6)), "course_page_view", course)
        return p
    t2 = t1 + timedelta(minutes=R.uniform(0.5, 8))
    register(p, t2)
    mp(p, t2, "lead_form", course)
    if not chance(0.62):
        call(p, t2 + timedelta(hours=R.uniform(0.2, 20)))
        return p
    if chance(0.5):
        mp(p, t2 + timedelta(minutes=R.uniform(1, 10)), "course_page_view", course)
    if chance(0.03):
        ticket(p, t2 + timedelta(days=R.uniform(0.1, 5)), "课程咨询")
    t3 = t2 + timedelta(minutes=R.uniform(2, 60) if chance(0.7) else R.uniform(60, 1200))
    if chance(0.8):
        mp(p, t3, "试听预约", course)
        trial(p, t3, MP)
    else:  # booked over the phone with the consultant
        call(p, t3 - timedelta(minutes=3))
        call(p, t3, "约课")
        trial(p, t3, CC)
    return p


def organic(idx: int, day: date) -> Person:
    p = Person(idx)
    p.source = "自然流量"
    via_app = chance(0.7)
    course = choose_course(p)
    t = at(day)
    for k in range(R.choice([1, 1, 2, 3])):
        tt = t + timedelta(minutes=3 * k + R.uniform(0, 2))
        app(p, tt, "course_page_view", course) if via_app else mp(p, tt, "course_page_view", course)
    if not chance(0.2):
        return p
    tb = t + timedelta(minutes=R.uniform(8, 600))
    register(p, tb)
    if via_app:
        app(p, tb, "试听预约", course)
        trial(p, tb, APP)
    else:
        mp(p, tb, "lead_form", course)
        mp(p, tb + timedelta(minutes=1), "试听预约", course)
        trial(p, tb, MP)
    return p


def referral(idx: int, day: date) -> Person:
    p = Person(idx)
    p.source = "转介绍"
    p.referral = True
    p.segment = pick(SEGMENTS, [0.35, 0.33, 0.17, 0.15])
    t = at(day, "work")
    register(p, t)
    call(p, t)
    tb = t + timedelta(minutes=R.uniform(5, 30))
    call(p, tb, "约课")
    trial(p, tb, CC)
    return p


def existing(idx: int) -> Person:
    """Students enrolled before the data starts, mid-package."""
    p = Person(idx)
    p.source = pick([DOUYIN, XHS, BAIDU, "自然流量", "转介绍"], [0.35, 0.15, 0.15, 0.2, 0.15])
    p.referral = p.source == "转介绍"
    reg = START - timedelta(days=R.uniform(60, 700))
    register(p, at(reg.date()))
    course = choose_course(p)
    price, weeks, per_week = PRICE[course], (16 if p.segment != "成人" else 24), 1
    t_pay = START - timedelta(days=R.uniform(7, 7 * weeks - 14))
    p.paid = True
    order_no = f"DD{t_pay:%Y%m%d}{nxt('order'):05d}"
    study(p, t_pay, course, weeks, per_week, price, order_no, "ONCE")
    return p


def simulate() -> None:
    idx = 0
    base = {DOUYIN: 13.0, XHS: 7.5, BAIDU: 5.5}
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        for media, lam in base.items():
            n = poisson(lam * day_weight(d, media))
            for _ in range(n):
                idx += 1
                persons.append(ad_lead(idx, media, d))
        for _ in range(poisson(5.5 * day_weight(d, "organic"))):
            idx += 1
            persons.append(organic(idx, d))
        for _ in range(poisson(0.9 * (1.5 if d.month in (7, 8) else 1.0))):
            idx += 1
            persons.append(referral(idx, d))
    for _ in range(420):
        idx += 1
        persons.append(existing(idx))


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    with open(folder / "ad_clicks.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(sorted(ad_rows, key=lambda r: (r["ts"], r["click_id"]))):
            utc = r["ts"] - timedelta(hours=8)
            obj = {"click_id": r["click_id"], "media": r["media"], "plan_name": r["plan_name"],
                   "click_time": f"{utc:%Y-%m-%dT%H:%M:%S}Z"}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
            if i == 4000:
                f.write('{"click_id": "dy0000broken", "media": "douyin", "plan_na\n')

    with open(folder / "mp_tracking.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["event_time", "openid", "phone_md5", "click_id", "event_code", "course_name"])
        for ts, oid, phone, cid, code, course in sorted(mp_rows, key=lambda r: (r[0], r[1], r[4])):
            w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", oid, phone, cid, code, course])

    app_dir = folder / "app_events"
    app_dir.mkdir()
    by_month: dict[str, list] = {}
    for row in sorted(app_rows, key=lambda r: (r[0], r[1], r[3])):
        by_month.setdefault(f"{row[0]:%Y-%m}", []).append(row)
    for month, rows in by_month.items():
        with open(app_dir / f"{month}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["time", "distinct_id", "login_phone_md5", "event", "course"])
            for ts, dev, phone, ev, course in rows:
                w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", dev, phone, ev, course])
            if month == "2026-04":  # a repeated row and an impossible date
                ts, dev, phone, ev, course = rows[50]
                w.writerow([f"{ts:%Y-%m-%d %H:%M:%S}", dev, phone, ev, course])
                w.writerow(["2026-04-31 20:15:00", dev, phone, "homework_submit", course])

    con = sqlite3.connect(folder / "crm.sqlite")
    con.execute("CREATE TABLE t_student (stu_id TEXT, mobile_md5 TEXT, wx_openid TEXT, grade TEXT, "
                "province TEXT, city_level TEXT, lead_source TEXT, is_referral TEXT, reg_time TEXT, "
                "stu_status TEXT)")
    src_code = {DOUYIN: "DY", XHS: "XHS", BAIDU: "BD", "自然流量": "ORG", "转介绍": "REF"}
    rows = []
    for p in persons:
        if p.stu_id is None:
            continue
        if p.refunded:
            status = "已退费"
        elif p.paid and p.active_until and p.active_until >= END:
            status = "在读"
        elif p.paid:
            status = "已结课"
        else:
            status = "未付费"
        rows.append((p.stu_id, p.phone, p.openid or "", p.segment, p.province, TIER_CODE[p.tier],
                     src_code[p.source], "Y" if p.referral else "N", f"{p.reg_ts:%Y-%m-%d %H:%M:%S}", status))
    con.executemany("INSERT INTO t_student VALUES (?,?,?,?,?,?,?,?,?,?)", sorted(rows))
    con.execute("CREATE TABLE t_call_log (stu_id TEXT, call_start TEXT, biz_type TEXT, call_result TEXT)")
    con.executemany("INSERT INTO t_call_log VALUES (?,?,?,?)",
                    [(s, f"{ts:%Y-%m-%d %H:%M:%S}", b, r) for s, ts, b, r in sorted(call_rows, key=lambda r: (r[1], r[0], r[2]))])
    con.commit()
    con.close()

    with open(folder / "classroom_log.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(class_rows, key=lambda r: (r["ts"], r["student_no"])):
            obj = {"student_no": r["student_no"], "type": r["type"], "course": r["course"],
                   "teacher": r["teacher"], "enter_time": f"{r['ts']:%Y-%m-%dT%H:%M:%S}+08:00"}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    with open(folder / "orders_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["order_no", "stu_id", "trade_type", "trade_time", "sales_channel", "amount",
                    "pay_type", "course_name", "refund_reason"])
        rows = sorted(order_rows, key=lambda r: (r[3], r[0], r[2]))
        bad_done = False
        for i, (no, stu, trade, ts, ch, amount, pt, course, reason) in enumerate(rows):
            if i >= 1500 and trade == "PAY" and not bad_done:
                amount, bad_done = "待确认", True
            w.writerow([no, stu, trade, f"{ts:%Y/%m/%d %H:%M:%S}", ch, amount, pt, course, reason])

    def fmt(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "工单导出.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["工单号", "学员手机号MD5", "受理渠道", "问题类别", "是否投诉", "创建时间", "首次响应时间", "解决时间", "满意度"])
        for row in sorted(ticket_rows, key=lambda r: r[0]):
            tid, phone, ch, cat, comp, opened, first, resolved, csat = row
            w.writerow([tid, phone, ch, cat, comp, fmt(opened), fmt(first), fmt(resolved), csat])

    with open(folder / "nps_survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["学员ID", "提交时间", "调研场景", "推荐分", "意见", "课程"])
        for stu, ts, scene, score, comment, course in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([stu, f"{ts:%Y-%m-%d %H:%M:%S}", scene, score, comment, course])

    with open(folder / "投放日报.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["日期", "媒体", "计划", "消耗"])
        base = {"抖音": 3200, "小红书": 1800, "百度": 1600}
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            for media, amount in base.items():
                factor = R.uniform(0.85, 1.15) * (1.15 if d.weekday() >= 5 else 1.0) * (0.8 if d.month in (1, 2) else 1.0)
                if inw(dt, SUMMER_LEADS):
                    factor *= 1.3
                w.writerow([f"{d.year}/{d.month}/{d.day}", media, "日常投放", f"{amount * factor:.2f}"])
            if inw(dt, SUMMER):
                w.writerow([f"{d.year}/{d.month}/{d.day}", "抖音", "暑期班招生", f"{R.uniform(4200, 6000):.2f}"])
                w.writerow([f"{d.year}/{d.month}/{d.day}", "百度", "暑期班招生", f"{R.uniform(1800, 2700):.2f}"])
            if inw(dt, KXJ):
                w.writerow([f"{d.year}/{d.month}/{d.day}", "抖音", "开学季", f"{R.uniform(3000, 4200):.2f}"])
                w.writerow([f"{d.year}/{d.month}/{d.day}", "小红书", "开学季", f"{R.uniform(1800, 2400):.2f}"])
            if inw(dt, S618):
                peak = 2.5 if d == date(2026, 6, 18) else 1.0
                for media, lo, hi in (("百度", 1800, 2400), ("抖音", 2400, 3600), ("小红书", 1200, 1800)):
                    w.writerow([f"{d.year}/{d.month}/{d.day}", media, "618年中大促", f"{R.uniform(lo, hi) * peak:.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="edu-src-") as tmp:
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
