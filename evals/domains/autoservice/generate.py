"""Autoservice evaluation domain: TyrePro, a Malaysian car-service and tyre chain (25 workshops).

    python generate.py OUT.duckdb

Writes TyrePro's own exports (seeded: the same files every run) to a temporary folder —

  booking_web.jsonl       booking website events: cookie_id always, customer_no after login
                          (login is needed to pick a slot), ISO UTC times with Z
  whatsapp_bookings.csv   WhatsApp Business booking export: phone, "dd/mm/yyyy, HH:MM" local
  pelanggan.csv           workshop system customer master (cust_no, phone, city, vehicle, type)
  workshop_jobs.csv       workshop system job log: DD/MM/YYYY HH:mm local, amounts in sen,
                          Malay event codes (DAFTAR_MASUK, PERIKSA, SEBUT_HARGA, ...)
  aduan.csv               workshop system complaints (customer care)
  reminder_sms.csv        reminder SMS log (phone, local "YYYY-MM-DD HH:MM:SS")
  care_billing.csv        TyrePro Care subscription billing (ISO with +08:00)
  reviews_export.csv      review export (Google / Facebook / SMS survey), stars 1-5, ISO UTC
  ads_monthly.csv         monthly ads sheet (Google, Facebook, Carousell) in MYR

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
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = Path(os.environ.get("TPA_REPO", "/work/main"))
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20261207
START = datetime(2025, 12, 7)
END = datetime(2026, 12, 7)  # as_of (Monday); data ends the day before
N_DAYS = (END - START).days
RAYA_RUSH = (
    datetime(2026, 3, 6),
    datetime(2026, 3, 20),
)  # balik kampung checks before Hari Raya (20 Mar)
NEW_WORKSHOP_OPEN = datetime(2026, 5, 16)  # TyrePro Bayan Lepas (Penang) opens, a Saturday
CARE_LAUNCH = datetime(2026, 6, 1)  # TyrePro Care plan launched
TYRE_PRICE_RISE = datetime(2026, 8, 1)  # tyre prices +12%
OUTAGE = (datetime(2026, 10, 9), datetime(2026, 10, 11))  # booking website down 9-10 Oct

R = random.Random(SEED)

WORKSHOPS = {
    "Kuala Lumpur": [
        "TyrePro Cheras",
        "TyrePro Kepong",
        "TyrePro Setapak",
        "TyrePro Bangsar",
        "TyrePro Petaling Jaya",
        "TyrePro Subang Jaya",
        "TyrePro Shah Alam",
        "TyrePro Puchong",
        "TyrePro Ampang",
        "TyrePro Klang",
        "TyrePro Kajang",
        "TyrePro Sri Petaling",
    ],
    "Pulau Pinang": [
        "TyrePro Georgetown",
        "TyrePro Jelutong",
        "TyrePro Butterworth",
        "TyrePro Bukit Mertajam",
        "TyrePro Air Itam",
        "TyrePro Seberang Jaya",
        "TyrePro Bayan Lepas",
    ],
    "Johor Bahru": [
        "TyrePro Skudai",
        "TyrePro Tebrau",
        "TyrePro Larkin",
        "TyrePro Permas Jaya",
        "TyrePro Kulai",
        "TyrePro Pasir Gudang",
    ],
}
CITY_W = {"Kuala Lumpur": 0.52, "Pulau Pinang": 0.25, "Johor Bahru": 0.23}
SERVICES = ["Tyre Change", "Wheel Alignment", "Battery", "Oil Service", "Brake Pads"]
SERVICE_W = [0.27, 0.17, 0.14, 0.30, 0.12]
# workshop system service codes (Malay)
SERVICE_CODE = {
    "Tyre Change": "TUKAR TAYAR",
    "Wheel Alignment": "JAJARAN RODA",
    "Battery": "BATERI",
    "Oil Service": "SERVIS MINYAK",
    "Brake Pads": "PAD BREK",
}
PRICE = {
    "Tyre Change": (480, 1500),
    "Wheel Alignment": (60, 120),
    "Battery": (220, 460),
    "Oil Service": (140, 340),
    "Brake Pads": (180, 420),
}
VEHICLES = ["Kereta", "SUV", "MPV", "Pikap"]
VEHICLE_W = [0.55, 0.22, 0.15, 0.08]
WEB_SOURCES = ["google_maps", "facebook", "carousell", "organic", "direct"]
WEB_SOURCE_W = [0.38, 0.22, 0.12, 0.14, 0.14]


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
    0.2,
    0.1,
    0.1,
    0.1,
    0.1,
    0.2,
    0.6,
    1.5,
    2.5,
    3,
    3,
    3,
    3.5,
    3,
    2.8,
    2.8,
    3,
    3,
    3.2,
    4,
    4.5,
    4.2,
    3,
    1,
]
SHOP_HOURS = [0] * 9 + [4, 5, 5, 4, 4, 4, 4, 3, 2, 1] + [0] * 5


def at(d, hours=HOURS):
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def inw(ts, w):
    return w[0] <= ts < w[1]


def within(ts):
    return START <= ts < END


web, wa, jobs, complaints, sms, billing, reviews = ([] for _ in range(7))
customers = []
seq = {"cust": 200000, "job": 0, "cookie": 0, "cmp": 0, "inv": 0, "phone": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Person:
    def __init__(self, city=None):
        self.city = city or pick(list(CITY_W), list(CITY_W.values()))
        self.cookie = None
        self.cid = None
        self.phone = None
        self.vehicle = pick(VEHICLES, VEHICLE_W)
        self.ctype = "Syarikat" if chance(0.06) else "Individu"
        self.created = None
        self.care = None  # plan name once subscribed
        self.home = None


def workshop_of(p, ts):
    if p.home is None or (p.home == "TyrePro Bayan Lepas" and ts < NEW_WORKSHOP_OPEN):
        opts = [
            w for w in WORKSHOPS[p.city] if w != "TyrePro Bayan Lepas" or ts >= NEW_WORKSHOP_OPEN
        ]
        if p.city == "Pulau Pinang" and ts >= NEW_WORKSHOP_OPEN and chance(0.35):
            return "TyrePro Bayan Lepas"
        return R.choice(opts)
    return p.home


def phone_of(p):
    if p.phone is None:
        p.phone = "+601" + str(10000000 + int(h(f"ph{nxt('phone')}")[:7], 16) % 89999999)
    return p.phone


def register(p, ts):
    if p.cid is None:
        p.cid = f"TP{nxt('cust')}"
        p.created = ts
        phone_of(p)
        customers.append(p)


def w_event(p, ts, name, source, service="", workshop=""):
    if not within(ts):
        return False
    if p.cookie is None:
        p.cookie = "ck_" + h(f"cookie{nxt('cookie')}")[:16]
    web.append((ts, p.cookie, p.cid or "", name, source, service, workshop))
    return True


def season(ts, service):
    """How much more likely a service is on this day (Hari Raya, monsoon)."""
    f = 1.0
    if inw(ts, RAYA_RUSH) and service in ("Tyre Change", "Battery"):
        f *= 2.6
    if ts.month in (11, 12) and service == "Tyre Change":
        f *= 1.7
    return f


def choose_service(ts):
    w = [SERVICE_W[i] * season(ts, s) for i, s in enumerate(SERVICES)]
    return pick(SERVICES, w)


def price(service, ts):
    lo, hi = PRICE[service]
    v = math.exp(R.uniform(math.log(lo), math.log(hi)))
    if service == "Tyre Change" and ts >= TYRE_PRICE_RISE:
        v *= 1.12
    return v


def visit(p, ts, service, via, source=""):
    """A workshop visit: check-in, inspection, quote, payment, review, complaint, reminder."""
    if not within(ts):
        return None
    register(p, ts)
    shop = workshop_of(p, ts)
    if p.home is None:
        p.home = shop
    job = f"J{nxt('job'):07d}"
    rush = inw(ts, RAYA_RUSH)
    rows = []
    rows.append((ts, "DAFTAR_MASUK", 0, ""))
    insp = ts + timedelta(minutes=R.uniform(10, 35) * (2.6 if rush else 1.0))
    rows.append((insp, "PERIKSA", 0, ""))
    base = price(service, ts)
    extra = 0.0
    quoted = chance(0.55)
    declined = False
    if quoted:
        q = insp + timedelta(minutes=R.uniform(10, 30))
        qv = math.exp(R.uniform(math.log(80), math.log(650)))
        rows.append((q, "SEBUT_HARGA", round(qv * 100), ""))
        p_ok = 0.58 if ts < TYRE_PRICE_RISE else 0.50
        if p.care:
            p_ok += 0.1
        if chance(p_ok):
            extra = qv
            rows.append((q + timedelta(minutes=R.uniform(2, 25)), "LULUS", round(qv * 100), ""))
        else:
            declined = True
            rows.append((q + timedelta(minutes=R.uniform(2, 25)), "TOLAK", round(qv * 100), ""))
    dur = {
        "Tyre Change": 50,
        "Wheel Alignment": 40,
        "Battery": 20,
        "Oil Service": 45,
        "Brake Pads": 70,
    }[service]
    wait = (
        R.uniform(0.7, 1.5) * dur
        + (R.uniform(40, 150) if rush else R.uniform(0, 40))
        + (50 if extra else 0)
    )
    paid_at = rows[-1][0] + timedelta(minutes=wait)
    total = base + extra
    disc = {"Care Basic": 0.1, "Care Plus": 0.15}.get(p.care, 0.0)
    total *= 1 - disc
    method = pick(
        ["KAD", "DUITNOW_QR", "TUNAI"],
        [0.42, 0.36 if ts.month < 6 else 0.46, 0.22 if ts.month < 6 else 0.12],
    )
    rows.append((paid_at, "BAYAR", round(total * 100), method))
    for t, code, sen, m in rows:
        if within(t):
            jobs.append(
                (
                    job,
                    p.cid,
                    p.phone,
                    shop,
                    p.city,
                    t,
                    code,
                    SERVICE_CODE[service],
                    sen,
                    m,
                    via,
                    disc > 0,
                )
            )
    if not within(paid_at):
        return job
    wait_h = (paid_at - ts).total_seconds() / 3600
    # complaints
    reason = None
    if wait_h > 2.4 and chance(0.22):
        reason = "Lama menunggu"
    elif service == "Tyre Change" and chance(0.02):
        reason = "Wrong tyre"
    elif declined and chance(0.07 if ts < TYRE_PRICE_RISE else 0.11):
        reason = "Upsell"
    elif chance(0.006):
        reason = "Lain-lain"
    if reason:
        o = paid_at + timedelta(hours=R.uniform(1, 48))
        if within(o):
            ch = pick(["WhatsApp", "Phone", "Walk-in"], [0.55, 0.3, 0.15])
            fr = o + timedelta(
                hours={
                    "WhatsApp": R.uniform(0.1, 6),
                    "Phone": R.uniform(0.02, 0.3),
                    "Walk-in": 0.05,
                }[ch]
            )
            res = fr + timedelta(hours=R.uniform(4, 96))
            csat = max(1, min(5, round(R.gauss(3.2, 1.0)))) if chance(0.4) else ""
            complaints.append(
                (
                    f"ADU-{nxt('cmp'):05d}",
                    p.cid,
                    job,
                    shop,
                    o,
                    fr,
                    res if res < END and chance(0.95) else None,
                    reason,
                    ch,
                    csat,
                )
            )
    # review
    if chance(0.3):
        t = paid_at + timedelta(hours=R.uniform(1, 72))
        if within(t):
            mean = (
                4.4
                - (0.9 if wait_h > 2.4 else 0)
                - (1.2 if reason else 0)
                - (0.3 if declined else 0)
            )
            stars = max(1, min(5, round(R.gauss(mean, 0.8))))
            plat = pick(["Google", "Facebook", "SMS Survey"], [0.55, 0.15, 0.3])
            reviews.append((p.cid, job, shop, t, stars, plat, service))
    # Care plan offer
    if ts >= CARE_LAUNCH and p.care is None and chance(0.17):
        plan = pick(["Care Basic", "Care Plus"], [0.7, 0.3])
        t = paid_at + timedelta(minutes=R.uniform(1, 20))
        if within(t):
            p.care = plan
            inv = f"INV-C{nxt('inv'):06d}"
            billing.append((inv, p.cid, t, "NEW", plan, 99.0 if plan == "Care Basic" else 199.0))
            if chance(0.05):
                c = t + timedelta(days=R.uniform(1, 14))
                if within(c):
                    billing.append(
                        (
                            f"INV-C{nxt('inv'):06d}",
                            p.cid,
                            c,
                            "CANCEL",
                            plan,
                            -(99.0 if plan == "Care Basic" else 199.0),
                        )
                    )
                    p.care = None
    # reminder and return visit
    months = (
        R.uniform(3.5, 6.0) if service in ("Oil Service", "Tyre Change", "Wheel Alignment") else 6.0
    )
    rem = paid_at + timedelta(days=30.4 * months)
    rem = datetime(rem.year, rem.month, rem.day, 10, R.randrange(60), 0)
    if within(rem):
        kind = "6BULAN" if months == 6.0 or chance(0.3) else "5000KM"
        sms.append((rem, p.phone, p.cid, kind, "DELIVERED" if chance(0.94) else "FAILED"))
    if p.care:
        if chance(0.6):
            back = paid_at + timedelta(days=R.uniform(45, 120))
            rebook(p, back)
    elif chance(0.33):
        back = rem + timedelta(days=R.uniform(1, 25))
        rebook(p, back)
    return job


def rebook(p, day):
    if not within(day):
        return
    d = day.date()
    svc = choose_service(day)
    if svc == "Battery" and chance(0.5):
        svc = "Oil Service"
    route = pick(["web", "wa", "walk"], [0.45, 0.3, 0.25])
    book(p, d, route, svc, pick(["direct", "organic", "google_maps"], [5, 2, 2]))


def book(p, d, route, service, source):
    t = at(d)
    if route == "walk":
        t = at(d, SHOP_HOURS)
        visit(p, t, service, "WALK_IN")
        return
    slot_day = d + timedelta(days=R.choice([0, 1, 1, 2, 2, 3, 4, 6]))
    slot = at(slot_day, SHOP_HOURS)
    if slot <= t:
        slot = t + timedelta(hours=R.uniform(2, 5))
    if route == "web":
        if not w_event(p, t, "landing", source):
            return
        w_event(p, t + timedelta(minutes=R.uniform(0.5, 3)), "service_view", source, service)
        t2 = t + timedelta(minutes=R.uniform(3, 8))
        p_slot = 0.55 if p.cid is None else 0.8
        if not chance(p_slot):
            return
        register(p, t2)  # login / sign-up needed to pick a slot
        w_event(p, t2, "login", source)
        shop = workshop_of(p, slot)
        w_event(p, t2 + timedelta(minutes=R.uniform(1, 3)), "slot_selected", source, service, shop)
        if inw(t2, OUTAGE):
            # the booking site errors out; half try WhatsApp instead the same day
            if chance(0.5):
                book_wa(
                    p, t2 + timedelta(minutes=R.uniform(10, 120)), service, slot, confirm_p=0.85
                )
            return
        if not chance(0.86):
            return
        w_event(
            p, t2 + timedelta(minutes=R.uniform(3, 6)), "booking_confirmed", source, service, shop
        )
        if chance(0.88):
            visit(p, slot, service, "WEB", source)
        return
    book_wa(p, t, service, slot)


def book_wa(p, t, service, slot, confirm_p=0.68):
    if not within(t):
        return
    phone_of(p)
    wa.append((t, p.phone, "Pertanyaan", service, ""))
    if chance(confirm_p):
        t2 = t + timedelta(minutes=R.uniform(3, 90))
        if inw(t, OUTAGE):
            t2 = t + timedelta(minutes=R.uniform(30, 240))  # the team was swamped
        shop = workshop_of(p, slot)
        wa.append((t2, p.phone, "Disahkan", service, shop))
        if chance(0.85):
            visit(p, slot, service, "WHATSAPP")


def day_weight(d):
    dt = datetime(d.year, d.month, d.day)
    w = 1.0
    if d.weekday() == 5:
        w *= 1.35
    if d.weekday() == 6:
        w *= 1.15
    if inw(dt, RAYA_RUSH):
        w *= 1.9
    if dt.month in (11, 12):
        w *= 1.25
    if datetime(2026, 3, 20) <= dt < datetime(2026, 3, 24):
        w *= 0.3  # Hari Raya holiday itself
    return w


def newcomer(d):
    p = Person()
    dt = datetime(d.year, d.month, d.day)
    if p.city == "Pulau Pinang" and dt >= NEW_WORKSHOP_OPEN and chance(0.3):
        p.home = "TyrePro Bayan Lepas"
    service = choose_service(dt)
    route = pick(["web", "wa", "walk"], [0.58, 0.22, 0.20])
    source = pick(WEB_SOURCES, WEB_SOURCE_W)
    book(p, d, route, service, source)


def existing():
    """A customer from before the period: comes back after a reminder."""
    p = Person()
    p.cid = f"TP{nxt('cust')}"
    p.created = START - timedelta(days=R.uniform(60, 1500))
    phone_of(p)
    customers.append(p)
    p.home = R.choice([w for w in WORKSHOPS[p.city] if w != "TyrePro Bayan Lepas"])
    last = START - timedelta(days=R.uniform(1, 180))
    rem = last + timedelta(days=182)
    rem = datetime(rem.year, rem.month, rem.day, 10, R.randrange(60))
    if within(rem):
        sms.append((rem, p.phone, p.cid, "6BULAN", "DELIVERED" if chance(0.94) else "FAILED"))
        if chance(0.5):
            rebook(p, rem + timedelta(days=R.uniform(1, 30)))
    elif chance(0.3):
        rebook(p, START + timedelta(days=R.uniform(0, N_DAYS)))


def simulate():
    for _ in range(2300):
        existing()
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        for _ in range(poisson(19 * day_weight(d))):
            newcomer(d)


def write(folder: Path):
    def utcz(ts):  # naive Kuala Lumpur local -> UTC with Z
        return f"{ts - timedelta(hours=8):%Y-%m-%dT%H:%M:%S}Z"

    with open(folder / "booking_web.jsonl", "w") as f:
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "ts": utcz(r[0]),
                "cookie_id": r[1],
                "customer_no": r[2] or None,
                "event": r[3],
                "utm_source": r[4],
                "service": r[5] or None,
                "workshop": r[6] or None,
            }
            f.write(json.dumps(obj) + "\n")
    with open(folder / "whatsapp_bookings.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Masa", "No Telefon", "Status", "Perkhidmatan", "Cawangan"])
        for r in sorted(wa, key=lambda r: (r[0], r[1])):
            w.writerow([f"{r[0]:%d/%m/%Y, %H:%M}", r[1], r[2], r[3], r[4]])
    with open(folder / "pelanggan.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["cust_no", "phone", "registered", "city", "vehicle_type", "customer_type", "care_plan"]
        )
        for p in sorted(customers, key=lambda p: p.cid):
            w.writerow(
                [
                    p.cid,
                    p.phone,
                    f"{p.created:%d/%m/%Y %H:%M}",
                    p.city,
                    p.vehicle,
                    p.ctype,
                    p.care or "Tiada",
                ]
            )
    with open(folder / "workshop_jobs.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "job_no",
                "cust_no",
                "phone",
                "branch",
                "city",
                "event_time",
                "event_code",
                "service_code",
                "amount_sen",
                "pay_method",
                "booked_via",
                "care_discount",
            ]
        )
        for r in sorted(jobs, key=lambda r: (r[5], r[0], r[6])):
            w.writerow(
                [
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    f"{r[5]:%d/%m/%Y %H:%M}",
                    r[6],
                    r[7],
                    r[8] or "",
                    r[9],
                    r[10],
                    "Y" if r[11] else "N",
                ]
            )
    with open(folder / "aduan.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "complaint_no",
                "cust_no",
                "job_no",
                "branch",
                "opened",
                "first_reply",
                "closed",
                "reason",
                "via",
                "satisfaction",
            ]
        )
        fmt = lambda ts: f"{ts:%d/%m/%Y %H:%M}" if ts else ""  # noqa: E731
        for r in sorted(complaints, key=lambda r: r[0]):
            w.writerow([r[0], r[1], r[2], r[3], fmt(r[4]), fmt(r[5]), fmt(r[6]), r[7], r[8], r[9]])
    with open(folder / "reminder_sms.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["sent_at", "msisdn", "cust_ref", "reminder_type", "delivery_status"])
        for r in sorted(sms, key=lambda r: (r[0], r[1])):
            w.writerow([f"{r[0]:%Y-%m-%d %H:%M:%S}", r[1], r[2], r[3], r[4]])
    with open(folder / "care_billing.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["invoice_id", "customer_ref", "billed_at", "billing_event", "plan", "amount_myr"]
        )
        for r in sorted(billing, key=lambda r: (r[2], r[0])):
            w.writerow([r[0], r[1], f"{r[2]:%Y-%m-%dT%H:%M:%S}+08:00", r[3], r[4], f"{r[5]:.2f}"])
    with open(folder / "reviews_export.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["customer_no", "job_no", "workshop", "submitted_utc", "rating", "platform", "service"]
        )
        for r in sorted(reviews, key=lambda r: (r[3], r[0])):
            w.writerow([r[0], r[1], r[2], utcz(r[3]), r[4], r[5], r[6]])
    with open(folder / "ads_monthly.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Month", "Platform", "Spend (MYR)"])
        base = {"Google": 38000, "Facebook": 24000, "Carousell": 9000}
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                f_ = R.uniform(0.9, 1.1)
                if m.month == 3 and ch in ("Google", "Facebook"):
                    f_ *= 1.6
                if m.month in (11, 12) and ch == "Google":
                    f_ *= 1.3
                if ch == "Facebook" and m >= date(2026, 9, 1):
                    f_ *= 1.5
                w.writerow([f"{m:%Y-%m}", ch, f"{amt * f_:.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="autoservice-src-") as tmp:
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
