"""Dating evaluation domain: 缘来 Yuanlai, a dating app for Chinese-speaking singles in N. America.

    python generate.py OUT.duckdb

Writes Yuanlai's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl            in-app events stream (SDK): ISO times with the device's UTC offset,
                              device_id always, uid (member id) only from registration on,
                              media_source / campaign stamped by the attribution SDK
  members.csv                 backend member export (uid, registered_at UTC 'Z', gender, age band,
                              home city code, country, app language)
  appstore_transactions.csv   App Store report (UTC times, Event names, Customer Price in local
                              currency + Price in USD, App Account Token = uid)
  googleplay_orders.csv       Google Play order report ('Feb 14, 2026 7:23:11 PM' Pacific time,
                              Amount (Buyer Currency) + Amount (USD), Obfuscated Account Id = uid)
  zendesk_tickets.csv         support desk export (times '... UTC', tags, satisfaction good/bad)
  tns_reports.csv             trust-and-safety log: reports and blocks ('2026/06/14 21:03' Pacific)
  in_app_survey.csv           in-app survey, rating 1-5 ('06/14/2026 21:03' Pacific)
  spend_by_week.csv           marketing spend per channel per market per week (weeks start Sunday)

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

SEED = 20261206
START = datetime(2025, 12, 6)
END = datetime(2026, 12, 6)  # as_of (Sunday); data ends the day before
N_DAYS = (END - START).days
CAD_USD = 0.73  # fixed rate finance uses: 1 CAD = 0.73 USD

VALENTINE = (datetime(2026, 2, 8), datetime(2026, 2, 15))  # week before Valentine's Day
CNY = (datetime(2026, 2, 15), datetime(2026, 2, 22))  # Chinese New Year week (CNY = Tue 2026-02-17)
XHS_CAMPAIGN = (datetime(2026, 4, 12), datetime(2026, 5, 10))  # 小红书 creator campaign, 4 weeks
SCAM_WAVE = (datetime(2026, 6, 1), datetime(2026, 6, 29))  # scam-profile wave in Toronto
SEATTLE_LAUNCH = datetime(2026, 7, 11)  # the app opens in Seattle (Saturday)
QIXI = (datetime(2026, 8, 14), datetime(2026, 8, 21))  # Qixi 七夕 = Wed 2026-08-19
GOLD_PRICE_RISE = datetime(2026, 9, 1)

PACIFIC = ZoneInfo("America/Los_Angeles")
EASTERN = ZoneInfo("America/Toronto")
NEW_YORK = ZoneInfo("America/New_York")
VANCOUVER = ZoneInfo("America/Vancouver")

CITIES = ["VAN", "TOR", "SFBA", "LA", "NYC", "SEA"]
CITY_W = [0.2, 0.2, 0.2, 0.15, 0.25, 0.0]
METRO = {
    "VAN": "Vancouver",
    "TOR": "Toronto",
    "SFBA": "SF Bay Area",
    "LA": "Los Angeles",
    "NYC": "New York",
    "SEA": "Seattle",
}
CITY_TZ = {
    "VAN": VANCOUVER,
    "TOR": EASTERN,
    "SFBA": PACIFIC,
    "LA": PACIFIC,
    "NYC": NEW_YORK,
    "SEA": PACIFIC,
}
EAST = {"TOR", "NYC"}
CANADA = {"VAN", "TOR"}

# media sources as the attribution SDK writes them
SOURCES = [
    "apple_search_ads",
    "googleadwords_int",
    "xiaohongshu_kol",
    "wechat_group",
    "tiktokglobal_int",
    "af_app_invites",
    "organic",
]
SOURCE_W = [0.2, 0.15, 0.14, 0.14, 0.12, 0.09, 0.16]
CAMPAIGNS = {
    "apple_search_ads": ["ASA_brand", "ASA_generic_dating"],
    "googleadwords_int": ["UAC_installs_NA", "UAC_tROAS"],
    "xiaohongshu_kol": ["xhs_evergreen"],
    "wechat_group": ["wxgroup_community"],
    "tiktokglobal_int": ["tt_singles_NA"],
    "af_app_invites": [""],
    "organic": [""],
}

# prices: (USD, CAD) per product id suffix; Gold rises on 2026-09-01
PRICES = {
    ("plus", "1m"): (14.99, 19.99),
    ("plus", "3m"): (35.99, 47.99),
    ("plus", "12m"): (99.99, 134.99),
    ("gold", "1m"): (29.99, 39.99),
    ("gold", "3m"): (74.99, 99.99),
    ("gold", "12m"): (199.99, 269.99),
}
GOLD_NEW = {"1m": (39.99, 54.99), "3m": (99.99, 134.99), "12m": (259.99, 349.99)}
CONSUMABLES = {"boost": (4.99, 6.99), "superlike5": (6.99, 9.99)}
PERIOD_DAYS = {"1m": 30, "3m": 91, "12m": 365}

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


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


# local hour-of-day weights: evenings are busy on a dating app
HOURS = [1.5, 0.8, 0.4, 0.2, 0.2, 0.3, 0.6, 1.2, 1.8, 1.6, 1.5, 1.7, 2.2, 2.0, 1.7, 1.7, 1.9, 2.3]
HOURS += [3.0, 3.8, 4.5, 5.0, 4.8, 3.0]
WORK_HOURS = [0] * 9 + [3, 4, 4, 3, 4, 4, 4, 3, 2] + [0] * 6


def at(d, city, hours=HOURS):
    """A time on day d in the person's local hours, on the Pacific clock (the model's)."""
    hr = R.choices(range(24), weights=hours)[0]
    t = datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))
    return t - timedelta(hours=3) if city in EAST else t


events, members, apple, google, tickets, tns, survey = ([] for _ in range(7))
seq = {"uid": 3100000, "tk": 48000, "tns": 0, "resp": 0, "match": 0, "apple": 0, "gpa": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, d, source, city):
        self.day = d
        self.source = source
        self.city = city
        self.campaign = R.choice(CAMPAIGNS[source])
        self.device = "dv-" + h(f"dev{len(people)}")[:16]
        self.uid = None
        self.gender = "F" if chance(0.45) else "M"
        self.age = pick(["18-24", "25-29", "30-34", "35-39", "40+"], [0.12, 0.3, 0.3, 0.17, 0.11])
        ios_share = {"apple_search_ads": 1.0, "googleadwords_int": 0.0}.get(source, 0.68)
        self.os = "ios" if chance(ios_share) else "android"
        self.lang = pick(["zh-Hans", "zh-Hant", "en"], [0.62, 0.18, 0.2])
        self.scammer = False
        self.gone = None  # uninstall time
        self.banned = None


people: list[Person] = []


def ev(p, ts, name, **extra):
    if not within(ts) or (p.gone and ts >= p.gone):
        return False
    events.append((ts, p, name, extra))
    return True


def local_price(p, usd_cad):
    usd, cad = usd_cad
    if p.city in CANADA:
        return cad, "CAD", round(cad * CAD_USD, 2)
    return usd, "USD", usd


def store(p, ts, kind, product, period, price=None, orig=None):
    """One row of the app store report of the person's platform."""
    if not within(ts):
        return None
    amount = price if price is not None else (None, None, None)
    if p.os == "ios":
        tid = f"{nxt('apple') + 230000000000000:d}"
        apple.append((ts, kind, product, period, amount, p, tid, orig or tid))
        return tid
    base = (
        orig
        or f"GPA.{3300 + R.randrange(700)}-{R.randrange(10000):04d}-"
        f"{R.randrange(10000):04d}-{nxt('gpa'):05d}"
    )
    google.append((ts, kind, product, period, amount, p, base))
    return base


