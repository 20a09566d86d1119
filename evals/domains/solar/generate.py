"""Solar evaluation domain: BrightRoof Solar, residential solar + battery installer (NSW VIC QLD SA WA).

    python generate.py OUT.duckdb

Writes the company's own exports (seeded: the same files on every run) into a temporary folder —

  hubspot_contacts.csv          CRM contacts (Title Case HubSpot columns, dd/mm/yyyy Sydney time)
  hubspot_activities.csv        CRM timeline: forms, quotes, calls, site surveys, proposals,
                                cancellations, referrals (Sydney time, dd/mm/yyyy HH:MM)
  hubspot_deals.csv             CRM deals: contract signed, system size, battery, finance, amount
  solarquotes_leads.jsonl       Solar Quotes marketplace lead feed (UTC, Z)
  jobs_events.jsonl             job system: deposits, installs, grid connection, STC claims,
                                service visits (UTC, Z; upper-case event codes)
  freshdesk_tickets.csv         support cases (local time)
  nps_responses.csv             post-connection NPS survey
  marketing_spend_weekly.csv    marketing's weekly cost sheet per lead source x campaign

— copies `ingest.yaml` next to them and loads everything into OUT.duckdb with
`connectors.ingest.ingest`. Standard library + duckdb only. See description.md for the stories.
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
SYD = ZoneInfo("Australia/Sydney")

QLD_BACKLOG = datetime(2026, 3, 1)
NSW_BATTERY_REBATE = datetime(2026, 7, 1)
BATTERY_QUIZ = datetime(2026, 7, 13)

WARMUP = 75  # days simulated before START; only their later events are in the exports
R = random.Random(SEED)

SOURCES = ["Google Ads", "Facebook Ads", "Canstar", "Solar Quotes", "Referral", "Door Knock", "Home Show"]
SRC_W = [0.21, 0.17, 0.10, 0.29, 0.07, 0.10, 0.0]  # home show leads come from the expos only
STATES = ["NSW", "VIC", "QLD", "SA", "WA"]
STATE_W = [0.32, 0.25, 0.22, 0.09, 0.12]
STATE_SPELLINGS = {"NSW": ["NSW", "NSW", "NSW", "New South Wales"], "VIC": ["VIC", "VIC", "Vic", "Victoria"],
                   "QLD": ["QLD", "QLD", "Qld", "Queensland"], "SA": ["SA", "SA", "South Australia"],
                   "WA": ["WA", "WA", "Western Australia"]}
SUBURBS = {
    "NSW": [("Kellyville", "2155"), ("Penrith", "2750"), ("Castle Hill", "2154"), ("Campbelltown", "2560"),
            ("Newcastle", "2300"), ("Wollongong", "2500"), ("Bathurst", "2795")],
    "VIC": [("Werribee", "3030"), ("Frankston", "3199"), ("Ballarat", "3350"), ("Geelong", "3220"),
            ("Cranbourne", "3977"), ("Doncaster", "3108")],
    "QLD": [("Logan Central", "4114"), ("Springfield", "4300"), ("Toowoomba", "4350"), ("Caboolture", "4510"),
            ("Southport", "4215"), ("Cairns", "4870")],
    "SA": [("Morphett Vale", "5162"), ("Mawson Lakes", "5095"), ("Mount Barker", "5251")],
    "WA": [("Joondalup", "6027"), ("Baldivis", "6171"), ("Ellenbrook", "6069"), ("Mandurah", "6210")],
}
OWNERS = {"NSW": ["Liam Nguyen", "Chloe Patel"], "VIC": ["Josh Murphy", "Priya Singh"],
          "QLD": ["Tom Brennan", "Mia Kowalski"], "SA": ["Sam O'Neill"], "WA": ["Ella Hartley"]}
CREWS = {"NSW": ["Sydney West", "Hunter"], "VIC": ["Melbourne South", "Geelong"], "QLD": ["Brisbane North", "Gold Coast"],
         "SA": ["Adelaide"], "WA": ["Perth North"]}
HOUSEHOLDS = ["Family", "Retiree", "Investor"]
ROOFS = ["Tile", "Tin", "Flat"]
BILL_BANDS = ["Under $300", "$300-$600", "$600-$900", "Over $900"]
EXPOS = [  # (name, state, first day, days)
    ("Melbourne Home Show", "VIC", date(2025, 10, 16), 4),
    ("Sydney Home Show", "NSW", date(2026, 2, 27), 3),
    ("Adelaide Home Show", "SA", date(2026, 4, 17), 3),
    ("Perth Home Show", "WA", date(2026, 5, 22), 3),
    ("Brisbane Home Show", "QLD", date(2026, 8, 14), 3),
    ("Sydney Spring Home Show", "NSW", date(2026, 9, 11), 3),
]
CAMPAIGNS = {"Google Ads": ["Solar Search - Generic", "Solar Search - Brand"],
             "Facebook Ads": ["Save On Bills - Video", "Save On Bills - Carousel"]}
# chance of a contract once called, per source (before the speed-to-lead effect)
SIGN_BASE = {"Google Ads": 0.20, "Facebook Ads": 0.13, "Canstar": 0.19, "Solar Quotes": 0.04,
             "Referral": 0.34, "Door Knock": 0.34, "Home Show": 0.18}


def chance(p: float) -> bool:
    return R.random() < p


def pick(options, weights):
    return R.choices(options, weights=weights)[0]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def within(ts: datetime) -> bool:
    return START <= ts < END


def at(day: date, lo: int = 8, hi: int = 21) -> datetime:
    h = R.randint(lo, hi - 1)
    return datetime(day.year, day.month, day.day, h, R.randrange(60), R.randrange(60))


def work_time(ts: datetime) -> datetime:
    """Move a time into business hours (8:00-18:00) of the same or next day."""
    if ts.hour < 8:
        return ts.replace(hour=8 + R.randint(0, 1), minute=R.randrange(60))
    if ts.hour >= 18:
        d = ts.date() + timedelta(days=1)
        return datetime(d.year, d.month, d.day, 8, R.randrange(60), R.randrange(60))
    return ts


def winter(ts: datetime) -> bool:
    return ts.month in (6, 7, 8)


class Person:
    def __init__(self, idx: int, source: str, state: str | None = None):
        self.idx = idx
        self.contact_id = str(40_100_000 + idx * 7 + R.randint(0, 6))
        self.email = sha(f"home{idx}@example.com.au")
        self.source = source
        self.state = state or pick(STATES, STATE_W)
        if source == "Door Knock":
            self.state = state or pick(["NSW", "VIC", "QLD"], [0.45, 0.25, 0.3])
        self.suburb, self.postcode = R.choice(SUBURBS[self.state])
        self.household = pick(HOUSEHOLDS, [0.55, 0.30, 0.15])
        self.roof = pick(ROOFS, [0.55, 0.37, 0.08])
        self.bill = pick(BILL_BANDS, [0.2, 0.4, 0.28, 0.12])
        self.created = None
        self.sq_ref = ""
        self.stage = "lead"
        self.owner = R.choice(OWNERS[self.state])
        self.seen = False


persons: list[Person] = []
acts: list[tuple] = []      # (ts, contact_id, deal_id, activity, channel, campaign, owner)
deals: list[tuple] = []     # (deal_id, contact_id, ts, stage, size, battery, finance, amount, signed_via)
sq_rows: list[dict] = []
job_rows: list[dict] = []
tickets: list[tuple] = []
nps_rows: list[tuple] = []
lead_fee_counts: dict[tuple, int] = {}  # (week start, source, campaign) -> leads
_seq = {"deal": 0, "job": 0, "ticket": 0, "sq": 0}


def nxt(k: str) -> int:
    _seq[k] += 1
    return _seq[k]


def week_of(ts: datetime) -> date:
    d = ts.date()
    return d - timedelta(days=d.weekday())


def act(p: Person, ts: datetime, what: str, channel: str, campaign: str = "", deal: str = "", owner: str = "") -> bool:
    if not within(ts):
        return False
    p.seen = True
    acts.append((ts, p.contact_id, deal, what, channel, campaign, owner))
    return True


def job(p: Person, ts: datetime, code: str, job_no: str, deal: str, amount=None, labour=None, crew="") -> bool:
    if not within(ts):
        return False
    p.seen = True
    job_rows.append({"ts": ts, "job_no": job_no, "hs_contact_id": p.contact_id, "hs_deal_id": deal,
                     "event": code, "amount_aud": amount, "labour_cost_aud": labour, "crew": crew})
    return True


def ticket(p: Person, opened: datetime, kind: str, qld_backlog: bool = False) -> None:
    opened = work_time(opened) if chance(0.7) else opened
    if not within(opened):
        return
    p.seen = True
    src = pick(["Phone", "Email", "Chat", "Portal"], [0.35, 0.35, 0.2, 0.1])
    frt_h = {"Phone": 0.4, "Email": 5.0, "Chat": 0.15, "Portal": 8.0}[src] * math.exp(R.gauss(0, 0.6))
    if qld_backlog:
        frt_h *= 1.6
    res_base = {"Inverter Fault": 70, "Panel Damage": 140, "Billing": 20, "Grid Delay": 200,
                "Monitoring App": 9}[kind]
    if qld_backlog:
        res_base = 420
    res_h = max(frt_h + 0.5, res_base * math.exp(R.gauss(0, 0.5)))
    first = opened + timedelta(hours=frt_h)
    resolved = opened + timedelta(hours=res_h)
    if resolved >= END or chance(0.02):
        resolved = None
    csat = ""
    if resolved is not None and chance(0.5):
        mean = {"Inverter Fault": 3.9, "Panel Damage": 3.6, "Billing": 4.1, "Grid Delay": 3.2,
                "Monitoring App": 4.3}[kind]
        if qld_backlog:
            mean = 2.1
        csat = str(max(1, min(5, round(R.gauss(mean, 0.9)))))
    complaint = chance(0.55 if qld_backlog else {"Grid Delay": 0.25, "Panel Damage": 0.2}.get(kind, 0.08))
    tickets.append((f"{nxt('ticket') + 10400}", p.email, kind, src, opened, first, resolved, csat,
                    "Yes" if complaint else "No", pick(["Low", "Medium", "High"], [0.3, 0.5, 0.2])))


def nps(p: Person, grid_ts: datetime, delayed: bool) -> None:
    ts = grid_ts + timedelta(days=30, hours=R.uniform(2, 120))
    if not within(ts) or not chance(0.55):
        return
    p.seen = True
    mean = 4.8 if delayed else 8.4
    score = max(0, min(10, round(R.gauss(mean, 1.7))))
    comment = ""
    if chance(0.45):
        if score >= 9:
            comment = R.choice(["Great install crew, very tidy", "Bills already down", "Easy process start to finish",
                                "Battery works a treat"])
        elif score >= 7:
            comment = R.choice(["Fine overall", "Took a while to install", "App is a bit clunky"])
        else:
            comment = ("Waited months for the grid connection" if delayed and chance(0.8)
                       else R.choice(["Poor communication", "Not the savings promised", "Install delayed twice"]))
    nps_rows.append((p.contact_id, ts, score, comment))


# ----------------------------------------------------------------------------------------------
# journeys
# ----------------------------------------------------------------------------------------------
def call_delay_hours(src: str) -> float:
    if src in ("Door Knock", "Home Show"):
        return R.uniform(0.3, 2.0) if chance(0.25) else R.uniform(16, 72)
    u = R.random()
    if u < 0.33:
        return R.uniform(0.05, 0.98)
    if u < 0.65:
        return R.uniform(1.05, 8)
    if u < 0.88:
        return R.uniform(8, 30)
    return R.uniform(30, 90)


def new_lead(idx: int, src: str, day: date, campaign: str = "", state: str | None = None,
             quiz: bool = False) -> Person:
    p = Person(idx, src, state)
    t0 = at(day, 7, 22) if src not in ("Door Knock", "Home Show") else at(day, 10, 19)
    p.created = t0
    # the first touch
    if src in ("Google Ads", "Facebook Ads", "Canstar", "Referral"):
        act(p, t0, "Web Form Submitted", src, campaign)
        wants_quote = 0.12 if quiz else 0.78
        if not chance(wants_quote):
            return p
        t_q = t0 + timedelta(minutes=R.uniform(1, 20))
        act(p, t_q, "Quote Requested", src, campaign)
    elif src == "Solar Quotes":
        t_q = t0
        p.sq_ref = f"SQ-{880000 + nxt('sq') * 3}"
        p.seen = p.seen or within(t_q)
        sq_rows.append({"ts": t_q, "lead_id": p.sq_ref, "postcode": p.postcode, "suburb": p.suburb,
                        "state": p.state, "interest": pick(["Solar only", "Solar + Battery", "Battery only"], [0.55, 0.35, 0.1]),
                        "lead_fee": 38.5 if p.state != "WA" else 42.0})
    else:  # door knock, home show: the rep enters the quote request on the tablet
        t_q = t0
        act(p, t_q, "Quote Requested", src, campaign, owner=p.owner)
    if within(t_q):
        wk = week_of(t_q)
        if src in ("Canstar", "Solar Quotes"):
            lead_fee_counts[(wk, src)] = lead_fee_counts.get((wk, src), 0) + 1
    sales(p, t_q, quiz)
    return p


def sales(p: Person, t_q: datetime, quiz: bool) -> None:
    src = p.source
    if src not in ("Door Knock", "Home Show"):
        act(p, t_q + timedelta(minutes=R.uniform(2, 40)), "Call Booked", "Phone", owner=p.owner)
    if not chance(0.87):
        return  # never reached
    delay = call_delay_hours(src)
    t_call = t_q + timedelta(hours=delay)
    if src in ("Door Knock", "Home Show"):
        t_cb = max(t_q + timedelta(minutes=1), t_call - timedelta(minutes=R.uniform(5, 120)))
        act(p, t_cb, "Call Booked", "Phone", owner=p.owner)
    act(p, t_call, "Call Completed", "Phone", owner=p.owner)
    fast = delay < 1.0
    base = SIGN_BASE[src] * (0.1 if quiz else 1.0)
    survey_p = 0.62 if src != "Solar Quotes" else 0.42
    if src == "Door Knock":
        survey_p = 0.8
    if not chance(survey_p):
        return
    t_sb = work_time(t_call + timedelta(hours=R.uniform(0.1, 40)))
    act(p, t_sb, "Site Survey Booked", "Phone", owner=p.owner)
    if not chance(0.88):
        return
    t_sd = at((t_sb + timedelta(days=R.randint(1, 3) if src == "Door Knock" else R.randint(2, 12))).date(), 8, 17)
    act(p, t_sd, "Site Survey Done", "Onsite", owner=p.owner)
    if not chance(0.93):
        return
    t_ps = t_sd + timedelta(hours=R.uniform(3, 12) if src == "Door Knock" else R.uniform(18, 96))
    t_ps = work_time(t_ps)
    act(p, t_ps, "Proposal Sent", "Email", owner=p.owner)
    p.stage = "opportunity"
    t_v = t_ps
    for _ in range(pick([0, 1, 2, 3], [0.12, 0.5, 0.26, 0.12])):
        t_v = t_v + timedelta(hours=R.uniform(0.3, 60))
        act(p, t_v, "Proposal Viewed", "Email")
    p_sign = base / (survey_p * 0.88 * 0.93)
    p_sign = p_sign / 1.45 * (2.4 if fast else 1.0)
    if not chance(min(0.95, p_sign)):
        if chance(0.3):
            p.stage = "salesqualifiedlead"
        return
    gap = R.uniform(0.2, 3) if src == "Door Knock" else R.expovariate(1 / 9.0) + 1
    t_sign = work_time(max(t_v, t_ps) + timedelta(days=gap))
    contract(p, t_sign)


def contract(p: Person, t_sign: datetime) -> None:
    deal = f"{21_800_000_000 + nxt('deal') * 137}"
    battery_p = {"Family": 0.3, "Retiree": 0.34, "Investor": 0.08}[p.household]
    if p.state == "NSW" and t_sign >= NSW_BATTERY_REBATE:
        battery_p = min(0.85, battery_p * 2.5)
    battery = chance(battery_p)
    size = pick([6.6, 8.2, 10.0, 13.2], [0.3, 0.3, 0.28, 0.12])
    if p.roof == "Flat":
        size = min(size, 8.2)
    finance = pick(["Cash", "Green Loan", "PPA"], [0.55, 0.33, 0.12])
    amount = round(size * R.uniform(980, 1180) + (R.uniform(11500, 14500) if battery else 0) + R.uniform(-300, 600), 0)
    if p.state == "NSW" and battery and t_sign >= NSW_BATTERY_REBATE:
        amount -= 1600  # the state rebate is taken off the price
    via = "In Home" if p.source in ("Door Knock", "Home Show") and chance(0.8) else "DocuSign"
    cancel_p = 0.38 if p.source == "Door Knock" else 0.04
    cancelled = chance(cancel_p)
    p.stage = "customer"
    if not within(t_sign):  # signed before the data starts: the install still happens in the year
        if not cancelled and t_sign < START:
            install(p, t_sign, deal, size, battery, amount)
        return
    deals.append((deal, p.contact_id, t_sign, "Cancelled" if cancelled else "Closed Won", size,
                  battery, finance, amount, via))
    if cancelled:
        t_c = t_sign + timedelta(days=R.uniform(1, 9.8))
        act(p, t_c, "Contract Cancelled", "Phone", deal=deal, owner=p.owner)
        p.stage = "other"
        return
    install(p, t_sign, deal, size, battery, amount)


def install(p: Person, t_sign: datetime, deal: str, size: float, battery: bool, amount: float, past=False) -> None:
    job_no = f"BR-J{nxt('job') + 20000}"
    crew = R.choice(CREWS[p.state])
    t_dep = work_time(t_sign + timedelta(days=R.uniform(10.2, 21)))
    job(p, t_dep, "DEPOSIT_PAID", job_no, deal, amount=round(amount * 0.10, 2), crew=crew)
    t_sched = work_time(t_dep + timedelta(days=R.uniform(1, 7)))
    job(p, t_sched, "INSTALL_SCHEDULED", job_no, deal, crew=crew)
    lead = R.uniform(14, 40)
    t_inst = t_sign + timedelta(days=lead)
    if winter(t_inst):  # winter: short days, rain, crews stretched
        t_inst += timedelta(days=R.uniform(12, 32))
    t_inst = at(t_inst.date(), 7, 16)
    if t_inst <= t_sched:
        t_inst = t_sched + timedelta(days=R.uniform(3, 9))
    labour = round(size * 175 + (850 if battery else 0) + (R.uniform(250, 600) if p.roof == "Tin" else 0)
                   + (450 if p.roof == "Flat" else 0), 2)
    if winter(t_inst):
        labour = round(labour * 1.12, 2)
    if not job(p, t_inst, "INSTALL_COMPLETE", job_no, deal, labour=labour, crew=crew):
        return
    p.stage = "customer"
    stc = round(size * R.uniform(440, 520) * (0.95 if t_inst.year == 2026 else 1.0), 2)
    job(p, work_time(t_inst + timedelta(days=R.uniform(3, 12))), "STC_CLAIMED", job_no, deal, amount=stc)
    delayed = p.state == "QLD" and t_inst >= QLD_BACKLOG - timedelta(days=20)
    gdays = R.uniform(35, 85) if delayed else R.uniform(4, 18)
    t_grid = work_time(t_inst + timedelta(days=gdays))
    # waiting customers call in
    wait_case = 0.65 if delayed else 0.08
    if chance(wait_case):
        ticket(p, t_inst + timedelta(days=R.uniform(14, max(15, gdays - 3))), "Grid Delay", qld_backlog=delayed)
    if chance(0.12):
        ticket(p, t_sign + timedelta(days=R.uniform(12, 60)), "Billing")
    if not job(p, t_grid, "GRID_CONNECTED", job_no, deal, crew="Network"):
        return
    aftercare(p, t_grid, job_no, deal, battery, delayed)


def aftercare(p: Person, t_grid: datetime, job_no: str, deal: str, battery: bool, delayed: bool) -> None:
    nps(p, t_grid, delayed)
    if chance(0.22 if not delayed else 0.08):
        act(p, t_grid + timedelta(days=R.uniform(10, 175)), "Referral Given", "Referral Program")
        p.stage = "evangelist"
    n_visits = pick([0, 1, 2], [0.78, 0.18, 0.04] if not battery else [0.6, 0.3, 0.1])
    for _ in range(n_visits):
        job(p, at((t_grid + timedelta(days=R.uniform(20, 330))).date(), 8, 16), "SERVICE_VISIT", job_no, deal,
            crew=R.choice(CREWS[p.state]))
    if chance(0.12 if not battery else 0.18):
        ticket(p, t_grid + timedelta(days=R.uniform(5, 300)), "Inverter Fault")
    if chance(0.05):
        ticket(p, t_grid + timedelta(days=R.uniform(5, 300)), "Panel Damage")
    if chance(0.2 if battery else 0.1):
        ticket(p, t_grid + timedelta(days=R.uniform(1, 60)), "Monitoring App")


def past_customer(idx: int) -> Person:
    """Homeowners connected before the data starts: service visits, referrals, cases only."""
    p = Person(idx, pick(SOURCES[:6], [0.25, 0.15, 0.12, 0.15, 0.13, 0.2]))
    t_grid = START - timedelta(days=R.uniform(10, 400))
    p.created = t_grid - timedelta(days=R.uniform(60, 120))
    p.stage = "customer"
    battery = chance(0.25)
    deal = f"{21_700_000_000 + idx}"
    job_no = f"BR-J{nxt('job') + 20000}"
    delayed = False
    if chance(0.15):
        act(p, t_grid + timedelta(days=R.uniform(10, 175)), "Referral Given", "Referral Program")
    for _ in range(pick([0, 1, 2], [0.7, 0.25, 0.05] if not battery else [0.5, 0.38, 0.12])):
        job(p, at((t_grid + timedelta(days=R.uniform(20, 700))).date(), 8, 16), "SERVICE_VISIT", job_no, deal,
            crew=R.choice(CREWS[p.state]))
    if chance(0.14):
        ticket(p, START + timedelta(days=R.uniform(0, 360)), "Inverter Fault")
    if chance(0.1):
        ticket(p, START + timedelta(days=R.uniform(0, 360)), "Monitoring App")
    if chance(0.04):
        ticket(p, START + timedelta(days=R.uniform(0, 360)), "Billing")
    nps(p, t_grid, delayed)
    return p


def poisson(lam: float) -> int:
    limit, k, prod = math.exp(-lam), 0, R.random()
    while prod > limit:
        k += 1
        prod *= R.random()
    return k


def season(d: date) -> float:
    # leads peak in spring/summer (bills, sunshine, EOFY ads), dip in winter
    return {1: 1.1, 2: 1.0, 3: 1.0, 4: 0.95, 5: 0.85, 6: 0.72, 7: 0.75, 8: 0.8, 9: 1.0, 10: 1.15,
            11: 1.2, 12: 1.0}[d.month] * (0.8 if d.weekday() >= 5 else 1.07)


def simulate() -> None:
    idx = 0
    daily = 22.0
    for k in range(-WARMUP, N_DAYS):  # the pipeline of the weeks before the data starts
        d = START.date() + timedelta(days=k)
        for src, w in zip(SOURCES, SRC_W):
            if w == 0:
                continue
            lam = daily * w * season(d)
            if src == "Door Knock" and d.weekday() == 6:
                lam = 0
            for _ in range(poisson(lam)):
                idx += 1
                camp = ""
                if src in CAMPAIGNS:
                    camp = R.choice(CAMPAIGNS[src])
                    if src == "Google Ads" and d >= NSW_BATTERY_REBATE.date() and chance(0.3):
                        camp = "Battery Rebate Search"
                elif src == "Canstar":
                    camp = "Canstar Compare"
                elif src == "Referral":
                    camp = "Refer a Neighbour"
                st = None
                if camp == "Battery Rebate Search":
                    st = "NSW" if chance(0.7) else None
                persons.append(new_lead(idx, src, d, camp, st))
        if d >= BATTERY_QUIZ.date():  # Facebook lead-gen quiz: lots of forms, no buyers
            for _ in range(poisson(14 * (1.1 if d.weekday() >= 5 else 1.0))):
                idx += 1
                persons.append(new_lead(idx, "Facebook Ads", d, "Battery Quiz", quiz=True))
        for name, state, first, days in EXPOS:
            if first <= d < first + timedelta(days=days):
                for _ in range(poisson(26)):
                    idx += 1
                    persons.append(new_lead(idx, "Home Show", d, name, state))
    for _ in range(600):
        idx += 1
        persons.append(past_customer(idx))


# ----------------------------------------------------------------------------------------------
# writing the exports
# ----------------------------------------------------------------------------------------------
def au(ts: datetime) -> str:
    return f"{ts:%d/%m/%Y %H:%M}"


def utc_z(ts: datetime) -> str:
    u = ts.replace(tzinfo=SYD).astimezone(timezone.utc)
    return f"{u:%Y-%m-%dT%H:%M:%S}Z"


def write_spend(folder: Path) -> None:
    rows = []
    weeks = []
    w = START.date() - timedelta(days=START.date().weekday())
    while w < END.date():
        weeks.append(w)
        w += timedelta(days=7)
    for wk in weeks:
        s = season(wk + timedelta(days=3)) / 1.07
        rows.append((wk, "Google Ads", "Solar Search - Generic", 2300 * s * R.uniform(0.9, 1.1)))
        rows.append((wk, "Google Ads", "Solar Search - Brand", 700 * s * R.uniform(0.9, 1.1)))
        if wk >= NSW_BATTERY_REBATE.date() - timedelta(days=6):
            rows.append((wk, "Google Ads", "Battery Rebate Search", 1400 * R.uniform(0.9, 1.1)))
        rows.append((wk, "Facebook Ads", "Save On Bills - Video", 1100 * s * R.uniform(0.85, 1.15)))
        rows.append((wk, "Facebook Ads", "Save On Bills - Carousel", 650 * s * R.uniform(0.85, 1.15)))
        if wk >= BATTERY_QUIZ.date():
            rows.append((wk, "Facebook Ads", "Battery Quiz", 1900 * R.uniform(0.9, 1.1)))
        for src, fee in (("Canstar", 92.0), ("Solar Quotes", 39.0)):
            n = lead_fee_counts.get((wk, src), 0)
            if n:
                rows.append((wk, src, "Canstar Compare" if src == "Canstar" else "Marketplace Leads", n * fee))
        rows.append((wk, "Door Knock", "Canvassing Contractors", 2600 * R.uniform(0.9, 1.1)))
        for name, state, first, days in EXPOS:
            if wk <= first < wk + timedelta(days=7):
                rows.append((wk, "Home Show", name, R.uniform(9000, 14500)))
        rows.append((wk, "Referral", "Refer a Neighbour", 100.0 * R.randint(1, 5)))
    with open(folder / "marketing_spend_weekly.csv", "w", newline="", encoding="utf-8-sig") as f:
        wr = csv.writer(f)
        wr.writerow(["Week Starting", "Lead Source", "Campaign", "Amount (AUD)"])
        for wk, src, camp, amt in rows:
            wr.writerow([f"{wk:%d/%m/%Y}", src, camp, f"{amt:.2f}"])


def write_sources(folder: Path) -> None:
    with open(folder / "hubspot_contacts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Contact ID", "Create Date", "Email (SHA)", "SQ Lead Ref", "Lifecycle Stage", "Lead Source",
                    "Suburb", "Postcode", "State", "Household Type", "Roof Type", "Quarterly Bill Band",
                    "Contact Owner"])
        rows = []
        for p in persons:
            if p.created is None or p.created >= END:
                continue
            if p.created >= START or p.seen:
                rows.append(p)
        for i, p in enumerate(sorted(rows, key=lambda p: p.contact_id)):
            st = R.choice(STATE_SPELLINGS[p.state])
            w.writerow([p.contact_id, au(p.created), p.email, p.sq_ref, p.stage, p.source, p.suburb, p.postcode,
                        st, p.household, p.roof, p.bill, p.owner])
            if i == 1200:  # a contact created twice by the Zapier sync (exact duplicate row)
                w.writerow([p.contact_id, au(p.created), p.email, p.sq_ref, p.stage, p.source, p.suburb,
                            p.postcode, st, p.household, p.roof, p.bill, p.owner])

    with open(folder / "hubspot_activities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Activity Date", "Contact ID", "Associated Deal", "Activity Type", "Channel", "UTM Campaign",
                    "Activity Owner"])
        srt = sorted(acts, key=lambda r: (r[0], r[1], r[3]))
        for i, (ts, cid, deal, what, ch, camp, owner) in enumerate(srt):
            w.writerow([au(ts), cid, deal, what, ch, camp, owner])
            if i == 20000:  # a hand-typed row with an impossible date
                w.writerow(["31/02/2026 10:30", cid, "", "Call Completed", "Phone", "", owner])

    with open(folder / "hubspot_deals.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Deal ID", "Contact ID", "Close Date", "Deal Stage", "System Size (kW)", "Battery?",
                    "Finance", "Deal Amount (AUD)", "Signed Via"])
        for deal, cid, ts, stage, size, batt, fin, amount, via in sorted(deals, key=lambda r: r[2]):
            w.writerow([deal, cid, f"{ts:%Y-%m-%d %H:%M}", stage, f"{size:g}", "TRUE" if batt else "FALSE", fin,
                        f"{amount:.0f}", via])

    with open(folder / "solarquotes_leads.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(sorted(sq_rows, key=lambda r: r["ts"])):
            if not within(r["ts"]):
                continue
            obj = {"lead_id": r["lead_id"], "received_at": utc_z(r["ts"]), "postcode": r["postcode"],
                   "suburb": r["suburb"], "state": r["state"], "system_interest": r["interest"],
                   "lead_fee": r["lead_fee"]}
            f.write(json.dumps(obj) + "\n")
            if i == 1500:
                f.write('{"lead_id": "SQ-000000", "received_at": "2026-01-0\n')

    with open(folder / "jobs_events.jsonl", "w", encoding="utf-8") as f:
        for r in sorted(job_rows, key=lambda r: (r["ts"], r["job_no"], r["event"])):
            obj = {"job_no": r["job_no"], "hs_contact_id": r["hs_contact_id"], "hs_deal_id": r["hs_deal_id"],
                   "event": r["event"], "event_time": utc_z(r["ts"]), "crew": r["crew"]}
            if r["amount_aud"] is not None:
                obj["amount_aud"] = r["amount_aud"]
            if r["labour_cost_aud"] is not None:
                obj["labour_cost_aud"] = r["labour_cost_aud"]
            f.write(json.dumps(obj) + "\n")

    def lt(ts):
        return f"{ts:%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "freshdesk_tickets.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Ticket ID", "Requester Email (SHA)", "Type", "Source", "Created Time", "First Responded Time",
                    "Resolved Time", "Satisfaction Rating", "Complaint", "Priority"])
        for tid, email, kind, src, opened, first, resolved, csat, comp, prio in sorted(tickets, key=lambda r: r[4]):
            w.writerow([tid, email, kind, src, lt(opened), lt(first), lt(resolved), csat, comp, prio])

    with open(folder / "nps_responses.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Contact ID", "Survey", "Submitted At", "How likely are you to recommend BrightRoof? (0-10)",
                    "Comment"])
        for cid, ts, score, comment in sorted(nps_rows, key=lambda r: (r[1], r[0])):
            w.writerow([cid, "Post-connection NPS", au(ts), score, comment])

    write_spend(folder)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="solar-src-") as tmp:
        folder = Path(tmp)
        write_sources(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if os.environ.get("SOLAR_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["SOLAR_KEEP_SOURCES"], dirs_exist_ok=True)
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
