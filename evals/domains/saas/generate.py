"""SaaS evaluation domain: FlowDesk (流程宝), B2B team-workflow software sold worldwide and in China.

    python generate.py OUT.duckdb

Writes FlowDesk's own exports (seeded: the same files on every run) into a temporary folder —

  ad_clicks.csv                 the ad networks' click logs (Google Ads, LinkedIn, Baidu, WeChat), UTC
  sdk_export/events_YYYY-MM.ndjson
                                product-analytics SDK (marketing site, web app, iOS, Android):
                                snake_case, camelCase and two legacy codes (e_1031, e_1045), UTC 'Z'
  event_leads.csv               trade-show badge scans (lead-scanner app)
  crm_deals_export.csv          global sales CRM: deal stage changes (UTC)
  商机导出_大中华区.csv           Greater China sales CRM (GB18030, Chinese stages, Beijing time)
  stripe_events.csv             billing events (subscriptions, invoices, cancels, refunds), USD
  admin_export.sqlite           product admin DB: view v_seat_export (seats joined with accounts)
  zendesk_tickets.csv           support tickets with priority and SLA
  nps_inapp.csv                 in-app NPS survey
  marketing_spend.csv           finance's spend sheet (US dates MM/DD/YYYY), USD

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only.

Planted stories: see description.md.
"""

from __future__ import annotations

import csv
import hashlib
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
# the repository: evals/domains/saas/../../.. when the folder sits in the repo, else TPA_REPO or /work/main
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20260618
START = datetime(2025, 6, 18)
END = datetime(2026, 6, 18)  # as_of (Thursday); data ends the day before
N_DAYS = (END - START).days

IOS_BUG = datetime(2026, 2, 16)          # iOS 4.2: email-verification deep link broken
GC_SUPPORT = datetime(2026, 1, 12)       # Greater China support: first replies slow down
AI_LAUNCH = (datetime(2026, 3, 9), datetime(2026, 5, 1))  # LinkedIn "AI Workflows Launch"
CHECKLIST = datetime(2026, 1, 5)         # new onboarding checklist
PRO_PRICE = datetime(2026, 4, 1)         # Pro $16 -> $20 per seat per month
ABM_START = datetime(2025, 10, 1)
SHOWS = {  # name: (start, days, region, scans, demo rate, win rate, cost)
    "SaaStr Annual 2025": (datetime(2025, 9, 9), 3, "na", 420, 0.05, 0.12, 85000.0),
    "Web Summit 2025": (datetime(2025, 11, 10), 4, "emea", 360, 0.13, 0.40, 55000.0),
    "中国SaaS大会 2026": (datetime(2026, 4, 22), 2, "gcr", 200, 0.09, 0.25, 18000.0),
}
TZ = {"na": -5, "emea": 1, "apac": 8, "gcr": 8}
SIZES = ["1-10", "11-50", "51-200", "201-1000", "1000+"]
INDUSTRIES = ["Software", "Agency", "Manufacturing", "Retail", "Education", "Finance", "Healthcare"]
REPS = {"na": ["Emily Carter", "Marcus Reed"], "emea": ["Jonas Weber", "Sophie Laurent"],
        "apac": ["Priya Nair"], "gcr": ["陈思远", "刘婧"]}
PRICE = {"starter": 8.0, "pro": 16.0}

R = random.Random(SEED)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def poisson(lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


_WORK = [0, 0, 0, 0, 0, 0, 0.3, 1, 3, 5, 5, 4.5, 3, 4.5, 5, 4.5, 4, 3, 1.5, 1, 0.8, 0.6, 0.3, 0.1]


def at(day: date, region: str) -> datetime:
    """A working-hours moment on a local day of the region, as UTC."""
    hour = R.choices(range(24), weights=_WORK)[0]
    local = datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))
    return local - timedelta(hours=TZ[region])


def within(ts: datetime) -> bool:
    return START <= ts < END


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


# ----------------------------------------------------------------------------------------------
# rows of each system
# ----------------------------------------------------------------------------------------------
ad_rows: list[tuple] = []      # (ts, click_id, network, campaign)
sdk_rows: list[tuple] = []     # (ts, anon, uid, event, app, click_id, email_sha, account_id)
scan_rows: list[tuple] = []    # (ts, scan_id, show, email_sha, rating)
crm_rows: list[tuple] = []     # (deal, email, stage, ts, owner, amount, campaign, region)
bill_rows: list[tuple] = []    # (ts, type, customer, email, plan, interval, qty, amount, invoice, prev, acc)
seat_rows: list[tuple] = []
ticket_rows: list[tuple] = []
nps_rows: list[tuple] = []
_seq: dict[str, int] = {}


def nxt(kind: str) -> int:
    _seq[kind] = _seq.get(kind, 0) + 1
    return _seq[kind]