def ticket(p, ts, tag, typ="question", slow=1.0, mood=0.0):
    if not within(ts):
        return
    via = pick(["In-app chat", "Email", "WeChat", "Web form"], [0.45, 0.3, 0.15, 0.1])
    fr_h = {
        "In-app chat": R.uniform(0.03, 0.4),
        "Email": R.uniform(2, 14),
        "WeChat": R.uniform(0.15, 1.5),
        "Web form": R.uniform(3, 20),
    }[via] * slow
    res_h = (
        fr_h
        + {
            "refund_request": R.uniform(12, 72),
            "ban_appeal": R.uniform(24, 120),
            "billing": R.uniform(4, 48),
            "verification": R.uniform(2, 30),
            "safety": R.uniform(6, 72),
            "login_issue": R.uniform(1, 12),
        }[tag]
        * slow
    )
    first = ts + timedelta(hours=fr_h)
    solved = ts + timedelta(hours=res_h)
    sat = "unoffered"
    if solved < END:
        sat = "offered"
        if chance(0.55):
            sat = "good" if chance(max(0.05, 0.78 - mood)) else "bad"
    tickets.append(
        (
            nxt("tk"),
            p.uid,
            ts,
            first if first < END else None,
            solved if solved < END else None,
            tag,
            via,
            typ,
            sat,
            "zh" if p.lang != "en" or chance(0.5) else "en",
        )
    )


