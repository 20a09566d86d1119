"""Storage evaluation domain: StashIt, self storage, 14 facilities in Sydney, Melbourne, Brisbane.

    python generate.py OUT.duckdb

Writes StashIt's own exports (seeded: the same files every run) to a temporary folder —

  web_analytics.jsonl     website analytics: ISO times with +10:00/+11:00, cookieId always,
                          leadEmailHash from the quote onwards, utm "source / medium"
  pms_tenants.csv         property-management system tenants (TenantNo, EmailHash, DD/MM/YYYY)
  pms_movements.csv       PMS agreement movements: signed (DD/MM/YYYY HH:MM), move-in / transfer /
                          move-out (DD/MM/YYYY), monthly rent in cents, promo code, insurance
  gate_access_log.csv     gate controller log: epoch seconds UTC (raw export) and
  gate_access_log.parquet the same log as the gate vendor's Parquet export (UTC instants)
  billing_ledger.csv      payments (card / direct debit), failed direct debits, merchandise
  helpdesk_export.csv     helpdesk tickets
  ads_monthly.csv         monthly ads sheet (Google Ads, Meta, StorageFinder fees) in AUD

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
TZ = ZoneInfo("Australia/Sydney")
BNE_NORTH_OPEN = datetime(2026, 3, 2)  # Brisbane North opens (Monday)
PROMO = (datetime(2026, 5, 1), datetime(2026, 8, 1))  # first month $1 (code FIRST1)
GATE_OUTAGE = (datetime(2026, 8, 14), datetime(2026, 8, 17))  # gate app outage 14-16 Aug
ADS_CUT = datetime(2026, 9, 1)  # Google Ads budget cut

R = random.Random(SEED)

FACILITIES = {
    "SYD01": ("Alexandria", "Sydney"),
    "SYD02": ("Parramatta", "Sydney"),
    "SYD03": ("Chatswood", "Sydney"),
    "SYD04": ("Penrith", "Sydney"),
    "SYD05": ("Campbelltown", "Sydney"),
    "SYD06": ("Brookvale", "Sydney"),
    "MEL01": ("Richmond", "Melbourne"),
    "MEL02": ("Moorabbin", "Melbourne"),
    "MEL03": ("Essendon", "Melbourne"),
    "MEL04": ("Dandenong", "Melbourne"),
    "MEL05": ("Box Hill", "Melbourne"),
    "BNE01": ("Fortitude Valley", "Brisbane"),
    "BNE02": ("Brisbane North", "Brisbane"),
    "BNE03": ("Springwood", "Brisbane"),
}
FAC_W = {
    "SYD01": 1.3,
    "SYD02": 1.2,
    "SYD03": 1.0,
    "SYD04": 0.8,
    "SYD05": 0.7,
    "SYD06": 0.7,
    "MEL01": 1.2,
    "MEL02": 0.9,
    "MEL03": 0.8,
    "MEL04": 0.7,
    "MEL05": 0.9,
    "BNE01": 1.0,
    "BNE02": 1.1,
    "BNE03": 0.7,
}
SIZES = ["locker", "small", "medium", "large", "drive-up"]
SIZE_CODE = {"locker": "LKR", "small": "S", "medium": "M", "large": "L", "drive-up": "DU"}
BASE_RENT = {"locker": 69, "small": 149, "medium": 259, "large": 389, "drive-up": 329}
CITY_MULT = {"Sydney": 1.15, "Melbourne": 1.0, "Brisbane": 0.9}
# utm "source / medium" as the analytics tool writes it
SOURCES = [
    "google / cpc",
    "google / organic",
    "google_maps / gbp",
    "storagefinder / referral",
    "referral / friend",
    "facebook / paid_social",
    "(direct) / (none)",
]
SOURCE_W = [0.27, 0.2, 0.17, 0.13, 0.06, 0.07, 0.1]
SEGMENTS = ["Household", "Student", "Business"]


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


HOURS = [
    0.3,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.2,
    2,
    2.6,
    3,
    3,
    3.1,
    3,
    2.8,
    2.7,
    2.8,
    3,
    3.4,
    4.2,
    4.6,
    4,
    2.6,
    1,
]
OFFICE = [0] * 8 + [3, 4, 4, 4, 3, 4, 4, 3, 2] + [0] * 7
GATE_HOURS = [
    0,
    0,
    0,
    0,
    0,
    0,
    0.5,
    1.5,
    2.5,
    3,
    3.2,
    3.2,
    3,
    3,
    3,
    3,
    3,
    2.8,
    2.3,
    1.6,
    1,
    0.5,
    0,
    0,
]


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def day(ts):
    return datetime(ts.year, ts.month, ts.day)


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


def is_uni_peak(d):
    # university move-out peaks: late Nov - Dec, and June - July
    return (d.month == 11 and d.day >= 20) or d.month == 12 or d.month in (6, 7)


def rent_for(size, fac):
    return round(BASE_RENT[size] * CITY_MULT[FACILITIES[fac][1]], 0)


web, tenants, moves, gates, ledger, tickets = ([] for _ in range(6))
seq = {"tenant": 40000, "agr": 700000, "tkt": 0, "txn": 0, "cookie": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, seg=None):
        self.cookie = None
        self.email = None
        self.tenant = None
        self.segment = seg or pick(SEGMENTS, [0.7, 0.18, 0.12])
        self.created = None
        self.fac = None


def pick_fac(ts):
    facs = [f for f in FACILITIES if not (f == "BNE02" and ts < BNE_NORTH_OPEN)]
    return pick(facs, [FAC_W[f] for f in facs])


def make_tenant(p, ts):
    if p.tenant is None:
        p.tenant = f"T{nxt('tenant')}"
        if p.email is None:
            p.email = h(f"mail{p.tenant}")[:16]
        p.created = ts
        tenants.append(p)


def w_event(p, ts, name, source, size="", fac=""):
    if not within(ts):
        return False
    if p.cookie is None:
        p.cookie = "ck_" + h(f"c{nxt('cookie')}")[:14]
    web.append((ts, p.cookie, p.email or "", name, source, size, fac))
    return True


def ticket(p, ts, cat, mood=0.0):
    if not within(ts):
        return
    ch = pick(["Phone", "Email", "Web form"], [0.45, 0.3, 0.25])
    fr = {"Phone": R.uniform(0.02, 0.6), "Email": R.uniform(1, 14), "Web form": R.uniform(1, 18)}[
        ch
    ]
    if inw(ts, GATE_OUTAGE):
        fr *= 4.0  # queue swamped during the gate outage
    res = (
        fr
        + {
            "Gate code not working": R.uniform(0.3, 12),
            "Billing": R.uniform(4, 72),
            "Damaged unit": R.uniform(24, 240),
            "Pest": R.uniform(24, 168),
            "General enquiry": R.uniform(1, 30),
        }[cat]
    )
    solved = ts + timedelta(hours=res)
    csat = ""
    if chance(0.4):
        csat = max(1, min(5, round(R.gauss(4.2 - mood, 0.9))))
    complaint = cat in ("Damaged unit", "Pest") or (mood > 0.8 and chance(0.6))
    tickets.append(
        (
            f"HD-{nxt('tkt'):05d}",
            p.tenant or "",
            p.email or "",
            ts,
            ts + timedelta(hours=fr),
            solved if solved < END and chance(0.97) else None,
            cat,
            ch,
            "Yes" if complaint else "No",
            csat,
        )
    )


def tenancy(p, signed, size, fac, via, promo_ok=True, existing=False):
    """An agreement and everything after it: move-in, rent, gate, transfers, move-out, tickets."""
    make_tenant(p, signed)
    agr = f"AG{nxt('agr')}"
    rent = rent_for(size, fac)
    promo = promo_ok and not existing and inw(signed, PROMO) and via == "Website"
    insured = "Y" if chance(0.62) else "N"
    move_in = day(signed + timedelta(days=R.choice([1, 1, 2, 3, 4, 5, 7, 10, 14])))
    if existing:
        move_in = day(signed)
    if not existing:
        moves.append(
            (p, agr, fac, size, "SIGNED", signed, rent, "FIRST1" if promo else "", insured, via)
        )
        if move_in >= END:
            return
        moves.append(
            (p, agr, fac, size, "MOVE_IN", move_in, rent, "FIRST1" if promo else "", insured, via)
        )
    # stay length in days
    if p.segment == "Student":
        stay = R.uniform(50, 110)
    elif p.segment == "Business":
        stay = R.expovariate(1 / 600)
    else:
        stay = R.expovariate(1 / 300) + 20
    if promo and chance(0.38):
        stay = R.uniform(30, 62)  # promo tenants who leave after the cheap month(s)
    move_out = day(move_in + timedelta(days=stay))
    # merchandise at move-in
    if not existing and chance(0.35) and within(move_in):
        amt = R.choice([24.95, 39.9, 59.85, 89.0, 12.5])
        ledger.append(
            (
                p,
                agr,
                move_in + timedelta(hours=R.uniform(9, 16)),
                "MERCH",
                "CARD",
                "Boxes & packing",
                amt,
            )
        )
    method = "DD" if chance(0.58) else "CARD"
    cur_size = size
    transfer_at = None
    if chance(0.11) and stay > 60:
        transfer_at = day(move_in + timedelta(days=R.uniform(30, min(stay - 10, 200))))
        new_size_i = SIZES.index(size) + (1 if chance(0.55) else -1)
        new_size_i = max(0, min(len(SIZES) - 1, new_size_i))
        if SIZES[new_size_i] != size:
            kind = "TRANSFER_UP" if new_size_i > SIZES.index(size) else "TRANSFER_DOWN"
            new_size = SIZES[new_size_i]
            if within(transfer_at) and transfer_at < move_out:
                moves.append(
                    (
                        p,
                        agr,
                        fac,
                        new_size,
                        kind,
                        transfer_at,
                        rent_for(new_size, fac),
                        "",
                        insured,
                        via,
                    )
                )
        else:
            transfer_at = None
    # monthly rent
    k = 0
    while True:
        due = move_in + timedelta(days=30.4 * k)
        if due >= move_out or due >= END:
            break
        if transfer_at and due >= transfer_at:
            cur_size = new_size
        amt = rent_for(cur_size, fac)
        if k == 0 and promo:
            amt = 1.0
        if insured == "Y":
            amt += 12.0 if cur_size in ("locker", "small") else 19.0
        pay_ts = due + timedelta(hours=R.uniform(1, 20))
        if within(pay_ts):
            if method == "DD" and chance(0.045 if not promo else 0.09):
                ledger.append((p, agr, pay_ts, "DD_FAILED", "DD", "Monthly rent", amt))
                if chance(0.35):
                    ticket(p, pay_ts + timedelta(hours=R.uniform(2, 72)), "Billing", mood=0.5)
                retry = pay_ts + timedelta(days=R.uniform(2, 6))
                if within(retry) and chance(0.85):
                    ledger.append((p, agr, retry, "PAYMENT", "CARD", "Monthly rent", amt))
            else:
                ledger.append((p, agr, pay_ts, "PAYMENT", method, "Monthly rent", amt))
        k += 1
    # gate visits
    t = max(move_in, START)
    last = min(move_out, END)
    rate = {"Business": 6.0, "Household": 1.6, "Student": 0.9}[p.segment]
    uses_app = chance(0.8)
    if within(move_in) and move_in < last:
        g = move_in + timedelta(hours=R.uniform(8, 17))
        gates.append((p, fac, g, "ENTRY_GRANTED", "APP" if uses_app else "KEYPAD"))
    while True:
        t = t + timedelta(days=R.expovariate(rate / 30))
        if t >= last:
            break
        g = at(t, GATE_HOURS)
        if not within(g):
            continue
        method_g = "APP" if uses_app else "KEYPAD"
        if inw(g, GATE_OUTAGE) and method_g == "APP":
            gates.append((p, fac, g, "ENTRY_DENIED", "APP"))
            if chance(0.35):
                ticket(
                    p, g + timedelta(minutes=R.uniform(2, 40)), "Gate code not working", mood=1.2
                )
            if chance(0.6):
                gates.append(
                    (p, fac, g + timedelta(minutes=R.uniform(5, 30)), "ENTRY_GRANTED", "KEYPAD")
                )
            continue
        if chance(0.012):
            gates.append((p, fac, g, "ENTRY_DENIED", method_g))
            if chance(0.25):
                ticket(
                    p, g + timedelta(minutes=R.uniform(2, 60)), "Gate code not working", mood=0.4
                )
            continue
        gates.append((p, fac, g, "ENTRY_GRANTED", method_g))
    # other tickets
    months = max(0.0, (last - max(move_in, START)).days / 30.4)
    if chance(min(0.9, 0.012 * months)):
        ticket(
            p,
            at(max(move_in, START) + timedelta(days=R.uniform(0, months * 30)), OFFICE),
            "Damaged unit",
            1.0,
        )
    if chance(min(0.9, 0.006 * months)):
        ticket(
            p,
            at(max(move_in, START) + timedelta(days=R.uniform(0, months * 30)), OFFICE),
            "Pest",
            1.0,
        )
    if chance(0.08):
        ticket(
            p, at(max(move_in, START) + timedelta(days=R.uniform(0, 40)), OFFICE), "General enquiry"
        )
    if within(move_out):
        moves.append(
            (p, agr, fac, cur_size, "MOVE_OUT", move_out, rent_for(cur_size, fac), "", insured, via)
        )
        if chance(0.3):
            ledger.append(
                (p, agr, move_out + timedelta(hours=10), "MERCH", "CARD", "Boxes & packing", 24.95)
            )


def traffic_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() >= 5:
        w *= 0.8
    if is_uni_peak(dt):
        w *= 1.25
    if dt.month == 1:
        w *= 1.15  # new year moves
    return w


def prospect(d, source=None, seg=None):
    seg = seg or (
        "Student" if is_uni_peak(datetime(d.year, d.month, d.day)) and chance(0.35) else None
    )
    p = Person(seg)
    source = source or pick(SOURCES, SOURCE_W)
    t = at(d)
    fac = pick_fac(t)
    if (
        source == "google_maps / gbp"
        and chance(0.4)
        and t >= BNE_NORTH_OPEN
        and t < BNE_NORTH_OPEN + timedelta(days=90)
    ):
        fac = "BNE02"  # the new facility shows up on Maps
    size = {
        "Student": pick(SIZES, [0.45, 0.45, 0.1, 0, 0]),
        "Business": pick(SIZES, [0.05, 0.15, 0.3, 0.25, 0.25]),
        "Household": pick(SIZES, [0.08, 0.3, 0.35, 0.17, 0.1]),
    }[p.segment]
    p_quote = {
        "google / cpc": 0.36,
        "google / organic": 0.3,
        "google_maps / gbp": 0.42,
        "storagefinder / referral": 0.45,
        "referral / friend": 0.5,
        "facebook / paid_social": 0.16,
        "(direct) / (none)": 0.33,
    }[source]
    promo = inw(t, PROMO)
    p_book = 0.4 * (1.35 if promo else 1.0)
    for s in range(R.choice([1, 1, 2, 2, 3])):
        if s:
            t = t + timedelta(days=R.uniform(0.3, 9))
            if chance(0.5):
                source = pick(["(direct) / (none)", "google / organic", source], [3, 2, 3])
        if not w_event(p, t, "page_view", source, fac=fac):
            return p
        w_event(p, t + timedelta(minutes=R.uniform(0.5, 3)), "unit_search", source, size, fac)
        t = t + timedelta(minutes=R.uniform(4, 9))
        if chance(p_quote):
            if p.email is None:
                p.email = h(f"lead{p.cookie}")[:16]
            w_event(p, t, "quote_requested", source, size, fac)
            break
    else:
        return p
    if not chance(p_book):
        if chance(0.12):
            # rang the facility instead, signed at the counter
            signed = at(day(t) + timedelta(days=R.randrange(1, 6)), OFFICE)
            if within(signed):
                tenancy(p, signed, size, fac, "Phone")
        return p
    b = (
        t + timedelta(minutes=R.uniform(2, 30))
        if chance(0.6)
        else t + timedelta(days=R.uniform(0.5, 6))
    )
    if not w_event(p, b, "move_in_booked", source, size, fac):
        return p
    if not chance(0.88):
        return p
    signed = b + timedelta(hours=R.uniform(0.1, 30))
    if within(signed):
        tenancy(p, signed, size, fac, "Website")
    return p


def walk_in(d):
    p = Person()
    t = at(d, OFFICE)
    fac = pick_fac(t)
    size = pick(SIZES, [0.08, 0.3, 0.32, 0.15, 0.15])
    tenancy(p, t, size, fac, pick(["Walk-in", "Phone"], [0.5, 0.5]), promo_ok=False)


def existing_tenant():
    p = Person()
    fac = pick(
        [f for f in FACILITIES if f != "BNE02"], [FAC_W[f] for f in FACILITIES if f != "BNE02"]
    )
    start = START - timedelta(days=R.uniform(5, 900))
    start = day(start)
    size = pick(SIZES, [0.08, 0.3, 0.35, 0.15, 0.12])
    p.tenant = f"T{nxt('tenant')}"
    p.email = h(f"mail{p.tenant}")[:16]
    p.created = start
    tenants.append(p)
    p.fac = fac
    tenancy(
        p, start, size, fac, pick(["Website", "Phone", "Walk-in"], [0.5, 0.3, 0.2]), existing=True
    )


def simulate():
    for _ in range(2100):
        existing_tenant()
    for k in range(N_DAYS):
        d = (START + timedelta(days=k)).date()
        dt = datetime(d.year, d.month, d.day)
        w = traffic_weight(d)
        mix = list(SOURCE_W)
        if dt >= ADS_CUT:
            mix[0] *= 0.35  # Google Ads budget cut
        if dt >= BNE_NORTH_OPEN:
            mix[2] *= 1.1
        n = poisson(17 * w * (0.82 if dt >= ADS_CUT else 1.0) / 1.0)
        for _ in range(n):
            prospect(d, pick(SOURCES, mix))
        for _ in range(poisson(1.1 * (1.3 if is_uni_peak(dt) else 1.0))):
            walk_in(d)


def local_iso(ts):
    aware = ts.replace(tzinfo=TZ)
    return aware.isoformat(timespec="seconds")


def epoch(ts):
    return int(ts.replace(tzinfo=TZ).timestamp())


def write(folder: Path):
    with open(folder / "web_analytics.jsonl", "w") as f:
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "timestamp": local_iso(r[0]),
                "cookieId": r[1],
                "leadEmailHash": r[2] or None,
                "event": r[3],
                "utmSourceMedium": r[4],
                "unitSize": r[5] or None,
                "facilityId": r[6] or None,
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "pms_tenants.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["TenantNo", "EmailHash", "CreatedDate", "HomeFacility", "City", "TenantType"])
        for p in sorted(tenants, key=lambda p: p.tenant):
            fac = p.fac or next((m[2] for m in moves if m[0] is p), None) or "SYD01"
            w.writerow(
                [p.tenant, p.email, f"{p.created:%d/%m/%Y}", fac, FACILITIES[fac][1], p.segment]
            )
    with open(folder / "pms_movements.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "AgreementNo",
                "TenantNo",
                "FacilityId",
                "FacilityName",
                "UnitSize",
                "Movement",
                "MovementDate",
                "MonthlyRentCents",
                "PromoCode",
                "InsuranceCover",
                "BookedVia",
            ]
        )
        for p, agr, fac, size, kind, ts, rent, promo, ins, via in sorted(
            moves, key=lambda r: (r[5], r[1], r[4])
        ):
            if not within(ts):
                continue
            when = f"{ts:%d/%m/%Y %H:%M}" if kind == "SIGNED" else f"{ts:%d/%m/%Y}"
            w.writerow(
                [
                    agr,
                    p.tenant,
                    fac,
                    FACILITIES[fac][0],
                    SIZE_CODE[size],
                    kind,
                    when,
                    int(rent * 100),
                    promo,
                    ins,
                    via,
                ]
            )
    gate_rows = []
    for p, fac, ts, code, via in sorted(gates, key=lambda r: (r[2], r[0].tenant)):
        gate_rows.append((epoch(ts), fac, p.tenant, code, via))
    with open(folder / "gate_access_log.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["epoch_s", "site", "tenant_no", "event_code", "access_method"])
        w.writerows(gate_rows)
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    con.execute(
        "COPY (SELECT to_timestamp(epoch_s) AS event_time_utc, * FROM read_csv(?)) TO '"
        + str(folder / "gate_access_log.parquet").replace("'", "''")
        + "' (FORMAT parquet)",
        [str(folder / "gate_access_log.csv")],
    )
    con.close()
    (folder / "gate_access_log.csv").rename(folder / "_gate_access_log_raw.csv")
    with open(folder / "billing_ledger.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "TxnId",
                "TenantNo",
                "AgreementNo",
                "PostedAt",
                "TxnType",
                "Method",
                "Description",
                "AmountAUD",
                "ReceivedAUD",
            ]
        )
        for i, (p, agr, ts, kind, meth, desc, amt) in enumerate(
            sorted(ledger, key=lambda r: (r[2], r[1], r[3]))
        ):
            if within(ts):
                w.writerow(
                    [
                        f"BL{i + 1:07d}",
                        p.tenant,
                        agr,
                        f"{ts:%Y-%m-%d %H:%M:%S}",
                        kind,
                        meth,
                        desc,
                        f"{amt:.2f}",
                        "" if kind == "DD_FAILED" else f"{amt:.2f}",
                    ]
                )

    def fmt(ts):
        return f"{ts:%d/%m/%Y %H:%M}" if ts else ""

    with open(folder / "helpdesk_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "Ticket ID",
                "Tenant No",
                "Requester Email Hash",
                "Created",
                "First Response",
                "Resolved",
                "Category",
                "Channel",
                "Complaint",
                "Satisfaction",
            ]
        )
        for r in sorted(tickets, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], fmt(r[3]), fmt(r[4]), fmt(r[5]), r[6], r[7], r[8], r[9]])
    with open(folder / "ads_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Channel", "Spend (AUD)"])
        m = datetime(2025, 12, 1)
        while m < END:
            for ch, amt in [("Google Ads", 21000), ("Meta", 6500), ("StorageFinder", 7800)]:
                if ch == "Google Ads" and m >= ADS_CUT:
                    amt = 8000
                if ch == "StorageFinder":
                    amt = 7800 * (1.1 if m.month in (6, 7, 12) else 1.0)
                w.writerow([f"{m:%b-%Y}", ch, f"{amt * R.uniform(0.93, 1.07):.2f}"])
            m = datetime(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="storage-src-") as tmp:
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