class Person:
    def __init__(self, region: str):
        self.idx = nxt("person")
        self.region = region
        self.email = sha(f"person{self.idx}@flowdesk-sample.io")
        self.anon = None
        self.device = None
        self.uid = None
        self.mobile = None  # 'ios' / 'android' for mobile-first people
        self.account = None
        self.role = None
        self.created = None

    def web_anon(self) -> str:
        if self.anon is None:
            self.anon = f"a{sha('anon' + str(self.idx))[:15]}"
        return self.anon


class Account:
    def __init__(self, region: str, size: str, source: str):
        self.id = f"ws_{sha('acc' + str(nxt('account')))[:10]}"
        self.customer = f"cus_{sha(self.id)[:14]}"
        self.region = region
        self.size = size
        self.industry = R.choice(INDUSTRIES)
        self.source = source
        self.plan = "free"
        self.seats: list[Person] = []
        self.owner: Person | None = None
        self.checklist = False


accounts: list[Account] = []


def sdk(p: Person, ts: datetime, event: str, app: str, click_id: str = "", email: bool = False) -> bool:
    if not within(ts):
        return False
    if app in ("ios", "android"):
        if p.device is None:
            p.device = f"{app[:3]}-{sha('dev' + str(p.idx))[:12]}"
        anon = p.device
    else:
        anon = p.web_anon()
    uid = p.uid if p.uid and p.created and ts >= p.created else ""
    acc = p.account.id if p.account and uid else ""
    sdk_rows.append((ts, anon, uid, event, app, click_id, p.email if email else "", acc))
    return True


def crm(deal: str, p: Person, stage: str, ts: datetime, owner: str, amount, campaign: str) -> bool:
    if not within(ts):
        return False
    crm_rows.append((deal, p.email, stage, ts, owner, amount, campaign, p.region))
    return True


def bill(acc: Account, ts: datetime, typ: str, plan: str, interval: str, qty: int, amount, invoice: str = "",
         prev: str = "") -> bool:
    if not within(ts):
        return False
    bill_rows.append((ts, typ, acc.customer, acc.owner.email, plan, interval, qty, amount, invoice, prev, acc.id))
    return True


# ----------------------------------------------------------------------------------------------
# support and NPS
# ----------------------------------------------------------------------------------------------
SLA_MIN = {"urgent": 30, "high": 120, "normal": 360, "low": 1440}


def ticket(p: Person, opened: datetime, category: str, plan: str) -> None:
    if not within(opened):
        return
    region = p.region
    if region == "gcr":
        via = pick(["wecom", "email", "chat"], [0.6, 0.25, 0.15])
    else:
        via = pick(["email", "web", "chat"], [0.45, 0.25, 0.3])
    prio = pick(["low", "normal", "high", "urgent"],
                [0.2, 0.55, 0.2, 0.05] if plan != "enterprise" else [0.1, 0.45, 0.33, 0.12])
    if category == "bug" and chance(0.3):
        prio = "high"
    base = {"chat": 9.0, "email": 170.0, "web": 230.0, "wecom": 70.0}[via]
    base *= {"urgent": 0.3, "high": 0.6, "normal": 1.0, "low": 1.6}[prio]
    if region == "gcr" and opened >= GC_SUPPORT:  # story 2
        base *= 2.6
    frt = base * math.exp(R.gauss(0, 0.6))
    first = opened + timedelta(minutes=frt)
    breached = frt > SLA_MIN[prio]
    res_h = {"bug": 46.0, "integrations": 30.0, "billing": 14.0, "sso_access": 8.0,
             "how_to": 6.0, "data_export": 20.0, "refund_request": 30.0}[category] * math.exp(R.gauss(0, 0.8))
    resolved = opened + timedelta(hours=max(frt / 60 + 0.3, res_h))
    if resolved >= END or chance(0.02):
        resolved = None
    sat = ""
    if resolved is not None and chance(0.42):
        good = 0.88 - (0.3 if breached else 0) - (0.25 if category == "refund_request" else 0)
        sat = "good" if chance(good) else "bad"
    complaint = chance({"refund_request": 0.45, "billing": 0.15, "bug": 0.08}.get(category, 0.03)
                       + (0.1 if breached else 0))
    tid = str(48000 + nxt("ticket"))
    ticket_rows.append((tid, p.email, via, prio, category, opened, first, resolved, sat,
                        "yes" if breached else "no", "Yes" if complaint else "No"))


EN_GOOD = ["Love the automations", "Saves our team hours every week", "Clean and fast", "Great templates"]
EN_MID = ["Good but the mobile app is limited", "OK", "Needs better reporting", "Integrations could be better"]
EN_BAD = ["Too expensive for what it is", "Price went up again", "Support is slow", "Too many bugs lately",
          "Missing Gantt view"]
ZH_GOOD = ["自动化很好用", "团队协作效率提升明显", "界面简洁"]
ZH_MID = ["还行", "希望支持更多国内应用集成", "手机端功能太少"]
ZH_BAD = ["客服回复太慢", "价格偏贵", "企业微信集成经常断"]


