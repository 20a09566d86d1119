"""Langapp evaluation domain: LingoLeap, a language-learning app (CN, TW, SG, MY).

    python generate.py OUT.duckdb

Writes LingoLeap's own exports (seeded: the same files every run) to a temporary folder —

  app_events.jsonl          app event stream (snake_case, event_ts_ms = UTC epoch milliseconds,
                            device_id always, user_id only after sign-up)
  accounts.csv              app backend account table (created_at Asia/Shanghai)
  apple_subscriptions.csv   App Store subscription event report (Event Date 'YYYY-MM-DD')
  android_billing.csv       Google Play + Huawei/Xiaomi billing sheet (Date 'YYYY-MM-DD')
  tutor_bookings.csv        tutor booking system ('DD/MM/YYYY HH:mm', Asia/Taipei)
  zendesk_tickets.csv       support desk export
  marketing_spend.csv       daily spend sheet in USD by channel and campaign

The ingest tool cannot parse epoch milliseconds, so the data team's pre-step adds
`event_time_utc` (ISO 8601 with Z) next to `event_ts_ms` before loading; then
connectors.ingest.ingest and ingest.yaml load everything into OUT.duckdb. Stories: description.md.
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

SEED = 20261205
START = datetime(2025, 12, 5)
END = datetime(2026, 12, 5)  # as_of; data ends the day before
N_DAYS = (END - START).days
NEW_YEAR = (datetime(2026, 1, 1), datetime(2026, 1, 21))
ANDROID_BUG = (datetime(2026, 4, 12, 10), datetime(2026, 4, 15, 12))  # v5.8.0 -> fixed by v5.8.1
PRICE_UP = datetime(2026, 6, 1)
SUMMER = (datetime(2026, 7, 1), datetime(2026, 9, 1))
STREAK_FREEZE = datetime(2026, 9, 9)
BILI = (datetime(2026, 10, 8), datetime(2026, 11, 1))

R = random.Random(SEED)

COUNTRIES = ["CN", "TW", "SG", "MY"]
COUNTRY_W = [0.6, 0.18, 0.1, 0.12]
CURRENCY = {"CN": "CNY", "TW": "TWD", "SG": "SGD", "MY": "MYR"}
MONTHLY = {"CNY": 68.0, "TWD": 290.0, "SGD": 12.98, "MYR": 39.9}
ANNUAL_OLD = {"CNY": 398.0, "TWD": 1690.0, "SGD": 78.0, "MYR": 238.0}
ANNUAL_NEW = {"CNY": 468.0, "TWD": 1990.0, "SGD": 92.0, "MYR": 278.0}
COURSE_PRICE = {"CNY": 128.0, "TWD": 550.0, "SGD": 24.0, "MYR": 75.0}
COURSES = ["en", "ja", "ko", "es"]
COURSE_W = {
    "CN": [0.5, 0.25, 0.18, 0.07],
    "TW": [0.35, 0.35, 0.22, 0.08],
    "SG": [0.1, 0.4, 0.35, 0.15],
    "MY": [0.3, 0.3, 0.3, 0.1],
}
# media sources as the attribution SDK writes them, with spend sheet names
SOURCES_CN = ["douyin", "bilibili", "xiaohongshu", "referral", "organic"]
SOURCES_CN_W = [0.3, 0.12, 0.2, 0.13, 0.25]
SOURCES_SEA = ["meta", "google_uac", "referral", "organic"]
SOURCES_SEA_W = [0.35, 0.3, 0.1, 0.25]
BASE_TRIAL = {
    "douyin": 0.13,
    "bilibili": 0.12,
    "xiaohongshu": 0.17,
    "meta": 0.13,
    "google_uac": 0.11,
    "referral": 0.22,
    "organic": 0.18,
}
CAMPAIGN = {
    "douyin": "DY_AlwaysOn",
    "bilibili": "BILI_AlwaysOn",
    "xiaohongshu": "XHS_Notes",
    "meta": "META_SEA_AO",
    "google_uac": "UAC_SEA_Install",
}
HOURS = [
    0.5,
    0.2,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    1.8,
    2.2,
    1.6,
    1.3,
    1.4,
    2.0,
    1.8,
    1.3,
    1.3,
    1.4,
    1.7,
    2.2,
    2.8,
    3.4,
    3.8,
    3.2,
    1.6,
]


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


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(
        d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60), R.randrange(1000) * 1000
    )


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


events, accounts, apple, android, tutors, tickets = ([] for _ in range(6))
seq = {"dev": 0, "user": 100000, "tk": 48000, "bk": 0, "ord": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, country):
        self.country = country
        self.cur = CURRENCY[country]
        self.device = f"dv-{nxt('dev') * 7919 % 1000003:07x}{R.randrange(16**5):05x}"
        self.uid = None
        cn = country == "CN"
        self.platform = pick(["ios", "android"], [0.42, 0.58] if cn else [0.45, 0.55])
        if self.platform == "ios":
            self.store = "app_store"
        elif cn:
            self.store = pick(
                ["huawei_appgallery", "xiaomi_store", "google_play"], [0.5, 0.42, 0.08]
            )
        else:
            self.store = "google_play"
        self.course = pick(COURSES, COURSE_W[country])
        self.goal = pick(["exam", "travel", "work", "hobby"], [0.25, 0.3, 0.25, 0.2])
        self.premium_until = None
        self.plan = None


def ev(p, ts, name, **kw):
    if not within(ts):
        return False
    version = "5.7.2"
    if ts >= datetime(2026, 4, 12, 10):
        version = "5.8.0"
    if ts >= ANDROID_BUG[1]:
        version = "5.8.1"
    if ts >= datetime(2026, 9, 9):
        version = "6.0.0"
    if p.platform == "ios":
        version = {"5.8.0": "5.8.0", "5.8.1": "5.8.0"}.get(version, version)
    row = {
        "event_name": name,
        "event_ts_ms": int((ts - timedelta(hours=8) - datetime(1970, 1, 1)).total_seconds() * 1000),
        "device_id": p.device,
        "user_id": p.uid,
        "platform": p.platform,
        "app_version": version,
        "country": p.country,
        "course": p.course,
        "source": kw.pop("source", "app"),
    }
    row.update(kw)
    events.append(row)
    return True


def ticket(p, ts, cat, via=None, mood=0.0, slow=1.0):
    if not within(ts):
        return
    via = via or pick(
        ["mobile_sdk", "email", "wechat", "web"],
        [0.45, 0.2, 0.25 if p.country == "CN" else 0.02, 0.1],
    )
    fr = R.uniform(0.2, 6) * slow if via != "email" else R.uniform(2, 20) * slow
    solved = ts + timedelta(hours=fr + R.uniform(1, 48) * slow)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        (
            nxt("tk"),
            p.uid or "",
            p.device if not p.uid else "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END else None,
            cat,
            via,
            p.platform,
            csat,
            "complaint" if mood > 1 and chance(0.5) else "",
        )
    )


def store_row(p, d, kind, plan, price):
    if not within(datetime(d.year, d.month, d.day)):
        return
    if p.store == "app_store":
        names = {
            "trial": "Start Introductory Offer",
            "convert": "Paid Subscription from Introductory Offer",
            "renew": "Renewal",
            "cancel": "Cancel",
            "refund": "Refund",
        }
        prod = {"monthly": "LingoLeap Premium Monthly", "annual": "LingoLeap Premium Annual"}[plan]
        apple.append((d, names[kind], prod, f"{price:.2f}", p.cur, p.country, p.uid))
    else:
        names = {
            "trial": "FREE_TRIAL_STARTED",
            "convert": "SUBSCRIPTION_PURCHASED",
            "renew": "SUBSCRIPTION_RENEWED",
            "cancel": "SUBSCRIPTION_CANCELED",
            "refund": "SUBSCRIPTION_REFUNDED",
        }
        prod = {"monthly": "premium_monthly", "annual": "premium_annual"}[plan]
        pay = (
            "google_play_billing"
            if p.store == "google_play"
            else pick(["wechat_pay", "alipay"], [0.6, 0.4])
        )
        android.append(
            (d, p.store, names[kind], f"lingoleap.{prod}", price, p.cur, pay, p.uid, p.country)
        )


def subscribe(p, t):
    """A 7-day trial from t, then maybe a paid plan, renewals, cancellations, refunds."""
    annual_share = 0.45 if t < PRICE_UP else 0.27
    plan = pick(["monthly", "annual"], [1 - annual_share, annual_share])
    ev(p, t, "trial_start", plan=plan)
    store_row(p, t.date(), "trial", plan, 0.0)
    conv = 0.52 if t < STREAK_FREEZE else 0.56
    if not chance(conv):
        store_row(p, (t + timedelta(days=R.uniform(0.5, 6.5))).date(), "cancel", plan, 0.0)
        return None
    paid = (t + timedelta(days=7)).date()
    price = (
        (ANNUAL_OLD if datetime(paid.year, paid.month, paid.day) < PRICE_UP else ANNUAL_NEW)[p.cur]
        if plan == "annual"
        else MONTHLY[p.cur]
    )
    if datetime(paid.year, paid.month, paid.day) >= END:
        return None
    store_row(p, paid, "convert", plan, price)
    p.plan = plan
    if chance(0.035):
        store_row(p, paid + timedelta(days=R.randrange(1, 12)), "refund", plan, -price)
        return None
    if plan == "monthly":
        d = paid
        while True:
            if chance(0.16):
                store_row(p, d + timedelta(days=R.randrange(3, 28)), "cancel", plan, 0.0)
                break
            d = d + timedelta(days=30)
            if datetime(d.year, d.month, d.day) >= END:
                break
            store_row(p, d, "renew", plan, price)
        p.premium_until = datetime(d.year, d.month, d.day)
    else:
        if chance(0.12):
            store_row(p, paid + timedelta(days=R.randrange(20, 300)), "cancel", plan, 0.0)
        p.premium_until = datetime(paid.year, paid.month, paid.day) + timedelta(days=365)
    return plan


def activity(p, start, existing=False):
    """Daily learning until churn: lessons, streaks, pushes, crashes, tickets, tutors."""
    d = start
    streak = 0
    for _ in range(400):
        d = d + timedelta(days=1)
        if d >= END:
            return
        prem = p.premium_until is not None and d < p.premium_until
        hazard = 0.075 if not prem else 0.03
        if d >= STREAK_FREEZE:
            hazard *= 0.62
        if existing:
            hazard *= 0.5
        if chance(hazard):
            return
        if not chance(0.55 if not prem else 0.7):
            if streak >= 3 and d >= STREAK_FREEZE and chance(0.5):
                ev(p, at(d.date()), "streak_freeze_used", streak_days=streak)
            else:
                streak = 0
            continue
        t = at(d.date())
        src = "app"
        if chance(0.3):
            ev(
                p,
                t,
                "push_open",
                source="push",
                push_type=pick(["streak_reminder", "daily_goal", "promo"], [5, 3, 1]),
            )
            src = "push"
        bug = p.platform == "android" and inw(t, ANDROID_BUG)
        for k in range(R.choice([1, 1, 1, 2, 2, 3])):
            lt = t + timedelta(minutes=1 + 12 * k + R.uniform(0, 3))
            lesson = f"{p.course}-L{R.randrange(1, 240):03d}"
            ev(p, lt, "lesson_start", lesson_id=lesson, entry=src)
            if bug and chance(0.7):
                ev(p, lt + timedelta(seconds=R.uniform(5, 60)), "app_crash", lesson_id=lesson)
                if k == 0 and chance(0.2):
                    ticket(
                        p,
                        lt + timedelta(minutes=R.uniform(3, 240)),
                        "lesson_crash",
                        mood=1.6,
                        slow=3.0,
                    )
                break
            if chance(0.82):
                ev(
                    p,
                    lt + timedelta(minutes=R.uniform(5, 14)),
                    "lesson_complete",
                    lesson_id=lesson,
                    xp=R.choice([10, 15, 20]),
                )
        streak += 1
        if streak in (7, 30, 100):
            ev(p, t + timedelta(minutes=20), "streak_milestone", streak_days=streak)
        if prem and p.uid and chance(0.012):
            bt = t + timedelta(minutes=30)
            session = datetime(
                bt.year, bt.month, bt.day, R.choice([9, 10, 14, 19, 20, 21])
            ) + timedelta(days=R.randrange(1, 6))
            status = pick(["Completed", "No-show", "Cancelled"], [0.82, 0.07, 0.11])
            if within(bt) and session < END:  # the export holds sessions already held
                tutors.append(
                    (
                        f"TB{nxt('bk'):06d}",
                        p.uid,
                        bt,
                        session,
                        status,
                        p.course,
                        R.choice(
                            ["Ms. Lin", "Mr. Chen", "Yuki S.", "Min-ji K.", "Sofia R.", "Emma W."]
                        ),
                        pick([25, 50], [0.6, 0.4]),
                    )
                )
        if not prem and p.uid and chance(0.01):
            ev(
                p,
                t + timedelta(minutes=25),
                "course_purchase",
                order_id=f"CO{nxt('ord'):07d}",
                price=COURSE_PRICE[p.cur],
                currency=p.cur,
                course_pack=pick(["Exam sprint", "Travel phrases", "Business basics"], [2, 2, 1]),
            )
        if chance(0.004):
            ticket(
                p,
                t + timedelta(hours=R.uniform(0, 5)),
                pick(
                    ["billing", "account_login", "course_content", "tutor_booking", "other"],
                    [3, 3, 2, 1, 2],
                ),
            )


def newcomer(d, source=None):
    day0 = datetime(d.year, d.month, d.day)
    if source is None:
        country = pick(COUNTRIES, COUNTRY_W)
        source = (
            pick(SOURCES_CN, SOURCES_CN_W) if country == "CN" else pick(SOURCES_SEA, SOURCES_SEA_W)
        )
    else:
        country = "CN"
    p = Person(country)
    campaign = CAMPAIGN.get(source)
    if inw(day0, NEW_YEAR) and source in ("douyin", "xiaohongshu", "meta"):
        campaign = {
            "douyin": "DY_NewYear_2026",
            "xiaohongshu": "XHS_NewYear_Goals",
            "meta": "META_SEA_NewYear",
        }[source]
    if inw(day0, SUMMER) and source in ("xiaohongshu", "douyin"):
        campaign = {"douyin": "DY_Summer_Student", "xiaohongshu": "XHS_Summer_Student"}[source]
        if chance(0.5):
            p.goal = "exam"
    if inw(day0, BILI) and source == "bilibili":
        campaign = "BILI_Autumn_Sprint"
    t = at(d)
    ev(p, t, "app_install", source=source, campaign=campaign, store=p.store)
    if not chance(0.68 if source != "bilibili" or not inw(day0, BILI) else 0.45):
        if chance(0.5):
            ev(
                p,
                t + timedelta(minutes=R.uniform(1, 6)),
                "lesson_start",
                lesson_id=f"{p.course}-L001",
                entry="app",
            )
        return p
    t = t + timedelta(minutes=R.uniform(1, 8))
    p.uid = f"LL{nxt('user')}"
    method = pick(
        ["phone", "wechat", "apple_id", "google"],
        [0.45, 0.4, 0.15, 0.0] if country == "CN" else [0.25, 0.0, 0.35, 0.4],
    )
    if p.platform != "ios" and method == "apple_id":
        method = "phone"
    ev(p, t, "sign_up", method=method)
    accounts.append((p.uid, t, p.device, country, method, p.course, p.goal, source))
    if chance(0.75):
        t = t + timedelta(minutes=R.uniform(3, 12))
        ev(p, t, "placement_test_done", level=pick(["A1", "A2", "B1", "B2"], [4, 3, 2, 1]))
    ev(
        p,
        t + timedelta(minutes=R.uniform(1, 3)),
        "lesson_start",
        lesson_id=f"{p.course}-L001",
        entry="app",
    )
    ev(
        p,
        t + timedelta(minutes=R.uniform(6, 12)),
        "lesson_complete",
        lesson_id=f"{p.course}-L001",
        xp=10,
    )
    q = BASE_TRIAL[source] / 0.68
    if inw(day0, NEW_YEAR):
        q *= 1.35
    if inw(day0, SUMMER):
        q *= 1.1
    if source == "bilibili" and inw(day0, BILI):
        q = 0.06
    if chance(0.6):
        ev(p, t + timedelta(minutes=R.uniform(10, 30)), "paywall_view", placement="onboarding")
    if chance(q):
        tt = t + (
            timedelta(minutes=R.uniform(12, 40)) if chance(0.6) else timedelta(days=R.uniform(1, 6))
        )
        ev(p, tt - timedelta(minutes=1), "paywall_view", placement="trial_offer")
        subscribe(p, tt)
    activity(p, day0)
    return p


def existing_member():
    p = Person(pick(COUNTRIES, COUNTRY_W))
    p.uid = f"LL{nxt('user')}"
    created = START - timedelta(days=R.uniform(20, 700))
    method = "wechat" if p.country == "CN" and chance(0.5) else "phone"
    accounts.append((p.uid, created, p.device, p.country, method, p.course, p.goal, "organic"))
    if chance(0.55):
        p.plan = pick(["monthly", "annual"], [0.6, 0.4])
        p.premium_until = END if p.plan == "annual" else None
        if p.plan == "monthly":
            d = START.date() + timedelta(days=R.randrange(30))
            price = MONTHLY[p.cur]
            while datetime(d.year, d.month, d.day) < END:
                if chance(0.07):
                    store_row(p, d + timedelta(days=R.randrange(2, 25)), "cancel", "monthly", 0.0)
                    break
                store_row(p, d, "renew", "monthly", price)
                d += timedelta(days=30)
            p.premium_until = datetime(d.year, d.month, d.day)
        else:
            d = START.date() + timedelta(days=R.randrange(N_DAYS))
            price = (ANNUAL_OLD if datetime(d.year, d.month, d.day) < PRICE_UP else ANNUAL_NEW)[
                p.cur
            ]
            if chance(0.8):
                store_row(p, d, "renew", "annual", price)
            else:
                store_row(p, d - timedelta(days=R.randrange(3, 20)), "cancel", "annual", 0.0)
    activity(p, START - timedelta(days=1), existing=True)


def install_rate(d):
    dt = datetime(d.year, d.month, d.day)
    w = 22.0 * (1.12 if d.weekday() >= 5 else 1.0)
    if inw(dt, NEW_YEAR):
        w *= 1.9
    if inw(dt, SUMMER):
        w *= 1.45
    if datetime(2026, 2, 14) <= dt < datetime(2026, 2, 24):  # Spring Festival dip
        w *= 0.7
    return w


def simulate():
    for _ in range(650):
        existing_member()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        for _ in range(poisson(install_rate(d))):
            newcomer(d)
        if inw(dt, BILI):
            for _ in range(poisson(38)):
                newcomer(d, "bilibili")


def spend_rows():
    rows = []
    base = {"Douyin": 1300, "Bilibili": 520, "Xiaohongshu": 760, "Meta": 650, "Google UAC": 540}
    code = {
        "Douyin": "douyin",
        "Bilibili": "bilibili",
        "Xiaohongshu": "xiaohongshu",
        "Meta": "meta",
        "Google UAC": "google_uac",
    }
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        for ch, amt in base.items():
            f = R.uniform(0.85, 1.15)
            src = code[ch]
            camp = CAMPAIGN[src]
            if inw(dt, NEW_YEAR) and ch in ("Douyin", "Xiaohongshu", "Meta"):
                f *= 2.0
                camp = {
                    "Douyin": "DY_NewYear_2026",
                    "Xiaohongshu": "XHS_NewYear_Goals",
                    "Meta": "META_SEA_NewYear",
                }[ch]
            if inw(dt, SUMMER) and ch in ("Douyin", "Xiaohongshu"):
                f *= 1.5
                camp = {"Douyin": "DY_Summer_Student", "Xiaohongshu": "XHS_Summer_Student"}[ch]
            rows.append((d, ch, camp, round(amt * f, 2)))
            if ch == "Bilibili" and inw(dt, BILI):
                rows[-1] = (d, ch, camp, round(amt * f, 2))
                rows.append((d, ch, "BILI_Autumn_Sprint", round(R.uniform(5200, 6400), 2)))
    return rows


def write(folder: Path):
    # the app's raw export: epoch ms, then the pre-step adds event_time_utc (ingest reads no epochs)
    with open(folder / "app_events.jsonl", "w") as f:
        for row in sorted(
            events, key=lambda r: (r["event_ts_ms"], r["device_id"], r["event_name"])
        ):
            ms = row["event_ts_ms"]
            out = dict(row)
            out["event_time_utc"] = (datetime(1970, 1, 1) + timedelta(milliseconds=ms)).strftime(
                "%Y-%m-%dT%H:%M:%S.%f"
            )[:-3] + "Z"
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    with open(folder / "accounts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "user_id",
                "created_at",
                "first_device_id",
                "country_code",
                "signup_method",
                "target_language",
                "learning_goal",
                "install_source",
            ]
        )
        for r in sorted(accounts, key=lambda r: r[0]):
            w.writerow([r[0], f"{r[1]:%Y-%m-%d %H:%M:%S}", *list(r[2:])])
    with open(folder / "apple_subscriptions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Event Date",
                "Event",
                "Subscription Name",
                "Customer Price",
                "Customer Currency",
                "Country",
                "App Account Token",
            ]
        )
        for r in sorted(apple, key=lambda r: (r[0], r[6], r[1])):
            w.writerow([f"{r[0]:%Y-%m-%d}", *list(r[1:])])
    with open(folder / "android_billing.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Date",
                "Store",
                "Event Type",
                "Product ID",
                "Item Price",
                "Currency of Sale",
                "Payment Method",
                "Obfuscated External Account ID",
                "Country of Buyer",
            ]
        )
        for r in sorted(android, key=lambda r: (r[0], r[7], r[2])):
            w.writerow([f"{r[0]:%Y-%m-%d}", r[1], r[2], r[3], f"{r[4]:.2f}", *list(r[5:])])
    lang = {"en": "English", "ja": "Japanese", "ko": "Korean", "es": "Spanish"}
    with open(folder / "tutor_bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Booking No",
                "Member ID",
                "Booked At",
                "Session Start",
                "Status",
                "Language",
                "Tutor",
                "Duration (min)",
                "Fee (TWD)",
            ]
        )
        for r in sorted(tutors, key=lambda r: r[0]):
            fee = 450 if r[7] == 25 else 800
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%d/%m/%Y %H:%M}",
                    f"{r[3]:%d/%m/%Y %H:%M}",
                    r[4],
                    lang[r[5]],
                    r[6],
                    r[7],
                    fee,
                ]
            )

    def zd(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "zendesk_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Id",
                "Requester external id",
                "Device ID [custom]",
                "Created at",
                "First reply at",
                "Solved at",
                "Category [custom]",
                "Via",
                "Platform [custom]",
                "CSAT (1-5) [custom]",
                "Tags",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [r[0], r[1], r[2], zd(r[3]), zd(r[4]), zd(r[5]), r[6], r[7], r[8], r[9], r[10]]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["date", "channel", "campaign", "spend_usd"])
        for d, ch, camp, amt in spend_rows():
            w.writerow([f"{d:%Y/%m/%d}", ch, camp, f"{amt:.2f}"])


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="langapp-src-") as tmp:
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
