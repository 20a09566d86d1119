"""Coworking evaluation domain: Hive & Co, 9 coworking spaces in London, Manchester, Singapore, Hong Kong.

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  hubspot/contacts.csv                 HubSpot CRM contacts (prospects and members), HubSpot source codes
  hubspot/activities.jsonl             HubSpot timeline: ad clicks (cookie hutk), forms, broker referrals,
                                       walk-ins, tours booked / attended (UTC instants with Z)
  nexudus/coworkers.csv                space-management system: coworker id ↔ email hash ↔ access card
  nexudus/activity_YYYY-MM.csv         space-management activity: day passes, memberships, invoices,
                                       meeting rooms, guests, upgrades, cancellations, door access
                                       (local time of the space with its UTC offset)
  access_control/legacy_door_log.csv   old door controllers at MAN-NQ and HKG-CEN: numeric event
                                       codes (4101 granted, 4107 denied), card numbers, UTC, ';'
  helpdesk/tickets_export.csv          member help desk tickets (dd/mm/yyyy, UTC)
  surveys/nps_quarterly.csv            quarterly member NPS survey
  finance/acquisition_spend.csv        monthly marketing spend per channel × campaign and broker fees

— copies `ingest.yaml` next to them and loads everything with `connectors.ingest.ingest`.

Planted stories (see description.md):
  1. Singapore Orchard (SGP-ORC) opens Mon 2026-03-02 with the "GA - Orchard Launch" campaign.
  2. Broker "Desk Scout" (London): from 2026-06-01 its referred tours stop converting.
  3. Wi-Fi tickets spike at Manchester Northern Quarter (MAN-NQ) in July–August 2026.
  4. Hong Kong help-desk first response time doubles from 2026-01-12.
  5. LinkedIn "LI - Founders Q1" (Jan–Feb 2026): many clicks, almost no tours, no members.
  6. Spring upgrade offer (2026-04-01 … 05-31): hot desk → dedicated / private upgrades triple.
  7. Dedicated desk / private office members come in far more (door access) than hot desk; virtual
     office members almost never.
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
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = next((p for p in (HERE.parents[2] if len(HERE.parents) > 2 else None,
                         Path(os.environ.get("TPA_REPO", "/work/main")))
             if p is not None and (p / "connectors" / "ingest").is_dir()), Path("/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261001
START = datetime(2025, 10, 1)
END = datetime(2026, 10, 1)  # as_of (Thursday); data ends the day before
N_DAYS = (END - START).days

ORCHARD_OPEN = datetime(2026, 3, 2)
ORCHARD_LAUNCH = (datetime(2026, 3, 2), datetime(2026, 5, 1))
BROKER_COLLAPSE = datetime(2026, 6, 1)
WIFI = (datetime(2026, 7, 1), datetime(2026, 9, 1))
HK_SLOW = datetime(2026, 1, 12)
FOUNDERS = (datetime(2026, 1, 5), datetime(2026, 3, 1))
UPGRADE_OFFER = (datetime(2026, 4, 1), datetime(2026, 6, 1))

UTC = timezone.utc
CITY_TZ = {"London": ZoneInfo("Europe/London"), "Manchester": ZoneInfo("Europe/London"),
           "Singapore": ZoneInfo("Asia/Singapore"), "Hong Kong": ZoneInfo("Asia/Hong_Kong")}
CURRENCY = {"London": "GBP", "Manchester": "GBP", "Singapore": "SGD", "Hong Kong": "HKD"}
USD = {"GBP": 1.27, "SGD": 0.74, "HKD": 0.128}
SPACES = {  # code: (city, weight within city)
    "LDN-SHO": ("London", 0.4), "LDN-KGX": ("London", 0.35), "LDN-CWF": ("London", 0.25),
    "MAN-NQ": ("Manchester", 0.55), "MAN-SPF": ("Manchester", 0.45),
    "SGP-TPG": ("Singapore", 1.0), "SGP-ORC": ("Singapore", 0.0),
    "HKG-CEN": ("Hong Kong", 0.6), "HKG-QBY": ("Hong Kong", 0.4),
}
LEGACY_DOORS = {"MAN-NQ", "HKG-CEN"}
CITY_W = {"London": 0.42, "Manchester": 0.18, "Singapore": 0.2, "Hong Kong": 0.2}
PLANS = ["Hot Desk", "Dedicated Desk", "Private Office", "Virtual Office"]
PRICE = {  # monthly, local currency
    "GBP": {"Hot Desk": 250, "Dedicated Desk": 400, "Private Office": 1350, "Virtual Office": 60},
    "SGD": {"Hot Desk": 450, "Dedicated Desk": 700, "Private Office": 2300, "Virtual Office": 110},
    "HKD": {"Hot Desk": 2600, "Dedicated Desk": 4000, "Private Office": 13000, "Virtual Office": 600},
}
DAY_PASS = {"GBP": 30, "SGD": 55, "HKD": 300}
ROOM_HOUR = {"GBP": 35, "SGD": 60, "HKD": 350}
ROOMS = {
    "LDN-SHO": ["Brick Lane", "Boxpark"], "LDN-KGX": ["Granary", "Coal Drops"], "LDN-CWF": ["Cabot", "Jubilee"],
    "MAN-NQ": ["Stevenson", "Afflecks"], "MAN-SPF": ["Irwell", "Hardman"],
    "SGP-TPG": ["Duxton", "Keong Saik"], "SGP-ORC": ["Emerald", "Cuppage"],
    "HKG-CEN": ["Victoria 維港", "Peak 山頂"], "HKG-QBY": ["Taikoo 太古", "Harbour 海港"],
}
VISITS_PER_WEEK = {"Hot Desk": 1.1, "Dedicated Desk": 2.6, "Private Office": 3.0, "Virtual Office": 0.08}
BROKERS = {"London": ["Desk Scout", "CityFlex Advisors"], "Manchester": ["NorthDesk Brokers"],
           "Singapore": ["Lion City Spaces"], "Hong Kong": ["Harbour Office Agents"]}
BROKER_FEE_MONTHS = 1.5  # a broker earns 1.5 months of the plan's fee per signed deal
SOURCE_CODE = {"Google Ads": "PAID_SEARCH", "LinkedIn": "PAID_SOCIAL", "Broker": "REFERRALS",
               "Walk-in": "OFFLINE", "Website": "ORGANIC_SEARCH"}
SIZES = ["1-10", "11-50", "51-200", "201-1000"]
INDUSTRIES = ["Technology", "Financial Services", "Creative & Media", "Professional Services",
              "E-commerce", "Non-profit"]
CANCEL_EN = ["Moving to own office", "Cost", "Downsizing", "Relocating", "Remote working"]
CANCEL_ZH = ["搬到自己的辦公室", "成本太高", "公司縮減", "搬遷", "轉為在家工作"]
TICKET_CATS = {"wifi": "Wi-Fi / Network", "noise": "Noise", "cleaning": "Cleaning",
               "access": "Access Card", "billing": "Billing & Invoices"}
NPS_COMMENTS_GOOD = ["Great community", "Love the space", "Friendly staff", "Good coffee", "環境很好", "社群活動很好"]
NPS_COMMENTS_BAD = ["Wi-Fi keeps dropping", "Too noisy", "Meeting rooms always full", "Pricey",
                    "網絡太慢", "太吵", "冷氣太冷"]

R = random.Random(SEED)


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


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


_HOURS = {
    "web": [0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 3.5, 4, 4, 3.5, 3.5, 3.5, 3.5, 3, 2.5, 2, 2, 2, 1.5, 1, 0.6],
    "office": [0] * 8 + [2, 4, 5, 4, 3, 4, 5, 4, 3, 2] + [0] * 6,
    "door": [0] * 7 + [2, 6, 7, 4, 2, 3, 2, 1, 1, 0.5, 0.5, 0.3, 0.2] + [0] * 4,
}
_CUM = {k: [sum(v[:i + 1]) for i in range(24)] for k, v in _HOURS.items()}


def at(day: date, kind: str = "web") -> datetime:
    """A local wall-clock time on that day."""
    hour = R.choices(range(24), cum_weights=_CUM[kind])[0]
    return datetime(day.year, day.month, day.day, hour, R.randrange(60), R.randrange(60))


def to_utc(local: datetime, city: str) -> datetime:
    return local.replace(tzinfo=CITY_TZ[city]).astimezone(UTC).replace(tzinfo=None)


def within(local: datetime, city: str) -> bool:
    # the period is defined in London time (the model timezone)
    t = local.replace(tzinfo=CITY_TZ[city]).astimezone(CITY_TZ["London"]).replace(tzinfo=None)
    return START <= t < END


def inw(ts: datetime, w) -> bool:
    return w[0] <= ts < w[1]


def usd(amount: float, cur: str) -> float:
    return round(amount * USD[cur], 2)


# ------------------------------------------------------------------------------------------------
class Person:
    def __init__(self, idx: int, city: str):
        self.idx = idx
        self.city = city
        self.cur = CURRENCY[city]
        self.hutk = None
        self.contact = None
        self.email = None
        self.created = None
        self.source = None
        self.broker = ""
        self.coworker = None
        self.card = None
        self.space = None
        self.plan = ""
        self.stage = "lead"
        self.size = pick(SIZES, [0.55, 0.28, 0.12, 0.05])
        self.industry = pick(INDUSTRIES, [0.32, 0.16, 0.18, 0.2, 0.09, 0.05])


hs_contacts: list[tuple] = []
hs_acts: list[dict] = []
nx_rows: list[tuple] = []  # (utc, city, coworker, activity, space, plan, room, amount, cur, via, reason)
legacy_rows: list[tuple] = []  # (utc, card, door, code)
ticket_rows: list[tuple] = []
nps_rows: list[tuple] = []
broker_fees: dict[tuple, float] = {}
persons: list[Person] = []
_seq = {"contact": 400000, "cw": 1000, "ticket": 50000, "card": 700000}


def nxt(k: str) -> int:
    _seq[k] += 1
    return _seq[k]


def choose_space(city: str, local: datetime) -> str:
    if city == "Singapore" and local >= ORCHARD_OPEN:
        return "SGP-ORC" if chance(0.6) else "SGP-TPG"
    codes = [c for c, (ci, _) in SPACES.items() if ci == city]
    return pick(codes, [SPACES[c][1] for c in codes])


def hs(p: Person, local: datetime, name: str, channel: str, campaign: str = "", with_contact=True) -> bool:
    if not within(local, p.city):
        return False
    hs_acts.append({"ts": to_utc(local, p.city), "contact": p.contact if with_contact else None,
                    "hutk": p.hutk, "name": name, "channel": channel, "campaign": campaign,
                    "broker": p.broker if name == "Broker Referral" else "",
                    "space": p.space or ""})
    return True


def create_contact(p: Person, local: datetime, source: str) -> None:
    if p.contact is None:
        p.contact = nxt("contact")
        p.email = md5(f"mail-{p.idx}")
        p.created = local
        p.source = source


def nx(p: Person, local: datetime, activity: str, amount=None, room="", via="Member App", reason="") -> bool:
    if not within(local, p.city):
        return False
    if p.coworker is None:
        p.coworker = f"CW{nxt('cw'):06d}"
        p.card = f"{nxt('card')}"
    nx_rows.append((local, p.city, p.coworker, activity, p.space, p.plan, room,
                    amount, p.cur if amount is not None else "", via, reason))
    return True


def door(p: Person, local: datetime) -> None:
    if not within(local, p.city):
        return
    if p.space in LEGACY_DOORS:
        legacy_rows.append((to_utc(local, p.city), p.card, f"{p.space}-D{R.randint(1, 3)}", "4101"))
        if chance(0.015):
            legacy_rows.append((to_utc(local - timedelta(minutes=1), p.city), p.card, f"{p.space}-D1", "4107"))
    else:
        nx(p, local, "Door Access", via="Access Control")


def membership(p: Person, start_local: datetime, signed_in_period: bool) -> None:
    """A member's life from signing (or from before the data) until cancelling or the end."""
    if p.coworker is None:
        p.coworker = f"CW{nxt('cw'):06d}"
        p.card = f"{nxt('card')}"
    p.stage = "customer"
    if signed_in_period:
        nx(p, start_local, "Membership Signed", via="Front Desk")
        if p.source == "Broker":
            key = (f"{start_local:%Y-%m}", p.broker)
            broker_fees[key] = broker_fees.get(key, 0) + usd(PRICE[p.cur][p.plan] * BROKER_FEE_MONTHS, p.cur)
    # monthly invoices on the signing day of the month
    inv = start_local.replace(hour=6, minute=0, second=0)
    if not signed_in_period:
        while inv < START:
            inv = add_month(inv)
    day = start_local.date()
    if not signed_in_period:
        day = START.date()
    end = (END + timedelta(days=1)).date()
    loyal = R.uniform(0.6, 1.4)
    while day < end:
        local_day = datetime(day.year, day.month, day.day)
        if local_day >= inv:
            nx(p, inv + timedelta(minutes=R.randrange(120)), "Invoice Paid", amount=PRICE[p.cur][p.plan], via="Billing")
            inv = add_month(inv)
            # churn / upgrade decisions once a month
            churn = {"Hot Desk": 0.035, "Dedicated Desk": 0.02, "Private Office": 0.015, "Virtual Office": 0.045}[p.plan]
            if chance(churn):
                reason = R.choice(CANCEL_ZH if p.city == "Hong Kong" and chance(0.7) else CANCEL_EN)
                nx(p, at(day, "office"), "Membership Cancelled", via="Front Desk", reason=reason)
                p.stage = "former"
                return
            if p.plan == "Hot Desk":
                up = 0.13 if inw(local_day, UPGRADE_OFFER) else 0.03
                if chance(up):
                    p.plan = pick(["Dedicated Desk", "Private Office"], [0.72, 0.28])
                    nx(p, at(day, "office"), "Plan Upgraded", via="Member App")
        wd = day.weekday()
        rate = VISITS_PER_WEEK[p.plan] * loyal / (5 if wd < 5 else 40)
        if chance(min(rate, 0.95)):
            t = at(day, "door")
            door(p, t)
            if p.plan != "Virtual Office" and chance(0.09 if p.plan == "Private Office" else 0.05):
                hours = R.choice([1, 1, 2, 3])
                nx(p, t + timedelta(minutes=R.randrange(20, 300)), "Meeting Room Booked",
                   amount=ROOM_HOUR[p.cur] * hours, room=R.choice(ROOMS[p.space]))
            if chance(0.06):
                nx(p, t + timedelta(minutes=R.randrange(5, 200)), "Guest Invited")
        if wd < 5 and chance(0.005 if p.plan != "Virtual Office" else 0.001):
            ticket(p, at(day, "office"))
        day += timedelta(days=1)


