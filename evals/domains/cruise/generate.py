"""Cruise evaluation domain: BlueHorizon Cruises, Asia-Pacific sailings from Singapore, Hong Kong,
Shanghai and Sydney.

    python generate.py OUT.duckdb

Writes BlueHorizon's own exports (seeded: the same files every run) to a temporary folder —

  web_analytics.jsonl     web analytics (snake_case, UTC with Z): cookie_id, guest_id after login
  guest_profiles.csv      reservation system guest profiles (GuestNo, Market, LoyaltyTier, Language)
  reservations.csv        reservation system events (DD-MMM-YYYY HH:MM, SGT), currency column
  agent_portal.csv        travel-agent (B2B) portal quotes (YYYY/MM/DD HH:MM, Singapore time)
  folio_export.csv        onboard folio system (ship-local time with %z, plus a UtcOffset column)
  post_cruise_survey.csv  survey tool (NPS 0-10), ISO times with +08:00
  guest_care_cases.csv    guest care desk cases
  marketing_spend.csv     monthly marketing spend per channel in USD

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

SEED = 20261204
START = datetime(2025, 12, 4)
END = datetime(2026, 12, 4)  # as_of; data ends the day before
N_DAYS = (END - START).days
AURORA_FIRST = date(2026, 5, 22)  # Horizon Aurora maiden sailing from Shanghai
AURORA_ON_SALE = datetime(2026, 3, 2)
TYPHOON_CXL = datetime(2026, 9, 12, 10)  # typhoon: two sailings cancelled
AU_INTERIOR_CUT = datetime(2026, 7, 1)  # interior fares -20% on Sydney sailings
COMMISSION_UP = datetime(2026, 10, 1)  # travel-agent commission 10% -> 14%
CNY = (date(2026, 2, 13), date(2026, 2, 22))  # Chinese New Year sailings (sold out)

R = random.Random(SEED)

PORTS = {"Singapore": "SGD", "Hong Kong": "HKD", "Shanghai": "CNY", "Sydney": "AUD"}
FX = {"SGD": 0.745, "HKD": 0.128, "CNY": 0.139, "AUD": 0.655, "USD": 1.0}
PORT_CODE = {"Singapore": "SIN", "Hong Kong": "HKG", "Shanghai": "SHA", "Sydney": "SYD"}
SHIPS = [
    ("Horizon Star", "Singapore", date(2025, 3, 1), 1600),
    ("Horizon Pearl", "Hong Kong", date(2025, 3, 3), 1400),
    ("Horizon Jade", "Shanghai", date(2025, 3, 2), 1500),
    ("Horizon Aurora", "Shanghai", AURORA_FIRST, 2200),
    ("Horizon Southern", "Sydney", date(2025, 3, 4), 1500),
]
NIGHTS_CYCLE = {
    "Singapore": [3, 4, 7, 3, 4, 10],
    "Hong Kong": [3, 5, 7, 4, 14],
    "Shanghai": [4, 5, 7, 4, 6],
    "Sydney": [7, 10, 14, 4, 12],
}
GRADES = ["Interior", "Ocean View", "Balcony", "Suite"]
GRADE_CODE = {"Interior": "IN", "Ocean View": "OV", "Balcony": "BA", "Suite": "SU"}
GRADE_W = [0.36, 0.24, 0.3, 0.1]
NIGHTLY_USD = {"Interior": 120, "Ocean View": 160, "Balcony": 225, "Suite": 450}
MARKET_OF_PORT = {
    "Singapore": (["Singapore", "Malaysia", "Indonesia", "Other"], [0.55, 0.2, 0.15, 0.1]),
    "Hong Kong": (["Hong Kong", "Mainland China", "Taiwan", "Other"], [0.55, 0.3, 0.1, 0.05]),
    "Shanghai": (["Mainland China", "Hong Kong", "Other"], [0.88, 0.07, 0.05]),
    "Sydney": (["Australia", "New Zealand", "Other"], [0.82, 0.12, 0.06]),
}
PORT_W = {"Singapore": 0.3, "Hong Kong": 0.22, "Shanghai": 0.25, "Sydney": 0.23}
AGENCIES = [
    ("AG1001", "Harvey World Travel", "Sydney"),
    ("AG1002", "Flight Centre AU", "Sydney"),
    ("AG1003", "Chan Brothers Travel", "Singapore"),
    ("AG1004", "Dynasty Travel", "Singapore"),
    ("AG1005", "Wing On Travel", "Hong Kong"),
    ("AG1006", "EGL Tours", "Hong Kong"),
    ("AG1007", "春秋旅游", "Shanghai"),
    ("AG1008", "锦江旅游", "Shanghai"),
]


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
    0.2,
    0.1,
    0.1,
    0.1,
    0.2,
    0.5,
    1,
    2,
    2.6,
    3,
    3,
    3.2,
    3,
    2.8,
    2.8,
    3,
    3.2,
    3.6,
    4.4,
    5,
    4.8,
    3.2,
    1.2,
]
OFFICE = [0] * 9 + [3, 4, 4, 3, 4, 4, 4, 3, 2] + [0] * 6


def at(d, hours=HOURS):
    if isinstance(d, datetime):
        d = d.date()
    hr = R.choices(range(24), weights=hours)[0]
    return datetime(d.year, d.month, d.day, hr, R.randrange(60), R.randrange(60))


def within(ts):
    return START <= ts < END


class Sailing:
    def __init__(self, ship, port, dep, nights, cap):
        self.ship, self.port, self.dep, self.nights = ship, port, dep, nights
        self.code = f"{ship.split()[1][:2].upper()}{dep:%y%m%d}"
        self.cap = cap // 10  # cabins we simulate (sample)
        self.sold = 0
        self.cancelled = False
        self.guests = []


def build_sailings():
    out = []
    for ship, port, first, cap in SHIPS:
        d, i = first, 0
        while d < date(2027, 10, 1):
            n = NIGHTS_CYCLE[port][i % len(NIGHTS_CYCLE[port])]
            out.append(Sailing(ship, port, d, n, cap))
            d += timedelta(days=n)
            i += 1
    return out


SAILINGS = build_sailings()
BY_PORT = {p: [s for s in SAILINGS if s.port == p] for p in PORTS}
# typhoon: the Hong Kong and Shanghai (Jade) sailings departing around 13-14 Sep
TYPHOON = []
for port, ship in (("Hong Kong", "Horizon Pearl"), ("Shanghai", "Horizon Jade")):
    cand = [s for s in BY_PORT[port] if s.ship == ship and s.dep >= date(2026, 9, 12)]
    cand[0].cancelled = True
    TYPHOON.append(cand[0])
for s in SAILINGS:
    if CNY[0] <= s.dep <= CNY[1]:
        s.cap = int(s.cap * 0.45)  # sells out early (CNY demand vs the sample's capacity)

web, guests, resv, quotes, folio, survey, cases = ([] for _ in range(7))
seq = {"guest": 300000, "res": 7100000, "quote": 0, "folio": 0, "case": 0, "cookie": 0}


def nxt(k):
    seq[k] += 1
    return seq[k]


class Guest:
    def __init__(self, port):
        self.port = port
        mk, mw = MARKET_OF_PORT[port]
        self.market = pick(mk, mw)
        self.lang = {"Mainland China": "zh-CN", "Hong Kong": "zh-HK", "Taiwan": "zh-TW"}.get(
            self.market, "en"
        )
        self.tier = pick(["Blue", "Silver", "Gold", "Platinum"], [0.6, 0.25, 0.11, 0.04])
        self.gno = None
        self.cookie = None
        self.created = None


def identify(g, ts):
    if g.gno is None:
        g.gno = f"G{nxt('guest')}"
        g.created = ts
        guests.append(g)


def w(g, ts, name, source, device, port="", grade="", logged=True):
    if not within(ts):
        return False
    if g.cookie is None:
        g.cookie = "ck_" + h(f"ck{nxt('cookie')}")[:16]
    web.append((ts, g.cookie, (g.gno or "") if logged else "", name, source, device, port, grade))
    return True


def fare_usd(s, grade, booked):
    usd = NIGHTLY_USD[grade] * s.nights * R.uniform(0.85, 1.2)
    if s.ship == "Horizon Aurora":
        usd *= 1.12
    if CNY[0] <= s.dep <= CNY[1]:
        usd *= 1.35
    if s.port == "Sydney" and grade == "Interior" and booked >= AU_INTERIOR_CUT:
        usd *= 0.8
    return usd


def res_row(ts, rid, g, s, typ, grade, cur, local, channel, agent="", extra="", commission=""):
    if within(ts):
        resv.append(
            (
                ts,
                rid,
                g.gno,
                typ,
                s.code,
                s.ship,
                s.port,
                s.dep,
                s.nights,
                GRADE_CODE[grade],
                cur,
                local,
                local * FX[cur],
                channel,
                agent,
                extra,
                commission,
            )
        )


def choose_sailing(port, ts, lead_lo=20, lead_hi=260):
    ship_ok = [
        s
        for s in BY_PORT[port]
        if s.dep > (ts + timedelta(days=lead_lo)).date()
        and s.dep < (ts + timedelta(days=lead_hi)).date()
        and not s.cancelled_by(ts)
    ]
    if not ship_ok:
        return None
    wts = [
        3.0 if CNY[0] <= s.dep <= CNY[1] else (1.6 if s.ship == "Horizon Aurora" else 1.0)
        for s in ship_ok
    ]
    return R.choices(ship_ok, weights=wts)[0]


def _cancelled_by(self, ts):
    return self.cancelled and ts >= TYPHOON_CXL


Sailing.cancelled_by = _cancelled_by


def book(g, ts, s, grade, channel, source, device, agent=None):
    """A deposit hold and everything after it."""
    if not within(ts):
        return None
    if s.sold >= s.cap:
        if channel == "WEB":
            w(g, ts, "waitlist_joined", source, device, s.port, grade)
        return None
    s.sold += 1
    identify(g, ts)
    cur = PORTS[s.port] if channel != "AGENT" or s.port != "Shanghai" else "CNY"
    if channel == "AGENT" and chance(0.2):
        cur = "USD"
    usd = fare_usd(s, grade, ts)
    total = round(usd / FX[cur], 2)
    rid = f"BH{nxt('res')}"
    comm = ""
    if agent:
        comm = "14" if ts >= COMMISSION_UP else "10"
    deposit = round(total * 0.15, 2)
    res_row(ts, rid, g, s, "HOLD", grade, cur, deposit, channel, agent or "", "", comm)
    dep_dt = datetime(s.dep.year, s.dep.month, s.dep.day)
    due = dep_dt - timedelta(days=60)
    paid = deposit
    # balance
    if chance(0.93):
        if due <= ts:
            bt = ts + timedelta(hours=R.uniform(1, 48))
        else:
            bt = ts + (due - ts) * R.uniform(0.3, 0.98)
        bt = at(bt)
        if bt < dep_dt:
            res_row(
                bt, rid, g, s, "BAL", grade, cur, round(total - deposit, 2), channel, agent or ""
            )
            paid = total
        # voluntary cancellation
        if chance(0.06):
            ct = bt + (dep_dt - bt) * R.uniform(0.05, 0.95)
            days = (dep_dt - ct).days
            fee = 0.1 if days > 90 else (0.5 if days > 30 else 1.0)
            res_row(
                ct,
                rid,
                g,
                s,
                "CXL",
                grade,
                cur,
                round(total * fee, 2),
                channel,
                agent or "",
                f"{days}",
            )
            refund = round(paid - total * fee, 2) if paid > total * fee else 0
            if refund > 0:
                res_row(
                    ct + timedelta(days=R.uniform(3, 14)),
                    rid,
                    g,
                    s,
                    "RFND",
                    grade,
                    cur,
                    refund,
                    channel,
                    agent or "",
                )
            s.sold -= 1
            return rid
    else:
        ct = due + timedelta(days=R.uniform(1, 5)) if due > ts else ts + timedelta(days=3)
        res_row(
            at(ct, OFFICE), rid, g, s, "CXL", grade, cur, deposit, channel, agent or "", "NONPAY"
        )
        s.sold -= 1
        return rid
    if s.cancelled:
        ct = TYPHOON_CXL + timedelta(minutes=R.uniform(0, 300))
        res_row(ct, rid, g, s, "CXL", grade, cur, 0.0, channel, agent or "", "TYPHOON")
        if chance(0.55):
            res_row(
                ct + timedelta(days=R.uniform(2, 6)),
                rid,
                g,
                s,
                "FCC",
                grade,
                cur,
                round(paid * 1.25, 2),
                channel,
                agent or "",
                "TYPHOON",
            )
            if chance(0.45):
                ns = choose_sailing(s.port, ct + timedelta(days=R.uniform(5, 40)), 20, 200)
                if ns:
                    book(
                        g,
                        at(ct + timedelta(days=R.uniform(5, 40))),
                        ns,
                        grade,
                        "WEB" if chance(0.6) else channel,
                        "newsletter",
                        "desktop",
                        agent,
                    )
        else:
            res_row(
                ct + timedelta(days=R.uniform(4, 12)),
                rid,
                g,
                s,
                "RFND",
                grade,
                cur,
                paid,
                channel,
                agent or "",
                "TYPHOON",
            )
        return rid
    # add-ons (bought on the website or app after login)
    src = "direct"
    dev = pick(["desktop", "mobile", "tablet"], [0.45, 0.48, 0.07])
    for kind, p, price in (("SHORE", 0.42, 95), ("DRINKS", 0.3, 60), ("WIFI", 0.36, 18)):
        if chance(p * (1.2 if grade in ("Balcony", "Suite") else 1.0)):
            t = at(ts + (dep_dt - ts) * R.uniform(0.2, 0.97))
            if t < dep_dt:
                w(g, t - timedelta(minutes=R.uniform(2, 8)), "page_view", src, dev, s.port)
                amt = (
                    price * (s.nights if kind != "SHORE" else R.randint(1, 3)) * R.uniform(0.9, 1.3)
                )
                res_row(t, rid, g, s, "ADDON", grade, cur, round(amt / FX[cur], 2), "WEB", "", kind)
    # online check-in
    if chance(0.82):
        w(g, at(dep_dt - timedelta(days=R.uniform(1, 10))), "online_checkin", src, dev, s.port)
    # embark / no-show
    emb = dep_dt + timedelta(hours=R.uniform(11, 15.5))
    off = "+10:00" if s.port == "Sydney" else "+08:00"
    if s.port == "Sydney" and not (date(2026, 4, 5) <= s.dep < date(2026, 10, 4)):
        off = "+11:00"
    fno = f"F{nxt('folio'):07d}"
    if chance(0.025):
        folio.append((emb, off, fno, g.gno, s.ship, s.code, "NOSHOW", "Gangway", 0.0))
        return rid
    folio.append((emb, off, fno, g.gno, s.ship, s.code, "EMBARK", "Gangway", 0.0))
    for n in range(s.nights):
        for _ in range(poisson(2.2 if grade != "Suite" else 3.0)):
            outlet = pick(
                ["Bar", "Casino", "Spa", "Specialty Dining", "Shops", "Photo"],
                [0.4, 0.12, 0.1, 0.18, 0.12, 0.08],
            )
            amt = {
                "Bar": 14,
                "Casino": 90,
                "Spa": 160,
                "Specialty Dining": 75,
                "Shops": 60,
                "Photo": 35,
            }[outlet]
            if s.market_mult > 0:
                amt *= s.market_mult
            t = datetime(s.dep.year, s.dep.month, s.dep.day) + timedelta(
                days=n, hours=R.uniform(16, 23.9)
            )
            folio.append(
                (
                    t,
                    off,
                    fno,
                    g.gno,
                    s.ship,
                    s.code,
                    "CHARGE",
                    outlet,
                    round(amt * R.uniform(0.5, 1.8), 2),
                )
            )
    dis = dep_dt + timedelta(days=s.nights, hours=R.uniform(7, 10))
    folio.append((dis, off, fno, g.gno, s.ship, s.code, "DISEMBARK", "Gangway", 0.0))
    if chance(0.38):
        base = 8.0 + (0.6 if grade == "Suite" else 0) + (0.5 if s.ship == "Horizon Aurora" else 0)
        if s.port == "Sydney" and grade == "Interior" and ts >= AU_INTERIOR_CUT:
            base -= 0.4
        sc = max(0, min(10, round(R.gauss(base, 1.7))))
        survey.append(
            (
                dis + timedelta(days=R.uniform(1, 7)),
                g.gno,
                rid,
                s.code,
                s.ship,
                sc,
                R.choice(
                    [
                        "",
                        "",
                        "Great crew",
                        "Food was excellent",
                        "Cabin a bit small",
                        "Loved the shows",
                        "Embarkation slow",
                        "服务很好",
                        "餐饮不错",
                        "排队太久",
                    ]
                ),
            )
        )
    if chance(0.07):
        o = dep_dt + timedelta(days=R.uniform(0, s.nights))
        reason = pick(
            ["Cabin issue", "Billing / folio", "Shore excursion", "Booking change"],
            [0.3, 0.3, 0.2, 0.2],
        )
        ch = pick(["Guest Services Desk", "Email", "Phone"], [0.5, 0.3, 0.2])
        fr = {
            "Guest Services Desk": R.uniform(0.02, 0.4),
            "Email": R.uniform(3, 30),
            "Phone": R.uniform(0.05, 0.6),
        }[ch]
        cases.append(
            (
                f"GC{nxt('case'):06d}",
                g.gno,
                o,
                o + timedelta(hours=fr),
                o + timedelta(hours=fr + R.uniform(1, 72)) if chance(0.95) else None,
                reason,
                ch,
                max(1, min(5, round(R.gauss(3.9, 1)))) if chance(0.4) else "",
            )
        )
    # rebook after the cruise
    if chance(0.09):
        t = at(dis + timedelta(days=R.uniform(10, 120)))
        ns = choose_sailing(pick(list(PORT_W), list(PORT_W.values())) if chance(0.3) else s.port, t)
        if ns:
            w(g, t - timedelta(minutes=5), "page_view", "newsletter", dev)
            w(g, t - timedelta(minutes=3), "sailing_search", "newsletter", dev, ns.port)
            book(g, t, ns, grade, "WEB", "newsletter", dev)
    return rid


for s in SAILINGS:
    s.market_mult = 1.25 if s.port == "Shanghai" else (1.1 if s.port == "Hong Kong" else 1.0)

SOURCES = ["google", "meta", "newsletter", "tv_au", "organic", "direct", "baidu"]


def season(dt):
    m = dt.month
    wv = 1.9 if m in (1, 2, 3) else (1.0 if m not in (4, 12) else 1.15)
    if dt.weekday() in (5, 6):
        wv *= 1.15
    return wv


def web_shopper(d):
    port = pick(list(PORT_W), list(PORT_W.values()))
    dt = datetime(d.year, d.month, d.day)
    if port == "Shanghai" and dt >= AURORA_ON_SALE and chance(0.35):
        port = "Shanghai"
    g = Guest(port)
    if port == "Sydney":
        src = pick(
            SOURCES,
            [0.32, 0.2, 0.08, 0.14 if dt.month in (1, 2, 3, 7, 8) else 0.03, 0.14, 0.12, 0.0],
        )
    elif port == "Shanghai":
        src = pick(SOURCES, [0.05, 0.05, 0.08, 0.0, 0.15, 0.25, 0.42])
    else:
        src = pick(SOURCES, [0.36, 0.24, 0.1, 0.0, 0.16, 0.14, 0.0])
    dev = pick(["desktop", "mobile", "tablet"], [0.42, 0.51, 0.07])
    t = at(d)
    p_book = {
        "google": 0.07,
        "meta": 0.04,
        "newsletter": 0.1,
        "tv_au": 0.035,
        "organic": 0.06,
        "direct": 0.09,
        "baidu": 0.05,
    }[src]
    grade = pick(GRADES, GRADE_W)
    if port == "Sydney" and dt >= AU_INTERIOR_CUT and chance(0.25):
        grade = "Interior"
    if port == "Sydney" and grade == "Interior" and dt >= AU_INTERIOR_CUT:
        p_book *= 1.7
    if chance(0.3) and src in ("newsletter",):
        identify(g, t)
    for visit in range(R.choice([1, 1, 2, 2, 3])):
        if visit:
            t = t + timedelta(days=R.uniform(0.5, 12))
            if chance(0.5):
                src = pick(
                    ["direct", "organic", "newsletter", "google"], [4, 2, 2 if g.gno else 0, 2]
                )
        if not w(g, t, "page_view", src, dev, port):
            return
        w(g, t + timedelta(minutes=R.uniform(0.5, 3)), "sailing_search", src, dev, port)
        s = choose_sailing(port, t)
        if s is None or not chance(0.55):
            continue
        t2 = t + timedelta(minutes=R.uniform(4, 15))
        if chance(0.5):
            identify(g, t2)
        w(g, t2, "quote_requested", src, dev, port, grade)
        if chance(p_book * 4.5):
            if g.gno is None:
                identify(g, t2)
            tb = t2 + (
                timedelta(minutes=R.uniform(5, 30))
                if chance(0.6)
                else timedelta(days=R.uniform(1, 9))
            )
            w(g, tb - timedelta(minutes=2), "login", src, dev, port)
            book(g, tb, s, grade, "WEB", src, dev)
            return


def agent_booking(d):
    code, agency, port = R.choice(AGENCIES)
    g = Guest(port)
    identify(g, at(d, OFFICE))
    t = g.created
    s = choose_sailing(port, t)
    if s is None:
        return
    grade = pick(GRADES, [0.3, 0.25, 0.33, 0.12])
    for _ in range(R.choice([1, 1, 2])):
        qref = f"Q{nxt('quote'):06d}"
        comm = "14" if t >= COMMISSION_UP else "10"
        if within(t):
            quotes.append(
                (t, qref, code, agency, g.gno, s.code, PORT_CODE[s.port], GRADE_CODE[grade], comm)
            )
        t = t + timedelta(hours=R.uniform(0.5, 30))
    p = 0.5 if t >= COMMISSION_UP else 0.38
    if chance(p):
        book(g, at(t, OFFICE), s, grade, "AGENT", "", "", code)


def ctrip_booking(d):
    port = pick(["Shanghai", "Hong Kong", "Singapore"], [0.7, 0.22, 0.08])
    g = Guest(port)
    g.market = "Mainland China"
    g.lang = "zh-CN"
    t = at(d)
    s = choose_sailing(port, t, 14, 200)
    if s:
        book(g, t, s, pick(GRADES, [0.42, 0.26, 0.25, 0.07]), "CTRIP", "", "")


def simulate():
    for k in range(N_DAYS):
        d = START.date() + timedelta(days=k)
        dt = datetime(d.year, d.month, d.day)
        sw = season(dt)
        for _ in range(poisson(17 * sw)):
            web_shopper(d)
        lam_agent = (
            2.6 * sw * (1.6 if dt >= COMMISSION_UP else 1.0) * (0.2 if d.weekday() == 6 else 1.0)
        )
        for _ in range(poisson(lam_agent)):
            agent_booking(d)
        lam_ctrip = 1.6 * sw * (1.5 if dt >= AURORA_ON_SALE else 1.0)
        for _ in range(poisson(lam_ctrip)):
            ctrip_booking(d)


def write(folder: Path):
    sgt = timedelta(hours=8)
    with open(folder / "web_analytics.jsonl", "w") as f:
        for r in sorted(web, key=lambda r: (r[0], r[1], r[3])):
            obj = {
                "event_time": f"{r[0] - sgt:%Y-%m-%dT%H:%M:%S}Z",
                "cookie_id": r[1],
                "guest_id": r[2] or None,
                "event_name": r[3],
                "utm_source": r[4],
                "device_type": r[5],
                "departure_port": r[6] or None,
                "cabin_grade": r[7] or None,
            }
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    with open(folder / "guest_profiles.csv", "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(["GuestNo", "CreatedDate", "Market", "LoyaltyTier", "PreferredLanguage"])
        for g in sorted(guests, key=lambda g: g.gno):
            cw.writerow([g.gno, f"{g.created:%d-%b-%Y %H:%M}", g.market, g.tier, g.lang])
    with open(folder / "reservations.csv", "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(
            [
                "TxnDateTime",
                "ResID",
                "GuestNo",
                "TxnType",
                "SailingCode",
                "ShipName",
                "HomePort",
                "SailDate",
                "Nights",
                "CabinGrade",
                "Currency",
                "AmountLocal",
                "AmountUSD",
                "BookingSource",
                "AgentCode",
                "AddOnType",
                "CancelReason",
                "DaysBeforeSailing",
                "BookingValueUSD",
                "CommissionPct",
            ]
        )
        for r in sorted(resv, key=lambda r: (r[0], r[1], r[3])):
            typ, extra = r[3], r[15]
            addon = extra if typ == "ADDON" else ""
            reason = ""
            if typ in ("CXL", "FCC") or (typ == "RFND" and extra == "TYPHOON"):
                reason = {"TYPHOON": "WEATHER", "NONPAY": "NON-PAYMENT"}.get(extra, "GUEST")
            days = (datetime(r[7].year, r[7].month, r[7].day) - r[0]).days if typ == "CXL" else ""
            value = (
                f"{r[12] / 0.15:.2f}"
                if typ == "HOLD"
                else (f"{r[12]:.2f}" if typ == "ADDON" else "")
            )
            cw.writerow(
                [
                    f"{r[0]:%d-%b-%Y %H:%M}",
                    r[1],
                    r[2],
                    typ,
                    r[4],
                    r[5],
                    r[6],
                    f"{r[7]:%d-%b-%Y}",
                    r[8],
                    r[9],
                    r[10],
                    f"{r[11]:.2f}",
                    f"{r[12]:.2f}",
                    r[13],
                    r[14],
                    addon,
                    reason,
                    days,
                    value,
                    r[16],
                ]
            )
    with open(folder / "agent_portal.csv", "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(
            [
                "quote_created",
                "quote_ref",
                "agency_code",
                "agency_name",
                "guest_no",
                "sailing",
                "port",
                "grade",
                "commission_pct",
            ]
        )
        for r in sorted(quotes, key=lambda r: (r[0], r[1])):
            cw.writerow([f"{r[0]:%Y/%m/%d %H:%M}", *list(r[1:])])
    with open(folder / "folio_export.csv", "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(
            [
                "PostingTime",
                "UtcOffset",
                "FolioNo",
                "GuestNo",
                "Ship",
                "VoyageCode",
                "PostingType",
                "Outlet",
                "AmountUSD",
            ]
        )
        for r in sorted(folio, key=lambda r: (r[0], r[2], r[6])):
            # simulated clock is SGT; the folio writes ship-local time with its offset
            local = r[0] + (timedelta(hours=int(r[1][1:3])) - sgt)
            if not within(r[0]):
                continue
            cw.writerow(
                [f"{local:%Y-%m-%d %H:%M:%S}{r[1].replace(':', '')}", r[1], *r[2:8], f"{r[8]:.2f}"]
            )
    with open(folder / "post_cruise_survey.csv", "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(
            [
                "response_id",
                "submitted_at",
                "guest_number",
                "booking_ref",
                "voyage",
                "ship",
                "nps_score",
                "comment",
            ]
        )
        for i, r in enumerate(sorted(survey, key=lambda r: (r[0], r[1]))):
            if within(r[0]):
                cw.writerow([f"SV{i + 1:06d}", f"{r[0]:%Y-%m-%dT%H:%M:%S}+08:00", *list(r[1:])])

    def fmt(ts):
        return f"{ts:%d-%b-%Y %H:%M}" if ts and ts < END else ""

    with open(folder / "guest_care_cases.csv", "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(
            [
                "CaseNo",
                "GuestNo",
                "Opened",
                "FirstResponse",
                "Resolved",
                "Reason",
                "ContactChannel",
                "CSAT",
            ]
        )
        for r in sorted(cases, key=lambda r: r[0]):
            if within(r[2]):
                cw.writerow([r[0], r[1], fmt(r[2]), fmt(r[3]), fmt(r[4]), r[5], r[6], r[7]])
    with open(folder / "marketing_spend.csv", "w", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(["Month", "Channel", "SpendUSD"])
        base = {
            "Google Ads": 42000,
            "Meta": 26000,
            "Newsletter": 3000,
            "Baidu": 9000,
            "Trip.com": 15000,
        }
        m = date(2025, 12, 1)
        while m < END.date():
            for ch, amt in base.items():
                k = R.uniform(0.9, 1.1) * (1.5 if m.month in (1, 2, 3) else 1.0)
                if ch == "Baidu" and m >= date(2026, 3, 1):
                    k *= 1.4
                cw.writerow([f"{m:%b-%Y}", ch, f"{amt * k:.2f}"])
            if m.month in (1, 2, 3, 7, 8):
                cw.writerow([f"{m:%b-%Y}", "TV Australia", f"{R.uniform(85000, 110000):.2f}"])
            m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def main(argv):
    if len(argv) != 2:
        print("usage: python generate.py OUT.duckdb", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    simulate()
    from connectors.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="cruise-src-") as tmp:
        folder = Path(tmp)
        write(folder)
        if os.environ.get("CRUISE_KEEP_SRC"):
            shutil.copytree(folder, os.environ["CRUISE_KEEP_SRC"], dirs_exist_ok=True)
        shutil.copyfile(HERE / "ingest.yaml", folder / "ingest.yaml")
        if out.exists():
            out.unlink()
        report = ingest(folder / "ingest.yaml", out)
        print("\n".join(report.lines()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
