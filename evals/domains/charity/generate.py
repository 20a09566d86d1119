"""Charity evaluation domain: BrightFutures, a UK children's education charity raising money online.

    python generate.py OUT.duckdb

Writes BrightFutures' own exports (seeded: the same files every run) to a temporary folder --

  web_analytics.csv     web analytics (snake_case, London local time): visitor_id, supporter_id
                        after login/gift
  crm_supporters.csv    CRM contacts (Salesforce-like, DD/MM/YYYY dates)
  crm_gifts.csv         CRM gifts (DD/MM/YYYY HH:MM, amounts in GBP), Gift Aid flag
  payments.jsonl        payment processor charges (UTC with Z, pence,
                        succeeded/failed/refunded)
  dd_bureau.csv         direct-debit bureau (BACS collections, failures, cancellations, increases)
  event_platform.csv    event sign-ups, fundraising pages, sponsorships
  email_tool.csv        newsletter / appeal opens and clicks
  supporter_care.csv    complaints and refund requests
  monthly_spend.csv     marketing spend per channel per month

-- and loads them with connectors.ingest.ingest and ingest.yaml into OUT.duckdb.
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
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261201
START = datetime(2025, 12, 1)
END = datetime(2026, 12, 1)  # as_of; data ends the day before
N_DAYS = (END - START).days
XMAS = (datetime(2025, 12, 1), datetime(2025, 12, 25))  # Christmas appeal
TV = (datetime(2026, 3, 12), datetime(2026, 3, 20))  # TV feature on 12 March
FORM_REDESIGN = datetime(2026, 5, 12)  # new donation form
GA_BUG = (datetime(2026, 6, 8), datetime(2026, 6, 29))  # Gift Aid declaration bug, 3 weeks
BANK_CHANGE = (datetime(2026, 8, 1), datetime(2026, 9, 1))  # DD failure spike after bank change
RUN_DAY = datetime(2026, 10, 11)  # London sponsored run (Sunday)

R = random.Random(SEED)

SOURCES = [
    "fb_ads",
    "ig_ads",
    "google_grants",
    "email",
    "justgiving",
    "events",
    "corporate",
    "qr_mail",
    "direct",
]
SOURCE_W = [0.18, 0.12, 0.2, 0.12, 0.1, 0.06, 0.04, 0.06, 0.12]
REGIONS = ["London", "South East", "North West", "Midlands", "Scotland", "Wales", "Hong Kong"]
REGION_W = [0.3, 0.2, 0.15, 0.15, 0.1, 0.06, 0.04]
AGE = ["18-34", "35-54", "55+"]
CAMPAIGN = {12: "Christmas Appeal", 3: "Spring Appeal", 10: "London Run"}


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


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


HOURS = [
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1,
    2,
    2.5,
    3,
    3,
    3,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.8,
    4.5,
    5,
    4.5,
    3,
    1,
]


def at(d):
    hr = R.choices(range(24), weights=HOURS)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


web, supporters, gifts, pays, dds, evts, emails, care = ([] for _ in range(8))
seq = {"sup": 100000, "gift": 0, "ch": 0, "mandate": 0, "case": 0, "vis": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class P:
    def __init__(self, d):
        self.vid = f"v{nxt('vis'):07d}"
        self.sid = None
        self.region = pick(REGIONS, REGION_W)
        self.age = pick(AGE, [0.3, 0.4, 0.3])
        self.optin = "Y" if chance(0.6) else "N"
        self.first = d


def identify(p, ts, src):
    if p.sid is None:
        p.sid = f"SF{nxt('sup')}"
        supporters.append((p, ts, src))


def campaign_of(ts):
    if inw(ts, TV):
        return "TV Feature"
    return CAMPAIGN.get(ts.month, "General")


def hit(p, ts, name, src):
    if within(ts):
        web.append((ts, p.vid, p.sid or "", name, src, campaign_of(ts), p.device))


def give(p, ts, src, kind):
    """A completed gift: CRM gift + processor charge (+ DD mandate for regular)."""
    if not within(ts):
        return
    identify(p, ts, src)
    if kind == "One-off":
        amt = pick([10, 20, 25, 50, 100, 250], [0.2, 0.25, 0.2, 0.2, 0.12, 0.03])
        if inw(ts, XMAS):
            amt = round(amt * 1.3)
    else:
        amt = pick([5, 8, 10, 15, 20], [0.25, 0.2, 0.3, 0.15, 0.1])
    ga_p = 0.55 if p.region != "Hong Kong" else 0.0
    if inw(ts, GA_BUG):
        ga_p *= 0.3
    ga = "Y" if chance(ga_p) else "N"
    gid = f"G-{nxt('gift'):07d}"
    gifts.append((gid, p.sid, ts, kind, amt, ga, campaign_of(ts), src))
    cid = f"ch_{nxt('ch'):08d}"
    pays.append((cid, p.sid, gid, ts + timedelta(seconds=R.uniform(2, 40)), amt * 100, "succeeded"))
    if chance(0.012):
        pays.append((cid, p.sid, gid, ts + timedelta(days=R.uniform(2, 30)), amt * 100, "refunded"))
        care_case(p, ts + timedelta(days=R.uniform(1, 20)), "Refund request")
    if kind == "Regular":
        mandate = f"DDI{nxt('mandate'):06d}"
        day = ts + timedelta(days=R.uniform(10, 20))
        n_fail = 0
        while day < END:
            fail_p = 0.1 if inw(day, BANK_CHANGE) else 0.025
            if chance(fail_p):
                dds.append((day, p.sid, mandate, amt, "ARUDD"))
                n_fail += 1
                if n_fail >= 2 or chance(0.25):
                    dds.append((day + timedelta(days=2), p.sid, mandate, amt, "CANCELLED"))
                    if inw(day, BANK_CHANGE) and chance(0.2):
                        care_case(p, day + timedelta(days=3), "Direct debit problem")
                    break
            else:
                dds.append((day, p.sid, mandate, amt, "PAID"))
            if chance(0.012):
                amt += 5
                dds.append((day + timedelta(days=5), p.sid, mandate, amt, "AMENDED"))
            if chance(0.018):
                dds.append((day + timedelta(days=9), p.sid, mandate, amt, "CANCELLED"))
                break
            day = day + timedelta(days=30)
            day = datetime(day.year, day.month, day.day)


def care_case(p, ts, reason):
    if not within(ts):
        return
    ch = pick(["Phone", "Email", "Webchat"], [0.4, 0.45, 0.15])
    fr = {"Phone": R.uniform(0.05, 1), "Email": R.uniform(3, 30), "Webchat": R.uniform(0.05, 0.5)}[
        ch
    ]
    res = fr + R.uniform(4, 96)
    csat = str(max(1, min(5, round(R.gauss(3.8, 1))))) if chance(0.4) else ""
    care.append(
        (
            f"CASE-{nxt('case'):05d}",
            p.sid or "",
            ts,
            ts + timedelta(hours=fr),
            ts + timedelta(hours=res) if ts + timedelta(hours=res) < END else None,
            reason,
            ch,
            "Yes" if reason in ("Complaint", "Direct debit problem") else "No",
            csat,
        )
    )


def weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if inw(dt, XMAS):
        w *= 2.6
    if inw(dt, TV):
        w *= 4.0 if dt < TV[0] + timedelta(days=3) else 2.0
    if dt.month == 1:
        w *= 0.7
    return w


def visitor(d, src=None):
    p = P(d)
    src = src or pick(SOURCES, SOURCE_W)
    p.device = pick(["mobile", "desktop", "tablet"], [0.62, 0.32, 0.06])
    t = at(d)
    dt = datetime(d.year, d.month, d.day)
    if src in ("email", "corporate") or chance(0.1):
        identify(p, t, src)
    hit(p, t, "landing_page_view", src)
    if chance(0.75):
        hit(p, t + timedelta(minutes=1), "campaign_page_view", src)
    p_start = 0.34 if not inw(dt, TV) else 0.42
    if src in ("fb_ads", "ig_ads"):
        p_start *= 0.8
    if not chance(p_start):
        if chance(0.04):
            identify(p, t, src)
            hit(p, t + timedelta(minutes=2), "newsletter_signup", src)
        return p
    t2 = t + timedelta(minutes=R.uniform(1, 6))
    hit(p, t2, "donation_form_start", src)
    p_complete = 0.62 if dt >= FORM_REDESIGN else 0.44
    if p.device == "mobile" and dt < FORM_REDESIGN:
        p_complete -= 0.08
    if not chance(p_complete):
        if chance(0.1):
            identify(p, t2, src)
            pays.append(
                (f"ch_{nxt('ch'):08d}", p.sid, "", t2 + timedelta(minutes=3), 2500, "failed")
            )
        return p
    kind = "Regular" if chance(0.22 if not inw(dt, TV) else 0.1) else "One-off"
    t3 = t2 + timedelta(minutes=R.uniform(1, 8))
    identify(p, t3, src)
    hit(p, t3, "donation_complete", src)
    give(p, t3, src, kind)
    if kind == "One-off" and chance(0.12):
        give(p, t3 + timedelta(days=R.uniform(20, 200)), "email", "One-off")
    return p


def runner(d):
    p = P(d)
    p.device = pick(["mobile", "desktop"], [0.7, 0.3])
    t = at(d)
    identify(p, t, "events")
    hit(p, t, "landing_page_view", "events")
    ev = (
        "London Run"
        if datetime(d.year, d.month, d.day) < RUN_DAY and d.month >= 6
        else pick(["Bristol 10k", "Manchester Half", "Virtual Walk"], [0.3, 0.3, 0.4])
    )
    evts.append((t + timedelta(minutes=3), p.sid, "REGISTERED", ev, ""))
    if chance(0.7 if ev == "London Run" else 0.45):
        tp = t + timedelta(days=R.uniform(0, 10))
        evts.append((tp, p.sid, "PAGE_CREATED", ev, ""))
        for _ in range(poisson(6)):
            ts = tp + timedelta(days=R.uniform(0, 40))
            evts.append(
                (ts, p.sid, "SPONSORSHIP", ev, f"{pick([5, 10, 20, 50], [0.3, 0.4, 0.2, 0.1]):.2f}")
            )


def simulate():
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        for _ in range(poisson(22 * weight(d))):
            visitor(d)
        dt = datetime(d.year, d.month, d.day)
        lam = 0.8
        if datetime(2026, 6, 1) <= dt < RUN_DAY:
            lam = 4.0
        for _ in range(poisson(lam)):
            runner(d)
        if chance(0.08):
            q = P(d)
            identify(q, at(d), "direct")
            care_case(q, at(d), "Complaint")
    # email appeals to opted-in supporters
    for p, ts, _src in list(supporters):
        if p.optin != "Y":
            continue
        for m in range(12):
            send = datetime(2025, 12, 3) + timedelta(days=30 * m + R.randrange(3))
            if send <= ts or send >= END:
                continue
            if chance(0.3):
                o = send + timedelta(hours=R.uniform(1, 48))
                emails.append((o, p.sid, "open", f"Newsletter {send:%b %Y}"))
                if chance(0.18):
                    emails.append(
                        (o + timedelta(minutes=2), p.sid, "click", f"Newsletter {send:%b %Y}")
                    )
    for p, ts, _src in list(supporters):
        if chance(0.006):
            care_case(p, ts + timedelta(days=R.uniform(1, 60)), "Complaint")


def write(folder: Path):
    def utc(ts):  # naive London local -> UTC Z (BST 29 Mar - 25 Oct 2026)
        bst = datetime(2026, 3, 29, 1) <= ts < datetime(2026, 10, 25, 1)
        return f"{ts - timedelta(hours=1 if bst else 0):%Y-%m-%dT%H:%M:%S}Z"

    def rows(name, header, data):
        with open(folder / name, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerows(data)

    rows(
        "web_analytics.csv",
        [
            "event_time",
            "visitor_id",
            "supporter_id",
            "event_name",
            "utm_source",
            "utm_campaign",
            "device_type",
        ],
        [
            [f"{r[0]:%Y-%m-%d %H:%M:%S}", *r[1:]]
            for r in sorted(web, key=lambda r: (r[0], r[1], r[3]))
        ],
    )
    rows(
        "crm_supporters.csv",
        [
            "Supporter Id",
            "Created Date",
            "Region",
            "Age Band",
            "Marketing Consent",
            "Original Source",
        ],
        [[p.sid, f"{ts:%d/%m/%Y}", p.region, p.age, p.optin, s] for p, ts, s in supporters],
    )
    rows(
        "crm_gifts.csv",
        [
            "Gift Id",
            "Supporter Id",
            "Gift Date",
            "Gift Type",
            "Amount GBP",
            "Gift Aid",
            "Campaign",
            "Source Code",
        ],
        [
            [g[0], g[1], f"{g[2]:%d/%m/%Y %H:%M}", g[3], f"{g[4]:.2f}", g[5], g[6], g[7]]
            for g in gifts
        ],
    )
    with open(folder / "payments.jsonl", "w") as f:
        for r in sorted(pays, key=lambda r: (r[3], r[0])):
            if within(r[3]):
                obj = {"id": r[0], "customer_ref": r[1], "gift_ref": r[2], "created": utc(r[3])}
                obj.update({"amount": int(r[4]), "currency": "gbp", "status": r[5]})
                f.write(json.dumps(obj) + "\n")
    rows(
        "dd_bureau.csv",
        ["collection_date", "payer_ref", "mandate_ref", "amount", "result"],
        [
            [f"{r[0]:%Y-%m-%d}", r[1], r[2], f"{r[3]:.2f}", r[4]]
            for r in sorted(dds)
            if within(r[0])
        ],
    )
    rows(
        "event_platform.csv",
        ["Timestamp", "Participant", "Action", "Event", "Amount"],
        [
            [f"{r[0]:%d/%m/%Y %H:%M}", r[1], r[2], r[3], r[4]]
            for r in sorted(evts, key=lambda r: r[0])
            if within(r[0])
        ],
    )
    rows(
        "email_tool.csv",
        ["OpenedAt", "ContactId", "Activity", "CampaignName"],
        [[utc(r[0]), r[1], r[2], r[3]] for r in sorted(emails) if within(r[0])],
    )

    def fmt(ts):
        return f"{ts:%d/%m/%Y %H:%M}" if ts else ""

    rows(
        "supporter_care.csv",
        [
            "Case Number",
            "Supporter Id",
            "Opened",
            "First Response",
            "Closed",
            "Reason",
            "Channel",
            "Complaint",
            "CSAT",
        ],
        [[c[0], c[1], fmt(c[2]), fmt(c[3]), fmt(c[4]), *c[5:]] for c in care],
    )
    spend = {
        "Facebook Ads": 4000,
        "Instagram Ads": 2500,
        "Google Ad Grants": 0,
        "Direct Mail": 3000,
        "Email": 300,
    }
    out = []
    for m in range(12):
        y, mo = 2025 + (11 + m) // 12, (11 + m) % 12 + 1
        for ch, amt in spend.items():
            f_ = R.uniform(0.9, 1.1) * (2.0 if mo == 12 else 1.0)
            out.append([f"01/{mo:02d}/{y}", ch, f"{amt * f_:.2f}"])
    rows("monthly_spend.csv", ["Month", "Channel", "Spend"], out)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="charity-src-") as tmp:
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