def nps(p: Person, ts: datetime, plan: str) -> None:
    if not within(ts):
        return
    mean = {"free": 7.3, "starter": 8.0, "pro": 8.6, "enterprise": 8.8}[plan]
    price_hit = plan == "pro" and ts >= PRO_PRICE
    if price_hit:
        mean -= 1.6
    if p.region == "gcr" and ts >= GC_SUPPORT + timedelta(days=14):
        mean -= 1.0
    score = max(0, min(10, round(R.gauss(mean, 2.0))))
    comment = ""
    if chance(0.45):
        zh = p.region == "gcr"
        if score >= 9:
            comment = R.choice(ZH_GOOD if zh else EN_GOOD)
        elif score >= 7:
            comment = R.choice(ZH_MID if zh else EN_MID)
        else:
            comment = R.choice(ZH_BAD if zh else EN_BAD)
            if price_hit and chance(0.6):
                comment = "价格偏贵" if zh else "Price went up again"
            if p.region == "gcr" and ts >= GC_SUPPORT and chance(0.5):
                comment = "客服回复太慢"
    app = p.mobile if (p.mobile and chance(0.6)) else "webapp"
    nps_rows.append((p.email, ts, score, comment, app))


# ----------------------------------------------------------------------------------------------
# product usage of a seat
# ----------------------------------------------------------------------------------------------
def plan_at(acc: Account, ts: datetime) -> str:
    plan = "free"
    for t, pl in acc.plan_hist:
        if t <= ts:
            plan = pl
    return plan


PENDING: list[tuple] = []


def usage(p: Person, start: datetime) -> None:
    """Queued: a seat's weeks are simulated once the account's plan history is known."""
    PENDING.append((p, start))


def run_usage(p: Person, start: datetime) -> None:
    acc = p.account
    good = acc.checklist
    tau = 4.0 * (1.7 if good else 1.0)
    last_nps = start
    w = 0
    t = start
    while True:
        t = start + timedelta(weeks=w, days=R.uniform(0, 1))
        if t >= END:
            break
        plan = plan_at(acc, t)
        paid = plan != "free"
        floor = (0.5 if paid else 0.07) + (0.12 if good else 0.0)
        p0 = 0.8 if good else 0.7
        prob = floor + (p0 - floor) * math.exp(-w / tau)
        if p.role == "member":
            prob *= 0.9
        if chance(prob):
            n = max(1, poisson(1.1))
            for _ in range(n):
                day = (t + timedelta(days=R.uniform(0, 6))).date()
                app = p.mobile if (p.mobile and chance(0.5)) else "webapp"
                ts = at(day, p.region)
                if app != "webapp" and chance(0.7):
                    sdk(p, ts - timedelta(minutes=R.uniform(1, 5)), "app_opened", app)
                sdk(p, ts, "task_completed", app)
            if plan in ("pro", "enterprise") or (plan == "free" and acc.trial_until and t < acc.trial_until):
                for _ in range(poisson(0.6)):
                    sdk(p, at((t + timedelta(days=R.uniform(0, 6))).date(), p.region), "e_1031", "webapp")
            if chance(0.028):
                cat = pick(["how_to", "bug", "integrations", "sso_access", "data_export", "billing"],
                           [0.3, 0.25, 0.15, 0.1, 0.08, 0.12])
                ticket(p, at((t + timedelta(days=R.uniform(0, 6))).date(), p.region), cat, plan)
            if (t - last_nps).days >= 30 and chance(0.1):
                nps(p, t + timedelta(hours=R.uniform(1, 60)), plan)
                last_nps = t + timedelta(days=60)
        w += 1


