"""Dental evaluation domain: BrightSmile Dental, a US dental group (Texas + Arizona).

    python generate.py OUT.duckdb

Writes BrightSmile's own exports (seeded: the same files every run) to a temporary folder —

  PATIENTS.csv            practice-management system (Dentrix-like) patient list: PAT_ID,
                          PHONE_HASH, ZOCDOC_PT_ID, HOME_CLINIC code, REFERRAL_SRC, COVERAGE,
                          PRIM_INS_CARRIER …
  APPT_EVENTS.csv         PMS appointment audit log: SCHED / ELIG / CHKIN / COMPL / NOSHOW / CANC
                          (Central time, YYYY-MM-DD HH:MM:SS)
  TX_PLANS.csv            PMS treatment plans: PRESENTED / ACCEPTED / COMPLETED with fee totals
  LEDGER.csv              PMS payments: INS PMT / PT PMT, POST_DTTM as YYYYMMDD HH:MM
  calltrack_calls.csv     call-tracking system: UTC ISO times with Z, tracking source, call outcome
  widget_events.csv       website booking widget: visitor cookie, PAT_ID only after the booking
  zocdoc_bookings.jsonl   Zocdoc booking webhooks: ISO times with a -06:00 / -05:00 offset
  textreach_sms.csv       SMS reminder platform (from May 2026): naive UTC times
  google_reviews.csv      review export: MM/DD/YYYY hh:mm AM/PM
  postvisit_survey.csv    post-visit survey (0–10 likelihood to recommend)
  frontdesk_tickets.csv   front-desk ticket system: MM/DD/YYYY HH:MM
  marketing_spend.csv     marketing's monthly spend sheet per channel and campaign

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

SEED = 20261209
START = datetime(2025, 12, 9)
END = datetime(2026, 12, 9)  # as_of (Wednesday); data ends the day before
N_DAYS = (END - START).days
CENTRAL = ZoneInfo("America/Chicago")

MESA_JOIN = datetime(2026, 4, 13)  # acquired clinic (Desert Bloom Family Dental, Mesa AZ) joins
INVIS_PROMO = (datetime(2026, 3, 1), datetime(2026, 4, 1))  # Invisalign "Smile Month"
SMS_LAUNCH = datetime(2026, 5, 4)  # TextReach SMS reminders go live (Monday)
ZOCDOC_FEE = datetime(2026, 7, 1)  # Zocdoc per-booking fee $45 -> $110; slots cut
STORM = (datetime(2026, 8, 24), datetime(2026, 8, 31))  # hurricane: Houston clinics closed Mon-Sun

R = random.Random(SEED)

# code, name, market, state, weight (new-patient volume)
CLINICS = [
    ("C01", "Houston Heights", "Houston", "TX", 1.2),
    ("C02", "Katy", "Houston", "TX", 1.0),
    ("C03", "Sugar Land", "Houston", "TX", 1.1),
    ("C04", "Pearland", "Houston", "TX", 0.8),
    ("C05", "Dallas Uptown", "Dallas-Fort Worth", "TX", 1.1),
    ("C06", "Plano", "Dallas-Fort Worth", "TX", 1.0),
    ("C07", "Fort Worth", "Dallas-Fort Worth", "TX", 0.8),
    ("C08", "Austin Domain", "Austin", "TX", 1.0),
    ("C09", "South Congress", "Austin", "TX", 0.8),
    ("C10", "San Antonio", "San Antonio", "TX", 0.9),
    ("C11", "Phoenix Central", "Phoenix", "AZ", 1.0),
    ("C12", "Scottsdale", "Phoenix", "AZ", 0.9),
    ("C13", "Tempe", "Phoenix", "AZ", 0.8),
    ("C14", "Mesa", "Phoenix", "AZ", 0.9),
]
CL = {c[0]: c for c in CLINICS}
ZOCDOC_KEPT = {"C01", "C03", "C05", "C08", "C11"}  # clinics still on Zocdoc after the fee change

# acquisition sources as the front desk types them into REFERRAL_SRC
SRC_CODES = {
    "google_ads": "GOOGLE ADS",
    "gbp": "GOOGLE MAPS/GBP",
    "zocdoc": "ZOCDOC",
    "facebook": "FACEBOOK/IG",
    "referral": "PT REFERRAL",
    "ins_dir": "INS DIRECTORY",
    "walkin": "WALK IN",
    "website": "WEBSITE",
}
CARRIERS = {
    "PPO": (
        ["Delta Dental PPO", "Cigna DPPO", "MetLife PDP", "Aetna PPO", "BCBS Dental", "Guardian"],
        [5, 3, 3, 2, 3, 1],
    ),
    "DHMO": (["Cigna DHMO", "UnitedHealthcare DHMO", "Delta Dental DeltaCare"], [2, 2, 1]),
    "MEDICAID": (["TX Medicaid/CHIP", "AHCCCS"], [1, 1]),
    "SELF": ([""], [1]),
}
TX_CATS = {
    "RESTOR": (450, 2600),
    "ENDO": (900, 2200),
    "PERIO": (500, 1900),
    "IMPLANT": (3000, 5800),
    "COSMETIC": (1200, 4200),
}
CALL_SOURCES = {
    "google_ads": "Google Ads",
    "gbp": "Google Business Profile",
    "facebook": "Facebook Ads",
    "ins_dir": "Insurance Directory",
    "referral": "Main Line",
    "website": "Website",
}
UTM = {
    "google_ads": "google/cpc",
    "gbp": "google/gbp",
    "facebook": "facebook/paid",
    "website": "(direct)/(none)",
    "referral": "(direct)/(none)",
}


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


def h(text, n=12):
    return hashlib.md5(text.encode()).hexdigest()[:n]


def within(ts):
    return ts is not None and START <= ts < END


def inw(ts, w):
    return w[0] <= ts < w[1]


def storm_closed(clinic, ts):
    return CL[clinic][2] == "Houston" and inw(ts, STORM)


def clinic_open(clinic, ts):
    return not (clinic == "C14" and ts < MESA_JOIN)


def work_slot(d, clinic=None):
    """An appointment time on or after day d: weekdays 8:00-16:30, some Saturdays, no Sundays."""
    d = datetime(d.year, d.month, d.day)
    while True:
        if d.weekday() == 6 or (d.weekday() == 5 and not chance(0.35)):
            d += timedelta(days=1)
            continue
        last = 12 if d.weekday() == 5 else 16
        return d + timedelta(hours=R.randint(8, last), minutes=R.choice([0, 15, 30, 45]))


def office_time(ts, lo=8, hi=17):
    """Same day, during front-desk hours."""
    return datetime(
        ts.year, ts.month, ts.day, R.randint(lo, hi - 1), R.randrange(60), R.randrange(60)
    )


seq = {
    "pat": 100000,
    "appt": 700000,
    "tp": 0,
    "trans": 0,
    "call": 0,
    "tkt": 0,
    "zd": 0,
    "vis": 0,
    "msg": 0,
    "zbk": 0,
}


def nxt(k):
    seq[k] += 1
    return seq[k]


patients, appt_rows, tp_rows, ledger, calls, widget, zocdoc, sms, reviews, surveys, tickets = (
    [] for _ in range(11)
)
zocdoc_month = {}


class Person:
    def __init__(self, clinic, src, since=None):
        self.pid = None
        self.phone = "ph_" + h(f"phone{len(people)}")
        self.zd = None
        self.visitor = None
        self.clinic = clinic
        self.src = src
        self.since = since
        cov = pick(["PPO", "DHMO", "MEDICAID", "SELF"], [0.58, 0.12, 0.1, 0.2])
        self.coverage = cov
        self.carrier = pick(*CARRIERS[cov])
        if cov == "MEDICAID":
            self.carrier = "AHCCCS" if CL[clinic][3] == "AZ" else "TX Medicaid/CHIP"
        self.age = pick(
            ["Child (0-12)", "Teen (13-17)", "Adult (18-64)", "Senior (65+)"],
            [0.14, 0.08, 0.66, 0.12],
        )
        if cov == "MEDICAID" and chance(0.6):
            self.age = pick(["Child (0-12)", "Teen (13-17)"], [2, 1])
        lang = ["English", "Spanish", "Mandarin", "Vietnamese"]
        w = [0.74, 0.2, 0.03, 0.03]
        if CL[clinic][2] == "Houston":
            w = [0.62, 0.22, 0.1, 0.06]
        self.lang = pick(lang, w)
        self.unhappy = False


people = []


def register(p, ts):
    if p.pid is None:
        p.pid = f"P{nxt('pat')}"
        if p.since is None:
            p.since = ts
        patients.append(p)


def pms(p, appt, clinic, atype, code, ts, via="", appt_dt=None, elig="", reason=""):
    if not within(ts):
        return
    appt_rows.append((appt, p.pid, clinic, atype, code, ts, via, appt_dt, elig, reason))


def sms_msg(p, ts, kind, status="delivered"):
    if within(ts) and ts >= SMS_LAUNCH:
        sms.append((f"TR{nxt('msg'):08d}", p.phone, ts, kind, status, p.clinic))


def ticket(p, ts, cat, channel=None, complaint=False, mood=0.0):
    if not within(ts):
        return
    channel = channel or pick(
        ["Phone", "Email", "Patient Portal", "In Person"], [0.5, 0.2, 0.18, 0.12]
    )
    fr = {
        "Phone": R.uniform(0.03, 1.5),
        "Email": R.uniform(2, 30),
        "Patient Portal": R.uniform(1, 26),
        "In Person": R.uniform(0.0, 0.25),
    }[channel]
    res = (
        fr
        + {
            "Billing question": R.uniform(4, 150),
            "Insurance claim": R.uniform(48, 400),
            "Complaint - wait time": R.uniform(2, 72),
            "Complaint - treatment": R.uniform(24, 300),
            "Complaint - billing": R.uniform(24, 240),
            "Appointment change": R.uniform(0.1, 6),
            "Records request": R.uniform(8, 120),
        }[cat]
    )
    first = ts + timedelta(hours=fr)
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.3 - mood, 0.8))))
    tickets.append(
        (
            f"FD-{nxt('tkt'):05d}",
            p.pid,
            p.clinic,
            ts,
            first if first < END else None,
            solved if solved < END and chance(0.97) else None,
            cat,
            channel,
            "Y" if complaint else "N",
            csat,
        )
    )


def no_show_p(atype, appt_ts, confirmed):
    base = {"NP": 0.17, "HYG": 0.12, "TX": 0.07, "INV": 0.15, "EMG": 0.03}[atype]
    if appt_ts >= SMS_LAUNCH:
        return base * (0.22 if confirmed else 0.95)
    return base


def appointment(p, clinic, atype, sched_ts, appt_ts, via, depth=0):
    """Book one appointment and play it out. Returns the completion time, or None."""
    if not clinic_open(clinic, appt_ts) or depth > 2:
        return None
    appt = f"A{nxt('appt')}"
    pms(p, appt, clinic, atype, "SCHED", sched_ts, via, appt_ts)
    if appt_ts >= END:
        return None
    # the storm: the practice cancels everything that week and rebooks
    if storm_closed(clinic, appt_ts):
        c = max(sched_ts + timedelta(minutes=5), STORM[0] - timedelta(hours=R.uniform(10, 40)))
        pms(p, appt, clinic, atype, "CANC", c, via, appt_ts, reason="OFFICE CLOSED - WEATHER")
        if chance(0.3):
            ticket(p, c + timedelta(hours=R.uniform(1, 60)), "Appointment change", "Phone")
        if chance(0.8):
            new = work_slot(STORM[1] + timedelta(days=R.randrange(0, 12)))
            return appointment(
                p,
                clinic,
                atype,
                c + timedelta(hours=R.uniform(24, 150)),
                new,
                "FRONTDESK",
                depth + 1,
            )
        return None
    walkin = via == "WALKIN"
    if p.coverage != "SELF" and not walkin:
        e = office_time(appt_ts - timedelta(days=R.choice([1, 1, 2, 3])), 7, 10)
        if e > sched_ts:
            res = pick(["ACTIVE", "INACTIVE", "MAX MET"], [0.93, 0.05, 0.02])
            pms(p, appt, clinic, atype, "ELIG", e, via, appt_ts, elig=res)
    confirmed = False
    if appt_ts >= SMS_LAUNCH and not walkin:
        s = appt_ts - timedelta(hours=48)
        if s > sched_ts:
            st = "failed" if chance(0.025) else "delivered"
            sms_msg(p, s, "APPT_REMINDER_48H", st)
            if st == "delivered" and chance(0.64):
                confirmed = True
                sms_msg(p, s + timedelta(minutes=R.uniform(2, 300)), "REPLY_C")
        if appt_ts - timedelta(hours=2) > sched_ts:
            sms_msg(p, appt_ts - timedelta(hours=2), "APPT_REMINDER_2H")
    if not walkin and chance(0.065):
        c = appt_ts - timedelta(hours=R.uniform(3, 72))
        if c > sched_ts:
            pms(
                p,
                appt,
                clinic,
                atype,
                "CANC",
                c,
                via,
                appt_ts,
                reason=pick(["PT CANCELLED", "SCHEDULE CONFLICT", "ILLNESS", "COST"], [4, 3, 2, 1]),
            )
            if chance(0.5):
                new = work_slot(appt_ts + timedelta(days=R.randrange(3, 21)))
                return appointment(p, clinic, atype, c + timedelta(minutes=3), new, via, depth + 1)
            return None
    if not walkin and chance(no_show_p(atype, appt_ts, confirmed)):
        pms(
            p,
            appt,
            clinic,
            atype,
            "NOSHOW",
            appt_ts + timedelta(minutes=R.uniform(15, 40)),
            via,
            appt_ts,
        )
        return None
    ci = appt_ts + timedelta(minutes=R.uniform(-15, 8))
    pms(p, appt, clinic, atype, "CHKIN", ci, via, appt_ts)
    wait = R.expovariate(1 / 12)
    done = ci + timedelta(
        minutes=wait
        + {"NP": 70, "HYG": 55, "TX": 80, "INV": 40, "EMG": 50}[atype]
        + R.uniform(-10, 20)
    )
    if not within(done):
        return None
    pms(p, appt, clinic, atype, "COMPL", done, via, appt_ts)
    if wait > 35 and chance(0.12):
        ticket(
            p,
            done + timedelta(hours=R.uniform(1, 30)),
            "Complaint - wait time",
            complaint=True,
            mood=1.0,
        )
        p.unhappy = True
    return done


def pay(p, clinic, ts, fee, kind):
    """Patient portion at checkout, insurance payment weeks later."""
    share = {"PPO": 0.8 if kind == "prev" else 0.5, "DHMO": 0.6, "MEDICAID": 1.0, "SELF": 0.0}[
        p.coverage
    ]
    if kind == "ortho":
        share = 0.0 if p.coverage != "PPO" else min(1500.0, fee * 0.5) / fee
    ins = round(fee * share, 2)
    pt = round(fee - ins, 2)
    if kind == "prev" and p.coverage == "SELF":
        pt = round(fee * 0.8, 2)  # in-house savings plan discount
    if pt > 0:
        ledger.append(
            (
                f"T{nxt('trans'):07d}",
                p.pid,
                clinic,
                ts + timedelta(minutes=R.uniform(2, 15)),
                "PT PMT",
                pt,
                pick(["VISA/MC", "CASH", "CARECREDIT", "HSA CARD"], [6, 1, 2, 1]),
                "",
            )
        )
    if ins > 0:
        t = office_time(ts + timedelta(days=R.uniform(10, 42)))
        ledger.append((f"T{nxt('trans'):07d}", p.pid, clinic, t, "INS PMT", ins, "EFT", p.carrier))
        return t
    return None


def tx_accept_p(p, ts, atype):
    base = {"NP": 0.55, "HYG": 0.5, "EMG": 0.78}[atype]
    if p.clinic == "C14" and ts < datetime(2026, 7, 1):
        base -= 0.17
    if ts.month in (11, 12):
        base += 0.1  # use-it-or-lose-it insurance benefits
    if p.coverage == "SELF":
        base -= 0.1
    return base


def after_visit(p, clinic, atype, done, recall=True):
    """Everything after a completed exam/cleaning/emergency visit."""
    fee = {"NP": R.uniform(230, 340), "HYG": R.uniform(160, 230), "EMG": R.uniform(180, 290)}[atype]
    ins_paid = pay(p, clinic, done, round(fee, 2), "prev")
    if ins_paid and chance(0.03):
        ticket(p, ins_paid + timedelta(days=R.uniform(5, 25)), "Billing question")
    present = {"NP": 0.62, "HYG": 0.22, "EMG": 0.85}[atype]
    if p.age.startswith("Child"):
        present *= 0.5
    if chance(present):
        cat = (
            "ENDO"
            if atype == "EMG" and chance(0.6)
            else pick(list(TX_CATS), [0.5, 0.14, 0.16, 0.1, 0.1])
        )
        lo, hi = TX_CATS[cat]
        value = round(math.exp(R.uniform(math.log(lo), math.log(hi))), 2)
        tp = f"TP{nxt('tp'):06d}"
        pt = done + timedelta(minutes=R.uniform(-20, -2))
        tp_rows.append((tp, p.pid, clinic, "PRESENTED", pt, cat, value))
        if chance(tx_accept_p(p, done, atype)):
            fast = done.month in (11, 12)
            at = (
                pt + timedelta(minutes=R.uniform(3, 15))
                if chance(0.5)
                else office_time(pt + timedelta(days=R.uniform(1, 24 if not fast else 10)))
            )
            tp_rows.append((tp, p.pid, clinic, "ACCEPTED", at, cat, value))
            appt_day = work_slot(at + timedelta(days=R.uniform(2, 12 if fast else 30)))
            d2 = appointment(p, clinic, "TX", at + timedelta(minutes=5), appt_day, "FRONTDESK")
            if d2:
                prod = round(value * R.uniform(0.93, 1.0), 2)
                tp_rows.append((tp, p.pid, clinic, "COMPLETED", d2, cat, prod))
                t = pay(p, clinic, d2, prod, "major")
                if t and chance(0.07):
                    ticket(p, t + timedelta(days=R.uniform(2, 20)), "Billing question")
                if chance(0.015):
                    ticket(
                        p,
                        t or d2 + timedelta(days=20),
                        "Complaint - billing",
                        complaint=True,
                        mood=1.2,
                    )
                    p.unhappy = True
                if chance(0.006):
                    ticket(
                        p,
                        d2 + timedelta(days=R.uniform(1, 10)),
                        "Complaint - treatment",
                        complaint=True,
                        mood=1.5,
                    )
                    p.unhappy = True
                feedback_after(p, clinic, d2)
    feedback_after(p, clinic, done)
    if recall and atype in ("NP", "HYG") and chance(0.72):
        nxt_day = work_slot(done + timedelta(days=R.uniform(170, 196)))
        appointment(
            p, clinic, "HYG", done + timedelta(minutes=R.uniform(1, 8)), nxt_day, "FRONTDESK"
        )


def feedback_after(p, clinic, done):
    mesa_new = clinic == "C14" and done < datetime(2026, 7, 1)
    if chance(0.09):
        mean = 4.55 - (0.8 if mesa_new else 0) - (2.0 if p.unhappy else 0)
        stars = max(1, min(5, round(R.gauss(mean, 0.7))))
        t = done + timedelta(hours=R.uniform(2, 96))
        if within(t):
            reviews.append((p.pid, clinic, t, stars))
    if chance(0.18):
        mean = 8.7 - (1.8 if mesa_new else 0) - (4.0 if p.unhappy else 0)
        score = max(0, min(10, round(R.gauss(mean, 1.4))))
        t = done + timedelta(days=R.uniform(0.2, 4))
        if within(t):
            comment = ""
            if chance(0.35):
                if score >= 9:
                    comment = R.choice(
                        [
                            "Friendly staff",
                            "Painless cleaning",
                            "Dr. was great",
                            "On time",
                            "Very clean office",
                        ]
                    )
                elif score >= 7:
                    comment = R.choice(["Fine", "Bit of a wait", "Parking is hard"])
                else:
                    comment = R.choice(
                        [
                            "Waited too long",
                            "Unexpected bill",
                            "Front desk was rude",
                            "Records were lost",
                        ]
                    )
            surveys.append((p.pid, clinic, t, score, comment))


def call(p, ts, src, outcome, clinic, campaign="", first=True):
    if not within(ts):
        return
    dur = {
        "Appointment Booked": R.uniform(180, 540),
        "Not Booked": R.uniform(60, 400),
        "Voicemail": R.uniform(20, 60),
        "Missed": 0,
        "Existing Patient": R.uniform(60, 420),
    }[outcome]
    calls.append(
        (
            f"CT{nxt('call'):07d}",
            ts,
            p.phone,
            CALL_SOURCES.get(src, "Main Line"),
            campaign,
            clinic,
            int(dur),
            outcome,
            "Yes" if first else "No",
        )
    )


def widget_ev(p, ts, name, src, campaign="", clinic=""):
    if not within(ts):
        return
    if p.visitor is None:
        p.visitor = "v_" + h(f"vis{nxt('vis')}", 16)
    widget.append(
        (ts, p.visitor, p.pid or "", name, UTM.get(src, "(direct)/(none)"), campaign, clinic)
    )


def zd_event(p, ts, kind, booking, clinic, appt_ts, reason):
    if not within(ts):
        return
    zocdoc.append((ts, kind, booking, p.zd, clinic, appt_ts, reason, p.carrier or "Self-pay"))
    if kind == "booking.created":
        k = (ts.year, ts.month)
        zocdoc_month[k] = zocdoc_month.get(k, 0) + 1


def channel_mix(day, clinic):
    w = {
        "google_ads": 0.22,
        "gbp": 0.22,
        "zocdoc": 0.15,
        "facebook": 0.07,
        "referral": 0.14,
        "ins_dir": 0.08,
        "walkin": 0.05,
        "website": 0.07,
    }
    if day >= ZOCDOC_FEE:
        w["zocdoc"] = 0.09 if clinic in ZOCDOC_KEPT else 0.0
    return list(w), list(w.values())


def book_new(p, day, clinic, atype="NP", campaign=""):
    """A new patient (or prospect) reaches out through their source; returns True if booked."""
    src = p.src
    t = work_slot(day) - timedelta(minutes=R.uniform(0, 600))
    if t.hour < 6:
        t += timedelta(hours=6)
    lead = R.uniform(1, 14) if atype != "EMG" else R.uniform(0.05, 1.5)
    appt_ts = work_slot(t + timedelta(days=lead))
    if src == "walkin":
        register(p, t)
        at = work_slot(day)
        done = appointment(
            p, clinic, "EMG" if chance(0.5) else "NP", at - timedelta(minutes=2), at, "WALKIN"
        )
        if done:
            after_visit(p, clinic, "NP", done)
        return True
    if src == "zocdoc":
        if p.zd is None:
            zn = nxt("zd")
            p.zd = "zd-" + h(f"zd{zn}", 10)
        register(p, t)
        bk = f"ZB{nxt('zbk'):06d}"
        zd_event(
            p,
            t,
            "booking.created",
            bk,
            clinic,
            appt_ts,
            "New Patient Visit" if atype == "NP" else "Emergency",
        )
        if chance(0.08):
            zd_event(
                p,
                appt_ts - timedelta(hours=R.uniform(5, 60)),
                "booking.cancelled",
                bk,
                clinic,
                appt_ts,
                "",
            )
            if not chance(0.3):
                return True
        done = appointment(
            p, clinic, atype, t + timedelta(minutes=R.uniform(1, 20)), appt_ts, "ZOCDOC"
        )
        if done:
            after_visit(p, clinic, atype, done)
        return True
    online = (src in ("google_ads", "gbp", "facebook", "website") and chance(0.45)) or (
        src == "referral" and chance(0.2)
    )
    if online:
        widget_ev(p, t, "widget_open", src, campaign, CL[clinic][1])
        if not chance(0.62):
            return False
        widget_ev(
            p,
            t + timedelta(minutes=R.uniform(0.5, 3)),
            "slot_selected",
            src,
            campaign,
            CL[clinic][1],
        )
        if not chance(0.78):
            return False
        register(p, t)
        widget_ev(
            p,
            t + timedelta(minutes=R.uniform(3, 7)),
            "booking_submitted",
            src,
            campaign,
            CL[clinic][1],
        )
        via = "ONLINE"
    else:
        ok = chance(0.62)
        out = "Appointment Booked" if ok else pick(["Not Booked", "Voicemail", "Missed"], [5, 2, 2])
        call(p, t, src, out, CL[clinic][1], campaign)
        if not ok:
            if out != "Not Booked" and chance(0.4):  # they call back
                t = t + timedelta(hours=R.uniform(1, 30))
                call(p, t, src, "Appointment Booked", CL[clinic][1], campaign, first=False)
            else:
                return False
        register(p, t)
        via = "PHONE"
    done = appointment(p, clinic, atype, t + timedelta(minutes=R.uniform(1, 10)), appt_ts, via)
    if done and atype != "INV":
        after_visit(p, clinic, atype, done)
    return True


def new_patient_day(day):
    wk = day.weekday()
    dt = datetime(day.year, day.month, day.day)
    for code, _name, _mkt, _st, weight in CLINICS:
        if not clinic_open(code, dt):
            continue
        lam = 1.05 * weight * (0.35 if wk == 5 else 0.0 if wk == 6 else 1.0)
        if code == "C14":
            lam *= 0.8
        if storm_closed(code, dt):
            lam *= 0.1
        if dt.month in (1,):
            lam *= 1.15  # new insurance year
        for _ in range(poisson(lam)):
            opts, w = channel_mix(dt, code)
            src = pick(opts, w)
            p = Person(code, src)
            people.append(p)
            book_new(p, dt, code, "EMG" if chance(0.08) and src != "walkin" else "NP")


def invisalign_day(day):
    """Invisalign consults: a separate line, mostly Facebook/Instagram and Google Ads leads."""
    dt = datetime(day.year, day.month, day.day)
    promo = inw(dt, INVIS_PROMO)
    lam = 1.1 * (3.2 if promo else 1.0) * (0.3 if day.weekday() >= 5 else 1.0)
    for _ in range(poisson(lam)):
        code = pick([c[0] for c in CLINICS], [c[4] for c in CLINICS])
        if not clinic_open(code, dt) or storm_closed(code, dt):
            continue
        src = pick(
            ["facebook", "google_ads", "gbp", "website", "referral"],
            [0.45 if promo else 0.3, 0.3, 0.15, 0.1, 0.1],
        )
        existing = chance(0.25) and existing_pool.get(code)
        if existing:
            p = R.choice(existing_pool[code])
        else:
            p = Person(code, src)
            p.age = pick(["Teen (13-17)", "Adult (18-64)"], [0.25, 0.75])
            people.append(p)
        campaign = "Invisalign Smile Month" if promo else "Invisalign Always-on"
        if p.pid is None:
            if not book_new_inv(p, dt, code, src, campaign):
                continue
        else:
            t = work_slot(dt)
            register(p, t)
            done = appointment(p, code, "INV", t - timedelta(days=R.uniform(3, 10)), t, "FRONTDESK")
            invis_after(p, code, done, promo)
            continue


def book_new_inv(p, dt, code, src, campaign):
    ok = book_new(p, dt, code, "INV", campaign)
    if not ok:
        return False
    # book_new played out the consult; find its completion in the log
    last = [r for r in appt_rows[-8:] if r[1] == p.pid and r[3] == "INV" and r[4] == "COMPL"]
    invis_after(p, code, last[-1][5] if last else None, inw(dt, INVIS_PROMO))
    return True


def invis_after(p, clinic, done, promo):
    if not done:
        return
    value = round(R.uniform(4800, 6400), 2) - (750 if promo else 0)
    tp = f"TP{nxt('tp'):06d}"
    tp_rows.append(
        (
            tp,
            p.pid,
            clinic,
            "PRESENTED",
            done - timedelta(minutes=R.uniform(2, 10)),
            "INVISALIGN",
            value,
        )
    )
    if chance(0.46 if promo else 0.34):
        at = (
            done + timedelta(minutes=5)
            if chance(0.4)
            else office_time(done + timedelta(days=R.uniform(1, 21)))
        )
        tp_rows.append((tp, p.pid, clinic, "ACCEPTED", at, "INVISALIGN", value))
        d2 = appointment(
            p,
            clinic,
            "TX",
            at + timedelta(minutes=3),
            work_slot(at + timedelta(days=R.uniform(14, 35))),
            "FRONTDESK",
        )
        if d2:
            tp_rows.append((tp, p.pid, clinic, "COMPLETED", d2, "INVISALIGN", value))
            pay(p, clinic, d2, value, "ortho")
    feedback_after(p, clinic, done)


existing_pool: dict[str, list[Person]] = {}


def existing_patients():
    for code, _name, _mkt, _st, weight in CLINICS:
        n = int(330 * weight) if code != "C14" else 520
        for _ in range(n):
            since = START - timedelta(days=R.uniform(200, 4000))
            p = Person(
                code, pick(list(SRC_CODES), [0.2, 0.2, 0.08, 0.05, 0.3, 0.08, 0.04, 0.05]), since
            )
            people.append(p)
            existing_pool.setdefault(code, []).append(p)
            if code == "C14":
                # Desert Bloom's charts are converted into the PMS when the clinic joins
                register(p, since)
                first = MESA_JOIN + timedelta(days=R.uniform(0, 180))
                if chance(0.12):
                    ticket(
                        p,
                        office_time(MESA_JOIN + timedelta(days=R.uniform(1, 56))),
                        pick(["Billing question", "Records request"], [3, 2]),
                    )
            else:
                register(p, since)
                # recall due dates: most in the first half-year, the rest later
                # (their next recall is then after the data)
                first = START + timedelta(
                    days=R.uniform(0, 183) if chance(0.75) else R.uniform(183, N_DAYS)
                )
            if chance(0.25):
                call(
                    p,
                    office_time(START + timedelta(days=R.uniform(0, N_DAYS))),
                    "referral",
                    "Existing Patient",
                    CL[code][1],
                    first=False,
                )
            if chance(0.1):  # an overdue patient: no recall on the books
                continue
            done = appointment(
                p, code, "HYG", START - timedelta(days=10), work_slot(first), "FRONTDESK"
            )
            if done:
                after_visit(p, code, "HYG", done)


def prospects_day(day):
    """People who look or call but never become patients."""
    dt = datetime(day.year, day.month, day.day)
    if day.weekday() == 6:
        return
    for _ in range(poisson(4.5 * (0.4 if day.weekday() == 5 else 1.0))):
        code = pick([c[0] for c in CLINICS], [c[4] for c in CLINICS])
        if not clinic_open(code, dt):
            continue
        if storm_closed(code, dt) and chance(0.8):
            continue
        src = pick(
            ["google_ads", "gbp", "facebook", "ins_dir", "website"], [0.35, 0.25, 0.15, 0.1, 0.15]
        )
        p = Person(code, src)
        people.append(p)
        t = work_slot(dt)
        if src != "ins_dir" and chance(0.6):
            widget_ev(p, t, "widget_open", src, "", CL[code][1])
            if chance(0.3):
                widget_ev(
                    p,
                    t + timedelta(minutes=R.uniform(0.5, 3)),
                    "slot_selected",
                    src,
                    "",
                    CL[code][1],
                )
        else:
            call(p, t, src, pick(["Not Booked", "Voicemail", "Missed"], [6, 2, 2]), CL[code][1])


def simulate():
    existing_patients()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        new_patient_day(d)
        invisalign_day(d)
        prospects_day(d)


def utc_z(ts):
    return ts.replace(tzinfo=CENTRAL).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_naive(ts):
    return ts.replace(tzinfo=CENTRAL).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def with_offset(ts):
    return ts.replace(tzinfo=CENTRAL).isoformat(timespec="seconds")


def us(ts, ampm=False):
    if ts is None:
        return ""
    if ampm:
        return f"{ts:%m/%d/%Y} {ts.hour % 12 or 12}:{ts:%M} {'AM' if ts.hour < 12 else 'PM'}"
    return f"{ts:%m/%d/%Y %H:%M}"


def write(folder: Path):
    def out(name, header, rows):
        with open(folder / name, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(rows)

    ordered = sorted(patients, key=lambda p: p.pid)
    out(
        "PATIENTS.csv",
        [
            "PAT_ID",
            "PHONE_HASH",
            "ZOCDOC_PT_ID",
            "HOME_CLINIC",
            "PAT_SINCE",
            "REFERRAL_SRC",
            "COVERAGE",
            "PRIM_INS_CARRIER",
            "AGE_GRP",
            "PREF_LANG",
            "STATE",
        ],
        [
            (
                p.pid,
                p.phone,
                p.zd or "",
                p.clinic,
                f"{p.since:%Y-%m-%d %H:%M:%S}",
                SRC_CODES[p.src],
                p.coverage,
                p.carrier,
                p.age,
                p.lang,
                CL[p.clinic][3],
            )
            for p in ordered
        ],
    )
    out(
        "APPT_EVENTS.csv",
        [
            "APPT_NUM",
            "PAT_ID",
            "CLINIC_ID",
            "APPT_TYPE",
            "EVENT_CD",
            "EVENT_DTTM",
            "BOOKED_VIA",
            "APPT_DTTM",
            "ELIG_RESULT",
            "CANC_REASON",
        ],
        [
            (
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                f"{r[5]:%Y-%m-%d %H:%M:%S}",
                r[6],
                f"{r[7]:%Y-%m-%d %H:%M}" if r[7] else "",
                r[8],
                r[9],
            )
            for r in sorted(appt_rows, key=lambda r: (r[5], r[0], r[4]))
        ],
    )
    out(
        "TX_PLANS.csv",
        ["TP_ID", "PAT_ID", "CLINIC_ID", "TP_STATUS", "STATUS_DTTM", "TX_CATEGORY", "TP_FEE_TOTAL"],
        [
            (r[0], r[1], r[2], r[3], f"{r[4]:%Y-%m-%d %H:%M:%S}", r[5], f"{r[6]:.2f}")
            for r in sorted(tp_rows, key=lambda r: (r[4], r[0], r[3]))
            if within(r[4])
        ],
    )
    out(
        "LEDGER.csv",
        [
            "TRANS_ID",
            "PAT_ID",
            "CLINIC_ID",
            "POST_DTTM",
            "TRANS_TYPE",
            "PMT_AMT",
            "PMT_METHOD",
            "INS_CARRIER",
        ],
        [
            (r[0], r[1], r[2], f"{r[3]:%Y%m%d %H:%M}", r[4], f"{r[5]:.2f}", r[6], r[7])
            for r in sorted(ledger, key=lambda r: (r[3], r[0]))
            if within(r[3])
        ],
    )
    out(
        "calltrack_calls.csv",
        [
            "Call ID",
            "Start Time (UTC)",
            "Caller Number Hash",
            "Tracking Source",
            "Campaign",
            "Location",
            "Duration (sec)",
            "Call Outcome",
            "First-Time Caller",
        ],
        [
            (r[0], utc_z(r[1]), r[2], r[3], r[4], f"BrightSmile Dental - {r[5]}", r[6], r[7], r[8])
            for r in sorted(calls, key=lambda r: (r[1], r[0]))
        ],
    )
    out(
        "widget_events.csv",
        [
            "event_time",
            "visitor_id",
            "pat_id",
            "event",
            "utm_source_medium",
            "utm_campaign",
            "location",
        ],
        [
            (
                f"{r[0].replace(tzinfo=CENTRAL).astimezone(UTC):%Y-%m-%dT%H:%M:%S.%f}"[:-3] + "Z",
                *r[1:],
            )
            for r in sorted(widget, key=lambda r: (r[0], r[1], r[3]))
        ],
    )
    with open(folder / "zocdoc_bookings.jsonl", "w") as f:
        for r in sorted(zocdoc, key=lambda r: (r[0], r[2], r[1])):
            f.write(
                json.dumps(
                    {
                        "event_type": r[1],
                        "occurred_at": with_offset(r[0]),
                        "booking_id": r[2],
                        "zd_patient_id": r[3],
                        "location_name": f"BrightSmile Dental {CL[r[4]][1]}",
                        "appointment_start": with_offset(r[5]),
                        "visit_reason": r[6],
                        "insurance_carrier": r[7],
                    }
                )
                + "\n"
            )
    out(
        "textreach_sms.csv",
        [
            "message_id",
            "to_from_phone_hash",
            "sent_utc",
            "message_type",
            "delivery_status",
            "location_code",
        ],
        [
            (r[0], r[1], utc_naive(r[2]), r[3], r[4], r[5])
            for r in sorted(sms, key=lambda r: (r[2], r[0]))
        ],
    )
    out(
        "google_reviews.csv",
        ["Patient ID", "Location", "Review Date", "Rating"],
        [
            (r[0], f"BrightSmile Dental - {CL[r[1]][1]}", us(r[2], ampm=True), r[3])
            for r in sorted(reviews, key=lambda r: (r[2], r[0]))
        ],
    )
    out(
        "postvisit_survey.csv",
        ["PatientID", "ClinicCode", "SubmittedAt", "LikelihoodToRecommend", "Comments"],
        [
            (r[0], r[1], f"{r[2]:%Y-%m-%dT%H:%M:%S}", r[3], r[4])
            for r in sorted(surveys, key=lambda r: (r[2], r[0]))
        ],
    )
    out(
        "frontdesk_tickets.csv",
        [
            "Ticket #",
            "Patient",
            "Clinic",
            "Opened",
            "First Response",
            "Closed",
            "Category",
            "Channel",
            "Complaint?",
            "CSAT",
        ],
        [
            (r[0], r[1], r[2], us(r[3]), us(r[4]), us(r[5]), r[6], r[7], r[8], r[9])
            for r in sorted(tickets, key=lambda r: r[0])
        ],
    )
    rows = []
    m = date(2025, 12, 1)
    while m < END.date():
        mdt = datetime(m.year, m.month, 1)
        days_in = ((date(m.year + (m.month == 12), m.month % 12 + 1, 1)) - m).days
        frac = 1.0
        if m.year == 2025:
            frac = (days_in - 8) / days_in  # the data starts on Dec 9
        if (m.year, m.month) == (2026, 12):
            frac = 8 / 31
        mesa = 1.0 if mdt >= datetime(2026, 4, 1) else 0.0

        def add(ch, camp, amt, m=m, frac=frac):
            rows.append((f"{m:%m/%d/%Y}", ch, camp, f"{amt * frac * R.uniform(0.94, 1.06):.2f}"))

        add("Google Ads", "New Patient Search", 16500 + 1200 * mesa)
        add("Google Ads", "Invisalign Search", 2600 * (1.8 if inw(mdt, INVIS_PROMO) else 1))
        add("Facebook/Instagram", "New Patient Special", 3800)
        add(
            "Facebook/Instagram",
            "Invisalign Smile Month" if inw(mdt, INVIS_PROMO) else "Invisalign Always-on",
            11500 if inw(mdt, INVIS_PROMO) else 2200,
        )
        zk = zocdoc_month.get((m.year, m.month), 0)
        fee = 110 if mdt >= ZOCDOC_FEE else 45
        rows.append((f"{m:%m/%d/%Y}", "Zocdoc", "Booking fees", f"{zk * fee:.2f}"))
        add("Insurance Directories", "Listings", 1400)
        add("Google Business Profile", "Local SEO agency", 2500 + 200 * mesa)
        add("Referral Program", "Refer-a-friend gift cards", 900)
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    out("marketing_spend.csv", ["Month", "Channel", "Campaign", "Spend (USD)"], rows)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="dental-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if os.environ.get("DENTAL_KEEP_SOURCES"):
            shutil.copytree(folder, os.environ["DENTAL_KEEP_SOURCES"], dirs_exist_ok=True)
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
