"""Music-school evaluation domain: 樂音音樂教室 (YueYin Music), 14 schools in 台北/台中/高雄.

    python generate.py OUT.duckdb

Writes YueYin's own exports (seeded: the same files every run) to a temporary folder —

  web_booking_log.jsonl   web booking log: cookie_id, student_no after a trial booking, ISO UTC
  line_oa_export.csv      LINE official account export: line_uid, epoch milliseconds
  學員資料.csv            management system: students (學員編號, LINE ID, 分校, 年齡層…)
  課程訂單.csv            management system: term packages bought / renewed, NT$, 'YYYY/MM/DD HH:mm'
  學員活動.csv            management system: desk trial bookings, make-ups, recitals, refunds
  gateway_payments.csv    payment gateway: captures and refunds, amount_cents (TWD), ISO +08:00
  attendance_tablet.csv   check-in tablets: trial and regular lessons, local 'YYYY-MM-DD HH:MM:SS'
  考試成績.csv            ABRSM exam results sheet (date only)
  問卷回饋.csv            feedback survey (滿意度 1-5, 推薦分數 0-10)
  客訴紀錄.csv            complaints / service cases
  行銷費用.csv            monthly marketing sheet (Facebook, Instagram, Google, 傳單), NT$

— and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
Stories: see description.md.
"""

from __future__ import annotations

import csv
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
LIN_LEFT = datetime(2026, 4, 15)  # popular piano teacher 林雅婷 leaves 台中西屯
PRICE_RISE = datetime(2026, 9, 1)
GUSHAN_OPEN = datetime(2026, 3, 14)  # new Kaohsiung school 高雄鼓山
TYPHOON = (datetime(2026, 7, 25), datetime(2026, 7, 27))  # all schools closed 25-26 July
RECITALS = [datetime(2026, 1, 25, 14), datetime(2026, 6, 28, 14), datetime(2026, 10, 25, 14)]
EXAM_MONTHS = (6, 11)

R = random.Random(SEED)

SCHOOLS = {
    "台北大安": "台北",
    "台北信義": "台北",
    "台北中山": "台北",
    "台北士林": "台北",
    "台北內湖": "台北",
    "台北文山": "台北",
    "台中西屯": "台中",
    "台中北屯": "台中",
    "台中南屯": "台中",
    "台中大里": "台中",
    "高雄左營": "高雄",
    "高雄苓雅": "高雄",
    "高雄鳳山": "高雄",
    "高雄鼓山": "高雄",
}
SCHOOL_W = [1.2, 1.1, 1.0, 0.8, 0.8, 0.7, 1.1, 0.8, 0.7, 0.6, 0.8, 0.7, 0.6, 0.9]
INSTR = ["鋼琴", "小提琴", "吉他", "爵士鼓", "聲樂"]
INSTR_W = [0.42, 0.16, 0.18, 0.12, 0.12]
AGES = ["兒童", "青少年", "成人"]
AGE_W = [0.55, 0.2, 0.25]
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾周賴徐葉"
LIN = "林雅婷"


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


TEACHERS = {}
for _s in SCHOOLS:
    for _i in INSTR:
        n = 2 if _i == "鋼琴" else 1
        TEACHERS[(_s, _i)] = [pick(SURNAMES) + "老師" for _ in range(n)]
TEACHERS[("台中西屯", "鋼琴")] = ["陳老師", "黃老師"]


def teacher_for(school, instr, ts):
    if school == "台中西屯" and instr == "鋼琴" and ts < LIN_LEFT and chance(0.55):
        return LIN
    return pick(TEACHERS[(school, instr)])


def within(ts):
    return START <= ts < END


def closed(ts):
    return TYPHOON[0] <= ts < TYPHOON[1]


def lesson_time(d, adult):
    if d.weekday() >= 5:
        hr = R.choice([9, 10, 11, 13, 14, 15, 16, 17])
    else:
        hr = R.choice([19, 20]) if adult else R.choice([16, 17, 18, 19])
    return datetime(d.year, d.month, d.day, hr, R.choice([0, 0, 30]))


web, line, students, orders, acts, pays, attend, exams, survey, cases = ([] for _ in range(10))
seq = {"stu": 30000, "ord": 0, "case": 0, "ck": 0, "line": 0, "pay": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self):
        self.sno = None
        self.cookie = None
        self.line = None
        self.school = pick(list(SCHOOLS), SCHOOL_W)
        self.instr = pick(INSTR, INSTR_W)
        self.age = pick(AGES, AGE_W)
        self.source = None
        self.created = None
        self.teacher = None