# ----------------------------------------------------------------------------------------------
# billing of an account after it subscribes
# ----------------------------------------------------------------------------------------------
def subscription(acc: Account, t0: datetime, plan: str, interval: str, qty: int, amount: float | None = None,
                 existing: bool = False) -> None:
    acc.plan_hist.append((t0, plan))
    acc.plan = plan

    def price(pl: str, ts: datetime) -> float:
        if pl == "pro" and ts >= PRO_PRICE:
            return 20.0
        return PRICE[pl]

    inv = lambda: f"in_{sha('inv' + str(nxt('invoice')))[:16]}"  # noqa: E731
    if not existing:
        if amount is None:
            amount = qty * price(plan, t0) * (10 if interval == "year" else 1)
        bill(acc, t0, "customer.subscription.created", plan, interval, qty, f"{amount:.2f}", inv())
    step = 365 if interval == "year" else 30
    t = t0
    last_amount = amount or 0.0
    months = 0
    while True:
        t = t + timedelta(days=step if interval == "year" else 30.4)
        if t >= END:
            break
        months += 1
        if interval == "month" and plan != "enterprise":
            pro_wave = plan == "pro" and inw(t, (PRO_PRICE, datetime(2026, 6, 1)))
            churn = {"starter": 0.045, "pro": 0.03}[plan] * (3.3 if pro_wave else 1.0)
            down = 0.015 * (5.0 if pro_wave else 1.0) if plan == "pro" else 0.0
            up = 0.035 if plan == "starter" else 0.0
            if plan == "starter" and t >= PRO_PRICE:
                up = 0.015
            if chance(churn):
                bill(acc, t - timedelta(days=R.uniform(1, 20)), "customer.subscription.deleted", plan, interval,
                     qty, "")
                if chance(0.3 if months <= 3 else 0.08):
                    bill(acc, t - timedelta(days=R.uniform(0, 3)), "charge.refunded", plan, interval, qty,
                         f"{-last_amount:.2f}", acc.last_invoice or "")
                    if acc.owner:
                        ticket(acc.owner, t - timedelta(days=R.uniform(2, 6)), "refund_request", plan)
                acc.plan_hist.append((t, "free"))
                acc.plan = "free"
                return
            if chance(down):
                bill(acc, t - timedelta(days=R.uniform(1, 20)), "customer.subscription.updated", "starter",
                     interval, qty, "", "", plan)
                plan = "starter"
                acc.plan_hist.append((t, plan))
            elif chance(up):
                bill(acc, t - timedelta(days=R.uniform(1, 20)), "customer.subscription.updated", "pro",
                     interval, qty, "", "", plan)
                plan = "pro"
                acc.plan_hist.append((t, plan))
            if chance(0.05):
                qty += 1
            last_amount = qty * price(plan, t)
        else:
            if chance(0.1 if plan == "enterprise" else 0.2):
                bill(acc, t - timedelta(days=R.uniform(10, 40)), "customer.subscription.deleted", plan, interval,
                     qty, "")
                acc.plan_hist.append((t, "free"))
                acc.plan = "free"
                return
            if plan == "enterprise":
                last_amount = (amount or 30000.0) * R.uniform(1.0, 1.12)
            else:
                last_amount = qty * price(plan, t) * 10
        i = inv()
        acc.last_invoice = i
        bill(acc, t, "invoice.paid", plan, interval, qty, f"{last_amount:.2f}", i)
    acc.plan = plan


# ----------------------------------------------------------------------------------------------
# journeys
# ----------------------------------------------------------------------------------------------
def new_account(owner: Person, region: str, size: str, source: str, created: datetime) -> Account:
    acc = Account(region, size, source)
    acc.plan_hist = []
    acc.trial_until = None
    acc.last_invoice = None
    acc.owner = owner
    acc.checklist = created >= CHECKLIST
    owner.account = acc
    owner.role = "owner"
    acc.seats.append(owner)
    accounts.append(acc)
    return acc


SEATS: list[Person] = []


def seat(p: Person, created: datetime) -> None:
    p.uid = f"usr_{sha('u' + str(p.idx))[:12]}"
    p.created = created
    SEATS.append(p)


def invites(acc: Account, t: datetime, big: bool) -> int:
    """The owner invites teammates; those who accept get seats and use the product."""
    owner = acc.owner
    rate = 0.55 if acc.checklist else 0.33
    if big:
        rate = 1.0
    if not chance(rate):
        return 0
    n = R.randint(5, 12) if big else pick([1, 2, 3, 4], [0.4, 0.3, 0.2, 0.1])
    joined = 0
    for k in range(n):
        ti = t + timedelta(hours=R.uniform(0.2, 72 if not big else 240))
        sdk(owner, ti, "inviteSent", "webapp")
        if chance(0.7 if not big else 0.9):
            mate = Person(acc.region)
            mate.account = acc
            mate.role = "member" if chance(0.85) else "admin"
            ta = ti + timedelta(hours=R.uniform(0.5, 96))
            seat(mate, ta)
            if within(ta):
                acc.seats.append(mate)
                sdk(mate, ta, "invite_accepted", "webapp", email=True)
                if chance(0.2):
                    mate.mobile = pick(["ios", "android"], [0.6, 0.4])
                usage(mate, ta + timedelta(hours=1))
                joined += 1
    return joined


