"""Recruiting marketplace evaluation domain: Hirely (UK, Ireland, Netherlands, Germany, Poland).

    python generate.py OUT.duckdb

Writes Hirely's own exports (seeded: the same files on every run) into a temporary folder —

  analytics/YYYY-MM.jsonl     product analytics tool, one file per month: Title Case event names plus
                              two legacy snake_case ones from the old app (cv_upload, jobalert_click);
                              device_id always, user_id (account id) once logged in, UTC times with Z
  accounts.csv                the platform's accounts table: candidates and employers in one table
  billing_invoices.csv        the billing system's paid invoices (GBP / EUR / PLN, with finance's
                              amount_gbp at the fixed budget rates)
  esp_sends.csv               the email service provider's job-alert send log (UTC)
  helpdesk_export.csv         the help desk's ticket export (UK dates, London time)
  paid_media_spend.csv        marketing's daily spend sheet per source × campaign (GBP)

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library only (plus the project for the load).

Planted stories (see description.md):
  1. Indeed apply completion collapses from Mon 2026-06-08 (Apply Started → Application Submitted
     ≈ 70 % → ≈ 25 % in Indeed sessions).
  2. Poland support slows down from 2026-07-01: first response and resolution times of tickets
     from PL accounts more than double, CSAT drops.
  3. LinkedIn Ads "Hire in 48h" employer free-trial campaign, 2026-04-13 … 2026-05-31: lots of
     employer sign-ups and job posts, almost no upgrades, big spend.
  4. Referral candidates stay active far longer (weekly retention); Google Jobs ones least.
  5. Job alerts switched from instant to a 06:00 daily digest on Mon 2026-08-03: click-through
     within a day falls from ≈ 16 % to ≈ 6 %.
  6. January job-hunt peak (candidate sign-ups and applications), August dip.
  7. Germany scam-job wave, September 2026: spam / scam reports and rejected job posts spike.
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
import sys
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = next(
    (p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                 Path(os.environ.get("TPA_REPO", "/work/main")))
     if p is not None and (p / "connectors" / "ingest").is_dir()),
    Path("/work/main"),
)
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261014
START = datetime(2025, 10, 14)
END = datetime(2026, 10, 14)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
LON = ZoneInfo("Europe/London")

INDEED_BREAK = datetime(2026, 6, 8)
PL_SLOW = datetime(2026, 7, 1)
HIRE48 = (datetime(2026, 4, 13), datetime(2026, 6, 1))
DIGEST = datetime(2026, 8, 3)
SCAM_WAVE = (datetime(2026, 9, 1), datetime(2026, 10, 1))

R = random.Random(SEED)

# raw utm_source codes as the analytics tool records them
SEO, GJOBS, LINKEDIN, INDEED, REFERRAL, EMAIL, DIRECT, NONE = (
    "seo", "google_jobs", "linkedin", "indeed", "referral", "email", "(direct)", "(none)")
CAMPAIGN = {LINKEDIN: "Always-on Candidates", GJOBS: "Sponsored Jobs", INDEED: "Sponsored Listings"}

COUNTRIES = ["GB", "IE", "NL", "DE", "PL"]
COUNTRY_W = [0.38, 0.08, 0.16, 0.22, 0.16]
CITIES = {
    "GB": (["London", "Manchester", "Birmingham", "Leeds", "Bristol", "Edinburgh"], [40, 15, 13, 10, 10, 12]),
    "IE": (["Dublin", "Cork", "Galway"], [70, 20, 10]),
    "NL": (["Amsterdam", "Rotterdam", "Utrecht", "'s-Hertogenbosch", "Eindhoven"], [40, 22, 16, 10, 12]),
    "DE": (["Berlin", "München", "Hamburg", "Düsseldorf", "Köln", "Frankfurt am Main"], [28, 18, 15, 15, 12, 12]),
    "PL": (["Warszawa", "Kraków", "Wrocław", "Gdańsk", "Łódź", "Poznań"], [35, 22, 14, 10, 10, 9]),
}
CURRENCY = {"GB": "gbp", "IE": "eur", "NL": "eur", "DE": "eur", "PL": "pln"}
TO_GBP = {"gbp": 1.0, "eur": 0.86, "pln": 0.20}  # finance's fixed 2026 budget rates
PRICE = {  # monthly list prices in local currency; annual = 10 × monthly
    "Starter": {"gbp": 49, "eur": 59, "pln": 249},
    "Growth": {"gbp": 149, "eur": 179, "pln": 749},
    "Enterprise": {"gbp": 499, "eur": 599, "pln": 2490},
}
INDUSTRIES = ["Technology", "Healthcare", "Logistics", "Hospitality", "Finance", "Retail", "Engineering"]
IND_W = [24, 15, 14, 12, 12, 11, 12]
SENIORITY = ["Entry level", "Mid level", "Senior", "Lead / Manager"]
SEN_W = [30, 40, 22, 8]
MONTH_W = {1: 1.9, 2: 1.35, 3: 1.1, 4: 1.0, 5: 1.0, 6: 0.95, 7: 0.85, 8: 0.6, 9: 1.15, 10: 1.1, 11: 1.0, 12: 0.7}
# weekly probability that a candidate keeps job hunting, by acquisition source (story 4)
STAY = {REFERRAL: 0.84, DIRECT: 0.74, SEO: 0.70, LINKEDIN: 0.68, INDEED: 0.66, GJOBS: 0.45}


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


_HOURS = {
    "digital": [0.6, 0.3, 0.2, 0.1, 0.1, 0.3, 1, 2, 3, 3.5, 3.5, 3.2, 3.5, 3.2, 3, 3, 3, 3, 3.5, 4.5, 5, 4.5, 3, 1.5],
    "work": [0] * 7 + [1, 4, 6, 6, 5, 3, 5, 6, 6, 5, 3, 1, 0.5, 0.3, 0, 0, 0],
}
_CUM = {k: list(itertools.accumulate(v)) for k, v in _HOURS.items()}


def at(day: date, kind: str = "digital") -> datetime:
    hour = R.choices(range(24), cum_weights=_CUM[kind])[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def within(ts: datetime) -> bool:
    return START <= ts < END


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


DAYS = [START.date() + timedelta(days=i) for i in range(N_DAYS)]
DAY_W = [MONTH_W[d.month] * (0.8 if d.weekday() >= 5 else 1.0) for d in DAYS]
DAY_CUM = list(itertools.accumulate(DAY_W))


def signup_day() -> date:
    return R.choices(DAYS, cum_weights=DAY_CUM)[0]


# ----------------------------------------------------------------------------------------------
# rows each system writes
# ----------------------------------------------------------------------------------------------
ev_rows: list[dict] = []        # analytics
acc_rows: list[dict] = []       # accounts
inv_rows: list[dict] = []       # billing
send_rows: list[tuple] = []     # ESP
tix_rows: list[dict] = []       # help desk
_seq = {"acc": 0, "dev": 0, "inv": 0, "tix": 0, "send": 0, "job": 0, "cus": 0}


def nxt(kind: str) -> int:
    _seq[kind] += 1
    return _seq[kind]


EMPLOYERS: list = []


class Person:
    def __init__(self, side: str):
        self.side = side
        self.device = sha("dev-%d" % nxt("dev"))[:8] + "-%04x" % R.randrange(16**4)
        self.account = None
        self.email = None
        self.country = pick(COUNTRIES, COUNTRY_W)
        cities, w = CITIES[self.country]
        self.city = pick(cities, w)
        self.platform = pick(["Web", "iOS", "Android"], [55, 25, 20]) if side == "candidate" else pick(
            ["Web", "iOS"], [92, 8])
        self.industry = pick(INDUSTRIES, IND_W)
        self.seniority = pick(SENIORITY, SEN_W)
        self.source = None
        self.created = None
        self.applied_once = False
        self.hired = None
        self.customer = None
        self.plan = "free"


def make_account(p: Person, ts: datetime, source: str, **extra) -> None:
    n = nxt("acc")
    p.account = ("c" if p.side == "candidate" else "e") + sha(f"acc-{n}")[:11]
    p.email = sha(f"mail-{n}@example")
    p.created = ts
    p.source = source
    acc_rows.append({"p": p, **extra})


def ev(p: Person, ts: datetime, name: str, source: str, session: int | None, logged_in: bool = True,
       campaign: str = "", job_category: str = "") -> bool:
    if not within(ts):
        return False
    ev_rows.append({
        "event_type": name, "ts": ts, "device_id": p.device,
        "user_id": p.account if logged_in else None, "session_id": session,
        "utm_source": source, "utm_campaign": campaign, "platform": p.platform,
        "job_category": job_category,
    })
    return True


def session_id(ts: datetime) -> int:
    return int(ts.replace(tzinfo=LON).timestamp() * 1000) + R.randrange(1000)


def job_cat(p: Person) -> str:
    return p.industry if chance(0.7) else pick(INDUSTRIES, IND_W)


# ----------------------------------------------------------------------------------------------
# candidates
# ----------------------------------------------------------------------------------------------
def apply_flow(p: Person, t: datetime, source: str, sid: int, camp: str, cat: str) -> datetime:
    """Apply Started → (cv_upload on the first application) → Application Submitted → ATS steps."""
    t += timedelta(minutes=R.uniform(0.5, 4))
    ev(p, t, "Apply Started", source, sid, campaign=camp, job_category=cat)
    if not p.applied_once and chance(0.9):
        t += timedelta(minutes=R.uniform(1, 5))
        ev(p, t, "cv_upload", source, sid, campaign=camp)
    done = 0.72 if p.platform == "Web" else 0.64
    if source == INDEED and t >= INDEED_BREAK:
        done = 0.22  # story 1: Indeed's apply redirect drops our form
    if not chance(done):
        return t
    t += timedelta(minutes=R.uniform(2, 12))
    if not ev(p, t, "Application Submitted", source, sid, campaign=camp, job_category=cat):
        return t
    p.applied_once = True
    p_int = {"Entry level": 0.10, "Mid level": 0.14, "Senior": 0.18, "Lead / Manager": 0.2}[p.seniority]
    if p.source == REFERRAL:
        p_int += 0.06
    if chance(p_int):
        ti = t + timedelta(days=R.uniform(3, 21), hours=R.uniform(-3, 3))
        if ev(p, ti, "Interview Scheduled", NONE, None, job_category=cat) and chance(0.3):
            to = ti + timedelta(days=R.uniform(5, 28))
            if ev(p, to, "Offer Accepted", NONE, None, job_category=cat):
                p.hired = to
    return t


def candidate_session(p: Person, day: date, source: str, first: bool = False) -> None:
    t = at(day)
    if not within(t):
        return
    if p.hired and t > p.hired + timedelta(days=10):
        return
    sid = session_id(t)
    camp = CAMPAIGN.get(source, "")
    logged = not first
    cat = job_cat(p)
    if not first and chance(0.55):
        ev(p, t, "Search Performed", source, sid, logged, camp)
        t += timedelta(minutes=R.uniform(0.3, 3))
    n_views = pick([1, 2, 3], [50, 32, 18])
    for _ in range(n_views):
        cat = job_cat(p)
        ev(p, t, "Job Viewed", source, sid, logged, camp, cat)
        t += timedelta(minutes=R.uniform(0.5, 6))
    if first:
        t += timedelta(minutes=R.uniform(0.5, 3))
        ev(p, t, "Signed Up", source, sid, True, camp)
    if chance(0.55 if first else 0.3):
        apply_flow(p, t, source, sid, camp, cat)


def candidates(n: int) -> None:
    for _ in range(n):
        p = Person("candidate")
        src = pick([SEO, GJOBS, LINKEDIN, INDEED, REFERRAL, DIRECT], [25, 22, 14, 18, 8, 13])
        returning = chance(0.12)
        if returning:  # account from before the year, back on the market on some day of it
            d0 = signup_day()
            created = datetime(2023, 1, 1) + timedelta(days=R.uniform(0, 1000))
            make_account(p, created, src)
            p.applied_once = True
            candidate_session(p, d0, pick([DIRECT, SEO, src], [4, 3, 3]))
        else:
            d0 = signup_day()
            t0 = at(d0)
            make_account(p, t0, src)
            # sign-up session (the Signed Up time is inside it; the account row uses the session start)
            candidate_session(p, d0, src, first=True)
        subscribed = chance(0.33)
        if subscribed:
            alerts(p, d0)
        if chance(0.085 if p.country != "PL" else 0.16):
            cat = pick(["account", "spam_scam_report"], [70, 30])
            ticket(p, datetime.combine(d0, datetime.min.time()) + timedelta(days=R.uniform(0, 60)), cat)
        stay = STAY[src]
        wk = 1
        while chance(stay) and wk < 52:
            base = d0 + timedelta(days=7 * wk)
            if base >= END.date():
                break
            if chance(0.8):
                for _ in range(pick([1, 2, 3], [60, 30, 10])):
                    d = base + timedelta(days=R.randrange(7))
                    s = pick([DIRECT, SEO, src, GJOBS], [35, 20, 35, 10])
                    candidate_session(p, d, s)
            wk += 1
        if p.hired:
            pass


def alerts(p: Person, d0: date) -> None:
    """Job alerts from the ESP and the clicks on them (story 5: digest from 2026-08-03)."""
    weeks = 1 + int(R.expovariate(1 / 9))
    for k in range(weeks):
        d = d0 + timedelta(days=1 + 7 * k + R.randrange(3))
        day_start = datetime(d.year, d.month, d.day)
        if day_start >= DIGEST:
            ts = day_start + timedelta(hours=6, minutes=R.uniform(0, 9))
            template, p_click = "job_alert_digest", 0.06
            delay = timedelta(hours=R.uniform(1.5, 14))
        else:
            ts = at(d, "work")
            template, p_click = "job_alert_instant", 0.17
            delay = timedelta(minutes=R.uniform(2, 200))
        if not within(ts):
            continue
        send_rows.append((f"msg_{nxt('send'):07d}", p.email, template, ts, p.country))
        if chance(p_click):
            tc = ts + delay
            if p.hired and tc > p.hired:
                continue
            sid = session_id(tc)
            cat = job_cat(p)
            if ev(p, tc, "jobalert_click", EMAIL, sid, campaign=template):
                t = tc + timedelta(seconds=R.uniform(5, 40))
                ev(p, t, "Job Viewed", EMAIL, sid, campaign=template, job_category=cat)
                if chance(0.5):
                    apply_flow(p, t, EMAIL, sid, template, cat)


def anonymous(n: int) -> None:
    for _ in range(n):
        p = Person("candidate")
        src = pick([SEO, GJOBS, INDEED, LINKEDIN, DIRECT], [35, 30, 20, 8, 7])
        d = signup_day()
        for _ in range(pick([1, 2], [80, 20])):
            t = at(d)
            sid = session_id(t)
            camp = CAMPAIGN.get(src, "")
            if chance(0.3):
                ev(p, t, "Search Performed", src, sid, False, camp)
                t += timedelta(minutes=R.uniform(0.3, 3))
            for _ in range(pick([1, 2], [70, 30])):
                ev(p, t, "Job Viewed", src, sid, False, camp, job_cat(p))
                t += timedelta(minutes=R.uniform(0.5, 5))
            if chance(0.08):
                ev(p, t, "Apply Started", src, sid, False, camp, job_cat(p))
            d = d + timedelta(days=R.randrange(1, 20))


# ----------------------------------------------------------------------------------------------
# employers
# ----------------------------------------------------------------------------------------------
def invoice(p: Person, ts: datetime, reason: str, plan: str, interval: str) -> None:
    if not within(ts):
        return
    cur = CURRENCY[p.country]
    local = PRICE[plan][cur] * (10 if interval == "year" else 1)
    inv_rows.append({
        "invoice_id": "in_" + sha("inv-%d" % nxt("inv"))[:14], "customer": p.customer,
        "account_id": p.account, "billing_reason": reason,
        "plan_nickname": f"{plan} ({'annual' if interval == 'year' else 'monthly'})",
        "currency": cur, "amount_paid": f"{local:.2f}", "amount_gbp": f"{local * TO_GBP[cur]:.2f}",
        "paid_at": ts,
    })


def subscription(p: Person, t: datetime, plan: str, interval: str, first_reason: str | None) -> str:
    """Invoices from t on: the first (create/update) and the cycles; returns the plan at export."""
    if first_reason:
        invoice(p, t, first_reason, plan, interval)
    step = timedelta(days=365) if interval == "year" else timedelta(days=30.4)
    churn = 0.05 if interval == "month" else 0.15
    upgraded = False
    while True:
        t = t + step
        if t >= END:
            return plan
        if chance(churn):
            return "free"
        if plan == "Starter" and not upgraded and interval == "month" and chance(0.06):
            plan, upgraded = "Growth", True
            invoice(p, t, "subscription_update", plan, interval)
            continue
        invoice(p, t, "subscription_cycle", plan, interval)


def employer_jobs(p: Person, t: datetime, n_jobs: int, source: str, camp: str, p_appl: float) -> datetime | None:
    """Job posts, the first application on each, candidates messaged. Returns the first application time."""
    first_app = None
    for j in range(n_jobs):
        tj = t if j == 0 else t + timedelta(days=R.uniform(5, 150))
        s = source if j == 0 else DIRECT
        cat = p.industry if chance(0.8) else pick(INDUSTRIES, IND_W)
        if not ev(p, tj, "Job Posted", s, session_id(tj), campaign=camp if j == 0 else "", job_category=cat):
            continue
        if p.country == "DE" and inw(tj, SCAM_WAVE) and chance(0.25):
            ticket(p, tj + timedelta(hours=R.uniform(1, 30)), "job_post_rejected")
        if chance(p_appl):
            ta = tj + timedelta(days=R.uniform(0.3, 6))
            if ev(p, ta, "Application Received", NONE, None, job_category=cat) and first_app is None:
                first_app = ta
            for _ in range(pick([0, 1, 2, 3], [35, 30, 22, 13])):
                tm = ta + timedelta(days=R.uniform(0.1, 10))
                ev(p, tm, "Candidate Messaged", DIRECT, session_id(tm), job_category=cat)
    return first_app


def employers(n: int, n_hire48: int, n_existing: int) -> None:
    for k in range(n + n_hire48 + n_existing):
        p = Person("employer")
        p.customer = None
        size = pick(["1-10", "11-50", "51-200", "201+"], [35, 35, 20, 10])
        if k < n:
            src = pick([LINKEDIN, SEO, REFERRAL, DIRECT], [28, 27, 15, 30])
            d = signup_day()
            camp = "Employer Acquisition" if src == LINKEDIN else ""
            p_post, p_up = 0.72, 0.30
        elif k < n + n_hire48:  # story 3
            src = LINKEDIN
            d = HIRE48[0].date() + timedelta(days=R.randrange((HIRE48[1] - HIRE48[0]).days))
            camp = "Hire in 48h"
            p_post, p_up = 0.85, 0.02
        else:  # paying customers from before the year
            src = pick([LINKEDIN, SEO, REFERRAL, DIRECT], [25, 25, 20, 30])
            created = datetime(2022, 6, 1) + timedelta(days=R.uniform(0, 1200))
            make_account(p, created, src, size=size)
            p.customer = "cus_" + sha("cus-%d" % nxt("cus"))[:14]
            plan = pick(["Starter", "Growth", "Enterprise"], [45, 38, 17])
            interval = pick(["month", "year"], [65, 35])
            # the next renewal falls somewhere in the first cycle of the year
            cyc = 30.4 if interval == "month" else 365
            t_next = START + timedelta(days=R.uniform(0, cyc))
            invoice(p, t_next, "subscription_cycle", plan, interval)
            p.plan = subscription(p, t_next, plan, interval, None)
            employer_jobs(p, START + timedelta(days=R.uniform(0, 120)), pick([1, 2, 3, 4, 5], [15, 25, 25, 20, 15]),
                          DIRECT, "", 0.92)
            EMPLOYERS.append(p)
            for _ in range(pick([0, 1, 2], [40, 40, 20]) * (2 if p.country == "PL" else 1)):
                ticket(p, START + timedelta(days=R.uniform(0, N_DAYS)), pick(
                    ["billing", "account", "job_post_rejected"], [55, 20, 25]))
            continue
        t0 = at(d, "work")
        make_account(p, t0, src, size=size)
        sid = session_id(t0)
        ev(p, t0, "Company Profile Created", src, sid, campaign=camp)
        p.plan = "free"
        EMPLOYERS.append(p)
        if chance(0.45 if p.country != "PL" else 0.7):
            ticket(p, t0 + timedelta(days=R.uniform(1, 90)), pick(
                ["billing", "account", "job_post_rejected", "spam_scam_report"], [35, 30, 30, 5]))
        if not chance(p_post):
            continue
        tj = t0 + (timedelta(minutes=R.uniform(5, 50)) if chance(0.4) else timedelta(days=R.uniform(0.5, 20)))
        n_jobs = pick([1, 2, 3, 4], [45, 30, 15, 10])
        first_app = employer_jobs(p, tj, n_jobs, src if tj - t0 < timedelta(hours=2) else DIRECT,
                                  camp if tj - t0 < timedelta(hours=2) else "", 0.85)
        if first_app is None:
            p_up *= 0.3
        if chance(p_up):
            tu = (first_app or tj) + timedelta(days=R.uniform(2, 45))
            p.customer = "cus_" + sha("cus-%d" % nxt("cus"))[:14]
            plan = pick(["Starter", "Growth", "Enterprise"], [55, 35, 10])
            interval = pick(["month", "year"], [78, 22])
            if tu < END:
                p.plan = subscription(p, tu, plan, interval, "subscription_create")


# ----------------------------------------------------------------------------------------------
# help desk
# ----------------------------------------------------------------------------------------------
def ticket(p: Person, opened: datetime, category: str) -> None:
    opened = opened.replace(microsecond=0)
    if not within(opened):
        return
    if opened.hour < 7 or opened.hour > 21:
        opened = opened.replace(hour=R.randrange(8, 19))
    if not within(opened):
        return
    channel = pick(["Email", "Chat", "Web form"], [45, 35, 20])
    frt_med = {"Chat": 9, "Email": 170, "Web form": 320}[channel]  # minutes
    res_med = {"billing": 26, "account": 7, "job_post_rejected": 40, "spam_scam_report": 60}[category]  # hours
    slow = p.country == "PL" and opened >= PL_SLOW  # story 2
    if slow:
        frt_med *= 2.4
        res_med *= 2.2
    frt = timedelta(minutes=frt_med * math.exp(R.gauss(0, 0.6)))
    res = frt + timedelta(hours=res_med * math.exp(R.gauss(0, 0.7)))
    first = opened + frt
    solved = opened + res
    if solved >= END - timedelta(hours=2) or chance(0.02):
        solved = None
    if first >= END:
        first = None
    csat = ""
    if solved is not None and chance(0.45):
        w = [3, 4, 10, 35, 48] if not slow else [14, 16, 25, 27, 18]
        if category == "spam_scam_report":
            w = [w[0] + 4, w[1] + 4, w[2] + 3, w[3], w[4]]
        csat = str(pick([1, 2, 3, 4, 5], w))
    escalated = "Yes" if chance({"billing": 0.12, "account": 0.05, "job_post_rejected": 0.2,
                                 "spam_scam_report": 0.35}[category] * (1.6 if slow else 1)) else "No"
    tix_rows.append({
        "id": 40000 + nxt("tix"), "email": p.email or sha(f"anon-{p.device}"), "channel": channel,
        "opened": opened, "first": first, "solved": solved, "tag": category, "csat": csat,
        "escalated": escalated, "priority": pick(["low", "normal", "high", "urgent"], [20, 55, 20, 5]),
    })


def scam_wave() -> None:
    """Story 7: fake job posts in Germany (mostly Düsseldorf), September 2026: candidates report them."""
    for _ in range(70):
        p = Person("candidate")
        p.country = "DE"
        p.city = pick(["Düsseldorf", "Köln", "Berlin", "Hamburg"], [55, 20, 15, 10])
        src = pick([SEO, GJOBS, INDEED, DIRECT], [30, 30, 25, 15])
        d = SCAM_WAVE[0].date() + timedelta(days=R.randrange(30))
        t0 = at(d)
        make_account(p, t0, src)
        candidate_session(p, d, src, first=True)
        ticket(p, t0 + timedelta(hours=R.uniform(1, 72)), "spam_scam_report")
    de = [e for e in EMPLOYERS if e.country == "DE"]
    for _ in range(30):  # genuine German employers whose posts the tightened filter rejected
        e = R.choice(de)
        d = SCAM_WAVE[0].date() + timedelta(days=R.randrange(30))
        ticket(e, at(d, "work"), "job_post_rejected")


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def utc(ts: datetime) -> datetime:
    return ts.replace(tzinfo=LON).astimezone(timezone.utc).replace(tzinfo=None)


def write_sources(folder: Path) -> None:
    adir = folder / "analytics"
    adir.mkdir()
    by_month: dict[str, list[dict]] = {}
    for r in sorted(ev_rows, key=lambda r: (r["ts"], r["device_id"], r["event_type"])):
        by_month.setdefault(f"{r['ts']:%Y-%m}", []).append(r)
    for month, rows in by_month.items():
        with open(adir / f"{month}.jsonl", "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                u = utc(r["ts"])
                obj = {"event_type": r["event_type"],
                       "event_time": f"{u:%Y-%m-%dT%H:%M:%S}.{R.randrange(1000):03d}Z",
                       "device_id": r["device_id"], "user_id": r["user_id"],
                       "session_id": r["session_id"],
                       "utm_source": r["utm_source"], "utm_campaign": r["utm_campaign"] or None,
                       "platform": r["platform"], "job_category": r["job_category"] or None}
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
                if month == "2026-02" and i == 1500:
                    f.write('{"event_type": "Job Viewed", "event_time": "2026-02-1\n')
                if month == "2026-05" and i == 800:  # the tool re-sent a batch row
                    f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    with open(folder / "accounts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["account_id", "side", "email_sha256", "created_at", "country_code", "city", "plan",
                    "seniority", "industry", "company_size", "signup_source"])
        for a in sorted(acc_rows, key=lambda a: a["p"].created):
            p = a["p"]
            cand = p.side == "candidate"
            w.writerow([p.account, p.side, p.email, f"{p.created:%Y-%m-%d %H:%M:%S}", p.country, p.city,
                        "" if cand else p.plan, p.seniority if cand else "", p.industry if cand else "",
                        "" if cand else a["size"], p.source])

    with open(folder / "billing_invoices.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["invoice_id", "customer", "account_id", "billing_reason", "plan_nickname", "currency",
                    "amount_paid", "amount_gbp", "paid_at"])
        for r in sorted(inv_rows, key=lambda r: r["paid_at"]):
            w.writerow([r["invoice_id"], r["customer"], r["account_id"], r["billing_reason"],
                        r["plan_nickname"], r["currency"], r["amount_paid"], r["amount_gbp"],
                        f"{utc(r['paid_at']):%Y-%m-%dT%H:%M:%S}+00:00"])

    with open(folder / "esp_sends.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["message_id", "recipient_sha256", "template", "sent_at", "country"])
        for mid, email, template, ts, country in sorted(send_rows, key=lambda r: (r[3], r[0])):
            w.writerow([mid, email, template, f"{utc(ts):%Y-%m-%d %H:%M:%S}", country])

    with open(folder / "helpdesk_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Ticket ID", "Requester", "Channel", "Created", "First reply", "Solved", "Tags",
                    "Satisfaction", "Escalated", "Priority"])
        fmt = "%d/%m/%Y %H:%M"
        rows = sorted(tix_rows, key=lambda r: r["opened"])
        for i, r in enumerate(rows):
            w.writerow([r["id"], r["email"], r["channel"], r["opened"].strftime(fmt),
                        r["first"].strftime(fmt) if r["first"] else "",
                        r["solved"].strftime(fmt) if r["solved"] else "", r["tag"], r["csat"],
                        r["escalated"], r["priority"]])
            if i == 200:
                w.writerow([39999, r["email"], "Email", "31/02/2026 10:15", "", "", "account", "", "No", "low"])

    with open(folder / "paid_media_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Source", "Campaign", "Spend (GBP)"])
        for d in DAYS:
            dt = datetime(d.year, d.month, d.day)
            m = MONTH_W[d.month]
            rows = [
                ("LinkedIn", "Always-on Candidates", R.uniform(70, 110) * m),
                ("LinkedIn", "Employer Acquisition", R.uniform(50, 80)),
                ("Google for Jobs", "Sponsored Jobs", R.uniform(60, 90) * m),
                ("Indeed", "Sponsored Listings", R.uniform(80, 120) * m),
            ]
            if inw(dt, HIRE48):
                rows.append(("LinkedIn", "Hire in 48h", R.uniform(500, 700)))
            for src, camp, cost in rows:
                w.writerow([f"{d:%d/%m/%Y}", src, camp, f"{cost:.2f}"])
            if d == date(2026, 3, 2):  # pasted twice
                w.writerow([f"{d:%d/%m/%Y}", *rows[0][:2], f"{rows[0][2]:.2f}"])


def simulate() -> None:
    candidates(3600)
    anonymous(1500)
    employers(560, 170, 110)
    scam_wave()


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="jobs-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if os.environ.get("JOBS_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["JOBS_KEEP_SOURCES"], dirs_exist_ok=True)
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