people = []


def register(p, ts, source):
    if p.sno is None:
        p.sno = f"S{nxt('stu')}"
        p.created = ts
        p.source = source
        students.append(p)


def price(pkg, ts):
    base = {10: 8000, 20: 15000} if ts < PRICE_RISE else {10: 8800, 20: 16500}
    disc = 0.95 if p_is_renewal_flag[0] else 1.0
    return int(base[pkg] * disc)


p_is_renewal_flag = [False]


def complaint(p, ts, cat, mood=0.0):
    if not within(ts):
        return
    ch = pick(["LINE", "電話", "櫃檯"], [0.55, 0.25, 0.2])
    fr = {"LINE": R.uniform(0.1, 6), "電話": R.uniform(0.02, 0.4), "櫃檯": R.uniform(0.05, 1)}[ch]
    if p.school == "台中西屯" and LIN_LEFT <= ts < LIN_LEFT + timedelta(days=45):
        fr *= 3
    res = (
        fr
        + {
            "更換老師": R.uniform(24, 200),
            "上課時段": R.uniform(4, 72),
            "退費": R.uniform(48, 300),
            "其他": R.uniform(2, 48),
        }[cat]
    )
    solved = ts + timedelta(hours=res)
    sat = ""
    if chance(0.5):
        sat = max(1, min(5, round(R.gauss(3.9 - mood, 0.9))))
    cases.append(
        (
            f"CS{nxt('case'):05d}",
            p.sno,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            cat,
            ch,
            sat,
            p.school,
        )
    )