def self_serve(p: Person, t: datetime, app: str, size: str, source: str, ai: bool = False) -> None:
    """Sign up -> verify email -> workspace -> invite -> trial -> payment method -> subscribe."""
    seat(p, t)
    sdk(p, t, "signup_completed", app, email=True)
    # email verification: the link opens where the person signed up
    v = 0.86
    if app == "ios" and t >= IOS_BUG:  # story 1
        v = 0.33
    if ai:
        v = 0.55
    if not chance(v):
        if chance(0.25):
            ticket(p, t + timedelta(hours=R.uniform(1, 48)), "sso_access", "free")
        return
    tv = t + timedelta(minutes=R.uniform(1, 90) if chance(0.8) else R.uniform(90, 1400))
    sdk(p, tv, "emailVerified", app)
    if not chance(0.45 if ai else 0.8):
        return
    tw = tv + timedelta(minutes=R.uniform(2, 120))
    acc = new_account(p, p.region, size, source, t)
    sdk(p, tw, "workspace_created", "webapp")
    usage(p, tw + timedelta(minutes=5))
    joined = invites(acc, tw + timedelta(minutes=10), False)
    trial_p = 0.45 + 0.1 * min(joined, 2)
    if ai:
        trial_p = 0.03
    if chance(trial_p):
        tt = tw + timedelta(hours=R.uniform(0.5, 120))
        if not sdk(p, tt, "trial_started", "webapp"):
            return
        acc.trial_until = tt + timedelta(days=14)
        pay = 0.36 + 0.08 * min(joined, 2) + (0.05 if acc.checklist else 0)
        if ai:
            pay = 0.0
        if chance(pay):
            tp = tt + timedelta(days=R.uniform(3, 13.5))
            if sdk(p, tp, "e_1045", "webapp") and chance(0.93):
                ts = tt + timedelta(days=14, minutes=R.uniform(1, 30))
                plan = "pro" if chance(0.7) else "starter"
                if plan == "pro" and ts >= PRO_PRICE and chance(0.3):
                    plan = "starter"
                interval = "year" if chance(0.2) else "month"
                if within(ts):
                    subscription(acc, ts, plan, interval, 1 + joined)
    elif not ai and chance(0.08):
        tp = tw + timedelta(days=R.uniform(1, 40))
        if sdk(p, tp, "e_1045", "webapp"):
            subscription(acc, tp + timedelta(minutes=R.uniform(1, 10)), "starter", "month", 1 + joined)


def sales(p: Person, t: datetime, size: str, source: str, campaign: str, win: float) -> None:
    """Demo scheduled -> demo completed -> proposal -> closed won / lost (CRM)."""
    deal = f"{'CN' if p.region == 'gcr' else 'D'}-{nxt('deal'):05d}"
    rep = R.choice(REPS[p.region])
    t1 = t + timedelta(days=R.uniform(0.5, 5))
    if not crm(deal, p, "Demo Scheduled", t1, rep, "", campaign):
        return
    if not chance(0.72):
        return
    t2 = t1 + timedelta(days=R.uniform(2, 10))
    if not crm(deal, p, "Demo Completed", t2, rep, "", campaign):
        return
    if not chance(0.6):
        if chance(0.5):
            crm(deal, p, "Closed Lost", t2 + timedelta(days=R.uniform(10, 40)), rep, "", campaign)
        return
    amount = {"11-50": (6000, 12000), "51-200": (12000, 26000), "201-1000": (26000, 60000),
              "1000+": (60000, 120000)}.get(size, (6000, 12000))
    amt = round(R.uniform(*amount), -2)
    t3 = t2 + timedelta(days=R.uniform(3, 14))
    if not crm(deal, p, "Proposal Sent", t3, rep, f"{amt:.0f}", campaign):
        return
    t4 = t3 + timedelta(days=R.uniform(10, 45))
    # quarter-end push: deals closing in the last days of a quarter
    if t4.month in (3, 6, 9, 12) and t4.day < 20 and chance(0.4):
        t4 = t4.replace(day=R.randint(24, 30))
    if not chance(win):
        crm(deal, p, "Closed Lost", t4, rep, f"{amt:.0f}", campaign)
        return
    if not crm(deal, p, "Closed Won", t4, rep, f"{amt:.0f}", campaign):
        return
    tc = t4 + timedelta(days=R.uniform(1, 5))
    if tc >= END:
        return
    seat(p, tc)
    acc = new_account(p, p.region, size, source, tc)
    sdk(p, tc, "workspace_created", "webapp", email=True)
    acc.plan_hist.append((tc, "enterprise"))
    usage(p, tc + timedelta(hours=1))
    invites(acc, tc + timedelta(hours=2), True)
    subscription(acc, tc + timedelta(hours=R.uniform(1, 30)), "enterprise", "year", max(10, int(amt / 360)), amt)


SOURCE_REGION = {
    "google": (["na", "emea", "apac"], [0.5, 0.3, 0.2]),
    "linkedin": (["na", "emea", "apac"], [0.45, 0.4, 0.15]),
    "baidu": (["gcr"], [1]),
    "wechat": (["gcr"], [1]),
    "organic": (["na", "emea", "apac", "gcr"], [0.35, 0.3, 0.15, 0.2]),
    "app_store": (["na", "emea", "apac", "gcr"], [0.4, 0.25, 0.2, 0.15]),
}
SIZE_W = [0.45, 0.3, 0.15, 0.07, 0.03]