def report(p, ts, kind, reason, action, target):
    if not within(ts):
        return
    tns.append((f"TS{nxt('tns'):06d}", ts, p.uid, target, kind, reason, action))


def answer(p, ts, trigger, mean):
    if not within(ts):
        return
    score = max(1, min(5, round(R.gauss(mean, 0.9))))
    comment = ""
    if chance(0.35):
        if score >= 4:
            comment = R.choice(
                [
                    "匹配质量不错",
                    "界面好用",
                    "认识了聊得来的人",
                    "视频约会很方便",
                    "Great app!",
                    "身份认证让人放心",
                ]
            )
        else:
            comment = R.choice(
                [
                    "骗子太多了",
                    "假照片很多",
                    "会员太贵",
                    "匹配太少",
                    "消息没人回",
                    "Gold涨价了不续了",
                    "too many fake profiles",
                ]
            )
    survey.append((f"R{nxt('resp'):06d}", p.uid, ts, trigger, score, comment))


def subscribe(p, t, id_ok):
    """Paywall → maybe a 7-day free trial or a direct purchase → renewals, cancellation, refunds."""
    plan = "gold" if chance(0.45) else "plus"
    period = pick(["1m", "3m", "12m"], [0.65, 0.22, 0.13])
    product = f"{plan}.{period}"

    def price(ts):
        if plan == "gold" and ts >= GOLD_PRICE_RISE:
            return local_price(p, GOLD_NEW[period])
        return local_price(p, PRICES[(plan, period)])

    ts = t + timedelta(minutes=R.uniform(1, 6))
    if chance(0.13):  # pays straight away
        orig = store(p, ts, "start_paid", product, period, price(ts))
        paid_at = ts
    else:
        orig = store(
            p, ts, "trial", product, period, (0.0, "USD" if p.city not in CANADA else "CAD", 0.0)
        )
        if orig is None:
            return
        conv = (0.57 if ts < GOLD_PRICE_RISE else 0.31) if plan == "gold" else 0.5
        if id_ok:
            conv += 0.05
        if inw(ts, VALENTINE) or inw(ts, QIXI):
            conv += 0.05
        if not chance(conv):
            if chance(0.8):
                c = ts + timedelta(days=R.uniform(0.2, 6.8))
                store(p, c, "cancel", product, period, orig=orig)
                if chance(0.2):
                    answer(p, c + timedelta(minutes=2), "cancel_flow", 2.5)
            return
        paid_at = ts + timedelta(days=7, minutes=R.uniform(1, 90))
        orig = store(p, paid_at, "convert", product, period, price(paid_at), orig=orig)
    if orig is None:
        return
    refund_p = 0.04 + (0.05 if plan == "gold" and paid_at >= GOLD_PRICE_RISE else 0.0)
    if chance(refund_p):
        rf = paid_at + timedelta(days=R.uniform(0.5, 3))
        ticket(
            p,
            rf - timedelta(hours=R.uniform(2, 20)),
            "refund_request",
            "complaint" if chance(0.4) else "question",
        )
        amt = price(paid_at)
        store(p, rf, "refund", product, period, (-amt[0], amt[1], -amt[2]), orig=orig)
        store(p, rf, "cancel", product, period, orig=orig)
        return
    renew_p = {"1m": 0.78, "3m": 0.68, "12m": 0.6}[period]
    due = paid_at
    while True:
        due = due + timedelta(days=PERIOD_DAYS[period])
        if due >= END:
            return
        if p.gone and due > p.gone and chance(0.5):
            renew_p = 0.3
        renew_p_now = renew_p - 0.1 if plan == "gold" and due >= GOLD_PRICE_RISE else renew_p
        if not chance(renew_p_now):
            c = due - timedelta(days=R.uniform(0.5, min(20, PERIOD_DAYS[period] - 1)))
            store(p, c, "cancel", product, period, orig=orig)
            if chance(0.25):
                mean = 2.2 if plan == "gold" and c >= GOLD_PRICE_RISE else 2.8
                answer(p, c + timedelta(minutes=3), "cancel_flow", mean)
            return
        store(p, due + timedelta(minutes=R.uniform(0, 50)), "renew", product, period, price(due))
        if chance(0.04):
            ticket(p, due + timedelta(hours=R.uniform(1, 40)), "billing")


