"""Energy evaluation domain: Brightwatt Energy, a UK household gas and electricity supplier.

    python generate.py OUT.duckdb

Writes Brightwatt's own exports (seeded: the same files every run) to a temporary folder —

  crm_accounts.csv        billing/CRM account master: legacy column names, OPEN_DT as DD/MM/YYYY
  crm_activity.csv        billing/CRM activity log: credit checks, switch events, supply start,
                          direct debits, meter readings, bills, renewals, losses (DD/MM/YYYY HH:MM)
  web_analytics.csv       website quotes and applications: visitor_id always, account_no only after
                          applying; UTC ISO times with Z
  uswitch_sales.csv       Uswitch partner feed (QUOTE / SALE rows), DD/MM/YYYY HH:MM:SS London time
  msm_switches.csv        MoneySuperMarket feed, other headers, YYYY-MM-DD HH:MM
  ctm_feed.csv            Compare the Market feed, ISO times with offset
  smartfit_jobs.jsonl     smart-meter installer (SmartFit) jobs, ISO times with offset
  contact_centre.csv      contact-centre cases, times in UTC
  survey_responses.csv    survey tool, one row per answer (CSAT 1-5, NPS 0-10)
  marketing_spend.csv     marketing spend sheet per channel per month (MM/YYYY)

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
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261203
START = datetime(2025, 12, 3)
END = datetime(2026, 12, 3)  # as_of (Thursday); data ends the day before
N_DAYS = (END - START).days
LONDON = ZoneInfo("Europe/London")

CAP_WAVE = (datetime(2026, 3, 9), datetime(2026, 4, 13))  # switching wave around the April cap rise
CAP_CALLS = (datetime(2026, 4, 1), datetime(2026, 4, 25))  # price questions after 1 April
EV_LAUNCH = datetime(2026, 5, 11)  # EV tariff launched (Monday)
MIGRATION = datetime(2026, 8, 3)  # billing-system cutover (Monday)
WRONG_BILLS = (
    datetime(2026, 8, 3),
    datetime(2026, 9, 14),
)  # bills from the new system that were wrong
MSM_CUT = datetime(2026, 7, 1)  # MoneySuperMarket commission cut £60 -> £35 per switch

R = random.Random(SEED)

REGIONS = ["ENG", "SCO", "WAL"]
REGION_W = [0.81, 0.12, 0.07]
FUELS = ["DF", "ELEC", "GAS"]
FUEL_W = [0.72, 0.22, 0.06]
ANNUAL = {"DF": 1750, "ELEC": 1050, "GAS": 900}
# the CRM's acquisition source codes
ACQ = ["USW", "MSM", "CTM", "WEB", "PPC", "REF", "D2D", "BNK"]
ACQ_W = [0.22, 0.2, 0.18, 0.12, 0.1, 0.07, 0.07, 0.04]
COMMISSION = {"USW": 55.0, "CTM": 50.0, "D2D": 40.0, "REF": 50.0}
# consumption by month (bills), winter high
SEASON = {
    12: 1.55,
    1: 1.6,
    2: 1.4,
    3: 1.15,
    4: 0.9,
    5: 0.75,
    6: 0.6,
    7: 0.55,
    8: 0.55,
    9: 0.7,
    10: 0.95,
    11: 1.3,
}


def cap_factor(ts):  # Ofgem price cap for variable customers, changes 1 Jan / 1 Apr / 1 Jul / 1 Oct
    if ts < datetime(2026, 1, 1):
        return 1.0
    if ts < datetime(2026, 4, 1):
        return 1.012
    if ts < datetime(2026, 7, 1):
        return 1.077
    if ts < datetime(2026, 10, 1):
        return 1.05
    return 1.07


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


def within(ts):
    return START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1.2,
    2,
    2.6,
    3,
    3,
    3.1,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.6,
    4.4,
    4.8,
    4.2,
    2.8,
    1.0,
]
OFFICE = [0] * 8 + [3, 5, 5, 4, 4, 4, 4, 3, 3, 2, 1, 0.5] + [0] * 4


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def add_months(d, n):
    y, m = d.year + (d.month - 1 + n) // 12, (d.month - 1 + n) % 12 + 1
    return d.replace(year=y, month=m, day=min(d.day, 28))


web, usw, msm, ctm, acts, jobs, cases, survey = ([] for _ in range(8))
accounts = []
spend_units = {}  # (channel code, yyyy-mm) -> number of commission-paid switches
seq = {"acct": 40010000, "vis": 0, "case": 0, "job": 0, "resp": 0, "cmp": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Household:
    def __init__(self):
        self.acct = None
        self.visitor = None
        self.cmp_ref = None
        self.region = pick(REGIONS, REGION_W)
        self.fuel = pick(FUELS, FUEL_W)
        self.annual = ANNUAL[self.fuel] * R.uniform(0.6, 1.6)
        self.pay = pick(["FDD", "VDD", "CHQ"], [0.65, 0.27, 0.08])
        self.tariff = None
        self.acq = None
        self.opened = None
        self.smart = False
        self.risk = R.random() < 0.12
        self.ev = False
        self.wrong_billed = False
        self.term_end = None
        self.left = None


def act(h, code, ts, amount="", tariff="", chan="SYS", reason="", sys_="LEGACY"):
    if within(ts):
        pay = amount if code == "DDC" else ""
        bill = amount if code in ("BILL", "REBILL") else ""
        arr = amount if code == "DDF" else ""
        acts.append((h.acct, code, ts, pay, bill, arr, tariff, chan, reason, sys_))
        return True
    return False


def open_account(h, ts):
    h.acct = str(nxt("acct"))
    h.opened = ts
    accounts.append(h)


def ticket(h, ts, reason, complaint_p=0.15, mood=0.0):
    if not within(ts):
        return None
    ch = pick(["PHONE", "CHAT", "EMAIL"], [0.55, 0.25, 0.2])
    fr = {"PHONE": R.uniform(0.03, 0.4), "CHAT": R.uniform(0.02, 0.2), "EMAIL": R.uniform(3, 30)}[
        ch
    ]
    if inw(ts, CAP_CALLS) or inw(ts, (MIGRATION + timedelta(days=5), datetime(2026, 10, 5))):
        fr *= 2.6  # queues
    res = (
        fr
        + {
            "Billing error": R.uniform(24, 400),
            "Meter fault": R.uniform(24, 300),
            "Switching delay": R.uniform(12, 200),
            "Payment / debt": R.uniform(2, 90),
            "Tariff & price query": R.uniform(0.2, 24),
            "Moving home": R.uniform(2, 72),
            "Smart meter appointment": R.uniform(4, 150),
        }[reason]
    )
    solved = ts + timedelta(hours=res)
    complaint = chance(complaint_p)
    ombud = complaint and reason == "Billing error" and chance(0.22 if h.wrong_billed else 0.05)
    if complaint and not ombud and chance(0.03):
        ombud = True
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.1 - mood - (1.2 if complaint else 0), 0.9))))
    cid = f"CC{nxt('case'):07d}"
    cases.append(
        (
            cid,
            h.acct,
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.96) else None,
            ch,
            reason,
            "Y" if complaint else "N",
            "Y" if ombud else "N",
            csat,
        )
    )
    if chance(0.25):
        answer_survey(
            h,
            solved + timedelta(hours=R.uniform(1, 48)),
            "POST_CONTACT",
            mood + (1.0 if complaint else 0),
        )
    return cid


def answer_survey(h, ts, trigger, mood=0.0):
    if not within(ts) or h.acct is None:
        return
    rid = f"R{nxt('resp'):06d}"
    csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.85))))
    survey.append((rid, h.acct, ts, trigger, "CSAT", csat))
    if chance(0.8):
        nps = max(0, min(10, round(R.gauss(7.9 - 1.6 * mood, 1.8))))
        survey.append(
            (rid, h.acct, ts + timedelta(seconds=R.randrange(20, 90)), trigger, "NPS", nps)
        )


def smart_meter(h, ts):
    """Booking and appointment(s) with SmartFit; missed appointments are rebooked up to twice."""
    for _attempt in range(3):
        if not within(ts):
            return
        jid = f"SF-{nxt('job'):06d}"
        slot = datetime(ts.year, ts.month, ts.day) + timedelta(days=R.randint(7, 24))
        while slot.weekday() == 6:
            slot += timedelta(days=1)
        slot = slot.replace(hour=R.choice([8, 10, 12, 14]))
        jobs.append((jid, h, "BOOKED", ts, slot))
        if slot >= END:
            return
        no_show = 0.36 if h.region == "SCO" else 0.07
        r = R.random()
        if r < no_show:
            jobs.append((jid, h, "ENGINEER_NO_SHOW", slot + timedelta(hours=4), slot))
            if chance(0.45 if h.region == "SCO" else 0.3):
                ticket(
                    h,
                    slot + timedelta(hours=R.uniform(5, 50)),
                    "Smart meter appointment",
                    0.35,
                    mood=1.0,
                )
        elif r < no_show + 0.06:
            jobs.append((jid, h, "NO_ACCESS", slot + timedelta(minutes=R.randint(20, 90)), slot))
        else:
            done = slot + timedelta(minutes=R.randint(60, 200))
            jobs.append((jid, h, "COMPLETED", done, slot))
            h.smart = done
            if chance(0.3):
                answer_survey(h, done + timedelta(days=R.uniform(1, 4)), "SMART_INSTALL")
            if chance(0.03):
                ticket(h, done + timedelta(days=R.uniform(3, 60)), "Meter fault", 0.2, mood=0.5)
            return
        if not chance(0.7):
            return
        ts = slot + timedelta(days=R.uniform(1, 10), hours=R.uniform(0, 8))


def new_tariff(ts, h):
    if ts >= EV_LAUNCH and (h.ev or chance(0.06)):
        h.ev = True
        return "EVT"
    return pick(["FIX12", "FIX24", "SVT"], [0.5, 0.2, 0.3])


def lifecycle(h, start, bill_from):
    """Monthly life of a supplied account from `start`: direct debits, bills, readings, contacts,
    term ends, tariff changes and losses."""
    dd_day = R.randint(1, 28)
    bill_day = R.randint(1, 28)
    dd_base = h.annual / 12 * (1.15 if h.tariff == "EVT" else 1.0)
    fails_in_row = 0
    month = date(start.year, start.month, 1)
    while True:
        m0 = datetime(month.year, month.month, 1)
        if m0 >= END:
            break
        # leaving (hazard per month)
        var = h.tariff == "SVT"
        p_comp = 0.018 if var else 0.003
        if inw(m0, (datetime(2026, 3, 1), datetime(2026, 5, 1))):
            p_comp *= 2.2  # cap-rise shopping around
        if h.wrong_billed and datetime(2026, 8, 1) <= m0 < datetime(2026, 11, 1):
            p_comp += 0.04
        p_move = 0.006
        if m0 >= datetime(start.year, start.month, 1) + timedelta(days=40):
            r = R.random()
            if r < p_comp + p_move:
                t = at(date(month.year, month.month, R.randint(1, 28)), OFFICE)
                if t < start or not within(t):
                    month = add_months(month, 1)
                    continue
                if r < p_comp:
                    act(h, "LOSS", t, reason=pick(["ETD", "ETD", "ETD", "OBJ-W"], [1, 1, 1, 0.2]))
                else:
                    if chance(0.5):
                        ticket(h, t - timedelta(days=R.uniform(2, 20)), "Moving home", 0.03)
                    act(h, "COT", t, reason="COT", chan=pick(["PHN", "WEB"], [0.5, 0.5]))
                h.left = t
                final = t + timedelta(days=R.uniform(7, 20))
                if within(final):
                    act(
                        h,
                        "BILL",
                        final.replace(hour=3),
                        amount=f"{h.annual / 12 * R.uniform(0.3, 1.2):.2f}",
                        reason="FINAL",
                        sys_="NOVA" if final >= MIGRATION else "LEGACY",
                    )
                break
        # fixed term end
        if h.term_end and datetime(month.year, month.month, 1) <= h.term_end < add_months_dt(m0, 1):
            te = h.term_end
            r = R.random()
            if r < 0.56:
                old = h.tariff
                h.tariff = new_tariff(te, h) if old != "EVT" else "EVT"
                if h.tariff == "SVT":
                    h.tariff = "FIX12"
                t = te - timedelta(days=R.uniform(1, 40))
                if t < START:
                    t = START + timedelta(hours=R.uniform(1, 200))
                act(
                    h,
                    "RENEW",
                    at(t.date(), OFFICE),
                    tariff=h.tariff,
                    chan=pick(["WEB", "PHN"], [0.7, 0.3]),
                )
                h.term_end = te + timedelta(days=365 if h.tariff != "FIX24" else 730)
            elif r < 0.8:
                h.tariff = "SVT"
                act(h, "ROLL", te.replace(hour=1), tariff="SVT")
                h.term_end = None
            else:
                t = te + timedelta(days=R.uniform(-5, 20))
                if within(t):
                    act(h, "LOSS", at(t.date(), OFFICE), reason="ETD")
                    h.left = t
                    break
        # EV tariff take-up by existing customers
        if (
            m0 >= datetime(2026, 5, 1)
            and h.tariff in ("SVT", "FIX12")
            and not h.ev
            and chance(0.006)
        ):
            t = at(date(month.year, month.month, R.randint(11 if month.month == 5 else 1, 28)))
            if t >= EV_LAUNCH and t >= start:
                h.ev, h.tariff = True, "EVT"
                h.term_end = t + timedelta(days=365)
                act(h, "TCHG", t, tariff="EVT", chan="WEB")
                dd_base *= 1.15
        # direct debit
        ddt = datetime(month.year, month.month, dd_day, R.randint(5, 7), R.randrange(60))
        season = SEASON[month.month]
        capf = cap_factor(ddt) if h.tariff == "SVT" else 1.0
        wrong_bill_amt = None
        billt = datetime(month.year, month.month, bill_day, R.randint(1, 4), R.randrange(60))
        if billt >= start and within(billt):
            amount = (
                h.annual
                / 12
                * season
                * capf
                * (1.2 if h.tariff == "EVT" else 1.0)
                * R.uniform(0.9, 1.1)
            )
            sys_ = "NOVA" if billt >= MIGRATION else "LEGACY"
            if inw(billt, WRONG_BILLS) and chance(0.24):
                h.wrong_billed = True
                wrong_bill_amt = amount * R.uniform(1.8, 3.4)
                act(h, "BILL", billt, amount=f"{wrong_bill_amt:.2f}", tariff=h.tariff, sys_=sys_)
                if chance(0.5):
                    t = billt + timedelta(days=R.uniform(1, 10))
                    t = at(t.date(), OFFICE)
                    ticket(h, t, "Billing error", 0.6, mood=1.6)
                    if chance(0.3):
                        ticket(
                            h, t + timedelta(days=R.uniform(7, 25)), "Billing error", 0.8, mood=2.0
                        )
                ct = billt + timedelta(days=R.uniform(10, 45))
                act(
                    h,
                    "REBILL",
                    ct.replace(hour=2),
                    amount=f"{amount:.2f}",
                    tariff=h.tariff,
                    sys_="NOVA",
                )
            else:
                act(h, "BILL", billt, amount=f"{amount:.2f}", tariff=h.tariff, sys_=sys_)
                if chance(0.004):
                    ticket(
                        h,
                        billt + timedelta(days=R.uniform(1, 14), hours=R.uniform(8, 10)),
                        "Billing error",
                        0.3,
                    )
        if ddt >= start and within(ddt) and h.pay != "CHQ":
            if h.pay == "VDD":
                amt = h.annual / 12 * SEASON[(month.month - 2) % 12 + 1] * capf
                if wrong_bill_amt and billt < ddt:
                    amt = wrong_bill_amt
            else:
                amt = dd_base * capf
            winter = month.month in (12, 1, 2)
            p_fail = (0.1 if h.risk else 0.018) * (2.3 if winter else 1.0)
            if wrong_bill_amt and h.pay == "VDD":
                p_fail += 0.25
            if chance(p_fail):
                act(
                    h,
                    "DDF",
                    ddt,
                    amount=f"{amt:.2f}",
                    reason=pick(["ARUDD-0", "ARUDD-1", "ARUDD-B"], [0.7, 0.2, 0.1]),
                )
                fails_in_row += 1
                if chance(0.62):
                    act(
                        h,
                        "DDC",
                        ddt + timedelta(days=R.randint(4, 8)),
                        amount=f"{amt:.2f}",
                        reason="REPRESENT",
                    )
                    fails_in_row = 0
                elif fails_in_row >= 2:
                    act(
                        h,
                        "DEBT",
                        at((ddt + timedelta(days=R.randint(10, 20))).date(), OFFICE),
                        reason="DCA",
                    )
                    if chance(0.4):
                        ticket(
                            h,
                            ddt + timedelta(days=R.uniform(12, 30), hours=9),
                            "Payment / debt",
                            0.2,
                            mood=0.8,
                        )
                    fails_in_row = 0
                elif chance(0.3):
                    ticket(
                        h, ddt + timedelta(days=R.uniform(1, 7), hours=10), "Payment / debt", 0.05
                    )
            else:
                act(h, "DDC", ddt, amount=f"{amt:.2f}")
                fails_in_row = 0
        # meter readings (no smart meter: customers submit them)
        has_smart = h.smart is True or (isinstance(h.smart, datetime) and h.smart <= m0)
        if not has_smart and chance(0.55):
            t = at(date(month.year, month.month, R.randint(1, 28)))
            if t >= start:
                act(h, "MRD", t, chan=pick(["WEB", "APP", "PHN"], [0.45, 0.4, 0.15]))
        # other contacts
        if chance(0.012):
            ticket(
                h,
                at(date(month.year, month.month, R.randint(1, 28)), OFFICE),
                pick(["Tariff & price query", "Meter fault", "Billing error"], [0.6, 0.2, 0.2]),
                0.08,
            )
        if inw(m0, (datetime(2026, 4, 1), datetime(2026, 5, 1))) and chance(0.07):
            ticket(
                h,
                at(
                    datetime(2026, 4, 1).date() + timedelta(days=int(R.expovariate(1 / 6)) % 24),
                    OFFICE,
                ),
                "Tariff & price query",
                0.05,
            )
        month = add_months(month, 1)


def add_months_dt(dt, n):
    d = add_months(dt.date(), n)
    return datetime(d.year, d.month, d.day)


def existing_customer():
    h = Household()
    h.opened = START - timedelta(days=R.uniform(40, 1800))
    open_account(h, h.opened)
    h.acq = pick(ACQ, [0.24, 0.24, 0.18, 0.14, 0.08, 0.06, 0.04, 0.02])
    h.tariff = pick(["FIX12", "FIX24", "SVT"], [0.42, 0.16, 0.42])
    h.smart = chance(0.52)
    if h.tariff != "SVT":
        days = R.uniform(0, 365 if h.tariff == "FIX12" else 730)
        h.term_end = (START + timedelta(days=days)).replace(hour=0, minute=0, second=0)
    lifecycle(h, START, START)
    if not h.smart and h.left is None and chance(0.1):
        smart_meter(h, at((START + timedelta(days=R.randrange(N_DAYS))).date(), OFFICE))


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, CAP_WAVE):
        w *= 2.3
    if (d.month == 12 and d.day > 18) or (d.month == 1 and d.day < 3):
        w *= 0.5
    if d.weekday() >= 5:
        w *= 0.8
    return w


def prospect(d, code):
    """A household that gets a quote (or meets a door-to-door agent) and may switch to us."""
    h = Household()
    t = at(d)
    site = code in ("USW", "MSM", "CTM")
    tariff_q = new_tariff(t, h)
    p_apply = {
        "USW": 0.58,
        "MSM": 0.58,
        "CTM": 0.52,
        "WEB": 0.4,
        "PPC": 0.34,
        "REF": 0.75,
        "BNK": 0.6,
    }.get(code, 1.0)
    if inw(t, CAP_WAVE):
        p_apply *= 1.12
    if tariff_q == "EVT":
        p_apply *= 1.1
    if code == "D2D":
        t = at(d, OFFICE)
    elif site:
        h.cmp_ref = f"{code[:1]}{nxt('cmp'):07d}"
        feed_row(code, h, "QUOTE", t, tariff_q)
        for _ in range(R.choice([0, 0, 1])):
            feed_row(code, h, "QUOTE", t + timedelta(days=R.uniform(0.01, 4)), tariff_q)
    else:
        h.visitor = f"v{nxt('vis'):07d}"
        utm = {
            "WEB": pick(["direct", "organic"], [0.5, 0.5]),
            "PPC": "google_cpc",
            "REF": "referral",
            "BNK": "bank_offer",
        }[code]
        h.utm = utm
        web.append((t, h.visitor, "", "get_quote", utm, tariff_q))
        if chance(0.3):
            web.append(
                (t + timedelta(days=R.uniform(0.02, 5)), h.visitor, "", "get_quote", utm, tariff_q)
            )
    if not chance(min(0.97, p_apply)):
        return
    ta = t + (
        timedelta(minutes=R.uniform(3, 30)) if chance(0.7) else timedelta(days=R.uniform(0.5, 6))
    )
    if not within(ta):
        return
    open_account(h, ta)
    h.acq = code
    h.tariff = tariff_q
    if site:
        feed_row(code, h, "SALE", ta, tariff_q)
    elif code == "D2D":
        act(h, "APP", ta, tariff=tariff_q, chan="D2D")
    else:
        web.append((ta, h.visitor, h.acct, "application_submit", h.utm, tariff_q))
    # credit check
    tc = ta + (
        timedelta(minutes=R.uniform(1, 20)) if chance(0.8) else timedelta(hours=R.uniform(4, 40))
    )
    if chance(0.065 + (0.05 if code == "D2D" else 0)):
        act(h, "CRF", tc, tariff=tariff_q)
        return
    act(h, "CRP", tc, tariff=tariff_q)
    # 14-day cooling-off
    if chance(0.075 if code != "D2D" else 0.16):
        act(
            h,
            "CANX",
            at((ta + timedelta(days=R.uniform(1, 13.5))).date(), OFFICE),
            chan=pick(["PHN", "WEB"], [0.6, 0.4]),
        )
        return
    start = ta + timedelta(days=R.uniform(16, 21))
    if chance(0.045):
        to = ta + timedelta(days=R.uniform(5, 12))
        act(h, "OBJ", to, reason=pick(["DEBT", "CONTRACT", "ERR"], [0.6, 0.25, 0.15]))
        if chance(0.5):
            ticket(
                h, to + timedelta(days=R.uniform(1, 6), hours=9), "Switching delay", 0.25, mood=0.8
            )
        if not chance(0.55):
            return
        start += timedelta(days=R.uniform(14, 35))
    elif chance(0.05):
        ticket(
            h, start - timedelta(days=R.uniform(1, 6), hours=-10), "Switching delay", 0.1, mood=0.3
        )
    start = start.replace(hour=0, minute=R.randint(1, 59), second=0)
    if not act(h, "SSD", start, tariff=h.tariff):
        return
    if code in COMMISSION or code == "MSM":
        key = (code, f"{start:%Y-%m}")
        spend_units[key] = spend_units.get(key, 0) + 1
    if h.tariff in ("FIX12", "EVT"):
        h.term_end = start + timedelta(days=365)
    elif h.tariff == "FIX24":
        h.term_end = start + timedelta(days=730)
    if chance(0.35):
        answer_survey(
            h, start + timedelta(days=R.uniform(2, 10), hours=R.uniform(8, 12)), "ONBOARDING"
        )
    h.smart = chance(0.3)
    if not h.smart and chance(0.62 if h.tariff != "EVT" else 0.95):
        smart_meter(h, at((start + timedelta(days=R.uniform(2, 30))).date(), OFFICE))
    lifecycle(h, start, start)


def feed_row(code, h, stage, ts, tariff):
    row = (ts, h.cmp_ref, h.acct if stage == "SALE" else "", stage, tariff, h.fuel)
    if within(ts):
        {"USW": usw, "MSM": msm, "CTM": ctm}[code].append(row)


def simulate():
    for _ in range(3700):
        existing_customer()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        w = day_weight(d)
        for code, base in zip(ACQ, [4.6, 4.3, 4.0, 3.8, 3.3, 1.1, 1.0, 0.8], strict=True):
            lam = base * w
            if code == "MSM" and dt >= MSM_CUT:
                lam *= 0.38  # fewer quotes after the commission cut (ranked lower)
            if code == "D2D" and d.weekday() == 6:
                lam = 0
            if code == "D2D" and inw(dt, CAP_WAVE):
                lam /= 2.3  # door-to-door does not ride the comparison wave
            for _ in range(poisson(lam)):
                prospect(d, code)


def write(folder: Path):
    def utc(ts):
        return ts.replace(tzinfo=LONDON).astimezone(UTC).replace(tzinfo=None)

    def iso_off(ts):
        return ts.replace(tzinfo=LONDON).isoformat(timespec="seconds")

    tariff_name = {
        "FIX12": "Brightwatt Fix 12M",
        "FIX24": "Brightwatt Fix 24M",
        "SVT": "Standard Variable",
        "EVT": "Brightwatt EV Drive",
    }
    with open(folder / "crm_accounts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ACCT_NO",
                "OPEN_DT",
                "REGION_CD",
                "FUEL_TYP",
                "PAY_MTHD",
                "TARIFF_CD",
                "ACQ_SRC",
                "EV_FLG",
                "PSR_FLG",
            ]
        )
        for h in sorted(accounts, key=lambda h: h.acct):
            w.writerow(
                [
                    h.acct,
                    f"{h.opened:%d/%m/%Y}",
                    h.region,
                    h.fuel,
                    h.pay,
                    h.tariff,
                    h.acq,
                    "Y" if h.ev else "N",
                    "Y" if chance(0.09) else "N",
                ]
            )
    with open(folder / "crm_activity.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ACCT_NO",
                "ACT_CD",
                "ACT_DT",
                "PAY_AMT",
                "BILL_AMT",
                "ARREARS_AMT",
                "TARIFF_CD",
                "CHNL_CD",
                "RSN_CD",
                "SRC_SYS",
            ]
        )
        for r in sorted(acts, key=lambda r: (r[2], r[0], r[1])):
            w.writerow([r[0], r[1], f"{r[2]:%d/%m/%Y %H:%M}", *r[3:]])
    with open(folder / "web_analytics.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["event_time", "visitor_id", "account_no", "event_name", "utm_source", "tariff_quoted"]
        )
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            w.writerow([f"{utc(r[0]):%Y-%m-%dT%H:%M:%S}Z", r[1], r[2], r[3], r[4], r[5]])
    names = {
        "FIX12": "Fixed 12 Months",
        "FIX24": "Fixed 24 Months",
        "SVT": "Variable",
        "EVT": "EV Drive",
    }
    with open(folder / "uswitch_sales.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["SaleRef", "Stage", "DateTime", "SupplierAccountNumber", "TariffName", "FuelType"]
        )
        for r in sorted(usw, key=lambda r: (r[0], r[1])):
            w.writerow(
                [
                    r[1],
                    r[3],
                    f"{r[0]:%d/%m/%Y %H:%M:%S}",
                    r[2],
                    tariff_name[r[4]],
                    {"DF": "Dual Fuel", "ELEC": "Electricity", "GAS": "Gas"}[r[5]],
                ]
            )
    with open(folder / "msm_switches.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["msm_reference", "event_type", "event_ts", "supplier_ref", "product", "fuel"])
        for r in sorted(msm, key=lambda r: (r[0], r[1])):
            w.writerow(
                [
                    r[1],
                    {"QUOTE": "quote_clickout", "SALE": "switch_confirmed"}[r[3]],
                    f"{r[0]:%Y-%m-%d %H:%M}",
                    r[2],
                    names[r[4]],
                    {"DF": "dual", "ELEC": "elec", "GAS": "gas"}[r[5]],
                ]
            )
    with open(folder / "ctm_feed.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["CTM_ID", "RecordType", "Timestamp", "AccountRef", "Tariff", "Fuel"])
        for r in sorted(ctm, key=lambda r: (r[0], r[1])):
            w.writerow([r[1], {"QUOTE": "Q", "SALE": "S"}[r[3]], iso_off(r[0]), r[2], r[4], r[5]])
    with open(folder / "smartfit_jobs.jsonl", "w") as f:
        for jid, h, status, ts, slot in sorted(jobs, key=lambda r: (r[3], r[0], r[2])):
            if not within(ts):
                continue
            obj = {
                "jobId": jid,
                "supplierAccount": h.acct,
                "status": status,
                "eventTime": iso_off(ts),
                "appointment": slot.strftime("%Y-%m-%d %H:%M:%S"),
                "region": {"ENG": "England", "SCO": "Scotland", "WAL": "Wales"}[h.region],
                "meterType": "SMETS2",
                "fuel": h.fuel,
            }
            f.write(json.dumps(obj) + "\n")

    def u(ts):
        return f"{utc(ts):%Y-%m-%d %H:%M:%S}" if ts else ""

    with open(folder / "contact_centre.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "case_id",
                "account_number",
                "created_utc",
                "first_response_utc",
                "closed_utc",
                "contact_channel",
                "reason",
                "complaint",
                "ombudsman_referral",
                "csat",
            ]
        )
        for r in sorted(cases, key=lambda r: r[0]):
            w.writerow([r[0], r[1], u(r[2]), u(r[3]), u(r[4]), r[5], r[6], r[7], r[8], r[9]])
    qtext = {
        "CSAT": "How satisfied are you with Brightwatt? (1-5)",
        "NPS": "How likely are you to recommend Brightwatt to a friend? (0-10)",
    }
    with open(folder / "survey_responses.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ResponseID",
                "AccountNo",
                "Submitted",
                "SurveyTrigger",
                "Question",
                "Answer",
                "Medium",
            ]
        )
        for r in sorted(survey, key=lambda r: (r[2], r[0], r[4])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    f"{r[2]:%Y-%m-%d %H:%M:%S}",
                    r[3],
                    qtext[r[4]],
                    r[5],
                    pick(["Email", "SMS"], [0.7, 0.3]),
                ]
            )
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend_GBP", "Notes"])
        m = date(START.year, START.month, 1)
        while m < END.date():
            ym = f"{m:%Y-%m}"
            rows = []
            for code, label in [
                ("USW", "Uswitch commission"),
                ("MSM", "MSM commission"),
                ("CTM", "CTM commission"),
            ]:
                n = spend_units.get((code, ym), 0)
                rate = (
                    60.0
                    if code == "MSM" and m < MSM_CUT.date()
                    else (35.0 if code == "MSM" else COMMISSION[code])
                )
                rows.append((label, n * rate, f"{n} switches x £{rate:.0f}"))
            ppc = 11500 * R.uniform(0.9, 1.1) * (1.9 if m.month in (3, 4) else 1.0)
            rows.append(("Google/Bing PPC", ppc, ""))
            rows.append(
                (
                    "D2D commission",
                    spend_units.get(("D2D", ym), 0) * 40.0 + 2500,
                    "agency fee £2,500 + £40/sale",
                )
            )
            rows.append(
                ("Refer-a-friend", spend_units.get(("REF", ym), 0) * 50.0, "£50 per referral")
            )
            rows.append(("Bank partnership", 4000.0, "flat fee"))
            for label, amt, note in rows:
                w.writerow([f"{m:%m/%Y}", label, f"{amt:.2f}", note])
            m = add_months(m, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="energy-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if os.environ.get("ENERGY_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["ENERGY_KEEP_SOURCES"], dirs_exist_ok=True)
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