def visitor(day: date, source: str, network: str = "", campaign: str = "") -> None:
    region = pick(*SOURCE_REGION[source])
    p = Person(region)
    size = pick(SIZES, SIZE_W)
    ai = campaign == "AI Workflows Launch"
    if campaign == "ABM - Enterprise EMEA":
        size = pick(SIZES[2:], [0.5, 0.3, 0.2])
        p.region = region = "emea"
    t = at(day, region)
    click = ""
    if network:
        click = f"{network[:2]}_{sha('click' + str(p.idx))[:14]}"
        if within(t):
            ad_rows.append((t, click, network, campaign))
        if not chance(0.9):
            return
    t = t + timedelta(seconds=R.uniform(2, 30))
    if not sdk(p, t, "site_visit", "site", click):
        return
    big = size in ("51-200", "201-1000", "1000+")
    if chance(0.45 if not ai else 0.3):
        t = t + timedelta(minutes=R.uniform(0.3, 6))
        sdk(p, t, "pricing_viewed", "site")
        if big and chance(0.22 if not ai else 0.02):
            td = t + timedelta(minutes=R.uniform(1, 10))
            sdk(p, td, "demoRequested", "site", email=True)
            sales(p, td, size, source, "", 0.32)
            return
        sign = 0.42
    else:
        sign = 0.13
    rate = {"google": 1.0, "linkedin": 0.9, "baidu": 0.9, "wechat": 0.8, "organic": 1.2}[source]
    if ai:
        rate = 1.4
    if chance(sign * rate):
        self_serve(p, t + timedelta(minutes=R.uniform(1, 20)), "webapp", size, source, ai)


def mobile_first(day: date) -> None:
    region = pick(*SOURCE_REGION["app_store"])
    p = Person(region)
    p.mobile = pick(["ios", "android"], [0.62, 0.38])
    t = at(day, region)
    if not sdk(p, t, "app_opened", p.mobile):
        return
    if chance(0.55):
        self_serve(p, t + timedelta(minutes=R.uniform(1, 8)), p.mobile, pick(SIZES, [0.6, 0.3, 0.07, 0.02, 0.01]),
                   "app_store")


def trade_show(name: str) -> None:
    start, days, region, n, demo, win, _cost = SHOWS[name]
    for _ in range(n):
        reg = region if chance(0.85) else R.choice(["na", "emea", "apac"])
        p = Person(reg)
        d = (start + timedelta(days=R.randrange(days))).date()
        t = at(d, region)
        rating = pick(["hot", "warm", "cold"], [0.15, 0.35, 0.5])
        if not within(t):
            continue
        scan_rows.append((t, f"SC{nxt('scan'):05d}", name, p.email, rating))
        size = pick(SIZES, [0.15, 0.25, 0.3, 0.2, 0.1])
        d_rate = demo * (2.2 if rating == "hot" else 1.0 if rating == "warm" else 0.3)
        if chance(d_rate):
            sales(p, t + timedelta(days=R.uniform(2, 12)), size, "event", name, win)
        elif chance(0.06):
            self_serve(p, t + timedelta(days=R.uniform(1, 20)), "webapp", size, "event")


def outbound(day: date) -> None:
    region = pick(["na", "emea", "apac", "gcr"], [0.4, 0.3, 0.12, 0.18])
    p = Person(region)
    sales(p, at(day, region), pick(SIZES[1:], [0.2, 0.4, 0.28, 0.12]), "outbound", "", 0.3)


def existing_account() -> None:
    """Customers (and free workspaces) from before the data starts."""
    region = pick(["na", "emea", "apac", "gcr"], [0.4, 0.3, 0.15, 0.15])
    plan = pick(["free", "starter", "pro", "enterprise"], [0.22, 0.28, 0.4, 0.1])
    size = pick(SIZES, SIZE_W if plan != "enterprise" else [0, 0, 0.4, 0.4, 0.2])
    owner = Person(region)
    created = START - timedelta(days=R.uniform(40, 700))
    seat(owner, created)
    acc = new_account(owner, region, size, pick(["google", "linkedin", "organic", "outbound"], [0.35, 0.2, 0.35, 0.1]),
                      created)
    acc.checklist = False
    for _ in range(R.randint(1, 4) if plan != "enterprise" else R.randint(4, 9)):
        m = Person(region)
        m.account = acc
        m.role = "member"
        seat(m, created + timedelta(days=R.uniform(1, 30)))
        acc.seats.append(m)
    qty = len(acc.seats)
    if plan != "free":
        interval = "year" if plan == "enterprise" or chance(0.2) else "month"
        t0 = START - timedelta(days=R.uniform(1, 360 if interval == "year" else 30))
        amt = round(R.uniform(15000, 60000), -2) if plan == "enterprise" else None
        acc.plan_hist.append((created, plan))
        subscription(acc, t0, plan, interval, qty if plan != "enterprise" else max(10, qty * 4), amt, existing=True)
    else:
        acc.plan_hist.append((created, "free"))
    for s in acc.seats:
        if chance(0.15):
            s.mobile = pick(["ios", "android"], [0.6, 0.4])
        usage(s, START + timedelta(days=R.uniform(0, 6)) + timedelta(weeks=6 if plan == "free" and chance(0.5) else 0))


