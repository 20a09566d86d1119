"""Industrial-distribution evaluation domain: Keystone Industrial Supply (US/Canada B2B MRO distributor).

    python generate.py OUT.duckdb

Writes Keystone's own exports (seeded: the same files on every run) into a temporary folder —

  crm_contacts.csv          CRM contact master (contact_id, acct_id, role, vertical, tier, size band,
                            st_prov, rep_id, lead_src, created_dt, email_sha, erp_contact_no)
  crm_activities.csv        CRM activity log: REP_CALL, TRADESHOW_SCAN, WEBINAR_ATTEND
  web/weblog_YYYYMM.jsonl   e-commerce analytics: CAT_VIEW, RFQ_SUBMIT (UTC instants with Z; vid cookie,
                            contact_id once logged in; utm source/campaign)
  erp_sales_lines.csv       ERP: QUOTE_SENT, QUOTE_ACCEPT, PO_RECEIVED, PUNCHOUT_ORDER, ORDER_SHIPPED,
                            INVOICE_PAID, RMA_OPEN (US dates, local Eastern time)
  svc_cases.csv             support cases (wrong part, late delivery, damaged, billing), CSAT 1-5
  nps_quarterly.csv         quarterly NPS survey of contacts (0-10)
  mktg_spend_monthly.csv    marketing spend per lead source x program per month

— copies `ingest.yaml` next to them and loads them with `connectors.ingest.ingest` into OUT.duckdb.
Standard library + duckdb only. Stories: see description.md.
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

SEED = 4417
R = random.Random(SEED)
TZ = ZoneInfo("America/New_York")
START = datetime(2025, 12, 1)
END = datetime(2026, 12, 1)  # as_of (Tuesday); the data ends the day before
N_DAYS = (END - START).days

CANADA = {"ON", "AB", "QC", "BC"}
CA_SLOWDOWN = datetime(2026, 5, 4)  # Toronto inside-sales / service desk short-staffed
ARIBA_BREAK = datetime(2026, 8, 17)  # Ariba catalogue (CIF) refresh breaks punchout
OG_LATE = datetime(2026, 3, 1)  # oil & gas customers stretch payables
CARRIER_SWITCH = datetime(2026, 9, 14)  # new LTL carrier: damaged hydraulics
LI_ABM = (datetime(2026, 4, 6), datetime(2026, 7, 1))  # LinkedIn safety-gear ABM campaign

STATES = [("TX", 0.14), ("OH", 0.12), ("MI", 0.09), ("IL", 0.08), ("PA", 0.08), ("LA", 0.05), ("GA", 0.05),
          ("IN", 0.05), ("CA", 0.06), ("WI", 0.04), ("ON", 0.11), ("AB", 0.06), ("QC", 0.04), ("BC", 0.03)]
VERTICALS = [("FNB", 0.2), ("AUTO", 0.22), ("OILGAS", 0.16), ("WATER", 0.12), ("GENMFG", 0.30)]
SIZE = [("1-49", 0.3), ("50-249", 0.38), ("250-999", 0.22), ("1000+", 0.10)]
ROLES = [("BUYER", 0.42), ("ENGINEER", 0.2), ("MAINT_MGR", 0.25), ("PLANT_MGR", 0.13)]
PRODUCT = {"BRG": (420, 0.31), "FST": (180, 0.36), "HYD": (1350, 0.27), "SAF": (260, 0.38), "MRO": (310, 0.33)}
PL_BY_VERT = {"FNB": [0.2, 0.15, 0.1, 0.25, 0.3], "AUTO": [0.3, 0.3, 0.15, 0.1, 0.15],
              "OILGAS": [0.15, 0.15, 0.4, 0.2, 0.1], "WATER": [0.2, 0.1, 0.35, 0.15, 0.2],
              "GENMFG": [0.25, 0.25, 0.15, 0.15, 0.2]}
REPS_US = ["R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R10", "R11"]
REPS_CA = ["R12", "R14", "R15"]

# lead sources as the CRM spells them
LS = ["TRADESHOW", "GOOGLE_ADS", "LINKEDIN", "DIST_REF", "OUTBOUND", "ORGANIC"]


def pick(items):
    vals, w = zip(*items) if isinstance(items[0], tuple) else (items, None)
    return R.choices(vals, w)[0]


def chance(p):
    return R.random() < p


def h(s, n=12):
    return hashlib.sha1(s.encode()).hexdigest()[:n]


def poisson(lam):
    if lam > 30:
        return max(0, int(R.gauss(lam, math.sqrt(lam)) + 0.5))
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def inw(t, w):
    return w[0] <= t < w[1]


def shutdown(t):
    return (t.month == 7 and t.day <= 17) or (t.month == 12 and t.day >= 21) or (t.month == 1 and t.day <= 2)


def work_time(d, lo=7.5, hi=17.5):
    """A weekday business-hours time on or after date d."""
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return datetime(d.year, d.month, d.day) + timedelta(hours=R.uniform(lo, hi))


def add_business_hours(t, hours):
    """Roughly: skip weekends for elapsed time."""
    out = t + timedelta(hours=hours)
    while out.weekday() >= 5:
        out += timedelta(days=1)
    return out


# ---------------------------------------------------------------------------------------------
# rows of the exports
web_rows, crm_act, erp_rows, case_rows, nps_rows = [], [], [], [], []
counter = {"erp": 0, "po": 0, "q": 0, "case": 0, "rma": 0, "vid": 0}


def nxt(k):
    counter[k] += 1
    return counter[k]


class Acct:
    def __init__(self, i, new=False):
        self.id = f"A{10000 + i}"
        self.vert = pick(VERTICALS)
        self.st = pick(STATES)
        self.country = "CA" if self.st in CANADA else "US"
        self.size = pick(SIZE)
        t = R.random()
        big = {"1-49": 0.0, "50-249": 0.08, "250-999": 0.25, "1000+": 0.45}[self.size]
        self.tier = "A" if t < big else ("B" if t < big + 0.3 else "C")
        if new:
            self.tier = "C" if chance(0.8) else "B"
        self.rep = R.choice(REPS_CA if self.country == "CA" else REPS_US)
        self.punchout = None
        if not new and self.tier in "AB" and self.size != "1-49" and chance(0.5):
            self.punchout = "ARIBA" if chance(0.6) else "COUPA"
        self.contacts = []


class Contact:
    def __init__(self, acct, created, src, role=None):
        self.acct = acct
        self.id = f"003K{h('c' + acct.id + str(len(acct.contacts)) + str(created), 11).upper()}"
        self.erp = None
        self.email = h("mail" + self.id, 16)
        self.role = role or pick(ROLES)
        self.created = created
        self.src = src
        self.vids = []
        self.rep = acct.rep
        acct.contacts.append(self)

    def erp_no(self):
        if self.erp is None:
            self.erp = f"KC-{100000 + 7 * nxt('erp') + R.randint(0, 6)}"
        return self.erp

    def vid(self):
        if not self.vids or chance(0.15):
            self.vids.append(f"v{h('vid' + self.id + str(len(self.vids)), 14)}")
        return self.vids[-1]


def web(t, vid, contact, cd, pl, src="(direct)", camp="", qty=""):
    if START <= t < END:
        web_rows.append((t, vid, contact.id if contact else "", cd, pl, src, camp, qty))


def act(t, c, cd, camp="", outcome="", rep=None):
    if START <= t < END:
        crm_act.append((t, c.id, cd, rep or c.rep, camp, outcome))


def erp(t, c, cd, po="", quote="", pl="", amt="", gm="", frt="", src="", paid=""):
    if START <= t < END:
        erp_rows.append((t, c.erp_no(), cd, po, quote, pl, amt, gm, frt, src, c.rep, paid))


def order_lines(c, t, pl, src, via_quote=None):
    """PO received (or punchout order), shipment, invoice payment, maybe a case/RMA."""
    a = c.acct
    base, gm_pct = PRODUCT[pl]
    size_mult = {"A": 2.2, "B": 1.2, "C": 0.8}[a.tier]
    amt = round(base * size_mult * R.lognormvariate(0, 0.7) + R.uniform(20, 60), 2)
    if via_quote:
        amt = via_quote
    gm_pct_eff = gm_pct + R.uniform(-0.05, 0.05)
    gm = round(amt * gm_pct_eff, 2)
    frt = round(min(amt * R.uniform(0.02, 0.06) + 18, 900), 2) if amt < 5000 else 0.0
    po = f"PO{t:%y%m}-{nxt('po'):05d}"
    cd = "PUNCHOUT_ORDER" if src in ("ARIBA", "COUPA") else "PO_RECEIVED"
    erp(t, c, cd, po=po, pl=pl, amt=f"{amt:.2f}", gm=f"{gm:.2f}", frt=f"{frt:.2f}", src=src)
    ship_days = R.uniform(0.5, 4) + (R.uniform(3, 8) if shutdown(t) else 0)
    if chance(0.06):
        ship_days += R.uniform(5, 15)  # backorder
    ts = work_time((t + timedelta(days=ship_days)).date(), 8, 18)
    erp(ts, c, "ORDER_SHIPPED", po=po, pl=pl, src="WHSE")
    late_delivery = ship_days > 6
    # payment: net-30 from invoice (= shipment)
    days = R.gauss(34, 9)
    if chance(0.25):
        days += R.uniform(10, 35)  # many pay late
    if a.vert == "OILGAS" and t >= OG_LATE:
        days += R.uniform(8, 35)
    if a.tier == "A":
        days -= 3
    tp = work_time((ts + timedelta(days=max(8, days))).date(), 9, 16)
    erp(tp, c, "INVOICE_PAID", po=po, src="AR", paid=f"{amt + frt:.2f}")
    # service
    damaged_p = 0.015 + (0.09 if (pl == "HYD" and ts >= CARRIER_SWITCH) else 0) + (0.03 if ts >= CARRIER_SWITCH else 0)
    kinds = []
    if chance(0.035):
        kinds.append("WRONG_PART")
    if chance(damaged_p):
        kinds.append("DAMAGED")
    if late_delivery and chance(0.3):
        kinds.append("LATE_DLV")
    if chance(0.02 + (0.02 if a.vert == "OILGAS" and t >= OG_LATE else 0)):
        kinds.append("BILLING")
    for k in kinds:
        base_t = tp - timedelta(days=R.uniform(2, 12)) if k == "BILLING" else ts + timedelta(days=R.uniform(1, 5))
        case(c, work_time(base_t.date(), 7, 19), k, pl, po)
        if k in ("WRONG_PART", "DAMAGED"):
            erp(work_time((base_t + timedelta(days=R.uniform(0.5, 3))).date()), c, "RMA_OPEN", po=po, pl=pl, src="CSR")
    c.last_damaged = c.__dict__.get("last_damaged") or ("DAMAGED" in kinds and ts)
    return amt


def case(c, t, kind, pl, po):
    if not (START <= t < END):
        return
    cid = f"CS-{nxt('case'):06d}"
    ch = pick([("PHONE", 0.45), ("EMAIL", 0.35), ("PORTAL", 0.2)])
    frt_min = R.lognormvariate(math.log({"PHONE": 35, "EMAIL": 95, "PORTAL": 130}[ch]), 0.5)
    ca = c.acct.country == "CA"
    if ca and t >= CA_SLOWDOWN:
        frt_min *= 2.2
    res_h = R.lognormvariate(math.log({"WRONG_PART": 30, "LATE_DLV": 20, "DAMAGED": 52, "BILLING": 70}[kind]), 0.55)
    if ca and t >= CA_SLOWDOWN:
        res_h *= 1.8
    first = t + timedelta(minutes=frt_min)
    resolved = t + timedelta(hours=max(res_h, frt_min / 60 + 0.5))
    if resolved >= END - timedelta(hours=2) or chance(0.01):
        resolved = None
    csat = ""
    if resolved and chance(0.48):
        m = 4.2 - (0.9 if kind == "DAMAGED" else 0) - (0.5 if res_h > 72 else 0) - (0.6 if ca and t >= CA_SLOWDOWN else 0)
        csat = str(max(1, min(5, round(R.gauss(m, 0.9)))))
    esc = "Y" if (kind == "DAMAGED" and chance(0.35)) or chance(0.06) else "N"
    case_rows.append((cid, c.email, ch, kind, esc, t, first, resolved, csat, po, pl))
    c.__dict__.setdefault("cases", []).append((t, kind))


def quote_cycle(c, t_rfq, pl, won_p):
    """RFQ → quote (SLA 2 days) → maybe accept → PO."""
    q = f"Q{nxt('q'):06d}"
    hrs = R.lognormvariate(math.log(13), 0.7)
    if c.acct.country == "CA" and t_rfq >= CA_SLOWDOWN:
        hrs *= 2.4
    t_q = add_business_hours(t_rfq, hrs)
    base, _ = PRODUCT[pl]
    amt = round(base * {"A": 3, "B": 1.6, "C": 1.0}[c.acct.tier] * R.lognormvariate(0.3, 0.7) + 50, 2)
    erp(t_q, c, "QUOTE_SENT", quote=q, pl=pl, amt="", src="ISR")
    c.__dict__.setdefault("quote_amts", []).append(amt)
    if hrs > 48:
        won_p *= 0.75
    if not chance(won_p):
        return None
    days = R.lognormvariate(math.log(8), 0.8)
    if days > 70:
        return None
    t_a = work_time((t_q + timedelta(days=days)).date())
    erp(t_a, c, "QUOTE_ACCEPT", quote=q, pl=pl, src="ISR")
    t_po = t_a + timedelta(hours=R.uniform(0.2, 50))
    if t_po >= END:
        return None
    order_lines(c, t_po, pl, "EMAIL", via_quote=amt)
    return t_po


def rate_factor(t):
    f = 1.0
    if shutdown(t):
        f *= 0.35
    if t.month == 6 and t.day >= 16:
        f *= 1.25  # pre-shutdown buying
    if t.month == 1 and t.day > 2:
        f *= 1.1
    return f


# ---------------------------------------------------------------------------------------------
def customer_life(c, start, monthly_orders, retention_decay=0.0):
    """An existing or converted buyer: orders through the year (RFQ/quote, direct PO, punchout)."""
    a = c.acct
    t = start
    rate = monthly_orders
    churned = False
    while t < END:
        t += timedelta(days=R.expovariate(rate / 30.4))
        if t >= END:
            break
        if retention_decay and chance(retention_decay):
            churned = True
        if churned:
            break
        if not chance(rate_factor(t) / 1.25):
            continue
        if t.weekday() >= 5:
            t = work_time(t.date())
        pl = R.choices(list(PRODUCT), PL_BY_VERT[a.vert])[0]
        vid = c.vid()
        for k in range(R.choice([0, 1, 1, 2, 3])):
            web(t - timedelta(hours=R.uniform(0.2, 30), minutes=k * 3), vid, c, "CAT_VIEW", pl)
        r = R.random()
        if a.punchout and r < 0.6:
            ok = True
            if a.punchout == "ARIBA" and t >= ARIBA_BREAK and chance(0.7):
                ok = False
            if ok:
                order_lines(c, t, pl, a.punchout)
            else:  # falls back to email or an RFQ later, many simply lost
                if chance(0.35):
                    order_lines(c, t + timedelta(days=R.uniform(1, 6)), pl, "EMAIL")
            continue
        if r < 0.8:
            if chance(0.7):
                web(t, vid, c, "RFQ_SUBMIT", pl)
                quote_cycle(c, t, pl, 0.62)
            else:
                order_lines(c, t, pl, pick([("EMAIL", 0.6), ("PHONE", 0.25), ("FAX", 0.15)]))
        else:
            order_lines(c, t, pl, "WEBSTORE")


def rep_calls(c, per_month):
    t = START - timedelta(days=R.uniform(0, 20))
    while True:
        t += timedelta(days=R.expovariate(per_month / 30.4))
        if t >= END:
            break
        if shutdown(t):
            continue
        act(work_time(t.date(), 8, 17), c, "REP_CALL", outcome=pick([("CONNECTED", 0.7), ("VM", 0.3)]))


# ---------------------------------------------------------------------------------------------
TRADESHOWS = [  # (program, date, lead_src spend, leads)
    ("MODEX 2026", datetime(2026, 3, 9), 68000, 150),
    ("NPE 2026", datetime(2026, 3, 30), 41000, 70),
    ("OTC 2026", datetime(2026, 5, 4), 59000, 100),
    ("AWWA ACE26", datetime(2026, 6, 22), 31000, 45),
    ("FABTECH 2026", datetime(2026, 10, 20), 52000, 85),
]
WEBINARS = [("Hydraulics 101 Webinar", datetime(2026, 2, 18)), ("Bearing Failure Analysis Webinar", datetime(2026, 4, 22)),
            ("Arc Flash PPE Webinar", datetime(2026, 9, 16)), ("Predictive Maintenance Webinar", datetime(2026, 11, 5))]
GA_CAMPS = ["GA_Search_Bearings", "GA_Search_Hydraulics", "GA_Search_Fasteners"]

accounts: list[Acct] = []
contacts: list[Contact] = []
anon_vids = 0


def existing_base():
    for i in range(900):
        a = Acct(i)
        accounts.append(a)
        n = {"A": R.randint(4, 8), "B": R.randint(2, 4), "C": R.randint(1, 2)}[a.tier]
        for k in range(n):
            role = "BUYER" if k == 0 else None
            created = datetime(2018, 1, 1) + timedelta(days=R.uniform(0, 2800))
            c = Contact(a, created, pick([("TRADESHOW", 0.25), ("OUTBOUND", 0.3), ("DIST_REF", 0.15),
                                          ("ORGANIC", 0.2), ("GOOGLE_ADS", 0.1)]), role)
            contacts.append(c)
            acct_rate = {"A": 3.2, "B": 1.1, "C": 0.35}[a.tier]
            share = (0.55 if c.role == "BUYER" else 0.15) / max(1, n * 0.35)
            rate = acct_rate * min(1.0, share)
            if c.role == "BUYER" or chance(0.5):
                customer_life(c, START - timedelta(days=R.uniform(0, 30)), max(0.05, rate),
                              retention_decay=0.0 if a.tier != "C" else 0.01)
            if a.tier in "AB" and (c.role in ("MAINT_MGR", "PLANT_MGR", "BUYER")):
                rep_calls(c, 0.9 if a.tier == "A" else 0.35)
            if chance(0.06):
                ws = R.choice(WEBINARS)
                act(ws[1] + timedelta(hours=14), c, "WEBINAR_ATTEND", camp=ws[0])


def new_lead(src, t, camp=""):
    global anon_vids
    a = Acct(len(accounts) + 5000, new=True)
    accounts.append(a)
    c = Contact(a, t, src)
    contacts.append(c)
    # first touch
    conv_p = {"TRADESHOW": 0.26, "GOOGLE_ADS": 0.13, "LINKEDIN": 0.07, "DIST_REF": 0.34, "OUTBOUND": 0.09,
              "ORGANIC": 0.15}[src]
    pl = R.choices(list(PRODUCT), PL_BY_VERT[a.vert])[0]
    if src == "TRADESHOW":
        act(t, c, "TRADESHOW_SCAN", camp=camp, rep=c.rep)
        t1 = work_time((t + timedelta(days=R.uniform(2, 10))).date())
        act(t1, c, "REP_CALL", outcome=pick([("CONNECTED", 0.6), ("VM", 0.4)]))
    elif src in ("GOOGLE_ADS", "LINKEDIN"):
        vid = c.vid()
        utm = "google" if src == "GOOGLE_ADS" else "linkedin"
        for k in range(R.randint(1, 3)):
            web(t + timedelta(minutes=3 * k), vid, None, "CAT_VIEW", pl, utm, camp)
        if src == "LINKEDIN" and inw(t, LI_ABM):
            conv_p = 0.0
            pl = "SAF"
        if chance(0.25 if src == "LINKEDIN" and camp.endswith("Webinar") is False else 0.15):
            ws = [w for w in WEBINARS if w[1] > t]
            if ws:
                act(ws[0][1] + timedelta(hours=14), c, "WEBINAR_ATTEND", camp=ws[0][0])
        t1 = t + timedelta(minutes=R.uniform(5, 40))
    elif src == "DIST_REF":
        t1 = t
        act(t, c, "REP_CALL", outcome="CONNECTED")
    elif src == "OUTBOUND":
        act(t, c, "REP_CALL", outcome=pick([("CONNECTED", 0.5), ("VM", 0.5)]))
        t1 = t + timedelta(days=R.uniform(1, 7))
    else:
        vid = c.vid()
        for k in range(R.randint(1, 4)):
            web(t + timedelta(minutes=2 * k), vid, None, "CAT_VIEW", pl, "organic")
        t1 = t + timedelta(minutes=R.uniform(5, 30))
    # registration on the web store → identified
    if not chance(conv_p * 1.9 + 0.08):
        if src in ("GOOGLE_ADS", "LINKEDIN", "ORGANIC"):
            c.created = END + timedelta(days=1)  # never registered: not in the CRM, an anonymous visitor
        return
    vid = c.vid()
    t2 = t1 + timedelta(days=R.uniform(0, 25))
    t2 = work_time(t2.date())
    if src in ("GOOGLE_ADS", "LINKEDIN", "ORGANIC"):
        c.created = t2  # the CRM contact is created at web-store registration
    for k in range(R.randint(1, 3)):
        web(t2 + timedelta(minutes=4 * k), vid, c, "CAT_VIEW", pl)
    web(t2 + timedelta(minutes=15), vid, c, "RFQ_SUBMIT", pl)
    won = chance(conv_p / (conv_p * 1.9 + 0.08) * 1.6)
    t_po = quote_cycle(c, t2 + timedelta(minutes=15), pl, 1.0 if won else 0.0)
    if not t_po and won is False and chance(0.2):
        # a second try weeks later
        t3 = work_time((t2 + timedelta(days=R.uniform(20, 70))).date())
        web(t3, vid, c, "RFQ_SUBMIT", pl)
        t_po = quote_cycle(c, t3, pl, 0.3)
    if t_po:
        c.first_po = t_po
        rate = {"DIST_REF": 0.9, "TRADESHOW": 0.6, "GOOGLE_ADS": 0.45, "ORGANIC": 0.5, "OUTBOUND": 0.45,
                "LINKEDIN": 0.4}[src]
        decay = {"DIST_REF": 0.03, "TRADESHOW": 0.08, "GOOGLE_ADS": 0.2, "ORGANIC": 0.15, "OUTBOUND": 0.18,
                 "LINKEDIN": 0.2}[src]
        customer_life(c, t_po + timedelta(days=5), rate, retention_decay=decay)
        rep_calls(c, 0.2)


def anon_visit(t, utm, camp):
    global anon_vids
    anon_vids += 1
    vid = f"v{h('anon' + str(anon_vids), 14)}"
    pl = "SAF" if "Safety" in camp else R.choice(list(PRODUCT))
    for k in range(R.choice([1, 1, 1, 2, 3])):
        web(t + timedelta(minutes=2 * k), vid, None, "CAT_VIEW", pl, utm, camp)


def acquisition():
    for k in range(N_DAYS):
        d = START + timedelta(days=k)
        wk = d.weekday() < 5
        f = rate_factor(d + timedelta(hours=12))
        # Google Ads leads
        for _ in range(poisson(0.9 * f * (1.0 if wk else 0.4))):
            new_lead("GOOGLE_ADS", d + timedelta(hours=R.uniform(7, 21)), R.choice(GA_CAMPS))
        for _ in range(poisson(3.2 * f * (1.0 if wk else 0.4))):
            anon_visit(d + timedelta(hours=R.uniform(6, 23)), "google", R.choice(GA_CAMPS))
        # LinkedIn
        abm = inw(d, LI_ABM)
        for _ in range(poisson((1.2 if abm else 0.3) * (1.0 if wk else 0.5))):
            new_lead("LINKEDIN", d + timedelta(hours=R.uniform(7, 21)),
                     "LI_SafetyGear_ABM" if abm else "LI_Sponsored_Content")
        for _ in range(poisson((9.0 if abm else 0.9) * (1.0 if wk else 0.5))):
            anon_visit(d + timedelta(hours=R.uniform(6, 23)), "linkedin",
                       "LI_SafetyGear_ABM" if abm and chance(0.9) else "LI_Sponsored_Content")
        if wk:
            for _ in range(poisson(0.45 * f)):
                new_lead("DIST_REF", work_time(d.date()))
            for _ in range(poisson(0.7 * f)):
                new_lead("OUTBOUND", work_time(d.date()))
        for _ in range(poisson(0.5 * f)):
            new_lead("ORGANIC", d + timedelta(hours=R.uniform(6, 23)))
        for _ in range(poisson(1.6 * f)):
            anon_visit(d + timedelta(hours=R.uniform(6, 23)), "organic", "")
    for name, day, _, n in TRADESHOWS:
        for _ in range(n):
            new_lead("TRADESHOW", day + timedelta(days=R.randint(0, 2), hours=R.uniform(9, 17)), name)


def nps_survey():
    waves = [datetime(2026, 1, 13), datetime(2026, 4, 14), datetime(2026, 7, 21), datetime(2026, 10, 13)]
    active = [c for c in contacts if c.created < END]
    for w in waves:
        for c in active:
            if c.created > w - timedelta(days=30):
                continue
            if not chance(0.16):
                continue
            t = w + timedelta(days=R.uniform(0, 12), hours=R.uniform(8, 18))
            mean = 7.6 + (0.5 if c.acct.tier == "A" else 0)
            cases = [k for (tc, k) in c.__dict__.get("cases", []) if tc < t]
            if any(k == "DAMAGED" for k in cases):
                mean -= 3.0
            elif cases:
                mean -= 1.2
            if c.acct.country == "CA" and w > CA_SLOWDOWN:
                mean -= 1.3
            if c.acct.punchout == "ARIBA" and w > ARIBA_BREAK:
                mean -= 1.5
            s = max(0, min(10, round(R.gauss(mean, 1.7))))
            comment = ""
            if chance(0.35):
                if s >= 9:
                    comment = R.choice(["Fast quotes, great rep", "Always in stock", "Reliable next-day delivery",
                                        "Rep knows our plant"])
                elif s <= 6:
                    opts = ["Quotes take too long", "Pricing higher than Grainger", "Shipping damage",
                            "Wrong parts shipped", "Invoices are confusing"]
                    if c.acct.punchout == "ARIBA" and w > ARIBA_BREAK:
                        opts += ["Ariba punchout catalog broken"] * 3
                    if any(k == "DAMAGED" for k in cases):
                        opts += ["Shipping damage"] * 3
                    comment = R.choice(opts)
                else:
                    comment = R.choice(["OK overall", "Good but slow quotes", "Decent pricing"])
            nps_rows.append((c.id, t, f"{w.year}Q{(w.month - 1) // 3 + 1}", s, comment))


# ---------------------------------------------------------------------------------------------
def spend_rows():
    rows = []
    for m in range(12):
        y, mo = (2025 + (11 + m) // 12, (11 + m) % 12 + 1)
        key = f"{y}-{mo:02d}"
        d = datetime(y, mo, 15)
        shut = 0.7 if mo in (7, 12) else 1.0
        for camp, base in zip(GA_CAMPS, (5200, 6100, 3300)):
            rows.append((key, "GOOGLE_ADS", camp, round(base * shut * R.uniform(0.9, 1.1), 2)))
        rows.append((key, "LINKEDIN", "LI_Sponsored_Content", round(2600 * R.uniform(0.9, 1.1), 2)))
        if inw(d, LI_ABM):
            rows.append((key, "LINKEDIN", "LI_SafetyGear_ABM", round(21000 * R.uniform(0.95, 1.05), 2)))
        rows.append((key, "DIST_REF", "Distributor referral fees", round(4200 * R.uniform(0.8, 1.2), 2)))
        rows.append((key, "OUTBOUND", "SDR team", round(14500 * R.uniform(0.97, 1.03), 2)))
        rows.append((key, "ORGANIC", "SEO retainer", 2500.00))
        for name, day, cost, _ in TRADESHOWS:
            if day.year == y and day.month == mo:
                rows.append((key, "TRADESHOW", name, float(cost)))
        for name, day in WEBINARS:
            if day.year == y and day.month == mo:
                rows.append((key, "LINKEDIN", name, round(3500 * R.uniform(0.9, 1.1), 2)))
    return rows


def write_sources(folder: Path):
    utc = timezone.utc
    (folder / "web").mkdir()
    by_month = {}
    for r in sorted(web_rows, key=lambda r: (r[0], r[1], r[3])):
        by_month.setdefault(f"{r[0]:%Y%m}", []).append(r)
    for m, rows in by_month.items():
        with open(folder / "web" / f"weblog_{m}.jsonl", "w", encoding="utf-8") as f:
            for i, (t, vid, cid, cd, pl, src, camp, _) in enumerate(rows):
                ts = t.replace(tzinfo=TZ).astimezone(utc)
                obj = {"evt_ts": f"{ts:%Y-%m-%dT%H:%M:%S}Z", "vid": vid, "contact_id": cid or None,
                       "evt_cd": cd, "prod_line": pl, "utm_source": src, "utm_campaign": camp or None}
                f.write(json.dumps(obj) + "\n")
                if m == "202604" and i == 777:
                    f.write('{"evt_ts": "2026-04-1\n')

    with open(folder / "crm_contacts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "acct_id", "erp_contact_no", "email_sha", "job_role", "vertical", "acct_tier",
                    "size_band", "st_prov", "country", "rep_id", "lead_src", "created_dt"])
        for c in sorted(contacts, key=lambda c: c.id):
            if c.created >= END:
                continue
            a = c.acct
            w.writerow([c.id, a.id, c.erp or "", c.email, c.role, a.vert, a.tier, a.size, a.st, a.country,
                        c.rep, c.src, f"{c.created:%Y-%m-%d}"])

    with open(folder / "crm_activities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["activity_id", "contact_id", "act_ts", "evt_cd", "rep_id", "program", "call_outcome"])
        for i, (t, cid, cd, rep, camp, out) in enumerate(sorted(crm_act, key=lambda r: (r[0], r[1], r[2]))):
            w.writerow([f"ACT{i + 1:07d}", cid, f"{t:%Y-%m-%d %H:%M:%S}", cd, rep, camp, out])

    with open(folder / "erp_sales_lines.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["evt_ts", "erp_contact_no", "evt_cd", "po_no", "quote_no", "prod_line", "ext_price_usd",
                    "gm_usd", "freight_usd", "order_src", "rep_id", "paid_amt_usd"])
        rows = sorted(erp_rows, key=lambda r: (r[0], r[1], r[2]))
        bad = False
        for i, (t, no, cd, po, q, pl, amt, gm, frt, src, rep, paid) in enumerate(rows):
            if i >= 9000 and cd == "PO_RECEIVED" and not bad:
                amt, bad = "TBD", True
            w.writerow([f"{t:%m/%d/%Y %H:%M}", no, cd, po, q, pl, amt, gm, frt, src, rep, paid])
            if i == 12345:  # the ERP exported one line twice
                w.writerow([f"{t:%m/%d/%Y %H:%M}", no, cd, po, q, pl, amt, gm, frt, src, rep, paid])

    def fmt(t):
        return f"{t:%Y-%m-%d %H:%M}" if t else ""

    with open(folder / "svc_cases.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["case_no", "contact_email_sha", "case_origin", "case_type", "escalated", "opened_at",
                    "first_resp_at", "closed_at", "csat_1to5", "po_no", "prod_line"])
        for r in sorted(case_rows, key=lambda r: r[0]):
            cid, em, ch, k, esc, t, first, res, csat, po, pl = r
            w.writerow([cid, em, ch, k, esc, fmt(t), fmt(first), fmt(res), csat, po, pl])

    with open(folder / "nps_quarterly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["contact_id", "response_ts", "survey_wave", "nps_score", "verbatim"])
        for cid, t, wave, s, cm in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([cid, f"{t:%Y-%m-%d %H:%M:%S}", wave, s, cm])

    with open(folder / "mktg_spend_monthly.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["month", "lead_src", "program", "spend_usd"])
        for r in spend_rows():
            w.writerow([r[0], r[1], r[2], f"{r[3]:.2f}"])


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    existing_base()
    acquisition()
    nps_survey()
    # give every contact with ERP activity an erp number (already set); others keep none
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="parts-src-") as tmp:
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