def buy_package(p, ts, renewal):
    """A term package and what follows: payment, lessons, make-ups, exams, recitals, renewals."""
    while within(ts):
        p_is_renewal_flag[0] = renewal
        pkg = pick([10, 20], [0.62, 0.38] if not renewal else [0.45, 0.55])
        amt = price(pkg, ts)
        oid = f"YY{ts:%y%m}{nxt('ord'):05d}"
        method = pick(["信用卡", "LINE Pay", "銀行轉帳"], [0.5, 0.3, 0.2])
        if p.teacher is None or (p.teacher == LIN and ts >= LIN_LEFT):
            p.teacher = teacher_for(p.school, p.instr, ts)
        orders.append(
            (
                oid,
                p.sno,
                ts,
                "續約" if renewal else "新購",
                f"{pkg}堂",
                amt,
                method,
                p.school,
                p.instr,
                p.teacher,
            )
        )
        pay_ts = ts + (
            timedelta(minutes=R.uniform(1, 15))
            if method != "銀行轉帳"
            else timedelta(hours=R.uniform(2, 60))
        )
        pref = f"PG{nxt('pay'):07d}"
        if within(pay_ts):
            gw = {"信用卡": "card", "LINE Pay": "linepay", "銀行轉帳": "bank_transfer"}[method]
            pays.append((pref, oid, p.sno, "captured", pay_ts, amt * 100, gw))
        # lessons: weekly
        d = ts + timedelta(days=R.uniform(2, 7))
        done = 0
        lin_student = p.teacher == LIN
        quit_ = False
        while done < pkg:
            lt = lesson_time(d, p.age == "成人")
            if not within(lt):
                return
            if lin_student and lt >= LIN_LEFT:
                lin_student = False
                p.teacher = pick(TEACHERS[(p.school, p.instr)])
                if chance(0.45):
                    complaint(
                        p,
                        LIN_LEFT + timedelta(days=R.uniform(0, 20), hours=R.uniform(9, 20)),
                        "更換老師",
                        1.5,
                    )
                if chance(0.22):
                    rq = LIN_LEFT + timedelta(days=R.uniform(2, 30), hours=R.uniform(9, 20))
                    acts.append((p.sno, rq, "退費申請", p.school))
                    complaint(p, rq + timedelta(hours=1), "退費", 1.2)
                    left = pkg - done
                    back = rq + timedelta(days=R.uniform(3, 14))
                    if within(back):
                        pays.append(
                            (
                                f"PG{nxt('pay'):07d}",
                                oid,
                                p.sno,
                                "refunded",
                                back,
                                int(amt * left / pkg) * 100,
                                pays[-1][6] if pays else "card",
                            )
                        )
                    return
                p.mood = 1.0
            if closed(lt):
                acts.append(
                    (
                        p.sno,
                        lt + timedelta(days=R.uniform(1, 5), hours=-R.uniform(0, 5)),
                        "補課預約",
                        p.school,
                    )
                )
                d += timedelta(days=7)
                done += 1
                continue
            if chance(0.06):  # absent: book a make-up
                mk = lt - timedelta(hours=R.uniform(2, 40))
                if within(mk):
                    acts.append((p.sno, mk, "補課預約", p.school))
                    ml = lt + timedelta(days=R.uniform(2, 6))
                    if within(ml) and not closed(ml) and chance(0.85):
                        attend.append((p.sno, ml, p.school, "補課", p.teacher, p.instr))
            else:
                attend.append((p.sno, lt, p.school, "正式課", p.teacher, p.instr))
            if chance(0.02) and not quit_:
                complaint(
                    p,
                    lt + timedelta(hours=R.uniform(1, 30)),
                    pick(["上課時段", "其他"], [0.7, 0.3]),
                )
            done += 1
            d += timedelta(days=7 if chance(0.9) else 14)
        end = d
        # exams: piano / violin / vocal, sessions in June and November
        if p.instr in ("鋼琴", "小提琴", "聲樂") and chance(0.22):
            for m in EXAM_MONTHS:
                ex = datetime(2026, m, R.randint(8, 24), R.choice([9, 10, 11, 13, 14, 15]))
                if (
                    ts <= ex <= end + timedelta(days=30)
                    and within(ex)
                    and not getattr(p, "examined_" + str(m), False)
                ):
                    setattr(p, "examined_" + str(m), True)
                    grade = R.randint(1, 6 if p.age == "兒童" else 8)
                    mark = max(70, min(150, round(R.gauss(114 if p.teacher != LIN else 122, 12))))
                    res = (
                        "Fail"
                        if mark < 100
                        else "Pass"
                        if mark < 120
                        else "Merit"
                        if mark < 130
                        else "Distinction"
                    )
                    exams.append((p.sno, ex, f"Grade {grade}", mark, res, p.instr, p.school))
                    break
        for rc in RECITALS:
            if ts <= rc <= end and chance(0.35):
                acts.append(
                    (p.sno, rc + timedelta(minutes=R.randrange(0, 150)), "成果發表會", p.school)
                )
        # NPS / satisfaction survey near the end of the package
        sv = end - timedelta(days=R.uniform(0, 10))
        if within(sv) and chance(0.3):
            mood = getattr(p, "mood", 0.0)
            nps = max(0, min(10, round(R.gauss(8.3 - 2.5 * mood, 1.5))))
            csat = max(1, min(5, round(R.gauss(4.3 - mood, 0.7))))
            survey.append((p.sno, sv, "課程", csat, nps, p.school))
        # renewal
        p_renew = 0.62 - 0.25 * getattr(p, "mood", 0.0)
        if ts >= PRICE_RISE - timedelta(days=20):
            p_renew -= 0.06
        if not chance(p_renew):
            return
        ts = end + timedelta(days=R.uniform(-10, 6), hours=R.uniform(0, 8))
        ts = datetime(ts.year, ts.month, ts.day, R.randint(10, 20), R.randrange(60))
        renewal = True


def at(d, hrs=(8, 23)):
    return datetime(
        d.year, d.month, d.day, R.randint(hrs[0], hrs[1] - 1), R.randrange(60), R.randrange(60)
    )


SOURCES = ["facebook", "instagram", "google", "flyer", "direct"]