def add_month(t: datetime) -> datetime:
    y, m = (t.year, t.month + 1) if t.month < 12 else (t.year + 1, 1)
    d = min(t.day, 28)
    return t.replace(year=y, month=m, day=d)


def ticket(p: Person, local: datetime, force_cat: str | None = None) -> None:
    if not within(local, p.city):
        return
    cat = force_cat or pick(list(TICKET_CATS), [0.22, 0.2, 0.2, 0.18, 0.2])
    channel = pick(["Member App", "Email", "Front Desk"], [0.55, 0.25, 0.2])
    frt = R.lognormvariate(math.log(40), 0.45)  # minutes
    if p.city == "Hong Kong" and local >= HK_SLOW:
        frt *= 2.4
    if channel == "Front Desk":
        frt *= 0.8
    res_h = R.lognormvariate(math.log({"wifi": 5, "noise": 8, "cleaning": 4, "access": 3, "billing": 30}[cat]), 0.7)
    bad = cat == "wifi" and p.space == "MAN-NQ" and inw(local, WIFI)
    if bad:
        res_h *= 4
    res_h = max(res_h, frt / 60 + 0.2)
    resolved = local + timedelta(hours=res_h)
    rating = ""
    if chance(0.5):
        base = 4.2 - (1.8 if bad else 0) - (0.6 if p.city == "Hong Kong" and local >= HK_SLOW else 0) - (0.5 if cat == "billing" else 0)
        rating = str(max(1, min(5, round(R.gauss(base, 0.9)))))
    if resolved >= END - timedelta(hours=6) and chance(0.7):
        resolved = None
    ticket_rows.append((f"HD-{nxt('ticket')}", p.coworker, p.space, TICKET_CATS[cat], channel,
                        to_utc(local, p.city), to_utc(local + timedelta(minutes=frt), p.city),
                        to_utc(resolved, p.city) if resolved else None, rating))


