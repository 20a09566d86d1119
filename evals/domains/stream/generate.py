"""Streaming evaluation domain: Lumen, an English-language video streaming service.

    python generate.py OUT.duckdb

Writes Lumen's own exports (seeded: the same files on every run) into a temporary folder —

  sdk_events/lumen-sdk-YYYY-MM.jsonl  product analytics SDK (web, TV, mobile, console): camelCase and
                                      dotted event names, two opaque codes, ISO UTC times with Z
  ad_clicks.csv                       attribution partner's click export (Google / Meta), UTC
  core.sqlite  accounts               account service: one row per account
  billing_ledger.csv                  billing system ledger, local time of the billing team (Los Angeles)
  helpdesk_tickets.csv                support desk export (day/month/year times, UTC)
  ad_spend.csv                        marketing finance sheet: spend per day × source × campaign (US dates)

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
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261104
START = datetime(2025, 11, 4)
END = datetime(2026, 11, 4)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
LA = ZoneInfo("America/Los_Angeles")
UTC = ZoneInfo("UTC")

ANDROID_BUG = datetime(2026, 7, 14)          # Android app 5.2.0: payment screen broken
BINGE = (datetime(2026, 6, 1), datetime(2026, 7, 16))  # Meta "Summer Binge" campaign
IN_VENDOR = datetime(2026, 5, 4)             # India support moved to a new outsourcing vendor
BR_PSP = datetime(2026, 8, 20)               # Brazil card processor switch: declines
US_PRICE = datetime(2026, 4, 1)              # US Standard 15.49 -> 17.99
HARBOR = datetime(2026, 9, 11)               # "The Quiet Harbor" premiere
HARBOR_CAMP = (datetime(2026, 9, 4), datetime(2026, 10, 5))

COUNTRIES = ["US", "GB", "CA", "AU", "IN", "BR"]
COUNTRY_W = [0.33, 0.14, 0.08, 0.08, 0.21, 0.16]
CITIES = {
    "US": ["New York", "Los Angeles", "Chicago", "Houston", "Seattle", "Atlanta"],
    "GB": ["London", "Manchester", "Birmingham", "Glasgow"],
    "CA": ["Toronto", "Vancouver", "Montréal", "Calgary"],
    "AU": ["Sydney", "Melbourne", "Brisbane", "Perth"],
    "IN": ["Mumbai", "Bengaluru", "Delhi", "Hyderabad", "Pune"],
    "BR": ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Brasília", "Curitiba"],
}
LOCALE = {"US": "en-US", "GB": "en-GB", "CA": "en-CA", "AU": "en-AU", "IN": "en-IN", "BR": "pt-BR"}
PARTNER = {"IN": "P-0419", "BR": "P-0733", "AU": "P-0212", "GB": "P-0150"}  # Jio, Vivo, Telstra, EE
PLANS = ["BAS_ADS", "STD", "PRM"]
PRICE = {
    "US": (6.99, 15.49, 22.99), "CA": (6.49, 13.99, 19.99), "GB": (6.99, 14.49, 21.99),
    "AU": (6.49, 13.49, 19.49), "IN": (1.99, 3.49, 5.99), "BR": (3.49, 6.99, 10.49),
}
WHOLESALE = 2.5  # what a telco pays Lumen per bundled subscriber per month

TITLES = [  # (title, genre, home country or None, weight)
    ("The Quiet Harbor", "Drama", None, 0.0),
    ("Northbound", "Crime", None, 6), ("Salt & Static", "Comedy", None, 5),
    ("Paper Kingdoms", "Drama", None, 5), ("The Long Table", "Reality", None, 3),
    ("Tiny Rangers", "Kids", None, 3), ("Bluebell Lane", "Kids", None, 2),
    ("Deep Field", "Documentary", None, 2), ("Wild Coasts", "Documentary", None, 2),
    ("Matchday", "Sports", None, 2), ("Ghost Signal", "Sci-Fi", None, 4),
    ("Eight Bells", "Crime", None, 3), ("Kitchen Wars", "Reality", None, 3),
    ("Amor de Verão", "Novela", "BR", 4), ("Rua das Flores", "Novela", "BR", 3),
    ("Dil Se Dil Tak", "Bollywood", "IN", 4), ("Chai aur Cricket", "Comedy", "IN", 3),
    ("Mumbai Nights", "Crime", "IN", 3),
]

R = random.Random(SEED)


def h(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:n]


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


_EVENING = [1.5, 1, 0.6, 0.3, 0.2, 0.2, 0.4, 0.8, 1, 1.2, 1.3, 1.5, 2, 2, 1.8, 1.8, 2, 2.5, 3.5, 5, 6.5, 7, 6, 3.5]


def at(day: date) -> datetime:
    hour = R.choices(range(24), weights=_EVENING)[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def within(ts: datetime) -> bool:
    return START <= ts < END


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


def price(country: str, plan: str, ts: datetime) -> float:
    p = PRICE[country][PLANS.index(plan)]
    if country == "US" and plan == "STD" and ts >= US_PRICE:
        p = 17.99
    return p


# ----------------------------------------------------------------------------------------------
# people and the rows each system writes
# ----------------------------------------------------------------------------------------------
class Person:
    def __init__(self, idx: int, country: str | None = None):
        self.idx = idx
        self.country = country or pick(COUNTRIES, COUNTRY_W)
        self.city = R.choice(CITIES[self.country])
        self.anon: dict[str, str] = {}
        self.account = None
        self.created = None
        self.source = None
        self.partner = ""
        self.plan = None
        self.status = None
        self.devices: list[str] = []
        self.engagement = 0.45
        self.provider = "card"
        self.camp = ""

    def anon_id(self, platform: str) -> str:
        if platform not in self.anon:
            self.anon[platform] = f"{h(f'anon-{self.idx}-{platform}', 8)}-{h(f'a2-{self.idx}-{platform}', 4)}-4{h(f'a3-{self.idx}{platform}', 3)}"
        return self.anon[platform]


sdk_rows: list[dict] = []
click_rows: list[tuple] = []
ledger_rows: list[tuple] = []
ticket_rows: list[tuple] = []
persons: list[Person] = []
_seq = {"msg": 0, "txn": 0, "inv": 0, "ticket": 0, "acct": 0, "sess": 0}


def nxt(kind: str) -> int:
    _seq[kind] += 1
    return _seq[kind]


def sdk(p: Person, ts: datetime, event: str, platform: str, session: str = "", **extra) -> bool:
    if not within(ts):
        return False
    known = p.created is not None and ts >= p.created
    version = ""
    if platform in ("ios", "android"):
        if platform == "android":
            version = "5.2.0" if ts >= ANDROID_BUG else ("5.1.4" if ts >= datetime(2026, 3, 10) else "5.0.9")
        else:
            version = "5.2.1" if ts >= datetime(2026, 7, 20) else ("5.1.2" if ts >= datetime(2026, 3, 12) else "5.0.7")
    elif platform in ("tv", "console"):
        version = "tv-3.8" if ts >= datetime(2026, 5, 5) else "tv-3.7"
    row = {"messageId": "m-" + h("msg-%d" % nxt("msg"), 16),
           "anonymousId": p.anon_id(platform), "userId": p.account if known else "",
           "event": event, "ts": ts, "platform": platform, "appVersion": version,
           "sessionId": session, "locale": LOCALE[p.country]}
    row.update(extra)
    sdk_rows.append(row)
    return True


def ledger(p: Person, ts: datetime, kind: str, amount: float | None, plan: str = "", reason: str = "",
           invoice: str = "", provider: str | None = None) -> str:
    if not within(ts):
        return ""
    if not invoice and kind in ("CONVERT", "RENEW", "BUNDLE_ACT", "FAILED"):
        invoice = f"INV-{ts:%y%m}-{nxt('inv'):06d}"
    ledger_rows.append(("txn_" + h("txn-%d" % nxt("txn"), 14), f"cus_{h('cus' + p.account, 14)}", kind,
                        ts, "" if amount is None else f"{amount:.2f}", plan or p.plan, provider or p.provider,
                        reason, invoice))
    return invoice


def ticket(p: Person, ts: datetime, topic: str, escalate: float = 0.07, mood: float = 0.0) -> None:
    if not within(ts):
        return
    via = pick(["Chat", "Email"], [0.6, 0.4])
    if via == "Chat":
        first = math.exp(R.gauss(math.log(3.0), 0.7))  # minutes
        solve = first + math.exp(R.gauss(math.log(35), 0.8))
    else:
        first = 60 * math.exp(R.gauss(math.log(5.0), 0.6))
        solve = first + 60 * math.exp(R.gauss(math.log(16), 0.7))
    if topic == "billing":
        solve *= 1.6
    slow = p.country == "IN" and ts >= IN_VENDOR
    if slow:
        first *= 2.2
        solve *= 1.5
    opened = ts
    first_ts = opened + timedelta(minutes=first)
    solved = opened + timedelta(minutes=solve)
    if solved >= END or chance(0.015):
        solved = None
    score = ""
    if chance(0.48) and solved is not None:
        mean = 4.15 + mood - (0.9 if slow else 0.0) - (0.25 if via == "Email" else 0.0)
        score = str(max(1, min(5, round(R.gauss(mean, 0.9)))))
    tid = nxt("ticket")
    ticket_rows.append((f"#{48000 + tid}", h("mail" + p.account, 40), via, topic, opened, first_ts, solved,
                        score, "Yes" if chance(escalate) else "No"))


def pick_title(p: Person, ts: datetime) -> tuple[str, str]:
    weights = []
    for title, genre, home, w in TITLES:
        if title == "The Quiet Harbor":
            w = 0.0 if ts < HARBOR else (40.0 if ts < HARBOR + timedelta(days=21) else 14.0)
        elif home is not None:
            w = w * (5.0 if home == p.country else 0.15)
        weights.append(w)
    i = R.choices(range(len(TITLES)), weights=weights)[0]
    return TITLES[i][0], TITLES[i][1]


def session(p: Person, t: datetime, platform: str | None = None, play: bool = True) -> datetime:
    """One viewing session: open, browse, title page, play, maybe finish the episode."""
    platform = platform or R.choice(p.devices)
    sid = "s" + h("sess-%d" % nxt("sess"), 10)
    title, genre = pick_title(p, t)
    if chance(0.3):
        sdk(p, t, "app.open", platform, sid)
        t += timedelta(seconds=R.uniform(5, 40))
    if chance(0.25):
        sdk(p, t, "home.browse", platform, sid)
        t += timedelta(seconds=R.uniform(20, 150))
    if chance(0.08):
        sdk(p, t, "e_4471", platform, sid)  # search
        t += timedelta(seconds=R.uniform(10, 60))
    if chance(0.45) or not play:
        sdk(p, t, "titleDetailView", platform, sid, title=title, genre=genre)
        t += timedelta(seconds=R.uniform(10, 120))
        if chance(0.08):
            sdk(p, t, "e_8c2d", platform, sid, title=title, genre=genre)  # add to My List
            t += timedelta(seconds=R.uniform(3, 20))
    if not play:
        return t
    sdk(p, t, "play_start", platform, sid, title=title, genre=genre)
    finish = 0.62 if title != "The Quiet Harbor" else 0.8
    if chance(finish):
        t += timedelta(minutes=R.uniform(22, 58))
        sdk(p, t, "episode.complete", platform, sid, title=title, genre=genre)
    return t


def viewing(p: Person, start: datetime, end: datetime, partner: bool = False) -> None:
    t = start
    week = 0
    while t < min(end, END):
        prob = p.engagement * (0.985 ** week if not partner else 0.995 ** week)
        prob = max(0.7 * prob, 0.07)
        if t >= HARBOR and t < HARBOR + timedelta(days=28):
            prob = min(0.95, prob * 1.35)
        if chance(prob):
            n = 1 + (1 if chance(0.12) else 0)
            for _ in range(n):
                ts = at((t + timedelta(days=R.uniform(0, 6.99))).date())
                if ts < end:
                    session(p, ts)
        t += timedelta(days=7)
        week += 1


def create_account(p: Person, ts: datetime, source: str, platform: str) -> None:
    p.account = f"LM{nxt('acct') + 1000000:07d}"
    p.created = ts
    p.source = source
    if platform not in p.devices:
        p.devices.append(platform)
    if chance(0.55) and "tv" not in p.devices:
        p.devices.append("tv")
    if chance(0.08):
        p.devices.append("console")
    if chance(0.2) and "web" not in p.devices:
        p.devices.append("web")
    w = [0.55, 0.33, 0.12] if p.country in ("IN", "BR") else [0.3, 0.48, 0.22]
    p.plan = pick(PLANS, w)
    if platform == "ios":
        p.provider = "apple_iap"
    elif platform == "android":
        p.provider = "google_play"
    else:
        p.provider = "pix" if p.country == "BR" and chance(0.4) else "card"
    p.engagement = R.uniform(0.2, 0.42)


def fail_prob(p: Person, ts: datetime) -> float:
    if p.provider == "carrier_billing":
        return 0.01
    if p.country == "BR" and p.provider in ("card", "pix") and ts >= BR_PSP:
        return 0.32 if p.provider == "card" else 0.18
    return 0.035 if p.provider in ("card", "pix") else 0.02


def paid_life(p: Person, paid_at: datetime, partner: bool = False) -> datetime:
    """Monthly renewals, plan changes, payment failures, cancellations; returns the end of service."""
    cur = paid_at
    while True:
        nxt_bill = cur + timedelta(days=30)
        if nxt_bill >= END:
            return END
        churn = 0.018 if partner else (0.075 if p.country == "IN" else 0.058)
        downgrade = False
        if p.country == "US" and p.plan == "STD" and inw(nxt_bill, (US_PRICE, datetime(2026, 6, 1))) and not partner:
            churn += 0.04
            downgrade = chance(0.22)
        if downgrade:
            tc = nxt_bill - timedelta(days=R.uniform(1, 6))
            if within(tc):
                p.plan = "BAS_ADS"
                ledger(p, tc, "PLAN_CHANGE", None, "BAS_ADS", "downgrade")
                if chance(0.12):
                    ticket(p, tc + timedelta(hours=R.uniform(-20, 2)), "billing", 0.1, -0.4)
        elif not partner and chance(0.022):
            tc = nxt_bill - timedelta(days=R.uniform(1, 20))
            if within(tc):
                new = R.choice([x for x in PLANS if x != p.plan])
                p.plan = new
                ledger(p, tc, "PLAN_CHANGE", None, new, "upgrade" if PLANS.index(new) > 1 else "downgrade")
                if chance(0.3):
                    sdk(p, tc - timedelta(minutes=2), "plan_change", R.choice(p.devices), plan=new)
        if chance(churn):
            tc = nxt_bill - timedelta(days=R.uniform(0.5, 25))
            plat = R.choice(p.devices)
            sdk(p, tc, "cancelFlow", plat)
            if chance(0.72):
                reason = pick(["too_expensive", "not_enough_content", "technical_issues", "switching_service", "other"],
                              [0.32, 0.26, 0.1, 0.17, 0.15])
                if p.country == "BR" and chance(0.5):
                    reason = {"too_expensive": "muito caro", "not_enough_content": "pouco conteúdo"}.get(reason, reason)
                if p.country == "US" and inw(tc, (US_PRICE, datetime(2026, 6, 1))) and chance(0.5):
                    reason = "too_expensive"
                ledger(p, tc + timedelta(minutes=R.uniform(1, 4)), "CANCEL", None, reason=reason)
                return nxt_bill
        if chance(0.016) and within(nxt_bill):
            ticket(p, at((nxt_bill - timedelta(days=R.uniform(0, 25))).date()), pick(["playback", "account", "billing"], [0.5, 0.3, 0.2]))
        if chance(0.02):
            ticket(p, at((nxt_bill - timedelta(days=R.uniform(0, 25))).date()), "playback", 0.05, -0.2)
        if chance(fail_prob(p, nxt_bill)):
            inv = ledger(p, nxt_bill, "FAILED", None, reason=pick(["card_declined", "insufficient_funds", "expired_card"], [0.5, 0.3, 0.2]))
            br = p.country == "BR" and nxt_bill >= BR_PSP
            if chance(0.4 if not br else 0.55):
                ticket(p, nxt_bill + timedelta(hours=R.uniform(2, 60)), "billing", 0.2 if br else 0.1, -0.8 if br else -0.3)
            recovered = chance(0.3 if br else 0.66)
            r1 = nxt_bill + timedelta(days=3, minutes=R.uniform(0, 30))
            ledger(p, r1, "RETRY", None, invoice=inv)
            if recovered and chance(0.6):
                ledger(p, r1 + timedelta(seconds=5), "RECOVERED", price(p.country, p.plan, r1), invoice=inv)
                cur = nxt_bill
                continue
            r2 = nxt_bill + timedelta(days=7, minutes=R.uniform(0, 30))
            ledger(p, r2, "RETRY", None, invoice=inv)
            if recovered:
                ledger(p, r2 + timedelta(seconds=5), "RECOVERED", price(p.country, p.plan, r2), invoice=inv)
                cur = nxt_bill
                continue
            ledger(p, nxt_bill + timedelta(days=14), "CANCEL", None, reason="involuntary")
            return nxt_bill + timedelta(days=14)
        amount = WHOLESALE if partner else price(p.country, p.plan, nxt_bill)
        inv = ledger(p, nxt_bill, "RENEW", amount)
        if not partner and chance(0.012):
            ledger(p, nxt_bill + timedelta(days=R.uniform(1, 6)), "REFUND", -amount, invoice=inv,
                   reason=pick(["duplicate_charge", "forgot_to_cancel", "goodwill"], [0.3, 0.5, 0.2]))
        cur = nxt_bill


def trial_and_beyond(p: Person, t_signup: datetime, platform: str) -> None:
    """Trial start, first play, paid conversion (or not) after 7 days, then the paid life."""
    t_trial = t_signup + timedelta(seconds=R.uniform(20, 300))
    if chance(0.05):
        ticket(p, t_signup + timedelta(hours=R.uniform(0.2, 72)), pick(["account", "billing"], [0.7, 0.3]))
    if not chance(0.86):  # signed up, never started the trial
        if chance(0.3):
            session(p, t_signup + timedelta(minutes=R.uniform(1, 30)), platform, play=False)
        return
    sdk(p, t_trial, "trialStarted", platform, plan=p.plan)
    played = chance(0.8)
    if played:
        first = t_trial + timedelta(minutes=R.uniform(2, 60)) if chance(0.6) else t_trial + timedelta(hours=R.uniform(2, 90))
        session(p, first, platform if chance(0.5) else None)
        more = poisson(1.0 * p.engagement / 0.3)
        for _ in range(more):
            session(p, t_trial + timedelta(hours=R.uniform(6, 160)))
    conv = 0.6 if played else 0.14
    if p.country == "IN":
        conv *= 0.8
    if platform == "android" and t_trial >= ANDROID_BUG:
        conv *= 0.25
    if p.camp == "Summer Binge":
        conv *= 0.35
    t_conv = t_trial + timedelta(days=7, minutes=R.uniform(1, 20))
    if chance(conv):
        if not within(t_conv):
            return
        ledger(p, t_conv, "CONVERT", price(p.country, p.plan, t_conv))
        if chance(0.04):
            ticket(p, t_conv + timedelta(hours=R.uniform(1, 48)), "billing")
        end = paid_life(p, t_conv)
        viewing(p, t_conv + timedelta(days=1), end)
        if chance(0.02):
            ticket(p, t_conv + timedelta(days=R.uniform(1, 60)), "account")
    else:
        if platform == "android" and t_trial >= ANDROID_BUG and chance(0.22):
            ticket(p, t_trial + timedelta(days=R.uniform(0.2, 6.5)), "billing", 0.12, -0.6)
        if chance(0.5):
            tc = t_trial + timedelta(days=R.uniform(1, 6.9))
            sdk(p, tc, "cancelFlow", R.choice(p.devices))
            ledger(p, tc + timedelta(minutes=R.uniform(1, 3)), "CANCEL", None, reason="trial_cancel")


# ----------------------------------------------------------------------------------------------
# acquisition
# ----------------------------------------------------------------------------------------------
def boost(d: date) -> float:
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if HARBOR <= dt < HARBOR + timedelta(days=35):
        w *= 1.6
    if d.month == 12 or d.month == 1:
        w *= 1.15
    if d.weekday() >= 4:
        w *= 1.15
    return w


def ad_person(idx: int, media: str, d: date, camp: str) -> Person:
    p = Person(idx)
    p.camp = camp
    t = at(d)
    cid = ("gclid_" if media == "google" else "fbclid_") + h(f"click-{idx}", 18)
    click_rows.append((cid, "googleadwords_int" if media == "google" else "Facebook Ads", camp, t, p.country))
    if not chance(0.88):
        return p
    t1 = t + timedelta(seconds=R.uniform(2, 25))
    sdk(p, t1, "landing.view", "web", clickId=cid)
    sign = {"google": 0.24, "meta": 0.19}[media]
    if camp == "Summer Binge":
        sign = 0.035
    elif camp in ("Brand Search",):
        sign = 0.34
    if not chance(sign):
        if chance(0.2):
            session(p, t1 + timedelta(seconds=R.uniform(20, 90)), "web", play=False)
        return p
    t2 = t1 + timedelta(minutes=R.uniform(1, 12))
    create_account(p, t2, "google_cpc" if media == "google" else "meta_paid", "web")
    sdk(p, t2, "signUp", "web", plan=p.plan)
    trial_and_beyond(p, t2, "web")
    return p


def store_person(idx: int, d: date) -> Person:
    p = Person(idx)
    plat = pick(["ios", "android"], [0.3 if p.country in ("IN", "BR") else 0.5, 0.7 if p.country in ("IN", "BR") else 0.5])
    t = at(d)
    sdk(p, t, "app.open", plat)
    if chance(0.5):
        session(p, t + timedelta(seconds=R.uniform(10, 60)), plat, play=False)
    if not chance(0.55):
        return p
    t2 = t + timedelta(minutes=R.uniform(2, 15))
    create_account(p, t2, "appstore_ios" if plat == "ios" else "play_android", plat)
    sdk(p, t2, "signUp", plat, plan=p.plan)
    trial_and_beyond(p, t2, plat)
    return p


def web_person(idx: int, d: date, source: str) -> Person:
    p = Person(idx)
    t = at(d)
    sdk(p, t, "landing.view", "web")
    rate = 0.28 if source == "seo" else 0.62
    if not chance(rate):
        if chance(0.3):
            session(p, t + timedelta(seconds=R.uniform(20, 90)), "web", play=False)
        return p
    t2 = t + timedelta(minutes=R.uniform(1, 15))
    create_account(p, t2, source, "web")
    if source == "referral":
        p.engagement = R.uniform(0.3, 0.5)
    sdk(p, t2, "signUp", "web", plan=p.plan)
    trial_and_beyond(p, t2, "web")
    return p


def partner_person(idx: int, d: date) -> Person:
    p = Person(idx, pick(["IN", "BR", "AU", "GB"], [0.45, 0.3, 0.15, 0.1]))
    plat = pick(["tv", "android"], [0.55, 0.45])
    t = at(d)
    create_account(p, t, "bundle", plat)
    p.partner = PARTNER[p.country]
    p.provider = "carrier_billing"
    p.plan = "STD" if p.country in ("AU", "GB") else "BAS_ADS"
    p.engagement = R.uniform(0.45, 0.7)
    sdk(p, t, "signUp", plat, plan=p.plan)
    ledger(p, t + timedelta(minutes=R.uniform(1, 5)), "BUNDLE_ACT", WHOLESALE)
    session(p, t + timedelta(minutes=R.uniform(3, 60)), plat)
    end = paid_life(p, t, partner=True)
    viewing(p, t + timedelta(days=1), end, partner=True)
    return p


def existing_person(idx: int) -> Person:
    p = Person(idx)
    src = pick(["appstore_ios", "play_android", "google_cpc", "meta_paid", "seo", "referral", "bundle"],
               [0.2, 0.15, 0.2, 0.15, 0.12, 0.08, 0.1])
    plat = {"appstore_ios": "ios", "play_android": "android"}.get(src, "web" if src != "bundle" else "tv")
    if src == "bundle":
        p = Person(idx, pick(["IN", "BR", "AU", "GB"], [0.45, 0.3, 0.15, 0.1]))
    created = START - timedelta(days=R.uniform(40, 900), hours=R.uniform(0, 23))
    create_account(p, created, src, plat)
    if src == "bundle":
        p.partner = PARTNER[p.country]
        p.provider = "carrier_billing"
        p.plan = "STD" if p.country in ("AU", "GB") else "BAS_ADS"
        p.engagement = R.uniform(0.45, 0.7)
    anchor = START - timedelta(days=R.uniform(0, 30), hours=R.uniform(0, 23))
    end = paid_life(p, anchor, partner=(src == "bundle"))
    p.engagement *= 0.9
    viewing(p, START + timedelta(hours=R.uniform(0, 72)), end, partner=(src == "bundle"))
    return p


def campaign_for(media: str, d: date) -> str:
    dt = datetime(d.year, d.month, d.day)
    if media == "google":
        if inw(dt, HARBOR_CAMP) and chance(0.35):
            return "Quiet Harbor Launch"
        return "Brand Search" if chance(0.3) else "Generic Search"
    if inw(dt, HARBOR_CAMP) and chance(0.4):
        return "Quiet Harbor Launch"
    return "Prospecting" if chance(0.75) else "Retargeting"


def simulate() -> None:
    idx = 0
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        b = boost(d)
        for media, lam in (("google", 5.0), ("meta", 4.8)):
            for _ in range(poisson(lam * b)):
                idx += 1
                persons.append(ad_person(idx, media, d, campaign_for(media, d)))
        if inw(dt, BINGE):
            for _ in range(poisson(20.0)):
                idx += 1
                persons.append(ad_person(idx, "meta", d, "Summer Binge"))
        for _ in range(poisson(3.6 * b)):
            idx += 1
            persons.append(store_person(idx, d))
        for _ in range(poisson(2.4 * b)):
            idx += 1
            persons.append(web_person(idx, d, "seo"))
        for _ in range(poisson(0.8 * b)):
            idx += 1
            persons.append(web_person(idx, d, "referral"))
        for _ in range(poisson(1.4)):
            idx += 1
            persons.append(partner_person(idx, d))
    for _ in range(450):
        idx += 1
        persons.append(existing_person(idx))


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    sdk_dir = folder / "sdk_events"
    sdk_dir.mkdir()
    by_month: dict[str, list] = {}
    for r in sorted(sdk_rows, key=lambda r: (r["ts"], r["messageId"])):
        by_month.setdefault(f"{r['ts']:%Y-%m}", []).append(r)
    for month, rows in by_month.items():
        with open(sdk_dir / f"lumen-sdk-{month}.jsonl", "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                obj = {"messageId": r["messageId"], "anonymousId": r["anonymousId"]}
                if r["userId"]:
                    obj["userId"] = r["userId"]
                obj["event"] = r["event"]
                obj["timestamp"] = f"{r['ts']:%Y-%m-%dT%H:%M:%S}.{R.randrange(1000):03d}Z"
                obj["platform"] = r["platform"]
                if r["appVersion"]:
                    obj["appVersion"] = r["appVersion"]
                if r["sessionId"]:
                    obj["sessionId"] = r["sessionId"]
                obj["locale"] = r["locale"]
                for key in ("clickId", "title", "genre", "plan"):
                    if r.get(key):
                        obj[key] = r[key]
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
                if month == "2026-02" and i == 300:  # the SDK's retry queue sent the same message twice
                    f.write(json.dumps(obj, ensure_ascii=False) + "\n")
                if month == "2026-05" and i == 1200:  # a truncated line
                    f.write('{"messageId": "m-trunc", "anonymousId": "' + r["anonymousId"] + '", "event": "play_st\n')
                if month == "2026-08" and i == 900:  # a TV with a broken clock
                    bad = dict(obj, messageId="m-clock0000000000", timestamp="2026-08-32T21:10:00.000Z")
                    f.write(json.dumps(bad, ensure_ascii=False) + "\n")

    with open(folder / "ad_clicks.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["click_id", "media_source", "campaign", "click_time_utc", "country_code"])
        for cid, media, camp, ts, cc in sorted(click_rows, key=lambda r: (r[3], r[0])):
            if within(ts):
                w.writerow([cid, media, camp, f"{ts:%Y-%m-%d %H:%M:%S}", cc])

    con = sqlite3.connect(folder / "core.sqlite")
    con.execute("CREATE TABLE accounts (account_id TEXT, anon_id TEXT, email_sha1 TEXT, billing_customer_id TEXT, "
                "created_at TEXT, country TEXT, city TEXT, signup_source TEXT, partner_id TEXT, current_plan TEXT, "
                "account_status TEXT, preferred_lang TEXT)")
    last: dict[str, tuple] = {}
    for row in ledger_rows:
        if row[2] in ("CONVERT", "RENEW", "BUNDLE_ACT", "CANCEL", "FAILED", "RECOVERED", "PLAN_CHANGE"):
            prev = last.get(row[1])
            if prev is None or row[3] >= prev[3]:
                last[row[1]] = row
    rows = []
    for p in persons:
        if p.account is None:
            continue
        cus = f"cus_{h('cus' + p.account, 14)}"
        lr = last.get(cus)
        if lr is None:
            status = "trial_lapsed"
        elif lr[2] == "CANCEL":
            status = "cancelled"
        elif lr[2] == "FAILED":
            status = "past_due"
        else:
            status = "active"
        first_dev = p.devices[0]
        lang = {"BR": "pt-BR", "IN": "hi" if p.idx % 4 == 0 else "en"}.get(p.country, "en")
        rows.append((p.account, p.anon_id(first_dev), h("mail" + p.account, 40), cus, f"{p.created:%Y-%m-%dT%H:%M:%SZ}",
                     p.country, p.city, p.source, p.partner, p.plan, status, lang))
    con.executemany("INSERT INTO accounts VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", sorted(rows))
    con.commit()
    con.close()

    with open(folder / "billing_ledger.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["txn_id", "customer_id", "txn_type", "created_local", "amount_usd", "plan_code", "provider",
                    "reason_code", "invoice_no"])
        rows = sorted(ledger_rows, key=lambda r: (r[3], r[0]))
        bad = False
        for i, (tid, cus, kind, ts, amount, plan, prov, reason, inv) in enumerate(rows):
            local = ts.replace(tzinfo=UTC).astimezone(LA)
            if kind == "RENEW" and i > 6000 and not bad:
                amount, bad = "N/A", True
            w.writerow([tid, cus, kind, f"{local:%Y-%m-%d %H:%M:%S}", amount, plan, prov, reason, inv])

    def fmt(ts):
        return f"{ts:%d/%m/%Y %H:%M}" if ts else ""

    topics = {"billing": "Billing & payments", "playback": "Playback / streaming", "account": "Account & sign-in"}
    with open(folder / "helpdesk_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Ticket #", "Requester (hashed)", "Channel", "Topic", "Created", "First reply", "Solved",
                    "Satisfaction", "Escalated"])
        for tid, who, via, topic, opened, first, solved, score, esc in sorted(ticket_rows, key=lambda r: r[4]):
            w.writerow([tid, who, via, topics[topic], fmt(opened), fmt(first), fmt(solved), score, esc])

    with open(folder / "ad_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Source", "Campaign", "Spend (USD)"])
        for k in range(N_DAYS):
            d = START.date() + timedelta(days=k)
            dt = datetime(d.year, d.month, d.day)
            day = f"{d.month:02d}/{d.day:02d}/{d.year}"
            b = boost(d)
            harbor = inw(dt, HARBOR_CAMP)
            g = {"Generic Search": 95, "Brand Search": 38}
            m = {"Prospecting": 110, "Retargeting": 35}
            for camp, base in g.items():
                w.writerow([day, "Google Ads", camp, f"{base * b * R.uniform(0.85, 1.15) * (0.65 if harbor else 1):.2f}"])
            for camp, base in m.items():
                w.writerow([day, "Meta Ads", camp, f"{base * b * R.uniform(0.85, 1.15) * (0.6 if harbor else 1):.2f}"])
            if inw(dt, BINGE):
                w.writerow([day, "Meta Ads", "Summer Binge", f"{R.uniform(260, 340):.2f}"])
            if harbor:
                w.writerow([day, "Google Ads", "Quiet Harbor Launch", f"{R.uniform(90, 130):.2f}"])
                w.writerow([day, "Meta Ads", "Quiet Harbor Launch", f"{R.uniform(120, 170):.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="stream-src-") as tmp:
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
