"""Telehealth evaluation domain: CareNow, a US telehealth company (app + website) in 12 states.

    python generate.py OUT.duckdb

Writes CareNow's own exports (seeded: the same files every run) to a temporary folder —

  app_events.csv          app/web analytics: camelCase eventName, UTC ISO times with Z,
                          anonymousId always, patientId once the account exists, utmSource, platform
  ehr_patients.csv        EHR patient master (SCREAMING_SNAKE): MRN, portal id, email hash, state...
  ehr_encounters.csv      EHR encounter events: EVENT_CODE, 'MM/DD/YYYY HH:MM' Eastern time
  pharmacy_feed.csv       pharmacy partner: pickups, out-of-stock, GLP-1 refills (Central)
  stripe_charges.jsonl    billing (Stripe-like): charges + subscription invoices, cents, UTC
  stripe_refunds.jsonl    billing refunds (cents, UTC)
  stripe_customers.csv    billing customer -> patient portal id (links only)
  zendesk_tickets.csv     support tickets (UTC)
  post_visit_csat.csv     post-visit survey (1-5, Eastern)
  nps_quarterly.csv       quarterly NPS survey (0-10, date only)
  weekly_spend.csv        marketing spend per channel per week (week starting Sunday, MM/DD/YYYY)

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
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261204
START = datetime(2025, 12, 4)
END = datetime(2026, 12, 4)  # as_of (Friday); data ends the day before
N_DAYS = (END - START).days
OUTAGE = (
    datetime(2026, 3, 9, 7, 30),
    datetime(2026, 3, 9, 20, 0),
)  # video platform outage (Monday)
WEIGHT_LAUNCH = datetime(2026, 4, 6)  # weight-management programme launch (Monday)
SHORTAGE = (datetime(2026, 8, 1), datetime(2026, 9, 1))  # GLP-1 shortage
TIKTOK = (datetime(2026, 6, 1), datetime(2026, 7, 1))  # TikTok campaign
EMPLOYER_START = datetime(2026, 9, 1)  # Brightway Stores employer partnership
PRICE_UP = datetime(2026, 10, 1)  # therapy subscription $249 -> $299

ET = ZoneInfo("America/New_York")
CT = ZoneInfo("America/Chicago")
UTC = ZoneInfo("UTC")

R = random.Random(SEED)

STATES = ["NY", "NJ", "PA", "FL", "TX", "CA", "IL", "OH", "GA", "NC", "MA", "WA"]
STATE_W = [0.13, 0.07, 0.08, 0.12, 0.12, 0.14, 0.07, 0.06, 0.06, 0.05, 0.05, 0.05]
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
AGE_W = [0.14, 0.31, 0.25, 0.15, 0.1, 0.05]
PAYERS = ["Aetna", "UnitedHealthcare", "Cigna", "BCBS", "Humana"]
PAYER_W = [0.22, 0.26, 0.18, 0.28, 0.06]
# utm sources as the analytics SDK writes them
SOURCES = [
    "google_ads",
    "meta",
    "tiktok",
    "podcast",
    "employer",
    "ins_directory",
    "organic",
    "direct",
]
SOURCE_W = [0.27, 0.17, 0.04, 0.07, 0.05, 0.1, 0.16, 0.14]
EMPLOYERS = ["NORTHWIND", "ACMEHEALTH", "PIONEERBANK"]
DX_GROUPS = ["Flu/COVID", "Cold/Sinus", "UTI", "Skin/Rash", "Pink eye", "Other"]

HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    1.8,
    3,
    3.5,
    3.4,
    3.2,
    3.2,
    3.1,
    3,
    2.9,
    3,
    3.2,
    3.4,
    3.6,
    3.5,
    2.8,
    1.6,
    0.6,
]


def chance(p):
    return R.random() < p


def pick(opts, w=None):
    return R.choices(opts, weights=w)[0]


def poisson(lam):
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def h(text):
    return hashlib.md5(text.encode()).hexdigest()


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


app, ehr, pharm, charges, refunds, tickets, csat, nps = ([] for _ in range(8))
patients = []
seq = {"mrn": 400000, "visit": 0, "rx": 700000, "tk": 52000, "anon": 0, "ch": 0, "sub": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


PROVIDERS = {}
for st in STATES:
    PROVIDERS[st] = {
        "UC": [(f"P{st}{i:02d}", pick(["MD", "NP"], [0.35, 0.65])) for i in range(4)],
        "BH": [
            (f"T{st}{i:02d}", pick(["LCSW", "LMFT", "PsyD"], [0.5, 0.3, 0.2])) for i in range(3)
        ],
        "WM": [(f"W{st}{i:02d}", pick(["MD", "NP"], [0.6, 0.4])) for i in range(2)],
    }


class Patient:
    def __init__(self, source, day):
        self.anon = "d-" + h(f"anon{nxt('anon')}")[:16]
        self.pid = None
        self.mrn = None
        self.cus = None
        self.email = None
        self.source = source
        self.state = pick(STATES, STATE_W)
        self.age = pick(AGE_BANDS, AGE_W)
        self.sex = pick(["F", "M", "X"], [0.58, 0.41, 0.01])
        self.coverage = None
        self.payer = ""
        self.employer = ""
        self.platform = pick(["ios", "android", "web"], [0.42, 0.23, 0.35])
        self.registered = None
        self.visits = []  # completed visits (for NPS)


def ev(p, ts, name, extra=None):
    if within(ts):
        app.append((ts, p.anon, p.pid or "", name, p.source, p.platform, extra or ""))
        return True
    return False


def ehr_ev(p, ts, code, line, visit_id="", provider=None, duration="", dx="", payer=""):
    if not within(ts):
        return False
    prov_id, prov_type = provider or ("", "")
    ehr.append((p.mrn, visit_id, code, ts, line, prov_id, prov_type, p.state, duration, dx, payer))
    return True


def charge(p, ts, cents, product, ref, kind="charge.succeeded"):
    if not within(ts) or cents <= 0:
        return None
    cid = ("ch_" if kind == "charge.succeeded" else "in_") + h(f"ch{nxt('ch')}")[:14]
    charges.append((cid, kind, ts, cents, p.cus, product, ref))
    return cid


def ensure_billing(p):
    if p.cus is None:
        p.cus = "cus_" + h(f"cus{p.pid}")[:14]


def register(p, ts):
    p.pid = "pt_" + h(f"pid{len(patients)}{p.anon}")[:12]
    p.mrn = f"MRN{nxt('mrn')}"
    p.email = h(f"mail{p.pid}")[:20]
    p.registered = ts
    patients.append(p)


def ticket(p, ts, kind, complaint=False, mood=0.0):
    if not within(ts):
        return
    via = pick(["email", "chat", "phone", "web"], [0.35, 0.35, 0.15, 0.15])
    fr = {
        "email": R.uniform(1, 14),
        "chat": R.uniform(0.02, 0.4),
        "phone": R.uniform(0.01, 0.2),
        "web": R.uniform(2, 20),
    }[via]
    if inw(ts, (OUTAGE[0], OUTAGE[0] + timedelta(days=3))):
        fr *= 4  # queue flooded after the outage
    res = (
        fr
        + {
            "billing": R.uniform(4, 72),
            "pharmacy": R.uniform(6, 96),
            "video_technical": R.uniform(1, 30),
            "complaint": R.uniform(12, 140),
            "account_access": R.uniform(0.5, 12),
        }[kind]
    )
    first = ts + timedelta(hours=fr)
    solved = ts + timedelta(hours=res)
    score = ""
    if chance(0.4):
        score = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    tickets.append(
        (
            nxt("tk"),
            p.pid or "",
            p.email or "",
            ts,
            first if first < END else None,
            solved if solved < END and chance(0.96) else None,
            kind,
            via,
            "yes" if complaint else "no",
            score,
        )
    )


def season(dt):
    m = dt.month
    if m in (12, 1, 2):
        return 2.3 if m in (12, 1) else 1.9
    if m == 3:
        return 1.2
    return 1.0


# --- flows -----------------------------------------------------------------------------------


def front_door(p, t, line):
    """Landing page -> (symptom checker) -> account -> intake -> eligibility; the time or None."""
    tiktok = p.source == "TikTok"
    if not ev(p, t, "landingPageView", line):
        return None
    t += timedelta(minutes=R.uniform(0.5, 4))
    if line == "urgent_care" and chance(0.7):
        ev(p, t, "symptomCheckerCompleted", line)
        t += timedelta(minutes=R.uniform(2, 8))
    p_acct = {"TikTok": 0.72, "Employer Benefits": 0.85, "Insurance Directory": 0.6}.get(
        p.source, 0.52
    )
    if not chance(p_acct):
        return None
    register(p, t)
    ev(p, t, "accountCreated", line)
    t += timedelta(minutes=R.uniform(3, 25)) if chance(0.75) else timedelta(hours=R.uniform(2, 60))
    if not chance(0.62 if tiktok else 0.86):
        return None
    ev(p, t, "intakeFormSubmitted", line)
    t += timedelta(minutes=R.uniform(1, 30))
    # eligibility: employer code, insurance, or self-pay
    if p.source == "Employer Benefits":
        p.coverage = "EMPLOYER"
        p.payer = "Employer benefit"
        ehr_ev(p, t, "ELIG_VERIFIED", LINE[line], payer=p.payer)
    elif chance(0.62 if p.age != "18-24" else 0.45):
        p.coverage = "COMMERCIAL"
        p.payer = pick(PAYERS, PAYER_W)
        ehr_ev(p, t, "ELIG_VERIFIED", LINE[line], payer=p.payer)
    else:
        p.coverage = "SELF_PAY"
        p.payer = "Self-pay"
        ehr_ev(p, t, "SELF_PAY_ELECTED", LINE[line], payer=p.payer)
    return t + timedelta(minutes=R.uniform(1, 10))


LINE = {"urgent_care": "URGENT_CARE", "therapy": "BEHAVIORAL_HEALTH", "weight": "WEIGHT_MGMT"}


def urgent_visit(p, t, dx):
    """Book -> video visit -> payment -> e-prescription -> pharmacy pickup, CSAT, tickets."""
    tiktok = p.source == "TikTok"
    ehr_line = "URGENT_CARE"
    if not chance(0.5 if tiktok else 0.88):
        return
    vid = f"V{nxt('visit'):07d}"
    ehr_ev(p, t, "UC_APPT_SCHEDULED", ehr_line, vid)
    tv = t + (
        timedelta(minutes=R.uniform(10, 90)) if chance(0.7) else timedelta(hours=R.uniform(3, 30))
    )
    prov = pick(PROVIDERS[p.state]["UC"])
    if not within(tv):
        return
    if inw(tv, OUTAGE) and chance(0.95):
        # the video platform is down: the visit fails, the patient is refunded and often complains
        ev(p, tv, "videoJoinFailed", "urgent_care")
        ehr_ev(
            p, tv + timedelta(minutes=R.uniform(5, 15)), "UC_VISIT_TECH_FAIL", ehr_line, vid, prov
        )
        cents = 7900 if p.coverage == "SELF_PAY" else R.choice([2500, 3000, 3500, 4000])
        if p.coverage != "EMPLOYER":
            ensure_billing(p)
            cid = charge(p, t + timedelta(minutes=1), cents, "urgent_care_visit", vid)
            if cid:
                refunds.append(
                    (
                        "re_" + h(cid)[:14],
                        cid,
                        tv + timedelta(hours=R.uniform(2, 30)),
                        cents,
                        p.cus,
                        "service_failure",
                    )
                )
        if chance(0.55):
            ticket(
                p,
                tv + timedelta(minutes=R.uniform(10, 240)),
                "complaint" if chance(0.5) else "video_technical",
                complaint=True,
                mood=1.8,
            )
        if chance(0.35):  # some rebook the next day
            urgent_visit(p, tv + timedelta(days=1, hours=R.uniform(-2, 4)), dx)
        return
    if not chance(0.52 if tiktok else 0.9):
        ehr_ev(p, tv + timedelta(minutes=15), "UC_NO_SHOW", ehr_line, vid, prov)
        return
    if chance(0.012):
        ev(p, tv, "videoJoinFailed", "urgent_care")
        ticket(p, tv + timedelta(minutes=R.uniform(5, 90)), "video_technical", mood=0.6)
        tv += timedelta(minutes=R.uniform(3, 12))
    dur = max(5, round(R.gauss(13, 4)))
    tend = tv + timedelta(minutes=dur)
    ehr_ev(p, tend, "UC_VISIT_COMPLETE", ehr_line, vid, prov, dur, dx)
    p.visits.append(tend)
    if p.coverage != "EMPLOYER":
        ensure_billing(p)
        cents = 7900 if p.coverage == "SELF_PAY" else R.choice([2500, 3000, 3500, 4000])
        cid = charge(
            p, tend + timedelta(seconds=R.uniform(10, 300)), cents, "urgent_care_visit", vid
        )
        if cid and chance(0.012):
            refunds.append(
                (
                    "re_" + h(cid)[:14],
                    cid,
                    tend + timedelta(days=R.uniform(1, 10)),
                    cents,
                    p.cus,
                    "requested_by_customer",
                )
            )
            ticket(p, tend + timedelta(days=R.uniform(0.5, 5)), "billing", mood=0.5)
    if chance(0.3):
        t_s = tend + timedelta(hours=R.uniform(1, 30))
        if within(t_s):
            mean = 4.35 if dur >= 8 else 3.9
            csat.append((p.pid, vid, t_s, max(1, min(5, round(R.gauss(mean, 0.8)))), "UC"))
    rx_p = {
        "Flu/COVID": 0.55,
        "Cold/Sinus": 0.5,
        "UTI": 0.9,
        "Skin/Rash": 0.7,
        "Pink eye": 0.85,
        "Other": 0.4,
    }[dx]
    if chance(rx_p):
        trx = tend + timedelta(minutes=R.uniform(1, 20))
        rx = f"RX{nxt('rx')}"
        if ehr_ev(p, trx, "ERX_SENT", ehr_line, vid, prov, dx=dx):
            drug = {
                "Flu/COVID": "Antiviral",
                "UTI": "Antibiotic",
                "Skin/Rash": "Topical",
                "Pink eye": "Antibiotic",
            }.get(dx, pick(["Antibiotic", "Other"]))
            if chance(0.87):
                pharm.append(
                    (rx, p.mrn, "PICKED_UP", trx + timedelta(hours=R.uniform(1, 30)), drug, "NEW")
                )
            elif chance(0.3):
                ticket(p, trx + timedelta(hours=R.uniform(3, 40)), "pharmacy", mood=0.4)
    if chance(0.02):
        ticket(p, tend + timedelta(days=R.uniform(0.5, 6)), pick(["billing", "account_access"]))
    if chance(0.005):
        ticket(p, tend + timedelta(days=R.uniform(0.5, 6)), "complaint", complaint=True, mood=1.2)


def therapy(p, t, existing=False):
    tiktok = p.source == "TikTok"
    prov = pick(PROVIDERS[p.state]["BH"])
    ensure_billing(p)
    sub = f"sub_{h('sub' + p.pid)[:14]}"
    if existing:  # a subscriber since before the data starts: sessions and renewals only
        ts = t
    else:
        if not chance(0.55 if tiktok else 0.8):
            return
        t += timedelta(hours=R.uniform(2, 72))
        if not ev(p, t, "therapistMatched", "therapy"):
            return
        if not chance(0.5 if tiktok else 0.78):
            return
        ts = t + timedelta(days=R.uniform(1, 9))
        if not within(ts):
            return
        price = 29900 if ts >= PRICE_UP else 24900
        charge(
            p,
            ts - timedelta(hours=R.uniform(1, 20)),
            price,
            "therapy_monthly",
            sub,
            "invoice.paid.create",
        )
    # sessions, renewals and cancellation
    month_start = ts
    s = ts
    while within(s):
        vid = f"V{nxt('visit'):07d}"
        ehr_ev(
            p,
            s - timedelta(days=R.uniform(2, 6)),
            "BH_SESSION_SCHEDULED",
            "BEHAVIORAL_HEALTH",
            vid,
            prov,
        )
        if chance(0.93):
            dur = round(R.gauss(50, 4))
            ehr_ev(
                p,
                s + timedelta(minutes=dur),
                "BH_SESSION_COMPLETE",
                "BEHAVIORAL_HEALTH",
                vid,
                prov,
                dur,
            )
            p.visits.append(s)
            if chance(0.15):
                ts_c = s + timedelta(hours=R.uniform(1, 24))
                if within(ts_c):
                    csat.append((p.pid, vid, ts_c, max(1, min(5, round(R.gauss(4.5, 0.7)))), "BH"))
        s += timedelta(days=R.choice([7, 7, 14, 14, 10]), hours=R.uniform(-3, 3))
        if s >= month_start + timedelta(days=30):
            month_start += timedelta(days=30)
            if not within(month_start):
                break
            churn = 0.07
            if month_start >= PRICE_UP:
                churn = 0.16 if month_start < PRICE_UP + timedelta(days=45) else 0.12
            if chance(churn):
                charges.append(
                    (
                        "evt_" + h("del" + sub)[:14],
                        "customer.subscription.deleted",
                        month_start - timedelta(days=R.uniform(0, 4)),
                        0,
                        p.cus,
                        "therapy_monthly",
                        sub,
                    )
                )
                if month_start >= PRICE_UP and chance(0.2):
                    ticket(
                        p,
                        month_start - timedelta(days=R.uniform(0, 5)),
                        "billing",
                        complaint=chance(0.4),
                        mood=1.0,
                    )
                break
            price = 29900 if month_start >= PRICE_UP else 24900
            charge(p, month_start, price, "therapy_monthly", sub, "invoice.paid.cycle")


def weight(p, t):
    tiktok = p.source == "TikTok"
    if not chance(0.6 if tiktok else 0.82):
        return
    tc = t + timedelta(days=R.uniform(0.5, 6))
    prov = pick(PROVIDERS[p.state]["WM"])
    vid = f"V{nxt('visit'):07d}"
    dur = round(R.gauss(24, 4))
    if not ehr_ev(p, tc, "WM_CONSULT_COMPLETE", "WEIGHT_MGMT", vid, prov, dur):
        return
    p.visits.append(tc)
    ensure_billing(p)
    if chance(0.25):
        ts_c = tc + timedelta(hours=R.uniform(1, 24))
        if within(ts_c):
            csat.append((p.pid, vid, ts_c, max(1, min(5, round(R.gauss(4.3, 0.8)))), "WM"))
    if not chance(0.86):
        return
    tl = tc + timedelta(minutes=R.uniform(5, 40))
    ehr_ev(p, tl, "WM_LAB_ORDERED", "WEIGHT_MGMT", vid, prov)
    if not chance(0.78):
        return
    tr = tl + timedelta(days=R.uniform(3, 12))
    rx = f"RX{nxt('rx')}"
    if not ehr_ev(p, tr, "WM_GLP1_RX", "WEIGHT_MGMT", vid, prov):
        return
    sub = f"sub_{h('wsub' + p.pid)[:14]}"
    charge(
        p,
        tr + timedelta(hours=R.uniform(0.1, 3)),
        12900,
        "weight_program_monthly",
        sub,
        "invoice.paid.create",
    )
    tf = tr + timedelta(hours=R.uniform(4, 48))
    if inw(tf, SHORTAGE) and chance(0.7):
        pharm.append((rx, p.mrn, "OUT_OF_STOCK", tf, "GLP-1", "NEW"))
        if chance(0.45):
            ticket(
                p,
                tf + timedelta(hours=R.uniform(2, 48)),
                "pharmacy",
                complaint=chance(0.4),
                mood=1.2,
            )
        if chance(0.5):
            charges.append(
                (
                    "evt_" + h("del" + sub)[:14],
                    "customer.subscription.deleted",
                    tf + timedelta(days=R.uniform(2, 12)),
                    0,
                    p.cus,
                    "weight_program_monthly",
                    sub,
                )
            )
            return
        tf = max(
            tf + timedelta(days=R.uniform(8, 25)), SHORTAGE[1] + timedelta(days=R.uniform(0, 6))
        )
    if not within(tf):
        return
    pharm.append((rx, p.mrn, "PICKED_UP", tf, "GLP-1", "NEW"))
    m = tf
    k = 0
    while True:
        m = m + timedelta(days=R.uniform(28, 33))
        k += 1
        if not within(m):
            break
        if chance(0.06):
            charges.append(
                (
                    "evt_" + h("del" + sub)[:14],
                    "customer.subscription.deleted",
                    m - timedelta(days=2),
                    0,
                    p.cus,
                    "weight_program_monthly",
                    sub,
                )
            )
            break
        charge(p, m - timedelta(days=1), 12900, "weight_program_monthly", sub, "invoice.paid.cycle")
        if inw(m, SHORTAGE) and chance(0.5):
            pharm.append((f"{rx}-R{k}", p.mrn, "OUT_OF_STOCK", m, "GLP-1", "REFILL"))
            if chance(0.3):
                ticket(
                    p,
                    m + timedelta(hours=R.uniform(2, 48)),
                    "pharmacy",
                    complaint=chance(0.3),
                    mood=1.0,
                )
            continue
        pharm.append((f"{rx}-R{k}", p.mrn, "REFILL_DISPENSED", m, "GLP-1", "REFILL"))


def newcomer(d, source=None, line=None):
    dt = datetime(d.year, d.month, d.day)
    source = source or pick(SOURCES, SOURCE_W)
    src = CHANNEL_NAME[source]
    p = Patient(src, d)
    if source == "employer":
        p.employer = pick(EMPLOYERS)
    if line is None:
        w_uc = 0.62 * season(dt)
        w_bh = 0.3
        w_wm = (
            0.0
            if dt < WEIGHT_LAUNCH
            else (0.32 if dt < WEIGHT_LAUNCH + timedelta(days=60) else 0.24)
        )
        if source == "podcast":
            w_bh *= 2.5
        if source == "tiktok":
            w_wm *= 1.6
        line = pick(["urgent_care", "therapy", "weight"], [w_uc, w_bh, w_wm])
    t = at(d)
    t2 = front_door(p, t, line)
    if t2 is None:
        return p
    if line == "urgent_care":
        dx = pick(DX_GROUPS, [0.45 * season(dt) - 0.3, 0.22, 0.14, 0.1, 0.06, 0.12])
        urgent_visit(p, t2, dx)
        # some come back for another urgent-care visit later
        for _ in range(poisson(0.35)):
            d2 = t2 + timedelta(days=R.uniform(10, 200))
            dx2 = pick(DX_GROUPS, [0.45 * season(d2) - 0.3, 0.22, 0.14, 0.1, 0.06, 0.12])
            if ev(p, d2, "landingPageView", "urgent_care"):
                urgent_visit(p, d2 + timedelta(minutes=R.uniform(3, 20)), dx2)
    elif line == "therapy":
        therapy(p, t2)
    else:
        weight(p, t2)
    return p


def returning_patient():
    """A patient registered before the data: back for urgent care, or a therapy subscriber."""
    p = Patient(pick(["Direct", "Organic Search", "Google Ads"], [0.6, 0.25, 0.15]), None)
    register(p, START - timedelta(days=R.uniform(20, 900), minutes=R.uniform(0, 1440)))
    p.coverage = pick(["COMMERCIAL", "SELF_PAY"], [0.68, 0.32])
    p.payer = pick(PAYERS, PAYER_W) if p.coverage == "COMMERCIAL" else "Self-pay"
    if chance(0.09):
        therapy(p, START + timedelta(days=R.uniform(0, 30), hours=R.uniform(8, 20)), existing=True)
        return
    for _ in range(poisson(1.7)):
        d = START + timedelta(days=R.randrange(N_DAYS))
        while not chance(season(d) / 2.3 * (1.0 if d.weekday() == 0 else 0.7)):
            d = START + timedelta(days=R.randrange(N_DAYS))
        t = at(d)
        if d.weekday() == 0 and chance(0.3):
            t = datetime(d.year, d.month, d.day, R.randrange(8, 18), R.randrange(60))
        p.source = pick(["Direct", "Organic Search", "Google Ads"], [0.6, 0.25, 0.15])
        if not ev(p, t, "landingPageView", "urgent_care"):
            continue
        t += timedelta(minutes=R.uniform(0.5, 3))
        if chance(0.5):
            ev(p, t, "symptomCheckerCompleted", "urgent_care")
            t += timedelta(minutes=R.uniform(2, 8))
        if not chance(0.8):
            continue
        ev(p, t, "intakeFormSubmitted", "urgent_care")
        dx = pick(DX_GROUPS, [0.45 * season(d) - 0.3, 0.22, 0.14, 0.1, 0.06, 0.12])
        urgent_visit(p, t + timedelta(minutes=R.uniform(1, 10)), dx)


CHANNEL_NAME = {
    "google_ads": "Google Ads",
    "meta": "Meta",
    "tiktok": "TikTok",
    "podcast": "Podcast",
    "employer": "Employer Benefits",
    "ins_directory": "Insurance Directory",
    "organic": "Organic Search",
    "direct": "Direct",
}
SRC_OF = {v: k for k, v in CHANNEL_NAME.items()}


def simulate():
    for _ in range(2600):
        returning_patient()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = 1.0 + (0.45 if d.weekday() == 0 else 0) - (0.2 if d.weekday() >= 5 else 0)
        for _ in range(poisson(20 * w * (1.25 if dt.month in (12, 1, 2) else 1.0))):
            newcomer(d)
        if inw(dt, TIKTOK):
            for _ in range(poisson(22)):
                newcomer(d, "tiktok")
        if dt >= EMPLOYER_START and d.weekday() < 6:
            for _ in range(poisson(9 if dt < EMPLOYER_START + timedelta(days=21) else 5)):
                p = newcomer(d, "employer")
                p.employer = "BRIGHTWAY"
    # quarterly NPS to patients with a completed visit or session
    waves = [
        datetime(2026, 1, 12),
        datetime(2026, 4, 13),
        datetime(2026, 7, 13),
        datetime(2026, 10, 12),
    ]
    for p in patients:
        for wv in waves:
            if any(v < wv for v in p.visits) and chance(0.22):
                t = wv + timedelta(days=R.uniform(0, 10))
                mean = 7.4 if p.source == "TikTok" else 8.1
                nps.append(
                    (
                        p.pid,
                        t,
                        max(0, min(10, round(R.gauss(mean, 1.9)))),
                        f"{wv.year}-Q{(wv.month - 1) // 3 + 1}",
                    )
                )


def write(folder: Path):
    def utc(ts):
        return ts.replace(tzinfo=ET).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def utc_plain(ts):
        return ts.replace(tzinfo=ET).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")

    def central(ts):
        return ts.replace(tzinfo=ET).astimezone(CT).strftime("%Y-%m-%d %H:%M:%S")

    with open(folder / "app_events.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "timestamp",
                "anonymousId",
                "patientId",
                "eventName",
                "utmSource",
                "platform",
                "serviceLine",
            ]
        )
        for r in sorted(app, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([utc(r[0]), r[1], r[2], r[3], SRC_OF[r[4]], r[5], r[6]])
    with open(folder / "ehr_patients.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "PATIENT_MRN",
                "PORTAL_USER_ID",
                "EMAIL_SHA",
                "REGISTERED_DTTM",
                "HOME_STATE",
                "AGE_BAND",
                "SEX",
                "COVERAGE_TYPE",
                "PAYER_NAME",
                "EMPLOYER_CODE",
            ]
        )
        for p in sorted(patients, key=lambda p: p.mrn):
            w.writerow(
                [
                    p.mrn,
                    p.pid,
                    p.email,
                    f"{p.registered:%m/%d/%Y %H:%M}",
                    p.state,
                    p.age,
                    p.sex,
                    p.coverage or "",
                    p.payer,
                    p.employer,
                ]
            )
    with open(folder / "ehr_encounters.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "PATIENT_MRN",
                "VISIT_ID",
                "EVENT_CODE",
                "EVENT_DTTM",
                "SERVICE_LINE",
                "PROVIDER_ID",
                "PROVIDER_CREDENTIAL",
                "PROVIDER_LICENSE_STATE",
                "DURATION_MIN",
                "DX_GROUP",
                "PAYER_NAME",
            ]
        )
        for r in sorted(ehr, key=lambda r: (r[3], r[0], r[2])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    f"{r[3]:%m/%d/%Y %H:%M}",
                    r[4],
                    r[5],
                    r[6],
                    r[7] if r[5] else "",
                    r[8],
                    r[9],
                    r[10],
                ]
            )
    with open(folder / "pharmacy_feed.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["rx_number", "patient_mrn", "fill_status", "status_time_ct", "drug_class", "fill_type"]
        )
        for r in sorted(pharm, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                w.writerow([r[0], r[1], r[2], central(r[3]), r[4], r[5]])
    with open(folder / "stripe_charges.jsonl", "w") as f:
        for cid, kind, ts, cents, cus, product, ref in sorted(charges, key=lambda r: (r[2], r[0])):
            if not within(ts):
                continue
            typ, reason = kind, ""
            if kind.startswith("invoice.paid"):
                typ = "invoice.paid"
                reason = "subscription_create" if kind.endswith("create") else "subscription_cycle"
            obj = {
                "id": cid,
                "type": typ,
                "created": utc(ts),
                "amount": cents,
                "currency": "usd",
                "customer": cus,
                "product": product,
                "billing_reason": reason,
                "reference": ref,
            }
            if typ == "customer.subscription.deleted":
                obj.pop("amount")
            f.write(json.dumps(obj) + "\n")
    with open(folder / "stripe_refunds.jsonl", "w") as f:
        for rid, cid, ts, cents, cus, reason in sorted(refunds, key=lambda r: (r[2], r[0])):
            if within(ts):
                f.write(
                    json.dumps(
                        {
                            "id": rid,
                            "object": "refund",
                            "charge": cid,
                            "created": utc(ts),
                            "amount": cents,
                            "currency": "usd",
                            "customer": cus,
                            "reason": reason,
                        }
                    )
                    + "\n"
                )
    with open(folder / "stripe_customers.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer", "client_reference_id"])
        for p in sorted(patients, key=lambda p: p.pid):
            if p.cus:
                w.writerow([p.cus, p.pid])
    with open(folder / "zendesk_tickets.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Id",
                "Requester external id",
                "Requester email sha",
                "Created at",
                "First reply at",
                "Solved at",
                "Ticket type",
                "Via",
                "Complaint",
                "Satisfaction score",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    utc_plain(r[3]),
                    utc_plain(r[4]) if r[4] else "",
                    utc_plain(r[5]) if r[5] else "",
                    r[6],
                    r[7],
                    r[8],
                    r[9],
                ]
            )
    with open(folder / "post_visit_csat.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["patient_id", "visit_id", "submitted", "rating", "service"])
        for r in sorted(csat, key=lambda r: (r[2], r[1])):
            w.writerow([r[0], r[1], f"{r[2]:%m/%d/%Y %I:%M %p}", r[3], r[4]])
    with open(folder / "nps_quarterly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["patient_id", "response_date", "score", "wave"])
        for r in sorted(nps, key=lambda r: (r[1], r[0])):
            if within(r[1]):
                w.writerow([r[0], f"{r[1]:%Y-%m-%d}", r[2], r[3]])
    with open(folder / "weekly_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["week_starting", "channel", "spend_usd"])
        base = {
            "Google Ads": 21000,
            "Meta": 12500,
            "TikTok": 2500,
            "Podcasts": 6000,
            "Insurance directories": 3000,
        }
        wk = START - timedelta(days=(START.weekday() + 1) % 7)  # the Sunday on or before START
        while wk < END:
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if ch == "Google Ads" and wk.month in (12, 1, 2):
                    f_ *= 1.35
                if ch == "TikTok" and inw(wk + timedelta(days=3), TIKTOK):
                    f_ *= 11
                w.writerow([f"{wk:%m/%d/%Y}", ch, f"{amt * f_:.2f}"])
            if wk >= EMPLOYER_START - timedelta(days=7):
                w.writerow(
                    [f"{wk:%m/%d/%Y}", "Employer partnerships", f"{R.uniform(3500, 4500):.2f}"]
                )
            wk += timedelta(days=7)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="telehealth-src-") as tmp:
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