# ------------------------------------------------------------------------------------------------
def prospect(idx: int, d: date, source: str, campaign: str = "") -> Person:
    city = pick(list(CITY_W), [CITY_W[c] * (2.2 if c == "Singapore" and inw(datetime(d.year, d.month, d.day), ORCHARD_LAUNCH) else 1)
                               for c in CITY_W])
    if campaign == "GA - Orchard Launch":
        city = "Singapore"
    p = Person(idx, city)
    t = at(d, "web" if source in ("Google Ads", "LinkedIn", "Website") else "office")
    p.space = choose_space(city, t)
    founders = campaign == "LI - Founders Q1"
    if source in ("Google Ads", "LinkedIn"):
        p.hutk = md5(f"hutk-{idx}")[:20]
        hs(p, t, "Ad Clicked", source, campaign, with_contact=False)
        form_p = {"Google Ads": 0.17, "LinkedIn": 0.12}[source]
        if founders:
            form_p = 0.03
        if not chance(form_p):
            return p
        t += timedelta(minutes=R.randrange(1, 15))
        create_contact(p, t, source)
        hs(p, t, "Form Submitted", "Website", campaign)
    elif source == "Website":
        p.hutk = md5(f"hutk-{idx}")[:20]
        create_contact(p, t, source)
        hs(p, t, "Form Submitted", "Website")
    elif source == "Walk-in":
        create_contact(p, t, source)
        hs(p, t, "Walk-in Enquiry", "Walk-in")
    else:  # broker
        p.broker = pick(BROKERS[city], [0.6, 0.4] if city == "London" else [1.0])
        create_contact(p, t, source)
        hs(p, t, "Broker Referral", "Broker")
    funnel(p, t, founders)
    return p