def dating_life(p, t0, xhs_campaign=False):
    """After the profile is complete: swiping days, matches, messages, video dates, purchases."""
    id_ok = False
    if chance(0.55 if not p.scammer else 0.0):
        tid = t0 + timedelta(hours=R.uniform(0.2, 200))
        id_ok = ev(
            p,
            tid,
            "idv_passed",
            idv_method=pick(["passport", "driver_licence", "pr_card"], [0.5, 0.35, 0.15]),
        )
    elif chance(0.06):
        ticket(p, t0 + timedelta(hours=R.uniform(2, 100)), "verification")
    # active days
    mean_gap = 2.5 if p.scammer else 4.0
    life = R.expovariate(1 / (14 if p.scammer else 70))
    if id_ok:
        life *= 1.4
    if xhs_campaign:
        life *= 0.5
    d = t0
    stop = t0 + timedelta(days=life)
    days = []
    first = True
    while d < stop and d < END:
        if not first:
            d = d + timedelta(days=R.expovariate(1 / mean_gap))
        first = False
        if d >= stop or d >= END:
            break
        days.append(d.date())
    toronto_june = False
    paywall_done = t0 < START - timedelta(days=20) and chance(0.85)
    n_active = 0
    for k, day in enumerate(days):
        dt = datetime(day.year, day.month, day.day)
        if p.banned and dt >= p.banned:
            break
        if p.gone and dt >= p.gone:
            break
        t = at(day, p.city) if k else t0 + timedelta(minutes=R.uniform(2, 30))
        likes = max(1, int(R.expovariate(1 / (220 if p.scammer else 28))))
        boost = 1.0
        if inw(dt, VALENTINE) or inw(dt, QIXI):
            boost = 1.5
            likes = int(likes * 1.4) + 1
        if not ev(p, t, "swipe_session", likes=likes):
            continue
        n_active += 1
        lam = (0.6 if p.gender == "F" else 0.22) * boost
        if p.scammer:
            lam = 1.6
        if id_ok:
            lam *= 1.25
        for _ in range(poisson(lam)):
            tm = t + timedelta(minutes=R.uniform(1, 40))
            mid = f"mt{nxt('match'):07d}"
            if not ev(p, tm, "match_created", match_id=mid):
                continue
            if not chance(0.45 if p.gender == "M" else 0.35) and not p.scammer:
                continue
            tf = tm + timedelta(hours=R.expovariate(1 / 5))
            if not ev(p, tf, "msg_first", match_id=mid):
                continue
            n = 1 + int(R.expovariate(1 / 3.2))
            tm2 = tf
            for _ in range(n):
                tm2 = tm2 + timedelta(hours=R.expovariate(1 / 9))
                ev(p, tm2, "msg_send", match_id=mid)
            vd_p = 0.34 if n >= 4 else 0.07
            if inw(tm, QIXI):
                vd_p *= 1.9
            if chance(vd_p) and not p.scammer:
                tv = tm2 + timedelta(days=R.uniform(0.2, 5))
                if ev(
                    p,
                    tv,
                    "video_date_end",
                    match_id=mid,
                    duration_min=int(5 + R.expovariate(1 / 22)),
                ) and chance(0.13):
                    answer(p, tv + timedelta(minutes=R.uniform(1, 30)), "post_video_date", 4.1)
        # Chinese New Year greetings: 拜年 messages to existing matches
        if inw(dt, CNY) and seq["match"] and not p.scammer:
            for _ in range(poisson(2)):
                ev(p, t + timedelta(minutes=R.uniform(5, 300)), "msg_send")
        # the June scam wave in Toronto: genuine users meet scam profiles, report them, leave
        if p.city == "TOR" and inw(dt, SCAM_WAVE) and not p.scammer:
            toronto_june = True
            live = [s for s in scammers if s.uid and s.registered < t]
            if chance(0.09) and live:
                s = R.choice(live)
                rt = t + timedelta(minutes=R.uniform(5, 200))
                reason = pick(["scam_fraud", "fake_profile", "harassment"], [0.55, 0.4, 0.05])
                report(p, rt, "REPORT", reason, "banned" if chance(0.85) else "pending", s.uid)
                if chance(0.25):
                    ticket(
                        p,
                        rt + timedelta(hours=R.uniform(0.5, 24)),
                        "safety",
                        "complaint" if chance(0.6) else "question",
                        slow=3.0,
                        mood=0.35,
                    )
                if chance(0.35):
                    report(p, rt + timedelta(minutes=1), "BLOCK", "", "", s.uid)
            if chance(0.045):  # fed up: uninstalls
                ev_uninstall(p, t + timedelta(hours=R.uniform(1, 48)))
                break
        elif not p.scammer:
            if chance(0.005):
                rt = t + timedelta(minutes=R.uniform(5, 200))
                reason = pick(
                    [
                        "fake_profile",
                        "scam_fraud",
                        "harassment",
                        "inappropriate_photos",
                        "spam",
                        "other",
                    ],
                    [0.3, 0.12, 0.25, 0.15, 0.12, 0.06],
                )
                action = pick(
                    ["banned", "warned", "no_violation", "pending"], [0.25, 0.3, 0.35, 0.1]
                )
                if rt < END - timedelta(days=10) and action == "pending":
                    action = "no_violation"
                report(p, rt, "REPORT", reason, action, "YL" + str(3100000 + R.randrange(9000)))
                if chance(0.15):
                    ticket(p, rt + timedelta(hours=R.uniform(0.5, 24)), "safety")
            if chance(0.009):
                report(
                    p,
                    t + timedelta(minutes=R.uniform(5, 200)),
                    "BLOCK",
                    "",
                    "",
                    "YL" + str(3100000 + R.randrange(9000)),
                )
        if p.scammer:
            continue
        # paywall after running out of likes
        if not paywall_done and (likes > 25 or n_active >= 3) and chance(0.55):
            paywall_done = True
            tp = t + timedelta(minutes=R.uniform(3, 40))
            if ev(
                p,
                tp,
                "paywall_shown",
                paywall_trigger=pick(
                    ["like_limit", "see_who_likes_you", "rewind"], [0.6, 0.3, 0.1]
                ),
            ):
                sub_p = 0.4 * (1.25 if id_ok else 1.0)
                if inw(tp, VALENTINE) or inw(tp, QIXI):
                    sub_p *= 1.35
                if chance(sub_p):
                    subscribe(p, tp, id_ok)
        if n_active >= 3 and chance(0.025):
            item = "boost" if chance(0.6) else "superlike5"
            store(
                p,
                t + timedelta(minutes=R.uniform(1, 30)),
                "consumable",
                item,
                "",
                local_price(p, CONSUMABLES[item]),
            )
        if chance(0.002):
            ticket(p, t + timedelta(hours=R.uniform(1, 20)), "login_issue")
    if p.scammer:
        return
    # churn: uninstall some time after the last active day
    last = datetime(days[-1].year, days[-1].month, days[-1].day) if days else t0
    un_p = 0.45 if not xhs_campaign else 0.6
    if p.gone_logged:
        return
    if chance(un_p):
        ev_uninstall(p, last + timedelta(days=R.uniform(1, 25), hours=R.uniform(0, 20)))
    if n_active >= 2 and chance(0.05):
        answer(
            p, last + timedelta(hours=R.uniform(0, 6)), "periodic", 3.7 if not toronto_june else 2.9
        )


