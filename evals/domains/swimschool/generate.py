"""Swim school evaluation domain: Splash Kids Swim School, 9 pools in Sydney and Melbourne.

    python generate.py OUT.duckdb

Writes Splash's own exports (seeded: the same files every run) to a temporary folder —

  web_analytics.jsonl       website analytics: cookie id `cid`, `family_id` after a portal login,
                            `event`, `utm_source`, UTC ISO times with Z
  swimdesk_enquiries.csv    booking/CRM (SwimDesk) enquiry report: DD/MM/YYYY HH:MM, lead source,
                            enquiry type (web form / phone / walk-in), `Web Visitor ID`
  swimdesk_activity.csv     SwimDesk activity report: trials, enrolments, lessons, make-ups,
                            assessments, re-enrolments, withdrawals, holiday intensives
                            (DD/MM/YYYY HH:MM, or DD/MM/YYYY for office actions)
  swimdesk_families.csv     SwimDesk family list (family id, billing ref, WeChat openid, home pool…)
  wechat_enquiries.csv      the Sydney front desk's WeChat log (Chinese column names and values)
  dd_transactions.csv       direct-debit billing system: only its own customer ref, ISO dates
  parent_survey.csv         end-of-term parent satisfaction survey (1–10), ISO times with offset
  cs_inbox.csv              customer-service inbox (DD/MM/YYYY h:mm AM/PM)
  ad_spend.csv              marketing spend sheet per channel per city per month (Mon-YY)

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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261214
START = datetime(2025, 12, 14)
END = datetime(2026, 12, 14)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
TZ = ZoneInfo("Australia/Sydney")

R = random.Random(SEED)

# Splash's own 10-week terms (aligned with NSW school terms, used in both cities)
TERMS = [
    ("T4 2025", date(2025, 10, 13), 10),
    ("T1 2026", date(2026, 2, 2), 10),
    ("T2 2026", date(2026, 4, 27), 10),
    ("T3 2026", date(2026, 7, 20), 10),
    ("T4 2026", date(2026, 10, 12), 10),
    ("T1 2027", date(2027, 2, 1), 10),
]
# holiday intensive weeks (Mon; Australia Day week starts Tue) after each term
HOLIDAY_WEEKS = {
    0: (
        "Summer Intensive 2026",
        [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19), date(2026, 1, 27)],
    ),
    1: ("Autumn Intensive 2026", [date(2026, 4, 13), date(2026, 4, 20)]),
    2: ("Winter Intensive 2026", [date(2026, 7, 6), date(2026, 7, 13)]),
    3: ("Spring Intensive 2026", [date(2026, 9, 28), date(2026, 10, 5)]),
}
CLOSED = (date(2025, 12, 24), date(2026, 1, 5))  # all pools closed over Christmas
REENROL = {"T4 2025": 0.88, "T1 2026": 0.89, "T2 2026": 0.71, "T3 2026": 0.86, "T4 2026": 0.87}
PRICE_RISE_TERM = "T3 2026"
HEATING = (datetime(2026, 6, 8), datetime(2026, 6, 15))  # Parramatta heating failure week
WECHAT_CAMPAIGN = (datetime(2026, 1, 5), datetime(2026, 1, 31))  # 新春免费试课, Sydney
POINT_COOK_PRELAUNCH = datetime(2026, 6, 15)
POINT_COOK_OPEN = datetime(2026, 7, 4)  # Saturday open day; lessons from T3 (20 Jul)

SYD = ["Chatswood", "Hurstville", "Parramatta", "Bondi Junction", "Burwood"]
SYD_W = [0.24, 0.2, 0.22, 0.16, 0.18]
MEL = ["Box Hill", "Glen Waverley", "Richmond", "Point Cook"]
CITY_OF = {p: "Sydney" for p in SYD} | {p: "Melbourne" for p in MEL}
WECHAT_POOLS = {
    "Chatswood": "车士活",
    "Hurstville": "好市围",
    "Burwood": "宝活",
    "Parramatta": "帕拉马打",
}
LEVELS = ["Water Babies", "Starfish", "Dolphins", "Sharks", "Squad"]
OLD_PRICE = {"Water Babies": 210, "Starfish": 235, "Dolphins": 235, "Sharks": 255, "Squad": 275}
NEW_PRICE = {"Water Babies": 240, "Starfish": 269, "Dolphins": 269, "Sharks": 289, "Squad": 309}
AGE_BANDS = ["Under 3", "3-5", "6-8", "9-12"]
# lead sources as SwimDesk spells them
LEADS = [
    "Google",
    "Facebook",
    "Instagram",
    "School newsletter",
    "Website",
    "Friend referral",
    "WeChat",
]
UTM_OF = {
    "Google": "google",
    "Facebook": "facebook",
    "Instagram": "instagram",
    "School newsletter": "school_newsletter",
    "Website": "(direct)",
    "Friend referral": "(direct)",
    "WeChat": "wechat",
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


def within(ts):
    return START <= ts < END


def dt(d, hour=0, minute=0):
    return datetime(d.year, d.month, d.day, hour, minute)


def closed(d):
    return CLOSED[0] <= d < CLOSED[1]


def office_time(d):
    return dt(d, R.choice([9, 10, 11, 12, 13, 14, 15, 16, 17]), R.randrange(60))


def evening_time(d):
    hr = R.choices(
        range(24), weights=[0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 6, 8, 8, 5, 1]
    )[0]
    return dt(d, hr, R.randrange(60))


web, enquiries, activity, wechat, billing, survey, tickets = ([] for _ in range(7))
families = []
seq = {"fam": 40000, "bill": 7000, "txn": 0, "tkt": 52000, "resp": 0, "cookie": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Family:
    def __init__(self, city, pool, lead, created):
        self.fid = None
        self.cid = None
        self.openid = None
        self.bref = None
        self.city = city
        self.pool = pool
        self.lead = lead
        self.created = created
        self.chinese = lead == "WeChat" or (
            city == "Sydney" and pool in ("Chatswood", "Hurstville", "Burwood") and chance(0.18)
        )
        self.lang = (
            pick(["Mandarin", "Cantonese"], [0.75, 0.25])
            if self.chinese
            else pick(["English", "Other"], [0.9, 0.1])
        )
        self.age = pick(AGE_BANDS, [0.18, 0.38, 0.3, 0.14])
        self.level = {
            "Under 3": "Water Babies",
            "3-5": pick(["Starfish", "Dolphins"], [0.75, 0.25]),
            "6-8": pick(["Dolphins", "Sharks"], [0.55, 0.45]),
            "9-12": pick(["Sharks", "Squad"], [0.6, 0.4]),
        }[self.age]
        self.dow = pick([0, 1, 2, 3, 4, 5], [0.16, 0.16, 0.16, 0.16, 0.12, 0.24])
        self.slot = R.choice([(15, 30), (16, 0), (16, 30), (17, 0), (17, 30), (18, 0)])
        if self.dow == 5:
            self.slot = R.choice(
                [(8, 0), (8, 30), (9, 0), (9, 30), (10, 0), (10, 30), (11, 0), (11, 30)]
            )
        self.enrolled_once = False

    def register(self):
        if self.fid is None:
            self.fid = f"SPL{nxt('fam')}"
            self.bref = f"DD-{nxt('bill'):06d}"
            families.append(self)


def act(f, ts, activity_name, via="", term="", reason="", program="", with_time=True, level=None):
    if not within(ts):
        return False
    activity.append(
        (ts, f.fid, activity_name, f.pool, level or f.level, term, via, reason, program, with_time)
    )
    return True


def debit(f, d, kind, amount, desc):
    ts = dt(d)
    if not within(ts):
        return
    if kind in ("TF", "HI") and chance(0.035):
        billing.append((d, f.bref, f"TX{nxt('txn'):07d}", "DH", amount, desc))
        if chance(0.35):
            ticket(f, dt(d + timedelta(days=R.randint(1, 4)), 10), "Billing")
        retry = d + timedelta(days=7)
        if chance(0.85) and within(dt(retry)):
            billing.append((retry, f.bref, f"TX{nxt('txn'):07d}", kind, amount, desc + " (retry)"))
        return
    billing.append((d, f.bref, f"TX{nxt('txn'):07d}", kind, amount, desc))


def ticket(f, ts, category, complaint=None):
    if not within(ts):
        return
    ch = pick(["Email", "Phone", "WeChat"], [0.25, 0.25, 0.5] if f.chinese else [0.58, 0.4, 0.02])
    if ch == "WeChat" and f.openid is None:
        ch = "Email"
    fr = {"Email": R.uniform(1.5, 26), "Phone": R.uniform(0.02, 0.6), "WeChat": R.uniform(0.1, 5)}[
        ch
    ]
    in_heating = HEATING[0] <= ts < HEATING[1] + timedelta(days=4)
    if in_heating:
        fr *= 2.5
    res = fr + R.uniform(2, 70)
    if complaint is None:
        complaint = {
            "Pool temperature": 0.9,
            "Class sizes": 0.8,
            "Billing": 0.35,
            "Make-up lessons": 0.3,
            "Instructor": 0.6,
            "Timetable": 0.15,
        }[category]
        complaint = chance(complaint)
    csat = ""
    if chance(0.42):
        mean = 4.1 - (1.3 if in_heating else 0) - (0.6 if complaint else 0)
        csat = max(1, min(5, round(R.gauss(mean, 0.9))))
    solved = ts + timedelta(hours=res)
    tickets.append(
        (
            f"#{nxt('tkt')}",
            f.fid or "",
            f.openid if ch == "WeChat" else "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            category,
            f.pool,
            ch,
            "Yes" if complaint else "No",
            csat,
        )
    )


def term_of(d):
    """(index, week index) of the term week d falls in, else (index of next term, None)."""
    for i, (_, start, n) in enumerate(TERMS):
        if d < start:
            return i, None
        if d < start + timedelta(weeks=n):
            return i, (d - start).days // 7
    return len(TERMS) - 1, None


def price(level, term_name):
    rise = [t[0] for t in TERMS].index(term_name) >= [t[0] for t in TERMS].index(PRICE_RISE_TERM)
    return (NEW_PRICE if rise else OLD_PRICE)[level]


def winter(d):
    return d.month in (6, 7, 8)


def makeup(f, t_missed, p):
    if not chance(p):
        return
    b = office_time((t_missed + timedelta(days=R.uniform(0.3, 5))).date())
    if act(
        f,
        b,
        "Make-up Booked",
        via=pick(["Parent Portal", "Phone", "Front desk"], [0.55, 0.3, 0.15]),
    ):
        if f.cid and chance(0.5):
            web_event(f, b - timedelta(minutes=R.uniform(1, 5)), "portal_login", "(direct)")
        m = b + timedelta(days=R.uniform(4, 20))
        m = dt(m.date(), R.choice([9, 10, 15, 16, 17]), R.choice([0, 30]))
        if not closed(m.date()) and chance(0.86):
            act(f, m, "Make-up Attended")


def survey_response(f, t, term_name):
    if not within(t) or not chance(0.26):
        return
    mean = 8.3
    if term_name == PRICE_RISE_TERM:
        mean = 7.5
    if term_name == "T2 2026" and f.pool == "Parramatta":
        mean = 5.2
    if f.pool == "Point Cook":
        mean = 8.8
    score = max(1, min(10, round(R.gauss(mean, 1.4))))
    comment = ""
    if chance(0.4):
        if f.chinese:
            pool_cold = ["水太冷了", "孩子说池水很冷", "加热坏了也没提前通知"]
            good = ["老师很有耐心", "孩子进步很快", "前台服务很好", "补课安排方便"]
            bad = ["价格涨得太多", "班级人数太多", "停车不方便"]
        else:
            pool_cold = [
                "Water was freezing",
                "Pool heating broke and nobody told us",
                "Too cold for little ones",
            ]
            good = [
                "Great teachers",
                "My daughter loves it",
                "Lovely staff",
                "Easy to book make-ups",
                "Good progress",
            ]
            bad = [
                "Fees went up too much",
                "Classes are too big",
                "Parking is hard",
                "Too many instructor changes",
            ]
        if term_name == "T2 2026" and f.pool == "Parramatta" and score <= 6:
            comment = R.choice(pool_cold)
        elif term_name == PRICE_RISE_TERM and score <= 7 and chance(0.6):
            comment = bad[0]
        elif score >= 8:
            comment = R.choice(good)
        else:
            comment = R.choice(bad)
    offset = t.replace(tzinfo=TZ).strftime("%z")
    stamp = f"{t:%Y-%m-%dT%H:%M:%S}{offset[:3]}:{offset[3:]}"
    survey.append((f"R{nxt('resp'):06d}", stamp, t, f.fid, f.pool, score, comment, term_name))


def intensive(f, hol_idx, booked_before=None, source_lead=False):
    program, weeks = HOLIDAY_WEEKS[hol_idx]
    wk = R.choice(weeks)
    bdate = booked_before or (wk - timedelta(days=R.randint(5, 35)))
    if booked_before is not None and bdate >= wk:
        later = [w for w in weeks if w > bdate]
        if not later:
            return False
        wk = R.choice(later)
    b = office_time(bdate)
    if not within(b):
        return False
    if not act(
        f,
        b,
        "Holiday Intensive Booked",
        via=pick(["Online", "Phone", "Front desk"], [0.5, 0.3, 0.2]),
        program=program,
    ):
        return False
    fee = 189 if hol_idx < 2 else 209
    debit(f, bdate + timedelta(days=1), "HI", fee, program)
    days = 4 if wk == date(2026, 1, 27) else 5
    start_day = wk + timedelta(days=1) if days == 4 else wk
    hr = R.choice([8, 9, 10, 11, 12])
    for k in range(days):
        d = start_day + timedelta(days=k)
        if chance(0.93):
            act(f, dt(d, hr, 0), "Intensive Lesson Attended", program=program)
    return True


def study(f, ti, wk0):
    """Weekly lessons from term ti, week wk0, through re-enrolments, until the child stops."""
    while ti < len(TERMS) - 1:
        name, start, n = TERMS[ti]
        for wk in range(wk0, n):
            d = start + timedelta(weeks=wk, days=f.dow)
            t = dt(d, *f.slot)
            if t >= END:
                return
            if t < START:
                continue
            hz = 0.009 if winter(d) else 0.0025
            if (
                f.pool == "Parramatta"
                and dt(d) >= HEATING[0]
                and dt(d) < HEATING[1] + timedelta(days=21)
            ):
                hz += 0.02
            if chance(hz):
                reason = pick(
                    [
                        "Too cold / winter break",
                        "Illness",
                        "Schedule clash",
                        "Cost",
                        "Moving house",
                        "Child lost interest",
                    ],
                    [5, 2, 2, 1, 1, 2] if winter(d) else [0, 1, 3, 2, 2, 3],
                )
                if f.pool == "Parramatta" and HEATING[0] <= dt(d) < HEATING[1] + timedelta(days=21):
                    reason = pick(["Pool too cold", reason], [0.7, 0.3])
                act(
                    f,
                    office_time(d - timedelta(days=R.randint(0, 3))),
                    "Withdrawal",
                    via="Phone",
                    term=name,
                    reason=reason,
                    with_time=False,
                )
                return
            if f.pool == "Parramatta" and HEATING[0] <= t < HEATING[1]:
                if d.weekday() <= 2:
                    act(f, t, "Lesson Cancelled", term=name, reason="Pool heating failure")
                    makeup(f, t, 0.8)
                    continue
                if chance(0.3):
                    ticket(f, t + timedelta(hours=R.uniform(1, 30)), "Pool temperature")
            elif chance(0.004 if winter(d) else 0.0015):
                ticket(
                    f,
                    t + timedelta(hours=R.uniform(1, 40)),
                    "Pool temperature" if winter(d) else "Class sizes",
                )
            if chance(0.0035):
                ticket(
                    f,
                    t + timedelta(hours=R.uniform(1, 72)),
                    pick(
                        ["Class sizes", "Make-up lessons", "Instructor", "Timetable", "Billing"],
                        [3, 3, 2, 2, 2],
                    ),
                )
            miss = 0.19 if winter(d) else 0.08
            if chance(miss):
                act(f, t, "Lesson Missed", term=name)
                makeup(f, t, 0.55)
            else:
                act(f, t, "Lesson Attended", term=name)
            if wk == n - 2:
                if f.level != "Squad" and chance(0.3):
                    f.level = LEVELS[LEVELS.index(f.level) + 1]
                    act(f, t + timedelta(minutes=35), "Assessment - Moved Up", term=name)
                else:
                    act(f, t + timedelta(minutes=35), "Assessment - Not Yet", term=name)
            if wk == n - 1:
                survey_response(f, evening_time(d + timedelta(days=R.randint(1, 6))), name)
        # holiday intensive after the term
        if ti in HOLIDAY_WEEKS and chance(0.3 if ti == 0 else 0.08):
            intensive(f, ti)
        # re-enrolment for the next term
        nname, nstart, _ = TERMS[ti + 1]
        end_d = start + timedelta(weeks=n)
        decide = (
            start
            + timedelta(weeks=n - 2)
            + timedelta(days=R.uniform(0, max(10, (nstart - end_d).days + 12)))
        )
        if decide >= nstart:
            decide = nstart - timedelta(days=R.randint(1, 5))
        p = REENROL[name]
        if name == "T2 2026" and f.pool == "Parramatta":
            p -= 0.08
        if f.pool == "Point Cook":
            p += 0.06
        if chance(p):
            act(
                f,
                office_time(decide),
                "Re-enrolment",
                via=pick(["Parent Portal", "Front desk", "Phone"], [0.6, 0.25, 0.15]),
                term=nname,
                with_time=False,
            )
            debit(f, nstart, "TF", price(f.level, nname), f"{nname} term fees - {f.level}")
            if nname == PRICE_RISE_TERM and chance(0.04):
                ticket(
                    f,
                    office_time(nstart + timedelta(days=R.randint(0, 9))),
                    "Billing",
                    complaint=chance(0.7),
                )
            ti, wk0 = ti + 1, 0
            continue
        if chance(0.7):
            if name == "T2 2026":
                reason = pick(
                    [
                        "Cost",
                        "Schedule clash",
                        "Too cold / winter break",
                        "Child lost interest",
                        "Moving house",
                    ],
                    [6, 1, 2, 1, 1],
                )
            else:
                reason = pick(
                    [
                        "Cost",
                        "Schedule clash",
                        "Too cold / winter break",
                        "Child lost interest",
                        "Moving house",
                        "Finished lessons",
                    ],
                    [1, 3, 1, 2, 1, 2],
                )
            if f.pool == "Parramatta" and name == "T2 2026" and chance(0.3):
                reason = "Pool too cold"
            act(
                f,
                office_time(decide),
                "Withdrawal",
                via="Phone",
                term=nname,
                reason=reason,
                with_time=False,
            )
        return


def web_event(f, ts, event, source):
    if not within(ts):
        return
    if f.cid is None:
        f.cid = "GA1." + h(f"c{nxt('cookie')}")[:16]
    web.append(
        (ts, f.cid, f.fid if (event == "portal_login" or f.enrolled_once) else "", event, source)
    )


def browse(f, t, source):
    """A web session before an enquiry: landing page, maybe timetable and prices."""
    web_event(f, t, "page_view", source)
    if chance(0.65):
        web_event(f, t + timedelta(minutes=R.uniform(0.5, 3)), "timetable_view", source)
    if chance(0.5):
        web_event(f, t + timedelta(minutes=R.uniform(3, 6)), "pricing_view", source)


def enrol(f, t_trial, conv):
    if not chance(conv):
        return
    te = office_time((t_trial + timedelta(days=R.uniform(0, 7))).date())
    if not within(te):
        return
    ti, wk = term_of(te.date())
    if wk is not None and wk <= TERMS[ti][2] - 3:
        tname = TERMS[ti][0]
        wk0 = wk + 1
        fee = price(f.level, tname) * (TERMS[ti][2] - wk0) / 10
    else:
        if wk is not None:
            ti += 1
        tname = TERMS[ti][0]
        wk0 = 0
        fee = price(f.level, tname)
    if f.pool == "Point Cook" and ti < 3:
        ti, wk0, tname = 3, 0, "T3 2026"
        fee = price(f.level, tname)
    f.enrolled_once = True
    act(
        f,
        te,
        "Enrolment",
        via=pick(["Front desk", "Online", "Phone"], [0.5, 0.3, 0.2]),
        term=tname,
        with_time=True,
    )
    act(f, te + timedelta(minutes=1), "Level Assigned", term=tname)
    debit(f, te.date() + timedelta(days=1), "TF", fee, f"{tname} term fees - {f.level}")
    if f.cid and chance(0.4):
        web_event(f, te + timedelta(hours=R.uniform(2, 30)), "portal_login", "(direct)")
    study(f, ti, wk0)


def lead_conversion(lead, campaign, pool):
    if campaign:
        return 0.78, 0.72, 0.46
    book = {
        "Google": 0.62,
        "Facebook": 0.52,
        "Instagram": 0.5,
        "School newsletter": 0.64,
        "Website": 0.64,
        "Friend referral": 0.76,
        "WeChat": 0.66,
    }[lead]
    show = 0.82 if lead != "WeChat" else 0.8
    enr = {
        "Google": 0.6,
        "Facebook": 0.47,
        "Instagram": 0.45,
        "School newsletter": 0.58,
        "Website": 0.62,
        "Friend referral": 0.72,
        "WeChat": 0.55,
    }[lead]
    if pool == "Point Cook":
        enr = 0.66
    return book, show, enr


def new_lead(d, city=None, lead=None, pool=None, campaign=False):
    city = city or pick(["Sydney", "Melbourne"], [0.62, 0.38])
    if lead is None:
        w = [0.32, 0.13, 0.09, 0.1, 0.12, 0.18, 0.06 if city == "Sydney" else 0.0]
        lead = pick(LEADS, w)
    if pool is None:
        if city == "Sydney":
            pool = (
                pick(list(WECHAT_POOLS), [0.4, 0.35, 0.1, 0.15])
                if lead == "WeChat"
                else pick(SYD, SYD_W)
            )
        else:
            w = [0.38, 0.34, 0.28, 0.0]
            if dt(d) >= POINT_COOK_PRELAUNCH:
                w = [0.27, 0.24, 0.2, 0.29]
            pool = pick(MEL, w)
    t = evening_time(d)
    f = Family(city, pool, lead, t)
    book, show, enr = lead_conversion(lead, campaign, pool)
    if lead == "WeChat":
        f.openid = "o" + h(f"wx{len(families)}{t}")[:27]
        if chance(0.6):
            wechat.append(
                (
                    t - timedelta(minutes=R.uniform(1, 600)),
                    f,
                    "关注",
                    "",
                    "新春免费试课" if campaign else "",
                )
            )
        content = R.choice(
            [
                "想咨询一下免费试课",
                "孩子5岁，零基础可以报名吗",
                "周六上午还有位置吗",
                "学费多少钱一个学期",
                "有中文老师吗",
                "新春试课活动怎么报名",
            ]
            if campaign
            else [
                "想咨询一下免费试课",
                "孩子4岁可以学游泳吗",
                "周末有课吗",
                "学费多少",
                "有中文老师吗",
                "可以先试一节课吗",
            ]
        )
        wechat.append((t, f, "咨询", content, "新春免费试课" if campaign else ""))
        via = "WeChat"
    else:
        method = pick(
            ["Web form", "Phone", "Walk-in"],
            [0.25, 0.6, 0.15] if lead == "Friend referral" else [0.66, 0.32, 0.02],
        )
        utm = UTM_OF[lead]
        if method == "Web form" or chance(0.45):
            for s in range(R.choice([1, 1, 2, 3])):
                browse(
                    f,
                    t - timedelta(days=R.uniform(0.01, 9) * s, minutes=R.uniform(5, 20)),
                    utm if s == 0 or chance(0.5) else "(direct)",
                )
        f.register()
        enquiries.append((t, f, method, f.cid if method == "Web form" else ""))
        via = (
            pick(["Online", "Phone"], [0.6, 0.4])
            if method == "Web form"
            else ("Front desk" if method == "Walk-in" else "Phone")
        )
    # summer leads often start with a holiday intensive
    if dt(d) < datetime(2026, 1, 24) and lead != "WeChat" and chance(0.35):
        f.register()
        if intensive(f, 0, booked_before=d + timedelta(days=R.randint(0, 3))):
            if chance(0.42):
                te = dt(date(2026, 1, R.randint(20, 31)), 11)
                enrol(f, te, 1.0)
            return f
    if not chance(book):
        return f
    tb = (
        t + timedelta(minutes=R.uniform(5, 60))
        if via == "WeChat"
        else t + timedelta(hours=R.uniform(0.1, 72))
    )
    f.register()
    if not within(tb):
        return f
    act(f, tb, "Trial Booked", via=via)
    td = tb.date() + timedelta(days=R.randint(2, 12))
    if f.pool == "Point Cook" and td < POINT_COOK_OPEN.date():
        td = (
            POINT_COOK_OPEN.date()
            if chance(0.45)
            else POINT_COOK_OPEN.date() + timedelta(days=R.randint(1, 14))
        )
    while closed(td):
        td += timedelta(days=1)
    t_trial = dt(td, R.choice([9, 10, 11, 15, 16, 17]), R.choice([0, 30]))
    if chance(show):
        if act(f, t_trial, "Trial Attended"):
            enrol(f, t_trial + timedelta(minutes=45), enr)
    else:
        act(f, t_trial, "Trial No Show")
    return f


def existing_family():
    city = pick(["Sydney", "Melbourne"], [0.63, 0.37])
    pool = pick(SYD, SYD_W) if city == "Sydney" else pick(MEL[:3], [0.38, 0.34, 0.28])
    lead = pick(LEADS, [0.3, 0.12, 0.07, 0.1, 0.12, 0.22, 0.07 if city == "Sydney" else 0.0])
    created = START - timedelta(days=R.uniform(60, 1300))
    f = Family(city, pool, lead, created)
    if lead == "WeChat":
        f.openid = "o" + h(f"wx-old{len(families)}")[:27]
    f.register()
    f.enrolled_once = True
    if chance(0.3):
        f.cid = "GA1." + h(f"c{nxt('cookie')}")[:16]
    if f.openid and chance(0.5):
        for _ in range(R.randint(1, 3)):
            d = START.date() + timedelta(days=R.randrange(N_DAYS))
            wechat.append(
                (
                    evening_time(d),
                    f,
                    "留言",
                    R.choice(
                        [
                            "请问怎么预约补课",
                            "下周孩子生病请假",
                            "发票怎么开",
                            "下学期什么时候开始报名",
                        ]
                    ),
                    "",
                )
            )
    study(f, 0, 9)
    if f.cid:
        for _ in range(poisson(1.5)):
            d = START.date() + timedelta(days=R.randrange(N_DAYS))
            web_event(f, evening_time(d), "portal_login", "(direct)")


def anonymous_visitor(d):
    f = Family("", "", "", None)
    src = pick(
        ["google", "facebook", "instagram", "school_newsletter", "(direct)"],
        [0.45, 0.2, 0.12, 0.05, 0.18],
    )
    t = evening_time(d)
    for s in range(R.choice([1, 1, 1, 2])):
        browse(f, t + timedelta(days=R.uniform(0.5, 10) * s), src)


def lead_rate(d):
    m = {
        12: 0.65,
        1: 1.9,
        2: 1.3,
        3: 0.9,
        4: 1.0,
        5: 0.8,
        6: 0.8,
        7: 1.1,
        8: 0.8,
        9: 0.9,
        10: 1.0,
        11: 0.8,
    }[d.month]
    if d.weekday() >= 5:
        m *= 0.7
    return 14.5 * m


def simulate():
    for _ in range(2600):
        existing_family()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        for _ in range(poisson(lead_rate(d))):
            new_lead(d)
        if WECHAT_CAMPAIGN[0] <= dt(d) < WECHAT_CAMPAIGN[1]:
            for _ in range(poisson(22)):
                new_lead(d, city="Sydney", lead="WeChat", campaign=True)
        if POINT_COOK_PRELAUNCH <= dt(d) < datetime(2026, 9, 1):
            for _ in range(poisson(5.0 if dt(d) < datetime(2026, 7, 20) else 2.5)):
                new_lead(
                    d,
                    city="Melbourne",
                    lead=pick(["Facebook", "Instagram", "Google", "Friend referral"], [4, 2, 2, 1]),
                    pool="Point Cook",
                )
        for _ in range(poisson(5.5 * (1.6 if d.month == 1 else 1.0))):
            anonymous_visitor(d)


def write(folder: Path):
    def utc(ts):
        return ts.replace(tzinfo=TZ).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    with open(folder / "web_analytics.jsonl", "w") as f:
        for ts, cid, fid, ev, src in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            f.write(
                json.dumps(
                    {
                        "ts": utc(ts),
                        "cid": cid,
                        "family_id": fid or None,
                        "event": ev,
                        "utm_source": src,
                    }
                )
                + "\n"
            )
    with open(folder / "swimdesk_enquiries.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Enquiry Date",
                "Family ID",
                "Web Visitor ID",
                "Enquiry Type",
                "Lead Source",
                "Preferred Pool",
                "Child Age",
            ]
        )
        for t, fam, method, cid in sorted(enquiries, key=lambda r: (r[0], r[1].fid)):
            w.writerow([f"{t:%d/%m/%Y %H:%M}", fam.fid, cid, method, fam.lead, fam.pool, fam.age])
    with open(folder / "swimdesk_activity.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Date",
                "Family ID",
                "Activity",
                "Pool",
                "Level",
                "Term",
                "Booked Via",
                "Reason",
                "Program",
            ]
        )
        for ts, fid, a, pool, level, term, via, reason, program, with_time in sorted(
            activity, key=lambda r: (r[0], r[1], r[2])
        ):
            stamp = f"{ts:%d/%m/%Y %H:%M}" if with_time else f"{ts:%d/%m/%Y}"
            w.writerow([stamp, fid, a, pool, level, term, via, reason, program])
    with open(folder / "swimdesk_families.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Family ID",
                "Created",
                "Billing Ref",
                "WeChat OpenID",
                "Home Pool",
                "City",
                "Lead Source",
                "Language",
                "Child Age Group",
            ]
        )
        for fam in sorted(families, key=lambda x: x.fid):
            w.writerow(
                [
                    fam.fid,
                    f"{fam.created:%d/%m/%Y}",
                    fam.bref,
                    fam.openid or "",
                    fam.pool,
                    fam.city,
                    fam.lead,
                    fam.lang,
                    fam.age,
                ]
            )
    with open(folder / "wechat_enquiries.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["时间", "微信OpenID", "家庭编号", "类型", "内容", "门店", "活动"])
        for ts, fam, kind, content, camp in sorted(wechat, key=lambda r: (r[0], r[1].openid)):
            if within(ts):
                w.writerow(
                    [
                        f"{ts:%Y/%m/%d %H:%M}",
                        fam.openid,
                        fam.fid or "",
                        kind,
                        content,
                        WECHAT_POOLS.get(fam.pool, fam.pool),
                        camp,
                    ]
                )
    with open(folder / "dd_transactions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "txn_id",
                "debit_date",
                "customer_ref",
                "txn_type",
                "amount_aud",
                "settled_aud",
                "description",
            ]
        )
        for d, bref, tx, kind, amount, desc in sorted(billing, key=lambda r: (r[0], r[2])):
            settled = 0.0 if kind == "DH" else amount
            w.writerow([tx, f"{d:%Y-%m-%d}", bref, kind, f"{amount:.2f}", f"{settled:.2f}", desc])
    with open(folder / "parent_survey.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Response ID",
                "Submitted At",
                "Family ID",
                "Pool",
                "Overall satisfaction (1-10)",
                "Comments",
                "Term",
            ]
        )
        for rid, stamp, _, fid, pool, score, comment, term in sorted(
            survey, key=lambda r: (r[2], r[0])
        ):
            w.writerow([rid, stamp, fid, pool, score, comment, term])

    def fmt(ts):
        return ts.strftime("%d/%m/%Y %I:%M %p") if ts else ""

    with open(folder / "cs_inbox.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket",
                "Family ID",
                "WeChat OpenID",
                "Created",
                "First Reply",
                "Resolved",
                "Category",
                "Pool",
                "Via",
                "Complaint?",
                "CSAT",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), *r[6:]])
    with open(folder / "ad_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "City", "Spend (AUD)"])
        months = [date(2026, m, 1) for m in range(1, 13)]
        for m in months:
            part = 13 / 31 if m.month == 12 else 1.0
            for city in ("Sydney", "Melbourne"):
                base = {
                    "Google Ads": 9000 if city == "Sydney" else 6000,
                    "Meta Ads": 6000 if city == "Sydney" else 4000,
                    "School newsletter": 1200,
                }
                if city == "Sydney":
                    base["WeChat"] = 16500 if m.month == 1 else 1500
                if city == "Melbourne" and m.month in (6, 7, 8):
                    base["Meta Ads"] += 5500  # Point Cook launch
                if m.month >= 9:
                    base["Meta Ads"] *= 1.45  # Meta got dearer; enquiries did not follow
                for ch, amt in base.items():
                    w.writerow(
                        [f"{m:%b-%y}", ch, city, f"{amt * part * R.uniform(0.92, 1.08):.2f}"]
                    )


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="swimschool-src-") as tmp:
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