def funnel(p: Person, t: datetime, founders: bool) -> None:
    src = p.source
    signed = False
    # a walk-in may take a day pass straight away
    if src == "Walk-in" and chance(0.5):
        day_pass(p, t + timedelta(minutes=10))
        return
    tour_p = {"Google Ads": 0.55, "LinkedIn": 0.5, "Website": 0.5, "Walk-in": 0.8, "Broker": 0.9}[src]
    if founders:
        tour_p = 0.12
    if chance(tour_p):
        tb = t + timedelta(minutes=R.randrange(5, 60)) if src == "Walk-in" else t + timedelta(hours=R.uniform(0.2, 72))
        via = "Broker" if src == "Broker" else ("Walk-in" if src == "Walk-in" else "Website")
        hs(p, tb, "Tour Booked", via)
        p.stage = "opportunity"
        attend_p = 0.86 if src == "Broker" else 0.74
        if chance(attend_p):
            ta = tb + timedelta(days=R.choice([0, 1, 1, 2, 3, 4, 6]))
            ta = at(ta.date(), "office") if ta.date() != tb.date() else tb + timedelta(minutes=R.randrange(30, 180))
            if ta.date() > tb.date() or ta > tb:
                hs(p, ta, "Tour Attended", "Front Desk")
                sign_p = {"Google Ads": 0.32, "LinkedIn": 0.26, "Website": 0.33, "Walk-in": 0.36, "Broker": 0.48}[src]
                if founders:
                    sign_p = 0.0
                if p.broker == "Desk Scout" and ta >= BROKER_COLLAPSE:
                    sign_p = 0.03
                if p.space == "SGP-ORC":
                    sign_p += 0.08
                if chance(sign_p):
                    ts = at((ta + timedelta(days=R.choice([0, 1, 2, 3, 5, 7, 10, 14, 21]))).date(), "office")
                    if ts < ta:
                        ts = ta + timedelta(minutes=30)
                    sign(p, ts)
                    signed = True
                elif chance(0.3):
                    day_pass(p, at((ta + timedelta(days=R.randint(1, 20))).date(), "office"))
                    return
    if not signed and not founders and src != "Broker" and chance(0.1):
        day_pass(p, at((t + timedelta(days=R.randint(1, 30))).date(), "office"))


