"""Preschool evaluation domain: 小橡树早教 Little Oak, 18 early-education / preschool centres.

    python generate.py OUT.duckdb

Writes Little Oak's own exports (seeded: the same files every run) to a temporary folder —

  crm_leads.csv          CRM leads, Chinese headers, 创建时间 as 'YYYY年M月D日 HH:mm'
  bookings.jsonl         trial-class booking system, one line per action, UTC ISO times with Z
  contracts.csv          contract system: 签约日期 YYYYMMDD, 合同金额(分)
  payments.csv           payment system: 支付时间 'YYYY-MM-DD HH:MM:SS', 实付金额(分)
  refunds.csv            退费单: 退费金额(分), 退费原因
  children.csv           幼儿编号 → 家庭编号 / 家长手机 mapping (links children to parents)
  attendance.csv         class check-ins by child (幼儿编号), 'YYYY/MM/DD HH:MM'
  app_ratings.jsonl      parent-app class ratings 1-5, ISO times with +08:00
  nps_survey.csv         semester NPS survey (0-10)
  service_tickets.csv    service desk tickets, GB18030
  marketing_spend.csv    monthly marketing spend sheet per channel (元)

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

SEED = 20261205
START = datetime(2025, 12, 5)
END = datetime(2026, 12, 5)  # as_of (Saturday); data ends the day before
N_DAYS = (END - START).days

HFMD = (datetime(2026, 5, 11), datetime(2026, 5, 25))  # two Suzhou centres closed (手足口)
HFMD_CENTRES = {"苏州园区湖东店", "苏州新区狮山店"}
PRICE_UP = datetime(2026, 3, 1)  # 年卡 26800 -> 29800
XHS_CAMPAIGN = (datetime(2026, 10, 1), datetime(2026, 11, 1))  # 小红书 campaign
REFERRAL_BONUS = datetime(2026, 6, 1)  # 老带新 bonus launched
SUMMER = (datetime(2026, 7, 6), datetime(2026, 8, 29))  # 暑期班
SPRING_FESTIVAL = (datetime(2026, 2, 14), datetime(2026, 2, 23))
NATIONAL_DAY = (datetime(2026, 10, 1), datetime(2026, 10, 8))

CENTRES = {
    # name: (city, opening date or None)
    "杭州西溪店": ("杭州", None),
    "杭州滨江店": ("杭州", None),
    "杭州城西银泰店": ("杭州", None),
    "杭州萧山店": ("杭州", None),
    "杭州未来科技城店": ("杭州", None),
    "杭州钱江新城店": ("杭州", None),
    "杭州拱墅运河店": ("杭州", None),
    "苏州园区湖东店": ("苏州", None),
    "苏州新区狮山店": ("苏州", None),
    "苏州姑苏店": ("苏州", None),
    "苏州吴中店": ("苏州", None),
    "苏州相城店": ("苏州", None),
    "南京鼓楼店": ("南京", None),
    "南京建邺店": ("南京", None),
    "南京秦淮店": ("南京", None),
    "南京河西万达店": ("南京", datetime(2026, 3, 14)),
    "南京江宁百家湖店": ("南京", datetime(2026, 6, 6)),
    "南京仙林店": ("南京", datetime(2026, 9, 5)),
}
CENTRE_W = {"杭州": 1.15, "苏州": 1.0, "南京": 0.9}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
TEACHERS = {}
_tr = random.Random(7)
for _c in CENTRES:
    TEACHERS[_c] = [
        f"{_tr.choice(SURNAMES)}{_tr.choice('婷静丽敏燕娜芳雪琳悦佳欣')}老师" for _ in range(5)
    ]

CHANNELS = ["小红书", "大众点评", "抖音", "朋友圈广告", "社区活动", "老带新"]
CHANNEL_W = [0.2, 0.2, 0.18, 0.17, 0.12, 0.13]
P_BOOK = {
    "小红书": 0.33,
    "大众点评": 0.46,
    "抖音": 0.3,
    "朋友圈广告": 0.28,
    "社区活动": 0.4,
    "老带新": 0.62,
}
COURSES = ["感统", "英语启蒙", "艺术", "托班"]
SEMESTER_PRICE = {"感统": 11800, "英语启蒙": 12800, "艺术": 9800}
MONTHLY_PRICE = {"杭州": 5800, "苏州": 5200, "南京": 4800}
AGE_GROUPS = ["1-2岁", "2-3岁", "3-4岁", "4-6岁"]
AGE_W = [0.18, 0.3, 0.28, 0.24]

R = random.Random(SEED)


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


HOURS = [0.1] * 7 + [0.8, 1.5, 2.5, 3, 2.8, 2.2, 2.5, 2.8, 2.8, 2.5, 2.2, 2.5, 3.5, 4, 3.5, 2, 0.5]
CENTRE_HOURS = [0] * 9 + [3, 3, 2, 1, 2, 3, 3, 3, 2, 1] + [0] * 5


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def open_centres(ts):
    return [c for c, (_, o) in CENTRES.items() if o is None or o <= ts]


def closed(centre, d):
    if inw(d, SPRING_FESTIVAL) or inw(d, NATIONAL_DAY):
        return True
    return centre in HFMD_CENTRES and inw(d, HFMD)


leads, bookings, contracts, payments, refunds, children, attendance = ([] for _ in range(7))
ratings, nps, tickets, referral_signups = [], [], [], {}
seq = {"lead": 0, "book": 0, "fam": 0, "child": 0, "con": 0, "pay": 0, "ref": 0, "tk": 0, "ph": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Family:
    def __init__(self, centre, age):
        self.phone = md5(f"phone{nxt('ph')}")
        self.openid = None
        self.family_no = None
        self.child = None
        self.centre = centre
        self.city = CENTRES[centre][0]
        self.age = age
        self.active_until = None
        self.active_from = None


def new_family_no(f):
    f.family_no = f"LO{nxt('fam') + 100000}"
    f.child = f"C{nxt('child') + 500000}"
    children.append((f.child, f.family_no, f.phone, f.age))
    if chance(0.12):  # a sibling
        sib = f"C{nxt('child') + 500000}"
        children.append((sib, f.family_no, f.phone, R.choice(AGE_GROUPS)))


def course_for(f):
    if f.age in ("1-2岁", "2-3岁") and chance(0.62):
        return "托班"
    return pick(["感统", "英语启蒙", "艺术"], [0.38, 0.37, 0.25])


def choose_package(course, t):
    if course == "托班":
        return "月托"
    if inw(t, (datetime(2026, 6, 1), datetime(2026, 7, 25))) and chance(0.45):
        return "暑期班"
    p_year = 0.27 if t < PRICE_UP else 0.15
    if datetime(2026, 2, 1) <= t < PRICE_UP:
        p_year = 0.42  # rush before the price increase
    return "年卡" if chance(p_year) else "学期课包"


def price(pkg, course, f, t):
    if pkg == "月托":
        base = MONTHLY_PRICE[f.city]
    elif pkg == "学期课包":
        base = SEMESTER_PRICE[course]
    elif pkg == "年卡":
        base = 26800 if t < PRICE_UP else 29800
    else:
        base = 4980
    disc = R.choice([1.0, 1.0, 1.0, 0.95, 0.9])
    return round(base * disc) * 100  # 分


def duration(pkg, t):
    if pkg == "月托":
        return timedelta(days=30)
    if pkg == "学期课包":
        return timedelta(days=R.randint(110, 135))
    if pkg == "年卡":
        return timedelta(days=365)
    return max(SUMMER[1] - t, timedelta(days=14))


def sign(f, t, pkg, course, kind, channel_hint=None):
    """A contract signed on date t (date-only in the export), paid, then classes."""
    cid = f"HT{t:%Y%m}{nxt('con'):05d}"
    amount = price(pkg, course, f, t)
    if within(t):
        contracts.append((cid, f.family_no, f.phone, t.date(), pkg, course, f.centre, amount, kind))
    pay_t = t + timedelta(days=R.choice([0, 0, 0, 1, 2]), hours=R.uniform(10, 20))
    if within(pay_t) and chance(0.985):
        payments.append(
            (
                f"P{nxt('pay'):07d}",
                cid,
                f.family_no,
                pay_t,
                amount,
                pkg,
                f.centre,
                pick(["微信支付", "支付宝", "银行卡", "分期"], [0.55, 0.25, 0.12, 0.08]),
            )
        )
    if kind == "新签" and channel_hint == "老带新" and t >= REFERRAL_BONUS:
        k = f"{t:%Y-%m}"
        referral_signups[k] = referral_signups.get(k, 0) + 1
    start = pay_t.replace(hour=0, minute=0, second=0) + timedelta(days=1)
    if pkg == "暑期班":
        start = max(start, SUMMER[0])
    end = start + duration(pkg, start)
    return cid, amount, start, end


def attend(f, course, start, end, pkg):
    """Check-ins between start and end; returns the day the family stopped if it left early."""
    weekdays = (
        {0, 1, 2, 3, 4} if course == "托班" or pkg == "暑期班" else set(R.sample(range(7), 2))
    )
    teacher = R.choice(TEACHERS[f.centre])
    d = max(start, START)
    stop = min(end, END)
    while d < stop:
        if d.weekday() in weekdays and not closed(f.centre, d):
            p = 0.86 if course == "托班" else 0.9
            if chance(p):
                if course == "托班" or pkg == "暑期班":
                    t = datetime(d.year, d.month, d.day, 8, R.randrange(5, 59), R.randrange(60))
                else:
                    t = at(d, CENTRE_HOURS)
                # a substitute teacher now and then
                teacher_now = R.choice(TEACHERS[f.centre]) if chance(0.03) else teacher
                attendance.append((f.child, t, f.centre, course, teacher_now))
                if chance(0.045):
                    base = 4.55
                    if f.centre in HFMD_CENTRES and datetime(2026, 5, 1) <= d < datetime(
                        2026, 6, 15
                    ):
                        base = 3.4
                    stars = max(1, min(5, round(R.gauss(base, 0.7))))
                    rt = t + timedelta(hours=R.uniform(2, 30))
                    if within(rt):
                        ratings.append((f.family_no, rt, stars, course, teacher_now, f.centre))
        if chance(0.0009):
            teacher = R.choice(TEACHERS[f.centre])  # 老师更换
            if chance(0.3):
                ticket(f, d + timedelta(hours=R.uniform(9, 20)), "老师更换")
        d += timedelta(days=1)


def ticket(f, t, cat=None):
    if not within(t):
        return
    cat = cat or pick(
        ["课程咨询", "排课调课", "缴费发票", "安全", "卫生", "老师更换", "退费纠纷"],
        [0.32, 0.3, 0.12, 0.07, 0.06, 0.07, 0.06],
    )
    complaint = (
        "是" if cat in ("安全", "卫生", "退费纠纷") or (cat == "老师更换" and chance(0.6)) else "否"
    )
    ch = pick(["电话", "小程序在线客服", "门店前台"], [0.45, 0.4, 0.15])
    busy = (
        1.8
        if datetime(2026, 8, 25) <= t < datetime(2026, 9, 20)
        or inw(t, (HFMD[0], HFMD[1] + timedelta(days=10)))
        else 1.0
    )
    frt = timedelta(minutes=R.expovariate(1 / ((6 if ch == "电话" else 35) * busy)))
    res_h = {
        "课程咨询": 3,
        "排课调课": 8,
        "缴费发票": 20,
        "安全": 30,
        "卫生": 26,
        "老师更换": 48,
        "退费纠纷": 110,
    }[cat]
    resolve = frt + timedelta(hours=R.expovariate(1 / (res_h * busy)))
    rt = t + resolve
    fr = t + frt
    csat = ""
    if rt < END and chance(0.5):
        csat = str(
            max(
                1,
                min(
                    5,
                    round(
                        R.gauss(
                            4.3 - (1.2 if complaint == "是" else 0) - (0.5 if busy > 1 else 0), 0.9
                        )
                    ),
                ),
            )
        )
    tickets.append(
        (
            f"GD{t:%y%m}{nxt('tk'):05d}",
            f.phone,
            ch,
            cat,
            complaint,
            t,
            fr if fr < END else None,
            rt if rt < END else None,
            csat,
            f.centre,
        )
    )


def family_life(f, t, pkg, course, kind, channel_hint=None):
    """Contracts, classes, renewals and refunds from a signing at t until the family leaves."""
    n = 0
    while t < END and n < 30:
        n += 1
        cid, amount, start, end = sign(f, t, pkg, course, kind, channel_hint)
        # leaving early with a refund
        p_ref = {"月托": 0.02, "学期课包": 0.07, "年卡": 0.1, "暑期班": 0.03}[pkg]
        hfmd_hit = f.centre in HFMD_CENTRES and start < HFMD[1] and end > HFMD[0]
        if hfmd_hit:
            p_ref += 0.28
        stop = end
        if chance(p_ref):
            if hfmd_hit and chance(0.8):
                stop = HFMD[0] + timedelta(days=R.uniform(1, 20))
                reason = "手足口停课"
            else:
                stop = start + (end - start) * R.uniform(0.15, 0.8)
                reason = pick(
                    ["搬家", "孩子不适应", "时间冲突", "价格原因", "对老师不满意", "入读幼儿园"],
                    [0.2, 0.25, 0.2, 0.12, 0.1, 0.13],
                )
            attend(f, course, start, stop, pkg)
            if within(stop):
                frac = max(0.0, (end - stop) / (end - start))
                refunds.append(
                    (
                        f"TF{nxt('ref'):06d}",
                        cid,
                        f.family_no,
                        stop + timedelta(hours=R.uniform(9, 18)),
                        int(amount * frac * R.uniform(0.7, 0.95)) // 100 * 100,
                        reason,
                        pkg,
                        f.centre,
                    )
                )
                if reason == "手足口停课" and chance(0.45):
                    ticket(
                        f,
                        stop + timedelta(hours=R.uniform(1, 30)),
                        pick(["卫生", "退费纠纷", "安全"], [3, 3, 2]),
                    )
                elif chance(0.18):
                    ticket(f, stop + timedelta(hours=R.uniform(1, 30)), "退费纠纷")
            f.active_until = stop
            return
        attend(f, course, start, end, pkg)
        # tickets while enrolled
        span = (min(end, END) - max(start, START)).days
        for _ in range(poisson(max(0, span) / 30 * 0.035)):
            ticket(
                f,
                max(start, START)
                + timedelta(days=R.uniform(0, max(1, span)), hours=R.uniform(9, 20)),
            )
        if hfmd_hit and chance(0.2):
            ticket(
                f,
                HFMD[0] + timedelta(days=R.uniform(0, 10), hours=R.uniform(8, 21)),
                pick(["卫生", "安全"], [1, 1]),
            )
        # renewal
        f.active_until = end
        p_renew = {"月托": 0.9, "学期课包": 0.58, "年卡": 0.6, "暑期班": 0.45}[pkg]
        if hfmd_hit:
            p_renew -= 0.25
        if not chance(p_renew):
            return
        t = end - timedelta(days=R.uniform(0, 8))
        t = t.replace(hour=0, minute=0, second=0, microsecond=0)
        if pkg == "暑期班":
            pkg = "学期课包" if chance(0.8) else "年卡"
            t = max(t, datetime(2026, 8, 20) + timedelta(days=R.uniform(0, 15)))
            t = t.replace(hour=0, minute=0, second=0, microsecond=0)
            if course == "托班":
                course = "感统"
        elif pkg == "月托" and f.age in ("2-3岁",) and chance(0.04):
            course, pkg = "感统", "学期课包"
        kind = "续费"


def lead_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    m = d.month
    w *= {
        1: 0.85,
        2: 0.6,
        3: 1.0,
        4: 0.95,
        5: 0.95,
        6: 1.25,
        7: 1.35,
        8: 1.75,
        9: 1.6,
        10: 1.0,
        11: 0.9,
        12: 0.85,
    }[m]
    if inw(dt, SPRING_FESTIVAL):
        w *= 0.35
    if d.weekday() >= 5:
        w *= 1.3
    return w


def new_lead(d, channel=None):
    dt = datetime(d.year, d.month, d.day)
    cs = open_centres(dt)
    weights = [
        CENTRE_W[CENTRES[c][0]]
        * (1.6 if CENTRES[c][1] and dt - CENTRES[c][1] < timedelta(days=60) else 1.0)
        for c in cs
    ]
    centre = pick(cs, weights)
    if channel is None:
        w = list(CHANNEL_W)
        if dt >= REFERRAL_BONUS:
            w[5] *= 2.4
        if d.month in (8, 9):
            w[4] *= 1.8  # community events around 开学季
        channel = pick(CHANNELS, w)
    f = Family(centre, pick(AGE_GROUPS, AGE_W))
    t = at(d)
    method = "小程序表单" if chance(0.62 if channel != "社区活动" else 0.35) else "电话"
    if method == "小程序表单":
        f.openid = "oLk_" + md5(f.phone)[:22]
    lead_id = f"XS{nxt('lead') + 2000000}"
    referrer = ""
    if channel == "老带新":
        referrer = f"LO{R.randint(100001, 100001 + max(1, seq['fam']))}"
    leads.append(
        [lead_id, channel, t, method, f.phone, f.openid or "", f.city, centre, f.age, referrer]
    )
    # a second lead from the same parent via another channel (stitched by phone)
    if chance(0.06):
        t2 = t + timedelta(days=R.uniform(1, 40))
        if within(t2):
            leads.append(
                [
                    f"XS{nxt('lead') + 2000000}",
                    pick(CHANNELS[:4], [1, 1, 1, 1]),
                    t2,
                    "电话",
                    f.phone,
                    "",
                    f.city,
                    centre,
                    f.age,
                    "",
                ]
            )
    p_book = P_BOOK[channel]
    if channel == "小红书" and inw(t, XHS_CAMPAIGN):
        p_book = 0.07
    if channel == "老带新" and t >= REFERRAL_BONUS:
        p_book = 0.66
    if not chance(p_book):
        return f
    course = course_for(f)
    tb = t + timedelta(hours=R.uniform(0.3, 24 * R.choice([0.2, 1, 2, 4, 7])))
    via_mp = (f.openid is not None and chance(0.85)) or (f.openid is None and chance(0.3))
    if via_mp and f.openid is None:
        f.openid = "oLk_" + md5(f.phone)[:22]  # logged in to the mini program to book
    bid = f"BK{nxt('book'):07d}"
    trial = tb + timedelta(days=R.uniform(1, 9))
    trial = datetime(
        trial.year, trial.month, trial.day, R.choice([9, 10, 14, 15, 16]), R.choice([0, 30])
    )
    if CENTRES[centre][1] and trial < CENTRES[centre][1]:
        trial = CENTRES[centre][1] + timedelta(hours=R.choice([9, 10, 14, 15]))

    def bk(action, ts):
        if within(ts):
            bookings.append(
                (
                    bid,
                    lead_id if not via_mp else "",
                    f.openid if via_mp else "",
                    f.phone if via_mp else "",
                    action,
                    ts,
                    centre,
                    course,
                    trial,
                    "小程序" if via_mp else "顾问代约",
                )
            )

    bk("CREATE", tb)
    if chance(0.1):
        bk("CANCEL", tb + (trial - tb) * R.uniform(0.2, 0.9))
        return f
    if not chance(0.78):
        bk("NO_SHOW", trial + timedelta(minutes=45))
        return f
    bk("CHECKIN", trial + timedelta(minutes=R.uniform(-10, 10)))
    p_sign = 0.44
    if channel == "老带新":
        p_sign = 0.58
    if channel == "小红书" and inw(t, XHS_CAMPAIGN):
        p_sign = 0.3
    if d.month in (8, 9):
        p_sign += 0.06
    if not chance(p_sign):
        if chance(0.04):
            ticket(f, trial + timedelta(days=R.uniform(0.2, 3)), "课程咨询")
        return f
    ts = trial + timedelta(days=R.uniform(1, 10))
    ts = datetime(ts.year, ts.month, ts.day)
    if not within(ts):
        return f
    new_family_no(f)
    pkg = choose_package(course, ts)
    f.active_from = ts
    family_life(f, ts, pkg, course, "新签", channel)
    return f


families = []


def existing_family():
    cs = [c for c, (_, o) in CENTRES.items() if o is None]
    f = Family(R.choice(cs), pick(AGE_GROUPS, [0.08, 0.25, 0.35, 0.32]))
    new_family_no(f)
    course = course_for(f)
    if course == "托班":
        pkg = "月托"
        t = START - timedelta(days=R.uniform(0, 29))
    else:
        pkg = "年卡" if chance(0.25) else "学期课包"
        t = START - timedelta(days=R.uniform(0, 330 if pkg == "年卡" else 120))
    t = datetime(t.year, t.month, t.day)
    f.active_from = t
    family_life(f, t, pkg, course, "续费")
    families.append(f)


def simulate():
    for _ in range(1450):
        existing_family()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        lam = 19 * lead_weight(d)
        for _ in range(poisson(lam)):
            families.append(new_lead(d))
        if inw(dt, XHS_CAMPAIGN):
            for _ in range(poisson(34 if d.weekday() < 5 else 48)):
                families.append(new_lead(d, "小红书"))
        if dt.month == 6 and dt >= datetime(2026, 6, 22):
            pass
    # summer camp add-on for enrolled course families
    for f in families:
        if (
            f.family_no
            and f.active_until
            and f.active_until > datetime(2026, 7, 1)
            and f.active_from < datetime(2026, 6, 1)
        ) and chance(0.09):
            t = datetime(2026, 6, 1) + timedelta(days=R.randrange(40))
            sign(f, t, "暑期班", "艺术" if chance(0.5) else "感统", "加购")
    # semester NPS survey (寒假前 and 暑假前)
    for wave_start, wave_name in (
        (datetime(2026, 1, 12), "2025秋季学期"),
        (datetime(2026, 6, 22), "2026春季学期"),
    ):
        for f in families:
            if (
                not f.family_no
                or not f.active_from
                or f.active_from > wave_start - timedelta(days=20)
            ):
                continue
            if f.active_until is None or f.active_until < wave_start:
                continue
            if not chance(0.46):
                continue
            rt = at((wave_start + timedelta(days=R.choice([0, 0, 1, 1, 2, 3, 5, 8]))).date())
            base = 8.4
            if f.centre in HFMD_CENTRES and wave_name == "2026春季学期":
                base = 6.0
            if CENTRES[f.centre][1] is not None:
                base = 8.9
            score = max(0, min(10, round(R.gauss(base, 1.6))))
            comment = ""
            if chance(0.35):
                comment = (
                    R.choice(["老师很有耐心", "孩子很喜欢", "环境干净", "课程丰富", "离家近"])
                    if score >= 9
                    else R.choice(
                        [
                            "停课通知太晚",
                            "退费太慢",
                            "老师换得太频繁",
                            "价格偏高",
                            "卫生需要加强",
                            "排课不方便",
                        ]
                    )
                    if score <= 6
                    else R.choice(["还可以", "希望多一些户外活动", "一般"])
                )
            nps.append((f.family_no, rt, score, comment, wave_name, f.centre))


def write(folder: Path):
    def cn(ts):
        return f"{ts.year}年{ts.month}月{ts.day}日 {ts:%H:%M}"

    with open(folder / "crm_leads.csv", "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "线索ID",
                "来源渠道",
                "创建时间",
                "留资方式",
                "家长手机号MD5",
                "小程序openid",
                "城市",
                "意向门店",
                "孩子年龄段",
                "推荐人家庭编号",
            ]
        )
        rows = sorted(leads, key=lambda r: (r[2], r[0]))
        for r in rows:
            w.writerow([r[0], r[1], cn(r[2]), *r[3:]])
        # a few rows typed by hand in the CRM: impossible dates
        for i, bad in enumerate(["2026年2月30日 10:15", "2026年13月2日 09:00", "2026-04-01 10:00"]):
            w.writerow(
                [
                    f"XS19{i:05d}",
                    "大众点评",
                    bad,
                    "电话",
                    md5(f"bad{i}"),
                    "",
                    "杭州",
                    "杭州西溪店",
                    "3-4岁",
                    "",
                ]
            )

    with open(folder / "bookings.jsonl", "w") as f:
        for r in sorted(bookings, key=lambda r: (r[5], r[0])):
            obj = {
                "bookingId": r[0],
                "leadId": r[1],
                "openid": r[2],
                "phoneMd5": r[3],
                "action": r[4],
                "actionTime": (r[5] - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "centre": r[6],
                "course": r[7],
                "trialTime": (r[8] - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "bookedVia": r[9],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    with open(folder / "contracts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "合同号",
                "家庭编号",
                "家长手机号MD5",
                "签约日期",
                "套餐类型",
                "课程类型",
                "门店",
                "合同金额(分)",
                "签约类型",
            ]
        )
        for r in sorted(contracts, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y%m%d}", r[4], r[5], r[6], r[7], r[8]])

    with open(folder / "payments.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "流水号",
                "合同号",
                "家庭编号",
                "支付时间",
                "实付金额(分)",
                "套餐类型",
                "门店",
                "支付方式",
            ]
        )
        for r in sorted(payments, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5], r[6], r[7]])

    with open(folder / "refunds.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "退费单号",
                "合同号",
                "家庭编号",
                "退费时间",
                "退费金额(分)",
                "退费原因",
                "套餐类型",
                "门店",
            ]
        )
        for r in sorted(refunds, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M:%S}", r[4], r[5], r[6], r[7]])

    with open(folder / "children.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["幼儿编号", "家庭编号", "家长手机号MD5", "年龄段"])
        for r in sorted(children):
            w.writerow(r)

    with open(folder / "attendance.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["幼儿编号", "签到时间", "门店", "课程", "授课老师"])
        rows = sorted(attendance, key=lambda r: (r[1], r[0]))
        for i, r in enumerate(rows):
            w.writerow([r[0], f"{r[1]:%Y/%m/%d %H:%M}", r[2], r[3], r[4]])
            if i % 20000 == 7:  # the door tablet sometimes uploads a check-in twice
                w.writerow([r[0], f"{r[1]:%Y/%m/%d %H:%M}", r[2], r[3], r[4]])

    with open(folder / "app_ratings.jsonl", "w") as f:
        for r in sorted(ratings, key=lambda r: (r[1], r[0])):
            obj = {
                "familyNo": r[0],
                "ratedAt": r[1].strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                "stars": r[2],
                "course": r[3],
                "teacher": r[4],
                "centre": r[5],
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    with open(folder / "nps_survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["家庭编号", "提交时间", "推荐意愿(0-10)", "意见", "学期", "门店"])
        for r in sorted(nps, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y/%m/%d %H:%M:%S}", r[2], r[3], r[4], r[5]])

    def tfmt(ts):
        return f"{ts:%Y-%m-%d %H:%M}" if ts else ""

    with open(folder / "service_tickets.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "工单号",
                "家长手机号MD5",
                "受理渠道",
                "问题类别",
                "是否投诉",
                "创建时间",
                "首次响应时间",
                "办结时间",
                "满意度",
                "门店",
            ]
        )
        for r in sorted(tickets, key=lambda r: (r[5], r[0])):
            w.writerow(
                [r[0], r[1], r[2], r[3], r[4], tfmt(r[5]), tfmt(r[6]), tfmt(r[7]), r[8], r[9]]
            )

    with open(folder / "marketing_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["月份", "渠道", "花费(元)"])
        base = {
            "小红书投放": 32000,
            "大众点评推广": 26000,
            "抖音本地推": 42000,
            "朋友圈广告": 36000,
            "社区活动": 15000,
        }
        m = date(2025, 12, 1)
        while m < date(2026, 12, 1):
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch == "小红书投放" and m.month == 10:
                    f_ *= 5.5
                if ch == "社区活动" and m.month in (8, 9):
                    f_ *= 2.0
                if m.month in (7, 8) and ch in ("抖音本地推", "朋友圈广告"):
                    f_ *= 1.4
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * f_:.2f}"])
            k = f"{m:%Y-%m}"
            if k in referral_signups:
                w.writerow([k, "老带新奖励", f"{referral_signups[k] * 800:.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="preschool-src-") as tmp:
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