def prospect(d):
    p = Person()
    people.append(p)
    if p.school == "高雄鼓山" and datetime(d.year, d.month, d.day) < GUSHAN_OPEN:
        p.school = "高雄左營"
    dt = datetime(d.year, d.month, d.day)
    src = pick(SOURCES, [0.3, 0.22, 0.26, 0.1, 0.12])
    if p.school == "高雄鼓山" and dt < GUSHAN_OPEN + timedelta(days=45) and chance(0.4):
        src = "flyer"
    summer = d.month in (7, 8)
    p_book = {"facebook": 0.22, "instagram": 0.2, "google": 0.3, "flyer": 0.45, "direct": 0.35}[src]
    if summer:
        p_book *= 1.25
    via_line = chance(0.35)
    t = at(d)
    booked = None
    if via_line:
        p.line = "U" + format(R.getrandbits(64), "016x") + format(nxt("line"), "06d")
        line.append((t, p.line, "follow", src))
        for i in range(R.choice([0, 1, 1, 2])):
            line.append((t + timedelta(minutes=2 + 3 * i), p.line, "message", src))
        if chance(p_book * 1.3):
            booked = t + timedelta(minutes=R.uniform(5, 300))
            if not within(booked):
                return
            register(p, booked, src)
            line.append((booked, p.line, "trial_booking", src))
    else:
        p.cookie = "ck_" + format(R.getrandbits(48), "012x") + str(nxt("ck"))
        for s in range(R.choice([1, 1, 2, 3])):
            ts = t + timedelta(days=s * R.uniform(0.5, 6))
            if not within(ts):
                return
            web.append((ts, p.cookie, None, "page_view", src, "/", ""))
            if chance(0.6):
                web.append(
                    (
                        ts + timedelta(minutes=1),
                        p.cookie,
                        None,
                        "course_page_view",
                        src,
                        "/courses",
                        p.instr,
                    )
                )
            if chance(p_book):
                f = ts + timedelta(minutes=R.uniform(2, 8))
                if not within(f):
                    return
                web.append((f, p.cookie, None, "trial_form_start", src, "/trial", p.instr))
                if chance(0.78):
                    booked = f + timedelta(minutes=R.uniform(1, 6))
                    if not within(booked):
                        return
                    register(p, booked, src)
                    web.append(
                        (booked, p.cookie, p.sno, "trial_booked", src, "/trial/done", p.instr)
                    )
                break
    if booked is None:
        return
    trial_lesson(p, booked)


def trial_lesson(p, booked):
    td = booked + timedelta(days=R.uniform(1, 9))
    tl = lesson_time(td, p.age == "成人")
    if not within(tl):
        return
    if closed(tl):
        tl += timedelta(days=7)
    if not chance(0.76):
        return
    tch = teacher_for(p.school, p.instr, tl)
    attend.append((p.sno, tl, p.school, "體驗課", tch, p.instr))
    if chance(0.35):
        sv = tl + timedelta(hours=R.uniform(2, 48))
        if within(sv):
            survey.append(
                (
                    p.sno,
                    sv,
                    "體驗課",
                    max(1, min(5, round(R.gauss(4.4 if tch == LIN else 4.1, 0.7)))),
                    "",
                    p.school,
                )
            )
    p_buy = 0.46 if tl < PRICE_RISE else 0.38
    if tch == LIN:
        p_buy = 0.62
    if p.school == "高雄鼓山" and tl < GUSHAN_OPEN + timedelta(days=60):
        p_buy += 0.08
    if chance(p_buy):
        p.teacher = tch
        b = tl + timedelta(days=R.expovariate(1 / 2.5))
        b = datetime(b.year, b.month, b.day, R.randint(10, 21), R.randrange(60))
        if b < tl:
            b = tl + timedelta(minutes=40)
        buy_package(p, b, False)


def existing_student():
    p = Person()
    people.append(p)
    while p.school == "高雄鼓山":
        p.school = pick(list(SCHOOLS), SCHOOL_W)
    p.sno = f"S{nxt('stu')}"
    p.created = START - timedelta(days=R.uniform(30, 900))
    p.source = pick([*SOURCES, "轉介"], [0.25, 0.15, 0.2, 0.15, 0.1, 0.15])
    students.append(p)
    if chance(0.5):
        p.line = "U" + format(R.getrandbits(64), "016x") + format(nxt("line"), "06d")
    first = START + timedelta(days=R.uniform(0, 120), hours=R.uniform(10, 20))
    buy_package(p, first, True)


def day_weight(d):
    w = 1.0
    if d.month in (7, 8):
        w *= 2.3
    elif d.month == 6 and d.day > 20:
        w *= 1.5
    elif d.month in (1, 2):
        w *= 1.2
    if d.weekday() >= 5:
        w *= 1.3
    return w


def simulate():
    for _ in range(1300):
        existing_student()
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        lam = 17 * day_weight(d)
        if closed(dt):
            lam *= 0.3
        for _ in range(poisson(lam)):
            prospect(d)
        if dt >= GUSHAN_OPEN - timedelta(days=10):
            for _ in range(poisson(1.2 if dt < GUSHAN_OPEN + timedelta(days=60) else 0.4)):
                p = Person()
                people.append(p)
                p.school = "高雄鼓山"
                src = pick(["flyer", "facebook", "google", "direct"], [0.5, 0.2, 0.2, 0.1])
                t = at(d, (10, 20))
                register(p, t, src)
                acts.append((p.sno, t, "體驗課預約", p.school))  # walked in / phoned the desk
                trial_lesson(p, t)