def day_pass(p: Person, t: datetime) -> None:
    if not nx(p, t, "Day Pass Purchased", amount=DAY_PASS[p.cur], via=pick(["Front Desk", "Member App"], [0.6, 0.4])):
        return
    door(p, t + timedelta(minutes=3))
    if chance(0.35):  # a second day pass
        t2 = at((t + timedelta(days=R.randint(2, 20))).date(), "office")
        if nx(p, t2, "Day Pass Purchased", amount=DAY_PASS[p.cur], via="Member App"):
            door(p, t2 + timedelta(minutes=3))
    conv = 0.34 if p.source == "Walk-in" else 0.2
    if chance(conv):
        sign(p, at((t + timedelta(days=R.randint(3, 55))).date(), "office"))


def choose_plan(p: Person) -> str:
    w = [0.45, 0.25, 0.12, 0.18]
    if p.space == "SGP-ORC":
        w = [0.3, 0.25, 0.35, 0.1]
    if p.size in ("51-200", "201-1000"):
        w = [0.2, 0.2, 0.5, 0.1]
    return pick(PLANS, w)


def sign(p: Person, t: datetime) -> None:
    if not within(t, p.city):
        return
    p.plan = choose_plan(p)
    membership(p, t, True)


def existing(idx: int) -> Person:
    city = pick(list(CITY_W), [0.45, 0.2, 0.13, 0.22])
    p = Person(idx, city)
    p.space = choose_space(city, START - timedelta(days=1))
    src = pick(list(SOURCE_CODE), [0.3, 0.15, 0.2, 0.15, 0.2])
    if src == "Broker":
        p.broker = pick(BROKERS[city], [0.6, 0.4] if city == "London" else [1.0])
    joined = START - timedelta(days=R.uniform(20, 900))
    create_contact(p, joined - timedelta(days=R.uniform(3, 40)), src)
    p.plan = choose_plan(p)
    membership(p, joined, False)
    return p


