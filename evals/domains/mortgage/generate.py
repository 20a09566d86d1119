"""Mortgage evaluation domain: Harbour Home Loans, an Australian mortgage broker.

    python generate.py OUT.duckdb

Writes Harbour's own exports (seeded: the same files every run) to a temporary folder —

  web_events_export.csv          web analytics export (snake_case events, UTC naive times):
                                 client_id cookie, crm_contact_id once the visitor enquires or
                                 logs in to the client portal
  crm_contacts.csv               CRM contacts (AU dates 'DD/MM/YYYY h:mm am/pm', Sydney time)
  crm_opportunity_stages.csv     CRM opportunity stage history (same date format)
  aggregator_applications.jsonl  aggregator platform: lodgement / approval / settlement statuses,
                                 UTC ISO times with Z, loan amounts as '$612,500.00' strings
  commission_statement.csv       monthly commission statement, one row per settled loan
  crm_cases.csv                  CRM complaint / service cases
  survey_results.csv             post-settlement CSAT (1-5) and annual client NPS (0-10)
  marketing_spend_monthly.csv    monthly marketing spend sheet

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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261202
START = datetime(2025, 12, 2)
END = datetime(2026, 12, 2)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
WARMUP = 120
SYD = ZoneInfo("Australia/Sydney")

RBA_CUTS = [datetime(2026, 2, 17), datetime(2026, 5, 19)]  # Tuesdays: cash rate cut 25 bp
FHB_EXPANSION = datetime(2026, 10, 1)  # first-home-buyer guarantee scheme expanded
SLOW_BANK = "WBC"  # Westpac: approval turnaround doubled for lodgements in July-August
SLOW = (datetime(2026, 7, 1), datetime(2026, 9, 1))
SPRING = (datetime(2026, 9, 1), datetime(2026, 12, 1))
GOOGLE_WORSE = datetime(2026, 7, 1)  # Google Ads: more spend, weaker leads
SUNNYBANK_OPEN = datetime(2026, 4, 13)  # new Brisbane branch (Monday)

R = random.Random(SEED)

BRANCHES = {
    "Sydney CBD": ("Sydney", "NSW"),
    "Parramatta": ("Sydney", "NSW"),
    "Chatswood": ("Sydney", "NSW"),
    "Hurstville": ("Sydney", "NSW"),
    "Melbourne CBD": ("Melbourne", "VIC"),
    "Box Hill": ("Melbourne", "VIC"),
    "Glen Waverley": ("Melbourne", "VIC"),
    "Brisbane CBD": ("Brisbane", "QLD"),
    "Sunnybank": ("Brisbane", "QLD"),
    "Online": ("Online", None),
}
BRANCH_W = {
    "Sydney CBD": 0.14,
    "Parramatta": 0.12,
    "Chatswood": 0.11,
    "Hurstville": 0.08,
    "Melbourne CBD": 0.12,
    "Box Hill": 0.08,
    "Glen Waverley": 0.06,
    "Brisbane CBD": 0.1,
    "Sunnybank": 0.0,
    "Online": 0.19,
}
MANDARIN_SHARE = {
    "Chatswood": 0.55,
    "Hurstville": 0.5,
    "Box Hill": 0.45,
    "Sunnybank": 0.35,
    "Glen Waverley": 0.25,
}
BROKERS = {
    "Sydney CBD": ["Olivia Bennett", "James Carter", "Priya Nair"],
    "Parramatta": ["Daniel Haddad", "Sarah Mitchell"],
    "Chatswood": ["Kevin Zhang", "Grace Liu", "Tom Walsh"],
    "Hurstville": ["Wei Chen", "Jessica Tran"],
    "Melbourne CBD": ["Liam O'Connor", "Emma Russo"],
    "Box Hill": ["Michael Wang", "Hannah Li"],
    "Glen Waverley": ["Ryan Kumar"],
    "Brisbane CBD": ["Chloe Anderson", "Jack Thompson"],
    "Sunnybank": ["Amy Huang", "Ben Nguyen"],
    "Online": ["Sophie Clarke", "Nathan Brooks", "Lucy Zhou"],
}
# product as each system spells it: canonical key -> (CRM, aggregator, commission statement)
PRODUCTS = {
    "oo": ("OO Purchase", "PURCHASE_OO", "Owner Occupied Purchase"),
    "inv": ("Investment Purchase", "PURCHASE_INV", "Investment Purchase"),
    "refi": ("Refinance", "REFINANCE", "Refinance"),
    "fhb": ("First Home Buyer (FHBG)", "FHB_SCHEME", "First Home Buyer"),
    "con": ("Construction", "CONSTRUCTION", "Construction"),
}
PROD_W = {"oo": 0.29, "inv": 0.18, "refi": 0.26, "fhb": 0.18, "con": 0.09}
AMOUNT = {
    "oo": (550e3, 1.6e6),
    "inv": (450e3, 1.2e6),
    "refi": (380e3, 1.1e6),
    "fhb": (420e3, 850e3),
    "con": (500e3, 1.05e6),
}
# aggregator code -> commission statement name; big four + non-banks
LENDERS = {
    "CBA": "Commonwealth Bank",
    "WBC": "Westpac",
    "ANZ": "ANZ",
    "NAB": "NAB",
    "PEPPER": "Pepper Money",
    "LIBERTY": "Liberty Financial",
    "LATROBE": "La Trobe Financial",
    "RESIMAC": "Resimac",
}
LENDER_W = [0.21, 0.2, 0.14, 0.14, 0.09, 0.09, 0.07, 0.06]
UPFRONT = {
    "CBA": 0.60,
    "WBC": 0.65,
    "ANZ": 0.65,
    "NAB": 0.60,
    "PEPPER": 0.65,
    "LIBERTY": 0.60,
    "LATROBE": 0.70,
    "RESIMAC": 0.60,
}
TRAIL = {
    "CBA": 0.15,
    "WBC": 0.15,
    "ANZ": 0.15,
    "NAB": 0.15,
    "PEPPER": 0.20,
    "LIBERTY": 0.20,
    "LATROBE": 0.15,
    "RESIMAC": 0.20,
}
SOURCES = ["google_ads", "facebook", "canstar", "finder", "organic", "direct"]
SOURCE_W = [0.3, 0.15, 0.09, 0.07, 0.22, 0.17]
SOURCE_CRM = {
    "google_ads": "Google Ads",
    "facebook": "Facebook",
    "canstar": "Canstar",
    "finder": "Finder",
}

HOURS = [
    0.3,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.3,
    2,
    2.4,
    2.6,
    2.7,
    3,
    2.8,
    2.6,
    2.6,
    2.7,
    3,
    3.5,
    4.3,
    5,
    4.8,
    3.2,
    1.2,
]
OFFICE = [0] * 8 + [2, 4, 4, 4, 3, 4, 4, 4, 3, 2, 1] + [0] * 5


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def office(ts):
    """The next office moment at or after ts (weekdays, some Saturday mornings)."""
    d = ts.date()
    if ts.hour >= 18:
        d += timedelta(days=1)
    while d.weekday() == 6 or (d.weekday() == 5 and not chance(0.3)):
        d += timedelta(days=1)
    t = at(d, OFFICE if d.weekday() < 5 else [0] * 9 + [3, 3, 2] + [0] * 12)
    return max(t, ts) if t.date() == ts.date() else t


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


web, contacts, stages, agg, comm, cases, surveys = ([] for _ in range(7))
seq = {"contact": 104000, "opp": 50000, "app": 880000, "case": 7000, "cookie": 0, "resp": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, branch=None):
        self.cookie = None
        self.cid = None
        self.branch = branch or pick(list(BRANCH_W), list(BRANCH_W.values()))
        self.lang = "Mandarin" if chance(MANDARIN_SHARE.get(self.branch, 0.06)) else "English"
        if self.lang == "English" and self.branch in ("Chatswood", "Box Hill") and chance(0.1):
            self.lang = "Cantonese"
        _city, state = BRANCHES[self.branch]
        self.state = state or pick(
            ["NSW", "VIC", "QLD", "WA", "SA", "ACT"], [0.3, 0.25, 0.15, 0.14, 0.1, 0.06]
        )
        self.created = None


def new_cookie(p):
    p.cookie = f"{R.randrange(10**8, 10**9)}.{1700000000 + nxt('cookie') * 97}"


def wev(p, ts, name, source="", device=None, with_id=False):
    if p.cookie is None:
        new_cookie(p)
    dev = device or getattr(p, "device", "mobile")
    if within(ts):
        web.append((ts, p.cookie, p.cid if with_id else "", name, source, dev))
    return ts < END


def crm_contact(p, ts, lead_source, btype, status="Prospect"):
    if p.cid is None:
        p.cid = f"HHL-{nxt('contact')}"
        p.created = ts
        p.lead_source = lead_source
        p.btype = btype
        p.status = status
        contacts.append(p)


def btype_of(prod):
    return {
        "oo": "Upgrader",
        "inv": "Investor",
        "refi": "Refinancer",
        "fhb": "First home buyer",
        "con": "Upgrader",
    }[prod]


def case(p, ts, ctype, mood=0.0, slow=False):
    if not within(ts):
        return
    origin = pick(["Phone", "Email", "Client Portal"], [0.45, 0.35, 0.2])
    fr = {
        "Phone": R.uniform(0.05, 2),
        "Email": R.uniform(2, 28),
        "Client Portal": R.uniform(3, 40),
    }[origin]
    if slow:
        fr *= 1.8
    res = (
        fr
        + {
            "Slow approval": R.uniform(24, 240),
            "Document request": R.uniform(6, 96),
            "Rate change": R.uniform(4, 72),
        }[ctype]
    )
    closed = ts + timedelta(hours=res)
    sat = ""
    if chance(0.4):
        sat = str(max(1, min(5, round(R.gauss(4.0 - mood, 0.9)))))
    complaint = (
        ctype == "Slow approval"
        or (ctype == "Document request" and chance(0.4))
        or (ctype == "Rate change" and chance(0.3))
    )
    cases.append(
        (
            f"CAS-{nxt('case'):06d}",
            p.cid,
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END and chance(0.97) else None,
            ctype,
            origin,
            "Yes" if complaint else "No",
            sat,
            p.branch,
        )
    )


def survey(p, ts, kind, score, loan_ref="", lender=""):
    if not within(ts):
        return
    comments = {
        "csat_good": [
            "Very smooth process",
            "Broker was fantastic",
            "Quick and easy",
            "Great communication",
            "谢谢，服务很好",
        ],
        "csat_bad": [
            "Approval took forever",
            "Too many document requests",
            "Bank kept asking for more payslips",
            "Stressful wait",
        ],
        "nps": [
            "Happy with the rate review",
            "Would recommend",
            "Haven't heard from my broker",
            "Good service",
            "",
        ],
    }
    c = ""
    if chance(0.35):
        key = "nps" if kind == "nps" else ("csat_good" if score >= 4 else "csat_bad")
        c = R.choice(comments[key])
    surveys.append(
        (
            f"R{nxt('resp'):06d}",
            "Post-Settlement CSAT" if kind == "csat" else "Annual Client NPS",
            p.cid,
            ts,
            score,
            c,
            loan_ref,
            lender,
        )
    )


def pipeline(p, t0, prod, source, quality=1.0):
    """An opportunity from enquiry to settlement (or drop-out)."""
    if t0 >= END:
        return
    opp = f"OPP-{nxt('opp')}"
    branch = p.branch
    broker = R.choice(BROKERS[branch])
    crm_prod = PRODUCTS[prod][0]

    def stage(ts, name, lost=""):
        if within(ts):
            stages.append((opp, p.cid, name, ts, source, branch, broker, crm_prod, lost))
        return ts < END

    stage(t0, "New Enquiry")

    def lose(ts, reason):
        t = ts + timedelta(days=R.uniform(10, 35))
        stage(office(t), "Closed - Lost", reason)

    t = office(t0 + timedelta(days=R.uniform(0.05, 3.5)))
    if not chance(0.72 * quality):
        lose(t0, pick(["No response", "Went direct to bank", "Just researching"], [5, 2, 3]))
        return
    if not stage(t, "Discovery Call Held"):
        return
    t = office(t + timedelta(days=R.uniform(2, 12)))
    if not chance(0.7 * quality):
        lose(
            t,
            pick(
                ["Not serviceable", "Went direct to bank", "Chose another broker", "No response"],
                [3, 2, 2, 3],
            ),
        )
        return
    if not stage(t, "Fact Find Complete"):
        return
    # documents via the client portal (web analytics, logged in)
    t = t + timedelta(days=R.uniform(0.5, 9))
    if not chance(0.84):
        lose(t, pick(["No response", "Not serviceable"], [3, 1]))
        return
    if p.cookie is None or chance(0.3):
        new_cookie(p)
        p.device = pick(["desktop", "mobile", "tablet"], [0.5, 0.42, 0.08])
    tl = at(t.date())
    if not wev(p, tl, "portal_login", "direct", with_id=True):
        return
    n_docs = R.randint(2, 7)
    td = tl
    for i in range(n_docs):
        if i and chance(0.4):
            td = at((td + timedelta(days=R.uniform(0.5, 3))).date())
            wev(p, td, "portal_login", "direct", with_id=True)
        td = td + timedelta(minutes=R.uniform(1, 8))
        wev(p, td, "document_upload", "direct", with_id=True)
    lender = pick(list(LENDERS), LENDER_W)
    nonbank = lender in ("PEPPER", "LIBERTY", "LATROBE", "RESIMAC")
    if chance(0.07 if not nonbank else 0.04):
        case(p, td + timedelta(days=R.uniform(1, 6)), "Document request", mood=0.8)
    t = office(td + timedelta(days=R.uniform(2, 8)))
    if not chance(0.88):
        lose(
            t, pick(["Not serviceable", "Chose another broker", "Purchase fell through"], [2, 1, 2])
        )
        return
    lo, hi = AMOUNT[prod]
    amount = math.exp(R.uniform(math.log(lo), math.log(hi)))
    amount *= {"Sydney": 1.12, "Melbourne": 1.0, "Brisbane": 0.86, "Online": 0.95}[
        BRANCHES[branch][0]
    ]
    amount = round(amount / 500) * 500
    app = f"APP-{nxt('app')}"
    lvr = round(min(95.0, R.uniform(55, 80) if prod != "fhb" else R.uniform(85, 95)), 1)

    def status(ts, s):
        if within(ts):
            agg.append(
                (app, opp, p.cid, s, ts, lender, PRODUCTS[prod][1], amount, lvr, branch, broker)
            )
        return ts < END

    if not status(t, "Lodged"):
        return
    lodged = t
    slow = lender == SLOW_BANK and inw(lodged, SLOW)
    big = not nonbank
    d_cond = R.uniform(3, 8) if big else R.uniform(2, 5)
    if slow:
        d_cond *= R.uniform(2.0, 2.6)
        if chance(0.35):
            case(p, lodged + timedelta(days=R.uniform(5, 12)), "Slow approval", mood=1.5, slow=True)
    elif chance(0.04):
        case(p, lodged + timedelta(days=R.uniform(5, 10)), "Slow approval", mood=1.0)
    t = office(lodged + timedelta(days=d_cond))
    r = R.random()
    if r < 0.06:
        status(t, "Declined")
        return
    if r < 0.1:
        status(t, "Withdrawn")
        return
    if not status(t, "Conditionally Approved"):
        return
    d_unc = R.uniform(4, 16) * (1.8 if slow else 1.0)
    t = office(t + timedelta(days=d_unc))
    if chance(0.07):
        status(t, "Withdrawn")
        return
    if not status(t, "Unconditionally Approved"):
        return
    if prod == "refi":
        total = R.uniform(28, 45)
    elif prod == "con":
        total = R.uniform(60, 84)
    else:
        total = R.uniform(35, 80)
    settle = max(t + timedelta(days=R.uniform(5, 12)), lodged + timedelta(days=total))
    settle = datetime(
        settle.year, settle.month, settle.day, R.choice([10, 11, 12, 13, 14, 15]), R.randrange(60)
    )
    while settle.weekday() >= 5:
        settle += timedelta(days=1)
    if chance(0.03):
        status(office(settle - timedelta(days=R.uniform(1, 5))), "Withdrawn")
        return
    if not status(settle, "Settled"):
        return
    p.status = "Client"
    # commission statement: month of settlement, dated the last day of the month
    nxt_month = datetime(settle.year + (settle.month == 12), settle.month % 12 + 1, 1)
    stmt = nxt_month - timedelta(days=1)
    if START <= stmt < END:
        rate = UPFRONT[lender]
        comm.append(
            (
                f"{settle:%b %Y}",
                stmt,
                app,
                p.cid,
                LENDERS[lender],
                PRODUCTS[prod][2],
                settle,
                amount,
                rate,
                round(amount * rate / 100, 2),
                round(amount * TRAIL[lender] / 100 / 12, 2),
                broker,
            )
        )
    if chance(0.42):
        mean = 4.4 - (1.3 if slow else 0.0) - (0.3 if prod == "con" else 0.0)
        score = max(1, min(5, round(R.gauss(mean, 0.7))))
        survey(
            p,
            settle + timedelta(days=R.uniform(2, 10), hours=R.uniform(0, 8)),
            "csat",
            score,
            app,
            LENDERS[lender],
        )
    p.settled = (settle, lender)


def seasonal(dt):
    w = 1.0
    if datetime(2025, 12, 20) <= dt < datetime(2026, 1, 12):
        w *= 0.55
    if inw(dt, SPRING):
        w *= 1.3
    if dt.weekday() == 6:
        w *= 0.8
    return w


def rba_boost(dt):
    b = 0.0
    for cut in RBA_CUTS:
        days = (dt - cut).days
        if 0 <= days < 56:
            b += 7.0 * math.exp(-days / 18)
    return b


def web_visitor(d, prod=None, source=None):
    p = Person()
    p.device = pick(["desktop", "mobile", "tablet"], [0.38, 0.55, 0.07])
    dt = datetime(d.year, d.month, d.day)
    if p.branch == "Sunnybank" or (
        p.branch == "Brisbane CBD" and dt >= SUNNYBANK_OPEN and chance(0.45)
    ):
        p.branch = "Sunnybank" if dt >= SUNNYBANK_OPEN else "Brisbane CBD"
    source = source or pick(SOURCES, SOURCE_W)
    if prod is None:
        prod = pick(list(PROD_W), list(PROD_W.values()))
    t = at(d)
    q = 1.0
    p_enq = {
        "google_ads": 0.16,
        "facebook": 0.08,
        "canstar": 0.22,
        "finder": 0.2,
        "organic": 0.15,
        "direct": 0.18,
    }[source]
    if source == "google_ads" and dt >= GOOGLE_WORSE:
        p_enq *= 0.8
        q = 0.72
    calc = False
    for s in range(R.choice([1, 1, 1, 2, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.5, 12))
            if chance(0.5):
                source = pick(["direct", "organic", source], [3, 2, 2])
        if not wev(p, t, "page_view", source):
            return p
        t += timedelta(minutes=R.uniform(0.5, 4))
        if not calc and chance(0.42 if prod != "refi" else 0.25):
            wev(p, t, "calculator_start", source)
            t += timedelta(minutes=R.uniform(1, 5))
            if chance(0.78):
                wev(p, t, "calculator_complete", source)
                calc = True
                t += timedelta(minutes=R.uniform(0.5, 3))
        if chance(p_enq * (1.6 if calc else 0.8)):
            if SOURCE_CRM.get(source):
                lead_src = SOURCE_CRM[source]
            else:
                lead_src = "Borrowing Calculator" if calc else "Website"
            crm_contact(p, t, lead_src, btype_of(prod))
            wev(p, t, "enquiry_submit", source, with_id=True)
            pipeline(p, t + timedelta(minutes=R.uniform(1, 15)), prod, lead_src, q)
            return p
    return p


def referral(d, kind):
    p = Person()
    dt = datetime(d.year, d.month, d.day)
    if p.branch == "Online":
        p.branch = pick(["Sydney CBD", "Parramatta", "Melbourne CBD", "Brisbane CBD"], [3, 2, 3, 2])
        p.lang = "English"
        p.state = BRANCHES[p.branch][1]
    if p.branch == "Brisbane CBD" and dt >= SUNNYBANK_OPEN and chance(0.5):
        p.branch = "Sunnybank"
        p.lang = "Mandarin" if chance(0.35) else "English"
    prod = pick(
        list(PROD_W),
        [0.38, 0.2, 0.06, 0.26, 0.1]
        if kind == "Real Estate Agent Referral"
        else [0.3, 0.2, 0.22, 0.2, 0.08],
    )
    if dt >= FHB_EXPANSION and chance(0.2):
        prod = "fhb"
    t = office(at(d, OFFICE))
    crm_contact(p, t, kind, btype_of(prod))
    pipeline(p, t, prod, kind, 1.25 if kind != "Walk-in / Phone" else 0.9)
    return p


def past_client():
    p = Person()
    if p.branch == "Sunnybank":
        p.branch = "Brisbane CBD"
    p.cid = f"HHL-{nxt('contact')}"
    p.created = START - timedelta(days=R.uniform(60, 2200))
    p.lead_source = pick(
        ["Google Ads", "Real Estate Agent Referral", "Past Client Referral", "Website", "Canstar"],
        [3, 3, 2, 2, 1],
    )
    p.btype = pick(["Upgrader", "Investor", "Refinancer", "First home buyer"], [4, 2, 2, 2])
    p.status = "Client"
    contacts.append(p)
    anniv = START + timedelta(days=R.randrange(N_DAYS))
    if chance(0.36):
        t = datetime(anniv.year, anniv.month, anniv.day, R.randrange(7, 22), R.randrange(60))
        score = max(0, min(10, round(R.gauss(8.1, 1.7))))
        survey(p, t, "nps", score)
    # rate cuts: existing clients ring about their rate, some refinance with us
    for cut in RBA_CUTS:
        if chance(0.05):
            case(p, office(cut + timedelta(days=R.uniform(1, 30))), "Rate change", mood=0.4)
        if chance(0.06):
            pipeline(
                p, office(cut + timedelta(days=R.uniform(1, 40))), "refi", "Existing Client", 1.3
            )
    if chance(0.01):
        case(p, office(START + timedelta(days=R.randrange(N_DAYS))), "Rate change", mood=0.2)
    return p


def simulate():
    for _ in range(1250):
        past_client()
    for k in range(-WARMUP, N_DAYS):  # warm-up: loans already in the pipeline on day one
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        w = seasonal(dt)
        for _ in range(poisson(19 * w)):
            src = pick(SOURCES, SOURCE_W)
            if dt >= GOOGLE_WORSE and chance(0.12):
                src = "google_ads"  # more Google budget: more (weaker) clicks
            prod = pick(list(PROD_W), list(PROD_W.values()))
            if inw(dt, SPRING) and prod == "refi" and chance(0.3):
                prod = "oo"
            web_visitor(d, prod, src)
        for _ in range(poisson(rba_boost(dt))):  # refinance rush after RBA cuts
            web_visitor(d, "refi", pick(SOURCES, [0.35, 0.1, 0.2, 0.15, 0.1, 0.1]))
        if dt >= FHB_EXPANSION:
            for _ in range(poisson(5.5)):
                web_visitor(d, "fhb", pick(SOURCES, [0.3, 0.25, 0.07, 0.08, 0.18, 0.12]))
        if dt >= SUNNYBANK_OPEN:
            for _ in range(poisson(0.9)):
                referral(d, pick(["Walk-in / Phone", "Real Estate Agent Referral"], [1, 1]))
        if d.weekday() < 6:
            for _ in range(poisson(1.3 * w)):
                referral(d, "Real Estate Agent Referral")
            for _ in range(poisson(0.8)):
                referral(d, "Past Client Referral")
            for _ in range(poisson(0.3)):
                referral(d, "Walk-in / Phone")


def au(ts):
    """CRM format: DD/MM/YYYY h:mm am/pm (Sydney local)."""
    if ts is None:
        return ""
    h12 = ts.hour % 12 or 12
    return f"{ts:%d/%m/%Y} {h12}:{ts:%M} {'am' if ts.hour < 12 else 'pm'}"


def utc(ts):
    return ts.replace(tzinfo=SYD).astimezone(UTC).replace(tzinfo=None)


def write(folder: Path):
    with open(folder / "web_events_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "event_time_utc",
                "client_id",
                "crm_contact_id",
                "event_name",
                "traffic_source",
                "device_category",
            ]
        )
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{utc(r[0]):%Y-%m-%d %H:%M:%S}", *r[1:]])
    with open(folder / "crm_contacts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Contact ID",
                "Created Date",
                "Home Branch",
                "State",
                "Borrower Type",
                "Preferred Language",
                "Lead Source",
                "Client Status",
            ]
        )
        for p in sorted(contacts, key=lambda p: p.cid):
            w.writerow(
                [p.cid, au(p.created), p.branch, p.state, p.btype, p.lang, p.lead_source, p.status]
            )
    with open(folder / "crm_opportunity_stages.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Opportunity ID",
                "Contact ID",
                "Stage",
                "Stage Changed",
                "Lead Source",
                "Branch",
                "Owner",
                "Product Interest",
                "Lost Reason",
            ]
        )
        for r in sorted(stages, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], au(r[3]), *r[4:]])
    with open(folder / "aggregator_applications.jsonl", "w") as f:
        for app, opp, cid, s, ts, lender, prod, amount, lvr, branch, broker in sorted(
            agg, key=lambda r: (r[4], r[0])
        ):
            obj = {
                "applicationId": app,
                "brokerRef": opp,
                "clientRef": cid,
                "status": s,
                "statusTime": f"{utc(ts):%Y-%m-%dT%H:%M:%S}Z",
                "lenderCode": lender,
                "loanPurpose": prod,
                "loanAmount": f"${amount:,.2f}",
                "lvr": lvr,
                "officeName": branch,
                "brokerName": broker,
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "commission_statement.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Statement Period",
                "Statement Date",
                "Loan Ref",
                "Client ID",
                "Lender",
                "Product",
                "Settlement Date",
                "Loan Amount",
                "Upfront Rate %",
                "Upfront Commission",
                "Trail Commission (monthly)",
                "Broker",
            ]
        )
        for r in sorted(comm, key=lambda r: (r[1], r[6], r[2])):
            w.writerow(
                [
                    r[0],
                    f"{r[1]:%d/%m/%Y}",
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    f"{r[6]:%d/%m/%Y}",
                    f"{r[7]:.2f}",
                    f"{r[8]:.2f}",
                    f"{r[9]:.2f}",
                    f"{r[10]:.2f}",
                    r[11],
                ]
            )
    with open(folder / "crm_cases.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Case Number",
                "Contact ID",
                "Date/Time Opened",
                "First Response",
                "Date/Time Closed",
                "Case Type",
                "Case Origin",
                "Complaint",
                "Satisfaction",
                "Branch",
            ]
        )
        for r in sorted(cases, key=lambda r: r[0]):
            w.writerow([r[0], r[1], au(r[2]), au(r[3]), au(r[4]), *r[5:]])
    with open(folder / "survey_results.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Response ID",
                "Survey Name",
                "Client ID",
                "Completed At",
                "Score",
                "Comment",
                "Loan Ref",
                "Lender",
            ]
        )
        for r in sorted(surveys, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], f"{r[3]:%Y-%m-%d %H:%M}", r[4], r[5], r[6], r[7]])
    with open(folder / "marketing_spend_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend (AUD)"])
        base = {"Google Ads": 21000, "Facebook": 9500, "Canstar": 6000, "Finder": 4800}
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch == "Google Ads" and m >= GOOGLE_WORSE:
                    f_ *= 1.5
                if ch in ("Canstar", "Finder") and m.month in (2, 3, 5, 6):
                    f_ *= 1.25  # pay-per-lead: more refinance leads after the cuts
                if inw(m, SPRING):
                    f_ *= 1.15
                w.writerow([f"{m:%b-%Y}", ch, f"{amt * f_:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="mortgage-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if os.environ.get("MORTGAGE_KEEP_SRC"):
            shutil.copytree(folder, os.environ["MORTGAGE_KEEP_SRC"], dirs_exist_ok=True)
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