scammers: list[Person] = []


def ev_uninstall(p, ts):
    if within(ts) and not p.gone_logged:
        events.append((ts, p, "uninstall", {}))
        p.gone_logged = True
        p.gone = ts


Person.gone_logged = False


def register(p, ts):
    p.uid = f"YL{nxt('uid')}"
    p.registered = ts
    members.append(p)


def newcomer(d, source=None, city=None, xhs_campaign=False, scammer=False):
    dt = datetime(d.year, d.month, d.day)
    source = source or pick(SOURCES, SOURCE_W)
    if city is None:
        w = list(CITY_W)
        if dt >= SEATTLE_LAUNCH:
            w[5] = 0.08
        city = pick(CITIES, w)
    p = Person(d, source, city)
    p.scammer = scammer
    if scammer:
        p.gender = "F" if chance(0.8) else "M"
        p.campaign = ""
    if xhs_campaign:
        p.campaign = "xhs_spring_love_2026"
    people.append(p)
    t = at(d, city)
    if (
        not ev(p, t, "install", store=("app_store" if p.os == "ios" else "google_play"))
        and t >= START
    ):
        return p
    reg_p = 0.97 if scammer else (0.62 if xhs_campaign else 0.76)
    if not chance(reg_p):
        if chance(0.5):
            ev_uninstall(p, t + timedelta(hours=R.uniform(0.2, 150)))
        return p
    tr = t + timedelta(minutes=R.uniform(1, 25) if chance(0.8) else R.uniform(60, 4000))
    if tr >= END:
        return p
    register(p, tr)
    ev(p, tr, "otp_verified")
    done_p = 0.97 if scammer else (0.24 if xhs_campaign else 0.66)
    if p.source == "af_app_invites":
        done_p = 0.75
    if not chance(done_p):
        if chance(0.7 if xhs_campaign else 0.5):
            ev_uninstall(p, tr + timedelta(hours=R.uniform(1, 240)))
        return p
    tc = tr + timedelta(minutes=R.uniform(4, 40) if chance(0.6) else R.uniform(120, 5000))
    if not ev(p, tc, "profile_complete", photos=R.choice([3, 3, 4, 4, 5, 6])) and tc >= START:
        return p
    if scammer:
        p.banned = tc + timedelta(days=R.uniform(2, 9))
    dating_life(p, tc, xhs_campaign)
    if scammer and p.banned and within(p.banned) and chance(0.3):
        ticket(
            p,
            p.banned + timedelta(hours=R.uniform(1, 48)),
            "ban_appeal",
            "complaint" if chance(0.3) else "question",
            mood=0.6,
        )
    return p