def simulate() -> None:
    idx = 0
    for _ in range(430):
        idx += 1
        persons.append(existing(idx))
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        wk = 1.0 if d.weekday() < 5 else 0.45
        season = 0.75 if d.month in (12, 8) else 1.0
        plan = [("Google Ads", "GA - Coworking Generic", 6.5), ("Google Ads", "GA - Brand", 2.5),
                ("LinkedIn", "LI - Always On", 3.5), ("Website", "", 1.6), ("Walk-in", "", 0.9),
                ("Broker", "", 1.0)]
        if inw(dt, ORCHARD_LAUNCH):
            plan.append(("Google Ads", "GA - Orchard Launch", 6.0))
        if inw(dt, FOUNDERS):
            plan.append(("LinkedIn", "LI - Founders Q1", 16.0))
        for source, campaign, lam in plan:
            for _ in range(poisson(lam * wk * season)):
                idx += 1
                persons.append(prospect(idx, d, source, campaign))
    # quarterly NPS: sent to everyone who was a member on the send day
    for send in (datetime(2025, 12, 8), datetime(2026, 3, 9), datetime(2026, 6, 8), datetime(2026, 9, 7)):
        members = member_on(send)
        for p, space in members:
            if not chance(0.38):
                continue
            t = at((send + timedelta(days=R.randint(0, 9))).date(), "web")
            base = {"Private Office": 8.4, "Dedicated Desk": 8.2, "Hot Desk": 7.4, "Virtual Office": 7.2}.get(p_plan_at(p, send), 7.5)
            if space == "MAN-NQ" and send.month == 9:
                base -= 3.2
            if p.city == "Hong Kong" and send >= HK_SLOW:
                base -= 0.8
            score = max(0, min(10, round(R.gauss(base, 1.7))))
            comment = ""
            if chance(0.4):
                pool = NPS_COMMENTS_BAD if score <= 6 else NPS_COMMENTS_GOOD
                if space == "MAN-NQ" and send.month == 9 and score <= 6:
                    pool = ["Wi-Fi keeps dropping", "Wi-Fi unusable for calls"]
                comment = R.choice(pool)
            nps_rows.append((p.email, t, space, score, comment, f"Q{(send.month - 1) // 3 + 1} {send.year}"))
    # the wifi outage: extra wifi tickets at MAN-NQ in July–August 2026
    mnq = [(p, s) for p, s in member_on(datetime(2026, 7, 15)) if s == "MAN-NQ"]
    for k in range((WIFI[1] - WIFI[0]).days):
        d = (WIFI[0] + timedelta(days=k)).date()
        if d.weekday() >= 5:
            continue
        for _ in range(poisson(1.3)):
            p, _s = R.choice(mnq)
            ticket(p, at(d, "office"), "wifi")