def simulate() -> None:
    for _ in range(240):
        existing_account()
    for name in SHOWS:
        trade_show(name)
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        wk = 0.55 if d.weekday() >= 5 else 1.0
        season = 0.75 if d.month == 8 or (d.month == 12 and d.day > 18) else 1.0
        f = wk * season
        for camp, lam in (("Brand - Search", 1.2), ("Generic - Workflow Software", 2.6), ("Competitor - Conquest", 0.9)):
            for _ in range(poisson(lam * f)):
                visitor(d, "google", "adwords", camp)
        for _ in range(poisson(1.2 * f)):
            visitor(d, "linkedin", "linkedin", "Always-on - Ops Leaders")
        if dt >= ABM_START:
            for _ in range(poisson(0.8 * f)):
                visitor(d, "linkedin", "linkedin", "ABM - Enterprise EMEA")
        if inw(dt, AI_LAUNCH):
            for _ in range(poisson(30 * f)):
                visitor(d, "linkedin", "linkedin", "AI Workflows Launch")
        for camp, lam in (("品牌词", 0.5), ("通用词-流程管理", 1.0)):
            for _ in range(poisson(lam * f)):
                visitor(d, "baidu", "baidu", camp)
        for _ in range(poisson(0.9 * f)):
            visitor(d, "wechat", "wechat", "朋友圈-流程自动化")
        for _ in range(poisson(3.6 * f)):
            visitor(d, "organic")
        for _ in range(poisson(1.8 * f)):
            mobile_first(d)
        if d.weekday() < 5:
            for _ in range(poisson(0.35)):
                outbound(d)
    for p, start in PENDING:
        run_usage(p, start)


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def iso(ts: datetime, ms: bool = True) -> str:
    return f"{ts:%Y-%m-%dT%H:%M:%S}.{R.randrange(1000):03d}Z" if ms else f"{ts:%Y-%m-%dT%H:%M:%S}Z"


