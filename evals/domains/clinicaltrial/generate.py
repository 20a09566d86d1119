"""Clinical-trial recruitment evaluation domain: TrialBridge, a patient-recruitment service.

    python generate.py OUT.duckdb

Writes TrialBridge's own exports (seeded: the same files every run) to a temporary folder —

  prescreener_events.jsonl   pre-screener platform: epoch seconds (UTC), cookie_id always,
                             email_sha only once the pre-screener is submitted, utm_source
  crm/<tz>/<SITE>.csv        CRM activity per site: 'MM/DD/YYYY HH:MM' in the site's local time,
                             coordinator id, email + participant id
  crm_contacts.csv           CRM contacts (participants who passed the pre-screener)
  site_visit_log.csv         site visit log: ISO timestamps with the site's UTC offset
  stipend_payments.csv       stipend payments, amount in cents (USD), UTC times
  support_inbox.csv          support inbox export (ISO with Z)
  participant_survey.csv     participant survey (0-10 recommend score), New York time
  marketing_monthly.csv      monthly marketing sheet (USD)

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

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
NY = ZoneInfo("America/New_York")
SLEEP_OPEN = datetime(2026, 4, 6)  # sleep-apnoea study opens
UK_OPEN = datetime(2026, 3, 2)  # UK sites join
FB_POLICY = datetime(2026, 6, 15)  # Facebook ad-policy change (health targeting) cuts reach
OUTAGE = (datetime(2026, 8, 9), datetime(2026, 8, 11))  # pre-screener down 9-10 August
STIPEND_UP = datetime(2026, 9, 1)  # stipend per visit $50 -> $100
MIGRAINE_CLOSE = datetime(2026, 10, 16)  # migraine study closed to enrolment

R = random.Random(SEED)

SITES = {
    "BOS01": ("Boston", "America/New_York", "US"),
    "ATL02": ("Atlanta", "America/New_York", "US"),
    "CHI03": ("Chicago", "America/Chicago", "US"),
    "HOU04": ("Houston", "America/Chicago", "US"),
    "DEN05": ("Denver", "America/Denver", "US"),
    "SDG06": ("San Diego", "America/Los_Angeles", "US"),
    "SEA07": ("Seattle", "America/Los_Angeles", "US"),
    "LON08": ("London", "Europe/London", "UK"),
    "MAN09": ("Manchester", "Europe/London", "UK"),
    "LDS10": ("Leeds", "Europe/London", "UK"),
}
SITE_W = {
    "BOS01": 14,
    "ATL02": 11,
    "CHI03": 12,
    "HOU04": 10,
    "DEN05": 7,
    "SDG06": 8,
    "SEA07": 8,
    "LON08": 12,
    "MAN09": 7,
    "LDS10": 6,
}
# study codes as the systems write them
STUDIES = ["DM2-204", "AST-117", "MIG-330", "KOA-052", "OSA-401", "ECZ-219"]
STUDY_W = [0.24, 0.18, 0.17, 0.16, 0.13, 0.12]
STUDY_PASS = {
    "DM2-204": 0.5,
    "AST-117": 0.52,
    "MIG-330": 0.45,
    "KOA-052": 0.55,
    "OSA-401": 0.6,
    "ECZ-219": 0.47,
}
RANDOMISE = {
    "DM2-204": 0.62,
    "AST-117": 0.66,
    "MIG-330": 0.55,
    "KOA-052": 0.6,
    "OSA-401": 0.7,
    "ECZ-219": 0.58,
}
# utm sources as the pre-screener writes them
SOURCES = ["fb_ads", "google_cpc", "advocacy_nl", "dr_referral", "rx_partner"]
SOURCE_W = [0.36, 0.3, 0.12, 0.1, 0.12]
SOURCE_PASS = {
    "fb_ads": 0.8,
    "google_cpc": 1.0,
    "advocacy_nl": 1.1,
    "dr_referral": 1.45,
    "rx_partner": 1.15,
}
COORD = {s: [f"C{i:03d}" for i in range(k * 3 + 1, k * 3 + 4)] for k, s in enumerate(SITES)}
AGE = ["18-34", "35-49", "50-64", "65+"]


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
    return hashlib.sha1(text.encode()).hexdigest()


HOURS = [
    0.4,
    0.2,
    0.1,
    0.1,
    0.1,
    0.3,
    0.8,
    1.5,
    2.2,
    2.6,
    2.8,
    2.8,
    3,
    2.8,
    2.6,
    2.6,
    2.8,
    3,
    3.4,
    4,
    4.3,
    4,
    2.8,
    1.2,
]
OFFICE = [0] * 8 + [3, 4, 4, 3, 2, 3, 4, 4, 3, 1] + [0] * 6


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def within(ts):
    return START <= ts < END


def office(ts, days):
    """An office-hours time (New York clock) `days` after ts, on a weekday."""
    d = ts + timedelta(days=days)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return at(d, OFFICE)


pre, crm, contacts, visits, pays, inbox, survey = ([] for _ in range(7))
seq = {"pid": 40000, "tkt": 0, "pay": 0, "ck": 0, "visit": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, study, site, source):
        self.study, self.site, self.source = study, site, source
        self.cookie = "ck_" + h(f"ck{nxt('ck')}")[:16]
        self.email = None
        self.pid = None
        self.device = pick(["mobile", "desktop", "tablet"], [0.64, 0.3, 0.06])


def ticket(p, ts, topic, complaint, mood=0.0):
    if not within(ts):
        return
    fr = R.uniform(0.3, 30) if chance(0.8) else R.uniform(30, 80)
    res = fr + R.uniform(2, 96)
    closed = ts + timedelta(hours=res)
    sat = ""
    if chance(0.4):
        sat = str(max(1, min(5, round(R.gauss(4.0 - mood, 0.9)))))
    inbox.append(
        (
            f"TB-{nxt('tkt'):05d}",
            p.email,
            ts,
            ts + timedelta(hours=fr),
            closed if closed < END else None,
            topic,
            "Y" if complaint else "N",
            sat,
            p.study,
            p.site,
        )
    )


def pay(p, visit_ts, visit_ref):
    amount = 10000 if visit_ts >= STIPEND_UP else 5000
    late = chance(0.12 if visit_ts < datetime(2026, 7, 1) else 0.07)
    t = visit_ts + timedelta(days=R.uniform(15, 35) if late else R.uniform(1, 7))
    if within(t):
        pays.append(
            (
                f"STP{nxt('pay'):06d}",
                p.pid,
                t,
                amount,
                visit_ref,
                pick(["ClinCard", "Bank transfer", "Cheque"], [0.7, 0.22, 0.08]),
                p.site,
            )
        )
    if late and chance(0.45):
        ticket(p, visit_ts + timedelta(days=R.uniform(12, 20)), "Stipend late", True, mood=1.3)


def visit(p, ts, kind, num=""):
    if within(ts):
        ref = f"V{nxt('visit'):07d}"
        visits.append((ref, p.pid, ts, kind, num, p.study, p.site))
        return ref
    return None


def enrol(p, t):
    """After a passed pre-screener: CRM contact, coordinator calls, screening visit, consent…"""
    p.pid = f"TB-{nxt('pid')}"
    p.email = h(f"mail{p.pid}")[:24]
    contacts.append((p, t))
    # coordinator calls: 1-3 attempts
    reached = False
    ct = t
    for attempt in range(R.choice([1, 1, 2, 3])):
        ct = office(ct, R.uniform(0.2, 2.5) if attempt == 0 else R.uniform(1, 3))
        if not within(ct):
            return
        ok = chance(0.62)
        crm.append((p, ct, "Outbound Call", "Reached" if ok else "No Answer"))
        if ok:
            reached = True
            break
    if not reached:
        return
    if p.study == "MIG-330" and ct >= MIGRAINE_CLOSE:
        return
    if not chance(0.7):
        return
    crm.append((p, ct + timedelta(minutes=R.uniform(3, 20)), "Screening Booked", ""))
    sv = office(ct, R.uniform(3, 14))
    if chance(0.06):
        crm.append((p, sv - timedelta(days=R.uniform(0.5, 2)), "Visit Rescheduled", ""))
        if chance(0.5):
            ticket(p, sv - timedelta(days=R.uniform(0, 1)), "Visit rescheduled", True, mood=1.0)
        sv = office(sv, R.uniform(2, 7))
    if not within(sv):
        return
    show = 0.58 if sv < STIPEND_UP else 0.79
    if p.source == "dr_referral":
        show += 0.1
    if not chance(show):
        visit(p, sv, "SCREENING_NO_SHOW")
        return
    ref = visit(p, sv, "SCREENING_ATTENDED")
    pay(p, sv, ref)
    if chance(0.3):
        t1 = sv + timedelta(days=R.uniform(1, 6))
        if within(t1):
            survey.append(
                (p, t1, max(0, min(10, round(R.gauss(8.0 if sv >= STIPEND_UP else 7.2, 1.8)))))
            )
    if chance(0.05):
        ticket(
            p,
            sv + timedelta(days=R.uniform(0, 3)),
            pick(["Travel reimbursement", "Eligibility question"], [1, 1]),
            False,
        )
    if not chance(0.9):
        return
    visit(p, sv + timedelta(minutes=R.uniform(20, 60)), "CONSENT_SIGNED")
    dd = sv + timedelta(days=R.uniform(5, 21))
    if not chance(RANDOMISE[p.study]):
        visit(p, dd, "SCREEN_FAIL")
        return
    visit(p, dd, "RANDOMISED")
    f = dd
    for n in range(1, 7):
        f = office(f, R.gauss(28, 3))
        if not within(f):
            return
        drop = 0.07 if f >= STIPEND_UP else 0.1
        if chance(drop):
            visit(p, f, "WITHDRAWN")
            if chance(0.2):
                ticket(p, f - timedelta(days=1), "Withdrawal request", False, mood=0.5)
            return
        ref = visit(p, f, "FOLLOW_UP", str(n))
        pay(p, f, ref)
        if chance(0.03):
            crm.append((p, f - timedelta(days=2), "Visit Rescheduled", ""))
            if chance(0.5):
                ticket(p, f - timedelta(days=1), "Visit rescheduled", True, mood=1.0)
    if chance(0.5):
        t2 = f + timedelta(days=R.uniform(2, 10))
        if within(t2):
            score = max(0, min(10, round(R.gauss(8.3 if t2 >= STIPEND_UP else 7.5, 1.7))))
            survey.append((p, t2, score))


def pre_event(p, ts, ev):
    if not within(ts) or OUTAGE[0] <= ts < OUTAGE[1]:
        return False
    pre.append((ts, p, ev))
    return True


def open_sites(ts):
    return [s for s in SITES if SITES[s][2] == "US" or ts >= UK_OPEN]


def patient(d):
    t = at(d)
    study = pick(STUDIES, STUDY_W)
    if study == "OSA-401" and t < SLEEP_OPEN:
        study = pick(STUDIES[:4] + STUDIES[5:], STUDY_W[:4] + STUDY_W[5:])
    if study == "MIG-330" and t >= MIGRAINE_CLOSE:
        return None
    sites = open_sites(t)
    site = pick(sites, [SITE_W[s] for s in sites])
    src = pick(SOURCES, SOURCE_W)
    if src == "fb_ads" and t >= FB_POLICY and chance(0.55):
        return None  # the ad-policy change: these people never see the ad
    p = Person(study, site, src)
    if not pre_event(p, t, "page_view"):
        return p
    if not chance(0.66):
        if chance(0.25):  # come back another day
            t = at(d + timedelta(days=R.randrange(1, 9)))
            if not pre_event(p, t, "page_view"):
                return p
            if not chance(0.5):
                return p
        else:
            return p
    t += timedelta(minutes=R.uniform(0.5, 4))
    if not pre_event(p, t, "screener_start"):
        return p
    if not chance(0.78):
        return p
    t += timedelta(minutes=R.uniform(3, 12))
    passed = chance(min(0.9, STUDY_PASS[study] * SOURCE_PASS[src]))
    p.email = "pending"
    if not within(t) or (OUTAGE[0] <= t < OUTAGE[1]):
        return p
    if passed:
        enrol(p, t)
    else:
        p.email = h(f"mailfail{p.cookie}")[:24]
    pre_event(p, t, "screener_pass" if passed else "screener_fail")
    return p


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0 + 0.12 * math.cos((d.timetuple().tm_yday - 15) / 365 * 2 * math.pi)
    if d.weekday() >= 5:
        w *= 0.8
    if dt >= UK_OPEN:
        w *= 1.18
    return w


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        for _ in range(poisson(30 * day_weight(d))):
            patient(d)


def write(folder: Path):
    def aware(ts, tz="America/New_York"):
        return ts.replace(tzinfo=NY).astimezone(ZoneInfo(tz))

    src_name = {
        "fb_ads": "fb_ads",
        "google_cpc": "google_cpc",
        "advocacy_nl": "advocacy_nl",
        "dr_referral": "dr_referral",
        "rx_partner": "rx_partner",
    }
    with open(folder / "prescreener_events.jsonl", "w") as f:
        for ts, p, ev in sorted(pre, key=lambda r: (r[0], r[1].cookie, r[2])):
            obj = {
                "event_time": int(aware(ts).timestamp()),
                "cookie_id": p.cookie,
                "email_sha": p.email if ev in ("screener_pass", "screener_fail") else None,
                "event": ev,
                "utm_source": src_name[p.source],
                "study_code": p.study,
                "nearest_site": p.site,
                "device": p.device,
            }
            f.write(json.dumps(obj) + "\n")
    groups = {}
    for p, ts, act, outcome in crm:
        if within(ts):
            groups.setdefault(p.site, []).append((p, ts, act, outcome))
    for site, rows in groups.items():
        tz = SITES[site][1]
        sub = folder / "crm" / tz.replace("/", "_")
        sub.mkdir(parents=True, exist_ok=True)
        with open(sub / f"{site}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(
                [
                    "Activity Date",
                    "Email",
                    "Participant ID",
                    "Activity Type",
                    "Call Outcome",
                    "Coordinator",
                    "Site",
                    "Study",
                ]
            )
            for p, ts, act, outcome in sorted(rows, key=lambda r: (r[1], r[0].pid)):
                coord = COORD[site][int(p.pid[3:]) % 3]
                w.writerow(
                    [
                        f"{aware(ts, tz):%m/%d/%Y %H:%M}",
                        p.email,
                        p.pid,
                        act,
                        outcome,
                        coord,
                        site,
                        p.study,
                    ]
                )
    with open(folder / "crm_contacts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["Participant ID", "Email", "Created", "Site", "Study", "Age Group", "Sex", "Country"]
        )
        for p, ts in sorted(contacts, key=lambda r: r[0].pid):
            age = pick(
                AGE,
                [0.2, 0.3, 0.33, 0.17]
                if p.study in ("DM2-204", "KOA-052", "OSA-401")
                else [0.4, 0.33, 0.2, 0.07],
            )
            w.writerow(
                [
                    p.pid,
                    p.email,
                    f"{ts:%m/%d/%Y}",
                    p.site,
                    p.study,
                    age,
                    pick(["F", "M"], [0.56, 0.44]),
                    SITES[p.site][2],
                ]
            )
    with open(folder / "site_visit_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "visit_ref",
                "participant_id",
                "visit_datetime",
                "visit_type",
                "visit_no",
                "protocol",
                "site_code",
            ]
        )
        for ref, pid, ts, kind, num, study, site in sorted(visits, key=lambda r: (r[2], r[0])):
            w.writerow(
                [
                    ref,
                    pid,
                    aware(ts, SITES[site][1]).isoformat(timespec="seconds"),
                    kind,
                    num,
                    study,
                    site,
                ]
            )
    with open(folder / "stipend_payments.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "payment_id",
                "participant_id",
                "paid_at_utc",
                "amount_cents",
                "visit_ref",
                "method",
                "site",
            ]
        )
        for r in sorted(pays, key=lambda r: (r[2], r[0])):
            w.writerow(
                [r[0], r[1], f"{aware(r[2], 'UTC'):%Y-%m-%d %H:%M:%S}", r[3], r[4], r[5], r[6]]
            )

    def z(ts):
        return f"{aware(ts, 'UTC'):%Y-%m-%dT%H:%M:%SZ}" if ts else ""

    with open(folder / "support_inbox.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "ticket_no",
                "from_email_sha",
                "received",
                "first_reply",
                "closed",
                "topic",
                "is_complaint",
                "satisfaction",
                "study",
                "site",
            ]
        )
        for r in sorted(inbox, key=lambda r: r[0]):
            w.writerow([r[0], r[1], z(r[2]), z(r[3] if r[3] < END else None), z(r[4]), *r[5:]])
    with open(folder / "participant_survey.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["participant_id", "submitted", "recommend_0_10", "comment", "study", "site"])
        for p, ts, score in sorted(survey, key=lambda r: (r[1], r[0].pid)):
            comment = ""
            if chance(0.35):
                comment = R.choice(
                    [
                        "Staff were lovely",
                        "Parking was hard",
                        "Stipend came quickly",
                        "Too many questionnaires",
                        "Visits ran late",
                        "Would do it again",
                    ]
                )
            w.writerow([p.pid, f"{ts:%Y-%m-%d %H:%M}", score, comment, p.study, p.site])
    with open(folder / "marketing_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Line item", "Spend (USD)"])
        m = datetime(2025, 12, 1)
        while m < END:
            for item, base in [
                ("Meta", 21000),
                ("Google Ads", 17500),
                ("Newsletter sponsorships", 4200),
                ("Pharmacy partner fees", 6000),
            ]:
                amt = base * R.uniform(0.9, 1.1)
                if m < datetime(2026, 3, 1):
                    amt *= 0.85
                if m.month == 12:
                    amt *= 0.8 if m.year == 2025 else 0.2  # partial months of the period
                if item == "Meta" and m >= datetime(2026, 6, 1):
                    amt *= 0.9 if m.month == 6 else 0.8
                w.writerow([f"{m:%b %Y}", item, f"{amt:.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="clinicaltrial-src-") as tmp:
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