_plan_hist: dict[str, list] = {}


def member_on(day: datetime):
    """Members with an invoice within the 31 days before `day` (active then), with their space."""
    out = []
    seen = set()
    for row in nx_rows:
        local, city, cw, act = row[0], row[1], row[2], row[3]
        if act == "Invoice Paid" and day - timedelta(days=31) <= local < day and cw not in seen:
            seen.add(cw)
            out.append((cw, row[4], row[5]))
    by_cw = {p.coworker: p for p in persons if p.coworker}
    res = []
    for cw, space, plan in sorted(out):
        p = by_cw[cw]
        _plan_hist.setdefault(cw, []).append((day, plan))
        res.append((p, space))
    return res


def p_plan_at(p: Person, day: datetime) -> str:
    for d, plan in _plan_hist.get(p.coworker, []):
        if d == day:
            return plan
    return p.plan


# ------------------------------------------------------------------------------------------------
def write_sources(folder: Path) -> None:
    (folder / "hubspot").mkdir()
    with open(folder / "hubspot" / "contacts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Record ID", "Email Hash", "Create Date", "Original Source", "Broker Name",
                    "Company Size", "Industry", "City", "Home Space", "Membership Plan",
                    "Billing Currency", "Lifecycle Stage", "Nexudus Coworker ID"])
        stage = {"lead": "Lead", "opportunity": "Opportunity", "customer": "Customer", "former": "Former Customer"}
        for p in sorted((p for p in persons if p.contact), key=lambda p: p.contact):
            w.writerow([p.contact, p.email, f"{p.created:%Y-%m-%d %H:%M}", SOURCE_CODE[p.source], p.broker,
                        p.size, p.industry, p.city, p.space if p.coworker else "", p.plan,
                        p.cur, stage[p.stage], p.coworker or ""])

    with open(folder / "hubspot" / "activities.jsonl", "w", encoding="utf-8") as f:
        rows = sorted(hs_acts, key=lambda r: (r["ts"], r["hutk"] or "", r["contact"] or 0, r["name"]))
        for i, r in enumerate(rows):
            obj = {"occurredAt": f"{r['ts']:%Y-%m-%dT%H:%M:%S}.000Z", "eventType": r["name"],
                   "contactId": r["contact"], "hutk": r["hutk"], "channel": r["channel"],
                   "utm_campaign": r["campaign"] or None, "broker": r["broker"] or None,
                   "space": r["space"] or None}
            f.write(json.dumps(obj) + "\n")
            if i == 2500:
                f.write('{"occurredAt": "2025-12-01T10:00:00.000Z", "eventType": "Tour Bo\n')

    (folder / "nexudus").mkdir()
    with open(folder / "nexudus" / "coworkers.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["CoworkerId", "EmailHash", "AccessCardNumber"])
        for p in sorted((p for p in persons if p.coworker), key=lambda p: p.coworker):
            w.writerow([p.coworker, p.email, p.card])

    by_month: dict[str, list] = {}
    for row in sorted(nx_rows, key=lambda r: (to_utc(r[0], r[1]), r[2], r[3])):
        lon = row[0].replace(tzinfo=CITY_TZ[row[1]]).astimezone(CITY_TZ["London"])
        by_month.setdefault(f"{lon:%Y-%m}", []).append(row)
    for month, rows in by_month.items():
        with open(folder / "nexudus" / f"activity_{month}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["Date", "CoworkerId", "Activity", "Location", "Plan", "Resource",
                        "Amount", "Currency", "AmountUSD", "Source", "Notes"])
            for local, city, cw, act, space, plan, room, amount, cur, via, reason in rows:
                stamp = local.replace(tzinfo=CITY_TZ[city]).isoformat()
                w.writerow([stamp, cw, act, space, plan if act not in ("Door Access", "Guest Invited") else "", room,
                            "" if amount is None else amount, cur,
                            "" if amount is None else usd(amount, cur), via, reason])
            if month == "2026-02":
                w.writerow(["2026-02-30T09:12:00+00:00", rows[10][2], "Door Access", rows[10][4], "", "", "", "", "", "Access Control", ""])

    (folder / "access_control").mkdir()
    with open(folder / "access_control" / "legacy_door_log.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["evt_time", "card_no", "door_id", "evt_code"])
        for i, (ts, card, dr, code) in enumerate(sorted(legacy_rows)):
            w.writerow([f"{ts:%d/%m/%Y %H:%M:%S}", card, dr, code])
            if i == 3000:
                w.writerow([f"{ts:%d/%m/%Y %H:%M:%S}", card, dr, code])  # the controller repeats a row

    (folder / "helpdesk").mkdir()
    with open(folder / "helpdesk" / "tickets_export.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Ticket #", "Coworker", "Location", "Category", "Submitted Via", "Created",
                    "First Reply", "Closed", "Rating"])
        fmt = lambda t: f"{t:%d/%m/%Y %H:%M}" if t else ""
        for tid, cw, space, cat, ch, opened, first, closed, rating in sorted(ticket_rows, key=lambda r: r[5]):
            w.writerow([tid, cw, space, cat, ch, fmt(opened), fmt(first), fmt(closed), rating])

    (folder / "surveys").mkdir()
    with open(folder / "surveys" / "nps_quarterly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Respondent Email Hash", "Submitted", "Space", "How likely are you to recommend Hive & Co? (0-10)",
                    "Comment", "Wave"])
        for email, t, space, score, comment, wave in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([email, f"{t:%Y-%m-%d %H:%M}", space, score, comment, wave])

    (folder / "finance").mkdir()
    with open(folder / "finance" / "acquisition_spend.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Campaign", "Cost USD"])
        spend = {"GA - Coworking Generic": ("Google Ads", 9500), "GA - Brand": ("Google Ads", 2200),
                 "LI - Always On": ("LinkedIn", 6000)}
        for k in range(12):
            m = date(2025 + (9 + k) // 12, (9 + k) % 12 + 1, 1)
            mdt = datetime(m.year, m.month, 1)
            for camp, (ch, base) in spend.items():
                w.writerow([f"{m:%b %Y}", ch, camp, f"{base * R.uniform(0.85, 1.15):.2f}"])
            if mdt in (datetime(2026, 3, 1), datetime(2026, 4, 1)):
                w.writerow([f"{m:%b %Y}", "Google Ads", "GA - Orchard Launch", f"{R.uniform(14000, 17000):.2f}"])
            if mdt in (datetime(2026, 1, 1), datetime(2026, 2, 1)):
                w.writerow([f"{m:%b %Y}", "LinkedIn", "LI - Founders Q1", f"{R.uniform(21000, 25000):.2f}"])
            for (month, broker), fee in sorted(broker_fees.items()):
                if month == f"{m:%Y-%m}":
                    w.writerow([f"{m:%b %Y}", "Broker", broker, f"{fee:.2f}"])


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="cowork-src-") as tmp:
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