def write_sources(folder: Path) -> None:
    with open(folder / "ad_clicks.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["click_id", "network", "campaign_name", "clicked_at_utc"])
        for ts, cid, net, camp in sorted(ad_rows):
            w.writerow([cid, net, camp, f"{ts:%Y-%m-%d %H:%M:%S}"])

    sdk_dir = folder / "sdk_export"
    sdk_dir.mkdir()
    by_month: dict[str, list] = {}
    for row in sorted(sdk_rows):
        by_month.setdefault(f"{row[0]:%Y-%m}", []).append(row)
    for month, rows in by_month.items():
        with open(sdk_dir / f"events_{month}.ndjson", "w", encoding="utf-8") as f:
            for i, (ts, anon, uid, ev, app, cid, email, acc) in enumerate(rows):
                obj = {"anonymousId": anon, "userId": uid or None, "event": ev, "timestamp": iso(ts),
                       "context_app": app}
                if cid:
                    obj["click_id"] = cid
                if email:
                    obj["email_sha"] = email
                if acc:
                    obj["workspace_id"] = acc
                line = json.dumps(obj, ensure_ascii=False)
                f.write(line + "\n")
                if month == "2026-01" and i == 700:
                    f.write(line + "\n")  # the SDK retried a batch: one exact duplicate
                if month == "2025-10" and i == 1200:
                    f.write('{"anonymousId": "a0000", "event": "task_comp\n')

    with open(folder / "event_leads.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["scan_id", "event_name", "scanned_at", "email_sha", "lead_rating"])
        for ts, sid, name, email, rating in sorted(scan_rows):
            w.writerow([sid, name, f"{ts:%Y-%m-%d %H:%M}", email, rating])

    with open(folder / "crm_deals_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Record ID", "Contact Email SHA", "Deal Stage", "Stage Date", "Deal Owner", "Amount",
                    "Campaign"])
        for deal, email, stage, ts, owner, amount, camp, region in sorted(crm_rows, key=lambda r: (r[3], r[0])):
            if region != "gcr":
                w.writerow([deal, email, stage, f"{ts:%Y-%m-%d %H:%M}", owner, amount, camp])
    zh_stage = {"Demo Scheduled": "预约演示", "Demo Completed": "演示完成", "Proposal Sent": "已报价",
                "Closed Won": "赢单", "Closed Lost": "输单"}
    with open(folder / "商机导出_大中华区.csv", "w", newline="", encoding="gb18030") as f:
        w = csv.writer(f)
        w.writerow(["商机编号", "联系人邮箱SHA", "阶段", "阶段时间", "负责人", "金额(美元)", "来源活动"])
        for deal, email, stage, ts, owner, amount, camp, region in sorted(crm_rows, key=lambda r: (r[3], r[0])):
            if region == "gcr":
                local = ts + timedelta(hours=8)
                w.writerow([deal, email, zh_stage[stage], f"{local:%Y/%m/%d %H:%M}", owner, amount, camp])

    with open(folder / "stripe_events.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "type", "created", "customer", "customer_email_sha", "plan_nickname", "interval",
                    "quantity", "amount", "invoice", "previous_plan", "workspace_id"])
        bad = False
        for i, (ts, typ, cus, email, plan, interval, qty, amount, invoice, prev, acc) in enumerate(sorted(bill_rows)):
            if i > 900 and typ == "invoice.paid" and not bad:
                amount, bad = "N/A", True
            nick = {"starter": "Starter", "pro": "Pro", "enterprise": "Enterprise"}[plan]
            prev_nick = {"starter": "Starter", "pro": "Pro", "": ""}[prev]
            w.writerow([f"evt_{sha('e' + str(i))[:20]}", typ, iso(ts, ms=False), cus, email, nick, interval, qty,
                        amount, invoice, prev_nick, acc])

    con = sqlite3.connect(folder / "admin_export.sqlite")
    con.execute("CREATE TABLE accounts (workspace_id TEXT PRIMARY KEY, company_size TEXT, industry TEXT, "
                "region_code TEXT, plan TEXT, signup_source TEXT, created_at TEXT)")
    con.execute("CREATE TABLE seats (user_id TEXT PRIMARY KEY, workspace_id TEXT, email_sha TEXT, role TEXT, "
                "geo_region TEXT, created_at TEXT)")
    acc_rows, s_rows = [], []
    for acc in accounts:
        plan = acc.plan
        acc_rows.append((acc.id, acc.size, acc.industry, acc.region.upper(), plan, acc.source,
                         f"{acc.owner.created:%Y-%m-%d %H:%M:%S}"))
    for s in SEATS:
        if s.created < END:
            s_rows.append((s.uid, s.account.id if s.account else None, s.email, s.role,
                           s.region.upper(), f"{s.created:%Y-%m-%d %H:%M:%S}"))
    con.executemany("INSERT INTO accounts VALUES (?,?,?,?,?,?,?)", sorted(acc_rows))
    con.executemany("INSERT INTO seats VALUES (?,?,?,?,?,?)", sorted(s_rows))
    con.execute("CREATE VIEW v_seat_export AS SELECT s.user_id, s.email_sha, s.workspace_id, s.role, "
                "s.created_at, a.company_size, a.industry, s.geo_region, a.plan AS workspace_plan, "
                "a.signup_source FROM seats s LEFT JOIN accounts a USING (workspace_id)")
    con.commit()
    con.close()

    def fmt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "zendesk_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Id", "Requester email sha", "Via", "Priority", "Ticket type", "Created at", "First reply at",
                    "Solved at", "Satisfaction", "SLA breached", "Complaint?"])
        for i, (tid, email, via, prio, cat, opened, first, resolved, sat, breached, tags) in enumerate(
                sorted(ticket_rows, key=lambda r: int(r[0]))):
            created = fmt(opened)
            if i == 333:
                created = "2026-02-30 10:12:00"
            w.writerow([tid, email, via, prio, cat, created, fmt(first), fmt(resolved), sat, breached, tags])

    with open(folder / "nps_inapp.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["respondent_sha", "submitted_at", "score", "feedback_text", "platform"])
        for email, ts, score, comment, app in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([email, iso(ts, ms=False), score, comment, app])

    with open(folder / "marketing_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Channel", "Campaign", "Spend (USD)"])
        plan = [("Google Ads", "Brand - Search", 150), ("Google Ads", "Generic - Workflow Software", 430),
                ("Google Ads", "Competitor - Conquest", 170), ("LinkedIn", "Always-on - Ops Leaders", 310),
                ("Baidu", "品牌词", 55), ("Baidu", "通用词-流程管理", 130), ("WeChat", "朋友圈-流程自动化", 115)]
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            rows = list(plan)
            if dt >= ABM_START:
                rows.append(("LinkedIn", "ABM - Enterprise EMEA", 260))
            if inw(dt, AI_LAUNCH):
                rows.append(("LinkedIn", "AI Workflows Launch", 1750))
            for ch, camp, base in rows:
                factor = R.uniform(0.85, 1.15) * (0.6 if d.weekday() >= 5 else 1.0)
                w.writerow([f"{d.month:02d}/{d.day:02d}/{d.year}", ch, camp, f"{base * factor:.2f}"])
            for name, (start, _days, _r, _n, _dm, _wn, cost) in SHOWS.items():
                if start.date() == d:
                    w.writerow([f"{d.month:02d}/{d.day:02d}/{d.year}", "Events", name, f"{cost:.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="saas-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        if os.environ.get("SAAS_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["SAAS_KEEP_SOURCES"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