def install_weight(dt):
    w = 1.0
    if dt.weekday() in (5, 6):
        w *= 1.2
    if inw(dt, VALENTINE):
        w *= 2.1
    elif inw(dt, (datetime(2026, 2, 1), datetime(2026, 2, 8))):
        w *= 1.4
    if inw(dt, QIXI):
        w *= 1.9
    if inw(dt, (datetime(2025, 12, 20), datetime(2026, 1, 4))):
        w *= 1.15
    return w


def simulate():
    # the June scam wave in Toronto: scam profiles first, so that members can meet them
    for k in range((SCAM_WAVE[1] - SCAM_WAVE[0]).days):
        d = SCAM_WAVE[0].date() + timedelta(days=k)
        for _ in range(poisson(6)):
            scammers.append(newcomer(d, "organic", city="TOR", scammer=True))
    # members who joined before the data starts (their installs and sign-ups are not in it)
    for _ in range(2600):
        d = START.date() - timedelta(days=1 + int(R.expovariate(1 / 120)) % 400)
        newcomer(d, city=pick(CITIES[:5], CITY_W[:5]))
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(15.5 * install_weight(dt))):
            src = None
            if inw(dt, QIXI) and chance(0.35):
                src = pick(["xiaohongshu_kol", "wechat_group"], [0.5, 0.5])
            newcomer(d, src)
        if inw(dt, XHS_CAMPAIGN):
            for _ in range(poisson(24)):
                newcomer(d, "xiaohongshu_kol", xhs_campaign=True)
        if dt >= SEATTLE_LAUNCH:
            lam = 6.0 if dt < SEATTLE_LAUNCH + timedelta(days=21) else 1.6
            for _ in range(poisson(lam)):
                src = pick(
                    ["tiktokglobal_int", "wechat_group", "af_app_invites", "organic"],
                    [0.4, 0.25, 0.15, 0.2],
                )
                newcomer(d, src, city="SEA")
        if not inw(dt, SCAM_WAVE) and chance(0.15):
            newcomer(d, "organic", city=pick(CITIES[:5], [1, 1, 1, 1, 1]), scammer=True)


