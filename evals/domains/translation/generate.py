"""Translation evaluation domain: LinguaPro, a UK translation and localisation agency.

    python generate.py OUT.duckdb

Writes LinguaPro's own exports (seeded: the same files every run) to a temporary folder —

  clients.csv             PM system: client records (Client No, Email, Company, Country…)
  pm_status_log.csv       PM system: project status changes, 'DD/MM/YYYY HH:MM' London
  web_events.jsonl        website/portal log, ISO times with offsets, cookie id, email later
  assignments.csv         translator assignment log, epoch seconds
  invoices.csv            invoicing system: invoices (GBP pence; EUR/USD originals)
  payments.csv            invoicing system: payments received, with due dates
  support_inbox.csv       support inbox export (by sender email)
  client_survey.csv       client NPS survey after delivery
  marketing_monthly.csv   monthly marketing sheet (GBP)

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

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
LONDON = ZoneInfo("Europe/London")
BIG_CLIENT_FROM = datetime(2026, 3, 2)  # Brandt Automotive GmbH signs up
AI_LAUNCH = datetime(2026, 6, 1)  # AI-assisted translation launched at a lower price
OUTAGE = (datetime(2026, 7, 14), datetime(2026, 7, 16))  # client portal down 14-15 July
URGENT_RISE = datetime(2026, 9, 1)  # urgent surcharge 25% -> 50%
LINKEDIN_WORSE = datetime(2026, 8, 1)  # LinkedIn ads convert worse from August

R = random.Random(SEED)

SOURCES = ["google", "linkedin", "proz", "partner", "referral", "(none)"]
SOURCE_W = [0.38, 0.2, 0.12, 0.08, 0.1, 0.12]
PM_SOURCE = {
    "google": "Google search",
    "linkedin": "LinkedIn",
    "proz": "ProZ.com",
    "partner": "Partner agency",
    "referral": "Referral",
    "(none)": "Website (direct)",
}
COUNTRIES = ["UK", "Germany", "US"]
COUNTRY_W = [0.55, 0.25, 0.2]
CURRENCY = {"UK": "GBP", "Germany": "EUR", "US": "USD"}
TO_GBP = {"GBP": 1.0, "EUR": 0.85, "USD": 0.79}
SECTORS = ["Legal", "Technology", "Life sciences", "Marketing", "Finance", "Manufacturing"]
SECTOR_W = [0.2, 0.22, 0.14, 0.2, 0.12, 0.12]
PAIRS = {
    "UK": (
        ["EN>DE", "EN>FR", "EN>ES", "EN>ZH", "EN>JA", "FR>EN"],
        [0.3, 0.25, 0.18, 0.12, 0.07, 0.08],
    ),
    "Germany": (["DE>EN", "EN>DE", "DE>FR", "DE>ZH"], [0.5, 0.3, 0.1, 0.1]),
    "US": (["EN>ES", "EN>DE", "EN>FR", "EN>JA", "EN>ZH"], [0.4, 0.2, 0.15, 0.13, 0.12]),
}
# PM system service codes
SERVICES = ["TRANS", "PROOF", "LOC", "INTERP"]
SERVICE_W = [0.55, 0.2, 0.15, 0.1]
RATE = {"TRANS": 0.11, "PROOF": 0.04, "LOC": 0.15, "AI-TRANS": 0.06}
TRANSLATORS = [f"TR-{i:03d}" for i in range(1, 61)]
TIER = {t: ("In-house" if i < 12 else "Freelance") for i, t in enumerate(TRANSLATORS)}

HOURS = [
    0,
    0,
    0,
    0,
    0,
    0.1,
    0.3,
    1,
    2.5,
    3.5,
    3.5,
    3.2,
    2.5,
    3,
    3.3,
    3.2,
    2.8,
    2,
    1.2,
    0.8,
    0.6,
    0.4,
    0.2,
    0.1,
]
WORK = [0] * 8 + [2, 3, 3, 3, 2, 3, 3, 3, 2, 1] + [0] * 6


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


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def workday_after(ts, hours):
    """ts + hours, pushed to a weekday between 08:00 and 18:00."""
    t = ts + timedelta(hours=hours)
    while t.weekday() >= 5 or not 8 <= t.hour < 18:
        if t.weekday() >= 5:
            t = datetime(t.year, t.month, t.day, 9, R.randrange(60)) + timedelta(
                days=7 - t.weekday()
            )
        elif t.hour >= 18:
            t = datetime(t.year, t.month, t.day, 9, R.randrange(60)) + timedelta(days=1)
        else:
            t = datetime(t.year, t.month, t.day, 8, R.randrange(60))
    return t


web, clients, pm, assigns, invoices, payments, tickets, survey = ([] for _ in range(8))
seq = {"client": 3000, "proj": 26000, "inv": 90000, "tick": 0, "cookie": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Client:
    def __init__(self, country=None, company=None, sector=None, ctype=None):
        self.country = country or pick(COUNTRIES, COUNTRY_W)
        self.sector = sector or pick(SECTORS, SECTOR_W)
        self.ctype = ctype or pick(["SME", "Enterprise", "Individual"], [0.55, 0.2, 0.25])
        self.company = company or ("" if self.ctype == "Individual" else company_name(self.sector))
        self.cookie = None
        self.email = None
        self.cno = None
        self.created = None
        self.big = False


def company_name(sector):
    stem = pick(["Nova", "Arden", "Kessler", "Bright", "Hale", "Stern", "Oak"], [1] * 7)
    return f"{stem} {sector} {R.randrange(100, 999)}"


def domain(c):
    return "mail" if c.ctype == "Individual" else h(c.company)[:6]


def new_cookie():
    return "ck_" + h(f"cookie{nxt('cookie')}")[:16]


def log_web(c, ts, name, source, page=""):
    if not within(ts):
        return False
    if c.cookie is None:
        c.cookie = new_cookie()
    web.append((ts, c.cookie, c.email or "", name, source, page))
    return True


def register(c, ts):
    if c.cno is None:
        c.cno = f"CL-{nxt('client'):05d}"
        c.email = (
            c.email
            or f"{h(c.cno)[:8]}@{'client' if c.ctype == 'Individual' else h(c.company)[:6]}.example"
        )
        c.created = ts
        clients.append(c)


def ticket(c, ts, topic, mood=0.0, project=""):
    if not within(ts):
        return
    mailbox = pick(["support@", "portal chat"], [0.7, 0.3])
    fr = R.uniform(0.3, 8) if mailbox == "support@" else R.uniform(0.05, 1)
    if inw(ts, (OUTAGE[0], OUTAGE[1] + timedelta(days=1))):
        fr *= 3
    res = (
        fr
        + {
            "Late delivery": R.uniform(4, 48),
            "Quality complaint": R.uniform(24, 160),
            "Invoice query": R.uniform(8, 96),
            "Portal access": R.uniform(1, 30),
            "Quote query": R.uniform(1, 24),
        }[topic]
    )
    first = ts + timedelta(hours=fr)
    closed = ts + timedelta(hours=res)
    rating = ""
    if chance(0.4):
        rating = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    complaint = "yes" if topic in ("Late delivery", "Quality complaint") else "no"
    tickets.append(
        (
            f"SUP-{nxt('tick'):05d}",
            c.email,
            ts,
            first if first < END else None,
            closed if closed < END and chance(0.97) else None,
            topic,
            mailbox,
            complaint,
            rating,
            project,
        )
    )


def price(service, words, pair, urgent, ts, hours=0):
    if service == "INTERP":
        base = hours * 85.0
    else:
        base = words * RATE[service] * (1.2 if pair.split(">")[1] in ("ZH", "JA") else 1.0)
    if urgent:
        base *= 1.5 if ts >= URGENT_RISE else 1.25
    return round(max(base, 45.0), 2)


def project(c, t_req, source, service=None):
    """A quote request and all that follows (PM system, assignments, invoicing, survey, inbox)."""
    if not within(t_req):
        return
    register(c, t_req)
    if service is None:
        service = pick(SERVICES, SERVICE_W)
        if t_req >= AI_LAUNCH and service == "TRANS" and chance(0.45):
            service = "AI-TRANS"
    pairs, pw = PAIRS[c.country]
    pair = pick(pairs, pw)
    if c.big:
        pair = pick(["DE>EN", "EN>DE", "DE>ZH", "DE>FR"], [0.45, 0.3, 0.15, 0.1])
    words = 0
    hours = 0
    if service == "INTERP":
        hours = R.choice([2, 3, 4, 6, 8, 16])
    else:
        words = int(math.exp(R.gauss(math.log(9000 if c.big else 2200), 0.9)))
        words = max(150, min(words, 120000)) // 10 * 10
    urgent = chance(0.3 if c.big else 0.22)
    value = price(service, words, pair, urgent, t_req, hours)
    ref = f"P{nxt('proj')}"
    pm_src = "Existing client" if source == "existing" else PM_SOURCE[source]
    row = dict(
        ref=ref,
        cno=c.cno,
        pair=pair,
        words=words,
        service=service,
        urgency="Urgent" if urgent else "Standard",
        src=pm_src,
    )
    t_quote = workday_after(t_req, R.uniform(0.5, 20) * (0.5 if urgent else 1))
    if not within(t_quote):
        return
    pm.append(dict(row, status="QUOTED", ts=t_quote, value=value, ontime=""))
    # acceptance
    p_acc = 0.58 if source != "existing" else 0.8
    if c.big:
        p_acc = 0.92
    if service == "AI-TRANS":
        p_acc += 0.12
    if urgent and t_req >= URGENT_RISE:
        p_acc -= 0.22
    if source == "linkedin" and t_req >= LINKEDIN_WORSE:
        p_acc -= 0.15
    if source == "proz":
        p_acc -= 0.08
    t_dec = workday_after(t_quote, R.uniform(1, 30) if urgent else R.uniform(4, 200))
    if not within(t_dec):
        return
    if not chance(p_acc):
        if chance(0.7):
            pm.append(dict(row, status="DECLINED", ts=t_dec, value="", ontime=""))
        if chance(0.05):
            ticket(c, t_quote + timedelta(hours=R.uniform(1, 48)), "Quote query")
        return
    pm.append(dict(row, status="ACCEPTED", ts=t_dec, value=value, ontime=""))
    tr = R.choice(TRANSLATORS[:12] if c.big and chance(0.6) else TRANSLATORS)
    t_as = t_dec + timedelta(hours=R.uniform(0.2, 6))
    if within(t_as):
        assigns.append((ref, c.cno, tr, t_as, pair, service))
    # turnaround
    days = (
        (hours / 8 + 1)
        if service == "INTERP"
        else 1 + words / (4000 if service == "AI-TRANS" else 2000)
    )
    if urgent:
        days = max(0.5, days / 2.5)
    deadline = t_dec + timedelta(days=days)
    busy = (
        datetime(2026, 3, 9) <= t_dec < datetime(2026, 5, 4)
    )  # the big client's onboarding strained capacity
    p_late = 0.16 if busy else 0.07
    if urgent:
        p_late += 0.05
    late = chance(p_late)
    t_del = deadline + (
        timedelta(hours=R.uniform(4, 72))
        if late
        else -timedelta(hours=R.uniform(0, min(20, days * 6)))
    )
    t_del = max(t_del, t_as + timedelta(hours=1))
    if not within(t_del):
        return
    pm.append(dict(row, status="DELIVERED", ts=t_del, value="", ontime="N" if late else "Y"))
    mood = 0.0
    if late and chance(0.35):
        ticket(c, t_del - timedelta(hours=R.uniform(1, 20)), "Late delivery", 1.2, ref)
        mood += 1.2
    p_rev = 0.16 if service == "AI-TRANS" else 0.08
    quality_bad = chance(0.06 if service == "AI-TRANS" else 0.025)
    t_rev = workday_after(t_del, R.uniform(4, 96))
    if quality_bad:
        ticket(c, t_rev, "Quality complaint", 1.6, ref)
        mood += 1.6
    if service != "INTERP" and (quality_bad or chance(p_rev)) and within(t_rev):
        pm.append(dict(row, status="REVISION_REQ", ts=t_rev, value="", ontime=""))
        t_rd = workday_after(t_rev, R.uniform(6, 60))
        if within(t_rd):
            pm.append(dict(row, status="REVISED", ts=t_rd, value="", ontime=""))
            t_rev = workday_after(t_rd, R.uniform(4, 72))
    if within(t_rev) and chance(0.8):
        pm.append(dict(row, status="CLIENT_APPROVED", ts=t_rev, value="", ontime=""))
    # invoice (date only), in the client's currency, converted to GBP pence
    issued = (t_del + timedelta(days=R.choice([0, 0, 1, 2]))).date()
    if issued >= END.date():
        return
    due = issued + timedelta(days=45 if c.big else 30)
    cur = CURRENCY[c.country]
    amt_gbp = value
    inv = f"INV-{nxt('inv')}"
    invoices.append(
        (inv, ref, c.cno, issued, due, cur, round(amt_gbp / TO_GBP[cur], 2), round(amt_gbp * 100))
    )
    p_late_pay = 0.5 if c.big else (0.3 if c.ctype == "SME" else 0.15)
    if chance(p_late_pay):
        paid = due + timedelta(days=R.randint(1, 40))
    else:
        paid = due - timedelta(days=R.randint(0, 25))
    if paid < END.date():
        payments.append((inv, c.cno, paid, due, round(amt_gbp * 100), cur, ref))
    elif paid > due and due < END.date() and chance(0.3):
        ticket(c, at(due + timedelta(days=R.randint(3, 10)), WORK), "Invoice query")
    if chance(0.3):
        t_s = datetime.combine(issued, datetime.min.time()) + timedelta(days=R.uniform(2, 9))
        if within(t_s):
            mean = 8.5 - mood * 1.6 - (0.7 if service == "AI-TRANS" else 0) + (0.4 if c.big else 0)
            score = max(0, min(10, round(R.gauss(mean, 1.5))))
            comment = ""
            if chance(0.35):
                comment = (
                    R.choice(
                        [
                            "Delivered late",
                            "Missed our deadline",
                            "Terminology errors",
                            "Had to ask for changes",
                        ]
                    )
                    if mood > 0
                    else R.choice(
                        [
                            "Great quality",
                            "Fast and accurate",
                            "Good value",
                            "Very responsive PM",
                            "Fine",
                            "Would use again",
                        ]
                    )
                )
            survey.append((c.cno, ref, t_s, score, comment, service))


def traffic_weight(d):
    w = 1.0 if d.weekday() < 5 else 0.35
    if date(2025, 12, 15) <= d <= date(2026, 1, 4) or date(2026, 12, 1) <= d:
        w *= 0.45 if (d.month == 12 and d.day >= 19) or d.month == 1 else 0.7
    if date(2026, 1, 5) <= d < date(2026, 2, 1):
        w *= 1.15  # January restart
    return w


def prospect(d, source=None):
    c = Client()
    dt = datetime(d.year, d.month, d.day)
    source = source or pick(SOURCES, SOURCE_W)
    p_req = {
        "google": 0.11,
        "linkedin": 0.1,
        "proz": 0.16,
        "partner": 0.25,
        "referral": 0.22,
        "(none)": 0.08,
    }[source]
    if source == "linkedin" and dt >= LINKEDIN_WORSE:
        p_req = 0.035
    t = at(d)
    for s in range(R.choice([1, 1, 1, 2, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.3, 12))
            if chance(0.5):
                source = "(none)"
        if not log_web(
            c,
            t,
            "page_view",
            source,
            R.choice(["/", "/services", "/translation", "/localisation", "/blog"]),
        ):
            return
        if chance(0.45):
            log_web(c, t + timedelta(minutes=R.uniform(0.5, 4)), "pricing_view", source, "/pricing")
        if chance(p_req):
            tq = t + timedelta(minutes=R.uniform(3, 15))
            if inw(tq, OUTAGE):
                # the portal is down: the form fails; some come back after it is fixed
                if chance(0.5):
                    tq = datetime(2026, 7, 16, 9) + timedelta(hours=R.uniform(0, 30))
                    log_web(c, tq - timedelta(minutes=2), "page_view", "(none)", "/")
                else:
                    return
            c.email = f"{h('e' + c.cookie)[:8]}@{domain(c)}.example"
            log_web(c, tq, "quote_form_submit", source, "/quote")
            register(c, tq)
            if chance(0.6):
                log_web(
                    c, tq + timedelta(minutes=R.uniform(0.5, 3)), "file_upload", source, "/quote"
                )
            project(c, tq, source)
            return


def existing_client(big=False):
    c = Client()
    if big:
        c = Client("Germany", "Brandt Automotive GmbH", "Automotive", "Enterprise")
        c.big = True
    c.cookie = new_cookie()
    c.cno = f"CL-{nxt('client'):05d}"
    c.email = f"{h(c.cno)[:8]}@{'brandt-automotive' if big else domain(c)}.example"
    c.created = (
        (BIG_CLIENT_FROM - timedelta(days=R.uniform(1, 20)))
        if big
        else START - timedelta(days=R.uniform(20, 1500))
    )
    clients.append(c)
    if big:
        n = poisson(32)
        span = (END - BIG_CLIENT_FROM).days
        days = [BIG_CLIENT_FROM.date() + timedelta(days=R.randrange(span)) for _ in range(n)]
    else:
        n = poisson(1.7 if c.ctype != "Enterprise" else 4)
        days = [START.date() + timedelta(days=R.randrange(N_DAYS)) for _ in range(n)]
    for d in sorted(days):
        if not chance(traffic_weight(d)):
            continue
        t = at(d, WORK)
        if inw(t, OUTAGE):
            ticket(c, t + timedelta(minutes=R.uniform(5, 60)), "Portal access", 0.8)
            t = datetime(2026, 7, 16, 9) + timedelta(hours=R.uniform(0, 50))
        log_web(c, t, "portal_login", "(none)", "/portal")
        log_web(
            c, t + timedelta(minutes=R.uniform(1, 5)), "file_upload", "(none)", "/portal/upload"
        )
        log_web(
            c,
            t + timedelta(minutes=R.uniform(5, 9)),
            "quote_form_submit",
            "(none)",
            "/portal/quote",
        )
        project(c, t + timedelta(minutes=R.uniform(5, 9)), "existing")
        t2 = t + timedelta(days=R.uniform(2, 20))
        if chance(0.25) and not inw(t2, OUTAGE):
            log_web(c, t2, "portal_login", "(none)", "/portal")


def simulate():
    for _ in range(8):  # Brandt Automotive: eight project managers, one company
        existing_client(big=True)
    for _ in range(650):
        existing_client()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        w = traffic_weight(d)
        for _ in range(poisson(22 * w)):
            prospect(d)
        if date(2026, 8, 1) <= d:
            for _ in range(poisson(3 * w)):  # more LinkedIn budget, worse traffic
                prospect(d, "linkedin")
    # outage: portal access tickets from clients who could not log in
    known = [c for c in clients if c.created < OUTAGE[0]]
    for _ in range(26):
        c = R.choice(known)
        ticket(
            c, at(date(2026, 7, 14) + timedelta(days=R.randrange(2)), WORK), "Portal access", 0.8
        )
    for _ in range(60):
        c = R.choice(clients)
        ticket(
            c,
            at(START.date() + timedelta(days=R.randrange(N_DAYS)), WORK),
            R.choice(["Portal access", "Quote query", "Invoice query"]),
        )


def iso_offset(ts):
    return ts.replace(tzinfo=LONDON).isoformat(timespec="seconds")


def epoch(ts):
    return int(ts.replace(tzinfo=LONDON).astimezone(UTC).timestamp())


def write(folder: Path):
    with open(folder / "clients.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Client No", "Email", "Company", "Country", "Sector", "Client Type", "Created"])
        for c in sorted(clients, key=lambda c: c.cno):
            w.writerow(
                [
                    c.cno,
                    c.email,
                    c.company,
                    c.country,
                    c.sector,
                    c.ctype,
                    f"{c.created:%d/%m/%Y %H:%M}",
                ]
            )
    with open(folder / "pm_status_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Project No",
                "Client No",
                "Status",
                "Status Date",
                "Language Pair",
                "Words",
                "Service",
                "Urgency",
                "Quote GBP",
                "Order Value GBP",
                "Lead Source",
                "On Time",
            ]
        )
        for r in sorted(pm, key=lambda r: (r["ts"], r["ref"], r["status"])):
            w.writerow(
                [
                    r["ref"],
                    r["cno"],
                    r["status"],
                    f"{r['ts']:%d/%m/%Y %H:%M}",
                    r["pair"],
                    r["words"] or "",
                    r["service"],
                    r["urgency"],
                    f"{r['value']:.2f}" if r["status"] == "QUOTED" else "",
                    f"{r['value']:.2f}" if r["status"] == "ACCEPTED" else "",
                    r["src"],
                    r["ontime"],
                ]
            )
    with open(folder / "web_events.jsonl", "w") as f:
        for ts, cookie, email, name, source, page in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "timestamp": iso_offset(ts),
                "cookie_id": cookie,
                "event": name,
                "utm_source": source,
                "page": page,
            }
            if email:
                obj["email"] = email
            f.write(json.dumps(obj) + "\n")
    with open(folder / "assignments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "project",
                "client_no",
                "translator_id",
                "translator_tier",
                "assigned_at",
                "pair",
                "service",
            ]
        )
        for r in sorted(assigns, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], TIER[r[2]], epoch(r[3]), r[4], r[5]])
    with open(folder / "invoices.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "InvoiceNo",
                "ProjectNo",
                "ClientNo",
                "IssueDate",
                "DueDate",
                "Currency",
                "AmountOriginal",
                "AmountGBPPence",
            ]
        )
        for r in sorted(invoices, key=lambda r: (r[3], r[0])):
            w.writerow(
                [r[0], r[1], r[2], r[3].isoformat(), r[4].isoformat(), r[5], f"{r[6]:.2f}", r[7]]
            )
    with open(folder / "payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "InvoiceNo",
                "ProjectNo",
                "ClientNo",
                "PaidDate",
                "DueDate",
                "AmountGBPPence",
                "Currency",
                "DaysLate",
                "PaidLate",
            ]
        )
        for r in sorted(payments, key=lambda r: (r[2], r[0])):
            late = (r[2] - r[3]).days
            w.writerow(
                [
                    r[0],
                    r[6],
                    r[1],
                    r[2].isoformat(),
                    r[3].isoformat(),
                    r[4],
                    r[5],
                    max(0, late),
                    "TRUE" if late > 0 else "FALSE",
                ]
            )

    def fmt(ts):
        return f"{ts:%d-%b-%Y %H:%M}" if ts else ""

    with open(folder / "support_inbox.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket",
                "from",
                "received",
                "first_reply",
                "closed",
                "tag",
                "mailbox",
                "complaint",
                "rating",
                "project",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7], r[8], r[9]])
    with open(folder / "client_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Client No",
                "Project No",
                "Submitted",
                "How likely to recommend (0-10)",
                "Comment",
                "Service",
            ]
        )
        for r in sorted(survey, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%d/%m/%Y}", r[3], r[4], r[5]])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Line item", "GBP"])
        m = date(2025, 12, 1)
        partner_rev = {}
        for r in pm:
            if r["status"] == "ACCEPTED" and r["src"] == "Partner agency":
                k = (r["ts"].year, r["ts"].month)
                partner_rev[k] = partner_rev.get(k, 0) + r["value"]
        while m < END.date():
            part = 1.0 if m.month != 12 else (7 / 31 if m.year == 2025 else 6 / 31)
            li = 3000 * (1.3 if m >= date(2026, 8, 1) else 1.0)
            rows = {
                "Google Ads": 5200 * R.uniform(0.9, 1.1),
                "LinkedIn Ads": li * R.uniform(0.95, 1.05),
                "ProZ fees": 420.0,
                "Partner commissions": 0.15 * partner_rev.get((m.year, m.month), 0),
            }
            for k, v in rows.items():
                w.writerow(
                    [f"{m:%b %Y}", k, f"{v * (part if k != 'Partner commissions' else 1):.2f}"]
                )
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="translation-src-") as tmp:
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