def write(folder: Path):
    def utc(ts):
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    def loc(ts):
        return f"{ts:%Y/%m/%d %H:%M}" if ts else ""

    with open(folder / "web_booking_log.jsonl", "w", encoding="utf-8") as f:
        for ts, ck, sno, ev, src, page, instr in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "ts": utc(ts),
                "cookie_id": ck,
                "student_no": sno,
                "event": ev,
                "utm_source": src,
                "page": page,
                "instrument": instr or None,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "line_oa_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["timestamp_ms", "line_uid", "event_type", "ref_tag"])
        for ts, uid, ev, src in sorted(line, key=lambda r: (r[0], r[1])):
            w.writerow(
                [
                    int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000),
                    uid,
                    ev,
                    src,
                ]
            )
    with open(folder / "學員資料.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            ["學員編號", "建檔時間", "LINE ID", "分校", "城市", "年齡層", "主修樂器", "得知管道"]
        )
        src_zh = {
            "facebook": "Facebook",
            "instagram": "Instagram",
            "google": "Google搜尋",
            "flyer": "傳單",
            "direct": "官網",
            "轉介": "朋友介紹",
        }
        for p in sorted(students, key=lambda p: p.sno):
            w.writerow(
                [
                    p.sno,
                    loc(p.created),
                    p.line or "",
                    p.school,
                    SCHOOLS[p.school],
                    p.age,
                    p.instr,
                    src_zh[p.source],
                ]
            )
    with open(folder / "課程訂單.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "訂單編號",
                "學員編號",
                "建立時間",
                "訂單類型",
                "方案",
                "金額(NT$)",
                "付款方式",
                "分校",
                "樂器",
                "授課老師",
            ]
        )
        for r in sorted(orders, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], loc(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9]])
    with open(folder / "學員活動.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["學員編號", "時間", "項目", "分校"])
        for r in sorted(acts, key=lambda r: (r[1], r[0], r[2])):
            if within(r[1]):
                w.writerow([r[0], loc(r[1]), r[2], r[3]])
    with open(folder / "gateway_payments.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "payment_ref",
                "merchant_order_id",
                "customer_ref",
                "status",
                "processed_at",
                "amount_cents",
                "payment_method",
                "currency",
            ]
        )
        for r in sorted(pays, key=lambda r: (r[4], r[0])):
            w.writerow(
                [r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%dT%H:%M:%S}+08:00", r[5], r[6], "TWD"]
            )
    with open(folder / "attendance_tablet.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["checkin_time", "student_no", "branch", "lesson_type", "teacher", "instrument"])
        for r in sorted(attend, key=lambda r: (r[1], r[0])):
            ck = r[1] - timedelta(minutes=R.uniform(0, 12))
            if within(ck):
                w.writerow([f"{ck:%Y-%m-%d %H:%M:%S}", r[0], r[2], r[3], r[4], r[5]])
    with open(folder / "考試成績.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["學員編號", "考試日期", "級數", "分數", "結果", "樂器", "分校"])
        for r in sorted(exams, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y/%m/%d}", r[2], r[3], r[4], r[5], r[6]])
    with open(folder / "問卷回饋.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["學員編號", "填答時間", "問卷類型", "滿意度", "推薦分數", "分校"])
        for r in sorted(survey, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], loc(r[1]), r[2], r[3], r[4], r[5]])
    with open(folder / "客訴紀錄.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "案件編號",
                "學員編號",
                "建立時間",
                "首次回覆時間",
                "結案時間",
                "類別",
                "反映管道",
                "滿意度",
                "分校",
            ]
        )
        for r in sorted(cases, key=lambda r: r[0]):
            w.writerow([r[0], r[1], loc(r[2]), loc(r[3]), loc(r[4]), r[5], r[6], r[7], r[8]])
    with open(folder / "行銷費用.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花費(NT$)"])
        base = {"Facebook": 180000, "Instagram": 120000, "Google": 150000, "傳單": 40000}
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in base.items():
                fct = R.uniform(0.9, 1.1)
                if m.month in (6, 7, 8):
                    fct *= 1.6
                if ch == "傳單" and datetime(2026, 2, 1) <= m <= datetime(2026, 4, 1):
                    fct *= 2.5  # 鼓山 opening flyers
                if ch == "Facebook" and m >= datetime(2026, 9, 1):
                    fct *= 1.35  # price-rise campaign, CPA got worse
                w.writerow([f"{m:%Y-%m}", ch, round(amt * fct)])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="musicschool-src-") as tmp:
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