def iso_local(p, ts):
    """Pacific naive → the device's local time with its offset (ISO 8601)."""
    aware = ts.replace(tzinfo=PACIFIC).astimezone(CITY_TZ[p.city])
    return aware.isoformat()


def to_utc(ts):
    return ts.replace(tzinfo=PACIFIC).astimezone(UTC).replace(tzinfo=None)


def write(folder: Path):
    with open(folder / "app_events.jsonl", "w") as f:
        registered_at = {}
        for p in members:
            registered_at[id(p)] = p.registered
        for ts, p, name, extra in sorted(events, key=lambda r: (r[0], r[1].device, r[2])):
            obj = {"event_time": iso_local(p, ts), "device_id": p.device}
            if p.uid and ts >= registered_at[id(p)]:
                obj["uid"] = p.uid
            obj["event"] = name
            obj["media_source"] = p.source
            if name == "install" and p.campaign:
                obj["campaign"] = p.campaign
            obj["os"] = p.os
            obj["metro"] = METRO[p.city]
            obj.update(extra)
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "members.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["uid", "registered_at", "gender", "age_band", "home_city", "country", "app_lang"]
        )
        for p in sorted(members, key=lambda p: p.uid):
            w.writerow(
                [
                    p.uid,
                    f"{to_utc(p.registered):%Y-%m-%dT%H:%M:%S}Z",
                    p.gender,
                    p.age,
                    p.city,
                    "CA" if p.city in CANADA else "US",
                    p.lang,
                ]
            )
    apple_event = {
        "trial": "Start Introductory Offer",
        "convert": "Paid Subscription from Introductory Offer",
        "start_paid": "Start Paid Subscription",
        "renew": "Renewal",
        "cancel": "Cancel",
        "refund": "Refund",
        "consumable": "Consumable Purchase",
    }
    apple_dur = {"1m": "1 Month", "3m": "3 Months", "12m": "1 Year", "": ""}
    with open(folder / "appstore_transactions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Event Date",
                "Event",
                "Product ID",
                "Standard Subscription Duration",
                "Customer Price",
                "Customer Currency",
                "Price in USD",
                "Storefront",
                "App Account Token",
                "Transaction ID",
                "Original Transaction ID",
            ]
        )
        for ts, kind, product, period, amount, p, tid, orig in sorted(
            apple, key=lambda r: (r[0], r[6])
        ):
            lp, cur, usd = amount
            w.writerow(
                [
                    f"{to_utc(ts):%Y-%m-%d %H:%M:%S}",
                    apple_event[kind],
                    "com.yuanlai.app." + product.replace(".", "_"),
                    apple_dur[period],
                    "" if lp is None else f"{lp:.2f}",
                    cur or "",
                    "" if usd is None else f"{usd:.2f}",
                    "CAN" if p.city in CANADA else "USA",
                    p.uid,
                    tid,
                    orig,
                ]
            )
    google_type = {
        "trial": "Free trial",
        "convert": "Charge",
        "start_paid": "Charge",
        "renew": "Recurring charge",
        "cancel": "Subscription canceled",
        "refund": "Charge refund",
        "consumable": "In-app charge",
    }
    google_product = {
        "plus.1m": "yl_plus_monthly",
        "plus.3m": "yl_plus_quarterly",
        "plus.12m": "yl_plus_annual",
        "gold.1m": "yl_gold_monthly",
        "gold.3m": "yl_gold_quarterly",
        "gold.12m": "yl_gold_annual",
        "boost": "yl_boost_1",
        "superlike5": "yl_superlike_5",
    }
    with open(folder / "googleplay_orders.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Order Number",
                "Transaction Time",
                "Transaction Type",
                "Product id",
                "Buyer Country",
                "Buyer Currency",
                "Amount (Buyer Currency)",
                "Amount (USD)",
                "Obfuscated Account Id",
            ]
        )
        renewals: dict[str, int] = {}
        for ts, kind, product, _period, amount, p, base in sorted(
            google, key=lambda r: (r[0], r[6])
        ):
            lp, cur, usd = amount
            order = base
            if kind == "renew":
                renewals[base] = renewals.get(base, -1) + 1
                order = f"{base}..{renewals[base]}"
            hour = ts.hour % 12 or 12
            ampm = "AM" if ts.hour < 12 else "PM"
            w.writerow(
                [
                    order,
                    f"{ts:%b} {ts.day}, {ts.year} {hour}:{ts:%M:%S} {ampm}",
                    google_type[kind],
                    google_product[product],
                    "CA" if p.city in CANADA else "US",
                    cur or "",
                    "" if lp is None else f"{lp:.2f}",
                    "" if usd is None else f"{usd:.2f}",
                    p.uid,
                ]
            )

    def zt(ts):
        return f"{to_utc(ts):%Y-%m-%d %H:%M:%S} UTC" if ts else ""

    with open(folder / "zendesk_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Id",
                "Requester external id",
                "Created at",
                "First public reply at",
                "Solved at",
                "Tags",
                "Via",
                "Type",
                "Satisfaction Score",
                "Requester language",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], zt(r[2]), zt(r[3]), zt(r[4]), r[5], r[6], r[7], r[8], r[9]])
    with open(folder / "tns_reports.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "case_no",
                "created",
                "reporter_uid",
                "reported_uid",
                "type",
                "reason",
                "reviewer_action",
            ]
        )
        for r in sorted(tns, key=lambda r: (r[1], r[0])):
            w.writerow([r[0], f"{r[1]:%Y/%m/%d %H:%M}", r[2], r[3], r[4], r[5], r[6]])
    with open(folder / "in_app_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["response_id", "uid", "submitted_at", "trigger", "rating", "comment"])
        for r in sorted(survey, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%m/%d/%Y %H:%M}", r[3], r[4], r[5]])
    with open(folder / "spend_by_week.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Week Of", "Channel", "Market", "Spend (USD)"])
        base = {
            "Apple Search Ads": (2600, 900),
            "Google UAC": (1900, 700),
            "小红书达人": (1300, 500),
            "微信群": (350, 150),
            "TikTok Ads": (1500, 500),
            "邀请奖励": (250, 90),
        }
        wk = date(2025, 12, 7)  # first Sunday in the data
        while wk < END.date():
            dt = datetime(wk.year, wk.month, wk.day)
            for ch, (us, ca) in base.items():
                for market, amt in (("US", us), ("CA", ca)):
                    f_ = R.uniform(0.85, 1.15)
                    if inw(dt, (datetime(2026, 2, 1), datetime(2026, 2, 15))) and ch != "邀请奖励":
                        f_ *= 1.8
                    if inw(dt, (datetime(2026, 8, 9), datetime(2026, 8, 23))) and ch in (
                        "小红书达人",
                        "微信群",
                    ):
                        f_ *= 2.0
                    if ch == "小红书达人" and inw(dt, XHS_CAMPAIGN):
                        f_ *= 7.5
                    if (
                        ch == "TikTok Ads"
                        and market == "US"
                        and inw(
                            dt,
                            (
                                SEATTLE_LAUNCH - timedelta(days=6),
                                SEATTLE_LAUNCH + timedelta(days=22),
                            ),
                        )
                    ):
                        f_ *= 2.4
                    w.writerow([f"{wk.month}/{wk.day}/{wk.year}", ch, market, f"{amt * f_:.2f}"])
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="dating-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if os.environ.get("DATING_KEEP_SRC"):
            shutil.copytree(folder, os.environ["DATING_KEEP_SRC"], dirs_exist_ok=True)
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
